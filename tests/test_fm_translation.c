/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Translations of the front matter and the title (doc/format.md, "Translations"):
 * tests/fixtures/front-matter-nl.xml is tests/fixtures/front-matter.xml with Dutch (and
 * one German) translations written for these tests; its source hashes were computed apart
 * from the library, by a SipHash-2-4 written from the paper, of the markup that
 * doc/format.md defines. tests/fixtures/front-matter-nl.po holds the same Dutch texts as a
 * catalogue of the template's messages. */
#include <stdlib.h>
#include <sys/wait.h>
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

static char *export_xml(const cispref_referential *ref)
{
	char *xml = NULL;
	OK(cispref_export_buffer(&xml, NULL, ref, CISPREF_FORMAT_XML, NULL));
	return xml;
}

/* The line (from 1) of the first line of @text that holds @needle. */
static unsigned long line_of(const char *text, const char *needle)
{
	const char *at = strstr(text, needle);
	assert_non_null(at);
	unsigned long line = 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

/* The canonical writer gives the fixture back byte for byte; read again, it is equal. */
static void test_round_trip(void **state)
{
	(void)state;
	cispref_referential *ref = load("front-matter-nl.xml");
	size_t size = 0;
	char *file = read_whole_file(fixture("front-matter-nl.xml"), &size);
	char *xml = export_xml(ref);
	assert_string_equal(xml, file);
	cispref_referential *again = NULL;
	OK(cispref_referential_load_memory(&again, xml, strlen(xml), "again", NULL, NULL));
	assert_true(cispref_referential_equal(ref, again));
	/* a translation changed, or gone, makes them differ */
	OK(cispref_referential_set_front_matter_translation(again, "fm.1", "heading", "nl", "Begin"));
	assert_false(cispref_referential_equal(ref, again));
	OK(cispref_referential_set_front_matter_translation(again, "fm.1", "heading", "nl", NULL));
	assert_false(cispref_referential_equal(ref, again));
	cispref_referential_free(again);
	cispref_buffer_free(xml);
	free(file);
	cispref_referential_free(ref);
}

/* The markup of a rich text, written here from the runs (the fixture's own spelling). */
static void markup(char *out, size_t size, const cispref_rich_text *rt)
{
	size_t n = strlen(out);
	for (size_t i = 0; i < cispref_rich_text_count(rt) && n < size; i++) {
		const cispref_inline *run = cispref_rich_text_run(rt, i);
		const char *name = cispref_inline_kind_name(cispref_inline_kind(run));
		switch (cispref_inline_kind(run)) {
		case CISPREF_INLINE_TEXT:
			snprintf(out + n, size - n, "%s", cispref_inline_text(run));
			break;
		case CISPREF_INLINE_NOTE_REF:
			snprintf(out + n, size - n, "[%s]", cispref_inline_note_id(run));
			break;
		default:
			snprintf(out + n, size - n, "<%s>", name);
			markup(out, size, cispref_inline_children(run));
			n = strlen(out);
			snprintf(out + n, size - n, "</%s>", name);
		}
		n = strlen(out);
	}
}

static void assert_markup(const cispref_rich_text *rt, const char *expected)
{
	char out[512] = "";
	assert_non_null(rt);
	markup(out, sizeof out, rt);
	assert_string_equal(out, expected);
}

/* Each kind of part, and RFC 4647's lookup: nl-BE falls back to nl, then to French. */
static void test_lookup(void **state)
{
	(void)state;
	cispref_referential *ref = load("front-matter-nl.xml");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1", "block 1 text", "nl-BE"),
	              "Het decreet[note.1] bepaalt de <em>opdrachten</em> van de centra.");
	assert_string_equal(cispref_rich_text_plain(cispref_referential_front_matter_text(
	                            ref, "fm.1", "block 1 text", "nl")),
	                    "Het decreet bepaalt de opdrachten van de centra.");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1", "block 2 text", "NL"),
	              "Het spreekt over <q><em>globale</em> begeleiding</q> en "
	              "<em><q>duurzame</q> inschakeling</em>[note.2].");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1", "heading", "de-AT"),
	              "Einleitung");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1", "heading", "en"),
	              "Introduction");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1", "heading", NULL),
	              "Introduction");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1", "heading", "fr-BE"),
	              "Introduction");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1.list.1", "item 2", "nl"),
	              "de <em>algemene</em> vorming;");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1.list.1", "item 1", "nl"),
	              "l’accompagnement psycho-social ;"); /* not translated */
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1.quote.1", "paragraph 2", "nl"),
	              "Het is de weg <q>delen</q>.");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.2", "heading", "nl"),
	              "Aanpak & methode");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.2.timeline",
	                                                    "phase 1 step 2 task", "nl"),
	              "Gesprekken met de <em>teams</em>");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.2.1", "block 1 text", "nl"),
	              "Een onderafdeling zonder nummer.");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.3.1.figure", "caption", "nl"),
	              "Schema van de <em>contouren</em> van de opdracht");
	/* plain parts */
	assert_string_equal(cispref_referential_front_matter_string(ref, "fm.2.timeline",
	                                                            "phase 1 step 1 actors", "nl"),
	                    "Stuurgroep");
	assert_string_equal(cispref_referential_front_matter_string(ref, "fm.2.timeline",
	                                                            "phase 1 step 1 date", "nl-BE"),
	                    "16 oktober 2017");
	assert_string_equal(cispref_referential_front_matter_string(ref, "fm.2.timeline",
	                                                            "phase 2 step 1 date", "nl"),
	                    "Production 2018");
	assert_string_equal(cispref_referential_title_in(ref, "nl"), "Testreferentieel");
	assert_string_equal(cispref_referential_title_in(ref, "de"), "Référentiel d’essai");
	assert_string_equal(cispref_referential_front_matter_string(ref, "front", "title", "nl"),
	                    "Testreferentieel");
	/* a rich part is no string, a plain part no rich text, a placeholder no text */
	assert_null(cispref_referential_front_matter_string(ref, "fm.1", "heading", "nl"));
	assert_null(cispref_referential_front_matter_text(ref, "fm.1.quote.1", "attribution", "nl"));
	assert_null(cispref_referential_front_matter_text(ref, "fm.3.1", "block 2 text", "nl"));
	assert_null(cispref_referential_front_matter_text(ref, "fm.2.timeline",
	                                                  "phase 1 step 2 actors", "nl"));
	/* through the handles a walker holds */
	const cispref_section *first = cispref_referential_section(ref, 0);
	assert_markup(cispref_referential_rich_text_in(ref, cispref_section_heading(first), "nl"),
	              "Inleiding");
	const cispref_block *p = cispref_section_block(first, 0);
	assert_markup(cispref_referential_rich_text_in(ref, cispref_block_text(p), "nl"),
	              "Het decreet[note.1] bepaalt de <em>opdrachten</em> van de centra.");
	assert_ptr_equal(cispref_referential_rich_text_in(ref, cispref_block_text(p), "fr"),
	                 cispref_block_text(p));
	/* the languages: de and nl, in byte order */
	assert_int_equal(cispref_referential_translation_language_count(ref), 2);
	assert_string_equal(cispref_referential_translation_language(ref, 0), "de");
	assert_string_equal(cispref_referential_translation_language(ref, 1), "nl");
	cispref_referential_free(ref);
}

