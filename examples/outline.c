/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* outline: print the outline of a referential.
 *
 *   outline [FILE]
 *
 * Loads FILE (or, without one, the referential embedded in the library) and prints its
 * domains, plans and competences, with the number of items of each kind. */
#include <stdio.h>
#include <cispref/cispref.h>

static void print_competence(const cispref_competence *comp, size_t d, size_t p, size_t c)
{
	printf("    %zu.%zu.%zu %s (savoir-faire: %zu, comportementaux: %zu, savoirs: %zu)\n",
	       d + 1, p + 1, c + 1, cispref_competence_title(comp),
	       cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR_FAIRE),
	       cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL),
	       cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR));
}

int main(int argc, char **argv)
{
	cispref_referential *ref = NULL;
	cispref_error error;
	int rc = argc > 1 ? cispref_referential_load_file(&ref, argv[1], NULL, &error)
	                  : cispref_referential_load_default(&ref, &error);
	if (rc != 0) {
		fprintf(stderr, "outline: %s:%lu:%lu: %s\n", error.source, error.line, error.column,
		        error.text);
		return 1;
	}
	printf("%s (%s)\n", cispref_referential_title(ref), cispref_referential_version(ref));
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		printf("%zu %s [%s]\n", d + 1, cispref_domain_title(domain),
		       cispref_domain_kind_name(cispref_domain_kind(domain)));
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
			const cispref_plan *plan = cispref_domain_plan(domain, p);
			printf("  %zu.%zu %s [%s]\n", d + 1, p + 1, cispref_plan_title(plan),
			       cispref_plan_kind_name(cispref_plan_kind(plan)));
			for (size_t c = 0; c < cispref_plan_competence_count(plan); c++)
				print_competence(cispref_plan_competence(plan, c), d, p, c);
		}
	}
	cispref_referential_free(ref);
	return 0;
}
