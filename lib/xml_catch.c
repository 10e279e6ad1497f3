/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Catching what libxml2 says while the library serialises with it.
 *
 * libxml2 2.9 reports a failed allocation by printing on stderr ("Memory allocation
 * failed : growing buffer") and, in places, by nothing else: xmlTextWriterWriteString()
 * returns success after its escaping ran out of memory, so an element loses its text
 * (`<title/>`) and the document looks whole. Its error handlers are the thread's own in
 * 2.9 (per-thread globals), so the library can take them for the length of one
 * operation, count what is raised, and restore the caller's: any message during a write
 * fails the write. xmlMemSetup() would also see every failure, but it is process-wide
 * and would change the host program's allocator. */
#include <stdio.h>
#include <string.h>
#include <libxml/xmlerror.h>

#include "private.h"

static void on_structured(void *data, xmlErrorPtr e)
{
	xml_catch *c = data;
	c->errors++;
	if (!e || e->code == XML_ERR_NO_MEMORY)
		c->nomem = 1;
	else if (!c->message[0])
		snprintf(c->message, sizeof c->message, "%s", e->message ? e->message : "error");
}

/* Unstructured messages ("Cannot initialize memory for sentinel", from libxml2's lists)
 * only come when an allocation failed. */
static void on_generic(void *data, const char *format, ...)
{
	xml_catch *c = data;
	(void)format;
	c->errors++;
	c->nomem = 1;
}

void cispref__xml_catch_begin(xml_catch *c)
{
	c->structured = xmlStructuredError;
	c->structured_data = xmlStructuredErrorContext;
	c->generic = xmlGenericError;
	c->generic_data = xmlGenericErrorContext;
	c->errors = 0;
	c->nomem = 0;
	c->message[0] = '\0';
	xmlSetStructuredErrorFunc(c, on_structured);
	xmlSetGenericErrorFunc(c, on_generic);
}

int cispref__xml_catch_end(xml_catch *c, int rc, cispref_error *error)
{
	xmlSetStructuredErrorFunc(c->structured_data, c->structured);
	xmlSetGenericErrorFunc(c->generic_data, c->generic);
	/* libxml2 keeps a copy of the last error for the thread; these were handled here. */
	if (c->errors)
		xmlResetLastError();
	if (rc != CISPREF_OK || !c->errors)
		return rc;
	if (c->nomem || !c->message[0]) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	/* libxml2 ends its messages with a newline. */
	size_t n = strlen(c->message);
	while (n && (c->message[n - 1] == '\n' || c->message[n - 1] == ' '))
		c->message[--n] = '\0';
	cispref__error_set(error, CISPREF_EXML, NULL, 0, 0, "libxml2: %s", c->message);
	return CISPREF_EXML;
}
