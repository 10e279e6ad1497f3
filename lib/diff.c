/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The edition diff: match the nodes of two referentials by id, then list what changed,
 * in the order and by the rules of include/cispref/diff.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_private.h"

/* What one comparison works with. */
typedef struct work {
	cispref_diff *diff;
	const cispref_referential *old_ref, *new_ref;
	dnodes old, new;
	unsigned char *position_moved; /* per node of new: left the order of its siblings */
	diff_rename *renames;          /* sorted by new_index */
	size_t rename_count, next_rename;
} work;

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* A copy of @s in the diff's arena into *@out (NULL stays NULL). */
static int copy(work *w, const char **out, const char *s)
{
	*out = s ? cispref__arena_strdup(w->diff->arena, s) : NULL;
	return s && !*out ? CISPREF_ENOMEM : CISPREF_OK;
}

/* Append a change about the node @o of OLD and/or @n of NEW (either may be NULL). */
static int emit(cispref_change **out, work *w, cispref_change_kind_t kind, const dnode *o,
                const dnode *n, const char *field, const char *old_value,
                const char *new_value)
{
	cispref_change *c = cispref__arena_alloc(w->diff->arena, sizeof *c);
	if (!c)
		return CISPREF_ENOMEM;
	const dnode *any = n ? n : o;
	c->kind = kind;
	c->type = any ? any->type : CISPREF_NODE_NONE;
	c->field = field; /* static strings */
	c->item_kind = any && any->type == CISPREF_NODE_ITEM ? any->kind : -1;
	if (copy(w, &c->old_id, o ? o->id : NULL) || copy(w, &c->new_id, n ? n->id : NULL) ||
	    copy(w, &c->domain_id, any ? any->domain_id : NULL) ||
	    copy(w, &c->old_value, old_value) || copy(w, &c->new_value, new_value) ||
	    cispref__vec_push(w->diff->arena, &w->diff->changes, c) != 0)
		return CISPREF_ENOMEM;
	w->diff->counts[kind]++;
	if (out)
		*out = c;
	return CISPREF_OK;
}

static int metadata(work *w, const char *field, const char *before, const char *after)
{
	return same(before, after) ? CISPREF_OK
	                           : emit(NULL, w, CISPREF_CHANGE_METADATA, NULL, NULL, field,
	                                  before, after);
}

static int compare_metadata(work *w)
{
	static const char *const source_fields[CISPREF_SOURCE_FIELD_COUNT] = {
		"source.publisher", "source.series", "source.number", "source.date",
		"source.approval"};
	const cispref_referential *a = w->old_ref, *b = w->new_ref;
	int rc = metadata(w, "id", a->id, b->id);
	rc = rc ? rc : metadata(w, "title", a->title, b->title);
	rc = rc ? rc : metadata(w, "version", a->version, b->version);
	rc = rc ? rc : metadata(w, "language", a->language, b->language);
	for (int f = 0; rc == 0 && f < CISPREF_SOURCE_FIELD_COUNT; f++)
		rc = metadata(w, source_fields[f], a->source[f], b->source[f]);
	rc = rc ? rc : metadata(w, "uuid", a->uuid, b->uuid);
	return rc ? rc : metadata(w, "base-uri", a->base_uri, b->base_uri);
}

/* Match each node of NEW with the node of OLD that has its id and type. */
static void match(work *w)
{
	for (size_t i = 0; i < w->new.count; i++) {
		dnode *n = &w->new.items[i];
		dnode *o = cispref__strmap_find(&w->old.by_id, n->id);
		if (o && o->type == n->type) {
			n->match = (size_t)(o - w->old.items);
			o->match = i;
		}
	}
}

/* A text change, with its word diff. */
static int text_change(work *w, const dnode *o, const dnode *n, const char *field,
                       const char *before, const char *after)
{
	if (same(before, after))
		return CISPREF_OK;
	cispref_change *c;
	int rc = emit(&c, w, CISPREF_CHANGE_TEXT, o, n, field, before, after);
	return rc ? rc
	          : cispref__diff_words(&c->segments, &c->segment_count, w->diff->arena, before,
	                                after);
}

/* The note ids of a competence, separated by single spaces ("" for none). */
static const char *note_list(work *w, const cispref_competence *c)
{
	size_t length = 1;
	for (size_t i = 0; i < c->note_ids.count; i++)
		length += strlen(c->note_ids.items[i]) + 1;
	char *text = cispref__arena_alloc(w->diff->arena, length);
	if (!text)
		return NULL;
	for (size_t i = 0; i < c->note_ids.count; i++) {
		if (i)
			strcat(text, " ");
		strcat(text, c->note_ids.items[i]);
	}
	return text;
}

