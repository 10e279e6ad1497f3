/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The CASE 1.1 export (CFPackage JSON), written with json.c in a fixed key order so that
 * the same referential gives the same bytes. The mapping is doc/interchange.md's "CASE":
 * one CFItem per domain, plan, competence and item, typed by six CFItemTypes; the tree as
 * isChildOf associations with sequence numbers; concepts as CFConcepts that items name
 * by conceptKeywordsURI; what CASE has no field for under `extensions.cispref`, which
 * case_read.c reads back. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_private.h"
#include "identity.h"
#include "json.h"

typedef struct writer {
	json j;
	const cispref_referential *ref;
	char stamp[32]; /* every lastChangeDateTime */
	/* The package's namespace and base URI: the referential's, or for a translated view
	 * (cispref_referential_translated_from()) a namespace of its own and none, so that
	 * the translation's identifiers and URIs are not the source package's. */
	char ns[CISPREF_UUID_STRING_SIZE];
	const char *base_uri;
} writer;

const case_item_type cispref__case_item_types[CASE_ROLE_COUNT] = {
	[CASE_DOMAIN] = {"Domain", "domain", "A domain of the referential."},
	[CASE_PLAN] = {"Plan", "plan", "A plan of a domain: where the competences are exercised."},
	[CASE_COMPETENCE] = {"Competence", "competence", "A competence."},
	[CASE_SAVOIR_FAIRE] = {"Savoir-faire", "savoir-faire", "A savoir-faire (know-how)."},
	[CASE_SAVOIR_FAIRE_COMPORTEMENTAL] = {"Savoir-faire comportemental",
	                                      "savoir-faire-comportemental",
	                                      "A savoir-faire comportemental (behaviour)."},
	[CASE_SAVOIR] = {"Savoir", "savoir", "A savoir (knowledge)."},
};

/* ---- timestamps ------------------------------------------------------------------ */

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* The referential's source date ("2020", "2020-12" or "2020-12-05", the first day of
 * what it names) as an RFC 3339 timestamp at midnight UTC, or CASE_DEFAULT_STAMP when it
 * has none or another form: a date from the referential rather than the clock, so that an
 * export is the same bytes every time. */
static void stamp_of(char out[32], const cispref_referential *ref)
{
	static const int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	const char *d = ref->source[CISPREF_SOURCE_DATE];
	int year = 0, month = 1, day = 1;
	size_t n = d ? strlen(d) : 0;
	int ok = (n == 4 || n == 7 || n == 10) && digits(d, 4);
	if (ok && n >= 7)
		ok = d[4] == '-' && digits(d + 5, 2);
	if (ok && n == 10)
		ok = d[7] == '-' && digits(d + 8, 2);
	if (ok) {
		year = atoi(d);
		month = n >= 7 ? atoi(d + 5) : 1;
		day = n == 10 ? atoi(d + 8) : 1;
		int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
		ok = month >= 1 && month <= 12 && day >= 1 && day <= month_days[month - 1] &&
		     !(month == 2 && day == 29 && !leap);
	}
	if (ok)
		snprintf(out, 32, "%04d-%02d-%02dT00:00:00+00:00", year % 10000, month % 100,
		         day % 100); /* 4 digits each way: the moduli tell the compiler */
	else
		snprintf(out, 32, "%s", CASE_DEFAULT_STAMP);
}

/* ---- identity -------------------------------------------------------------------- */

/* A thing's UUID (a node's, or a name of ours with a ':', which no id holds) and its URI:
 * a node's URI when the referential has a base URI, else the URN of the UUID (always, for
 * the associations and item types, which have no page of their own). */
static void identify(writer *w, const char *name, char uuid[CISPREF_UUID_STRING_SIZE],
                     char **uri)
{
	cispref__identity_uuid5(uuid, w->ns, name);
	*uri = NULL;
	if (w->base_uri && !strchr(name, ':') &&
	    cispref__identity_node_uri(uri, w->ref, name) != CISPREF_OK)
		w->j.failed = 1;
	if (!*uri && !w->j.failed) {
		*uri = malloc(sizeof "urn:uuid:" + CISPREF_UUID_STRING_SIZE);
		if (*uri)
			snprintf(*uri, sizeof "urn:uuid:" + CISPREF_UUID_STRING_SIZE, "urn:uuid:%s",
			         uuid);
		else
			w->j.failed = 1;
	}
}

