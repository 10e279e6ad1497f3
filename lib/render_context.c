/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The rendering context that every renderer walks: the options checked and resolved once
 * (which domains, notes and concepts appear, texts in which inclusive style), the French
 * labels of the printed cahier, anchors, and what several formats ask of the model (the
 * runs of summary entries under one plan, the competences that refer to a note). The
 * renderers depend on this file; it knows none of them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "inclusive.h"
#include "render_private.h"

/* ---- Labels ---- */

const char *cispref__render_plan_label(cispref_plan_kind_t kind)
{
	static const char *const labels[] = {"Individuel", "Collectif", "Interne", "Externe",
	                                     "Individuel et collectif"};
	return (unsigned)kind < 5 ? labels[kind] : "";
}

const char *cispref__render_column_label(cispref_item_kind_t kind)
{
	static const char *const labels[] = {"Savoir-faire", "Savoir-faire comportementaux",
	                                     "Savoirs"};
	return (unsigned)kind < CISPREF_ITEM_KIND_COUNT ? labels[kind] : "";
}

const char *cispref__render_kind_label(cispref_item_kind_t kind)
{
	static const char *const labels[] = {"savoir-faire", "savoir-faire comportemental",
	                                     "savoir"};
	return (unsigned)kind < CISPREF_ITEM_KIND_COUNT ? labels[kind] : "";
}

/* ---- Texts ---- */

const char *cispref__render_text(render_ctx *ctx, const char *text)
{
	if (!text)
		return "";
	const char *out = text;
	if (ctx->opt.inclusive == CISPREF_INCLUSIVE_NORMALIZED)
		out = cispref__inclusive_normalize(ctx->arena, out);
	if (out && ctx->unbreakable)
		out = cispref__inclusive_unbreakable(ctx->arena, out);
	if (!out) {
		ctx->failed = 1;
		return text;
	}
	return out;
}

const char *cispref__render_nowrap(render_ctx *ctx, const char *label)
{
	size_t len = strlen(label);
	char *out = cispref__arena_alloc(ctx->arena, len * 4 + 1);
	if (!out) {
		ctx->failed = 1;
		return label;
	}
	char *o = out;
	for (const char *p = label; *p; p++) {
		if (*p == ' ') {
			memcpy(o, "\xC2\xA0", 2);
			o += 2;
			continue;
		}
		*o++ = *p;
		if (*p == '-') {
			memcpy(o, "\xE2\x81\xA0", 3);
			o += 3;
		}
	}
	*o = '\0';
	return out;
}

/* The strings up to NULL joined, in the context's arena ("" when out of memory). */
static const char *concat(render_ctx *ctx, ...)
{
	va_list ap;
	size_t len = 1;
	va_start(ap, ctx);
	for (const char *s; (s = va_arg(ap, const char *)) != NULL;)
		len += strlen(s);
	va_end(ap);
	char *out = cispref__arena_alloc(ctx->arena, len);
	if (!out) {
		ctx->failed = 1;
		return "";
	}
	va_start(ap, ctx);
	for (const char *s; (s = va_arg(ap, const char *)) != NULL;)
		strcat(out, s); /* arena memory is zeroed */
	va_end(ap);
	return out;
}

const char *cispref__render_anchor(render_ctx *ctx, const char *prefix, const char *id)
{
	return concat(ctx, prefix, "-", id ? id : "", (const char *)NULL);
}

static const char *anchor_itself(const void *anchor)
{
	return anchor;
}

const char *cispref__render_claim_anchor(render_ctx *ctx, const char *prefix, const char *id)
{
	/* Without an id (a front-matter block may have none) there is nothing to link to:
	 * "prefix-" would be an id of its own, taken by the first such block only. */
	if (!id || !*id)
		return NULL;
	const char *anchor = cispref__render_anchor(ctx, prefix, id);
	if (cispref__strmap_find(&ctx->claimed, anchor))
		return NULL;
	if (cispref__strmap_add(&ctx->claimed, (void *)anchor) < 0)
		ctx->failed = 1;
	return anchor;
}

const char *cispref__render_fragment(render_ctx *ctx, const char *anchor)
{
	return concat(ctx, "#", anchor, (const char *)NULL);
}

const char *cispref__render_date(render_ctx *ctx, const char *date)
{
	static const char *const months[] = {"janvier", "février", "mars", "avril", "mai",
	                                     "juin", "juillet", "août", "septembre", "octobre",
	                                     "novembre", "décembre"};
	if (!date)
		return NULL;
	unsigned year, month, day;
	int used = 0;
	if (sscanf(date, "%4u-%2u-%2u%n", &year, &month, &day, &used) == 3 && !date[used] &&
	    month >= 1 && month <= 12 && day >= 1 && day <= 31) {
		char d[16], y[16];
		snprintf(d, sizeof d, "%u", day);
		snprintf(y, sizeof y, "%u", year);
		return concat(ctx, day == 1 ? "1er" : d, " ", months[month - 1], " ", y,
		              (const char *)NULL);
	}
	used = 0;
	if (sscanf(date, "%4u-%2u%n", &year, &month, &used) == 2 && !date[used] && month >= 1 &&
	    month <= 12) {
		char y[16];
		snprintf(y, sizeof y, "%u", year);
		return concat(ctx, months[month - 1], " ", y, (const char *)NULL);
	}
	return date;
}

