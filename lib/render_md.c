/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The Markdown cahier: CommonMark with pipe tables. Every text of the model goes through
 * escaped(), the one place that knows Markdown's metacharacters; everything else written
 * here is fixed syntax. Inside a table cell the items are written "• item" and separated
 * by <br>, the only line break that pipe tables allow. */
#include <stdio.h>
#include <string.h>

#include "render_private.h"

typedef struct md {
	xmlBufferPtr out;
	render_ctx *ctx;
	int failed;
} md;

static void raw_length(md *m, const char *s, size_t length)
{
	if (!m->failed && length && xmlBufferAdd(m->out, RENDER_X(s), (int)length) != 0)
		m->failed = 1;
}

static void raw(md *m, const char *s)
{
	raw_length(m, s, strlen(s));
}

/* Characters that mean something to Markdown wherever they are: a backslash makes each of
 * them literal (CommonMark allows a backslash before any ASCII punctuation, and pipe
 * tables honour "\|"). */
static int is_inline_special(char c)
{
	return c && strchr("\\`*_[]<>|&~#", c) != NULL;
}

/* At the start of a line, "+", "-" or "=" could open a list or underline a heading, and
 * "12." or "12)" an ordered list: return how many bytes to copy before a backslash is
 * needed, or 0 when the line start is harmless. */
static size_t block_marker(const char *s, int *needs_escape)
{
	*needs_escape = 0;
	if (*s == '+' || *s == '-' || *s == '=') {
		*needs_escape = 1;
		return 0;
	}
	size_t digits = strspn(s, "0123456789");
	if (digits && (s[digits] == '.' || s[digits] == ')')) {
		*needs_escape = 1;
		return digits;
	}
	return 0;
}

/* Write @s as literal Markdown text; @line_start when it begins a line of a block. Line
 * breaks and tabs become spaces so that a text never ends a table row or a paragraph. */
static void escaped(md *m, const char *s, int line_start)
{
	if (line_start) {
		int needs_escape;
		size_t skip = block_marker(s, &needs_escape);
		raw_length(m, s, skip);
		s += skip;
		if (needs_escape && !is_inline_special(*s)) {
			raw(m, "\\");
			raw_length(m, s, 1);
			s++;
		}
	}
	const char *run = s;
	for (const char *p = s; *p; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t') {
			raw_length(m, run, (size_t)(p - run));
			raw(m, " ");
			run = p + 1;
		} else if (is_inline_special(*p)) {
			raw_length(m, run, (size_t)(p - run));
			raw(m, "\\");
			run = p;
		}
	}
	raw(m, run);
}

static void heading(md *m, const char *marks, const char *s)
{
	raw(m, marks);
	raw(m, " ");
	escaped(m, s, 0);
	raw(m, "\n\n");
}

static void paragraph(md *m, const char *before, const char *s, const char *after)
{
	if (!s)
		return;
	raw(m, before);
	escaped(m, s, before[0] == '\0');
	raw(m, after);
	raw(m, "\n\n");
}

/* ---- Title page ---- */

static void write_title_page(md *m)
{
	render_ctx *ctx = m->ctx;
	const cispref_referential *ref = ctx->ref;
	heading(m, "#", ctx->title);
	const char *own_title = cispref__render_text(ctx, ref->title);
	if (strcmp(own_title, ctx->title) != 0)
		paragraph(m, "", own_title, "");
	paragraph(m, "**", cispref__render_series_line(ctx), "**");
	const char *publisher = cispref__render_source(ctx, CISPREF_SOURCE_PUBLISHER);
	const char *date = cispref__render_date(ctx, ref->source[CISPREF_SOURCE_DATE]);
	if (publisher || date) {
		escaped(m, publisher ? publisher : "", 1);
		raw(m, publisher && date ? " \xC2\xB7 " : ""); /* " · " */
		escaped(m, date ? date : "", !publisher);
		raw(m, "\n\n");
	}
	const char *approval = cispref__render_source(ctx, CISPREF_SOURCE_APPROVAL);
	if (approval)
		paragraph(m, "*", approval, "*");
}

/* ---- Tables ---- */

static void table_header(md *m, const char *const *labels, size_t count)
{
	raw(m, "|");
	for (size_t i = 0; i < count; i++) {
		raw(m, " ");
		escaped(m, labels[i], 0);
		raw(m, " |");
	}
	raw(m, "\n|");
	for (size_t i = 0; i < count; i++)
		raw(m, " --- |");
	raw(m, "\n");
}

