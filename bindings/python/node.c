/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The node types: read-only views of domains, summary entries, plans, competences,
 * items, concepts and notes. */
#include "cispref_py.h"

#define OWNER(self) (((NodeObject *)(self))->owner)
#define PTR(self, type) ((const type *)((NodeObject *)(self))->ptr)

/* Instances hold their type (a heap type) and their referential; the collector must
 * see both. No tp_clear: a node cannot be part of a cycle that does not also pass
 * through the module (type -> module -> state), which the module's m_clear breaks, and a
 * node without its referential would point into freed memory. */
static int node_traverse(PyObject *self, visitproc visit, void *arg)
{
	Py_VISIT(Py_TYPE(self));
	Py_VISIT(OWNER(self));
	return 0;
}

static void node_dealloc(PyObject *self)
{
	PyTypeObject *type = Py_TYPE(self);
	PyObject_GC_UnTrack(self);
	Py_DECREF(OWNER(self));
	PyObject_GC_Del(self);
	Py_DECREF(type);
}

static PyObject *node_richcompare(PyObject *a, PyObject *b, int op)
{
	if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b))
		Py_RETURN_NOTIMPLEMENTED;
	int same = ((NodeObject *)a)->ptr == ((NodeObject *)b)->ptr;
	return PyBool_FromLong(op == Py_EQ ? same : !same);
}

static Py_hash_t node_hash(PyObject *self)
{
	/* Nodes are equal when their C handles are, so the handle is the hash, rotated as
	 * CPython hashes identities (Py_HashPointer, public only from 3.13 on): the low
	 * bits of an aligned pointer are zeros, which would crowd a dict's buckets. -1
	 * means an error to CPython. */
	uintptr_t p = (uintptr_t)((NodeObject *)self)->ptr;
	Py_hash_t hash = (Py_hash_t)((p >> 4) | (p << (8 * sizeof p - 4)));
	return hash == -1 ? -2 : hash;
}

/* <Competence psy.ind.1 'Réaliser les bilans ...'> */
static PyObject *node_repr_with(PyObject *self, const char *id, const char *text)
{
	PyObject *shown = PyUnicode_FromString(text ? text : "");
	if (!shown)
		return NULL;
	if (PyUnicode_GetLength(shown) > 60) {
		PyObject *cut = PyUnicode_Substring(shown, 0, 57);
		Py_DECREF(shown);
		if (!cut)
			return NULL;
		shown = PyUnicode_FromFormat("%U...", cut);
		Py_DECREF(cut);
		if (!shown)
			return NULL;
	}
	/* the type's short name ("Domain"), as PyType_GetName() gives it from 3.11 on */
	PyObject *name = PyObject_GetAttrString((PyObject *)Py_TYPE(self), "__name__");
	PyObject *repr = name ? PyUnicode_FromFormat("<%U %s %R>", name, id, shown) : NULL;
	Py_XDECREF(name);
	Py_DECREF(shown);
	return repr;
}

/* node.text_in(language): the text in @language, through the id every node type has. */
static PyObject *node_text_in(PyObject *self, PyObject *language)
{
	const char *tag = language == Py_None ? NULL : c_text(language, "language");
	if (language != Py_None && !tag)
		return NULL;
	PyObject *id = PyObject_GetAttrString(self, "id");
	const char *id_text = id ? c_text(id, "id") : NULL;
	PyObject *result = id_text ? str_or_none(cispref_referential_node_text(
	                                 OWNER(self)->ref, id_text, tag))
	                           : NULL;
	Py_XDECREF(id);
	return result;
}

#define TEXT_IN_DOC                                                                      \
	"text_in($self, language, /)\n--\n\n"                                              \
	"Its text (title, text or label) in language, a BCP 47 tag: its translation, else\n" \
	"the translation into the tag cut at its last subtag ('nl-BE', then 'nl'), else the\n" \
	"referential's own text (also for None). See doc/translation.md."

static PyMethodDef node_methods[] = {
	{"__reduce__", refuse_pickling, METH_NOARGS, REDUCE_DOC},
	{"text_in", node_text_in, METH_O, TEXT_IN_DOC},
	{NULL, NULL, 0, NULL},
};

