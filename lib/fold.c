/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Unicode folding for search, and the one rule of what a word is made of. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"

int cispref__fold_is_word_char(int32_t c)
{
	if (c >= 0 && c < 0x80) /* ASCII: the letters and digits are its only word characters */
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	/* U+02BC MODIFIER LETTER APOSTROPHE is a letter to Unicode, but French text uses it
	 * as an apostrophe ("lʼécoute"): it separates words, as ' and ’ do. */
	if (c == 0x2BC)
		return 0;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* The ligatures œ and æ, which NFKD leaves whole (they are letters of their own, not
 * compatibility forms), as the two letters people type for them: "oeuvre" finds
 * "œuvre". Both are two bytes in UTF-8, as their replacements, so this is done in place. */
static void fold_ligatures(char *folded, size_t length)
{
	for (char *p = folded; (p = memchr(p, 0xC5, length - (size_t)(p - folded))) != NULL;)
		if (p + 1 < folded + length && (unsigned char)p[1] == 0x93) /* U+0153 œ */
			p[0] = 'o', p[1] = 'e', p += 2;
		else
			p++;
	for (char *p = folded; (p = memchr(p, 0xC3, length - (size_t)(p - folded))) != NULL;)
		if (p + 1 < folded + length && (unsigned char)p[1] == 0xA6) /* U+00E6 æ */
			p[0] = 'a', p[1] = 'e', p += 2;
		else
			p++;
}

#define FOLD_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | \
                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK)

typedef struct folded_text {
	char *data;
	size_t length, capacity;
} folded_text;

static int reserve(folded_text *f, size_t more)
{
	if (f->length + more < f->capacity)
		return 0;
	size_t capacity = (f->length + more) * 2 + 16;
	char *grown = realloc(f->data, capacity);
	if (!grown)
		return -2;
	f->data = grown;
	f->capacity = capacity;
	return 0;
}

/* A run of non-ASCII characters, through utf8proc. Folding the runs between ASCII
 * characters one by one gives what folding the whole text does: an ASCII character is
 * its own decomposition, with combining class 0, so the canonical reordering of marks
 * never moves anything across it. */
static int fold_run(folded_text *f, const utf8proc_uint8_t *run, size_t length)
{
	utf8proc_int32_t small[64], *points = small;
	utf8proc_ssize_t n = utf8proc_decompose_custom(run, (utf8proc_ssize_t)length, small, 64,
	                                               FOLD_OPTIONS, NULL, NULL);
	if (n > 64) {
		if (!(points = malloc((size_t)n * sizeof *points)))
			return -2;
		n = utf8proc_decompose_custom(run, (utf8proc_ssize_t)length, points, n, FOLD_OPTIONS,
		                              NULL, NULL);
	}
	int rc = n < 0 ? (n == UTF8PROC_ERROR_NOMEM ? -2 : -1) : reserve(f, (size_t)n * 4);
	for (utf8proc_ssize_t i = 0; rc == 0 && i < n; i++)
		f->length += (size_t)utf8proc_encode_char(points[i],
		                                          (utf8proc_uint8_t *)f->data + f->length);
	if (points != small)
		free(points);
	return rc;
}

int cispref__fold(const char *text, char **out, size_t *length)
{
	/* Texts are mostly ASCII, whose folding is lower case: only the runs of other
	 * characters go through utf8proc (which takes most of the time of indexing when it
	 * is given whole texts). */
	folded_text f = {NULL, 0, 0};
	const unsigned char *p = (const unsigned char *)text, *end = p + strlen(text);
	int rc = reserve(&f, (size_t)(end - p) + 1);
	while (rc == 0 && *p) {
		if (*p < 0x80) {
			f.data[f.length++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p);
			p++;
			continue;
		}
		const unsigned char *run = p;
		while (*p >= 0x80)
			p++;
		rc = fold_run(&f, run, (size_t)(p - run));
		if (rc == 0)
			rc = reserve(&f, (size_t)(end - p) + 1); /* the rest, if all ASCII */
	}
	if (rc) {
		free(f.data);
		return rc;
	}
	f.data[f.length] = '\0';
	fold_ligatures(f.data, f.length);
	*out = f.data;
	*length = f.length;
	return 0;
}

int32_t cispref__fold_char_at(const char *text, size_t length, size_t pos, size_t *step)
{
	if (pos < length && (unsigned char)text[pos] < 0x80) {
		*step = 1;
		return (unsigned char)text[pos];
	}
	utf8proc_int32_t c = -1;
	utf8proc_ssize_t n = pos < length
		? utf8proc_iterate((const utf8proc_uint8_t *)text + pos, (utf8proc_ssize_t)(length - pos), &c)
		: 1;
	*step = n <= 0 ? 1 : (size_t)n;
	return pos < length ? c : -1;
}

int cispref__fold_words(const char *text, fold_word_cb callback, void *payload)
{
	char *folded = NULL;
	size_t len = 0;
	int rc = cispref__fold(text, &folded, &len);
	if (rc)
		return rc;
	size_t pos = 0, start = (size_t)-1;
	while (rc == 0 && pos <= len) {
		size_t step;
		int32_t c = cispref__fold_char_at(folded, len, pos, &step);
		int word = pos < len && cispref__fold_is_word_char(c);
		if (word && start == (size_t)-1)
			start = pos;
		if (!word && start != (size_t)-1) {
			char saved = folded[pos];
			folded[pos] = '\0';
			rc = callback(folded + start, pos - start, payload);
			folded[pos] = saved;
			start = (size_t)-1;
		}
		pos += step;
	}
	free(folded);
	return rc;
}
