/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Fuzz target: import, then every exporter (cispref_format_count() of them: XML, JSON,
 * the CSV dialects, XLSX, Moodle, CASE, SKOS, ESCO) and renderer, the validator, and the
 * XML round trip.
 *
 * Input: one option byte, then the document. The document is loaded leniently, so that
 * referentials that break the validator's rules still reach the writers. Bits of the
 * option byte turn off the summary (bit 0), the notes (bit 1) and the index (bit 2) of
 * the cahier, pick the normalised inclusive writing (bit 3), render the first domain only
 * (bit 4) and give the cahier a title of its own (bit 5).
 *
 * A document that loads must export to XML that loads again into an equal referential:
 * a mismatch is a finding, and abort()s. The concept index and search run on it too, as
 * they are built from whatever a document holds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cispref/cispref.h>

#include "fuzz.h"

/* Every renderer, through the buffer API: the stream and path variants share its code. */
static void render_all(const cispref_referential *ref, uint8_t options_byte)
{
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	options.summary = !(options_byte & 1);
	options.notes = !(options_byte & 2);
	options.index = !(options_byte & 4);
	options.inclusive = (options_byte & 8) ? CISPREF_INCLUSIVE_NORMALIZED
	                                       : CISPREF_INCLUSIVE_SOURCE;
	const char *domains[2] = {NULL, NULL};
	if ((options_byte & 16) && cispref_referential_domain_count(ref) > 0) {
		domains[0] = cispref_domain_id(cispref_referential_domain(ref, 0));
		options.domains = domains;
	}
	if (options_byte & 32)
		options.title = "Cahier <fuzz> & \"co\" la-le";

	for (int f = CISPREF_RENDER_HTML; f <= CISPREF_RENDER_MARKDOWN; f++) {
		char *out = NULL;
		size_t size = 0;
		cispref_error error;
		int rc = cispref_render_buffer(&out, &size, ref, (cispref_render_format_t)f, &options,
		                               &error);
		/* A loaded referential always renders; only memory can run out. */
		FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_ENOMEM);
		if (rc == CISPREF_OK) {
			FUZZ_CHECK(out != NULL && out[size] == '\0');
			/* The text formats hold no NUL; the ODT package is binary. */
			if (f != CISPREF_RENDER_ODT)
				FUZZ_CHECK(strlen(out) == size);
		}
		cispref_buffer_free(out);
	}
}

static void validate(const cispref_referential *ref)
{
	cispref_diagnostics *diags = NULL;
	FUZZ_CHECK(cispref_validate(&diags, ref) == CISPREF_OK);
	size_t count = cispref_diagnostics_count(diags), by_severity = 0;
	for (int s = CISPREF_SEVERITY_ERROR; s <= CISPREF_SEVERITY_INFO; s++)
		by_severity += cispref_diagnostics_count_severity(diags, (cispref_severity_t)s);
	FUZZ_CHECK(by_severity == count);
	size_t sum = 0;
	for (size_t i = 0; i < count; i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(diags, i);
		FUZZ_CHECK(d != NULL);
		const char *tag = cispref_diagnostic_tag(d);
		FUZZ_CHECK(tag != NULL && cispref_validator_tag_explain(NULL, tag) != NULL);
		FUZZ_CHECK(cispref_severity_name(cispref_diagnostic_severity(d)) != NULL);
		sum += fuzz_touch(cispref_diagnostic_message(d)) + fuzz_touch(cispref_diagnostic_file(d)) +
		       fuzz_touch(cispref_diagnostic_node_id(d)) + cispref_diagnostic_line(d) +
		       cispref_diagnostic_column(d);
	}
	FUZZ_CHECK(cispref_diagnostics_get(diags, count) == NULL);
	fuzz_sink += sum;
	cispref_diagnostics_free(diags);
}

/* The failures an export to @f may have beside running out of memory (export.h): what
 * the format cannot hold, for a referential that a lenient load kept. */
static int export_may_fail(cispref_format_t f, int rc)
{
	switch (f) {
	case CISPREF_FORMAT_XML: /* beyond what a load with the default limits reads */
	case CISPREF_FORMAT_MOODLE: /* an ID number longer than Moodle's 100 characters */
		return rc == CISPREF_ELIMIT;
	case CISPREF_FORMAT_XLSX: /* beyond a worksheet's limits; its temporary directory */
		return rc == CISPREF_ELIMIT || rc == CISPREF_EIO;
	case CISPREF_FORMAT_SKOS: /* a language Turtle cannot tag, a node without an id */
	case CISPREF_FORMAT_ESCO_CSV:
		return rc == CISPREF_EFORMAT || rc == CISPREF_ELIMIT;
	default:
		return 0;
	}
}

/* Every export format through the buffer API (the stream and path variants share its
 * code): a NUL-terminated buffer of the size given, without a NUL inside but for XLSX,
 * a ZIP package. */
static void export_all(const cispref_referential *ref)
{
	for (size_t i = 0; i < cispref_format_count(); i++) {
		cispref_format_t f = (cispref_format_t)i;
		char *out = NULL;
		size_t size = 0;
		cispref_error error;
		int rc = cispref_export_buffer(&out, &size, ref, f, &error);
		if (rc != CISPREF_OK && rc != CISPREF_ENOMEM && !export_may_fail(f, rc)) {
			fprintf(stderr, "export to %s fails with %s: %s\n", cispref_format_name(f),
			        cispref_status_tag(rc), error.text);
			abort();
		}
		if (rc == CISPREF_OK) {
			FUZZ_CHECK(out != NULL && out[size] == '\0');
			FUZZ_CHECK(f == CISPREF_FORMAT_XLSX ? size > 4 && memcmp(out, "PK", 2) == 0
			                                    : strlen(out) == size);
		}
		cispref_buffer_free(out);
	}
}

