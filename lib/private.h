/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Private definitions shared by the library's files: the bodies of the opaque types and
 * the helpers that build them. Nothing here is exported. */
#ifndef CISPREF_PRIVATE_H
#define CISPREF_PRIVATE_H

#define CISPREF_COMPILATION
#include <stdarg.h>
#include <stdint.h>
#include <cispref/cispref.h>
#include <libxml/hash.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "arena.h"
#include "strmap.h"

/* Every addressable node starts with this header, so the id index can hold any of them. */
typedef enum node_type {
	NODE_DOMAIN,
	NODE_SUMMARY_ENTRY,
	NODE_PLAN,
	NODE_COMPETENCE,
	NODE_ITEM,
	NODE_CONCEPT,
	NODE_NOTE,
	NODE_SECTION, /* front matter (front_matter.c): ids in the same space as the others */
	NODE_BLOCK
} node_type;

/* 16 bytes on 64-bit machines: the type, an item's kind and the column share one word, so
 * that an item takes 40 bytes (half a million of them in a large load). A column too wide
 * for its bit-field (an element past the 33 millionth byte of a line: minified XML) is
 * NODE_COLUMN_FAR there and kept exactly in the referential's far_columns; read and set
 * it through cispref__node_column() and cispref__node_set_column(). */
#define NODE_COLUMN_BITS 25
#define NODE_COLUMN_FAR ((1u << NODE_COLUMN_BITS) - 1)
typedef struct node {
	const char *id;
	uint32_t line;              /* where it was read from, 0 when built in memory */
	unsigned int type : 4;      /* node_type: 9 values */
	unsigned int kind : 3;      /* an item's cispref_item_kind_t; 0 for other nodes */
	unsigned int column : NODE_COLUMN_BITS;
} node;

struct cispref_referential {
	arena *arena;
	strmap index; /* id -> node *, the first node holding each id */
	size_t duplicate_ids; /* nodes whose id another node held first: 0 spares the
	                       * validator a lookup per node */
	strmap_batch *pending; /* while loading: nodes on their way into the index (the
	                        * loader adds them, cispref__index_pending(), before any
	                        * lookup); NULL otherwise */
	const char *id;
	const char *title;
	const char *version;
	const char *language;
	const char *origin;
	const char *source[CISPREF_SOURCE_FIELD_COUNT];
	char uuid[CISPREF_UUID_STRING_SIZE]; /* the namespace, lower-case (identity.c) */
	const char *base_uri;                /* NULL when none */
	vec domains;
	vec concepts;
	vec notes;
	vec sections; /* the front matter's top-level sections; empty without front matter */
	strmap editions; /* id -> edition_link: the nodes marked deprecated (edition.c) */
	strmap translations; /* id -> translation: the first of a node's translations, one
	                      * per language (translation.c) */
	vec languages; /* const char *: the languages of the translations, sorted, each once
	                * (some may have no translation left: translation.c filters them) */
	struct fm_translation *title_translations; /* fm_translation.c */
	const char *translated_from; /* the language of the referential this one is a view
	                              * of (translated.c), NULL for any other */
	strmap far_columns; /* node_column.c: the columns a node header cannot hold; empty
	                     * (nothing allocated) unless a document has such a column */
};

struct cispref_domain {
	node node;
	cispref_domain_kind_t kind;
	cispref_referential *ref;
	const char *title;
	vec summary;
	vec plans;
};

struct cispref_summary_entry {
	node node;
	cispref_plan_kind_t plan_kind; /* 4-byte fields right after the node pack with it */
	cispref_domain *domain;
	const char *text;
	const char *competence_id;
};

struct cispref_plan {
	node node;
	cispref_plan_kind_t kind;
	cispref_domain *domain;
	const char *title;
	vec competences;
};

struct cispref_competence {
	node node;
	cispref_plan *plan;
	const char *title;
	vec items[CISPREF_ITEM_KIND_COUNT];
	vec note_ids; /* const char * */
};

struct cispref_item {
	node node; /* its kind is the node's */
	cispref_competence *competence;
	const char *text;
	const char *concept_id;
};

struct cispref_concept {
	node node;
	cispref_item_kind_t kind;
	cispref_referential *ref;
	const char *label;
};

