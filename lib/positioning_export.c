/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Coverage and needs as JSON (json.c's writer) or CSV (csv_write.c's dialects); the
 * shapes are in doc/positioning.md. With CISPREF_TEAM_ANONYMIZE a person is named by
 * their id only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positioning_private.h"
#include "json.h"

static const char *person_label(const cispref_person *p, unsigned flags)
{
	return (flags & CISPREF_TEAM_ANONYMIZE) || !p->name ? p->id : p->name;
}

static int bad(cispref_error *error)
{
	cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
	return CISPREF_EARG;
}

/* One export of a team document (@what: a coverage, needs or positioning): the checks,
 * then @write_json or @write_csv into a new buffer; NULL with *@rc set (and @error
 * filled) on failure. */
typedef void (*json_writer)(json *j, const void *what, unsigned flags);
typedef int (*csv_writer)(xmlBufferPtr out, const void *what, int excel_fr, unsigned flags);

static xmlBufferPtr team_serialise(const void *what, json_writer write_json,
                                   csv_writer write_csv, cispref_team_format_t format,
                                   unsigned flags, cispref_error *error, int *rc)
{
	if (!what || (unsigned)format > CISPREF_TEAM_FORMAT_CSV_EXCEL_FR ||
	    (flags & ~(unsigned)CISPREF_TEAM_ANONYMIZE)) {
		*rc = bad(error);
		return NULL;
	}
	xmlBufferPtr buf = cispref__buffer_new();
	if (buf && format == CISPREF_TEAM_FORMAT_JSON) {
		json j = {buf, 0, 0};
		write_json(&j, what, flags);
		*rc = j.failed ? CISPREF_ENOMEM : CISPREF_OK;
	} else if (buf) {
		*rc = write_csv(buf, what, format == CISPREF_TEAM_FORMAT_CSV_EXCEL_FR, flags);
	}
	if (!buf || *rc) {
		if (buf)
			xmlBufferFree(buf);
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		*rc = CISPREF_ENOMEM;
		return NULL;
	}
	return buf;
}

/* The export handed over in memory (@out, @size) or, when @path is not NULL, written to
 * @path as cispref_export_path() writes. */
static int team_export(char **out, size_t *size, const char *path, const void *what,
                       json_writer write_json, csv_writer write_csv,
                       cispref_team_format_t format, unsigned flags, cispref_error *error)
{
	if (path ? !*path : !out)
		return bad(error);
	int rc;
	xmlBufferPtr buf = team_serialise(what, write_json, write_csv, format, flags, error, &rc);
	if (!buf)
		return rc;
	return path ? cispref__output_path(buf, path, error)
	            : cispref__output_buffer(buf, out, size, error);
}

/* "a; b; c": the persons of a row of a CSV table, in a malloc'ed string. */
static char *join_persons(const cispref_person *(*get)(const void *, size_t, size_t),
                          const void *list, size_t index, size_t count, unsigned flags)
{
	size_t length = 1;
	for (size_t j = 0; j < count; j++)
		length += strlen(person_label(get(list, index, j), flags)) + 2;
	char *s = malloc(length), *at = s;
	for (size_t j = 0; s && j < count; j++)
		at += sprintf(at, "%s%s", j ? "; " : "", person_label(get(list, index, j), flags));
	if (s)
		*at = '\0';
	return s;
}

/* ---- coverage ------------------------------------------------------------------ */

static const cispref_person *coverage_person(const void *list, size_t index, size_t j)
{
	return cispref_coverage_person(list, index, j);
}