/* The plan cell shows the plan on the first entry listed under it, as printed. */
static void write_summary_table(md *m, const cispref_domain *domain)
{
	static const char *const labels[] = {RENDER_LABEL_PLAN, RENDER_LABEL_COMPETENCE};
	if (!domain->summary.count)
		return;
	heading(m, "###", cispref__render_text(m->ctx, domain->title));
	table_header(m, labels, 2);
	for (size_t e = 0; e < domain->summary.count; e++) {
		const cispref_summary_entry *entry = domain->summary.items[e];
		raw(m, "| ");
		if (cispref__render_plan_run(domain, e))
			escaped(m, cispref__render_plan_label(entry->plan_kind), 0);
		raw(m, " | ");
		escaped(m, cispref__render_text(m->ctx, entry->text), 0);
		raw(m, " |\n");
	}
	raw(m, "\n");
}

static void write_overview(md *m)
{
	heading(m, "##", RENDER_LABEL_OVERVIEW);
	for (size_t d = 0; d < m->ctx->domains.count; d++)
		write_summary_table(m, m->ctx->domains.items[d]);
}

/* The footnote label of @note: its number when that is a plain word, otherwise its
 * position, since a label cannot hold spaces or brackets. */
static void note_label(md *m, const cispref_note *note)
{
	const char *number = note->number ? note->number : "";
	if (*number && strspn(number, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                              "0123456789_-") == strlen(number)) {
		raw(m, number);
		return;
	}
	size_t position = 0;
	while (position < m->ctx->ref->notes.count && m->ctx->ref->notes.items[position] != note)
		position++;
	char label[32];
	snprintf(label, sizeof label, "note%zu", position + 1);
	raw(m, label);
}

static void write_competence(md *m, const cispref_competence *comp)
{
	const char *labels[CISPREF_ITEM_KIND_COUNT];
	raw(m, "#### ");
	escaped(m, cispref__render_text(m->ctx, comp->title), 0);
	for (size_t n = 0; n < cispref_competence_note_count(comp); n++) {
		const cispref_note *note = cispref__render_competence_note(m->ctx, comp, n);
		if (!note)
			continue;
		raw(m, "[^");
		note_label(m, note);
		raw(m, "]");
	}
	raw(m, "\n\n");
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		labels[k] = cispref__render_column_label((cispref_item_kind_t)k);
	table_header(m, labels, CISPREF_ITEM_KIND_COUNT);
	raw(m, "|");
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		raw(m, " ");
		for (size_t i = 0; i < comp->items[k].count; i++) {
			const cispref_item *item = comp->items[k].items[i];
			raw(m, i ? "<br>\xE2\x80\xA2 " : "\xE2\x80\xA2 "); /* "• " */
			escaped(m, cispref__render_text(m->ctx, item->text), 0);
		}
		raw(m, " |");
	}
	raw(m, "\n\n");
}

static void write_domain(md *m, const cispref_domain *domain)
{
	heading(m, "##", cispref__render_text(m->ctx, domain->title));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		heading(m, "###", cispref__render_text(m->ctx, plan->title));
		for (size_t c = 0; c < plan->competences.count; c++)
			write_competence(m, plan->competences.items[c]);
	}
}

/* ---- Front matter ---- */

static void write_runs(md *m, const cispref_rich_text *rt, int line_start);

/* Emphasis between "*". CommonMark takes a "*" followed (or, to close, preceded) by white
 * space for text, so spaces at either end of the emphasis are moved outside the markers:
 * the runs are written aside first, to see them. */
static void write_emphasis(md *m, const cispref_rich_text *rt)
{
	xmlBufferPtr outer = m->out, inner = xmlBufferCreate();
	if (!inner) {
		m->failed = 1;
		return;
	}
	m->out = inner;
	write_runs(m, rt, 0);
	m->out = outer;
	const char *t = (const char *)xmlBufferContent(inner);
	size_t n = (size_t)xmlBufferLength(inner), lead = strspn(t, " ");
	size_t trail = 0;
	while (trail < n - lead && t[n - 1 - trail] == ' ')
		trail++;
	raw_length(m, t, lead);
	if (n > lead + trail) {
		raw(m, "*");
		raw_length(m, t + lead, n - lead - trail);
		raw(m, "*");
	}
	raw_length(m, t + n - trail, trail);
	xmlBufferFree(inner);
}

