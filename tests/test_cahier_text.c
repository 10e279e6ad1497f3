/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The text of the cahier around the referential, as the embedded referential holds it,
 * against the figures counted from the source text in
 * tests/fixtures/front-matter-expected.txt (its header defines each field): per section
 * its number, depth, paragraphs, list items, quotation paragraphs, timeline steps, the
 * notes it references in reading order, the first and last three words of its own text;
 * the headings; the figure; the totals. Everything is read through the public API, so a
 * paragraph dropped, a note-ref lost or a section moved fails here. Also: search leaves the
 * front matter out, and cispref_referential_remove_front_matter() takes all of it. */
#include <ctype.h>

#include "test_util.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the expected figures --------------------------------------------------------- */

#define MAX_FIELDS 12
#define MAX_RECORDS 64

typedef struct record {
	char *field[MAX_FIELDS];
	size_t count;
} record;

typedef struct expected {
	char *text; /* the file, split in place */
	record records[MAX_RECORDS];
	size_t count;
} expected;

/* One record per line, fields separated by one TAB; '#' lines and empty lines skipped. */
static void read_expected(expected *e)
{
	memset(e, 0, sizeof *e);
	e->text = read_whole_file(fixture("front-matter-expected.txt"), NULL);
	assert_non_null(e->text);
	for (char *line = e->text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!*line || *line == '#')
			continue;
		assert_true(e->count < MAX_RECORDS);
		record *r = &e->records[e->count++];
		for (char *field = line, *tab; field; field = tab) {
			tab = strchr(field, '\t');
			if (tab)
				*tab++ = '\0';
			assert_true(r->count < MAX_FIELDS);
			r->field[r->count++] = field;
		}
	}
}

static const record *find_record(const expected *e, const char *kind, const char *key)
{
	for (size_t i = 0; i < e->count; i++)
		if (strcmp(e->records[i].field[0], kind) == 0 &&
		    strcmp(e->records[i].field[1], key) == 0)
			return &e->records[i];
	return NULL;
}

/* ---- a section's own text ----------------------------------------------------------- */

typedef struct own {
	char *text;     /* its words' text, joined by spaces */
	size_t length, capacity;
	char notes[256]; /* the numbers of the notes referenced, comma-joined */
	const cispref_referential *ref;
} own;

static void append(own *o, const char *s, size_t n)
{
	if (o->length + n + 2 > o->capacity) {
		o->capacity = (o->length + n + 2) * 2;
		o->text = realloc(o->text, o->capacity);
		assert_non_null(o->text);
	}
	memcpy(o->text + o->length, s, n);
	o->length += n;
	o->text[o->length] = '\0';
}

/* The quotation marks the expected words leave out: “ ” « » and the straight one. */
static size_t quotation_mark(const char *s)
{
	static const char *const marks[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB",
	                                    "\""};
	for (size_t i = 0; i < ARRAY_LEN(marks); i++)
		if (strncmp(s, marks[i], strlen(marks[i])) == 0)
			return strlen(marks[i]);
	return 0;
}

static void add_plain(own *o, const char *s)
{
	if (!s)
		return;
	append(o, " ", 1); /* blocks and fields are separate words */
	while (*s) {
		size_t mark = quotation_mark(s);
		if (mark)
			s += mark;
		else
			append(o, s++, 1);
	}
}

/* Runs: text as is, emphasis and quotation by their content (a quotation's marks are
 * not in the model), a note-ref as nothing but its note's number. Runs join without a
 * space: "pédagogiques" + ^4 + " :" reads "pédagogiques :". */
static void add_runs(own *o, const cispref_rich_text *rt)
{
	for (size_t i = 0; i < cispref_rich_text_count(rt); i++) {
		const cispref_inline *run = cispref_rich_text_run(rt, i);
		switch (cispref_inline_kind(run)) {
		case CISPREF_INLINE_TEXT: {
			const char *s = cispref_inline_text(run);
			while (*s) {
				size_t mark = quotation_mark(s);
				if (mark)
					s += mark;
				else
					append(o, s++, 1);
			}
			break;
		}
		case CISPREF_INLINE_EMPHASIS:
		case CISPREF_INLINE_QUOTATION:
			add_runs(o, cispref_inline_children(run));
			break;
		case CISPREF_INLINE_NOTE_REF: {
			const cispref_note *note =
				cispref_referential_find_note(o->ref, cispref_inline_note_id(run));
			assert_non_null(note); /* every note-ref resolves */
			size_t len = strlen(o->notes);
			snprintf(o->notes + len, sizeof o->notes - len, "%s%s", len ? "," : "",
			         cispref_note_number(note));
			break;
		}
		}
	}
}

