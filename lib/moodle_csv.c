/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Reading a Moodle framework CSV into a table of rows: the encoding converted with iconv,
 * a UTF-8 BOM dropped, the delimiter detected, the cells parsed by libcsv (RFC 4180, line
 * breaks inside quotes), every row as wide as the header, every cell valid UTF-8, within
 * the limits. libcsv does not count lines: the input is fed to it one line at a time, so
 * that each row knows the line it starts on. libcsv ends a row at CR, LF or CRLF, but keeps
 * a line break inside a quoted cell as written: CRLF and CR there become LF (on_field). */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "moodle_private.h"

/* The longest piece fed to libcsv at once: its buffer is checked against the cell limit
 * between pieces, so a huge cell is refused before it is all in memory. */
#define CHUNK ((size_t)64 * 1024)
/* A row wider than this is refused at once, whatever the header says. */
#define MAX_FIELDS 1000

typedef struct reader {
	moodle_table *table;
	const cispref_moodle_options *o;
	const char *name;
	cispref_error *error;
	int rc;
	unsigned long line;       /* line of the piece being fed */
	unsigned long row_line;   /* first line of the row being read, 0 before it starts */
	size_t fields;            /* fields of that row so far */
	char *cells[MOODLE_COLUMNS];
	int header_seen;
} reader;

static void fail(reader *r, int code, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fail(reader *r, int code, unsigned long line, const char *fmt, ...)
{
	if (r->rc)
		return;
	r->rc = code;
	char text[CISPREF_ERROR_TEXT_LENGTH];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	cispref__error_set(r->error, code, r->name, line, 0, "%s", text);
}

/* The line breaks of @s as LF, in place. A multi-line cell's line breaks are CRLF when a
 * Windows tool (or unix2dos) wrote the file: they are line breaks of the text all the same.
 * The text becomes XML text, whose parser turns CRLF and CR into LF (XML 1.0 section
 * 2.11); the importer does it first, so that no CR reaches the referential's values (a
 * language "fr\r", a UUID refused for a CR after it). */
static void unix_line_ends(char *s)
{
	char *out = s;
	for (const char *in = s; *in; in++) {
		if (*in == '\r') {
			*out++ = '\n';
			in += in[1] == '\n';
		} else {
			*out++ = *in;
		}
	}
	*out = '\0';
}

static void on_field(void *data, size_t len, void *payload)
{
	reader *r = payload;
	size_t column = r->fields++;
	if (r->rc)
		return;
	if (r->o->max_cell_length && len > r->o->max_cell_length) {
		fail(r, CISPREF_ELIMIT, r->row_line, "column %zu holds %zu bytes, more than the "
		     "limit of %zu", column + 1, len, r->o->max_cell_length);
		return;
	}
	if (r->fields > MAX_FIELDS) {
		fail(r, CISPREF_EFORMAT, r->row_line, "a row of more than %d fields", MAX_FIELDS);
		return;
	}
	/* CSV_APPEND_NULL: data[len] is a NUL; a NUL before it is not text. */
	if (memchr(data, '\0', len) || !cispref__text_is_valid(data)) {
		fail(r, CISPREF_EFORMAT, r->row_line, "column %zu is not valid UTF-8 text (a "
		     "control character or an invalid byte): give the file's encoding", column + 1);
		return;
	}
	if (column >= MOODLE_COLUMNS)
		return;
	if (!(r->cells[column] = cispref__arena_strndup(r->table->arena, data, len)))
		fail(r, CISPREF_ENOMEM, 0, "out of memory");
	else
		unix_line_ends(r->cells[column]);
}

static void keep_row(reader *r)
{
	moodle_table *t = r->table;
	if (r->fields != t->width) {
		fail(r, CISPREF_EFORMAT, r->row_line, "this row has %zu fields where the header "
		     "has %zu", r->fields, t->width);
		return;
	}
	if (r->o->max_rows && t->rows.count >= r->o->max_rows) {
		fail(r, CISPREF_ELIMIT, r->row_line, "more than %zu rows, the limit",
		     r->o->max_rows);
		return;
	}
	moodle_row *row = cispref__arena_alloc(t->arena, sizeof *row);
	if (!row || cispref__vec_push(t->arena, &t->rows, row) != 0) {
		fail(r, CISPREF_ENOMEM, 0, "out of memory");
		return;
	}
	row->line = r->row_line;
	memcpy(row->cells, r->cells, sizeof row->cells);
}

static void on_row(int end, void *payload)
{
	reader *r = payload;
	(void)end;
	/* A line of spaces is one empty field: a blank line, not a row. */
	int blank = r->fields == 1 && r->cells[0] && !r->cells[0][0];
	if (!r->rc && !blank) {
		if (!r->header_seen) {
			r->header_seen = 1;
			r->table->width = r->fields;
			if (r->fields < MOODLE_COLUMNS)
				fail(r, CISPREF_EFORMAT, r->row_line, "the header has %zu columns where "
				     "a Moodle framework has 14 (is '%c' the delimiter?)", r->fields,
				     r->table->delimiter);
		} else {
			keep_row(r);
		}
	}
	r->fields = 0;
	r->row_line = 0;
	memset(r->cells, 0, sizeof r->cells);
}

/* No space is trimmed from unquoted cells, as PHP's fgetcsv() trims none. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static int only_blanks(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Feed one piece; libcsv reports a parse error only in strict mode. */
static void feed(reader *r, struct csv_parser *p, const char *s, size_t n)
{
	if (!r->row_line && !only_blanks(s, n))
		r->row_line = r->line;
	if (csv_parse(p, s, n, on_field, on_row, r) != n && !r->rc) {
		if (csv_error(p) == CSV_EPARSE)
			fail(r, CISPREF_EFORMAT, r->line, "malformed quoting: a quote inside an "
			     "unquoted cell, or text after a closing quote (RFC 4180)");
		else
			fail(r, CISPREF_ENOMEM, r->line, "out of memory");
	}
	size_t limit = r->o->max_cell_length;
	if (!r->rc && limit && csv_get_buffer_size(p) > limit + CHUNK)
		fail(r, CISPREF_ELIMIT, r->row_line, "a cell of more than %zu bytes, the limit",
		     limit);
}

static void parse(reader *r, const char *data, size_t size)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		fail(r, CISPREF_ENOMEM, 0, "out of memory");
		return;
	}
	csv_set_delim(&p, (unsigned char)r->table->delimiter);
	csv_set_space_func(&p, no_space);
	r->line = 1;
	for (size_t at = 0; at < size && !r->rc;) {
		const char *nl = memchr(data + at, '\n', size - at);
		size_t n = nl ? (size_t)(nl - (data + at)) + 1 : size - at;
		if (n > CHUNK)
			n = CHUNK;
		feed(r, &p, data + at, n);
		if (data[at + n - 1] == '\n')
			r->line++;
		at += n;
	}
	if (!r->rc && csv_fini(&p, on_field, on_row, r) != 0 && !r->rc)
		fail(r, CISPREF_EFORMAT, r->row_line, "the file ends inside a quoted cell that "
		     "starts on this line: it is truncated, or a quote is missing");
	csv_free(&p);
	if (!r->rc && !r->header_seen)
		fail(r, CISPREF_EFORMAT, 0, "the file is empty: no header row");
}

