/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The validator: rules the schema cannot express, each reported as a diagnostic with a
 * stable tag, in document order. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inclusive.h"
#include "langtag.h"
#include "private.h"

struct cispref_diagnostic {
	cispref_severity_t severity;
	const char *tag;
	const char *message;
	const char *file;
	const char *node_id;
	unsigned long line;
	unsigned long column;
};

struct cispref_diagnostics {
	arena *arena;
	vec list;
};

/* The rules, in the order of the table in doc/format.md (errors, warnings, infos). The
 * walk raises a finding with one of these, so a misspelt tag does not compile; the
 * public API names them by their string. */
typedef enum rule {
	RULE_DUPLICATE_ID,
	RULE_CONCEPT_UNKNOWN,
	RULE_NOTE_UNKNOWN,
	RULE_SUMMARY_COMPETENCE_UNKNOWN,
	RULE_PLAN_KIND_NOT_ALLOWED,
	RULE_TEXT_EMPTY,
	RULE_SECTION_NUMBER_DUPLICATE,
	RULE_DETAILS_REPEATED,
	RULE_REPLACEMENT_UNKNOWN,
	RULE_REPLACEMENT_SELF,
	RULE_REPLACEMENT_CYCLE,
	RULE_LANGUAGE_MALFORMED,
	RULE_COMPETENCE_NOTE_REPEATED,
	RULE_COMPETENCE_EMPTY,
	RULE_ITEM_DUPLICATE,
	RULE_SUMMARY_NO_COMPETENCE,
	RULE_COMPETENCE_NO_SUMMARY,
	RULE_CONCEPT_KIND_MISMATCH,
	RULE_PLAN_EMPTY,
	RULE_NOTE_REF_REPEATED,
	RULE_FRONT_MATTER_WHITESPACE,
	RULE_TRANSLATION_OUTDATED,
	RULE_COMPETENCE_LIST_EMPTY,
	RULE_SUMMARY_TEXT_DIFFERS,
	RULE_SUMMARY_PLAN_DIFFERS,
	RULE_SUMMARY_ORDER_DIFFERS,
	RULE_INCLUSIVE_WRITING_MIXED,
	RULE_CONCEPT_UNUSED,
	RULE_NOTE_UNUSED,
	RULE_COUNT
} rule;

static const struct tag_info {
	const char *tag;
	cispref_severity_t severity;
	const char *explanation;
} tags[] = {
	[RULE_DUPLICATE_ID] = {"duplicate-id", CISPREF_SEVERITY_ERROR,
	                  "Two elements share an id; ids must be unique."},
	[RULE_CONCEPT_UNKNOWN] = {"concept-unknown", CISPREF_SEVERITY_ERROR,
	                     "An item points to a concept that does not exist."},
	[RULE_NOTE_UNKNOWN] = {"note-unknown", CISPREF_SEVERITY_ERROR,
	                  "A competence or the front matter refers to a note that does not exist."},
	[RULE_SUMMARY_COMPETENCE_UNKNOWN] = {"summary-competence-unknown", CISPREF_SEVERITY_ERROR,
	                                "A summary entry names a competence that does not exist."},
	[RULE_PLAN_KIND_NOT_ALLOWED] = {"plan-kind-not-allowed", CISPREF_SEVERITY_ERROR,
	                           "A core domain may only have individual and collective plans."},
	[RULE_TEXT_EMPTY] = {"text-empty", CISPREF_SEVERITY_ERROR,
	                "A title, item text, summary entry, concept label or note text is empty, or "
	                "in the front matter a heading, paragraph, list item, caption, date or task."},
	[RULE_SECTION_NUMBER_DUPLICATE] = {"section-number-duplicate", CISPREF_SEVERITY_ERROR,
	                              "Two sections of the front matter have the same number."},
	[RULE_DETAILS_REPEATED] = {"details-repeated", CISPREF_SEVERITY_ERROR,
	                      "The front matter places a domain's detail tables twice: more than "
	                      "one 'details', or two for one domain kind (they are printed once)."},
	[RULE_REPLACEMENT_UNKNOWN] = {"replacement-unknown", CISPREF_SEVERITY_ERROR,
	                              "A deprecated node's replaced-by names no node."},
	[RULE_REPLACEMENT_SELF] = {"replacement-self", CISPREF_SEVERITY_ERROR,
	                           "A deprecated node names itself as its replacement."},
	[RULE_REPLACEMENT_CYCLE] = {"replacement-cycle", CISPREF_SEVERITY_ERROR,
	                            "Following replaced-by from a deprecated node comes back to "
	                            "it."},
	[RULE_LANGUAGE_MALFORMED] = {"language-malformed", CISPREF_SEVERITY_ERROR,
	                             "The referential's language (xml:lang) is not a well-formed "
	                             "BCP 47 language tag (RFC 5646)."},
	[RULE_COMPETENCE_NOTE_REPEATED] = {"competence-note-repeated", CISPREF_SEVERITY_ERROR,
	                                   "A competence refers to the same note twice (its "
	                                   "marker would be printed twice)."},
	[RULE_COMPETENCE_EMPTY] = {"competence-empty", CISPREF_SEVERITY_WARNING,
	                      "A competence has no item at all."},
	[RULE_ITEM_DUPLICATE] = {"item-duplicate", CISPREF_SEVERITY_WARNING,
	                    "The same text appears twice in one list of a competence."},
	[RULE_SUMMARY_NO_COMPETENCE] = {"summary-no-competence", CISPREF_SEVERITY_WARNING,
	                           "A summary entry is linked to no detailed competence."},
	[RULE_COMPETENCE_NO_SUMMARY] = {"competence-no-summary", CISPREF_SEVERITY_WARNING,
	                           "No summary entry links to this competence (checked in domains "
	                           "that have a summary)."},
	[RULE_CONCEPT_KIND_MISMATCH] = {"concept-kind-mismatch", CISPREF_SEVERITY_WARNING,
	                           "An item points to a concept of another kind."},
	[RULE_PLAN_EMPTY] = {"plan-empty", CISPREF_SEVERITY_WARNING, "A plan has no competence."},
	[RULE_NOTE_REF_REPEATED] = {"note-ref-repeated", CISPREF_SEVERITY_WARNING,
	                       "The front matter refers to the same note twice; each note's "
	                       "marker is printed once."},
	[RULE_FRONT_MATTER_WHITESPACE] = {"front-matter-whitespace", CISPREF_SEVERITY_WARNING,
	                             "Inline content of the front matter starts or ends with white "
	                             "space, or holds a line break, a tab or two spaces in a row."},
	[RULE_TRANSLATION_OUTDATED] = {"translation-outdated", CISPREF_SEVERITY_WARNING,
	                               "A translation was made from another text than its "
	                               "node's present one: the source was edited since."},
	[RULE_COMPETENCE_LIST_EMPTY] = {"competence-list-empty", CISPREF_SEVERITY_INFO,
	                           "A competence has one or two of its three lists empty."},
	[RULE_SUMMARY_TEXT_DIFFERS] = {"summary-text-differs", CISPREF_SEVERITY_INFO,
	                          "A summary entry words its competence otherwise than the "
	                          "competence's title."},
	[RULE_SUMMARY_PLAN_DIFFERS] = {"summary-plan-differs", CISPREF_SEVERITY_INFO,
	                          "A summary entry is listed under another plan kind than its "
	                          "competence's plan."},
	[RULE_SUMMARY_ORDER_DIFFERS] = {"summary-order-differs", CISPREF_SEVERITY_INFO,
	                           "A summary entry names a competence that comes before the "
	                           "previous entry's in the detail tables."},
	[RULE_INCLUSIVE_WRITING_MIXED] = {"inclusive-writing-mixed", CISPREF_SEVERITY_INFO,
	                             "A competence writes the inclusive 'la-le' pairs in more than "
	                             "one way."},
	[RULE_CONCEPT_UNUSED] = {"concept-unused", CISPREF_SEVERITY_INFO,
	                    "No item points to this concept."},
	[RULE_NOTE_UNUSED] = {"note-unused", CISPREF_SEVERITY_INFO,
	                 "Neither a competence nor the front matter refers to this note."},
};

