/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The team's coverage of each competence: the matrix of levels (competences x persons)
 * and, per competence, the persons proficient on it. */
#include <stdlib.h>

#include "positioning_team.h"

/* In a matrix cell, the level and this bit when it is proficient. */
#define CELL_PROFICIENT 0x80u

struct cispref_coverage {
	const cispref_positioning *pos;
	size_t competences, persons;
	const cispref_competence **competence;
	unsigned char *cell;          /* competence c, person p: cell[c * persons + p] */
	size_t *start;                /* competence c: list[start[c] .. start[c + 1]) */
	const cispref_person **list;
	size_t uncovered;
};

static int fill_matrix(cispref_coverage *cov, const team *t)
{
	team_person tp;
	int rc = cispref__team_person_new(&tp, t);
	if (rc)
		return rc;
	for (size_t p = 0; p < t->persons; p++) {
		cispref__team_person(&tp, t, p);
		for (size_t c = 0; c < t->competences; c++) {
			unsigned char cell = tp.competence_level[c];
			if (tp.competence_proficient[c]) {
				cell |= CELL_PROFICIENT;
				cov->start[c + 1]++;
			}
			cov->cell[c * t->persons + p] = cell;
		}
	}
	cispref__team_person_free(&tp);
	return CISPREF_OK;
}

static void fill_lists(cispref_coverage *cov)
{
	for (size_t c = 0; c < cov->competences; c++) {
		cov->uncovered += cov->start[c + 1] == 0;
		cov->start[c + 1] += cov->start[c];
	}
	for (size_t c = 0; c < cov->competences; c++) {
		size_t at = cov->start[c];
		for (size_t p = 0; p < cov->persons; p++)
			if (cov->cell[c * cov->persons + p] & CELL_PROFICIENT)
				cov->list[at++] = cov->pos->persons.items[p];
	}
}

int cispref_coverage_new(cispref_coverage **out, const cispref_positioning *pos,
                         const cispref_referential *ref)
{
	if (!out || !pos || !ref)
		return CISPREF_EARG;
	team t;
	int rc = cispref__team_new(&t, pos, ref);
	if (rc)
		return rc;
	if (t.persons && t.competences > ((size_t)-1 - 1) / t.persons) {
		cispref__team_free(&t);
		return CISPREF_ENOMEM;
	}
	cispref_coverage *cov = calloc(1, sizeof *cov);
	if (cov) {
		cov->pos = pos;
		cov->competences = t.competences;
		cov->persons = t.persons;
		cov->competence = t.competence; /* taken over from the view */
		t.competence = NULL;
		cov->cell = calloc(t.competences * t.persons + 1, 1);
		cov->start = calloc(t.competences + 1, sizeof *cov->start);
	}
	rc = !cov || !cov->cell || !cov->start ? CISPREF_ENOMEM : fill_matrix(cov, &t);
	if (!rc) {
		size_t total = 0;
		for (size_t c = 0; c < t.competences; c++)
			total += cov->start[c + 1];
		cov->list = calloc(total + 1, sizeof *cov->list);
		rc = cov->list ? CISPREF_OK : CISPREF_ENOMEM;
	}
	cispref__team_free(&t);
	if (rc) {
		cispref_coverage_free(cov);
		return rc;
	}
	fill_lists(cov);
	*out = cov;
	return CISPREF_OK;
}

const cispref_positioning *cispref__coverage_document(const cispref_coverage *cov)
{
	return cov->pos;
}

size_t cispref_coverage_count(const cispref_coverage *cov)
{
	return cov ? cov->competences : 0;
}

const cispref_competence *cispref_coverage_competence(const cispref_coverage *cov, size_t index)
{
	return cov && index < cov->competences ? cov->competence[index] : NULL;
}

size_t cispref_coverage_person_count(const cispref_coverage *cov, size_t index)
{
	return cov && index < cov->competences ? cov->start[index + 1] - cov->start[index] : 0;
}

const cispref_person *cispref_coverage_person(const cispref_coverage *cov, size_t index,
                                              size_t person)
{
	if (person >= cispref_coverage_person_count(cov, index))
		return NULL;
	return cov->list[cov->start[index] + person];
}

const cispref_level *cispref_coverage_level(const cispref_coverage *cov, size_t index,
                                            size_t person_index)
{
	if (!cov || index >= cov->competences || person_index >= cov->persons)
		return NULL;
	unsigned level = cov->cell[index * cov->persons + person_index] & ~CELL_PROFICIENT;
	return level ? cov->pos->levels.items[level - 1] : NULL;
}

size_t cispref_coverage_uncovered_count(const cispref_coverage *cov)
{
	return cov ? cov->uncovered : 0;
}

void cispref_coverage_free(cispref_coverage *cov)
{
	if (!cov)
		return;
	free(cov->competence);
	free(cov->cell);
	free(cov->start);
	free(cov->list);
	free(cov);
}
