/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The cispref tool: outputs and exit codes of each subcommand, run as a child process. */
#define _XOPEN_SOURCE 700 /* posix_openpt(), grantpt(), ptsname() */

#include <stdlib.h>
#include <sys/stat.h>

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
	assert_non_null(strstr(r.out, "E: /nonexistent/referential.xml: io-error cannot open"));
	run_free(&r);
}

/* validate --explain: one line "TAG<tab>SEVERITY<tab>EXPLANATION" per tag of the
 * validator's table (cispref(1)), each tag once, in the table's order. */
/* "TAG<tab>" explained by validate -x TAG, exit 0 and one line. */
static void assert_explained(const char *tag)
{
	run r = run_cispref("validate", "-x", tag, NULL);
	char start[256];
	snprintf(start, sizeof start, "%s\t", tag);
	if (r.status != 0 || strncmp(r.out, start, strlen(start)) != 0 ||
	    strchr(r.out, '\n') != r.out + strlen(r.out) - 1)
		fail_msg("validate -x %s: exit %d, \"%s\" \"%s\"", tag, r.status, r.out, r.err);
	run_free(&r);
}

/* Every tag validate can print has an explanation: the validator's rules, the
 * positioning validator's (each string "positioning-..." of its source, whose table the
 * library does not publish) and the status tag of a file that could not be loaded. */
static void explain_every_printed_tag(void)
{
	for (size_t i = 0; i < cispref_validator_tag_count(); i++)
		assert_explained(cispref_validator_tag(i));
	char *source = read_whole_file(DATA_DIR "/../lib/positioning_validate.c", NULL);
	assert_non_null(source);
	size_t found = 0;
	for (const char *q = source; (q = strstr(q, "\"positioning-")) != NULL; q++) {
		size_t n = strspn(q + 1, "abcdefghijklmnopqrstuvwxyz-");
		if (q[1 + n] != '"')
			continue;
		char tag[128];
		snprintf(tag, sizeof tag, "%.*s", (int)n, q + 1);
		assert_explained(tag);
		found++;
	}
	free(source);
	assert_true(found >= 8); /* doc/positioning.md's table has eight */
	const char *unknown = cispref_status_tag(1);
	for (int code = -1; strcmp(cispref_status_tag(code), unknown) != 0; code--)
		assert_explained(cispref_status_tag(code));
}

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
	/* then the tags of the positioning validator and of a file that could not be
	 * loaded, each explained (below) */
	assert_non_null(strstr(p, "positioning-unknown-level\terror\t"));
	assert_non_null(strstr(p, "xml-error\terror\t"));
	run_free(&r);
	explain_every_printed_tag();

	/* Named tags, in the order given. */
	r = run_cispref("validate", "-x", "note-unused", "duplicate-id", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"note-unused\tinfo\tNeither a competence nor the front matter refers to this note.\n"
		"duplicate-id\terror\tTwo elements share an id; ids must be unique.\n");
	run_free(&r);

	/* A misspelt tag is a usage error, and nothing is printed on standard output. */
	r = run_cispref("validate", "--explain", "duplicate-id", "plan-emtpy", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_non_null(strstr(r.err, "unknown tag 'plan-emtpy'"));
	run_free(&r);
	/* A near miss of a positioning tag is suggested. */
	r = run_cispref("validate", "--explain", "positioning-unknwn-level", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "did you mean positioning-unknown-level?"));
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

	/* Without --format, the output's extension names the format. */
	snprintf(path, sizeof path, "%s/out.json", run_dir);
	r = run_cispref("export", "-o", path, NULL);
	assert_int_equal(r.status, 0);
	written = read_whole_file(path, NULL);
	static const char json_start[] = "{\n  \"format\": \"cispref-json\",";
	assert_true(strncmp(written, json_start, sizeof json_start - 1) == 0);
	free(written);
	run_free(&r);
	/* ... and an extension that names no format is a usage error that lists them, with
	 * nothing written; --format makes any name fine. */
	snprintf(path, sizeof path, "%s/out.txt", run_dir);
	r = run_cispref("export", "-o", path, NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no export format has the extension '.txt'"));
	assert_non_null(strstr(r.err, "xml, json, csv"));
	assert_int_equal(access(path, F_OK), -1);
	run_free(&r);
	r = run_cispref("export", "-f", "xml", "-o", path, NULL);
	assert_int_equal(r.status, 0);
	written = read_whole_file(path, NULL);
	assert_string_equal(written, data);
	free(written);
	run_free(&r);
	r = run_cispref("export", "--help", NULL);
	/* the names in one column, as wide as the longest */
	assert_non_null(strstr(r.out, "\n  json          cispref-json"));
	assert_non_null(strstr(r.out, "\n  csv-excel-fr  one row per item"));
	run_free(&r);

	/* So does an output path that cannot be written. */
	r = run_cispref("export", "-o", run_dir, NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "it is a directory"));
	run_free(&r);
	free(data);
}

/* The output's name: a directory is refused in one wording by export and render, before
 * any word about the format; export takes .po for the gettext format; render lists its
 * formats once, "or" before the last. */
