/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Checking a positioning document against a referential: the rules the reader leaves to
 * the validator because they need the referential, or a view of the whole document. The
 * findings are diagnostics like the referential validator's (validate.h), with their own
 * tags (doc/positioning.md, "Validation against the referential"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positioning_private.h"

/* The rules; a finding names one, so a misspelt tag does not compile. */
typedef enum rule {
	RULE_REFERENTIAL_MISMATCH,
	RULE_DUPLICATE_LEVEL,
	RULE_NO_PROFICIENT_LEVEL,
	RULE_DUPLICATE_PERSON,
	RULE_UNKNOWN_PERSON,
	RULE_UNKNOWN_TARGET,
	RULE_UNKNOWN_LEVEL,
	RULE_DUPLICATE_RATING,
	RULE_COUNT
} rule;

static const struct {
	const char *tag;
	cispref_severity_t severity;
} rules[RULE_COUNT] = {
	[RULE_REFERENTIAL_MISMATCH] = {"positioning-referential-mismatch", CISPREF_SEVERITY_WARNING},
	[RULE_DUPLICATE_LEVEL] = {"positioning-duplicate-level", CISPREF_SEVERITY_ERROR},
	[RULE_NO_PROFICIENT_LEVEL] = {"positioning-no-proficient-level", CISPREF_SEVERITY_WARNING},
	[RULE_DUPLICATE_PERSON] = {"positioning-duplicate-person", CISPREF_SEVERITY_ERROR},
	[RULE_UNKNOWN_PERSON] = {"positioning-unknown-person", CISPREF_SEVERITY_ERROR},
	[RULE_UNKNOWN_TARGET] = {"positioning-unknown-target", CISPREF_SEVERITY_ERROR},
	[RULE_UNKNOWN_LEVEL] = {"positioning-unknown-level", CISPREF_SEVERITY_ERROR},
	[RULE_DUPLICATE_RATING] = {"positioning-duplicate-rating", CISPREF_SEVERITY_ERROR},
};

typedef struct checker {
	const cispref_positioning *pos;
	const cispref_referential *ref;
	cispref_diagnostics *list;
	int failed; /* out of memory */
} checker;

static void report(checker *ck, rule r, unsigned long line, const char *id, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));

static void report(checker *ck, rule r, unsigned long line, const char *id, const char *fmt,
                   ...)
{
	char message[CISPREF_ERROR_TEXT_LENGTH];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	cispref__utf8_trim(message, strlen(message));
	if (!ck->failed)
		ck->failed = cispref__diagnostics_add(ck->list, rules[r].severity, rules[r].tag,
		                                      ck->pos->origin, line, id, message) != 0;
}

static void check_referential(checker *ck)
{
	const char *id = cispref_referential_id(ck->ref);
	const char *edition = cispref_referential_version(ck->ref);
	const cispref_positioning *pos = ck->pos;
	if (strcmp(pos->referential_id, id ? id : "") != 0 ||
	    (pos->edition && edition && strcmp(pos->edition, edition) != 0))
		report(ck, RULE_REFERENTIAL_MISMATCH, pos->line, NULL,
		       "the document rates referential '%s' edition '%s', checked against '%s' "
		       "edition '%s'", pos->referential_id, pos->edition ? pos->edition : "(none)",
		       id ? id : "", edition ? edition : "(none)");
}

static void check_scale(checker *ck)
{
	int any = 0;
	for (size_t i = 0; i < ck->pos->levels.count; i++) {
		const cispref_level *l = ck->pos->levels.items[i];
		any |= l->proficient;
		const cispref_level *first = cispref__strmap_find(&ck->pos->level_index, l->id);
		if (first != l)
			report(ck, RULE_DUPLICATE_LEVEL, l->line, l->id,
			       "level '%s' is already in the scale (line %lu)", l->id, first->line);
	}
	if (!any)
		report(ck, RULE_NO_PROFICIENT_LEVEL, ck->pos->line, NULL,
		       "no level of the scale counts as proficient: nothing can be covered");
}

