/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A small JSON writer into a libxml2 buffer: strings escaped as RFC 8259 asks,
 * two-space indentation. Failures (out of memory) are remembered in `failed`. */
#ifndef CISPREF_JSON_H
#define CISPREF_JSON_H

#include <stddef.h>
#include <libxml/tree.h>

typedef struct json {
	xmlBufferPtr out;
	int depth;
	int failed;
} json;

void cispref__json_raw(json *j, const char *s);
/* A JSON string: quotes, backslashes and control characters escaped; everything else,
 * non-ASCII included, copied as UTF-8. NULL becomes null. */
void cispref__json_string(json *j, const char *s);
/* A member: a comma before all but the first, then the key. */
void cispref__json_key(json *j, const char *name, int first);
/* Open an object or array: "{" or "[". */
void cispref__json_open(json *j, const char *bracket);
/* Close it; @empty when nothing was written in it. */
void cispref__json_close(json *j, const char *bracket, int empty);
/* Before each element of an array: a comma after the first, a new line. */
void cispref__json_element(json *j, size_t index);

#endif
