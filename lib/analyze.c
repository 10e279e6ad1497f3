/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The analysis of search (see analyze.h and doc/search.md): French, or another
 * language's stemming. The stemming is Snowball's (libstemmer); elision, compounds and
 * stop words are a few rules of French typography that no Debian library offers on
 * their own, so they are written here. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libstemmer.h>

#include "analyze.h"
#include "fold.h"
#include "inclusive.h"

/* Folded, sorted (strcmp) for bsearch. Articles, prepositions and conjunctions that a
 * query may hold without the text having them in the same form. */
static const char *const stop_words[] = {
	"a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "en", "et",
	"l", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "qu", "que", "qui",
	"sa", "se", "ses", "son", "sur", "un", "une",
};

/* The words French elides before a vowel or a mute h, folded and sorted. */
static const char *const elided_words[] = {
	"c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "s", "t",
};

/* The primary language subtag of the BCP 47 tag @language in lower case, into @out, when
 * it is an ISO 639 code (two or three letters); else "" (NULL, "", a private-use or
 * grandfathered tag, a registered subtag of five to eight letters). */
static void primary_code(const char *language, char out[4])
{
	size_t n = 0;
	while (language && n < 4 && isalpha((unsigned char)language[n]))
		n++;
	if (n < 2 || n > 3 || (language[n] && language[n] != '-')) {
		out[0] = '\0';
		return;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)language[i]);
	out[n] = '\0';
}

/* The code of the analysis for @language: its primary subtag, except that a referential
 * that does not say its language (none, an empty tag, or "und", undetermined, which the
 * Moodle and CASE imports write when the file does not say) gets French, the language of
 * the sector this library serves, rather than no stemming at all. */
static void analysis_code(const char *language, char out[4])
{
	if (!language || !*language || strcasecmp(language, "und") == 0) {
		memcpy(out, "fr", 3);
		return;
	}
	primary_code(language, out);
}

int cispref__analyze_is_french(const char *language)
{
	char code[4];
	analysis_code(language, code);
	return strcmp(code, "fr") == 0;
}

/* strcmp(@entry, the @length bytes of @word), @word holding no '\0': by hand and
 * inline, since the index build asks for every word of every text and a call of
 * strncmp() per step of the search was 8 % of the index build's instructions. */
static inline int compare_entry(const char *entry, const char *word, size_t length)
{
	for (size_t i = 0; i < length; i++)
		if (entry[i] != word[i]) /* an entry that ends first (its '\0') sorts before */
			return (unsigned char)entry[i] < (unsigned char)word[i] ? -1 : 1;
	return entry[length] != '\0'; /* longer than the word: after it */
}

static int in_list(const char *const *list, size_t n, const char *word, size_t length)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = compare_entry(list[mid], word, length);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int cispref__analyze_is_stop_word(const char *word, size_t length)
{
	return in_list(stop_words, sizeof stop_words / sizeof *stop_words, word, length);
}

static int is_elided_word(const char *word, size_t length)
{
	return in_list(elided_words, sizeof elided_words / sizeof *elided_words, word, length);
}

/* ---- the walk ------------------------------------------------------------------ */

typedef struct walk {
	char *text; /* folded */
	size_t length;
	analyze_cb callback;
	void *payload;
	char *word;     /* scratch: the word being given, with room for a plural "s" */
	char *previous; /* the previous word, for the joined form of a compound */
	size_t previous_length;
	unsigned previous_flags;
	int compound;  /* the previous word ended with a hyphen joining it to this one */
	int french;    /* the French rules: elision, stop words, inclusive writing */
	inclusive_pair pair; /* the next article pair, when has_pair */
	int has_pair;
} walk;

/* The character at @pos, and its length in *@step; ASCII here, inline, since the walk
 * reads every character of every text twice (the index build's calls of
 * cispref__fold_char_at() and cispref__fold_is_word_char() were 17 % of it). */
