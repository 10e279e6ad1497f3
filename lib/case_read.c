/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The CASE package importer. jansson parses the JSON (its errors carry a line and a
 * column); the CFItems become a tree by their isChildOf associations, siblings ordered
 * by sequenceNumber, never by file order; then the tree becomes a referential, by
 * cispref's convention when cispref wrote the package (case_write.c), else by the depth
 * mapping the Moodle import uses (doc/interchange.md, "CASE"). What the import repairs
 * or drops is reported; the validator's findings follow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <utf8proc.h>

#include "case_private.h"
#include "depth_map.h"
#include "import_tree.h"
#include "identity.h"

typedef struct citem {
	tree_node t;            /* first: the tree's walks see a citem as its tree_node */
	json_t *obj;
	size_t index;           /* in CFItems, for messages */
	const char *identifier;
	const char *statement;  /* fullStatement */
	const char *code;       /* humanCodingScheme */
	const char *notes;
	int linked;             /* an isChildOf was kept for it */
	const char *link_id;    /* the identifier of that association */
	long long sequence;
	int has_sequence;
	int role;               /* case_role, the convention's; -1 none */
	struct citem *replaced_by;      /* a replacedBy association's destination, or NULL */
	const char *replaced_link;      /* the identifier of that association */
	node *made;             /* what the convention's walk made of it */
} citem;

typedef struct importer {
	arena *a;               /* scratch */
	const cispref_case_options *o;
	const char *name;
	cispref_diagnostics *diags;
	json_t *top;            /* what jansson parsed, freed at the end */
	json_t *package;        /* the package: @top, or what its CFPackage member holds */
	json_t *document;
	const char *doc_identifier, *doc_uri;
	json_t *cispref;        /* the CFDocument's extensions.cispref, or NULL */
	vec items;              /* citem *, in file order */
	strmap by_identifier;   /* CFItem identifier -> citem */
	strmap by_uri;          /* CFItem uri -> citem (uri_key), the first of each */
	strmap concepts;        /* CFConcept identifier -> concept_ref */
	vec roots;
	cispref_referential *ref;
	depth_map depths;
	size_t notes_made;
	depth_place *top_place; /* what the roots of a foreign package share: the domain and
	                          * plan made up for them when the mapping has none */
	int failed;             /* out of memory */
	int bad;                /* CISPREF_EFORMAT, error filled */
	cispref_error *error;
	/* repairs, reported once each with a count and the first place */
	size_t stamps_without_zone, stamps_bad, numbers_as_strings;
	char stamp_where[96], stamp_bad_where[96], number_where[96];
	const char *ignored[16];  /* member names CASE 1.1 does not define */
	char ignored_where[16][96];
	size_t ignored_count, ignored_more;
} importer;

static const char *citem_key(const void *c)
{
	return ((const citem *)c)->identifier;
}

/* A key of by_uri, concepts: a string and what it names. */
typedef struct keyed {
	const char *key;
	void *value;
} keyed;

static const char *keyed_key(const void *k)
{
	return ((const keyed *)k)->key;
}

static void add_keyed(importer *im, strmap *map, const char *key, void *value)
{
	keyed *k = key ? cispref__arena_alloc(im->a, sizeof *k) : NULL;
	if (!key)
		return;
	if (!k) {
		im->failed = 1;
		return;
	}
	k->key = key;
	k->value = value;
	im->failed |= cispref__strmap_add(map, k) < 0;
}

static void *find_keyed(const strmap *map, const char *key)
{
	keyed *k = key ? cispref__strmap_find(map, key) : NULL;
	return k ? k->value : NULL;
}

/* A finding of the import (no line: jansson keeps none per value). */
__attribute__((format(printf, 5, 6)))
static void diag(importer *im, cispref_severity_t severity, const char *tag,
                 const char *node_id, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	im->failed |= cispref__diagnostics_addv(im->diags, severity, tag, im->name, 0, node_id,
	                                        fmt, ap) != 0;
	va_end(ap);
}

