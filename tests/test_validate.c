/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The validator: one fixture per tag (tests/fixtures/validate-<tag>.xml) with exactly the
 * intended findings, a clean fixture, the tag table, a model built in C, and the embedded
 * referential. */
#include <time.h>

#include "test_util.h"

#define E CISPREF_SEVERITY_ERROR
#define W CISPREF_SEVERITY_WARNING
#define I CISPREF_SEVERITY_INFO

#define MAX_FINDINGS 4

/* One expected finding. The line is that of the offending element in the fixture. */
typedef struct finding {
	const char *tag;
	cispref_severity_t severity;
	unsigned long line;
	const char *node_id; /* NULL for the referential itself */
	const char *in_message; /* a piece of the message, or NULL */
} finding;

typedef struct fixture_case {
	const char *tag;  /* the tag the fixture is about; its file is validate-<tag>.xml */
	finding findings[MAX_FINDINGS];
	size_t count;
} fixture_case;

/* Every tag of the table in doc/format.md, with its fixture's findings, in document order. */
static const fixture_case cases[] = {
	{"duplicate-id",
	 {{"duplicate-id", E, 12, "c1.sf.1", "line 10"}, {"duplicate-id", E, 14, "d", "line 4"}},
	 2},
	{"concept-unknown", {{"concept-unknown", E, 10, "c1.sf.1", "k.missing"}}, 1},
	{"note-unknown", {{"note-unknown", E, 8, "c1", "n.missing"}}, 1},
	{"summary-competence-unknown",
	 {{"summary-competence-unknown", E, 8, "d.sum.2", "c.missing"},
	  {"summary-competence-unknown", E, 9, "d.sum.3", "d.ind"}},
	 2},
	{"plan-kind-not-allowed", {{"plan-kind-not-allowed", E, 6, "d.ext", "external"}}, 1},
	{"text-empty",
	 {{"text-empty", E, 0, NULL, "title"},
	  {"text-empty", E, 6, "d.ind", NULL},
	  {"text-empty", E, 10, "c1.sf.1", NULL},
	  {"text-empty", E, 17, "k", NULL}},
	 4},
	{"section-number-duplicate",
	 {{"section-number-duplicate", E, 8, "fm.2", "number '1'"}},
	 1},
	{"details-repeated", {{"details-repeated", E, 8, "fm.1", "second 'details'"}}, 1},
	/* c2, deprecated without a replacement, is no finding */
	{"replacement-unknown", {{"replacement-unknown", E, 16, "c1.sf.2", "'c1.sf.9'"}}, 1},
	{"replacement-self", {{"replacement-self", E, 16, "c1.sf.2", "itself"}}, 1},
	/* t1.sf.1 leads into the cycle without being on it */
	{"replacement-cycle",
	 {{"replacement-cycle", E, 15, "c1.sf.1", "'c1.sf.2'"},
	  {"replacement-cycle", E, 16, "c1.sf.2", "'c1.sf.1'"}},
	 2},
	/* xml:lang="fr_BE": an underscore where BCP 47 has a hyphen; the root has no line */
	{"language-malformed", {{"language-malformed", E, 0, NULL, "'fr_BE'"}}, 1},
	/* n21 twice (first and third reference), n22 once: one finding, on c1's line */
	{"competence-note-repeated",
	 {{"competence-note-repeated", E, 8, "c1", "the note 'n21' more than once"}},
	 1},
	{"competence-empty", {{"competence-empty", W, 8, "c1", NULL}}, 1},
	{"item-duplicate", {{"item-duplicate", W, 12, "c1.sf.3", "c1.sf.1"}}, 1},
	{"summary-no-competence", {{"summary-no-competence", W, 8, "d.sum.2", NULL}}, 1},
	{"competence-no-summary", {{"competence-no-summary", W, 17, "c2", NULL}}, 1},
	{"concept-kind-mismatch", {{"concept-kind-mismatch", W, 10, "c1.sf.1", "k.savoir"}}, 1},
	{"plan-empty", {{"plan-empty", W, 6, "d.ind", NULL}}, 1},
	{"note-ref-repeated", {{"note-ref-repeated", W, 8, "fm.1", "'n21'"}}, 1},
	{"front-matter-whitespace",
	 {{"front-matter-whitespace", W, 7, "fm.1", "a paragraph of section 'fm.1'"}},
	 1},
	/* c1's translation was made from its present title; c1.sf.1's from "Maken" */
	{"translation-outdated",
	 {{"translation-outdated", W, 53, "c1.sf.1", "'c1.sf.1' into 'nl'"}},
	 1},
	{"competence-list-empty",
	 {{"competence-list-empty", I, 8, "c1", "savoir-faire comportementaux, savoirs"},
	  {"competence-list-empty", I, 12, "c2", "savoirs"}},
	 2},
	{"summary-text-differs",
	 {{"summary-text-differs", I, 7, "d.sum.1", "\"Compétence première\" where competence 'c1' is titled \"Compétence une\""}},
	 1},
	{"summary-plan-differs",
	 {{"summary-plan-differs", I, 8, "d.sum.2", "listed under individual, competence 'c2' is in a collective plan"}},
	 1},
	{"summary-order-differs", {{"summary-order-differs", I, 8, "d.sum.2", "'c1'"}}, 1},
	{"inclusive-writing-mixed",
	 {{"inclusive-writing-mixed", I, 12, "c1", "in 2 ways: 'la-le', 'la\xc2\xb7le'"}},
	 1},
	{"concept-unused", {{"concept-unused", I, 18, "k.unused", NULL}}, 1},
	{"note-unused", {{"note-unused", I, 19, "n22", NULL}}, 1},
};