const char *cispref__render_source(render_ctx *ctx, cispref_source_field_t field)
{
	const char *value = ctx->ref->source[field];
	return value ? cispref__render_text(ctx, value) : NULL;
}

const char *cispref__render_series_line(render_ctx *ctx)
{
	const char *series = ctx->ref->source[CISPREF_SOURCE_SERIES];
	const char *number = ctx->ref->source[CISPREF_SOURCE_NUMBER];
	if (!series)
		return NULL;
	if (!number)
		return cispref__render_text(ctx, series);
	return concat(ctx, cispref__render_text(ctx, series), " n°", number, (const char *)NULL);
}

const cispref_note *cispref__render_competence_note(const render_ctx *ctx, const cispref_competence *comp,
                                           size_t index)
{
	return ctx->opt.notes ? cispref_competence_note(comp, index) : NULL;
}

const cispref_competence *cispref__render_entry_competence(const render_ctx *ctx,
                                                  const cispref_summary_entry *entry)
{
	const cispref_competence *comp = cispref_summary_entry_competence(entry);
	const cispref_domain *domain = comp && comp->plan ? comp->plan->domain : NULL;
	for (size_t d = 0; domain && d < ctx->domains.count; d++)
		if (ctx->domains.items[d] == domain)
			return comp;
	return NULL;
}

/* Visit every (competence, index) of the rendered domains whose note @index is @note, in
 * document order, until @visit returns non-zero; that value, or 0. */
int cispref__render_note_references(const render_ctx *ctx, const cispref_note *note,
                                    render_note_visit visit, void *payload)
{
	for (size_t d = 0; d < ctx->domains.count; d++) {
		const cispref_domain *domain = ctx->domains.items[d];
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				for (size_t n = 0; n < cispref_competence_note_count(comp); n++) {
					int rc = cispref_competence_note(comp, n) == note ? visit(payload, comp, n) : 0;
					if (rc)
						return rc;
				}
			}
		}
	}
	return 0;
}

static int found(void *payload, const cispref_competence *comp, size_t index)
{
	(void)payload;
	(void)comp;
	(void)index;
	return 1;
}

int cispref__render_note_is_referenced(const render_ctx *ctx, const cispref_note *note)
{
	return cispref__render_note_references(ctx, note, found, NULL);
}

size_t cispref__render_plan_run(const cispref_domain *domain, size_t first)
{
	const cispref_summary_entry *e = domain->summary.items[first];
	const cispref_summary_entry *previous = first ? domain->summary.items[first - 1] : NULL;
	if (previous && previous->plan_kind == e->plan_kind)
		return 0;
	size_t n = 1;
	while (first + n < domain->summary.count &&
	       ((cispref_summary_entry *)domain->summary.items[first + n])->plan_kind == e->plan_kind)
		n++;
	return n;
}

/* ---- Front matter ---- */

typedef struct note_search {
	const char *id;
	int found;
} note_search;

static void match_note(const cispref_inline *run, void *data)
{
	note_search *ns = data;
	ns->found |= strcmp(run->text, ns->id) == 0;
}

static void search_rich_text(const cispref_rich_text *rt, void *data)
{
	cispref__rich_text_note_refs(rt, match_note, data);
}

static int section_refers_to(const cispref_section *s, note_search *ns)
{
	search_rich_text(&s->heading, ns);
	for (size_t b = 0; !ns->found && b < s->blocks.count; b++)
		cispref__block_rich_texts(s->blocks.items[b], search_rich_text, ns);
	for (size_t i = 0; !ns->found && i < s->subsections.count; i++)
		section_refers_to(s->subsections.items[i], ns);
	return ns->found;
}

int cispref__render_note_in_front(const render_ctx *ctx, const cispref_note *note)
{
	note_search ns = {note->node.id, 0};
	for (size_t i = 0; !ns.found && i < ctx->sections->count; i++)
		section_refers_to(ctx->sections->items[i], &ns);
	return ns.found;
}

const cispref_note *cispref__render_front_note(const render_ctx *ctx, const cispref_inline *run)
{
	return ctx->opt.notes ? cispref_referential_find_note(ctx->ref, run->text) : NULL;
}

