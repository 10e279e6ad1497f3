/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The positioning document (doc/positioning.md): reading, writing, the builder, the
 * validator's findings with their lines, the levels, the coverage and the training
 * needs of a team of four counted by hand, and hostile inputs. */
#include <unistd.h>

#include "test_util.h"

/* ---- the fixture team, counted by hand ------------------------------------------
 *
 * tests/fixtures/positioning-team.xml: four persons rating the embedded referential
 * (21 competences, 333 items), default scale (no <scale>: decouverte, developpement,
 * maitrise*, expertise*; * = proficient). The items and their concepts, from
 * data/accompagnement-cisp.xml:
 *   psy.ind.1 (14 items): sf.1 -> c.elaborer-outils-adaptes, sfc.2 -> c.ecoute-active
 *   psy.ind.2: sfc.2 -> c.ecoute-active, s.5 -> c.techniques-entretien
 *   psy.ind.3: s.1 -> c.techniques-entretien
 *   psy.ind.5: s.1 (no concept)
 *   peda.ind.2: sfc.3 -> c.ecoute-active
 *   com.ext.3 (3 items): sf.1, sf.2 (no concept), sf.3 -> c.reunions-equipe
 *
 * Levels per person (own rating wins; else derived from rated items; items without a
 * rating take their competence's own rating):
 *   p01: psy.ind.1 maitrise (own, proficient); psy.ind.2 developpement (its one rated
 *        item); com.ext.3 developpement (own) and its items: sf.1 maitrise (own), sf.2
 *        and sf.3 developpement (inherited). Gaps: psy.ind.2.sfc.2, com.ext.3.sf.2,
 *        com.ext.3.sf.3.
 *   p02: psy.ind.1 derived from sfc.2 maitrise and sf.1 expertise: proficient, level
 *        maitrise (the lowest), share 2/14; psy.ind.3 decouverte (s.1); psy.ind.5
 *        developpement (s.1). Gaps: psy.ind.3.s.1, psy.ind.5.s.1.
 *   p03: psy.ind.3.s.1 rated developpement (2026-01-10) then maitrise (2026-03-01): the
 *        later counts, so psy.ind.3 is proficient; peda.ind.2 developpement; com.ext.3
 *        decouverte (sf.2). Gaps: peda.ind.2.sfc.3, com.ext.3.sf.2.
 *   p04: psy.ind.2 decouverte (sfc.2 decouverte, s.5 developpement: the lowest);
 *        psy.ind.3 expertise (own, proficient) while its item s.1 is developpement.
 *        Gaps: psy.ind.2.sfc.2, psy.ind.2.s.5, psy.ind.3.s.1.
 *
 * Coverage: psy.ind.1 by p01, p02; psy.ind.3 by p03, p04; the 19 other competences by
 * nobody.
 *
 * Needs (gaps grouped by concept, an item without one alone):
 *   c.ecoute-active        p01 p03 p04 (3)  psy.ind.2 peda.ind.2 (2)
 *   c.techniques-entretien p02 p04     (2)  psy.ind.2 psy.ind.3  (2)
 *   com.ext.3.sf.2         p01 p03     (2)  com.ext.3            (1)
 *   c.reunions-equipe      p01         (1)  com.ext.3            (1)
 *   psy.ind.5.s.1          p02         (1)  psy.ind.5            (1)
 * ranked by persons, then competences, then id: the last two tie on (1, 1) and
 * "c.reunions-equipe" < "psy.ind.5.s.1" in byte order. */

typedef struct world {
	cispref_referential *ref;
	cispref_positioning *team;
} world;

static int setup(void **state)
{
	world *w = calloc(1, sizeof *w);
	if (!w || cispref_referential_load_default(&w->ref, NULL) != CISPREF_OK ||
	    cispref_positioning_load_file(&w->team, fixture("positioning-team.xml"), NULL,
	                                  NULL) != CISPREF_OK)
		return -1;
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	world *w = *state;
	cispref_positioning_free(w->team);
	cispref_referential_free(w->ref);
	free(w);
	return 0;
}

static void test_fixture_read(void **state)
{
	world *w = *state;
	const cispref_positioning *t = w->team;
	assert_string_equal(cispref_positioning_referential_id(t), "cisp-accompagnement");
	assert_string_equal(cispref_positioning_edition(t), "2020");
	assert_string_equal(cispref_positioning_origin(t), fixture("positioning-team.xml"));
	/* no <scale>: the default French scale, proficient from maîtrisé */
	assert_int_equal(cispref_positioning_level_count(t), 4);
	static const char *const labels[] = {"à découvrir", "en développement", "maîtrisé",
	                                     "expert·e"};
	for (size_t i = 0; i < 4; i++) {
		const cispref_level *l = cispref_positioning_level(t, i);
		assert_string_equal(cispref_level_label(l), labels[i]);
		assert_int_equal(cispref_level_proficient(l), i >= 2);
		assert_int_equal(cispref_level_rank(l), i);
	}
	assert_int_equal(cispref_positioning_person_count(t), 4);
	const cispref_person *p02 = cispref_positioning_person(t, 1);
	assert_string_equal(cispref_person_id(p02), "p02");
	assert_string_equal(cispref_person_name(p02), "Benoît");
	assert_null(cispref_person_role(p02));
	assert_null(cispref_person_name(cispref_positioning_find_person(t, "p03")));
	assert_int_equal(cispref_positioning_rating_count(t), 16);
	const cispref_rating *r = cispref_positioning_rating(t, 14);
	assert_string_equal(cispref_rating_target(r), "psy.ind.3");
	assert_int_equal(cispref_rating_source(r), CISPREF_RATING_SOURCE_PEER);
	assert_string_equal(cispref_rating_comment(r), "Observée en entretien & en groupe");
	assert_null(cispref_rating_date(r));
	assert_string_equal(cispref_rating_date(cispref_positioning_rating(t, 0)), "2026-03-02");
}

