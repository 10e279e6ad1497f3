/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The Referential type: metadata, lists, lookup by id, search, validation, export. */
#include <string.h>

#include "cispref_py.h"

#define REF(s) (((ReferentialObject *)(s))->ref)

/* Its only Python reference is its type (a heap type), which the collector must see. */
static int referential_traverse(PyObject *o, visitproc visit, void *arg)
{
	Py_VISIT(Py_TYPE(o));
	return 0;
}

static void referential_dealloc(PyObject *o)
{
	ReferentialObject *self = (ReferentialObject *)o;
	PyTypeObject *type = Py_TYPE(o);
	PyObject_GC_UnTrack(o);
	cispref_index_free(self->index);
	cispref_referential_free(self->ref);
	PyObject_GC_Del(o);
	Py_DECREF(type);
}

static PyObject *ref_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_referential_id(REF(s))); }
static PyObject *ref_title(PyObject *s, void *c) { (void)c; return str_or_none(cispref_referential_title(REF(s))); }
static PyObject *ref_version(PyObject *s, void *c) { (void)c; return str_or_none(cispref_referential_version(REF(s))); }
static PyObject *ref_language(PyObject *s, void *c) { (void)c; return str_or_none(cispref_referential_language(REF(s))); }
static PyObject *ref_uuid(PyObject *s, void *c) { (void)c; return str_or_none(cispref_referential_uuid(REF(s))); }
static PyObject *ref_languages(PyObject *s, void *c)
{
	(void)c;
	size_t n = cispref_referential_translation_language_count(REF(s));
	PyObject *t = PyTuple_New((Py_ssize_t)n);
	for (size_t i = 0; t && i < n; i++) {
		PyObject *tag = PyUnicode_FromString(cispref_referential_translation_language(REF(s), i));
		if (!tag || PyTuple_SetItem(t, (Py_ssize_t)i, tag) < 0) { /* steals @tag */
			Py_DECREF(t);
			return NULL;
		}
	}
	return t;
}
static PyObject *ref_uri(PyObject *s, void *c) { (void)c; return str_or_none(cispref_referential_base_uri(REF(s))); }
static PyObject *ref_origin(PyObject *s, void *c) { (void)c; return path_str_or_none(cispref_referential_origin(REF(s))); }
static PyObject *ref_list(PyObject *s, void *c) { return nodelist_new((ReferentialObject *)s, (list_kind)(intptr_t)c, REF(s)); }

static PyObject *ref_source(PyObject *s, void *c)
{
	(void)c;
	PyObject *dict = PyDict_New();
	for (int f = 0; dict && f < CISPREF_SOURCE_FIELD_COUNT; f++) {
		const char *value = cispref_referential_source(REF(s), (cispref_source_field_t)f);
		PyObject *v = value ? PyUnicode_FromString(value) : NULL;
		if (value && (!v || PyDict_SetItemString(dict, cispref_source_field_name((cispref_source_field_t)f), v) < 0))
			Py_CLEAR(dict);
		Py_XDECREF(v);
	}
	return dict;
}


/* ---- the front matter: plain objects (types.SimpleNamespace), built on each access -- */

/* A namespace with the attributes of @dict (its reference is stolen); NULL on error. */
static PyObject *namespace_of(PyObject *ns_type, PyObject *dict)
{
	if (!dict)
		return NULL;
	PyObject *args = PyTuple_New(0);
	PyObject *o = args ? PyObject_Call(ns_type, args, dict) : NULL;
	Py_XDECREF(args);
	Py_DECREF(dict);
	return o;
}

/* dict[key] = value, the value's reference stolen; -1 on error (also for a NULL value). */
static int put(PyObject *dict, const char *key, PyObject *value)
{
	if (!value)
		return -1;
	int rc = PyDict_SetItemString(dict, key, value);
	Py_DECREF(value);
	return rc;
}

static PyObject *fm_runs(PyObject *ns, const cispref_rich_text *rt);

static PyObject *fm_run(PyObject *ns, const cispref_inline *run)
{
	PyObject *d = PyDict_New();
	cispref_inline_kind_t kind = cispref_inline_kind(run);
	if (!d || put(d, "kind", PyUnicode_FromString(cispref_inline_kind_name(kind))) < 0 ||
	    put(d, "text", str_or_none(cispref_inline_text(run))) < 0 ||
	    put(d, "note", str_or_none(cispref_inline_note_id(run))) < 0 ||
	    put(d, "runs", cispref_inline_children(run) ? fm_runs(ns, cispref_inline_children(run))
	                                                : PyTuple_New(0)) < 0)
		Py_CLEAR(d);
	return namespace_of(ns, d);
}

static PyObject *fm_runs(PyObject *ns, const cispref_rich_text *rt)
{
	size_t n = cispref_rich_text_count(rt);
	PyObject *t = PyTuple_New((Py_ssize_t)n);
	for (size_t i = 0; t && i < n; i++) {
		PyObject *run = fm_run(ns, cispref_rich_text_run(rt, i));
		if (!run || PyTuple_SetItem(t, (Py_ssize_t)i, run) < 0)
			Py_CLEAR(t);
	}
	return t;
}

/* dict[key] = the plain text of @rt (None for NULL), dict[key_runs] = its runs. */
static int put_text(PyObject *ns, PyObject *d, const char *key, const char *key_runs,
                    const cispref_rich_text *rt)
{
	if (!rt)
		return put(d, key, Py_NewRef(Py_None)) < 0 || put(d, key_runs, PyTuple_New(0)) < 0 ? -1 : 0;
	return put(d, key, PyUnicode_FromString(cispref_rich_text_plain(rt))) < 0 ||
	       put(d, key_runs, fm_runs(ns, rt)) < 0 ? -1 : 0;
}

static PyObject *fm_list_item(PyObject *ns, const cispref_list_item *it)
{
	PyObject *d = PyDict_New();
	if (!d || put(d, "label", str_or_none(cispref_list_item_label(it))) < 0 ||
	    put_text(ns, d, "text", "runs", cispref_list_item_text(it)) < 0)
		Py_CLEAR(d);
	return namespace_of(ns, d);
}

static PyObject *fm_step(PyObject *ns, const cispref_step *st)
{
	PyObject *d = PyDict_New();
	if (!d || put(d, "date", str_or_none(cispref_step_date(st))) < 0 ||
	    put(d, "actors", str_or_none(cispref_step_actors(st))) < 0 ||
	    put_text(ns, d, "task", "task_runs", cispref_step_task(st)) < 0)
		Py_CLEAR(d);
	return namespace_of(ns, d);
}

static PyObject *fm_phase(PyObject *ns, const cispref_phase *ph)
{
	size_t n = cispref_phase_step_count(ph);
	PyObject *steps = PyTuple_New((Py_ssize_t)n);
	for (size_t i = 0; steps && i < n; i++) {
		PyObject *st = fm_step(ns, cispref_phase_step(ph, i));
		if (!st || PyTuple_SetItem(steps, (Py_ssize_t)i, st) < 0)
			Py_CLEAR(steps);
	}
	PyObject *d = steps ? PyDict_New() : NULL;
	if (!d || put_text(ns, d, "heading", "heading_runs", cispref_phase_heading(ph)) < 0 ||
	    put(d, "steps", Py_NewRef(steps)) < 0)
		Py_CLEAR(d);
	Py_XDECREF(steps);
	return namespace_of(ns, d);
}

