/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Inline content as markup, `Le décret<note-ref note="n21"/> définit les <em>missions</em>`:
 * the form in which a rich text of the front matter is hashed (a translation's
 * source-hash), offered to translators (the msgid of its PO message) and read back (their
 * msgstr, a text set through the builder). doc/format.md, "Translations", defines it.
 *
 * The writer is by hand: the form is a definition the hashes depend on, which must not
 * move with libxml2's serialiser; it only has three characters to escape. The reader is
 * libxml2's, on the markup wrapped in an element of its own. */
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "private.h"

/* ---- writing -------------------------------------------------------------------------- */

static int add(xmlBufferPtr b, const char *s)
{
	return xmlBufferCat(b, (const xmlChar *)s) == 0 ? 0 : -1;
}

/* Text with &, < and > as entity references, and a carriage return as a character
 * reference (as XML's canonical writer keeps it through a reader's line-end handling). */
static int add_text(xmlBufferPtr b, const char *text)
{
	int rc = 0;
	for (const char *run = text; !rc;) {
		size_t n = strcspn(run, "&<>\r");
		if (n && xmlBufferAdd(b, (const xmlChar *)run, (int)n) != 0)
			return -1;
		switch (run[n]) {
		case '\0': return 0;
		case '&': rc = add(b, "&amp;"); break;
		case '<': rc = add(b, "&lt;"); break;
		case '>': rc = add(b, "&gt;"); break;
		default: rc = add(b, "&#13;"); break;
		}
		run += n + 1;
	}
	return rc;
}

static int add_runs(xmlBufferPtr b, const cispref_rich_text *rt)
{
	int rc = 0;
	for (size_t i = 0; !rc && i < rt->runs.count; i++) {
		const cispref_inline *run = rt->runs.items[i];
		const char *name = cispref_inline_kind_name(run->kind);
		switch (run->kind) {
		case CISPREF_INLINE_TEXT: rc = add_text(b, run->text); break;
		case CISPREF_INLINE_NOTE_REF:
			/* an id needs no escaping: [A-Za-z_][A-Za-z0-9._-]* */
			rc = add(b, "<note-ref note=\"") || add(b, run->text) || add(b, "\"/>");
			break;
		case CISPREF_INLINE_EMPHASIS:
		case CISPREF_INLINE_QUOTATION:
			rc = add(b, "<") || add(b, name) || add(b, ">") || add_runs(b, &run->children) ||
			     add(b, "</") || add(b, name) || add(b, ">");
			break;
		}
	}
	return rc;
}

char *cispref__rich_text_markup(const cispref_rich_text *rt)
{
	xmlBufferPtr b = cispref__buffer_new();
	if (!b)
		return NULL;
	char *out = NULL;
	if (add_runs(b, rt) == 0) {
		size_t n = (size_t)xmlBufferLength(b);
		if ((out = malloc(n + 1)) != NULL) {
			memcpy(out, xmlBufferContent(b), n);
			out[n] = '\0';
		}
	}
	xmlBufferFree(b);
	return out;
}

/* ---- note references ------------------------------------------------------------------ */

typedef struct ids {
	const char **at;
	size_t count, cap;
	int failed;
} ids;

