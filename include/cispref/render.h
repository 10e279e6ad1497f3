/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/**
 * @file render.h
 * @brief Render a referential as a printed cahier: HTML, OpenDocument (ODT, FODT) or
 * Markdown.
 *
 * Every format holds the same document, in this order:
 * - a title page with the source metadata (series and number, title, publisher, date,
 *   approval);
 * - a table of contents (in Markdown a nested list of the same entries, without links
 *   or page numbers);
 * - the summary overview: the schema of the mission's contours (3.1.1 of the cahier) drawn
 *   from the model (one column per rendered core domain, its title on top and one cell
 *   per plan, crossed by one band per rendered transversal axis with the titles of its
 *   plans; none when no core domain is rendered), then for each domain its summary list
 *   as printed (3.1.2/3.1.3) as a table with the columns Plan | Compétence (in Markdown,
 *   a list of plans with their entries; the schema is drawn in HTML and ODT only);
 * - for each domain a chapter (starting on a new page), for each plan a section, and for
 *   each competence a table titled by the competence with the three columns
 *   Savoir-faire | Savoir-faire comportementaux | Savoirs, the items as lists in the
 *   cells, in source order;
 * - with a front matter (front_matter.h), its sections in order, the summaries and
 *   chapters at the place of its overview and details blocks: in the outline (headings,
 *   the contents, a PDF's bookmarks) a domain stands one level below the section that
 *   places it (the cahier's core domains under 3.2, its transversal axes under 3.2.1),
 *   its plans and competences below it, while it keeps the look of a chapter;
 * - the notes of the source as footnotes that the competences refer to;
 * - the index of shared concepts: each concept that a rendered item points to, sorted by
 *   label (case and accents ignored), with the competences that use it.
 *
 * In the formats laid out in lines (HTML, ODT, FODT) no line break falls inside an
 * inclusive article pair (as defined with #CISPREF_INCLUSIVE_NORMALIZED): U+2060 WORD
 * JOINER follows its hyphen ("la-le" is written "la-", U+2060, "le") and its spaces are
 * U+00A0 NO-BREAK SPACE ("de la du" is written "de la", U+00A0, "du"),
 * so that "la-" never ends a line above "le stagiaire". Both are invisible; the model's
 * texts and the Markdown are unchanged.
 *
 * Labels of the document (headings, column titles) are French, like the referentials this
 * library holds. Texts are escaped by libxml2's writer (HTML, ODT, FODT) or by the
 * Markdown escaper; nothing of the model is ever written as markup. Output is
 * deterministic: the same referential and options give the same bytes.
 *
 * Formats:
 * - #CISPREF_RENDER_HTML: one self-contained HTML5 file (CSS inline, no script, no external
 *   resource) with a print stylesheet: A4 pages with numbers, each chapter on a new page,
 *   table headers repeated, rows kept whole, a small table (12 rows at most: summary
 *   entries, or items in a competence's longest column) kept whole on one page, French
 *   hyphenation in the body (`hyphens: auto` with the document's `lang`), the index's
 *   kind labels never broken, the links from the notes back to the competences ("↑")
 *   on screen only, and the page numbers of the contents and the index (CSS Paged Media
 *   `target-counter()`, which WeasyPrint lays out); the schema is inline SVG. It parses without
 *   error in libxml2's HTML parser, but for the SVG elements, which that HTML 4 parser
 *   reports as unknown tags.
 * - #CISPREF_RENDER_ODT: an OpenDocument text package (a ZIP file: `mimetype` first and
 *   uncompressed, META-INF/manifest.xml, content.xml, styles.xml, meta.xml) with named
 *   styles (Title, Heading 1 to 3, table and list styles; a domain, plan or competence
 *   keeps the look of Heading 1, 2, 3 at the outline level of its place), a table of
 *   contents whose page numbers are reference fields, footnotes (text:note) labelled with
 *   the source's note numbers, hyphenation on in the document's language (headings
 *   excepted), small tables (12 rows at most) that do not break between rows; the schema is an SVG image (the part
 *   `Pictures/contours.svg`, inline as base64 in the flat file).
 * - #CISPREF_RENDER_FODT: the same document as one flat OpenDocument XML file.
 * - #CISPREF_RENDER_MARKDOWN: plain CommonMark, which every CommonMark renderer reads the
 *   same way (no table, no raw HTML): headings `#` (title), `##` (chapters and domains),
 *   `###` (plans, and the domains of the overview), `####` (competences), `#####` (the
 *   columns Savoir-faire, Savoir-faire comportementaux, Savoirs), each followed by its
 *   items as a bullet list `- item` (neither heading nor list when the source's cell is
 *   empty, as the HTML and ODT tables show an empty cell); with a
 *   front matter, a domain one level below the section that places it and the rest
 *   below it, a heading deeper than Markdown's six levels a paragraph of its own, in bold
 *   (`**...**`) at the seventh level and in italics (`*...*`) deeper; the
 *   overview lists each plan as an item and its summary entries as a list under it.
 *   Note references use the common footnote syntax `[^21]` after the competence's title,
 *   where the source puts its marker (renderers without footnotes show them as text),
 *   and every note referred to is a definition `[^21]: text` (a paragraph without
 *   footnotes); one that plain CommonMark could read as a link reference definition
 *   ("Ibid.", a bare URL) ends with a space and U+2060 WORD JOINER, which makes it none
 *   and which no reader shows. A note nobody refers to is a paragraph, its number in bold.
 *   Markdown metacharacters of texts are escaped with backslashes (`\`, `` ` ``, `*`,
 *   `_`, `[`, `]`, `<`, `>`, `|`, `&`, `~`, `#`, and a `+`, `-`, `=` or ordered-list
 *   marker that would start a line); white space at either end of a text is written as
 *   numeric character references (`&#32;`), since it would otherwise indent a line into
 *   a code block or keep emphasis from closing; line breaks and tabs in a text become
 *   spaces. The option #cispref_render_options::gfm_tables writes the overview and each
 *   competence as pipe tables instead.
 *
 * @defgroup render Rendering
 * @{
 */
