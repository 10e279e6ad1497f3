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

#define TRY RENDER_TRY
#define X RENDER_X

/* The print stylesheet. It is a constant of this file, not text of the model, so it is
 * written raw: escaping "&" or ">" inside <style> would break the CSS, which HTML never
 * unescapes. It must never contain "</". */
static const char stylesheet[] =
	"\n"
	"html { font-family: \"Liberation Serif\", \"Times New Roman\", \"DejaVu Serif\", serif;"
	" font-size: 11pt; line-height: 1.4; color: #1a1a1a; background: #fff; }\n"
	"body { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }\n"
	"h1, h2, h3, caption, th, .series, .contents { font-family: \"Liberation Sans\", Arial,"
	" \"DejaVu Sans\", sans-serif; }\n"
	"h2 { font-size: 1.5em; color: #1f4e79; border-bottom: 2px solid #1f4e79;"
	" padding-bottom: .2em; margin: 0 0 .8em; }\n"
	"h3 { font-size: 1.1em; color: #1f4e79; text-transform: uppercase; letter-spacing: .04em;"
	" margin: 1.4em 0 .6em; }\n"
	"h2, h3, caption { break-after: avoid; page-break-after: avoid; }\n"
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
	".kind { font-weight: normal; font-style: italic; color: #555; font-size: .9em; }\n"
	/* Table headers repeat on every page a table spans; rows never split, and a table that
	 * fits on a page is not split from its caption. */
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"table { break-inside: avoid; page-break-inside: avoid; }\n"
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
	"  .contents a::after { content: leader('.') target-counter(attr(href url), page); }\n"
	"  dl.concepts { columns: 2; column-gap: 8mm; }\n"
	"  dl.concepts dd { break-before: avoid; page-break-before: avoid;"
	" break-inside: avoid; page-break-inside: avoid; }\n"
	"}\n";

typedef struct html {
	xmlTextWriterPtr w;
	render_ctx *ctx;
} html;

/* ---- Writer helpers ---- */

static int start(html *h, const char *name, const char *cls)
{
	TRY(xmlTextWriterStartElement(h->w, X(name)));
	return cls ? xmlTextWriterWriteAttribute(h->w, X("class"), X(cls)) : 0;
}

static int attr(html *h, const char *name, const char *value)
{
	return xmlTextWriterWriteAttribute(h->w, X(name), X(value));
}

/* The id "prefix-id" of a node, unless an earlier node took it. */
static int id_attr(html *h, const char *prefix, const char *id)
{
	const char *anchor = cispref__render_claim_anchor(h->ctx, prefix, id);
	return anchor ? attr(h, "id", anchor) : 0;
}

static int end(html *h)
{
	return xmlTextWriterFullEndElement(h->w);
}

static int text(html *h, const char *s)
{
	return *s ? xmlTextWriterWriteString(h->w, X(s)) : 0;
}

static int newline(html *h)
{
	return xmlTextWriterWriteString(h->w, X("\n"));
}

static int element(html *h, const char *name, const char *cls, const char *s)
{
	TRY(start(h, name, cls));
	TRY(text(h, s));
	TRY(end(h));
	return newline(h);
}

/* A link to @anchor of the document. */
static int link(html *h, const char *anchor, const char *s)
{
	TRY(start(h, "a", NULL));
	TRY(attr(h, "href", cispref__render_fragment(h->ctx, anchor)));
	TRY(text(h, s));
	return end(h);
}

/* ---- Head and title page ---- */

static int write_head(html *h)
{
	TRY(start(h, "head", NULL));
	TRY(newline(h));
	TRY(start(h, "meta", NULL));
	TRY(attr(h, "charset", "utf-8"));
	TRY(xmlTextWriterEndElement(h->w)); /* a void element: <meta .../> */
	TRY(newline(h));
	TRY(start(h, "meta", NULL));
	TRY(attr(h, "name", "viewport"));
	TRY(attr(h, "content", "width=device-width, initial-scale=1"));
	TRY(xmlTextWriterEndElement(h->w));
	TRY(newline(h));
	TRY(element(h, "title", NULL, h->ctx->title));
	TRY(start(h, "style", NULL));
	TRY(xmlTextWriterWriteRaw(h->w, X(stylesheet)));
	TRY(end(h));
	TRY(newline(h));
	TRY(end(h));
	return newline(h);
}

