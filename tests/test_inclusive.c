/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Inclusive writing: one table of cases run against every user of the one definition of
 * an article pair (lib/inclusive.c): the scanner, the normaliser of the renderers, the
 * validator's inclusive-writing-mixed, and the folding that search indexes words with.
 * The expected values follow the definition documented with CISPREF_INCLUSIVE_NORMALIZED
 * (include/cispref/render.h) and the word rule of lib/fold.h; the inputs are the forms
 * the cahier prints (la-le, la·du, la.le, la. du, la- au, la:au, "de la du stagiaire")
 * and the other forms search will meet. Built against the static library: the scanner,
 * the normaliser and the folding are internal. The search analyser is a user too: it reads
 * a pair as its two words and a word with an inclusive suffix as its base form, plural
 * kept ("intervenant·e·s" is "intervenants"), which the cases' last column says. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "analyze.h"
#include "fold.h"
#include "inclusive.h"
#include "private.h"

#define MIDDOT "\xC2\xB7"
#define NBSP "\xC2\xA0"
#define HYPHEN "\xE2\x80\x90"    /* U+2010 */
#define NB_HYPHEN "\xE2\x80\x91" /* U+2011 */
#define ACUTE "\xCC\x81"         /* U+0301, combining */

static const struct inclusive_case {
	const char *input;
	const char *separator;  /* the pair's separator as written, NULL when no pair */
	size_t at;              /* byte offset of the pair's "la" */
	const char *normalized; /* what CISPREF_INCLUSIVE_NORMALIZED writes */
	const char *words;      /* the folded words, joined by one space */
	const char *analysed;   /* the words of the search analyser (lib/analyze.h) */
} cases[] = {
	/* pairs: one mark, then optional spaces */
	{"la-le stagiaire", "-", 0, "la" MIDDOT "le stagiaire", "la le stagiaire", "la le stagiaire"},
	{"la" HYPHEN "le", HYPHEN, 0, "la" MIDDOT "le", "la le", "la le"},
	{"de la" NB_HYPHEN "du", NB_HYPHEN, 3, "de la" MIDDOT "du", "de la du", "de la du"},
	{"la" MIDDOT "au", MIDDOT, 0, "la" MIDDOT "au", "la au", "la au"},
	{"la.le", ".", 0, "la" MIDDOT "le", "la le", "la le"},
	{"La:le stagiaire", ":", 0, "La" MIDDOT "le stagiaire", "la le stagiaire", "la le stagiaire"},
	{"à la- au stagiaire", "- ", 3, "à la" MIDDOT "au stagiaire", "a la au stagiaire", "a la au stagiaire"},
	{"la. le", ". ", 0, "la" MIDDOT "le", "la le", "la le"},
	{"la-" NBSP "du", "-" NBSP, 0, "la" MIDDOT "du", "la du", "la du"},
	{"(la-le)", "-", 1, "(la" MIDDOT "le)", "la le", "la le"},
	/* pairs: spaces alone, as the cahier prints "de la du stagiaire" */
	{"la le", " ", 0, "la" MIDDOT "le", "la le", "la le"},
	{"suivi de la du stagiaire", " ", 9, "suivi de la" MIDDOT "du stagiaire",
	 "suivi de la du stagiaire", "suivi de la du stagiaire"},
	{"la  au", "  ", 0, "la" MIDDOT "au", "la au", "la au"},
	/* not pairs */
	{"tou.te.s", NULL, 0, "tou.te.s", "tou te s", "tous"},
	{"intervenant-e-s", NULL, 0, "intervenant-e-s", "intervenant e s", "intervenants"},
	{"intervenant" MIDDOT "e" MIDDOT "s", NULL, 0, "intervenant" MIDDOT "e" MIDDOT "s",
	 "intervenant e s", "intervenants"},
	{"acteur. actrice", NULL, 0, "acteur. actrice", "acteur actrice", "acteur actrice"},
	{"la - le", NULL, 0, "la - le", "la le", "la le"},            /* spaces before the mark */
	{"la-de", NULL, 0, "la-de", "la de", "la de"},                /* "de" is no second word */
	{"la-les", NULL, 0, "la-les", "la les", "la les"},
	{"gala-le", NULL, 0, "gala-le", "gala le", "gala le"},
	{"la-lecture", NULL, 0, "la-lecture", "la lecture", "la lecture"},
	{"la-Le", NULL, 0, "la-Le", "la le", "la le"},
	{"présente-la au groupe", NULL, 0, "présente-la au groupe", "presente la au groupe", "presente la au groupe"},
	{"la-le" ACUTE, NULL, 0, "la-le" ACUTE, "la le", "la le"},   /* "lé": a mark is part of a word */
	{"la" ACUTE "-le", NULL, 0, "la" ACUTE "-le", "la le", "la le"},
	{"elle-lui", NULL, 0, "elle-lui", "elle lui", "elle lui ellelui"}, /* a compound */
	/* inclusive suffixes: the search reads the base form, plural kept */
	{"intervenant.e.s", NULL, 0, "intervenant.e.s", "intervenant e s", "intervenants"},
	{"intervenant(e)s", NULL, 0, "intervenant(e)s", "intervenant e s", "intervenants"},
	{"intervenant(e)(s)", NULL, 0, "intervenant(e)(s)", "intervenant e s", "intervenants"},
	{"intervenant(s)", NULL, 0, "intervenant(s)", "intervenant s", "intervenants"},
	{"Intervenant-E-S", NULL, 0, "Intervenant-E-S", "intervenant e s", "intervenants"},
	{"intervenant" MIDDOT "es", NULL, 0, "intervenant" MIDDOT "es", "intervenant es",
	 "intervenants"},
	{"acteur" MIDDOT "trice", NULL, 0, "acteur" MIDDOT "trice", "acteur trice", "acteur"},
	{"acteur" MIDDOT "trice" MIDDOT "s", NULL, 0, "acteur" MIDDOT "trice" MIDDOT "s",
	 "acteur trice s", "acteurs"},
	{"professionnel-le-s", NULL, 0, "professionnel-le-s", "professionnel le s",
	 "professionnels"},
	{"citoyen" NB_HYPHEN "ne", NULL, 0, "citoyen" NB_HYPHEN "ne", "citoyen ne", "citoyen"},
	{"travailleur" MIDDOT "euses", NULL, 0, "travailleur" MIDDOT "euses",
	 "travailleur euses", "travailleurs"},
	{"premier" MIDDOT "ère", NULL, 0, "premier" MIDDOT "ère", "premier ere", "premier"},
	{"sportif.ve.s", NULL, 0, "sportif.ve.s", "sportif ve s", "sportifs"},
	{"heureux:se", NULL, 0, "heureux:se", "heureux se", "heureux"},
	{"tout" MIDDOT "e" MIDDOT "s les stagiaires", NULL, 0,
	 "tout" MIDDOT "e" MIDDOT "s les stagiaires", "tout e s les stagiaires",
	 "touts les stagiaires"},
	/* not suffixes: the ending does not fit the word, or a word goes on */
	{"présente-le au groupe", NULL, 0, "présente-le au groupe", "presente le au groupe",
	 "presente le au groupe"},
	{"intervenant-esprit", NULL, 0, "intervenant-esprit", "intervenant esprit",
	 "intervenant esprit intervenantesprit"},
	{"peut-être", NULL, 0, "peut-être", "peut etre", "peut etre peutetre"},
	{"psycho-social", NULL, 0, "psycho-social", "psycho social", "psycho social psychosocial"},
	{"la-le-s", "-", 0, "la" MIDDOT "le-s", "la le s", "la le s"},
};
#define CASE_COUNT (sizeof cases / sizeof cases[0])

