/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The model and its builder: accessors, lookups, edits, errors, kind names, equality. */
#include "test_util.h"

/* Mutable handles on the nodes of a mutable referential, found by id: a lookup gives a
 * const handle, cispref_referential_edit_*() the same node as mutable. */
static cispref_domain *edit_domain(cispref_referential *ref, const char *id)
{
	return cispref_referential_edit_domain(ref, cispref_referential_find_domain(ref, id));
}

static cispref_summary_entry *edit_summary_entry(cispref_referential *ref, const char *id)
{
	return cispref_referential_edit_summary_entry(ref,
	                                              cispref_referential_find_summary_entry(ref, id));
}

static cispref_plan *edit_plan(cispref_referential *ref, const char *id)
{
	return cispref_referential_edit_plan(ref, cispref_referential_find_plan(ref, id));
}

static cispref_competence *edit_competence(cispref_referential *ref, const char *id)
{
	return cispref_referential_edit_competence(ref,
	                                           cispref_referential_find_competence(ref, id));
}

static cispref_item *edit_item(cispref_referential *ref, const char *id)
{
	return cispref_referential_edit_item(ref, cispref_referential_find_item(ref, id));
}

static cispref_concept *edit_concept(cispref_referential *ref, const char *id)
{
	return cispref_referential_edit_concept(ref, cispref_referential_find_concept(ref, id));
}

static cispref_note *edit_note(cispref_referential *ref, const char *id)
{
	return cispref_referential_edit_note(ref, cispref_referential_find_note(ref, id));
}

/* A small referential:
 *
 *   demo "Démo"                            version 2024, source publisher + date
 *   ├─ core (core) "Cœur"
 *   │   ├─ summary: core.sum.1 individual → core.ind.1
 *   │   │           core.sum.2 collective → (none)
 *   │   │           core.sum.3 collective → core.col.1
 *   │   ├─ core.ind (individual) "Individuel"
 *   │   │   ├─ core.ind.1 "Analyser"  notes: n21, n22
 *   │   │   │   sf  core.ind.1.sf.1 → c.outils, core.ind.1.sf.2
 *   │   │   │   sfc core.ind.1.sfc.1 → c.ecoute
 *   │   │   │   s   core.ind.1.s.1, core.ind.1.s.2, core.ind.1.s.3
 *   │   │   └─ core.ind.2 "Orienter"  (no item, no note)
 *   │   └─ core.col (collective) "Collectif"
 *   │       └─ core.col.1 "Animer"  sf core.col.1.sf.1; note n21
 *   └─ trans (transversal) "Communication"
 *       ├─ summary: trans.sum.1 internal → trans.int.1
 *       ├─ trans.int (internal) "Interne"
 *       │   └─ trans.int.1 "Informer"  s trans.int.1.s.1 → c.cadre
 *       └─ trans.ext (external) "Externe"   (no competence)
 *   concepts: c.outils (sf), c.ecoute (sfc), c.cadre (s)
 *   notes:    n21 "21", n22 "22"
 */
static cispref_referential *build(void)
{
	cispref_referential *ref = NULL;
	cispref_domain *core, *trans;
	cispref_plan *ind, *col, *inte;
	cispref_competence *c1, *c2, *c3, *c4;
	cispref_item *it;
	cispref_concept *outils, *ecoute, *cadre;
	cispref_note *n21, *n22;

	OK(cispref_referential_new(&ref, "demo", "Démo"));
	OK(cispref_referential_set_version(ref, "2024"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_PUBLISHER, "L'Interfédé"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_DATE, "2020-12"));

	OK(cispref_referential_add_concept(&outils, ref, "c.outils", SF, "Utiliser des outils"));
	OK(cispref_referential_add_concept(&ecoute, ref, "c.ecoute", SFC, "Écouter activement"));
	OK(cispref_referential_add_concept(&cadre, ref, "c.cadre", S, "Le cadre légal"));
	OK(cispref_referential_add_note(&n21, ref, "n21", "21", "Note vingt et un."));
	OK(cispref_referential_add_note(&n22, ref, "n22", "22", "Note vingt-deux."));

	OK(cispref_referential_add_domain(&core, ref, "core", CISPREF_DOMAIN_CORE, "Cœur"));
	OK(cispref_domain_add_plan(&ind, core, "core.ind", CISPREF_PLAN_INDIVIDUAL, "Individuel"));
	OK(cispref_domain_add_plan(&col, core, "core.col", CISPREF_PLAN_COLLECTIVE, "Collectif"));
	OK(cispref_plan_add_competence(&c1, ind, "core.ind.1", "Analyser"));
	OK(cispref_plan_add_competence(&c2, ind, "core.ind.2", "Orienter"));
	OK(cispref_plan_add_competence(&c3, col, "core.col.1", "Animer"));
	OK(cispref_competence_add_note(c1, n21));
	OK(cispref_competence_add_note(c1, n22));
	OK(cispref_competence_add_note(c3, n21));
	OK(cispref_competence_add_item(&it, c1, "core.ind.1.sf.1", SF, "Utiliser des outils adaptés"));
	OK(cispref_item_set_concept(it, outils));
	OK(cispref_competence_add_item(NULL, c1, "core.ind.1.sf.2", SF, "Cibler les besoins"));
	OK(cispref_competence_add_item(&it, c1, "core.ind.1.sfc.1", SFC, "Écouter"));
	OK(cispref_item_set_concept(it, ecoute));
	OK(cispref_competence_add_item(NULL, c1, "core.ind.1.s.1", S, "Les techniques d'entretien"));
	OK(cispref_competence_add_item(NULL, c1, "core.ind.1.s.2", S, "Le réseau"));
	OK(cispref_competence_add_item(NULL, c1, "core.ind.1.s.3", S, "Les publics"));
	OK(cispref_competence_add_item(NULL, c3, "core.col.1.sf.1", SF, "Animer un groupe"));
	OK(cispref_domain_add_summary_entry(NULL, core, "core.sum.1", CISPREF_PLAN_INDIVIDUAL,
	                                    "Analyser les besoins", c1));
	OK(cispref_domain_add_summary_entry(NULL, core, "core.sum.2", CISPREF_PLAN_COLLECTIVE,
	                                    "Gérer la dynamique de groupe", NULL));
	OK(cispref_domain_add_summary_entry(NULL, core, "core.sum.3", CISPREF_PLAN_COLLECTIVE,
	                                    "Animer", c3));

	OK(cispref_referential_add_domain(&trans, ref, "trans", CISPREF_DOMAIN_TRANSVERSAL,
	                                  "Communication"));
	OK(cispref_domain_add_plan(&inte, trans, "trans.int", CISPREF_PLAN_INTERNAL, "Interne"));
	OK(cispref_domain_add_plan(NULL, trans, "trans.ext", CISPREF_PLAN_EXTERNAL, "Externe"));
	OK(cispref_plan_add_competence(&c4, inte, "trans.int.1", "Informer"));
	OK(cispref_competence_add_item(&it, c4, "trans.int.1.s.1", S, "Le cadre"));
	OK(cispref_item_set_concept(it, cadre));
	OK(cispref_domain_add_summary_entry(NULL, trans, "trans.sum.1", CISPREF_PLAN_INTERNAL,
	                                    "Informer l'équipe", c4));
	return ref;
}

/* ---- helpers to read a list's ids as one string --------------------------------- */

typedef const char *(*id_at_fn)(const void *container, size_t index);

/* "a b c": the ids of the @count first elements of a list. */
static const char *ids(const void *container, size_t count, id_at_fn id_at)
{
	static char buf[1024];
	buf[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		const char *id = id_at(container, i);
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? " " : "",
		         id ? id : "(null)");
	}
	return buf;
}

static const char *domain_at(const void *c, size_t i)
{
	return cispref_domain_id(cispref_referential_domain(c, i));
}
static const char *concept_at(const void *c, size_t i)
{
	return cispref_concept_id(cispref_referential_concept(c, i));
}
static const char *note_at(const void *c, size_t i)
{
	return cispref_note_id(cispref_referential_note(c, i));
}
static const char *plan_at(const void *c, size_t i)
{
	return cispref_plan_id(cispref_domain_plan(c, i));
}
static const char *entry_at(const void *c, size_t i)
{
	return cispref_summary_entry_id(cispref_domain_summary_entry(c, i));
}
static const char *competence_at(const void *c, size_t i)
{
	return cispref_competence_id(cispref_plan_competence(c, i));
}
static const char *savoir_at(const void *c, size_t i)
{
	return cispref_item_id(cispref_competence_item(c, S, i));
}
static const char *note_ref_at(const void *c, size_t i)
{
	return cispref_competence_note_id(c, i);
}

#define DOMAIN_IDS(ref) ids(ref, cispref_referential_domain_count(ref), domain_at)
#define CONCEPT_IDS(ref) ids(ref, cispref_referential_concept_count(ref), concept_at)
#define NOTE_IDS(ref) ids(ref, cispref_referential_note_count(ref), note_at)
#define PLAN_IDS(d) ids(d, cispref_domain_plan_count(d), plan_at)
#define ENTRY_IDS(d) ids(d, cispref_domain_summary_count(d), entry_at)
#define COMPETENCE_IDS(p) ids(p, cispref_plan_competence_count(p), competence_at)
#define SAVOIR_IDS(c) ids(c, cispref_competence_item_count(c, S), savoir_at)
#define NOTE_REF_IDS(c) ids(c, cispref_competence_note_count(c), note_ref_at)

