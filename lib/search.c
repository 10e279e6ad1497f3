/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Full-text search: an inverted index of analysed words (lib/analyze.h, built with the
 * index), each with its stem; a query word matches a text word that is the same word, has
 * the same stem, or begins with it (binary searches in the sorted vocabulary and in the
 * vocabulary sorted by stem); AND across query words with bitmaps of entries, stop words
 * optional; then ranking. doc/search.md is the reference. */
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "index.h"

#define MAX_QUERY_WORDS 32
/* A posting of a joined compound ("psychosocial" from "psycho-social") has this bit: it
 * matches, but is not counted as one more word of the text. */
#define JOINED_POSTING 0x80000000u
#define MAX_JOINED 32

/* How well a query word matches a text: the score of doc/search.md. */
enum { LEVEL_PREFIX = 1, LEVEL_STEM = 2, LEVEL_EXACT = 3 };

struct cispref_hit {
	const search_entry *entry;
	const struct cispref_results *results;
	uint32_t order;
	uint32_t matched;
	uint32_t score;
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
 * in a row: the search counts matching words from them without analysing texts again. */
static int add_word(const char *word, size_t length, unsigned flags, void *payload)
{
	builder *b = payload;
	word_postings *w = cispref__strmap_find(&b->vocabulary, word);
	if (!w) {
		w = cispref__arena_alloc(b->index->arena, sizeof *w);
		if (!w || !(w->word = cispref__arena_strndup(b->index->arena, word, length)) ||
		    cispref__strmap_add(&b->vocabulary, w) < 0)
			return -2;
		w->stem = NULL;
		w->entries = NULL;
		w->count = w->capacity = w->position = 0;
	}
	if (w->count == w->capacity) {
		uint32_t capacity = w->capacity ? w->capacity * 2 : 4;
		uint32_t *grown = realloc(w->entries, capacity * sizeof *grown);
		if (!grown)
			return -2;
		w->entries = grown;
		w->capacity = capacity;
	}
	w->entries[w->count++] = b->entry | (flags & ANALYZE_JOINED ? JOINED_POSTING : 0);
	return 0;
}

static int add_entry(builder *b, cispref_hit_field_t field, const void *node, const char *text)
{
	cispref_index *index = b->index;
	b->entry = (uint32_t)index->entry_count;
	index->entries[index->entry_count++] = (search_entry){field, node, text};
	/* Texts of a referential are valid UTF-8; a failure here is out of memory. */
	return cispref__analyze(text, add_word, b) == -2 ? -1 : 0;
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

static int index_concepts(builder *b, const cispref_referential *ref)
{
	for (size_t c = 0; c < ref->concepts.count; c++) {
		const cispref_concept *concept = ref->concepts.items[c];
		if (add_entry(b, CISPREF_HIT_CONCEPT, concept, concept->label) != 0)
			return -1;
	}
	return 0;
}

static int compare_words(const void *a, const void *b)
{
	return strcmp((*(word_postings *const *)a)->word, (*(word_postings *const *)b)->word);
}

static size_t entry_total(const cispref_referential *ref)
{
	size_t n = cispref_referential_competence_total(ref) + cispref_referential_summary_total(ref) +
	           ref->concepts.count;
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

static int compare_stems(const void *a, const void *b)
{
	const word_postings *x = *(word_postings *const *)a, *y = *(word_postings *const *)b;
	int c = strcmp(x->stem, y->stem);
	return c ? c : strcmp(x->word, y->word);
}

/* Each word's stem (once per distinct word, not per occurrence), and the words sorted by
 * stem. A stem equal to its word shares the word's string. */
static int stem_vocabulary(cispref_index *index)
{
	analyze_stemmer *stemmer = cispref__stemmer_new();
	index->by_stem = malloc((index->word_count + 1) * sizeof *index->by_stem);
	if (!stemmer || !index->by_stem) {
		cispref__stemmer_free(stemmer);
		return -1;
	}
	for (size_t i = 0; i < index->word_count; i++) {
		word_postings *w = index->words[i];
		size_t length, word_length = strlen(w->word);
		const char *stem = cispref__stem(stemmer, w->word, word_length, &length);
		if (stem && length == word_length && memcmp(stem, w->word, length) == 0)
			w->stem = w->word;
		else if (!stem || !(w->stem = cispref__arena_strndup(index->arena, stem, length))) {
			cispref__stemmer_free(stemmer);
			return -1;
		}
		w->position = (uint32_t)i;
		index->by_stem[i] = w;
	}
	cispref__stemmer_free(stemmer);
	qsort(index->by_stem, index->word_count, sizeof *index->by_stem, compare_stems);
	return 0;
}

int cispref__word_index_build(cispref_index *index)
{
	const cispref_referential *ref = index->ref;
	size_t total = entry_total(ref);
	if (total >= JOINED_POSTING)
		return CISPREF_ELIMIT;
	builder b = {index, {0}, 0};
	cispref__strmap_init(&b.vocabulary, postings_word);
	int failed = !(index->entries = malloc((total + 1) * sizeof *index->entries));
	for (size_t d = 0; !failed && d < ref->domains.count; d++)
		failed = index_domain(&b, ref->domains.items[d]) != 0;
	index->text_entry_count = index->entry_count;
	if (!failed)
		failed = index_concepts(&b, ref) != 0;
	if (!failed)
		failed = sort_vocabulary(index, &b.vocabulary) != 0;
	if (failed && !index->words) { /* the postings are only in the table: free them there */
		size_t position = 0;
		for (word_postings *w; (w = cispref__strmap_next(&b.vocabulary, &position)) != NULL;)
			free(w->entries);
	}
	cispref__strmap_free(&b.vocabulary);
	if (!failed)
		failed = stem_vocabulary(index) != 0;
	return failed ? CISPREF_ENOMEM : CISPREF_OK;
}

void cispref__word_index_free(cispref_index *index)
{
	for (size_t i = 0; index->words && i < index->word_count; i++)
		free(index->words[i]->entries);
	free(index->words);
	free(index->by_stem);
	free(index->entries);
}

/* ---- the query ----------------------------------------------------------------- */

/* A query word. A stop word is optional when the query has other words. */
typedef struct clause {
	char *word;
	size_t length;
	int stop;
	int dropped; /* begins another query word: that one covers it */
} clause;

/* Two query words that follow each other, joined: "psycho social" also looks for
 * "psychosocial", which then counts for both words. */
typedef struct joined {
	char *word;
	size_t first, second; /* their clauses */
} joined;

typedef struct query {
	clause clauses[MAX_QUERY_WORDS];
	size_t count;
	int overflow;
	joined joins[MAX_JOINED];
	size_t join_count;
	size_t last; /* the clause of the previous word, or SIZE_MAX */
} query;

static size_t find_clause(const query *q, const char *word)
{
	for (size_t i = 0; i < q->count; i++)
		if (strcmp(q->clauses[i].word, word) == 0)
			return i;
	return SIZE_MAX;
}

static char *copy_word(const char *word, size_t length)
{
	char *copy = malloc(length + 1);
	if (copy)
		memcpy(copy, word, length + 1);
	return copy;
}

/* The word after the clause @last: their joined form, unless either is a stop word. */
static int add_join(query *q, size_t c)
{
	const clause *a = &q->clauses[q->last], *b = &q->clauses[c];
	if (q->last == SIZE_MAX || a->stop || b->stop || q->join_count == MAX_JOINED)
		return 0;
	char *word = malloc(a->length + b->length + 1);
	if (!word)
		return -2;
	memcpy(word, a->word, a->length);
	memcpy(word + a->length, b->word, b->length + 1);
	for (size_t j = 0; j < q->join_count; j++)
		if (strcmp(q->joins[j].word, word) == 0) {
			free(word);
			return 0;
		}
	q->joins[q->join_count++] = (joined){word, q->last, c};
	return 0;
}

static int add_query_word(const char *word, size_t length, unsigned flags, void *payload)
{
	query *q = payload;
	if (flags & ANALYZE_JOINED) /* joined again from the query's own adjacent words */
		return 0;
	size_t c = find_clause(q, word);
	if (c == SIZE_MAX) {
		if (q->count == MAX_QUERY_WORDS) {
			q->overflow = 1;
			return 0;
		}
		char *copy = copy_word(word, length);
		if (!copy)
			return -2;
		c = q->count++;
		q->clauses[c] = (clause){copy, length, (flags & ANALYZE_STOP) != 0, 0};
	}
	int rc = q->last == SIZE_MAX ? 0 : add_join(q, c);
	q->last = c;
	return rc;
}

static int is_prefix(const char *prefix, const char *word)
{
	return strncmp(prefix, word, strlen(prefix)) == 0;
}

/* A word that begins another word of the query adds nothing to the AND (whatever holds
 * the longer word holds it) and would count the same text words twice: drop it. */
static void drop_prefix_words(query *q)
{
	for (size_t i = 0; i < q->count; i++)
		for (size_t j = 0; j < q->count && !q->clauses[i].dropped; j++)
			q->clauses[i].dropped = j != i && !q->clauses[j].dropped &&
			                        is_prefix(q->clauses[i].word, q->clauses[j].word);
}

static void query_free(query *q)
{
	for (size_t i = 0; i < q->count; i++)
		free(q->clauses[i].word);
	for (size_t j = 0; j < q->join_count; j++)
		free(q->joins[j].word);
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

/* The range [*lo, *hi) of index->by_stem whose words have the stem @stem. */
static void stem_range(const cispref_index *index, const char *stem, size_t *lo, size_t *hi)
{
	size_t a = 0, b = index->word_count;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (strcmp(index->by_stem[mid]->stem, stem) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	while (a < index->word_count && strcmp(index->by_stem[a]->stem, stem) == 0)
		a++;
	*hi = a;
}

/* Entries holding every required query word (a bitmap); for each entry, its score (the
 * sum over query words of how well each matches, one byte, saturating) and how many of
 * its words match (@matched, one byte, saturating; joined compounds are not counted, and
 * each vocabulary word counts once, @counted, even when it matches several query words). */
typedef struct matches {
	uint64_t *all;
	uint64_t *one;     /* the entries of the query word being matched */
	uint64_t *counted; /* vocabulary words already counted in @matched */
	uint8_t *matched;
	uint8_t *score;
	size_t words; /* 64-bit words in each entry bitmap */
} matches;

static void matches_free(matches *m)
{
	free(m->all);
	free(m->one);
	free(m->counted);
	free(m->matched);
	free(m->score);
}

static uint8_t saturating_add(uint8_t a, unsigned b)
{
	return a + b > UINT8_MAX ? UINT8_MAX : (uint8_t)(a + b);
}

/* The vocabulary word @w matches the query word being matched at @level: the entries
 * that hold it and are not yet in m->one get the level. Levels come best first, so
 * the first one an entry gets is its best. */
static void mark_word(matches *m, const cispref_index *index, size_t w, unsigned level)
{
	const word_postings *p = index->words[w];
	int count = !(m->counted[w / 64] >> (w % 64) & 1);
	m->counted[w / 64] |= (uint64_t)1 << (w % 64);
	for (uint32_t i = 0; i < p->count; i++) {
		uint32_t e = p->entries[i] & ~JOINED_POSTING;
		uint64_t bit = (uint64_t)1 << (e % 64);
		if (!(m->one[e / 64] & bit)) {
			m->one[e / 64] |= bit;
			m->score[e] = saturating_add(m->score[e], level);
		}
		if (count && !(p->entries[i] & JOINED_POSTING))
			m->matched[e] = saturating_add(m->matched[e], 1);
	}
}

static size_t exact_word(const cispref_index *index, const char *word)
{
	size_t lo, hi;
	prefix_range(index, word, &lo, &hi);
	return lo < hi && strcmp(index->words[lo]->word, word) == 0 ? lo : SIZE_MAX;
}

/* The inflection key of @word (analyze.h), in @buffer when it is large enough. */
static char *inflection_key(const char *word, char *buffer, size_t size)
{
	size_t length = strlen(word);
	char *out = length < size ? buffer : malloc(length + 1);
	if (out)
		cispref__inflection_key(word, length, out);
	return out;
}

/* Whether @a and @b differ only by their endings of number and gender; -1 when out of
 * memory. */
static int same_inflection(const char *a, const char *b)
{
	char buffer_a[64], buffer_b[64];
	char *x = inflection_key(a, buffer_a, sizeof buffer_a);
	char *y = inflection_key(b, buffer_b, sizeof buffer_b);
	int same = x && y ? strcmp(x, y) == 0 : -1;
	if (x != buffer_a)
		free(x);
	if (y != buffer_b)
		free(y);
	return same;
}

/* The same word, then a word of the same stem and inflection key (@stemmer NULL: not
 * at all). */
static int mark_exact_and_stem(matches *m, const cispref_index *index, const char *word,
                               analyze_stemmer *stemmer, unsigned pass)
{
	if (pass == LEVEL_EXACT) {
		size_t w = exact_word(index, word);
		if (w != SIZE_MAX)
			mark_word(m, index, w, LEVEL_EXACT);
		return 0;
	}
	if (!stemmer)
		return 0;
	size_t length, lo, hi;
	const char *stem = cispref__stem(stemmer, word, strlen(word), &length);
	char *copy = stem ? copy_word(stem, length) : NULL;
	if (!copy)
		return -1;
	copy[length] = '\0';
	stem_range(index, copy, &lo, &hi);
	free(copy);
	for (size_t i = lo; i < hi; i++) {
		int same = same_inflection(word, index->by_stem[i]->word);
		if (same < 0)
			return -1;
		if (same)
			mark_word(m, index, index->by_stem[i]->position, LEVEL_STEM);
	}
	return 0;
}

/* The entries that the clause @c matches, into m->one, best level first: the word
 * itself or a joined form of it, their stems (not for stop words), then the words it
 * begins. */
static int match_clause(matches *m, const cispref_index *index, const query *q, size_t c,
                        analyze_stemmer *stemmer)
{
	const clause *cl = &q->clauses[c];
	memset(m->one, 0, m->words * sizeof *m->one);
	for (unsigned pass = LEVEL_EXACT; pass >= LEVEL_STEM; pass--) {
		if (mark_exact_and_stem(m, index, cl->word, cl->stop ? NULL : stemmer, pass) != 0)
			return -1;
		for (size_t j = 0; j < q->join_count; j++)
			if ((q->joins[j].first == c || q->joins[j].second == c) &&
			    mark_exact_and_stem(m, index, q->joins[j].word, stemmer, pass) != 0)
				return -1;
	}
	size_t lo, hi;
	prefix_range(index, cl->word, &lo, &hi);
	for (size_t i = lo; i < hi; i++)
		mark_word(m, index, i, LEVEL_PREFIX);
	return 0;
}

/* Whether the clause @c is required: every word but the stop words, unless the query
 * holds only stop words. */
static int required(const query *q, size_t c)
{
	if (!q->clauses[c].stop)
		return 1;
	for (size_t i = 0; i < q->count; i++)
		if (!q->clauses[i].dropped && !q->clauses[i].stop)
			return 0;
	return 1;
}

static int find_matches(matches *m, const cispref_index *index, const query *q)
{
	m->words = index->entry_count / 64 + 1;
	m->all = calloc(m->words, sizeof *m->all);
	m->one = malloc(m->words * sizeof *m->one);
	m->counted = calloc(index->word_count / 64 + 1, sizeof *m->counted);
	m->matched = calloc(index->entry_count + 1, 1);
	m->score = calloc(index->entry_count + 1, 1);
	analyze_stemmer *stemmer = cispref__stemmer_new();
	int rc = m->all && m->one && m->counted && m->matched && m->score && stemmer ? 0 : -1;
	int first = 1;
	for (size_t c = 0; rc == 0 && c < q->count; c++) {
		if (q->clauses[c].dropped)
			continue;
		rc = match_clause(m, index, q, c, stemmer);
		if (rc || !required(q, c))
			continue;
		if (first)
			memcpy(m->all, m->one, m->words * sizeof *m->all);
		else
			for (size_t i = 0; i < m->words; i++)
				m->all[i] &= m->one[i];
		first = 0;
	}
	cispref__stemmer_free(stemmer);
	return rc;
}

/* ---- filters and ranking ------------------------------------------------------- */

static const cispref_domain *entry_domain(const search_entry *e)
{
	switch (e->field) {
	case CISPREF_HIT_TITLE: return ((const cispref_competence *)e->node)->plan->domain;
	case CISPREF_HIT_SUMMARY: return ((const cispref_summary_entry *)e->node)->domain;
	case CISPREF_HIT_ITEM: return ((const cispref_item *)e->node)->competence->plan->domain;
	default: return NULL; /* a concept belongs to no domain */
	}
}

/* The fields a search looks in: options of version 1 have no mask. */
static unsigned search_fields(const cispref_search_options *options)
{
	unsigned fields = options->version >= 2 ? options->fields : 0;
	return fields ? fields : CISPREF_SEARCH_TEXTS;
}

static int filter_is_empty(const cispref_filter *filter, unsigned fields)
{
	return !filter->domain_id && !filter->domain_kinds && !filter->plan_kinds &&
	       !filter->item_kinds && fields == CISPREF_SEARCH_TEXTS;
}

static int entry_passes(const search_entry *e, const cispref_filter *filter, unsigned fields)
{
	if (!(fields & CISPREF_MASK(e->field)))
		return 0;
	if (e->field == CISPREF_HIT_CONCEPT) /* in no domain and no plan; of an item kind */
		return !filter->domain_id && !filter->domain_kinds && !filter->plan_kinds &&
		       cispref__filter_item_kind(filter, ((const cispref_concept *)e->node)->kind);
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
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
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
	if (e->field == CISPREF_HIT_CONCEPT)
		return e->text;
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
                    uint32_t order, uint32_t matched, uint32_t score)
{
	if (r->count == *capacity) {
		*capacity = *capacity ? *capacity * 2 : 64;
		cispref_hit *grown = realloc(r->hits, *capacity * sizeof *grown);
		if (!grown)
			return -1;
		r->hits = grown;
	}
	/* a text matched only through a joined compound matched that one word */
	r->hits[r->count++] = (cispref_hit){entry, r, order, matched ? matched : 1, score, NULL};
	return 0;
}

/* Gather the entries of the bitmap that pass the filter, then rank them. */
static int collect_hits(cispref_results *r, const cispref_index *index, const matches *m,
                        const cispref_search_options *options)
{
	size_t capacity = 0;
	unsigned fields = search_fields(options);
	int any = filter_is_empty(&options->filter, fields);
	/* the concepts come last: without them, the scan stops before them */
	size_t end = fields & CISPREF_MASK(CISPREF_HIT_CONCEPT) ? index->entry_count
	                                                       : index->text_entry_count;
	for (size_t w = 0; w < m->words && w * 64 < end; w++)
		for (uint64_t bits = m->all[w]; bits; bits &= bits - 1) {
			size_t e = w * 64 + (size_t)__builtin_ctzll(bits);
			if (e >= end)
				break;
			const search_entry *entry = &index->entries[e];
			if (!any && !entry_passes(entry, &options->filter, fields))
				continue;
			if (push_hit(r, &capacity, entry, (uint32_t)e, m->matched[e], m->score[e]) != 0)
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
	if (!out || !index || !text || options->version < 1 ||
	    options->version > CISPREF_SEARCH_OPTIONS_VERSION ||
	    options->filter.version != CISPREF_FILTER_VERSION)
		return invalid_query(error, "invalid argument");
	if (options->version >= 2 && (options->fields & ~(unsigned)CISPREF_SEARCH_ALL_FIELDS))
		return invalid_query(error, "unknown field in the fields mask");
	int rc = cispref__filter_check(index->ref, &options->filter, error);
	if (rc)
		return rc;
	query q = {0};
	q.last = SIZE_MAX;
	rc = cispref__analyze(text, add_query_word, &q);
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
	static const char *const names[] = {"title", "summary", "item", "concept"};
	return (unsigned)field < sizeof names / sizeof *names ? names[field] : NULL;
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

const cispref_concept *cispref_hit_concept(const cispref_hit *hit)
{
	return hit && hit->entry->field == CISPREF_HIT_CONCEPT
		? (cispref_concept *)hit->entry->node : NULL;
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
	case CISPREF_HIT_ITEM: return ((const cispref_item *)hit->entry->node)->competence;
	default: return NULL;
	}
}

const cispref_plan *cispref_hit_plan(const cispref_hit *hit)
{
	if (!hit || hit->entry->field == CISPREF_HIT_SUMMARY || hit->entry->field == CISPREF_HIT_CONCEPT)
		return NULL;
	return cispref_hit_competence(hit)->plan;
}