/* ---- the scanner ---- */

static void test_scanner(void **state)
{
	(void)state;
	for (size_t i = 0; i < CASE_COUNT; i++) {
		const struct inclusive_case *c = &cases[i];
		inclusive_pair pair;
		int found = cispref__inclusive_next(c->input, 0, &pair);
		if (found != (c->separator != NULL))
			fail_msg("case %zu \"%s\": %s", i, c->input, found ? "a pair" : "no pair");
		if (!found)
			continue;
		assert_int_equal(pair.start, c->at);
		assert_int_equal(pair.separator, c->at + 2);
		assert_int_equal(pair.separator_length, strlen(c->separator));
		assert_memory_equal(c->input + pair.separator, c->separator, strlen(c->separator));
		assert_int_equal(pair.second, pair.separator + pair.separator_length);
		assert_int_equal(pair.length, 2 + strlen(c->separator) + 2);
		/* one pair per case */
		assert_int_equal(cispref__inclusive_next(c->input, pair.start + pair.length, &pair), 0);
	}
}

static void test_scanner_walk(void **state)
{
	(void)state;
	/* Several pairs: each scan starts after the previous one. */
	const char *text = "la-le, la" MIDDOT "du et La. au";
	static const size_t starts[] = {0, 7, 17};
	static const char *const seconds[] = {"le", "du", "au"};
	inclusive_pair pair;
	size_t at = 0, n = 0;
	for (; cispref__inclusive_next(text, at, &pair); at = pair.start + pair.length, n++) {
		assert_true(n < 3);
		assert_int_equal(pair.start, starts[n]);
		assert_memory_equal(text + pair.second, seconds[n], 2);
	}
	assert_int_equal(n, 3);
	/* Starting inside a pair does not find it. */
	assert_int_equal(cispref__inclusive_next("la-le", 1, &pair), 0);
	assert_int_equal(cispref__inclusive_next("", 0, &pair), 0);
	assert_int_equal(cispref__inclusive_next("la-", 0, &pair), 0);
	assert_int_equal(cispref__inclusive_next("la", 0, &pair), 0);
	/* Stray bytes before "la" are no letter, and nothing is read before the text. */
	assert_int_equal(cispref__inclusive_next("\x80la-le", 0, &pair), 1);
	assert_int_equal(pair.start, 1);
	assert_int_equal(cispref__inclusive_next("\xC3la-le", 0, &pair), 1);
	assert_int_equal(cispref__inclusive_next("la-le\xC3", 0, &pair), 1);
}

