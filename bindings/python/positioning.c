/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref.Positioning: a team's positioning document (doc/positioning.md), its persons,
 * ratings and levels as dicts, and what the library computes from it against a
 * referential (the embedded one when none is given): validation, coverage, needs, the
 * printed grids. cispref.load_positioning() makes one. */
#include <string.h>

#include "cispref_py.h"

typedef struct {
	PyObject_HEAD
	cispref_positioning *pos;
} PositioningObject;

static void positioning_dealloc(PyObject *o)
{
	PyTypeObject *type = Py_TYPE(o);
	cispref_positioning_free(((PositioningObject *)o)->pos);
	PyObject_Free(o);
	Py_DECREF(type);
}

/* The referential to read the document against: @arg (a Referential of this module) or,
 * for None, the embedded one, loaded into *@owned (which the caller frees). NULL with an
 * exception. */
static const cispref_referential *reference(PyObject *self, PyObject *arg,
                                            cispref_referential **owned)
{
	module_state *state = state_of(self);
	*owned = NULL;
	if (arg && arg != Py_None) {
		if (!PyObject_TypeCheck(arg, state->referential_type)) {
			PyErr_SetString(PyExc_TypeError, "referential must be a cispref.Referential or None");
			return NULL;
		}
		return ((ReferentialObject *)arg)->ref;
	}
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_referential_load_default(owned, &error);
	PyEval_RestoreThread(thread);
	if (rc) {
		raise_error(state, &error);
		return NULL;
	}
	return *owned;
}

/* {key: value, ...} from alternating C strings (NULL values become None); the last key
 * is NULL. */
static PyObject *dict_of(const char *const *pairs)
{
	PyObject *d = PyDict_New();
	for (; d && pairs[0]; pairs += 2) {
		PyObject *v = str_or_none(pairs[1]);
		if (!v || PyDict_SetItemString(d, pairs[0], v) < 0) {
			Py_XDECREF(v);
			Py_DECREF(d);
			return NULL;
		}
		Py_DECREF(v);
	}
	return d;
}

/* A list of the @n records of @pos that @record makes (a new dict each), or NULL with an
 * exception. */
typedef PyObject *(*record_fn)(const cispref_positioning *pos, size_t index);

static PyObject *list_of(const cispref_positioning *pos, size_t n, record_fn record)
{
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		PyObject *d = record(pos, i);
		if (!d) {
			Py_CLEAR(list);
			break;
		}
		PyList_SetItem(list, (Py_ssize_t)i, d);
	}
	return list;
}

static PyObject *person_record(const cispref_positioning *pos, size_t index)
{
	const cispref_person *p = cispref_positioning_person(pos, index);
	const char *pairs[] = {"id", cispref_person_id(p), "name", cispref_person_name(p),
	                       "role", cispref_person_role(p), NULL};
	return dict_of(pairs);
}

static PyObject *rating_record(const cispref_positioning *pos, size_t index)
{
	const cispref_rating *r = cispref_positioning_rating(pos, index);
	const char *pairs[] = {"person", cispref_rating_person(r), "target",
	                       cispref_rating_target(r), "level", cispref_rating_level(r),
	                       "date", cispref_rating_date(r), "source",
	                       cispref_rating_source_name(cispref_rating_source(r)), "comment",
	                       cispref_rating_comment(r), NULL};
	return dict_of(pairs);
}

static PyObject *level_record(const cispref_positioning *pos, size_t index)
{
	const cispref_level *l = cispref_positioning_level(pos, index);
	return Py_BuildValue("{s:s,s:s,s:O}", "id", cispref_level_id(l), "label",
	                     cispref_level_label(l), "proficient",
	                     cispref_level_proficient(l) ? Py_True : Py_False);
}

static PyObject *get_persons(PyObject *o, void *closure)
{
	(void)closure;
	const cispref_positioning *pos = ((PositioningObject *)o)->pos;
	return list_of(pos, cispref_positioning_person_count(pos), person_record);
}

