/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Reading cispref XML with libxml2's SAX2 push parser: no tree is built, elements are
 * checked against the format as they arrive, and the first fault stops the parser. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>

#include "sax_load.h"
#include "identity.h"
#include "langtag.h"

#define NS "urn:cispref:referential"
/* The format nests 15 levels at most: referential, front-matter, sections (at most
 * MAX_SECTION_LEVEL), timeline, phase, step, task, em, q, note-ref. Anything deeper is
 * refused before it reaches the stack. */
#define MAX_SECTION_LEVEL 6
#define MAX_DEPTH 16
#define MAX_ATTRS CISPREF__SAX_MAX_ATTRS

typedef enum ctx {
	CTX_DOCUMENT, CTX_REFERENTIAL, CTX_SOURCE, CTX_DOMAIN, CTX_SUMMARY, CTX_PLAN,
	CTX_COMPETENCE, CTX_CONCEPTS, CTX_NOTES,
	CTX_FRONT, CTX_SECTION, CTX_LIST, CTX_QUOTE, CTX_TIMELINE, CTX_PHASE, CTX_STEP,
	CTX_FIGURE,
	CTX_INLINE, /* inline content of a block: text, em, q, note-ref */
	CTX_EM,     /* inside an em: text, q, note-ref */
	CTX_Q,      /* inside a q: text, em, note-ref */
	CTX_INNER,  /* inside em/q or q/em: text and note-ref only */
	CTX_TRANSLATIONS,
	CTX_TRANSLATION, /* plain text, or inline content for a rich front-matter text */
	CTX_TEXT, CTX_EMPTY
} ctx;

typedef struct loader loader;
typedef struct frame frame;

#define FOUND_WAYS 8
#define MAX_RULES 64

/* Where an element may appear: under which parent, in which order (stage), with which
 * attributes ('?' marks an optional one), and what its start does. */
typedef struct rule {
	ctx parent;
	const char *name;
	int stage;
	int repeat;
	ctx self;
	const char *attrs[MAX_ATTRS];
	int (*start)(loader *ld, frame *parent, frame *self, char **values, int arg);
	int arg;
} rule;

struct frame {
	const rule *rule;
	int stage;             /* stage of the last child seen */
	void *node;            /* the node this element made, if any */
	const char **text;     /* for a text element: where its text goes */
	const char **title;    /* for an element with a title child: where the title goes */
	cispref_rich_text *rich; /* for inline content: where its runs go */
	void *part;            /* a front-matter part that is no node: phase, step; the
	                        * fm_translation of a translation with a part */
	const cispref_rich_text *source; /* a rich translation's source, whose note-refs it
	                                  * keeps */
	unsigned seen;         /* bit n: a child of stage n was seen */
};

struct loader {
	sax_run run; /* first: the parser's user data is the loader and the run alike */
	cispref_referential *ref;
	frame stack[MAX_DEPTH];
	int depth;
	char *text;
	size_t text_len, text_cap;
	/* Per context, the last FOUND_WAYS rules found, with the name each was found for
	 * (libxml2 hands each name over from its dictionary, the same pointer for the same
	 * name), and the place the next one goes. One rule per context made the three kinds
	 * of item, which take turns in a competence, look each other up in the whole list of
	 * rules. */
	const rule *found[CTX_EMPTY + 1][FOUND_WAYS];
	const xmlChar *found_name[CTX_EMPTY + 1][FOUND_WAYS];
	unsigned char found_next[CTX_EMPTY + 1];
	/* Per rule, where its deprecated attribute is (1 + its place), -1 when it has none,
	 * 0 while not yet looked for */
	signed char edition_at[MAX_RULES];
	const xmlChar *ns_uri; /* the namespace URI as libxml2 last handed it over, once
	                        * checked (from its dictionary too) */
	char *values; /* the current element's attribute values, one after the other */
	size_t values_cap;
};

/* ---- errors -------------------------------------------------------------------- */

static void fail(loader *ld, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fail(loader *ld, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cispref__sax_vfail(&ld->run, code, fmt, ap);
	va_end(ap);
}

/* ---- node creation, one start function per element ------------------------------ */

static int nomem(loader *ld)
{
	fail(ld, CISPREF_ENOMEM, "out of memory");
	return -1;
}

static int bad_value(loader *ld, const char *attr, const char *value, const char *allowed)
{
	fail(ld, CISPREF_EFORMAT, "attribute '%s' has the value '%s', expected %s", attr, value,
	     allowed);
	return -1;
}

/* @attr is "id", or the attribute that refers to an id ("concept", "note"). */
static int check_ref(loader *ld, const char *attr, const char *id)
{
	if (cispref__id_is_valid(id))
		return 0;
	return bad_value(ld, attr, id, "an id matching [A-Za-z_][A-Za-z0-9._-]*");
}

static int check_id(loader *ld, const char *id)
{
	return check_ref(ld, "id", id);
}

/* The root's optional uuid and base-uri (identity.c checks them and derives the
 * namespace of a referential that names none). */
static int read_identity(loader *ld, const char *uuid, const char *base_uri)
{
	char why[CISPREF_ERROR_TEXT_LENGTH];
	int rc = cispref__identity_check(uuid, base_uri, why, sizeof why);
	if (!rc)
		rc = cispref__identity_set(ld->ref, uuid, base_uri);
	if (rc)
		fail(ld, rc, "%s", rc == CISPREF_ENOMEM ? "out of memory" : why);
	return rc;
}

static int start_referential(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)parent;
	(void)arg;
	/* v: format-version, id, version, xml:lang, uuid, base-uri */
	if (strcmp(v[0], "1") != 0) {
		fail(ld, CISPREF_EVERSION,
		     "format version '%s' is not supported: this library reads version 1", v[0]);
		return -1;
	}
	if (check_id(ld, v[1]) != 0)
		return -1;
	cispref_referential *ref = ld->ref;
	if (!(ref->id = cispref__arena_strdup(ref->arena, v[1])) ||
	    !(ref->version = cispref__arena_strdup(ref->arena, v[2])) ||
	    !(ref->language = cispref__arena_strdup(ref->arena, v[3])))
		return nomem(ld);
	if (read_identity(ld, v[4], v[5]) != 0)
		return -1;
	self->title = &ref->title;
	return 0;
}