/* ---- the normaliser ---- */

static void test_normaliser(void **state)
{
	(void)state;
	arena *a = cispref__arena_new();
	assert_non_null(a);
	for (size_t i = 0; i < CASE_COUNT; i++) {
		const char *got = cispref__inclusive_normalize(a, cases[i].input);
		assert_non_null(got);
		if (strcmp(got, cases[i].normalized) != 0)
			fail_msg("case %zu \"%s\": \"%s\", expected \"%s\"", i, cases[i].input, got,
			         cases[i].normalized);
	}
	assert_string_equal(cispref__inclusive_normalize(a, "la-le, la" MIDDOT " du et La. au"),
	                    "la" MIDDOT "le, la" MIDDOT "du et La" MIDDOT "au");
	cispref__arena_free(a);
}

/* ---- no line break inside a pair (the printed cahier) ---- */

#define WORD_JOINER "\xE2\x81\xA0" /* U+2060 */

/* What cispref__inclusive_unbreakable() writes for a case, from the case's pair: its
 * mark, then U+2060 after a breakable hyphen ("-", U+2010), then one U+00A0 per space. */
static void unbreakable_expected(const struct inclusive_case *c, char *out, size_t size)
{
	if (!c->separator) {
		snprintf(out, size, "%s", c->input);
		return;
	}
	const char *sep = c->separator;
	size_t mark = 0;
	while (sep[mark] && sep[mark] != ' ' && strncmp(sep + mark, NBSP, 2) != 0)
		mark++;
	int joiner = strncmp(sep, "-", mark) == 0 || strncmp(sep, HYPHEN, mark) == 0;
	int n = snprintf(out, size, "%.*s%.*s%s", (int)(c->at + 2), c->input, (int)mark, sep,
	                 mark && joiner ? WORD_JOINER : "");
	for (const char *p = sep + mark; *p; p += *p == ' ' ? 1 : 2)
		n += snprintf(out + n, size - (size_t)n, NBSP);
	snprintf(out + n, size - (size_t)n, "%s", c->input + c->at + 2 + strlen(sep));
}

