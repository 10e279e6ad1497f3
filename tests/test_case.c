/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The CASE 1.1 package: export (the members CASE requires, identifiers, determinism),
 * import (the tree from isChildOf and sequenceNumber, the repairs, the depth mapping,
 * hostile JSON), the round trip, and OpenSALT's file when ../shared/interop is there. The
 * schema test (case_schema.py) checks the export against the official schema. */
#include <jansson.h>

#include "test_util.h"

#ifndef INTEROP_DIR
#error "INTEROP_DIR must be defined"
#endif

/* The findings of @tag. */
static size_t count_tag(const cispref_diagnostics *d, const char *tag)
{
	size_t n = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(d); i++)
		n += strcmp(cispref_diagnostic_tag(cispref_diagnostics_get(d, i)), tag) == 0;
	return n;
}

static char *export_case(const cispref_referential *ref, size_t *size)
{
	char *out = NULL;
	OK(cispref_export_buffer(&out, size, ref, CISPREF_FORMAT_CASE, NULL));
	return out;
}

static json_t *parse(const char *text)
{
	json_error_t e;
	json_t *root = json_loads(text, 0, &e);
	if (!root)
		fail_msg("the export is not JSON: %s (%d:%d)", e.text, e.line, e.column);
	return root;
}

static const char *str(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

static void export_is_deterministic(void **state)
{
	(void)state;
	cispref_referential *ref;
	OK(cispref_referential_load_default(&ref, NULL));
	size_t a_size, b_size;
	char *a = export_case(ref, &a_size), *b = export_case(ref, &b_size);
	assert_int_equal(a_size, b_size);
	assert_memory_equal(a, b, a_size);
	cispref_buffer_free(a);
	cispref_buffer_free(b);
	cispref_referential_free(ref);
}

/* The CFDocument's identifier is the namespace, each CFItem's the node's version-5 UUID
 * and its humanCodingScheme the id; every node but a domain is the child (isChildOf) of
 * the node above it, and domains of the document; the time stamps are the source date
 * "2020-12" as an RFC 3339 date-time. */
static void export_carries_identity_and_tree(void **state)
{
	(void)state;
	cispref_referential *ref;
	OK(cispref_referential_load_default(&ref, NULL));
	char *text = export_case(ref, NULL);
	json_t *root = parse(text), *doc = json_object_get(root, "CFDocument");
	assert_string_equal(str(doc, "identifier"), cispref_referential_uuid(ref));
	assert_string_equal(str(doc, "lastChangeDateTime"), "2020-12-01T00:00:00+00:00");
	assert_string_equal(str(doc, "title"), cispref_referential_title(ref));
	assert_string_equal(str(doc, "caseVersion"), "1.1");
	json_t *items = json_object_get(root, "CFItems"), *item;
	size_t nodes = cispref_referential_domain_count(ref) + cispref_referential_plan_total(ref) +
	               cispref_referential_competence_total(ref);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		nodes += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	assert_int_equal(json_array_size(items), nodes);
	size_t i, domains = 0;
	json_array_foreach(items, i, item) {
		char uuid[CISPREF_UUID_STRING_SIZE];
		OK(cispref_referential_node_uuid(uuid, ref, str(item, "humanCodingScheme")));
		assert_string_equal(str(item, "identifier"), uuid);
		assert_string_equal(str(item, "lastChangeDateTime"), "2020-12-01T00:00:00+00:00");
		domains += strcmp(str(item, "CFItemType"), "Domain") == 0;
	}
	assert_int_equal(domains, cispref_referential_domain_count(ref));
	const cispref_item *first = cispref_competence_item(
		cispref_plan_competence(cispref_domain_plan(cispref_referential_domain(ref, 0), 0), 0),
		CISPREF_ITEM_SAVOIR_FAIRE, 0);
	json_t *assocs = json_object_get(root, "CFAssociations"), *a;
	assert_int_equal(json_array_size(assocs), nodes);
	int found = 0;
	json_array_foreach(assocs, i, a) {
		assert_string_equal(str(a, "associationType"), "isChildOf");
		char uuid[CISPREF_UUID_STRING_SIZE];
		OK(cispref_referential_node_uuid(uuid, ref, cispref_item_id(first)));
		if (strcmp(str(json_object_get(a, "originNodeURI"), "identifier"), uuid) == 0) {
			OK(cispref_referential_node_uuid(
				uuid, ref, cispref_competence_id(cispref_item_competence(first))));
			assert_string_equal(str(json_object_get(a, "destinationNodeURI"), "identifier"),
			                    uuid);
			assert_int_equal(json_integer_value(json_object_get(a, "sequenceNumber")), 1);
			found = 1;
		}
	}
	assert_true(found);
	json_decref(root);
	cispref_buffer_free(text);
	cispref_referential_free(ref);
}

/* CASE carries every node but the front matter (CASE has no place for the publication's
 * text around the framework): the referential read back equals @ref without it, which this
 * removes from @ref once exported. */
static void round_trip(cispref_referential *ref)
{
	size_t size;
	char *text = export_case(ref, &size);
	OK(cispref_referential_remove_front_matter(ref));
	cispref_referential *back = NULL;
	cispref_diagnostics *d = NULL;
	cispref_error error = {0};
	int rc = cispref_case_import_memory(&back, &d, text, size, "rt.json", NULL, &error);
	if (rc)
		fail_msg("%s", error.text);
	assert_int_equal(count_tag(d, "case-convention-broken"), 0);
	assert_true(cispref_referential_equal(ref, back));
	cispref_diagnostics_free(d);
	cispref_referential_free(back);
	cispref_buffer_free(text);
}

/* cispref -> CASE -> cispref gives the same model: summaries, concepts, notes, kinds,
 * identity (namespace and base URI) included. */
static void round_trip_gives_the_same_model(void **state)
{
	(void)state;
	cispref_referential *ref;
	OK(cispref_referential_load_default(&ref, NULL));
	round_trip(ref);
	OK(cispref_referential_set_base_uri(ref, "https://example.org/cisp/"));
	round_trip(ref);
	cispref_referential_free(ref);
	OK(cispref_referential_load_file(&ref, fixture("example-small.xml"), NULL, NULL));
	round_trip(ref);
	cispref_referential_free(ref);
}

/* A package with the faults real servers publish: a CFPackage wrapper, time stamps
 * without zone, numbers as strings and the reverse, CASE 1.0 and vendor members, items
 * listed out of their order. */
static void import_repairs_and_orders_by_sequence(void **state)
{
	(void)state;
	cispref_case_options o = CISPREF_CASE_OPTIONS_INIT;
	o.depths = "competence,item";
	cispref_referential *ref = NULL;
	cispref_diagnostics *d = NULL;
	OK(cispref_case_import_file(&ref, &d, fixture("case-tolerant.json"), &o, NULL));
	assert_int_equal(count_tag(d, "case-wrapper"), 1);
	assert_int_equal(count_tag(d, "case-timestamp-no-zone"), 1);
	assert_int_equal(count_tag(d, "case-type-repaired"), 1);
	assert_int_equal(count_tag(d, "case-member-ignored"), 3); /* 2 of CASE 1.0, 1 vendor's */
	assert_int_equal(count_tag(d, "case-association-dropped"), 1);
	assert_int_equal(count_tag(d, "case-id-changed"), 1);
	assert_string_equal(cispref_referential_title(ref), "Tolerant framework");
	assert_string_equal(cispref_referential_version(ref), "3");
	assert_string_equal(cispref_referential_uuid(ref), "5e0c2b52-6b4c-4d3a-9a41-2f7a2d3f0a10");
	/* one made-up domain and plan; B (sequence "1") before A (2), B.1 (1) before B.2 ("2") */
	assert_int_equal(cispref_referential_domain_count(ref), 1);
	const cispref_plan *plan = cispref_domain_plan(cispref_referential_domain(ref, 0), 0);
	assert_int_equal(cispref_plan_competence_count(plan), 2);
	const cispref_competence *b = cispref_plan_competence(plan, 0);
	assert_string_equal(cispref_competence_id(b), "B");
	assert_string_equal(cispref_competence_id(cispref_plan_competence(plan, 1)), "A");
	assert_string_equal(cispref_item_id(cispref_competence_item(b, SF, 0)), "B.1");
	assert_string_equal(cispref_item_id(cispref_competence_item(b, SF, 1)), "B.2");
	assert_string_equal(cispref_item_text(cispref_competence_item(
		                    cispref_plan_competence(plan, 1), SF, 0)), "The skill of A");
	/* B's notes become a note it refers to */
	assert_int_equal(cispref_competence_note_count(b), 1);
	assert_string_equal(cispref_note_text(cispref_competence_note(b, 0)),
	                    "B is about both skills.");
	cispref_diagnostics_free(d);
	cispref_referential_free(ref);
}

/* The default mapping: depth 0 domains, 1 plans, 2 competences, 3 items. */
static void import_default_depths(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_case_import_file(&ref, NULL, fixture("case-tolerant.json"), NULL, NULL));
	assert_int_equal(cispref_referential_domain_count(ref), 2);
	assert_string_equal(cispref_domain_id(cispref_referential_domain(ref, 0)), "B");
	assert_string_equal(cispref_plan_id(cispref_domain_plan(cispref_referential_domain(ref, 0),
	                                                        0)), "B.1");
	cispref_referential_free(ref);
}

