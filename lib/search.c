/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Full-text search: an inverted index of analysed words (lib/analyze.h, built with the
 * index), each with its stem; a query word matches a text word that is the same word, has
 * the same stem, or begins with it (binary searches in the sorted vocabulary and in the
 * vocabulary sorted by stem); AND across query words with bitmaps of entries, stop words
 * optional; then ranking. doc/search.md is the reference. */
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "analyze.h"
#include "index.h"

#define MAX_QUERY_WORDS 32
/* A posting of a joined compound ("psychosocial" from "psycho-social") has this bit: it
 * matches, but is not counted as one more word of the text. */
#define JOINED_POSTING 0x80000000u
#define MAX_JOINED 32

/* How well a query word matches a text: the score of doc/search.md. */
enum { LEVEL_PREFIX = 1, LEVEL_STEM = 2, LEVEL_EXACT = 3 };

/* 8 bytes, and a byte of matched words aside: a query of 97 000 hits writes 0.9 MB
 * of results, not 3 MB. A hit finds its results from its place in their array
 * (results_of()), and its entry through them. */
struct cispref_hit {
	uint32_t entry;    /* in cispref_index.entries */
	uint32_t position; /* in cispref_results.hits */
};

/* One block: the header, the hits, then each hit's count of matched words. */
struct cispref_results {
	const cispref_index *index;
	arena *arena;        /* made by cispref_hit_path() on first use, with @paths */
	const char ***paths; /* PATH_GROUP hits' paths a group, each built on first use */
	uint8_t *matched;   /* each hit's matched words (at most 255: they saturate) */
	size_t count;
	cispref_hit hits[];
};

static cispref_results *results_of(const cispref_hit *hit)
{
	const cispref_hit *first = hit - hit->position;
	return (cispref_results *)((const char *)first - offsetof(cispref_results, hits));
}

/* The paths of the hits are kept by groups of PATH_GROUP. */
#define PATH_GROUP 64

static size_t path_groups(const cispref_results *r)
{
	return r->count / PATH_GROUP + 1;
}

static const search_entry *hit_entry(const cispref_hit *hit)
{
	return &results_of(hit)->index->entries[hit->entry];
}

/* Room for @n hits. Not in pages of their own when large: a query would pay a page
 * fault per 4 KiB of hits (135 000 for the 1 000 queries of bench/run.sh), where
 * malloc reuses the memory of the previous results. */
static cispref_results *results_new(const cispref_index *index, size_t n)
{
	cispref_results *r = malloc(offsetof(cispref_results, hits) + n * (sizeof(cispref_hit) + 1));
	if (r)
		*r = (cispref_results){index, NULL, NULL, (uint8_t *)&r->hits[n], n};
	return r;
}

/* ---- building ------------------------------------------------------------------ */

/* The postings are written as they come, in entry order, to a log of word ids (with
 * JOINED_POSTING), in chunks of their own pages; once every text is analysed, each
 * word's count is known and the log is spread into one array, a word's entries after
 * the other's. A posting list grown with realloc() per word left the memory of every
 * outgrown list in malloc's heap after the index was freed (42 MiB after five cycles
 * at 500 000 items); the array and the log are mappings that freeing gives back. */
#define LOG_SHIFT 20
#define LOG_CHUNK ((size_t)1 << LOG_SHIFT) /* postings: 4 MiB */
#define MAX_LOG_CHUNKS ((size_t)1 << (32 - LOG_SHIFT)) /* positions are 32 bits */

/* A slot of the vocabulary's table: 32 bits of the word's hash, its id + 1 (0: empty). */
typedef struct vocabulary_slot {
	uint32_t hash;
	uint32_t id;
} vocabulary_slot;

typedef struct builder {
	cispref_index *index;
	uint64_t key[2];          /* of the hash: see vocabulary_key() */
	vocabulary_slot *slots;   /* open addressing, at most half full */
	size_t capacity;          /* of @slots, a power of two */
	word_postings **list;     /* the words by id, in order of first occurrence */
	size_t list_capacity;
	size_t word_count;
	uint32_t *chunks[MAX_LOG_CHUNKS]; /* the log */
	size_t log_length;
	uint32_t *entry_start;    /* each entry's first position in the log, and the end */
	uint32_t entry;           /* the entry being indexed */
} builder;

/* The words come from the referential's file: a hash anyone can compute would let a
 * file of colliding words make the build quadratic (see strmap.c). This table is the
 * search's own, not a strmap: it hashes the word once with its known length and
 * compares lengths before bytes, which halves the cost of the build's lookups. Its
 * key is drawn per index. */
static void vocabulary_key(uint64_t key[2], const void *index)
{
	if (getrandom(key, 2 * sizeof *key, GRND_NONBLOCK) == (ssize_t)(2 * sizeof *key))
		return;
	/* no random source: not secret from a local observer, but different per process */
	struct timespec t = {0};
	clock_gettime(CLOCK_MONOTONIC, &t);
	const uint64_t fixed[2] = {0x0706050403020100u, 0x0f0e0d0c0b0a0908u};
	uint64_t mix[4] = {(uint64_t)t.tv_sec, (uint64_t)t.tv_nsec, (uint64_t)getpid(),
	                   (uint64_t)(uintptr_t)index};
	key[0] = cispref__siphash(fixed, mix, sizeof mix, 2, 4);
	mix[0] ^= key[0];
	key[1] = cispref__siphash(fixed, mix, sizeof mix, 2, 4);
}

