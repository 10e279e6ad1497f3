/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The SKOS export: the referential as a SKOS concept scheme (W3C SKOS Reference) in
 * RDF 1.1 Turtle, mapped as doc/interchange.md ("SKOS and ESCO") says: the referential is
 * the skos:ConceptScheme, every domain, plan, competence, item and shared concept a
 * skos:Concept, the tree broader/narrower both ways, a concept skos:related to the items
 * that point to it, the notes skos:note on the competences that refer to them. What SKOS
 * has no word for, the kind of each node, is said in cispref's own vocabulary (prefix
 * cispref:, the XML format's namespace with '#'): a class per kind of node
 * (cispref:Domain, ...) beside skos:Concept, and cispref:kind the model's word for a
 * domain's, plan's, item's or shared concept's kind (cispref:savoir-faire, ...).
 *
 * Written by hand rather than with raptor2's or serd's serialiser: the output is a fixed
 * shape of a handful of statements, the only rules it needs are the escaping of string
 * literals (STRING_LITERAL_QUOTE, ECHAR, UCHAR) and the characters IRIREF excludes, and a
 * serialiser would make every user of the library load an RDF stack (raptor2 brings
 * libcurl and libxslt) for one export. The test suite parses the output with rapper. */
#include <stdio.h>
#include <string.h>

#include "identity.h"
#include "private.h"

typedef struct ttl {
	xmlBufferPtr out;
	const cispref_referential *ref;
	cispref_error *error;
	int rc; /* the first failure; later writes do nothing */
} ttl;

