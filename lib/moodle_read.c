/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The Moodle framework importer: the table of rows (moodle_csv.c) becomes a tree the way
 * tool_lpimportcsv builds it (parents matched by ID number whatever the order, one
 * framework row), except that every row Moodle would drop is reported, then the tree
 * becomes a referential: by cispref's ID-number convention when the whole file follows
 * it (a file cispref wrote), else by the depth mapping (doc/interchange.md). The result
 * goes through the validator, whose findings carry the CSV lines of the nodes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>

#include "depth_map.h"
#include "import_tree.h"
#include "identity.h"
#include "langtag.h"
#include "moodle_private.h"

/* What a row becomes. */
typedef enum role {
	/* the roles of the depth mapping first, with its values */
	ROLE_DOMAIN = DEPTH_DOMAIN, ROLE_PLAN = DEPTH_PLAN, ROLE_COMPETENCE = DEPTH_COMPETENCE,
	ROLE_ITEM = DEPTH_ITEM, ROLE_CONCEPTS, ROLE_CONCEPT, ROLE_NOTES, ROLE_NOTE
} role;

typedef struct entry {
	tree_node t;           /* first: the tree's walks see an entry as its tree_node;
	                        * children in file order */
	moodle_row *row;
	const char *key;       /* the ID number */
	/* cispref's convention, when the row follows it */
	role role;
	int kind;
	const char *id;
	const char *number;    /* a note's */
} entry;

typedef struct importer {
	arena *a;              /* the table's */
	const cispref_moodle_options *o;
	const char *name;
	cispref_diagnostics *diags;
	strmap entries;        /* ID number -> entry */
	vec roots;
	moodle_row *framework;
	cispref_referential *ref;
	depth_map depths;
	size_t notes_made;
	const char *uuid;      /* the framework description's identity lines, or NULL */
	const char *base_uri;
	int failed;            /* out of memory */
} importer;

static const char *entry_key(const void *e)
{
	return ((const entry *)e)->key;
}

/* A finding of the import, with the line of the CSV it is about. */
__attribute__((format(printf, 6, 7)))
static void diag(importer *im, cispref_severity_t severity, const char *tag,
                 unsigned long line, const char *node_id, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	im->failed |= cispref__diagnostics_addv(im->diags, severity, tag, im->name, line,
	                                        node_id, fmt, ap) != 0;
	va_end(ap);
}

#define DROPPED CISPREF_SEVERITY_ERROR

/* Moodle's test of the "Is framework" cell is PHP's truth: neither "" nor "0". */
static int is_framework(const moodle_row *row)
{
	const char *v = row->cells[COL_IS_FRAMEWORK];
	return *v && strcmp(v, "0") != 0;
}

/* ---- the tree ------------------------------------------------------------------- */

static void index_rows(importer *im, const vec *rows)
{
	for (size_t i = 0; i < rows->count && !im->failed; i++) {
		moodle_row *row = rows->items[i];
		if (is_framework(row)) {
			if (im->framework)
				diag(im, DROPPED, "moodle-framework-duplicate", im->framework->line, NULL,
				     "another framework row follows on line %lu; Moodle keeps the last "
				     "one only", row->line);
			im->framework = row;
			continue;
		}
		if (!*row->cells[COL_IDNUMBER]) {
			diag(im, DROPPED, "moodle-idnumber-empty", row->line, NULL,
			     "row '%s' has no ID number: Moodle drops it", row->cells[COL_SHORTNAME]);
			continue;
		}
		entry *e = cispref__arena_alloc(im->a, sizeof *e);
		if (!e) {
			im->failed = 1;
			return;
		}
		e->row = row;
		e->key = row->cells[COL_IDNUMBER];
		int added = cispref__strmap_add(&im->entries, e);
		if (added < 0)
			im->failed = 1;
		else if (added > 0)
			diag(im, DROPPED, "moodle-idnumber-duplicate", row->line, NULL,
			     "ID number '%s' is already used on line %lu: this row is dropped", e->key,
			     ((entry *)cispref__strmap_find(&im->entries, e->key))->row->line);
	}
}

