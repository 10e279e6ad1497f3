/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The Markdown cahier: plain CommonMark, so that every CommonMark renderer (cmark,
 * cmark-gfm in its safe mode, markdown-it, Pandoc...) reads the same structure: headings
 * and bullet lists only, no table, no raw HTML. A competence is a heading, then one
 * heading per column of the printed table with the items as a bullet list; the overview
 * lists each domain's summary entries under their plan. With the gfm_tables option, the
 * overview and each competence are pipe tables instead (GitHub Flavored Markdown). Every
 * text of the model goes
 * through escaped(), the one place that knows Markdown's metacharacters; everything else
 * written here is fixed syntax. */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

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
 * them literal (CommonMark allows a backslash before any ASCII punctuation). "|" is
 * escaped for the renderers with pipe tables, "~" for those with strikethrough. */
static int is_inline_special(char c)
{
	return c && strchr("\\`*_[]<>|&~#", c) != NULL;
}

/* At the start of a line, "+", "-" or "=" could open a list or underline a heading, and
 * "12." or "12)" an ordered list when a space, a tab or the end of the line follows (spec
 * 5.2: at most nine digits; "3.1.2" opens nothing): return how many bytes to copy before
 * a backslash is needed, or 0 when the line start is harmless. */
static size_t block_marker(const char *s, int *needs_escape)
{
	*needs_escape = 0;
	if (*s == '+' || *s == '-' || *s == '=') {
		*needs_escape = 1;
		return 0;
	}
	size_t digits = strspn(s, "0123456789");
	int delimiter = digits && digits <= 9 && (s[digits] == '.' || s[digits] == ')');
	char after = delimiter ? s[digits + 1] : 'x'; /* within the string: s[digits] is not NUL */
	if (delimiter &&
	    (after == ' ' || after == '\t' || after == '\n' || after == '\r' || after == '\0')) {
		*needs_escape = 1;
		return digits;
	}
	return 0;
}

/* The length of the white space character at @s (a tab or a Unicode space separator such
 * as U+0020 or U+00A0), 0 when there is none; its code point in *cp. */
static size_t white_space(const char *s, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, cp);
	if (n <= 0 || (*cp != '\t' && utf8proc_category(*cp) != UTF8PROC_CATEGORY_ZS))
		return 0;
	return (size_t)n;
}

/* Write the white space at the start of @s as numeric character references and return
 * where it ends. Literal white space there would be lost (CommonMark strips it from the
 * start and end of a paragraph or heading), would indent the line into a code block, or
 * would keep emphasis delimiters next to it from opening or closing ("* x*" is a list
 * item, not emphasis). */
static const char *white_space_references(md *m, const char *s, const char *end)
{
	utf8proc_int32_t cp;
	for (size_t n; s < end && (n = white_space(s, &cp)) > 0; s += n) {
		char ref[16];
		snprintf(ref, sizeof ref, "&#%ld;", (long)(cp == '\t' ? ' ' : cp));
		raw(m, ref);
	}
	return s;
}

/* Where the white space that ends @s starts (@end when there is none). */
static const char *trailing_white_space(const char *s, const char *end)
{
	const char *run = end; /* the start of the white space seen last, if it lasts */
	utf8proc_int32_t cp;
	for (const char *p = s; p < end;) {
		size_t n = white_space(p, &cp);
		if (n) {
			run = run == end ? p : run;
			p += n;
			continue;
		}
		run = end;
		p++;
		while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
			p++; /* the rest of a multi-byte character */
	}
	return run;
}

/* The inside of a text: metacharacters behind a backslash; line breaks and tabs become
 * spaces, so that a text never ends a paragraph or a list item. */
