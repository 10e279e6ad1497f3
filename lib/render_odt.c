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
#include <zip.h>

#include "langtag.h"
#include "render_private.h"

#define TRY RENDER_TRY
#define X RENDER_X

#define ODF_VERSION "1.3"
#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"
/* Text area of an A4 page with 2 cm margins: tab stops and table widths depend on it. */
#define TEXT_WIDTH "17cm"

static const char *const namespaces[][2] = {
	{"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
	{"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
	{"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
	{"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
	{"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
	{"svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
	{"xlink", "http://www.w3.org/1999/xlink"},
	{"dc", "http://purl.org/dc/elements/1.1/"},
	{"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
};

typedef struct odt {
	xmlTextWriterPtr w;
	render_ctx *ctx;
	unsigned notes;  /* footnotes written so far: their ids must be unique */
	unsigned tables; /* tables written so far: their names must be unique */
} odt;

/* ---- Writer helpers ---- */

static int start(odt *o, const char *name)
{
	return xmlTextWriterStartElement(o->w, X(name));
}

static int attr(odt *o, const char *name, const char *value)
{
	return xmlTextWriterWriteAttribute(o->w, X(name), X(value));
}

static int end(odt *o)
{
	return xmlTextWriterEndElement(o->w);
}

static int empty(odt *o, const char *name, const char *attr_name, const char *value)
{
	TRY(start(o, name));
	if (attr_name)
		TRY(attr(o, attr_name, value));
	return end(o);
}

static int spaces(odt *o, size_t count)
{
	char n[32];
	snprintf(n, sizeof n, "%zu", count);
	return empty(o, "text:s", count > 1 ? "text:c" : NULL, n);
}

/* Text in a paragraph. ODF collapses runs of spaces and ignores tabs and line breaks in
 * character data, so those become text:s, text:tab and text:line-break; a space that
 * starts the text is written as text:s too, since it may start the paragraph. */
static int odf_text(odt *o, const char *s)
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
		TRY(xmlTextWriterWriteFormatString(o->w, "%.*s", (int)(p - run), run));
		if (*p == ' ') {
			size_t n = strspn(p, " ");
			TRY(spaces(o, n));
			p += n;
		} else {
			if (*p == '\t')
				TRY(empty(o, "text:tab", NULL, NULL));
			else if (*p == '\n' || p[1] != '\n') /* "\r\n" is one break */
				TRY(empty(o, "text:line-break", NULL, NULL));
			p++;
		}
		after_space = 1;
		run = p;
	}
	return *run ? xmlTextWriterWriteString(o->w, X(run)) : 0;
}

static int paragraph(odt *o, const char *tag, const char *style, const char *s)
{
	TRY(start(o, tag));
	TRY(attr(o, "text:style-name", style));
	TRY(odf_text(o, s));
	return end(o);
}

/* A bookmark, unless @name is NULL (an anchor that an earlier node took). */
static int bookmark(odt *o, const char *name)
{
	return name ? empty(o, "text:bookmark", "text:name", name) : 0;
}

static int heading_start(odt *o, int level, const char *anchor)
{
	static const char *const styles[] = {"Heading_20_1", "Heading_20_2", "Heading_20_3"};
	char n[8];
	snprintf(n, sizeof n, "%d", level);
	TRY(start(o, "text:h"));
	TRY(attr(o, "text:style-name", styles[level - 1]));
	TRY(attr(o, "text:outline-level", n));
	return bookmark(o, anchor);
}

static int heading(odt *o, int level, const char *anchor, const char *s)
{
	TRY(heading_start(o, level, anchor));
	TRY(odf_text(o, s));
	return end(o);
}

/* A link to the bookmark @anchor. */
static int link(odt *o, const char *anchor, const char *s)
{
	TRY(start(o, "text:a"));
	TRY(attr(o, "xlink:type", "simple"));
	TRY(attr(o, "xlink:href", cispref__render_fragment(o->ctx, anchor)));
	TRY(attr(o, "text:style-name", "Internal_20_Link"));
	TRY(attr(o, "text:visited-style-name", "Internal_20_Link"));
	TRY(odf_text(o, s));
	return end(o);
}

/* A tab, then the page number of the bookmark @anchor, as a field LibreOffice updates. */
static int page_reference(odt *o, const char *anchor)
{
	TRY(empty(o, "text:tab", NULL, NULL));
	TRY(start(o, "text:bookmark-ref"));
	TRY(attr(o, "text:reference-format", "page"));
	TRY(attr(o, "text:ref-name", anchor));
	TRY(xmlTextWriterWriteString(o->w, X("1")));
	return end(o);
}

static int root_start(odt *o, const char *name)
{
	TRY(xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL));
	TRY(start(o, name));
	for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++) {
		char xmlns[32];
		snprintf(xmlns, sizeof xmlns, "xmlns:%s", namespaces[i][0]);
		TRY(attr(o, xmlns, namespaces[i][1]));
	}
	return attr(o, "office:version", ODF_VERSION);
}

/* ---- Styles ---- */

/* Write "name=value;name=value" as attributes. The styles below are tables of constants;
 * this keeps them readable. */
static int props(odt *o, const char *list)
{
	for (const char *p = list; p && *p;) {
		const char *eq = strchr(p, '='), *semi = strchr(p, ';');
		if (!semi)
			semi = p + strlen(p);
		if (!eq || eq > semi)
			return -1;
		char name[64], value[128];
		snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
		snprintf(value, sizeof value, "%.*s", (int)(semi - eq - 1), eq + 1);
		TRY(attr(o, name, value));
		p = *semi ? semi + 1 : semi;
	}
	return 0;
}

static int properties(odt *o, const char *element, const char *list)
{
	if (!list)
		return 0;
	TRY(start(o, element));
	TRY(props(o, list));
	return end(o);
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
	 SANS BLUE "fo:font-size=14pt"},
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

static const char *const text_styles[][3] = {
	{"Concept_20_Kind", "Concept Kind",
	 "fo:font-style=italic;fo:font-weight=normal;fo:color=#555555"},
	{"Footnote_20_anchor", "Footnote anchor", "style:text-position=super 58%"},
	{"Footnote_20_Symbol", "Footnote Symbol", NULL},
	/* Links within the document read as text on paper. */
	{"Internal_20_Link", "Internal Link", "style:text-underline-style=none"},
};

static int tab_stops(odt *o, const char *position)
{
	TRY(start(o, "style:tab-stops"));
	TRY(start(o, "style:tab-stop"));
	TRY(props(o, "style:type=right;style:leader-style=dotted;style:leader-text=."));
	TRY(attr(o, "style:position", position));
	TRY(end(o));
	return end(o);
}

static int write_para_style(odt *o, const para_style *s)
{
	TRY(start(o, "style:style"));
	TRY(attr(o, "style:name", s->name));
	if (s->display)
		TRY(attr(o, "style:display-name", s->display));
	TRY(attr(o, "style:family", "paragraph"));
	if (s->parent)
		TRY(attr(o, "style:parent-style-name", s->parent));
	TRY(attr(o, "style:class", s->cls));
	if (s->outline) {
		char level[8];
		snprintf(level, sizeof level, "%d", s->outline);
		TRY(attr(o, "style:default-outline-level", level));
	}
	if (s->para || s->tab) {
		TRY(start(o, "style:paragraph-properties"));
		TRY(props(o, s->para));
		if (s->tab)
			TRY(tab_stops(o, s->tab));
		TRY(end(o));
	}
	TRY(properties(o, "style:text-properties", s->text));
	return end(o);
}

static int write_text_style(odt *o, const char *const *s)
{
	TRY(start(o, "style:style"));
	TRY(attr(o, "style:name", s[0]));
	TRY(attr(o, "style:display-name", s[1]));
	TRY(attr(o, "style:family", "text"));
	TRY(properties(o, "style:text-properties", s[2]));
	return end(o);
}

/* The bullets of the item lists in the table cells. */
static int write_list_style(odt *o)
{
	TRY(start(o, "text:list-style"));
	TRY(attr(o, "style:name", "Table_20_Bullets"));
	TRY(attr(o, "style:display-name", "Table Bullets"));
	TRY(start(o, "text:list-level-style-bullet"));
	TRY(props(o, "text:level=1;text:bullet-char=\xE2\x80\xA2"));
	TRY(start(o, "style:list-level-properties"));
	TRY(attr(o, "text:list-level-position-and-space-mode", "label-alignment"));
	TRY(start(o, "style:list-level-label-alignment"));
	TRY(props(o, "text:label-followed-by=listtab;text:list-tab-stop-position=0.35cm;"
	             "fo:text-indent=-0.35cm;fo:margin-left=0.35cm"));
	TRY(end(o));
	TRY(end(o));
	TRY(end(o));
	return end(o);
}

/* Headings are not numbered, but the outline style must exist for them to form the
 * document's outline. */
static int write_outline_style(odt *o)
{
	TRY(start(o, "text:outline-style"));
	TRY(attr(o, "style:name", "Outline"));
	for (int level = 1; level <= 10; level++) {
		char n[8];
		snprintf(n, sizeof n, "%d", level);
		TRY(start(o, "text:outline-level-style"));
		TRY(attr(o, "text:level", n));
		TRY(attr(o, "style:num-format", ""));
		TRY(end(o));
	}
	return end(o);
}

static int write_font_faces(odt *o)
{
	TRY(start(o, "office:font-face-decls"));
	TRY(start(o, "style:font-face"));
	TRY(props(o, "style:name=Liberation Serif;svg:font-family='Liberation Serif';"
	             "style:font-family-generic=roman;style:font-pitch=variable"));
	TRY(end(o));
	TRY(start(o, "style:font-face"));
	TRY(props(o, "style:name=Liberation Sans;svg:font-family='Liberation Sans';"
	             "style:font-family-generic=swiss;style:font-pitch=variable"));
	TRY(end(o));
	return end(o);
}

/* The language of the text, from the referential's BCP 47 tag: fo:language, fo:script
 * and fo:country (ODF 1.3 sections 20.202, 20.222, 20.188) take its language, script and
 * region subtags; when they cannot say the whole tag (an extlang, a UN M.49 region such
 * as "419", which is no ISO 3166 country, variants, extensions, private use, a
 * private-use or grandfathered tag), style:rfc-language-tag (20.330) carries it whole.
 * An empty tag (xml:lang="": no language) or one that is not well-formed gives no
 * attribute at all. */
static int language_attributes(odt *o, const char *tag)
{
	langtag parts;
	if (cispref__langtag_parse(&parts, tag) != 0)
		return 0;
	if (parts.language[0])
		TRY(attr(o, "fo:language", parts.language));
	if (parts.script[0])
		TRY(attr(o, "fo:script", parts.script));
	if (parts.country[0])
		TRY(attr(o, "fo:country", parts.country));
	return parts.complete ? 0 : attr(o, "style:rfc-language-tag", tag);
}

static int write_default_style(odt *o)
{
	TRY(start(o, "style:default-style"));
	TRY(attr(o, "style:family", "paragraph"));
	TRY(properties(o, "style:paragraph-properties", "fo:orphans=2;fo:widows=2"));
	TRY(start(o, "style:text-properties"));
	TRY(props(o, "style:font-name=Liberation Serif;fo:font-size=10.5pt;fo:hyphenate=false"));
	TRY(language_attributes(o, cispref__langtag_document(o->ctx->ref->language)));
	TRY(end(o));
	return end(o);
}

static int write_notes_configuration(odt *o)
{
	TRY(start(o, "text:notes-configuration"));
	TRY(props(o, "text:note-class=footnote;text:citation-style-name=Footnote_20_Symbol;"
	             "text:citation-body-style-name=Footnote_20_anchor;style:num-format=1;"
	             "text:start-value=0;text:footnotes-position=page;"
	             "text:start-numbering-at=document"));
	return end(o);
}

static int write_common_styles(odt *o)
{
	TRY(start(o, "office:styles"));
	TRY(write_default_style(o));
	for (size_t i = 0; i < sizeof para_styles / sizeof para_styles[0]; i++)
		TRY(write_para_style(o, &para_styles[i]));
	for (size_t i = 0; i < sizeof text_styles / sizeof text_styles[0]; i++)
		TRY(write_text_style(o, text_styles[i]));
	TRY(write_list_style(o));
	TRY(write_outline_style(o));
	TRY(write_notes_configuration(o));
	return end(o);
}

/* A4 pages; the page layout is an automatic style of styles.xml. */
static int write_page_layout(odt *o)
{
	TRY(start(o, "style:page-layout"));
	TRY(attr(o, "style:name", "A4"));
	TRY(properties(o, "style:page-layout-properties",
	               "fo:page-width=21cm;fo:page-height=29.7cm;style:print-orientation=portrait;"
	               "fo:margin-top=2cm;fo:margin-bottom=1.5cm;fo:margin-left=2cm;"
	               "fo:margin-right=2cm"));
	TRY(start(o, "style:footer-style"));
	TRY(properties(o, "style:header-footer-properties", "fo:min-height=0.5cm;fo:margin-top=0.4cm"));
	TRY(end(o));
	return end(o);
}

/* The default page style numbers pages in its footer; the title page has none. */
static int write_master_styles(odt *o)
{
	TRY(start(o, "office:master-styles"));
	TRY(start(o, "style:master-page"));
	TRY(props(o, "style:name=Standard;style:display-name=Default Page Style;"
	             "style:page-layout-name=A4"));
	TRY(start(o, "style:footer"));
	TRY(start(o, "text:p"));
	TRY(attr(o, "text:style-name", "Footer"));
	TRY(start(o, "text:page-number"));
	TRY(attr(o, "text:select-page", "current"));
	TRY(xmlTextWriterWriteString(o->w, X("1")));
	TRY(end(o));
	TRY(end(o));
	TRY(end(o));
	TRY(end(o));
	TRY(start(o, "style:master-page"));
	TRY(props(o, "style:name=First_20_Page;style:display-name=First Page;"
	             "style:page-layout-name=A4;style:next-style-name=Standard"));
	TRY(end(o));
	return end(o);
}

static const char *const automatic_styles[][3] = {
	/* name, family, properties */
	{"CompetenceTable", "table",
	 "style:width=" TEXT_WIDTH ";table:align=margins;fo:margin-top=0cm;fo:margin-bottom=0.3cm;"
	 "style:may-break-between-rows=true;table:border-model=collapsing"},
	{"SummaryTable", "table",
	 "style:width=" TEXT_WIDTH ";table:align=margins;fo:margin-bottom=0.4cm;"
	 "style:may-break-between-rows=true;table:border-model=collapsing"},
	{"ItemColumn", "table-column", "style:column-width=5.667cm"},
	{"PlanColumn", "table-column", "style:column-width=3.6cm"},
	{"EntryColumn", "table-column", "style:column-width=13.4cm"},
	{"KeepRow", "table-row", "fo:keep-together=always"},
	{"HeadCell", "table-cell",
	 "fo:background-color=#dde6ee;fo:padding=0.1cm;fo:border=0.5pt solid #808080"},
	{"BodyCell", "table-cell", "fo:padding=0.1cm;fo:border=0.5pt solid #808080"},
	{"PlanCell", "table-cell",
	 "fo:background-color=#f1f4f6;fo:padding=0.1cm;fo:border=0.5pt solid #808080"},
};

static int write_automatic_style(odt *o, const char *const *s)
{
	char element[64];
	snprintf(element, sizeof element, "style:%s-properties", s[1]);
	TRY(start(o, "style:style"));
	TRY(attr(o, "style:name", s[0]));
	TRY(attr(o, "style:family", s[1]));
	TRY(properties(o, element, s[2]));
	return end(o);
}

/* The automatic styles of content.xml: tables, and the title paragraph, which starts the
 * first page (without page number). */
static int write_content_automatic_styles(odt *o)
{
	for (size_t i = 0; i < sizeof automatic_styles / sizeof automatic_styles[0]; i++)
		TRY(write_automatic_style(o, automatic_styles[i]));
	TRY(start(o, "style:style"));
	TRY(props(o, "style:name=TitlePage;style:family=paragraph;"
	             "style:parent-style-name=Title_20_Series;style:master-page-name=First_20_Page"));
	return end(o);
}

/* ---- Body: title page and table of contents ---- */

/* Referenced notes are footnotes; only those nobody refers to get a chapter "Notes". */
static size_t unreferenced_notes(const render_ctx *ctx)
{
	size_t count = 0;
	for (size_t n = 0; n < ctx->notes.count; n++)
		count += !cispref__render_note_is_referenced(ctx, ctx->notes.items[n]);
	return count;
}

static int write_title_page(odt *o)
{
	render_ctx *ctx = o->ctx;
	const cispref_referential *ref = ctx->ref;
	const char *series = cispref__render_series_line(ctx);
	/* The first paragraph carries the first page's style even when there is no series. */
	TRY(paragraph(o, "text:p", "TitlePage", series ? series : ""));
	TRY(paragraph(o, "text:p", "Title", ctx->title));
	const char *own_title = cispref__render_text(ctx, ref->title);
	if (strcmp(own_title, ctx->title) != 0)
		TRY(paragraph(o, "text:p", "Subtitle", own_title));
	const char *publisher = cispref__render_source(ctx, CISPREF_SOURCE_PUBLISHER);
	const char *date = cispref__render_date(ctx, ref->source[CISPREF_SOURCE_DATE]);
	const char *approval = cispref__render_source(ctx, CISPREF_SOURCE_APPROVAL);
	if (publisher)
		TRY(paragraph(o, "text:p", "Title_20_Source", publisher));
	if (date)
		TRY(paragraph(o, "text:p", "Title_20_Source", date));
	if (approval)
		TRY(paragraph(o, "text:p", "Title_20_Approval", approval));
	return 0;
}

static int contents_template(odt *o, int level)
{
	char n[8], style[32];
	snprintf(n, sizeof n, "%d", level);
	snprintf(style, sizeof style, "Contents_20_%d", level);
	TRY(start(o, "text:table-of-content-entry-template"));
	TRY(attr(o, "text:outline-level", n));
	TRY(attr(o, "text:style-name", style));
	TRY(empty(o, "text:index-entry-link-start", NULL, NULL));
	TRY(empty(o, "text:index-entry-text", NULL, NULL));
	TRY(start(o, "text:index-entry-tab-stop"));
	TRY(props(o, "style:type=right;style:leader-char=."));
	TRY(end(o));
	TRY(empty(o, "text:index-entry-page-number", NULL, NULL));
	TRY(empty(o, "text:index-entry-link-end", NULL, NULL));
	return end(o);
}

static int contents_entry(odt *o, int level, const char *anchor, const char *s)
{
	char style[32];
	snprintf(style, sizeof style, "Contents_20_%d", level);
	TRY(start(o, "text:p"));
	TRY(attr(o, "text:style-name", style));
	TRY(link(o, anchor, s));
	TRY(page_reference(o, anchor));
	return end(o);
}

static int contents_domain(odt *o, const cispref_domain *domain)
{
	render_ctx *ctx = o->ctx;
	TRY(contents_entry(o, 1, cispref__render_anchor(ctx, "domain", domain->node.id),
	                   cispref__render_text(ctx, domain->title)));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		TRY(contents_entry(o, 2, cispref__render_anchor(ctx, "plan", plan->node.id),
		                   cispref__render_text(ctx, plan->title)));
		for (size_t c = 0; c < plan->competences.count; c++) {
			const cispref_competence *comp = plan->competences.items[c];
			TRY(contents_entry(o, 3, cispref__render_anchor(ctx, "competence", comp->node.id),
			                   cispref__render_text(ctx, comp->title)));
		}
	}
	return 0;
}

static int contents_body(odt *o)
{
	render_ctx *ctx = o->ctx;
	TRY(start(o, "text:index-body"));
	TRY(start(o, "text:index-title"));
	TRY(attr(o, "text:name", RENDER_LABEL_CONTENTS "_Head"));
	TRY(paragraph(o, "text:p", "Contents_20_Heading", RENDER_LABEL_CONTENTS));
	TRY(end(o));
	if (ctx->opt.summary)
		TRY(contents_entry(o, 1, RENDER_ID_OVERVIEW, RENDER_LABEL_OVERVIEW));
	for (size_t d = 0; d < ctx->domains.count; d++)
		TRY(contents_domain(o, ctx->domains.items[d]));
	if (unreferenced_notes(ctx))
		TRY(contents_entry(o, 1, RENDER_ID_NOTES, RENDER_LABEL_NOTES));
	if (ctx->concepts.count)
		TRY(contents_entry(o, 1, RENDER_ID_INDEX, RENDER_LABEL_INDEX));
	return end(o);
}

static int write_contents(odt *o)
{
	TRY(start(o, "text:table-of-content"));
	TRY(attr(o, "text:name", RENDER_LABEL_CONTENTS));
	TRY(attr(o, "text:protected", "true"));
	TRY(start(o, "text:table-of-content-source"));
	TRY(attr(o, "text:outline-level", "3"));
	TRY(start(o, "text:index-title-template"));
	TRY(attr(o, "text:style-name", "Contents_20_Heading"));
	TRY(xmlTextWriterWriteString(o->w, X(RENDER_LABEL_CONTENTS)));
	TRY(end(o));
	for (int level = 1; level <= 3; level++)
		TRY(contents_template(o, level));
	TRY(end(o));
	TRY(contents_body(o));
	return end(o);
}

/* ---- Body: tables ---- */

static int table_start(odt *o, const char *style, const char *prefix)
{
	char name[48];
	snprintf(name, sizeof name, "%s%u", prefix, ++o->tables);
	TRY(start(o, "table:table"));
	TRY(attr(o, "table:name", name));
	return attr(o, "table:style-name", style);
}

static int column(odt *o, const char *style, int repeated)
{
	char n[8];
	snprintf(n, sizeof n, "%d", repeated);
	TRY(start(o, "table:table-column"));
	TRY(attr(o, "table:style-name", style));
	if (repeated > 1)
		TRY(attr(o, "table:number-columns-repeated", n));
	return end(o);
}

static int cell_start(odt *o, const char *style)
{
	TRY(start(o, "table:table-cell"));
	TRY(attr(o, "table:style-name", style));
	return attr(o, "office:value-type", "string");
}

/* The header row, which LibreOffice repeats on each page the table spans. */
static int header_rows(odt *o, const char *const *labels, size_t count)
{
	TRY(start(o, "table:table-header-rows"));
	TRY(start(o, "table:table-row"));
	for (size_t i = 0; i < count; i++) {
		TRY(cell_start(o, "HeadCell"));
		TRY(paragraph(o, "text:p", "Table_20_Heading", labels[i]));
		TRY(end(o));
	}
	TRY(end(o));
	return end(o);
}

static int row_start(odt *o)
{
	TRY(start(o, "table:table-row"));
	return attr(o, "table:style-name", "KeepRow");
}

static size_t plan_run(const cispref_domain *domain, size_t first)
{
	const cispref_summary_entry *e = domain->summary.items[first];
	size_t n = 1;
	while (first + n < domain->summary.count &&
	       ((cispref_summary_entry *)domain->summary.items[first + n])->plan_kind == e->plan_kind)
		n++;
	return n;
}

/* A summary row; the plan cell spans the entries listed under that plan, as printed. */
static int summary_row(odt *o, const cispref_domain *domain, size_t e)
{
	const cispref_summary_entry *entry = domain->summary.items[e];
	const cispref_summary_entry *previous = e ? domain->summary.items[e - 1] : NULL;
	TRY(row_start(o));
	if (previous && previous->plan_kind == entry->plan_kind) {
		TRY(empty(o, "table:covered-table-cell", NULL, NULL));
	} else {
		char rows[32];
		snprintf(rows, sizeof rows, "%zu", plan_run(domain, e));
		TRY(cell_start(o, "PlanCell"));
		TRY(attr(o, "table:number-rows-spanned", rows));
		TRY(paragraph(o, "text:p", "Table_20_Contents", cispref__render_plan_label(entry->plan_kind)));
		TRY(end(o));
	}
	TRY(cell_start(o, "BodyCell"));
	TRY(start(o, "text:p"));
	TRY(attr(o, "text:style-name", "Table_20_Contents"));
	const cispref_competence *comp = cispref__render_entry_competence(o->ctx, entry);
	if (comp)
		TRY(link(o, cispref__render_anchor(o->ctx, "competence", comp->node.id),
		         cispref__render_text(o->ctx, entry->text)));
	else
		TRY(odf_text(o, cispref__render_text(o->ctx, entry->text)));
	TRY(end(o));
	TRY(end(o));
	return end(o);
}

static int write_summary_table(odt *o, const cispref_domain *domain)
{
	static const char *const labels[] = {RENDER_LABEL_PLAN, RENDER_LABEL_COMPETENCE};
	if (!domain->summary.count)
		return 0;
	TRY(start(o, "text:p"));
	TRY(attr(o, "text:style-name", "Table_20_Caption"));
	TRY(bookmark(o, cispref__render_claim_anchor(o->ctx, "summary", domain->node.id)));
	TRY(odf_text(o, cispref__render_text(o->ctx, domain->title)));
	TRY(end(o));
	TRY(table_start(o, "SummaryTable", "Summary"));
	TRY(column(o, "PlanColumn", 1));
	TRY(column(o, "EntryColumn", 1));
	TRY(header_rows(o, labels, 2));
	for (size_t e = 0; e < domain->summary.count; e++)
		TRY(summary_row(o, domain, e));
	return end(o);
}

static int write_overview(odt *o)
{
	TRY(heading(o, 1, RENDER_ID_OVERVIEW, RENDER_LABEL_OVERVIEW));
	for (size_t d = 0; d < o->ctx->domains.count; d++)
		TRY(write_summary_table(o, o->ctx->domains.items[d]));
	return 0;
}

static int footnote(odt *o, const cispref_note *note)
{
	char id[32];
	snprintf(id, sizeof id, "ftn%u", ++o->notes);
	const char *number = note->number ? note->number : "";
	TRY(start(o, "text:note"));
	TRY(attr(o, "text:id", id));
	TRY(attr(o, "text:note-class", "footnote"));
	TRY(start(o, "text:note-citation"));
	TRY(attr(o, "text:label", number)); /* the source's number, not LibreOffice's count */
	TRY(xmlTextWriterWriteString(o->w, X(number)));
	TRY(end(o));
	TRY(start(o, "text:note-body"));
	TRY(paragraph(o, "text:p", "Footnote", cispref__render_text(o->ctx, note->text)));
	TRY(end(o));
	return end(o);
}

static int item_cell(odt *o, const cispref_competence *comp, int kind)
{
	const vec *items = &comp->items[kind];
	TRY(cell_start(o, "BodyCell"));
	if (!items->count) {
		TRY(paragraph(o, "text:p", "Table_20_Contents", ""));
		return end(o);
	}
	TRY(start(o, "text:list"));
	TRY(attr(o, "text:style-name", "Table_20_Bullets"));
	for (size_t i = 0; i < items->count; i++) {
		const cispref_item *item = items->items[i];
		TRY(start(o, "text:list-item"));
		TRY(paragraph(o, "text:p", "Table_20_List", cispref__render_text(o->ctx, item->text)));
		TRY(end(o));
	}
	TRY(end(o));
	return end(o);
}

static int write_competence(odt *o, const cispref_competence *comp)
{
	render_ctx *ctx = o->ctx;
	const char *labels[CISPREF_ITEM_KIND_COUNT];
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		labels[k] = cispref__render_column_label((cispref_item_kind_t)k);
	TRY(heading_start(o, 3, cispref__render_claim_anchor(ctx, "competence", comp->node.id)));
	TRY(odf_text(o, cispref__render_text(ctx, comp->title)));
	for (size_t n = 0; n < cispref_competence_note_count(comp); n++) {
		const cispref_note *note = cispref__render_competence_note(ctx, comp, n);
		if (note)
			TRY(footnote(o, note));
	}
	TRY(end(o));
	TRY(table_start(o, "CompetenceTable", "Competence"));
	TRY(column(o, "ItemColumn", CISPREF_ITEM_KIND_COUNT));
	TRY(header_rows(o, labels, CISPREF_ITEM_KIND_COUNT));
	TRY(row_start(o));
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		TRY(item_cell(o, comp, k));
	TRY(end(o));
	return end(o);
}

static int write_domain(odt *o, const cispref_domain *domain)
{
	render_ctx *ctx = o->ctx;
	TRY(heading(o, 1, cispref__render_claim_anchor(ctx, "domain", domain->node.id),
	            cispref__render_text(ctx, domain->title)));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		TRY(heading(o, 2, cispref__render_claim_anchor(ctx, "plan", plan->node.id),
		            cispref__render_text(ctx, plan->title)));
		for (size_t c = 0; c < plan->competences.count; c++)
			TRY(write_competence(o, plan->competences.items[c]));
	}
	return 0;
}

/* ---- Body: notes and index ---- */

/* Referenced notes are footnotes already; only the notes nobody refers to get a chapter,
 * so that nothing of the source is dropped. */
static int write_unreferenced_notes(odt *o)
{
	render_ctx *ctx = o->ctx;
	int titled = 0;
	for (size_t n = 0; n < ctx->notes.count; n++) {
		const cispref_note *note = ctx->notes.items[n];
		if (cispref__render_note_is_referenced(ctx, note))
			continue;
		if (!titled++)
			TRY(heading(o, 1, RENDER_ID_NOTES, RENDER_LABEL_NOTES));
		TRY(start(o, "text:p"));
		TRY(attr(o, "text:style-name", "Footnote"));
		TRY(bookmark(o, cispref__render_claim_anchor(ctx, "note", note->node.id)));
		TRY(odf_text(o, note->number ? note->number : ""));
		TRY(empty(o, "text:tab", NULL, NULL));
		TRY(odf_text(o, cispref__render_text(ctx, note->text)));
		TRY(end(o));
	}
	return 0;
}

static int write_index_entry(odt *o, const render_concept *entry)
{
	render_ctx *ctx = o->ctx;
	TRY(start(o, "text:p"));
	TRY(attr(o, "text:style-name", "Index_20_Term"));
	TRY(bookmark(o, cispref__render_claim_anchor(ctx, "concept", entry->concept->node.id)));
	TRY(odf_text(o, entry->label));
	TRY(odf_text(o, " "));
	TRY(start(o, "text:span"));
	TRY(attr(o, "text:style-name", "Concept_20_Kind"));
	TRY(odf_text(o, cispref__render_kind_label(entry->concept->kind)));
	TRY(end(o));
	TRY(end(o));
	for (size_t c = 0; c < entry->competences.count; c++) {
		const cispref_competence *comp = entry->competences.items[c];
		const char *anchor = cispref__render_anchor(ctx, "competence", comp->node.id);
		TRY(start(o, "text:p"));
		TRY(attr(o, "text:style-name", "Index_20_Reference"));
		TRY(link(o, anchor, cispref__render_text(ctx, comp->title)));
		TRY(page_reference(o, anchor));
		TRY(end(o));
	}
	return 0;
}

static int write_index(odt *o)
{
	TRY(heading(o, 1, RENDER_ID_INDEX, RENDER_LABEL_INDEX));
	for (size_t i = 0; i < o->ctx->concepts.count; i++)
		TRY(write_index_entry(o, o->ctx->concepts.items[i]));
	return 0;
}

static int write_body(odt *o)
{
	render_ctx *ctx = o->ctx;
	TRY(start(o, "office:body"));
	TRY(start(o, "office:text"));
	TRY(write_title_page(o));
	TRY(write_contents(o));
	if (ctx->opt.summary)
		TRY(write_overview(o));
	for (size_t d = 0; d < ctx->domains.count; d++)
		TRY(write_domain(o, ctx->domains.items[d]));
	TRY(write_unreferenced_notes(o));
	if (ctx->concepts.count)
		TRY(write_index(o));
	TRY(end(o));
	return end(o);
}

/* ---- Metadata ---- */

static int meta_element(odt *o, const char *name, const char *value)
{
	return value ? xmlTextWriterWriteElement(o->w, X(name), X(value)) : 0;
}

static int user_defined(odt *o, const char *name, const char *value)
{
	if (!value)
		return 0;
	TRY(start(o, "meta:user-defined"));
	TRY(attr(o, "meta:name", name));
	TRY(xmlTextWriterWriteString(o->w, X(value)));
	return end(o);
}

/* No creation date: the same referential must give the same bytes. */
static int write_meta(odt *o)
{
	render_ctx *ctx = o->ctx;
	const cispref_referential *ref = ctx->ref;
	char generator[64];
	snprintf(generator, sizeof generator, "cispref/%s", cispref_version());
	TRY(start(o, "office:meta"));
	TRY(meta_element(o, "meta:generator", generator));
	TRY(meta_element(o, "dc:title", ctx->title));
	TRY(meta_element(o, "dc:subject", cispref__render_series_line(ctx)));
	TRY(meta_element(o, "dc:description", cispref__render_source(ctx, CISPREF_SOURCE_APPROVAL)));
	TRY(meta_element(o, "dc:language", cispref__langtag_document(ctx->ref->language)));
	TRY(user_defined(o, "Publisher", ref->source[CISPREF_SOURCE_PUBLISHER]));
	TRY(user_defined(o, "Date", ref->source[CISPREF_SOURCE_DATE]));
	TRY(user_defined(o, "Referential", ref->id));
	TRY(user_defined(o, "Edition", ref->version));
	return end(o);
}

/* ---- The parts ---- */

typedef int (*part_writer)(odt *o);

static int content_part(odt *o)
{
	TRY(root_start(o, "office:document-content"));
	TRY(write_font_faces(o));
	TRY(start(o, "office:automatic-styles"));
	TRY(write_content_automatic_styles(o));
	TRY(end(o));
	TRY(write_body(o));
	TRY(end(o));
	return xmlTextWriterEndDocument(o->w);
}

static int styles_part(odt *o)
{
	TRY(root_start(o, "office:document-styles"));
	TRY(write_font_faces(o));
	TRY(write_common_styles(o));
	TRY(start(o, "office:automatic-styles"));
	TRY(write_page_layout(o));
	TRY(end(o));
	TRY(write_master_styles(o));
	TRY(end(o));
	return xmlTextWriterEndDocument(o->w);
}

static int meta_part(odt *o)
{
	TRY(root_start(o, "office:document-meta"));
	TRY(write_meta(o));
	TRY(end(o));
	return xmlTextWriterEndDocument(o->w);
}

static int manifest_entry(odt *o, const char *path, const char *type)
{
	TRY(start(o, "manifest:file-entry"));
	TRY(attr(o, "manifest:full-path", path));
	if (strcmp(path, "/") == 0)
		TRY(attr(o, "manifest:version", ODF_VERSION));
	TRY(attr(o, "manifest:media-type", type));
	return end(o);
}

static int manifest_part(odt *o)
{
	TRY(xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL));
	TRY(start(o, "manifest:manifest"));
	TRY(attr(o, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"));
	TRY(attr(o, "manifest:version", ODF_VERSION));
	TRY(manifest_entry(o, "/", ODT_MIMETYPE));
	TRY(manifest_entry(o, "content.xml", "text/xml"));
	TRY(manifest_entry(o, "styles.xml", "text/xml"));
	TRY(manifest_entry(o, "meta.xml", "text/xml"));
	TRY(end(o));
	return xmlTextWriterEndDocument(o->w);
}

/* The flat file: every part under one office:document. */
static int flat_document(odt *o)
{
	TRY(root_start(o, "office:document"));
	TRY(attr(o, "office:mimetype", ODT_MIMETYPE));
	TRY(write_meta(o));
	TRY(write_font_faces(o));
	TRY(write_common_styles(o));
	TRY(start(o, "office:automatic-styles"));
	TRY(write_page_layout(o));
	TRY(write_content_automatic_styles(o));
	TRY(end(o));
	TRY(write_master_styles(o));
	TRY(write_body(o));
	TRY(end(o));
	return xmlTextWriterEndDocument(o->w);
}

/* Run @part with a fresh writer into @out. */
static int write_part(xmlBufferPtr out, render_ctx *ctx, part_writer part)
{
	odt o = {xmlNewTextWriterMemory(out, 0), ctx, 0, 0};
	if (!o.w)
		return CISPREF_ENOMEM;
	int rc = part(&o);
	xmlFreeTextWriter(o.w); /* flushes into @out */
	return rc < 0 ? CISPREF_ENOMEM : CISPREF_OK;
}

int cispref__render_fodt(xmlBufferPtr out, render_ctx *ctx, cispref_error *error)
{
	(void)error; /* only memory can run out, which the caller reports */
	return write_part(out, ctx, flat_document);
}

/* ---- The package ---- */

/* Entries carry this date rather than the current time, so that output is reproducible:
 * 2020-12-01 12:00 UTC, the month the cahier was published. */
#define PACKAGE_TIME ((time_t)1606824000)

static int add_entry(zip_t *zip, const char *name, xmlBufferPtr data, int stored)
{
	zip_source_t *source = zip_source_buffer(zip, xmlBufferContent(data),
	                                         (zip_uint64_t)xmlBufferLength(data), 0);
	if (!source)
		return -1;
	zip_int64_t index = zip_file_add(zip, name, source, 0);
	if (index < 0) {
		zip_source_free(source);
		return -1;
	}
	if (zip_set_file_compression(zip, (zip_uint64_t)index,
	                             stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0 ||
	    zip_file_set_mtime(zip, (zip_uint64_t)index, PACKAGE_TIME, 0) != 0)
		return -1;
	return 0;
}

enum { PART_MIMETYPE, PART_MANIFEST, PART_CONTENT, PART_STYLES, PART_META, PART_COUNT };

static const char *const part_names[PART_COUNT] = {
	"mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"};

/* Serialise every part; libzip reads them only when the archive is closed. */
static int write_parts(xmlBufferPtr parts[PART_COUNT], render_ctx *ctx)
{
	static const part_writer writers[PART_COUNT] = {NULL, manifest_part, content_part,
	                                                styles_part, meta_part};
	for (int p = 0; p < PART_COUNT; p++)
		if (!(parts[p] = xmlBufferCreate()))
			return CISPREF_ENOMEM;
	if (xmlBufferCat(parts[PART_MIMETYPE], X(ODT_MIMETYPE)) != 0)
		return CISPREF_ENOMEM;
	for (int p = PART_MANIFEST; p < PART_COUNT; p++) {
		int rc = write_part(parts[p], ctx, writers[p]);
		if (rc)
			return rc;
	}
	return CISPREF_OK;
}

/* Copy what libzip wrote into its memory source to @out. */
static int copy_archive(zip_source_t *archive, xmlBufferPtr out)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_source_stat(archive, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    st.size > (zip_uint64_t)(1u << 30) || zip_source_open(archive) != 0)
		return -1;
	int rc = 0;
	char chunk[8192];
	zip_int64_t n;
	while (rc == 0 && (n = zip_source_read(archive, chunk, sizeof chunk)) > 0)
		rc = xmlBufferAdd(out, X(chunk), (int)n) == 0 ? 0 : -1;
	if (n < 0)
		rc = -1;
	zip_source_close(archive);
	return rc;
}

/* Build the ZIP file in memory: `mimetype` first and stored, as ODF requires, so that
 * tools can recognise the file from its first bytes. */
static int build_package(xmlBufferPtr out, xmlBufferPtr parts[PART_COUNT], cispref_error *error)
{
	zip_error_t zerror;
	zip_error_init(&zerror);
	zip_source_t *archive = zip_source_buffer_create(NULL, 0, 0, &zerror);
	zip_t *zip = NULL;
	int rc = -1;
	if (archive) {
		zip_source_keep(archive); /* it must outlive zip_close() */
		zip = zip_open_from_source(archive, ZIP_TRUNCATE, &zerror);
		if (!zip)
			zip_source_free(archive); /* the reference the archive would have taken */
	}
	if (zip) {
		rc = 0;
		for (int p = 0; rc == 0 && p < PART_COUNT; p++)
			rc = add_entry(zip, part_names[p], parts[p], p == PART_MIMETYPE);
		if (rc == 0 && zip_close(zip) == 0)
			zip = NULL;
		else
			rc = -1;
	}
	if (rc == 0)
		rc = copy_archive(archive, out);
	/* The archive is built in memory: libzip and zlib fail only for want of it. */
	if (rc != 0)
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0,
		                   "cannot build the ODT package: out of memory");
	if (zip)
		zip_discard(zip);
	if (archive)
		zip_source_free(archive);
	zip_error_fini(&zerror);
	return rc == 0 ? CISPREF_OK : CISPREF_ENOMEM;
}

int cispref__render_odt(xmlBufferPtr out, render_ctx *ctx, cispref_error *error)
{
	xmlBufferPtr parts[PART_COUNT] = {NULL};
	int rc = write_parts(parts, ctx);
	if (rc == CISPREF_OK)
		rc = build_package(out, parts, error);
	for (int p = 0; p < PART_COUNT; p++)
		if (parts[p])
			xmlBufferFree(parts[p]);
	return rc;
}
