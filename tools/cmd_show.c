/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <unistd.h> /* optind */

#include "cli.h"
#include "show.h"

static void help(void)
{
	printf("Usage: cispref show [-f text|json] [-i FILE] [--lenient] [--lang LANG] ID\n\n"
	       "Print the node with ID (domain, summary entry, plan, competence, item, concept\n"
	       "or note) and its children. An ID that names nothing is a usage error, with the\n"
	       "close ids as suggestions.\n\n"
	       "  -f, --format FORMAT  text (the default) or json\n"
	       "  -i, --input FILE     read FILE ('-': standard input) instead of the embedded\n"
	       "                       referential\n"
	       "      --lenient        accept a file that breaks the validator's rules\n"
	       CLI_LANG_HELP
	       CLI_QUIET_HELP
	       "  -h, --help           show this help\n");
}

static const char *const list_titles[CISPREF_ITEM_KIND_COUNT] = {
	"Savoir-faire", "Savoir-faire comportementaux", "Savoirs"};

static void show_domain(const cispref_domain *d)
{
	printf("domain %s [%s]\n%s\n", cispref_domain_id(d),
	       cispref_domain_kind_name(cispref_domain_kind(d)),
	       cli_text(cispref_domain_title(d)));
	if (cispref_domain_summary_count(d))
		printf("Summary:\n");
	for (size_t i = 0; i < cispref_domain_summary_count(d); i++) {
		const cispref_summary_entry *e = cispref_domain_summary_entry(d, i);
		printf("  %s [%s] %s\n", cispref_summary_entry_id(e),
		       cispref_plan_kind_name(cispref_summary_entry_plan_kind(e)),
		       cli_text(cispref_summary_entry_text(e)));
	}
	printf("Plans:\n");
	for (size_t i = 0; i < cispref_domain_plan_count(d); i++) {
		const cispref_plan *p = cispref_domain_plan(d, i);
		printf("  %s [%s] %s\n", cispref_plan_id(p), cispref_plan_kind_name(cispref_plan_kind(p)),
		       cli_text(cispref_plan_title(p)));
	}
}

static void show_plan(const cispref_plan *p)
{
	printf("plan %s [%s] in %s\n%s\nCompetences:\n", cispref_plan_id(p),
	       cispref_plan_kind_name(cispref_plan_kind(p)), cispref_domain_id(cispref_plan_domain(p)),
	       cli_text(cispref_plan_title(p)));
	for (size_t i = 0; i < cispref_plan_competence_count(p); i++) {
		const cispref_competence *c = cispref_plan_competence(p, i);
		printf("  %s %s\n", cispref_competence_id(c),
		       cli_text(cispref_competence_title(c)));
	}
}

static void show_competence(const cispref_competence *c)
{
	printf("competence %s in %s\n%s\n", cispref_competence_id(c),
	       cispref_plan_id(cispref_competence_plan(c)),
	       cli_text(cispref_competence_title(c)));
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		printf("%s:\n", list_titles[k]);
		for (size_t i = 0; i < cispref_competence_item_count(c, (cispref_item_kind_t)k); i++) {
			const cispref_item *item = cispref_competence_item(c, (cispref_item_kind_t)k, i);
			printf("  %s %s\n", cispref_item_id(item), cli_text(cispref_item_text(item)));
		}
	}
	for (size_t i = 0; i < cispref_competence_note_count(c); i++) {
		const cispref_note *n = cispref_competence_note(c, i);
		printf("Note %s: %s\n",
		       n ? cli_text(cispref_note_number(n)) : cispref_competence_note_id(c, i),
		       n ? cli_text(cispref_note_text(n)) : "(missing)");
	}
}