static void test_output_names(void **state)
{
	(void)state;
	char dir[4200], po[4200], expected[4400];
	snprintf(dir, sizeof dir, "%s/d.pdf", run_dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(expected, sizeof expected, "cannot write '%s': it is a directory\n", dir);
	static const char *const commands[] = {"export", "render"};
	for (size_t i = 0; i < 2; i++) {
		run r = run_cispref(commands[i], "-o", dir, NULL);
		assert_int_equal(r.status, 1);
		if (!strstr(r.err, expected))
			fail_msg("cispref %s -o DIR said \"%s\"", commands[i], r.err);
		run_free(&r);
		r = run_cispref(commands[i], "-o", run_dir, NULL);
		assert_int_equal(r.status, 1);
		assert_non_null(strstr(r.err, "it is a directory"));
		run_free(&r);
	}
	assert_int_equal(rmdir(dir), 0);

	/* A .po file is a gettext catalogue (GNU gettext manual, "The Format of PO Files"):
	 * the template's header entry has an empty msgid. */
	snprintf(po, sizeof po, "%s/nl.po", run_dir);
	run r = run_cispref("export", "-o", po, NULL);
	assert_int_equal(r.status, 0);
	char *written = read_whole_file(po, NULL);
	assert_non_null(written);
	assert_non_null(strstr(written, "\nmsgid \"\"\nmsgstr \"\"\n"));
	assert_null(strstr(written, "<?xml"));
	free(written);
	run_free(&r);
	/* No extension at all is no format either. */
	snprintf(po, sizeof po, "%s/noext", run_dir);
	r = run_cispref("export", "-o", po, NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "has no extension that names a format"));
	run_free(&r);

	r = run_cispref("render", "-o", "cahier.txt", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "cispref render: no render format has the extension '.txt': "
	                              "give --format html, odt, fodt, md or pdf\n"));
	run_free(&r);
	r = run_cispref("render", "-o", "cahier", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "'cahier' has no extension that names a format: give "
	                              "--format html, odt, fodt, md or pdf\n"));
	run_free(&r);

	/* An extension's ASCII letters in either case (cispref(1), -o). */
	static const struct {
		const char *command, *name, *start;
	} shouted[] = {{"export", "R.XML", "<?xml"}, {"export", "fr.POT", "# "},
	               {"render", "C.HTML", "<!DOCTYPE html>"}, {"render", "c.Md", "# "}};
	for (size_t i = 0; i < sizeof shouted / sizeof shouted[0]; i++) {
		snprintf(po, sizeof po, "%s/%s", run_dir, shouted[i].name);
		r = run_cispref(shouted[i].command, "-o", po, NULL);
		if (r.status != 0)
			fail_msg("%s -o %s: %s", shouted[i].command, shouted[i].name, r.err);
		written = read_whole_file(po, NULL);
		if (strncmp(written, shouted[i].start, strlen(shouted[i].start)) != 0)
			fail_msg("%s -o %s wrote \"%.40s\"", shouted[i].command, shouted[i].name,
			         written);
		free(written);
		run_free(&r);
	}

	/* The commands that write one format into any name say so. */
	r = run_cispref("import", "--help", NULL);
	assert_non_null(strstr(r.out, "else as cispref XML, whatever OUTPUT's name"));
	run_free(&r);
	r = run_cispref("translate", "--help", NULL);
	assert_non_null(strstr(r.out, "as cispref XML whatever its\n"));
	run_free(&r);
	r = run_cispref("render", "-f", "docx", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown format 'docx' (html, odt, fodt, md or pdf)\n"));
	run_free(&r);
}

/* A binary export is not written to a terminal (a pseudo-terminal here), as render odt
 * is not; timeout(1) ends a tool that would write anyway and block on the full terminal. */
static void test_binary_to_terminal(void **state)
{
	(void)state;
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(master >= 0);
	assert_int_equal(grantpt(master), 0);
	assert_int_equal(unlockpt(master), 0);
	char slave[256];
	assert_non_null(ptsname(master));
	snprintf(slave, sizeof slave, "%s", ptsname(master));
	static const char *const formats[][3] = {{"export", "xlsx", "an XLSX workbook is binary"},
	                                         {"render", "odt", "an ODT package is binary"}};
	for (size_t i = 0; i < 2; i++) {
		const char *const argv[] = {"/usr/bin/timeout", "60", CISPREF_EXE, formats[i][0], "-f",
		                            formats[i][1], NULL};
		run r = run_program_to(argv, run_dir, slave);
		assert_int_equal(r.status, 2);
		if (!strstr(r.err, formats[i][2]))
			fail_msg("cispref %s -f %s to a terminal said \"%s\"", formats[i][0],
			         formats[i][1], r.err);
		run_free(&r);
	}
	close(master);
}

/* A path far beyond PATH_MAX: the message keeps the reason (POSIX ENAMETOOLONG) and the
 * path's end, its middle shortened, and stays short; export and render alike. */
static void test_long_output_path(void **state)
{
	(void)state;
	enum { PARTS = 3000 };
	char *path = malloc(2 * PARTS + 16);
	assert_non_null(path);
	char *p = path;
	for (size_t i = 0; i < PARTS; i++)
		p += sprintf(p, "d/");
	static const char *const commands[][2] = {{"export", "x.json"}, {"render", "x.html"}};
	for (size_t i = 0; i < 2; i++) {
		sprintf(p, "%s", commands[i][1]);
		run r = run_cispref(commands[i][0], "-o", path, NULL);
		assert_int_equal(r.status, 1);
		char end[128];
		snprintf(end, sizeof end, "/d/%s': %s\n", commands[i][1], strerror(ENAMETOOLONG));
		size_t n = strlen(r.err), m = strlen(end);
		if (n < m || strcmp(r.err + n - m, end) != 0 || n > 600 ||
		    !strstr(r.err, "\xE2\x80\xA6"))
			fail_msg("cispref %s -o LONG said (%zu bytes) \"%s\"", commands[i][0], n, r.err);
		run_free(&r);
	}
	free(path);
}

/* Run cispref with @args (NULL-terminated, at most 8) as an unprivileged user: itself
 * when the test is not root, else user and group 65534 (nobody) through setpriv(1), for
 * root may write any file. 0 and *@r filled, or -1 when that user cannot run the tool. */
static int run_unprivileged(run *r, const char *const *args)
{
	static const char *const setpriv[] = {"/usr/bin/setpriv", "--reuid=65534",
	                                      "--regid=65534", "--clear-groups"};
	const char *argv[16];
	size_t argc = 0;
	if (geteuid() == 0) {
		if (access(setpriv[0], X_OK) != 0)
			return -1;
		for (size_t i = 0; i < 4; i++)
			argv[argc++] = setpriv[i];
	}
	argv[argc++] = CISPREF_EXE;
	argv[argc] = "--version"; /* can that user run the tool at all? */
	argv[argc + 1] = NULL;
	*r = run_program(argv, run_dir);
	int usable = r->status == 0;
	run_free(r);
	if (!usable)
		return -1;
	for (size_t i = 0; args[i] && argc < 15; i++)
		argv[argc++] = args[i];
	argv[argc] = NULL;
	*r = run_program(argv, run_dir);
	return 0;
}

/* A file the user may not write is not replaced, as cp(1) would not replace it, though
 * the directory is writable; a file the user may write is. As root the commands run as
 * nobody (setpriv), whose lack of write permission the kernel enforces. */