/* Inline runs: emphasis as "*", quotations between curly quotes, note references as
 * footnote references. A run's text is escaped ("*" included), so the markers are the
 * only ones. */
static void write_runs(md *m, const cispref_rich_text *rt, int line_start)
{
	for (size_t i = 0; rt && i < rt->runs.count; i++) {
		const cispref_inline *run = rt->runs.items[i];
		const cispref_note *note;
		switch (run->kind) {
		case CISPREF_INLINE_TEXT:
			escaped(m, cispref__render_text(m->ctx, run->text), line_start && i == 0);
			break;
		case CISPREF_INLINE_EMPHASIS:
			write_emphasis(m, &run->children);
			break;
		case CISPREF_INLINE_QUOTATION:
			raw(m, "\xE2\x80\x9C"); /* “ */
			write_runs(m, &run->children, 0);
			raw(m, "\xE2\x80\x9D"); /* ” */
			break;
		case CISPREF_INLINE_NOTE_REF:
			if (!(note = cispref__render_front_note(m->ctx, run)))
				break;
			raw(m, "[^");
			note_label(m, note);
			raw(m, "]");
			break;
		}
	}
}

/* The schema of the mission's contours. The one place that draws it: for now a
 * placeholder naming the figure (the drawing made from the domains replaces this
 * function alone). */
static void figure_contours(md *m, const cispref_block *figure)
{
	(void)figure;
	raw(m, "> \\[");
	escaped(m, RENDER_LABEL_FIGURE_PENDING, 0);
	raw(m, "\\]\n\n");
}

static void write_list(md *m, const cispref_block *b)
{
	for (size_t i = 0; i < b->children.count; i++) {
		const cispref_list_item *it = b->children.items[i];
		/* a bullet list keeps the source's marker as text: "1°" is no Markdown marker */
		raw(m, "- ");
		if (it->label) {
			escaped(m, it->label, 1);
			raw(m, " ");
		}
		write_runs(m, &it->text, !it->label);
		raw(m, "\n");
	}
	raw(m, "\n");
}

static void write_quote(md *m, const cispref_block *b)
{
	if (b->text) {
		raw(m, "> **");
		write_runs(m, b->text, 0);
		raw(m, "**\n>\n");
	}
	for (size_t i = 0; i < b->children.count; i++) {
		raw(m, i ? ">\n> " : "> ");
		write_runs(m, b->children.items[i], 1);
		raw(m, "\n");
	}
	if (b->attribution) {
		raw(m, ">\n> \xE2\x80\x94 "); /* — */
		escaped(m, cispref__render_text(m->ctx, b->attribution), 0);
		raw(m, "\n");
	}
	raw(m, "\n");
}

static void write_timeline(md *m, const cispref_block *b)
{
	for (size_t i = 0; i < b->children.count; i++) {
		const cispref_phase *ph = b->children.items[i];
		raw(m, "**");
		write_runs(m, &ph->heading, 0);
		raw(m, "**\n\n");
		for (size_t s = 0; s < ph->steps.count; s++) {
			const cispref_step *st = ph->steps.items[s];
			raw(m, "- *");
			escaped(m, cispref__render_text(m->ctx, st->date), 0);
			raw(m, "* : ");
			write_runs(m, &st->task, 0);
			if (st->actors) {
				raw(m, " (");
				escaped(m, cispref__render_text(m->ctx, st->actors), 0);
				raw(m, ")");
			}
			raw(m, "\n");
		}
		raw(m, "\n");
	}
}

static void write_block(md *m, const cispref_block *b)
{
	render_ctx *ctx = m->ctx;
	switch (b->kind) {
	case CISPREF_BLOCK_PARAGRAPH:
		write_runs(m, b->text, 1);
		raw(m, "\n\n");
		break;
	case CISPREF_BLOCK_LIST:
		write_list(m, b);
		break;
	case CISPREF_BLOCK_QUOTE:
		write_quote(m, b);
		break;
	case CISPREF_BLOCK_TIMELINE:
		write_timeline(m, b);
		break;
	case CISPREF_BLOCK_FIGURE:
		figure_contours(m, b);
		write_runs(m, b->text, 1); /* the caption, under the drawing */
		raw(m, "\n\n");
		break;
	case CISPREF_BLOCK_OVERVIEW:
		for (size_t d = 0; ctx->opt.summary && d < ctx->domains.count; d++)
			if (((const cispref_domain *)ctx->domains.items[d])->kind == b->domain_kind)
				write_summary_table(m, ctx->domains.items[d]);
		break;
	case CISPREF_BLOCK_DETAILS:
		for (size_t d = 0; d < ctx->domains.count; d++)
			write_domain(m, ctx->domains.items[d]);
		break;
	}
}