static void test_fixture_valid(void **state)
{
	world *w = *state;
	cispref_diagnostics *d = NULL;
	OK(cispref_positioning_validate(&d, w->team, w->ref));
	assert_int_equal(cispref_diagnostics_count(d), 0);
	cispref_diagnostics_free(d);
}

static void test_levels(void **state)
{
	world *w = *state;
	const cispref_level *l = NULL;
	double share = -1;
	/* two dated ratings: the later (maîtrisé) counts */
	OK(cispref_positioning_rated_level(&l, w->team, "p03", "psy.ind.3.s.1"));
	assert_string_equal(cispref_level_id(l), "maitrise");
	assert_int_equal(cispref_positioning_rated_level(&l, w->team, "p03", "psy.ind.1"),
	                 CISPREF_ENOTFOUND);
	/* derived: every rated item proficient, the lowest is maîtrisé, 2 of 14 items */
	OK(cispref_positioning_competence_level(&l, &share, w->team, w->ref, "p02", "psy.ind.1"));
	assert_string_equal(cispref_level_id(l), "maitrise");
	assert_true(share > 2.0 / 14 - 1e-9 && share < 2.0 / 14 + 1e-9);
	/* own rating wins over the items; the share still counts the items: 1 of 3 */
	OK(cispref_positioning_competence_level(&l, &share, w->team, w->ref, "p01", "com.ext.3"));
	assert_string_equal(cispref_level_id(l), "developpement");
	assert_true(share > 1.0 / 3 - 1e-9 && share < 1.0 / 3 + 1e-9);
	/* the lowest rated item */
	OK(cispref_positioning_competence_level(&l, NULL, w->team, w->ref, "p04", "psy.ind.2"));
	assert_string_equal(cispref_level_id(l), "decouverte");
	/* nothing rated */
	OK(cispref_positioning_competence_level(&l, &share, w->team, w->ref, "p03", "psy.ind.1"));
	assert_null(l);
	assert_true(share == 0.0);
	assert_int_equal(cispref_positioning_competence_level(&l, NULL, w->team, w->ref, "p01",
	                                                      "psy.ind.1.sf.1"),
	                 CISPREF_ENOTFOUND);
	assert_int_equal(cispref_positioning_competence_level(&l, NULL, w->team, w->ref, "p99",
	                                                      "psy.ind.1"),
	                 CISPREF_ENOTFOUND);
}

static size_t competence_index(const cispref_coverage *cov, const char *id)
{
	for (size_t c = 0; c < cispref_coverage_count(cov); c++)
		if (strcmp(cispref_competence_id(cispref_coverage_competence(cov, c)), id) == 0)
			return c;
	fail_msg("no competence %s", id);
	return 0;
}

static void test_coverage(void **state)
{
	world *w = *state;
	cispref_coverage *cov = NULL;
	OK(cispref_coverage_new(&cov, w->team, w->ref));
	assert_int_equal(cispref_coverage_count(cov), 21);
	assert_int_equal(cispref_coverage_uncovered_count(cov), 19);
	size_t total = 0;
	for (size_t c = 0; c < 21; c++)
		total += cispref_coverage_person_count(cov, c);
	assert_int_equal(total, 4);
	size_t c = competence_index(cov, "psy.ind.1");
	assert_int_equal(cispref_coverage_person_count(cov, c), 2);
	assert_string_equal(cispref_person_id(cispref_coverage_person(cov, c, 0)), "p01");
	assert_string_equal(cispref_person_id(cispref_coverage_person(cov, c, 1)), "p02");
	assert_null(cispref_coverage_person(cov, c, 2));
	assert_string_equal(cispref_level_id(cispref_coverage_level(cov, c, 1)), "maitrise");
	assert_null(cispref_coverage_level(cov, c, 2));
	c = competence_index(cov, "psy.ind.3");
	assert_int_equal(cispref_coverage_person_count(cov, c), 2);
	assert_string_equal(cispref_person_id(cispref_coverage_person(cov, c, 0)), "p03");
	assert_string_equal(cispref_person_id(cispref_coverage_person(cov, c, 1)), "p04");
	assert_string_equal(cispref_level_id(cispref_coverage_level(cov, c, 1)), "decouverte");
	c = competence_index(cov, "psy.ind.2");
	assert_int_equal(cispref_coverage_person_count(cov, c), 0);
	assert_string_equal(cispref_level_id(cispref_coverage_level(cov, c, 3)), "decouverte");
	c = competence_index(cov, "com.ext.3");
	assert_string_equal(cispref_level_id(cispref_coverage_level(cov, c, 0)), "developpement");
	cispref_coverage_free(cov);
}

