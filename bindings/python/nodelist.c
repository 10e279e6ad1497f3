/* A read-only sequence over one list of the model: len(), indexing (negative too),
 * iteration, `in`. It holds its referential, like every node. */
#include "cispref_py.h"

typedef struct {
	PyObject_HEAD
	ReferentialObject *owner;
	list_kind kind;
	const void *parent;
	/* LIST_NOTE_REFS: the notes that the references resolve to, found once. Which
	 * references resolve is known only by looking each up, and doing that again for
	 * every len() and every index made iteration quadratic. The referential is
	 * read-only, so the answer cannot change. */
	const cispref_note **notes;
	Py_ssize_t note_count;
} NodeListObject;

static const cispref_item_kind_t item_kinds[] = {
	[LIST_SAVOIR_FAIRE] = CISPREF_ITEM_SAVOIR_FAIRE,
	[LIST_SAVOIR_FAIRE_COMPORTEMENTAUX] = CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL,
	[LIST_SAVOIRS] = CISPREF_ITEM_SAVOIR,
};

/* Fill @self->notes with the notes that @self->parent's references name and that exist. */
static int resolve_notes(NodeListObject *self)
{
	const cispref_competence *comp = self->parent;
	size_t n = cispref_competence_note_count(comp);
	if (!(self->notes = PyMem_Calloc(n + 1, sizeof *self->notes))) {
		PyErr_NoMemory();
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const cispref_note *note = cispref_competence_note(comp, i);
		if (note)
			self->notes[self->note_count++] = note;
	}
	return 0;
}

PyObject *nodelist_new(ReferentialObject *owner, list_kind kind, const void *parent)
{
	NodeListObject *self = PyObject_New(NodeListObject, &NodeListType);
	if (!self)
		return NULL;
	Py_INCREF(owner);
	self->owner = owner;
	self->kind = kind;
	self->parent = parent;
	self->notes = NULL;
	self->note_count = 0;
	if (kind == LIST_NOTE_REFS && resolve_notes(self) < 0) {
		Py_DECREF(self);
		return NULL;
	}
	return (PyObject *)self;
}

static Py_ssize_t nodelist_length(PyObject *o)
{
	NodeListObject *self = (NodeListObject *)o;
	const void *p = self->parent;
	switch (self->kind) {
	case LIST_DOMAINS: return (Py_ssize_t)cispref_referential_domain_count(p);
	case LIST_CONCEPTS: return (Py_ssize_t)cispref_referential_concept_count(p);
	case LIST_NOTES: return (Py_ssize_t)cispref_referential_note_count(p);
	case LIST_SUMMARY: return (Py_ssize_t)cispref_domain_summary_count(p);
	case LIST_PLANS: return (Py_ssize_t)cispref_domain_plan_count(p);
	case LIST_COMPETENCES: return (Py_ssize_t)cispref_plan_competence_count(p);
	/* only the references that resolve, so that every element is a Note */
	case LIST_NOTE_REFS: return self->note_count;
	default: return (Py_ssize_t)cispref_competence_item_count(p, item_kinds[self->kind]);
	}
}

static PyObject *nodelist_item(PyObject *o, Py_ssize_t index)
{
	NodeListObject *self = (NodeListObject *)o;
	Py_ssize_t length = nodelist_length(o);
	if (index < 0 || index >= length) {
		PyErr_SetString(PyExc_IndexError, "index out of range");
		return NULL;
	}
	const void *p = self->parent;
	size_t i = (size_t)index;
	switch (self->kind) {
	case LIST_DOMAINS: return wrap_node(self->owner, CISPREF_NODE_DOMAIN, cispref_referential_domain(p, i));
	case LIST_CONCEPTS: return wrap_node(self->owner, CISPREF_NODE_CONCEPT, cispref_referential_concept(p, i));
	case LIST_NOTES: return wrap_node(self->owner, CISPREF_NODE_NOTE, cispref_referential_note(p, i));
	case LIST_SUMMARY: return wrap_node(self->owner, CISPREF_NODE_SUMMARY_ENTRY, cispref_domain_summary_entry(p, i));
	case LIST_PLANS: return wrap_node(self->owner, CISPREF_NODE_PLAN, cispref_domain_plan(p, i));
	case LIST_COMPETENCES: return wrap_node(self->owner, CISPREF_NODE_COMPETENCE, cispref_plan_competence(p, i));
	case LIST_NOTE_REFS: return wrap_node(self->owner, CISPREF_NODE_NOTE, self->notes[index]);
	default: return wrap_node(self->owner, CISPREF_NODE_ITEM, cispref_competence_item(p, item_kinds[self->kind], i));
	}
}

/* Indexing with an int (negative counts from the end) or a slice (gives a list). */
static PyObject *nodelist_subscript(PyObject *o, PyObject *key)
{
	Py_ssize_t length = nodelist_length(o);
	if (PyIndex_Check(key)) {
		Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
		if (i == -1 && PyErr_Occurred())
			return NULL;
		return nodelist_item(o, i < 0 ? i + length : i);
	}
	if (PySlice_Check(key)) {
		Py_ssize_t start, stop, step;
		if (PySlice_Unpack(key, &start, &stop, &step) < 0)
			return NULL;
		Py_ssize_t n = PySlice_AdjustIndices(length, &start, &stop, step);
		PyObject *list = PyList_New(n);
		for (Py_ssize_t k = 0, i = start; list && k < n; k++, i += step) {
			PyObject *node = nodelist_item(o, i);
			if (!node) {
				Py_CLEAR(list);
				break;
			}
			PyList_SET_ITEM(list, k, node);
		}
		return list;
	}
	PyErr_Format(PyExc_TypeError, "indices must be integers or slices, not %.100s",
	             Py_TYPE(key)->tp_name);
	return NULL;
}

static PyObject *nodelist_repr(PyObject *o)
{
	PyObject *list = PySequence_List(o);
	if (!list)
		return NULL;
	PyObject *repr = PyObject_Repr(list);
	Py_DECREF(list);
	return repr;
}

static void nodelist_dealloc(PyObject *o)
{
	PyMem_Free(((NodeListObject *)o)->notes);
	Py_DECREF(((NodeListObject *)o)->owner);
	PyObject_Free(o);
}

static PySequenceMethods nodelist_as_sequence = {
	.sq_length = nodelist_length,
	.sq_item = nodelist_item,
};

static PyMappingMethods nodelist_as_mapping = {
	.mp_length = nodelist_length,
	.mp_subscript = nodelist_subscript,
};

PyTypeObject NodeListType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "cispref.NodeList",
	.tp_basicsize = sizeof(NodeListObject),
	.tp_dealloc = nodelist_dealloc,
	.tp_repr = nodelist_repr,
	.tp_as_sequence = &nodelist_as_sequence,
	.tp_as_mapping = &nodelist_as_mapping,
	.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
	.tp_doc = "A read-only sequence of nodes of a referential: len(), indexing, slicing, iteration.",
};
