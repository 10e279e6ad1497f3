/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The gettext template (POT) of a referential's texts, for translators' tools (Poedit,
 * Weblate, msgmerge): one message per node that holds a text, its id as msgctxt, its
 * text as msgid, its place as an extracted comment (#.) and, when the node was read from
 * a file, a reference (#:) to its line (doc/translation.md).
 *
 * Written by hand rather than with libgettextpo: its writer, po_file_write(), writes only
 * to a named file, and every export here goes to memory first (output.c). The syntax is
 * small (GNU gettext manual, "The Format of PO Files"): strings in double quotes with C
 * escapes; msgfmt --check reads the result in the tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

typedef struct pot {
	xmlBufferPtr out;
	const cispref_referential *ref;
	int failed;
} pot;

static void put(pot *p, const char *text)
{
	if (!p->failed && xmlBufferCat(p->out, (const xmlChar *)text) != 0)
		p->failed = 1;
}

static void putf(pot *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(pot *p, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	put(p, line);
}

/* @text as a PO string: quoted, with backslash, quote, tab, line feed and carriage
 * return escaped (the texts hold no other control character: cispref__text_is_valid()
 * and the XML loader refuse them). */
static void quoted(pot *p, const char *text)
{
	put(p, "\"");
	for (const char *run = text; !p->failed;) {
		size_t n = strcspn(run, "\\\"\t\n\r");
		if (n && xmlBufferAdd(p->out, (const xmlChar *)run, (int)n) != 0)
			p->failed = 1;
		if (!run[n])
			break;
		char escape[3] = {'\\', 0, 0};
		switch (run[n]) {
		case '\t': escape[1] = 't'; break;
		case '\n': escape[1] = 'n'; break;
		case '\r': escape[1] = 'r'; break;
		default: escape[1] = run[n]; break;
		}
		put(p, escape);
		run += n + 1;
	}
	put(p, "\"\n");
}

/* Comments never hold a line break: the rest of a comment line would be read as PO. */
static void comment(pot *p, const char *prefix, const char *text)
{
	put(p, prefix);
	for (const char *run = text; !p->failed && *run;) {
		size_t n = strcspn(run, "\n\r");
		if (n && xmlBufferAdd(p->out, (const xmlChar *)run, (int)n) != 0)
			p->failed = 1;
		run += n;
		if (*run) {
			put(p, " ");
			run++;
		}
	}
	put(p, "\n");
}

/* Where the node is, for the translator: "savoir-faire of competence psy.ind.1". */
static void place(char *out, size_t size, const void *v)
{
	const node *n = v; /* the node types begin with it; cast from @v, which is not packed */
	switch (n->type) {
	case NODE_DOMAIN:
		snprintf(out, size, "title of domain %s", n->id);
		break;
	case NODE_SUMMARY_ENTRY: {
		const cispref_summary_entry *e = v;
		snprintf(out, size, "summary entry of domain %s (%s)", e->domain->node.id,
		         cispref_plan_kind_name(e->plan_kind));
		break;
	}
	case NODE_PLAN: {
		const cispref_plan *plan = v;
		snprintf(out, size, "title of plan %s (%s) of domain %s", n->id,
		         cispref_plan_kind_name(plan->kind), plan->domain->node.id);
		break;
	}
	case NODE_COMPETENCE:
		snprintf(out, size, "title of competence %s of plan %s", n->id,
		         ((const cispref_competence *)v)->plan->node.id);
		break;
	case NODE_ITEM: {
		const cispref_item *item = v;
		snprintf(out, size, "%s of competence %s", cispref_item_kind_name(item->node.kind),
		         item->competence->node.id);
		break;
	}
	case NODE_CONCEPT:
		snprintf(out, size, "label of a shared concept (%s)",
		         cispref_item_kind_name(((const cispref_concept *)v)->kind));
		break;
	case NODE_NOTE:
		snprintf(out, size, "note %s", ((const cispref_note *)v)->number);
		break;
	default:
		out[0] = '\0';
		break;
	}
	cispref__utf8_trim(out, strlen(out));
}

/* The reference (#:) to @line of the file the referential was read from, if any. */
static void reference(pot *p, uint32_t line)
{
	if (!p->ref->origin || !line)
		return;
	char at[64];
	snprintf(at, sizeof at, ":%lu", (unsigned long)line);
	/* a file name with a space would be read as two references: leave it out */
	if (!strpbrk(p->ref->origin, " \t\n\r")) {
		put(p, "#: ");
		put(p, p->ref->origin);
		put(p, at);
		put(p, "\n");
	}
}

static void message(const node *n, void *data)
{
	pot *p = data;
	const char *text = cispref__node_source_text(n);
	/* an empty text has nothing to translate; a second node of an id (a lenient load)
	 * would repeat a msgctxt, which no catalogue may hold */
	if (!text || !*text || cispref__find(p->ref, n->id) != n)
		return;
	char where[256];
	place(where, sizeof where, n);
	put(p, "\n");
	comment(p, "#. ", where);
	reference(p, n->line);
	put(p, "msgctxt ");
	quoted(p, n->id);
	put(p, "msgid ");
	quoted(p, text);
	put(p, "msgstr \"\"\n");
}

/* A text of the title or the front matter: msgctxt its address, "of part"; a rich
 * text's msgid is its markup (doc/format.md, "Translations"), which the translation
 * keeps, as po4a and itstool offer markup to translators. */
static void fm_message(const fm_text *t, void *data)
{
	pot *p = data;
	fm_text named;
	char why[192];
	/* a text whose address names another (a section's id held twice, in a lenient load)
	 * would repeat a msgctxt, which no catalogue may hold */
	if (cispref__fm_resolve(p->ref, t->of, t->part, &named, why, sizeof why) != 0 ||
	    named.slot != t->slot)
		return;
	char *markup = t->rich ? cispref__rich_text_markup(t->rich) : NULL;
	const char *text = t->rich ? markup : t->plain;
	if (t->rich && !markup)
		p->failed = 1;
	if (!text || !*text) {
		free(markup);
		return;
	}
	char where[256];
	if (!t->owner)
		snprintf(where, sizeof where, "title of the referential");
	else
		snprintf(where, sizeof where, "front matter: %s of %s %s", t->part,
		         t->owner->type == NODE_BLOCK && t->owner->id ? "block" : "section", t->of);
	cispref__utf8_trim(where, strlen(where));
	put(p, "\n");
	comment(p, "#. ", where);
	if (t->rich)
		put(p, "#. markup: keep <em>, <q> and <note-ref/> as in the msgid; & is &amp;, < is &lt;\n");
	reference(p, t->owner ? t->owner->line : 0);
	put(p, "msgctxt ");
	put(p, "\"");
	put(p, t->of); /* an id and a part: nothing to escape (no quote, backslash or break) */
	put(p, " ");
	put(p, t->part);
	put(p, "\"\n");
	put(p, "msgid ");
	quoted(p, text);
	put(p, "msgstr \"\"\n");
	free(markup);
}

static void header(pot *p, const cispref_referential *ref)
{
	comment(p, "# Translation template of: ", ref->title);
	putf(p, "# Referential %s, version %s; its texts are in \"%s\".\n", ref->id, ref->version,
	     ref->language);
	put(p, "# Translate it with any gettext tool, then: cispref translate REF.xml LL.po -o OUT.xml\n"
	       "#\n#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n");
	put(p, "\"Project-Id-Version: ");
	char project[256];
	snprintf(project, sizeof project, "%s %s", ref->id, ref->version);
	/* the id holds no quote; the version may */
	for (char *c = project; *c; c++)
		if (*c == '"' || *c == '\\' || (unsigned char)*c < 0x20)
			*c = '_';
	cispref__utf8_trim(project, strlen(project));
	put(p, project);
	put(p, "\\n\"\n"
	       "\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
	       "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"
	       "\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
	       "\"Language: \\n\"\n"
	       "\"MIME-Version: 1.0\\n\"\n"
	       "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	       "\"Content-Transfer-Encoding: 8bit\\n\"\n");
}

int cispref__po_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	pot p = {out, ref, 0};
	header(&p, ref);
	cispref__fm_texts(ref, fm_message, &p); /* in document order: they come first */
	cispref__text_nodes(ref, message, &p);
	if (p.failed) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}