static int start_source_field(loader *ld, frame *parent, frame *self, char **v, int field)
{
	(void)parent;
	(void)v;
	self->text = &ld->ref->source[field];
	return 0;
}

static int start_title(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)ld;
	(void)v;
	(void)arg;
	self->text = parent->title;
	return 0;
}

static int start_domain(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)parent;
	(void)arg;
	cispref_domain_kind_t kind;
	if (check_id(ld, v[0]) != 0)
		return -1;
	if (cispref_domain_kind_from_name(&kind, v[1]) != 0)
		return bad_value(ld, "kind", v[1], "core or transversal");
	cispref_domain *d = cispref__domain_create(ld->ref, v[0], kind, "");
	if (!d)
		return nomem(ld);
	self->node = d;
	self->title = &d->title;
	return 0;
}

static int plan_kind(loader *ld, const char *attr, const char *value, cispref_plan_kind_t *out)
{
	if (cispref_plan_kind_from_name(out, value) == 0)
		return 0;
	return bad_value(ld, attr, value, "individual, collective, internal, external or joint");
}

static int start_entry(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)arg;
	cispref_plan_kind_t kind;
	if (check_id(ld, v[0]) != 0 || plan_kind(ld, "plan", v[1], &kind) != 0 ||
	    (v[2] && check_ref(ld, "competence", v[2]) != 0))
		return -1;
	/* the summary frame's node is its domain */
	cispref_summary_entry *e = cispref__summary_entry_create(parent->node, v[0], kind, "", v[2]);
	if (!e)
		return nomem(ld);
	self->node = e;
	self->text = &e->text;
	return 0;
}

static int start_summary(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)ld;
	(void)v;
	(void)arg;
	self->node = parent->node;
	return 0;
}

static int start_plan(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)arg;
	cispref_plan_kind_t kind;
	if (check_id(ld, v[0]) != 0 || plan_kind(ld, "kind", v[1], &kind) != 0)
		return -1;
	cispref_plan *p = cispref__plan_create(parent->node, v[0], kind, "");
	if (!p)
		return nomem(ld);
	self->node = p;
	self->title = &p->title;
	return 0;
}

static int start_competence(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)arg;
	if (check_id(ld, v[0]) != 0)
		return -1;
	cispref_competence *c = cispref__competence_create(parent->node, v[0], "");
	if (!c)
		return nomem(ld);
	self->node = c;
	self->title = &c->title;
	return 0;
}

static int start_note_ref(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)self;
	(void)arg;
	if (check_ref(ld, "note", v[0]) != 0)
		return -1;
	return cispref__competence_add_note_id(parent->node, v[0]) == 0 ? 0 : nomem(ld);
}

static int start_item(loader *ld, frame *parent, frame *self, char **v, int kind)
{
	if (check_id(ld, v[0]) != 0 || (v[1] && check_ref(ld, "concept", v[1]) != 0))
		return -1;
	cispref_item *it = cispref__item_create(parent->node, v[0], (cispref_item_kind_t)kind, "", v[1]);
	if (!it)
		return nomem(ld);
	self->node = it;
	self->text = &it->text;
	return 0;
}

static int start_concept(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)parent;
	(void)arg;
	cispref_item_kind_t kind;
	if (check_id(ld, v[0]) != 0)
		return -1;
	if (cispref_item_kind_from_name(&kind, v[1]) != 0)
		return bad_value(ld, "kind", v[1],
		                 "savoir-faire, savoir-faire-comportemental or savoir");
	cispref_concept *c = cispref__concept_create(ld->ref, v[0], kind, "");
	if (!c)
		return nomem(ld);
	self->node = c;
	self->text = &c->label;
	return 0;
}

static int start_note(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)parent;
	(void)arg;
	if (check_id(ld, v[0]) != 0)
		return -1;
	cispref_note *n = cispref__note_create(ld->ref, v[0], v[1], "");
	if (!n)
		return nomem(ld);
	self->node = n;
	self->text = &n->text;
	return 0;
}

/* ---- translations (doc/format.md, "Translations") ------------------------------- */

/* They come after every node: the nodes read so far go into the index, so that each
 * translation can find its node. */
static int start_translations(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)parent;
	(void)self;
	(void)v;
	(void)arg;
	return cispref__index_pending(ld->ref) == 0 ? 0 : nomem(ld);
}

static int check_hash(loader *ld, const char *hash)
{
	size_t n = strspn(hash, "0123456789abcdef");
	return n == 16 && !hash[n] ? 0 : bad_value(ld, "source-hash", hash,
	                                             "16 lower-case hexadecimal digits");
}

/* A translation of a text of the front matter or of the title: of (v[0]), xml:lang
 * (v[1]), source-hash (v[2]), part (v[3]). A rich text's translation holds inline
 * content, checked at its end (check_fm_translation()). */
