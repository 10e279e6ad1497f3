/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Search ranks hits without sorting them all and reuses scratch memory kept with the
 * index (lib/search.c). What must not change for it: the hits of a query with a limit
 * of N are the first N of its hits without a limit (doc/search.md, "Ranking"); a
 * query gives the same hits on a fresh index as after many other queries on the same
 * index; more threads at once than the index has scratch areas get the same hits
 * as one thread; and the hits come in rank order however many candidates a query has
 * and however they are spread (search.c gathers a few, more, and many in three ways). */
#include <pthread.h>

#include "test_util.h"

#define THREADS 20 /* more than the index's scratch areas (8) */

static const char *const queries[] = {
	"accompagnement", "a", "e", "pro", "de la", "les outils adaptés", "psycho social",
	"écoute active", "intervenant·e·s", "évaluations", "com", "partenar", "de",
	"projet professionnel", "l'écoute", "social", "s", "mettre en oeuvre", "zzzz",
};
#define QUERY_COUNT (sizeof queries / sizeof *queries)

/* The ids of the hits, one per line, with the field and matched words. */
static char *hits_of(const cispref_index *index, const char *query, size_t limit,
                     unsigned fields)
{
	cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
	options.limit = limit;
	options.fields = fields;
	cispref_results *r = NULL;
	if (cispref_search(&r, index, query, &options, NULL) != CISPREF_OK)
		return NULL;
	size_t n = cispref_results_count(r), size = 1;
	for (size_t i = 0; i < n; i++)
		size += strlen(cispref_hit_id(cispref_results_get(r, i))) + 32;
	char *out = malloc_or_exit(size), *p = out;
	*p = '\0';
	for (size_t i = 0; i < n; i++) {
		const cispref_hit *h = cispref_results_get(r, i);
		p += sprintf(p, "%s %d %zu\n", cispref_hit_id(h), (int)cispref_hit_field(h),
		             cispref_hit_matched_words(h));
	}
	cispref_results_free(r);
	return out;
}

static size_t lines(const char *text)
{
	size_t n = 0;
	for (; *text; text++)
		n += *text == '\n';
	return n;
}

/* The first @n lines of @text. */
static char *first_lines(const char *text, size_t n)
{
	const char *p = text;
	for (size_t i = 0; i < n && *p; i++)
		p = strchr(p, '\n') + 1;
	char *out = malloc_or_exit((size_t)(p - text) + 1);
	memcpy(out, text, (size_t)(p - text));
	out[p - text] = '\0';
	return out;
}

static void test_limit_keeps_the_best_in_rank_order(void **state)
{
	const cispref_index *index = *state;
	for (unsigned f = 0; f < 2; f++) {
		unsigned fields = f ? CISPREF_SEARCH_ALL_FIELDS : 0;
		for (size_t q = 0; q < QUERY_COUNT; q++) {
			char *all = hits_of(index, queries[q], 0, fields);
			assert_non_null(all);
			size_t n = lines(all);
			for (size_t limit = 1; limit <= n + 2; limit++) {
				char *top = hits_of(index, queries[q], limit, fields);
				char *expected = first_lines(all, limit);
				assert_non_null(top);
				assert_string_equal(top, expected);
				free(top);
				free(expected);
			}
			free(all);
		}
	}
}

static void test_same_hits_after_other_queries(void **state)
{
	const cispref_index *used = *state;
	const cispref_referential *ref = cispref_index_referential(used);
	for (size_t q = 0; q < QUERY_COUNT; q++) {
		cispref_index *fresh = NULL;
		assert_int_equal(cispref_index_new(&fresh, ref), CISPREF_OK);
		char *first = hits_of(fresh, queries[q], 0, CISPREF_SEARCH_ALL_FIELDS);
		cispref_index_free(fresh);
		/* the shared index has run every query, many times, before this one */
		for (size_t r = 0; r < 3; r++)
			for (size_t other = 0; other < QUERY_COUNT; other++)
				free(hits_of(used, queries[other], r, 0));
		char *later = hits_of(used, queries[q], 0, CISPREF_SEARCH_ALL_FIELDS);
		assert_non_null(first);
		assert_non_null(later);
		assert_string_equal(first, later);
		free(first);
		free(later);
	}
}

