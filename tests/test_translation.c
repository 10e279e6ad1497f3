/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Translations: the format (tests/fixtures/translation-nl.xml, whose source hashes were
 * computed apart from the library, by a SipHash-2-4 checked against the reference
 * vectors of the SipHash paper), the fallback of RFC 4647's lookup, the outdated check,
 * the strict loader's refusals and equality. The Dutch and German texts were written for
 * these tests. */
#include "test_util.h"

static cispref_referential *load(const char *name)
{
	cispref_referential *ref = NULL;
	cispref_error error;
	if (cispref_referential_load_file(&ref, fixture(name), NULL, &error) != CISPREF_OK)
		fail_msg("%s: %s", name, error.text);
	return ref;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buffer[1 << 16];
	size_t n = fread(buffer, 1, sizeof buffer - 1, f);
	fclose(f);
	buffer[n] = '\0';
	return buffer;
}

/* The canonical writer gives the fixture back, byte for byte. */
static void test_round_trip(void **state)
{
	(void)state;
	cispref_referential *ref = load("translation-nl.xml");
	char *xml = NULL;
	OK(cispref_export_buffer(&xml, NULL, ref, CISPREF_FORMAT_XML, NULL));
	assert_string_equal(xml, read_all(fixture("translation-nl.xml")));
	cispref_referential *again = NULL;
	OK(cispref_referential_load_memory(&again, xml, strlen(xml), "again", NULL, NULL));
	assert_true(cispref_referential_equal(ref, again));
	cispref_buffer_free(xml);
	cispref_referential_free(again);
	cispref_referential_free(ref);
}

static void test_lookup(void **state)
{
	(void)state;
	cispref_referential *ref = load("translation-nl.xml");
	/* exact, case aside, and cut down from a longer tag (RFC 4647 section 3.4) */
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind.1.sf.1", "nl"),
	                    "De behoeften bepalen");
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind.1.sf.1", "NL"),
	                    "De behoeften bepalen");
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind.1.sf.1", "nl-BE"),
	                    "De behoeften bepalen");
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind.1.sf.1", "nl-x-vlaams"),
	                    "De behoeften bepalen");
	/* every kind of text */
	assert_string_equal(cispref_referential_node_text(ref, "psy", "de"), "Psychosoziale Begleitung");
	assert_string_equal(cispref_referential_node_text(ref, "psy.sum.1", "nl"), "De behoeften analyseren");
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind", "nl"), "Individueel");
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind.1", "nl"), "De behoeften analyseren");
	assert_string_equal(cispref_referential_node_text(ref, "k.ecoute", "nl"), "Actief luisteren");
	assert_string_equal(cispref_referential_node_text(ref, "n1", "nl"), "Een opmerking.");
	/* fallback to the French text: no Dutch one, no German one, French, no language */
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind.1.sf.2", "nl"), "Synthétiser");
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind", "de"), "Individuel");
	assert_string_equal(cispref_referential_node_text(ref, "psy", "fr-BE"),
	                    "Accompagnement psycho-social");
	assert_string_equal(cispref_referential_node_text(ref, "psy", NULL),
	                    "Accompagnement psycho-social");
	/* the exact translation only */
	assert_null(cispref_referential_translation(ref, "psy.ind.1.sf.2", "nl"));
	assert_null(cispref_referential_translation(ref, "psy", "nl-BE"));
	assert_string_equal(cispref_referential_translation(ref, "psy", "nl"), "Psychosociale begeleiding");
	/* the languages, sorted */
	assert_int_equal(cispref_referential_translation_language_count(ref), 2);
	assert_string_equal(cispref_referential_translation_language(ref, 0), "de");
	assert_string_equal(cispref_referential_translation_language(ref, 1), "nl");
	assert_null(cispref_referential_translation_language(ref, 2));
	cispref_referential_free(ref);
}

static const cispref_diagnostic *find_tag(const cispref_diagnostics *list, const char *tag)
{
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++)
		if (strcmp(cispref_diagnostic_tag(cispref_diagnostics_get(list, i)), tag) == 0)
			return cispref_diagnostics_get(list, i);
	return NULL;
}

