/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
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

/* A call that must succeed. */
#define OK(call) assert_int_equal((call), CISPREF_OK)

/* The item kinds, short. */
#define SF CISPREF_ITEM_SAVOIR_FAIRE
#define SFC CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL
#define S CISPREF_ITEM_SAVOIR

/* The number of elements of an array (not of a pointer). */
#define N_ELEMENTS(a) (sizeof(a) / sizeof((a)[0]))

/* A strictly valid referential whose one item's text is cut out: ITEM_HEAD, the text
 * (on line 4), ITEM_TAIL. */
#define ITEM_HEAD                                                                          \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                     \
	"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"mini\" "   \
	"version=\"1\" xml:lang=\"fr\">\n"                                                   \
	"  <title>Mini</title>\n"                                                            \
	"<domain id=\"d\" kind=\"core\"><title>D</title><plan id=\"p\" kind=\"individual\">"  \
	"<title>P</title><competence id=\"c\"><title>C</title><savoir id=\"s\">"
#define ITEM_TAIL "</savoir></competence></plan></domain>\n</referential>\n"

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

/* malloc() for tests: ends the test program when memory runs out, so that the compiler
 * (and the reader) know the result is never NULL afterwards. */
static inline void *malloc_or_exit(size_t size)
{
	void *p = malloc(size);
	if (!p) {
		fprintf(stderr, "out of memory\n");
		exit(1);
	}
	return p;
}

/* That document with @n bytes of 'a' as the item's text, in a buffer of its own (free()
 * it); its length in *@size. */
static inline char *document_with_item_text(size_t n, size_t *size)
{
	size_t head = strlen(ITEM_HEAD), tail = strlen(ITEM_TAIL);
	char *doc = malloc_or_exit(head + n + tail + 1);
	memcpy(doc, ITEM_HEAD, head);
	memset(doc + head, 'a', n);
	memcpy(doc + head + n, ITEM_TAIL, tail + 1);
	*size = head + n + tail;
	return doc;
}

/* Write @text to a new file at @path, replacing any. */
static inline void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* A text the builder takes in place of an empty one, which blank_texts() empties. */
#define BLANK "(blank)"

/* @ref (which this frees) with every text that is #BLANK made empty, as a lenient load
 * gives it: the builder refuses empty titles, item texts, labels and note texts (the
 * validator's rule text-empty), but the writers must still handle them. */
static inline cispref_referential *blank_texts(cispref_referential *ref)
{
	char *xml = NULL;
	size_t size = 0;
	assert_int_equal(cispref_export_buffer(&xml, &size, ref, CISPREF_FORMAT_XML, NULL),
	                 CISPREF_OK);
	cispref_referential_free(ref);
	static const char marker[] = ">" BLANK "<";
	size_t out = 0;
	for (size_t in = 0; in < size;) {
		if (size - in >= sizeof marker - 1 && memcmp(xml + in, marker, sizeof marker - 1) == 0) {
			xml[out++] = '>';
			xml[out++] = '<';
			in += sizeof marker - 1;
		} else {
			xml[out++] = xml[in++];
		}
	}
	cispref_referential *back = NULL;
	cispref_load_options lenient = load_options_with(CISPREF_LOAD_LENIENT);
	assert_int_equal(cispref_referential_load_memory(&back, xml, out, NULL, &lenient, NULL),
	                 CISPREF_OK);
	cispref_buffer_free(xml);
	return back;
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