static int optional_paragraph(html *h, const char *cls, const char *s)
{
	return s ? element(h, "p", cls, s) : 0;
}

static int write_title_page(html *h)
{
	render_ctx *ctx = h->ctx;
	const cispref_referential *ref = ctx->ref;
	TRY(start(h, "div", "title-page"));
	TRY(attr(h, "id", "title-page"));
	TRY(newline(h));
	TRY(optional_paragraph(h, "series", cispref__render_series_line(ctx)));
	TRY(element(h, "h1", NULL, ctx->title));
	const char *own_title = cispref__render_text(ctx, ref->title);
	if (strcmp(own_title, ctx->title) != 0)
		TRY(element(h, "p", "subtitle", own_title));
	TRY(optional_paragraph(h, "publisher", cispref__render_source(ctx, CISPREF_SOURCE_PUBLISHER)));
	TRY(optional_paragraph(h, "date", cispref__render_date(ctx, ref->source[CISPREF_SOURCE_DATE])));
	TRY(optional_paragraph(h, "approval", cispref__render_source(ctx, CISPREF_SOURCE_APPROVAL)));
	TRY(end(h));
	return newline(h);
}

/* ---- Table of contents ---- */

static int contents_entry(html *h, const char *prefix, const char *id, const char *s, int open)
{
	TRY(start(h, "li", NULL));
	TRY(link(h, cispref__render_anchor(h->ctx, prefix, id), s));
	return open ? 0 : end(h);
}

static int write_contents_domain(html *h, const cispref_domain *domain)
{
	render_ctx *ctx = h->ctx;
	TRY(contents_entry(h, "domain", domain->node.id, cispref__render_text(ctx, domain->title), 1));
	TRY(start(h, "ul", NULL));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		TRY(contents_entry(h, "plan", plan->node.id, cispref__render_text(ctx, plan->title), 1));
		if (plan->competences.count) {
			TRY(start(h, "ul", NULL));
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				TRY(contents_entry(h, "competence", comp->node.id,
				                   cispref__render_text(ctx, comp->title), 0));
			}
			TRY(end(h));
		}
		TRY(end(h));
	}
	TRY(end(h)); /* ul */
	TRY(end(h)); /* li */
	return newline(h);
}

static int contents_chapter(html *h, const char *anchor, const char *s)
{
	TRY(start(h, "li", NULL));
	TRY(link(h, anchor, s));
	TRY(end(h));
	return newline(h);
}

static int write_contents(html *h)
{
	render_ctx *ctx = h->ctx;
	TRY(start(h, "div", "contents"));
	TRY(attr(h, "id", RENDER_ID_CONTENTS));
	TRY(attr(h, "role", "navigation"));
	TRY(newline(h));
	TRY(element(h, "h2", NULL, RENDER_LABEL_CONTENTS));
	TRY(start(h, "ul", NULL));
	TRY(newline(h));
	if (ctx->opt.summary)
		TRY(contents_chapter(h, RENDER_ID_OVERVIEW, RENDER_LABEL_OVERVIEW));
	for (size_t d = 0; d < ctx->domains.count; d++)
		TRY(write_contents_domain(h, ctx->domains.items[d]));
	if (ctx->notes.count)
		TRY(contents_chapter(h, RENDER_ID_NOTES, RENDER_LABEL_NOTES));
	if (ctx->concepts.count)
		TRY(contents_chapter(h, RENDER_ID_INDEX, RENDER_LABEL_INDEX));
	TRY(end(h));
	TRY(end(h));
	return newline(h);
}

/* ---- Tables ---- */

