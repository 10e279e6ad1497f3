/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref coverage and cispref needs: a team's positioning document read against a
 * referential (doc/positioning.md). The rules are the library's; this file parses the
 * options and prints. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum { OPT_ANONYMIZE = 400, OPT_PERSON };

typedef enum team_output { OUT_TEXT, OUT_JSON, OUT_CSV, OUT_CSV_EXCEL_FR } team_output;

typedef struct team_args {
	const char *team;   /* the positioning document */
	const char *input;  /* the referential; NULL: the embedded one */
	const char *person; /* needs: one person's */
	team_output output;
	unsigned flags;     /* CISPREF_TEAM_ANONYMIZE */
} team_args;

static void help_coverage(void)
{
	printf("Usage: cispref coverage TEAM.xml [-i FILE] [-f text|json|csv|csv-excel-fr]\n"
	       "                        [--anonymize]\n\n"
	       "For each competence of the referential, the persons of the positioning document\n"
	       "TEAM.xml who master it (doc/positioning.md). Text: one line per competence,\n"
	       "  ID<tab>COUNT<tab>PERSONS   (PERSONS is '-' when nobody covers it)\n"
	       "then the number of competences nobody covers.\n\n"
	       "  -i, --input FILE     the referential rated ('-': standard input; by default the\n"
	       "                       embedded one)\n"
	       "  -f, --format FORMAT  text (the default), json, csv (RFC 4180) or csv-excel-fr;\n"
	       "                       the CSV holds the matrix: one column per person\n"
	       "      --anonymize      name persons by their ids, never by their display names\n"
	       "  -h, --help           show this help\n");
}

static void help_needs(void)
{
	printf("Usage: cispref needs TEAM.xml [--person ID] [-i FILE] [-f text|json|csv|csv-excel-fr]\n"
	       "                     [--anonymize]\n\n"
	       "The training needs of the team (or of one person): the items rated below a\n"
	       "proficient level, grouped by the concept they share, most persons first, then\n"
	       "most competences, then by id (doc/positioning.md). Text: one line per need,\n"
	       "  RANK<tab>ID<tab>PERSONS<tab>COMPETENCES<tab>LABEL   (the counts)\n\n"
	       "      --person ID      the gaps of this person only\n"
	       "  -i, --input FILE     the referential rated (by default the embedded one)\n"
	       "  -f, --format FORMAT  text (the default), json, csv or csv-excel-fr\n"
	       "      --anonymize      name persons by their ids, never by their display names\n"
	       "  -h, --help           show this help\n");
}

static int parse_output(team_output *out, const char *arg)
{
	static const char *const names[] = {"text", "json", "csv", "csv-excel-fr"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(arg, names[i]) == 0) {
			*out = (team_output)i;
			return EXIT_OK;
		}
	return cli_usage_error("unknown format '%s' (text, json, csv or csv-excel-fr)", arg);
}

