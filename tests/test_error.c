/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The error record: a message or a source name longer than its fixed array is cut at a
 * character boundary, so that it stays valid UTF-8 (RFC 3629) whatever the width of the
 * character that straddles the limit. */
#include <errno.h>
#include <stdio.h>
#include <libxml/xmlstring.h>

#include "test_util.h"

/* Characters of 2, 3 and 4 bytes in UTF-8 (RFC 3629, section 3): U+00E9, U+20AC,
 * U+1D11E. */
static const char *const wide[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9D\x84\x9E"};

/* @pad ASCII letters then @count times @c, in a buffer to free(). Each pad from 0 to 3
 * moves the limit to another byte of a character. */
static char *repeated(size_t pad, const char *c, size_t count)
{
	size_t width = strlen(c);
	char *s = malloc(pad + width * count + 1);
	assert_non_null(s);
	memset(s, 'a', pad);
	for (size_t i = 0; i < count; i++)
		memcpy(s + pad + i * width, c, width);
	s[pad + width * count] = '\0';
	return s;
}

/* @text, cut from a longer string that holds @value (@pad letters then characters @c),
 * is valid UTF-8, as long as the array allows but for less than one character, and ends
 * inside @value on a character boundary. */
static void assert_cut_at_boundary(const char *text, size_t array, const char *value,
                                   size_t pad, const char *c)
{
	size_t width = strlen(c), length = strlen(text);
	assert_true(xmlCheckUTF8((const xmlChar *)text));
	assert_true(length < array);
	assert_true(length > array - 1 - width);
	const char *first = strstr(text, c);
	assert_non_null(first);
	assert_true(first - text >= (ptrdiff_t)pad);
	const char *start = first - pad;
	size_t kept = length - (size_t)(start - text);
	assert_memory_equal(start, value, kept);
	assert_int_equal((kept - pad) % width, 0);
}

/* A message formatted in the error record itself (rendering an unknown domain). */
static void test_text_cut_in_record(void **state)
{
	(void)state;
	cispref_referential *ref;
	assert_int_equal(cispref_referential_load_default(&ref, NULL), CISPREF_OK);
	for (size_t w = 0; w < 3; w++) {
		for (size_t pad = 0; pad < 4; pad++) {
			char *id = repeated(pad, wide[w], 300);
			const char *ids[] = {id, NULL};
			cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
			options.domains = ids;
			cispref_error error;
			char *buffer;
			size_t size;
			assert_int_equal(cispref_render_buffer(&buffer, &size, ref, CISPREF_RENDER_MARKDOWN,
			                                       &options, &error),
			                 CISPREF_ENOTFOUND);
			assert_cut_at_boundary(error.text, sizeof error.text, id, pad, wide[w]);
			free(id);
		}
	}
	cispref_referential_free(ref);
}

/* A message the loader formats in its own array before handing it to the record. */
static void test_text_cut_by_loader(void **state)
{
	(void)state;
	for (size_t w = 0; w < 3; w++) {
		for (size_t pad = 0; pad < 4; pad++) {
			char *id = repeated(pad, wide[w], 300);
			char *doc = malloc_or_exit(strlen(id) + 256);
			sprintf(doc, "<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" "
			             "id=\"%s\" version=\"1\" xml:lang=\"fr\"><title>t</title></referential>",
			        id);
			cispref_referential *ref;
			cispref_error error;
			assert_int_not_equal(cispref_referential_load_memory(&ref, doc, strlen(doc), NULL, NULL,
			                                                     &error),
			                     CISPREF_OK);
			assert_cut_at_boundary(error.text, sizeof error.text, id, pad, wide[w]);
			free(doc);
			free(id);
		}
	}
}

/* Other fixed arrays whose text ends up in a message: an attribute name the loader
 * quotes, and a validator finding that quotes a long title. */
static void test_other_arrays(void **state)
{
	(void)state;
	for (size_t w = 0; w < 3; w++) {
		for (size_t pad = 0; pad < 4; pad++) {
			char *text = repeated(pad, wide[w], 300);
			char *doc = malloc_or_exit(strlen(text) + 1024);
			sprintf(doc, "<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" "
			             "id=\"r\" version=\"1\" xml:lang=\"fr\"><title>t</title>"
			             "<domain %.*s=\"x\" id=\"d\" kind=\"core\"><title>D</title></domain>"
			             "</referential>", (int)(pad + 100 * strlen(wide[w])), text);
			cispref_referential *ref;
			cispref_error error;
			assert_int_equal(cispref_referential_load_memory(&ref, doc, strlen(doc), NULL, NULL,
			                                                 &error),
			                 CISPREF_EFORMAT);
			assert_true(xmlCheckUTF8((const xmlChar *)error.text));

			sprintf(doc, "<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" "
			             "id=\"r\" version=\"1\" xml:lang=\"fr\"><title>t</title>"
			             "<domain id=\"d\" kind=\"core\"><title>D</title><summary>"
			             "<entry id=\"d.e\" plan=\"individual\" competence=\"c\">E</entry>"
			             "</summary><plan id=\"d.i\" kind=\"individual\"><title>I</title>"
			             "<competence id=\"c\"><title>%s</title>"
			             "<savoir-faire id=\"c.sf\">F</savoir-faire></competence></plan>"
			             "</domain></referential>", text);
			cispref_load_options lenient = load_options_with(CISPREF_LOAD_LENIENT);
			assert_int_equal(cispref_referential_load_memory(&ref, doc, strlen(doc), NULL,
			                                                 &lenient, &error),
			                 CISPREF_OK);
			cispref_diagnostics *list;
			assert_int_equal(cispref_validate(&list, ref), CISPREF_OK);
			size_t checked = 0;
			for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
				const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
				if (strcmp(cispref_diagnostic_tag(d), "summary-text-differs") == 0) {
					assert_true(xmlCheckUTF8((const xmlChar *)cispref_diagnostic_message(d)));
					checked++;
				}
			}
			assert_int_equal(checked, 1);
			cispref_diagnostics_free(list);
			cispref_referential_free(ref);
			free(doc);
			free(text);
		}
	}
}