static void put(ttl *w, const char *s, size_t n)
{
	if (!w->rc && n && xmlBufferAdd(w->out, (const xmlChar *)s, (int)n) != 0) {
		w->rc = CISPREF_ENOMEM;
		cispref__error_set(w->error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
	}
}

static void puts_(ttl *w, const char *s)
{
	put(w, s, strlen(s));
}

/* Turtle 1.1 [18] IRIREF: no control character, space, or any of <>"{}|^`\ . */
static int iri_char_ok(unsigned char c)
{
	return c > 0x20 && c != 0x7f && !strchr("<>\"{}|^`\\", c);
}

static int iri_add(xmlBufferPtr out, const char *part)
{
	for (const char *p = part; *p; p++)
		if (!iri_char_ok((unsigned char)*p))
			return CISPREF_EFORMAT;
	return xmlBufferCat(out, (const xmlChar *)part) == 0 ? CISPREF_OK : CISPREF_ENOMEM;
}

/* With a base URI, a node's IRI is its URI (base and id) and the scheme's the base URI
 * itself (model.h: the referential's URI); without one, the URN of its UUID (RFC 4122
 * section 3): the node's version-5 UUID, the referential's namespace UUID. */
int cispref__skos_iri(xmlBufferPtr out, const cispref_referential *ref, const char *id)
{
	char uuid[CISPREF_UUID_STRING_SIZE];
	if (ref->base_uri) {
		int rc = iri_add(out, ref->base_uri);
		return rc || !id ? rc : iri_add(out, id);
	}
	if (id)
		cispref__identity_node_uuid(uuid, ref, id);
	int rc = iri_add(out, "urn:uuid:");
	return rc ? rc : iri_add(out, id ? uuid : ref->uuid);
}

/* A node's IRI between angle brackets; @id NULL names the scheme. */
static void iri(ttl *w, const char *id)
{
	if (w->rc)
		return;
	put(w, "<", 1);
	int rc = w->rc ? w->rc : cispref__skos_iri(w->out, w->ref, id);
	if (rc == CISPREF_EFORMAT)
		cispref__error_set(w->error, rc, NULL, 0, 0,
		                   "the IRI of %s%s%s would hold a character that a Turtle IRI "
		                   "cannot (a space, a control character or one of <>\"{}|^`\\)",
		                   id ? "node '" : "the referential", id ? id : "", id ? "'" : "");
	else if (rc == CISPREF_ENOMEM)
		cispref__error_set(w->error, rc, NULL, 0, 0, "out of memory");
	if (rc && !w->rc)
		w->rc = rc;
	put(w, ">", 1);
}

/* A string literal between double quotes: '"', '\', line feed and carriage return must
 * be escaped (STRING_LITERAL_QUOTE); the other ECHARs are escaped too, and the remaining
 * control characters as \u00XX, so that the file shows no raw control character. Other
 * bytes, UTF-8 included, go as they are. */
static void string(ttl *w, const char *text)
{
	put(w, "\"", 1);
	const char *run = text;
	for (const char *p = text; *p; p++) {
		unsigned char c = (unsigned char)*p;
		const char *escape = NULL;
		char hex[8];
		switch (c) {
		case '"': escape = "\\\""; break;
		case '\\': escape = "\\\\"; break;
		case '\n': escape = "\\n"; break;
		case '\r': escape = "\\r"; break;
		case '\t': escape = "\\t"; break;
		case '\b': escape = "\\b"; break;
		case '\f': escape = "\\f"; break;
		default:
			if (c < 0x20 || c == 0x7f) {
				snprintf(hex, sizeof hex, "\\u%04X", c);
				escape = hex;
			}
		}
		if (!escape)
			continue;
		put(w, run, (size_t)(p - run));
		puts_(w, escape);
		run = p + 1;
	}
	puts_(w, run);
	put(w, "\"", 1);
}

/* Turtle 1.1 [144s] LANGTAG: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*, which every well-formed
 * BCP 47 tag matches. */
static int langtag_ok(const char *tag)
{
	size_t first = strspn(tag, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
	if (first == 0)
		return 0;
	for (const char *p = tag + first; *p;) {
		if (*p++ != '-')
			return 0;
		size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
		if (n == 0)
			return 0;
		p += n;
	}
	return 1;
}

/* "<IRI>\n    a skos:Concept, cispref:CLASS": the start of a node's statement. A node
 * without an id (a lenient load keeps one) has no IRI: the export fails rather than
 * invent one. */
static void subject(ttl *w, const char *id, const char *class)
{
	if (!w->rc && !id) {
		w->rc = CISPREF_EFORMAT;
		cispref__error_set(w->error, w->rc, NULL, 0, 0,
		                   "a node (cispref:%s) has no id, so it has no IRI", class);
	}
	iri(w, id);
	puts_(w, "\n    a skos:Concept, cispref:");
	puts_(w, class);
}

static void relation(ttl *w, const char *predicate, const char *id)
{
	puts_(w, " ;\n    ");
	puts_(w, predicate);
	put(w, " ", 1);
	iri(w, id);
}

/* A literal in the referential's language; nothing when the text is missing. */
static void text(ttl *w, const char *predicate, const char *value)
{
	if (!value)
		return;
	puts_(w, " ;\n    ");
	puts_(w, predicate);
	put(w, " ", 1);
	string(w, value);
	put(w, "@", 1);
	puts_(w, w->ref->language);
}

/* The translations of node @id (doc/translation.md), one literal per language: SKOS
 * allows one skos:prefLabel per language tag, and a BCP 47 tag well-formed (the loader
 * and the builder check it) is a Turtle LANGTAG. */
static void translated(ttl *w, const char *predicate, const char *id)
{
	size_t count = cispref_referential_translation_language_count(w->ref);
	for (size_t i = 0; id && i < count; i++) {
		const char *language = cispref_referential_translation_language(w->ref, i);
		const char *value = cispref_referential_translation(w->ref, id, language);
		if (!value)
			continue;
		puts_(w, " ;\n    ");
		puts_(w, predicate);
		put(w, " ", 1);
		string(w, value);
		put(w, "@", 1);
		puts_(w, language);
	}
}

/* A literal without language: ids and the version are codes, not words. */
static void code(ttl *w, const char *predicate, const char *value)
{
	if (!value)
		return;
	puts_(w, " ;\n    ");
	puts_(w, predicate);
	put(w, " ", 1);
	string(w, value);
}

/* What every concept has: its classes, scheme, label and notation (the id). */
static void concept(ttl *w, const char *id, const char *class, const char *label)
{
	subject(w, id, class);
	relation(w, "skos:inScheme", NULL);
	text(w, "skos:prefLabel", label);
	translated(w, "skos:prefLabel", id);
	code(w, "skos:notation", id);
}

/* "cispref:kind cispref:NAME", the model's word for the kind (cispref_*_kind_name(),
 * words that are all Turtle local names); nothing for a kind out of range. */
static void kind(ttl *w, const char *name)
{
	if (!name)
		return;
	puts_(w, " ;\n    cispref:kind cispref:");
	puts_(w, name);
}

static void end(ttl *w)
{
	puts_(w, " .\n\n");
}

static void write_item(ttl *w, const cispref_item *item)
{
	const cispref_concept *shared =
		cispref_referential_find_concept(w->ref, item->concept_id);
	concept(w, item->node.id, "Item", item->text);
	kind(w, cispref_item_kind_name(item->node.kind));
	relation(w, "skos:broader", item->competence->node.id);
	if (shared)
		relation(w, "skos:related", shared->node.id);
	end(w);
	/* skos:related is symmetric; both directions are written for readers that do not
	 * infer, as broader and narrower are. */
	if (shared) {
		iri(w, shared->node.id);
		puts_(w, " skos:related ");
		iri(w, item->node.id);
		end(w);
	}
}

static void write_competence(ttl *w, const cispref_competence *comp)
{
	concept(w, comp->node.id, "Competence", comp->title);
	relation(w, "skos:broader", comp->plan->node.id);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++)
			relation(w, "skos:narrower", ((const cispref_item *)comp->items[k].items[i])->node.id);
	for (size_t n = 0; n < comp->note_ids.count; n++) {
		const cispref_note *note = cispref_referential_find_note(w->ref, comp->note_ids.items[n]);
		if (note) {
			text(w, "skos:note", note->text);
			translated(w, "skos:note", note->node.id);
		}
	}
	end(w);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++)
			write_item(w, comp->items[k].items[i]);
}