static void write_section(md *m, const cispref_section *s)
{
	static const char *const marks[] = {"##", "###", "####", "#####", "######"};
	raw(m, marks[s->level < 5 ? s->level - 1 : 4]);
	raw(m, " ");
	if (s->number) {
		escaped(m, s->number, 0);
		raw(m, " ");
	}
	write_runs(m, &s->heading, 0);
	raw(m, "\n\n");
	for (size_t b = 0; b < s->blocks.count; b++)
		write_block(m, s->blocks.items[b]);
	for (size_t i = 0; i < s->subsections.count; i++)
		write_section(m, s->subsections.items[i]);
}

/* The contents: the front matter's headings, as a nested list. */
static void write_contents(md *m, const vec *sections, int depth)
{
	if (depth == 0)
		heading(m, "##", RENDER_LABEL_CONTENTS);
	for (size_t i = 0; i < sections->count; i++) {
		const cispref_section *s = sections->items[i];
		for (int d = 0; d < depth; d++)
			raw(m, "  ");
		raw(m, "- ");
		escaped(m, cispref__render_section_title(m->ctx, s), 0);
		raw(m, "\n");
		write_contents(m, &s->subsections, depth + 1);
	}
	if (depth == 0)
		raw(m, "\n");
}

/* ---- Notes and index ---- */

/* Referenced notes become footnote definitions; a note nobody refers to is a plain
 * paragraph, since renderers drop unreferenced footnotes. */
static void write_notes(md *m)
{
	render_ctx *ctx = m->ctx;
	heading(m, "##", RENDER_LABEL_NOTES);
	for (size_t n = 0; n < ctx->notes.count; n++) {
		const cispref_note *note = ctx->notes.items[n];
		if (cispref__render_note_is_referenced(ctx, note) ||
		    cispref__render_note_in_front(ctx, note)) {
			raw(m, "[^");
			note_label(m, note);
			raw(m, "]: ");
		} else {
			raw(m, "**");
			escaped(m, note->number ? note->number : "", 0);
			raw(m, "** ");
		}
		escaped(m, cispref__render_text(ctx, note->text), 0);
		raw(m, "\n\n");
	}
}

static void write_index(md *m)
{
	render_ctx *ctx = m->ctx;
	heading(m, "##", RENDER_LABEL_INDEX);
	for (size_t i = 0; i < ctx->concepts.count; i++) {
		const render_concept *entry = ctx->concepts.items[i];
		raw(m, "- **");
		escaped(m, entry->label, 0);
		raw(m, "** *");
		escaped(m, cispref__render_kind_label(entry->concept->kind), 0);
		raw(m, "*\n");
		for (size_t c = 0; c < entry->competences.count; c++) {
			const cispref_competence *comp = entry->competences.items[c];
			raw(m, "  - ");
			escaped(m, cispref__render_text(ctx, comp->title), 1);
			raw(m, "\n");
		}
	}
	raw(m, "\n");
}

int cispref__render_md(xmlBufferPtr out, render_ctx *ctx, cispref_error *error)
{
	(void)error; /* only memory can run out, which the caller reports */
	md m = {out, ctx, 0};
	write_title_page(&m);
	/* with front matter, its sections in order, and after them what no overview or
	 * details block placed */
	int front = ctx->ref->sections.count > 0;
	if (front) {
		write_contents(&m, &ctx->ref->sections, 0);
		for (size_t i = 0; i < ctx->ref->sections.count; i++)
			write_section(&m, ctx->ref->sections.items[i]);
	}
	if (ctx->opt.summary && !(front && cispref__render_front_has(ctx, CISPREF_BLOCK_OVERVIEW)))
		write_overview(&m);
	for (size_t d = 0; !(front && cispref__render_front_has(ctx, CISPREF_BLOCK_DETAILS)) &&
	                   d < ctx->domains.count; d++)
		write_domain(&m, ctx->domains.items[d]);
	if (ctx->notes.count)
		write_notes(&m);
	if (ctx->concepts.count)
		write_index(&m);
	return m.failed ? CISPREF_ENOMEM : CISPREF_OK;
}
