/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A referential in one language: a new referential whose texts are another's in a
 * chosen language (model.h, cispref_referential_translated()), so that every writer and
 * renderer, which read a referential's own texts, writes that language without knowing
 * about translations.
 *
 * It is made by writing the canonical XML with each text in the language
 * (cispref__xml_write_in()) and loading that document back, rather than by a deep copy
 * of the model: the writer and the loader already carry every part of the model
 * (structure, ids, notes, concepts, edition links, identity, the front matter) and are
 * tested to round-trip, whereas a copy would be one more walk to keep in step with the
 * model each time it grows. The cost is a serialisation and a parse, about the time of
 * a load. */
#include <string.h>
#include <strings.h>

#include "langtag.h"
#include "private.h"

/* The load of the document the writer made: lenient, so that a referential loaded
 * leniently (or built in memory) that breaks a rule of the validator still has its
 * translated view, with the same findings; without limits, since the source is in
 * memory already and its texts were checked when they were set. */
static int load_back(cispref_referential **out, xmlBufferPtr xml, cispref_error *error)
{
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.flags = CISPREF_LOAD_LENIENT;
	options.max_input_size = options.max_text_length = 0;
	options.max_elements = options.max_attributes = 0;
	return cispref_referential_load_memory(out, (const char *)xmlBufferContent(xml),
	                                       (size_t)xmlBufferLength(xml), NULL, &options,
	                                       error);
}

/* The canonical XML with each text in @context, the language (NULL: as it is). */
static int write_in(xmlBufferPtr out, const cispref_referential *ref, const void *context,
                    cispref_error *error)
{
	return cispref__xml_write_in(out, ref, context, error);
}

/* Whether @language asks for a view in another language than @ref's own. */
static int other_language(const cispref_referential *ref, const char *language)
{
	return language && !(ref->language && strcasecmp(language, ref->language) == 0);
}

/* Make @view a view of @ref: it keeps the language it came from, and no origin (its
 * lines are those of the document made in memory, not of @ref's file). */
static int mark_view(cispref_referential *view, const cispref_referential *ref,
                     const char *language)
{
	const char *from = other_language(ref, language) ? (ref->language ? ref->language : "")
	                                                 : ref->translated_from;
	view->origin = NULL;
	view->translated_from = from ? cispref__arena_strdup(view->arena, from) : NULL;
	return from && !view->translated_from ? CISPREF_ENOMEM : CISPREF_OK;
}

int cispref_referential_translated(cispref_referential **out, const cispref_referential *ref,
                                   const char *language, cispref_error *error)
{
	langtag tag;
	if (!out || !ref) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	if (language && cispref__langtag_parse(&tag, language) != 0) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0,
		                   "'%.64s' is not a BCP 47 language tag (RFC 5646), such as nl or "
		                   "nl-BE",
		                   language);
		return CISPREF_EARG;
	}
	/* through the export's serialisation, which also fails on what libxml2's writer
	 * only reports (a text it could not escape) */
	int rc;
	cispref_referential *view = NULL;
	xmlBufferPtr xml = cispref__serialise(
		ref, write_in, other_language(ref, language) ? language : NULL, error, &rc);
	if (rc == CISPREF_OK)
		rc = load_back(&view, xml, error);
	xmlBufferFree(xml);
	if (rc == CISPREF_OK && (rc = mark_view(view, ref, language)) != CISPREF_OK) {
		cispref__error_set(error, rc, NULL, 0, 0, "out of memory");
		cispref_referential_free(view);
		return rc;
	}
	if (rc == CISPREF_OK)
		*out = view;
	return rc;
}

const char *cispref_referential_translated_from(const cispref_referential *ref)
{
	return ref ? ref->translated_from : NULL;
}
