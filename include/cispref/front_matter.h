/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file front_matter.h
 * @brief The publication's text around the referential: sections, blocks, inline runs.
 *
 * A referential may hold front matter (the XML element `front-matter`, doc/format.md):
 * the parts of the publication printed before the detail tables. It is a tree of
 * sections; a section has a heading, blocks in source order and subsections. A block is
 * a paragraph, a list, a block quotation, a timeline, a figure, or a placeholder where
 * the renderers put the summary tables (`overview`) or the detail tables (`details`).
 *
 * Headings, paragraphs, list items, quotation headings, timeline tasks and figure
 * captions hold inline content: a #cispref_rich_text, a list of runs (text, emphasis,
 * quotation, note reference); emphasis and quotation runs hold runs in turn.
 *
 * As everywhere in the model, handles and strings are owned by the referential and live
 * as long as it does; accessors given NULL return NULL, 0 or the documented neutral
 * value; an index out of range gives NULL.
 *
 * @defgroup front_matter Front matter
 * @{
 */
#ifndef CISPREF_FRONT_MATTER_H
#define CISPREF_FRONT_MATTER_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <cispref/common.h>
#include <cispref/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A section of the front matter ("1", "3.1.1", or an unnumbered subsection). */
typedef struct cispref_section cispref_section;
/** A block of a section: paragraph, list, quotation, timeline, figure, overview, details. */
typedef struct cispref_block cispref_block;
/** Inline content: a list of runs. */
typedef struct cispref_rich_text cispref_rich_text;
/** One run of inline content. */
typedef struct cispref_inline cispref_inline;
/** An item of a list block. */
typedef struct cispref_list_item cispref_list_item;
/** A phase of a timeline block. */
typedef struct cispref_phase cispref_phase;
/** A step of a timeline phase. */
typedef struct cispref_step cispref_step;

/** Kind of a block (the XML element's name is the kind's name). */
typedef enum cispref_block_kind_t {
	CISPREF_BLOCK_PARAGRAPH = 0, /**< "p": a paragraph (cispref_block_text()). */
	CISPREF_BLOCK_LIST = 1,      /**< "list": labelled items (cispref_block_list_item()). */
	CISPREF_BLOCK_QUOTE = 2,     /**< "quote": a block quotation, heading, paragraphs,
	                                  attribution. */
	CISPREF_BLOCK_TIMELINE = 3,  /**< "timeline": phases of dated steps. */
	CISPREF_BLOCK_FIGURE = 4,    /**< "figure": a drawing made from the model, a caption. */
	CISPREF_BLOCK_OVERVIEW = 5,  /**< "overview": the summary tables of one domain kind. */
	CISPREF_BLOCK_DETAILS = 6    /**< "details": the detailed competence tables. */
} cispref_block_kind_t;

/** Kind of an inline run. */
typedef enum cispref_inline_kind_t {
	CISPREF_INLINE_TEXT = 0,      /**< Text (cispref_inline_text()). */
	CISPREF_INLINE_EMPHASIS = 1,  /**< "em": emphasis over its children. */
	CISPREF_INLINE_QUOTATION = 2, /**< "q": a quotation, its children without their
	                                   quotation marks (renderers add them). */
	CISPREF_INLINE_NOTE_REF = 3   /**< "note-ref": a note's marker (cispref_inline_note_id()). */
} cispref_inline_kind_t;

/** @name Kind names
 * As for the model's kinds: `*_name()` gives NULL out of range, `*_from_name()` 0 or
 * #CISPREF_EARG.
 * @{ */
/** Name of a block kind: "p", "list", "quote", "timeline", "figure", "overview", "details". */
CISPREF_EXPORT const char *cispref_block_kind_name(cispref_block_kind_t kind);
/** Parse a block kind name. */
CISPREF_EXPORT int cispref_block_kind_from_name(cispref_block_kind_t *out, const char *name);
/** Name of an inline kind: "text", "em", "q", "note-ref". */
CISPREF_EXPORT const char *cispref_inline_kind_name(cispref_inline_kind_t kind);
/** @} */

/** @name Referential
 * @{ */
/** Number of top-level sections of the front matter; 0 when it has none. */
CISPREF_EXPORT size_t cispref_referential_section_count(const cispref_referential *ref);
/** The top-level section at @p index, in document order. */
CISPREF_EXPORT const cispref_section *cispref_referential_section(const cispref_referential *ref,
                                                                  size_t index);
/** The section with @p id (at any level), or NULL. */
CISPREF_EXPORT const cispref_section *cispref_referential_find_section(
	const cispref_referential *ref, const char *id);
/** The block with @p id, or NULL (blocks without an id are not found). */
CISPREF_EXPORT const cispref_block *cispref_referential_find_block(
	const cispref_referential *ref, const char *id);
/** @} */

/** @name Section
 * @{ */
/** The section's id ("fm.3.1"). */
CISPREF_EXPORT const char *cispref_section_id(const cispref_section *section);
/** The section's number as printed ("3.1.1"), or NULL for an unnumbered section. */
CISPREF_EXPORT const char *cispref_section_number(const cispref_section *section);
/** The nesting depth: 1 for a top-level section (a Part), 2 for its subsections...; 0 for
 * NULL. */
CISPREF_EXPORT unsigned cispref_section_level(const cispref_section *section);
/** The heading, without its number. */
CISPREF_EXPORT const cispref_rich_text *cispref_section_heading(const cispref_section *section);
/** The section that holds this one, NULL for a top-level section. */
CISPREF_EXPORT const cispref_section *cispref_section_parent(const cispref_section *section);
/** Number of blocks. */
CISPREF_EXPORT size_t cispref_section_block_count(const cispref_section *section);
/** The block at @p index, in source order. */
CISPREF_EXPORT const cispref_block *cispref_section_block(const cispref_section *section,
                                                          size_t index);
/** Number of subsections. */
CISPREF_EXPORT size_t cispref_section_subsection_count(const cispref_section *section);
/** The subsection at @p index. */
CISPREF_EXPORT const cispref_section *cispref_section_subsection(const cispref_section *section,
                                                                 size_t index);
/** @} */

/** @name Block
 * Accessors that do not apply to a block's kind give NULL or 0.
 * @{ */
/** The block's kind; #CISPREF_BLOCK_PARAGRAPH for NULL. */
CISPREF_EXPORT cispref_block_kind_t cispref_block_kind(const cispref_block *block);
/** The block's id, or NULL when it has none. */
CISPREF_EXPORT const char *cispref_block_id(const cispref_block *block);
/** The section that holds the block. */
CISPREF_EXPORT const cispref_section *cispref_block_section(const cispref_block *block);
/** A paragraph's text. */
CISPREF_EXPORT const cispref_rich_text *cispref_block_text(const cispref_block *block);
/** Number of items of a list. */
CISPREF_EXPORT size_t cispref_block_list_item_count(const cispref_block *block);
/** The item of a list at @p index. */
CISPREF_EXPORT const cispref_list_item *cispref_block_list_item(const cispref_block *block,
                                                                size_t index);
/** A quotation's heading (the poem's title), or NULL when it has none. */
CISPREF_EXPORT const cispref_rich_text *cispref_block_heading(const cispref_block *block);
/** Number of paragraphs of a quotation. */
CISPREF_EXPORT size_t cispref_block_paragraph_count(const cispref_block *block);
/** The paragraph of a quotation at @p index. */
CISPREF_EXPORT const cispref_rich_text *cispref_block_paragraph(const cispref_block *block,
                                                                size_t index);
/** A quotation's attribution (its author or source), or NULL when it has none. */
CISPREF_EXPORT const char *cispref_block_attribution(const cispref_block *block);
/** Number of phases of a timeline. */
CISPREF_EXPORT size_t cispref_block_phase_count(const cispref_block *block);
/** The phase of a timeline at @p index. */
CISPREF_EXPORT const cispref_phase *cispref_block_phase(const cispref_block *block,
                                                        size_t index);
/** What a figure draws ("contours": the mission's contours, drawn from the domains). */
CISPREF_EXPORT const char *cispref_block_drawing(const cispref_block *block);
/** A figure's caption. */
CISPREF_EXPORT const cispref_rich_text *cispref_block_caption(const cispref_block *block);
/** The domain kind whose summary tables an overview stands for, or whose detail tables a
 * details block with a domain kind stands for; #CISPREF_DOMAIN_CORE for NULL, another kind
 * of block, or a details block without a kind (see cispref_block_has_domain_kind()). */
CISPREF_EXPORT cispref_domain_kind_t cispref_block_domain_kind(const cispref_block *block);
/** Whether the block stands for the domains of one kind only: true for an overview, and for
 * a details block with a domain-kind attribute (the cahier prints the core domains' tables,
 * then text, then the transversal ones'); false for a details block that stands for every
 * domain, for another kind of block and for NULL. */
CISPREF_EXPORT bool cispref_block_has_domain_kind(const cispref_block *block);
/** @} */

/** @name List item, phase, step
 * @{ */
/** The item's marker as printed ("1°", "2."), or NULL for a bullet. */
CISPREF_EXPORT const char *cispref_list_item_label(const cispref_list_item *item);
/** The item's text. */
CISPREF_EXPORT const cispref_rich_text *cispref_list_item_text(const cispref_list_item *item);
/** The phase's heading ("PREMIÈRE PHASE : EXPLORATION"). */
CISPREF_EXPORT const cispref_rich_text *cispref_phase_heading(const cispref_phase *phase);
/** Number of steps of the phase. */
CISPREF_EXPORT size_t cispref_phase_step_count(const cispref_phase *phase);
/** The step at @p index. */
CISPREF_EXPORT const cispref_step *cispref_phase_step(const cispref_phase *phase, size_t index);
/** The step's date as printed ("16 octobre 2017"). */
CISPREF_EXPORT const char *cispref_step_date(const cispref_step *step);
/** Who took part in the step, or NULL when the source names nobody. */
CISPREF_EXPORT const char *cispref_step_actors(const cispref_step *step);
/** What was done. */
CISPREF_EXPORT const cispref_rich_text *cispref_step_task(const cispref_step *step);
/** @} */

/** @name Translations of the front matter
 * A text of the front matter (a heading, a paragraph, a list item...) may be given in
 * other languages (doc/format.md, "Translations"). It is named by `of`, the id of its
 * section, of its block when the block has one, or of the referential, and `part`:
 * "heading", "block 2 text", "block 3 item 1", "block 4 paragraph 2", "block 4
 * attribution", "block 5 phase 1 step 2 task", "caption", "title"... (the grammar is in
 * doc/format.md). Languages are looked up as cispref_referential_node_text() does
 * (RFC 4647 section 3.4: "nl-BE", then "nl", then the referential's own text).
 * @{ */
/**
 * A rich text of the front matter (heading, paragraph, list item, quotation heading or
 * paragraph, phase heading, step task, caption) in @p language.
 * @param ref the referential.
 * @param of the id of the text's section, or of its block when the block has one.
 * @param part which text of it.
 * @param language a BCP 47 tag, or NULL for the referential's own language.
 * @return the translation, or the text itself when none fits; owned by the referential.
 *         NULL when no rich text is at that address (a plain part, such as an attribution,
 *         is read with cispref_referential_front_matter_string()) or for a NULL argument.
 */
CISPREF_EXPORT const cispref_rich_text *cispref_referential_front_matter_text(
	const cispref_referential *ref, const char *of, const char *part, const char *language);
/**
 * A plain text of the front matter (a quotation's attribution, a step's date or actors)
 * or the referential's title (@p of its id, @p part "title") in @p language, as
 * cispref_referential_front_matter_text() gives a rich one; NULL when no plain text is
 * at that address.
 */
CISPREF_EXPORT const char *cispref_referential_front_matter_string(
	const cispref_referential *ref, const char *of, const char *part, const char *language);
/**
 * @p text, a rich text of @p ref's front matter reached through the accessors above
 * (cispref_section_heading(), cispref_block_text()...), in @p language: its translation
 * found as cispref_referential_front_matter_text() finds it, else @p text itself. For
 * walking the front matter in one language without composing addresses. A rich text that
 * is no text of the front matter (the children of an emphasis, a translation) is given
 * back as it is; NULL for a NULL @p text.
 */
CISPREF_EXPORT const cispref_rich_text *cispref_referential_rich_text_in(
	const cispref_referential *ref, const cispref_rich_text *text, const char *language);
/**
 * Whether the translation at (@p of, @p part) into exactly @p language was made from
 * another text than the present one (the source was edited since: the validator's
 * translation-outdated); false when there is no such translation or for a NULL argument.
 */
CISPREF_EXPORT bool cispref_referential_front_matter_outdated(const cispref_referential *ref,
                                                              const char *of, const char *part,
                                                              const char *language);
/** @} */

/** @name Inline content
 * @{ */
/** Number of runs. */
CISPREF_EXPORT size_t cispref_rich_text_count(const cispref_rich_text *text);
/** The run at @p index. */
CISPREF_EXPORT const cispref_inline *cispref_rich_text_run(const cispref_rich_text *text,
                                                           size_t index);
/**
 * The text without markup: the text runs, quotations between “ and ”, note references
 * left out; "" for NULL.
 */
CISPREF_EXPORT const char *cispref_rich_text_plain(const cispref_rich_text *text);
/** The run's kind; #CISPREF_INLINE_TEXT for NULL. */
CISPREF_EXPORT cispref_inline_kind_t cispref_inline_kind(const cispref_inline *run);
/** A text run's text; NULL for other kinds. */
CISPREF_EXPORT const char *cispref_inline_text(const cispref_inline *run);
/** A note reference's note id; NULL for other kinds. */
CISPREF_EXPORT const char *cispref_inline_note_id(const cispref_inline *run);
/** What an emphasis or a quotation holds; NULL for other kinds. */
CISPREF_EXPORT const cispref_rich_text *cispref_inline_children(const cispref_inline *run);
/** @} */

#ifdef __cplusplus
}
#endif

#endif
/** @} */
