/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The edition diff: two editions of a fixture with every kind of change, listed here by
 * hand from the edits made to write diff-edition-2.xml; the embedded referential against
 * a copy edited in known ways; the word diff and its bound; hostile inputs; the outputs
 * and the cispref diff command. */
#include "run_program.h"

static cispref_referential *load(const char *name, unsigned flags)
{
	cispref_referential *ref = NULL;
	cispref_load_options options = load_options_with(flags);
	OK(cispref_referential_load_file(&ref, fixture(name), &options, NULL));
	return ref;
}

static cispref_diff *diff_of(const cispref_referential *a, const cispref_referential *b)
{
	cispref_diff *diff = NULL;
	OK(cispref_diff_new(&diff, a, b, NULL));
	return diff;
}

/* One expected change: its kind, node type, old and new id, field, old and new value. */
typedef struct expected {
	cispref_change_kind_t kind;
	cispref_node_type_t type;
	const char *old_id, *new_id, *field, *old_value, *new_value;
} expected;

#define MD CISPREF_CHANGE_METADATA
#define ADD CISPREF_CHANGE_ADDED
#define REN CISPREF_CHANGE_RENAMED
#define MOV CISPREF_CHANGE_MOVED
#define KND CISPREF_CHANGE_KIND
#define TXT CISPREF_CHANGE_TEXT
#define CON CISPREF_CHANGE_CONCEPT
#define LNK CISPREF_CHANGE_LINK
#define NTS CISPREF_CHANGE_NOTES
#define DEP CISPREF_CHANGE_DEPRECATED
#define REM CISPREF_CHANGE_REMOVED
#define FM CISPREF_CHANGE_FRONT_MATTER
#define T_NONE CISPREF_NODE_NONE
#define T_DOM CISPREF_NODE_DOMAIN
#define T_SUM CISPREF_NODE_SUMMARY_ENTRY
#define T_PLAN CISPREF_NODE_PLAN
#define T_COMP CISPREF_NODE_COMPETENCE
#define T_ITEM CISPREF_NODE_ITEM
#define T_CON CISPREF_NODE_CONCEPT
#define T_NOTE CISPREF_NODE_NOTE

static void assert_same_string(const char *got, const char *want)
{
	if (want)
		assert_string_equal(got, want);
	else
		assert_null(got);
}

static void check_changes(const cispref_diff *diff, const expected *want, size_t count)
{
	assert_int_equal(cispref_diff_count(diff), count);
	for (size_t i = 0; i < count; i++) {
		const cispref_change *c = cispref_diff_get(diff, i);
		assert_int_equal(cispref_change_kind(c), want[i].kind);
		assert_int_equal(cispref_change_node_type(c), want[i].type);
		assert_same_string(cispref_change_old_id(c), want[i].old_id);
		assert_same_string(cispref_change_new_id(c), want[i].new_id);
		assert_same_string(cispref_change_field(c), want[i].field);
		assert_same_string(cispref_change_old_value(c), want[i].old_value);
		assert_same_string(cispref_change_new_value(c), want[i].new_value);
	}
}

/* The edits made to diff-edition-1.xml to write diff-edition-2.xml, in the order the
 * diff documents: metadata; NEW's document order; removals in OLD's order. */
static const expected edition_changes[] = {
	{MD, T_NONE, NULL, NULL, "version", "1", "2"},
	{MD, T_NONE, NULL, NULL, "source.date", "2020-12", "2024-06"},
	{TXT, T_DOM, "d", "d", "title", "Domaine un", "Domaine premier"},
	{TXT, T_SUM, "d.sum.1", "d.sum.1", "text", "Accueillir la personne",
	 "Accueillir la personne et sa famille"},
	{KND, T_SUM, "d.sum.2", "d.sum.2", "kind", "individual", "collective"},
	{LNK, T_SUM, "d.sum.3", "d.sum.3", "competence", NULL, "c3"},
	{NTS, T_COMP, "c1", "c1", "notes", "n1", "n1 n3"},
	/* sf.3 went from last to first: sf.1 and sf.2 kept their order */
	{MOV, T_ITEM, "c1.sf.3", "c1.sf.3", "position", "2", "0"},
	{TXT, T_ITEM, "c1.sf.1", "c1.sf.1", "text", "Écouter activement la personne",
	 "Écouter activement et sans jugement la personne"},
	{KND, T_ITEM, "c1.sfc.1", "c1.sfc.1", "kind", "savoir-faire-comportemental",
	 "savoir-faire"},
	{CON, T_ITEM, "c1.s.1", "c1.s.1", "concept", NULL, "k.reseau"},
	/* deprecated in the new edition, replaced by an item added there */
	{DEP, T_ITEM, "c3.sf.1", "c3.sf.1", "replaced-by", NULL, "c4.sf.1"},
	/* c3.sfc.1 → c3.sfc.2: 3 common words of 5 + 5, Dice 0.6: not a renaming */
	{ADD, T_ITEM, NULL, "c3.sfc.2", NULL, NULL, "Rester calme lors des conflits"},
	{MOV, T_ITEM, "t1.s.1", "t1.s.1", "parent", "t1", "c3"},
	{MOV, T_COMP, "c2", "c2", "parent", "d.ind", "d.col"},
	{ADD, T_COMP, NULL, "c4", NULL, NULL, "Évaluer les activités du groupe"},
	{ADD, T_ITEM, NULL, "c4.sf.1", NULL, NULL, "Recueillir l'avis des participants"},
	{KND, T_PLAN, "t.int", "t.int", "kind", "internal", "external"},
	{TXT, T_PLAN, "t.int", "t.int", "title", "Interne", "Externe"},
	/* t1.sf.1 → t1.sf.9: 5 common words of 6 + 6, Dice 10/12 */
	{ADD, T_ITEM, NULL, "t1.sf.9", NULL, NULL, "Rédiger le compte rendu de réunion"},
	{REN, T_ITEM, "t1.sf.1", "t1.sf.9", NULL, "Rédiger un compte rendu de réunion",
	 "Rédiger le compte rendu de réunion"},
	{TXT, T_CON, "k.ecoute", "k.ecoute", "label", "Écouter activement", "Écoute active"},
	{ADD, T_CON, NULL, "k.reseau", NULL, NULL, "Le réseau"},
	{TXT, T_NOTE, "n1", "n1", "number", "1", "21"},
	{ADD, T_NOTE, NULL, "n3", NULL, NULL, "Une note ajoutée."},
	{REM, T_ITEM, "c2.sf.2", NULL, NULL, "Prendre contact avec les services", NULL},
	{REM, T_ITEM, "c3.sfc.1", NULL, NULL, "Rester calme dans les conflits", NULL},
	{REM, T_ITEM, "t1.sf.1", NULL, NULL, "Rédiger un compte rendu de réunion", NULL},
	{REM, T_CON, "k.old", NULL, NULL, "Concept retiré", NULL},
	{REM, T_NOTE, "n2", NULL, NULL, "Une note retirée.", NULL},
};

