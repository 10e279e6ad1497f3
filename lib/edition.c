/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Edition links: a node marked deprecated, and the node that replaces it (doc/format.md,
 * "Editions"). Kept in a map of their own rather than in every node: a referential has
 * few deprecated nodes and half a million items must stay 40 bytes each. */
#include <string.h>

#include "private.h"

int cispref__edition_set(cispref_referential *ref, const node *n, int deprecated,
                         const char *replaced_by)
{
	edition_link *old = cispref__strmap_find(&ref->editions, n->id);
	if (old)
		cispref__strmap_remove(&ref->editions, old);
	if (!deprecated)
		return 0;
	edition_link *link = cispref__arena_alloc(ref->arena, sizeof *link);
	if (!link)
		return -1;
	link->id = n->id;
	link->n = n;
	if (replaced_by && !(link->replaced_by = cispref__arena_strdup(ref->arena, replaced_by)))
		return -1;
	return cispref__strmap_add(&ref->editions, link) < 0 ? -1 : 0;
}

const edition_link *cispref__edition_of(const cispref_referential *ref, const node *n)
{
	const edition_link *link = cispref__strmap_find(&ref->editions, n->id);
	return link && link->n == n ? link : NULL;
}

const edition_link *cispref__edition_get(const cispref_referential *ref, const char *id)
{
	const node *n = cispref__find(ref, id);
	return n ? cispref__edition_of(ref, n) : NULL;
}

bool cispref_referential_node_deprecated(const cispref_referential *ref, const char *id)
{
	return ref && id && cispref__edition_get(ref, id) != NULL;
}

const char *cispref_referential_node_replaced_by(const cispref_referential *ref, const char *id)
{
	const edition_link *link = ref && id ? cispref__edition_get(ref, id) : NULL;
	return link ? link->replaced_by : NULL;
}

int cispref_referential_set_deprecated(cispref_referential *ref, const char *id,
                                       bool deprecated, const char *replaced_by)
{
	if (!ref || !id || (replaced_by && (!deprecated || !cispref__id_is_valid(replaced_by))))
		return CISPREF_EARG;
	const node *n = cispref__find(ref, id);
	if (!n)
		return CISPREF_ENOTFOUND;
	return cispref__edition_set(ref, n, deprecated, replaced_by) == 0 ? CISPREF_OK
	                                                                   : CISPREF_ENOMEM;
}

/* The walk state of one link while cycles are looked for. */
typedef struct walk_state {
	const char *id;
	size_t walk;  /* the walk that reached it first, from 1 */
	int on_cycle;
} walk_state;

static const char *walk_state_id(const void *value)
{
	return ((const walk_state *)value)->id;
}

/* The link that @link's replacement holds, or NULL (none, or an id that resolves to no
 * deprecated node: the chain ends there). */
static const edition_link *next_link(const cispref_referential *ref, const edition_link *link)
{
	return link->replaced_by ? cispref__edition_get(ref, link->replaced_by) : NULL;
}

/* Follow the chain from @start in walk @walk: each node has one replacement at most, so
 * a chain either ends, reaches a node an earlier walk settled, or comes back on itself,
 * a cycle. Each node is visited once over all walks: linear in the links. */
static int follow(const cispref_referential *ref, strmap *states, arena *a,
                  const edition_link *start, size_t walk)
{
	for (const edition_link *link = start; link; link = next_link(ref, link)) {
		walk_state *s = cispref__strmap_find(states, link->id);
		if (s) {
			if (s->walk != walk)
				return 0; /* settled by an earlier walk */
			/* back on this walk's path: mark the cycle, from here round to here */
			const edition_link *c = link;
			do {
				((walk_state *)cispref__strmap_find(states, c->id))->on_cycle = 1;
				c = next_link(ref, c);
			} while (c && c != link);
			return 0;
		}
		if (!(s = cispref__arena_alloc(a, sizeof *s)))
			return -1;
		*s = (walk_state){link->id, walk, 0};
		if (cispref__strmap_add(states, s) < 0)
			return -1;
	}
	return 0;
}

int cispref__edition_cycles(strmap *out, arena *a, const cispref_referential *ref)
{
	cispref__strmap_init(out, walk_state_id);
	size_t position = 0, walk = 0;
	for (const edition_link *link; (link = cispref__strmap_next(&ref->editions, &position));)
		if (cispref__edition_of(ref, link->n) == link &&
		    follow(ref, out, a, link, ++walk) != 0)
			return -1;
	return 0;
}

int cispref__edition_on_cycle(const strmap *cycles, const char *id)
{
	const walk_state *s = cispref__strmap_find(cycles, id);
	return s && s->on_cycle;
}
