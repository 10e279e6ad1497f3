/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Node types by id, filters, and walks over competences and items. */
#include <string.h>

#include "private.h"

cispref_node_type_t cispref_referential_node_type(const cispref_referential *ref, const char *id)
{
	static const cispref_node_type_t types[] = {
		[NODE_DOMAIN] = CISPREF_NODE_DOMAIN,
		[NODE_SUMMARY_ENTRY] = CISPREF_NODE_SUMMARY_ENTRY,
		[NODE_PLAN] = CISPREF_NODE_PLAN,
		[NODE_COMPETENCE] = CISPREF_NODE_COMPETENCE,
		[NODE_ITEM] = CISPREF_NODE_ITEM,
		[NODE_CONCEPT] = CISPREF_NODE_CONCEPT,
		[NODE_NOTE] = CISPREF_NODE_NOTE,
		/* front-matter sections and blocks have no node type of the query API */
		[NODE_SECTION] = CISPREF_NODE_NONE,
		[NODE_BLOCK] = CISPREF_NODE_NONE,
	};
	const node *n = cispref__find(ref, id);
	return n ? types[n->type] : CISPREF_NODE_NONE;
}

const char *cispref_node_type_name(cispref_node_type_t type)
{
	static const char *const names[] = {"none", "domain", "summary-entry", "plan",
	                                    "competence", "item", "concept", "note"};
	return (unsigned)type < sizeof names / sizeof names[0] ? names[type] : NULL;
}

static int in_mask(unsigned mask, unsigned kind)
{
	return mask == 0 || (mask & (1u << kind)) != 0;
}

int cispref__filter_check(const cispref_referential *ref, const cispref_filter *filter,
                          cispref_error *error)
{
	if (!filter)
		return CISPREF_OK;
	if (filter->version != CISPREF_FILTER_VERSION)
		return CISPREF_EARG;
	if (filter->domain_id && !cispref_referential_find_domain(ref, filter->domain_id)) {
		cispref__error_set(error, CISPREF_ENOTFOUND, NULL, 0, 0, "no domain has the id '%s'",
		                   filter->domain_id);
		return CISPREF_ENOTFOUND;
	}
	return CISPREF_OK;
}

int cispref__filter_domain(const cispref_filter *filter, const cispref_domain *domain)
{
	return !filter || ((!filter->domain_id || strcmp(filter->domain_id, domain->node.id) == 0) &&
	                   in_mask(filter->domain_kinds, domain->kind));
}

int cispref__filter_plan_kind(const cispref_filter *filter, cispref_plan_kind_t kind)
{
	return !filter || in_mask(filter->plan_kinds, kind);
}

int cispref__filter_item_kind(const cispref_filter *filter, cispref_item_kind_t kind)
{
	return !filter || in_mask(filter->item_kinds, kind);
}

/* Walk the competences that pass @filter, and their items when @on_item is set. Any
 * non-zero value of a callback stops the walk with CISPREF_ESTOPPED (query.h). */
static int walk(const cispref_referential *ref, const cispref_filter *filter,
                cispref_competence_cb on_competence, cispref_item_cb on_item, void *payload)
{
	if (!ref)
		return CISPREF_EARG;
	int checked = cispref__filter_check(ref, filter, NULL);
	if (checked)
		return checked;
	for (size_t d = 0; d < ref->domains.count; d++) {
		const cispref_domain *domain = ref->domains.items[d];
		if (!cispref__filter_domain(filter, domain))
			continue;
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			if (!cispref__filter_plan_kind(filter, plan->kind))
				continue;
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				int rc = on_competence ? on_competence(comp, payload) : 0;
				for (int k = 0; !rc && on_item && k < CISPREF_ITEM_KIND_COUNT; k++) {
					if (!cispref__filter_item_kind(filter, (cispref_item_kind_t)k))
						continue;
					for (size_t i = 0; !rc && i < comp->items[k].count; i++)
						rc = on_item(comp->items[k].items[i], payload);
				}
				if (rc)
					return CISPREF_ESTOPPED;
			}
		}
	}
	return CISPREF_OK;
}

int cispref_referential_foreach_competence(const cispref_referential *ref,
                                           const cispref_filter *filter,
                                           cispref_competence_cb callback, void *payload)
{
	return callback ? walk(ref, filter, callback, NULL, payload) : CISPREF_EARG;
}

int cispref_referential_foreach_item(const cispref_referential *ref,
                                     const cispref_filter *filter, cispref_item_cb callback,
                                     void *payload)
{
	return callback ? walk(ref, filter, NULL, callback, payload) : CISPREF_EARG;
}
