/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Structural comparison of two referentials, used to check that a write then a read
 * gives back the same model. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "private.h"

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool node_same(const node *a, const node *b)
{
	return a->type == b->type && same(a->id, b->id);
}

typedef bool (*equal_fn)(const void *a, const void *b);

static bool vec_same(const vec *a, const vec *b, equal_fn equal)
{
	if (a->count != b->count)
		return false;
	for (size_t i = 0; i < a->count; i++)
		if (!equal(a->items[i], b->items[i]))
			return false;
	return true;
}

static bool string_same(const void *a, const void *b)
{
	return same(a, b);
}

static bool item_same(const void *va, const void *vb)
{
	const cispref_item *a = va, *b = vb;
	return node_same(&a->node, &b->node) && a->node.kind == b->node.kind && same(a->text, b->text) &&
	       same(a->concept_id, b->concept_id);
}

static bool competence_same(const void *va, const void *vb)
{
	const cispref_competence *a = va, *b = vb;
	if (!node_same(&a->node, &b->node) || !same(a->title, b->title) ||
	    !vec_same(&a->note_ids, &b->note_ids, string_same))
		return false;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		if (!vec_same(&a->items[k], &b->items[k], item_same))
			return false;
	return true;
}

static bool plan_same(const void *va, const void *vb)
{
	const cispref_plan *a = va, *b = vb;
	return node_same(&a->node, &b->node) && a->kind == b->kind && same(a->title, b->title) &&
	       vec_same(&a->competences, &b->competences, competence_same);
}

static bool entry_same(const void *va, const void *vb)
{
	const cispref_summary_entry *a = va, *b = vb;
	return node_same(&a->node, &b->node) && a->plan_kind == b->plan_kind &&
	       same(a->text, b->text) && same(a->competence_id, b->competence_id);
}

static bool domain_same(const void *va, const void *vb)
{
	const cispref_domain *a = va, *b = vb;
	return node_same(&a->node, &b->node) && a->kind == b->kind && same(a->title, b->title) &&
	       vec_same(&a->summary, &b->summary, entry_same) &&
	       vec_same(&a->plans, &b->plans, plan_same);
}

static bool concept_same(const void *va, const void *vb)
{
	const cispref_concept *a = va, *b = vb;
	return node_same(&a->node, &b->node) && a->kind == b->kind && same(a->label, b->label);
}

static bool note_same(const void *va, const void *vb)
{
	const cispref_note *a = va, *b = vb;
	return node_same(&a->node, &b->node) && same(a->number, b->number) &&
	       same(a->text, b->text);
}

/* ---- front matter ---------------------------------------------------------------- */

static bool rich_same(const cispref_rich_text *a, const cispref_rich_text *b);

static bool run_same(const void *va, const void *vb)
{
	const cispref_inline *a = va, *b = vb;
	return a->kind == b->kind && same(a->text, b->text) && rich_same(&a->children, &b->children);
}

static bool rich_same(const cispref_rich_text *a, const cispref_rich_text *b)
{
	if (!a || !b)
		return a == b;
	return vec_same(&a->runs, &b->runs, run_same);
}

bool cispref__rich_text_same(const cispref_rich_text *a, const cispref_rich_text *b)
{
	return rich_same(a, b);
}

static bool rich_ptr_same(const void *a, const void *b)
{
	return rich_same(a, b);
}

static bool list_item_same(const void *va, const void *vb)
{
	const cispref_list_item *a = va, *b = vb;
	return same(a->label, b->label) && rich_same(&a->text, &b->text);
}

static bool step_same(const void *va, const void *vb)
{
	const cispref_step *a = va, *b = vb;
	return same(a->date, b->date) && same(a->actors, b->actors) && rich_same(&a->task, &b->task);
}

static bool phase_same(const void *va, const void *vb)
{
	const cispref_phase *a = va, *b = vb;
	return rich_same(&a->heading, &b->heading) && vec_same(&a->steps, &b->steps, step_same);
}

static bool block_same(const void *va, const void *vb)
{
	const cispref_block *a = va, *b = vb;
	if (a->kind != b->kind || !same(a->node.id, b->node.id) || !rich_same(a->text, b->text) ||
	    !same(a->attribution, b->attribution) || !same(a->drawing, b->drawing) ||
	    a->domain_kind != b->domain_kind)
		return false;
	equal_fn child = a->kind == CISPREF_BLOCK_LIST    ? list_item_same
	                 : a->kind == CISPREF_BLOCK_QUOTE ? rich_ptr_same
	                                                  : phase_same;
	return vec_same(&a->children, &b->children, child);
}

bool cispref__blocks_same(const vec *a, const vec *b)
{
	return vec_same(a, b, block_same);
}

static bool section_same(const void *va, const void *vb)
{
	const cispref_section *a = va, *b = vb;
	return node_same(&a->node, &b->node) && same(a->number, b->number) &&
	       rich_same(&a->heading, &b->heading) && vec_same(&a->blocks, &b->blocks, block_same) &&
	       vec_same(&a->subsections, &b->subsections, section_same);
}

