/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The Moodle CSV options: defaults, checks, and the character count both ways need. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moodle_private.h"

void cispref_moodle_options_init(cispref_moodle_options *options)
{
	static const cispref_moodle_options defaults = CISPREF_MOODLE_OPTIONS_INIT;
	if (options)
		*options = defaults;
}

int cispref__moodle_options(cispref_moodle_options *out, const cispref_moodle_options *in,
                            cispref_error *error)
{
	cispref_moodle_options_init(out);
	if (!in)
		return CISPREF_OK;
	if (in->version != CISPREF_MOODLE_OPTIONS_VERSION) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0,
		                   "unknown version %u of cispref_moodle_options", in->version);
		return CISPREF_EARG;
	}
	*out = *in;
	return cispref__refuse_unknown_flags(error, NULL, in->flags, CISPREF_MOODLE_FOREIGN,
	                                     "flags of cispref_moodle_options",
	                                     "CISPREF_MOODLE_FOREIGN");
}

size_t cispref__moodle_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* The taxonomy terms Moodle knows (core_competency\competency_framework). */
static int taxonomy_is_valid(const char *taxonomy)
{
	static const char *const terms[] = {"behaviour", "competency", "concept", "domain",
	                                    "indicator", "level", "outcome", "practice",
	                                    "proficiency", "skill", "value"};
	const char *p = taxonomy;
	do {
		size_t n = strcspn(p, ",");
		int known = 0;
		for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++)
			known |= strlen(terms[t]) == n && strncmp(terms[t], p, n) == 0;
		if (!known)
			return 0;
		p += n;
	} while (*p++ == ',');
	return 1;
}

/* Number of labels of @scale, 0 when one is empty (Moodle would refuse the scale). */
static size_t scale_count(const char *scale)
{
	size_t count = 0;
	const char *p = scale;
	do {
		size_t n = strcspn(p, ",");
		if (n == 0)
			return 0;
		count++;
		p += n;
	} while (*p++ == ',');
	return count;
}

/* The label that starts at @p (up to the next comma) without the spaces around it, as
 * Moodle shows it (it trims each label of a scale): its start, its length in *@n. */
static const char *label(const char *p, size_t *n)
{
	size_t len = strcspn(p, ",");
	while (len && (*p == ' ' || *p == '\t'))
		p++, len--;
	while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	*n = len;
	return p;
}

/* Whether two labels of @scale are the same: two levels of one name could not be told
 * apart, by the person who rates nor in the scale configuration. A scale has a handful of
 * labels: comparing each pair is enough. */
static int scale_has_duplicate(const char *scale)
{
	for (const char *p = scale; p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
		size_t n, m;
		const char *a = label(p, &n);
		for (const char *q = strchr(p, ','); q; q = strchr(q + 1, ',')) {
			const char *b = label(q + 1, &m);
			if (n == m && memcmp(a, b, n) == 0)
				return 1;
		}
	}
	return 0;
}

/* The scale configuration Moodle stores with a framework: the scale (Moodle's importer
 * puts the id of the scale it finds or creates in place of null), then each value with
 * its flags. */
static char *scale_configuration(size_t count, size_t def, size_t proficient)
{
	size_t size = 32 + count * 64;
	char *json = malloc(size);
	if (!json)
		return NULL;
	size_t used = (size_t)snprintf(json, size, "[{\"scaleid\":null}");
	for (size_t i = 1; i <= count; i++)
		used += (size_t)snprintf(json + used, size - used,
		                         ",{\"id\":%zu,\"scaledefault\":%d,\"proficient\":%d}", i,
		                         i == def, i >= proficient);
	snprintf(json + used, size - used, "]");
	return json;
}

int cispref__moodle_check_export_options(char **scale_config,
                                         const cispref_moodle_options *o,
                                         cispref_error *error)
{
	const char *scale = o->scale ? o->scale : CISPREF_MOODLE_DEFAULT_SCALE;
	const char *taxonomy = o->taxonomy ? o->taxonomy : CISPREF_MOODLE_DEFAULT_TAXONOMY;
	size_t count = scale_count(scale);
	size_t def = o->scale_default ? o->scale_default : 1;
	size_t proficient = o->scale_proficient ? o->scale_proficient : count;
	const char *problem = NULL;
	if (!count || !cispref__text_is_valid(scale))
		problem = "the scale needs labels separated by commas, none of them empty";
	else if (scale_has_duplicate(scale))
		problem = "the scale has the same label twice: each level needs a name of its own";
	else if (def > count || proficient > count)
		problem = "the scale's default or proficient value is beyond its labels";
	else if (!taxonomy_is_valid(taxonomy))
		problem = "the taxonomy takes terms among behaviour, competency, concept, domain, "
		          "indicator, level, outcome, practice, proficiency, skill, value, "
		          "separated by commas";
	if (problem) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "%s", problem);
		return CISPREF_EARG;
	}
	if (!(*scale_config = scale_configuration(count, def, proficient))) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}
