/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file load.h
 * @brief Read a referential from cispref XML.
 *
 * The reader is libxml2's SAX2 parser with the network off: a document that declares a
 * DTD is refused before its declarations are read, so no entity is ever expanded and no
 * external file is ever opened. libxml2's messages never reach stderr; they end up in
 * the caller's #cispref_error, with the line and column of the fault.
 *
 * Limits: elements nest as the format says (at most six levels, checked as they open). By
 * default an input holds at most #CISPREF_DEFAULT_MAX_INPUT_SIZE bytes and
 * #CISPREF_DEFAULT_MAX_ELEMENTS elements, a text or attribute value at most
 * #CISPREF_MAX_TEXT_LENGTH bytes, a start tag at most #CISPREF_DEFAULT_MAX_ATTRIBUTES
 * attributes, and a tag, comment or processing instruction at most
 * #CISPREF_MAX_MARKUP_LENGTH bytes; beyond them loading fails with #CISPREF_ELIMIT and
 * says which limit was reached, where. A document that ends inside markup (a tag cut in
 * its name, an unclosed comment) is refused with #CISPREF_EXML, at the markup's `<`, and
 * one that ends inside a character (a UTF-8 sequence or a UTF-16 code unit cut short)
 * with #CISPREF_EXML at its end. A #cispref_load_options gives other limits. Within the default
 * limits, the time a load takes grows linearly with the input's size.
 *
 * The size of a regular file (or of the rest of one, for a descriptor or a stream) is
 * compared with the limit before anything is read. cispref_referential_load_file() reads
 * regular files and pipes (named or not) only: it refuses directories, devices and
 * sockets, and never waits for a writer: a named pipe that no process has open for
 * writing is refused at once.
 *
 * A document in an encoding that does not write markup as ASCII, UTF-16 or UCS-4 does
 * (UTF-7, EBCDIC) is refused with #CISPREF_EXML: the attribute limit is checked on the
 * bytes, before libxml2 decodes them.
 *
 * @defgroup load Loading
 * @{
 */
#ifndef CISPREF_LOAD_H
#define CISPREF_LOAD_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <stdio.h>
#include <cispref/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Default longest text (title, item, label, note, attribute value), in bytes. */
#define CISPREF_MAX_TEXT_LENGTH (1024 * 1024)
/** Default largest input, in bytes (512 MiB). */
#define CISPREF_DEFAULT_MAX_INPUT_SIZE ((size_t)512 * 1024 * 1024)
/** Default largest number of elements in an input (20 million). */
#define CISPREF_DEFAULT_MAX_ELEMENTS ((size_t)20 * 1000 * 1000)
/**
 * Default largest number of attributes in one start tag, namespace declarations included
 * (each `=` outside a quoted value counts). The format needs five at most; libxml2 2.9
 * checks a tag's attributes for duplicates pair by pair, in time that grows with the
 * square of their number, so a tag is refused before libxml2 reads it. The error gives
 * the line and column of the tag's `<`.
 */
#define CISPREF_DEFAULT_MAX_ATTRIBUTES ((size_t)64)
/**
 * Largest start tag, end tag, comment, processing instruction or declaration, in bytes
 * from its `<` to its `>` (8 MiB), unless cispref_load_options::max_text_length is 0 or
 * over 10 000 000. libxml2 holds each piece of markup whole until its end, and refuses
 * to hold more than 10 000 000 bytes (`XML_MAX_LOOKUP_LIMIT`, counting what it parsed
 * after the markup in the same chunk) unless it is told that texts may be larger: a
 * longer one is refused with #CISPREF_ELIMIT at the line and column of its `<`. Values
 * in a start tag are bounded by this as well as by `max_text_length`. In an encoding
 * other than UTF-8 the limit is a third of this in characters (a fourth in UCS-4), as
 * libxml2 holds the markup decoded to UTF-8, where a character may take three bytes.
 */
#define CISPREF_MAX_MARKUP_LENGTH ((size_t)8 * 1024 * 1024)

/** Flags of cispref_load_options::flags, to be combined with `|`. */
typedef enum cispref_load_flags_t {
	/**
	 * Refuse a document that breaks a rule of severity error of the validator
	 * (duplicate ids, references that resolve to nothing, ...) with #CISPREF_ERULE
	 * and the first such error.
	 */
	CISPREF_LOAD_DEFAULT = 0,
	/**
	 * Keep a referential that is well-formed and structurally valid but breaks the
	 * validator's rules, so that cispref_validate() can report every finding.
	 */
	CISPREF_LOAD_LENIENT = 1 << 0
} cispref_load_flags_t;

/**
 * Version of #cispref_load_options this header describes. Version 1 had no
 * `max_attributes`; the load functions still take it, with the default attribute limit.
 */
#define CISPREF_LOAD_OPTIONS_VERSION 2

/**
 * How to load; NULL for the load functions means #CISPREF_LOAD_OPTIONS_INIT. Initialise
 * with #CISPREF_LOAD_OPTIONS_INIT or cispref_load_options_init(), then change fields. A
 * limit of 0 means "no limit".
 */
typedef struct cispref_load_options {
	unsigned int version;   /**< #CISPREF_LOAD_OPTIONS_VERSION. */
	unsigned int flags;     /**< #cispref_load_flags_t values combined with `|`; a bit
	                         *   this library does not know is refused with #CISPREF_EARG. */
	size_t max_input_size;  /**< Bytes read at most. */
	size_t max_text_length; /**< Bytes in one text or attribute value at most. */
	size_t max_elements;    /**< Elements in the document at most. */
	size_t max_attributes;  /**< Attributes in one start tag at most (since version 2). */
} cispref_load_options;

/** The default options: strict, and the default limits. */
#define CISPREF_LOAD_OPTIONS_INIT                                                     \
	{CISPREF_LOAD_OPTIONS_VERSION, CISPREF_LOAD_DEFAULT, CISPREF_DEFAULT_MAX_INPUT_SIZE, \
	 CISPREF_MAX_TEXT_LENGTH, CISPREF_DEFAULT_MAX_ELEMENTS, CISPREF_DEFAULT_MAX_ATTRIBUTES}

/**
 * Set @p options to #CISPREF_LOAD_OPTIONS_INIT, for callers that cannot expand the macro
 * (bindings). Does nothing when @p options is NULL.
 */
CISPREF_EXPORT void cispref_load_options_init(cispref_load_options *options);

/**
 * Load a referential from the file at @p path.
 * @param out receives the referential; free it with cispref_referential_free().
 *            Untouched on failure.
 * @param path the file to read.
 * @param options NULL for #CISPREF_LOAD_OPTIONS_INIT (strict, the default limits); a
 *        version other than 1 or #CISPREF_LOAD_OPTIONS_VERSION is refused with
 *        #CISPREF_EARG.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK, or #CISPREF_EIO, #CISPREF_EXML, #CISPREF_EFORMAT,
 *         #CISPREF_EVERSION, #CISPREF_ELIMIT, #CISPREF_ERULE, #CISPREF_ENOMEM,
 *         #CISPREF_EARG.
 */
CISPREF_EXPORT int cispref_referential_load_file(cispref_referential **out, const char *path,
                                                 const cispref_load_options *options,
                                                 cispref_error *error);

/**
 * Load a referential from @p size bytes at @p data.
 * @param out receives the referential; untouched on failure.
 * @param data the document.
 * @param size its length in bytes.
 * @param name how errors name this input (e.g. a file name), or NULL for "<memory>".
 * @param options NULL for #CISPREF_LOAD_OPTIONS_INIT.
 * @param error filled on failure (may be NULL).
 * @return as cispref_referential_load_file().
 */
CISPREF_EXPORT int cispref_referential_load_memory(cispref_referential **out,
                                                   const char *data, size_t size,
                                                   const char *name,
                                                   const cispref_load_options *options,
                                                   cispref_error *error);

/**
 * Load a referential from the open file descriptor @p fd, read to its end. The
 * descriptor is not closed.
 * @param out receives the referential; untouched on failure.
 * @param fd the descriptor to read.
 * @param name how errors name this input, or NULL for "<fd N>".
 * @param options NULL for #CISPREF_LOAD_OPTIONS_INIT.
 * @param error filled on failure (may be NULL).
 * @return as cispref_referential_load_file().
 */
CISPREF_EXPORT int cispref_referential_load_fd(cispref_referential **out, int fd,
                                               const char *name,
                                               const cispref_load_options *options,
                                               cispref_error *error);

/**
 * Load a referential from @p stream, read to its end. The stream is not closed.
 * @param out receives the referential; untouched on failure.
 * @param stream the stream to read.
 * @param name how errors name this input, or NULL for "<stream>".
 * @param options NULL for #CISPREF_LOAD_OPTIONS_INIT.
 * @param error filled on failure (may be NULL).
 * @return as cispref_referential_load_file().
 */
CISPREF_EXPORT int cispref_referential_load_stream(cispref_referential **out, FILE *stream,
                                                   const char *name,
                                                   const cispref_load_options *options,
                                                   cispref_error *error);

/** How errors and diagnostics name the embedded referential. */
#define CISPREF_DEFAULT_NAME "accompagnement-cisp.xml (embedded)"

/**
 * Load the referential compiled into the library: the "Référentiel de compétences de
 * l'accompagnement en CISP" (Les cahiers de l'Interfédé n°24, 2020), the same document
 * as the file `accompagnement-cisp.xml` installed in cispref's data directory.
 * @param out receives the referential; free it with cispref_referential_free().
 * @param error filled on failure (may be NULL); only #CISPREF_ENOMEM and #CISPREF_EARG
 *        can happen.
 */
CISPREF_EXPORT int cispref_referential_load_default(cispref_referential **out,
                                                    cispref_error *error);

#ifdef __cplusplus
}
#endif

#endif
/** @} */
