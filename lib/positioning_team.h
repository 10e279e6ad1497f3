/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A positioning document read against a referential: every rating resolved once (its
 * person, its target, its level), grouped by person, and each person's levels on every
 * competence and item computed by the rules of doc/positioning.md ("How levels are
 * read"). Coverage, gaps and needs are walks over this view. */
#ifndef CISPREF_POSITIONING_TEAM_H
#define CISPREF_POSITIONING_TEAM_H

#include <stdint.h>

#include "positioning_private.h"

/* A level as the view keeps it: 0 for none, else the level's rank + 1. */
typedef uint8_t team_level;

typedef struct team_rating {
	uint32_t target;      /* a competence (< competences) or competences + an item */
	team_level level;
	const cispref_rating *rating;
} team_rating;

typedef struct team {
	const cispref_positioning *pos;
	const cispref_referential *ref;
	size_t persons, competences, items, concepts;
	const cispref_competence **competence;  /* in document order */
	const cispref_item **item;              /* in document order, competence by competence */
	size_t *first_item;                     /* competence c: items [first_item[c], first_item[c+1]) */
	size_t *item_competence;
	size_t *item_concept;                   /* an index of concept[], or concepts for none */
	const cispref_concept **concept;
	unsigned char *proficient;              /* by team_level: whether it counts (0: no) */
	size_t *person_start;                   /* person p: ratings [person_start[p], [p+1]) */
	team_rating *ratings;                   /* resolved, grouped by person, document order */
} team;

/* One person's levels: filled by cispref__team_person(), reused from one to the next. */
typedef struct team_person {
	const team_rating **competence_rating;  /* the latest rating of each, or NULL */
	const team_rating **item_rating;
	team_level *competence_level;           /* its own rating, else its weakest rated item */
	unsigned char *competence_proficient;   /* its own rating's, else every rated item's */
	size_t *competence_proficient_items;    /* items rated proficient */
	team_level *item_level;                 /* its own rating, else its competence's */
} team_person;

/* Build the view (ratings of unknown persons, targets or levels are left out: the
 * validator reports them). CISPREF_OK or CISPREF_ENOMEM. */
int cispref__team_new(team *t, const cispref_positioning *pos, const cispref_referential *ref);
void cispref__team_free(team *t);
int cispref__team_person_new(team_person *tp, const team *t);
void cispref__team_person_free(team_person *tp);
/* Fill @tp with the levels of person @p. */
void cispref__team_person(team_person *tp, const team *t, size_t p);
/* The level of the document that @l names, or NULL for 0. */
const cispref_level *cispref__team_level(const team *t, team_level l);

#endif