static PyObject *get_ratings(PyObject *o, void *closure)
{
	(void)closure;
	const cispref_positioning *pos = ((PositioningObject *)o)->pos;
	return list_of(pos, cispref_positioning_rating_count(pos), rating_record);
}

static PyObject *get_levels(PyObject *o, void *closure)
{
	(void)closure;
	const cispref_positioning *pos = ((PositioningObject *)o)->pos;
	return list_of(pos, cispref_positioning_level_count(pos), level_record);
}

static PyObject *get_referential_id(PyObject *o, void *closure)
{
	(void)closure;
	return str_or_none(cispref_positioning_referential_id(((PositioningObject *)o)->pos));
}

static PyObject *get_edition(PyObject *o, void *closure)
{
	(void)closure;
	return str_or_none(cispref_positioning_edition(((PositioningObject *)o)->pos));
}

/* [f(i, j) for j in range(n)] as a list of str. */
static PyObject *id_list(size_t n, const char *(*get)(const void *, size_t, size_t),
                         const void *from, size_t index)
{
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t j = 0; list && j < n; j++) {
		PyObject *s = str_or_none(get(from, index, j));
		if (!s) {
			Py_CLEAR(list);
			break;
		}
		PyList_SetItem(list, (Py_ssize_t)j, s);
	}
	return list;
}

static const char *coverage_person(const void *c, size_t i, size_t j)
{
	return cispref_person_id(cispref_coverage_person(c, i, j));
}

static const char *needs_person(const void *n, size_t i, size_t j)
{
	return cispref_person_id(cispref_needs_person(n, i, j));
}

static const char *needs_competence(const void *n, size_t i, size_t j)
{
	return cispref_competence_id(cispref_needs_competence(n, i, j));
}

static PyObject *coverage_list(const cispref_coverage *cov)
{
	size_t n = cispref_coverage_count(cov);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t c = 0; list && c < n; c++) {
		const cispref_competence *comp = cispref_coverage_competence(cov, c);
		PyObject *persons = id_list(cispref_coverage_person_count(cov, c), coverage_person,
		                            cov, c);
		PyObject *d = persons ? Py_BuildValue("{s:s,s:s,s:n,s:N}", "competence",
		                                      cispref_competence_id(comp), "title",
		                                      cispref_competence_title(comp), "count",
		                                      (Py_ssize_t)cispref_coverage_person_count(cov, c),
		                                      "persons", persons)
		                      : NULL;
		if (!d) {
			Py_CLEAR(list);
			break;
		}
		PyList_SetItem(list, (Py_ssize_t)c, d);
	}
	return list;
}

static PyObject *pos_coverage(PyObject *self, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"referential", NULL};
	PyObject *arg = Py_None;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:coverage", keywords, &arg))
		return NULL;
	cispref_referential *owned;
	const cispref_referential *ref = reference(self, arg, &owned);
	if (!ref)
		return NULL;
	cispref_coverage *cov = NULL;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_coverage_new(&cov, ((PositioningObject *)self)->pos, ref);
	PyEval_RestoreThread(thread);
	PyObject *result = rc ? PyErr_NoMemory() : coverage_list(cov);
	cispref_coverage_free(cov);
	cispref_referential_free(owned);
	return result;
}

static PyObject *needs_list(const cispref_needs *needs)
{
	size_t n = cispref_needs_count(needs);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		PyObject *persons = id_list(cispref_needs_person_count(needs, i), needs_person, needs, i);
		PyObject *comps = persons ? id_list(cispref_needs_competence_count(needs, i),
		                                    needs_competence, needs, i)
		                          : NULL;
		PyObject *d = comps ? Py_BuildValue("{s:s,s:s,s:s,s:N,s:N}", "id",
		                                    cispref_needs_id(needs, i), "kind",
		                                    cispref_needs_concept(needs, i) ? "concept" : "item",
		                                    "label", cispref_needs_label(needs, i), "persons",
		                                    persons, "competences", comps)
		                    : NULL;
		if (!d) {
			if (!comps)
				Py_XDECREF(persons);
			Py_CLEAR(list);
			break;
		}
		PyList_SetItem(list, (Py_ssize_t)i, d);
	}
	return list;
}