/* Removing a note removes its note-refs from the translations too, so that the
 * referential still writes a document that loads; they are outdated then. */
static void test_remove_note(void **state)
{
	(void)state;
	cispref_referential *ref = load("front-matter-nl.xml");
	OK(cispref_referential_remove_note(ref, 0)); /* note.1 */
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1", "block 1 text", "nl"),
	              "Het decreet bepaalt de <em>opdrachten</em> van de centra.");
	assert_true(cispref_referential_front_matter_outdated(ref, "fm.1", "block 1 text", "nl"));
	assert_false(cispref_referential_front_matter_outdated(ref, "fm.1", "block 2 text", "nl"));
	char *xml = export_xml(ref);
	cispref_referential *again = NULL;
	cispref_error error;
	if (cispref_referential_load_memory(&again, xml, strlen(xml), "again", NULL, &error))
		fail_msg("%s", error.text);
	assert_true(cispref_referential_equal(ref, again));
	cispref_referential_free(again);
	cispref_buffer_free(xml);
	cispref_referential_free(ref);
}

/* The referential in one language (cispref_referential_translated()): its title and the
 * texts of its front matter in that language too, text by text, and no translations. */
static void test_view(void **state)
{
	(void)state;
	cispref_referential *ref = load("front-matter-nl.xml"), *nl = NULL, *de = NULL;
	OK(cispref_referential_translated(&nl, ref, "nl-BE", NULL));
	assert_string_equal(cispref_referential_title(nl), "Testreferentieel");
	const cispref_section *first = cispref_referential_section(nl, 0);
	assert_markup(cispref_section_heading(first), "Inleiding");
	assert_markup(cispref_block_text(cispref_section_block(first, 0)),
	              "Het decreet[note.1] bepaalt de <em>opdrachten</em> van de centra.");
	const cispref_block *list = cispref_section_block(first, 2);
	assert_markup(cispref_list_item_text(cispref_block_list_item(list, 0)),
	              "l’accompagnement psycho-social ;");
	assert_markup(cispref_list_item_text(cispref_block_list_item(list, 1)),
	              "de <em>algemene</em> vorming;");
	const cispref_block *quote = cispref_section_block(first, 3);
	assert_markup(cispref_block_heading(quote), "Begeleiden");
	assert_markup(cispref_block_paragraph(quote, 1), "Het is de weg <q>delen</q>.");
	assert_string_equal(cispref_block_attribution(quote), "Tony Poumier");
	const cispref_block *timeline = cispref_section_block(cispref_referential_section(nl, 1), 0);
	const cispref_step *step = cispref_phase_step(cispref_block_phase(timeline, 0), 0);
	assert_string_equal(cispref_step_date(step), "16 oktober 2017");
	assert_string_equal(cispref_step_actors(step), "Stuurgroep");
	assert_markup(cispref_step_task(step), "Start van de aanpak");
	assert_markup(cispref_block_caption(cispref_referential_find_block(nl, "fm.3.1.figure")),
	              "Schema van de <em>contouren</em> van de opdracht");
	assert_string_equal(cispref_referential_node_text(nl, "psy", NULL), "Psychosociale begeleiding");
	assert_int_equal(cispref_referential_translation_language_count(nl), 0);
	/* German: the one heading, the rest French */
	OK(cispref_referential_translated(&de, ref, "de", NULL));
	assert_string_equal(cispref_referential_title(de), "Référentiel d’essai");
	assert_markup(cispref_section_heading(cispref_referential_section(de, 0)), "Einleitung");
	assert_markup(cispref_block_text(cispref_section_block(cispref_referential_section(de, 0), 0)),
	              "Le décret[note.1] définit les <em>missions</em> des centres.");
	/* untranslated: of the title, the 29 texts of the front matter (10 in fm.1, 2 in
	 * fm.1.1, 11 in fm.2, 2 in fm.2.1, 1 in fm.3, 2 in fm.3.1, 1 in fm.3.2) and the 14
	 * of nodes (11 and 3 notes), Dutch for the title, 16 of the front matter and psy */
	size_t total = 0;
	assert_int_equal(cispref_referential_untranslated_count(ref, "nl", &total), 44 - 18);
	assert_int_equal(total, 44);
	cispref_referential_free(de);
	cispref_referential_free(nl);
	cispref_referential_free(ref);
}

