/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref translate: merge a translated gettext catalogue into a referential
 * (doc/translation.md). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref translate [-l LANG] [-q] -o OUT REF PO\n\n"
	       "Merge the translated gettext catalogue PO (made from 'cispref export --format po'\n"
	       "with Poedit, Weblate, msgmerge...) into the referential REF ('@embedded' for the\n"
	       "embedded one), and write the result to OUT as XML (replaced atomically; OUT may\n"
	       "be REF). Fuzzy, untranslated and unusable messages are skipped and reported on\n"
	       "standard error with their line in PO, as 'W: nl.po:12: po-fuzzy ...'.\n\n"
	       "  -l, --lang LANG    the catalogue's language, a BCP 47 tag (by default its\n"
	       "                     header's Language field)\n"
	       "  -o, --output OUT   the file to write (required)\n"
	       "  -q, --quiet        report only what is not merged, without the infos\n"
	       "  -h, --help         show this help\n\n"
	       "Exit status: 0 when the catalogue was merged (some messages may be skipped),\n"
	       "1 when it was refused (unreadable, a syntax error, not UTF-8, no language) or\n"
	       "OUT could not be written, 2 on a usage error.\n");
}

/* One line per finding on stderr, as cispref validate prints them. */
static void report(const cispref_diagnostics *list, int quiet)
{
	static const char letters[] = {'E', 'W', 'I'};
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		cispref_severity_t s = cispref_diagnostic_severity(d);
		if (quiet && s == CISPREF_SEVERITY_INFO)
			continue;
		fprintf(stderr, "%c: %s", letters[s], cli_text(cispref_diagnostic_file(d)));
		if (cispref_diagnostic_line(d))
			fprintf(stderr, ":%lu", cispref_diagnostic_line(d));
		fprintf(stderr, ": %s %s\n", cispref_diagnostic_tag(d),
		        cli_text(cispref_diagnostic_message(d)));
	}
}

static int run(const char *ref_path, const char *po_path, const char *language,
               const char *output, int quiet)
{
	cispref_referential *ref = NULL;
	int rc = cli_load(&ref, strcmp(ref_path, "@embedded") == 0 ? NULL : ref_path,
	                  CISPREF_LOAD_DEFAULT);
	if (rc != EXIT_OK)
		return rc;
	cispref_error error = {0};
	cispref_diagnostics *list = NULL;
	if (cispref_referential_merge_po(ref, po_path, language, &list, &error) != CISPREF_OK) {
		cli_print_error(&error);
		rc = EXIT_INVALID;
	} else {
		report(list, quiet);
		if (cispref_export_path(output, ref, CISPREF_FORMAT_XML, &error) != CISPREF_OK) {
			cli_print_error(&error);
			rc = EXIT_INVALID;
		}
	}
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
	return rc;
}

int cmd_translate(int argc, char **argv)
{
	static const struct option options[] = {
		{"lang", required_argument, NULL, 'l'},
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *output = NULL, *language = NULL;
	int c, quiet = 0;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":l:o:qh", options, NULL)) != -1) {
		switch (c) {
		case 'l': language = optarg; break;
		case 'o': output = optarg; break;
		case 'q': quiet = 1; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(c, argv);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(argc - optind < 2 ? "REF and PO are both needed"
		                                         : "unexpected argument '%s'",
		                       argv[optind + 2 < argc ? optind + 2 : 0]);
	if (!output)
		return cli_usage_error("-o OUT is needed: the merged referential is written there");
	return run(argv[optind], argv[optind + 1], language, output, quiet);
}
