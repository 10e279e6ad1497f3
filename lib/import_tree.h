/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The tree of a foreign framework before it becomes a model (import_tree.c): rows of a
 * Moodle CSV, items of a CASE package, linked to their parents in any order. Both
 * importers find what a root reaches, report what no root reaches (a cycle of parents, or
 * under one) and build the model top down with these walks. Each importer's node
 * (moodle_read.c's entry, case_read.c's citem) begins with a tree_node. */
#ifndef CISPREF_IMPORT_TREE_H
#define CISPREF_IMPORT_TREE_H

#include "private.h"

typedef struct tree_node {
	struct tree_node *parent; /* NULL for a root, or a parent that is not there */
	vec children;             /* tree_node *, in the order to build them */
	int state;                /* 0 not reached, 1 on the path being climbed, 2 settled */
	int reached;              /* from a root: it is imported */
	size_t depth;             /* from the roots, 0 for a root (once reached) */
} tree_node;

/* Mark what @roots (tree_node *) reach, depth first without recursion (a chain of parents
 * may be as long as the file): state 2, reached, depth. CISPREF_OK or CISPREF_ENOMEM. */
int cispref__tree_reach(arena *a, const vec *roots);

/* Climb from @start, not reached (state 0), through its parents while they are not
 * settled either, marking each (state 1) and appending it to @path, which then runs up
 * from @start. *@cycle receives the node where the climb came back onto the path: from
 * there to the end, @path is a cycle of parents, and what comes before sits under it;
 * NULL when the climb ended at a settled node or at a node without parent. The caller
 * reports the nodes of @path, then settles them (state 2). CISPREF_OK or
 * CISPREF_ENOMEM. */
int cispref__tree_climb(arena *a, tree_node *start, vec *path, tree_node **cycle);

/* Build a node under what its parent became (@parent: NULL for a root), and return what
 * it became, or NULL to skip its subtree. */
typedef void *(*tree_build)(void *context, tree_node *node, void *parent);

/* Call @build on every node @roots (tree_node *) reach, depth first, parents before their
 * children, siblings in their order, without recursion. The walk stops when *@stop
 * becomes non-zero (the importer's failure). CISPREF_OK or CISPREF_ENOMEM. */
int cispref__tree_walk(const vec *roots, tree_build build, void *context, const int *stop);

#endif
