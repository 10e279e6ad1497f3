/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The changelog of a diff, for a publisher to print: in French, as the cahier is, one
 * section for the referential's metadata, one per domain (those of the new edition in
 * order, then those it dropped), one for the concepts and one for the notes; each change
 * one list item, the words deleted and inserted marked with <del> and <ins>. Markdown
 * and HTML are one walk over the diff with two sets of markup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_private.h"

typedef struct writer {
	xmlBufferPtr out;
	int html;
} writer;

static void raw(writer *w, const char *s)
{
	xmlBufferCCat(w->out, s);
}

/* Text of the referential: HTML escapes its specials; Markdown backslash-escapes the
 * characters that could open markup, and writes line breaks as spaces (a list item is
 * one paragraph). */
static void put_n(writer *w, const char *s, size_t n)
{
	for (const char *p = s; p < s + n; p++) {
		const char *escape = NULL;
		char md[3] = {'\\', *p, '\0'};
		if (w->html)
			escape = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;"
			         : *p == '"' ? "&quot;" : NULL;
		else if (*p == '\n' || *p == '\r')
			escape = " ";
		else if (strchr("\\`*_[]<>|&~#!", *p))
			escape = md;
		if (escape)
			raw(w, escape);
		else
			xmlBufferAdd(w->out, (const xmlChar *)p, 1);
	}
}

static void put(writer *w, const char *s)
{
	put_n(w, s ? s : "", s ? strlen(s) : 0);
}

/* An id (letters, digits, '.', '_', '-': nothing to escape in either). */
static void code(writer *w, const char *id)
{
	raw(w, w->html ? "<code>" : "`");
	put(w, id);
	raw(w, w->html ? "</code>" : "`");
}

static void heading(writer *w, int level, const char *text, const char *id)
{
	char open[8];
	if (w->html)
		snprintf(open, sizeof open, "<h%d>", level);
	else
		snprintf(open, sizeof open, "%.*s ", level, "######");
	raw(w, open);
	put(w, text);
	if (id) {
		raw(w, " (");
		code(w, id);
		raw(w, ")");
	}
	if (w->html)
		snprintf(open, sizeof open, "</h%d>", level);
	raw(w, w->html ? open : "");
	raw(w, "\n\n");
}

static const char *node_label(const cispref_change *c)
{
	static const char *const items[] = {"savoir-faire", "savoir-faire comportemental",
	                                    "savoir"};
	static const char *const types[] = {"", "domaine", "entrée du sommaire", "plan",
	                                    "compétence", "élément", "concept", "note"};
	if (c->item_kind >= 0 && c->item_kind < CISPREF_ITEM_KIND_COUNT)
		return items[c->item_kind];
	return (unsigned)c->type < sizeof types / sizeof types[0] ? types[c->type] : "";
}

static const char *field_label(const char *field)
{
	static const char *const names[][2] = {
		{"id", "identifiant"}, {"title", "titre"}, {"version", "version"},
		{"language", "langue"}, {"uuid", "UUID"}, {"base-uri", "URI de base"},
		{"source.publisher", "éditeur"}, {"source.series", "collection"},
		{"source.number", "numéro"}, {"source.date", "date"},
		{"source.approval", "validation"}, {"text", "texte"}, {"label", "libellé"},
		{"number", "numéro"}, {"kind", "type"}, {"concept", "concept"},
		{"competence", "compétence"}, {"notes", "notes"}, {"heading", "titre"},
		{"content", "contenu"}, {"markup", "balisage"}, {"translations", "traductions"},
		{"title.translations", "traductions du titre"}};
	for (size_t i = 0; field && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(field, names[i][0]) == 0)
			return names[i][1];
	return field ? field : "";
}

/* A front-matter section added, removed or moved is, for the reader, what a node added,
 * removed or moved is: the change kind the changelog heads it with (and counts it as);
 * the change's own kind otherwise. */