_Static_assert(sizeof(node) == sizeof(const char *) + 8 &&
                   sizeof(struct cispref_item) == sizeof(node) + 3 * sizeof(void *),
               "a node header is 16 bytes and an item 40 on 64-bit machines");

struct cispref_note {
	node node;
	cispref_referential *ref;
	const char *number;
	const char *text;
};

/* ---- front matter (front_matter.c) ---------------------------------------------- */

/* Inline content: runs of text, emphasis, quotation and note references. @plain is the
 * text of the runs with quotation marks around quotations and without the note
 * references, set by cispref__rich_text_finish() once the runs are complete. */
struct cispref_rich_text {
	vec runs; /* cispref_inline * */
	const char *plain;
	/* A text of the front matter: its translations (fm_translation.c). Kept here rather
	 * than in a side table: the front matter is small, and a walker holding the text
	 * finds them at once. NULL inside em and q, and in translations themselves. */
	struct fm_translation *translations;
};

struct cispref_inline {
	cispref_inline_kind_t kind;
	uint32_t line, column;        /* where it was read from, 0 when built in memory */
	const char *text;             /* TEXT: the text; NOTE_REF: the note's id */
	cispref_rich_text children;   /* EMPHASIS, QUOTATION: what they hold */
};

struct cispref_section {
	node node;
	uint32_t level;                /* 1 for a Part */
	cispref_section *parent;       /* NULL for a top-level section */
	cispref_referential *ref;
	const char *number;            /* NULL when unnumbered */
	cispref_rich_text heading;
	vec blocks;                    /* cispref_block * */
	vec subsections;               /* cispref_section * */
};

struct cispref_list_item {
	const char *label; /* NULL for a bullet */
	cispref_rich_text text;
};

struct cispref_step {
	const char *date;
	const char *actors; /* NULL when none */
	cispref_rich_text task;
	struct fm_translation *date_translations, *actors_translations; /* fm_translation.c */
};

struct cispref_phase {
	cispref_rich_text heading;
	vec steps; /* cispref_step * */
};

/* A block; its node's id is NULL when the block has none (it is then not in the index),
 * the node's line and column are set all the same. */
struct cispref_block {
	node node;
	cispref_block_kind_t kind;
	cispref_section *section;
	cispref_rich_text *text;        /* P: the paragraph; QUOTE: its heading or NULL;
	                                 * FIGURE: its caption */
	vec children;                   /* LIST: cispref_list_item *; QUOTE: cispref_rich_text *
	                                 * (its paragraphs); TIMELINE: cispref_phase * */
	const char *attribution;        /* QUOTE: NULL when none */
	struct fm_translation *attribution_translations; /* fm_translation.c */
	const char *drawing;            /* FIGURE: "contours" */
	cispref_domain_kind_t domain_kind; /* OVERVIEW; DETAILS when has_domain_kind */
	int has_domain_kind;               /* DETAILS: 0 when it stands for every domain */
};

/* Creation without checks, for the loader (and the builder). NULL on ENOMEM. */
cispref_section *cispref__section_create(cispref_referential *ref, cispref_section *parent,
                                         const char *id, const char *number);
/* @id may be NULL (a block without id). */
cispref_block *cispref__block_create(cispref_section *section, cispref_block_kind_t kind,
                                     const char *id);
cispref_rich_text *cispref__block_add_paragraph(cispref_block *quote);
cispref_list_item *cispref__list_item_create(cispref_block *list, const char *label);
cispref_phase *cispref__phase_create(cispref_block *timeline);
cispref_step *cispref__step_create(cispref_referential *ref, cispref_phase *phase);
/* A run appended to @parent; @text is copied (the text, or the note's id). */
cispref_inline *cispref__inline_create(cispref_referential *ref, cispref_rich_text *parent,
                                       cispref_inline_kind_t kind, const char *text,
                                       size_t length);
/* Set @rt's plain text from its runs: 0 or -1 (out of memory). */
int cispref__rich_text_finish(cispref_referential *ref, cispref_rich_text *rt);
/* The note ids referenced in @rt, in order, each passed to @visit with @data. */
typedef void (*cispref__note_ref_fn)(const cispref_inline *ref, void *data);
void cispref__rich_text_note_refs(const cispref_rich_text *rt, cispref__note_ref_fn visit,
                                  void *data);
