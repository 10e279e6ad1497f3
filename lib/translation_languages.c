/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The languages a referential's translations are in: those of its nodes' texts
 * (translation.c) and of its title and front matter (fm_translation.c), which both
 * note each language they use in ref->languages. A file of its own so that neither of
 * the two depends on the other. */
#include <string.h>

#include "langtag.h"
#include "private.h"

/* Whether a translation of a node still in the referential, or of a text of the front
 * matter or the title, is in @language. */
static int language_used(const cispref_referential *ref, const char *language)
{
	if (cispref__fm_language_used(ref, language))
		return 1;
	size_t position = 0;
	for (const translation *t; (t = cispref__strmap_next(&ref->translations, &position));)
		if (cispref__translation_first(ref, t->n) == t &&
		    cispref__translation_find(ref, t->n, language))
			return 1;
	return 0;
}

size_t cispref_referential_translation_language_count(const cispref_referential *ref)
{
	size_t count = 0;
	for (size_t i = 0; ref && i < ref->languages.count; i++)
		count += (size_t)language_used(ref, ref->languages.items[i]);
	return count;
}

const char *cispref_referential_translation_language(const cispref_referential *ref,
                                                     size_t index)
{
	for (size_t i = 0; ref && i < ref->languages.count; i++)
		if (language_used(ref, ref->languages.items[i]) && index-- == 0)
			return ref->languages.items[i];
	return NULL;
}

typedef struct fallback_count {
	const cispref_referential *ref;
	const char *language;
	size_t untranslated, total;
} fallback_count;

static void count_fallback(const node *n, void *data)
{
	fallback_count *c = data;
	int found;
	cispref__node_text(c->ref, n, c->language, &found);
	c->untranslated += !found;
	c->total++;
}

static const void *find_in(const char *range, const void *data)
{
	return cispref__fm_find(data, range);
}

/* The title and the texts of the front matter: counted as the nodes' texts are. */
static void count_fm_fallback(const fm_text *t, void *data)
{
	fallback_count *c = data;
	int own = 0;
	const void *found = cispref__langtag_lookup(c->ref->language, c->language, find_in, t, &own);
	c->untranslated += !found && !own;
	c->total++;
}

size_t cispref_referential_untranslated_count(const cispref_referential *ref,
                                              const char *language, size_t *total)
{
	fallback_count c = {ref, language, 0, 0};
	if (ref) {
		cispref__fm_texts(ref, count_fm_fallback, &c);
		cispref__text_nodes(ref, count_fallback, &c);
	}
	if (total)
		*total = c.total;
	return language ? c.untranslated : 0;
}
