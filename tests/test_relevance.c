/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Relevance of search on the embedded referential: French queries typed as people type
 * them (no accents, "oe" for "œ", plurals, elided articles, hyphens or none, inclusive
 * writing, stop words, capitals, typographic apostrophes), each with the hits a reader
 * expects. Every query asserts its recall (each expected id is found) and its false
 * positives (nothing else is), whatever the ranking.
 *
 * How the expected ids were counted: by reading the texts of the competence titles,
 * summary entries and items (and concept labels for the concept queries) of
 * data/accompagnement-cisp.xml, which keeps the texts of Part 3 of the cahier n°24
 * verbatim, with a case-insensitive grep per query for the forms a reader would accept
 * (written in the comment of each query), then checking each line by eye and against
 * the source text. Domain titles ("Accompagnement psycho-social") are not searched:
 * they are no titles, summary entries or items. Not from the library's output. */
#include "test_util.h"

typedef struct relevance_case {
	const char *query;
	unsigned fields; /* 0: the texts (the default) */
	const char *const *ids;
	size_t count;
} relevance_case;

#define CASE(query, ids) {query, 0, ids, N_ELEMENTS(ids)}
#define CONCEPTS(query, ids) {query, CISPREF_MASK(CISPREF_HIT_CONCEPT), ids, N_ELEMENTS(ids)}

/* /(œ|oe)uvre/: "Mettre en œuvre" once with the ligature, five times with "oe". */
static const char *const oeuvre[] = {
	"psy.ind.3.sf.1", "psy.ind.5.sf.8", "peda.ind.2.sf.8", "peda.col.1.sf.4",
	"peda.col.2.sf.3", "sociopro.col.1.sf.4"};
/* The two "Mettre en œuvre/oeuvre des partenariats adaptés"; no other text has mettre,
 * œuvre, partenariat and adapté together ("en" and "des" are stop words). */
static const char *const mettre_en_oeuvre[] = {"psy.ind.3.sf.1", "psy.ind.5.sf.8"};
/* /[ée]coute/: 13 "posture d'écoute active" (one with ’), 2 savoirs "L'écoute active";
 * all 15 also say "active". */
static const char *const ecoute[] = {
	"psy.ind.1.sfc.2", "psy.ind.2.sfc.2", "psy.ind.3.sfc.3", "psy.ind.4.sfc.3",
	"psy.ind.5.sfc.2", "peda.ind.1.sfc.3", "peda.ind.2.sfc.3", "peda.ind.3.sfc.3",
	"peda.ind.3.s.8", "peda.col.1.sfc.4", "peda.col.1.s.3", "peda.col.2.sfc.1",
	"sociopro.ind.1.sfc.2", "sociopro.ind.2.sfc.2", "sociopro.ind.3.sfc.2"};
/* /psycho-?soci(al|aux)/: psycho-social(es), psycho-sociaux, psychosocial(es); not
 * "psycho-socio-médicaux" (psy.sum.3, psy.ind.3, psy.ind.3.sf.3), whose second part is
 * "socio", nor "psychologie ... sociologie" (no word of the family of social). */
static const char *const psychosocial[] = {
	"psy.ind.2", "psy.ind.5", "com.int.1", "psy.sum.2", "psy.sum.5", "psy.ind.1.s.1",
	"psy.ind.3.s.2", "psy.ind.4.sf.4"};
/* /intervenant/: "intervenant-e-s" (psy.ind.2.sf.9) and "intervenant-e s" (psy.ind.5.sf.6,
 * a space for the second hyphen); the three "Intervenir dans les limites de sa
 * fonction" are a verb, not the people. */
static const char *const intervenants[] = {"psy.ind.2.sf.9", "psy.ind.5.sf.6"};
/* /entretiens?/: 10 items say "entretien", 5 "entretiens". */
static const char *const entretiens[] = {
	"psy.ind.1.s.3", "psy.ind.2.s.5", "psy.ind.3.sf.3", "psy.ind.3.s.1", "psy.ind.5.sf.1",
	"peda.ind.2.sf.4", "peda.ind.2.s.4", "peda.ind.3.sf.4", "peda.ind.3.sf.5",
	"peda.ind.3.s.4", "sociopro.ind.1.sf.3", "sociopro.ind.1.s.2", "sociopro.ind.2.s.4",
	"sociopro.ind.3.sf.2", "sociopro.ind.3.s.2"};
/* /[ée]valuations?/: 9 items and the summary entry peda.sum.1 ("les évaluations"); not
 * the verb "Evaluer", "évaluer" (peda.col.1.sf.4, sociopro.col.1.sf.4, com.ext.2.sf.3). */
