/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The canonical XML form, written with libxml2's xmlTextWriter so that escaping and
 * encoding are libxml2's, never hand-made. */
#include <libxml/xmlwriter.h>

#include "private.h"

#define NS "urn:cispref:referential"

#define X(s) ((const xmlChar *)(s))

/* The writer and whether one of its calls failed (only for want of memory): after the
 * first failure every call is a no-op, so the walk below reads as the document it writes
 * and the failure is checked once, at the end. */
typedef struct xml_out {
	xmlTextWriterPtr w;
	int failed;
	const cispref_referential *ref; /* for the edition links */
	const char *language; /* the language the texts are written in; NULL: the
	                       * referential's own, with its translations */
} xml_out;

/* @n's text as this document holds it: its own, or in o->language with the fallback of
 * cispref_referential_node_text(). */
static const char *node_text(const xml_out *o, const node *n, const char *own)
{
	return o->language ? cispref__node_text(o->ref, n, o->language, NULL) : own;
}

static void check(xml_out *o, int rc)
{
	if (rc < 0)
		o->failed = 1;
}

static void start(xml_out *o, const char *name)
{
	if (!o->failed)
		check(o, xmlTextWriterStartElement(o->w, X(name)));
}

static void end(xml_out *o)
{
	if (!o->failed)
		check(o, xmlTextWriterEndElement(o->w));
}

/* An attribute, left out when @value is NULL. */
static void attribute(xml_out *o, const char *name, const char *value)
{
	if (value && !o->failed)
		check(o, xmlTextWriterWriteAttribute(o->w, X(name), X(value)));
}

/* deprecated="true" and replaced-by, after a node's other attributes. */
static void edition(xml_out *o, const node *n)
{
	const edition_link *link = cispref__edition_of(o->ref, n);
	if (!link)
		return;
	attribute(o, "deprecated", "true");
	attribute(o, "replaced-by", link->replaced_by);
}

static void text(xml_out *o, const char *text)
{
	if (!o->failed)
		check(o, xmlTextWriterWriteString(o->w, X(text)));
}

static void text_element(xml_out *o, const char *name, const char *value)
{
	if (!o->failed)
		check(o, xmlTextWriterWriteElement(o->w, X(name), X(value ? value : "")));
}

static void write_source(xml_out *o, const cispref_referential *ref)
{
	int any = 0;
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
		any |= ref->source[f] != NULL;
	if (!any)
		return;
	start(o, "source");
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
		if (ref->source[f])
			text_element(o, cispref_source_field_name((cispref_source_field_t)f),
			             ref->source[f]);
	end(o);
}

static void write_item(xml_out *o, const cispref_item *item)
{
	start(o, cispref_item_kind_name(item->node.kind));
	attribute(o, "id", item->node.id);
	attribute(o, "concept", item->concept_id);
	edition(o, &item->node);
	text(o, node_text(o, &item->node, item->text));
	end(o);
}

static void write_competence(xml_out *o, const cispref_competence *comp)
{
	start(o, "competence");
	attribute(o, "id", comp->node.id);
	edition(o, &comp->node);
	text_element(o, "title", node_text(o, &comp->node, comp->title));
	for (size_t n = 0; n < comp->note_ids.count; n++) {
		start(o, "note-ref");
		attribute(o, "note", comp->note_ids.items[n]);
		end(o);
	}
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++)
			write_item(o, comp->items[k].items[i]);
	end(o);
}

static void write_summary(xml_out *o, const cispref_domain *domain)
{
	if (!domain->summary.count)
		return;
	start(o, "summary");
	for (size_t e = 0; e < domain->summary.count; e++) {
		const cispref_summary_entry *entry = domain->summary.items[e];
		start(o, "entry");
		attribute(o, "id", entry->node.id);
		attribute(o, "plan", cispref_plan_kind_name(entry->plan_kind));
		attribute(o, "competence", entry->competence_id);
		edition(o, &entry->node);
		text(o, node_text(o, &entry->node, entry->text));
		end(o);
	}
	end(o);
}

static void write_domain(xml_out *o, const cispref_domain *domain)
{
	start(o, "domain");
	attribute(o, "id", domain->node.id);
	attribute(o, "kind", cispref_domain_kind_name(domain->kind));
	edition(o, &domain->node);
	text_element(o, "title", node_text(o, &domain->node, domain->title));
	write_summary(o, domain);
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		start(o, "plan");
		attribute(o, "id", plan->node.id);
		attribute(o, "kind", cispref_plan_kind_name(plan->kind));
		edition(o, &plan->node);
		text_element(o, "title", node_text(o, &plan->node, plan->title));
		for (size_t c = 0; c < plan->competences.count; c++)
			write_competence(o, plan->competences.items[c]);
		end(o);
	}
	end(o);
}

/* ---- front matter ---------------------------------------------------------------- */