/* Every rich text of @block (paragraph, heading, items, tasks, caption), in order. */
typedef void (*cispref__rich_text_fn)(const cispref_rich_text *rt, void *data);
void cispref__block_rich_texts(const cispref_block *block, cispref__rich_text_fn visit,
                               void *data);
/* equal.c: whether two rich texts hold the same runs, and two vecs of blocks the same
 * blocks (as cispref_referential_equal() compares them; the diff says where they differ).
 * Translations are not compared here. */
bool cispref__rich_text_same(const cispref_rich_text *a, const cispref_rich_text *b);
bool cispref__blocks_same(const vec *a, const vec *b);
/* Remove the note-refs to @note_id from the front matter (the builder's removal of a
 * note), joining the text runs that come together: 0 or -1 (out of memory). */
int cispref__front_matter_drop_note_refs(cispref_referential *ref, const char *note_id);
/* Allocate a node of @type holding @id and register it in the index (see model.c). */
void *cispref__node_create(cispref_referential *ref, size_t size, node_type type,
                           const char *id, vec *parent_list);

/* error.c */
void cispref__error_set(cispref_error *error, int code, const char *source,
                        unsigned long line, unsigned long column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Record the errno of the system call behind a #CISPREF_EIO that @error holds (after
 * cispref__error_set(), which clears it). @error may be NULL. */
void cispref__error_set_errnum(cispref_error *error, int errnum);
/* Options whose @flags hold a bit outside @known are refused: a caller built against a
 * later header that asks for a behaviour this library lacks would otherwise get another
 * one. 0, or CISPREF_EARG with @error naming the unknown bits, as "unknown @what 0x80
 * (this library knows @known_names, 0x1)". */
int cispref__refuse_unknown_flags(cispref_error *error, const char *name, unsigned flags,
                                  unsigned known, const char *what, const char *known_names);
/* Shorten @s (@length bytes) so that it does not end inside a UTF-8 sequence, as a cut at
 * a byte limit (snprintf into a fixed array) may leave it; returns the new length. Other
 * bytes that are not UTF-8 are left alone. */
size_t cispref__utf8_trim(char *s, size_t length);

/* model.c: creation without checks, for the builder (which checks first) and the loader
 * (which keeps what it reads so the validator can report it). NULL on ENOMEM. */
cispref_referential *cispref__referential_create(void);
cispref_domain *cispref__domain_create(cispref_referential *ref, const char *id,
                                       cispref_domain_kind_t kind, const char *title);
cispref_summary_entry *cispref__summary_entry_create(cispref_domain *domain, const char *id,
                                                     cispref_plan_kind_t kind,
                                                     const char *text,
                                                     const char *competence_id);
cispref_plan *cispref__plan_create(cispref_domain *domain, const char *id,
                                   cispref_plan_kind_t kind, const char *title);
cispref_competence *cispref__competence_create(cispref_plan *plan, const char *id,
                                               const char *title);
cispref_item *cispref__item_create(cispref_competence *competence, const char *id,
                                   cispref_item_kind_t kind, const char *text,
                                   const char *concept_id);
int cispref__competence_add_note_id(cispref_competence *competence, const char *note_id);
cispref_concept *cispref__concept_create(cispref_referential *ref, const char *id,
                                         cispref_item_kind_t kind, const char *label);
cispref_note *cispref__note_create(cispref_referential *ref, const char *id,
                                   const char *number, const char *text);
node *cispref__find(const cispref_referential *ref, const char *id);
/* Add the nodes @ref->pending holds to the index and stop batching: 0 or -1 (out of
 * memory). */
int cispref__index_pending(cispref_referential *ref);
const char *cispref__node_id(const void *n); /* the key of the id index */

/* node_column.c: a node's column, whatever its width (see struct node). Setting may add
 * to @ref->far_columns: 0 or -1 (out of memory). Inline, as the loader sets one per
 * element: a call for the common case took 25 instructions, the field's store a few. */
int cispref__node_set_far_column(cispref_referential *ref, node *n, unsigned long column);
static inline int cispref__node_set_column(cispref_referential *ref, node *n,
                                           unsigned long column)
{
	if (column >= NODE_COLUMN_FAR)
		return cispref__node_set_far_column(ref, n, column);
	n->column = (unsigned int)column;
	return 0;
}
unsigned long cispref__node_column(const cispref_referential *ref, const node *n);

