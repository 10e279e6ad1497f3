/* Export entry points: one serialiser per format fills a libxml2 buffer, which then goes
 * to the caller's buffer, stream or file. */
#include <stdlib.h>
#include <string.h>

#include "private.h"

static const char *const format_names[] = {"xml", "json"};

const char *cispref_format_name(cispref_format format)
{
	return (unsigned)format < 2 ? format_names[format] : NULL;
}

int cispref_format_from_name(cispref_format *out, const char *name)
{
	for (int f = 0; name && out && f < 2; f++)
		if (strcmp(format_names[f], name) == 0) {
			*out = (cispref_format)f;
			return CISPREF_OK;
		}
	return CISPREF_EINVAL;
}

/* Serialise into a new libxml2 buffer, or return NULL with @error filled. */
static xmlBufferPtr serialise(const cispref_referential *ref, cispref_format format,
                              cispref_error *error, int *rc)
{
	if (!ref || !cispref_format_name(format)) {
		cispref__error_set(error, CISPREF_EINVAL, NULL, 0, 0, "invalid argument");
		*rc = CISPREF_EINVAL;
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
                          cispref_format format, cispref_error *error)
{
	if (!out) {
		cispref__error_set(error, CISPREF_EINVAL, NULL, 0, 0, "invalid argument");
		return CISPREF_EINVAL;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, format, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_buffer(buf, out, size, error);
}

int cispref_export_stream(FILE *stream, const cispref_referential *ref, cispref_format format,
                          cispref_error *error)
{
	if (!stream) {
		cispref__error_set(error, CISPREF_EINVAL, NULL, 0, 0, "invalid argument");
		return CISPREF_EINVAL;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, format, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_stream(buf, stream, error);
}

int cispref_export_path(const char *path, const cispref_referential *ref,
                        cispref_format format, cispref_error *error)
{
	if (!path || !*path) {
		cispref__error_set(error, CISPREF_EINVAL, NULL, 0, 0, "invalid argument: no path");
		return CISPREF_EINVAL;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, format, error, &rc);
	if (!buf)
		return rc;
	return cispref__output_path(buf, path, error);
}
