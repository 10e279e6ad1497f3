/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref concepts [--top N] [-i FILE]\n\n"
	       "List the shared concepts, most shared first: id, number of competences and of\n"
	       "items that use it, kind and canonical label.\n\n"
	       "  -t, --top N       only the N most shared\n"
	       "  -i, --input FILE  read FILE instead of the embedded referential\n"
	       "  -h, --help        show this help\n");
}

static int print_concepts(const cispref_index *index, size_t top)
{
	size_t count = cispref_index_top_concepts(index, NULL, 0);
	if (top && top < count)
		count = top;
	const cispref_concept **concepts = malloc((count + 1) * sizeof *concepts);
	if (!concepts)
		return EXIT_INVALID;
	cispref_index_top_concepts(index, concepts, count);
	for (size_t i = 0; i < count; i++)
		printf("%s\t%zu competences\t%zu items\t%s\t%s\n", cispref_concept_id(concepts[i]),
		       cispref_index_concept_competence_count(index, concepts[i]),
		       cispref_index_concept_item_count(index, concepts[i]),
		       cispref_item_kind_name(cispref_concept_kind(concepts[i])),
		       cli_text(cispref_concept_label(concepts[i])));
	free(concepts);
	return EXIT_OK;
}

int cmd_concepts(int argc, char **argv)
{
	static const struct option options[] = {
		{"top", required_argument, NULL, 't'},
		{"input", required_argument, NULL, 'i'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *input = NULL;
	size_t top = 0;
	int c;
	char *end;
	optind = 0;
	while ((c = getopt_long(argc, argv, "t:i:h", options, NULL)) != -1) {
		switch (c) {
		case 't':
			top = strtoul(optarg, &end, 10);
			if (*end || !*optarg || optarg[0] == '-' || top == 0)
				return cli_usage_error("concepts", "--top takes a positive number, not '%s'", optarg);
			break;
		case 'i': input = optarg; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_usage_error("concepts", "invalid option");
		}
	}
	if (optind < argc)
		return cli_usage_error("concepts", "unexpected argument '%s'", argv[optind]);
	cispref_referential *ref;
	int rc = cli_load(&ref, input, CISPREF_LOAD_DEFAULT);
	if (rc)
		return rc;
	cispref_index *index;
	if (cispref_index_new(&index, ref) != 0) {
		fprintf(stderr, "cispref concepts: out of memory\n");
		rc = EXIT_INVALID;
	} else {
		rc = print_concepts(index, top);
		cispref_index_free(index);
	}
	cispref_referential_free(ref);
	return rc;
}
