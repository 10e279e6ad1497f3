/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

const char *cli_command;

/* "cispref COMMAND: " or "cispref: " on stderr. */
static void prefix(void)
{
	fprintf(stderr, "cispref%s%s: ", cli_command ? " " : "", cli_command ? cli_command : "");
}

/* A long source name (a path up to PATH_MAX) shown by its two ends, so that the line
 * and the message after it stay readable; one the library had to cut (it fills the
 * field) by its start only, as its end is not the name's. */
static void print_source(const char *source)
{
	enum { SHOWN = 160, HALF = SHOWN / 2 };
	size_t len = strlen(source);
	if (len <= SHOWN) {
		fprintf(stderr, "%s:", cli_text(source));
		return;
	}
	size_t head = HALF, tail = len - HALF;
	while (head > 0 && ((unsigned char)source[head] & 0xC0) == 0x80)
		head--;
	while (tail < len && ((unsigned char)source[tail] & 0xC0) == 0x80)
		tail++;
	char *start = strndup(source, head);
	int cut = len + 1 >= CISPREF_ERROR_SOURCE_LENGTH;
	fprintf(stderr, "%s\xE2\x80\xA6%s:", start ? cli_text(start) : "",
	        cut ? "" : cli_text(source + tail));
	free(start);
}

void cli_print_error(const cispref_error *error)
{
	prefix();
	if (error->source[0])
		print_source(error->source);
	if (error->line)
		fprintf(stderr, "%lu:", error->line);
	if (error->line && error->column)
		fprintf(stderr, "%lu:", error->column);
	fprintf(stderr, "%s%s\n", error->source[0] || error->line ? " " : "", cli_text(error->text));
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	prefix();
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_load(cispref_referential **out, const char *path, unsigned flags)
{
	cispref_error error = {0};
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.flags = flags;
	int rc;
	if (!path)
		rc = cispref_referential_load_default(out, &error);
	else if (strcmp(path, "-") == 0)
		rc = cispref_referential_load_fd(out, STDIN_FILENO, "(standard input)", &options,
		                                 &error);
	else
		rc = cispref_referential_load_file(out, path, &options, &error);
	if (rc == 0)
		return EXIT_OK;
	cli_print_error(&error);
	return EXIT_INVALID;
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	prefix();
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'cispref %s --help'.\n", cli_command ? cli_command : "");
	return EXIT_USAGE;
}

int cli_option_error(int c, char **argv)
{
	char name[64];
	const char *arg = argv[optind - 1];
	if (optopt > 0 && optopt < 128 && arg[0] == '-' && arg[1] != '-')
		snprintf(name, sizeof name, "-%c", optopt);
	else
		snprintf(name, sizeof name, "%.*s", (int)strcspn(arg, "="), arg);
	if (c == ':')
		return cli_usage_error("option '%s' needs a value", name);
	return cli_usage_error("unknown option '%s'", name);
}

void cli_getopt_reset(void)
{
	optind = 0;
	opterr = 0; /* the messages are cli_option_error()'s */
}

int cli_parse_count(size_t *out, const char *option, const char *arg)
{
	/* strtoull() alone would take "-1" (as a huge number), " 7" and "+7". */
	if (!arg[0] || strspn(arg, "0123456789") != strlen(arg))
		return cli_usage_error("%s takes a number (0 for no limit), not '%s'", option, arg);
	errno = 0;
	unsigned long long value = strtoull(arg, NULL, 10);
	if (errno == ERANGE || value > SIZE_MAX)
		return cli_usage_error("%s: '%s' is too large", option, arg);
	*out = (size_t)value;
	return EXIT_OK;
}

int cli_parse_text_format(int *as_json, const char *arg)
{
	if (strcmp(arg, "json") != 0 && strcmp(arg, "text") != 0)
		return cli_usage_error("unknown format '%s' (text or json)", arg);
	*as_json = strcmp(arg, "json") == 0;
	return EXIT_OK;
}

/* "a, b or c" on stderr. */
static void print_names(const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		fprintf(stderr, "%s%s", i == 0 ? "" : i + 1 == count ? " or " : ", ", cli_text(names[i]));
}

int cli_unknown_name(const char *message, const char *const *suggestions, size_t count,
                     const char *const *all, size_t all_count)
{
	enum { SHOWN = 5 };
	prefix();
	fputs(message, stderr);
	if (count) {
		fprintf(stderr, "; did you mean ");
		print_names(suggestions, count < SHOWN ? count : SHOWN);
		fprintf(stderr, "?");
	} else if (all && all_count) {
		fprintf(stderr, "; it must be one of ");
		print_names(all, all_count);
	}
	fputc('\n', stderr);
	return EXIT_USAGE;
}

int cli_unknown_domain(const cispref_referential *ref, const char *id)
{
	enum { SHOWN = 5 };
	const char *near[SHOWN];
	size_t count = cispref_referential_suggest_ids(near, SHOWN, ref, id, CISPREF_NODE_DOMAIN);
	size_t domains = cispref_referential_domain_count(ref);
	const char **all = calloc(domains + 1, sizeof *all);
	for (size_t d = 0; all && d < domains; d++)
		all[d] = cispref_domain_id(cispref_referential_domain(ref, d));
	char message[512];
	snprintf(message, sizeof message, "no domain has the id '%s'", cli_text(id));
	int rc = cli_unknown_name(message, near, count < SHOWN ? count : SHOWN, all,
	                          all ? domains : 0);
	free(all);
	return rc;
}

int cli_refuse_output(const char *path)
{
	struct stat st;
	if (!path || stat(path, &st) != 0)
		return 0;
	if (S_ISDIR(st.st_mode)) {
		cli_error("cannot write '%s': it is a directory", cli_text(path));
		return 1;
	}
	/* the effective user's access, as the write would have it (root may write anything) */
	if (S_ISREG(st.st_mode) && faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0 &&
	    errno == EACCES) {
		cli_error("cannot write '%s': it is read-only", cli_text(path));
		return 1;
	}
	return 0;
}

const char *cli_output_path(const char *arg)
{
	return strcmp(arg, "-") == 0 ? NULL : arg;
}

const char *cli_extension(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	return dot && dot[1] ? dot : NULL;
}

int cli_extension_is(const char *path, const char *extension)
{
	const char *own = cli_extension(path);
	/* the tool never calls setlocale(): in the C locale strcasecmp() folds ASCII only */
	return own && strcasecmp(own, extension) == 0;
}

int cli_extension_error(const char *path, const char *names)
{
	const char *extension = cli_extension(path);
	if (!extension)
		return cli_usage_error("'%s' has no extension that names a format: give --format "
		                       "%s", cli_text(path), names);
	return cli_usage_error("no %s format has the extension '%s': give --format %s",
	                       cli_command, cli_text(extension), names);
}

int cli_inspect_option(cli_inspect *o, int c, const char *arg)
{
	switch (c) {
	case 'i': o->input = arg; return EXIT_OK;
	case 'f': return cli_parse_text_format(&o->as_json, arg);
	case CLI_OPT_LENIENT: o->load_flags |= CISPREF_LOAD_LENIENT; return EXIT_OK;
	case CLI_OPT_LANG: o->language = arg; return EXIT_OK;
	case CLI_OPT_QUIET: o->quiet = 1; return EXIT_OK;
	default: return -1;
	}
}

int cli_inspect_options(int argc, char **argv, void (*help)(void), cli_inspect *o)
{
	static const struct option options[] = {CLI_INSPECT_LONG_OPTIONS, {0, 0, 0, 0}};
	int c;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":" CLI_INSPECT_SHORT_OPTIONS, options, NULL)) != -1) {
		if (c == 'h') {
			help();
			return EXIT_OK;
		}
		int rc = cli_inspect_option(o, c, optarg);
		if (rc == -1)
			return cli_option_error(c, argv);
		if (rc)
			return rc;
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
