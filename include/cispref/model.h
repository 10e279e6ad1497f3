/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file model.h
 * @brief The typed model of a referential and its read accessors.
 *
 * A referential holds domains; a domain holds its summary entries (the list of
 * competences as printed in the overview) and its plans; a plan holds competences; a
 * competence holds three lists of items (savoir-faire, savoir-faire comportementaux,
 * savoirs) and references to notes. Concepts (shared aptitudes and savoirs) and notes
 * belong to the referential; items point to concepts and competences to notes by id.
 *
 * All handles are owned by their referential: they, and every `const char *` they
 * return, stay valid until the node is removed or cispref_referential_free() is called.
 * Accessors given NULL return NULL, 0 or the documented neutral value; an index out of
 * range gives NULL.
 *
 * A handle is const when it comes from a const handle: every accessor and lookup here
 * takes const handles and returns const handles, so that reading never needs a mutable
 * referential. To edit a node, the builder (builder.h) gives mutable handles: through the
 * `out` parameter of its `add_*()` functions, and through cispref_referential_edit_domain()
 * and its siblings, which return the node of a mutable referential as mutable.
 *
 * A referential that nobody edits may be read from several threads at once.
 *
 * @defgroup model Model
 * @{
 */
#ifndef CISPREF_MODEL_H
#define CISPREF_MODEL_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <stdbool.h>
#include <cispref/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A whole referential: metadata, domains, concepts and notes. */
typedef struct cispref_referential cispref_referential;
/** A domain of competences (psycho-social, administrative, ...). */
typedef struct cispref_domain cispref_domain;
/** One line of a domain's summary list, as printed. */
typedef struct cispref_summary_entry cispref_summary_entry;
/** A plan of a domain (individual, collective, ...). */
typedef struct cispref_plan cispref_plan;
/** A competence and its detail table. */
typedef struct cispref_competence cispref_competence;
/** A savoir-faire, savoir-faire comportemental or savoir of a competence. */
typedef struct cispref_item cispref_item;
/** A shared aptitude or savoir that recurring items point to. */
typedef struct cispref_concept cispref_concept;
/** A numbered note of the source. */
typedef struct cispref_note cispref_note;

/** Kind of a domain. */
typedef enum cispref_domain_kind_t {
	CISPREF_DOMAIN_CORE = 0,        /**< One of the core domains ("core"). */
	CISPREF_DOMAIN_TRANSVERSAL = 1  /**< A transversal axis ("transversal"). */
} cispref_domain_kind_t;

/** Kind of a plan. */
typedef enum cispref_plan_kind_t {
	CISPREF_PLAN_INDIVIDUAL = 0,  /**< "individual". */
	CISPREF_PLAN_COLLECTIVE = 1,  /**< "collective". */
	CISPREF_PLAN_INTERNAL = 2,    /**< "internal" (communication). */
	CISPREF_PLAN_EXTERNAL = 3,    /**< "external" (communication). */
	CISPREF_PLAN_JOINT = 4        /**< "joint": individual and collective presented together. */
} cispref_plan_kind_t;

/** Kind of an item, and of the concept it may point to. */
typedef enum cispref_item_kind_t {
	CISPREF_ITEM_SAVOIR_FAIRE = 0,                /**< "savoir-faire" (an aptitude). */
	CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL = 1, /**< "savoir-faire-comportemental". */
	CISPREF_ITEM_SAVOIR = 2                       /**< "savoir" (knowledge). */
} cispref_item_kind_t;

/** Number of item kinds, for loops over the three lists of a competence. */
#define CISPREF_ITEM_KIND_COUNT 3

/** Fields of a referential's source metadata. */
typedef enum cispref_source_field_t {
	CISPREF_SOURCE_PUBLISHER = 0, /**< e.g. "L'Interfédé". */
	CISPREF_SOURCE_SERIES = 1,    /**< e.g. "Les cahiers de l'Interfédé". */
	CISPREF_SOURCE_NUMBER = 2,    /**< e.g. "24". */
	CISPREF_SOURCE_DATE = 3,      /**< e.g. "2020-12". */
	CISPREF_SOURCE_APPROVAL = 4   /**< Who validated the referential, and when. */
} cispref_source_field_t;

/** Number of source fields. */
#define CISPREF_SOURCE_FIELD_COUNT 5

/** @name Kind names
 * The names used in the XML and JSON formats. `*_name()` returns NULL for a value out of
 * range; `*_from_name()` returns 0 and sets `*out`, or #CISPREF_EARG for an unknown name.
 * @{ */
/** Name of a domain kind ("core", "transversal"). */
CISPREF_EXPORT const char *cispref_domain_kind_name(cispref_domain_kind_t kind);
/** Parse a domain kind name. */
CISPREF_EXPORT int cispref_domain_kind_from_name(cispref_domain_kind_t *out, const char *name);
/** Name of a plan kind ("individual", ..., "joint"). */
CISPREF_EXPORT const char *cispref_plan_kind_name(cispref_plan_kind_t kind);
/** Parse a plan kind name. */
CISPREF_EXPORT int cispref_plan_kind_from_name(cispref_plan_kind_t *out, const char *name);
/** Name of an item kind ("savoir-faire", "savoir-faire-comportemental", "savoir"). */
CISPREF_EXPORT const char *cispref_item_kind_name(cispref_item_kind_t kind);
/** Parse an item kind name. */
CISPREF_EXPORT int cispref_item_kind_from_name(cispref_item_kind_t *out, const char *name);
/** Name of a source field ("publisher", "series", "number", "date", "approval"). */
CISPREF_EXPORT const char *cispref_source_field_name(cispref_source_field_t field);
/** @} */

/** @name Referential
 * @{ */
/** The referential's id. */
CISPREF_EXPORT const char *cispref_referential_id(const cispref_referential *ref);
/** The referential's title. */
CISPREF_EXPORT const char *cispref_referential_title(const cispref_referential *ref);
/** The referential's version (edition), e.g. "2020". */
CISPREF_EXPORT const char *cispref_referential_version(const cispref_referential *ref);
/** The language of its texts, as a BCP 47 tag ("fr"). */
CISPREF_EXPORT const char *cispref_referential_language(const cispref_referential *ref);
/** One field of the source metadata, or NULL when it is not set. */
CISPREF_EXPORT const char *cispref_referential_source(const cispref_referential *ref,
                                                      cispref_source_field_t field);
/** The name of the file or buffer the referential was loaded from, or NULL. */
CISPREF_EXPORT const char *cispref_referential_origin(const cispref_referential *ref);
/** Number of domains. */
CISPREF_EXPORT size_t cispref_referential_domain_count(const cispref_referential *ref);
/** The domain at @p index, in document order. */
CISPREF_EXPORT const cispref_domain *cispref_referential_domain(const cispref_referential *ref,
                                                                size_t index);
/** Number of concepts. */
CISPREF_EXPORT size_t cispref_referential_concept_count(const cispref_referential *ref);
/** The concept at @p index. */
CISPREF_EXPORT const cispref_concept *cispref_referential_concept(const cispref_referential *ref,
                                                                  size_t index);
/** Number of notes. */
CISPREF_EXPORT size_t cispref_referential_note_count(const cispref_referential *ref);
/** The note at @p index. */
CISPREF_EXPORT const cispref_note *cispref_referential_note(const cispref_referential *ref,
                                                            size_t index);
/** Total number of plans in all domains. */
CISPREF_EXPORT size_t cispref_referential_plan_total(const cispref_referential *ref);
/** Total number of competences in all plans. */
CISPREF_EXPORT size_t cispref_referential_competence_total(const cispref_referential *ref);
/** Total number of summary entries in all domains. */
CISPREF_EXPORT size_t cispref_referential_summary_total(const cispref_referential *ref);
/** Total number of items of @p kind in all competences. */
CISPREF_EXPORT size_t cispref_referential_item_total(const cispref_referential *ref,
                                                     cispref_item_kind_t kind);
/** @} */

/** @name Identity
 * A stable identity for the referential and every node, the same on every export and
 * on every machine, so that other software can keep references across editions.
 *
 * The referential has a namespace UUID: the one its XML names (the root's `uuid`
 * attribute), or one set with cispref_referential_set_uuid(). A referential whose XML
 * names none (a file from before identities), and one built with
 * cispref_referential_new(), gets one derived from its id: the version-5 UUID (RFC 4122
 * section 4.3) of the id in the namespace 6461bcce-cd61-5e0b-b808-e82147f8fa2b (itself
 * the version-5 UUID of "urn:cispref:referential" in RFC 4122's URL namespace). It is
 * derived, not random, so that exports of the same input are the same bytes on every
 * run; the XML writer writes it, so that a saved file keeps it afterwards. Two unrelated
 * referentials that share an id and name no UUID share a namespace: give each its own
 * (a random one, `uuidgen -r`) to tell their nodes apart.
 *
 * Each node's UUID is the version-5 UUID (RFC 4122 section 4.3: SHA-1 of the namespace
 * and the name) of its id, as UTF-8, in the referential's namespace; Python's
 * `uuid.uuid5(uuid.UUID(namespace), id)` gives the same. UUIDs are written in RFC 4122's
 * string form, lower-case: 8-4-4-4-12 hexadecimal digits.
 *
 * The optional base URI gives each node a URI: the base URI followed by the node's id
 * (no separator is added: end the base with '/' or '#'). The referential's own URI is the
 * base URI.
 * @{ */
/** Size of a UUID's string form with its terminating NUL: 36 characters and the NUL. */
#define CISPREF_UUID_STRING_SIZE 37
/**
 * Longest base URI, in bytes: every node's URI repeats it, so a longer one would bloat
 * every export (2048 is also the length URIs are commonly safe to have).
 */
#define CISPREF_BASE_URI_MAX 2048
/**
 * The referential's namespace UUID, lower-case ("3a04826e-5654-4fb8-a9bf-07e876000407"),
 * owned by the referential; never NULL but for a NULL @p ref.
 */
CISPREF_EXPORT const char *cispref_referential_uuid(const cispref_referential *ref);
/**
 * The base URI ("https://example.org/cisp/"), owned by the referential; NULL when it has
 * none (or @p ref is NULL). It is a URI in the sense of RFC 3986 section 3 (a scheme,
 * not a relative reference; it may end in '#') of at most #CISPREF_BASE_URI_MAX bytes;
 * with a node's id appended it stays a valid URI.
 */
CISPREF_EXPORT const char *cispref_referential_base_uri(const cispref_referential *ref);
/**
 * The UUID of the node with @p id (of any type), written into @p out as 36 lower-case
 * characters and a NUL. Computed on each call (one SHA-1 of 16 + strlen(@p id) bytes:
 * about 0.6 microseconds on a 2020s x86-64 core); nothing is stored, so it is safe from
 * several threads.
 * @param out receives the UUID; set to "" when the call fails.
 * @param ref the referential.
 * @param id the node's id.
 * @return #CISPREF_OK; #CISPREF_ENOTFOUND when no node has @p id; #CISPREF_EARG for a
 *         NULL argument.
 */
CISPREF_EXPORT int cispref_referential_node_uuid(char out[CISPREF_UUID_STRING_SIZE],
                                                 const cispref_referential *ref,
                                                 const char *id);
/**
 * The URI of the node with @p id: the base URI followed by @p id.
 * @param out receives a new NUL-terminated string to release with cispref_buffer_free(),
 *        or NULL when the referential has no base URI (or the call fails).
 * @param ref the referential.
 * @param id the node's id.
 * @return #CISPREF_OK (also when there is no base URI); #CISPREF_ENOTFOUND when no node
 *         has @p id; #CISPREF_ENOMEM; #CISPREF_EARG for a NULL argument.
 */
CISPREF_EXPORT int cispref_referential_node_uri(char **out, const cispref_referential *ref,
                                                const char *id);
/** @} */

/** @name Editions
 * A node of any type may be marked deprecated (in the XML, `deprecated="true"`), and
 * name the node that replaces it (`replaced-by="ID"`), so that software holding its id
 * in stored data knows where to go in this edition. The validator checks that a
 * replacement resolves, is not the node itself and leads to no cycle
 * (doc/format.md, "Editions"). Set them with cispref_referential_set_deprecated().
 * @{ */
/** Whether the node with @p id is marked deprecated; false when no node has @p id (and
 * for a NULL argument). */
CISPREF_EXPORT bool cispref_referential_node_deprecated(const cispref_referential *ref,
                                                        const char *id);
/** The id of the node that replaces the node with @p id, owned by the referential; NULL
 * when it names none (not deprecated, deprecated without a replacement, no node with
 * @p id, a NULL argument). The id may name no node: cispref_validate() reports it. */
CISPREF_EXPORT const char *cispref_referential_node_replaced_by(const cispref_referential *ref,
                                                                const char *id);
/** @} */

/** @name Translations
 * Every node that holds a text (a domain's, plan's or competence's title, a summary
 * entry's or item's text, a concept's label, a note's text) may carry that text in other
 * languages than the referential's own (cispref_referential_language()), each tagged with
 * a BCP 47 language tag (RFC 5646). The referential's own texts stay the default: the
 * accessors of each node (cispref_item_text()...) return them, and the functions below
 * fall back to them. Each translation keeps a hash of the source text it was made from,
 * so that cispref_validate() reports the translations whose source changed since
 * (`translation-outdated`; doc/format.md, "Translations"; doc/translation.md). The front
 * matter is not translated. Language tags are compared without regard to case.
 * @{ */
/**
 * The text of the node with @p id in @p language, falling back as RFC 4647 section 3.4's
 * lookup does: the translation into @p language, else into @p language cut at its last
 * subtag ("nl-BE", then "nl") and so on, else the referential's own text. A @p language
 * that is, or cuts down to, the referential's own language gives its own text.
 * @param ref the referential.
 * @param id the node's id.
 * @param language a BCP 47 tag, or NULL for the referential's own language.
 * @return the text, owned by the referential (valid until it changes); NULL when no node
 *         has @p id, when that node holds no text of its own (a front-matter section or
 *         block), or for a NULL @p ref or @p id.
 */
CISPREF_EXPORT const char *cispref_referential_node_text(const cispref_referential *ref,
                                                         const char *id, const char *language);
/**
 * The translation of the node with @p id into exactly @p language (compared without
 * regard to case; no fallback), owned by the referential; NULL when there is none (or
 * for a NULL argument).
 */
CISPREF_EXPORT const char *cispref_referential_translation(const cispref_referential *ref,
                                                           const char *id,
                                                           const char *language);
/**
 * Whether the translation of the node with @p id into @p language was made from another
 * text than the node's present one (its source has been edited since); false when there
 * is no such translation (or for a NULL argument).
 */
CISPREF_EXPORT bool cispref_referential_translation_outdated(const cispref_referential *ref,
                                                             const char *id,
                                                             const char *language);
/**
 * The referential's title in @p language, found as cispref_referential_node_text() finds
 * a node's text: its translation (doc/format.md, "Translations": `of` the referential's
 * id, `part` "title"), else the title itself. Owned by the referential; NULL for a NULL
 * @p ref.
 */
CISPREF_EXPORT const char *cispref_referential_title_in(const cispref_referential *ref,
                                                        const char *language);
/**
 * How many of the referential's texts have no translation into @p language: the texts
 * for which cispref_referential_node_text() falls back to the referential's own text
 * because the lookup matched neither a translation nor the referential's own language.
 * Front ends warn with it before they write a referential in @p language. The texts
 * counted are the title, the texts of the front matter (doc/format.md, "Translations")
 * and those of the nodes that hold one.
 * Walks every node: time linear in the size of the referential.
 * @param ref the referential.
 * @param language a BCP 47 tag (not checked: a malformed one matches no translation),
 *        or NULL, which falls back nowhere.
 * @param total receives (may be NULL) the number of texts counted; 0 for a NULL @p ref.
 * @return the number of texts that fall back; 0 for a NULL @p ref or @p language.
 */
CISPREF_EXPORT size_t cispref_referential_untranslated_count(const cispref_referential *ref,
                                                             const char *language,
                                                             size_t *total);
/**
 * The referential in one language: a new referential with the same structure, ids,
 * kinds, references, notes, concepts, edition links and front matter, whose node texts
 * are those of @p ref in @p language (cispref_referential_node_text(): the fallback is
 * per node, the referential's own text where a node has no translation; count them
 * with cispref_referential_untranslated_count()), whose language
 * (cispref_referential_language()) is @p language as given, and which holds no
 * translations. Every writer and renderer then produces that language.
 *
 * It keeps @p ref's identity: the same namespace UUID and base URI, so each node keeps
 * its UUID and URI (it names the same competence, in other words). Formats that must not
 * collide with the source's (a CASE package, export.h) derive their own identifiers from
 * cispref_referential_translated_from(). The referential's title and the texts of its
 * front matter are in @p language too, with the same fallback per text
 * (cispref_referential_title_in(), cispref_referential_rich_text_in()). The copy has no
 * origin
 * (cispref_referential_origin() is NULL) and node lines that refer to no file.
 *
 * A NULL @p language, or @p ref's own language (compared without regard to case), gives
 * an equal copy (cispref_referential_equal()), translations included.
 *
 * Made by writing @p ref's canonical XML in @p language and reading it back: time and
 * memory of an export and a load; @p ref is only read, so several threads may make
 * views of one referential at once.
 * @param out receives the new referential, owned by the caller, to release with
 *        cispref_referential_free(); untouched on failure.
 * @param ref the referential.
 * @param language a BCP 47 language tag (RFC 5646), e.g. "nl" or "nl-BE", or NULL.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK; #CISPREF_EARG for a NULL @p out or @p ref, or a @p language that
 *         is not a well-formed tag (the message names it); #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_referential_translated(cispref_referential **out,
                                                  const cispref_referential *ref,
                                                  const char *language,
                                                  cispref_error *error);
/**
 * The language of the referential that @p ref was made from by
 * cispref_referential_translated() into another language ("fr" for the Dutch view of a
 * French referential), owned by @p ref; NULL for any other referential (loaded, built,
 * an equal copy of one of those), and for NULL. Not stored in the XML: a view saved and
 * loaded again is a referential in its own language.
 */
CISPREF_EXPORT const char *cispref_referential_translated_from(const cispref_referential *ref);
/** Number of languages the referential's translations are in (its own language aside);
 * 0 for NULL. */
CISPREF_EXPORT size_t cispref_referential_translation_language_count(
	const cispref_referential *ref);
/** The language tag at @p index among those, in byte order of the tags (as first
 * written), owned by the referential; NULL when @p index is out of range. */
CISPREF_EXPORT const char *cispref_referential_translation_language(
	const cispref_referential *ref, size_t index);
/** @} */

/** @name Lookup by id
 * Constant-time lookups through the referential's id index; NULL when no node of that
 * type has the id.
 * @{ */
/** The domain with @p id. */
CISPREF_EXPORT const cispref_domain *cispref_referential_find_domain(const cispref_referential *ref,
                                                                     const char *id);
/** The summary entry with @p id. */
CISPREF_EXPORT const cispref_summary_entry *cispref_referential_find_summary_entry(
	const cispref_referential *ref, const char *id);
/** The plan with @p id. */
CISPREF_EXPORT const cispref_plan *cispref_referential_find_plan(const cispref_referential *ref,
                                                                 const char *id);
/** The competence with @p id. */
CISPREF_EXPORT const cispref_competence *cispref_referential_find_competence(
	const cispref_referential *ref, const char *id);
/** The item with @p id. */
CISPREF_EXPORT const cispref_item *cispref_referential_find_item(const cispref_referential *ref,
                                                                 const char *id);
/** The concept with @p id. */
CISPREF_EXPORT const cispref_concept *cispref_referential_find_concept(
	const cispref_referential *ref, const char *id);
/** The note with @p id. */
CISPREF_EXPORT const cispref_note *cispref_referential_find_note(const cispref_referential *ref,
                                                                 const char *id);
/** @} */

/** @name Domain
 * @{ */
/** The domain's id. */
CISPREF_EXPORT const char *cispref_domain_id(const cispref_domain *domain);
/** The domain's kind; #CISPREF_DOMAIN_CORE for NULL. */
CISPREF_EXPORT cispref_domain_kind_t cispref_domain_kind(const cispref_domain *domain);
/** The domain's title. */
CISPREF_EXPORT const char *cispref_domain_title(const cispref_domain *domain);
/** The referential that holds the domain. */
CISPREF_EXPORT const cispref_referential *cispref_domain_referential(const cispref_domain *domain);
/** Number of summary entries. */
CISPREF_EXPORT size_t cispref_domain_summary_count(const cispref_domain *domain);
/** The summary entry at @p index, in printed order. */
CISPREF_EXPORT const cispref_summary_entry *cispref_domain_summary_entry(
	const cispref_domain *domain, size_t index);
/** Number of plans. */
CISPREF_EXPORT size_t cispref_domain_plan_count(const cispref_domain *domain);
/** The plan at @p index. */
CISPREF_EXPORT const cispref_plan *cispref_domain_plan(const cispref_domain *domain, size_t index);
/** @} */

/** @name Summary entry
 * @{ */
/** The entry's id. */
CISPREF_EXPORT const char *cispref_summary_entry_id(const cispref_summary_entry *entry);
/** The plan kind the entry is listed under; #CISPREF_PLAN_INDIVIDUAL for NULL. */
CISPREF_EXPORT cispref_plan_kind_t cispref_summary_entry_plan_kind(
	const cispref_summary_entry *entry);
/** The entry's text, as printed. */
CISPREF_EXPORT const char *cispref_summary_entry_text(const cispref_summary_entry *entry);
/** The id of the competence the entry names, or NULL when it names none. */
CISPREF_EXPORT const char *cispref_summary_entry_competence_id(
	const cispref_summary_entry *entry);
/** The competence the entry names, or NULL (none, or an id that resolves to nothing). */
CISPREF_EXPORT const cispref_competence *cispref_summary_entry_competence(
	const cispref_summary_entry *entry);
/** The domain that holds the entry. */
CISPREF_EXPORT const cispref_domain *cispref_summary_entry_domain(
	const cispref_summary_entry *entry);
/** @} */

/** @name Plan
 * @{ */
/** The plan's id. */
CISPREF_EXPORT const char *cispref_plan_id(const cispref_plan *plan);
/** The plan's kind; #CISPREF_PLAN_INDIVIDUAL for NULL. */
CISPREF_EXPORT cispref_plan_kind_t cispref_plan_kind(const cispref_plan *plan);
/** The plan's title. */
CISPREF_EXPORT const char *cispref_plan_title(const cispref_plan *plan);
/** The domain that holds the plan. */
CISPREF_EXPORT const cispref_domain *cispref_plan_domain(const cispref_plan *plan);
/** Number of competences. */
CISPREF_EXPORT size_t cispref_plan_competence_count(const cispref_plan *plan);
/** The competence at @p index. */
CISPREF_EXPORT const cispref_competence *cispref_plan_competence(const cispref_plan *plan,
                                                                 size_t index);
/** @} */

/** @name Competence
 * @{ */
/** The competence's id. */
CISPREF_EXPORT const char *cispref_competence_id(const cispref_competence *competence);
/** The competence's title, as in its detail table. */
CISPREF_EXPORT const char *cispref_competence_title(const cispref_competence *competence);
/** The plan that holds the competence. */
CISPREF_EXPORT const cispref_plan *cispref_competence_plan(const cispref_competence *competence);
/** Number of items of @p kind. */
CISPREF_EXPORT size_t cispref_competence_item_count(const cispref_competence *competence,
                                                    cispref_item_kind_t kind);
/** The item of @p kind at @p index, in source order. */
CISPREF_EXPORT const cispref_item *cispref_competence_item(const cispref_competence *competence,
                                                           cispref_item_kind_t kind, size_t index);
/** Number of note references. */
CISPREF_EXPORT size_t cispref_competence_note_count(const cispref_competence *competence);
/** The id of the note referenced at @p index. */
CISPREF_EXPORT const char *cispref_competence_note_id(const cispref_competence *competence,
                                                      size_t index);
/** The note referenced at @p index, or NULL when its id resolves to nothing. */
CISPREF_EXPORT const cispref_note *cispref_competence_note(const cispref_competence *competence,
                                                           size_t index);
/** @} */

/** @name Item
 * @{ */
/** The item's id. */
CISPREF_EXPORT const char *cispref_item_id(const cispref_item *item);
/** The item's kind; #CISPREF_ITEM_SAVOIR_FAIRE for NULL. */
CISPREF_EXPORT cispref_item_kind_t cispref_item_kind(const cispref_item *item);
/** The item's text, verbatim. */
CISPREF_EXPORT const char *cispref_item_text(const cispref_item *item);
/** The id of the concept the item points to, or NULL. */
CISPREF_EXPORT const char *cispref_item_concept_id(const cispref_item *item);
/** The concept the item points to, or NULL (none, or an id that resolves to nothing). */
CISPREF_EXPORT const cispref_concept *cispref_item_concept(const cispref_item *item);
/** The competence that holds the item. */
CISPREF_EXPORT const cispref_competence *cispref_item_competence(const cispref_item *item);
/** @} */

/** @name Concept
 * @{ */
/** The concept's id. */
CISPREF_EXPORT const char *cispref_concept_id(const cispref_concept *concept);
/** The concept's kind; #CISPREF_ITEM_SAVOIR_FAIRE for NULL. */
CISPREF_EXPORT cispref_item_kind_t cispref_concept_kind(const cispref_concept *concept);
/** The concept's canonical label. */
CISPREF_EXPORT const char *cispref_concept_label(const cispref_concept *concept);
/** The referential that holds the concept. */
CISPREF_EXPORT const cispref_referential *cispref_concept_referential(
	const cispref_concept *concept);
/** @} */

/** @name Note
 * @{ */
/** The note's id. */
CISPREF_EXPORT const char *cispref_note_id(const cispref_note *note);
/** The note's number as printed in the source ("21"). */
CISPREF_EXPORT const char *cispref_note_number(const cispref_note *note);
/** The note's text. */
CISPREF_EXPORT const char *cispref_note_text(const cispref_note *note);
/** The referential that holds the note. */
CISPREF_EXPORT const cispref_referential *cispref_note_referential(const cispref_note *note);
/** @} */

/**
 * Whether two referentials hold the same content: same metadata (the namespace UUID and
 * the base URI included), same nodes in the same
 * order with the same ids, kinds, texts and references. Where they were loaded from is
 * not compared. Two NULLs are equal.
 */
CISPREF_EXPORT bool cispref_referential_equal(const cispref_referential *a,
                                              const cispref_referential *b);

/** Release a referential and everything it owns. Accepts NULL. */
CISPREF_EXPORT void cispref_referential_free(cispref_referential *ref);

#ifdef __cplusplus
}
#endif

#endif
/** @} */
