/* Small helpers shared by the cmocka test programs. */
#ifndef CISPREF_TEST_UTIL_H
#define CISPREF_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <cispref/cispref.h>

/* Directory of the fixture files (tests/fixtures), given by meson. */
#ifndef FIXTURES_DIR
#error "FIXTURES_DIR must be defined"
#endif

/* The default load options with @flags (#cispref_load_flags_t). */
static inline cispref_load_options load_options_with(unsigned flags)
{
	cispref_load_options options;
	cispref_load_options_init(&options);
	options.flags = flags;
	return options;
}

/* Path of a fixture file, in a static buffer. */
static inline const char *fixture(const char *name)
{
	static char path[4096];
	snprintf(path, sizeof path, "%s/%s", FIXTURES_DIR, name);
	return path;
}

/* Whole content of a file, NUL-terminated, or NULL; free() it. */
static inline char *read_whole_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len - 1 == 0) {
			char *grown = realloc(buf, cap * 2);
			if (!grown) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = grown;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf) {
		buf[len] = '\0';
		if (size)
			*size = len;
	}
	return buf;
}

/* A fresh empty directory under TMPDIR (or /tmp); free() the returned path. */
static inline char *make_temp_dir(void)
{
	const char *base = getenv("TMPDIR");
	char *path = malloc(4096);
	snprintf(path, 4096, "%s/cispref-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(path)) {
		free(path);
		return NULL;
	}
	return path;
}

#endif
