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
	printf("Usage: cispref translate [-l LANG] [-q|-v] -o OUT REF PO\n\n"
	       "Merge the translated gettext catalogue PO (made from 'cispref export --format po'\n"
	       "with Poedit, Weblate, msgmerge...) into the referential REF ('@embedded' for the\n"
	       "embedded one), and write the result to OUT as XML (replaced atomically; OUT may\n"
	       "be REF). Fuzzy and unusable messages are skipped and reported on standard\n"
	       "error with their line in PO, as 'W: nl.po:12: po-fuzzy ...'; untranslated ones\n"
	       "are skipped and counted in one line (listed with --verbose).\n\n"
	       "  -l, --lang LANG    the catalogue's language, a BCP 47 tag (by default its\n"
	       "                     header's Language field)\n"
	       "  -o, --output OUT   the file to write (required), as cispref XML whatever its\n"
	       "                     name\n"
	       "  -q, --quiet        report only the warnings: no infos, no count\n"
	       "  -v, --verbose      list each untranslated message too\n"
	       "  -h, --help         show this help\n\n"
	       "Exit status: 0 when the catalogue was merged (some messages may be skipped),\n"
	       "1 when it was refused (unreadable, a syntax error, not UTF-8, no language) or\n"
	       "OUT could not be written, 2 on a usage error.\n");
}

/* How much the findings of a merge are told: warnings only, untranslated messages
 * counted (a catalogue being translated has hundreds: one line each would bury the
 * warnings), or every finding. */
typedef enum report_mode { REPORT_QUIET, REPORT_COUNT, REPORT_ALL } report_mode;

static int is_untranslated(const cispref_diagnostic *d)
{
	return strcmp(cispref_diagnostic_tag(d), "po-untranslated") == 0;
}

/* One line per finding on stderr, as cispref validate prints them, then the count of
 * the untranslated messages left out. */
static void report(const cispref_diagnostics *list, const char *po_path, report_mode mode)
{
	static const char letters[] = {'E', 'W', 'I'};
	size_t untranslated = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		cispref_severity_t s = cispref_diagnostic_severity(d);
		if (mode == REPORT_QUIET && s == CISPREF_SEVERITY_INFO)
			continue;
		if (mode == REPORT_COUNT && is_untranslated(d)) {
			untranslated++;
			continue;
		}
		fprintf(stderr, "%c: %s", letters[s], cli_text(cispref_diagnostic_file(d)));
		if (cispref_diagnostic_line(d))
			fprintf(stderr, ":%lu", cispref_diagnostic_line(d));
		fprintf(stderr, ": %s %s\n", cispref_diagnostic_tag(d),
		        cli_text(cispref_diagnostic_message(d)));
	}
	if (untranslated)
		fprintf(stderr, "I: %s: po-untranslated %zu message%s not translated, not merged "
		                "(--verbose lists them)\n",
		        cli_text(po_path), untranslated, untranslated == 1 ? "" : "s");
}

static int run(const char *ref_path, const char *po_path, const char *language,
               const char *output, report_mode mode)
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
		report(list, po_path, mode);
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
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *output = NULL, *language = NULL;
	int c;
	report_mode mode = REPORT_COUNT;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":l:o:qvh", options, NULL)) != -1) {
		switch (c) {
		case 'l': language = optarg; break;
		case 'o': output = optarg; break;
		case 'q': mode = REPORT_QUIET; break;
		case 'v': mode = REPORT_ALL; break;
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
	if (cli_refuse_output(output))
		return EXIT_INVALID;
	return run(argv[optind], argv[optind + 1], language, output, mode);
}