/* Diagnostics of @ref with @tag, counted. */
static size_t count_tag(const cispref_diagnostics *list, const char *tag)
{
	size_t n = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++)
		n += strcmp(cispref_diagnostic_tag(cispref_diagnostics_get(list, i)), tag) == 0;
	return n;
}

static const cispref_diagnostic *find_tag(const cispref_diagnostics *list, const char *tag,
                                          size_t nth)
{
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		if (strcmp(cispref_diagnostic_tag(d), tag) == 0 && nth-- == 0)
			return d;
	}
	fail_msg("no %s", tag);
	return NULL;
}

/* Editing the French after the translation: translation-outdated on the translation's
 * line, for a rich text (its markup changed: an em added) and for the title. */
static void test_outdated(void **state)
{
	(void)state;
	size_t size = 0;
	char *file = read_whole_file(fixture("front-matter-nl.xml"), &size);
	cispref_referential *ref = load("front-matter-nl.xml");
	cispref_diagnostics *list = NULL;
	OK(cispref_validate(&list, ref));
	assert_int_equal(count_tag(list, "translation-outdated"), 0);
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
	/* the same words, one of them now emphasised: the markup is the source */
	char *edited = malloc_or_exit(size + 16);
	const char *at = strstr(file, "<heading>Introduction</heading>");
	assert_non_null(at);
	size_t head = (size_t)(at - file);
	memcpy(edited, file, head);
	strcpy(edited + head, "<heading><em>Introduction</em></heading>");
	strcat(edited, at + strlen("<heading>Introduction</heading>"));
	OK(cispref_referential_load_memory(&ref, edited, strlen(edited), "edited.xml", NULL, NULL));
	assert_true(cispref_referential_front_matter_outdated(ref, "fm.1", "heading", "nl"));
	assert_true(cispref_referential_front_matter_outdated(ref, "fm.1", "heading", "de"));
	assert_false(cispref_referential_front_matter_outdated(ref, "fm.1", "block 1 text", "nl"));
	OK(cispref_referential_set_title(ref, "Un autre titre"));
	assert_true(cispref_referential_front_matter_outdated(ref, "front", "title", "nl"));
	OK(cispref_validate(&list, ref));
	assert_int_equal(count_tag(list, "translation-outdated"), 3);
	const cispref_diagnostic *d = find_tag(list, "translation-outdated", 0);
	assert_string_equal(cispref_diagnostic_node_id(d), "front");
	assert_int_equal(cispref_diagnostic_line(d), line_of(edited, "part=\"title\""));
	d = find_tag(list, "translation-outdated", 1);
	assert_string_equal(cispref_diagnostic_node_id(d), "fm.1");
	assert_int_equal(cispref_diagnostic_line(d),
	                 line_of(edited, "of=\"fm.1\" part=\"heading\" xml:lang=\"de\""));
	assert_non_null(strstr(cispref_diagnostic_message(d), "'fm.1' part 'heading' into 'de'"));
	assert_int_equal(cispref_diagnostic_severity(d), CISPREF_SEVERITY_WARNING);
	/* translated again from the present text: up to date */
	OK(cispref_referential_set_front_matter_translation(ref, "fm.1", "heading", "de",
	                                                    "<em>Einleitung</em>"));
	assert_false(cispref_referential_front_matter_outdated(ref, "fm.1", "heading", "de"));
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
	free(edited);
	free(file);
}

