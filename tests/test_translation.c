/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Translations: the format (tests/fixtures/translation-nl.xml, whose source hashes were
 * computed apart from the library, by a SipHash-2-4 checked against the reference
 * vectors of the SipHash paper), the fallback of RFC 4647's lookup, the outdated check,
 * the strict loader's refusals and equality. The Dutch and German texts were written for
 * these tests. */
#include <unistd.h>

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

/* A section holds several texts: the functions for a node's one text refuse it (its texts
 * are named with a part: test_fm_translation.c). */
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

/* ---- the PO workflow ---------------------------------------------------------------- */

#define PO_HEADER                                                                          \
	"msgid \"\"\nmsgstr \"\"\n\"Language: nl\\n\"\n"                                    \
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"

/* @text into a new temporary file, whose name is returned (static). */
static const char *po_file(const char *text, size_t size)
{
	static char path[64];
	strcpy(path, "/tmp/cispref-test-po-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, size, f), size);
	assert_int_equal(fclose(f), 0);
	return path;
}

typedef struct expected_finding {
	const char *tag;
	cispref_severity_t severity;
	unsigned long line;
	const char *node_id;
} expected_finding;

static void assert_findings(const cispref_diagnostics *list, const expected_finding *want,
                            size_t count)
{
	assert_int_equal(cispref_diagnostics_count(list), count);
	for (size_t i = 0; i < count; i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		assert_string_equal(cispref_diagnostic_tag(d), want[i].tag);
		assert_int_equal(cispref_diagnostic_severity(d), want[i].severity);
		assert_int_equal(cispref_diagnostic_line(d), want[i].line);
		if (want[i].node_id)
			assert_string_equal(cispref_diagnostic_node_id(d), want[i].node_id);
		else
			assert_null(cispref_diagnostic_node_id(d));
	}
}

/* The template: one message per text, its id as msgctxt, its place and line as comments;
 * quotes, backslashes and line breaks escaped as the PO format wants. */
static void test_pot(void **state)
{
	(void)state;
	cispref_referential *ref = load("example-small.xml");
	char *pot = NULL;
	OK(cispref_export_buffer(&pot, NULL, ref, CISPREF_FORMAT_PO, NULL));
	assert_non_null(strstr(pot, "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"));
	char expected[4608];
	snprintf(expected, sizeof expected,
	         "\n#. savoir-faire of competence psy.ind.1\n#: %s:11\nmsgctxt \"psy.ind.1.sf.2\"\n"
	         "msgid \"Synthétiser\"\nmsgstr \"\"\n", fixture("example-small.xml"));
	assert_non_null(strstr(pot, expected));
	/* the title, and 11 nodes with a text: 2 domains, 3 plans, 2 competences, 4 items */
	size_t messages = 0;
	for (const char *p = pot; (p = strstr(p, "\nmsgctxt ")); p++)
		messages++;
	assert_int_equal(messages, 12);
	cispref_buffer_free(pot);

	cispref_item *item =
		cispref_referential_edit_item(ref, cispref_referential_find_item(ref, "psy.ind.1.sf.2"));
	OK(cispref_item_set_text(item, "Dire \"non\"\\ puis\nrevenir\tà la ligne"));
	OK(cispref_export_buffer(&pot, NULL, ref, CISPREF_FORMAT_PO, NULL));
	assert_non_null(strstr(pot, "msgid \"Dire \\\"non\\\"\\\\ puis\\nrevenir\\tà la ligne\"\n"));
	cispref_buffer_free(pot);
	cispref_referential_free(ref);
}

/* tests/fixtures/translate-nl.po, written for this test from the template of
 * example-small.xml: five messages to merge, one fuzzy, one untranslated, one made from
 * an older text (a straight apostrophe where the referential has U+2019), an obsolete
 * one. The lines are those of each msgid in the file. */
static void test_merge(void **state)
{
	(void)state;
	cispref_referential *ref = load("example-small.xml");
	cispref_diagnostics *report = NULL;
	cispref_error error;
	OK(cispref_referential_merge_po(ref, fixture("translate-nl.po"), NULL, &report, &error));
	const expected_finding want[] = {
		{"po-fuzzy", CISPREF_SEVERITY_WARNING, 31, "psy.ind.1.sf.1"},
		{"po-untranslated", CISPREF_SEVERITY_INFO, 35, "psy.ind.1.sf.2"},
		{"po-source-changed", CISPREF_SEVERITY_INFO, 40, "psy.ind.1.s.1"},
	};
	assert_findings(report, want, N_ELEMENTS(want));
	assert_string_equal(cispref_diagnostic_file(cispref_diagnostics_get(report, 0)),
	                    fixture("translate-nl.po"));
	cispref_diagnostics_free(report);

	assert_string_equal(cispref_referential_node_text(ref, "psy", "nl"), "Psychosociale begeleiding");
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind", "nl"), "Individueel");
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind.1", "nl-BE"),
	                    "De behoeften analyseren"); /* two strings joined */
	assert_string_equal(cispref_referential_node_text(ref, "psy.col", "nl"), "Collectief");
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind.1.s.1", "nl"),
	                    "De gesprekstechnieken");
	/* skipped: the French stays */
	assert_null(cispref_referential_translation(ref, "psy.ind.1.sf.1", "nl"));
	assert_null(cispref_referential_translation(ref, "psy.ind.1.sf.2", "nl"));
	assert_string_equal(cispref_referential_node_text(ref, "psy.ind.1.sf.1", "nl"), "Cibler les besoins");
	/* the one from an older text is outdated at once, the others not */
	assert_true(cispref_referential_translation_outdated(ref, "psy.ind.1.s.1", "nl"));
	assert_false(cispref_referential_translation_outdated(ref, "psy.ind.1", "nl"));

	/* through the XML and back */
	char *xml = NULL;
	OK(cispref_export_buffer(&xml, NULL, ref, CISPREF_FORMAT_XML, NULL));
	cispref_referential *again = NULL;
	OK(cispref_referential_load_memory(&again, xml, strlen(xml), "again.xml", NULL, NULL));
	assert_true(cispref_referential_equal(ref, again));
	assert_true(cispref_referential_translation_outdated(again, "psy.ind.1.s.1", "nl"));
	cispref_buffer_free(xml);

	/* editing the French text outdates its translation */
	cispref_competence *comp = cispref_referential_edit_competence(
		again, cispref_referential_find_competence(again, "psy.ind.1"));
	OK(cispref_competence_set_title(comp, "Analyser les besoins du stagiaire"));
	assert_true(cispref_referential_translation_outdated(again, "psy.ind.1", "nl"));
	cispref_diagnostics *list = NULL;
	OK(cispref_validate(&list, again));
	size_t outdated = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++)
		outdated += strcmp(cispref_diagnostic_tag(cispref_diagnostics_get(list, i)),
		                   "translation-outdated") == 0;
	assert_int_equal(outdated, 2); /* psy.ind.1 and psy.ind.1.s.1 */
	cispref_diagnostics_free(list);

	/* merging again, given the language, replaces; the header's agrees */
	OK(cispref_referential_merge_po(ref, fixture("translate-nl.po"), "NL", NULL, &error));
	cispref_referential_free(again);
	cispref_referential_free(ref);
}