static PyObject *pos_needs(PyObject *self, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"referential", "person", NULL};
	PyObject *arg = Py_None, *person_obj = Py_None;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O$O:needs", keywords, &arg, &person_obj))
		return NULL;
	const char *person = person_obj == Py_None ? NULL : c_text(person_obj, "person");
	if (person_obj != Py_None && !person)
		return NULL;
	cispref_referential *owned;
	const cispref_referential *ref = reference(self, arg, &owned);
	if (!ref)
		return NULL;
	cispref_needs *needs = NULL;
	int rc = cispref_needs_new(&needs, ((PositioningObject *)self)->pos, ref, person);
	PyObject *result = rc == CISPREF_ENOTFOUND
	                           ? PyErr_Format(PyExc_KeyError, "no person %R", person_obj)
	                   : rc ? PyErr_NoMemory()
	                        : needs_list(needs);
	cispref_needs_free(needs);
	cispref_referential_free(owned);
	return result;
}

static PyObject *pos_validate(PyObject *self, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"referential", NULL};
	PyObject *arg = Py_None;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:validate", keywords, &arg))
		return NULL;
	cispref_referential *owned;
	const cispref_referential *ref = reference(self, arg, &owned);
	if (!ref)
		return NULL;
	cispref_diagnostics *list = NULL;
	int rc = cispref_positioning_validate(&list, ((PositioningObject *)self)->pos, ref);
	PyObject *result = rc ? PyErr_NoMemory() : diagnostics_to_list(state_of(self), list);
	cispref_diagnostics_free(list);
	cispref_referential_free(owned);
	return result;
}

static PyObject *pos_save(PyObject *self, PyObject *args)
{
	PyObject *path;
	if (!PyArg_ParseTuple(args, "O&:save", PyUnicode_FSConverter, &path))
		return NULL;
	cispref_error error;
	int rc = cispref_positioning_save(((PositioningObject *)self)->pos, PyBytes_AsString(path),
	                                  &error);
	Py_DECREF(path);
	if (rc)
		return raise_error(state_of(self), &error);
	Py_RETURN_NONE;
}

static PyObject *pos_render(PyObject *self, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"what", "format", "referential", "person", "anonymize", NULL};
	const char *what = "grid", *format = "html";
	PyObject *arg = Py_None, *person_obj = Py_None;
	int anonymize = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|ssO$Op:render", keywords, &what, &format,
	                                 &arg, &person_obj, &anonymize))
		return NULL;
	cispref_team_render_t w;
	cispref_render_format_t f;
	if (strcmp(what, "grid") == 0)
		w = CISPREF_TEAM_RENDER_GRID;
	else if (strcmp(what, "coverage") == 0)
		w = CISPREF_TEAM_RENDER_COVERAGE;
	else
		return set_value_error("what is 'grid' or 'coverage'");
	if (cispref_render_format_from_name(&f, format) != 0 ||
	    (f != CISPREF_RENDER_HTML && f != CISPREF_RENDER_ODT))
		return set_value_error("format is 'html' or 'odt'");
	const char *person = person_obj == Py_None ? NULL : c_text(person_obj, "person");
	if (person_obj != Py_None && !person)
		return NULL;
	cispref_referential *owned;
	const cispref_referential *ref = reference(self, arg, &owned);
	if (!ref)
		return NULL;
	char *buf = NULL;
	size_t size = 0;
	cispref_error error;
	int rc = cispref_team_render(&buf, &size, w, f, ((PositioningObject *)self)->pos, ref,
	                             person, anonymize ? CISPREF_TEAM_ANONYMIZE : 0, &error);
	PyObject *result = rc == CISPREF_ENOTFOUND ? PyErr_Format(PyExc_KeyError, "no person %R",
	                                                          person_obj)
	                   : rc ? raise_error(state_of(self), &error)
	                        : PyBytes_FromStringAndSize(buf, (Py_ssize_t)size);
	cispref_buffer_free(buf);
	cispref_referential_free(owned);
	return result;
}