static void escaped_inside(md *m, const char *s, const char *end)
{
	const char *run = s;
	for (const char *p = s; p < end; p++) {
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
	raw_length(m, run, (size_t)(end - run));
}

/* Write @s as literal Markdown text; @line_start when it begins a line of a block (a
 * paragraph or the text of a list item), where a list or heading marker must be
 * escaped. White space at either end is written as character references. */
/* At the start of a line: a list or heading marker at @p written escaped; where the text
 * goes on. */
static const char *escaped_marker(md *m, const char *p)
{
	int needs_escape;
	size_t skip = block_marker(p, &needs_escape);
	raw_length(m, p, skip);
	p += skip;
	if (needs_escape && !is_inline_special(*p)) {
		raw(m, "\\");
		raw_length(m, p, 1);
		p++;
	}
	return p;
}

static void escaped(md *m, const char *s, int line_start)
{
	const char *end = s + strlen(s);
	const char *last = trailing_white_space(s, end);
	const char *p = white_space_references(m, s, last);
	if (line_start && p == s)
		p = escaped_marker(m, p);
	escaped_inside(m, p, last);
	white_space_references(m, last, end);
}

/* Write @s, one of the runs of a paragraph, as literal Markdown text. Unlike escaped(),
 * its white space stays literal except at the start of the block (@line_start): between
 * runs it is ordinary text, and emphasis moves it outside its markers itself. */
static void escaped_run(md *m, const char *s, int line_start)
{
	const char *end = s + strlen(s), *p = s;
	if (line_start) {
		p = white_space_references(m, s, end);
		if (p == s)
			p = escaped_marker(m, p);
	}
	escaped_inside(m, p, end);
}

/* Markdown has six heading levels. Deeper (the detail tables under a section of the
 * front matter: a column heading under a second-level section, a competence and its
 * columns under a third-level one), a heading is a paragraph of its own, as Pandoc
 * writes one: in bold at the seventh level, in italics below, so that a competence and
 * its columns still look apart. */
enum { MD_MAX_LEVEL = 6 };

static const char *deep_heading_delimiter(unsigned level)
{
	return level == MD_MAX_LEVEL + 1 ? "**" : "*";
}

static void heading_open(md *m, unsigned level)
{
	static const char marks[] = "###### ";
	raw(m, level <= MD_MAX_LEVEL ? marks + MD_MAX_LEVEL - level
	                             : deep_heading_delimiter(level));
}

static void heading_close(md *m, unsigned level)
{
	if (level > MD_MAX_LEVEL)
		raw(m, deep_heading_delimiter(level));
	raw(m, "\n\n");
}

/* A heading of @level (1: the title). */
static void heading(md *m, unsigned level, const char *s)
{
	heading_open(m, level);
	escaped(m, s, 0);
	heading_close(m, level);
}

/* A paragraph, emphasised by @delimiter ("*", "**") or not (""). An empty text writes
 * nothing, since "****" would be a thematic break. */
static void paragraph(md *m, const char *delimiter, const char *s)
{
	if (!s || !*s)
		return;
	raw(m, delimiter);
	escaped(m, s, delimiter[0] == '\0');
	raw(m, delimiter);
	raw(m, "\n\n");
}

/* A bullet list item at @indent ("" or "  " under an item of the outer list). */
static void list_item(md *m, const char *indent, const char *s)
{
	raw(m, indent);
	raw(m, "- ");
	escaped(m, s, 1);
	raw(m, "\n");
}

/* ---- Title page ---- */

static void write_title_page(md *m)
{
	render_ctx *ctx = m->ctx;
	const cispref_referential *ref = ctx->ref;
	heading(m, 1, ctx->title);
	const char *own_title = cispref__render_text(ctx, ref->title);
	if (strcmp(own_title, ctx->title) != 0)
		paragraph(m, "", own_title);
	paragraph(m, "**", cispref__render_series_line(ctx));
	const char *publisher = cispref__render_source(ctx, CISPREF_SOURCE_PUBLISHER);
	const char *date = cispref__render_date(ctx, ref->source[CISPREF_SOURCE_DATE]);
	if (publisher && date) {
		escaped(m, publisher, 1);
		raw(m, " \xC2\xB7 "); /* " · " */
		escaped(m, date, 0);
		raw(m, "\n\n");
	} else {
		paragraph(m, "", publisher ? publisher : date);
	}
	paragraph(m, "*", cispref__render_source(ctx, CISPREF_SOURCE_APPROVAL));
}

/* ---- Overview ---- */

/* Each plan label is an item of the outer list, its entries a list under it, as printed
 * (the plan shown once above the entries listed under it). */
static void write_summary(md *m, const cispref_domain *domain, unsigned level)
{
	if (!domain->summary.count)
		return;
	heading(m, level, cispref__render_text(m->ctx, domain->title));
	for (size_t e = 0; e < domain->summary.count; e++) {
		const cispref_summary_entry *entry = domain->summary.items[e];
		if (cispref__render_plan_run(domain, e))
			list_item(m, "", cispref__render_plan_label(entry->plan_kind));
		list_item(m, "  ", cispref__render_text(m->ctx, entry->text));
	}
	raw(m, "\n");
}

/* ---- Pipe tables (the gfm_tables option) ---- */

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
static void write_summary_table(md *m, const cispref_domain *domain, unsigned level)
{
	static const char *const labels[] = {RENDER_LABEL_PLAN, RENDER_LABEL_COMPETENCE};
	if (!domain->summary.count)
		return;
	heading(m, level, cispref__render_text(m->ctx, domain->title));
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

/* One row of three cells; in a cell, each item "• item", then " <br>" before the next:
 * a line break where raw HTML is shown, and items still apart, each after its bullet,
 * where it is dropped (cmark-gfm's safe mode). */
static void write_competence_table(md *m, const cispref_competence *comp)
{
	const char *labels[CISPREF_ITEM_KIND_COUNT];
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		labels[k] = cispref__render_column_label((cispref_item_kind_t)k);
	table_header(m, labels, CISPREF_ITEM_KIND_COUNT);
	raw(m, "|");
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		raw(m, " ");
		for (size_t i = 0; i < comp->items[k].count; i++) {
			const cispref_item *item = comp->items[k].items[i];
			raw(m, i ? " <br>\xE2\x80\xA2 " : "\xE2\x80\xA2 "); /* "• " */
			escaped(m, cispref__render_text(m->ctx, item->text), 0);
		}
		raw(m, " |");
	}
	raw(m, "\n\n");
}

/* A domain's summary entries under a heading of @level: a list, or a pipe table with the
 * gfm_tables option (both in the overview chapter and at a front matter's overview
 * block). */
static void write_domain_summary(md *m, const cispref_domain *domain, unsigned level)
{
	if (m->ctx->opt.gfm_tables)
		write_summary_table(m, domain, level);
	else
		write_summary(m, domain, level);
}

static void write_overview(md *m)
{
	heading(m, 2, RENDER_LABEL_OVERVIEW);
	for (size_t d = 0; d < m->ctx->domains.count; d++)
		write_domain_summary(m, m->ctx->domains.items[d], 3);
}

/* ---- Competences ---- */

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

/* The competence's heading holds its note references, where the source puts its
 * markers; each column of the printed table is a heading one level down with its items
 * as a list. A column without items has no heading: the HTML and ODT tables show an
 * empty cell, and a heading followed by nothing would read as a heading of what comes
 * next. */
static void write_competence(md *m, const cispref_competence *comp, unsigned level)
{
	heading_open(m, level);
	escaped(m, cispref__render_text(m->ctx, comp->title), 0);
	for (size_t n = 0; n < cispref_competence_note_count(comp); n++) {
		const cispref_note *note = cispref__render_competence_note(m->ctx, comp, n);
		if (!note)
			continue;
		raw(m, "[^");
		note_label(m, note);
		raw(m, "]");
	}
	heading_close(m, level);
	if (m->ctx->opt.gfm_tables) {
		write_competence_table(m, comp);
		return;
	}
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		if (!comp->items[k].count)
			continue;
		heading(m, level + 1, cispref__render_column_label((cispref_item_kind_t)k));
		for (size_t i = 0; i < comp->items[k].count; i++) {
			const cispref_item *item = comp->items[k].items[i];
			list_item(m, "", cispref__render_text(m->ctx, item->text));
		}
		raw(m, "\n");
	}
}

