/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Export: canonical XML round trips, XML write/read on tricky texts, the cispref-json
 * contract, streams, atomic file replacement, invalid arguments. */
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_util.h"

/* The library's JSON string writer, compiled into this test: see
 * test_json_string_escapes. */
#include "../lib/json.c"

/* Export @ref to a new buffer (free() it with cispref_buffer_free). */
static char *export_to_buffer(const cispref_referential *ref, cispref_format_t format, size_t *size)
{
	char *out = NULL;
	cispref_error error;
	memset(&error, 0, sizeof error);
	int rc = cispref_export_buffer(&out, size, ref, format, &error);
	if (rc != CISPREF_OK)
		fail_msg("export failed: %d %s", rc, error.text);
	assert_non_null(out);
	assert_int_equal(strlen(out), *size);
	return out;
}

/* ---- (1) canonical files give the same bytes back ------------------------------ */

static void check_canonical_file(const char *path)
{
	size_t file_size = 0, out_size = 0;
	char *file = read_whole_file(path, &file_size);
	assert_non_null(file);
	cispref_referential *ref = NULL;
	cispref_error error;
	memset(&error, 0, sizeof error);
	int rc = cispref_referential_load_file(&ref, path, NULL, &error);
	if (rc != CISPREF_OK)
		fail_msg("%s: %d %s (line %lu)", path, rc, error.text, error.line);
	char *out = export_to_buffer(ref, CISPREF_FORMAT_XML, &out_size);
	if (out_size != file_size || memcmp(out, file, file_size) != 0) {
		size_t i = 0;
		while (i < out_size && i < file_size && out[i] == file[i])
			i++;
		fail_msg("%s: export differs from the file at byte %zu (sizes %zu, %zu)", path, i,
		         out_size, file_size);
	}

	/* loading the export gives the same model */
	cispref_referential *again = NULL;
	OK(cispref_referential_load_memory(&again, out, out_size, "again", NULL,
	                                   NULL));
	assert_true(cispref_referential_equal(ref, again));
	cispref_referential_free(again);
	cispref_buffer_free(out);
	cispref_referential_free(ref);
	free(file);
}

static void test_canonical_data_file(void **state)
{
	(void)state;
	check_canonical_file(DATA_DIR "/accompagnement-cisp.xml");
}

static void test_canonical_fixture(void **state)
{
	(void)state;
	check_canonical_file(fixture("export-canonical.xml"));
}

/* The embedded referential is the data file: its export is that file's bytes. */
static void test_canonical_default(void **state)
{
	(void)state;
	size_t file_size = 0, out_size = 0;
	char *file = read_whole_file(DATA_DIR "/accompagnement-cisp.xml", &file_size);
	assert_non_null(file);
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	assert_string_equal(cispref_referential_origin(ref), CISPREF_DEFAULT_NAME);
	char *out = export_to_buffer(ref, CISPREF_FORMAT_XML, &out_size);
	assert_int_equal(out_size, file_size);
	assert_memory_equal(out, file, file_size);
	cispref_buffer_free(out);
	cispref_referential_free(ref);
	free(file);
}

/* ---- (2) read(write(m)) == m --------------------------------------------------- */

/* Every character class a text may hold, in every kind of text, attributes included. */
static cispref_referential *build_tricky(void)
{
	static const char markup[] = "<tag attr=\"v\"> & </tag> 'apos' ]]> &amp; &#38; &lt;";
	static const char controls[] = "tab\there\nnewline\rreturn\r\nCRLF";
	static const char unicode[] =
		"é œ · ’ “ ” \xc2\xa0(nbsp) \xf0\x9f\x98\x80 \xe2\x80\xaf \xef\xbf\xbd";
	cispref_referential *ref = NULL;
	cispref_domain *d1, *d2;
	cispref_plan *p1, *p2;
	cispref_competence *c1, *c2;
	cispref_item *it;
	cispref_concept *k1, *k2;
	cispref_note *n1, *n2;

	OK(cispref_referential_new(&ref, "tricky", "  leading and trailing spaces  "));
	OK(cispref_referential_set_version(ref, " v\t1\n\r<&>\"' &#38; "));
	OK(cispref_referential_set_language(ref, "fr-BE"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_PUBLISHER, markup));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_SERIES, controls));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_NUMBER, ""));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_APPROVAL, unicode));

	OK(cispref_referential_add_concept(&k1, ref, "k1", SF, markup));
	OK(cispref_referential_add_concept(&k2, ref, "k2", S, BLANK));
	OK(cispref_referential_add_note(&n1, ref, "n1", "21 <&> \"q\" 'a'\t\n\r", unicode));
	OK(cispref_referential_add_note(&n2, ref, "n2", "", "  "));

	OK(cispref_referential_add_domain(&d1, ref, "d1", CISPREF_DOMAIN_CORE, unicode));
	OK(cispref_domain_add_plan(&p1, d1, "d1.p1", CISPREF_PLAN_INDIVIDUAL, "\n"));
	OK(cispref_domain_add_plan(&p2, d1, "d1.p2", CISPREF_PLAN_COLLECTIVE, BLANK));
	OK(cispref_plan_add_competence(&c1, p1, "c1", controls));
	OK(cispref_plan_add_competence(&c2, p1, "c2", BLANK));
	OK(cispref_competence_add_note(c1, n1));
	OK(cispref_competence_add_note(c1, n2));
	assert_int_equal(cispref_competence_add_note(c1, n1), CISPREF_EEXISTS); /* once */
	OK(cispref_competence_add_item(&it, c1, "c1.sf.1", SF, markup));
	OK(cispref_item_set_concept(it, k1));
	OK(cispref_competence_add_item(NULL, c1, "c1.sf.2", SF, BLANK));
	OK(cispref_competence_add_item(NULL, c1, "c1.sf.3", SF, " "));
	OK(cispref_competence_add_item(&it, c1, "c1.sfc.1", SFC, controls));
	OK(cispref_item_set_concept(it, k2)); /* a concept of another kind */
	OK(cispref_competence_add_item(NULL, c1, "c1.sfc.2", SFC, "\t"));
	OK(cispref_competence_add_item(NULL, c1, "c1.s.1", S, unicode));
	OK(cispref_competence_add_item(NULL, c1, "c1.s.2", S, "\r"));
	OK(cispref_competence_add_item(NULL, c1, "c1.s.3", S, " lead"));
	OK(cispref_competence_add_item(NULL, c1, "c1.s.4", S, "trail "));
	OK(cispref_competence_add_item(NULL, c2, "c2.s.1", S, "\r\n"));
	OK(cispref_domain_add_summary_entry(NULL, d1, "d1.sum.1", CISPREF_PLAN_INDIVIDUAL, markup, c1));
	OK(cispref_domain_add_summary_entry(NULL, d1, "d1.sum.2", CISPREF_PLAN_JOINT, BLANK, NULL));
	OK(cispref_domain_add_summary_entry(NULL, d1, "d1.sum.3", CISPREF_PLAN_EXTERNAL, " \n ", c2));

	OK(cispref_referential_add_domain(&d2, ref, "d2", CISPREF_DOMAIN_TRANSVERSAL, BLANK));
	OK(cispref_domain_add_plan(NULL, d2, "d2.p1", CISPREF_PLAN_INTERNAL, controls));
	/* empty texts, which the builder refuses, as a lenient load reads them */
	return blank_texts(ref);
}

