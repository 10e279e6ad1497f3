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

typedef enum team_output {
	OUT_TEXT, OUT_JSON, OUT_CSV, OUT_CSV_EXCEL_FR, OUT_HTML, OUT_ODT
} team_output;

typedef struct team_args {
	const char *team;   /* the positioning document */
	const char *input;  /* the referential; NULL: the embedded one */
	const char *person; /* needs: one person's */
	team_output output;
	int output_given;
	const char *path;   /* -o; NULL: standard output */
	unsigned flags;     /* CISPREF_TEAM_ANONYMIZE */
} team_args;

static void help_coverage(void)
{
	printf("Usage: cispref coverage TEAM.xml [-i FILE] [-f text|json|csv|csv-excel-fr|html|odt]\n"
	       "                        [-o FILE] [--anonymize]\n\n"
	       "For each competence of the referential, the persons of the positioning document\n"
	       "TEAM.xml ('-': standard input) who master it (doc/positioning.md). Text: one\n"
	       "line per competence,\n"
	       "  ID<tab>COUNT<tab>PERSONS   (PERSONS is '-' when nobody covers it)\n"
	       "then the number of competences nobody covers. TEAM.xml is checked against the\n"
	       "referential first, as 'cispref validate' checks it: its errors and warnings go\n"
	       "to standard error, and with an error nothing is computed (exit 1).\n\n"
	       "  -i, --input FILE     the referential rated ('-': standard input; by default the\n"
	       "                       embedded one)\n"
	       "  -f, --format FORMAT  text (the default), json, csv (RFC 4180) or csv-excel-fr\n"
	       "                       (the matrix: one column per person), html or odt (the\n"
	       "                       matrix to print, uncovered competences marked)\n"
	       "  -o, --output FILE    write FILE (replaced atomically) rather than standard\n"
	       "                       output; without -f its extension picks the format\n"
	       "                       (.json, .csv, .html, .odt; another one is refused); an\n"
	       "                       ODT needs one; the text goes to standard output only\n"
	       "      --anonymize      name persons by their ids, never by their display names\n"
	       "  -h, --help           show this help\n");
}

static void help_needs(void)
{
	printf("Usage: cispref needs TEAM.xml [--person ID] [-i FILE] [-f text|json|csv|csv-excel-fr]\n"
	       "                     [-o FILE] [--anonymize]\n\n"
	       "The training needs of the team of TEAM.xml ('-': standard input), or of one\n"
	       "person: the items rated below a proficient level, grouped by the concept they\n"
	       "share, most persons first, then most competences, then by id\n"
	       "(doc/positioning.md). Text: one line per need,\n"
	       "  RANK<tab>ID<tab>PERSONS<tab>COMPETENCES<tab>LABEL   (the counts)\n"
	       "TEAM.xml is checked against the referential first, as 'cispref validate'\n"
	       "checks it: with an error nothing is computed (exit 1).\n\n"
	       "      --person ID      the gaps of this person only\n"
	       "  -i, --input FILE     the referential rated (by default the embedded one)\n"
	       "  -f, --format FORMAT  text (the default), json, csv or csv-excel-fr\n"
	       "  -o, --output FILE    write FILE (replaced atomically) rather than standard\n"
	       "                       output; without -f, .json or .csv picks the format\n"
	       "                       (another extension is refused); the text goes to\n"
	       "                       standard output only\n"
	       "      --anonymize      name persons by their ids, never by their display names\n"
	       "  -h, --help           show this help\n");
}

static int parse_output(team_output *out, const char *arg)
{
	static const char *const names[] = {"text", "json", "csv", "csv-excel-fr", "html", "odt"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(arg, names[i]) == 0) {
			*out = (team_output)i;
			return EXIT_OK;
		}
	return cli_usage_error("unknown format '%s' (text, json, csv, csv-excel-fr, html or odt)",
	                       arg);
}

/* The output -o FILE asks for by its extension (.html, .htm, .odt, .json, .csv): 1, or 0
 * when it asks for none of them, with @out as it was. */
static int output_from_path(team_output *out, const char *path)
{
	cispref_render_format_t r;
	cispref_format_t f;
	if (cispref_render_format_from_path(&r, path) == 0 && r <= CISPREF_RENDER_ODT)
		*out = r == CISPREF_RENDER_ODT ? OUT_ODT : OUT_HTML;
	else if (cispref_format_from_path(&f, path) == 0 && f == CISPREF_FORMAT_JSON)
		*out = OUT_JSON;
	else if (cispref_format_from_path(&f, path) == 0 && f == CISPREF_FORMAT_CSV)
		*out = OUT_CSV;
	else
		return 0;
	return 1;
}