static void test_gaps(void **state)
{
	world *w = *state;
	const cispref_item *items[8];
	size_t n = 0;
	OK(cispref_positioning_gaps(items, 8, &n, w->team, w->ref, "p04"));
	assert_int_equal(n, 3);
	assert_string_equal(cispref_item_id(items[0]), "psy.ind.2.sfc.2");
	assert_string_equal(cispref_item_id(items[1]), "psy.ind.2.s.5");
	assert_string_equal(cispref_item_id(items[2]), "psy.ind.3.s.1");
	/* inherited from com.ext.3's own rating, except sf.1 rated maîtrisé */
	OK(cispref_positioning_gaps(items, 1, &n, w->team, w->ref, "p01"));
	assert_int_equal(n, 3);
	assert_string_equal(cispref_item_id(items[0]), "psy.ind.2.sfc.2");
	OK(cispref_positioning_gaps(NULL, 0, &n, w->team, w->ref, "p03"));
	assert_int_equal(n, 2);
	assert_int_equal(cispref_positioning_gaps(NULL, 0, &n, w->team, w->ref, "nobody"),
	                 CISPREF_ENOTFOUND);
}

typedef struct need_row {
	const char *id;
	const char *persons[4];
	const char *competences[3];
} need_row;

static void check_needs(const cispref_needs *needs, const need_row *rows, size_t count)
{
	assert_int_equal(cispref_needs_count(needs), count);
	for (size_t i = 0; i < count; i++) {
		assert_string_equal(cispref_needs_id(needs, i), rows[i].id);
		size_t np = 0, nc = 0;
		while (np < 4 && rows[i].persons[np])
			np++;
		while (nc < 3 && rows[i].competences[nc])
			nc++;
		assert_int_equal(cispref_needs_person_count(needs, i), np);
		assert_int_equal(cispref_needs_competence_count(needs, i), nc);
		for (size_t k = 0; k < np; k++)
			assert_string_equal(cispref_person_id(cispref_needs_person(needs, i, k)),
			                    rows[i].persons[k]);
		for (size_t k = 0; k < nc; k++)
			assert_string_equal(cispref_competence_id(cispref_needs_competence(needs, i, k)),
			                    rows[i].competences[k]);
	}
}

static void test_needs_team(void **state)
{
	world *w = *state;
	static const need_row want[] = {
		{"c.ecoute-active", {"p01", "p03", "p04"}, {"psy.ind.2", "peda.ind.2"}},
		{"c.techniques-entretien", {"p02", "p04"}, {"psy.ind.2", "psy.ind.3"}},
		{"com.ext.3.sf.2", {"p01", "p03"}, {"com.ext.3"}},
		{"c.reunions-equipe", {"p01"}, {"com.ext.3"}},
		{"psy.ind.5.s.1", {"p02"}, {"psy.ind.5"}},
	};
	cispref_needs *needs = NULL;
	OK(cispref_needs_new(&needs, w->team, w->ref, NULL));
	check_needs(needs, want, N_ELEMENTS(want));
	assert_non_null(cispref_needs_concept(needs, 0));
	assert_string_equal(cispref_needs_label(needs, 0),
	                    cispref_concept_label(cispref_needs_concept(needs, 0)));
	assert_null(cispref_needs_concept(needs, 2)); /* an item with no concept */
	assert_string_equal(cispref_needs_label(needs, 2), "Identifier les informations pertinentes à promouvoir");
	cispref_needs_free(needs);
}

static void test_needs_person(void **state)
{
	world *w = *state;
	/* p04 alone: techniques-entretien in two competences, écoute active in one */
	static const need_row want[] = {
		{"c.techniques-entretien", {"p04"}, {"psy.ind.2", "psy.ind.3"}},
		{"c.ecoute-active", {"p04"}, {"psy.ind.2"}},
	};
	cispref_needs *needs = NULL;
	OK(cispref_needs_new(&needs, w->team, w->ref, "p04"));
	check_needs(needs, want, N_ELEMENTS(want));
	cispref_needs_free(needs);
	assert_int_equal(cispref_needs_new(&needs, w->team, w->ref, "p99"), CISPREF_ENOTFOUND);
}

/* ---- validation: every finding, with its line ----------------------------------- */

static void test_diagnostics(void **state)
{
	world *w = *state;
	cispref_positioning *pos = NULL;
	OK(cispref_positioning_load_file(&pos, fixture("positioning-diagnostics.xml"), NULL, NULL));
	cispref_diagnostics *d = NULL;
	OK(cispref_positioning_validate(&d, pos, w->ref));
	/* lines of tests/fixtures/positioning-diagnostics.xml */
	static const struct {
		const char *tag;
		cispref_severity_t severity;
		unsigned long line;
		const char *node;
	} want[] = {
		{"positioning-referential-mismatch", CISPREF_SEVERITY_WARNING, 3, NULL},
		{"positioning-duplicate-level", CISPREF_SEVERITY_ERROR, 7, "low"},
		{"positioning-duplicate-person", CISPREF_SEVERITY_ERROR, 11, "p01"},
		{"positioning-unknown-person", CISPREF_SEVERITY_ERROR, 15, "p09"},
		{"positioning-unknown-target", CISPREF_SEVERITY_ERROR, 16, "no.such.target"},
		{"positioning-unknown-level", CISPREF_SEVERITY_ERROR, 17, "medium"},
		{"positioning-duplicate-rating", CISPREF_SEVERITY_ERROR, 18, "psy.ind.1"},
	};
	assert_int_equal(cispref_diagnostics_count(d), N_ELEMENTS(want));
	for (size_t i = 0; i < N_ELEMENTS(want); i++) {
		const cispref_diagnostic *g = cispref_diagnostics_get(d, i);
		assert_string_equal(cispref_diagnostic_tag(g), want[i].tag);
		assert_int_equal(cispref_diagnostic_severity(g), want[i].severity);
		assert_int_equal(cispref_diagnostic_line(g), want[i].line);
		assert_string_equal(cispref_diagnostic_file(g), fixture("positioning-diagnostics.xml"));
		if (want[i].node)
			assert_string_equal(cispref_diagnostic_node_id(g), want[i].node);
	}
	/* the mismatch names both referentials and both editions */
	const char *m = cispref_diagnostic_message(cispref_diagnostics_get(d, 0));
	assert_non_null(strstr(m, "other-referential"));
	assert_non_null(strstr(m, "2019"));
	assert_non_null(strstr(m, "cisp-accompagnement"));
	assert_non_null(strstr(m, "2020"));
	cispref_diagnostics_free(d);
	cispref_positioning_free(pos);
}

