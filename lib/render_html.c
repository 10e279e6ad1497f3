/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The HTML cahier: one self-contained HTML5 file for screen and print, written with
 * libxml2's xmlTextWriter so that every text and attribute is escaped by libxml2.
 *
 * The markup keeps to elements that HTML 4 already had (div, not section or nav), because
 * libxml2's HTML parser, which the tests and many tools use, reports the newer ones as
 * errors. Every non-void element gets an explicit end tag: "<td/>" means an open <td> to an
 * HTML parser. */
#include <stdio.h>
#include <string.h>
#include <libxml/xmlwriter.h>

#include "langtag.h"
#include "render_private.h"

#define X RENDER_X

/* The print stylesheet. It is a constant of this file, not text of the model, so it is
 * written raw: escaping "&" or ">" inside <style> would break the CSS, which HTML never
 * unescapes. It must never contain "</". */
static const char stylesheet[] =
	"\n"
	"html { font-family: \"Liberation Serif\", \"Times New Roman\", \"DejaVu Serif\", serif;"
	" font-size: 11pt; line-height: 1.4; color: #1a1a1a; background: #fff;"
	" -webkit-hyphens: auto; hyphens: auto; }\n"
	/* Words are hyphenated in the document's language (the lang attribute of <html>);
	 * headings, captions and labels are not. */
	"h1, h2, h3, .domain-title, .plan-title, caption, th, .series, .kind, .contents,"
	" dl.concepts dt {"
	" -webkit-hyphens: manual; hyphens: manual; }\n"
	"body { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }\n"
	"h1, h2, h3, .domain-title, .plan-title, caption, th, .series, .contents {"
	" font-family: \"Liberation Sans\", Arial, \"DejaVu Sans\", sans-serif; }\n"
	/* a domain looks like a chapter and a plan like its section at any heading level
	 * (under a section of the front matter they are h4 and h5) */
	"h2, .domain-title { font-size: 1.5em; color: #1f4e79;"
	" border-bottom: 2px solid #1f4e79; padding-bottom: .2em; margin: 0 0 .8em; }\n"
	"h3, .plan-title { font-size: 1.1em; color: #1f4e79; text-transform: uppercase;"
	" letter-spacing: .04em; margin: 1.4em 0 .6em; }\n"
	"h2, h3, .domain-title, .plan-title, caption { break-after: avoid;"
	" page-break-after: avoid; }\n"
	"a { color: #1f4e79; }\n"
	".title-page { text-align: center; padding: 5rem 0; }\n"
	".title-page .series { text-transform: uppercase; letter-spacing: .12em; color: #555; }\n"
	".title-page h1 { font-size: 2.3em; line-height: 1.2; color: #1f4e79; margin: 1.2em 0 .6em; }\n"
	".title-page .subtitle { font-size: 1.2em; color: #444; }\n"
	".title-page .publisher { font-size: 1.25em; margin-top: 4em; }\n"
	".title-page .date { font-size: 1.1em; }\n"
	".title-page .approval { font-style: italic; color: #444; margin-top: 3em; }\n"
	".contents ul { list-style: none; margin: 0; padding-left: 1.4em; }\n"
	".contents > ul { padding-left: 0; }\n"
	".contents li { margin: .15em 0; }\n"
	".contents a { text-decoration: none; }\n"
	".contents > ul > li { margin-top: .7em; font-weight: bold; }\n"
	".contents > ul > li li { font-weight: normal; }\n"
	".contents li li li { font-size: .92em; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 0 0 1.5em; font-size: .92em; }\n"
	"caption { caption-side: top; text-align: left; font-weight: bold; font-size: 1.05em;"
	" padding: .3em 0 .45em; }\n"
	"th, td { border: 1px solid #8a8a8a; padding: .35em .55em; vertical-align: top;"
	" text-align: left; }\n"
	"thead th { background: #dde6ee; }\n"
	"table.competence th, table.competence td { width: 33.3%; }\n"
	"table.summary tbody th { width: 10em; background: #f1f4f6; font-weight: normal;"
	" font-style: italic; }\n"
	"td ul { margin: 0; padding-left: 1.1em; }\n"
	"td li { margin: 0 0 .25em; }\n"
	"sup.note-ref { font-size: .7em; line-height: 0; }\n"
	".note { margin: 0 0 .8em; }\n"
	".note .number { font-weight: bold; margin-right: .5em; }\n"
	"dl.concepts dt { font-weight: bold; margin-top: .7em; break-after: avoid;"
	" page-break-after: avoid; }\n"
	"dl.concepts dd { margin: .1em 0 0 1.2em; }\n"
	"dl.concepts dd ul { margin: 0; padding-left: 1em; }\n"
	".figure { margin: 0 0 1.5em; break-inside: avoid; page-break-inside: avoid; }\n"
	".figure svg { display: block; width: 100%; max-width: 170mm; height: auto;"
	" margin: 0 auto; }\n"
	".kind { font-weight: normal; font-style: italic; color: #555; font-size: .9em;"
	" white-space: nowrap; }\n"
	/* Table headers repeat on every page a table spans; rows never split, and a small
	 * table (class keep) is not split at all: moved whole to the next page with its
	 * caption, rather than leaving its header and a row or two at the foot of a page. */
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"table.keep { break-inside: avoid; page-break-inside: avoid; }\n"
	/* A4 pages numbered in the bottom margin box (CSS Paged Media). Engines without margin
	 * boxes ignore the boxes; the margins are wide enough for the page numbers of their own
	 * print header and footer, which is the fallback. Engines with margin boxes print their
	 * own header or footer only where no box is given, hence the empty ones: the title page
	 * stays bare and no date or file name is printed. */
	"@page { size: A4; margin: 18mm 17mm 20mm 17mm; @top-center { content: \"\"; }"
	" @bottom-center { content: counter(page); font-family: \"Liberation Sans\", Arial,"
	" sans-serif; font-size: 9pt; color: #555; } }\n"
	"@page :first { @bottom-center { content: \"\"; } }\n"
	"@media print {\n"
	"  html { font-size: 10pt; }\n"
	"  body { max-width: none; margin: 0; padding: 0; }\n"
	"  a { color: inherit; text-decoration: none; }\n"
	"  .title-page { padding: 50mm 0 0; break-after: page; page-break-after: always; }\n"
	"  .chapter { break-before: page; page-break-before: always; }\n"
	"  thead th, table.summary tbody th { -webkit-print-color-adjust: exact;"
	" print-color-adjust: exact; }\n"
	/* A no-break space between the dots and the page number: the leader fills whole dots
	 * and leaves what is over before the number, which may be nothing ("....11"). */
	"  .contents a::after, dl.concepts dd a::after { content: leader('.') '\\a0'"
	" target-counter(attr(href url), page); }\n"
	/* Marks for the screen only: the links from a note back to the competences. */
	"  a.back { display: none; }\n"
	"  dl.concepts { columns: 2; column-gap: 8mm; }\n"
	"  dl.concepts dd { break-before: avoid; page-break-before: avoid;"
	" break-inside: avoid; page-break-inside: avoid; }\n"
	"}\n";