static void coverage_json(json *j, const void *what, unsigned flags)
{
	const cispref_coverage *cov = what;
	const cispref_positioning *pos = cispref__coverage_document(cov);
	cispref__json_open(j, "{");
	cispref__json_key(j, "format", 1);
	cispref__json_string(j, "cispref-coverage");
	cispref__json_key(j, "format_version", 0);
	cispref__json_raw(j, "1");
	cispref__json_key(j, "referential", 0);
	cispref__json_string(j, pos->referential_id);
	cispref__json_key(j, "persons", 0);
	cispref__json_open(j, "[");
	for (size_t p = 0; p < pos->persons.count; p++) {
		const cispref_person *person = pos->persons.items[p];
		cispref__json_element(j, p);
		cispref__json_open(j, "{");
		cispref__json_key(j, "id", 1);
		cispref__json_string(j, person->id);
		cispref__json_key(j, "name", 0);
		cispref__json_string(j, person_label(person, flags));
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", pos->persons.count == 0);
	cispref__json_key(j, "competences", 0);
	cispref__json_open(j, "[");
	for (size_t c = 0; c < cispref_coverage_count(cov); c++) {
		const cispref_competence *comp = cispref_coverage_competence(cov, c);
		size_t n = cispref_coverage_person_count(cov, c);
		cispref__json_element(j, c);
		cispref__json_open(j, "{");
		cispref__json_key(j, "id", 1);
		cispref__json_string(j, cispref_competence_id(comp));
		cispref__json_key(j, "title", 0);
		cispref__json_string(j, cispref_competence_title(comp));
		cispref__json_key(j, "proficient_count", 0);
		char number[32];
		snprintf(number, sizeof number, "%zu", n);
		cispref__json_raw(j, number);
		cispref__json_key(j, "proficient", 0);
		cispref__json_open(j, "[");
		for (size_t k = 0; k < n; k++) {
			cispref__json_element(j, k);
			cispref__json_string(j, cispref_coverage_person(cov, c, k)->id);
		}
		cispref__json_close(j, "]", n == 0);
		cispref__json_key(j, "levels", 0);
		cispref__json_open(j, "{");
		for (size_t p = 0; p < pos->persons.count; p++) {
			cispref__json_key(j, ((const cispref_person *)pos->persons.items[p])->id, p == 0);
			cispref__json_string(j, cispref_level_id(cispref_coverage_level(cov, c, p)));
		}
		cispref__json_close(j, "}", pos->persons.count == 0);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", cispref_coverage_count(cov) == 0);
	cispref__json_close(j, "}", 0);
	cispref__json_raw(j, "\n");
}

/* competence, title, proficient_count, proficient, then one column per person. */
static int coverage_csv(xmlBufferPtr out, const void *what, int excel_fr, unsigned flags)
{
	const cispref_coverage *cov = what;
	const cispref_positioning *pos = cispref__coverage_document(cov);
	size_t columns = 4 + pos->persons.count, rows = 1 + cispref_coverage_count(cov);
	const char **cells = calloc(columns * rows + 1, sizeof *cells);
	char **owned = calloc(2 * rows + 1, sizeof *owned); /* counts and joined names */
	int rc = cells && owned ? CISPREF_OK : CISPREF_ENOMEM;
	static const char *const headers[] = {"competence", "title", "proficient_count", "proficient"};
	for (size_t h = 0; !rc && h < 4; h++)
		cells[h] = headers[h];
	for (size_t p = 0; !rc && p < pos->persons.count; p++)
		cells[4 + p] = person_label(pos->persons.items[p], flags);
	for (size_t c = 0; !rc && c < rows - 1; c++) {
		const char **row = cells + (c + 1) * columns;
		size_t n = cispref_coverage_person_count(cov, c);
		row[0] = cispref_competence_id(cispref_coverage_competence(cov, c));
		row[1] = cispref_competence_title(cispref_coverage_competence(cov, c));
		if (!(owned[2 * c] = malloc(32)) ||
		    !(owned[2 * c + 1] = join_persons(coverage_person, cov, c, n, flags))) {
			rc = CISPREF_ENOMEM;
			break;
		}
		snprintf(owned[2 * c], 32, "%zu", n);
		row[2] = owned[2 * c];
		row[3] = owned[2 * c + 1];
		for (size_t p = 0; p < pos->persons.count; p++)
			row[4 + p] = cispref_level_id(cispref_coverage_level(cov, c, p));
	}
	if (!rc)
		rc = cispref__csv_table(out, excel_fr, columns, rows, cells);
	for (size_t i = 0; owned && i < 2 * rows; i++)
		free(owned[i]);
	free(owned);
	free(cells);
	return rc;
}

int cispref_coverage_export(char **out, size_t *size, const cispref_coverage *cov,
                            cispref_team_format_t format, unsigned flags, cispref_error *error)
{
	return team_export(out, size, NULL, cov, coverage_json, coverage_csv, format, flags, error);
}

int cispref_coverage_export_path(const char *path, const cispref_coverage *cov,
                                 cispref_team_format_t format, unsigned flags,
                                 cispref_error *error)
{
	if (!path)
		return bad(error);
	return team_export(NULL, NULL, path, cov, coverage_json, coverage_csv, format, flags,
	                   error);
}

/* ---- needs --------------------------------------------------------------------- */

static const cispref_person *needs_person(const void *list, size_t index, size_t j)
{
	return cispref_needs_person(list, index, j);
}

static void needs_json(json *j, const void *what, unsigned flags)
{
	const cispref_needs *needs = what;
	cispref__json_open(j, "{");
	cispref__json_key(j, "format", 1);
	cispref__json_string(j, "cispref-needs");
	cispref__json_key(j, "format_version", 0);
	cispref__json_raw(j, "1");
	cispref__json_key(j, "needs", 0);
	cispref__json_open(j, "[");
	char number[32];
	for (size_t i = 0; i < cispref_needs_count(needs); i++) {
		cispref__json_element(j, i);
		cispref__json_open(j, "{");
		cispref__json_key(j, "rank", 1);
		snprintf(number, sizeof number, "%zu", i + 1);
		cispref__json_raw(j, number);
		cispref__json_key(j, "id", 0);
		cispref__json_string(j, cispref_needs_id(needs, i));
		cispref__json_key(j, "kind", 0);
		cispref__json_string(j, cispref_needs_concept(needs, i) ? "concept" : "item");
		cispref__json_key(j, "label", 0);
		cispref__json_string(j, cispref_needs_label(needs, i));
		size_t np = cispref_needs_person_count(needs, i);
		cispref__json_key(j, "persons", 0);
		cispref__json_open(j, "[");
		for (size_t k = 0; k < np; k++) {
			cispref__json_element(j, k);
			cispref__json_string(j, person_label(cispref_needs_person(needs, i, k), flags));
		}
		cispref__json_close(j, "]", np == 0);
		size_t nc = cispref_needs_competence_count(needs, i);
		cispref__json_key(j, "competences", 0);
		cispref__json_open(j, "[");
		for (size_t k = 0; k < nc; k++) {
			cispref__json_element(j, k);
			cispref__json_string(j, cispref_competence_id(cispref_needs_competence(needs, i, k)));
		}
		cispref__json_close(j, "]", nc == 0);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", cispref_needs_count(needs) == 0);
	cispref__json_close(j, "}", 0);
	cispref__json_raw(j, "\n");
}

/* "psy.ind.1; ped.col.2": the competences of a need, in a malloc'ed string. */
static char *join_competences(const cispref_needs *needs, size_t i)
{
	size_t n = cispref_needs_competence_count(needs, i), length = 1;
	for (size_t k = 0; k < n; k++)
		length += strlen(cispref_competence_id(cispref_needs_competence(needs, i, k))) + 2;
	char *s = malloc(length), *at = s;
	for (size_t k = 0; s && k < n; k++)
		at += sprintf(at, "%s%s", k ? "; " : "",
		              cispref_competence_id(cispref_needs_competence(needs, i, k)));
	if (s)
		*at = '\0';
	return s;
}

enum { NEED_COLUMNS = 8, NEED_OWNED = 5 };

static int needs_csv(xmlBufferPtr out, const void *what, int excel_fr, unsigned flags)
{
	const cispref_needs *needs = what;
	static const char *const headers[NEED_COLUMNS] = {
		"rank", "id", "kind", "label", "person_count", "competence_count", "persons",
		"competences"};
	size_t rows = 1 + cispref_needs_count(needs);
	const char **cells = calloc(NEED_COLUMNS * rows + 1, sizeof *cells);
	char **owned = calloc(NEED_OWNED * rows + 1, sizeof *owned);
	int rc = cells && owned ? CISPREF_OK : CISPREF_ENOMEM;
	for (size_t h = 0; !rc && h < NEED_COLUMNS; h++)
		cells[h] = headers[h];
	for (size_t i = 0; !rc && i < rows - 1; i++) {
		const char **row = cells + (i + 1) * NEED_COLUMNS;
		char **mine = owned + NEED_OWNED * i;
		for (int k = 0; k < 3; k++)
			if (!(mine[k] = malloc(32)))
				rc = CISPREF_ENOMEM;
		mine[3] = join_persons(needs_person, needs, i, cispref_needs_person_count(needs, i), flags);
		mine[4] = join_competences(needs, i);
		if (rc || !mine[3] || !mine[4]) {
			rc = CISPREF_ENOMEM;
			break;
		}
		snprintf(mine[0], 32, "%zu", i + 1);
		snprintf(mine[1], 32, "%zu", cispref_needs_person_count(needs, i));
		snprintf(mine[2], 32, "%zu", cispref_needs_competence_count(needs, i));
		row[0] = mine[0];
		row[1] = cispref_needs_id(needs, i);
		row[2] = cispref_needs_concept(needs, i) ? "concept" : "item";
		row[3] = cispref_needs_label(needs, i);
		row[4] = mine[1];
		row[5] = mine[2];
		row[6] = mine[3];
		row[7] = mine[4];
	}
	if (!rc)
		rc = cispref__csv_table(out, excel_fr, NEED_COLUMNS, rows, cells);
	for (size_t i = 0; owned && i < NEED_OWNED * rows; i++)
		free(owned[i]);
	free(owned);
	free(cells);
	return rc;
}

int cispref_needs_export(char **out, size_t *size, const cispref_needs *needs,
                         cispref_team_format_t format, unsigned flags, cispref_error *error)
{
	return team_export(out, size, NULL, needs, needs_json, needs_csv, format, flags, error);
}

int cispref_needs_export_path(const char *path, const cispref_needs *needs,
                              cispref_team_format_t format, unsigned flags,
                              cispref_error *error)
{
	if (!path)
		return bad(error);
	return team_export(NULL, NULL, path, needs, needs_json, needs_csv, format, flags, error);
}

/* ---- ratings ------------------------------------------------------------------- */

enum { RATING_COLUMNS = 7 };

/* The cells of rating @r: person, name, target, level, date, source, comment. */
static void rating_cells(const cispref_positioning *pos, const cispref_rating *r,
                         unsigned flags, const char *cells[RATING_COLUMNS])
{
	const cispref_person *p = cispref_positioning_find_person(pos, r->person);
	cells[0] = r->person;
	cells[1] = p ? person_label(p, flags) : r->person;
	cells[2] = r->target;
	cells[3] = r->level;
	cells[4] = r->date;
	cells[5] = cispref_rating_source_name(r->source);
	cells[6] = flags & CISPREF_TEAM_ANONYMIZE ? NULL : r->comment;
}

static const char *const rating_headers[RATING_COLUMNS] = {
	"person", "name", "target", "level", "date", "source", "comment"};

static void ratings_json(json *j, const void *what, unsigned flags)
{
	const cispref_positioning *pos = what;
	cispref__json_open(j, "{");
	cispref__json_key(j, "format", 1);
	cispref__json_string(j, "cispref-ratings");
	cispref__json_key(j, "format_version", 0);
	cispref__json_raw(j, "1");
	cispref__json_key(j, "referential", 0);
	cispref__json_string(j, pos->referential_id);
	cispref__json_key(j, "edition", 0);
	cispref__json_string(j, pos->edition);
	cispref__json_key(j, "ratings", 0);
	cispref__json_open(j, "[");
	for (size_t i = 0; i < pos->ratings.count; i++) {
		const char *cells[RATING_COLUMNS];
		rating_cells(pos, pos->ratings.items[i], flags, cells);
		cispref__json_element(j, i);
		cispref__json_open(j, "{");
		for (int c = 0; c < RATING_COLUMNS; c++) {
			cispref__json_key(j, rating_headers[c], c == 0);
			cispref__json_string(j, cells[c]);
		}
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", pos->ratings.count == 0);
	cispref__json_close(j, "}", 0);
	cispref__json_raw(j, "\n");
}

static int ratings_csv(xmlBufferPtr out, const void *what, int excel_fr, unsigned flags)
{
	const cispref_positioning *pos = what;
	size_t rows = 1 + pos->ratings.count;
	const char **cells = calloc(RATING_COLUMNS * rows + 1, sizeof *cells);
	if (!cells)
		return CISPREF_ENOMEM;
	for (int c = 0; c < RATING_COLUMNS; c++)
		cells[c] = rating_headers[c];
	for (size_t i = 0; i < pos->ratings.count; i++)
		rating_cells(pos, pos->ratings.items[i], flags, cells + (i + 1) * RATING_COLUMNS);
	int rc = cispref__csv_table(out, excel_fr, RATING_COLUMNS, rows, cells);
	free(cells);
	return rc;
}

int cispref_positioning_export_ratings(char **out, size_t *size, const cispref_positioning *pos,
                                       cispref_team_format_t format, unsigned flags,
                                       cispref_error *error)
{
	return team_export(out, size, NULL, pos, ratings_json, ratings_csv, format, flags, error);
}

int cispref_positioning_export_ratings_path(const char *path, const cispref_positioning *pos,
                                            cispref_team_format_t format, unsigned flags,
                                            cispref_error *error)
{
	if (!path)
		return bad(error);
	return team_export(NULL, NULL, path, pos, ratings_json, ratings_csv, format, flags, error);
}
