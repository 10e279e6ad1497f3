/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The languages a referential's translations are in: those of its nodes' texts
 * (translation.c) and of its title and front matter (fm_translation.c), which both
 * note each language they use in ref->languages. A file of its own so that neither of
 * the two depends on the other. */
#include <string.h>

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