static void refuse(importer *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The package cannot be read: the first reason is kept. */
static void refuse(importer *im, const char *fmt, ...)
{
	char message[CISPREF_ERROR_TEXT_LENGTH];
	va_list ap;
	if (im->bad)
		return;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	cispref__utf8_trim(message, strlen(message));
	cispref__error_set(im->error, CISPREF_EFORMAT, im->name, 0, 0, "%s", message);
	im->bad = 1;
}

/* ---- reading members, with the repairs real packages need ------------------------ */

/* Members CASE 1.1 defines, per object, and those of CASE 1.0 it dropped (read as
 * extra members). A name in neither is reported once as ignored. */
static const char *const document_members[] = {
	"identifier", "uri", "frameworkType", "caseVersion", "creator", "title",
	"lastChangeDateTime", "officialSourceURL", "publisher", "description", "subject",
	"subjectURI", "language", "version", "adoptionStatus", "statusStartDate",
	"statusEndDate", "licenseURI", "notes", "extensions", NULL};
static const char *const item_members[] = {
	"identifier", "fullStatement", "alternativeLabel", "CFItemType", "uri",
	"humanCodingScheme", "listEnumeration", "abbreviatedStatement", "conceptKeywords",
	"conceptKeywordsURI", "notes", "subject", "subjectURI", "language", "educationLevel",
	"CFItemTypeURI", "licenseURI", "statusStartDate", "statusEndDate", "lastChangeDateTime",
	"extensions", NULL};
static const char *const association_members[] = {
	"identifier", "associationType", "sequenceNumber", "uri", "originNodeURI",
	"destinationNodeURI", "CFAssociationGroupingURI", "lastChangeDateTime", "notes",
	"extensions", NULL};
static const char *const case_1_0_members[] = {"CFDocumentURI", "CFPackageURI", NULL};

static int listed(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

static void check_members(importer *im, json_t *obj, const char *const *known,
                          const char *where)
{
	const char *key;
	json_t *value;
	json_object_foreach(obj, key, value) {
		(void)value;
		if (listed(known, key))
			continue;
		size_t i = 0;
		while (i < im->ignored_count && strcmp(im->ignored[i], key) != 0)
			i++;
		if (i < im->ignored_count)
			continue;
		if (im->ignored_count == sizeof im->ignored / sizeof im->ignored[0]) {
			im->ignored_more++;
			continue;
		}
		im->ignored[im->ignored_count] = key;
		snprintf(im->ignored_where[im->ignored_count++], sizeof im->ignored_where[0], "%s",
		         where);
	}
}

/* A string member: NULL when absent or null; a number is taken as its text (reported);
 * another type, or a text that cannot be a model text (a control character), refuses
 * the package. */
static const char *text(importer *im, json_t *obj, const char *key, const char *where)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return NULL;
	if (json_is_integer(v) || json_is_real(v)) {
		char number[64];
		if (json_is_integer(v))
			snprintf(number, sizeof number, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		else
			snprintf(number, sizeof number, "%.17g", json_real_value(v));
		if (!im->numbers_as_strings++)
			snprintf(im->number_where, sizeof im->number_where, "%s.%s", where, key);
		char *copy = cispref__arena_strdup(im->a, number);
		im->failed |= !copy;
		return copy;
	}
	if (!json_is_string(v)) {
		refuse(im, "%s.%s is not a string", where, key);
		return NULL;
	}
	const char *s = json_string_value(v);
	if (!cispref__text_is_valid(s)) {
		refuse(im, "%s.%s holds a control character that a referential cannot hold", where,
		       key);
		return NULL;
	}
	return s;
}

static int is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* lastChangeDateTime is read for what it says about the package only (the model keeps
 * no dates): RFC 3339 is YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM). Without a zone it
 * is counted as repaired (read as UTC); another form is reported. */
static void check_stamp(importer *im, json_t *obj, const char *where)
{
	const char *s = text(im, obj, "lastChangeDateTime", where);
	if (!s)
		return;
	size_t n = strlen(s), i = 19;
	int shape = n >= 19 && is_digits(s, 4) && s[4] == '-' && is_digits(s + 5, 2) &&
	            s[7] == '-' && is_digits(s + 8, 2) && (s[10] == 'T' || s[10] == 't' ||
	                                                   s[10] == ' ') &&
	            is_digits(s + 11, 2) && s[13] == ':' && is_digits(s + 14, 2) &&
	            s[16] == ':' && is_digits(s + 17, 2);
	if (shape && i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	int zone = shape && i < n && ((n == i + 1 && (s[i] == 'Z' || s[i] == 'z')) ||
	                              (n == i + 6 && (s[i] == '+' || s[i] == '-') &&
	                               is_digits(s + i + 1, 2) && s[i + 3] == ':' &&
	                               is_digits(s + i + 4, 2)));
	if (shape && i == n) {
		if (!im->stamps_without_zone++)
			snprintf(im->stamp_where, sizeof im->stamp_where, "%s", where);
	} else if (!zone) {
		if (!im->stamps_bad++)
			snprintf(im->stamp_bad_where, sizeof im->stamp_bad_where, "%s", where);
	}
}

/* A sequence number: an integer, or a string of digits (reported as repaired). */
static int sequence_of(importer *im, json_t *assoc, const char *where, long long *out)
{
	json_t *v = json_object_get(assoc, "sequenceNumber");
	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return 1;
	}
	if (json_is_real(v) && json_real_value(v) == (double)(long long)json_real_value(v)) {
		*out = (long long)json_real_value(v);
		return 1;
	}
	const char *s = json_is_string(v) ? json_string_value(v) : NULL;
	size_t n = s ? strlen(s) : 0;
	if (n && n < 19 && is_digits(s, n)) {
		if (!im->numbers_as_strings++)
			snprintf(im->number_where, sizeof im->number_where, "%s.sequenceNumber", where);
		*out = atoll(s);
		return 1;
	}
	if (v && !json_is_null(v))
		diag(im, CISPREF_SEVERITY_WARNING, "case-sequence-invalid", NULL,
		     "%s.sequenceNumber is not a number: the item is placed after the numbered "
		     "ones", where);
	return 0;
}

/* The identifier of a LinkGenURI, or its uri (some servers fill one of them only). */
static void link_of(importer *im, json_t *assoc, const char *key, const char *where,
                    const char **identifier, const char **uri)
{
	json_t *link = json_object_get(assoc, key);
	*identifier = *uri = NULL;
	char place[128];
	snprintf(place, sizeof place, "%s.%s", where, key);
	if (json_is_string(link)) { /* a bare URI, as some CASE 1.0 servers write */
		*uri = text(im, assoc, key, where);
		return;
	}
	if (!json_is_object(link))
		return;
	*identifier = text(im, link, "identifier", place);
	*uri = text(im, link, "uri", place);
}

static void report_repairs(importer *im)
{
	if (im->stamps_without_zone)
		diag(im, CISPREF_SEVERITY_INFO, "case-timestamp-no-zone", NULL,
		     "%zu lastChangeDateTime values have no time zone (the first in %s): read as "
		     "UTC", im->stamps_without_zone, im->stamp_where);
	if (im->stamps_bad)
		diag(im, CISPREF_SEVERITY_INFO, "case-timestamp-invalid", NULL,
		     "%zu lastChangeDateTime values are not RFC 3339 date-times (the first in %s): "
		     "ignored", im->stamps_bad, im->stamp_bad_where);
	if (im->numbers_as_strings)
		diag(im, CISPREF_SEVERITY_INFO, "case-type-repaired", NULL,
		     "%zu values have a number where CASE has a string or the reverse (the first "
		     "is %s): read as what CASE defines", im->numbers_as_strings, im->number_where);
	for (size_t i = 0; i < im->ignored_count; i++)
		diag(im, CISPREF_SEVERITY_INFO, "case-member-ignored", NULL,
		     "member '%s' (first in %s) is not %s: ignored", im->ignored[i],
		     im->ignored_where[i],
		     listed(case_1_0_members, im->ignored[i]) ? "a CASE 1.1 member (it is CASE 1.0's)"
		                                               : "defined by CASE 1.1");
	if (im->ignored_more)
		diag(im, CISPREF_SEVERITY_INFO, "case-member-ignored", NULL,
		     "%zu more member names that CASE 1.1 does not define: ignored",
		     im->ignored_more);
}

/* ---- the package ----------------------------------------------------------------- */

/* The JSON values of @data, counted from its structure outside strings, before jansson
 * builds them all: jansson has no limit of its own, and a file of small values (`[0,0,
 * ...]`) costs some 50 bytes of memory a byte of input. */
static int count_values(const char *data, size_t size, size_t limit, cispref_error *error,
                        const char *name)
{
	size_t values = 1;
	int in_string = 0;
	for (size_t i = 0; i < size; i++) {
		char c = data[i];
		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = 0;
		} else if (c == '"') {
			in_string = 1;
		} else if (c == ',' || c == '[' || c == '{') {
			values++;
		}
		if (limit && values > limit) {
			cispref__error_set(error, CISPREF_ELIMIT, name, 0, 0,
			                   "the package holds more than %zu JSON values, the limit",
			                   limit);
			return CISPREF_ELIMIT;
		}
	}
	return CISPREF_OK;
}

