/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Tests of the front matter (doc/format.md, "Front matter"): the fixture
 * tests/fixtures/front-matter.xml read into the model (every block and inline kind),
 * written back in canonical form, hostile documents refused with their place, the
 * validator's rules, and the renderers printing it. Expected values are those the
 * fixture and the format specification give. */
#include "test_util.h"

#define NS "urn:cispref:referential"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<referential xmlns=\"" NS "\" format-version=\"1\" id=\"mini\" version=\"1\" xml:lang=\"fr\">\n"
/* The front matter's content starts on line 5. */
#define HEAD XML_DECL ROOT "<title>T</title>\n<front-matter>\n"
#define TAIL "</front-matter>\n<notes><note id=\"note.1\" number=\"1\">N</note></notes>\n</referential>\n"

static cispref_referential *load_fixture(void)
{
	cispref_referential *ref = NULL;
	cispref_error error;
	int rc = cispref_referential_load_file(&ref, fixture("front-matter.xml"), NULL, &error);
	if (rc != CISPREF_OK)
		fail_msg("%s:%lu:%lu: %s", error.source, error.line, error.column, error.text);
	return ref;
}

/* The runs of @rt, written as "text|em(...)|q(...)|^note" to compare at once. */
static void describe(char *out, size_t size, const cispref_rich_text *rt)
{
	for (size_t i = 0; i < cispref_rich_text_count(rt); i++) {
		const cispref_inline *run = cispref_rich_text_run(rt, i);
		size_t used = strlen(out);
		if (i)
			used += (size_t)snprintf(out + used, size - used, "|");
		switch (cispref_inline_kind(run)) {
		case CISPREF_INLINE_TEXT:
			snprintf(out + used, size - used, "%s", cispref_inline_text(run));
			break;
		case CISPREF_INLINE_NOTE_REF:
			snprintf(out + used, size - used, "^%s", cispref_inline_note_id(run));
			break;
		default:
			snprintf(out + used, size - used, "%s(", cispref_inline_kind_name(cispref_inline_kind(run)));
			describe(out, size, cispref_inline_children(run));
			used = strlen(out);
			snprintf(out + used, size - used, ")");
		}
	}
}

static void assert_runs(const cispref_rich_text *rt, const char *want)
{
	char got[1024] = "";
	describe(got, sizeof got, rt);
	assert_string_equal(got, want);
}

/* ---- the model ------------------------------------------------------------------ */

static void test_sections(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture();
	assert_int_equal(cispref_referential_section_count(ref), 3);
	const cispref_section *s1 = cispref_referential_section(ref, 0);
	assert_string_equal(cispref_section_id(s1), "fm.1");
	assert_string_equal(cispref_section_number(s1), "1");
	assert_int_equal(cispref_section_level(s1), 1);
	assert_null(cispref_section_parent(s1));
	assert_string_equal(cispref_rich_text_plain(cispref_section_heading(s1)), "Introduction");
	assert_int_equal(cispref_section_block_count(s1), 4);
	assert_int_equal(cispref_section_subsection_count(s1), 1);
	const cispref_section *s11 = cispref_section_subsection(s1, 0);
	assert_string_equal(cispref_section_id(s11), "fm.1.1");
	assert_int_equal(cispref_section_level(s11), 2);
	assert_ptr_equal(cispref_section_parent(s11), s1);
	assert_runs(cispref_section_heading(s11), "Les |em(principes)");
	/* an unnumbered subsection */
	const cispref_section *s21 = cispref_referential_find_section(ref, "fm.2.1");
	assert_non_null(s21);
	assert_null(cispref_section_number(s21));
	assert_string_equal(cispref_rich_text_plain(cispref_section_heading(s21)),
	                    "Une phase exploratoire");
	/* '&amp;' in the heading is read as '&' */
	assert_string_equal(cispref_rich_text_plain(cispref_section_heading(
	                        cispref_referential_section(ref, 1))), "Démarche & méthode");
	const cispref_section *s31 = cispref_referential_find_section(ref, "fm.3.1");
	assert_int_equal(cispref_section_level(s31), 2);
	assert_int_equal(cispref_section_block_count(s31), 3);
	cispref_referential_free(ref);
}

static void test_paragraphs_and_inline(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture();
	const cispref_section *s1 = cispref_referential_find_section(ref, "fm.1");
	const cispref_block *p1 = cispref_section_block(s1, 0), *p2 = cispref_section_block(s1, 1);
	assert_int_equal(cispref_block_kind(p1), CISPREF_BLOCK_PARAGRAPH);
	assert_null(cispref_block_id(p1));
	assert_ptr_equal(cispref_block_section(p1), s1);
	assert_runs(cispref_block_text(p1),
	            "Le décret|^note.1| définit les |em(missions)| des centres.");
	/* q holds an em, em holds a q: one level each way */
	assert_runs(cispref_block_text(p2), "Il parle d’|q(accompagnement |em(global))| et d’|"
	                                    "em(insertion |q(durable))|^note.2|.");
	/* the plain text: quotation marks added, note references left out */
	assert_string_equal(cispref_rich_text_plain(cispref_block_text(p2)),
	                    "Il parle d’“accompagnement global” et d’insertion “durable”.");
	assert_string_equal(cispref_rich_text_plain(cispref_block_text(p1)),
	                    "Le décret définit les missions des centres.");
	cispref_referential_free(ref);
}