#define CASE_COUNT (sizeof cases / sizeof cases[0])

/* The table of doc/format.md: tag and severity, in the order it lists them. */
static const struct {
	const char *tag;
	cispref_severity_t severity;
} documented[] = {
	{"duplicate-id", E},          {"concept-unknown", E},
	{"note-unknown", E},          {"summary-competence-unknown", E},
	{"plan-kind-not-allowed", E}, {"text-empty", E},
	{"section-number-duplicate", E}, {"details-repeated", E},
	{"replacement-unknown", E},   {"replacement-self", E},
	{"replacement-cycle", E},     {"language-malformed", E},
	{"competence-note-repeated", E},
	{"competence-empty", W},      {"item-duplicate", W},
	{"summary-no-competence", W}, {"competence-no-summary", W},
	{"concept-kind-mismatch", W}, {"plan-empty", W},
	{"note-ref-repeated", W},     {"front-matter-whitespace", W},
	{"translation-outdated", W},
	{"competence-list-empty", I}, {"summary-text-differs", I},
	{"summary-plan-differs", I},  {"summary-order-differs", I},
	{"inclusive-writing-mixed", I}, {"concept-unused", I},
	{"note-unused", I},
};

#define DOCUMENTED_COUNT (sizeof documented / sizeof documented[0])

static const fixture_case *case_for(const char *tag)
{
	for (size_t i = 0; i < CASE_COUNT; i++)
		if (strcmp(cases[i].tag, tag) == 0)
			return &cases[i];
	return NULL;
}

static cispref_referential *load_lenient(const char *path)
{
	cispref_referential *ref = NULL;
	cispref_error error;
	memset(&error, 0, sizeof error);
	cispref_load_options lenient = load_options_with(CISPREF_LOAD_LENIENT);
	int rc = cispref_referential_load_file(&ref, path, &lenient, &error);
	if (rc != CISPREF_OK)
		fail_msg("%s: %d %s (line %lu)", path, rc, error.text, error.line);
	return ref;
}

static void print_diagnostics(const cispref_diagnostics *list)
{
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		print_message("  %s:%lu: %s [%s] %s: %s\n", cispref_diagnostic_file(d),
		              cispref_diagnostic_line(d),
		              cispref_severity_name(cispref_diagnostic_severity(d)),
		              cispref_diagnostic_tag(d), cispref_diagnostic_node_id(d),
		              cispref_diagnostic_message(d));
	}
}