/* Whether @c is shown as U+XXXX in a message: a character that is invisible, or that a
 * terminal does not print as itself (controls, format characters such as the BOM U+FEFF
 * or U+200B, separators other than the space, unassigned and private-use code points). */
static int invisible(utf8proc_int32_t c)
{
	if (c == ' ')
		return 0;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
	case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return 1;
	default:
		return 0;
	}
}

/* jansson's message (which quotes the token it stopped at, "near '...'") with every
 * invisible character as U+XXXX and every byte that is not UTF-8 as \xNN, so that the
 * message says what is there. */
static void visible_text(char *out, size_t size, const char *text)
{
	size_t n = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
	while (*p && n + 1 < size) {
		utf8proc_int32_t c;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &c);
		char shown[16];
		if (len <= 0) {
			snprintf(shown, sizeof shown, "\\x%02X", (unsigned)*p);
			len = 1;
		} else if (invisible(c)) {
			snprintf(shown, sizeof shown, "U+%04X", (unsigned)c);
		} else {
			snprintf(shown, sizeof shown, "%.*s", (int)len, (const char *)p);
		}
		size_t w = strlen(shown);
		if (n + w >= size)
			break;
		memcpy(out + n, shown, w);
		n += w;
		p += len;
	}
	out[n] = '\0';
}

static int parse(importer *im, const char *data, size_t size, cispref_error *error)
{
	json_error_t e;
	int rc = count_values(data, size, im->o->max_values, error, im->name);
	if (rc)
		return rc;
	/* RFC 8259 section 8.1: a parser may ignore a BOM, and Windows tools write one, as
	 * they do before the XML and the Moodle CSV the other importers read. */
	if (size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		size -= 3;
	}
	json_t *root = json_loadb(data, size, 0, &e);
	if (!root) {
		/* jansson counts lines from 1 and columns in characters from 1; the error
		 * carries them, the text does not repeat them */
		char text[sizeof e.text * 6];
		visible_text(text, sizeof text, e.text);
		cispref__error_set(error, CISPREF_EFORMAT, im->name,
		                   e.line > 0 ? (unsigned long)e.line : 0,
		                   e.column > 0 ? (unsigned long)e.column : 0, "not JSON: %s", text);
		return CISPREF_EFORMAT;
	}
	im->top = im->package = root;
	json_t *inner = json_is_object(root) ? json_object_get(root, "CFPackage") : NULL;
	if (json_is_object(inner) && !json_object_get(root, "CFDocument")) {
		diag(im, CISPREF_SEVERITY_INFO, "case-wrapper", NULL,
		     "the package is wrapped in {\"CFPackage\": ...}: read inside it");
		im->package = root = inner;
	}
	im->document = json_is_object(root) ? json_object_get(root, "CFDocument") : NULL;
	if (!json_is_object(im->document)) {
		cispref__error_set(error, CISPREF_EFORMAT, im->name, 0, 0,
		                   "no CFDocument object: this is not a CASE package");
		return CISPREF_EFORMAT;
	}
	json_t *items = json_object_get(root, "CFItems");
	json_t *assocs = json_object_get(root, "CFAssociations");
	json_t *defs = json_object_get(root, "CFDefinitions");
	if ((items && !json_is_array(items)) || (assocs && !json_is_array(assocs)) ||
	    (defs && !json_is_object(defs) && !json_is_null(defs))) {
		cispref__error_set(error, CISPREF_EFORMAT, im->name, 0, 0,
		                   "CFItems and CFAssociations must be arrays, CFDefinitions an "
		                   "object");
		return CISPREF_EFORMAT;
	}
	return CISPREF_OK;
}