/* Link every entry to its parent, in file order (rows are visited in file order). */
static void link_rows(importer *im, const vec *rows)
{
	for (size_t i = 0; i < rows->count && !im->failed; i++) {
		moodle_row *row = rows->items[i];
		entry *e = *row->cells[COL_IDNUMBER] ? cispref__strmap_find(&im->entries,
		                                                            row->cells[COL_IDNUMBER])
		                                      : NULL;
		if (!e || e->row != row)
			continue;
		const char *parent = row->cells[COL_PARENT];
		if (!*parent) {
			im->failed |= cispref__vec_push(im->a, &im->roots, e) != 0;
			continue;
		}
		entry *above = cispref__strmap_find(&im->entries, parent);
		e->t.parent = above ? &above->t : NULL;
		if (above)
			im->failed |= cispref__vec_push(im->a, &above->t.children, e) != 0;
		else
			diag(im, DROPPED, "moodle-parent-unknown", row->line, NULL,
			     "row '%s' names the parent '%s', which no row has as ID number: Moodle "
			     "drops it", e->key, parent);
	}
}

/* An entry not reached sits in a cycle of parents, or under one, or under a row that was
 * dropped: the climb from it (cispref__tree_climb()) finds which. Each entry is climbed
 * once. */
static void report_unreached(importer *im, entry *start)
{
	vec path = {0};
	tree_node *cycle;
	if (cispref__tree_climb(im->a, &start->t, &path, &cycle) != 0) {
		im->failed = 1;
		return;
	}
	int in_cycle = 0; /* the path runs up from @start: the cycle is its end */
	for (size_t i = 0; i < path.count; i++) {
		entry *p = path.items[i], *parent = (entry *)p->t.parent;
		in_cycle |= &p->t == cycle;
		if (in_cycle)
			diag(im, DROPPED, "moodle-parent-cycle", p->row->line, NULL,
			     "row '%s' is in a cycle of parents: Moodle drops it", p->key);
		else if (parent)
			diag(im, DROPPED, "moodle-ancestor-dropped", p->row->line, NULL,
			     "row '%s' is under row '%s', which is dropped: Moodle drops it too",
			     p->key, parent->key);
	}
	for (size_t i = 0; i < path.count; i++)
		((entry *)path.items[i])->t.state = 2;
}

static void report_all_unreached(importer *im, const vec *rows)
{
	for (size_t i = 0; i < rows->count && !im->failed; i++) {
		moodle_row *row = rows->items[i];
		entry *e = *row->cells[COL_IDNUMBER]
		               ? cispref__strmap_find(&im->entries, row->cells[COL_IDNUMBER])
		               : NULL;
		if (e && e->row == row && e->t.state == 0)
			report_unreached(im, e);
	}
}

/* ---- texts ---------------------------------------------------------------------- */

/* Collapse runs of white space into one space and trim, in place. */
static char *squeeze(char *s)
{
	char *w = s;
	int space = 1;
	for (char *r = s; *r; r++) {
		int is_space = *r == ' ' || *r == '\t' || *r == '\n' || *r == '\r';
		if (is_space && !space)
			*w++ = ' ';
		else if (!is_space)
			*w++ = *r;
		space = is_space;
	}
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	return s;
}

static void html_text(xmlBufferPtr out, xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content)
			xmlBufferCat(out, n->content);
		else if (n->type == XML_ELEMENT_NODE) {
			xmlBufferCCat(out, " ");
			html_text(out, n->children);
			xmlBufferCCat(out, " ");
		}
	}
}

/* The text of an HTML description (libxml2's HTML parser), white space squeezed. */
static char *text_from_html(importer *im, const char *html)
{
	xml_catch c;
	cispref__xml_catch_begin(&c);
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	                                HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                HTML_PARSE_NONET);
	xmlBufferPtr buf = cispref__buffer_new();
	if (doc && buf)
		html_text(buf, xmlDocGetRootElement(doc));
	char *text = buf ? cispref__arena_strdup(im->a, (const char *)xmlBufferContent(buf))
	                 : NULL;
	xmlBufferFree(buf);
	xmlFreeDoc(doc);
	(void)cispref__xml_catch_end(&c, CISPREF_OK, NULL);
	if (!text)
		im->failed = 1;
	return text ? squeeze(text) : NULL;
}