/* What the front matter adds to the stylesheet, only for a referential that has one
 * (the cahier of the others stays as it was). Written raw as the stylesheet is. */
static const char front_stylesheet[] =
	"h4, h5, h6 { font-family: \"Liberation Sans\", Arial, \"DejaVu Sans\", sans-serif;"
	" color: #1f4e79; margin: 1.2em 0 .5em; }\n"
	"h2 .number, h3 .number, h4 .number, h5 .number { margin-right: .5em; }\n"
	"ul.labelled { list-style: none; padding-left: 2.2em; }\n"
	"ul.labelled .label { display: inline-block; min-width: 2em; margin-left: -2.2em;"
	" margin-right: .2em; }\n"
	"blockquote { margin: 1em 2em; font-style: italic; }\n"
	"blockquote .quote-heading { font-weight: bold; font-style: normal; }\n"
	"blockquote .attribution { text-align: right; font-style: normal; }\n"
	"table.timeline th { width: 12em; }\n"
	".figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }\n"
	".figure .drawing { border: 1px solid #8a8a8a; min-height: 8em; display: flex;"
	" align-items: center; justify-content: center; color: #555; }\n"
	".figure .caption { text-align: center; font-style: italic; }\n";

/* The writer and its state. libxml2's writer calls return a negative number on failure
 * (only for want of memory): the first one sets @failed, every later call is a no-op and
 * the caller drops the document. */
typedef struct html {
	xmlTextWriterPtr w;
	render_ctx *ctx;
	int failed;
} html;

/* ---- Writer helpers: the only calls of libxml2's writer ---- */

static void check(html *h, int rc)
{
	if (rc < 0)
		h->failed = 1;
}

static void attr(html *h, const char *name, const char *value)
{
	if (!h->failed)
		check(h, xmlTextWriterWriteAttribute(h->w, X(name), X(value)));
}