/* edition.c: the edition links of the nodes marked deprecated, kept aside (few nodes
 * have one; the nodes stay small). A link names its node, so that a link outliving its
 * node (removed by the builder) is ignored. */
typedef struct edition_link {
	const char *id;
	const node *n;
	const char *replaced_by; /* NULL when none is named */
} edition_link;
/* Mark @n deprecated (replaced by @replaced_by, copied; may be NULL) or not: 0 or -1
 * (out of memory). */
int cispref__edition_set(cispref_referential *ref, const node *n, int deprecated,
                         const char *replaced_by);
/* The link of the node that holds @id, or NULL when it is not deprecated. */
const edition_link *cispref__edition_get(const cispref_referential *ref, const char *id);
/* Fill @out (initialised here; the caller frees it) with the walk states of the links of
 * @ref, carved from @a, so that cispref__edition_on_cycle() tells the nodes whose chain
 * of replacements comes back to them. 0 or -1 (out of memory). */
int cispref__edition_cycles(strmap *out, arena *a, const cispref_referential *ref);
int cispref__edition_on_cycle(const strmap *cycles, const char *id);
/* The link of @n itself, or NULL. */
const edition_link *cispref__edition_of(const cispref_referential *ref, const node *n);

/* text.c */
/* translation.c: a node's text in another language, kept aside as the edition links
 * are (most referentials have none; an item stays 40 bytes). The map holds the first
 * translation of each node; the others follow through @next, in the order they came. */
typedef struct translation {
	const char *id; /* the node's id: the key (first, as the map's key function reads) */
	const node *n;  /* the node when it was set: a node removed since (and another
	                 * made with its id) does not inherit it */
	const char *language;
	const char *text;
	char source_hash[17]; /* 16 hex digits of the source text's hash, when it was set */
	uint32_t line, column; /* where it was read from, 0 when set in memory */
	struct translation *next;
} translation;
/* Add (or replace) @n's translation into @language (checked), with @source_hash (16 hex
 * digits) or, when NULL, the hash of @n's present text. The translation's text is set
 * by the caller (the loader fills it at the element's end). NULL out of memory. */
translation *cispref__translation_add(cispref_referential *ref, const node *n,
                                      const char *language, const char *source_hash);
/* @n's translation into exactly @language (compared without regard to case), or NULL. */
const translation *cispref__translation_find(const cispref_referential *ref, const node *n,
                                             const char *language);
/* @n's text in @language by RFC 4647's lookup (cispref_referential_node_text()); @found
 * (may be NULL) is set to whether the lookup matched a translation or the referential's
 * own language, 0 when the text fell back to the referential's own. */
const char *cispref__node_text(const cispref_referential *ref, const node *n,
                               const char *language, int *found);
/* The first of @n's translations, or NULL. */
const translation *cispref__translation_first(const cispref_referential *ref, const node *n);
/* The text a translation is of: the node's own text; NULL for the nodes that hold no
 * text of their own (front-matter sections and blocks). */
const char *cispref__node_source_text(const node *n);
/* The hash a translation keeps of its source @text: 16 lower-case hex digits and a NUL
 * into @out (doc/format.md, "Translations"). */
void cispref__translation_hash(char out[17], const char *text);
/* Whether a translation's source text has changed since it was set. */
int cispref__translation_outdated(const translation *t);
/* Every node that holds a text, in document order (domain, its summary entries, its
 * plans, each competence and its items by kind; concepts; notes), passed to @visit. */
typedef void (*cispref__node_fn)(const node *n, void *data);
void cispref__text_nodes(const cispref_referential *ref, cispref__node_fn visit, void *data);
/* @n's translations, in the order of their languages (ref->languages). */
typedef void (*cispref__translation_fn)(const translation *t, void *data);
void cispref__translations_of(const cispref_referential *ref, const node *n,
                              cispref__translation_fn visit, void *data);
/* Note @language among the referential's languages: 0 or -1 (out of memory). */
int cispref__translation_language_add(cispref_referential *ref, const char *language);

/* fm_translation.c: translations of the front matter's texts and of the title
 * (doc/format.md, "Translations"), addressed by `of` and `part`. Each text's
 * translations hang from the text itself, in byte order of their language tags (case
 * aside). */
