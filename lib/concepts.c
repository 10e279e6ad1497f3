/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The index: who uses which concept, the most shared concepts, related competences. */
#include <stdlib.h>
#include <string.h>

#include "index.h"

static concept_usage *usage_of(const cispref_index *index, const cispref_concept *concept)
{
	/* Usage is filed by id: a concept of another referential, or a leniently loaded one
	 * whose id another concept holds, must not borrow that usage. */
	if (!index || !concept || concept->ref != index->ref)
		return NULL;
	concept_usage *usage = cispref__strmap_find(&index->usage_by_concept, concept->node.id);
	return usage && usage->concept == concept ? usage : NULL;
}

/* Record that @item (of @comp) uses its concept. */
static int add_usage(cispref_index *index, const cispref_item *item)
{
	const cispref_concept *concept = cispref_item_concept(item);
	concept_usage *usage = usage_of(index, concept);
	if (!concept)
		return 0;
	if (!usage) {
		usage = cispref__arena_alloc(index->arena, sizeof *usage);
		if (!usage)
			return -1;
		usage->concept = concept; /* the key: set before adding */
		if (cispref__strmap_add(&index->usage_by_concept, usage) != 0)
			return -1;
	}
	const cispref_competence *comp = item->competence;
	if (cispref__vec_push(index->arena, &usage->items, (void *)item) != 0)
		return -1;
	if (usage->competences.count == 0 ||
	    usage->competences.items[usage->competences.count - 1] != comp)
		return cispref__vec_push(index->arena, &usage->competences, (void *)comp);
	return 0;
}

static const char *usage_id(const void *usage)
{
	return ((const concept_usage *)usage)->concept->node.id;
}

static int build_usage(const cispref_item *item, void *payload)
{
	return add_usage(payload, item) == 0 ? 0 : 1;
}

static int compare_usage(const void *a, const void *b)
{
	const concept_usage *x = *(concept_usage *const *)a, *y = *(concept_usage *const *)b;
	if (x->competences.count != y->competences.count)
		return x->competences.count > y->competences.count ? -1 : 1;
	if (x->items.count != y->items.count)
		return x->items.count > y->items.count ? -1 : 1;
	return 0;
}

/* Concepts in use, ordered by how widely they are shared; qsort is not stable, so the
 * list starts in document order and ties are broken by that position. */
static int build_top(cispref_index *index)
{
	const cispref_referential *ref = index->ref;
	concept_usage **used = malloc((ref->concepts.count + 1) * sizeof *used);
	if (!used)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < ref->concepts.count; i++) {
		concept_usage *usage = usage_of(index, ref->concepts.items[i]);
		if (usage && usage->concept == ref->concepts.items[i])
			used[n++] = usage;
	}
	/* a stable sort: insertion into place by rank, fine for the few hundred concepts a
	 * referential holds, and thousands in the synthetic benchmark */
	for (size_t i = 1; i < n; i++) {
		concept_usage *u = used[i];
		size_t j = i;
		while (j > 0 && compare_usage(&used[j - 1], &u) > 0) {
			used[j] = used[j - 1];
			j--;
		}
		used[j] = u;
	}
	index->top = cispref__arena_alloc(index->arena, (n + 1) * sizeof *index->top);
	if (!index->top) {
		free(used);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		index->top[i] = used[i]->concept;
	index->top_count = n;
	free(used);
	return 0;
}

int cispref_index_new(cispref_index **out, const cispref_referential *ref)
{
	if (!out || !ref)
		return CISPREF_EARG;
	cispref_index *index = calloc(1, sizeof *index);
	if (!index)
		return CISPREF_ENOMEM;
	index->ref = ref;
	index->arena = cispref__arena_new();
	/* A large referential's index takes some 2 MiB of arena: mapped blocks from the
	 * start (unmapped on free), rather than malloc'ed blocks of 64 KiB to 1 MiB that
	 * malloc's heap would keep after the index is freed. */
	size_t items = 0;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		items += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	if (index->arena && items >= 100000)
		cispref__arena_reserve(index->arena, (size_t)2 << 20);
	cispref__strmap_init(&index->usage_by_concept, usage_id);
	int rc = index->arena ? CISPREF_OK : CISPREF_ENOMEM;
	/* build_usage stops the walk only when memory runs out. */
	if (!rc && cispref_referential_foreach_item(ref, NULL, build_usage, index) != CISPREF_OK)
		rc = CISPREF_ENOMEM;
	if (!rc && build_top(index) != 0)
		rc = CISPREF_ENOMEM;
	if (!rc)
		rc = cispref__word_index_build(index);
	if (rc) {
		cispref_index_free(index);
		return rc;
	}
	*out = index;
	return CISPREF_OK;
}

void cispref_index_free(cispref_index *index)
{
	if (!index)
		return;
	cispref__word_index_free(index);
	cispref__strmap_free(&index->usage_by_concept);
	cispref__arena_free(index->arena);
	free(index);
}

const cispref_referential *cispref_index_referential(const cispref_index *index)
{
	return index ? index->ref : NULL;
}

size_t cispref_index_concept_item_count(const cispref_index *index,
                                        const cispref_concept *concept)
{
	concept_usage *usage = usage_of(index, concept);
	return usage ? usage->items.count : 0;
}

