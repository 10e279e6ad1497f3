/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_json.h"

static void help(void)
{
	printf("Usage: cispref concepts [-t N] [-s WORDS] [-f text|json] [-i FILE] [--lenient]\n"
	       "                        [--lang LANG [--quiet]]\n\n"
	       "List the shared concepts, most shared first: id, number of competences and of\n"
	       "items that use it, kind and canonical label.\n\n"
	       "  -t, --top N          only the N most shared (with --search: the N best;\n"
	       "                       0, the default: all)\n"
	       "  -s, --search WORDS   only the concepts whose label has WORDS, best first, found\n"
	       "                       as cispref search finds texts (words after the options are\n"
	       "                       added to the query)\n"
	       "  -f, --format FORMAT  text (the default) or json\n"
	       "  -i, --input FILE     read FILE ('-': standard input) instead of the embedded\n"
	       "                       referential\n"
	       "      --lenient        accept a file that breaks the validator's rules\n"
	       CLI_LANG_HELP
	       CLI_QUIET_HELP
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

/* The concepts whose label matches @words, in the rank order of cispref_search() (a
 * search of the concept field): at most @top, or all for 0. Fills *@out (malloc'd). */
static int found_concepts(const cispref_index *index, const char *words, size_t top,
                          const cispref_concept ***out, size_t *count)
{
	cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
	options.fields = CISPREF_MASK(CISPREF_HIT_CONCEPT);
	options.limit = top;
	cispref_results *results = NULL;
	cispref_error error = {0};
	if (cispref_search(&results, index, words, &options, &error) != 0)
		return error.code == CISPREF_EARG ? cli_usage_error("%s", error.text)
		                                  : (cli_print_error(&error), EXIT_INVALID);
	*count = cispref_results_count(results);
	*out = malloc((*count + 1) * sizeof **out);
	for (size_t i = 0; *out && i < *count; i++)
		(*out)[i] = cispref_hit_concept(cispref_results_get(results, i));
	cispref_results_free(results);
	if (!*out) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

static int most_shared(const cispref_index *index, size_t top, const cispref_concept ***out,
                       size_t *count)
{
	*count = cispref_index_top_concepts(index, NULL, 0);
	if (top && top < *count)
		*count = top;
	*out = malloc((*count + 1) * sizeof **out);
	if (!*out) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	cispref_index_top_concepts(index, *out, *count);
	return EXIT_OK;
}

static int print_concepts(const cispref_index *index, const char *words, size_t top,
                          int as_json)
{
	const cispref_concept **concepts = NULL;
	size_t count = 0;
	int rc = words ? found_concepts(index, words, top, &concepts, &count)
	               : most_shared(index, top, &concepts, &count);
	if (rc)
		return rc;
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
		{"search", required_argument, NULL, 's'},
		CLI_INSPECT_LONG_OPTIONS,
		{0, 0, 0, 0},
	};
	cli_inspect o = {0};
	size_t top = 0;
	const char *search = NULL;
	int c, rc;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":t:s:" CLI_INSPECT_SHORT_OPTIONS, options, NULL)) != -1) {
		if (c == 'h') {
			help();
			return EXIT_OK;
		}
		if (c == 's') {
			search = optarg;
			continue;
		}
		rc = c == 't' ? cli_parse_count(&top, "--top", optarg) : cli_inspect_option(&o, c, optarg);
		if (rc == -1)
			return cli_option_error(c, argv);
		if (rc)
			return rc;
	}
	if (optind < argc && !search)
		return cli_usage_error("unexpected argument '%s'", argv[optind]);
	char *words = NULL;
	if (search && !(words = join_words(search, argc - optind, argv + optind))) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	cispref_referential *ref = NULL;
	rc = cli_load_in(&ref, o.input, o.load_flags, o.language, o.quiet);
	cispref_index *index = NULL;
	if (!rc && cispref_index_new(&index, ref) != 0) {
		cli_error("out of memory");
		rc = EXIT_INVALID;
	} else if (!rc) {
		rc = print_concepts(index, words, top, o.as_json);
		cispref_index_free(index);
	}
	cispref_referential_free(ref);
	free(words);
	return rc;
}
