/* Shared declarations of the Python module's files. The module uses only the public C
 * API of cispref. */
#ifndef CISPREF_PY_H
#define CISPREF_PY_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <cispref/cispref.h>

/* A loaded referential; every node object holds a reference to it, so it lives as long
 * as anything taken from it. The index for concept queries and search is built on first
 * use. */
typedef struct {
	PyObject_HEAD
	cispref_referential *ref;
	cispref_index *index;
} ReferentialObject;

/* Any node: a borrowed C handle and the referential that owns it. */
typedef struct {
	PyObject_HEAD
	ReferentialObject *owner;
	const void *ptr;
} NodeObject;

extern PyTypeObject ReferentialType;
extern PyTypeObject DomainType, SummaryEntryType, PlanType, CompetenceType, ItemType,
	ConceptType, NoteType;
extern PyTypeObject NodeListType;
extern PyObject *CisprefError;
extern PyTypeObject *DiagnosticType;
extern PyTypeObject *HitType;

/* The lists a NodeList can show. */
typedef enum {
	LIST_DOMAINS, LIST_CONCEPTS, LIST_NOTES, LIST_SUMMARY, LIST_PLANS, LIST_COMPETENCES,
	LIST_SAVOIR_FAIRE, LIST_SAVOIR_FAIRE_COMPORTEMENTAUX, LIST_SAVOIRS, LIST_NOTE_REFS
} list_kind;

/* module.c */
PyObject *raise_error(const cispref_error *error);
PyObject *wrap_referential(cispref_referential *ref);

/* node.c */
PyObject *wrap_node(ReferentialObject *owner, cispref_node_type_t type, const void *ptr);
int node_types_ready(PyObject *module);

/* nodelist.c */
PyObject *nodelist_new(ReferentialObject *owner, list_kind kind, const void *parent);

/* referential.c */
const cispref_index *referential_index(ReferentialObject *self);

/* records.c */
int record_types_ready(PyObject *module);
PyObject *diagnostics_to_list(const cispref_diagnostics *list);
PyObject *results_to_list(ReferentialObject *owner, const cispref_results *results);

/* module.c: strings between Python and C. Texts of the model are UTF-8 (the loader
 * checks them); file names are bytes in the file-system encoding; messages may quote
 * either, so they are decoded leniently rather than raise UnicodeDecodeError. */
PyObject *str_or_none(const char *s);
PyObject *message_str(const char *s);
PyObject *path_str_or_none(const char *s);
PyObject *set_value_error(const char *message);
/* The UTF-8 of str @o for C, or NULL with TypeError (not a str) or ValueError (a NUL
 * inside, which C would take for the end); @what names the argument in the message.
 * Every str the module hands to C goes through here. */
const char *c_text(PyObject *o, const char *what);
/* PyArg "O&" converters: a file name (str, bytes or os.PathLike, as bytes) or None. */
int optional_path(PyObject *o, void *out);

#endif
