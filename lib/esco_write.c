/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The ESCO-style CSV: one row per item in the columns of ESCO's skills file
 * (skills_LANG.csv of the ESCO downloads), as doc/interchange.md ("SKOS and ESCO") maps
 * them. Items only: ESCO's skills are what an item is (an aptitude or a piece of
 * knowledge); the hierarchy above them is in the SKOS export, as ESCO keeps its own in
 * separate files. conceptUri is the IRI the SKOS export gives the same item
 * (cispref__skos_iri()), so that the two files name the same things.
 *
 * RFC 4180 as ESCO publishes it: UTF-8 without a BOM, commas, CRLF after each record,
 * every field quoted by libcsv's csv_write(); a multi-valued cell (scopeNote) holds its
 * values one per line, the line feeds inside the quotes. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

enum { ESCO_COLUMNS = 13 };

static const char *const headers[ESCO_COLUMNS] = {
	"conceptType", "conceptUri",   "skillType", "reuseLevel", "preferredLabel",
	"altLabels",   "hiddenLabels", "status",    "modifiedDate", "scopeNote",
	"definition",  "inScheme",     "description"};

typedef struct esco {
	xmlBufferPtr out;
	const cispref_referential *ref;
	cispref_error *error;
	xmlBufferPtr uri, scheme, notes; /* cells built per row (the scheme's once) */
	char *scratch;                   /* one quoted field */
	size_t scratch_size;
	int rc; /* the first failure; later writes do nothing */
} esco;

static void fail(esco *w, int rc)
{
	if (w->rc)
		return;
	w->rc = rc;
	if (rc == CISPREF_ENOMEM)
		cispref__error_set(w->error, rc, NULL, 0, 0, "out of memory");
	else if (rc == CISPREF_ELIMIT)
		cispref__error_set(w->error, rc, NULL, 0, 0, "a text is too long for one CSV cell");
}

static void put(esco *w, const char *s, size_t n)
{
	if (!w->rc && n && xmlBufferAdd(w->out, (const xmlChar *)s, (int)n) != 0)
		fail(w, CISPREF_ENOMEM);
}

/* One field, always quoted, its quotes doubled (csv_write() says first what it needs). */
static void field(esco *w, const char *text)
{
	size_t n = strlen(text);
	size_t need = csv_write(NULL, 0, text, n);
	if (need < n || need > (size_t)1 << 30) {
		fail(w, CISPREF_ELIMIT);
		return;
	}
	if (need > w->scratch_size) {
		char *grown = realloc(w->scratch, need);
		if (!grown) {
			fail(w, CISPREF_ENOMEM);
			return;
		}
		w->scratch = grown;
		w->scratch_size = need;
	}
	put(w, w->scratch, csv_write(w->scratch, need, text, n));
}

static void record(esco *w, const char *const cells[ESCO_COLUMNS])
{
	for (int c = 0; c < ESCO_COLUMNS; c++) {
		if (c)
			put(w, ",", 1);
		field(w, cells[c] ? cells[c] : "");
	}
	put(w, "\r\n", 2);
}

/* An IRI into @cell, emptied first; the SKOS export's message on failure. */
static void iri_cell(esco *w, xmlBufferPtr cell, const char *id)
{
	if (w->rc)
		return;
	xmlBufferEmpty(cell);
	int rc = cispref__skos_iri(cell, w->ref, id);
	if (rc == CISPREF_EFORMAT) {
		w->rc = rc;
		cispref__error_set(w->error, rc, NULL, 0, 0,
		                   "the IRI of %s%s%s would hold a character that an IRI cannot",
		                   id ? "node '" : "the referential", id ? id : "", id ? "'" : "");
	} else if (rc) {
		fail(w, rc);
	}
}

/* ESCO's two skill types: savoir-faire and savoir-faire comportementaux are skills or
 * competences, savoirs knowledge. */
static const char *skill_type(cispref_item_kind_t kind)
{
	return kind == CISPREF_ITEM_SAVOIR ? "knowledge" : "skill/competence";
}

/* The texts of the notes the competence refers to, one per line. */
static void notes_cell(esco *w, const cispref_competence *comp)
{
	xmlBufferEmpty(w->notes);
	for (size_t n = 0; n < comp->note_ids.count; n++) {
		const cispref_note *note = cispref_referential_find_note(w->ref, comp->note_ids.items[n]);
		if (!note || !note->text)
			continue;
		if ((xmlBufferLength(w->notes) && xmlBufferCCat(w->notes, "\n") != 0) ||
		    xmlBufferCat(w->notes, (const xmlChar *)note->text) != 0)
			fail(w, CISPREF_ENOMEM);
	}
}

static void item_row(esco *w, const cispref_item *item)
{
	if (!w->rc && !item->node.id) {
		w->rc = CISPREF_EFORMAT;
		cispref__error_set(w->error, w->rc, NULL, 0, 0, "an item has no id, so it has no IRI");
	}
	iri_cell(w, w->uri, item->node.id);
	if (w->rc)
		return;
	const char *cells[ESCO_COLUMNS] = {
		"KnowledgeSkillCompetence", (const char *)xmlBufferContent(w->uri),
		skill_type(item->node.kind), "", item->text, "", "", "released", "",
		(const char *)xmlBufferContent(w->notes), "",
		(const char *)xmlBufferContent(w->scheme), ""};
	record(w, cells);
}

static void write_items(esco *w)
{
	const cispref_referential *ref = w->ref;
	for (size_t d = 0; d < ref->domains.count; d++) {
		const cispref_domain *domain = ref->domains.items[d];
		for (size_t p = 0; p < domain->plans.count; p++) {
			const cispref_plan *plan = domain->plans.items[p];
			for (size_t c = 0; c < plan->competences.count; c++) {
				const cispref_competence *comp = plan->competences.items[c];
				notes_cell(w, comp);
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
					for (size_t i = 0; i < comp->items[k].count; i++)
						item_row(w, comp->items[k].items[i]);
			}
		}
	}
}

int cispref__esco_write(xmlBufferPtr out, const cispref_referential *ref, cispref_error *error)
{
	esco w = {out, ref, error, cispref__buffer_new(), cispref__buffer_new(), cispref__buffer_new(),
	          NULL, 0, 0};
	if (!w.uri || !w.scheme || !w.notes)
		fail(&w, CISPREF_ENOMEM);
	record(&w, headers);
	iri_cell(&w, w.scheme, NULL);
	write_items(&w);
	free(w.scratch);
	xmlBufferFree(w.uri);
	xmlBufferFree(w.scheme);
	xmlBufferFree(w.notes);
	return w.rc;
}