/* front-matter.xml with @translations before its end: loaded, it must be refused with
 * @in_message, on the line of the first line holding @where, at @column. */
static void refused(const char *translations, const char *in_message, const char *where,
                    unsigned long column)
{
	size_t size = 0;
	char *file = read_whole_file(fixture("front-matter.xml"), &size);
	char *doc = malloc_or_exit(size + strlen(translations) + 64);
	const char *end = strstr(file, "</referential>");
	assert_non_null(end);
	memcpy(doc, file, (size_t)(end - file));
	sprintf(doc + (end - file), "<translations>\n%s\n</translations>\n</referential>\n",
	        translations);
	cispref_referential *ref = NULL;
	cispref_error error;
	assert_int_equal(cispref_referential_load_memory(&ref, doc, strlen(doc), "t.xml", NULL,
	                                                 &error),
	                 CISPREF_EFORMAT);
	assert_null(ref);
	if (!strstr(error.text, in_message))
		fail_msg("'%s' lacks '%s'", error.text, in_message);
	assert_int_equal(error.line, line_of(doc, where));
	assert_int_equal(error.column, column);
	free(doc);
	free(file);
}

#define HASH "source-hash=\"0123456789abcdef\""
/* libxml2 places an error in a start tag on its last character: the column, counted from
 * 1, of the '>' that ends @tag (which begins its line). */
#define AFTER(tag) (sizeof(tag) - 1)

