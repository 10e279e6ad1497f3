/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref-team: the time a team's coverage and training needs take, and the memory a
 * positioning document takes once loaded (bench/README.md, "Positioning").
 *
 *   cispref-team FILE [RUNS]
 *
 * Loads FILE (a positioning document, bench/gen-positioning.py) and the embedded
 * referential once, then RUNS times (11) computes the coverage and the team's needs,
 * and prints the median, best and worst wall-clock times of coverage, needs and both,
 * the load time, the file's size and the growth of the resident size over the load.
 * Output: "key=value" lines. A measurement, not a test: it exits 0 whatever it finds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <cispref/cispref.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The resident size in KiB, from /proc (0 elsewhere). */
static long resident_kib(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = 0, resident = 0;
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
			resident = 0;
		fclose(f);
	}
	return resident * 4;
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *name, double *t, int runs)
{
	qsort(t, (size_t)runs, sizeof *t, compare);
	printf("%s_median_ms=%.2f\n%s_best_ms=%.2f\n%s_worst_ms=%.2f\n", name, t[runs / 2] * 1e3,
	       name, t[0] * 1e3, name, t[runs - 1] * 1e3);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: cispref-team FILE [RUNS]\n");
		return 2;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 11;
	if (runs < 1)
		runs = 1;
	cispref_referential *ref;
	cispref_error error;
	if (cispref_referential_load_default(&ref, &error) != 0) {
		fprintf(stderr, "%s\n", error.text);
		return 1;
	}
	struct stat st;
	long before = resident_kib();
	double t0 = now();
	cispref_positioning *team;
	if (stat(argv[1], &st) != 0 ||
	    cispref_positioning_load_file(&team, argv[1], NULL, &error) != 0) {
		fprintf(stderr, "cannot load %s: %s\n", argv[1], error.text);
		return 1;
	}
	double load = now() - t0;
	long after = resident_kib();
	printf("file=%s\nfile_bytes=%lld\npersons=%zu\nratings=%zu\nload_ms=%.2f\n"
	       "resident_growth_kib=%ld\nfile_kib=%lld\n",
	       argv[1], (long long)st.st_size, cispref_positioning_person_count(team),
	       cispref_positioning_rating_count(team), load * 1e3, after - before,
	       (long long)st.st_size / 1024);
	double *cov_t = calloc((size_t)runs, sizeof *cov_t);
	double *needs_t = calloc((size_t)runs, sizeof *needs_t);
	double *both_t = calloc((size_t)runs, sizeof *both_t);
	size_t uncovered = 0, needs_count = 0;
	for (int r = 0; cov_t && needs_t && both_t && r < runs; r++) {
		cispref_coverage *cov;
		cispref_needs *needs;
		double a = now();
		if (cispref_coverage_new(&cov, team, ref) != 0)
			return 1;
		double b = now();
		if (cispref_needs_new(&needs, team, ref, NULL) != 0)
			return 1;
		double c = now();
		uncovered = cispref_coverage_uncovered_count(cov);
		needs_count = cispref_needs_count(needs);
		cispref_needs_free(needs);
		cispref_coverage_free(cov);
		cov_t[r] = b - a;
		needs_t[r] = c - b;
		both_t[r] = c - a;
	}
	printf("uncovered=%zu\nneeds=%zu\nruns=%d\n", uncovered, needs_count, runs);
	report("coverage", cov_t, runs);
	report("needs", needs_t, runs);
	report("coverage_and_needs", both_t, runs);
	free(cov_t);
	free(needs_t);
	free(both_t);
	cispref_positioning_free(team);
	cispref_referential_free(ref);
	return 0;
}
