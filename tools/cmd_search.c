/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref search [OPTION]... WORD...\n\n"
	       "Search competence titles, summary entries and items for every WORD (case,\n"
	       "accents and punctuation ignored; a word matches the beginning of a word).\n\n"
	       "  -d, --domain ID      only in this domain\n"
	       "  -p, --plan KIND      only in plans of KIND (individual, collective, internal,\n"
	       "                       external, joint); may be repeated\n"
	       "  -k, --kind KIND      only items of KIND (savoir-faire,\n"
	       "                       savoir-faire-comportemental, savoir); may be repeated\n"
	       "  -n, --limit N        at most N hits\n"
	       "  -F, --format FORMAT  text (the default) or json\n"
	       "  -i, --input FILE     read FILE instead of the embedded referential\n"
	       "  -h, --help           show this help\n");
}

/* The words of the query, joined by spaces into one string. */
static char *join(int argc, char **argv)
{
	size_t len = 1;
	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *text = calloc(1, len);
	for (int i = 0; text && i < argc; i++) {
		if (i)
			strcat(text, " ");
		strcat(text, argv[i]);
	}
	return text;
}

static int print_results(const cispref_results *results, int as_json)
{
	if (as_json) {
		char *buffer;
		cispref_error error = {0};
		if (cispref_results_export_json(&buffer, NULL, results, &error) != 0) {
			cli_print_error(&error);
			return EXIT_INVALID;
		}
		if (fputs(buffer, stdout) == EOF)
			cli_stdout_failed(); /* keeps the reason for the message at exit */
		cispref_buffer_free(buffer);
		return EXIT_OK;
	}
	for (size_t i = 0; i < cispref_results_count(results); i++) {
		const cispref_hit *hit = cispref_results_get(results, i);
		printf("%s\t%s\t%s\n", cispref_hit_id(hit),
		       cispref_hit_field_name(cispref_hit_field(hit)), cli_text(cispref_hit_path(hit)));
	}
	return EXIT_OK;
}

static int search(const char *input, const char *words, const cispref_search_options *options,
                  int as_json)
{
	cispref_referential *ref;
	int rc = cli_load(&ref, input, CISPREF_LOAD_DEFAULT);
	if (rc)
		return rc;
	cispref_index *index = NULL;
	cispref_results *results = NULL;
	cispref_error error = {0};
	if (cispref_index_new(&index, ref) != 0) {
		fprintf(stderr, "cispref search: out of memory\n");
		rc = EXIT_INVALID;
	} else if (cispref_search(&results, index, words, options, &error) != 0) {
		rc = error.code == CISPREF_EARG ? cli_usage_error("search", "%s", error.text)
		                                  : EXIT_INVALID;
		if (error.code != CISPREF_EARG)
			cli_print_error(&error);
	} else {
		rc = print_results(results, as_json);
	}
	cispref_results_free(results);
	cispref_index_free(index);
	cispref_referential_free(ref);
	return rc;
}

int cmd_search(int argc, char **argv)
{
	static const struct option options[] = {
		{"domain", required_argument, NULL, 'd'},
		{"plan", required_argument, NULL, 'p'},
		{"kind", required_argument, NULL, 'k'},
		{"limit", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, 'F'},
		{"input", required_argument, NULL, 'i'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	cispref_search_options search_options = CISPREF_SEARCH_OPTIONS_INIT;
	const char *input = NULL;
	int as_json = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "d:p:k:n:F:i:h", options, NULL)) != -1) {
		cispref_plan_kind_t plan;
		cispref_item_kind_t kind;
		char *end;
		switch (c) {
		case 'd': search_options.filter.domain_id = optarg; break;
		case 'p':
			if (cispref_plan_kind_from_name(&plan, optarg) != 0)
				return cli_usage_error("search", "unknown plan kind '%s'", optarg);
			search_options.filter.plan_kinds |= CISPREF_MASK(plan);
			break;
		case 'k':
			if (cispref_item_kind_from_name(&kind, optarg) != 0)
				return cli_usage_error("search", "unknown item kind '%s'", optarg);
			search_options.filter.item_kinds |= CISPREF_MASK(kind);
			break;
		case 'n':
			search_options.limit = strtoul(optarg, &end, 10);
			if (*end || !*optarg || optarg[0] == '-')
				return cli_usage_error("search", "--limit takes a number, not '%s'", optarg);
			break;
		case 'F':
			if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0)
				return cli_usage_error("search", "unknown format '%s' (text or json)", optarg);
			as_json = strcmp(optarg, "json") == 0;
			break;
		case 'i': input = optarg; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_usage_error("search", "invalid option");
		}
	}
	if (optind == argc)
		return cli_usage_error("search", "no word to search for");
	char *words = join(argc - optind, argv + optind);
	if (!words)
		return EXIT_INVALID;
	int rc = search(input, words, &search_options, as_json);
	free(words);
	return rc;
}