static int section_has(const cispref_section *s, cispref_block_kind_t kind)
{
	for (size_t b = 0; b < s->blocks.count; b++)
		if (((const cispref_block *)s->blocks.items[b])->kind == kind)
			return 1;
	for (size_t i = 0; i < s->subsections.count; i++)
		if (section_has(s->subsections.items[i], kind))
			return 1;
	return 0;
}

int cispref__render_front_has(const render_ctx *ctx, cispref_block_kind_t kind)
{
	for (size_t i = 0; i < ctx->sections->count; i++)
		if (section_has(ctx->sections->items[i], kind))
			return 1;
	return 0;
}

int cispref__render_details_places(const cispref_block *block, const cispref_domain *domain)
{
	return block->kind == CISPREF_BLOCK_DETAILS &&
	       (!block->has_domain_kind || block->domain_kind == domain->kind);
}

int cispref__render_section_places(const cispref_section *section, const cispref_domain *domain)
{
	for (size_t b = 0; b < section->blocks.count; b++)
		if (cispref__render_details_places(section->blocks.items[b], domain))
			return 1;
	return 0;
}

static int places_in(const cispref_section *section, const cispref_domain *domain)
{
	if (cispref__render_section_places(section, domain))
		return 1;
	for (size_t i = 0; i < section->subsections.count; i++)
		if (places_in(section->subsections.items[i], domain))
			return 1;
	return 0;
}

int cispref__render_front_places(const render_ctx *ctx, const cispref_domain *domain)
{
	for (size_t i = 0; i < ctx->sections->count; i++)
		if (places_in(ctx->sections->items[i], domain))
			return 1;
	return 0;
}

const char *cispref__render_section_title(render_ctx *ctx, const cispref_section *section)
{
	const char *heading = cispref__render_text(ctx, section->heading.plain);
	if (!section->number)
		return heading;
	return concat(ctx, section->number, " ", heading, (const char *)NULL);
}

/* ---- Resolving the options ---- */

static int domain_listed(const char *const *ids, const char *id)
{
	for (size_t i = 0; ids[i]; i++)
		if (id && strcmp(ids[i], id) == 0)
			return 1;
	return 0;
}

