/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Unicode folding for search, and the one rule of what a word is made of. */
#include <stdlib.h>
#include <utf8proc.h>

#include "fold.h"

int cispref__fold_is_word_char(int32_t c)
{
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

int cispref__fold_words(const char *text, fold_word_cb callback, void *payload)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)text, 0, &folded,
	                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
	                                    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
	                                    UTF8PROC_STRIPMARK);
	if (len < 0)
		return len == UTF8PROC_ERROR_NOMEM ? -2 : -1;
	int rc = 0;
	utf8proc_ssize_t pos = 0, start = -1;
	while (rc == 0 && pos <= len) {
		utf8proc_int32_t c = -1;
		utf8proc_ssize_t step = pos < len ? utf8proc_iterate(folded + pos, len - pos, &c) : 1;
		if (step <= 0)
			step = 1;
		int word = pos < len && cispref__fold_is_word_char(c);
		if (word && start < 0)
			start = pos;
		if (!word && start >= 0) {
			utf8proc_uint8_t saved = folded[pos];
			folded[pos] = '\0';
			rc = callback((const char *)folded + start, (size_t)(pos - start), payload);
			folded[pos] = saved;
			start = -1;
		}
		pos += step;
	}
	free(folded);
	return rc;
}
