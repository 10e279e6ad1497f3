/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The XLSX export, through libxlsxwriter: a flat sheet of every item, then one sheet per
 * domain, each row one item (sheet_rows.c) under a bold, frozen header row with an
 * autofilter; texts wrap. Every cell is written as a string, so no text ever becomes a
 * formula and none needs altering (unlike the excel-fr CSV).
 *
 * libxlsxwriter 1.1.4 (Debian 12) writes only to a file name: the workbook is made in a
 * private directory (mkdtemp, mode 0700) under $TMPDIR or /tmp, where libxlsxwriter also
 * keeps its own temporary files, read back into the buffer and removed; export.c then
 * hands the buffer over like any other format (a file is replaced atomically).
 *
 * The creation date is fixed (libxlsxwriter dates the package's members from it), so
 * the same referential gives the same bytes. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "private.h"

/* 1980-01-01T00:00:00Z, the earliest date a ZIP member can carry. */
#define FIXED_CREATION_TIME ((time_t)315532800)
/* The first sheet. No domain's sheet can take its name: a valid id has no accent. */
#define FLAT_SHEET_NAME "référentiel"

typedef struct xlsx_writer {
	lxw_workbook *book;
	lxw_worksheet *sheet;
	lxw_format *header;
	lxw_format *cell;
	lxw_format *text;
	lxw_row_t row;
	lxw_error failed; /* the first libxlsxwriter error; later writes do nothing */
	const char *failed_item; /* the item whose text did not fit, for the message */
	char (*names)[LXW_MAX_SHEETNAME_LENGTH]; /* the sheets' names so far, for uniqueness */
	size_t name_count;
} xlsx_writer;

/* ---- Sheet names: at most 31 characters, none of []:*?/\, no apostrophe at either
 * end, unique regardless of case, not "History" (Excel keeps it). ---- */

static int name_taken(const xlsx_writer *w, const char *name)
{
	if (strcasecmp(name, "History") == 0)
		return 1;
	for (size_t i = 0; i < w->name_count; i++)
		if (strcasecmp(w->names[i], name) == 0)
			return 1;
	return 0;
}

/* Copy at most @max_chars UTF-8 characters of @id into @name, each forbidden character
 * (and control character) replaced with '_'. The loader and the builder accept only
 * ids of ASCII letters, digits, '_', '.' and '-', so today only the cut matters: the
 * replacement keeps the workbook valid should the id rules ever widen. */
static void sanitise(char name[LXW_MAX_SHEETNAME_LENGTH], const char *id, size_t max_chars)
{
	size_t used = 0, chars = 0;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		int lead = (*p & 0xC0) != 0x80;
		if (lead && chars++ == max_chars)
			break;
		if (used + 1 >= LXW_MAX_SHEETNAME_LENGTH)
			break;
		name[used++] = (*p < 0x20 || strchr("[]:*?/\\", *p)) ? '_' : (char)*p;
	}
	name[used] = '\0';
	if (name[0] == '\'')
		name[0] = '_';
	if (used > 0 && name[used - 1] == '\'')
		name[used - 1] = '_';
}

/* The sheet name of a domain: its id made valid, then "~2", "~3"... until unique. */
static const char *sheet_name(xlsx_writer *w, const char *id)
{
	char *name = w->names[w->name_count];
	if (!*id)
		id = "domaine";
	sanitise(name, id, LXW_SHEETNAME_MAX);
	for (unsigned n = 2; name_taken(w, name); n++) {
		char suffix[16];
		int length = snprintf(suffix, sizeof suffix, "~%u", n);
		sanitise(name, id, LXW_SHEETNAME_MAX - (size_t)length);
		strcat(name, suffix);
	}
	w->name_count++;
	return name;
}

/* ---- Writing ---- */

static void fail(xlsx_writer *w, lxw_error err)
{
	if (!w->failed)
		w->failed = err;
}

static int item_row(const char *const cells[CISPREF__SHEET_COLUMNS], void *data)
{
	xlsx_writer *w = data;
	w->row++;
	for (int c = 0; c < CISPREF__SHEET_COLUMNS && !w->failed; c++) {
		lxw_format *format = c == CISPREF__SHEET_TEXT ? w->text : w->cell;
		lxw_error err = worksheet_write_string(w->sheet, w->row, (lxw_col_t)c, cells[c],
		                                       format);
		if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
			w->failed_item = cells[CISPREF__SHEET_ID];
		fail(w, err);
	}
	return w->failed ? CISPREF_EIO : CISPREF_OK;
}

/* A sheet with its header row and layout, its rows from @domain (NULL: every domain). */
static void add_sheet(xlsx_writer *w, const char *name, const cispref_referential *ref,
                      const cispref_domain *domain, size_t rows)
{
	static const double widths[CISPREF__SHEET_COLUMNS] = {12, 14, 16, 26, 20, 80, 26};
	const char *const *headers = cispref__sheet_headers(1);
	w->sheet = workbook_add_worksheet(w->book, name);
	if (!w->sheet) {
		fail(w, LXW_ERROR_PARAMETER_VALIDATION);
		return;
	}
	for (int c = 0; c < CISPREF__SHEET_COLUMNS && !w->failed; c++) {
		fail(w, worksheet_set_column(w->sheet, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL));
		fail(w, worksheet_write_string(w->sheet, 0, (lxw_col_t)c, headers[c], w->header));
	}
	worksheet_freeze_panes(w->sheet, 1, 0); /* returns nothing */
	fail(w, worksheet_autofilter(w->sheet, 0, 0, (lxw_row_t)rows,
	                             CISPREF__SHEET_COLUMNS - 1));
	w->row = 0;
	/* item_row() keeps its failure in @w */
	if (!w->failed && domain)
		(void)cispref__sheet_domain_rows(domain, item_row, w);
	else if (!w->failed)
		(void)cispref__sheet_rows(ref, item_row, w);
}

