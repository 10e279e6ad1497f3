/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The Moodle competency framework CSV writer (tool_lpimportcsv's 14 columns), with the
 * ID-number convention of doc/interchange.md that lets moodle_read.c rebuild the model.
 * Cells are quoted by libcsv's csv_write(). */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moodle_private.h"

/* Moodle cuts ID numbers and short names at 100 characters (shorten_text). */
#define MOODLE_TEXT_MAX 100

typedef struct writer {
	xmlBufferPtr out;
	cispref_error *error;
	int rc;       /* the first failure; later writes do nothing */
	char *scratch; /* one cell quoted */
	size_t scratch_size;
} writer;

/* The English headers of Moodle 4 (the importer reads by position anyway). */
static const char *const headers[MOODLE_COLUMNS] = {
	"Parent ID number", "ID number", "Short name", "Description", "Description format",
	"Scale values", "Scale configuration", "Rule type (optional)",
	"Rule outcome (optional)", "Rule config (optional)",
	"Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework",
	"Taxonomy"};

static void fail(writer *w, int rc, const char *what)
{
	if (w->rc)
		return;
	w->rc = rc;
	cispref__error_set(w->error, rc, NULL, 0, 0, "%s", what);
}

static void put(writer *w, const char *s, size_t n)
{
	if (!w->rc && xmlBufferAdd(w->out, (const xmlChar *)s, (int)n) != 0)
		fail(w, CISPREF_ENOMEM, "out of memory");
}

/* One cell, always quoted, quotes doubled. */
static void put_cell(writer *w, const char *text)
{
	size_t n = strlen(text);
	size_t need = csv_write(NULL, 0, text, n);
	if (need == SIZE_MAX || need > (size_t)1 << 30) {
		fail(w, CISPREF_ELIMIT, "a text is too long for one CSV cell");
		return;
	}
	if (need > w->scratch_size) {
		char *grown = realloc(w->scratch, need);
		if (!grown) {
			fail(w, CISPREF_ENOMEM, "out of memory");
			return;
		}
		w->scratch = grown;
		w->scratch_size = need;
	}
	csv_write(w->scratch, need, text, n);
	put(w, w->scratch, need);
}

static void put_row(writer *w, const char *const cells[MOODLE_COLUMNS])
{
	for (size_t c = 0; c < MOODLE_COLUMNS; c++) {
		if (c)
			put(w, ",", 1);
		put_cell(w, cells[c] ? cells[c] : "");
	}
	put(w, "\n", 1);
}

/* The short name: @text when it holds at most 100 characters, else its first words that
 * fit in 99, and an ellipsis. *@cut says whether it was cut. */
static void short_name(char out[MOODLE_TEXT_MAX * 4 + 4], const char *text, int *cut)
{
	size_t bytes = 0, chars = 0, last_space = 0;
	while (text[bytes] && chars < MOODLE_TEXT_MAX - 1) {
		if (text[bytes] == ' ')
			last_space = bytes;
		bytes++;
		while ((text[bytes] & 0xc0) == 0x80)
			bytes++;
		chars++;
	}
	*cut = cispref__moodle_length(text) > MOODLE_TEXT_MAX;
	if (!*cut) {
		snprintf(out, MOODLE_TEXT_MAX * 4 + 4, "%s", text);
		return;
	}
	if (last_space > 0)
		bytes = last_space;
	while (bytes > 0 && text[bytes - 1] == ' ')
		bytes--;
	snprintf(out, MOODLE_TEXT_MAX * 4 + 4, "%.*s\xe2\x80\xa6", (int)bytes, text);
}

/* A node's row: parent, ID number, text (cut into the short name, whole in the
 * description when cut), cross-references. */
static void node_row(writer *w, const char *parent, const char *idnumber, const char *text,
                     const char *description, const char *related)
{
	if (cispref__moodle_length(idnumber) > MOODLE_TEXT_MAX) {
		if (!w->rc) {
			w->rc = CISPREF_ELIMIT;
			cispref__error_set(w->error, CISPREF_ELIMIT, NULL, 0, 0,
			                   "the Moodle ID number '%s' is longer than the 100 "
			                   "characters Moodle keeps", idnumber);
		}
		return;
	}
	char name[MOODLE_TEXT_MAX * 4 + 4];
	int cut;
	short_name(name, text ? text : "", &cut);
	const char *cells[MOODLE_COLUMNS] = {
		parent, idnumber, name, description ? description : (cut ? text : ""),
		MOODLE_FORMAT_PLAIN, "", "", "", "0", "null", related, "", "", ""};
	put_row(w, cells);
}

/* ID numbers are built in a fixed buffer: ids are short, and node_row() refuses any
 * ID number over 100 characters anyway. */
typedef char idnumber[512];

static void make_idnumber(idnumber out, const char *prefix, const char *kind, const char *id)
{
	if (prefix && kind)
		snprintf(out, sizeof(idnumber), "%s:%s:%s", prefix, kind, id);
	else if (prefix)
		snprintf(out, sizeof(idnumber), "%s:%s", prefix, id);
	else
		snprintf(out, sizeof(idnumber), "%s", id);
}

/* Cross-reference lists: ID numbers joined by commas, their own commas as "%2C" (as
 * Moodle's exporter writes them). */
static void append_related(xmlBufferPtr list, const char *idnumber)
{
	if (xmlBufferLength(list))
		xmlBufferCCat(list, ",");
	for (const char *p = idnumber; *p; p++)
		if (*p == ',')
			xmlBufferCCat(list, "%2C");
		else
			xmlBufferAdd(list, (const xmlChar *)p, 1);
}

static void note_idnumber(idnumber out, const cispref_note *note)
{
	make_idnumber(out, "note", note->number, note->node.id);
}

static void write_competence(writer *w, const cispref_referential *ref, const char *parent,
                             const cispref_competence *comp)
{
	xmlBufferPtr related = cispref__buffer_new();
	if (!related) {
		fail(w, CISPREF_ENOMEM, "out of memory");
		return;
	}
	for (size_t n = 0; n < comp->note_ids.count; n++) {
		const cispref_note *note = cispref_referential_find_note(ref, comp->note_ids.items[n]);
		idnumber id;
		if (note) {
			note_idnumber(id, note);
			append_related(related, id);
		}
	}
	node_row(w, parent, comp->node.id, comp->title, NULL,
	         (const char *)xmlBufferContent(related));
	xmlBufferFree(related);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++) {
			const cispref_item *item = comp->items[k].items[i];
			const cispref_concept *concept =
				cispref_referential_find_concept(ref, item->concept_id);
			idnumber id, concept_id = "";
			make_idnumber(id, cispref_item_kind_name(item->node.kind), NULL, item->node.id);
			if (concept)
				make_idnumber(concept_id, "concept", cispref_item_kind_name(concept->kind),
				              concept->node.id);
			node_row(w, comp->node.id, id, item->text, NULL, concept_id);
		}
}

