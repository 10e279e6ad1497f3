/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The positioning grid and the coverage matrix, built as a table document (team_doc.h)
 * and handed to the HTML or ODT writer. Labels are French, as the cahier's. */
#include <stdio.h>
#include <string.h>

#include "positioning_team.h"
#include "team_doc.h"

static const char *person_label(const cispref_person *p, unsigned flags)
{
	return (flags & CISPREF_TEAM_ANONYMIZE) || !p->name ? p->id : p->name;
}

static team_table *add_table(team_doc *doc, const char *heading, const char *anchor,
                             size_t columns, size_t rows)
{
	team_table *t = cispref__arena_alloc(doc->arena, sizeof *t);
	if (!t || !(t->cells = cispref__arena_alloc(doc->arena, columns * rows * sizeof *t->cells)) ||
	    !(t->marks = cispref__arena_alloc(doc->arena, rows)) ||
	    cispref__vec_push(doc->arena, &doc->tables, t) != 0)
		return NULL;
	t->heading = heading;
	t->anchor = anchor;
	t->columns = columns;
	t->rows = rows;
	for (size_t i = 0; i < columns * rows; i++)
		t->cells[i] = "";
	return t;
}

/* "psy.ind.1 — Réaliser les bilans..." */
static const char *competence_heading(team_doc *doc, const cispref_competence *c)
{
	size_t n = strlen(cispref_competence_id(c)) + strlen(cispref_competence_title(c)) + 8;
	char *s = cispref__arena_alloc(doc->arena, n);
	if (s)
		snprintf(s, n, "%s \xE2\x80\x94 %s", cispref_competence_id(c), cispref_competence_title(c));
	return s;
}

/* One table per competence: the item (its kind, its text), then a box per level, ticked
 * at @levels[item] (a team_level) when @levels is given. */
static int grid_tables(team_doc *doc, const team *t, const cispref_positioning *scale,
                       const team_level *levels)
{
	size_t nl = scale->levels.count;
	for (size_t c = 0; c < t->competences; c++) {
		const cispref_competence *comp = t->competence[c];
		size_t items = t->first_item[c + 1] - t->first_item[c];
		const char *heading = competence_heading(doc, comp);
		team_table *table = heading ? add_table(doc, heading, cispref_competence_id(comp),
		                                        1 + nl, 1 + items)
		                            : NULL;
		if (!table)
			return CISPREF_ENOMEM;
		table->checkboxes = 1;
		table->cells[0] = "Élément";
		/* copied: a blank grid's scale is freed before the document is written */
		for (size_t l = 0; l < nl; l++)
			if (!(table->cells[1 + l] = cispref__arena_strdup(
			              doc->arena, ((const cispref_level *)scale->levels.items[l])->label)))
				return CISPREF_ENOMEM;
		for (size_t k = 0; k < items; k++) {
			size_t i = t->first_item[c] + k;
			const char **row = table->cells + (1 + k) * table->columns;
			row[0] = cispref_item_text(t->item[i]);
			for (size_t l = 0; l < nl; l++)
				row[1 + l] = levels && levels[i] == l + 1 ? TEAM_BOX_CHECKED : TEAM_BOX_EMPTY;
		}
	}
	return CISPREF_OK;
}

/* The latest date among the ratings of person @p, for the grid's date field; NULL when
 * none is dated. */
static const char *latest_date(const team *t, size_t p)
{
	const char *latest = NULL;
	for (size_t r = t->person_start[p]; r < t->person_start[p + 1]; r++) {
		const char *date = t->ratings[r].rating->date;
		if (date && (!latest || strcmp(date, latest) > 0))
			latest = date;
	}
	return latest;
}

static int build_grid(team_doc *doc, const cispref_positioning *pos,
                      const cispref_referential *ref, const char *person, unsigned flags)
{
	cispref_positioning *blank = NULL;
	const cispref_positioning *scale = pos;
	if (!pos) { /* a blank grid on the default scale */
		if (cispref_positioning_new(&blank, cispref_referential_id(ref), NULL) != 0 ||
		    cispref_positioning_use_default_scale(blank) != 0) {
			cispref_positioning_free(blank);
			return CISPREF_ENOMEM;
		}
		scale = blank;
	}
	team t;
	team_person tp = {0};
	int rc = cispref__team_new(&t, scale, ref);
	const cispref_person *p = person ? cispref__strmap_find(&scale->person_index, person) : NULL;
	if (!rc && p && !(rc = cispref__team_person_new(&tp, &t)))
		cispref__team_person(&tp, &t, p->index);
	doc->title = "Grille de positionnement";
	doc->fields = 1;
	doc->name = p ? person_label(p, flags) : NULL;
	/* the date lives in the document, which outlives the drawing; the view does not */
	doc->date = p && !rc ? latest_date(&t, p->index) : NULL;
	doc->legend = "Pour chaque élément, cochez le niveau où vous vous situez aujourd'hui. "
	              "Ce positionnement sert à votre formation et à l'organisation de "
	              "l'équipe ; il n'est pas une évaluation.";
	if (!rc)
		rc = grid_tables(doc, &t, scale, p ? tp.item_level : NULL);
	cispref__team_person_free(&tp);
	cispref__team_free(&t); /* zeroed by a failed cispref__team_new(): nothing to free */
	cispref_positioning_free(blank);
	return rc;
}

