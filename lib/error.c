/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "private.h"

/* libxml2 before 2.11 sets up its global state (the mutexes of its per-thread globals and
 * of its dictionaries) lazily, without a lock: two threads whose first parser or writer
 * starts at the same moment race, which ThreadSanitizer reports (tests/test_threads.c).
 * Its documentation asks for xmlInitParser() on one thread before any concurrent use;
 * doing it when the library is loaded keeps the promise that loads, exports and renders
 * may run on several threads at once. This file is linked into every program that uses
 * the library, static or shared. */
static void drop_structured(void *data, xmlErrorPtr e)
{
	(void)data;
	(void)e;
}

static void drop_generic(void *data, const char *format, ...)
{
	(void)data;
	(void)format;
}

/* Out of memory, libxml2 prints on stderr and carries on without what it could not set
 * up; the operations that need it fail later and say so. Its messages are dropped here
 * without xml_catch.c, which reports through this file: the two would depend on each
 * other (tests/abi/check-layers.py). */
__attribute__((constructor)) static void init_libxml2(void)
{
	xmlStructuredErrorFunc structured = xmlStructuredError;
	void *structured_data = xmlStructuredErrorContext;
	xmlGenericErrorFunc generic = xmlGenericError;
	void *generic_data = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(NULL, drop_structured);
	xmlSetGenericErrorFunc(NULL, drop_generic);
	xmlInitParser();
	xmlSetStructuredErrorFunc(structured_data, structured);
	xmlSetGenericErrorFunc(generic_data, generic);
	xmlResetLastError();
}

const char *cispref_status_tag(int code)
{
	switch (code) {
	case CISPREF_OK: return "ok";
	case CISPREF_EARG: return "bad-argument";
	case CISPREF_ENOMEM: return "out-of-memory";
	case CISPREF_EIO: return "io-error";
	case CISPREF_EXML: return "xml-error";
	case CISPREF_EFORMAT: return "format-error";
	case CISPREF_EVERSION: return "unsupported-version";
	case CISPREF_ELIMIT: return "limit-exceeded";
	case CISPREF_ERULE: return "rule-violation";
	case CISPREF_EEXISTS: return "id-exists";
	case CISPREF_ENOTFOUND: return "not-found";
	case CISPREF_ESTOPPED: return "stopped";
	default: return "unknown-error";
	}
}

void cispref_buffer_free(char *buffer)
{
	free(buffer);
}

/* Length of the UTF-8 sequence that @lead starts: 1 for ASCII, 0 for a byte that starts
 * none (a continuation byte, or one that is never UTF-8). */
static size_t sequence_length(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 0;
}

size_t cispref__utf8_trim(char *s, size_t length)
{
	size_t continuation = 0;
	while (continuation < 3 && continuation < length &&
	       ((unsigned char)s[length - 1 - continuation] & 0xC0) == 0x80)
		continuation++;
	if (continuation == length)
		return length;
	size_t lead = length - 1 - continuation;
	size_t need = sequence_length((unsigned char)s[lead]);
	/* Only a lead byte whose sequence was cut short goes; other bytes that are not
	 * UTF-8 (a file name in another encoding) stay as they were. */
	if (need > continuation + 1) {
		s[lead] = '\0';
		return lead;
	}
	return length;
}

void cispref__error_set(cispref_error *error, int code, const char *source,
                        unsigned long line, unsigned long column, const char *fmt, ...)
{
	if (!error)
		return;
	error->code = code;
	error->errnum = 0;
	error->rule = NULL;
	error->line = line;
	error->column = column;
	int n = snprintf(error->source, sizeof error->source, "%s", source ? source : "");
	if (n > 0 && (size_t)n >= sizeof error->source)
		cispref__utf8_trim(error->source, sizeof error->source - 1);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(error->text, sizeof error->text, fmt, ap);
	va_end(ap);
	/* A full buffer means a cut, here or in the caller's own buffer of the same size (the
	 * loader formats its messages first): either may have split a character, which would
	 * leave the message invalid UTF-8 for a terminal or a binding. */
	size_t length = strlen(error->text);
	if (length == sizeof error->text - 1)
		cispref__utf8_trim(error->text, length);
}

void cispref__error_set_errnum(cispref_error *error, int errnum)
{
	if (error)
		error->errnum = errnum;
}

int cispref__refuse_unknown_flags(cispref_error *error, const char *name, unsigned flags,
                                  unsigned known, const char *what, const char *known_names)
{
	unsigned unknown = flags & ~known;
	if (!unknown)
		return CISPREF_OK;
	cispref__error_set(error, CISPREF_EARG, name, 0, 0,
	                   "invalid argument: unknown %s 0x%x (this library knows %s, 0x%x)", what,
	                   unknown, known_names, known);
	return CISPREF_EARG;
}
