/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file common.h
 * @brief Export macro, status codes and the error record shared by every module.
 *
 * Threads: on a referential that nobody edits, any number of threads may at once call
 * the read accessors and lookups, cispref_referential_equal(), cispref_validate(), the
 * exporters, the renderers and cispref_index_new(); on an index, cispref_search() and the
 * concept queries. Loads are independent of one another. Search results, diagnostics,
 * buffers and error records belong to one thread at a time. Editing a referential needs
 * exclusive access, with no index of it in existence.
 *
 * @defgroup common Common definitions
 * @{
 */
#ifndef CISPREF_COMMON_H
#define CISPREF_COMMON_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Marks a declaration as part of the exported API. */
#if defined(CISPREF_STATIC)
#define CISPREF_EXPORT
#elif defined(__GNUC__) && __GNUC__ >= 4
#define CISPREF_EXPORT __attribute__((visibility("default")))
#else
#define CISPREF_EXPORT
#endif

/**
 * Status codes. Every function that can fail returns #CISPREF_OK (0) or one of
 * these negative values.
 */
typedef enum cispref_status_t {
	CISPREF_OK = 0,              /**< Success. */
	CISPREF_EARG = -1,           /**< A NULL or out-of-range argument ("bad-argument"). */
	CISPREF_ENOMEM = -2,         /**< Out of memory. */
	CISPREF_EIO = -3,            /**< A file could not be opened, read or written. */
	CISPREF_EXML = -4,           /**< The input is not well-formed XML. */
	CISPREF_EFORMAT = -5,        /**< Well-formed XML that is not a cispref document. */
	CISPREF_EVERSION = -6,       /**< A cispref document of an unsupported format version. */
	CISPREF_ELIMIT = -7,         /**< The input exceeds a size or depth limit. */
	/** The referential breaks a rule of the validator ("rule-violation"). */
	CISPREF_ERULE = -8,
	CISPREF_EEXISTS = -9,        /**< The id is already used in this referential. */
	CISPREF_ENOTFOUND = -10,     /**< No such node. */
	/**
	 * A callback stopped the walk ("stopped"): it returned non-zero. What it wanted to
	 * say, it keeps in its payload.
	 */
	CISPREF_ESTOPPED = -11
} cispref_status_t;

/** Size of cispref_error::text. */
#define CISPREF_ERROR_TEXT_LENGTH 512
/** Size of cispref_error::source. */
#define CISPREF_ERROR_SOURCE_LENGTH 512

/**
 * What went wrong, and where. Functions taking a `cispref_error *` fill it when they fail
 * (and leave it untouched when they succeed); the pointer may be NULL when the caller does
 * not want the details. It needs no freeing.
 */
typedef struct cispref_error {
	int code;                                  /**< A #cispref_status_t value. */
	unsigned long line;                        /**< 1-based line in the input, 0 if none. */
	unsigned long column;                      /**< 1-based column in the input, 0 if none. */
	char source[CISPREF_ERROR_SOURCE_LENGTH];  /**< File name or input name, "" if none. */
	char text[CISPREF_ERROR_TEXT_LENGTH];      /**< A sentence saying what is wrong. */
	/**
	 * For #CISPREF_EIO, the `errno` value of the system call that failed (ENOENT,
	 * EACCES, ...), or EISDIR when a directory is refused; 0 when no system call failed
	 * (a file that changed while it was opened, a refused device), and for other codes.
	 * Bindings map it onto their own error types (Python's OSError).
	 */
	int errnum;
	/**
	 * For #CISPREF_ERULE, the stable tag of the validator rule that the document breaks
	 * ("duplicate-id", one of cispref_validator_tag()): a static string, valid for the
	 * life of the program. NULL for other codes.
	 */
	const char *rule;
} cispref_error;

/**
 * A short, stable name for a status code ("ok", "bad-argument", "xml-error", ...),
 * usable as a tag in messages and by bindings. Never NULL.
 */
CISPREF_EXPORT const char *cispref_status_tag(int code);

/**
 * Release a buffer that the library allocated for the caller (for example by
 * cispref_export_buffer()). Accepts NULL.
 */
CISPREF_EXPORT void cispref_buffer_free(char *buffer);

#ifdef __cplusplus
}
#endif

#endif
/** @} */
