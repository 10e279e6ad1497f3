/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Reading a positioning document (doc/positioning.md) with the referential reader's
 * machinery (sax_load.c): the same limits, DTD refusal and error places. The format is
 * flat (three levels, empty elements, everything in attributes), so a small table of
 * the elements suffices; values are checked as they arrive, cross-references (persons,
 * levels, targets) are the validator's. */
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>

#include "positioning_private.h"
#include "sax_load.h"

#define NS CISPREF_POSITIONING_NAMESPACE
#define MAX_DEPTH 3
#define MAX_ATTRS CISPREF__SAX_MAX_ATTRS

typedef enum element {
	EL_POSITIONING, EL_SCALE, EL_LEVEL, EL_PERSONS, EL_PERSON, EL_RATINGS, EL_RATING,
	EL_COUNT
} element;

/* Where an element may appear, in which order among its siblings (stage), and with
 * which attributes ('?': optional). */
static const struct {
	const char *name;
	int parent; /* an element, or -1 for the root */
	int stage;
	int repeat;
	const char *attrs[MAX_ATTRS];
} elements[EL_COUNT] = {
	[EL_POSITIONING] = {"positioning", -1, 1, 0, {"format-version", "referential", "?edition"}},
	[EL_SCALE] = {"scale", EL_POSITIONING, 1, 0, {0}},
	[EL_LEVEL] = {"level", EL_SCALE, 1, 1, {"id", "label", "proficient"}},
	[EL_PERSONS] = {"persons", EL_POSITIONING, 2, 0, {0}},
	[EL_PERSON] = {"person", EL_PERSONS, 1, 1, {"id", "?name", "?role"}},
	[EL_RATINGS] = {"ratings", EL_POSITIONING, 3, 0, {0}},
	[EL_RATING] = {"rating", EL_RATINGS, 1, 1,
	               {"person", "target", "level", "?date", "?source", "?comment"}},
};

typedef struct reader {
	sax_run run; /* first: the parser's user data is the reader and the run alike */
	cispref_positioning *pos;
	int seen_scale;
	element stack[MAX_DEPTH];
	int stage[MAX_DEPTH]; /* stage of the last child of each open element */
	int depth;
	char *values; /* the current element's attribute values */
	size_t values_cap;
} reader;

static int nomem(reader *rd)
{
	cispref__sax_fail(&rd->run, CISPREF_ENOMEM, "out of memory");
	return -1;
}

static int bad_value(reader *rd, const char *attr, const char *value, const char *allowed)
{
	cispref__sax_fail(&rd->run, CISPREF_EFORMAT, "attribute '%s' has the value '%s', expected %s",
	                  attr, value, allowed);
	return -1;
}

static int check_id(reader *rd, const char *attr, const char *value)
{
	if (cispref__id_is_valid(value))
		return 0;
	return bad_value(rd, attr, value, "an id matching [A-Za-z_][A-Za-z0-9._-]*");
}

static unsigned long line_of(reader *rd)
{
	return (unsigned long)xmlSAX2GetLineNumber(rd->run.ctxt);
}

/* ---- one function per element --------------------------------------------------- */

static int start_positioning(reader *rd, char **v)
{
	if (strcmp(v[0], "1") != 0) {
		cispref__sax_fail(&rd->run, CISPREF_EVERSION, "format version '%s' is not supported: "
		                  "this library reads version 1", v[0]);
		return -1;
	}
	if (check_id(rd, "referential", v[1]) != 0)
		return -1;
	rd->pos = cispref__positioning_create(v[1], v[2]);
	if (!rd->pos)
		return nomem(rd);
	rd->pos->line = line_of(rd);
	return 0;
}

static int start_level(reader *rd, char **v)
{
	int proficient;
	if (check_id(rd, "id", v[0]) != 0)
		return -1;
	if (strcmp(v[2], "true") == 0 || strcmp(v[2], "1") == 0)
		proficient = 1;
	else if (strcmp(v[2], "false") == 0 || strcmp(v[2], "0") == 0)
		proficient = 0;
	else
		return bad_value(rd, "proficient", v[2], "true or false");
	if (rd->pos->levels.count >= CISPREF_POSITIONING_MAX_LEVELS) {
		cispref__sax_fail(&rd->run, CISPREF_ELIMIT, "the scale has more than %d levels",
		                  CISPREF_POSITIONING_MAX_LEVELS);
		return -1;
	}
	cispref_level *l = cispref__positioning_level_create(rd->pos, v[0], v[1], proficient);
	if (!l)
		return nomem(rd);
	l->line = line_of(rd);
	return 0;
}

