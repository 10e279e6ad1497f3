/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Creating and editing a referential: argument checks on top of model.c's constructors,
 * and removal that keeps the id index and the references consistent. */
#include <string.h>

#include "identity.h"
#include "langtag.h"

static int check_new_id(const cispref_referential *ref, const char *id)
{
	if (!cispref__id_is_valid(id))
		return CISPREF_EARG;
	return cispref__find(ref, id) ? CISPREF_EEXISTS : CISPREF_OK;
}

static int check_text(const char *text)
{
	return cispref__text_is_valid(text) ? CISPREF_OK : CISPREF_EARG;
}

/* The texts the validator's rule text-empty covers (titles, item texts, summary entries,
 * concept labels, note texts) are refused empty here, so that what the builder makes a
 * strict load reads back. White space alone is a text: the validator takes it, and
 * texts are kept verbatim. */
static int check_node_text(const char *text)
{
	return text && *text ? check_text(text) : CISPREF_EARG;
}

/* Check a new node's id and text in one go, the order every add function needs. */
static int check_new(const cispref_referential *ref, const char *id, const char *text)
{
	int rc = check_node_text(text);
	return rc ? rc : check_new_id(ref, id);
}

static int store_text(cispref_referential *ref, const char **field, const char *text,
                      int (*check)(const char *))
{
	int rc = check(text);
	if (rc)
		return rc;
	const char *copy = cispref__arena_strdup(ref->arena, text);
	if (!copy)
		return CISPREF_ENOMEM;
	*field = copy;
	return CISPREF_OK;
}

/* A node's text (not empty) */
static int set_text(cispref_referential *ref, const char **field, const char *text)
{
	return store_text(ref, field, text, check_node_text);
}

/* Metadata: the version, a source field, a note's number, the language (checked
 * further by its setter), which may be empty */
static int set_field(cispref_referential *ref, const char **field, const char *text)
{
	return store_text(ref, field, text, check_text);
}

/* Hand a freshly made node to the caller, or report why there is none. */
static int created(void *node, void **out)
{
	if (!node)
		return CISPREF_ENOMEM;
	if (out)
		*out = node;
	return CISPREF_OK;
}

static int list_move(vec *v, size_t from, size_t to)
{
	if (from >= v->count || to >= v->count)
		return CISPREF_EARG;
	cispref__vec_move(v, from, to);
	return CISPREF_OK;
}

/* Remove @n from the id index, unless the index holds another node under the same id. */
static void unindex(cispref_referential *ref, const node *n)
{
	cispref__strmap_remove(&ref->index, n);
}

/* Clear every reference to a removed node; which field holds it depends on its type. */
static void unreference(cispref_referential *ref, const node *gone)
{
	for (size_t d = 0; d < ref->domains.count; d++) {
		cispref_domain *domain = ref->domains.items[d];
		for (size_t e = 0; e < domain->summary.count; e++) {
			cispref_summary_entry *entry = domain->summary.items[e];
			if (gone->type == NODE_COMPETENCE && entry->competence_id &&
			    strcmp(entry->competence_id, gone->id) == 0)
				entry->competence_id = NULL;
		}
		for (size_t p = 0; p < domain->plans.count; p++) {
			cispref_plan *plan = domain->plans.items[p];
			for (size_t c = 0; c < plan->competences.count; c++) {
				cispref_competence *comp = plan->competences.items[c];
				for (size_t n = comp->note_ids.count; gone->type == NODE_NOTE && n-- > 0;)
					if (strcmp(comp->note_ids.items[n], gone->id) == 0)
						cispref__vec_remove(&comp->note_ids, n);
				for (int k = 0; gone->type == NODE_CONCEPT && k < CISPREF_ITEM_KIND_COUNT; k++)
					for (size_t i = 0; i < comp->items[k].count; i++) {
						cispref_item *item = comp->items[k].items[i];
						if (item->concept_id && strcmp(item->concept_id, gone->id) == 0)
							item->concept_id = NULL;
					}
			}
		}
	}
}

