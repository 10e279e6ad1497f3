/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The depth mapping of the importers (depth_map.c): which part of the model each depth of
 * a foreign framework becomes, the same for a Moodle CSV and a CASE package
 * (doc/interchange.md, "Any other framework: the depth mapping"). */
#ifndef CISPREF_DEPTH_MAP_H
#define CISPREF_DEPTH_MAP_H

#include "private.h"

/* What a depth becomes, in the model's order. */
typedef enum depth_role {
	DEPTH_DOMAIN, DEPTH_PLAN, DEPTH_COMPETENCE, DEPTH_ITEM
} depth_role;

/* The mapping when the caller gives none: each role, one depth each. */
#define CISPREF__DEPTH_MAP_DEFAULT "domain,plan,competence,item"

/* The role of each depth from 0; depths from @count on are items. */
typedef struct depth_map {
	depth_role roles[4];
	size_t count;
} depth_map;

/* Parse @depths (NULL: CISPREF__DEPTH_MAP_DEFAULT): roles among "domain", "plan",
 * "competence", "item", comma-joined, in this order, each at most once, "competence"
 * among them. CISPREF_OK with @out filled, or CISPREF_EARG with @error saying what is
 * wrong (@out is then partly filled). */
int cispref__depth_map_parse(depth_map *out, const char *depths, cispref_error *error);

/* The role of @depth (0: the roots): its role in @map, or DEPTH_ITEM beyond it. */
depth_role cispref__depth_map_role(const depth_map *map, size_t depth);

/* Where a node of a foreign tree goes: the containers above it, as a walk carries them
 * down (a copy per node, so that siblings start from their parent's). */
typedef struct depth_place {
	cispref_domain *domain;
	cispref_plan *plan;
	cispref_competence *competence;
} depth_place;

/* Make the node of role @r, id @id and title @title (both copied) in @p, which then
 * holds it for the nodes below. A plan, competence or item whose containers the mapping
 * leaves out gets them made up first: one domain named by the referential's id and
 * title, one plan per domain (id DOMAIN.plan, the domain's title), their ids made unique
 * in @a (cispref__import_id()). Domains are core, plans individual, items savoir-faire.
 * The node, or NULL out of memory. */
node *cispref__depth_place_node(cispref_referential *ref, arena *a, depth_place *p,
                                depth_role r, const char *id, const char *title);

#endif
