/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The OpenDocument cahier: an ODT package (a ZIP file written with libzip) or a flat FODT
 * file. Both hold the same parts, written by the same functions with libxml2's
 * xmlTextWriter: the package splits them into content.xml (automatic table styles and the
 * body), styles.xml (named styles, page layout, master pages) and meta.xml; the flat file
 * puts them all under one office:document.
 *
 * LibreOffice does not rebuild a table of contents when it opens a file, so the one
 * written here is complete: its page numbers are page-reference fields to bookmarks on
 * the headings, which LibreOffice computes when it lays the pages out. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <libxml/xmlwriter.h>

#include "langtag.h"
#include "render_private.h"

#define X RENDER_X

#define ODF_VERSION "1.3"
#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"
/* The schema of the mission's contours, a part of the package (ODF 1.3 part 2, 3.7). */
/* Text area of an A4 page with 2 cm margins: tab stops and table widths depend on it. */
#define TEXT_WIDTH "17cm"

static const char *const namespaces[][2] = {
	{"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
	{"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
	{"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
	{"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
	{"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
	{"svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
	{"draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
	{"xlink", "http://www.w3.org/1999/xlink"},
	{"dc", "http://purl.org/dc/elements/1.1/"},
	{"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
};

/* The writer and its state. libxml2's writer calls return a negative number on failure
 * (only for want of memory): the first one sets @failed, every later call is a no-op and
 * the caller drops the document. */
typedef struct odt {
	xmlTextWriterPtr w;
	render_ctx *ctx;
	unsigned notes;  /* footnotes written so far: their ids must be unique */
	unsigned tables; /* tables written so far: their names must be unique */
	int flat;        /* one flat file: images are inline, not parts of a package */
	int failed;
} odt;

/* ---- Writer helpers: the only calls of libxml2's writer ---- */

static void check(odt *o, int rc)
{
	if (rc < 0)
		o->failed = 1;
}

static void start(odt *o, const char *name)
{
	if (!o->failed)
		check(o, xmlTextWriterStartElement(o->w, X(name)));
}

static void attr(odt *o, const char *name, const char *value)
{
	if (!o->failed)
		check(o, xmlTextWriterWriteAttribute(o->w, X(name), X(value)));
}

static void end(odt *o)
{
	if (!o->failed)
		check(o, xmlTextWriterEndElement(o->w));
}

/* Character data; an empty @s still closes the start tag, as "<a></a>" rather than "<a/>". */
static void string(odt *o, const char *s)
{
	if (!o->failed)
		check(o, xmlTextWriterWriteString(o->w, X(s)));
}

/* The first @length bytes of @s as character data. */
static void string_length(odt *o, const char *s, size_t length)
{
	if (!o->failed)
		check(o, xmlTextWriterWriteFormatString(o->w, "%.*s", (int)length, s));
}

/* <name>value</name>, unless @value is NULL. */
static void text_element(odt *o, const char *name, const char *value)
{
	if (value && !o->failed)
		check(o, xmlTextWriterWriteElement(o->w, X(name), X(value)));
}

static void document_start(odt *o)
{
	if (!o->failed)
		check(o, xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL));
}

static void document_end(odt *o)
{
	if (!o->failed)
		check(o, xmlTextWriterEndDocument(o->w));
}

static void empty(odt *o, const char *name, const char *attr_name, const char *value)
{
	start(o, name);
	if (attr_name)
		attr(o, attr_name, value);
	end(o);
}

static void spaces(odt *o, size_t count)
{
	char n[32];
	snprintf(n, sizeof n, "%zu", count);
	empty(o, "text:s", count > 1 ? "text:c" : NULL, n);
}

/* Text in a paragraph. ODF collapses runs of spaces and ignores tabs and line breaks in
 * character data, so those become text:s, text:tab and text:line-break; a space that
 * starts the text is written as text:s too, since it may start the paragraph. */
static void odf_text(odt *o, const char *s)
{
	const char *run = s;
	int after_space = 1;
	for (const char *p = s; *p;) {
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
			after_space = 0;
			p++;
			continue;
		}
		if (*p == ' ' && !after_space) {
			after_space = 1;
			p++;
			continue;
		}
		string_length(o, run, (size_t)(p - run));
		if (*p == ' ') {
			size_t n = strspn(p, " ");
			spaces(o, n);
			p += n;
		} else {
			if (*p == '\t')
				empty(o, "text:tab", NULL, NULL);
			else if (*p == '\n' || p[1] != '\n') /* "\r\n" is one break */
				empty(o, "text:line-break", NULL, NULL);
			p++;
		}
		after_space = 1;
		run = p;
	}
	if (*run)
		string(o, run);
}

static void paragraph(odt *o, const char *tag, const char *style, const char *s)
{
	start(o, tag);
	attr(o, "text:style-name", style);
	odf_text(o, s);
	end(o);
}

/* A bookmark, unless @name is NULL (an anchor that an earlier node took). */
static void bookmark(odt *o, const char *name)
{
	if (name)
		empty(o, "text:bookmark", "text:name", name);
}

/* A heading that looks like a heading of @style_level (1 to 3) and stands at
 * @outline_level of the document's outline (its place in the navigator, the contents and
 * a PDF's bookmarks): a domain keeps the look of a chapter when the front matter puts it
 * under a section. */
static void heading_start_as(odt *o, int style_level, int outline_level, const char *anchor)
{
	static const char *const styles[] = {"Heading_20_1", "Heading_20_2", "Heading_20_3"};
	char n[8];
	snprintf(n, sizeof n, "%d", outline_level);
	start(o, "text:h");
	attr(o, "text:style-name", styles[style_level < 3 ? style_level - 1 : 2]);
	attr(o, "text:outline-level", n);
	bookmark(o, anchor);
}

static void heading_start(odt *o, int level, const char *anchor)
{
	heading_start_as(o, level, level, anchor);
}

static void heading_as(odt *o, int style_level, int outline_level, const char *anchor,
                       const char *s)
{
	heading_start_as(o, style_level, outline_level, anchor);
	odf_text(o, s);
	end(o);
}

static void heading(odt *o, int level, const char *anchor, const char *s)
{
	heading_as(o, level, level, anchor, s);
}

/* A link to the bookmark @anchor. */
static void link(odt *o, const char *anchor, const char *s)
{
	start(o, "text:a");
	attr(o, "xlink:type", "simple");
	attr(o, "xlink:href", cispref__render_fragment(o->ctx, anchor));
	attr(o, "text:style-name", "Internal_20_Link");
	attr(o, "text:visited-style-name", "Internal_20_Link");
	odf_text(o, s);
	end(o);
}

/* A tab, then the page number of the bookmark @anchor, as a field LibreOffice updates. */
static void page_reference(odt *o, const char *anchor)
{
	empty(o, "text:tab", NULL, NULL);
	start(o, "text:bookmark-ref");
	attr(o, "text:reference-format", "page");
	attr(o, "text:ref-name", anchor);
	string(o, "1");
	end(o);
}

static void root_start(odt *o, const char *name)
{
	document_start(o);
	start(o, name);
	for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++) {
		char xmlns[32];
		snprintf(xmlns, sizeof xmlns, "xmlns:%s", namespaces[i][0]);
		attr(o, xmlns, namespaces[i][1]);
	}
	attr(o, "office:version", ODF_VERSION);
}

/* ---- Styles ---- */

/* Write "name=value;name=value" as attributes. The styles below are tables of constants;
 * this keeps them readable. */
static void props(odt *o, const char *list)
{
	for (const char *p = list; p && *p;) {
		const char *eq = strchr(p, '='), *semi = strchr(p, ';');
		if (!semi)
			semi = p + strlen(p);
		if (!eq || eq > semi) {
			o->failed = 1; /* a mistake in the tables of this file */
			return;
		}
		char name[64], value[128];
		snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
		snprintf(value, sizeof value, "%.*s", (int)(semi - eq - 1), eq + 1);
		attr(o, name, value);
		p = *semi ? semi + 1 : semi;
	}
}

static void properties(odt *o, const char *element, const char *list)
{
	if (!list)
		return;
	start(o, element);
	props(o, list);
	end(o);
}

typedef struct para_style {
	const char *name;
	const char *display; /* NULL when the name has no escaped space */
	const char *parent;
	const char *cls;
	int outline;         /* default outline level, 0 for a body paragraph */
	const char *para;    /* paragraph properties */
	const char *tab;     /* position of a right tab stop with dot leaders, or NULL */
	const char *text;    /* text properties */
} para_style;

#define SANS "style:font-name=Liberation Sans;"
#define BLUE "fo:color=#1f4e79;"

static const para_style para_styles[] = {
	{"Standard", NULL, NULL, "text", 0, NULL, NULL, NULL},
	{"Text_20_body", "Text body", "Standard", "text", 0,
	 "fo:margin-top=0cm;fo:margin-bottom=0.25cm;fo:line-height=115%", NULL, NULL},
	{"Heading", NULL, "Standard", "text", 0,
	 "fo:margin-top=0.42cm;fo:margin-bottom=0.21cm;fo:keep-with-next=always", NULL,
	 SANS BLUE "fo:font-size=14pt;fo:hyphenate=false"},
	{"Title", NULL, "Heading", "chapter", 0,
	 "fo:text-align=center;fo:margin-top=1.2cm;fo:margin-bottom=0.6cm", NULL,
	 "fo:font-size=26pt;fo:font-weight=bold"},
	{"Subtitle", NULL, "Heading", "chapter", 0,
	 "fo:text-align=center;fo:margin-top=0.2cm;fo:margin-bottom=0.4cm", NULL,
	 "fo:font-size=15pt;fo:color=#444444"},
	{"Title_20_Series", "Title Series", "Standard", "chapter", 0,
	 "fo:text-align=center;fo:margin-top=4cm", NULL,
	 SANS "fo:font-size=11pt;fo:letter-spacing=0.05cm;fo:text-transform=uppercase;"
	 "fo:color=#555555"},
	{"Title_20_Source", "Title Source", "Standard", "chapter", 0,
	 "fo:text-align=center;fo:margin-top=0.3cm", NULL, "fo:font-size=13pt"},
	{"Title_20_Approval", "Title Approval", "Standard", "chapter", 0,
	 "fo:text-align=center;fo:margin-top=2.5cm", NULL, "fo:font-style=italic;fo:color=#444444"},
	{"Heading_20_1", "Heading 1", "Heading", "text", 1,
	 "fo:break-before=page;fo:margin-top=0cm;fo:margin-bottom=0.5cm;"
	 "fo:border-bottom=1.5pt solid #1f4e79;fo:padding-bottom=0.1cm", NULL,
	 "fo:font-size=18pt;fo:font-weight=bold"},
	{"Heading_20_2", "Heading 2", "Heading", "text", 2, "fo:margin-top=0.6cm", NULL,
	 "fo:font-size=12.5pt;fo:font-weight=bold;fo:text-transform=uppercase;"
	 "fo:letter-spacing=0.03cm"},
	{"Heading_20_3", "Heading 3", "Heading", "text", 3,
	 "fo:margin-top=0.45cm;fo:margin-bottom=0.15cm;fo:keep-together=always", NULL,
	 "fo:font-size=11pt;fo:font-weight=bold;fo:color=#1a1a1a"},
	{"Table_20_Contents", "Table Contents", "Standard", "extra", 0,
	 "fo:margin-top=0cm;fo:margin-bottom=0cm", NULL, "fo:font-size=9.5pt"},
	{"Table_20_Heading", "Table Heading", "Table_20_Contents", "extra", 0,
	 "fo:text-align=center", NULL, SANS "fo:font-weight=bold"},
	{"Table_20_List", "Table List", "Table_20_Contents", "extra", 0,
	 "fo:margin-bottom=0.06cm", NULL, NULL},
	{"Table_20_Caption", "Table Caption", "Standard", "extra", 0,
	 "fo:margin-top=0.4cm;fo:margin-bottom=0.15cm;fo:keep-with-next=always", NULL,
	 SANS "fo:font-weight=bold"},
	{"Figure", NULL, "Standard", "extra", 0,
	 "fo:text-align=center;fo:margin-top=0.2cm;fo:margin-bottom=0.5cm", NULL, NULL},
	{"Footnote", NULL, "Standard", "extra", 0,
	 "fo:margin-left=0.5cm;fo:text-indent=-0.5cm;fo:margin-bottom=0.1cm", NULL,
	 "fo:font-size=9pt"},
	{"Footer", NULL, "Standard", "extra", 0, "fo:text-align=center", NULL,
	 SANS "fo:font-size=9pt;fo:color=#555555"},
	{"Contents_20_Heading", "Contents Heading", "Heading", "index", 0,
	 "fo:break-before=page;fo:margin-top=0cm;fo:margin-bottom=0.5cm", NULL,
	 "fo:font-size=18pt;fo:font-weight=bold"},
	{"Contents_20_1", "Contents 1", "Standard", "index", 0, "fo:margin-top=0.25cm",
	 TEXT_WIDTH, "fo:font-weight=bold"},
	{"Contents_20_2", "Contents 2", "Standard", "index", 0, "fo:margin-left=0.5cm", "16.5cm",
	 NULL},
	{"Contents_20_3", "Contents 3", "Standard", "index", 0, "fo:margin-left=1cm", "16cm",
	 "fo:font-size=9.5pt"},
	{"Index_20_Term", "Index Term", "Standard", "index", 0,
	 "fo:margin-top=0.25cm;fo:keep-with-next=always", NULL, "fo:font-weight=bold"},
	{"Index_20_Reference", "Index Reference", "Standard", "index", 0, "fo:margin-left=0.6cm",
	 "16.4cm", "fo:font-size=9.5pt"},
};

/* The styles of the front matter, written only for a referential that has one (the
 * output of the others stays as it was). */
static const para_style front_para_styles[] = {
	{"Front_20_Body", "Front Body", "Text_20_body", "text", 0, "fo:text-align=justify", NULL,
	 NULL},
	{"Labelled_20_Item", "Labelled Item", "Text_20_body", "list", 0,
	 "fo:margin-left=1cm;fo:text-indent=-1cm;fo:margin-bottom=0.12cm", NULL, NULL},
	{"Quotations", NULL, "Text_20_body", "html", 0,
	 "fo:margin-left=1.5cm;fo:margin-right=1.5cm", NULL, "fo:font-style=italic"},
	{"Quotation_20_Heading", "Quotation Heading", "Quotations", "html", 0,
	 "fo:keep-with-next=always", NULL, "fo:font-style=normal;fo:font-weight=bold"},
	{"Quotation_20_Attribution", "Quotation Attribution", "Quotations", "html", 0,
	 "fo:text-align=end", NULL, "fo:font-style=normal"},
	{"Timeline_20_Phase", "Timeline Phase", "Text_20_body", "text", 0,
	 "fo:margin-top=0.3cm;fo:keep-with-next=always", NULL, SANS BLUE "fo:font-weight=bold"},
	/* the hanging indent holds the longest date of the cahier ("Décembre 2017 - Janvier
	 * 2018"): a date wider than it pushes its task to the next default tab stop */
	{"Timeline_20_Step", "Timeline Step", "Text_20_body", "text", 0,
	 "fo:margin-left=5.5cm;fo:text-indent=-5.5cm;fo:margin-bottom=0.12cm", NULL, NULL},
	{"Figure", NULL, "Standard", "extra", 0,
	 "fo:text-align=center;fo:margin-top=0.3cm;fo:padding=1.5cm;"
	 "fo:border=0.5pt solid #808080;fo:keep-with-next=always", NULL,
	 SANS "fo:color=#555555"},
	{"Figure_20_Caption", "Figure Caption", "Standard", "extra", 0,
	 "fo:text-align=center;fo:margin-top=0.15cm;fo:margin-bottom=0.4cm", NULL,
	 "fo:font-style=italic"},
	/* the contents' deeper levels: the domains, plans and competences a section holds */
	{"Contents_20_4", "Contents 4", "Standard", "index", 0, "fo:margin-left=1.5cm", "15.5cm",
	 "fo:font-size=9.5pt"},
	{"Contents_20_5", "Contents 5", "Standard", "index", 0, "fo:margin-left=2cm", "15cm",
	 "fo:font-size=9.5pt"},
	{"Contents_20_6", "Contents 6", "Standard", "index", 0, "fo:margin-left=2.5cm", "14.5cm",
	 "fo:font-size=9.5pt"},
};

static const char *const front_text_styles[][3] = {
	{"Emphasis", NULL, "fo:font-style=italic"},
};

static const char *const text_styles[][3] = {
	{"Concept_20_Kind", "Concept Kind",
	 "fo:font-style=italic;fo:font-weight=normal;fo:color=#555555"},
	{"Footnote_20_anchor", "Footnote anchor", "style:text-position=super 58%"},
	{"Footnote_20_Symbol", "Footnote Symbol", NULL},
	/* Links within the document read as text on paper. */
	{"Internal_20_Link", "Internal Link", "style:text-underline-style=none"},
};

static void tab_stops(odt *o, const char *position)
{
	start(o, "style:tab-stops");
	start(o, "style:tab-stop");
	props(o, "style:type=right;style:leader-style=dotted;style:leader-text=.");
	attr(o, "style:position", position);
	end(o);
	end(o);
}

static void write_para_style(odt *o, const para_style *s)
{
	start(o, "style:style");
	attr(o, "style:name", s->name);
	if (s->display)
		attr(o, "style:display-name", s->display);
	attr(o, "style:family", "paragraph");
	if (s->parent)
		attr(o, "style:parent-style-name", s->parent);
	attr(o, "style:class", s->cls);
	if (s->outline) {
		char level[8];
		snprintf(level, sizeof level, "%d", s->outline);
		attr(o, "style:default-outline-level", level);
	}
	if (s->para || s->tab) {
		start(o, "style:paragraph-properties");
		props(o, s->para);
		if (s->tab)
			tab_stops(o, s->tab);
		end(o);
	}
	properties(o, "style:text-properties", s->text);
	end(o);
}

static void write_text_style(odt *o, const char *const *s)
{
	start(o, "style:style");
	attr(o, "style:name", s[0]);
	if (s[1])
		attr(o, "style:display-name", s[1]);
	attr(o, "style:family", "text");
	properties(o, "style:text-properties", s[2]);
	end(o);
}

/* The bullets of the item lists in the table cells. */
static void write_list_style(odt *o)
{
	start(o, "text:list-style");
	attr(o, "style:name", "Table_20_Bullets");
	attr(o, "style:display-name", "Table Bullets");
	start(o, "text:list-level-style-bullet");
	props(o, "text:level=1;text:bullet-char=\xE2\x80\xA2");
	start(o, "style:list-level-properties");
	attr(o, "text:list-level-position-and-space-mode", "label-alignment");
	start(o, "style:list-level-label-alignment");
	props(o, "text:label-followed-by=listtab;text:list-tab-stop-position=0.35cm;"
	         "fo:text-indent=-0.35cm;fo:margin-left=0.35cm");
	end(o);
	end(o);
	end(o);
	end(o);
}

/* Headings are not numbered, but the outline style must exist for them to form the
 * document's outline. */
static void write_outline_style(odt *o)
{
	start(o, "text:outline-style");
	attr(o, "style:name", "Outline");
	for (int level = 1; level <= 10; level++) {
		char n[8];
		snprintf(n, sizeof n, "%d", level);
		start(o, "text:outline-level-style");
		attr(o, "text:level", n);
		attr(o, "style:num-format", "");
		end(o);
	}
	end(o);
}

static void write_font_faces(odt *o)
{
	start(o, "office:font-face-decls");
	start(o, "style:font-face");
	props(o, "style:name=Liberation Serif;svg:font-family='Liberation Serif';"
	         "style:font-family-generic=roman;style:font-pitch=variable");
	end(o);
	start(o, "style:font-face");
	props(o, "style:name=Liberation Sans;svg:font-family='Liberation Sans';"
	         "style:font-family-generic=swiss;style:font-pitch=variable");
	end(o);
	end(o);
}

/* The language of the text, from the referential's BCP 47 tag: fo:language, fo:script
 * and fo:country (ODF 1.3 sections 20.202, 20.222, 20.188) take its language, script and
 * region subtags; when they cannot say the whole tag (an extlang, a UN M.49 region such
 * as "419", which is no ISO 3166 country, variants, extensions, private use, a
 * private-use or grandfathered tag), style:rfc-language-tag (20.330) carries it whole.
 * An empty tag (xml:lang="": no language) or one that is not well-formed gives no
 * attribute at all. */
static void language_attributes(odt *o, const char *tag)
{
	langtag parts;
	if (cispref__langtag_parse(&parts, tag) != 0)
		return;
	if (parts.language[0])
		attr(o, "fo:language", parts.language);
	if (parts.script[0])
		attr(o, "fo:script", parts.script);
	if (parts.country[0])
		attr(o, "fo:country", parts.country);
	if (!parts.complete)
		attr(o, "style:rfc-language-tag", tag);
}

static void write_default_style(odt *o)
{
	start(o, "style:default-style");
	attr(o, "style:family", "paragraph");
	properties(o, "style:paragraph-properties",
	           "fo:orphans=2;fo:widows=2;fo:hyphenation-ladder-count=2");
	start(o, "style:text-properties");
	/* Hyphenation in the referential's language (the language below says which rules;
	 * LibreOffice needs the hyphenation patterns of that language, Debian's hyphen-fr,
	 * hyphen-nl, hyphen-de...): at least two letters on each side of a break, no more
	 * than two hyphens in a row. */
	props(o, "style:font-name=Liberation Serif;fo:font-size=10.5pt;fo:hyphenate=true;"
	         "fo:hyphenation-remain-char-count=2;fo:hyphenation-push-char-count=2");
	language_attributes(o, cispref__langtag_document(o->ctx->ref->language));
	end(o);
	end(o);
}

static void write_notes_configuration(odt *o)
{
	start(o, "text:notes-configuration");
	props(o, "text:note-class=footnote;text:citation-style-name=Footnote_20_Symbol;"
	         "text:citation-body-style-name=Footnote_20_anchor;style:num-format=1;"
	         "text:start-value=0;text:footnotes-position=page;"
	         "text:start-numbering-at=document");
	end(o);
}

static void write_common_styles(odt *o)
{
	start(o, "office:styles");
	write_default_style(o);
	for (size_t i = 0; i < sizeof para_styles / sizeof para_styles[0]; i++)
		write_para_style(o, &para_styles[i]);
	for (size_t i = 0; i < sizeof text_styles / sizeof text_styles[0]; i++)
		write_text_style(o, text_styles[i]);
	for (size_t i = 0; o->ctx->sections->count &&
	                   i < sizeof front_para_styles / sizeof front_para_styles[0]; i++)
		write_para_style(o, &front_para_styles[i]);
	for (size_t i = 0; o->ctx->sections->count &&
	                   i < sizeof front_text_styles / sizeof front_text_styles[0]; i++)
		write_text_style(o, front_text_styles[i]);
	write_list_style(o);
	write_outline_style(o);
	write_notes_configuration(o);
	end(o);
}

/* A4 pages; the page layout is an automatic style of styles.xml. */
static void write_page_layout(odt *o)
{
	start(o, "style:page-layout");
	attr(o, "style:name", "A4");
	properties(o, "style:page-layout-properties",
	           "fo:page-width=21cm;fo:page-height=29.7cm;style:print-orientation=portrait;"
	           "fo:margin-top=2cm;fo:margin-bottom=1.5cm;fo:margin-left=2cm;"
	           "fo:margin-right=2cm");
	start(o, "style:footer-style");
	properties(o, "style:header-footer-properties", "fo:min-height=0.5cm;fo:margin-top=0.4cm");
	end(o);
	end(o);
}

/* The default page style numbers pages in its footer; the title page has none. */
static void write_master_styles(odt *o)
{
	start(o, "office:master-styles");
	start(o, "style:master-page");
	props(o, "style:name=Standard;style:display-name=Default Page Style;"
	         "style:page-layout-name=A4");
	start(o, "style:footer");
	start(o, "text:p");
	attr(o, "text:style-name", "Footer");
	start(o, "text:page-number");
	attr(o, "text:select-page", "current");
	string(o, "1");
	end(o);
	end(o);
	end(o);
	end(o);
	start(o, "style:master-page");
	props(o, "style:name=First_20_Page;style:display-name=First Page;"
	         "style:page-layout-name=A4;style:next-style-name=Standard");
	end(o);
	end(o);
}

static const char *const automatic_styles[][3] = {
	/* name, family, properties */
	{"CompetenceTable", "table",
	 "style:width=" TEXT_WIDTH ";table:align=margins;fo:margin-top=0cm;fo:margin-bottom=0.3cm;"
	 "style:may-break-between-rows=true;table:border-model=collapsing"},
	{"SummaryTable", "table",
	 "style:width=" TEXT_WIDTH ";table:align=margins;fo:margin-bottom=0.4cm;"
	 "style:may-break-between-rows=true;table:border-model=collapsing"},
	/* A small table on one page, with its caption (which keeps with the next paragraph):
	 * never its header and two rows at the foot of a page (see RENDER_SMALL_TABLE_ROWS). */
	{"SummaryTableKeep", "table",
	 "style:width=" TEXT_WIDTH ";table:align=margins;fo:margin-bottom=0.4cm;"
	 "style:may-break-between-rows=false;fo:keep-with-next=auto;table:border-model=collapsing"},
	{"ItemColumn", "table-column", "style:column-width=5.667cm"},
	{"PlanColumn", "table-column", "style:column-width=3.6cm"},
	{"EntryColumn", "table-column", "style:column-width=13.4cm"},
	{"KeepRow", "table-row", "fo:keep-together=always"},
	{"FigureFrame", "graphic",
	 "style:vertical-pos=top;style:vertical-rel=baseline;style:horizontal-pos=center;"
	 "style:horizontal-rel=paragraph;fo:border=none;fo:padding=0cm"},
	{"HeadCell", "table-cell",
	 "fo:background-color=#dde6ee;fo:padding=0.1cm;fo:border=0.5pt solid #808080"},
	{"BodyCell", "table-cell", "fo:padding=0.1cm;fo:border=0.5pt solid #808080"},
	{"PlanCell", "table-cell",
	 "fo:background-color=#f1f4f6;fo:padding=0.1cm;fo:border=0.5pt solid #808080"},
};

static void write_automatic_style(odt *o, const char *const *s)
{
	char element[64];
	snprintf(element, sizeof element, "style:%s-properties", s[1]);
	start(o, "style:style");
	attr(o, "style:name", s[0]);
	attr(o, "style:family", s[1]);
	properties(o, element, s[2]);
	end(o);
}

/* The automatic styles of content.xml: tables, and the title paragraph, which starts the
 * first page (without page number). */
static void write_content_automatic_styles(odt *o)
{
	for (size_t i = 0; i < sizeof automatic_styles / sizeof automatic_styles[0]; i++)
		write_automatic_style(o, automatic_styles[i]);
	start(o, "style:style");
	props(o, "style:name=TitlePage;style:family=paragraph;"
	         "style:parent-style-name=Title_20_Series;style:master-page-name=First_20_Page");
	end(o);
}

/* ---- Body: title page and table of contents ---- */

/* Referenced notes are footnotes; only those nobody refers to get a chapter "Notes". */
static size_t unreferenced_notes(const render_ctx *ctx)
{
	size_t count = 0;
	for (size_t n = 0; n < ctx->notes.count; n++)
		count += !cispref__render_note_is_referenced(ctx, ctx->notes.items[n]) &&
		         !cispref__render_note_in_front(ctx, ctx->notes.items[n]);
	return count;
}

static void write_title_page(odt *o)
{
	render_ctx *ctx = o->ctx;
	const cispref_referential *ref = ctx->ref;
	const char *series = cispref__render_series_line(ctx);
	/* The first paragraph carries the first page's style even when there is no series. */
	paragraph(o, "text:p", "TitlePage", series ? series : "");
	paragraph(o, "text:p", "Title", ctx->title);
	const char *own_title = cispref__render_text(ctx, ref->title);
	if (strcmp(own_title, ctx->title) != 0)
		paragraph(o, "text:p", "Subtitle", own_title);
	const char *publisher = cispref__render_source(ctx, CISPREF_SOURCE_PUBLISHER);
	const char *date = cispref__render_date(ctx, ref->source[CISPREF_SOURCE_DATE]);
	const char *approval = cispref__render_source(ctx, CISPREF_SOURCE_APPROVAL);
	if (publisher)
		paragraph(o, "text:p", "Title_20_Source", publisher);
	if (date)
		paragraph(o, "text:p", "Title_20_Source", date);
	if (approval)
		paragraph(o, "text:p", "Title_20_Approval", approval);
}

static void contents_template(odt *o, int level)
{
	char n[8], style[32];
	snprintf(n, sizeof n, "%d", level);
	snprintf(style, sizeof style, "Contents_20_%d", level);
	start(o, "text:table-of-content-entry-template");
	attr(o, "text:outline-level", n);
	attr(o, "text:style-name", style);
	empty(o, "text:index-entry-link-start", NULL, NULL);
	empty(o, "text:index-entry-text", NULL, NULL);
	start(o, "text:index-entry-tab-stop");
	props(o, "style:type=right;style:leader-char=.");
	end(o);
	empty(o, "text:index-entry-page-number", NULL, NULL);
	empty(o, "text:index-entry-link-end", NULL, NULL);
	end(o);
}

static void contents_entry(odt *o, int level, const char *anchor, const char *s)
{
	char style[32];
	snprintf(style, sizeof style, "Contents_20_%d", level);
	start(o, "text:p");
	attr(o, "text:style-name", style);
	link(o, anchor, s);
	page_reference(o, anchor);
	end(o);
}

/* A domain's entries in the contents: the domain at @level (as in the outline), its
 * plans and competences below it. */
static void contents_domain(odt *o, const cispref_domain *domain, int level)
{
	render_ctx *ctx = o->ctx;
	contents_entry(o, level, cispref__render_anchor(ctx, "domain", domain->node.id),
	               cispref__render_text(ctx, domain->title));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		contents_entry(o, level + 1, cispref__render_anchor(ctx, "plan", plan->node.id),
		               cispref__render_text(ctx, plan->title));
		for (size_t c = 0; c < plan->competences.count; c++) {
			const cispref_competence *comp = plan->competences.items[c];
			contents_entry(o, level + 2,
			               cispref__render_anchor(ctx, "competence", comp->node.id),
			               cispref__render_text(ctx, comp->title));
		}
	}
}

static void contents_section(odt *o, const cispref_section *s);

static void contents_body(odt *o)
{
	render_ctx *ctx = o->ctx;
	start(o, "text:index-body");
	start(o, "text:index-title");
	attr(o, "text:name", RENDER_LABEL_CONTENTS "_Head");
	paragraph(o, "text:p", "Contents_20_Heading", RENDER_LABEL_CONTENTS);
	end(o);
	int front = ctx->sections->count > 0;
	for (size_t i = 0; i < ctx->sections->count; i++)
		contents_section(o, ctx->sections->items[i]);
	if (ctx->opt.summary && !(front && cispref__render_front_has(ctx, CISPREF_BLOCK_OVERVIEW)))
		contents_entry(o, 1, RENDER_ID_OVERVIEW, RENDER_LABEL_OVERVIEW);
	for (size_t d = 0; d < ctx->domains.count; d++)
		if (!(front && cispref__render_front_places(ctx, ctx->domains.items[d])))
			contents_domain(o, ctx->domains.items[d], 1);
	if (unreferenced_notes(ctx))
		contents_entry(o, 1, RENDER_ID_NOTES, RENDER_LABEL_NOTES);
	if (ctx->concepts.count)
		contents_entry(o, 1, RENDER_ID_INDEX, RENDER_LABEL_INDEX);
	end(o);
}

/* The levels of the contents: the styles Contents_20_1 to _3, and _4 to _6 with a front
 * matter. */
enum { CONTENTS_LEVELS = 3, CONTENTS_FRONT_LEVELS = 6 };

static void write_contents(odt *o)
{
	start(o, "text:table-of-content");
	attr(o, "text:name", RENDER_LABEL_CONTENTS);
	attr(o, "text:protected", "true");
	/* with front matter, a section's domains, plans and competences go three levels
	 * deeper (contents_domain()) */
	int levels = o->ctx->sections->count ? CONTENTS_FRONT_LEVELS : CONTENTS_LEVELS;
	char n[8];
	snprintf(n, sizeof n, "%d", levels);
	start(o, "text:table-of-content-source");
	attr(o, "text:outline-level", n);
	start(o, "text:index-title-template");
	attr(o, "text:style-name", "Contents_20_Heading");
	string(o, RENDER_LABEL_CONTENTS);
	end(o);
	for (int level = 1; level <= levels; level++)
		contents_template(o, level);
	end(o);
	contents_body(o);
	end(o);
}

/* ---- Body: tables ---- */

static void table_start(odt *o, const char *style, const char *prefix)
{
	char name[48];
	snprintf(name, sizeof name, "%s%u", prefix, ++o->tables);
	start(o, "table:table");
	attr(o, "table:name", name);
	attr(o, "table:style-name", style);
}

static void column(odt *o, const char *style, int repeated)
{
	char n[8];
	snprintf(n, sizeof n, "%d", repeated);
	start(o, "table:table-column");
	attr(o, "table:style-name", style);
	if (repeated > 1)
		attr(o, "table:number-columns-repeated", n);
	end(o);
}

static void cell_start(odt *o, const char *style)
{
	start(o, "table:table-cell");
	attr(o, "table:style-name", style);
	attr(o, "office:value-type", "string");
}

/* The header row, which LibreOffice repeats on each page the table spans. */
static void header_rows(odt *o, const char *const *labels, size_t count)
{
	start(o, "table:table-header-rows");
	start(o, "table:table-row");
	for (size_t i = 0; i < count; i++) {
		cell_start(o, "HeadCell");
		paragraph(o, "text:p", "Table_20_Heading", labels[i]);
		end(o);
	}
	end(o);
	end(o);
}

static void row_start(odt *o)
{
	start(o, "table:table-row");
	attr(o, "table:style-name", "KeepRow");
}

/* A summary row; the plan cell spans the entries listed under that plan, as printed. */
static void summary_row(odt *o, const cispref_domain *domain, size_t e)
{
	const cispref_summary_entry *entry = domain->summary.items[e];
	size_t run = cispref__render_plan_run(domain, e);
	row_start(o);
	if (!run) {
		empty(o, "table:covered-table-cell", NULL, NULL);
	} else {
		char rows[32];
		snprintf(rows, sizeof rows, "%zu", run);
		cell_start(o, "PlanCell");
		attr(o, "table:number-rows-spanned", rows);
		paragraph(o, "text:p", "Table_20_Contents", cispref__render_plan_label(entry->plan_kind));
		end(o);
	}
	cell_start(o, "BodyCell");
	start(o, "text:p");
	attr(o, "text:style-name", "Table_20_Contents");
	const cispref_competence *comp = cispref__render_entry_competence(o->ctx, entry);
	if (comp)
		link(o, cispref__render_anchor(o->ctx, "competence", comp->node.id),
		     cispref__render_text(o->ctx, entry->text));
	else
		odf_text(o, cispref__render_text(o->ctx, entry->text));
	end(o);
	end(o);
	end(o);
}

static void write_summary_table(odt *o, const cispref_domain *domain)
{
	static const char *const labels[] = {RENDER_LABEL_PLAN, RENDER_LABEL_COMPETENCE};
	if (!domain->summary.count)
		return;
	start(o, "text:p");
	attr(o, "text:style-name", "Table_20_Caption");
	bookmark(o, cispref__render_claim_anchor(o->ctx, "summary", domain->node.id));
	odf_text(o, cispref__render_text(o->ctx, domain->title));
	end(o);
	table_start(o, domain->summary.count <= RENDER_SMALL_TABLE_ROWS ? "SummaryTableKeep"
	                                                                : "SummaryTable",
	            "Summary");
	column(o, "PlanColumn", 1);
	column(o, "EntryColumn", 1);
	header_rows(o, labels, 2);
	for (size_t e = 0; e < domain->summary.count; e++)
		summary_row(o, domain, e);
	end(o);
}

/* The SVG of the schema of the mission's contours, as a file of its own, in a new buffer
 * (NULL when memory runs out); its height in millimetres in *height. */
static xmlBufferPtr figure_svg(render_ctx *ctx, double *height)
{
	xmlBufferPtr buf = cispref__buffer_new();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	int rc = w ? xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) : -1;
	if (rc >= 0)
		rc = cispref__render_figure_svg(w, ctx, NULL, height) == CISPREF_OK ? 0 : -1;
	if (rc >= 0)
		rc = xmlTextWriterEndDocument(w);
	if (w)
		xmlFreeTextWriter(w); /* flushes into @buf */
	if (rc < 0 && buf) {
		xmlBufferFree(buf);
		buf = NULL;
	}
	return buf;
}

/* The schema of the mission's contours (3.1.1) drawn from the model: an SVG image in a
 * frame as wide as the text, centred in its paragraph; a part of the package, or its
 * bytes inline in the flat file. The front matter calls this at the figure's place.
 * Nothing when no core domain is rendered. */
static void write_figure_contours(odt *o)
{
	double height = 0;
	xmlBufferPtr svg = !o->failed && cispref__render_figure_present(o->ctx)
	                       ? figure_svg(o->ctx, &height) : NULL;
	if (!svg) {
		o->failed |= !o->failed && cispref__render_figure_present(o->ctx);
		return;
	}
	char size[32];
	snprintf(size, sizeof size, "%.2fmm", height);
	start(o, "text:p");
	attr(o, "text:style-name", "Figure");
	start(o, "draw:frame");
	props(o, "draw:style-name=FigureFrame;draw:name=contours;text:anchor-type=as-char;"
	         "svg:width=" TEXT_WIDTH);
	attr(o, "svg:height", size);
	start(o, "draw:image");
	attr(o, "draw:mime-type", "image/svg+xml");
	if (o->flat) {
		start(o, "office:binary-data");
		if (!o->failed)
			check(o, xmlTextWriterWriteBase64(o->w, (const char *)xmlBufferContent(svg), 0,
			                                  xmlBufferLength(svg)));
		end(o);
	} else {
		props(o, "xlink:href=" CISPREF__ODT_FIGURE_PART ";xlink:type=simple;xlink:show=embed;"
		         "xlink:actuate=onLoad");
	}
	end(o); /* draw:image */
	start(o, "svg:title");
	string(o, RENDER_LABEL_FIGURE);
	end(o);
	end(o); /* draw:frame */
	end(o); /* text:p */
	xmlBufferFree(svg);
}

static void write_overview(odt *o)
{
	heading(o, 1, RENDER_ID_OVERVIEW, RENDER_LABEL_OVERVIEW);
	/* Without a figure block in the front matter to place it, the schema opens the
	 * overview. */
	if (!cispref__render_front_has(o->ctx, CISPREF_BLOCK_FIGURE))
		write_figure_contours(o);
	for (size_t d = 0; d < o->ctx->domains.count; d++)
		write_summary_table(o, o->ctx->domains.items[d]);
}

static void footnote(odt *o, const cispref_note *note)
{
	char id[32];
	snprintf(id, sizeof id, "ftn%u", ++o->notes);
	const char *number = note->number ? note->number : "";
	start(o, "text:note");
	attr(o, "text:id", id);
	attr(o, "text:note-class", "footnote");
	start(o, "text:note-citation");
	attr(o, "text:label", number); /* the source's number, not LibreOffice's count */
	string(o, number);
	end(o);
	start(o, "text:note-body");
	paragraph(o, "text:p", "Footnote", cispref__render_text(o->ctx, note->text));
	end(o);
	end(o);
}

static void item_cell(odt *o, const cispref_competence *comp, int kind)
{
	const vec *items = &comp->items[kind];
	cell_start(o, "BodyCell");
	if (!items->count) {
		paragraph(o, "text:p", "Table_20_Contents", "");
		end(o);
		return;
	}
	start(o, "text:list");
	attr(o, "text:style-name", "Table_20_Bullets");
	for (size_t i = 0; i < items->count; i++) {
		const cispref_item *item = items->items[i];
		start(o, "text:list-item");
		paragraph(o, "text:p", "Table_20_List", cispref__render_text(o->ctx, item->text));
		end(o);
	}
	end(o);
	end(o);
}

/* A competence: its heading at @level of the outline (it looks like a third-level
 * heading), then its table. */
static void write_competence(odt *o, const cispref_competence *comp, int level)
{
	render_ctx *ctx = o->ctx;
	const char *labels[CISPREF_ITEM_KIND_COUNT];
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		labels[k] = cispref__render_column_label((cispref_item_kind_t)k);
	heading_start_as(o, 3, level,
	                 cispref__render_claim_anchor(ctx, "competence", comp->node.id));
	odf_text(o, cispref__render_text(ctx, comp->title));
	for (size_t n = 0; n < cispref_competence_note_count(comp); n++) {
		const cispref_note *note = cispref__render_competence_note(ctx, comp, n);
		if (note)
			footnote(o, note);
	}
	end(o);
	table_start(o, "CompetenceTable", "Competence");
	column(o, "ItemColumn", CISPREF_ITEM_KIND_COUNT);
	header_rows(o, labels, CISPREF_ITEM_KIND_COUNT);
	row_start(o);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		item_cell(o, comp, k);
	end(o);
	end(o);
}

/* A domain at @level of the outline (1 as a chapter, one below its section in the front
 * matter), its plans one level down; they look like a chapter and its sections. */
static void write_domain(odt *o, const cispref_domain *domain, int level)
{
	render_ctx *ctx = o->ctx;
	heading_as(o, 1, level, cispref__render_claim_anchor(ctx, "domain", domain->node.id),
	           cispref__render_text(ctx, domain->title));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		heading_as(o, 2, level + 1, cispref__render_claim_anchor(ctx, "plan", plan->node.id),
		           cispref__render_text(ctx, plan->title));
		for (size_t c = 0; c < plan->competences.count; c++)
			write_competence(o, plan->competences.items[c], level + 2);
	}
}

/* ---- Body: front matter ---- */

static void write_runs(odt *o, const cispref_rich_text *rt)
{
	for (size_t i = 0; rt && i < rt->runs.count; i++) {
		const cispref_inline *run = rt->runs.items[i];
		const cispref_note *note;
		switch (run->kind) {
		case CISPREF_INLINE_TEXT:
			odf_text(o, cispref__render_text(o->ctx, run->text));
			break;
		case CISPREF_INLINE_EMPHASIS:
			start(o, "text:span");
			attr(o, "text:style-name", "Emphasis");
			write_runs(o, &run->children);
			end(o);
			break;
		case CISPREF_INLINE_QUOTATION:
			string(o, "\xE2\x80\x9C"); /* “ */
			write_runs(o, &run->children);
			string(o, "\xE2\x80\x9D"); /* ” */
			break;
		case CISPREF_INLINE_NOTE_REF:
			if ((note = cispref__render_front_note(o->ctx, run)) != NULL)
				footnote(o, note);
			break;
		}
	}
}

static void runs_paragraph(odt *o, const char *style, const char *label,
                           const cispref_rich_text *rt)
{
	start(o, "text:p");
	attr(o, "text:style-name", style);
	if (label) {
		odf_text(o, label);
		empty(o, "text:tab", NULL, NULL);
	}
	write_runs(o, rt);
	end(o);
}

/* The schema of the mission's contours, drawn from the model at the figure's place. */
static void figure_contours(odt *o, const cispref_block *figure)
{
	(void)figure; /* its caption follows, written by the caller */
	write_figure_contours(o);
}

static void write_timeline(odt *o, const cispref_block *b)
{
	for (size_t i = 0; i < b->children.count; i++) {
		const cispref_phase *ph = b->children.items[i];
		runs_paragraph(o, "Timeline_20_Phase", NULL, &ph->heading);
		for (size_t s = 0; s < ph->steps.count; s++) {
			const cispref_step *st = ph->steps.items[s];
			start(o, "text:p");
			attr(o, "text:style-name", "Timeline_20_Step");
			odf_text(o, cispref__render_text(o->ctx, st->date));
			empty(o, "text:tab", NULL, NULL);
			write_runs(o, &st->task);
			if (st->actors) {
				odf_text(o, " (");
				odf_text(o, cispref__render_text(o->ctx, st->actors));
				odf_text(o, ")");
			}
			end(o);
		}
	}
}

/* A block of a section at @level of the outline: the domains it places go one level
 * below. */
static void write_block(odt *o, const cispref_block *b, int level)
{
	render_ctx *ctx = o->ctx;
	switch (b->kind) {
	case CISPREF_BLOCK_PARAGRAPH:
		runs_paragraph(o, "Front_20_Body", NULL, b->text);
		break;
	case CISPREF_BLOCK_LIST:
		for (size_t i = 0; i < b->children.count; i++) {
			const cispref_list_item *it = b->children.items[i];
			runs_paragraph(o, "Labelled_20_Item", it->label ? it->label : "\xE2\x80\xA2",
			               &it->text);
		}
		break;
	case CISPREF_BLOCK_QUOTE:
		if (b->text)
			runs_paragraph(o, "Quotation_20_Heading", NULL, b->text);
		for (size_t i = 0; i < b->children.count; i++)
			runs_paragraph(o, "Quotations", NULL, b->children.items[i]);
		if (b->attribution) {
			start(o, "text:p");
			attr(o, "text:style-name", "Quotation_20_Attribution");
			odf_text(o, "\xE2\x80\x94 "); /* — */
			odf_text(o, cispref__render_text(ctx, b->attribution));
			end(o);
		}
		break;
	case CISPREF_BLOCK_TIMELINE:
		write_timeline(o, b);
		break;
	case CISPREF_BLOCK_FIGURE:
		figure_contours(o, b);
		runs_paragraph(o, "Figure_20_Caption", NULL, b->text);
		break;
	case CISPREF_BLOCK_OVERVIEW:
		for (size_t d = 0; ctx->opt.summary && d < ctx->domains.count; d++)
			if (((const cispref_domain *)ctx->domains.items[d])->kind == b->domain_kind)
				write_summary_table(o, ctx->domains.items[d]);
		break;
	case CISPREF_BLOCK_DETAILS:
		for (size_t d = 0; d < ctx->domains.count; d++)
			if (cispref__render_details_places(b, ctx->domains.items[d]))
				write_domain(o, ctx->domains.items[d], level + 1);
		break;
	}
}

static void write_section(odt *o, const cispref_section *s)
{
	render_ctx *ctx = o->ctx;
	int level = (int)(s->level < 3 ? s->level : 3);
	heading_start(o, level, cispref__render_claim_anchor(ctx, "section", s->node.id));
	if (s->number) {
		odf_text(o, s->number);
		odf_text(o, " ");
	}
	write_runs(o, &s->heading);
	end(o);
	for (size_t b = 0; b < s->blocks.count; b++)
		write_block(o, s->blocks.items[b], level);
	for (size_t i = 0; i < s->subsections.count; i++)
		write_section(o, s->subsections.items[i]);
}

static void contents_section(odt *o, const cispref_section *s)
{
	render_ctx *ctx = o->ctx;
	int level = (int)(s->level < 3 ? s->level : 3);
	contents_entry(o, level, cispref__render_anchor(ctx, "section", s->node.id),
	               cispref__render_section_title(ctx, s));
	/* in the body's order: a section's blocks (its details), then its subsections */
	for (size_t d = 0; d < ctx->domains.count; d++)
		if (cispref__render_section_places(s, ctx->domains.items[d]))
			contents_domain(o, ctx->domains.items[d], level + 1);
	for (size_t i = 0; i < s->subsections.count; i++)
		contents_section(o, s->subsections.items[i]);
}

/* ---- Body: notes and index ---- */

/* Referenced notes are footnotes already; only the notes nobody refers to get a chapter,
 * so that nothing of the source is dropped. */
static void write_unreferenced_notes(odt *o)
{
	render_ctx *ctx = o->ctx;
	int titled = 0;
	for (size_t n = 0; n < ctx->notes.count; n++) {
		const cispref_note *note = ctx->notes.items[n];
		if (cispref__render_note_is_referenced(ctx, note) ||
		    cispref__render_note_in_front(ctx, note))
			continue;
		if (!titled++)
			heading(o, 1, RENDER_ID_NOTES, RENDER_LABEL_NOTES);
		start(o, "text:p");
		attr(o, "text:style-name", "Footnote");
		bookmark(o, cispref__render_claim_anchor(ctx, "note", note->node.id));
		odf_text(o, note->number ? note->number : "");
		empty(o, "text:tab", NULL, NULL);
		odf_text(o, cispref__render_text(ctx, note->text));
		end(o);
	}
}

static void write_index_entry(odt *o, const render_concept *entry)
{
	render_ctx *ctx = o->ctx;
	start(o, "text:p");
	attr(o, "text:style-name", "Index_20_Term");
	bookmark(o, cispref__render_claim_anchor(ctx, "concept", entry->concept->node.id));
	odf_text(o, entry->label);
	odf_text(o, " ");
	start(o, "text:span");
	attr(o, "text:style-name", "Concept_20_Kind");
	/* the label never breaks across lines */
	odf_text(o, cispref__render_nowrap(ctx, cispref__render_kind_label(entry->concept->kind)));
	end(o);
	end(o);
	for (size_t c = 0; c < entry->competences.count; c++) {
		const cispref_competence *comp = entry->competences.items[c];
		const char *anchor = cispref__render_anchor(ctx, "competence", comp->node.id);
		start(o, "text:p");
		attr(o, "text:style-name", "Index_20_Reference");
		link(o, anchor, cispref__render_text(ctx, comp->title));
		page_reference(o, anchor);
		end(o);
	}
}

static void write_index(odt *o)
{
	heading(o, 1, RENDER_ID_INDEX, RENDER_LABEL_INDEX);
	for (size_t i = 0; i < o->ctx->concepts.count; i++)
		write_index_entry(o, o->ctx->concepts.items[i]);
}

static void write_body(odt *o)
{
	render_ctx *ctx = o->ctx;
	start(o, "office:body");
	start(o, "office:text");
	if (ctx->opt.title_page)
		write_title_page(o);
	if (ctx->opt.contents)
		write_contents(o);
	/* with front matter, its sections in order, and after them what no overview or
	 * details block placed */
	int front = ctx->sections->count > 0;
	for (size_t i = 0; i < ctx->sections->count; i++)
		write_section(o, ctx->sections->items[i]);
	if (ctx->opt.summary && !(front && cispref__render_front_has(ctx, CISPREF_BLOCK_OVERVIEW)))
		write_overview(o);
	for (size_t d = 0; d < ctx->domains.count; d++)
		if (!(front && cispref__render_front_places(ctx, ctx->domains.items[d])))
			write_domain(o, ctx->domains.items[d], 1);
	write_unreferenced_notes(o);
	if (ctx->concepts.count)
		write_index(o);
	end(o);
	end(o);
}

/* ---- Metadata ---- */

static void user_defined(odt *o, const char *name, const char *value)
{
	if (!value)
		return;
	start(o, "meta:user-defined");
	attr(o, "meta:name", name);
	string(o, value);
	end(o);
}

/* No creation date: the same referential must give the same bytes. */
static void write_meta(odt *o)
{
	render_ctx *ctx = o->ctx;
	const cispref_referential *ref = ctx->ref;
	char generator[64];
	snprintf(generator, sizeof generator, "cispref/%s", cispref_version());
	start(o, "office:meta");
	text_element(o, "meta:generator", generator);
	text_element(o, "dc:title", ctx->title);
	text_element(o, "dc:subject", cispref__render_series_line(ctx));
	text_element(o, "dc:description", cispref__render_source(ctx, CISPREF_SOURCE_APPROVAL));
	text_element(o, "dc:language", cispref__langtag_document(ctx->ref->language));
	user_defined(o, "Publisher", ref->source[CISPREF_SOURCE_PUBLISHER]);
	user_defined(o, "Date", ref->source[CISPREF_SOURCE_DATE]);
	user_defined(o, "Referential", ref->id);
	user_defined(o, "Edition", ref->version);
	end(o);
}

/* ---- The parts ---- */

typedef void (*part_writer)(odt *o);

static void content_part(odt *o)
{
	root_start(o, "office:document-content");
	write_font_faces(o);
	start(o, "office:automatic-styles");
	write_content_automatic_styles(o);
	end(o);
	write_body(o);
	end(o);
	document_end(o);
}

static void styles_part(odt *o)
{
	root_start(o, "office:document-styles");
	write_font_faces(o);
	write_common_styles(o);
	start(o, "office:automatic-styles");
	write_page_layout(o);
	end(o);
	write_master_styles(o);
	end(o);
	document_end(o);
}

static void meta_part(odt *o)
{
	root_start(o, "office:document-meta");
	write_meta(o);
	end(o);
	document_end(o);
}

/* The flat file: every part under one office:document. */
static void flat_document(odt *o)
{
	o->flat = 1;
	root_start(o, "office:document");
	attr(o, "office:mimetype", ODT_MIMETYPE);
	write_meta(o);
	write_font_faces(o);
	write_common_styles(o);
	start(o, "office:automatic-styles");
	write_page_layout(o);
	write_content_automatic_styles(o);
	end(o);
	write_master_styles(o);
	write_body(o);
	end(o);
	document_end(o);
}

/* Run @part with a fresh writer into @out. */
static int write_part(xmlBufferPtr out, render_ctx *ctx, part_writer part)
{
	odt o = {xmlNewTextWriterMemory(out, 0), ctx, 0, 0, 0, 0};
	if (!o.w)
		return CISPREF_ENOMEM;
	part(&o);
	xmlFreeTextWriter(o.w); /* flushes into @out */
	return o.failed ? CISPREF_ENOMEM : CISPREF_OK;
}

int cispref__render_fodt(xmlBufferPtr out, render_ctx *ctx, cispref_error *error)
{
	(void)error; /* only memory can run out, which the caller reports */
	return write_part(out, ctx, flat_document);
}

int cispref__render_odt(xmlBufferPtr out, render_ctx *ctx, cispref_error *error)
{
	static const part_writer writers[CISPREF__ODT_FIGURE] = {content_part, styles_part,
	                                                         meta_part};
	xmlBufferPtr parts[CISPREF__ODT_PARTS] = {NULL};
	int rc = CISPREF_OK;
	for (int p = 0; rc == CISPREF_OK && p < CISPREF__ODT_FIGURE; p++)
		rc = (parts[p] = cispref__buffer_new()) ? write_part(parts[p], ctx, writers[p])
		                                    : CISPREF_ENOMEM;
	/* the schema of the contours, a part of its own that content.xml links to */
	if (rc == CISPREF_OK && cispref__render_figure_present(ctx) &&
	    !(parts[CISPREF__ODT_FIGURE] = figure_svg(ctx, NULL)))
		rc = CISPREF_ENOMEM;
	if (rc == CISPREF_OK)
		rc = cispref__odt_package(out, parts, error);
	for (int p = 0; p < CISPREF__ODT_PARTS; p++)
		if (parts[p])
			xmlBufferFree(parts[p]);
	return rc;
}