static void unindex_competence(cispref_referential *ref, cispref_competence *comp)
{
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++)
			unindex(ref, comp->items[k].items[i]);
	unindex(ref, &comp->node);
	unreference(ref, &comp->node);
}

static void unindex_plan(cispref_referential *ref, cispref_plan *plan)
{
	for (size_t c = 0; c < plan->competences.count; c++)
		unindex_competence(ref, plan->competences.items[c]);
	unindex(ref, &plan->node);
}

/* ---- referential --------------------------------------------------------------- */

int cispref_referential_new(cispref_referential **out, const char *id, const char *title)
{
	if (!out || !cispref__id_is_valid(id) || check_node_text(title))
		return CISPREF_EARG;
	cispref_referential *ref = cispref__referential_create();
	if (!ref || !(ref->id = cispref__arena_strdup(ref->arena, id)) ||
	    !(ref->title = cispref__arena_strdup(ref->arena, title))) {
		cispref_referential_free(ref);
		return CISPREF_ENOMEM;
	}
	ref->language = "fr";
	ref->version = "1";
	cispref__identity_set(ref, NULL, NULL); /* derived from the id: cannot fail */
	*out = ref;
	return CISPREF_OK;
}

int cispref_referential_set_title(cispref_referential *ref, const char *title)
{
	return ref ? set_text(ref, &ref->title, title) : CISPREF_EARG;
}

int cispref_referential_set_version(cispref_referential *ref, const char *version)
{
	return ref ? set_field(ref, &ref->version, version) : CISPREF_EARG;
}

/* The same check as translations' (translation.c), so that what is set here can be
 * exported to SKOS and loaded strictly (rule language-malformed). */
int cispref_referential_set_language(cispref_referential *ref, const char *language)
{
	langtag tag;
	if (!ref || cispref__langtag_parse(&tag, language) != 0)
		return CISPREF_EARG;
	return set_field(ref, &ref->language, language);
}

int cispref_referential_set_source(cispref_referential *ref, cispref_source_field_t field,
                                   const char *value)
{
	if (!ref || (unsigned)field >= CISPREF_SOURCE_FIELD_COUNT)
		return CISPREF_EARG;
	if (!value) {
		ref->source[field] = NULL;
		return CISPREF_OK;
	}
	return set_field(ref, &ref->source[field], value);
}

int cispref_referential_add_domain(cispref_domain **out, cispref_referential *ref,
                                   const char *id, cispref_domain_kind_t kind, const char *title)
{
	if (!ref || !cispref_domain_kind_name(kind))
		return CISPREF_EARG;
	int rc = check_new(ref, id, title);
	return rc ? rc : created(cispref__domain_create(ref, id, kind, title), (void **)out);
}

int cispref_referential_remove_domain(cispref_referential *ref, size_t index)
{
	cispref_domain *domain = ref ? cispref__vec_get(&ref->domains, index) : NULL;
	if (!domain)
		return CISPREF_EARG;
	for (size_t e = 0; e < domain->summary.count; e++)
		unindex(ref, domain->summary.items[e]);
	for (size_t p = 0; p < domain->plans.count; p++)
		unindex_plan(ref, domain->plans.items[p]);
	unindex(ref, &domain->node);
	cispref__vec_remove(&ref->domains, index);
	return CISPREF_OK;
}

int cispref_referential_move_domain(cispref_referential *ref, size_t from, size_t to)
{
	return ref ? list_move(&ref->domains, from, to) : CISPREF_EARG;
}

int cispref_referential_add_concept(cispref_concept **out, cispref_referential *ref,
                                    const char *id, cispref_item_kind_t kind, const char *label)
{
	if (!ref || !cispref_item_kind_name(kind))
		return CISPREF_EARG;
	int rc = check_new(ref, id, label);
	return rc ? rc : created(cispref__concept_create(ref, id, kind, label), (void **)out);
}

int cispref_referential_remove_concept(cispref_referential *ref, size_t index)
{
	cispref_concept *concept = ref ? cispref__vec_get(&ref->concepts, index) : NULL;
	if (!concept)
		return CISPREF_EARG;
	unindex(ref, &concept->node);
	unreference(ref, &concept->node);
	cispref__vec_remove(&ref->concepts, index);
	return CISPREF_OK;
}

