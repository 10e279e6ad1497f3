/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Fuzz target: XML import from memory.
 *
 * Input: one option byte, then the document. Bit 0 of the option byte picks
 * CISPREF_LOAD_LENIENT (set) or CISPREF_LOAD_DEFAULT, so that both the structural reader
 * and the strict validation that follows it are exercised. Bit 1 loads through
 * cispref_referential_load_memory() with one tight limit (otherwise with the default
 * limits, given as NULL options for a strict load): bits 2-3 pick
 * which (none, so no limit at all; text length; elements; input size) and bits 4-7 its
 * size, so that every limit is reached at every place of a document.
 *
 * Beyond "no crash, no leak", the target checks the contract of the error record: on
 * failure the referential is left untouched, the code is the one returned and the texts
 * are NUL-terminated within their arrays; on success every count agrees with the nodes,
 * and the document kept within the limits it was given. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cispref/cispref.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const uint8_t options_byte = data[0];
	const char *xml = (const char *)data + 1;
	size_t xml_size = size - 1;

	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.flags = (options_byte & 1) ? CISPREF_LOAD_LENIENT : CISPREF_LOAD_DEFAULT;
	size_t scale = options_byte >> 4;
	switch ((options_byte >> 2) & 3) {
	case 0: /* 0 means no limit */
		options.max_input_size = options.max_text_length = options.max_elements = 0;
		break;
	case 1:
		options.max_text_length = scale * 8;
		break;
	case 2:
		options.max_elements = scale * 4 + 1;
		break;
	case 3:
		options.max_input_size = scale * 256;
		break;
	}

	/* A sentinel that a failed load must leave alone. */
	cispref_referential *const untouched = (cispref_referential *)&options;
	cispref_referential *ref = untouched;
	cispref_error error;
	memset(&error, 0xA5, sizeof error);
	cispref_load_options defaults;
	cispref_load_options_init(&defaults);
	defaults.flags = options.flags;
	const cispref_load_options *chosen = (options_byte & 2) ? &options
	                                     : (options_byte & 1) ? &defaults
	                                                          : NULL;
	int rc = cispref_referential_load_memory(&ref, xml, xml_size, "fuzz.xml", chosen, &error);
	if (rc != CISPREF_OK) {
		FUZZ_CHECK(rc < 0 && strcmp(cispref_status_tag(rc), "unknown-error") != 0);
		FUZZ_CHECK(ref == untouched);
		FUZZ_CHECK(error.code == rc);
		FUZZ_CHECK(memchr(error.text, '\0', sizeof error.text) != NULL);
		FUZZ_CHECK(memchr(error.source, '\0', sizeof error.source) != NULL);
		FUZZ_CHECK(error.text[0] != '\0');
		return 0;
	}
	FUZZ_CHECK(ref != NULL && ref != untouched);
	fuzz_stats st = fuzz_walk(ref);
	if (options_byte & 2) {
		/* The referential element holds the nodes, hence the + 1. */
		if (options.max_elements)
			FUZZ_CHECK(st.nodes + 1 <= options.max_elements);
		if (options.max_text_length)
			FUZZ_CHECK(st.longest <= options.max_text_length);
		if (options.max_input_size)
			FUZZ_CHECK(xml_size <= options.max_input_size);
	}
	cispref_referential_free(ref);
	return 0;
}