/* ---- rank order at every density ---------------------------------------------------- */

#define SPREAD_ITEMS 20000

/* The words of item @i of the spread referential. Over 20 000 items (a bitmap of 313
 * words), the queries below find: "omega" 40 candidates, out of order (with "omegaz");
 * "gamma" 400, in order (one word); "alpha" about 430, out of order (with "alphabet"),
 * fewer than two a word of the bitmap; "delta" 13 334, out of order (with "deltaplane"),
 * two a word and more. */
static void spread_words(size_t i, char *out, size_t size)
{
	snprintf(out, size, "texte%s%s%s%s%s%s%s", i % 97 == 0 ? " alpha" : "",
	         i % 89 == 3 ? " alphabet" : "", i % 50 == 0 ? " gamma" : "",
	         i % 3 == 0 ? " delta" : "", i % 3 == 1 ? " deltaplane" : "",
	         i % 1000 == 7 ? " omega" : "", i % 1000 == 500 ? " omegaz" : "");
}

static cispref_index *spread_index(void)
{
	static const char head[] =
		"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"m\" "
		"version=\"1\" xml:lang=\"fr\"><title>T</title><domain id=\"d\" kind=\"core\">"
		"<title>D</title><plan id=\"p\" kind=\"individual\"><title>P</title>"
		"<competence id=\"c\"><title>C</title>";
	static const char tail[] = "</competence></plan></domain></referential>";
	size_t size = sizeof head + SPREAD_ITEMS * 96 + sizeof tail, used = 0;
	char *doc = malloc_or_exit(size), words[80];
	used += (size_t)snprintf(doc, size, "%s", head);
	for (size_t i = 0; i < SPREAD_ITEMS; i++) {
		spread_words(i, words, sizeof words);
		used += (size_t)snprintf(doc + used, size - used, "<savoir id=\"s%zu\">%s</savoir>", i, words);
	}
	used += (size_t)snprintf(doc + used, size - used, "%s", tail);
	cispref_referential *ref = NULL;
	cispref_index *index = NULL;
	assert_int_equal(cispref_referential_load_memory(&ref, doc, used, NULL, NULL, NULL), CISPREF_OK);
	assert_int_equal(cispref_index_new(&index, ref), CISPREF_OK);
	free(doc);
	return index;
}

/* Whether the text @words holds the word @w. */
static int holds(const char *words, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = strstr(words, w); p; p = strstr(p + 1, w))
		if (p[-1] == ' ' && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

/* The hits of @query (a word that @longer begins) worked out from doc/search.md,
 * "Ranking": the items that hold the word itself (an exact match) before those that
 * hold only @longer (a prefix match); among the first, those that also hold @longer (two
 * matched words) before the others; each group in document order. */
static char *expected_spread_hits(const char *query, const char *longer)
{
	char *out = malloc_or_exit(SPREAD_ITEMS * 24 + 1), *p = out, words[80];
	*p = '\0';
	for (int group = 0; group < 3; group++)
		for (size_t i = 0; i < SPREAD_ITEMS; i++) {
			spread_words(i, words, sizeof words);
			int exact = holds(words, query), prefix = holds(words, longer);
			int in = group == 0 ? exact && prefix : group == 1 ? exact && !prefix : !exact && prefix;
			if (in)
				p += sprintf(p, "s%zu 2 %d\n", i, exact + prefix);
		}
	return out;
}

static void test_rank_order_at_every_density(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"omega", "omegaz"}, {"gamma", "gammaz"}, {"alpha", "alphabet"}, {"delta", "deltaplane"},
	};
	static const size_t counts[] = {40, 400, 430, 13334};
	cispref_index *index = spread_index();
	for (int round = 0; round < 2; round++) /* again, after the others: bits left set? */
		for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
			char *hits = hits_of(index, cases[c][0], 0, 0);
			char *expected = expected_spread_hits(cases[c][0], cases[c][1]);
			assert_non_null(hits);
			assert_string_equal(hits, expected);
			/* the density each case is there for (the comment of spread_words()) */
			assert_true(lines(hits) + 5 >= counts[c] && lines(hits) <= counts[c] + 5);
			free(hits);
			free(expected);
		}
	const cispref_referential *ref = cispref_index_referential(index);
	cispref_index_free(index);
	cispref_referential_free((cispref_referential *)ref);
}

