/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref import --from moodle|case [OPTION]... FILE [-o OUTPUT]\n\n"
	       "Read a framework of another tool and write it as a referential: in the export\n"
	       "format OUTPUT's extension names (.json, .csv, .xlsx, .ttl, .pot, .po: see\n"
	       "'cispref export --help'), else as cispref XML, whatever OUTPUT's name (.bak,\n"
	       "none...), as on standard output. What the import repaired or dropped, then\n"
	       "what the validator finds in the result, is printed on standard error, one line\n"
	       "each with the line of FILE it comes from:  E|W|I: FILE:LINE: TAG MESSAGE\n"
	       "FILE '-' is standard input.\n\n"
	       "  -F, --from FORMAT      the input's format: moodle (a Moodle competency\n"
	       "                         framework CSV) or case (a 1EdTech CASE 1.1 package,\n"
	       "                         CFPackage JSON)\n"
	       "  -o, --output FILE      write FILE (replaced atomically) instead of standard\n"
	       "                         output ('-')\n"
	       "  -e, --encoding NAME    moodle: the input's encoding, as iconv names it (default\n"
	       "                         UTF-8)\n"
	       "  -d, --delimiter C      moodle: ',' ';' ':' or 'tab' (default: detected)\n"
	       "      --depths LIST      the role of each depth of the framework, among domain,\n"
	       "                         plan, competence, item, in this order (default\n"
	       "                         domain,plan,competence,item)\n"
	       "      --foreign          map by depth even a file cispref wrote\n"
	       "  -q, --quiet            print errors only\n"
	       "  -h, --help             show this help\n\n"
	       "Exit status: 0 when nothing of error severity was found, 1 otherwise (the output\n"
	       "is written all the same unless the file could not be read), 2 on a usage error.\n");
}

enum { OPT_DEPTHS = 400, OPT_FOREIGN };

/* Print the findings on stderr; returns whether one is an error. */
static int report(const cispref_diagnostics *list, int quiet)
{
	static const char letters[] = {'E', 'W', 'I'};
	int errors = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		cispref_severity_t s = cispref_diagnostic_severity(d);
		errors |= s == CISPREF_SEVERITY_ERROR;
		if (quiet && s != CISPREF_SEVERITY_ERROR)
			continue;
		const char *file = cispref_diagnostic_file(d);
		/* a CASE package's findings have no line (0): jansson keeps none per value */
		unsigned long line = cispref_diagnostic_line(d);
		fprintf(stderr, "%c: %s", letters[s], cli_text(file ? file : "-"));
		if (line)
			fprintf(stderr, ":%lu", line);
		fprintf(stderr, ": %s ", cispref_diagnostic_tag(d));
		fprintf(stderr, "%s\n", cli_text(cispref_diagnostic_message(d)));
	}
	return errors;
}

static int parse_delimiter(char *out, const char *arg)
{
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "\t") == 0)
		*out = '\t';
	else if (strlen(arg) == 1 && strchr(",;:", arg[0]))
		*out = arg[0];
	else
		return cli_usage_error("the delimiter is one of ',' ';' ':' or 'tab', not '%s'", arg);
	return EXIT_OK;
}

/* The name of standard input in messages, as the other commands give it. */
static const char stdin_name[] = "(standard input)";

/* Read all of standard input into *@data (*@size bytes), at most @limit + 1 bytes: one
 * more than the import admits, so that the import itself reports the limit. EXIT_OK, or
 * EXIT_INVALID with the reason printed. */
static int read_stdin(char **data, size_t *size, size_t limit)
{
	size_t capacity = 65536, used = 0;
	char *buf = malloc(capacity);
	while (buf) {
		if (used == capacity) {
			char *bigger = capacity <= limit ? realloc(buf, capacity * 2) : NULL;
			if (!bigger)
				break;
			buf = bigger;
			capacity *= 2;
		}
		size_t want = capacity - used;
		if (used + want > limit + 1)
			want = limit + 1 - used;
		size_t n = fread(buf + used, 1, want, stdin);
		used += n;
		if (n < want || used > limit) {
			if (ferror(stdin)) {
				cli_error("cannot read %s", stdin_name);
				free(buf);
				return EXIT_INVALID;
			}
			*data = buf;
			*size = used;
			return EXIT_OK;
		}
	}
	free(buf);
	cli_error("out of memory");
	return EXIT_INVALID;
}

/* Read @input ("-": standard input, @data and @size) in the format @from names ("moodle"
 * or "case"). */
