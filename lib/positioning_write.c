/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Writing a positioning document with libxml2's xmlTextWriter (escaping is libxml2's),
 * libxml2's messages caught (xml_catch.c) and files replaced atomically (output.c). */
#include <libxml/xmlwriter.h>

#include "positioning_private.h"

#define X(s) ((const xmlChar *)(s))

/* Each call is skipped after the first failure, which is checked once at the end. */
static void element_start(xmlTextWriterPtr w, int *failed, const char *name)
{
	if (!*failed && xmlTextWriterStartElement(w, X(name)) < 0)
		*failed = 1;
}

static void element_end(xmlTextWriterPtr w, int *failed)
{
	if (!*failed && xmlTextWriterEndElement(w) < 0)
		*failed = 1;
}

/* An attribute, left out when @value is NULL. */
static void attribute(xmlTextWriterPtr w, int *failed, const char *name, const char *value)
{
	if (value && !*failed && xmlTextWriterWriteAttribute(w, X(name), X(value)) < 0)
		*failed = 1;
}

static void write_scale(xmlTextWriterPtr w, int *failed, const cispref_positioning *pos)
{
	element_start(w, failed, "scale");
	for (size_t i = 0; i < pos->levels.count; i++) {
		const cispref_level *l = pos->levels.items[i];
		element_start(w, failed, "level");
		attribute(w, failed, "id", l->id);
		attribute(w, failed, "label", l->label);
		attribute(w, failed, "proficient", l->proficient ? "true" : "false");
		element_end(w, failed);
	}
	element_end(w, failed);
}

static void write_persons(xmlTextWriterPtr w, int *failed, const cispref_positioning *pos)
{
	element_start(w, failed, "persons");
	for (size_t i = 0; i < pos->persons.count; i++) {
		const cispref_person *p = pos->persons.items[i];
		element_start(w, failed, "person");
		attribute(w, failed, "id", p->id);
		attribute(w, failed, "name", p->name);
		attribute(w, failed, "role", p->role);
		element_end(w, failed);
	}
	element_end(w, failed);
}

static void write_ratings(xmlTextWriterPtr w, int *failed, const cispref_positioning *pos)
{
	element_start(w, failed, "ratings");
	for (size_t i = 0; i < pos->ratings.count; i++) {
		const cispref_rating *r = pos->ratings.items[i];
		element_start(w, failed, "rating");
		attribute(w, failed, "person", r->person);
		attribute(w, failed, "target", r->target);
		attribute(w, failed, "level", r->level);
		attribute(w, failed, "date", r->date);
		attribute(w, failed, "source", cispref_rating_source_name(r->source));
		attribute(w, failed, "comment", r->comment);
		element_end(w, failed);
	}
	element_end(w, failed);
}

static int write_document(xmlBufferPtr out, const cispref_positioning *pos)
{
	xmlTextWriterPtr w = xmlNewTextWriterMemory(out, 0);
	if (!w)
		return CISPREF_ENOMEM;
	int failed = xmlTextWriterSetIndent(w, 1) < 0 ||
	             xmlTextWriterSetIndentString(w, X("  ")) < 0 ||
	             xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	element_start(w, &failed, "positioning");
	/* the namespace first, as people write it */
	attribute(w, &failed, "xmlns", CISPREF_POSITIONING_NAMESPACE);
	attribute(w, &failed, "format-version", "1");
	attribute(w, &failed, "referential", pos->referential_id);
	attribute(w, &failed, "edition", pos->edition);
	if (pos->levels.count) /* a document built without a scale reads back as default */
		write_scale(w, &failed, pos);
	write_persons(w, &failed, pos);
	write_ratings(w, &failed, pos);
	element_end(w, &failed);
	if (!failed && xmlTextWriterEndDocument(w) < 0)
		failed = 1;
	xmlFreeTextWriter(w); /* flushes into @out */
	return failed ? CISPREF_ENOMEM : CISPREF_OK;
}

/* The document in a new buffer, which the caller frees with xmlBufferFree(). */
static int serialise(xmlBufferPtr *out, const cispref_positioning *pos, cispref_error *error)
{
	xml_catch c;
	cispref__xml_catch_begin(&c);
	xmlBufferPtr buf = cispref__buffer_new();
	int rc = buf ? write_document(buf, pos) : CISPREF_ENOMEM;
	rc = cispref__xml_catch_end(&c, rc, error);
	if (rc == CISPREF_ENOMEM)
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc) {
		if (buf)
			xmlBufferFree(buf);
		return rc;
	}
	*out = buf;
	return CISPREF_OK;
}

int cispref_positioning_write_buffer(char **out, size_t *size, const cispref_positioning *pos,
                                     cispref_error *error)
{
	if (!out || !pos) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	xmlBufferPtr buf;
	int rc = serialise(&buf, pos, error);
	return rc ? rc : cispref__output_buffer(buf, out, size, error);
}

int cispref_positioning_save(const cispref_positioning *pos, const char *path,
                             cispref_error *error)
{
	if (!pos || !path) {
		cispref__error_set(error, CISPREF_EARG, path, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	xmlBufferPtr buf;
	int rc = serialise(&buf, pos, error);
	return rc ? rc : cispref__output_path(buf, path, error);
}