static void check_case(const fixture_case *c)
{
	char name[128], path[4096];
	snprintf(name, sizeof name, "validate-%s.xml", c->tag);
	snprintf(path, sizeof path, "%s", fixture(name));
	cispref_referential *ref = load_lenient(path);
	cispref_diagnostics *list = NULL;
	assert_int_equal(cispref_validate(&list, ref), CISPREF_OK);
	assert_non_null(list);
	if (cispref_diagnostics_count(list) != c->count) {
		print_diagnostics(list);
		fail_msg("%s: %zu findings, expected %zu", name, cispref_diagnostics_count(list),
		         c->count);
	}
	size_t per_severity[3] = {0, 0, 0};
	for (size_t i = 0; i < c->count; i++) {
		const finding *want = &c->findings[i];
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		assert_non_null(d);
		per_severity[want->severity]++;
		if (strcmp(cispref_diagnostic_tag(d), want->tag) != 0 ||
		    cispref_diagnostic_severity(d) != want->severity ||
		    cispref_diagnostic_line(d) != want->line ||
		    (want->node_id == NULL) != (cispref_diagnostic_node_id(d) == NULL) ||
		    (want->node_id && strcmp(cispref_diagnostic_node_id(d), want->node_id) != 0)) {
			print_diagnostics(list);
			fail_msg("%s: finding %zu is not %s/%s line %lu node %s", name, i, want->tag,
			         cispref_severity_name(want->severity), want->line,
			         want->node_id ? want->node_id : "(none)");
		}
		assert_string_equal(cispref_diagnostic_file(d), path);
		const char *message = cispref_diagnostic_message(d);
		assert_non_null(message);
		assert_true(message[0] != '\0');
		if (want->in_message && !strstr(message, want->in_message))
			fail_msg("%s: message \"%s\" lacks \"%s\"", name, message, want->in_message);
		if (want->line)
			assert_true(cispref_diagnostic_column(d) > 0);
		else
			assert_int_equal(cispref_diagnostic_column(d), 0);
	}
	assert_null(cispref_diagnostics_get(list, c->count));
	assert_int_equal(cispref_diagnostics_count_severity(list, E), per_severity[E]);
	assert_int_equal(cispref_diagnostics_count_severity(list, W), per_severity[W]);
	assert_int_equal(cispref_diagnostics_count_severity(list, I), per_severity[I]);

	/* the default load refuses exactly the fixtures that hold an error */
	cispref_referential *strict = NULL;
	cispref_error error;
	memset(&error, 0, sizeof error);
	int rc = cispref_referential_load_file(&strict, path, NULL, &error);
	if (per_severity[E]) {
		assert_int_equal(rc, CISPREF_ERULE);
		assert_null(strict);
		assert_int_equal(error.line, c->findings[0].line);
		assert_non_null(strstr(error.text, c->findings[0].tag));
	} else {
		assert_int_equal(rc, CISPREF_OK);
		cispref_referential_free(strict);
	}
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
}

#define TAG_TEST(fn, tag)                    \
	static void fn(void **state)         \
	{                                    \
		(void)state;                 \
		const fixture_case *c = case_for(tag); \
		assert_non_null(c);          \
		check_case(c);               \
	}

