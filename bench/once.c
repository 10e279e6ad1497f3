/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref-once: what a program that loads a referential once sees, one process per
 * measurement (bench/run.sh starts it many times and pairs it with xmllint):
 *
 *   cispref-once load FILE        one load of FILE, nothing else
 *   cispref-once default [N]      the embedded default: the first load of the process,
 *                                 then N more (20), median
 *   cispref-once cycles FILE [N]  N cycles (5) of load, index, a few searches and free,
 *                                 and the resident size after each free (without the
 *                                 index and searches when CISPREF_ONCE_NO_INDEX is set)
 *
 * The first load of a process pays for what later ones find ready: pages the kernel
 * must fault in and zero, malloc's first growth, libxml2's and the library's one-time
 * set-up. A benchmark that keeps the best of several loads in one process hides that
 * cost; this program reports it.
 *
 * Times are wall-clock (CLOCK_MONOTONIC) and the process's CPU time
 * (CLOCK_PROCESS_CPUTIME_ID), which other users of a shared machine disturb less. Output:
 * "key=value" lines. */
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <cispref/cispref.h>

static double clock_s(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long long peak_rss(void)
{
	struct rusage ru;
	return getrusage(RUSAGE_SELF, &ru) == 0 ? (long long)ru.ru_maxrss * 1024 : -1;
}

/* Resident size now (Linux /proc/self/statm), bytes, or -1. */
static long long current_rss(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long long size = 0, resident = -1;
	if (!f)
		return -1;
	if (fscanf(f, "%lld %lld", &size, &resident) != 2)
		resident = -1;
	fclose(f);
	return resident < 0 ? -1 : resident * 4096;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int failed(const char *what, int rc, const cispref_error *error)
{
	fprintf(stderr, "cispref-once: %s: %s:%lu:%lu: %s (%s)\n", what, error->source,
	        error->line, error->column, error->text, cispref_status_tag(rc));
	return 1;
}

static size_t item_total(const cispref_referential *ref)
{
	size_t items = 0;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		items += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	return items;
}

static int load_once(const char *path)
{
	long long rss0 = current_rss(), peak0 = peak_rss();
	cispref_referential *ref = NULL;
	cispref_error error;
	double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	int rc = cispref_referential_load_file(&ref, path, NULL, &error);
	double c1 = clock_s(CLOCK_PROCESS_CPUTIME_ID), w1 = clock_s(CLOCK_MONOTONIC);
	if (rc != CISPREF_OK)
		return failed("load", rc, &error);
	printf("items=%zu\n", item_total(ref));
	printf("load_wall_s=%.6f\nload_cpu_s=%.6f\n", w1 - w0, c1 - c0);
	printf("rss_before_bytes=%lld\npeak_rss_before_bytes=%lld\n", rss0, peak0);
	printf("peak_rss_load_bytes=%lld\nrss_load_bytes=%lld\n", peak_rss(), current_rss());
	cispref_referential_free(ref);
	return 0;
}

static int load_default(int runs)
{
	cispref_referential *ref = NULL;
	cispref_error error;
	double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	int rc = cispref_referential_load_default(&ref, &error);
	double c1 = clock_s(CLOCK_PROCESS_CPUTIME_ID), w1 = clock_s(CLOCK_MONOTONIC);
	if (rc != CISPREF_OK)
		return failed("load_default", rc, &error);
	printf("items=%zu\n", item_total(ref));
	cispref_referential_free(ref);
	printf("default_first_wall_s=%.6f\ndefault_first_cpu_s=%.6f\n", w1 - w0, c1 - c0);
	double *warm = calloc((size_t)runs, sizeof *warm);
	if (!warm)
		return 1;
	for (int r = 0; r < runs; r++) {
		w0 = clock_s(CLOCK_MONOTONIC);
		rc = cispref_referential_load_default(&ref, &error);
		warm[r] = clock_s(CLOCK_MONOTONIC) - w0;
		if (rc != CISPREF_OK)
			return failed("load_default", rc, &error);
		cispref_referential_free(ref);
	}
	qsort(warm, (size_t)runs, sizeof *warm, compare_double);
	printf("default_warm_median_s=%.6f\n", warm[runs / 2]);
	free(warm);
	return 0;
}

/* A few searches, so that a cycle allocates what a program that searches does. */
static int search_some(const cispref_index *index)
{
	static const char *const queries[] = {"accompagner", "projet", "parcours formation",
	                                      "équipe", "evaluer", "com"};
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		cispref_results *results = NULL;
		cispref_error error;
		int rc = cispref_search(&results, index, queries[i], NULL, &error);
		if (rc != CISPREF_OK && rc != CISPREF_ENOTFOUND)
			return failed("search", rc, &error);
		cispref_results_free(results);
	}
	return 0;
}

static int cycles(const char *path, int n, int with_index)
{
	printf("rss_baseline_bytes=%lld\n", current_rss());
	for (int i = 1; i <= n; i++) {
		cispref_referential *ref = NULL;
		cispref_index *index = NULL;
		cispref_error error;
		int rc = cispref_referential_load_file(&ref, path, NULL, &error);
		if (rc != CISPREF_OK)
			return failed("load", rc, &error);
		rc = with_index ? cispref_index_new(&index, ref) : CISPREF_OK;
		if (rc != CISPREF_OK) {
			fprintf(stderr, "cispref-once: index: %s\n", cispref_status_tag(rc));
			return 1;
		}
		printf("rss_loaded_%d_bytes=%lld\n", i, current_rss());
		if (index && search_some(index) != 0)
			return 1;
		cispref_index_free(index);
		cispref_referential_free(ref);
		printf("rss_after_free_%d_bytes=%lld\n", i, current_rss());
	}
	printf("cycles=%d\n", n);
#ifdef __GLIBC__
	/* what of it malloc holds as free memory */
	malloc_trim(0);
	printf("rss_after_trim_bytes=%lld\n", current_rss());
#endif
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "load") == 0)
		return load_once(argv[2]);
	if (argc >= 2 && strcmp(argv[1], "default") == 0)
		return load_default(argc >= 3 ? atoi(argv[2]) > 0 ? atoi(argv[2]) : 20 : 20);
	if (argc >= 3 && strcmp(argv[1], "cycles") == 0)
		return cycles(argv[2], argc >= 4 && atoi(argv[3]) > 0 ? atoi(argv[3]) : 5,
		              !getenv("CISPREF_ONCE_NO_INDEX"));
	fprintf(stderr, "usage: cispref-once load FILE | default [N] | cycles FILE [N]\n");
	return 2;
}
