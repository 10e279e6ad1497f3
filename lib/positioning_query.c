/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* One person's levels: on a target as rated, on a competence as derived, and the gaps
 * (doc/positioning.md, "How levels are read"). */
#include <string.h>

#include "positioning_team.h"

int cispref_positioning_rated_level(const cispref_level **out, const cispref_positioning *pos,
                                    const char *person, const char *target)
{
	if (!out || !pos || !person || !target)
		return CISPREF_EARG;
	/* One question, one pass over the ratings: no view to build. */
	const cispref_rating *latest = NULL;
	for (size_t r = 0; r < pos->ratings.count; r++) {
		const cispref_rating *rating = pos->ratings.items[r];
		if (strcmp(rating->person, person) == 0 && strcmp(rating->target, target) == 0 &&
		    cispref__strmap_find(&pos->level_index, rating->level) &&
		    (!latest || cispref__rating_is_later(rating, latest)))
			latest = rating;
	}
	if (!latest)
		return CISPREF_ENOTFOUND;
	*out = cispref__strmap_find(&pos->level_index, latest->level);
	return CISPREF_OK;
}

/* Build the view and one person's levels: CISPREF_ENOTFOUND for an unknown person. */
static int person_view(team *t, team_person *tp, size_t *index, const cispref_positioning *pos,
                       const cispref_referential *ref, const char *person)
{
	const cispref_person *p = cispref__strmap_find(&pos->person_index, person);
	if (!p)
		return CISPREF_ENOTFOUND;
	int rc = cispref__team_new(t, pos, ref);
	if (rc)
		return rc;
	if ((rc = cispref__team_person_new(tp, t)) != 0) {
		cispref__team_free(t);
		return rc;
	}
	cispref__team_person(tp, t, p->index);
	*index = p->index;
	return CISPREF_OK;
}

int cispref_positioning_competence_level(const cispref_level **out, double *share,
                                         const cispref_positioning *pos,
                                         const cispref_referential *ref, const char *person,
                                         const char *competence)
{
	if (!out || !pos || !ref || !person || !competence)
		return CISPREF_EARG;
	if (!cispref_referential_find_competence(ref, competence))
		return CISPREF_ENOTFOUND;
	team t;
	team_person tp;
	size_t p;
	int rc = person_view(&t, &tp, &p, pos, ref, person);
	if (rc)
		return rc;
	size_t c = 0;
	while (c < t.competences && strcmp(cispref_competence_id(t.competence[c]), competence) != 0)
		c++;
	size_t items = t.first_item[c + 1] - t.first_item[c];
	*out = cispref__team_level(&t, tp.competence_level[c]);
	if (share)
		*share = items ? (double)tp.competence_proficient_items[c] / (double)items : 0.0;
	cispref__team_person_free(&tp);
	cispref__team_free(&t);
	return CISPREF_OK;
}

int cispref_positioning_gaps(const cispref_item **out, size_t max, size_t *count,
                             const cispref_positioning *pos, const cispref_referential *ref,
                             const char *person)
{
	if ((!out && max) || !count || !pos || !ref || !person)
		return CISPREF_EARG;
	team t;
	team_person tp;
	size_t p;
	int rc = person_view(&t, &tp, &p, pos, ref, person);
	if (rc)
		return rc;
	size_t n = 0;
	for (size_t i = 0; i < t.items; i++)
		if (tp.item_level[i] && !t.proficient[tp.item_level[i]]) {
			if (n < max)
				out[n] = t.item[i];
			n++;
		}
	*count = n;
	cispref__team_person_free(&tp);
	cispref__team_free(&t);
	return CISPREF_OK;
}
