/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The cispref-json export (format_version 1): keys always present, in the contract's
 * order, two-space indentation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "identity.h"
#include "json.h"

/* The keys every node object ends with, "uuid", "uri" (null without a base URI),
 * "deprecated" and "replaced_by" (null when none):
 * added within format_version 1 after the contract's first keys, so none of those
 * moves. */
static void identity(json *j, const cispref_referential *ref, const node *n)
{
	char uuid[CISPREF_UUID_STRING_SIZE];
	char *uri = NULL;
	cispref__identity_node_uuid(uuid, ref, n->id);
	if (cispref__identity_node_uri(&uri, ref, n->id) != CISPREF_OK)
		j->failed = 1;
	cispref__json_key(j, "uuid", 0);
	cispref__json_string(j, uuid);
	cispref__json_key(j, "uri", 0);
	cispref__json_string(j, uri);
	free(uri);
	/* Edition links (doc/format.md, "Editions"), added after "uri" the same way. */
	const edition_link *link = cispref__edition_of(ref, n);
	cispref__json_key(j, "deprecated", 0);
	cispref__json_raw(j, link ? "true" : "false");
	cispref__json_key(j, "replaced_by", 0);
	cispref__json_string(j, link ? link->replaced_by : NULL);
}

static void items(json *j, const vec *list)
{
	cispref__json_open(j, "[");
	for (size_t i = 0; i < list->count; i++) {
		const cispref_item *item = list->items[i];
		cispref__json_element(j, i);
		cispref__json_open(j, "{");
		cispref__json_key(j, "id", 1);
		cispref__json_string(j, item->node.id);
		cispref__json_key(j, "text", 0);
		cispref__json_string(j, item->text);
		cispref__json_key(j, "concept", 0);
		cispref__json_string(j, item->concept_id);
		identity(j, item->competence->plan->domain->ref, &item->node);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", list->count == 0);
}

static void competence(json *j, const cispref_competence *c)
{
	static const char *const list_keys[CISPREF_ITEM_KIND_COUNT] = {
		"savoir_faire", "savoir_faire_comportementaux", "savoirs"};
	cispref__json_open(j, "{");
	cispref__json_key(j, "id", 1);
	cispref__json_string(j, c->node.id);
	cispref__json_key(j, "title", 0);
	cispref__json_string(j, c->title);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		cispref__json_key(j, list_keys[k], 0);
		items(j, &c->items[k]);
	}
	cispref__json_key(j, "notes", 0);
	cispref__json_open(j, "[");
	for (size_t n = 0; n < c->note_ids.count; n++) {
		cispref__json_element(j, n);
		cispref__json_string(j, c->note_ids.items[n]);
	}
	cispref__json_close(j, "]", c->note_ids.count == 0);
	identity(j, c->plan->domain->ref, &c->node);
	cispref__json_close(j, "}", 0);
}

static void plan(json *j, const cispref_plan *p)
{
	cispref__json_open(j, "{");
	cispref__json_key(j, "id", 1);
	cispref__json_string(j, p->node.id);
	cispref__json_key(j, "kind", 0);
	cispref__json_string(j, cispref_plan_kind_name(p->kind));
	cispref__json_key(j, "title", 0);
	cispref__json_string(j, p->title);
	cispref__json_key(j, "competences", 0);
	cispref__json_open(j, "[");
	for (size_t c = 0; c < p->competences.count; c++) {
		cispref__json_element(j, c);
		competence(j, p->competences.items[c]);
	}
	cispref__json_close(j, "]", p->competences.count == 0);
	identity(j, p->domain->ref, &p->node);
	cispref__json_close(j, "}", 0);
}