/* A foreign row's description as plain text: HTML (format 1) converted, other formats
 * as written, white space squeezed. */
static const char *description_text(importer *im, const moodle_row *row)
{
	const char *d = row->cells[COL_DESCRIPTION];
	if (!*d)
		return "";
	if (strcmp(row->cells[COL_FORMAT], MOODLE_FORMAT_HTML) == 0)
		return text_from_html(im, d);
	char *copy = cispref__arena_strdup(im->a, d);
	if (!copy)
		im->failed = 1;
	return copy ? squeeze(copy) : "";
}

/* Whether @name is a short name cut at 100 characters (by Moodle, which may end it with
 * "...", or by cispref, with an ellipsis) and @full the whole text it starts. A short name
 * well under 100 characters is whole: a description that starts with it says more. */
static int extends(const char *full, const char *name)
{
	size_t n = strlen(name);
	int ellipsis = 0;
	if (n >= 3 && (strcmp(name + n - 3, "...") == 0 ||
	               strcmp(name + n - 3, "\xe2\x80\xa6") == 0)) {
		n -= 3;
		ellipsis = 1;
	}
	if (!ellipsis && cispref__moodle_length(name) < 90)
		return 0;
	while (n > 0 && name[n - 1] == ' ')
		n--;
	return strlen(full) > n && strncmp(full, name, n) == 0;
}

/* ---- cispref's convention ------------------------------------------------------- */

static int kind_value(const char *name, size_t n, role r)
{
	char word[64];
	if (n >= sizeof word)
		return -1;
	memcpy(word, name, n);
	word[n] = '\0';
	cispref_domain_kind_t domain;
	cispref_plan_kind_t plan;
	cispref_item_kind_t item;
	if (r == ROLE_DOMAIN)
		return cispref_domain_kind_from_name(&domain, word) ? -1 : (int)domain;
	if (r == ROLE_PLAN)
		return cispref_plan_kind_from_name(&plan, word) ? -1 : (int)plan;
	return cispref_item_kind_from_name(&item, word) ? -1 : (int)item;
}

/* Read @e's ID number by the convention: 0 when it follows it. */
static int parse_convention(importer *im, entry *e)
{
	const char *key = e->key, *colon = strchr(key, ':');
	if (strcmp(key, MOODLE_CONCEPTS_BRANCH) == 0 || strcmp(key, MOODLE_NOTES_BRANCH) == 0) {
		e->role = strcmp(key, MOODLE_NOTES_BRANCH) == 0 ? ROLE_NOTES : ROLE_CONCEPTS;
		return 0;
	}
	if (!colon) {
		e->role = ROLE_COMPETENCE;
		e->id = key;
		return cispref__id_is_valid(key) ? 0 : -1;
	}
	const char *last = strrchr(key, ':');
	e->id = last + 1;
	if (!cispref__id_is_valid(e->id))
		return -1;
	size_t n = (size_t)(colon - key);
	int two = last > colon; /* "note:NUMBER:ID" and "concept:KIND:ID" have two colons */
	if (n == 4 && strncmp(key, "note", 4) == 0) {
		e->role = ROLE_NOTE;
		if (!two)
			return -1;
		e->number = cispref__arena_strndup(im->a, colon + 1, (size_t)(last - colon - 1));
		im->failed |= !e->number;
		return 0;
	}
	if (n == 7 && strncmp(key, "concept", 7) == 0) {
		if (!two)
			return -1;
		e->role = ROLE_CONCEPT;
		e->kind = kind_value(colon + 1, (size_t)(last - colon - 1), ROLE_ITEM);
		return e->kind < 0 ? -1 : 0;
	}
	if (colon != last)
		return -1;
	static const role roles[] = {ROLE_DOMAIN, ROLE_PLAN, ROLE_ITEM};
	for (size_t r = 0; r < 3; r++)
		if ((e->kind = kind_value(key, n, roles[r])) >= 0) {
			e->role = roles[r];
			return 0;
		}
	return -1;
}