typedef struct fm_translation {
	const char *language;
	cispref_rich_text *rich; /* a rich part's translation; NULL for a plain part */
	const char *plain;       /* a plain part's translation */
	char source_hash[17];    /* of the source's markup (rich) or text (plain) */
	uint32_t line, column;   /* where it was read from, 0 when set in memory */
	struct fm_translation *next;
} fm_translation;

#define CISPREF__FM_PART_SIZE 96
/* One translatable text of the front matter or the title: its address, its source and
 * where its translations hang. */
typedef struct fm_text {
	const char *of;                   /* the section's, block's or referential's id */
	char part[CISPREF__FM_PART_SIZE]; /* "heading", "block 3 item 2", "title"... */
	const node *owner;                /* the section or block; NULL for the title */
	const cispref_rich_text *rich;    /* the source of a rich part, else NULL */
	const char *plain;                /* the source of a plain part (NULL when absent) */
	fm_translation **slot;
} fm_text;
/* Resolve the address (@of, @part) into @out: 0, or -1 with @why (at least 160 bytes)
 * saying why not. */
int cispref__fm_resolve(const cispref_referential *ref, const char *of, const char *part,
                        fm_text *out, char *why, size_t size);
/* Every text of the title and the front matter, in document order. */
typedef void (*cispref__fm_text_fn)(const fm_text *text, void *data);
void cispref__fm_texts(const cispref_referential *ref, cispref__fm_text_fn visit, void *data);
/* @text's translation into exactly @language (case aside), or NULL. */
const fm_translation *cispref__fm_find(const fm_text *text, const char *language);
/* Add an empty translation of @text into @language (replacing one there), with
 * @source_hash or, when NULL, the hash of the present source. NULL out of memory. */
fm_translation *cispref__fm_add(cispref_referential *ref, const fm_text *text,
                                const char *language, const char *source_hash);
/* The hash of @text's present source into @out: 0, or -1 out of memory. */
int cispref__fm_source_hash(char out[17], const fm_text *text);
/* A plain text (@source, whose translations hang from @slot) in @language, with the
 * lookup of cispref_referential_front_matter_string(). */
const char *cispref__fm_plain_in(const cispref_referential *ref, fm_translation *const *slot,
                                 const char *source, const char *language);
/* Whether a translation of @language hangs anywhere in the title or front matter. */
int cispref__fm_language_used(const cispref_referential *ref, const char *language);

/* markup.c: inline content as markup (doc/format.md, "Translations"), the form a rich
 * text's source hash and its PO messages use. */
/* @rt as markup, malloc'd (the caller frees it); NULL out of memory. */
char *cispref__rich_text_markup(const cispref_rich_text *rt);
/* Parse @markup into a new rich text of @ref's arena, with the inline elements and
 * nesting of the format, and the same note-refs as @source: CISPREF_OK, CISPREF_EFORMAT
 * with @why filled, or CISPREF_ENOMEM. libxml2 reads it with no network, no DTD and no
 * entity but XML's own; its depth is the format's. */
int cispref__markup_parse(cispref_referential *ref, const char *markup,
                          const cispref_rich_text *source, cispref_rich_text **out, char *why,
                          size_t size);
/* Whether @a and @b refer to the same notes, as many times each: 0, or -1 with @why
 * saying which note differs (-2 out of memory). */
int cispref__note_refs_match(const cispref_rich_text *a, const cispref_rich_text *b,
                             char *why, size_t size);

int cispref__text_is_valid(const char *text);
int cispref__id_is_valid(const char *id);

/* validate.c: the first error-severity finding, for the strict loader. */
int cispref__validate_strict(const cispref_referential *ref, cispref_error *error);

/* validate.c: a list that an importer fills with what it repaired or dropped. @tag
 * must outlive the list (a static string). */
cispref_diagnostics *cispref__diagnostics_new(void);
int cispref__diagnostics_add(cispref_diagnostics *list, cispref_severity_t severity,
                             const char *tag, const char *file, unsigned long line,
                             const char *node_id, const char *message);
/* The same with the message made by vsnprintf(@fmt, @ap), cut at 511 bytes on a UTF-8
 * boundary: what an importer's diag() hands over. */
