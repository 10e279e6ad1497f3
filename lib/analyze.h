/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The analysis of search: what the index stores of a text and what a query looks for are
 * the same words, made by this one module (see doc/search.md, "Languages"). It follows
 * the language of the referential searched (a BCP 47 tag): the French rules (elision,
 * stop words, inclusive writing, the inflection key) when its primary subtag is "fr";
 * Snowball's stemmer of that language when libstemmer has one (nl, de, en...); else
 * folding and words only, no stemming. */
#ifndef CISPREF_ANALYZE_H
#define CISPREF_ANALYZE_H

#include <stddef.h>

/* Flags of an analysed word. */
#define ANALYZE_STOP 1u   /* one of the stop words (cispref__analyze_is_stop_word) */
#define ANALYZE_JOINED 2u /* two parts of a hyphenated compound, joined: "psychosocial" */

/* Called with each analysed word, NUL-terminated and valid only during the call; a
 * non-zero return stops the analysis and is returned. */
typedef int (*analyze_cb)(const char *word, size_t length, unsigned flags, void *payload);

/* Analyse @text, in @language: fold it (lib/fold.h: case, accents, œ and æ), cut it into words, drop
 * the elided words (l', d', qu'... before a word, with ', ’ or U+02BC), write a word
 * with an inclusive suffix as its base form (lib/inclusive.h: "intervenant-e-s" is
 * "intervenants", "acteur·trice" is "acteur"), read an article pair ("la-le") as its
 * two words, and after the second part of a hyphenated compound give also the two parts
 * joined ("psycho-social": psycho, social, psychosocial) unless one is a stop word. In
 * another language than French, only the folding, the words and the joined compounds
 * (no word is a stop word, none is elided, no inclusive writing is read). 
 * Returns 0, the callback's value, -1 for invalid UTF-8 or -2 when out of memory. */
int cispref__analyze(const char *text, const char *language, analyze_cb callback,
                     void *payload);

/* Whether the BCP 47 tag @language (or NULL) is French: its primary subtag is "fr". */
int cispref__analyze_is_french(const char *language);

/* Whether the folded @word is one of the stop words of doc/search.md. */
int cispref__analyze_is_stop_word(const char *word, size_t length);

/* A Snowball stemmer (libstemmer). One belongs to one thread at a time. */
typedef struct analyze_stemmer analyze_stemmer;

/* A new stemmer for @language (a BCP 47 tag, or NULL): Snowball's French one for "fr"
 * and its variants, the algorithm libstemmer has for the tag's primary subtag (an ISO
 * 639 code: "nl", "de"...) otherwise, or none, which gives every word as it is. NULL
 * when out of memory. */
analyze_stemmer *cispref__stemmer_new(const char *language);
void cispref__stemmer_free(analyze_stemmer *stemmer);

/* The stem of the folded @word (so that "evaluations" and "évaluation" typed or written
 * share "evalu"), valid until the next call; NULL when out of memory. */
const char *cispref__stem(analyze_stemmer *stemmer, const char *word, size_t length,
                          size_t *stem_length);

/* The word without its endings of number and gender, into @out (room for @length + 1
 * bytes), and its length: a final "aux" becomes "al", else a final "s" or "x" goes; then
 * up to two final "e"; then a doubled final l, n or t is made single, and a final "iv"
 * becomes "if". "professionnelles", "professionnel"; "adaptées", "adapté"; "sociaux",
 * "sociale" have one key each. Never shorter than 3 letters. French only: in another
 * @language every word has the empty key, and a stem match is kept whatever the words. A match by Snowball stem
 * is kept only between words of the same key: the stemmer also joins derived words
 * ("intervenir" and "intervenants", "évaluer" and "évaluations"), which search should
 * not. Hand-written: Snowball has no inflection-only French stemmer. */
size_t cispref__inflection_key(const char *word, size_t length, char *out,
                               const char *language);

#endif