static json_t *package_member(importer *im, const char *key)
{
	return json_object_get(im->package, key);
}

static void read_document(importer *im)
{
	check_members(im, im->document, document_members, "CFDocument");
	check_stamp(im, im->document, "CFDocument");
	im->doc_identifier = text(im, im->document, "identifier", "CFDocument");
	im->doc_uri = text(im, im->document, "uri", "CFDocument");
	json_t *ext = json_object_get(json_object_get(im->document, "extensions"), CASE_EXTENSION);
	json_t *format = json_object_get(ext, "format");
	if (json_is_object(ext) && json_is_string(format) &&
	    strcmp(json_string_value(format), CASE_EXTENSION_FORMAT) == 0)
		im->cispref = ext;
}

static void read_items(importer *im)
{
	json_t *items = package_member(im, "CFItems"), *obj;
	size_t i;
	json_array_foreach(items, i, obj) {
		char where[64];
		snprintf(where, sizeof where, "CFItems[%zu]", i);
		if (!json_is_object(obj)) {
			refuse(im, "%s is not an object", where);
			return;
		}
		citem *c = cispref__arena_alloc(im->a, sizeof *c);
		if (!c) {
			im->failed = 1;
			return;
		}
		c->obj = obj;
		c->index = i;
		c->role = -1;
		check_members(im, obj, item_members, where);
		check_stamp(im, obj, where);
		c->identifier = text(im, obj, "identifier", where);
		c->statement = text(im, obj, "fullStatement", where);
		c->code = text(im, obj, "humanCodingScheme", where);
		c->notes = text(im, obj, "notes", where);
		if (im->bad)
			return;
		if (!c->identifier || !*c->identifier) {
			diag(im, CISPREF_SEVERITY_ERROR, "case-identifier-missing", NULL,
			     "%s has no identifier: no association can name it, it is dropped", where);
			continue;
		}
		int added = cispref__strmap_add(&im->by_identifier, c);
		if (added < 0)
			im->failed = 1;
		else if (added > 0)
			diag(im, CISPREF_SEVERITY_ERROR, "case-identifier-duplicate", NULL,
			     "%s has the identifier '%s' of CFItems[%zu]: it is dropped", where,
			     c->identifier,
			     ((citem *)cispref__strmap_find(&im->by_identifier, c->identifier))->index);
		else
			im->failed |= cispref__vec_push(im->a, &im->items, c) != 0;
		const char *uri = json_string_value(json_object_get(obj, "uri"));
		if (added == 0 && uri && !cispref__strmap_find(&im->by_uri, uri))
			add_keyed(im, &im->by_uri, uri, c);
		if (im->failed)
			return;
	}
}

/* ---- the tree -------------------------------------------------------------------- */

static int is_document(importer *im, const char *identifier, const char *uri)
{
	return (identifier && im->doc_identifier && strcmp(identifier, im->doc_identifier) == 0) ||
	       (!identifier && uri && im->doc_uri && strcmp(uri, im->doc_uri) == 0);
}

/* The CFItem a link names: by identifier, else by uri (a bare-URI link). */
static citem *find_item(importer *im, const char *identifier, const char *uri)
{
	if (identifier)
		return cispref__strmap_find(&im->by_identifier, identifier);
	return find_keyed(&im->by_uri, uri);
}

/* One isChildOf: the child keeps the association of smallest identifier when it has
 * several (a tree has one parent), whatever their order in the file. */
static void child_of(importer *im, json_t *assoc, const char *where)
{
	const char *oid, *ouri, *did, *duri;
	link_of(im, assoc, "originNodeURI", where, &oid, &ouri);
	link_of(im, assoc, "destinationNodeURI", where, &did, &duri);
	const char *id = text(im, assoc, "identifier", where);
	citem *child = find_item(im, oid, ouri);
	if (im->bad)
		return;
	if (!child) {
		diag(im, CISPREF_SEVERITY_WARNING, "case-association-unknown", NULL,
		     "%s starts from '%s', which no CFItem is: ignored", where,
		     oid ? oid : ouri ? ouri : "(nothing)");
		return;
	}
	citem *parent = NULL;
	int to_document = is_document(im, did, duri);
	if (!to_document && !(parent = find_item(im, did, duri))) {
		diag(im, CISPREF_SEVERITY_WARNING, "case-association-unknown", NULL,
		     "%s leads to '%s', which is neither the CFDocument nor a CFItem: ignored",
		     where, did ? did : duri ? duri : "(nothing)");
		return;
	}
	id = id ? id : "";
	if (child->linked) {
		int replace = strcmp(id, child->link_id) < 0;
		diag(im, CISPREF_SEVERITY_WARNING, "case-parent-extra", NULL,
		     "CFItems[%zu] is the child of several nodes: association '%s' is kept, "
		     "'%s' ignored", child->index, replace ? id : child->link_id,
		     replace ? child->link_id : id);
		if (!replace)
			return;
	}
	child->linked = 1;
	child->link_id = id;
	child->t.parent = parent ? &parent->t : NULL; /* NULL: the CFDocument */
	child->has_sequence = sequence_of(im, assoc, where, &child->sequence);
}

/* One replacedBy (doc/format.md, "Editions"): kept when both ends are CFItems; of
 * several from one item, the one of smallest identifier, as for isChildOf. */