/* One row per rule: a rule added to the enum without its row (or a row too many) does not
 * compile; a row left out in the middle leaves a NULL tag, which test_validate finds. */
_Static_assert(sizeof tags / sizeof tags[0] == RULE_COUNT, "one row of tags[] per rule");

static const struct tag_info *tag_info(const char *tag)
{
	for (size_t i = 0; tag && i < RULE_COUNT; i++)
		if (tags[i].tag && strcmp(tags[i].tag, tag) == 0)
			return &tags[i];
	return NULL;
}

size_t cispref_validator_tag_count(void)
{
	return RULE_COUNT;
}

const char *cispref_validator_tag(size_t index)
{
	return index < RULE_COUNT ? tags[index].tag : NULL;
}

const char *cispref_validator_tag_explain(cispref_severity_t *severity, const char *tag)
{
	const struct tag_info *info = tag_info(tag);
	if (info && severity)
		*severity = info->severity;
	return info ? info->explanation : NULL;
}

const char *cispref_severity_name(cispref_severity_t severity)
{
	static const char *const names[] = {"error", "warning", "info"};
	return (unsigned)severity < 3 ? names[severity] : NULL;
}

/* ---- the walk ------------------------------------------------------------------ */

/* A competence's place in document order, to compare the order of the summaries. */
typedef struct position {
	const char *id;
	size_t value;
} position;

static const char *position_id(const void *p)
{
	return ((const position *)p)->id;
}

static const char *string_itself(const void *s)
{
	return s;
}

typedef struct checker {
	const cispref_referential *ref;
	cispref_diagnostics *out;
	int strict;         /* only errors matter, and only the first: the loader's check */
	arena *scratch;     /* what the walk needs and drops */
	strmap referenced;  /* ids of competences, concepts and notes referred to */
	strmap positions;   /* competence id -> position */
	strmap numbers;     /* front matter: section numbers seen */
	strmap front_notes; /* front matter: note ids referred to */
	size_t details;     /* front matter: 'details' blocks seen */
	int details_all;    /* one without a domain kind (it places every domain) seen */
	int details_kind[2]; /* one for core, for transversal domains seen */
	int failed;
	strmap cycles;      /* the edition links' walk states (cispref__edition_cycles()) */
	strmap concepts;    /* id -> concept, when no id is held twice (else empty) */
} checker;

/* Whether the checks that can only find warnings and infos are skipped. */
static int errors_only(const checker *ck)
{
	return ck->strict;
}