/* Every node of @a marked deprecated is so in @b, with the same replacement. */
static bool editions_within(const cispref_referential *a, const cispref_referential *b,
                            size_t *count)
{
	size_t position = 0;
	*count = 0;
	for (const edition_link *link; (link = cispref__strmap_next(&a->editions, &position));) {
		if (cispref__edition_of(a, link->n) != link)
			continue; /* its node was removed */
		(*count)++;
		/* by id in the map, not through the id table: in a leniently read file an id may
		 * name two nodes, and the table finds the first while the link is the other's */
		const edition_link *other = cispref__strmap_find(&b->editions, link->id);
		if (other && cispref__edition_of(b, other->n) != other)
			other = NULL; /* its node was removed */
		if (!other || !same(link->replaced_by, other->replaced_by))
			return false;
	}
	return true;
}

static bool editions_same(const cispref_referential *a, const cispref_referential *b)
{
	size_t in_a, in_b;
	return editions_within(a, b, &in_a) && editions_within(b, a, &in_b) && in_a == in_b;
}

/* Every translation of @a is in @b, of the same text, with the same source hash. */
static bool translations_within(const cispref_referential *a, const cispref_referential *b,
                                size_t *count)
{
	size_t position = 0;
	*count = 0;
	for (const translation *head; (head = cispref__strmap_next(&a->translations, &position));) {
		if (cispref__translation_first(a, head->n) != head)
			continue; /* its node was removed */
		const node *other = cispref__find(b, head->id);
		for (const translation *t = head; t; t = t->next) {
			(*count)++;
			const translation *u = other ? cispref__translation_find(b, other, t->language)
			                             : NULL;
			if (!u || strcmp(t->text, u->text) != 0 ||
			    strcmp(t->source_hash, u->source_hash) != 0)
				return false;
		}
	}
	return true;
}

static bool translations_same(const cispref_referential *a, const cispref_referential *b)
{
	size_t in_a, in_b;
	return translations_within(a, b, &in_a) && translations_within(b, a, &in_b) &&
	       in_a == in_b;
}

/* The translations of the title and the front matter: the texts of @a and of @b paired
 * by their place in the walk (the front matters are equal by then, so both walks visit
 * the same texts in the same order), each pair's lists compared, both kept in the order
 * of their language tags. Not by address: in a referential loaded leniently two
 * sections or blocks may share an id, and an address then names the first only. */
typedef struct fm_slots {
	fm_translation *const **at;
	size_t count, room;
	bool failed;
} fm_slots;

static void fm_collect(const fm_text *t, void *data)
{
	fm_slots *l = data;
	if (l->failed)
		return;
	if (l->count == l->room) {
		size_t room = l->room ? 2 * l->room : 64;
		void *grown = realloc((void *)l->at, room * sizeof *l->at);
		if (!grown) {
			l->failed = true;
			return;
		}
		l->at = grown;
		l->room = room;
	}
	l->at[l->count++] = (fm_translation *const *)t->slot;
}

static bool fm_translation_same(const fm_translation *x, const fm_translation *y)
{
	if (strcasecmp(x->language, y->language) != 0 ||
	    strcmp(x->source_hash, y->source_hash) != 0 || !x->rich != !y->rich)
		return false;
	return x->rich ? rich_same(x->rich, y->rich) : same(x->plain, y->plain);
}

static bool fm_lists_same(const fm_translation *x, const fm_translation *y)
{
	for (; x && y && fm_translation_same(x, y); x = x->next, y = y->next)
		;
	return !x && !y;
}

/* Out of memory, the two are not told equal: equality is used to check a round trip,
 * where "not shown equal" is the safe answer. */
static bool fm_translations_same(const cispref_referential *a, const cispref_referential *b)
{
	fm_slots la = {0}, lb = {0};
	cispref__fm_texts(a, fm_collect, &la);
	cispref__fm_texts(b, fm_collect, &lb);
	bool same = !la.failed && !lb.failed && la.count == lb.count;
	for (size_t i = 0; same && i < la.count; i++)
		same = fm_lists_same(*la.at[i], *lb.at[i]);
	free((void *)la.at);
	free((void *)lb.at);
	return same;
}

bool cispref_referential_equal(const cispref_referential *a, const cispref_referential *b)
{
	if (!a || !b)
		return a == b;
	if (!same(a->id, b->id) || !same(a->title, b->title) || !same(a->version, b->version) ||
	    !same(a->language, b->language) || strcmp(a->uuid, b->uuid) != 0 ||
	    !same(a->base_uri, b->base_uri))
		return false;
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
		if (!same(a->source[f], b->source[f]))
			return false;
	return editions_same(a, b) && translations_same(a, b) &&
	       vec_same(&a->sections, &b->sections, section_same) && fm_translations_same(a, b) &&
	       vec_same(&a->domains, &b->domains, domain_same) &&
	       vec_same(&a->concepts, &b->concepts, concept_same) &&
	       vec_same(&a->notes, &b->notes, note_same);
}
