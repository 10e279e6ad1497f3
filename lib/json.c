/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "json.h"

void cispref__json_raw(json *j, const char *s)
{
	if (!j->failed && xmlBufferCat(j->out, (const xmlChar *)s) != 0)
		j->failed = 1;
}

static void raw_len(json *j, const char *s, size_t len)
{
	if (!j->failed && len && xmlBufferAdd(j->out, (const xmlChar *)s, (int)len) != 0)
		j->failed = 1;
}

static void newline(json *j)
{
	cispref__json_raw(j, "\n");
	for (int i = 0; i < j->depth; i++)
		cispref__json_raw(j, "  ");
}

void cispref__json_string(json *j, const char *s)
{
	if (!s) {
		cispref__json_raw(j, "null");
		return;
	}
	cispref__json_raw(j, "\"");
	const char *run = s;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		const char *escape = NULL;
		char hex[8];
		switch (c) {
		case '"': escape = "\\\""; break;
		case '\\': escape = "\\\\"; break;
		case '\n': escape = "\\n"; break;
		case '\r': escape = "\\r"; break;
		case '\t': escape = "\\t"; break;
		case '\b': escape = "\\b"; break;
		case '\f': escape = "\\f"; break;
		default:
			if (c < 0x20) {
				snprintf(hex, sizeof hex, "\\u%04x", c);
				escape = hex;
			}
		}
		if (escape) {
			raw_len(j, run, (size_t)(p - run));
			cispref__json_raw(j, escape);
			run = p + 1;
		}
	}
	cispref__json_raw(j, run);
	cispref__json_raw(j, "\"");
}

void cispref__json_key(json *j, const char *name, int first)
{
	if (!first)
		cispref__json_raw(j, ",");
	newline(j);
	cispref__json_string(j, name);
	cispref__json_raw(j, ": ");
}

void cispref__json_open(json *j, const char *bracket)
{
	cispref__json_raw(j, bracket);
	j->depth++;
}

void cispref__json_close(json *j, const char *bracket, int empty)
{
	j->depth--;
	if (!empty)
		newline(j);
	cispref__json_raw(j, bracket);
}

void cispref__json_element(json *j, size_t index)
{
	if (index)
		cispref__json_raw(j, ",");
	newline(j);
}