/* A tuple of what @get(@parent, i) gives for i < @count, each made by @make. */
typedef const void *(*fm_get)(const void *parent, size_t index);
typedef PyObject *(*fm_make)(PyObject *ns, const void *child);

static PyObject *fm_tuple(PyObject *ns, const void *parent, size_t count, fm_get get, fm_make make)
{
	PyObject *t = PyTuple_New((Py_ssize_t)count);
	for (size_t i = 0; t && i < count; i++) {
		PyObject *o = make(ns, get(parent, i));
		if (!o || PyTuple_SetItem(t, (Py_ssize_t)i, o) < 0)
			Py_CLEAR(t);
	}
	return t;
}

static const void *get_list_item(const void *b, size_t i) { return cispref_block_list_item(b, i); }
static const void *get_phase(const void *b, size_t i) { return cispref_block_phase(b, i); }
static const void *get_paragraph(const void *b, size_t i) { return cispref_block_paragraph(b, i); }
static PyObject *make_list_item(PyObject *ns, const void *o) { return fm_list_item(ns, o); }
static PyObject *make_phase(PyObject *ns, const void *o) { return fm_phase(ns, o); }
static PyObject *make_runs(PyObject *ns, const void *o) { return fm_runs(ns, o); }

/* A block: kind and id, then the attributes of its kind. */
static PyObject *fm_block(PyObject *ns, const cispref_block *b)
{
	PyObject *d = PyDict_New();
	cispref_block_kind_t kind = cispref_block_kind(b);
	if (!d || put(d, "kind", PyUnicode_FromString(cispref_block_kind_name(kind))) < 0 ||
	    put(d, "id", str_or_none(cispref_block_id(b))) < 0)
		goto failed;
	int rc = 0;
	switch (kind) {
	case CISPREF_BLOCK_PARAGRAPH:
		rc = put_text(ns, d, "text", "runs", cispref_block_text(b));
		break;
	case CISPREF_BLOCK_LIST:
		rc = put(d, "items", fm_tuple(ns, b, cispref_block_list_item_count(b), get_list_item,
		                              make_list_item));
		break;
	case CISPREF_BLOCK_QUOTE:
		rc = put_text(ns, d, "heading", "heading_runs", cispref_block_heading(b)) < 0 ||
		     put(d, "paragraphs", fm_tuple(ns, b, cispref_block_paragraph_count(b),
		                                   get_paragraph, make_runs)) < 0 ||
		     put(d, "attribution", str_or_none(cispref_block_attribution(b))) < 0 ? -1 : 0;
		break;
	case CISPREF_BLOCK_TIMELINE:
		rc = put(d, "phases", fm_tuple(ns, b, cispref_block_phase_count(b), get_phase, make_phase));
		break;
	case CISPREF_BLOCK_FIGURE:
		rc = put(d, "drawing", str_or_none(cispref_block_drawing(b))) < 0 ||
		     put_text(ns, d, "caption", "caption_runs", cispref_block_caption(b)) < 0 ? -1 : 0;
		break;
	case CISPREF_BLOCK_OVERVIEW:
		rc = put(d, "domain_kind", PyUnicode_FromString(cispref_domain_kind_name(
		                                cispref_block_domain_kind(b))));
		break;
	case CISPREF_BLOCK_DETAILS: /* None: the detail tables of every domain */
		rc = put(d, "domain_kind",
		         str_or_none(cispref_block_has_domain_kind(b)
		                             ? cispref_domain_kind_name(cispref_block_domain_kind(b))
		                             : NULL));
		break;
	}
	if (rc < 0)
		goto failed;
	return namespace_of(ns, d);
failed:
	Py_XDECREF(d);
	return NULL;
}

static const void *get_block(const void *s, size_t i) { return cispref_section_block(s, i); }
static const void *get_subsection(const void *s, size_t i) { return cispref_section_subsection(s, i); }
static PyObject *make_block(PyObject *ns, const void *o) { return fm_block(ns, o); }
static PyObject *make_section(PyObject *ns, const void *o);

static PyObject *fm_section(PyObject *ns, const cispref_section *s)
{
	PyObject *d = PyDict_New();
	if (!d || put(d, "id", str_or_none(cispref_section_id(s))) < 0 ||
	    put(d, "number", str_or_none(cispref_section_number(s))) < 0 ||
	    put(d, "level", PyLong_FromUnsignedLong(cispref_section_level(s))) < 0 ||
	    put_text(ns, d, "heading", "heading_runs", cispref_section_heading(s)) < 0 ||
	    put(d, "blocks", fm_tuple(ns, s, cispref_section_block_count(s), get_block, make_block)) < 0 ||
	    put(d, "sections", fm_tuple(ns, s, cispref_section_subsection_count(s), get_subsection,
	                                make_section)) < 0)
		Py_CLEAR(d);
	return namespace_of(ns, d);
}

static PyObject *make_section(PyObject *ns, const void *o) { return fm_section(ns, o); }
static const void *get_section(const void *r, size_t i) { return cispref_referential_section(r, i); }

static PyObject *ref_front_matter(PyObject *s, void *c)
{
	(void)c;
	PyObject *types = PyImport_ImportModule("types");
	PyObject *ns = types ? PyObject_GetAttrString(types, "SimpleNamespace") : NULL;
	Py_XDECREF(types);
	if (!ns)
		return NULL;
	PyObject *t = fm_tuple(ns, REF(s), cispref_referential_section_count(REF(s)), get_section,
	                       make_section);
	Py_DECREF(ns);
	return t;
}

/* The node with @key as id, or NULL without an exception set when there is none. */
static PyObject *lookup(PyObject *s, PyObject *key)
{
	const char *id = c_text(key, "an id");
	if (!id)
		return NULL;
	const cispref_referential *ref = REF(s);
	ReferentialObject *owner = (ReferentialObject *)s;
	cispref_node_type_t type = cispref_referential_node_type(ref, id);
	const void *node = NULL;
	switch (type) {
	case CISPREF_NODE_DOMAIN: node = cispref_referential_find_domain(ref, id); break;
	case CISPREF_NODE_SUMMARY_ENTRY: node = cispref_referential_find_summary_entry(ref, id); break;
	case CISPREF_NODE_PLAN: node = cispref_referential_find_plan(ref, id); break;
	case CISPREF_NODE_COMPETENCE: node = cispref_referential_find_competence(ref, id); break;
	case CISPREF_NODE_ITEM: node = cispref_referential_find_item(ref, id); break;
	case CISPREF_NODE_CONCEPT: node = cispref_referential_find_concept(ref, id); break;
	case CISPREF_NODE_NOTE: node = cispref_referential_find_note(ref, id); break;
	default: return NULL;
	}
	return wrap_node(owner, type, node);
}