static void start(html *h, const char *name, const char *cls)
{
	if (!h->failed)
		check(h, xmlTextWriterStartElement(h->w, X(name)));
	if (cls)
		attr(h, "class", cls);
}

/* The id "prefix-id" of a node, unless an earlier node took it. */
static void id_attr(html *h, const char *prefix, const char *id)
{
	const char *anchor = cispref__render_claim_anchor(h->ctx, prefix, id);
	if (anchor)
		attr(h, "id", anchor);
}

/* Every non-void element gets an end tag. */
static void end(html *h)
{
	if (!h->failed)
		check(h, xmlTextWriterFullEndElement(h->w));
}

/* A void element ends as "<meta .../>". */
static void end_void(html *h)
{
	if (!h->failed)
		check(h, xmlTextWriterEndElement(h->w));
}

static void text(html *h, const char *s)
{
	if (*s && !h->failed)
		check(h, xmlTextWriterWriteString(h->w, X(s)));
}

static void newline(html *h)
{
	text(h, "\n");
}

static void raw(html *h, const char *s)
{
	if (!h->failed)
		check(h, xmlTextWriterWriteRaw(h->w, X(s)));
}

static void doctype(html *h)
{
	if (!h->failed)
		check(h, xmlTextWriterStartDTD(h->w, X("html"), NULL, NULL));
	if (!h->failed)
		check(h, xmlTextWriterEndDTD(h->w));
}

static void element(html *h, const char *name, const char *cls, const char *s)
{
	start(h, name, cls);
	text(h, s);
	end(h);
	newline(h);
}

/* A link to @anchor of the document. */
static void link(html *h, const char *anchor, const char *s)
{
	start(h, "a", NULL);
	attr(h, "href", cispref__render_fragment(h->ctx, anchor));
	text(h, s);
	end(h);
}

/* ---- Head and title page ---- */

static void write_head(html *h)
{
	start(h, "head", NULL);
	newline(h);
	start(h, "meta", NULL);
	attr(h, "charset", "utf-8");
	end_void(h);
	newline(h);
	start(h, "meta", NULL);
	attr(h, "name", "viewport");
	attr(h, "content", "width=device-width, initial-scale=1");
	end_void(h);
	newline(h);
	element(h, "title", NULL, h->ctx->title);
	start(h, "style", NULL);
	raw(h, stylesheet);
	if (h->ctx->sections->count)
		raw(h, front_stylesheet);
	end(h);
	newline(h);
	end(h);
	newline(h);
}

static void optional_paragraph(html *h, const char *cls, const char *s)
{
	if (s)
		element(h, "p", cls, s);
}

static void write_title_page(html *h)
{
	render_ctx *ctx = h->ctx;
	const cispref_referential *ref = ctx->ref;
	start(h, "div", "title-page");
	attr(h, "id", "title-page");
	newline(h);
	optional_paragraph(h, "series", cispref__render_series_line(ctx));
	element(h, "h1", NULL, ctx->title);
	const char *own_title = cispref__render_text(ctx, ref->title);
	if (strcmp(own_title, ctx->title) != 0)
		element(h, "p", "subtitle", own_title);
	optional_paragraph(h, "publisher", cispref__render_source(ctx, CISPREF_SOURCE_PUBLISHER));
	optional_paragraph(h, "date", cispref__render_date(ctx, ref->source[CISPREF_SOURCE_DATE]));
	optional_paragraph(h, "approval", cispref__render_source(ctx, CISPREF_SOURCE_APPROVAL));
	end(h);
	newline(h);
}

/* ---- Table of contents ---- */

static void contents_entry(html *h, const char *prefix, const char *id, const char *s, int open)
{
	start(h, "li", NULL);
	link(h, cispref__render_anchor(h->ctx, prefix, id), s);
	if (!open)
		end(h);
}

static void write_contents_domain(html *h, const cispref_domain *domain)
{
	render_ctx *ctx = h->ctx;
	contents_entry(h, "domain", domain->node.id, cispref__render_text(ctx, domain->title), 1);
	start(h, "ul", NULL);
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		contents_entry(h, "plan", plan->node.id, cispref__render_text(ctx, plan->title), 1);
		if (plan->competences.count) {
			start(h, "ul", NULL);
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				contents_entry(h, "competence", comp->node.id,
				               cispref__render_text(ctx, comp->title), 0);
			}
			end(h);
		}
		end(h);
	}
	end(h); /* ul */
	end(h); /* li */
	newline(h);
}

