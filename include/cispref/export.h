/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file export.h
 * @brief Write a referential as cispref XML, as JSON, as spreadsheets (CSV, XLSX), or for
 * other software (Moodle, SKOS, ESCO).
 *
 * XML output is the canonical form of doc/format.md, written with libxml2's writer:
 * loading a canonical file and exporting it gives the same bytes. JSON output follows
 * the contract `cispref-json` version 1 (doc/format.md, "The JSON export": keys always
 * present, in a fixed order, every node object ending with its "uuid" and "uri").
 * The spreadsheet formats hold one row per item (doc/interchange.md, "Spreadsheets"):
 * they are for reading and sorting, and are not read back. The SKOS and ESCO formats
 * (doc/interchange.md, "SKOS and ESCO") name nodes by IRI: their URI when the referential
 * has a base URI, else `urn:uuid:` and their UUID. Output is deterministic.
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
	CISPREF_FORMAT_JSON = 1, /**< "json": the cispref-json contract. */
	/** "csv": one row per item, columns domain, plan, competence, kind, id, text,
	 * concept (ids; an item without a concept has an empty field); RFC 4180: UTF-8
	 * without a BOM, commas, CRLF after each record, every field quoted, texts never
	 * altered. */
	CISPREF_FORMAT_CSV = 2,
	/** "csv-excel-fr": the same rows for a French-language Excel: a UTF-8 BOM,
	 * semicolons, CRLF, French headers, and an apostrophe before any field that begins
	 * with = + - @, a tab or a carriage return, so that no cell becomes a formula. */
	CISPREF_FORMAT_CSV_EXCEL_FR = 3,
	/** "xlsx": an Office Open XML workbook (libxlsxwriter): a flat sheet of every item,
	 * then one sheet per domain, each with a frozen header row, an autofilter and
	 * wrapped texts; every cell is a string, never a formula. */
	CISPREF_FORMAT_XLSX = 4,
	/** "moodle": a Moodle competency framework CSV, default options (moodle.h). Its
	 * extension is .csv too: a file name alone picks "csv". */
	CISPREF_FORMAT_MOODLE = 5,
	/** "case": a 1EdTech CASE 1.1 package (CFPackage JSON) that validates against the
	 * official schema; read back by cispref_case_import_memory() (case.h). Its extension
	 * is .json too: a file name alone picks "json". */
	CISPREF_FORMAT_CASE = 6,
	/** "skos": a SKOS concept scheme in RDF 1.1 Turtle (.ttl, text/turtle): the
	 * referential is the skos:ConceptScheme; domains (its top concepts), plans,
	 * competences, items and shared concepts are skos:Concept, each with skos:inScheme,
	 * skos:prefLabel in the referential's language, then one more in each language it has
	 * a translation into (model.h, Translations), and skos:notation (its id); the tree is
	 * skos:broader and skos:narrower, a shared concept is skos:related to its items, a
	 * competence's notes are its skos:note (with their translations). Nodes are named by their URI (base URI and
	 * id), or `urn:uuid:` and their UUID when the referential has no base URI. The kind
	 * of each node is in the vocabulary #CISPREF_SKOS_VOCABULARY: a second class
	 * (`cispref:Domain`, `Plan`, `Competence`, `Item`, `Concept`; the scheme
	 * `cispref:Referential`) and `cispref:kind` with the model's word (`cispref:core`,
	 * `cispref:individual`, `cispref:savoir-faire-comportemental`...). */
	CISPREF_FORMAT_SKOS = 7,
	/** "esco-csv": one row per item in the columns of ESCO's skills CSV (conceptType,
	 * conceptUri, skillType, reuseLevel, preferredLabel, altLabels, hiddenLabels, status,
	 * modifiedDate, scopeNote, definition, inScheme, description); skillType
	 * "skill/competence" for savoir-faire and savoir-faire comportementaux, "knowledge"
	 * for savoirs; conceptUri the item's IRI in the "skos" export. RFC 4180: UTF-8
	 * without a BOM, commas, CRLF, every field quoted; multi-valued cells one value a
	 * line. Its extension is .csv too. */
	CISPREF_FORMAT_ESCO_CSV = 8,
	/** "po": a gettext template (.pot, text/x-gettext-translation-template) of the
	 * referential's texts, for translators: one message per node that holds a text
	 * (front matter aside), its id as msgctxt, its text as msgid, an empty msgstr, its
	 * place as an extracted comment (`#.`) and, for a referential read from a file, a
	 * reference (`#:`) to the node's line; the header says charset=UTF-8. A translated
	 * catalogue comes back with cispref_referential_merge_po() (doc/translation.md). */
	CISPREF_FORMAT_PO = 9
} cispref_format_t;