/* A domain under a heading of @level (2 as a chapter, one below its section's heading in
 * the front matter), its plans one level down, their competences two. */
static void write_domain(md *m, const cispref_domain *domain, unsigned level)
{
	heading(m, level, cispref__render_text(m->ctx, domain->title));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		heading(m, level + 1, cispref__render_text(m->ctx, plan->title));
		for (size_t c = 0; c < plan->competences.count; c++)
			write_competence(m, plan->competences.items[c], level + 2);
	}
}

/* ---- Front matter ---- */

static void write_runs(md *m, const cispref_rich_text *rt, int line_start);

/* Emphasis between "*". CommonMark takes a "*" followed (or, to close, preceded) by white
 * space for text, so spaces at either end of the emphasis are moved outside the markers:
 * the runs are written aside first, to see them. */
static void write_emphasis(md *m, const cispref_rich_text *rt)
{
	xmlBufferPtr outer = m->out, inner = cispref__buffer_new();
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
			escaped_run(m, cispref__render_text(m->ctx, run->text), line_start && i == 0);
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

/* The schema of the mission's contours: Markdown has no drawing, so the place names it
 * (the HTML, ODT and PDF cahiers draw it from the model). */
static void figure_contours(md *m, const cispref_block *figure)
{
	(void)figure;
	raw(m, "> \\[");
	escaped(m, RENDER_LABEL_FIGURE, 0);
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

/* A block of a section whose heading has @level: the domains it places go one level
 * below that heading. */
static void write_block(md *m, const cispref_block *b, unsigned level)
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
				write_domain_summary(m, ctx->domains.items[d], level + 1);
		break;
	case CISPREF_BLOCK_DETAILS:
		for (size_t d = 0; d < ctx->domains.count; d++)
			if (cispref__render_details_places(b, ctx->domains.items[d]))
				write_domain(m, ctx->domains.items[d], level + 1);
		break;
	}
}