int cispref__diagnostics_addv(cispref_diagnostics *list, cispref_severity_t severity,
                              const char *tag, const char *file, unsigned long line,
                              const char *node_id, const char *fmt, va_list ap);

/* moodle_write.c: the Moodle CSV with the default options, for export.c's table. */
int cispref__moodle_write(xmlBufferPtr out, const cispref_referential *ref,
                          cispref_error *error);

/* xml_write.c, json_write.c: serialise into a libxml2 buffer. */
int cispref__xml_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error);
/* The same document with every node's text in @language (cispref__node_text()'s
 * fallback), xml:lang set to @language and no translations; NULL: as above. */
int cispref__xml_write_in(xmlBufferPtr out, const cispref_referential *ref,
                          const char *language, cispref_error *error);
int cispref__json_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error);

/* csv_write.c, xlsx_write.c: the spreadsheet exports (the CSV dialects and the
 * workbook, doc/interchange.md). */
int cispref__csv_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error);
int cispref__csv_excel_fr_write(xmlBufferPtr out, const cispref_referential *ref,
                                cispref_error *error);
/* csv_write.c: a table of @rows rows of @columns cells (row-major, NULL for ""), the
 * header row first, in the RFC 4180 dialect or (@excel_fr) the French Excel one:
 * 0 or CISPREF_ENOMEM. */
int cispref__csv_table(xmlBufferPtr out, int excel_fr, size_t columns, size_t rows,
                       const char *const *cells);
int cispref__xlsx_write(xmlBufferPtr out, const cispref_referential *ref,
                        cispref_error *error);

/* skos_write.c, esco_write.c: the SKOS concept scheme in Turtle and the ESCO-style CSV
 * (doc/interchange.md, "SKOS and ESCO"). cispref__skos_iri() appends to @out the IRI both
 * give the node @id (NULL: the concept scheme): the node's URI with a base URI, else
 * urn:uuid: and its UUID; CISPREF_EFORMAT when it would hold a character an IRI cannot,
 * CISPREF_ENOMEM. */
int cispref__skos_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error);
int cispref__esco_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error);
int cispref__po_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error);
int cispref__skos_iri(xmlBufferPtr out, const cispref_referential *ref, const char *id);

/* sheet_rows.c: one row per item, in the model's order, for the spreadsheet exports.
 * A row callback gets the cells (never NULL: "" for a missing value) and returns 0 to go
 * on or an error code, which the walk returns. */
enum { CISPREF__SHEET_COLUMNS = 7, /* domain, plan, competence, kind, id, text, concept */
       CISPREF__SHEET_ID = 4,      /* the item's id */
       CISPREF__SHEET_TEXT = 5 };  /* the item's text */
typedef int (*cispref__sheet_row_fn)(const char *const cells[CISPREF__SHEET_COLUMNS],
                                     void *data);
const char *const *cispref__sheet_headers(int french);
int cispref__sheet_rows(const cispref_referential *ref, cispref__sheet_row_fn row, void *data);
int cispref__sheet_domain_rows(const cispref_domain *domain, cispref__sheet_row_fn row,
                               void *data);
size_t cispref__sheet_domain_row_count(const cispref_domain *domain);

/* xml_catch.c: libxml2's error handlers taken for the length of one operation (they are
 * the calling thread's), so that nothing reaches stderr and a failure libxml2 only
 * reports (its text writer swallows some) still fails the operation. */
typedef struct xml_catch {
	xmlStructuredErrorFunc structured; /* the caller's handlers, restored at the end */
	void *structured_data;
	xmlGenericErrorFunc generic;
	void *generic_data;
	unsigned errors; /* messages raised meanwhile */
	int nomem;       /* one of them said that memory ran out */
	char message[CISPREF_ERROR_TEXT_LENGTH]; /* the first other one */
} xml_catch;
void cispref__xml_catch_begin(xml_catch *c);
/* Restore the handlers. Returns @rc when it is an error or nothing was raised; else
 * fills @error and returns CISPREF_ENOMEM (or CISPREF_EXML for another libxml2 error). */
int cispref__xml_catch_end(xml_catch *c, int rc, cispref_error *error);

/* odt_package.c: the ODT package of @parts (content.xml, styles.xml, meta.xml, in that
 * order, then an optional SVG picture stored as CISPREF__ODT_FIGURE_PART, NULL when the
 * document has none; the caller keeps them) appended to @out: CISPREF_OK or
 * CISPREF_ENOMEM. */
