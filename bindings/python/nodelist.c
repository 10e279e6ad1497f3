/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A read-only sequence over one list of the model: len(), indexing (negative too),
 * iteration, `in`. It holds its referential, like every node. */
#include "cispref_py.h"

static const cispref_item_kind_t item_kinds[] = {
	[LIST_SAVOIR_FAIRE] = CISPREF_ITEM_SAVOIR_FAIRE,
	[LIST_SAVOIR_FAIRE_COMPORTEMENTAUX] = CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL,
	[LIST_SAVOIRS] = CISPREF_ITEM_SAVOIR,
};

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
	case LIST_SAVOIR_FAIRE:
	case LIST_SAVOIR_FAIRE_COMPORTEMENTAUX:
	case LIST_SAVOIRS: return (Py_ssize_t)cispref_competence_item_count(p, item_kinds[self->kind]);
	/* gathered: for notes, only the references that resolve, so that each is a Note */
	default: return self->node_count;
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
	case LIST_SAVOIR_FAIRE:
	case LIST_SAVOIR_FAIRE_COMPORTEMENTAUX:
	case LIST_SAVOIRS: return wrap_node(self->owner, CISPREF_NODE_ITEM, cispref_competence_item(p, item_kinds[self->kind], i));
	case LIST_NOTE_REFS: return wrap_node(self->owner, CISPREF_NODE_NOTE, self->nodes[index]);
	case LIST_ALL_COMPETENCES: return wrap_node(self->owner, CISPREF_NODE_COMPETENCE, self->nodes[index]);
	default: return wrap_node(self->owner, CISPREF_NODE_ITEM, self->nodes[index]);
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
			PyList_SetItem(list, k, node);
		}
		return list;
	}
	PyObject *name = type_name(key);
	if (name) {
		PyErr_Format(PyExc_TypeError, "indices must be integers or slices, not %.100U", name);
		Py_DECREF(name);
	}
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

/* As for nodes (node.c): the type and the referential are visited, nothing is cleared. */
static int nodelist_traverse(PyObject *o, visitproc visit, void *arg)
{
	Py_VISIT(Py_TYPE(o));
	Py_VISIT(((NodeListObject *)o)->owner);
	return 0;
}

static void nodelist_dealloc(PyObject *o)
{
	PyTypeObject *type = Py_TYPE(o);
	PyObject_GC_UnTrack(o);
	PyMem_Free(((NodeListObject *)o)->nodes);
	Py_DECREF(((NodeListObject *)o)->owner);
	PyObject_GC_Del(o);
	Py_DECREF(type);
}

/* NodeList[Item] in annotations that are evaluated, as the stubs declare it generic. */
static PyObject *class_getitem(PyObject *type, PyObject *item)
{
	return Py_GenericAlias(type, item);
}

static PyMethodDef nodelist_methods[] = {
	{"__reduce__", refuse_pickling, METH_NOARGS, REDUCE_DOC},
	{"__class_getitem__", class_getitem, METH_O | METH_CLASS,
	 "__class_getitem__($cls, item, /)\n--\n\nNodeList[Item]: a generic alias, for annotations."},
	{NULL, NULL, 0, NULL},
};

static PyType_Slot nodelist_slots[] = {
	{Py_tp_methods, nodelist_methods},
	{Py_tp_dealloc, nodelist_dealloc},
	{Py_tp_traverse, nodelist_traverse},
	{Py_tp_repr, nodelist_repr},
	{Py_sq_length, nodelist_length},
	{Py_sq_item, nodelist_item},
	{Py_mp_length, nodelist_length},
	{Py_mp_subscript, nodelist_subscript},
	{Py_tp_doc, (void *)"A read-only sequence of nodes of a referential: len(), indexing, slicing, iteration."},
	{0, NULL},
};

/* Not Py_TPFLAGS_IMMUTABLETYPE, unlike the other types: the limited API has no
 * Py_TPFLAGS_SEQUENCE (what lets a match statement take a NodeList for a sequence), and
 * the one public way to set it, registering with collections.abc.Sequence, skips
 * immutable types. */
static PyType_Spec nodelist_spec = {
	.name = "cispref.NodeList",
	.basicsize = sizeof(NodeListObject),
	.flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
	.slots = nodelist_slots,
};

/* The list type, a module attribute for annotations (NodeList[Item]), registered as a
 * collections.abc.Sequence. */
int nodelist_type_add(PyObject *module, module_state *state)
{
	PyObject *type = PyType_FromModuleAndSpec(module, &nodelist_spec, NULL);
	if (!(state->nodelist_type = (PyTypeObject *)type) ||
	    PyModule_AddType(module, state->nodelist_type) < 0)
		return -1;
	PyObject *abc = PyImport_ImportModule("collections.abc");
	PyObject *sequence = abc ? PyObject_GetAttrString(abc, "Sequence") : NULL;
	PyObject *done = sequence ? PyObject_CallMethod(sequence, "register", "O", type) : NULL;
	Py_XDECREF(abc);
	Py_XDECREF(sequence);
	if (!done)
		return -1;
	Py_DECREF(done);
	return 0;
}
