/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref show --format json: one object per node, its "type" first (cispref(1) gives
 * the keys of each type). */
#include <stdio.h>

#include "cli.h"
#include "cli_json.h"
#include "show.h"

static void items_json(cli_json *j, const char *key, const cispref_competence *c,
                       cispref_item_kind_t kind)
{
	cli_json_open(j, key, '[');
	for (size_t i = 0; i < cispref_competence_item_count(c, kind); i++) {
		const cispref_item *item = cispref_competence_item(c, kind, i);
		cli_json_open(j, NULL, '{');
		cli_json_string(j, "id", cispref_item_id(item));
		cli_json_string(j, "text", cispref_item_text(item));
		cli_json_string(j, "concept", cispref_item_concept_id(item));
		cli_json_close(j, '}');
	}
	cli_json_close(j, ']');
}

static void domain_json(cli_json *j, const cispref_domain *d)
{
	cli_json_string(j, "kind", cispref_domain_kind_name(cispref_domain_kind(d)));
	cli_json_string(j, "title", cispref_domain_title(d));
	cli_json_open(j, "summary", '[');
	for (size_t i = 0; i < cispref_domain_summary_count(d); i++) {
		const cispref_summary_entry *e = cispref_domain_summary_entry(d, i);
		cli_json_open(j, NULL, '{');
		cli_json_string(j, "id", cispref_summary_entry_id(e));
		cli_json_string(j, "plan", cispref_plan_kind_name(cispref_summary_entry_plan_kind(e)));
		cli_json_string(j, "text", cispref_summary_entry_text(e));
		cli_json_string(j, "competence", cispref_summary_entry_competence_id(e));
		cli_json_close(j, '}');
	}
	cli_json_close(j, ']');
	cli_json_open(j, "plans", '[');
	for (size_t i = 0; i < cispref_domain_plan_count(d); i++) {
		const cispref_plan *p = cispref_domain_plan(d, i);
		cli_json_open(j, NULL, '{');
		cli_json_string(j, "id", cispref_plan_id(p));
		cli_json_string(j, "kind", cispref_plan_kind_name(cispref_plan_kind(p)));
		cli_json_string(j, "title", cispref_plan_title(p));
		cli_json_close(j, '}');
	}
	cli_json_close(j, ']');
}

static void summary_entry_json(cli_json *j, const cispref_summary_entry *e)
{
	cli_json_string(j, "domain", cispref_domain_id(cispref_summary_entry_domain(e)));
	cli_json_string(j, "plan", cispref_plan_kind_name(cispref_summary_entry_plan_kind(e)));
	cli_json_string(j, "text", cispref_summary_entry_text(e));
	cli_json_string(j, "competence", cispref_summary_entry_competence_id(e));
}

static void plan_json(cli_json *j, const cispref_plan *p)
{
	cli_json_string(j, "domain", cispref_domain_id(cispref_plan_domain(p)));
	cli_json_string(j, "kind", cispref_plan_kind_name(cispref_plan_kind(p)));
	cli_json_string(j, "title", cispref_plan_title(p));
	cli_json_open(j, "competences", '[');
	for (size_t i = 0; i < cispref_plan_competence_count(p); i++) {
		const cispref_competence *c = cispref_plan_competence(p, i);
		cli_json_open(j, NULL, '{');
		cli_json_string(j, "id", cispref_competence_id(c));
		cli_json_string(j, "title", cispref_competence_title(c));
		cli_json_close(j, '}');
	}
	cli_json_close(j, ']');
}

static void competence_json(cli_json *j, const cispref_competence *c)
{
	cli_json_string(j, "plan", cispref_plan_id(cispref_competence_plan(c)));
	cli_json_string(j, "title", cispref_competence_title(c));
	items_json(j, "savoir_faire", c, CISPREF_ITEM_SAVOIR_FAIRE);
	items_json(j, "savoir_faire_comportementaux", c, CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL);
	items_json(j, "savoirs", c, CISPREF_ITEM_SAVOIR);
	cli_json_open(j, "notes", '[');
	for (size_t i = 0; i < cispref_competence_note_count(c); i++) {
		const cispref_note *n = cispref_competence_note(c, i);
		cli_json_open(j, NULL, '{');
		cli_json_string(j, "id", cispref_competence_note_id(c, i));
		cli_json_string(j, "number", n ? cispref_note_number(n) : NULL);
		cli_json_string(j, "text", n ? cispref_note_text(n) : NULL);
		cli_json_close(j, '}');
	}
	cli_json_close(j, ']');
}

static void item_json(cli_json *j, const cispref_item *item)
{
	cli_json_string(j, "kind", cispref_item_kind_name(cispref_item_kind(item)));
	cli_json_string(j, "competence", cispref_competence_id(cispref_item_competence(item)));
	cli_json_string(j, "text", cispref_item_text(item));
	cli_json_string(j, "concept", cispref_item_concept_id(item));
}

static void concept_json(cli_json *j, const cispref_index *index, const cispref_concept *concept)
{
	cli_json_string(j, "kind", cispref_item_kind_name(cispref_concept_kind(concept)));
	cli_json_string(j, "label", cispref_concept_label(concept));
	cli_json_number(j, "competence_count", cispref_index_concept_competence_count(index, concept));
	cli_json_open(j, "items", '[');
	for (size_t i = 0; i < cispref_index_concept_item_count(index, concept); i++) {
		const cispref_item *item = cispref_index_concept_item(index, concept, i);
		cli_json_open(j, NULL, '{');
		cli_json_string(j, "id", cispref_item_id(item));
		cli_json_string(j, "competence", cispref_competence_id(cispref_item_competence(item)));
		cli_json_string(j, "text", cispref_item_text(item));
		cli_json_close(j, '}');
	}
	cli_json_close(j, ']');
}

static void note_json(cli_json *j, const cispref_note *n)
{
	cli_json_string(j, "number", cispref_note_number(n));
	cli_json_string(j, "text", cispref_note_text(n));
}

int show_json(const cispref_referential *ref, const cispref_index *index, const char *id)
{
	cispref_node_type_t type = cispref_referential_node_type(ref, id);
	cli_json j = {0};
	cli_json_open(&j, NULL, '{');
	cli_json_string(&j, "type", cispref_node_type_name(type));
	cli_json_string(&j, "id", id);
	switch (type) {
	case CISPREF_NODE_DOMAIN: domain_json(&j, cispref_referential_find_domain(ref, id)); break;
	case CISPREF_NODE_SUMMARY_ENTRY:
		summary_entry_json(&j, cispref_referential_find_summary_entry(ref, id));
		break;
	case CISPREF_NODE_PLAN: plan_json(&j, cispref_referential_find_plan(ref, id)); break;
	case CISPREF_NODE_COMPETENCE:
		competence_json(&j, cispref_referential_find_competence(ref, id));
		break;
	case CISPREF_NODE_ITEM: item_json(&j, cispref_referential_find_item(ref, id)); break;
	case CISPREF_NODE_CONCEPT:
		concept_json(&j, index, cispref_referential_find_concept(ref, id));
		break;
	case CISPREF_NODE_NOTE: note_json(&j, cispref_referential_find_note(ref, id)); break;
	default: break;
	}
	cli_json_close(&j, '}');
	return EXIT_OK;
}
