/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Fuzz target: the Moodle CSV importer, then the validator and the Moodle export of what
 * it made, read back.
 *
 * Input: one option byte, then the CSV. Bit 0 reads the file as a foreign framework
 * (CISPREF_MOODLE_FOREIGN); bits 1-2 pick the delimiter (detected, ';', tab, ':'); bit 3
 * maps the depths as "competence,item"; bit 4 reads the input as ISO-8859-1; bit 5 sets
 * tight limits (64 rows, 256 bytes a cell).
 *
 * An import either fails with a status the header documents or gives a referential that
 * validates, exports to Moodle CSV (or is refused for an ID number beyond Moodle's 100
 * characters) and whose export imports again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cispref/cispref.h>

#include "fuzz.h"

static void options_from(cispref_moodle_options *o, uint8_t byte)
{
	static const char delimiters[] = {0, ';', '\t', ':'};
	cispref_moodle_options_init(o);
	if (byte & 1)
		o->flags |= CISPREF_MOODLE_FOREIGN;
	o->delimiter = delimiters[(byte >> 1) & 3];
	if (byte & 8)
		o->depths = "competence,item";
	if (byte & 16)
		o->encoding = "ISO-8859-1";
	if (byte & 32) {
		o->max_rows = 64;
		o->max_cell_length = 256;
	}
}

static void export_and_read_back(const cispref_referential *ref)
{
	char *csv = NULL;
	size_t size = 0;
	cispref_error error;
	int rc = cispref_export_buffer(&csv, &size, ref, CISPREF_FORMAT_MOODLE, &error);
	FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_ELIMIT || rc == CISPREF_ENOMEM);
	if (rc)
		return;
	FUZZ_CHECK(strlen(csv) == size);
	cispref_referential *back = NULL;
	cispref_moodle_options o;
	cispref_moodle_options_init(&o);
	o.max_cell_length = 0;
	o.max_rows = 0;
	o.max_input_size = 0;
	rc = cispref_moodle_import_memory(&back, NULL, csv, size, "export", &o, &error);
	if (rc != CISPREF_OK && rc != CISPREF_ENOMEM) {
		fprintf(stderr, "export does not read back: %s (line %lu)\n", error.text, error.line);
		abort();
	}
	cispref_referential_free(back);
	cispref_buffer_free(csv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	cispref_moodle_options o;
	options_from(&o, data[0]);
	cispref_referential *ref = NULL;
	cispref_diagnostics *diags = NULL;
	cispref_error error;
	int rc = cispref_moodle_import_memory(&ref, &diags, (const char *)data + 1, size - 1,
	                                      "fuzz.csv", &o, &error);
	FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_EFORMAT || rc == CISPREF_ELIMIT ||
	           rc == CISPREF_ENOMEM);
	if (rc) {
		FUZZ_CHECK(ref == NULL && error.text[0] != '\0');
		return 0;
	}
	for (size_t i = 0; i < cispref_diagnostics_count(diags); i++)
		fuzz_sink += fuzz_touch(cispref_diagnostic_message(cispref_diagnostics_get(diags, i)));
	cispref_diagnostics_free(diags);
	export_and_read_back(ref);
	cispref_referential_free(ref);
	return 0;
}