static int header_row(html *h, const char *const *labels, size_t count)
{
	TRY(start(h, "thead", NULL));
	TRY(start(h, "tr", NULL));
	for (size_t i = 0; i < count; i++) {
		TRY(start(h, "th", NULL));
		TRY(attr(h, "scope", "col"));
		TRY(text(h, labels[i]));
		TRY(end(h));
	}
	TRY(end(h));
	return end(h);
}

/* How many entries from @first on are listed under the same plan kind. */
static size_t plan_run(const cispref_domain *domain, size_t first)
{
	const cispref_summary_entry *e = domain->summary.items[first];
	size_t n = 1;
	while (first + n < domain->summary.count &&
	       ((cispref_summary_entry *)domain->summary.items[first + n])->plan_kind == e->plan_kind)
		n++;
	return n;
}

static int summary_row(html *h, const cispref_domain *domain, size_t e)
{
	const cispref_summary_entry *entry = domain->summary.items[e];
	TRY(start(h, "tr", NULL));
	if (e == 0 || ((cispref_summary_entry *)domain->summary.items[e - 1])->plan_kind !=
	                  entry->plan_kind) {
		char rows[32];
		snprintf(rows, sizeof rows, "%zu", plan_run(domain, e));
		TRY(start(h, "th", NULL));
		TRY(attr(h, "scope", "rowgroup"));
		TRY(attr(h, "rowspan", rows));
		TRY(text(h, cispref__render_plan_label(entry->plan_kind)));
		TRY(end(h));
	}
	TRY(start(h, "td", NULL));
	const cispref_competence *comp = cispref__render_entry_competence(h->ctx, entry);
	if (comp)
		TRY(link(h, cispref__render_anchor(h->ctx, "competence", comp->node.id),
		         cispref__render_text(h->ctx, entry->text)));
	else
		TRY(text(h, cispref__render_text(h->ctx, entry->text)));
	TRY(end(h));
	TRY(end(h));
	return newline(h);
}

static int write_summary_table(html *h, const cispref_domain *domain)
{
	static const char *const labels[] = {RENDER_LABEL_PLAN, RENDER_LABEL_COMPETENCE};
	if (!domain->summary.count)
		return 0;
	TRY(start(h, "table", "summary"));
	TRY(id_attr(h, "summary", domain->node.id));
	TRY(element(h, "caption", NULL, cispref__render_text(h->ctx, domain->title)));
	TRY(header_row(h, labels, 2));
	TRY(start(h, "tbody", NULL));
	TRY(newline(h));
	for (size_t e = 0; e < domain->summary.count; e++)
		TRY(summary_row(h, domain, e));
	TRY(end(h));
	TRY(end(h));
	return newline(h);
}

static int write_overview(html *h)
{
	render_ctx *ctx = h->ctx;
	TRY(start(h, "div", "chapter overview"));
	TRY(attr(h, "id", RENDER_ID_OVERVIEW));
	TRY(newline(h));
	TRY(element(h, "h2", NULL, RENDER_LABEL_OVERVIEW));
	for (size_t d = 0; d < ctx->domains.count; d++)
		TRY(write_summary_table(h, ctx->domains.items[d]));
	TRY(end(h));
	return newline(h);
}

/* The id of the link from a competence's caption to its @index-th note, which the note
 * links back to. */
static const char *note_ref_anchor(render_ctx *ctx, const cispref_competence *comp, size_t index)
{
	char suffix[32];
	snprintf(suffix, sizeof suffix, "%zu", index + 1);
	return cispref__render_anchor(ctx, cispref__render_anchor(ctx, "noteref", comp->node.id), suffix);
}

static int note_ref_id(html *h, const cispref_competence *comp, size_t index)
{
	char suffix[32];
	snprintf(suffix, sizeof suffix, "%zu", index + 1);
	return id_attr(h, cispref__render_anchor(h->ctx, "noteref", comp->node.id), suffix);
}