static PyObject *ref_subscript(PyObject *s, PyObject *key)
{
	PyObject *node = lookup(s, key);
	if (!node && !PyErr_Occurred())
		PyErr_SetObject(PyExc_KeyError, key);
	return node;
}

static int ref_contains(PyObject *s, PyObject *key)
{
	PyObject *node = lookup(s, key);
	if (!node)
		return PyErr_Occurred() ? -1 : 0;
	Py_DECREF(node);
	return 1;
}

static PyObject *ref_get(PyObject *s, PyObject *args)
{
	PyObject *key, *fallback = Py_None;
	if (!PyArg_ParseTuple(args, "O|O:get", &key, &fallback))
		return NULL;
	PyObject *node = lookup(s, key);
	if (!node && !PyErr_Occurred())
		return Py_NewRef(fallback);
	return node;
}

/* A kind given as a name, or as an iterable of names, into a mask. */
static int kind_mask(PyObject *value, int (*parse)(int *, const char *), const char *what,
                     unsigned *mask)
{
	if (value == Py_None)
		return 0;
	PyObject *names = PyUnicode_Check(value) ? PyTuple_Pack(1, value) : PySequence_Tuple(value);
	if (!names)
		return -1;
	for (Py_ssize_t i = 0; i < PyTuple_Size(names); i++) {
		PyObject *name = PyTuple_GetItem(names, i);
		const char *text = PyUnicode_Check(name) ? c_text(name, what) : NULL;
		int kind;
		if (!text || parse(&kind, text) != 0) {
			if (!PyErr_Occurred())
				PyErr_Format(PyExc_ValueError, "unknown %s: %R", what, name);
			Py_DECREF(names);
			return -1;
		}
		*mask |= CISPREF_MASK(kind);
	}
	Py_DECREF(names);
	return 0;
}

static int parse_plan(int *out, const char *name)
{
	cispref_plan_kind_t k;
	int rc = cispref_plan_kind_from_name(&k, name);
	*out = (int)k;
	return rc;
}

static int parse_item(int *out, const char *name)
{
	cispref_item_kind_t k;
	int rc = cispref_item_kind_from_name(&k, name);
	*out = (int)k;
	return rc;
}

/* A limit argument: an int >= 0, where 0 means "no limit" (as in the library's search
 * options and the command line's --limit). */
static int parse_limit(PyObject *value, size_t *out)
{
	Py_ssize_t limit = PyNumber_AsSsize_t(value, PyExc_OverflowError);
	if (limit == -1 && PyErr_Occurred())
		return -1;
	if (limit < 0) {
		PyErr_SetString(PyExc_ValueError, "limit must not be negative (0 means no limit)");
		return -1;
	}
	*out = (size_t)limit;
	return 0;
}

/* ---- languages ------------------------------------------------------------------ */

/* translated(language): the referential in @language, a new Referential
 * (cispref_referential_translated()). */
static PyObject *ref_translated(PyObject *s, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"language", NULL};
	PyObject *language_object = Py_None;
	const char *language = NULL;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:translated", keywords, &language_object) ||
	    (language_object != Py_None && !(language = c_text(language_object, "language"))))
		return NULL;
	cispref_referential *view;
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_referential_translated(&view, REF(s), language, &error);
	PyEval_RestoreThread(thread);
	if (rc == CISPREF_EARG)
		return set_value_error(error.text);
	if (rc)
		return raise_error(state_of(s), &error);
	return wrap_referential(state_of(s), view);
}

static PyObject *ref_untranslated_count(PyObject *s, PyObject *language_object)
{
	const char *language = c_text(language_object, "language");
	return language ? PyLong_FromSize_t(
	                      cispref_referential_untranslated_count(REF(s), language, NULL))
	                : NULL;
}

/* title_in(language=None): the title in @language (cispref_referential_title_in()). */
static PyObject *ref_title_in(PyObject *s, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"language", NULL};
	PyObject *language_object = Py_None;
	const char *language = NULL;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:title_in", keywords, &language_object) ||
	    (language_object != Py_None && !(language = c_text(language_object, "language"))))
		return NULL;
	return str_or_none(cispref_referential_title_in(REF(s), language));
}

/* front_matter_text(of, part, language=None): a text of the front matter (or the title)
 * in @language, as a plain object with text and runs (empty for a plain text). */
static PyObject *ref_front_matter_text(PyObject *s, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"of", "part", "language", NULL};
	PyObject *of_object, *part_object, *language_object = Py_None;
	const char *of, *part, *language = NULL;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|O:front_matter_text", keywords,
	                                 &of_object, &part_object, &language_object) ||
	    !(of = c_text(of_object, "of")) || !(part = c_text(part_object, "part")) ||
	    (language_object != Py_None && !(language = c_text(language_object, "language"))))
		return NULL;
	const cispref_rich_text *rt =
		cispref_referential_front_matter_text(REF(s), of, part, language);
	const char *plain = rt ? NULL : cispref_referential_front_matter_string(REF(s), of, part,
	                                                                        language);
	if (!rt && !plain) {
		PyErr_Format(PyExc_KeyError, "no text of the front matter at '%s' '%s'", of, part);
		return NULL;
	}
	PyObject *types = PyImport_ImportModule("types");
	PyObject *ns = types ? PyObject_GetAttrString(types, "SimpleNamespace") : NULL;
	Py_XDECREF(types);
	PyObject *d = ns ? PyDict_New() : NULL;
	if (d && (rt ? put_text(ns, d, "text", "runs", rt)
	             : put(d, "text", PyUnicode_FromString(plain)) < 0 ||
	                   put(d, "runs", PyTuple_New(0)) < 0) < 0)
		Py_CLEAR(d);
	PyObject *result = d ? namespace_of(ns, d) : NULL;
	Py_XDECREF(ns);
	return result;
}

static PyObject *ref_translated_from(PyObject *s, void *c)
{
	(void)c;
	return str_or_none(cispref_referential_translated_from(REF(s)));
}

typedef PyObject *(*keyword_method)(PyObject *s, PyObject *args, PyObject *kwargs);

/* @method with the keyword lang=LANGUAGE: called on the referential in LANGUAGE (a new
 * Referential that what it returns may keep alive: a search's hits), without that
 * keyword; on @s itself for lang=None. NULL and *@done 0 when there is no lang keyword:
 * the caller goes on. */
static PyObject *with_lang(PyObject *s, PyObject *args, PyObject *kwargs,
                           keyword_method method, int *done)
{
	PyObject *lang = kwargs ? PyDict_GetItemString(kwargs, "lang") : NULL;
	*done = lang != NULL;
	if (!lang)
		return NULL;
	PyObject *rest = PyDict_Copy(kwargs), *target = s, *result = NULL;
	if (!rest || PyDict_DelItemString(rest, "lang") < 0)
		goto done;
	if (lang != Py_None) {
		PyObject *one = PyTuple_Pack(1, lang);
		target = one ? ref_translated(s, one, NULL) : NULL;
		Py_XDECREF(one);
		if (!target)
			goto done;
	} else {
		Py_INCREF(target);
	}
	result = method(target, args, rest);
	Py_DECREF(target);
done:
	Py_XDECREF(rest);
	return result;
}