static void test_editions(void **state)
{
	(void)state;
	cispref_referential *a = load("diff-edition-1.xml", 0), *b = load("diff-edition-2.xml", 0);
	cispref_diff *diff = diff_of(a, b);
	/* The referentials may go: the diff holds copies. */
	cispref_referential_free(a);
	cispref_referential_free(b);
	check_changes(diff, edition_changes, N_ELEMENTS(edition_changes));
	/* Per kind, counted from the list above. */
	static const size_t per_kind[] = {[MD] = 2, [ADD] = 6, [REN] = 1, [MOV] = 3, [KND] = 3,
	                                  [TXT] = 6, [CON] = 1, [LNK] = 1, [NTS] = 1, [DEP] = 1,
	                                  [REM] = 5};
	for (size_t k = 0; k < N_ELEMENTS(per_kind); k++)
		assert_int_equal(cispref_diff_count_kind(diff, (cispref_change_kind_t)k), per_kind[k]);
	/* The renaming: 2 × 5 common words / (6 + 6). */
	const cispref_change *renamed = cispref_diff_get(diff, 20);
	assert_true(cispref_change_similarity(renamed) > 10.0 / 12 - 1e-9 &&
	            cispref_change_similarity(renamed) < 10.0 / 12 + 1e-9);
	/* Domains: the node's domain in NEW (t1.s.1 moved from t to d), in OLD when removed. */
	assert_string_equal(cispref_change_domain_id(cispref_diff_get(diff, 13)), "d");
	assert_string_equal(cispref_change_domain_id(cispref_diff_get(diff, 27)), "t");
	assert_null(cispref_change_domain_id(cispref_diff_get(diff, 21)));
	cispref_diff_free(diff);
}

/* The segments of a text change, as "=same -deleted +inserted" joined by '|'. */
static char *segments(const cispref_change *c)
{
	static char buf[4096];
	buf[0] = '\0';
	for (size_t i = 0; i < cispref_change_segment_count(c); i++) {
		cispref_segment_t type;
		const char *text = cispref_change_segment(&type, c, i);
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%c%s", i ? "|" : "", "=-+"[type], text);
	}
	return buf;
}

static void test_word_diff(void **state)
{
	(void)state;
	cispref_referential *a = load("diff-edition-1.xml", 0), *b = load("diff-edition-2.xml", 0);
	cispref_diff *diff = diff_of(a, b);
	assert_string_equal(segments(cispref_diff_get(diff, 2)), "=Domaine|-un|+premier");
	assert_string_equal(segments(cispref_diff_get(diff, 3)),
	                    "=Accueillir la personne|+et sa famille");
	assert_string_equal(segments(cispref_diff_get(diff, 8)),
	                    "=Écouter activement|+et sans jugement|=la personne");
	assert_int_equal(cispref_change_segment_count(cispref_diff_get(diff, 0)), 0);
	cispref_diff_free(diff);

	/* Changes inside: the longest common subsequence keeps "noir dort" and "le tapis". */
	cispref_item *item = cispref_referential_edit_item(b, cispref_referential_find_item(b, "c2.sf.1"));
	OK(cispref_item_set_text(item, "le chien noir dort sous le tapis"));
	cispref_item *before = cispref_referential_edit_item(a, cispref_referential_find_item(a, "c2.sf.1"));
	OK(cispref_item_set_text(before, "le chat noir dort sur le tapis"));
	diff = diff_of(a, b);
	const cispref_change *c = NULL;
	for (size_t i = 0; i < cispref_diff_count(diff); i++)
		if (cispref_change_new_id(cispref_diff_get(diff, i)) &&
		    strcmp(cispref_change_new_id(cispref_diff_get(diff, i)), "c2.sf.1") == 0)
			c = cispref_diff_get(diff, i);
	assert_non_null(c);
	assert_string_equal(segments(c), "=le|-chat|+chien|=noir dort|-sur|+sous|=le tapis");
	cispref_diff_free(diff);
	cispref_referential_free(a);
	cispref_referential_free(b);
}

/* A text of @count words "w0 w1 ...", with the words from @from to @to (excluded)
 * written "x0"...: malloc'ed. */
static char *words_text(size_t count, size_t from, size_t to)
{
	char *text = malloc_or_exit(count * 12 + 1), *p = text;
	assert_non_null(text);
	for (size_t i = 0; i < count; i++)
		p += sprintf(p, "%s%c%zu", i ? " " : "", i >= from && i < to ? 'x' : 'w', i);
	return text;
}

/* Beyond the bound, the middle is deleted then inserted whole: four segments whatever
 * the words in between. Within it, the subsequence is found. */
