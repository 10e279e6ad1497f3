/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Escaping the texts of the line-oriented outputs. A referential's texts may hold a tab,
 * a line feed or a carriage return (XML allows them, as characters or as &#9; &#10;
 * &#13;): written as they are, they would split a record over lines or fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The escaped copies made so far, released together at the end of the command: a
 * command prints a bounded model, and only texts with something to escape are copied. */
static char **copies;
static size_t copy_count, copy_capacity;

static void out_of_memory(void)
{
	fprintf(stderr, "cispref: out of memory\n");
	exit(EXIT_INVALID);
}

static void keep(char *copy)
{
	if (copy_count == copy_capacity) {
		size_t capacity = copy_capacity ? 2 * copy_capacity : 16;
		char **grown = realloc(copies, capacity * sizeof *grown);
		if (!grown) {
			free(copy);
			out_of_memory();
		}
		copies = grown;
		copy_capacity = capacity;
	}
	copies[copy_count++] = copy;
}

/* The escape sequence's letter for @c, or 0 when @c stays as it is. */
static char escape_letter(char c)
{
	switch (c) {
	case '\t': return 't';
	case '\n': return 'n';
	case '\r': return 'r';
	case '\\': return '\\';
	default: return 0;
	}
}

const char *cli_text(const char *text)
{
	static const char special[] = "\t\n\r\\";
	if (!text || !text[strcspn(text, special)])
		return text;
	size_t len = 0;
	for (const char *p = text; *p; p++)
		len += escape_letter(*p) ? 2 : 1;
	char *copy = malloc(len + 1);
	if (!copy)
		out_of_memory();
	char *q = copy;
	for (const char *p = text; *p; p++) {
		char letter = escape_letter(*p);
		if (letter) {
			*q++ = '\\';
			*q++ = letter;
		} else {
			*q++ = *p;
		}
	}
	*q = '\0';
	keep(copy);
	return copy;
}

void cli_text_release(void)
{
	for (size_t i = 0; i < copy_count; i++)
		free(copies[i]);
	free(copies);
	copies = NULL;
	copy_count = copy_capacity = 0;
}