static int start_fm_translation(loader *ld, frame *self, char **v)
{
	fm_text t;
	char why[CISPREF_ERROR_TEXT_LENGTH];
	if (cispref__fm_resolve(ld->ref, v[0], v[3], &t, why, sizeof why) != 0) {
		fail(ld, CISPREF_EFORMAT, "a translation of '%s' part '%s': %s", v[0], v[3], why);
		return -1;
	}
	if (cispref__fm_find(&t, v[1])) {
		fail(ld, CISPREF_EFORMAT, "a second translation of '%s' part '%s' into '%s'", v[0],
		     v[3], v[1]);
		return -1;
	}
	fm_translation *ft = cispref__fm_add(ld->ref, &t, v[1], v[2]);
	if (!ft || (t.rich && !(ft->rich = cispref__arena_alloc(ld->ref->arena, sizeof *ft->rich))))
		return nomem(ld);
	ft->line = (uint32_t)xmlSAX2GetLineNumber(ld->run.ctxt);
	ft->column = (uint32_t)xmlSAX2GetColumnNumber(ld->run.ctxt);
	self->part = ft;
	if (t.rich) {
		ft->rich->plain = "";
		self->rich = ft->rich;
		self->source = t.rich;
	} else {
		self->text = &ft->plain;
	}
	return 0;
}

/* At the end of a rich translation: its plain text, and the same note-refs as its
 * source, else refused on the translation's start tag. */
static int check_fm_translation(loader *ld, frame *self)
{
	char why[CISPREF_ERROR_TEXT_LENGTH - 64];
	const fm_translation *ft = self->part;
	if (cispref__rich_text_finish(ld->ref, self->rich) != 0)
		return nomem(ld);
	int rc = cispref__note_refs_match(self->source, self->rich, why, sizeof why);
	if (rc == -2)
		return nomem(ld);
	if (rc == 0)
		return 0;
	fail(ld, CISPREF_EFORMAT, "a translation whose note-refs are not its source's: %s", why);
	if (ld->run.error) {
		ld->run.error->line = ft->line;
		ld->run.error->column = ft->column;
	}
	return -1;
}

/* of (v[0]), xml:lang (v[1]), source-hash (v[2]), part (v[3]) */
static int start_translation(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)parent;
	(void)arg;
	langtag tag;
	if (check_ref(ld, "of", v[0]) != 0 || check_hash(ld, v[2]) != 0)
		return -1;
	if (cispref__langtag_parse(&tag, v[1]) != 0)
		return bad_value(ld, "xml:lang", v[1], "a BCP 47 language tag");
	if (strcasecmp(v[1], ld->ref->language) == 0) {
		fail(ld, CISPREF_EFORMAT, "a translation into '%s', the referential's own language", v[1]);
		return -1;
	}
	if (v[3])
		return start_fm_translation(ld, self, v);
	const node *n = cispref__find(ld->ref, v[0]);
	if (!n || !cispref__node_source_text(n)) {
		fail(ld, CISPREF_EFORMAT, "a translation of '%s', which %s", v[0],
		     n ? "holds several texts: a translation of it names one with 'part'"
		       : "names no node");
		return -1;
	}
	if (cispref__translation_find(ld->ref, n, v[1])) {
		fail(ld, CISPREF_EFORMAT, "a second translation of '%s' into '%s'", v[0], v[1]);
		return -1;
	}
	translation *t = cispref__translation_add(ld->ref, n, v[1], v[2]);
	if (!t)
		return nomem(ld);
	t->line = (uint32_t)xmlSAX2GetLineNumber(ld->run.ctxt);
	t->column = (uint32_t)xmlSAX2GetColumnNumber(ld->run.ctxt);
	self->text = &t->text;
	return 0;
}

/* ---- front matter --------------------------------------------------------------- */

static int start_section(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)arg;
	cispref_section *up = parent->rule->self == CTX_SECTION ? parent->node : NULL;
	if (up && up->level >= MAX_SECTION_LEVEL) {
		fail(ld, CISPREF_ELIMIT, "sections nest deeper than %d levels", MAX_SECTION_LEVEL);
		return -1;
	}
	if (check_id(ld, v[0]) != 0)
		return -1;
	cispref_section *s = cispref__section_create(ld->ref, up, v[0], v[1]);
	if (!s)
		return nomem(ld);
	self->node = s;
	return 0;
}

static int start_heading(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)ld;
	(void)v;
	(void)arg;
	self->rich = &((cispref_section *)parent->node)->heading;
	return 0;
}

/* A block of @kind in the section @parent stands for; v[0] is its optional id. */
static cispref_block *new_block(loader *ld, frame *parent, frame *self, const char *id,
                                cispref_block_kind_t kind)
{
	if (id && check_id(ld, id) != 0)
		return NULL;
	cispref_block *b = cispref__block_create(parent->node, kind, id);
	if (!b) {
		nomem(ld);
		return NULL;
	}
	self->node = b;
	return b;
}

static int start_block(loader *ld, frame *parent, frame *self, char **v, int kind)
{
	return new_block(ld, parent, self, v[0], (cispref_block_kind_t)kind) ? 0 : -1;
}

static int start_paragraph(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)v;
	(void)arg;
	cispref_block *b = new_block(ld, parent, self, NULL, CISPREF_BLOCK_PARAGRAPH);
	if (!b)
		return -1;
	self->rich = b->text;
	return 0;
}

static int start_figure(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)arg;
	if (strcmp(v[1], "contours") != 0)
		return bad_value(ld, "drawing", v[1], "contours");
	cispref_block *b = new_block(ld, parent, self, v[0], CISPREF_BLOCK_FIGURE);
	if (!b)
		return -1;
	b->drawing = "contours";
	return 0;
}

static int start_overview(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)arg;
	cispref_domain_kind_t kind;
	if (cispref_domain_kind_from_name(&kind, v[0]) != 0)
		return bad_value(ld, "domain-kind", v[0], "core or transversal");
	cispref_block *b = new_block(ld, parent, self, NULL, CISPREF_BLOCK_OVERVIEW);
	if (!b)
		return -1;
	b->domain_kind = kind;
	return 0;
}

/* A details block stands for every domain's detail tables, or with a domain-kind for
 * those of one kind (the cahier prints text between the core and transversal ones). */