static void member(writer *w, const char *key, const char *value, int first)
{
	cispref__json_key(&w->j, key, first);
	cispref__json_string(&w->j, value);
}

/* A LinkURI / LinkGenURI: the title, identifier and URI of what it names. */
static void link(writer *w, const char *key, const char *title, const char *name)
{
	char uuid[CISPREF_UUID_STRING_SIZE], *uri = NULL;
	identify(w, name, uuid, &uri);
	cispref__json_key(&w->j, key, 0);
	cispref__json_open(&w->j, "{");
	member(w, "title", title, 1);
	member(w, "identifier", uuid, 0);
	member(w, "uri", uri, 0);
	cispref__json_close(&w->j, "}", 0);
	free(uri);
}

/* The link to the CFDocument, whose identifier is the namespace itself. */
static void document_link(writer *w, const char *key)
{
	char urn[sizeof "urn:uuid:" + CISPREF_UUID_STRING_SIZE];
	snprintf(urn, sizeof urn, "urn:uuid:%s", w->ns);
	cispref__json_key(&w->j, key, 0);
	cispref__json_open(&w->j, "{");
	member(w, "title", w->ref->title, 1);
	member(w, "identifier", w->ns, 0);
	member(w, "uri", w->base_uri ? w->base_uri : urn, 0);
	cispref__json_close(&w->j, "}", 0);
}

static void type_name(char *out, size_t size, case_role role)
{
	snprintf(out, size, "%s%s", CASE_TYPE_PREFIX, cispref__case_item_types[role].code);
}

/* ---- CFDocument ------------------------------------------------------------------ */

static void document(writer *w)
{
	const cispref_referential *ref = w->ref;
	const char *publisher = ref->source[CISPREF_SOURCE_PUBLISHER];
	char urn[sizeof "urn:uuid:" + CISPREF_UUID_STRING_SIZE];
	snprintf(urn, sizeof urn, "urn:uuid:%s", w->ns);
	cispref__json_key(&w->j, "CFDocument", 1);
	cispref__json_open(&w->j, "{");
	member(w, "identifier", w->ns, 1);
	member(w, "uri", w->base_uri ? w->base_uri : urn, 0);
	/* required: the publisher when the source names one, else the referential's id */
	member(w, "creator", publisher ? publisher : ref->id, 0);
	member(w, "title", ref->title, 0);
	member(w, "lastChangeDateTime", w->stamp, 0);
	if (publisher)
		member(w, "publisher", publisher, 0);
	member(w, "language", ref->language, 0);
	member(w, "version", ref->version, 0);
	member(w, "caseVersion", "1.1", 0);
	cispref__json_key(&w->j, "extensions", 0);
	cispref__json_open(&w->j, "{");
	cispref__json_key(&w->j, CASE_EXTENSION, 1);
	cispref__json_open(&w->j, "{");
	member(w, "format", CASE_EXTENSION_FORMAT, 1);
	member(w, "id", ref->id, 0);
	member(w, "baseURI", w->base_uri, 0);
	cispref__json_key(&w->j, "source", 0);
	cispref__json_open(&w->j, "{");
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
		member(w, cispref_source_field_name((cispref_source_field_t)f), ref->source[f],
		       f == 0);
	cispref__json_close(&w->j, "}", 0);
	cispref__json_key(&w->j, "notes", 0);
	cispref__json_open(&w->j, "[");
	for (size_t i = 0; i < ref->notes.count; i++) {
		const cispref_note *n = ref->notes.items[i];
		cispref__json_element(&w->j, i);
		cispref__json_open(&w->j, "{");
		member(w, "id", n->node.id, 1);
		member(w, "number", n->number, 0);
		member(w, "text", n->text, 0);
		cispref__json_close(&w->j, "}", 0);
	}
	cispref__json_close(&w->j, "]", ref->notes.count == 0);
	cispref__json_close(&w->j, "}", 0);
	cispref__json_close(&w->j, "}", 0);
	cispref__json_close(&w->j, "}", 0);
}

/* ---- CFItems --------------------------------------------------------------------- */

