/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A node's column. The header holds it in NODE_COLUMN_BITS bits so that an item stays 40
 * bytes; a wider one (an element that starts past the 33 millionth byte of its line, as
 * in a large referential written on one line) is kept in a map beside the nodes, so that
 * every diagnostic still gives the column where the element starts. The map holds nothing
 * and allocates nothing until such a column occurs. */
#include <inttypes.h>
#include <string.h>
#include <stdio.h>

#include "private.h"

/* The map's key is the node's address, in hex: node addresses are unique for the
 * referential's lifetime (the arena reuses no node's memory), unlike ids (duplicates,
 * blocks without one). The library has one hash table, keyed by strings. */
typedef struct far_column {
	char key[2 * sizeof(uintptr_t) + 1]; /* first: the map's key function reads it */
	unsigned long column;
} far_column;

static const char *far_column_key(const void *value)
{
	return ((const far_column *)value)->key;
}

static void address_key(char key[2 * sizeof(uintptr_t) + 1], const node *n)
{
	snprintf(key, 2 * sizeof(uintptr_t) + 1, "%" PRIxPTR, (uintptr_t)n);
}

/* A column of NODE_COLUMN_FAR or more (cispref__node_set_column() stores the others). */
int cispref__node_set_far_column(cispref_referential *ref, node *n, unsigned long column)
{
	if (!ref->far_columns.key)
		cispref__strmap_init(&ref->far_columns, far_column_key);
	char key[2 * sizeof(uintptr_t) + 1];
	address_key(key, n);
	far_column *far = cispref__strmap_find(&ref->far_columns, key);
	if (!far) {
		if (!(far = cispref__arena_alloc(ref->arena, sizeof *far)))
			return -1;
		memcpy(far->key, key, sizeof key);
		if (cispref__strmap_add(&ref->far_columns, far) < 0)
			return -1;
	}
	far->column = column;
	n->column = NODE_COLUMN_FAR;
	return 0;
}

unsigned long cispref__node_column(const cispref_referential *ref, const node *n)
{
	if (n->column != NODE_COLUMN_FAR)
		return n->column;
	char key[2 * sizeof(uintptr_t) + 1];
	address_key(key, n);
	const far_column *far = cispref__strmap_find(&ref->far_columns, key);
	return far ? far->column : NODE_COLUMN_FAR; /* always found: set with the node's */
}