static void add_formats(xlsx_writer *w)
{
	w->header = workbook_add_format(w->book);
	w->cell = workbook_add_format(w->book);
	w->text = workbook_add_format(w->book);
	if (!w->header || !w->cell || !w->text) {
		fail(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	format_set_bold(w->header);
	format_set_align(w->header, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(w->cell, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(w->text, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(w->text);
}

static void add_properties(xlsx_writer *w, const cispref_referential *ref)
{
	lxw_doc_properties properties = {0};
	properties.title = (char *)ref->title; /* copied by libxlsxwriter */
	properties.created = FIXED_CREATION_TIME;
	fail(w, workbook_set_properties(w->book, &properties));
}

/* The whole workbook into @file; a libxlsxwriter error code. */
static lxw_error build_workbook(xlsx_writer *w, const char *file, char *tmpdir,
                                const cispref_referential *ref, size_t total)
{
	lxw_workbook_options options = {.constant_memory = LXW_FALSE, .tmpdir = tmpdir,
	                                .use_zip64 = LXW_FALSE};
	w->book = workbook_new_opt(file, &options);
	if (!w->book)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	add_properties(w, ref);
	add_formats(w);
	strcpy(w->names[w->name_count++], FLAT_SHEET_NAME);
	add_sheet(w, FLAT_SHEET_NAME, ref, NULL, total);
	for (size_t d = 0; d < ref->domains.count && !w->failed; d++) {
		const cispref_domain *domain = ref->domains.items[d];
		add_sheet(w, sheet_name(w, domain->node.id ? domain->node.id : ""), ref, domain,
		          cispref__sheet_domain_row_count(domain));
	}
	lxw_error closed = workbook_close(w->book); /* frees the workbook in any case */
	return w->failed ? w->failed : closed;
}

/* ---- The temporary directory, and the bytes back into the buffer ---- */

static int io_error(cispref_error *error, int errnum, const char *what, const char *where)
{
	/* fopen() fails with ENOMEM when its own allocation does: that is out of memory, as
	 * every other allocation failure of the export says, not a file that cannot be read */
	if (errnum == ENOMEM) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	cispref__error_set(error, CISPREF_EIO, NULL, 0, 0, "cannot %s '%s' for the XLSX export: %s",
	                   what, where, strerror(errnum));
	cispref__error_set_errnum(error, errnum);
	return CISPREF_EIO;
}

static int read_back(xmlBufferPtr out, const char *file, cispref_error *error)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		return io_error(error, errno, "read", file);
	char chunk[65536];
	size_t n;
	int rc = CISPREF_OK;
	while (rc == CISPREF_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (xmlBufferAdd(out, (const xmlChar *)chunk, (int)n) != 0) {
			cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
			rc = CISPREF_ENOMEM;
		}
	if (rc == CISPREF_OK && ferror(f))
		rc = io_error(error, EIO, "read", file);
	fclose(f);
	return rc;
}

/* What a libxlsxwriter error means for the caller. */
static int workbook_error(const xlsx_writer *w, lxw_error err, const char *dir,
                          cispref_error *error)
{
	if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
		cispref__error_set(error, CISPREF_ELIMIT, NULL, 0, 0,
		                   "item '%s': its text is longer than the 32,767 characters a "
		                   "spreadsheet cell holds", w->failed_item ? w->failed_item : "");
		return CISPREF_ELIMIT;
	}
	if (err == LXW_ERROR_MEMORY_MALLOC_FAILED) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	cispref__error_set(error, CISPREF_EIO, NULL, 0, 0,
	                   "cannot write the XLSX workbook in '%s': %s", dir, lxw_strerror(err));
	return CISPREF_EIO;
}

static int check_rows(size_t total, cispref_error *error)
{
	if (total < LXW_ROW_MAX)
		return CISPREF_OK;
	cispref__error_set(error, CISPREF_ELIMIT, NULL, 0, 0,
	                   "%zu items do not fit in a worksheet of %d rows with its header",
	                   total, LXW_ROW_MAX);
	return CISPREF_ELIMIT;
}

/* A new private directory under $TMPDIR (else /tmp); 0 or an error code. */
static int make_tmpdir(char *dir, size_t size, cispref_error *error)
{
	const char *base = getenv("TMPDIR");
	if (!base || !*base)
		base = "/tmp";
	if ((size_t)snprintf(dir, size, "%s/cispref-xlsx-XXXXXX", base) >= size)
		return io_error(error, ENAMETOOLONG, "use the temporary directory", base);
	if (!mkdtemp(dir))
		return io_error(error, errno, "create a directory in", base);
	return CISPREF_OK;
}

int cispref__xlsx_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	size_t total = 0;
	for (size_t d = 0; d < ref->domains.count; d++)
		total += cispref__sheet_domain_row_count(ref->domains.items[d]);
	int rc = check_rows(total, error);
	if (rc)
		return rc;
	xlsx_writer w = {0};
	w.names = calloc(ref->domains.count + 1, sizeof *w.names);
	if (!w.names) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	char dir[PATH_MAX], file[PATH_MAX + 32];
	rc = make_tmpdir(dir, sizeof dir, error);
	if (rc == CISPREF_OK) {
		snprintf(file, sizeof file, "%s/referential.xlsx", dir);
		lxw_error err = build_workbook(&w, file, dir, ref, total);
		rc = err ? workbook_error(&w, err, dir, error) : read_back(out, file, error);
		(void)unlink(file);
		(void)rmdir(dir);
	}
	free(w.names);
	return rc;
}