static PyObject *ref_search(PyObject *s, PyObject *args, PyObject *kwargs)
{
	int done;
	PyObject *in_language = with_lang(s, args, kwargs, ref_search, &done);
	if (done)
		return in_language;
	static char *keywords[] = {"query", "domain", "plan", "kind", "limit", NULL};
	const char *query, *domain = NULL;
	PyObject *query_object, *domain_object = Py_None, *plan = Py_None, *kind = Py_None,
		*limit = NULL;
	cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|OOOO:search", keywords, &query_object,
	                                 &domain_object, &plan, &kind, &limit) ||
	    !(query = c_text(query_object, "query")) ||
	    (domain_object != Py_None && !(domain = c_text(domain_object, "domain"))) ||
	    (limit && parse_limit(limit, &options.limit) < 0))
		return NULL;
	options.filter.domain_id = domain;
	if (kind_mask(plan, parse_plan, "plan kind", &options.filter.plan_kinds) < 0 ||
	    kind_mask(kind, parse_item, "item kind", &options.filter.item_kinds) < 0)
		return NULL;
	const cispref_index *index = referential_index((ReferentialObject *)s);
	if (!index)
		return NULL;
	cispref_results *results;
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_search(&results, index, query, &options, &error);
	PyEval_RestoreThread(thread);
	if (rc != 0) {
		/* a bad query, or a domain id that names no domain */
		if (error.code == CISPREF_EARG || error.code == CISPREF_ENOTFOUND)
			set_value_error(error.text);
		else
			PyErr_NoMemory();
		return NULL;
	}
	PyObject *list = results_to_list((ReferentialObject *)s, results);
	cispref_results_free(results);
	return list;
}

/* The concepts whose label matches @query, best first (a search of the concept field). */
static PyObject *find_concepts(PyObject *s, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"query", "kind", "limit", NULL};
	const char *query;
	PyObject *query_object, *kind = Py_None;
	Py_ssize_t limit = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|On:find_concepts", keywords,
	                                 &query_object, &kind, &limit) ||
	    !(query = c_text(query_object, "query")))
		return NULL;
	if (limit < 0) {
		PyErr_SetString(PyExc_ValueError, "limit must not be negative");
		return NULL;
	}
	cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
	options.fields = CISPREF_MASK(CISPREF_HIT_CONCEPT);
	options.limit = (size_t)limit;
	if (kind_mask(kind, parse_item, "item kind", &options.filter.item_kinds) < 0)
		return NULL;
	const cispref_index *index = referential_index((ReferentialObject *)s);
	if (!index)
		return NULL;
	cispref_results *results;
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_search(&results, index, query, &options, &error);
	PyEval_RestoreThread(thread);
	if (rc != 0) {
		if (error.code == CISPREF_EARG)
			set_value_error(error.text);
		else
			PyErr_NoMemory();
		return NULL;
	}
	size_t n = cispref_results_count(results);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		const cispref_concept *concept = cispref_hit_concept(cispref_results_get(results, i));
		PyObject *node = wrap_node((ReferentialObject *)s, CISPREF_NODE_CONCEPT, concept);
		if (!node)
			Py_CLEAR(list);
		else
			PyList_SetItem(list, (Py_ssize_t)i, node);
	}
	cispref_results_free(results);
	return list;
}

static PyObject *top_concepts(PyObject *s, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"limit", NULL};
	PyObject *limit_object = NULL;
	size_t limit = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:top_concepts", keywords, &limit_object) ||
	    (limit_object && parse_limit(limit_object, &limit) < 0))
		return NULL;
	const cispref_index *index = referential_index((ReferentialObject *)s);
	if (!index)
		return NULL;
	size_t n = cispref_index_top_concepts(index, NULL, 0);
	if (limit && limit < n)
		n = limit;
	const cispref_concept **concepts = PyMem_Calloc(n + 1, sizeof *concepts);
	if (!concepts)
		return PyErr_NoMemory();
	cispref_index_top_concepts(index, concepts, n);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		PyObject *node = wrap_node((ReferentialObject *)s, CISPREF_NODE_CONCEPT, concepts[i]);
		if (!node) {
			Py_CLEAR(list);
			break;
		}
		PyList_SetItem(list, (Py_ssize_t)i, node);
	}
	PyMem_Free(concepts);
	return list;
}

/* ---- Formats: the library's lists, never one of the module's own ---- */

typedef struct format_family {
	size_t (*count)(void);
	const char *(*name)(size_t index);
	const char *(*extension)(size_t index);
	int (*from_name)(int *out, const char *name);
	int (*from_path)(int *out, const char *path);
} format_family;

static const char *render_format_name(size_t i)
{
	return cispref_render_format_name((cispref_render_format_t)i);
}

static const char *render_format_extension(size_t i)
{
	return cispref_render_format_extension((cispref_render_format_t)i);
}

static int render_from_name(int *out, const char *name)
{
	cispref_render_format_t f;
	int rc = cispref_render_format_from_name(&f, name);
	*out = (int)f;
	return rc;
}

static int render_from_path(int *out, const char *path)
{
	cispref_render_format_t f;
	int rc = cispref_render_format_from_path(&f, path);
	*out = (int)f;
	return rc;
}

static const char *export_format_name(size_t i)
{
	return cispref_format_name((cispref_format_t)i);
}

static const char *export_format_extension(size_t i)
{
	return cispref_format_extension((cispref_format_t)i);
}

static int export_from_name(int *out, const char *name)
{
	cispref_format_t f;
	int rc = cispref_format_from_name(&f, name);
	*out = (int)f;
	return rc;
}

static int export_from_path(int *out, const char *path)
{
	cispref_format_t f;
	int rc = cispref_format_from_path(&f, path);
	*out = (int)f;
	return rc;
}

static const format_family render_formats = {cispref_render_format_count, render_format_name,
                                             render_format_extension, render_from_name,
                                             render_from_path};
static const format_family export_formats = {cispref_format_count, export_format_name,
                                             export_format_extension, export_from_name,
                                             export_from_path};

/* ValueError "unknown format 'pdf' (html, odt, fodt or md)"; returns NULL. */
static PyObject *unknown_format(const format_family *family, const char *name)
{
	char list[128] = "";
	size_t count = family->count(), used = 0;
	for (size_t i = 0; i < count && used < sizeof list; i++) {
		const char *separator = i == 0 ? "" : i + 1 == count ? " or " : ", ";
		int n = snprintf(list + used, sizeof list - used, "%s%s", separator, family->name(i));
		used += n > 0 ? (size_t)n : 0;
	}
	PyErr_Format(PyExc_ValueError, "unknown format '%s' (%s)", name, list);
	return NULL;
}