static void write_section(md *m, const cispref_section *s)
{
	/* level 1 is a chapter, under the title; the deepest sections share the last level */
	unsigned level = (s->level < MD_MAX_LEVEL - 1 ? s->level : MD_MAX_LEVEL - 1) + 1;
	heading_open(m, level);
	if (s->number) {
		escaped(m, s->number, 0);
		raw(m, " ");
	}
	write_runs(m, &s->heading, 0);
	heading_close(m, level);
	for (size_t b = 0; b < s->blocks.count; b++)
		write_block(m, s->blocks.items[b], level);
	for (size_t i = 0; i < s->subsections.count; i++)
		write_section(m, s->subsections.items[i]);
}

/* ---- Contents ---- */

/* One entry of the contents, a list item @depth levels down. The contents hold no links:
 * plain CommonMark has no heading anchors to point to. */
static void contents_line(md *m, int depth, const char *s)
{
	for (int d = 0; d < depth; d++)
		raw(m, "  ");
	list_item(m, "", s);
}

static void contents_domain(md *m, const cispref_domain *domain, int depth)
{
	render_ctx *ctx = m->ctx;
	contents_line(m, depth, cispref__render_text(ctx, domain->title));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		contents_line(m, depth + 1, cispref__render_text(ctx, plan->title));
		for (size_t c = 0; c < plan->competences.count; c++) {
			const cispref_competence *comp = plan->competences.items[c];
			contents_line(m, depth + 2, cispref__render_text(ctx, comp->title));
		}
	}
}

/* A section, then in the body's order the domains its details blocks place and its
 * subsections, one level down. */
static void contents_section(md *m, const cispref_section *s, int depth)
{
	render_ctx *ctx = m->ctx;
	contents_line(m, depth, cispref__render_section_title(ctx, s));
	for (size_t d = 0; d < ctx->domains.count; d++)
		if (cispref__render_section_places(s, ctx->domains.items[d]))
			contents_domain(m, ctx->domains.items[d], depth + 1);
	for (size_t i = 0; i < s->subsections.count; i++)
		contents_section(m, s->subsections.items[i], depth + 1);
}

/* The contents, as a nested list: the entries of the HTML cahier's contents, in the same
 * order (the front matter's sections with the domains they place, the overview and the
 * domains no section placed, the notes, the index). */
static void write_contents(md *m)
{
	render_ctx *ctx = m->ctx;
	int front = ctx->sections->count > 0;
	heading(m, 2, RENDER_LABEL_CONTENTS);
	for (size_t i = 0; i < ctx->sections->count; i++)
		contents_section(m, ctx->sections->items[i], 0);
	if (ctx->opt.summary && !(front && cispref__render_front_has(ctx, CISPREF_BLOCK_OVERVIEW)))
		contents_line(m, 0, RENDER_LABEL_OVERVIEW);
	for (size_t d = 0; d < ctx->domains.count; d++)
		if (!(front && cispref__render_front_places(ctx, ctx->domains.items[d])))
			contents_domain(m, ctx->domains.items[d], 0);
	if (ctx->notes.count)
		contents_line(m, 0, RENDER_LABEL_NOTES);
	if (ctx->concepts.count)
		contents_line(m, 0, RENDER_LABEL_INDEX);
	raw(m, "\n");
}

/* ---- Notes and index ---- */