static int select_domains(render_ctx *ctx, cispref_error *error)
{
	const char *const *ids = ctx->opt.domains;
	for (size_t i = 0; ids && ids[i]; i++)
		if (!cispref_referential_find_domain(ctx->ref, ids[i])) {
			cispref__error_set(error, CISPREF_ENOTFOUND, NULL, 0, 0,
			                   "no domain has the id '%s'", ids[i]);
			return CISPREF_ENOTFOUND;
		}
	for (size_t d = 0; d < ctx->ref->domains.count; d++) {
		cispref_domain *domain = ctx->ref->domains.items[d];
		if ((!ids || domain_listed(ids, domain->node.id)) &&
		    cispref__vec_push(ctx->arena, &ctx->domains, domain) != 0)
			return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}

/* The notes referenced by rendered competences; with every domain rendered, also those
 * nobody references, so that nothing of the source is dropped. */
static int select_notes(render_ctx *ctx)
{
	if (!ctx->opt.notes)
		return CISPREF_OK;
	for (size_t n = 0; n < ctx->ref->notes.count; n++) {
		cispref_note *note = ctx->ref->notes.items[n];
		if ((!ctx->opt.domains || cispref__render_note_is_referenced(ctx, note) ||
		     cispref__render_note_in_front(ctx, note)) &&
		    cispref__vec_push(ctx->arena, &ctx->notes, note) != 0)
			return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}

typedef struct key_builder {
	char *text;
	size_t length;
	size_t capacity;
} key_builder;

static int add_key_word(const char *word, size_t length, void *payload)
{
	key_builder *k = payload;
	if (k->length + length + 2 > k->capacity) {
		size_t capacity = (k->length + length + 2) * 2;
		char *grown = realloc(k->text, capacity);
		if (!grown)
			return -2;
		k->text = grown;
		k->capacity = capacity;
	}
	if (k->length)
		k->text[k->length++] = ' ';
	memcpy(k->text + k->length, word, length);
	k->length += length;
	k->text[k->length] = '\0';
	return 0;
}

/* The folded label (lower case, no accents, words joined by spaces), so that "Écoute"
 * sorts with "ecoute"; the label itself when it is not valid UTF-8. Out of memory, the
 * rendering fails: the index must not come out in another order. */
static const char *sort_key(render_ctx *ctx, const char *label)
{
	key_builder k = {NULL, 0, 0};
	int rc = cispref__fold_words(label, add_key_word, &k);
	const char *key = NULL;
	if (rc != -2)
		key = cispref__arena_strdup(ctx->arena, rc == 0 && k.text ? k.text : label);
	free(k.text);
	if (!key)
		ctx->failed = 1;
	return key ? key : "";
}

static const char *entry_id(const void *entry)
{
	return ((const render_concept *)entry)->concept->node.id;
}

static render_concept *concept_entry(render_ctx *ctx, strmap *seen,
                                     const cispref_concept *concept)
{
	render_concept *entry = cispref__strmap_find(seen, concept->node.id);
	if (entry)
		return entry;
	entry = cispref__arena_alloc(ctx->arena, sizeof *entry);
	if (!entry)
		return NULL;
	entry->concept = concept; /* the key: set before adding */
	if (cispref__strmap_add(seen, entry) != 0 ||
	    cispref__vec_push(ctx->arena, &ctx->concepts, entry) != 0)
		return NULL;
	entry->label = cispref__render_text(ctx, concept->label);
	entry->key = sort_key(ctx, entry->label);
	entry->position = ctx->concepts.count;
	return entry;
}

static int add_competence_concepts(render_ctx *ctx, strmap *seen,
                                   cispref_competence *comp)
{
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++) {
			const cispref_concept *concept = cispref_item_concept(comp->items[k].items[i]);
			if (!concept || !concept->node.id)
				continue;
			render_concept *entry = concept_entry(ctx, seen, concept);
			if (!entry)
				return CISPREF_ENOMEM;
			vec *list = &entry->competences;
			if ((!list->count || list->items[list->count - 1] != comp) &&
			    cispref__vec_push(ctx->arena, list, comp) != 0)
				return CISPREF_ENOMEM;
		}
	return CISPREF_OK;
}

static int compare_concepts(const void *a, const void *b)
{
	const render_concept *x = *(render_concept *const *)a, *y = *(render_concept *const *)b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->position < y->position ? -1 : x->position > y->position;
}

/* The concept index: the concepts that rendered items point to, by label. */
static int select_concepts(render_ctx *ctx)
{
	if (!ctx->opt.index)
		return CISPREF_OK;
	strmap seen;
	cispref__strmap_init(&seen, entry_id);
	int rc = CISPREF_OK;
	for (size_t d = 0; rc == 0 && d < ctx->domains.count; d++) {
		const cispref_domain *domain = ctx->domains.items[d];
		for (size_t p = 0; rc == 0 && p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			for (size_t c = 0; rc == 0 && c < plan->competences.count; c++)
				rc = add_competence_concepts(ctx, &seen, plan->competences.items[c]);
		}
	}
	cispref__strmap_free(&seen);
	if (rc == 0 && ctx->concepts.count)
		qsort(ctx->concepts.items, ctx->concepts.count, sizeof *ctx->concepts.items,
		      compare_concepts);
	return rc;
}

int cispref__render_check_options(const cispref_render_options *options,
                                  cispref_error *error)
{
	const char *problem = NULL;
	if (options && options->version != 1 && options->version != CISPREF_RENDER_OPTIONS_VERSION)
		problem = "render options of an unsupported version";
	else if (options && (unsigned)options->inclusive > CISPREF_INCLUSIVE_NORMALIZED)
		problem = "unknown inclusive-writing style";
	else if (options && options->title && !cispref__text_is_valid(options->title))
		problem = "the title is not valid UTF-8 text";
	if (!problem)
		return CISPREF_OK;
	cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument: %s", problem);
	return CISPREF_EARG;
}

int cispref__render_context_init(render_ctx *ctx, const cispref_referential *ref,
                                 const cispref_render_options *options, int unbreakable,
                                 cispref_error *error)
{
	static const cispref_render_options defaults = CISPREF_RENDER_OPTIONS_INIT;
	memset(ctx, 0, sizeof *ctx);
	cispref__strmap_init(&ctx->claimed, anchor_itself);
	ctx->ref = ref;
	ctx->unbreakable = unbreakable;
	ctx->opt = defaults;
	if (options && options->version == 1) /* no title_page, contents: the defaults */
		memcpy(&ctx->opt, options, offsetof(cispref_render_options, title_page));
	else if (options)
		ctx->opt = *options;
	ctx->opt.version = CISPREF_RENDER_OPTIONS_VERSION;
	ctx->arena = cispref__arena_new();
	if (!ctx->arena)
		return CISPREF_ENOMEM;
	/* no front matter for a choice of domains: see render_ctx.sections */
	static const vec no_sections = {NULL, 0, 0};
	ctx->sections = ctx->opt.domains ? &no_sections : &ref->sections;
	int rc = select_domains(ctx, error);
	if (rc == CISPREF_OK)
		rc = select_notes(ctx);
	if (rc == CISPREF_OK)
		rc = select_concepts(ctx);
	ctx->title = ctx->opt.title ? ctx->opt.title : cispref__render_text(ctx, ref->title);
	return rc == CISPREF_OK && ctx->failed ? CISPREF_ENOMEM : rc;
}

void cispref__render_context_free(render_ctx *ctx)
{
	cispref__strmap_free(&ctx->claimed);
	cispref__arena_free(ctx->arena);
}