TAG_TEST(test_duplicate_id, "duplicate-id")
TAG_TEST(test_concept_unknown, "concept-unknown")
TAG_TEST(test_note_unknown, "note-unknown")
TAG_TEST(test_summary_competence_unknown, "summary-competence-unknown")
TAG_TEST(test_plan_kind_not_allowed, "plan-kind-not-allowed")
TAG_TEST(test_text_empty, "text-empty")
TAG_TEST(test_section_number_duplicate, "section-number-duplicate")
TAG_TEST(test_details_repeated, "details-repeated")
TAG_TEST(test_replacement_unknown, "replacement-unknown")
TAG_TEST(test_replacement_self, "replacement-self")
TAG_TEST(test_replacement_cycle, "replacement-cycle")
TAG_TEST(test_language_malformed, "language-malformed")
TAG_TEST(test_competence_note_repeated, "competence-note-repeated")
TAG_TEST(test_competence_empty, "competence-empty")
TAG_TEST(test_item_duplicate, "item-duplicate")
TAG_TEST(test_summary_no_competence, "summary-no-competence")
TAG_TEST(test_competence_no_summary, "competence-no-summary")
TAG_TEST(test_concept_kind_mismatch, "concept-kind-mismatch")
TAG_TEST(test_plan_empty, "plan-empty")
TAG_TEST(test_note_ref_repeated, "note-ref-repeated")
TAG_TEST(test_front_matter_whitespace, "front-matter-whitespace")
TAG_TEST(test_translation_outdated, "translation-outdated")
TAG_TEST(test_competence_list_empty, "competence-list-empty")
TAG_TEST(test_summary_text_differs, "summary-text-differs")
TAG_TEST(test_summary_plan_differs, "summary-plan-differs")
TAG_TEST(test_summary_order_differs, "summary-order-differs")
TAG_TEST(test_inclusive_writing_mixed, "inclusive-writing-mixed")
TAG_TEST(test_concept_unused, "concept-unused")
TAG_TEST(test_note_unused, "note-unused")

static void test_clean(void **state)
{
	(void)state;
	cispref_referential *ref = load_lenient(fixture("validate-clean.xml"));
	cispref_diagnostics *list = NULL;
	assert_int_equal(cispref_validate(&list, ref), CISPREF_OK);
	if (cispref_diagnostics_count(list) != 0) {
		print_diagnostics(list);
		fail_msg("the clean fixture has findings");
	}
	assert_null(cispref_diagnostics_get(list, 0));
	for (int s = 0; s < 3; s++)
		assert_int_equal(cispref_diagnostics_count_severity(list, (cispref_severity_t)s), 0);
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);

	/* and the default load accepts it */
	ref = NULL;
	assert_int_equal(cispref_referential_load_file(&ref, fixture("validate-clean.xml"),
	                                               NULL, NULL),
	                 CISPREF_OK);
	cispref_referential_free(ref);
}

/* Every tag the library knows has a fixture here, and the library knows the documented
 * table, no more, no less, with the documented severities. */
static void test_every_tag_covered(void **state)
{
	(void)state;
	size_t count = cispref_validator_tag_count();
	assert_int_equal(count, DOCUMENTED_COUNT);
	for (size_t i = 0; i < count; i++) {
		const char *tag = cispref_validator_tag(i);
		assert_non_null(tag);
		if (!case_for(tag))
			fail_msg("the validator has the tag '%s', which no fixture covers", tag);
		assert_string_equal(tag, documented[i].tag);
		/* the fixture file exists */
		char name[128];
		snprintf(name, sizeof name, "validate-%s.xml", tag);
		FILE *f = fopen(fixture(name), "rb");
		if (!f)
			fail_msg("missing fixture %s", name);
		fclose(f);
	}
	assert_null(cispref_validator_tag(count));
	assert_null(cispref_validator_tag((size_t)-1));
	/* and every case names a tag the library has */
	for (size_t i = 0; i < CASE_COUNT; i++) {
		int known = 0;
		for (size_t t = 0; t < count; t++)
			known |= strcmp(cases[i].tag, cispref_validator_tag(t)) == 0;
		if (!known)
			fail_msg("the case '%s' names no tag of the validator", cases[i].tag);
		for (size_t f = 0; f < cases[i].count; f++)
			assert_string_equal(cases[i].findings[f].tag, cases[i].tag);
	}
}

static void test_tag_explain(void **state)
{
	(void)state;
	for (size_t i = 0; i < DOCUMENTED_COUNT; i++) {
		cispref_severity_t severity = (cispref_severity_t)42;
		const char *text = cispref_validator_tag_explain(&severity, documented[i].tag);
		assert_non_null(text);
		assert_true(strlen(text) > 10);
		assert_int_equal(severity, documented[i].severity);
		assert_ptr_equal(cispref_validator_tag_explain(NULL, documented[i].tag), text);
	}
	cispref_severity_t severity = W;
	assert_null(cispref_validator_tag_explain(&severity, "no-such-tag"));
	assert_null(cispref_validator_tag_explain(&severity, ""));
	assert_null(cispref_validator_tag_explain(&severity, "Duplicate-Id"));
	assert_null(cispref_validator_tag_explain(&severity, NULL));
	assert_int_equal(severity, W);

	assert_string_equal(cispref_severity_name(E), "error");
	assert_string_equal(cispref_severity_name(W), "warning");
	assert_string_equal(cispref_severity_name(I), "info");
	assert_null(cispref_severity_name((cispref_severity_t)3));
	assert_null(cispref_severity_name((cispref_severity_t)-1));
}

