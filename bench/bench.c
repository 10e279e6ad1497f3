/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref-bench: load, index and search one referential and say how long it took and how
 * much memory it needed.
 *
 *   cispref-bench [--runs N] [--queries FILE] [--limit N] FILE
 *
 * Measures, in this order (the first load comes first so that the process's peak
 * resident size says what a load costs):
 *   - load: cispref_referential_load_file() with the default options, N times; best and
 *     median wall-clock time;
 *   - memory: the process's peak resident size (getrusage ru_maxrss) after the first
 *     load, its growth during that load, and what the loaded referential keeps;
 *   - index: cispref_index_new(), N times; best and median;
 *   - search: every query of the queries file (one "class<TAB>query" a line, as
 *     bench/gen-referential.py writes them; FILE.queries by default), once to warm up,
 *     then once timed, with the default options (every hit, ranked) and again with a
 *     limit; median, 99th percentile and maximum latency in microseconds, per query class
 *     too. Without a queries file, queries are taken from the referential's own texts.
 *
 * It prints a table for people, then "key=value" lines for scripts (bench/run.sh).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include <cispref/cispref.h>

#define MAX_CLASSES 8

typedef struct query {
	char *text;
	int cls; /* index in classes[] */
} query;

static const char *classes[MAX_CLASSES];
static int class_count;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The process's peak resident size so far, in bytes. */
static long long peak_rss(void)
{
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return -1;
	return (long long)ru.ru_maxrss * 1024; /* kilobytes on Linux */
}

/* The process's resident size now, in bytes (Linux: /proc/self/statm), or -1. */
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

/* The nearest-rank percentile @p (0 < p <= 100) of @n sorted values. */
static double percentile(const double *sorted, size_t n, double p)
{
	if (n == 0)
		return 0;
	size_t rank = (size_t)((p / 100.0) * (double)n + 0.999999999);
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return sorted[rank - 1];
}

static double median_of(double *values, size_t n)
{
	qsort(values, n, sizeof *values, compare_double);
	return percentile(values, n, 50);
}

static void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p) {
		fprintf(stderr, "cispref-bench: out of memory\n");
		exit(2);
	}
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

static int class_of(const char *name)
{
	for (int i = 0; i < class_count; i++)
		if (strcmp(classes[i], name) == 0)
			return i;
	if (class_count == MAX_CLASSES)
		return MAX_CLASSES - 1;
	classes[class_count] = xstrdup(name);
	return class_count++;
}

/* ---- queries ------------------------------------------------------------------- */

static query *read_queries(const char *path, size_t *count)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t cap = 1024, n = 0;
	query *q = xmalloc(cap * sizeof *q);
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *tab = strchr(line, '\t');
		const char *cls = "query", *text = line;
		if (tab) {
			*tab = '\0';
			cls = line;
			text = tab + 1;
		}
		if (!*text)
			continue;
		if (n == cap) {
			cap *= 2;
			query *grown = realloc(q, cap * sizeof *q);
			if (!grown) {
				fprintf(stderr, "cispref-bench: out of memory\n");
				exit(2);
			}
			q = grown;
		}
		q[n].text = xstrdup(text);
		q[n].cls = class_of(cls);
		n++;
	}
	fclose(f);
	*count = n;
	return q;
}

/* Without a queries file: words of the referential's own item texts, every so many items,
 * as single words, 3-5 byte prefixes of ASCII words and pairs. */
typedef struct sampler {
	query *q;
	size_t n, want, every, seen;
	char previous[64];
} sampler;

