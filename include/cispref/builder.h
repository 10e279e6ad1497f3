/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file builder.h
 * @brief Create and edit a referential in C.
 *
 * Every function returns #CISPREF_OK or a negative #cispref_status_t and changes nothing
 * when it fails. Texts are copied into the referential; each must be valid UTF-8 without
 * a character XML 1.0 forbids (controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF), else #CISPREF_EARG. The texts of nodes (a title, an item's text, a
 * summary entry's text, a concept's label, a note's text) must not be empty either
 * (#CISPREF_EARG): cispref_validate() reports an empty one (rule `text-empty`, an error)
 * and a strict load refuses it, so the builder makes none; white space alone is a text.
 * The version, a note's number and the source fields may be empty. Ids must match
 * `[A-Za-z_][A-Za-z0-9._-]*` and be unused in the referential (#CISPREF_EEXISTS
 * otherwise). An `out` parameter may be NULL; on success it receives a handle owned by
 * the referential. Removing a node releases its handle and those of its children;
 * references to a removed competence, concept or note are cleared. Editing is not
 * thread-safe: no other thread may read or edit the referential meanwhile.
 *
 * A handle is const when it comes from a const handle (see model.h): the navigation
 * accessors and lookups give const handles, the `add_*()` functions give mutable ones
 * through `out`, and the `cispref_referential_edit_*()` functions turn a const handle
 * into a mutable one, given the mutable referential that holds the node.
 *
 * @defgroup builder Builder
 * @{
 */
#ifndef CISPREF_BUILDER_H
#define CISPREF_BUILDER_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <cispref/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @name Referential
 * @{ */
/**
 * Create an empty referential, in language "fr" with version "1".
 * @param out receives the new referential; free it with cispref_referential_free().
 * @param id its id.
 * @param title its title, not empty.
 * @return #CISPREF_OK, #CISPREF_EARG (a NULL @p out, an id that is not valid, a title
 *         that is empty or not valid), or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_referential_new(cispref_referential **out, const char *id,
                                           const char *title);
/** Set the title. */
CISPREF_EXPORT int cispref_referential_set_title(cispref_referential *ref, const char *title);
/** Set the version (edition). */
CISPREF_EXPORT int cispref_referential_set_version(cispref_referential *ref,
                                                   const char *version);
/**
 * Set the language of the referential's own texts.
 * @param ref the referential.
 * @param language a well-formed BCP 47 language tag (RFC 5646: its syntax; the subtags
 *        are not looked up in the IANA registry), as translations take.
 * @return #CISPREF_OK, or #CISPREF_EARG for a NULL argument or a tag that is empty or
 *         not well-formed ("fr_BE", "not a tag!"). A file whose `xml:lang` is such a tag
 *         is refused by a strict load (validator rule `language-malformed`).
 */
CISPREF_EXPORT int cispref_referential_set_language(cispref_referential *ref,
                                                    const char *language);
/** Set one field of the source metadata; NULL unsets it. */
CISPREF_EXPORT int cispref_referential_set_source(cispref_referential *ref,
                                                  cispref_source_field_t field,
                                                  const char *value);
/**
 * Set the namespace UUID from which every node's UUID derives (see model.h, Identity).
 * Changing it changes every node's UUID: do it when a referential starts its life, not
 * between two editions.
 * @param ref the referential.
 * @param uuid an RFC 4122 UUID in its string form (8-4-4-4-12 hexadecimal digits, either
 *        case: it is kept lower-case), not the nil UUID; NULL goes back to the UUID
 *        derived from the referential's id.
 * @return #CISPREF_OK, or #CISPREF_EARG for a NULL @p ref or a @p uuid of another form.
 */
CISPREF_EXPORT int cispref_referential_set_uuid(cispref_referential *ref, const char *uuid);
/**
 * Set the base URI that gives each node a URI (the base followed by the node's id).
 * @param ref the referential.
 * @param base_uri a URI with a scheme (RFC 3986 section 3: a scheme such as "https",
 *        ':', then only what the URI grammar allows, non-ASCII percent-encoded) of at most
 *        #CISPREF_BASE_URI_MAX bytes, copied; NULL removes it.
 * @return #CISPREF_OK; #CISPREF_EARG for a NULL @p ref or a @p base_uri that is not
 *         such a URI; #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_referential_set_base_uri(cispref_referential *ref,
                                                    const char *base_uri);
/**
 * Mark the node with @p id deprecated or not (model.h, Editions).
 * @param ref the referential.
 * @param id the node's id (of any type).
 * @param deprecated whether it is deprecated; false also forgets its replacement.
 * @param replaced_by the id of the node that replaces it (copied), or NULL; only with
 *        @p deprecated. It need not resolve yet: cispref_validate() checks it.
 * @return #CISPREF_OK; #CISPREF_ENOTFOUND when no node has @p id; #CISPREF_EARG for a
 *         NULL @p ref or @p id, or a @p replaced_by that is not an id or comes without
 *         @p deprecated; #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_referential_set_deprecated(cispref_referential *ref, const char *id,
                                                      bool deprecated, const char *replaced_by);
/**
 * Set the translation of the node with @p id into @p language to a copy of @p text, made
 * from the node's present text (its hash is kept); a NULL @p text removes it.
 * @param ref the referential.
 * @param id the node's id.
 * @param language a well-formed BCP 47 tag other than the referential's own language.
 * @param text valid UTF-8 without control characters other than tab and line breaks, or
 *        NULL.
 * @return #CISPREF_OK; #CISPREF_ENOTFOUND when no node has @p id; #CISPREF_EARG for a
 *         NULL @p ref, @p id or @p language, a malformed tag, the referential's own
 *         language, a text that is not valid, or a node that holds no text (front matter);
 *         #CISPREF_ENOMEM (the referential keeps its previous translation).
 */
CISPREF_EXPORT int cispref_referential_set_translation(cispref_referential *ref, const char *id,
                                                       const char *language,
                                                       const char *text);

/**
 * Set the translation of a text of the front matter, or of the title, into @p language,
 * made from the present text (its hash is kept); a NULL @p text removes it.
 * @param ref the referential.
 * @param of the id of the text's section, of its block when the block has one, or of the
 *        referential (with @p part "title").
 * @param part which text (doc/format.md, "Translations": "heading", "block 2 text",
 *        "block 3 item 1", "title"...).
 * @param language a well-formed BCP 47 tag other than the referential's own language.
 * @param text for a rich text, its markup, with the inline elements of the format
 *        (`Les <em>missions</em><note-ref note="n1"/>`, `&amp;` for &) and the same
 *        note-refs as the source; for a plain text (title, attribution, date, actors),
 *        the text; or NULL.
 * @return #CISPREF_OK; #CISPREF_ENOTFOUND when no text is at (@p of, @p part);
 *         #CISPREF_EARG for a NULL @p ref, @p of, @p part or @p language, a malformed
 *         tag, the referential's own language, a text that is not valid UTF-8 (or holds
 *         control characters other than tab and line breaks), markup that is not
 *         well-formed, holds other elements or nesting than the format's or other
 *         note-refs than the source's; #CISPREF_ENOMEM (the previous translation stays).
 */
CISPREF_EXPORT int cispref_referential_set_front_matter_translation(
	cispref_referential *ref, const char *of, const char *part, const char *language,
	const char *text);

/** Append a domain. */
CISPREF_EXPORT int cispref_referential_add_domain(cispref_domain **out,
                                                  cispref_referential *ref, const char *id,
                                                  cispref_domain_kind_t kind, const char *title);
/** Remove the domain at @p index with all it holds. */
CISPREF_EXPORT int cispref_referential_remove_domain(cispref_referential *ref, size_t index);
/** Move the domain at @p from to position @p to (both indexes before the move). */
CISPREF_EXPORT int cispref_referential_move_domain(cispref_referential *ref, size_t from,
                                                   size_t to);
/** Append a concept. */
CISPREF_EXPORT int cispref_referential_add_concept(cispref_concept **out,
                                                   cispref_referential *ref, const char *id,
                                                   cispref_item_kind_t kind, const char *label);
/** Remove the concept at @p index; items that pointed to it then point to none. */
CISPREF_EXPORT int cispref_referential_remove_concept(cispref_referential *ref, size_t index);
/** Move the concept at @p from to position @p to. */
CISPREF_EXPORT int cispref_referential_move_concept(cispref_referential *ref, size_t from,
                                                    size_t to);
/** Append a note. */
CISPREF_EXPORT int cispref_referential_add_note(cispref_note **out, cispref_referential *ref,
                                                const char *id, const char *number,
                                                const char *text);
/**
 * Remove the note at @p index and every reference to it: those of competences, and the
 * note-refs of the front matter and of its translations (the texts on either side of one
 * are joined; the translations are outdated then, their source having changed).
 * @return #CISPREF_OK; #CISPREF_EARG for an index out of range; #CISPREF_ENOMEM, with
 *         nothing changed.
 */
CISPREF_EXPORT int cispref_referential_remove_note(cispref_referential *ref, size_t index);
/** Move the note at @p from to position @p to. */
CISPREF_EXPORT int cispref_referential_move_note(cispref_referential *ref, size_t from,
                                                 size_t to);
/**
 * Remove the front matter: every section with its blocks and subsections; the notes stay
 * (note-refs of the front matter are not references the notes hold). For comparing with
 * cispref_referential_equal() a referential read back from a format that does not carry
 * the front matter (Moodle, CASE, SKOS, ESCO, the spreadsheets). Without front matter it
 * does nothing.
 * @return #CISPREF_OK; #CISPREF_EARG for NULL.
 */
CISPREF_EXPORT int cispref_referential_remove_front_matter(cispref_referential *ref);
/** @} */

/** @name Mutable handles
 * The node @p node as a mutable handle, when it belongs to @p ref; NULL when it belongs
 * to another referential, or when an argument is NULL. This is how a caller that holds
 * the referential as mutable edits a node it found with a lookup or an accessor.
 * @{ */
/** The domain @p node of @p ref, as a mutable handle. */
CISPREF_EXPORT cispref_domain *cispref_referential_edit_domain(cispref_referential *ref,
                                                               const cispref_domain *node);
/** The summary entry @p node of @p ref, as a mutable handle. */
CISPREF_EXPORT cispref_summary_entry *cispref_referential_edit_summary_entry(
	cispref_referential *ref, const cispref_summary_entry *node);
/** The plan @p node of @p ref, as a mutable handle. */
CISPREF_EXPORT cispref_plan *cispref_referential_edit_plan(cispref_referential *ref,
                                                           const cispref_plan *node);
/** The competence @p node of @p ref, as a mutable handle. */
CISPREF_EXPORT cispref_competence *cispref_referential_edit_competence(
	cispref_referential *ref, const cispref_competence *node);
/** The item @p node of @p ref, as a mutable handle. */
CISPREF_EXPORT cispref_item *cispref_referential_edit_item(cispref_referential *ref,
                                                           const cispref_item *node);
/** The concept @p node of @p ref, as a mutable handle. */
CISPREF_EXPORT cispref_concept *cispref_referential_edit_concept(cispref_referential *ref,
                                                                 const cispref_concept *node);
/** The note @p node of @p ref, as a mutable handle. */
CISPREF_EXPORT cispref_note *cispref_referential_edit_note(cispref_referential *ref,
                                                           const cispref_note *node);
/** @} */

/** @name Domain
 * @{ */
/** Set the title. */
CISPREF_EXPORT int cispref_domain_set_title(cispref_domain *domain, const char *title);
/** Set the kind. */
CISPREF_EXPORT int cispref_domain_set_kind(cispref_domain *domain, cispref_domain_kind_t kind);
/** Append a plan. */
CISPREF_EXPORT int cispref_domain_add_plan(cispref_plan **out, cispref_domain *domain,
                                           const char *id, cispref_plan_kind_t kind,
                                           const char *title);
/** Remove the plan at @p index with its competences. */
CISPREF_EXPORT int cispref_domain_remove_plan(cispref_domain *domain, size_t index);
/** Move the plan at @p from to position @p to. */
CISPREF_EXPORT int cispref_domain_move_plan(cispref_domain *domain, size_t from, size_t to);
/**
 * Append a summary entry.
 * @param out receives the new entry (may be NULL).
 * @param domain the domain whose summary it joins.
 * @param id its id.
 * @param plan_kind the plan it is listed under.
 * @param text its text, as printed.
 * @param competence the competence it names, from the same referential, or NULL.
 */
CISPREF_EXPORT int cispref_domain_add_summary_entry(cispref_summary_entry **out,
                                                    cispref_domain *domain, const char *id,
                                                    cispref_plan_kind_t plan_kind,
                                                    const char *text,
                                                    const cispref_competence *competence);
/** Remove the summary entry at @p index. */
CISPREF_EXPORT int cispref_domain_remove_summary_entry(cispref_domain *domain, size_t index);
/** Move the summary entry at @p from to position @p to. */
CISPREF_EXPORT int cispref_domain_move_summary_entry(cispref_domain *domain, size_t from,
                                                     size_t to);
/** @} */

/** @name Summary entry
 * @{ */
/** Set the text. */
CISPREF_EXPORT int cispref_summary_entry_set_text(cispref_summary_entry *entry,
                                                  const char *text);
/** Set the plan kind it is listed under. */
CISPREF_EXPORT int cispref_summary_entry_set_plan_kind(cispref_summary_entry *entry,
                                                       cispref_plan_kind_t kind);
/** Link it to @p competence (of the same referential), or unlink it with NULL. */
CISPREF_EXPORT int cispref_summary_entry_set_competence(cispref_summary_entry *entry,
                                                        const cispref_competence *competence);
/** @} */

/** @name Plan
 * @{ */
/** Set the title. */
CISPREF_EXPORT int cispref_plan_set_title(cispref_plan *plan, const char *title);
/** Set the kind. */
CISPREF_EXPORT int cispref_plan_set_kind(cispref_plan *plan, cispref_plan_kind_t kind);
/** Append a competence. */
CISPREF_EXPORT int cispref_plan_add_competence(cispref_competence **out, cispref_plan *plan,
                                               const char *id, const char *title);
/** Remove the competence at @p index with its items; summary entries naming it are unlinked. */
CISPREF_EXPORT int cispref_plan_remove_competence(cispref_plan *plan, size_t index);
/** Move the competence at @p from to position @p to. */
CISPREF_EXPORT int cispref_plan_move_competence(cispref_plan *plan, size_t from, size_t to);
/** @} */

/** @name Competence
 * @{ */
/** Set the title. */
CISPREF_EXPORT int cispref_competence_set_title(cispref_competence *competence,
                                                const char *title);
/** Append an item of @p kind. */
CISPREF_EXPORT int cispref_competence_add_item(cispref_item **out,
                                               cispref_competence *competence,
                                               const char *id, cispref_item_kind_t kind,
                                               const char *text);
/** Remove the item of @p kind at @p index. */
CISPREF_EXPORT int cispref_competence_remove_item(cispref_competence *competence,
                                                  cispref_item_kind_t kind, size_t index);
/** Move the item of @p kind at @p from to position @p to in the same list. */
CISPREF_EXPORT int cispref_competence_move_item(cispref_competence *competence,
                                                cispref_item_kind_t kind, size_t from,
                                                size_t to);
/**
 * Append a reference to @p note (of the same referential).
 * @return #CISPREF_OK, #CISPREF_EARG for a NULL argument or a note of another
 *         referential, #CISPREF_EEXISTS when the competence already refers to @p note
 *         (its marker would be printed twice; validator rule `competence-note-repeated`),
 *         or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_competence_add_note(cispref_competence *competence,
                                               const cispref_note *note);
/** Remove the note reference at @p index. */
CISPREF_EXPORT int cispref_competence_remove_note(cispref_competence *competence,
                                                  size_t index);
/** @} */

/** @name Item, concept, note
 * @{ */
/** Set the item's text. */
CISPREF_EXPORT int cispref_item_set_text(cispref_item *item, const char *text);
/** Point the item to @p concept (of the same referential), or to none with NULL. */
CISPREF_EXPORT int cispref_item_set_concept(cispref_item *item, const cispref_concept *concept);
/** Set the concept's canonical label. */
CISPREF_EXPORT int cispref_concept_set_label(cispref_concept *concept, const char *label);
/** Set the note's text. */
CISPREF_EXPORT int cispref_note_set_text(cispref_note *note, const char *text);
/** Set the note's number. */
CISPREF_EXPORT int cispref_note_set_number(cispref_note *note, const char *number);
/** @} */

#ifdef __cplusplus
}
#endif

#endif
/** @} */