/* A catalogue refused as a whole: the code, the line when there is one, the referential
 * as it was. */
static void refused_po(const char *text, size_t size, const char *language, int code,
                       unsigned long line, const char *in_message)
{
	cispref_referential *ref = load("example-small.xml");
	char *before = NULL;
	OK(cispref_export_buffer(&before, NULL, ref, CISPREF_FORMAT_XML, NULL));
	const char *path = po_file(text, size);
	cispref_diagnostics *report = (cispref_diagnostics *)1;
	cispref_error error;
	assert_int_equal(cispref_referential_merge_po(ref, path, language, &report, &error), code);
	assert_null(report);
	assert_int_equal(error.line, line);
	if (!strstr(error.text, in_message))
		fail_msg("'%s' lacks '%s'", error.text, in_message);
	char *after = NULL;
	OK(cispref_export_buffer(&after, NULL, ref, CISPREF_FORMAT_XML, NULL));
	assert_string_equal(before, after);
	cispref_buffer_free(before);
	cispref_buffer_free(after);
	unlink(path);
	cispref_referential_free(ref);
}

#define REFUSED(text, language, code, line, in_message)                                    \
	refused_po(text, sizeof(text) - 1, language, code, line, in_message)

static void test_hostile_refused(void **state)
{
	(void)state;
	/* a string not closed on line 7: libgettextpo reports it on the next line, having
	 * read the line break; a keyword unknown on line 8 */
	REFUSED(PO_HEADER "\nmsgctxt \"psy\"\nmsgid \"x\nmsgstr \"y\"\n", NULL, CISPREF_EFORMAT, 8,
	        "end-of-line within string");
	REFUSED(PO_HEADER "\nmsgctxt \"psy\"\nmsgid \"x\"\nmsgsrt \"y\"\n", NULL, CISPREF_EFORMAT, 8, "");
	/* said to be UTF-8 but not: libgettextpo refuses it, with the line */
	REFUSED(PO_HEADER "\nmsgctxt \"psy.col\"\nmsgid \"Collectif\"\nmsgstr \"Collec\xfftief\"\n",
	        NULL, CISPREF_EFORMAT, 8, "invalid multibyte sequence");
	/* not UTF-8 */
	REFUSED("msgid \"\"\nmsgstr \"\"\n\"Language: nl\\n\"\n"
	        "\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
	        "msgctxt \"psy\"\nmsgid \"Accompagnement psycho-social\"\nmsgstr \"Begeleiding \xe9\"\n",
	        NULL, CISPREF_EFORMAT, 0, "charset=UTF-8");
	REFUSED("msgctxt \"psy\"\nmsgid \"x\"\nmsgstr \"y\"\n", "nl", CISPREF_EFORMAT, 0,
	        "charset=UTF-8"); /* no header at all */
	/* no language, another language, not a tag, the referential's own */
	REFUSED("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n", NULL,
	        CISPREF_EARG, 0, "names no language");
	REFUSED(PO_HEADER, "de", CISPREF_EARG, 0, "is in 'nl', not in 'de'");
	REFUSED("msgid \"\"\nmsgstr \"\"\n\"Language: nl BE\\n\"\n"
	        "\"Content-Type: text/plain; charset=UTF-8\\n\"\n", NULL, CISPREF_EARG, 0,
	        "no BCP 47");
}