static void test_loader_refuses(void **state)
{
	(void)state;
	/* unknown parts: out of range, not a part of that kind of block, double space */
#define T1 "<translation of=\"fm.1\" part=\"block 9 text\" xml:lang=\"nl\" " HASH ">"
	refused(T1 "X</translation>", "no text of 'fm.1' is named 'block 9 text'", T1, AFTER(T1));
#define T2 "<translation of=\"fm.1.list.1\" part=\"caption\" xml:lang=\"nl\" " HASH ">"
	refused(T2 "X</translation>", "no text of 'fm.1.list.1' is named 'caption'", T2, AFTER(T2));
#define T3 "<translation of=\"fm.1\" part=\"block  1 text\" xml:lang=\"nl\" " HASH ">"
	refused(T3 "X</translation>", "is named 'block  1 text'", T3, AFTER(T3));
#define T4 "<translation of=\"fm.1\" part=\"block 01 text\" xml:lang=\"nl\" " HASH ">"
	refused(T4 "X</translation>", "is named 'block 01 text'", T4, AFTER(T4));
	/* a block with an id is named by it, not through its section */
#define T5 "<translation of=\"fm.1\" part=\"block 3 item 1\" xml:lang=\"nl\" " HASH ">"
	refused(T5 "X</translation>", "has the id 'fm.1.list.1'", T5, AFTER(T5));
	/* a node's one text has no part; a section's texts need one; no such id */
#define T6 "<translation of=\"psy\" part=\"heading\" xml:lang=\"nl\" " HASH ">"
	refused(T6 "X</translation>", "'psy' holds one text", T6, AFTER(T6));
#define T7 "<translation of=\"fm.1\" xml:lang=\"nl\" " HASH ">"
	refused(T7 "X</translation>", "holds several texts", T7, AFTER(T7));
#define T8 "<translation of=\"nobody\" part=\"title\" xml:lang=\"nl\" " HASH ">"
	refused(T8 "X</translation>", "names no section, block or referential", T8, AFTER(T8));
	/* elements: unknown, nested as the format does not nest them, in a plain part */
#define T9 "<translation of=\"fm.1\" part=\"heading\" xml:lang=\"nl\" " HASH ">In<b>"
	refused(T9 "X</b></translation>", "unexpected element 'b' in 'translation'", T9, AFTER(T9));
#define T10 "<translation of=\"fm.1\" part=\"heading\" xml:lang=\"nl\" " HASH "><em><em>"
	refused(T10 "X</em></em></translation>", "unexpected element 'em' in 'em'", T10, AFTER(T10));
#define T11 "<translation of=\"fm.1.quote.1\" part=\"attribution\" xml:lang=\"nl\" " HASH "><em>"
	refused(T11 "X</em></translation>", "may not contain elements (found 'em')", T11, AFTER(T11));
#define T12 "<translation of=\"front\" part=\"title\" xml:lang=\"nl\" " HASH "><note-ref note=\"note.1\"/>"
	/* an empty element's start tag ends at its '/', for libxml2 */
	refused(T12 "</translation>", "may not contain elements (found 'note-ref')", T12,
	        AFTER(T12) - 1);
	/* note-refs: another note, none, one more, an unknown one; on the start tag */
#define T13 "<translation of=\"fm.1\" part=\"block 1 text\" xml:lang=\"nl\" " HASH ">"
	refused(T13 "A<note-ref note=\"note.2\"/></translation>",
	        "it refers to note 'note.1' 0 time(s), the source text 1 time(s)", T13, AFTER(T13));
	refused(T13 "A</translation>", "refers to note 'note.1' 0 time(s)", T13, AFTER(T13));
	refused(T13 "A<note-ref note=\"note.1\"/><em>B<note-ref note=\"note.1\"/></em></translation>",
	        "refers to note 'note.1' 2 time(s), the source text 1 time(s)", T13, AFTER(T13));
	refused(T13 "A<note-ref note=\"note.1\"/><note-ref note=\"nope\"/></translation>",
	        "refers to note 'nope' 1 time(s), the source text 0 time(s)", T13, AFTER(T13));
	/* a second translation of one text into one language (case aside) */
#define T14 "<translation of=\"fm.2.timeline\" part=\"phase 1 step 1 date\" xml:lang=\"NL\" " HASH ">"
	refused("<translation of=\"fm.2.timeline\" part=\"phase 1 step 1 date\" xml:lang=\"nl\" " HASH
	        ">X</translation>\n" T14 "Y</translation>",
	        "a second translation of 'fm.2.timeline' part 'phase 1 step 1 date' into 'NL'", T14,
	        AFTER(T14));
	/* a step without actors has no actors to translate */
#define T15 "<translation of=\"fm.2.timeline\" part=\"phase 1 step 2 actors\" xml:lang=\"nl\" " HASH ">"
	refused(T15 "X</translation>", "is named 'phase 1 step 2 actors'", T15, AFTER(T15));
}

