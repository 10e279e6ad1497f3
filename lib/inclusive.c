/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The inclusive-writing scanner and normaliser (see inclusive.h). Hand-written: the rule
 * is the library's own (which words, which separators), over utf8proc for code points. */
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "inclusive.h"
#include "private.h"

/* The code point that ends just before @p, or -1 at the start of @text or after a
 * stray byte (texts are valid UTF-8, but a bad one must not make us read before @text). */
static utf8proc_int32_t char_before(const char *text, const char *p)
{
	const char *start = p;
	while (start > text && p - start < 4 && ((unsigned char)start[-1] & 0xC0) == 0x80)
		start--;
	if (start == text)
		return -1;
	start--;
	utf8proc_int32_t c = -1;
	utf8proc_iterate((const utf8proc_uint8_t *)start, p - start, &c);
	return c;
}

static int is_hyphen(utf8proc_int32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

/* "la" stands alone when nothing of a word touches it before; a hyphen before it makes
 * it the pronoun of an imperative ("présente-la au groupe"), not an article. */
static int starts_alone(const char *text, const char *p)
{
	utf8proc_int32_t c = char_before(text, p);
	return c < 0 || (!cispref__fold_is_word_char(c) && !is_hyphen(c));
}

/* Whether no word character starts at @p (the end of a word standing alone). */
static int ends_alone(const char *p)
{
	utf8proc_int32_t c = -1;
	if (!*p)
		return 1;
	utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &c);
	return c < 0 || !cispref__fold_is_word_char(c);
}

/* Length of the mark at @p: - ‐ ‑ . : · */
static size_t mark_length(const char *p)
{
	if (*p == '-' || *p == '.' || *p == ':')
		return 1;
	if (strncmp(p, "\xC2\xB7", 2) == 0)
		return 2;
	if (strncmp(p, "\xE2\x80\x90", 3) == 0 || strncmp(p, "\xE2\x80\x91", 3) == 0)
		return 3;
	return 0;
}

/* Length of the run of spaces (U+0020, U+00A0) at @p. */
static size_t spaces_length(const char *p)
{
	size_t n = 0;
	for (;;) {
		if (p[n] == ' ')
			n += 1;
		else if (strncmp(p + n, "\xC2\xA0", 2) == 0)
			n += 2;
		else
			return n;
	}
}

/* If a pair starts at @p, its length; fills @pair's separator_length. */
static size_t pair_at(const char *text, const char *p, inclusive_pair *pair)
{
	if ((p[0] != 'l' && p[0] != 'L') || p[1] != 'a' || !starts_alone(text, p))
		return 0;
	size_t sep = mark_length(p + 2);
	sep += spaces_length(p + 2 + sep);
	if (!sep)
		return 0;
	const char *q = p + 2 + sep;
	if (strncmp(q, "le", 2) != 0 && strncmp(q, "du", 2) != 0 && strncmp(q, "au", 2) != 0)
		return 0;
	if (!ends_alone(q + 2))
		return 0;
	pair->separator_length = sep;
	return 2 + sep + 2;
}

int cispref__inclusive_next(const char *text, size_t from, inclusive_pair *out)
{
	for (const char *p = text + from; *p; p++) {
		size_t n = pair_at(text, p, out);
		if (n) {
			out->start = (size_t)(p - text);
			out->length = n;
			out->separator = out->start + 2;
			out->second = out->separator + out->separator_length;
			return 1;
		}
	}
	return 0;
}

char *cispref__inclusive_normalize(arena *a, const char *text)
{
	size_t len = strlen(text);
	/* A pair only grows when a one-byte separator becomes the two-byte middle dot. */
	char *out = cispref__arena_alloc(a, len * 2 + 1);
	if (!out)
		return NULL;
	char *o = out;
	size_t done = 0;
	inclusive_pair pair;
	while (cispref__inclusive_next(text, done, &pair)) {
		memcpy(o, text + done, pair.start - done);
		o += pair.start - done;
		*o++ = text[pair.start]; /* "l" or "L" */
		*o++ = 'a';
		memcpy(o, "\xC2\xB7", 2);
		o += 2;
		memcpy(o, text + pair.second, 2);
		o += 2;
		done = pair.start + pair.length;
	}
	memcpy(o, text + done, len - done + 1);
	return out;
}

/* ---- Style names (the public enum of render.h) ---- */

static const char *const style_names[] = {"source", "normalized"};
#define STYLE_COUNT (sizeof style_names / sizeof style_names[0])

const char *cispref_inclusive_style_name(cispref_inclusive_style_t style)
{
	return (unsigned)style < STYLE_COUNT ? style_names[style] : NULL;
}

int cispref_inclusive_style_from_name(cispref_inclusive_style_t *out, const char *name)
{
	for (size_t s = 0; name && out && s < STYLE_COUNT; s++)
		if (strcmp(style_names[s], name) == 0) {
			*out = (cispref_inclusive_style_t)s;
			return CISPREF_OK;
		}
	return CISPREF_EARG;
}
