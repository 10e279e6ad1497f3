/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref diff: what changed between two editions. Exit status as diff(1)'s: 0 when
 * they are the same, 1 when they differ, 2 on trouble. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Exit statuses of this command (diff(1)'s), which differ from the tool's others; a
 * usage error (EXIT_USAGE) is trouble too. */
enum { DIFF_SAME = 0, DIFF_DIFFERENT = 1, DIFF_TROUBLE = 2 };

/* The formats, as --format names them. */
#define FORMAT_NAMES "text, json, md or html"

/* The operand that names the embedded referential. A file of that name is reached as
 * "./@embedded". */
static const char embedded[] = "@embedded";

static void help(void)
{
	printf("Usage: cispref diff [-f text|json|md|html] [-o FILE] OLD NEW\n\n"
	       "Say what changed from the edition OLD to the edition NEW of a referential: nodes\n"
	       "added, removed, probably renamed, moved, retyped, with their text changed word\n"
	       "by word, their concept, competence or notes changed, metadata changes, and the\n"
	       "front matter's sections added, removed, moved or with their text changed.\n"
	       "OLD and NEW are files, '-' (standard input, for one of them) or '@embedded'\n"
	       "(the embedded referential).\n\n"
	       "  -f, --format FORMAT  text (the default: one line per change), json, md or\n"
	       "                       html (a changelog in French to print, by domain); by\n"
	       "                       default the one whose extension -o FILE ends in (.txt,\n"
	       "                       .json, .md, .html or .htm; another one is refused), else\n"
	       "                       text\n"
	       "  -o, --output FILE    write FILE (replaced atomically) instead of standard\n"
	       "                       output ('-')\n"
	       "  -h, --help           show this help\n\n"
	       "Exit status: 0 when the two are the same, 1 when they differ, 2 on trouble\n"
	       "(usage, unreadable or invalid input, output not written), as diff(1).\n");
}

/* The format the extension of an output file names (.txt, .json, .md, .html or .htm),
 * else a usage error; a name without an extension keeps the text default. */
static int format_from_path(cispref_diff_format_t *format, const char *path)
{
	static const struct {
		const char *extension;
		cispref_diff_format_t format;
	} known[] = {{".json", CISPREF_DIFF_JSON}, {".md", CISPREF_DIFF_MARKDOWN},
	             {".html", CISPREF_DIFF_HTML}, {".htm", CISPREF_DIFF_HTML},
	             {".txt", CISPREF_DIFF_TEXT}};
	if (!cli_extension(path))
		return DIFF_SAME;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (cli_extension_is(path, known[i].extension)) {
			*format = known[i].format;
			return DIFF_SAME;
		}
	return cli_extension_error(path, FORMAT_NAMES);
}

static int load(cispref_referential **out, const char *operand)
{
	return cli_load(out, strcmp(operand, embedded) == 0 ? NULL : operand,
	                CISPREF_LOAD_DEFAULT) == EXIT_OK
	               ? DIFF_SAME
	               : DIFF_TROUBLE;
}

/* Write the diff; DIFF_TROUBLE when it could not be. */
static int write_diff(const cispref_diff *diff, cispref_diff_format_t format,
                      const char *output)
{
	cispref_error error = {0};
	if (output) {
		if (cispref_diff_save(output, diff, format, &error) == CISPREF_OK)
			return DIFF_SAME;
		cli_print_error(&error);
		return DIFF_TROUBLE;
	}
	char *text;
	size_t size;
	if (cispref_diff_write(&text, &size, diff, format, &error) != CISPREF_OK) {
		cli_print_error(&error);
		return DIFF_TROUBLE;
	}
	int written = fwrite(text, 1, size, stdout) == size && fflush(stdout) == 0;
	cispref_buffer_free(text);
	/* The reason is printed once, when the tool closes standard output. */
	return written && !cli_stdout_failed() ? DIFF_SAME : DIFF_TROUBLE;
}

static int run(const char *old_path, const char *new_path, cispref_diff_format_t format,
               const char *output)
{
	cispref_referential *old_ref = NULL, *new_ref = NULL;
	int rc = load(&old_ref, old_path);
	if (rc == DIFF_SAME)
		rc = load(&new_ref, new_path);
	cispref_diff *diff = NULL;
	cispref_error error = {0};
	if (rc == DIFF_SAME && cispref_diff_new(&diff, old_ref, new_ref, &error) != CISPREF_OK) {
		cli_print_error(&error);
		rc = DIFF_TROUBLE;
	}
	if (rc == DIFF_SAME)
		rc = write_diff(diff, format, output);
	if (rc == DIFF_SAME && cispref_diff_count(diff) > 0)
		rc = DIFF_DIFFERENT;
	cispref_diff_free(diff);
	cispref_referential_free(old_ref);
	cispref_referential_free(new_ref);
	return rc;
}

int cmd_diff(int argc, char **argv)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *output = NULL;
	cispref_diff_format_t format = CISPREF_DIFF_TEXT;
	int c, given = 0;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cispref_diff_format_from_name(&format, optarg) != 0)
				return cli_usage_error("unknown format '%s' (" FORMAT_NAMES ")", optarg);
			given = 1;
			break;
		case 'o': output = cli_output_path(optarg); break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(c, argv);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(argc - optind < 2 ? "OLD and NEW are both needed"
		                                         : "unexpected argument '%s'",
		                       argv[optind + 2 < argc ? optind + 2 : 0]);
	const char *old_path = argv[optind], *new_path = argv[optind + 1];
	if (strcmp(old_path, "-") == 0 && strcmp(new_path, "-") == 0)
		return cli_usage_error("standard input can be OLD or NEW, not both");
	if (cli_refuse_output(output))
		return DIFF_TROUBLE;
	if (!given && output && format_from_path(&format, output) != DIFF_SAME)
		return DIFF_TROUBLE;
	return run(old_path, new_path, format, output);
}