static int start_details(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)arg;
	cispref_domain_kind_t kind = CISPREF_DOMAIN_CORE;
	if (v[0] && cispref_domain_kind_from_name(&kind, v[0]) != 0)
		return bad_value(ld, "domain-kind", v[0], "core or transversal");
	cispref_block *b = new_block(ld, parent, self, NULL, CISPREF_BLOCK_DETAILS);
	if (!b)
		return -1;
	b->domain_kind = kind;
	b->has_domain_kind = v[0] != NULL;
	return 0;
}

static int start_caption(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)ld;
	(void)v;
	(void)arg;
	self->rich = ((cispref_block *)parent->node)->text;
	return 0;
}

static int start_list_item(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)arg;
	/* an empty label is a bullet, as an absent one */
	cispref_list_item *it =
		cispref__list_item_create(parent->node, v[0] && *v[0] ? v[0] : NULL);
	if (!it)
		return nomem(ld);
	self->rich = &it->text;
	return 0;
}

static int start_quote_heading(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)v;
	(void)arg;
	cispref_block *b = parent->node;
	if (!(b->text = cispref__arena_alloc(ld->ref->arena, sizeof *b->text)))
		return nomem(ld);
	b->text->plain = "";
	self->rich = b->text;
	return 0;
}

static int start_quote_paragraph(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)v;
	(void)arg;
	if (!(self->rich = cispref__block_add_paragraph(parent->node)))
		return nomem(ld);
	return 0;
}

static int start_attribution(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)ld;
	(void)v;
	(void)arg;
	self->text = &((cispref_block *)parent->node)->attribution;
	return 0;
}

static int start_phase(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)v;
	(void)arg;
	if (!(self->part = cispref__phase_create(parent->node)))
		return nomem(ld);
	return 0;
}

static int start_phase_heading(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)ld;
	(void)v;
	(void)arg;
	self->rich = &((cispref_phase *)parent->part)->heading;
	return 0;
}

static int start_step(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)v;
	(void)arg;
	if (!(self->part = cispref__step_create(ld->ref, parent->part)))
		return nomem(ld);
	return 0;
}

/* date (arg 0), actors (1), task (2) of a step */
static int start_step_part(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)ld;
	(void)v;
	cispref_step *st = parent->part;
	if (arg == 2)
		self->rich = &st->task;
	else
		self->text = arg == 0 ? &st->date : &st->actors;
	return 0;
}

/* A translation of a plain text (a node's, an attribution...) holds no element. */
static int no_inline(loader *ld, const frame *parent, const char *name)
{
	if (parent->rich)
		return 0;
	fail(ld, CISPREF_EFORMAT, "element '%s' may not contain elements (found '%s')",
	     parent->rule->name, name);
	return -1;
}

static int start_span(loader *ld, frame *parent, frame *self, char **v, int kind)
{
	(void)v;
	if (no_inline(ld, parent, kind == CISPREF_INLINE_EMPHASIS ? "em" : "q") != 0)
		return -1;
	cispref_inline *run =
		cispref__inline_create(ld->ref, parent->rich, (cispref_inline_kind_t)kind, NULL, 0);
	if (!run)
		return nomem(ld);
	self->rich = &run->children;
	return 0;
}

static int start_inline_note_ref(loader *ld, frame *parent, frame *self, char **v, int arg)
{
	(void)self;
	(void)arg;
	if (no_inline(ld, parent, "note-ref") != 0 || check_ref(ld, "note", v[0]) != 0)
		return -1;
	cispref_inline *run = cispref__inline_create(ld->ref, parent->rich, CISPREF_INLINE_NOTE_REF,
	                                             v[0], strlen(v[0]));
	if (!run)
		return nomem(ld);
	run->line = (uint32_t)xmlSAX2GetLineNumber(ld->run.ctxt);
	run->column = (uint32_t)xmlSAX2GetColumnNumber(ld->run.ctxt);
	return 0;
}

/* The optional attributes of edition links, which every node's element takes: named, so
 * that edition_attributes() finds them in a rule by address (two strcmp() for each
 * attribute of the element's rule before, at every element). */
static const char deprecated_attr[] = "?deprecated";
static const char replaced_by_attr[] = "?replaced-by";
#define EDITION deprecated_attr, replaced_by_attr