/* ---- identity, the same for every node type --------------------------------------- */

/* The id of @s; its type's getset table passes the node type as closure. */
static const char *node_id_of(PyObject *s, void *type)
{
	switch ((cispref_node_type_t)(intptr_t)type) {
	case CISPREF_NODE_DOMAIN: return cispref_domain_id(PTR(s, cispref_domain));
	case CISPREF_NODE_SUMMARY_ENTRY: return cispref_summary_entry_id(PTR(s, cispref_summary_entry));
	case CISPREF_NODE_PLAN: return cispref_plan_id(PTR(s, cispref_plan));
	case CISPREF_NODE_COMPETENCE: return cispref_competence_id(PTR(s, cispref_competence));
	case CISPREF_NODE_ITEM: return cispref_item_id(PTR(s, cispref_item));
	case CISPREF_NODE_CONCEPT: return cispref_concept_id(PTR(s, cispref_concept));
	case CISPREF_NODE_NOTE: return cispref_note_id(PTR(s, cispref_note));
	default: return NULL;
	}
}

static PyObject *node_uuid(PyObject *s, void *type)
{
	char uuid[CISPREF_UUID_STRING_SIZE];
	/* cannot fail: the node is in its referential, which nothing edits */
	cispref_referential_node_uuid(uuid, OWNER(s)->ref, node_id_of(s, type));
	return PyUnicode_FromString(uuid);
}

static PyObject *node_uri(PyObject *s, void *type)
{
	char *uri = NULL;
	if (cispref_referential_node_uri(&uri, OWNER(s)->ref, node_id_of(s, type)) == CISPREF_ENOMEM)
		return PyErr_NoMemory();
	PyObject *result = str_or_none(uri);
	cispref_buffer_free(uri);
	return result;
}

static PyObject *node_deprecated(PyObject *s, void *type)
{
	return PyBool_FromLong(cispref_referential_node_deprecated(OWNER(s)->ref, node_id_of(s, type)));
}

static PyObject *node_replaced_by(PyObject *s, void *type)
{
	return str_or_none(cispref_referential_node_replaced_by(OWNER(s)->ref, node_id_of(s, type)));
}

/* The identity and edition entries of the getset table of node type @type. */
#define UUID_DOC "Its UUID: version 5 (RFC 4122) of its id in the referential's namespace, lower-case."
#define URI_DOC "Its URI: the referential's base URI followed by its id, or None without a base URI."
#define DEPRECATED_DOC "Whether it is marked deprecated in this edition (doc/format.md, Editions)."
#define REPLACED_BY_DOC "The id of the node that replaces it, or None."
#define IDENTITY_GETSET(type) \
	{"uuid", node_uuid, NULL, UUID_DOC, (void *)(intptr_t)(type)}, \
	{"uri", node_uri, NULL, URI_DOC, (void *)(intptr_t)(type)}, \
	{"deprecated", node_deprecated, NULL, DEPRECATED_DOC, (void *)(intptr_t)(type)}, \
	{"replaced_by", node_replaced_by, NULL, REPLACED_BY_DOC, (void *)(intptr_t)(type)}

/* ---- domain -------------------------------------------------------------------- */

static PyObject *domain_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_domain_id(PTR(s, cispref_domain))); }
static PyObject *domain_title(PyObject *s, void *c) { (void)c; return str_or_none(cispref_domain_title(PTR(s, cispref_domain))); }
static PyObject *domain_kind(PyObject *s, void *c) { (void)c; return str_or_none(cispref_domain_kind_name(cispref_domain_kind(PTR(s, cispref_domain)))); }
static PyObject *domain_summary(PyObject *s, void *c) { (void)c; return nodelist_new(OWNER(s), LIST_SUMMARY, PTR(s, void)); }
static PyObject *domain_plans(PyObject *s, void *c) { (void)c; return nodelist_new(OWNER(s), LIST_PLANS, PTR(s, void)); }
static PyObject *owner_of(PyObject *s, void *c) { (void)c; return Py_NewRef((PyObject *)OWNER(s)); }

static PyObject *domain_repr(PyObject *s)
{
	return node_repr_with(s, cispref_domain_id(PTR(s, cispref_domain)), cispref_domain_title(PTR(s, cispref_domain)));
}