/* Editing the French text makes its translations outdated; translating again does not. */
static void test_outdated(void **state)
{
	(void)state;
	cispref_referential *ref = load("translation-nl.xml");
	cispref_diagnostics *list = NULL;
	OK(cispref_validate(&list, ref));
	assert_null(find_tag(list, "translation-outdated"));
	cispref_diagnostics_free(list);
	assert_false(cispref_referential_translation_outdated(ref, "psy.ind.1.sf.1", "nl"));

	cispref_item *item =
		cispref_referential_edit_item(ref, cispref_referential_find_item(ref, "psy.ind.1.sf.1"));
	OK(cispref_item_set_text(item, "Cibler les besoins du stagiaire"));
	assert_true(cispref_referential_translation_outdated(ref, "psy.ind.1.sf.1", "nl"));
	OK(cispref_validate(&list, ref));
	const cispref_diagnostic *d = find_tag(list, "translation-outdated");
	assert_non_null(d);
	assert_string_equal(cispref_diagnostic_node_id(d), "psy.ind.1.sf.1");
	assert_int_equal(cispref_diagnostic_line(d), 32); /* the translation's line */
	assert_int_equal(cispref_diagnostic_severity(d), CISPREF_SEVERITY_WARNING);
	cispref_diagnostics_free(list);

	OK(cispref_referential_set_translation(ref, "psy.ind.1.sf.1", "nl",
	                                       "De behoeften van de stagiair bepalen"));
	assert_false(cispref_referential_translation_outdated(ref, "psy.ind.1.sf.1", "nl"));
	/* the hash of "Cibler les besoins du stagiaire", computed apart (see the top) */
	char *xml = NULL;
	OK(cispref_export_buffer(&xml, NULL, ref, CISPREF_FORMAT_XML, NULL));
	assert_non_null(strstr(xml, "<translation of=\"psy.ind.1.sf.1\" xml:lang=\"nl\" "
	                            "source-hash=\"08e42445f27475d3\">De behoeften van de "
	                            "stagiair bepalen</translation>"));
	cispref_buffer_free(xml);
	cispref_referential_free(ref);
}

/* Setting, replacing and removing; equality sees translations. */
static void test_set(void **state)
{
	(void)state;
	cispref_referential *a = load("translation-nl.xml"), *b = load("translation-nl.xml");
	assert_true(cispref_referential_equal(a, b));
	OK(cispref_referential_set_translation(b, "psy.ind.1.sf.2", "nl", "Samenvatten"));
	assert_false(cispref_referential_equal(a, b));
	assert_string_equal(cispref_referential_node_text(b, "psy.ind.1.sf.2", "nl-BE"), "Samenvatten");
	OK(cispref_referential_set_translation(b, "psy.ind.1.sf.2", "nl", NULL));
	assert_true(cispref_referential_equal(a, b));
	OK(cispref_referential_set_translation(b, "psy", "de", NULL));
	assert_false(cispref_referential_equal(a, b));
	assert_int_equal(cispref_referential_translation_language_count(b), 1);
	assert_string_equal(cispref_referential_translation_language(b, 0), "nl");
	assert_string_equal(cispref_referential_node_text(b, "psy", "de"), "Accompagnement psycho-social");
	/* removing the head of a node's list keeps the others */
	assert_string_equal(cispref_referential_node_text(b, "psy", "nl"), "Psychosociale begeleiding");
	OK(cispref_referential_set_translation(b, "psy", "de", "Psychosoziale Begleitung"));
	assert_true(cispref_referential_equal(a, b));
	/* a text that differs */
	OK(cispref_referential_set_translation(b, "n1", "nl", "Een andere opmerking."));
	assert_false(cispref_referential_equal(a, b));
	cispref_referential_free(a);
	cispref_referential_free(b);
}

