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

/* A growing array of handles, filled in document order. */
typedef struct {
	const void **nodes;
	Py_ssize_t count, size;
} gathered;

static int gather(gathered *g, const void *node)
{
	if (g->count == g->size) {
		Py_ssize_t size = g->size ? 2 * g->size : 16;
		const void **nodes = PyMem_Realloc(g->nodes, (size_t)size * sizeof *nodes);
		if (!nodes)
			return -1;
		g->nodes = nodes;
		g->size = size;
	}
	g->nodes[g->count++] = node;
	return 0;
}

static int gather_competence(const cispref_competence *competence, void *g)
{
	return gather(g, competence);
}

static int gather_item(const cispref_item *item, void *g)
{
	return gather(g, item);
}

/* The notes that a competence's references name and that exist. */
static int gather_notes(gathered *g, const cispref_competence *comp)
{
	size_t n = cispref_competence_note_count(comp);
	for (size_t i = 0; i < n; i++) {
		const cispref_note *note = cispref_competence_note(comp, i);
		if (note && gather(g, note) < 0)
			return -1;
	}
	return 0;
}

/* A competence's items, in the order the library's walk gives them. */
static int gather_items(gathered *g, const cispref_competence *comp)
{
	static const cispref_item_kind_t kinds[] = {CISPREF_ITEM_SAVOIR_FAIRE,
	                                            CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL,
	                                            CISPREF_ITEM_SAVOIR};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		size_t n = cispref_competence_item_count(comp, kinds[k]);
		for (size_t i = 0; i < n; i++)
			if (gather(g, cispref_competence_item(comp, kinds[k], i)) < 0)
				return -1;
	}
	return 0;
}

/* Fill @self->nodes for the lists gathered once (see list_kind); the walks visit every
 * node (no filter, no stop) unless gathering runs out of memory. */
static int gather_list(NodeListObject *self)
{
	gathered g = {NULL, 0, 0};
	int rc;
	switch (self->kind) {
	case LIST_NOTE_REFS: rc = gather_notes(&g, self->parent); break;
	case LIST_ITEMS: rc = gather_items(&g, self->parent); break;
	case LIST_ALL_COMPETENCES:
		rc = cispref_referential_foreach_competence(self->parent, NULL, gather_competence, &g);
		break;
	default: rc = cispref_referential_foreach_item(self->parent, NULL, gather_item, &g); break;
	}
	self->nodes = g.nodes;
	self->node_count = g.count;
	if (rc != 0) {
		PyErr_NoMemory();
		return -1;
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
	self->nodes = NULL;
	self->node_count = 0;
	PyObject_GC_Track(self);
	if (kind >= LIST_NOTE_REFS && gather_list(self) < 0) {
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
