/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Fuzz target: merging a gettext catalogue (cispref_referential_merge_po()) into a small
 * referential built here.
 *
 * Input: one option byte, then the catalogue. Bit 0 gives the language "nl" (else the
 * header's is taken); bit 1 gives "NL-be". libgettextpo reads files only: the catalogue
 * goes through a temporary file.
 *
 * Invariants: a refused catalogue leaves the referential as it was (its XML the same
 * bytes) and gives no report; a merged one gives a report whose lines are lines of the
 * input; the XML of the result loads back, strictly, into an equal referential. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cispref/cispref.h>

#include "fuzz.h"

static cispref_referential *small(void)
{
	cispref_referential *ref = NULL;
	cispref_domain *d = NULL;
	cispref_plan *p = NULL;
	cispref_competence *c = NULL;
	cispref_concept *k = NULL;
	cispref_note *n = NULL;
	FUZZ_CHECK(cispref_referential_new(&ref, "r", "Référentiel") == CISPREF_OK);
	FUZZ_CHECK(cispref_referential_add_domain(&d, ref, "psy", CISPREF_DOMAIN_CORE, "Domaine") == 0);
	FUZZ_CHECK(cispref_domain_add_plan(&p, d, "psy.ind", CISPREF_PLAN_INDIVIDUAL, "Individuel") == 0);
	FUZZ_CHECK(cispref_plan_add_competence(&c, p, "psy.ind.1", "Analyser") == 0);
	FUZZ_CHECK(cispref_competence_add_item(NULL, c, "psy.ind.1.sf.1", CISPREF_ITEM_SAVOIR_FAIRE,
	                                       "Cibler") == 0);
	FUZZ_CHECK(cispref_referential_add_concept(&k, ref, "k", CISPREF_ITEM_SAVOIR, "Savoir") == 0);
	FUZZ_CHECK(cispref_referential_add_note(&n, ref, "n1", "1", "Une note.") == 0);
	return ref;
}

static char *xml_of(const cispref_referential *ref, size_t *size)
{
	char *xml = NULL;
	FUZZ_CHECK(cispref_export_buffer(&xml, size, ref, CISPREF_FORMAT_XML, NULL) == CISPREF_OK);
	return xml;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned options = data[0];
	data++;
	size--;
	char path[] = "/tmp/cispref-fuzz-po-XXXXXX";
	int fd = mkstemp(path);
	FUZZ_CHECK(fd >= 0);
	FUZZ_CHECK(write(fd, data, size) == (ssize_t)size);
	close(fd);
	size_t lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';

	cispref_referential *ref = small();
	size_t before_size;
	char *before = xml_of(ref, &before_size);
	const char *language = options & 1 ? "nl" : options & 2 ? "NL-be" : NULL;
	cispref_diagnostics *report = NULL;
	cispref_error error;
	int rc = cispref_referential_merge_po(ref, path, language, &report, &error);
	unlink(path);
	size_t after_size;
	char *after = xml_of(ref, &after_size);
	if (rc != CISPREF_OK) {
		FUZZ_CHECK(rc != CISPREF_ENOMEM);
		FUZZ_CHECK(report == NULL);
		FUZZ_CHECK(error.line <= lines);
		FUZZ_CHECK(before_size == after_size && memcmp(before, after, before_size) == 0);
	} else {
		FUZZ_CHECK(report != NULL);
		for (size_t i = 0; i < cispref_diagnostics_count(report); i++) {
			const cispref_diagnostic *d = cispref_diagnostics_get(report, i);
			FUZZ_CHECK(cispref_diagnostic_line(d) <= lines);
			fuzz_sink += fuzz_touch(cispref_diagnostic_message(d));
		}
		cispref_referential *again = NULL;
		FUZZ_CHECK(cispref_referential_load_memory(&again, after, after_size, "again.xml", NULL,
		                                           &error) == CISPREF_OK);
		FUZZ_CHECK(cispref_referential_equal(ref, again));
		for (size_t i = 0; i < cispref_referential_translation_language_count(again); i++)
			fuzz_sink += fuzz_touch(cispref_referential_node_text(
				again, "psy.ind.1", cispref_referential_translation_language(again, i)));
		cispref_referential_free(again);
	}
	cispref_diagnostics_free(report);
	cispref_buffer_free(before);
	cispref_buffer_free(after);
	cispref_referential_free(ref);
	return 0;
}
