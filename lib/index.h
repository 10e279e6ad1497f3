/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The body of cispref_index: the concept usage tables and the word index for search. */
#ifndef CISPREF_INDEX_H
#define CISPREF_INDEX_H

#include <stdatomic.h>
#include <stdint.h>

#include "private.h"

/* Which items and competences use a concept. */
typedef struct concept_usage {
	const cispref_concept *concept;
	vec items;
	vec competences;
} concept_usage;

/* A searchable text: a competence title, a summary entry, an item or a concept's label. */
typedef struct search_entry {
	cispref_hit_field_t field;
	const void *node; /* cispref_competence, _summary_entry, _item or _concept */
	const char *text;
} search_entry;

/* An analysed word (lib/analyze.h), its stem, and the entries that hold it, in
 * ascending order (a slice of cispref_index.postings). */
typedef struct word_postings {
	const char *word;
	const char *stem;
	uint32_t *entries;
	uint32_t count;
	uint32_t length;   /* of the word */
	uint32_t position; /* in cispref_index.words */
} word_postings;

/* The memory a search works in (search.c). Searches reuse it instead of allocating, per
 * query, memory in proportion to the referential; one search uses one at a time. */
typedef struct search_scratch search_scratch;

/* Searches that can run at once without allocating a scratch area of their own. */
#define CISPREF_SCRATCH_SLOTS 8

/* A scratch area of the index, made on first use; @busy is taken with an atomic
 * exchange by the search that uses it (the index is otherwise read-only and shared by
 * threads), which also orders the accesses to @scratch between threads. */
typedef struct scratch_slot {
	atomic_int busy;
	search_scratch *scratch;
} scratch_slot;

struct cispref_index {
	const cispref_referential *ref;
	arena *arena;
	strmap usage_by_concept;          /* concept id -> concept_usage * */
	const cispref_concept **top;      /* concepts in use, most shared first */
	size_t top_count;
	search_entry *entries;            /* by field (titles, summary entries, items, concepts),
	                                   * each in document order */
	size_t entry_count;
	size_t entry_room;                /* of @entries */
	size_t text_entry_count;          /* the entries before the concepts */
	size_t field_start[5];            /* the first entry of each field, then the end */
	word_postings **words;            /* sorted by word */
	size_t word_count;
	word_postings **by_stem;          /* the same, sorted by stem, then word */
	uint32_t *postings;               /* every word's entries, word after word */
	size_t posting_count;
	scratch_slot scratch[CISPREF_SCRATCH_SLOTS];
};

/* search.c */
int cispref__word_index_build(cispref_index *index);
void cispref__word_index_free(cispref_index *index);
void cispref__search_scratch_free(search_scratch *scratch);

/* navigate.c */
/* Whether @filter (NULL: none) can be applied to @ref: #CISPREF_OK, #CISPREF_EARG for a
 * filter of another version, #CISPREF_ENOTFOUND (with @error filled) for a domain id
 * that names no domain of @ref. The walks and search share it, as render does the same
 * check, so every query refuses an unknown domain the same way. */
int cispref__filter_check(const cispref_referential *ref, const cispref_filter *filter,
                          cispref_error *error);
int cispref__filter_domain(const cispref_filter *filter, const cispref_domain *domain);
int cispref__filter_plan_kind(const cispref_filter *filter, cispref_plan_kind_t kind);
int cispref__filter_item_kind(const cispref_filter *filter, cispref_item_kind_t kind);

#endif