static void write_runs(xml_out *o, const cispref_rich_text *rt)
{
	for (size_t i = 0; i < rt->runs.count; i++) {
		const cispref_inline *run = rt->runs.items[i];
		if (run->kind == CISPREF_INLINE_TEXT) {
			text(o, run->text);
			continue;
		}
		start(o, cispref_inline_kind_name(run->kind));
		if (run->kind == CISPREF_INLINE_NOTE_REF)
			attribute(o, "note", run->text);
		else
			write_runs(o, &run->children);
		end(o);
	}
}

/* A text of the front matter or the title as this document holds it: its own, or in
 * o->language (cispref_referential_rich_text_in(), cispref_referential_front_matter_string()). */
static const cispref_rich_text *fm_rich(const xml_out *o, const cispref_rich_text *rt)
{
	return o->language ? cispref_referential_rich_text_in(o->ref, rt, o->language) : rt;
}

static const char *fm_plain(const xml_out *o, fm_translation *const *slot, const char *own)
{
	return o->language && own ? cispref__fm_plain_in(o->ref, slot, own, o->language) : own;
}

static void set_indent(xml_out *o, int indent)
{
	if (!o->failed)
		check(o, xmlTextWriterSetIndent(o->w, indent));
}

/* An element of inline content. Mixed content is written without indentation, which
 * would add text to it: the writer's indentation is off from the start tag to the end
 * tag. The empty raw write tells the writer that text came last, so that it does not
 * indent the end tag after an inline element. */
static void inline_element(xml_out *o, const char *name, const char *label,
                           const cispref_rich_text *rt)
{
	start(o, name);
	attribute(o, "label", label);
	set_indent(o, 0);
	write_runs(o, fm_rich(o, rt));
	set_indent(o, 1);
	if (!o->failed)
		check(o, xmlTextWriterWriteRaw(o->w, X("")));
	end(o);
}

static void write_quote(xml_out *o, const cispref_block *b)
{
	if (b->text)
		inline_element(o, "heading", NULL, b->text);
	for (size_t i = 0; i < b->children.count; i++)
		inline_element(o, "p", NULL, b->children.items[i]);
	if (b->attribution)
		text_element(o, "attribution",
		             fm_plain(o, &b->attribution_translations, b->attribution));
}

static void write_timeline(xml_out *o, const cispref_block *b)
{
	for (size_t i = 0; i < b->children.count; i++) {
		const cispref_phase *ph = b->children.items[i];
		start(o, "phase");
		inline_element(o, "heading", NULL, &ph->heading);
		for (size_t s = 0; s < ph->steps.count; s++) {
			const cispref_step *st = ph->steps.items[s];
			start(o, "step");
			text_element(o, "date", fm_plain(o, &st->date_translations, st->date));
			if (st->actors)
				text_element(o, "actors",
				             fm_plain(o, &st->actors_translations, st->actors));
			inline_element(o, "task", NULL, &st->task);
			end(o);
		}
		end(o);
	}
}

static void write_block(xml_out *o, const cispref_block *b)
{
	if (b->kind == CISPREF_BLOCK_PARAGRAPH) {
		inline_element(o, "p", NULL, b->text);
		return;
	}
	start(o, cispref_block_kind_name(b->kind));
	attribute(o, "id", b->node.id);
	switch (b->kind) {
	case CISPREF_BLOCK_LIST:
		for (size_t i = 0; i < b->children.count; i++) {
			const cispref_list_item *it = b->children.items[i];
			inline_element(o, "item", it->label, &it->text);
		}
		break;
	case CISPREF_BLOCK_QUOTE:
		write_quote(o, b);
		break;
	case CISPREF_BLOCK_TIMELINE:
		write_timeline(o, b);
		break;
	case CISPREF_BLOCK_FIGURE:
		attribute(o, "drawing", b->drawing);
		inline_element(o, "caption", NULL, b->text);
		break;
	case CISPREF_BLOCK_OVERVIEW:
		attribute(o, "domain-kind", cispref_domain_kind_name(b->domain_kind));
		break;
	case CISPREF_BLOCK_DETAILS:
		if (b->has_domain_kind)
			attribute(o, "domain-kind", cispref_domain_kind_name(b->domain_kind));
		break;
	case CISPREF_BLOCK_PARAGRAPH:
		break;
	}
	end(o);
}

static void write_section(xml_out *o, const cispref_section *s)
{
	start(o, "section");
	attribute(o, "id", s->node.id);
	attribute(o, "number", s->number);
	inline_element(o, "heading", NULL, &s->heading);
	for (size_t i = 0; i < s->blocks.count; i++)
		write_block(o, s->blocks.items[i]);
	for (size_t i = 0; i < s->subsections.count; i++)
		write_section(o, s->subsections.items[i]);
	end(o);
}

/* In o->language, each text of the front matter is written in it where it has a
 * translation (fm_rich(), fm_plain()), as node_text() does for the nodes. */