static void test_unbreakable(void **state)
{
	(void)state;
	arena *a = cispref__arena_new();
	assert_non_null(a);
	for (size_t i = 0; i < CASE_COUNT; i++) {
		char expected[256];
		unbreakable_expected(&cases[i], expected, sizeof expected);
		const char *got = cispref__inclusive_unbreakable(a, cases[i].input);
		assert_non_null(got);
		if (strcmp(got, expected) != 0)
			fail_msg("case %zu \"%s\": \"%s\", expected \"%s\"", i, cases[i].input, got,
			         expected);
	}
	assert_string_equal(cispref__inclusive_unbreakable(a, "la-le et la  du, présente-la au groupe"),
	                    "la-" WORD_JOINER "le et la" NBSP NBSP "du, présente-la au groupe");
	cispref__arena_free(a);
}

/* The normaliser as the renderers apply it, on every case at once. */
static void test_normaliser_rendered(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_domain *domain;
	cispref_plan *plan;
	cispref_competence *comp;
	assert_int_equal(cispref_referential_new(&ref, "t", "Inclusive"), CISPREF_OK);
	assert_int_equal(cispref_referential_add_domain(&domain, ref, "d", CISPREF_DOMAIN_CORE,
	                                                "Domaine"), CISPREF_OK);
	assert_int_equal(cispref_domain_add_plan(&plan, domain, "d.p", CISPREF_PLAN_INDIVIDUAL,
	                                         "Plan"), CISPREF_OK);
	assert_int_equal(cispref_plan_add_competence(&comp, plan, "d.p.1", "Compétence"),
	                 CISPREF_OK);
	for (size_t i = 0; i < CASE_COUNT; i++) {
		char id[32];
		snprintf(id, sizeof id, "d.p.1.s.%zu", i + 1);
		assert_int_equal(cispref_competence_add_item(NULL, comp, id, CISPREF_ITEM_SAVOIR,
		                                             cases[i].input), CISPREF_OK);
	}
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	options.inclusive = CISPREF_INCLUSIVE_NORMALIZED;
	options.index = false;
	options.summary = false;
	char *md = NULL;
	assert_int_equal(cispref_render_buffer(&md, NULL, ref, CISPREF_RENDER_MARKDOWN, &options,
	                                       NULL), CISPREF_OK);
	/* each item is a line "- text" of a bullet list; no case holds a character Markdown
	 * escapes there */
	for (size_t i = 0; i < CASE_COUNT; i++) {
		char item[128];
		snprintf(item, sizeof item, "\n- %s\n", cases[i].normalized);
		if (!strstr(md, item))
			fail_msg("case %zu: no item \"%s\" in the Markdown", i, cases[i].normalized);
	}
	cispref_buffer_free(md);
	cispref_referential_free(ref);
}

/* ---- the validator ---- */

/* Each case is the title of a competence whose one item writes a pair "la" NBSP "le", a
 * form no case uses: a case with a pair makes two ways, one without makes one. */
