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
 * is one word). Everything else (punctuation, hyphens, spaces, symbols) separates words,
 * and so does U+02BC, a letter to Unicode but an apostrophe in French text. */
int cispref__fold_is_word_char(int32_t c);

/* @text folded for search: utf8proc's NFKD, case folding and marks stripped, then the
 * ligatures œ and æ written "oe" and "ae". Fills @out (malloc'd, NUL-terminated, the
 * caller frees it) and @length; returns 0, -1 for invalid UTF-8 or -2 when out of memory. */
int cispref__fold(const char *text, char **out, size_t *length);

/* The code point at byte @pos of the folded @text of @length bytes, or -1 at the end or
 * for a stray byte; @step receives the bytes to move on (at least 1). */
int32_t cispref__fold_char_at(const char *text, size_t length, size_t pos, size_t *step);

/* Called with each word of a text, folded (lower case, no accents), NUL-terminated and
 * valid only during the call; a non-zero return stops the walk and is returned. */
typedef int (*fold_word_cb)(const char *word, size_t length, void *payload);

/* Fold @text with cispref__fold() and call @callback for
 * each word: each run of characters for which cispref__fold_is_word_char() holds.
 * Returns 0, the callback's value, -1 for invalid UTF-8 or -2 when out of memory. */
int cispref__fold_words(const char *text, fold_word_cb callback, void *payload);

#endif