static void import_drops_cycles_and_orphans(void **state)
{
	(void)state;
	cispref_case_options o = CISPREF_CASE_OPTIONS_INIT;
	o.depths = "competence,item";
	cispref_referential *ref = NULL;
	cispref_diagnostics *d = NULL;
	OK(cispref_case_import_file(&ref, &d, fixture("case-cycle.json"), &o, NULL));
	assert_int_equal(count_tag(d, "case-parent-cycle"), 2);
	assert_int_equal(count_tag(d, "case-ancestor-dropped"), 1);
	assert_int_equal(count_tag(d, "case-item-orphan"), 1);
	assert_int_equal(cispref_referential_competence_total(ref), 1);
	assert_non_null(cispref_referential_find_competence(ref, "Z"));
	cispref_diagnostics_free(d);
	cispref_referential_free(ref);
}

static void refused(const char *data, size_t size, const cispref_case_options *o, int code,
                    unsigned long line, const char *words)
{
	cispref_referential *ref = NULL;
	cispref_diagnostics *d = NULL;
	cispref_error error = {0};
	assert_int_equal(cispref_case_import_memory(&ref, &d, data, size, "bad.json", o, &error),
	                 code);
	assert_null(ref);
	assert_null(d);
	assert_int_equal(error.line, line);
	if (!strstr(error.text, words))
		fail_msg("'%s' does not say '%s'", error.text, words);
}