static int build_matrix(team_doc *doc, const cispref_positioning *pos,
                        const cispref_referential *ref, unsigned flags)
{
	cispref_coverage *cov = NULL;
	int rc = cispref_coverage_new(&cov, pos, ref);
	if (rc)
		return rc;
	size_t persons = pos->persons.count, n = cispref_coverage_count(cov);
	doc->title = "Couverture des compétences par l'équipe";
	doc->legend = "Niveau de chaque personne sur chaque compétence ; « maîtrisée par » compte "
	              "les niveaux qui valent maîtrise. Les compétences que personne ne couvre "
	              "sont marquées.";
	team_table *table = add_table(doc, "Matrice de couverture", "coverage", 2 + persons, 1 + n);
	if (!table) {
		cispref_coverage_free(cov);
		return CISPREF_ENOMEM;
	}
	table->cells[0] = "Compétence";
	for (size_t p = 0; p < persons; p++)
		table->cells[1 + p] = person_label(pos->persons.items[p], flags);
	table->cells[1 + persons] = "Maîtrisée par";
	for (size_t c = 0; c < n && !rc; c++) {
		const char **row = table->cells + (1 + c) * table->columns;
		row[0] = competence_heading(doc, cispref_coverage_competence(cov, c));
		for (size_t p = 0; p < persons; p++) {
			const cispref_level *l = cispref_coverage_level(cov, c, p);
			row[1 + p] = l ? l->label : "";
		}
		size_t count = cispref_coverage_person_count(cov, c);
		char *number = cispref__arena_alloc(doc->arena, 32);
		if (!row[0] || !number) {
			rc = CISPREF_ENOMEM;
			break;
		}
		snprintf(number, 32, count ? "%zu" : "%zu (non couverte)", count);
		row[1 + persons] = number;
		table->marks[1 + c] = count ? TEAM_ROW_PLAIN : TEAM_ROW_UNCOVERED;
	}
	cispref_coverage_free(cov);
	return rc;
}

static int bad(cispref_error *error, int code, const char *what)
{
	cispref__error_set(error, code, NULL, 0, 0, "%s", what);
	return code;
}

/* The drawing in a new buffer (@*buf), which the caller hands over. */
static int render(xmlBufferPtr *result, cispref_team_render_t what,
                  cispref_render_format_t format, const cispref_positioning *pos,
                  const cispref_referential *ref, const char *person, unsigned flags,
                  cispref_error *error)
{
	if (!ref || (format != CISPREF_RENDER_HTML && format != CISPREF_RENDER_ODT) ||
	    (what != CISPREF_TEAM_RENDER_GRID && what != CISPREF_TEAM_RENDER_COVERAGE) ||
	    (what == CISPREF_TEAM_RENDER_COVERAGE && !pos) || (person && !pos) ||
	    (flags & ~(unsigned)CISPREF_TEAM_ANONYMIZE))
		return bad(error, CISPREF_EARG, "invalid argument");
	if (person && what == CISPREF_TEAM_RENDER_GRID &&
	    !cispref__strmap_find(&pos->person_index, person))
		return bad(error, CISPREF_ENOTFOUND, "no such person in the positioning document");
	team_doc doc = {0};
	if (!(doc.arena = cispref__arena_new()))
		return bad(error, CISPREF_ENOMEM, "out of memory");
	doc.subtitle = cispref_referential_title(ref);
	int rc = what == CISPREF_TEAM_RENDER_GRID ? build_grid(&doc, pos, ref, person, flags)
	                                          : build_matrix(&doc, pos, ref, flags);
	xmlBufferPtr buf = rc ? NULL : cispref__buffer_new();
	if (!rc && !buf)
		rc = CISPREF_ENOMEM;
	if (!rc) {
		xml_catch c;
		cispref__xml_catch_begin(&c);
		rc = format == CISPREF_RENDER_HTML ? cispref__team_html(buf, &doc)
		                                   : cispref__team_odt(buf, &doc, error);
		rc = cispref__xml_catch_end(&c, rc, error);
	}
	cispref__arena_free(doc.arena);
	if (rc) {
		if (buf)
			xmlBufferFree(buf);
		return rc == CISPREF_ENOMEM ? bad(error, rc, "out of memory") : rc;
	}
	*result = buf;
	return CISPREF_OK;
}

int cispref_team_render(char **out, size_t *size, cispref_team_render_t what,
                        cispref_render_format_t format, const cispref_positioning *pos,
                        const cispref_referential *ref, const char *person, unsigned flags,
                        cispref_error *error)
{
	/* an ODT package holds NUL bytes: its length is needed */
	if (!out || (format == CISPREF_RENDER_ODT && !size))
		return bad(error, CISPREF_EARG, "invalid argument");
	xmlBufferPtr buf;
	int rc = render(&buf, what, format, pos, ref, person, flags, error);
	return rc ? rc : cispref__output_buffer(buf, out, size, error);
}

int cispref_team_render_path(const char *path, cispref_team_render_t what,
                             cispref_render_format_t format, const cispref_positioning *pos,
                             const cispref_referential *ref, const char *person,
                             unsigned flags, cispref_error *error)
{
	if (!path)
		return bad(error, CISPREF_EARG, "invalid argument");
	xmlBufferPtr buf;
	int rc = render(&buf, what, format, pos, ref, person, flags, error);
	return rc ? rc : cispref__output_path(buf, path, error);
}
