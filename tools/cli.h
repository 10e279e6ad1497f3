/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Helpers shared by the subcommands of the cispref tool. The tool uses only the public
 * API: what it does, any program linking the library can do. */
#ifndef CISPREF_CLI_H
#define CISPREF_CLI_H

#include <cispref/cispref.h>

/* Exit codes, as documented in cispref(1). */
enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

/* Load @path, or the embedded referential when @path is NULL; on failure print the error
 * and return EXIT_INVALID. */
int cli_load(cispref_referential **out, const char *path, unsigned flags);

/* Print "cispref: SOURCE:LINE:COLUMN: TEXT" on stderr. */
void cli_print_error(const cispref_error *error);

/* Print a usage error and the hint to use --help; returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Parse the options of a command that takes only "-i FILE" and "--help": returns -1 to go
 * on, with *input set (NULL when not given) and optind at the first operand, or the exit
 * code to end with (after printing the help, or a usage error). */
int cli_input_options(int argc, char **argv, const char *command, void (*help)(void),
                      const char **input);

/* Flush and close standard output at the end of a command (@command, or NULL for the
 * tool's own --help and --version) that returned @rc. When anything written to standard
 * output was lost (a full disk, an I/O error, a closed pipe while SIGPIPE is ignored),
 * print "cispref COMMAND: write error: REASON" and return EXIT_INVALID (or @rc if it
 * already says failure); otherwise return @rc. */
int cli_close_stdout(const char *command, int rc);

/* Whether standard output has had a write error. Call it right after a write through
 * the library (export, render) failed: it keeps errno as the reason, and the command
 * leaves the message to cli_close_stdout(). */
int cli_stdout_failed(void);

/* The text of a field of a line-oriented output (text and TSV) with the characters that
 * would split the line or the field escaped as in PostgreSQL's text COPY format and the
 * "linear TSV" convention: a tab becomes "\t", a line feed "\n", a carriage return
 * "\r" and a backslash "\\", so that every record is one line and every field is free
 * of tabs, and the original text can be recovered (cispref(1), OUTPUT).
 * Returns @text itself when there is nothing to escape (NULL for NULL), otherwise an
 * escaped copy that lives until cli_text_release(). Out of memory, it prints the error
 * and exits with EXIT_INVALID. */
const char *cli_text(const char *text);

/* Release the copies made by cli_text(). */
void cli_text_release(void);

int cmd_validate(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_concepts(int argc, char **argv);
int cmd_render(int argc, char **argv);

#endif