static void test_no_proficient_level(void **state)
{
	world *w = *state;
	static const char doc[] =
		"<positioning xmlns=\"urn:cispref:positioning\" format-version=\"1\"\n"
		" referential=\"cisp-accompagnement\"><scale>\n"
		"<level id=\"a\" label=\"A\" proficient=\"0\"/></scale></positioning>";
	cispref_positioning *pos = NULL;
	OK(cispref_positioning_load_memory(&pos, doc, sizeof doc - 1, NULL, NULL, NULL));
	cispref_diagnostics *d = NULL;
	OK(cispref_positioning_validate(&d, pos, w->ref));
	assert_int_equal(cispref_diagnostics_count(d), 1);
	assert_string_equal(cispref_diagnostic_tag(cispref_diagnostics_get(d, 0)),
	                    "positioning-no-proficient-level");
	/* the root's line is where its start tag ends */
	assert_int_equal(cispref_diagnostic_line(cispref_diagnostics_get(d, 0)), 2);
	cispref_diagnostics_free(d);
	cispref_positioning_free(pos);
}

/* ---- writing and building ------------------------------------------------------- */

static void test_round_trip(void **state)
{
	world *w = *state;
	char dir[] = "/tmp/cispref-positioning-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/team.xml", dir);
	OK(cispref_positioning_save(w->team, path, NULL));
	cispref_positioning *again = NULL;
	OK(cispref_positioning_load_file(&again, path, NULL, NULL));
	char *a = NULL, *b = NULL;
	OK(cispref_positioning_write_buffer(&a, NULL, w->team, NULL));
	OK(cispref_positioning_write_buffer(&b, NULL, again, NULL));
	assert_string_equal(a, b);
	/* the scale is written out */
	assert_non_null(strstr(a, "<level id=\"expertise\" label=\"expert·e\" proficient=\"true\"/>"));
	assert_non_null(strstr(a, "comment=\"Observée en entretien &amp; en groupe\""));
	/* a failed save leaves the file as it was */
	char bad[300];
	snprintf(bad, sizeof bad, "%s/missing/team.xml", dir);
	cispref_error error;
	assert_int_equal(cispref_positioning_save(w->team, bad, &error), CISPREF_EIO);
	cispref_buffer_free(a);
	cispref_buffer_free(b);
	cispref_positioning_free(again);
	unlink(path);
	rmdir(dir);
}

/* From a pipe (read to its end, the descriptor left open) and from a stream: the same
 * document as from the file; a broken document read from a stream is named as asked and
 * located by line and column. */
static void test_load_fd_stream(void **state)
{
	world *w = *state;
	size_t size = 0;
	char *bytes = read_whole_file(fixture("positioning-team.xml"), &size);
	char *expected = NULL, *got = NULL;
	OK(cispref_positioning_write_buffer(&expected, NULL, w->team, NULL));

	FILE *tmp = tmpfile();
	assert_non_null(tmp);
	assert_int_equal(fwrite(bytes, 1, size, tmp), size);
	rewind(tmp);
	cispref_positioning *pos = NULL;
	OK(cispref_positioning_load_fd(&pos, fileno(tmp), "team via fd", NULL, NULL));
	assert_string_equal(cispref_positioning_origin(pos), "team via fd");
	OK(cispref_positioning_write_buffer(&got, NULL, pos, NULL));
	assert_string_equal(got, expected);
	cispref_buffer_free(got);
	cispref_positioning_free(pos);
	rewind(tmp);
	OK(cispref_positioning_load_stream(&pos, tmp, NULL, NULL, NULL));
	OK(cispref_positioning_write_buffer(&got, NULL, pos, NULL));
	assert_string_equal(got, expected);
	cispref_buffer_free(got);
	cispref_positioning_free(pos);
	fclose(tmp);

	static const char broken[] = "<positioning xmlns=\"urn:cispref:positioning\"\n"
	                             " format-version=\"1\" referential=\"r\">\n<person/>";
	FILE *in = fmemopen((void *)broken, sizeof broken - 1, "r");
	assert_non_null(in);
	cispref_error error = {0};
	pos = NULL;
	assert_int_not_equal(cispref_positioning_load_stream(&pos, in, "team.xml", NULL, &error), 0);
	assert_null(pos);
	assert_string_equal(error.source, "team.xml");
	assert_int_equal(error.line, 3);
	assert_true(error.column > 0);
	fclose(in);
	cispref_buffer_free(expected);
	free(bytes);
}