static void test_word_diff_bound(void **state)
{
	(void)state;
	cispref_referential *a = load("diff-edition-1.xml", 0), *b = load("diff-edition-1.xml", 0);
	cispref_item *ia = cispref_referential_edit_item(a, cispref_referential_find_item(a, "c1.sf.2"));
	cispref_item *ib = cispref_referential_edit_item(b, cispref_referential_find_item(b, "c1.sf.2"));
	/* 20 000 words, 10 000 changed in the middle: 10 000 × 10 000 cells > 1 000 000. */
	char *old_text = words_text(20000, 20000, 20000), *new_text = words_text(20000, 5000, 15000);
	OK(cispref_item_set_text(ia, old_text));
	OK(cispref_item_set_text(ib, new_text));
	cispref_diff *diff = diff_of(a, b);
	assert_int_equal(cispref_diff_count(diff), 1);
	const cispref_change *c = cispref_diff_get(diff, 0);
	assert_int_equal(cispref_change_segment_count(c), 4);
	cispref_segment_t type;
	const char *deleted = cispref_change_segment(&type, c, 1);
	assert_int_equal(type, CISPREF_SEGMENT_DELETED);
	assert_true(strncmp(deleted, "w5000 w5001 ", 12) == 0);
	assert_non_null(strstr(deleted, " w14999") );
	assert_null(strstr(deleted, "w15000"));
	assert_int_equal(strlen(cispref_change_segment(&type, c, 0)), strlen(old_text) - strlen(strstr(old_text, " w5000")));
	cispref_diff_free(diff);
	free(old_text);
	free(new_text);

	/* 1000 × 1000 middle words (at the bound): every other word changed, so the
	 * subsequence keeps the 500 others. */
	old_text = words_text(1000, 1000, 1000);
	new_text = malloc_or_exit(1000 * 12 + 1);
	char *p = new_text;
	for (size_t i = 0; i < 1000; i++)
		p += sprintf(p, "%s%c%zu", i ? " " : "", i % 2 ? 'x' : 'w', i);
	OK(cispref_item_set_text(ia, old_text));
	OK(cispref_item_set_text(ib, new_text));
	diff = diff_of(a, b);
	c = cispref_diff_get(diff, 0);
	/* w0 = ; then per odd i: -w_i +x_i, per even i: = w_i; the last word (999) is odd:
	 * 1 + 499 × 3 + 2 segments. */
	assert_int_equal(cispref_change_segment_count(c), 1 + 499 * 3 + 2);
	cispref_diff_free(diff);
	free(old_text);
	free(new_text);
	cispref_referential_free(a);
	cispref_referential_free(b);
}

/* The embedded referential against a copy edited in five known ways. */
static void test_embedded(void **state)
{
	(void)state;
	cispref_referential *a, *b;
	OK(cispref_referential_load_default(&a, NULL));
	OK(cispref_referential_load_default(&b, NULL));
	cispref_diff *diff = diff_of(a, b);
	assert_int_equal(cispref_diff_count(diff), 0);
	cispref_diff_free(diff);

	OK(cispref_referential_set_version(b, "2021"));
	cispref_item *item = cispref_referential_edit_item(b, cispref_referential_find_item(b, "psy.ind.1.sf.1"));
	const char *text = cispref_item_text(item);
	char *longer = malloc_or_exit(strlen(text) + 32);
	sprintf(longer, "%s et le noter", text);
	OK(cispref_item_set_text(item, longer));
	free(longer);
	const cispref_item *gone = cispref_referential_find_item(b, "psy.ind.2.s.1");
	assert_non_null(gone);
	char *gone_text = strdup(cispref_item_text(gone));
	const cispref_competence *holder = cispref_item_competence(gone);
	cispref_plan *plan = cispref_referential_edit_plan(b, cispref_referential_find_plan(b, "psy.ind"));
	cispref_competence *edit = cispref_referential_edit_competence(b, holder);
	size_t savoirs = cispref_competence_item_count(holder, S);
	for (size_t i = 0; i < savoirs; i++)
		if (cispref_competence_item(holder, S, i) == gone)
			OK(cispref_competence_remove_item(edit, S, i));
	size_t competences = cispref_plan_competence_count(plan);
	assert_true(competences >= 3);
	/* The first competence goes last: it moved, the others kept their order. */
	OK(cispref_plan_move_competence(plan, 0, competences - 1));
	OK(cispref_referential_add_concept(NULL, b, "k.new", CISPREF_ITEM_SAVOIR, "Nouveau"));

	diff = diff_of(a, b);
	const expected want[] = {
		{MD, T_NONE, NULL, NULL, "version", "2020", "2021"},
		{MOV, T_COMP, "psy.ind.1", "psy.ind.1", "position", "0", "4"},
		{TXT, T_ITEM, "psy.ind.1.sf.1", "psy.ind.1.sf.1", "text",
		 cispref_item_text(cispref_referential_find_item(a, "psy.ind.1.sf.1")),
		 cispref_item_text(cispref_referential_find_item(b, "psy.ind.1.sf.1"))},
		{ADD, T_CON, NULL, "k.new", NULL, NULL, "Nouveau"},
		{REM, T_ITEM, "psy.ind.2.s.1", NULL, NULL, gone_text, NULL},
	};
	assert_int_equal(competences, 5);
	check_changes(diff, want, N_ELEMENTS(want));
	cispref_segment_t type;
	const cispref_change *changed = cispref_diff_get(diff, 2);
	assert_int_equal(cispref_change_segment_count(changed), 2);
	assert_string_equal(cispref_change_segment(&type, changed, 1), "et le noter");
	assert_int_equal(type, CISPREF_SEGMENT_INSERTED);
	free(gone_text);
	cispref_diff_free(diff);
	cispref_referential_free(a);
	cispref_referential_free(b);
}

/* Identical inputs, an empty referential, duplicate ids. */
static void test_hostile(void **state)
{
	(void)state;
	cispref_referential *a = load("diff-edition-1.xml", 0);
	cispref_diff *diff = diff_of(a, a);
	assert_int_equal(cispref_diff_count(diff), 0);
	cispref_diff_free(diff);

	/* The small fixture with its domains removed: 2 domains, 3 plans, 2 competences and
	 * 4 items go, nothing else changes. */
	cispref_referential *full = load("example-small.xml", 0), *empty = load("example-small.xml", 0);
	OK(cispref_referential_remove_domain(empty, 0));
	OK(cispref_referential_remove_domain(empty, 0));
	diff = diff_of(full, empty);
	assert_int_equal(cispref_diff_count(diff), 11);
	assert_int_equal(cispref_diff_count_kind(diff, CISPREF_CHANGE_REMOVED), 11);
	assert_string_equal(cispref_change_old_id(cispref_diff_get(diff, 0)), "psy");
	cispref_diff_free(diff);
	diff = diff_of(empty, full);
	assert_int_equal(cispref_diff_count_kind(diff, CISPREF_CHANGE_ADDED), 11);
	assert_int_equal(cispref_diff_count(diff), 11);
	cispref_diff_free(diff);
	diff = diff_of(empty, empty);
	assert_int_equal(cispref_diff_count(diff), 0);
	cispref_diff_free(diff);

	/* A lenient load keeps duplicate ids, which matching by id cannot compare. */
	cispref_referential *dup = load("validate-duplicate-id.xml", CISPREF_LOAD_LENIENT);
	cispref_error error = {0};
	diff = (cispref_diff *)0x1;
	assert_int_equal(cispref_diff_new(&diff, a, dup, &error), CISPREF_ERULE);
	assert_string_equal(error.rule, "duplicate-id");
	assert_non_null(strstr(error.text, "new"));
	assert_ptr_equal(diff, (cispref_diff *)0x1);
	assert_int_equal(cispref_diff_new(&diff, dup, a, &error), CISPREF_ERULE);
	assert_non_null(strstr(error.text, "old"));
	cispref_referential_free(dup);
	cispref_referential_free(full);
	cispref_referential_free(empty);
	cispref_referential_free(a);
}