static int import(cispref_referential **ref, cispref_diagnostics **list, const char *from,
                  const char *input, const char *data, size_t size,
                  const cispref_moodle_options *o, cispref_error *error)
{
	int in = strcmp(input, "-") == 0;
	if (strcmp(from, "moodle") == 0)
		return in ? cispref_moodle_import_memory(ref, list, data, size, stdin_name, o, error)
		          : cispref_moodle_import_file(ref, list, input, o, error);
	cispref_case_options c = CISPREF_CASE_OPTIONS_INIT;
	c.depths = o->depths;
	if (o->flags & CISPREF_MOODLE_FOREIGN)
		c.flags |= CISPREF_CASE_FOREIGN;
	return in ? cispref_case_import_memory(ref, list, data, size, stdin_name, &c, error)
	          : cispref_case_import_file(ref, list, input, &c, error);
}

static int run(const char *from, const char *input, const char *output,
               const cispref_moodle_options *o, int quiet)
{
	cispref_referential *ref;
	cispref_diagnostics *list = NULL;
	cispref_error error = {0};
	char *data = NULL;
	size_t size = 0;
	cispref_case_options case_defaults = CISPREF_CASE_OPTIONS_INIT;
	size_t limit = strcmp(from, "moodle") == 0 ? o->max_input_size
	                                           : case_defaults.max_input_size;
	if (strcmp(input, "-") == 0 && read_stdin(&data, &size, limit) != EXIT_OK)
		return EXIT_INVALID;
	int status = import(&ref, &list, from, input, data, size, o, &error);
	free(data);
	/* the library's CISPREF_EARG is a value of an option it refused (an encoding iconv
	 * does not know, a --depths list): a usage error, as everywhere */
	if (status == CISPREF_EARG)
		return cli_usage_error("%s", error.text);
	if (status != 0) {
		cli_print_error(&error);
		return EXIT_INVALID;
	}
	int errors = report(list, quiet);
	cispref_diagnostics_free(list);
	cispref_format_t format = CISPREF_FORMAT_XML;
	if (output && cispref_format_from_path(&format, output) != 0)
		format = CISPREF_FORMAT_XML;
	int rc = output ? cispref_export_path(output, ref, format, &error)
	                : cispref_export_stream(stdout, ref, format, &error);
	cispref_referential_free(ref);
	if (rc) {
		if (output || !cli_stdout_failed())
			cli_print_error(&error);
		return EXIT_INVALID;
	}
	return errors ? EXIT_INVALID : EXIT_OK;
}

int cmd_import(int argc, char **argv)
{
	static const struct option options[] = {
		{"from", required_argument, NULL, 'F'},
		{"output", required_argument, NULL, 'o'},
		{"encoding", required_argument, NULL, 'e'},
		{"delimiter", required_argument, NULL, 'd'},
		{"depths", required_argument, NULL, OPT_DEPTHS},
		{"foreign", no_argument, NULL, OPT_FOREIGN},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	cispref_moodle_options o = CISPREF_MOODLE_OPTIONS_INIT;
	const char *output = NULL, *from = NULL;
	int c, quiet = 0, rc;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":F:o:e:d:qh", options, NULL)) != -1) {
		switch (c) {
		case 'F': from = optarg; break;
		case 'o': output = cli_output_path(optarg); break;
		case 'e': o.encoding = optarg; break;
		case 'd':
			if ((rc = parse_delimiter(&o.delimiter, optarg)) != EXIT_OK)
				return rc;
			break;
		case OPT_DEPTHS: o.depths = optarg; break;
		case OPT_FOREIGN: o.flags |= CISPREF_MOODLE_FOREIGN; break;
		case 'q': quiet = 1; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(c, argv);
		}
	}
	if (!from)
		return cli_usage_error("--from FORMAT is required (moodle, case)");
	if (strcmp(from, "moodle") != 0 && strcmp(from, "case") != 0)
		return cli_usage_error("unknown input format '%s' (moodle, case)", from);
	if (strcmp(from, "case") == 0 && (o.encoding || o.delimiter))
		return cli_usage_error("--encoding and --delimiter are for --from moodle: a CASE "
		                       "package is UTF-8 JSON");
	if (optind != argc - 1)
		return cli_usage_error(optind < argc ? "one FILE only" : "a FILE to import is required");
	if (cli_refuse_output(output))
		return EXIT_INVALID;
	return run(from, argv[optind], output, &o, quiet);
}
