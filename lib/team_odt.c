/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A table document (team_doc.h) as an ODT package: content.xml with its own automatic
 * styles (borders, the marked rows, the centred boxes), a minimal styles.xml and
 * meta.xml, packaged by odt_package.c as the cahier is. Written with libxml2's
 * xmlTextWriter, which escapes every text. */
#include <stdio.h>
#include <libxml/xmlwriter.h>

#include "team_doc.h"

#define X(s) ((const xmlChar *)(s))

static const char *const namespaces[][2] = {
	{"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
	{"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
	{"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
	{"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
	{"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
	{"dc", "http://purl.org/dc/elements/1.1/"},
	{"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
};

typedef struct odt {
	xmlTextWriterPtr w;
	int failed;
} odt;

static void start(odt *o, const char *name)
{
	if (!o->failed && xmlTextWriterStartElement(o->w, X(name)) < 0)
		o->failed = 1;
}

static void attr(odt *o, const char *name, const char *value)
{
	if (!o->failed && xmlTextWriterWriteAttribute(o->w, X(name), X(value)) < 0)
		o->failed = 1;
}

static void end(odt *o)
{
	if (!o->failed && xmlTextWriterEndElement(o->w) < 0)
		o->failed = 1;
}

static void text(odt *o, const char *s)
{
	if (s && *s && !o->failed && xmlTextWriterWriteString(o->w, X(s)) < 0)
		o->failed = 1;
}

static void paragraph(odt *o, const char *style, const char *s)
{
	start(o, "text:p");
	if (style)
		attr(o, "text:style-name", style);
	text(o, s);
	end(o);
}

static void root_start(odt *o, const char *name)
{
	if (!o->failed && xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL) < 0)
		o->failed = 1;
	start(o, name);
	for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++) {
		char xmlns[32];
		snprintf(xmlns, sizeof xmlns, "xmlns:%s", namespaces[i][0]);
		attr(o, xmlns, namespaces[i][1]);
	}
	attr(o, "office:version", "1.3");
}

/* A style of @family with one properties element holding @props (name=value pairs). */
static void style(odt *o, const char *name, const char *family, const char *element,
                  const char *const *props)
{
	start(o, "style:style");
	attr(o, "style:name", name);
	attr(o, "style:family", family);
	start(o, element);
	for (; props[0]; props += 2)
		attr(o, props[0], props[1]);
	end(o);
	end(o);
}

static void automatic_styles(odt *o)
{
	static const char *const cell[] = {"fo:border", "0.5pt solid #444444", "fo:padding",
	                                   "0.1cm", NULL};
	static const char *const marked[] = {"fo:border", "0.5pt solid #444444", "fo:padding",
	                                     "0.1cm", "fo:background-color", "#fde8e8", NULL};
	static const char *const head[] = {"fo:border", "0.5pt solid #444444", "fo:padding",
	                                   "0.1cm", "fo:background-color", "#eeeeee", NULL};
	static const char *const bold[] = {"fo:font-weight", "bold", NULL};
	static const char *const title[] = {"fo:font-size", "16pt", "fo:font-weight", "bold", NULL};
	static const char *const heading[] = {"fo:font-size", "11pt", "fo:font-weight", "bold",
	                                      NULL};
	static const char *const box[] = {"fo:font-size", "13pt", NULL};
	static const char *const centred[] = {"fo:text-align", "center", NULL};
	static const char *const whole[] = {"style:width", "17cm", "table:align", "margins", NULL};
	static const char *const first[] = {"style:rel-column-width", "3000*", NULL};
	static const char *const other[] = {"style:rel-column-width", "1000*", NULL};
	start(o, "office:automatic-styles");
	/* the first column (the item or the competence) takes three shares of the width, the
	 * others one each: a narrow first column would break the texts word by word */
	style(o, "Whole", "table", "style:table-properties", whole);
	style(o, "First", "table-column", "style:table-column-properties", first);
	style(o, "Other", "table-column", "style:table-column-properties", other);
	style(o, "Cell", "table-cell", "style:table-cell-properties", cell);
	style(o, "Marked", "table-cell", "style:table-cell-properties", marked);
	style(o, "Head", "table-cell", "style:table-cell-properties", head);
	style(o, "Title", "paragraph", "style:text-properties", title);
	style(o, "Heading", "paragraph", "style:text-properties", heading);
	style(o, "Bold", "paragraph", "style:text-properties", bold);
	start(o, "style:style");
	attr(o, "style:name", "Box");
	attr(o, "style:family", "paragraph");
	start(o, "style:paragraph-properties");
	for (const char *const *p = centred; p[0]; p += 2)
		attr(o, p[0], p[1]);
	end(o);
	start(o, "style:text-properties");
	for (const char *const *p = box; p[0]; p += 2)
		attr(o, p[0], p[1]);
	end(o);
	end(o);
	end(o);
}

static void table(odt *o, const team_table *t, size_t number)
{
	start(o, "text:h");
	attr(o, "text:outline-level", "2");
	attr(o, "text:style-name", "Heading");
	start(o, "text:bookmark");
	attr(o, "text:name", t->anchor);
	end(o);
	text(o, t->heading);
	end(o);
	char name[32];
	snprintf(name, sizeof name, "Table%zu", number);
	start(o, "table:table");
	attr(o, "table:name", name);
	attr(o, "table:style-name", "Whole");
	start(o, "table:table-column");
	attr(o, "table:style-name", "First");
	end(o);
	if (t->columns > 1) {
		char repeated[32];
		snprintf(repeated, sizeof repeated, "%zu", t->columns - 1);
		start(o, "table:table-column");
		attr(o, "table:style-name", "Other");
		attr(o, "table:number-columns-repeated", repeated);
		end(o);
	}
	for (size_t r = 0; r < t->rows; r++) {
		start(o, r == 0 ? "table:table-header-rows" : "table:table-row");
		if (r == 0)
			start(o, "table:table-row");
		for (size_t c = 0; c < t->columns; c++) {
			start(o, "table:table-cell");
			attr(o, "table:style-name", r == 0 ? "Head"
			                            : t->marks[r] == TEAM_ROW_UNCOVERED ? "Marked" : "Cell");
			attr(o, "office:value-type", "string");
			paragraph(o, r == 0 ? "Bold" : c && t->checkboxes ? "Box" : NULL,
			          t->cells[r * t->columns + c]);
			end(o);
		}
		end(o);
		if (r == 0)
			end(o);
	}
	end(o);
}

static void fields(odt *o, const team_doc *doc)
{
	static const char blank[] = "________________________________";
	start(o, "text:p");
	text(o, "Nom : ");
	text(o, doc->name ? doc->name : blank);
	text(o, "    Date : ");
	text(o, doc->date ? doc->date : blank);
	end(o);
}

static void content_part(odt *o, const team_doc *doc)
{
	root_start(o, "office:document-content");
	automatic_styles(o);
	start(o, "office:body");
	start(o, "office:text");
	start(o, "text:h");
	attr(o, "text:outline-level", "1");
	attr(o, "text:style-name", "Title");
	text(o, doc->title);
	end(o);
	paragraph(o, NULL, doc->subtitle);
	if (doc->fields)
		fields(o, doc);
	if (doc->legend)
		paragraph(o, NULL, doc->legend);
	for (size_t i = 0; i < doc->tables.count; i++)
		table(o, doc->tables.items[i], i + 1);
	end(o);
	end(o);
	end(o);
}

static void styles_part(odt *o, const team_doc *doc)
{
	(void)doc;
	root_start(o, "office:document-styles");
	start(o, "office:styles");
	end(o);
	end(o);
}

static void meta_part(odt *o, const team_doc *doc)
{
	root_start(o, "office:document-meta");
	start(o, "office:meta");
	start(o, "dc:title");
	text(o, doc->title);
	end(o);
	start(o, "dc:language");
	text(o, "fr");
	end(o);
	end(o);
	end(o);
}

typedef void (*part_fn)(odt *o, const team_doc *doc);

static int write_part(xmlBufferPtr out, const team_doc *doc, part_fn part)
{
	odt o = {xmlNewTextWriterMemory(out, 0), 0};
	if (!o.w)
		return CISPREF_ENOMEM;
	part(&o, doc);
	if (!o.failed && xmlTextWriterEndDocument(o.w) < 0)
		o.failed = 1;
	xmlFreeTextWriter(o.w);
	return o.failed ? CISPREF_ENOMEM : CISPREF_OK;
}

int cispref__team_odt(xmlBufferPtr out, const team_doc *doc, cispref_error *error)
{
	static const part_fn parts_fn[CISPREF__ODT_FIGURE] = {content_part, styles_part, meta_part};
	xmlBufferPtr parts[CISPREF__ODT_PARTS] = {NULL}; /* no figure */
	int rc = CISPREF_OK;
	for (int p = 0; rc == CISPREF_OK && p < CISPREF__ODT_FIGURE; p++)
		rc = (parts[p] = cispref__buffer_new()) ? write_part(parts[p], doc, parts_fn[p])
		                                    : CISPREF_ENOMEM;
	if (rc == CISPREF_OK)
		rc = cispref__odt_package(out, parts, error);
	for (int p = 0; p < CISPREF__ODT_PARTS; p++)
		if (parts[p])
			xmlBufferFree(parts[p]);
	return rc;
}