static char *write_diff(const cispref_diff *diff, cispref_diff_format_t format)
{
	char *out = NULL;
	OK(cispref_diff_write(&out, NULL, diff, format, NULL));
	return out;
}

static void test_outputs(void **state)
{
	(void)state;
	cispref_referential *a = load("diff-edition-1.xml", 0), *b = load("diff-edition-2.xml", 0);
	cispref_diff *diff = diff_of(a, b);
	char *text = write_diff(diff, CISPREF_DIFF_TEXT);
	assert_non_null(strstr(text, "text domain d title: Domaine [-un-] {+premier+}\n"));
	assert_non_null(strstr(text, "moved item c1.sf.3 position: 3 -> 1\n"));
	assert_non_null(strstr(text, "renamed item t1.sf.1 -> t1.sf.9 (similarity 0.83)\n"));
	cispref_buffer_free(text);
	char *md = write_diff(diff, CISPREF_DIFF_MARKDOWN);
	assert_non_null(strstr(md, "## Domaine premier (`d`)\n"));
	assert_non_null(strstr(md, "## Communication (`t`)\n"));
	assert_non_null(strstr(md, "titre : Domaine <del>un</del> <ins>premier</ins>\n"));
	assert_non_null(strstr(md, "- **Déprécié** — savoir-faire `c3.sf.1` : en vigueur → "
	                           "déprécié, remplacé par `c4.sf.1`\n"));
	/* A removed item is listed under the domain it was in. */
	assert_true(strstr(md, "`t1.sf.1` : Rédiger un") > strstr(md, "## Communication"));
	cispref_buffer_free(md);
	char *html = write_diff(diff, CISPREF_DIFF_HTML);
	assert_non_null(strstr(html, "<h2>Domaine premier (<code>d</code>)</h2>"));
	assert_non_null(strstr(html, "Écouter activement <ins>et sans jugement</ins> la personne"));
	assert_non_null(strstr(html, "Recueillir l'avis"));
	cispref_buffer_free(html);
	char *json = write_diff(diff, CISPREF_DIFF_JSON);
	assert_non_null(strstr(json, "\"format\": \"cispref-diff\""));
	assert_non_null(strstr(json, "\"removed\": 5"));
	assert_non_null(strstr(json, "\"deprecated\": 1"));
	cispref_buffer_free(json);
	cispref_diff_format_t format;
	for (int f = 0; f < CISPREF_DIFF_FORMAT_COUNT; f++) {
		OK(cispref_diff_format_from_name(&format, cispref_diff_format_name((cispref_diff_format_t)f)));
		assert_int_equal(format, f);
	}
	assert_int_equal(cispref_diff_format_from_name(&format, "markdown"), CISPREF_EARG);
	char *out = NULL;
	assert_int_equal(cispref_diff_write(&out, NULL, diff, (cispref_diff_format_t)4, NULL), CISPREF_EARG);
	assert_null(out);
	char path[4200];
	snprintf(path, sizeof path, "%s/changes.md", run_dir);
	OK(cispref_diff_save(path, diff, CISPREF_DIFF_MARKDOWN, NULL));
	char *saved = read_whole_file(path, NULL);
	assert_non_null(strstr(saved, "# Modifications du référentiel « Référentiel d'essai »"));
	free(saved);
	cispref_diff_free(diff);
	cispref_referential_free(a);
	cispref_referential_free(b);
}

/* HTML specials and Markdown specials in a text are escaped. */
static void test_output_escapes(void **state)
{
	(void)state;
	cispref_referential *a = load("diff-edition-1.xml", 0), *b = load("diff-edition-1.xml", 0);
	cispref_item *item = cispref_referential_edit_item(b, cispref_referential_find_item(b, "c1.sf.2"));
	OK(cispref_item_set_text(item, "<b>gras</b> & *étoile* `code`"));
	cispref_diff *diff = diff_of(a, b);
	char *html = write_diff(diff, CISPREF_DIFF_HTML);
	assert_non_null(strstr(html, "<ins>&lt;b&gt;gras&lt;/b&gt; &amp; *étoile* `code`</ins>"));
	cispref_buffer_free(html);
	char *md = write_diff(diff, CISPREF_DIFF_MARKDOWN);
	assert_non_null(strstr(md, "<ins>\\<b\\>gras\\</b\\> \\& \\*étoile\\* \\`code\\`</ins>"));
	cispref_buffer_free(md);
	cispref_diff_free(diff);
	cispref_referential_free(a);
	cispref_referential_free(b);
}

/* A document with one item carrying @attributes, loaded from memory. */
static int load_item_with(cispref_referential **out, const char *attributes, cispref_error *error)
{
	char xml[2048];
	snprintf(xml, sizeof xml,
	         "<?xml version=\"1.0\"?>\n<referential xmlns=\"urn:cispref:referential\" "
	         "format-version=\"1\" id=\"r\" version=\"1\" xml:lang=\"fr\"><title>R</title>"
	         "<domain id=\"d\" kind=\"core\"><title>D</title><plan id=\"p\" kind=\"individual\">"
	         "<title>P</title><competence id=\"c\"><title>C</title>"
	         "<savoir id=\"s1\" %s>Un</savoir><savoir id=\"s2\">Deux</savoir>"
	         "</competence></plan></domain></referential>\n", attributes);
	return cispref_referential_load_memory(out, xml, strlen(xml), "edition.xml", NULL, error);
}