/* The builder: markup parsed as the format's, refused whole when it is not (and the
 * referential left as it was). */
static void test_set(void **state)
{
	(void)state;
	cispref_referential *ref = load("front-matter.xml");
	char *before = export_xml(ref);
	static const char *const hostile[] = {
		"Het <b>decreet</b><note-ref note=\"note.1\"/>",        /* unknown element */
		"Het <em>decreet<note-ref note=\"note.1\"/>",           /* unbalanced */
		"Het decreet</em><note-ref note=\"note.1\"/>",          /* unbalanced */
		"Het &decreet;<note-ref note=\"note.1\"/>",             /* an entity */
		"<!DOCTYPE x [<!ENTITY e \"E\">]>&e;<note-ref note=\"note.1\"/>",
		"Het decreet",                                          /* its note-ref lost */
		"Het <note-ref note=\"note.2\"/>",                      /* another note */
		"Het <em style=\"x\">decreet</em><note-ref note=\"note.1\"/>",
		"Het <x:em xmlns:x=\"urn:x\">decreet</x:em><note-ref note=\"note.1\"/>",
		"Het <!-- c --> decreet<note-ref note=\"note.1\"/>",
		"Het <?pi x?> decreet<note-ref note=\"note.1\"/>",
		"Het <note-ref note=\"note.1\">x</note-ref>",
		"Het <note-ref note=\"1x\"/>",
		"Het <q><em><q>x</q></em></q><note-ref note=\"note.1\"/>", /* nested too deep */
		"Het & decreet<note-ref note=\"note.1\"/>",
		"</translation><translation>x<note-ref note=\"note.1\"/>",
	};
	for (size_t i = 0; i < N_ELEMENTS(hostile); i++)
		if (cispref_referential_set_front_matter_translation(ref, "fm.1", "block 1 text", "nl",
		                                                     hostile[i]) != CISPREF_EARG)
			fail_msg("accepted: %s", hostile[i]);
	/* 10^5 nested emphases: libxml2's depth limit, not the stack */
	size_t deep = 100000;
	char *nested = malloc_or_exit(deep * 9 + 64);
	char *p = nested;
	for (size_t i = 0; i < deep; i++)
		p += sprintf(p, "<em>");
	p += sprintf(p, "x<note-ref note=\"note.1\"/>");
	for (size_t i = 0; i < deep; i++)
		p += sprintf(p, "</em>");
	assert_int_equal(cispref_referential_set_front_matter_translation(ref, "fm.1", "block 1 text",
	                                                                  "nl", nested),
	                 CISPREF_EARG);
	free(nested);
	char *after = export_xml(ref);
	assert_string_equal(before, after);
	cispref_buffer_free(after);
	/* what the format allows: entities of XML, character references, CDATA */
	OK(cispref_referential_set_front_matter_translation(
		ref, "fm.1", "block 1 text", "nl",
		"Het &lt;decreet&gt; &amp; <![CDATA[de <wet>]]>&#233;<note-ref note=\"note.1\"/>"));
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1", "block 1 text", "nl"),
	              "Het <decreet> & de <wet>é[note.1]");
	OK(cispref_referential_set_front_matter_translation(ref, "fm.2.timeline",
	                                                    "phase 1 step 1 date", "nl", "<1 & 2>"));
	assert_string_equal(cispref_referential_front_matter_string(ref, "fm.2.timeline",
	                                                            "phase 1 step 1 date", "nl"),
	                    "<1 & 2>");
	assert_false(cispref_referential_front_matter_outdated(ref, "fm.1", "block 1 text", "nl"));
	assert_int_equal(cispref_referential_translation_language_count(ref), 1);
	/* removed: the source again, and no language left */
	OK(cispref_referential_set_front_matter_translation(ref, "fm.1", "block 1 text", "nl", NULL));
	OK(cispref_referential_set_front_matter_translation(ref, "fm.2.timeline",
	                                                    "phase 1 step 1 date", "nl", NULL));
	assert_int_equal(cispref_referential_translation_language_count(ref), 0);
	after = export_xml(ref);
	assert_string_equal(before, after);
	cispref_buffer_free(after);
	cispref_buffer_free(before);
	cispref_referential_free(ref);
}

