/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Shared declarations of the Python module's files. The module uses only the public C
 * API of cispref, and of CPython only the limited API (the build defines Py_LIMITED_API).
 *
 * The files form layers; each calls only the ones before it, never back:
 *   helpers.c      strings between Python and C, cispref.Error
 *   objects.c      creating nodes, lists and referentials; the referential's index
 *   node.c         the node types          nodelist.c  the list type
 *   records.c      Diagnostic, Hit and Change
 *   referential.c  the Referential type
 *   positioning.c  the Positioning type (a team's positioning document)
 *   loading.c      the readers of load() and loads(): XML, Moodle CSV, CASE
 *   module.c       load(), loads(), default(), the module and its state
 * (tests/abi/check-layers.py fails on any cycle.)
 *
 * Everything per module lives in its state (module_state): an interpreter, or a second
 * import of the same file, has its own types and its own cispref.Error. None of the
 * module's types can be subclassed, so the type of an object is always the one its
 * module made, and state_of() finds that module's state from any of its objects.
 *
 * The GIL is released around every call into the library that may take long, always the
 * same way: PyEval_SaveThread(), the call, PyEval_RestoreThread(), with nothing of Python
 * touched in between and every Python object the call reads kept alive (and immutable:
 * bytes, str, tuples) by the caller. These calls are: loading (load, loads, default),
 * save, to_xml/to_json, render (to a buffer or a path), validate, search, building the
 * index (first concept query or search) and comparing two referentials. Short
 * accessors keep the GIL. */
#ifndef CISPREF_PY_H
#define CISPREF_PY_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <cispref/cispref.h>

/* The module's types and exception, one set per module object. */
typedef struct {
	PyTypeObject *referential_type;
	/* indexed by cispref_node_type_t; [CISPREF_NODE_NONE] stays NULL */
	PyTypeObject *node_types[CISPREF_NODE_NOTE + 1];
	PyTypeObject *nodelist_type;
	PyTypeObject *diagnostic_type;
	PyTypeObject *hit_type;
	PyTypeObject *positioning_type;
	PyTypeObject *change_type;
	/* cispref.Error and its subclasses FileError (also an OSError), ParseError and
	 * RuleError */
	PyObject *error, *file_error, *parse_error, *rule_error;
} module_state;

/* The state of the module that made @o's type; @o is any object of the module's own
 * types (none can be subclassed, so its type is the module's). */
static inline module_state *state_of(PyObject *o)
{
	return (module_state *)PyType_GetModuleState(Py_TYPE(o));
}

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

/* The lists a NodeList can show. The first ones read the model's own lists; from
 * LIST_NOTE_REFS on, the list is gathered once into NodeListObject::nodes. */
typedef enum {
	LIST_DOMAINS, LIST_CONCEPTS, LIST_NOTES, LIST_SUMMARY, LIST_PLANS, LIST_COMPETENCES,
	LIST_SAVOIR_FAIRE, LIST_SAVOIR_FAIRE_COMPORTEMENTAUX, LIST_SAVOIRS,
	LIST_NOTE_REFS,        /* a competence's notes that exist */
	LIST_ALL_COMPETENCES,  /* every competence of the referential, in document order */
	LIST_ALL_ITEMS,        /* every item of the referential, in document order */
	LIST_ITEMS             /* a competence's items, its three lists one after the other */
} list_kind;

/* A read-only view of one list of the model. */
typedef struct {
	PyObject_HEAD
	ReferentialObject *owner;
	list_kind kind;
	const void *parent;
	/* From LIST_NOTE_REFS on: the handles, gathered once. Which note references
	 * resolve is known only by looking each up, and the flat lists only by walking the
	 * referential: doing that again for every len() and every index would make
	 * iteration quadratic. The referential is read-only, so the answer cannot change. */
	const void **nodes;
	Py_ssize_t node_count;
} NodeListObject;

/* ---- helpers.c: strings between Python and C ------------------------------------ */

/* Texts of the model are UTF-8 (the loader checks them); file names are bytes in the
 * file-system encoding; messages may quote either, so they are decoded leniently rather
 * than raise UnicodeDecodeError. */
PyObject *str_or_none(const char *s);
PyObject *message_str(const char *s);
PyObject *path_str_or_none(const char *s);
PyObject *set_value_error(const char *message);
/* The name of @o's type for messages ("int"): a new reference, or NULL with an error. */
PyObject *type_name(PyObject *o);
/* The UTF-8 of str @o for C, or NULL with TypeError (not a str) or ValueError (a NUL
 * inside, which C would take for the end); @what names the argument in the message.
 * Every str the module hands to C goes through here. */
const char *c_text(PyObject *o, const char *what);
/* __reduce__ of the module's types: a node is a view into a referential that only
 * the library can build, so none pickles. The static types refused by themselves; heap
 * types would pickle under protocols 0 and 1 (copyreg) without this. */
PyObject *refuse_pickling(PyObject *self, PyObject *unused);
/* Its docstring, with the text signature that inspect.signature() reads. */
#define REDUCE_DOC "__reduce__($self, /)\n--\n\nRaises TypeError: the object does not pickle."
/* PyArg "O&" converter: a file name (str, bytes or os.PathLike, as bytes) or None. */
int optional_path(PyObject *o, void *out);
/* Raise the module's cispref.Error (or the subclass for @error's code, MemoryError for
 * CISPREF_ENOMEM) with the details of @error; returns NULL. */
PyObject *raise_error(const module_state *state, const cispref_error *error);

/* ---- objects.c: creating the module's objects ----------------------------------- */

/* A new Referential of @state's type owning @ref (freed on failure). */
PyObject *wrap_referential(const module_state *state, cispref_referential *ref);
/* A new node of @owner for @ptr, or None when @ptr is NULL. */
PyObject *wrap_node(ReferentialObject *owner, cispref_node_type_t type, const void *ptr);
PyObject *nodelist_new(ReferentialObject *owner, list_kind kind, const void *parent);
/* @self's index, built on first use (without the GIL); NULL with MemoryError. */
const cispref_index *referential_index(ReferentialObject *self);

/* ---- loading.c: the readers of load() and loads() -------------------------------- */

typedef enum { READER_XML, READER_MOODLE, READER_CASE } reader_kind;

/* The keywords of load() and loads() that choose the reader and its options, as
 * parsed (NULL or None for those not given). */
typedef struct {
	PyObject *format;
	int lenient, foreign;
	PyObject *max_input_size, *max_text_length, *max_elements;
	PyObject *depths, *encoding, *delimiter;
	PyObject *diagnostics;
} load_keywords;

/* A reader and its options. The strings point into the keywords' str objects, which
 * the caller keeps alive until the load ends. */
typedef struct {
	reader_kind reader;
	int lenient;
	size_t max_input_size;           /* the reader's, 0 for none: how much to read of a file object */
	cispref_load_options xml;
	cispref_moodle_options moodle;
	cispref_case_options cases;
	PyObject *diagnostics;           /* borrowed list that receives an import's findings, or NULL */
} load_request;

/* Fill @r from @k: 0, or -1 with ValueError (an unknown format, a keyword that does not
 * apply to it, a bad limit or delimiter) or TypeError. */
int load_request_init(load_request *r, const load_keywords *k);
/* Read the file at @path, or (@path NULL) @size bytes at @data named @name (NULL:
 * "<memory>"), as @r says: the Referential, or NULL with cispref.Error. An import
 * (Moodle, CASE) appends its findings to @r's list; unless lenient, the first of
 * severity error raises cispref.RuleError, as a strict XML load does for a rule. */
PyObject *load_request_run(const module_state *state, const load_request *r, const char *path,
                           const char *data, size_t size, const char *name);

/* ---- the types: each creates its own and adds them to @module ------------------- */

int node_types_add(PyObject *module, module_state *state);        /* node.c */
int nodelist_type_add(PyObject *module, module_state *state);     /* nodelist.c */
int record_types_add(PyObject *module, module_state *state);      /* records.c */
int referential_type_add(PyObject *module, module_state *state);  /* referential.c */

/* positioning.c: a new Positioning loaded from @path (file-system bytes), or NULL with
 * the exception; and its type */
/* A positioning document from the file @path, or else from @size bytes at @data named
 * @name (NULL: "<memory>"), read without the GIL (the caller keeps them alive). */
PyObject *load_positioning(const module_state *state, const char *path, const char *data,
                           size_t size, const char *name);
int positioning_type_add(PyObject *module, module_state *state);

/* records.c */
PyObject *diagnostics_to_list(const module_state *state, const cispref_diagnostics *list);
PyObject *results_to_list(ReferentialObject *owner, const cispref_results *results);
PyObject *changes_to_list(const module_state *state, const cispref_diff *diff);

#endif
