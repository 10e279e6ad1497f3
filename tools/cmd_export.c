/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "formats.h"

static void help(void)
{
	printf("Usage: cispref export [--format FORMAT] [--lang LANG [--quiet]] [-i FILE] [-o FILE]\n"
	       "       cispref export --format moodle [--scale LABELS] [--scale-default N]\n"
	       "              [--scale-proficient N] [--taxonomy TERMS] [-i FILE] [-o FILE]\n\n"
	       "Write a referential as cispref XML (canonical form), as cispref-json, as a\n"
	       "spreadsheet (one row per item: CSV, RFC 4180 or csv-excel-fr for a French\n"
	       "Excel, or an XLSX workbook), or for other software (Moodle, CASE, SKOS, ESCO).\n\n"
	       "  -f, --format FORMAT  one of the formats below; may be left out when -o FILE\n"
	       "                       ends in the format's extension (or .po for po), and\n"
	       "                       is xml on standard output\n"
	       "  -i, --input FILE     read FILE ('-': standard input) instead of the embedded\n"
	       "                       referential\n"
	       "  -o, --output FILE    write FILE (replaced atomically) instead of standard\n"
	       "                       output ('-'); an XLSX workbook is not written to a\n"
	       "                       terminal\n"
	       CLI_LANG_HELP
	       "                       (a CASE package in LANG is a translation of the\n"
	       "                       referential's: identifiers of its own, isTranslationOf)\n"
	       CLI_QUIET_HELP
	       "  -h, --help           show this help\n\n"
	       "Moodle framework options (with --format moodle only):\n"
	       "      --scale LABELS        the scale's values, comma-joined, lowest first;\n"
	       "                            default '" CISPREF_MOODLE_DEFAULT_SCALE "'\n"
	       "      --scale-default N     the value a rating starts at, from 1 (default 1)\n"
	       "      --scale-proficient N  the first proficient value, from 1: it and the\n"
	       "                            values after it are proficient (default: the last)\n"
	       "      --taxonomy TERMS      the term of each depth (domain, plan, competence,\n"
	       "                            item), comma-joined, among Moodle's: behaviour,\n"
	       "                            competency, concept, domain, indicator, level,\n"
	       "                            outcome, practice, proficiency, skill, value\n"
	       "                            (default '" CISPREF_MOODLE_DEFAULT_TAXONOMY "')\n\n"
	       "Formats:\n");
	cli_print_formats(&cli_export_formats);
}

enum { OPT_SCALE = 300, OPT_SCALE_DEFAULT, OPT_SCALE_PROFICIENT, OPT_TAXONOMY, OPT_LANG,
       OPT_QUIET };

/* A 1-based position on the scale: the library checks it against the scale's length. */
static int parse_position(size_t *out, const char *option, const char *arg)
{
	/* cli_parse_count()'s own message would speak of "0 for no limit" */
	if (!arg[0] || strspn(arg, "0123456789") != strlen(arg) || strspn(arg, "0") == strlen(arg))
		return cli_usage_error("%s takes a position on the scale, from 1, not '%s'", option,
		                       arg);
	return cli_parse_count(out, option, arg);
}

/* Apply @c if it is a Moodle option: EXIT_OK, a usage error, or -1 when it is not one. */
static int moodle_option(cispref_moodle_options *o, int c, const char *arg)
{
	switch (c) {
	case OPT_SCALE: o->scale = arg; return EXIT_OK;
	case OPT_SCALE_DEFAULT: return parse_position(&o->scale_default, "--scale-default", arg);
	case OPT_SCALE_PROFICIENT:
		return parse_position(&o->scale_proficient, "--scale-proficient", arg);
	case OPT_TAXONOMY: o->taxonomy = arg; return EXIT_OK;
	default: return -1;
	}
}

/* Whether any Moodle option was given. */
static int moodle_options_given(const cispref_moodle_options *o)
{
	return o->scale || o->scale_default || o->scale_proficient || o->taxonomy;
}