static int write_caption(html *h, const cispref_competence *comp)
{
	TRY(start(h, "caption", NULL));
	TRY(start(h, "span", "title"));
	TRY(text(h, cispref__render_text(h->ctx, comp->title)));
	TRY(end(h));
	for (size_t n = 0; n < cispref_competence_note_count(comp); n++) {
		const cispref_note *note = cispref__render_competence_note(h->ctx, comp, n);
		if (!note)
			continue;
		TRY(start(h, "sup", "note-ref"));
		TRY(start(h, "a", NULL));
		const char *anchor = cispref__render_anchor(h->ctx, "note", note->node.id);
		TRY(attr(h, "href", cispref__render_fragment(h->ctx, anchor)));
		TRY(note_ref_id(h, comp, n));
		TRY(text(h, note->number ? note->number : "*"));
		TRY(end(h));
		TRY(end(h));
	}
	return end(h);
}

static int write_item_cell(html *h, const cispref_competence *comp, int kind)
{
	const vec *items = &comp->items[kind];
	TRY(start(h, "td", items->count ? NULL : "empty"));
	if (items->count) {
		TRY(start(h, "ul", NULL));
		for (size_t i = 0; i < items->count; i++) {
			const cispref_item *item = items->items[i];
			TRY(start(h, "li", NULL));
			TRY(id_attr(h, "item", item->node.id));
			TRY(text(h, cispref__render_text(h->ctx, item->text)));
			TRY(end(h));
		}
		TRY(end(h));
	}
	return end(h);
}

static int write_competence(html *h, const cispref_competence *comp)
{
	const char *labels[CISPREF_ITEM_KIND_COUNT];
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		labels[k] = cispref__render_column_label((cispref_item_kind_t)k);
	TRY(start(h, "table", "competence"));
	TRY(id_attr(h, "competence", comp->node.id));
	TRY(write_caption(h, comp));
	TRY(header_row(h, labels, CISPREF_ITEM_KIND_COUNT));
	TRY(start(h, "tbody", NULL));
	TRY(start(h, "tr", NULL));
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		TRY(write_item_cell(h, comp, k));
	TRY(end(h));
	TRY(end(h));
	TRY(end(h));
	return newline(h);
}

static int write_domain(html *h, const cispref_domain *domain)
{
	render_ctx *ctx = h->ctx;
	TRY(start(h, "div", "chapter domain"));
	TRY(id_attr(h, "domain", domain->node.id));
	TRY(newline(h));
	TRY(element(h, "h2", NULL, cispref__render_text(ctx, domain->title)));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		TRY(start(h, "div", "plan"));
		TRY(id_attr(h, "plan", plan->node.id));
		TRY(newline(h));
		TRY(element(h, "h3", NULL, cispref__render_text(ctx, plan->title)));
		for (size_t c = 0; c < plan->competences.count; c++)
			TRY(write_competence(h, plan->competences.items[c]));
		TRY(end(h));
		TRY(newline(h));
	}
	TRY(end(h));
	return newline(h);
}

/* ---- Notes and index ---- */

/* Links back to every rendered competence that refers to @note. */
static int note_backlinks(html *h, const cispref_note *note)
{
	render_ctx *ctx = h->ctx;
	for (size_t d = 0; d < ctx->domains.count; d++) {
		const cispref_domain *domain = ctx->domains.items[d];
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				for (size_t n = 0; n < cispref_competence_note_count(comp); n++) {
					if (cispref_competence_note(comp, n) != note)
						continue;
					TRY(text(h, " "));
					TRY(start(h, "a", "back"));
					TRY(attr(h, "href", cispref__render_fragment(ctx, note_ref_anchor(ctx, comp, n))));
					TRY(attr(h, "title", cispref__render_text(ctx, comp->title)));
					TRY(text(h, "\xE2\x86\x91")); /* ↑ */
					TRY(end(h));
				}
			}
		}
	}
	return 0;
}

