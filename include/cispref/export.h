/**
 * @file export.h
 * @brief Write a referential as cispref XML or as JSON.
 *
 * XML output is the canonical form of doc/format.md, written with libxml2's writer:
 * loading a canonical file and exporting it gives the same bytes. JSON output follows
 * the contract `cispref-json` version 1 (keys always present, in a fixed order).
 * Output is deterministic.
 *
 * @defgroup export Export
 * @{
 */
#ifndef CISPREF_EXPORT_H
#define CISPREF_EXPORT_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <stdio.h>
#include <cispref/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats. */
typedef enum cispref_format_t {
	CISPREF_FORMAT_XML = 0,  /**< "xml": the cispref XML format. */
	CISPREF_FORMAT_JSON = 1  /**< "json": the cispref-json contract. */
} cispref_format_t;

/** Name of a format ("xml", "json"), or NULL for a value out of range. */
CISPREF_EXPORT const char *cispref_format_name(cispref_format_t format);
/** Parse a format name: 0 and `*out` set, or #CISPREF_EARG. */
CISPREF_EXPORT int cispref_format_from_name(cispref_format_t *out, const char *name);

/**
 * Export into a new buffer.
 * @param out receives a NUL-terminated buffer to release with cispref_buffer_free().
 * @param size receives its length without the NUL (may be NULL).
 * @param ref the referential.
 * @param format the output format.
 * @param error filled on failure (may be NULL).
 */
CISPREF_EXPORT int cispref_export_buffer(char **out, size_t *size,
                                         const cispref_referential *ref,
                                         cispref_format_t format, cispref_error *error);

/** Export to @p stream, which is flushed but not closed. */
CISPREF_EXPORT int cispref_export_stream(FILE *stream, const cispref_referential *ref,
                                         cispref_format_t format, cispref_error *error);

/**
 * Export to the file at @p path, atomically: the output goes to a temporary file in the
 * same directory, which is flushed to disk and then renamed over @p path. On failure
 * @p path is left as it was (absent, or byte-identical) and no temporary file remains.
 * An existing file keeps its permissions; a new one gets 0666 less the umask.
 */
CISPREF_EXPORT int cispref_export_path(const char *path, const cispref_referential *ref,
                                       cispref_format_t format, cispref_error *error);

#ifdef __cplusplus
}
#endif

#endif
/** @} */
