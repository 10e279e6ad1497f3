/* The canonical XML form, written with libxml2's xmlTextWriter so that escaping and
 * encoding are libxml2's, never hand-made. */
#include <libxml/xmlwriter.h>

#include "private.h"

#define NS "urn:cispref:referential"

/* Every writer call returns a negative number on failure; chain them with this so the
 * first failure ends the walk. */
#define TRY(call)                 \
	do {                      \
		if ((call) < 0)   \
			return -1; \
	} while (0)

#define X(s) ((const xmlChar *)(s))

static int text_element(xmlTextWriterPtr w, const char *name, const char *text)
{
	return xmlTextWriterWriteElement(w, X(name), X(text ? text : ""));
}

static int attribute(xmlTextWriterPtr w, const char *name, const char *value)
{
	return value ? xmlTextWriterWriteAttribute(w, X(name), X(value)) : 0;
}

static int write_source(xmlTextWriterPtr w, const cispref_referential *ref)
{
	int any = 0;
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
		any |= ref->source[f] != NULL;
	if (!any)
		return 0;
	TRY(xmlTextWriterStartElement(w, X("source")));
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
		if (ref->source[f])
			TRY(text_element(w, cispref_source_field_name((cispref_source_field_t)f),
			                 ref->source[f]));
	return xmlTextWriterEndElement(w);
}

static int write_item(xmlTextWriterPtr w, const cispref_item *item)
{
	TRY(xmlTextWriterStartElement(w, X(cispref_item_kind_name(item->kind))));
	TRY(attribute(w, "id", item->node.id));
	TRY(attribute(w, "concept", item->concept_id));
	TRY(xmlTextWriterWriteString(w, X(item->text)));
	return xmlTextWriterEndElement(w);
}

static int write_competence(xmlTextWriterPtr w, const cispref_competence *comp)
{
	TRY(xmlTextWriterStartElement(w, X("competence")));
	TRY(attribute(w, "id", comp->node.id));
	TRY(text_element(w, "title", comp->title));
	for (size_t n = 0; n < comp->note_ids.count; n++) {
		TRY(xmlTextWriterStartElement(w, X("note-ref")));
		TRY(attribute(w, "note", comp->note_ids.items[n]));
		TRY(xmlTextWriterEndElement(w));
	}
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++)
			TRY(write_item(w, comp->items[k].items[i]));
	return xmlTextWriterEndElement(w);
}

static int write_summary(xmlTextWriterPtr w, const cispref_domain *domain)
{
	if (!domain->summary.count)
		return 0;
	TRY(xmlTextWriterStartElement(w, X("summary")));
	for (size_t e = 0; e < domain->summary.count; e++) {
		const cispref_summary_entry *entry = domain->summary.items[e];
		TRY(xmlTextWriterStartElement(w, X("entry")));
		TRY(attribute(w, "id", entry->node.id));
		TRY(attribute(w, "plan", cispref_plan_kind_name(entry->plan_kind)));
		TRY(attribute(w, "competence", entry->competence_id));
		TRY(xmlTextWriterWriteString(w, X(entry->text)));
		TRY(xmlTextWriterEndElement(w));
	}
	return xmlTextWriterEndElement(w);
}

static int write_domain(xmlTextWriterPtr w, const cispref_domain *domain)
{
	TRY(xmlTextWriterStartElement(w, X("domain")));
	TRY(attribute(w, "id", domain->node.id));
	TRY(attribute(w, "kind", cispref_domain_kind_name(domain->kind)));
	TRY(text_element(w, "title", domain->title));
	TRY(write_summary(w, domain));
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		TRY(xmlTextWriterStartElement(w, X("plan")));
		TRY(attribute(w, "id", plan->node.id));
		TRY(attribute(w, "kind", cispref_plan_kind_name(plan->kind)));
		TRY(text_element(w, "title", plan->title));
		for (size_t c = 0; c < plan->competences.count; c++)
			TRY(write_competence(w, plan->competences.items[c]));
		TRY(xmlTextWriterEndElement(w));
	}
	return xmlTextWriterEndElement(w);
}

static int write_concepts_and_notes(xmlTextWriterPtr w, const cispref_referential *ref)
{
	if (ref->concepts.count) {
		TRY(xmlTextWriterStartElement(w, X("concepts")));
		for (size_t i = 0; i < ref->concepts.count; i++) {
			const cispref_concept *c = ref->concepts.items[i];
			TRY(xmlTextWriterStartElement(w, X("concept")));
			TRY(attribute(w, "id", c->node.id));
			TRY(attribute(w, "kind", cispref_item_kind_name(c->kind)));
			TRY(xmlTextWriterWriteString(w, X(c->label)));
			TRY(xmlTextWriterEndElement(w));
		}
		TRY(xmlTextWriterEndElement(w));
	}
	if (ref->notes.count) {
		TRY(xmlTextWriterStartElement(w, X("notes")));
		for (size_t i = 0; i < ref->notes.count; i++) {
			const cispref_note *n = ref->notes.items[i];
			TRY(xmlTextWriterStartElement(w, X("note")));
			TRY(attribute(w, "id", n->node.id));
			TRY(attribute(w, "number", n->number));
			TRY(xmlTextWriterWriteString(w, X(n->text)));
			TRY(xmlTextWriterEndElement(w));
		}
		TRY(xmlTextWriterEndElement(w));
	}
	return 0;
}

static int write_document(xmlTextWriterPtr w, const cispref_referential *ref)
{
	TRY(xmlTextWriterSetIndent(w, 1));
	TRY(xmlTextWriterSetIndentString(w, X("  ")));
	TRY(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
	/* The namespace declaration is written as a plain attribute so that it comes first,
	 * as people write it. */
	TRY(xmlTextWriterStartElement(w, X("referential")));
	TRY(attribute(w, "xmlns", NS));
	TRY(attribute(w, "format-version", "1"));
	TRY(attribute(w, "id", ref->id));
	TRY(attribute(w, "version", ref->version));
	TRY(attribute(w, "xml:lang", ref->language));
	TRY(text_element(w, "title", ref->title));
	TRY(write_source(w, ref));
	for (size_t d = 0; d < ref->domains.count; d++)
		TRY(write_domain(w, ref->domains.items[d]));
	TRY(write_concepts_and_notes(w, ref));
	TRY(xmlTextWriterEndElement(w));
	return xmlTextWriterEndDocument(w);
}

int cispref__xml_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	xmlTextWriterPtr w = xmlNewTextWriterMemory(out, 0);
	if (!w) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	int rc = write_document(w, ref);
	xmlFreeTextWriter(w); /* flushes into @out */
	if (rc < 0) {
		cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0,
		                   "the XML writer failed (out of memory)");
		return CISPREF_ENOMEM;
	}
	return CISPREF_OK;
}