/* The names of a family of formats as a tuple of str, in the library's order. */
static PyObject *format_names(const format_family *family)
{
	size_t count = family->count();
	PyObject *names = PyTuple_New((Py_ssize_t)count);
	for (size_t i = 0; names && i < count; i++) {
		PyObject *name = PyUnicode_FromString(family->name(i));
		if (!name || PyTuple_SetItem(names, (Py_ssize_t)i, name) < 0)
			Py_CLEAR(names);
	}
	return names;
}

static PyObject *export_as(PyObject *s, cispref_format_t format)
{
	char *buffer;
	size_t size;
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_export_buffer(&buffer, &size, REF(s), format, &error);
	PyEval_RestoreThread(thread);
	if (rc != 0)
		return raise_error(state_of(s), &error);
	PyObject *text = PyUnicode_DecodeUTF8(buffer, (Py_ssize_t)size, "strict");
	cispref_buffer_free(buffer);
	return text;
}

static PyObject *ref_to_xml(PyObject *s, PyObject *unused) { (void)unused; return export_as(s, CISPREF_FORMAT_XML); }
static PyObject *ref_to_json(PyObject *s, PyObject *unused) { (void)unused; return export_as(s, CISPREF_FORMAT_JSON); }

/* The format a save or render writes: the one @format_object names (NULL or None: not
 * given), else the one the extension of @file names (NULL: no file), else @fallback
 * (-1: none, which is a ValueError). A name and an extension that disagree are a
 * ValueError too: writing XML into 'out.json' would go unnoticed. Formats that share an
 * extension agree with it (format='csv-excel-fr' into 'out.csv'). 0, or -1 with an
 * exception. */
static int pick_format(const format_family *family, PyObject *format_object, const char *file,
                       int fallback, int *out)
{
	int by_path = -1;
	if (file && family->from_path(&by_path, file) != 0)
		by_path = -1;
	if (!format_object || format_object == Py_None) {
		*out = by_path >= 0 ? by_path : fallback;
		if (*out >= 0)
			return 0;
		char list[128] = "";
		for (size_t i = 0, used = 0, n = family->count(); i < n && used < sizeof list; i++) {
			int k = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
			                 family->name(i));
			used += k > 0 ? (size_t)k : 0;
		}
		PyErr_Format(PyExc_ValueError, "no format: give format= (%s)%s", list,
		             file ? ", or a file name with its extension" : "");
		return -1;
	}
	const char *name = c_text(format_object, "format");
	if (!name)
		return -1;
	if (family->from_name(out, name) != 0) {
		unknown_format(family, name);
		return -1;
	}
	if (by_path >= 0 && strcmp(family->extension((size_t)by_path),
	                           family->extension((size_t)*out)) != 0) {
		PyObject *shown = PyUnicode_DecodeFSDefault(file);
		if (shown)
			PyErr_Format(PyExc_ValueError,
			             "format '%s' does not match the file name %R, which asks for '%s'",
			             name, shown, family->name((size_t)by_path));
		Py_XDECREF(shown);
		return -1;
	}
	return 0;
}

/* A 1-based position on the scale from @value (NULL or None: not given, 0) into @out. 0,
 * or -1 with a TypeError or ValueError naming @name. */
static int scale_position(PyObject *value, const char *name, size_t *out)
{
	*out = 0;
	if (!value || value == Py_None)
		return 0;
	if (!PyLong_Check(value)) {
		PyErr_Format(PyExc_TypeError, "%s must be an int or None", name);
		return -1;
	}
	Py_ssize_t n = PyLong_AsSsize_t(value);
	if (n < 1) {
		if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_OverflowError)) {
			PyErr_Clear();
			PyErr_Format(PyExc_ValueError, "%s is a position on the scale, from 1", name);
		}
		return -1;
	}
	*out = (size_t)n;
	return 0;
}

/* The Moodle export's options from save()'s keyword arguments (NULL or None: not given)
 * into @o; *given set when one of them was given. 0, or -1 with an exception. */
static int moodle_save_options(PyObject *const values[4], cispref_moodle_options *o, int *given)
{
	cispref_moodle_options_init(o);
	*given = 0;
	for (int i = 0; i < 4; i++)
		*given |= values[i] && values[i] != Py_None;
	if (values[0] && values[0] != Py_None && !(o->scale = c_text(values[0], "scale")))
		return -1;
	if (scale_position(values[1], "scale_default", &o->scale_default) < 0 ||
	    scale_position(values[2], "scale_proficient", &o->scale_proficient) < 0)
		return -1;
	if (values[3] && values[3] != Py_None && !(o->taxonomy = c_text(values[3], "taxonomy")))
		return -1;
	return 0;
}

static PyObject *ref_save(PyObject *s, PyObject *args, PyObject *kwargs)
{
	int done;
	PyObject *in_language = with_lang(s, args, kwargs, ref_save, &done);
	if (done)
		return in_language;
	static char *keywords[] = {"path",     "format",           "scale",
	                           "scale_default", "scale_proficient", "taxonomy", NULL};
	PyObject *path, *format_object = NULL, *moodle_values[4] = {NULL, NULL, NULL, NULL};
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|O$OOOO:save", keywords,
	                                 PyUnicode_FSConverter, &path, &format_object,
	                                 &moodle_values[0], &moodle_values[1], &moodle_values[2],
	                                 &moodle_values[3]))
		return NULL;
	const char *file = PyBytes_AsString(path);
	int format, moodle_given = 0;
	cispref_moodle_options moodle;
	/* a name with another extension, or none, needs format=, as the command line's
	 * export -o does: writing XML into "x.pdf" would only surprise */
	if (!file || pick_format(&export_formats, format_object, file, -1, &format) < 0 ||
	    moodle_save_options(moodle_values, &moodle, &moodle_given) < 0) {
		Py_DECREF(path);
		return NULL;
	}
	/* an option the chosen format does not take is an error, not silently ignored */
	if (moodle_given && format != CISPREF_FORMAT_MOODLE) {
		Py_DECREF(path);
		PyErr_Format(PyExc_ValueError,
		             "scale, scale_default, scale_proficient and taxonomy are options of "
		             "format='moodle', not '%s'",
		             cispref_format_name((cispref_format_t)format));
		return NULL;
	}
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = format == CISPREF_FORMAT_MOODLE
	             ? cispref_moodle_export_path(file, REF(s), &moodle, &error)
	             : cispref_export_path(file, REF(s), (cispref_format_t)format, &error);
	PyEval_RestoreThread(thread);
	Py_DECREF(path);
	if (rc)
		return raise_error(state_of(s), &error);
	Py_RETURN_NONE;
}

static PyObject *ref_validate(PyObject *s, PyObject *unused)
{
	(void)unused;
	cispref_diagnostics *list;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_validate(&list, REF(s));
	PyEval_RestoreThread(thread);
	if (rc != 0)
		return PyErr_NoMemory();
	PyObject *out = diagnostics_to_list(state_of(s), list);
	cispref_diagnostics_free(list);
	return out;
}