/* ---- accessors ----------------------------------------------------------------- */

static void test_referential_accessors(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	assert_string_equal(cispref_referential_id(ref), "demo");
	assert_string_equal(cispref_referential_title(ref), "Démo");
	assert_string_equal(cispref_referential_version(ref), "2024");
	assert_string_equal(cispref_referential_language(ref), "fr");
	assert_null(cispref_referential_origin(ref));
	assert_string_equal(cispref_referential_source(ref, CISPREF_SOURCE_PUBLISHER), "L'Interfédé");
	assert_null(cispref_referential_source(ref, CISPREF_SOURCE_SERIES));
	assert_null(cispref_referential_source(ref, CISPREF_SOURCE_NUMBER));
	assert_string_equal(cispref_referential_source(ref, CISPREF_SOURCE_DATE), "2020-12");
	assert_null(cispref_referential_source(ref, CISPREF_SOURCE_APPROVAL));
	assert_null(cispref_referential_source(ref, (cispref_source_field_t)CISPREF_SOURCE_FIELD_COUNT));
	assert_null(cispref_referential_source(ref, (cispref_source_field_t)-1));

	assert_int_equal(cispref_referential_domain_count(ref), 2);
	assert_string_equal(DOMAIN_IDS(ref), "core trans");
	assert_null(cispref_referential_domain(ref, 2));
	assert_null(cispref_referential_domain(ref, (size_t)-1));
	assert_int_equal(cispref_referential_concept_count(ref), 3);
	assert_string_equal(CONCEPT_IDS(ref), "c.outils c.ecoute c.cadre");
	assert_null(cispref_referential_concept(ref, 3));
	assert_int_equal(cispref_referential_note_count(ref), 2);
	assert_string_equal(NOTE_IDS(ref), "n21 n22");
	assert_null(cispref_referential_note(ref, 2));

	/* totals */
	assert_int_equal(cispref_referential_plan_total(ref), 4);
	assert_int_equal(cispref_referential_competence_total(ref), 4);
	assert_int_equal(cispref_referential_summary_total(ref), 4);
	assert_int_equal(cispref_referential_item_total(ref, SF), 3);
	assert_int_equal(cispref_referential_item_total(ref, SFC), 1);
	assert_int_equal(cispref_referential_item_total(ref, S), 4);
	assert_int_equal(cispref_referential_item_total(ref, (cispref_item_kind_t)3), 0);
	cispref_referential_free(ref);
}

static void test_domain_plan_entry_accessors(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	const cispref_domain *core = cispref_referential_domain(ref, 0);
	const cispref_domain *trans = cispref_referential_domain(ref, 1);
	assert_non_null(core);
	assert_non_null(trans);

	assert_string_equal(cispref_domain_id(core), "core");
	assert_int_equal(cispref_domain_kind(core), CISPREF_DOMAIN_CORE);
	assert_string_equal(cispref_domain_title(core), "Cœur");
	assert_ptr_equal(cispref_domain_referential(core), ref);
	assert_int_equal(cispref_domain_plan_count(core), 2);
	assert_string_equal(PLAN_IDS(core), "core.ind core.col");
	assert_null(cispref_domain_plan(core, 2));
	assert_int_equal(cispref_domain_summary_count(core), 3);
	assert_string_equal(ENTRY_IDS(core), "core.sum.1 core.sum.2 core.sum.3");
	assert_null(cispref_domain_summary_entry(core, 3));

	assert_string_equal(cispref_domain_id(trans), "trans");
	assert_int_equal(cispref_domain_kind(trans), CISPREF_DOMAIN_TRANSVERSAL);
	assert_string_equal(cispref_domain_title(trans), "Communication");
	assert_ptr_equal(cispref_domain_referential(trans), ref);
	assert_string_equal(PLAN_IDS(trans), "trans.int trans.ext");
	assert_string_equal(ENTRY_IDS(trans), "trans.sum.1");

	/* summary entries: linked and unlinked */
	const cispref_summary_entry *e1 = cispref_domain_summary_entry(core, 0);
	const cispref_summary_entry *e2 = cispref_domain_summary_entry(core, 1);
	assert_string_equal(cispref_summary_entry_id(e1), "core.sum.1");
	assert_int_equal(cispref_summary_entry_plan_kind(e1), CISPREF_PLAN_INDIVIDUAL);
	assert_string_equal(cispref_summary_entry_text(e1), "Analyser les besoins");
	assert_string_equal(cispref_summary_entry_competence_id(e1), "core.ind.1");
	assert_ptr_equal(cispref_summary_entry_competence(e1),
	                 cispref_plan_competence(cispref_domain_plan(core, 0), 0));
	assert_ptr_equal(cispref_summary_entry_domain(e1), core);
	assert_string_equal(cispref_summary_entry_id(e2), "core.sum.2");
	assert_int_equal(cispref_summary_entry_plan_kind(e2), CISPREF_PLAN_COLLECTIVE);
	assert_string_equal(cispref_summary_entry_text(e2), "Gérer la dynamique de groupe");
	assert_null(cispref_summary_entry_competence_id(e2));
	assert_null(cispref_summary_entry_competence(e2));
	assert_ptr_equal(cispref_summary_entry_domain(e2), core);
	const cispref_summary_entry *t1 = cispref_domain_summary_entry(trans, 0);
	assert_int_equal(cispref_summary_entry_plan_kind(t1), CISPREF_PLAN_INTERNAL);
	assert_ptr_equal(cispref_summary_entry_competence(t1),
	                 cispref_referential_find_competence(ref, "trans.int.1"));

	/* plans */
	const cispref_plan *ind = cispref_domain_plan(core, 0);
	const cispref_plan *col = cispref_domain_plan(core, 1);
	const cispref_plan *inte = cispref_domain_plan(trans, 0);
	const cispref_plan *ext = cispref_domain_plan(trans, 1);
	assert_string_equal(cispref_plan_id(ind), "core.ind");
	assert_int_equal(cispref_plan_kind(ind), CISPREF_PLAN_INDIVIDUAL);
	assert_string_equal(cispref_plan_title(ind), "Individuel");
	assert_ptr_equal(cispref_plan_domain(ind), core);
	assert_int_equal(cispref_plan_competence_count(ind), 2);
	assert_string_equal(COMPETENCE_IDS(ind), "core.ind.1 core.ind.2");
	assert_null(cispref_plan_competence(ind, 2));
	assert_int_equal(cispref_plan_kind(col), CISPREF_PLAN_COLLECTIVE);
	assert_string_equal(cispref_plan_title(col), "Collectif");
	assert_string_equal(COMPETENCE_IDS(col), "core.col.1");
	assert_int_equal(cispref_plan_kind(inte), CISPREF_PLAN_INTERNAL);
	assert_ptr_equal(cispref_plan_domain(inte), trans);
	assert_int_equal(cispref_plan_kind(ext), CISPREF_PLAN_EXTERNAL);
	assert_string_equal(cispref_plan_title(ext), "Externe");
	assert_int_equal(cispref_plan_competence_count(ext), 0);
	assert_null(cispref_plan_competence(ext, 0));
	cispref_referential_free(ref);
}