/* Messages skipped one by one, each reported with its line; the others merged. */
static void test_hostile_skipped(void **state)
{
	(void)state;
	cispref_referential *ref = load("example-small.xml");
	static const char text[] =
		PO_HEADER                                                     /* lines 1-4 */
		"\nmsgctxt \"no.such\"\nmsgid \"x\"\nmsgstr \"y\"\n"            /* msgid on 7 */
		"\nmsgid \"sans contexte\"\nmsgstr \"zonder context\"\n"         /* 10 */
		"\nmsgctxt \"psy.ind\"\nmsgid \"Individuel\"\nmsgid_plural \"Individuels\"\n"
		"msgstr[0] \"Individueel\"\nmsgstr[1] \"Individuele\"\n"           /* 14 */
		"\nmsgctxt \"psy.col.1\"\nmsgid \"Gérer la dynamique de groupe\"\n"
		"msgstr \"De \\001groepsdynamiek\"\n"                             /* 20 */
		"\nmsgctxt \"com\"\nmsgid \"Communication\"\nmsgstr \"Communicatie\"\n"; /* 24 */
	const char *path = po_file(text, sizeof text - 1);
	cispref_diagnostics *report = NULL;
	OK(cispref_referential_merge_po(ref, path, NULL, &report, NULL));
	const expected_finding want[] = {
		{"po-unknown-context", CISPREF_SEVERITY_WARNING, 7, NULL},
		{"po-no-context", CISPREF_SEVERITY_WARNING, 10, NULL},
		{"po-plural", CISPREF_SEVERITY_WARNING, 14, "psy.ind"},
		{"po-invalid-text", CISPREF_SEVERITY_WARNING, 20, "psy.col.1"},
	};
	assert_findings(report, want, N_ELEMENTS(want));
	cispref_diagnostics_free(report);
	unlink(path);
	assert_string_equal(cispref_referential_node_text(ref, "com", "nl"), "Communicatie");
	assert_null(cispref_referential_translation(ref, "psy.col.1", "nl"));
	assert_int_equal(cispref_referential_translation_language_count(ref), 1);
	cispref_referential_free(ref);
}