static void test_invalid_arguments(void **state)
{
	(void)state;
	cispref_diagnostics *list = (cispref_diagnostics *)(uintptr_t)1;
	assert_int_equal(cispref_validate(&list, NULL), CISPREF_EARG);
	assert_ptr_equal(list, (cispref_diagnostics *)(uintptr_t)1);
	cispref_referential *ref = NULL;
	assert_int_equal(cispref_referential_new(&ref, "x", "X"), CISPREF_OK);
	assert_int_equal(cispref_validate(NULL, ref), CISPREF_EARG);
	cispref_referential_free(ref);

	/* accessors given NULL */
	assert_int_equal(cispref_diagnostics_count(NULL), 0);
	assert_int_equal(cispref_diagnostics_count_severity(NULL, E), 0);
	assert_null(cispref_diagnostics_get(NULL, 0));
	assert_int_equal(cispref_diagnostic_severity(NULL), E);
	assert_null(cispref_diagnostic_tag(NULL));
	assert_null(cispref_diagnostic_message(NULL));
	assert_null(cispref_diagnostic_file(NULL));
	assert_null(cispref_diagnostic_node_id(NULL));
	assert_int_equal(cispref_diagnostic_line(NULL), 0);
	assert_int_equal(cispref_diagnostic_column(NULL), 0);
	cispref_diagnostics_free(NULL);
}