static PyGetSetDef pos_getset[] = {
	{"referential_id", get_referential_id, NULL, "The id of the referential rated (str).", NULL},
	{"edition", get_edition, NULL, "Its edition (str), or None.", NULL},
	{"levels", get_levels, NULL,
	 "The scale, lowest first: a list of {'id', 'label', 'proficient'}.", NULL},
	{"persons", get_persons, NULL,
	 "The persons: a list of {'id', 'name', 'role'} (name and role may be None).", NULL},
	{"ratings", get_ratings, NULL,
	 "The ratings, in document order: a list of {'person', 'target', 'level', 'date',\n"
	 "'source', 'comment'} (the last three may be None).", NULL},
	{NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef pos_methods[] = {
	{"coverage", (PyCFunction)(void (*)(void))pos_coverage, METH_VARARGS | METH_KEYWORDS,
	 "coverage($self, /, referential=None)\n--\n\n"
	 "For each competence of the referential (the embedded one for None), in document\n"
	 "order: {'competence', 'title', 'count', 'persons'}, the ids of the persons\n"
	 "proficient on it (doc/positioning.md)."},
	{"needs", (PyCFunction)(void (*)(void))pos_needs, METH_VARARGS | METH_KEYWORDS,
	 "needs($self, /, referential=None, *, person=None)\n--\n\n"
	 "The training needs, ranked: {'id', 'kind' ('concept' or 'item'), 'label',\n"
	 "'persons', 'competences'}; person keeps one person's gaps (KeyError if unknown)."},
	{"validate", (PyCFunction)(void (*)(void))pos_validate, METH_VARARGS | METH_KEYWORDS,
	 "validate($self, /, referential=None)\n--\n\n"
	 "The findings against the referential (-> list of Diagnostic)."},
	{"save", pos_save, METH_VARARGS,
	 "save($self, path, /)\n--\n\nWrite the document to path, atomically."},
	{"render", (PyCFunction)(void (*)(void))pos_render, METH_VARARGS | METH_KEYWORDS,
	 "render($self, /, what='grid', format='html', referential=None, *, person=None,\n"
	 "       anonymize=False)\n--\n\n"
	 "A positioning grid (blank, or ticked with person's levels) or the coverage\n"
	 "matrix ('coverage'), as HTML or ODT (-> bytes)."},
	{"__reduce__", refuse_pickling, METH_NOARGS, REDUCE_DOC},
	{NULL, NULL, 0, NULL},
};

static PyType_Slot positioning_slots[] = {
	{Py_tp_dealloc, positioning_dealloc},
	{Py_tp_methods, pos_methods},
	{Py_tp_getset, pos_getset},
	{Py_tp_doc, (void *)"A team's positioning document (doc/positioning.md). Get one with "
	                    "cispref.load_positioning() or cispref.loads_positioning()."},
	{0, NULL},
};

static PyType_Spec positioning_spec = {
	.name = "cispref.Positioning",
	.basicsize = sizeof(PositioningObject),
	.flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
	.slots = positioning_slots,
};

PyObject *load_positioning(const module_state *state, const char *path, const char *data,
                           size_t size, const char *name)
{
	cispref_positioning *pos;
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = path ? cispref_positioning_load_file(&pos, path, NULL, &error)
	              : cispref_positioning_load_memory(&pos, data, size, name, NULL, &error);
	PyEval_RestoreThread(thread);
	if (rc)
		return raise_error(state, &error);
	PositioningObject *o = PyObject_New(PositioningObject, state->positioning_type);
	if (!o) {
		cispref_positioning_free(pos);
		return NULL;
	}
	o->pos = pos;
	return (PyObject *)o;
}

int positioning_type_add(PyObject *module, module_state *state)
{
	PyObject *type = PyType_FromModuleAndSpec(module, &positioning_spec, NULL);
	state->positioning_type = (PyTypeObject *)type;
	return type && PyModule_AddType(module, state->positioning_type) == 0 ? 0 : -1;
}
