/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The edition diff sees a referential as one flat list of nodes in document order, each
 * with its parent, its place among its siblings and its text, so that comparing two
 * editions is one walk whatever the node's type. */
#include <stdlib.h>

#include "diff_private.h"

static const char *dnode_key(const void *value)
{
	return ((const dnode *)value)->id;
}

static size_t node_total(const cispref_referential *ref)
{
	size_t total = ref->domains.count + cispref_referential_summary_total(ref) +
	               cispref_referential_plan_total(ref) +
	               cispref_referential_competence_total(ref) + ref->concepts.count +
	               ref->notes.count;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		total += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	return total;
}

/* Append a node; the caller sized the list, so this never grows it. */
static dnode *add(dnodes *out, cispref_node_type_t type, const node *n, const void *body,
                  const char *parent_id, size_t position, const char *domain_id)
{
	dnode *d = &out->items[out->count++];
	*d = (dnode){.type = type, .id = n->id, .parent_id = parent_id, .position = position,
	             .domain_id = domain_id, .kind = -1, .body = body, .match = DIFF_NONE};
	return d;
}

static void set_text(dnode *d, const char *field, const char *text)
{
	d->text_field = field;
	d->text = text;
}

static void set_kind(dnode *d, int kind, const char *name)
{
	d->kind = kind;
	d->kind_name = name;
}

static void add_competence(dnodes *out, const cispref_competence *c, size_t position,
                           const char *domain_id)
{
	dnode *d = add(out, CISPREF_NODE_COMPETENCE, &c->node, c, c->plan->node.id, position,
	               domain_id);
	set_text(d, "title", c->title);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		for (size_t i = 0; i < c->items[k].count; i++) {
			const cispref_item *item = c->items[k].items[i];
			d = add(out, CISPREF_NODE_ITEM, &item->node, item, c->node.id, i, domain_id);
			d->sublist = k;
			set_text(d, "text", item->text);
			set_kind(d, (int)item->node.kind, cispref_item_kind_name(item->node.kind));
		}
	}
}

static void add_domain(dnodes *out, const cispref_domain *domain, size_t position)
{
	const char *id = domain->node.id;
	dnode *d = add(out, CISPREF_NODE_DOMAIN, &domain->node, domain, NULL, position, id);
	set_text(d, "title", domain->title);
	set_kind(d, (int)domain->kind, cispref_domain_kind_name(domain->kind));
	for (size_t e = 0; e < domain->summary.count; e++) {
		const cispref_summary_entry *entry = domain->summary.items[e];
		d = add(out, CISPREF_NODE_SUMMARY_ENTRY, &entry->node, entry, id, e, id);
		set_text(d, "text", entry->text);
		set_kind(d, (int)entry->plan_kind, cispref_plan_kind_name(entry->plan_kind));
	}
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		d = add(out, CISPREF_NODE_PLAN, &plan->node, plan, id, p, id);
		set_text(d, "title", plan->title);
		set_kind(d, (int)plan->kind, cispref_plan_kind_name(plan->kind));
		for (size_t c = 0; c < plan->competences.count; c++)
			add_competence(out, plan->competences.items[c], c, id);
	}
}

static void add_shared(dnodes *out, const cispref_referential *ref)
{
	for (size_t i = 0; i < ref->concepts.count; i++) {
		const cispref_concept *concept = ref->concepts.items[i];
		dnode *d = add(out, CISPREF_NODE_CONCEPT, &concept->node, concept, NULL, i, NULL);
		set_text(d, "label", concept->label);
		set_kind(d, (int)concept->kind, cispref_item_kind_name(concept->kind));
	}
	for (size_t i = 0; i < ref->notes.count; i++) {
		const cispref_note *note = ref->notes.items[i];
		dnode *d = add(out, CISPREF_NODE_NOTE, &note->node, note, NULL, i, NULL);
		set_text(d, "text", note->text);
	}
}

int cispref__diff_flatten(dnodes *out, const cispref_referential *ref)
{
	cispref__strmap_init(&out->by_id, dnode_key);
	size_t total = node_total(ref);
	out->items = calloc(total ? total : 1, sizeof *out->items);
	if (!out->items || cispref__strmap_reserve(&out->by_id, total) != 0)
		return CISPREF_ENOMEM;
	for (size_t d = 0; d < ref->domains.count; d++)
		add_domain(out, ref->domains.items[d], d);
	add_shared(out, ref);
	/* The list is complete: its addresses no longer move, the map may point into it.
	 * The caller refused duplicate ids, so every add adds. */
	for (size_t i = 0; i < out->count; i++)
		if (cispref__strmap_add(&out->by_id, &out->items[i]) < 0)
			return CISPREF_ENOMEM;
	return CISPREF_OK;
}

void cispref__diff_nodes_free(dnodes *nodes)
{
	free(nodes->items);
	cispref__strmap_free(&nodes->by_id);
	nodes->items = NULL;
	nodes->count = 0;
}
