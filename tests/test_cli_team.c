/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref coverage, needs, and validate on positioning documents, run as a child
 * process on the four-person fixture (its figures are counted in test_positioning.c). */
#include "run_program.h"

static void test_coverage_text(void **state)
{
	(void)state;
	run r = run_cispref("coverage", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 0);
	static const char head[] = "psy.ind.1\t2\tAwa, Benoît\npsy.ind.2\t0\t-\n"
	                           "psy.ind.3\t2\tp03, p04\n";
	assert_true(strncmp(r.out, head, sizeof head - 1) == 0);
	assert_non_null(strstr(r.out, "\n19 of 21 competences covered by nobody\n"));
	run_free(&r);
	r = run_cispref("coverage", "--anonymize", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "psy.ind.1\t2\tp01, p02\n"));
	assert_null(strstr(r.out, "Awa"));
	run_free(&r);
}

static void test_coverage_formats(void **state)
{
	(void)state;
	run r = run_cispref("coverage", "-f", "json", "--anonymize",
	                    fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"format\": \"cispref-coverage\""));
	assert_null(strstr(r.out, "Benoît"));
	run_free(&r);
	r = run_cispref("coverage", "-f", "csv", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 0);
	/* a header, then one row per competence: 22 lines */
	size_t lines = 0;
	for (const char *p = r.out; (p = strstr(p, "\r\n")) != NULL; p += 2)
		lines++;
	assert_int_equal(lines, 22);
	run_free(&r);
	r = run_cispref("coverage", "-f", "pdf", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("coverage", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
}

static void test_needs(void **state)
{
	(void)state;
	run r = run_cispref("needs", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "1\tc.ecoute-active\t3\t2\t", 22) == 0);
	assert_non_null(strstr(r.out, "\n2\tc.techniques-entretien\t2\t2\t"));
	assert_non_null(strstr(r.out, "\n5\tpsy.ind.5.s.1\t1\t1\t"));
	run_free(&r);
	r = run_cispref("needs", "--person", "p04", "-f", "csv", "--anonymize",
	                fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"1\",\"c.techniques-entretien\",\"concept\","));
	run_free(&r);
	r = run_cispref("needs", "--person", "p99", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "p99"));
	run_free(&r);
	r = run_cispref("needs", "/nonexistent/team.xml", NULL);
	assert_int_equal(r.status, 1);
	run_free(&r);
}

static void test_ratings(void **state)
{
	(void)state;
	run r = run_cispref("ratings", "--anonymize", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 0);
	static const char head[] = "\"person\",\"name\",\"target\",\"level\",\"date\",\"source\","
	                           "\"comment\"\r\n\"p01\",\"p01\",\"psy.ind.1\",\"maitrise\","
	                           "\"2026-03-02\",\"self\",\"\"\r\n";
	assert_true(strncmp(r.out, head, sizeof head - 1) == 0);
	assert_null(strstr(r.out, "Observée"));
	run_free(&r);
	r = run_cispref("ratings", "--person", "p01", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
}

static void test_validate_positioning(void **state)
{
	(void)state;
	run r = run_cispref("validate", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "0 errors, 0 warnings, 0 infos\n");
	run_free(&r);
	r = run_cispref("validate", fixture("positioning-diagnostics.xml"), NULL);
	assert_int_equal(r.status, 1);
	const char *file = fixture("positioning-diagnostics.xml");
	char line[4200];
	snprintf(line, sizeof line, "E: %s:17: positioning-unknown-level ", file);
	assert_non_null(strstr(r.out, line));
	snprintf(line, sizeof line, "W: %s:3: positioning-referential-mismatch ", file);
	assert_non_null(strstr(r.out, line));
	assert_non_null(strstr(r.out, "6 errors, 1 warning, 0 infos\n"));
	run_free(&r);
	/* checked against another referential: the mismatch names both */
	char small[4200];
	snprintf(small, sizeof small, "%s", fixture("example-small.xml")); /* fixture() reuses its buffer */
	r = run_cispref("validate", "-r", small, fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "positioning-referential-mismatch"));
	assert_non_null(strstr(r.out, "positioning-unknown-target"));
	run_free(&r);
}

/* A team with errors against the referential (positioning-diagnostics.xml: another
 * referential named, an unknown person, target and level, duplicates) is refused by every
 * command that uses it, its findings on stderr as validate prints them, nothing on
 * standard output; a team that merely names another referential (a warning) is used, the
 * warning on stderr. */
static void test_invalid_team_refused(void **state)
{
	(void)state;
	static const char *const commands[] = {"coverage", "needs", "ratings", "grid"};
	char file[4200], line[4400];
	snprintf(file, sizeof file, "%s", fixture("positioning-diagnostics.xml"));
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		run r = run_cispref(commands[i], file, NULL);
		assert_int_equal(r.status, 1);
		assert_string_equal(r.out, "");
		snprintf(line, sizeof line, "E: %s:15: positioning-unknown-person ", file);
		assert_non_null(strstr(r.err, line));
		snprintf(line, sizeof line, "E: %s:16: positioning-unknown-target ", file);
		assert_non_null(strstr(r.err, line));
		snprintf(line, sizeof line, "W: %s:3: positioning-referential-mismatch ", file);
		assert_non_null(strstr(r.err, line));
		assert_non_null(strstr(r.err, "6 errors"));
		run_free(&r);
	}
	/* the team of the default referential, checked against example-small.xml: its
	 * targets are unknown there */
	char small[4200];
	snprintf(small, sizeof small, "%s", fixture("example-small.xml"));
	run r = run_cispref("coverage", "-i", small, fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	assert_non_null(strstr(r.err, "positioning-unknown-target"));
	run_free(&r);
	r = run_cispref_from(file, "needs", "-", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "E: (standard input):15: positioning-unknown-person "));
	run_free(&r);
	/* a valid team: nothing on stderr */
	r = run_cispref("ratings", fixture("positioning-team.xml"), NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	run_free(&r);
}

