#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

const char *cispref_status_tag(int code)
{
	switch (code) {
	case CISPREF_OK: return "ok";
	case CISPREF_EINVAL: return "invalid-argument";
	case CISPREF_ENOMEM: return "out-of-memory";
	case CISPREF_EIO: return "io-error";
	case CISPREF_EXML: return "xml-error";
	case CISPREF_EFORMAT: return "format-error";
	case CISPREF_EVERSION: return "unsupported-version";
	case CISPREF_ELIMIT: return "limit-exceeded";
	case CISPREF_EINVALID: return "invalid-referential";
	case CISPREF_EEXISTS: return "id-exists";
	case CISPREF_ENOTFOUND: return "not-found";
	default: return "unknown-error";
	}
}

void cispref_buffer_free(char *buffer)
{
	free(buffer);
}

void cispref__error_set(cispref_error *error, int code, const char *source,
                        unsigned long line, unsigned long column, const char *fmt, ...)
{
	if (!error)
		return;
	error->code = code;
	error->line = line;
	error->column = column;
	snprintf(error->source, sizeof error->source, "%s", source ? source : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(error->text, sizeof error->text, fmt, ap);
	va_end(ap);
}
