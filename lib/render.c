/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The public entry of rendering, and the one table of render formats: each row names a
 * format and the renderer (one file each) that writes it. Adding a format is one renderer
 * file and one row here; nothing else in the library knows the list. The options are
 * resolved into a render context (render_context.c), the renderer fills a libxml2 buffer,
 * and the buffer goes to the caller's buffer, stream or file (output.c). */
#include <stdio.h>
#include <string.h>

#include "render_private.h"

enum { MAX_EXTENSIONS = 3 };

typedef int (*render_writer)(xmlBufferPtr out, render_ctx *ctx, cispref_error *error);

typedef struct render_format_row {
	const char *name;
	const char *extensions[MAX_EXTENSIONS]; /* the usual one first; up to a NULL */
	const char *media_type;
	const char *description;
	render_writer write;
	int typeset; /* laid out in lines by the reader's engine: no break inside a pair */
} render_format_row;

/* Indexed by cispref_render_format_t. Media types: text/html (RFC 2854), the ODF types of
 * OpenDocument 1.3 part 1 annex C (the flat file's is the one LibreOffice registers),
 * text/markdown (RFC 7763). */
static const render_format_row formats[] = {
	[CISPREF_RENDER_HTML] = {"html", {".html", ".htm"}, "text/html",
	                         "one self-contained HTML5 file, ready to print",
	                         cispref__render_html, 1},
	[CISPREF_RENDER_ODT] = {"odt", {".odt"}, "application/vnd.oasis.opendocument.text",
	                        "OpenDocument text package", cispref__render_odt, 1},
	[CISPREF_RENDER_FODT] = {"fodt", {".fodt"},
	                         "application/vnd.oasis.opendocument.text-flat-xml",
	                         "flat OpenDocument text (one XML file)", cispref__render_fodt, 1},
	[CISPREF_RENDER_MARKDOWN] = {"md", {".md"}, "text/markdown",
	                             "CommonMark: headings and bullet lists", cispref__render_md, 0},
};
#define FORMAT_COUNT (sizeof formats / sizeof formats[0])

static const render_format_row *row(cispref_render_format_t format)
{
	return (unsigned)format < FORMAT_COUNT ? &formats[format] : NULL;
}

size_t cispref_render_format_count(void)
{
	return FORMAT_COUNT;
}

const char *cispref_render_format_name(cispref_render_format_t format)
{
	return row(format) ? row(format)->name : NULL;
}

const char *cispref_render_format_extension(cispref_render_format_t format)
{
	return row(format) ? row(format)->extensions[0] : NULL;
}

const char *cispref_render_format_media_type(cispref_render_format_t format)
{
	return row(format) ? row(format)->media_type : NULL;
}

const char *cispref_render_format_description(cispref_render_format_t format)
{
	return row(format) ? row(format)->description : NULL;
}

int cispref_render_format_from_name(cispref_render_format_t *out, const char *name)
{
	for (size_t f = 0; name && out && f < FORMAT_COUNT; f++)
		if (strcmp(formats[f].name, name) == 0) {
			*out = (cispref_render_format_t)f;
			return CISPREF_OK;
		}
	return CISPREF_EARG;
}

int cispref_render_format_from_path(cispref_render_format_t *out, const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	for (size_t f = 0; dot && out && f < FORMAT_COUNT; f++)
		for (size_t e = 0; e < MAX_EXTENSIONS && formats[f].extensions[e]; e++)
			if (cispref__extension_equal(formats[f].extensions[e], dot)) {
				*out = (cispref_render_format_t)f;
				return CISPREF_OK;
			}
	return CISPREF_EARG;
}

static int check_arguments(const cispref_referential *ref, cispref_render_format_t format,
                           const cispref_render_options *options, cispref_error *error)
{
	const char *problem = NULL;
	if (!ref)
		problem = "no referential";
	else if (!row(format))
		problem = "unknown render format";
	if (!problem)
		return cispref__render_check_options(options, error);
	cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument: %s", problem);
	return CISPREF_EARG;
}

/* ---- Entry points ---- */

/* Render into a new libxml2 buffer, or return NULL with @error filled and *rc set. */
static xmlBufferPtr render(const cispref_referential *ref, cispref_render_format_t format,
                          const cispref_render_options *options, cispref_error *error,
                          int *rc)
{
	*rc = check_arguments(ref, format, options, error);
	if (*rc)
		return NULL;
	/* The steps fill @local when they have more to say than "out of memory". */
	cispref_error local = {0};
	render_ctx ctx;
	xml_catch c; /* a failure that libxml2 only reports fails the rendering too */
	cispref__xml_catch_begin(&c);
	xmlBufferPtr buf = cispref__buffer_new();
	*rc = buf ? cispref__render_context_init(&ctx, ref, options, formats[format].typeset, &local)
	          : CISPREF_ENOMEM;
	if (*rc == CISPREF_OK)
		*rc = formats[format].write(buf, &ctx, &local);
	if (*rc == CISPREF_OK && ctx.failed)
		*rc = CISPREF_ENOMEM;
	if (buf)
		cispref__render_context_free(&ctx);
	*rc = cispref__xml_catch_end(&c, *rc, &local);
	if (*rc == CISPREF_OK)
		return buf;
	if (local.code == CISPREF_OK)
		cispref__error_set(&local, *rc, NULL, 0, 0, "out of memory");
	if (error)
		*error = local;
	xmlBufferFree(buf);
	return NULL;
}

int cispref_render_buffer(char **out, size_t *size, const cispref_referential *ref,
                          cispref_render_format_t format, const cispref_render_options *options,
                          cispref_error *error)
{
	if (!out) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = render(ref, format, options, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_buffer(buf, out, size, error);
}

int cispref_render_stream(FILE *stream, const cispref_referential *ref,
                          cispref_render_format_t format, const cispref_render_options *options,
                          cispref_error *error)
{
	if (!stream) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = render(ref, format, options, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_stream(buf, stream, error);
}

int cispref_render_path(const char *path, const cispref_referential *ref,
                        cispref_render_format_t format, const cispref_render_options *options,
                        cispref_error *error)
{
	if (!path || !*path) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument: no path");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = render(ref, format, options, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_path(buf, path, error);
}