static int start_person(reader *rd, char **v)
{
	if (check_id(rd, "id", v[0]) != 0)
		return -1;
	cispref_person *p = cispref__positioning_person_create(rd->pos, v[0], v[1], v[2]);
	if (!p)
		return nomem(rd);
	p->line = line_of(rd);
	return 0;
}

static int start_rating(reader *rd, char **v)
{
	cispref_rating_source_t source = CISPREF_RATING_SOURCE_NONE;
	if (check_id(rd, "person", v[0]) != 0 || check_id(rd, "target", v[1]) != 0 ||
	    check_id(rd, "level", v[2]) != 0)
		return -1;
	if (v[3] && !cispref__positioning_date_is_valid(v[3]))
		return bad_value(rd, "date", v[3], "a date YYYY-MM-DD");
	if (v[4] && cispref_rating_source_from_name(&source, v[4]) != 0)
		return bad_value(rd, "source", v[4], "self, peer or coordinator");
	cispref_rating *r = cispref__positioning_rating_create(rd->pos, v[0], v[1], v[2], v[3],
	                                                       source, v[5]);
	if (!r)
		return nomem(rd);
	r->line = line_of(rd);
	return 0;
}

static int start_element(reader *rd, element e, char **v)
{
	switch (e) {
	case EL_POSITIONING: return start_positioning(rd, v);
	case EL_LEVEL: return start_level(rd, v);
	case EL_PERSON: return start_person(rd, v);
	case EL_RATING: return start_rating(rd, v);
	case EL_SCALE: rd->seen_scale = 1; return 0;
	default: return 0;
	}
}

/* ---- the table's checks --------------------------------------------------------- */

static int place(reader *rd, const char *name, element *out)
{
	int parent = rd->depth ? (int)rd->stack[rd->depth - 1] : -1;
	int e = 0;
	while (e < EL_COUNT && (elements[e].parent != parent || strcmp(elements[e].name, name) != 0))
		e++;
	if (e == EL_COUNT) {
		if (parent < 0)
			cispref__sax_fail(&rd->run, CISPREF_EFORMAT,
			                  "the root element is '%s', expected 'positioning'", name);
		else
			cispref__sax_fail(&rd->run, CISPREF_EFORMAT, "unexpected element '%s' in '%s'",
			                  name, elements[parent].name);
		return -1;
	}
	if (parent >= 0) {
		int *stage = &rd->stage[rd->depth - 1];
		if (elements[e].stage < *stage || (elements[e].stage == *stage && !elements[e].repeat)) {
			cispref__sax_fail(&rd->run, CISPREF_EFORMAT, "element '%s' is out of place in '%s' "
			                  "(see the order in the format specification)", name,
			                  elements[parent].name);
			return -1;
		}
		*stage = elements[e].stage;
	}
	*out = (element)e;
	return 0;
}

/* Fill @v in the order of the element's attributes (sax_load.h); the values live in the
 * reader's scratch buffer until the next element. */
static int read_attributes(reader *rd, element e, int count, const xmlChar **attrs, char **v)
{
	return cispref__sax_read_attributes(&rd->run, elements[e].name, elements[e].attrs, count,
	                                    attrs, v, &rd->values, &rd->values_cap);
}

/* ---- SAX callbacks ------------------------------------------------------------- */