static void test_write_read_tricky(void **state)
{
	(void)state;
	cispref_referential *ref = build_tricky();
	size_t size = 0, size2 = 0;
	char *xml = export_to_buffer(ref, CISPREF_FORMAT_XML, &size);

	/* empty texts are errors for the validator, so the default load refuses them */
	cispref_referential *back = NULL;
	cispref_error error;
	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_referential_load_memory(&back, xml, size, "tricky.xml",
	                                                 NULL, &error),
	                 CISPREF_ERULE);
	assert_null(back);

	memset(&error, 0, sizeof error);
	cispref_load_options lenient = load_options_with(CISPREF_LOAD_LENIENT);
	int rc = cispref_referential_load_memory(&back, xml, size, "tricky.xml", &lenient,
	                                         &error);
	if (rc != CISPREF_OK)
		fail_msg("reading back: %d %s (line %lu)\n%s", rc, error.text, error.line, xml);
	assert_true(cispref_referential_equal(ref, back));

	/* texts came back verbatim, not only "equal" */
	assert_string_equal(cispref_referential_title(back), "  leading and trailing spaces  ");
	assert_string_equal(cispref_referential_version(back), " v\t1\n\r<&>\"' &#38; ");
	assert_string_equal(cispref_referential_language(back), "fr-BE");
	assert_string_equal(cispref_referential_source(back, CISPREF_SOURCE_NUMBER), "");
	assert_null(cispref_referential_source(back, CISPREF_SOURCE_DATE));
	assert_string_equal(cispref_note_number(cispref_referential_find_note(back, "n1")),
	                    "21 <&> \"q\" 'a'\t\n\r");
	assert_string_equal(cispref_note_text(cispref_referential_find_note(back, "n2")), "  ");
	assert_string_equal(cispref_item_text(cispref_referential_find_item(back, "c1.sf.1")),
	                    "<tag attr=\"v\"> & </tag> 'apos' ]]> &amp; &#38; &lt;");
	assert_string_equal(cispref_item_text(cispref_referential_find_item(back, "c1.sf.2")), "");
	assert_string_equal(cispref_item_text(cispref_referential_find_item(back, "c1.sf.3")), " ");
	assert_string_equal(cispref_item_text(cispref_referential_find_item(back, "c1.s.2")), "\r");
	assert_string_equal(cispref_item_text(cispref_referential_find_item(back, "c2.s.1")), "\r\n");
	assert_string_equal(cispref_item_text(cispref_referential_find_item(back, "c1.s.1")),
	                    "é œ · ’ “ ” \xc2\xa0(nbsp) \xf0\x9f\x98\x80 \xe2\x80\xaf \xef\xbf\xbd");
	assert_string_equal(cispref_plan_title(cispref_referential_find_plan(back, "d1.p1")), "\n");
	assert_string_equal(cispref_summary_entry_text(
	                            cispref_referential_find_summary_entry(back, "d1.sum.3")),
	                    " \n ");

	/* and writing the model read back gives the same bytes: the form is canonical */
	char *xml2 = export_to_buffer(back, CISPREF_FORMAT_XML, &size2);
	assert_int_equal(size2, size);
	assert_memory_equal(xml2, xml, size);

	/* so does the JSON of both */
	char *json1 = export_to_buffer(ref, CISPREF_FORMAT_JSON, &size);
	char *json2 = export_to_buffer(back, CISPREF_FORMAT_JSON, &size2);
	assert_string_equal(json1, json2);

	cispref_buffer_free(json1);
	cispref_buffer_free(json2);
	cispref_buffer_free(xml2);
	cispref_buffer_free(xml);
	cispref_referential_free(back);
	cispref_referential_free(ref);
}

/* A referential with nothing but its title survives too. */
static void test_write_read_minimal(void **state)
{
	(void)state;
	cispref_referential *ref = NULL, *back = NULL;
	OK(cispref_referential_new(&ref, "min", "Minimal"));
	size_t size = 0;
	char *xml = export_to_buffer(ref, CISPREF_FORMAT_XML, &size);
	assert_string_equal(xml,
	                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                    "<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" "
	                    "id=\"min\" version=\"1\" xml:lang=\"fr\" "
	                    /* the namespace derived from "min", which the writer keeps:
	                     * uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL,
	                     * "urn:cispref:referential"), "min") in Python */
	                    "uuid=\"898a2603-d10f-5b6c-a9fc-47f7b40b9ea5\">\n"
	                    "  <title>Minimal</title>\n"
	                    "</referential>\n");
	OK(cispref_referential_load_memory(&back, xml, size, NULL, NULL, NULL));
	assert_true(cispref_referential_equal(ref, back));
	cispref_buffer_free(xml);
	cispref_referential_free(back);
	cispref_referential_free(ref);
}