/* A msgstr of more than CISPREF_MAX_TEXT_LENGTH bytes is skipped, not merged. */
static void test_huge_msgstr(void **state)
{
	(void)state;
	size_t big = CISPREF_MAX_TEXT_LENGTH + 10;
	const char head[] = PO_HEADER "\nmsgctxt \"com\"\nmsgid \"Communication\"\nmsgstr \"";
	char *text = malloc_or_exit(sizeof head + big + 8);
	assert_non_null(text);
	memcpy(text, head, sizeof head - 1);
	memset(text + sizeof head - 1, 'a', big);
	strcpy(text + sizeof head - 1 + big, "\"\n");
	const char *path = po_file(text, strlen(text));
	free(text);
	cispref_referential *ref = load("example-small.xml");
	cispref_diagnostics *report = NULL;
	OK(cispref_referential_merge_po(ref, path, NULL, &report, NULL));
	const expected_finding want[] = {{"po-text-too-long", CISPREF_SEVERITY_WARNING, 7, "com"}};
	assert_findings(report, want, 1);
	cispref_diagnostics_free(report);
	assert_null(cispref_referential_translation(ref, "com", "nl"));
	unlink(path);
	cispref_referential_free(ref);
}

/* ---- the referential in one language (tests/fixtures/translation-view.xml) -------- */

static cispref_referential *view_of(const cispref_referential *ref, const char *language)
{
	cispref_referential *view = NULL;
	cispref_error error;
	if (cispref_referential_translated(&view, ref, language, &error) != CISPREF_OK)
		fail_msg("%s: %s", language ? language : "NULL", error.text);
	return view;
}

/* Each text in the language, falling back node by node; the structure, the edition
 * links and the identity kept; no translations left. */
static void test_view_texts(void **state)
{
	(void)state;
	cispref_referential *ref = load("translation-view.xml");
	cispref_referential *nl = view_of(ref, "nl");
	assert_string_equal(cispref_referential_language(nl), "nl");
	assert_string_equal(cispref_referential_translated_from(nl), "fr");
	assert_null(cispref_referential_translated_from(ref));
	assert_string_equal(cispref_domain_title(cispref_referential_find_domain(nl, "psy")),
	                    "Psychosociale begeleiding");
	assert_string_equal(cispref_plan_title(cispref_referential_find_plan(nl, "psy.ind")),
	                    "Individueel");
	assert_string_equal(cispref_item_text(cispref_referential_find_item(nl, "psy.ind.1.sf.1")),
	                    "Gesprekken voeren");
	/* no Dutch text: the French one */
	assert_string_equal(cispref_item_text(cispref_referential_find_item(nl, "psy.ind.1.sf.2")),
	                    "Synthétiser");
	assert_string_equal(cispref_concept_label(cispref_referential_find_concept(nl, "k.ecoute")),
	                    "Actief luisteren");
	assert_string_equal(cispref_note_text(cispref_referential_find_note(nl, "n1")),
	                    "Een opmerking.");
	assert_string_equal(cispref_item_concept_id(cispref_referential_find_item(nl, "psy.ind.1.sf.1")),
	                    "k.ecoute");
	assert_true(cispref_referential_node_deprecated(nl, "psy.ind.1.sf.2"));
	assert_string_equal(cispref_referential_node_replaced_by(nl, "psy.ind.1.sf.2"),
	                    "psy.ind.1.sf.1");
	assert_string_equal(cispref_referential_uuid(nl), cispref_referential_uuid(ref));
	assert_string_equal(cispref_referential_base_uri(nl), cispref_referential_base_uri(ref));
	assert_string_equal(cispref_referential_title(nl), cispref_referential_title(ref));
	assert_int_equal(cispref_referential_translation_language_count(nl), 0);
	assert_null(cispref_referential_origin(nl));
	/* the fixture's 8 node texts: Dutch for all but psy.ind.1.sf.2; German for 3; and
	 * its title, translated into neither */
	size_t total = 0;
	assert_int_equal(cispref_referential_untranslated_count(ref, "nl", &total), 2);
	assert_int_equal(total, 9);
	assert_int_equal(cispref_referential_untranslated_count(ref, "de", NULL), 6);
	assert_int_equal(cispref_referential_untranslated_count(ref, "nl-BE", NULL), 2);
	assert_int_equal(cispref_referential_untranslated_count(ref, "fr", NULL), 0);
	assert_int_equal(cispref_referential_untranslated_count(ref, "fr-BE", NULL), 0);
	cispref_referential *de = view_of(ref, "de");
	assert_string_equal(cispref_competence_title(cispref_referential_find_competence(de, "psy.ind.1")),
	                    "Die Kompetenz beurteilen");
	assert_string_equal(cispref_plan_title(cispref_referential_find_plan(de, "psy.ind")),
	                    "Individuel");
	/* RFC 4647 lookup: nl-BE has no text of its own, so nl's; the language as given */
	cispref_referential *be = view_of(ref, "nl-BE");
	assert_string_equal(cispref_referential_language(be), "nl-BE");
	assert_string_equal(cispref_plan_title(cispref_referential_find_plan(be, "psy.ind")),
	                    "Individueel");
	cispref_referential_free(be);
	cispref_referential_free(de);
	cispref_referential_free(nl);
	cispref_referential_free(ref);
}