static void replaced_by(importer *im, json_t *assoc, const char *where)
{
	const char *oid, *ouri, *did, *duri;
	link_of(im, assoc, "originNodeURI", where, &oid, &ouri);
	link_of(im, assoc, "destinationNodeURI", where, &did, &duri);
	const char *id = text(im, assoc, "identifier", where);
	citem *from = find_item(im, oid, ouri), *to = find_item(im, did, duri);
	if (im->bad)
		return;
	if (!from || !to) {
		diag(im, CISPREF_SEVERITY_WARNING, "case-association-unknown", NULL,
		     "%s (replacedBy) joins '%s' to '%s', not two CFItems: ignored", where,
		     oid ? oid : ouri ? ouri : "(nothing)", did ? did : duri ? duri : "(nothing)");
		return;
	}
	id = id ? id : "";
	if (from->replaced_by && strcmp(id, from->replaced_link) >= 0)
		return;
	from->replaced_by = to;
	from->replaced_link = id;
}

static void read_associations(importer *im)
{
	json_t *assocs = package_member(im, "CFAssociations"), *obj;
	size_t i, other = 0;
	const char *other_type = NULL;
	json_array_foreach(assocs, i, obj) {
		char where[64];
		snprintf(where, sizeof where, "CFAssociations[%zu]", i);
		if (!json_is_object(obj)) {
			refuse(im, "%s is not an object", where);
			return;
		}
		check_members(im, obj, association_members, where);
		check_stamp(im, obj, where);
		const char *type = text(im, obj, "associationType", where);
		if (type && strcmp(type, "isChildOf") == 0)
			child_of(im, obj, where);
		else if (type && strcmp(type, "replacedBy") == 0)
			replaced_by(im, obj, where);
		else if (!other++)
			other_type = type ? type : "(none)";
		if (im->bad || im->failed)
			return;
	}
	if (other)
		diag(im, CISPREF_SEVERITY_INFO, "case-association-dropped", NULL,
		     "%zu associations other than isChildOf and replacedBy (the first of type '%s') have no place "
		     "in the model", other, other_type);
}

/* Siblings by sequence number, the unnumbered after the numbered, then by
 * humanCodingScheme and identifier: never by file order. */
static int sibling_order(const void *a, const void *b)
{
	const citem *x = *(citem *const *)a, *y = *(citem *const *)b;
	if (x->has_sequence != y->has_sequence)
		return x->has_sequence ? -1 : 1;
	if (x->has_sequence && x->sequence != y->sequence)
		return x->sequence < y->sequence ? -1 : 1;
	int c = strcmp(x->code ? x->code : "", y->code ? y->code : "");
	return c ? c : strcmp(x->identifier, y->identifier);
}

static void link_tree(importer *im)
{
	for (size_t i = 0; i < im->items.count && !im->failed; i++) {
		citem *c = im->items.items[i];
		if (!c->linked)
			diag(im, CISPREF_SEVERITY_ERROR, "case-item-orphan", c->code,
			     "CFItems[%zu] ('%s') is the child of nothing (no isChildOf): dropped",
			     c->index, c->statement ? c->statement : c->identifier);
		else
			im->failed |= cispref__vec_push(im->a, c->t.parent ? &c->t.parent->children
			                                                   : &im->roots, c) != 0;
	}
	if (im->roots.count)
		qsort(im->roots.items, im->roots.count, sizeof(void *), sibling_order);
	for (size_t i = 0; i < im->items.count; i++) {
		citem *c = im->items.items[i];
		/* ordered by sequence once linked */
		if (c->t.children.count)
			qsort(c->t.children.items, c->t.children.count, sizeof(void *), sibling_order);
	}
}

/* An item linked but not reached is in a cycle of parents, or under one. */
static void report_unreached(importer *im)
{
	for (size_t i = 0; i < im->items.count && !im->failed; i++) {
		citem *start = im->items.items[i];
		if (!start->linked || start->t.state)
			continue;
		vec path = {0};
		tree_node *cycle;
		im->failed |= cispref__tree_climb(im->a, &start->t, &path, &cycle) != 0;
		int in_cycle = 0;
		for (size_t p = 0; p < path.count && !im->failed; p++) {
			citem *e = path.items[p], *parent = (citem *)e->t.parent;
			in_cycle |= &e->t == cycle;
			if (in_cycle)
				diag(im, CISPREF_SEVERITY_ERROR, "case-parent-cycle", e->code,
				     "CFItems[%zu] is in a cycle of isChildOf associations: dropped",
				     e->index);
			else
				diag(im, CISPREF_SEVERITY_ERROR, "case-ancestor-dropped", e->code,
				     "CFItems[%zu] is under CFItems[%zu], which is dropped: dropped too",
				     e->index, parent ? parent->index : 0);
			e->t.state = 2;
		}
	}
}

/* ---- building: common ------------------------------------------------------------ */

static char *copy(importer *im, const char *s)
{
	char *c = cispref__arena_strdup(im->ref->arena, s ? s : "");
	im->failed |= !c;
	return c;
}

/* @want made into an id (cispref__import_id()); the change reported when @where names
 * the item it is read from (NULL: the id is made up). */
static const char *unique_id(importer *im, const char *want, const char *where)
{
	const char *id = cispref__import_id(im->a, im->ref, want);
	im->failed |= !id;
	if (id && where && strcmp(id, want) != 0)
		diag(im, CISPREF_SEVERITY_INFO, "case-id-changed", id,
		     "humanCodingScheme '%s' of %s is not a cispref id: it becomes '%s'", want, where,
		     id);
	return id;
}

/* ---- cispref's convention -------------------------------------------------------- */