static void test_validator(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_domain *domain;
	cispref_plan *plan;
	assert_int_equal(cispref_referential_new(&ref, "t", "Inclusive"), CISPREF_OK);
	assert_int_equal(cispref_referential_add_domain(&domain, ref, "d", CISPREF_DOMAIN_CORE,
	                                                "Domaine"), CISPREF_OK);
	assert_int_equal(cispref_domain_add_plan(&plan, domain, "d.p", CISPREF_PLAN_INDIVIDUAL,
	                                         "Plan"), CISPREF_OK);
	for (size_t i = 0; i < CASE_COUNT; i++) {
		char id[32];
		cispref_competence *comp;
		snprintf(id, sizeof id, "d.p.%zu", i + 1);
		assert_int_equal(cispref_plan_add_competence(&comp, plan, id, cases[i].input),
		                 CISPREF_OK);
		snprintf(id, sizeof id, "d.p.%zu.s.1", i + 1);
		assert_int_equal(cispref_competence_add_item(NULL, comp, id, CISPREF_ITEM_SAVOIR,
		                                             "accompagner la" NBSP "le stagiaire"),
		                 CISPREF_OK);
	}
	cispref_diagnostics *list = NULL;
	assert_int_equal(cispref_validate(&list, ref), CISPREF_OK);
	for (size_t i = 0; i < CASE_COUNT; i++) {
		char id[32], expected[128];
		snprintf(id, sizeof id, "d.p.%zu", i + 1);
		snprintf(expected, sizeof expected,
		         "competence '%s' writes its inclusive pairs in 2 ways: 'la%sle', 'la" NBSP
		         "le'", id, cases[i].separator ? cases[i].separator : "");
		const cispref_diagnostic *found = NULL;
		for (size_t d = 0; d < cispref_diagnostics_count(list); d++) {
			const cispref_diagnostic *diag = cispref_diagnostics_get(list, d);
			if (strcmp(cispref_diagnostic_tag(diag), "inclusive-writing-mixed") == 0 &&
			    strcmp(cispref_diagnostic_node_id(diag), id) == 0)
				found = diag;
		}
		if (!cases[i].separator && found)
			fail_msg("case %zu \"%s\": %s", i, cases[i].input,
			         cispref_diagnostic_message(found));
		if (cases[i].separator && !found)
			fail_msg("case %zu \"%s\": no finding", i, cases[i].input);
		if (found)
			assert_string_equal(cispref_diagnostic_message(found), expected);
	}
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
}

/* Every pair form of the table in one competence: as many ways as distinct separators
 * as written ("-" twice counts once), in the order they first appear. */
static void test_validator_counts_separators(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_domain *domain;
	cispref_plan *plan;
	cispref_competence *comp;
	assert_int_equal(cispref_referential_new(&ref, "t", "Inclusive"), CISPREF_OK);
	assert_int_equal(cispref_referential_add_domain(&domain, ref, "d", CISPREF_DOMAIN_CORE,
	                                                "Domaine"), CISPREF_OK);
	assert_int_equal(cispref_domain_add_plan(&plan, domain, "d.p", CISPREF_PLAN_INDIVIDUAL,
	                                         "Plan"), CISPREF_OK);
	assert_int_equal(cispref_plan_add_competence(&comp, plan, "d.p.1",
	                                             "Accompagner la-le stagiaire"), CISPREF_OK);
	static const char *const items[] = {"la-du", "la- au", "la. le", "la:au", "la le",
	                                    "la-le et la:du", "tou.te.s"};
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		char id[32];
		snprintf(id, sizeof id, "d.p.1.sf.%zu", i + 1);
		assert_int_equal(cispref_competence_add_item(NULL, comp, id,
		                                             CISPREF_ITEM_SAVOIR_FAIRE, items[i]),
		                 CISPREF_OK);
	}
	cispref_diagnostics *list = NULL;
	assert_int_equal(cispref_validate(&list, ref), CISPREF_OK);
	const char *message = NULL;
	for (size_t d = 0; d < cispref_diagnostics_count(list); d++) {
		const cispref_diagnostic *diag = cispref_diagnostics_get(list, d);
		if (strcmp(cispref_diagnostic_tag(diag), "inclusive-writing-mixed") == 0)
			message = cispref_diagnostic_message(diag);
	}
	assert_non_null(message);
	assert_string_equal(message, "competence 'd.p.1' writes its inclusive pairs in 5 ways: "
	                             "'la-le', 'la- le', 'la. le', 'la:le', 'la le'");
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
}

/* ---- folding ---- */

typedef struct words {
	char text[256];
} words;

static int add_word(const char *word, size_t length, void *payload)
{
	words *w = payload;
	assert_int_equal(strlen(word), length);
	size_t used = strlen(w->text);
	snprintf(w->text + used, sizeof w->text - used, "%s%s", used ? " " : "", word);
	return 0;
}

