#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "private.h"

/* libxml2 before 2.11 sets up its global state (the mutexes of its per-thread globals and
 * of its dictionaries) lazily, without a lock: two threads whose first parser or writer
 * starts at the same moment race, which ThreadSanitizer reports (tests/test_threads.c).
 * Its documentation asks for xmlInitParser() on one thread before any concurrent use;
 * doing it when the library is loaded keeps the promise that loads, exports and renders
 * may run on several threads at once. This file is linked into every program that uses
 * the library, static or shared. */
__attribute__((constructor)) static void init_libxml2(void)
{
	/* Out of memory, libxml2 prints on stderr and carries on without what it could not
	 * set up; the operations that need it fail later and say so. */
	xml_catch c;
	cispref__xml_catch_begin(&c);
	xmlInitParser();
	cispref__xml_catch_end(&c, CISPREF_OK, NULL);
}

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