static void write_plan(ttl *w, const cispref_plan *plan)
{
	concept(w, plan->node.id, "Plan", plan->title);
	kind(w, cispref_plan_kind_name(plan->kind));
	relation(w, "skos:broader", plan->domain->node.id);
	for (size_t c = 0; c < plan->competences.count; c++)
		relation(w, "skos:narrower", ((const cispref_competence *)plan->competences.items[c])->node.id);
	end(w);
	for (size_t c = 0; c < plan->competences.count; c++)
		write_competence(w, plan->competences.items[c]);
}

static void write_domain(ttl *w, const cispref_domain *domain)
{
	concept(w, domain->node.id, "Domain", domain->title);
	kind(w, cispref_domain_kind_name(domain->kind));
	relation(w, "skos:topConceptOf", NULL);
	for (size_t p = 0; p < domain->plans.count; p++)
		relation(w, "skos:narrower", ((const cispref_plan *)domain->plans.items[p])->node.id);
	end(w);
	for (size_t p = 0; p < domain->plans.count; p++)
		write_plan(w, domain->plans.items[p]);
}

static void write_scheme(ttl *w)
{
	const cispref_referential *ref = w->ref;
	puts_(w, "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
	         "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
	         "@prefix cispref: <" CISPREF_SKOS_VOCABULARY "> .\n\n");
	iri(w, NULL);
	puts_(w, "\n    a skos:ConceptScheme, cispref:Referential");
	text(w, "skos:prefLabel", ref->title);
	code(w, "skos:notation", ref->id);
	code(w, "owl:versionInfo", ref->version);
	for (size_t d = 0; d < ref->domains.count; d++)
		relation(w, "skos:hasTopConcept", ((const cispref_domain *)ref->domains.items[d])->node.id);
	end(w);
}

int cispref__skos_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	ttl w = {out, ref, error, 0};
	if (!ref->language || !langtag_ok(ref->language)) {
		cispref__error_set(error, CISPREF_EFORMAT, NULL, 0, 0,
		                   "the referential's language '%.100s' is not a language tag "
		                   "Turtle can write (letters, then '-' and letters or digits)",
		                   ref->language ? ref->language : "");
		return CISPREF_EFORMAT;
	}
	write_scheme(&w);
	for (size_t d = 0; d < ref->domains.count; d++)
		write_domain(&w, ref->domains.items[d]);
	for (size_t c = 0; c < ref->concepts.count; c++) {
		const cispref_concept *shared = ref->concepts.items[c];
		concept(&w, shared->node.id, "Concept", shared->label);
		kind(&w, cispref_item_kind_name(shared->kind));
		end(&w);
	}
	return w.rc;
}