static void on_start(void *data, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	(void)prefix;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	reader *rd = data;
	const char *name = (const char *)localname;
	if (rd->run.status)
		return;
	if (!uri || strcmp((const char *)uri, NS) != 0) {
		cispref__sax_fail(&rd->run, CISPREF_EFORMAT,
		                  "element '%s' is in namespace '%s', expected '%s'", name,
		                  uri ? (const char *)uri : "(none)", NS);
		return;
	}
	element e;
	if (cispref__sax_count_element(&rd->run) != 0 || place(rd, name, &e) != 0)
		return;
	if (rd->depth == MAX_DEPTH) { /* the table nests three levels: kept as a guard */
		cispref__sax_fail(&rd->run, CISPREF_ELIMIT, "elements nest deeper than %d levels",
		                  MAX_DEPTH);
		return;
	}
	char *v[MAX_ATTRS] = {0};
	if (read_attributes(rd, e, nb_attributes, attributes, v) != 0 ||
	    start_element(rd, e, v) != 0)
		return;
	rd->stack[rd->depth] = e;
	rd->stage[rd->depth] = 0;
	rd->depth++;
	rd->run.seen_root = 1;
}

static void on_end(void *data, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
	(void)localname;
	(void)prefix;
	(void)uri;
	reader *rd = data;
	if (rd->run.status || rd->depth == 0)
		return;
	if (rd->stack[rd->depth - 1] == EL_SCALE && rd->pos->levels.count == 0) {
		cispref__sax_fail(&rd->run, CISPREF_EFORMAT, "element 'scale' has no 'level'");
		return;
	}
	rd->depth--;
}

static void on_characters(void *data, const xmlChar *chars, int len)
{
	reader *rd = data;
	if (rd->run.status || rd->depth == 0)
		return;
	for (int i = 0; i < len; i++)
		if (chars[i] != ' ' && chars[i] != '\n' && chars[i] != '\t' && chars[i] != '\r') {
			cispref__sax_fail(&rd->run, CISPREF_EFORMAT, "element '%s' may not contain text",
			                  elements[rd->stack[rd->depth - 1]].name);
			return;
		}
}

/* ---- driver -------------------------------------------------------------------- */

static const char *open_element(const sax_run *run)
{
	const reader *rd = (const reader *)run;
	return rd->depth ? elements[rd->stack[rd->depth - 1]].name : NULL;
}

static int load(void *result, const char *name, const cispref_load_options *options,
                cispref_error *error, cispref__read_fn read_source, void *source,
                size_t size_hint)
{
	(void)size_hint;
	cispref_positioning **out = result;
	reader rd = {0};
	rd.run.document = "a positioning document";
	rd.run.open_element = open_element;
	rd.run.options = options;
	rd.run.name = name;
	rd.run.error = error;
	cispref__load_scan_init(&rd.run.scan, options->max_attributes);
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_characters;
	sax.cdataBlock = on_characters;
	sax.ignorableWhitespace = on_characters;
	int rc = cispref__sax_parse(&rd.run, &sax, &rd, read_source, source);
	free(rd.values);
	if (rc == 0 && !rd.seen_scale && cispref_positioning_use_default_scale(rd.pos) != 0) {
		cispref__error_set(error, CISPREF_ENOMEM, name, 0, 0, "out of memory");
		rc = CISPREF_ENOMEM;
	}
	if (rc == 0 && !(rd.pos->origin = cispref__arena_strdup(rd.pos->arena, name))) {
		cispref__error_set(error, CISPREF_ENOMEM, name, 0, 0, "out of memory");
		rc = CISPREF_ENOMEM;
	}
	if (rc != 0) {
		cispref_positioning_free(rd.pos);
		return rc;
	}
	*out = rd.pos;
	return CISPREF_OK;
}

int cispref_positioning_load_memory(cispref_positioning **out, const char *data, size_t size,
                                    const char *name, const cispref_load_options *options,
                                    cispref_error *error)
{
	return cispref__load_memory(load, out, data, size, name, options, error);
}

int cispref_positioning_load_fd(cispref_positioning **out, int fd, const char *name,
                                const cispref_load_options *options, cispref_error *error)
{
	return cispref__load_fd(load, out, fd, name, options, error);
}

int cispref_positioning_load_stream(cispref_positioning **out, FILE *stream, const char *name,
                                    const cispref_load_options *options, cispref_error *error)
{
	return cispref__load_stream(load, out, stream, name, options, error);
}

int cispref_positioning_load_file(cispref_positioning **out, const char *path,
                                  const cispref_load_options *options, cispref_error *error)
{
	return cispref__load_path(load, out, path, options, error);
}