static void add_block_runs(own *o, const cispref_rich_text *rt)
{
	append(o, " ", 1);
	add_runs(o, rt);
}

typedef struct counts {
	size_t paragraphs, lists, items, quotes, quote_paragraphs, timelines, phases, steps,
		figures, overviews, details, sections, note_refs;
} counts;

/* The section's own text and figures (its blocks, not its subsections). */
static void read_section(own *o, counts *c, const cispref_section *s)
{
	for (size_t b = 0; b < cispref_section_block_count(s); b++) {
		const cispref_block *block = cispref_section_block(s, b);
		switch (cispref_block_kind(block)) {
		case CISPREF_BLOCK_PARAGRAPH:
			c->paragraphs++;
			add_block_runs(o, cispref_block_text(block));
			break;
		case CISPREF_BLOCK_LIST:
			c->lists++;
			for (size_t i = 0; i < cispref_block_list_item_count(block); i++, c->items++)
				add_block_runs(o, cispref_list_item_text(cispref_block_list_item(block, i)));
			break;
		case CISPREF_BLOCK_QUOTE:
			c->quotes++;
			if (cispref_block_heading(block))
				add_block_runs(o, cispref_block_heading(block));
			for (size_t i = 0; i < cispref_block_paragraph_count(block); i++) {
				c->quote_paragraphs++;
				add_block_runs(o, cispref_block_paragraph(block, i));
			}
			add_plain(o, cispref_block_attribution(block));
			break;
		case CISPREF_BLOCK_TIMELINE:
			c->timelines++;
			for (size_t p = 0; p < cispref_block_phase_count(block); p++) {
				const cispref_phase *phase = cispref_block_phase(block, p);
				c->phases++;
				add_block_runs(o, cispref_phase_heading(phase));
				for (size_t i = 0; i < cispref_phase_step_count(phase); i++) {
					const cispref_step *step = cispref_phase_step(phase, i);
					c->steps++;
					add_plain(o, cispref_step_date(step));
					add_plain(o, cispref_step_actors(step));
					add_block_runs(o, cispref_step_task(step));
				}
			}
			break;
		case CISPREF_BLOCK_FIGURE:
			c->figures++;
			break;
		case CISPREF_BLOCK_OVERVIEW:
			c->overviews++;
			break;
		case CISPREF_BLOCK_DETAILS:
			c->details++;
			break;
		}
	}
}

/* The first (@last == 0) or last three words of @text, joined by one space. */
static void three_words(char *out, size_t size, const char *text, int last)
{
	const char *word[4096];
	size_t len[4096], n = 0;
	for (const char *p = text; *p && n < ARRAY_LEN(word);) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		word[n] = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		len[n] = (size_t)(p - word[n]);
		n++;
	}
	assert_true(n >= 3 && n < ARRAY_LEN(word));
	size_t from = last ? n - 3 : 0;
	snprintf(out, size, "%.*s %.*s %.*s", (int)len[from], word[from], (int)len[from + 1],
	         word[from + 1], (int)len[from + 2], word[from + 2]);
}

/* The heading's text (plain, the number apart). */
static void heading_text(char *out, size_t size, const cispref_referential *ref,
                         const cispref_rich_text *rt)
{
	own o = {.ref = ref};
	add_runs(&o, rt);
	snprintf(out, size, "%s", o.text ? o.text : "");
	free(o.text);
}

static size_t parse_size(const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	assert_true(*s && !*end);
	return (size_t)v;
}

#define EQ_FIELD(r, i, value, what)                                                         \
	do {                                                                                \
		if (parse_size((r)->field[i]) != (value))                                   \
			fail_msg("%s: %s is %zu, the source has %s", (r)->field[1], what,   \
			         (size_t)(value), (r)->field[i]);                            \
	} while (0)