/* A model built in C: no file, no line. */
static void test_built_in_c(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_domain *d;
	cispref_plan *p;
	cispref_competence *c;
	cispref_item *it;
	cispref_concept *k;
	/* (an empty title, text-empty, the builder refuses: the fixture has it) */
	assert_int_equal(cispref_referential_new(&ref, "built", "Built"), CISPREF_OK);
	assert_int_equal(cispref_referential_add_domain(&d, ref, "d", CISPREF_DOMAIN_CORE, "D"), 0);
	assert_int_equal(cispref_domain_add_plan(&p, d, "d.j", CISPREF_PLAN_JOINT, "J"), 0);
	assert_int_equal(cispref_plan_add_competence(&c, p, "c1", "C"), 0);
	assert_int_equal(cispref_competence_add_item(&it, c, "c1.sf.1", CISPREF_ITEM_SAVOIR_FAIRE,
	                                             "Faire"),
	                 0);
	assert_int_equal(cispref_referential_add_concept(&k, ref, "k", CISPREF_ITEM_SAVOIR, "S"), 0);
	assert_int_equal(cispref_item_set_concept(it, k), 0);
	assert_int_equal(cispref_referential_add_note(NULL, ref, "n", "1", "Note"), 0);
	assert_int_equal(cispref_domain_add_summary_entry(NULL, d, "d.sum.1", CISPREF_PLAN_JOINT,
	                                                  "Entrée", NULL),
	                 0);

	static const finding expected[] = {
		{"summary-no-competence", W, 0, "d.sum.1", NULL},
		{"plan-kind-not-allowed", E, 0, "d.j", NULL},
		{"competence-no-summary", W, 0, "c1", NULL},
		{"competence-list-empty", I, 0, "c1", NULL},
		{"concept-kind-mismatch", W, 0, "c1.sf.1", NULL},
		{"note-unused", I, 0, "n", NULL},
	};
	cispref_diagnostics *list = NULL;
	assert_int_equal(cispref_validate(&list, ref), CISPREF_OK);
	size_t n = sizeof expected / sizeof expected[0];
	if (cispref_diagnostics_count(list) != n) {
		print_diagnostics(list);
		fail_msg("%zu findings, expected %zu", cispref_diagnostics_count(list), n);
	}
	for (size_t i = 0; i < n; i++) {
		const cispref_diagnostic *diag = cispref_diagnostics_get(list, i);
		assert_string_equal(cispref_diagnostic_tag(diag), expected[i].tag);
		assert_int_equal(cispref_diagnostic_severity(diag), expected[i].severity);
		if (expected[i].node_id)
			assert_string_equal(cispref_diagnostic_node_id(diag), expected[i].node_id);
		else
			assert_null(cispref_diagnostic_node_id(diag));
		assert_null(cispref_diagnostic_file(diag));
		assert_int_equal(cispref_diagnostic_line(diag), 0);
		assert_int_equal(cispref_diagnostic_column(diag), 0);
	}
	assert_int_equal(cispref_diagnostics_count_severity(list, E), 1);
	assert_int_equal(cispref_diagnostics_count_severity(list, W), 3);
	assert_int_equal(cispref_diagnostics_count_severity(list, I), 2);
	cispref_diagnostics_free(list);

	/* fixing the model clears its findings; validating twice gives two lists */
	assert_int_equal(cispref_plan_set_kind(p, CISPREF_PLAN_INDIVIDUAL), 0);
	cispref_summary_entry *entry =
		cispref_referential_edit_summary_entry(ref, cispref_domain_summary_entry(d, 0));
	assert_int_equal(cispref_summary_entry_set_competence(entry, c), 0);
	/* the linked entry must also read like its competence and sit under its plan kind */
	assert_int_equal(cispref_summary_entry_set_text(entry, "C"), 0);
	assert_int_equal(cispref_summary_entry_set_plan_kind(entry, CISPREF_PLAN_INDIVIDUAL), 0);
	assert_int_equal(cispref_item_set_concept(it, NULL), 0);
	assert_int_equal(cispref_referential_remove_concept(ref, 0), 0);
	assert_int_equal(cispref_competence_add_note(c, cispref_referential_note(ref, 0)), 0);
	assert_int_equal(cispref_competence_add_item(NULL, c, "c1.sfc.1",
	                                             CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL, "Être"),
	                 0);
	assert_int_equal(cispref_competence_add_item(NULL, c, "c1.s.1", CISPREF_ITEM_SAVOIR, "Savoir"),
	                 0);
	cispref_diagnostics *again = NULL, *twice = NULL;
	assert_int_equal(cispref_validate(&again, ref), CISPREF_OK);
	assert_int_equal(cispref_validate(&twice, ref), CISPREF_OK);
	if (cispref_diagnostics_count(again) != 0) {
		print_diagnostics(again);
		fail_msg("the fixed model still has findings");
	}
	assert_int_equal(cispref_diagnostics_count(twice), 0);
	cispref_diagnostics_free(again);
	cispref_diagnostics_free(twice);
	cispref_referential_free(ref);
}