static int role_of(const citem *c)
{
	const char *type = json_string_value(json_object_get(c->obj, "CFItemType"));
	for (int r = 0; type && r < CASE_ROLE_COUNT; r++)
		if (strcmp(type, cispref__case_item_types[r].title) == 0)
			return r;
	return -1;
}

/* Whether every item kept has one of our types, an id as humanCodingScheme, and a
 * parent of the role the model puts above it. */
static int follows_convention(importer *im)
{
	if (!im->cispref || (im->o->flags & CISPREF_CASE_FOREIGN))
		return 0;
	for (size_t i = 0; i < im->items.count; i++) {
		citem *c = im->items.items[i];
		if (!c->t.reached)
			continue;
		c->role = role_of(c);
		if (c->role < 0 || !c->code || !cispref__id_is_valid(c->code) || !c->statement)
			goto broken;
	}
	for (size_t i = 0; i < im->items.count; i++) {
		citem *c = im->items.items[i];
		if (!c->t.reached)
			continue;
		int want = c->role == CASE_DOMAIN ? -1
		           : c->role <= CASE_COMPETENCE ? c->role - 1 : CASE_COMPETENCE;
		const citem *parent = (const citem *)c->t.parent;
		if (want < 0 ? parent != NULL : !parent || parent->role != want)
			goto broken;
	}
	return 1;
broken:
	diag(im, CISPREF_SEVERITY_INFO, "case-convention-broken", NULL,
	     "the package says cispref wrote it, but its items do not follow cispref's types "
	     "and tree: read by the depth mapping");
	return 0;
}

static json_t *extension(json_t *obj)
{
	return json_object_get(json_object_get(obj, "extensions"), CASE_EXTENSION);
}

/* A text of our extension: NULL when absent; refuses what a model text cannot hold. */
static const char *ext_text(importer *im, json_t *obj, const char *key, const char *where)
{
	return json_is_object(obj) ? text(im, obj, key, where) : NULL;
}

static void convention_referential(importer *im)
{
	cispref_referential *ref = im->ref;
	const char *id = ext_text(im, im->cispref, "id", "CFDocument.extensions.cispref");
	ref->id = copy(im, id && cispref__id_is_valid(id) ? id : "case");
	ref->title = copy(im, text(im, im->document, "title", "CFDocument"));
	ref->version = copy(im, text(im, im->document, "version", "CFDocument"));
	ref->language = copy(im, text(im, im->document, "language", "CFDocument"));
	json_t *source = json_object_get(im->cispref, "source");
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++) {
		const char *v = ext_text(im, source,
		                         cispref_source_field_name((cispref_source_field_t)f),
		                         "CFDocument.extensions.cispref.source");
		ref->source[f] = v ? copy(im, v) : NULL;
	}
	json_t *notes = json_object_get(im->cispref, "notes"), *n;
	size_t i;
	json_array_foreach(notes, i, n) {
		const char *where = "CFDocument.extensions.cispref.notes";
		const char *nid = ext_text(im, n, "id", where);
		const char *number = ext_text(im, n, "number", where);
		const char *t = ext_text(im, n, "text", where);
		if (nid && !cispref__note_create(ref, copy(im, nid), copy(im, number), copy(im, t)))
			im->failed = 1;
	}
	json_t *concepts = json_object_get(package_member(im, "CFDefinitions"), "CFConcepts"), *c;
	json_array_foreach(concepts, i, c) {
		const char *where = "CFDefinitions.CFConcepts";
		const char *cid = ext_text(im, c, "hierarchyCode", where);
		const char *identifier = ext_text(im, c, "identifier", where);
		if (cid && identifier && !cispref__strmap_find(&im->concepts, identifier))
			add_keyed(im, &im->concepts, identifier, (void *)cid);
		const char *label = ext_text(im, c, "title", where);
		const char *kind = ext_text(im, extension(c), "kind", where);
		cispref_item_kind_t k = CISPREF_ITEM_SAVOIR_FAIRE;
		if (kind && cispref_item_kind_from_name(&k, kind) != 0)
			k = CISPREF_ITEM_SAVOIR_FAIRE;
		if (cid && !cispref__concept_create(ref, copy(im, cid), k, copy(im, label)))
			im->failed = 1;
	}
}

/* The concept an item names by conceptKeywordsURI: the CFConcept of that identifier. */
static const char *concept_of(importer *im, citem *c)
{
	const char *identifier = json_string_value(
		json_object_get(json_object_get(c->obj, "conceptKeywordsURI"), "identifier"));
	return find_keyed(&im->concepts, identifier);
}

static void convention_summary(importer *im, cispref_domain *d, json_t *ext)
{
	json_t *summary = json_object_get(ext, "summary"), *e;
	size_t i;
	json_array_foreach(summary, i, e) {
		const char *where = "extensions.cispref.summary";
		const char *sid = ext_text(im, e, "id", where);
		const char *plan = ext_text(im, e, "plan", where);
		const char *t = ext_text(im, e, "text", where);
		const char *competence = ext_text(im, e, "competence", where);
		cispref_plan_kind_t kind = CISPREF_PLAN_INDIVIDUAL;
		if (plan && cispref_plan_kind_from_name(&kind, plan) != 0)
			kind = CISPREF_PLAN_INDIVIDUAL;
		if (sid && !cispref__summary_entry_create(d, copy(im, sid), kind, copy(im, t),
		                                          competence ? copy(im, competence) : NULL))
			im->failed = 1;
	}
}