static void test_read_only_output(void **state)
{
	(void)state;
	char dir[] = "/tmp/cispref-ro-XXXXXX";
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chmod(dir, 0777), 0); /* root's scratch directory, open to nobody */
	char ro[64], rw[64], expected[128];
	snprintf(ro, sizeof ro, "%s/ro.json", dir);
	snprintf(rw, sizeof rw, "%s/rw.json", dir);
	/* the team commands check their -o FILE as well */
	static const char *const commands[][3] = {{"export", "ro.json", NULL},
	                                          {"render", "ro.html", NULL},
	                                          {"coverage", "ro.csv", FIXTURES_DIR
	                                           "/positioning-team.xml"}};
	for (size_t i = 0; i < 3; i++) {
		snprintf(ro, sizeof ro, "%s/%s", dir, commands[i][1]);
		FILE *f = fopen(ro, "w");
		assert_non_null(f);
		fputs("keep\n", f);
		assert_int_equal(fclose(f), 0);
		assert_int_equal(chmod(ro, 0444), 0);
		const char *const args[] = {commands[i][0], "-o", ro, commands[i][2], NULL};
		run r;
		if (run_unprivileged(&r, args) != 0) {
			unlink(ro);
			rmdir(dir);
			skip();
		}
		snprintf(expected, sizeof expected, "cannot write '%s': it is read-only\n", ro);
		if (r.status != 1 || !strstr(r.err, expected))
			fail_msg("cispref %s -o READ-ONLY: exit %d, \"%s\"", commands[i][0], r.status,
			         r.err);
		run_free(&r);
		char *kept = read_whole_file(ro, NULL);
		assert_string_equal(kept, "keep\n");
		free(kept);
		assert_int_equal(unlink(ro), 0);
	}
	FILE *f = fopen(rw, "w");
	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(rw, 0666), 0);
	const char *const args[] = {"export", "-o", rw, NULL};
	run r;
	assert_int_equal(run_unprivileged(&r, args), 0);
	assert_int_equal(r.status, 0);
	run_free(&r);
	char *written = read_whole_file(rw, NULL);
	assert_true(strncmp(written, "{\n", 2) == 0);
	free(written);
	assert_int_equal(unlink(rw), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* ---- texts holding a tab, a line feed or a carriage return --------------------------
 * (tests/fixtures/cli-control-chars.xml; cispref(1), OUTPUT: "\t", "\n", "\r", "\\"). */

/* cispref translate: the hand-written Dutch catalogue merged, what is skipped reported
 * with its line (tests/fixtures/translate-nl.po), a refused catalogue writing nothing. */
static void test_translate(void **state)
{
	(void)state;
	char out[4200];
	snprintf(out, sizeof out, "%s/translated.xml", run_dir);
	run r = run_cispref("translate", "-o", out, FIXTURES_DIR "/example-small.xml",
	                    FIXTURES_DIR "/translate-nl.po", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.err, "W: " FIXTURES_DIR "/translate-nl.po:31: po-fuzzy "));
	assert_non_null(strstr(r.err, "I: " FIXTURES_DIR "/translate-nl.po:40: po-source-changed "));
	/* the untranslated messages (one: psy.ind.1.sf.2) counted, not listed */
	assert_null(strstr(r.err, "translate-nl.po:35:"));
	assert_non_null(strstr(r.err, "I: " FIXTURES_DIR "/translate-nl.po: po-untranslated 1 message "
	                              "not translated, not merged (--verbose lists them)\n"));
	run_free(&r);
	r = run_cispref("translate", "-v", "-o", out, FIXTURES_DIR "/example-small.xml",
	                FIXTURES_DIR "/translate-nl.po", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.err, "I: " FIXTURES_DIR "/translate-nl.po:35: po-untranslated "));
	assert_null(strstr(r.err, "--verbose lists them"));
	run_free(&r);
	char *xml = read_whole_file(out, NULL);
	assert_non_null(strstr(xml, "<translation of=\"psy.col\" xml:lang=\"nl\" "));
	free(xml);
	r = run_cispref("translate", "-q", "-o", out, FIXTURES_DIR "/example-small.xml",
	                FIXTURES_DIR "/translate-nl.po", NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.err, "po-untranslated"));
	run_free(&r);
	/* another language than the header's: refused, nothing written */
	assert_int_equal(unlink(out), 0);
	r = run_cispref("translate", "--lang", "de", "-o", out, FIXTURES_DIR "/example-small.xml",
	                FIXTURES_DIR "/translate-nl.po", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "not in 'de'"));
	assert_null(fopen(out, "r"));
	run_free(&r);
	r = run_cispref("translate", FIXTURES_DIR "/example-small.xml",
	                FIXTURES_DIR "/translate-nl.po", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
}

/* --lang: every output in the language of tests/fixtures/translation-view.xml's Dutch
 * and German texts, one warning line for the texts that stay French. */
#define VIEW FIXTURES_DIR "/translation-view.xml"

static void test_lang(void **state)
{
	(void)state;
	run r = run_cispref("export", "-i", VIEW, "--lang", "nl", "--format", "json", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"language\": \"nl\""));
	assert_non_null(strstr(r.out, "\"text\": \"Gesprekken voeren\""));
	/* psy.ind.1.sf.2 and the title */
	assert_string_equal(r.err, "cispref export: 2 of 9 texts have no translation into nl; "
	                           "they stay in fr\n");
	run_free(&r);
	r = run_cispref("export", "-i", VIEW, "--lang", "nl", "--quiet", "--format", "case", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_non_null(strstr(r.out, "\"associationType\": \"isTranslationOf\""));
	run_free(&r);
	r = run_cispref("export", "-i", VIEW, "--lang", "nl_BE", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "cispref export: --lang: 'nl_BE' is not a BCP 47 language "
	                              "tag (RFC 5646)"));
	run_free(&r);
	r = run_cispref("render", "-i", VIEW, "--lang", "nl", "--quiet", "-f", "html", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "<html lang=\"nl\""));
	run_free(&r);
	r = run_cispref("render", "-i", VIEW, "--lang", "nl", "--quiet", "-f", "md", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Gesprekken voeren"));
	run_free(&r);
	r = run_cispref("search", "-i", VIEW, "--lang", "nl", "--quiet", "vaardigheden", NULL);
	assert_int_equal(r.status, 0);
	assert_memory_equal(r.out, "psy.ind.1\t", 10);
	run_free(&r);
	r = run_cispref("list", "-i", VIEW, "--lang", "de", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Psychosoziale Begleitung"));
	assert_string_equal(r.err, "cispref list: 6 of 9 texts have no translation into de; "
	                           "they stay in fr\n");
	run_free(&r);
}

/* An ODT package in German: its default style's fo:language, read with python3's
 * zipfile (the package is compressed). */
static void test_lang_odt(void **state)
{
	(void)state;
	char out[4200];
	snprintf(out, sizeof out, "%s/de.odt", run_dir);
	run r = run_cispref("render", "-i", VIEW, "--lang", "de", "--quiet", "-o", out, NULL);
	assert_int_equal(r.status, 0);
	run_free(&r);
	const char *argv[] = {"/usr/bin/env", "python3", "-c",
	                      "import sys, zipfile\n"
	                      "z = zipfile.ZipFile(sys.argv[1])\n"
	                      "print(z.read('styles.xml').count(b'fo:language=\"de\"'),\n"
	                      "      z.read('styles.xml').count(b'fo:language=\"fr\"'))\n",
	                      out, NULL};
	r = run_program(argv, run_dir);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "1 0\n");
	run_free(&r);
}

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