/* The role a convention row's parent must have. */
static int parent_fits(const entry *e)
{
	static const int parent_role[] = {
		[ROLE_DOMAIN] = -1, [ROLE_PLAN] = ROLE_DOMAIN, [ROLE_COMPETENCE] = ROLE_PLAN,
		[ROLE_ITEM] = ROLE_COMPETENCE, [ROLE_CONCEPTS] = -1, [ROLE_CONCEPT] = ROLE_CONCEPTS,
		[ROLE_NOTES] = -1, [ROLE_NOTE] = ROLE_NOTES};
	int want = parent_role[e->role];
	const entry *parent = (const entry *)e->t.parent;
	return want < 0 ? !parent : parent && (int)parent->role == want;
}

/* Whether every row kept follows cispref's convention, and the framework's ID number is
 * ID@VERSION. */
static int follows_convention(importer *im, const vec *rows)
{
	const char *at = strchr(im->framework->cells[COL_IDNUMBER], '@');
	char id[256];
	size_t n = at ? (size_t)(at - im->framework->cells[COL_IDNUMBER]) : 0;
	if ((im->o->flags & CISPREF_MOODLE_FOREIGN) || !at || n >= sizeof id)
		return 0;
	memcpy(id, im->framework->cells[COL_IDNUMBER], n);
	id[n] = '\0';
	if (!cispref__id_is_valid(id))
		return 0;
	for (size_t i = 0; i < rows->count; i++) {
		moodle_row *row = rows->items[i];
		entry *e = *row->cells[COL_IDNUMBER]
		               ? cispref__strmap_find(&im->entries, row->cells[COL_IDNUMBER])
		               : NULL;
		if (e && e->row == row && parse_convention(im, e) != 0)
			return 0;
	}
	for (size_t i = 0; i < rows->count; i++) {
		moodle_row *row = rows->items[i];
		entry *e = *row->cells[COL_IDNUMBER]
		               ? cispref__strmap_find(&im->entries, row->cells[COL_IDNUMBER])
		               : NULL;
		if (e && e->row == row && e->t.reached && !parent_fits(e))
			return 0;
	}
	return 1;
}

/* ---- building the referential --------------------------------------------------- */

static char *copy(importer *im, const char *s)
{
	char *c = cispref__arena_strdup(im->ref->arena, s ? s : "");
	im->failed |= !c;
	return c;
}

/* The framework description cispref writes: the title, then "field: value" lines. */
static void read_metadata(importer *im, const char *description)
{
	cispref_referential *ref = im->ref;
	char *text = cispref__arena_strdup(im->a, description);
	if (!text) {
		im->failed = 1;
		return;
	}
	const char **target = &ref->title;
	xmlBufferPtr value = cispref__buffer_new();
	for (char *line = text, *next; line && value; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		const char **field = NULL;
		size_t n = strcspn(line, ":");
		if (strncmp(line + n, ": ", 2) == 0) {
			line[n] = '\0';
			if (strcmp(line, MOODLE_LANGUAGE_FIELD) == 0)
				field = &ref->language;
			else if (strcmp(line, MOODLE_UUID_FIELD) == 0)
				field = &im->uuid;
			else if (strcmp(line, MOODLE_BASE_URI_FIELD) == 0)
				field = &im->base_uri;
			for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
				if (strcmp(line, cispref_source_field_name((cispref_source_field_t)f)) == 0)
					field = &ref->source[f];
			if (!field)
				line[n] = ':';
		}
		if (field || line == text) {
			if (line != text)
				*target = copy(im, (const char *)xmlBufferContent(value));
			xmlBufferEmpty(value);
			target = field ? field : target;
			line = field ? line + n + 2 : line;
		} else {
			xmlBufferCCat(value, "\n");
		}
		xmlBufferCCat(value, line);
	}
	if (value)
		*target = copy(im, (const char *)xmlBufferContent(value));
	im->failed |= !value;
	xmlBufferFree(value);
}