static void write_front_matter(xml_out *o, const cispref_referential *ref)
{
	if (!ref->sections.count)
		return;
	start(o, "front-matter");
	for (size_t i = 0; i < ref->sections.count; i++)
		write_section(o, ref->sections.items[i]);
	end(o);
}

static void write_concepts(xml_out *o, const cispref_referential *ref)
{
	if (!ref->concepts.count)
		return;
	start(o, "concepts");
	for (size_t i = 0; i < ref->concepts.count; i++) {
		const cispref_concept *c = ref->concepts.items[i];
		start(o, "concept");
		attribute(o, "id", c->node.id);
		attribute(o, "kind", cispref_item_kind_name(c->kind));
		edition(o, &c->node);
		text(o, node_text(o, &c->node, c->label));
		end(o);
	}
	end(o);
}

static void write_notes(xml_out *o, const cispref_referential *ref)
{
	if (!ref->notes.count)
		return;
	start(o, "notes");
	for (size_t i = 0; i < ref->notes.count; i++) {
		const cispref_note *n = ref->notes.items[i];
		start(o, "note");
		attribute(o, "id", n->node.id);
		attribute(o, "number", n->number);
		edition(o, &n->node);
		text(o, node_text(o, &n->node, n->text));
		end(o);
	}
	end(o);
}

static void write_translation(const translation *t, void *data)
{
	xml_out *o = data;
	start(o, "translation");
	attribute(o, "of", t->id);
	attribute(o, "xml:lang", t->language);
	attribute(o, "source-hash", t->source_hash);
	text(o, t->text);
	end(o);
}

/* A text of the front matter or the title: named by `of` and `part`; a rich text's
 * translation holds inline content, written as the front matter's is. */
static void write_fm_translation(xml_out *o, const fm_text *t, const fm_translation *ft)
{
	start(o, "translation");
	attribute(o, "of", t->of);
	attribute(o, "part", t->part);
	attribute(o, "xml:lang", ft->language);
	attribute(o, "source-hash", ft->source_hash);
	if (!ft->rich) {
		text(o, ft->plain);
		end(o);
		return;
	}
	set_indent(o, 0);
	write_runs(o, ft->rich);
	set_indent(o, 1);
	if (!o->failed)
		check(o, xmlTextWriterWriteRaw(o->w, X("")));
	end(o);
}

static void fm_translations(const fm_text *t, void *data)
{
	for (const fm_translation *ft = *t->slot; ft; ft = ft->next)
		write_fm_translation(data, t, ft);
}

static void node_translations(const node *n, void *data)
{
	xml_out *o = data;
	cispref__translations_of(o->ref, n, write_translation, o);
}

/* After everything else, so that a reader that knows every node by then can attach
 * each translation as it comes (doc/format.md, "Translations"). */
static void write_translations(xml_out *o, const cispref_referential *ref)
{
	if (o->language || !cispref_referential_translation_language_count(ref))
		return; /* a document in one language holds none */
	start(o, "translations");
	cispref__fm_texts(ref, fm_translations, o); /* the title and front matter come first */
	cispref__text_nodes(ref, node_translations, o);
	end(o);
}

static void write_document(xml_out *o, const cispref_referential *ref)
{
	check(o, xmlTextWriterSetIndent(o->w, 1));
	check(o, xmlTextWriterSetIndentString(o->w, X("  ")));
	if (!o->failed)
		check(o, xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL));
	/* The namespace declaration is written as a plain attribute so that it comes first,
	 * as people write it. */
	start(o, "referential");
	attribute(o, "xmlns", NS);
	attribute(o, "format-version", "1");
	attribute(o, "id", ref->id);
	attribute(o, "version", ref->version);
	attribute(o, "xml:lang", o->language ? o->language : ref->language);
	attribute(o, "uuid", ref->uuid); /* always: a derived namespace is kept from now on */
	attribute(o, "base-uri", ref->base_uri);
	text_element(o, "title", fm_plain(o, &ref->title_translations, ref->title));
	write_source(o, ref);
	write_front_matter(o, ref);
	for (size_t d = 0; d < ref->domains.count; d++)
		write_domain(o, ref->domains.items[d]);
	write_concepts(o, ref);
	write_notes(o, ref);
	write_translations(o, ref);
	end(o);
	if (!o->failed)
		check(o, xmlTextWriterEndDocument(o->w));
}

int cispref__xml_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	return cispref__xml_write_in(out, ref, NULL, error);
}

int cispref__xml_write_in(xmlBufferPtr out, const cispref_referential *ref,
                          const char *language, cispref_error *error)
{
	xmlTextWriterPtr w = xmlNewTextWriterMemory(out, 0);
	if (!w) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	xml_out o = {w, 0, ref, language};
	write_document(&o, ref);
	xmlFreeTextWriter(w); /* flushes into @out */
	if (o.failed) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0,
		                   "the XML writer failed (out of memory)");
		return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}
