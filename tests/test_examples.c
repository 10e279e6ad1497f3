/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The example programs build and do what their comments say. */
#include "run_program.h"

static void test_outline_of_a_file(void **state)
{
	(void)state;
	const char *argv[] = {OUTLINE_EXE, FIXTURES_DIR "/example-small.xml", NULL};
	run r = run_program(argv, run_dir);
	assert_int_equal(r.status, 0);
	/* Written from the fixture by hand. */
	assert_string_equal(r.out,
		"Petit référentiel (3)\n"
		"1 Accompagnement psycho-social [core]\n"
		"  1.1 Individuel [individual]\n"
		"    1.1.1 Analyser les besoins (savoir-faire: 2, comportementaux: 0, savoirs: 1)\n"
		"  1.2 Collectif [collective]\n"
		"    1.2.1 Gérer la dynamique de groupe (savoir-faire: 0, comportementaux: 1, savoirs: 0)\n"
		"2 Communication [transversal]\n"
		"  2.1 Communication interne [internal]\n");
	assert_string_equal(r.err, "");
	run_free(&r);
}

static void test_outline_of_the_embedded_referential(void **state)
{
	(void)state;
	const char *argv[] = {OUTLINE_EXE, NULL};
	run r = run_program(argv, run_dir);
	assert_int_equal(r.status, 0);
	/* One title line, 5 domains, 9 plans and 21 competences in the source. */
	size_t lines = 0;
	for (const char *p = r.out; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 1 + 5 + 9 + 21);
	assert_true(strncmp(r.out, "Référentiel de compétences de l'accompagnement en CISP (2020)\n", 63) == 0);
	assert_non_null(strstr(r.out, "    1.1.1 Réaliser les bilans de compétences transversales à chaque "
	                              "étape de la formation (entrée, en cours et en fin) "
	                              "(savoir-faire: 4, comportementaux: 5, savoirs: 5)\n"));
	run_free(&r);
}

static void test_outline_reports_bad_input(void **state)
{
	(void)state;
	const char *argv[] = {OUTLINE_EXE, FIXTURES_DIR "/cli-not-xml.xml", NULL};
	run r = run_program(argv, run_dir);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "cli-not-xml.xml:1:"));
	assert_string_equal(r.out, "");
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outline_of_a_file),
		cmocka_unit_test(test_outline_of_the_embedded_referential),
		cmocka_unit_test(test_outline_reports_bad_input),
	};
	return cmocka_run_group_tests(tests, run_dir_setup, run_dir_teardown);
}
