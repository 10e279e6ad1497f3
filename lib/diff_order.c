/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Which siblings moved: under one parent, the siblings that kept their relative order
 * are those of a longest increasing subsequence of their old positions, taken in their
 * new order; the others moved. So inserting or removing a sibling shifts the positions
 * of those after it without moving them, as a reader of the two editions sees it. */
#include <stdlib.h>
#include <string.h>

#include "diff_private.h"

/* Whether the matched node @n of NEW is still in the list it was in: same parent, same
 * sublist (an item whose kind changed is in another list, and reported as such). */
static int same_list(const dnode *o, const dnode *n)
{
	const char *a = o->parent_id, *b = n->parent_id;
	return (a == b || (a && b && strcmp(a, b) == 0)) && o->sublist == n->sublist;
}

/* A member of a sibling list, with the list's key copied in (qsort() takes no payload
 * to reach the nodes through, and a global would not do from several threads). */
typedef struct member {
	cispref_node_type_t type;
	int sublist;
	const char *parent_id;
	size_t index; /* in the new list: siblings follow each other in document order */
} member;

static int by_list(const void *va, const void *vb)
{
	const member *a = va, *b = vb;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	const char *pa = a->parent_id, *pb = b->parent_id;
	int c = pa && pb ? strcmp(pa, pb) : (pa != NULL) - (pb != NULL);
	if (c)
		return c;
	if (a->sublist != b->sublist)
		return a->sublist < b->sublist ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static int same_group(const member *a, const member *b)
{
	return a->type == b->type && a->sublist == b->sublist &&
	       (a->parent_id == b->parent_id ||
	        (a->parent_id && b->parent_id && strcmp(a->parent_id, b->parent_id) == 0));
}

/* Mark, among @count nodes of one list (@members, indices into @new_nodes in their new
 * order), those outside a longest increasing run of old positions (patience sorting
 * with back links: O(count log count)). @tails and @links are scratch of @count each. */
static void mark_list(unsigned char *moved, const dnodes *old_nodes, const dnodes *new_nodes,
                      const size_t *members, size_t count, size_t *tails, size_t *links)
{
	size_t length = 0;
	for (size_t k = 0; k < count; k++) {
		size_t pos = old_nodes->items[new_nodes->items[members[k]].match].position;
		size_t lo = 0, hi = length; /* first tail whose old position is >= pos */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			size_t t = old_nodes->items[new_nodes->items[members[tails[mid]]].match].position;
			if (t < pos)
				lo = mid + 1;
			else
				hi = mid;
		}
		links[k] = lo ? tails[lo - 1] : DIFF_NONE;
		tails[lo] = k;
		if (lo == length)
			length++;
	}
	for (size_t k = 0; k < count; k++)
		moved[members[k]] = 1;
	for (size_t k = length ? tails[length - 1] : DIFF_NONE; k != DIFF_NONE; k = links[k])
		moved[members[k]] = 0;
}

int cispref__diff_positions(unsigned char **out, const dnodes *old_nodes,
                            const dnodes *new_nodes)
{
	size_t n = new_nodes->count, count = 0;
	unsigned char *moved = calloc(n ? n : 1, 1);
	member *members = malloc((n ? n : 1) * sizeof *members);
	size_t *scratch = malloc((n ? n : 1) * 3 * sizeof *scratch);
	if (!moved || !members || !scratch) {
		free(moved), free(members), free(scratch);
		return CISPREF_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const dnode *d = &new_nodes->items[i];
		if (d->match != DIFF_NONE && same_list(&old_nodes->items[d->match], d))
			members[count++] = (member){d->type, d->sublist, d->parent_id, i};
	}
	qsort(members, count, sizeof *members, by_list);
	size_t *indices = scratch + 2 * n;
	for (size_t start = 0; start < count;) {
		size_t end = start;
		for (; end < count && same_group(&members[start], &members[end]); end++)
			indices[end - start] = members[end].index;
		mark_list(moved, old_nodes, new_nodes, indices, end - start, scratch, scratch + n);
		start = end;
	}
	free(members);
	free(scratch);
	*out = moved;
	return CISPREF_OK;
}