static void convention_framework(importer *im)
{
	const moodle_row *fw = im->framework;
	const char *idnumber = fw->cells[COL_IDNUMBER], *at = strchr(idnumber, '@');
	cispref_referential *ref = im->ref;
	ref->id = cispref__arena_strndup(ref->arena, idnumber, (size_t)(at - idnumber));
	ref->version = copy(im, at + 1);
	im->failed |= !ref->id;
	if (*fw->cells[COL_DESCRIPTION])
		read_metadata(im, fw->cells[COL_DESCRIPTION]);
	else
		ref->title = copy(im, fw->cells[COL_SHORTNAME]);
	/* The file may have been edited: a language that is no BCP 47 tag would go into
	 * xml:lang as it is. */
	if (ref->language && *ref->language && cispref__langtag_parse(&(langtag){0},
	                                                             ref->language) != 0) {
		diag(im, CISPREF_SEVERITY_WARNING, "moodle-language-invalid", fw->line, NULL,
		     "the language '%s' is not a BCP 47 tag: 'und' (undetermined) instead",
		     ref->language);
		ref->language = copy(im, "und");
	}
}

static void set_line(node *n, const entry *e)
{
	n->line = (uint32_t)(e->row->line > UINT32_MAX ? UINT32_MAX : e->row->line);
}

/* The first ID number of a cross-reference list, from its last ':' (the id). */
static void link_references(importer *im, entry *e, void *made)
{
	char *list = cispref__arena_strdup(im->a, e->row->cells[COL_RELATED]);
	im->failed |= !list;
	for (char *save = NULL, *ref = list ? strtok_r(list, ",", &save) : NULL; ref;
	     ref = strtok_r(NULL, ",", &save)) {
		const char *colon = strrchr(ref, ':');
		const char *id = colon ? colon + 1 : ref;
		if (e->role == ROLE_ITEM && strncmp(ref, "concept:", 8) == 0)
			((cispref_item *)made)->concept_id = copy(im, id);
		else if (e->role == ROLE_COMPETENCE && strncmp(ref, "note:", 5) == 0)
			im->failed |= cispref__competence_add_note_id(made, id) != 0;
	}
}

static const char *convention_text(const entry *e)
{
	const char *d = e->row->cells[COL_DESCRIPTION];
	return e->role == ROLE_NOTE || *d ? d : e->row->cells[COL_SHORTNAME];
}

/* Build the node of @e under @parent (the node its parent row became). */
static void *convention_node(void *context, tree_node *tree, void *parent)
{
	importer *im = context;
	entry *e = (entry *)tree;
	const char *text = convention_text(e);
	void *made = NULL;
	switch (e->role) {
	case ROLE_DOMAIN: made = cispref__domain_create(im->ref, e->id, e->kind, text); break;
	case ROLE_PLAN: made = cispref__plan_create(parent, e->id, e->kind, text); break;
	case ROLE_COMPETENCE: made = cispref__competence_create(parent, e->id, text); break;
	case ROLE_ITEM: made = cispref__item_create(parent, e->id, e->kind, text, NULL); break;
	case ROLE_CONCEPT: made = cispref__concept_create(im->ref, e->id, e->kind, text); break;
	case ROLE_NOTE: made = cispref__note_create(im->ref, e->id, e->number, text); break;
	case ROLE_CONCEPTS:
	case ROLE_NOTES: return im->ref; /* a branch, not a node */
	}
	if (!made) {
		im->failed = 1;
		return NULL;
	}
	set_line(made, e);
	if (e->role == ROLE_ITEM || e->role == ROLE_COMPETENCE)
		link_references(im, e, made);
	return made;
}

/* ---- a foreign framework: the depth mapping ------------------------------------- */

/* @want made into an id (cispref__import_id()); the change reported with @line (0: the
 * id is made up, not read). */