static void contents_chapter(html *h, const char *anchor, const char *s)
{
	start(h, "li", NULL);
	link(h, anchor, s);
	end(h);
	newline(h);
}

static void write_contents(html *h)
{
	render_ctx *ctx = h->ctx;
	start(h, "div", "contents");
	attr(h, "id", RENDER_ID_CONTENTS);
	attr(h, "role", "navigation");
	newline(h);
	element(h, "h2", NULL, RENDER_LABEL_CONTENTS);
	start(h, "ul", NULL);
	newline(h);
	if (ctx->opt.summary)
		contents_chapter(h, RENDER_ID_OVERVIEW, RENDER_LABEL_OVERVIEW);
	for (size_t d = 0; d < ctx->domains.count; d++)
		write_contents_domain(h, ctx->domains.items[d]);
	if (ctx->notes.count)
		contents_chapter(h, RENDER_ID_NOTES, RENDER_LABEL_NOTES);
	if (ctx->concepts.count)
		contents_chapter(h, RENDER_ID_INDEX, RENDER_LABEL_INDEX);
	end(h);
	end(h);
	newline(h);
}

/* ---- Tables ---- */

static void header_row(html *h, const char *const *labels, size_t count)
{
	start(h, "thead", NULL);
	start(h, "tr", NULL);
	for (size_t i = 0; i < count; i++) {
		start(h, "th", NULL);
		attr(h, "scope", "col");
		text(h, labels[i]);
		end(h);
	}
	end(h);
	end(h);
}

static void summary_row(html *h, const cispref_domain *domain, size_t e)
{
	const cispref_summary_entry *entry = domain->summary.items[e];
	start(h, "tr", NULL);
	size_t run = cispref__render_plan_run(domain, e);
	if (run) {
		char rows[32];
		snprintf(rows, sizeof rows, "%zu", run);
		start(h, "th", NULL);
		attr(h, "scope", "rowgroup");
		attr(h, "rowspan", rows);
		text(h, cispref__render_plan_label(entry->plan_kind));
		end(h);
	}
	start(h, "td", NULL);
	const cispref_competence *comp = cispref__render_entry_competence(h->ctx, entry);
	if (comp)
		link(h, cispref__render_anchor(h->ctx, "competence", comp->node.id),
		     cispref__render_text(h->ctx, entry->text));
	else
		text(h, cispref__render_text(h->ctx, entry->text));
	end(h);
	end(h);
	newline(h);
}

static void write_summary_table(html *h, const cispref_domain *domain)
{
	static const char *const labels[] = {RENDER_LABEL_PLAN, RENDER_LABEL_COMPETENCE};
	if (!domain->summary.count)
		return;
	start(h, "table", domain->summary.count <= RENDER_SMALL_TABLE_ROWS ? "summary keep"
	                                                                 : "summary");
	id_attr(h, "summary", domain->node.id);
	element(h, "caption", NULL, cispref__render_text(h->ctx, domain->title));
	header_row(h, labels, 2);
	start(h, "tbody", NULL);
	newline(h);
	for (size_t e = 0; e < domain->summary.count; e++)
		summary_row(h, domain, e);
	end(h);
	end(h);
	newline(h);
}

/* The schema of the mission's contours (3.1.1) drawn from the model, as inline SVG; the
 * front matter calls this at the figure's place. Nothing when no core domain is
 * rendered. */
static void write_figure_contours(html *h)
{
	if (h->failed || !cispref__render_figure_present(h->ctx))
		return;
	start(h, "div", "figure contours");
	newline(h);
	if (!h->failed && cispref__render_figure_svg(h->w, h->ctx, NULL, NULL) != CISPREF_OK)
		h->failed = 1;
	newline(h);
	end(h);
	newline(h);
}

static void write_overview(html *h)
{
	render_ctx *ctx = h->ctx;
	start(h, "div", "chapter overview");
	attr(h, "id", RENDER_ID_OVERVIEW);
	newline(h);
	element(h, "h2", NULL, RENDER_LABEL_OVERVIEW);
	/* Without a figure block in the front matter to place it, the schema opens the
	 * overview. */
	if (!cispref__render_front_has(ctx, CISPREF_BLOCK_FIGURE))
		write_figure_contours(h);
	for (size_t d = 0; d < ctx->domains.count; d++)
		write_summary_table(h, ctx->domains.items[d]);
	end(h);
	newline(h);
}

