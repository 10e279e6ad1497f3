/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What the renderers share (render_context.c): the options resolved once into a rendering
 * context (which domains, notes and concepts appear), texts in the chosen inclusive-writing
 * style, the French labels of the printed cahier, anchors; and the one function each
 * renderer file defines, which only render.c's table of formats calls. */
#ifndef CISPREF_RENDER_PRIVATE_H
#define CISPREF_RENDER_PRIVATE_H

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "private.h"

/* One entry of the concept index. */
typedef struct render_concept {
	const cispref_concept *concept;
	const char *label; /* in the chosen style */
	const char *key;   /* folded label: the sort key */
	size_t position;   /* in the referential, to break ties */
	vec competences;   /* const cispref_competence *, rendered ones, in document order */
} render_concept;

typedef struct render_ctx {
	const cispref_referential *ref;
	cispref_render_options opt;
	arena *arena;      /* everything below, and the texts rewritten for this rendering */
	const char *title; /* the document's title */
	vec domains;       /* const cispref_domain *, the rendered ones, in document order */
	/* The front matter's sections that are printed: the referential's, or none when
	 * domains are chosen (the front matter presents the whole referential: its schema,
	 * overview tables and texts name every domain, so printed with a few domains it would
	 * keep captions without figures and headings without content). */
	const vec *sections;
	vec notes;         /* const cispref_note *, the rendered ones, in the referential's order */
	vec concepts;      /* render_concept *, sorted by key; empty without the index option */
	strmap claimed;    /* anchors already defined in the document */
	int unbreakable;   /* laid out in lines (HTML, ODT): inclusive pairs must not break */
	int failed;        /* a text could not be allocated: the output is to be dropped */
} render_ctx;

/* A text in the chosen inclusive style, and with no line break inside an inclusive pair
 * in the formats laid out in lines; "" for NULL. Valid as long as the context. */
const char *cispref__render_text(render_ctx *ctx, const char *text);
/* @label (a constant of the cahier, such as an index kind label) that no line breaks:
 * spaces as U+00A0, U+2060 WORD JOINER after each hyphen. */
const char *cispref__render_nowrap(render_ctx *ctx, const char *label);
/* The source date as a French reader expects it: "2020-12" → "décembre 2020"; other forms
 * are returned as they are. */
const char *cispref__render_date(render_ctx *ctx, const char *date);
/* A field of the source metadata in the chosen style, or NULL when it is not set. */
const char *cispref__render_source(render_ctx *ctx, cispref_source_field_t field);
/* The line naming the publication: "Les cahiers de l'Interfédé n°24", or NULL. */
const char *cispref__render_series_line(render_ctx *ctx);
/* The note referenced at @index by @comp when notes are rendered and the id resolves,
 * else NULL. */
const cispref_note *cispref__render_competence_note(const render_ctx *ctx, const cispref_competence *comp,
                                           size_t index);
/* The competence a summary entry names, when it is rendered (it may be in a domain left
 * out), else NULL. */
const cispref_competence *cispref__render_entry_competence(const render_ctx *ctx,
                                                  const cispref_summary_entry *entry);
/* Whether @note was referenced by a rendered competence (it is then a footnote). */
int cispref__render_note_is_referenced(const render_ctx *ctx, const cispref_note *note);
/* Called for each competence of the rendered domains whose note @index is the one asked
 * for; a non-zero return stops the walk. */
typedef int (*render_note_visit)(void *payload, const cispref_competence *comp, size_t index);
/* Visit, in document order, every reference to @note from a rendered competence; the
 * first non-zero value @visit returned, or 0. */
int cispref__render_note_references(const render_ctx *ctx, const cispref_note *note,
                                    render_note_visit visit, void *payload);
/* The summary lists entries under plan labels: how many entries from @first on are listed
 * under the plan kind of entry @first when it starts such a run, 0 when it continues the
 * run of the entry before it (tables then span or skip the plan cell). */
size_t cispref__render_plan_run(const cispref_domain *domain, size_t first);

/* The front matter (ctx->sections: printed whole when every domain is rendered, left out
 * when domains are chosen). Whether a note-ref of the front matter names @note: */
int cispref__render_note_in_front(const render_ctx *ctx, const cispref_note *note);
/* The note a note-ref run names when notes are rendered and it resolves, else NULL. */
const cispref_note *cispref__render_front_note(const render_ctx *ctx, const cispref_inline *run);
/* Whether a block of @kind is somewhere in the front matter; the renderers print what it
 * stands for (summary tables, detail tables) after the front matter when it is not. */
int cispref__render_front_has(const render_ctx *ctx, cispref_block_kind_t kind);
/* Whether the details block @block stands for @domain's detail tables: one without a
 * domain kind stands for every domain, one with a kind for the domains of that kind. */
