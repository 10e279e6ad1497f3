/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <unistd.h> /* optind */

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref list [-i FILE]\n\n"
	       "Print the outline of a referential: domains, plans and competences with their\n"
	       "ids, and the number of items of each competence.\n\n"
	       "  -i, --input FILE  read FILE instead of the embedded referential\n"
	       "  -h, --help        show this help\n");
}

static void print_outline(const cispref_referential *ref)
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

int cmd_list(int argc, char **argv)
{
	const char *input;
	int rc = cli_input_options(argc, argv, "list", help, &input);
	if (rc >= 0)
		return rc;
	if (optind < argc)
		return cli_usage_error("list", "unexpected argument '%s'", argv[optind]);
	cispref_referential *ref;
	rc = cli_load(&ref, input, CISPREF_LOAD_DEFAULT);
	if (rc)
		return rc;
	print_outline(ref);
	cispref_referential_free(ref);
	return EXIT_OK;
}