static void write_domains(writer *w, const cispref_referential *ref)
{
	for (size_t d = 0; d < ref->domains.count; d++) {
		const cispref_domain *domain = ref->domains.items[d];
		idnumber did;
		make_idnumber(did, cispref_domain_kind_name(domain->kind), NULL, domain->node.id);
		node_row(w, "", did, domain->title, NULL, "");
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			idnumber pid;
			make_idnumber(pid, cispref_plan_kind_name(plan->kind), NULL, plan->node.id);
			node_row(w, did, pid, plan->title, NULL, "");
			for (size_t c = 0; c < plan->competences.count; c++)
				write_competence(w, ref, pid, plan->competences.items[c]);
		}
	}
}

/* The shared concepts and the notes, each a branch of its own (doc/interchange.md). */
static void write_concepts_and_notes(writer *w, const cispref_referential *ref)
{
	if (ref->concepts.count)
		node_row(w, "", MOODLE_CONCEPTS_BRANCH, "Concepts", NULL, "");
	for (size_t i = 0; i < ref->concepts.count; i++) {
		const cispref_concept *c = ref->concepts.items[i];
		idnumber id;
		make_idnumber(id, "concept", cispref_item_kind_name(c->kind), c->node.id);
		node_row(w, MOODLE_CONCEPTS_BRANCH, id, c->label, NULL, "");
	}
	if (ref->notes.count)
		node_row(w, "", MOODLE_NOTES_BRANCH, "Notes", NULL, "");
	for (size_t i = 0; i < ref->notes.count; i++) {
		const cispref_note *n = ref->notes.items[i];
		idnumber id;
		char name[256];
		note_idnumber(id, n);
		snprintf(name, sizeof name, "Note %s", n->number);
		node_row(w, MOODLE_NOTES_BRANCH, id, name, n->text, "");
	}
}

/* The framework's description: the whole title, then one "field: value" line for the
 * language, the namespace UUID, the base URI when there is one and each source field
 * set, so that node UUIDs survive the round trip. */