/* ---- one grammar for every command (cispref(1)) ---- */

static const char *const commands[] = {"validate", "info", "export", "search",
                                       "show", "list", "concepts", "render", "coverage",
                                       "needs", "grid", "ratings"};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The long option names in @text after each @dash ("--", or "\\-\\-" in the man
 * page's source, where a hyphen is "\\-"), without --help, sorted, each once, joined
 * by spaces into @out. */
static void long_options(char *out, size_t size, const char *text, size_t length,
                         const char *dash)
{
	char names[64][32];
	const char *sorted[64];
	size_t count = 0;
	const char *end = text + length;
	for (const char *p = strstr(text, dash); p && p < end; p = strstr(p, dash)) {
		p += strlen(dash);
		char name[32];
		size_t n = 0;
		while (p < end && n + 1 < sizeof name) {
			if (*p >= 'a' && *p <= 'z')
				name[n++] = *p++;
			else if (strncmp(p, "\\-", 2) == 0 && p[2] >= 'a' && p[2] <= 'z')
				name[n++] = '-', p += 2;
			else if (*p == '-' && p[1] >= 'a' && p[1] <= 'z')
				name[n++] = *p++;
			else
				break;
		}
		name[n] = '\0';
		int seen = strcmp(name, "help") == 0 || n == 0;
		for (size_t i = 0; i < count && !seen; i++)
			seen = strcmp(names[i], name) == 0;
		if (!seen && count < 64) {
			strcpy(names[count], name);
			sorted[count] = names[count];
			count++;
		}
	}
	qsort(sorted, count, sizeof *sorted, compare_names);
	out[0] = '\0';
	for (size_t i = 0; i < count; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", sorted[i]);
}

/* The long options of the option lines of @command's --help (lines whose first
 * character after the indentation is '-'). */
static void help_options(char *out, size_t size, const char *command)
{
	run r = run_cispref(command, "--help", NULL);
	assert_int_equal(r.status, 0);
	char *lines = calloc(1, strlen(r.out) + 1);
	assert_non_null(lines);
	for (const char *line = r.out; *line;) {
		size_t n = strcspn(line, "\n");
		if (line[strspn(line, " ")] == '-')
			strncat(lines, line, n + (line[n] == '\n'));
		line += n + (line[n] == '\n');
	}
	long_options(out, size, lines, strlen(lines), "--");
	free(lines);
	run_free(&r);
}

/* The long options of @command's lines in the man page's SYNOPSIS: from each
 * ".B cispref COMMAND" to the next ".br". */
static void man_options(char *out, size_t size, const char *man, const char *command)
{
	char head[64], all[4096] = "";
	snprintf(head, sizeof head, "\n.B cispref %s", command);
	const char *synopsis = strstr(man, ".SH SYNOPSIS"), *end = strstr(man, ".SH DESCRIPTION");
	assert_non_null(synopsis);
	assert_non_null(end);
	for (const char *p = strstr(synopsis, head); p && p < end; p = strstr(p + 1, head)) {
		char c = p[strlen(head)];
		if (c != '\n' && c != ' ')
			continue;
		const char *br = strstr(p, "\n.br\n");
		assert_non_null(br);
		strncat(all, p, (size_t)(br - p) < sizeof all - strlen(all) - 1
		                    ? (size_t)(br - p) : sizeof all - strlen(all) - 1);
	}
	assert_true(all[0] != '\0');
	long_options(out, size, all, strlen(all), "\\-\\-");
}

/* Every command's --help gives the options the man page's synopsis gives it. */
static void test_help_matches_man(void **state)
{
	(void)state;
	char *man = read_whole_file(DATA_DIR "/../doc/cispref.1", NULL);
	assert_non_null(man);
	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		char from_help[1024], from_man[1024];
		help_options(from_help, sizeof from_help, commands[i]);
		man_options(from_man, sizeof from_man, man, commands[i]);
		if (strcmp(from_help, from_man) != 0)
			fail_msg("cispref %s: --help has '%s', the man page '%s'", commands[i], from_help,
			         from_man);
		/* every command that reads a referential takes --input; ratings reads only a
		 * positioning document */
		if (strcmp(commands[i], "ratings") != 0)
			assert_non_null(strstr(from_help, "input"));
	}
	free(man);
}

/* The structure of the JSON document in run_dir/stdout as python3's json module reads
 * it: an object as {key:shape,...} in order, an array as [shape of its first element],
 * a string or null as s, a number as n. */
static char *json_shape(void)
{
	static const char script[] =
		"import json, sys\n"
		"def shape(v):\n"
		"    if isinstance(v, dict):\n"
		"        return '{' + ','.join(k + ':' + shape(x) for k, x in v.items()) + '}'\n"
		"    if isinstance(v, list):\n"
		"        return '[' + (shape(v[0]) if v else '') + ']'\n"
		"    if isinstance(v, bool):\n"
		"        return 'b'\n"
		"    if isinstance(v, int):\n"
		"        return 'n'\n"
		"    return 's'\n"
		"print(shape(json.load(open(sys.argv[1], encoding='utf-8'))))\n";
	char path[4200];
	snprintf(path, sizeof path, "%s/stdout", run_dir);
	char *copy = NULL;
	/* The JSON is read from a copy: running python3 replaces run_dir/stdout. */
	char json_path[4200];
	snprintf(json_path, sizeof json_path, "%s/doc.json", run_dir);
	assert_int_equal(rename(path, json_path), 0);
	const char *argv[] = {"/usr/bin/env", "python3", "-c", script, json_path, NULL};
	run r = run_program(argv, run_dir);
	if (r.status != 0)
		fail_msg("python3 could not read the JSON: %s", r.err);
	copy = strdup(r.out);
	run_free(&r);
	return copy;
}

/* Run cispref with @args (NULL-terminated, at most 8) and return the shape of what it
 * printed. */
static char *shape_of(const char *const *args)
{
	run r = run_cispref(args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7],
	                    NULL);
	if (r.status != 0)
		fail_msg("cispref %s %s: exit %d, %s", args[0], args[1], r.status, r.err);
	run_free(&r);
	return json_shape();
}