static void test_competence_item_accessors(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	const cispref_domain *core = cispref_referential_domain(ref, 0);
	const cispref_plan *ind = cispref_domain_plan(core, 0);
	const cispref_competence *c1 = cispref_plan_competence(ind, 0);
	const cispref_competence *c2 = cispref_plan_competence(ind, 1);

	assert_string_equal(cispref_competence_id(c1), "core.ind.1");
	assert_string_equal(cispref_competence_title(c1), "Analyser");
	assert_ptr_equal(cispref_competence_plan(c1), ind);
	assert_int_equal(cispref_competence_item_count(c1, SF), 2);
	assert_int_equal(cispref_competence_item_count(c1, SFC), 1);
	assert_int_equal(cispref_competence_item_count(c1, S), 3);
	assert_int_equal(cispref_competence_item_count(c1, (cispref_item_kind_t)3), 0);
	assert_null(cispref_competence_item(c1, SF, 2));
	assert_null(cispref_competence_item(c1, SFC, 1));
	assert_null(cispref_competence_item(c1, S, 3));
	assert_null(cispref_competence_item(c1, (cispref_item_kind_t)3, 0));
	assert_string_equal(SAVOIR_IDS(c1), "core.ind.1.s.1 core.ind.1.s.2 core.ind.1.s.3");

	/* note references resolve */
	assert_int_equal(cispref_competence_note_count(c1), 2);
	assert_string_equal(cispref_competence_note_id(c1, 0), "n21");
	assert_string_equal(cispref_competence_note_id(c1, 1), "n22");
	assert_null(cispref_competence_note_id(c1, 2));
	assert_ptr_equal(cispref_competence_note(c1, 0), cispref_referential_note(ref, 0));
	assert_ptr_equal(cispref_competence_note(c1, 1), cispref_referential_note(ref, 1));
	assert_null(cispref_competence_note(c1, 2));

	/* a competence with nothing */
	assert_string_equal(cispref_competence_title(c2), "Orienter");
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
		assert_int_equal(cispref_competence_item_count(c2, (cispref_item_kind_t)k), 0);
		assert_null(cispref_competence_item(c2, (cispref_item_kind_t)k, 0));
	}
	assert_int_equal(cispref_competence_note_count(c2), 0);
	assert_null(cispref_competence_note(c2, 0));

	/* items of each kind, with and without concept; parent chain up to the referential */
	const cispref_item *sf1 = cispref_competence_item(c1, SF, 0);
	assert_string_equal(cispref_item_id(sf1), "core.ind.1.sf.1");
	assert_int_equal(cispref_item_kind(sf1), SF);
	assert_string_equal(cispref_item_text(sf1), "Utiliser des outils adaptés");
	assert_string_equal(cispref_item_concept_id(sf1), "c.outils");
	assert_ptr_equal(cispref_item_concept(sf1), cispref_referential_concept(ref, 0));
	assert_ptr_equal(cispref_item_competence(sf1), c1);
	assert_ptr_equal(cispref_competence_plan(cispref_item_competence(sf1)), ind);
	assert_ptr_equal(cispref_plan_domain(cispref_competence_plan(cispref_item_competence(sf1))),
	                 core);
	assert_ptr_equal(cispref_domain_referential(cispref_plan_domain(
	                         cispref_competence_plan(cispref_item_competence(sf1)))),
	                 ref);

	const cispref_item *sf2 = cispref_competence_item(c1, SF, 1);
	assert_string_equal(cispref_item_id(sf2), "core.ind.1.sf.2");
	assert_string_equal(cispref_item_text(sf2), "Cibler les besoins");
	assert_null(cispref_item_concept_id(sf2));
	assert_null(cispref_item_concept(sf2));

	const cispref_item *sfc1 = cispref_competence_item(c1, SFC, 0);
	assert_string_equal(cispref_item_id(sfc1), "core.ind.1.sfc.1");
	assert_int_equal(cispref_item_kind(sfc1), SFC);
	assert_string_equal(cispref_item_text(sfc1), "Écouter");
	assert_ptr_equal(cispref_item_concept(sfc1), cispref_referential_concept(ref, 1));

	const cispref_item *s1 = cispref_competence_item(c1, S, 0);
	assert_int_equal(cispref_item_kind(s1), S);
	assert_string_equal(cispref_item_text(s1), "Les techniques d'entretien");
	assert_ptr_equal(cispref_item_competence(s1), c1);

	/* concepts and notes */
	const cispref_concept *cadre = cispref_referential_concept(ref, 2);
	assert_string_equal(cispref_concept_id(cadre), "c.cadre");
	assert_int_equal(cispref_concept_kind(cadre), S);
	assert_string_equal(cispref_concept_label(cadre), "Le cadre légal");
	assert_ptr_equal(cispref_concept_referential(cadre), ref);
	assert_int_equal(cispref_concept_kind(cispref_referential_concept(ref, 1)), SFC);
	const cispref_note *n22 = cispref_referential_note(ref, 1);
	assert_string_equal(cispref_note_id(n22), "n22");
	assert_string_equal(cispref_note_number(n22), "22");
	assert_string_equal(cispref_note_text(n22), "Note vingt-deux.");
	assert_ptr_equal(cispref_note_referential(n22), ref);
	cispref_referential_free(ref);
}

/* Accessors given NULL return NULL, 0 or the documented neutral value. */
static void test_null_accessors(void **state)
{
	(void)state;
	assert_null(cispref_referential_id(NULL));
	assert_null(cispref_referential_title(NULL));
	assert_null(cispref_referential_source(NULL, CISPREF_SOURCE_PUBLISHER));
	assert_int_equal(cispref_referential_domain_count(NULL), 0);
	assert_null(cispref_referential_domain(NULL, 0));
	assert_int_equal(cispref_referential_plan_total(NULL), 0);
	assert_int_equal(cispref_referential_item_total(NULL, SF), 0);
	assert_null(cispref_referential_find_domain(NULL, "core"));
	assert_int_equal(cispref_domain_kind(NULL), CISPREF_DOMAIN_CORE);
	assert_int_equal(cispref_domain_plan_count(NULL), 0);
	assert_null(cispref_domain_plan(NULL, 0));
	assert_int_equal(cispref_summary_entry_plan_kind(NULL), CISPREF_PLAN_INDIVIDUAL);
	assert_null(cispref_summary_entry_competence(NULL));
	assert_int_equal(cispref_plan_kind(NULL), CISPREF_PLAN_INDIVIDUAL);
	assert_null(cispref_plan_competence(NULL, 0));
	assert_int_equal(cispref_competence_item_count(NULL, SF), 0);
	assert_null(cispref_competence_item(NULL, SF, 0));
	assert_null(cispref_competence_note(NULL, 0));
	assert_int_equal(cispref_item_kind(NULL), SF);
	assert_null(cispref_item_concept(NULL));
	assert_null(cispref_item_competence(NULL));
	assert_int_equal(cispref_concept_kind(NULL), SF);
	assert_null(cispref_concept_label(NULL));
	assert_null(cispref_note_text(NULL));
}

/* ---- lookup -------------------------------------------------------------------- */

static void test_find(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	const cispref_domain *core = cispref_referential_domain(ref, 0);
	const cispref_plan *ind = cispref_domain_plan(core, 0);
	const cispref_competence *c1 = cispref_plan_competence(ind, 0);

	assert_ptr_equal(cispref_referential_find_domain(ref, "core"), core);
	assert_ptr_equal(cispref_referential_find_domain(ref, "trans"),
	                 cispref_referential_domain(ref, 1));
	assert_ptr_equal(cispref_referential_find_summary_entry(ref, "core.sum.2"),
	                 cispref_domain_summary_entry(core, 1));
	assert_ptr_equal(cispref_referential_find_plan(ref, "core.ind"), ind);
	assert_ptr_equal(cispref_referential_find_plan(ref, "trans.ext"),
	                 cispref_domain_plan(cispref_referential_domain(ref, 1), 1));
	assert_ptr_equal(cispref_referential_find_competence(ref, "core.ind.1"), c1);
	assert_ptr_equal(cispref_referential_find_item(ref, "core.ind.1.sfc.1"),
	                 cispref_competence_item(c1, SFC, 0));
	assert_ptr_equal(cispref_referential_find_item(ref, "core.ind.1.s.3"),
	                 cispref_competence_item(c1, S, 2));
	assert_ptr_equal(cispref_referential_find_concept(ref, "c.ecoute"),
	                 cispref_referential_concept(ref, 1));
	assert_ptr_equal(cispref_referential_find_note(ref, "n22"), cispref_referential_note(ref, 1));

	/* an id of another type of node */
	assert_null(cispref_referential_find_domain(ref, "core.ind"));
	assert_null(cispref_referential_find_summary_entry(ref, "core.ind.1"));
	assert_null(cispref_referential_find_plan(ref, "core"));
	assert_null(cispref_referential_find_competence(ref, "core.sum.1"));
	assert_null(cispref_referential_find_item(ref, "c.outils"));
	assert_null(cispref_referential_find_concept(ref, "n21"));
	assert_null(cispref_referential_find_note(ref, "core.ind.1.sf.1"));

	/* unknown ids, the referential's own id, NULL */
	assert_null(cispref_referential_find_domain(ref, "nope"));
	assert_null(cispref_referential_find_competence(ref, "core.ind.9"));
	assert_null(cispref_referential_find_domain(ref, "demo"));
	assert_null(cispref_referential_find_item(ref, NULL));
	assert_null(cispref_referential_find_item(ref, ""));
	cispref_referential_free(ref);
}

/* ---- setters ------------------------------------------------------------------- */

