/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* BCP 47 well-formedness, written by hand: the grammar is twenty lines of RFC 5646, and
 * liblangtag, Debian's library for it, loads the whole IANA registry (an XML file of
 * some 9 000 records) to validate subtags, which the renderers do not need: they only
 * split a tag into the attributes OpenDocument names. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "langtag.h"

#define MAX_SUBTAGS 64

/* RFC 5646 section 2.2.8: the grandfathered tags, which the langtag production does not
 * describe (or describes wrongly: "no-bok" is not "no" with an extlang). */
static const char *const grandfathered[] = {
	"en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon",
	"i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR",
	"sgn-BE-NL", "sgn-CH-DE", "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu",
	"zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
};

typedef struct subtag {
	const char *s;
	size_t len;
} subtag;

static int all(const subtag *t, int (*is)(int))
{
	for (size_t i = 0; i < t->len; i++)
		if (!is((unsigned char)t->s[i]))
			return 0;
	return 1;
}

/* isalpha() and friends follow the locale; tags are ASCII. */
static int ascii_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int ascii_digit(int c) { return c >= '0' && c <= '9'; }
static int ascii_alnum(int c) { return ascii_alpha(c) || ascii_digit(c); }

static int alpha(const subtag *t, size_t min, size_t max)
{
	return t->len >= min && t->len <= max && all(t, ascii_alpha);
}

static int alnum(const subtag *t, size_t min, size_t max)
{
	return t->len >= min && t->len <= max && all(t, ascii_alnum);
}

/* Split at '-': every subtag is 1 to 8 letters or digits. Returns the count, or -1. */
static int split(const char *tag, subtag *out)
{
	int n = 0;
	for (const char *p = tag;; p++) {
		const char *end = strchr(p, '-');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (n == MAX_SUBTAGS)
			return -1;
		out[n] = (subtag){p, len};
		if (!alnum(&out[n], 1, 8))
			return -1;
		n++;
		if (!end)
			return n;
		p = end;
	}
}

/* privateuse = "x" 1*("-" (1*8alphanum)), from subtag @i on. */
static int private_use(const subtag *t, int i, int n)
{
	return i + 1 < n && t[i].len == 1 && tolower((unsigned char)t[i].s[0]) == 'x';
}

static void copy(char *out, size_t size, const subtag *t, int (*change)(int))
{
	size_t n = t->len < size - 1 ? t->len : size - 1;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)change((unsigned char)t->s[i]);
	out[n] = '\0';
}

/* The langtag production of RFC 5646 section 2.1, from its first subtag. */
static int parse_langtag(langtag *out, const subtag *t, int n)
{
	int i = 0, extra = 0;
	if (alpha(&t[0], 2, 3)) {
		i = 1;
		while (i < n && i <= 3 && alpha(&t[i], 3, 3)) /* extlang: at most three */
			i++, extra = 1;
	} else if (alpha(&t[0], 4, 8)) {
		i = 1;
	} else {
		return -1;
	}
	copy(out->language, sizeof out->language, &t[0], tolower);
	if (i < n && alpha(&t[i], 4, 4)) {
		copy(out->script, sizeof out->script, &t[i], tolower);
		out->script[0] = (char)toupper((unsigned char)out->script[0]);
		i++;
	}
	if (i < n && alpha(&t[i], 2, 2)) {
		copy(out->country, sizeof out->country, &t[i], toupper);
		i++;
	} else if (i < n && t[i].len == 3 && all(&t[i], ascii_digit)) {
		extra = 1; /* a UN M.49 region */
		i++;
	}
	/* variants: 5*8alphanum or DIGIT 3alphanum */
	while (i < n && (alnum(&t[i], 5, 8) || (t[i].len == 4 && ascii_digit(t[i].s[0]) &&
	                                         all(&t[i], ascii_alnum))))
		i++, extra = 1;
	/* extensions: a singleton other than x, then 1*("-" 2*8alphanum) */
	while (i < n && t[i].len == 1 && !private_use(t, i, n)) {
		int start = ++i;
		while (i < n && alnum(&t[i], 2, 8))
			i++;
		if (i == start)
			return -1;
		extra = 1;
	}
	if (i < n && private_use(t, i, n)) {
		i = n; /* the split checked that each of them has 1 to 8 alphanumerics */
		extra = 1;
	}
	if (i != n)
		return -1;
	out->complete = !extra;
	return 0;
}

int cispref__langtag_parse(langtag *out, const char *tag)
{
	subtag t[MAX_SUBTAGS];
	memset(out, 0, sizeof *out);
	int n = tag && *tag ? split(tag, t) : -1;
	if (n < 0)
		return -1;
	for (size_t g = 0; g < sizeof grandfathered / sizeof grandfathered[0]; g++)
		if (strcasecmp(tag, grandfathered[g]) == 0)
			return 0; /* nothing that the three attributes can carry */
	if (private_use(t, 0, n))
		return 0;
	if (parse_langtag(out, t, n) == 0)
		return 0;
	memset(out, 0, sizeof *out);
	return -1;
}

const char *cispref__langtag_document(const char *tag)
{
	langtag parts;
	if (!tag)
		return "fr";
	return cispref__langtag_parse(&parts, tag) == 0 ? tag : NULL;
}

/* RFC 4647 section 3.4's lookup: the tag, then the tag cut at its last '-' and so on,
 * the first that is the document's own language or has a translation. */
const void *cispref__langtag_lookup(const char *own, const char *language,
                                    cispref__langtag_find_fn find, const void *data,
                                    int *reached_own)
{
	char range[64];
	if (reached_own)
		*reached_own = !language;
	if (!language || strlen(language) >= sizeof range)
		return NULL;
	strcpy(range, language);
	for (char *cut; range[0]; *cut = '\0') {
		if (strcasecmp(range, own) == 0) {
			if (reached_own)
				*reached_own = 1;
			break;
		}
		const void *found = find(range, data);
		if (found)
			return found;
		if (!(cut = strrchr(range, '-')))
			break;
		if (cut - range >= 2 && cut[-2] == '-') /* a single-letter subtag goes too */
			cut -= 2;
	}
	return NULL;
}
