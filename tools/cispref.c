/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref: validate, inspect, query and export competence referentials. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"validate", cmd_validate, "check referentials and report every finding"},
	{"info", cmd_info, "print a referential's title, version and counts"},
	{"export", cmd_export, "write a referential as XML, JSON, CSV, XLSX, Moodle, CASE, SKOS..."},
	{"import", cmd_import, "read a Moodle framework or a CASE package into a referential"},
	{"search", cmd_search, "find competences, summary entries and items by words"},
	{"show", cmd_show, "print a node, found by its id, and its children"},
	{"list", cmd_list, "print the outline of a referential"},
	{"concepts", cmd_concepts, "list the shared concepts, most shared first"},
	{"render", cmd_render, "write the printed cahier as HTML, ODT, FODT, Markdown or PDF"},
	{"coverage", cmd_coverage, "which competences a team's positioning covers, and by whom"},
	{"needs", cmd_needs, "the training needs of a team's positioning, ranked"},
	{"grid", cmd_grid, "a positioning grid to print and fill in, as HTML or ODT"},
	{"ratings", cmd_ratings, "the ratings of a team's positioning, as CSV or JSON"},
	{"diff", cmd_diff, "say what changed between two editions of a referential"},
	{"translate", cmd_translate, "merge a translated gettext catalogue into a referential"},
};

static void usage(FILE *out)
{
	fprintf(out, "Usage: cispref COMMAND [OPTION]... [ARGUMENT]...\n"
	             "       cispref --help | --version\n\n"
	             "Competence referentials of the CISP sector. Without -i FILE, commands work\n"
	             "on the embedded \"Référentiel de compétences de l'accompagnement en CISP\".\n\n"
	             "Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n'cispref COMMAND --help' describes a command.\n"
	             "Exit status: 0 success, 1 invalid input or output not written, 2 usage error.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return cli_close_stdout(NULL, EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("cispref %s\n", cispref_version());
		return cli_close_stdout(NULL, EXIT_OK);
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		cli_command = commands[i].name;
		int rc = commands[i].run(argc - 1, argv + 1);
		cli_text_release();
		/* Every command's output is checked here, once: a command reports only what
		 * it found wrong itself. */
		return cli_close_stdout(commands[i].name, rc);
	}
	fprintf(stderr, "cispref: unknown command '%s'\nTry 'cispref --help'.\n", argv[1]);
	return EXIT_USAGE;
}