/** Number of export formats: the last value of #cispref_format_t plus one, so that it
 * grows with the enum (the library checks at compile time that its table of formats has
 * this many rows). cispref_format_count() returns it at run time. */
#define CISPREF_FORMAT_COUNT (CISPREF_FORMAT_PO + 1)

/**
 * The namespace of cispref's RDF vocabulary in the #CISPREF_FORMAT_SKOS export (Turtle
 * prefix `cispref:`): the XML format's namespace and `#`, the same for every referential.
 * Classes `Referential`, `Domain`, `Plan`, `Competence`, `Item`, `Concept`; property
 * `kind`, whose values are the kind names of model.h (cispref_domain_kind_name(),
 * cispref_plan_kind_name(), cispref_item_kind_name()) in this namespace.
 */
#define CISPREF_SKOS_VOCABULARY "urn:cispref:referential#"

/** Name of a format ("xml", "json", "csv", "csv-excel-fr", "xlsx", "moodle", "case",
 * "skos", "esco-csv", "po"), or NULL for a value out of range. */
CISPREF_EXPORT const char *cispref_format_name(cispref_format_t format);
/** Parse a format name: 0 and `*out` set, or #CISPREF_EARG. */
CISPREF_EXPORT int cispref_format_from_name(cispref_format_t *out, const char *name);

/**
 * Number of export formats. The formats are the values 0 to this count less one, in the
 * order of #cispref_format_t; front ends list them from here rather than keeping their own
 * list.
 * @return the count: #CISPREF_FORMAT_COUNT of the library that runs (a program built
 *         against an older header may see a larger count).
 */
CISPREF_EXPORT size_t cispref_format_count(void);

/**
 * The usual file name extension of an export format, with its dot.
 * @param format the format.
 * @return ".xml" (xml), ".json" (json, case), ".csv" (csv, csv-excel-fr, moodle,
 *         esco-csv), ".xlsx" (xlsx), ".ttl" (skos) or ".pot" (po: the export is a
 *         template, whose messages are untranslated) (static strings), or NULL for a
 *         value out of range.
 */
CISPREF_EXPORT const char *cispref_format_extension(cispref_format_t format);

/**
 * The media type of an export format's output.
 * @param format the format.
 * @return "application/xml", "application/json", "text/csv" (RFC 4180; the dialect
 *         is not part of the type), or
 *         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", or
 *         "text/turtle", or "text/x-gettext-translation-template" (po) (static strings),
 *         or NULL for a value out of range.
 */
CISPREF_EXPORT const char *cispref_format_media_type(cispref_format_t format);

/**
 * A short English description of an export format, for help texts.
 * @param format the format.
 * @return a static string, or NULL for a value out of range.
 */
CISPREF_EXPORT const char *cispref_format_description(cispref_format_t format);

/**
 * The export format a file name asks for, by its extension (what follows its last dot,
 * its ASCII letters compared in either case, whatever the locale: ".XML" as ".xml"):
 * ".xml", ".json" (cispref-json, the first format of that extension), ".csv" (the
 * RFC 4180 dialect, the first format of that extension), ".xlsx", ".ttl" (SKOS), ".pot"
 * or ".po" (the gettext template, which is also a catalogue whose translations are
 * empty: GNU gettext manual, "The Format of PO Files"). For every format, this gives
 * back from cispref_format_extension() the first format with the same extension.
 * @param out receives the format.
 * @param path the file name; only its extension is read.
 * @return #CISPREF_OK, or #CISPREF_EARG for another or no extension or a NULL argument.
 */
CISPREF_EXPORT int cispref_format_from_path(cispref_format_t *out, const char *path);