/* A removed node does not leave its translations to a new node of the same id. */
static void test_removed_node(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_new(&ref, "r", "R"));
	cispref_concept *concept = NULL;
	OK(cispref_referential_add_concept(&concept, ref, "k", CISPREF_ITEM_SAVOIR, "Savoir"));
	OK(cispref_referential_set_translation(ref, "k", "nl", "Kennis"));
	assert_int_equal(cispref_referential_translation_language_count(ref), 1);
	OK(cispref_referential_remove_concept(ref, 0));
	assert_int_equal(cispref_referential_translation_language_count(ref), 0);
	OK(cispref_referential_add_concept(&concept, ref, "k", CISPREF_ITEM_SAVOIR, "Savoir"));
	assert_null(cispref_referential_translation(ref, "k", "nl"));
	assert_string_equal(cispref_referential_node_text(ref, "k", "nl"), "Savoir");
	OK(cispref_referential_set_translation(ref, "k", "nl", "Weten"));
	assert_string_equal(cispref_referential_node_text(ref, "k", "nl"), "Weten");
	cispref_referential_free(ref);
}

#define HEAD                                                                                \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                      \
	"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"r\" "       \
	"version=\"1\" xml:lang=\"fr\">\n"                                                    \
	"<title>R</title>\n"                                                                  \
	"<concepts><concept id=\"k\" kind=\"savoir\">Savoir</concept></concepts>\n"
#define HASH "source-hash=\"0123456789abcdef\""

/* The strict loader refuses what it cannot attach, with the line. */
static void refused(const char *body, const char *in_message, unsigned long line)
{
	char xml[2048];
	snprintf(xml, sizeof xml, HEAD "%s\n</referential>\n", body);
	cispref_referential *ref = NULL;
	cispref_error error;
	assert_int_equal(cispref_referential_load_memory(&ref, xml, strlen(xml), "t.xml", NULL, &error),
	                 CISPREF_EFORMAT);
	assert_null(ref);
	if (!strstr(error.text, in_message))
		fail_msg("'%s' lacks '%s'", error.text, in_message);
	assert_int_equal(error.line, line);
}

static void test_loader_refuses(void **state)
{
	(void)state;
	refused("<translations>\n<translation of=\"nope\" xml:lang=\"nl\" " HASH ">X</translation>"
	        "</translations>", "names no node", 6);
	refused("<translations>\n<translation of=\"k\" xml:lang=\"nl_BE\" " HASH ">X</translation>"
	        "</translations>", "BCP 47", 6);
	refused("<translations>\n<translation of=\"k\" xml:lang=\"FR\" " HASH ">X</translation>"
	        "</translations>", "own language", 6);
	refused("<translations>\n<translation of=\"k\" xml:lang=\"nl\" source-hash=\"0123\">X"
	        "</translation></translations>", "source-hash", 6);
	refused("<translations>\n<translation of=\"k\" xml:lang=\"nl\" source-hash=\"0123456789ABCDEF\">X"
	        "</translation></translations>", "source-hash", 6);
	refused("<translations>\n<translation of=\"k\" xml:lang=\"nl\">X</translation>"
	        "</translations>", "source-hash", 6);
	refused("<translations><translation of=\"k\" xml:lang=\"nl\" " HASH ">X</translation>\n"
	        "<translation of=\"k\" xml:lang=\"NL\" " HASH ">Y</translation></translations>",
	        "second translation", 6);
	/* after the notes only, once */
	refused("<translations/>\n<notes><note id=\"n\" number=\"1\">N</note></notes>",
	        "out of place", 6);
	refused("<translations/>\n<translations/>", "out of place", 6);
	refused("<translations>\n<translation of=\"k\" xml:lang=\"nl\" " HASH "><em>X</em>"
	        "</translation></translations>", "may not contain", 6);
}

/* The front matter is not translated (yet): a translation of a section is refused. */
static void test_front_matter_refused(void **state)
{
	(void)state;
	cispref_referential *ref = load("front-matter.xml");
	const char *section = cispref_section_id(cispref_referential_section(ref, 0));
	assert_int_equal(cispref_referential_set_translation(ref, section, "nl", "Inleiding"),
	                 CISPREF_EARG);
	assert_null(cispref_referential_node_text(ref, section, "nl"));
	cispref_referential_free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_outdated),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_removed_node),
		cmocka_unit_test(test_loader_refuses),
		cmocka_unit_test(test_front_matter_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
