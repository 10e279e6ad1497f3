/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Fuzz target: the edition diff of two documents, and its four outputs.
 *
 * Input: one option byte, then OLD, a NUL byte and NEW (XML holds no NUL); without a
 * NUL, the document is compared with itself. Bit 0 loads both leniently (a referential
 * with duplicate ids must then be refused with CISPREF_ERULE); bit 1 swaps OLD and NEW.
 *
 * Invariants: the diff is empty exactly when the two referentials are equal
 * (cispref_referential_equal()); a document against itself gives no change; the
 * segments of each word diff give back the old and the new text (white space
 * normalised); every output is written. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cispref/cispref.h>

#include "fuzz.h"

static cispref_referential *load(const char *xml, size_t size, unsigned flags)
{
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.flags = flags;
	cispref_referential *ref = NULL;
	cispref_error error;
	if (cispref_referential_load_memory(&ref, xml, size, "fuzz.xml", &options, &error) != 0)
		return NULL;
	return ref;
}

/* @text with its white space runs made single spaces and trimmed, malloc'ed. */
static char *normalised(const char *text)
{
	char *out = malloc(strlen(text) + 1), *p = out;
	FUZZ_CHECK(out != NULL);
	for (const char *s = text; *s;) {
		while (*s && strchr(" \t\n\r\f\v", *s))
			s++;
		if (!*s)
			break;
		if (p != out)
			*p++ = ' ';
		while (*s && !strchr(" \t\n\r\f\v", *s))
			*p++ = *s++;
	}
	*p = '\0';
	return out;
}

/* The text that the segments not of type @skip make. */
static char *rebuilt(const cispref_change *c, cispref_segment_t skip)
{
	size_t length = 1;
	for (size_t i = 0; i < cispref_change_segment_count(c); i++)
		length += strlen(cispref_change_segment(NULL, c, i)) + 1;
	char *out = calloc(length, 1);
	FUZZ_CHECK(out != NULL);
	for (size_t i = 0; i < cispref_change_segment_count(c); i++) {
		cispref_segment_t type;
		const char *text = cispref_change_segment(&type, c, i);
		if (type == skip)
			continue;
		if (out[0])
			strcat(out, " ");
		strcat(out, text);
	}
	return out;
}

static void check_words(const cispref_change *c)
{
	const char *before = cispref_change_old_value(c), *after = cispref_change_new_value(c);
	char *a = normalised(before ? before : ""), *b = normalised(after ? after : "");
	char *ra = rebuilt(c, CISPREF_SEGMENT_INSERTED), *rb = rebuilt(c, CISPREF_SEGMENT_DELETED);
	FUZZ_CHECK(strcmp(a, ra) == 0);
	FUZZ_CHECK(strcmp(b, rb) == 0);
	free(a), free(b), free(ra), free(rb);
}

static void check_diff(const cispref_diff *diff)
{
	size_t per_kind = 0;
	for (int k = CISPREF_CHANGE_METADATA; k <= CISPREF_CHANGE_FRONT_MATTER; k++)
		per_kind += cispref_diff_count_kind(diff, (cispref_change_kind_t)k);
	FUZZ_CHECK(per_kind == cispref_diff_count(diff));
	for (size_t i = 0; i < cispref_diff_count(diff); i++) {
		const cispref_change *c = cispref_diff_get(diff, i);
		fuzz_sink += fuzz_touch(cispref_change_old_id(c)) + fuzz_touch(cispref_change_new_id(c)) +
		             fuzz_touch(cispref_change_domain_id(c)) + fuzz_touch(cispref_change_field(c));
		if (cispref_change_kind(c) == CISPREF_CHANGE_TEXT ||
		    cispref_change_segment_count(c) > 0)
			check_words(c);
		if (cispref_change_kind(c) == CISPREF_CHANGE_RENAMED)
			FUZZ_CHECK(cispref_change_similarity(c) >= 0.8 && cispref_change_similarity(c) <= 1);
	}
	for (int f = 0; f < CISPREF_DIFF_FORMAT_COUNT; f++) {
		char *out = NULL;
		size_t size = 0;
		int rc = cispref_diff_write(&out, &size, diff, (cispref_diff_format_t)f, NULL);
		FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_ENOMEM);
		FUZZ_CHECK(rc != CISPREF_OK || strlen(out) == size);
		cispref_buffer_free(out);
	}
}

/* Diff @a against @b: check the invariants, or that a refusal is the documented one. */
static void compare(const cispref_referential *a, const cispref_referential *b, int lenient)
{
	cispref_diff *diff = NULL;
	cispref_error error;
	int rc = cispref_diff_new(&diff, a, b, &error);
	if (rc == CISPREF_ERULE) {
		FUZZ_CHECK(lenient && error.rule && strcmp(error.rule, "duplicate-id") == 0);
		return;
	}
	FUZZ_CHECK(rc == CISPREF_OK || rc == CISPREF_ENOMEM);
	if (rc)
		return;
	FUZZ_CHECK((cispref_diff_count(diff) == 0) == cispref_referential_equal(a, b));
	check_diff(diff);
	cispref_diff_free(diff);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0] & 1 ? CISPREF_LOAD_LENIENT : CISPREF_LOAD_DEFAULT;
	const char *old_xml = (const char *)data + 1;
	size_t old_size = size - 1;
	const char *nul = memchr(old_xml, '\0', old_size);
	const char *new_xml = nul ? nul + 1 : old_xml;
	size_t new_size = nul ? old_size - (size_t)(nul + 1 - old_xml) : old_size;
	if (nul)
		old_size = (size_t)(nul - old_xml);
	cispref_referential *a = load(old_xml, old_size, flags);
	cispref_referential *b = load(new_xml, new_size, flags);
	if (data[0] & 2) {
		cispref_referential *t = a;
		a = b;
		b = t;
	}
	if (a) {
		cispref_diff *self = NULL;
		if (cispref_diff_new(&self, a, a, NULL) == CISPREF_OK) {
			FUZZ_CHECK(cispref_diff_count(self) == 0);
			cispref_diff_free(self);
		}
	}
	if (a && b)
		compare(a, b, flags & CISPREF_LOAD_LENIENT);
	cispref_referential_free(a);
	cispref_referential_free(b);
	return 0;
}