/* Whether the walk can stop: out of memory, or the loader's check has its error. */
static int done(const checker *ck)
{
	return ck->failed || (ck->strict && ck->out->list.count);
}

/* Where a finding is reported: a node's id and place, or a place of its own (a front-matter
 * text reports the place of a note reference in it). */
typedef struct spot {
	const char *id; /* NULL: the finding is about no node */
	unsigned long line, column;
} spot;

static void vreport(checker *ck, rule r, const spot *at, const char *fmt, va_list ap)
{
	if (ck->strict && (tags[r].severity != CISPREF_SEVERITY_ERROR || done(ck)))
		return;
	arena *a = ck->out->arena;
	cispref_diagnostic *d = cispref__arena_alloc(a, sizeof *d);
	char message[512];
	vsnprintf(message, sizeof message, fmt, ap);
	cispref__utf8_trim(message, strlen(message)); /* a quoted text may pass the limit */
	if (!d || !(d->message = cispref__arena_strdup(a, message)) ||
	    (at->id && !(d->node_id = cispref__arena_strdup(a, at->id))) ||
	    (ck->ref->origin && !(d->file = cispref__arena_strdup(a, ck->ref->origin))) ||
	    cispref__vec_push(a, &ck->out->list, d) != 0) {
		ck->failed = 1;
		return;
	}
	d->tag = tags[r].tag;
	d->severity = tags[r].severity;
	d->line = at->line;
	d->column = at->column;
}

static void report_at(checker *ck, rule r, const spot *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void report_at(checker *ck, rule r, const spot *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(ck, r, at, fmt, ap);
	va_end(ap);
}

/* A finding about @n (NULL: about no node), reported at @n's place. */
static void report(checker *ck, rule r, const node *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void report(checker *ck, rule r, const node *n, const char *fmt, ...)
{
	spot at = {0};
	if (n)
		at = (spot){n->id, n->line, cispref__node_column(ck->ref, n)};
	va_list ap;
	va_start(ap, fmt);
	vreport(ck, r, &at, fmt, ap);
	va_end(ap);
}

static int empty(const char *text)
{
	return !text || !*text;
}

/* Record a node's id; a second node with the same id is a duplicate. */
static void check_node(checker *ck, const node *n, const char *what, const char *text)
{
	/* The id index holds the first node of each id, in document order. */
	const node *first = ck->ref->duplicate_ids ? cispref__find(ck->ref, n->id) : n;
	if (first && first != n)
		report(ck, RULE_DUPLICATE_ID, n, "the id '%s' is already used on line %lu", n->id,
		       (unsigned long)first->line);
	if (empty(text))
		report(ck, RULE_TEXT_EMPTY, n, "%s '%s' has an empty text", what, n->id);
	const edition_link *link = cispref__edition_of(ck->ref, n);
	if (!link || !link->replaced_by)
		return;
	if (strcmp(link->replaced_by, n->id) == 0)
		report(ck, RULE_REPLACEMENT_SELF, n, "%s '%s' is replaced by itself", what, n->id);
	else if (!cispref__find(ck->ref, link->replaced_by))
		report(ck, RULE_REPLACEMENT_UNKNOWN, n, "%s '%s' is replaced by '%s', which names no node",
		       what, n->id, link->replaced_by);
	else if (cispref__edition_on_cycle(&ck->cycles, n->id))
		report(ck, RULE_REPLACEMENT_CYCLE, n,
		       "the replacements of %s '%s' lead back to it ('%s', ...)", what, n->id,
		       link->replaced_by);
}

static void mark_referenced(checker *ck, const char *id)
{
	if (id && cispref__strmap_add(&ck->referenced, (void *)id) < 0)
		ck->failed = 1;
}

static int is_referenced(const checker *ck, const char *id)
{
	return cispref__strmap_find(&ck->referenced, id) != NULL;
}

static void mark_note_ref(const cispref_inline *run, void *data)
{
	mark_referenced(data, run->text);
}

static void mark_rich_text(const cispref_rich_text *rt, void *data)
{
	cispref__rich_text_note_refs(rt, mark_note_ref, data);
}

static void collect_section_references(checker *ck, const cispref_section *s)
{
	mark_rich_text(&s->heading, ck);
	for (size_t b = 0; b < s->blocks.count; b++)
		cispref__block_rich_texts(s->blocks.items[b], mark_rich_text, ck);
	for (size_t i = 0; i < s->subsections.count; i++)
		collect_section_references(ck, s->subsections.items[i]);
}

/* References are collected first, so the walk can tell what nobody points to. */
static void collect_references(checker *ck)
{
	const cispref_referential *ref = ck->ref;
	for (size_t s = 0; s < ref->sections.count; s++)
		collect_section_references(ck, ref->sections.items[s]);
	for (size_t d = 0; d < ref->domains.count; d++) {
		const cispref_domain *domain = ref->domains.items[d];
		for (size_t e = 0; e < domain->summary.count; e++)
			mark_referenced(ck, ((cispref_summary_entry *)domain->summary.items[e])->competence_id);
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				position *place = cispref__arena_alloc(ck->scratch, sizeof *place);
				if (!place)
					ck->failed = 1;
				else if ((place->id = comp->node.id, cispref__strmap_add(&ck->positions, place)) < 0)
					ck->failed = 1;
				else
					place->value = ck->positions.count;
				for (size_t n = 0; n < comp->note_ids.count; n++)
					mark_referenced(ck, comp->note_ids.items[n]);
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
					for (size_t i = 0; i < comp->items[k].count; i++)
						mark_referenced(ck, ((cispref_item *)comp->items[k].items[i])->concept_id);
			}
		}
	}
}