static void check_persons(checker *ck)
{
	for (size_t i = 0; i < ck->pos->persons.count; i++) {
		const cispref_person *p = ck->pos->persons.items[i];
		const cispref_person *first = cispref__strmap_find(&ck->pos->person_index, p->id);
		if (first != p)
			report(ck, RULE_DUPLICATE_PERSON, p->line, p->id,
			       "person '%s' is already declared (line %lu)", p->id, first->line);
	}
}

static void check_rating(checker *ck, const cispref_rating *r, const cispref_rating *first)
{
	if (!cispref__strmap_find(&ck->pos->person_index, r->person))
		report(ck, RULE_UNKNOWN_PERSON, r->line, r->person,
		       "the rating names person '%s', whom the document does not declare", r->person);
	if (!cispref_referential_find_competence(ck->ref, r->target) &&
	    !cispref_referential_find_item(ck->ref, r->target))
		report(ck, RULE_UNKNOWN_TARGET, r->line, r->target,
		       "the rating's target '%s' is neither a competence nor an item of '%s'",
		       r->target, cispref_referential_id(ck->ref));
	if (!cispref__strmap_find(&ck->pos->level_index, r->level))
		report(ck, RULE_UNKNOWN_LEVEL, r->line, r->level,
		       "the rating's level '%s' is not in the scale", r->level);
	if (first)
		report(ck, RULE_DUPLICATE_RATING, r->line, r->target,
		       "person '%s' already rated '%s' for this date and source (line %lu)",
		       r->person, r->target, first->line);
}

/* Ratings in the order that puts the ratings of one person, target, date and source
 * together, the earliest first (interned ids compare as the strings they stand for
 * would for equality, which is all this order is for). */
static int compare_ratings(const void *a, const void *b)
{
	const cispref_rating *x = *(const cispref_rating *const *)a;
	const cispref_rating *y = *(const cispref_rating *const *)b;
	uint32_t kx[] = {x->person_id, x->target_id, x->date_id, (uint32_t)x->source};
	uint32_t ky[] = {y->person_id, y->target_id, y->date_id, (uint32_t)y->source};
	for (int i = 0; i < 4; i++)
		if (kx[i] != ky[i])
			return kx[i] < ky[i] ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* For each rating that repeats an earlier one, that earlier one (by document position);
 * NULL elsewhere. A sort rather than a map of joined keys: a loaded document keeps no
 * key per rating. NULL when out of memory. */
static const cispref_rating **find_duplicates(const cispref_positioning *pos)
{
	size_t n = pos->ratings.count;
	const cispref_rating **sorted = malloc((n + 1) * sizeof *sorted);
	const cispref_rating **first = calloc(n + 1, sizeof *first);
	if (!sorted || !first) {
		free(sorted);
		free(first);
		return NULL;
	}
	if (n) /* an empty vec has no storage */
		memcpy(sorted, pos->ratings.items, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, compare_ratings);
	for (size_t i = 1, run = 0; i < n; i++) {
		const cispref_rating *a = sorted[run], *b = sorted[i];
		if (a->person_id == b->person_id && a->target_id == b->target_id &&
		    a->date_id == b->date_id && a->source == b->source)
			first[b->index] = a;
		else
			run = i;
	}
	free(sorted);
	return first;
}

int cispref_positioning_validate(cispref_diagnostics **out, const cispref_positioning *pos,
                                 const cispref_referential *ref)
{
	if (!out || !pos || !ref)
		return CISPREF_EARG;
	checker ck = {pos, ref, cispref__diagnostics_new(), 0};
	if (!ck.list)
		return CISPREF_ENOMEM;
	/* in document order: the root, the scale, the persons, the ratings */
	check_referential(&ck);
	check_scale(&ck);
	check_persons(&ck);
	const cispref_rating **first = find_duplicates(pos);
	ck.failed |= first == NULL;
	for (size_t i = 0; i < pos->ratings.count && !ck.failed; i++)
		check_rating(&ck, pos->ratings.items[i], first[i]);
	free(first);
	if (ck.failed) {
		cispref_diagnostics_free(ck.list);
		return CISPREF_ENOMEM;
	}
	*out = ck.list;
	return CISPREF_OK;
}
