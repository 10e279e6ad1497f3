/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The front matter's nodes: creation, the plain text of inline content, read accessors. */
#include <string.h>

#include "private.h"

/* ---- kind names ---------------------------------------------------------------- */

static const char *const block_kind_names[] = {"p", "list", "quote", "timeline",
                                               "figure", "overview", "details"};
static const char *const inline_kind_names[] = {"text", "em", "q", "note-ref"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *cispref_block_kind_name(cispref_block_kind_t kind)
{
	return (unsigned)kind < COUNT(block_kind_names) ? block_kind_names[kind] : NULL;
}

int cispref_block_kind_from_name(cispref_block_kind_t *out, const char *name)
{
	for (size_t i = 0; out && name && i < COUNT(block_kind_names); i++)
		if (strcmp(block_kind_names[i], name) == 0) {
			*out = (cispref_block_kind_t)i;
			return CISPREF_OK;
		}
	return CISPREF_EARG;
}

const char *cispref_inline_kind_name(cispref_inline_kind_t kind)
{
	return (unsigned)kind < COUNT(inline_kind_names) ? inline_kind_names[kind] : NULL;
}

/* ---- creation ------------------------------------------------------------------ */

cispref_section *cispref__section_create(cispref_referential *ref, cispref_section *parent,
                                         const char *id, const char *number)
{
	vec *list = parent ? &parent->subsections : &ref->sections;
	cispref_section *s = cispref__node_create(ref, sizeof *s, NODE_SECTION, id, list);
	if (!s || (number && !(s->number = cispref__arena_strdup(ref->arena, number))))
		return NULL;
	s->ref = ref;
	s->parent = parent;
	s->level = parent ? parent->level + 1 : 1;
	s->heading.plain = "";
	return s;
}

/* A rich text in the arena, its plain text "" until it is finished. */
static cispref_rich_text *rich_text_new(arena *a)
{
	cispref_rich_text *rt = cispref__arena_alloc(a, sizeof *rt);
	if (rt)
		rt->plain = "";
	return rt;
}

cispref_block *cispref__block_create(cispref_section *section, cispref_block_kind_t kind,
                                     const char *id)
{
	cispref_referential *ref = section->ref;
	cispref_block *b;
	if (id) {
		b = cispref__node_create(ref, sizeof *b, NODE_BLOCK, id, &section->blocks);
	} else {
		/* not addressable: kept out of the index */
		b = cispref__arena_alloc(ref->arena, sizeof *b);
		if (b && cispref__vec_push(ref->arena, &section->blocks, b) != 0)
			b = NULL;
		if (b)
			b->node.type = NODE_BLOCK;
	}
	if (!b)
		return NULL;
	b->kind = kind;
	b->section = section;
	/* the kinds with inline content of their own get it now; a quotation's heading is
	 * optional, made when it is read */
	if ((kind == CISPREF_BLOCK_PARAGRAPH || kind == CISPREF_BLOCK_FIGURE) &&
	    !(b->text = rich_text_new(ref->arena)))
		return NULL;
	return b;
}

cispref_rich_text *cispref__block_add_paragraph(cispref_block *quote)
{
	arena *a = quote->section->ref->arena;
	cispref_rich_text *rt = rich_text_new(a);
	if (!rt || cispref__vec_push(a, &quote->children, rt) != 0)
		return NULL;
	return rt;
}

cispref_list_item *cispref__list_item_create(cispref_block *list, const char *label)
{
	arena *a = list->section->ref->arena;
	cispref_list_item *it = cispref__arena_alloc(a, sizeof *it);
	if (!it || (label && !(it->label = cispref__arena_strdup(a, label))) ||
	    cispref__vec_push(a, &list->children, it) != 0)
		return NULL;
	it->text.plain = "";
	return it;
}

cispref_phase *cispref__phase_create(cispref_block *timeline)
{
	arena *a = timeline->section->ref->arena;
	cispref_phase *ph = cispref__arena_alloc(a, sizeof *ph);
	if (!ph || cispref__vec_push(a, &timeline->children, ph) != 0)
		return NULL;
	ph->heading.plain = "";
	return ph;
}

cispref_step *cispref__step_create(cispref_referential *ref, cispref_phase *phase)
{
	arena *a = ref->arena;
	cispref_step *st = cispref__arena_alloc(a, sizeof *st);
	if (!st || cispref__vec_push(a, &phase->steps, st) != 0)
		return NULL;
	st->date = "";
	st->task.plain = "";
	return st;
}

cispref_inline *cispref__inline_create(cispref_referential *ref, cispref_rich_text *parent,
                                       cispref_inline_kind_t kind, const char *text,
                                       size_t length)
{
	cispref_inline *run = cispref__arena_alloc(ref->arena, sizeof *run);
	if (!run || (text && !(run->text = cispref__arena_strndup(ref->arena, text, length))) ||
	    cispref__vec_push(ref->arena, &parent->runs, run) != 0)
		return NULL;
	run->kind = kind;
	run->children.plain = "";
	return run;
}

/* ---- plain text ---------------------------------------------------------------- */

/* Append @rt's plain text at @out (NULL: only count); returns the bytes it takes. */
static size_t plain_text(const cispref_rich_text *rt, char *out)
{
	static const char open[] = "\xe2\x80\x9c", close[] = "\xe2\x80\x9d"; /* “ ” */
	size_t n = 0;
	for (size_t i = 0; i < rt->runs.count; i++) {
		const cispref_inline *run = rt->runs.items[i];
		switch (run->kind) {
		case CISPREF_INLINE_TEXT:
			if (out)
				memcpy(out + n, run->text, strlen(run->text));
			n += strlen(run->text);
			break;
		case CISPREF_INLINE_QUOTATION:
			if (out)
				memcpy(out + n, open, 3);
			n += 3;
			n += plain_text(&run->children, out ? out + n : NULL);
			if (out)
				memcpy(out + n, close, 3);
			n += 3;
			break;
		case CISPREF_INLINE_EMPHASIS:
			n += plain_text(&run->children, out ? out + n : NULL);
			break;
		case CISPREF_INLINE_NOTE_REF:
			break;
		}
	}
	return n;
}

int cispref__rich_text_finish(cispref_referential *ref, cispref_rich_text *rt)
{
	size_t n = plain_text(rt, NULL);
	if (n == 0) {
		rt->plain = "";
		return 0;
	}
	char *s = cispref__arena_alloc(ref->arena, n + 1);
	if (!s)
		return -1;
	plain_text(rt, s);
	s[n] = '\0';
	rt->plain = s;
	return 0;
}

/* ---- walks --------------------------------------------------------------------- */

void cispref__rich_text_note_refs(const cispref_rich_text *rt, cispref__note_ref_fn visit,
                                  void *data)
{
	for (size_t i = 0; rt && i < rt->runs.count; i++) {
		const cispref_inline *run = rt->runs.items[i];
		if (run->kind == CISPREF_INLINE_NOTE_REF)
			visit(run, data);
		else if (run->kind != CISPREF_INLINE_TEXT)
			cispref__rich_text_note_refs(&run->children, visit, data);
	}
}

void cispref__block_rich_texts(const cispref_block *block, cispref__rich_text_fn visit,
                               void *data)
{
	if (block->text)
		visit(block->text, data);
	for (size_t i = 0; i < block->children.count; i++) {
		const void *child = block->children.items[i];
		if (block->kind == CISPREF_BLOCK_LIST) {
			visit(&((const cispref_list_item *)child)->text, data);
		} else if (block->kind == CISPREF_BLOCK_QUOTE) {
			visit(child, data);
		} else if (block->kind == CISPREF_BLOCK_TIMELINE) {
			const cispref_phase *ph = child;
			visit(&ph->heading, data);
			for (size_t s = 0; s < ph->steps.count; s++)
				visit(&((const cispref_step *)ph->steps.items[s])->task, data);
		}
	}
}

/* ---- removing a note's references (the builder) ------------------------------------ */

/* Removing note-refs brings text runs together, which are joined, as a reader would read
 * them back. The room the joined texts need is measured and taken first, so that running
 * out of memory changes nothing. */
typedef struct dropping {
	cispref_referential *ref;
	const char *id;
	size_t need;  /* first pass: bytes the joined texts may take */
	char *room;   /* second pass: where they go */
} dropping;

static int refers(const cispref_inline *run, const char *id)
{
	return run->kind == CISPREF_INLINE_NOTE_REF && strcmp(run->text, id) == 0;
}

/* First pass: in @rt and the runs inside it, the bytes of the texts of each list of runs
 * that holds a note-ref to the note. */
static void measure(const cispref_rich_text *rt, dropping *d)
{
	size_t text = 0;
	int found = 0;
	for (size_t i = 0; i < rt->runs.count; i++) {
		const cispref_inline *run = rt->runs.items[i];
		found |= refers(run, d->id);
		if (run->kind == CISPREF_INLINE_TEXT)
			text += strlen(run->text) + 1;
		else if (run->kind != CISPREF_INLINE_NOTE_REF)
			measure(&run->children, d);
	}
	if (found)
		d->need += text;
}

/* Second pass: drop the note-refs, join the texts that come together. */
static void drop(cispref_rich_text *rt, dropping *d)
{
	int found = 0;
	for (size_t i = rt->runs.count; i-- > 0;) {
		cispref_inline *run = rt->runs.items[i];
		if (refers(run, d->id)) {
			cispref__vec_remove(&rt->runs, i);
			found = 1;
		} else if (run->kind != CISPREF_INLINE_TEXT && run->kind != CISPREF_INLINE_NOTE_REF) {
			drop(&run->children, d);
		}
	}
	/* each stretch of text runs becomes one run, written once: the joined texts take at
	 * most what the measure counted */
	for (size_t i = 0; found && i < rt->runs.count; i++) {
		size_t end = i, length = 0;
		while (end < rt->runs.count &&
		       ((cispref_inline *)rt->runs.items[end])->kind == CISPREF_INLINE_TEXT)
			length += strlen(((cispref_inline *)rt->runs.items[end++])->text);
		if (end - i < 2)
			continue;
		cispref_inline *first = rt->runs.items[i];
		char *joined = d->room, *at = joined;
		for (size_t k = i; k < end; k++) {
			const char *t = ((cispref_inline *)rt->runs.items[k])->text;
			memcpy(at, t, strlen(t));
			at += strlen(t);
		}
		*at = '\0';
		d->room += length + 1;
		first->text = joined;
		while (end-- > i + 1)
			cispref__vec_remove(&rt->runs, i + 1);
	}
}

/* A text and its translations (fm_translation.c), which keep the text's note-refs: a
 * translation still referring to the removed note would no longer load. */
static void measure_in(const cispref_rich_text *rt, void *data)
{
	measure(rt, data);
	for (const fm_translation *ft = rt->translations; ft; ft = ft->next)
		if (ft->rich)
			measure(ft->rich, data);
}

static void drop_in(const cispref_rich_text *rt, void *data)
{
	/* the rich texts belong to the referential the builder changes */
	drop((cispref_rich_text *)rt, data);
	for (const fm_translation *ft = rt->translations; ft; ft = ft->next)
		if (ft->rich)
			drop(ft->rich, data);
}

static void walk_section(cispref_section *s, cispref__rich_text_fn visit, dropping *d)
{
	visit(&s->heading, d);
	for (size_t b = 0; b < s->blocks.count; b++)
		cispref__block_rich_texts(s->blocks.items[b], visit, d);
	for (size_t i = 0; i < s->subsections.count; i++)
		walk_section(s->subsections.items[i], visit, d);
}

int cispref__front_matter_drop_note_refs(cispref_referential *ref, const char *note_id)
{
	dropping d = {ref, note_id, 0, NULL};
	for (size_t i = 0; i < ref->sections.count; i++)
		walk_section(ref->sections.items[i], measure_in, &d);
	if (!d.need)
		return 0; /* no reference: nothing to do */
	/* each join writes at most the two texts, which the measure counted with their NULs */
	if (!(d.room = cispref__arena_alloc(ref->arena, d.need)))
		return -1;
	for (size_t i = 0; i < ref->sections.count; i++)
		walk_section(ref->sections.items[i], drop_in, &d);
	return 0;
}

/* ---- accessors ----------------------------------------------------------------- */

size_t cispref_referential_section_count(const cispref_referential *ref)
{
	return ref ? ref->sections.count : 0;
}

const cispref_section *cispref_referential_section(const cispref_referential *ref, size_t index)
{
	return ref ? cispref__vec_get(&ref->sections, index) : NULL;
}

static const void *find_typed(const cispref_referential *ref, const char *id, node_type type)
{
	const node *n = ref && id ? cispref__find(ref, id) : NULL;
	return n && n->type == type ? n : NULL;
}

const cispref_section *cispref_referential_find_section(const cispref_referential *ref,
                                                        const char *id)
{
	return find_typed(ref, id, NODE_SECTION);
}

const cispref_block *cispref_referential_find_block(const cispref_referential *ref,
                                                    const char *id)
{
	return find_typed(ref, id, NODE_BLOCK);
}

const char *cispref_section_id(const cispref_section *s) { return s ? s->node.id : NULL; }
const char *cispref_section_number(const cispref_section *s) { return s ? s->number : NULL; }
unsigned cispref_section_level(const cispref_section *s) { return s ? s->level : 0; }
const cispref_section *cispref_section_parent(const cispref_section *s) { return s ? s->parent : NULL; }

const cispref_rich_text *cispref_section_heading(const cispref_section *s)
{
	return s ? &s->heading : NULL;
}

size_t cispref_section_block_count(const cispref_section *s) { return s ? s->blocks.count : 0; }

const cispref_block *cispref_section_block(const cispref_section *s, size_t index)
{
	return s ? cispref__vec_get(&s->blocks, index) : NULL;
}

size_t cispref_section_subsection_count(const cispref_section *s)
{
	return s ? s->subsections.count : 0;
}

const cispref_section *cispref_section_subsection(const cispref_section *s, size_t index)
{
	return s ? cispref__vec_get(&s->subsections, index) : NULL;
}

cispref_block_kind_t cispref_block_kind(const cispref_block *b)
{
	return b ? b->kind : CISPREF_BLOCK_PARAGRAPH;
}

const char *cispref_block_id(const cispref_block *b) { return b ? b->node.id : NULL; }
const cispref_section *cispref_block_section(const cispref_block *b) { return b ? b->section : NULL; }

/* The block when it is of @kind, else NULL. */
static const cispref_block *of_kind(const cispref_block *b, cispref_block_kind_t kind)
{
	return b && b->kind == kind ? b : NULL;
}

const cispref_rich_text *cispref_block_text(const cispref_block *b)
{
	return of_kind(b, CISPREF_BLOCK_PARAGRAPH) ? b->text : NULL;
}

size_t cispref_block_list_item_count(const cispref_block *b)
{
	return of_kind(b, CISPREF_BLOCK_LIST) ? b->children.count : 0;
}

const cispref_list_item *cispref_block_list_item(const cispref_block *b, size_t index)
{
	return of_kind(b, CISPREF_BLOCK_LIST) ? cispref__vec_get(&b->children, index) : NULL;
}

const cispref_rich_text *cispref_block_heading(const cispref_block *b)
{
	return of_kind(b, CISPREF_BLOCK_QUOTE) ? b->text : NULL;
}

size_t cispref_block_paragraph_count(const cispref_block *b)
{
	return of_kind(b, CISPREF_BLOCK_QUOTE) ? b->children.count : 0;
}

const cispref_rich_text *cispref_block_paragraph(const cispref_block *b, size_t index)
{
	return of_kind(b, CISPREF_BLOCK_QUOTE) ? cispref__vec_get(&b->children, index) : NULL;
}

const char *cispref_block_attribution(const cispref_block *b)
{
	return of_kind(b, CISPREF_BLOCK_QUOTE) ? b->attribution : NULL;
}

size_t cispref_block_phase_count(const cispref_block *b)
{
	return of_kind(b, CISPREF_BLOCK_TIMELINE) ? b->children.count : 0;
}

const cispref_phase *cispref_block_phase(const cispref_block *b, size_t index)
{
	return of_kind(b, CISPREF_BLOCK_TIMELINE) ? cispref__vec_get(&b->children, index) : NULL;
}

const char *cispref_block_drawing(const cispref_block *b)
{
	return of_kind(b, CISPREF_BLOCK_FIGURE) ? b->drawing : NULL;
}

const cispref_rich_text *cispref_block_caption(const cispref_block *b)
{
	return of_kind(b, CISPREF_BLOCK_FIGURE) ? b->text : NULL;
}

cispref_domain_kind_t cispref_block_domain_kind(const cispref_block *b)
{
	return cispref_block_has_domain_kind(b) ? b->domain_kind : CISPREF_DOMAIN_CORE;
}

bool cispref_block_has_domain_kind(const cispref_block *b)
{
	return of_kind(b, CISPREF_BLOCK_OVERVIEW) ||
	       (of_kind(b, CISPREF_BLOCK_DETAILS) && b->has_domain_kind);
}

const char *cispref_list_item_label(const cispref_list_item *it) { return it ? it->label : NULL; }

const cispref_rich_text *cispref_list_item_text(const cispref_list_item *it)
{
	return it ? &it->text : NULL;
}

const cispref_rich_text *cispref_phase_heading(const cispref_phase *ph)
{
	return ph ? &ph->heading : NULL;
}

size_t cispref_phase_step_count(const cispref_phase *ph) { return ph ? ph->steps.count : 0; }

const cispref_step *cispref_phase_step(const cispref_phase *ph, size_t index)
{
	return ph ? cispref__vec_get(&ph->steps, index) : NULL;
}

const char *cispref_step_date(const cispref_step *st) { return st ? st->date : NULL; }
const char *cispref_step_actors(const cispref_step *st) { return st ? st->actors : NULL; }

const cispref_rich_text *cispref_step_task(const cispref_step *st)
{
	return st ? &st->task : NULL;
}

size_t cispref_rich_text_count(const cispref_rich_text *rt) { return rt ? rt->runs.count : 0; }

const cispref_inline *cispref_rich_text_run(const cispref_rich_text *rt, size_t index)
{
	return rt ? cispref__vec_get(&rt->runs, index) : NULL;
}

const char *cispref_rich_text_plain(const cispref_rich_text *rt) { return rt ? rt->plain : ""; }

cispref_inline_kind_t cispref_inline_kind(const cispref_inline *run)
{
	return run ? run->kind : CISPREF_INLINE_TEXT;
}

const char *cispref_inline_text(const cispref_inline *run)
{
	return run && run->kind == CISPREF_INLINE_TEXT ? run->text : NULL;
}

const char *cispref_inline_note_id(const cispref_inline *run)
{
	return run && run->kind == CISPREF_INLINE_NOTE_REF ? run->text : NULL;
}

const cispref_rich_text *cispref_inline_children(const cispref_inline *run)
{
	return run && (run->kind == CISPREF_INLINE_EMPHASIS || run->kind == CISPREF_INLINE_QUOTATION)
	               ? &run->children
	               : NULL;
}
