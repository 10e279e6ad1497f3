/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* "Did you mean": which known names are close to one that names nothing. The policy lives
 * here, not in the front ends, so the tool and the bindings suggest the same names.
 *
 * A candidate is close when, ASCII letters compared without case, it equals the query
 * (rank 0), one of its dotted tails equals it ("ecoute-active" for "c.ecoute-active",
 * rank 1), or the candidate or one of its dotted tails is within a small edit distance
 * of it (rank 2, then by distance). Ids and tags are ASCII names; any other byte is
 * compared as it is.
 *
 * The edit distance is the optimal string alignment distance (insertions, deletions,
 * substitutions and swaps of two neighbours, each costing 1), computed by hand: the
 * three rows it needs are a few lines, and no Debian library offers it for C strings. */
#include <string.h>

#include "private.h"

/* Names longer than this are compared only for equality, not by distance. */
#define MAX_DISTANCE_LENGTH 128
/* Ranks: 0 equal, 1 equal tail, 2 + distance for the rest (distance at most 3). */
#define RANK_COUNT 6
#define NO_RANK RANK_COUNT

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static int equal_nocase(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/* The distance between @a and @b (lengths at most MAX_DISTANCE_LENGTH). */
static size_t distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t rows[3][MAX_DISTANCE_LENGTH + 1];
	size_t *before = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned char ca = lower((unsigned char)a[i - 1]), cb = lower((unsigned char)b[j - 1]);
			size_t cost = ca != cb;
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && ca == lower((unsigned char)b[j - 2]) &&
			    lower((unsigned char)a[i - 2]) == cb && before[j - 2] + 1 < cur[j])
				cur[j] = before[j - 2] + 1;
		}
		size_t *t = before;
		before = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

/* How far a name may be from the query: more for longer queries, none for very short
 * ones, where a distance of one already reaches unrelated names. */
static size_t allowed_distance(size_t length)
{
	return length <= 2 ? 0 : length <= 5 ? 1 : length <= 10 ? 2 : 3;
}

/* The rank of @candidate for @query (of @length bytes), NO_RANK when it is not close. */
static int rank(const char *query, size_t length, const char *candidate)
{
	size_t lc = strlen(candidate);
	if (lc == length && equal_nocase(candidate, query, length))
		return 0;
	int best = NO_RANK;
	size_t allowed = allowed_distance(length);
	/* The whole candidate, then each tail after a dot. */
	for (const char *tail = candidate;;) {
		size_t lt = lc - (size_t)(tail - candidate);
		if (tail != candidate && lt == length && equal_nocase(tail, query, length))
			return 1;
		size_t gap = lt > length ? lt - length : length - lt;
		if (allowed && gap <= allowed && lt <= MAX_DISTANCE_LENGTH &&
		    length <= MAX_DISTANCE_LENGTH) {
			size_t d = distance(query, length, tail, lt);
			if (d <= allowed && (int)(2 + d) < best)
				best = (int)(2 + d);
		}
		const char *dot = strchr(tail, '.');
		if (!dot)
			break;
		tail = dot + 1;
	}
	return best;
}

/* Two passes over the candidates: the first counts them per rank, the second writes each
 * at its place, so the result is ordered by rank and, within a rank, in the candidates'
 * order, without allocating. */
typedef struct suggester {
	const char *query;
	size_t length;
	int pass;
	size_t counts[RANK_COUNT];
	size_t next[RANK_COUNT];
	const char **out;
	size_t max;
} suggester;

static void consider(suggester *s, const char *candidate)
{
	if (!candidate)
		return;
	int r = rank(s->query, s->length, candidate);
	if (r == NO_RANK)
		return;
	if (s->pass == 0) {
		s->counts[r]++;
	} else {
		size_t at = s->next[r]++;
		if (at < s->max)
			s->out[at] = candidate;
	}
}

/* Between the passes: where each rank starts in @out. */
static size_t start_writing(suggester *s)
{
	size_t total = 0;
	for (int r = 0; r < RANK_COUNT; r++) {
		s->next[r] = total;
		total += s->counts[r];
	}
	s->pass = 1;
	return total;
}

size_t cispref_suggest(const char **out, size_t max, const char *query,
                       const char *const *candidates, size_t count)
{
	if (!query || !*query || (!candidates && count) || (!out && max))
		return 0;
	suggester s = {query, strlen(query), 0, {0}, {0}, out, max};
	for (size_t i = 0; i < count; i++)
		consider(&s, candidates[i]);
	size_t total = start_writing(&s);
	for (size_t i = 0; i < count && max; i++)
		consider(&s, candidates[i]);
	return total;
}

static int wanted(cispref_node_type_t type, cispref_node_type_t want)
{
	return want == CISPREF_NODE_NONE || want == type;
}

/* Every id of @ref of the type @want (any when NONE), in document order. */
static void walk_ids(suggester *s, const cispref_referential *ref, cispref_node_type_t want)
{
	for (size_t d = 0; d < ref->domains.count; d++) {
		const cispref_domain *domain = ref->domains.items[d];
		if (wanted(CISPREF_NODE_DOMAIN, want))
			consider(s, domain->node.id);
		for (size_t e = 0; e < domain->summary.count && wanted(CISPREF_NODE_SUMMARY_ENTRY, want); e++)
			consider(s, ((const cispref_summary_entry *)domain->summary.items[e])->node.id);
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			if (wanted(CISPREF_NODE_PLAN, want))
				consider(s, plan->node.id);
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				if (wanted(CISPREF_NODE_COMPETENCE, want))
					consider(s, comp->node.id);
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT && wanted(CISPREF_NODE_ITEM, want); k++)
					for (size_t i = 0; i < comp->items[k].count; i++)
						consider(s, ((const cispref_item *)comp->items[k].items[i])->node.id);
			}
		}
	}
	for (size_t c = 0; c < ref->concepts.count && wanted(CISPREF_NODE_CONCEPT, want); c++)
		consider(s, ((const cispref_concept *)ref->concepts.items[c])->node.id);
	for (size_t n = 0; n < ref->notes.count && wanted(CISPREF_NODE_NOTE, want); n++)
		consider(s, ((const cispref_note *)ref->notes.items[n])->node.id);
}

size_t cispref_referential_suggest_ids(const char **out, size_t max,
                                       const cispref_referential *ref, const char *query,
                                       cispref_node_type_t type)
{
	if (!ref || !query || !*query || (!out && max) || (unsigned)type > CISPREF_NODE_NOTE)
		return 0;
	suggester s = {query, strlen(query), 0, {0}, {0}, out, max};
	walk_ids(&s, ref, type);
	size_t total = start_writing(&s);
	if (max)
		walk_ids(&s, ref, type);
	return total;
}
