/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <unistd.h> /* optind */

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref info [-i FILE]\n\n"
	       "Print the title, version, source and counts of a referential.\n\n"
	       "  -i, --input FILE  read FILE instead of the embedded referential\n"
	       "  -h, --help        show this help\n");
}

static void print_info(const cispref_referential *ref)
{
	static const char *const source_labels[CISPREF_SOURCE_FIELD_COUNT] = {
		"Publisher", "Series", "Number", "Date", "Approval"};
	printf("Title: %s\n", cli_text(cispref_referential_title(ref)));
	printf("Id: %s\n", cispref_referential_id(ref));
	printf("Version: %s\n", cli_text(cispref_referential_version(ref)));
	printf("Language: %s\n", cli_text(cispref_referential_language(ref)));
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++) {
		const char *value = cispref_referential_source(ref, (cispref_source_field_t)f);
		if (value)
			printf("%s: %s\n", source_labels[f], cli_text(value));
	}
	printf("Domains: %zu\n", cispref_referential_domain_count(ref));
	printf("Plans: %zu\n", cispref_referential_plan_total(ref));
	printf("Competences: %zu\n", cispref_referential_competence_total(ref));
	printf("Summary entries: %zu\n", cispref_referential_summary_total(ref));
	printf("Savoir-faire: %zu\n", cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR_FAIRE));
	printf("Savoir-faire comportementaux: %zu\n",
	       cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL));
	printf("Savoirs: %zu\n", cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR));
	printf("Concepts: %zu\n", cispref_referential_concept_count(ref));
	printf("Notes: %zu\n", cispref_referential_note_count(ref));
}

int cmd_info(int argc, char **argv)
{
	const char *input;
	int rc = cli_input_options(argc, argv, "info", help, &input);
	if (rc >= 0)
		return rc;
	if (optind < argc)
		return cli_usage_error("info", "unexpected argument '%s'", argv[optind]);
	cispref_referential *ref;
	rc = cli_load(&ref, input, CISPREF_LOAD_DEFAULT);
	if (rc)
		return rc;
	print_info(ref);
	cispref_referential_free(ref);
	return EXIT_OK;
}
