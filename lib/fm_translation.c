/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Translations of the front matter's texts and of the referential's title
 * (doc/format.md, "Translations"). A section or block holds several texts, so a
 * translation names one with `of` (the section's, block's or referential's id) and `part`
 * ("heading", "block 3 item 2", "phase 1 step 2 task", "title"). The part is parsed
 * here, word by word, rather than found by walking every text: a file may hold many
 * translations of a long list. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "langtag.h"
#include "private.h"

/* ---- addresses --------------------------------------------------------------------- */

static void fill(fm_text *t, const node *owner, const char *of, const cispref_rich_text *rich,
                 const char *plain, fm_translation **slot)
{
	t->of = of;
	t->owner = owner;
	t->rich = rich;
	t->plain = plain;
	t->slot = slot;
}

static void rich_at(fm_text *t, const node *owner, const char *of, cispref_rich_text *rt)
{
	fill(t, owner, of, rt, NULL, &rt->translations);
}

/* Whether *@p begins with @w, then a single space before more or the end; if so, *@p
 * moves past them. */
static int word(const char **p, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(*p, w, n) != 0)
		return 0;
	const char *after = *p + n;
	if (*after == ' ' && after[1] && after[1] != ' ')
		after++;
	else if (*after)
		return 0;
	*p = after;
	return 1;
}

/* A position counted from 1, written without leading zero, then as word() ends: its
 * index (from 0) into *@out when below @count. */
static int position(const char **p, size_t count, size_t *out)
{
	const char *s = *p;
	size_t value = 0, digits = strspn(s, "0123456789");
	if (!digits || digits > 9 || s[0] == '0')
		return 0;
	for (size_t i = 0; i < digits; i++)
		value = value * 10 + (size_t)(s[i] - '0');
	char number[10];
	memcpy(number, s, digits);
	number[digits] = '\0';
	if (value > count || !word(p, number))
		return 0;
	*out = value - 1;
	return 1;
}

/* A step's part at *@p: date, actors (when it has some) or task. */
static int step_part(fm_text *t, const node *owner, const char *of, cispref_step *st,
                     const char *p)
{
	if (word(&p, "date") && !*p)
		fill(t, owner, of, NULL, st->date, &st->date_translations);
	else if (st->actors && word(&p, "actors") && !*p)
		fill(t, owner, of, NULL, st->actors, &st->actors_translations);
	else if (word(&p, "task") && !*p)
		rich_at(t, owner, of, &st->task);
	else
		return -1;
	return 0;
}

static int timeline_part(fm_text *t, const node *owner, const char *of, cispref_block *b,
                         const char *p)
{
	size_t i, s;
	if (!word(&p, "phase") || !position(&p, b->children.count, &i))
		return -1;
	cispref_phase *ph = b->children.items[i];
	if (word(&p, "heading") && !*p) {
		rich_at(t, owner, of, &ph->heading);
		return 0;
	}
	if (!word(&p, "step") || !position(&p, ph->steps.count, &s))
		return -1;
	return step_part(t, owner, of, ph->steps.items[s], p);
}

static int quote_part(fm_text *t, const node *owner, const char *of, cispref_block *b,
                      const char *p)
{
	size_t i;
	if (b->text && word(&p, "heading") && !*p)
		rich_at(t, owner, of, b->text);
	else if (b->attribution && word(&p, "attribution") && !*p)
		fill(t, owner, of, NULL, b->attribution, &b->attribution_translations);
	else if (word(&p, "paragraph") && position(&p, b->children.count, &i) && !*p)
		rich_at(t, owner, of, b->children.items[i]);
	else
		return -1;
	return 0;
}

/* The part @p of block @b, which @of names (the block's id, or its section's). */
static int block_part(fm_text *t, const char *of, cispref_block *b, const char *p)
{
	const node *owner = &b->node;
	size_t i;
	switch (b->kind) {
	case CISPREF_BLOCK_PARAGRAPH:
		if (!word(&p, "text") || *p)
			return -1;
		rich_at(t, owner, of, b->text);
		return 0;
	case CISPREF_BLOCK_FIGURE:
		if (!word(&p, "caption") || *p)
			return -1;
		rich_at(t, owner, of, b->text);
		return 0;
	case CISPREF_BLOCK_LIST:
		if (!word(&p, "item") || !position(&p, b->children.count, &i) || *p)
			return -1;
		rich_at(t, owner, of, &((cispref_list_item *)b->children.items[i])->text);
		return 0;
	case CISPREF_BLOCK_QUOTE: return quote_part(t, owner, of, b, p);
	case CISPREF_BLOCK_TIMELINE: return timeline_part(t, owner, of, b, p);
	case CISPREF_BLOCK_OVERVIEW:
	case CISPREF_BLOCK_DETAILS: break; /* placeholders: no text */
	}
	return -1;
}

