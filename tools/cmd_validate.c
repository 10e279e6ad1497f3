#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref validate [OPTION]... [FILE]...\n\n"
	       "Check each FILE (the embedded referential when none is given) and print one\n"
	       "line per finding:  E|W|I: FILE:LINE: TAG MESSAGE\n\n"
	       "  -q, --quiet      print errors only\n"
	       "  -h, --help       show this help\n\n"
	       "Exit status: 0 when no file has an error, 1 otherwise, 2 on a usage error.\n");
}

static const char letters[] = {'E', 'W', 'I'};

/* Validate one referential (NULL path: the embedded one); returns 1 if it has errors. */
static int validate_one(const char *path, int quiet)
{
	cispref_referential *ref;
	cispref_error error = {0};
	int rc = path ? cispref_referential_load_file(&ref, path, CISPREF_LOAD_LENIENT, &error)
	              : cispref_referential_load_default(&ref, &error);
	if (rc != 0) {
		printf("E: %s:%lu: %s %s\n", error.source, error.line, cispref_status_tag(error.code),
		       error.text);
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
		cispref_severity severity = cispref_diagnostic_severity(d);
		if (quiet && severity != CISPREF_SEVERITY_ERROR)
			continue;
		const char *file = cispref_diagnostic_file(d);
		printf("%c: %s:%lu: %s %s\n", letters[severity], file ? file : "-",
		       cispref_diagnostic_line(d), cispref_diagnostic_tag(d),
		       cispref_diagnostic_message(d));
	}
	int errors = cispref_diagnostics_count_severity(list, CISPREF_SEVERITY_ERROR) > 0;
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
	return errors;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option options[] = {
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	int quiet = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
		switch (c) {
		case 'q': quiet = 1; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_usage_error("validate", "invalid option");
		}
	}
	int failed = 0;
	if (optind == argc)
		failed = validate_one(NULL, quiet);
	for (int i = optind; i < argc; i++)
		failed |= validate_one(argv[i], quiet);
	return failed ? EXIT_INVALID : EXIT_OK;
}