static void check_section(const expected *e, const cispref_referential *ref,
                          const cispref_section *s, size_t *order, counts *total)
{
	const char *id = cispref_section_id(s);
	/* the sections come in the source's order */
	size_t seen = 0;
	const record *r = NULL;
	for (size_t i = 0; i < e->count; i++) {
		if (strcmp(e->records[i].field[0], "section") != 0)
			continue;
		if (seen++ == *order) {
			r = &e->records[i];
			break;
		}
	}
	if (!r)
		fail_msg("section %s is not in the source", id);
	if (strcmp(r->field[1], id) != 0)
		fail_msg("section %zu is %s, the source's is %s", *order + 1, id, r->field[1]);
	(*order)++;
	assert_int_equal(r->count, 11);
	const char *number = cispref_section_number(s);
	assert_string_equal(number ? number : "-", r->field[2]);
	EQ_FIELD(r, 3, cispref_section_level(s), "the depth");

	own o = {.ref = ref};
	counts c = {0};
	read_section(&o, &c, s);
	EQ_FIELD(r, 4, c.paragraphs, "the count of paragraphs");
	EQ_FIELD(r, 5, c.items, "the count of list items");
	EQ_FIELD(r, 6, c.quote_paragraphs, "the count of quotation paragraphs");
	EQ_FIELD(r, 7, c.steps, "the count of timeline steps");
	if (strcmp(o.notes[0] ? o.notes : "-", r->field[8]) != 0)
		fail_msg("%s: references notes %s, the source %s", id, o.notes, r->field[8]);
	char words[512];
	three_words(words, sizeof words, o.text ? o.text : "", 0);
	if (strcmp(words, r->field[9]) != 0)
		fail_msg("%s: begins \"%s\", the source \"%s\"", id, words, r->field[9]);
	three_words(words, sizeof words, o.text ? o.text : "", 1);
	if (strcmp(words, r->field[10]) != 0)
		fail_msg("%s: ends \"%s\", the source \"%s\"", id, words, r->field[10]);

	const record *h = find_record(e, "heading", id);
	assert_non_null(h);
	char heading[1024];
	heading_text(heading, sizeof heading, ref, cispref_section_heading(s));
	assert_string_equal(heading, h->field[2]);

	for (size_t b = 0; b < cispref_section_block_count(s); b++) {
		const cispref_block *block = cispref_section_block(s, b);
		if (cispref_block_kind(block) != CISPREF_BLOCK_FIGURE)
			continue;
		const record *f = find_record(e, "figure", id);
		if (!f)
			fail_msg("%s: a figure the source does not have", id);
		assert_string_equal(cispref_block_drawing(block), f->field[2]);
		char caption[1024];
		heading_text(caption, sizeof caption, ref, cispref_block_caption(block));
		assert_string_equal(caption, f->field[3]);
	}

	total->paragraphs += c.paragraphs;
	total->lists += c.lists;
	total->items += c.items;
	total->quotes += c.quotes;
	total->quote_paragraphs += c.quote_paragraphs;
	total->timelines += c.timelines;
	total->phases += c.phases;
	total->steps += c.steps;
	total->figures += c.figures;
	total->overviews += c.overviews;
	total->details += c.details;
	total->sections++;
	for (const char *p = o.notes; *p; p++)
		total->note_refs += p == o.notes || *p == ',';
	free(o.text);

	for (size_t i = 0; i < cispref_section_subsection_count(s); i++)
		check_section(e, ref, cispref_section_subsection(s, i), order, total);
}

static size_t expected_total(const expected *e, const char *name)
{
	const record *r = find_record(e, "total", name);
	if (!r)
		fail_msg("no total '%s' in the expected figures", name);
	return parse_size(r->field[2]);
}