/* -1 to go on, or the exit code to end with. */
static int parse(team_args *a, int argc, char **argv, int needs, void (*help)(void))
{
	static const struct option options[] = {
		{"input", required_argument, NULL, 'i'},
		{"format", required_argument, NULL, 'f'},
		{"anonymize", no_argument, NULL, OPT_ANONYMIZE},
		{"person", required_argument, NULL, OPT_PERSON},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	int c, rc;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":i:f:h", options, NULL)) != -1) {
		switch (c) {
		case 'i': a->input = optarg; break;
		case 'f':
			if ((rc = parse_output(&a->output, optarg)) != EXIT_OK)
				return rc;
			break;
		case OPT_ANONYMIZE: a->flags |= CISPREF_TEAM_ANONYMIZE; break;
		case OPT_PERSON:
			if (!needs)
				return cli_usage_error("unrecognized option '--person'");
			a->person = optarg;
			break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error("a positioning document (TEAM.xml) is needed");
	if (optind + 1 < argc)
		return cli_usage_error("unexpected argument '%s'", argv[optind + 1]);
	a->team = argv[optind];
	return -1;
}

/* Load the referential and the team: EXIT_OK or EXIT_INVALID (after saying why). */
static int load_both(cispref_referential **ref, cispref_positioning **team, const team_args *a)
{
	int rc = cli_load(ref, a->input, CISPREF_LOAD_DEFAULT);
	if (rc)
		return rc;
	cispref_error error = {0};
	if (cispref_positioning_load_file(team, a->team, NULL, &error) != 0) {
		cli_print_error(&error);
		cispref_referential_free(*ref);
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

static const char *person_label(const cispref_person *p, unsigned flags)
{
	return (flags & CISPREF_TEAM_ANONYMIZE) || !cispref_person_name(p) ? cispref_person_id(p)
	                                                                  : cispref_person_name(p);
}

static void coverage_text(const cispref_coverage *cov, unsigned flags)
{
	for (size_t c = 0; c < cispref_coverage_count(cov); c++) {
		size_t n = cispref_coverage_person_count(cov, c);
		printf("%s\t%zu\t", cispref_competence_id(cispref_coverage_competence(cov, c)), n);
		for (size_t k = 0; k < n; k++)
			printf("%s%s", k ? ", " : "", cli_text(person_label(cispref_coverage_person(cov, c, k), flags)));
		printf("%s\n", n ? "" : "-");
	}
	printf("%zu of %zu competences covered by nobody\n", cispref_coverage_uncovered_count(cov),
	       cispref_coverage_count(cov));
}

static void needs_text(const cispref_needs *needs)
{
	for (size_t i = 0; i < cispref_needs_count(needs); i++)
		printf("%zu\t%s\t%zu\t%zu\t%s\n", i + 1, cispref_needs_id(needs, i),
		       cispref_needs_person_count(needs, i), cispref_needs_competence_count(needs, i),
		       cli_text(cispref_needs_label(needs, i)));
}

/* Print what the library serialised: EXIT_OK or EXIT_INVALID. */
static int print_export(int rc, char *buf, size_t size, const cispref_error *error)
{
	if (rc || !buf) {
		cli_print_error(error);
		return EXIT_INVALID;
	}
	fwrite(buf, 1, size, stdout);
	cispref_buffer_free(buf);
	return EXIT_OK;
}

static const cispref_team_format_t formats[] = {
	[OUT_JSON] = CISPREF_TEAM_FORMAT_JSON,
	[OUT_CSV] = CISPREF_TEAM_FORMAT_CSV,
	[OUT_CSV_EXCEL_FR] = CISPREF_TEAM_FORMAT_CSV_EXCEL_FR,
};

int cmd_coverage(int argc, char **argv)
{
	team_args a = {0};
	int rc = parse(&a, argc, argv, 0, help_coverage);
	if (rc >= 0)
		return rc;
	cispref_referential *ref;
	cispref_positioning *team;
	if ((rc = load_both(&ref, &team, &a)) != EXIT_OK)
		return rc;
	cispref_coverage *cov = NULL;
	if (cispref_coverage_new(&cov, team, ref) != 0) {
		cli_error("out of memory");
		rc = EXIT_INVALID;
	} else if (a.output == OUT_TEXT) {
		coverage_text(cov, a.flags);
	} else {
		char *buf = NULL;
		size_t size = 0;
		cispref_error error = {0};
		int status = cispref_coverage_export(&buf, &size, cov, formats[a.output], a.flags,
		                                     &error);
		rc = print_export(status, buf, size, &error);
	}
	cispref_coverage_free(cov);
	cispref_positioning_free(team);
	cispref_referential_free(ref);
	return rc;
}

int cmd_needs(int argc, char **argv)
{
	team_args a = {0};
	int rc = parse(&a, argc, argv, 1, help_needs);
	if (rc >= 0)
		return rc;
	cispref_referential *ref;
	cispref_positioning *team;
	if ((rc = load_both(&ref, &team, &a)) != EXIT_OK)
		return rc;
	cispref_needs *needs = NULL;
	int status = cispref_needs_new(&needs, team, ref, a.person);
	if (status == CISPREF_ENOTFOUND) {
		rc = cli_usage_error("no person '%s' in %s", cli_text(a.person), cli_text(a.team));
	} else if (status != 0) {
		cli_error("out of memory");
		rc = EXIT_INVALID;
	} else if (a.output == OUT_TEXT) {
		needs_text(needs);
	} else {
		char *buf = NULL;
		size_t size = 0;
		cispref_error error = {0};
		status = cispref_needs_export(&buf, &size, needs, formats[a.output], a.flags, &error);
		rc = print_export(status, buf, size, &error);
	}
	cispref_needs_free(needs);
	cispref_positioning_free(team);
	cispref_referential_free(ref);
	return rc;
}
