/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Full-text search: an inverted index of folded words (built with the index), prefix
 * matching by binary search in the sorted vocabulary, AND across query words with
 * bitmaps of entries, then ranking. */
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "index.h"

#define MAX_QUERY_WORDS 32

struct cispref_hit {
	const search_entry *entry;
	const struct cispref_results *results;
	uint32_t order;
	uint32_t matched;
	const char *path; /* built by cispref_hit_path() on first use */
};

struct cispref_results {
	arena *arena;
	cispref_hit *hits;
	size_t count;
};

/* ---- building ------------------------------------------------------------------ */

typedef struct builder {
	cispref_index *index;
	strmap vocabulary; /* word -> word_postings * */
	uint32_t entry;    /* the entry being indexed */
} builder;

static const char *postings_word(const void *w)
{
	return ((const word_postings *)w)->word;
}

/* Each occurrence of a word is a posting, so a word twice in one text is two postings
 * in a row: the search counts matching words from them without folding texts again. */
static int add_word(const char *word, size_t length, void *payload)
{
	builder *b = payload;
	word_postings *w = cispref__strmap_find(&b->vocabulary, word);
	if (!w) {
		w = cispref__arena_alloc(b->index->arena, sizeof *w);
		if (!w || !(w->word = cispref__arena_strndup(b->index->arena, word, length)) ||
		    cispref__strmap_add(&b->vocabulary, w) < 0)
			return -2;
	}
	if (w->count == w->capacity) {
		uint32_t capacity = w->capacity ? w->capacity * 2 : 4;
		uint32_t *grown = realloc(w->entries, capacity * sizeof *grown);
		if (!grown)
			return -2;
		w->entries = grown;
		w->capacity = capacity;
	}
	w->entries[w->count++] = b->entry;
	return 0;
}

static int add_entry(builder *b, cispref_hit_field_t field, const void *node, const char *text)
{
	cispref_index *index = b->index;
	b->entry = (uint32_t)index->entry_count;
	index->entries[index->entry_count++] = (search_entry){field, node, text};
	/* Texts of a referential are valid UTF-8; a failure here is out of memory. */
	return cispref__fold_words(text, add_word, b) == -2 ? -1 : 0;
}

static int index_domain(builder *b, const cispref_domain *domain)
{
	for (size_t e = 0; e < domain->summary.count; e++) {
		const cispref_summary_entry *entry = domain->summary.items[e];
		if (add_entry(b, CISPREF_HIT_SUMMARY, entry, entry->text) != 0)
			return -1;
	}
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		for (size_t c = 0; c < plan->competences.count; c++) {
			const cispref_competence *comp = plan->competences.items[c];
			if (add_entry(b, CISPREF_HIT_TITLE, comp, comp->title) != 0)
				return -1;
			for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
				for (size_t i = 0; i < comp->items[k].count; i++) {
					const cispref_item *item = comp->items[k].items[i];
					if (add_entry(b, CISPREF_HIT_ITEM, item, item->text) != 0)
						return -1;
				}
		}
	}
	return 0;
}

static int compare_words(const void *a, const void *b)
{
	return strcmp((*(word_postings *const *)a)->word, (*(word_postings *const *)b)->word);
}

static size_t entry_total(const cispref_referential *ref)
{
	size_t n = cispref_referential_competence_total(ref) + cispref_referential_summary_total(ref);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		n += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	return n;
}

/* The vocabulary's words, sorted, into index->words (which then owns the postings). The
 * table's order depends on the hash's secret; the sorted one does not. */
static int sort_vocabulary(cispref_index *index, const strmap *vocabulary)
{
	index->words = malloc((vocabulary->count + 1) * sizeof *index->words);
	if (!index->words)
		return -1;
	size_t position = 0;
	for (void *w; (w = cispref__strmap_next(vocabulary, &position)) != NULL;)
		index->words[index->word_count++] = w;
	qsort(index->words, index->word_count, sizeof *index->words, compare_words);
	return 0;
}