/* The id of the link from a competence's caption to its @index-th note, which the note
 * links back to. */
static const char *note_ref_anchor(render_ctx *ctx, const cispref_competence *comp, size_t index)
{
	char suffix[32];
	snprintf(suffix, sizeof suffix, "%zu", index + 1);
	return cispref__render_anchor(ctx, cispref__render_anchor(ctx, "noteref", comp->node.id), suffix);
}

static void note_ref_id(html *h, const cispref_competence *comp, size_t index)
{
	char suffix[32];
	snprintf(suffix, sizeof suffix, "%zu", index + 1);
	id_attr(h, cispref__render_anchor(h->ctx, "noteref", comp->node.id), suffix);
}

static void write_caption(html *h, const cispref_competence *comp)
{
	start(h, "caption", NULL);
	start(h, "span", "title");
	text(h, cispref__render_text(h->ctx, comp->title));
	end(h);
	for (size_t n = 0; n < cispref_competence_note_count(comp); n++) {
		const cispref_note *note = cispref__render_competence_note(h->ctx, comp, n);
		if (!note)
			continue;
		start(h, "sup", "note-ref");
		start(h, "a", NULL);
		const char *anchor = cispref__render_anchor(h->ctx, "note", note->node.id);
		attr(h, "href", cispref__render_fragment(h->ctx, anchor));
		note_ref_id(h, comp, n);
		text(h, note->number ? note->number : "*");
		end(h);
		end(h);
	}
	end(h);
}

static void write_item_cell(html *h, const cispref_competence *comp, int kind)
{
	const vec *items = &comp->items[kind];
	start(h, "td", items->count ? NULL : "empty");
	if (items->count) {
		start(h, "ul", NULL);
		for (size_t i = 0; i < items->count; i++) {
			const cispref_item *item = items->items[i];
			start(h, "li", NULL);
			id_attr(h, "item", item->node.id);
			text(h, cispref__render_text(h->ctx, item->text));
			end(h);
		}
		end(h);
	}
	end(h);
}

static void write_competence(html *h, const cispref_competence *comp)
{
	const char *labels[CISPREF_ITEM_KIND_COUNT];
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		labels[k] = cispref__render_column_label((cispref_item_kind_t)k);
	size_t rows = 0;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		rows = comp->items[k].count > rows ? comp->items[k].count : rows;
	start(h, "table", rows <= RENDER_SMALL_TABLE_ROWS ? "competence keep" : "competence");
	id_attr(h, "competence", comp->node.id);
	write_caption(h, comp);
	header_row(h, labels, CISPREF_ITEM_KIND_COUNT);
	start(h, "tbody", NULL);
	start(h, "tr", NULL);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		write_item_cell(h, comp, k);
	end(h);
	end(h);
	end(h);
	newline(h);
}

/* The heading element of @level (1 to 6; deeper levels share h6). */
static const char *heading_name(unsigned level)
{
	static const char *const names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
	return names[(level < 6 ? level : 6) - 1];
}

/* A domain under a heading of @level (2 as a chapter, one below its section's heading in
 * the front matter), its plans one level down. The classes keep the look of a chapter
 * and of a plan whatever the level. */
static void write_domain(html *h, const cispref_domain *domain, unsigned level)
{
	render_ctx *ctx = h->ctx;
	start(h, "div", "chapter domain");
	id_attr(h, "domain", domain->node.id);
	newline(h);
	element(h, heading_name(level), "domain-title", cispref__render_text(ctx, domain->title));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		start(h, "div", "plan");
		id_attr(h, "plan", plan->node.id);
		newline(h);
		element(h, heading_name(level + 1), "plan-title",
		        cispref__render_text(ctx, plan->title));
		for (size_t c = 0; c < plan->competences.count; c++)
			write_competence(h, plan->competences.items[c]);
		end(h);
		newline(h);
	}
	end(h);
	newline(h);
}

/* ---- Notes and index ---- */

/* A link back to a competence that refers to the note. */
static int backlink(void *payload, const cispref_competence *comp, size_t index)
{
	html *h = payload;
	render_ctx *ctx = h->ctx;
	text(h, " ");
	start(h, "a", "back");
	attr(h, "href", cispref__render_fragment(ctx, note_ref_anchor(ctx, comp, index)));
	attr(h, "title", cispref__render_text(ctx, comp->title));
	text(h, "\xE2\x86\x91"); /* ↑ */
	end(h);
	return 0;
}

