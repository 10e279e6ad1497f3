/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The walks over a foreign framework's tree that the Moodle and CASE importers share
 * (import_tree.h). None recurses: a hostile file may chain a million rows. */
#include <stdlib.h>

#include "import_tree.h"

int cispref__tree_reach(arena *a, const vec *roots)
{
	vec stack = {0};
	for (size_t r = roots->count; r-- > 0;)
		if (cispref__vec_push(a, &stack, roots->items[r]) != 0)
			return CISPREF_ENOMEM;
	while (stack.count) {
		tree_node *n = stack.items[--stack.count];
		n->state = 2;
		n->reached = 1;
		n->depth = n->parent ? n->parent->depth + 1 : 0;
		for (size_t c = n->children.count; c-- > 0;)
			if (cispref__vec_push(a, &stack, n->children.items[c]) != 0)
				return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}

int cispref__tree_climb(arena *a, tree_node *start, vec *path, tree_node **cycle)
{
	tree_node *n = start;
	while (n && n->state == 0) {
		n->state = 1;
		if (cispref__vec_push(a, path, n) != 0)
			return CISPREF_ENOMEM;
		n = n->parent;
	}
	*cycle = n && n->state == 1 ? n : NULL;
	return CISPREF_OK;
}

/* A node to build and what its parent became. */
typedef struct frame {
	tree_node *node;
	void *parent;
} frame;

static int push(frame **stack, size_t *count, size_t *capacity, frame f)
{
	if (*count == *capacity) {
		size_t grown_capacity = *capacity ? *capacity * 2 : 64;
		frame *grown = realloc(*stack, grown_capacity * sizeof *grown);
		if (!grown)
			return CISPREF_ENOMEM;
		*stack = grown;
		*capacity = grown_capacity;
	}
	(*stack)[(*count)++] = f;
	return CISPREF_OK;
}

int cispref__tree_walk(const vec *roots, tree_build build, void *context, const int *stop)
{
	frame *stack = NULL;
	size_t count = 0, capacity = 0;
	int rc = CISPREF_OK;
	for (size_t r = roots->count; r-- > 0 && !rc;)
		rc = push(&stack, &count, &capacity, (frame){roots->items[r], NULL});
	while (count && !rc && !*stop) {
		frame f = stack[--count];
		void *made = build(context, f.node, f.parent);
		for (size_t c = f.node->children.count; made && c-- > 0 && !rc;)
			rc = push(&stack, &count, &capacity, (frame){f.node->children.items[c], made});
	}
	free(stack);
	return rc;
}
