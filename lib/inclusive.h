/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Inclusive writing: the one definition of an article pair ("la-le", "la·du", "la. au",
 * "la le"...) and of a word's inclusive suffix ("intervenant-e-s", "acteur·trice"), used by the validator (inclusive-writing-mixed), the renderers' normaliser
 * (CISPREF_INCLUSIVE_NORMALIZED) and the search analyser (lib/analyze.c). The definition is
 * documented with CISPREF_INCLUSIVE_NORMALIZED in include/cispref/render.h;
 * tests/test_inclusive.c runs one table of cases against every user. */
#ifndef CISPREF_INCLUSIVE_H
#define CISPREF_INCLUSIVE_H

#include <stddef.h>

#include "arena.h"

/* One article pair, by byte offsets into the scanned text. */
typedef struct inclusive_pair {
	size_t start;            /* "la" or "La" */
	size_t length;           /* from start to the end of the second word */
	size_t separator;        /* the separator as written: start + 2 */
	size_t separator_length; /* a mark (- ‐ ‑ . : ·) then spaces, or spaces alone */
	size_t second;           /* the second word: "le", "du" or "au", two bytes */
} inclusive_pair;

/* The first pair that starts at or after byte @from of the NUL-terminated @text: fills
 * @out and returns 1, or returns 0 when there is none. Pairs never overlap, so scanning
 * again from out->start + out->length finds the next one. A stray byte of invalid UTF-8
 * is never read past the text's ends. */
int cispref__inclusive_next(const char *text, size_t from, inclusive_pair *out);

/* @text with each pair written "la·le" (U+00B7 and no space), a new string in @a, or
 * NULL when out of memory. */
char *cispref__inclusive_normalize(arena *a, const char *text);

/* @text with no line break possible inside a pair, for output laid out in lines (the
 * printed cahier); the text in the model is unchanged. Each space of a pair's separator
 * becomes U+00A0 NO-BREAK SPACE, and U+2060 WORD JOINER follows a hyphen mark ("-",
 * U+2010), after which line breaking would otherwise allow a break: "la-le" →
 * "la-\u2060le", "la- du" → "la-\u2060\u00A0du", "de la du" → "de la\u00A0du". The other
 * marks (".", ":", "·", U+2011) allow no break before a letter. A new string in @a, or
 * NULL when out of memory. */
char *cispref__inclusive_unbreakable(arena *a, const char *text);

/* An inclusive-writing suffix after a word: a mark (- ‐ ‑ . : ·) or a parenthesis, a
 * feminine ending the word's own ending allows ("e", "ne" after n, "le" after l, "te"
 * after t or u, "se" after x, "ve" after f, "trice" or "rice" after "teur", "euse" after
 * "eur", "ère" after "er", each also with "s"), then maybe the plural ("-s", "·s", ".s",
 * ")s", "(s)"); or "(s)" alone. The word has two letters at least, and nothing of a
 * word may follow. Letters compare ASCII-case-insensitively, so folded and source text
 * both work. */
typedef struct inclusive_suffix {
	size_t length; /* bytes, from the end of the base word */
	int plural;    /* it ends with the plural: the base form is the word plus "s" */
} inclusive_suffix;

/* Whether an inclusive suffix follows the word [@base, @end) of the NUL-terminated
 * @text: fills @out and returns 1, or returns 0. "intervenant·e·s" is the word
 * "intervenant" with a plural suffix of 6 bytes. */
int cispref__inclusive_suffix(const char *text, size_t base, size_t end, inclusive_suffix *out);

#endif
