/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "cli_json.h"

static void indent(int depth)
{
	for (int i = 0; i < depth; i++)
		fputs("  ", stdout);
}

/* @s as a JSON string. */
static void quoted(const char *s)
{
	fputc('"', stdout);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p == '\t')
			fputs("\\t", stdout);
		else if (*p == '\r')
			fputs("\\r", stdout);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else
			fputc(*p, stdout);
	}
	fputc('"', stdout);
}

/* What comes before a member or an element: a comma after the first, a new line, the
 * indentation, the key. */
static void begin(cli_json *j, const char *key)
{
	if (j->depth > 0) {
		fputs(j->has_member[j->depth - 1] ? ",\n" : "\n", stdout);
		j->has_member[j->depth - 1] = 1;
		indent(j->depth);
	}
	if (key) {
		quoted(key);
		fputs(": ", stdout);
	}
}

void cli_json_open(cli_json *j, const char *key, char bracket)
{
	begin(j, key);
	fputc(bracket, stdout);
	if (j->depth < CLI_JSON_MAX_DEPTH)
		j->has_member[j->depth] = 0;
	j->depth++;
}

void cli_json_close(cli_json *j, char bracket)
{
	j->depth--;
	if (j->depth < CLI_JSON_MAX_DEPTH && j->has_member[j->depth]) {
		fputc('\n', stdout);
		indent(j->depth);
	}
	fputc(bracket, stdout);
	if (j->depth == 0)
		fputc('\n', stdout);
}

void cli_json_string(cli_json *j, const char *key, const char *value)
{
	begin(j, key);
	if (!value) {
		fputs("null", stdout);
		return;
	}
	quoted(value);
}

void cli_json_number(cli_json *j, const char *key, size_t value)
{
	begin(j, key);
	printf("%zu", value);
}
