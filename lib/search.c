/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Full-text search: an inverted index of analysed words (lib/analyze.h, built with the
 * index), each with its stem; a query word matches a text word that is the same word, has
 * the same stem, or begins with it (binary searches in the sorted vocabulary and in the
 * vocabulary sorted by stem); AND across query words with bitmaps of entries, stop words
 * optional; then ranking. doc/search.md is the reference. */
#include <stdatomic.h>
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
	const char *path; /* built by cispref_hit_path() on first use */
	uint32_t matched;
};

struct cispref_results {
	arena *arena; /* made by cispref_hit_path() on first use */
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
	index->fields[index->entry_count] = (uint8_t)field;
	index->entries[index->entry_count++] = (search_entry){field, node, text};
	/* Texts of a referential are valid UTF-8; a failure here is out of memory. */
	return cispref__analyze(text, index->ref->language, add_word, b) == -2 ? -1 : 0;
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
	analyze_stemmer *stemmer = cispref__stemmer_new(index->ref->language);
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
	for (int i = 0; i < CISPREF_SCRATCH_SLOTS; i++)
		atomic_init(&index->scratch[i].busy, 0);
	builder b = {index, {0}, 0};
	cispref__strmap_init(&b.vocabulary, postings_word);
	int failed = !(index->entries = malloc((total + 1) * sizeof *index->entries)) ||
	             !(index->fields = malloc(total + 1));
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
	for (int i = 0; i < CISPREF_SCRATCH_SLOTS; i++)
		cispref__search_scratch_free(index->scratch[i].scratch);
	for (size_t i = 0; index->words && i < index->word_count; i++)
		free(index->words[i]->entries);
	free(index->words);
	free(index->by_stem);
	free(index->entries);
	free(index->fields);
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

/* ---- scratch memory ------------------------------------------------------------ */

/* What a query knows of one of its candidate entries (those with their bit set in
 * search_scratch.bitmap; the states of the others are stale). Nothing is cleared per
 * query but the bits of the candidates: a query that finds 5 entries writes 5 states,
 * not one per entry of the referential. */
typedef struct entry_state {
	uint8_t score;    /* the sum over query words of how well each matches (saturating) */
	uint8_t matched;  /* the text's words that match (saturating; not joined ones) */
	uint8_t required; /* the required query words it holds */
	uint8_t clause;   /* the last query word that scored it: one score per query word */
} entry_state;

#define NO_CLAUSE 0xFF

/* A vocabulary word that a query word matches, and how well. */
typedef struct word_match {
	uint32_t word;
	uint32_t level;
} word_match;

/* A hit being ranked: its entry and its rank key (smaller first, doc/search.md). */
typedef struct ranked {
	uint32_t entry;
	uint32_t key;
} ranked;

/* The memory of one search at a time, kept with the index between searches (see
 * take_scratch). Sized by the referential once, then by the largest query seen. */
struct search_scratch {
	entry_state *state;   /* index->entry_count */
	uint64_t *bitmap;     /* the candidates, a bit per entry; all 0 between queries */
	uint32_t *word_stamp; /* index->word_count: the vocabulary words already counted */
	uint32_t generation;  /* of the query being run, for word_stamp */
	analyze_stemmer *stemmer; /* made on first use: not every query stems */
	uint32_t *candidates; /* the entries of the first query word matched */
	size_t candidate_capacity;
	ranked *hits, *spare; /* the hits, and room to sort them */
	size_t hit_capacity;
	word_match *matches;  /* the vocabulary words of every query word */
	size_t match_count, match_capacity;
};

static search_scratch *scratch_new(const cispref_index *index)
{
	search_scratch *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	/* calloc: untouched pages cost nothing until a query reaches their entries */
	s->state = calloc(index->entry_count + 1, sizeof *s->state);
	s->word_stamp = calloc(index->word_count + 1, sizeof *s->word_stamp);
	s->bitmap = calloc(index->entry_count / 64 + 1, sizeof *s->bitmap);
	if (!s->state || !s->word_stamp || !s->bitmap) {
		cispref__search_scratch_free(s);
		return NULL;
	}
	return s;
}

void cispref__search_scratch_free(search_scratch *s)
{
	if (!s)
		return;
	free(s->state);
	free(s->word_stamp);
	free(s->bitmap);
	cispref__stemmer_free(s->stemmer);
	free(s->candidates);
	free(s->hits);
	free(s->spare);
	free(s->matches);
	free(s);
}

/* A scratch area for one search: one of the index's slots, taken with an atomic flag
 * (the index is shared read-only by threads; the slot's memory belongs to whoever holds
 * the flag), or, when every slot is busy, one of its own that give_scratch frees. */
static search_scratch *take_scratch(const cispref_index *index, int *slot)
{
	cispref_index *mutable_index = (cispref_index *)index; /* only the slots change */
	for (int i = 0; i < CISPREF_SCRATCH_SLOTS; i++) {
		scratch_slot *sl = &mutable_index->scratch[i];
		if (atomic_load_explicit(&sl->busy, memory_order_relaxed) ||
		    atomic_exchange_explicit(&sl->busy, 1, memory_order_acquire))
			continue;
		if (!sl->scratch && !(sl->scratch = scratch_new(index))) {
			atomic_store_explicit(&sl->busy, 0, memory_order_release);
			return NULL;
		}
		*slot = i;
		return sl->scratch;
	}
	*slot = -1;
	return scratch_new(index);
}

static void give_scratch(const cispref_index *index, search_scratch *s, int slot)
{
	if (slot < 0) {
		cispref__search_scratch_free(s);
		return;
	}
	cispref_index *mutable_index = (cispref_index *)index;
	atomic_store_explicit(&mutable_index->scratch[slot].busy, 0, memory_order_release);
}

/* A new generation: every stamp of the previous queries becomes stale. */
static void next_generation(search_scratch *s, const cispref_index *index)
{
	if (++s->generation == 0) { /* wrapped: stale stamps could look current */
		memset(s->word_stamp, 0, (index->word_count + 1) * sizeof *s->word_stamp);
		s->generation = 1;
	}
}

static int grow(void **array, size_t *capacity, size_t need, size_t size)
{
	if (need <= *capacity)
		return 0;
	size_t n = *capacity ? *capacity : 64;
	while (n < need)
		n *= 2;
	void *grown = realloc(*array, n * size);
	if (!grown)
		return -1;
	*array = grown;
	*capacity = n;
	return 0;
}

/* ---- matching ------------------------------------------------------------------ */

static int add_match(search_scratch *s, size_t w, unsigned level)
{
	if (grow((void **)&s->matches, &s->match_capacity, s->match_count + 1, sizeof *s->matches))
		return -1;
	s->matches[s->match_count++] = (word_match){(uint32_t)w, level};
	return 0;
}

static size_t exact_word(const cispref_index *index, const char *word)
{
	size_t lo, hi;
	prefix_range(index, word, &lo, &hi);
	return lo < hi && strcmp(index->words[lo]->word, word) == 0 ? lo : SIZE_MAX;
}

/* The inflection key of @word (analyze.h), in @buffer when it is large enough. */
static char *inflection_key(const char *word, char *buffer, size_t size,
                            const char *language)
{
	size_t length = strlen(word);
	char *out = length < size ? buffer : malloc(length + 1);
	if (out)
		cispref__inflection_key(word, length, out, language);
	return out;
}

/* Whether @a and @b differ only by their endings of number and gender; -1 when out of
 * memory. */
static int same_inflection(const char *a, const char *b, const char *language)
{
	char buffer_a[64], buffer_b[64];
	char *x = inflection_key(a, buffer_a, sizeof buffer_a, language);
	char *y = inflection_key(b, buffer_b, sizeof buffer_b, language);
	int same = x && y ? strcmp(x, y) == 0 : -1;
	if (x != buffer_a)
		free(x);
	if (y != buffer_b)
		free(y);
	return same;
}

/* The same word (@pass LEVEL_EXACT), or the words of the same stem and inflection key
 * (LEVEL_STEM; @stem 0: none). */
static int match_exact_or_stem(search_scratch *s, const cispref_index *index, const char *word,
                               int stem, unsigned pass)
{
	if (pass == LEVEL_EXACT) {
		size_t w = exact_word(index, word);
		return w != SIZE_MAX ? add_match(s, w, LEVEL_EXACT) : 0;
	}
	if (!stem)
		return 0;
	if (!s->stemmer && !(s->stemmer = cispref__stemmer_new(index->ref->language)))
		return -1;
	size_t length, lo, hi;
	const char *stemmed = cispref__stem(s->stemmer, word, strlen(word), &length);
	char *copy = stemmed ? copy_word(stemmed, length) : NULL;
	if (!copy)
		return -1;
	copy[length] = '\0';
	stem_range(index, copy, &lo, &hi);
	free(copy);
	for (size_t i = lo; i < hi; i++) {
		int same = same_inflection(word, index->by_stem[i]->word, index->ref->language);
		if (same < 0 || (same && add_match(s, index->by_stem[i]->position, LEVEL_STEM) != 0))
			return -1;
	}
	return 0;
}

/* The vocabulary words that the clause @c matches, appended to s->matches, best level
 * first: the word itself or a joined form of it, their stems (not for stop words), then
 * the words it begins. */
static int match_clause(search_scratch *s, const cispref_index *index, const query *q, size_t c)
{
	const clause *cl = &q->clauses[c];
	for (unsigned pass = LEVEL_EXACT; pass >= LEVEL_STEM; pass--) {
		if (match_exact_or_stem(s, index, cl->word, !cl->stop, pass) != 0)
			return -1;
		for (size_t j = 0; j < q->join_count; j++)
			if ((q->joins[j].first == c || q->joins[j].second == c) &&
			    match_exact_or_stem(s, index, q->joins[j].word, 1, pass) != 0)
				return -1;
	}
	size_t lo, hi;
	prefix_range(index, cl->word, &lo, &hi);
	for (size_t i = lo; i < hi; i++)
		if (add_match(s, i, LEVEL_PREFIX) != 0)
			return -1;
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

static uint8_t saturating_add(uint8_t a, unsigned b)
{
	return a + b > UINT8_MAX ? UINT8_MAX : (uint8_t)(a + b);
}

/* A query word's matches, s->matches[begin, end). */
typedef struct clause_span {
	size_t begin, end;
	size_t postings; /* of all its words: what applying it costs */
	int required;
} clause_span;

/* The entries of the vocabulary words of @span get the clause's score (the first level
 * an entry gets in a clause is its best: levels come best first) and their count of
 * matching words (each vocabulary word counted once in a query, even when it matches
 * several query words). With @create, entries not yet met become candidates; without,
 * only candidates are updated, which costs a test of a bit (in 64 KiB for 500 000
 * entries: in cache) for the others: a hit must hold the first required word applied. */
static void apply_clause(search_scratch *s, const cispref_index *index, const clause_span *span,
                         uint8_t c, int create, size_t *candidates, int *in_order)
{
	entry_state *state = s->state;
	uint64_t *bitmap = s->bitmap;
	uint32_t last = 0;
	for (size_t m = span->begin; m < span->end; m++) {
		const word_postings *p = index->words[s->matches[m].word];
		unsigned level = s->matches[m].level;
		int count = s->word_stamp[s->matches[m].word] != s->generation;
		s->word_stamp[s->matches[m].word] = s->generation;
		for (uint32_t i = 0; i < p->count; i++) {
			uint32_t e = p->entries[i] & ~JOINED_POSTING;
			uint64_t bit = (uint64_t)1 << (e % 64);
			entry_state *st = &state[e];
			if (!(bitmap[e / 64] & bit)) {
				if (!create)
					continue;
				bitmap[e / 64] |= bit;
				*st = (entry_state){0, 0, 0, NO_CLAUSE};
				if (*candidates && e < last)
					*in_order = 0;
				last = e;
				s->candidates[(*candidates)++] = e;
			}
			if (st->clause != c) {
				st->clause = c;
				st->score = saturating_add(st->score, level);
				st->required += (uint8_t)span->required;
			}
			if (count && !(p->entries[i] & JOINED_POSTING))
				st->matched = saturating_add(st->matched, 1);
		}
	}
}

/* Match every clause: the required one with the fewest postings first, which makes the
 * candidates; then the others, on those candidates only. Returns the number of
 * candidates in s->candidates (in document order when *in_order), or SIZE_MAX when out
 * of memory; *required_count is how many required clauses a hit holds. */
static size_t find_matches(search_scratch *s, const cispref_index *index, const query *q,
                           unsigned *required_count, int *in_order)
{
	clause_span spans[MAX_QUERY_WORDS];
	size_t first = SIZE_MAX;
	s->match_count = 0;
	*required_count = 0;
	for (size_t c = 0; c < q->count; c++) {
		spans[c] = (clause_span){s->match_count, s->match_count, 0, 0};
		if (q->clauses[c].dropped)
			continue;
		if (match_clause(s, index, q, c) != 0)
			return SIZE_MAX;
		clause_span *span = &spans[c];
		span->end = s->match_count;
		for (size_t m = span->begin; m < span->end; m++)
			span->postings += index->words[s->matches[m].word]->count;
		span->required = required(q, c);
		*required_count += (unsigned)span->required;
		if (span->required && (first == SIZE_MAX || span->postings < spans[first].postings))
			first = c;
	}
	size_t room = spans[first].postings < index->entry_count ? spans[first].postings
	                                                          : index->entry_count;
	if (grow((void **)&s->candidates, &s->candidate_capacity, room + 1, sizeof *s->candidates))
		return SIZE_MAX;
	next_generation(s, index);
	size_t candidates = 0;
	*in_order = 1;
	apply_clause(s, index, &spans[first], (uint8_t)first, 1, &candidates, in_order);
	for (size_t c = 0; c < q->count && candidates; c++)
		if (c != first && !q->clauses[c].dropped)
			apply_clause(s, index, &spans[c], (uint8_t)c, 0, &candidates, in_order);
	return candidates;
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
	       cispref__filter_item_kind(filter, item->node.kind);
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

/* The rank key of an entry: field, then score, then matched words, each best first;
 * hits of one key keep their document order. Smaller is better. */
static uint32_t rank_key(unsigned field, const entry_state *st)
{
	/* a text matched only through a joined compound matched that one word */
	unsigned matched = st->matched ? st->matched : 1;
	return (uint32_t)field << 16 | (uint32_t)(UINT8_MAX - st->score) << 8 |
	       (uint32_t)(UINT8_MAX - matched);
}

#define KEY_HIGH(key) ((key) >> 8) /* field and score: 10 bits */
#define KEY_LOW(key) ((key) & 0xFF) /* matched words */
#define HIGH_KEYS 1024
#define LOW_KEYS 256

/* One stable counting pass of @n hits from @in to @out by the digit @low (else high). */
static void counting_pass(const ranked *in, ranked *out, size_t n, int low)
{
	uint32_t start[HIGH_KEYS] = {0};
	for (size_t i = 0; i < n; i++)
		start[low ? KEY_LOW(in[i].key) : KEY_HIGH(in[i].key)]++;
	uint32_t sum = 0;
	for (size_t k = 0; k < HIGH_KEYS; k++) {
		uint32_t c = start[k];
		start[k] = sum;
		sum += c;
	}
	for (size_t i = 0; i < n; i++)
		out[start[low ? KEY_LOW(in[i].key) : KEY_HIGH(in[i].key)]++] = in[i];
}

/* Sort @n hits in document order by rank key, stably (document order within a key), in
 * linear time: two counting passes (matched words, then field and score), each skipped
 * when its digit is the same in every key (@differ: the bits that differ somewhere). */
static void sort_ranked(ranked *hits, ranked *spare, size_t n, uint32_t differ)
{
	if (n <= 16) { /* insertion sort: stable, and cheaper than the passes */
		for (size_t i = 1; i < n; i++) {
			ranked h = hits[i];
			size_t j = i;
			for (; j > 0 && hits[j - 1].key > h.key; j--)
				hits[j] = hits[j - 1];
			hits[j] = h;
		}
		return;
	}
	if (KEY_LOW(differ) && KEY_HIGH(differ)) {
		counting_pass(hits, spare, n, 1);
		counting_pass(spare, hits, n, 0);
	} else if (differ) {
		counting_pass(hits, spare, n, KEY_LOW(differ) != 0);
		memcpy(hits, spare, n * sizeof *hits);
	}
}

/* The first @limit of the @n hits in rank order, still in document order, moved to the
 * front (top-k): the key of the last one kept is found by counting, without sorting. */
static size_t select_best(ranked *hits, size_t n, size_t limit)
{
	uint32_t high[HIGH_KEYS] = {0}, low[LOW_KEYS] = {0};
	for (size_t i = 0; i < n; i++)
		high[KEY_HIGH(hits[i].key)]++;
	size_t before = 0, h = 0;
	while (before + high[h] < limit)
		before += high[h++];
	for (size_t i = 0; i < n; i++)
		if (KEY_HIGH(hits[i].key) == h)
			low[KEY_LOW(hits[i].key)]++;
	size_t l = 0;
	while (before + low[l] < limit)
		before += low[l++];
	uint32_t threshold = (uint32_t)h << 8 | (uint32_t)l;
	size_t equal = limit - before, kept = 0; /* of the threshold key, the first ones */
	for (size_t i = 0; i < n && kept < limit; i++)
		if (hits[i].key < threshold || (hits[i].key == threshold && equal && equal--))
			hits[kept++] = hits[i];
	return kept;
}

static int compare_candidates(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

typedef struct gathering {
	search_scratch *s;
	const cispref_index *index;
	const cispref_search_options *options;
	unsigned fields;
	int any;                 /* no filter: every entry before @end passes */
	size_t end;              /* the concepts come last: without them, they are no hits */
	unsigned required_count; /* of the query: a hit holds them all */
	size_t count;
	uint32_t keys_or, keys_and; /* which digits of the keys differ: see sort_ranked */
} gathering;

static void gather_one(gathering *g, uint32_t e)
{
	const entry_state *st = &g->s->state[e];
	if (st->required != g->required_count || e >= g->end ||
	    (!g->any && !entry_passes(&g->index->entries[e], &g->options->filter, g->fields)))
		return;
	uint32_t key = rank_key(g->index->fields[e], st);
	g->keys_or |= key;
	g->keys_and &= key;
	g->s->hits[g->count++] = (ranked){e, key};
}

/* The hits (candidates that hold every required word and pass the filter) into s->hits,
 * in document order, and the candidates' bits cleared. A few candidates are sorted;
 * many are read from the bitmap, in order, which also reads their states in order. */
static void gather_hits(gathering *g, size_t candidates, int in_order)
{
	search_scratch *s = g->s;
	size_t words = g->index->entry_count / 64 + 1;
	g->count = 0;
	g->keys_or = 0;
	g->keys_and = UINT32_MAX;
	if (candidates < 64 || candidates * 32 < words) {
		if (!in_order)
			qsort(s->candidates, candidates, sizeof *s->candidates, compare_candidates);
		for (size_t i = 0; i < candidates; i++) {
			uint32_t e = s->candidates[i];
			s->bitmap[e / 64] = 0;
			gather_one(g, e);
		}
		return;
	}
	uint32_t lo = UINT32_MAX, hi = 0;
	for (size_t i = 0; i < candidates; i++) {
		lo = s->candidates[i] < lo ? s->candidates[i] : lo;
		hi = s->candidates[i] > hi ? s->candidates[i] : hi;
	}
	for (size_t w = lo / 64; w <= hi / 64; w++) {
		for (uint64_t bits = s->bitmap[w]; bits; bits &= bits - 1)
			gather_one(g, (uint32_t)(w * 64 + (size_t)__builtin_ctzll(bits)));
		s->bitmap[w] = 0;
	}
}

static void clear_candidates(search_scratch *s, size_t candidates)
{
	for (size_t i = 0; i < candidates; i++)
		s->bitmap[s->candidates[i] / 64] = 0;
}

/* Room in s->hits (and s->spare, to sort them) for @n hits. */
static int reserve_hits(search_scratch *s, size_t n)
{
	size_t capacity = s->hit_capacity;
	if (grow((void **)&s->hits, &s->hit_capacity, n + 1, sizeof *s->hits))
		return -1;
	if (s->hit_capacity != capacity) {
		ranked *spare = realloc(s->spare, s->hit_capacity * sizeof *spare);
		if (!spare) {
			s->hit_capacity = 0; /* the next query grows both again */
			return -1;
		}
		s->spare = spare;
	}
	return 0;
}

/* The hits of the query, ranked, cut at the limit, into @r. */
static int collect_hits(cispref_results *r, search_scratch *s, const cispref_index *index,
                        const query *q, const cispref_search_options *options)
{
	gathering g = {s, index, options, search_fields(options), 0, 0, 0, 0, 0, 0};
	g.any = filter_is_empty(&options->filter, g.fields);
	g.end = g.fields & CISPREF_MASK(CISPREF_HIT_CONCEPT) ? index->entry_count
	                                                    : index->text_entry_count;
	int in_order;
	size_t candidates = find_matches(s, index, q, &g.required_count, &in_order);
	if (candidates == SIZE_MAX)
		return CISPREF_ENOMEM;
	if (reserve_hits(s, candidates) != 0) {
		clear_candidates(s, candidates);
		return CISPREF_ENOMEM;
	}
	gather_hits(&g, candidates, in_order);
	size_t n = g.count;
	if (options->limit && n > options->limit)
		n = select_best(s->hits, n, options->limit);
	sort_ranked(s->hits, s->spare, n, g.keys_or ^ g.keys_and);
	if (n && !(r->hits = malloc(n * sizeof *r->hits)))
		return CISPREF_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		uint32_t e = s->hits[i].entry;
		r->hits[i] = (cispref_hit){&index->entries[e], r, NULL,
		                           UINT8_MAX - KEY_LOW(s->hits[i].key)};
	}
	r->count = n;
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
	rc = cispref__analyze(text, index->ref->language, add_query_word, &q);
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
	int slot = -1;
	search_scratch *s = rc == 0 ? take_scratch(index, &slot) : NULL;
	cispref_results *r = s ? calloc(1, sizeof *r) : NULL;
	rc = r ? collect_hits(r, s, index, &q, options) : CISPREF_ENOMEM;
	if (s)
		give_scratch(index, s, slot);
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
	cispref_results *r = (cispref_results *)h->results;
	if (!h->path && (r->arena || (r->arena = cispref__arena_new())))
		h->path = hit_path(r->arena, h);
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