/* The delimiter of the header line: among , ; tab : the one that splits it into the most
 * cells, quotes respected. */
static char detect_delimiter(const char *data, size_t size)
{
	static const char candidates[] = {',', ';', '\t', ':'};
	size_t counts[4] = {0};
	int quoted = 0;
	for (size_t i = 0; i < size; i++) {
		char c = data[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		for (int k = 0; !quoted && k < 4; k++)
			counts[k] += c == candidates[k];
	}
	int best = 0;
	for (int k = 1; k < 4; k++)
		if (counts[k] > counts[best])
			best = k;
	return candidates[best];
}

static int is_utf8_name(const char *encoding)
{
	return !encoding || strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0;
}

/* Convert @data from @encoding to UTF-8 into a new buffer (*@out, *@out_size). */
static int convert(char **out, size_t *out_size, const char *data, size_t size,
                   const char *encoding, const char *name, cispref_error *error)
{
	/* glibc's iconv_open() takes "" for the locale's encoding (ASCII in the C locale):
	 * a name left empty by mistake would read the file in an encoding nobody chose */
	if (encoding[strspn(encoding, " \t\n\v\f\r")] == '\0') {
		cispref__error_set(error, CISPREF_EARG, name, 0, 0,
		                   "unknown encoding '%s': the name is %s (iconv -l lists the "
		                   "names; leave it out for UTF-8)", encoding,
		                   encoding[0] ? "blank" : "empty");
		return CISPREF_EARG;
	}
	iconv_t cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1) {
		cispref__error_set(error, CISPREF_EARG, name, 0, 0,
		                   "unknown encoding '%s' (iconv -l lists them)", encoding);
		return CISPREF_EARG;
	}
	size_t capacity = size * 4 + 4; /* UTF-8 takes at most 4 bytes a character */
	char *buf = malloc(capacity);
	char *in = (char *)data, *o = buf;
	size_t in_left = size, out_left = capacity;
	int rc = CISPREF_OK;
	if (!buf) {
		rc = CISPREF_ENOMEM;
		cispref__error_set(error, rc, name, 0, 0, "out of memory");
	} else if (iconv(cd, &in, &in_left, &o, &out_left) == (size_t)-1) {
		unsigned long line = 1;
		for (const char *s = data; s < in; s++)
			line += *s == '\n';
		rc = CISPREF_EFORMAT;
		cispref__error_set(error, rc, name, line, 0, "byte %zu is not valid %s",
		                   (size_t)(in - data) + 1, encoding);
	}
	iconv_close(cd);
	if (rc) {
		free(buf);
		return rc;
	}
	*out = buf;
	*out_size = capacity - out_left;
	return CISPREF_OK;
}

int cispref__moodle_csv_read(moodle_table *table, const char *data, size_t size,
                             const char *name, const cispref_moodle_options *o,
                             cispref_error *error)
{
	if (o->max_input_size && size > o->max_input_size) {
		cispref__error_set(error, CISPREF_ELIMIT, name, 0, 0, "the input is %zu bytes, "
		                   "more than the limit of %zu", size, o->max_input_size);
		return CISPREF_ELIMIT;
	}
	char *converted = NULL;
	if (!is_utf8_name(o->encoding)) {
		int rc = convert(&converted, &size, data, size, o->encoding, name, error);
		if (rc)
			return rc;
		data = converted;
	}
	if (size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		size -= 3;
	}
	char d = o->delimiter;
	if (d && d != ',' && d != ';' && d != ':' && d != '\t') {
		free(converted);
		cispref__error_set(error, CISPREF_EARG, name, 0, 0,
		                   "the delimiter is one of ',' ';' ':' or a tab");
		return CISPREF_EARG;
	}
	table->delimiter = d ? d : detect_delimiter(data, size);
	reader r = {table, o, name, error, 0, 1, 0, 0, {0}, 0};
	parse(&r, data, size);
	free(converted);
	return r.rc;
}
