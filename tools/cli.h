/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Helpers shared by the subcommands of the cispref tool. The tool uses only the public
 * API: what it does, any program linking the library can do. */
#ifndef CISPREF_CLI_H
#define CISPREF_CLI_H

#include <cispref/cispref.h>

/* Exit codes, as documented in cispref(1). */
enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

/* The command being run ("info", "search"...), or NULL before one is chosen: every
 * message starts with "cispref COMMAND: ", once. */
extern const char *cli_command;

/* Load @path ("-" for standard input), or the embedded referential when @path is NULL;
 * on failure print the error and return EXIT_INVALID. */
int cli_load(cispref_referential **out, const char *path, unsigned flags);

/* --lang (tools/cli_lang.c): replace *@ref with its view in @language
 * (cispref_referential_translated()) when @language is not NULL, and unless @quiet warn
 * on stderr how many texts have no translation ("3 of 12 texts have no translation into
 * nl; they stay in fr"). EXIT_OK; EXIT_USAGE for a tag that is not BCP 47, or
 * EXIT_INVALID, with the message printed and *@ref left to the caller. */
int cli_use_language(cispref_referential **ref, const char *language, int quiet);
/* cli_load(), then cli_use_language(); on failure nothing is left to free. */
int cli_load_in(cispref_referential **out, const char *path, unsigned flags,
                const char *language, int quiet);
/* The help lines of --lang and --quiet, the same in every command that takes them. */
#define CLI_LANG_HELP                                                                    \
	"      --lang LANG      work on the referential in LANG, a BCP 47 tag (nl, nl-BE):\n" \
	"                       each text's translation, else the referential's own text;\n" \
	"                       the output declares LANG (doc/translation.md)\n"
#define CLI_QUIET_HELP                                                                   \
	"      --quiet          do not warn about texts without a translation into LANG\n"

/* Print "cispref COMMAND: SOURCE:LINE:COLUMN: TEXT" on stderr. */
void cli_print_error(const cispref_error *error);

/* Print "cispref COMMAND: MESSAGE" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print a usage error and the hint to use --help; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The usage error of getopt_long()'s return @c ('?' unknown option, ':' missing
 * argument); the option strings start with ':' and opterr is 0, so that getopt prints
 * nothing itself and the message has one prefix. Returns EXIT_USAGE. */
int cli_option_error(int c, char **argv);

/* Start parsing a command's options with getopt_long(). */
void cli_getopt_reset(void);

/* Parse the value of a numeric option (--limit, --top): digits only, within size_t.
 * 0 means "no limit" in every command. Returns EXIT_OK, or a usage error. */
int cli_parse_count(size_t *out, const char *option, const char *arg);

/* Parse the value of --format for the commands that print text or JSON: sets @as_json.
 * Returns EXIT_OK, or a usage error. */
int cli_parse_text_format(int *as_json, const char *arg);

/* Report that a name given on the command line names nothing (exit status 2):
 * "cispref COMMAND: MESSAGE", then the close names that @suggestions holds (@count of
 * them, at most 5 printed) as "; did you mean ...?", else, when @all is not NULL, the
 * valid names it lists (@all_count of them). */
int cli_unknown_name(const char *message, const char *const *suggestions, size_t count,
                     const char *const *all, size_t all_count);

/* The usage error of a domain id that names no domain of @ref, with the close ids or the
 * list of domains. */
int cli_unknown_domain(const cispref_referential *ref, const char *id);

/* Whether the output file @path (NULL: standard output) is not to be written: an
 * existing directory, which no command can write, or an existing file the user may not
 * write (a read-only file is not replaced behind its owner's back, as cp(1) does not,
 * although the library's atomic replacement would only need the directory writable).
 * Then print "cannot write 'PATH': it is a directory" (the library's wording) or "...:
 * it is read-only" and return 1, before any message about the format or the input. */
int cli_refuse_output(const char *path);

/* The output file of -o: NULL (standard output) for "-". */
const char *cli_output_path(const char *arg);

/* The extension of @path: its last component from the last dot on (".gz" of
 * "a.tar.gz"), or NULL when that component has no dot or ends in one. */
const char *cli_extension(const char *path);

/* Whether the extension of @path is @extension (".html"), ASCII letters compared in
 * either case, as the library compares them (".HTML" is ".html"). */
int cli_extension_is(const char *path, const char *extension);

/* The usage error of an output file @path, given without --format, whose extension names
 * none of the formats the command writes (@names: "html or odt"): "no COMMAND format has
 * the extension '.pdf': give --format NAMES", or "'PATH' has no extension that names a
 * format: give --format NAMES". A command that writes one format into any name (import's
 * XML, translate's) does not call it, and says so in its help. Returns EXIT_USAGE. */
int cli_extension_error(const char *path, const char *names);

/* What the commands that inspect a referential (info, list, show, concepts, search)
 * share: -i FILE, -f text|json, --lenient. */
typedef struct cli_inspect {
	const char *input; /* NULL: the embedded referential; "-": standard input */
	int as_json;
	unsigned load_flags; /* CISPREF_LOAD_LENIENT with --lenient */
	const char *language; /* --lang, or NULL */
	int quiet;            /* --quiet */
} cli_inspect;

/* The long option values of --lenient, --lang and --quiet, and the long options of
 * cli_inspect. */
enum { CLI_OPT_LENIENT = 300, CLI_OPT_LANG, CLI_OPT_QUIET };
#define CLI_INSPECT_LONG_OPTIONS                                  \
	{"input", required_argument, NULL, 'i'},                  \
	{"format", required_argument, NULL, 'f'},                 \
	{"lenient", no_argument, NULL, CLI_OPT_LENIENT},          \
	{"lang", required_argument, NULL, CLI_OPT_LANG},          \
	{"quiet", no_argument, NULL, CLI_OPT_QUIET},              \
	{"help", no_argument, NULL, 'h'}
/* Their short options, after the leading ':' of an option string. */
#define CLI_INSPECT_SHORT_OPTIONS "i:f:h"

/* Apply @c if it is one of cli_inspect's options: EXIT_OK, a usage error, or -1 when
 * @c is none of them. */
int cli_inspect_option(cli_inspect *o, int c, const char *arg);

/* Parse the options of a command that has only cli_inspect's: returns -1 to go on, with
 * optind at the first operand, or the exit code to end with (after printing @help, or a
 * usage error). */
int cli_inspect_options(int argc, char **argv, void (*help)(void), cli_inspect *o);

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

/* Write the cahier of @ref as a PDF at @output: the HTML cahier typeset by WeasyPrint
 * (tools/render_pdf.c). EXIT_OK, or EXIT_INVALID with the reason printed (no typesetter
 * installed: how to get a PDF otherwise); @output is untouched on failure. */
int cli_render_pdf(const cispref_referential *ref, const cispref_render_options *options,
                   const char *output);

int cmd_validate(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_concepts(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_coverage(int argc, char **argv);
int cmd_needs(int argc, char **argv);
int cmd_grid(int argc, char **argv);
int cmd_ratings(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_translate(int argc, char **argv);

#endif