/* @array of *@capacity elements of @size bytes grown to hold @need, in pages of its own
 * once large (cispref__pages_alloc), so that freeing it gives the memory back: the index
 * and its scratch areas keep nothing in malloc's heap but small blocks. */
static int grow_pages(void **array, size_t *capacity, size_t need, size_t size)
{
	if (need <= *capacity)
		return 0;
	size_t n = *capacity ? *capacity : 64;
	while (n < need)
		n *= 2;
	void *grown = cispref__pages_alloc(n * size, 0);
	if (!grown)
		return -1;
	if (*array)
		memcpy(grown, *array, *capacity * size);
	cispref__pages_free(*array, *capacity * size, 0);
	*array = grown;
	*capacity = n;
	return 0;
}

/* The table at twice the size, its words placed again by their stored hash. */
static int rehash(builder *b)
{
	size_t capacity = b->capacity ? b->capacity * 2 : 4096;
	vocabulary_slot *slots = cispref__pages_alloc(capacity * sizeof *slots, 0);
	if (!slots)
		return -1;
	for (size_t i = 0; i < b->capacity; i++) {
		if (!b->slots[i].id)
			continue;
		size_t j = b->slots[i].hash & (capacity - 1);
		while (slots[j].id)
			j = (j + 1) & (capacity - 1);
		slots[j] = b->slots[i];
	}
	cispref__pages_free(b->slots, b->capacity * sizeof *slots, 0);
	b->slots = slots;
	b->capacity = capacity;
	return 0;
}

/* The id of @word in the vocabulary, added when new; -1 when out of memory. */
static long word_id(builder *b, const char *word, size_t length)
{
	if ((b->word_count + 1) * 2 > b->capacity && rehash(b) != 0)
		return -1;
	uint32_t h = (uint32_t)cispref__siphash(b->key, word, length, 1, 3);
	size_t i = h & (b->capacity - 1);
	for (; b->slots[i].id; i = (i + 1) & (b->capacity - 1)) {
		const word_postings *w = b->list[b->slots[i].id - 1];
		if (b->slots[i].hash == h && w->length == length && memcmp(w->word, word, length) == 0)
			return (long)b->slots[i].id - 1;
	}
	if (b->word_count >= JOINED_POSTING - 1 ||
	    grow_pages((void **)&b->list, &b->list_capacity, b->word_count + 1, sizeof *b->list))
		return -1;
	word_postings *w = cispref__arena_alloc(b->index->arena, sizeof *w);
	if (!w || !(w->word = cispref__arena_strndup(b->index->arena, word, length)))
		return -1;
	w->length = (uint32_t)length;
	b->list[b->word_count] = w;
	b->slots[i] = (vocabulary_slot){h, (uint32_t)++b->word_count};
	return (long)b->word_count - 1;
}

/* Each occurrence of a word is a posting, so a word twice in one text is two postings
 * in a row: the search counts matching words from them without analysing texts again. */
static int add_word(const char *word, size_t length, unsigned flags, void *payload)
{
	builder *b = payload;
	long id = word_id(b, word, length);
	size_t chunk = b->log_length >> LOG_SHIFT;
	if (id < 0 || chunk == MAX_LOG_CHUNKS)
		return -2;
	if (!b->chunks[chunk] &&
	    !(b->chunks[chunk] = cispref__pages_alloc(LOG_CHUNK * sizeof **b->chunks, 1)))
		return -2;
	b->chunks[chunk][b->log_length++ & (LOG_CHUNK - 1)] =
		(uint32_t)id | (flags & ANALYZE_JOINED ? JOINED_POSTING : 0);
	b->list[id]->count++;
	return 0;
}

static int add_entry(builder *b, cispref_hit_field_t field, const void *node, const char *text)
{
	cispref_index *index = b->index;
	b->entry = (uint32_t)index->entry_count;
	b->entry_start[b->entry] = (uint32_t)b->log_length;
	index->entries[index->entry_count++] = (search_entry){field, node, text};
	/* Texts of a referential are valid UTF-8; a failure here is out of memory. */
	return cispref__analyze(text, index->ref->language, add_word, b) == -2 ? -1 : 0;
}

/* The texts of @field (a title, a summary entry or an item) in @domain, in document
 * order. */