int cispref_referential_move_concept(cispref_referential *ref, size_t from, size_t to)
{
	return ref ? list_move(&ref->concepts, from, to) : CISPREF_EARG;
}

int cispref_referential_add_note(cispref_note **out, cispref_referential *ref, const char *id,
                                 const char *number, const char *text)
{
	if (!ref || check_text(number))
		return CISPREF_EARG;
	int rc = check_new(ref, id, text);
	return rc ? rc : created(cispref__note_create(ref, id, number, text), (void **)out);
}

int cispref_referential_remove_note(cispref_referential *ref, size_t index)
{
	cispref_note *note = ref ? cispref__vec_get(&ref->notes, index) : NULL;
	if (!note)
		return CISPREF_EARG;
	/* first, as only it can fail (for want of memory), before anything changed */
	if (cispref__front_matter_drop_note_refs(ref, note->node.id) != 0)
		return CISPREF_ENOMEM;
	unindex(ref, &note->node);
	unreference(ref, &note->node);
	cispref__vec_remove(&ref->notes, index);
	return CISPREF_OK;
}

int cispref_referential_move_note(cispref_referential *ref, size_t from, size_t to)
{
	return ref ? list_move(&ref->notes, from, to) : CISPREF_EARG;
}

/* Sections and blocks with an id are in the index (they share the referential's id space);
 * nothing refers to them, so taking them out of the index is all a removal needs. */
static void unindex_section(cispref_referential *ref, cispref_section *section)
{
	for (size_t b = 0; b < section->blocks.count; b++) {
		cispref_block *block = section->blocks.items[b];
		if (block->node.id)
			unindex(ref, &block->node);
	}
	for (size_t s = 0; s < section->subsections.count; s++)
		unindex_section(ref, section->subsections.items[s]);
	unindex(ref, &section->node);
}

int cispref_referential_remove_front_matter(cispref_referential *ref)
{
	if (!ref)
		return CISPREF_EARG;
	while (ref->sections.count) {
		unindex_section(ref, ref->sections.items[ref->sections.count - 1]);
		cispref__vec_remove(&ref->sections, ref->sections.count - 1);
	}
	return CISPREF_OK;
}

/* ---- domain -------------------------------------------------------------------- */

int cispref_domain_set_title(cispref_domain *domain, const char *title)
{
	return domain ? set_text(domain->ref, &domain->title, title) : CISPREF_EARG;
}

int cispref_domain_set_kind(cispref_domain *domain, cispref_domain_kind_t kind)
{
	if (!domain || !cispref_domain_kind_name(kind))
		return CISPREF_EARG;
	domain->kind = kind;
	return CISPREF_OK;
}

int cispref_domain_add_plan(cispref_plan **out, cispref_domain *domain, const char *id,
                            cispref_plan_kind_t kind, const char *title)
{
	if (!domain || !cispref_plan_kind_name(kind))
		return CISPREF_EARG;
	int rc = check_new(domain->ref, id, title);
	return rc ? rc : created(cispref__plan_create(domain, id, kind, title), (void **)out);
}

int cispref_domain_remove_plan(cispref_domain *domain, size_t index)
{
	cispref_plan *plan = domain ? cispref__vec_get(&domain->plans, index) : NULL;
	if (!plan)
		return CISPREF_EARG;
	unindex_plan(domain->ref, plan);
	cispref__vec_remove(&domain->plans, index);
	return CISPREF_OK;
}

int cispref_domain_move_plan(cispref_domain *domain, size_t from, size_t to)
{
	return domain ? list_move(&domain->plans, from, to) : CISPREF_EARG;
}

/* A competence handle given to the builder must belong to the same referential. */
static int competence_of(const cispref_referential *ref, const cispref_competence *comp)
{
	return !comp || comp->plan->domain->ref == ref;
}