static const rule rules[] = {
	{CTX_DOCUMENT, "referential", 1, 0, CTX_REFERENTIAL,
	 {"format-version", "id", "version", "xml:lang", "?uuid", "?base-uri"}, start_referential, 0},
	{CTX_REFERENTIAL, "title", 1, 0, CTX_TEXT, {0}, start_title, 0},
	{CTX_REFERENTIAL, "source", 2, 0, CTX_SOURCE, {0}, NULL, 0},
	{CTX_REFERENTIAL, "front-matter", 3, 0, CTX_FRONT, {0}, NULL, 0},
	{CTX_REFERENTIAL, "domain", 4, 1, CTX_DOMAIN, {"id", "kind", EDITION}, start_domain, 0},
	{CTX_REFERENTIAL, "concepts", 5, 0, CTX_CONCEPTS, {0}, NULL, 0},
	{CTX_REFERENTIAL, "notes", 6, 0, CTX_NOTES, {0}, NULL, 0},
	{CTX_SOURCE, "publisher", 1, 0, CTX_TEXT, {0}, start_source_field, CISPREF_SOURCE_PUBLISHER},
	{CTX_SOURCE, "series", 2, 0, CTX_TEXT, {0}, start_source_field, CISPREF_SOURCE_SERIES},
	{CTX_SOURCE, "number", 3, 0, CTX_TEXT, {0}, start_source_field, CISPREF_SOURCE_NUMBER},
	{CTX_SOURCE, "date", 4, 0, CTX_TEXT, {0}, start_source_field, CISPREF_SOURCE_DATE},
	{CTX_SOURCE, "approval", 5, 0, CTX_TEXT, {0}, start_source_field, CISPREF_SOURCE_APPROVAL},
	{CTX_DOMAIN, "title", 1, 0, CTX_TEXT, {0}, start_title, 0},
	{CTX_DOMAIN, "summary", 2, 0, CTX_SUMMARY, {0}, start_summary, 0},
	{CTX_DOMAIN, "plan", 3, 1, CTX_PLAN, {"id", "kind", EDITION}, start_plan, 0},
	{CTX_SUMMARY, "entry", 1, 1, CTX_TEXT, {"id", "plan", "?competence", EDITION}, start_entry,
	 0},
	{CTX_PLAN, "title", 1, 0, CTX_TEXT, {0}, start_title, 0},
	{CTX_PLAN, "competence", 2, 1, CTX_COMPETENCE, {"id", EDITION}, start_competence, 0},
	{CTX_COMPETENCE, "title", 1, 0, CTX_TEXT, {0}, start_title, 0},
	{CTX_COMPETENCE, "note-ref", 2, 1, CTX_EMPTY, {"note"}, start_note_ref, 0},
	{CTX_COMPETENCE, "savoir-faire", 3, 1, CTX_TEXT, {"id", "?concept", EDITION}, start_item,
	 CISPREF_ITEM_SAVOIR_FAIRE},
	{CTX_COMPETENCE, "savoir-faire-comportemental", 4, 1, CTX_TEXT, {"id", "?concept", EDITION},
	 start_item, CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL},
	{CTX_COMPETENCE, "savoir", 5, 1, CTX_TEXT, {"id", "?concept", EDITION}, start_item,
	 CISPREF_ITEM_SAVOIR},
	{CTX_FRONT, "section", 1, 1, CTX_SECTION, {"id", "?number"}, start_section, 0},
	{CTX_SECTION, "heading", 1, 0, CTX_INLINE, {0}, start_heading, 0},
	{CTX_SECTION, "p", 2, 1, CTX_INLINE, {0}, start_paragraph, 0},
	{CTX_SECTION, "list", 2, 1, CTX_LIST, {"?id"}, start_block, CISPREF_BLOCK_LIST},
	{CTX_SECTION, "quote", 2, 1, CTX_QUOTE, {"?id"}, start_block, CISPREF_BLOCK_QUOTE},
	{CTX_SECTION, "timeline", 2, 1, CTX_TIMELINE, {"?id"}, start_block, CISPREF_BLOCK_TIMELINE},
	{CTX_SECTION, "figure", 2, 1, CTX_FIGURE, {"id", "drawing"}, start_figure, 0},
	{CTX_SECTION, "overview", 2, 1, CTX_EMPTY, {"domain-kind"}, start_overview, 0},
	{CTX_SECTION, "details", 2, 1, CTX_EMPTY, {"?domain-kind"}, start_details, 0},
	{CTX_SECTION, "section", 3, 1, CTX_SECTION, {"id", "?number"}, start_section, 0},
	{CTX_LIST, "item", 1, 1, CTX_INLINE, {"?label"}, start_list_item, 0},
	{CTX_QUOTE, "heading", 1, 0, CTX_INLINE, {0}, start_quote_heading, 0},
	{CTX_QUOTE, "p", 2, 1, CTX_INLINE, {0}, start_quote_paragraph, 0},
	{CTX_QUOTE, "attribution", 3, 0, CTX_TEXT, {0}, start_attribution, 0},
	{CTX_TIMELINE, "phase", 1, 1, CTX_PHASE, {0}, start_phase, 0},
	{CTX_PHASE, "heading", 1, 0, CTX_INLINE, {0}, start_phase_heading, 0},
	{CTX_PHASE, "step", 2, 1, CTX_STEP, {0}, start_step, 0},
	{CTX_STEP, "date", 1, 0, CTX_TEXT, {0}, start_step_part, 0},
	{CTX_STEP, "actors", 2, 0, CTX_TEXT, {0}, start_step_part, 1},
	{CTX_STEP, "task", 3, 0, CTX_INLINE, {0}, start_step_part, 2},
	{CTX_FIGURE, "caption", 1, 0, CTX_INLINE, {0}, start_caption, 0},
	{CTX_INLINE, "em", 1, 1, CTX_EM, {0}, start_span, CISPREF_INLINE_EMPHASIS},
	{CTX_INLINE, "q", 1, 1, CTX_Q, {0}, start_span, CISPREF_INLINE_QUOTATION},
	{CTX_INLINE, "note-ref", 1, 1, CTX_EMPTY, {"note"}, start_inline_note_ref, 0},
	{CTX_EM, "q", 1, 1, CTX_INNER, {0}, start_span, CISPREF_INLINE_QUOTATION},
	{CTX_EM, "note-ref", 1, 1, CTX_EMPTY, {"note"}, start_inline_note_ref, 0},
	{CTX_Q, "em", 1, 1, CTX_INNER, {0}, start_span, CISPREF_INLINE_EMPHASIS},
	{CTX_Q, "note-ref", 1, 1, CTX_EMPTY, {"note"}, start_inline_note_ref, 0},
	{CTX_INNER, "note-ref", 1, 1, CTX_EMPTY, {"note"}, start_inline_note_ref, 0},
	{CTX_CONCEPTS, "concept", 1, 1, CTX_TEXT, {"id", "kind", EDITION}, start_concept, 0},
	{CTX_NOTES, "note", 1, 1, CTX_TEXT, {"id", "number", EDITION}, start_note, 0},
	{CTX_REFERENTIAL, "translations", 7, 0, CTX_TRANSLATIONS, {0}, start_translations, 0},
	{CTX_TRANSLATIONS, "translation", 1, 1, CTX_TRANSLATION,
	 {"of", "xml:lang", "source-hash", "?part"}, start_translation, 0},
	{CTX_TRANSLATION, "em", 1, 1, CTX_EM, {0}, start_span, CISPREF_INLINE_EMPHASIS},
	{CTX_TRANSLATION, "q", 1, 1, CTX_Q, {0}, start_span, CISPREF_INLINE_QUOTATION},
	{CTX_TRANSLATION, "note-ref", 1, 1, CTX_EMPTY, {"note"}, start_inline_note_ref, 0},
};

