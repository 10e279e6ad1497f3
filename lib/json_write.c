/* The cispref-json export (format_version 1): keys always present, in the contract's
 * order, two-space indentation. */
#include <stdio.h>
#include <string.h>

#include "private.h"

typedef struct json {
	xmlBufferPtr out;
	int depth;
	int failed;
} json;

static void raw(json *j, const char *s)
{
	if (!j->failed && xmlBufferCat(j->out, (const xmlChar *)s) != 0)
		j->failed = 1;
}

static void raw_len(json *j, const char *s, size_t len)
{
	if (!j->failed && len && xmlBufferAdd(j->out, (const xmlChar *)s, (int)len) != 0)
		j->failed = 1;
}

static void newline(json *j)
{
	raw(j, "\n");
	for (int i = 0; i < j->depth; i++)
		raw(j, "  ");
}

/* A JSON string: quotes, backslashes and control characters escaped; everything else,
 * non-ASCII included, copied as UTF-8. NULL becomes null. */
static void string(json *j, const char *s)
{
	if (!s) {
		raw(j, "null");
		return;
	}
	raw(j, "\"");
	const char *run = s;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		const char *escape = NULL;
		char hex[8];
		switch (c) {
		case '"': escape = "\\\""; break;
		case '\\': escape = "\\\\"; break;
		case '\n': escape = "\\n"; break;
		case '\r': escape = "\\r"; break;
		case '\t': escape = "\\t"; break;
		case '\b': escape = "\\b"; break;
		case '\f': escape = "\\f"; break;
		default:
			if (c < 0x20) {
				snprintf(hex, sizeof hex, "\\u%04x", c);
				escape = hex;
			}
		}
		if (escape) {
			raw_len(j, run, (size_t)(p - run));
			raw(j, escape);
			run = p + 1;
		}
	}
	raw(j, run);
	raw(j, "\"");
}

/* Open a member: a comma before all but the first, then the key. */
static void key(json *j, const char *name, int first)
{
	if (!first)
		raw(j, ",");
	newline(j);
	string(j, name);
	raw(j, ": ");
}

static void json_open(json *j, const char *bracket)
{
	raw(j, bracket);
	j->depth++;
}

static void json_close(json *j, const char *bracket, int empty)
{
	j->depth--;
	if (!empty)
		newline(j);
	raw(j, bracket);
}

static void element_start(json *j, size_t index)
{
	if (index)
		raw(j, ",");
	newline(j);
}

static void items(json *j, const vec *list)
{
	json_open(j, "[");
	for (size_t i = 0; i < list->count; i++) {
		const cispref_item *item = list->items[i];
		element_start(j, i);
		json_open(j, "{");
		key(j, "id", 1);
		string(j, item->node.id);
		key(j, "text", 0);
		string(j, item->text);
		key(j, "concept", 0);
		string(j, item->concept_id);
		json_close(j, "}", 0);
	}
	json_close(j, "]", list->count == 0);
}

static void competence(json *j, const cispref_competence *c)
{
	static const char *const list_keys[CISPREF_ITEM_KIND_COUNT] = {
		"savoir_faire", "savoir_faire_comportementaux", "savoirs"};
	json_open(j, "{");
	key(j, "id", 1);
	string(j, c->node.id);
	key(j, "title", 0);
	string(j, c->title);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		key(j, list_keys[k], 0);
		items(j, &c->items[k]);
	}
	key(j, "notes", 0);
	json_open(j, "[");
	for (size_t n = 0; n < c->note_ids.count; n++) {
		element_start(j, n);
		string(j, c->note_ids.items[n]);
	}
	json_close(j, "]", c->note_ids.count == 0);
	json_close(j, "}", 0);
}

static void plan(json *j, const cispref_plan *p)
{
	json_open(j, "{");
	key(j, "id", 1);
	string(j, p->node.id);
	key(j, "kind", 0);
	string(j, cispref_plan_kind_name(p->kind));
	key(j, "title", 0);
	string(j, p->title);
	key(j, "competences", 0);
	json_open(j, "[");
	for (size_t c = 0; c < p->competences.count; c++) {
		element_start(j, c);
		competence(j, p->competences.items[c]);
	}
	json_close(j, "]", p->competences.count == 0);
	json_close(j, "}", 0);
}

static void domain(json *j, const cispref_domain *d)
{
	json_open(j, "{");
	key(j, "id", 1);
	string(j, d->node.id);
	key(j, "kind", 0);
	string(j, cispref_domain_kind_name(d->kind));
	key(j, "title", 0);
	string(j, d->title);
	key(j, "summary", 0);
	json_open(j, "[");
	for (size_t e = 0; e < d->summary.count; e++) {
		const cispref_summary_entry *entry = d->summary.items[e];
		element_start(j, e);
		json_open(j, "{");
		key(j, "plan", 1);
		string(j, cispref_plan_kind_name(entry->plan_kind));
		key(j, "text", 0);
		string(j, entry->text);
		key(j, "competence", 0);
		string(j, entry->competence_id);
		json_close(j, "}", 0);
	}
	json_close(j, "]", d->summary.count == 0);
	key(j, "plans", 0);
	json_open(j, "[");
	for (size_t p = 0; p < d->plans.count; p++) {
		element_start(j, p);
		plan(j, d->plans.items[p]);
	}
	json_close(j, "]", d->plans.count == 0);
	json_close(j, "}", 0);
}

static void concepts_and_notes(json *j, const cispref_referential *ref)
{
	key(j, "concepts", 0);
	json_open(j, "[");
	for (size_t i = 0; i < ref->concepts.count; i++) {
		const cispref_concept *c = ref->concepts.items[i];
		element_start(j, i);
		json_open(j, "{");
		key(j, "id", 1);
		string(j, c->node.id);
		key(j, "kind", 0);
		string(j, cispref_item_kind_name(c->kind));
		key(j, "label", 0);
		string(j, c->label);
		json_close(j, "}", 0);
	}
	json_close(j, "]", ref->concepts.count == 0);
	key(j, "notes", 0);
	json_open(j, "[");
	for (size_t i = 0; i < ref->notes.count; i++) {
		const cispref_note *n = ref->notes.items[i];
		element_start(j, i);
		json_open(j, "{");
		key(j, "id", 1);
		string(j, n->node.id);
		key(j, "number", 0);
		string(j, n->number);
		key(j, "text", 0);
		string(j, n->text);
		json_close(j, "}", 0);
	}
	json_close(j, "]", ref->notes.count == 0);
}

int cispref__json_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	json j = {out, 0, 0};
	json_open(&j, "{");
	key(&j, "format", 1);
	string(&j, "cispref-json");
	key(&j, "format_version", 0);
	raw(&j, "1");
	key(&j, "id", 0);
	string(&j, ref->id);
	key(&j, "title", 0);
	string(&j, ref->title);
	key(&j, "version", 0);
	string(&j, ref->version);
	key(&j, "language", 0);
	string(&j, ref->language);
	key(&j, "domains", 0);
	json_open(&j, "[");
	for (size_t d = 0; d < ref->domains.count; d++) {
		element_start(&j, d);
		domain(&j, ref->domains.items[d]);
	}
	json_close(&j, "]", ref->domains.count == 0);
	concepts_and_notes(&j, ref);
	json_close(&j, "}", 0);
	raw(&j, "\n");
	if (j.failed) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}
