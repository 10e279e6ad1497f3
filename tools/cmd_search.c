/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref search [-d ID] [-p KIND]... [-k KIND]... [-n N] [-f text|json]\n"
	       "                      [-i FILE] [--lenient] [--lang LANG] WORD...\n\n"
	       "Search competence titles, summary entries and items for the WORDs: case,\n"
	       "accents and punctuation ignored; each WORD matches the same word, a word of\n"
	       "the same stem or a word it begins; a hit holds every WORD but the stop words\n"
	       "(les, des, de...), which need not match (doc/search.md).\n\n"
	       "  -d, --domain ID      only in this domain\n"
	       "  -p, --plan KIND      only in plans of KIND (individual, collective, internal,\n"
	       "                       external, joint); may be repeated\n"
	       "  -k, --kind KIND      only items of KIND (savoir-faire,\n"
	       "                       savoir-faire-comportemental, savoir); may be repeated\n"
	       "  -n, --limit N        at most N hits (0, the default: all)\n"
	       "  -f, --format FORMAT  text (the default) or json\n"
	       "  -i, --input FILE     read FILE ('-': standard input) instead of the embedded\n"
	       "                       referential\n"
	       "      --lenient        accept a file that breaks the validator's rules\n"
	       CLI_LANG_HELP
	       "                       (the words are analysed as LANG's: doc/search.md)\n"
	       CLI_QUIET_HELP
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

static int search(const cli_inspect *o, const char *words,
                  const cispref_search_options *options)
{
	cispref_referential *ref;
	int rc = cli_load_in(&ref, o->input, o->load_flags, o->language, o->quiet);
	if (rc)
		return rc;
	const char *domain = options->filter.domain_id;
	if (domain && !cispref_referential_find_domain(ref, domain)) {
		rc = cli_unknown_domain(ref, domain);
		cispref_referential_free(ref);
		return rc;
	}
	cispref_index *index = NULL;
	cispref_results *results = NULL;
	cispref_error error = {0};
	if (cispref_index_new(&index, ref) != 0) {
		cli_error("out of memory");
		rc = EXIT_INVALID;
	} else if (cispref_search(&results, index, words, options, &error) != 0) {
		if (error.code == CISPREF_EARG) {
			rc = cli_usage_error("%s", error.text);
		} else {
			cli_print_error(&error);
			rc = EXIT_INVALID;
		}
	} else {
		rc = print_results(results, o->as_json);
	}
	cispref_results_free(results);
	cispref_index_free(index);
	cispref_referential_free(ref);
	return rc;
}

/* Apply one of search's own options: EXIT_OK, a usage error, or -1 when @c is not one. */
static int search_option(cispref_search_options *so, int c, const char *arg)
{
	cispref_plan_kind_t plan;
	cispref_item_kind_t kind;
	switch (c) {
	case 'd': so->filter.domain_id = arg; return EXIT_OK;
	case 'p':
		if (cispref_plan_kind_from_name(&plan, arg) != 0)
			return cli_usage_error("unknown plan kind '%s' (individual, collective, "
			                       "internal, external or joint)", arg);
		so->filter.plan_kinds |= CISPREF_MASK(plan);
		return EXIT_OK;
	case 'k':
		if (cispref_item_kind_from_name(&kind, arg) != 0)
			return cli_usage_error("unknown item kind '%s' (savoir-faire, "
			                       "savoir-faire-comportemental or savoir)", arg);
		so->filter.item_kinds |= CISPREF_MASK(kind);
		return EXIT_OK;
	case 'n': return cli_parse_count(&so->limit, "--limit", arg);
	default: return -1;
	}
}

int cmd_search(int argc, char **argv)
{
	static const struct option options[] = {
		{"domain", required_argument, NULL, 'd'},
		{"plan", required_argument, NULL, 'p'},
		{"kind", required_argument, NULL, 'k'},
		{"limit", required_argument, NULL, 'n'},
		CLI_INSPECT_LONG_OPTIONS,
		{0, 0, 0, 0},
	};
	cispref_search_options search_options = CISPREF_SEARCH_OPTIONS_INIT;
	cli_inspect o = {0};
	int c;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":d:p:k:n:" CLI_INSPECT_SHORT_OPTIONS, options,
	                        NULL)) != -1) {
		if (c == 'h') {
			help();
			return EXIT_OK;
		}
		int rc = search_option(&search_options, c, optarg);
		if (rc == -1)
			rc = cli_inspect_option(&o, c, optarg);
		if (rc == -1)
			return cli_option_error(c, argv);
		if (rc)
			return rc;
	}
	if (optind == argc)
		return cli_usage_error("no word to search for");
	char *words = join(argc - optind, argv + optind);
	if (!words) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	int rc = search(&o, words, &search_options);
	free(words);
	return rc;
}