static int sample_item(const cispref_item *item, void *payload)
{
	sampler *s = payload;
	if (s->n == s->want)
		return 1;
	if (s->seen++ % s->every != 0)
		return 0;
	const char *text = cispref_item_text(item);
	/* the longest word of the text: letters of any script, bytes >= 0x80 included */
	const char *best = NULL;
	size_t best_len = 0;
	for (const char *p = text; *p;) {
		const char *start = p;
		while (*p && (((unsigned char)*p >= 0x80 && strncmp(p, "\xc2\xb7", 2) != 0) ||
		              (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			p++;
		if ((size_t)(p - start) > best_len && (size_t)(p - start) < sizeof s->previous) {
			best = start;
			best_len = (size_t)(p - start);
		}
		if (p == start)
			p++;
	}
	if (best_len < 4)
		return 0;
	char word[64];
	memcpy(word, best, best_len);
	word[best_len] = '\0';
	char buf[160];
	switch (s->n % 3) {
	case 0:
		s->q[s->n].text = xstrdup(word);
		s->q[s->n].cls = class_of("word");
		break;
	case 1: {
		/* the first 3 to 5 characters (not bytes: a prefix stays valid UTF-8) */
		size_t chars = 3 + s->n % 3, i = 0;
		for (size_t c = 0; c < chars && word[i]; c++)
			do
				i++;
			while (((unsigned char)word[i] & 0xc0) == 0x80);
		word[i] = '\0';
		s->q[s->n].text = xstrdup(word);
		s->q[s->n].cls = class_of("prefix");
		break;
	}
	default:
		snprintf(buf, sizeof buf, "%s %s", s->previous, word);
		s->q[s->n].text = xstrdup(buf);
		s->q[s->n].cls = class_of("and");
	}
	snprintf(s->previous, sizeof s->previous, "%s", word);
	s->n++;
	return 0;
}

static query *sample_queries(const cispref_referential *ref, size_t want, size_t *count)
{
	size_t total = 0;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		total += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	sampler s = {xmalloc(want * sizeof(query)), 0, want, total / want > 0 ? total / want : 1,
	             0, "formation"};
	for (int round = 0; round < 4 && s.n < want; round++) {
		s.seen = (size_t)round;
		cispref_referential_foreach_item(ref, NULL, sample_item, &s);
	}
	*count = s.n;
	return s.q;
}

/* ---- measures ------------------------------------------------------------------ */

typedef struct stats {
	double median, p99, max, mean;
	size_t n;
} stats;

static stats stats_of(const double *values, size_t n)
{
	stats s = {0, 0, 0, 0, n};
	if (!n)
		return s;
	double *sorted = xmalloc(n * sizeof *sorted);
	memcpy(sorted, values, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, compare_double);
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += sorted[i];
	s.median = percentile(sorted, n, 50);
	s.p99 = percentile(sorted, n, 99);
	s.max = sorted[n - 1];
	s.mean = sum / (double)n;
	free(sorted);
	return s;
}

typedef struct search_run {
	double *us;        /* latency of each query, in microseconds */
	size_t *hits;      /* hits of each query */
	size_t total_hits;
	size_t failed;
} search_run;

static void run_queries(const cispref_index *index, const query *q, size_t n, size_t limit,
                        search_run *out)
{
	cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
	options.limit = limit;
	out->total_hits = 0;
	out->failed = 0;
	for (size_t i = 0; i < n; i++) {
		cispref_results *results = NULL;
		cispref_error error;
		double t0 = now();
		int rc = cispref_search(&results, index, q[i].text, &options, &error);
		size_t hits = rc == CISPREF_OK ? cispref_results_count(results) : 0;
		/* touch what a caller would show, so that lazily built parts are counted */
		for (size_t h = 0; h < hits && h < 20; h++)
			(void)cispref_hit_path(cispref_results_get(results, h));
		cispref_results_free(results);
		double t1 = now();
		if (rc != CISPREF_OK)
			out->failed++;
		out->us[i] = (t1 - t0) * 1e6;
		out->hits[i] = hits;
		out->total_hits += hits;
	}
}

static void print_search(const char *label, const search_run *run, const query *q, size_t n)
{
	stats all = stats_of(run->us, n);
	double *hits = xmalloc((n ? n : 1) * sizeof *hits);
	for (size_t i = 0; i < n; i++)
		hits[i] = (double)run->hits[i];
	stats h = stats_of(hits, n);
	printf("  %-28s median %9.1f us   p99 %9.1f us   max %9.1f us   mean %9.1f us\n", label,
	       all.median, all.p99, all.max, all.mean);
	printf("  %-28s hits per query: median %.0f, p99 %.0f, max %.0f, total %zu\n", "",
	       h.median, h.p99, h.max, run->total_hits);
	double *per = xmalloc((n ? n : 1) * sizeof *per);
	for (int c = 0; c < class_count; c++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (q[i].cls == c)
				per[m++] = run->us[i];
		stats s = stats_of(per, m);
		printf("  %-28s   %-11s %4zu queries: median %9.1f us   p99 %9.1f us\n", "",
		       classes[c], m, s.median, s.p99);
	}
	free(per);
	free(hits);
}

static void print_search_keys(const char *key, const search_run *run, const query *q, size_t n)
{
	stats all = stats_of(run->us, n);
	printf("%s_queries=%zu\n", key, n);
	printf("%s_failed=%zu\n", key, run->failed);
	printf("%s_median_us=%.1f\n", key, all.median);
	printf("%s_p99_us=%.1f\n", key, all.p99);
	printf("%s_max_us=%.1f\n", key, all.max);
	printf("%s_mean_us=%.1f\n", key, all.mean);
	printf("%s_hits_total=%zu\n", key, run->total_hits);
	double *per = xmalloc((n ? n : 1) * sizeof *per);
	for (int c = 0; c < class_count; c++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (q[i].cls == c)
				per[m++] = run->us[i];
		stats s = stats_of(per, m);
		printf("%s_%s_median_us=%.1f\n", key, classes[c], s.median);
		printf("%s_%s_p99_us=%.1f\n", key, classes[c], s.p99);
	}
	free(per);
}

/* The first queries of the process (the warm-up pass): what a program that loads a
 * referential and searches it a few times sees, before caches and scratch memory. */
#define FIRST_QUERIES 50

static void print_first(const double *us, size_t n)
{
	stats s = stats_of(us, n < FIRST_QUERIES ? n : FIRST_QUERIES);
	printf("  %-28s median %9.1f us   p99 %9.1f us   max %9.1f us\n",
	       "search (first 50, cold)", s.median, s.p99, s.max);
}

/* One line per query: number, class, µs with every hit, µs with the limit, hits. */
static void write_times(const char *path, const search_run *full, const search_run *top,
                        const query *q, size_t n)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "cispref-bench: %s: %s\n", path, strerror(errno));
		return;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%zu\t%s\t%.1f\t%.1f\t%zu\n", i, classes[q[i].cls], full->us[i],
		        top->us[i], full->hits[i]);
	fclose(f);
}

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: cispref-bench [--runs N] [--queries FILE] [--limit N] FILE\n"
	        "  --runs N        loads and index builds to time (5)\n"
	        "  --queries FILE  one query a line, 'class<TAB>text' (FILE.queries)\n"
	        "  --limit N       limit of the second search pass (20)\n"
	        "  --times FILE    write each query's times there\n");
}