static cispref_change_kind_t reader_kind(const cispref_change *c)
{
	static const struct {
		const char *field;
		cispref_change_kind_t kind;
	} fields[] = {{"added", CISPREF_CHANGE_ADDED}, {"removed", CISPREF_CHANGE_REMOVED},
	              {"parent", CISPREF_CHANGE_MOVED}, {"position", CISPREF_CHANGE_MOVED}};
	if (c->kind != CISPREF_CHANGE_FRONT_MATTER || !c->field)
		return c->kind;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(c->field, fields[i].field) == 0)
			return fields[i].kind;
	return c->kind;
}

static const char *kind_label(const cispref_change *c)
{
	static const char *const labels[DIFF_CHANGE_KINDS] = {
		"Modifié", "Ajouté", "Probablement renommé", "Déplacé", "Type modifié",
		"Texte modifié", "Concept modifié", "Renvoi modifié", "Notes modifiées",
		"Déprécié", "Supprimé", "Section modifiée"};
	return labels[reader_kind(c)];
}

/* A segment; a long run of words kept of a front-matter change (a section's text) is
 * shown by its ends around an ellipsis. */
static void elided(writer *w, const cispref_change *c, size_t i)
{
	const char *s = c->segments[i].text, *tail = NULL;
	size_t head = 0;
	if (c->kind != CISPREF_CHANGE_FRONT_MATTER || c->segments[i].type != CISPREF_SEGMENT_SAME ||
	    !cispref__diff_elide(s, i == 0, i + 1 == c->segment_count, &head, &tail)) {
		put(w, s);
		return;
	}
	put_n(w, s, head);
	raw(w, head ? " …" : "…");
	if (tail) {
		raw(w, " ");
		put(w, tail);
	}
}

/* The word diff: words kept as they are, deleted ones in <del>, inserted ones in <ins>
 * (CommonMark passes both tags through; HTML shows them struck out and underlined). */
static void words(writer *w, const cispref_change *c)
{
	static const char *const open[] = {"", "<del>", "<ins>"};
	static const char *const close[] = {"", "</del>", "</ins>"};
	for (size_t i = 0; i < c->segment_count; i++) {
		raw(w, i ? " " : "");
		raw(w, open[c->segments[i].type]);
		elided(w, c, i);
		raw(w, close[c->segments[i].type]);
	}
}

/* A value that is an id, or a list of ids; "aucun" for none. */
static void ids(writer *w, const char *value)
{
	if (value && *value)
		code(w, value);
	else
		put(w, "aucun");
}

static void rank(writer *w, const char *value)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%llu", strtoull(value ? value : "0", NULL, 10) + 1);
	raw(w, buf);
}

static void moved(writer *w, const cispref_change *c)
{
	if (strcmp(c->field, "position") == 0) {
		raw(w, " : du rang ");
		rank(w, c->old_value);
		raw(w, " au rang ");
		rank(w, c->new_value);
		return;
	}
	raw(w, " : de ");
	ids(w, c->old_value);
	raw(w, " vers ");
	ids(w, c->new_value);
}

/* An edition link: NULL not deprecated, "" deprecated alone, else the replacement. */
static void link_state(writer *w, const char *value)
{
	if (!value) {
		put(w, "en vigueur");
	} else if (!*value) {
		put(w, "déprécié");
	} else {
		put(w, "déprécié, remplacé par ");
		code(w, value);
	}
}

static void deprecated(writer *w, const cispref_change *c)
{
	raw(w, " : ");
	link_state(w, c->old_value);
	raw(w, " → ");
	link_state(w, c->new_value);
}