static void test_setters(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	cispref_domain *core = cispref_referential_edit_domain(ref, cispref_referential_domain(ref, 0));
	cispref_plan *ind = cispref_referential_edit_plan(ref, cispref_domain_plan(core, 0));
	cispref_competence *c1 = cispref_referential_edit_competence(ref, cispref_plan_competence(ind, 0));
	cispref_competence *c2 = cispref_referential_edit_competence(ref, cispref_plan_competence(ind, 1));
	cispref_summary_entry *e2 =
		cispref_referential_edit_summary_entry(ref, cispref_domain_summary_entry(core, 1));
	cispref_item *sf2 = cispref_referential_edit_item(ref, cispref_competence_item(c1, SF, 1));
	cispref_item *sf1 = cispref_referential_edit_item(ref, cispref_competence_item(c1, SF, 0));
	cispref_concept *outils =
		cispref_referential_edit_concept(ref, cispref_referential_concept(ref, 0));
	cispref_note *n21 = cispref_referential_edit_note(ref, cispref_referential_note(ref, 0));

	OK(cispref_referential_set_title(ref, "Nouveau titre"));
	assert_string_equal(cispref_referential_title(ref), "Nouveau titre");
	OK(cispref_referential_set_version(ref, "2025"));
	assert_string_equal(cispref_referential_version(ref), "2025");
	OK(cispref_referential_set_language(ref, "fr-BE"));
	assert_string_equal(cispref_referential_language(ref), "fr-BE");
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_SERIES, "Les cahiers"));
	assert_string_equal(cispref_referential_source(ref, CISPREF_SOURCE_SERIES), "Les cahiers");
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_PUBLISHER, NULL));
	assert_null(cispref_referential_source(ref, CISPREF_SOURCE_PUBLISHER));

	OK(cispref_domain_set_title(core, "Noyau"));
	assert_string_equal(cispref_domain_title(core), "Noyau");
	OK(cispref_domain_set_kind(core, CISPREF_DOMAIN_TRANSVERSAL));
	assert_int_equal(cispref_domain_kind(core), CISPREF_DOMAIN_TRANSVERSAL);

	OK(cispref_summary_entry_set_text(e2, "Dynamique"));
	assert_string_equal(cispref_summary_entry_text(e2), "Dynamique");
	OK(cispref_summary_entry_set_plan_kind(e2, CISPREF_PLAN_JOINT));
	assert_int_equal(cispref_summary_entry_plan_kind(e2), CISPREF_PLAN_JOINT);
	OK(cispref_summary_entry_set_competence(e2, c2));
	assert_string_equal(cispref_summary_entry_competence_id(e2), "core.ind.2");
	assert_ptr_equal(cispref_summary_entry_competence(e2), c2);
	OK(cispref_summary_entry_set_competence(e2, NULL));
	assert_null(cispref_summary_entry_competence_id(e2));
	assert_null(cispref_summary_entry_competence(e2));

	OK(cispref_plan_set_title(ind, "Plan individuel"));
	assert_string_equal(cispref_plan_title(ind), "Plan individuel");
	OK(cispref_plan_set_kind(ind, CISPREF_PLAN_EXTERNAL));
	assert_int_equal(cispref_plan_kind(ind), CISPREF_PLAN_EXTERNAL);

	OK(cispref_competence_set_title(c1, "Analyser autrement"));
	assert_string_equal(cispref_competence_title(c1), "Analyser autrement");

	OK(cispref_item_set_text(sf2, "Cibler et hiérarchiser"));
	assert_string_equal(cispref_item_text(sf2), "Cibler et hiérarchiser");
	/* an empty text is refused (the validator's text-empty), white space alone is a text */
	assert_int_equal(cispref_item_set_text(sf2, ""), CISPREF_EARG);
	assert_string_equal(cispref_item_text(sf2), "Cibler et hiérarchiser");
	OK(cispref_item_set_text(sf2, " "));
	assert_string_equal(cispref_item_text(sf2), " ");
	OK(cispref_item_set_concept(sf2, outils));
	assert_string_equal(cispref_item_concept_id(sf2), "c.outils");
	assert_ptr_equal(cispref_item_concept(sf2), outils);
	OK(cispref_item_set_concept(sf1, NULL));
	assert_null(cispref_item_concept_id(sf1));
	assert_null(cispref_item_concept(sf1));

	OK(cispref_concept_set_label(outils, "Outils"));
	assert_string_equal(cispref_concept_label(outils), "Outils");
	OK(cispref_note_set_text(n21, "Autre texte"));
	assert_string_equal(cispref_note_text(n21), "Autre texte");
	OK(cispref_note_set_number(n21, "21 bis"));
	assert_string_equal(cispref_note_number(n21), "21 bis");

	OK(cispref_competence_add_note(c2, n21));
	assert_int_equal(cispref_competence_note_count(c2), 1);
	assert_ptr_equal(cispref_competence_note(c2, 0), n21);
	OK(cispref_competence_remove_note(c1, 0));
	assert_string_equal(NOTE_REF_IDS(c1), "n22");
	assert_int_equal(cispref_competence_remove_note(c1, 1), CISPREF_EARG);
	assert_string_equal(NOTE_REF_IDS(c1), "n22");
	cispref_referential_free(ref);
}

/* ---- removal ------------------------------------------------------------------- */

static void test_remove_item_entry_concept_note(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	cispref_domain *core = cispref_referential_edit_domain(ref, cispref_referential_domain(ref, 0));
	cispref_competence *c1 = edit_competence(ref, "core.ind.1");
	const cispref_competence *c3 = cispref_referential_find_competence(ref, "core.col.1");

	/* item */
	OK(cispref_competence_remove_item(c1, S, 1));
	assert_int_equal(cispref_competence_item_count(c1, S), 2);
	assert_string_equal(SAVOIR_IDS(c1), "core.ind.1.s.1 core.ind.1.s.3");
	assert_null(cispref_referential_find_item(ref, "core.ind.1.s.2"));
	assert_int_equal(cispref_referential_item_total(ref, S), 3);
	assert_int_equal(cispref_competence_remove_item(c1, S, 2), CISPREF_EARG);
	assert_int_equal(cispref_competence_remove_item(c1, (cispref_item_kind_t)3, 0), CISPREF_EARG);
	assert_int_equal(cispref_competence_item_count(c1, S), 2);
	/* the id can be used again */
	OK(cispref_competence_add_item(NULL, c1, "core.ind.1.s.2", S, "De retour"));
	assert_ptr_equal(cispref_referential_find_item(ref, "core.ind.1.s.2"),
	                 cispref_competence_item(c1, S, 2));

	/* summary entry */
	OK(cispref_domain_remove_summary_entry(core, 0));
	assert_int_equal(cispref_domain_summary_count(core), 2);
	assert_string_equal(ENTRY_IDS(core), "core.sum.2 core.sum.3");
	assert_null(cispref_referential_find_summary_entry(ref, "core.sum.1"));
	assert_int_equal(cispref_domain_remove_summary_entry(core, 2), CISPREF_EARG);
	assert_int_equal(cispref_domain_summary_count(core), 2);

	/* concept: items that pointed to it point to none */
	const cispref_item *sfc1 = cispref_referential_find_item(ref, "core.ind.1.sfc.1");
	assert_non_null(cispref_item_concept(sfc1));
	OK(cispref_referential_remove_concept(ref, 1)); /* c.ecoute */
	assert_int_equal(cispref_referential_concept_count(ref), 2);
	assert_string_equal(CONCEPT_IDS(ref), "c.outils c.cadre");
	assert_null(cispref_referential_find_concept(ref, "c.ecoute"));
	assert_null(cispref_item_concept_id(sfc1));
	assert_null(cispref_item_concept(sfc1));
	/* other links are untouched */
	assert_string_equal(cispref_item_concept_id(cispref_referential_find_item(ref, "core.ind.1.sf.1")),
	                    "c.outils");
	assert_int_equal(cispref_referential_remove_concept(ref, 2), CISPREF_EARG);
	assert_int_equal(cispref_referential_concept_count(ref), 2);

	/* note: every reference to it goes */
	OK(cispref_referential_remove_note(ref, 0)); /* n21 */
	assert_int_equal(cispref_referential_note_count(ref), 1);
	assert_string_equal(NOTE_IDS(ref), "n22");
	assert_null(cispref_referential_find_note(ref, "n21"));
	assert_string_equal(NOTE_REF_IDS(c1), "n22");
	assert_int_equal(cispref_competence_note_count(c3), 0);
	assert_int_equal(cispref_referential_remove_note(ref, 1), CISPREF_EARG);
	assert_int_equal(cispref_referential_note_count(ref), 1);
	cispref_referential_free(ref);
}

static void test_remove_competence_plan_domain(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	cispref_domain *core = cispref_referential_edit_domain(ref, cispref_referential_domain(ref, 0));
	cispref_plan *ind = cispref_referential_edit_plan(ref, cispref_domain_plan(core, 0));
	const cispref_summary_entry *e1 = cispref_domain_summary_entry(core, 0);
	const cispref_summary_entry *e3 = cispref_domain_summary_entry(core, 2);

	/* competence: its items go, summary entries naming it are unlinked */
	OK(cispref_plan_remove_competence(ind, 0)); /* core.ind.1 */
	assert_int_equal(cispref_plan_competence_count(ind), 1);
	assert_string_equal(COMPETENCE_IDS(ind), "core.ind.2");
	assert_null(cispref_referential_find_competence(ref, "core.ind.1"));
	assert_null(cispref_referential_find_item(ref, "core.ind.1.sf.1"));
	assert_null(cispref_referential_find_item(ref, "core.ind.1.s.3"));
	assert_null(cispref_summary_entry_competence_id(e1));
	assert_null(cispref_summary_entry_competence(e1));
	assert_string_equal(cispref_summary_entry_competence_id(e3), "core.col.1");
	assert_int_equal(cispref_referential_competence_total(ref), 3);
	assert_int_equal(cispref_referential_item_total(ref, S), 1);
	assert_int_equal(cispref_plan_remove_competence(ind, 1), CISPREF_EARG);
	assert_int_equal(cispref_plan_competence_count(ind), 1);

	/* plan: its competences and their items go, entries naming them are unlinked */
	OK(cispref_domain_remove_plan(core, 1)); /* core.col */
	assert_int_equal(cispref_domain_plan_count(core), 1);
	assert_string_equal(PLAN_IDS(core), "core.ind");
	assert_null(cispref_referential_find_plan(ref, "core.col"));
	assert_null(cispref_referential_find_competence(ref, "core.col.1"));
	assert_null(cispref_referential_find_item(ref, "core.col.1.sf.1"));
	assert_null(cispref_summary_entry_competence_id(e3));
	assert_int_equal(cispref_referential_plan_total(ref), 3);
	assert_int_equal(cispref_domain_remove_plan(core, 1), CISPREF_EARG);
	assert_int_equal(cispref_domain_plan_count(core), 1);

	/* domain: everything under it goes; the other domain's entry to its competence too */
	const cispref_domain *trans = cispref_referential_domain(ref, 1);
	cispref_summary_entry *core_entry = NULL;
	OK(cispref_domain_add_summary_entry(&core_entry, core, "core.sum.4",
	                                    CISPREF_PLAN_INTERNAL, "Renvoi",
	                                    cispref_referential_find_competence(ref, "trans.int.1")));
	(void)trans;
	OK(cispref_referential_remove_domain(ref, 1)); /* trans */
	assert_int_equal(cispref_referential_domain_count(ref), 1);
	assert_string_equal(DOMAIN_IDS(ref), "core");
	assert_null(cispref_referential_find_domain(ref, "trans"));
	assert_null(cispref_referential_find_summary_entry(ref, "trans.sum.1"));
	assert_null(cispref_referential_find_plan(ref, "trans.int"));
	assert_null(cispref_referential_find_plan(ref, "trans.ext"));
	assert_null(cispref_referential_find_competence(ref, "trans.int.1"));
	assert_null(cispref_referential_find_item(ref, "trans.int.1.s.1"));
	assert_null(cispref_summary_entry_competence_id(core_entry));
	/* concepts and notes belong to the referential: they stay */
	assert_non_null(cispref_referential_find_concept(ref, "c.cadre"));
	assert_int_equal(cispref_referential_summary_total(ref), 4);
	assert_int_equal(cispref_referential_remove_domain(ref, 1), CISPREF_EARG);

	OK(cispref_referential_remove_domain(ref, 0));
	assert_int_equal(cispref_referential_domain_count(ref), 0);
	assert_null(cispref_referential_find_domain(ref, "core"));
	assert_null(cispref_referential_find_competence(ref, "core.ind.2"));
	assert_int_equal(cispref_referential_plan_total(ref), 0);
	assert_int_equal(cispref_referential_competence_total(ref), 0);
	assert_int_equal(cispref_referential_summary_total(ref), 0);
	/* the ids are free again */
	OK(cispref_referential_add_domain(NULL, ref, "trans", CISPREF_DOMAIN_CORE, "Re"));
	assert_non_null(cispref_referential_find_domain(ref, "trans"));
	cispref_referential_free(ref);
}