/* ---- the PO workflow ---------------------------------------------------------------- */

static int run(const char *command)
{
	int rc = system(command);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* The template of the front matter, carried over by msgmerge into the hand-written
 * catalogue, checked by msgfmt, merged: the Dutch of front-matter-nl.xml, byte for byte
 * (its German aside). */
static void test_po_round_trip(void **state)
{
	(void)state;
	char *dir = make_temp_dir();
	char pot[4200], merged[4200], command[12800];
	snprintf(pot, sizeof pot, "%s/front.pot", dir);
	snprintf(merged, sizeof merged, "%s/nl.po", dir);
	cispref_referential *ref = load("front-matter.xml");
	char *text = NULL;
	OK(cispref_export_buffer(&text, NULL, ref, CISPREF_FORMAT_PO, NULL));
	write_file(pot, text);
	/* msgctxt the address, msgid the markup, the tags to keep said */
	assert_non_null(strstr(text, "#. markup: keep <em>, <q> and <note-ref/> as in the msgid"));
	assert_non_null(strstr(text, "msgctxt \"fm.1 block 1 text\"\nmsgid \"Le décret<note-ref "
	                             "note=\\\"note.1\\\"/> définit les <em>missions</em> des "
	                             "centres.\"\n"));
	assert_non_null(strstr(text, "msgctxt \"fm.2 heading\"\nmsgid \"Démarche &amp; méthode\"\n"));
	assert_non_null(strstr(text, "msgctxt \"fm.2.timeline phase 1 step 1 actors\"\n"
	                             "msgid \"Comité de pilotage\"\n"));
	assert_non_null(strstr(text, "#. title of the referential\nmsgctxt \"front title\"\n"));
	cispref_buffer_free(text);
	snprintf(command, sizeof command, "msgfmt --check -o /dev/null %s 2>/dev/null", pot);
	assert_int_equal(run(command), 0);
	snprintf(command, sizeof command, "msgmerge -q --no-fuzzy-matching -o %s %s %s", merged,
	         fixture("front-matter-nl.po"), pot);
	assert_int_equal(run(command), 0);
	snprintf(command, sizeof command, "msgfmt --check -o /dev/null %s 2>/dev/null", merged);
	assert_int_equal(run(command), 0);
	cispref_diagnostics *report = NULL;
	OK(cispref_referential_merge_po(ref, merged, NULL, &report, NULL));
	assert_int_equal(count_tag(report, "po-invalid-markup"), 0);
	assert_int_equal(count_tag(report, "po-source-changed"), 0);
	cispref_diagnostics_free(report);
	/* the fixture without its German line */
	size_t size = 0;
	char *file = read_whole_file(fixture("front-matter-nl.xml"), &size);
	char *german = strstr(file, "    <translation of=\"fm.1\" part=\"heading\" xml:lang=\"de\"");
	assert_non_null(german);
	memmove(german, strchr(german, '\n') + 1, strlen(strchr(german, '\n') + 1) + 1);
	char *xml = export_xml(ref);
	assert_string_equal(xml, file);
	cispref_buffer_free(xml);
	free(file);
	unlink(pot);
	unlink(merged);
	rmdir(dir);
	free(dir);
	cispref_referential_free(ref);
}

#define PO_HEADER                                                                          \
	"msgid \"\"\nmsgstr \"\"\n\"Language: nl\\n\"\n"                                    \
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
#define MSG(context, id, str) "\nmsgctxt \"" context "\"\nmsgid \"" id "\"\nmsgstr \"" str "\"\n"
#define P1 "Le décret<note-ref note=\\\"note.1\\\"/> définit les <em>missions</em> des centres."

/* Hostile msgstr markup: each refused entry by entry (po-invalid-markup, with the line of
 * its msgid), the good one merged, nothing crashes. */
static void test_po_hostile_markup(void **state)
{
	(void)state;
	static const char head[] =
		PO_HEADER                                                                  /* 1-4 */
		MSG("fm.1 block 1 text", P1, "Het &xxe;<note-ref note=\\\"note.1\\\"/>")   /* 7 */
		MSG("fm.1 block 1 text ", P1, "Het decreet")                                /* 11 */
		MSG("fm.1.list.1 item 3", "une puce sans numéro", "<!DOCTYPE x>een punt")   /* 15 */
		MSG("fm.1.list.1 item 2", "la formation <em>générale</em> ;", "de <em>algemene vorming") /* 19 */
		MSG("fm.1.list.1 item 1", "l’accompagnement psycho-social ;", "<script>x</script>") /* 23 */
		MSG("fm.1 block 2 text", "x", "zonder noot")                                /* 27 */
		MSG("fm.1.quote.1 heading", "Accompagner", "Begeleiden")                   /* 31 */
		"\nmsgctxt \"fm.1.1 heading\"\nmsgid \"Les <em>principes</em>\"\nmsgstr \"De "; /* 35 */
	static const char tail[] = "x\"\n";
	size_t deep = 100000;
	size_t size = sizeof head + deep * 9 + sizeof tail;
	char *text = malloc_or_exit(size);
	char *p = text + sprintf(text, "%s", head);
	for (size_t i = 0; i < deep; i++)
		p += sprintf(p, "<em>");
	p += sprintf(p, "%s", tail);
	char *dir = make_temp_dir(), path[512];
	snprintf(path, sizeof path, "%s/hostile.po", dir);
	write_file(path, text);
	free(text);
	cispref_referential *ref = load("front-matter.xml");
	cispref_diagnostics *report = NULL;
	OK(cispref_referential_merge_po(ref, path, NULL, &report, NULL));
	static const struct {
		const char *tag;
		unsigned long line;
		const char *in_message;
	} want[] = {
		{"po-invalid-markup", 7, "Entity 'xxe' not defined"},
		{"po-unknown-context", 11, "names no node"},
		{"po-invalid-markup", 15, "not well-formed"},
		{"po-invalid-markup", 19, "not well-formed"},
		{"po-invalid-markup", 23, "element 'script' is not allowed"},
		{"po-invalid-markup", 27, "refers to note 'note.2' 0 time(s), the source text 1"},
		{"po-invalid-markup", 35, "not well-formed"},
	};
	assert_int_equal(cispref_diagnostics_count(report), N_ELEMENTS(want));
	for (size_t i = 0; i < N_ELEMENTS(want); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(report, i);
		assert_string_equal(cispref_diagnostic_tag(d), want[i].tag);
		assert_int_equal(cispref_diagnostic_line(d), want[i].line);
		if (!strstr(cispref_diagnostic_message(d), want[i].in_message))
			fail_msg("'%s' lacks '%s'", cispref_diagnostic_message(d), want[i].in_message);
	}
	cispref_diagnostics_free(report);
	/* only the good one merged */
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1.quote.1", "heading", "nl"),
	              "Begeleiden");
	assert_markup(cispref_referential_front_matter_text(ref, "fm.1", "block 1 text", "nl"),
	              "Le décret[note.1] définit les <em>missions</em> des centres.");
	unlink(path);
	rmdir(dir);
	free(dir);
	cispref_referential_free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_outdated),
		cmocka_unit_test(test_view),
		cmocka_unit_test(test_remove_note),
		cmocka_unit_test(test_loader_refuses),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_po_round_trip),
		cmocka_unit_test(test_po_hostile_markup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