static void *convention_node(void *context, tree_node *tree, void *parent)
{
	importer *im = context;
	citem *c = (citem *)tree;
	json_t *ext = extension(c->obj);
	const char *kind = ext_text(im, ext, "kind", "extensions.cispref");
	char *id = copy(im, c->code), *title = copy(im, c->statement);
	node *made = NULL;
	if (c->role == CASE_DOMAIN) {
		cispref_domain_kind_t k = CISPREF_DOMAIN_CORE;
		if (kind && cispref_domain_kind_from_name(&k, kind) != 0)
			k = CISPREF_DOMAIN_CORE;
		cispref_domain *d = cispref__domain_create(im->ref, id, k, title);
		if (d)
			convention_summary(im, d, ext);
		made = d ? &d->node : NULL;
	} else if (c->role == CASE_PLAN) {
		cispref_plan_kind_t k = CISPREF_PLAN_INDIVIDUAL;
		if (kind && cispref_plan_kind_from_name(&k, kind) != 0)
			k = CISPREF_PLAN_INDIVIDUAL;
		cispref_plan *p = cispref__plan_create(parent, id, k, title);
		made = p ? &p->node : NULL;
	} else if (c->role == CASE_COMPETENCE) {
		cispref_competence *comp = cispref__competence_create(parent, id, title);
		json_t *notes = json_object_get(ext, "notes"), *n;
		size_t i;
		json_array_foreach(notes, i, n) {
			if (comp && json_is_string(n) && cispref__id_is_valid(json_string_value(n)))
				im->failed |= cispref__competence_add_note_id(
					comp, copy(im, json_string_value(n))) != 0;
		}
		made = comp ? &comp->node : NULL;
	} else {
		const char *concept = concept_of(im, c);
		cispref_item *it = cispref__item_create(parent, id,
		                                        (cispref_item_kind_t)(c->role -
		                                                              CASE_SAVOIR_FAIRE),
		                                        title, concept ? copy(im, concept) : NULL);
		made = it ? &it->node : NULL;
	}
	im->failed |= !made;
	c->made = made;
	return made;
}

/* The replacedBy associations kept, as edition links of the nodes made (a package of
 * cispref's convention: the nodes of a foreign one are made otherwise). */
static void convention_replacements(importer *im)
{
	for (size_t i = 0; i < im->items.count && !im->failed; i++) {
		citem *c = im->items.items[i];
		if (c->made && c->replaced_by && c->replaced_by->made)
			im->failed |= cispref__edition_set(im->ref, c->made, 1,
			                                   c->replaced_by->made->id) != 0;
	}
}

/* ---- a foreign package: the depth mapping ---------------------------------------- */

/* A competence's notes become a note it refers to. */
static void keep_notes(importer *im, cispref_competence *comp, const char *notes)
{
	char want[512], number[32];
	snprintf(want, sizeof want, "%s.notes", comp->node.id);
	snprintf(number, sizeof number, "%zu", ++im->notes_made);
	const char *id = unique_id(im, want, NULL);
	cispref_note *note = id ? cispref__note_create(im->ref, id, copy(im, number),
	                                               copy(im, notes)) : NULL;
	im->failed |= !note || cispref__competence_add_note_id(comp, id) != 0;
}

static void *foreign_node(void *context, tree_node *tree, void *parent)
{
	importer *im = context;
	citem *c = (citem *)tree;
	depth_place *p = cispref__arena_alloc(im->a, sizeof *p);
	if (!p) {
		im->failed = 1;
		return NULL;
	}
	if (parent)
		*p = *(depth_place *)parent;
	else if (im->top_place)
		*p = *im->top_place;
	char where[64], want[64];
	snprintf(where, sizeof where, "CFItems[%zu]", c->index);
	const char *code = c->code && *c->code ? c->code : NULL;
	if (!code) /* no code: the identifier, which every item has */
		snprintf(want, sizeof want, "case-%.40s", c->identifier);
	const char *id = unique_id(im, code ? code : want, code ? where : NULL);
	const char *title = c->statement;
	if (!title || !*title) {
		diag(im, CISPREF_SEVERITY_WARNING, "case-statement-empty", id,
		     "%s has no fullStatement: its humanCodingScheme or identifier is its text",
		     where);
		title = code ? code : c->identifier;
	}
	if (!id)
		return NULL;
	depth_role r = cispref__depth_map_role(&im->depths, c->t.depth);
	node *made = cispref__depth_place_node(im->ref, im->a, p, r, id, title);
	if (!made) {
		im->failed = 1;
		return NULL;
	}
	if (!parent) /* one made-up domain and plan for all the roots */
		im->top_place = p;
	if (c->notes && *c->notes && r == DEPTH_COMPETENCE)
		keep_notes(im, p->competence, c->notes);
	else if (c->notes && *c->notes)
		diag(im, CISPREF_SEVERITY_INFO, "case-notes-dropped", id,
		     "the notes of %s have no place in the model", where);
	return p;
}

static void foreign_referential(importer *im)
{
	cispref_referential *ref = im->ref;
	char want[64];
	snprintf(want, sizeof want, "case-%.40s", im->doc_identifier ? im->doc_identifier : "");
	const char *id = unique_id(im, want, NULL);
	ref->id = copy(im, id);
	const char *title = text(im, im->document, "title", "CFDocument");
	const char *version = text(im, im->document, "version", "CFDocument");
	const char *language = text(im, im->document, "language", "CFDocument");
	const char *publisher = text(im, im->document, "publisher", "CFDocument");
	const char *creator = text(im, im->document, "creator", "CFDocument");
	ref->title = copy(im, title ? title : "");
	ref->version = copy(im, version && *version ? version : "1");
	ref->language = copy(im, language && *language ? language : "und");
	if (publisher || creator)
		ref->source[CISPREF_SOURCE_PUBLISHER] = copy(im, publisher ? publisher : creator);
}