static const char *item_text(const void *item)
{
	return ((const cispref_item *)item)->text;
}

/* Report each item of @list whose text an earlier item of the list has, naming the first
 * one. A map of the texts keeps this linear: comparing each item with every earlier one
 * made a competence of 100 000 items take minutes. */
static void check_duplicate_items(checker *ck, const vec *list)
{
	strmap texts;
	cispref__strmap_init(&texts, item_text);
	if (cispref__strmap_reserve(&texts, list->count) < 0)
		ck->failed = 1;
	for (size_t i = 0; !ck->failed && i < list->count; i++) {
		const cispref_item *item = list->items[i];
		int added = cispref__strmap_add(&texts, list->items[i]);
		if (added < 0) {
			ck->failed = 1;
		} else if (added == 1) {
			const cispref_item *first = cispref__strmap_find(&texts, item->text);
			report(ck, RULE_ITEM_DUPLICATE, &item->node,
			       "item '%s' repeats the text of item '%s'", item->node.id, first->node.id);
		}
	}
	cispref__strmap_free(&texts);
}

/* The concepts alone, in a table of their own: items refer to a few thousand concepts
 * (124 000 references to 3 333 concepts at 500 000 items), whose slots then stay in the
 * cache, where a lookup in the index of every id missed it. The same answer as the index
 * when no id is held twice: the one node of the id, if it is a concept. */
static void index_concepts(checker *ck)
{
	const cispref_referential *ref = ck->ref;
	if (ref->duplicate_ids || cispref__strmap_reserve(&ck->concepts, ref->concepts.count) != 0)
		return;
	for (size_t i = 0; i < ref->concepts.count; i++)
		if (cispref__strmap_add(&ck->concepts, ref->concepts.items[i]) != 0) {
			cispref__strmap_free(&ck->concepts); /* the index answers instead */
			return;
		}
}

static const cispref_concept *find_concept(const checker *ck, const char *id)
{
	if (ck->concepts.count)
		return cispref__strmap_find(&ck->concepts, id);
	return cispref_referential_find_concept(ck->ref, id);
}

static void check_item(checker *ck, const cispref_item *item)
{
	check_node(ck, &item->node, cispref_item_kind_name(item->node.kind), item->text);
	if (!item->concept_id)
		return;
	const cispref_concept *concept = find_concept(ck, item->concept_id);
	if (!concept)
		report(ck, RULE_CONCEPT_UNKNOWN, &item->node,
		       "item '%s' points to the concept '%s', which does not exist", item->node.id,
		       item->concept_id);
	else if (concept->kind != item->node.kind)
		report(ck, RULE_CONCEPT_KIND_MISMATCH, &item->node,
		       "item '%s' is a %s but its concept '%s' is a %s", item->node.id,
		       cispref_item_kind_name(item->node.kind), concept->node.id,
		       cispref_item_kind_name(concept->kind));
}

/* The separators of a competence's inclusive pairs, as written (a mark and its spaces:
 * "-" and "- " are two ways), each pointing into the referential's texts. */
typedef struct inclusive_forms {
	struct {
		const char *text;
		size_t length;
	} form[8];
	size_t count;
} inclusive_forms;

static void add_inclusive_forms(inclusive_forms *forms, const char *text)
{
	inclusive_pair pair;
	for (size_t at = 0; cispref__inclusive_next(text, at, &pair); at = pair.start + pair.length) {
		const char *sep = text + pair.separator;
		size_t f = 0;
		while (f < forms->count && (forms->form[f].length != pair.separator_length ||
		                            memcmp(forms->form[f].text, sep, pair.separator_length)))
			f++;
		if (f == forms->count && f < sizeof forms->form / sizeof forms->form[0]) {
			forms->form[f].text = sep;
			forms->form[f].length = pair.separator_length;
			forms->count++;
		}
	}
}

static void check_inclusive_writing(checker *ck, const cispref_competence *comp)
{
	inclusive_forms forms = {0};
	add_inclusive_forms(&forms, comp->title);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++)
			add_inclusive_forms(&forms, ((cispref_item *)comp->items[k].items[i])->text);
	if (forms.count < 2)
		return;
	char list[160] = "";
	for (size_t f = 0; f < forms.count; f++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s'la%.*sle'",
		         f ? ", " : "", (int)forms.form[f].length, forms.form[f].text);
	cispref__utf8_trim(list, strlen(list)); /* a long run of spaces may pass the limit */
	report(ck, RULE_INCLUSIVE_WRITING_MIXED, &comp->node,
	       "competence '%s' writes its inclusive pairs in %zu ways: %s", comp->node.id,
	       forms.count, list);
}

static void check_competence_lists(checker *ck, const cispref_competence *comp,
                                   int domain_has_summary);

/* A competence's note references: each names a note, and a different one. A map of the
 * ids seen keeps this linear whatever a file puts in one competence. */