/* ---- (3) JSON ------------------------------------------------------------------ */

static cispref_referential *build_tiny(void)
{
	cispref_referential *ref = NULL;
	cispref_domain *d, *e;
	cispref_plan *ind;
	cispref_competence *c;
	cispref_item *it;
	cispref_concept *k;
	cispref_note *n;
	OK(cispref_referential_new(&ref, "tiny", "Tiny \"quoted\" \\ back\\slash"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_PUBLISHER, "not in the JSON"));
	OK(cispref_referential_add_concept(&k, ref, "c.1", SF, "<&>'/"));
	OK(cispref_referential_add_note(&n, ref, "n.1", "21", "Note\tone"));
	OK(cispref_referential_add_domain(&d, ref, "d", CISPREF_DOMAIN_CORE, "Dom\tain"));
	OK(cispref_domain_add_plan(&ind, d, "d.ind", CISPREF_PLAN_INDIVIDUAL, "Ind"));
	OK(cispref_domain_add_plan(NULL, d, "d.col", CISPREF_PLAN_COLLECTIVE, "Col"));
	OK(cispref_plan_add_competence(&c, ind, "d.ind.1", "é œ · ’ “ ” \xc2\xa0 \xf0\x9f\x98\x80"));
	OK(cispref_competence_add_note(c, n));
	OK(cispref_competence_add_item(&it, c, "d.ind.1.sf.1", SF, "A\nB"));
	OK(cispref_item_set_concept(it, k));
	OK(cispref_competence_add_item(NULL, c, "d.ind.1.s.1", S, "line\r\nend"));
	OK(cispref_domain_add_summary_entry(NULL, d, "d.sum.1", CISPREF_PLAN_INDIVIDUAL, "Linked", c));
	OK(cispref_domain_add_summary_entry(NULL, d, "d.sum.2", CISPREF_PLAN_JOINT, BLANK, NULL));
	OK(cispref_referential_add_domain(&e, ref, "e", CISPREF_DOMAIN_TRANSVERSAL, BLANK));
	return blank_texts(ref); /* empty texts, as a lenient load reads them */
}

/* Written by hand from the contract in DESIGN.md: keys always present and in its order,
 * null for no concept / competence, [] for empty lists, two-space indentation; every node
 * object and the document end with "uuid" and "uri" (null: no base URI). The UUIDs come
 * from Python, not from cispref: the namespace is the one derived from the id "tiny",
 * ns = uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "urn:cispref:referential"), "tiny")
 * (a1daad77-...), and each node's is uuid.uuid5(ns, node_id). */
static const char tiny_json[] =
	"{\n"
	"  \"format\": \"cispref-json\",\n"
	"  \"format_version\": 1,\n"
	"  \"id\": \"tiny\",\n"
	"  \"title\": \"Tiny \\\"quoted\\\" \\\\ back\\\\slash\",\n"
	"  \"version\": \"1\",\n"
	"  \"language\": \"fr\",\n"
	"  \"domains\": [\n"
	"    {\n"
	"      \"id\": \"d\",\n"
	"      \"kind\": \"core\",\n"
	"      \"title\": \"Dom\\tain\",\n"
	"      \"summary\": [\n"
	"        {\n"
	"          \"plan\": \"individual\",\n"
	"          \"text\": \"Linked\",\n"
	"          \"competence\": \"d.ind.1\",\n"
	"          \"uuid\": \"325d4bee-c5d7-50d7-8432-4a23a06c3925\",\n"
	"          \"uri\": null,\n"
	"          \"deprecated\": false,\n"
	"          \"replaced_by\": null\n"
	"        },\n"
	"        {\n"
	"          \"plan\": \"joint\",\n"
	"          \"text\": \"\",\n"
	"          \"competence\": null,\n"
	"          \"uuid\": \"63efd5f9-8dfc-5d5a-8ca5-b6161d3a9a3b\",\n"
	"          \"uri\": null,\n"
	"          \"deprecated\": false,\n"
	"          \"replaced_by\": null\n"
	"        }\n"
	"      ],\n"
	"      \"plans\": [\n"
	"        {\n"
	"          \"id\": \"d.ind\",\n"
	"          \"kind\": \"individual\",\n"
	"          \"title\": \"Ind\",\n"
	"          \"competences\": [\n"
	"            {\n"
	"              \"id\": \"d.ind.1\",\n"
	"              \"title\": \"é œ · ’ “ ” \xc2\xa0 \xf0\x9f\x98\x80\",\n"
	"              \"savoir_faire\": [\n"
	"                {\n"
	"                  \"id\": \"d.ind.1.sf.1\",\n"
	"                  \"text\": \"A\\nB\",\n"
	"                  \"concept\": \"c.1\",\n"
	"                  \"uuid\": \"4628605c-7a52-568c-9a84-86598f103b12\",\n"
	"                  \"uri\": null,\n"
	"                  \"deprecated\": false,\n"
	"                  \"replaced_by\": null\n"
	"                }\n"
	"              ],\n"
	"              \"savoir_faire_comportementaux\": [],\n"
	"              \"savoirs\": [\n"
	"                {\n"
	"                  \"id\": \"d.ind.1.s.1\",\n"
	"                  \"text\": \"line\\r\\nend\",\n"
	"                  \"concept\": null,\n"
	"                  \"uuid\": \"ceaa9bf3-52d1-55b7-b7ed-90527657b774\",\n"
	"                  \"uri\": null,\n"
	"                  \"deprecated\": false,\n"
	"                  \"replaced_by\": null\n"
	"                }\n"
	"              ],\n"
	"              \"notes\": [\n"
	"                \"n.1\"\n"
	"              ],\n"
	"              \"uuid\": \"6dacbab1-b309-5222-abb4-16035c0bc817\",\n"
	"              \"uri\": null,\n"
	"              \"deprecated\": false,\n"
	"              \"replaced_by\": null\n"
	"            }\n"
	"          ],\n"
	"          \"uuid\": \"c8ad6272-783d-5153-b20c-92f74a1a1241\",\n"
	"          \"uri\": null,\n"
	"          \"deprecated\": false,\n"
	"          \"replaced_by\": null\n"
	"        },\n"
	"        {\n"
	"          \"id\": \"d.col\",\n"
	"          \"kind\": \"collective\",\n"
	"          \"title\": \"Col\",\n"
	"          \"competences\": [],\n"
	"          \"uuid\": \"9a1c7a7c-7587-58e1-acfc-f0844bbeecb0\",\n"
	"          \"uri\": null,\n"
	"          \"deprecated\": false,\n"
	"          \"replaced_by\": null\n"
	"        }\n"
	"      ],\n"
	"      \"uuid\": \"805a4d84-2051-53db-a781-d0946f5ae1f6\",\n"
	"      \"uri\": null,\n"
	"      \"deprecated\": false,\n"
	"      \"replaced_by\": null\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"e\",\n"
	"      \"kind\": \"transversal\",\n"
	"      \"title\": \"\",\n"
	"      \"summary\": [],\n"
	"      \"plans\": [],\n"
	"      \"uuid\": \"4dae8aa1-eee7-5fc7-91e7-3dcbcb1d7081\",\n"
	"      \"uri\": null,\n"
	"      \"deprecated\": false,\n"
	"      \"replaced_by\": null\n"
	"    }\n"
	"  ],\n"
	"  \"concepts\": [\n"
	"    {\n"
	"      \"id\": \"c.1\",\n"
	"      \"kind\": \"savoir-faire\",\n"
	"      \"label\": \"<&>'/\",\n"
	"      \"uuid\": \"a34fd364-249f-50f2-b9b1-af19063cab19\",\n"
	"      \"uri\": null,\n"
	"      \"deprecated\": false,\n"
	"      \"replaced_by\": null\n"
	"    }\n"
	"  ],\n"
	"  \"notes\": [\n"
	"    {\n"
	"      \"id\": \"n.1\",\n"
	"      \"number\": \"21\",\n"
	"      \"text\": \"Note\\tone\",\n"
	"      \"uuid\": \"49b8162f-9f26-5873-bc42-530375f5dd9e\",\n"
	"      \"uri\": null,\n"
	"      \"deprecated\": false,\n"
	"      \"replaced_by\": null\n"
	"    }\n"
	"  ],\n"
	"  \"uuid\": \"a1daad77-6fb3-5afd-ad7f-06d9d5715e81\",\n"
	"  \"uri\": null,\n"
	"  \"front_matter\": []\n"
	"}\n";