/* The render options from keyword arguments (@inclusive NULL when not given); @domains
 * (None or a tuple) must stay alive while they are used: @domains_out holds the
 * NULL-terminated array of ids borrowed from it, and must be freed. A tuple, not the caller's list, as another thread may change a
 * list while the render runs without the GIL. */
static int render_options(PyObject *domains, PyObject *inclusive, cispref_render_options *opts,
                          const char ***domains_out)
{
	*domains_out = NULL;
	/* NULL (not given) keeps the library's default */
	const char *style = inclusive ? c_text(inclusive, "inclusive") : NULL;
	if (inclusive && !style)
		return -1;
	if (style && cispref_inclusive_style_from_name(&opts->inclusive, style) != 0) {
		PyErr_Format(PyExc_ValueError,
		             "unknown inclusive style '%s' (inclusive must be 'source' or 'normalized')",
		             style);
		return -1;
	}
	if (domains == Py_None)
		return 0;
	Py_ssize_t n = PyTuple_Size(domains);
	const char **ids = PyMem_Calloc((size_t)n + 1, sizeof *ids);
	if (!ids) {
		PyErr_NoMemory();
		return -1;
	}
	for (Py_ssize_t i = 0; i < n; i++) {
		PyObject *id = PyTuple_GetItem(domains, i);
		if (!PyUnicode_Check(id) || !(ids[i] = c_text(id, "a domain id"))) {
			if (!PyErr_Occurred())
				PyErr_SetString(PyExc_TypeError, "domains must be a sequence of domain ids");
			PyMem_Free(ids);
			return -1;
		}
	}
	opts->domains = ids;
	*domains_out = ids;
	return 0;
}

static PyObject *render_result(const char *buffer, size_t size, cispref_render_format_t format)
{
	if (format == CISPREF_RENDER_ODT)
		return PyBytes_FromStringAndSize(buffer, (Py_ssize_t)size);
	return PyUnicode_DecodeUTF8(buffer, (Py_ssize_t)size, "strict");
}

/* Whether @o is a str that names a render format ("html"). */
static int is_render_format_name(PyObject *o)
{
	int format;
	Py_ssize_t size;
	const char *text = o && PyUnicode_Check(o) ? PyUnicode_AsUTF8AndSize(o, &size) : NULL;
	if (!text) {
		PyErr_Clear();
		return 0;
	}
	return strlen(text) == (size_t)size && render_from_name(&format, text) == 0;
}

/* The file (@path: bytes, or NULL) and format of render(path, format). The order was
 * render(format, path) before it became save()'s: a first argument that names a format
 * with a second that does not, which the new order could only refuse, is still read the
 * old way, with a DeprecationWarning. 0, or -1 with an exception (*path may then hold a
 * reference to release). */
static int render_target(PyObject *path_object, PyObject *format_object, PyObject **path,
                         int *format)
{
	*path = NULL;
	if (is_render_format_name(path_object) &&
	    (!format_object || format_object == Py_None || !is_render_format_name(format_object))) {
		if (PyErr_WarnEx(PyExc_DeprecationWarning,
		                 "render(format, path) is the old order: write render(path, format) "
		                 "or render(format=...)", 1) < 0)
			return -1;
		PyObject *swap = path_object;
		path_object = format_object;
		format_object = swap;
	}
	if (path_object && !optional_path(path_object, path))
		return -1;
	const char *file = *path ? PyBytes_AsString(*path) : NULL;
	if (*path && !file)
		return -1;
	return pick_format(&render_formats, format_object, file, -1, format);
}

static PyObject *ref_render(PyObject *s, PyObject *args, PyObject *kwargs)
{
	int done;
	PyObject *in_language = with_lang(s, args, kwargs, ref_render, &done);
	if (done)
		return in_language;
	static char *keywords[] = {"path", "format", "domains", "summary", "notes", "index",
	                           "title", "inclusive", "title_page", "contents", "gfm_tables",
	                           NULL};
	const char *title = NULL;
	PyObject *path_object = NULL, *format_object = NULL, *path = NULL, *domains = Py_None,
		*title_object = Py_None, *inclusive = NULL, *ids_tuple = NULL;
	int summary = 1, notes = 1, with_index = 1, title_page = 1, contents = 1, gfm_tables = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|OO$OpppOOppp:render", keywords,
	                                 &path_object, &format_object, &domains,
	                                 &summary, &notes, &with_index, &title_object, &inclusive,
	                                 &title_page, &contents, &gfm_tables))
		return NULL;
	int format_value;
	cispref_render_options opts = CISPREF_RENDER_OPTIONS_INIT;
	const char **ids = NULL;
	PyObject *result = NULL;
	if (render_target(path_object, format_object, &path, &format_value) < 0 ||
	    (title_object != Py_None && !(title = c_text(title_object, "title"))))
		goto done;
	cispref_render_format_t format = (cispref_render_format_t)format_value;
	/* any iterable of ids but a str, as a tuple (see render_options) */
	if (domains != Py_None && (PyUnicode_Check(domains) || !(ids_tuple = PySequence_Tuple(domains)))) {
		if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_TypeError))
			PyErr_SetString(PyExc_TypeError, "domains must be a sequence of domain ids");
		goto done;
	}
	if (render_options(ids_tuple ? ids_tuple : Py_None, inclusive, &opts, &ids) < 0)
		goto done;
	opts.summary = summary;
	opts.notes = notes;
	opts.index = with_index;
	opts.title = title;
	opts.title_page = title_page;
	opts.contents = contents;
	opts.gfm_tables = gfm_tables;
	const char *file = path ? PyBytes_AsString(path) : NULL;
	if (path && !file)
		goto done;
	char *buffer = NULL;
	size_t size = 0;
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = file ? cispref_render_path(file, REF(s), format, &opts, &error)
	              : cispref_render_buffer(&buffer, &size, REF(s), format, &opts, &error);
	PyEval_RestoreThread(thread);
	if (rc != 0)
		goto failed;
	result = file ? Py_NewRef(Py_None) : render_result(buffer, size, format);
	cispref_buffer_free(buffer);
	goto done;
failed:
	if (error.code == CISPREF_ENOTFOUND || error.code == CISPREF_EARG)
		set_value_error(error.text);
	else
		raise_error(state_of(s), &error);
done:
	PyMem_Free(ids);
	Py_XDECREF(ids_tuple);
	Py_XDECREF(path);
	return result;
}

static PyObject *ref_repr(PyObject *s)
{
	PyObject *title = PyUnicode_FromString(cispref_referential_title(REF(s)));
	if (!title)
		return NULL;
	PyObject *repr = PyUnicode_FromFormat("<cispref.Referential %s %R>",
	                                      cispref_referential_id(REF(s)), title);
	Py_DECREF(title);
	return repr;
}