/* ---- moves --------------------------------------------------------------------- */

static void test_move(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	cispref_domain *core = cispref_referential_edit_domain(ref, cispref_referential_domain(ref, 0));
	cispref_plan *ind = cispref_referential_edit_plan(ref, cispref_domain_plan(core, 0));
	cispref_competence *c1 = cispref_referential_edit_competence(ref, cispref_plan_competence(ind, 0));
	OK(cispref_referential_add_domain(NULL, ref, "third", CISPREF_DOMAIN_CORE, "Troisième"));
	OK(cispref_domain_add_plan(NULL, core, "core.x", CISPREF_PLAN_INDIVIDUAL, "X"));
	OK(cispref_plan_add_competence(NULL, ind, "core.ind.3", "Trois"));
	OK(cispref_referential_add_note(NULL, ref, "n23", "23", "Note vingt-trois."));

	/* domains */
	assert_string_equal(DOMAIN_IDS(ref), "core trans third");
	OK(cispref_referential_move_domain(ref, 0, 2));
	assert_string_equal(DOMAIN_IDS(ref), "trans third core");
	OK(cispref_referential_move_domain(ref, 2, 0));
	assert_string_equal(DOMAIN_IDS(ref), "core trans third");
	OK(cispref_referential_move_domain(ref, 1, 1));
	assert_string_equal(DOMAIN_IDS(ref), "core trans third");
	assert_int_equal(cispref_referential_move_domain(ref, 3, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_move_domain(ref, 0, 3), CISPREF_EARG);
	assert_string_equal(DOMAIN_IDS(ref), "core trans third");

	/* concepts */
	OK(cispref_referential_move_concept(ref, 0, 2));
	assert_string_equal(CONCEPT_IDS(ref), "c.ecoute c.cadre c.outils");
	OK(cispref_referential_move_concept(ref, 2, 0));
	assert_string_equal(CONCEPT_IDS(ref), "c.outils c.ecoute c.cadre");
	OK(cispref_referential_move_concept(ref, 0, 0));
	assert_string_equal(CONCEPT_IDS(ref), "c.outils c.ecoute c.cadre");
	assert_int_equal(cispref_referential_move_concept(ref, 0, 3), CISPREF_EARG);
	assert_int_equal(cispref_referential_move_concept(ref, 7, 1), CISPREF_EARG);
	assert_string_equal(CONCEPT_IDS(ref), "c.outils c.ecoute c.cadre");

	/* notes */
	OK(cispref_referential_move_note(ref, 0, 2));
	assert_string_equal(NOTE_IDS(ref), "n22 n23 n21");
	OK(cispref_referential_move_note(ref, 2, 0));
	assert_string_equal(NOTE_IDS(ref), "n21 n22 n23");
	OK(cispref_referential_move_note(ref, 2, 2));
	assert_string_equal(NOTE_IDS(ref), "n21 n22 n23");
	assert_int_equal(cispref_referential_move_note(ref, 3, 3), CISPREF_EARG);
	assert_string_equal(NOTE_IDS(ref), "n21 n22 n23");

	/* plans */
	OK(cispref_domain_move_plan(core, 0, 2));
	assert_string_equal(PLAN_IDS(core), "core.col core.x core.ind");
	OK(cispref_domain_move_plan(core, 2, 0));
	assert_string_equal(PLAN_IDS(core), "core.ind core.col core.x");
	OK(cispref_domain_move_plan(core, 1, 1));
	assert_string_equal(PLAN_IDS(core), "core.ind core.col core.x");
	assert_int_equal(cispref_domain_move_plan(core, 1, 3), CISPREF_EARG);
	assert_string_equal(PLAN_IDS(core), "core.ind core.col core.x");

	/* summary entries */
	OK(cispref_domain_move_summary_entry(core, 0, 2));
	assert_string_equal(ENTRY_IDS(core), "core.sum.2 core.sum.3 core.sum.1");
	OK(cispref_domain_move_summary_entry(core, 2, 0));
	assert_string_equal(ENTRY_IDS(core), "core.sum.1 core.sum.2 core.sum.3");
	OK(cispref_domain_move_summary_entry(core, 0, 0));
	assert_string_equal(ENTRY_IDS(core), "core.sum.1 core.sum.2 core.sum.3");
	assert_int_equal(cispref_domain_move_summary_entry(core, 3, 1), CISPREF_EARG);
	assert_string_equal(ENTRY_IDS(core), "core.sum.1 core.sum.2 core.sum.3");

	/* competences */
	OK(cispref_plan_move_competence(ind, 0, 2));
	assert_string_equal(COMPETENCE_IDS(ind), "core.ind.2 core.ind.3 core.ind.1");
	OK(cispref_plan_move_competence(ind, 2, 0));
	assert_string_equal(COMPETENCE_IDS(ind), "core.ind.1 core.ind.2 core.ind.3");
	OK(cispref_plan_move_competence(ind, 2, 2));
	assert_string_equal(COMPETENCE_IDS(ind), "core.ind.1 core.ind.2 core.ind.3");
	assert_int_equal(cispref_plan_move_competence(ind, 0, 3), CISPREF_EARG);
	assert_string_equal(COMPETENCE_IDS(ind), "core.ind.1 core.ind.2 core.ind.3");

	/* items, within one list */
	OK(cispref_competence_move_item(c1, S, 0, 2));
	assert_string_equal(SAVOIR_IDS(c1), "core.ind.1.s.2 core.ind.1.s.3 core.ind.1.s.1");
	OK(cispref_competence_move_item(c1, S, 2, 0));
	assert_string_equal(SAVOIR_IDS(c1), "core.ind.1.s.1 core.ind.1.s.2 core.ind.1.s.3");
	OK(cispref_competence_move_item(c1, S, 1, 1));
	assert_string_equal(SAVOIR_IDS(c1), "core.ind.1.s.1 core.ind.1.s.2 core.ind.1.s.3");
	assert_int_equal(cispref_competence_move_item(c1, S, 0, 3), CISPREF_EARG);
	assert_int_equal(cispref_competence_move_item(c1, SFC, 0, 1), CISPREF_EARG);
	assert_int_equal(cispref_competence_move_item(c1, (cispref_item_kind_t)3, 0, 0), CISPREF_EARG);
	assert_string_equal(SAVOIR_IDS(c1), "core.ind.1.s.1 core.ind.1.s.2 core.ind.1.s.3");

	/* NULL containers */
	assert_int_equal(cispref_referential_move_domain(NULL, 0, 0), CISPREF_EARG);
	assert_int_equal(cispref_domain_move_plan(NULL, 0, 0), CISPREF_EARG);
	assert_int_equal(cispref_plan_move_competence(NULL, 0, 0), CISPREF_EARG);
	assert_int_equal(cispref_competence_move_item(NULL, SF, 0, 0), CISPREF_EARG);
	cispref_referential_free(ref);
}

/* ---- errors -------------------------------------------------------------------- */

static void test_duplicate_ids(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	cispref_referential *pristine = build();
	cispref_domain *core = cispref_referential_edit_domain(ref, cispref_referential_domain(ref, 0));
	cispref_plan *ind = cispref_referential_edit_plan(ref, cispref_domain_plan(core, 0));
	cispref_competence *c1 = cispref_referential_edit_competence(ref, cispref_plan_competence(ind, 0));

	/* every kind of node refuses an id held by any other node */
	cispref_domain *d = (cispref_domain *)(uintptr_t)1;
	assert_int_equal(cispref_referential_add_domain(&d, ref, "core.ind", CISPREF_DOMAIN_CORE, "T"),
	                 CISPREF_EEXISTS);
	assert_ptr_equal(d, (cispref_domain *)(uintptr_t)1); /* out untouched */
	assert_int_equal(cispref_referential_add_domain(NULL, ref, "core", CISPREF_DOMAIN_CORE, "T"),
	                 CISPREF_EEXISTS);
	assert_int_equal(cispref_domain_add_plan(NULL, core, "n21", CISPREF_PLAN_INDIVIDUAL, "T"),
	                 CISPREF_EEXISTS);
	assert_int_equal(cispref_domain_add_summary_entry(NULL, core, "core.ind.1.sf.1",
	                                                  CISPREF_PLAN_INDIVIDUAL, "T", NULL),
	                 CISPREF_EEXISTS);
	assert_int_equal(cispref_plan_add_competence(NULL, ind, "c.outils", "T"), CISPREF_EEXISTS);
	assert_int_equal(cispref_competence_add_item(NULL, c1, "core.sum.1", S, "T"), CISPREF_EEXISTS);
	assert_int_equal(cispref_competence_add_item(NULL, c1, "core.ind.1.s.1", S, "T"),
	                 CISPREF_EEXISTS);
	assert_int_equal(cispref_referential_add_concept(NULL, ref, "trans", S, "T"), CISPREF_EEXISTS);
	assert_int_equal(cispref_referential_add_note(NULL, ref, "core.col", "1", "T"),
	                 CISPREF_EEXISTS);
	assert_true(cispref_referential_equal(ref, pristine));
	cispref_referential_free(ref);
	cispref_referential_free(pristine);
}

static void test_invalid_arguments(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	cispref_referential *pristine = build();
	cispref_domain *core = cispref_referential_edit_domain(ref, cispref_referential_domain(ref, 0));
	cispref_plan *ind = cispref_referential_edit_plan(ref, cispref_domain_plan(core, 0));
	cispref_competence *c1 = cispref_referential_edit_competence(ref, cispref_plan_competence(ind, 0));
	cispref_summary_entry *e1 =
		cispref_referential_edit_summary_entry(ref, cispref_domain_summary_entry(core, 0));
	cispref_item *sf1 = cispref_referential_edit_item(ref, cispref_competence_item(c1, SF, 0));
	cispref_concept *outils =
		cispref_referential_edit_concept(ref, cispref_referential_concept(ref, 0));
	cispref_note *n21 = cispref_referential_edit_note(ref, cispref_referential_note(ref, 0));

	/* ids that break [A-Za-z_][A-Za-z0-9._-]* */
	static const char *const bad_ids[] = {"", "1abc", ".a", "-a", "a b", "a/b", "é", "a:b",
	                                      "a\n"};
	for (size_t i = 0; i < sizeof bad_ids / sizeof bad_ids[0]; i++) {
		const char *id = bad_ids[i];
		assert_int_equal(cispref_referential_add_domain(NULL, ref, id, CISPREF_DOMAIN_CORE, "T"),
		                 CISPREF_EARG);
		assert_int_equal(cispref_domain_add_plan(NULL, core, id, CISPREF_PLAN_INDIVIDUAL, "T"),
		                 CISPREF_EARG);
		assert_int_equal(cispref_domain_add_summary_entry(NULL, core, id,
		                                                  CISPREF_PLAN_INDIVIDUAL, "T", NULL),
		                 CISPREF_EARG);
		assert_int_equal(cispref_plan_add_competence(NULL, ind, id, "T"), CISPREF_EARG);
		assert_int_equal(cispref_competence_add_item(NULL, c1, id, SF, "T"), CISPREF_EARG);
		assert_int_equal(cispref_referential_add_concept(NULL, ref, id, SF, "T"), CISPREF_EARG);
		assert_int_equal(cispref_referential_add_note(NULL, ref, id, "1", "T"), CISPREF_EARG);
	}
	assert_int_equal(cispref_referential_add_domain(NULL, ref, NULL, CISPREF_DOMAIN_CORE, "T"),
	                 CISPREF_EARG);
	/* these ids are fine */
	OK(cispref_referential_add_concept(NULL, ref, "_x", SF, "T"));
	OK(cispref_referential_add_concept(NULL, ref, "A-1.b_2", SF, "T"));
	OK(cispref_referential_remove_concept(ref, 4));
	OK(cispref_referential_remove_concept(ref, 3));

	/* texts: NULL, invalid UTF-8, a control character XML cannot hold */
	static const char *const bad_texts[] = {
		NULL,
		"caf\xc3",             /* truncated sequence */
		"\xff\xfe",            /* bytes that never occur in UTF-8 */
		"\x80",                /* a lone continuation byte */
		"a\xc0\xaf",           /* overlong form of '/' */
		"\xe0\x80\xaf",        /* overlong, three bytes */
		"\xed\xa0\x80",        /* a surrogate, U+D800 */
		"\xf4\x90\x80\x80",    /* above U+10FFFF */
		"\xef\xbf\xbe",        /* U+FFFE, not an XML character */
		"\xef\xbf\xbf",        /* U+FFFF, neither */
		"bip\x01", "\x1f", "esc\x1b[0m", "\x0b", /* control characters */
	};
	for (size_t i = 0; i < sizeof bad_texts / sizeof bad_texts[0]; i++) {
		const char *t = bad_texts[i];
		assert_int_equal(cispref_referential_add_domain(NULL, ref, "x", CISPREF_DOMAIN_CORE, t),
		                 CISPREF_EARG);
		assert_int_equal(cispref_domain_add_plan(NULL, core, "x", CISPREF_PLAN_INDIVIDUAL, t),
		                 CISPREF_EARG);
		assert_int_equal(cispref_domain_add_summary_entry(NULL, core, "x",
		                                                  CISPREF_PLAN_INDIVIDUAL, t, NULL),
		                 CISPREF_EARG);
		assert_int_equal(cispref_plan_add_competence(NULL, ind, "x", t), CISPREF_EARG);
		assert_int_equal(cispref_competence_add_item(NULL, c1, "x", SF, t), CISPREF_EARG);
		assert_int_equal(cispref_referential_add_concept(NULL, ref, "x", SF, t), CISPREF_EARG);
		assert_int_equal(cispref_referential_add_note(NULL, ref, "x", "1", t), CISPREF_EARG);
		assert_int_equal(cispref_referential_add_note(NULL, ref, "x", t, "T"), CISPREF_EARG);
		assert_int_equal(cispref_referential_set_title(ref, t), CISPREF_EARG);
		assert_int_equal(cispref_referential_set_version(ref, t), CISPREF_EARG);
		assert_int_equal(cispref_domain_set_title(core, t), CISPREF_EARG);
		assert_int_equal(cispref_summary_entry_set_text(e1, t), CISPREF_EARG);
		assert_int_equal(cispref_plan_set_title(ind, t), CISPREF_EARG);
		assert_int_equal(cispref_competence_set_title(c1, t), CISPREF_EARG);
		assert_int_equal(cispref_item_set_text(sf1, t), CISPREF_EARG);
		assert_int_equal(cispref_concept_set_label(outils, t), CISPREF_EARG);
		assert_int_equal(cispref_note_set_text(n21, t), CISPREF_EARG);
		assert_int_equal(cispref_note_set_number(n21, t), CISPREF_EARG);
		if (t) {
			assert_int_equal(cispref_referential_set_source(ref, CISPREF_SOURCE_SERIES, t),
			                 CISPREF_EARG);
			assert_int_equal(cispref_referential_set_language(ref, t), CISPREF_EARG);
		}
		cispref_referential *other = NULL;
		assert_int_equal(cispref_referential_new(&other, "x", t), CISPREF_EARG);
		assert_null(other);
	}
	assert_null(cispref_referential_find_concept(ref, "x"));
	/* the texts of the validator's rule text-empty are refused empty, so that what the
	 * builder makes a strict load reads back; metadata may be empty */
	assert_int_equal(cispref_referential_add_domain(NULL, ref, "x", CISPREF_DOMAIN_CORE, ""),
	                 CISPREF_EARG);
	assert_int_equal(cispref_domain_add_plan(NULL, core, "x", CISPREF_PLAN_INDIVIDUAL, ""),
	                 CISPREF_EARG);
	assert_int_equal(cispref_domain_add_summary_entry(NULL, core, "x", CISPREF_PLAN_INDIVIDUAL,
	                                                  "", NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_plan_add_competence(NULL, ind, "x", ""), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_item(NULL, c1, "x", SF, ""), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_concept(NULL, ref, "x", SF, ""), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_note(NULL, ref, "x", "1", ""), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_title(ref, ""), CISPREF_EARG);
	assert_int_equal(cispref_domain_set_title(core, ""), CISPREF_EARG);
	assert_int_equal(cispref_summary_entry_set_text(e1, ""), CISPREF_EARG);
	assert_int_equal(cispref_plan_set_title(ind, ""), CISPREF_EARG);
	assert_int_equal(cispref_competence_set_title(c1, ""), CISPREF_EARG);
	assert_int_equal(cispref_item_set_text(sf1, ""), CISPREF_EARG);
	assert_int_equal(cispref_concept_set_label(outils, ""), CISPREF_EARG);
	assert_int_equal(cispref_note_set_text(n21, ""), CISPREF_EARG);
	cispref_referential *untitled = NULL;
	assert_int_equal(cispref_referential_new(&untitled, "x", ""), CISPREF_EARG);
	assert_null(untitled);
	/* (restored below: the referential must end as it began) */
	OK(cispref_referential_set_version(ref, ""));
	OK(cispref_note_set_number(n21, ""));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_SERIES, ""));
	OK(cispref_referential_set_version(ref, cispref_referential_version(pristine)));
	OK(cispref_note_set_number(n21, "21"));
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_SERIES, NULL));
	assert_int_equal(cispref_referential_set_language(ref, ""), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_language(ref, NULL), CISPREF_EARG);
	/* a language is a well-formed BCP 47 tag (RFC 5646 section 2.1), as a translation's */
	static const char *const bad_tags[] = {"not a tag!", "fr_BE", "fr-", "-fr", "fr--BE",
	                                       "frenchfries", "fr-BE-x", "x", "français"};
	for (size_t i = 0; i < sizeof bad_tags / sizeof bad_tags[0]; i++) {
		assert_int_equal(cispref_referential_set_language(ref, bad_tags[i]), CISPREF_EARG);
		assert_int_equal(cispref_referential_set_translation(ref, "core.ind.1", bad_tags[i],
		                                                     "T"),
		                 CISPREF_EARG);
	}
	assert_string_equal(cispref_referential_language(ref), "fr");
	static const char *const good_tags[] = {"nl", "de-Latn-CH", "es-419", "x-private",
	                                        "i-klingon", "FR"};
	for (size_t i = 0; i < sizeof good_tags / sizeof good_tags[0]; i++) {
		OK(cispref_referential_set_language(ref, good_tags[i]));
		assert_string_equal(cispref_referential_language(ref), good_tags[i]);
	}
	OK(cispref_referential_set_language(ref, "fr"));
	/* a competence refers to a note once: c1 refers to n21 already */
	assert_int_equal(cispref_competence_add_note(c1, n21), CISPREF_EEXISTS);
	assert_int_equal(cispref_competence_note_count(c1), 2);
	/* tab, newline, carriage return and any other character are allowed */
	OK(cispref_item_set_text(sf1, "a\tb\nc\rd"));
	OK(cispref_item_set_text(sf1, "\x7f \xc2\x80 \xc2\xa0 \xef\xbf\xbd \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf"));
	OK(cispref_item_set_text(sf1, "Utiliser des outils adaptés"));

	/* kinds out of range */
	assert_int_equal(cispref_referential_add_domain(NULL, ref, "x", (cispref_domain_kind_t)2, "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_add_domain(NULL, ref, "x", (cispref_domain_kind_t)-1, "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_domain_add_plan(NULL, core, "x", (cispref_plan_kind_t)5, "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_domain_add_summary_entry(NULL, core, "x", (cispref_plan_kind_t)5,
	                                                  "T", NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_competence_add_item(NULL, c1, "x", (cispref_item_kind_t)3, "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_add_concept(NULL, ref, "x", (cispref_item_kind_t)-1, "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_domain_set_kind(core, (cispref_domain_kind_t)2), CISPREF_EARG);
	assert_int_equal(cispref_plan_set_kind(ind, (cispref_plan_kind_t)5), CISPREF_EARG);
	assert_int_equal(cispref_summary_entry_set_plan_kind(e1, (cispref_plan_kind_t)-1),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_set_source(ref, (cispref_source_field_t)5, "x"),
	                 CISPREF_EARG);

	/* NULL handles */
	assert_int_equal(cispref_referential_add_domain(NULL, NULL, "x", CISPREF_DOMAIN_CORE, "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_domain_add_plan(NULL, NULL, "x", CISPREF_PLAN_INDIVIDUAL, "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_plan_add_competence(NULL, NULL, "x", "T"), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_item(NULL, NULL, "x", SF, "T"), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_note(c1, NULL), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_note(NULL, n21), CISPREF_EARG);
	assert_int_equal(cispref_item_set_concept(NULL, outils), CISPREF_EARG);
	assert_int_equal(cispref_summary_entry_set_competence(NULL, c1), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_title(NULL, "T"), CISPREF_EARG);
	assert_int_equal(cispref_referential_remove_domain(NULL, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_new(NULL, "x", "T"), CISPREF_EARG);
	cispref_referential *other = NULL;
	assert_int_equal(cispref_referential_new(&other, "1x", "T"), CISPREF_EARG);
	assert_null(other);

	/* nothing of the above changed anything */
	assert_true(cispref_referential_equal(ref, pristine));
	cispref_referential_free(ref);
	cispref_referential_free(pristine);
}

/* cispref_referential_edit_*(): the node a lookup found (a const handle) comes back as
 * the same node, mutable, from the referential that holds it, and NULL from another one
 * (even one with a node of the same id); edits through it show through the const handle. */
static void test_edit_handles(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	cispref_referential *other = build();

	const cispref_domain *domain = cispref_referential_find_domain(ref, "trans");
	const cispref_summary_entry *entry = cispref_referential_find_summary_entry(ref, "core.sum.2");
	const cispref_plan *plan = cispref_referential_find_plan(ref, "core.col");
	const cispref_competence *comp = cispref_referential_find_competence(ref, "core.ind.2");
	const cispref_item *item = cispref_referential_find_item(ref, "core.ind.1.s.2");
	const cispref_concept *concept = cispref_referential_find_concept(ref, "c.cadre");
	const cispref_note *note = cispref_referential_find_note(ref, "n22");

	assert_ptr_equal(cispref_referential_edit_domain(ref, domain), domain);
	assert_ptr_equal(cispref_referential_edit_summary_entry(ref, entry), entry);
	assert_ptr_equal(cispref_referential_edit_plan(ref, plan), plan);
	assert_ptr_equal(cispref_referential_edit_competence(ref, comp), comp);
	assert_ptr_equal(cispref_referential_edit_item(ref, item), item);
	assert_ptr_equal(cispref_referential_edit_concept(ref, concept), concept);
	assert_ptr_equal(cispref_referential_edit_note(ref, note), note);

	assert_null(cispref_referential_edit_domain(other, domain));
	assert_null(cispref_referential_edit_summary_entry(other, entry));
	assert_null(cispref_referential_edit_plan(other, plan));
	assert_null(cispref_referential_edit_competence(other, comp));
	assert_null(cispref_referential_edit_item(other, item));
	assert_null(cispref_referential_edit_concept(other, concept));
	assert_null(cispref_referential_edit_note(other, note));
	assert_null(cispref_referential_edit_item(ref, NULL));
	assert_null(cispref_referential_edit_item(NULL, item));

	OK(cispref_domain_set_title(cispref_referential_edit_domain(ref, domain), "Dire"));
	assert_string_equal(cispref_domain_title(domain), "Dire");
	OK(cispref_summary_entry_set_text(cispref_referential_edit_summary_entry(ref, entry), "G"));
	assert_string_equal(cispref_summary_entry_text(entry), "G");
	OK(cispref_plan_set_title(cispref_referential_edit_plan(ref, plan), "Groupe"));
	assert_string_equal(cispref_plan_title(plan), "Groupe");
	OK(cispref_competence_add_item(NULL, cispref_referential_edit_competence(ref, comp),
	                               "core.ind.2.s.1", S, "Le réseau local"));
	assert_int_equal(cispref_competence_item_count(comp, S), 1);
	OK(cispref_item_set_concept(cispref_referential_edit_item(ref, item), concept));
	assert_ptr_equal(cispref_item_concept(item), concept);
	OK(cispref_concept_set_label(cispref_referential_edit_concept(ref, concept), "Le cadre"));
	assert_string_equal(cispref_concept_label(concept), "Le cadre");
	OK(cispref_note_set_text(cispref_referential_edit_note(ref, note), "Vingt-deux."));
	assert_string_equal(cispref_note_text(note), "Vingt-deux.");

	/* The other referential, built the same way, is as it was. */
	assert_string_equal(cispref_domain_title(cispref_referential_find_domain(other, "trans")),
	                    "Communication");
	assert_string_equal(cispref_note_text(cispref_referential_find_note(other, "n22")),
	                    "Note vingt-deux.");
	cispref_referential_free(other);
	cispref_referential_free(ref);
}

/* Handles of another referential are refused by every function that links nodes. */
static void test_foreign_handles(void **state)
{
	(void)state;
	cispref_referential *ref = build();
	cispref_referential *other = build();
	cispref_referential *pristine = build();
	cispref_domain *core = cispref_referential_edit_domain(ref, cispref_referential_domain(ref, 0));
	cispref_competence *c1 = edit_competence(ref, "core.ind.1");
	cispref_item *sf2 = edit_item(ref, "core.ind.1.sf.2");
	cispref_summary_entry *e2 = edit_summary_entry(ref, "core.sum.2");

	const cispref_concept *their_concept = cispref_referential_find_concept(other, "c.outils");
	const cispref_note *their_note = cispref_referential_find_note(other, "n21");
	const cispref_competence *their_comp = cispref_referential_find_competence(other, "core.ind.2");
	assert_non_null(their_concept);
	assert_non_null(their_note);
	assert_non_null(their_comp);

	assert_int_equal(cispref_item_set_concept(sf2, their_concept), CISPREF_EARG);
	assert_null(cispref_item_concept_id(sf2));
	assert_int_equal(cispref_competence_add_note(c1, their_note), CISPREF_EARG);
	assert_int_equal(cispref_competence_note_count(c1), 2);
	assert_int_equal(cispref_summary_entry_set_competence(e2, their_comp), CISPREF_EARG);
	assert_null(cispref_summary_entry_competence_id(e2));
	assert_int_equal(cispref_domain_add_summary_entry(NULL, core, "core.sum.9",
	                                                  CISPREF_PLAN_INDIVIDUAL, "T", their_comp),
	                 CISPREF_EARG);
	assert_int_equal(cispref_domain_summary_count(core), 3);
	assert_true(cispref_referential_equal(ref, pristine));
	assert_true(cispref_referential_equal(other, pristine));
	cispref_referential_free(ref);
	cispref_referential_free(other);
	cispref_referential_free(pristine);
}

/* ---- kind names ---------------------------------------------------------------- */

static void test_kind_names(void **state)
{
	(void)state;
	static const char *const domain_names[] = {"core", "transversal"};
	static const char *const plan_names[] = {"individual", "collective", "internal", "external",
	                                         "joint"};
	static const char *const item_names[] = {"savoir-faire", "savoir-faire-comportemental",
	                                         "savoir"};
	static const char *const field_names[] = {"publisher", "series", "number", "date",
	                                          "approval"};
	for (int i = 0; i < 2; i++) {
		cispref_domain_kind_t k = (cispref_domain_kind_t)99;
		assert_string_equal(cispref_domain_kind_name((cispref_domain_kind_t)i), domain_names[i]);
		assert_int_equal(cispref_domain_kind_from_name(&k, domain_names[i]), CISPREF_OK);
		assert_int_equal(k, i);
	}
	for (int i = 0; i < 5; i++) {
		cispref_plan_kind_t k = (cispref_plan_kind_t)99;
		assert_string_equal(cispref_plan_kind_name((cispref_plan_kind_t)i), plan_names[i]);
		assert_int_equal(cispref_plan_kind_from_name(&k, plan_names[i]), CISPREF_OK);
		assert_int_equal(k, i);
	}
	for (int i = 0; i < CISPREF_ITEM_KIND_COUNT; i++) {
		cispref_item_kind_t k = (cispref_item_kind_t)99;
		assert_string_equal(cispref_item_kind_name((cispref_item_kind_t)i), item_names[i]);
		assert_int_equal(cispref_item_kind_from_name(&k, item_names[i]), CISPREF_OK);
		assert_int_equal(k, i);
	}
	for (int i = 0; i < CISPREF_SOURCE_FIELD_COUNT; i++)
		assert_string_equal(cispref_source_field_name((cispref_source_field_t)i), field_names[i]);

	assert_null(cispref_domain_kind_name((cispref_domain_kind_t)2));
	assert_null(cispref_domain_kind_name((cispref_domain_kind_t)-1));
	assert_null(cispref_plan_kind_name((cispref_plan_kind_t)5));
	assert_null(cispref_item_kind_name((cispref_item_kind_t)3));
	assert_null(cispref_source_field_name((cispref_source_field_t)5));

	/* unknown names leave *out alone */
	cispref_domain_kind_t dk = CISPREF_DOMAIN_TRANSVERSAL;
	cispref_plan_kind_t pk = CISPREF_PLAN_JOINT;
	cispref_item_kind_t ik = CISPREF_ITEM_SAVOIR;
	static const char *const unknown[] = {"", "Core", "core ", "individuel", "savoirs",
	                                      "savoir_faire", "xml"};
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		assert_int_equal(cispref_domain_kind_from_name(&dk, unknown[i]), CISPREF_EARG);
		assert_int_equal(cispref_plan_kind_from_name(&pk, unknown[i]), CISPREF_EARG);
		assert_int_equal(cispref_item_kind_from_name(&ik, unknown[i]), CISPREF_EARG);
	}
	assert_int_equal(cispref_domain_kind_from_name(&dk, NULL), CISPREF_EARG);
	assert_int_equal(cispref_plan_kind_from_name(&pk, NULL), CISPREF_EARG);
	assert_int_equal(cispref_item_kind_from_name(&ik, NULL), CISPREF_EARG);
	assert_int_equal(cispref_domain_kind_from_name(NULL, "core"), CISPREF_EARG);
	assert_int_equal(cispref_plan_kind_from_name(NULL, "joint"), CISPREF_EARG);
	assert_int_equal(cispref_item_kind_from_name(NULL, "savoir"), CISPREF_EARG);
	assert_int_equal(dk, CISPREF_DOMAIN_TRANSVERSAL);
	assert_int_equal(pk, CISPREF_PLAN_JOINT);
	assert_int_equal(ik, CISPREF_ITEM_SAVOIR);
}

/* ---- equality ------------------------------------------------------------------ */

typedef void (*change_fn)(cispref_referential *ref);

static void change_title(cispref_referential *ref)
{
	OK(cispref_referential_set_title(ref, "Démo 2"));
}
static void change_version(cispref_referential *ref)
{
	OK(cispref_referential_set_version(ref, "2025"));
}
static void change_source(cispref_referential *ref)
{
	OK(cispref_referential_set_source(ref, CISPREF_SOURCE_APPROVAL, "Validé"));
}
static void change_domain_kind(cispref_referential *ref)
{
	OK(cispref_domain_set_kind(edit_domain(ref, "trans"), CISPREF_DOMAIN_CORE));
}
static void change_plan_title(cispref_referential *ref)
{
	OK(cispref_plan_set_title(edit_plan(ref, "core.col"), "Collectif "));
}
static void change_item_text(cispref_referential *ref)
{
	OK(cispref_item_set_text(edit_item(ref, "core.ind.1.s.2"), "Le réseau."));
}
static void change_concept_link(cispref_referential *ref)
{
	OK(cispref_item_set_concept(edit_item(ref, "core.ind.1.sf.2"),
	                            cispref_referential_find_concept(ref, "c.outils")));
}
static void change_concept_unlink(cispref_referential *ref)
{
	OK(cispref_item_set_concept(edit_item(ref, "core.ind.1.sf.1"), NULL));
}
static void change_summary_link(cispref_referential *ref)
{
	OK(cispref_summary_entry_set_competence(
		edit_summary_entry(ref, "core.sum.2"),
		cispref_referential_find_competence(ref, "core.col.1")));
}
static void change_item_order(cispref_referential *ref)
{
	OK(cispref_competence_move_item(edit_competence(ref, "core.ind.1"), S, 0, 1));
}
static void change_domain_order(cispref_referential *ref)
{
	OK(cispref_referential_move_domain(ref, 1, 0));
}
static void change_note_order(cispref_referential *ref)
{
	OK(cispref_referential_move_note(ref, 0, 1));
}
static void change_note_ref(cispref_referential *ref)
{
	OK(cispref_competence_remove_note(edit_competence(ref, "core.col.1"), 0));
}
static void change_note_number(cispref_referential *ref)
{
	OK(cispref_note_set_number(edit_note(ref, "n22"), "23"));
}
static void change_concept_label(cispref_referential *ref)
{
	OK(cispref_concept_set_label(edit_concept(ref, "c.cadre"), "Le cadre"));
}
static void change_add_item(cispref_referential *ref)
{
	OK(cispref_competence_add_item(NULL, edit_competence(ref, "core.ind.2"),
	                               "core.ind.2.s.1", S, "Nouveau"));
}

static void test_equal(void **state)
{
	(void)state;
	static const change_fn changes[] = {
		change_title, change_version, change_source, change_domain_kind, change_plan_title,
		change_item_text, change_concept_link, change_concept_unlink, change_summary_link,
		change_item_order, change_domain_order, change_note_order, change_note_ref,
		change_note_number, change_concept_label, change_add_item,
	};
	cispref_referential *a = build();
	cispref_referential *b = build();
	assert_true(cispref_referential_equal(a, b));
	assert_true(cispref_referential_equal(b, a));
	assert_true(cispref_referential_equal(a, a));
	assert_true(cispref_referential_equal(NULL, NULL));
	assert_false(cispref_referential_equal(a, NULL));
	assert_false(cispref_referential_equal(NULL, a));
	cispref_referential_free(b);

	for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
		b = build();
		changes[i](b);
		if (cispref_referential_equal(a, b) || cispref_referential_equal(b, a))
			fail_msg("change %zu left the referentials equal", i);
		cispref_referential_free(b);
	}

	/* a change undone gives equal referentials again */
	b = build();
	change_item_order(b);
	OK(cispref_competence_move_item(edit_competence(b, "core.ind.1"), S, 1, 0));
	assert_true(cispref_referential_equal(a, b));
	cispref_referential_free(b);
	cispref_referential_free(a);
}

static void test_free_null(void **state)
{
	(void)state;
	cispref_referential_free(NULL);
	cispref_referential *ref = NULL;
	OK(cispref_referential_new(&ref, "empty", "Vide"));
	assert_string_equal(cispref_referential_title(ref), "Vide");
	assert_string_equal(cispref_referential_version(ref), "1");
	assert_int_equal(cispref_referential_domain_count(ref), 0);
	cispref_referential_free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_referential_accessors),
		cmocka_unit_test(test_domain_plan_entry_accessors),
		cmocka_unit_test(test_competence_item_accessors),
		cmocka_unit_test(test_null_accessors),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_setters),
		cmocka_unit_test(test_remove_item_entry_concept_note),
		cmocka_unit_test(test_remove_competence_plan_domain),
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_invalid_arguments),
		cmocka_unit_test(test_edit_handles),
		cmocka_unit_test(test_foreign_handles),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_free_null),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
