/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file case.h
 * @brief Read a 1EdTech CASE 1.1 package (CFPackage JSON) as a referential.
 *
 * The export is a format of export.h (#CISPREF_FORMAT_CASE). The import reads a package
 * cispref wrote back into the same model, and any other package by the depth mapping of
 * the Moodle import (doc/interchange.md, "CASE"). JSON is parsed by jansson; what the
 * import had to repair (timestamps without a time zone, numbers written as strings,
 * members CASE 1.1 does not define, a `{"CFPackage": ...}` wrapper) or drop (an item
 * without a place in the tree) is reported as a diagnostic.
 *
 * @defgroup case CASE packages
 * @{
 */
#ifndef CISPREF_CASE_H
#define CISPREF_CASE_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <stddef.h>
#include <cispref/common.h>
#include <cispref/model.h>
#include <cispref/validate.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Default largest input of an import, in bytes (64 MiB). */
#define CISPREF_CASE_DEFAULT_MAX_INPUT_SIZE ((size_t)64 * 1024 * 1024)
/** Default largest number of JSON values (objects, arrays, strings, numbers...) an import
 * parses: about 80 MB of parsed tree at most. */
#define CISPREF_CASE_DEFAULT_MAX_VALUES ((size_t)1000 * 1000)

/** Flags of cispref_case_options::flags. */
typedef enum cispref_case_flags_t {
	CISPREF_CASE_DEFAULT = 0,
	/** Read the package by the depth mapping even when cispref wrote it. */
	CISPREF_CASE_FOREIGN = 1 << 0
} cispref_case_flags_t;

/** Version of #cispref_case_options this header describes. */
#define CISPREF_CASE_OPTIONS_VERSION 1

/** How to import; NULL means #CISPREF_CASE_OPTIONS_INIT. A limit of 0 means "no limit". */
typedef struct cispref_case_options {
	unsigned int version; /**< #CISPREF_CASE_OPTIONS_VERSION. */
	unsigned int flags;   /**< #cispref_case_flags_t values combined with `|`; a bit this
	                       *   library does not know is refused with #CISPREF_EARG. */
	/**
	 * The role of each depth of a foreign package (depth 0: the items whose parent is the
	 * CFDocument), among "domain", "plan", "competence", "item", in this order, each at
	 * most once, "competence" required; deeper items are items. NULL for
	 * "domain,plan,competence,item". Borrowed for the length of the call.
	 */
	const char *depths;
	size_t max_input_size; /**< Bytes read at most. */
	size_t max_values;     /**< JSON values parsed at most. */
} cispref_case_options;

/** The default options. */
#define CISPREF_CASE_OPTIONS_INIT                                                   \
	{CISPREF_CASE_OPTIONS_VERSION, CISPREF_CASE_DEFAULT, NULL,                      \
	 CISPREF_CASE_DEFAULT_MAX_INPUT_SIZE, CISPREF_CASE_DEFAULT_MAX_VALUES}

/** Set @p options to #CISPREF_CASE_OPTIONS_INIT. Does nothing for NULL. */
CISPREF_EXPORT void cispref_case_options_init(cispref_case_options *options);

/**
 * Read a CASE package from @p size bytes at @p data.
 * @param out receives the referential; free it with cispref_referential_free().
 *            Untouched on failure.
 * @param diagnostics receives (may be NULL) what the import repaired or dropped, then the
 *            validator's findings on the result; release with cispref_diagnostics_free().
 *            Untouched on failure.
 * @param data the JSON (UTF-8, a byte order mark before it skipped).
 * @param size its length in bytes.
 * @param name how errors and diagnostics name the input, or NULL for "<memory>".
 * @param options NULL for the defaults.
 * @param error filled on failure (may be NULL); for JSON that does not parse, with
 *            jansson's line and column.
 * @return #CISPREF_OK (whatever the diagnostics say), #CISPREF_EARG (a NULL argument, a
 *         bad depth mapping), #CISPREF_ENOMEM, #CISPREF_EFORMAT (not JSON: truncated,
 *         invalid UTF-8, nested deeper than jansson reads; not a package: no CFDocument, a
 *         member of the wrong type, a text with a control character), #CISPREF_ELIMIT
 *         (a limit of @p options).
 */
CISPREF_EXPORT int cispref_case_import_memory(cispref_referential **out,
                                              cispref_diagnostics **diagnostics,
                                              const char *data, size_t size,
                                              const char *name,
                                              const cispref_case_options *options,
                                              cispref_error *error);

/**
 * Read a CASE package from the file at @p path; as cispref_case_import_memory(), and
 * #CISPREF_EIO when the file cannot be read.
 */
CISPREF_EXPORT int cispref_case_import_file(cispref_referential **out,
                                            cispref_diagnostics **diagnostics,
                                            const char *path,
                                            const cispref_case_options *options,
                                            cispref_error *error);

#ifdef __cplusplus
}
#endif

#endif
/** @} */
