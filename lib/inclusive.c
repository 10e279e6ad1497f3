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

/* Why U+2060 WORD JOINER after the hyphen rather than U+2011 NON-BREAKING HYPHEN in its
 * place: the joiner is a default-ignorable format character, which text engines
 * (HarfBuzz under WeasyPrint and Pango, LibreOffice) never draw, so it needs no glyph
 * in any font; the visible hyphen stays the source's character, in every font's glyph,
 * and a PDF's text still reads and searches "la-le". U+2011 needs its own glyph, which
 * some fonts lack (the engine then takes it from another font), and would change the
 * text a reader copies. */
char *cispref__inclusive_unbreakable(arena *a, const char *text)
{
	size_t len = strlen(text);
	/* A pair grows most when "la-le" gets the three bytes of the joiner, and one space
	 * (one byte) becomes U+00A0 (two): never beyond three times the text. */
	char *out = cispref__arena_alloc(a, len * 3 + 1);
	if (!out)
		return NULL;
	char *o = out;
	size_t done = 0;
	inclusive_pair pair;
	while (cispref__inclusive_next(text, done, &pair)) {
		memcpy(o, text + done, pair.separator - done); /* up to "la" */
		o += pair.separator - done;
		const char *sep = text + pair.separator, *end = text + pair.second;
		size_t mark = mark_length(sep);
		memcpy(o, sep, mark);
		o += mark;
		if (*sep == '-' || strncmp(sep, "\xE2\x80\x90", 3) == 0) {
			memcpy(o, "\xE2\x81\xA0", 3); /* U+2060 */
			o += 3;
		}
		for (const char *p = sep + mark; p < end; p += *p == ' ' ? 1 : 2) {
			memcpy(o, "\xC2\xA0", 2); /* U+0020 or U+00A0, as U+00A0 */
			o += 2;
		}
		done = pair.second;
	}
	memcpy(o, text + done, len - done + 1);
	return out;
}

/* ---- Suffixes: "intervenant-e-s", "acteur·trice", "intervenant(e)s" ---- */

/* The feminine endings inclusive writing adds after a word, each with the ending the
 * base word must have for it ("professionnel·le", not "présente-le"): the condition keeps
 * imperatives and compounds ("donne-le", "peut-être") from being read as suffixes. Longest
 * first within a family, so that "·trices" is preferred to "·trice". */
static const struct suffix_rule {
	const char *segment;
	const char *base_ends;
} suffix_rules[] = {
	{"es", ""}, {"e", ""},
	{"nes", "n"}, {"ne", "n"}, {"les", "l"}, {"le", "l"},
	{"tes", "t"}, {"te", "t"}, {"tes", "u"}, {"te", "u"}, /* tout·e·s, tou·te·s */
	{"ses", "x"}, {"se", "x"}, {"ves", "f"}, {"ve", "f"},
	{"trices", "teur"}, {"trice", "teur"}, {"rices", "teur"}, {"rice", "teur"},
	{"euses", "eur"}, {"euse", "eur"},
	{"eres", "er"}, {"ere", "er"}, {"\xC3\xA8res", "er"}, {"\xC3\xA8re", "er"},
};
#define SUFFIX_RULE_COUNT (sizeof suffix_rules / sizeof suffix_rules[0])

/* ASCII case-insensitive: whether @p starts with @s (bytes past ASCII compare as they are). */
static size_t starts_with(const char *p, const char *s)
{
	size_t n = 0;
	for (; s[n]; n++) {
		unsigned char a = (unsigned char)p[n], b = (unsigned char)s[n];
		if (a != b && !(a < 128 && a >= 'A' && a <= 'Z' && a - 'A' + 'a' == b))
			return 0;
	}
	return n;
}

static int base_ends_with(const char *text, size_t base, size_t end, const char *ending)
{
	size_t n = strlen(ending);
	return end - base > n && starts_with(text + end - n, ending) == n;
}

/* After a segment at @q: nothing, a mark then "s", "s" (after a closing parenthesis) or
 * "(s)". Returns the length of that plural mark (0 for none) and sets *@plural. */
static size_t plural_mark(const char *q, int paren, int *plural)
{
	if (paren && starts_with(q, "(s)") && ends_alone(q + 3)) {
		*plural = 1;
		return 3;
	}
	size_t m = paren ? 0 : mark_length(q);
	if ((paren || m) && (q[m] == 's' || q[m] == 'S') && ends_alone(q + m + 1)) {
		*plural = 1;
		return m + 1;
	}
	return 0;
}

/* The suffix of one rule at @p (the mark or parenthesis after the base), or 0. */
static size_t suffix_with(const char *p, const struct suffix_rule *rule, int *plural)
{
	int paren = *p == '(';
	size_t open = paren ? 1 : mark_length(p);
	if (!open)
		return 0;
	size_t seg = starts_with(p + open, rule->segment);
	if (!seg)
		return 0;
	const char *q = p + open + seg;
	if (paren) {
		if (*q != ')')
			return 0;
		q++;
	}
	*plural = rule->segment[strlen(rule->segment) - 1] == 's';
	size_t more = plural_mark(q, paren, plural);
	if (!more && !ends_alone(q))
		return 0;
	return (size_t)(q - p) + more;
}

int cispref__inclusive_suffix(const char *text, size_t base, size_t end, inclusive_suffix *out)
{
	const char *p = text + end;
	int plural = 0;
	size_t best = 0;
	int best_plural = 0;
	if (end < base + 2) /* one letter ("a-e", "x.e") is a label or a range, not a word */
		return 0;
	if (*p != '(' && !mark_length(p)) /* most words: a space or the end follows */
		return 0;
	for (size_t r = 0; r < SUFFIX_RULE_COUNT; r++) {
		if (!base_ends_with(text, base, end, suffix_rules[r].base_ends))
			continue;
		size_t n = suffix_with(p, &suffix_rules[r], &plural);
		if (n > best)
			best = n, best_plural = plural;
	}
	/* "intervenant(s)": the plural alone, in parentheses only (a mark then "s" is too
	 * common elsewhere to be read as one). */
	if (!best && starts_with(p, "(s)") && ends_alone(p + 3))
		best = 3, best_plural = 1;
	if (!best)
		return 0;
	out->length = best;
	out->plural = best_plural;
	return 1;
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