static void collect(const cispref_inline *run, void *data)
{
	ids *l = data;
	if (l->failed)
		return;
	if (l->count == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 8;
		const char **grown = realloc(l->at, cap * sizeof *grown);
		if (!grown) {
			l->failed = 1;
			return;
		}
		l->at = grown;
		l->cap = cap;
	}
	l->at[l->count++] = run->text;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The first note (in byte order) that @a and @b (sorted) do not name as many times each,
 * with the two counts; NULL when there is none. */
static const char *first_difference(const ids *a, const ids *b, size_t *in_a, size_t *in_b)
{
	size_t i = 0, j = 0;
	while (i < a->count || j < b->count) {
		const char *id = i < a->count && (j >= b->count || strcmp(a->at[i], b->at[j]) <= 0)
		                         ? a->at[i]
		                         : b->at[j];
		size_t na = 0, nb = 0;
		for (; i < a->count && strcmp(a->at[i], id) == 0; i++)
			na++;
		for (; j < b->count && strcmp(b->at[j], id) == 0; j++)
			nb++;
		if (na != nb) {
			*in_a = na;
			*in_b = nb;
			return id;
		}
	}
	return NULL;
}

int cispref__note_refs_match(const cispref_rich_text *a, const cispref_rich_text *b, char *why,
                             size_t size)
{
	ids la = {0}, lb = {0};
	cispref__rich_text_note_refs(a, collect, &la);
	cispref__rich_text_note_refs(b, collect, &lb);
	int rc = la.failed || lb.failed ? -2 : 0;
	if (!rc) {
		/* qsort() may not be given the null pointer of an empty list, even for none */
		if (la.count)
			qsort(la.at, la.count, sizeof *la.at, by_text);
		if (lb.count)
			qsort(lb.at, lb.count, sizeof *lb.at, by_text);
		size_t in_a = 0, in_b = 0;
		const char *id = first_difference(&la, &lb, &in_a, &in_b);
		if (id) {
			snprintf(why, size,
			         "it refers to note '%.64s' %zu time(s), the source text %zu time(s): "
			         "a translation keeps the text's note-refs",
			         id, in_b, in_a);
			rc = -1;
		}
	}
	free(la.at);
	free(lb.at);
	return rc;
}

/* ---- reading -------------------------------------------------------------------------- */

/* Where a run is: at the top, inside an em, inside a q, or inside both (the format's
 * nesting: em and q hold each other once, and note-refs anywhere). */
typedef enum level { TOP, IN_EM, IN_Q, INNER } level;

typedef struct reader {
	cispref_referential *ref;
	char *why;
	size_t size;
	int rc;
} reader;

static int refuse(reader *r, const char *what, const char *name)
{
	snprintf(r->why, r->size, "%s '%.64s' is not allowed here: the markup of a translation "
	                          "is the source text's (em, q, note-ref)", what, name);
	r->rc = CISPREF_EFORMAT;
	return -1;
}

static int nomem(reader *r)
{
	r->rc = CISPREF_ENOMEM;
	return -1;
}

/* A text run, joined to the run before it when that is text too (text and CDATA side by
 * side), as the loader reads one run of text between two elements. */
static int text_run(reader *r, cispref_rich_text *rt, const char *text)
{
	cispref_inline *last = rt->runs.count ? rt->runs.items[rt->runs.count - 1] : NULL;
	if (!last || last->kind != CISPREF_INLINE_TEXT)
		return cispref__inline_create(r->ref, rt, CISPREF_INLINE_TEXT, text, strlen(text))
		               ? 0
		               : nomem(r);
	size_t a = strlen(last->text), b = strlen(text);
	char *joined = cispref__arena_alloc(r->ref->arena, a + b + 1);
	if (!joined)
		return nomem(r);
	memcpy(joined, last->text, a);
	memcpy(joined + a, text, b + 1);
	last->text = joined;
	return 0;
}

static int note_ref(reader *r, cispref_rich_text *rt, xmlNodePtr e)
{
	xmlAttrPtr a = e->properties;
	if (e->children)
		return refuse(r, "content in element", "note-ref");
	if (!a || a->next || a->ns || strcmp((const char *)a->name, "note") != 0)
		return refuse(r, "an attribute of element", a ? (const char *)a->name : "note-ref");
	xmlChar *id = xmlNodeGetContent((xmlNodePtr)a);
	if (!id)
		return nomem(r);
	int rc = 0;
	if (!cispref__id_is_valid((const char *)id))
		rc = refuse(r, "the note id", (const char *)id);
	else if (!cispref__inline_create(r->ref, rt, CISPREF_INLINE_NOTE_REF, (const char *)id,
	                                 strlen((const char *)id)))
		rc = nomem(r);
	xmlFree(id);
	return rc;
}

static int runs(reader *r, xmlNodePtr first, cispref_rich_text *rt, level where);

/* em or q at @where: the level inside it, or -1 when it may not be there. */
static int span_level(const char *name, level where)
{
	int em = strcmp(name, "em") == 0, q = strcmp(name, "q") == 0;
	if (em && (where == TOP || where == IN_Q))
		return where == TOP ? IN_EM : INNER;
	if (q && (where == TOP || where == IN_EM))
		return where == TOP ? IN_Q : INNER;
	return -1;
}

static int element(reader *r, xmlNodePtr e, cispref_rich_text *rt, level where)
{
	const char *name = (const char *)e->name;
	if (e->ns)
		return refuse(r, "the namespaced element", name);
	if (strcmp(name, "note-ref") == 0)
		return note_ref(r, rt, e);
	int inside = span_level(name, where);
	if (inside < 0)
		return refuse(r, "element", name);
	if (e->properties)
		return refuse(r, "an attribute of element", name);
	cispref_inline_kind_t kind = name[0] == 'e' ? CISPREF_INLINE_EMPHASIS : CISPREF_INLINE_QUOTATION;
	cispref_inline *run = cispref__inline_create(r->ref, rt, kind, NULL, 0);
	if (!run)
		return nomem(r);
	return runs(r, e->children, &run->children, (level)inside);
}

static int runs(reader *r, xmlNodePtr first, cispref_rich_text *rt, level where)
{
	for (xmlNodePtr n = first; n; n = n->next) {
		int rc;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			rc = text_run(r, rt, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE)
			rc = element(r, n, rt, where);
		else
			rc = refuse(r, "a node of type", n->type == XML_COMMENT_NODE ? "comment"
			                                 : n->type == XML_PI_NODE    ? "processing instruction"
			                                                             : "other");
		if (rc)
			return rc;
	}
	return 0;
}

/* libxml2's document of @markup inside <translation>...</translation>, or NULL with r->why and r->rc set. No
 * network, no DTD (none can come after the start of the wrapper), no entities but XML's
 * five and character references; libxml2's depth limit (256) without XML_PARSE_HUGE. */
static xmlDocPtr parse(reader *r, const char *markup)
{
	size_t n = strlen(markup);
	static const char open[] = "<translation>", close[] = "</translation>";
	size_t total = sizeof open - 1 + n + sizeof close - 1;
	char *wrapped = malloc(total + 1);
	if (!wrapped) {
		nomem(r);
		return NULL;
	}
	memcpy(wrapped, open, sizeof open - 1);
	memcpy(wrapped + sizeof open - 1, markup, n);
	memcpy(wrapped + sizeof open - 1 + n, close, sizeof close);
	xml_catch c;
	cispref__xml_catch_begin(&c);
	xmlDocPtr doc = xmlReadMemory(wrapped, (int)total, NULL, "UTF-8",
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	(void)cispref__xml_catch_end(&c, CISPREF_EFORMAT, NULL); /* only restores the handlers */
	free(wrapped);
	if (doc && c.errors) { /* a recoverable error, a namespace warning: refused as well */
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && c.nomem) {
		nomem(r);
	} else if (!doc) {
		size_t len = strlen(c.message);
		while (len && (c.message[len - 1] == '\n' || c.message[len - 1] == ' '))
			c.message[--len] = '\0';
		snprintf(r->why, r->size, "the markup is not well-formed: %s",
		         c.message[0] ? c.message : "libxml2 refused it");
		cispref__utf8_trim(r->why, strlen(r->why));
		r->rc = CISPREF_EFORMAT;
	}
	return doc;
}

int cispref__markup_parse(cispref_referential *ref, const char *markup,
                          const cispref_rich_text *source, cispref_rich_text **out, char *why,
                          size_t size)
{
	reader r = {ref, why, size, CISPREF_OK};
	if (strlen(markup) > CISPREF_MAX_TEXT_LENGTH) {
		snprintf(why, size, "the markup is longer than %d bytes", CISPREF_MAX_TEXT_LENGTH);
		return CISPREF_EFORMAT;
	}
	xmlDocPtr doc = parse(&r, markup);
	if (!doc)
		return r.rc;
	cispref_rich_text *rt = cispref__arena_alloc(ref->arena, sizeof *rt);
	if (!rt)
		nomem(&r);
	else if (runs(&r, xmlDocGetRootElement(doc)->children, rt, TOP) == 0 &&
	         cispref__rich_text_finish(ref, rt) != 0)
		nomem(&r);
	xmlFreeDoc(doc);
	if (r.rc == CISPREF_OK) {
		int match = cispref__note_refs_match(source, rt, why, size);
		r.rc = match == 0 ? CISPREF_OK : match == -1 ? CISPREF_EFORMAT : CISPREF_ENOMEM;
	}
	if (r.rc == CISPREF_OK)
		*out = rt;
	return r.rc;
}
