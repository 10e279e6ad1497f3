/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <unistd.h> /* optind */

#include "cli.h"
#include "cli_json.h"

static void help(void)
{
	printf("Usage: cispref info [-f text|json] [-i FILE] [--lenient] [--lang LANG]\n\n"
	       "Print the title, version, source and counts of a referential.\n\n"
	       "  -f, --format FORMAT  text (the default) or json\n"
	       "  -i, --input FILE     read FILE ('-': standard input) instead of the embedded\n"
	       "                       referential\n"
	       "      --lenient        accept a file that breaks the validator's rules\n"
	       CLI_LANG_HELP
	       CLI_QUIET_HELP
	       "  -h, --help           show this help\n");
}

/* The counts, in the order of both outputs. */
enum { COUNT_KINDS = 9 };

static void counts(const cispref_referential *ref, size_t out[COUNT_KINDS])
{
	out[0] = cispref_referential_domain_count(ref);
	out[1] = cispref_referential_plan_total(ref);
	out[2] = cispref_referential_competence_total(ref);
	out[3] = cispref_referential_summary_total(ref);
	out[4] = cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR_FAIRE);
	out[5] = cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL);
	out[6] = cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR);
	out[7] = cispref_referential_concept_count(ref);
	out[8] = cispref_referential_note_count(ref);
}

static void print_text(const cispref_referential *ref)
{
	static const char *const source_labels[CISPREF_SOURCE_FIELD_COUNT] = {
		"Publisher", "Series", "Number", "Date", "Approval"};
	static const char *const count_labels[COUNT_KINDS] = {
		"Domains", "Plans", "Competences", "Summary entries", "Savoir-faire",
		"Savoir-faire comportementaux", "Savoirs", "Concepts", "Notes"};
	printf("Title: %s\n", cli_text(cispref_referential_title(ref)));
	printf("Id: %s\n", cispref_referential_id(ref));
	printf("Version: %s\n", cli_text(cispref_referential_version(ref)));
	printf("Language: %s\n", cli_text(cispref_referential_language(ref)));
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++) {
		const char *value = cispref_referential_source(ref, (cispref_source_field_t)f);
		if (value)
			printf("%s: %s\n", source_labels[f], cli_text(value));
	}
	size_t n[COUNT_KINDS];
	counts(ref, n);
	for (int i = 0; i < COUNT_KINDS; i++)
		printf("%s: %zu\n", count_labels[i], n[i]);
}

static void print_json(const cispref_referential *ref)
{
	static const char *const count_keys[COUNT_KINDS] = {
		"domains", "plans", "competences", "summary_entries", "savoir_faire",
		"savoir_faire_comportementaux", "savoirs", "concepts", "notes"};
	cli_json j = {0};
	cli_json_open(&j, NULL, '{');
	cli_json_string(&j, "id", cispref_referential_id(ref));
	cli_json_string(&j, "title", cispref_referential_title(ref));
	cli_json_string(&j, "version", cispref_referential_version(ref));
	cli_json_string(&j, "language", cispref_referential_language(ref));
	cli_json_open(&j, "source", '{');
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
		cli_json_string(&j, cispref_source_field_name((cispref_source_field_t)f),
		                cispref_referential_source(ref, (cispref_source_field_t)f));
	cli_json_close(&j, '}');
	cli_json_open(&j, "counts", '{');
	size_t n[COUNT_KINDS];
	counts(ref, n);
	for (int i = 0; i < COUNT_KINDS; i++)
		cli_json_number(&j, count_keys[i], n[i]);
	cli_json_close(&j, '}');
	cli_json_close(&j, '}');
}

int cmd_info(int argc, char **argv)
{
	cli_inspect o = {0};
	int rc = cli_inspect_options(argc, argv, help, &o);
	if (rc >= 0)
		return rc;
	if (optind < argc)
		return cli_usage_error("unexpected argument '%s'", argv[optind]);
	cispref_referential *ref;
	rc = cli_load_in(&ref, o.input, o.load_flags, o.language, o.quiet);
	if (rc)
		return rc;
	if (o.as_json)
		print_json(ref);
	else
		print_text(ref);
	cispref_referential_free(ref);
	return EXIT_OK;
}