static PyGetSetDef domain_getset[] = {
	{"id", domain_id, NULL, "The domain's id.", NULL},
	{"kind", domain_kind, NULL, "'core' or 'transversal'.", NULL},
	{"title", domain_title, NULL, "The domain's title.", NULL},
	{"summary", domain_summary, NULL, "The summary entries, as printed (a sequence).", NULL},
	{"plans", domain_plans, NULL, "The plans (a sequence).", NULL},
	{"parent", owner_of, NULL, "The referential.", NULL},
	{"referential", owner_of, NULL, "The referential.", NULL},
	IDENTITY_GETSET(CISPREF_NODE_DOMAIN),
	{NULL, NULL, NULL, NULL, NULL},
};

/* ---- summary entry ------------------------------------------------------------- */

#define ENTRY(s) PTR(s, cispref_summary_entry)
static PyObject *entry_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_summary_entry_id(ENTRY(s))); }
static PyObject *entry_text(PyObject *s, void *c) { (void)c; return str_or_none(cispref_summary_entry_text(ENTRY(s))); }
static PyObject *entry_plan(PyObject *s, void *c) { (void)c; return str_or_none(cispref_plan_kind_name(cispref_summary_entry_plan_kind(ENTRY(s)))); }
static PyObject *entry_competence_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_summary_entry_competence_id(ENTRY(s))); }
static PyObject *entry_competence(PyObject *s, void *c) { (void)c; return wrap_node(OWNER(s), CISPREF_NODE_COMPETENCE, cispref_summary_entry_competence(ENTRY(s))); }
static PyObject *entry_domain(PyObject *s, void *c) { (void)c; return wrap_node(OWNER(s), CISPREF_NODE_DOMAIN, cispref_summary_entry_domain(ENTRY(s))); }

static PyObject *entry_repr(PyObject *s)
{
	return node_repr_with(s, cispref_summary_entry_id(ENTRY(s)), cispref_summary_entry_text(ENTRY(s)));
}

static PyGetSetDef entry_getset[] = {
	{"id", entry_id, NULL, "The entry's id.", NULL},
	{"plan", entry_plan, NULL, "The plan kind it is listed under ('individual', ...).", NULL},
	{"text", entry_text, NULL, "The entry's text, as printed.", NULL},
	{"competence", entry_competence, NULL, "The competence it names, or None.", NULL},
	{"competence_id", entry_competence_id, NULL, "The id of the competence it names, or None.", NULL},
	{"domain", entry_domain, NULL, "The domain.", NULL},
	{"parent", entry_domain, NULL, "The domain.", NULL},
	IDENTITY_GETSET(CISPREF_NODE_SUMMARY_ENTRY),
	{NULL, NULL, NULL, NULL, NULL},
};

/* ---- plan ---------------------------------------------------------------------- */

#define PLAN(s) PTR(s, cispref_plan)
static PyObject *plan_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_plan_id(PLAN(s))); }
static PyObject *plan_title(PyObject *s, void *c) { (void)c; return str_or_none(cispref_plan_title(PLAN(s))); }
static PyObject *plan_kind(PyObject *s, void *c) { (void)c; return str_or_none(cispref_plan_kind_name(cispref_plan_kind(PLAN(s)))); }
static PyObject *plan_competences(PyObject *s, void *c) { (void)c; return nodelist_new(OWNER(s), LIST_COMPETENCES, PLAN(s)); }
static PyObject *plan_domain(PyObject *s, void *c) { (void)c; return wrap_node(OWNER(s), CISPREF_NODE_DOMAIN, cispref_plan_domain(PLAN(s))); }

static PyObject *plan_repr(PyObject *s)
{
	return node_repr_with(s, cispref_plan_id(PLAN(s)), cispref_plan_title(PLAN(s)));
}

static PyGetSetDef plan_getset[] = {
	{"id", plan_id, NULL, "The plan's id.", NULL},
	{"kind", plan_kind, NULL, "'individual', 'collective', 'internal', 'external' or 'joint'.", NULL},
	{"title", plan_title, NULL, "The plan's title.", NULL},
	{"competences", plan_competences, NULL, "The competences (a sequence).", NULL},
	{"domain", plan_domain, NULL, "The domain.", NULL},
	{"parent", plan_domain, NULL, "The domain.", NULL},
	IDENTITY_GETSET(CISPREF_NODE_PLAN),
	{NULL, NULL, NULL, NULL, NULL},
};

