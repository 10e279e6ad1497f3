/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* "Probably renamed": a removed and an added node of the same type, under parents of the
 * same id, whose texts are nearly the same (diff.h gives the rule). Words are folded as
 * search folds them (fold.c owns what a word is), so that a changed accent, case or
 * inclusive-writing point does not make two texts look different. */
#include <stdlib.h>
#include <string.h>

#include "diff_private.h"
#include "fold.h"

/* The threshold of the rule, in diff.h. */
#define RENAME_DICE_MIN 0.8

/* Total words (of both texts) that one diff may compare while looking for renamings:
 * the cost of a pair is the number of words of its two texts. */
#define RENAME_WORDS_BUDGET ((size_t)CISPREF_DIFF_RENAME_PAIRS_MAX * 16)

typedef struct words {
	char **items;
	size_t count, capacity;
} words;

static void words_free(words *w)
{
	for (size_t i = 0; i < w->count; i++)
		free(w->items[i]);
	free(w->items);
	*w = (words){0};
}

static int collect(const char *word, size_t length, void *payload)
{
	words *w = payload;
	if (w->count == w->capacity) {
		size_t capacity = w->capacity ? w->capacity * 2 : 16;
		char **grown = realloc(w->items, capacity * sizeof *grown);
		if (!grown)
			return -2;
		w->items = grown;
		w->capacity = capacity;
	}
	char *copy = malloc(length + 1);
	if (!copy)
		return -2;
	memcpy(copy, word, length + 1);
	w->items[w->count++] = copy;
	return 0;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folded words of @text, sorted; text that is not UTF-8 has none. 0 or -2. */
static int folded_words(words *out, const char *text)
{
	*out = (words){0};
	int rc = text ? cispref__fold_words(text, collect, out) : 0;
	if (rc == -2) {
		words_free(out);
		return -2;
	}
	if (rc != 0)
		words_free(out); /* not UTF-8: no words */
	if (out->count)
		qsort(out->items, out->count, sizeof *out->items, by_string);
	return 0;
}

/* 2 × common / (|a| + |b|) over the two sorted multisets. */
static double dice(const words *a, const words *b)
{
	if (a->count + b->count == 0)
		return 0;
	size_t i = 0, j = 0, common = 0;
	while (i < a->count && j < b->count) {
		int c = strcmp(a->items[i], b->items[j]);
		common += c == 0;
		i += c <= 0;
		j += c >= 0;
	}
	return 2.0 * (double)common / (double)(a->count + b->count);
}

double cispref__diff_dice(const char *a, const char *b)
{
	words wa, wb;
	if (folded_words(&wa, a) != 0)
		return -1;
	if (folded_words(&wb, b) != 0) {
		words_free(&wa);
		return -1;
	}
	double d = dice(&wa, &wb);
	words_free(&wa);
	words_free(&wb);
	return d;
}

/* An unmatched node of one side, with its words. Both sides are sorted by type, parent
 * id and document order, so that the nodes one group may pair follow one another. */
typedef struct candidate {
	const dnode *node;
	size_t index;
	words words;
	int taken;
} candidate;

static int by_group(const void *va, const void *vb)
{
	const candidate *a = va, *b = vb;
	if (a->node->type != b->node->type)
		return a->node->type < b->node->type ? -1 : 1;
	const char *pa = a->node->parent_id, *pb = b->node->parent_id;
	int c = pa && pb ? strcmp(pa, pb) : (pa != NULL) - (pb != NULL);
	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

static void candidates_free(candidate *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		words_free(&list[i].words);
	free(list);
}

/* The unmatched nodes of @nodes, sorted into groups; their words are read later, for
 * the groups that are compared. */
static int unmatched(candidate **out, size_t *count, const dnodes *nodes)
{
	size_t n = 0;
	for (size_t i = 0; i < nodes->count; i++)
		n += nodes->items[i].match == DIFF_NONE;
	candidate *list = calloc(n ? n : 1, sizeof *list);
	if (!list)
		return CISPREF_ENOMEM;
	n = 0;
	for (size_t i = 0; i < nodes->count; i++)
		if (nodes->items[i].match == DIFF_NONE)
			list[n++] = (candidate){.node = &nodes->items[i], .index = i};
	qsort(list, n, sizeof *list, by_group);
	*out = list;
	*count = n;
	return CISPREF_OK;
}

/* The end of the group that starts at @start. */
static size_t group_end(const candidate *list, size_t count, size_t start)
{
	size_t end = start + 1;
	while (end < count && by_group(&(candidate){.node = list[start].node},
	                               &(candidate){.node = list[end].node}) == 0)
		end++;
	return end;
}

static int read_words(candidate *list, size_t from, size_t to, size_t *total)
{
	*total = 0;
	for (size_t i = from; i < to; i++) {
		if (folded_words(&list[i].words, list[i].node->text) != 0)
			return CISPREF_ENOMEM;
		*total += list[i].words.count;
	}
	return CISPREF_OK;
}

typedef struct renames {
	diff_rename *items;
	size_t count, capacity;
} renames;

static int add_rename(renames *r, size_t old_index, size_t new_index, double similarity)
{
	if (r->count == r->capacity) {
		size_t capacity = r->capacity ? r->capacity * 2 : 8;
		diff_rename *grown = realloc(r->items, capacity * sizeof *grown);
		if (!grown)
			return CISPREF_ENOMEM;
		r->items = grown;
		r->capacity = capacity;
	}
	r->items[r->count++] = (diff_rename){old_index, new_index, similarity};
	return CISPREF_OK;
}

/* Greedy pairing in one group: each added node, in NEW order, takes the most similar
 * removed node still free, the first in OLD order on a tie. */
static int pair_group(renames *r, candidate *old, size_t old_count, candidate *new,
                      size_t new_count)
{
	for (size_t a = 0; a < new_count; a++) {
		double best = RENAME_DICE_MIN;
		size_t chosen = DIFF_NONE;
		for (size_t o = 0; o < old_count; o++) {
			if (old[o].taken)
				continue;
			double d = dice(&old[o].words, &new[a].words);
			if (d >= best && (chosen == DIFF_NONE || d > best)) {
				best = d;
				chosen = o;
			}
		}
		if (chosen == DIFF_NONE)
			continue;
		old[chosen].taken = 1;
		if (add_rename(r, old[chosen].index, new[a].index, best) != 0)
			return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}

/* Compare one group of each side, when the budget allows it. */
static int compare_group(renames *r, size_t *budget, candidate *old, size_t old_count,
                         candidate *new, size_t new_count)
{
	size_t old_words, new_words;
	if (read_words(old, 0, old_count, &old_words) != 0 ||
	    read_words(new, 0, new_count, &new_words) != 0)
		return CISPREF_ENOMEM;
	/* Every pair is compared once: the words read are those of each side times the
	 * number of nodes of the other. */
	size_t cost = DIFF_NONE;
	if ((double)old_count * (double)new_count <= CISPREF_DIFF_RENAME_PAIRS_MAX &&
	    (double)old_words * (double)new_count + (double)new_words * (double)old_count <=
	            (double)*budget)
		cost = old_words * new_count + new_words * old_count;
	if (cost == DIFF_NONE)
		return CISPREF_OK; /* too large: no pair looked for under this parent */
	*budget -= cost;
	return pair_group(r, old, old_count, new, new_count);
}

static int by_new_index(const void *va, const void *vb)
{
	const diff_rename *a = va, *b = vb;
	return a->new_index < b->new_index ? -1 : a->new_index > b->new_index;
}

/* Walk the groups of both sides together, as a merge of two sorted lists. */
static int pair_all(renames *r, candidate *old, size_t old_count, candidate *new,
                    size_t new_count)
{
	size_t budget = RENAME_WORDS_BUDGET;
	size_t o = 0, a = 0;
	while (o < old_count && a < new_count) {
		size_t o_end = group_end(old, old_count, o), a_end = group_end(new, new_count, a);
		int c = by_group(&(candidate){.node = old[o].node}, &(candidate){.node = new[a].node});
		if (c == 0 && compare_group(r, &budget, old + o, o_end - o, new + a, a_end - a) != 0)
			return CISPREF_ENOMEM;
		if (c <= 0)
			o = o_end;
		if (c >= 0)
			a = a_end;
	}
	return CISPREF_OK;
}

int cispref__diff_renames(diff_rename **out, size_t *count, const dnodes *old_nodes,
                          const dnodes *new_nodes)
{
	candidate *old = NULL, *new = NULL;
	size_t old_count = 0, new_count = 0;
	renames r = {0};
	int rc = unmatched(&old, &old_count, old_nodes);
	if (rc == CISPREF_OK)
		rc = unmatched(&new, &new_count, new_nodes);
	if (rc == CISPREF_OK)
		rc = pair_all(&r, old, old_count, new, new_count);
	if (old)
		candidates_free(old, old_count);
	if (new)
		candidates_free(new, new_count);
	if (rc != CISPREF_OK) {
		free(r.items);
		return rc;
	}
	if (r.count)
		qsort(r.items, r.count, sizeof *r.items, by_new_index);
	*out = r.items;
	*count = r.count;
	return CISPREF_OK;
}