/* NULL, or the referential's own language in any case, gives an equal copy. */
static void test_view_copy(void **state)
{
	(void)state;
	cispref_referential *ref = load("translation-view.xml");
	const char *languages[] = {NULL, "fr", "FR"};
	for (size_t i = 0; i < sizeof languages / sizeof *languages; i++) {
		cispref_referential *copy = view_of(ref, languages[i]);
		assert_true(cispref_referential_equal(ref, copy));
		assert_int_equal(cispref_referential_translation_language_count(copy), 2);
		assert_null(cispref_referential_translated_from(copy));
		cispref_referential_free(copy);
	}
	cispref_referential_free(ref);
}

/* A tag that RFC 5646's syntax refuses: CISPREF_EARG, the tag in the message. */
static void test_view_refused(void **state)
{
	(void)state;
	cispref_referential *ref = load("translation-view.xml");
	cispref_referential *view = NULL;
	cispref_error error;
	const char *bad[] = {"nl_BE", "", "n", "nl-", "toolongprimary"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(cispref_referential_translated(&view, ref, bad[i], &error),
		                 CISPREF_EARG);
		assert_null(view);
		assert_non_null(strstr(error.text, "is not a BCP 47 language tag"));
	}
	assert_int_equal(cispref_referential_translated(&view, ref, "nl_BE", &error), CISPREF_EARG);
	assert_string_equal(error.text,
	                    "'nl_BE' is not a BCP 47 language tag (RFC 5646), such as nl or nl-BE");
	cispref_referential_free(ref);
}

static char *export_of(const cispref_referential *ref, cispref_format_t format)
{
	char *out = NULL;
	OK(cispref_export_buffer(&out, NULL, ref, format, NULL));
	return out;
}

static size_t occurrences(const char *text, const char *what)
{
	size_t n = 0;
	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* JSON says the language; CASE is a package of its own, each CFItem a translation of
 * the source's (whose identifiers and URIs are the source export's). */
static void test_view_exports(void **state)
{
	(void)state;
	cispref_referential *ref = load("translation-view.xml");
	cispref_referential *nl = view_of(ref, "nl");
	char *json = export_of(nl, CISPREF_FORMAT_JSON);
	assert_non_null(strstr(json, "\"language\": \"nl\""));
	assert_non_null(strstr(json, "\"text\": \"Gesprekken voeren\""));
	cispref_buffer_free(json);
	char *source = export_of(ref, CISPREF_FORMAT_CASE);
	char *dutch = export_of(nl, CISPREF_FORMAT_CASE);
	assert_int_equal(occurrences(source, "isTranslationOf"), 0);
	/* one per CFItem: a domain, a plan, a competence, three items */
	assert_int_equal(occurrences(dutch, "\"associationType\": \"isTranslationOf\""), 6);
	char uuid[CISPREF_UUID_STRING_SIZE];
	OK(cispref_referential_node_uuid(uuid, ref, "psy.ind.1.sf.1"));
	/* the source item's identifier is the destination of a link, never an item's own */
	assert_non_null(strstr(source, uuid));
	assert_non_null(strstr(dutch, uuid));
	assert_non_null(strstr(dutch, "\"uri\": \"https://example.org/vue/psy.ind.1.sf.1\""));
	assert_int_equal(occurrences(dutch, uuid), 1);
	/* the source package's document identifier is not the translation's */
	assert_int_equal(occurrences(dutch, cispref_referential_uuid(ref)), 0);
	assert_non_null(strstr(dutch, "\"language\": \"nl\""));
	cispref_buffer_free(source);
	cispref_buffer_free(dutch);
	cispref_referential_free(nl);
	cispref_referential_free(ref);
}

static char *render_of(const cispref_referential *ref, cispref_render_format_t format)
{
	char *out = NULL;
	size_t size;
	cispref_error error;
	if (cispref_render_buffer(&out, &size, ref, format, NULL, &error) != CISPREF_OK)
		fail_msg("render: %s", error.text);
	return out;
}

