/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The model's nodes: creation, read accessors, lookup, comparison and release. */
#include <string.h>

#include "private.h"

/* ---- kind names ---------------------------------------------------------------- */

static const char *const domain_kind_names[] = {"core", "transversal"};
static const char *const plan_kind_names[] = {"individual", "collective", "internal",
                                              "external", "joint"};
static const char *const item_kind_names[] = {"savoir-faire", "savoir-faire-comportemental",
                                              "savoir"};
static const char *const source_field_names[] = {"publisher", "series", "number", "date",
                                                 "approval"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *name_of(const char *const *names, size_t count, int value)
{
	return value >= 0 && (size_t)value < count ? names[value] : NULL;
}

static int value_of(const char *const *names, size_t count, const char *name)
{
	for (size_t i = 0; name && i < count; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

const char *cispref_domain_kind_name(cispref_domain_kind_t kind)
{
	return name_of(domain_kind_names, COUNT(domain_kind_names), (int)kind);
}

const char *cispref_plan_kind_name(cispref_plan_kind_t kind)
{
	return name_of(plan_kind_names, COUNT(plan_kind_names), (int)kind);
}

const char *cispref_item_kind_name(cispref_item_kind_t kind)
{
	return name_of(item_kind_names, COUNT(item_kind_names), (int)kind);
}

const char *cispref_source_field_name(cispref_source_field_t field)
{
	return name_of(source_field_names, COUNT(source_field_names), (int)field);
}

/* Parse @name against @names: CISPREF_OK with @value set, or CISPREF_EARG. */
static int from_name(int *value, const char *const *names, size_t count, const char *name)
{
	int v = value_of(names, count, name);
	if (v < 0)
		return CISPREF_EARG;
	*value = v;
	return CISPREF_OK;
}

int cispref_domain_kind_from_name(cispref_domain_kind_t *out, const char *name)
{
	int v = 0;
	int rc = out ? from_name(&v, domain_kind_names, COUNT(domain_kind_names), name)
	             : CISPREF_EARG;
	if (rc == CISPREF_OK)
		*out = (cispref_domain_kind_t)v;
	return rc;
}

int cispref_plan_kind_from_name(cispref_plan_kind_t *out, const char *name)
{
	int v = 0;
	int rc = out ? from_name(&v, plan_kind_names, COUNT(plan_kind_names), name)
	             : CISPREF_EARG;
	if (rc == CISPREF_OK)
		*out = (cispref_plan_kind_t)v;
	return rc;
}

int cispref_item_kind_from_name(cispref_item_kind_t *out, const char *name)
{
	int v = 0;
	int rc = out ? from_name(&v, item_kind_names, COUNT(item_kind_names), name)
	             : CISPREF_EARG;
	if (rc == CISPREF_OK)
		*out = (cispref_item_kind_t)v;
	return rc;
}

/* ---- creation ------------------------------------------------------------------ */

/* The key of ref->editions: an edition_link begins with its id (private.h); read here
 * so that the model does not call the file of edition links, which calls the model. */
static const char *link_id(const void *link)
{
	return ((const edition_link *)link)->id;
}

/* The key of ref->translations: a translation begins with its node's id (private.h). */
static const char *translation_id(const void *t)
{
	return ((const translation *)t)->id;
}

cispref_referential *cispref__referential_create(void)
{
	arena *a = cispref__arena_new();
	if (!a)
		return NULL;
	cispref_referential *ref = cispref__arena_alloc(a, sizeof *ref);
	if (!ref) {
		cispref__arena_free(a);
		return NULL;
	}
	ref->arena = a;
	cispref__strmap_init(&ref->index, cispref__node_id);
	cispref__strmap_init(&ref->editions, link_id);
	cispref__strmap_init(&ref->translations, translation_id);
	ref->id = ref->title = ref->version = ref->language = "";
	return ref;
}

/* Allocate a node, copy its id and register it in the index (unless another node holds
 * the id already: the validator reports duplicates, the first one stays addressable). */
void *cispref__node_create(cispref_referential *ref, size_t size, node_type type,
                           const char *id, vec *parent_list)
{
	node *n = cispref__arena_alloc(ref->arena, size);
	if (!n || !(n->id = cispref__arena_strdup(ref->arena, id)) ||
	    cispref__vec_push(ref->arena, parent_list, n) != 0)
		return NULL;
	n->type = type;
	if (ref->pending) {
		long present = cispref__strmap_add_soon(&ref->index, ref->pending, n);
		if (present < 0)
			return NULL;
		ref->duplicate_ids += (size_t)present;
		return n;
	}
	int added = cispref__strmap_add(&ref->index, n);
	ref->duplicate_ids += added == 1;
	if (added < 0) {
		parent_list->count--;
		return NULL;
	}
	return n;
}

int cispref__index_pending(cispref_referential *ref)
{
	if (!ref->pending)
		return 0;
	long present = cispref__strmap_add_batch(&ref->index, ref->pending);
	ref->pending = NULL;
	if (present < 0)
		return -1;
	ref->duplicate_ids += (size_t)present;
	return 0;
}

/* Copy an optional text into the arena: NULL stays NULL, a failed copy is reported. */
static int copy_text(arena *a, const char **dest, const char *text)
{
	/* the loader creates every node with an empty text, which its end tag replaces: an
	 * empty text is not copied (half a million bytes and allocations at 500 000 items) */
	const char *copy = !text ? NULL : !*text ? "" : cispref__arena_strdup(a, text);
	if (text && !copy)
		return -1;
	*dest = copy;
	return 0;
}

cispref_domain *cispref__domain_create(cispref_referential *ref, const char *id,
                                       cispref_domain_kind_t kind, const char *title)
{
	cispref_domain *d = cispref__node_create(ref, sizeof *d, NODE_DOMAIN, id, &ref->domains);
	if (!d || copy_text(ref->arena, &d->title, title) != 0)
		return NULL;
	d->ref = ref;
	d->kind = kind;
	return d;
}

cispref_summary_entry *cispref__summary_entry_create(cispref_domain *domain, const char *id,
                                                     cispref_plan_kind_t kind,
                                                     const char *text,
                                                     const char *competence_id)
{
	arena *a = domain->ref->arena;
	cispref_summary_entry *e =
		cispref__node_create(domain->ref, sizeof *e, NODE_SUMMARY_ENTRY, id, &domain->summary);
	if (!e || copy_text(a, &e->text, text) != 0 ||
	    copy_text(a, &e->competence_id, competence_id) != 0)
		return NULL;
	e->domain = domain;
	e->plan_kind = kind;
	return e;
}

cispref_plan *cispref__plan_create(cispref_domain *domain, const char *id,
                                   cispref_plan_kind_t kind, const char *title)
{
	cispref_plan *p = cispref__node_create(domain->ref, sizeof *p, NODE_PLAN, id, &domain->plans);
	if (!p || copy_text(domain->ref->arena, &p->title, title) != 0)
		return NULL;
	p->domain = domain;
	p->kind = kind;
	return p;
}

cispref_competence *cispref__competence_create(cispref_plan *plan, const char *id,
                                               const char *title)
{
	cispref_referential *ref = plan->domain->ref;
	cispref_competence *c =
		cispref__node_create(ref, sizeof *c, NODE_COMPETENCE, id, &plan->competences);
	if (!c || copy_text(ref->arena, &c->title, title) != 0)
		return NULL;
	c->plan = plan;
	return c;
}

cispref_item *cispref__item_create(cispref_competence *competence, const char *id,
                                   cispref_item_kind_t kind, const char *text,
                                   const char *concept_id)
{
	cispref_referential *ref = competence->plan->domain->ref;
	cispref_item *it =
		cispref__node_create(ref, sizeof *it, NODE_ITEM, id, &competence->items[kind]);
	if (!it || copy_text(ref->arena, &it->text, text) != 0 ||
	    copy_text(ref->arena, &it->concept_id, concept_id) != 0)
		return NULL;
	it->competence = competence;
	it->node.kind = kind;
	return it;
}

int cispref__competence_add_note_id(cispref_competence *competence, const char *note_id)
{
	arena *a = competence->plan->domain->ref->arena;
	char *copy = cispref__arena_strdup(a, note_id);
	if (!copy || cispref__vec_push(a, &competence->note_ids, copy) != 0)
		return CISPREF_ENOMEM;
	return CISPREF_OK;
}

cispref_concept *cispref__concept_create(cispref_referential *ref, const char *id,
                                         cispref_item_kind_t kind, const char *label)
{
	cispref_concept *c = cispref__node_create(ref, sizeof *c, NODE_CONCEPT, id, &ref->concepts);
	if (!c || copy_text(ref->arena, &c->label, label) != 0)
		return NULL;
	c->ref = ref;
	c->kind = kind;
	return c;
}

cispref_note *cispref__note_create(cispref_referential *ref, const char *id,
                                   const char *number, const char *text)
{
	cispref_note *n = cispref__node_create(ref, sizeof *n, NODE_NOTE, id, &ref->notes);
	if (!n || copy_text(ref->arena, &n->number, number) != 0 ||
	    copy_text(ref->arena, &n->text, text) != 0)
		return NULL;
	n->ref = ref;
	return n;
}

void cispref_referential_free(cispref_referential *ref)
{
	if (!ref)
		return;
	cispref__strmap_free(&ref->index);
	cispref__strmap_free(&ref->editions);
	cispref__strmap_free(&ref->translations);
	cispref__strmap_free(&ref->far_columns); /* zeroed when never used */
	cispref__arena_free(ref->arena);
}

/* ---- lookup -------------------------------------------------------------------- */

node *cispref__find(const cispref_referential *ref, const char *id)
{
	if (!ref || !id)
		return NULL;
	return cispref__strmap_find(&ref->index, id);
}

const char *cispref__node_id(const void *n)
{
	return ((const node *)n)->id;
}

static void *find_typed(const cispref_referential *ref, const char *id, node_type type)
{
	node *n = cispref__find(ref, id);
	return n && n->type == type ? n : NULL;
}

const cispref_domain *cispref_referential_find_domain(const cispref_referential *ref, const char *id)
{
	return find_typed(ref, id, NODE_DOMAIN);
}

const cispref_summary_entry *cispref_referential_find_summary_entry(const cispref_referential *ref,
                                                                    const char *id)
{
	return find_typed(ref, id, NODE_SUMMARY_ENTRY);
}

const cispref_plan *cispref_referential_find_plan(const cispref_referential *ref, const char *id)
{
	return find_typed(ref, id, NODE_PLAN);
}

const cispref_competence *cispref_referential_find_competence(const cispref_referential *ref,
                                                              const char *id)
{
	return find_typed(ref, id, NODE_COMPETENCE);
}

const cispref_item *cispref_referential_find_item(const cispref_referential *ref, const char *id)
{
	return find_typed(ref, id, NODE_ITEM);
}

const cispref_concept *cispref_referential_find_concept(const cispref_referential *ref,
                                                        const char *id)
{
	return find_typed(ref, id, NODE_CONCEPT);
}

const cispref_note *cispref_referential_find_note(const cispref_referential *ref, const char *id)
{
	return find_typed(ref, id, NODE_NOTE);
}

/* ---- accessors ----------------------------------------------------------------- */

/* The field @expr of @obj, or @none for a NULL handle. */
#define FIELD(obj, expr, none) ((obj) ? (expr) : (none))

const char *cispref_referential_id(const cispref_referential *ref) { return FIELD(ref, ref->id, NULL); }
const char *cispref_referential_title(const cispref_referential *ref) { return FIELD(ref, ref->title, NULL); }
const char *cispref_referential_version(const cispref_referential *ref) { return FIELD(ref, ref->version, NULL); }
const char *cispref_referential_language(const cispref_referential *ref) { return FIELD(ref, ref->language, NULL); }
const char *cispref_referential_origin(const cispref_referential *ref) { return FIELD(ref, ref->origin, NULL); }

const char *cispref_referential_source(const cispref_referential *ref, cispref_source_field_t field)
{
	if (!ref || (unsigned)field >= CISPREF_SOURCE_FIELD_COUNT)
		return NULL;
	return ref->source[field];
}

size_t cispref_referential_domain_count(const cispref_referential *ref) { return FIELD(ref, ref->domains.count, 0); }
const cispref_domain *cispref_referential_domain(const cispref_referential *ref, size_t index) { return FIELD(ref, cispref__vec_get(&ref->domains, index), NULL); }
size_t cispref_referential_concept_count(const cispref_referential *ref) { return FIELD(ref, ref->concepts.count, 0); }
const cispref_concept *cispref_referential_concept(const cispref_referential *ref, size_t index) { return FIELD(ref, cispref__vec_get(&ref->concepts, index), NULL); }
size_t cispref_referential_note_count(const cispref_referential *ref) { return FIELD(ref, ref->notes.count, 0); }
const cispref_note *cispref_referential_note(const cispref_referential *ref, size_t index) { return FIELD(ref, cispref__vec_get(&ref->notes, index), NULL); }

size_t cispref_referential_plan_total(const cispref_referential *ref)
{
	size_t total = 0;
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++)
		total += cispref_domain_plan_count(cispref_referential_domain(ref, d));
	return total;
}

size_t cispref_referential_summary_total(const cispref_referential *ref)
{
	size_t total = 0;
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++)
		total += cispref_domain_summary_count(cispref_referential_domain(ref, d));
	return total;
}

/* Adds up, over every competence, how many items of @kind it has (or 1 per competence
 * when @kind is -1). */
static size_t competence_sum(const cispref_referential *ref, int kind)
{
	size_t total = 0;
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				total += kind < 0 ? 1 : comp->items[kind].count;
			}
		}
	}
	return total;
}