int cispref__word_index_build(cispref_index *index)
{
	const cispref_referential *ref = index->ref;
	size_t total = entry_total(ref);
	if (total >= UINT32_MAX)
		return CISPREF_ELIMIT;
	builder b = {index, {0}, 0};
	cispref__strmap_init(&b.vocabulary, postings_word);
	int failed = !(index->entries = malloc((total + 1) * sizeof *index->entries));
	for (size_t d = 0; !failed && d < ref->domains.count; d++)
		failed = index_domain(&b, ref->domains.items[d]) != 0;
	if (!failed)
		failed = sort_vocabulary(index, &b.vocabulary) != 0;
	if (failed && !index->words) { /* the postings are only in the table: free them there */
		size_t position = 0;
		for (word_postings *w; (w = cispref__strmap_next(&b.vocabulary, &position)) != NULL;)
			free(w->entries);
	}
	cispref__strmap_free(&b.vocabulary);
	return failed ? CISPREF_ENOMEM : CISPREF_OK;
}

void cispref__word_index_free(cispref_index *index)
{
	for (size_t i = 0; index->words && i < index->word_count; i++)
		free(index->words[i]->entries);
	free(index->words);
	free(index->entries);
}

/* ---- the query ----------------------------------------------------------------- */

typedef struct query {
	char *words[MAX_QUERY_WORDS];
	size_t count;
	int overflow;
} query;

static int add_query_word(const char *word, size_t length, void *payload)
{
	query *q = payload;
	for (size_t i = 0; i < q->count; i++)
		if (strcmp(q->words[i], word) == 0)
			return 0;
	if (q->count == MAX_QUERY_WORDS) {
		q->overflow = 1;
		return 0;
	}
	char *copy = malloc(length + 1);
	if (!copy)
		return -2;
	memcpy(copy, word, length + 1);
	q->words[q->count++] = copy;
	return 0;
}

static int is_prefix(const char *prefix, const char *word)
{
	return strncmp(prefix, word, strlen(prefix)) == 0;
}

/* A word that begins another word of the query adds nothing to the AND (whatever holds
 * the longer word holds it) and would count the same text words twice: drop it. */
static void drop_prefix_words(query *q)
{
	for (size_t i = 0; i < q->count;) {
		int redundant = 0;
		for (size_t j = 0; j < q->count && !redundant; j++)
			redundant = j != i && is_prefix(q->words[i], q->words[j]);
		if (redundant) {
			free(q->words[i]);
			q->words[i] = q->words[--q->count];
		} else {
			i++;
		}
	}
}

static void query_free(query *q)
{
	for (size_t i = 0; i < q->count; i++)
		free(q->words[i]);
}