/* The path of a hit (doc/search.md: domain › plan › competence › item) is right for
 * hits anywhere in a long list, read in any order, and stays the same string. */
static void test_paths_of_a_long_list(void **state)
{
	(void)state;
	cispref_index *index = spread_index();
	cispref_results *r = NULL;
	assert_int_equal(cispref_search(&r, index, "delta", NULL, NULL), CISPREF_OK);
	size_t n = cispref_results_count(r);
	assert_true(n > 13000);
	const size_t at[] = {n - 1, 64, 0, 63, 65, 6666, n - 1, 0};
	const char *first[sizeof at / sizeof *at];
	for (size_t k = 0; k < sizeof at / sizeof *at; k++) {
		const cispref_hit *h = cispref_results_get(r, at[k]);
		char words[80], expected[160];
		size_t item = (size_t)strtoul(cispref_hit_id(h) + 1, NULL, 10); /* "s123" */
		spread_words(item, words, sizeof words);
		snprintf(expected, sizeof expected, "D \xe2\x80\xba P \xe2\x80\xba C \xe2\x80\xba %s", words);
		first[k] = cispref_hit_path(h);
		assert_non_null(first[k]);
		assert_string_equal(first[k], expected);
	}
	assert_ptr_equal(first[0], first[6]); /* built once, kept with the results */
	assert_ptr_equal(first[2], first[7]);
	cispref_results_free(r);
	const cispref_referential *ref = cispref_index_referential(index);
	cispref_index_free(index);
	cispref_referential_free((cispref_referential *)ref);
}

typedef struct worker {
	const cispref_index *index;
	char *const *expected;
	int same;
} worker;

static void *search_all(void *arg)
{
	worker *w = arg;
	w->same = 1;
	for (size_t round = 0; round < 5; round++)
		for (size_t q = 0; q < QUERY_COUNT; q++) {
			char *hits = hits_of(w->index, queries[q], 0, 0);
			w->same &= hits && strcmp(hits, w->expected[q]) == 0;
			free(hits);
		}
	return NULL;
}

static void test_more_threads_than_scratch_areas(void **state)
{
	const cispref_index *index = *state;
	char *expected[QUERY_COUNT];
	for (size_t q = 0; q < QUERY_COUNT; q++)
		assert_non_null(expected[q] = hits_of(index, queries[q], 0, 0));
	pthread_t threads[THREADS];
	worker workers[THREADS];
	for (int t = 0; t < THREADS; t++) {
		workers[t] = (worker){index, expected, 0};
		assert_int_equal(pthread_create(&threads[t], NULL, search_all, &workers[t]), 0);
	}
	for (int t = 0; t < THREADS; t++) {
		assert_int_equal(pthread_join(threads[t], NULL), 0);
		assert_true(workers[t].same);
	}
	for (size_t q = 0; q < QUERY_COUNT; q++)
		free(expected[q]);
}

static int setup(void **state)
{
	cispref_referential *ref = NULL;
	cispref_index *index = NULL;
	if (cispref_referential_load_default(&ref, NULL) != CISPREF_OK ||
	    cispref_index_new(&index, ref) != CISPREF_OK)
		return -1;
	*state = index;
	return 0;
}

static int teardown(void **state)
{
	cispref_index *index = *state;
	const cispref_referential *ref = cispref_index_referential(index);
	cispref_index_free(index);
	cispref_referential_free((cispref_referential *)ref);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limit_keeps_the_best_in_rank_order),
		cmocka_unit_test(test_same_hits_after_other_queries),
		cmocka_unit_test(test_more_threads_than_scratch_areas),
		cmocka_unit_test(test_rank_order_at_every_density),
		cmocka_unit_test(test_paths_of_a_long_list),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