int cispref_domain_add_summary_entry(cispref_summary_entry **out, cispref_domain *domain,
                                     const char *id, cispref_plan_kind_t plan_kind,
                                     const char *text, const cispref_competence *competence)
{
	if (!domain || !cispref_plan_kind_name(plan_kind) || !competence_of(domain->ref, competence))
		return CISPREF_EARG;
	int rc = check_new(domain->ref, id, text);
	if (rc)
		return rc;
	return created(cispref__summary_entry_create(domain, id, plan_kind, text,
	                                             competence ? competence->node.id : NULL),
	               (void **)out);
}

int cispref_domain_remove_summary_entry(cispref_domain *domain, size_t index)
{
	cispref_summary_entry *entry = domain ? cispref__vec_get(&domain->summary, index) : NULL;
	if (!entry)
		return CISPREF_EARG;
	unindex(domain->ref, &entry->node);
	cispref__vec_remove(&domain->summary, index);
	return CISPREF_OK;
}

int cispref_domain_move_summary_entry(cispref_domain *domain, size_t from, size_t to)
{
	return domain ? list_move(&domain->summary, from, to) : CISPREF_EARG;
}

/* ---- summary entry ------------------------------------------------------------- */

int cispref_summary_entry_set_text(cispref_summary_entry *entry, const char *text)
{
	return entry ? set_text(entry->domain->ref, &entry->text, text) : CISPREF_EARG;
}

int cispref_summary_entry_set_plan_kind(cispref_summary_entry *entry, cispref_plan_kind_t kind)
{
	if (!entry || !cispref_plan_kind_name(kind))
		return CISPREF_EARG;
	entry->plan_kind = kind;
	return CISPREF_OK;
}

int cispref_summary_entry_set_competence(cispref_summary_entry *entry,
                                         const cispref_competence *competence)
{
	if (!entry || !competence_of(entry->domain->ref, competence))
		return CISPREF_EARG;
	entry->competence_id = competence ? competence->node.id : NULL;
	return CISPREF_OK;
}

/* ---- plan ---------------------------------------------------------------------- */

int cispref_plan_set_title(cispref_plan *plan, const char *title)
{
	return plan ? set_text(plan->domain->ref, &plan->title, title) : CISPREF_EARG;
}

int cispref_plan_set_kind(cispref_plan *plan, cispref_plan_kind_t kind)
{
	if (!plan || !cispref_plan_kind_name(kind))
		return CISPREF_EARG;
	plan->kind = kind;
	return CISPREF_OK;
}

int cispref_plan_add_competence(cispref_competence **out, cispref_plan *plan, const char *id,
                                const char *title)
{
	if (!plan)
		return CISPREF_EARG;
	int rc = check_new(plan->domain->ref, id, title);
	return rc ? rc : created(cispref__competence_create(plan, id, title), (void **)out);
}

int cispref_plan_remove_competence(cispref_plan *plan, size_t index)
{
	cispref_competence *comp = plan ? cispref__vec_get(&plan->competences, index) : NULL;
	if (!comp)
		return CISPREF_EARG;
	unindex_competence(plan->domain->ref, comp);
	cispref__vec_remove(&plan->competences, index);
	return CISPREF_OK;
}

int cispref_plan_move_competence(cispref_plan *plan, size_t from, size_t to)
{
	return plan ? list_move(&plan->competences, from, to) : CISPREF_EARG;
}

/* ---- competence ---------------------------------------------------------------- */

static cispref_referential *competence_ref(const cispref_competence *comp)
{
	return comp->plan->domain->ref;
}

int cispref_competence_set_title(cispref_competence *competence, const char *title)
{
	return competence ? set_text(competence_ref(competence), &competence->title, title)
	                  : CISPREF_EARG;
}

int cispref_competence_add_item(cispref_item **out, cispref_competence *competence,
                                const char *id, cispref_item_kind_t kind, const char *text)
{
	if (!competence || !cispref_item_kind_name(kind))
		return CISPREF_EARG;
	int rc = check_new(competence_ref(competence), id, text);
	return rc ? rc : created(cispref__item_create(competence, id, kind, text, NULL),
	                         (void **)out);
}