static const char *const evaluations[] = {
	"peda.sum.1", "psy.ind.1.s.5", "psy.ind.2.sf.7", "psy.col.1.sf.4", "peda.ind.1.sf.1",
	"peda.ind.1.sf.2", "peda.ind.1.sf.3", "peda.ind.1.s.2", "peda.ind.1.s.3",
	"peda.ind.1.s.4"};
/* /num[ée]riques?/: 11 items, "numérique" or "numériques". */
static const char *const numerique[] = {
	"psy.ind.1.s.3", "psy.ind.2.sf.7", "psy.ind.3.s.3", "psy.col.1.sf.7", "peda.ind.1.s.3",
	"sociopro.ind.1.s.3", "sociopro.ind.2.s.5", "sociopro.ind.3.s.3", "admin.joint.2.s.1",
	"admin.joint.2.s.4", "com.int.1.s.6"};
/* /outils?/ and /adapt(é|ée|és|ées)/ in one text: "des outils adaptés" four times, and
 * "outils ... adaptés aux publics" twice; "les" is a stop word. */
static const char *const outils_adaptes[] = {
	"psy.ind.1.sf.1", "psy.ind.1.sf.2", "psy.ind.2.sf.1", "psy.ind.2.sf.2",
	"peda.ind.1.sf.1", "peda.ind.1.sf.2"};
/* /partenariats?/: not "partenaires" nor "partenariales" (another word). */
static const char *const partenariats[] = {
	"com.ext.2", "com.sum.3", "psy.ind.3.sf.1", "psy.ind.5.sf.8", "com.ext.1.sfc.6",
	"com.ext.2.sf.3"};
/* /partenaires?/ */
static const char *const partenaire[] = {"com.ext.1.sf.1", "com.ext.1.s.2", "com.ext.2.sf.2"};
/* /vie privée/: the two savoirs on privacy law. */
static const char *const vie_privee[] = {"psy.ind.2.s.2", "psy.ind.5.s.3"};
/* /techniques?/ and /entretiens?/ in one text. */
static const char *const techniques_entretien[] = {
	"psy.ind.1.s.3", "psy.ind.2.s.5", "psy.ind.3.s.1", "peda.ind.2.s.4", "peda.ind.3.s.4",
	"sociopro.ind.1.s.2", "sociopro.ind.2.s.4", "sociopro.ind.3.s.2"};
/* /compétences?/ and /transversales?/ in one text. */
static const char *const competences_transversales[] = {
	"psy.ind.1", "psy.sum.1", "psy.ind.1.sf.4", "psy.ind.2.sf.7", "sociopro.ind.2.sf.3"};
/* /dynamique/ and /groupe/: one title, two summary entries, four savoirs. */
static const char *const dynamique_groupe[] = {
	"peda.col.2", "psy.sum.7", "peda.sum.6", "psy.col.1.s.6", "peda.col.1.s.11",
	"peda.col.2.s.6", "sociopro.col.1.s.5"};
/* /autonomie/: 17 texts, "l'autonomie" or "d'autonomie" or "son autonomie". */
static const char *const autonomie[] = {
	"psy.ind.4", "psy.col.1", "psy.sum.4", "psy.sum.6", "psy.ind.1.sfc.4", "psy.ind.2.sfc.4",
	"psy.ind.3.sfc.6", "psy.ind.4.sf.5", "psy.ind.4.sfc.5", "psy.ind.5.sfc.4",
	"psy.col.1.sf.1", "psy.col.1.sfc.4", "peda.ind.1.sfc.4", "peda.ind.2.sfc.5",
	"peda.ind.3.sfc.5", "sociopro.ind.1.sfc.4", "sociopro.ind.2.sfc.4"};
/* /[ée]mancipation/ */
static const char *const emancipation[] = {
	"psy.ind.4", "psy.col.1", "psy.sum.4", "psy.sum.6", "psy.ind.4.s.7", "psy.col.1.sf.1"};
/* /r[ée]glementations?/: the five "Respecter les réglementations". */
static const char *const reglementations[] = {
	"sociopro.ind.3.sfc.4", "admin.joint.1.sfc.2", "admin.joint.2.sfc.1", "com.int.1.sfc.3",
	"com.ext.1.sfc.4"};
/* A query of stop words only still works, each word matching the beginning of words:
 * /(^|[^[:alpha:]])aux/, every text with "aux" or a word beginning with it (27). */
static const char *const aux[] = {
	"peda.col.1", "admin.joint.1", "com.ext.2", "peda.sum.5", "admin.sum.1", "com.sum.3",
	"psy.ind.1.sf.4", "psy.ind.3.sf.2", "psy.ind.3.sfc.1", "psy.ind.4.sf.6",
	"psy.col.1.sfc.7", "peda.ind.1.sf.1", "peda.ind.1.sf.2", "peda.ind.1.sfc.1",
	"peda.ind.2.sf.5", "peda.ind.2.s.2", "peda.ind.3.sf.3", "peda.col.1.sf.1",
	"peda.col.1.sf.3", "peda.col.1.s.6", "peda.col.2.sf.2", "sociopro.ind.1.sf.2",
	"sociopro.ind.1.s.1", "sociopro.col.1.sf.1", "admin.joint.1.sf.2", "com.ext.1.sf.1",
	"com.ext.3.sf.3"};