size_t cispref_referential_competence_total(const cispref_referential *ref)
{
	return competence_sum(ref, -1);
}

size_t cispref_referential_item_total(const cispref_referential *ref, cispref_item_kind_t kind)
{
	if ((unsigned)kind >= CISPREF_ITEM_KIND_COUNT)
		return 0;
	return competence_sum(ref, (int)kind);
}

const char *cispref_domain_id(const cispref_domain *d) { return FIELD(d, d->node.id, NULL); }
cispref_domain_kind_t cispref_domain_kind(const cispref_domain *d) { return FIELD(d, d->kind, CISPREF_DOMAIN_CORE); }
const char *cispref_domain_title(const cispref_domain *d) { return FIELD(d, d->title, NULL); }
const cispref_referential *cispref_domain_referential(const cispref_domain *d) { return FIELD(d, d->ref, NULL); }
size_t cispref_domain_summary_count(const cispref_domain *d) { return FIELD(d, d->summary.count, 0); }
const cispref_summary_entry *cispref_domain_summary_entry(const cispref_domain *d, size_t index) { return FIELD(d, cispref__vec_get(&d->summary, index), NULL); }
size_t cispref_domain_plan_count(const cispref_domain *d) { return FIELD(d, d->plans.count, 0); }
const cispref_plan *cispref_domain_plan(const cispref_domain *d, size_t index) { return FIELD(d, cispref__vec_get(&d->plans, index), NULL); }

