/* The cispref tool: outputs and exit codes of each subcommand, run as a child process. */
#include "run_program.h"

static void test_version_and_help(void **state)
{
	(void)state;
	run r = run_cispref("--version", NULL);
	assert_int_equal(r.status, 0);
	char expected[64];
	snprintf(expected, sizeof expected, "cispref %s\n", cispref_version());
	assert_string_equal(r.out, expected);
	run_free(&r);

	r = run_cispref("--help", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "validate"));
	assert_non_null(strstr(r.out, "export"));
	run_free(&r);

	static const char *const commands[] = {"validate", "info", "export"};
	for (size_t i = 0; i < 3; i++) {
		r = run_cispref(commands[i], "--help", NULL);
		assert_int_equal(r.status, 0);
		char usage[64];
		snprintf(usage, sizeof usage, "Usage: cispref %s", commands[i]);
		assert_non_null(strstr(r.out, usage));
		run_free(&r);
	}
}

static void test_usage_errors(void **state)
{
	(void)state;
	run r = run_cispref(NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("frobnicate", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown command 'frobnicate'"));
	run_free(&r);
	r = run_cispref("info", "--bogus", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("export", "--format", "yaml", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown format 'yaml'"));
	run_free(&r);
	r = run_cispref("info", "extra", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
}

static void test_validate_embedded(void **state)
{
	(void)state;
	run r = run_cispref("validate", NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "E: "));
	/* The source's own inconsistency: the second administrative table has no summary entry. */
	assert_non_null(strstr(r.out, "W: accompagnement-cisp.xml (embedded):"));
	assert_non_null(strstr(r.out, "competence-no-summary no summary entry links to competence 'admin.joint.2'"));
	run_free(&r);

	r = run_cispref("validate", "--quiet", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	run_free(&r);
}

static void test_validate_errors(void **state)
{
	(void)state;
	char expected[4200];
	run r = run_cispref("validate", fixture("cli-duplicate-id.xml"), NULL);
	assert_int_equal(r.status, 1);
	snprintf(expected, sizeof expected,
	         "E: %s:11: duplicate-id the id 'c1.sf.1' is already used on line 10\n",
	         fixture("cli-duplicate-id.xml"));
	assert_non_null(strstr(r.out, expected));
	run_free(&r);

	r = run_cispref("validate", fixture("cli-not-xml.xml"), NULL);
	assert_int_equal(r.status, 1);
	snprintf(expected, sizeof expected, "E: %s:1: xml-error ", fixture("cli-not-xml.xml"));
	assert_true(strncmp(r.out, expected, strlen(expected)) == 0);
	run_free(&r);

	/* One bad file among good ones fails the run; every file is reported. */
	r = run_cispref("validate", DATA_DIR "/accompagnement-cisp.xml", fixture("cli-not-xml.xml"), NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "accompagnement-cisp.xml:"));
	assert_non_null(strstr(r.out, "cli-not-xml.xml:1: xml-error"));
	run_free(&r);

	r = run_cispref("validate", "/nonexistent/referential.xml", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "E: /nonexistent/referential.xml:0: io-error cannot open"));
	run_free(&r);
}

/* validate --explain: one line "TAG<tab>SEVERITY<tab>EXPLANATION" per tag of the
 * validator's table (cispref(1)), each tag once, in the table's order. */
static void test_validate_explain(void **state)
{
	(void)state;
	run r = run_cispref("validate", "--explain", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	size_t count = cispref_validator_tag_count();
	assert_true(count > 0);
	const char *p = r.out;
	for (size_t i = 0; i < count; i++) {
		const char *tag = cispref_validator_tag(i);
		cispref_severity_t severity;
		const char *text = cispref_validator_tag_explain(&severity, tag);
		assert_non_null(text);
		char expected[1024];
		snprintf(expected, sizeof expected, "%s\t%s\t%s\n", tag, cispref_severity_name(severity),
		         text);
		if (strncmp(p, expected, strlen(expected)) != 0)
			fail_msg("line %zu of --explain is not '%s'", i + 1, expected);
		p += strlen(expected);
	}
	assert_string_equal(p, ""); /* no line more */
	run_free(&r);

	/* Named tags, in the order given. */
	r = run_cispref("validate", "-x", "note-unused", "duplicate-id", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"note-unused\tinfo\tNo competence refers to this note.\n"
		"duplicate-id\terror\tTwo elements share an id; ids must be unique.\n");
	run_free(&r);

	/* A misspelt tag is a usage error, and nothing is printed on standard output. */
	r = run_cispref("validate", "--explain", "duplicate-id", "plan-emtpy", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_non_null(strstr(r.err, "unknown tag 'plan-emtpy'"));
	run_free(&r);
	/* A loader's tag is not a rule: say what it is. */
	r = run_cispref("validate", "--explain", "xml-error", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "'xml-error' is not a rule of the validator"));
	run_free(&r);
	r = run_cispref("validate", "--explain", "--quiet", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
}

static void test_info(void **state)
{
	(void)state;
	run r = run_cispref("info", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Title: Référentiel de compétences de l'accompagnement en CISP\n"));
	assert_non_null(strstr(r.out, "Number: 24\n"));
	assert_non_null(strstr(r.out, "Domains: 5\n"));
	assert_non_null(strstr(r.out, "Plans: 9\n"));
	assert_non_null(strstr(r.out, "Competences: 21\n"));
	assert_non_null(strstr(r.out, "Summary entries: 24\n"));
	run_free(&r);

	r = run_cispref("info", "-i", fixture("cli-duplicate-id.xml"), NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "cli-duplicate-id.xml:11:"));
	assert_non_null(strstr(r.err, "[duplicate-id]"));
	assert_string_equal(r.out, "");
	run_free(&r);
}

static void test_export(void **state)
{
	(void)state;
	size_t size;
	char *data = read_whole_file(DATA_DIR "/accompagnement-cisp.xml", &size);
	assert_non_null(data);

	/* XML export of the embedded referential is the data file, byte for byte. */
	run r = run_cispref("export", "--format", "xml", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, data);
	run_free(&r);

	r = run_cispref("export", "--format", "json", NULL);
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "{\n  \"format\": \"cispref-json\",\n  \"format_version\": 1,\n", 52) == 0);
	run_free(&r);

	char path[4200];
	snprintf(path, sizeof path, "%s/out.xml", run_dir);
	r = run_cispref("export", "-i", DATA_DIR "/accompagnement-cisp.xml", "-o", path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	char *written = read_whole_file(path, NULL);
	assert_string_equal(written, data);
	free(written);
	run_free(&r);

	/* A bad input leaves the existing output untouched. */
	r = run_cispref("export", "-i", fixture("cli-not-xml.xml"), "-o", path, "-f", "json", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "cli-not-xml.xml:1:"));
	written = read_whole_file(path, NULL);
	assert_string_equal(written, data);
	free(written);
	run_free(&r);

	/* Without --format, the output's extension names the format; any other is XML. */
	snprintf(path, sizeof path, "%s/out.json", run_dir);
	r = run_cispref("export", "-o", path, NULL);
	assert_int_equal(r.status, 0);
	written = read_whole_file(path, NULL);
	static const char json_start[] = "{\n  \"format\": \"cispref-json\",";
	assert_true(strncmp(written, json_start, sizeof json_start - 1) == 0);
	free(written);
	run_free(&r);
	snprintf(path, sizeof path, "%s/out.txt", run_dir);
	r = run_cispref("export", "-o", path, NULL);
	assert_int_equal(r.status, 0);
	written = read_whole_file(path, NULL);
	assert_string_equal(written, data);
	free(written);
	run_free(&r);
	r = run_cispref("export", "--help", NULL);
	assert_non_null(strstr(r.out, "  json    cispref-json"));
	run_free(&r);

	/* So does an output path that cannot be written. */
	r = run_cispref("export", "-o", run_dir, NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "it is a directory"));
	run_free(&r);
	free(data);
}

/* ---- texts holding a tab, a line feed or a carriage return --------------------------
 * (tests/fixtures/cli-control-chars.xml; cispref(1), OUTPUT: "\t", "\n", "\r", "\\"). */

static void test_info_control_chars(void **state)
{
	(void)state;
	run r = run_cispref("info", "-i", fixture("cli-control-chars.xml"), NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"Title: Titre\\nsur deux lignes\n"
		"Id: ctl\n"
		"Version: 1\\tbis\n"
		"Language: fr\n"
		"Publisher: Éditeur\\r\\nretour\n"
		"Domains: 1\nPlans: 1\nCompetences: 1\nSummary entries: 1\n"
		"Savoir-faire: 1\nSavoir-faire comportementaux: 1\nSavoirs: 1\n"
		"Concepts: 1\nNotes: 1\n");
	run_free(&r);
}

static void test_validate_control_chars(void **state)
{
	(void)state;
	/* The message quotes two texts; the file name, here with a line feed, is escaped
	 * too. */
	char path[4200], expected[8400];
	snprintf(path, sizeof path, "%s/two\nlines.xml", run_dir);
	char *data = read_whole_file(fixture("cli-control-chars.xml"), NULL);
	assert_non_null(data);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(data, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	free(data);
	run r = run_cispref("validate", path, NULL);
	assert_int_equal(r.status, 0);
	snprintf(expected, sizeof expected,
	         "I: %s/two\\nlines.xml:14: summary-text-differs summary entry 'd.sum.1' reads "
	         "\"Entrée\\ndu sommaire\" where competence 'c1' is titled \"Compétence\\tune\\ndeux\"\n"
	         "0 errors, 0 warnings, 1 info\n",
	         run_dir);
	assert_string_equal(r.out, expected);
	assert_string_equal(r.err, "");
	run_free(&r);
	remove(path);
}

/* ---- write errors: standard output on a full device (cispref(1), EXIT STATUS) ---- */

static void test_validate_write_error(void **state)
{
	(void)state;
	/* The embedded referential has findings to print. */
	assert_write_error("validate", "validate", NULL);
	assert_write_error("validate", "validate", "--explain", NULL);
	/* A clean file with --quiet prints nothing: nothing lost, success. */
	run r = run_cispref_to("/dev/full", "validate", "--quiet", fixture("validate-clean.xml"), NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	run_free(&r);
}

static void test_info_write_error(void **state)
{
	(void)state;
	assert_write_error("info", "info", NULL);
}

static void test_export_write_error(void **state)
{
	(void)state;
	/* Larger than stdio's buffer: the write fails while the library writes, and the
	 * message comes once. */
	assert_write_error("export", "export", NULL);
	assert_write_error("export", "export", "--format", "json", NULL);
}

static void test_render_write_error(void **state)
{
	(void)state;
	static const char *const formats[] = {"html", "odt", "fodt", "md"};
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		assert_write_error("render", "render", "--format", formats[i], NULL);
}

static void test_tool_write_error(void **state)
{
	(void)state;
	assert_write_error(NULL, "--help", NULL);
	assert_write_error(NULL, "--version", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_and_help),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_validate_embedded),
		cmocka_unit_test(test_validate_errors),
		cmocka_unit_test(test_validate_explain),
		cmocka_unit_test(test_info),
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_info_control_chars),
		cmocka_unit_test(test_validate_control_chars),
		cmocka_unit_test(test_validate_write_error),
		cmocka_unit_test(test_info_write_error),
		cmocka_unit_test(test_export_write_error),
		cmocka_unit_test(test_render_write_error),
		cmocka_unit_test(test_tool_write_error),
	};
	return cmocka_run_group_tests(tests, run_dir_setup, run_dir_teardown);
}
