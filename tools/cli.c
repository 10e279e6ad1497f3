#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

void cli_print_error(const cispref_error *error)
{
	fprintf(stderr, "cispref: ");
	if (error->source[0])
		fprintf(stderr, "%s:", error->source);
	if (error->line)
		fprintf(stderr, "%lu:", error->line);
	if (error->line && error->column)
		fprintf(stderr, "%lu:", error->column);
	fprintf(stderr, "%s%s\n", error->source[0] || error->line ? " " : "", error->text);
}

int cli_load(cispref_referential **out, const char *path, unsigned flags)
{
	cispref_error error = {0};
	int rc = path ? cispref_referential_load_file(out, path, flags, &error)
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