const char *cispref_summary_entry_id(const cispref_summary_entry *e) { return FIELD(e, e->node.id, NULL); }
cispref_plan_kind_t cispref_summary_entry_plan_kind(const cispref_summary_entry *e) { return FIELD(e, e->plan_kind, CISPREF_PLAN_INDIVIDUAL); }
const char *cispref_summary_entry_text(const cispref_summary_entry *e) { return FIELD(e, e->text, NULL); }
const char *cispref_summary_entry_competence_id(const cispref_summary_entry *e) { return FIELD(e, e->competence_id, NULL); }
const cispref_domain *cispref_summary_entry_domain(const cispref_summary_entry *e) { return FIELD(e, e->domain, NULL); }

const cispref_competence *cispref_summary_entry_competence(const cispref_summary_entry *e)
{
	return e ? cispref_referential_find_competence(e->domain->ref, e->competence_id) : NULL;
}

const char *cispref_plan_id(const cispref_plan *p) { return FIELD(p, p->node.id, NULL); }
cispref_plan_kind_t cispref_plan_kind(const cispref_plan *p) { return FIELD(p, p->kind, CISPREF_PLAN_INDIVIDUAL); }
const char *cispref_plan_title(const cispref_plan *p) { return FIELD(p, p->title, NULL); }
const cispref_domain *cispref_plan_domain(const cispref_plan *p) { return FIELD(p, p->domain, NULL); }
size_t cispref_plan_competence_count(const cispref_plan *p) { return FIELD(p, p->competences.count, 0); }
const cispref_competence *cispref_plan_competence(const cispref_plan *p, size_t index) { return FIELD(p, cispref__vec_get(&p->competences, index), NULL); }