/* The shapes of cispref(1), JSON OUTPUTS, for each command and each type of node. */
static void test_json_outputs(void **state)
{
	(void)state;
	static const struct {
		const char *args[8];
		const char *shape;
	} cases[] = {
		{{"info", "-f", "json", NULL},
		 "{id:s,title:s,version:s,language:s,source:{publisher:s,series:s,number:s,date:s,"
		 "approval:s},counts:{domains:n,plans:n,competences:n,summary_entries:n,savoir_faire:n,"
		 "savoir_faire_comportementaux:n,savoirs:n,concepts:n,notes:n}}\n"},
		{{"list", "--format", "json", NULL},
		 "{id:s,title:s,domains:[{id:s,kind:s,title:s,plans:[{id:s,kind:s,title:s,"
		 "competences:[{id:s,title:s,savoir_faire:n,savoir_faire_comportementaux:n,"
		 "savoirs:n}]}]}]}\n"},
		{{"show", "-f", "json", "psy", NULL},
		 "{type:s,id:s,kind:s,title:s,summary:[{id:s,plan:s,text:s,competence:s}],"
		 "plans:[{id:s,kind:s,title:s}]}\n"},
		{{"show", "-f", "json", "psy.sum.1", NULL},
		 "{type:s,id:s,domain:s,plan:s,text:s,competence:s}\n"},
		{{"show", "-f", "json", "psy.ind", NULL},
		 "{type:s,id:s,domain:s,kind:s,title:s,competences:[{id:s,title:s}]}\n"},
		{{"show", "-f", "json", "psy.ind.1", NULL},
		 "{type:s,id:s,plan:s,title:s,savoir_faire:[{id:s,text:s,concept:s}],"
		 "savoir_faire_comportementaux:[{id:s,text:s,concept:s}],"
		 "savoirs:[{id:s,text:s,concept:s}],notes:[{id:s,number:s,text:s}]}\n"},
		{{"show", "-f", "json", "psy.ind.1.sf.1", NULL},
		 "{type:s,id:s,kind:s,competence:s,text:s,concept:s}\n"},
		{{"show", "-f", "json", "c.ecoute-active", NULL},
		 "{type:s,id:s,kind:s,label:s,competence_count:n,items:[{id:s,competence:s,text:s}]}\n"},
		{{"show", "-f", "json", "note.21", NULL}, "{type:s,id:s,number:s,text:s}\n"},
		{{"concepts", "-f", "json", "--top", "2", NULL},
		 "[{id:s,competence_count:n,item_count:n,kind:s,label:s}]\n"},
		{{"search", "-f", "json", "ecoute", NULL},
		 "[{id:s,field:s,text:s,path:s,matched_words:n,domain:s,plan:s,competence:s}]\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *shape = shape_of(cases[i].args);
		if (strcmp(shape, cases[i].shape) != 0)
			fail_msg("cispref %s %s ... %s: shape\n%s, expected\n%s", cases[i].args[0],
			         cases[i].args[1], cases[i].args[3] ? cases[i].args[3] : "", shape,
			         cases[i].shape);
		free(shape);
	}
	/* Values the source gives: 21 detail tables, 24 summary entries, 23 notes (1-20 in the
	 * front matter, 21-23 in the tables). */
	run r = run_cispref("info", "-f", "json", NULL);
	assert_non_null(strstr(r.out, "\"competences\": 21,"));
	assert_non_null(strstr(r.out, "\"summary_entries\": 24,"));
	assert_non_null(strstr(r.out, "\"notes\": 23\n"));
	run_free(&r);
	/* A text with a tab and a line feed stays one JSON string, escaped. */
	r = run_cispref("show", "-f", "json", "-i", fixture("cli-control-chars.xml"), "c1", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"title\": \"Compétence\\tune\\ndeux\""));
	run_free(&r);
	free(json_shape());
	r = run_cispref("info", "--format", "xml", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	run_free(&r);
}

/* "-i -" reads standard input and "-o -" writes standard output, in every command. */
static void test_standard_streams(void **state)
{
	(void)state;
	const char *xml = DATA_DIR "/accompagnement-cisp.xml";
	static const char *const readers[] = {"info", "list", "concepts"};
	for (size_t i = 0; i < 3; i++) {
		run a = run_cispref(readers[i], "-i", xml, NULL);
		run b = run_cispref_from(xml, readers[i], "-i", "-", NULL);
		assert_int_equal(b.status, 0);
		assert_string_equal(a.out, b.out);
		run_free(&a);
		run_free(&b);
	}
	run r = run_cispref_from(xml, "show", "--input", "-", "psy.ind", NULL);
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "plan psy.ind [individual] in psy\n", 33) == 0);
	run_free(&r);
	r = run_cispref_from(xml, "search", "-i", "-", "-n", "1", "ecoute", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(strchr(r.out, '\n') - r.out + 1, (long)strlen(r.out)); /* one line */
	run_free(&r);
	r = run_cispref_from(xml, "export", "-i", "-", "-o", "-", "-f", "json", NULL);
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "{\n  \"format\": \"cispref-json\",", 29) == 0);
	run_free(&r);
	run a = run_cispref("render", "-f", "md", NULL);
	run b = run_cispref_from(xml, "render", "-f", "md", "-i", "-", "--output", "-", NULL);
	assert_int_equal(b.status, 0);
	assert_string_equal(a.out, b.out);
	run_free(&a);
	run_free(&b);
	/* validate: "-" as a FILE, or -i -; the findings name standard input. */
	r = run_cispref_from(fixture("cli-duplicate-id.xml"), "validate", "-", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "E: (standard input):11: duplicate-id the id 'c1.sf.1'"));
	run_free(&r);
	r = run_cispref_from(fixture("cli-duplicate-id.xml"), "validate", "-i", "-", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "E: (standard input):11: duplicate-id"));
	run_free(&r);
}

/* The summary counts every finding of every file; --level and --quiet choose what is
 * printed. */