static int notes_change(work *w, const dnode *o, const dnode *n)
{
	const char *before = note_list(w, o->body), *after = note_list(w, n->body);
	if (!before || !after)
		return CISPREF_ENOMEM;
	return same(before, after)
	               ? CISPREF_OK
	               : emit(NULL, w, CISPREF_CHANGE_NOTES, o, n, "notes", before, after);
}

/* The links of a node: an item's concept, an entry's competence, a competence's notes,
 * a note's number. */
static int link_changes(work *w, const dnode *o, const dnode *n)
{
	switch (n->type) {
	case CISPREF_NODE_ITEM: {
		const char *a = ((const cispref_item *)o->body)->concept_id;
		const char *b = ((const cispref_item *)n->body)->concept_id;
		return same(a, b) ? CISPREF_OK
		                  : emit(NULL, w, CISPREF_CHANGE_CONCEPT, o, n, "concept", a, b);
	}
	case CISPREF_NODE_SUMMARY_ENTRY: {
		const char *a = ((const cispref_summary_entry *)o->body)->competence_id;
		const char *b = ((const cispref_summary_entry *)n->body)->competence_id;
		return same(a, b) ? CISPREF_OK
		                  : emit(NULL, w, CISPREF_CHANGE_LINK, o, n, "competence", a, b);
	}
	case CISPREF_NODE_COMPETENCE:
		return notes_change(w, o, n);
	default:
		return CISPREF_OK;
	}
}

static int moved(work *w, const dnode *o, const dnode *n, size_t new_index)
{
	if (!same(o->parent_id, n->parent_id))
		return emit(NULL, w, CISPREF_CHANGE_MOVED, o, n, "parent", o->parent_id,
		            n->parent_id);
	if (!w->position_moved[new_index])
		return CISPREF_OK;
	char before[24], after[24];
	snprintf(before, sizeof before, "%zu", o->position);
	snprintf(after, sizeof after, "%zu", n->position);
	return emit(NULL, w, CISPREF_CHANGE_MOVED, o, n, "position", before, after);
}

/* The edition link as a diff value: NULL not deprecated, "" without a replacement. */
static const char *link_value(const cispref_referential *ref, const dnode *d)
{
	if (!cispref_referential_node_deprecated(ref, d->id))
		return NULL;
	const char *by = cispref_referential_node_replaced_by(ref, d->id);
	return by ? by : "";
}

static int deprecation_change(work *w, const dnode *o, const dnode *n)
{
	const char *before = link_value(w->old_ref, o), *after = link_value(w->new_ref, n);
	return same(before, after) ? CISPREF_OK
	                           : emit(NULL, w, CISPREF_CHANGE_DEPRECATED, o, n, "replaced-by",
	                                  before, after);
}

/* The node's translations, compared as a whole (a text change "translations"). */
static int translations_change(work *w, const dnode *o, const dnode *n)
{
	char *before = cispref__diff_node_translations(w->old_ref, o->body);
	char *after = cispref__diff_node_translations(w->new_ref, n->body);
	int rc = !before || !after ? CISPREF_ENOMEM
	                           : text_change(w, o, n, "translations", before, after);
	free(before);
	free(after);
	return rc;
}

/* The changes of a node found in both, in the order of cispref_change_kind_t. */
static int matched_changes(work *w, size_t new_index)
{
	const dnode *n = &w->new.items[new_index], *o = &w->old.items[n->match];
	int rc = moved(w, o, n, new_index);
	if (rc == 0 && o->kind != n->kind)
		rc = emit(NULL, w, CISPREF_CHANGE_KIND, o, n, "kind", o->kind_name, n->kind_name);
	if (rc == 0)
		rc = text_change(w, o, n, n->text_field, o->text, n->text);
	if (rc == 0 && n->type == CISPREF_NODE_NOTE)
		rc = text_change(w, o, n, "number", ((const cispref_note *)o->body)->number,
		                 ((const cispref_note *)n->body)->number);
	if (rc == 0)
		rc = translations_change(w, o, n);
	if (rc == 0)
		rc = link_changes(w, o, n);
	return rc ? rc : deprecation_change(w, o, n);
}

/* The renaming that pairs the added node @n with a removed node, if any. */
static int renamed(work *w, const dnode *n, size_t new_index)
{
	if (w->next_rename >= w->rename_count || w->renames[w->next_rename].new_index != new_index)
		return CISPREF_OK;
	const diff_rename *r = &w->renames[w->next_rename++];
	const dnode *o = &w->old.items[r->old_index];
	cispref_change *c;
	int rc = emit(&c, w, CISPREF_CHANGE_RENAMED, o, n, NULL, o->text, n->text);
	if (rc == 0)
		c->similarity = r->similarity;
	return rc;
}

/* An added node, its probable renaming, and its edition link when it comes deprecated
 * (software that never saw it learns at once where to go instead). */
