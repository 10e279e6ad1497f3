/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Rendering: every format is parsed back (HTML with libxml2's HTML parser, ODT unzipped
 * with libzip, FODT as XML, Markdown split into table rows and cells) and must hold every
 * competence title and item in source order; special characters survive; each option
 * does what it says; bad arguments and unwritable paths fail cleanly. */
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "run_program.h"

#define FORMAT_COUNT 4

static const cispref_render_format_t all_formats[FORMAT_COUNT] = {
	CISPREF_RENDER_HTML, CISPREF_RENDER_ODT, CISPREF_RENDER_FODT, CISPREF_RENDER_MARKDOWN};

/* ---- A list of strings, to compare what a document holds with the model ---------- */

typedef struct strlist {
	char **items;
	size_t count;
	size_t capacity;
} strlist;

static void list_add(strlist *l, const char *prefix, const char *s)
{
	if (l->count == l->capacity) {
		l->capacity = l->capacity ? l->capacity * 2 : 64;
		l->items = realloc(l->items, l->capacity * sizeof *l->items);
		assert_non_null(l->items);
	}
	size_t len = strlen(prefix) + strlen(s) + 1;
	l->items[l->count] = malloc(len);
	assert_non_null(l->items[l->count]);
	snprintf(l->items[l->count++], len, "%s%s", prefix, s);
}

static void list_free(strlist *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

static void assert_lists_equal(const strlist *got, const strlist *expected, const char *what)
{
	for (size_t i = 0; i < got->count && i < expected->count; i++)
		if (strcmp(got->items[i], expected->items[i]) != 0)
			fail_msg("%s: entry %zu is \"%s\", expected \"%s\"", what, i, got->items[i],
			         expected->items[i]);
	if (got->count != expected->count)
		fail_msg("%s: %zu entries, expected %zu", what, got->count, expected->count);
}

static const char *const kind_prefix[CISPREF_ITEM_KIND_COUNT] = {"sf: ", "sfc: ", "s: "};

static int selected(const char *const *domains, const char *id)
{
	if (!domains)
		return 1;
	for (size_t i = 0; domains[i]; i++)
		if (strcmp(domains[i], id) == 0)
			return 1;
	return 0;
}

/* What the document must hold: each competence title, then its items, in model order. */
static void expected_content(strlist *l, const cispref_referential *ref,
                             const char *const *domains)
{
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		if (!selected(domains, cispref_domain_id(domain)))
			continue;
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
			const cispref_plan *plan = cispref_domain_plan(domain, p);
			for (size_t c = 0; c < cispref_plan_competence_count(plan); c++) {
				const cispref_competence *comp = cispref_plan_competence(plan, c);
				list_add(l, "title: ", cispref_competence_title(comp));
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
					for (size_t i = 0; i < cispref_competence_item_count(comp, k); i++)
						list_add(l, kind_prefix[k],
						         cispref_item_text(cispref_competence_item(comp, k, i)));
			}
		}
	}
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- Rendering ------------------------------------------------------------------ */

static char *render(const cispref_referential *ref, cispref_render_format_t format,
                    const cispref_render_options *options, size_t *size)
{
	char *out = NULL;
	cispref_error error;
	memset(&error, 0, sizeof error);
	int rc = cispref_render_buffer(&out, size, ref, format, options, &error);
	if (rc != CISPREF_OK)
		fail_msg("render %s failed: %d %s", cispref_render_format_name(format), rc, error.text);
	assert_non_null(out);
	return out;
}

static cispref_referential *load_default(void)
{
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	return ref;
}

/* ---- XPath helpers ---------------------------------------------------------------- */

