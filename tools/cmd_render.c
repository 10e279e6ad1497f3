/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "formats.h"

static void help(void)
{
	printf("Usage: cispref render [--format FORMAT] [-i FILE] [-o FILE] [--domain ID]...\n"
	       "                        [--no-title-page] [--no-contents] [--no-summary]\n"
	       "                        [--no-index] [--no-notes] [--gfm-tables]\n"
	       "                        [--inclusive source|normalized] [--title TEXT]\n"
	       "                        [--lang LANG [--quiet]]\n\n"
	       "Write the printed cahier of a referential: the title page, the table of\n"
	       "contents, the summary overview, one table per competence, the notes and the\n"
	       "index of shared concepts.\n\n"
	       "  -f, --format FORMAT     one of the formats below; may be left out when -o FILE\n"
	       "                          ends in the format's extension (or .htm for html)\n"
	       "  -i, --input FILE        read FILE ('-': standard input) instead of the\n"
	       "                          embedded referential\n"
	       "  -o, --output FILE       write FILE (replaced atomically) instead of standard\n"
	       "                          output ('-'); an ODT package is not written to a\n"
	       "                          terminal\n"
	       "  -d, --domain ID         only this domain (repeat for more): its overview,\n"
	       "                          details, notes and index entries; the front matter,\n"
	       "                          which presents the whole referential, is left out\n"
	       "      --no-title-page     leave out the title page\n"
	       "      --no-contents       leave out the table of contents\n"
	       "      --no-summary        leave out the summary overview\n"
	       "      --no-index          leave out the index of shared concepts\n"
	       "      --no-notes          leave out the notes\n"
	       "      --gfm-tables        md: the overview and each competence as pipe tables\n"
	       "                          (GitHub Flavored Markdown) rather than lists\n"
	       "      --inclusive STYLE   source (as printed, the default) or normalized:\n"
	       "                          \"la-le\", \"la.le\", \"la- le\"... become \"la\xC2\xB7le\"\n"
	       "  -t, --title TEXT        the document's title instead of the referential's\n"
	       "      --lang LANG         render the referential in LANG, a BCP 47 tag (nl,\n"
	       "                          nl-BE): each text's translation, else its own text;\n"
	       "                          HTML's lang and ODF's fo:language (and so the\n"
	       "                          hyphenation) follow LANG (doc/translation.md)\n"
	       "      --quiet             do not warn about texts without a translation\n"
	       "  -h, --help              show this help\n\n"
	       "Formats:\n");
	cli_print_formats(&cli_render_formats);
	printf("  pdf     the html cahier typeset by WeasyPrint (Debian package weasyprint),\n"
	       "          with page numbers in the contents and the index (.pdf; -o needed)\n"
	       "\nWithout WeasyPrint, render odt and convert it to PDF with LibreOffice\n"
	       "(soffice --headless --convert-to pdf cahier.odt).\n");
}

/* "html, odt, fodt, md or pdf" in @buf: the library's formats and the tool's own. */
static const char *format_names(char *buf, size_t size)
{
	size_t used = 0, count = cli_render_formats.count();
	buf[0] = '\0';
	for (size_t i = 0; i < count && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s, ", cli_render_formats.name(i));
		used += n > 0 ? (size_t)n : 0;
	}
	if (used < size) {
		used = used >= 2 ? used - 2 : used; /* the last ", " */
		snprintf(buf + used, size - used, " or pdf");
	}
	return buf;
}

/* Whether @path ends in ".pdf", in any case. */
static int is_pdf(const char *path)
{
	return path && cli_extension_is(path, ".pdf");
}

typedef struct render_args {
	const char *input;
	const char *output;
	int format; /* a cispref_render_format_t, or -1 when not given */
	int pdf;    /* the HTML typeset as PDF (render_pdf.c) */
	const char **domains; /* NULL-terminated, or NULL for all */
	const char *language; /* --lang, or NULL */
	int quiet;
	size_t domain_count;
	cispref_render_options options;
} render_args;

enum { OPT_NO_SUMMARY = 256, OPT_NO_INDEX, OPT_NO_NOTES, OPT_INCLUSIVE, OPT_NO_TITLE_PAGE,
       OPT_NO_CONTENTS, OPT_GFM_TABLES, OPT_LANG, OPT_QUIET };

