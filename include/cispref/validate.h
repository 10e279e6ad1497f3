/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file validate.h
 * @brief Check a referential against the rules the schema cannot express.
 *
 * Each finding is a diagnostic with a severity, a short stable tag (see doc/format.md
 * for the list), a message, the file it came from and the line of the node, as
 * `appstreamcli validate` reports them.
 *
 * @defgroup validate Validation
 * @{
 */
#ifndef CISPREF_VALIDATE_H
#define CISPREF_VALIDATE_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <cispref/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How serious a finding is. */
typedef enum cispref_severity_t {
	CISPREF_SEVERITY_ERROR = 0,   /**< The referential is wrong ("error", letter E). */
	CISPREF_SEVERITY_WARNING = 1, /**< Probably a mistake ("warning", W). */
	CISPREF_SEVERITY_INFO = 2     /**< Worth knowing ("info", I). */
} cispref_severity_t;

/** A list of findings. */
typedef struct cispref_diagnostics cispref_diagnostics;
/** One finding. */
typedef struct cispref_diagnostic cispref_diagnostic;

/**
 * Validate @p ref.
 * @param out receives the findings, in document order (possibly none); release them with
 *            cispref_diagnostics_free().
 * @param ref the referential.
 * @return #CISPREF_OK (whatever was found), #CISPREF_EARG or #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_validate(cispref_diagnostics **out, const cispref_referential *ref);

/** Number of findings. */
CISPREF_EXPORT size_t cispref_diagnostics_count(const cispref_diagnostics *list);
/** Number of findings of @p severity. */
CISPREF_EXPORT size_t cispref_diagnostics_count_severity(const cispref_diagnostics *list,
                                                         cispref_severity_t severity);
/** The finding at @p index, owned by the list. */
CISPREF_EXPORT const cispref_diagnostic *cispref_diagnostics_get(
	const cispref_diagnostics *list, size_t index);
/** Release a list of findings. Accepts NULL. */
CISPREF_EXPORT void cispref_diagnostics_free(cispref_diagnostics *list);

/** The finding's severity; #CISPREF_SEVERITY_ERROR for NULL. */
CISPREF_EXPORT cispref_severity_t cispref_diagnostic_severity(const cispref_diagnostic *diag);
/** Its stable tag, e.g. "duplicate-id". */
CISPREF_EXPORT const char *cispref_diagnostic_tag(const cispref_diagnostic *diag);
/** A sentence about this occurrence. */
CISPREF_EXPORT const char *cispref_diagnostic_message(const cispref_diagnostic *diag);
/** The file the referential was loaded from, or NULL for one built in memory. */
CISPREF_EXPORT const char *cispref_diagnostic_file(const cispref_diagnostic *diag);
/** Line of the node in that file, 0 when unknown. */
CISPREF_EXPORT unsigned long cispref_diagnostic_line(const cispref_diagnostic *diag);
/** Column of the end of the node's start tag in that file, 0 when unknown. */
CISPREF_EXPORT unsigned long cispref_diagnostic_column(const cispref_diagnostic *diag);
/** Id of the node concerned, or NULL for the referential itself. */
CISPREF_EXPORT const char *cispref_diagnostic_node_id(const cispref_diagnostic *diag);

/** Name of a severity ("error", "warning", "info"), NULL when out of range. */
CISPREF_EXPORT const char *cispref_severity_name(cispref_severity_t severity);

/** Number of tags the validator knows. */
CISPREF_EXPORT size_t cispref_validator_tag_count(void);
/** The tag at @p index of the validator's table, NULL when out of range. */
CISPREF_EXPORT const char *cispref_validator_tag(size_t index);
/**
 * Severity and explanation of @p tag.
 * @param severity receives the tag's severity (may be NULL).
 * @param tag the tag.
 * @return a sentence explaining the rule, or NULL for an unknown tag.
 */
CISPREF_EXPORT const char *cispref_validator_tag_explain(cispref_severity_t *severity,
                                                         const char *tag);

#ifdef __cplusplus
}
#endif

#endif
/** @} */