static void test_list_and_quote(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture();
	const cispref_block *list = cispref_referential_find_block(ref, "fm.1.list.1");
	assert_int_equal(cispref_block_kind(list), CISPREF_BLOCK_LIST);
	assert_int_equal(cispref_block_list_item_count(list), 3);
	assert_string_equal(cispref_list_item_label(cispref_block_list_item(list, 0)), "1°");
	assert_string_equal(cispref_list_item_label(cispref_block_list_item(list, 1)), "2°");
	assert_null(cispref_list_item_label(cispref_block_list_item(list, 2))); /* a bullet */
	assert_runs(cispref_list_item_text(cispref_block_list_item(list, 1)),
	            "la formation |em(générale)| ;");
	const cispref_block *quote = cispref_referential_find_block(ref, "fm.1.quote.1");
	assert_int_equal(cispref_block_kind(quote), CISPREF_BLOCK_QUOTE);
	assert_string_equal(cispref_rich_text_plain(cispref_block_heading(quote)), "Accompagner");
	assert_int_equal(cispref_block_paragraph_count(quote), 2);
	assert_runs(cispref_block_paragraph(quote, 1), "C’est |q(partager)| le chemin.");
	assert_string_equal(cispref_block_attribution(quote), "Tony Poumier");
	cispref_referential_free(ref);
}

static void test_timeline_figure_overview(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture();
	const cispref_block *t = cispref_referential_find_block(ref, "fm.2.timeline");
	assert_int_equal(cispref_block_kind(t), CISPREF_BLOCK_TIMELINE);
	assert_int_equal(cispref_block_phase_count(t), 2);
	const cispref_phase *ph = cispref_block_phase(t, 0);
	assert_string_equal(cispref_rich_text_plain(cispref_phase_heading(ph)),
	                    "PREMIÈRE PHASE : EXPLORATION");
	assert_int_equal(cispref_phase_step_count(ph), 2);
	const cispref_step *st = cispref_phase_step(ph, 0);
	assert_string_equal(cispref_step_date(st), "16 octobre 2017");
	assert_string_equal(cispref_step_actors(st), "Comité de pilotage");
	assert_string_equal(cispref_rich_text_plain(cispref_step_task(st)), "Lancement de la démarche");
	st = cispref_phase_step(ph, 1);
	assert_string_equal(cispref_step_date(st), "Décembre 2017 - Janvier 2018");
	assert_null(cispref_step_actors(st));
	assert_runs(cispref_step_task(st), "Entretiens avec les |em(équipes)");
	assert_int_equal(cispref_phase_step_count(cispref_block_phase(t, 1)), 1);

	const cispref_section *s31 = cispref_referential_find_section(ref, "fm.3.1");
	const cispref_block *fig = cispref_section_block(s31, 0);
	assert_ptr_equal(fig, cispref_referential_find_block(ref, "fm.3.1.figure"));
	assert_int_equal(cispref_block_kind(fig), CISPREF_BLOCK_FIGURE);
	assert_string_equal(cispref_block_drawing(fig), "contours");
	assert_runs(cispref_block_caption(fig), "Schéma des |em(contours)| de la mission");
	assert_int_equal(cispref_block_kind(cispref_section_block(s31, 1)), CISPREF_BLOCK_OVERVIEW);
	assert_int_equal(cispref_block_domain_kind(cispref_section_block(s31, 1)), CISPREF_DOMAIN_CORE);
	assert_int_equal(cispref_block_domain_kind(cispref_section_block(s31, 2)),
	                 CISPREF_DOMAIN_TRANSVERSAL);
	const cispref_section *s32 = cispref_referential_find_section(ref, "fm.3.2");
	assert_int_equal(cispref_block_kind(cispref_section_block(s32, 0)), CISPREF_BLOCK_DETAILS);
	cispref_referential_free(ref);
}

static void test_kind_names(void **state)
{
	(void)state;
	static const char *const names[] = {"p", "list", "quote", "timeline", "figure",
	                                    "overview", "details"};
	for (size_t i = 0; i < N_ELEMENTS(names); i++) {
		cispref_block_kind_t kind;
		assert_string_equal(cispref_block_kind_name((cispref_block_kind_t)i), names[i]);
		OK(cispref_block_kind_from_name(&kind, names[i]));
		assert_int_equal(kind, (cispref_block_kind_t)i);
	}
	assert_string_equal(cispref_inline_kind_name(CISPREF_INLINE_EMPHASIS), "em");
	assert_string_equal(cispref_inline_kind_name(CISPREF_INLINE_QUOTATION), "q");
	assert_string_equal(cispref_inline_kind_name(CISPREF_INLINE_NOTE_REF), "note-ref");
}

/* ---- writing ------------------------------------------------------------------- */