/* Export as XML and JSON; the XML must load back into an equal referential. */
static void export_and_reload(const cispref_referential *ref)
{
	char *json = NULL;
	size_t json_size = 0;
	int rc = cispref_export_buffer(&json, &json_size, ref, CISPREF_FORMAT_JSON, NULL);
	FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_ENOMEM);
	if (rc == CISPREF_OK)
		FUZZ_CHECK(json != NULL && strlen(json) == json_size);
	cispref_buffer_free(json);

	char *xml = NULL;
	size_t xml_size = 0;
	rc = cispref_export_buffer(&xml, &xml_size, ref, CISPREF_FORMAT_XML, NULL);
	FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_ENOMEM);
	if (rc != CISPREF_OK)
		return;
	FUZZ_CHECK(xml != NULL && strlen(xml) == xml_size);
	cispref_referential *again = NULL;
	cispref_error error;
	cispref_load_options lenient = CISPREF_LOAD_OPTIONS_INIT;
	lenient.flags = CISPREF_LOAD_LENIENT;
	rc = cispref_referential_load_memory(&again, xml, xml_size, "export.xml", &lenient,
	                                     &error);
	if (rc != CISPREF_OK) {
		fprintf(stderr, "the exported XML does not load: %lu:%lu: %s\n%s\n", error.line,
		        error.column, error.text, xml);
		abort();
	}
	if (!cispref_referential_equal(ref, again)) {
		fprintf(stderr, "the exported XML loads into another referential:\n%s\n", xml);
		abort();
	}
	/* Canonical form: exporting what was read back gives the same bytes. */
	char *xml2 = NULL;
	size_t xml2_size = 0;
	if (cispref_export_buffer(&xml2, &xml2_size, again, CISPREF_FORMAT_XML, NULL) ==
	    CISPREF_OK) {
		if (xml2_size != xml_size || memcmp(xml, xml2, xml_size) != 0) {
			fprintf(stderr, "exporting twice gives other bytes:\n%s\n---\n%s\n", xml, xml2);
			abort();
		}
	}
	cispref_buffer_free(xml2);
	cispref_referential_free(again);
	cispref_buffer_free(xml);
}

static int count_item(const cispref_item *item, void *payload)
{
	(void)item;
	(*(size_t *)payload)++;
	return 0;
}

/* Build the index, ask every concept query, and search for a competence's own title,
 * which must find that competence. */
static void query_all(const cispref_referential *ref)
{
	size_t items = 0;
	FUZZ_CHECK(cispref_referential_foreach_item(ref, NULL, count_item, &items) == 0);
	size_t total = 0;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		total += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	FUZZ_CHECK(items == total);

	cispref_index *index = NULL;
	int rc = cispref_index_new(&index, ref);
	FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_ENOMEM);
	if (rc != CISPREF_OK)
		return;
	const cispref_concept *top[8];
	size_t used = cispref_index_top_concepts(index, top, 8);
	FUZZ_CHECK(used <= cispref_referential_concept_count(ref));
	for (size_t i = 0; i < used && i < 8; i++) {
		size_t n = cispref_index_concept_item_count(index, top[i]);
		size_t c = cispref_index_concept_competence_count(index, top[i]);
		FUZZ_CHECK(n >= 1 && c >= 1 && c <= n);
		for (size_t j = 0; j < n; j++)
			FUZZ_CHECK(cispref_item_concept(cispref_index_concept_item(index, top[i], j)) == top[i]);
		FUZZ_CHECK(cispref_index_concept_item(index, top[i], n) == NULL);
		FUZZ_CHECK(cispref_index_concept_competence(index, top[i], c - 1) != NULL);
	}
	const cispref_competence *first = NULL;
	for (size_t d = 0; d < cispref_referential_domain_count(ref) && !first; d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		for (size_t p = 0; p < cispref_domain_plan_count(domain) && !first; p++)
			if (cispref_plan_competence_count(cispref_domain_plan(domain, p)) > 0)
				first = cispref_plan_competence(cispref_domain_plan(domain, p), 0);
	}
	if (first) {
		cispref_related related[4];
		size_t n = cispref_index_related_competences(index, first, related, 4);
		for (size_t i = 0; i < n && i < 4; i++)
			FUZZ_CHECK(related[i].competence != first && related[i].shared >= 1);
		cispref_results *results = NULL;
		/* EARG: a title of punctuation only or of more than 32 words. */
		rc = cispref_search(&results, index, cispref_competence_title(first), NULL, NULL);
		FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_EARG || rc == CISPREF_ENOMEM);
		if (rc == CISPREF_OK) {
			int found = 0;
			for (size_t i = 0; i < cispref_results_count(results); i++) {
				const cispref_hit *hit = cispref_results_get(results, i);
				found |= cispref_hit_field(hit) == CISPREF_HIT_TITLE &&
				         cispref_hit_competence(hit) == first;
			}
			FUZZ_CHECK(found);
		}
		cispref_results_free(results);
	}
	cispref_index_free(index);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	cispref_referential *ref = NULL;
	cispref_load_options lenient = CISPREF_LOAD_OPTIONS_INIT;
	lenient.flags = CISPREF_LOAD_LENIENT;
	if (cispref_referential_load_memory(&ref, (const char *)data + 1, size - 1, "fuzz.xml",
	                                    &lenient, NULL) != CISPREF_OK)
		return 0;
	fuzz_walk(ref);
	validate(ref);
	export_and_reload(ref);
	export_all(ref);
	render_all(ref, data[0]);
	query_all(ref);
	cispref_referential_free(ref);
	return 0;
}