static void test_json_tiny(void **state)
{
	(void)state;
	cispref_referential *ref = build_tiny();
	size_t size = 0;
	char *json = export_to_buffer(ref, CISPREF_FORMAT_JSON, &size);
	assert_string_equal(json, tiny_json);
	assert_int_equal(size, sizeof tiny_json - 1);
	cispref_buffer_free(json);
	cispref_referential_free(ref);
}

static void test_json_empty(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_new(&ref, "e", BLANK));
	OK(cispref_referential_set_version(ref, ""));
	ref = blank_texts(ref); /* an empty title, as a lenient load reads it */
	size_t size = 0;
	char *json = export_to_buffer(ref, CISPREF_FORMAT_JSON, &size);
	assert_string_equal(json,
	                    "{\n"
	                    "  \"format\": \"cispref-json\",\n"
	                    "  \"format_version\": 1,\n"
	                    "  \"id\": \"e\",\n"
	                    "  \"title\": \"\",\n"
	                    "  \"version\": \"\",\n"
	                    "  \"language\": \"fr\",\n"
	                    "  \"domains\": [],\n"
	                    "  \"concepts\": [],\n"
	                    "  \"notes\": [],\n"
	                    /* uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL,
	                     * "urn:cispref:referential"), "e") in Python */
	                    "  \"uuid\": \"289be64c-a0f1-50f2-862d-f02fb69238b4\",\n"
	                    "  \"uri\": null,\n"
	                    "  \"front_matter\": []\n"
	                    "}\n");
	cispref_buffer_free(json);
	cispref_referential_free(ref);
}

/* A control character other than tab, newline and carriage return cannot reach a model
 * through the public API: the builder refuses it (XML 1.0 cannot hold it) and so does the
 * XML parser, even as a character reference. */
