/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The front matter in the edition diff: sections matched by id, and for each one change
 * record per thing that differs (the rules are in include/cispref/diff.h, "Front
 * matter"). Coarser than the nodes' diff on purpose: a section's own blocks are compared
 * as one text, so a publisher reads which section changed and, word by word, where. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_private.h"

/* ---- a growable string (no allocation failure is lost: @failed sticks) ------------ */

typedef struct text_buf {
	char *s;
	size_t length, room;
	int failed;
} text_buf;

static void put(text_buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (b->failed || n == 0)
		return;
	if (b->length + n + 1 > b->room) {
		size_t room = b->room ? b->room : 256;
		while (room < b->length + n + 1)
			room *= 2;
		char *grown = realloc(b->s, room);
		if (!grown) {
			b->failed = 1;
			return;
		}
		b->s = grown;
		b->room = room;
	}
	memcpy(b->s + b->length, s, n + 1);
	b->length += n;
}

/* A new line, but none at the start. */
static void line(text_buf *b)
{
	if (b->length)
		put(b, "\n");
}

/* @rt as plain text or, with @markup, as its markup (which tells emphasis, quotations
 * and note references apart). */
static void rich(text_buf *b, const cispref_rich_text *rt, int markup)
{
	if (!markup) {
		put(b, cispref_rich_text_plain(rt));
		return;
	}
	char *m = rt ? cispref__rich_text_markup(rt) : NULL;
	if (rt && !m)
		b->failed = 1;
	put(b, m);
	free(m);
}

/* A labelled part of the markup form ("item[1°]: "), left out of the plain one. */
static void tag(text_buf *b, int markup, const char *name, const char *label)
{
	if (!markup)
		return;
	put(b, name);
	if (label) {
		put(b, "[");
		put(b, label);
		put(b, "]");
	}
	put(b, ": ");
}

static void timeline(text_buf *b, const cispref_block *block, int markup)
{
	for (size_t p = 0; p < block->children.count; p++) {
		const cispref_phase *phase = block->children.items[p];
		line(b);
		tag(b, markup, "phase", NULL);
		rich(b, &phase->heading, markup);
		for (size_t s = 0; s < phase->steps.count; s++) {
			const cispref_step *step = phase->steps.items[s];
			line(b);
			tag(b, markup, "step", step->actors);
			put(b, step->date);
			if (!markup && step->actors) {
				put(b, " ");
				put(b, step->actors);
			}
			put(b, " ");
			rich(b, &step->task, markup);
		}
	}
}

static void block_text(text_buf *b, const cispref_block *block, int markup)
{
	line(b);
	tag(b, markup, cispref_block_kind_name(block->kind), block->node.id);
	switch (block->kind) {
	case CISPREF_BLOCK_LIST:
		for (size_t i = 0; i < block->children.count; i++) {
			const cispref_list_item *item = block->children.items[i];
			line(b);
			tag(b, markup, "item", item->label);
			if (!markup && item->label) {
				put(b, item->label);
				put(b, " ");
			}
			rich(b, &item->text, markup);
		}
		break;
	case CISPREF_BLOCK_QUOTE:
		if (block->text)
			rich(b, block->text, markup);
		for (size_t i = 0; i < block->children.count; i++) {
			line(b);
			rich(b, block->children.items[i], markup);
		}
		line(b);
		tag(b, markup, "attribution", NULL);
		put(b, block->attribution);
		break;
	case CISPREF_BLOCK_TIMELINE:
		timeline(b, block, markup);
		break;
	case CISPREF_BLOCK_FIGURE:
		tag(b, markup, "drawing", block->drawing);
		rich(b, block->text, markup);
		break;
	case CISPREF_BLOCK_OVERVIEW:
	case CISPREF_BLOCK_DETAILS:
		/* placeholders: the tables they stand for are diffed as nodes */
		if (markup && (block->kind == CISPREF_BLOCK_OVERVIEW || block->has_domain_kind))
			put(b, cispref_domain_kind_name(block->domain_kind));
		break;
	default:
		rich(b, block->text, markup);
	}
}

/* The text of a section's own blocks (not of its subsections); with @markup, its heading
 * first and every block's kind and id. NULL when out of memory; the caller frees it. */
static char *section_text(const cispref_section *s, int markup)
{
	text_buf b = {0};
	if (markup) {
		tag(&b, 1, "heading", NULL);
		rich(&b, &s->heading, 1);
	}
	for (size_t i = 0; i < s->blocks.count; i++)
		block_text(&b, s->blocks.items[i], markup);
	put(&b, " "); /* so that an empty text is "" and not NULL */
	if (b.failed) {
		free(b.s);
		return NULL;
	}
	b.s[b.length - 1] = '\0';
	return b.s;
}

/* ---- translations of a section's texts ------------------------------------------- */

typedef struct fm_listing {
	const cispref_section *section;
	text_buf b;
} fm_listing;

static const cispref_section *owner_section(const node *owner)
{
	if (!owner)
		return NULL; /* the title */
	return owner->type == NODE_SECTION ? (const cispref_section *)owner
	                                   : ((const cispref_block *)owner)->section;
}

/* A language tag in lower case: tags are compared without case. */
static void language(text_buf *b, const char *tag)
{
	char lower[64];
	size_t i = 0;
	for (; tag[i] && i + 1 < sizeof lower; i++)
		lower[i] = (char)(tag[i] >= 'A' && tag[i] <= 'Z' ? tag[i] - 'A' + 'a' : tag[i]);
	lower[i] = '\0';
	put(b, lower);
	if (tag[i])
		put(b, tag + i); /* longer than any tag BCP 47 allows: kept as it is */
}

/* One line per translation of a text of the section: "part [language, source hash]:
 * text" (the hash tells a translation made from another source text apart). */
static void list_translations(const fm_text *t, void *data)
{
	fm_listing *l = data;
	if (owner_section(t->owner) != l->section)
		return;
	for (const fm_translation *ft = *t->slot; ft; ft = ft->next) {
		line(&l->b);
		if (t->owner && t->owner->type == NODE_BLOCK && t->of == t->owner->id) {
			put(&l->b, t->of); /* a block with an id addresses its own texts */
			put(&l->b, " ");
		}
		put(&l->b, t->part);
		put(&l->b, " [");
		language(&l->b, ft->language);
		put(&l->b, ", ");
		put(&l->b, ft->source_hash);
		put(&l->b, "]: ");
		if (ft->rich)
			rich(&l->b, ft->rich, 1);
		else
			put(&l->b, ft->plain);
	}
}

/* The translations of @s's texts, or with @s NULL those of the title. */
static char *translations_text(const cispref_referential *ref, const cispref_section *s)
{
	fm_listing l = {s, {0}};
	cispref__fm_texts(ref, list_translations, &l);
	put(&l.b, " ");
	if (l.b.failed) {
		free(l.b.s);
		return NULL;
	}
	l.b.s[l.b.length - 1] = '\0';
	return l.b.s;
}

/* ---- translations of a node (not of the front matter, but written alike) -------- */

static void list_node_translation(const translation *t, void *data)
{
	text_buf *b = data;
	line(b);
	put(b, "[");
	language(b, t->language);
	put(b, ", ");
	put(b, t->source_hash);
	put(b, "]: ");
	put(b, t->text);
}

char *cispref__diff_node_translations(const cispref_referential *ref, const node *n)
{
	text_buf b = {0};
	cispref__translations_of(ref, n, list_node_translation, &b);
	put(&b, " ");
	if (b.failed) {
		free(b.s);
		return NULL;
	}
	b.s[b.length - 1] = '\0';
	return b.s;
}

/* ---- sections, flattened and matched ------------------------------------------- */

static const char *dnode_key(const void *value)
{
	return ((const dnode *)value)->id;
}

static size_t count_sections(const vec *sections)
{
	size_t n = sections->count;
	for (size_t i = 0; i < sections->count; i++)
		n += count_sections(&((const cispref_section *)sections->items[i])->subsections);
	return n;
}

/* "3.1 Heading", or the heading alone for an unnumbered section. */
static const char *title_of(arena *a, const cispref_section *s)
{
	const char *heading = cispref_rich_text_plain(&s->heading);
	if (!s->number)
		return heading;
	size_t n = strlen(s->number) + strlen(heading) + 2;
	char *t = cispref__arena_alloc(a, n);
	if (t)
		snprintf(t, n, "%s %s", s->number, heading);
	return t;
}

static int add_sections(dnodes *out, arena *a, const vec *sections, const char *parent_id)
{
	for (size_t i = 0; i < sections->count; i++) {
		const cispref_section *s = sections->items[i];
		dnode *d = &out->items[out->count++];
		*d = (dnode){.type = CISPREF_NODE_NONE, .id = s->node.id, .parent_id = parent_id,
		             .position = i, .kind = -1, .body = s, .match = DIFF_NONE,
		             .text_field = "heading", .text = title_of(a, s)};
		if (!d->text || add_sections(out, a, &s->subsections, s->node.id) != 0)
			return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}

/* Every section of @ref in document order (each followed by its subsections). */
static int flatten(dnodes *out, arena *a, const cispref_referential *ref)
{
	cispref__strmap_init(&out->by_id, dnode_key);
	size_t total = count_sections(&ref->sections);
	out->items = calloc(total ? total : 1, sizeof *out->items);
	if (!out->items || cispref__strmap_reserve(&out->by_id, total) != 0 ||
	    add_sections(out, a, &ref->sections, NULL) != 0)
		return CISPREF_ENOMEM;
	for (size_t i = 0; i < out->count; i++)
		if (cispref__strmap_add(&out->by_id, &out->items[i]) < 0)
			return CISPREF_ENOMEM;
	return CISPREF_OK;
}

/* ---- the changes ------------------------------------------------------------------ */

typedef struct front {
	cispref_diff *diff;
	const cispref_referential *old_ref, *new_ref;
	dnodes old, new;
	unsigned char *moved;
} front;

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static int copy(front *f, const char **out, const char *s)
{
	*out = s ? cispref__arena_strdup(f->diff->arena, s) : NULL;
	return s && !*out ? CISPREF_ENOMEM : CISPREF_OK;
}

/* Append a change of @kind (front matter, or the title's translations as metadata);
 * @words: give it the word diff of its values. */
static int emit_kind(front *f, cispref_change_kind_t kind, const dnode *o, const dnode *n,
                     const char *field, const char *old_value, const char *new_value,
                     int words)
{
	cispref_change *c = cispref__arena_alloc(f->diff->arena, sizeof *c);
	if (!c)
		return CISPREF_ENOMEM;
	*c = (cispref_change){.kind = kind, .type = CISPREF_NODE_NONE, .field = field,
	                      .item_kind = -1};
	if (copy(f, &c->old_id, o ? o->id : NULL) || copy(f, &c->new_id, n ? n->id : NULL) ||
	    copy(f, &c->old_value, old_value) || copy(f, &c->new_value, new_value) ||
	    (words && cispref__diff_words(&c->segments, &c->segment_count, f->diff->arena,
	                                  old_value, new_value) != 0) ||
	    cispref__vec_push(f->diff->arena, &f->diff->changes, c) != 0)
		return CISPREF_ENOMEM;
	f->diff->counts[kind]++;
	return CISPREF_OK;
}

static int emit(front *f, const dnode *o, const dnode *n, const char *field,
                const char *old_value, const char *new_value, int words)
{
	return emit_kind(f, CISPREF_CHANGE_FRONT_MATTER, o, n, field, old_value, new_value,
	                 words);
}

/* The title's translations live with the front matter's (fm_translation.c) but are
 * metadata: a change of the field "title.translations", before the front matter's. */
static int title_translations(front *f)
{
	char *before = translations_text(f->old_ref, NULL);
	char *after = translations_text(f->new_ref, NULL);
	int rc = !before || !after ? CISPREF_ENOMEM
	         : strcmp(before, after) == 0
	                 ? CISPREF_OK
	                 : emit_kind(f, CISPREF_CHANGE_METADATA, NULL, NULL, "title.translations",
	                             before, after, 0);
	free(before);
	free(after);
	return rc;
}

static int moved(front *f, const dnode *o, const dnode *n, size_t new_index)
{
	if (!same(o->parent_id, n->parent_id))
		return emit(f, o, n, "parent", o->parent_id, n->parent_id, 0);
	if (!f->moved[new_index])
		return CISPREF_OK;
	char before[24], after[24];
	snprintf(before, sizeof before, "%zu", o->position);
	snprintf(after, sizeof after, "%zu", n->position);
	return emit(f, o, n, "position", before, after, 0);
}

/* Two texts of a section, compared and freed (NULL: out of memory). */
static int text_field(front *f, const dnode *o, const dnode *n, const char *field,
                      char *before, char *after)
{
	int rc = !before || !after ? CISPREF_ENOMEM
	         : strcmp(before, after) == 0 ? CISPREF_OK
	                                      : emit(f, o, n, field, before, after, 1);
	free(before);
	free(after);
	return rc;
}

/* "heading", "number", "content": what a reader sees; "markup": what only the markup
 * tells (emphasis, a note reference, a block's kind or id) when the text is the same;
 * "translations": the translations of its texts. */
static int matched(front *f, size_t new_index)
{
	const dnode *n = &f->new.items[new_index], *o = &f->old.items[n->match];
	const cispref_section *a = o->body, *b = n->body;
	int rc = moved(f, o, n, new_index);
	if (rc == 0 && !same(a->number, b->number))
		rc = emit(f, o, n, "number", a->number, b->number, 1);
	const char *ha = cispref_rich_text_plain(&a->heading);
	const char *hb = cispref_rich_text_plain(&b->heading);
	if (rc == 0 && strcmp(ha, hb) != 0)
		rc = emit(f, o, n, "heading", ha, hb, 1);
	int blocks_same = cispref__blocks_same(&a->blocks, &b->blocks);
	char *ca = blocks_same ? NULL : section_text(a, 0);
	char *cb = blocks_same ? NULL : section_text(b, 0);
	int content_same = blocks_same || (ca && cb && strcmp(ca, cb) == 0);
	if (rc == 0 && !blocks_same)
		rc = text_field(f, o, n, "content", ca, cb);
	else
		free(ca), free(cb);
	int markup_differs = (!blocks_same && content_same) ||
	                     (!cispref__rich_text_same(&a->heading, &b->heading) &&
	                      strcmp(ha, hb) == 0);
	if (rc == 0 && markup_differs) {
		/* reported even when the two markup forms read alike (a text holding a line
		 * that looks like a block's tag): the models differ */
		char *ma = section_text(a, 1), *mb = section_text(b, 1);
		rc = ma && mb ? emit(f, o, n, "markup", ma, mb, 1) : CISPREF_ENOMEM;
		free(ma);
		free(mb);
	}
	if (rc == 0)
		rc = text_field(f, o, n, "translations", translations_text(f->old_ref, a),
		                translations_text(f->new_ref, b));
	return rc;
}

static int compare(front *f)
{
	int rc = title_translations(f);
	if (rc == 0 && (f->old.count == 0) != (f->new.count == 0)) {
		char before[24], after[24];
		snprintf(before, sizeof before, "%zu", f->old.count);
		snprintf(after, sizeof after, "%zu", f->new.count);
		rc = emit(f, NULL, NULL, "front-matter", f->old.count ? before : NULL,
		          f->new.count ? after : NULL, 0);
	}
	for (size_t i = 0; rc == 0 && i < f->new.count; i++) {
		const dnode *n = &f->new.items[i];
		rc = n->match == DIFF_NONE ? emit(f, NULL, n, "added", NULL, n->text, 0)
		                           : matched(f, i);
	}
	for (size_t i = 0; rc == 0 && i < f->old.count; i++) {
		const dnode *o = &f->old.items[i];
		if (o->match == DIFF_NONE)
			rc = emit(f, o, NULL, "removed", o->text, NULL, 0);
	}
	return rc;
}

static void match(front *f)
{
	for (size_t i = 0; i < f->new.count; i++) {
		dnode *n = &f->new.items[i];
		dnode *o = cispref__strmap_find(&f->old.by_id, n->id);
		if (o && o->match == DIFF_NONE) {
			n->match = (size_t)(o - f->old.items);
			o->match = i;
		}
	}
}

int cispref__diff_front_matter(cispref_diff *diff, const cispref_referential *old_ref,
                               const cispref_referential *new_ref)
{
	front f = {.diff = diff, .old_ref = old_ref, .new_ref = new_ref};
	int rc = flatten(&f.old, diff->arena, old_ref);
	if (rc == 0)
		rc = flatten(&f.new, diff->arena, new_ref);
	if (rc == 0) {
		match(&f);
		rc = cispref__diff_positions(&f.moved, &f.old, &f.new);
	}
	if (rc == 0)
		rc = compare(&f);
	free(f.moved);
	cispref__diff_nodes_free(&f.old);
	cispref__diff_nodes_free(&f.new);
	return rc;
}
