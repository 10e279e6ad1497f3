/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The resolved view of a team's ratings (positioning_team.h). Building it hashes each
 * rating's target once and groups the ratings by person with a counting sort, so that
 * coverage and needs cost time linear in the ratings plus persons x targets. */
#include <stdlib.h>
#include <string.h>

#include "positioning_team.h"

typedef struct target_entry {
	const char *id;
	uint32_t slot;
} target_entry;

static const char *target_key(const void *v) { return ((const target_entry *)v)->id; }

static int collect_referential(team *t)
{
	const cispref_referential *ref = t->ref;
	t->competences = cispref_referential_competence_total(ref);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		t->items += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	t->concepts = cispref_referential_concept_count(ref);
	t->competence = calloc(t->competences + 1, sizeof *t->competence);
	t->item = calloc(t->items + 1, sizeof *t->item);
	t->first_item = calloc(t->competences + 1, sizeof *t->first_item);
	t->item_competence = calloc(t->items + 1, sizeof *t->item_competence);
	t->item_concept = calloc(t->items + 1, sizeof *t->item_concept);
	t->concept = calloc(t->concepts + 1, sizeof *t->concept);
	if (!t->competence || !t->item || !t->first_item || !t->item_competence ||
	    !t->item_concept || !t->concept)
		return CISPREF_ENOMEM;
	size_t c = 0, i = 0;
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
			const cispref_plan *plan = cispref_domain_plan(domain, p);
			for (size_t k = 0; k < cispref_plan_competence_count(plan); k++, c++) {
				const cispref_competence *comp = cispref_plan_competence(plan, k);
				t->competence[c] = comp;
				t->first_item[c] = i;
				for (int kind = 0; kind < CISPREF_ITEM_KIND_COUNT; kind++)
					for (size_t n = 0; n < cispref_competence_item_count(comp, (cispref_item_kind_t)kind); n++) {
						t->item_competence[i] = c;
						t->item[i++] = cispref_competence_item(comp, (cispref_item_kind_t)kind, n);
					}
			}
		}
	}
	t->first_item[c] = i;
	for (size_t k = 0; k < t->concepts; k++)
		t->concept[k] = cispref_referential_concept(ref, k);
	return CISPREF_OK;
}

/* Each item's concept as an index of t->concept (t->concepts for none). */
static int link_concepts(team *t)
{
	strmap map;
	cispref__strmap_init(&map, target_key);
	target_entry *entries = calloc(t->concepts + 1, sizeof *entries);
	int rc = entries ? CISPREF_OK : CISPREF_ENOMEM;
	for (size_t k = 0; k < t->concepts && !rc; k++) {
		entries[k] = (target_entry){cispref_concept_id(t->concept[k]), (uint32_t)k};
		if (cispref__strmap_add(&map, &entries[k]) < 0)
			rc = CISPREF_ENOMEM;
	}
	for (size_t i = 0; i < t->items && !rc; i++) {
		const char *id = cispref_item_concept_id(t->item[i]);
		const target_entry *e = id ? cispref__strmap_find(&map, id) : NULL;
		t->item_concept[i] = e ? e->slot : t->concepts;
	}
	cispref__strmap_free(&map);
	free(entries);
	return rc;
}

