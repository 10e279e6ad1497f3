/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Helpers shared by the fuzz targets; each target includes it once. */
#ifndef CISPREF_FUZZ_H
#define CISPREF_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cispref/cispref.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken invariant is a finding: say which, then abort() so that the fuzzer keeps the
 * input and the replay test fails. Unlike assert(), it stays on under NDEBUG. */
#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

/* Where the walk stores what it read: a volatile store keeps the compiler from dropping
 * the reads. */
static volatile size_t fuzz_sink;

/* Length of @s, read byte by byte so that a sanitizer sees every byte. */
static inline size_t fuzz_touch(const char *s)
{
	size_t n = 0;
	if (s)
		while (s[n])
			n++;
	return n;
}

/* What a walk saw: the number of nodes (each one element of the document) and the
 * longest text, to hold against the limits the load was given. */
typedef struct fuzz_stats {
	size_t nodes;
	size_t longest;
} fuzz_stats;

static inline size_t fuzz_text(fuzz_stats *st, const char *s)
{
	size_t n = fuzz_touch(s);
	if (n > st->longest)
		st->longest = n;
	return n;
}

/* Read every string of every node, and check that the counts and the parent links agree,
 * so that a node left half-built shows up as a crash or a sanitizer report. */
static inline fuzz_stats fuzz_walk(const cispref_referential *ref)
{
	fuzz_stats st = {0, 0};
	size_t sum = fuzz_text(&st, cispref_referential_id(ref)) +
	             fuzz_text(&st, cispref_referential_title(ref)) +
	             fuzz_text(&st, cispref_referential_version(ref)) +
	             fuzz_text(&st, cispref_referential_language(ref)) +
	             fuzz_touch(cispref_referential_origin(ref)); /* a name, not the document's */
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
		sum += fuzz_text(&st, cispref_referential_source(ref, (cispref_source_field_t)f));
	size_t plans = 0, competences = 0, entries = 0;
	size_t items[CISPREF_ITEM_KIND_COUNT] = {0};
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		FUZZ_CHECK(domain && cispref_domain_referential(domain) == ref);
		sum += fuzz_text(&st, cispref_domain_id(domain)) + fuzz_text(&st, cispref_domain_title(domain));
		st.nodes++;
		FUZZ_CHECK(cispref_referential_node_type(ref, cispref_domain_id(domain)) != CISPREF_NODE_NONE);
		for (size_t e = 0; e < cispref_domain_summary_count(domain); e++, entries++) {
			const cispref_summary_entry *entry = cispref_domain_summary_entry(domain, e);
			FUZZ_CHECK(entry && cispref_summary_entry_domain(entry) == domain);
			st.nodes++;
			sum += fuzz_text(&st, cispref_summary_entry_id(entry)) +
			       fuzz_text(&st, cispref_summary_entry_text(entry)) +
			       fuzz_text(&st, cispref_summary_entry_competence_id(entry));
			sum += cispref_summary_entry_competence(entry) != NULL;
		}
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++, plans++) {
			const cispref_plan *plan = cispref_domain_plan(domain, p);
			FUZZ_CHECK(plan && cispref_plan_domain(plan) == domain);
			st.nodes++;
			sum += fuzz_text(&st, cispref_plan_id(plan)) + fuzz_text(&st, cispref_plan_title(plan));
			for (size_t c = 0; c < cispref_plan_competence_count(plan); c++, competences++) {
				const cispref_competence *comp = cispref_plan_competence(plan, c);
				FUZZ_CHECK(comp && cispref_competence_plan(comp) == plan);
				st.nodes++;
				sum += fuzz_text(&st, cispref_competence_id(comp)) +
				       fuzz_text(&st, cispref_competence_title(comp));
				for (size_t n = 0; n < cispref_competence_note_count(comp); n++) {
					sum += fuzz_text(&st, cispref_competence_note_id(comp, n));
					sum += cispref_competence_note(comp, n) != NULL;
				}
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
					cispref_item_kind_t kind = (cispref_item_kind_t)k;
					for (size_t i = 0; i < cispref_competence_item_count(comp, kind); i++) {
						const cispref_item *item = cispref_competence_item(comp, kind, i);
						FUZZ_CHECK(item && cispref_item_competence(item) == comp);
						FUZZ_CHECK(cispref_item_kind(item) == kind);
						st.nodes++;
						sum += fuzz_text(&st, cispref_item_id(item)) +
						       fuzz_text(&st, cispref_item_text(item)) +
						       fuzz_text(&st, cispref_item_concept_id(item));
						sum += cispref_item_concept(item) != NULL;
						items[k]++;
					}
				}
			}
		}
	}
	FUZZ_CHECK(plans == cispref_referential_plan_total(ref));
	FUZZ_CHECK(competences == cispref_referential_competence_total(ref));
	FUZZ_CHECK(entries == cispref_referential_summary_total(ref));
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		FUZZ_CHECK(items[k] == cispref_referential_item_total(ref, (cispref_item_kind_t)k));
	for (size_t c = 0; c < cispref_referential_concept_count(ref); c++) {
		const cispref_concept *concept = cispref_referential_concept(ref, c);
		FUZZ_CHECK(concept && cispref_concept_referential(concept) == ref);
		st.nodes++;
		sum += fuzz_text(&st, cispref_concept_id(concept)) + fuzz_text(&st, cispref_concept_label(concept));
	}
	for (size_t n = 0; n < cispref_referential_note_count(ref); n++) {
		const cispref_note *note = cispref_referential_note(ref, n);
		FUZZ_CHECK(note && cispref_note_referential(note) == ref);
		st.nodes++;
		sum += fuzz_text(&st, cispref_note_id(note)) + fuzz_text(&st, cispref_note_number(note)) +
		       fuzz_text(&st, cispref_note_text(note));
	}
	fuzz_sink += sum;
	return st;
}

#endif