#define RULE_COUNT (sizeof rules / sizeof rules[0])

_Static_assert(RULE_COUNT <= MAX_RULES, "loader.edition_at is too short for the rules");

/* The child that must come first in elements of each context (stage 1), or NULL; tables
 * by context, as every element's start and end asks. */
static const char *const first_children[CTX_EMPTY + 1] = {
	[CTX_REFERENTIAL] = "title", [CTX_DOMAIN] = "title",   [CTX_PLAN] = "title",
	[CTX_COMPETENCE] = "title",  [CTX_SECTION] = "heading", [CTX_PHASE] = "heading",
	[CTX_STEP] = "date",
};

static const char *first_child(ctx c)
{
	return first_children[c];
}

/* The child elements of a context must hold at least once, besides the first one: the
 * stage of one (as a bit of frame.seen) and its name (none: NULL). */
static const struct required {
	unsigned stage;
	const char *name;
} required[CTX_EMPTY + 1] = {
	[CTX_FRONT] = {1, "section"}, [CTX_LIST] = {1, "item"},   [CTX_QUOTE] = {2, "p"},
	[CTX_TIMELINE] = {1, "phase"}, [CTX_PHASE] = {2, "step"}, [CTX_STEP] = {3, "task"},
	[CTX_FIGURE] = {1, "caption"},
};

/* The name of a child that @f lacks, or NULL. */
static const char *missing_child(const frame *f)
{
	const struct required *r = &required[f->rule->self];
	return r->name && !(f->seen & (1u << r->stage)) ? r->name : NULL;
}

static const rule *find_rule(ctx parent, const char *name)
{
	for (size_t i = 0; i < RULE_COUNT; i++)
		if (rules[i].parent == parent && strcmp(rules[i].name, name) == 0)
			return &rules[i];
	return NULL;
}

/* "title, source, domain, concepts or notes": what may appear in @parent. */
static void expected_children(ctx parent, char *out, size_t size)
{
	out[0] = '\0';
	size_t used = 0;
	for (size_t i = 0; i < RULE_COUNT && used < size; i++)
		if (rules[i].parent == parent)
			used += (size_t)snprintf(out + used, size - used, "%s'%s'",
			                         used ? ", " : "", rules[i].name);
}

/* ---- attributes ---------------------------------------------------------------- */

/* deprecated="true|false" and replaced-by="ID" of a node's element (doc/format.md,
 * "Editions"); replaced-by only with deprecated="true". */
static int edition_attributes(loader *ld, const rule *r, frame *self, char **values)
{
	signed char *at = &ld->edition_at[r - rules];
	if (!*at) { /* looked for once per rule and load; EDITION names them one after the other */
		*at = -1;
		for (int a = 0; a + 1 < MAX_ATTRS && r->attrs[a]; a++)
			if (r->attrs[a] == deprecated_attr && r->attrs[a + 1] == replaced_by_attr)
				*at = (signed char)(a + 1);
	}
	if (*at < 0)
		return 0;
	const char *deprecated = values[*at - 1], *replaced_by = values[*at];
	if (deprecated && strcmp(deprecated, "true") != 0 && strcmp(deprecated, "false") != 0)
		return bad_value(ld, "deprecated", deprecated, "true or false");
	if (replaced_by && check_ref(ld, "replaced-by", replaced_by) != 0)
		return -1;
	int is_deprecated = deprecated && strcmp(deprecated, "true") == 0;
	if (replaced_by && !is_deprecated) {
		fail(ld, CISPREF_EFORMAT, "attribute 'replaced-by' needs deprecated=\"true\"");
		return -1;
	}
	if (!is_deprecated)
		return 0;
	return cispref__edition_set(ld->ref, self->node, 1, replaced_by) == 0 ? 0 : nomem(ld);
}

/* Fill @values in the order of @r->attrs (sax_load.h); valid until the next element. */
static int read_attributes(loader *ld, const rule *r, int count, const xmlChar **attrs,
                           char **values)
{
	return cispref__sax_read_attributes(&ld->run, r->name, r->attrs, count, attrs, values,
	                                    &ld->values, &ld->values_cap);
}

/* ---- SAX callbacks ------------------------------------------------------------- */

static const rule *place_child(loader *ld, frame *parent, const char *name)
{
	ctx where = parent ? parent->rule->self : CTX_DOCUMENT;
	/* siblings mostly repeat: the rules found in this context by the name's address
	 * first, then the list */
	const rule *r = NULL;
	for (int w = 0; w < FOUND_WAYS && ld->found[where][w]; w++)
		if ((const char *)ld->found_name[where][w] == name) {
			r = ld->found[where][w];
			break;
		}
	if (!r && (r = find_rule(where, name)) != NULL) {
		unsigned w = ld->found_next[where]++ % FOUND_WAYS;
		ld->found[where][w] = r;
		ld->found_name[where][w] = (const xmlChar *)name;
	}
	if (!r) {
		char expected[256];
		expected_children(where, expected, sizeof expected);
		if (!parent)
			fail(ld, CISPREF_EFORMAT, "the root element is '%s', expected 'referential'", name);
		else if (!expected[0])
			fail(ld, CISPREF_EFORMAT, "element '%s' may not contain elements (found '%s')",
			     parent->rule->name, name);
		else
			fail(ld, CISPREF_EFORMAT, "unexpected element '%s' in '%s' (expected %s)", name,
			     parent->rule->name, expected);
		return NULL;
	}
	if (parent) {
		if (r->stage < parent->stage || (r->stage == parent->stage && !r->repeat)) {
			fail(ld, CISPREF_EFORMAT, "element '%s' is out of place in '%s' (see the order in the format specification)",
			     name, parent->rule->name);
			return NULL;
		}
		const char *first = first_child(where);
		if (first && r->stage > 1 && parent->stage < 1) {
			fail(ld, CISPREF_EFORMAT, "element '%s' must begin with a '%s'",
			     parent->rule->name, first);
			return NULL;
		}
		parent->stage = r->stage;
		parent->seen |= 1u << r->stage;
	}
	return r;
}

