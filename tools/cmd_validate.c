/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref validate [-q] [FILE]...\n"
	       "       cispref validate --explain [TAG]...\n\n"
	       "Check each FILE (the embedded referential when none is given) and print one\n"
	       "line per finding:  E|W|I: FILE:LINE: TAG MESSAGE\n"
	       "(E error, W warning, I info).\n\n"
	       "  -q, --quiet      print errors only\n"
	       "  -x, --explain    instead of checking files, describe each TAG (every tag when\n"
	       "                   none is given): TAG, severity and rule, separated by tabs\n"
	       "  -h, --help       show this help\n\n"
	       "Exit status: 0 when no file has an error, 1 otherwise or when the output could not\n"
	       "be written, 2 on a usage error.\n");
}

static const char letters[] = {'E', 'W', 'I'};

/* One finding as a line; the message and the file name may hold any text of the
 * referential or of the command line. */
static void print_finding(char letter, const char *file, unsigned long line, const char *tag,
                          const char *message)
{
	printf("%c: %s:%lu: %s %s\n", letter, cli_text(file ? file : "-"), line, tag,
	       cli_text(message));
}

/* Validate one referential (NULL path: the embedded one); returns 1 if it has errors. */
static int validate_one(const char *path, int quiet)
{
	cispref_referential *ref;
	cispref_error error = {0};
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.flags = CISPREF_LOAD_LENIENT;
	int rc = path ? cispref_referential_load_file(&ref, path, &options, &error)
	              : cispref_referential_load_default(&ref, &error);
	if (rc != 0) {
		print_finding('E', error.source, error.line, cispref_status_tag(error.code), error.text);
		return 1;
	}
	cispref_diagnostics *list;
	if (cispref_validate(&list, ref) != 0) {
		fprintf(stderr, "cispref validate: out of memory\n");
		cispref_referential_free(ref);
		return 1;
	}
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		cispref_severity_t severity = cispref_diagnostic_severity(d);
		if (quiet && severity != CISPREF_SEVERITY_ERROR)
			continue;
		print_finding(letters[severity], cispref_diagnostic_file(d), cispref_diagnostic_line(d),
		              cispref_diagnostic_tag(d), cispref_diagnostic_message(d));
	}
	int errors = cispref_diagnostics_count_severity(list, CISPREF_SEVERITY_ERROR) > 0;
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
	return errors;
}

/* Whether @tag names a status code of the library (io-error, xml-error...), which
 * validate prints for a file it could not load. */
static int is_status_tag(const char *tag)
{
	const char *unknown = cispref_status_tag(1); /* not a status code */
	for (int code = -1; strcmp(cispref_status_tag(code), unknown) != 0; code--)
		if (strcmp(cispref_status_tag(code), tag) == 0)
			return 1;
	return 0;
}

/* "TAG<tab>SEVERITY<tab>EXPLANATION" for each of @tags, or for every tag of the validator
 * when @count is 0. */
static int explain(char **tags, int count)
{
	for (int i = 0; i < count; i++) {
		if (is_status_tag(tags[i]))
			return cli_usage_error("validate", "'%s' is not a rule of the validator: it says "
			                       "why a file could not be loaded, and the rest of its "
			                       "line says what was found", tags[i]);
		if (!cispref_validator_tag_explain(NULL, tags[i]))
			return cli_usage_error("validate", "unknown tag '%s' ('cispref validate --explain' "
			                       "lists them all)", tags[i]);
	}
	size_t n = count ? (size_t)count : cispref_validator_tag_count();
	for (size_t i = 0; i < n; i++) {
		const char *tag = count ? tags[i] : cispref_validator_tag(i);
		cispref_severity_t severity;
		const char *text = cispref_validator_tag_explain(&severity, tag);
		printf("%s\t%s\t%s\n", tag, cispref_severity_name(severity), cli_text(text));
	}
	return EXIT_OK;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option options[] = {
		{"quiet", no_argument, NULL, 'q'},
		{"explain", no_argument, NULL, 'x'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	int quiet = 0, explaining = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "qxh", options, NULL)) != -1) {
		switch (c) {
		case 'q': quiet = 1; break;
		case 'x': explaining = 1; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_usage_error("validate", "invalid option");
		}
	}
	if (explaining && quiet)
		return cli_usage_error("validate", "--quiet and --explain do not go together");
	if (explaining)
		return explain(argv + optind, argc - optind);
	int failed = 0;
	if (optind == argc)
		failed = validate_one(NULL, quiet);
	for (int i = optind; i < argc; i++)
		failed |= validate_one(argv[i], quiet);
	return failed ? EXIT_INVALID : EXIT_OK;
}
