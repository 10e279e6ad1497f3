/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A look at the bytes of an input before libxml2 parses them, for what libxml2 would
 * spend more than linear time on: it checks the attributes of a start tag for duplicates
 * pair by pair (2.9), so a tag with 300 000 attributes takes minutes before any callback
 * of the loader runs. The scanner counts the attributes of each start tag (every '='
 * outside a quoted value: namespace declarations included) and refuses a tag that has
 * too many, before the chunk that holds it reaches the parser.
 *
 * It reads markup in the input's own encoding: one byte per character for encodings that
 * write markup as ASCII does (UTF-8, ISO-8859-n, ...), two for UTF-16, four for UCS-4, as
 * libxml2 detects them from the first bytes. A document whose declared encoding writes
 * markup otherwise (UTF-7, EBCDIC) would hide its tags from the scanner: it is refused. */
#ifndef CISPREF_LOAD_SCAN_H
#define CISPREF_LOAD_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* The first bytes kept to decide the encoding: enough for any real XML declaration. */
#define LOAD_SCAN_HEAD 512

typedef struct load_scan {
	size_t max_attributes; /* 0: no limit */
	/* The longest start tag, end tag, comment, processing instruction or declaration
	 * the parser is to be handed, in code units (0, as after init: no limit). libxml2's
	 * push parser keeps a piece of markup until it has the whole of it, and without
	 * XML_PARSE_HUGE halts past XML_MAX_LOOKUP_LIMIT bytes with "internal error: Huge
	 * input lookup": the scan refuses it first, saying what and where. */
	size_t max_markup;
	/* the encoding, decided from the first bytes */
	int decided;
	int width;           /* bytes per code unit: 1, 2 or 4 */
	int big_endian;
	int utf8;            /* count columns in UTF-8 characters, not bytes */
	unsigned char head[LOAD_SCAN_HEAD];
	size_t head_len;
	/* the code unit being assembled */
	uint32_t unit;
	int unit_bytes;
	unsigned long skip;  /* byte order mark: units not counted as columns */
	/* where the scanner is */
	int state;
	int count;           /* dashes, brackets, or how much of "[CDATA[" matched */
	size_t attributes;
	int name_done;
	unsigned long line, column;
	unsigned long tag_line, tag_column;
	unsigned long long offset;       /* code units scanned before the current chunk */
	unsigned long long markup_start; /* the code unit of the last '<' that opened markup */
	unsigned char tail[3];           /* the last bytes of the input so far */
	size_t tail_len;
	char name[64];
	size_t name_len;
	/* the fault, when a scan returns non-zero */
	int status;
	char message[200];
	unsigned long error_line, error_column;
} load_scan;

void cispref__load_scan_init(load_scan *scan, size_t max_attributes);
/* Look at the next @size bytes of the input; 0, or a CISPREF_E* code with
 * @scan->message and its place set. */
int cispref__load_scan(load_scan *scan, const unsigned char *bytes, size_t size);
/* The input has ended: CISPREF_EXML when it ends inside markup (a tag, a comment...),
 * which libxml2 would otherwise report as something else (a start tag cut in its name
 * reaches the reader as a whole element). */
int cispref__load_scan_end(load_scan *scan);

#endif