static xmlBufferPtr framework_description(const cispref_referential *ref)
{
	xmlBufferPtr b = cispref__buffer_new();
	if (!b)
		return NULL;
	xmlBufferCat(b, (const xmlChar *)ref->title);
	xmlBufferCCat(b, "\n" MOODLE_LANGUAGE_FIELD ": ");
	xmlBufferCat(b, (const xmlChar *)ref->language);
	xmlBufferCCat(b, "\n" MOODLE_UUID_FIELD ": ");
	xmlBufferCCat(b, cispref_referential_uuid(ref));
	if (cispref_referential_base_uri(ref)) {
		xmlBufferCCat(b, "\n" MOODLE_BASE_URI_FIELD ": ");
		xmlBufferCCat(b, cispref_referential_base_uri(ref));
	}
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++) {
		if (!ref->source[f])
			continue;
		xmlBufferCCat(b, "\n");
		xmlBufferCCat(b, cispref_source_field_name((cispref_source_field_t)f));
		xmlBufferCCat(b, ": ");
		xmlBufferCat(b, (const xmlChar *)ref->source[f]);
	}
	return b;
}

static void write_framework(writer *w, const cispref_referential *ref,
                            const cispref_moodle_options *o, const char *scale_config)
{
	idnumber id;
	snprintf(id, sizeof id, "%s@%s", ref->id, ref->version);
	if (cispref__moodle_length(id) > MOODLE_TEXT_MAX) {
		fail(w, CISPREF_ELIMIT, "the referential's id and version make a framework ID "
		                        "number longer than the 100 characters Moodle keeps");
		return;
	}
	char name[MOODLE_TEXT_MAX * 4 + 4];
	int cut;
	short_name(name, ref->title, &cut);
	xmlBufferPtr description = framework_description(ref);
	if (!description) {
		fail(w, CISPREF_ENOMEM, "out of memory");
		return;
	}
	const char *cells[MOODLE_COLUMNS] = {
		"", id, name, (const char *)xmlBufferContent(description), MOODLE_FORMAT_PLAIN,
		o->scale ? o->scale : CISPREF_MOODLE_DEFAULT_SCALE, scale_config, "", "", "", "",
		"", "1", o->taxonomy ? o->taxonomy : CISPREF_MOODLE_DEFAULT_TAXONOMY};
	put_row(w, cells);
	xmlBufferFree(description);
}

int cispref__moodle_write_options(xmlBufferPtr out, const cispref_referential *ref,
                                  const cispref_moodle_options *options, cispref_error *error)
{
	char *scale_config = NULL;
	int rc = cispref__moodle_check_export_options(&scale_config, options, error);
	if (rc)
		return rc;
	writer w = {out, error, 0, NULL, 0};
	put_row(&w, headers);
	write_framework(&w, ref, options, scale_config);
	write_domains(&w, ref);
	write_concepts_and_notes(&w, ref);
	free(w.scratch);
	free(scale_config);
	return w.rc;
}

int cispref__moodle_write(xmlBufferPtr out, const cispref_referential *ref,
                          cispref_error *error)
{
	cispref_moodle_options options = CISPREF_MOODLE_OPTIONS_INIT;
	return cispref__moodle_write_options(out, ref, &options, error);
}

/* cispref__moodle_write_options() as a writer of cispref__serialise(). */
static int write_with(xmlBufferPtr out, const cispref_referential *ref, const void *options,
                      cispref_error *error)
{
	return cispref__moodle_write_options(out, ref, options, error);
}

/* The CSV with @options into a new libxml2 buffer, for the three public entries; NULL
 * with *@rc and @error set. The registry's row (export.c) calls cispref__moodle_write()
 * with the defaults instead. */
static xmlBufferPtr serialise(const cispref_referential *ref,
                              const cispref_moodle_options *options, cispref_error *error,
                              int *rc)
{
	cispref_moodle_options o;
	if (!ref) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		*rc = CISPREF_EARG;
		return NULL;
	}
	if ((*rc = cispref__moodle_options(&o, options, error)) != CISPREF_OK)
		return NULL;
	return cispref__serialise(ref, write_with, &o, error, rc);
}

int cispref_moodle_export_buffer(char **out, size_t *size, const cispref_referential *ref,
                                 const cispref_moodle_options *options, cispref_error *error)
{
	if (!out) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, options, error, &rc);
	return buf ? cispref__output_buffer(buf, out, size, error) : rc;
}

int cispref_moodle_export_stream(FILE *stream, const cispref_referential *ref,
                                 const cispref_moodle_options *options, cispref_error *error)
{
	if (!stream) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, options, error, &rc);
	return buf ? cispref__output_stream(buf, stream, error) : rc;
}

int cispref_moodle_export_path(const char *path, const cispref_referential *ref,
                               const cispref_moodle_options *options, cispref_error *error)
{
	if (!path || !*path) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument: no path");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(ref, options, error, &rc);
	return buf ? cispref__output_path(buf, path, error) : rc;
}
