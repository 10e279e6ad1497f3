/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Making a serialised document (a libxml2 buffer, libxml2's failures caught) and handing
 * it to the caller: as a new buffer, on a stream, or in a file replaced atomically.
 * Exporters and renderers share these, so every output path fails and reports the same
 * way. Each output function frees @buf. */
#include <stdlib.h>
#include <string.h>

#include "private.h"

xmlBufferPtr cispref__buffer_new(void)
{
	xmlBufferPtr buf = xmlBufferCreate();
	/* libxml2 2.9 grows a buffer in the default (exact) scheme to the size just needed:
	 * a document written in small pieces is then copied over and over, quadratic in its
	 * size wherever realloc() moves the block (7 s for one fuzz input under
	 * AddressSanitizer). Doubling makes the appends amortised constant. */
	if (buf)
		xmlBufferSetAllocationScheme(buf, XML_BUFFER_ALLOC_DOUBLEIT);
	return buf;
}

xmlBufferPtr cispref__serialise(const cispref_referential *ref, cispref__writer write,
                               const void *context, cispref_error *error, int *rc)
{
	xml_catch c;
	cispref__xml_catch_begin(&c);
	xmlBufferPtr buf = cispref__buffer_new();
	if (!buf) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		*rc = CISPREF_ENOMEM;
	} else {
		*rc = write(buf, ref, context, error);
	}
	/* A failure that libxml2 only reported fails the export too. */
	*rc = cispref__xml_catch_end(&c, *rc, error);
	if (*rc) {
		xmlBufferFree(buf);
		return NULL;
	}
	return buf;
}

int cispref__output_buffer(xmlBufferPtr buf, char **out, size_t *size, cispref_error *error)
{
	size_t len = (size_t)xmlBufferLength(buf);
	char *copy = malloc(len + 1);
	if (copy) {
		memcpy(copy, xmlBufferContent(buf), len);
		copy[len] = '\0';
	}
	xmlBufferFree(buf);
	if (!copy) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	*out = copy;
	if (size)
		*size = len;
	return CISPREF_OK;
}

int cispref__output_stream(xmlBufferPtr buf, FILE *stream, cispref_error *error)
{
	size_t len = (size_t)xmlBufferLength(buf);
	int ok = fwrite(xmlBufferContent(buf), 1, len, stream) == len && fflush(stream) == 0;
	xmlBufferFree(buf);
	if (!ok) {
		cispref__error_set(error, CISPREF_EIO, NULL, 0, 0, "cannot write the output stream");
		return CISPREF_EIO;
	}
	return CISPREF_OK;
}

int cispref__output_path(xmlBufferPtr buf, const char *path, cispref_error *error)
{
	int rc = cispref__write_file_atomic(path, (const char *)xmlBufferContent(buf),
	                                    (size_t)xmlBufferLength(buf),
	                                    CISPREF__WRITE_DEFAULT, error);
	xmlBufferFree(buf);
	return rc;
}