static int index_targets(strmap *map, target_entry *entries, const team *t)
{
	for (size_t c = 0; c < t->competences; c++) {
		entries[c] = (target_entry){cispref_competence_id(t->competence[c]), (uint32_t)c};
		if (cispref__strmap_add(map, &entries[c]) < 0)
			return CISPREF_ENOMEM;
	}
	for (size_t i = 0; i < t->items; i++) {
		target_entry *e = &entries[t->competences + i];
		*e = (target_entry){cispref_item_id(t->item[i]), (uint32_t)(t->competences + i)};
		if (cispref__strmap_add(map, e) < 0)
			return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}

/* The level @id names: a scale has a handful of levels, which a few comparisons find
 * sooner than a hash; a long scale goes through the map. */
static const cispref_level *find_level(const cispref_positioning *pos, const char *id)
{
	if (pos->levels.count > 8)
		return cispref__strmap_find(&pos->level_index, id);
	for (size_t l = 0; l < pos->levels.count; l++) {
		const cispref_level *level = pos->levels.items[l];
		if (strcmp(level->id, id) == 0)
			/* the first of that id, as the map keeps it */
			return level;
	}
	return NULL;
}

/* What each interned string of the document names: a person (index + 1), a target
 * (slot + 1), a level (rank + 1), 0 for none. Each distinct string is looked up once, so
 * that resolving a rating is three array reads. */
typedef struct resolution {
	uint32_t *person, *target;
	team_level *level;
} resolution;

static int resolve_strings(resolution *res, const team *t, const strmap *targets)
{
	const cispref_positioning *pos = t->pos;
	size_t n = (size_t)pos->string_count + 1;
	res->person = calloc(n, sizeof *res->person);
	res->target = calloc(n, sizeof *res->target);
	res->level = calloc(n, sizeof *res->level);
	if (!res->person || !res->target || !res->level)
		return CISPREF_ENOMEM;
	size_t at = 0;
	for (const interned *in; (in = cispref__strmap_next(&pos->strings, &at)) != NULL;) {
		const cispref_person *p = cispref__strmap_find(&pos->person_index, in->text);
		const target_entry *e = cispref__strmap_find(targets, in->text);
		const cispref_level *l = find_level(pos, in->text);
		res->person[in->id] = p ? (uint32_t)p->index + 1 : 0;
		res->target[in->id] = e ? e->slot + 1 : 0;
		res->level[in->id] = l ? (team_level)(l->rank + 1) : 0;
	}
	return CISPREF_OK;
}

/* Resolve every rating, then group them by person (a counting sort keeps the
 * document's order within a person). */
static int resolve_ratings(team *t, const strmap *targets)
{
	const cispref_positioning *pos = t->pos;
	size_t n = pos->ratings.count;
	resolution res = {0};
	int rc = resolve_strings(&res, t, targets);
	uint32_t *owner = rc ? NULL : malloc((n + 1) * sizeof *owner);
	size_t *fill = owner ? calloc(t->persons + 1, sizeof *fill) : NULL;
	t->person_start = fill ? calloc(t->persons + 2, sizeof *t->person_start) : NULL;
	t->ratings = t->person_start ? malloc((n + 1) * sizeof *t->ratings) : NULL;
	if (!t->ratings)
		rc = CISPREF_ENOMEM;
	/* first pass: count each person's ratings that resolve */
	for (size_t r = 0; !rc && r < n; r++) {
		const cispref_rating *rating = pos->ratings.items[r];
		uint32_t p = res.person[rating->person_id];
		owner[r] = p && res.target[rating->target_id] && res.level[rating->level_id] ? p : 0;
		if (owner[r])
			t->person_start[p]++;
	}
	for (size_t p = 0; !rc && p < t->persons; p++)
		t->person_start[p + 1] += t->person_start[p];
	/* second pass: place them */
	for (size_t r = 0; !rc && r < n; r++) {
		if (!owner[r])
			continue;
		const cispref_rating *rating = pos->ratings.items[r];
		size_t p = owner[r] - 1;
		t->ratings[t->person_start[p] + fill[p]++] =
			(team_rating){res.target[rating->target_id] - 1, res.level[rating->level_id], rating};
	}
	free(owner);
	free(fill);
	free(res.person);
	free(res.target);
	free(res.level);
	return rc;
}

int cispref__team_new(team *t, const cispref_positioning *pos, const cispref_referential *ref)
{
	memset(t, 0, sizeof *t);
	t->pos = pos;
	t->ref = ref;
	t->persons = pos->persons.count;
	int rc = collect_referential(t);
	if (!rc)
		rc = link_concepts(t);
	t->proficient = calloc(pos->levels.count + 1, 1);
	if (!rc && !t->proficient)
		rc = CISPREF_ENOMEM;
	for (size_t l = 0; !rc && l < pos->levels.count; l++)
		t->proficient[l + 1] = (unsigned char)((const cispref_level *)pos->levels.items[l])->proficient;
	strmap targets;
	cispref__strmap_init(&targets, target_key);
	target_entry *entries = rc ? NULL : calloc(t->competences + t->items + 1, sizeof *entries);
	if (!rc && !entries)
		rc = CISPREF_ENOMEM;
	if (!rc)
		rc = index_targets(&targets, entries, t);
	if (!rc)
		rc = resolve_ratings(t, &targets);
	cispref__strmap_free(&targets);
	free(entries);
	if (rc)
		cispref__team_free(t);
	return rc;
}

void cispref__team_free(team *t)
{
	free(t->competence);
	free(t->item);
	free(t->first_item);
	free(t->item_competence);
	free(t->item_concept);
	free(t->concept);
	free(t->proficient);
	free(t->person_start);
	free(t->ratings);
	memset(t, 0, sizeof *t);
}

int cispref__team_person_new(team_person *tp, const team *t)
{
	memset(tp, 0, sizeof *tp);
	tp->competence_rating = calloc(t->competences + 1, sizeof *tp->competence_rating);
	tp->item_rating = calloc(t->items + 1, sizeof *tp->item_rating);
	tp->competence_level = calloc(t->competences + 1, sizeof *tp->competence_level);
	tp->competence_proficient_items = calloc(t->competences + 1,
	                                         sizeof *tp->competence_proficient_items);
	tp->item_level = calloc(t->items + 1, sizeof *tp->item_level);
	tp->competence_proficient = calloc(t->competences + 1, 1);
	if (!tp->competence_proficient || !tp->competence_rating || !tp->item_rating || !tp->competence_level ||
	    !tp->competence_proficient_items || !tp->item_level) {
		cispref__team_person_free(tp);
		return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}

void cispref__team_person_free(team_person *tp)
{
	free(tp->competence_rating);
	free(tp->item_rating);
	free(tp->competence_level);
	free(tp->competence_proficient_items);
	free(tp->item_level);
	free(tp->competence_proficient);
	memset(tp, 0, sizeof *tp);
}

/* The latest rating of each target (doc/positioning.md: the latest date, then the last
 * in the document). */
static void latest_ratings(team_person *tp, const team *t, size_t p)
{
	memset(tp->competence_rating, 0, t->competences * sizeof *tp->competence_rating);
	memset(tp->item_rating, 0, t->items * sizeof *tp->item_rating);
	for (size_t r = t->person_start[p]; r < t->person_start[p + 1]; r++) {
		const team_rating *tr = &t->ratings[r];
		const team_rating **slot = tr->target < t->competences
		                                   ? &tp->competence_rating[tr->target]
		                                   : &tp->item_rating[tr->target - t->competences];
		if (!*slot || cispref__rating_is_later(tr->rating, (*slot)->rating))
			*slot = tr;
	}
}

void cispref__team_person(team_person *tp, const team *t, size_t p)
{
	latest_ratings(tp, t, p);
	for (size_t c = 0; c < t->competences; c++) {
		const team_rating *own = tp->competence_rating[c];
		team_level lowest = 0;
		size_t proficient = 0;
		int all_proficient = 1;
		for (size_t i = t->first_item[c]; i < t->first_item[c + 1]; i++) {
			const team_rating *r = tp->item_rating[i];
			tp->item_level[i] = r ? r->level : own ? own->level : 0;
			if (!r)
				continue;
			proficient += t->proficient[r->level];
			all_proficient &= t->proficient[r->level];
			if (!lowest || r->level < lowest)
				lowest = r->level;
		}
		tp->competence_proficient_items[c] = proficient;
		/* the derived level: the weakest rated item, meaningful as "proficient" only
		 * when every rated item is */
		tp->competence_level[c] = own ? own->level : lowest;
		tp->competence_proficient[c] = own ? t->proficient[own->level]
		                                   : (unsigned char)(lowest && all_proficient);
	}
}

const cispref_level *cispref__team_level(const team *t, team_level l)
{
	return l ? t->pos->levels.items[l - 1] : NULL;
}