static void details(writer *w, const cispref_change *c)
{
	char buf[64];
	switch (c->kind) {
	case CISPREF_CHANGE_ADDED:
	case CISPREF_CHANGE_REMOVED:
		raw(w, " : ");
		put(w, c->kind == CISPREF_CHANGE_ADDED ? c->new_value : c->old_value);
		return;
	case CISPREF_CHANGE_RENAMED:
		raw(w, " → ");
		code(w, c->new_id);
		snprintf(buf, sizeof buf, " (similarité %.2f)", c->similarity);
		*strchr(buf, '.') = ','; /* a French decimal comma */
		put(w, buf);
		return;
	case CISPREF_CHANGE_MOVED:
		moved(w, c);
		return;
	case CISPREF_CHANGE_TEXT:
		raw(w, ", ");
		put(w, field_label(c->field));
		raw(w, " : ");
		words(w, c);
		return;
	case CISPREF_CHANGE_DEPRECATED:
		deprecated(w, c);
		return;
	case CISPREF_CHANGE_KIND:
		raw(w, " : ");
		put(w, c->old_value);
		raw(w, " → ");
		put(w, c->new_value);
		return;
	default:
		raw(w, " : ");
		ids(w, c->old_value);
		raw(w, " → ");
		ids(w, c->new_value);
	}
}

/* A change of the front matter: its section and what changed in it; a section added,
 * removed or moved reads as a node does, its heading saying which (kind_label()). */
static void front_matter(writer *w, const cispref_change *c)
{
	if (strcmp(c->field, "front-matter") == 0) {
		put(w, "sections : ");
		put(w, c->old_value ? c->old_value : "aucune");
		raw(w, " → ");
		put(w, c->new_value ? c->new_value : "aucune");
		return;
	}
	put(w, "section ");
	code(w, c->old_id ? c->old_id : c->new_id);
	switch (reader_kind(c)) {
	case CISPREF_CHANGE_ADDED:
	case CISPREF_CHANGE_REMOVED:
		raw(w, " : ");
		put(w, c->old_value ? c->old_value : c->new_value);
		return;
	case CISPREF_CHANGE_MOVED:
		moved(w, c);
		return;
	default:
		break;
	}
	raw(w, ", ");
	put(w, field_label(c->field));
	raw(w, " : ");
	words(w, c);
}

static void metadata(writer *w, const cispref_change *c)
{
	put(w, field_label(c->field));
	raw(w, " : ");
	put(w, c->old_value ? c->old_value : "(aucun)");
	raw(w, " → ");
	put(w, c->new_value ? c->new_value : "(aucun)");
}

static void change(writer *w, const cispref_change *c)
{
	raw(w, w->html ? "<li><strong>" : "- **");
	put(w, kind_label(c));
	raw(w, w->html ? "</strong> — " : "** — ");
	if (c->kind == CISPREF_CHANGE_METADATA) {
		metadata(w, c);
	} else if (c->kind == CISPREF_CHANGE_FRONT_MATTER) {
		front_matter(w, c);
	} else {
		put(w, node_label(c));
		raw(w, " ");
		code(w, c->old_id ? c->old_id : c->new_id);
		details(w, c);
	}
	raw(w, w->html ? "</li>\n" : "\n");
}

/* Which section a change belongs to. */
enum { SECTION_METADATA, SECTION_FRONT_MATTER, SECTION_DOMAIN, SECTION_CONCEPTS, SECTION_NOTES };

static int section_of(const cispref_change *c)
{
	if (c->kind == CISPREF_CHANGE_METADATA)
		return SECTION_METADATA;
	if (c->kind == CISPREF_CHANGE_FRONT_MATTER)
		return SECTION_FRONT_MATTER;
	if (c->type == CISPREF_NODE_CONCEPT)
		return SECTION_CONCEPTS;
	if (c->type == CISPREF_NODE_NOTE)
		return SECTION_NOTES;
	return SECTION_DOMAIN;
}

static int in_section(const cispref_change *c, int section, const char *domain_id)
{
	return section_of(c) == section &&
	       (section != SECTION_DOMAIN || (c->domain_id && strcmp(c->domain_id, domain_id) == 0));
}