/* The exports written to a file hold what the exports in memory hold; a failed write
 * leaves the file there as it was. */
static void test_export_paths(void **state)
{
	world *w = *state;
	char dir[] = "/tmp/cispref-positioning-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256], bad[300];
	snprintf(path, sizeof path, "%s/out.csv", dir);
	snprintf(bad, sizeof bad, "%s/missing/out.csv", dir);
	cispref_coverage *cov = NULL;
	cispref_needs *needs = NULL;
	OK(cispref_coverage_new(&cov, w->team, w->ref));
	OK(cispref_needs_new(&needs, w->team, w->ref, NULL));
	char *mem = NULL, *file = NULL;
	size_t mem_size = 0, file_size = 0;

	OK(cispref_coverage_export(&mem, &mem_size, cov, CISPREF_TEAM_FORMAT_JSON, 0, NULL));
	OK(cispref_coverage_export_path(path, cov, CISPREF_TEAM_FORMAT_JSON, 0, NULL));
	file = read_whole_file(path, &file_size);
	assert_int_equal(file_size, mem_size);
	assert_memory_equal(file, mem, mem_size);
	free(file);
	cispref_buffer_free(mem);

	OK(cispref_needs_export(&mem, &mem_size, needs, CISPREF_TEAM_FORMAT_CSV_EXCEL_FR, 0, NULL));
	OK(cispref_needs_export_path(path, needs, CISPREF_TEAM_FORMAT_CSV_EXCEL_FR, 0, NULL));
	file = read_whole_file(path, &file_size);
	assert_int_equal(file_size, mem_size);
	assert_memory_equal(file, mem, mem_size);
	free(file);
	cispref_buffer_free(mem);

	OK(cispref_positioning_export_ratings(&mem, &mem_size, w->team, CISPREF_TEAM_FORMAT_CSV,
	                                      CISPREF_TEAM_ANONYMIZE, NULL));
	OK(cispref_positioning_export_ratings_path(path, w->team, CISPREF_TEAM_FORMAT_CSV,
	                                           CISPREF_TEAM_ANONYMIZE, NULL));
	file = read_whole_file(path, &file_size);
	assert_int_equal(file_size, mem_size);
	assert_memory_equal(file, mem, mem_size);
	free(file);

	/* a bad format fails before the file is touched */
	assert_int_equal(cispref_coverage_export_path(path, cov, (cispref_team_format_t)7, 0, NULL),
	                 CISPREF_EARG);
	file = read_whole_file(path, &file_size);
	assert_memory_equal(file, mem, mem_size);
	free(file);
	cispref_buffer_free(mem);
	cispref_error error = {0};
	assert_int_equal(cispref_needs_export_path(bad, needs, CISPREF_TEAM_FORMAT_JSON, 0, &error),
	                 CISPREF_EIO);
	assert_non_null(strstr(error.text, "No such file or directory"));

	cispref_needs_free(needs);
	cispref_coverage_free(cov);
	unlink(path);
	rmdir(dir);
}