static void domain(json *j, const cispref_domain *d)
{
	cispref__json_open(j, "{");
	cispref__json_key(j, "id", 1);
	cispref__json_string(j, d->node.id);
	cispref__json_key(j, "kind", 0);
	cispref__json_string(j, cispref_domain_kind_name(d->kind));
	cispref__json_key(j, "title", 0);
	cispref__json_string(j, d->title);
	cispref__json_key(j, "summary", 0);
	cispref__json_open(j, "[");
	for (size_t e = 0; e < d->summary.count; e++) {
		const cispref_summary_entry *entry = d->summary.items[e];
		cispref__json_element(j, e);
		cispref__json_open(j, "{");
		cispref__json_key(j, "plan", 1);
		cispref__json_string(j, cispref_plan_kind_name(entry->plan_kind));
		cispref__json_key(j, "text", 0);
		cispref__json_string(j, entry->text);
		cispref__json_key(j, "competence", 0);
		cispref__json_string(j, entry->competence_id);
		identity(j, d->ref, &entry->node);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", d->summary.count == 0);
	cispref__json_key(j, "plans", 0);
	cispref__json_open(j, "[");
	for (size_t p = 0; p < d->plans.count; p++) {
		cispref__json_element(j, p);
		plan(j, d->plans.items[p]);
	}
	cispref__json_close(j, "]", d->plans.count == 0);
	identity(j, d->ref, &d->node);
	cispref__json_close(j, "}", 0);
}

static void concepts_and_notes(json *j, const cispref_referential *ref)
{
	cispref__json_key(j, "concepts", 0);
	cispref__json_open(j, "[");
	for (size_t i = 0; i < ref->concepts.count; i++) {
		const cispref_concept *c = ref->concepts.items[i];
		cispref__json_element(j, i);
		cispref__json_open(j, "{");
		cispref__json_key(j, "id", 1);
		cispref__json_string(j, c->node.id);
		cispref__json_key(j, "kind", 0);
		cispref__json_string(j, cispref_item_kind_name(c->kind));
		cispref__json_key(j, "label", 0);
		cispref__json_string(j, c->label);
		identity(j, ref, &c->node);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", ref->concepts.count == 0);
	cispref__json_key(j, "notes", 0);
	cispref__json_open(j, "[");
	for (size_t i = 0; i < ref->notes.count; i++) {
		const cispref_note *n = ref->notes.items[i];
		cispref__json_element(j, i);
		cispref__json_open(j, "{");
		cispref__json_key(j, "id", 1);
		cispref__json_string(j, n->node.id);
		cispref__json_key(j, "number", 0);
		cispref__json_string(j, n->number);
		cispref__json_key(j, "text", 0);
		cispref__json_string(j, n->text);
		identity(j, ref, &n->node);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", ref->notes.count == 0);
}

/* ---- front matter ------------------------------------------------------------------ */

/* Inline content: an array of runs, each {"kind", then "text" (text), "runs" (em, q) or
 * "note" (note-ref)}. */
static void runs(json *j, const cispref_rich_text *rt)
{
	if (!rt) {
		cispref__json_raw(j, "null");
		return;
	}
	cispref__json_open(j, "[");
	for (size_t i = 0; i < rt->runs.count; i++) {
		const cispref_inline *run = rt->runs.items[i];
		cispref__json_element(j, i);
		cispref__json_open(j, "{");
		cispref__json_key(j, "kind", 1);
		cispref__json_string(j, cispref_inline_kind_name(run->kind));
		if (run->kind == CISPREF_INLINE_TEXT) {
			cispref__json_key(j, "text", 0);
			cispref__json_string(j, run->text);
		} else if (run->kind == CISPREF_INLINE_NOTE_REF) {
			cispref__json_key(j, "note", 0);
			cispref__json_string(j, run->text);
		} else {
			cispref__json_key(j, "runs", 0);
			runs(j, &run->children);
		}
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", rt->runs.count == 0);
}

static void list_items(json *j, const cispref_block *b)
{
	cispref__json_key(j, "items", 0);
	cispref__json_open(j, "[");
	for (size_t i = 0; i < b->children.count; i++) {
		const cispref_list_item *it = b->children.items[i];
		cispref__json_element(j, i);
		cispref__json_open(j, "{");
		cispref__json_key(j, "label", 1);
		cispref__json_string(j, it->label);
		cispref__json_key(j, "text", 0);
		runs(j, &it->text);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", b->children.count == 0);
}

static void quote(json *j, const cispref_block *b)
{
	cispref__json_key(j, "heading", 0);
	runs(j, b->text);
	cispref__json_key(j, "paragraphs", 0);
	cispref__json_open(j, "[");
	for (size_t i = 0; i < b->children.count; i++) {
		cispref__json_element(j, i);
		runs(j, b->children.items[i]);
	}
	cispref__json_close(j, "]", b->children.count == 0);
	cispref__json_key(j, "attribution", 0);
	cispref__json_string(j, b->attribution);
}

static void steps(json *j, const cispref_phase *ph)
{
	cispref__json_key(j, "steps", 0);
	cispref__json_open(j, "[");
	for (size_t s = 0; s < ph->steps.count; s++) {
		const cispref_step *st = ph->steps.items[s];
		cispref__json_element(j, s);
		cispref__json_open(j, "{");
		cispref__json_key(j, "date", 1);
		cispref__json_string(j, st->date);
		cispref__json_key(j, "actors", 0);
		cispref__json_string(j, st->actors);
		cispref__json_key(j, "task", 0);
		runs(j, &st->task);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", ph->steps.count == 0);
}

static void timeline(json *j, const cispref_block *b)
{
	cispref__json_key(j, "phases", 0);
	cispref__json_open(j, "[");
	for (size_t i = 0; i < b->children.count; i++) {
		const cispref_phase *ph = b->children.items[i];
		cispref__json_element(j, i);
		cispref__json_open(j, "{");
		cispref__json_key(j, "heading", 1);
		runs(j, &ph->heading);
		steps(j, ph);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", b->children.count == 0);
}

/* A block: {"kind", "id" (null when none), then the keys of its kind}. */
static void block(json *j, const cispref_block *b)
{
	cispref__json_open(j, "{");
	cispref__json_key(j, "kind", 1);
	cispref__json_string(j, cispref_block_kind_name(b->kind));
	cispref__json_key(j, "id", 0);
	cispref__json_string(j, b->node.id);
	switch (b->kind) {
	case CISPREF_BLOCK_PARAGRAPH:
		cispref__json_key(j, "text", 0);
		runs(j, b->text);
		break;
	case CISPREF_BLOCK_LIST:
		list_items(j, b);
		break;
	case CISPREF_BLOCK_QUOTE:
		quote(j, b);
		break;
	case CISPREF_BLOCK_TIMELINE:
		timeline(j, b);
		break;
	case CISPREF_BLOCK_FIGURE:
		cispref__json_key(j, "drawing", 0);
		cispref__json_string(j, b->drawing);
		cispref__json_key(j, "caption", 0);
		runs(j, b->text);
		break;
	case CISPREF_BLOCK_OVERVIEW:
		cispref__json_key(j, "domain_kind", 0);
		cispref__json_string(j, cispref_domain_kind_name(b->domain_kind));
		break;
	case CISPREF_BLOCK_DETAILS:
		/* null: the detail tables of every domain */
		cispref__json_key(j, "domain_kind", 0);
		cispref__json_string(j, b->has_domain_kind ? cispref_domain_kind_name(b->domain_kind)
		                                           : NULL);
		break;
	}
	cispref__json_close(j, "}", 0);
}

static void sections(json *j, const cispref_referential *ref, const vec *list)
{
	cispref__json_open(j, "[");
	for (size_t i = 0; i < list->count; i++) {
		const cispref_section *s = list->items[i];
		cispref__json_element(j, i);
		cispref__json_open(j, "{");
		cispref__json_key(j, "id", 1);
		cispref__json_string(j, s->node.id);
		cispref__json_key(j, "number", 0);
		cispref__json_string(j, s->number);
		cispref__json_key(j, "level", 0);
		char level[16];
		snprintf(level, sizeof level, "%u", (unsigned)s->level);
		cispref__json_raw(j, level);
		cispref__json_key(j, "heading", 0);
		runs(j, &s->heading);
		cispref__json_key(j, "heading_text", 0);
		cispref__json_string(j, s->heading.plain);
		cispref__json_key(j, "blocks", 0);
		cispref__json_open(j, "[");
		for (size_t b = 0; b < s->blocks.count; b++) {
			cispref__json_element(j, b);
			block(j, s->blocks.items[b]);
		}
		cispref__json_close(j, "]", s->blocks.count == 0);
		cispref__json_key(j, "sections", 0);
		sections(j, ref, &s->subsections);
		identity(j, ref, &s->node);
		cispref__json_close(j, "}", 0);
	}
	cispref__json_close(j, "]", list->count == 0);
}

int cispref__json_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	json j = {out, 0, 0};
	cispref__json_open(&j, "{");
	cispref__json_key(&j, "format", 1);
	cispref__json_string(&j, "cispref-json");
	cispref__json_key(&j, "format_version", 0);
	cispref__json_raw(&j, "1");
	cispref__json_key(&j, "id", 0);
	cispref__json_string(&j, ref->id);
	cispref__json_key(&j, "title", 0);
	cispref__json_string(&j, ref->title);
	cispref__json_key(&j, "version", 0);
	cispref__json_string(&j, ref->version);
	cispref__json_key(&j, "language", 0);
	cispref__json_string(&j, ref->language);
	cispref__json_key(&j, "domains", 0);
	cispref__json_open(&j, "[");
	for (size_t d = 0; d < ref->domains.count; d++) {
		cispref__json_element(&j, d);
		domain(&j, ref->domains.items[d]);
	}
	cispref__json_close(&j, "]", ref->domains.count == 0);
	concepts_and_notes(&j, ref);
	/* the referential's identity: its namespace, and its base URI as its URI */
	cispref__json_key(&j, "uuid", 0);
	cispref__json_string(&j, ref->uuid);
	cispref__json_key(&j, "uri", 0);
	cispref__json_string(&j, ref->base_uri);
	/* added within format_version 1 after the keys above: none of them moves */
	cispref__json_key(&j, "front_matter", 0);
	sections(&j, ref, &ref->sections);
	cispref__json_close(&j, "}", 0);
	cispref__json_raw(&j, "\n");
	if (j.failed) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}