static const char *const odf_namespaces[][2] = {
	{"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
	{"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
	{"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
	{"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
	{"dc", "http://purl.org/dc/elements/1.1/"},
	{"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
	{"manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"},
	{"xlink", "http://www.w3.org/1999/xlink"},
	{"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
	{"draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
	{"svg", "http://www.w3.org/2000/svg"},
};

static xmlXPathContextPtr xpath_context(xmlDocPtr doc)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	assert_non_null(ctx);
	for (size_t i = 0; i < sizeof odf_namespaces / sizeof odf_namespaces[0]; i++)
		assert_int_equal(xmlXPathRegisterNs(ctx, BAD_CAST odf_namespaces[i][0],
		                                    BAD_CAST odf_namespaces[i][1]), 0);
	return ctx;
}

/* The nodes @expr selects from @node (the document when NULL); free with
 * xmlXPathFreeObject. */
static xmlXPathObjectPtr select_nodes(xmlXPathContextPtr ctx, xmlNodePtr node, const char *expr)
{
	xmlXPathObjectPtr result = node ? xmlXPathNodeEval(node, BAD_CAST expr, ctx)
	                                : xmlXPathEvalExpression(BAD_CAST expr, ctx);
	if (!result || result->type != XPATH_NODESET)
		fail_msg("XPath %s failed", expr);
	return result;
}

static size_t node_count(xmlXPathObjectPtr result)
{
	return result->nodesetval ? (size_t)result->nodesetval->nodeNr : 0;
}

static xmlNodePtr node_at(xmlXPathObjectPtr result, size_t i)
{
	return result->nodesetval->nodeTab[i];
}

static size_t count_nodes(xmlXPathContextPtr ctx, const char *expr)
{
	xmlXPathObjectPtr result = select_nodes(ctx, NULL, expr);
	size_t n = node_count(result);
	xmlXPathFreeObject(result);
	return n;
}

/* The text of the first node @expr selects, or "" (a static buffer). */
static const char *first_text(xmlXPathContextPtr ctx, const char *expr)
{
	static char text[4096];
	xmlXPathObjectPtr result = select_nodes(ctx, NULL, expr);
	text[0] = '\0';
	if (node_count(result)) {
		xmlChar *content = xmlNodeGetContent(node_at(result, 0));
		snprintf(text, sizeof text, "%s", content ? (const char *)content : "");
		xmlFree(content);
	}
	xmlXPathFreeObject(result);
	return text;
}

static void add_node_text(strlist *l, const char *prefix, xmlNodePtr node)
{
	xmlChar *content = xmlNodeGetContent(node);
	list_add(l, prefix, content ? (const char *)content : "");
	xmlFree(content);
}

/* ---- HTML ------------------------------------------------------------------------- */

static int parse_errors;

/* libxml2's HTML parser knows HTML 4 only, and reports the elements of inline SVG (HTML5)
 * as unknown tags: those are not errors of the document. */
static int is_svg_tag_error(const xmlError *error)
{
	static const char *const svg_elements[] = {"svg", "g", "rect", "text", "tspan"};
	char name[32];
	if (error->domain != XML_FROM_HTML || error->code != XML_HTML_UNKNOWN_TAG ||
	    sscanf(error->message, "Tag %31s invalid", name) != 1)
		return 0;
	for (size_t i = 0; i < sizeof svg_elements / sizeof svg_elements[0]; i++)
		if (strcmp(name, svg_elements[i]) == 0)
			return 1;
	return 0;
}

static void count_error(void *payload, xmlErrorPtr error)
{
	(void)payload;
	if (is_svg_tag_error(error))
		return;
	parse_errors++;
	print_message("parser: line %d: %s", error->line, error->message);
}

/* Parse with libxml2's HTML parser, errors reported (HTML_PARSE_NOERROR not set); the
 * document must raise none. */
static xmlDocPtr parse_html(const char *buf, size_t size)
{
	parse_errors = 0;
	xmlSetStructuredErrorFunc(NULL, count_error);
	xmlDocPtr doc = htmlReadMemory(buf, (int)size, "cahier.html", "UTF-8", HTML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	assert_non_null(doc);
	assert_int_equal(parse_errors, 0);
	return doc;
}

static void html_content(strlist *l, xmlDocPtr doc)
{
	xmlXPathContextPtr ctx = xpath_context(doc);
	xmlXPathObjectPtr tables = select_nodes(ctx, NULL, "//table[contains(@class,'competence')]");
	for (size_t t = 0; t < node_count(tables); t++) {
		xmlNodePtr table = node_at(tables, t);
		xmlXPathObjectPtr title = select_nodes(ctx, table, "caption/span[@class='title']");
		assert_int_equal(node_count(title), 1);
		add_node_text(l, "title: ", node_at(title, 0));
		xmlXPathFreeObject(title);
		xmlXPathObjectPtr cells = select_nodes(ctx, table, "tbody/tr/td");
		assert_int_equal(node_count(cells), CISPREF_ITEM_KIND_COUNT);
		for (size_t k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
			xmlXPathObjectPtr items = select_nodes(ctx, node_at(cells, k), "ul/li");
			for (size_t i = 0; i < node_count(items); i++)
				add_node_text(l, kind_prefix[k], node_at(items, i));
			xmlXPathFreeObject(items);
		}
		xmlXPathFreeObject(cells);
	}
	xmlXPathFreeObject(tables);
	xmlXPathFreeContext(ctx);
}

/* ---- ODT and FODT ----------------------------------------------------------------- */

#define ODF_TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

static int is_text_element(xmlNodePtr node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns &&
	       xmlStrEqual(node->ns->href, BAD_CAST ODF_TEXT_NS) &&
	       xmlStrEqual(node->name, BAD_CAST name);
}

/* The text an office suite shows for @node: text:s, text:tab and text:line-break are
 * characters, footnotes are not part of the text they are anchored in. */
static void odf_text(xmlNodePtr node, char *out, size_t size)
{
	for (xmlNodePtr child = node->children; child; child = child->next) {
		size_t len = strlen(out);
		if (child->type == XML_TEXT_NODE) {
			snprintf(out + len, size - len, "%s", (const char *)child->content);
		} else if (is_text_element(child, "s")) {
			xmlChar *c = xmlGetNsProp(child, BAD_CAST "c", BAD_CAST ODF_TEXT_NS);
			int n = c ? atoi((const char *)c) : 1;
			xmlFree(c);
			for (int i = 0; i < n && len + 1 < size; i++, len++)
				out[len] = ' ';
			out[len] = '\0';
		} else if (is_text_element(child, "tab")) {
			snprintf(out + len, size - len, "\t");
		} else if (is_text_element(child, "line-break")) {
			snprintf(out + len, size - len, "\n");
		} else if (!is_text_element(child, "note") && child->type == XML_ELEMENT_NODE) {
			odf_text(child, out, size);
		}
	}
}

static void add_odf_text(strlist *l, const char *prefix, xmlNodePtr node)
{
	static char text[8192];
	text[0] = '\0';
	odf_text(node, text, sizeof text);
	list_add(l, prefix, text);
}

static void odf_content(strlist *l, xmlDocPtr doc)
{
	xmlXPathContextPtr ctx = xpath_context(doc);
	/* a competence's heading (its outline level follows its place), not a front-matter
	 * section's that looks the same */
	xmlXPathObjectPtr headings = select_nodes(
		ctx, NULL,
		"//text:h[@text:style-name='Heading_20_3'][not(starts-with(text:bookmark/@text:name, "
		"'section-'))]");
	xmlXPathObjectPtr tables =
		select_nodes(ctx, NULL, "//table:table[@table:style-name='CompetenceTable']");
	assert_int_equal(node_count(headings), node_count(tables));
	for (size_t t = 0; t < node_count(tables); t++) {
		add_odf_text(l, "title: ", node_at(headings, t));
		xmlXPathObjectPtr cells =
			select_nodes(ctx, node_at(tables, t), "table:table-row/table:table-cell");
		assert_int_equal(node_count(cells), CISPREF_ITEM_KIND_COUNT);
		for (size_t k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
			xmlXPathObjectPtr items = select_nodes(ctx, node_at(cells, k),
			                                       "text:list/text:list-item/text:p");
			for (size_t i = 0; i < node_count(items); i++)
				add_odf_text(l, kind_prefix[k], node_at(items, i));
			xmlXPathFreeObject(items);
		}
		xmlXPathFreeObject(cells);
	}
	xmlXPathFreeObject(tables);
	xmlXPathFreeObject(headings);
	xmlXPathFreeContext(ctx);
}

static xmlDocPtr parse_xml(const char *buf, size_t size, const char *name)
{
	xmlDocPtr doc = xmlReadMemory(buf, (int)size, name, NULL, XML_PARSE_NONET);
	if (!doc)
		fail_msg("%s is not well-formed XML", name);
	return doc;
}

/* The entries of an ODT package, read back with libzip. */
typedef struct package {
	zip_t *zip;
	zip_source_t *source;
} package;

static package open_package(const char *buf, size_t size)
{
	zip_error_t error;
	zip_error_init(&error);
	package p;
	p.source = zip_source_buffer_create(buf, size, 0, &error);
	assert_non_null(p.source);
	p.zip = zip_open_from_source(p.source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
	if (!p.zip)
		fail_msg("not a ZIP file: %s", zip_error_strerror(&error));
	zip_error_fini(&error);
	return p;
}

static void close_package(package *p)
{
	zip_discard(p->zip); /* frees the source too */
}

/* The whole entry @name, NUL-terminated; free() it. */
static char *package_entry(package *p, const char *name, size_t *size)
{
	zip_stat_t st;
	if (zip_stat(p->zip, name, 0, &st) != 0)
		fail_msg("the package has no %s", name);
	char *data = malloc(st.size + 1);
	assert_non_null(data);
	zip_file_t *file = zip_fopen(p->zip, name, 0);
	assert_non_null(file);
	assert_int_equal(zip_fread(file, data, st.size), (zip_int64_t)st.size);
	zip_fclose(file);
	data[st.size] = '\0';
	if (size)
		*size = st.size;
	return data;
}

static xmlDocPtr package_xml(package *p, const char *name)
{
	size_t size;
	char *data = package_entry(p, name, &size);
	xmlDocPtr doc = parse_xml(data, size, name);
	free(data);
	return doc;
}

/* content.xml of an ODT package, or the FODT document. */
static xmlDocPtr odf_document(cispref_render_format_t format, const char *buf, size_t size)
{
	if (format == CISPREF_RENDER_FODT)
		return parse_xml(buf, size, "cahier.fodt");
	package p = open_package(buf, size);
	xmlDocPtr doc = package_xml(&p, "content.xml");
	close_package(&p);
	return doc;
}

/* ---- Markdown ----------------------------------------------------------------------- */

static int is_ascii_punct(char c)
{
	return c && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

/* @cp as UTF-8 at @out (up to 3 bytes: the tests write only white space of the BMP). */
static size_t utf8_encode(char *out, unsigned long cp)
{
	assert_true(cp < 0x10000);
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Undo the backslash escapes and the numeric character references of @s[0..len) into a
 * new string (the renderer writes white space at the ends of a text as references). */
static char *md_unescape(const char *s, size_t len)
{
	char *out = malloc(4 * len + 1);
	assert_non_null(out);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned long cp;
		int used = 0;
		if (s[i] == '&' && sscanf(s + i, "&#%lu;%n", &cp, &used) == 1 && used > 0 &&
		    i + (size_t)used <= len) {
			o += utf8_encode(out + o, cp);
			i += (size_t)used - 1;
			continue;
		}
		if (s[i] == '\\' && i + 1 < len && is_ascii_punct(s[i + 1]))
			i++;
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

/* Where an unescaped @c is in @s from @from, or @len. */
static size_t md_find(const char *s, size_t len, size_t from, char c)
{
	for (size_t i = from; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len)
			i++;
		else if (s[i] == c)
			return i;
	}
	return len;
}

static void md_add(strlist *l, const char *prefix, const char *s, size_t len)
{
	char *text = md_unescape(s, len);
	list_add(l, prefix, text);
	free(text);
}

/* A heading's text without its footnote references. */
static void md_title(strlist *l, const char *line, size_t len)
{
	size_t end = 0;
	while ((end = md_find(line, len, end, '[')) < len && line[end + 1] != '^')
		end++;
	md_add(l, "title: ", line, end);
}

/* The column titles render.h names. */
static const char *const column_labels[CISPREF_ITEM_KIND_COUNT] = {
	"Savoir-faire", "Savoir-faire comportementaux", "Savoirs"};

/* The text of a heading line "## text" (of any level), or of a line in bold "**text**"
 * or in italics "*text*", which is how a heading deeper than Markdown's six levels is
 * written (the seventh level, then the others); NULL for another line. */
static const char *md_heading_text(const char *line, size_t len, size_t *text_len)
{
	size_t marks = 0;
	while (marks < len && marks < 6 && line[marks] == '#')
		marks++;
	if (marks && marks < len && line[marks] == ' ') {
		*text_len = len - marks - 1;
		return line + marks + 1;
	}
	size_t stars = len > 4 && strncmp(line, "**", 2) == 0 ? 2 : len > 2 && line[0] == '*';
	if (stars && len > 2 * stars && strncmp(line + len - stars, "**", stars) == 0) {
		*text_len = len - 2 * stars;
		return line + stars;
	}
	return NULL;
}

/* The column whose label heads @line ("##### Savoirs", "**Savoirs**"), or -1. */
static int md_column(const char *line, size_t len)
{
	size_t text_len = 0;
	const char *text = md_heading_text(line, len, &text_len);
	for (int k = 0; text && k < CISPREF_ITEM_KIND_COUNT; k++)
		if (strlen(column_labels[k]) == text_len && memcmp(text, column_labels[k], text_len) == 0)
			return k;
	return -1;
}

/* A competence is a heading "#... title" (its level follows the place of its domain: 4
 * as a chapter's, 6 under a second-level section of the front matter, "**title**" under
 * a third-level one), then for each column a heading one level down ("**label**" at the
 * seventh level, "*label*" below) and its items as a bullet list "- item" (a column
 * without items has no heading).
 * A competence's heading is the heading line followed, after a blank line, by a column's
 * heading or, with @table, by the table's header row. */
static int competence_heading(const char *line, int table)
{
	const char *eol = strchr(line, '\n');
	if (!eol || eol[1] != '\n')
		return 0;
	const char *next = eol + 2, *next_end = strchr(next, '\n');
	size_t next_len = next_end ? (size_t)(next_end - next) : strlen(next);
	return table ? starts_with(next, "| Savoir-faire") : md_column(next, next_len) >= 0;
}

static void md_content(strlist *l, const char *doc)
{
	int kind = -1; /* the column whose items follow, -1 outside a competence */
	for (const char *line = doc; *line;) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		size_t text_len = 0;
		const char *text = md_heading_text(line, len, &text_len);
		int column = md_column(line, len);
		if (column >= 0) {
			/* a column without items has no heading (the HTML table shows an empty
			 * cell): a column heading is followed, after a blank line, by its list */
			assert_true(column > kind);
			assert_true(eol && starts_with(eol, "\n\n- "));
			kind = column;
		} else if (text && competence_heading(line, 0)) {
			md_title(l, text, text_len);
			kind = -1;
		} else if (text) {
			kind = -2; /* a chapter, domain or plan: no competence */
		} else if (kind >= 0 && len >= 2 && strncmp(line, "- ", 2) == 0) {
			md_add(l, kind_prefix[kind], line + 2, len - 2);
		}
		line += len;
		if (*line == '\n')
			line++;
	}
}

/* With the gfm_tables option: the cells of the one row of a competence table
 * "| a | b | c |", each item "• item", separated by " <br>". */
static void md_row(strlist *l, const char *row, size_t len)
{
	assert_true(len > 0 && row[0] == '|');
	size_t start = 1;
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		size_t end = md_find(row, len, start, '|');
		assert_true(end < len);
		size_t a = start, b = end;
		while (a < b && row[a] == ' ')
			a++;
		while (b > a && row[b - 1] == ' ')
			b--;
		while (a < b) {
			const char *br = strstr(row + a, " <br>");
			size_t stop = br && (size_t)(br - row) < b ? (size_t)(br - row) : b;
			/* "• " and the text; an empty text leaves "•", its space trimmed at the end */
			const char *bullet = "\xE2\x80\xA2 ";
			size_t skip = stop - a < strlen(bullet) ? stop - a : strlen(bullet);
			assert_true(skip >= 3);
			assert_memory_equal(row + a, bullet, skip);
			md_add(l, kind_prefix[k], row + a + skip, stop - a - skip);
			a = stop < b ? stop + 5 : b;
		}
		start = end + 1;
	}
}

/* With the gfm_tables option: a competence heading "#... title", a blank line, the header
 * row, the delimiter row and the one row of items. No table follows the other headings. */
static void md_table_content(strlist *l, const char *doc)
{
	const char *line = doc;
	while (*line) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		size_t text_len = 0;
		const char *text = md_heading_text(line, len, &text_len);
		if (text && competence_heading(line, 1)) {
			md_title(l, text, text_len);
			const char *header = strchr(line, '\n');
			assert_non_null(header);
			header += 2; /* the blank line */
			const char *table_head = "| Savoir-faire | Savoir-faire comportementaux | Savoirs |\n"
			                         "| --- | --- | --- |\n";
			assert_true(starts_with(header, table_head));
			const char *row = header + strlen(table_head);
			const char *row_end = strchr(row, '\n');
			assert_non_null(row_end);
			md_row(l, row, (size_t)(row_end - row));
			line = row_end;
		} else {
			line += len;
		}
		if (*line == '\n')
			line++;
	}
}

/* ---- Any format ----------------------------------------------------------------- */

/* The titles and items a rendered document holds, found by parsing it. */
static void document_content(strlist *l, cispref_render_format_t format, const char *buf,
                             size_t size)
{
	xmlDocPtr doc = NULL;
	switch (format) {
	case CISPREF_RENDER_HTML:
		doc = parse_html(buf, size);
		html_content(l, doc);
		break;
	case CISPREF_RENDER_ODT:
	case CISPREF_RENDER_FODT:
		doc = odf_document(format, buf, size);
		odf_content(l, doc);
		break;
	case CISPREF_RENDER_MARKDOWN:
		assert_int_equal(strlen(buf), size);
		md_content(l, buf);
		break;
	}
	xmlFreeDoc(doc);
}

/* The text as read: the formats laid out in lines keep inclusive pairs whole with
 * U+2060 WORD JOINER and U+00A0 NO-BREAK SPACE (test_unbreakable_pairs), which a reader
 * sees as nothing and a space. In place, on both sides of a comparison. */
static void fold_as_read(strlist *l)
{
	for (size_t i = 0; i < l->count; i++) {
		char *o = l->items[i];
		for (const char *p = l->items[i]; *p;) {
			if (strncmp(p, "\xE2\x81\xA0", 3) == 0) {
				p += 3;
			} else if (strncmp(p, "\xC2\xA0", 2) == 0) {
				*o++ = ' ';
				p += 2;
			} else {
				*o++ = *p++;
			}
		}
		*o = '\0';
	}
}

static void check_content(const cispref_referential *ref, cispref_render_format_t format,
                          const cispref_render_options *options)
{
	size_t size;
	char *out = render(ref, format, options, &size);
	strlist got = {0}, expected = {0};
	document_content(&got, format, out, size);
	expected_content(&expected, ref, options ? options->domains : NULL);
	if (format != CISPREF_RENDER_MARKDOWN) {
		fold_as_read(&got);
		fold_as_read(&expected);
	}
	assert_true(expected.count > 0);
	assert_lists_equal(&got, &expected, cispref_render_format_name(format));
	list_free(&got);
	list_free(&expected);
	cispref_buffer_free(out);
}

/* ---- (1) every competence and item, in source order, in every format --------------- */

static void test_content_every_format(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	for (int f = 0; f < FORMAT_COUNT; f++)
		check_content(ref, all_formats[f], NULL);
	cispref_referential_free(ref);
}

/* ---- (2) special characters --------------------------------------------------------- */

#define NBSP "\xC2\xA0"
#define MIDDOT "\xC2\xB7"

static const char *const tricky_items[] = {
	"a < b && c > d",
	"\"double\" and 'single' quotes",
	"non" NBSP "breaking" NBSP "spaces " MIDDOT " la" MIDDOT "le",
	"pipe | star * under_score [link](x) <br> \\ backslash `code` ~tilde~",
	"# hash + plus = equals",
	"- dash at the start",
	"1. numbered",
	"double  space and   three",
	"&amp; is not an entity, &lt; neither",
	"<script>alert(1)</script>",
};

#define TRICKY_TITLE "Compétence <b>gras</b> & \"co\" " MIDDOT " la" MIDDOT "le | x * [y](z) #"

static cispref_referential *tricky_referential(void)
{
	cispref_referential *ref = NULL;
	cispref_domain *domain;
	cispref_plan *plan;
	cispref_competence *comp;
	cispref_note *note;
	cispref_concept *concept;
	cispref_item *item;
	OK(cispref_referential_new(&ref, "t", "Titre <spécial> & \"guillemets\" 'apostrophes'"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_PUBLISHER, "Éditeur & fils"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_SERIES, "Série <x>"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_NUMBER, "7"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_DATE, "2021-01-01"));
	OK(cispref_referential_add_domain(&domain, ref, "d", CISPREF_DOMAIN_CORE, "Domaine & <co>"));
	OK(cispref_domain_add_plan(&plan, domain, "d.p", CISPREF_PLAN_INDIVIDUAL, "Plan | pipe"));
	OK(cispref_plan_add_competence(&comp, plan, "d.p.1", TRICKY_TITLE));
	OK(cispref_referential_add_note(&note, ref, "n1", "1", "Note <x> & y"));
	OK(cispref_competence_add_note(comp, note));
	OK(cispref_referential_add_concept(&concept, ref, "c1", SF, "Concept <&> \"q\""));
	for (size_t i = 0; i < sizeof tricky_items / sizeof tricky_items[0]; i++) {
		char id[32];
		snprintf(id, sizeof id, "d.p.1.sf.%zu", i + 1);
		OK(cispref_competence_add_item(&item, comp, id, SF, tricky_items[i]));
		if (i == 0)
			OK(cispref_item_set_concept(item, concept));
	}
	OK(cispref_competence_add_item(NULL, comp, "d.p.1.sfc.1", SFC,
	                               "Adapter sa communication " MIDDOT " <toi>"));
	OK(cispref_plan_add_competence(&comp, plan, "d.p.2", "Second & last"));
	OK(cispref_competence_add_item(NULL, comp, "d.p.2.s.1", S, "Un savoir > tout"));
	OK(cispref_domain_add_summary_entry(NULL, domain, "d.sum.1", CISPREF_PLAN_INDIVIDUAL,
	                                    "Entrée & <z>", comp));
	return ref;
}

static void test_special_characters(void **state)
{
	(void)state;
	cispref_referential *ref = tricky_referential();
	for (int f = 0; f < FORMAT_COUNT; f++)
		check_content(ref, all_formats[f], NULL);

	/* The HTML holds no markup of the model: no <script>, no <b>, and the texts come back. */
	size_t size;
	char *html = render(ref, CISPREF_RENDER_HTML, NULL, &size);
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<b>"));
	xmlDocPtr doc = parse_html(html, size);
	xmlXPathContextPtr ctx = xpath_context(doc);
	assert_string_equal(first_text(ctx, "/html/head/title"),
	                    "Titre <spécial> & \"guillemets\" 'apostrophes'");
	assert_string_equal(first_text(ctx, "//h1"), "Titre <spécial> & \"guillemets\" 'apostrophes'");
	assert_string_equal(first_text(ctx, "//p[@class='series']"), "Série <x> n°7");
	assert_string_equal(first_text(ctx, "//p[@class='date']"), "1er janvier 2021");
	assert_string_equal(first_text(ctx, "//table[contains(@class,'summary')]//td/a"), "Entrée & <z>");
	assert_string_equal(first_text(ctx, "//p[@class='note']/span[@class='text']"), "Note <x> & y");
	assert_string_equal(first_text(ctx, "//dl[@class='concepts']/dt/span[@class='label']"),
	                    "Concept <&> \"q\"");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	cispref_buffer_free(html);

	/* The same texts in the FODT's title page and note. */
	char *fodt = render(ref, CISPREF_RENDER_FODT, NULL, &size);
	doc = parse_xml(fodt, size, "tricky.fodt");
	ctx = xpath_context(doc);
	assert_string_equal(first_text(ctx, "//text:p[@text:style-name='Title']"),
	                    "Titre <spécial> & \"guillemets\" 'apostrophes'");
	assert_string_equal(first_text(ctx, "//text:note-body/text:p"), "Note <x> & y");
	assert_string_equal(first_text(ctx, "//dc:title"),
	                    "Titre <spécial> & \"guillemets\" 'apostrophes'");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	cispref_buffer_free(fodt);

	/* Markdown: the title line, escaped, reads back as the title. */
	char *md = render(ref, CISPREF_RENDER_MARKDOWN, NULL, &size);
	assert_true(starts_with(md, "# Titre \\<spécial\\> \\& \"guillemets\" 'apostrophes'\n\n"));
	assert_non_null(strstr(md, "\n- Individuel\n  - Entrée \\& \\<z\\>\n"));
	assert_non_null(strstr(md, "[^1]: Note \\<x\\> \\& y\n"));
	cispref_buffer_free(md);
	cispref_referential_free(ref);
}

/* White space at either end of a text would change the Markdown's structure: four spaces
 * open a code block, "* x*" is a list item rather than emphasis, and CommonMark strips it
 * from headings and paragraphs. The renderer writes it as character references. */
static void test_markdown_white_space(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_domain *domain;
	cispref_plan *plan;
	cispref_competence *comp;
	OK(cispref_referential_new(&ref, "w", "Blancs"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_APPROVAL, " approuvé "));
	OK(cispref_referential_add_domain(&domain, ref, "d", CISPREF_DOMAIN_CORE, "Domaine"));
	OK(cispref_domain_add_plan(&plan, domain, "d.p", CISPREF_PLAN_INDIVIDUAL, "Plan"));
	OK(cispref_plan_add_competence(&comp, plan, "d.p.1", "  Titre indenté"));
	OK(cispref_competence_add_item(NULL, comp, "d.p.1.sf.1", SF, "    quatre espaces"));
	OK(cispref_competence_add_item(NULL, comp, "d.p.1.sf.2", SF, NBSP "- tiret "));
	check_content(ref, CISPREF_RENDER_MARKDOWN, NULL);
	size_t size;
	char *md = render(ref, CISPREF_RENDER_MARKDOWN, NULL, &size);
	assert_non_null(strstr(md, "\n#### &#32;&#32;Titre indenté\n"));
	assert_non_null(strstr(md, "\n- &#32;&#32;&#32;&#32;quatre espaces\n"));
	assert_non_null(strstr(md, "\n- &#160;- tiret&#32;\n"));
	assert_non_null(strstr(md, "\n*&#32;approuvé&#32;*\n"));
	cispref_buffer_free(md);
	cispref_referential_free(ref);
}

/* ---- the schema of the mission's contours ------------------------------------------- */

/* The SVG of the HTML cahier (between "<svg" and "</svg>"), parsed as XML: it must be
 * well-formed on its own, in the SVG namespace. NULL when the document has none. */
static xmlDocPtr html_figure(const char *html)
{
	const char *a = strstr(html, "<svg"), *b = strstr(html, "</svg>");
	if (!a)
		return NULL;
	assert_non_null(b);
	assert_null(strstr(b + 1, "<svg")); /* one figure */
	xmlDocPtr doc = parse_xml(a, (size_t)(b + 6 - a), "figure.svg");
	xmlNodePtr root = xmlDocGetRootElement(doc);
	assert_string_equal((const char *)root->name, "svg");
	assert_non_null(root->ns);
	assert_string_equal((const char *)root->ns->href, "http://www.w3.org/2000/svg");
	return doc;
}

/* The label of each group of @cls ("domain": the columns, "axis": the bands), its lines
 * joined by spaces, in document order; and how many there are. */
static size_t figure_labels(xmlDocPtr doc, const char *cls, strlist *labels)
{
	xmlXPathContextPtr ctx = xpath_context(doc);
	char expr[128];
	snprintf(expr, sizeof expr, "/svg:svg/svg:g[@class='%s']", cls);
	xmlXPathObjectPtr groups = select_nodes(ctx, NULL, expr);
	size_t n = node_count(groups);
	for (size_t g = 0; g < n; g++) {
		xmlXPathObjectPtr lines = select_nodes(ctx, node_at(groups, g), "svg:text[1]/svg:tspan");
		char joined[512] = "";
		for (size_t i = 0; i < node_count(lines); i++) {
			xmlChar *line = xmlNodeGetContent(node_at(lines, i));
			snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s",
			         i ? " " : "", (const char *)line);
			xmlFree(line);
		}
		list_add(labels, "", joined);
		xmlXPathFreeObject(lines);
	}
	xmlXPathFreeObject(groups);
	xmlXPathFreeContext(ctx);
	return n;
}

/* A referential of @core core domains (the second one named @renamed) and the two
 * transversal axes. */
static cispref_referential *contours_referential(size_t core, const char *renamed)
{
	cispref_referential *ref = NULL;
	cispref_domain *domain;
	cispref_plan *plan;
	OK(cispref_referential_new(&ref, "f", "Figure"));
	for (size_t d = 0; d < core; d++) {
		char id[16], title[64];
		snprintf(id, sizeof id, "d%zu", d + 1);
		snprintf(title, sizeof title, "Domaine numéro %zu", d + 1);
		OK(cispref_referential_add_domain(&domain, ref, id, CISPREF_DOMAIN_CORE,
		                                  d == 1 ? renamed : title));
		snprintf(id, sizeof id, "d%zu.ind", d + 1);
		OK(cispref_domain_add_plan(&plan, domain, id, CISPREF_PLAN_INDIVIDUAL, "Individuel"));
		snprintf(id, sizeof id, "d%zu.col", d + 1);
		OK(cispref_domain_add_plan(&plan, domain, id, CISPREF_PLAN_COLLECTIVE, "Collectif"));
	}
	OK(cispref_referential_add_domain(&domain, ref, "adm", CISPREF_DOMAIN_TRANSVERSAL,
	                                  "Accompagnement administratif"));
	OK(cispref_domain_add_plan(&plan, domain, "adm.j", CISPREF_PLAN_JOINT, "Individuel et collectif"));
	OK(cispref_referential_add_domain(&domain, ref, "com", CISPREF_DOMAIN_TRANSVERSAL,
	                                  "Communication"));
	OK(cispref_domain_add_plan(&plan, domain, "com.int", CISPREF_PLAN_INTERNAL,
	                           "Communication interne"));
	OK(cispref_domain_add_plan(&plan, domain, "com.ext", CISPREF_PLAN_EXTERNAL,
	                           "Communication externe"));
	return ref;
}

static void assert_contours(xmlDocPtr svg, const char *const *domains, size_t count)
{
	strlist got = {0}, expected = {0};
	assert_int_equal(figure_labels(svg, "domain", &got), count);
	for (size_t i = 0; i < count; i++)
		list_add(&expected, "", domains[i]);
	assert_lists_equal(&got, &expected, "figure columns");
	list_free(&got);
	list_free(&expected);
	assert_int_equal(figure_labels(svg, "axis", &got), 2);
	assert_string_equal(got.items[0], "Accompagnement administratif");
	assert_string_equal(got.items[1], "Communication");
	list_free(&got);
}

/* Base64 (RFC 4648, section 4) into @out, white space skipped: the number of bytes. */
static size_t base64_decode(const char *in, char *out)
{
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long bits = 0;
	int count = 0;
	size_t n = 0;
	for (const char *p = in; *p && *p != '='; p++) {
		const char *at = strchr(alphabet, *p);
		if (!at || !*p) {
			assert_non_null(strchr(" \t\r\n", *p));
			continue;
		}
		bits = (bits << 6) | (unsigned long)(at - alphabet);
		if ((count += 6) >= 8) {
			count -= 8;
			out[n++] = (char)((bits >> count) & 0xFF);
		}
	}
	return n;
}

/* The SVG of the ODT package (a part, named by the frame) or of the flat file (inline,
 * base64), parsed. */
static xmlDocPtr odf_figure(cispref_render_format_t format, const char *buf, size_t size)
{
	xmlDocPtr content = odf_document(format, buf, size);
	xmlXPathContextPtr ctx = xpath_context(content);
	assert_int_equal(count_nodes(ctx, "//text:p/draw:frame/draw:image"), 1);
	xmlDocPtr doc = NULL;
	if (format == CISPREF_RENDER_ODT) {
		assert_string_equal(first_text(ctx, "//draw:image/@xlink:href"), "Pictures/contours.svg");
		package p = open_package(buf, size);
		doc = package_xml(&p, "Pictures/contours.svg");
		xmlDocPtr manifest = package_xml(&p, "META-INF/manifest.xml");
		xmlXPathContextPtr m = xpath_context(manifest);
		assert_string_equal(first_text(m, "//manifest:file-entry[@manifest:full-path="
		                                  "'Pictures/contours.svg']/@manifest:media-type"),
		                    "image/svg+xml");
		xmlXPathFreeContext(m);
		xmlFreeDoc(manifest);
		close_package(&p);
	} else {
		xmlXPathObjectPtr binary = select_nodes(ctx, NULL, "//draw:image/office:binary-data");
		assert_int_equal(node_count(binary), 1);
		xmlChar *data = xmlNodeGetContent(node_at(binary, 0));
		xmlXPathFreeObject(binary);
		size_t length = strlen((const char *)data);
		char *svg = malloc(length);
		assert_non_null(svg);
		size_t n = base64_decode((const char *)data, svg);
		doc = parse_xml(svg, n, "figure.svg");
		free(svg);
		xmlFree(data);
	}
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(content);
	return doc;
}

static void test_figure_contours(void **state)
{
	(void)state;
	static const char *const cahier[] = {"Accompagnement psycho-social",
	                                     "Accompagnement pédagogique",
	                                     "Accompagnement socioprofessionnel"};
	cispref_referential *ref = load_default();
	size_t size;
	for (int f = 0; f < 3; f++) {
		char *out = render(ref, all_formats[f], NULL, &size);
		xmlDocPtr svg = f == 0 ? html_figure(out) : odf_figure(all_formats[f], out, size);
		assert_non_null(svg);
		assert_contours(svg, cahier, 3);
		xmlFreeDoc(svg);
		cispref_buffer_free(out);
	}
	/* no core domain rendered: no schema */
	static const char *const com[] = {"com", NULL};
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	options.domains = com;
	char *html = render(ref, CISPREF_RENDER_HTML, &options, &size);
	assert_null(html_figure(html));
	cispref_buffer_free(html);
	cispref_referential_free(ref);

	/* the drawing follows the model: a renamed domain, a fourth column */
	static const char *const four[] = {"Domaine numéro 1", "Accompagnement <renommé> & co",
	                                   "Domaine numéro 3", "Domaine numéro 4"};
	ref = contours_referential(4, four[1]);
	for (int f = 0; f < 3; f++) {
		char *out = render(ref, all_formats[f], NULL, &size);
		xmlDocPtr svg = f == 0 ? html_figure(out) : odf_figure(all_formats[f], out, size);
		assert_contours(svg, four, 4);
		xmlFreeDoc(svg);
		cispref_buffer_free(out);
	}
	cispref_referential_free(ref);
}

/* ---- inclusive pairs kept whole on paper ---------------------------------------------- */

#define WORD_JOINER "\xE2\x81\xA0"

/* In HTML and ODT no line break falls inside an inclusive pair: a word joiner after its
 * hyphen, no-break spaces in its separator; the model and the Markdown keep the text. */
static void test_unbreakable_pairs(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	const cispref_item *item = cispref_referential_find_item(ref, "psy.ind.1.sf.3");
	assert_non_null(item);
	assert_non_null(strstr(cispref_item_text(item), "avec la-le stagiaire"));
	size_t size;
	for (int f = 0; f < FORMAT_COUNT; f++) {
		cispref_render_format_t format = all_formats[f];
		char *out = render(ref, format, NULL, &size);
		char *text = out;
		if (format == CISPREF_RENDER_ODT) {
			package p = open_package(out, size);
			text = package_entry(&p, "content.xml", NULL);
			close_package(&p);
		}
		int typeset = format != CISPREF_RENDER_MARKDOWN;
		assert_int_equal(strstr(text, "avec la-" WORD_JOINER "le stagiaire") != NULL, typeset);
		assert_int_equal(strstr(text, "avec la-le stagiaire") != NULL, !typeset);
		/* "suivi de la du stagiaire": a pair of spaces alone */
		assert_int_equal(strstr(text, "suivi de la" NBSP "du stagiaire") != NULL, typeset);
		/* "à la- au stagiaire": the hyphen, then the space */
		assert_int_equal(strstr(text, "à la-" WORD_JOINER NBSP "au stagiaire") != NULL, typeset);
		if (text != out)
			free(text);
		cispref_buffer_free(out);
	}
	assert_non_null(strstr(cispref_item_text(item), "avec la-le stagiaire"));
	cispref_referential_free(ref);
}

/* ---- print polish ----------------------------------------------------------------------- */

/* The rule of the stylesheet that starts with @selector, up to its "}" ("" when none). */
static const char *css_rule(const char *html, const char *selector)
{
	static char rule[1024];
	const char *at = strstr(html, selector);
	rule[0] = '\0';
	if (at) {
		const char *close = strchr(at, '}');
		snprintf(rule, sizeof rule, "%.*s", close ? (int)(close - at + 1) : 0, at);
	}
	return rule;
}

/* A referential whose one domain lists @entries summary entries. */
static cispref_referential *summary_referential(size_t entries)
{
	cispref_referential *ref = NULL;
	cispref_domain *domain;
	cispref_plan *plan;
	cispref_competence *comp;
	OK(cispref_referential_new(&ref, "s", "Sommaire"));
	OK(cispref_referential_add_domain(&domain, ref, "d", CISPREF_DOMAIN_CORE, "Domaine"));
	OK(cispref_domain_add_plan(&plan, domain, "d.p", CISPREF_PLAN_INDIVIDUAL, "Individuel"));
	OK(cispref_plan_add_competence(&comp, plan, "d.p.1", "Compétence"));
	for (size_t e = 0; e < entries; e++) {
		char id[32];
		snprintf(id, sizeof id, "d.sum.%zu", e + 1);
		OK(cispref_domain_add_summary_entry(NULL, domain, id, CISPREF_PLAN_INDIVIDUAL, id, NULL));
	}
	return ref;
}

/* The table style, and its may-break-between-rows, of the summary table of @domain in a
 * flat ODT: "style=value". */
static void summary_table_style(const char *fodt, size_t size, const char *domain, char *out,
                                size_t out_size)
{
	xmlDocPtr doc = parse_xml(fodt, size, "cahier.fodt");
	xmlXPathContextPtr ctx = xpath_context(doc);
	char expr[256], style[64];
	snprintf(expr, sizeof expr, "//text:p[text:bookmark/@text:name='summary-%s']"
	                            "/following-sibling::table:table[1]/@table:style-name", domain);
	snprintf(style, sizeof style, "%s", first_text(ctx, expr));
	snprintf(expr, sizeof expr, "//style:style[@style:name='%s']/style:table-properties"
	                            "/@style:may-break-between-rows", style);
	snprintf(out, out_size, "%s=%s", style, first_text(ctx, expr));
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
}

/* The size of a small table, as render.h documents it. */
#define SMALL_TABLE_ROWS 12

/* Small tables are not split; a long one may break between rows. */
static void test_small_tables_kept(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	size_t size;
	char *html = render(ref, CISPREF_RENDER_HTML, NULL, &size);
	assert_string_equal(css_rule(html, "table.keep {"),
	                    "table.keep { break-inside: avoid; page-break-inside: avoid; }");
	assert_null(strstr(html, "\ntable { break-inside"));
	xmlDocPtr doc = parse_html(html, size);
	xmlXPathContextPtr ctx = xpath_context(doc);
	/* the overview's Communication table: 4 entries */
	assert_string_equal(first_text(ctx, "//table[@id='summary-com']/@class"), "summary keep");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	cispref_buffer_free(html);
	char *fodt = render(ref, CISPREF_RENDER_FODT, NULL, &size);
	char style[128];
	summary_table_style(fodt, size, "com", style, sizeof style);
	assert_string_equal(style, "SummaryTableKeep=false");
	cispref_buffer_free(fodt);
	cispref_referential_free(ref);

	for (size_t entries = SMALL_TABLE_ROWS; entries <= SMALL_TABLE_ROWS + 1; entries++) {
		int small = entries == SMALL_TABLE_ROWS;
		ref = summary_referential(entries);
		html = render(ref, CISPREF_RENDER_HTML, NULL, &size);
		assert_non_null(strstr(html, small ? "<table class=\"summary keep\""
		                                   : "<table class=\"summary\""));
		cispref_buffer_free(html);
		fodt = render(ref, CISPREF_RENDER_FODT, NULL, &size);
		summary_table_style(fodt, size, "d", style, sizeof style);
		assert_string_equal(style, small ? "SummaryTableKeep=false" : "SummaryTable=true");
		cispref_buffer_free(fodt);
		cispref_referential_free(ref);
	}
}

/* French hyphenation in the body, not in headings; the "↑" links back from the notes not
 * printed (and absent from ODT); the index's kind labels kept on one line. */
static void test_print_typography(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	size_t size;
	char *html = render(ref, CISPREF_RENDER_HTML, NULL, &size);
	assert_true(starts_with(html, "<!DOCTYPE html>\n<html lang=\"fr\">"));
	assert_non_null(strstr(css_rule(html, "html {"), " hyphens: auto;"));
	assert_non_null(strstr(css_rule(html, "h1, h2, h3,"), " hyphens: manual;"));
	assert_non_null(strstr(css_rule(html, "\n.kind {"), "white-space: nowrap;"));
	const char *print = strstr(html, "@media print {");
	assert_non_null(print);
	assert_non_null(strstr(print, "\n  a.back { display: none; }\n"));
	assert_non_null(strstr(html, "<a class=\"back\""));
	cispref_buffer_free(html);

	char *fodt = render(ref, CISPREF_RENDER_FODT, NULL, &size);
	assert_null(strstr(fodt, "\xE2\x86\x91")); /* ↑ */
	xmlDocPtr doc = parse_xml(fodt, size, "cahier.fodt");
	xmlXPathContextPtr ctx = xpath_context(doc);
	const char *body = "//style:default-style[@style:family='paragraph']/style:text-properties";
	char expr[256];
	snprintf(expr, sizeof expr, "%s/@fo:hyphenate", body);
	assert_string_equal(first_text(ctx, expr), "true");
	snprintf(expr, sizeof expr, "%s/@fo:language", body);
	assert_string_equal(first_text(ctx, expr), "fr");
	assert_string_equal(first_text(ctx, "//style:style[@style:name='Heading']"
	                                    "/style:text-properties/@fo:hyphenate"), "false");
	assert_string_equal(first_text(ctx, "//text:p[text:bookmark/@text:name="
	                                    "'concept-c.ecoute-active']/text:span"),
	                    "savoir-" WORD_JOINER "faire" NBSP "comportemental");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	cispref_buffer_free(fodt);
	cispref_referential_free(ref);
}

/* ---- (3) the structure of each format ------------------------------------------------ */

static size_t occurrences(const char *haystack, const char *needle);

/* The front matter's sections of @level (1 for a Part) in @s and its subsections. */
static size_t sections_in_at(const cispref_section *s, unsigned level)
{
	size_t n = cispref_section_level(s) == level;
	for (size_t i = 0; i < cispref_section_subsection_count(s); i++)
		n += sections_in_at(cispref_section_subsection(s, i), level);
	return n;
}

static size_t sections_at_level(const cispref_referential *ref, unsigned level)
{
	size_t n = 0;
	for (size_t i = 0; i < cispref_referential_section_count(ref); i++)
		n += sections_in_at(cispref_referential_section(ref, i), level);
	return n;
}

/* What the domains of @kind hold: [0] domains, [1] plans, [2] competences. */
static void count_of_kind(const cispref_referential *ref, cispref_domain_kind_t kind,
                          size_t n[3])
{
	n[0] = n[1] = n[2] = 0;
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		if (cispref_domain_kind(domain) != kind)
			continue;
		n[0]++;
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
			n[1]++;
			n[2] += cispref_plan_competence_count(cispref_domain_plan(domain, p));
		}
	}
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every id of the document (HTML's id attribute, a PDF's named destination) is defined
 * once, and is "prefix-id" with a node's id, or a chapter's name: never "prefix-", which
 * a node without an id (a front-matter block) would give. */
static void assert_ids_unique(xmlXPathContextPtr ctx)
{
	xmlXPathObjectPtr ids = select_nodes(ctx, NULL, "//@id");
	size_t n = node_count(ids);
	assert_true(n > 100);
	char **values = calloc(n, sizeof *values);
	assert_non_null(values);
	for (size_t i = 0; i < n; i++) {
		values[i] = (char *)xmlNodeGetContent(node_at(ids, i));
		assert_non_null(values[i]);
		size_t length = strlen(values[i]);
		if (length == 0 || values[i][length - 1] == '-')
			fail_msg("the id \"%s\" names no node", values[i]);
	}
	qsort(values, n, sizeof *values, compare_strings);
	for (size_t i = 1; i < n; i++)
		if (strcmp(values[i - 1], values[i]) == 0)
			fail_msg("the id \"%s\" is defined twice", values[i]);
	for (size_t i = 0; i < n; i++)
		xmlFree(values[i]);
	free(values);
	xmlXPathFreeObject(ids);
}

static void test_html_structure(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	size_t size;
	char *html = render(ref, CISPREF_RENDER_HTML, NULL, &size);
	assert_true(starts_with(html, "<!DOCTYPE html>\n<html lang=\"fr\">"));
	/* self-contained: no script, no external resource */
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "<link"));
	/* no address but the namespace name of the inline SVG, which names no resource, and the
	 * two printed in the text of notes 5 and 8 (the source's words, not links) */
	const char *svg_ns = "xmlns=\"http://www.w3.org/2000/svg\"";
	const char *svg_at = strstr(html, svg_ns);
	assert_non_null(svg_at);
	assert_null(strstr(svg_at + 1, svg_ns));
	assert_int_equal(occurrences(html, "http"), 3);
	assert_int_equal(occurrences(html, ">https://www.caips.be/laccompagnement-psychosocial-"), 1);
	assert_int_equal(occurrences(html, " - https://www.interfed.be/charte/<"), 1);
	/* the print stylesheet */
	assert_non_null(strstr(html, "@page { size: A4;"));
	assert_non_null(strstr(html, "@bottom-center { content: counter(page);"));
	assert_non_null(strstr(html, ".chapter { break-before: page;"));
	assert_non_null(strstr(html, "thead { display: table-header-group; }"));
	assert_non_null(strstr(html, "tr { break-inside: avoid;"));

	xmlDocPtr doc = parse_html(html, size);
	xmlXPathContextPtr ctx = xpath_context(doc);
	assert_int_equal(count_nodes(ctx, "/html/head/meta[@charset='utf-8']"), 1);
	assert_string_equal(first_text(ctx, "//div[@class='title-page']/p[@class='series']"),
	                    "Les cahiers de l'Interfédé n°24");
	assert_string_equal(first_text(ctx, "//div[@class='title-page']/p[@class='publisher']"),
	                    "L'Interfédé");
	assert_string_equal(first_text(ctx, "//div[@class='title-page']/p[@class='date']"),
	                    "décembre 2020");
	assert_string_equal(first_text(ctx, "//div[@class='title-page']/p[@class='approval']"),
	                    "Validé par la Commission pédagogique de l'Interfédé en novembre 2020");
	size_t domains = cispref_referential_domain_count(ref);
	assert_int_equal(count_nodes(ctx, "//div[@class='chapter domain']/*[@class='domain-title']"),
	                 domains);
	assert_int_equal(count_nodes(ctx, "//div[@class='plan']/*[@class='plan-title']"),
	                 cispref_referential_plan_total(ref));
	/* a domain one heading level below the section that places it (doc/format.md,
	 * "details"): the core domains under 3.2 (h3), the transversal ones under 3.2.1 (h4),
	 * their plans one level further */
	size_t core[3], transversal[3];
	count_of_kind(ref, CISPREF_DOMAIN_CORE, core);
	count_of_kind(ref, CISPREF_DOMAIN_TRANSVERSAL, transversal);
	assert_int_equal(count_nodes(ctx, "//div[@id='section-fm.3.2']/h3"), 1);
	assert_int_equal(count_nodes(ctx, "//div[@id='section-fm.3.2']/div[@class='chapter domain']"
	                                  "/h4[@class='domain-title']"),
	                 core[0]);
	assert_int_equal(count_nodes(ctx, "//div[@id='section-fm.3.2.1']/h4"), 1);
	assert_int_equal(count_nodes(ctx, "//div[@id='section-fm.3.2.1']/div[@class='chapter domain']"
	                                  "/h5[@class='domain-title']"),
	                 transversal[0]);
	assert_int_equal(count_nodes(ctx, "//div[@class='plan']/h5[@class='plan-title']"), core[1]);
	assert_int_equal(count_nodes(ctx, "//div[@class='plan']/h6[@class='plan-title']"),
	                 transversal[1]);
	/* and they keep the look of a chapter and of a plan */
	assert_non_null(strstr(html, "h2, .domain-title { font-size: 1.5em;"));
	assert_non_null(strstr(html, "h3, .plan-title { font-size: 1.1em;"));
	assert_int_equal(count_nodes(ctx, "//table[contains(@class,'summary')]"), domains);
	assert_int_equal(count_nodes(ctx, "//table[contains(@class,'summary')]/tbody/tr"),
	                 cispref_referential_summary_total(ref));
	assert_int_equal(count_nodes(ctx, "//table/thead/tr/th"),
	                 3 * cispref_referential_competence_total(ref) + 2 * domains);
	/* every link of the contents, the summary and the index leads to an element */
	xmlXPathObjectPtr links = select_nodes(ctx, NULL, "//a[starts-with(@href, '#')]");
	assert_true(node_count(links) > 100);
	for (size_t i = 0; i < node_count(links); i++) {
		xmlChar *href = xmlGetProp(node_at(links, i), BAD_CAST "href");
		char expr[512];
		snprintf(expr, sizeof expr, "//*[@id='%s']", (const char *)href + 1);
		if (count_nodes(ctx, expr) != 1)
			fail_msg("the link %s leads nowhere", (const char *)href);
		xmlFree(href);
	}
	xmlXPathFreeObject(links);
	assert_ids_unique(ctx);
	/* the summary links its entries to the competences they name */
	assert_string_equal(first_text(ctx, "//table[@id='summary-psy']/tbody/tr[1]/td/a/@href"),
	                    "#competence-psy.ind.1");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	cispref_buffer_free(html);
	cispref_referential_free(ref);
}

static void test_odt_package(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	size_t size;
	char *odt = render(ref, CISPREF_RENDER_ODT, NULL, &size);
	assert_true(size > 1000);
	package p = open_package(odt, size);
	/* mimetype first, stored, and nothing else in it */
	assert_string_equal(zip_get_name(p.zip, 0, 0), "mimetype");
	zip_stat_t st;
	assert_int_equal(zip_stat_index(p.zip, 0, 0, &st), 0);
	assert_int_equal(st.comp_method, ZIP_CM_STORE);
	char *mimetype = package_entry(&p, "mimetype", NULL);
	assert_string_equal(mimetype, "application/vnd.oasis.opendocument.text");
	free(mimetype);
	assert_memory_equal(odt + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47);

	xmlDocPtr manifest = package_xml(&p, "META-INF/manifest.xml");
	xmlXPathContextPtr ctx = xpath_context(manifest);
	assert_int_equal(count_nodes(ctx, "//manifest:file-entry[@manifest:full-path='/' and "
	                                  "@manifest:media-type="
	                                  "'application/vnd.oasis.opendocument.text']"),
	                 1);
	const char *const parts[] = {"content.xml", "styles.xml", "meta.xml"};
	for (size_t i = 0; i < 3; i++) {
		char expr[128];
		snprintf(expr, sizeof expr, "//manifest:file-entry[@manifest:full-path='%s']", parts[i]);
		assert_int_equal(count_nodes(ctx, expr), 1);
	}
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(manifest);

	/* named styles: headings with outline levels, a title, tables and lists */
	xmlDocPtr styles = package_xml(&p, "styles.xml");
	ctx = xpath_context(styles);
	for (int level = 1; level <= 3; level++) {
		char expr[160];
		snprintf(expr, sizeof expr, "//style:style[@style:name='Heading_20_%d' and "
		                            "@style:default-outline-level='%d']", level, level);
		assert_int_equal(count_nodes(ctx, expr), 1);
	}
	assert_int_equal(count_nodes(ctx, "//style:style[@style:name='Title']"), 1);
	assert_int_equal(count_nodes(ctx, "//text:list-style[@style:name='Table_20_Bullets']"), 1);
	assert_int_equal(count_nodes(ctx, "//style:master-page//text:page-number"), 1);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(styles);

	xmlDocPtr meta = package_xml(&p, "meta.xml");
	ctx = xpath_context(meta);
	assert_string_equal(first_text(ctx, "//dc:title"),
	                    "Référentiel de compétences de l'accompagnement en CISP");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(meta);

	xmlDocPtr content = package_xml(&p, "content.xml");
	ctx = xpath_context(content);
	assert_int_equal(count_nodes(ctx, "//text:table-of-content"), 1);
	/* the contents list every section, domain, plan and competence, each with a
	 * page-number field, at its level of the outline: a domain one below the section that
	 * places it (the core ones under 3.2, the transversal ones under 3.2.1), its plans and
	 * competences below it */
	size_t core[3], transversal[3];
	count_of_kind(ref, CISPREF_DOMAIN_CORE, core);
	count_of_kind(ref, CISPREF_DOMAIN_TRANSVERSAL, transversal);
	const size_t at_level[6] = {
		sections_at_level(ref, 1), sections_at_level(ref, 2),
		sections_at_level(ref, 3) + core[0], core[1] + transversal[0],
		core[2] + transversal[1], transversal[2]};
	for (int level = 1; level <= 6; level++) {
		char expr[160];
		snprintf(expr, sizeof expr, "//text:index-body/text:p[@text:style-name='Contents_20_%d']"
		                            "/text:bookmark-ref[@text:reference-format='page']", level);
		/* and the index, after the sections */
		assert_int_equal(count_nodes(ctx, expr), at_level[level - 1] + (level == 1));
		snprintf(expr, sizeof expr, "//text:h[@text:outline-level='%d']", level);
		assert_int_equal(count_nodes(ctx, expr), at_level[level - 1] + (level == 1));
	}
	/* the Parts and the index are chapters (the overview is at its place in 3.1.2, 3.1.3) */
	assert_int_equal(sections_at_level(ref, 1), 3);
	/* a domain keeps the look of a chapter, a competence that of a third-level heading */
	assert_int_equal(count_nodes(ctx, "//text:h[@text:style-name='Heading_20_1']"
	                                  "[starts-with(text:bookmark/@text:name, 'domain-')]"),
	                 cispref_referential_domain_count(ref));
	assert_int_equal(count_nodes(ctx, "//text:h[@text:style-name='Heading_20_3']"
	                                  "[starts-with(text:bookmark/@text:name, 'competence-')]"),
	                 cispref_referential_competence_total(ref));
	/* every domain's summary table is small (test_small_tables_kept) */
	assert_int_equal(count_nodes(ctx, "//table:table[@table:style-name='SummaryTableKeep']"),
	                 cispref_referential_domain_count(ref));
	assert_int_equal(count_nodes(ctx, "//table:table-header-rows"),
	                 cispref_referential_domain_count(ref) +
	                     cispref_referential_competence_total(ref));
	/* every link leads to a bookmark */
	xmlXPathObjectPtr links =
		select_nodes(ctx, NULL, "//text:a/@xlink:href | //text:bookmark-ref/@text:ref-name");
	for (size_t i = 0; i < node_count(links); i++) {
		xmlChar *target = xmlNodeGetContent(node_at(links, i));
		const char *name = (const char *)target + (target[0] == '#');
		char expr[512];
		snprintf(expr, sizeof expr, "//text:bookmark[@text:name='%s']", name);
		if (count_nodes(ctx, expr) != 1)
			fail_msg("the reference %s leads nowhere", (const char *)target);
		xmlFree(target);
	}
	xmlXPathFreeObject(links);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(content);
	close_package(&p);
	cispref_buffer_free(odt);
	cispref_referential_free(ref);
}

static void test_fodt_document(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	size_t size;
	char *fodt = render(ref, CISPREF_RENDER_FODT, NULL, &size);
	xmlDocPtr doc = parse_xml(fodt, size, "cahier.fodt");
	xmlXPathContextPtr ctx = xpath_context(doc);
	assert_int_equal(count_nodes(ctx, "/office:document[@office:mimetype="
	                                  "'application/vnd.oasis.opendocument.text']"), 1);
	assert_int_equal(count_nodes(ctx, "/office:document/office:meta/dc:title"), 1);
	assert_int_equal(count_nodes(ctx, "/office:document/office:styles"), 1);
	assert_int_equal(count_nodes(ctx, "/office:document/office:master-styles"), 1);
	assert_int_equal(count_nodes(ctx, "//text:table-of-content"), 1);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);

	/* the body is the same as the package's content.xml, but for the figure's image: a
	 * part of the package there, inline here */
	char *odt = render(ref, CISPREF_RENDER_ODT, NULL, &size);
	package p = open_package(odt, size);
	char *content = package_entry(&p, "content.xml", NULL);
	char *body = strstr(content, "<office:body>");
	assert_non_null(body);
	char *body_end = strstr(body, "</office:body>");
	assert_non_null(body_end);
	body_end[0] = '\0';
	char *image = strstr(body, "<draw:image ");
	assert_non_null(image);
	char *after_image = strstr(image, "<svg:title>"); /* the frame's title follows the image */
	assert_non_null(after_image);
	image[0] = '\0';
	assert_non_null(strstr(fodt, body));
	assert_non_null(strstr(fodt, after_image));
	free(content);
	close_package(&p);
	cispref_buffer_free(odt);
	cispref_buffer_free(fodt);
	cispref_referential_free(ref);
}

/* ---- Language tags ---------------------------------------------------------------------- */

/* The referential's BCP 47 tag (RFC 5646) split into ODF's attributes: fo:language takes
 * the language subtag, fo:script the ISO 15924 script, fo:country the ISO 3166-1 region
 * (ODF 1.3 sections 20.202, 20.222, 20.188; case as RFC 5646 section 2.1.1 advises), and
 * style:rfc-language-tag (20.330) the whole tag when those three cannot say it. An empty
 * or malformed tag gives no attribute, no dc:language and no HTML lang. NULL: absent. */
static const struct {
	const char *tag;
	const char *language, *script, *country, *rfc;
} language_cases[] = {
	{"fr", "fr", NULL, NULL, NULL},
	{"nds", "nds", NULL, NULL, NULL},               /* ISO 639-2: three letters */
	{"fr-BE", "fr", NULL, "BE", NULL},
	{"FR-be", "fr", NULL, "BE", NULL},
	{"de-Latn-CH", "de", "Latn", "CH", NULL},
	{"sr-cyrl", "sr", "Cyrl", NULL, NULL},
	{"es-419", "es", NULL, NULL, "es-419"},       /* UN M.49 region: no ISO 3166 country */
	{"de-CH-1996", "de", NULL, "CH", "de-CH-1996"}, /* a variant */
	{"zh-yue-HK", "zh", NULL, "HK", "zh-yue-HK"},   /* an extlang */
	{"en-a-bbb-x-priv", "en", NULL, NULL, "en-a-bbb-x-priv"},
	{"x-private", NULL, NULL, NULL, "x-private"},   /* private use only */
	{"i-klingon", NULL, NULL, NULL, "i-klingon"},   /* grandfathered, irregular */
	{"no-bok", NULL, NULL, NULL, "no-bok"},         /* grandfathered: not "no" + extlang */
	{"fr_BE", NULL, NULL, NULL, NULL},
	{"français", NULL, NULL, NULL, NULL},
	{"fr-", NULL, NULL, NULL, NULL},
	{"-fr", NULL, NULL, NULL, NULL},
	{"fr--BE", NULL, NULL, NULL, NULL},
	{"f", NULL, NULL, NULL, NULL},
	{"frenchfries", NULL, NULL, NULL, NULL},        /* a subtag has at most 8 characters */
	{"fr-BE-x", NULL, NULL, NULL, NULL},            /* a singleton needs a subtag */
	{"en-a-x-priv", NULL, NULL, NULL, NULL},
	{"x", NULL, NULL, NULL, NULL},
	{"", NULL, NULL, NULL, NULL},
};

static const char *attribute_or_null(xmlXPathContextPtr ctx, const char *name)
{
	char expr[256];
	snprintf(expr, sizeof expr, "//style:default-style/style:text-properties/@%s", name);
	size_t n = count_nodes(ctx, expr);
	assert_true(n <= 1);
	return n ? first_text(ctx, expr) : NULL;
}

static void assert_attribute(xmlXPathContextPtr ctx, const char *tag, const char *name,
                             const char *expected)
{
	const char *got = attribute_or_null(ctx, name);
	if (!expected && got)
		fail_msg("%s: %s=\"%s\" written", tag, name, got);
	if (expected && (!got || strcmp(got, expected) != 0))
		fail_msg("%s: %s is %s, not \"%s\"", tag, name, got ? got : "absent", expected);
}

/* A referential of language @tag; a tag that is not @well_formed (or "") can only come
 * from XML read leniently, since the builder refuses it. */
static cispref_referential *referential_in(const char *tag, int well_formed)
{
	cispref_referential *ref = tricky_referential();
	int rc = cispref_referential_set_language(ref, tag);
	assert_int_equal(rc, well_formed ? CISPREF_OK : CISPREF_EARG);
	if (rc == CISPREF_OK)
		return ref;
	cispref_referential_free(ref);
	ref = NULL;
	char xml[256];
	int n = snprintf(xml, sizeof xml,
	                 "<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" "
	                 "id=\"t\" version=\"1\" xml:lang=\"%s\"><title>T</title></referential>",
	                 tag);
	assert_true(n > 0 && (size_t)n < sizeof xml);
	cispref_load_options lenient = load_options_with(CISPREF_LOAD_LENIENT);
	OK(cispref_referential_load_memory(&ref, xml, (size_t)n, "bad-lang.xml", &lenient, NULL));
	assert_string_equal(cispref_referential_language(ref), tag);
	return ref;
}

static void test_language_tags(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof language_cases / sizeof language_cases[0]; i++) {
		const char *tag = language_cases[i].tag;
		int well_formed = language_cases[i].language || language_cases[i].rfc;
		cispref_referential *ref = referential_in(tag, well_formed);
		size_t size;
		char *fodt = render(ref, CISPREF_RENDER_FODT, NULL, &size);
		xmlDocPtr doc = parse_xml(fodt, size, "cahier.fodt");
		xmlXPathContextPtr ctx = xpath_context(doc);
		assert_attribute(ctx, tag, "fo:language", language_cases[i].language);
		assert_attribute(ctx, tag, "fo:script", language_cases[i].script);
		assert_attribute(ctx, tag, "fo:country", language_cases[i].country);
		assert_attribute(ctx, tag, "style:rfc-language-tag", language_cases[i].rfc);
		assert_int_equal(count_nodes(ctx, "//dc:language"), well_formed);
		if (well_formed)
			assert_string_equal(first_text(ctx, "//dc:language"), tag);
		xmlXPathFreeContext(ctx);
		xmlFreeDoc(doc);
		cispref_buffer_free(fodt);

		char *html = render(ref, CISPREF_RENDER_HTML, NULL, &size);
		doc = parse_html(html, size);
		ctx = xpath_context(doc);
		assert_int_equal(count_nodes(ctx, "/html/@lang"), well_formed);
		if (well_formed)
			assert_string_equal(first_text(ctx, "/html/@lang"), tag);
		xmlXPathFreeContext(ctx);
		xmlFreeDoc(doc);
		cispref_buffer_free(html);
		cispref_referential_free(ref);
	}
}

/* ---- (4) options ------------------------------------------------------------------------ */

static void test_domain_selection(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	static const char *const domains[] = {"com", "psy", NULL};
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	options.domains = domains;
	for (int f = 0; f < FORMAT_COUNT; f++)
		check_content(ref, all_formats[f], &options);

	size_t size;
	char *html = render(ref, CISPREF_RENDER_HTML, &options, &size);
	xmlDocPtr doc = parse_html(html, size);
	xmlXPathContextPtr ctx = xpath_context(doc);
	/* in the referential's order, whatever the order of the list */
	/* chapters of their own (h2): no front matter places them under its 3.2 */
	assert_string_equal(first_text(ctx, "(//div[@class='chapter domain'])[1]/h2"),
	                    "Accompagnement psycho-social");
	assert_string_equal(first_text(ctx, "(//div[@class='chapter domain'])[2]/h2"), "Communication");
	assert_int_equal(count_nodes(ctx, "//div[@class='chapter domain']"), 2);
	assert_int_equal(count_nodes(ctx, "//table[contains(@class,'summary')]"), 2);
	/* the front matter left out (it presents the whole referential: cut down it kept the
	 * caption of 3.1.1 without its schema and 3.1.2 without content) with its notes
	 * (1-20); of the domains only psy's notes (21, 22), and only concepts its competences
	 * or com's use */
	assert_int_equal(count_nodes(ctx, "//div[contains(@class,'section')]"), 0);
	assert_int_equal(count_nodes(ctx, "//p[@class='caption']"), 0);
	assert_int_equal(count_nodes(ctx, "//p[@class='note']"), 2);
	assert_int_equal(count_nodes(ctx, "//dl[@class='concepts']"
	                                  "//a[starts-with(@href, '#competence-peda')]"),
	                 0);
	assert_true(count_nodes(ctx, "//dl[@class='concepts']/dt") > 0);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	cispref_buffer_free(html);

	/* in every format: no heading or caption of the front matter */
	for (int f = 0; f < FORMAT_COUNT; f++) {
		char *out = render(ref, all_formats[f], &options, &size);
		const char *text = out;
		xmlDocPtr odf = NULL;
		xmlChar *content = NULL;
		if (all_formats[f] == CISPREF_RENDER_ODT || all_formats[f] == CISPREF_RENDER_FODT) {
			odf = odf_document(all_formats[f], out, size);
			content = xmlNodeGetContent(xmlDocGetRootElement(odf));
			text = (const char *)content;
		}
		assert_null(strstr(text, "CONTOURS DE LA MISSION"));
		assert_null(strstr(text, "Les trois domaines de compétences"));
		assert_null(strstr(text, "Les axes transversaux de la mission"));
		xmlFree(content);
		xmlFreeDoc(odf);
		cispref_buffer_free(out);
	}

	char *md = render(ref, CISPREF_RENDER_MARKDOWN, &options, &size);
	assert_null(strstr(md, "## Accompagnement pédagogique"));
	assert_non_null(strstr(md, "### Communication\n\n- Interne\n  - Transmettre en interne"));
	assert_null(strstr(md, "[^23]"));
	cispref_buffer_free(md);

	/* an unknown id fails */
	static const char *const unknown[] = {"psy", "nope", NULL};
	options.domains = unknown;
	char *out = NULL;
	cispref_error error;
	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_render_buffer(&out, &size, ref, CISPREF_RENDER_HTML, &options, &error),
	                 CISPREF_ENOTFOUND);
	assert_null(out);
	assert_int_equal(error.code, CISPREF_ENOTFOUND);
	assert_non_null(strstr(error.text, "'nope'"));
	cispref_referential_free(ref);
}