/* The fixture is written in the canonical form (doc/format.md): writing what was read
 * gives its bytes, and reading them gives an equal model. */
static void test_round_trip(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture(), *again = NULL;
	char *xml = NULL;
	size_t size = 0;
	OK(cispref_export_buffer(&xml, &size, ref, CISPREF_FORMAT_XML, NULL));
	size_t file_size = 0;
	char *file = read_whole_file(fixture("front-matter.xml"), &file_size);
	assert_non_null(file);
	assert_int_equal(size, file_size);
	assert_string_equal(xml, file);
	OK(cispref_referential_load_memory(&again, xml, size, "again", NULL, NULL));
	assert_true(cispref_referential_equal(ref, again));
	/* a difference inside an inline run is seen */
	cispref_referential *other = NULL;
	char *changed = strdup(file);
	char *at = strstr(changed, "<em>missions</em>");
	assert_non_null(at);
	memcpy(at, "<q>missions</q>  ", 17); /* as long as "<em>missions</em>" */
	OK(cispref_referential_load_memory(&other, changed, strlen(changed), "other", NULL, NULL));
	assert_false(cispref_referential_equal(ref, other));
	cispref_referential_free(other);
	free(changed);
	free(file);
	cispref_buffer_free(xml);
	cispref_referential_free(again);
	cispref_referential_free(ref);
}

/* The builder's removal of a note removes its references from the front matter too, and
 * joins the texts around them as a reader would: what is written reads back equal. */
static void test_remove_note(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture(), *again = NULL;
	OK(cispref_referential_remove_note(ref, 0)); /* note.1 */
	const cispref_section *s1 = cispref_referential_section(ref, 0);
	assert_runs(cispref_block_text(cispref_section_block(s1, 0)),
	            "Le décret définit les |em(missions)| des centres.");
	char *xml = NULL;
	size_t size = 0;
	OK(cispref_export_buffer(&xml, &size, ref, CISPREF_FORMAT_XML, NULL));
	assert_non_null(strstr(xml, "<p>Le décret définit les <em>missions</em> des centres.</p>"));
	OK(cispref_referential_load_memory(&again, xml, size, "again", NULL, NULL));
	assert_true(cispref_referential_equal(ref, again));
	cispref_buffer_free(xml);
	cispref_referential_free(again);
	cispref_referential_free(ref);
}

/* A referential without front matter is written as before: the canonical export
 * fixture, read and written, gives its own bytes, with no front-matter element. */
static void test_without_front_matter(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_file(&ref, fixture("export-canonical.xml"), NULL, NULL));
	assert_int_equal(cispref_referential_section_count(ref), 0);
	char *xml = NULL;
	size_t size = 0;
	OK(cispref_export_buffer(&xml, &size, ref, CISPREF_FORMAT_XML, NULL));
	char *file = read_whole_file(fixture("export-canonical.xml"), NULL);
	assert_non_null(file);
	assert_string_equal(xml, file);
	assert_null(strstr(xml, "front-matter"));
	free(file);
	cispref_buffer_free(xml);
	cispref_referential_free(ref);
}

/* The JSON export's "front_matter" (doc/format.md): the last member, with the fixture's
 * sections, blocks and runs as the format specifies them. */
static void test_json(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture();
	char *json = NULL;
	OK(cispref_export_buffer(&json, NULL, ref, CISPREF_FORMAT_JSON, NULL));
	static const char *const pieces[] = {
		"  \"front_matter\": [\n    {\n      \"id\": \"fm.1\",\n      \"number\": \"1\",\n"
		"      \"level\": 1,\n      \"heading\": [\n        {\n          \"kind\": \"text\",\n"
		"          \"text\": \"Introduction\"\n        }\n      ],\n"
		"      \"heading_text\": \"Introduction\",\n",
		"\"kind\": \"note-ref\",\n",
		"\"note\": \"note.1\"\n",
		"\"kind\": \"em\",\n",
		"\"kind\": \"q\",\n",
		"\"kind\": \"list\",\n",
		"\"label\": \"1°\",\n",
		"\"label\": null,\n",
		"\"attribution\": \"Tony Poumier\"\n",
		"\"date\": \"16 octobre 2017\",\n",
		"\"actors\": null,\n",
		"\"drawing\": \"contours\",\n",
		"\"domain_kind\": \"transversal\"\n",
		"\"kind\": \"details\",\n",
		"\"number\": null,\n",
	};
	for (size_t i = 0; i < N_ELEMENTS(pieces); i++)
		if (!strstr(json, pieces[i]))
			fail_msg("the JSON export lacks %s", pieces[i]);
	/* the last member */
	const char *last = strstr(json, "\n  \"front_matter\"");
	assert_non_null(last);
	assert_null(strstr(last + 1, "\n  \""));
	cispref_buffer_free(json);
	cispref_referential_free(ref);
}

/* ---- hostile input ------------------------------------------------------------- */

/* Load HEAD @body TAIL; expects failure @code at @line:@column with @message in it. The
 * column of an element is libxml2's at its start tag's end: the '>' of a start tag, the
 * '/' of an empty-element tag; text on a tag's line is placed after it. */