/* The formats each command (coverage, needs, grid, ratings: parse()'s @command) writes
 * into -o FILE, as --format names them, and whether it writes @output there. */
static const char *const file_formats[] = {"json, csv, csv-excel-fr, html or odt",
                                           "json, csv or csv-excel-fr", "html or odt",
                                           "json, csv or csv-excel-fr"};
static int writes_to_file(int command, team_output output)
{
	switch (command) {
	case 0: return output != OUT_TEXT;
	case 2: return output == OUT_HTML || output == OUT_ODT;
	default: return output == OUT_JSON || output == OUT_CSV || output == OUT_CSV_EXCEL_FR;
	}
}

/* The format of -o FILE without --format: the one its extension names, or, for a name
 * without one, the command's default; an extension that names none of the command's
 * formats is a usage error, as in every command ("g.pdf" would get HTML unnoticed). */
static int output_of_file(team_args *a, int command)
{
	if (!cli_extension(a->path))
		return EXIT_OK;
	team_output by_name = a->output;
	if (!output_from_path(&by_name, a->path) || !writes_to_file(command, by_name))
		return cli_extension_error(a->path, file_formats[command]);
	a->output = by_name;
	return EXIT_OK;
}

/* -1 to go on, or the exit code to end with. */
static int parse(team_args *a, int argc, char **argv, int needs, void (*help)(void))
{
	static const struct option options[] = {
		{"input", required_argument, NULL, 'i'},
		{"format", required_argument, NULL, 'f'},
		{"anonymize", no_argument, NULL, OPT_ANONYMIZE},
		{"person", required_argument, NULL, OPT_PERSON},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	int c, rc;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":i:f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'i': a->input = optarg; break;
		case 'f':
			if ((rc = parse_output(&a->output, optarg)) != EXIT_OK)
				return rc;
			a->output_given = 1;
			break;
		case 'o': a->path = cli_output_path(optarg); break;
		case OPT_ANONYMIZE: a->flags |= CISPREF_TEAM_ANONYMIZE; break;
		case OPT_PERSON:
			if (needs == 0 || needs == 3)
				return cli_usage_error("unrecognized option '--person'");
			a->person = optarg;
			break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(c, argv);
		}
	}
	if (optind >= argc && needs != 2)
		return cli_usage_error("a positioning document (TEAM.xml) is needed");
	if (optind + 1 < argc)
		return cli_usage_error("unexpected argument '%s'", argv[optind + 1]);
	a->team = optind < argc ? argv[optind] : NULL;
	if (a->path && cli_refuse_output(a->path))
		return EXIT_INVALID;
	if (a->path && !a->output_given && (rc = output_of_file(a, needs)) != EXIT_OK)
		return rc;
	if (a->path && a->output == OUT_TEXT && needs != 2)
		return cli_usage_error("the text output goes to standard output: give -f json, csv "
		                       "or csv-excel-fr%s with -o", needs == 0 ? " (or html, odt)" : "");
	return -1;
}

/* Load the team, from standard input when it is "-": EXIT_OK or EXIT_INVALID (after
 * saying why). */