static void hostile_files_are_refused(void **state)
{
	(void)state;
	size_t size = 0;
	char *data = read_whole_file(fixture("case-truncated.json"), &size);
	refused(data, size, NULL, CISPREF_EFORMAT, 4, "premature end of input");
	free(data);
	data = read_whole_file(fixture("case-invalid-utf8.json"), &size);
	refused(data, size, NULL, CISPREF_EFORMAT, 2, "unable to decode byte 0xe9");
	free(data);
	refused("[1, 2]", 6, NULL, CISPREF_EFORMAT, 0, "no CFDocument");
	refused("{\"CFDocument\": {}, \"CFItems\": {}}", 33, NULL, CISPREF_EFORMAT, 0,
	        "must be arrays");
	const char *control = "{\"CFDocument\": {\"title\": \"a\\u0001b\"}}";
	refused(control, strlen(control), NULL, CISPREF_EFORMAT, 0,
	        "CFDocument.title holds a control character");
	const char *nul = "{\"CFDocument\": {\"title\": \"a\\u0000b\"}}";
	refused(nul, strlen(nul), NULL, CISPREF_EFORMAT, 1, "NUL");
}

/* A UTF-8 BOM before the package (RFC 8259 section 8.1 lets a parser ignore it; Windows
 * tools write one) reads as the package without it. */
static void bom_is_accepted(void **state)
{
	(void)state;
	cispref_referential *ref, *back;
	OK(cispref_referential_load_default(&ref, NULL));
	size_t size;
	char *text = export_case(ref, &size);
	OK(cispref_referential_remove_front_matter(ref));
	char *bom = malloc(size + 3);
	assert_non_null(bom);
	memcpy(bom, "\xef\xbb\xbf", 3);
	memcpy(bom + 3, text, size);
	cispref_error error = {0};
	if (cispref_case_import_memory(&back, NULL, bom, size + 3, "bom.json", NULL, &error))
		fail_msg("%s", error.text);
	assert_true(cispref_referential_equal(ref, back));
	cispref_referential_free(back);
	free(bom);
	cispref_buffer_free(text);
	cispref_referential_free(ref);
}

/* A syntax error's position is in the error's line and column, not repeated in its text;
 * the token quoted is shown by code point when it is invisible (U+200B ZERO WIDTH SPACE,
 * a control character), never as raw bytes a terminal does not show. */