static void test_validate_summary(void **state)
{
	(void)state;
	run r = run_cispref("validate", NULL);
	assert_int_equal(r.status, 0);
	size_t counts[3] = {0};
	const char *last = r.out;
	for (const char *line = r.out; *line; line = strchr(line, '\n') + 1) {
		last = line;
		const char *found = strchr("EWI", line[0]);
		if (line[0] && found && line[1] == ':')
			counts[found - "EWI"]++;
	}
	char expected[128];
	snprintf(expected, sizeof expected, "%zu errors, %zu warnings, %zu infos\n", counts[0],
	         counts[1], counts[2]);
	assert_string_equal(last, expected);
	assert_true(counts[1] > 1 && counts[2] > 1); /* plural forms */
	run_free(&r);

	r = run_cispref("validate", "--level", "warning", NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "I: "));
	assert_non_null(strstr(r.out, "W: "));
	assert_non_null(strstr(r.out, expected)); /* the summary counts all */
	run_free(&r);
	r = run_cispref("validate", "-l", "error", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, expected);
	run_free(&r);

	/* Two files: the totals. */
	r = run_cispref("validate", fixture("cli-duplicate-id.xml"), fixture("cli-not-xml.xml"), NULL);
	assert_int_equal(r.status, 1);
	size_t errors = 0;
	for (const char *p = r.out; (p = strstr(p, "E: ")) != NULL; p++)
		errors++;
	char summary[64];
	snprintf(summary, sizeof summary, "\n%zu error%s, ", errors, errors == 1 ? "" : "s");
	assert_true(errors >= 2);
	assert_non_null(strstr(r.out, summary));
	run_free(&r);

	static const char *const bad[][3] = {
		{"--level", "fatal", NULL}, {"--level", "warnings", NULL}, {"--level", "", NULL},
		{"-l", "error", "-q"}, {"--explain", "-l", "info"}, {"--level", NULL, NULL},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		r = run_cispref("validate", bad[i][0], bad[i][1], bad[i][2], NULL);
		if (r.status != 2 || r.out[0])
			fail_msg("validate %s %s: exit %d, out '%s'", bad[i][0], bad[i][1], r.status, r.out);
		run_free(&r);
	}
	r = run_cispref("validate", "--explain", "plan-emtpy", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, "cispref validate: unknown tag 'plan-emtpy'; did you mean "
	                           "plan-empty?\n");
	run_free(&r);
}

/* --lenient lets the inspecting commands read a file that breaks the validator's
 * rules. */
static void test_lenient(void **state)
{
	(void)state;
	const char *bad = fixture("cli-duplicate-id.xml");
	static const char *const args[][3] = {
		{"info", NULL, NULL}, {"list", NULL, NULL}, {"concepts", NULL, NULL},
		{"show", "c1", NULL}, {"search", "a", NULL},
	};
	for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) {
		run r = run_cispref(args[i][0], "-i", bad, args[i][1], NULL);
		assert_int_equal(r.status, 1);
		assert_non_null(strstr(r.err, "duplicate"));
		run_free(&r);
		r = run_cispref(args[i][0], "--lenient", "-i", bad, args[i][1], NULL);
		if (r.status != 0)
			fail_msg("%s --lenient: exit %d, %s", args[i][0], r.status, r.err);
		run_free(&r);
	}
}

/* Numeric options: digits only, within range; 0 is no limit in every command. */
static void test_numeric_options(void **state)
{
	(void)state;
	static const char *const bad[] = {"-1", "+1", " 1", "1 ", "1x", "", "0x10", "1e3",
	                                  "18446744073709551616", "99999999999999999999999"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		run r = run_cispref("search", "--limit", bad[i], "ecoute", NULL);
		if (r.status != 2 || r.out[0])
			fail_msg("search --limit '%s': exit %d", bad[i], r.status);
		assert_non_null(strstr(r.err, "cispref search: --limit"));
		run_free(&r);
		r = run_cispref("concepts", "--top", bad[i], NULL);
		if (r.status != 2 || r.out[0])
			fail_msg("concepts --top '%s': exit %d", bad[i], r.status);
		run_free(&r);
	}
	run all = run_cispref("search", "stagiaire", NULL);
	run zero = run_cispref("search", "-n", "0", "stagiaire", NULL);
	assert_int_equal(zero.status, 0);
	assert_string_equal(all.out, zero.out);
	run_free(&all);
	run_free(&zero);
	all = run_cispref("concepts", NULL);
	zero = run_cispref("concepts", "-t", "0", NULL);
	assert_int_equal(zero.status, 0);
	assert_string_equal(all.out, zero.out);
	run_free(&all);
	run_free(&zero);
	/* The largest value is no error. */
	zero = run_cispref("concepts", "-t", "18446744073709551615", NULL);
	assert_int_equal(zero.status, 0);
	run_free(&zero);
}

