/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Inclusive writing: the one definition of an article pair ("la-le", "la·du", "la. au",
 * "la le"...), used by the validator (inclusive-writing-mixed), the renderers' normaliser
 * (CISPREF_INCLUSIVE_NORMALIZED) and, later, the search analyser. The definition is
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

#endif
