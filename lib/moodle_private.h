/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What the Moodle CSV files share (moodle.c, moodle_csv.c, moodle_read.c,
 * moodle_write.c): the columns, the ID-number convention of doc/interchange.md, the
 * table of rows a CSV file is read into. */
#ifndef CISPREF_MOODLE_PRIVATE_H
#define CISPREF_MOODLE_PRIVATE_H

#include "private.h"

/* tool_lpimportcsv's columns, by position. */
enum {
	COL_PARENT, COL_IDNUMBER, COL_SHORTNAME, COL_DESCRIPTION, COL_FORMAT, COL_SCALE_VALUES,
	COL_SCALE_CONFIG, COL_RULE_TYPE, COL_RULE_OUTCOME, COL_RULE_CONFIG, COL_RELATED,
	COL_EXPORT_ID, COL_IS_FRAMEWORK, COL_TAXONOMY, MOODLE_COLUMNS
};

/* Moodle's description formats (FORMAT_HTML, FORMAT_PLAIN). */
#define MOODLE_FORMAT_HTML "1"
#define MOODLE_FORMAT_PLAIN "2"
/* The ID numbers of the two branches that carry the concepts and the notes. */
#define MOODLE_CONCEPTS_BRANCH "cispref:concepts"
#define MOODLE_NOTES_BRANCH "cispref:notes"
/* The framework description's line that carries the language. */
#define MOODLE_LANGUAGE_FIELD "language"
/* The referential's identity (namespace UUID, base URI) in the same description lines. */
#define MOODLE_UUID_FIELD "uuid"
#define MOODLE_BASE_URI_FIELD "base-uri"

/* One row of the CSV: its first line and its 14 cells (NUL-terminated, in an arena). */
typedef struct moodle_row {
	unsigned long line;
	char *cells[MOODLE_COLUMNS];
} moodle_row;

typedef struct moodle_table {
	arena *arena;
	vec rows;         /* moodle_row *, the header left out */
	size_t width;     /* cells in the header row */
	char delimiter;
} moodle_table;

/* moodle.c (the leaf the others call) */
/* Number of characters (UTF-8 code points) of @s. */
size_t cispref__moodle_length(const char *s);
/* Check the export options; *@scale_config receives the JSON of the scale configuration
 * (free() it). */
int cispref__moodle_check_export_options(char **scale_config,
                                         const cispref_moodle_options *options,
                                         cispref_error *error);
/* The options, or the defaults for NULL; CISPREF_EARG for an unknown version. */
int cispref__moodle_options(cispref_moodle_options *out, const cispref_moodle_options *in,
                            cispref_error *error);

/* moodle_csv.c: decode, parse and check @data into @table (whose arena the caller made).
 * Fails on anything that is not a table of at least 14 columns of valid UTF-8. */
int cispref__moodle_csv_read(moodle_table *table, const char *data, size_t size,
                             const char *name, const cispref_moodle_options *options,
                             cispref_error *error);

/* moodle_write.c */
int cispref__moodle_write_options(xmlBufferPtr out, const cispref_referential *ref,
                                  const cispref_moodle_options *options,
                                  cispref_error *error);

#endif
