/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What a row of the spreadsheet exports holds (csv_write.c, xlsx_write.c): one row per
 * item, in the order of the model (domain, plan, competence, the three kinds, the items),
 * and the two sets of column headers. Kept in one place so that the CSV dialects and the
 * workbook cannot drift apart. */
#include "private.h"

/* Machine names for the RFC 4180 dialect, the words of doc/interchange.md; French words
 * for the formats people open in a spreadsheet (the referential is French). */
static const char *const headers_en[CISPREF__SHEET_COLUMNS] = {
	"domain", "plan", "competence", "kind", "id", "text", "concept"};
static const char *const headers_fr[CISPREF__SHEET_COLUMNS] = {
	"domaine", "plan", "compétence", "type", "id", "texte", "concept"};

const char *const *cispref__sheet_headers(int french)
{
	return french ? headers_fr : headers_en;
}

/* A leniently loaded referential may lack a value: an empty cell. */
static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static void cells_of(const cispref_item *item, const char *cells[CISPREF__SHEET_COLUMNS])
{
	const cispref_competence *c = item->competence;
	cells[0] = or_empty(c->plan->domain->node.id);
	cells[1] = or_empty(c->plan->node.id);
	cells[2] = or_empty(c->node.id);
	cells[3] = or_empty(cispref_item_kind_name(item->node.kind));
	cells[CISPREF__SHEET_ID] = or_empty(item->node.id);
	cells[CISPREF__SHEET_TEXT] = or_empty(item->text);
	cells[6] = or_empty(item->concept_id);
}

int cispref__sheet_domain_rows(const cispref_domain *domain, cispref__sheet_row_fn row,
                               void *data)
{
	const char *cells[CISPREF__SHEET_COLUMNS];
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		for (size_t c = 0; c < plan->competences.count; c++) {
			const cispref_competence *competence = plan->competences.items[c];
			for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
				for (size_t i = 0; i < competence->items[k].count; i++) {
					cells_of(competence->items[k].items[i], cells);
					int rc = row(cells, data);
					if (rc)
						return rc;
				}
		}
	}
	return CISPREF_OK;
}

int cispref__sheet_rows(const cispref_referential *ref, cispref__sheet_row_fn row, void *data)
{
	for (size_t d = 0; d < ref->domains.count; d++) {
		int rc = cispref__sheet_domain_rows(ref->domains.items[d], row, data);
		if (rc)
			return rc;
	}
	return CISPREF_OK;
}

size_t cispref__sheet_domain_row_count(const cispref_domain *domain)
{
	size_t count = 0;
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		for (size_t c = 0; c < plan->competences.count; c++) {
			const cispref_competence *competence = plan->competences.items[c];
			for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
				count += competence->items[k].count;
		}
	}
	return count;
}