/* Usage errors: exit 2, one prefix, getopt's own messages replaced. */
static void test_usage_messages(void **state)
{
	(void)state;
	static const struct {
		const char *args[4];
		const char *err;
	} cases[] = {
		{{"info", "-i", NULL}, "cispref info: option '-i' needs a value\n"
		                       "Try 'cispref info --help'.\n"},
		{{"list", "--format", NULL}, "cispref list: option '--format' needs a value\n"
		                             "Try 'cispref list --help'.\n"},
		{{"show", "--bogus=1", "psy", NULL}, "cispref show: unknown option '--bogus'\n"
		                                     "Try 'cispref show --help'.\n"},
		{{"concepts", "-z", NULL}, "cispref concepts: unknown option '-z'\n"
		                           "Try 'cispref concepts --help'.\n"},
		{{"search", "-F", "json", "ecoute"}, "cispref search: unknown option '-F'\n"
		                                     "Try 'cispref search --help'.\n"},
		{{"export", "-o", NULL}, "cispref export: option '-o' needs a value\n"
		                         "Try 'cispref export --help'.\n"},
		{{"render", "--domain", "PSY", "-fmd"}, "cispref render: no domain has the id 'PSY'; "
		                                        "did you mean psy?\n"},
		{{"render", "-f", "md", "-d"}, "cispref render: option '-d' needs a value\n"
		                               "Try 'cispref render --help'.\n"},
		{{"validate", "--quiet=1", NULL}, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		run r = run_cispref(cases[i].args[0], cases[i].args[1], cases[i].args[2],
		                    cases[i].args[3], NULL);
		if (r.status != 2 || (cases[i].err && strcmp(r.err, cases[i].err) != 0))
			fail_msg("cispref %s %s: exit %d, stderr '%s'", cases[i].args[0], cases[i].args[1],
			         r.status, r.err);
		assert_string_equal(r.out, "");
		run_free(&r);
	}
	/* A file that cannot be read: one prefix, then where. */
	run r = run_cispref("info", "-i", "/nonexistent/referential.xml", NULL);
	assert_int_equal(r.status, 1);
	assert_true(strncmp(r.err, "cispref info: /nonexistent/referential.xml:", 43) == 0);
	assert_null(strstr(r.err + 1, "cispref"));
	run_free(&r);
	r = run_cispref("render", "--domain", "nope", "-f", "md", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, "cispref render: no domain has the id 'nope'; it must be one "
	                           "of psy, peda, sociopro, admin or com\n");
	run_free(&r);
}

/* -o FILE.pdf typesets the HTML cahier with WeasyPrint; without it, the tool says how
 * to get a PDF otherwise and writes nothing. */
static void test_render_pdf(void **state)
{
	(void)state;
	char path[4200];
	snprintf(path, sizeof path, "%s/cahier.pdf", run_dir);
	run r = run_cispref("render", "-o", path, "--domain", "com", "--no-index", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	run_free(&r);
	size_t size = 0;
	char *pdf = read_whole_file(path, &size);
	assert_non_null(pdf);
	assert_true(size > 1000 && strncmp(pdf, "%PDF-", 5) == 0); /* ISO 32000-1, 7.5.2 */
	free(pdf);
	assert_int_equal(unlink(path), 0);

	/* no typesetter on the PATH: an explanation, nothing written */
	const char *saved = getenv("PATH");
	char *old_path = saved ? strdup(saved) : NULL;
	setenv("PATH", run_dir, 1);
	r = run_cispref("render", "-o", path, NULL);
	if (old_path)
		setenv("PATH", old_path, 1);
	free(old_path);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "WeasyPrint, which is not installed"));
	assert_non_null(strstr(r.err, "weasyprint"));
	assert_non_null(strstr(r.err, "soffice --headless --convert-to pdf"));
	assert_int_equal(access(path, F_OK), -1);
	run_free(&r);

	r = run_cispref("render", "--format", "PDF", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "a PDF is written to a file: give -o FILE.pdf"));
	run_free(&r);
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

/* export --format moodle, then import --from moodle: the referential less its summaries
 * (doc/interchange.md); dropped rows on standard error with their line, exit status 1. */