static void check_competence_notes(checker *ck, const cispref_competence *comp)
{
	strmap seen;
	cispref__strmap_init(&seen, string_itself);
	for (size_t n = 0; !ck->failed && n < comp->note_ids.count; n++) {
		const char *id = comp->note_ids.items[n];
		int added = comp->note_ids.count > 1 ? cispref__strmap_add(&seen, (void *)id) : 0;
		if (added < 0)
			ck->failed = 1;
		else if (added == 1)
			report(ck, RULE_COMPETENCE_NOTE_REPEATED, &comp->node,
			       "competence '%s' refers to the note '%s' more than once", comp->node.id,
			       id);
		else if (!cispref_referential_find_note(ck->ref, id))
			report(ck, RULE_NOTE_UNKNOWN, &comp->node,
			       "competence '%s' refers to the note '%s', which does not exist",
			       comp->node.id, id);
	}
	cispref__strmap_free(&seen);
}

static void check_competence(checker *ck, const cispref_competence *comp, int domain_has_summary)
{
	check_node(ck, &comp->node, "competence", comp->title);
	check_competence_notes(ck, comp);
	if (!errors_only(ck))
		check_competence_lists(ck, comp, domain_has_summary);
	for (int k = 0; !done(ck) && k < CISPREF_ITEM_KIND_COUNT; k++) {
		for (size_t i = 0; i < comp->items[k].count; i++)
			check_item(ck, comp->items[k].items[i]);
		if (!errors_only(ck))
			check_duplicate_items(ck, &comp->items[k]);
	}
}

/* The findings about a competence as a whole, all warnings and infos. */
static void check_competence_lists(checker *ck, const cispref_competence *comp,
                                   int domain_has_summary)
{
	static const char *const list_names[] = {"savoir-faire", "savoir-faire comportementaux",
	                                         "savoirs"};
	if (domain_has_summary && !is_referenced(ck, comp->node.id))
		report(ck, RULE_COMPETENCE_NO_SUMMARY, &comp->node,
		       "no summary entry links to competence '%s'", comp->node.id);
	int empty_lists = 0;
	char which[128] = "";
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		if (!comp->items[k].count) {
			snprintf(which + strlen(which), sizeof which - strlen(which), "%s%s",
			         empty_lists++ ? ", " : "", list_names[k]);
		}
	if (empty_lists == CISPREF_ITEM_KIND_COUNT)
		report(ck, RULE_COMPETENCE_EMPTY, &comp->node, "competence '%s' has no item",
		       comp->node.id);
	else if (empty_lists)
		report(ck, RULE_COMPETENCE_LIST_EMPTY, &comp->node, "competence '%s' has no %s",
		       comp->node.id, which);
	check_inclusive_writing(ck, comp);
}

static void check_plan(checker *ck, const cispref_domain *domain, const cispref_plan *plan)
{
	check_node(ck, &plan->node, "plan", plan->title);
	if (domain->kind == CISPREF_DOMAIN_CORE && plan->kind != CISPREF_PLAN_INDIVIDUAL &&
	    plan->kind != CISPREF_PLAN_COLLECTIVE)
		report(ck, RULE_PLAN_KIND_NOT_ALLOWED, &plan->node,
		       "plan '%s' is %s, but core domain '%s' only takes individual and collective plans",
		       plan->node.id, cispref_plan_kind_name(plan->kind), domain->node.id);
	if (!plan->competences.count)
		report(ck, RULE_PLAN_EMPTY, &plan->node, "plan '%s' has no competence", plan->node.id);
	for (size_t c = 0; !done(ck) && c < plan->competences.count; c++)
		check_competence(ck, plan->competences.items[c], domain->summary.count > 0);
}

/* How a linked summary entry differs from the detail table it names. */
static void compare_with_competence(checker *ck, const cispref_summary_entry *entry,
                                    const cispref_competence *comp, size_t *last_position)
{
	if (strcmp(entry->text, comp->title) != 0)
		report(ck, RULE_SUMMARY_TEXT_DIFFERS, &entry->node,
		       "summary entry '%s' reads \"%s\" where competence '%s' is titled \"%s\"",
		       entry->node.id, entry->text, comp->node.id, comp->title);
	if (entry->plan_kind != comp->plan->kind)
		report(ck, RULE_SUMMARY_PLAN_DIFFERS, &entry->node,
		       "summary entry '%s' is listed under %s, competence '%s' is in a %s plan",
		       entry->node.id, cispref_plan_kind_name(entry->plan_kind), comp->node.id,
		       cispref_plan_kind_name(comp->plan->kind));
	const position *place = cispref__strmap_find(&ck->positions, comp->node.id);
	size_t position = place ? place->value : 0;
	if (position < *last_position)
		report(ck, RULE_SUMMARY_ORDER_DIFFERS, &entry->node,
		       "summary entry '%s' names competence '%s', which comes earlier in the "
		       "detail tables than the competence of the entry before it",
		       entry->node.id, comp->node.id);
	if (position > *last_position)
		*last_position = position;
}

