/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The JSON outputs of the tool's own commands (info, list, show, concepts), written to
 * standard output: keys in the order the calls give them (the order cispref(1)
 * documents), two-space indentation.
 *
 * Written by hand, for reasons stated: the library's JSON writer is internal (the tool
 * uses only the public API), the shapes are the tool's presentation rather than a rule
 * of the referential, and a JSON library (jansson) would be a new build dependency for
 * these sixty lines; nothing here parses JSON. */
#ifndef CISPREF_TOOLS_JSON_H
#define CISPREF_TOOLS_JSON_H

#include <stddef.h>

/* Deep enough for every output of the tool (show's domain: 3 levels). */
#define CLI_JSON_MAX_DEPTH 8

typedef struct cli_json {
	int depth;
	int has_member[CLI_JSON_MAX_DEPTH]; /* something written at this depth already */
} cli_json;

/* Open an object ('{') or array ('['): a member named @key of the enclosing object, or
 * an element of the enclosing array when @key is NULL. */
void cli_json_open(cli_json *j, const char *key, char bracket);
/* Close it (']' or '}'); at depth 0, end the document with a line feed. */
void cli_json_close(cli_json *j, char bracket);
/* A string member (or element), null for NULL: quotes, backslashes and control
 * characters escaped as RFC 8259 asks, other bytes (UTF-8) copied. */
void cli_json_string(cli_json *j, const char *key, const char *value);
/* A number member (or element). */
void cli_json_number(cli_json *j, const char *key, size_t value);

#endif