/* The text read since the last tag, as a text run of @f's inline content. */
static int flush_text(loader *ld, frame *f)
{
	if (!ld->text_len)
		return 0;
	if (!cispref__inline_create(ld->ref, f->rich, CISPREF_INLINE_TEXT, ld->text, ld->text_len))
		return nomem(ld);
	ld->text_len = 0;
	return 0;
}

static void on_start(void *data, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	(void)prefix;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	loader *ld = data;
	const char *name = (const char *)localname;
	if (ld->run.status)
		return;
	if (!uri || (uri != ld->ns_uri && strcmp((const char *)uri, NS) != 0)) {
		fail(ld, CISPREF_EFORMAT, "element '%s' is in namespace '%s', expected '%s'", name,
		     uri ? (const char *)uri : "(none)", NS);
		return;
	}
	ld->ns_uri = uri;
	if (cispref__sax_count_element(&ld->run) != 0)
		return;
	frame *parent = ld->depth ? &ld->stack[ld->depth - 1] : NULL;
	const rule *r = place_child(ld, parent, name);
	if (!r)
		return;
	/* the text before the child is a run of the parent's inline content */
	if (parent && parent->rich && flush_text(ld, parent) != 0)
		return;
	if (ld->depth == MAX_DEPTH) { /* unreachable with the rules above; kept as a guard */
		fail(ld, CISPREF_ELIMIT, "elements nest deeper than %d levels", MAX_DEPTH);
		return;
	}
	char *values[MAX_ATTRS] = {0};
	frame *self = &ld->stack[ld->depth];
	memset(self, 0, sizeof *self);
	self->rule = r;
	if (read_attributes(ld, r, nb_attributes, attributes, values) == 0 &&
	    (!r->start || r->start(ld, parent, self, values, r->arg) == 0) &&
	    edition_attributes(ld, r, self, values) == 0) {
		node *n = self->node;
		if (n && r->self != CTX_SUMMARY) { /* a summary's node is its domain */
			n->line = (uint32_t)xmlSAX2GetLineNumber(ld->run.ctxt);
			unsigned long column = (unsigned long)xmlSAX2GetColumnNumber(ld->run.ctxt);
			if (cispref__node_set_column(ld->ref, n, column) != 0) {
				nomem(ld);
				return;
			}
		}
		ld->depth++;
		ld->run.seen_root = 1;
		ld->text_len = 0;
	}
}

/* The lists of the node @f made, complete now, in storage of their size: the storage they
 * grew in goes to the next lists that grow (the items of 500 000 left 1.6 MiB unused). */
static void fit_lists(arena *a, const frame *f)
{
	switch (f->rule->self) {
	case CTX_COMPETENCE: {
		cispref_competence *c = f->node;
		for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
			cispref__vec_shrink(a, &c->items[k]);
		cispref__vec_shrink(a, &c->note_ids);
		break;
	}
	case CTX_PLAN:
		cispref__vec_shrink(a, &((cispref_plan *)f->node)->competences);
		break;
	case CTX_DOMAIN:
		cispref__vec_shrink(a, &((cispref_domain *)f->node)->plans);
		cispref__vec_shrink(a, &((cispref_domain *)f->node)->summary);
		break;
	default:
		break;
	}
}

static void on_end(void *data, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
	(void)localname;
	(void)prefix;
	(void)uri;
	loader *ld = data;
	if (ld->run.status || ld->depth == 0)
		return;
	frame *self = &ld->stack[ld->depth - 1];
	const char *first = first_child(self->rule->self);
	if (first && self->stage < 1) {
		fail(ld, CISPREF_EFORMAT, "element '%s' lacks its '%s'", self->rule->name, first);
		return;
	}
	if ((first = missing_child(self)) != NULL) {
		fail(ld, CISPREF_EFORMAT, "element '%s' lacks a '%s'", self->rule->name, first);
		return;
	}
	if (self->rich) {
		if (flush_text(ld, self) != 0)
			return;
		if (self->rule->self == CTX_INLINE &&
		    cispref__rich_text_finish(ld->ref, self->rich) != 0) {
			nomem(ld);
			return;
		}
		if (self->rule->self == CTX_TRANSLATION && check_fm_translation(ld, self) != 0)
			return;
		ld->depth--;
		return;
	}
	if (self->text) {
		char *copy = cispref__arena_strndup(ld->ref->arena, ld->text ? ld->text : "", ld->text_len);
		if (!copy) {
			nomem(ld);
			return;
		}
		*self->text = copy;
	}
	fit_lists(ld->ref->arena, self);
	ld->depth--;
}

/* Refuse the text at chars[@at] in @element. The parser reports a run of text once it
 * has read past it: move the error back to chars[@at], whose line has only blanks before
 * it in the run. Count first, as stopping the parser frees @chars. */
static void fail_text(loader *ld, const char *element, const xmlChar *chars, int at, int len)
{
	int after = 0, before = -1;
	for (int i = at + 1; i < len; i++)
		after += chars[i] == '\n';
	for (int i = at - 1; i >= 0 && before < 0; i--)
		if (chars[i] == '\n')
			before = i;
	fail(ld, CISPREF_EFORMAT, "element '%s' may not contain text", element);
	if (!ld->run.error || (after == 0 && before < 0))
		return; /* on the parser's line, column unknown: keep the parser's */
	if (ld->run.error->line > (unsigned long)after)
		ld->run.error->line -= (unsigned long)after;
	ld->run.error->column = before >= 0 ? (unsigned long)(at - before) : 0;
}