static int added_changes(work *w, size_t new_index)
{
	const dnode *n = &w->new.items[new_index];
	int rc = emit(NULL, w, CISPREF_CHANGE_ADDED, NULL, n, NULL, NULL, n->text);
	if (rc == 0)
		rc = renamed(w, n, new_index);
	const char *link = rc == 0 ? link_value(w->new_ref, n) : NULL;
	return link ? emit(NULL, w, CISPREF_CHANGE_DEPRECATED, NULL, n, "replaced-by", NULL, link)
	            : rc;
}

static int compare(work *w)
{
	int rc = compare_metadata(w);
	if (rc == 0)
		rc = cispref__diff_front_matter(w->diff, w->old_ref, w->new_ref);
	for (size_t i = 0; rc == 0 && i < w->new.count; i++)
		rc = w->new.items[i].match == DIFF_NONE ? added_changes(w, i) : matched_changes(w, i);
	for (size_t i = 0; rc == 0 && i < w->old.count; i++) {
		const dnode *o = &w->old.items[i];
		if (o->match == DIFF_NONE)
			rc = emit(NULL, w, CISPREF_CHANGE_REMOVED, o, NULL, NULL, o->text, NULL);
	}
	return rc;
}

static int add_domain(work *w, const cispref_domain *domain)
{
	diff_domain *d = cispref__arena_alloc(w->diff->arena, sizeof *d);
	if (!d || copy(w, &d->id, domain->node.id) || copy(w, &d->title, domain->title))
		return CISPREF_ENOMEM;
	return cispref__vec_push(w->diff->arena, &w->diff->domains, d) ? CISPREF_ENOMEM : 0;
}

/* The headings of the outputs: both editions, and every domain. */
static int describe(work *w, diff_edition *e, const cispref_referential *ref)
{
	if (copy(w, &e->id, ref->id) || copy(w, &e->title, ref->title) ||
	    copy(w, &e->version, ref->version))
		return CISPREF_ENOMEM;
	for (size_t i = 0; i < ref->domains.count; i++) {
		const cispref_domain *domain = ref->domains.items[i];
		if (ref == w->old_ref && cispref_referential_find_domain(w->new_ref, domain->node.id))
			continue;
		if (add_domain(w, domain))
			return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}

static int prepare(work *w)
{
	if (describe(w, &w->diff->new, w->new_ref) || describe(w, &w->diff->old, w->old_ref))
		return CISPREF_ENOMEM;
	if (cispref__diff_flatten(&w->old, w->old_ref) != 0 ||
	    cispref__diff_flatten(&w->new, w->new_ref) != 0)
		return CISPREF_ENOMEM;
	match(w);
	if (cispref__diff_positions(&w->position_moved, &w->old, &w->new) != 0)
		return CISPREF_ENOMEM;
	return cispref__diff_renames(&w->renames, &w->rename_count, &w->old, &w->new);
}

static int refuse_duplicates(const cispref_referential *ref, const char *which,
                             cispref_error *error)
{
	if (ref->duplicate_ids == 0)
		return CISPREF_OK;
	cispref__error_set(error, CISPREF_ERULE, ref->origin ? ref->origin : "", 0, 0,
	                   "the %s referential holds %zu node(s) whose id another node holds: "
	                   "nodes are matched by id", which, ref->duplicate_ids);
	if (error)
		error->rule = "duplicate-id";
	return CISPREF_ERULE;
}

int cispref_diff_new(cispref_diff **out, const cispref_referential *old_ref,
                     const cispref_referential *new_ref, cispref_error *error)
{
	if (!out || !old_ref || !new_ref) {
		cispref__error_set(error, CISPREF_EARG, "", 0, 0, "a NULL argument");
		return CISPREF_EARG;
	}
	int rc = refuse_duplicates(old_ref, "old", error);
	if (rc == 0)
		rc = refuse_duplicates(new_ref, "new", error);
	if (rc)
		return rc;
	work w = {.old_ref = old_ref, .new_ref = new_ref};
	w.diff = calloc(1, sizeof *w.diff);
	if (w.diff && !(w.diff->arena = cispref__arena_new())) {
		free(w.diff);
		w.diff = NULL;
	}
	rc = w.diff ? prepare(&w) : CISPREF_ENOMEM;
	if (rc == 0)
		rc = compare(&w);
	free(w.position_moved);
	free(w.renames);
	cispref__diff_nodes_free(&w.old);
	cispref__diff_nodes_free(&w.new);
	if (rc != 0) {
		cispref_diff_free(w.diff);
		cispref__error_set(error, rc, "", 0, 0, "out of memory while comparing referentials");
		return rc;
	}
	*out = w.diff;
	return CISPREF_OK;
}

void cispref_diff_free(cispref_diff *diff)
{
	if (!diff)
		return;
	cispref__arena_free(diff->arena);
	free(diff);
}