static int index_domain(builder *b, const cispref_domain *domain, cispref_hit_field_t field)
{
	for (size_t e = 0; field == CISPREF_HIT_SUMMARY && e < domain->summary.count; e++) {
		const cispref_summary_entry *entry = domain->summary.items[e];
		if (add_entry(b, CISPREF_HIT_SUMMARY, entry, entry->text) != 0)
			return -1;
	}
	for (size_t p = 0; field != CISPREF_HIT_SUMMARY && p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		for (size_t c = 0; c < plan->competences.count; c++) {
			const cispref_competence *comp = plan->competences.items[c];
			if (field == CISPREF_HIT_TITLE && add_entry(b, CISPREF_HIT_TITLE, comp, comp->title) != 0)
				return -1;
			for (int k = 0; field == CISPREF_HIT_ITEM && k < CISPREF_ITEM_KIND_COUNT; k++)
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

/* The log spread into index->postings: each word's slice, then its entries in the
 * order of the log, which is entry order. w->position counts what a word holds so far
 * (stem_vocabulary() sets it to its place afterwards). */
static int spread_postings(cispref_index *index, builder *b)
{
	b->entry_start[index->entry_count] = (uint32_t)b->log_length;
	index->posting_count = b->log_length;
	index->postings = cispref__pages_alloc((b->log_length + 1) * sizeof *index->postings, 1);
	if (!index->postings)
		return -1;
	uint32_t *next = index->postings;
	for (size_t i = 0; i < b->word_count; i++) {
		b->list[i]->entries = next;
		b->list[i]->position = 0;
		next += b->list[i]->count;
	}
	size_t k = 0;
	for (uint32_t e = 0; e < index->entry_count; e++)
		for (size_t end = b->entry_start[e + 1]; k < end; k++) {
			uint32_t v = b->chunks[k >> LOG_SHIFT][k & (LOG_CHUNK - 1)];
			word_postings *w = b->list[v & ~JOINED_POSTING];
			w->entries[w->position++] = e | (v & JOINED_POSTING);
		}
	return 0;
}

/* The vocabulary's words, sorted, into index->words. The order of first occurrence
 * would do as well, but the sorted order is what the binary searches need. */
static int sort_vocabulary(cispref_index *index, const builder *b)
{
	index->words = cispref__pages_alloc((b->word_count + 1) * sizeof *index->words, 0);
	if (!index->words)
		return -1;
	if (b->word_count)
		memcpy(index->words, b->list, b->word_count * sizeof *index->words);
	index->word_count = b->word_count;
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
	index->by_stem = cispref__pages_alloc((index->word_count + 1) * sizeof *index->by_stem, 0);
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

static search_scratch *scratch_warm(const cispref_index *index);

static void builder_free(builder *b, size_t total)
{
	for (size_t c = 0; c < MAX_LOG_CHUNKS && b->chunks[c]; c++)
		cispref__pages_free(b->chunks[c], LOG_CHUNK * sizeof **b->chunks, 1);
	cispref__pages_free(b->slots, b->capacity * sizeof *b->slots, 0);
	cispref__pages_free(b->list, b->list_capacity * sizeof *b->list, 0);
	cispref__pages_free(b->entry_start, (total + 1) * sizeof *b->entry_start, 0);
}

int cispref__word_index_build(cispref_index *index)
{
	const cispref_referential *ref = index->ref;
	size_t total = entry_total(ref);
	if (total >= JOINED_POSTING)
		return CISPREF_ELIMIT;
	for (int i = 0; i < CISPREF_SCRATCH_SLOTS; i++)
		atomic_init(&index->scratch[i].busy, 0);
	builder *b = calloc(1, sizeof *b);
	if (!b)
		return CISPREF_ENOMEM;
	b->index = index;
	vocabulary_key(b->key, index);
	index->entry_room = total + 1;
	int failed = !(index->entries = cispref__pages_alloc(index->entry_room * sizeof *index->entries, 1)) ||
	             !(b->entry_start = cispref__pages_alloc((total + 1) * sizeof *b->entry_start, 0));
	/* Entries are numbered field after field (titles, summary entries, items, then
	 * concepts), each in document order: the order of the ranking, whose first key is
	 * the field, so that a search with a limit can stop after the fields that gave
	 * enough hits. */
	for (int f = CISPREF_HIT_TITLE; f <= CISPREF_HIT_ITEM; f++) {
		index->field_start[f] = index->entry_count;
		for (size_t d = 0; !failed && d < ref->domains.count; d++)
			failed = index_domain(b, ref->domains.items[d], (cispref_hit_field_t)f) != 0;
	}
	index->text_entry_count = index->field_start[CISPREF_HIT_CONCEPT] = index->entry_count;
	if (!failed)
		failed = index_concepts(b, ref) != 0;
	index->field_start[CISPREF_HIT_CONCEPT + 1] = index->entry_count;
	if (!failed)
		failed = spread_postings(index, b) != 0 || sort_vocabulary(index, b) != 0;
	builder_free(b, total);
	free(b);
	if (!failed)
		failed = stem_vocabulary(index) != 0;
	/* The first scratch area, made and written now: the first queries of a process
	 * would otherwise pay its page faults (some 700 at 500 000 items, a millisecond
	 * over the first query or two), and the index build pays them in less. */
	if (!failed)
		failed = !(index->scratch[0].scratch = scratch_warm(index));
	return failed ? CISPREF_ENOMEM : CISPREF_OK;
}

void cispref__word_index_free(cispref_index *index)
{
	for (int i = 0; i < CISPREF_SCRATCH_SLOTS; i++)
		cispref__search_scratch_free(index->scratch[i].scratch);
	cispref__pages_free(index->postings, (index->posting_count + 1) * sizeof *index->postings, 1);
	size_t words = index->word_count + 1;
	cispref__pages_free(index->words, words * sizeof *index->words, 0);
	cispref__pages_free(index->by_stem, words * sizeof *index->by_stem, 0);
	cispref__pages_free(index->entries, index->entry_room * sizeof *index->entries, 1);
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
	uint8_t level;
	uint8_t count; /* the first match of this word in the query: its postings count */
	uint32_t next; /* its first posting not yet applied: ranges are applied in order */
} word_match;

/* A hit being ranked: its entry and its rank key (smaller first, doc/search.md). */
typedef struct ranked {
	uint32_t entry;
	uint32_t key;
} ranked;

/* The memory of one search at a time, kept with the index between searches (see
 * take_scratch). Sized by the referential once, then by the largest query seen. */
struct search_scratch {
	entry_state *state;   /* @entry_room: a state per entry */
	uint64_t *bitmap;     /* the candidates, a bit per entry; all 0 between queries */
	uint64_t *summary;    /* a bit per word of @bitmap that is not 0; all 0 between queries */
	uint32_t *word_stamp; /* @word_room: the vocabulary words already counted */
	size_t entry_room, word_room; /* index->entry_count + 1, index->word_count + 1 */
	uint32_t generation;  /* of the query being run, for word_stamp */
	analyze_stemmer *stemmer; /* made on first use: not every query stems */
	uint32_t *candidates; /* the entries of the first query word matched */
	size_t candidate_capacity;
	ranked *hits, *spare; /* the hits, and room to sort them */
	size_t hit_capacity;
	word_match *matches;  /* the vocabulary words of every query word */
	size_t match_count, match_capacity;
};

/* The 64-bit words of the bitmap, and of its summary. */
static size_t bitmap_words(const search_scratch *s)
{
	return s->entry_room / 64 + 1;
}

static size_t summary_words(const search_scratch *s)
{
	return s->entry_room / (64 * 64) + 1;
}

static search_scratch *scratch_new(const cispref_index *index)
{
	search_scratch *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	/* untouched pages cost nothing until a query reaches their entries */
	s->entry_room = index->entry_count + 1;
	s->word_room = index->word_count + 1;
	s->state = cispref__pages_alloc(s->entry_room * sizeof *s->state, 0);
	s->word_stamp = cispref__pages_alloc(s->word_room * sizeof *s->word_stamp, 0);
	s->bitmap = cispref__pages_alloc(bitmap_words(s) * sizeof *s->bitmap, 0);
	s->summary = cispref__pages_alloc(summary_words(s) * sizeof *s->summary, 0);
	if (!s->state || !s->word_stamp || !s->bitmap || !s->summary) {
		cispref__search_scratch_free(s);
		return NULL;
	}
	return s;
}

static int reserve_hits(search_scratch *s, size_t n);
static int grow_candidates(search_scratch *s, size_t n);

/* The hits a warm scratch area has room for without growing. */
#define WARM_HITS ((size_t)1 << 16)

/* Write zeros over @size bytes at @p; nothing for none (an empty referential's arrays are
 * the null pointer, which memset() may not be given even for 0 bytes). */
static void fault_in(void *p, size_t size)
{
	if (size)
		memset(p, 0, size);
}

/* A scratch area whose pages are written (the states, the bitmap, the stamps, and room
 * for WARM_HITS hits and candidates), or NULL when out of memory. */
static search_scratch *scratch_warm(const cispref_index *index)
{
	search_scratch *s = scratch_new(index);
	size_t n = index->entry_count < WARM_HITS ? index->entry_count : WARM_HITS;
	if (!s || !(s->stemmer = cispref__stemmer_new(index->ref->language)) ||
	    reserve_hits(s, n - 1) != 0 || grow_candidates(s, n) != 0) {
		cispref__search_scratch_free(s);
		return NULL;
	}
	/* what they hold does not matter (states are set as entries become candidates,
	 * the bitmap and stamps are zero already): writing zeros only faults them in */
	fault_in(s->state, s->entry_room * sizeof *s->state);
	fault_in(s->bitmap, bitmap_words(s) * sizeof *s->bitmap);
	fault_in(s->summary, summary_words(s) * sizeof *s->summary);
	fault_in(s->word_stamp, s->word_room * sizeof *s->word_stamp);
	fault_in(s->hits, s->hit_capacity * sizeof *s->hits);
	fault_in(s->spare, s->hit_capacity * sizeof *s->spare);
	fault_in(s->candidates, s->candidate_capacity * sizeof *s->candidates);
	return s;
}

void cispref__search_scratch_free(search_scratch *s)
{
	if (!s)
		return;
	cispref__pages_free(s->state, s->entry_room * sizeof *s->state, 0);
	cispref__pages_free(s->word_stamp, s->word_room * sizeof *s->word_stamp, 0);
	cispref__pages_free(s->bitmap, bitmap_words(s) * sizeof *s->bitmap, 0);
	cispref__pages_free(s->summary, summary_words(s) * sizeof *s->summary, 0);
	cispref__stemmer_free(s->stemmer);
	cispref__pages_free(s->candidates, s->candidate_capacity * sizeof *s->candidates, 0);
	cispref__pages_free(s->hits, s->hit_capacity * sizeof *s->hits, 0);
	cispref__pages_free(s->spare, s->hit_capacity * sizeof *s->spare, 0);
	cispref__pages_free(s->matches, s->match_capacity * sizeof *s->matches, 0);
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

/* ---- matching ------------------------------------------------------------------ */

static int add_match(search_scratch *s, size_t w, unsigned level)
{
	if (grow_pages((void **)&s->matches, &s->match_capacity, s->match_count + 1, sizeof *s->matches))
		return -1;
	s->matches[s->match_count++] = (word_match){(uint32_t)w, (uint8_t)level, 0, 0};
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

static int compare_candidates(const void *a, const void *b);

/* A clause's mark on the state of an entry that holds the posting @posting of one of
 * its words: its score once per clause, and the word once per query. */
static inline void score_entry(entry_state *st, uint8_t c, unsigned level, int required,
                               int count, uint32_t posting)
{
	if (st->clause != c) {
		st->clause = c;
		st->score = saturating_add(st->score, level);
		st->required += (uint8_t)required;
	}
	if (count && !(posting & JOINED_POSTING))
		st->matched = saturating_add(st->matched, 1);
}

/* The first position from @i of @entries (ascending, @n of them) whose entry is not
 * below @e: steps that double, then a binary search. */
static uint32_t seek_entry(const uint32_t *entries, uint32_t i, uint32_t n, uint32_t e)
{
	if (i >= n || (entries[i] & ~JOINED_POSTING) >= e)
		return i;
	uint32_t step = 1;
	while (step < n - i && (entries[i + step] & ~JOINED_POSTING) < e) {
		i += step;
		step *= 2;
	}
	uint32_t lo = i + 1, hi = step < n - i ? i + step : n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if ((entries[mid] & ~JOINED_POSTING) < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A word that holds many more postings than there are candidates is searched for each
 * candidate (seek_entry) instead of read whole: "bilan collaboration" reads the
 * postings of "collaboration" where they meet the 2 000 entries of "bilan". */
#define SPARSE_RATIO 8

/* How far ahead the state of an entry is asked for: with a few thousand candidates
 * spread over the referential, each state (one per entry: 2 MB at 500 000 entries) is
 * a cache miss. */
#define PREFETCH_AHEAD 16

/* The word @p of a clause applied to the candidates (in entry order), from its posting
 * @i; returns its first posting at or after @end. The same as reading its postings
 * from @i to @end: the others are no candidates. */
static uint32_t apply_sparse(search_scratch *s, const word_postings *p, uint32_t i,
                             const clause_span *span, uint8_t c, unsigned level, int count,
                             uint32_t end, size_t candidates)
{
	for (size_t k = 0; k < candidates && i < p->count; k++) {
		uint32_t e = s->candidates[k];
		i = seek_entry(p->entries, i, p->count, e);
		for (; i < p->count && (p->entries[i] & ~JOINED_POSTING) == e; i++)
			score_entry(&s->state[e], c, level, span->required, count, p->entries[i]);
	}
	return seek_entry(p->entries, i, p->count, end);
}

/* The entries below @end of the vocabulary words of @span (from where the last range
 * stopped) get the clause's score (the first level an entry gets in a clause is its
 * best: levels come best first) and their count of matching words (each vocabulary
 * word counted once in a query, even when it matches several query words). With
 * @create, entries not yet met become candidates; without, only candidates are
 * updated, which costs a test of a bit (in 64 KiB for 500 000 entries: in cache) for
 * the others: a hit must hold the first required word applied. */
static void apply_clause(search_scratch *s, const cispref_index *index, const clause_span *span,
                         uint8_t c, int create, uint32_t end, size_t *candidates, int *in_order)
{
	/* in locals: the states' byte stores may alias anything the compiler cannot see
	 * through, which would reload each of these after every posting */
	entry_state *state = s->state;
	uint64_t *bitmap = s->bitmap;
	uint32_t *made = s->candidates;
	size_t n = *candidates;
	int ordered = *in_order, required = span->required;
	uint32_t last = 0;
	for (size_t m = span->begin; m < span->end; m++) {
		word_match *match = &s->matches[m];
		const word_postings *p = index->words[match->word];
		const uint32_t *entries = p->entries;
		uint32_t i = match->next, total = p->count;
		unsigned level = match->level;
		int count = match->count;
		if (!create && ordered && n * SPARSE_RATIO < total - i) {
			match->next = apply_sparse(s, p, i, span, c, level, count, end, n);
			continue;
		}
		for (; i < total && (entries[i] & ~JOINED_POSTING) < end; i++) {
			uint32_t e = entries[i] & ~JOINED_POSTING;
			if (i + PREFETCH_AHEAD < total) /* its state is a cache miss too */
				__builtin_prefetch(&state[entries[i + PREFETCH_AHEAD] & ~JOINED_POSTING]);
			uint64_t bit = (uint64_t)1 << (e % 64);
			entry_state *st = &state[e];
			if (!(bitmap[e / 64] & bit)) {
				if (!create)
					continue;
				bitmap[e / 64] |= bit;
				/* its first posting: the state written whole, not read */
				*st = (entry_state){(uint8_t)level, count && !(entries[i] & JOINED_POSTING),
				                    (uint8_t)required, c};
				if (n && e < last)
					ordered = 0;
				last = e;
				made[n++] = e;
				continue;
			}
			score_entry(st, c, level, required, count, entries[i]);
		}
		match->next = i;
	}
	*candidates = n;
	*in_order = ordered;
}

/* The matches of every clause, in s->matches; the required clause with the fewest
 * postings, which makes the candidates, in *@first (applied first, then the others in
 * order: the first match of a vocabulary word in that order counts its postings). 0,
 * or -1 when out of memory; *required_count is how many required clauses a hit holds. */
static int find_matches(search_scratch *s, const cispref_index *index, const query *q,
                        clause_span *spans, size_t *first, unsigned *required_count)
{
	*first = SIZE_MAX;
	s->match_count = 0;
	*required_count = 0;
	for (size_t c = 0; c < q->count; c++) {
		spans[c] = (clause_span){s->match_count, s->match_count, 0, 0};
		if (q->clauses[c].dropped)
			continue;
		if (match_clause(s, index, q, c) != 0)
			return -1;
		clause_span *span = &spans[c];
		span->end = s->match_count;
		for (size_t m = span->begin; m < span->end; m++)
			span->postings += index->words[s->matches[m].word]->count;
		span->required = required(q, c);
		*required_count += (unsigned)span->required;
		if (span->required && (*first == SIZE_MAX || span->postings < spans[*first].postings))
			*first = c;
	}
	size_t room = spans[*first].postings < index->entry_count ? spans[*first].postings
	                                                           : index->entry_count;
	if (grow_candidates(s, room + 1) != 0)
		return -1;
	next_generation(s, index);
	for (size_t k = 0; k <= q->count; k++) {
		size_t c = k == 0 ? *first : k - 1;
		if (c == *first && k != 0)
			continue;
		for (size_t m = spans[c].begin; m < spans[c].end; m++) {
			word_match *match = &s->matches[m];
			match->count = s->word_stamp[match->word] != s->generation;
			s->word_stamp[match->word] = s->generation;
		}
	}
	return 0;
}

/* Apply every clause to the entries from where the last range stopped to @end: the
 * first one makes the candidates, the others update them. Returns the number of
 * candidates, in s->candidates (in entry order when *in_order). */
static size_t apply_range(search_scratch *s, const cispref_index *index, const query *q,
                          const clause_span *spans, size_t first, uint32_t end, int *in_order)
{
	size_t candidates = 0, others = 0;
	*in_order = 1;
	apply_clause(s, index, &spans[first], (uint8_t)first, 1, end, &candidates, in_order);
	for (size_t c = 0; c < q->count; c++)
		others += c != first && !q->clauses[c].dropped ? spans[c].postings : 0;
	if (!*in_order && candidates * SPARSE_RATIO < others) { /* so that they can be sought */
		qsort(s->candidates, candidates, sizeof *s->candidates, compare_candidates);
		*in_order = 1;
	}
	for (size_t c = 0; c < q->count; c++)
		if (c != first && !q->clauses[c].dropped)
			apply_clause(s, index, &spans[c], (uint8_t)c, 0, end, &candidates, in_order);
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
	const search_entry *e = hit_entry(hit);
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
	size_t lengths[4], len = 1;
	for (size_t i = 0; i < n; i++)
		len += (lengths[i] = strlen(parts[i])) + (i ? sizeof separator - 1 : 0);
	char *path = cispref__arena_alloc(a, len), *p = path;
	if (!path)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (i) {
			memcpy(p, separator, sizeof separator - 1);
			p += sizeof separator - 1;
		}
		memcpy(p, parts[i], lengths[i]);
		p += lengths[i];
	}
	*p = '\0';
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

/* How many hits have each digit: counted as the hits are gathered, which saves a read
 * of them per counting pass. */
typedef struct digit_counts {
	uint32_t high[HIGH_KEYS];
	uint32_t low[LOW_KEYS];
} digit_counts;

/* One stable counting pass of @n hits from @in to @out by the digit @low (else high);
 * @counts: how many have each digit, or NULL to count them here. */
static void counting_pass(const ranked *in, ranked *out, size_t n, int low,
                          const digit_counts *counts)
{
	uint32_t start[HIGH_KEYS] = {0};
	size_t keys = low ? LOW_KEYS : HIGH_KEYS;
	if (counts)
		memcpy(start, low ? counts->low : counts->high, keys * sizeof *start);
	else
		for (size_t i = 0; i < n; i++)
			start[low ? KEY_LOW(in[i].key) : KEY_HIGH(in[i].key)]++;
	uint32_t sum = 0;
	for (size_t k = 0; k < keys; k++) {
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
static void sort_ranked(ranked *hits, ranked *spare, size_t n, uint32_t differ,
                        const digit_counts *counts)
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
		counting_pass(hits, spare, n, 1, counts);
		counting_pass(spare, hits, n, 0, counts);
	} else if (differ) {
		counting_pass(hits, spare, n, KEY_LOW(differ) != 0, counts);
		memcpy(hits, spare, n * sizeof *hits);
	}
}

/* The first @limit of the @n hits in rank order, still in document order, moved to the
 * front (top-k): the key of the last one kept is found by counting, without sorting. */
static size_t select_best(ranked *hits, size_t n, size_t limit, const uint32_t *high)
{
	uint32_t low[LOW_KEYS] = {0};
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
	unsigned field;          /* of the last entry gathered: entries come in order */
	size_t count;
	uint32_t keys_or, keys_and; /* which digits of the keys differ: see sort_ranked */
	digit_counts counts;        /* of the hits gathered */
} gathering;

static inline void gather_one(gathering *g, uint32_t e)
{
	const entry_state *st = &g->s->state[e];
	if (st->required != g->required_count || e >= g->end ||
	    (!g->any && !entry_passes(&g->index->entries[e], &g->options->filter, g->fields)))
		return;
	/* entries are numbered field after field, and gathered in order */
	while (e >= g->index->field_start[g->field + 1])
		g->field++;
	uint32_t key = rank_key(g->field, st);
	g->keys_or |= key;
	g->keys_and &= key;
	g->counts.high[KEY_HIGH(key)]++;
	g->counts.low[KEY_LOW(key)]++;
	g->s->hits[g->count++] = (ranked){e, key};
}

/* The bitmap's words from @lo to @hi read in order, their candidates gathered, the words
 * cleared: for many candidates, whose states are then read in order too. */
static void gather_dense(gathering *g, size_t lo, size_t hi)
{
	uint64_t *bitmap = g->s->bitmap;
	for (size_t w = lo; w <= hi; w++) {
		for (uint64_t bits = bitmap[w]; bits; bits &= bits - 1)
			gather_one(g, (uint32_t)(w * 64 + (size_t)__builtin_ctzll(bits)));
		bitmap[w] = 0;
	}
}

/* The candidates, all in the bitmap's words @lo to @hi, put in entry order: read from
 * the bitmap through a summary of the words that hold some, their bits cleared. Scanning every word instead
 * (gather_dense()), 8 000 at 500 000 entries, mispredicted a branch for about half of
 * them when a few thousand candidates are spread over the referential. */
static void sort_by_bitmap(search_scratch *s, size_t candidates, size_t lo, size_t hi)
{
	for (size_t i = 0; i < candidates; i++)
		s->summary[s->candidates[i] / 4096] |= (uint64_t)1 << (s->candidates[i] / 64 % 64);
	size_t k = 0;
	for (size_t sw = lo / 64; sw <= hi / 64; sw++) {
		for (uint64_t words = s->summary[sw]; words; words &= words - 1) {
			size_t w = sw * 64 + (size_t)__builtin_ctzll(words);
			for (uint64_t bits = s->bitmap[w]; bits; bits &= bits - 1)
				s->candidates[k++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(bits));
			s->bitmap[w] = 0;
		}
		s->summary[sw] = 0;
	}
}

static void clear_candidates(search_scratch *s, size_t candidates)
{
	for (size_t i = 0; i < candidates; i++)
		s->bitmap[s->candidates[i] / 64] = 0;
}

/* The hits (candidates that hold every required word and pass the filter) into s->hits,
 * in document order, and the candidates' bits cleared. Candidates out of order are put
 * in order: a few by sorting them, more through the bitmap; many more, two or more a
 * word of the bitmap on average, are read from it directly. */
static void gather_hits(gathering *g, size_t candidates, int in_order)
{
	search_scratch *s = g->s;
	if (in_order || candidates < 64 || candidates * 32 < bitmap_words(s)) {
		if (!in_order)
			qsort(s->candidates, candidates, sizeof *s->candidates, compare_candidates);
		clear_candidates(s, candidates);
	} else {
		uint32_t lo = UINT32_MAX, hi = 0;
		for (size_t i = 0; i < candidates; i++) {
			lo = s->candidates[i] < lo ? s->candidates[i] : lo;
			hi = s->candidates[i] > hi ? s->candidates[i] : hi;
		}
		if (candidates >= 2 * (hi / 64 - lo / 64 + 1)) {
			gather_dense(g, lo / 64, hi / 64);
			return;
		}
		sort_by_bitmap(s, candidates, lo / 64, hi / 64);
	}
	for (size_t k = 0; k < candidates; k++) {
		if (k + PREFETCH_AHEAD < candidates)
			__builtin_prefetch(&s->state[s->candidates[k + PREFETCH_AHEAD]]);
		gather_one(g, s->candidates[k]);
	}
}

static int grow_candidates(search_scratch *s, size_t n)
{
	return grow_pages((void **)&s->candidates, &s->candidate_capacity, n, sizeof *s->candidates);
}

/* Room in s->hits (and s->spare, to sort them) for @n hits. */
static int reserve_hits(search_scratch *s, size_t n)
{
	size_t capacity = s->hit_capacity;
	if (grow_pages((void **)&s->hits, &s->hit_capacity, n + 1, sizeof *s->hits))
		return -1;
	if (s->hit_capacity != capacity) { /* the spare holds nothing between queries */
		cispref__pages_free(s->spare, capacity * sizeof *s->spare, 0);
		if (!(s->spare = cispref__pages_alloc(s->hit_capacity * sizeof *s->spare, 0))) {
			cispref__pages_free(s->hits, s->hit_capacity * sizeof *s->hits, 0);
			s->hits = NULL;
			s->hit_capacity = 0; /* the next query grows both again */
			return -1;
		}
	}
	return 0;
}

/* The hits of the query, ranked, cut at the limit, into @r. */
static int collect_hits(cispref_results **out, search_scratch *s, const cispref_index *index,
                        const query *q, const cispref_search_options *options)
{
	gathering g = {.s = s, .index = index, .options = options, .fields = search_fields(options)};
	g.any = filter_is_empty(&options->filter, g.fields);
	g.end = g.fields & CISPREF_MASK(CISPREF_HIT_CONCEPT) ? index->entry_count
	                                                    : index->text_entry_count;
	g.keys_and = UINT32_MAX;
	clause_span spans[MAX_QUERY_WORDS];
	size_t first;
	if (find_matches(s, index, q, spans, &first, &g.required_count) != 0)
		return CISPREF_ENOMEM;
	/* With a limit, field after field: the hits of a field rank before those of the
	 * next, so that once a field ends with enough hits, the others cannot enter. A
	 * query for 20 of 25 000 hits then reads the postings of titles and summary
	 * entries, not of 500 000 items. */
	for (int f = CISPREF_HIT_TITLE; f <= CISPREF_HIT_CONCEPT; f++) {
		size_t end = options->limit ? index->field_start[f + 1] : g.end;
		int in_order;
		size_t candidates = apply_range(s, index, q, spans, first, (uint32_t)end, &in_order);
		if (reserve_hits(s, g.count + candidates) != 0) {
			clear_candidates(s, candidates);
			return CISPREF_ENOMEM;
		}
		gather_hits(&g, candidates, in_order);
		if (end >= g.end || (options->limit && g.count >= options->limit))
			break;
	}
	size_t n = g.count;
	const digit_counts *counts = &g.counts;
	if (options->limit && n > options->limit) {
		n = select_best(s->hits, n, options->limit, g.counts.high);
		counts = NULL; /* they count the hits before the cut */
	}
	sort_ranked(s->hits, s->spare, n, g.keys_or ^ g.keys_and, counts);
	cispref_results *r = results_new(index, n);
	if (!r)
		return CISPREF_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		r->hits[i] = (cispref_hit){s->hits[i].entry, (uint32_t)i};
		r->matched[i] = (uint8_t)(UINT8_MAX - KEY_LOW(s->hits[i].key));
	}
	*out = r;
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
	cispref_results *r = NULL;
	rc = s ? collect_hits(&r, s, index, &q, options) : CISPREF_ENOMEM;
	if (s)
		give_scratch(index, s, slot);
	query_free(&q);
	if (rc) {
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
	if (r->paths)
		cispref__pages_free(r->paths, path_groups(r) * sizeof *r->paths, 0);
	free(r);
}

const char *cispref_hit_field_name(cispref_hit_field_t field)
{
	static const char *const names[] = {"title", "summary", "item", "concept"};
	return (unsigned)field < sizeof names / sizeof *names ? names[field] : NULL;
}

cispref_hit_field_t cispref_hit_field(const cispref_hit *hit)
{
	return hit ? hit_entry(hit)->field : CISPREF_HIT_TITLE;
}

const char *cispref_hit_text(const cispref_hit *hit)
{
	return hit ? hit_entry(hit)->text : NULL;
}

const char *cispref_hit_id(const cispref_hit *hit)
{
	return hit ? ((const node *)hit_entry(hit)->node)->id : NULL;
}

size_t cispref_hit_matched_words(const cispref_hit *hit)
{
	return hit ? results_of(hit)->matched[hit->position] : 0;
}

const char *cispref_hit_path(const cispref_hit *hit)
{
	if (!hit)
		return NULL;
	/* Built on first use: most callers read the paths of a few hits only (a table of
	 * them all, zeroed for each query, cost a tenth of a median query of bench/run.sh).
	 * The results belong to one thread at a time, so writing the cache here needs no
	 * lock. */
	cispref_results *r = results_of(hit);
	if (!r->arena) {
		const char ***paths = cispref__pages_alloc(path_groups(r) * sizeof *paths, 0);
		if (!paths || !(r->arena = cispref__arena_new())) {
			cispref__pages_free(paths, path_groups(r) * sizeof *paths, 0);
			return NULL;
		}
		r->paths = paths;
	}
	const char ***group = &r->paths[hit->position / PATH_GROUP];
	if (!*group && !(*group = cispref__arena_alloc(r->arena, PATH_GROUP * sizeof **group)))
		return NULL;
	const char **path = &(*group)[hit->position % PATH_GROUP];
	if (!*path)
		*path = hit_path(r->arena, hit);
	return *path;
}

const cispref_domain *cispref_hit_domain(const cispref_hit *hit)
{
	return hit ? (cispref_domain *)entry_domain(hit_entry(hit)) : NULL;
}

const cispref_concept *cispref_hit_concept(const cispref_hit *hit)
{
	return hit && hit_entry(hit)->field == CISPREF_HIT_CONCEPT
		? (cispref_concept *)hit_entry(hit)->node : NULL;
}

const cispref_item *cispref_hit_item(const cispref_hit *hit)
{
	return hit && hit_entry(hit)->field == CISPREF_HIT_ITEM ? (cispref_item *)hit_entry(hit)->node : NULL;
}

const cispref_summary_entry *cispref_hit_summary_entry(const cispref_hit *hit)
{
	return hit && hit_entry(hit)->field == CISPREF_HIT_SUMMARY
		? (cispref_summary_entry *)hit_entry(hit)->node : NULL;
}

const cispref_competence *cispref_hit_competence(const cispref_hit *hit)
{
	if (!hit)
		return NULL;
	switch (hit_entry(hit)->field) {
	case CISPREF_HIT_TITLE: return (cispref_competence *)hit_entry(hit)->node;
	case CISPREF_HIT_SUMMARY: return cispref_summary_entry_competence(hit_entry(hit)->node);
	case CISPREF_HIT_ITEM: return ((const cispref_item *)hit_entry(hit)->node)->competence;
	default: return NULL;
	}
}

const cispref_plan *cispref_hit_plan(const cispref_hit *hit)
{
	if (!hit || hit_entry(hit)->field == CISPREF_HIT_SUMMARY || hit_entry(hit)->field == CISPREF_HIT_CONCEPT)
		return NULL;
	return cispref_hit_competence(hit)->plan;
}