/* ---- competence ---------------------------------------------------------------- */

#define COMP(s) PTR(s, cispref_competence)
static PyObject *comp_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_competence_id(COMP(s))); }
static PyObject *comp_title(PyObject *s, void *c) { (void)c; return str_or_none(cispref_competence_title(COMP(s))); }
static PyObject *comp_list(PyObject *s, void *c) { return nodelist_new(OWNER(s), (list_kind)(intptr_t)c, COMP(s)); }
static PyObject *comp_plan(PyObject *s, void *c) { (void)c; return wrap_node(OWNER(s), CISPREF_NODE_PLAN, cispref_competence_plan(COMP(s))); }

static PyObject *comp_domain(PyObject *s, void *c)
{
	(void)c;
	return wrap_node(OWNER(s), CISPREF_NODE_DOMAIN, cispref_plan_domain(cispref_competence_plan(COMP(s))));
}

static PyObject *comp_note_ids(PyObject *s, void *c)
{
	(void)c;
	size_t n = cispref_competence_note_count(COMP(s));
	PyObject *ids = PyTuple_New((Py_ssize_t)n);
	for (size_t i = 0; ids && i < n; i++) {
		PyObject *id = str_or_none(cispref_competence_note_id(COMP(s), i));
		if (!id) {
			Py_CLEAR(ids);
			break;
		}
		PyTuple_SetItem(ids, (Py_ssize_t)i, id);
	}
	return ids;
}

static PyObject *comp_related(PyObject *s, PyObject *unused)
{
	(void)unused;
	const cispref_index *index = referential_index(OWNER(s));
	if (!index)
		return NULL;
	size_t n = cispref_index_related_competences(index, COMP(s), NULL, 0);
	cispref_related *related = PyMem_Calloc(n + 1, sizeof *related);
	if (!related)
		return PyErr_NoMemory();
	cispref_index_related_competences(index, COMP(s), related, n);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		PyObject *node = wrap_node(OWNER(s), CISPREF_NODE_COMPETENCE, related[i].competence);
		PyObject *pair = node ? Py_BuildValue("(Nn)", node, (Py_ssize_t)related[i].shared) : NULL;
		if (!pair) {
			Py_CLEAR(list);
			break;
		}
		PyList_SetItem(list, (Py_ssize_t)i, pair);
	}
	PyMem_Free(related);
	return list;
}

static PyObject *comp_repr(PyObject *s)
{
	return node_repr_with(s, cispref_competence_id(COMP(s)), cispref_competence_title(COMP(s)));
}

static PyGetSetDef comp_getset[] = {
	{"id", comp_id, NULL, "The competence's id.", NULL},
	{"title", comp_title, NULL, "The competence's title, as in its detail table.", NULL},
	{"savoir_faire", comp_list, NULL, "The savoir-faire (a sequence of Item).", (void *)LIST_SAVOIR_FAIRE},
	{"savoir_faire_comportementaux", comp_list, NULL, "The savoir-faire comportementaux (a sequence of Item).", (void *)LIST_SAVOIR_FAIRE_COMPORTEMENTAUX},
	{"savoirs", comp_list, NULL, "The savoirs (a sequence of Item).", (void *)LIST_SAVOIRS},
	{"items", comp_list, NULL, "All its items (a sequence of Item): the savoir-faire, then the savoir-faire comportementaux, then the savoirs; Item.kind tells which.", (void *)LIST_ITEMS},
	{"notes", comp_list, NULL, "The notes it refers to that exist (a sequence of Note).", (void *)LIST_NOTE_REFS},
	{"note_ids", comp_note_ids, NULL, "The ids of the notes it refers to (a tuple).", NULL},
	{"plan", comp_plan, NULL, "The plan.", NULL},
	{"domain", comp_domain, NULL, "The domain.", NULL},
	{"parent", comp_plan, NULL, "The plan.", NULL},
	IDENTITY_GETSET(CISPREF_NODE_COMPETENCE),
	{NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef comp_methods[] = {
	{"__reduce__", refuse_pickling, METH_NOARGS, REDUCE_DOC},
	{"text_in", node_text_in, METH_O, TEXT_IN_DOC},
	{"related", comp_related, METH_NOARGS,
	 "related($self, /)\n--\n\n"
	 "The competences that share concepts with this one, and how many: a list of\n"
	 "(Competence, int), the most shared first (then in document order)."},
	{NULL, NULL, 0, NULL},
};

/* ---- item ---------------------------------------------------------------------- */

#define ITEM(s) PTR(s, cispref_item)
static PyObject *item_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_item_id(ITEM(s))); }
static PyObject *item_text(PyObject *s, void *c) { (void)c; return str_or_none(cispref_item_text(ITEM(s))); }
static PyObject *item_kind(PyObject *s, void *c) { (void)c; return str_or_none(cispref_item_kind_name(cispref_item_kind(ITEM(s)))); }
static PyObject *item_concept_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_item_concept_id(ITEM(s))); }
static PyObject *item_concept(PyObject *s, void *c) { (void)c; return wrap_node(OWNER(s), CISPREF_NODE_CONCEPT, cispref_item_concept(ITEM(s))); }
static PyObject *item_competence(PyObject *s, void *c) { (void)c; return wrap_node(OWNER(s), CISPREF_NODE_COMPETENCE, cispref_item_competence(ITEM(s))); }