static void check_domain(checker *ck, const cispref_domain *domain)
{
	size_t last_position = 0;
	check_node(ck, &domain->node, "domain", domain->title);
	for (size_t e = 0; e < domain->summary.count; e++) {
		const cispref_summary_entry *entry = domain->summary.items[e];
		check_node(ck, &entry->node, "summary entry", entry->text);
		const cispref_competence *comp =
			cispref_referential_find_competence(ck->ref, entry->competence_id);
		if (!entry->competence_id)
			report(ck, RULE_SUMMARY_NO_COMPETENCE, &entry->node,
			       "summary entry '%s' is linked to no competence", entry->node.id);
		else if (!comp)
			report(ck, RULE_SUMMARY_COMPETENCE_UNKNOWN, &entry->node,
			       "summary entry '%s' names the competence '%s', which does not exist",
			       entry->node.id, entry->competence_id);
		else if (!errors_only(ck))
			compare_with_competence(ck, entry, comp, &last_position);
	}
	for (size_t p = 0; !done(ck) && p < domain->plans.count; p++)
		check_plan(ck, domain, domain->plans.items[p]);
}

/* ---- front matter ---------------------------------------------------------------- */

/* Where a finding about the front matter is reported: @n's place, under @n's id or, for
 * a block without one, its section's; @line and @column instead when @line is set. */
static spot place(const checker *ck, const node *n, const cispref_section *section,
                  uint32_t line, uint32_t column)
{
	spot at = {n->id ? n->id : section->node.id, n->line, cispref__node_column(ck->ref, n)};
	if (line) {
		at.line = line;
		at.column = column;
	}
	return at;
}

typedef struct rich_check {
	checker *ck;
	const node *where;  /* the block or section holding the text */
	const cispref_section *section;
	const char *what;   /* "paragraph", "heading", ... */
} rich_check;

static void check_note_ref(const cispref_inline *run, void *data)
{
	rich_check *rc = data;
	checker *ck = rc->ck;
	spot at = place(ck, rc->where, rc->section, run->line, run->column);
	if (!cispref_referential_find_note(ck->ref, run->text)) {
		report_at(ck, RULE_NOTE_UNKNOWN, &at,
		          "the front matter refers to the note '%s', which does not exist", run->text);
		return;
	}
	if (errors_only(ck))
		return;
	int added = cispref__strmap_add(&ck->front_notes, (void *)run->text);
	if (added < 0)
		ck->failed = 1;
	else if (added == 1)
		report_at(ck, RULE_NOTE_REF_REPEATED, &at,
		          "the front matter refers to the note '%s' more than once", run->text);
}

static int badly_spaced(const char *t)
{
	size_t n = strlen(t);
	return n && (t[0] == ' ' || t[n - 1] == ' ' || strpbrk(t, "\n\t\r") || strstr(t, "  "));
}

static void check_rich_text(checker *ck, const cispref_rich_text *rt, const node *where,
                            const cispref_section *section, const char *what)
{
	rich_check rc = {ck, where, section, what};
	spot at = place(ck, where, section, 0, 0);
	if (empty(rt->plain))
		report_at(ck, RULE_TEXT_EMPTY, &at, "a %s of section '%s' has an empty text", what,
		          section->node.id);
	else if (!errors_only(ck) && badly_spaced(rt->plain))
		report_at(ck, RULE_FRONT_MATTER_WHITESPACE, &at,
		          "a %s of section '%s' has white space at its start or end, a line break, a "
		          "tab or two spaces in a row", what, section->node.id);
	cispref__rich_text_note_refs(rt, check_note_ref, &rc);
}

static void check_block(checker *ck, const cispref_block *b)
{
	const cispref_section *s = b->section;
	const node *n = &b->node;
	if (n->id)
		check_node(ck, n, cispref_block_kind_name(b->kind), cispref_block_kind_name(b->kind));
	if (b->kind == CISPREF_BLOCK_DETAILS) {
		/* every domain's tables are placed once: by one details, or by one per kind */
		int kinded = cispref_block_has_domain_kind(b), k = b->domain_kind != CISPREF_DOMAIN_CORE;
		int repeated = kinded ? ck->details_all || ck->details_kind[k] : ck->details > 0;
		ck->details++;
		if (kinded)
			ck->details_kind[k] = 1;
		else
			ck->details_all = 1;
		if (repeated) {
			spot at = place(ck, n, s, 0, 0);
			report_at(ck, RULE_DETAILS_REPEATED, &at,
			          kinded ? "section '%s' holds a second 'details' for the %s domains"
			                 : "section '%s' holds a second 'details'",
			          s->node.id, cispref_domain_kind_name(b->domain_kind));
		}
	}
	if (b->text)
		check_rich_text(ck, b->text, n, s,
		                b->kind == CISPREF_BLOCK_PARAGRAPH ? "paragraph"
		                : b->kind == CISPREF_BLOCK_FIGURE  ? "caption"
		                                                   : "quotation heading");
	for (size_t i = 0; i < b->children.count; i++) {
		const void *child = b->children.items[i];
		if (b->kind == CISPREF_BLOCK_LIST) {
			check_rich_text(ck, &((const cispref_list_item *)child)->text, n, s, "list item");
		} else if (b->kind == CISPREF_BLOCK_QUOTE) {
			check_rich_text(ck, child, n, s, "quotation paragraph");
		} else if (b->kind == CISPREF_BLOCK_TIMELINE) {
			const cispref_phase *ph = child;
			check_rich_text(ck, &ph->heading, n, s, "phase heading");
			for (size_t j = 0; j < ph->steps.count; j++) {
				const cispref_step *st = ph->steps.items[j];
				spot at = place(ck, n, s, 0, 0);
				if (empty(st->date))
					report_at(ck, RULE_TEXT_EMPTY, &at,
					          "a step of section '%s' has an empty date", s->node.id);
				check_rich_text(ck, &st->task, n, s, "task");
			}
		}
	}
}