/* -o FILE for json and csv: the format from the extension, the same bytes as on standard
 * output; the text output refused with -o; the team read from standard input. */
static void test_output_file_and_stdin(void **state)
{
	(void)state;
	const char *team = fixture("positioning-team.xml");
	char path[4200];
	snprintf(path, sizeof path, "%s/coverage.json", run_dir);
	run r = run_cispref("coverage", "-f", "json", team, NULL);
	assert_int_equal(r.status, 0);
	char *expected = strdup(r.out);
	run_free(&r);
	r = run_cispref("coverage", "-o", path, team, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	size_t size = 0;
	char *written = read_whole_file(path, &size);
	assert_string_equal(written, expected);
	free(written);
	free(expected);
	run_free(&r);

	snprintf(path, sizeof path, "%s/needs.csv", run_dir);
	r = run_cispref("needs", "--anonymize", "-o", path, team, NULL);
	assert_int_equal(r.status, 0);
	written = read_whole_file(path, &size);
	assert_true(strncmp(written, "\"rank\",", 7) == 0);
	assert_non_null(strstr(written, "\"1\",\"c.ecoute-active\",\"concept\","));
	free(written);
	run_free(&r);

	snprintf(path, sizeof path, "%s/ratings.json", run_dir);
	r = run_cispref("ratings", "-o", path, team, NULL);
	assert_int_equal(r.status, 0);
	written = read_whole_file(path, &size);
	assert_true(written[0] == '{');
	free(written);
	run_free(&r);

	/* text is for standard output */
	snprintf(path, sizeof path, "%s/needs", run_dir);
	r = run_cispref("needs", "-o", path, team, NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "-f json"));
	assert_int_equal(access(path, F_OK), -1);
	run_free(&r);

	/* the team from standard input; named so in errors */
	r = run_cispref_from(team, "needs", "-", NULL);
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "1\tc.ecoute-active\t3\t2\t", 22) == 0);
	run_free(&r);
	r = run_cispref_from(fixture("example-small.xml"), "ratings", "-", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "(standard input)"));
	run_free(&r);
	r = run_cispref_from(team, "coverage", "-i", "-", "-", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "standard input"));
	run_free(&r);
}

/* Without -f, the extension of -o FILE names the format, ASCII letters in either case;
 * one that names none of the command's formats is a usage error worded as export's, with
 * nothing written; -f makes any name fine; a name without one keeps the default. */
static void test_output_extension(void **state)
{
	(void)state;
	const char *team = fixture("positioning-team.xml");
	static const struct {
		const char *command, *name, *expected;
	} refused[] = {
		{"coverage", "c.pdf", "cispref coverage: no coverage format has the extension "
		                      "'.pdf': give --format json, csv, csv-excel-fr, html or odt\n"},
		{"needs", "n.html", "cispref needs: no needs format has the extension '.html': "
		                    "give --format json, csv or csv-excel-fr\n"},
		{"grid", "g.pdf", "cispref grid: no grid format has the extension '.pdf': give "
		                  "--format html or odt\n"},
		{"grid", "g.json", "cispref grid: no grid format has the extension '.json': give "
		                   "--format html or odt\n"},
		{"ratings", "r.pdf", "cispref ratings: no ratings format has the extension '.pdf': "
		                     "give --format json, csv or csv-excel-fr\n"},
	};
	char path[4200];
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", run_dir, refused[i].name);
		run r = run_cispref(refused[i].command, "-o", path, team, NULL);
		assert_int_equal(r.status, 2);
		if (strncmp(r.err, refused[i].expected, strlen(refused[i].expected)) != 0)
			fail_msg("%s -o %s said \"%s\"", refused[i].command, refused[i].name, r.err);
		assert_int_equal(access(path, F_OK), -1);
		run_free(&r);
	}
	/* --format: any name */
	snprintf(path, sizeof path, "%s/ratings.pdf", run_dir);
	run r = run_cispref("ratings", "-f", "json", "-o", path, team, NULL);
	assert_int_equal(r.status, 0);
	char *written = read_whole_file(path, NULL);
	assert_true(written[0] == '{');
	free(written);
	run_free(&r);
	/* upper-case extensions */
	snprintf(path, sizeof path, "%s/RATINGS.JSON", run_dir);
	r = run_cispref("ratings", "-o", path, team, NULL);
	assert_int_equal(r.status, 0);
	written = read_whole_file(path, NULL);
	assert_true(written[0] == '{');
	free(written);
	run_free(&r);
	snprintf(path, sizeof path, "%s/GRID.HTML", run_dir);
	r = run_cispref("grid", "-o", path, team, NULL);
	assert_int_equal(r.status, 0);
	written = read_whole_file(path, NULL);
	assert_true(strncmp(written, "<!DOCTYPE html>", 15) == 0);
	free(written);
	run_free(&r);
	/* no extension: the grid's default, HTML */
	snprintf(path, sizeof path, "%s/grid", run_dir);
	r = run_cispref("grid", "-o", path, team, NULL);
	assert_int_equal(r.status, 0);
	written = read_whole_file(path, NULL);
	assert_true(strncmp(written, "<!DOCTYPE html>", 15) == 0);
	free(written);
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_coverage_text),
		cmocka_unit_test(test_coverage_formats),
		cmocka_unit_test(test_needs),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_validate_positioning),
		cmocka_unit_test(test_invalid_team_refused),
		cmocka_unit_test(test_output_file_and_stdin),
		cmocka_unit_test(test_output_extension),
	};
	return cmocka_run_group_tests(tests, run_dir_setup, run_dir_teardown);
}