/* The renderers declare the language (HTML's lang, ODF's fo:language and dc:language,
 * which also choose the hyphenation) and write its texts. */
static void test_view_render(void **state)
{
	(void)state;
	cispref_referential *ref = load("translation-view.xml");
	cispref_referential *nl = view_of(ref, "nl-BE");
	char *html = render_of(nl, CISPREF_RENDER_HTML);
	assert_non_null(strstr(html, "<html lang=\"nl-BE\""));
	assert_non_null(strstr(html, "Gesprekken voeren"));
	cispref_buffer_free(html);
	char *fodt = render_of(nl, CISPREF_RENDER_FODT);
	assert_non_null(strstr(fodt, "fo:language=\"nl\""));
	assert_non_null(strstr(fodt, "fo:country=\"BE\""));
	assert_null(strstr(fodt, "fo:language=\"fr\""));
	assert_non_null(strstr(fodt, "<dc:language>nl-BE</dc:language>"));
	cispref_buffer_free(fodt);
	char *md = render_of(nl, CISPREF_RENDER_MARKDOWN);
	assert_non_null(strstr(md, "Gesprekken voeren"));
	assert_null(strstr(md, "Mener des entretiens"));
	cispref_buffer_free(md);
	cispref_referential_free(nl);
	cispref_referential_free(ref);
}

/* The ids of the hits of @query in @ref, comma-separated, into @out. */
static void search_ids(char *out, size_t size, const cispref_referential *ref, const char *query)
{
	cispref_index *index = NULL;
	cispref_results *results = NULL;
	OK(cispref_index_new(&index, ref));
	OK(cispref_search(&results, index, query, NULL, NULL));
	out[0] = '\0';
	for (size_t i = 0; i < cispref_results_count(results); i++) {
		const char *id = cispref_hit_id(cispref_results_get(results, i));
		snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? "," : "", id);
	}
	cispref_results_free(results);
	cispref_index_free(index);
}

/* Search follows the view's language. Snowball's Dutch algorithm (snowballstem.org,
 * "Dutch stemming algorithm", the one of libstemmer 2.x): in "vaardigheden", step 1
 * replaces the suffix "heden" with "heid"; in "vaardigheid" (R1 "digheid", R2 "heid")
 * and in it, step 3a deletes "heid" in R2 and step 3b leaves "ig", which is not in R2:
 * both are "vaardig", so the plural finds the singular, which it does not begin. The French rules (stem and
 * inflection key) keep them apart. A language libstemmer has no algorithm for is not
 * stemmed: "compétences" no longer finds "compétence"; an undetermined one is French. */
static void test_view_search(void **state)
{
	(void)state;
	char ids[256];
	cispref_referential *ref = load("translation-view.xml");
	cispref_referential *nl = view_of(ref, "nl");
	search_ids(ids, sizeof ids, nl, "vaardigheden");
	assert_string_equal(ids, "psy.ind.1");
	search_ids(ids, sizeof ids, nl, "gesprek");
	assert_string_equal(ids, "psy.ind.1.sf.1,psy.ind.1.s.1");
	/* French: the stem and the inflection key join the plural and the singular */
	search_ids(ids, sizeof ids, ref, "compétences");
	assert_string_equal(ids, "psy.ind.1");
	cispref_referential *klingon = view_of(ref, "tlh");
	search_ids(ids, sizeof ids, klingon, "compétences");
	assert_string_equal(ids, "");
	cispref_referential_free(klingon);
	/* "und" (undetermined, as the Moodle and CASE imports write when the file does not
	 * say) is analysed as French, the sector's language (doc/search.md, "Languages") */
	cispref_referential *undetermined = view_of(ref, "und");
	search_ids(ids, sizeof ids, undetermined, "compétences");
	assert_string_equal(ids, "psy.ind.1");
	cispref_referential_free(undetermined);
	cispref_referential_free(nl);
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
		cmocka_unit_test(test_pot),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_hostile_refused),
		cmocka_unit_test(test_hostile_skipped),
		cmocka_unit_test(test_huge_msgstr),
		cmocka_unit_test(test_view_texts),
		cmocka_unit_test(test_view_copy),
		cmocka_unit_test(test_view_refused),
		cmocka_unit_test(test_view_exports),
		cmocka_unit_test(test_view_render),
		cmocka_unit_test(test_view_search),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