/* Concept labels (the <concept> elements), by the same greps. */
static const char *const concept_ecoute[] = {"c.ecoute-active", "c.savoir-ecoute-active"};
static const char *const concept_outils[] = {"c.elaborer-outils-adaptes",
                                             "c.utiliser-outils-adaptes"};
static const char *const concept_reglementations[] = {"c.reglementations"};
static const char *const concept_entretiens[] = {"c.techniques-entretien",
                                                 "c.entretiens-individuels"};
static const char *const concept_oeuvre[] = {"c.partenariats-adaptes", "c.evaluer-activites"};

static const relevance_case cases[] = {
	CASE("oeuvre", oeuvre),
	CASE("\xC5\x93uvre", oeuvre),                 /* œuvre */
	CASE("\xC5\x92UVRE", oeuvre),                 /* ŒUVRE */
	CASE("mettre en oeuvre des partenariats adaptés", mettre_en_oeuvre),
	CASE("l'écoute", ecoute),
	CASE("l\xE2\x80\x99" "ecoute", ecoute),       /* l’ecoute */
	CASE("l\xCA\xBC" "\xC3\x89" "COUTE", ecoute), /* lʼÉCOUTE, U+02BC */
	CASE("Ecoute Active", ecoute),
	CASE("d'ecoute active", ecoute),
	CASE("psychosocial", psychosocial),
	CASE("psycho-social", psychosocial),
	CASE("psycho social", psychosocial),
	CASE("Psycho-Sociaux", psychosocial),
	CASE("psychosociales", psychosocial),
	CASE("intervenants", intervenants),
	CASE("intervenant\xC2\xB7" "e\xC2\xB7" "s", intervenants), /* intervenant·e·s */
	CASE("Intervenant(e)s", intervenants),
	CASE("intervenante", intervenants),
	CASE("entretiens", entretiens),
	CASE("ENTRETIEN", entretiens),
	CASE("évaluations", evaluations),
	CASE("evaluation", evaluations),
	CASE("numerique", numerique),
	CASE("NUMÉRIQUES", numerique),
	CASE("les outils adaptés", outils_adaptes),
	CASE("outils adaptes", outils_adaptes),
	CASE("partenariats", partenariats),
	CASE("partenaire", partenaire),
	CASE("vie privee", vie_privee),
	CASE("techniques d'entretien", techniques_entretien),
	CASE("competences transversales", competences_transversales),
	CASE("la dynamique du groupe", dynamique_groupe),
	CASE("d'autonomie", autonomie),
	CASE("emancipation", emancipation),
	CASE("réglementation", reglementations),
	CASE("aux", aux),
	CONCEPTS("ecoute active", concept_ecoute),
	CONCEPTS("outils adaptes", concept_outils),
	CONCEPTS("reglementations", concept_reglementations),
	CONCEPTS("entretiens", concept_entretiens),
	CONCEPTS("oeuvre", concept_oeuvre),
};

static int in_list(const char *id, const char *const *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return 1;
	return 0;
}

static void check_case(const cispref_index *index, const relevance_case *c, char *report,
                       size_t size)
{
	cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
	options.fields = c->fields;
	cispref_results *results = NULL;
	cispref_error error = {0};
	if (cispref_search(&results, index, c->query, &options, &error) != CISPREF_OK) {
		snprintf(report, size, "\"%s\": %s", c->query, error.text);
		return;
	}
	size_t count = cispref_results_count(results), used = 0;
	report[0] = '\0';
	for (size_t i = 0; i < count; i++) { /* false positives */
		const char *id = cispref_hit_id(cispref_results_get(results, i));
		if (!in_list(id, c->ids, c->count))
			used += (size_t)snprintf(report + used, used < size ? size - used : 0,
			                         " +%s", id);
	}
	for (size_t k = 0; k < c->count; k++) { /* recall */
		int found = 0;
		for (size_t i = 0; i < count && !found; i++)
			found = strcmp(cispref_hit_id(cispref_results_get(results, i)), c->ids[k]) == 0;
		if (!found)
			used += (size_t)snprintf(report + used, used < size ? size - used : 0,
			                         " -%s", c->ids[k]);
	}
	if (used && used < size)
		snprintf(report + used, size - used, " (\"%s\", %zu hits)", c->query, count);
	cispref_results_free(results);
}