static void refused(const char *body, int code, unsigned long line, unsigned long column,
                    const char *message)
{
	size_t n = strlen(HEAD) + strlen(body) + strlen(TAIL);
	char *doc = malloc_or_exit(n + 1);
	snprintf(doc, n + 1, "%s%s%s", HEAD, body, TAIL);
	cispref_referential *ref = NULL;
	cispref_error error;
	int rc = cispref_referential_load_memory(&ref, doc, n, "hostile.xml", NULL, &error);
	if (rc != code || error.line != line || error.column != column ||
	    !strstr(error.text, message))
		fail_msg("got %d at %lu:%lu \"%s\", expected %d at %lu:%lu \"%s\"", rc, error.line,
		         error.column, error.text, code, line, column, message);
	assert_null(ref);
	free(doc);
}

#define SECTION "<section id=\"s\"><heading>H</heading>\n"

static void test_hostile_inline(void **state)
{
	(void)state;
	/* the column is the one after the offending start tag */
	refused(SECTION "<p>Du <b>gras</b></p>\n</section>\n", CISPREF_EFORMAT, 6, 9,
	        "unexpected element 'b' in 'p'");
	/* em in em, and em in q in em: deeper than the format's one level each way */
	refused(SECTION "<p><em>a<em>b</em></em></p>\n</section>\n", CISPREF_EFORMAT, 6, 12,
	        "element 'em' in 'em'");
	refused(SECTION "<p><em><q><em>b</em></q></em></p>\n</section>\n", CISPREF_EFORMAT, 6, 14,
	        "unexpected element 'em' in 'q'");
	/* text outside blocks: in a section, in a list */
	refused(SECTION "loose text\n</section>\n", CISPREF_EFORMAT, 6, 1,
	        "element 'section' may not contain text");
	refused(SECTION "<list>\n  stray<item>a</item></list>\n</section>\n", CISPREF_EFORMAT, 7, 3,
	        "element 'list' may not contain text");
	/* text in a note-ref */
	refused(SECTION "<p>a<note-ref note=\"note.1\">1</note-ref></p>\n</section>\n",
	        CISPREF_EFORMAT, 6, 30, "element 'note-ref' may not contain text");
	refused(SECTION "<p class=\"x\">a</p>\n</section>\n", CISPREF_EFORMAT, 6, 13,
	        "element 'p' has no attribute 'class'");
}

static void test_hostile_structure(void **state)
{
	(void)state;
	refused("<section id=\"s\">\n<p>a</p>\n</section>\n", CISPREF_EFORMAT, 6, 3,
	        "element 'section' must begin with a 'heading'");
	refused("", CISPREF_EFORMAT, 5, 16, "element 'front-matter' lacks a 'section'");
	refused(SECTION "<list id=\"l\">\n</list>\n</section>\n", CISPREF_EFORMAT, 7, 8,
	        "element 'list' lacks a 'item'");
	refused(SECTION "<quote><heading>H</heading><attribution>A</attribution></quote>\n</section>\n",
	        CISPREF_EFORMAT, 6, 64, "element 'quote' lacks a 'p'");
	refused(SECTION "<figure id=\"f\" drawing=\"map\"><caption>C</caption></figure>\n</section>\n",
	        CISPREF_EFORMAT, 6, 29, "attribute 'drawing' has the value 'map'");
	refused(SECTION "<overview domain-kind=\"central\"/>\n</section>\n", CISPREF_EFORMAT, 6, 32,
	        "attribute 'domain-kind' has the value 'central'");
	refused(SECTION "<section id=\"t\"><heading>T</heading></section>\n<p>late</p>\n</section>\n",
	        CISPREF_EFORMAT, 7, 3, "element 'p' is out of place in 'section'");
	/* a note-ref to nothing: the validator's error, at the note-ref */
	refused(SECTION "<p>Texte<note-ref note=\"note.9\"/></p>\n</section>\n", CISPREF_ERULE, 6, 32,
	        "the note 'note.9', which does not exist [note-unknown]");
}

/* @count start tags @open (each on its own line when @newline), then nothing: the load
 * must stop at the first one beyond the limit, long before the end. */
static char *nested(const char *open, size_t count, int newline)
{
	size_t one = strlen(open) + (newline ? 1 : 0);
	size_t n = strlen(HEAD) + strlen(SECTION) + 3 + one * count + strlen(TAIL);
	char *doc = malloc_or_exit(n + 1);
	char *at = doc + sprintf(doc, "%s%s<p>", HEAD, SECTION);
	for (size_t i = 0; i < count; i++)
		at += sprintf(at, "%s%s", open, newline ? "\n" : "");
	strcpy(at, TAIL);
	return doc;
}

