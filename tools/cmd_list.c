/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <unistd.h> /* optind */

#include "cli.h"
#include "cli_json.h"

static void help(void)
{
	printf("Usage: cispref list [-f text|json] [-i FILE] [--lenient] [--lang LANG]\n\n"
	       "Print the outline of a referential: domains, plans and competences with their\n"
	       "ids, and the number of items of each competence.\n\n"
	       "  -f, --format FORMAT  text (the default) or json\n"
	       "  -i, --input FILE     read FILE ('-': standard input) instead of the embedded\n"
	       "                       referential\n"
	       "      --lenient        accept a file that breaks the validator's rules\n"
	       CLI_LANG_HELP
	       CLI_QUIET_HELP
	       "  -h, --help           show this help\n");
}

static void print_text(const cispref_referential *ref)
{
	printf("%s\t%s\n", cispref_referential_id(ref),
	       cli_text(cispref_referential_title(ref)));
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		printf("  %s\t%s [%s]\n", cispref_domain_id(domain),
		       cli_text(cispref_domain_title(domain)),
		       cispref_domain_kind_name(cispref_domain_kind(domain)));
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
			const cispref_plan *plan = cispref_domain_plan(domain, p);
			printf("    %s\t%s [%s]\n", cispref_plan_id(plan),
			       cli_text(cispref_plan_title(plan)),
			       cispref_plan_kind_name(cispref_plan_kind(plan)));
			for (size_t c = 0; c < cispref_plan_competence_count(plan); c++) {
				const cispref_competence *comp = cispref_plan_competence(plan, c);
				printf("      %s\t%s (%zu/%zu/%zu)\n", cispref_competence_id(comp),
				       cli_text(cispref_competence_title(comp)),
				       cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR_FAIRE),
				       cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL),
				       cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR));
			}
		}
	}
}

static void competence_json(cli_json *j, const cispref_competence *comp)
{
	cli_json_open(j, NULL, '{');
	cli_json_string(j, "id", cispref_competence_id(comp));
	cli_json_string(j, "title", cispref_competence_title(comp));
	cli_json_number(j, "savoir_faire", cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR_FAIRE));
	cli_json_number(j, "savoir_faire_comportementaux",
	                cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL));
	cli_json_number(j, "savoirs", cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR));
	cli_json_close(j, '}');
}

static void plan_json(cli_json *j, const cispref_plan *plan)
{
	cli_json_open(j, NULL, '{');
	cli_json_string(j, "id", cispref_plan_id(plan));
	cli_json_string(j, "kind", cispref_plan_kind_name(cispref_plan_kind(plan)));
	cli_json_string(j, "title", cispref_plan_title(plan));
	cli_json_open(j, "competences", '[');
	for (size_t c = 0; c < cispref_plan_competence_count(plan); c++)
		competence_json(j, cispref_plan_competence(plan, c));
	cli_json_close(j, ']');
	cli_json_close(j, '}');
}

static void print_json(const cispref_referential *ref)
{
	cli_json j = {0};
	cli_json_open(&j, NULL, '{');
	cli_json_string(&j, "id", cispref_referential_id(ref));
	cli_json_string(&j, "title", cispref_referential_title(ref));
	cli_json_open(&j, "domains", '[');
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		cli_json_open(&j, NULL, '{');
		cli_json_string(&j, "id", cispref_domain_id(domain));
		cli_json_string(&j, "kind", cispref_domain_kind_name(cispref_domain_kind(domain)));
		cli_json_string(&j, "title", cispref_domain_title(domain));
		cli_json_open(&j, "plans", '[');
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++)
			plan_json(&j, cispref_domain_plan(domain, p));
		cli_json_close(&j, ']');
		cli_json_close(&j, '}');
	}
	cli_json_close(&j, ']');
	cli_json_close(&j, '}');
}

int cmd_list(int argc, char **argv)
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