#ifndef CISPREF_RENDER_H
#define CISPREF_RENDER_H

#if !defined(CISPREF_H_INSIDE) && !defined(CISPREF_COMPILATION)
#error "Only <cispref/cispref.h> can be included directly."
#endif

#include <stdbool.h>
#include <stdio.h>
#include <cispref/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Formats of the printed cahier. */
typedef enum cispref_render_format_t {
	CISPREF_RENDER_HTML = 0,    /**< "html": one self-contained HTML5 file. */
	CISPREF_RENDER_ODT = 1,     /**< "odt": an OpenDocument text package (binary, ZIP). */
	CISPREF_RENDER_FODT = 2,    /**< "fodt": a flat OpenDocument text file (XML). */
	CISPREF_RENDER_MARKDOWN = 3 /**< "md": CommonMark, headings and bullet lists. */
} cispref_render_format_t;

/** How inclusive-writing forms of the texts are written. */
typedef enum cispref_inclusive_style_t {
	/** As printed in the source, whatever the punctuation ("la-le", "la.le", "la·le"). */
	CISPREF_INCLUSIVE_SOURCE = 0,
	/**
	 * One form for the article pairs, which every part of the library recognises the
	 * same way (this normaliser, the validator's `inclusive-writing-mixed`, search).
	 *
	 * An article pair is the word "la" (or "La"), then a separator, then "le", "du" or
	 * "au". The separator is either one mark among "-" (U+002D), "‐" (U+2010),
	 * "‑" (U+2011), "." , ":" and "·" (U+00B7) followed by optional spaces, or spaces
	 * alone; the spaces are U+0020 and U+00A0. Both words must stand alone: no letter,
	 * digit or combining mark may touch "la" before or the second word after, so
	 * "gala-le" or "la-lecture" are not pairs, and a hyphen just before "la" makes it a
	 * pronoun ("présente-la au groupe"), not an article. Why spaces alone: the cahier
	 * writes "de la du stagiaire" (3.2, Communication interne) and "à la au stagiaire"
	 * beside "la-le", "la·du" or "la. du"; the words "la le", "la du" and "la au" do not
	 * otherwise follow each other in French. Spaces before a mark ("la - le") are not a
	 * separator, nor is "de" a second word (the cahier never writes either).
	 *
	 * This style writes each pair "la·le", "la·du", "la·au": the separator becomes
	 * U+00B7 MIDDLE DOT and the spaces go. Examples: "la-le" → "la·le",
	 * "la. du" → "la·du", "la- au" → "la·au", "La:le" → "La·le", "de la du" →
	 * "de la·du". Nothing else changes: words are never reordered, and other inclusive
	 * forms ("intervenant-e-s", "intervenant·e·s", "tou.te.s", "acteur. actrice",
	 * "elle-lui") stay as printed. The title given in #cispref_render_options::title is
	 * never changed.
	 */
	CISPREF_INCLUSIVE_NORMALIZED = 1
} cispref_inclusive_style_t;