/* The embedded referential has no error; whatever it reports names its origin and a line. */
static void test_embedded(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	assert_int_equal(cispref_referential_load_default(&ref, NULL), CISPREF_OK);
	cispref_diagnostics *list = NULL;
	assert_int_equal(cispref_validate(&list, ref), CISPREF_OK);
	if (cispref_diagnostics_count_severity(list, E) != 0) {
		print_diagnostics(list);
		fail_msg("the embedded referential has errors");
	}
	size_t n = cispref_diagnostics_count(list);
	for (size_t i = 0; i < n; i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		assert_string_equal(cispref_diagnostic_file(d), CISPREF_DEFAULT_NAME);
		cispref_severity_t severity = E;
		assert_non_null(cispref_validator_tag_explain(&severity, cispref_diagnostic_tag(d)));
		assert_int_equal(severity, cispref_diagnostic_severity(d));
		if (cispref_diagnostic_node_id(d))
			assert_true(cispref_diagnostic_line(d) > 2);
	}
	assert_int_equal(cispref_diagnostics_count_severity(list, W) +
	                         cispref_diagnostics_count_severity(list, I),
	                 n);

	/* Exactly the source's own inconsistencies, each checked against the cahier's 3.1.2,
	 * 3.1.3 and 3.2: summary entries with no detail table (psy "Gérer la dynamique de
	 * groupe", peda "...gestion des problématiques d'apprentissage", sociopro "Soutenir
	 * la recherche de stage"), the second administrative table that no summary line names,
	 * the empty cells of the two last communication tables, the summary lines worded
	 * otherwise than their tables, listed in another order (peda, sociopro) or under
	 * individual/collective for the joint administrative table, and the competences
	 * whose "la-le" pairs use several separators. */
	static const struct {
		const char *tag;
		const char *id;
	} expected[] = {
		{"summary-no-competence", "psy.sum.7"},
		{"summary-no-competence", "peda.sum.4"},
		{"summary-no-competence", "sociopro.sum.2"},
		{"competence-no-summary", "admin.joint.2"},
		{"competence-list-empty", "com.ext.2"},
		{"competence-list-empty", "com.ext.3"},
		{"summary-text-differs", "psy.sum.1"},
		{"summary-text-differs", "psy.sum.2"},
		{"summary-text-differs", "psy.sum.3"},
		{"summary-text-differs", "psy.sum.5"},
		{"summary-text-differs", "peda.sum.1"},
		{"summary-text-differs", "peda.sum.2"},
		{"summary-text-differs", "peda.sum.3"},
		{"summary-text-differs", "peda.sum.5"},
		{"summary-text-differs", "sociopro.sum.3"},
		{"summary-text-differs", "sociopro.sum.4"},
		{"summary-text-differs", "sociopro.sum.5"},
		{"summary-text-differs", "admin.sum.1"},
		{"summary-text-differs", "admin.sum.2"},
		{"summary-text-differs", "com.sum.1"},
		{"summary-order-differs", "peda.sum.3"},
		{"summary-order-differs", "sociopro.sum.4"},
		{"summary-plan-differs", "admin.sum.1"},
		{"summary-plan-differs", "admin.sum.2"},
		{"inclusive-writing-mixed", "psy.ind.1"},
		{"inclusive-writing-mixed", "peda.ind.3"},
		{"inclusive-writing-mixed", "sociopro.ind.1"},
		{"inclusive-writing-mixed", "sociopro.ind.2"},
		{"inclusive-writing-mixed", "sociopro.ind.3"},
	};
	size_t count = sizeof expected / sizeof expected[0];
	if (n != count)
		print_diagnostics(list);
	assert_int_equal(n, count);
	for (size_t e = 0; e < count; e++) {
		int found = 0;
		for (size_t i = 0; i < n && !found; i++) {
			const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
			found = strcmp(cispref_diagnostic_tag(d), expected[e].tag) == 0 &&
			        strcmp(cispref_diagnostic_node_id(d), expected[e].id) == 0;
		}
		if (!found)
			fail_msg("no %s finding for %s", expected[e].tag, expected[e].id);
	}
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
}

/* A competence with @count savoirs; every tenth repeats the text of the first. */
static cispref_referential *many_items(size_t count)
{
	cispref_referential *ref = NULL;
	cispref_domain *d;
	cispref_plan *p;
	cispref_competence *c;
	char id[32], text[32];
	assert_int_equal(cispref_referential_new(&ref, "many", "Many"), CISPREF_OK);
	assert_int_equal(cispref_referential_add_domain(&d, ref, "d", CISPREF_DOMAIN_CORE, "D"), 0);
	assert_int_equal(cispref_domain_add_plan(&p, d, "d.i", CISPREF_PLAN_INDIVIDUAL, "I"), 0);
	assert_int_equal(cispref_plan_add_competence(&c, p, "c", "C"), 0);
	for (size_t i = 0; i < count; i++) {
		snprintf(id, sizeof id, "c.s.%zu", i);
		snprintf(text, sizeof text, "Savoir %zu", i % 10 == 9 ? (size_t)0 : i);
		assert_int_equal(cispref_competence_add_item(NULL, c, id, CISPREF_ITEM_SAVOIR, text), 0);
	}
	return ref;
}

