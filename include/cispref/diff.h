/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file diff.h
 * @brief What changed between two editions of a referential.
 *
 * cispref_diff() compares an OLD and a NEW referential and gives a list of changes, the
 * way software that stored competence ids needs to know them:
 *
 * - **Matching.** Nodes are matched by id, and only with a node of the same type (an id
 *   that names a competence in OLD and an item in NEW is a removal and an addition). A
 *   node's UUID is the version-5 UUID of its id in the referential's namespace (model.h,
 *   Identity), so within one namespace matching by UUID matches the same nodes as
 *   matching by id; a changed namespace changes every node's UUID at once and is
 *   reported as one metadata change (field "uuid").
 * - **Order.** Metadata changes first; then the front-matter changes (below); then, in
 *   the document order of NEW (domains,
 *   each with its summary entries then its plans, competences and items; then concepts,
 *   then notes), the changes of each node of NEW; then the nodes removed, in the
 *   document order of OLD. The changes of one node come in the order of
 *   #cispref_change_kind_t. The same inputs always give the same list.
 * - **Moves.** A matched node has moved when its parent has another id (#CISPREF_CHANGE_MOVED,
 *   field "parent"), or when, under the same parent, it left the order the others kept
 *   (field "position"): among the siblings matched under the same parent, those in the
 *   longest run that kept their relative order stay put, the others moved. Inserting
 *   or removing a sibling therefore moves nothing else.
 * - **Probably renamed.** A node removed from OLD and a node added to NEW are never
 *   matched silently: each is reported as removed and added. When they are of the same
 *   type, under parents with the same id, and their texts (title, text or label) are
 *   nearly the same — a Dice coefficient of at least 0.8 over their words, folded as
 *   search folds them (case, accents and punctuation do not count), counted as
 *   multisets: 2 × common words / (words of one + words of the other) — a
 *   #CISPREF_CHANGE_RENAMED change pairs them too, right after the addition. Each node
 *   takes part in one pair at most: each added node, in NEW order, takes the most
 *   similar removed node still free (the first in OLD order on a tie). Texts without
 *   words (empty) are never paired. The cost is bounded: no pair is looked for under a
 *   parent that lost and gained more than #CISPREF_DIFF_RENAME_PAIRS_MAX candidate
 *   pairs, nor under the parents met (in the order of types, then of parent ids) once
 *   the words compared in all would pass 16 × #CISPREF_DIFF_RENAME_PAIRS_MAX (a pair
 *   costs the words of its two texts); their nodes stay reported as removed and
 *   added.
 * - **Word diff.** A text change carries the difference word by word: words are the
 *   runs of characters between white space, compared exactly (case, accents and
 *   punctuation count: a publisher prints what changed). The common words at both ends
 *   are kept; the middle is compared by a longest common subsequence. When the middle
 *   of the old text has m words and that of the new n, and m × n exceeds
 *   #CISPREF_DIFF_WORD_CELLS_MAX, the middle is reported as deleted as a whole then
 *   inserted as a whole, so the cost stays bounded (time and memory in
 *   O(#CISPREF_DIFF_WORD_CELLS_MAX) per text).
 *
 * - **Front matter.** The sections of the front matter (front_matter.h) are matched by id,
 *   at every level, and reported as #CISPREF_CHANGE_FRONT_MATTER changes, the field saying
 *   what: "front-matter" first when one edition has front matter and the other none
 *   (values: the number of sections, at every level; NULL for none); then, for each section
 *   of NEW in document order (a section before its subsections), "added" (new value: its
 *   number and heading, "3.1 Titre") or, when OLD has it, in this order: "parent" or
 *   "position" (as #CISPREF_CHANGE_MOVED says them), "number", "heading" (the plain
 *   heading), "content" (the plain text of the section's own blocks, not of its
 *   subsections: one line per paragraph, list item, quotation paragraph, timeline phase and
 *   step, caption), "markup" (when the blocks, or the heading, differ only in what those
 *   plain texts do not show: emphasis, quotations, note references, a block's kind or id, a
 *   figure's drawing, an overview's domain kind; values: the section's heading and blocks
 *   as markup, one tagged line per block part), "translations" (those of the section's
 *   texts, one line each: "part [language, source hash]: text"); then each section of OLD
 *   only, "removed" (old value: its number and heading), in the document order of OLD. A
 *   section removed or added is listed with each of its subsections. The text fields
 *   ("number", "heading", "content", "markup", "translations") carry a word diff, as
 *   #CISPREF_CHANGE_TEXT does. The translations of the title (a metadata change), and the
 *   tables that the overview and details blocks stand for (nodes), are not front-matter
 *   changes. What cispref_referential_equal() tells apart, the diff reports: a section
 *   whose blocks differ only where their markup forms read alike still gets its "markup"
 *   change.
 *
 * A diff holds copies of what it reports: it stays valid after both referentials are
 * freed. Strings returned by accessors live until cispref_diff_free().
 *
 * @defgroup diff Edition diff
 * @{
 */
#ifndef CISPREF_DIFF_H
#define CISPREF_DIFF_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <cispref/model.h>
#include <cispref/query.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Largest m × n word comparison of one text change (see the word diff rule above). */
#define CISPREF_DIFF_WORD_CELLS_MAX 1000000
/** Most removed × added candidate pairs under one parent for "probably renamed". */
#define CISPREF_DIFF_RENAME_PAIRS_MAX 1000000

/** A list of changes between two referentials. */
typedef struct cispref_diff cispref_diff;
/** One change of the list. */
typedef struct cispref_change cispref_change;

/** What a change says. The changes of one node come in this order (front-matter changes
 * excepted: they concern sections, and come where the rule above puts them). */
typedef enum cispref_change_kind_t {
	/** A metadata field of the referential changed (field "id", "title", "version",
	 * "language", "uuid", "base-uri", or "source.publisher" and the other source
	 * fields), or the translations of the title ("title.translations": values one line
	 * per translation, "title [language, source hash]: text", "" for none). */
	CISPREF_CHANGE_METADATA = 0,
	/** The node is in NEW only (new id set, old id NULL). */
	CISPREF_CHANGE_ADDED = 1,
	/** The node added just before is probably the renamed node of OLD whose id is the
	 * old id (see the rule above); cispref_change_similarity() says how close. */
	CISPREF_CHANGE_RENAMED = 2,
	/** The node moved: field "parent" (values: the parents' ids; NULL for the
	 * referential) or "position" (values: the 0-based positions among its siblings). */
	CISPREF_CHANGE_MOVED = 3,
	/** Its kind changed (values: the kind names; for a summary entry, its plan kind). */
	CISPREF_CHANGE_KIND = 4,
	/** Its text changed: field "title", "text", "label" or "number" (a note's), or its
	 * translations, field "translations" (values: one line per translation in the order
	 * of the languages, "[language, source hash]: text", "" for none); the word diff is
	 * given by cispref_change_segment_count(). */
	CISPREF_CHANGE_TEXT = 5,
	/** An item's concept changed (values: the concept ids, NULL for none). */
	CISPREF_CHANGE_CONCEPT = 6,
	/** A summary entry names another competence (values: ids, NULL for none). */
	CISPREF_CHANGE_LINK = 7,
	/** A competence's note references changed (values: the note ids separated by one
	 * space, "" for none). */
	CISPREF_CHANGE_NOTES = 8,
	/** The node's edition link changed (model.h, Editions), field "replaced-by": each
	 * value is NULL when the node is not deprecated, "" when it is without a
	 * replacement, else the replacement's id. A node deprecated in NEW gives
	 * NULL → "ID"; an added node that comes deprecated has this change too, after its
	 * addition. */
	CISPREF_CHANGE_DEPRECATED = 9,
	/** The node is in OLD only (old id set, new id NULL). */
	CISPREF_CHANGE_REMOVED = 10,
	/** The front matter changed (see the rule above): node type #CISPREF_NODE_NONE, the
	 * section's ids as old and new id, the field saying what changed: "front-matter",
	 * "added", "removed", "parent", "position", "number", "heading", "content",
	 * "markup" or "translations". Listed after the metadata changes, before the
	 * nodes'. */
	CISPREF_CHANGE_FRONT_MATTER = 11
} cispref_change_kind_t;

/** What a segment of a word diff is. */
typedef enum cispref_segment_t {
	CISPREF_SEGMENT_SAME = 0,     /**< Words in both texts. */
	CISPREF_SEGMENT_DELETED = 1,  /**< Words of the old text only. */
	CISPREF_SEGMENT_INSERTED = 2  /**< Words of the new text only. */
} cispref_segment_t;

/**
 * Compare two referentials.
 * @param out receives the list of changes (empty when they hold the same content);
 *            release it with cispref_diff_free(). Untouched on failure.
 * @param old_ref the old edition.
 * @param new_ref the new edition.
 * @param error filled on failure; may be NULL.
 * @return #CISPREF_OK; #CISPREF_EARG for a NULL argument; #CISPREF_ERULE (rule
 *         "duplicate-id") when either holds two nodes with one id (a lenient load), which
 *         matching by id cannot compare; #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_diff_new(cispref_diff **out, const cispref_referential *old_ref,
                                    const cispref_referential *new_ref, cispref_error *error);
/** Release a diff. Accepts NULL. */
CISPREF_EXPORT void cispref_diff_free(cispref_diff *diff);
/** Number of changes; 0 when the two referentials are the same (and for NULL). */
CISPREF_EXPORT size_t cispref_diff_count(const cispref_diff *diff);
/** Number of changes of @p kind. */
CISPREF_EXPORT size_t cispref_diff_count_kind(const cispref_diff *diff,
                                              cispref_change_kind_t kind);
/** The change at @p index, owned by the diff; NULL out of range. */
CISPREF_EXPORT const cispref_change *cispref_diff_get(const cispref_diff *diff, size_t index);

/** The change's kind; #CISPREF_CHANGE_METADATA for NULL. */
CISPREF_EXPORT cispref_change_kind_t cispref_change_kind(const cispref_change *change);
/** Name of a change kind ("metadata", "added", "renamed", "moved", "kind", "text",
 * "concept", "link", "notes", "deprecated", "removed", "front-matter"); NULL out of
 * range. */
CISPREF_EXPORT const char *cispref_change_kind_name(cispref_change_kind_t kind);
/** Type of the node changed; #CISPREF_NODE_NONE for metadata (and NULL). */
CISPREF_EXPORT cispref_node_type_t cispref_change_node_type(const cispref_change *change);
/** The node's id in OLD, or NULL (added nodes, metadata); for a front-matter change, the
 * section's id in OLD (NULL for an added section and for the field "front-matter"). */
CISPREF_EXPORT const char *cispref_change_old_id(const cispref_change *change);
/** The node's id in NEW, or NULL (removed nodes, metadata); for a front-matter change, the
 * section's id in NEW. */
CISPREF_EXPORT const char *cispref_change_new_id(const cispref_change *change);
/** The id of the domain that holds the node (in NEW; in OLD for a removed node): a
 * domain's own changes give its own id; NULL for concepts, notes, metadata and the front
 * matter. */
CISPREF_EXPORT const char *cispref_change_domain_id(const cispref_change *change);
/** The field changed ("title", "parent", "source.date"...), or NULL for additions,
 * removals and renamings (front-matter changes always have one: "added", "content"...). */
CISPREF_EXPORT const char *cispref_change_field(const cispref_change *change);
/** The value before, or NULL (none, or not applicable). For additions: NULL; for
 * removals and renamings: the node's text (title, text or label) in OLD. */
CISPREF_EXPORT const char *cispref_change_old_value(const cispref_change *change);
/** The value after, or NULL. For additions and renamings: the node's text in NEW. */
CISPREF_EXPORT const char *cispref_change_new_value(const cispref_change *change);
/** For #CISPREF_CHANGE_RENAMED, the Dice coefficient of the two texts (0.8 to 1);
 * 0 for other changes. */
CISPREF_EXPORT double cispref_change_similarity(const cispref_change *change);
/** For #CISPREF_CHANGE_TEXT and the text fields of #CISPREF_CHANGE_FRONT_MATTER, the
 * number of segments of the word diff (0 otherwise). A
 * segment is a run of words of one #cispref_segment_t; printed in order with one space
 * between segments, the SAME and DELETED ones give the old text and the SAME and
 * INSERTED ones the new text (white space normalised to single spaces). */
CISPREF_EXPORT size_t cispref_change_segment_count(const cispref_change *change);
/**
 * The segment at @p index of a text change's word diff.
 * @param type receives the segment's type; may be NULL.
 * @param change the change.
 * @param index 0 to cispref_change_segment_count() - 1.
 * @return the segment's words, separated by single spaces, owned by the diff; NULL out
 *         of range (then @p type is left untouched).
 */
CISPREF_EXPORT const char *cispref_change_segment(cispref_segment_t *type,
                                                  const cispref_change *change, size_t index);

/** @name Output
 * A diff as text, JSON, or a changelog a publisher can print (doc/diff.md shows each).
 * @{ */
/** Formats of cispref_diff_write(). */
typedef enum cispref_diff_format_t {
	/** One line per change, the word diff marked as GNU wdiff does: "[-old-]",
	 * "{+new+}" ("text"). */
	CISPREF_DIFF_TEXT = 0,
	/** A JSON object: both editions, counts per kind, and the changes with every field
	 * of the accessors above ("json"). */
	CISPREF_DIFF_JSON = 1,
	/** A changelog in French, in CommonMark: a section per domain (then concepts and
	 * notes), words deleted in `<del>` and inserted in `<ins>` ("md"). */
	CISPREF_DIFF_MARKDOWN = 2,
	/** The same changelog as one self-contained HTML page with a print stylesheet
	 * ("html"). */
	CISPREF_DIFF_HTML = 3
} cispref_diff_format_t;

/** Number of diff formats. */
#define CISPREF_DIFF_FORMAT_COUNT 4

/** Name of a diff format ("text", "json", "md", "html"); NULL out of range. */
CISPREF_EXPORT const char *cispref_diff_format_name(cispref_diff_format_t format);
/** Parse a diff format name: 0 and `*out` set, or #CISPREF_EARG for an unknown name. */
CISPREF_EXPORT int cispref_diff_format_from_name(cispref_diff_format_t *out, const char *name);
/**
 * Write @p diff in @p format into a new buffer.
 * @param out receives a NUL-terminated buffer to release with cispref_buffer_free().
 * @param size receives its length in bytes (without the NUL); may be NULL.
 * @param diff the diff.
 * @param format the format.
 * @param error filled on failure; may be NULL.
 * @return #CISPREF_OK, #CISPREF_EARG (NULL argument, unknown format) or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_diff_write(char **out, size_t *size, const cispref_diff *diff,
                                      cispref_diff_format_t format, cispref_error *error);
/**
 * Write @p diff in @p format to the file @p path, as cispref_export_path() writes: a
 * regular file is replaced atomically, so a failure leaves the old one as it was.
 * @return #CISPREF_OK, #CISPREF_EARG, #CISPREF_EIO (errno in the error record) or
 *         #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_diff_save(const char *path, const cispref_diff *diff,
                                     cispref_diff_format_t format, cispref_error *error);
/** @} */

#ifdef __cplusplus
}
#endif

#endif
/** @} */
