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
PyObject *wrap_node(ReferentialObject *owner, cispref_node_type type, const void *ptr);
int node_types_ready(PyObject *module);

/* nodelist.c */
PyObject *nodelist_new(ReferentialObject *owner, list_kind kind, const void *parent);

/* referential.c */
const cispref_index *referential_index(ReferentialObject *self);

/* records.c */
int record_types_ready(PyObject *module);
PyObject *diagnostics_to_list(const cispref_diagnostics *list);
PyObject *results_to_list(ReferentialObject *owner, const cispref_results *results);

/* Kind names as Python strings; an unknown name raises ValueError. */
PyObject *str_or_none(const char *s);

#endif
