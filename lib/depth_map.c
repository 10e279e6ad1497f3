/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The depth mapping both importers read a foreign framework by (moodle_read.c,
 * case_read.c): one parser and one way of placing a node by its depth, so that `--depths`
 * means the same for every format. */
#include <stdio.h>
#include <string.h>

#include "depth_map.h"

int cispref__depth_map_parse(depth_map *out, const char *depths, cispref_error *error)
{
	static const char *const names[] = {"domain", "plan", "competence", "item"};
	const char *p = depths ? depths : CISPREF__DEPTH_MAP_DEFAULT;
	/* the default is valid: @depths is not NULL in the messages */
	int last = -1, competence = 0;
	out->count = 0;
	do {
		size_t n = strcspn(p, ",");
		int found = -1;
		for (int r = 0; r < 4; r++)
			if (strlen(names[r]) == n && strncmp(names[r], p, n) == 0)
				found = r;
		/* increasing order: also refuses a role given twice, and more than four */
		if (found <= last) {
			cispref__error_set(error, CISPREF_EARG, NULL, 0, 0,
			                   "the depth mapping '%s' is not a list of domain, plan, "
			                   "competence, item in this order", depths);
			return CISPREF_EARG;
		}
		competence |= found == DEPTH_COMPETENCE;
		out->roles[out->count++] = (depth_role)found;
		last = found;
		p += n;
	} while (*p++ == ',');
	if (!competence) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0,
		                   "the depth mapping '%s' has no competence", depths);
		return CISPREF_EARG;
	}
	return CISPREF_OK;
}

depth_role cispref__depth_map_role(const depth_map *map, size_t depth)
{
	return depth < map->count ? map->roles[depth] : DEPTH_ITEM;
}

/* The domain, then the plan, a node needs, made up when the mapping has none. */
static int make_up_domain(cispref_referential *ref, arena *a, depth_place *p)
{
	if (p->domain)
		return CISPREF_OK;
	const char *id = cispref__import_id(a, ref, ref->id);
	p->domain = id ? cispref__domain_create(ref, id, CISPREF_DOMAIN_CORE, ref->title) : NULL;
	return p->domain ? CISPREF_OK : CISPREF_ENOMEM;
}

static int make_up_plan(cispref_referential *ref, arena *a, depth_place *p)
{
	if (p->plan)
		return CISPREF_OK;
	if (make_up_domain(ref, a, p) != CISPREF_OK)
		return CISPREF_ENOMEM;
	char want[512];
	snprintf(want, sizeof want, "%s.plan", p->domain->node.id);
	const char *id = cispref__import_id(a, ref, want);
	p->plan = id ? cispref__plan_create(p->domain, id, CISPREF_PLAN_INDIVIDUAL,
	                                    p->domain->title) : NULL;
	return p->plan ? CISPREF_OK : CISPREF_ENOMEM;
}

node *cispref__depth_place_node(cispref_referential *ref, arena *a, depth_place *p,
                                depth_role r, const char *id, const char *title)
{
	switch (r) {
	case DEPTH_DOMAIN:
		p->domain = cispref__domain_create(ref, id, CISPREF_DOMAIN_CORE, title);
		p->plan = NULL;
		return p->domain ? &p->domain->node : NULL;
	case DEPTH_PLAN:
		p->plan = make_up_domain(ref, a, p) == CISPREF_OK
		              ? cispref__plan_create(p->domain, id, CISPREF_PLAN_INDIVIDUAL, title)
		              : NULL;
		return p->plan ? &p->plan->node : NULL;
	case DEPTH_COMPETENCE:
		p->competence = make_up_plan(ref, a, p) == CISPREF_OK
		                    ? cispref__competence_create(p->plan, id, title)
		                    : NULL;
		return p->competence ? &p->competence->node : NULL;
	default: {
		/* items are deeper than the competence the mapping requires: there is one */
		cispref_item *item = p->competence ? cispref__item_create(p->competence, id,
		                                                          CISPREF_ITEM_SAVOIR_FAIRE,
		                                                          title, NULL)
		                                   : NULL;
		return item ? &item->node : NULL;
	}
	}
}