static void syntax_error_is_readable(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_error error = {0};
	const char *zwsp = "\xe2\x80\x8b{}";
	assert_int_equal(cispref_case_import_memory(&ref, NULL, zwsp, strlen(zwsp), "z.json",
	                                            NULL, &error), CISPREF_EFORMAT);
	assert_int_equal(error.line, 1);
	assert_int_equal(error.column, 1);
	assert_non_null(strstr(error.text, "U+200B"));
	assert_null(strstr(error.text, "\xe2\x80\x8b"));
	assert_null(strstr(error.text, "line"));
	assert_null(strstr(error.text, "column"));
	const char *control = "{\"a\": 1 \x01}";
	assert_int_equal(cispref_case_import_memory(&ref, NULL, control, strlen(control), "c.json",
	                                            NULL, &error), CISPREF_EFORMAT);
	assert_int_equal(error.line, 1);
	assert_non_null(strstr(error.text, "U+0001"));
	assert_null(strchr(error.text, '\x01'));
	assert_null(ref);
}

/* 100 000 nested arrays: jansson stops at its depth limit (2048), no stack overflow. */
static void hostile_deep_nesting(void **state)
{
	(void)state;
	size_t n = 100000;
	char *data = malloc_or_exit(2 * n);
	memset(data, '[', n);
	memset(data + n, ']', n);
	refused(data, 2 * n, NULL, CISPREF_EFORMAT, 1, "maximum parsing depth");
	free(data);
}

/* An array of two million numbers is refused before jansson builds it. */
static void hostile_huge_array(void **state)
{
	(void)state;
	size_t n = 2 * 1000 * 1000;
	char *data = malloc_or_exit(2 * n + 64);
	size_t len = (size_t)sprintf(data, "{\"CFDocument\": {}, \"CFItems\": [");
	for (size_t i = 0; i < n; i++) {
		data[len++] = '0';
		data[len++] = ',';
	}
	len += (size_t)sprintf(data + len, "0]}");
	refused(data, len, NULL, CISPREF_ELIMIT, 0, "more than 1000000 JSON values");
	cispref_case_options o = CISPREF_CASE_OPTIONS_INIT;
	o.max_input_size = 1000;
	refused(data, len, &o, CISPREF_ELIMIT, 0, "more than the limit of 1000");
	free(data);
}

/* OpenSALT's test package: one item whose titles hold U+1D451, outside the BMP. */
static void opensalt_utf8(void **state)
{
	(void)state;
	char path[4096];
	const char *dir = getenv("CISPREF_INTEROP_DIR"); /* another copy of the folder */
	snprintf(path, sizeof path, "%s/case/opensalt_test_utf8.json", dir ? dir : INTEROP_DIR);
	FILE *f = fopen(path, "rb");
	if (!f)
		skip();
	fclose(f);
	cispref_case_options o = CISPREF_CASE_OPTIONS_INIT;
	o.depths = "competence,item";
	cispref_referential *ref = NULL;
	cispref_error error = {0};
	if (cispref_case_import_file(&ref, NULL, path, &o, &error) != 0)
		fail_msg("%s", error.text);
	assert_string_equal(cispref_referential_title(ref), "UTF8 \xf0\x9d\x91\x91 Test");
	assert_int_equal(cispref_referential_competence_total(ref), 1);
	const cispref_competence *c = cispref_plan_competence(
		cispref_domain_plan(cispref_referential_domain(ref, 0), 0), 0);
	assert_string_equal(cispref_competence_title(c), "Item \xf0\x9d\x91\x91 1");
	assert_string_equal(cispref_referential_uuid(ref), "d0000000-0000-0000-0000-000000000000");
	cispref_referential_free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(export_is_deterministic),
		cmocka_unit_test(export_carries_identity_and_tree),
		cmocka_unit_test(round_trip_gives_the_same_model),
		cmocka_unit_test(import_repairs_and_orders_by_sequence),
		cmocka_unit_test(import_default_depths),
		cmocka_unit_test(import_drops_cycles_and_orphans),
		cmocka_unit_test(hostile_files_are_refused),
		cmocka_unit_test(bom_is_accepted),
		cmocka_unit_test(syntax_error_is_readable),
		cmocka_unit_test(hostile_deep_nesting),
		cmocka_unit_test(hostile_huge_array),
		cmocka_unit_test(opensalt_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