static void test_hostile_depth(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_error error;
	/* 10^5 nested sections (under a paragraph's sibling position: sections come after
	 * the blocks, so they open right after the heading) */
	size_t count = 100000;
	char *doc = malloc_or_exit(strlen(HEAD) + 64 * count + strlen(TAIL));
	char *at = doc + sprintf(doc, "%s", HEAD);
	for (size_t i = 0; i < count; i++)
		at += sprintf(at, "<section id=\"s%zu\"><heading>H</heading>\n", i);
	strcpy(at, TAIL);
	assert_int_equal(cispref_referential_load_memory(&ref, doc, strlen(doc), "deep.xml", NULL,
	                                                 &error),
	                 CISPREF_ELIMIT);
	assert_null(ref);
	/* the seventh section, on line 11, is refused as it opens */
	assert_int_equal(error.line, 11);
	assert_int_equal(error.column, strlen("<section id=\"s6\">"));
	assert_non_null(strstr(error.text, "sections nest deeper than 6 levels"));
	free(doc);

	/* 10^5 nested spans: the second em is refused */
	doc = nested("<em>", count, 0);
	assert_int_equal(cispref_referential_load_memory(&ref, doc, strlen(doc), "spans.xml", NULL,
	                                                 &error),
	                 CISPREF_EFORMAT);
	assert_int_equal(error.line, 6);
	assert_int_equal(error.column, strlen("<p><em><em>"));
	free(doc);
	/* alternating q and em, one per line: the third is refused */
	doc = nested("<q><em>", count / 2, 1);
	assert_int_equal(cispref_referential_load_memory(&ref, doc, strlen(doc), "spans.xml", NULL,
	                                                 &error),
	                 CISPREF_EFORMAT);
	assert_int_equal(error.line, 7);
	assert_int_equal(error.column, strlen("<q>"));
	assert_non_null(strstr(error.text, "unexpected element 'q' in 'em'"));
	free(doc);
}

/* ---- validator ----------------------------------------------------------------- */

/* Whether validating HEAD @body TAIL (read leniently) reports @tag at @line. */
static int finds(const char *body, const char *tag, unsigned long line)
{
	size_t n = strlen(HEAD) + strlen(body) + strlen(TAIL);
	char *doc = malloc_or_exit(n + 1);
	snprintf(doc, n + 1, "%s%s%s", HEAD, body, TAIL);
	cispref_load_options options = load_options_with(CISPREF_LOAD_LENIENT);
	cispref_referential *ref = NULL;
	cispref_error error;
	if (cispref_referential_load_memory(&ref, doc, n, "v.xml", &options, &error) != CISPREF_OK)
		fail_msg("%lu:%lu: %s", error.line, error.column, error.text);
	cispref_diagnostics *list = NULL;
	OK(cispref_validate(&list, ref));
	int found = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		if (strcmp(cispref_diagnostic_tag(d), tag) == 0 && cispref_diagnostic_line(d) == line)
			found = 1;
	}
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
	free(doc);
	return found;
}

static void test_validator(void **state)
{
	(void)state;
	const char *ok_body = SECTION "<p>Texte<note-ref note=\"note.1\"/>.</p>\n</section>\n";
	assert_false(finds(ok_body, "note-unused", 0));
	assert_false(finds(ok_body, "note-unused", 9));
	/* note.1 unreferenced (its line is that of the notes) */
	assert_true(finds(SECTION "<p>Texte.</p>\n</section>\n", "note-unused", 9));
	assert_true(finds(SECTION "<p>a<note-ref note=\"note.1\"/></p>\n<p>b<note-ref note=\"note.1\"/></p>\n</section>\n",
	                  "note-ref-repeated", 7));
	assert_true(finds(SECTION "<p>a<note-ref note=\"note.9\"/></p>\n</section>\n", "note-unknown", 6));
	assert_true(finds("<section id=\"a\" number=\"1\"><heading>A</heading></section>\n"
	                  "<section id=\"b\" number=\"1\"><heading>B</heading></section>\n",
	                  "section-number-duplicate", 6));
	assert_true(finds(SECTION "<details/>\n<details/>\n</section>\n", "details-repeated", 7));
	/* a details per domain kind: each kind once, and a details without one is alone */
	assert_false(finds(SECTION "<details domain-kind=\"core\"/>\n<details domain-kind=\"transversal\"/>\n"
	                   "</section>\n", "details-repeated", 7));
	assert_true(finds(SECTION "<details domain-kind=\"core\"/>\n<details domain-kind=\"core\"/>\n"
	                  "</section>\n", "details-repeated", 7));
	assert_true(finds(SECTION "<details/>\n<details domain-kind=\"transversal\"/>\n</section>\n",
	                  "details-repeated", 7));
	assert_true(finds(SECTION "<details domain-kind=\"core\"/>\n<details/>\n</section>\n",
	                  "details-repeated", 7));
	assert_true(finds(SECTION "<p> leading space</p>\n</section>\n", "front-matter-whitespace", 6));
	assert_true(finds(SECTION "<p>two  spaces</p>\n</section>\n", "front-matter-whitespace", 6));
	assert_true(finds(SECTION "<p>a line\nbreak</p>\n</section>\n", "front-matter-whitespace", 6));
	assert_false(finds(ok_body, "front-matter-whitespace", 6));
	assert_true(finds(SECTION "<p></p>\n</section>\n", "text-empty", 6));
	assert_true(finds("<section id=\"s\"><heading><note-ref note=\"note.1\"/></heading></section>\n",
	                  "text-empty", 5));
	/* ids are unique across the file: a section's id against a note's */
	assert_true(finds("<section id=\"note.1\"><heading>H</heading></section>\n", "duplicate-id", 7));
	assert_true(finds(SECTION "<list id=\"s\"><item>a</item></list>\n</section>\n", "duplicate-id", 6));
}