static void check_section(checker *ck, const cispref_section *s)
{
	check_node(ck, &s->node, "section", "section"); /* its heading is checked below */
	if (s->number) {
		int added = cispref__strmap_add(&ck->numbers, (void *)s->number);
		if (added < 0)
			ck->failed = 1;
		else if (added == 1)
			report(ck, RULE_SECTION_NUMBER_DUPLICATE, &s->node,
			       "section '%s' has the number '%s' of an earlier section", s->node.id,
			       s->number);
	}
	check_rich_text(ck, &s->heading, &s->node, s, "heading");
	for (size_t b = 0; !done(ck) && b < s->blocks.count; b++)
		check_block(ck, s->blocks.items[b]);
	for (size_t i = 0; !done(ck) && i < s->subsections.count; i++)
		check_section(ck, s->subsections.items[i]);
}

static void check_referential(checker *ck)
{
	const cispref_referential *ref = ck->ref;
	if (empty(ref->title))
		report(ck, RULE_TEXT_EMPTY, NULL, "the referential's title is empty");
	/* the SKOS and ESCO exports, and translations, need a tag (the builder refuses any
	 * other; the loader reads any string) */
	langtag tag;
	if (cispref__langtag_parse(&tag, ref->language) != 0)
		report(ck, RULE_LANGUAGE_MALFORMED, NULL,
		       "the referential's language '%.100s' (xml:lang of the root element) is not a "
		       "well-formed BCP 47 language tag", ref->language ? ref->language : "");
	for (size_t s = 0; !done(ck) && s < ref->sections.count; s++)
		check_section(ck, ref->sections.items[s]);
	for (size_t d = 0; !done(ck) && d < ref->domains.count; d++)
		check_domain(ck, ref->domains.items[d]);
	for (size_t i = 0; i < ref->concepts.count; i++) {
		const cispref_concept *c = ref->concepts.items[i];
		check_node(ck, &c->node, "concept", c->label);
		if (!errors_only(ck) && !is_referenced(ck, c->node.id))
			report(ck, RULE_CONCEPT_UNUSED, &c->node, "no item points to concept '%s'",
			       c->node.id);
	}
	for (size_t i = 0; i < ref->notes.count; i++) {
		const cispref_note *n = ref->notes.items[i];
		check_node(ck, &n->node, "note", n->text);
		if (!errors_only(ck) && !is_referenced(ck, n->node.id))
			report(ck, RULE_NOTE_UNUSED, &n->node,
			       "neither a competence nor the front matter refers to note '%s'",
			       n->node.id);
	}
}

/* A translation made from another text than its node's present one, reported on the
 * translation's own line (the translations come after every node). */
static void check_translation(const translation *t, void *data)
{
	checker *ck = data;
	if (ck->failed || !cispref__translation_outdated(t))
		return;
	report(ck, RULE_TRANSLATION_OUTDATED, t->n,
	       "the translation of '%s' into '%s' was made from another text than its present "
	       "one", t->id, t->language);
	if (!ck->failed && t->line) {
		cispref_diagnostic *d = ck->out->list.items[ck->out->list.count - 1];
		d->line = t->line;
		d->column = t->column;
	}
}

static void check_node_translations(const node *n, void *data)
{
	checker *ck = data;
	cispref__translations_of(ck->ref, n, check_translation, ck);
}

/* The same for the translations of the title and the front matter, reported with the
 * id that names them (`of`) and on their own line. */
static void check_fm_translations(const fm_text *t, void *data)
{
	checker *ck = data;
	char now[17];
	if (ck->failed || !*t->slot)
		return;
	if (cispref__fm_source_hash(now, t) != 0) {
		ck->failed = 1;
		return;
	}
	for (const fm_translation *ft = *t->slot; ft && !ck->failed; ft = ft->next) {
		if (strcmp(now, ft->source_hash) == 0)
			continue;
		report(ck, RULE_TRANSLATION_OUTDATED, NULL,
		       "the translation of '%s' part '%s' into '%s' was made from another text "
		       "than its present one", t->of, t->part, ft->language);
		if (ck->failed)
			return;
		cispref_diagnostic *d = ck->out->list.items[ck->out->list.count - 1];
		if (!(d->node_id = cispref__arena_strdup(ck->out->arena, t->of)))
			ck->failed = 1;
		d->line = ft->line;
		d->column = ft->column;
	}
}