static const char *unique_id(importer *im, const char *want, unsigned long line)
{
	const char *id = cispref__import_id(im->a, im->ref, want);
	im->failed |= !id;
	if (id && line && strcmp(id, want) != 0)
		diag(im, CISPREF_SEVERITY_INFO, "moodle-id-changed", line, id,
		     "ID number '%s' is not a cispref id: it becomes '%s'", want, id);
	return id;
}

/* A foreign row's title: its short name, or the description when that gives the whole of
 * a cut short name; *@rest receives a description that says more, else NULL. */
static const char *foreign_title(importer *im, const entry *e, const char **rest)
{
	const char *name = e->row->cells[COL_SHORTNAME];
	const char *description = description_text(im, e->row);
	*rest = NULL;
	if (!description)
		return NULL;
	if (!*name) {
		diag(im, CISPREF_SEVERITY_WARNING, "moodle-shortname-empty", e->row->line, NULL,
		     "row '%s' has no short name (Moodle drops it): its %s is taken", e->key,
		     *description ? "description" : "ID number");
		return *description ? description : e->key;
	}
	if (extends(description, name))
		return description;
	if (*description && strcmp(description, name) != 0)
		*rest = description;
	return name;
}

/* A competence's description becomes a note it refers to. */
static void keep_description(importer *im, cispref_competence *comp, const char *text)
{
	char want[512], number[32];
	snprintf(want, sizeof want, "%s.description", comp->node.id);
	snprintf(number, sizeof number, "%zu", ++im->notes_made);
	const char *id = unique_id(im, want, 0);
	cispref_note *note = id ? cispref__note_create(im->ref, id, number, text) : NULL;
	im->failed |= !note || cispref__competence_add_note_id(comp, id) != 0;
	if (note)
		note->node.line = comp->node.line;
}

static void report_lost_columns(importer *im, const entry *e, const char *id)
{
	if (*e->row->cells[COL_RELATED])
		diag(im, CISPREF_SEVERITY_INFO, "moodle-related-dropped", e->row->line, id,
		     "the cross-references of row '%s' (%s) have no place in the model", e->key,
		     e->row->cells[COL_RELATED]);
	if (*e->row->cells[COL_RULE_TYPE])
		diag(im, CISPREF_SEVERITY_INFO, "moodle-rule-dropped", e->row->line, id,
		     "the completion rule of row '%s' has no place in the model", e->key);
}

static void *foreign_node(void *context, tree_node *tree, void *parent)
{
	importer *im = context;
	entry *e = (entry *)tree;
	depth_place *p = cispref__arena_alloc(im->a, sizeof *p);
	const char *rest, *title = p ? foreign_title(im, e, &rest) : NULL;
	const char *id = title ? unique_id(im, e->key, e->row->line) : NULL;
	if (!id) {
		im->failed |= !p;
		return NULL;
	}
	*p = parent ? *(depth_place *)parent : (depth_place){0};
	depth_role r = cispref__depth_map_role(&im->depths, e->t.depth);
	node *made = cispref__depth_place_node(im->ref, im->a, p, r, id, title);
	if (!made) {
		im->failed = 1;
		return NULL;
	}
	set_line(made, e);
	if (rest && r == DEPTH_COMPETENCE)
		keep_description(im, p->competence, rest);
	else if (rest)
		diag(im, CISPREF_SEVERITY_INFO, "moodle-description-dropped", e->row->line, id,
		     "the description of row '%s' has no place in the model", e->key);
	report_lost_columns(im, e, id);
	return p;
}

/* The namespace and base URI the framework row carries (a file cispref wrote), checked as
 * the XML loader checks them; otherwise, or when they are wrong (reported), the namespace
 * derived from the referential's id, as for any referential without one (model.h). */
static void set_identity(importer *im)
{
	char why[256];
	const char *uuid = im->uuid, *base_uri = im->base_uri;
	if ((uuid || base_uri) && cispref__identity_check(uuid, base_uri, why, sizeof why) != 0) {
		diag(im, CISPREF_SEVERITY_WARNING, "moodle-identity-invalid", im->framework->line,
		     NULL, "%s: the namespace is derived from the id instead", why);
		uuid = base_uri = NULL;
	}
	im->failed |= cispref__identity_set(im->ref, uuid, base_uri) != CISPREF_OK;
}

