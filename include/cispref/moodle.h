/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file moodle.h
 * @brief Moodle competency frameworks (CSV of tool_lpimportcsv), both ways.
 *
 * Export writes the 14 columns Moodle reads by position, comma-separated, UTF-8 without
 * a BOM, one framework row then domains, plans, competences and items in document order,
 * then the shared concepts and the notes as two more branches. cispref_export_buffer()
 * with #CISPREF_FORMAT_MOODLE writes it with the default options; the functions here take
 * a scale and a taxonomy of one's own, into a buffer, a stream or a file. Import reads
 * any Moodle framework: columns by position whatever the header says, UTF-8 with or
 * without a BOM or another encoding (iconv), `,` `;` `:` or tab as delimiter, RFC 4180
 * quoting, rows in any order. Rows
 * Moodle would drop (unknown parent, cycle, duplicate or empty ID number) are reported
 * as diagnostics with their line; the result is then checked by cispref_validate(), whose
 * findings follow, with the CSV lines of the nodes. doc/interchange.md gives the mapping
 * and what a round trip loses.
 *
 * @defgroup moodle Moodle CSV
 * @{
 */
#ifndef CISPREF_MOODLE_H
#define CISPREF_MOODLE_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <stdio.h>
#include <cispref/load.h>
#include <cispref/model.h>
#include <cispref/validate.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Default scale of an export: comma-joined labels, French. */
#define CISPREF_MOODLE_DEFAULT_SCALE "Non acquis,En cours d'acquisition,Acquis"
/** Default taxonomy of an export: one term per depth (domain, plan, competence, item). */
#define CISPREF_MOODLE_DEFAULT_TAXONOMY "domain,practice,competency,skill"
/** Default mapping of a framework's depths onto the model, from depth 0. */
#define CISPREF_MOODLE_DEFAULT_DEPTHS "domain,plan,competence,item"
/** Default largest number of rows an import reads. */
#define CISPREF_MOODLE_DEFAULT_MAX_ROWS ((size_t)100 * 1000)
/** Default largest input of an import, in bytes (64 MiB). */
#define CISPREF_MOODLE_DEFAULT_MAX_INPUT_SIZE ((size_t)64 * 1024 * 1024)

/** Flags of cispref_moodle_options::flags. */
typedef enum cispref_moodle_flags_t {
	CISPREF_MOODLE_DEFAULT = 0,
	/**
	 * Import: read the file as a foreign framework (depth mapping) even when its ID
	 * numbers follow cispref's convention.
	 */
	CISPREF_MOODLE_FOREIGN = 1 << 0
} cispref_moodle_flags_t;

/** Version of #cispref_moodle_options this header describes. */
#define CISPREF_MOODLE_OPTIONS_VERSION 1

/**
 * How to export or import; NULL means #CISPREF_MOODLE_OPTIONS_INIT. Strings are borrowed
 * for the length of the call. A limit of 0 means "no limit".
 */
typedef struct cispref_moodle_options {
	unsigned int version;  /**< #CISPREF_MOODLE_OPTIONS_VERSION. */
	unsigned int flags;    /**< #cispref_moodle_flags_t values combined with `|`; a bit
	                        *   this library does not know is refused with #CISPREF_EARG. */
	/** Export: the scale's labels, comma-joined; NULL for #CISPREF_MOODLE_DEFAULT_SCALE. */
	const char *scale;
	/** Export: 1-based position of the scale's default value (0: the first). */
	size_t scale_default;
	/** Export: 1-based position of the first proficient value (0: the last). */
	size_t scale_proficient;
	/** Export: taxonomy terms, comma-joined; NULL for #CISPREF_MOODLE_DEFAULT_TAXONOMY. */
	const char *taxonomy;
	/** Import: the input's encoding, as iconv names it; NULL for UTF-8. A name iconv
	 *  does not know, or an empty or blank one (which glibc's iconv would take for the
	 *  locale's encoding), is refused with #CISPREF_EARG. */
	const char *encoding;
	/** Import: the delimiter (`,` `;` `:` or tab), 0 to detect it from the header. */
	char delimiter;
	/**
	 * Import: the role of each depth of a foreign framework, from depth 0, among
	 * "domain", "plan", "competence", "item", in this order, each at most once,
	 * "competence" required; deeper rows are items. NULL for
	 * #CISPREF_MOODLE_DEFAULT_DEPTHS. A role left out is made up (one plan per domain,
	 * one domain for the framework).
	 */
	const char *depths;
	size_t max_input_size;  /**< Import: bytes read at most. */
	size_t max_rows;        /**< Import: rows read at most. */
	size_t max_cell_length; /**< Import: bytes in one cell at most. */
} cispref_moodle_options;

/** The default options. */
#define CISPREF_MOODLE_OPTIONS_INIT                                                     \
	{CISPREF_MOODLE_OPTIONS_VERSION, CISPREF_MOODLE_DEFAULT, NULL, 0, 0, NULL, NULL, 0, \
	 NULL, CISPREF_MOODLE_DEFAULT_MAX_INPUT_SIZE, CISPREF_MOODLE_DEFAULT_MAX_ROWS,     \
	 CISPREF_MAX_TEXT_LENGTH}

/** Set @p options to #CISPREF_MOODLE_OPTIONS_INIT. Does nothing for NULL. */
CISPREF_EXPORT void cispref_moodle_options_init(cispref_moodle_options *options);

/**
 * Write @p ref as a Moodle competency framework CSV.
 * @param out receives a NUL-terminated buffer to release with cispref_buffer_free().
 * @param size receives its length without the NUL (may be NULL).
 * @param ref the referential.
 * @param options NULL for the defaults.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK, #CISPREF_EARG (a NULL argument, a scale or taxonomy Moodle would
 *         refuse, a scale with one label twice), #CISPREF_ELIMIT (an ID number longer than Moodle's 100 characters),
 *         #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_moodle_export_buffer(char **out, size_t *size,
                                                const cispref_referential *ref,
                                                const cispref_moodle_options *options,
                                                cispref_error *error);

/**
 * Write @p ref as a Moodle competency framework CSV to @p stream, which is flushed but
 * not closed; as cispref_moodle_export_buffer(), and #CISPREF_EIO when the stream
 * cannot be written.
 */
CISPREF_EXPORT int cispref_moodle_export_stream(FILE *stream, const cispref_referential *ref,
                                                const cispref_moodle_options *options,
                                                cispref_error *error);

/**
 * Write @p ref as a Moodle competency framework CSV to what @p path names, the way
 * cispref_export_path() writes (a file is replaced atomically; on failure it is left as
 * it was); as cispref_moodle_export_buffer(), and #CISPREF_EARG for a NULL or empty
 * path, #CISPREF_EIO when the file cannot be written.
 */
CISPREF_EXPORT int cispref_moodle_export_path(const char *path, const cispref_referential *ref,
                                              const cispref_moodle_options *options,
                                              cispref_error *error);

/**
 * Read a Moodle competency framework from @p size bytes at @p data.
 * @param out receives the referential; free it with cispref_referential_free().
 *            Untouched on failure.
 * @param diagnostics receives (may be NULL) what the import repaired or dropped, then
 *            the validator's findings on the result, each with its CSV line; release
 *            with cispref_diagnostics_free(). Untouched on failure.
 * @param data the CSV.
 * @param size its length in bytes.
 * @param name how errors and diagnostics name the input, or NULL for "<memory>".
 * @param options NULL for the defaults.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK (whatever the diagnostics say), #CISPREF_EARG, #CISPREF_ENOMEM,
 *         #CISPREF_EFORMAT (not a framework: no framework row, fewer than 14 columns, a
 *         row of another width, an unclosed quote, invalid text in the encoding),
 *         #CISPREF_ELIMIT (a limit of @p options).
 */
CISPREF_EXPORT int cispref_moodle_import_memory(cispref_referential **out,
                                                cispref_diagnostics **diagnostics,
                                                const char *data, size_t size,
                                                const char *name,
                                                const cispref_moodle_options *options,
                                                cispref_error *error);

/**
 * Read a Moodle competency framework from the file at @p path; as
 * cispref_moodle_import_memory(), and #CISPREF_EIO when the file cannot be read.
 */
CISPREF_EXPORT int cispref_moodle_import_file(cispref_referential **out,
                                              cispref_diagnostics **diagnostics,
                                              const char *path,
                                              const cispref_moodle_options *options,
                                              cispref_error *error);

#ifdef __cplusplus
}
#endif

#endif
/** @} */