static double seconds_to_validate(const cispref_referential *ref, size_t *duplicates)
{
	double best = 1e9;
	for (int run = 0; run < 3; run++) {
		cispref_diagnostics *list = NULL;
		struct timespec a, b;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a); /* not inflated by other processes */
		assert_int_equal(cispref_validate(&list, ref), CISPREF_OK);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
		double t = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
		best = t < best ? t : best;
		*duplicates = 0;
		for (size_t i = 0; i < cispref_diagnostics_count(list); i++)
			*duplicates += strcmp(cispref_diagnostic_tag(cispref_diagnostics_get(list, i)),
			                      "item-duplicate") == 0;
		cispref_diagnostics_free(list);
	}
	return best;
}

/* Every repeat names the first item with the text, and the check grows linearly with the
 * items of a list: 20 000 items take about ten times as long as 2 000 (comparing each item
 * with every earlier one took a hundred times as long). The bound is loose: this is the
 * difference between linear and quadratic, not a speed goal. */
static void test_item_duplicate_linear(void **state)
{
	(void)state;
	cispref_referential *small = many_items(2000), *large = many_items(20000);
	cispref_diagnostics *list = NULL;
	assert_int_equal(cispref_validate(&list, small), CISPREF_OK);
	size_t seen = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *diag = cispref_diagnostics_get(list, i);
		if (strcmp(cispref_diagnostic_tag(diag), "item-duplicate") != 0)
			continue;
		char expected[96];
		snprintf(expected, sizeof expected, "item 'c.s.%zu' repeats the text of item 'c.s.0'",
		         seen++ * 10 + 9);
		assert_string_equal(cispref_diagnostic_message(diag), expected);
	}
	assert_int_equal(seen, 200);
	cispref_diagnostics_free(list);
	size_t small_count, large_count;
	double small_time = seconds_to_validate(small, &small_count);
	double large_time = seconds_to_validate(large, &large_count);
	assert_int_equal(small_count, 200);
	assert_int_equal(large_count, 2000);
	if (large_time > 40 * (small_time > 1e-4 ? small_time : 1e-4))
		fail_msg("20 000 items: %.4f s, 2 000 items: %.4f s", large_time, small_time);
	cispref_referential_free(small);
	cispref_referential_free(large);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_concept_unknown),
		cmocka_unit_test(test_note_unknown),
		cmocka_unit_test(test_summary_competence_unknown),
		cmocka_unit_test(test_plan_kind_not_allowed),
		cmocka_unit_test(test_text_empty),
		cmocka_unit_test(test_section_number_duplicate),
		cmocka_unit_test(test_details_repeated),
		cmocka_unit_test(test_replacement_unknown),
		cmocka_unit_test(test_replacement_self),
		cmocka_unit_test(test_replacement_cycle),
		cmocka_unit_test(test_language_malformed),
		cmocka_unit_test(test_competence_note_repeated),
		cmocka_unit_test(test_competence_empty),
		cmocka_unit_test(test_item_duplicate),
		cmocka_unit_test(test_summary_no_competence),
		cmocka_unit_test(test_competence_no_summary),
		cmocka_unit_test(test_concept_kind_mismatch),
		cmocka_unit_test(test_plan_empty),
		cmocka_unit_test(test_note_ref_repeated),
		cmocka_unit_test(test_front_matter_whitespace),
		cmocka_unit_test(test_translation_outdated),
		cmocka_unit_test(test_competence_list_empty),
		cmocka_unit_test(test_summary_text_differs),
		cmocka_unit_test(test_summary_plan_differs),
		cmocka_unit_test(test_summary_order_differs),
		cmocka_unit_test(test_inclusive_writing_mixed),
		cmocka_unit_test(test_concept_unused),
		cmocka_unit_test(test_note_unused),
		cmocka_unit_test(test_every_tag_covered),
		cmocka_unit_test(test_tag_explain),
		cmocka_unit_test(test_invalid_arguments),
		cmocka_unit_test(test_built_in_c),
		cmocka_unit_test(test_item_duplicate_linear),
		cmocka_unit_test(test_embedded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
