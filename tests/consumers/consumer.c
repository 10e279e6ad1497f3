/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A program outside the project that uses cispref the way its users do. */
#include <stdio.h>
#include <cispref/cispref.h>

int main(void)
{
	cispref_referential *ref;
	cispref_error error;
	if (cispref_referential_load_default(&ref, &error) != 0) {
		fprintf(stderr, "consumer: %s\n", error.text);
		return 1;
	}
	printf("cispref %s: %zu competences\n", cispref_version(),
	       cispref_referential_competence_total(ref));
	cispref_referential_free(ref);
	return CISPREF_CHECK_VERSION(0, 1, 0) ? 0 : 1;
}
