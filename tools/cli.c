/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_print_error(const cispref_error *error)
{
	fprintf(stderr, "cispref: ");
	if (error->source[0])
		fprintf(stderr, "%s:", cli_text(error->source));
	if (error->line)
		fprintf(stderr, "%lu:", error->line);
	if (error->line && error->column)
		fprintf(stderr, "%lu:", error->column);
	fprintf(stderr, "%s%s\n", error->source[0] || error->line ? " " : "", cli_text(error->text));
}

int cli_load(cispref_referential **out, const char *path, unsigned flags)
{
	cispref_error error = {0};
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.flags = flags;
	int rc = path ? cispref_referential_load_file(out, path, &options, &error)
	              : cispref_referential_load_default(out, &error);
	if (rc == 0)
		return EXIT_OK;
	cli_print_error(&error);
	return EXIT_INVALID;
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "cispref %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'cispref %s --help'.\n", command);
	return EXIT_USAGE;
}

int cli_input_options(int argc, char **argv, const char *command, void (*help)(void),
                      const char **input)
{
	static const struct option options[] = {
		{"input", required_argument, NULL, 'i'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	int c;
	*input = NULL;
	optind = 0;
	while ((c = getopt_long(argc, argv, "i:h", options, NULL)) != -1) {
		switch (c) {
		case 'i': *input = optarg; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_usage_error(command, "invalid option");
		}
	}
	return -1;
}

/* The reason of a failed write to standard output, kept because stdio drops the data of
 * a failed flush: fclose() may then succeed and no longer tell why. */
static int stdout_errno;

int cli_stdout_failed(void)
{
	if (!ferror(stdout))
		return 0;
	if (!stdout_errno)
		stdout_errno = errno;
	return 1;
}

int cli_close_stdout(const char *command, int rc)
{
	/* A write that failed earlier set the stream's error flag; fclose() writes what is
	 * still buffered, and usually fails again with the reason. */
	int failed = ferror(stdout);
	errno = 0;
	if (fclose(stdout) != 0)
		failed = 1;
	int reason = errno ? errno : stdout_errno;
	if (!failed)
		return rc;
	fprintf(stderr, "cispref%s%s: write error%s%s\n", command ? " " : "", command ? command : "",
	        reason ? ": " : "", reason ? strerror(reason) : "");
	return rc == EXIT_OK ? EXIT_INVALID : rc;
}