static void test_import_moodle(void **state)
{
	(void)state;
	char csv[4200], xml[4200];
	snprintf(csv, sizeof csv, "%s/ref.csv", run_dir);
	snprintf(xml, sizeof xml, "%s/ref.xml", run_dir);
	run r = run_cispref("export", "--format", "moodle", "-o", csv, NULL);
	assert_int_equal(r.status, 0);
	run_free(&r);
	r = run_cispref("import", "--from", "moodle", csv, "-o", xml, "-q", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	run_free(&r);
	r = run_cispref("info", "-i", xml, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Competences: 21\n"));
	assert_non_null(strstr(r.out, "Summary entries: 0\n"));
	run_free(&r);

	r = run_cispref("import", "--from", "moodle", FIXTURES_DIR "/moodle-dropped.csv", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "moodle-dropped.csv:3: moodle-parent-unknown "));
	assert_non_null(strstr(r.out, "<referential "));
	run_free(&r);
	r = run_cispref("import", "--from", "moodle", "--delimiter", "|", csv, NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("import", "--from", "yaml", csv, NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	/* a --depths list the library refuses: a bad value of an option, a usage error */
	r = run_cispref("import", "--from", "moodle", "--depths", "item,domain", csv, NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);

	/* '-' is standard input, as for the other commands: the same referential, and the
	 * findings name the input as they do. */
	char from_stdin[4200];
	snprintf(from_stdin, sizeof from_stdin, "%s/stdin.xml", run_dir);
	r = run_cispref_from(csv, "import", "--from", "moodle", "-", "-o", from_stdin, "-q", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	run_free(&r);
	char *a = read_whole_file(xml, NULL), *b = read_whole_file(from_stdin, NULL);
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a, b);
	free(a);
	free(b);
	r = run_cispref_from(FIXTURES_DIR "/moodle-dropped.csv", "import", "--from", "moodle", "-",
	                     NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "E: (standard input):3: moodle-parent-unknown "));
	run_free(&r);
}

/* export --format moodle with a scale and a taxonomy of one's own: the framework row
 * carries them as Moodle stores them (doc/interchange.md, "Scale", "Taxonomy"); the
 * options need --format moodle, and a position counts from 1. */
static void test_export_moodle_options(void **state)
{
	(void)state;
	/* 14 columns: ..., scale values (5), scale configuration (6), rule type, rule
	 * outcome, rule config, cross-references, exported ID, is framework (12), taxonomy */
	static const char tail[] =
		"\"Insuffisant,Suffisant,Bien\","
		"\"[{\"\"scaleid\"\":null},"
		"{\"\"id\"\":1,\"\"scaledefault\"\":0,\"\"proficient\"\":0},"
		"{\"\"id\"\":2,\"\"scaledefault\"\":1,\"\"proficient\"\":1},"
		"{\"\"id\"\":3,\"\"scaledefault\"\":0,\"\"proficient\"\":1}]\","
		"\"\",\"\",\"\",\"\",\"\",\"1\",\"level,outcome,competency,indicator\"\n";
	char csv[4200];
	snprintf(csv, sizeof csv, "%s/options.csv", run_dir);
	run r = run_cispref("export", "--format", "moodle", "--scale", "Insuffisant,Suffisant,Bien",
	                    "--scale-default", "2", "--scale-proficient", "2", "--taxonomy",
	                    "level,outcome,competency,indicator", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_non_null(strstr(r.out, tail));
	/* the defaults are gone from the framework row */
	assert_null(strstr(r.out, "Non acquis"));
	assert_null(strstr(r.out, "domain,practice,competency,skill"));
	run_free(&r);
	/* the same bytes into a file */
	r = run_cispref("export", "--format", "moodle", "--scale", "Insuffisant,Suffisant,Bien",
	                "--scale-default", "2", "--scale-proficient", "2", "--taxonomy",
	                "level,outcome,competency,indicator", "-o", csv, NULL);
	assert_int_equal(r.status, 0);
	run_free(&r);
	size_t size;
	char *written = read_whole_file(csv, &size);
	assert_non_null(written);
	assert_non_null(strstr(written, tail));
	free(written);
	/* and the file reads back as the same framework */
	r = run_cispref("import", "--from", "moodle", csv, "-q", "-o", "/dev/null", NULL);
	assert_int_equal(r.status, 0);
	run_free(&r);
	/* an encoding iconv does not know is a bad value of -e: a usage error */
	r = run_cispref("import", "--from", "moodle", "-e", "BOGUS", csv, NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown encoding 'BOGUS'"));
	assert_string_equal(r.out, "");
	run_free(&r);
	/* and so is an empty or blank one (not the locale's encoding) */
	static const char *const blank[] = {"", " "};
	for (size_t i = 0; i < 2; i++) {
		r = run_cispref("import", "--from", "moodle", "-e", blank[i], csv, NULL);
		assert_int_equal(r.status, 2);
		assert_non_null(strstr(r.err, "unknown encoding '"));
		assert_non_null(strstr(r.err, i == 0 ? "the name is empty" : "the name is blank"));
		assert_string_equal(r.out, "");
		run_free(&r);
	}

	/* usage errors: without --format moodle (a .csv name picks "csv"), a position 0 */
	r = run_cispref("export", "--taxonomy", "level", "-o", csv, NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "are for --format moodle"));
	run_free(&r);
	r = run_cispref("export", "--format", "json", "--scale", "A,B", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("export", "--format", "moodle", "--scale-default", "0", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--scale-default takes a position on the scale, from 1, "
	                              "not '0'"));
	run_free(&r);
	r = run_cispref("export", "--format", "moodle", "--scale-proficient", "x", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--scale-proficient takes a position on the scale"));
	run_free(&r);
	/* what the library refuses, usage errors too (exit 2, cispref(1)): a term Moodle does
	 * not know, a value beyond the scale, an empty label, a label twice; the file is left
	 * as it was */
	r = run_cispref("export", "--format", "moodle", "--taxonomy", "domain,chapter", "-o", csv,
	                NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "taxonomy"));
	assert_string_equal(r.out, "");
	run_free(&r);
	written = read_whole_file(csv, &size);
	assert_non_null(strstr(written, tail));
	free(written);
	r = run_cispref("export", "--format", "moodle", "--scale", "A,B", "--scale-default", "3",
	                NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	run_free(&r);
	r = run_cispref("export", "--format", "moodle", "--scale", ",,", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	run_free(&r);
	r = run_cispref("export", "--format", "moodle", "--scale", "A,B, A", "-o", csv, NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "the same label twice"));
	run_free(&r);
	written = read_whole_file(csv, &size);
	assert_non_null(strstr(written, tail));
	free(written);
}

/* export --format case, then import --from case: the same XML but the front matter, which
 * CASE does not carry (doc/interchange.md); a file that is not JSON fails with its line and
 * column, exit status 1. */
static void test_import_case(void **state)
{
	(void)state;
	char json[4200], xml[4200], back[4200];
	snprintf(json, sizeof json, "%s/ref.case.json", run_dir);
	snprintf(xml, sizeof xml, "%s/ref-before.xml", run_dir);
	snprintf(back, sizeof back, "%s/ref-back.xml", run_dir);
	run r = run_cispref("export", "--format", "case", "-o", json, NULL);
	assert_int_equal(r.status, 0);
	run_free(&r);
	r = run_cispref("export", "-o", xml, NULL);
	assert_int_equal(r.status, 0);
	run_free(&r);
	r = run_cispref("import", "--from", "case", json, "-o", back, "-q", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	run_free(&r);
	size_t a_size = 0, b_size = 0;
	char *a = read_whole_file(xml, &a_size), *b = read_whole_file(back, &b_size);
	assert_non_null(a);
	assert_non_null(b);
	/* the canonical XML without its front-matter element (one element, its own lines) */
	char *from = strstr(a, "  <front-matter>\n");
	char *to = from ? strstr(from, "  </front-matter>\n") : NULL;
	assert_non_null(to);
	to += strlen("  </front-matter>\n");
	memmove(from, to, a_size - (size_t)(to - a));
	a_size -= (size_t)(to - from);
	assert_null(strstr(b, "front-matter"));
	assert_int_equal(a_size, b_size);
	assert_memory_equal(a, b, a_size);
	free(a);
	free(b);
	r = run_cispref("import", "--from", "case", FIXTURES_DIR "/case-truncated.json", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "case-truncated.json:4:19: not JSON: premature end"));
	run_free(&r);
	r = run_cispref("import", "--from", "case", "--encoding", "UTF-8", json, NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	/* values of options the library refuses are usage errors too */
	r = run_cispref("import", "--from", "case", "--depths", "item,domain", json, NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	run_free(&r);
	/* '-' is standard input */
	r = run_cispref_from(FIXTURES_DIR "/case-truncated.json", "import", "--from", "case", "-",
	                     NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "(standard input):4:19: not JSON: premature end"));
	run_free(&r);
	r = run_cispref_from(json, "import", "--from", "case", "-", "-q", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "<referential "));
	run_free(&r);
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
		cmocka_unit_test(test_output_names),
		cmocka_unit_test(test_binary_to_terminal),
		cmocka_unit_test(test_long_output_path),
		cmocka_unit_test(test_read_only_output),
		cmocka_unit_test(test_translate),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_lang_odt),
		cmocka_unit_test(test_import_moodle),
		cmocka_unit_test(test_import_case),
		cmocka_unit_test(test_info_control_chars),
		cmocka_unit_test(test_validate_control_chars),
		cmocka_unit_test(test_help_matches_man),
		cmocka_unit_test(test_json_outputs),
		cmocka_unit_test(test_standard_streams),
		cmocka_unit_test(test_validate_summary),
		cmocka_unit_test(test_lenient),
		cmocka_unit_test(test_numeric_options),
		cmocka_unit_test(test_usage_messages),
		cmocka_unit_test(test_render_pdf),
		cmocka_unit_test(test_validate_write_error),
		cmocka_unit_test(test_info_write_error),
		cmocka_unit_test(test_export_moodle_options),
		cmocka_unit_test(test_export_write_error),
		cmocka_unit_test(test_render_write_error),
		cmocka_unit_test(test_tool_write_error),
	};
	return cmocka_run_group_tests(tests, run_dir_setup, run_dir_teardown);
}
