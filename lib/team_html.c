/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A table document (team_doc.h) as one self-contained HTML5 file, written with libxml2's
 * xmlTextWriter so that every text is escaped by libxml2; the CSS is inline and made for
 * print (A4, a table never split from its heading where it fits on a page). */
#include <libxml/xmlwriter.h>

#include "team_doc.h"

#define X(s) ((const xmlChar *)(s))

static const char css[] =
	"@page{size:A4;margin:15mm}"
	"body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10pt;color:#000}"
	"h1{font-size:16pt;margin:0 0 2mm}p.subtitle{margin:0 0 3mm;font-style:italic}"
	"p.fields{margin:4mm 0;font-size:11pt}span.blank{display:inline-block;min-width:60mm;"
	"border-bottom:1px solid #000}p.legend{font-size:9pt}"
	/* a grid's table is short: kept on one page; the matrix is long: it breaks between
	 * rows and repeats its header row (thead) on every page */
	"section{margin-top:5mm}section.grid{break-inside:avoid;page-break-inside:avoid}"
	"tr{break-inside:avoid;page-break-inside:avoid}"
	"section.matrix table{table-layout:fixed;font-size:9pt}"
	"section.matrix th:first-child{width:34%}"
	"th,td{overflow-wrap:break-word;hyphens:auto}"
	"h2{font-size:11pt;margin:0 0 1mm}"
	"table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:1mm 2mm;"
	"vertical-align:top}th{background:#eee;font-weight:bold}"
	"td.box{text-align:center;font-size:13pt;width:18mm}"
	"tr.uncovered td{background:#fde8e8;font-weight:bold}";

typedef struct html {
	xmlTextWriterPtr w;
	int failed;
} html;

static void start(html *h, const char *name, const char *cls)
{
	if (!h->failed && xmlTextWriterStartElement(h->w, X(name)) < 0)
		h->failed = 1;
	if (cls && !h->failed && xmlTextWriterWriteAttribute(h->w, X("class"), X(cls)) < 0)
		h->failed = 1;
}

static void attr(html *h, const char *name, const char *value)
{
	if (!h->failed && xmlTextWriterWriteAttribute(h->w, X(name), X(value)) < 0)
		h->failed = 1;
}

static void end(html *h)
{
	if (!h->failed && xmlTextWriterFullEndElement(h->w) < 0)
		h->failed = 1;
}

static void text(html *h, const char *s)
{
	if (s && *s && !h->failed && xmlTextWriterWriteString(h->w, X(s)) < 0)
		h->failed = 1;
}

static void element(html *h, const char *name, const char *cls, const char *s)
{
	start(h, name, cls);
	text(h, s);
	end(h);
	text(h, "\n");
}

static void head(html *h, const team_doc *doc)
{
	if (!h->failed && (xmlTextWriterStartDTD(h->w, X("html"), NULL, NULL) < 0 ||
	                   xmlTextWriterEndDTD(h->w) < 0))
		h->failed = 1;
	text(h, "\n");
	start(h, "html", NULL);
	attr(h, "lang", "fr");
	start(h, "head", NULL);
	start(h, "meta", NULL);
	attr(h, "charset", "utf-8");
	if (!h->failed && xmlTextWriterEndElement(h->w) < 0)
		h->failed = 1;
	element(h, "title", NULL, doc->title);
	element(h, "style", NULL, css);
	end(h);
}

/* "Nom : ____  Date : ____", filled when the document gives them. */
static void fields(html *h, const team_doc *doc)
{
	start(h, "p", "fields");
	text(h, "Nom : ");
	start(h, "span", doc->name ? "name" : "blank");
	text(h, doc->name ? doc->name : "\xC2\xA0");
	end(h);
	text(h, "\xC2\xA0\xC2\xA0 Date : ");
	start(h, "span", doc->date ? "date" : "blank");
	text(h, doc->date ? doc->date : "\xC2\xA0");
	end(h);
	end(h);
	text(h, "\n");
}

static void table(html *h, const team_table *t)
{
	start(h, "section", t->checkboxes ? "grid" : "matrix");
	attr(h, "id", t->anchor);
	element(h, "h2", NULL, t->heading);
	start(h, "table", NULL);
	for (size_t r = 0; r < t->rows; r++) {
		if (r <= 1)
			start(h, r == 0 ? "thead" : "tbody", NULL);
		start(h, "tr", t->marks[r] == TEAM_ROW_UNCOVERED ? "uncovered" : NULL);
		for (size_t c = 0; c < t->columns; c++)
			element(h, r == 0 ? "th" : "td", r && c && t->checkboxes ? "box" : NULL,
			        t->cells[r * t->columns + c]);
		end(h);
		if (r == 0)
			end(h); /* thead */
		text(h, "\n");
	}
	if (t->rows > 1)
		end(h); /* tbody */
	end(h);
	end(h);
	text(h, "\n");
}

int cispref__team_html(xmlBufferPtr out, const team_doc *doc)
{
	html h = {xmlNewTextWriterMemory(out, 0), 0};
	if (!h.w)
		return CISPREF_ENOMEM;
	head(&h, doc);
	start(&h, "body", NULL);
	element(&h, "h1", NULL, doc->title);
	element(&h, "p", "subtitle", doc->subtitle);
	if (doc->fields)
		fields(&h, doc);
	if (doc->legend)
		element(&h, "p", "legend", doc->legend);
	for (size_t i = 0; i < doc->tables.count; i++)
		table(&h, doc->tables.items[i]);
	end(&h);
	end(&h);
	text(&h, "\n");
	if (!h.failed && xmlTextWriterEndDocument(h.w) < 0)
		h.failed = 1;
	xmlFreeTextWriter(h.w);
	return h.failed ? CISPREF_ENOMEM : CISPREF_OK;
}