/* One section, when it has changes. */
static void section(writer *w, const cispref_diff *diff, int which, const char *domain_id,
                    const char *title)
{
	size_t n = 0;
	for (size_t i = 0; i < diff->changes.count; i++)
		n += in_section(diff->changes.items[i], which, domain_id);
	if (!n)
		return;
	heading(w, 2, title, domain_id);
	raw(w, w->html ? "<ul>\n" : "");
	for (size_t i = 0; i < diff->changes.count; i++)
		if (in_section(diff->changes.items[i], which, domain_id))
			change(w, diff->changes.items[i]);
	raw(w, w->html ? "</ul>\n\n" : "\n");
}

/* The changes a reader counts as additions (or removals): the nodes' and the
 * front-matter sections'. */
static size_t count_reader_kind(const cispref_diff *diff, cispref_change_kind_t kind)
{
	size_t n = 0;
	for (size_t i = 0; i < diff->changes.count; i++)
		n += reader_kind(diff->changes.items[i]) == kind;
	return n;
}

static void summary(writer *w, const cispref_diff *diff)
{
	char buf[256];
	size_t added = count_reader_kind(diff, CISPREF_CHANGE_ADDED);
	size_t removed = count_reader_kind(diff, CISPREF_CHANGE_REMOVED);
	raw(w, w->html ? "<p>" : "");
	put(w, "Édition ");
	put(w, diff->old.version);
	put(w, " → édition ");
	put(w, diff->new.version);
	if (diff->changes.count == 0) {
		put(w, " : aucune modification.");
	} else {
		snprintf(buf, sizeof buf, " : %zu modification%s (%zu ajout%s, %zu suppression%s).",
		         diff->changes.count, diff->changes.count > 1 ? "s" : "",
		         added, added > 1 ? "s" : "", removed, removed > 1 ? "s" : "");
		put(w, buf);
	}
	raw(w, w->html ? "</p>\n\n" : "\n\n");
}

static void body(writer *w, const cispref_diff *diff)
{
	raw(w, w->html ? "<h1>" : "# ");
	put(w, "Modifications du référentiel « ");
	put(w, diff->new.title);
	put(w, " »");
	raw(w, w->html ? "</h1>\n\n" : "\n\n");
	summary(w, diff);
	section(w, diff, SECTION_METADATA, NULL, "Référentiel");
	section(w, diff, SECTION_FRONT_MATTER, NULL, "Texte de présentation");
	for (size_t d = 0; d < diff->domains.count; d++) {
		const diff_domain *domain = diff->domains.items[d];
		section(w, diff, SECTION_DOMAIN, domain->id, domain->title);
	}
	section(w, diff, SECTION_CONCEPTS, NULL, "Concepts");
	section(w, diff, SECTION_NOTES, NULL, "Notes");
}

int cispref__diff_markdown(xmlBufferPtr out, const cispref_diff *diff)
{
	writer w = {out, 0};
	body(&w, diff);
	return CISPREF_OK;
}

/* An A4 page; insertions underlined in green and deletions struck out in red, which
 * also print distinctly in grey. */
static const char stylesheet[] =
	"@page { size: A4; margin: 2cm; }\n"
	"body { font-family: serif; font-size: 11pt; line-height: 1.4; }\n"
	"h1 { font-size: 18pt; } h2 { font-size: 14pt; break-after: avoid; }\n"
	"li { margin-bottom: 0.3em; break-inside: avoid; }\n"
	"ins { color: #0a5d00; text-decoration: underline; }\n"
	"del { color: #a00000; text-decoration: line-through; }\n"
	"code { font-size: 0.9em; }\n";

int cispref__diff_html(xmlBufferPtr out, const cispref_diff *diff)
{
	writer w = {out, 1};
	raw(&w, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	put(&w, "Modifications du référentiel « ");
	put(&w, diff->new.title);
	put(&w, " »");
	raw(&w, "</title>\n<style>\n");
	raw(&w, stylesheet);
	raw(&w, "</style>\n</head>\n<body>\n");
	body(&w, diff);
	raw(&w, "</body>\n</html>\n");
	return CISPREF_OK;
}
