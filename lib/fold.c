/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Unicode folding for search, and the one rule of what a word is made of. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"

int cispref__fold_is_word_char(int32_t c)
{
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

int cispref__fold(const char *text, char **out, size_t *length)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)text, 0, &folded,
	                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
	                                    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
	                                    UTF8PROC_STRIPMARK);
	if (len < 0)
		return len == UTF8PROC_ERROR_NOMEM ? -2 : -1;
	fold_ligatures((char *)folded, (size_t)len);
	*out = (char *)folded;
	*length = (size_t)len;
	return 0;
}

int32_t cispref__fold_char_at(const char *text, size_t length, size_t pos, size_t *step)
{
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