static double mib(long long bytes)
{
	return (double)bytes / (1024.0 * 1024.0);
}

int main(int argc, char **argv)
{
	/* before anything else allocates: what the bare process holds */
	long long peak_before = peak_rss(), rss_before = current_rss();

	int runs = 5;
	size_t limit = 20;
	const char *path = NULL, *queries_path = NULL, *times_path = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--queries") == 0 && i + 1 < argc)
			queries_path = argv[++i];
		else if (strcmp(argv[i], "--times") == 0 && i + 1 < argc)
			times_path = argv[++i];
		else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc)
			limit = (size_t)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '-' || path) {
			usage(stderr);
			return 2;
		} else
			path = argv[i];
	}
	if (!path || runs < 1) {
		usage(stderr);
		return 2;
	}
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "cispref-bench: %s: %s\n", path, strerror(errno));
		return 1;
	}
	long long file_size = (long long)st.st_size;

	double *load_s = xmalloc((size_t)runs * sizeof(double));
	double *index_s = xmalloc((size_t)runs * sizeof(double));
	double *free_s = xmalloc((size_t)runs * sizeof(double));
	cispref_error error;

	/* 1. first load: time and memory */
	cispref_referential *ref = NULL;
	double t0 = now();
	int rc = cispref_referential_load_file(&ref, path, NULL, &error);
	double t1 = now();
	if (rc != CISPREF_OK) {
		fprintf(stderr, "cispref-bench: %s:%lu:%lu: %s (%s)\n", error.source, error.line,
		        error.column, error.text, cispref_status_tag(rc));
		return 1;
	}
	load_s[0] = t1 - t0;
	long long peak_load = peak_rss(), rss_load = current_rss();

	/* 2. first index: time and memory */
	cispref_index *index = NULL;
	t0 = now();
	rc = cispref_index_new(&index, ref);
	t1 = now();
	if (rc != CISPREF_OK) {
		fprintf(stderr, "cispref-bench: cannot build the index: %s\n", cispref_status_tag(rc));
		return 1;
	}
	index_s[0] = t1 - t0;
	long long peak_index = peak_rss(), rss_index = current_rss();

	size_t competences = cispref_referential_competence_total(ref);
	size_t items = 0;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		items += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	size_t entries = cispref_referential_summary_total(ref);

	/* 3. search */
	size_t nq = 0;
	query *q = NULL;
	char *default_queries = NULL;
	if (!queries_path) {
		default_queries = xmalloc(strlen(path) + sizeof ".queries");
		sprintf(default_queries, "%s.queries", path);
		q = read_queries(default_queries, &nq);
		if (q)
			queries_path = default_queries;
	} else if (!(q = read_queries(queries_path, &nq))) {
		fprintf(stderr, "cispref-bench: %s: %s\n", queries_path, strerror(errno));
		return 1;
	}
	if (!q || nq == 0) {
		free(q);
		q = sample_queries(ref, 1000, &nq);
		queries_path = "(sampled from the referential)";
	}
	search_run full = {xmalloc((nq + 1) * sizeof(double)), xmalloc((nq + 1) * sizeof(size_t)), 0, 0};
	search_run top = {xmalloc((nq + 1) * sizeof(double)), xmalloc((nq + 1) * sizeof(size_t)), 0, 0};
	run_queries(index, q, nq, 0, &full); /* warm-up */
	double *first_us = xmalloc((nq + 1) * sizeof(double));
	memcpy(first_us, full.us, nq * sizeof(double));
	double s0 = now();
	run_queries(index, q, nq, 0, &full);
	double search_total = now() - s0;
	run_queries(index, q, nq, limit, &top);
	long long peak_search = peak_rss();

	t0 = now();
	cispref_index_free(index);
	cispref_referential_free(ref);
	free_s[0] = now() - t0;

	/* 4. the other runs: load, index, free */
	for (int r = 1; r < runs; r++) {
		t0 = now();
		rc = cispref_referential_load_file(&ref, path, NULL, &error);
		t1 = now();
		if (rc != CISPREF_OK) {
			fprintf(stderr, "cispref-bench: run %d: %s\n", r + 1, error.text);
			return 1;
		}
		load_s[r] = t1 - t0;
		t0 = now();
		rc = cispref_index_new(&index, ref);
		t1 = now();
		if (rc != CISPREF_OK) {
			fprintf(stderr, "cispref-bench: run %d: cannot build the index\n", r + 1);
			return 1;
		}
		index_s[r] = t1 - t0;
		t0 = now();
		cispref_index_free(index);
		cispref_referential_free(ref);
		free_s[r] = now() - t0;
	}
	long long peak_end = peak_rss();

	double load_first = load_s[0], index_first = index_s[0];
	double load_best = load_s[0], index_best = index_s[0];
	for (int r = 1; r < runs; r++) {
		if (load_s[r] < load_best)
			load_best = load_s[r];
		if (index_s[r] < index_best)
			index_best = index_s[r];
	}
	double load_median = median_of(load_s, (size_t)runs);
	double index_median = median_of(index_s, (size_t)runs);
	double free_median = median_of(free_s, (size_t)runs);

	long long load_growth = peak_load - peak_before;
	long long kept = rss_load >= 0 && rss_before >= 0 ? rss_load - rss_before : -1;
	long long index_kept = rss_index >= 0 && rss_load >= 0 ? rss_index - rss_load : -1;

	printf("cispref %s — %s\n", cispref_version(), path);
	printf("  file                         %10.1f MiB  (%zu competences, %zu items, %zu summary entries)\n",
	       mib(file_size), competences, items, entries);
	printf("  load (default flags)         best %8.3f s   median %8.3f s   first %8.3f s   (%d runs, %.0f MB/s)\n",
	       load_best, load_median, load_first, runs, (double)file_size / 1e6 / load_best);
	printf("  free                         median %6.3f s\n", free_median);
	printf("  peak RSS after load          %10.1f MiB  (%.2f x file)\n", mib(peak_load),
	       (double)peak_load / (double)file_size);
	printf("  growth of the peak in load   %10.1f MiB  (%.2f x file)\n", mib(load_growth),
	       (double)load_growth / (double)file_size);
	printf("  resident, referential        %10.1f MiB  (%.2f x file)\n", mib(kept),
	       (double)kept / (double)file_size);
	printf("  index build                  best %8.3f s   median %8.3f s   first %8.3f s\n",
	       index_best, index_median, index_first);
	printf("  resident, index              %10.1f MiB;  peak RSS after index %.1f MiB (%.2f x file)\n",
	       mib(index_kept), mib(peak_index), (double)peak_index / (double)file_size);
	printf("  search: %zu queries from %s, %.2f s in all\n", nq, queries_path, search_total);
	print_search("search (every hit)", &full, q, nq);
	char label[64];
	snprintf(label, sizeof label, "search (limit %zu)", limit);
	print_search(label, &top, q, nq);
	print_first(first_us, nq);
	printf("  peak RSS at the end          %10.1f MiB\n", mib(peak_end > peak_search ? peak_end : peak_search));

	printf("\n");
	printf("file=%s\n", path);
	printf("file_bytes=%lld\n", file_size);
	printf("competences=%zu\n", competences);
	printf("items=%zu\n", items);
	printf("summary_entries=%zu\n", entries);
	printf("runs=%d\n", runs);
	printf("load_best_s=%.4f\n", load_best);
	printf("load_median_s=%.4f\n", load_median);
	printf("load_first_s=%.4f\n", load_first);
	printf("free_median_s=%.4f\n", free_median);
	printf("peak_rss_before_bytes=%lld\n", peak_before);
	printf("peak_rss_load_bytes=%lld\n", peak_load);
	printf("load_growth_bytes=%lld\n", load_growth);
	printf("referential_resident_bytes=%lld\n", kept);
	printf("index_best_s=%.4f\n", index_best);
	printf("index_median_s=%.4f\n", index_median);
	printf("index_resident_bytes=%lld\n", index_kept);
	printf("peak_rss_index_bytes=%lld\n", peak_index);
	printf("peak_rss_end_bytes=%lld\n", peak_end > peak_search ? peak_end : peak_search);
	print_search_keys("search", &full, q, nq);
	printf("search_limit=%zu\n", limit);
	print_search_keys("search_limit", &top, q, nq);
	stats first = stats_of(first_us, nq < FIRST_QUERIES ? nq : FIRST_QUERIES);
	printf("search_first50_p99_us=%.1f\n", first.p99);
	printf("search_first50_max_us=%.1f\n", first.max);
	if (times_path)
		write_times(times_path, &full, &top, q, nq);
	free(first_us);

	for (size_t i = 0; i < nq; i++)
		free(q[i].text);
	free(q);
	free(default_queries);
	free(full.us);
	free(full.hits);
	free(top.us);
	free(top.hits);
	free(load_s);
	free(index_s);
	free(free_s);
	return 0;
}