const char *cispref_competence_id(const cispref_competence *c) { return FIELD(c, c->node.id, NULL); }
const char *cispref_competence_title(const cispref_competence *c) { return FIELD(c, c->title, NULL); }
const cispref_plan *cispref_competence_plan(const cispref_competence *c) { return FIELD(c, c->plan, NULL); }
size_t cispref_competence_note_count(const cispref_competence *c) { return FIELD(c, c->note_ids.count, 0); }
const char *cispref_competence_note_id(const cispref_competence *c, size_t index) { return FIELD(c, cispref__vec_get(&c->note_ids, index), NULL); }

size_t cispref_competence_item_count(const cispref_competence *c, cispref_item_kind_t kind)
{
	if (!c || (unsigned)kind >= CISPREF_ITEM_KIND_COUNT)
		return 0;
	return c->items[kind].count;
}

const cispref_item *cispref_competence_item(const cispref_competence *c, cispref_item_kind_t kind,
                                            size_t index)
{
	if (!c || (unsigned)kind >= CISPREF_ITEM_KIND_COUNT)
		return NULL;
	return cispref__vec_get(&c->items[kind], index);
}

const cispref_note *cispref_competence_note(const cispref_competence *c, size_t index)
{
	const char *id = cispref_competence_note_id(c, index);
	return id ? cispref_referential_find_note(c->plan->domain->ref, id) : NULL;
}