static int section_part(fm_text *t, cispref_section *s, const char *p, char *why, size_t size)
{
	size_t i;
	if (word(&p, "heading") && !*p) {
		rich_at(t, &s->node, s->node.id, &s->heading);
		return 0;
	}
	if (!word(&p, "block") || !position(&p, s->blocks.count, &i))
		return -1;
	cispref_block *b = s->blocks.items[i];
	if (b->node.id) { /* one address per text: the block's own id */
		snprintf(why, size, "block %zu of section '%s' has the id '%s': name it with of=\"%s\"",
		         i + 1, s->node.id, b->node.id, b->node.id);
		return -2;
	}
	return block_part(t, s->node.id, b, p);
}

int cispref__fm_resolve(const cispref_referential *ref, const char *of, const char *part,
                        fm_text *out, char *why, size_t size)
{
	memset(out, 0, sizeof *out);
	if (strlen(part) >= sizeof out->part) {
		snprintf(why, size, "no text of '%.64s' is named '%.64s'", of, part);
		return -1;
	}
	strcpy(out->part, part);
	/* the title: the referential's own, mutable through the builder like the rest */
	cispref_referential *r = (cispref_referential *)ref;
	if (ref->id && strcmp(of, ref->id) == 0 && strcmp(part, "title") == 0) {
		fill(out, NULL, ref->id, NULL, ref->title, &r->title_translations);
		return 0;
	}
	void *found = cispref__find(ref, of); /* the node types begin with it (not packed) */
	const node *n = found;
	int rc = -1;
	if (n && n->type == NODE_SECTION)
		rc = section_part(out, found, part, why, size);
	else if (n && n->type == NODE_BLOCK)
		rc = block_part(out, n->id, found, part);
	if (!n)
		snprintf(why, size, "'%.64s' names no section, block or referential", of);
	else if (n->type != NODE_SECTION && n->type != NODE_BLOCK)
		snprintf(why, size, "'%.64s' holds one text: its translation has no part", of);
	else if (rc == -1)
		snprintf(why, size, "no text of '%.64s' is named '%.64s'", of, part);
	return rc ? -1 : 0;
}

/* ---- walking, in document order ----------------------------------------------------- */

typedef struct walk {
	cispref__fm_text_fn visit;
	void *data;
	fm_text t;
} walk;

/* Visit the text at @part (printf-like) of @owner, which @of names. */
static void emit(walk *w, const node *owner, const char *of, const cispref_rich_text *rich,
                 const char *plain, fm_translation **slot, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static void emit(walk *w, const node *owner, const char *of, const cispref_rich_text *rich,
                 const char *plain, fm_translation **slot, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->t.part, sizeof w->t.part, fmt, ap);
	va_end(ap);
	fill(&w->t, owner, of, rich, plain, slot);
	w->visit(&w->t, w->data);
}

#define RICH(rt) (rt), NULL, &(rt)->translations

static void walk_timeline(walk *w, const char *of, const char *in, cispref_block *b)
{
	for (size_t i = 0; i < b->children.count; i++) {
		cispref_phase *ph = b->children.items[i];
		emit(w, &b->node, of, RICH(&ph->heading), "%sphase %zu heading", in, i + 1);
		for (size_t s = 0; s < ph->steps.count; s++) {
			cispref_step *st = ph->steps.items[s];
			emit(w, &b->node, of, NULL, st->date, &st->date_translations,
			     "%sphase %zu step %zu date", in, i + 1, s + 1);
			if (st->actors)
				emit(w, &b->node, of, NULL, st->actors, &st->actors_translations,
				     "%sphase %zu step %zu actors", in, i + 1, s + 1);
			emit(w, &b->node, of, RICH(&st->task), "%sphase %zu step %zu task", in, i + 1,
			     s + 1);
		}
	}
}

