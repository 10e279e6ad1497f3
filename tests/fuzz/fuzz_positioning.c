/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Fuzz target: the positioning reader, then the validator, the coverage, the needs and
 * their exports against the embedded referential, and the writer, whose output must
 * read back to the same document.
 *
 * Input: one option byte, then the XML. Bit 0 sets tight limits (64 elements, 256 bytes
 * a value, 8 attributes a tag); bit 1 anonymises the exports; bit 2 asks for one
 * person's needs (the first person's) instead of the team's.
 *
 * A load either fails with a status the header documents, with a message, or gives a
 * document that validates, whose results export and whose XML reads back unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cispref/cispref.h>

#include "fuzz.h"

/* The embedded referential, loaded once for the process and freed at its exit (so that
 * leak checkers see nothing left). */
static cispref_referential *kept;

static void free_reference(void)
{
	cispref_referential_free(kept);
	kept = NULL;
}

static cispref_referential *reference(void)
{
	if (!kept) {
		if (cispref_referential_load_default(&kept, NULL) != CISPREF_OK)
			abort();
		atexit(free_reference);
	}
	return kept;
}

static void exports(const cispref_positioning *pos, uint8_t byte)
{
	const cispref_referential *ref = reference();
	unsigned flags = byte & 2 ? CISPREF_TEAM_ANONYMIZE : CISPREF_TEAM_DEFAULT;
	cispref_diagnostics *d = NULL;
	FUZZ_CHECK(cispref_positioning_validate(&d, pos, ref) == CISPREF_OK);
	for (size_t i = 0; i < cispref_diagnostics_count(d); i++)
		fuzz_sink += fuzz_touch(cispref_diagnostic_message(cispref_diagnostics_get(d, i)));
	cispref_diagnostics_free(d);
	cispref_coverage *cov = NULL;
	FUZZ_CHECK(cispref_coverage_new(&cov, pos, ref) == CISPREF_OK);
	const char *person = byte & 4 ? cispref_person_id(cispref_positioning_person(pos, 0)) : NULL;
	cispref_needs *needs = NULL;
	FUZZ_CHECK(cispref_needs_new(&needs, pos, ref, person) == CISPREF_OK);
	for (int format = 0; format <= CISPREF_TEAM_FORMAT_CSV_EXCEL_FR; format++) {
		char *buf = NULL;
		size_t size = 0;
		FUZZ_CHECK(cispref_coverage_export(&buf, &size, cov, (cispref_team_format_t)format,
		                                   flags, NULL) == CISPREF_OK);
		FUZZ_CHECK(strlen(buf) == size);
		cispref_buffer_free(buf);
		FUZZ_CHECK(cispref_needs_export(&buf, &size, needs, (cispref_team_format_t)format,
		                                flags, NULL) == CISPREF_OK);
		FUZZ_CHECK(strlen(buf) == size);
		cispref_buffer_free(buf);
		FUZZ_CHECK(cispref_positioning_export_ratings(&buf, &size, pos,
		                                              (cispref_team_format_t)format, flags,
		                                              NULL) == CISPREF_OK);
		FUZZ_CHECK(strlen(buf) == size);
		cispref_buffer_free(buf);
	}
	cispref_needs_free(needs);
	cispref_coverage_free(cov);
}

static void read_back(const cispref_positioning *pos)
{
	char *xml = NULL, *again = NULL;
	size_t size = 0;
	FUZZ_CHECK(cispref_positioning_write_buffer(&xml, &size, pos, NULL) == CISPREF_OK);
	cispref_positioning *back = NULL;
	cispref_error error;
	if (cispref_positioning_load_memory(&back, xml, size, "written", NULL, &error) != 0) {
		fprintf(stderr, "the written document does not read back: %s (line %lu)\n",
		        error.text, error.line);
		abort();
	}
	FUZZ_CHECK(cispref_positioning_write_buffer(&again, NULL, back, NULL) == CISPREF_OK);
	FUZZ_CHECK(strcmp(xml, again) == 0);
	cispref_buffer_free(again);
	cispref_buffer_free(xml);
	cispref_positioning_free(back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	cispref_load_options options;
	cispref_load_options_init(&options);
	if (data[0] & 1) {
		options.max_elements = 64;
		options.max_text_length = 256;
		options.max_attributes = 8;
	}
	cispref_positioning *pos = NULL;
	cispref_error error;
	int rc = cispref_positioning_load_memory(&pos, (const char *)data + 1, size - 1, "fuzz.xml",
	                                         &options, &error);
	FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_EXML || rc == CISPREF_EFORMAT ||
	           rc == CISPREF_EVERSION || rc == CISPREF_ELIMIT || rc == CISPREF_ENOMEM);
	if (rc) {
		FUZZ_CHECK(pos == NULL && error.text[0] != '\0');
		return 0;
	}
	exports(pos, data[0]);
	read_back(pos);
	cispref_positioning_free(pos);
	return 0;
}