static void show_concept(const cispref_index *index, const cispref_concept *concept)
{
	printf("concept %s [%s]\n%s\n", cispref_concept_id(concept),
	       cispref_item_kind_name(cispref_concept_kind(concept)),
	       cli_text(cispref_concept_label(concept)));
	printf("Items (%zu, in %zu competences):\n", cispref_index_concept_item_count(index, concept),
	       cispref_index_concept_competence_count(index, concept));
	for (size_t i = 0; i < cispref_index_concept_item_count(index, concept); i++) {
		const cispref_item *item = cispref_index_concept_item(index, concept, i);
		printf("  %s %s\n", cispref_item_id(item), cli_text(cispref_item_text(item)));
	}
}

static void show_text(const cispref_referential *ref, const cispref_index *index,
                      const char *id)
{
	switch (cispref_referential_node_type(ref, id)) {
	case CISPREF_NODE_DOMAIN:
		show_domain(cispref_referential_find_domain(ref, id));
		break;
	case CISPREF_NODE_SUMMARY_ENTRY: {
		const cispref_summary_entry *e = cispref_referential_find_summary_entry(ref, id);
		const char *linked = cispref_summary_entry_competence_id(e);
		printf("summary entry %s [%s] in %s\n%s\nCompetence: %s\n", id,
		       cispref_plan_kind_name(cispref_summary_entry_plan_kind(e)),
		       cispref_domain_id(cispref_summary_entry_domain(e)),
		       cli_text(cispref_summary_entry_text(e)), linked ? linked : "(none)");
		break;
	}
	case CISPREF_NODE_PLAN:
		show_plan(cispref_referential_find_plan(ref, id));
		break;
	case CISPREF_NODE_COMPETENCE:
		show_competence(cispref_referential_find_competence(ref, id));
		break;
	case CISPREF_NODE_ITEM: {
		const cispref_item *item = cispref_referential_find_item(ref, id);
		const char *concept = cispref_item_concept_id(item);
		printf("%s %s in %s\n%s\nConcept: %s\n", cispref_item_kind_name(cispref_item_kind(item)),
		       id, cispref_competence_id(cispref_item_competence(item)),
		       cli_text(cispref_item_text(item)), concept ? concept : "(none)");
		break;
	}
	case CISPREF_NODE_CONCEPT:
		show_concept(index, cispref_referential_find_concept(ref, id));
		break;
	case CISPREF_NODE_NOTE: {
		const cispref_note *n = cispref_referential_find_note(ref, id);
		printf("note %s (number %s)\n%s\n", id, cli_text(cispref_note_number(n)),
		       cli_text(cispref_note_text(n)));
		break;
	}
	default:
		break;
	}
}

/* An id that names nothing: the close ids, if any. */
static int unknown_id(const cispref_referential *ref, const char *id)
{
	enum { SHOWN = 5 };
	const char *near[SHOWN];
	size_t count = cispref_referential_suggest_ids(near, SHOWN, ref, id, CISPREF_NODE_NONE);
	char message[512];
	snprintf(message, sizeof message, "no node has the id '%s'", cli_text(id));
	return cli_unknown_name(message, near, count < SHOWN ? count : SHOWN, NULL, 0);
}

static int show(const cispref_referential *ref, const char *id, int as_json)
{
	cispref_node_type_t type = cispref_referential_node_type(ref, id);
	if (type == CISPREF_NODE_NONE)
		return unknown_id(ref, id);
	/* Only a concept needs the index (the items that use it). */
	cispref_index *index = NULL;
	if (type == CISPREF_NODE_CONCEPT && cispref_index_new(&index, ref) != 0) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	if (as_json)
		show_json(ref, index, id);
	else
		show_text(ref, index, id);
	cispref_index_free(index);
	return EXIT_OK;
}

int cmd_show(int argc, char **argv)
{
	cli_inspect o = {0};
	int rc = cli_inspect_options(argc, argv, help, &o);
	if (rc >= 0)
		return rc;
	if (argc - optind != 1)
		return cli_usage_error("expected one ID");
	cispref_referential *ref;
	rc = cli_load_in(&ref, o.input, o.load_flags, o.language, o.quiet);
	if (rc)
		return rc;
	rc = show(ref, argv[optind], o.as_json);
	cispref_referential_free(ref);
	return rc;
}