enum { CISPREF__ODT_FIGURE = 3, CISPREF__ODT_PARTS = 4 };
#define CISPREF__ODT_FIGURE_PART "Pictures/contours.svg"
int cispref__odt_package(xmlBufferPtr out, xmlBufferPtr parts[CISPREF__ODT_PARTS],
                         cispref_error *error);
/* output.c: a new, empty libxml2 buffer that grows by doubling (NULL when out of
 * memory); every buffer the library writes a document into comes from here. */
xmlBufferPtr cispref__buffer_new(void);
/* output.c: run @write(buffer, @ref, @context, @error) into a new libxml2 buffer,
 * libxml2's own failures caught as failures of the export: the buffer, or NULL with *@rc
 * and @error set. Every export entry (export.c, moodle_write.c) serialises through it. */
typedef int (*cispref__writer)(xmlBufferPtr out, const cispref_referential *ref,
                               const void *context, cispref_error *error);
xmlBufferPtr cispref__serialise(const cispref_referential *ref, cispref__writer write,
                               const void *context, cispref_error *error, int *rc);

/* output.c: hand a serialised document to the caller; each frees @buf. */
int cispref__output_buffer(xmlBufferPtr buf, char **out, size_t *size, cispref_error *error);
int cispref__output_stream(xmlBufferPtr buf, FILE *stream, cispref_error *error);
int cispref__output_path(xmlBufferPtr buf, const char *path, cispref_error *error);

/* input_file.c: the whole of the regular file at @path, at most @limit bytes (0: no
 * limit), in a malloc'ed *@out the caller frees; its length in *@size. CISPREF_EIO (the
 * errno in the error record), CISPREF_ELIMIT or CISPREF_ENOMEM. */
int cispref__read_regular_file(char **out, size_t *size, const char *path, size_t limit,
                               cispref_error *error);
/* input_file.c: an importer's result to its caller. When @rc is not CISPREF_OK, @ref and
 * @diags are freed and @rc returned, *@out untouched; else *@out takes @ref and
 * *@diagnostics @diags (freed when @diagnostics is NULL). */
int cispref__import_hand_over(cispref_referential **out, cispref_diagnostics **diagnostics,
                              cispref_referential *ref, cispref_diagnostics *diags, int rc);

/* input_file.c: @want made into an id no node of @ref holds: characters outside
 * [A-Za-z0-9._-] become '_', a '_' goes before one that starts otherwise than with a
 * letter or '_', and "-2", "-3"... follow when it is taken. Allocated in @a; NULL out of
 * memory. */
const char *cispref__import_id(arena *a, const cispref_referential *ref, const char *want);
/* input_file.c: append to @diags the validator's findings on @ref, as from the input
 * @name, with the lines of the nodes when @lines (a CSV), else none (JSON keeps none).
 * CISPREF_OK or CISPREF_ENOMEM. */
int cispref__import_validate(cispref_diagnostics *diags, const cispref_referential *ref,
                             const char *name, int lines);
/* input_file.c: the end of an import that built @ref (unless @failed, out of memory):
 * the validator's findings appended as cispref__import_validate() does. CISPREF_OK, or
 * CISPREF_ENOMEM with @error filled (naming the input @name) when @failed or when the
 * validation runs out of memory. */
int cispref__import_finish(cispref_diagnostics *diags, const cispref_referential *ref,
                           const char *name, int lines, int failed, cispref_error *error);

/* atomic_file.c: write @data to what @path names, as cispref_export_path() documents:
 * a regular or new file replaced atomically, links followed, FIFOs and character devices
 * written in place. @flags: CISPREF__WRITE_NAMED_TEMPORARY skips O_TMPFILE (the tests
 * reach the fallback with it). */
enum { CISPREF__WRITE_DEFAULT = 0, CISPREF__WRITE_NAMED_TEMPORARY = 1 };
int cispref__write_file_atomic(const char *path, const char *data, size_t size,
                               unsigned flags, cispref_error *error);

/* Whether the file name extensions @a and @b (".xml") are the same, ASCII letters
 * compared in either case (cispref_format_from_path(), cispref_render_format_from_path()). */
int cispref__extension_equal(const char *a, const char *b);

#endif
