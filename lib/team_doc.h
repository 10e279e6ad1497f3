/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What a positioning grid and a coverage matrix are once built (positioning_render.c): a
 * title, the fields to fill in, and tables with a heading each. One writer per format
 * walks it (team_html.c, team_odt.c), as the cahier's renderers walk the model. */
#ifndef CISPREF_TEAM_DOC_H
#define CISPREF_TEAM_DOC_H

#include "private.h"

/* Marks of a table row. */
enum { TEAM_ROW_PLAIN = 0, TEAM_ROW_UNCOVERED = 1 };

typedef struct team_table {
	const char *heading;
	const char *anchor;  /* an id for links and bookmarks */
	size_t columns;
	size_t rows;         /* the header row included */
	const char **cells;  /* rows x columns, row-major; never NULL ("" for empty) */
	unsigned char *marks; /* per row */
	int checkboxes;      /* columns after the first are boxes to tick (grids) */
} team_table;

typedef struct team_doc {
	arena *arena;        /* every string and array below */
	const char *title;
	const char *subtitle;
	const char *name;    /* the person's name for the field, NULL: a blank line */
	const char *date;    /* the date for the field, NULL: a blank line */
	int fields;          /* a grid: print the name and date fields */
	const char *legend;  /* a line under the title, or NULL */
	vec tables;          /* team_table * */
} team_doc;

#define TEAM_BOX_EMPTY "\xE2\x98\x90"   /* U+2610 BALLOT BOX */
#define TEAM_BOX_CHECKED "\xE2\x98\x92" /* U+2612 BALLOT BOX WITH X */

int cispref__team_html(xmlBufferPtr out, const team_doc *doc);
int cispref__team_odt(xmlBufferPtr out, const team_doc *doc, cispref_error *error);

#endif