static void foreign_framework(importer *im)
{
	const moodle_row *fw = im->framework;
	cispref_referential *ref = im->ref;
	ref->title = copy(im, "");
	ref->version = copy(im, "1");
	ref->language = copy(im, "und"); /* BCP 47: undetermined; the CSV does not say */
	const char *id = unique_id(im, *fw->cells[COL_IDNUMBER] ? fw->cells[COL_IDNUMBER]
	                                                        : "moodle", fw->line);
	ref->id = id ? copy(im, id) : NULL;
	entry e = {.row = (moodle_row *)fw, .key = fw->cells[COL_IDNUMBER]};
	const char *rest, *title = foreign_title(im, &e, &rest);
	ref->title = copy(im, title);
	im->failed |= !ref->id || !title;
}

/* ---- the entry ------------------------------------------------------------------ */

static int build(importer *im, const vec *rows, cispref_error *error)
{
	index_rows(im, rows);
	if (!im->failed && !im->framework) {
		cispref__error_set(error, CISPREF_EFORMAT, im->name, 0, 0,
		                   "no row has 'Is framework' set: this is not a Moodle competency "
		                   "framework");
		return CISPREF_EFORMAT;
	}
	link_rows(im, rows);
	im->failed |= cispref__tree_reach(im->a, &im->roots) != 0;
	report_all_unreached(im, rows);
	if (!im->failed && !(im->ref = cispref__referential_create()))
		im->failed = 1;
	if (!im->failed && !(im->ref->origin = cispref__arena_strdup(im->ref->arena, im->name)))
		im->failed = 1;
	if (!im->failed && follows_convention(im, rows)) {
		convention_framework(im);
		im->failed |= cispref__tree_walk(&im->roots, convention_node, im, &im->failed) != 0;
	} else if (!im->failed) {
		foreign_framework(im);
		im->failed |= cispref__tree_walk(&im->roots, foreign_node, im, &im->failed) != 0;
	}
	if (!im->failed)
		set_identity(im);
	/* the validator's findings follow the import's, with the CSV lines of the nodes */
	return cispref__import_finish(im->diags, im->ref, im->name, 1, im->failed, error);
}

int cispref_moodle_import_memory(cispref_referential **out, cispref_diagnostics **diagnostics,
                                 const char *data, size_t size, const char *name,
                                 const cispref_moodle_options *options, cispref_error *error)
{
	cispref_moodle_options o;
	if (!out || (!data && size)) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc = cispref__moodle_options(&o, options, error);
	importer im = {0};
	im.o = &o;
	im.name = name ? name : "<memory>";
	if (!rc)
		rc = cispref__depth_map_parse(&im.depths, o.depths, error);
	if (rc)
		return rc;
	moodle_table table = {0};
	if (!(table.arena = cispref__arena_new()) || !(im.diags = cispref__diagnostics_new())) {
		cispref__arena_free(table.arena);
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	im.a = table.arena;
	cispref__strmap_init(&im.entries, entry_key);
	rc = cispref__moodle_csv_read(&table, data ? data : "", size, im.name, &o, error);
	if (!rc)
		rc = build(&im, &table.rows, error);
	cispref__strmap_free(&im.entries);
	cispref__arena_free(table.arena);
	return cispref__import_hand_over(out, diagnostics, im.ref, im.diags, rc);
}

int cispref_moodle_import_file(cispref_referential **out, cispref_diagnostics **diagnostics,
                               const char *path, const cispref_moodle_options *options,
                               cispref_error *error)
{
	cispref_moodle_options o;
	if (!out || !path) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc = cispref__moodle_options(&o, options, error);
	char *data = NULL;
	size_t size = 0;
	if (!rc)
		rc = cispref__read_regular_file(&data, &size, path, o.max_input_size, error);
	if (!rc)
		rc = cispref_moodle_import_memory(out, diagnostics, data, size, path, &o, error);
	free(data);
	return rc;
}