int cispref_competence_remove_item(cispref_competence *competence, cispref_item_kind_t kind,
                                   size_t index)
{
	cispref_item *item = competence && (unsigned)kind < CISPREF_ITEM_KIND_COUNT
	                             ? cispref__vec_get(&competence->items[kind], index)
	                             : NULL;
	if (!item)
		return CISPREF_EARG;
	unindex(competence_ref(competence), &item->node);
	cispref__vec_remove(&competence->items[kind], index);
	return CISPREF_OK;
}

int cispref_competence_move_item(cispref_competence *competence, cispref_item_kind_t kind,
                                 size_t from, size_t to)
{
	if (!competence || (unsigned)kind >= CISPREF_ITEM_KIND_COUNT)
		return CISPREF_EARG;
	return list_move(&competence->items[kind], from, to);
}

int cispref_competence_add_note(cispref_competence *competence, const cispref_note *note)
{
	if (!competence || !note || note->ref != competence_ref(competence))
		return CISPREF_EARG;
	for (size_t n = 0; n < competence->note_ids.count; n++)
		if (strcmp(competence->note_ids.items[n], note->node.id) == 0)
			return CISPREF_EEXISTS; /* rule competence-note-repeated */
	return cispref__competence_add_note_id(competence, note->node.id);
}

int cispref_competence_remove_note(cispref_competence *competence, size_t index)
{
	if (!competence || index >= competence->note_ids.count)
		return CISPREF_EARG;
	cispref__vec_remove(&competence->note_ids, index);
	return CISPREF_OK;
}

/* ---- item, concept, note ------------------------------------------------------- */

int cispref_item_set_text(cispref_item *item, const char *text)
{
	return item ? set_text(competence_ref(item->competence), &item->text, text)
	            : CISPREF_EARG;
}

int cispref_item_set_concept(cispref_item *item, const cispref_concept *concept)
{
	if (!item || (concept && concept->ref != competence_ref(item->competence)))
		return CISPREF_EARG;
	item->concept_id = concept ? concept->node.id : NULL;
	return CISPREF_OK;
}

int cispref_concept_set_label(cispref_concept *concept, const char *label)
{
	return concept ? set_text(concept->ref, &concept->label, label) : CISPREF_EARG;
}

int cispref_note_set_text(cispref_note *note, const char *text)
{
	return note ? set_text(note->ref, &note->text, text) : CISPREF_EARG;
}

int cispref_note_set_number(cispref_note *note, const char *number)
{
	return note ? set_field(note->ref, &note->number, number) : CISPREF_EARG;
}

/* ---- mutable handles ----------------------------------------------------------- */

/* Each node records its parent, and through it its referential: a node whose
 * referential is @ref is one the caller may edit, since it holds @ref as mutable. The
 * casts below give back, as mutable, a node that the library itself keeps mutable. */

cispref_domain *cispref_referential_edit_domain(cispref_referential *ref,
                                                const cispref_domain *node)
{
	return ref && node && node->ref == ref ? (cispref_domain *)node : NULL;
}

cispref_summary_entry *cispref_referential_edit_summary_entry(cispref_referential *ref,
                                                              const cispref_summary_entry *node)
{
	return ref && node && node->domain->ref == ref ? (cispref_summary_entry *)node : NULL;
}

cispref_plan *cispref_referential_edit_plan(cispref_referential *ref, const cispref_plan *node)
{
	return ref && node && node->domain->ref == ref ? (cispref_plan *)node : NULL;
}

cispref_competence *cispref_referential_edit_competence(cispref_referential *ref,
                                                        const cispref_competence *node)
{
	return ref && node && competence_ref(node) == ref ? (cispref_competence *)node : NULL;
}

cispref_item *cispref_referential_edit_item(cispref_referential *ref, const cispref_item *node)
{
	return ref && node && competence_ref(node->competence) == ref ? (cispref_item *)node
	                                                              : NULL;
}

cispref_concept *cispref_referential_edit_concept(cispref_referential *ref,
                                                  const cispref_concept *node)
{
	return ref && node && node->ref == ref ? (cispref_concept *)node : NULL;
}

cispref_note *cispref_referential_edit_note(cispref_referential *ref, const cispref_note *node)
{
	return ref && node && node->ref == ref ? (cispref_note *)node : NULL;
}