/* The members every CFItem starts with. */
static void item_head(writer *w, size_t *count, const node *n, case_role role,
                      const char *statement)
{
	char uuid[CISPREF_UUID_STRING_SIZE], *uri = NULL, type[64];
	identify(w, n->id, uuid, &uri);
	type_name(type, sizeof type, role);
	cispref__json_element(&w->j, (*count)++);
	cispref__json_open(&w->j, "{");
	member(w, "identifier", uuid, 1);
	member(w, "uri", uri, 0);
	member(w, "fullStatement", statement, 0);
	member(w, "humanCodingScheme", n->id, 0);
	member(w, "CFItemType", cispref__case_item_types[role].title, 0);
	link(w, "CFItemTypeURI", cispref__case_item_types[role].title, type);
	member(w, "language", w->ref->language, 0);
	member(w, "lastChangeDateTime", w->stamp, 0);
	free(uri);
}

/* The competence's notes as a reader of CASE sees them: "NUMBER. text", one a
 * paragraph. Notes no node holds are left out (their ids stay in the extension). */
static char *notes_text(const cispref_competence *c)
{
	xmlBufferPtr b = cispref__buffer_new();
	for (size_t i = 0; b && i < c->note_ids.count; i++) {
		const void *n = cispref__find(c->plan->domain->ref, c->note_ids.items[i]);
		if (!n || ((const node *)n)->type != NODE_NOTE)
			continue;
		const cispref_note *note = n;
		if (xmlBufferLength(b))
			xmlBufferCCat(b, "\n\n");
		xmlBufferCCat(b, note->number);
		xmlBufferCCat(b, ". ");
		xmlBufferCCat(b, note->text);
	}
	char *text = b ? strdup((const char *)xmlBufferContent(b)) : NULL;
	xmlBufferFree(b);
	return text;
}

static void extension_open(writer *w)
{
	cispref__json_key(&w->j, "extensions", 0);
	cispref__json_open(&w->j, "{");
	cispref__json_key(&w->j, CASE_EXTENSION, 1);
	cispref__json_open(&w->j, "{");
}

static void extension_close(writer *w)
{
	cispref__json_close(&w->j, "}", 0);
	cispref__json_close(&w->j, "}", 0);
}

static void domain_item(writer *w, size_t *count, const cispref_domain *d)
{
	item_head(w, count, &d->node, CASE_DOMAIN, d->title);
	extension_open(w);
	member(w, "kind", cispref_domain_kind_name(d->kind), 1);
	cispref__json_key(&w->j, "summary", 0);
	cispref__json_open(&w->j, "[");
	for (size_t i = 0; i < d->summary.count; i++) {
		const cispref_summary_entry *e = d->summary.items[i];
		cispref__json_element(&w->j, i);
		cispref__json_open(&w->j, "{");
		member(w, "id", e->node.id, 1);
		member(w, "plan", cispref_plan_kind_name(e->plan_kind), 0);
		member(w, "text", e->text, 0);
		member(w, "competence", e->competence_id, 0);
		cispref__json_close(&w->j, "}", 0);
	}
	cispref__json_close(&w->j, "]", d->summary.count == 0);
	extension_close(w);
	cispref__json_close(&w->j, "}", 0);
}

static void plan_item(writer *w, size_t *count, const cispref_plan *p)
{
	item_head(w, count, &p->node, CASE_PLAN, p->title);
	extension_open(w);
	member(w, "kind", cispref_plan_kind_name(p->kind), 1);
	extension_close(w);
	cispref__json_close(&w->j, "}", 0);
}

static void competence_item(writer *w, size_t *count, const cispref_competence *c)
{
	item_head(w, count, &c->node, CASE_COMPETENCE, c->title);
	if (c->note_ids.count) {
		char *text = notes_text(c);
		if (!text)
			w->j.failed = 1;
		else if (*text)
			member(w, "notes", text, 0);
		free(text);
	}
	extension_open(w);
	cispref__json_key(&w->j, "notes", 1);
	cispref__json_open(&w->j, "[");
	for (size_t i = 0; i < c->note_ids.count; i++) {
		cispref__json_element(&w->j, i);
		cispref__json_string(&w->j, c->note_ids.items[i]);
	}
	cispref__json_close(&w->j, "]", c->note_ids.count == 0);
	extension_close(w);
	cispref__json_close(&w->j, "}", 0);
}