/* Edition links through the loader, the XML writer, JSON and the setter. */
static void test_edition_links(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(load_item_with(&ref, "deprecated=\"true\" replaced-by=\"s2\"", NULL));
	assert_true(cispref_referential_node_deprecated(ref, "s1"));
	assert_string_equal(cispref_referential_node_replaced_by(ref, "s1"), "s2");
	assert_false(cispref_referential_node_deprecated(ref, "s2"));
	char *xml = NULL, *json = NULL;
	OK(cispref_export_buffer(&xml, NULL, ref, CISPREF_FORMAT_XML, NULL));
	assert_non_null(strstr(xml, "<savoir id=\"s1\" deprecated=\"true\" replaced-by=\"s2\">Un</savoir>"));
	OK(cispref_export_buffer(&json, NULL, ref, CISPREF_FORMAT_JSON, NULL));
	assert_non_null(strstr(json, "\"deprecated\": true,\n"));
	assert_non_null(strstr(json, "\"replaced_by\": \"s2\"\n"));
	cispref_referential *back = NULL;
	OK(cispref_referential_load_memory(&back, xml, strlen(xml), "back.xml", NULL, NULL));
	assert_true(cispref_referential_equal(ref, back));
	/* Equality and the diff see a link that changes. */
	OK(cispref_referential_set_deprecated(back, "s1", true, NULL));
	assert_false(cispref_referential_equal(ref, back));
	cispref_diff *diff = diff_of(ref, back);
	const expected want[] = {{DEP, T_ITEM, "s1", "s1", "replaced-by", "s2", ""}};
	check_changes(diff, want, 1);
	cispref_diff_free(diff);
	OK(cispref_referential_set_deprecated(back, "s1", false, NULL));
	assert_false(cispref_referential_node_deprecated(back, "s1"));
	/* An item added already deprecated: its addition, then its link. */
	cispref_item *added = NULL;
	cispref_competence *comp = cispref_referential_edit_competence(back, cispref_referential_find_competence(back, "c"));
	OK(cispref_competence_add_item(&added, comp, "s3", CISPREF_ITEM_SAVOIR, "Trois"));
	OK(cispref_referential_set_deprecated(back, "s3", true, "s2"));
	diff = diff_of(ref, back);
	const expected undone[] = {{DEP, T_ITEM, "s1", "s1", "replaced-by", "s2", NULL},
	                           {ADD, T_ITEM, NULL, "s3", NULL, NULL, "Trois"},
	                           {DEP, T_ITEM, NULL, "s3", "replaced-by", NULL, "s2"}};
	check_changes(diff, undone, 3);
	cispref_diff_free(diff);
	cispref_buffer_free(xml);
	cispref_buffer_free(json);
	cispref_referential_free(back);
	cispref_referential_free(ref);

	/* deprecated="false" is the default, written nowhere. */
	OK(load_item_with(&ref, "deprecated=\"false\"", NULL));
	assert_false(cispref_referential_node_deprecated(ref, "s1"));
	cispref_referential_free(ref);

	/* The loader refuses malformed links: what, and where. */
	static const char *const bad[] = {"deprecated=\"yes\"", "replaced-by=\"s2\"",
	                                  "deprecated=\"false\" replaced-by=\"s2\"",
	                                  "deprecated=\"true\" replaced-by=\"not an id\""};
	for (size_t i = 0; i < N_ELEMENTS(bad); i++) {
		cispref_error error = {0};
		ref = NULL;
		assert_int_equal(load_item_with(&ref, bad[i], &error), CISPREF_EFORMAT);
		assert_null(ref);
		assert_int_equal(error.line, 2);
		assert_true(strstr(error.text, "deprecated") || strstr(error.text, "replaced-by"));
	}
	/* A replacement that names no node breaks a validator rule: the strict load refuses
	 * it. */
	cispref_error error = {0};
	assert_int_equal(load_item_with(&ref, "deprecated=\"true\" replaced-by=\"s9\"", &error),
	                 CISPREF_ERULE);
	assert_string_equal(error.rule, "replacement-unknown");
}

/* The CASE export carries a replacement as a replacedBy CFAssociation, which the import
 * reads back. */
static void test_edition_links_case(void **state)
{
	(void)state;
	cispref_referential *ref = load("diff-edition-2.xml", 0);
	char *json = NULL;
	size_t size = 0;
	OK(cispref_export_buffer(&json, &size, ref, CISPREF_FORMAT_CASE, NULL));
	assert_non_null(strstr(json, "\"associationType\": \"replacedBy\""));
	cispref_referential *back = NULL;
	OK(cispref_case_import_memory(&back, NULL, json, size, "case.json", NULL, NULL));
	assert_true(cispref_referential_node_deprecated(back, "c3.sf.1"));
	assert_string_equal(cispref_referential_node_replaced_by(back, "c3.sf.1"), "c4.sf.1");
	assert_false(cispref_referential_node_deprecated(back, "c4.sf.1"));
	cispref_diff *diff = diff_of(ref, back);
	for (size_t i = 0; i < cispref_diff_count(diff); i++)
		assert_int_not_equal(cispref_change_kind(cispref_diff_get(diff, i)), CISPREF_CHANGE_DEPRECATED);
	cispref_diff_free(diff);
	cispref_buffer_free(json);
	cispref_referential_free(back);
	cispref_referential_free(ref);
}

/* @xml (freed) with the first @from replaced by @to, which must be there. */
static char *replace_first(char *xml, const char *from, const char *to)
{
	char *at = strstr(xml, from);
	assert_non_null(at);
	size_t head = (size_t)(at - xml), tail = strlen(at + strlen(from));
	char *edited = malloc_or_exit(head + strlen(to) + tail + 1);
	memcpy(edited, xml, head);
	strcpy(edited + head, to);
	strcat(edited, at + strlen(from));
	free(xml);
	return edited;
}

static cispref_referential *load_xml(const char *xml, const char *name)
{
	cispref_referential *ref = NULL;
	cispref_load_options options = load_options_with(0);
	OK(cispref_referential_load_memory(&ref, xml, strlen(xml), name, &options, NULL));
	return ref;
}

/* @name, a fixture, with the first @from replaced by @to, then @from2 by @to2 when
 * @from2 is not NULL. */
static cispref_referential *load_edited(const char *name, const char *from, const char *to,
                                        const char *from2, const char *to2)
{
	char *xml = replace_first(read_whole_file(fixture(name), NULL), from, to);
	if (from2)
		xml = replace_first(xml, from2, to2);
	cispref_referential *ref = load_xml(xml, name);
	free(xml);
	return ref;
}

