/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Identity: the namespace UUID of a referential, the version-5 UUID and the URI of each
 * node, in the model, the XML and the JSON export.
 *
 * Every expected UUID comes from an independent computation, Python's uuid module
 * (CPython's own SHA-1 code, not libuuid): uuid.uuid5(uuid.UUID(namespace), id), run by
 * hand when the test was written; the RFC 4122 example is the one Python gives too. */
#include "test_util.h"

/* uuid.uuid5(uuid.NAMESPACE_URL, "urn:cispref:referential"): the namespace from which a
 * referential that names none derives its own (model.h, Identity). */
#define DERIVED_BASE "6461bcce-cd61-5e0b-b808-e82147f8fa2b"
/* The namespace data/accompagnement-cisp.xml names (a v4 UUID drawn once). */
#define EMBEDDED_NS "3a04826e-5654-4fb8-a9bf-07e876000407"

/* ---- the UUIDs ------------------------------------------------------------------ */

/* RFC 4122 (appendix B, as corrected by its errata, and as Python computes it): the
 * version-5 UUID of "www.example.com" in the DNS namespace (appendix C). A namespace
 * given in upper case is taken (RFC 4122 section 3: case-insensitive on input) and kept
 * in lower case. */
static void test_rfc4122_example(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	char uuid[CISPREF_UUID_STRING_SIZE];
	OK(cispref_referential_new(&ref, "r", "R"));
	OK(cispref_referential_set_uuid(ref, "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"));
	assert_string_equal(cispref_referential_uuid(ref), "6ba7b810-9dad-11d1-80b4-00c04fd430c8");
	OK(cispref_referential_add_domain(NULL, ref, "www.example.com", CISPREF_DOMAIN_CORE, "D"));
	OK(cispref_referential_node_uuid(uuid, ref, "www.example.com"));
	assert_string_equal(uuid, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
	cispref_referential_free(ref);
}

/* One node of each type of the embedded referential; Python:
 * uuid.uuid5(uuid.UUID(EMBEDDED_NS), id). */
static void test_embedded_node_uuids(void **state)
{
	(void)state;
	static const struct {
		const char *id, *uuid;
	} nodes[] = {
		{"psy", "cbf341ed-8491-59b0-8615-489f4703bb71"},
		{"psy.sum.1", "6302d27b-3bff-592e-8837-b7149a1ba4a7"},
		{"psy.ind", "0a4a187d-f906-5820-bbc8-8585bd336751"},
		{"psy.ind.1", "46b5b214-efbd-53e3-8153-a6295abfa02d"},
		{"psy.ind.1.sf.1", "049e4f62-e088-55af-b4ba-f8e900871c09"},
		{"psy.ind.1.sfc.1", "1ab6bafe-8fe0-5709-947e-e2c3c458bfeb"},
		{"psy.ind.1.s.1", "adb3317f-ba23-5284-8a20-2fa4db445d51"},
		{"c.elaborer-outils-adaptes", "7d934e3f-4691-5ad4-adf3-75988684ce74"},
		{"note.21", "06f77ce7-3afe-56bd-8793-fd55f1c76cdb"},
	};
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	assert_string_equal(cispref_referential_uuid(ref), EMBEDDED_NS);
	assert_null(cispref_referential_base_uri(ref));
	for (size_t i = 0; i < N_ELEMENTS(nodes); i++) {
		char uuid[CISPREF_UUID_STRING_SIZE];
		char *uri = (char *)"not set";
		assert_int_not_equal(cispref_referential_node_type(ref, nodes[i].id), CISPREF_NODE_NONE);
		OK(cispref_referential_node_uuid(uuid, ref, nodes[i].id));
		assert_string_equal(uuid, nodes[i].uuid);
		/* no base URI: no URI, and no error */
		OK(cispref_referential_node_uri(&uri, ref, nodes[i].id));
		assert_null(uri);
	}
	cispref_referential_free(ref);
}

/* A referential that names no namespace derives it from its id, loaded or built:
 * Python uuid.uuid5(uuid.UUID(DERIVED_BASE), id), with DERIVED_BASE itself
 * uuid.uuid5(uuid.NAMESPACE_URL, "urn:cispref:referential"). */
static void test_derived_namespace(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_file(&ref, fixture("example-small.xml"), NULL, NULL));
	assert_string_equal(cispref_referential_id(ref), "small");
	assert_string_equal(cispref_referential_uuid(ref), "2c3ded9b-2eee-5239-b7db-7e50e0fd6ec6");
	cispref_referential_free(ref);

	OK(cispref_referential_new(&ref, "x", "X"));
	assert_string_equal(cispref_referential_uuid(ref), "c3ddf25d-98a7-5335-9903-bb1dde30d471");
	OK(cispref_referential_set_uuid(ref, EMBEDDED_NS));
	assert_string_equal(cispref_referential_uuid(ref), EMBEDDED_NS);
	OK(cispref_referential_set_uuid(ref, NULL)); /* back to the derived one */
	assert_string_equal(cispref_referential_uuid(ref), "c3ddf25d-98a7-5335-9903-bb1dde30d471");
	cispref_referential_free(ref);
}

/* ---- the base URI --------------------------------------------------------------- */

static void test_base_uri(void **state)
{
	(void)state;
	/* URIs with a scheme (RFC 3986 section 3), as bases: each + an id is a URI too */
	static const char *const good[] = {
		"https://example.org/cisp/",
		"https://example.org/cisp#",
		"urn:example:cisp:",
		"https://[2001:db8::1]/r/?edition=2&id=",
		"x-local+v1.2:",
		"https://example.org/caf%C3%A9/",
	};
	/* no scheme, a scheme not starting with a letter, characters RFC 3986 does not
	 * allow (space, non-ASCII, '<', '"', '\\', '{'), a bad percent-escape, two '#' */
	static const char *const bad[] = {
		"", "/cisp/", "www.example.org/cisp/", "//example.org/", "1http://example.org/",
		"ht tp://example.org/", ":", "https://example.org/a b/", "https://example.org/café/",
		"https://example.org/<x>", "https://example.org/\"", "https://example.org/a\\b",
		"https://example.org/{x}", "https://example.org/%zz/", "https://example.org/#a#b",
		"https://example.org/\n",
	};
	cispref_referential *ref = NULL;
	char *uri = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	for (size_t i = 0; i < N_ELEMENTS(good); i++) {
		OK(cispref_referential_set_base_uri(ref, good[i]));
		assert_string_equal(cispref_referential_base_uri(ref), good[i]);
	}
	OK(cispref_referential_set_base_uri(ref, "https://example.org/cisp/"));
	OK(cispref_referential_node_uri(&uri, ref, "psy.ind.1"));
	assert_string_equal(uri, "https://example.org/cisp/psy.ind.1");
	cispref_buffer_free(uri);
	for (size_t i = 0; i < N_ELEMENTS(bad); i++) {
		if (cispref_referential_set_base_uri(ref, bad[i]) != CISPREF_EARG)
			fail_msg("base URI taken: '%s'", bad[i]);
		assert_string_equal(cispref_referential_base_uri(ref), "https://example.org/cisp/");
	}

	/* at most CISPREF_BASE_URI_MAX bytes */
	char longest[CISPREF_BASE_URI_MAX + 2];
	memset(longest, 'a', sizeof longest);
	memcpy(longest, "https://example.org/", 20);
	longest[CISPREF_BASE_URI_MAX] = '\0';
	OK(cispref_referential_set_base_uri(ref, longest));
	longest[CISPREF_BASE_URI_MAX] = 'a';
	longest[CISPREF_BASE_URI_MAX + 1] = '\0';
	assert_int_equal(cispref_referential_set_base_uri(ref, longest), CISPREF_EARG);
	assert_int_equal(strlen(cispref_referential_base_uri(ref)), CISPREF_BASE_URI_MAX);

	OK(cispref_referential_set_base_uri(ref, NULL));
	assert_null(cispref_referential_base_uri(ref));
	cispref_referential_free(ref);
}

/* ---- save and load ------------------------------------------------------------- */

static char *export(const cispref_referential *ref, cispref_format_t format, size_t *size)
{
	char *out = NULL;
	OK(cispref_export_buffer(&out, size, ref, format, NULL));
	return out;
}

/* What was set is written and read back; a file without a namespace gets the derived one
 * written, so that it keeps it afterwards. */
static void test_save_and_load(void **state)
{
	(void)state;
	cispref_referential *ref = NULL, *back = NULL;
	size_t size = 0;
	char uuid[CISPREF_UUID_STRING_SIZE], uuid_back[CISPREF_UUID_STRING_SIZE];
	OK(cispref_referential_new(&ref, "r", "R"));
	OK(cispref_referential_add_domain(NULL, ref, "d", CISPREF_DOMAIN_CORE, "D"));
	OK(cispref_referential_set_uuid(ref, EMBEDDED_NS));
	OK(cispref_referential_set_base_uri(ref, "https://example.org/r?edition=2&id="));
	char *xml = export(ref, CISPREF_FORMAT_XML, &size);
	assert_non_null(strstr(xml, " uuid=\"" EMBEDDED_NS "\" "
	                            "base-uri=\"https://example.org/r?edition=2&amp;id=\">"));
	OK(cispref_referential_load_memory(&back, xml, size, "saved", NULL, NULL));
	assert_string_equal(cispref_referential_uuid(back), EMBEDDED_NS);
	assert_string_equal(cispref_referential_base_uri(back), "https://example.org/r?edition=2&id=");
	assert_true(cispref_referential_equal(ref, back));
	OK(cispref_referential_node_uuid(uuid, ref, "d"));
	OK(cispref_referential_node_uuid(uuid_back, back, "d"));
	assert_string_equal(uuid, uuid_back);
	/* a namespace or a base URI of its own makes another referential */
	OK(cispref_referential_set_base_uri(back, NULL));
	assert_false(cispref_referential_equal(ref, back));
	OK(cispref_referential_set_base_uri(back, "https://example.org/r?edition=2&id="));
	OK(cispref_referential_set_uuid(back, NULL));
	assert_false(cispref_referential_equal(ref, back));
	cispref_buffer_free(xml);
	cispref_referential_free(back);
	cispref_referential_free(ref);

	/* example-small.xml names no namespace: the export writes the derived one */
	OK(cispref_referential_load_file(&ref, fixture("example-small.xml"), NULL, NULL));
	xml = export(ref, CISPREF_FORMAT_XML, &size);
	assert_non_null(strstr(xml, " xml:lang=\"fr\" uuid=\"2c3ded9b-2eee-5239-b7db-7e50e0fd6ec6\">"));
	OK(cispref_referential_load_memory(&back, xml, size, "saved", NULL, NULL));
	assert_true(cispref_referential_equal(ref, back));
	cispref_buffer_free(xml);
	cispref_referential_free(back);
	/* and two loads of the same file export the same bytes */
	OK(cispref_referential_load_file(&back, fixture("example-small.xml"), NULL, NULL));
	char *json1 = export(ref, CISPREF_FORMAT_JSON, NULL);
	char *json2 = export(back, CISPREF_FORMAT_JSON, NULL);
	assert_string_equal(json1, json2);
	cispref_buffer_free(json1);
	cispref_buffer_free(json2);
	cispref_referential_free(back);
	cispref_referential_free(ref);
}

/* ---- JSON ----------------------------------------------------------------------- */

static size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* Every node object, and the document, end with "uuid" and "uri". */
/* The front matter's sections are nodes too (they share the id space): @s and its
 * subsections. */
static size_t sections_in(const cispref_section *s)
{
	size_t n = 1;
	for (size_t i = 0; i < cispref_section_subsection_count(s); i++)
		n += sections_in(cispref_section_subsection(s, i));
	return n;
}

static void test_json_keys(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	OK(cispref_referential_set_base_uri(ref, "https://example.org/cisp/"));
	size_t nodes = cispref_referential_domain_count(ref) + cispref_referential_summary_total(ref) +
	               cispref_referential_plan_total(ref) + cispref_referential_competence_total(ref) +
	               cispref_referential_concept_count(ref) + cispref_referential_note_count(ref);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		nodes += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	for (size_t i = 0; i < cispref_referential_section_count(ref); i++)
		nodes += sections_in(cispref_referential_section(ref, i));
	assert_int_equal(nodes, 467 + 11); /* the front matter's 11 sections (NOTES.md) */
	char *json = export(ref, CISPREF_FORMAT_JSON, NULL);
	assert_int_equal(count(json, "\"uuid\": \""), nodes + 1);
	assert_int_equal(count(json, "\"uri\": \"https://example.org/cisp/"), nodes + 1);
	/* an item: its keys, then its identity (uuid from Python, as above) */
	assert_non_null(strstr(json,
		"\"id\": \"psy.ind.1.sf.1\",\n"));
	assert_non_null(strstr(json,
		"\"uuid\": \"049e4f62-e088-55af-b4ba-f8e900871c09\",\n"
		"                  \"uri\": \"https://example.org/cisp/psy.ind.1.sf.1\",\n"
		"                  \"deprecated\": false,\n"
		"                  \"replaced_by\": null\n"
		"                }"));
	/* a note, and the end of the document: the referential's namespace and base URI */
	assert_non_null(strstr(json,
		"\"uuid\": \"06f77ce7-3afe-56bd-8793-fd55f1c76cdb\",\n"
		"      \"uri\": \"https://example.org/cisp/note.21\",\n"));
	assert_non_null(strstr(json, "\n  \"uuid\": \"" EMBEDDED_NS "\",\n"
	                             "  \"uri\": \"https://example.org/cisp/\",\n"
	                             "  \"front_matter\": [\n"));
	const char *tail = "\n  ]\n}\n"; /* the front matter is the last key */
	assert_string_equal(json + strlen(json) - strlen(tail), tail);
	cispref_buffer_free(json);

	/* without a base URI, every uri is null */
	OK(cispref_referential_set_base_uri(ref, NULL));
	json = export(ref, CISPREF_FORMAT_JSON, NULL);
	assert_int_equal(count(json, "\"uri\": null"), nodes + 1);
	cispref_buffer_free(json);
	cispref_referential_free(ref);
}

/* ---- hostile XML ----------------------------------------------------------------- */

#define HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"mini\" " \
	"version=\"1\" xml:lang=\"fr\" "
#define TAIL ">\n  <title>T</title>\n</referential>\n"

/* A document whose root has @attributes; free() it. */
static char *document(const char *attributes, size_t *size)
{
	size_t head = strlen(HEAD), attr = strlen(attributes), tail = strlen(TAIL);
	char *doc = malloc_or_exit(head + attr + tail + 1);
	memcpy(doc, HEAD, head);
	memcpy(doc + head, attributes, attr);
	memcpy(doc + head + attr, TAIL, tail + 1);
	*size = head + attr + tail;
	return doc;
}

/* "uuid=\"" + @n copies of @c + "\"", or the same for base-uri after @prefix. */
static char *long_attribute(const char *name, const char *prefix, char c, size_t n)
{
	size_t head = strlen(name) + 2 + strlen(prefix);
	char *attr = malloc_or_exit(head + n + 2);
	snprintf(attr, head + 1, "%s=\"%s", name, prefix);
	memset(attr + head, c, n);
	memcpy(attr + head + n, "\"", 2);
	return attr;
}

static void expect_refused(const char *attributes, int code, const char *message)
{
	size_t size;
	char *doc = document(attributes, &size);
	cispref_referential *ref = NULL;
	cispref_error error;
	int rc = cispref_referential_load_memory(&ref, doc, size, "hostile.xml", NULL, &error);
	if (rc != code || !strstr(error.text, message))
		fail_msg("%s: got %d '%s', expected %d '%s'", attributes, rc, error.text, code,
		         message);
	assert_null(ref);
	assert_string_equal(error.source, "hostile.xml");
	/* the root's start tag: line 2, the column of the '>' that ends it (where the
	 * loader reports an element's attributes, as for every other element), columns
	 * counted in characters as libxml2 counts them */
	const char *line2 = strchr(doc, '\n') + 1;
	unsigned long column = 1;
	for (const char *p = line2; *p != '>'; p++)
		column += ((unsigned char)*p & 0xc0) != 0x80;
	assert_int_equal(error.line, 2);
	assert_int_equal(error.column, column);
	free(doc);
}

static void test_hostile_values(void **state)
{
	(void)state;
	static const struct {
		const char *attributes;
		int code;
		const char *message;
	} cases[] = {
		{"uuid=\"3A04826E-5654-4FB8-A9BF-07E876000407\"", CISPREF_EFORMAT,
		 "attribute 'uuid' has the value '3A04826E-5654-4FB8-A9BF-07E876000407', expected a lower-case RFC 4122 UUID"},
		{"uuid=\"00000000-0000-0000-0000-000000000000\"", CISPREF_EFORMAT, "not all zero"},
		{"uuid=\"3a04826e-5654-4fb8-a9bf-07e87600040\"", CISPREF_EFORMAT, "attribute 'uuid'"},
		{"uuid=\"3a04826e-5654-4fb8-a9bf-07e8760004070\"", CISPREF_EFORMAT, "attribute 'uuid'"},
		{"uuid=\"3a04826e56544fb8a9bf07e876000407\"", CISPREF_EFORMAT, "attribute 'uuid'"},
		{"uuid=\"{3a04826e-5654-4fb8-a9bf-07e876000407}\"", CISPREF_EFORMAT, "attribute 'uuid'"},
		{"uuid=\"3a04826e-5654-4fb8-a9bf-07e87600040g\"", CISPREF_EFORMAT, "attribute 'uuid'"},
		{"uuid=\"3a04826e+5654-4fb8-a9bf-07e876000407\"", CISPREF_EFORMAT, "attribute 'uuid'"},
		{"uuid=\"\"", CISPREF_EFORMAT, "attribute 'uuid' has the value ''"},
		{"uuid=\"3a04826e-5654-4fb8-a9bf-07e876000407 \"", CISPREF_EFORMAT, "attribute 'uuid'"},
		{"base-uri=\"\"", CISPREF_EFORMAT,
		 "attribute 'base-uri' has the value '', expected a URI beginning with a scheme and ':' (RFC 3986 section 3.1)"},
		{"base-uri=\"/cisp/\"", CISPREF_EFORMAT, "expected a URI beginning with a scheme"},
		{"base-uri=\"www.example.org/cisp/\"", CISPREF_EFORMAT, "expected a URI beginning with a scheme"},
		{"base-uri=\"1http://example.org/\"", CISPREF_EFORMAT, "expected a URI beginning with a scheme"},
		{"base-uri=\"https://example.org/a b/\"", CISPREF_EFORMAT,
		 "attribute 'base-uri' has the value 'https://example.org/a b/', expected a URI as RFC 3986 writes it"},
		{"base-uri=\"https://example.org/caf\xc3\xa9/\"", CISPREF_EFORMAT, "expected a URI as RFC 3986 writes it"},
		{"base-uri=\"https://example.org/&lt;x&gt;\"", CISPREF_EFORMAT, "expected a URI as RFC 3986 writes it"},
		{"base-uri=\"https://example.org/%zz\"", CISPREF_EFORMAT, "expected a URI as RFC 3986 writes it"},
		{"base-uri=\"https://example.org/#a#b\"", CISPREF_EFORMAT, "expected a URI as RFC 3986 writes it"},
		{"base-uri=\"https://example.org/&#10;\"", CISPREF_EFORMAT, "expected a URI as RFC 3986 writes it"},
		{"base-uri=\"https://example.org/\" foo=\"x\"", CISPREF_EFORMAT,
		 "element 'referential' has no attribute 'foo'"},
	};
	for (size_t i = 0; i < N_ELEMENTS(cases); i++)
		expect_refused(cases[i].attributes, cases[i].code, cases[i].message);

	/* overlong: a long uuid is described by its length; a base URI longer than
	 * CISPREF_BASE_URI_MAX is a limit; the loader's own text limit comes first */
	char *attr = long_attribute("uuid", "", 'a', 5000);
	expect_refused(attr, CISPREF_EFORMAT,
	               "attribute 'uuid' has a value of 5000 bytes, expected a lower-case RFC 4122 UUID");
	free(attr);
	attr = long_attribute("base-uri", "https://example.org/", 'a', CISPREF_BASE_URI_MAX);
	expect_refused(attr, CISPREF_ELIMIT,
	               "attribute 'base-uri' has 2068 bytes, longer than the 2048 bytes a base URI may have");
	free(attr);
	attr = long_attribute("base-uri", "https://example.org/", 'a', CISPREF_MAX_TEXT_LENGTH);
	expect_refused(attr, CISPREF_ELIMIT, "attribute 'base-uri' is longer than 1048576 bytes");
	free(attr);
	/* the longest base URI is taken */
	attr = long_attribute("base-uri", "https://example.org/", 'a', CISPREF_BASE_URI_MAX - 20);
	size_t size;
	char *doc = document(attr, &size);
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_memory(&ref, doc, size, NULL, NULL, NULL));
	assert_int_equal(strlen(cispref_referential_base_uri(ref)), CISPREF_BASE_URI_MAX);
	cispref_referential_free(ref);
	free(doc);
	free(attr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc4122_example),
		cmocka_unit_test(test_embedded_node_uuids),
		cmocka_unit_test(test_derived_namespace),
		cmocka_unit_test(test_base_uri),
		cmocka_unit_test(test_save_and_load),
		cmocka_unit_test(test_json_keys),
		cmocka_unit_test(test_hostile_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