/* The texts of @b, named through @of with the parts prefixed by @in ("" or "block N "). */
static void walk_block(walk *w, const char *of, const char *in, cispref_block *b)
{
	const node *o = &b->node;
	switch (b->kind) {
	case CISPREF_BLOCK_PARAGRAPH: emit(w, o, of, RICH(b->text), "%stext", in); break;
	case CISPREF_BLOCK_FIGURE: emit(w, o, of, RICH(b->text), "%scaption", in); break;
	case CISPREF_BLOCK_LIST:
		for (size_t i = 0; i < b->children.count; i++)
			emit(w, o, of, RICH(&((cispref_list_item *)b->children.items[i])->text),
			     "%sitem %zu", in, i + 1);
		break;
	case CISPREF_BLOCK_QUOTE:
		if (b->text)
			emit(w, o, of, RICH(b->text), "%sheading", in);
		for (size_t i = 0; i < b->children.count; i++)
			emit(w, o, of, RICH((cispref_rich_text *)b->children.items[i]), "%sparagraph %zu",
			     in, i + 1);
		if (b->attribution)
			emit(w, o, of, NULL, b->attribution, &b->attribution_translations,
			     "%sattribution", in);
		break;
	case CISPREF_BLOCK_TIMELINE: walk_timeline(w, of, in, b); break;
	case CISPREF_BLOCK_OVERVIEW:
	case CISPREF_BLOCK_DETAILS: break;
	}
}

static void walk_section(walk *w, cispref_section *s)
{
	emit(w, &s->node, s->node.id, RICH(&s->heading), "heading");
	for (size_t i = 0; i < s->blocks.count; i++) {
		cispref_block *b = s->blocks.items[i];
		char in[32] = "";
		if (!b->node.id)
			snprintf(in, sizeof in, "block %zu ", i + 1);
		walk_block(w, b->node.id ? b->node.id : s->node.id, in, b);
	}
	for (size_t i = 0; i < s->subsections.count; i++)
		walk_section(w, s->subsections.items[i]);
}

void cispref__fm_texts(const cispref_referential *ref, cispref__fm_text_fn visit, void *data)
{
	walk w = {visit, data, {0}};
	cispref_referential *r = (cispref_referential *)ref; /* the slots are the walker's */
	if (ref->id)
		emit(&w, NULL, ref->id, NULL, ref->title, &r->title_translations, "title");
	for (size_t i = 0; i < ref->sections.count; i++)
		walk_section(&w, ref->sections.items[i]);
}

/* ---- translations of one text ------------------------------------------------------ */

const fm_translation *cispref__fm_find(const fm_text *text, const char *language)
{
	for (const fm_translation *ft = *text->slot; ft; ft = ft->next)
		if (strcasecmp(ft->language, language) == 0)
			return ft;
	return NULL;
}

int cispref__fm_source_hash(char out[17], const fm_text *text)
{
	if (!text->rich) {
		cispref__translation_hash(out, text->plain ? text->plain : "");
		return 0;
	}
	char *markup = cispref__rich_text_markup(text->rich);
	if (!markup)
		return -1;
	cispref__translation_hash(out, markup);
	free(markup);
	return 0;
}

fm_translation *cispref__fm_add(cispref_referential *ref, const fm_text *text,
                                const char *language, const char *source_hash)
{
	char hash[17];
	if (source_hash)
		memcpy(hash, source_hash, sizeof hash);
	else if (cispref__fm_source_hash(hash, text) != 0)
		return NULL;
	fm_translation *ft = (fm_translation *)cispref__fm_find(text, language);
	if (!ft) {
		if (cispref__translation_language_add(ref, language) != 0 ||
		    !(ft = cispref__arena_alloc(ref->arena, sizeof *ft)) ||
		    !(ft->language = cispref__arena_strdup(ref->arena, language)))
			return NULL;
		fm_translation **at = text->slot; /* kept in byte order of the tags */
		while (*at && strcasecmp((*at)->language, language) < 0)
			at = &(*at)->next;
		ft->next = *at;
		*at = ft;
	}
	ft->rich = NULL;
	ft->plain = text->rich ? NULL : "";
	ft->line = ft->column = 0;
	memcpy(ft->source_hash, hash, sizeof hash);
	return ft;
}

static void unlink_language(const fm_text *text, const char *language)
{
	for (fm_translation **at = text->slot; *at; at = &(*at)->next)
		if (strcasecmp((*at)->language, language) == 0) {
			*at = (*at)->next;
			return;
		}
}

typedef struct usage {
	const char *language;
	int used;
} usage;

static void note_usage(const fm_text *text, void *data)
{
	usage *u = data;
	u->used |= !u->used && cispref__fm_find(text, u->language) != NULL;
}

int cispref__fm_language_used(const cispref_referential *ref, const char *language)
{
	usage u = {language, 0};
	cispref__fm_texts(ref, note_usage, &u);
	return u.used;
}