/* The segments of a change's word diff, as "=same -deleted +inserted" joined by '|'. */
static char *segments_of(const cispref_change *c)
{
	static const char marks[] = "=-+";
	size_t length = 1;
	for (size_t i = 0; i < cispref_change_segment_count(c); i++)
		length += strlen(cispref_change_segment(NULL, c, i)) + 2;
	char *out = calloc(length, 1);
	assert_non_null(out);
	for (size_t i = 0; i < cispref_change_segment_count(c); i++) {
		cispref_segment_t type;
		const char *words = cispref_change_segment(&type, c, i);
		size_t n = strlen(out);
		if (i)
			out[n++] = '|';
		out[n++] = marks[type];
		strcpy(out + n, words);
	}
	return out;
}

/* One word of a front-matter paragraph changed: reported with its section, word by word;
 * cispref_referential_equal() tells the two apart too. */
static void test_front_matter_word(void **state)
{
	(void)state;
	cispref_referential *a = load("front-matter.xml", 0);
	cispref_referential *b = load_edited("front-matter.xml", "Cinq principes", "Six principes",
	                                     NULL, NULL);
	assert_false(cispref_referential_equal(a, b));
	cispref_diff *diff = diff_of(a, b);
	const expected want[] = {
		{FM, T_NONE, "fm.1.1", "fm.1.1", "content", "Cinq principes guident la pédagogie.",
		 "Six principes guident la pédagogie."},
	};
	check_changes(diff, want, N_ELEMENTS(want));
	assert_int_equal(cispref_diff_count_kind(diff, FM), 1);
	assert_string_equal(cispref_change_kind_name(FM), "front-matter");
	assert_null(cispref_change_domain_id(cispref_diff_get(diff, 0)));
	char *words = segments_of(cispref_diff_get(diff, 0));
	assert_string_equal(words, "-Cinq|+Six|=principes guident la pédagogie.");
	free(words);
	char *text = write_diff(diff, CISPREF_DIFF_TEXT);
	assert_string_equal(text, "front-matter section fm.1.1 content: [-Cinq-] {+Six+} "
	                          "principes guident la pédagogie.\n");
	cispref_buffer_free(text);
	char *json = write_diff(diff, CISPREF_DIFF_JSON);
	assert_non_null(strstr(json, "\"front-matter\": 1\n"));
	assert_non_null(strstr(json, "\"kind\": \"front-matter\",\n      \"node\": \"section\",\n"
	                             "      \"old_id\": \"fm.1.1\""));
	assert_non_null(strstr(json, "\"field\": \"content\""));
	cispref_buffer_free(json);
	char *md = write_diff(diff, CISPREF_DIFF_MARKDOWN);
	assert_non_null(strstr(md, "## Texte de présentation\n\n- **Section modifiée** — section "
	                           "`fm.1.1`, contenu : <del>Cinq</del> <ins>Six</ins> principes"));
	cispref_buffer_free(md);
	cispref_diff_free(diff);

	/* Identical front matter: nothing. */
	cispref_referential *c = load("front-matter.xml", 0);
	assert_true(cispref_referential_equal(a, c));
	diff = diff_of(a, c);
	assert_int_equal(cispref_diff_count(diff), 0);
	cispref_diff_free(diff);
	cispref_referential_free(a);
	cispref_referential_free(b);
	cispref_referential_free(c);
}

/* What only the markup or the heading tells, and the translations of a section. */
static void test_front_matter_fields(void **state)
{
	(void)state;
	cispref_referential *a = load("front-matter.xml", 0);
	/* "missions" loses its emphasis: the plain text is the same; the heading of fm.2 */
	cispref_referential *b = load_edited("front-matter.xml", "<em>missions</em>", "missions",
	                                     "Démarche &amp; méthode", "Démarche et méthode");
	assert_false(cispref_referential_equal(a, b));
	cispref_diff *diff = diff_of(a, b);
	assert_int_equal(cispref_diff_count(diff), 2);
	const cispref_change *markup = cispref_diff_get(diff, 0);
	assert_string_equal(cispref_change_field(markup), "markup");
	assert_string_equal(cispref_change_new_id(markup), "fm.1");
	assert_non_null(strstr(cispref_change_old_value(markup), "<em>missions</em>"));
	assert_null(strstr(cispref_change_new_value(markup), "<em>missions</em>"));
	const cispref_change *h = cispref_diff_get(diff, 1);
	assert_string_equal(cispref_change_field(h), "heading");
	assert_string_equal(cispref_change_old_id(h), "fm.2");
	assert_string_equal(cispref_change_old_value(h), "Démarche & méthode");
	assert_string_equal(cispref_change_new_value(h), "Démarche et méthode");
	cispref_diff_free(diff);
	cispref_referential_free(b);

	/* The Dutch heading of fm.1 retranslated. */
	cispref_referential *nl = load("front-matter-nl.xml", 0);
	b = load_edited("front-matter-nl.xml", ">Inleiding<", ">Introductie<", NULL, NULL);
	assert_false(cispref_referential_equal(nl, b));
	diff = diff_of(nl, b);
	assert_int_equal(cispref_diff_count(diff), 1);
	const cispref_change *t = cispref_diff_get(diff, 0);
	assert_string_equal(cispref_change_field(t), "translations");
	assert_string_equal(cispref_change_old_id(t), "fm.1");
	assert_non_null(strstr(cispref_change_old_value(t),
	                       "heading [nl, 42596a4fe2baab4d]: Inleiding\n"));
	assert_non_null(strstr(cispref_change_new_value(t),
	                       "heading [nl, 42596a4fe2baab4d]: Introductie\n"));
	cispref_diff_free(diff);
	cispref_referential_free(nl);
	cispref_referential_free(b);
	cispref_referential_free(a);
}