static void test_relevance(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_index *index = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	OK(cispref_index_new(&index, ref));
	assert_true(N_ELEMENTS(cases) >= 30);
	int failed = 0;
	for (size_t i = 0; i < N_ELEMENTS(cases); i++) {
		char report[1024];
		check_case(index, &cases[i], report, sizeof report);
		if (report[0]) {
			printf("case %zu:%s\n", i, report);
			failed++;
		}
	}
	cispref_index_free(index);
	cispref_referential_free(ref);
	if (failed)
		fail_msg("%d of %zu queries miss or add hits (- missed, + extra)", failed,
		         N_ELEMENTS(cases));
}

/* Concept hits: what they point to, and the filters that apply to them. */
static void test_concept_hits(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_index *index = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	OK(cispref_index_new(&index, ref));
	cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
	options.fields = CISPREF_SEARCH_ALL_FIELDS;
	cispref_results *r = NULL;
	OK(cispref_search(&r, index, "ecoute active", &options, NULL));
	/* the 15 items, then the 2 concepts last, in document order */
	assert_int_equal(cispref_results_count(r), 17);
	const cispref_hit *h = cispref_results_get(r, 15);
	assert_int_equal(cispref_hit_field(h), CISPREF_HIT_CONCEPT);
	assert_string_equal(cispref_hit_id(h), "c.ecoute-active");
	assert_ptr_equal(cispref_hit_concept(h), cispref_referential_find_concept(ref, "c.ecoute-active"));
	assert_string_equal(cispref_hit_text(h), "Adopter une posture d'écoute active");
	assert_string_equal(cispref_hit_path(h), "Adopter une posture d'écoute active");
	assert_null(cispref_hit_domain(h));
	assert_null(cispref_hit_plan(h));
	assert_null(cispref_hit_competence(h));
	assert_null(cispref_hit_item(h));
	assert_null(cispref_hit_concept(cispref_results_get(r, 0)));
	cispref_results_free(r);
	/* an item-kind mask keeps the concepts of that kind: c.savoir-ecoute-active */
	options.fields = CISPREF_MASK(CISPREF_HIT_CONCEPT);
	options.filter.item_kinds = CISPREF_MASK(S);
	OK(cispref_search(&r, index, "ecoute", &options, NULL));
	assert_int_equal(cispref_results_count(r), 1);
	assert_string_equal(cispref_hit_id(cispref_results_get(r, 0)), "c.savoir-ecoute-active");
	cispref_results_free(r);
	/* a concept is in no domain: a domain filter leaves every concept out */
	options.filter.item_kinds = 0;
	options.filter.domain_id = "psy";
	OK(cispref_search(&r, index, "ecoute", &options, NULL));
	assert_int_equal(cispref_results_count(r), 0);
	cispref_results_free(r);
	/* options of version 1 (no fields) search the texts */
	cispref_search_options v1 = CISPREF_SEARCH_OPTIONS_INIT;
	v1.version = 1;
	v1.fields = CISPREF_MASK(CISPREF_HIT_CONCEPT); /* not read */
	OK(cispref_search(&r, index, "ecoute", &v1, NULL));
	assert_int_equal(cispref_results_count(r), 15);
	cispref_results_free(r);
	cispref_index_free(index);
	cispref_referential_free(ref);
}

/* Ranking: exact word over stem over prefix within a field, the query word as typed
 * first. "entretiens": the five items that say "entretiens" before the ten that say
 * "entretien". */
static void test_ranking(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_index *index = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	OK(cispref_index_new(&index, ref));
	cispref_results *r = NULL;
	OK(cispref_search(&r, index, "entretiens", NULL, NULL));
	static const char *const plural[] = {"psy.ind.3.sf.3", "psy.ind.5.sf.1", "peda.ind.3.sf.4",
	                                     "sociopro.ind.1.sf.3", "sociopro.ind.3.sf.2"};
	assert_int_equal(cispref_results_count(r), 15);
	for (size_t i = 0; i < N_ELEMENTS(plural); i++)
		assert_true(in_list(cispref_hit_id(cispref_results_get(r, i)), plural, N_ELEMENTS(plural)));
	/* psy.ind.5.sf.1 says it three times: more matching words, first */
	assert_string_equal(cispref_hit_id(cispref_results_get(r, 0)), "psy.ind.5.sf.1");
	assert_int_equal(cispref_hit_matched_words(cispref_results_get(r, 0)), 3);
	cispref_results_free(r);
	/* "les outils adaptés": a text with "les" as well ranks first among equals:
	 * none has it here but peda.ind.1.s.3 ("Les différents outils"), which lacks adapté */
	OK(cispref_search(&r, index, "les outils adaptés", NULL, NULL));
	assert_string_equal(cispref_hit_id(cispref_results_get(r, 0)), "psy.ind.1.sf.1");
	cispref_results_free(r);
	cispref_index_free(index);
	cispref_referential_free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relevance),
		cmocka_unit_test(test_concept_hits),
		cmocka_unit_test(test_ranking),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