static void write_notes(html *h)
{
	render_ctx *ctx = h->ctx;
	start(h, "div", "chapter notes");
	attr(h, "id", RENDER_ID_NOTES);
	newline(h);
	element(h, "h2", NULL, RENDER_LABEL_NOTES);
	for (size_t n = 0; n < ctx->notes.count; n++) {
		const cispref_note *note = ctx->notes.items[n];
		start(h, "p", "note");
		id_attr(h, "note", note->node.id);
		start(h, "span", "number");
		text(h, note->number ? note->number : "");
		end(h);
		start(h, "span", "text");
		text(h, cispref__render_text(ctx, note->text));
		end(h);
		if (cispref__render_note_in_front(ctx, note)) {
			text(h, " ");
			start(h, "a", "back");
			attr(h, "href", cispref__render_fragment(
				ctx, cispref__render_anchor(ctx, "fnref", note->node.id)));
			text(h, "\xE2\x86\x91"); /* ↑ */
			end(h);
		}
		cispref__render_note_references(h->ctx, note, backlink, h);
		end(h);
		newline(h);
	}
	end(h);
	newline(h);
}

static void write_index_entry(html *h, const render_concept *entry)
{
	start(h, "dt", NULL);
	id_attr(h, "concept", entry->concept->node.id);
	start(h, "span", "label");
	text(h, entry->label);
	end(h);
	text(h, " ");
	start(h, "span", "kind");
	text(h, cispref__render_kind_label(entry->concept->kind));
	end(h);
	end(h);
	start(h, "dd", NULL);
	start(h, "ul", NULL);
	for (size_t c = 0; c < entry->competences.count; c++) {
		const cispref_competence *comp = entry->competences.items[c];
		start(h, "li", NULL);
		link(h, cispref__render_anchor(h->ctx, "competence", comp->node.id),
		     cispref__render_text(h->ctx, comp->title));
		end(h);
	}
	end(h);
	end(h);
	newline(h);
}

static void write_index(html *h)
{
	render_ctx *ctx = h->ctx;
	start(h, "div", "chapter concept-index");
	attr(h, "id", RENDER_ID_INDEX);
	newline(h);
	element(h, "h2", NULL, RENDER_LABEL_INDEX);
	start(h, "dl", "concepts");
	newline(h);
	for (size_t i = 0; i < ctx->concepts.count; i++)
		write_index_entry(h, ctx->concepts.items[i]);
	end(h);
	end(h);
	newline(h);
}

/* ---- Front matter ---- */

static void write_runs(html *h, const cispref_rich_text *rt)
{
	for (size_t i = 0; rt && i < rt->runs.count; i++) {
		const cispref_inline *run = rt->runs.items[i];
		const cispref_note *note;
		switch (run->kind) {
		case CISPREF_INLINE_TEXT:
			text(h, cispref__render_text(h->ctx, run->text));
			break;
		case CISPREF_INLINE_EMPHASIS:
			start(h, "em", NULL);
			write_runs(h, &run->children);
			end(h);
			break;
		case CISPREF_INLINE_QUOTATION:
			text(h, "\xE2\x80\x9C"); /* “ */
			write_runs(h, &run->children);
			text(h, "\xE2\x80\x9D"); /* ” */
			break;
		case CISPREF_INLINE_NOTE_REF:
			if (!(note = cispref__render_front_note(h->ctx, run)))
				break;
			start(h, "sup", "note-ref");
			start(h, "a", NULL);
			attr(h, "href", cispref__render_fragment(
				h->ctx, cispref__render_anchor(h->ctx, "note", note->node.id)));
			id_attr(h, "fnref", note->node.id);
			text(h, note->number ? note->number : "*");
			end(h);
			end(h);
			break;
		}
	}
}

static void runs_element(html *h, const char *name, const char *cls, const cispref_rich_text *rt)
{
	start(h, name, cls);
	write_runs(h, rt);
	end(h);
	newline(h);
}

/* The schema of the mission's contours, drawn from the model at the figure's place. */
static void figure_contours(html *h, const cispref_block *figure)
{
	(void)figure; /* its caption follows, written by the caller */
	write_figure_contours(h);
}

static void write_list(html *h, const cispref_block *b)
{
	int labelled = 0;
	for (size_t i = 0; i < b->children.count; i++)
		labelled |= ((const cispref_list_item *)b->children.items[i])->label != NULL;
	start(h, "ul", labelled ? "labelled" : NULL);
	id_attr(h, "block", b->node.id);
	newline(h);
	for (size_t i = 0; i < b->children.count; i++) {
		const cispref_list_item *it = b->children.items[i];
		start(h, "li", NULL);
		if (it->label) {
			start(h, "span", "label");
			text(h, it->label);
			end(h);
			text(h, " ");
		}
		write_runs(h, &it->text);
		end(h);
		newline(h);
	}
	end(h);
	newline(h);
}