/* How many times @needle occurs in @haystack. */
static size_t occurrences(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* The gfm_tables option: pipe tables for the overview and each competence, every item
 * back from its cell; without it, no table at all. */
static void test_markdown_gfm_tables(void **state)
{
	(void)state;
	for (int r = 0; r < 2; r++) {
		cispref_referential *ref = r ? tricky_referential() : load_default();
		cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
		options.gfm_tables = true;
		size_t size;
		char *md = render(ref, CISPREF_RENDER_MARKDOWN, &options, &size);
		strlist got = {0}, expected = {0};
		md_table_content(&got, md);
		expected_content(&expected, ref, NULL);
		assert_lists_equal(&got, &expected, "md with pipe tables");
		assert_int_equal(occurrences(md, "\n| Plan | Compétence |\n| --- | --- |\n"), r ? 1 : 5);
		/* no column heading: the columns are the table's */
		assert_null(strstr(md, "Savoir-faire\n\n- "));
		assert_null(strstr(md, "Savoir-faire*\n"));
		list_free(&got);
		list_free(&expected);
		cispref_buffer_free(md);
		md = render(ref, CISPREF_RENDER_MARKDOWN, NULL, &size);
		assert_null(strstr(md, "| --- |"));
		cispref_buffer_free(md);
		cispref_referential_free(ref);
	}
}

/* The title page and the contents can be left out; options of version 1, which had no
 * such fields, keep both. */
static void test_title_page_and_contents(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	size_t size;
	for (int variant = 0; variant < 3; variant++) {
		options.title_page = options.contents = variant == 0;
		if (variant == 2) /* version 1: the fields after `inclusive` are not read */
			options.version = 1;
		int kept = variant != 1;
		char *html = render(ref, CISPREF_RENDER_HTML, &options, &size);
		xmlDocPtr doc = parse_html(html, size);
		xmlXPathContextPtr ctx = xpath_context(doc);
		assert_int_equal(count_nodes(ctx, "//div[@id='title-page']"), kept);
		assert_int_equal(count_nodes(ctx, "//h1"), kept);
		assert_int_equal(count_nodes(ctx, "//div[@id='contents']"), kept);
		assert_int_equal(count_nodes(ctx, "//table[contains(@class,'competence')]"), 21);
		xmlXPathFreeContext(ctx);
		xmlFreeDoc(doc);
		cispref_buffer_free(html);
		char *fodt = render(ref, CISPREF_RENDER_FODT, &options, &size);
		doc = parse_xml(fodt, size, "cahier.fodt");
		ctx = xpath_context(doc);
		assert_int_equal(count_nodes(ctx, "//text:p[@text:style-name='Title']"), kept);
		assert_int_equal(count_nodes(ctx, "//text:table-of-content"), kept);
		/* the competences, third-level headings to look at (their level in the outline
		 * follows their place: test_odt_package) */
		assert_int_equal(count_nodes(ctx, "//text:h[@text:style-name='Heading_20_3']"
		                                  "[starts-with(text:bookmark/@text:name, 'competence-')]"),
		                 21);
		xmlXPathFreeContext(ctx);
		xmlFreeDoc(doc);
		cispref_buffer_free(fodt);
		char *md = render(ref, CISPREF_RENDER_MARKDOWN, &options, &size);
		assert_int_equal(starts_with(md, "# "), kept);
		assert_int_equal(strstr(md, "**Les cahiers de l'Interfédé n°24**") != NULL, kept);
		cispref_buffer_free(md);
	}
	cispref_referential_free(ref);
}

static void test_no_summary_index_notes(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	size_t size;

	/* with everything */
	char *html = render(ref, CISPREF_RENDER_HTML, &options, &size);
	char *fodt = render(ref, CISPREF_RENDER_FODT, &options, &size);
	char *md = render(ref, CISPREF_RENDER_MARKDOWN, &options, &size);
	assert_non_null(strstr(html, "<table class=\"summary"));
	assert_non_null(strstr(html, "id=\"concepts\""));
	/* notes 1-20 of the front matter, 21-23 of the tables: each referenced once */
	assert_int_equal(occurrences(html, "<sup class=\"note-ref\">"), 23);
	assert_int_equal(occurrences(html, "<p class=\"note\""), 23);
	assert_non_null(strstr(fodt, "table:style-name=\"SummaryTable"));
	assert_non_null(strstr(fodt, "text:name=\"concepts\""));
	assert_int_equal(occurrences(fodt, "<text:note "), 23);
	assert_non_null(strstr(fodt, "<text:note-citation text:label=\"22\">22</text:note-citation>"));
	/* the summaries at the front matter's overview blocks (3.1.2), not in a chapter */
	assert_null(strstr(md, "## Vue d'ensemble des compétences\n"));
	assert_non_null(strstr(md, "#### 3.1.2 Les trois domaines de compétences de la mission "
	                           "d'accompagnement en CISP\n"));
	assert_non_null(strstr(md, "\n- Individuel\n  - Réaliser les bilans de compétences "
	                           "transversales sociales"));
	assert_non_null(strstr(md, "## Index des concepts partagés\n"));
	assert_non_null(strstr(md, "(entrée, en cours et en fin)[^21]\n"));
	assert_non_null(strstr(md, "\n[^21]: Les compétences transversales sociales"));
	cispref_buffer_free(html);
	cispref_buffer_free(fodt);
	cispref_buffer_free(md);

	/* with nothing */
	options.summary = false;
	options.index = false;
	options.notes = false;
	for (int f = 0; f < FORMAT_COUNT; f++)
		check_content(ref, all_formats[f], &options);
	html = render(ref, CISPREF_RENDER_HTML, &options, &size);
	fodt = render(ref, CISPREF_RENDER_FODT, &options, &size);
	md = render(ref, CISPREF_RENDER_MARKDOWN, &options, &size);
	assert_null(strstr(html, "class=\"summary"));
	assert_null(strstr(html, "id=\"overview\""));
	assert_null(strstr(html, "id=\"concepts\""));
	assert_null(strstr(html, "<sup class=\"note-ref\""));
	assert_null(strstr(html, "id=\"notes\""));
	assert_null(strstr(html, "Les compétences transversales sociales et en situation"));
	assert_null(strstr(fodt, "table:style-name=\"SummaryTable"));
	assert_null(strstr(fodt, "text:name=\"concepts\""));
	assert_null(strstr(fodt, "<text:note "));
	assert_null(strstr(md, "Vue d'ensemble"));
	assert_null(strstr(md, "Index des concepts"));
	assert_null(strstr(md, "[^"));
	assert_null(strstr(md, "## Notes"));
	cispref_buffer_free(html);
	cispref_buffer_free(fodt);
	cispref_buffer_free(md);
	cispref_referential_free(ref);
}

static void test_title(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	options.title = "Mon cahier & <co> la-le";
	options.inclusive = CISPREF_INCLUSIVE_NORMALIZED; /* never applied to the given title */
	size_t size;
	char *html = render(ref, CISPREF_RENDER_HTML, &options, &size);
	xmlDocPtr doc = parse_html(html, size);
	xmlXPathContextPtr ctx = xpath_context(doc);
	assert_string_equal(first_text(ctx, "/html/head/title"), "Mon cahier & <co> la-le");
	assert_string_equal(first_text(ctx, "//h1"), "Mon cahier & <co> la-le");
	assert_string_equal(first_text(ctx, "//p[@class='subtitle']"),
	                    "Référentiel de compétences de l'accompagnement en CISP");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	cispref_buffer_free(html);

	char *fodt = render(ref, CISPREF_RENDER_FODT, &options, &size);
	doc = parse_xml(fodt, size, "title.fodt");
	ctx = xpath_context(doc);
	assert_string_equal(first_text(ctx, "//dc:title"), "Mon cahier & <co> la-le");
	assert_string_equal(first_text(ctx, "//text:p[@text:style-name='Title']"),
	                    "Mon cahier & <co> la-le");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	cispref_buffer_free(fodt);

	char *md = render(ref, CISPREF_RENDER_MARKDOWN, &options, &size);
	assert_true(starts_with(md, "# Mon cahier \\& \\<co\\> la-le\n\n"));
	cispref_buffer_free(md);

	/* the default title is the referential's */
	md = render(ref, CISPREF_RENDER_MARKDOWN, NULL, &size);
	assert_true(starts_with(md, "# Référentiel de compétences de l'accompagnement en CISP\n\n"));
	cispref_buffer_free(md);
	cispref_referential_free(ref);
}

/* Source text, and what the normalised style makes of it. */
static const char *const inclusive_cases[][2] = {
	{"avec la-le stagiaire", "avec la" MIDDOT "le stagiaire"},
	{"avec la.le stagiaire", "avec la" MIDDOT "le stagiaire"},
	{"avec la. le stagiaire", "avec la" MIDDOT "le stagiaire"},
	{"avec la- le stagiaire", "avec la" MIDDOT "le stagiaire"},
	{"à la:au stagiaire", "à la" MIDDOT "au stagiaire"},
	{"à la- au stagiaire", "à la" MIDDOT "au stagiaire"},
	{"de la-du stagiaire", "de la" MIDDOT "du stagiaire"},
	{"de la. du stagiaire", "de la" MIDDOT "du stagiaire"},
	{"La-le stagiaire", "La" MIDDOT "le stagiaire"},
	{"la\xE2\x80\x90le, la\xE2\x80\x91" "du", "la" MIDDOT "le, la" MIDDOT "du"},
	{"la-" NBSP "le", "la" MIDDOT "le"},
	{"la" MIDDOT "le et la" MIDDOT " du", "la" MIDDOT "le et la" MIDDOT "du"},
	{"(la-le)", "(la" MIDDOT "le)"},
	/* a space alone separates the pair in the source: "suivi de la du stagiaire" (com.int.1) */
	{"la du stagiaire", "la" MIDDOT "du stagiaire"},
	/* left as printed */
	{"gala-le", "gala-le"},
	{"la-lecture", "la-lecture"},
	{"la-les", "la-les"},
	{"la - le", "la - le"},
	{"intervenant-e-s et tou.te.s", "intervenant-e-s et tou.te.s"},
	{"elle-lui", "elle-lui"},
	{"Ola-le", "Ola-le"},
	{"la-Le", "la-Le"},
};
#define INCLUSIVE_CASES (sizeof inclusive_cases / sizeof inclusive_cases[0])

static void test_inclusive_normalisation(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_domain *domain;
	cispref_plan *plan;
	cispref_competence *comp;
	OK(cispref_referential_new(&ref, "t", "Inclusive"));
	OK(cispref_referential_add_domain(&domain, ref, "d", CISPREF_DOMAIN_CORE, "Domaine"));
	OK(cispref_domain_add_plan(&plan, domain, "d.p", CISPREF_PLAN_INDIVIDUAL, "Plan"));
	OK(cispref_plan_add_competence(&comp, plan, "d.p.1", "Accompagner la.le stagiaire"));
	for (size_t i = 0; i < INCLUSIVE_CASES; i++) {
		char id[32];
		snprintf(id, sizeof id, "d.p.1.sf.%zu", i + 1);
		OK(cispref_competence_add_item(NULL, comp, id, SF, inclusive_cases[i][0]));
	}
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	for (int style = 0; style < 2; style++) {
		options.inclusive = style ? CISPREF_INCLUSIVE_NORMALIZED : CISPREF_INCLUSIVE_SOURCE;
		strlist expected = {0};
		list_add(&expected, "title: ", style ? "Accompagner la" MIDDOT "le stagiaire"
		                                     : "Accompagner la.le stagiaire");
		for (size_t i = 0; i < INCLUSIVE_CASES; i++)
			list_add(&expected, kind_prefix[SF], inclusive_cases[i][style]);
		for (int f = 0; f < FORMAT_COUNT; f++) {
			size_t size;
			char *out = render(ref, all_formats[f], &options, &size);
			strlist got = {0};
			document_content(&got, all_formats[f], out, size);
			strlist as_read = {0};
			for (size_t i = 0; i < expected.count; i++)
				list_add(&as_read, "", expected.items[i]);
			if (all_formats[f] != CISPREF_RENDER_MARKDOWN) {
				fold_as_read(&got);
				fold_as_read(&as_read);
			}
			assert_lists_equal(&got, &as_read, cispref_render_format_name(all_formats[f]));
			list_free(&as_read);
			list_free(&got);
			cispref_buffer_free(out);
		}
		list_free(&expected);
	}
	cispref_referential_free(ref);

	/* the embedded referential */
	ref = load_default();
	options.inclusive = CISPREF_INCLUSIVE_NORMALIZED;
	size_t size;
	char *md = render(ref, CISPREF_RENDER_MARKDOWN, &options, &size);
	assert_non_null(strstr(md, "#### Accompagner la" MIDDOT "le stagiaire dans son processus "
	                           "de formation\n"));
	assert_non_null(strstr(md, "\n- Adapter sa communication à la" MIDDOT "au stagiaire\n"));
	assert_null(strstr(md, "la.le"));
	assert_null(strstr(md, "la-le"));
	assert_null(strstr(md, "la-du"));
	cispref_buffer_free(md);
	options.inclusive = CISPREF_INCLUSIVE_SOURCE;
	md = render(ref, CISPREF_RENDER_MARKDOWN, &options, &size);
	assert_non_null(strstr(md, "#### Accompagner la.le stagiaire dans son processus "
	                           "de formation\n"));
	assert_non_null(strstr(md, "\n- Adapter sa communication à la- au stagiaire\n"));
	cispref_buffer_free(md);
	cispref_referential_free(ref);
}

/* ---- (5) errors ------------------------------------------------------------------------ */

static void test_invalid_arguments(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	char *out = NULL;
	size_t size = 0;
	cispref_error error;
	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_render_buffer(&out, &size, ref, (cispref_render_format_t)4, NULL,
	                                       &error),
	                 CISPREF_EARG);
	assert_int_equal(error.code, CISPREF_EARG);
	assert_int_equal(cispref_render_buffer(&out, &size, ref, (cispref_render_format_t)-1, NULL, NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_render_buffer(&out, &size, NULL, CISPREF_RENDER_HTML, NULL, NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_render_buffer(NULL, &size, ref, CISPREF_RENDER_HTML, NULL, NULL),
	                 CISPREF_EARG);
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	options.version = CISPREF_RENDER_OPTIONS_VERSION + 1;
	assert_int_equal(cispref_render_buffer(&out, &size, ref, CISPREF_RENDER_HTML, &options, NULL),
	                 CISPREF_EARG);
	options.version = CISPREF_RENDER_OPTIONS_VERSION;
	options.inclusive = (cispref_inclusive_style_t)2;
	assert_int_equal(cispref_render_buffer(&out, &size, ref, CISPREF_RENDER_MARKDOWN, &options,
	                                       NULL),
	                 CISPREF_EARG);
	options.inclusive = CISPREF_INCLUSIVE_SOURCE;
	options.title = "bad \xC3";
	assert_int_equal(cispref_render_buffer(&out, &size, ref, CISPREF_RENDER_HTML, &options, NULL),
	                 CISPREF_EARG);
	assert_null(out);
	assert_int_equal(cispref_render_stream(NULL, ref, CISPREF_RENDER_HTML, NULL, NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_render_path(NULL, ref, CISPREF_RENDER_HTML, NULL, NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_render_path("", ref, CISPREF_RENDER_HTML, NULL, NULL), CISPREF_EARG);

	/* names */
	static const char *const names[] = {"html", "odt", "fodt", "md"};
	for (int f = 0; f < FORMAT_COUNT; f++) {
		cispref_render_format_t format;
		assert_string_equal(cispref_render_format_name(all_formats[f]), names[f]);
		OK(cispref_render_format_from_name(&format, names[f]));
		assert_int_equal(format, all_formats[f]);
	}
	cispref_render_format_t format;
	assert_null(cispref_render_format_name((cispref_render_format_t)4));
	assert_int_equal(cispref_render_format_from_name(&format, "pdf"), CISPREF_EARG);
	assert_int_equal(cispref_render_format_from_name(&format, NULL), CISPREF_EARG);
	assert_int_equal(cispref_render_format_from_name(NULL, "html"), CISPREF_EARG);

	/* the style names of render.h and the CLI's --inclusive */
	cispref_inclusive_style_t style = CISPREF_INCLUSIVE_SOURCE;
	assert_string_equal(cispref_inclusive_style_name(CISPREF_INCLUSIVE_SOURCE), "source");
	assert_string_equal(cispref_inclusive_style_name(CISPREF_INCLUSIVE_NORMALIZED),
	                    "normalized");
	assert_null(cispref_inclusive_style_name((cispref_inclusive_style_t)2));
	OK(cispref_inclusive_style_from_name(&style, "normalized"));
	assert_int_equal(style, CISPREF_INCLUSIVE_NORMALIZED);
	OK(cispref_inclusive_style_from_name(&style, "source"));
	assert_int_equal(style, CISPREF_INCLUSIVE_SOURCE);
	assert_int_equal(cispref_inclusive_style_from_name(&style, "normalised"), CISPREF_EARG);
	cispref_referential_free(ref);
}

static size_t entries_in(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void test_paths_and_streams(void **state)
{
	(void)state;
	cispref_referential *ref = load_default();
	char *dir = make_temp_dir();
	assert_non_null(dir);
	char path[4200];
	cispref_error error;

	/* a file equals the buffer, for each format; no temporary file remains */
	for (int f = 0; f < FORMAT_COUNT; f++) {
		size_t size, file_size;
		char *out = render(ref, all_formats[f], NULL, &size);
		snprintf(path, sizeof path, "%s/cahier.%s", dir,
		         cispref_render_format_name(all_formats[f]));
		OK(cispref_render_path(path, ref, all_formats[f], NULL, NULL));
		char *file = read_whole_file(path, &file_size);
		assert_int_equal(file_size, size);
		assert_memory_equal(file, out, size);
		free(file);

		/* the same bytes to a stream, and again: output is deterministic */
		FILE *stream = tmpfile();
		assert_non_null(stream);
		OK(cispref_render_stream(stream, ref, all_formats[f], NULL, NULL));
		assert_int_equal(ftell(stream), (long)size);
		fclose(stream);
		size_t again_size;
		char *again = render(ref, all_formats[f], NULL, &again_size);
		assert_int_equal(again_size, size);
		assert_memory_equal(again, out, size);
		cispref_buffer_free(again);
		cispref_buffer_free(out);
	}
	assert_int_equal(entries_in(dir), FORMAT_COUNT);

	/* a stream that cannot be written */
	snprintf(path, sizeof path, "%s/cahier.md", dir);
	FILE *readonly = fopen(path, "r");
	assert_non_null(readonly);
	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_render_stream(readonly, ref, CISPREF_RENDER_MARKDOWN, NULL, &error),
	                 CISPREF_EIO);
	assert_int_equal(error.code, CISPREF_EIO);
	fclose(readonly);

	/* a directory */
	snprintf(path, sizeof path, "%s/sub", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	memset(&error, 0, sizeof error);
	assert_int_equal(cispref_render_path(path, ref, CISPREF_RENDER_HTML, NULL, &error),
	                 CISPREF_EIO);
	assert_int_equal(error.code, CISPREF_EIO);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(entries_in(path), 0);

	/* a missing parent */
	snprintf(path, sizeof path, "%s/missing/cahier.html", dir);
	assert_int_equal(cispref_render_path(path, ref, CISPREF_RENDER_HTML, NULL, &error),
	                 CISPREF_EIO);
	assert_int_equal(stat(path, &st), -1);

	/* a name of 254 bytes (NAME_MAX is 255) is replaced too: the temporary file's name
	 * does not grow with the target's */
	char name[256];
	memset(name, 'x', 250);
	strcpy(name + 250, ".odt");
	snprintf(path, sizeof path, "%s/%s", dir, name);
	write_file(path, "previous content");
	size_t before = entries_in(dir);
	for (int f = 0; f < FORMAT_COUNT; f++) {
		memset(&error, 0, sizeof error);
		OK(cispref_render_path(path, ref, all_formats[f], NULL, &error));
	}
	char *kept = read_whole_file(path, NULL);
	assert_string_not_equal(kept, "previous content");
	free(kept);
	assert_int_equal(entries_in(dir), before);

	/* an existing file is left alone when rendering fails before writing */
	snprintf(path, sizeof path, "%s/kept.html", dir);
	write_file(path, "previous content");
	static const char *const unknown[] = {"nope", NULL};
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	options.domains = unknown;
	assert_int_equal(cispref_render_path(path, ref, CISPREF_RENDER_HTML, &options, NULL),
	                 CISPREF_ENOTFOUND);
	kept = read_whole_file(path, NULL);
	assert_string_equal(kept, "previous content");
	free(kept);

	char command[4400];
	snprintf(command, sizeof command, "rm -rf '%s'", dir);
	assert_int_equal(system(command), 0);
	free(dir);
	cispref_referential_free(ref);
}

/* Every fixture that loads leniently (broken references, duplicate ids, empty lists...)
 * renders in every format, with every option, into documents that parse. */
static void test_hostile_referentials(void **state)
{
	(void)state;
	DIR *dir = opendir(FIXTURES_DIR);
	assert_non_null(dir);
	size_t rendered = 0;
	for (struct dirent *e; (e = readdir(dir)) != NULL;) {
		size_t len = strlen(e->d_name);
		if (len < 4 || strcmp(e->d_name + len - 4, ".xml") != 0)
			continue;
		cispref_referential *ref = NULL;
		cispref_load_options lenient = CISPREF_LOAD_OPTIONS_INIT;
		lenient.flags = CISPREF_LOAD_LENIENT;
		if (cispref_referential_load_file(&ref, fixture(e->d_name), &lenient, NULL) !=
		    CISPREF_OK)
			continue;
		for (int variant = 0; variant < 2; variant++) {
			cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
			options.summary = options.notes = options.index = variant == 0;
			options.inclusive = variant ? CISPREF_INCLUSIVE_NORMALIZED : CISPREF_INCLUSIVE_SOURCE;
			for (int f = 0; f < FORMAT_COUNT; f++) {
				size_t size;
				char *out = render(ref, all_formats[f], &options, &size);
				strlist got = {0};
				document_content(&got, all_formats[f], out, size);
				list_free(&got);
				cispref_buffer_free(out);
			}
		}
		rendered++;
		cispref_referential_free(ref);
	}
	closedir(dir);
	assert_true(rendered >= 10);
}

/* ---- (6) the command-line tool ------------------------------------------------------- */

/* The table of formats, as render.h documents it: names, extensions, media types (RFC 2854,
 * OpenDocument 1.3 part 1 annex C, RFC 7763). */
static void test_format_registry(void **state)
{
	(void)state;
	static const struct {
		cispref_render_format_t format;
		const char *name, *extension, *media_type;
	} expected[] = {
		{CISPREF_RENDER_HTML, "html", ".html", "text/html"},
		{CISPREF_RENDER_ODT, "odt", ".odt", "application/vnd.oasis.opendocument.text"},
		{CISPREF_RENDER_FODT, "fodt", ".fodt", "application/vnd.oasis.opendocument.text-flat-xml"},
		{CISPREF_RENDER_MARKDOWN, "md", ".md", "text/markdown"},
	};
	assert_int_equal(cispref_render_format_count(), 4);
	for (size_t i = 0; i < 4; i++) {
		cispref_render_format_t f = expected[i].format, back = (cispref_render_format_t)99;
		assert_int_equal(f, (cispref_render_format_t)i);
		assert_string_equal(cispref_render_format_name(f), expected[i].name);
		assert_string_equal(cispref_render_format_extension(f), expected[i].extension);
		assert_string_equal(cispref_render_format_media_type(f), expected[i].media_type);
		assert_true(strlen(cispref_render_format_description(f)) > 0);
		char path[64];
		snprintf(path, sizeof path, "out.dir/cahier%s", expected[i].extension);
		OK(cispref_render_format_from_path(&back, path));
		assert_int_equal(back, f);
	}
	cispref_render_format_t f = (cispref_render_format_t)99;
	OK(cispref_render_format_from_path(&f, "cahier.htm"));
	assert_int_equal(f, CISPREF_RENDER_HTML);
	static const char *const not_ours[] = {"cahier", "cahier.pdf", "dir.md/cahier",
	                                       "cahier.md.bak", "cahier.ÖDT", ""};
	for (size_t i = 0; i < sizeof not_ours / sizeof not_ours[0]; i++)
		assert_int_equal(cispref_render_format_from_path(&f, not_ours[i]), CISPREF_EARG);
	assert_int_equal(f, CISPREF_RENDER_HTML);
	/* ASCII letters in either case (render.h) */
	OK(cispref_render_format_from_path(&f, "CAHIER.ODT"));
	assert_int_equal(f, CISPREF_RENDER_ODT);
	OK(cispref_render_format_from_path(&f, "cahier.Htm"));
	assert_int_equal(f, CISPREF_RENDER_HTML);
	assert_null(cispref_render_format_extension((cispref_render_format_t)4));
	assert_null(cispref_render_format_media_type((cispref_render_format_t)4));
	assert_null(cispref_render_format_description((cispref_render_format_t)4));
}

static void test_cli(void **state)
{
	(void)state;
	run_dir = make_temp_dir();
	assert_non_null(run_dir);
	run r = run_cispref("render", "--help", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Usage: cispref render [--format FORMAT]"));
	/* The formats are listed from the library, each with its extension. */
	assert_non_null(strstr(r.out, "\n  html    one self-contained HTML5 file, ready to print (.html)\n"));
	assert_non_null(strstr(r.out, "\n  md      CommonMark: headings and bullet lists (.md)\n"));
	run_free(&r);

	r = run_cispref("--help", NULL);
	assert_non_null(strstr(r.out, "render"));
	run_free(&r);

	r = run_cispref("render", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no format"));
	run_free(&r);
	r = run_cispref("render", "--format", "pdf", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "a PDF is written to a file: give -o FILE.pdf"));
	run_free(&r);
	r = run_cispref("render", "-f", "md", "--inclusive", "maybe", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown inclusive style 'maybe' (source or normalized)"));
	assert_string_equal(r.out, "");
	run_free(&r);
	r = run_cispref("render", "-f", "md", "--inclusive", "source", "--domain", "com",
	                "--no-index", "--no-summary", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "suivi de la du stagiaire")); /* as printed */
	run_free(&r);
	r = run_cispref("render", "-f", "md", "extra", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("render", "-f", "md", "--domain", "nope", NULL);
	assert_int_equal(r.status, 2); /* a usage error, cispref(1) */
	assert_non_null(strstr(r.err, "no domain has the id 'nope'"));
	run_free(&r);

	r = run_cispref("render", "--format", "md", "--domain", "com", "--no-index", "--no-summary",
	            "--inclusive", "normalized", "--title", "Communication & co", NULL);
	assert_int_equal(r.status, 0);
	assert_true(starts_with(r.out, "# Communication \\& co\n"));
	/* a chapter: the front matter, which would place it under its 3.2.1, is left out */
	assert_null(strstr(r.out, "Les axes transversaux de la mission"));
	assert_non_null(strstr(r.out, "\n## Communication\n"));
	assert_null(strstr(r.out, "# Accompagnement"));
	assert_null(strstr(r.out, "Index des concepts"));
	assert_null(strstr(r.out, "Vue d'ensemble"));
	/* the source separates this pair by a space alone; it is normalised like the others */
	assert_non_null(strstr(r.out, "suivi de la" MIDDOT "du stagiaire"));
	assert_null(strstr(r.out, "suivi de la du stagiaire"));
	run_free(&r);

	r = run_cispref("render", "-f", "md", "--gfm-tables", "--domain", "com", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\n| Plan | Compétence |\n| --- | --- |\n"));
	assert_non_null(strstr(r.out, "\n| Savoir-faire | Savoir-faire comportementaux | Savoirs |\n"));
	run_free(&r);

	r = run_cispref("render", "-f", "html", "--no-title-page", "--no-contents", NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "id=\"title-page\""));
	assert_null(strstr(r.out, "id=\"contents\""));
	/* the summaries, at the front matter's overview blocks */
	assert_non_null(strstr(r.out, "id=\"section-fm.3.1.2\""));
	assert_non_null(strstr(r.out, "id=\"summary-psy\""));
	run_free(&r);

	r = run_cispref("render", "-f", "md", "--no-notes", "-i", DATA_DIR "/accompagnement-cisp.xml",
	            NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "[^"));
	run_free(&r);

	/* ODT to a file that is not a terminal is fine; the format follows -o's extension */
	r = run_cispref("render", "-f", "odt", NULL);
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "PK\x03\x04", 4) == 0);
	run_free(&r);
	char path[4200];
	snprintf(path, sizeof path, "%s/cahier.fodt", run_dir);
	r = run_cispref("render", "-o", path, NULL);
	assert_int_equal(r.status, 0);
	run_free(&r);
	char *fodt = read_whole_file(path, NULL);
	assert_non_null(strstr(fodt, "office:mimetype=\"application/vnd.oasis.opendocument.text\""));
	free(fodt);
	r = run_cispref("render", "-f", "html", "-o", run_dir, NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "is a directory"));
	run_free(&r);

	char command[4400];
	snprintf(command, sizeof command, "rm -rf '%s'", run_dir);
	assert_int_equal(system(command), 0);
	free(run_dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_every_format),
		cmocka_unit_test(test_special_characters),
		cmocka_unit_test(test_markdown_white_space),
		cmocka_unit_test(test_markdown_gfm_tables),
		cmocka_unit_test(test_figure_contours),
		cmocka_unit_test(test_unbreakable_pairs),
		cmocka_unit_test(test_small_tables_kept),
		cmocka_unit_test(test_print_typography),
		cmocka_unit_test(test_html_structure),
		cmocka_unit_test(test_odt_package),
		cmocka_unit_test(test_fodt_document),
		cmocka_unit_test(test_language_tags),
		cmocka_unit_test(test_domain_selection),
		cmocka_unit_test(test_no_summary_index_notes),
		cmocka_unit_test(test_title_page_and_contents),
		cmocka_unit_test(test_title),
		cmocka_unit_test(test_inclusive_normalisation),
		cmocka_unit_test(test_invalid_arguments),
		cmocka_unit_test(test_paths_and_streams),
		cmocka_unit_test(test_hostile_referentials),
		cmocka_unit_test(test_format_registry),
		cmocka_unit_test(test_cli),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