/* ---- the entry ------------------------------------------------------------------- */

/* The namespace: the CFDocument's identifier when it is a canonical UUID (cispref's
 * packages, and most others: node UUIDs of a re-export then stay in its namespace),
 * else the one derived from the id; the base URI from cispref's extension. */
static void set_identity(importer *im)
{
	char why[256];
	const char *uuid = im->doc_identifier;
	const char *base_uri = im->cispref && !(im->o->flags & CISPREF_CASE_FOREIGN)
	                           ? json_string_value(json_object_get(im->cispref, "baseURI"))
	                           : NULL;
	if (uuid && cispref__identity_check(uuid, NULL, why, sizeof why) != 0)
		uuid = NULL;
	if (base_uri && cispref__identity_check(NULL, base_uri, why, sizeof why) != 0) {
		diag(im, CISPREF_SEVERITY_WARNING, "case-identity-invalid", NULL, "%s: ignored", why);
		base_uri = NULL;
	}
	im->failed |= cispref__identity_set(im->ref, uuid, base_uri) != CISPREF_OK;
}

static int build(importer *im, const char *data, size_t size, cispref_error *error)
{
	int rc = parse(im, data, size, error);
	if (rc)
		return rc;
	read_document(im);
	if (!im->bad && !im->failed)
		read_items(im);
	if (!im->bad && !im->failed)
		read_associations(im);
	if (im->bad)
		return CISPREF_EFORMAT;
	link_tree(im);
	im->failed |= cispref__tree_reach(im->a, &im->roots) != 0;
	report_unreached(im);
	if (!im->failed && !(im->ref = cispref__referential_create()))
		im->failed = 1;
	if (!im->failed && !(im->ref->origin = cispref__arena_strdup(im->ref->arena, im->name)))
		im->failed = 1;
	if (!im->failed && follows_convention(im)) {
		convention_referential(im);
		im->failed |= cispref__tree_walk(&im->roots, convention_node, im, &im->failed) != 0;
		convention_replacements(im);
	} else if (!im->failed) {
		foreign_referential(im);
		im->failed |= cispref__tree_walk(&im->roots, foreign_node, im, &im->failed) != 0;
	}
	if (im->bad)
		return CISPREF_EFORMAT;
	report_repairs(im);
	if (!im->failed)
		set_identity(im);
	/* the validator's findings follow the import's, without lines: JSON keeps none */
	return cispref__import_finish(im->diags, im->ref, im->name, 0, im->failed, error);
}

void cispref_case_options_init(cispref_case_options *options)
{
	static const cispref_case_options defaults = CISPREF_CASE_OPTIONS_INIT;
	if (options)
		*options = defaults;
}

static int options_of(cispref_case_options *out, const cispref_case_options *in,
                      cispref_error *error)
{
	cispref_case_options_init(out);
	if (!in)
		return CISPREF_OK;
	if (in->version != CISPREF_CASE_OPTIONS_VERSION) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0,
		                   "unknown version %u of cispref_case_options", in->version);
		return CISPREF_EARG;
	}
	*out = *in;
	return cispref__refuse_unknown_flags(error, NULL, in->flags, CISPREF_CASE_FOREIGN,
	                                     "flags of cispref_case_options",
	                                     "CISPREF_CASE_FOREIGN");
}

int cispref_case_import_memory(cispref_referential **out, cispref_diagnostics **diagnostics,
                               const char *data, size_t size, const char *name,
                               const cispref_case_options *options, cispref_error *error)
{
	cispref_case_options o;
	if (!out || (!data && size)) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc = options_of(&o, options, error);
	importer im = {0};
	im.o = &o;
	im.name = name ? name : "<memory>";
	im.error = error;
	if (!rc)
		rc = cispref__depth_map_parse(&im.depths, o.depths, error);
	if (rc)
		return rc;
	if (o.max_input_size && size > o.max_input_size) {
		cispref__error_set(error, CISPREF_ELIMIT, im.name, 0, 0,
		                   "the input is %zu bytes, more than the limit of %zu", size,
		                   o.max_input_size);
		return CISPREF_ELIMIT;
	}
	if (!(im.a = cispref__arena_new()) || !(im.diags = cispref__diagnostics_new())) {
		cispref__arena_free(im.a);
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	cispref__strmap_init(&im.by_identifier, citem_key);
	cispref__strmap_init(&im.by_uri, keyed_key);
	cispref__strmap_init(&im.concepts, keyed_key);
	rc = build(&im, data ? data : "", size, error);
	cispref__strmap_free(&im.by_identifier);
	cispref__strmap_free(&im.by_uri);
	cispref__strmap_free(&im.concepts);
	json_decref(im.top);
	cispref__arena_free(im.a);
	return cispref__import_hand_over(out, diagnostics, im.ref, im.diags, rc);
}

int cispref_case_import_file(cispref_referential **out, cispref_diagnostics **diagnostics,
                             const char *path, const cispref_case_options *options,
                             cispref_error *error)
{
	cispref_case_options o;
	if (!out || !path) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc = options_of(&o, options, error);
	char *data = NULL;
	size_t size = 0;
	if (!rc)
		rc = cispref__read_regular_file(&data, &size, path, o.max_input_size, error);
	if (!rc)
		rc = cispref_case_import_memory(out, diagnostics, data, size, path, &o, error);
	free(data);
	return rc;
}
