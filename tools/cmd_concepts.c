/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref concepts [--top N] [--search WORDS] [-i FILE]\n\n"
	       "List the shared concepts, most shared first: id, number of competences and of\n"
	       "items that use it, kind and canonical label.\n\n"
	       "  -t, --top N       only the N most shared (the N best with --search)\n"
	       "  -s, --search WORDS  only the concepts whose label has WORDS, best first\n"
	       "                    (as cispref search; words after the option are added)\n"
	       "  -i, --input FILE  read FILE instead of the embedded referential\n"
	       "  -h, --help        show this help\n");
}

/* @first and the @argc words of @argv, joined by spaces (malloc'd). */
static char *join_words(const char *first, int argc, char **argv)
{
	size_t length = strlen(first) + 1;
	for (int i = 0; i < argc; i++)
		length += strlen(argv[i]) + 1;
	char *words = malloc(length);
	if (!words)
		return NULL;
	strcpy(words, first);
	for (int i = 0; i < argc; i++) {
		strcat(words, " ");
		strcat(words, argv[i]);
	}
	return words;
}

static void print_concept(const cispref_index *index, const cispref_concept *concept)
{
	printf("%s\t%zu competences\t%zu items\t%s\t%s\n", cispref_concept_id(concept),
	       cispref_index_concept_competence_count(index, concept),
	       cispref_index_concept_item_count(index, concept),
	       cispref_item_kind_name(cispref_concept_kind(concept)),
	       cli_text(cispref_concept_label(concept)));
}

/* The concepts whose label matches @words, in the rank order of cispref_search(). */
static int search_concepts(const cispref_index *index, const char *words, size_t top)
{
	cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
	options.fields = CISPREF_MASK(CISPREF_HIT_CONCEPT);
	options.limit = top;
	cispref_results *results = NULL;
	cispref_error error = {0};
	if (cispref_search(&results, index, words, &options, &error) != 0) {
		if (error.code == CISPREF_EARG)
			return cli_usage_error("concepts", "%s", error.text);
		cli_print_error(&error);
		return EXIT_INVALID;
	}
	for (size_t i = 0; i < cispref_results_count(results); i++)
		print_concept(index, cispref_hit_concept(cispref_results_get(results, i)));
	cispref_results_free(results);
	return EXIT_OK;
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
		print_concept(index, concepts[i]);
	free(concepts);
	return EXIT_OK;
}

int cmd_concepts(int argc, char **argv)
{
	static const struct option options[] = {
		{"top", required_argument, NULL, 't'},
		{"search", required_argument, NULL, 's'},
		{"input", required_argument, NULL, 'i'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *input = NULL, *search = NULL;
	size_t top = 0;
	int c;
	char *end;
	optind = 0;
	while ((c = getopt_long(argc, argv, "t:s:i:h", options, NULL)) != -1) {
		switch (c) {
		case 't':
			top = strtoul(optarg, &end, 10);
			if (*end || !*optarg || optarg[0] == '-' || top == 0)
				return cli_usage_error("concepts", "--top takes a positive number, not '%s'", optarg);
			break;
		case 's': search = optarg; break;
		case 'i': input = optarg; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_usage_error("concepts", "invalid option");
		}
	}
	if (optind < argc && !search)
		return cli_usage_error("concepts", "unexpected argument '%s'", argv[optind]);
	char *words = NULL;
	if (search && !(words = join_words(search, argc - optind, argv + optind))) {
		fprintf(stderr, "cispref concepts: out of memory\n");
		return EXIT_INVALID;
	}
	cispref_referential *ref;
	int rc = cli_load(&ref, input, CISPREF_LOAD_DEFAULT);
	if (rc) {
		free(words);
		return rc;
	}
	cispref_index *index;
	if (cispref_index_new(&index, ref) != 0) {
		fprintf(stderr, "cispref concepts: out of memory\n");
		rc = EXIT_INVALID;
	} else {
		rc = words ? search_concepts(index, words, top) : print_concepts(index, top);
		cispref_index_free(index);
	}
	cispref_referential_free(ref);
	free(words);
	return rc;
}