static int write_notes(html *h)
{
	render_ctx *ctx = h->ctx;
	TRY(start(h, "div", "chapter notes"));
	TRY(attr(h, "id", RENDER_ID_NOTES));
	TRY(newline(h));
	TRY(element(h, "h2", NULL, RENDER_LABEL_NOTES));
	for (size_t n = 0; n < ctx->notes.count; n++) {
		const cispref_note *note = ctx->notes.items[n];
		TRY(start(h, "p", "note"));
		TRY(id_attr(h, "note", note->node.id));
		TRY(start(h, "span", "number"));
		TRY(text(h, note->number ? note->number : ""));
		TRY(end(h));
		TRY(start(h, "span", "text"));
		TRY(text(h, cispref__render_text(ctx, note->text)));
		TRY(end(h));
		TRY(note_backlinks(h, note));
		TRY(end(h));
		TRY(newline(h));
	}
	TRY(end(h));
	return newline(h);
}

static int write_index_entry(html *h, const render_concept *entry)
{
	TRY(start(h, "dt", NULL));
	TRY(id_attr(h, "concept", entry->concept->node.id));
	TRY(start(h, "span", "label"));
	TRY(text(h, entry->label));
	TRY(end(h));
	TRY(text(h, " "));
	TRY(start(h, "span", "kind"));
	TRY(text(h, cispref__render_kind_label(entry->concept->kind)));
	TRY(end(h));
	TRY(end(h));
	TRY(start(h, "dd", NULL));
	TRY(start(h, "ul", NULL));
	for (size_t c = 0; c < entry->competences.count; c++) {
		const cispref_competence *comp = entry->competences.items[c];
		TRY(start(h, "li", NULL));
		TRY(link(h, cispref__render_anchor(h->ctx, "competence", comp->node.id),
		         cispref__render_text(h->ctx, comp->title)));
		TRY(end(h));
	}
	TRY(end(h));
	TRY(end(h));
	return newline(h);
}

static int write_index(html *h)
{
	render_ctx *ctx = h->ctx;
	TRY(start(h, "div", "chapter concept-index"));
	TRY(attr(h, "id", RENDER_ID_INDEX));
	TRY(newline(h));
	TRY(element(h, "h2", NULL, RENDER_LABEL_INDEX));
	TRY(start(h, "dl", "concepts"));
	TRY(newline(h));
	for (size_t i = 0; i < ctx->concepts.count; i++)
		TRY(write_index_entry(h, ctx->concepts.items[i]));
	TRY(end(h));
	TRY(end(h));
	return newline(h);
}

/* ---- The document ---- */

static int write_document(html *h)
{
	render_ctx *ctx = h->ctx;
	const char *lang = cispref__langtag_document(ctx->ref->language);
	TRY(xmlTextWriterStartDTD(h->w, X("html"), NULL, NULL));
	TRY(xmlTextWriterEndDTD(h->w));
	TRY(newline(h));
	TRY(start(h, "html", NULL));
	if (lang)
		TRY(attr(h, "lang", lang));
	TRY(newline(h));
	TRY(write_head(h));
	TRY(start(h, "body", NULL));
	TRY(newline(h));
	TRY(write_title_page(h));
	TRY(write_contents(h));
	if (ctx->opt.summary)
		TRY(write_overview(h));
	for (size_t d = 0; d < ctx->domains.count; d++)
		TRY(write_domain(h, ctx->domains.items[d]));
	if (ctx->notes.count)
		TRY(write_notes(h));
	if (ctx->concepts.count)
		TRY(write_index(h));
	TRY(end(h));
	TRY(newline(h));
	TRY(end(h));
	return newline(h);
}

int cispref__render_html(xmlBufferPtr out, render_ctx *ctx, cispref_error *error)
{
	(void)error; /* the writer can only fail for want of memory, which the caller reports */
	html h = {xmlNewTextWriterMemory(out, 0), ctx};
	if (!h.w)
		return CISPREF_ENOMEM;
	int rc = write_document(&h);
	xmlFreeTextWriter(h.w); /* flushes into @out */
	return rc < 0 ? CISPREF_ENOMEM : CISPREF_OK;
}
