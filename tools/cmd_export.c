/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "formats.h"

static void help(void)
{
	printf("Usage: cispref export [--format FORMAT] [-i FILE] [-o FILE]\n\n"
	       "Write a referential as cispref XML (canonical form), as cispref-json, or as\n"
	       "a spreadsheet: one row per item, CSV (RFC 4180, or csv-excel-fr for a French\n"
	       "Excel) or an XLSX workbook.\n\n"
	       "  -f, --format FORMAT  one of the formats below; by default the one whose\n"
	       "                       extension -o FILE ends in, else xml\n"
	       "  -i, --input FILE     read FILE ('-': standard input) instead of the embedded\n"
	       "                       referential\n"
	       "  -o, --output FILE    write FILE (replaced atomically) instead of standard\n"
	       "                       output ('-')\n"
	       "  -h, --help           show this help\n\n"
	       "Formats:\n");
	cli_print_formats(&cli_export_formats);
}

int cmd_export(int argc, char **argv)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"input", required_argument, NULL, 'i'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *input = NULL, *output = NULL;
	cispref_format_t format = CISPREF_FORMAT_XML;
	char names[128];
	int c, given = 0;
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
		default: return cli_option_error(c, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error("unexpected argument '%s'", argv[optind]);
	if (!given && output)
		(void)cispref_format_from_path(&format, output); /* unknown: xml stays */
	cispref_referential *ref;
	int rc = cli_load(&ref, input, CISPREF_LOAD_DEFAULT);
	if (rc)
		return rc;
	cispref_error error = {0};
	rc = output ? cispref_export_path(output, ref, format, &error)
	            : cispref_export_stream(stdout, ref, format, &error);
	cispref_referential_free(ref);
	if (rc) {
		/* A failed write to standard output is reported once, with its reason, when the
		 * tool closes it. */
		if (output || !cli_stdout_failed())
			cli_print_error(&error);
		return EXIT_INVALID;
	}
	return EXIT_OK;
}
