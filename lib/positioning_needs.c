/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Training needs: the team's gaps grouped by the concept their items share (an item
 * without a concept alone), each with the persons who have such a gap and the
 * competences concerned, ranked as doc/positioning.md says. */
#include <stdlib.h>
#include <string.h>

#include "positioning_team.h"

typedef struct need {
	const char *id;
	const char *label;
	const cispref_concept *concept;
	size_t *persons;     /* indexes into the document's persons, ascending */
	size_t person_count, person_cap;
	size_t *competences; /* indexes into the view's competences; sorted, unique at the end */
	size_t competence_count, competence_cap;
	const cispref_competence **competence; /* resolved, for the caller */
} need;

struct cispref_needs {
	const cispref_positioning *pos;
	need **list;         /* the needs, ranked */
	size_t count;
	need *storage;       /* one group per concept, then one per item */
	size_t groups;
};

static int push(size_t **array, size_t *count, size_t *cap, size_t value)
{
	if (*count == *cap) {
		size_t grown = *cap ? *cap * 2 : 4;
		size_t *bigger = realloc(*array, grown * sizeof *bigger);
		if (!bigger)
			return CISPREF_ENOMEM;
		*array = bigger;
		*cap = grown;
	}
	(*array)[(*count)++] = value;
	return CISPREF_OK;
}

static int compare_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Most persons first, then most competences, then the id in byte order. */
static int compare_needs(const void *a, const void *b)
{
	const need *x = *(need *const *)a, *y = *(need *const *)b;
	if (x->person_count != y->person_count)
		return x->person_count > y->person_count ? -1 : 1;
	if (x->competence_count != y->competence_count)
		return x->competence_count > y->competence_count ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Add person @p's gaps to the groups. */
static int add_gaps(need *groups, const team *t, const team_person *tp, size_t p)
{
	for (size_t i = 0; i < t->items; i++) {
		team_level l = tp->item_level[i];
		if (!l || t->proficient[l])
			continue;
		size_t k = t->item_concept[i];
		need *g = &groups[k < t->concepts ? k : t->concepts + i];
		if ((g->person_count == 0 || g->persons[g->person_count - 1] != p) &&
		    push(&g->persons, &g->person_count, &g->person_cap, p) != 0)
			return CISPREF_ENOMEM;
		size_t c = t->item_competence[i];
		if ((g->competence_count == 0 || g->competences[g->competence_count - 1] != c) &&
		    push(&g->competences, &g->competence_count, &g->competence_cap, c) != 0)
			return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}

static int collect(cispref_needs *needs, need *groups, size_t n, const team *t)
{
	needs->list = calloc(n + 1, sizeof *needs->list);
	if (!needs->list)
		return CISPREF_ENOMEM;
	for (size_t g = 0; g < n; g++) {
		need *nd = &groups[g];
		if (!nd->person_count)
			continue;
		qsort(nd->competences, nd->competence_count, sizeof *nd->competences, compare_size);
		size_t u = 0;
		for (size_t c = 0; c < nd->competence_count; c++)
			if (!u || nd->competences[u - 1] != nd->competences[c])
				nd->competences[u++] = nd->competences[c];
		nd->competence_count = u;
		nd->competence = malloc((u + 1) * sizeof *nd->competence);
		if (!nd->competence)
			return CISPREF_ENOMEM;
		for (size_t c = 0; c < u; c++)
			nd->competence[c] = t->competence[nd->competences[c]];
		if (g < t->concepts) {
			nd->concept = t->concept[g];
			nd->id = cispref_concept_id(nd->concept);
			nd->label = cispref_concept_label(nd->concept);
		} else {
			nd->id = cispref_item_id(t->item[g - t->concepts]);
			nd->label = cispref_item_text(t->item[g - t->concepts]);
		}
		needs->list[needs->count++] = nd;
	}
	qsort(needs->list, needs->count, sizeof *needs->list, compare_needs);
	return CISPREF_OK;
}

static int compute(cispref_needs *needs, const team *t, const cispref_person *only)
{
	size_t n = t->concepts + t->items;
	needs->storage = calloc(n + 1, sizeof *needs->storage);
	team_person tp;
	if (!needs->storage || cispref__team_person_new(&tp, t) != 0)
		return CISPREF_ENOMEM;
	int rc = CISPREF_OK;
	for (size_t p = only ? only->index : 0; !rc && p < (only ? only->index + 1 : t->persons); p++) {
		cispref__team_person(&tp, t, p);
		rc = add_gaps(needs->storage, t, &tp, p);
	}
	cispref__team_person_free(&tp);
	return rc ? rc : collect(needs, needs->storage, n, t);
}

int cispref_needs_new(cispref_needs **out, const cispref_positioning *pos,
                      const cispref_referential *ref, const char *person)
{
	if (!out || !pos || !ref)
		return CISPREF_EARG;
	const cispref_person *only = NULL;
	if (person && !(only = cispref__strmap_find(&pos->person_index, person)))
		return CISPREF_ENOTFOUND;
	team t;
	int rc = cispref__team_new(&t, pos, ref);
	if (rc)
		return rc;
	cispref_needs *needs = calloc(1, sizeof *needs);
	if (needs) {
		needs->pos = pos;
		needs->groups = t.concepts + t.items;
		rc = compute(needs, &t, only);
	}
	cispref__team_free(&t);
	if (!needs || rc) {
		cispref_needs_free(needs);
		return needs ? rc : CISPREF_ENOMEM;
	}
	*out = needs;
	return CISPREF_OK;
}

static const need *get(const cispref_needs *needs, size_t index)
{
	return needs && index < needs->count ? needs->list[index] : NULL;
}

size_t cispref_needs_count(const cispref_needs *needs)
{
	return needs ? needs->count : 0;
}

const char *cispref_needs_id(const cispref_needs *needs, size_t index)
{
	const need *n = get(needs, index);
	return n ? n->id : NULL;
}

const cispref_concept *cispref_needs_concept(const cispref_needs *needs, size_t index)
{
	const need *n = get(needs, index);
	return n ? n->concept : NULL;
}

const char *cispref_needs_label(const cispref_needs *needs, size_t index)
{
	const need *n = get(needs, index);
	return n ? n->label : NULL;
}

size_t cispref_needs_person_count(const cispref_needs *needs, size_t index)
{
	const need *n = get(needs, index);
	return n ? n->person_count : 0;
}

const cispref_person *cispref_needs_person(const cispref_needs *needs, size_t index,
                                          size_t person)
{
	const need *n = get(needs, index);
	return n && person < n->person_count ? needs->pos->persons.items[n->persons[person]]
	                                     : NULL;
}

size_t cispref_needs_competence_count(const cispref_needs *needs, size_t index)
{
	const need *n = get(needs, index);
	return n ? n->competence_count : 0;
}

const cispref_competence *cispref_needs_competence(const cispref_needs *needs, size_t index,
                                                   size_t competence)
{
	const need *n = get(needs, index);
	return n && competence < n->competence_count ? n->competence[competence] : NULL;
}

void cispref_needs_free(cispref_needs *needs)
{
	if (!needs)
		return;
	for (size_t g = 0; needs->storage && g < needs->groups; g++) {
		free(needs->storage[g].persons);
		free(needs->storage[g].competences);
		free(needs->storage[g].competence);
	}
	free(needs->storage);
	free(needs->list);
	free(needs);
}