int cispref__render_details_places(const cispref_block *block, const cispref_domain *domain);
/* Whether a details block of @section itself places @domain (the contents list it there). */
int cispref__render_section_places(const cispref_section *section, const cispref_domain *domain);
/* Whether a details block somewhere in the front matter places @domain; the renderers print
 * the domains none places after the front matter, so that nothing is left out. */
int cispref__render_front_places(const render_ctx *ctx, const cispref_domain *domain);
/* "3.1.1 Heading" (the plain heading for an unnumbered section), in the chosen style. */
const char *cispref__render_section_title(render_ctx *ctx, const cispref_section *section);

/* The options checked (version, inclusive style, title): CISPREF_OK or CISPREF_EARG with
 * @error filled. */
int cispref__render_check_options(const cispref_render_options *options, cispref_error *error);
/* Resolve checked @options (NULL: the defaults) for @ref, for a format laid out in lines
 * when @unbreakable (see render_ctx). Whatever it returns, release the context with
 * cispref__render_context_free(). */
int cispref__render_context_init(render_ctx *ctx, const cispref_referential *ref,
                                 const cispref_render_options *options, int unbreakable,
                                 cispref_error *error);
void cispref__render_context_free(render_ctx *ctx);

/* Labels of the printed cahier. */
const char *cispref__render_plan_label(cispref_plan_kind_t kind);     /* "Individuel", ... */
const char *cispref__render_column_label(cispref_item_kind_t kind);   /* "Savoir-faire", ... */
const char *cispref__render_kind_label(cispref_item_kind_t kind);     /* "savoir-faire comportemental" */
#define RENDER_LABEL_CONTENTS "Table des matières"
#define RENDER_LABEL_OVERVIEW "Vue d'ensemble des compétences"
#define RENDER_LABEL_NOTES "Notes"
#define RENDER_LABEL_INDEX "Index des concepts partagés"
#define RENDER_LABEL_PLAN "Plan"
#define RENDER_LABEL_COMPETENCE "Compétence"
/* The accessible title of the schema of the mission's contours (3.1.1). */
#define RENDER_LABEL_FIGURE "Schéma du contour de la mission d'accompagnement"

/* A table of at most this many rows (summary entries, or items in the longest column of
 * a competence) is small: it is kept on one page rather than split, which would leave its
 * header and a row or two at the foot of a page. A longer one may break between rows. */
#define RENDER_SMALL_TABLE_ROWS 12

/* Anchors (HTML ids, ODF bookmarks): "prefix-id" for a node, and these for the chapters,
 * which hold no "-" so that no node's anchor can take them. */
#define RENDER_ID_CONTENTS "contents"
#define RENDER_ID_OVERVIEW "overview"
#define RENDER_ID_NOTES "notes"
#define RENDER_ID_INDEX "concepts"
/* "prefix-id" in the context's arena. */
const char *cispref__render_anchor(render_ctx *ctx, const char *prefix, const char *id);
/* The anchor "prefix-id" to define on a node: NULL when it was defined already, since a
 * referential loaded leniently may hold an id twice and a document defines each anchor
 * once (links then lead to the first); NULL too for a NULL or empty @id. */
const char *cispref__render_claim_anchor(render_ctx *ctx, const char *prefix, const char *id);
/* "#anchor", a link to an anchor of the document. */
const char *cispref__render_fragment(render_ctx *ctx, const char *anchor);

/* The schema of the mission's contours (3.1.1), drawn from the rendered domains
 * (render_figure.c): whether there is one to draw (a core domain is rendered), and the
 * SVG element written with @w (the "svg" root with its namespace, the same for HTML
 * inline and for an image file), its size in millimetres in *width_mm, *height_mm
 * (either may be NULL). CISPREF_OK, or CISPREF_ENOMEM when the writer failed. */
int cispref__render_figure_present(render_ctx *ctx);
int cispref__render_figure_svg(xmlTextWriterPtr w, render_ctx *ctx, double *width_mm,
                               double *height_mm);

/* One renderer per file; each appends the whole document to @out. Only the table of
 * formats in render.c calls them. */
int cispref__render_html(xmlBufferPtr out, render_ctx *ctx, cispref_error *error);
int cispref__render_odt(xmlBufferPtr out, render_ctx *ctx, cispref_error *error);
int cispref__render_fodt(xmlBufferPtr out, render_ctx *ctx, cispref_error *error);
int cispref__render_md(xmlBufferPtr out, render_ctx *ctx, cispref_error *error);

#define RENDER_X(s) ((const xmlChar *)(s))

#endif