/**
 * Version of #cispref_render_options this header describes. Version 1 had no
 * `title_page`, `contents` and `gfm_tables`; the render functions still take it, with
 * their defaults.
 */
#define CISPREF_RENDER_OPTIONS_VERSION 2

/**
 * What to render; initialise with #CISPREF_RENDER_OPTIONS_INIT or
 * cispref_render_options_init(), then change fields.
 */
typedef struct cispref_render_options {
	unsigned int version;  /**< #CISPREF_RENDER_OPTIONS_VERSION. */
	/**
	 * The domains to render, by id, as a NULL-terminated array, rendered in the
	 * referential's order whatever the order here; NULL for all. The summary overview, the
	 * notes and the concept index then cover only these domains, and the front matter
	 * (front_matter.h), which presents the whole referential (its schema and overview
	 * tables name every domain), is left out: the document is laid out as for a
	 * referential without one. An id that names no domain makes rendering fail with
	 * #CISPREF_ENOTFOUND.
	 */
	const char *const *domains;
	bool summary;  /**< Include the summary overview (default true). */
	bool notes;    /**< Include the notes and the references to them (default true). */
	bool index;    /**< Include the index of shared concepts (default true). */
	/** The document's title; NULL for the referential's title. Written verbatim. */
	const char *title;
	cispref_inclusive_style_t inclusive; /**< Default #CISPREF_INCLUSIVE_SOURCE. */
	/**
	 * Include the title page (default true; since version 2). Without it the document
	 * starts with the table of contents, or the first chapter: for a cahier whose cover
	 * is printed apart. In Markdown the title page is the level-1 heading and the
	 * paragraphs of the source metadata.
	 */
	bool title_page;
	/** Include the table of contents (default true; since version 2). */
	bool contents;
	/**
	 * Markdown only: lay the overview and each competence out as pipe tables, the GitHub
	 * Flavored Markdown extension, rather than as headings and bullet lists (default
	 * false; since version 2). Plain CommonMark renderers show pipe tables as paragraphs.
	 * In a cell each item is written "• item", with " <br>" before the next: a line
	 * break where raw HTML is shown, and the items still apart, each after its bullet,
	 * where it is dropped (cmark-gfm's safe mode).
	 */
	bool gfm_tables;
} cispref_render_options;

/**
 * Default options: every domain, title page, contents, summary, notes and index, the
 * texts as printed.
 */
#define CISPREF_RENDER_OPTIONS_INIT                                                         \
	{CISPREF_RENDER_OPTIONS_VERSION, NULL, true, true, true, NULL, CISPREF_INCLUSIVE_SOURCE, \
	 true, true, false}

/**
 * Set @p options to #CISPREF_RENDER_OPTIONS_INIT, for callers that cannot expand the
 * macro (bindings). Does nothing when @p options is NULL.
 */
CISPREF_EXPORT void cispref_render_options_init(cispref_render_options *options);

/**
 * Name of a render format.
 * @param format the format.
 * @return "html", "odt", "fodt" or "md", or NULL for a value out of range.
 */
CISPREF_EXPORT const char *cispref_render_format_name(cispref_render_format_t format);

/**
 * Number of render formats. The formats are the values 0 to this count less one, in the
 * order of #cispref_render_format_t; front ends list them from here rather than keeping
 * their own list.
 * @return the count (4 in this version).
 */
CISPREF_EXPORT size_t cispref_render_format_count(void);

/**
 * The usual file name extension of a render format, with its dot.
 * @param format the format.
 * @return ".html", ".odt", ".fodt" or ".md" (static strings), or NULL for a value out of
 *         range.
 */
CISPREF_EXPORT const char *cispref_render_format_extension(cispref_render_format_t format);

/**
 * The media type of a render format's output.
 * @param format the format.
 * @return "text/html", "application/vnd.oasis.opendocument.text",
 *         "application/vnd.oasis.opendocument.text-flat-xml" or "text/markdown" (static
 *         strings), or NULL for a value out of range.
 */