static void test_json_control_characters_refused(void **state)
{
	(void)state;
	cispref_referential *ref = build_tiny();
	cispref_item *it =
		cispref_referential_edit_item(ref, cispref_referential_find_item(ref, "d.ind.1.sf.1"));
	assert_int_equal(cispref_item_set_text(it, "bell\x01"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_title(ref, "\x1f"), CISPREF_EARG);
	static const char xml[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"x\" "
		"version=\"1\" xml:lang=\"fr\">\n"
		"  <title>a&#1;b</title>\n"
		"</referential>\n";
	cispref_referential *loaded = NULL;
	cispref_load_options lenient = load_options_with(CISPREF_LOAD_LENIENT);
	assert_int_equal(cispref_referential_load_memory(&loaded, xml, sizeof xml - 1, NULL,
	                                                 &lenient, NULL),
	                 CISPREF_EXML);
	assert_null(loaded);
	cispref_referential_free(ref);
}

/* The JSON writer's string escaping, on every character below 0x20 and more. Those
 * characters cannot get into a model (above), so this calls the writer's own function
 * from lib/json.c included at the top of this file. */
static void test_json_string_escapes(void **state)
{
	(void)state;
	xmlBufferPtr buf = xmlBufferCreate();
	assert_non_null(buf);
	json j = {buf, 0, 0};
	cispref__json_string(&j, "\x01|\"|\\|\n|\t|\r|\b|\f|\x1f|\x7f|/|é œ · ’ “ ” \xc2\xa0\xf0\x9f\x98\x80");
	cispref__json_raw(&j, " ");
	cispref__json_string(&j, NULL);
	cispref__json_raw(&j, " ");
	cispref__json_string(&j, "");
	assert_int_equal(j.failed, 0);
	assert_string_equal((const char *)xmlBufferContent(buf),
	                    "\"\\u0001|\\\"|\\\\|\\n|\\t|\\r|\\b|\\f|\\u001f|\x7f|/|"
	                    "é œ · ’ “ ” \xc2\xa0\xf0\x9f\x98\x80\" null \"\"");
	xmlBufferEmpty(buf);
	for (int c = 1; c < 0x20; c++) {
		char in[2] = {(char)c, '\0'}, want[16];
		xmlBufferEmpty(buf);
		cispref__json_string(&j, in);
		switch (c) {
		case '\n': snprintf(want, sizeof want, "\"\\n\""); break;
		case '\t': snprintf(want, sizeof want, "\"\\t\""); break;
		case '\r': snprintf(want, sizeof want, "\"\\r\""); break;
		case '\b': snprintf(want, sizeof want, "\"\\b\""); break;
		case '\f': snprintf(want, sizeof want, "\"\\f\""); break;
		default: snprintf(want, sizeof want, "\"\\u%04x\"", (unsigned)c);
		}
		assert_string_equal((const char *)xmlBufferContent(buf), want);
	}
	xmlBufferFree(buf);
}

/* A tiny JSON syntax checker: enough to tell that the export parses, and to see the
 * top-level keys and list lengths, without a JSON library. */
typedef struct jparser {
	const char *p;
	int depth;
	char top_keys[16][32];
	int top_key_count;
	size_t top_array_len[16]; /* element count of the top-level value of each key */
} jparser;

static void jspace(jparser *j)
{
	while (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r')
		j->p++;
}

static int jstring(jparser *j, char *out, size_t out_size)
{
	size_t n = 0;
	if (*j->p != '"')
		return -1;
	for (j->p++; *j->p != '"'; j->p++) {
		unsigned char c = (unsigned char)*j->p;
		if (c < 0x20)
			return -1; /* raw control characters are not allowed */
		if (c == '\\') {
			j->p++;
			if (*j->p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", j->p[i]) || !j->p[i])
						return -1;
				j->p += 4;
			} else if (!*j->p || !strchr("\"\\/bfnrt", *j->p)) {
				return -1;
			}
		}
		if (out && n + 1 < out_size)
			out[n++] = (char)c;
	}
	j->p++;
	if (out)
		out[n] = '\0';
	return 0;
}

static int jvalue(jparser *j, size_t *array_len);

static int jobject(jparser *j)
{
	int top = j->depth == 0;
	j->depth++;
	j->p++; /* { */
	jspace(j);
	if (*j->p == '}') {
		j->p++;
		j->depth--;
		return 0;
	}
	for (;;) {
		char name[32];
		jspace(j);
		if (jstring(j, name, sizeof name) != 0)
			return -1;
		jspace(j);
		if (*j->p++ != ':')
			return -1;
		size_t len = 0;
		if (jvalue(j, &len) != 0)
			return -1;
		if (top && j->top_key_count < 16) {
			snprintf(j->top_keys[j->top_key_count], sizeof j->top_keys[0], "%s", name);
			j->top_array_len[j->top_key_count++] = len;
		}
		jspace(j);
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		if (*j->p++ != '}')
			return -1;
		j->depth--;
		return 0;
	}
}

static int jarray(jparser *j, size_t *len)
{
	j->depth++;
	j->p++; /* [ */
	jspace(j);
	if (*j->p == ']') {
		j->p++;
		j->depth--;
		return 0;
	}
	for (;;) {
		if (jvalue(j, NULL) != 0)
			return -1;
		(*len)++;
		jspace(j);
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		if (*j->p++ != ']')
			return -1;
		j->depth--;
		return 0;
	}
}

static int jvalue(jparser *j, size_t *array_len)
{
	size_t dummy = 0;
	jspace(j);
	switch (*j->p) {
	case '{': return jobject(j);
	case '[': return jarray(j, array_len ? array_len : &dummy);
	case '"': return jstring(j, NULL, 0);
	case 'n': return strncmp(j->p, "null", 4) == 0 ? (j->p += 4, 0) : -1;
	case 't': return strncmp(j->p, "true", 4) == 0 ? (j->p += 4, 0) : -1;
	case 'f': return strncmp(j->p, "false", 5) == 0 ? (j->p += 5, 0) : -1;
	default:
		if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9')) {
			j->p++;
			while (strchr("0123456789.eE+-", *j->p) && *j->p)
				j->p++;
			return 0;
		}
		return -1;
	}
}

static void test_json_default_parses(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	size_t size = 0;
	char *json = export_to_buffer(ref, CISPREF_FORMAT_JSON, &size);
	static const char head[] = "{\n  \"format\": \"cispref-json\",\n  \"format_version\": 1,\n"
	                           "  \"id\": \"cisp-accompagnement\",";
	assert_true(strncmp(json, head, sizeof head - 1) == 0);

	jparser j;
	memset(&j, 0, sizeof j);
	j.p = json;
	if (jvalue(&j, NULL) != 0)
		fail_msg("the JSON export does not parse, at byte %zu", (size_t)(j.p - json));
	jspace(&j);
	assert_int_equal(*j.p, '\0');
	assert_int_equal((size_t)(j.p - json), size);

	static const char *const top[] = {"format", "format_version", "id", "title", "version",
	                                  "language", "domains", "concepts", "notes", "uuid",
	                                  "uri", "front_matter"};
	assert_int_equal(j.top_key_count, 12);
	for (int i = 0; i < 12; i++)
		assert_string_equal(j.top_keys[i], top[i]);
	assert_int_equal(j.top_array_len[6], cispref_referential_domain_count(ref));
	assert_int_equal(j.top_array_len[7], cispref_referential_concept_count(ref));
	assert_int_equal(j.top_array_len[8], cispref_referential_note_count(ref));
	assert_true(cispref_referential_domain_count(ref) > 0);

	/* non-ASCII stays raw UTF-8, never \u-escaped */
	assert_non_null(strstr(json, "\"title\": \"Référentiel de compétences de l'accompagnement en CISP\""));
	assert_null(strstr(json, "\\u"));
	cispref_buffer_free(json);
	cispref_referential_free(ref);
}

/* ---- (4) streams ----------------------------------------------------------------- */

static void check_stream(const cispref_referential *ref, cispref_format_t format)
{
	size_t size = 0;
	char *expected = export_to_buffer(ref, format, &size);
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(fputs("prefix|", f) >= 0, 1);
	OK(cispref_export_stream(f, ref, format, NULL));
	long end = ftell(f);
	assert_int_equal(end, (long)(size + 7));
	rewind(f);
	char *got = malloc(size + 8);
	assert_non_null(got);
	assert_int_equal(fread(got, 1, size + 7, f), size + 7);
	assert_memory_equal(got, "prefix|", 7);
	assert_memory_equal(got + 7, expected, size);
	free(got);
	fclose(f);
	cispref_buffer_free(expected);
}

static void test_stream(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	check_stream(ref, CISPREF_FORMAT_XML);
	check_stream(ref, CISPREF_FORMAT_JSON);
	cispref_referential *tiny = build_tiny();
	check_stream(tiny, CISPREF_FORMAT_XML);
	check_stream(tiny, CISPREF_FORMAT_JSON);

	/* a stream that cannot be written */
	FILE *ro = fopen("/dev/null", "r");
	assert_non_null(ro);
	cispref_error error;
	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_export_stream(ro, tiny, CISPREF_FORMAT_XML, &error), CISPREF_EIO);
	assert_int_equal(error.code, CISPREF_EIO);
	assert_true(error.text[0] != '\0');
	fclose(ro);
	cispref_referential_free(tiny);
	cispref_referential_free(ref);
}

/* ---- (5) files ------------------------------------------------------------------- */

/* The names in @dir, sorted and joined with spaces ("" when empty). */
static char *list_dir(const char *dir)
{
	char names[64][256];
	int count = 0;
	DIR *d = opendir(dir);
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		assert_true(count < 64);
		snprintf(names[count++], sizeof names[0], "%s", e->d_name);
	}
	closedir(d);
	for (int i = 1; i < count; i++) /* insertion sort */
		for (int k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
			char tmp[256];
			memcpy(tmp, names[k], sizeof tmp);
			memcpy(names[k], names[k - 1], sizeof tmp);
			memcpy(names[k - 1], tmp, sizeof tmp);
		}
	char *out = calloc(1, 64 * 257 + 1);
	assert_non_null(out);
	for (int i = 0; i < count; i++)
		sprintf(out + strlen(out), "%s%s", i ? " " : "", names[i]);
	return out;
}

