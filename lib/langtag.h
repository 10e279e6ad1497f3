/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* BCP 47 language tags (RFC 5646), split into the parts that OpenDocument's fo:language,
 * fo:script and fo:country name. */
#ifndef CISPREF_LANGTAG_H
#define CISPREF_LANGTAG_H

typedef struct langtag {
	char language[9]; /* primary language subtag in lower case; "" for a private-use or
	                   * grandfathered tag */
	char script[5];   /* ISO 15924 code in title case, or "" */
	char country[3];  /* ISO 3166-1 code in upper case, or "" (a UN M.49 region such as
	                   * "419" is no country) */
	int complete;     /* whether language, script and country say all the tag says */
} langtag;

/* Split @tag. Returns 0 when it is well-formed as RFC 5646 section 2.2.9 defines it (its
 * syntax; the subtags are not looked up in the IANA registry), -1 otherwise (NULL, "",
 * "fr_BE"), with @out all empty. */
int cispref__langtag_parse(langtag *out, const char *tag);

/* The language a rendered document declares for a referential of language @tag: @tag
 * when it is well-formed; "fr" when it is NULL (no language given: the cahier's own
 * headings are French); NULL, no declaration at all, when it is empty (xml:lang="" says
 * that the language is unknown) or not well-formed, which neither HTML's lang nor ODF's
 * dc:language accepts. */
const char *cispref__langtag_document(const char *tag);

/* RFC 4647 section 3.4's lookup of @language (NULL: the document's own, @own): @find is
 * asked for each range in turn, from the tag down to its first subtag, stopping at @own;
 * the first result that is not NULL, else NULL (the document's own text). *@reached_own
 * (when not NULL) tells whether the lookup stopped at @own (or @language is NULL), so
 * that NULL is no fallback. */
typedef const void *(*cispref__langtag_find_fn)(const char *range, const void *data);
const void *cispref__langtag_lookup(const char *own, const char *language,
                                    cispref__langtag_find_fn find, const void *data,
                                    int *reached_own);

#endif