static PyObject *ref_richcompare(PyObject *a, PyObject *b, int op)
{
	if ((op != Py_EQ && op != Py_NE) || Py_TYPE(b) != Py_TYPE(a))
		Py_RETURN_NOTIMPLEMENTED;
	PyThreadState *thread = PyEval_SaveThread();
	int equal = cispref_referential_equal(REF(a), REF(b));
	PyEval_RestoreThread(thread);
	return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

static PyGetSetDef ref_getset[] = {
	{"id", ref_id, NULL, "The referential's id.", NULL},
	{"title", ref_title, NULL, "The referential's title.", NULL},
	{"version", ref_version, NULL, "The referential's version (edition).", NULL},
	{"language", ref_language, NULL, "The language of its texts ('fr').", NULL},
	{"translated_from", ref_translated_from, NULL, "For a referential made by translated() into another language, the language of the one it was made from ('fr'); else None.", NULL},
	{"languages", ref_languages, NULL, "The languages its translations are in, its own aside: a tuple of BCP 47 tags in byte order ('de', 'nl').", NULL},
	{"uuid", ref_uuid, NULL, "Its namespace UUID (RFC 4122, lower-case): every node's UUID derives from it.", NULL},
	{"uri", ref_uri, NULL, "Its base URI, which each node's URI begins with, or None.", NULL},
	{"origin", ref_origin, NULL, "The file or name it was loaded from.", NULL},
	{"source", ref_source, NULL, "The source metadata: a dict with the fields that are set among publisher, series, number, date, approval.", NULL},
	{"domains", ref_list, NULL, "The domains (a sequence of Domain).", (void *)LIST_DOMAINS},
	{"concepts", ref_list, NULL, "The shared concepts (a sequence of Concept).", (void *)LIST_CONCEPTS},
	{"notes", ref_list, NULL, "The notes (a sequence of Note).", (void *)LIST_NOTES},
	{"competences", ref_list, NULL, "Every competence, in document order (a sequence of Competence).", (void *)LIST_ALL_COMPETENCES},
	{"front_matter", ref_front_matter, NULL, "The front matter's top-level sections (a tuple, empty without front matter), read-only plain objects built on each access: a section has id, number (None when unnumbered), level (1 for a Part), heading (its plain text), heading_runs, blocks and sections; a block has kind ('p', 'list', 'quote', 'timeline', 'figure', 'overview', 'details'), id (or None) and the attributes of its kind: text and runs (p); items, each with label and text and runs (list); heading, heading_runs, paragraphs (tuples of runs) and attribution (quote); phases, each with heading, heading_runs and steps of date, actors, task and task_runs (timeline); drawing, caption and caption_runs (figure); domain_kind (overview; details: 'core', 'transversal' or None for every domain). A run has kind ('text', 'em', 'q', 'note-ref'), text, note and runs. Plain texts put quotations between curly quotes and leave note references out.", NULL},
	{"items", ref_list, NULL, "Every item, in document order (a sequence of Item): competence by competence, its savoir-faire, then comportementaux, then savoirs.", (void *)LIST_ALL_ITEMS},
	{NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef ref_methods[] = {
	{"__reduce__", refuse_pickling, METH_NOARGS, REDUCE_DOC},
	{"get", ref_get, METH_VARARGS,
	 "get($self, id, default=None, /)\n--\n\n"
	 "The node with this id (Domain, SummaryEntry, Plan, Competence, Item, Concept or\n"
	 "Note), or default when there is none."},
	{"find_concepts", (PyCFunction)(void (*)(void))find_concepts, METH_VARARGS | METH_KEYWORDS,
	 "find_concepts($self, /, query, kind=None, limit=0)\n--\n\n"
	 "The shared concepts (a list of Concept) whose label matches query, best first,\n"
	 "matched and ranked as search() matches texts (same word, same stem or beginning of\n"
	 "a word; stop words optional). kind is an item kind (or an iterable of them); limit\n"
	 "keeps the best (0: all). Raises ValueError for a query with no word or more than 32\n"
	 "different words, an unknown kind or a negative limit; TypeError for a query that is\n"
	 "not a str."},
	{"search", (PyCFunction)(void (*)(void))ref_search, METH_VARARGS | METH_KEYWORDS,
	 "search($self, /, query, domain=None, plan=None, kind=None, limit=0, *, lang=None)\n--\n\n"
	 "Search competence titles, summary entries and item texts for the words of query, a\n"
	 "str (-> list of Hit, the best first; concept labels: find_concepts()). Texts and\n"
	 "query go through one analysis (doc/search.md), French for a French referential:\n"
	 "case, accents, punctuation and ligatures are ignored; elided articles are dropped\n"
	 "('l'écoute' looks for 'écoute'); inclusive writing is read as its base form\n"
	 "('intervenants' finds 'intervenant-e-s'); hyphenated compounds match joined and\n"
	 "split. Each query word matches a text word that is the same word, has the same stem\n"
	 "('évaluations' finds 'évaluation') or begins with it ('partenar' finds\n"
	 "'partenariat'). A hit holds every query word but the stop words ('les', 'des',\n"
	 "'de', ...), which need not match unless the query has no other word: 'les outils\n"
	 "adaptés' finds 'Utiliser des outils adaptés'. Hits come competence titles first,\n"
	 "then summary entries, then items; within each, the higher score first (3 per query\n"
	 "word found as the same word, 2 by its stem, 1 as a prefix), then more matched\n"
	 "words, then document order.\n"
	 "domain is a domain id; plan a plan kind ('individual', 'collective', 'internal',\n"
	 "'external', 'joint') or an iterable of them; kind an item kind ('savoir-faire',\n"
	 "'savoir-faire-comportemental', 'savoir') or an iterable of them, which keeps items\n"
	 "only (no title or summary hit); limit keeps that many hits, the best, and 0 (the\n"
	 "default) keeps them all, as the command line's --limit 0 does. With lang, a BCP 47\n"
	 "tag, searches translated(lang), analysed for that language (another language than\n"
	 "French has no elision, inclusive writing or stop words: every word must match), and\n"
	 "returns its hits.\n"
	 "Raises ValueError for a query with no word (empty, punctuation only) or more than\n"
	 "32 different words, a domain id that names no domain, an unknown kind, a negative\n"
	 "limit or a lang that is not well-formed; TypeError for a query that is not a str."},
	{"translated", (PyCFunction)(void (*)(void))ref_translated, METH_VARARGS | METH_KEYWORDS,
	 "translated($self, /, language=None)\n--\n\n"
	 "The referential in language, a BCP 47 tag ('nl', 'nl-BE'), as a new Referential:\n"
	 "the same structure, ids, notes, concepts, edition links, front matter and identity\n"
	 "(uuid, uri), each text the node's text_in(language) (its translation, else its own\n"
	 "text), language set to language, no translations (languages is empty), and\n"
	 "translated_from the original's language. Every output follows: to_json(),\n"
	 "save() (a CASE package becomes a translation of the original's), render(),\n"
	 "search() (stemming of that language). None, or the referential's own language,\n"
	 "gives an equal copy. untranslated_count() tells how many texts stay in the\n"
	 "original language. Raises ValueError for a tag that is not well-formed."},
	{"title_in", (PyCFunction)(void (*)(void))ref_title_in, METH_VARARGS | METH_KEYWORDS,
	 "title_in($self, /, language=None)\n--\n\n"
	 "The title in language, a BCP 47 tag: its translation, found as text_in() finds a\n"
	 "node's ('nl-BE', then 'nl'), else the title itself (-> str)."},
	{"front_matter_text", (PyCFunction)(void (*)(void))ref_front_matter_text,
	 METH_VARARGS | METH_KEYWORDS,
	 "front_matter_text($self, /, of, part, language=None)\n--\n\n"
	 "A text of the front matter, or the title, in language, found as text_in() finds a\n"
	 "node's: of is the id of its section, of its block when the block has one, or of the\n"
	 "referential; part says which text ('heading', 'block 2 text', 'block 3 item 1',\n"
	 "'phase 1 step 2 task', 'title'..., doc/format.md). A plain object with text (the\n"
	 "plain text) and runs (the inline runs, as in front_matter; empty for a plain text\n"
	 "such as an attribution or a date). Raises KeyError when no text is there."},
	{"untranslated_count", ref_untranslated_count, METH_O,
	 "untranslated_count($self, language, /)\n--\n\n"
	 "How many texts have no translation into language (a BCP 47 tag) and would stay in\n"
	 "the referential's own language in translated(language)."},
	{"top_concepts", (PyCFunction)(void (*)(void))top_concepts, METH_VARARGS | METH_KEYWORDS,
	 "top_concepts($self, /, limit=0)\n--\n\n"
	 "The concepts, the most shared first (-> list of Concept): at most limit of them,\n"
	 "all for 0 (the default). Raises ValueError for a negative limit."},
	{"to_xml", ref_to_xml, METH_NOARGS,
	 "to_xml($self, /)\n--\n\nThe referential as canonical cispref XML (-> str)."},
	{"to_json", ref_to_json, METH_NOARGS,
	 "to_json($self, /)\n--\n\nThe referential as cispref-json, format_version 1 (-> str)."},
	{"save", (PyCFunction)(void (*)(void))ref_save, METH_VARARGS | METH_KEYWORDS,
	 "save($self, /, path, format=None, *, scale=None, scale_default=None,\n"
	 "     scale_proficient=None, taxonomy=None, lang=None)\n--\n\n"
	 "Write the referential to path (str, bytes or os.PathLike), atomically, in one of\n"
	 "EXPORT_FORMATS ('xml', 'json', 'moodle', 'case', ...; doc/interchange.md). Without\n"
	 "format, the extension decides ('.xml', '.json' JSON, '.csv' CSV, '.xlsx', '.ttl'\n"
	 "SKOS, '.pot' or '.po' PO; any other, or none, raises ValueError); a format that\n"
	 "the extension contradicts ('out.json' with format='xml') raises ValueError, as\n"
	 "does an unknown format. On\n"
	 "failure the previous file is left as it was and cispref.FileError (an OSError)\n"
	 "is raised. With format='moodle' (only), scale (str: the values, comma-joined,\n"
	 "lowest first), scale_default and scale_proficient (int: 1-based positions on the\n"
	 "scale: the value a rating starts at, default 1; the first proficient one, default\n"
	 "the last) and taxonomy (str: the terms per depth, comma-joined) set the scale and\n"
	 "taxonomy of the framework (doc/interchange.md); positions beyond the scale raise\n"
	 "cispref.Error, a position below 1 ValueError. With lang, writes translated(lang)."},
	{"render", (PyCFunction)(void (*)(void))ref_render, METH_VARARGS | METH_KEYWORDS,
	 "render($self, /, path=None, format=None, *, domains=None, summary=True, notes=True,\n"
	 "       index=True, title=None, inclusive='source', title_page=True, contents=True,\n"
	 "       gfm_tables=False, lang=None)\n"
	 "--\n\n"
	 "With lang, renders translated(lang): its texts, and HTML's lang and ODF's\n"
	 "fo:language (the hyphenation) set to lang.\n"
	 "The printed cahier. Without path it is returned: 'html', 'fodt' or 'md' as str,\n"
	 "'odt' as bytes (format is then required). With path (str, bytes or\n"
	 "os.PathLike), it is written there atomically and None is returned; format\n"
	 "defaults to what the extension names (.html/.htm, .odt, .fodt, .md) and must not\n"
	 "contradict it. path and format come in the same order as for save(); the old\n"
	 "order render(format, path) still works, with a DeprecationWarning.\n\n"
	 "domains picks domain ids (a sequence of str); title_page, contents, summary,\n"
	 "notes and index leave out those parts when False; title replaces the referential's title;\n"
	 "inclusive='normalized' writes the 'la-le' pairs as 'la·le' ('source', the\n"
	 "default, keeps them as printed); gfm_tables=True lays the Markdown's overview\n"
	 "and competences out as pipe tables (GitHub Flavored Markdown). Raises ValueError for no, an unknown or a\n"
	 "contradicted format, or an unknown domain, cispref.FileError when the file cannot\n"
	 "be written."},
	{"validate", ref_validate, METH_NOARGS,
	 "validate($self, /)\n--\n\nThe validator's findings, in document order (-> list of Diagnostic)."},
	{NULL, NULL, 0, NULL},
};

static PyType_Slot referential_slots[] = {
	{Py_tp_dealloc, referential_dealloc},
	{Py_tp_traverse, referential_traverse},
	{Py_tp_repr, ref_repr},
	{Py_mp_subscript, ref_subscript},
	{Py_sq_contains, ref_contains},
	{Py_tp_richcompare, ref_richcompare},
	{Py_tp_methods, ref_methods},
	{Py_tp_getset, ref_getset},
	{Py_tp_doc, (void *)"A competence referential (read-only). Get one with cispref.load(), "
	                    "cispref.loads() or cispref.default(); ref[id] finds any node by id."},
	{0, NULL},
};

static PyType_Spec referential_spec = {
	.name = "cispref.Referential",
	.basicsize = sizeof(ReferentialObject),
	.flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
	         Py_TPFLAGS_DISALLOW_INSTANTIATION,
	.slots = referential_slots,
};

int referential_type_add(PyObject *module, module_state *state)
{
	PyObject *type = PyType_FromModuleAndSpec(module, &referential_spec, NULL);
	state->referential_type = (PyTypeObject *)type;
	if (!type || PyModule_AddType(module, state->referential_type) < 0)
		return -1;
	/* What render() and save() accept, from the library. */
	PyObject *render_names = format_names(&render_formats);
	PyObject *export_names = format_names(&export_formats);
	int rc = render_names && export_names &&
	                 PyModule_AddObjectRef(module, "RENDER_FORMATS", render_names) == 0 &&
	                 PyModule_AddObjectRef(module, "EXPORT_FORMATS", export_names) == 0
	             ? 0
	             : -1;
	Py_XDECREF(render_names);
	Py_XDECREF(export_names);
	return rc;
}