/* Whether "[^n]: @written" (a note's text as written in Markdown) could be a link
 * reference definition in plain CommonMark (spec 4.7): a link destination (a run without
 * spaces or control characters, or anything between < and >) alone on its line, or
 * followed by what may be a title ("...", '...', (...)). "Ibid." or a bare URL would be
 * one: the definition would vanish and the marker "[^n]" become a link. Erring towards
 * yes costs one invisible character (see note_definition). */
static int may_read_as_link_definition(const char *written)
{
	const char *p = written + strspn(written, " \t");
	if (*p == '<')
		return 1;
	p += strcspn(p, " \t\n\r");
	p += strspn(p, " \t\n\r");
	return *p == '\0' || *p == '"' || *p == '\'' || *p == '(';
}

/* "[^n]: text", the footnote definition of GitHub Flavored Markdown (and of most
 * renderers with footnotes), which plain CommonMark shows as a paragraph. When plain
 * CommonMark could read it as a link reference definition instead, the text is followed
 * by a space and U+2060 WORD JOINER: a second run on the line that is neither a title nor
 * the line's end, so that it is no definition, and that neither reader shows. */
static void note_definition(md *m, const cispref_note *note, const char *text)
{
	raw(m, "[^");
	note_label(m, note);
	raw(m, "]: ");
	int start = xmlBufferLength(m->out);
	escaped(m, text, 0);
	if (m->failed)
		return;
	const char *written = (const char *)xmlBufferContent(m->out) + start;
	if (may_read_as_link_definition(written))
		raw(m, " \xE2\x81\xA0");
}

/* Referenced notes become footnote definitions; a note nobody refers to is a plain
 * paragraph, its number in bold, since renderers drop unreferenced footnotes. */
static void write_notes(md *m)
{
	render_ctx *ctx = m->ctx;
	heading(m, 2, RENDER_LABEL_NOTES);
	for (size_t n = 0; n < ctx->notes.count; n++) {
		const cispref_note *note = ctx->notes.items[n];
		const char *text = cispref__render_text(ctx, note->text);
		if (cispref__render_note_is_referenced(ctx, note) ||
		    cispref__render_note_in_front(ctx, note)) {
			note_definition(m, note, text ? text : "");
		} else {
			const char *number = note->number ? note->number : "";
			if (*number) {
				raw(m, "**");
				escaped(m, number, 0);
				raw(m, "** ");
			}
			escaped(m, text, !*number);
		}
		raw(m, "\n\n");
	}
}

/* Each concept is an item with its label in bold and its kind in italics; the
 * competences that use it are a list under it. */
static void write_index(md *m)
{
	render_ctx *ctx = m->ctx;
	heading(m, 2, RENDER_LABEL_INDEX);
	for (size_t i = 0; i < ctx->concepts.count; i++) {
		const render_concept *entry = ctx->concepts.items[i];
		raw(m, "- ");
		if (*entry->label) {
			raw(m, "**");
			escaped(m, entry->label, 0);
			raw(m, "** ");
		}
		raw(m, "*");
		escaped(m, cispref__render_kind_label(entry->concept->kind), 0);
		raw(m, "*\n");
		for (size_t c = 0; c < entry->competences.count; c++) {
			const cispref_competence *comp = entry->competences.items[c];
			list_item(m, "  ", cispref__render_text(ctx, comp->title));
		}
	}
	raw(m, "\n");
}

int cispref__render_md(xmlBufferPtr out, render_ctx *ctx, cispref_error *error)
{
	(void)error; /* only memory can run out, which the caller reports */
	md m = {out, ctx, 0};
	if (ctx->opt.title_page)
		write_title_page(&m);
	/* with front matter, its sections in order, and after them what no overview or
	 * details block placed */
	int front = ctx->sections->count > 0;
	if (ctx->opt.contents)
		write_contents(&m);
	for (size_t i = 0; i < ctx->sections->count; i++)
		write_section(&m, ctx->sections->items[i]);
	if (ctx->opt.summary && !(front && cispref__render_front_has(ctx, CISPREF_BLOCK_OVERVIEW)))
		write_overview(&m);
	for (size_t d = 0; d < ctx->domains.count; d++)
		if (!(front && cispref__render_front_places(ctx, ctx->domains.items[d])))
			write_domain(&m, ctx->domains.items[d], 2);
	if (ctx->notes.count)
		write_notes(&m);
	if (ctx->concepts.count)
		write_index(&m);
	return m.failed ? CISPREF_ENOMEM : CISPREF_OK;
}