static inline int32_t char_at(const walk *w, size_t pos, size_t *step)
{
	if (pos < w->length && (unsigned char)w->text[pos] < 0x80) {
		*step = 1;
		return (unsigned char)w->text[pos];
	}
	return cispref__fold_char_at(w->text, w->length, pos, step);
}

/* cispref__fold_is_word_char(), ASCII inline. */
static inline int is_word_char(int32_t c)
{
	if (c >= 0 && c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	return cispref__fold_is_word_char(c);
}

static int is_apostrophe(int32_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2BC;
}

static int is_hyphen(int32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Whether the character at @pos is @test's and a word character follows it. */
static int joins(const walk *w, size_t pos, int (*test)(int32_t))
{
	size_t step, next;
	if (!test(char_at(w, pos, &step)))
		return 0;
	return is_word_char(char_at(w, pos + step, &next));
}

static int give(walk *w, const char *word, size_t length, unsigned flags)
{
	return w->callback(word, length, flags, w->payload);
}

/* Give the word of the scratch buffer, and the compound it closes, if any. */
static int give_word(walk *w, size_t length)
{
	w->word[length] = '\0';
	unsigned flags =
		w->french && cispref__analyze_is_stop_word(w->word, length) ? ANALYZE_STOP : 0;
	int rc = give(w, w->word, length, flags);
	if (rc == 0 && w->compound && !(flags & ANALYZE_STOP) &&
	    !(w->previous_flags & ANALYZE_STOP)) {
		memcpy(w->previous + w->previous_length, w->word, length + 1);
		rc = give(w, w->previous, w->previous_length + length, ANALYZE_JOINED);
	}
	memcpy(w->previous, w->word, length + 1);
	w->previous_length = length;
	w->previous_flags = flags;
	return rc;
}

/* An article pair starting at @start: its two words, which are stop words. */
static int give_pair(walk *w, size_t *pos)
{
	const inclusive_pair *p = &w->pair;
	int rc = give(w, "la", 2, ANALYZE_STOP);
	if (rc == 0) {
		memcpy(w->word, w->text + p->second, 2);
		w->word[2] = '\0';
		rc = give(w, w->word, 2, ANALYZE_STOP);
	}
	*pos = p->start + p->length;
	w->compound = 0;
	w->has_pair = cispref__inclusive_next(w->text, *pos, &w->pair);
	return rc;
}

/* The word [start, end): dropped when elided, else given in its base form. */
static int one_word(walk *w, size_t start, size_t end, size_t *pos)
{
	size_t step;
	if (w->french && joins(w, end, is_apostrophe) &&
	    is_elided_word(w->text + start, end - start)) {
		char_at(w, end, &step);
		*pos = end + step;
		w->compound = 0;
		return 0;
	}
	size_t length = end - start;
	memcpy(w->word, w->text + start, length);
	inclusive_suffix suffix;
	*pos = end;
	if (w->french && cispref__inclusive_suffix(w->text, start, end, &suffix)) {
		*pos = end + suffix.length;
		if (suffix.plural)
			w->word[length++] = 's';
	}
	int rc = give_word(w, length);
	w->compound = joins(w, *pos, is_hyphen);
	return rc;
}

static int run(walk *w)
{
	size_t pos = 0;
	int rc = 0;
	w->has_pair = w->french && cispref__inclusive_next(w->text, 0, &w->pair);
	while (rc == 0 && pos < w->length) {
		size_t step;
		if (!is_word_char(char_at(w, pos, &step))) {
			/* anything but the one hyphen between two parts ends a compound */
			if (!is_hyphen(char_at(w, pos, &step)) || pos + step >= w->length)
				w->compound = 0;
			pos += step;
			continue;
		}
		while (w->has_pair && w->pair.start < pos) /* a pair inside a word: none */
			w->has_pair = cispref__inclusive_next(w->text, pos, &w->pair);
		if (w->has_pair && w->pair.start == pos) {
			rc = give_pair(w, &pos);
			continue;
		}
		size_t end = pos;
		while (end < w->length && is_word_char(char_at(w, end, &step)))
			end += step;
		rc = one_word(w, pos, end, &pos);
	}
	return rc;
}

int cispref__analyze(const char *text, const char *language, analyze_cb callback,
                     void *payload)
{
	walk w = {0};
	w.french = cispref__analyze_is_french(language);
	int rc = cispref__fold(text, &w.text, &w.length);
	if (rc)
		return rc;
	w.callback = callback;
	w.payload = payload;
	/* a word is at most the text plus its plural "s"; a compound, two of them */
	w.word = malloc(w.length + 2);
	w.previous = malloc(2 * w.length + 4);
	rc = w.word && w.previous ? run(&w) : -2;
	free(w.word);
	free(w.previous);
	free(w.text);
	return rc;
}

/* ---- inflection ---------------------------------------------------------------- */

static int ends_with(const char *word, size_t length, const char *ending)
{
	size_t n = strlen(ending);
	return length >= n && memcmp(word + length - n, ending, n) == 0;
}

size_t cispref__inflection_key(const char *word, size_t length, char *out,
                               const char *language)
{
	if (!cispref__analyze_is_french(language)) { /* no rule: the stem alone decides */
		out[0] = '\0';
		return 0;
	}
	memcpy(out, word, length);
	if (length > 4 && ends_with(out, length, "aux")) { /* sociaux: social */
		out[length - 2] = 'l';
		length--;
	} else if (length > 3 && (out[length - 1] == 's' || out[length - 1] == 'x')) {
		length--;
	}
	for (int i = 0; i < 2 && length > 3 && out[length - 1] == 'e'; i++) /* adaptées */
		length--;
	if (length > 3 && (ends_with(out, length, "ll") || ends_with(out, length, "nn") ||
	                   ends_with(out, length, "tt"))) /* professionnelle */
		length--;
	if (length > 3 && ends_with(out, length, "iv")) /* active: actif */
		out[length - 1] = 'f';
	out[length] = '\0';
	return length;
}

/* ---- stemming ------------------------------------------------------------------ */

struct analyze_stemmer {
	struct sb_stemmer *snowball; /* NULL: a language without a stemmer */
};

analyze_stemmer *cispref__stemmer_new(const char *language)
{
	analyze_stemmer *s = malloc(sizeof *s);
	if (!s)
		return NULL;
	char code[4];
	analysis_code(language, code);
	if (strcmp(code, "fr") == 0) {
		/* NULL only when out of memory: the French algorithm is part of every
		 * libstemmer */
		if (!(s->snowball = sb_stemmer_new("french", "UTF_8"))) {
			free(s);
			return NULL;
		}
		return s;
	}
	/* libstemmer names its algorithms by ISO 639 code too ("nl", "de", "nld"). It
	 * returns NULL both for a language it has no algorithm for, before it allocates
	 * anything, and when an allocation failed, which POSIX's malloc() reports in errno:
	 * only the first means no stemming. */
	errno = 0;
	s->snowball = code[0] ? sb_stemmer_new(code, "UTF_8") : NULL;
	if (!s->snowball && errno == ENOMEM) {
		free(s);
		return NULL;
	}
	return s;
}

void cispref__stemmer_free(analyze_stemmer *stemmer)
{
	if (!stemmer)
		return;
	sb_stemmer_delete(stemmer->snowball);
	free(stemmer);
}

const char *cispref__stem(analyze_stemmer *stemmer, const char *word, size_t length,
                          size_t *stem_length)
{
	if (!stemmer->snowball || length > INT_MAX) { /* no stemmer, or beyond libstemmer's
	                                               * int: left as it is */
		*stem_length = length;
		return word;
	}
	const sb_symbol *stem = sb_stemmer_stem(stemmer->snowball, (const sb_symbol *)word,
	                                        (int)length);
	if (!stem)
		return NULL;
	*stem_length = (size_t)sb_stemmer_length(stemmer->snowball);
	return (const char *)stem;
}