static PyObject *item_repr(PyObject *s)
{
	return node_repr_with(s, cispref_item_id(ITEM(s)), cispref_item_text(ITEM(s)));
}

static PyGetSetDef item_getset[] = {
	{"id", item_id, NULL, "The item's id.", NULL},
	{"kind", item_kind, NULL, "'savoir-faire', 'savoir-faire-comportemental' or 'savoir'.", NULL},
	{"text", item_text, NULL, "The item's text, verbatim.", NULL},
	{"concept", item_concept, NULL, "The shared concept it points to, or None.", NULL},
	{"concept_id", item_concept_id, NULL, "The id of the concept it points to, or None.", NULL},
	{"competence", item_competence, NULL, "The competence.", NULL},
	{"parent", item_competence, NULL, "The competence.", NULL},
	IDENTITY_GETSET(CISPREF_NODE_ITEM),
	{NULL, NULL, NULL, NULL, NULL},
};

/* ---- concept ------------------------------------------------------------------- */

#define CONCEPT(s) PTR(s, cispref_concept)
static PyObject *concept_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_concept_id(CONCEPT(s))); }
static PyObject *concept_label(PyObject *s, void *c) { (void)c; return str_or_none(cispref_concept_label(CONCEPT(s))); }
static PyObject *concept_kind(PyObject *s, void *c) { (void)c; return str_or_none(cispref_item_kind_name(cispref_concept_kind(CONCEPT(s)))); }

/* The items (closure NULL) or competences (closure non-NULL) that use a concept. */
static PyObject *concept_users(PyObject *s, void *competences)
{
	const cispref_index *index = referential_index(OWNER(s));
	if (!index)
		return NULL;
	size_t n = competences ? cispref_index_concept_competence_count(index, CONCEPT(s))
	                       : cispref_index_concept_item_count(index, CONCEPT(s));
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		PyObject *node = competences
			? wrap_node(OWNER(s), CISPREF_NODE_COMPETENCE, cispref_index_concept_competence(index, CONCEPT(s), i))
			: wrap_node(OWNER(s), CISPREF_NODE_ITEM, cispref_index_concept_item(index, CONCEPT(s), i));
		if (!node) {
			Py_CLEAR(list);
			break;
		}
		PyList_SetItem(list, (Py_ssize_t)i, node);
	}
	return list;
}

static PyObject *concept_repr(PyObject *s)
{
	return node_repr_with(s, cispref_concept_id(CONCEPT(s)), cispref_concept_label(CONCEPT(s)));
}