static void item_item(writer *w, size_t *count, const cispref_item *it)
{
	item_head(w, count, &it->node, CASE_SAVOIR_FAIRE + (case_role)it->node.kind, it->text);
	const void *c = it->concept_id ? cispref__find(w->ref, it->concept_id) : NULL;
	if (c && ((const node *)c)->type == NODE_CONCEPT)
		link(w, "conceptKeywordsURI", ((const cispref_concept *)c)->label, it->concept_id);
	cispref__json_close(&w->j, "}", 0);
}

static void items(writer *w)
{
	size_t count = 0;
	cispref__json_key(&w->j, "CFItems", 0);
	cispref__json_open(&w->j, "[");
	for (size_t d = 0; d < w->ref->domains.count; d++) {
		const cispref_domain *domain = w->ref->domains.items[d];
		domain_item(w, &count, domain);
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			plan_item(w, &count, plan);
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				competence_item(w, &count, comp);
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
					for (size_t i = 0; i < comp->items[k].count; i++)
						item_item(w, &count, comp->items[k].items[i]);
			}
		}
	}
	cispref__json_close(&w->j, "]", count == 0);
}

/* ---- CFAssociations -------------------------------------------------------------- */

/* @child isChildOf @parent (NULL: the document), @sequence among its siblings (from 1). */
static void child_of(writer *w, size_t *count, const node *child, const char *child_title,
                     const node *parent, const char *parent_title, size_t sequence)
{
	char uuid[CISPREF_UUID_STRING_SIZE], *uri = NULL;
	size_t size = sizeof "isChildOf:" + strlen(child->id);
	char *name = malloc(size);
	if (!name) {
		w->j.failed = 1;
		return;
	}
	snprintf(name, size, "isChildOf:%s", child->id);
	identify(w, name, uuid, &uri);
	free(name);
	cispref__json_element(&w->j, (*count)++);
	cispref__json_open(&w->j, "{");
	member(w, "identifier", uuid, 1);
	member(w, "uri", uri, 0);
	member(w, "associationType", "isChildOf", 0);
	cispref__json_key(&w->j, "sequenceNumber", 0);
	char number[32];
	snprintf(number, sizeof number, "%zu", sequence);
	cispref__json_raw(&w->j, number);
	link(w, "originNodeURI", child_title, child->id);
	if (parent)
		link(w, "destinationNodeURI", parent_title, parent->id);
	else
		document_link(w, "destinationNodeURI");
	member(w, "lastChangeDateTime", w->stamp, 0);
	cispref__json_close(&w->j, "}", 0);
	free(uri);
}

/* The title a CFItem of @n has, or NULL when @n is no CFItem (a concept, a note, a
 * summary entry). */
static const char *item_title(const node *n)
{
	switch (n->type) {
	case NODE_DOMAIN: return ((const cispref_domain *)n)->title;
	case NODE_PLAN: return ((const cispref_plan *)n)->title;
	case NODE_COMPETENCE: return ((const cispref_competence *)n)->title;
	case NODE_ITEM: return ((const cispref_item *)n)->text;
	default: return NULL;
	}
}

/* @n replacedBy its replacement (doc/format.md, "Editions"), when both are CFItems: the
 * identifier is the UUID of "replacedBy:" and the id, as isChildOf's are. */
static void replaced_by(writer *w, size_t *count, const node *n)
{
	const edition_link *e = cispref__edition_of(w->ref, n);
	const node *to = e && e->replaced_by ? cispref__find(w->ref, e->replaced_by) : NULL;
	if (!to || !item_title(to))
		return;
	char uuid[CISPREF_UUID_STRING_SIZE], *uri = NULL;
	size_t size = sizeof "replacedBy:" + strlen(n->id);
	char *name = malloc(size);
	if (!name) {
		w->j.failed = 1;
		return;
	}
	snprintf(name, size, "replacedBy:%s", n->id);
	identify(w, name, uuid, &uri);
	free(name);
	cispref__json_element(&w->j, (*count)++);
	cispref__json_open(&w->j, "{");
	member(w, "identifier", uuid, 1);
	member(w, "uri", uri, 0);
	member(w, "associationType", "replacedBy", 0);
	link(w, "originNodeURI", item_title(n), n->id);
	link(w, "destinationNodeURI", item_title(to), to->id);
	member(w, "lastChangeDateTime", w->stamp, 0);
	cispref__json_close(&w->j, "}", 0);
	free(uri);
}