static int load_team(cispref_positioning **team, const team_args *a)
{
	cispref_error error = {0};
	int rc = strcmp(a->team, "-") == 0
	                 ? cispref_positioning_load_stream(team, stdin, "(standard input)", NULL,
	                                                   &error)
	                 : cispref_positioning_load_file(team, a->team, NULL, &error);
	if (rc != 0) {
		cli_print_error(&error);
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

/* Check the team against the referential as `cispref validate` does, its errors and
 * warnings printed on stderr in validate's form: EXIT_OK when it has no error, else
 * EXIT_INVALID. The library computes from the ratings that match the referential and the
 * scale (positioning.h): a rating of an unknown target, person or level would be left out,
 * or counted, without a word, and a document of another referential covers nothing, so a
 * figure from a document with errors would be wrong without saying so. */
static int check_team(const cispref_positioning *team, const cispref_referential *ref,
                      const char *path)
{
	static const char letters[] = {'E', 'W', 'I'};
	cispref_diagnostics *list;
	if (cispref_positioning_validate(&list, team, ref) != 0) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		cispref_severity_t severity = cispref_diagnostic_severity(d);
		const char *file = cispref_diagnostic_file(d);
		if (severity == CISPREF_SEVERITY_INFO)
			continue;
		fprintf(stderr, "%c: %s:%lu: ", letters[severity], cli_text(file ? file : path),
		        cispref_diagnostic_line(d));
		fprintf(stderr, "%s %s\n", cispref_diagnostic_tag(d),
		        cli_text(cispref_diagnostic_message(d)));
	}
	size_t errors = cispref_diagnostics_count_severity(list, CISPREF_SEVERITY_ERROR);
	cispref_diagnostics_free(list);
	if (errors)
		cli_error("%s has %zu error%s against the referential (above): refused, fix %s first",
		          cli_text(path), errors, errors == 1 ? "" : "s", errors == 1 ? "it" : "them");
	return errors ? EXIT_INVALID : EXIT_OK;
}

/* Load the referential and the team, and check the team against it: EXIT_OK or
 * EXIT_INVALID (after saying why). */
static int load_both(cispref_referential **ref, cispref_positioning **team, const team_args *a)
{
	if (a->input && strcmp(a->input, "-") == 0 && strcmp(a->team, "-") == 0)
		return cli_usage_error("the referential and the team cannot both be read from "
		                       "standard input");
	int rc = cli_load(ref, a->input, CISPREF_LOAD_DEFAULT);
	if (rc)
		return rc;
	if ((rc = load_team(team, a)) != EXIT_OK) {
		cispref_referential_free(*ref);
		return rc;
	}
	const char *path = strcmp(a->team, "-") == 0 ? "(standard input)" : a->team;
	if ((rc = check_team(*team, *ref, path)) != EXIT_OK) {
		cispref_positioning_free(*team);
		cispref_referential_free(*ref);
	}
	return rc;
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

static const cispref_team_format_t formats[] = {
	[OUT_JSON] = CISPREF_TEAM_FORMAT_JSON,
	[OUT_CSV] = CISPREF_TEAM_FORMAT_CSV,
	[OUT_CSV_EXCEL_FR] = CISPREF_TEAM_FORMAT_CSV_EXCEL_FR,
};

/* The three exports of a team document. */
typedef enum team_export { EXPORT_COVERAGE, EXPORT_NEEDS, EXPORT_RATINGS } team_export;

/* @what exported into -o FILE (replaced atomically), or into *@buf for standard output. */
static int export_to(team_export kind, const void *what, const team_args *a, char **buf,
                     size_t *size, cispref_error *error)
{
	cispref_team_format_t f = formats[a->output];
	const char *path = a->path;
	switch (kind) {
	case EXPORT_COVERAGE:
		return path ? cispref_coverage_export_path(path, what, f, a->flags, error)
		            : cispref_coverage_export(buf, size, what, f, a->flags, error);
	case EXPORT_NEEDS:
		return path ? cispref_needs_export_path(path, what, f, a->flags, error)
		            : cispref_needs_export(buf, size, what, f, a->flags, error);
	case EXPORT_RATINGS: break;
	}
	return path ? cispref_positioning_export_ratings_path(path, what, f, a->flags, error)
	            : cispref_positioning_export_ratings(buf, size, what, f, a->flags, error);
}

/* @what exported into -o FILE or on standard output: EXIT_OK or EXIT_INVALID (after
 * saying why). */
static int write_export(team_export kind, const void *what, const team_args *a)
{
	cispref_error error = {0};
	char *buf = NULL;
	size_t size = 0;
	if (export_to(kind, what, a, &buf, &size, &error) != 0) {
		cli_print_error(&error);
		return EXIT_INVALID;
	}
	if (buf)
		fwrite(buf, 1, size, stdout);
	cispref_buffer_free(buf);
	return EXIT_OK;
}

/* A grid or the coverage matrix, as HTML or ODT, into -o FILE (replaced atomically) or on
 * standard output (HTML only: an ODT package is binary). */
static int draw(const team_args *a, cispref_team_render_t what, const cispref_positioning *team,
                const cispref_referential *ref)
{
	cispref_render_format_t format = a->output == OUT_ODT ? CISPREF_RENDER_ODT
	                                                      : CISPREF_RENDER_HTML;
	cispref_error error = {0};
	int rc;
	if (a->path) {
		rc = cispref_team_render_path(a->path, what, format, team, ref, a->person, a->flags,
		                              &error);
	} else if (format == CISPREF_RENDER_ODT) {
		return cli_usage_error("an ODT package is written to a file: give -o FILE");
	} else {
		char *buf = NULL;
		size_t size = 0;
		rc = cispref_team_render(&buf, &size, what, format, team, ref, a->person, a->flags,
		                         &error);
		if (rc == 0)
			fwrite(buf, 1, size, stdout);
		cispref_buffer_free(buf);
	}
	if (rc == CISPREF_ENOTFOUND)
		return cli_usage_error("no person '%s' in %s", cli_text(a->person), cli_text(a->team));
	if (rc) {
		cli_print_error(&error);
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

static void help_grid(void)
{
	printf("Usage: cispref grid [TEAM.xml] [--person ID] [-i FILE] [-f html|odt] [-o FILE]\n"
	       "                    [--anonymize]\n\n"
	       "A positioning grid to print and fill in by hand: a place for the name and the\n"
	       "date, then one table per competence, its items in rows and one box per level.\n"
	       "Blank on the default scale, or on the scale of TEAM.xml; with --person, ticked\n"
	       "with that person's levels and named. TEAM.xml is checked against the\n"
	       "referential first, as 'cispref validate' checks it: with an error nothing is\n"
	       "drawn (exit 1).\n\n"
	       "      --person ID      fill the grid with the levels of this person of TEAM.xml\n"
	       "  -i, --input FILE     the referential (by default the embedded one)\n"
	       "  -f, --format FORMAT  html or odt; by default the one the extension of -o FILE\n"
	       "                       names (.html, .htm, .odt; another one is refused), else\n"
	       "                       html\n"
	       "  -o, --output FILE    write FILE (replaced atomically); an ODT needs one\n"
	       "      --anonymize      name the person by their id, never by the display name\n"
	       "  -h, --help           show this help\n");
}

int cmd_grid(int argc, char **argv)
{
	team_args a = {0};
	a.output = OUT_HTML;
	int rc = parse(&a, argc, argv, 2, help_grid);
	if (rc >= 0)
		return rc;
	if (a.output != OUT_HTML && a.output != OUT_ODT)
		return cli_usage_error("a grid is drawn as html or odt");
	if (a.person && !a.team)
		return cli_usage_error("--person needs the positioning document (TEAM.xml)");
	cispref_referential *ref;
	cispref_positioning *team = NULL;
	if (a.team)
		rc = load_both(&ref, &team, &a);
	else
		rc = cli_load(&ref, a.input, CISPREF_LOAD_DEFAULT);
	if (rc)
		return rc;
	rc = draw(&a, CISPREF_TEAM_RENDER_GRID, team, ref);
	cispref_positioning_free(team);
	cispref_referential_free(ref);
	return rc;
}

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
	if (a.output == OUT_HTML || a.output == OUT_ODT) {
		rc = draw(&a, CISPREF_TEAM_RENDER_COVERAGE, team, ref);
	} else if (cispref_coverage_new(&cov, team, ref) != 0) {
		cli_error("out of memory");
		rc = EXIT_INVALID;
	} else if (a.output == OUT_TEXT) {
		coverage_text(cov, a.flags);
	} else {
		rc = write_export(EXPORT_COVERAGE, cov, &a);
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
		rc = write_export(EXPORT_NEEDS, needs, &a);
	}
	cispref_needs_free(needs);
	cispref_positioning_free(team);
	cispref_referential_free(ref);
	return rc;
}

static void help_ratings(void)
{
	printf("Usage: cispref ratings TEAM.xml [-i FILE] [-f json|csv|csv-excel-fr] [-o FILE]\n"
	       "                       [--anonymize]\n\n"
	       "The ratings of the positioning document TEAM.xml ('-': standard input), one per\n"
	       "row (or object), in document order: person, name, target, level, date, source,\n"
	       "comment. The document is checked against the referential first, as\n"
	       "'cispref validate' checks it: with an error, nothing is written (exit 1).\n\n"
	       "  -i, --input FILE     the referential rated (by default the embedded one)\n"
	       "  -f, --format FORMAT  csv (the default, RFC 4180), csv-excel-fr or json\n"
	       "  -o, --output FILE    write FILE (replaced atomically) rather than standard\n"
	       "                       output; without -f, .json or .csv picks the format\n"
	       "                       (another extension is refused)\n"
	       "      --anonymize      the person's id for the name, and no comments\n"
	       "  -h, --help           show this help\n");
}

int cmd_ratings(int argc, char **argv)
{
	team_args a = {0};
	a.output = OUT_CSV;
	int rc = parse(&a, argc, argv, 3, help_ratings);
	if (rc >= 0)
		return rc;
	if (a.output != OUT_JSON && a.output != OUT_CSV && a.output != OUT_CSV_EXCEL_FR)
		return cli_usage_error("the ratings are written as json, csv or csv-excel-fr");
	cispref_referential *ref;
	cispref_positioning *team;
	if ((rc = load_both(&ref, &team, &a)) != EXIT_OK)
		return rc;
	rc = write_export(EXPORT_RATINGS, team, &a);
	cispref_positioning_free(team);
	cispref_referential_free(ref);
	return rc;
}
