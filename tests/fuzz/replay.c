/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A main() for the fuzz targets without libFuzzer: it feeds every file of the given
 * directories (or the given files) to LLVMFuzzerTestOneInput(), once each, in name order.
 * Built with any compiler, it replays the seed corpus and the crashes found so far as an
 * ordinary test, under the sanitizers or valgrind when the build uses them.
 *
 *     replay [-timeout=SECONDS] DIR|FILE...
 *
 * Exits 0 when every input ran (a finding abort()s), 1 when an input cannot be read, a
 * directory holds no input (a corpus that went missing must not pass for an empty one),
 * or an input took longer than -timeout (as libFuzzer's option of that name: a slow
 * input is a finding). The last line names the slowest input. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static double timeout;      /* seconds; 0: none */
static double slowest;
static char slowest_path[4096];
static int too_slow;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t size = 0, capacity = 4096;
	uint8_t *data = malloc(capacity);
	size_t n;
	while (data && (n = fread(data + size, 1, capacity - size, f)) > 0) {
		size += n;
		if (size == capacity) {
			uint8_t *grown = realloc(data, capacity * 2);
			if (!grown) {
				free(data);
				data = NULL;
				break;
			}
			data = grown;
			capacity *= 2;
		}
	}
	int failed = ferror(f) || !data;
	fclose(f);
	if (failed) {
		free(data);
		fprintf(stderr, "replay: cannot read %s\n", path);
		return -1;
	}
	/* libFuzzer hands over a buffer of exactly the input's size: copy to one, so that
	 * a sanitizer catches a read past the end. */
	uint8_t *exact = malloc(size ? size : 1);
	if (!exact) {
		free(data);
		return -1;
	}
	memcpy(exact, data, size);
	free(data);
	double start = now();
	LLVMFuzzerTestOneInput(exact, size);
	double took = now() - start;
	free(exact);
	if (took > slowest) {
		slowest = took;
		snprintf(slowest_path, sizeof slowest_path, "%s", path);
	}
	if (timeout > 0 && took > timeout) {
		fprintf(stderr, "replay: %s took %.1f s, more than -timeout=%g\n", path, took, timeout);
		too_slow = 1;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of @dir, in name order; returns how many ran, or -1. */
static long run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "replay: cannot open %s: %s\n", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t count = 0, capacity = 0;
	struct dirent *entry;
	while ((entry = readdir(d)) != NULL) {
		if (entry->d_name[0] == '.')
			continue;
		if (count == capacity) {
			capacity = capacity ? capacity * 2 : 64;
			char **grown = realloc(names, capacity * sizeof *grown);
			if (!grown)
				break;
			names = grown;
		}
		if (!(names[count] = strdup(entry->d_name)))
			break;
		count++;
	}
	closedir(d);
	if (count)
		qsort(names, count, sizeof *names, by_name);
	long ran = 0;
	for (size_t i = 0; i < count; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(len);
		struct stat st;
		if (path) {
			snprintf(path, len, "%s/%s", dir, names[i]);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
				if (run_file(path) == 0)
					ran++;
				else
					ran = -1;
			}
		}
		free(path);
		free(names[i]);
		if (ran < 0) {
			for (size_t j = i + 1; j < count; j++)
				free(names[j]);
			break;
		}
	}
	free(names);
	return ran;
}

int main(int argc, char **argv)
{
	int first = 1;
	if (argc > 1 && strncmp(argv[1], "-timeout=", 9) == 0) {
		char *end;
		timeout = strtod(argv[1] + 9, &end);
		if (*end || timeout < 0) {
			fprintf(stderr, "replay: bad %s\n", argv[1]);
			return 2;
		}
		first = 2;
	}
	if (argc <= first) {
		fprintf(stderr, "usage: %s [-timeout=SECONDS] DIR|FILE...\n", argv[0]);
		return 2;
	}
	long total = 0;
	for (int i = first; i < argc; i++) {
		struct stat st;
		long ran;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			ran = run_dir(argv[i]);
			if (ran == 0) {
				fprintf(stderr, "replay: %s holds no input\n", argv[i]);
				return 1;
			}
		} else {
			ran = run_file(argv[i]) == 0 ? 1 : -1;
		}
		if (ran < 0)
			return 1;
		total += ran;
	}
	printf("replayed %ld inputs; the slowest, %s, took %.3f s\n", total,
	       slowest_path[0] ? slowest_path : "none", slowest);
	return too_slow;
}