CISPREF_EXPORT const char *cispref_render_format_media_type(cispref_render_format_t format);

/**
 * A short English description of a render format, for help texts ("CommonMark: headings
 * and bullet lists").
 * @param format the format.
 * @return a static string, or NULL for a value out of range.
 */
CISPREF_EXPORT const char *cispref_render_format_description(cispref_render_format_t format);

/**
 * The render format a file name asks for, by its extension (what follows its last dot,
 * its ASCII letters compared in either case, whatever the locale: ".HTML" as ".html"):
 * ".html" or ".htm", ".odt", ".fodt", ".md".
 * @param out receives the format.
 * @param path the file name; only its extension is read.
 * @return #CISPREF_OK, or #CISPREF_EARG for another or no extension or a NULL argument.
 */
CISPREF_EXPORT int cispref_render_format_from_path(cispref_render_format_t *out,
                                                   const char *path);

/**
 * Parse a render format name ("html", "odt", "fodt", "md").
 * @param out receives the format.
 * @param name the name.
 * @return #CISPREF_OK, or #CISPREF_EARG for an unknown name or a NULL argument.
 */
CISPREF_EXPORT int cispref_render_format_from_name(cispref_render_format_t *out,
                                                   const char *name);

/**
 * Name of an inclusive-writing style.
 * @param style the style.
 * @return "source" or "normalized", or NULL for a value out of range.
 */
CISPREF_EXPORT const char *cispref_inclusive_style_name(cispref_inclusive_style_t style);

/**
 * Parse an inclusive-writing style name ("source", "normalized").
 * @param out receives the style.
 * @param name the name.
 * @return #CISPREF_OK, or #CISPREF_EARG for an unknown name or a NULL argument.
 */
CISPREF_EXPORT int cispref_inclusive_style_from_name(cispref_inclusive_style_t *out,
                                                     const char *name);

/**
 * Render into a new buffer.
 * @param out receives the output, followed by a NUL that @p size does not count; release it
 *            with cispref_buffer_free(). An ODT package is binary and holds NUL bytes:
 *            use @p size.
 * @param size receives the length of the output (may be NULL).
 * @param ref the referential.
 * @param format the format.
 * @param options NULL for #CISPREF_RENDER_OPTIONS_INIT.
 * @param error filled on failure (may be NULL).
 * @return #CISPREF_OK; #CISPREF_EARG for a NULL argument, a format or inclusive style out
 *         of range, options of another version or a title that is not valid UTF-8 text;
 *         #CISPREF_ENOTFOUND for a domain id that names no domain; #CISPREF_ENOMEM.
 */
CISPREF_EXPORT int cispref_render_buffer(char **out, size_t *size,
                                         const cispref_referential *ref,
                                         cispref_render_format_t format,
                                         const cispref_render_options *options,
                                         cispref_error *error);

/**
 * Render to @p stream, which is flushed but not closed.
 * @param stream where to write.
 * @param ref the referential.
 * @param format the format.
 * @param options NULL for #CISPREF_RENDER_OPTIONS_INIT.
 * @param error filled on failure (may be NULL).
 * @return as cispref_render_buffer(), or #CISPREF_EIO when the stream cannot be written.
 */
CISPREF_EXPORT int cispref_render_stream(FILE *stream, const cispref_referential *ref,
                                         cispref_render_format_t format,
                                         const cispref_render_options *options,
                                         cispref_error *error);

/**
 * Render to what @p path names, as cispref_export_path() writes: a regular (or new) file
 * replaced atomically, a symbolic link written through, a FIFO or character device
 * written directly, a directory refused. On failure a replaced file is left as it was
 * (absent, or byte-identical) and no temporary file remains.
 * @param path the file to write.
 * @param ref the referential.
 * @param format the format.
 * @param options NULL for #CISPREF_RENDER_OPTIONS_INIT.
 * @param error filled on failure (may be NULL).
 * @return as cispref_render_buffer(), or #CISPREF_EIO when the file cannot be written
 *         (@p path is a directory, its directory does not exist, ...).
 */
CISPREF_EXPORT int cispref_render_path(const char *path, const cispref_referential *ref,
                                       cispref_render_format_t format,
                                       const cispref_render_options *options,
                                       cispref_error *error);

#ifdef __cplusplus
}
#endif

#endif
/** @} */