/* The replacedBy associations of the CFItems, in document order. */
static void replacements(writer *w, size_t *count)
{
	if (w->ref->editions.count == 0)
		return;
	for (size_t d = 0; d < w->ref->domains.count; d++) {
		const cispref_domain *domain = w->ref->domains.items[d];
		replaced_by(w, count, &domain->node);
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			replaced_by(w, count, &plan->node);
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				replaced_by(w, count, &comp->node);
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
					for (size_t i = 0; i < comp->items[k].count; i++)
						replaced_by(w, count, &((const cispref_item *)comp->items[k].items[i])->node);
			}
		}
	}
}

/* ---- translations ---------------------------------------------------------------- */

/* @n isTranslationOf the same node in the source package: the one the referential's
 * own namespace and base URI name (what the export of the source referential writes).
 * Its identifier is the UUID of "isTranslationOf:" and the id. The destination's title
 * is the text in this package's language: the view holds no other. */
static void translation_of(writer *w, size_t *count, const node *n)
{
	char uuid[CISPREF_UUID_STRING_SIZE], source[CISPREF_UUID_STRING_SIZE], *uri = NULL;
	char *source_uri = NULL;
	size_t size = sizeof "isTranslationOf:" + strlen(n->id);
	char *name = malloc(size);
	if (!name || cispref__identity_node_uri(&source_uri, w->ref, n->id) != CISPREF_OK) {
		free(name);
		w->j.failed = 1;
		return;
	}
	snprintf(name, size, "isTranslationOf:%s", n->id);
	identify(w, name, uuid, &uri);
	free(name);
	cispref__identity_node_uuid(source, w->ref, n->id);
	char urn[sizeof "urn:uuid:" + CISPREF_UUID_STRING_SIZE];
	snprintf(urn, sizeof urn, "urn:uuid:%s", source);
	cispref__json_element(&w->j, (*count)++);
	cispref__json_open(&w->j, "{");
	member(w, "identifier", uuid, 1);
	member(w, "uri", uri, 0);
	member(w, "associationType", "isTranslationOf", 0);
	link(w, "originNodeURI", item_title(n), n->id);
	cispref__json_key(&w->j, "destinationNodeURI", 0);
	cispref__json_open(&w->j, "{");
	member(w, "title", item_title(n), 1);
	member(w, "identifier", source, 0);
	member(w, "uri", source_uri ? source_uri : urn, 0);
	cispref__json_close(&w->j, "}", 0);
	member(w, "lastChangeDateTime", w->stamp, 0);
	cispref__json_close(&w->j, "}", 0);
	free(uri);
	free(source_uri);
}

/* The isTranslationOf associations of a translated view's CFItems, in document order. */
static void translations(writer *w, size_t *count)
{
	if (!w->ref->translated_from)
		return;
	for (size_t d = 0; d < w->ref->domains.count; d++) {
		const cispref_domain *domain = w->ref->domains.items[d];
		translation_of(w, count, &domain->node);
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			translation_of(w, count, &plan->node);
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				translation_of(w, count, &comp->node);
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
					for (size_t i = 0; i < comp->items[k].count; i++)
						translation_of(w, count, &((const cispref_item *)comp->items[k].items[i])->node);
			}
		}
	}
}

static void associations(writer *w)
{
	size_t count = 0;
	cispref__json_key(&w->j, "CFAssociations", 0);
	cispref__json_open(&w->j, "[");
	for (size_t d = 0; d < w->ref->domains.count; d++) {
		const cispref_domain *domain = w->ref->domains.items[d];
		child_of(w, &count, &domain->node, domain->title, NULL, NULL, d + 1);
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			child_of(w, &count, &plan->node, plan->title, &domain->node, domain->title,
			         p + 1);
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				child_of(w, &count, &comp->node, comp->title, &plan->node, plan->title,
				         c + 1);
				size_t sequence = 0; /* the three lists one after the other */
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
					for (size_t i = 0; i < comp->items[k].count; i++) {
						const cispref_item *it = comp->items[k].items[i];
						child_of(w, &count, &it->node, it->text, &comp->node, comp->title,
						         ++sequence);
					}
			}
		}
	}
	replacements(w, &count);
	translations(w, &count);
	cispref__json_close(&w->j, "]", count == 0);
}

