/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Fuzz target: the CASE package importer, then the CASE export of what it made, read
 * back.
 *
 * Input: one option byte, then the JSON. Bit 0 reads the package as a foreign one
 * (CISPREF_CASE_FOREIGN); bit 1 maps the depths as "competence,item"; bit 2 sets a tight
 * limit (4096 JSON values).
 *
 * An import either fails with a status the header documents and a message, or gives a
 * referential whose CASE export imports again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cispref/cispref.h>

#include "fuzz.h"

static void export_and_read_back(const cispref_referential *ref)
{
	char *json = NULL;
	size_t size = 0;
	cispref_error error;
	int rc = cispref_export_buffer(&json, &size, ref, CISPREF_FORMAT_CASE, &error);
	FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_ENOMEM);
	if (rc)
		return;
	FUZZ_CHECK(strlen(json) == size);
	cispref_referential *back = NULL;
	cispref_case_options o = CISPREF_CASE_OPTIONS_INIT;
	o.max_values = 0;
	o.max_input_size = 0;
	rc = cispref_case_import_memory(&back, NULL, json, size, "export", &o, &error);
	if (rc != CISPREF_OK && rc != CISPREF_ENOMEM) {
		fprintf(stderr, "export does not read back: %s\n", error.text);
		abort();
	}
	cispref_referential_free(back);
	cispref_buffer_free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	cispref_case_options o;
	cispref_case_options_init(&o);
	if (data[0] & 1)
		o.flags |= CISPREF_CASE_FOREIGN;
	if (data[0] & 2)
		o.depths = "competence,item";
	if (data[0] & 4)
		o.max_values = 4096;
	cispref_referential *ref = NULL;
	cispref_diagnostics *diags = NULL;
	cispref_error error;
	int rc = cispref_case_import_memory(&ref, &diags, (const char *)data + 1, size - 1,
	                                    "fuzz.json", &o, &error);
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