/* The range [*lo, *hi) of vocabulary words that begin with @prefix. */
static void prefix_range(const cispref_index *index, const char *prefix, size_t *lo, size_t *hi)
{
	size_t a = 0, b = index->word_count;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (strcmp(index->words[mid]->word, prefix) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	while (a < index->word_count && is_prefix(prefix, index->words[a]->word))
		a++;
	*hi = a;
}

/* Entries holding every query word (a bitmap), and how many of each entry's words match
 * (@matched, one byte per entry, saturating): each text word matches at most one query
 * word once prefix words are dropped. */
typedef struct matches {
	uint64_t *all;
	uint64_t *one;
	uint8_t *matched;
	size_t words; /* 64-bit words in each bitmap */
} matches;

static void matches_free(matches *m)
{
	free(m->all);
	free(m->one);
	free(m->matched);
}

static int find_matches(matches *m, const cispref_index *index, const query *q)
{
	m->words = index->entry_count / 64 + 1;
	m->all = calloc(m->words, sizeof *m->all);
	m->one = q->count > 1 ? malloc(m->words * sizeof *m->one) : NULL;
	m->matched = calloc(index->entry_count + 1, 1);
	if (!m->all || (q->count > 1 && !m->one) || !m->matched)
		return -1;
	for (size_t w = 0; w < q->count; w++) {
		size_t lo, hi;
		prefix_range(index, q->words[w], &lo, &hi);
		uint64_t *target = w == 0 ? m->all : m->one;
		if (w > 0)
			memset(m->one, 0, m->words * sizeof *m->one);
		for (size_t i = lo; i < hi; i++)
			for (uint32_t p = 0; p < index->words[i]->count; p++) {
				uint32_t e = index->words[i]->entries[p];
				target[e / 64] |= (uint64_t)1 << (e % 64);
				if (m->matched[e] < UINT8_MAX)
					m->matched[e]++;
			}
		if (w > 0)
			for (size_t i = 0; i < m->words; i++)
				m->all[i] &= m->one[i];
	}
	return 0;
}

/* ---- filters and ranking ------------------------------------------------------- */

static const cispref_domain *entry_domain(const search_entry *e)
{
	switch (e->field) {
	case CISPREF_HIT_TITLE: return ((const cispref_competence *)e->node)->plan->domain;
	case CISPREF_HIT_SUMMARY: return ((const cispref_summary_entry *)e->node)->domain;
	default: return ((const cispref_item *)e->node)->competence->plan->domain;
	}
}

static int filter_is_empty(const cispref_filter *filter)
{
	return !filter->domain_id && !filter->domain_kinds && !filter->plan_kinds &&
	       !filter->item_kinds;
}

static int entry_passes(const search_entry *e, const cispref_filter *filter)
{
	if (!cispref__filter_domain(filter, entry_domain(e)))
		return 0;
	if (e->field == CISPREF_HIT_SUMMARY)
		return filter->item_kinds == 0 &&
		       cispref__filter_plan_kind(filter, ((const cispref_summary_entry *)e->node)->plan_kind);
	if (e->field == CISPREF_HIT_TITLE)
		return filter->item_kinds == 0 &&
		       cispref__filter_plan_kind(filter, ((const cispref_competence *)e->node)->plan->kind);
	const cispref_item *item = e->node;
	return cispref__filter_plan_kind(filter, item->competence->plan->kind) &&
	       cispref__filter_item_kind(filter, item->kind);
}

static int compare_hits(const void *a, const void *b)
{
	const cispref_hit *x = a, *y = b;
	if (x->entry->field != y->entry->field)
		return x->entry->field < y->entry->field ? -1 : 1;
	if (x->matched != y->matched)
		return x->matched > y->matched ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* "domain › plan › competence › item" ("domain › entry" for a summary entry). */
static const char *hit_path(arena *a, const cispref_hit *hit)
{
	const char *parts[4];
	size_t n = 0;
	const search_entry *e = hit->entry;
	if (e->field == CISPREF_HIT_SUMMARY) {
		const cispref_summary_entry *s = e->node;
		parts[n++] = s->domain->title;
		parts[n++] = s->text;
	} else {
		const cispref_competence *c = e->field == CISPREF_HIT_TITLE
			? e->node : ((const cispref_item *)e->node)->competence;
		parts[n++] = c->plan->domain->title;
		parts[n++] = c->plan->title;
		parts[n++] = c->title;
		if (e->field == CISPREF_HIT_ITEM)
			parts[n++] = ((const cispref_item *)e->node)->text;
	}
	static const char separator[] = " \xe2\x80\xba "; /* " › " */
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(parts[i]) + (i ? sizeof separator - 1 : 0);
	char *path = cispref__arena_alloc(a, len);
	if (!path)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(path, separator);
		strcat(path, parts[i]);
	}
	return path;
}

static int invalid_query(cispref_error *error, const char *why)
{
	cispref__error_set(error, CISPREF_EARG, "query", 0, 0, "%s", why);
	return CISPREF_EARG;
}

static int push_hit(cispref_results *r, size_t *capacity, const search_entry *entry,
                    uint32_t order, uint32_t matched)
{
	if (r->count == *capacity) {
		*capacity = *capacity ? *capacity * 2 : 64;
		cispref_hit *grown = realloc(r->hits, *capacity * sizeof *grown);
		if (!grown)
			return -1;
		r->hits = grown;
	}
	r->hits[r->count++] = (cispref_hit){entry, r, order, matched, NULL};
	return 0;
}

/* Gather the entries of the bitmap that pass the filter, then rank them. */
static int collect_hits(cispref_results *r, const cispref_index *index, const matches *m,
                        const cispref_search_options *options)
{
	size_t capacity = 0;
	int any = filter_is_empty(&options->filter);
	for (size_t w = 0; w < m->words; w++)
		for (uint64_t bits = m->all[w]; bits; bits &= bits - 1) {
			size_t e = w * 64 + (size_t)__builtin_ctzll(bits);
			const search_entry *entry = &index->entries[e];
			if (!any && !entry_passes(entry, &options->filter))
				continue;
			if (push_hit(r, &capacity, entry, (uint32_t)e, m->matched[e]) != 0)
				return CISPREF_ENOMEM;
		}
	if (r->count)
		qsort(r->hits, r->count, sizeof *r->hits, compare_hits);
	if (options->limit && r->count > options->limit)
		r->count = options->limit;
	return CISPREF_OK;
}

int cispref_search(cispref_results **out, const cispref_index *index, const char *text,
                   const cispref_search_options *options, cispref_error *error)
{
	static const cispref_search_options defaults = CISPREF_SEARCH_OPTIONS_INIT;
	if (!options)
		options = &defaults;
	if (!out || !index || !text || options->version != CISPREF_SEARCH_OPTIONS_VERSION ||
	    options->filter.version != CISPREF_FILTER_VERSION)
		return invalid_query(error, "invalid argument");
	int rc = cispref__filter_check(index->ref, &options->filter, error);
	if (rc)
		return rc;
	query q = {0};
	rc = cispref__fold_words(text, add_query_word, &q);
	if (rc == -1 || (rc == 0 && q.count == 0)) {
		query_free(&q);
		return invalid_query(error, rc == -1 ? "the query is not valid UTF-8"
		                                     : "the query holds no word to search for");
	}
	if (rc == 0 && q.overflow) {
		/* dropping the extra words would return hits that lack them */
		query_free(&q);
		cispref__error_set(error, CISPREF_EARG, "query", 0, 0,
		                   "the query holds more than %d different words", MAX_QUERY_WORDS);
		return CISPREF_EARG;
	}
	drop_prefix_words(&q);
	matches m = {0};
	cispref_results *r = calloc(1, sizeof *r);
	if (rc == 0 && r && (r->arena = cispref__arena_new()) && find_matches(&m, index, &q) == 0)
		rc = collect_hits(r, index, &m, options);
	else
		rc = CISPREF_ENOMEM;
	matches_free(&m);
	query_free(&q);
	if (rc) {
		cispref_results_free(r);
		cispref__error_set(error, rc, "query", 0, 0, "out of memory");
		return rc;
	}
	*out = r;
	return CISPREF_OK;
}

/* ---- results ------------------------------------------------------------------- */

size_t cispref_results_count(const cispref_results *r)
{
	return r ? r->count : 0;
}

const cispref_hit *cispref_results_get(const cispref_results *r, size_t index)
{
	return r && index < r->count ? &r->hits[index] : NULL;
}

void cispref_results_free(cispref_results *r)
{
	if (!r)
		return;
	cispref__arena_free(r->arena);
	free(r->hits);
	free(r);
}

const char *cispref_hit_field_name(cispref_hit_field_t field)
{
	static const char *const names[] = {"title", "summary", "item"};
	return (unsigned)field < 3 ? names[field] : NULL;
}

cispref_hit_field_t cispref_hit_field(const cispref_hit *hit)
{
	return hit ? hit->entry->field : CISPREF_HIT_TITLE;
}

const char *cispref_hit_text(const cispref_hit *hit)
{
	return hit ? hit->entry->text : NULL;
}

const char *cispref_hit_id(const cispref_hit *hit)
{
	return hit ? ((const node *)hit->entry->node)->id : NULL;
}

size_t cispref_hit_matched_words(const cispref_hit *hit)
{
	return hit ? hit->matched : 0;
}

const char *cispref_hit_path(const cispref_hit *hit)
{
	if (!hit)
		return NULL;
	/* Built on first use: most callers read the paths of a few hits only. The results
	 * belong to one thread at a time, so writing the cache here needs no lock. */
	cispref_hit *h = (cispref_hit *)hit;
	if (!h->path)
		h->path = hit_path(h->results->arena, h);
	return h->path;
}

const cispref_domain *cispref_hit_domain(const cispref_hit *hit)
{
	return hit ? (cispref_domain *)entry_domain(hit->entry) : NULL;
}

const cispref_item *cispref_hit_item(const cispref_hit *hit)
{
	return hit && hit->entry->field == CISPREF_HIT_ITEM ? (cispref_item *)hit->entry->node : NULL;
}

const cispref_summary_entry *cispref_hit_summary_entry(const cispref_hit *hit)
{
	return hit && hit->entry->field == CISPREF_HIT_SUMMARY
		? (cispref_summary_entry *)hit->entry->node : NULL;
}

const cispref_competence *cispref_hit_competence(const cispref_hit *hit)
{
	if (!hit)
		return NULL;
	switch (hit->entry->field) {
	case CISPREF_HIT_TITLE: return (cispref_competence *)hit->entry->node;
	case CISPREF_HIT_SUMMARY: return cispref_summary_entry_competence(hit->entry->node);
	default: return ((const cispref_item *)hit->entry->node)->competence;
	}
}

const cispref_plan *cispref_hit_plan(const cispref_hit *hit)
{
	if (!hit || hit->entry->field == CISPREF_HIT_SUMMARY)
		return NULL;
	return cispref_hit_competence(hit)->plan;
}
