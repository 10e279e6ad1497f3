/* Export entry points: one serialiser per format fills a libxml2 buffer, which then goes
 * to the caller's buffer, stream or file. */
#include <stdlib.h>
#include <string.h>

#include "private.h"

static const char *const format_names[] = {"xml", "json"};

const char *cispref_format_name(cispref_format_t format)
{
	return (unsigned)format < 2 ? format_names[format] : NULL;
}

int cispref_format_from_name(cispref_format_t *out, const char *name)
{
	for (int f = 0; name && out && f < 2; f++)
		if (strcmp(format_names[f], name) == 0) {
			*out = (cispref_format_t)f;
			return CISPREF_OK;
		}
	return CISPREF_EARG;
}

/* What cispref writes as XML, a load with the default options reads back. The canonical
 * form can be up to four times the size of a compact input (escaped '>', indentation):
 * no input limit could hold the export of every input it admits, so the writer keeps to
 * the reader's default limit instead (the other limits hold for the export of anything
 * loaded: doc/format.md). */
static int readable_by_default(size_t size, cispref_error *error)
{
	if (size <= CISPREF_DEFAULT_MAX_INPUT_SIZE)
		return CISPREF_OK;
	cispref__error_set(error, CISPREF_ELIMIT, NULL, 0, 0,
	                   "the XML export is %zu bytes, more than the %zu bytes a load with the "
	                   "default limits reads (CISPREF_DEFAULT_MAX_INPUT_SIZE)",
	                   size, CISPREF_DEFAULT_MAX_INPUT_SIZE);
	return CISPREF_ELIMIT;
}

/* Serialise into a new libxml2 buffer, or return NULL with @error filled. */
static xmlBufferPtr serialise(const cispref_referential *ref, cispref_format_t format,
                              cispref_error *error, int *rc)
{
	if (!ref || !cispref_format_name(format)) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		*rc = CISPREF_EARG;
		return NULL;
	}
	xml_catch c;
	cispref__xml_catch_begin(&c);
	xmlBufferPtr buf = xmlBufferCreate();
	if (!buf) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		*rc = CISPREF_ENOMEM;
	} else {
		*rc = format == CISPREF_FORMAT_XML ? cispref__xml_write(buf, ref, error)
		                                   : cispref__json_write(buf, ref, error);
		if (!*rc && format == CISPREF_FORMAT_XML)
			*rc = readable_by_default((size_t)xmlBufferLength(buf), error);
	}
	/* A failure that libxml2 only reported fails the export too. */
	*rc = cispref__xml_catch_end(&c, *rc, error);
	if (*rc) {
		xmlBufferFree(buf);
		return NULL;
	}
	return buf;
}

int cispref_export_buffer(char **out, size_t *size, const cispref_referential *ref,
                          cispref_format_t format, cispref_error *error)
{
	if (!out) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, format, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_buffer(buf, out, size, error);
}

int cispref_export_stream(FILE *stream, const cispref_referential *ref, cispref_format_t format,
                          cispref_error *error)
{
	if (!stream) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, format, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_stream(buf, stream, error);
}

int cispref_export_path(const char *path, const cispref_referential *ref,
                        cispref_format_t format, cispref_error *error)
{
	if (!path || !*path) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument: no path");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, format, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_path(buf, path, error);
}