/* ---- public accessors --------------------------------------------------------------- */

static const void *find_in_slot(const char *range, const void *data)
{
	return cispref__fm_find(data, range);
}

/* The translation of the text at (@of, @part) for @language, with RFC 4647's lookup,
 * into *@found (NULL: the source); -1 when no text is there. */
static int lookup(const cispref_referential *ref, const char *of, const char *part,
                  const char *language, fm_text *t, const fm_translation **found)
{
	char why[192];
	if (!ref || !of || !part || cispref__fm_resolve(ref, of, part, t, why, sizeof why) != 0)
		return -1;
	*found = cispref__langtag_lookup(ref->language, language, find_in_slot, t, NULL);
	return 0;
}

const cispref_rich_text *cispref_referential_front_matter_text(const cispref_referential *ref,
                                                               const char *of,
                                                               const char *part,
                                                               const char *language)
{
	fm_text t;
	const fm_translation *ft;
	if (lookup(ref, of, part, language, &t, &ft) != 0 || !t.rich)
		return NULL;
	return ft ? ft->rich : t.rich;
}

const char *cispref_referential_front_matter_string(const cispref_referential *ref,
                                                    const char *of, const char *part,
                                                    const char *language)
{
	fm_text t;
	const fm_translation *ft;
	if (lookup(ref, of, part, language, &t, &ft) != 0 || t.rich)
		return NULL;
	return ft ? ft->plain : t.plain;
}

const char *cispref_referential_title_in(const cispref_referential *ref, const char *language)
{
	return ref ? cispref_referential_front_matter_string(ref, ref->id, "title", language)
	           : NULL;
}

const cispref_rich_text *cispref_referential_rich_text_in(const cispref_referential *ref,
                                                          const cispref_rich_text *text,
                                                          const char *language)
{
	if (!ref || !text)
		return text;
	fm_text t = {0};
	t.slot = (fm_translation **)&text->translations;
	const fm_translation *ft =
		cispref__langtag_lookup(ref->language, language, find_in_slot, &t, NULL);
	return ft ? ft->rich : text;
}

const char *cispref__fm_plain_in(const cispref_referential *ref, fm_translation *const *slot,
                                 const char *source, const char *language)
{
	fm_text t = {0};
	t.slot = (fm_translation **)slot;
	const fm_translation *ft =
		cispref__langtag_lookup(ref->language, language, find_in_slot, &t, NULL);
	return ft ? ft->plain : source;
}

bool cispref_referential_front_matter_outdated(const cispref_referential *ref, const char *of,
                                               const char *part, const char *language)
{
	fm_text t;
	char why[192], now[17];
	if (!ref || !of || !part || !language ||
	    cispref__fm_resolve(ref, of, part, &t, why, sizeof why) != 0)
		return false;
	const fm_translation *ft = cispref__fm_find(&t, language);
	return ft && cispref__fm_source_hash(now, &t) == 0 && strcmp(now, ft->source_hash) != 0;
}

/* ---- setting (the builder) ---------------------------------------------------------- */

static int set_text(cispref_referential *ref, const fm_text *t, const char *language,
                    const char *text)
{
	cispref_rich_text *rich = NULL;
	const char *plain = NULL;
	char why[192];
	if (t->rich) {
		int rc = cispref__markup_parse(ref, text, t->rich, &rich, why, sizeof why);
		if (rc)
			return rc == CISPREF_ENOMEM ? rc : CISPREF_EARG;
	} else if (!(plain = cispref__arena_strdup(ref->arena, text))) {
		return CISPREF_ENOMEM;
	}
	fm_translation *ft = cispref__fm_add(ref, t, language, NULL);
	if (!ft)
		return CISPREF_ENOMEM;
	ft->rich = rich;
	ft->plain = plain;
	return CISPREF_OK;
}

int cispref_referential_set_front_matter_translation(cispref_referential *ref, const char *of,
                                                     const char *part, const char *language,
                                                     const char *text)
{
	langtag tag;
	if (!ref || !of || !part || !language || cispref__langtag_parse(&tag, language) != 0 ||
	    strcasecmp(language, ref->language) == 0 || (text && !cispref__text_is_valid(text)))
		return CISPREF_EARG;
	fm_text t;
	char why[192];
	if (cispref__fm_resolve(ref, of, part, &t, why, sizeof why) != 0)
		return CISPREF_ENOTFOUND;
	if (!text) {
		unlink_language(&t, language);
		return CISPREF_OK;
	}
	return set_text(ref, &t, language, text);
}
