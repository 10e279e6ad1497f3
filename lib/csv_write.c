/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The CSV exports: one row per item (sheet_rows.c), in two dialects.
 *
 * - "csv", RFC 4180: UTF-8 without a BOM, commas, CRLF after every record (the RFC's line
 *   break), English column names. Data is never altered: it is an interchange format,
 *   and a program reading it must get the texts verbatim. A cell that begins with '='
 *   stays so; doc/interchange.md points spreadsheet users to the two formats below.
 * - "csv-excel-fr", for a French-language Excel opening the file by a double click: a
 *   UTF-8 BOM (without it Excel reads the bytes as Windows-1252 and the accents break),
 *   semicolons (French Excel's list separator: with commas it puts every row in one
 *   column), CRLF, French column names, and an apostrophe before a field that begins
 *   with = + - @, a tab or a carriage return (OWASP's advice against formula injection):
 *   the file is for reading, and a text must never run as a formula.
 *
 * Quoting is libcsv's (csv_write()): it quotes every field and doubles its quotes,
 * which RFC 4180 allows and which keeps any field safe whatever it holds (either
 * delimiter, quotes, line breaks), and it writes into a caller's buffer, saying first how
 * many bytes it needs, which suits the libxml2 buffer the writers fill. */
#include <csv.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

typedef struct csv_dialect {
	const char *bom;
	char delimiter;
	int french_headers;
	int defuse_formulas;
} csv_dialect;

static const csv_dialect rfc4180 = {"", ',', 0, 0};
static const csv_dialect excel_fr_dialect = {"\xEF\xBB\xBF", ';', 1, 1};

typedef struct csv_writer {
	xmlBufferPtr out;
	const csv_dialect *dialect;
	char *scratch; /* one quoted field */
	size_t scratch_size;
	int failed; /* a CISPREF_E* code; later writes do nothing */
} csv_writer;

static void add(csv_writer *w, const char *bytes, size_t length)
{
	if (w->failed || length == 0)
		return;
	if (length > INT_MAX || xmlBufferAdd(w->out, (const xmlChar *)bytes, (int)length) != 0)
		w->failed = CISPREF_ENOMEM;
}

static int grow_scratch(csv_writer *w, size_t needed)
{
	if (needed <= w->scratch_size)
		return 1;
	char *bigger = realloc(w->scratch, needed);
	if (!bigger) {
		w->failed = CISPREF_ENOMEM;
		return 0;
	}
	w->scratch = bigger;
	w->scratch_size = needed;
	return 1;
}

/* Whether Excel or LibreOffice would read a field as a formula. */
static int looks_like_formula(const char *field)
{
	return field[0] && strchr("=+-@\t\r", field[0]) != NULL;
}

static void field(csv_writer *w, const char *text)
{
	const char *src = text;
	size_t length = strlen(text);
	char *defused = NULL;
	if (w->dialect->defuse_formulas && looks_like_formula(text)) {
		defused = malloc(length + 2);
		if (!defused) {
			w->failed = CISPREF_ENOMEM;
			return;
		}
		defused[0] = '\'';
		memcpy(defused + 1, text, length + 1);
		src = defused;
		length++;
	}
	/* csv_write() returns the size it needs (2 quotes, each quote doubled); a size
	 * below the length means it overflowed size_t. */
	size_t needed = csv_write(NULL, 0, src, length);
	if (needed < length)
		w->failed = CISPREF_ENOMEM;
	else if (grow_scratch(w, needed))
		add(w, w->scratch, csv_write(w->scratch, needed, src, length));
	free(defused);
}

static void record(csv_writer *w, const char *const cells[CISPREF__SHEET_COLUMNS])
{
	for (int i = 0; i < CISPREF__SHEET_COLUMNS; i++) {
		if (i > 0)
			add(w, &w->dialect->delimiter, 1);
		field(w, cells[i]);
	}
	add(w, "\r\n", 2);
}

static int item_row(const char *const cells[CISPREF__SHEET_COLUMNS], void *data)
{
	csv_writer *w = data;
	record(w, cells);
	return w->failed;
}

static int write_dialect(xmlBufferPtr out, const cispref_referential *ref,
                         const csv_dialect *dialect, cispref_error *error)
{
	csv_writer w = {out, dialect, NULL, 0, 0};
	add(&w, dialect->bom, strlen(dialect->bom));
	record(&w, cispref__sheet_headers(dialect->french_headers));
	if (!w.failed)
		(void)cispref__sheet_rows(ref, item_row, &w);
	free(w.scratch);
	if (w.failed)
		cispref__error_set(error, w.failed, NULL, 0, 0, "out of memory");
	return w.failed;
}

int cispref__csv_table(xmlBufferPtr out, int excel_fr, size_t columns, size_t rows,
                       const char *const *cells)
{
	const csv_dialect *dialect = excel_fr ? &excel_fr_dialect : &rfc4180;
	csv_writer w = {out, dialect, NULL, 0, 0};
	add(&w, dialect->bom, strlen(dialect->bom));
	for (size_t r = 0; r < rows && !w.failed; r++) {
		for (size_t c = 0; c < columns; c++) {
			if (c > 0)
				add(&w, &dialect->delimiter, 1);
			field(&w, cells[r * columns + c] ? cells[r * columns + c] : "");
		}
		add(&w, "\r\n", 2);
	}
	free(w.scratch);
	return w.failed;
}

int cispref__csv_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	return write_dialect(out, ref, &rfc4180, error);
}

int cispref__csv_excel_fr_write(xmlBufferPtr out, const cispref_referential *ref,
                                cispref_error *error)
{
	return write_dialect(out, ref, &excel_fr_dialect, error);
}