/* ---- details per domain kind ------------------------------------------------------ */

/* The core domains' tables, text, then the transversal ones' (3.2 of the cahier); the
 * transversal domain comes first in the file, so the order printed is the blocks'. */
static const char KINDED[] =
	XML_DECL ROOT "<title>T</title>\n<front-matter>\n"
	"<section id=\"s\"><heading>Détails</heading>\n<p>Avant les tables.</p>\n"
	"<details domain-kind=\"core\"/>\n"
	"<section id=\"t\"><heading>Les axes</heading>\n<p>Entre les tables.</p>\n"
	"<details domain-kind=\"transversal\"/>\n</section>\n</section>\n</front-matter>\n"
	"<domain id=\"x\" kind=\"transversal\"><title>Domaine transversal</title>"
	"<plan id=\"x.int\" kind=\"internal\"><title>Interne</title>"
	"<competence id=\"x.1\"><title>Compétence transversale</title></competence></plan></domain>\n"
	"<domain id=\"c\" kind=\"core\"><title>Domaine cœur</title>"
	"<plan id=\"c.ind\" kind=\"individual\"><title>Individuel</title>"
	"<competence id=\"c.1\"><title>Compétence cœur</title></competence></plan></domain>\n"
	"</referential>\n";

static size_t count_of(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* @a, @b, @c in this order in @doc, each there. */
static void assert_in_order(const char *doc, const char *a, const char *b, const char *c)
{
	const char *pa = strstr(doc, a), *pb = strstr(doc, b), *pc = strstr(doc, c);
	if (!pa || !pb || !pc || !(pa < pb && pb < pc))
		fail_msg("\"%s\", \"%s\", \"%s\" are not in this order", a, b, c);
}

static void test_details_domain_kind(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_error error;
	if (cispref_referential_load_memory(&ref, KINDED, strlen(KINDED), "k.xml", NULL, &error))
		fail_msg("%lu:%lu: %s", error.line, error.column, error.text);
	const cispref_section *s = cispref_referential_section(ref, 0);
	const cispref_block *core = cispref_section_block(s, 1);
	const cispref_block *transversal =
		cispref_section_block(cispref_section_subsection(s, 0), 1);
	assert_int_equal(cispref_block_kind(core), CISPREF_BLOCK_DETAILS);
	assert_true(cispref_block_has_domain_kind(core));
	assert_int_equal(cispref_block_domain_kind(core), CISPREF_DOMAIN_CORE);
	assert_true(cispref_block_has_domain_kind(transversal));
	assert_int_equal(cispref_block_domain_kind(transversal), CISPREF_DOMAIN_TRANSVERSAL);
	assert_false(cispref_block_has_domain_kind(cispref_section_block(s, 0))); /* a p */
	assert_false(cispref_block_has_domain_kind(NULL));

	/* written back as read; in JSON, the kind or null */
	char *out = NULL;
	size_t size = 0;
	OK(cispref_export_buffer(&out, &size, ref, CISPREF_FORMAT_XML, NULL));
	assert_non_null(strstr(out, "<details domain-kind=\"core\"/>"));
	assert_non_null(strstr(out, "<details domain-kind=\"transversal\"/>"));
	cispref_buffer_free(out);
	OK(cispref_export_buffer(&out, &size, ref, CISPREF_FORMAT_JSON, NULL));
	assert_non_null(strstr(out, "\"kind\": \"details\",\n"));
	assert_int_equal(count_of(out, "\"domain_kind\": \"core\""), 1);
	assert_int_equal(count_of(out, "\"domain_kind\": \"transversal\""), 1);
	cispref_buffer_free(out);

	/* every renderer: the core tables, the text, the transversal tables */
	static const cispref_render_format_t formats[] = {
		CISPREF_RENDER_HTML, CISPREF_RENDER_FODT, CISPREF_RENDER_MARKDOWN};
	for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
		cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
		OK(cispref_render_buffer(&out, &size, ref, formats[f], &options, NULL));
		/* the contents list the domains where the body prints them */
		assert_in_order(out, "Domaine cœur", "Les axes", "Domaine transversal");
		assert_in_order(strstr(out, "Avant les tables."), "Compétence cœur", "Entre les tables.",
		                "Compétence transversale");
		cispref_buffer_free(out);
	}
	cispref_referential_free(ref);

	/* a kind that is not one */
	refused(SECTION "<details domain-kind=\"both\"/>\n</section>\n", CISPREF_EFORMAT, 6, 28,
	        "domain-kind");
}

/* ---- renderers ------------------------------------------------------------------- */