/* Front matter on one side only: said once, then every section, in document order. */
static void test_front_matter_missing(void **state)
{
	(void)state;
	cispref_referential *a = load("front-matter.xml", 0);
	char *xml = read_whole_file(fixture("front-matter.xml"), NULL);
	char *open = strstr(xml, "<front-matter>"), *close = strstr(xml, "</front-matter>");
	assert_true(open && close);
	memmove(open, close + strlen("</front-matter>"),
	        strlen(close + strlen("</front-matter>")) + 1);
	cispref_referential *b = load_xml(xml, "bare.xml");
	free(xml);
	assert_int_equal(cispref_referential_section_count(b), 0);
	assert_false(cispref_referential_equal(a, b));
	cispref_diff *diff = diff_of(a, b);
	/* the sections of the fixture: 1, 1.1, 2, 2.1 (unnumbered), 3, 3.1, 3.2 */
	const expected removed[] = {
		{FM, T_NONE, NULL, NULL, "front-matter", "7", NULL},
		{FM, T_NONE, "fm.1", NULL, "removed", "1 Introduction", NULL},
		{FM, T_NONE, "fm.1.1", NULL, "removed", "1.1 Les principes", NULL},
		{FM, T_NONE, "fm.2", NULL, "removed", "2 Démarche & méthode", NULL},
		{FM, T_NONE, "fm.2.1", NULL, "removed", "Une phase exploratoire", NULL},
		{FM, T_NONE, "fm.3", NULL, "removed", "3 Le référentiel", NULL},
		{FM, T_NONE, "fm.3.1", NULL, "removed", "3.1 Les contours de la mission", NULL},
		{FM, T_NONE, "fm.3.2", NULL, "removed", "3.2 Les compétences en détail", NULL},
	};
	check_changes(diff, removed, N_ELEMENTS(removed));
	char *text = write_diff(diff, CISPREF_DIFF_TEXT);
	assert_true(strncmp(text, "front-matter sections: 7 -> (none)\n"
	                          "front-matter section fm.1 removed: 1 Introduction\n", 84) == 0);
	cispref_buffer_free(text);
	/* The changelogs head and count a section removed as a node removed. */
	char *md = write_diff(diff, CISPREF_DIFF_MARKDOWN);
	assert_non_null(strstr(md, ": 8 modifications (0 ajout, 7 suppressions).\n"));
	assert_non_null(strstr(md, "- **Supprimé** — section `fm.1` : 1 Introduction\n"));
	assert_non_null(strstr(md, "- **Supprimé** — section `fm.3.2` : 3.2 Les compétences en "
	                           "détail\n"));
	cispref_buffer_free(md);
	char *html = write_diff(diff, CISPREF_DIFF_HTML);
	assert_non_null(strstr(html, ": 8 modifications (0 ajout, 7 suppressions).</p>"));
	assert_non_null(strstr(html, "<li><strong>Supprimé</strong> — section <code>fm.1</code> : "
	                             "1 Introduction</li>"));
	cispref_buffer_free(html);
	cispref_diff_free(diff);
	diff = diff_of(b, a);
	assert_int_equal(cispref_diff_count(diff), 8);
	md = write_diff(diff, CISPREF_DIFF_MARKDOWN);
	assert_non_null(strstr(md, ": 8 modifications (7 ajouts, 0 suppression).\n"));
	assert_non_null(strstr(md, "- **Ajouté** — section `fm.2.1` : Une phase exploratoire\n"));
	cispref_buffer_free(md);
	const cispref_change *c = cispref_diff_get(diff, 0);
	assert_null(cispref_change_old_value(c));
	assert_string_equal(cispref_change_new_value(c), "7");
	c = cispref_diff_get(diff, 7);
	assert_string_equal(cispref_change_field(c), "added");
	assert_string_equal(cispref_change_new_id(c), "fm.3.2");
	cispref_diff_free(diff);
	cispref_referential_free(a);
	cispref_referential_free(b);
}

/* A section moved: the others keep their place, as nodes do. */
static void test_front_matter_moved(void **state)
{
	(void)state;
	cispref_referential *a = load("front-matter.xml", 0);
	cispref_referential *b = load_edited("front-matter.xml", "<section id=\"fm.2.1\">",
	                                     "<section id=\"fm.2.0\"><heading>Nouvelle</heading>"
	                                     "</section><section id=\"fm.2.1\">", NULL, NULL);
	cispref_diff *diff = diff_of(a, b);
	const expected want[] = {
		{FM, T_NONE, NULL, "fm.2.0", "added", NULL, "Nouvelle"},
	};
	check_changes(diff, want, N_ELEMENTS(want));
	cispref_diff_free(diff);
	cispref_referential_free(b);
	/* fm.1.1 goes from fm.1 into fm.2, before fm.2.1 (which keeps its place) */
	static const char moved[] =
		"<section id=\"fm.1.1\" number=\"1.1\">\n"
		"        <heading>Les <em>principes</em></heading>\n"
		"        <p>Cinq principes guident la pédagogie.</p>\n"
		"      </section>";
	char into[sizeof moved + 32];
	snprintf(into, sizeof into, "%s<section id=\"fm.2.1\">", moved);
	b = load_edited("front-matter.xml", moved, "", "<section id=\"fm.2.1\">", into);
	diff = diff_of(a, b);
	const expected parent[] = {
		{FM, T_NONE, "fm.1.1", "fm.1.1", "parent", "fm.1", "fm.2"},
	};
	check_changes(diff, parent, N_ELEMENTS(parent));
	char *text = write_diff(diff, CISPREF_DIFF_TEXT);
	assert_string_equal(text, "front-matter section fm.1.1 parent: fm.1 -> fm.2\n");
	cispref_buffer_free(text);
	char *md = write_diff(diff, CISPREF_DIFF_MARKDOWN);
	assert_non_null(strstr(md, ": 1 modification (0 ajout, 0 suppression).\n"));
	assert_non_null(strstr(md, "- **Déplacé** — section `fm.1.1` : de `fm.1` vers `fm.2`\n"));
	cispref_buffer_free(md);
	cispref_diff_free(diff);
	cispref_referential_free(b);
	cispref_referential_free(a);
}

/* The translations of a node and of the title, which cispref_referential_equal()
 * compares, are changes too. */
static void test_translations(void **state)
{
	(void)state;
	cispref_referential *a = load("front-matter-nl.xml", 0);
	cispref_referential *b = load_edited("front-matter-nl.xml", ">Psychosociale begeleiding<",
	                                     ">Psychosociale steun<", ">Testreferentieel<",
	                                     ">Proefreferentieel<");
	assert_false(cispref_referential_equal(a, b));
	cispref_diff *diff = diff_of(a, b);
	/* the hashes are the fixture's source-hash attributes */
	const expected want[] = {
		{MD, T_NONE, NULL, NULL, "title.translations",
		 "title [nl, 504b45e83a7a72e5]: Testreferentieel",
		 "title [nl, 504b45e83a7a72e5]: Proefreferentieel"},
		{TXT, T_DOM, "psy", "psy", "translations",
		 "[nl, 405c11b53b128fa9]: Psychosociale begeleiding",
		 "[nl, 405c11b53b128fa9]: Psychosociale steun"},
	};
	check_changes(diff, want, N_ELEMENTS(want));
	char *words = segments_of(cispref_diff_get(diff, 1));
	assert_string_equal(words, "=[nl, 405c11b53b128fa9]: Psychosociale|-begeleiding|+steun");
	free(words);
	cispref_diff_free(diff);
	cispref_referential_free(b);
	/* a translation made from another source text: only its hash differs */
	b = load_edited("front-matter-nl.xml", "405c11b53b128fa9", "0000000000000000", NULL, NULL);
	assert_false(cispref_referential_equal(a, b));
	diff = diff_of(a, b);
	assert_int_equal(cispref_diff_count(diff), 1);
	assert_string_equal(cispref_change_field(cispref_diff_get(diff, 0)), "translations");
	cispref_diff_free(diff);
	cispref_referential_free(b);
	cispref_referential_free(a);
}

