/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Fuzz target: search queries on the embedded referential.
 *
 * Input: three option bytes, then the query (UTF-8 or not; it ends at the first NUL).
 *   byte 0: bits 0-2 the item-kind mask, bits 3-4 the domain-kind mask, bit 5 restricts
 *           the search to one domain (the one byte 1 picks), bit 6 gives a filter of
 *           another version, bit 7 exports the results as JSON;
 *   byte 1: bits 0-4 the plan-kind mask, bits 5-7 which domain bit 5 of byte 0 picks
 *           (one past the last names no domain: the search fails with CISPREF_ENOTFOUND);
 *   byte 2: bits 0-6 the limit (0: every hit), bit 7 searches concept labels too.
 * The query goes through the French analysis (folding, ligatures, elision, inclusive
 * pairs and suffixes, hyphenated compounds, stop words, Snowball stems): the dictionary
 * (cispref.dict) holds its pieces (', ’, U+02BC, ·, -e-s, (e)s, œ, stop words). 
 * The referential is loaded and indexed once, on the first input: the index is read-only
 * and every search starts from the same state. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cispref/cispref.h>

#include "fuzz.h"

static cispref_referential *ref;
static cispref_index *idx;

static void release(void)
{
	cispref_index_free(idx);
	cispref_referential_free(ref);
}

static void setup(void)
{
	if (idx)
		return;
	FUZZ_CHECK(cispref_referential_load_default(&ref, NULL) == CISPREF_OK);
	FUZZ_CHECK(cispref_index_new(&idx, ref) == CISPREF_OK);
	/* Freed at exit so that leak checkers see only what a search itself leaves. */
	atexit(release);
}

static void check_hit(const cispref_hit *hit, size_t previous_field)
{
	FUZZ_CHECK(hit != NULL);
	cispref_hit_field_t field = cispref_hit_field(hit);
	FUZZ_CHECK(cispref_hit_field_name(field) != NULL);
	/* Ranked by field first: titles, then summary entries, then items, then concepts. */
	FUZZ_CHECK((size_t)field >= previous_field);
	const char *id = cispref_hit_id(hit);
	FUZZ_CHECK(id != NULL && cispref_referential_node_type(ref, id) != CISPREF_NODE_NONE);
	FUZZ_CHECK(cispref_hit_text(hit) != NULL && cispref_hit_path(hit) != NULL);
	FUZZ_CHECK(cispref_hit_matched_words(hit) >= 1);
	if (field == CISPREF_HIT_CONCEPT) {
		/* in no domain, plan or competence */
		FUZZ_CHECK(cispref_hit_concept(hit) != NULL && cispref_hit_domain(hit) == NULL);
		FUZZ_CHECK(cispref_hit_plan(hit) == NULL && cispref_hit_competence(hit) == NULL);
		FUZZ_CHECK(cispref_hit_item(hit) == NULL && cispref_hit_summary_entry(hit) == NULL);
		FUZZ_CHECK(cispref_referential_node_type(ref, id) == CISPREF_NODE_CONCEPT);
		fuzz_sink += fuzz_touch(cispref_hit_text(hit)) + fuzz_touch(cispref_hit_path(hit));
		return;
	}
	FUZZ_CHECK(cispref_hit_concept(hit) == NULL);
	FUZZ_CHECK(cispref_hit_domain(hit) != NULL);
	FUZZ_CHECK((cispref_hit_item(hit) != NULL) == (field == CISPREF_HIT_ITEM));
	FUZZ_CHECK((cispref_hit_summary_entry(hit) != NULL) == (field == CISPREF_HIT_SUMMARY));
	FUZZ_CHECK((cispref_hit_plan(hit) == NULL) == (field == CISPREF_HIT_SUMMARY));
	if (field != CISPREF_HIT_SUMMARY)
		FUZZ_CHECK(cispref_hit_competence(hit) != NULL);
	fuzz_sink += fuzz_touch(cispref_hit_text(hit)) + fuzz_touch(cispref_hit_path(hit));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	setup();

	cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
	options.filter.item_kinds = data[0] & 7u;
	options.filter.domain_kinds = (data[0] >> 3) & 3u;
	if (data[0] & 32) {
		size_t d = data[1] >> 5;
		/* Any index past the last is one id that names no domain. */
		options.filter.domain_id = d < cispref_referential_domain_count(ref)
			? cispref_domain_id(cispref_referential_domain(ref, d)) : "no-such-domain";
	}
	int no_domain = options.filter.domain_id &&
	                !cispref_referential_find_domain(ref, options.filter.domain_id);
	int bad_version = (data[0] & 64) != 0;
	if (bad_version)
		options.filter.version = CISPREF_FILTER_VERSION + 1;
	options.filter.plan_kinds = data[1] & 31u;
	options.limit = data[2] & 127u;
	if (data[2] & 128)
		options.fields = CISPREF_SEARCH_ALL_FIELDS;

	char *query = malloc(size - 3 + 1);
	FUZZ_CHECK(query != NULL);
	memcpy(query, data + 3, size - 3);
	query[size - 3] = '\0';

	cispref_results *results = NULL;
	cispref_error error;
	int rc = cispref_search(&results, idx, query, &options, &error);
	free(query);
	if (rc != CISPREF_OK) {
		/* an id that names no domain is refused, unless something else is first */
		FUZZ_CHECK(rc == CISPREF_EARG || rc == CISPREF_ENOMEM ||
		           (rc == CISPREF_ENOTFOUND && no_domain));
		FUZZ_CHECK(results == NULL && error.code == rc);
		FUZZ_CHECK(memchr(error.text, '\0', sizeof error.text) != NULL);
		return 0;
	}
	FUZZ_CHECK(!bad_version && !no_domain && results != NULL);
	size_t count = cispref_results_count(results);
	FUZZ_CHECK(options.limit == 0 || count <= options.limit);
	size_t previous_field = 0;
	for (size_t i = 0; i < count; i++) {
		const cispref_hit *hit = cispref_results_get(results, i);
		check_hit(hit, previous_field);
		previous_field = (size_t)cispref_hit_field(hit);
	}
	FUZZ_CHECK(cispref_results_get(results, count) == NULL);
	if (data[0] & 128) {
		char *json = NULL;
		size_t json_size = 0;
		rc = cispref_results_export_json(&json, &json_size, results, NULL);
		FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_ENOMEM);
		if (rc == CISPREF_OK)
			FUZZ_CHECK(json != NULL && strlen(json) == json_size);
		cispref_buffer_free(json);
	}
	cispref_results_free(results);
	return 0;
}
