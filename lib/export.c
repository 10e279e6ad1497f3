/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The public entry of export, and the one table of export formats: each row names a
 * format and the writer (one file each: xml_write.c, json_write.c, csv_write.c,
 * xlsx_write.c, moodle_write.c, skos_write.c, esco_write.c) that serialises into a
 * libxml2 buffer, which then goes to the caller's buffer, stream or file (output.c).
 * Adding a format is one writer file and one row here. */
#include <stdlib.h>
#include <string.h>

#include "case_private.h"

typedef int (*export_writer)(xmlBufferPtr out, const cispref_referential *ref,
                             cispref_error *error);

typedef struct export_format_row {
	const char *name;
	const char *extension;
	const char *media_type;
	const char *description;
	export_writer write;
} export_format_row;

static int write_xml(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error);

/* Indexed by cispref_format_t. Media types: application/xml (RFC 7303), application/json
 * (RFC 8259), text/csv (RFC 4180), XLSX (ECMA-376), text/turtle (RDF 1.1 Turtle). Every
 * CSV format ends in .csv: a file name picks the first, RFC 4180. */
static const export_format_row formats[] = {
	[CISPREF_FORMAT_XML] = {"xml", ".xml", "application/xml",
	                        "cispref XML, canonical form", write_xml},
	[CISPREF_FORMAT_JSON] = {"json", ".json", "application/json",
	                         "cispref-json, format_version 1", cispref__json_write},
	[CISPREF_FORMAT_CSV] = {"csv", ".csv", "text/csv",
	                        "one row per item, RFC 4180 (UTF-8, commas)", cispref__csv_write},
	[CISPREF_FORMAT_CSV_EXCEL_FR] = {"csv-excel-fr", ".csv", "text/csv",
	                                 "one row per item, for a French Excel (BOM, semicolons)",
	                                 cispref__csv_excel_fr_write},
	[CISPREF_FORMAT_XLSX] = {"xlsx", ".xlsx",
	                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	                         "workbook: every item, then a sheet per domain",
	                         cispref__xlsx_write},
	[CISPREF_FORMAT_MOODLE] = {"moodle", ".csv", "text/csv",
	                           "Moodle competency framework CSV", cispref__moodle_write},
	[CISPREF_FORMAT_CASE] = {"case", ".json", "application/json",
	                         "1EdTech CASE 1.1 package (CFPackage JSON)", cispref__case_write},
	[CISPREF_FORMAT_SKOS] = {"skos", ".ttl", "text/turtle",
	                         "SKOS concept scheme in Turtle", cispref__skos_write},
	[CISPREF_FORMAT_ESCO_CSV] = {"esco-csv", ".csv", "text/csv",
	                             "ESCO-style skills CSV, one row per item",
	                             cispref__esco_write},
	[CISPREF_FORMAT_PO] = {"po", ".pot", "text/x-gettext-translation-template",
	                       "gettext template of the texts, for translators", cispref__po_write},
};
#define FORMAT_COUNT (sizeof formats / sizeof formats[0])
/* A format added to the enum without its row (or a row too many) does not compile; the
 * header's count follows the enum's last value. */
_Static_assert(FORMAT_COUNT == CISPREF_FORMAT_COUNT, "one row of formats[] per format");

static const export_format_row *row(cispref_format_t format)
{
	return (unsigned)format < FORMAT_COUNT ? &formats[format] : NULL;
}

size_t cispref_format_count(void)
{
	return FORMAT_COUNT;
}

const char *cispref_format_name(cispref_format_t format)
{
	return row(format) ? row(format)->name : NULL;
}

const char *cispref_format_extension(cispref_format_t format)
{
	return row(format) ? row(format)->extension : NULL;
}

const char *cispref_format_media_type(cispref_format_t format)
{
	return row(format) ? row(format)->media_type : NULL;
}

const char *cispref_format_description(cispref_format_t format)
{
	return row(format) ? row(format)->description : NULL;
}

int cispref_format_from_name(cispref_format_t *out, const char *name)
{
	for (size_t f = 0; name && out && f < FORMAT_COUNT; f++)
		if (strcmp(formats[f].name, name) == 0) {
			*out = (cispref_format_t)f;
			return CISPREF_OK;
		}
	return CISPREF_EARG;
}

int cispref__extension_equal(const char *a, const char *b)
{
	/* libxml2's comparison folds ASCII letters only, whatever the locale: strcasecmp()
	 * would follow LC_CTYPE, where a Turkish 'I' is no 'i' */
	return xmlStrcasecmp((const xmlChar *)a, (const xmlChar *)b) == 0;
}

int cispref_format_from_path(cispref_format_t *out, const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	/* the template is a catalogue too (its translations empty): export.h */
	if (dot && out && cispref__extension_equal(dot, ".po")) {
		*out = CISPREF_FORMAT_PO;
		return CISPREF_OK;
	}
	for (size_t f = 0; dot && out && f < FORMAT_COUNT; f++)
		if (cispref__extension_equal(formats[f].extension, dot)) {
			*out = (cispref_format_t)f;
			return CISPREF_OK;
		}
	return CISPREF_EARG;
}

/* What cispref writes as XML, a load with the default options reads back. The canonical
 * form can be up to four times the size of a compact input (escaped '>', indentation):
 * no input limit could hold the export of every input it admits, so the writer keeps to
 * the reader's default limit instead (the other limits hold for the export of anything
 * loaded: doc/format.md). */
static int readable_by_default(size_t size, cispref_error *error)
{
	if (size <= CISPREF_DEFAULT_MAX_INPUT_SIZE)
		return CISPREF_OK;
	cispref__error_set(error, CISPREF_ELIMIT, NULL, 0, 0,
	                   "the XML export is %zu bytes, more than the %zu bytes a load with the "
	                   "default limits reads (CISPREF_DEFAULT_MAX_INPUT_SIZE)",
	                   size, CISPREF_DEFAULT_MAX_INPUT_SIZE);
	return CISPREF_ELIMIT;
}

/* The canonical XML, as long as a load with the default limits reads it back. */
static int write_xml(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	int rc = cispref__xml_write(out, ref, error);
	return rc ? rc : readable_by_default((size_t)xmlBufferLength(out), error);
}

/* The writer of the format row @context. */
static int write_row(xmlBufferPtr out, const cispref_referential *ref, const void *context,
                     cispref_error *error)
{
	return ((const export_format_row *)context)->write(out, ref, error);
}

/* Serialise into a new libxml2 buffer, or return NULL with @error filled. */
static xmlBufferPtr serialise(const cispref_referential *ref, cispref_format_t format,
                              cispref_error *error, int *rc)
{
	if (!ref || !row(format)) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		*rc = CISPREF_EARG;
		return NULL;
	}
	return cispref__serialise(ref, write_row, row(format), error, rc);
}

int cispref_export_buffer(char **out, size_t *size, const cispref_referential *ref,
                          cispref_format_t format, cispref_error *error)
{
	if (!out) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, format, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_buffer(buf, out, size, error);
}

int cispref_export_stream(FILE *stream, const cispref_referential *ref, cispref_format_t format,
                          cispref_error *error)
{
	if (!stream) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, format, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_stream(buf, stream, error);
}

int cispref_export_path(const char *path, const cispref_referential *ref,
                        cispref_format_t format, cispref_error *error)
{
	if (!path || !*path) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument: no path");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, format, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_path(buf, path, error);
}
