/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Search results as JSON, for scripts and the command-line tool. */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "private.h"

static void hit_object(json *j, const cispref_hit *hit)
{
	const cispref_plan *plan = cispref_hit_plan(hit);
	const cispref_competence *comp = cispref_hit_competence(hit);
	cispref__json_open(j, "{");
	cispref__json_key(j, "id", 1);
	cispref__json_string(j, cispref_hit_id(hit));
	cispref__json_key(j, "field", 0);
	cispref__json_string(j, cispref_hit_field_name(cispref_hit_field(hit)));
	cispref__json_key(j, "text", 0);
	cispref__json_string(j, cispref_hit_text(hit));
	cispref__json_key(j, "path", 0);
	const char *path = cispref_hit_path(hit);
	if (!path) /* a hit always has a path: NULL means it could not be built */
		j->failed = 1;
	cispref__json_string(j, path);
	cispref__json_key(j, "matched_words", 0);
	char number[32];
	snprintf(number, sizeof number, "%zu", cispref_hit_matched_words(hit));
	cispref__json_raw(j, number);
	cispref__json_key(j, "domain", 0);
	cispref__json_string(j, cispref_domain_id(cispref_hit_domain(hit)));
	cispref__json_key(j, "plan", 0);
	cispref__json_string(j, plan ? cispref_plan_id(plan) : NULL);
	cispref__json_key(j, "competence", 0);
	cispref__json_string(j, comp ? cispref_competence_id(comp) : NULL);
	cispref__json_close(j, "}", 0);
}

int cispref_results_export_json(char **out, size_t *size, const cispref_results *results,
                                cispref_error *error)
{
	if (!out || !results) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	xml_catch c; /* libxml2 would print its buffer's failures on stderr */
	cispref__xml_catch_begin(&c);
	json j = {cispref__buffer_new(), 0, 0};
	if (!j.out)
		j.failed = 1;
	size_t count = cispref_results_count(results);
	cispref__json_open(&j, "[");
	for (size_t i = 0; i < count; i++) {
		cispref__json_element(&j, i);
		hit_object(&j, cispref_results_get(results, i));
	}
	cispref__json_close(&j, "]", count == 0);
	cispref__json_raw(&j, "\n");
	int rc = cispref__xml_catch_end(&c, j.failed ? CISPREF_ENOMEM : CISPREF_OK, error);
	if (rc) {
		xmlBufferFree(j.out);
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	return cispref__output_buffer(j.out, out, size, error);
}