static void test_folding(void **state)
{
	(void)state;
	for (size_t i = 0; i < CASE_COUNT; i++) {
		words w = {{0}};
		assert_int_equal(cispref__fold_words(cases[i].input, add_word, &w), 0);
		if (strcmp(w.text, cases[i].words) != 0)
			fail_msg("case %zu \"%s\": \"%s\", expected \"%s\"", i, cases[i].input, w.text,
			         cases[i].words);
	}
}

/* ---- the search analyser ---- */

static int add_analysed(const char *word, size_t length, unsigned flags, void *payload)
{
	(void)flags;
	return add_word(word, length, payload);
}

static void test_analyser(void **state)
{
	(void)state;
	for (size_t i = 0; i < CASE_COUNT; i++) {
		words w = {{0}};
		assert_int_equal(cispref__analyze(cases[i].input, "fr", add_analysed, &w), 0);
		if (strcmp(w.text, cases[i].analysed) != 0)
			fail_msg("case %zu \"%s\": \"%s\", expected \"%s\"", i, cases[i].input, w.text,
			         cases[i].analysed);
	}
}

/* The suffix scanner itself: where the base word ends and how long the suffix is. */
static void test_suffix_scanner(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		size_t base, end;  /* the word before the suffix */
		size_t length;     /* of the suffix, 0 for none */
		int plural;
	} suffixes[] = {
		{"intervenant-e-s", 0, 11, 4, 1},
		{"intervenant" MIDDOT "e", 0, 11, 3, 0},
		{"les intervenant.e.s du centre", 4, 15, 4, 1},
		{"acteur" MIDDOT "trices", 0, 6, 8, 1},
		{"acteur(trice)", 0, 6, 7, 0},
		{"vendeur" MIDDOT "trice", 0, 7, 0, 0}, /* "trice" after "teur" only */
		{"donne-le", 0, 5, 0, 0},
		{"intervenant-e-", 0, 11, 2, 0},     /* the trailing hyphen is no plural */
		{"intervenant-ex", 0, 11, 0, 0},
		{"intervenant(e", 0, 11, 0, 0},
		{"x-e", 0, 1, 0, 0},                 /* a base of one letter is too short */
	};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		inclusive_suffix got = {0, 0};
		int found = cispref__inclusive_suffix(suffixes[i].text, suffixes[i].base,
		                                      suffixes[i].end, &got);
		if (found != (suffixes[i].length != 0) || (found && (got.length != suffixes[i].length ||
		                                                     got.plural != suffixes[i].plural)))
			fail_msg("\"%s\": %d, %zu bytes, plural %d", suffixes[i].text, found, got.length,
			         got.plural);
	}
}

/* The one word rule both modules use: letters, digits, combining marks; not the
 * separators of inclusive writing nor spaces. */
static void test_word_rule(void **state)
{
	(void)state;
	static const int32_t word[] = {'a', 'Z', '7', 0xE9, 0x301, 0x2164 /* Ⅴ */};
	static const int32_t not_word[] = {'-', 0x2010, 0x2011, '.', ':', 0xB7, ' ', 0xA0, '\'',
	                                   0x2019, 0x2BC /* modifier letter apostrophe */, -1};
	for (size_t i = 0; i < sizeof word / sizeof word[0]; i++)
		assert_true(cispref__fold_is_word_char(word[i]));
	for (size_t i = 0; i < sizeof not_word / sizeof not_word[0]; i++)
		assert_false(cispref__fold_is_word_char(not_word[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scanner),
		cmocka_unit_test(test_scanner_walk),
		cmocka_unit_test(test_normaliser),
		cmocka_unit_test(test_normaliser_rendered),
		cmocka_unit_test(test_unbreakable),
		cmocka_unit_test(test_validator),
		cmocka_unit_test(test_validator_counts_separators),
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_analyser),
		cmocka_unit_test(test_suffix_scanner),
		cmocka_unit_test(test_word_rule),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
