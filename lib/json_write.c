/* The cispref-json export (format_version 1): keys always present, in the contract's
 * order, two-space indentation. */
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "private.h"

static void items(json *j, const vec *list)
{
	json_open(j, "[");
	for (size_t i = 0; i < list->count; i++) {
		const cispref_item *item = list->items[i];
		json_element(j, i);
		json_open(j, "{");
		json_key(j, "id", 1);
		json_string(j, item->node.id);
		json_key(j, "text", 0);
		json_string(j, item->text);
		json_key(j, "concept", 0);
		json_string(j, item->concept_id);
		json_close(j, "}", 0);
	}
	json_close(j, "]", list->count == 0);
}

static void competence(json *j, const cispref_competence *c)
{
	static const char *const list_keys[CISPREF_ITEM_KIND_COUNT] = {
		"savoir_faire", "savoir_faire_comportementaux", "savoirs"};
	json_open(j, "{");
	json_key(j, "id", 1);
	json_string(j, c->node.id);
	json_key(j, "title", 0);
	json_string(j, c->title);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		json_key(j, list_keys[k], 0);
		items(j, &c->items[k]);
	}
	json_key(j, "notes", 0);
	json_open(j, "[");
	for (size_t n = 0; n < c->note_ids.count; n++) {
		json_element(j, n);
		json_string(j, c->note_ids.items[n]);
	}
	json_close(j, "]", c->note_ids.count == 0);
	json_close(j, "}", 0);
}

static void plan(json *j, const cispref_plan *p)
{
	json_open(j, "{");
	json_key(j, "id", 1);
	json_string(j, p->node.id);
	json_key(j, "kind", 0);
	json_string(j, cispref_plan_kind_name(p->kind));
	json_key(j, "title", 0);
	json_string(j, p->title);
	json_key(j, "competences", 0);
	json_open(j, "[");
	for (size_t c = 0; c < p->competences.count; c++) {
		json_element(j, c);
		competence(j, p->competences.items[c]);
	}
	json_close(j, "]", p->competences.count == 0);
	json_close(j, "}", 0);
}

static void domain(json *j, const cispref_domain *d)
{
	json_open(j, "{");
	json_key(j, "id", 1);
	json_string(j, d->node.id);
	json_key(j, "kind", 0);
	json_string(j, cispref_domain_kind_name(d->kind));
	json_key(j, "title", 0);
	json_string(j, d->title);
	json_key(j, "summary", 0);
	json_open(j, "[");
	for (size_t e = 0; e < d->summary.count; e++) {
		const cispref_summary_entry *entry = d->summary.items[e];
		json_element(j, e);
		json_open(j, "{");
		json_key(j, "plan", 1);
		json_string(j, cispref_plan_kind_name(entry->plan_kind));
		json_key(j, "text", 0);
		json_string(j, entry->text);
		json_key(j, "competence", 0);
		json_string(j, entry->competence_id);
		json_close(j, "}", 0);
	}
	json_close(j, "]", d->summary.count == 0);
	json_key(j, "plans", 0);
	json_open(j, "[");
	for (size_t p = 0; p < d->plans.count; p++) {
		json_element(j, p);
		plan(j, d->plans.items[p]);
	}
	json_close(j, "]", d->plans.count == 0);
	json_close(j, "}", 0);
}

static void concepts_and_notes(json *j, const cispref_referential *ref)
{
	json_key(j, "concepts", 0);
	json_open(j, "[");
	for (size_t i = 0; i < ref->concepts.count; i++) {
		const cispref_concept *c = ref->concepts.items[i];
		json_element(j, i);
		json_open(j, "{");
		json_key(j, "id", 1);
		json_string(j, c->node.id);
		json_key(j, "kind", 0);
		json_string(j, cispref_item_kind_name(c->kind));
		json_key(j, "label", 0);
		json_string(j, c->label);
		json_close(j, "}", 0);
	}
	json_close(j, "]", ref->concepts.count == 0);
	json_key(j, "notes", 0);
	json_open(j, "[");
	for (size_t i = 0; i < ref->notes.count; i++) {
		const cispref_note *n = ref->notes.items[i];
		json_element(j, i);
		json_open(j, "{");
		json_key(j, "id", 1);
		json_string(j, n->node.id);
		json_key(j, "number", 0);
		json_string(j, n->number);
		json_key(j, "text", 0);
		json_string(j, n->text);
		json_close(j, "}", 0);
	}
	json_close(j, "]", ref->notes.count == 0);
}

int cispref__json_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	json j = {out, 0, 0};
	json_open(&j, "{");
	json_key(&j, "format", 1);
	json_string(&j, "cispref-json");
	json_key(&j, "format_version", 0);
	json_raw(&j, "1");
	json_key(&j, "id", 0);
	json_string(&j, ref->id);
	json_key(&j, "title", 0);
	json_string(&j, ref->title);
	json_key(&j, "version", 0);
	json_string(&j, ref->version);
	json_key(&j, "language", 0);
	json_string(&j, ref->language);
	json_key(&j, "domains", 0);
	json_open(&j, "[");
	for (size_t d = 0; d < ref->domains.count; d++) {
		json_element(&j, d);
		domain(&j, ref->domains.items[d]);
	}
	json_close(&j, "]", ref->domains.count == 0);
	concepts_and_notes(&j, ref);
	json_close(&j, "}", 0);
	json_raw(&j, "\n");
	if (j.failed) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}