static void assert_dir_holds(const char *dir, const char *expected)
{
	char *names = list_dir(dir);
	if (strcmp(names, expected) != 0)
		fail_msg("directory %s holds \"%s\", expected \"%s\"", dir, names, expected);
	free(names);
}

static void assert_file_is(const char *path, const char *content, size_t size)
{
	size_t got_size = 0;
	char *got = read_whole_file(path, &got_size);
	if (!got)
		fail_msg("cannot read %s", path);
	assert_int_equal(got_size, size);
	assert_memory_equal(got, content, size);
	free(got);
}

/* The export fails with CISPREF_EIO and an error naming @path. */
static void assert_export_path_fails(const char *path, const cispref_referential *ref)
{
	cispref_error error;
	memset(&error, 0, sizeof error);
	int rc = cispref_export_path(path, ref, CISPREF_FORMAT_XML, &error);
	if (rc != CISPREF_EIO)
		fail_msg("export to %s gave %d, expected CISPREF_EIO", path, rc);
	assert_int_equal(error.code, CISPREF_EIO);
	if (!strstr(error.text, path))
		fail_msg("the message \"%s\" does not name %s", error.text, path);
	assert_string_equal(error.source, path);
}

static void test_export_path(void **state)
{
	(void)state;
	char *dir = make_temp_dir();
	assert_non_null(dir);
	char path[4200], other[4200];
	cispref_referential *ref = build_tiny();
	size_t xml_size = 0, json_size = 0;
	char *xml = export_to_buffer(ref, CISPREF_FORMAT_XML, &xml_size);
	char *json = export_to_buffer(ref, CISPREF_FORMAT_JSON, &json_size);
	struct stat st;

	/* a new file: the bytes of the buffer, 0666 less the umask */
	mode_t old_umask = umask(022);
	snprintf(path, sizeof path, "%s/out.xml", dir);
	OK(cispref_export_path(path, ref, CISPREF_FORMAT_XML, NULL));
	umask(old_umask);
	assert_file_is(path, xml, xml_size);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
	assert_dir_holds(dir, "out.xml");

	/* an existing file is replaced by a new one (renamed over it), keeping its mode */
	snprintf(other, sizeof other, "%s/out.json", dir);
	write_file(other, "previous content\n");
	assert_int_equal(chmod(other, 0640), 0);
	assert_int_equal(stat(other, &st), 0);
	ino_t old_inode = st.st_ino;
	OK(cispref_export_path(other, ref, CISPREF_FORMAT_JSON, NULL));
	assert_file_is(other, json, json_size);
	assert_int_equal(stat(other, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_true(S_ISREG(st.st_mode));
	assert_true(st.st_ino != old_inode);
	assert_dir_holds(dir, "out.json out.xml");

	/* XML over the JSON file, then the same again: still one file, no leftovers */
	OK(cispref_export_path(other, ref, CISPREF_FORMAT_XML, NULL));
	OK(cispref_export_path(other, ref, CISPREF_FORMAT_XML, NULL));
	assert_file_is(other, xml, xml_size);
	assert_int_equal(stat(other, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_dir_holds(dir, "out.json out.xml");

	/* the target's directory does not exist */
	snprintf(path, sizeof path, "%s/missing/out.xml", dir);
	assert_export_path_fails(path, ref);
	assert_dir_holds(dir, "out.json out.xml");

	/* the target is an existing directory: it stays, empty */
	snprintf(path, sizeof path, "%s/subdir", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_export_path_fails(path, ref);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_dir_holds(path, "");
	assert_dir_holds(dir, "out.json out.xml subdir");

	/* the target is under a regular file: that file is byte-identical afterwards */
	snprintf(other, sizeof other, "%s/file", dir);
	write_file(other, "a regular file\n");
	snprintf(path, sizeof path, "%s/file/out.xml", dir);
	assert_export_path_fails(path, ref);
	assert_file_is(other, "a regular file\n", 15);
	assert_dir_holds(dir, "file out.json out.xml subdir");

	/* a directory without write permission: only meaningful when not root, since root
	 * writes anyway */
	snprintf(other, sizeof other, "%s/locked", dir);
	assert_int_equal(mkdir(other, 0755), 0);
	snprintf(path, sizeof path, "%s/locked/kept.xml", dir);
	write_file(path, "kept\n");
	assert_int_equal(chmod(other, 0500), 0);
	if (geteuid() != 0) {
		assert_export_path_fails(path, ref);
		assert_file_is(path, "kept\n", 5);
		assert_dir_holds(other, "kept.xml");
	} else {
		(void)cispref_export_path(path, ref, CISPREF_FORMAT_XML, NULL);
	}
	assert_int_equal(chmod(other, 0755), 0);

	/* clean up */
	static const char *const leftovers[] = {"locked/kept.xml", "locked", "file", "subdir",
	                                        "out.json", "out.xml"};
	for (size_t i = 0; i < sizeof leftovers / sizeof leftovers[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, leftovers[i]);
		assert_int_equal(remove(path), 0);
	}
	assert_int_equal(rmdir(dir), 0);
	free(dir);
	cispref_buffer_free(xml);
	cispref_buffer_free(json);
	cispref_referential_free(ref);
}

/* ---- (6) invalid arguments, format names ---------------------------------------- */

static void test_invalid_arguments(void **state)
{
	(void)state;
	cispref_referential *ref = build_tiny();
	char *out = (char *)(uintptr_t)1;
	size_t size = 77;
	cispref_error error;

	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_export_buffer(&out, &size, NULL, CISPREF_FORMAT_XML, &error),
	                 CISPREF_EARG);
	assert_int_equal(error.code, CISPREF_EARG);
	assert_ptr_equal(out, (char *)(uintptr_t)1);
	assert_int_equal(size, 77);
	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_export_buffer(NULL, &size, ref, CISPREF_FORMAT_XML, &error),
	                 CISPREF_EARG);
	assert_int_equal(error.code, CISPREF_EARG);
	assert_int_equal(cispref_export_buffer(&out, &size, ref,
	                                       (cispref_format_t)cispref_format_count(), NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_export_buffer(&out, &size, ref, (cispref_format_t)-1, NULL),
	                 CISPREF_EARG);
	assert_ptr_equal(out, (char *)(uintptr_t)1);

	/* size may be NULL */
	out = NULL;
	OK(cispref_export_buffer(&out, NULL, ref, CISPREF_FORMAT_JSON, NULL));
	assert_string_equal(out, tiny_json);
	cispref_buffer_free(out);
	cispref_buffer_free(NULL);

	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(cispref_export_stream(NULL, ref, CISPREF_FORMAT_XML, NULL), CISPREF_EARG);
	assert_int_equal(cispref_export_stream(f, NULL, CISPREF_FORMAT_XML, NULL), CISPREF_EARG);
	assert_int_equal(cispref_export_stream(f, ref, (cispref_format_t)cispref_format_count(),
	                                       NULL),
	                 CISPREF_EARG);
	assert_int_equal(ftell(f), 0);
	fclose(f);

	char *dir = make_temp_dir();
	assert_non_null(dir);
	char path[4200];
	snprintf(path, sizeof path, "%s/x.xml", dir);
	assert_int_equal(cispref_export_path(NULL, ref, CISPREF_FORMAT_XML, NULL), CISPREF_EARG);
	assert_int_equal(cispref_export_path("", ref, CISPREF_FORMAT_XML, NULL), CISPREF_EARG);
	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_export_path(path, NULL, CISPREF_FORMAT_XML, &error), CISPREF_EARG);
	assert_int_equal(error.code, CISPREF_EARG);
	assert_int_equal(cispref_export_path(path, ref, (cispref_format_t)cispref_format_count(),
	                                     NULL),
	                 CISPREF_EARG);
	assert_dir_holds(dir, "");
	assert_int_equal(rmdir(dir), 0);
	free(dir);
	cispref_referential_free(ref);
}

static void test_format_names(void **state)
{
	(void)state;
	cispref_format_t f = (cispref_format_t)9;
	assert_string_equal(cispref_format_name(CISPREF_FORMAT_XML), "xml");
	assert_string_equal(cispref_format_name(CISPREF_FORMAT_JSON), "json");
	assert_null(cispref_format_name((cispref_format_t)cispref_format_count()));
	assert_null(cispref_format_name((cispref_format_t)-1));
	OK(cispref_format_from_name(&f, "xml"));
	assert_int_equal(f, CISPREF_FORMAT_XML);
	OK(cispref_format_from_name(&f, "json"));
	assert_int_equal(f, CISPREF_FORMAT_JSON);
	static const char *const unknown[] = {"", "XML", "Json", "yaml", "xml ", "html"};
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		assert_int_equal(cispref_format_from_name(&f, unknown[i]), CISPREF_EARG);
	assert_int_equal(cispref_format_from_name(&f, NULL), CISPREF_EARG);
	assert_int_equal(cispref_format_from_name(NULL, "xml"), CISPREF_EARG);
	assert_int_equal(f, CISPREF_FORMAT_JSON);

	/* The table of formats, as export.h documents it (RFC 7303, RFC 8259). */
	assert_int_equal(cispref_format_count(), 10);
	/* the media type of shared-mime-info (freedesktop.org) for a gettext template */
	assert_string_equal(cispref_format_extension(CISPREF_FORMAT_PO), ".pot");
	assert_string_equal(cispref_format_media_type(CISPREF_FORMAT_PO),
	                    "text/x-gettext-translation-template");
	assert_string_equal(cispref_format_extension(CISPREF_FORMAT_SKOS), ".ttl");
	assert_string_equal(cispref_format_media_type(CISPREF_FORMAT_SKOS), "text/turtle");
	assert_string_equal(cispref_format_extension(CISPREF_FORMAT_ESCO_CSV), ".csv");
	assert_string_equal(cispref_format_media_type(CISPREF_FORMAT_ESCO_CSV), "text/csv");
	assert_string_equal(cispref_format_extension(CISPREF_FORMAT_MOODLE), ".csv");
	assert_string_equal(cispref_format_media_type(CISPREF_FORMAT_MOODLE), "text/csv");
	assert_string_equal(cispref_format_extension(CISPREF_FORMAT_XML), ".xml");
	assert_string_equal(cispref_format_extension(CISPREF_FORMAT_JSON), ".json");
	assert_string_equal(cispref_format_media_type(CISPREF_FORMAT_XML), "application/xml");
	assert_string_equal(cispref_format_media_type(CISPREF_FORMAT_JSON), "application/json");
	assert_true(strlen(cispref_format_description(CISPREF_FORMAT_XML)) > 0);
	assert_null(cispref_format_extension((cispref_format_t)cispref_format_count()));
	assert_null(cispref_format_media_type((cispref_format_t)cispref_format_count()));
	assert_null(cispref_format_description((cispref_format_t)cispref_format_count()));
	OK(cispref_format_from_path(&f, "dir/referentiel.xml"));
	assert_int_equal(f, CISPREF_FORMAT_XML);
	OK(cispref_format_from_path(&f, "referentiel.json"));
	assert_int_equal(f, CISPREF_FORMAT_JSON);
	static const char *const not_ours[] = {"referentiel", "r.yaml", "d.xml/r", "r.JSÖN", ""};
	for (size_t i = 0; i < sizeof not_ours / sizeof not_ours[0]; i++)
		assert_int_equal(cispref_format_from_path(&f, not_ours[i]), CISPREF_EARG);
	assert_int_equal(f, CISPREF_FORMAT_JSON);
	/* ASCII letters in either case (export.h): a name written on a system that shouts */
	OK(cispref_format_from_path(&f, "R.XML"));
	assert_int_equal(f, CISPREF_FORMAT_XML);
	OK(cispref_format_from_path(&f, "fr.Pot"));
	assert_int_equal(f, CISPREF_FORMAT_PO);
	OK(cispref_format_from_path(&f, "nl.PO"));
	assert_int_equal(f, CISPREF_FORMAT_PO);
	OK(cispref_format_from_path(&f, "r.JSON"));
	assert_int_equal(f, CISPREF_FORMAT_JSON);
}

/* The count follows the enum, whose last value is the gettext template, and every
 * format's extension names a format again: the first of the table with that extension
 * (export.h), hence itself or an earlier one that shares it. */
static void test_format_count_and_extensions(void **state)
{
	(void)state;
	assert_int_equal(cispref_format_count(), CISPREF_FORMAT_PO + 1);
	assert_int_equal(CISPREF_FORMAT_COUNT, CISPREF_FORMAT_PO + 1);
	for (size_t i = 0; i < cispref_format_count(); i++) {
		cispref_format_t f = (cispref_format_t)i, back = (cispref_format_t)-1;
		const char *extension = cispref_format_extension(f);
		assert_non_null(extension);
		char path[64];
		snprintf(path, sizeof path, "out/referentiel%s", extension);
		OK(cispref_format_from_path(&back, path));
		assert_true((size_t)back <= i);
		assert_string_equal(cispref_format_extension(back), extension);
		for (size_t earlier = 0; earlier < (size_t)back; earlier++)
			assert_string_not_equal(cispref_format_extension((cispref_format_t)earlier),
			                        extension);
	}
	/* the extensions export.h lists, each to the format it names */
	static const struct {
		const char *path;
		cispref_format_t format;
	} expected[] = {{"r.xml", CISPREF_FORMAT_XML},   {"r.json", CISPREF_FORMAT_JSON},
	                {"r.csv", CISPREF_FORMAT_CSV},   {"r.xlsx", CISPREF_FORMAT_XLSX},
	                {"r.ttl", CISPREF_FORMAT_SKOS},  {"fr.pot", CISPREF_FORMAT_PO}};
	for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
		cispref_format_t f = (cispref_format_t)-1;
		OK(cispref_format_from_path(&f, expected[i].path));
		assert_int_equal(f, expected[i].format);
	}
	/* the template is a catalogue too; another extension, or none, is no format */
	cispref_format_t f = CISPREF_FORMAT_XML;
	OK(cispref_format_from_path(&f, "nl.po"));
	assert_int_equal(f, CISPREF_FORMAT_PO);
	f = CISPREF_FORMAT_XML;
	assert_int_equal(cispref_format_from_path(&f, "cahier.pdf"), CISPREF_EARG);
	assert_int_equal(cispref_format_from_path(&f, "po"), CISPREF_EARG);
	assert_int_equal(f, CISPREF_FORMAT_XML);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_data_file),
		cmocka_unit_test(test_canonical_fixture),
		cmocka_unit_test(test_canonical_default),
		cmocka_unit_test(test_write_read_tricky),
		cmocka_unit_test(test_write_read_minimal),
		cmocka_unit_test(test_json_tiny),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_json_control_characters_refused),
		cmocka_unit_test(test_json_string_escapes),
		cmocka_unit_test(test_json_default_parses),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_export_path),
		cmocka_unit_test(test_invalid_arguments),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_format_count_and_extensions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
