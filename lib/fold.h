/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Folding text for search: case, accents and punctuation do not count. This module also
 * owns the library's one rule for what a word is made of (cispref__fold_is_word_char),
 * which the inclusive-writing scanner uses too, so a word is the same thing to both. */
#ifndef CISPREF_FOLD_H
#define CISPREF_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* Whether the code point @c belongs to a word: a letter, a digit or other number, or a
 * combining mark (a mark belongs to the letter it sits on, so "lé" written with U+0301
 * is one word). Everything else (punctuation, hyphens, spaces, symbols) separates words. */
int cispref__fold_is_word_char(int32_t c);

/* Called with each word of a text, folded (lower case, no accents), NUL-terminated and
 * valid only during the call; a non-zero return stops the walk and is returned. */
typedef int (*fold_word_cb)(const char *word, size_t length, void *payload);

/* Fold @text with utf8proc (NFKD, case folding, marks stripped) and call @callback for
 * each word: each run of characters for which cispref__fold_is_word_char() holds.
 * Returns 0, the callback's value, -1 for invalid UTF-8 or -2 when out of memory. */
int cispref__fold_words(const char *text, fold_word_cb callback, void *payload);

#endif