static void test_builder(void **state)
{
	(void)state;
	cispref_positioning *pos = NULL;
	assert_int_equal(cispref_positioning_new(&pos, "not an id", NULL), CISPREF_EARG);
	OK(cispref_positioning_new(&pos, "cisp-accompagnement", "2020"));
	OK(cispref_positioning_use_default_scale(pos));
	assert_int_equal(cispref_positioning_use_default_scale(pos), CISPREF_EEXISTS);
	assert_int_equal(cispref_positioning_add_level(pos, "maitrise", "x", 1), CISPREF_EEXISTS);
	OK(cispref_positioning_add_person(pos, "p1", NULL, NULL));
	assert_int_equal(cispref_positioning_add_person(pos, "p1", "Other", NULL), CISPREF_EEXISTS);
	OK(cispref_positioning_add_rating(pos, "p1", "psy.ind.1", "maitrise", "2026-02-28",
	                                  CISPREF_RATING_SOURCE_SELF, NULL));
	/* one rating per person, target, date and source */
	assert_int_equal(cispref_positioning_add_rating(pos, "p1", "psy.ind.1", "expertise",
	                                                "2026-02-28", CISPREF_RATING_SOURCE_SELF,
	                                                NULL),
	                 CISPREF_EEXISTS);
	OK(cispref_positioning_add_rating(pos, "p1", "psy.ind.1", "expertise", "2026-02-28",
	                                  CISPREF_RATING_SOURCE_PEER, NULL));
	assert_int_equal(cispref_positioning_add_rating(pos, "p2", "psy.ind.1", "maitrise", NULL,
	                                                CISPREF_RATING_SOURCE_NONE, NULL),
	                 CISPREF_ENOTFOUND);
	assert_int_equal(cispref_positioning_add_rating(pos, "p1", "psy.ind.1", "bof", NULL,
	                                                CISPREF_RATING_SOURCE_NONE, NULL),
	                 CISPREF_ENOTFOUND);
	/* 2026 is not a leap year */
	assert_int_equal(cispref_positioning_add_rating(pos, "p1", "psy.ind.1", "maitrise",
	                                                "2026-02-29", CISPREF_RATING_SOURCE_NONE,
	                                                NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_positioning_rating_count(pos), 2);
	cispref_positioning_free(pos);
}

static size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* ---- exports -------------------------------------------------------------------- */

static void test_exports(void **state)
{
	world *w = *state;
	cispref_coverage *cov = NULL;
	cispref_needs *needs = NULL;
	OK(cispref_coverage_new(&cov, w->team, w->ref));
	OK(cispref_needs_new(&needs, w->team, w->ref, NULL));
	char *s = NULL;
	OK(cispref_coverage_export(&s, NULL, cov, CISPREF_TEAM_FORMAT_JSON, 0, NULL));
	assert_non_null(strstr(s, "\"name\": \"Awa\""));
	cispref_buffer_free(s);
	OK(cispref_coverage_export(&s, NULL, cov, CISPREF_TEAM_FORMAT_JSON, CISPREF_TEAM_ANONYMIZE,
	                           NULL));
	assert_null(strstr(s, "Awa"));
	assert_null(strstr(s, "Benoît"));
	cispref_buffer_free(s);
	OK(cispref_coverage_export(&s, NULL, cov, CISPREF_TEAM_FORMAT_CSV, 0, NULL));
	/* header: four columns then one per person, named */
	static const char header[] = "\"competence\",\"title\",\"proficient_count\",\"proficient\","
	                             "\"Awa\",\"Benoît\",\"p03\",\"p04\"\r\n";
	assert_memory_equal(s, header, sizeof header - 1);
	cispref_buffer_free(s);
	OK(cispref_needs_export(&s, NULL, needs, CISPREF_TEAM_FORMAT_CSV, CISPREF_TEAM_ANONYMIZE,
	                        NULL));
	assert_non_null(strstr(s, "\"1\",\"c.ecoute-active\",\"concept\","));
	assert_non_null(strstr(s, "\"p01; p03; p04\",\"psy.ind.2; peda.ind.2\"\r\n"));
	cispref_buffer_free(s);
	OK(cispref_needs_export(&s, NULL, needs, CISPREF_TEAM_FORMAT_CSV_EXCEL_FR, 0, NULL));
	assert_true(strncmp(s, "\xEF\xBB\xBF\"rank\";", 10) == 0);
	assert_non_null(strstr(s, "\"Awa; p03; p04\""));
	cispref_buffer_free(s);
	cispref_needs_free(needs);
	cispref_coverage_free(cov);
	/* the ratings: a header and 16 rows; anonymised, no name and no comment */
	OK(cispref_positioning_export_ratings(&s, NULL, w->team, CISPREF_TEAM_FORMAT_CSV, 0, NULL));
	assert_int_equal(count(s, "\r\n"), 17);
	assert_non_null(strstr(s, "\"p04\",\"p04\",\"psy.ind.3\",\"expertise\",\"\",\"peer\","
	                          "\"Observée en entretien & en groupe\"\r\n"));
	cispref_buffer_free(s);
	OK(cispref_positioning_export_ratings(&s, NULL, w->team, CISPREF_TEAM_FORMAT_JSON,
	                                      CISPREF_TEAM_ANONYMIZE, NULL));
	assert_null(strstr(s, "Awa"));
	assert_null(strstr(s, "Observée"));
	assert_int_equal(count(s, "\"target\": "), 16);
	cispref_buffer_free(s);
}

/* ---- grids and matrices -------------------------------------------------------- */

static void test_render_html(void **state)
{
	world *w = *state;
	char *html = NULL;
	/* blank, on the default scale: 333 items x 4 levels, nothing ticked, 21 tables */
	OK(cispref_team_render(&html, NULL, CISPREF_TEAM_RENDER_GRID, CISPREF_RENDER_HTML, NULL,
	                       w->ref, NULL, 0, NULL));
	assert_int_equal(count(html, "\xE2\x98\x90"), 333 * 4);
	assert_int_equal(count(html, "\xE2\x98\x92"), 0);
	assert_int_equal(count(html, "<table>"), 21);
	assert_int_equal(count(html, "<th>expert·e</th>"), 21);
	assert_non_null(strstr(html, "Date : "));
	/* each competence's table is kept on one page (a short one) */
	assert_int_equal(count(html, "<section class=\"grid\""), 21);
	cispref_buffer_free(html);
	/* p01's: psy.ind.1 (14 items, from its own rating), psy.ind.2.sfc.2, com.ext.3's three
	 * items: 18 ticks, the name filled in */
	OK(cispref_team_render(&html, NULL, CISPREF_TEAM_RENDER_GRID, CISPREF_RENDER_HTML, w->team,
	                       w->ref, "p01", 0, NULL));
	assert_int_equal(count(html, "\xE2\x98\x92"), 18);
	assert_non_null(strstr(html, "<span class=\"name\">Awa</span>"));
	/* the date field: p01's latest dated rating */
	assert_non_null(strstr(html, "<span class=\"date\">2026-03-02</span>"));
	cispref_buffer_free(html);
	OK(cispref_team_render(&html, NULL, CISPREF_TEAM_RENDER_GRID, CISPREF_RENDER_HTML, w->team,
	                       w->ref, "p01", CISPREF_TEAM_ANONYMIZE, NULL));
	assert_null(strstr(html, "Awa"));
	assert_non_null(strstr(html, "<span class=\"name\">p01</span>"));
	cispref_buffer_free(html);
	/* the matrix: 21 rows, 19 marked, a column per person */
	OK(cispref_team_render(&html, NULL, CISPREF_TEAM_RENDER_COVERAGE, CISPREF_RENDER_HTML,
	                       w->team, w->ref, NULL, 0, NULL));
	assert_int_equal(count(html, "<tr class=\"uncovered\">"), 19);
	assert_int_equal(count(html, "<tr"), 22);
	assert_non_null(strstr(html, "<th>Benoît</th>"));
	/* the matrix runs over pages (it is not kept whole, which left the first page
	 * empty) and repeats its header row on each */
	assert_int_equal(count(html, "<section class=\"matrix\""), 1);
	assert_int_equal(count(html, "<thead><tr>"), 1);
	assert_null(strstr(html, "section{break-inside"));
	cispref_buffer_free(html);
	assert_int_equal(cispref_team_render(&html, NULL, CISPREF_TEAM_RENDER_GRID,
	                                     CISPREF_RENDER_HTML, w->team, w->ref, "p99", 0, NULL),
	                 CISPREF_ENOTFOUND);
}

static void test_render_odt(void **state)
{
	world *w = *state;
	char *odt = NULL;
	size_t size = 0;
	OK(cispref_team_render(&odt, &size, CISPREF_TEAM_RENDER_COVERAGE, CISPREF_RENDER_ODT,
	                       w->team, w->ref, NULL, 0, NULL));
	/* a ZIP file whose first entry is the stored mimetype (ODF 1.3, part 2, 3.3) */
	assert_true(size > 100);
	assert_memory_equal(odt, "PK\x03\x04", 4);
	assert_memory_equal(odt + 30, "mimetype", 8);
	assert_memory_equal(odt + 38, "application/vnd.oasis.opendocument.text", 39);
	cispref_buffer_free(odt);
	/* binary output needs its size */
	assert_int_equal(cispref_team_render(&odt, NULL, CISPREF_TEAM_RENDER_GRID,
	                                     CISPREF_RENDER_ODT, NULL, w->ref, NULL, 0, NULL),
	                 CISPREF_EARG);
}

/* ---- hostile input --------------------------------------------------------------- */

static void refused(const char *doc, size_t size, int code, unsigned long line,
                    const char *words)
{
	cispref_positioning *pos = NULL;
	cispref_error error;
	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_positioning_load_memory(&pos, doc, size, "hostile.xml", NULL,
	                                                 &error),
	                 code);
	assert_null(pos);
	assert_int_equal(error.code, code);
	assert_string_equal(error.source, "hostile.xml");
	if (line && error.line != line)
		fail_msg("'%s' at line %lu, expected %lu", error.text, error.line, line);
	if (words && !strstr(error.text, words))
		fail_msg("'%s' does not say '%s'", error.text, words);
}