/**
 * Export into a new buffer.
 * @param out receives a NUL-terminated buffer to release with cispref_buffer_free().
 * @param size receives its length without the NUL (may be NULL; pass it for
 *        #CISPREF_FORMAT_XLSX, a binary ZIP package that holds NUL bytes).
 * @param ref the referential.
 * @param format the output format.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK, #CISPREF_EARG, #CISPREF_ENOMEM; for #CISPREF_FORMAT_XML,
 *         #CISPREF_ELIMIT beyond what a load with the default limits reads; for
 *         #CISPREF_FORMAT_XLSX, #CISPREF_ELIMIT for a referential beyond a worksheet's
 *         limits (more than 1,048,575 items, a text longer than 32,767 characters), or
 *         #CISPREF_EIO when the workbook cannot be written: libxlsxwriter writes only
 *         files, so the package is made in a private directory under `$TMPDIR` (else
 *         `/tmp`), read back and removed; for #CISPREF_FORMAT_SKOS,
 *         #CISPREF_EFORMAT for a referential whose language is not a well-formed BCP 47
 *         tag, which only a lenient load or an importer can give (the builder refuses
 *         such a tag, a strict load refuses it with the validator rule
 *         `language-malformed`, and cispref_validate() reports it); for
 *         #CISPREF_FORMAT_SKOS and #CISPREF_FORMAT_ESCO_CSV, #CISPREF_EFORMAT for a node
 *         without an id. The stream and path functions return the same.
 */
CISPREF_EXPORT int cispref_export_buffer(char **out, size_t *size,
                                         const cispref_referential *ref,
                                         cispref_format_t format, cispref_error *error);

/** Export to @p stream, which is flushed but not closed. */
CISPREF_EXPORT int cispref_export_stream(FILE *stream, const cispref_referential *ref,
                                         cispref_format_t format, cispref_error *error);

/**
 * Export to what @p path names. Every function that writes a file (this one,
 * cispref_render_path(), the command line's `-o`, the Python module's `save()` and
 * `render(path=...)`) writes it this way:
 * - a regular file, or a name that does not exist yet, is replaced atomically: the
 *   output goes to a temporary file in the same directory (unnamed where the file system
 *   supports O_TMPFILE, else named `.cispref-PID-XXXXXX.tmp`, whatever the length of
 *   the target's name), created with the final mode, given the old file's owner, group
 *   and access ACL, flushed to disk and renamed over the name; the directory is then
 *   flushed. A new file gets 0666 less the umask (or the directory's default ACL). An
 *   existing file keeps its mode; when its owner (group) cannot be kept, as for a caller
 *   that is not root replacing another user's file, the set-user-ID (set-group-ID) bit
 *   is dropped. Other extended attributes are not kept, and other hard links to the old
 *   file keep the old content.
 * - a symbolic link is written through: the file at the end of the chain (at most 40
 *   links) is replaced as above and the links stay; a dangling link creates the file it
 *   names. More links, or a loop, fail with "Too many levels of symbolic links".
 * - a FIFO, a character device or a terminal is written directly, as a shell redirection
 *   would (opening a FIFO waits for a reader).
 * - a directory, a block device or a socket is refused.
 *
 * On failure a replaced file is left as it was (absent, or byte-identical) and no
 * temporary file remains; a FIFO or a device may have received part of the output. A
 * save killed before it ends (SIGKILL, a power cut) can leave a named temporary file: a
 * later save into the same directory removes it once the process that made it has ended
 * and the file has not been modified for a minute. Going beyond RLIMIT_FSIZE, or writing
 * to a FIFO whose reader has left, is an error (EFBIG, EPIPE) rather than SIGXFSZ or
 * SIGPIPE: the calling thread blocks both signals while it writes and consumes those
 * its writes raise; the process's signal dispositions are not touched.
 * @return #CISPREF_OK, #CISPREF_EARG, #CISPREF_ENOMEM, or #CISPREF_EIO with an error
 *         that says what and where ("cannot write 'out.xml': it is a directory", or the
 *         step and the system's reason).
 */
CISPREF_EXPORT int cispref_export_path(const char *path, const cispref_referential *ref,
                                       cispref_format_t format, cispref_error *error);

#ifdef __cplusplus
}
#endif

#endif
/** @} */