/* The texts the fixture's front matter prints, in document order: every text run (of
 * headings, paragraphs, items, quotations, tasks, captions), the section numbers, list
 * labels, dates, actors and attributions. */
typedef struct texts {
	const char *list[128];
	size_t count;
} texts;

static void add_text(texts *t, const char *s)
{
	if (s && *s && t->count < N_ELEMENTS(t->list))
		t->list[t->count++] = s;
}

static void collect_runs(texts *t, const cispref_rich_text *rt)
{
	for (size_t i = 0; i < cispref_rich_text_count(rt); i++) {
		const cispref_inline *run = cispref_rich_text_run(rt, i);
		add_text(t, cispref_inline_text(run));
		if (cispref_inline_children(run))
			collect_runs(t, cispref_inline_children(run));
	}
}

static void collect_section(texts *t, const cispref_section *s)
{
	add_text(t, cispref_section_number(s));
	collect_runs(t, cispref_section_heading(s));
	for (size_t b = 0; b < cispref_section_block_count(s); b++) {
		const cispref_block *block = cispref_section_block(s, b);
		collect_runs(t, cispref_block_text(block));
		for (size_t i = 0; i < cispref_block_list_item_count(block); i++) {
			add_text(t, cispref_list_item_label(cispref_block_list_item(block, i)));
			collect_runs(t, cispref_list_item_text(cispref_block_list_item(block, i)));
		}
		collect_runs(t, cispref_block_heading(block));
		for (size_t i = 0; i < cispref_block_paragraph_count(block); i++)
			collect_runs(t, cispref_block_paragraph(block, i));
		add_text(t, cispref_block_attribution(block));
		for (size_t i = 0; i < cispref_block_phase_count(block); i++) {
			const cispref_phase *ph = cispref_block_phase(block, i);
			collect_runs(t, cispref_phase_heading(ph));
			for (size_t j = 0; j < cispref_phase_step_count(ph); j++) {
				add_text(t, cispref_step_date(cispref_phase_step(ph, j)));
				collect_runs(t, cispref_step_task(cispref_phase_step(ph, j)));
				add_text(t, cispref_step_actors(cispref_phase_step(ph, j)));
			}
		}
		collect_runs(t, cispref_block_caption(block));
	}
	for (size_t i = 0; i < cispref_section_subsection_count(s); i++)
		collect_section(t, cispref_section_subsection(s, i));
}

/* @s as @format writes text: '&' escaped ("&amp;" in XML, "\&" in Markdown); in ODF a
 * space that starts a text is the element text:s (ODF collapses leading spaces). */
static void as_written(char *out, size_t size, const char *s, cispref_render_format_t format)
{
	const char *amp = format == CISPREF_RENDER_MARKDOWN ? "\\&" : "&amp;";
	size_t n = 0;
	if (format == CISPREF_RENDER_FODT && *s == ' ') {
		n = (size_t)snprintf(out, size, "<text:s/>");
		s++;
	}
	for (; *s && n + 6 < size; s++) {
		if (*s == '&') {
			memcpy(out + n, amp, strlen(amp));
			n += strlen(amp);
		} else {
			out[n++] = *s;
		}
	}
	out[n] = '\0';
}

/* Where @s (as @format writes it) is in @doc from @from on, or NULL. */
static const char *find_from(const char *doc, const char *from, const char *s,
                             cispref_render_format_t format)
{
	char written[512];
	as_written(written, sizeof written, s, format);
	(void)doc;
	return strstr(from, written);
}

static void check_rendering(cispref_render_format_t format)
{
	cispref_referential *ref = load_fixture();
	char *doc = NULL;
	OK(cispref_render_buffer(&doc, NULL, ref, format, NULL, NULL));
	texts t = {{0}, 0};
	for (size_t i = 0; i < cispref_referential_section_count(ref); i++)
		collect_section(&t, cispref_referential_section(ref, i));
	assert_true(t.count > 40);
	/* every text, in the order of the front matter: each is found after the previous
	 * one (the contents list the headings first: the search starts after the last
	 * section's title there, the heading of Part 3's last subsection) */
	const char *at = strstr(doc, "Les compétences en détail");
	assert_non_null(at);
	at++;
	for (size_t i = 0; i < t.count; i++) {
		const char *found = find_from(doc, at, t.list[i], format);
		if (!found)
			fail_msg("%s: \"%s\" is missing or out of order", cispref_render_format_name(format),
			         t.list[i]);
		at = found;
	}
	/* the contents list the front matter's headings, numbered */
	static const char *const contents[] = {"1 Introduction", "1.1 Les principes",
	                                       "Une phase exploratoire", "3.1 Les contours de la mission",
	                                       "3.2 Les compétences en détail"};
	const char *c = doc;
	for (size_t i = 0; i < N_ELEMENTS(contents); i++) {
		c = strstr(c, contents[i]);
		if (!c)
			fail_msg("%s: the contents lack \"%s\"", cispref_render_format_name(format),
			         contents[i]);
	}
	/* 3.1's overview: the summary tables of both kinds of domain, before 3.2; 3.2's
	 * details: the detail tables after its heading; the notes */
	const char *s31 = strstr(c, "Les contours de la mission");
	const char *s32 = s31 ? strstr(s31, "Les compétences en détail") : NULL;
	assert_non_null(s32);
	const char *summary = strstr(s31, "Informer l’équipe");
	assert_true(summary && summary < s32);
	assert_non_null(strstr(s32, "Cibler les besoins"));
	assert_non_null(strstr(s32, "Rédiger un compte rendu"));
	/* ODF prints the notes as footnotes where they are referred to, the others in a
	 * chapter at the end */
	const char *notes = format == CISPREF_RENDER_FODT ? doc : s32;
	assert_non_null(strstr(notes, "Décret du 10 juillet 2013."));
	assert_non_null(strstr(notes, "Une note d’une compétence."));
	/* the schema drawn at the figure's place (3.1), and only there; Markdown names it */
	static const char *const drawing[] = {
		[CISPREF_RENDER_HTML] = "<svg", [CISPREF_RENDER_FODT] = "<draw:image",
		[CISPREF_RENDER_MARKDOWN] = "Schéma du contour de la mission d'accompagnement"};
	const char *drawn = strstr(doc, drawing[format]);
	assert_true(drawn && drawn > s31 && drawn < s32);
	assert_null(strstr(drawn + 1, drawing[format]));
	/* quotations get their marks */
	assert_non_null(strstr(doc, "\xE2\x80\x9C" "partager" "\xE2\x80\x9D"));
	cispref_buffer_free(doc);
	cispref_referential_free(ref);
}

