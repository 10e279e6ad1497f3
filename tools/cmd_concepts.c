/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cli_json.h"

static void help(void)
{
	printf("Usage: cispref concepts [-t N] [-f text|json] [-i FILE] [--lenient]\n\n"
	       "List the shared concepts, most shared first: id, number of competences and of\n"
	       "items that use it, kind and canonical label.\n\n"
	       "  -t, --top N          only the N most shared (0, the default: all)\n"
	       "  -f, --format FORMAT  text (the default) or json\n"
	       "  -i, --input FILE     read FILE ('-': standard input) instead of the embedded\n"
	       "                       referential\n"
	       "      --lenient        accept a file that breaks the validator's rules\n"
	       "  -h, --help           show this help\n");
}

static void print_text(const cispref_index *index, const cispref_concept *const *concepts,
                       size_t count)
{
	for (size_t i = 0; i < count; i++)
		printf("%s\t%zu competences\t%zu items\t%s\t%s\n", cispref_concept_id(concepts[i]),
		       cispref_index_concept_competence_count(index, concepts[i]),
		       cispref_index_concept_item_count(index, concepts[i]),
		       cispref_item_kind_name(cispref_concept_kind(concepts[i])),
		       cli_text(cispref_concept_label(concepts[i])));
}

static void print_json(const cispref_index *index, const cispref_concept *const *concepts,
                       size_t count)
{
	cli_json j = {0};
	cli_json_open(&j, NULL, '[');
	for (size_t i = 0; i < count; i++) {
		cli_json_open(&j, NULL, '{');
		cli_json_string(&j, "id", cispref_concept_id(concepts[i]));
		cli_json_number(&j, "competence_count",
		                cispref_index_concept_competence_count(index, concepts[i]));
		cli_json_number(&j, "item_count", cispref_index_concept_item_count(index, concepts[i]));
		cli_json_string(&j, "kind", cispref_item_kind_name(cispref_concept_kind(concepts[i])));
		cli_json_string(&j, "label", cispref_concept_label(concepts[i]));
		cli_json_close(&j, '}');
	}
	cli_json_close(&j, ']');
}

static int print_concepts(const cispref_index *index, size_t top, int as_json)
{
	size_t count = cispref_index_top_concepts(index, NULL, 0);
	if (top && top < count)
		count = top;
	const cispref_concept **concepts = malloc((count + 1) * sizeof *concepts);
	if (!concepts) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	cispref_index_top_concepts(index, concepts, count);
	if (as_json)
		print_json(index, concepts, count);
	else
		print_text(index, concepts, count);
	free(concepts);
	return EXIT_OK;
}

int cmd_concepts(int argc, char **argv)
{
	static const struct option options[] = {
		{"top", required_argument, NULL, 't'},
		CLI_INSPECT_LONG_OPTIONS,
		{0, 0, 0, 0},
	};
	cli_inspect o = {0};
	size_t top = 0;
	int c, rc;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":t:" CLI_INSPECT_SHORT_OPTIONS, options, NULL)) != -1) {
		if (c == 'h') {
			help();
			return EXIT_OK;
		}
		rc = c == 't' ? cli_parse_count(&top, "--top", optarg) : cli_inspect_option(&o, c, optarg);
		if (rc == -1)
			return cli_option_error(c, argv);
		if (rc)
			return rc;
	}
	if (optind < argc)
		return cli_usage_error("unexpected argument '%s'", argv[optind]);
	cispref_referential *ref;
	rc = cli_load(&ref, o.input, o.load_flags);
	if (rc)
		return rc;
	cispref_index *index;
	if (cispref_index_new(&index, ref) != 0) {
		cli_error("out of memory");
		rc = EXIT_INVALID;
	} else {
		rc = print_concepts(index, top, o.as_json);
		cispref_index_free(index);
	}
	cispref_referential_free(ref);
	return rc;
}