/* The source name: cut the same way when too long, kept byte for byte otherwise, even
 * when it is not UTF-8 (a file name in ISO-8859-1 ending in 0xE9). */
static void test_source(void **state)
{
	(void)state;
	cispref_referential *ref;
	cispref_error error;
	for (size_t w = 0; w < 3; w++) {
		for (size_t pad = 0; pad < 4; pad++) {
			char *name = repeated(pad, wide[w], 300);
			assert_int_equal(cispref_referential_load_memory(&ref, "<", 1, name, NULL, &error),
			                 CISPREF_EXML);
			assert_cut_at_boundary(error.source, sizeof error.source, name, pad, wide[w]);
			free(name);
		}
	}
	assert_int_equal(cispref_referential_load_memory(&ref, "<", 1, "caf\xE9", NULL, &error),
	                 CISPREF_EXML);
	assert_string_equal(error.source, "caf\xE9");
}

/* A strict load refused for a validator rule names the rule (the tag that doc/format.md
 * gives it); other failures name none. */
static void test_rule(void **state)
{
	(void)state;
	cispref_referential *ref;
	cispref_error error;
	assert_int_equal(cispref_referential_load_file(&ref, fixture("load-duplicate-id.xml"), NULL,
	                                               &error),
	                 CISPREF_ERULE);
	assert_non_null(error.rule);
	assert_string_equal(error.rule, "duplicate-id");
	assert_int_equal(error.errnum, 0);
	assert_int_equal(cispref_referential_load_file(&ref, fixture("load-unknown-concept.xml"),
	                                               NULL, &error),
	                 CISPREF_ERULE);
	assert_string_equal(error.rule, "concept-unknown");
	assert_int_equal(cispref_referential_load_memory(&ref, "<", 1, NULL, NULL, &error),
	                 CISPREF_EXML);
	assert_null(error.rule);
}

/* An I/O failure carries the errno that POSIX gives the failed call: open() of a name
 * that does not exist is ENOENT; a directory refused for reading or writing is EISDIR
 * (what open() for writing gives). Other failures carry 0. */
static void test_errnum(void **state)
{
	(void)state;
	cispref_referential *ref;
	cispref_error error;
	assert_int_equal(cispref_referential_load_file(&ref, FIXTURES_DIR "/no-such-file.xml", NULL,
	                                               &error),
	                 CISPREF_EIO);
	assert_int_equal(error.errnum, ENOENT);
	assert_null(error.rule);
	assert_int_equal(cispref_referential_load_file(&ref, FIXTURES_DIR, NULL, &error), CISPREF_EIO);
	assert_int_equal(error.errnum, EISDIR);
	assert_int_equal(cispref_referential_load_default(&ref, NULL), CISPREF_OK);
	assert_int_equal(cispref_export_path(FIXTURES_DIR, ref, CISPREF_FORMAT_XML, &error),
	                 CISPREF_EIO);
	assert_int_equal(error.errnum, EISDIR);
	assert_int_equal(cispref_export_path(FIXTURES_DIR "/no-such-dir/out.xml", ref,
	                                     CISPREF_FORMAT_XML, &error),
	                 CISPREF_EIO);
	assert_int_equal(error.errnum, ENOENT);
	cispref_referential_free(ref);
	assert_int_equal(cispref_referential_load_memory(&ref, "<", 1, NULL, NULL, &error),
	                 CISPREF_EXML);
	assert_int_equal(error.errnum, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_cut_in_record),
		cmocka_unit_test(test_text_cut_by_loader),
		cmocka_unit_test(test_other_arrays),
		cmocka_unit_test(test_source),
		cmocka_unit_test(test_rule),
		cmocka_unit_test(test_errnum),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