/* Apply one option; EXIT_OK, or the exit code of a usage error. */
static int apply_option(render_args *a, int c, char **argv)
{
	cispref_render_format_t format;
	char names[128];
	switch (c) {
	case 'f':
		a->pdf = strcasecmp(optarg, "pdf") == 0;
		if (a->pdf)
			return EXIT_OK;
		if (cispref_render_format_from_name(&format, optarg) != 0)
			return cli_usage_error("unknown format '%s' (%s)", optarg,
			                       format_names(names, sizeof names));
		a->format = (int)format;
		return EXIT_OK;
	case 'i': a->input = optarg; return EXIT_OK;
	case 'o': a->output = cli_output_path(optarg); return EXIT_OK;
	case 'd': a->domains[a->domain_count++] = optarg; return EXIT_OK;
	case 't': a->options.title = optarg; return EXIT_OK;
	case OPT_NO_SUMMARY: a->options.summary = false; return EXIT_OK;
	case OPT_NO_INDEX: a->options.index = false; return EXIT_OK;
	case OPT_NO_NOTES: a->options.notes = false; return EXIT_OK;
	case OPT_NO_TITLE_PAGE: a->options.title_page = false; return EXIT_OK;
	case OPT_NO_CONTENTS: a->options.contents = false; return EXIT_OK;
	case OPT_GFM_TABLES: a->options.gfm_tables = true; return EXIT_OK;
	case OPT_LANG: a->language = optarg; return EXIT_OK;
	case OPT_QUIET: a->quiet = 1; return EXIT_OK;
	case OPT_INCLUSIVE:
		if (cispref_inclusive_style_from_name(&a->options.inclusive, optarg) != 0)
			return cli_usage_error("unknown inclusive style '%s' (source or normalized)",
			                       optarg);
		return EXIT_OK;
	default:
		return cli_option_error(c, argv);
	}
}

static int parse_arguments(render_args *a, int argc, char **argv)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"input", required_argument, NULL, 'i'},
		{"output", required_argument, NULL, 'o'},
		{"domain", required_argument, NULL, 'd'},
		{"title", required_argument, NULL, 't'},
		{"no-summary", no_argument, NULL, OPT_NO_SUMMARY},
		{"no-index", no_argument, NULL, OPT_NO_INDEX},
		{"no-notes", no_argument, NULL, OPT_NO_NOTES},
		{"no-title-page", no_argument, NULL, OPT_NO_TITLE_PAGE},
		{"no-contents", no_argument, NULL, OPT_NO_CONTENTS},
		{"gfm-tables", no_argument, NULL, OPT_GFM_TABLES},
		{"inclusive", required_argument, NULL, OPT_INCLUSIVE},
		{"lang", required_argument, NULL, OPT_LANG},
		{"quiet", no_argument, NULL, OPT_QUIET},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	int c;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":f:i:o:d:t:h", options, NULL)) != -1) {
		if (c == 'h') {
			help();
			return -1;
		}
		int rc = apply_option(a, c, argv);
		if (rc)
			return rc;
	}
	if (optind < argc)
		return cli_usage_error("unexpected argument '%s'", argv[optind]);
	if (cli_refuse_output(a->output))
		return EXIT_INVALID;
	cispref_render_format_t format;
	if (a->format < 0 && cispref_render_format_from_path(&format, a->output) == 0)
		a->format = (int)format;
	if (a->format < 0 && is_pdf(a->output))
		a->pdf = 1;
	if (a->pdf && !a->output)
		return cli_usage_error("a PDF is written to a file: give -o FILE.pdf");
	if (a->pdf)
		a->format = CISPREF_RENDER_HTML;
	if (a->format < 0) {
		char names[128];
		format_names(names, sizeof names);
		/* the name of -o FILE, when there is one, is what named no format */
		return a->output ? cli_extension_error(a->output, names)
		                 : cli_usage_error("no format: give --format %s", names);
	}
	/* A ZIP package would garble a terminal; a pipe or a file is fine. */
	if (a->format == CISPREF_RENDER_ODT && !a->output && isatty(STDOUT_FILENO))
		return cli_usage_error("an ODT package is binary: give -o FILE or "
		                                 "redirect the output");
	a->options.domains = a->domain_count ? a->domains : NULL;
	return EXIT_OK;
}

static int render(const render_args *a)
{
	cispref_referential *ref;
	int rc = cli_load_in(&ref, a->input, CISPREF_LOAD_DEFAULT, a->language, a->quiet);
	if (rc)
		return rc;
	for (size_t i = 0; i < a->domain_count; i++)
		if (!cispref_referential_find_domain(ref, a->domains[i])) {
			rc = cli_unknown_domain(ref, a->domains[i]);
			cispref_referential_free(ref);
			return rc;
		}
	if (a->pdf) {
		rc = cli_render_pdf(ref, &a->options, a->output);
		cispref_referential_free(ref);
		return rc;
	}
	cispref_error error = {0};
	cispref_render_format_t format = (cispref_render_format_t)a->format;
	rc = a->output ? cispref_render_path(a->output, ref, format, &a->options, &error)
	               : cispref_render_stream(stdout, ref, format, &a->options, &error);
	cispref_referential_free(ref);
	if (rc) {
		/* A failed write to standard output is reported once, with its reason, when the
		 * tool closes it. */
		if (a->output || !cli_stdout_failed())
			cli_print_error(&error);
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

int cmd_render(int argc, char **argv)
{
	render_args a = {NULL, NULL, -1, 0, NULL, NULL, 0, 0, CISPREF_RENDER_OPTIONS_INIT};
	/* At most one domain per argument: room for all of them and the NULL. */
	a.domains = calloc((size_t)argc + 1, sizeof *a.domains);
	if (!a.domains) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	int rc = parse_arguments(&a, argc, argv);
	if (rc == EXIT_OK)
		rc = render(&a);
	else if (rc < 0)
		rc = EXIT_OK; /* --help */
	free(a.domains);
	return rc;
}