const char *cispref_item_id(const cispref_item *i) { return FIELD(i, i->node.id, NULL); }
cispref_item_kind_t cispref_item_kind(const cispref_item *i) { return FIELD(i, i->node.kind, CISPREF_ITEM_SAVOIR_FAIRE); }
const char *cispref_item_text(const cispref_item *i) { return FIELD(i, i->text, NULL); }
const char *cispref_item_concept_id(const cispref_item *i) { return FIELD(i, i->concept_id, NULL); }
const cispref_competence *cispref_item_competence(const cispref_item *i) { return FIELD(i, i->competence, NULL); }

const cispref_concept *cispref_item_concept(const cispref_item *i)
{
	return i ? cispref_referential_find_concept(i->competence->plan->domain->ref,
	                                            i->concept_id)
	         : NULL;
}

const char *cispref_concept_id(const cispref_concept *c) { return FIELD(c, c->node.id, NULL); }
cispref_item_kind_t cispref_concept_kind(const cispref_concept *c) { return FIELD(c, c->kind, CISPREF_ITEM_SAVOIR_FAIRE); }
const char *cispref_concept_label(const cispref_concept *c) { return FIELD(c, c->label, NULL); }
const cispref_referential *cispref_concept_referential(const cispref_concept *c) { return FIELD(c, c->ref, NULL); }

const char *cispref_note_id(const cispref_note *n) { return FIELD(n, n->node.id, NULL); }
const char *cispref_note_number(const cispref_note *n) { return FIELD(n, n->number, NULL); }
const char *cispref_note_text(const cispref_note *n) { return FIELD(n, n->text, NULL); }
const cispref_referential *cispref_note_referential(const cispref_note *n) { return FIELD(n, n->ref, NULL); }