/* Where the first byte of the @len at @chars that is no XML blank is, or @len. Between
 * the elements of a referential comes a newline and the next line's indent: runs of
 * spaces, compared eight at a time (a quarter of this callback's instructions went to
 * testing them byte by byte). */
static int first_non_blank(const xmlChar *chars, int len)
{
	static const char spaces[8] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
	int i = 0;
	while (i < len) {
		if (len - i >= 8 && memcmp(chars + i, spaces, 8) == 0) {
			i += 8;
			continue;
		}
		if (chars[i] != ' ' && chars[i] != '\n' && chars[i] != '\t' && chars[i] != '\r')
			return i;
		i++;
	}
	return len;
}

static void on_characters(void *data, const xmlChar *chars, int len)
{
	loader *ld = data;
	if (ld->run.status || ld->depth == 0)
		return;
	frame *self = &ld->stack[ld->depth - 1];
	if (!self->text && !self->rich) {
		int at = first_non_blank(chars, len);
		if (at < len)
			fail_text(ld, self->rule->name, chars, at, len);
		return;
	}
	size_t max = ld->run.options->max_text_length;
	if (max && ld->text_len + (size_t)len > max) {
		fail(ld, CISPREF_ELIMIT, "the text of element '%s' is longer than %zu bytes",
		     self->rule->name, max);
		return;
	}
	if (ld->text_len + (size_t)len + 1 > ld->text_cap) {
		size_t cap = (ld->text_len + (size_t)len + 1) * 2;
		char *grown = realloc(ld->text, cap);
		if (!grown) {
			nomem(ld);
			return;
		}
		ld->text = grown;
		ld->text_cap = cap;
	}
	memcpy(ld->text + ld->text_len, chars, (size_t)len);
	ld->text_len += (size_t)len;
}

/* ---- driver -------------------------------------------------------------------- */

/* Bytes of cispref XML per addressable element, at least in most inputs: items are most
 * elements, and an item line of the format takes 100 to 150 bytes (the synthetic
 * referentials of bench/ 119 to 121 bytes per id, the embedded default 196). The id
 * table is sized for 3/4 fill with this many ids: a denser input makes it grow once. */
#define BYTES_PER_ID 112
#define MAX_RESERVED_IDS (2u << 20)

/* @size_hint: the input's size when known (0 otherwise), to size the id index once
 * instead of growing it step by step. */
static const char *open_element(const sax_run *run)
{
	const loader *ld = (const loader *)run;
	return ld->depth > 0 ? ld->stack[ld->depth - 1].rule->name : NULL;
}

static int parse(loader *ld, cispref__read_fn read_source, void *source)
{
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_characters;
	sax.cdataBlock = on_characters;
	sax.ignorableWhitespace = on_characters;
	return cispref__sax_parse(&ld->run, &sax, ld, read_source, source);
}

static int load(void *result, const char *name, const cispref_load_options *options,
                cispref_error *error, cispref__read_fn read_source, void *source,
                size_t size_hint)
{
	cispref_referential **out = result;
	loader ld = {0};
	ld.run.document = "a referential";
	ld.run.open_element = open_element;
	ld.run.options = options;
	ld.run.name = name;
	ld.run.error = error;
	cispref__load_scan_init(&ld.run.scan, options->max_attributes);
	ld.ref = cispref__referential_create();
	if (!ld.ref || !(ld.ref->origin = cispref__arena_strdup(ld.ref->arena, name))) {
		cispref_referential_free(ld.ref);
		cispref__error_set(error, CISPREF_ENOMEM, name, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	/* A failed reservation only means the index grows as it fills; the cap keeps a huge
	 * or bogus input from reserving much before it has been read. */
	size_t ids = size_hint / BYTES_PER_ID;
	(void)cispref__strmap_reserve(&ld.ref->index, ids < MAX_RESERVED_IDS ? ids : MAX_RESERVED_IDS);
	/* The arena's next block is sized from the input (nodes and texts take about as
	 * much as the XML), so that a large load makes one block, in one mapping, and the
	 * pages it does not write cost nothing. */
	cispref__arena_reserve(ld.ref->arena, size_hint + size_hint / 4);
	strmap_batch pending = {0};
	ld.ref->pending = &pending;
	int rc = parse(&ld, read_source, source);
	free(ld.text);
	free(ld.values);
	if (cispref__index_pending(ld.ref) != 0 && rc == 0) {
		cispref__error_set(error, CISPREF_ENOMEM, name, 0, 0, "out of memory");
		rc = CISPREF_ENOMEM;
	}
	if (rc == 0 && !(options->flags & CISPREF_LOAD_LENIENT))
		rc = cispref__validate_strict(ld.ref, error);
	if (rc != 0) {
		cispref_referential_free(ld.ref);
		return rc;
	}
	*out = ld.ref;
	return CISPREF_OK;
}


int cispref_referential_load_memory(cispref_referential **out, const char *data, size_t size,
                                    const char *name, const cispref_load_options *options,
                                    cispref_error *error)
{
	return cispref__load_memory(load, out, data, size, name, options, error);
}

int cispref_referential_load_fd(cispref_referential **out, int fd, const char *name,
                                const cispref_load_options *options, cispref_error *error)
{
	return cispref__load_fd(load, out, fd, name, options, error);
}

int cispref_referential_load_stream(cispref_referential **out, FILE *stream, const char *name,
                                    const cispref_load_options *options, cispref_error *error)
{
	return cispref__load_stream(load, out, stream, name, options, error);
}

int cispref_referential_load_file(cispref_referential **out, const char *path,
                                  const cispref_load_options *options, cispref_error *error)
{
	return cispref__load_path(load, out, path, options, error);
}