static void check_referential(const cispref_referential *ref)
{
	expected e;
	read_expected(&e);
	size_t order = 0;
	counts total = {0};
	for (size_t i = 0; i < cispref_referential_section_count(ref); i++)
		check_section(&e, ref, cispref_referential_section(ref, i), &order, &total);
	assert_int_equal(total.sections, expected_total(&e, "sections"));
	assert_int_equal(total.paragraphs, expected_total(&e, "paragraphs"));
	assert_int_equal(total.lists, expected_total(&e, "lists"));
	assert_int_equal(total.items, expected_total(&e, "items"));
	assert_int_equal(total.quotes, expected_total(&e, "quotes"));
	assert_int_equal(total.quote_paragraphs, expected_total(&e, "quote-paragraphs"));
	assert_int_equal(total.timelines, expected_total(&e, "timelines"));
	assert_int_equal(total.phases, expected_total(&e, "phases"));
	assert_int_equal(total.steps, expected_total(&e, "steps"));
	assert_int_equal(total.figures, expected_total(&e, "figures"));
	assert_int_equal(total.overviews, expected_total(&e, "overviews"));
	assert_int_equal(total.details, expected_total(&e, "details"));
	assert_int_equal(total.note_refs, expected_total(&e, "note-refs"));
	/* notes 1-20: the front matter's, numbered as printed, before the tables' 21-23 */
	size_t notes = expected_total(&e, "notes");
	assert_true(cispref_referential_note_count(ref) >= notes);
	for (size_t n = 0; n < notes; n++) {
		char number[24];
		snprintf(number, sizeof number, "%zu", n + 1);
		assert_string_equal(cispref_note_number(cispref_referential_note(ref, n)), number);
	}
	free(e.text);
}

static void test_embedded(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	check_referential(ref);
	cispref_referential_free(ref);
}

/* The same figures through the data file and through a round trip of the XML writer. */
static void test_data_file_and_round_trip(void **state)
{
	(void)state;
	cispref_referential *ref = NULL, *back = NULL;
	OK(cispref_referential_load_file(&ref, DATA_DIR "/accompagnement-cisp.xml", NULL, NULL));
	check_referential(ref);
	char *xml = NULL;
	size_t size = 0;
	OK(cispref_export_buffer(&xml, &size, ref, CISPREF_FORMAT_XML, NULL));
	OK(cispref_referential_load_memory(&back, xml, size, "back.xml", NULL, NULL));
	check_referential(back);
	cispref_buffer_free(xml);
	cispref_referential_free(back);
	cispref_referential_free(ref);
}

/* Search finds the referential's nodes, not the front matter's words (doc/search.md): the
 * poem's author and "exploratoire" (Part 2's first phase, six times) give no hit, a
 * competence's word does. */
static void test_search_stays_on_nodes(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	cispref_index *index = NULL;
	OK(cispref_index_new(&index, ref));
	static const char *const absent[] = {"Poumier", "exploratoire"};
	for (size_t i = 0; i < ARRAY_LEN(absent); i++) {
		cispref_results *results = NULL;
		OK(cispref_search(&results, index, absent[i], NULL, NULL));
		assert_int_equal(cispref_results_count(results), 0);
		cispref_results_free(results);
	}
	cispref_results *results = NULL;
	OK(cispref_search(&results, index, "bilans", NULL, NULL));
	assert_true(cispref_results_count(results) > 0);
	cispref_results_free(results);
	cispref_index_free(index);
	cispref_referential_free(ref);
}

/* Without its front matter (cispref_referential_remove_front_matter(), for comparing with a
 * referential read back from Moodle or CASE): no section, the ids free again, notes kept. */
static void test_remove_front_matter(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	assert_non_null(cispref_referential_find_section(ref, "fm.3.1.1"));
	assert_non_null(cispref_referential_find_block(ref, "fm.3.1.1.figure"));
	OK(cispref_referential_remove_front_matter(ref));
	assert_int_equal(cispref_referential_section_count(ref), 0);
	assert_null(cispref_referential_find_section(ref, "fm.3.1.1"));
	assert_null(cispref_referential_find_block(ref, "fm.3.1.1.figure"));
	assert_int_equal(cispref_referential_note_count(ref), 23);
	assert_int_equal(cispref_referential_competence_total(ref), 21);
	OK(cispref_referential_remove_front_matter(ref)); /* nothing left to remove */
	char *xml = NULL;
	size_t size = 0;
	OK(cispref_export_buffer(&xml, &size, ref, CISPREF_FORMAT_XML, NULL));
	assert_null(strstr(xml, "front-matter"));
	/* the rest reads back equal */
	cispref_referential *back = NULL;
	OK(cispref_referential_load_memory(&back, xml, size, "back.xml", NULL, NULL));
	assert_true(cispref_referential_equal(ref, back));
	cispref_buffer_free(xml);
	cispref_referential_free(back);
	cispref_referential_free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_embedded),
		cmocka_unit_test(test_data_file_and_round_trip),
		cmocka_unit_test(test_search_stays_on_nodes),
		cmocka_unit_test(test_remove_front_matter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