static void write_quote(html *h, const cispref_block *b)
{
	start(h, "blockquote", NULL);
	id_attr(h, "block", b->node.id);
	newline(h);
	if (b->text)
		runs_element(h, "p", "quote-heading", b->text);
	for (size_t i = 0; i < b->children.count; i++)
		runs_element(h, "p", NULL, b->children.items[i]);
	if (b->attribution) {
		start(h, "p", "attribution");
		text(h, "\xE2\x80\x94 "); /* — */
		text(h, cispref__render_text(h->ctx, b->attribution));
		end(h);
		newline(h);
	}
	end(h);
	newline(h);
}

static void write_timeline(html *h, const cispref_block *b)
{
	start(h, "div", "timeline");
	id_attr(h, "block", b->node.id);
	newline(h);
	for (size_t i = 0; i < b->children.count; i++) {
		const cispref_phase *ph = b->children.items[i];
		start(h, "table", "timeline");
		start(h, "caption", NULL);
		write_runs(h, &ph->heading);
		end(h);
		start(h, "tbody", NULL);
		newline(h);
		for (size_t s = 0; s < ph->steps.count; s++) {
			const cispref_step *st = ph->steps.items[s];
			start(h, "tr", NULL);
			start(h, "th", NULL);
			attr(h, "scope", "row");
			text(h, cispref__render_text(h->ctx, st->date));
			end(h);
			start(h, "td", NULL);
			write_runs(h, &st->task);
			if (st->actors) {
				text(h, " ");
				start(h, "span", "actors");
				text(h, "(");
				text(h, cispref__render_text(h->ctx, st->actors));
				text(h, ")");
				end(h);
			}
			end(h);
			end(h);
			newline(h);
		}
		end(h);
		end(h);
		newline(h);
	}
	end(h);
	newline(h);
}

static void write_figure(html *h, const cispref_block *b)
{
	start(h, "div", "figure");
	id_attr(h, "block", b->node.id);
	newline(h);
	figure_contours(h, b);
	runs_element(h, "p", "caption", b->text);
	end(h);
	newline(h);
}

/* A block of a section whose heading has @level: the domains it places go one level
 * below that heading. */
static void write_block(html *h, const cispref_block *b, unsigned level)
{
	render_ctx *ctx = h->ctx;
	switch (b->kind) {
	case CISPREF_BLOCK_PARAGRAPH:
		runs_element(h, "p", NULL, b->text);
		break;
	case CISPREF_BLOCK_LIST:
		write_list(h, b);
		break;
	case CISPREF_BLOCK_QUOTE:
		write_quote(h, b);
		break;
	case CISPREF_BLOCK_TIMELINE:
		write_timeline(h, b);
		break;
	case CISPREF_BLOCK_FIGURE:
		write_figure(h, b);
		break;
	case CISPREF_BLOCK_OVERVIEW:
		for (size_t d = 0; ctx->opt.summary && d < ctx->domains.count; d++)
			if (((const cispref_domain *)ctx->domains.items[d])->kind == b->domain_kind)
				write_summary_table(h, ctx->domains.items[d]);
		break;
	case CISPREF_BLOCK_DETAILS:
		for (size_t d = 0; d < ctx->domains.count; d++)
			if (cispref__render_details_places(b, ctx->domains.items[d]))
				write_domain(h, ctx->domains.items[d], level + 1);
		break;
	}
}

static void write_section(html *h, const cispref_section *s)
{
	/* level 1 is a chapter (h2, under the title's h1) */
	unsigned level = (s->level < 5 ? s->level : 5) + 1;
	start(h, "div", s->level == 1 ? "chapter section" : "section");
	id_attr(h, "section", s->node.id);
	newline(h);
	start(h, heading_name(level), NULL);
	if (s->number) {
		start(h, "span", "number");
		text(h, s->number);
		end(h);
		text(h, " ");
	}
	write_runs(h, &s->heading);
	end(h);
	newline(h);
	for (size_t b = 0; b < s->blocks.count; b++)
		write_block(h, s->blocks.items[b], level);
	for (size_t i = 0; i < s->subsections.count; i++)
		write_section(h, s->subsections.items[i]);
	end(h);
	newline(h);
}