const cispref_item *cispref_index_concept_item(const cispref_index *index,
                                               const cispref_concept *concept, size_t i)
{
	concept_usage *usage = usage_of(index, concept);
	return usage ? cispref__vec_get(&usage->items, i) : NULL;
}

size_t cispref_index_concept_competence_count(const cispref_index *index,
                                              const cispref_concept *concept)
{
	concept_usage *usage = usage_of(index, concept);
	return usage ? usage->competences.count : 0;
}

const cispref_competence *cispref_index_concept_competence(const cispref_index *index,
                                                           const cispref_concept *concept, size_t i)
{
	concept_usage *usage = usage_of(index, concept);
	return usage ? cispref__vec_get(&usage->competences, i) : NULL;
}

size_t cispref_index_top_concepts(const cispref_index *index, const cispref_concept **out,
                                  size_t max)
{
	if (!index)
		return 0;
	for (size_t i = 0; out && i < max && i < index->top_count; i++)
		out[i] = index->top[i];
	return index->top_count;
}

/* ---- related competences ------------------------------------------------------- */

typedef struct tally {
	const cispref_competence *competence;
	size_t shared;
	size_t order; /* place in the document, for ties */
} tally;

static int compare_tally(const void *a, const void *b)
{
	const tally *x = a, *y = b;
	if (x->shared != y->shared)
		return x->shared > y->shared ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Distinct concepts of @comp's items, in document order. */
static size_t distinct_concepts(const cispref_competence *comp, const cispref_concept **out)
{
	size_t n = 0;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++) {
			const cispref_concept *c = cispref_item_concept(comp->items[k].items[i]);
			int seen = !c;
			for (size_t j = 0; !seen && j < n; j++)
				seen = out[j] == c;
			if (!seen)
				out[n++] = c;
		}
	return n;
}

static const char *tally_id(const void *t)
{
	return ((const tally *)t)->competence->node.id;
}

/* Set each tally's order to its competence's place in the document: the tallies are
 * made in the order the concepts meet the competences, which is not that. @seen maps a
 * competence id to its tally. */
static void document_order(const cispref_referential *ref, const strmap *seen)
{
	size_t position = 0;
	for (size_t d = 0; d < ref->domains.count; d++) {
		const cispref_domain *domain = ref->domains.items[d];
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			for (size_t c = 0; c < plan->competences.count; c++, position++) {
				const cispref_competence *comp = plan->competences.items[c];
				tally *t = cispref__strmap_find(seen, comp->node.id);
				if (t && t->competence == comp)
					t->order = position;
			}
		}
	}
}

static size_t item_total(const cispref_competence *comp)
{
	size_t n = 0;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		n += comp->items[k].count;
	return n;
}

/* How many tallies @concepts can make at most: one per competence using each. The
 * tallies are allocated once at that size, so that @seen may point into them. */
static size_t tally_bound(const cispref_index *index, const cispref_concept **concepts, size_t n)
{
	size_t bound = 0;
	for (size_t c = 0; c < n; c++) {
		concept_usage *usage = usage_of(index, concepts[c]);
		bound += usage ? usage->competences.count : 0;
	}
	return bound;
}

/* Count, for each competence sharing a concept with @competence, how many it shares. */
static size_t tally_shared(const cispref_index *index, const cispref_competence *competence,
                           const cispref_concept **concepts, size_t n, strmap *seen,
                           tally *tallies)
{
	size_t count = 0;
	for (size_t c = 0; c < n; c++) {
		concept_usage *usage = usage_of(index, concepts[c]);
		for (size_t i = 0; usage && i < usage->competences.count; i++) {
			const cispref_competence *other = usage->competences.items[i];
			if (other == competence)
				continue;
			tally *t = cispref__strmap_find(seen, other->node.id);
			if (t) {
				t->shared++;
				continue;
			}
			tallies[count] = (tally){other, 1, count};
			if (cispref__strmap_add(seen, &tallies[count]) < 0)
				return 0;
			count++;
		}
	}
	return count;
}

size_t cispref_index_related_competences(const cispref_index *index,
                                         const cispref_competence *competence,
                                         cispref_related *out, size_t max)
{
	if (!index || !competence)
		return 0;
	const cispref_concept **concepts = malloc((item_total(competence) + 1) * sizeof *concepts);
	tally *tallies = NULL;
	strmap seen;
	cispref__strmap_init(&seen, tally_id);
	size_t count = 0;
	if (!concepts)
		goto done;
	size_t n = distinct_concepts(competence, concepts);
	if (!(tallies = malloc((tally_bound(index, concepts, n) + 1) * sizeof *tallies)))
		goto done;
	count = tally_shared(index, competence, concepts, n, &seen, tallies);
	if (count) {
		document_order(index->ref, &seen);
		qsort(tallies, count, sizeof *tallies, compare_tally);
	}
	for (size_t i = 0; out && i < max && i < count; i++)
		out[i] = (cispref_related){tallies[i].competence, tallies[i].shared};
done:
	free(concepts);
	free(tallies);
	cispref__strmap_free(&seen);
	return count;
}