static int export(const char *output, const cispref_referential *ref, cispref_format_t format,
                  const cispref_moodle_options *moodle, cispref_error *error)
{
	if (format == CISPREF_FORMAT_MOODLE)
		return output ? cispref_moodle_export_path(output, ref, moodle, error)
		              : cispref_moodle_export_stream(stdout, ref, moodle, error);
	return output ? cispref_export_path(output, ref, format, error)
	              : cispref_export_stream(stdout, ref, format, error);
}

/* The format that the extension of @path names (cispref_format_from_path(): ".po" names
 * the PO format as ".pot" does). Any other extension, or none, is a usage error: writing
 * XML into "x.pdf" would only surprise. */
static int format_from_path(cispref_format_t *format, const char *path)
{
	if (cli_extension(path) && cispref_format_from_path(format, path) == 0)
		return EXIT_OK;
	char names[160];
	return cli_extension_error(path, cli_format_names(&cli_export_formats, names,
	                                                  sizeof names));
}

int cmd_export(int argc, char **argv)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"input", required_argument, NULL, 'i'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{"scale", required_argument, NULL, OPT_SCALE},
		{"scale-default", required_argument, NULL, OPT_SCALE_DEFAULT},
		{"scale-proficient", required_argument, NULL, OPT_SCALE_PROFICIENT},
		{"taxonomy", required_argument, NULL, OPT_TAXONOMY},
		{"lang", required_argument, NULL, OPT_LANG},
		{"quiet", no_argument, NULL, OPT_QUIET},
		{0, 0, 0, 0},
	};
	cispref_moodle_options moodle = CISPREF_MOODLE_OPTIONS_INIT;
	const char *input = NULL, *output = NULL, *language = NULL;
	cispref_format_t format = CISPREF_FORMAT_XML;
	char names[160];
	int c, given = 0, quiet = 0, rc;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":f:i:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cispref_format_from_name(&format, optarg) != 0)
				return cli_usage_error("unknown format '%s' (%s)", optarg,
				                       cli_format_names(&cli_export_formats, names,
				                                        sizeof names));
			given = 1;
			break;
		case 'i': input = optarg; break;
		case 'o': output = cli_output_path(optarg); break;
		case 'h': help(); return EXIT_OK;
		case OPT_LANG: language = optarg; break;
		case OPT_QUIET: quiet = 1; break;
		default:
			if ((rc = moodle_option(&moodle, c, optarg)) == -1)
				return cli_option_error(c, argv);
			if (rc != EXIT_OK)
				return rc;
		}
	}
	if (optind < argc)
		return cli_usage_error("unexpected argument '%s'", argv[optind]);
	if (cli_refuse_output(output))
		return EXIT_INVALID;
	if (!given && output && (rc = format_from_path(&format, output)) != EXIT_OK)
		return rc;
	/* A ZIP package would garble a terminal; a pipe or a file is fine. */
	if (format == CISPREF_FORMAT_XLSX && !output && isatty(STDOUT_FILENO))
		return cli_usage_error("an XLSX workbook is binary: give -o FILE or redirect the "
		                       "output");
	/* a .csv name alone picks "csv": the options would be lost without a word */
	if (moodle_options_given(&moodle) && format != CISPREF_FORMAT_MOODLE)
		return cli_usage_error("--scale, --scale-default, --scale-proficient and --taxonomy "
		                       "are for --format moodle");
	cispref_referential *ref;
	rc = cli_load_in(&ref, input, CISPREF_LOAD_DEFAULT, language, quiet);
	if (rc)
		return rc;
	cispref_error error = {0};
	rc = export(output, ref, format, &moodle, &error);
	cispref_referential_free(ref);
	/* The library checks the Moodle options (a scale, a taxonomy Moodle refuses) before
	 * it writes anything: a bad value of an option is a usage error, as everywhere. */
	if (rc == CISPREF_EARG && format == CISPREF_FORMAT_MOODLE)
		return cli_usage_error("%s", error.text);
	if (rc) {
		/* A failed write to standard output is reported once, with its reason, when the
		 * tool closes it. */
		if (output || !cli_stdout_failed())
			cli_print_error(&error);
		return EXIT_INVALID;
	}
	return EXIT_OK;
}