static void contents_section(html *h, const cispref_section *s)
{
	render_ctx *ctx = h->ctx;
	contents_entry(h, "section", s->node.id, cispref__render_section_title(ctx, s), 1);
	int details = 0;
	for (size_t d = 0; d < ctx->domains.count; d++)
		details |= cispref__render_section_places(s, ctx->domains.items[d]);
	if (s->subsections.count || details) {
		start(h, "ul", NULL);
		/* in the body's order: a section's blocks (its details), then its subsections */
		for (size_t d = 0; d < ctx->domains.count; d++)
			if (cispref__render_section_places(s, ctx->domains.items[d]))
				write_contents_domain(h, ctx->domains.items[d]);
		for (size_t i = 0; i < s->subsections.count; i++)
			contents_section(h, s->subsections.items[i]);
		end(h);
	}
	end(h);
	newline(h);
}

/* The contents of a cahier with front matter: its sections, the domains under the
 * section that holds the detail tables (or after the sections when none does). */
static void write_front_contents(html *h)
{
	render_ctx *ctx = h->ctx;
	start(h, "div", "contents");
	attr(h, "id", RENDER_ID_CONTENTS);
	attr(h, "role", "navigation");
	newline(h);
	element(h, "h2", NULL, RENDER_LABEL_CONTENTS);
	start(h, "ul", NULL);
	newline(h);
	for (size_t i = 0; i < ctx->sections->count; i++)
		contents_section(h, ctx->sections->items[i]);
	if (ctx->opt.summary && !cispref__render_front_has(ctx, CISPREF_BLOCK_OVERVIEW))
		contents_chapter(h, RENDER_ID_OVERVIEW, RENDER_LABEL_OVERVIEW);
	for (size_t d = 0; d < ctx->domains.count; d++)
		if (!cispref__render_front_places(ctx, ctx->domains.items[d]))
			write_contents_domain(h, ctx->domains.items[d]);
	if (ctx->notes.count)
		contents_chapter(h, RENDER_ID_NOTES, RENDER_LABEL_NOTES);
	if (ctx->concepts.count)
		contents_chapter(h, RENDER_ID_INDEX, RENDER_LABEL_INDEX);
	end(h);
	end(h);
	newline(h);
}

/* The body of a cahier with front matter: the sections in order, what their overview
 * and details blocks stand for in their place; the summary and detail tables no block
 * placed after them, so that nothing is left out. */
static void write_front_body(html *h)
{
	render_ctx *ctx = h->ctx;
	if (ctx->opt.contents)
		write_front_contents(h);
	for (size_t i = 0; i < ctx->sections->count; i++)
		write_section(h, ctx->sections->items[i]);
	if (ctx->opt.summary && !cispref__render_front_has(ctx, CISPREF_BLOCK_OVERVIEW))
		write_overview(h);
	for (size_t d = 0; d < ctx->domains.count; d++)
		if (!cispref__render_front_places(ctx, ctx->domains.items[d]))
			write_domain(h, ctx->domains.items[d], 2);
}

/* ---- The document ---- */

static void write_document(html *h)
{
	render_ctx *ctx = h->ctx;
	const char *lang = cispref__langtag_document(ctx->ref->language);
	doctype(h);
	newline(h);
	start(h, "html", NULL);
	if (lang)
		attr(h, "lang", lang);
	newline(h);
	write_head(h);
	start(h, "body", NULL);
	newline(h);
	if (ctx->opt.title_page)
		write_title_page(h);
	if (ctx->sections->count) {
		write_front_body(h);
	} else {
		if (ctx->opt.contents)
			write_contents(h);
		if (ctx->opt.summary)
			write_overview(h);
		for (size_t d = 0; d < ctx->domains.count; d++)
			write_domain(h, ctx->domains.items[d], 2);
	}
	if (ctx->notes.count)
		write_notes(h);
	if (ctx->concepts.count)
		write_index(h);
	end(h);
	newline(h);
	end(h);
	newline(h);
}

int cispref__render_html(xmlBufferPtr out, render_ctx *ctx, cispref_error *error)
{
	(void)error; /* the writer can only fail for want of memory, which the caller reports */
	html h = {xmlNewTextWriterMemory(out, 0), ctx, 0};
	if (!h.w)
		return CISPREF_ENOMEM;
	write_document(&h);
	xmlFreeTextWriter(h.w); /* flushes into @out */
	return h.failed ? CISPREF_ENOMEM : CISPREF_OK;
}