/* Walk @ref into a new list of findings; NULL when out of memory. */
static cispref_diagnostics *run_checks(const cispref_referential *ref, int strict)
{
	checker ck = {ref, calloc(1, sizeof(cispref_diagnostics)), strict, cispref__arena_new(),
	              {0}, {0}, {0}, {0}, 0, 0, {0, 0}, 0, {0}, {0}};
	cispref__strmap_init(&ck.referenced, string_itself);
	cispref__strmap_init(&ck.positions, position_id);
	cispref__strmap_init(&ck.numbers, string_itself);
	cispref__strmap_init(&ck.front_notes, string_itself);
	cispref__strmap_init(&ck.concepts, cispref__node_id);
	index_concepts(&ck);
	if (!ck.out || !(ck.out->arena = cispref__arena_new()) || !ck.scratch ||
	    cispref__edition_cycles(&ck.cycles, ck.scratch, ref) != 0)
		ck.failed = 1;
	if (!ck.failed && !strict) /* what is referenced only matters to warnings and infos */
		collect_references(&ck);
	if (!ck.failed)
		check_referential(&ck);
	if (!ck.failed && !strict) /* warnings only */
		cispref__fm_texts(ref, check_fm_translations, &ck);
	if (!ck.failed && !strict)
		cispref__text_nodes(ref, check_node_translations, &ck);
	cispref__strmap_free(&ck.referenced);
	cispref__strmap_free(&ck.positions);
	cispref__strmap_free(&ck.numbers);
	cispref__strmap_free(&ck.front_notes);
	cispref__strmap_free(&ck.cycles);
	cispref__strmap_free(&ck.concepts);
	cispref__arena_free(ck.scratch);
	if (ck.failed) {
		cispref_diagnostics_free(ck.out);
		return NULL;
	}
	return ck.out;
}

int cispref_validate(cispref_diagnostics **out, const cispref_referential *ref)
{
	if (!out || !ref)
		return CISPREF_EARG;
	return (*out = run_checks(ref, 0)) ? CISPREF_OK : CISPREF_ENOMEM;
}

/* The loader's check: the first error, without the cost of the other findings. */
int cispref__validate_strict(const cispref_referential *ref, cispref_error *error)
{
	cispref_diagnostics *list = run_checks(ref, 1);
	if (!list) {
		cispref__error_set(error, CISPREF_ENOMEM, ref->origin, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	int rc = CISPREF_OK;
	if (list->list.count) {
		const cispref_diagnostic *d = list->list.items[0];
		cispref__error_set(error, CISPREF_ERULE, ref->origin, d->line, d->column,
		                   "%s [%s]", d->message, d->tag);
		/* the tag is a string of the static table (see tags[]), valid for ever */
		if (error)
			error->rule = d->tag;
		rc = CISPREF_ERULE;
	}
	cispref_diagnostics_free(list);
	return rc;
}

/* ---- lists built by importers ------------------------------------------------- */

cispref_diagnostics *cispref__diagnostics_new(void)
{
	cispref_diagnostics *list = calloc(1, sizeof *list);
	if (list && !(list->arena = cispref__arena_new())) {
		free(list);
		return NULL;
	}
	return list;
}

int cispref__diagnostics_add(cispref_diagnostics *list, cispref_severity_t severity,
                             const char *tag, const char *file, unsigned long line,
                             const char *node_id, const char *message)
{
	arena *a = list->arena;
	cispref_diagnostic *d = cispref__arena_alloc(a, sizeof *d);
	if (!d || !(d->message = cispref__arena_strdup(a, message)) ||
	    (node_id && !(d->node_id = cispref__arena_strdup(a, node_id))) ||
	    (file && !(d->file = cispref__arena_strdup(a, file))) ||
	    cispref__vec_push(a, &list->list, d) != 0)
		return CISPREF_ENOMEM;
	d->severity = severity;
	d->tag = tag;
	d->line = line;
	return CISPREF_OK;
}

int cispref__diagnostics_addv(cispref_diagnostics *list, cispref_severity_t severity,
                              const char *tag, const char *file, unsigned long line,
                              const char *node_id, const char *fmt, va_list ap)
{
	char message[512];
	vsnprintf(message, sizeof message, fmt, ap);
	cispref__utf8_trim(message, strlen(message));
	return cispref__diagnostics_add(list, severity, tag, file, line, node_id, message);
}

/* ---- accessors ----------------------------------------------------------------- */

size_t cispref_diagnostics_count(const cispref_diagnostics *list)
{
	return list ? list->list.count : 0;
}

size_t cispref_diagnostics_count_severity(const cispref_diagnostics *list,
                                          cispref_severity_t severity)
{
	size_t n = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++)
		n += ((const cispref_diagnostic *)list->list.items[i])->severity == severity;
	return n;
}

const cispref_diagnostic *cispref_diagnostics_get(const cispref_diagnostics *list, size_t index)
{
	return list ? cispref__vec_get(&list->list, index) : NULL;
}

void cispref_diagnostics_free(cispref_diagnostics *list)
{
	if (!list)
		return;
	cispref__arena_free(list->arena);
	free(list);
}

cispref_severity_t cispref_diagnostic_severity(const cispref_diagnostic *d)
{
	return d ? d->severity : CISPREF_SEVERITY_ERROR;
}

const char *cispref_diagnostic_tag(const cispref_diagnostic *d) { return d ? d->tag : NULL; }
const char *cispref_diagnostic_message(const cispref_diagnostic *d) { return d ? d->message : NULL; }
const char *cispref_diagnostic_file(const cispref_diagnostic *d) { return d ? d->file : NULL; }
const char *cispref_diagnostic_node_id(const cispref_diagnostic *d) { return d ? d->node_id : NULL; }
unsigned long cispref_diagnostic_line(const cispref_diagnostic *d) { return d ? d->line : 0; }
unsigned long cispref_diagnostic_column(const cispref_diagnostic *d) { return d ? d->column : 0; }
