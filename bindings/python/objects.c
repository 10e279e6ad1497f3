/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Creating the module's objects: every file that hands out a node, a list or a
 * referential calls here, so that the node types and the list type need not call each
 * other. The types come from the module state of the owning referential. */
#include "cispref_py.h"

PyObject *wrap_referential(const module_state *state, cispref_referential *ref)
{
	ReferentialObject *self = PyObject_GC_New(ReferentialObject, state->referential_type);
	if (!self) {
		cispref_referential_free(ref);
		return NULL;
	}
	self->ref = ref;
	self->index = NULL;
	PyObject_GC_Track(self);
	return (PyObject *)self;
}

PyObject *wrap_node(ReferentialObject *owner, cispref_node_type_t type, const void *ptr)
{
	if (!ptr || type <= CISPREF_NODE_NONE || type > CISPREF_NODE_NOTE)
		Py_RETURN_NONE;
	NodeObject *node = PyObject_GC_New(NodeObject, state_of((PyObject *)owner)->node_types[type]);
	if (!node)
		return NULL;
	node->owner = (ReferentialObject *)Py_NewRef((PyObject *)owner);
	node->ptr = ptr;
	PyObject_GC_Track(node);
	return (PyObject *)node;
}

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
	NodeListObject *self = PyObject_GC_New(NodeListObject,
	                                       state_of((PyObject *)owner)->nodelist_type);
	if (!self)
		return NULL;
	self->owner = (ReferentialObject *)Py_NewRef((PyObject *)owner);
	self->kind = kind;
	self->parent = parent;
	self->notes = NULL;
	self->note_count = 0;
	PyObject_GC_Track(self);
	if (kind == LIST_NOTE_REFS && resolve_notes(self) < 0) {
		Py_DECREF(self);
		return NULL;
	}
	return (PyObject *)self;
}

/* Built without the GIL: over a large referential it takes a while, and other threads
 * may run meanwhile. One of them may build it too; the first to come back keeps its
 * index, the other frees its own. */
const cispref_index *referential_index(ReferentialObject *self)
{
	if (self->index)
		return self->index;
	cispref_index *index;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_index_new(&index, self->ref);
	PyEval_RestoreThread(thread);
	if (rc != 0) {
		PyErr_NoMemory();
		return NULL;
	}
	if (self->index)
		cispref_index_free(index);
	else
		self->index = index;
	return self->index;
}