/* The embedded referential with a word of Part 1 changed (the case that went unseen):
 * the text output shows the change with 8 words of context, and the command says
 * "different". */
static void test_front_matter_embedded(void **state)
{
	(void)state;
	cispref_referential *a;
	OK(cispref_referential_load_default(&a, NULL));
	char *xml = NULL;
	OK(cispref_export_buffer(&xml, NULL, a, CISPREF_FORMAT_XML, NULL));
	char *copy = replace_first(strdup(xml), "<p>Le secteur des Centres", "<p>Ce secteur des Centres");
	cispref_buffer_free(xml);
	cispref_referential *b = load_xml(copy, "fm.xml");
	assert_false(cispref_referential_equal(a, b));
	cispref_diff *diff = diff_of(a, b);
	assert_int_equal(cispref_diff_count(diff), 1);
	/* the paragraph as the cahier prints it: "Le secteur des Centres d'insertion
	 * socioprofessionnelle (CISP) a une mission de formation..." */
	static const char line[] = "front-matter section fm.1 content: [-Le-] {+Ce+} secteur des "
	                           "Centres d'insertion socioprofessionnelle (CISP) a une …\n";
	char *text = write_diff(diff, CISPREF_DIFF_TEXT);
	assert_string_equal(text, line);
	cispref_buffer_free(text);
	cispref_diff_free(diff);

	char path[4200];
	snprintf(path, sizeof path, "%s/fm.xml", run_dir);
	write_file(path, copy);
	run r = run_cispref("diff", "@embedded", path, NULL);
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, line);
	run_free(&r);
	free(copy);
	cispref_referential_free(a);
	cispref_referential_free(b);
}

static void test_cli(void **state)
{
	(void)state;
	char old_path[4200], new_path[4200], out_path[4200];
	snprintf(old_path, sizeof old_path, "%s", fixture("diff-edition-1.xml"));
	snprintf(new_path, sizeof new_path, "%s", fixture("diff-edition-2.xml"));
	run r = run_cispref("diff", "--help", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "@embedded"));
	run_free(&r);
	r = run_cispref("diff", old_path, old_path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	run_free(&r);
	r = run_cispref("diff", old_path, new_path, NULL);
	assert_int_equal(r.status, 1);
	/* One line per change. */
	size_t lines = 0;
	for (const char *p = r.out; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, N_ELEMENTS(edition_changes));
	run_free(&r);
	r = run_cispref("diff", "@embedded", "@embedded", NULL);
	assert_int_equal(r.status, 0);
	run_free(&r);
	r = run_cispref("diff", "@embedded", old_path, NULL);
	assert_int_equal(r.status, 1);
	run_free(&r);
	r = run_cispref_from(new_path, "diff", old_path, "-", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "added note n3"));
	run_free(&r);
	snprintf(out_path, sizeof out_path, "%s/changes.html", run_dir);
	r = run_cispref("diff", "-o", out_path, old_path, new_path, NULL);
	assert_int_equal(r.status, 1);
	char *html = read_whole_file(out_path, NULL);
	assert_non_null(strstr(html, "<!DOCTYPE html>"));
	free(html);
	run_free(&r);
	/* the extension's ASCII letters in either case; one that names no format of diff is
	 * a usage error worded as export's, with nothing written (cispref(1), -o) */
	snprintf(out_path, sizeof out_path, "%s/CHANGES.JSON", run_dir);
	r = run_cispref("diff", "-o", out_path, old_path, new_path, NULL);
	assert_int_equal(r.status, 1);
	char *json = read_whole_file(out_path, NULL);
	assert_true(json[0] == '{');
	free(json);
	run_free(&r);
	snprintf(out_path, sizeof out_path, "%s/changes.pdf", run_dir);
	r = run_cispref("diff", "-o", out_path, old_path, new_path, NULL);
	assert_int_equal(r.status, 2);
	static const char refused[] = "cispref diff: no diff format has the extension '.pdf': "
	                              "give --format text, json, md or html\n";
	assert_true(strncmp(r.err, refused, sizeof refused - 1) == 0);
	assert_int_equal(access(out_path, F_OK), -1);
	run_free(&r);
	/* Trouble: 2, as diff(1). */
	const char *const troubles[][4] = {
		{"diff", old_path, NULL},
		{"diff", "-", "-"},
		{"diff", "-f", "pdf"},
		{"diff", old_path, "no-such-file.xml"},
		{"diff", old_path, fixture("load-duplicate-id.xml")},
	};
	for (size_t i = 0; i < N_ELEMENTS(troubles); i++) {
		r = i == 2 ? run_cispref("diff", "-f", "pdf", old_path, new_path, NULL)
		           : run_cispref(troubles[i][0], troubles[i][1], troubles[i][2], NULL);
		assert_int_equal(r.status, 2);
		assert_true(r.err[0] != '\0');
		run_free(&r);
	}
	r = run_cispref_to("/dev/full", "diff", old_path, new_path, NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_editions),
		cmocka_unit_test(test_word_diff),
		cmocka_unit_test(test_word_diff_bound),
		cmocka_unit_test(test_embedded),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_outputs),
		cmocka_unit_test(test_output_escapes),
		cmocka_unit_test(test_edition_links),
		cmocka_unit_test(test_edition_links_case),
		cmocka_unit_test(test_front_matter_word),
		cmocka_unit_test(test_front_matter_fields),
		cmocka_unit_test(test_front_matter_missing),
		cmocka_unit_test(test_front_matter_moved),
		cmocka_unit_test(test_front_matter_embedded),
		cmocka_unit_test(test_translations),
		cmocka_unit_test(test_cli),
	};
	return cmocka_run_group_tests(tests, run_dir_setup, run_dir_teardown);
}