static void test_render_html(void **state)
{
	(void)state;
	check_rendering(CISPREF_RENDER_HTML);
}

static void test_render_fodt(void **state)
{
	(void)state;
	check_rendering(CISPREF_RENDER_FODT);
}

static void test_render_markdown(void **state)
{
	(void)state;
	check_rendering(CISPREF_RENDER_MARKDOWN);
}

/* Note references of the front matter: a link to the numbered note (HTML), a footnote
 * with the source's number (ODF), a footnote reference (Markdown). */
static void test_render_note_refs(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture();
	char *doc = NULL;
	OK(cispref_render_buffer(&doc, NULL, ref, CISPREF_RENDER_HTML, NULL, NULL));
	assert_non_null(strstr(doc, "Le décret<sup class=\"note-ref\"><a href=\"#note-note.1\""));
	assert_non_null(strstr(doc, "<p class=\"note\" id=\"note-note.1\"><span class=\"number\">1</span>"));
	cispref_buffer_free(doc);
	OK(cispref_render_buffer(&doc, NULL, ref, CISPREF_RENDER_FODT, NULL, NULL));
	assert_non_null(strstr(doc, "Le décret<text:note text:id=\"ftn1\" text:note-class=\"footnote\">"
	                            "<text:note-citation text:label=\"1\">1</text:note-citation>"));
	cispref_buffer_free(doc);
	OK(cispref_render_buffer(&doc, NULL, ref, CISPREF_RENDER_MARKDOWN, NULL, NULL));
	assert_non_null(strstr(doc, "Le décret[^1] définit les *missions* des centres.\n"));
	assert_non_null(strstr(doc, "[^1]: Décret du 10 juillet 2013.\n"));
	cispref_buffer_free(doc);
	cispref_referential_free(ref);
}

/* CommonMark reads a "*" next to white space as text: spaces at the ends of an emphasis
 * go outside its markers. */
static void test_render_markdown_emphasis_spaces(void **state)
{
	(void)state;
	const char *body = SECTION "<p>les<em> missions </em>des <em> </em>centres</p>\n</section>\n";
	size_t n = strlen(HEAD) + strlen(body) + strlen(TAIL);
	char *xml = malloc_or_exit(n + 1);
	snprintf(xml, n + 1, "%s%s%s", HEAD, body, TAIL);
	cispref_load_options lenient = load_options_with(CISPREF_LOAD_LENIENT);
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_memory(&ref, xml, n, "em.xml", &lenient, NULL));
	char *doc = NULL;
	OK(cispref_render_buffer(&doc, NULL, ref, CISPREF_RENDER_MARKDOWN, NULL, NULL));
	assert_non_null(strstr(doc, "\nles *missions* des  centres\n"));
	cispref_buffer_free(doc);
	cispref_referential_free(ref);
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_paragraphs_and_inline),
		cmocka_unit_test(test_list_and_quote),
		cmocka_unit_test(test_timeline_figure_overview),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_remove_note),
		cmocka_unit_test(test_without_front_matter),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_hostile_inline),
		cmocka_unit_test(test_hostile_structure),
		cmocka_unit_test(test_hostile_depth),
		cmocka_unit_test(test_validator),
		cmocka_unit_test(test_details_domain_kind),
		cmocka_unit_test(test_render_html),
		cmocka_unit_test(test_render_fodt),
		cmocka_unit_test(test_render_markdown),
		cmocka_unit_test(test_render_note_refs),
		cmocka_unit_test(test_render_markdown_emphasis_spaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
