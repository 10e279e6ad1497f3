/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file positioning.h
 * @brief A team's self-positioning on a referential: the document, its validation, the
 *        coverage of the competences and the training needs that follow.
 *
 * A positioning document (doc/positioning.md, namespace `urn:cispref:positioning`)
 * names the referential it refers to, an ordered rating scale, pseudonymous persons
 * and their ratings of competences or items. It is a self-assessment and team-planning
 * aid, not an evaluation of people.
 *
 * Strings returned by accessors belong to the document (or, for referential nodes, to
 * the referential) and stay valid until it is freed; a coverage or a needs list points
 * into both, and must be freed before either. Reading is thread-safe on a document that
 * nobody edits; editing needs exclusive access.
 *
 * The levels, the coverage, the gaps, the needs and the team renders take the document as
 * it is: a rating whose person, target or level the document and the referential do not
 * know is left out without a word, a duplicate person or level counts as its first, and
 * a document written for another referential covers nothing. They refuse nothing, so that
 * a partial figure stays possible; a caller that must not show one checks the document
 * with cispref_positioning_validate() first, as the cispref tool does (its coverage,
 * needs, ratings and grid refuse a document with errors).
 *
 * @defgroup positioning Positioning
 * @{
 */
#ifndef CISPREF_POSITIONING_H
#define CISPREF_POSITIONING_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <cispref/load.h>
#include <cispref/validate.h>
#include <cispref/render.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The XML namespace of a positioning document. */
#define CISPREF_POSITIONING_NAMESPACE "urn:cispref:positioning"
/** The format version this library reads and writes. */
#define CISPREF_POSITIONING_FORMAT_VERSION 1
/** Most levels a scale may hold. */
#define CISPREF_POSITIONING_MAX_LEVELS 100

/** A positioning document. */
typedef struct cispref_positioning cispref_positioning;
/** A level of its scale. */
typedef struct cispref_level cispref_level;
/** A person of the team. */
typedef struct cispref_person cispref_person;
/** One rating of a target by a person. */
typedef struct cispref_rating cispref_rating;

/** Who gave a rating. */
typedef enum cispref_rating_source_t {
	CISPREF_RATING_SOURCE_NONE = 0,       /**< Not said. */
	CISPREF_RATING_SOURCE_SELF = 1,       /**< The person ("self"). */
	CISPREF_RATING_SOURCE_PEER = 2,       /**< A colleague ("peer"). */
	CISPREF_RATING_SOURCE_COORDINATOR = 3 /**< The team's coordinator ("coordinator"). */
} cispref_rating_source_t;

/** "self", "peer", "coordinator"; NULL for #CISPREF_RATING_SOURCE_NONE or out of range. */
CISPREF_EXPORT const char *cispref_rating_source_name(cispref_rating_source_t source);
/**
 * The source named @p name ("self", "peer", "coordinator").
 * @return #CISPREF_OK, or #CISPREF_EARG for NULL arguments or another name.
 */
CISPREF_EXPORT int cispref_rating_source_from_name(cispref_rating_source_t *out,
                                                   const char *name);

/** @name Building
 * Every function returns #CISPREF_OK or a negative code and changes nothing on failure.
 * Texts are copied. Ids match `[A-Za-z_][A-Za-z0-9._-]*` (#CISPREF_EARG otherwise).
 * @{ */
/**
 * Create an empty document (no level, no person, no rating).
 * @param out receives it; free it with cispref_positioning_free(). Untouched on failure.
 * @param referential_id the id of the referential rated (an id).
 * @param edition its edition (the referential's version), or NULL.
 * @return #CISPREF_OK, #CISPREF_EARG or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_new(cispref_positioning **out,
                                           const char *referential_id, const char *edition);
/**
 * Append the default French scale (doc/positioning.md): "à découvrir", "en
 * développement", "maîtrisé", "expert·e", proficient from "maîtrisé".
 * @return #CISPREF_OK, #CISPREF_EEXISTS when the scale is not empty, #CISPREF_EARG,
 *         #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_use_default_scale(cispref_positioning *pos);
/**
 * Append a level above the others.
 * @param pos the document.
 * @param id the level's id, unused in the scale (#CISPREF_EEXISTS otherwise).
 * @param label its label, shown to people (not empty).
 * @param proficient whether it counts as mastering the target.
 * @return #CISPREF_OK, #CISPREF_EEXISTS, #CISPREF_ELIMIT (more than
 *         #CISPREF_POSITIONING_MAX_LEVELS), #CISPREF_EARG, #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_add_level(cispref_positioning *pos, const char *id,
                                                 const char *label, int proficient);
/**
 * Add a person.
 * @param pos the document.
 * @param id a pseudonymous id, unused in the document (#CISPREF_EEXISTS otherwise).
 * @param name a display name, or NULL (none is needed).
 * @param role a role, or NULL.
 * @return #CISPREF_OK, #CISPREF_EEXISTS, #CISPREF_EARG, #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_add_person(cispref_positioning *pos, const char *id,
                                                  const char *name, const char *role);
/**
 * Add a rating. The target is not checked here (the document knows no referential):
 * cispref_positioning_validate() does it.
 * @param pos the document.
 * @param person a person of the document (#CISPREF_ENOTFOUND otherwise).
 * @param target the id of a competence or an item.
 * @param level a level of the scale (#CISPREF_ENOTFOUND otherwise).
 * @param date an ISO 8601 date `YYYY-MM-DD`, or NULL.
 * @param source who rated, or #CISPREF_RATING_SOURCE_NONE.
 * @param comment free text, or NULL.
 * @return #CISPREF_OK, #CISPREF_ENOTFOUND, #CISPREF_EEXISTS (the person already rated
 *         this target for this date and source), #CISPREF_EARG, #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_add_rating(cispref_positioning *pos,
                                                  const char *person, const char *target,
                                                  const char *level, const char *date,
                                                  cispref_rating_source_t source,
                                                  const char *comment);
/** Release a document. Accepts NULL. */
CISPREF_EXPORT void cispref_positioning_free(cispref_positioning *pos);
/** @} */

/** @name Loading and saving
 * The reader is the referential reader's (load.h): network off, DTDs refused, the same
 * limits, errors with file, line and column. A document without `scale` gets the
 * default scale.
 * @{ */
/**
 * Load a positioning document from @p path.
 * @param out receives it; free it with cispref_positioning_free(). Untouched on failure.
 * @param path the file to read (a regular file or a pipe).
 * @param options NULL for #CISPREF_LOAD_OPTIONS_INIT; only the limits are used.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK, #CISPREF_EIO, #CISPREF_EXML, #CISPREF_EFORMAT,
 *         #CISPREF_EVERSION, #CISPREF_ELIMIT, #CISPREF_ENOMEM, #CISPREF_EARG.
 */
CISPREF_EXPORT int cispref_positioning_load_file(cispref_positioning **out,
                                                 const char *path,
                                                 const cispref_load_options *options,
                                                 cispref_error *error);
/**
 * Load a positioning document from @p size bytes at @p data.
 * @param out receives it; free it with cispref_positioning_free(). Untouched on failure.
 * @param data the document.
 * @param size its length in bytes.
 * @param name how errors name the input, or NULL for "<memory>".
 * @param options NULL for #CISPREF_LOAD_OPTIONS_INIT.
 * @param error filled on failure (may be NULL).
 * @return as cispref_positioning_load_file().
 */
CISPREF_EXPORT int cispref_positioning_load_memory(cispref_positioning **out,
                                                   const char *data, size_t size,
                                                   const char *name,
                                                   const cispref_load_options *options,
                                                   cispref_error *error);
/**
 * Load a positioning document from the open file descriptor @p fd, read to its end (a
 * pipe, a socket, a regular file from its current offset). The descriptor is not closed.
 * @param out receives it; free it with cispref_positioning_free(). Untouched on failure.
 * @param fd the descriptor to read.
 * @param name how errors name the input, or NULL for "<fd N>".
 * @param options NULL for #CISPREF_LOAD_OPTIONS_INIT; only the limits are used.
 * @param error filled on failure (may be NULL).
 * @return as cispref_positioning_load_file().
 */
CISPREF_EXPORT int cispref_positioning_load_fd(cispref_positioning **out, int fd,
                                               const char *name,
                                               const cispref_load_options *options,
                                               cispref_error *error);
/**
 * Load a positioning document from @p stream, read to its end. The stream is not closed.
 * @param out receives it; free it with cispref_positioning_free(). Untouched on failure.
 * @param stream the stream to read.
 * @param name how errors name the input, or NULL for "<stream>".
 * @param options NULL for #CISPREF_LOAD_OPTIONS_INIT; only the limits are used.
 * @param error filled on failure (may be NULL).
 * @return as cispref_positioning_load_file().
 */
CISPREF_EXPORT int cispref_positioning_load_stream(cispref_positioning **out, FILE *stream,
                                                   const char *name,
                                                   const cispref_load_options *options,
                                                   cispref_error *error);
/**
 * Serialise @p pos as positioning XML.
 * @param out receives a NUL-terminated buffer; free it with cispref_buffer_free().
 * @param size receives its length without the NUL (may be NULL).
 * @param pos the document.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK, #CISPREF_EARG or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_write_buffer(char **out, size_t *size,
                                                    const cispref_positioning *pos,
                                                    cispref_error *error);
/**
 * Save @p pos to @p path: written beside it, then renamed, so that a failure leaves the
 * previous file as it was.
 * @return #CISPREF_OK, #CISPREF_EIO, #CISPREF_EARG or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_save(const cispref_positioning *pos, const char *path,
                                            cispref_error *error);
/** @} */

/** @name Reading
 * @{ */
/** The id of the referential rated; NULL for NULL. */
CISPREF_EXPORT const char *cispref_positioning_referential_id(const cispref_positioning *pos);
/** Its edition, or NULL when the document names none. */
CISPREF_EXPORT const char *cispref_positioning_edition(const cispref_positioning *pos);
/** The file it was loaded from, or NULL for a document built in memory. */
CISPREF_EXPORT const char *cispref_positioning_origin(const cispref_positioning *pos);
/** Number of levels; 0 for NULL. */
CISPREF_EXPORT size_t cispref_positioning_level_count(const cispref_positioning *pos);
/** The level at @p index, lowest first; NULL out of range. */
CISPREF_EXPORT const cispref_level *cispref_positioning_level(const cispref_positioning *pos,
                                                              size_t index);
/** The level of id @p id, or NULL. */
CISPREF_EXPORT const cispref_level *cispref_positioning_find_level(
	const cispref_positioning *pos, const char *id);
/** Number of persons; 0 for NULL. */
CISPREF_EXPORT size_t cispref_positioning_person_count(const cispref_positioning *pos);
/** The person at @p index, in document order; NULL out of range. */
CISPREF_EXPORT const cispref_person *cispref_positioning_person(const cispref_positioning *pos,
                                                                size_t index);
/** The (first) person of id @p id, or NULL. */
CISPREF_EXPORT const cispref_person *cispref_positioning_find_person(
	const cispref_positioning *pos, const char *id);
/** Number of ratings; 0 for NULL. */
CISPREF_EXPORT size_t cispref_positioning_rating_count(const cispref_positioning *pos);
/** The rating at @p index, in document order; NULL out of range. */
CISPREF_EXPORT const cispref_rating *cispref_positioning_rating(const cispref_positioning *pos,
                                                                size_t index);

/** The level's id; NULL for NULL. */
CISPREF_EXPORT const char *cispref_level_id(const cispref_level *level);
/** Its label. */
CISPREF_EXPORT const char *cispref_level_label(const cispref_level *level);
/** 1 when it counts as proficient, else 0 (and for NULL). */
CISPREF_EXPORT int cispref_level_proficient(const cispref_level *level);
/** Its position in the scale, 0 for the lowest; 0 for NULL. */
CISPREF_EXPORT size_t cispref_level_rank(const cispref_level *level);

/** The person's pseudonymous id; NULL for NULL. */
CISPREF_EXPORT const char *cispref_person_id(const cispref_person *person);
/** The display name, or NULL when none. */
CISPREF_EXPORT const char *cispref_person_name(const cispref_person *person);
/** The role, or NULL when none. */
CISPREF_EXPORT const char *cispref_person_role(const cispref_person *person);

/** The id of the person who is rated; NULL for NULL. */
CISPREF_EXPORT const char *cispref_rating_person(const cispref_rating *rating);
/** The id of the competence or item rated. */
CISPREF_EXPORT const char *cispref_rating_target(const cispref_rating *rating);
/** The id of the level given. */
CISPREF_EXPORT const char *cispref_rating_level(const cispref_rating *rating);
/** The date `YYYY-MM-DD`, or NULL. */
CISPREF_EXPORT const char *cispref_rating_date(const cispref_rating *rating);
/** Who rated; #CISPREF_RATING_SOURCE_NONE for NULL. */
CISPREF_EXPORT cispref_rating_source_t cispref_rating_source(const cispref_rating *rating);
/** The comment, or NULL. */
CISPREF_EXPORT const char *cispref_rating_comment(const cispref_rating *rating);
/** @} */

/** @name Validation
 * @{ */
/**
 * Check @p pos against @p ref (doc/positioning.md lists the tags: unknown target, level
 * or person, duplicate person or rating, a referential id or edition that differs).
 * Diagnostics carry the line of the element in the file the document came from.
 * @param out receives the findings, in document order; free with
 *            cispref_diagnostics_free().
 * @param pos the document.
 * @param ref the referential it is checked against.
 * @return #CISPREF_OK (whatever was found), #CISPREF_EARG or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_validate(cispref_diagnostics **out,
                                                const cispref_positioning *pos,
                                                const cispref_referential *ref);
/** @} */

/** @name Levels
 * @{ */
/**
 * The level of @p person on @p target as rated: the latest rating (doc/positioning.md).
 * @param out receives the level, owned by @p pos.
 * @param pos the document.
 * @param person the person's id.
 * @param target the id of a competence or an item.
 * @return #CISPREF_OK, #CISPREF_ENOTFOUND when the person did not rate the target,
 *         #CISPREF_EARG.
 */
CISPREF_EXPORT int cispref_positioning_rated_level(const cispref_level **out,
                                                   const cispref_positioning *pos,
                                                   const char *person, const char *target);
/**
 * The level of @p person on the competence @p competence of @p ref: its own rating, or
 * derived from its items' ratings (proficient when at least one item is rated and every
 * rated item is proficient; the level is the lowest rated).
 * @param out receives the level (NULL when the person rated neither the competence nor
 *        its items), owned by @p pos.
 * @param share receives the proficient items over all the competence's items, in [0, 1]
 *        (may be NULL).
 * @param pos the document.
 * @param ref the referential.
 * @param person the person's id (#CISPREF_ENOTFOUND for an unknown one).
 * @param competence the competence's id.
 * @return #CISPREF_OK, #CISPREF_ENOTFOUND when @p competence is no competence of @p ref,
 *         #CISPREF_EARG, #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_competence_level(const cispref_level **out,
                                                        double *share,
                                                        const cispref_positioning *pos,
                                                        const cispref_referential *ref,
                                                        const char *person,
                                                        const char *competence);
/** @} */

/** @name Coverage
 * @{ */
/** Who covers which competence. */
typedef struct cispref_coverage cispref_coverage;
/**
 * Compute the team's coverage of every competence of @p ref, in document order, from the
 * ratings that resolve (an invalid document is not refused: see the file's description
 * and cispref_positioning_validate()).
 * @param out receives it; free with cispref_coverage_free(), before @p pos and @p ref.
 * @param pos the document.
 * @param ref the referential.
 * @return #CISPREF_OK, #CISPREF_EARG or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_coverage_new(cispref_coverage **out, const cispref_positioning *pos,
                                        const cispref_referential *ref);
/** Number of competences (those of the referential); 0 for NULL. */
CISPREF_EXPORT size_t cispref_coverage_count(const cispref_coverage *coverage);
/** The competence at @p index; NULL out of range. */
CISPREF_EXPORT const cispref_competence *cispref_coverage_competence(
	const cispref_coverage *coverage, size_t index);
/** How many persons are proficient on the competence at @p index; 0 out of range. */
CISPREF_EXPORT size_t cispref_coverage_person_count(const cispref_coverage *coverage,
                                                    size_t index);
/** The @p person -th proficient person of competence @p index, in document order. */
CISPREF_EXPORT const cispref_person *cispref_coverage_person(const cispref_coverage *coverage,
                                                             size_t index, size_t person);
/** The level of the person at @p person_index of the document on competence @p index
 *  (the matrix cell), or NULL when none. */
CISPREF_EXPORT const cispref_level *cispref_coverage_level(const cispref_coverage *coverage,
                                                           size_t index,
                                                           size_t person_index);
/** Number of competences that nobody covers. */
CISPREF_EXPORT size_t cispref_coverage_uncovered_count(const cispref_coverage *coverage);
/** Release a coverage. Accepts NULL. */
CISPREF_EXPORT void cispref_coverage_free(cispref_coverage *coverage);
/** @} */

/** @name Gaps and training needs
 * @{ */
/** A ranked list of training needs. */
typedef struct cispref_needs cispref_needs;
/**
 * The items of @p ref on which @p person has a level that is not proficient (a gap), in
 * document order.
 * @param out receives at most @p max items (may be NULL when @p max is 0).
 * @param max room in @p out.
 * @param count receives the number of gaps, which may exceed @p max.
 * @param pos the document.
 * @param ref the referential.
 * @param person the person's id.
 * @return #CISPREF_OK, #CISPREF_ENOTFOUND for an unknown person, #CISPREF_EARG,
 *         #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_gaps(const cispref_item **out, size_t max,
                                            size_t *count, const cispref_positioning *pos,
                                            const cispref_referential *ref,
                                            const char *person);
/**
 * The training needs: gaps grouped by the concept their items share (an item without a
 * concept alone), ranked by persons, then competences, then id (doc/positioning.md); from
 * the ratings that resolve, as cispref_coverage_new().
 * @param out receives the list; free with cispref_needs_free(), before @p pos and @p ref.
 * @param pos the document.
 * @param ref the referential.
 * @param person restrict to this person's gaps, or NULL for the whole team.
 * @return #CISPREF_OK, #CISPREF_ENOTFOUND for an unknown person, #CISPREF_EARG,
 *         #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_needs_new(cispref_needs **out, const cispref_positioning *pos,
                                     const cispref_referential *ref, const char *person);
/** Number of needs; 0 for NULL. */
CISPREF_EXPORT size_t cispref_needs_count(const cispref_needs *needs);
/** The need's id: its concept's id, or the item's id; NULL out of range. */
CISPREF_EXPORT const char *cispref_needs_id(const cispref_needs *needs, size_t index);
/** Its concept, or NULL for an item without one. */
CISPREF_EXPORT const cispref_concept *cispref_needs_concept(const cispref_needs *needs,
                                                            size_t index);
/** A label: the concept's label or the item's text. */
CISPREF_EXPORT const char *cispref_needs_label(const cispref_needs *needs, size_t index);
/** Number of persons with such a gap. */
CISPREF_EXPORT size_t cispref_needs_person_count(const cispref_needs *needs, size_t index);
/** The @p person -th of them, in document order. */
CISPREF_EXPORT const cispref_person *cispref_needs_person(const cispref_needs *needs,
                                                          size_t index, size_t person);
/** Number of competences those gaps belong to. */
CISPREF_EXPORT size_t cispref_needs_competence_count(const cispref_needs *needs,
                                                     size_t index);
/** The @p competence -th of them, in document order. */
CISPREF_EXPORT const cispref_competence *cispref_needs_competence(const cispref_needs *needs,
                                                                  size_t index,
                                                                  size_t competence);
/** Release a needs list. Accepts NULL. */
CISPREF_EXPORT void cispref_needs_free(cispref_needs *needs);
/** @} */

/** @name Exports
 * @{ */
/** Formats of cispref_coverage_export() and cispref_needs_export(). */
typedef enum cispref_team_format_t {
	CISPREF_TEAM_FORMAT_JSON = 0, /**< One JSON object (doc/positioning.md). */
	CISPREF_TEAM_FORMAT_CSV = 1,  /**< RFC 4180 CSV: a header row, commas, CRLF. */
	/** The spreadsheet export's French Excel dialect: BOM, semicolons, formulas defused. */
	CISPREF_TEAM_FORMAT_CSV_EXCEL_FR = 2
} cispref_team_format_t;
/** Flags of the exports. */
typedef enum cispref_team_flags_t {
	CISPREF_TEAM_DEFAULT = 0,        /**< Display names where there are some. */
	CISPREF_TEAM_ANONYMIZE = 1 << 0  /**< Ids in place of display names. */
} cispref_team_flags_t;
/**
 * Serialise a coverage.
 * @param out receives a NUL-terminated buffer; free with cispref_buffer_free().
 * @param size its length (may be NULL).
 * @param coverage the coverage.
 * @param format the format.
 * @param flags #cispref_team_flags_t values combined with `|`.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK, #CISPREF_EARG or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_coverage_export(char **out, size_t *size,
                                           const cispref_coverage *coverage,
                                           cispref_team_format_t format, unsigned flags,
                                           cispref_error *error);
/**
 * Serialise the ratings of @p pos, one row (or object) per rating in document order:
 * person, name, target, level, date, source, comment (doc/positioning.md, "Outputs").
 * With #CISPREF_TEAM_ANONYMIZE the name is the person's id and comments are left out
 * (a comment may name someone).
 * @param out receives a NUL-terminated buffer; free it with cispref_buffer_free().
 * @param size its length (may be NULL).
 * @param pos the document.
 * @param format the format.
 * @param flags #cispref_team_flags_t values combined with `|`.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK, #CISPREF_EARG or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_positioning_export_ratings(char **out, size_t *size,
                                                      const cispref_positioning *pos,
                                                      cispref_team_format_t format,
                                                      unsigned flags, cispref_error *error);
/** Serialise a needs list; as cispref_coverage_export(). */
CISPREF_EXPORT int cispref_needs_export(char **out, size_t *size, const cispref_needs *needs,
                                        cispref_team_format_t format, unsigned flags,
                                        cispref_error *error);
/**
 * Write a coverage to the file @p path, as cispref_export_path() writes: a regular file
 * is replaced atomically (a failure leaves it as it was), a symbolic link is written
 * through, a FIFO or character device is written in place.
 * @param path the file to write.
 * @param coverage the coverage.
 * @param format the format.
 * @param flags #cispref_team_flags_t values combined with `|`.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK, #CISPREF_EARG (also for a NULL or empty @p path), #CISPREF_EIO
 *         (with the system's message and the path) or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_coverage_export_path(const char *path,
                                                const cispref_coverage *coverage,
                                                cispref_team_format_t format, unsigned flags,
                                                cispref_error *error);
/** Write a needs list to the file @p path; as cispref_coverage_export_path(). */
CISPREF_EXPORT int cispref_needs_export_path(const char *path, const cispref_needs *needs,
                                             cispref_team_format_t format, unsigned flags,
                                             cispref_error *error);
/** Write the ratings of @p pos (cispref_positioning_export_ratings()) to the file @p path;
 * as cispref_coverage_export_path(). */
CISPREF_EXPORT int cispref_positioning_export_ratings_path(const char *path,
                                                           const cispref_positioning *pos,
                                                           cispref_team_format_t format,
                                                           unsigned flags,
                                                           cispref_error *error);
/** @} */

/** @name Printed grids and matrices
 * @{ */
/** What cispref_team_render() draws. */
typedef enum cispref_team_render_t {
	/**
	 * A positioning grid to print and fill in by hand: a place for the name and the
	 * date, then one table per competence, its items in rows and one checkbox column per
	 * level of the scale. Blank, or ticked with one person's levels.
	 */
	CISPREF_TEAM_RENDER_GRID = 0,
	/**
	 * The coverage matrix: competences in rows, persons in columns, the level in each
	 * cell, the number of proficient persons per row, the competences nobody covers
	 * marked.
	 */
	CISPREF_TEAM_RENDER_COVERAGE = 1
} cispref_team_render_t;

/**
 * Draw a grid or a coverage matrix as HTML (one self-contained file) or ODT.
 * @param out receives the document (NUL-terminated for HTML; binary for ODT); free it
 *            with cispref_buffer_free(). Untouched on failure.
 * @param size receives its length in bytes (may be NULL for HTML).
 * @param what #CISPREF_TEAM_RENDER_GRID or #CISPREF_TEAM_RENDER_COVERAGE.
 * @param format #CISPREF_RENDER_HTML or #CISPREF_RENDER_ODT.
 * @param pos the team's document: its scale, persons and levels. For a grid it may be
 *        NULL (a blank grid on the default scale); a coverage matrix needs it.
 * @param ref the referential whose competences are drawn.
 * @param person for a grid, the id of the person whose levels are ticked and whose name
 *        fills the field, or NULL for a blank grid; ignored for a matrix.
 * @param flags #CISPREF_TEAM_ANONYMIZE: persons named by their ids.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK, #CISPREF_ENOTFOUND (unknown person), #CISPREF_EARG,
 *         #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_team_render(char **out, size_t *size, cispref_team_render_t what,
                                       cispref_render_format_t format,
                                       const cispref_positioning *pos,
                                       const cispref_referential *ref, const char *person,
                                       unsigned flags, cispref_error *error);
/**
 * Draw as cispref_team_render() does, into the file at @p path: written beside it, then
 * renamed, so that a failure leaves the previous file as it was.
 * @param path the file to write.
 * @param what as cispref_team_render().
 * @param format as cispref_team_render().
 * @param pos as cispref_team_render().
 * @param ref as cispref_team_render().
 * @param person as cispref_team_render().
 * @param flags as cispref_team_render().
 * @param error filled on failure (may be NULL).
 * @return as cispref_team_render(), or #CISPREF_EIO.
 */
CISPREF_EXPORT int cispref_team_render_path(const char *path, cispref_team_render_t what,
                                            cispref_render_format_t format,
                                            const cispref_positioning *pos,
                                            const cispref_referential *ref,
                                            const char *person, unsigned flags,
                                            cispref_error *error);
/** @} */

#ifdef __cplusplus
}
#endif

#endif
/** @} */
