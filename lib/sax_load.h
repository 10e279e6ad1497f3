/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What every cispref XML reader shares (the referential in load.c, the positioning
 * document in positioning_load.c): libxml2's SAX2 push parser with the network off, a
 * document type declaration refused before it is read, libxml2's messages routed into
 * the caller's error with their line and column, the input's size, element count and
 * attributes per tag bounded (load_scan.h), and the four ways of handing bytes over
 * (memory, descriptor, stream, path) with the checks on what a path names.
 *
 * A reader keeps a sax_run as the first member of its own state and passes that state
 * as the parser's user data, so that the callbacks here and the reader's own get the
 * same pointer. */
#ifndef CISPREF_SAX_LOAD_H
#define CISPREF_SAX_LOAD_H

#include <stdarg.h>
#include <stdio.h>
#include <libxml/parser.h>

#include "private.h"
#include "load_scan.h"

/* The most attributes an element of a cispref format takes. */
#define CISPREF__SAX_MAX_ATTRS 6
/* Sets of attribute places remembered, by element kind (sax_run.attr_seen). */
#define CISPREF__SAX_SEEN_SETS 16

typedef struct sax_run sax_run;
struct sax_run {
	xmlParserCtxtPtr ctxt;
	const cispref_load_options *options;
	const char *name;       /* how errors name the input */
	cispref_error *error;
	int status;             /* the first fault, 0 while none */
	int seen_root;
	size_t bytes;           /* read so far, against options->max_input_size */
	size_t elements;        /* opened so far, against options->max_elements */
	load_scan scan;
	const char *document;   /* "a referential": what a DOCTYPE is refused in */
	/* The innermost element still open, for "ends before element X is closed"; NULL
	 * when none is. */
	const char *(*open_element)(const sax_run *run);
	/* The slot the attribute at each position was last found in, with what it was
	 * found for: libxml2 hands names and namespace URIs over from its dictionary (the
	 * same pointer for the same string), and elements of a kind mostly repeat their
	 * attributes in the same order. Kept per element kind (its list of attribute names,
	 * by address, picks one of CISPREF__SAX_SEEN_SETS sets), so that kinds that take
	 * turns (the three kinds of item, entries and competences) each find theirs: with
	 * one set for all, a fifth of the attributes of a referential were looked up by
	 * name. */
	struct {
		const char *const *want;
		const xmlChar *local, *uri;
		int slot;
	} attr_seen[CISPREF__SAX_SEEN_SETS][CISPREF__SAX_MAX_ATTRS];
};

/* Record the first fault (later ones are dropped) at the parser's place, and stop it. */
void cispref__sax_fail(sax_run *run, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void cispref__sax_vfail(sax_run *run, int code, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
/* Count one more element against the limit: 0, or -1 after failing. */
int cispref__sax_count_element(sax_run *run);

/* A source of bytes: how many it put in @buf, 0 at the end, -1 on error (errno set), or
 * CISPREF__NO_WRITER for a named pipe that no process has open for writing. */
typedef long (*cispref__read_fn)(void *source, char *buf, size_t size);
#define CISPREF__NO_WRITER (-2)

/* Parse what @read_source gives with @sax (whose serror and internalSubset this sets),
 * @user being the reader's state that begins with @run. Returns run->status. */
int cispref__sax_parse(sax_run *run, xmlSAXHandler *sax, void *user,
                       cispref__read_fn read_source, void *source);

/* A value of an attribute as libxml2 hands it over (a '&' comes as "&#38;" with entity
 * substitution off): written with its NUL at @copy; returns the byte after the NUL. */
char *cispref__sax_copy_attribute(char *copy, const xmlChar *value, const xmlChar *end);
/* Whether attribute @local of namespace @uri is @want ("xml:lang", or a name in no
 * namespace). */
int cispref__sax_attribute_is(const char *want, const char *local, const char *uri);
/* The attribute's name as messages quote it: "xml:lang", "{foreign}name", "id". */
const char *cispref__sax_attribute_name(char *name, size_t size, const char *local,
                                        const char *uri);

/* Fill @values (CISPREF__SAX_MAX_ATTRS slots, NULL for an optional one not given) in the
 * order of @want (the element's attribute names, a '?' before an optional one, at most
 * CISPREF__SAX_MAX_ATTRS, NULL after the last) from libxml2's @count attributes at
 * @attrs, refusing unknown, missing and over-long ones (named against @element). The
 * values are copied into *@buf (grown as needed; capacity in *@cap), valid until the
 * next call. 0, or -1 after failing @run. */
int cispref__sax_read_attributes(sax_run *run, const char *element, const char *const *want,
                                 int count, const xmlChar **attrs, char **values, char **buf,
                                 size_t *cap);

/* The reader proper: parse from @read_source into *@out (the reader's own result type),
 * @size_hint the input's size when known, else 0. */
typedef int (*cispref__load_fn)(void *out, const char *name,
                                const cispref_load_options *options, cispref_error *error,
                                cispref__read_fn read_source, void *source, size_t size_hint);

/* The four entry points, with the argument checks, the option versions, the size known
 * before reading, and what a path may name (regular files and pipes), as load.h says. */
int cispref__load_memory(cispref__load_fn load, void *out, const char *data, size_t size,
                         const char *name, const cispref_load_options *options,
                         cispref_error *error);
int cispref__load_fd(cispref__load_fn load, void *out, int fd, const char *name,
                     const cispref_load_options *options, cispref_error *error);
int cispref__load_stream(cispref__load_fn load, void *out, FILE *stream, const char *name,
                         const cispref_load_options *options, cispref_error *error);
int cispref__load_path(cispref__load_fn load, void *out, const char *path,
                       const cispref_load_options *options, cispref_error *error);

#endif