#define ROOT "<positioning xmlns=\"urn:cispref:positioning\" format-version=\"1\" " \
             "referential=\"r\">"

static void test_hostile(void **state)
{
	(void)state;
	static const char dtd[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE positioning [\n"
	                          "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" ROOT
	                          "<persons><person id=\"p\" name=\"&x;\"/></persons></positioning>";
	refused(dtd, sizeof dtd - 1, CISPREF_EFORMAT, 2, "DOCTYPE"); /* where it begins */
	static const char laughs[] = "<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;"
	                             "&a;&a;&a;&a;&a;&a;&a;\">]>" ROOT "</positioning>";
	refused(laughs, sizeof laughs - 1, CISPREF_EFORMAT, 0, "DOCTYPE");
	static const char malformed[] = ROOT "\n<persons><person id=\"p\"></persons>";
	refused(malformed, sizeof malformed - 1, CISPREF_EXML, 2, NULL);
	static const char truncated[] = ROOT "\n<persons>";
	refused(truncated, sizeof truncated - 1, CISPREF_EXML, 0, "before element 'persons'");
	static const char version[] = "<positioning xmlns=\"urn:cispref:positioning\" "
	                              "format-version=\"2\" referential=\"r\"/>";
	refused(version, sizeof version - 1, CISPREF_EVERSION, 1, "version '2'");
	static const char foreign[] = "<positioning xmlns=\"urn:other\" format-version=\"1\" "
	                              "referential=\"r\"/>";
	refused(foreign, sizeof foreign - 1, CISPREF_EFORMAT, 1, "namespace");
	static const char referential[] = "<referential xmlns=\"urn:cispref:positioning\"/>";
	refused(referential, sizeof referential - 1, CISPREF_EFORMAT, 1, "expected 'positioning'");
	static const char bad_date[] = ROOT "<ratings>\n<rating person=\"p\" target=\"t\" "
	                               "level=\"l\" date=\"2026-13-01\"/></ratings></positioning>";
	refused(bad_date, sizeof bad_date - 1, CISPREF_EFORMAT, 2, "date");
	static const char order[] = ROOT "<ratings/>\n<persons/></positioning>";
	refused(order, sizeof order - 1, CISPREF_EFORMAT, 2, "out of place");
	static const char text[] = ROOT "<persons>hello</persons></positioning>";
	refused(text, sizeof text - 1, CISPREF_EFORMAT, 1, "may not contain text");
	static const char empty_scale[] = ROOT "<scale>\n</scale></positioning>";
	refused(empty_scale, sizeof empty_scale - 1, CISPREF_EFORMAT, 2, "no 'level'");
}

/* Nesting is refused at the first element the format does not allow there, however
 * deep the document goes on. */
static void test_deep_nesting(void **state)
{
	(void)state;
	size_t depth = 100000;
	size_t size = strlen(ROOT) + depth * 3 + 32;
	char *doc = malloc_or_exit(size), *at = doc;
	at += sprintf(at, "%s", ROOT);
	for (size_t i = 0; i < depth; i++)
		at += sprintf(at, "<a>");
	refused(doc, (size_t)(at - doc), CISPREF_EFORMAT, 1, "unexpected element 'a'");
	free(doc);
}

static void test_huge_attribute(void **state)
{
	(void)state;
	size_t n = CISPREF_MAX_TEXT_LENGTH + 10;
	const char *head = ROOT "<persons><person id=\"p\" name=\"";
	char *doc = malloc_or_exit(strlen(head) + n + 64);
	size_t len = (size_t)sprintf(doc, "%s", head);
	memset(doc + len, 'x', n);
	len += n;
	len += (size_t)sprintf(doc + len, "\"/></persons></positioning>");
	refused(doc, len, CISPREF_ELIMIT, 1, "longer than");
	free(doc);
	/* a start tag with too many attributes is refused before libxml2 reads it */
	char many[8192];
	len = (size_t)sprintf(many, ROOT "<persons><person id=\"p\"");
	for (int i = 0; i < 200; i++)
		len += (size_t)sprintf(many + len, " a%d=\"\"", i);
	len += (size_t)sprintf(many + len, "/></persons></positioning>");
	refused(many, len, CISPREF_ELIMIT, 1, NULL);
}

static void test_element_limit(void **state)
{
	(void)state;
	cispref_load_options options;
	cispref_load_options_init(&options);
	options.max_elements = 3;
	static const char doc[] = ROOT "<persons><person id=\"a\"/><person id=\"b\"/></persons>"
	                          "</positioning>";
	cispref_positioning *pos = NULL;
	cispref_error error;
	assert_int_equal(cispref_positioning_load_memory(&pos, doc, sizeof doc - 1, NULL, &options,
	                                                 &error),
	                 CISPREF_ELIMIT);
	assert_non_null(strstr(error.text, "more than 3 elements"));
}

/* 10^5 persons rating one item: read, validated and counted in time linear in the
 * ratings (a quadratic duplicate check would take minutes here). */
static void test_many_persons(void **state)
{
	world *w = *state;
	enum { PERSONS = 100000 };
	size_t cap = (size_t)PERSONS * 120 + 256, len = 0;
	char *doc = malloc_or_exit(cap);
	len += (size_t)sprintf(doc + len, "<positioning xmlns=\"urn:cispref:positioning\" "
	                                  "format-version=\"1\" referential=\"cisp-accompagnement\">"
	                                  "<persons>\n");
	for (int i = 0; i < PERSONS; i++)
		len += (size_t)sprintf(doc + len, "<person id=\"p%d\"/>\n", i);
	len += (size_t)sprintf(doc + len, "</persons><ratings>\n");
	for (int i = 0; i < PERSONS; i++)
		len += (size_t)sprintf(doc + len, "<rating person=\"p%d\" target=\"psy.ind.1.sf.1\" "
		                                  "level=\"%s\"/>\n", i, i % 2 ? "maitrise" : "decouverte");
	len += (size_t)sprintf(doc + len, "</ratings></positioning>\n");
	cispref_positioning *pos = NULL;
	OK(cispref_positioning_load_memory(&pos, doc, len, NULL, NULL, NULL));
	free(doc);
	cispref_diagnostics *d = NULL;
	OK(cispref_positioning_validate(&d, pos, w->ref));
	assert_int_equal(cispref_diagnostics_count(d), 0);
	cispref_diagnostics_free(d);
	cispref_coverage *cov = NULL;
	OK(cispref_coverage_new(&cov, pos, w->ref));
	/* psy.ind.1 derived from its one rated item: the odd half */
	assert_int_equal(cispref_coverage_person_count(cov, 0), PERSONS / 2);
	cispref_coverage_free(cov);
	cispref_needs *needs = NULL;
	OK(cispref_needs_new(&needs, pos, w->ref, NULL));
	assert_int_equal(cispref_needs_count(needs), 1);
	assert_string_equal(cispref_needs_id(needs, 0), "c.elaborer-outils-adaptes");
	assert_int_equal(cispref_needs_person_count(needs, 0), PERSONS / 2);
	cispref_needs_free(needs);
	cispref_positioning_free(pos);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_read),
		cmocka_unit_test(test_fixture_valid),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_coverage),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_needs_team),
		cmocka_unit_test(test_needs_person),
		cmocka_unit_test(test_diagnostics),
		cmocka_unit_test(test_no_proficient_level),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_load_fd_stream),
		cmocka_unit_test(test_export_paths),
		cmocka_unit_test(test_builder),
		cmocka_unit_test(test_exports),
		cmocka_unit_test(test_render_html),
		cmocka_unit_test(test_render_odt),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_huge_attribute),
		cmocka_unit_test(test_element_limit),
		cmocka_unit_test(test_many_persons),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