/* ---- CFDefinitions --------------------------------------------------------------- */

static void definitions(writer *w)
{
	cispref__json_key(&w->j, "CFDefinitions", 0);
	cispref__json_open(&w->j, "{");
	cispref__json_key(&w->j, "CFConcepts", 1);
	cispref__json_open(&w->j, "[");
	for (size_t i = 0; i < w->ref->concepts.count; i++) {
		const cispref_concept *c = w->ref->concepts.items[i];
		char uuid[CISPREF_UUID_STRING_SIZE], *uri = NULL;
		identify(w, c->node.id, uuid, &uri);
		cispref__json_element(&w->j, i);
		cispref__json_open(&w->j, "{");
		member(w, "identifier", uuid, 1);
		member(w, "uri", uri, 0);
		member(w, "title", c->label, 0);
		member(w, "hierarchyCode", c->node.id, 0);
		member(w, "lastChangeDateTime", w->stamp, 0);
		extension_open(w);
		member(w, "kind", cispref_item_kind_name(c->kind), 1);
		extension_close(w);
		cispref__json_close(&w->j, "}", 0);
		free(uri);
	}
	cispref__json_close(&w->j, "]", w->ref->concepts.count == 0);
	cispref__json_key(&w->j, "CFItemTypes", 0);
	cispref__json_open(&w->j, "[");
	for (int r = 0; r < CASE_ROLE_COUNT; r++) {
		char type[64], uuid[CISPREF_UUID_STRING_SIZE], *uri = NULL;
		type_name(type, sizeof type, (case_role)r);
		identify(w, type, uuid, &uri);
		cispref__json_element(&w->j, (size_t)r);
		cispref__json_open(&w->j, "{");
		member(w, "identifier", uuid, 1);
		member(w, "uri", uri, 0);
		member(w, "title", cispref__case_item_types[r].title, 0);
		member(w, "description", cispref__case_item_types[r].description, 0);
		char code[8];
		snprintf(code, sizeof code, "%d", r + 1);
		member(w, "hierarchyCode", code, 0);
		member(w, "typeCode", cispref__case_item_types[r].code, 0);
		member(w, "lastChangeDateTime", w->stamp, 0);
		cispref__json_close(&w->j, "}", 0);
		free(uri);
	}
	cispref__json_close(&w->j, "]", 0);
	cispref__json_close(&w->j, "}", 0);
}

/* The package's namespace: the referential's; for a translated view, the version-5
 * UUID of its language tag in lower case (tags ignore case) in the referential's
 * namespace, the identifier of the source package's CFDocument. Every other identifier
 * derives from it as in any package, so the translation reads back as a referential of
 * its own; its URIs are all UUID URNs, since the base URI names the source's nodes. */
static void package_identity(writer *w)
{
	const cispref_referential *ref = w->ref;
	if (!ref->translated_from) {
		memcpy(w->ns, ref->uuid, sizeof w->ns);
		return;
	}
	char tag[256]; /* RFC 5646 section 4.4.1 asks for 35 at least */
	size_t i = 0;
	for (; ref->language[i] && i < sizeof tag - 1; i++)
		tag[i] = (char)tolower((unsigned char)ref->language[i]);
	tag[i] = '\0';
	cispref__identity_uuid5(w->ns, ref->uuid, tag);
	w->base_uri = NULL;
}

int cispref__case_write(xmlBufferPtr out, const cispref_referential *ref,
                        cispref_error *error)
{
	writer w = {{out, 0, 0}, ref, {0}, {0}, ref->base_uri};
	stamp_of(w.stamp, ref);
	package_identity(&w);
	cispref__json_open(&w.j, "{");
	document(&w);
	items(&w);
	associations(&w);
	definitions(&w);
	cispref__json_close(&w.j, "}", 0);
	cispref__json_raw(&w.j, "\n");
	if (w.j.failed) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}
