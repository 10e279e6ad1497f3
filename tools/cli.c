#include <getopt.h>
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