static PyGetSetDef concept_getset[] = {
	{"id", concept_id, NULL, "The concept's id.", NULL},
	{"kind", concept_kind, NULL, "The item kind of its occurrences.", NULL},
	{"label", concept_label, NULL, "The canonical label.", NULL},
	{"items", concept_users, NULL, "The items that point to it, in document order (a list).", NULL},
	{"competences", concept_users, NULL, "The competences that use it, in document order (a list).", (void *)1},
	{"parent", owner_of, NULL, "The referential.", NULL},
	IDENTITY_GETSET(CISPREF_NODE_CONCEPT),
	{NULL, NULL, NULL, NULL, NULL},
};

/* ---- note ---------------------------------------------------------------------- */

#define NOTE(s) PTR(s, cispref_note)
static PyObject *note_id(PyObject *s, void *c) { (void)c; return str_or_none(cispref_note_id(NOTE(s))); }
static PyObject *note_number(PyObject *s, void *c) { (void)c; return str_or_none(cispref_note_number(NOTE(s))); }
static PyObject *note_text(PyObject *s, void *c) { (void)c; return str_or_none(cispref_note_text(NOTE(s))); }

static PyObject *note_repr(PyObject *s)
{
	return node_repr_with(s, cispref_note_id(NOTE(s)), cispref_note_text(NOTE(s)));
}

static PyGetSetDef note_getset[] = {
	{"id", note_id, NULL, "The note's id.", NULL},
	{"number", note_number, NULL, "The note's number as printed ('21').", NULL},
	{"text", note_text, NULL, "The note's text.", NULL},
	{"parent", owner_of, NULL, "The referential.", NULL},
	IDENTITY_GETSET(CISPREF_NODE_NOTE),
	{NULL, NULL, NULL, NULL, NULL},
};

/* ---- types --------------------------------------------------------------------- */

static const struct node_kind {
	cispref_node_type_t type;
	const char *name;
	const char *doc;
	reprfunc repr;
	PyGetSetDef *getset;
	PyMethodDef *methods;
} node_kinds[] = {
	{CISPREF_NODE_DOMAIN, "cispref.Domain", "A domain of competences (read-only).", domain_repr, domain_getset, node_methods},
	{CISPREF_NODE_SUMMARY_ENTRY, "cispref.SummaryEntry", "One line of a domain's summary list (read-only).", entry_repr, entry_getset, node_methods},
	{CISPREF_NODE_PLAN, "cispref.Plan", "A plan of a domain (read-only).", plan_repr, plan_getset, node_methods},
	{CISPREF_NODE_COMPETENCE, "cispref.Competence", "A competence and its three lists of items (read-only).", comp_repr, comp_getset, comp_methods},
	{CISPREF_NODE_ITEM, "cispref.Item", "A savoir-faire, savoir-faire comportemental or savoir (read-only).", item_repr, item_getset, node_methods},
	{CISPREF_NODE_CONCEPT, "cispref.Concept", "A shared aptitude or savoir (read-only).", concept_repr, concept_getset, node_methods},
	{CISPREF_NODE_NOTE, "cispref.Note", "A numbered note of the source (read-only).", note_repr, note_getset, node_methods},
};

/* One heap type per kind, made for @module and kept in its state. They cannot be
 * instantiated from Python, subclassed or changed, as the static types they replace. */
int node_types_add(PyObject *module, module_state *state)
{
	for (size_t i = 0; i < sizeof node_kinds / sizeof node_kinds[0]; i++) {
		const struct node_kind *kind = &node_kinds[i];
		PyType_Slot slots[] = {
			{Py_tp_dealloc, node_dealloc},
			{Py_tp_traverse, node_traverse},
			{Py_tp_repr, kind->repr},
			{Py_tp_hash, node_hash},
			{Py_tp_richcompare, node_richcompare},
			{Py_tp_doc, (void *)kind->doc},
			{Py_tp_getset, kind->getset},
			{Py_tp_methods, kind->methods},
			{0, NULL},
		};
		PyType_Spec spec = {
			.name = kind->name,
			.basicsize = sizeof(NodeObject),
			.flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
			         Py_TPFLAGS_DISALLOW_INSTANTIATION,
			.slots = slots,
		};
		PyObject *type = PyType_FromModuleAndSpec(module, &spec, NULL);
		state->node_types[kind->type] = (PyTypeObject *)type;
		if (!type || PyModule_AddType(module, (PyTypeObject *)type) < 0)
			return -1;
	}
	return 0;
}
