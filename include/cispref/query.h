/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file query.h
 * @brief Navigating and querying a referential: node types, filters, iteration, shared
 * concepts and full-text search.
 *
 * Lookups by id work on the referential itself (see model.h). Concept queries and search
 * need an index, built once from a referential with cispref_index_new(): the index
 * borrows the referential, which must outlive it and must not be edited while it exists.
 * An index is read-only once built, so several threads may query it at once (search
 * reuses scratch memory that the index keeps: see cispref_search()).
 *
 * @defgroup query Querying
 * @{
 */
#ifndef CISPREF_QUERY_H
#define CISPREF_QUERY_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <cispref/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What an id names. */
typedef enum cispref_node_type_t {
	CISPREF_NODE_NONE = 0,          /**< No node has the id. */
	CISPREF_NODE_DOMAIN = 1,        /**< A domain. */
	CISPREF_NODE_SUMMARY_ENTRY = 2, /**< A summary entry. */
	CISPREF_NODE_PLAN = 3,          /**< A plan. */
	CISPREF_NODE_COMPETENCE = 4,    /**< A competence. */
	CISPREF_NODE_ITEM = 5,          /**< An item. */
	CISPREF_NODE_CONCEPT = 6,       /**< A concept. */
	CISPREF_NODE_NOTE = 7           /**< A note. */
} cispref_node_type_t;

/**
 * The type of the node with @p id, in constant time; then use the matching
 * `cispref_referential_find_*()` function. #CISPREF_NODE_NONE when there is none.
 */
CISPREF_EXPORT cispref_node_type_t cispref_referential_node_type(const cispref_referential *ref,
                                                                 const char *id);
/** Name of a node type ("domain", "summary-entry", "plan", ...), NULL when out of range. */
CISPREF_EXPORT const char *cispref_node_type_name(cispref_node_type_t type);

/** @name Suggestions
 * What to offer when a name (an id, a tag) names nothing: the same policy for every
 * front end.
 * @{ */
/**
 * The names of @p candidates close to @p query, best first. Close means, with ASCII
 * letters compared without case: equal to @p query; or with a tail after a dot equal to
 * it (`c.ecoute-active` for `ecoute-active`); or, for a query of 3 bytes or more, the
 * name or one of its tails after a dot within an edit distance (insertions, deletions,
 * substitutions, swaps of two neighbours) of 1 (queries up to 5 bytes), 2 (up to 10)
 * or 3 (longer). They come in that order, nearer first, then in the order of
 * @p candidates. A name equal to @p query is returned too (rank first): the caller
 * decides whether an exact match needs suggesting.
 * @param out receives up to @p max pointers into @p candidates (may be NULL when @p max
 *        is 0).
 * @param max room in @p out.
 * @param query the name that was not found; NULL or "" gives no suggestion.
 * @param candidates the known names (NULL entries are skipped).
 * @param count number of @p candidates.
 * @return the number of close names (may exceed @p max); 0 for invalid arguments.
 */
CISPREF_EXPORT size_t cispref_suggest(const char **out, size_t max, const char *query,
                                      const char *const *candidates, size_t count);

/**
 * The ids of @p ref close to @p query, as cispref_suggest() chooses them, among the
 * nodes of @p type (#CISPREF_NODE_NONE for every node), in document order within a rank
 * (domains, each followed by its summary entries, plans, competences and items; then
 * concepts; then notes).
 * @param out receives up to @p max ids, owned by @p ref (may be NULL when @p max is 0).
 * @param max room in @p out.
 * @param ref the referential.
 * @param query the id that was not found; NULL or "" gives no suggestion.
 * @param type the type of node wanted, or #CISPREF_NODE_NONE for any.
 * @return the number of close ids (may exceed @p max); 0 for invalid arguments.
 */
CISPREF_EXPORT size_t cispref_referential_suggest_ids(const char **out, size_t max,
                                                      const cispref_referential *ref,
                                                      const char *query,
                                                      cispref_node_type_t type);
/** @} */

/** @name Filters
 * @{ */
/** Version of #cispref_filter this header describes. */
#define CISPREF_FILTER_VERSION 1
/** A bit of a kind mask: `CISPREF_MASK(CISPREF_PLAN_JOINT)`. */
#define CISPREF_MASK(kind) (1u << (unsigned)(kind))

/**
 * Which part of a referential a query looks at. A zeroed mask or a NULL domain id means
 * "any"; set fields combine with AND. Initialise with #CISPREF_FILTER_INIT or
 * cispref_filter_init().
 */
typedef struct cispref_filter {
	unsigned int version;     /**< #CISPREF_FILTER_VERSION. */
	/** Only this domain, or NULL; an id that names no domain makes the walks and
	 *  cispref_search() fail with #CISPREF_ENOTFOUND (not an empty result, so a misspelt
	 *  id is not mistaken for a domain with nothing in it). */
	const char *domain_id;
	unsigned int domain_kinds; /**< Mask of #cispref_domain_kind_t, 0 for any. */
	unsigned int plan_kinds;   /**< Mask of #cispref_plan_kind_t, 0 for any. */
	unsigned int item_kinds;   /**< Mask of #cispref_item_kind_t, 0 for any. */
} cispref_filter;

/** A filter that lets everything through. */
#define CISPREF_FILTER_INIT {CISPREF_FILTER_VERSION, NULL, 0, 0, 0}

/**
 * Set @p filter to #CISPREF_FILTER_INIT, for callers that cannot expand the macro
 * (bindings). Does nothing when @p filter is NULL.
 */
CISPREF_EXPORT void cispref_filter_init(cispref_filter *filter);

/**
 * @name Walks
 * The walk contract: the callback returns 0 to go on; any other value stops the walk at
 * once, and the walk then returns #CISPREF_ESTOPPED, whatever the value was. A callback
 * that has more to say (what it found, why it stopped) keeps it in its payload. A walk
 * that visits every node returns #CISPREF_OK.
 * @{ */
/** Called for each competence; 0 goes on, any other value stops the walk. */
typedef int (*cispref_competence_cb)(const cispref_competence *competence, void *payload);
/** Called for each item; 0 goes on, any other value stops the walk. */
typedef int (*cispref_item_cb)(const cispref_item *item, void *payload);

/**
 * Call @p callback for each competence that passes @p filter (NULL: all), in document
 * order. The filter's item kinds are ignored.
 * @return #CISPREF_OK when every competence was visited, #CISPREF_ESTOPPED when the
 *         callback stopped the walk, #CISPREF_EARG for a NULL @p ref or @p callback or
 *         a filter of another version, or #CISPREF_ENOTFOUND (before any call) for a
 *         filter's domain id that names no domain.
 */
CISPREF_EXPORT int cispref_referential_foreach_competence(const cispref_referential *ref,
                                                          const cispref_filter *filter,
                                                          cispref_competence_cb callback,
                                                          void *payload);
/**
 * Call @p callback for each item that passes @p filter (NULL: all), in document order:
 * competence by competence, savoir-faire, then comportementaux, then savoirs.
 * @return as cispref_referential_foreach_competence().
 */
CISPREF_EXPORT int cispref_referential_foreach_item(const cispref_referential *ref,
                                                    const cispref_filter *filter,
                                                    cispref_item_cb callback, void *payload);
/** @} */
/** @} */

/** @name Index and concepts
 * @{ */
/** An index of a referential for concept queries and search. */
typedef struct cispref_index cispref_index;

/**
 * Build the index of @p ref.
 * @param out receives the index; release it with cispref_index_free() before freeing or
 *            editing @p ref.
 * @param ref the referential.
 * @return #CISPREF_OK, #CISPREF_EARG or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_index_new(cispref_index **out, const cispref_referential *ref);
/** Release an index. Accepts NULL. */
CISPREF_EXPORT void cispref_index_free(cispref_index *index);
/** The referential an index was built from. */
CISPREF_EXPORT const cispref_referential *cispref_index_referential(const cispref_index *index);

/** Number of items that point to @p concept. */
CISPREF_EXPORT size_t cispref_index_concept_item_count(const cispref_index *index,
                                                       const cispref_concept *concept);
/** The item at @p i of those that point to @p concept, in document order. */
CISPREF_EXPORT const cispref_item *cispref_index_concept_item(const cispref_index *index,
                                                              const cispref_concept *concept,
                                                              size_t i);
/** Number of competences with at least one item pointing to @p concept. */
CISPREF_EXPORT size_t cispref_index_concept_competence_count(const cispref_index *index,
                                                             const cispref_concept *concept);
/** The competence at @p i of those that use @p concept, in document order. */
CISPREF_EXPORT const cispref_competence *cispref_index_concept_competence(
	const cispref_index *index, const cispref_concept *concept, size_t i);

/**
 * The most shared concepts: by number of competences that use them, then by number of
 * items, then in document order.
 * @param index the index.
 * @param out receives up to @p max concepts (may be NULL when @p max is 0).
 * @param max room in @p out.
 * @return the number of concepts used by at least one item (may exceed @p max).
 */
CISPREF_EXPORT size_t cispref_index_top_concepts(const cispref_index *index,
                                                 const cispref_concept **out, size_t max);

/** A competence that shares concepts with another, and how many. */
typedef struct cispref_related {
	const cispref_competence *competence; /**< The other competence. */
	size_t shared;                        /**< Number of distinct concepts they share. */
} cispref_related;

/**
 * The competences that share at least one concept with @p competence, most shared first
 * (then in document order).
 * @param index the index.
 * @param competence the competence.
 * @param out receives up to @p max entries (may be NULL when @p max is 0).
 * @param max room in @p out.
 * @return the number of such competences (may exceed @p max).
 */
CISPREF_EXPORT size_t cispref_index_related_competences(const cispref_index *index,
                                                        const cispref_competence *competence,
                                                        cispref_related *out, size_t max);
/** @} */

/** @name Search
 * @{ */
/** Where a search hit was found. */
typedef enum cispref_hit_field_t {
	CISPREF_HIT_TITLE = 0,   /**< A competence's title. */
	CISPREF_HIT_SUMMARY = 1, /**< A summary entry's text. */
	CISPREF_HIT_ITEM = 2,    /**< An item's text. */
	CISPREF_HIT_CONCEPT = 3  /**< A shared concept's label (see cispref_hit_concept()). */
} cispref_hit_field_t;

/** The fields a search looks in when its mask is 0: titles, summary entries and items. */
#define CISPREF_SEARCH_TEXTS \
	(CISPREF_MASK(CISPREF_HIT_TITLE) | CISPREF_MASK(CISPREF_HIT_SUMMARY) | \
	 CISPREF_MASK(CISPREF_HIT_ITEM))
/** Every field, concept labels included. */
#define CISPREF_SEARCH_ALL_FIELDS (CISPREF_SEARCH_TEXTS | CISPREF_MASK(CISPREF_HIT_CONCEPT))

/** Version of #cispref_search_options this header describes. Version 1 (without
 * `fields`) is still accepted and searches #CISPREF_SEARCH_TEXTS. */
#define CISPREF_SEARCH_OPTIONS_VERSION 2

/** Options of cispref_search(); initialise with #CISPREF_SEARCH_OPTIONS_INIT or
 * cispref_search_options_init(). */
typedef struct cispref_search_options {
	unsigned int version;  /**< #CISPREF_SEARCH_OPTIONS_VERSION. */
	cispref_filter filter; /**< What to search; an item-kind mask leaves out titles and summaries. */
	size_t limit;          /**< At most this many hits (the best), 0 for all. */
	/** Where to look: a mask of #cispref_hit_field_t, 0 for #CISPREF_SEARCH_TEXTS (concept
	 *  labels only when asked for, so that a search for texts keeps its hits and ranks).
	 *  `CISPREF_MASK(CISPREF_HIT_CONCEPT)` alone finds concepts by their words. A concept
	 *  passes a filter without domain, domain kinds or plan kinds (it belongs to none),
	 *  and an item-kind mask by its kind. */
	unsigned int fields;
} cispref_search_options;

/** Default search options: search the texts, return every hit. */
#define CISPREF_SEARCH_OPTIONS_INIT {CISPREF_SEARCH_OPTIONS_VERSION, CISPREF_FILTER_INIT, 0, 0}

/**
 * Set @p options to #CISPREF_SEARCH_OPTIONS_INIT, for callers that cannot expand the
 * macro (bindings). Does nothing when @p options is NULL.
 */
CISPREF_EXPORT void cispref_search_options_init(cispref_search_options *options);

/**
 * The hits of a search. Unlike the index, a results object belongs to one thread at a
 * time: cispref_hit_path() builds each path when it is first read.
 */
typedef struct cispref_results cispref_results;
/** One hit. */
typedef struct cispref_hit cispref_hit;

/**
 * Search competence titles, summary entries and item texts (and, when @p options ask,
 * concept labels) for @p query, with the French analysis of doc/search.md.
 *
 * Case, accents, punctuation and ligatures are ignored ("ecoute" finds "écoute", "oeuvre"
 * "œuvre", "stagiaire" "la·le stagiaire" and "la-du stagiaire"); elided articles are
 * dropped ("l'écoute" looks for "écoute"); inclusive writing is read as its base form
 * ("intervenants" finds "intervenant-e-s"); hyphenated compounds match joined and split
 * ("psychosocial" finds "psycho-social"). Each word of the query matches a text word that
 * is the same word, has the same stem (Snowball's French stemmer: "évaluations" finds
 * "évaluation") or begins with it; a hit holds every word of the query but the stop words
 * ("les", "des", "de", ...), which need not match unless the query has no other word.
 * Hits come ranked: competence titles first, then summary entries, then items, then
 * concepts; within each, the higher score first (each query word found adds 3 as the
 * same word, 2 by its stem, 1 as a prefix), then more matching text words, then document
 * order. With a limit, only the best hits are ranked (the cost is linear in the hits).
 *
 * Threads and memory: any number of threads may search one index at once. A search
 * works in scratch memory that the index keeps between searches (about 5 bytes per
 * searchable text and 4 per distinct word, and 20 per hit of the largest query; the
 * first area is made and written by cispref_index_new(), with room for 65 536 hits, so
 * that the first searches of a process do not pay its page faults, the others by the
 * first search that needs them; all freed by cispref_index_free()); the index holds 8 such areas, each used by one search at a
 * time (taken and given back with an atomic flag, no lock), and a search that finds all
 * 8 busy allocates one for itself and frees it on return. Apart from that, a search
 * allocates in proportion to its query and its hits, not to the referential.
 *
 * @param out receives the results; release them with cispref_results_free().
 * @param index the index to search.
 * @param query UTF-8 words.
 * @param options NULL for the defaults.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK (possibly with no hit), #CISPREF_EARG for an empty query, a query
 *         of punctuation only, one that is not valid UTF-8 or one of more than 32
 *         different words, or for NULL arguments, options of an unknown version or a
 *         fields mask with unknown bits;
 *         #CISPREF_ENOTFOUND for a filter's domain id that names no domain (@p error
 *         says which); #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_search(cispref_results **out, const cispref_index *index,
                                  const char *query, const cispref_search_options *options,
                                  cispref_error *error);
/** Number of hits. */
CISPREF_EXPORT size_t cispref_results_count(const cispref_results *results);
/** The hit at @p index, owned by the results. */
CISPREF_EXPORT const cispref_hit *cispref_results_get(const cispref_results *results,
                                                      size_t index);
/** Release search results. Accepts NULL. */
CISPREF_EXPORT void cispref_results_free(cispref_results *results);

/** Where the hit was found; #CISPREF_HIT_TITLE for NULL. */
CISPREF_EXPORT cispref_hit_field_t cispref_hit_field(const cispref_hit *hit);
/** The text that matched. */
CISPREF_EXPORT const char *cispref_hit_text(const cispref_hit *hit);
/** The hit's node id (competence, summary entry, item or concept). */
CISPREF_EXPORT const char *cispref_hit_id(const cispref_hit *hit);
/** How many words of the text match a word of the query. */
CISPREF_EXPORT size_t cispref_hit_matched_words(const cispref_hit *hit);
/** The domain of the hit, NULL for a concept. */
CISPREF_EXPORT const cispref_domain *cispref_hit_domain(const cispref_hit *hit);
/** The concept of a concept hit (#CISPREF_HIT_CONCEPT), NULL otherwise. */
CISPREF_EXPORT const cispref_concept *cispref_hit_concept(const cispref_hit *hit);
/** The plan of the hit, or NULL for a summary entry or a concept. */
CISPREF_EXPORT const cispref_plan *cispref_hit_plan(const cispref_hit *hit);
/** The competence of the hit: the one it is in, or the one a summary entry names (or
 * NULL); NULL for a concept. */
CISPREF_EXPORT const cispref_competence *cispref_hit_competence(const cispref_hit *hit);
/** The item of an item hit, NULL otherwise. */
CISPREF_EXPORT const cispref_item *cispref_hit_item(const cispref_hit *hit);
/** The summary entry of a summary hit, NULL otherwise. */
CISPREF_EXPORT const cispref_summary_entry *cispref_hit_summary_entry(const cispref_hit *hit);
/**
 * Where the hit is, as titles joined by " › ": domain › plan › competence › item
 * (domain › summary entry for a summary hit; the label for a concept).
 */
CISPREF_EXPORT const char *cispref_hit_path(const cispref_hit *hit);
/** Name of a hit field ("title", "summary", "item", "concept"), NULL when out of range. */
CISPREF_EXPORT const char *cispref_hit_field_name(cispref_hit_field_t field);

/**
 * Write search results as a JSON array, one object per hit in rank order:
 * `{"id", "field", "text", "path", "matched_words", "domain", "plan", "competence"}`
 * (domain, plan and competence are ids or null: a concept hit has none).
 * @param out receives a NUL-terminated buffer to release with cispref_buffer_free().
 * @param size receives its length without the NUL (may be NULL).
 * @param results the results.
 * @param error filled on failure (may be NULL).
 */
CISPREF_EXPORT int cispref_results_export_json(char **out, size_t *size,
                                               const cispref_results *results,
                                               cispref_error *error);
/** @} */

#ifdef __cplusplus
}
#endif

#endif
/** @} */
