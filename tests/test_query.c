/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Querying: node types, filtered walks, the concept index and full-text search.
 *
 * Expected values on the embedded referential were counted from
 * data/accompagnement-cisp.xml and checked against the source text (Part 3 of the cahier
 * n°24), not copied from the library's output. The query-*.xml fixtures document their
 * own expected values in a comment at their top. */
#include "test_util.h"

/* The embedded referential and its index, shared by the tests that only read them. */
typedef struct shared {
	cispref_referential *ref;
	cispref_index *index;
} shared;

static cispref_referential *load_fixture(const char *name)
{
	cispref_referential *ref = NULL;
	cispref_error error = {0};
	int rc = cispref_referential_load_file(&ref, fixture(name), NULL, &error);
	if (rc != CISPREF_OK)
		fail_msg("loading %s: %s", name, error.text);
	return ref;
}

static cispref_index *new_index(const cispref_referential *ref)
{
	cispref_index *index = NULL;
	assert_int_equal(cispref_index_new(&index, ref), CISPREF_OK);
	assert_non_null(index);
	assert_ptr_equal(cispref_index_referential(index), ref);
	return index;
}

/* ---- node types ------------------------------------------------------------------ */

static void test_node_type(void **state)
{
	const cispref_referential *ref = ((shared *)*state)->ref;
	static const struct {
		const char *id;
		cispref_node_type_t type;
		const char *name;
	} cases[] = {
		{"psy", CISPREF_NODE_DOMAIN, "domain"},
		{"com", CISPREF_NODE_DOMAIN, "domain"},
		{"psy.sum.1", CISPREF_NODE_SUMMARY_ENTRY, "summary-entry"},
		{"sociopro.sum.2", CISPREF_NODE_SUMMARY_ENTRY, "summary-entry"},
		{"psy.ind", CISPREF_NODE_PLAN, "plan"},
		{"admin.joint", CISPREF_NODE_PLAN, "plan"},
		{"psy.ind.1", CISPREF_NODE_COMPETENCE, "competence"},
		{"com.ext.3", CISPREF_NODE_COMPETENCE, "competence"},
		{"psy.ind.1.sf.1", CISPREF_NODE_ITEM, "item"},
		{"peda.col.2.s.11", CISPREF_NODE_ITEM, "item"},
		{"c.ecoute-active", CISPREF_NODE_CONCEPT, "concept"},
		{"note.21", CISPREF_NODE_NOTE, "note"},
		{"note.23", CISPREF_NODE_NOTE, "note"},
		{"nope", CISPREF_NODE_NONE, "none"},
		{"", CISPREF_NODE_NONE, "none"},
		{"PSY", CISPREF_NODE_NONE, "none"},        /* ids are case-sensitive */
		{"psy.ind.1.sf.99", CISPREF_NODE_NONE, "none"},
		{"note.24", CISPREF_NODE_NONE, "none"},
	};
	for (size_t i = 0; i < N_ELEMENTS(cases); i++) {
		cispref_node_type_t type = cispref_referential_node_type(ref, cases[i].id);
		if (type != cases[i].type)
			fail_msg("'%s': type %d, expected %d", cases[i].id, type, cases[i].type);
		assert_string_equal(cispref_node_type_name(type), cases[i].name);
	}
	/* The type says which lookup finds the node. */
	assert_non_null(cispref_referential_find_summary_entry(ref, "psy.sum.1"));
	assert_null(cispref_referential_find_competence(ref, "psy.sum.1"));
	assert_non_null(cispref_referential_find_concept(ref, "c.ecoute-active"));

	assert_int_equal(cispref_referential_node_type(ref, NULL), CISPREF_NODE_NONE);
	assert_int_equal(cispref_referential_node_type(NULL, "psy"), CISPREF_NODE_NONE);
	assert_int_equal(cispref_referential_node_type(NULL, NULL), CISPREF_NODE_NONE);
}

static void test_node_type_name(void **state)
{
	(void)state;
	static const char *const names[] = {"none", "domain", "summary-entry", "plan",
	                                    "competence", "item", "concept", "note"};
	for (int t = CISPREF_NODE_NONE; t <= CISPREF_NODE_NOTE; t++)
		assert_string_equal(cispref_node_type_name((cispref_node_type_t)t), names[t]);
	assert_null(cispref_node_type_name((cispref_node_type_t)8));
	assert_null(cispref_node_type_name((cispref_node_type_t)-1));
	assert_null(cispref_node_type_name((cispref_node_type_t)1000));
}

/* ---- walks ----------------------------------------------------------------------- */

#define MAX_SEEN 400

/* What a walk saw: the ids in order; stops with @stop_value after @stop_after calls. */
typedef struct walk {
	size_t calls;
	const char *ids[MAX_SEEN];
	size_t kinds[CISPREF_ITEM_KIND_COUNT];
	size_t stop_after;
	int stop_value;
	const void *expected_payload;
} walk;

static int on_competence(const cispref_competence *competence, void *payload)
{
	walk *w = payload;
	assert_non_null(competence);
	if (w->calls < MAX_SEEN)
		w->ids[w->calls] = cispref_competence_id(competence);
	w->calls++;
	return w->stop_after && w->calls == w->stop_after ? w->stop_value : 0;
}

static int on_item(const cispref_item *item, void *payload)
{
	walk *w = payload;
	assert_non_null(item);
	if (w->calls < MAX_SEEN)
		w->ids[w->calls] = cispref_item_id(item);
	w->calls++;
	w->kinds[cispref_item_kind(item)]++;
	return w->stop_after && w->calls == w->stop_after ? w->stop_value : 0;
}

static size_t count_competences(const cispref_referential *ref, const cispref_filter *filter)
{
	walk w = {0};
	assert_int_equal(cispref_referential_foreach_competence(ref, filter, on_competence, &w), 0);
	return w.calls;
}

static size_t count_items(const cispref_referential *ref, const cispref_filter *filter)
{
	walk w = {0};
	assert_int_equal(cispref_referential_foreach_item(ref, filter, on_item, &w), 0);
	return w.calls;
}

static void test_foreach_all(void **state)
{
	const cispref_referential *ref = ((shared *)*state)->ref;
	static const char *const competences[] = {
		"psy.ind.1", "psy.ind.2", "psy.ind.3", "psy.ind.4", "psy.ind.5", "psy.col.1",
		"peda.ind.1", "peda.ind.2", "peda.ind.3", "peda.col.1", "peda.col.2",
		"sociopro.ind.1", "sociopro.ind.2", "sociopro.ind.3", "sociopro.col.1",
		"admin.joint.1", "admin.joint.2", "com.int.1", "com.ext.1", "com.ext.2", "com.ext.3"};
	walk w = {0};
	assert_int_equal(cispref_referential_foreach_competence(ref, NULL, on_competence, &w), 0);
	assert_int_equal(w.calls, N_ELEMENTS(competences));
	for (size_t i = 0; i < N_ELEMENTS(competences); i++)
		assert_string_equal(w.ids[i], competences[i]);

	/* A filter that lets everything through is the same as none. */
	cispref_filter all = CISPREF_FILTER_INIT;
	assert_int_equal(count_competences(ref, &all), 21);

	/* Items: 110 savoir-faire, 104 comportementaux, 119 savoirs, 333 in all; competence
	 * by competence, savoir-faire first, then comportementaux, then savoirs. */
	walk items = {0};
	assert_int_equal(cispref_referential_foreach_item(ref, NULL, on_item, &items), 0);
	assert_int_equal(items.calls, 333);
	assert_int_equal(items.kinds[SF], 110);
	assert_int_equal(items.kinds[SFC], 104);
	assert_int_equal(items.kinds[S], 119);
	static const char *const first[] = {
		"psy.ind.1.sf.1", "psy.ind.1.sf.2", "psy.ind.1.sf.3", "psy.ind.1.sf.4",
		"psy.ind.1.sfc.1", "psy.ind.1.sfc.2", "psy.ind.1.sfc.3", "psy.ind.1.sfc.4",
		"psy.ind.1.sfc.5", "psy.ind.1.s.1", "psy.ind.1.s.2", "psy.ind.1.s.3",
		"psy.ind.1.s.4", "psy.ind.1.s.5", "psy.ind.2.sf.1"};
	for (size_t i = 0; i < N_ELEMENTS(first); i++)
		assert_string_equal(items.ids[i], first[i]);
	/* com.ext.2 and com.ext.3 have savoir-faire only. */
	assert_string_equal(items.ids[324], "com.ext.1.s.7");
	assert_string_equal(items.ids[325], "com.ext.2.sf.1");
	assert_string_equal(items.ids[330], "com.ext.3.sf.1");
	assert_string_equal(items.ids[332], "com.ext.3.sf.3");
	assert_int_equal(count_items(ref, &all), 333);
}

static void test_foreach_filters(void **state)
{
	const cispref_referential *ref = ((shared *)*state)->ref;
	cispref_filter f = CISPREF_FILTER_INIT;

	/* By domain id: pédagogique has 5 competences; its savoirs are
	 * 6 + 6 + 12 + 12 + 11 = 47, and it has 30 + 31 + 47 = 108 items. */
	f.domain_id = "peda";
	assert_int_equal(count_competences(ref, &f), 5);
	assert_int_equal(count_items(ref, &f), 108);
	f.item_kinds = CISPREF_MASK(S);
	assert_int_equal(count_items(ref, &f), 47);
	walk w = {0};
	assert_int_equal(cispref_referential_foreach_item(ref, &f, on_item, &w), 0);
	assert_string_equal(w.ids[0], "peda.ind.1.s.1");
	assert_string_equal(w.ids[6], "peda.ind.2.s.1");
	assert_string_equal(w.ids[46], "peda.col.2.s.11");
	assert_int_equal(w.kinds[S], 47);
	/* The walk over competences ignores the item kinds. */
	assert_int_equal(count_competences(ref, &f), 5);

	/* An id that names no domain, or names another type of node, is an error (query.h),
	 * reported before the callback is ever called. */
	f = (cispref_filter)CISPREF_FILTER_INIT;
	f.domain_id = "nope";
	w = (walk){0};
	assert_int_equal(cispref_referential_foreach_competence(ref, &f, on_competence, &w),
	                 CISPREF_ENOTFOUND);
	assert_int_equal(cispref_referential_foreach_item(ref, &f, on_item, &w), CISPREF_ENOTFOUND);
	f.domain_id = "psy.ind"; /* a plan */
	assert_int_equal(cispref_referential_foreach_competence(ref, &f, on_competence, &w),
	                 CISPREF_ENOTFOUND);
	f.domain_id = "";
	assert_int_equal(cispref_referential_foreach_item(ref, &f, on_item, &w), CISPREF_ENOTFOUND);
	assert_int_equal(w.calls, 0);

	/* By domain kind: the two transversal axes hold 2 + 4 competences and
	 * 17 + 41 = 58 items; the three core domains 15 and 275. */
	f = (cispref_filter)CISPREF_FILTER_INIT;
	f.domain_kinds = CISPREF_MASK(CISPREF_DOMAIN_TRANSVERSAL);
	assert_int_equal(count_competences(ref, &f), 6);
	assert_int_equal(count_items(ref, &f), 58);
	f.domain_kinds = CISPREF_MASK(CISPREF_DOMAIN_CORE);
	assert_int_equal(count_competences(ref, &f), 15);
	assert_int_equal(count_items(ref, &f), 275);
	f.domain_kinds = CISPREF_MASK(CISPREF_DOMAIN_CORE) | CISPREF_MASK(CISPREF_DOMAIN_TRANSVERSAL);
	assert_int_equal(count_competences(ref, &f), 21);

	/* By plan kind: four collective competences (psy.col.1 7/8/8, peda.col.1 5/6/12,
	 * peda.col.2 6/8/11, sociopro.col.1 5/5/6: 87 items). */
	f = (cispref_filter)CISPREF_FILTER_INIT;
	f.plan_kinds = CISPREF_MASK(CISPREF_PLAN_COLLECTIVE);
	w = (walk){0};
	assert_int_equal(cispref_referential_foreach_competence(ref, &f, on_competence, &w), 0);
	assert_int_equal(w.calls, 4);
	assert_string_equal(w.ids[0], "psy.col.1");
	assert_string_equal(w.ids[1], "peda.col.1");
	assert_string_equal(w.ids[2], "peda.col.2");
	assert_string_equal(w.ids[3], "sociopro.col.1");
	assert_int_equal(count_items(ref, &f), 87);
	/* joint: the two administrative competences, 3/2/3 and 2/3/4. */
	f.plan_kinds = CISPREF_MASK(CISPREF_PLAN_JOINT);
	assert_int_equal(count_competences(ref, &f), 2);
	assert_int_equal(count_items(ref, &f), 17);
	/* internal or external: the communication axis, 1 + 3 competences. */
	f.plan_kinds = CISPREF_MASK(CISPREF_PLAN_INTERNAL) | CISPREF_MASK(CISPREF_PLAN_EXTERNAL);
	assert_int_equal(count_competences(ref, &f), 4);
	assert_int_equal(count_items(ref, &f), 41);
	/* individual: 5 + 3 + 3 = 11 competences. */
	f.plan_kinds = CISPREF_MASK(CISPREF_PLAN_INDIVIDUAL);
	assert_int_equal(count_competences(ref, &f), 11);
	assert_int_equal(count_items(ref, &f), 333 - 87 - 17 - 41);

	/* By item kind. */
	f = (cispref_filter)CISPREF_FILTER_INIT;
	f.item_kinds = CISPREF_MASK(SFC);
	assert_int_equal(count_items(ref, &f), 104);
	f.item_kinds = CISPREF_MASK(SF) | CISPREF_MASK(S);
	w = (walk){0};
	assert_int_equal(cispref_referential_foreach_item(ref, &f, on_item, &w), 0);
	assert_int_equal(w.calls, 229);
	assert_int_equal(w.kinds[SFC], 0);
	assert_string_equal(w.ids[3], "psy.ind.1.sf.4");
	assert_string_equal(w.ids[4], "psy.ind.1.s.1");

	/* Combined with AND: the external communication plan's savoirs are com.ext.1's 7. */
	f = (cispref_filter)CISPREF_FILTER_INIT;
	f.domain_id = "com";
	f.plan_kinds = CISPREF_MASK(CISPREF_PLAN_EXTERNAL);
	f.item_kinds = CISPREF_MASK(S);
	w = (walk){0};
	assert_int_equal(cispref_referential_foreach_item(ref, &f, on_item, &w), 0);
	assert_int_equal(w.calls, 7);
	assert_string_equal(w.ids[0], "com.ext.1.s.1");
	assert_string_equal(w.ids[6], "com.ext.1.s.7");
	assert_int_equal(count_competences(ref, &f), 3);
	/* A domain that has no plan of the kind. */
	f.domain_id = "psy";
	assert_int_equal(count_competences(ref, &f), 0);
	f.plan_kinds = CISPREF_MASK(CISPREF_PLAN_COLLECTIVE);
	f.item_kinds = 0;
	assert_int_equal(count_competences(ref, &f), 1);
	assert_int_equal(count_items(ref, &f), 23);
	/* A domain id and a kind mask that exclude each other. */
	f.domain_kinds = CISPREF_MASK(CISPREF_DOMAIN_TRANSVERSAL);
	assert_int_equal(count_competences(ref, &f), 0);
}

static void test_foreach_stop_and_errors(void **state)
{
	const cispref_referential *ref = ((shared *)*state)->ref;

	/* The walk contract (query.h): any non-zero value of the callback stops the walk,
	 * which returns CISPREF_ESTOPPED; what the callback found stays in its payload. */
	walk w = {.stop_after = 5, .stop_value = 7};
	assert_int_equal(cispref_referential_foreach_item(ref, NULL, on_item, &w),
	                 CISPREF_ESTOPPED);
	assert_int_equal(w.calls, 5);
	assert_string_equal(w.ids[4], "psy.ind.1.sfc.1");

	w = (walk){.stop_after = 1, .stop_value = 7};
	assert_int_equal(cispref_referential_foreach_item(ref, NULL, on_item, &w),
	                 CISPREF_ESTOPPED);
	assert_int_equal(w.calls, 1);

	cispref_filter f = CISPREF_FILTER_INIT;
	f.plan_kinds = CISPREF_MASK(CISPREF_PLAN_COLLECTIVE);
	w = (walk){.stop_after = 3, .stop_value = 7};
	assert_int_equal(cispref_referential_foreach_competence(ref, &f, on_competence, &w),
	                 CISPREF_ESTOPPED);
	assert_int_equal(w.calls, 3);
	assert_string_equal(w.ids[2], "peda.col.2");

	/* Any non-zero value, negative ones included: even one that reads as a status code
	 * is not passed through, so a stopped walk never looks like a failed one. */
	w = (walk){.stop_after = 21, .stop_value = -42};
	assert_int_equal(cispref_referential_foreach_competence(ref, NULL, on_competence, &w),
	                 CISPREF_ESTOPPED);
	assert_int_equal(w.calls, 21);
	w = (walk){.stop_after = 2, .stop_value = CISPREF_EARG};
	assert_int_equal(cispref_referential_foreach_item(ref, NULL, on_item, &w),
	                 CISPREF_ESTOPPED);
	assert_int_equal(w.calls, 2);
	/* The last item stops the walk too. */
	w = (walk){.stop_after = 333, .stop_value = 7};
	assert_int_equal(cispref_referential_foreach_item(ref, NULL, on_item, &w),
	                 CISPREF_ESTOPPED);
	assert_int_equal(w.calls, 333);
	/* A callback that always returns 0 sees every node, and the walk returns OK: the
	 * embedded referential has 333 items and 21 competences. */
	w = (walk){0};
	assert_int_equal(cispref_referential_foreach_item(ref, NULL, on_item, &w), CISPREF_OK);
	assert_int_equal(w.calls, 333);
	w = (walk){0};
	assert_int_equal(cispref_referential_foreach_competence(ref, NULL, on_competence, &w),
	                 CISPREF_OK);
	assert_int_equal(w.calls, 21);
	assert_string_equal(cispref_status_tag(CISPREF_ESTOPPED), "stopped");

	/* Errors: NULL callback or referential, a filter of another version. */
	w = (walk){0};
	assert_int_equal(cispref_referential_foreach_item(ref, NULL, NULL, &w), CISPREF_EARG);
	assert_int_equal(cispref_referential_foreach_competence(ref, NULL, NULL, &w), CISPREF_EARG);
	assert_int_equal(cispref_referential_foreach_item(NULL, NULL, on_item, &w), CISPREF_EARG);
	assert_int_equal(cispref_referential_foreach_competence(NULL, NULL, on_competence, &w),
	                 CISPREF_EARG);
	f = (cispref_filter)CISPREF_FILTER_INIT;
	f.version = CISPREF_FILTER_VERSION + 1;
	assert_int_equal(cispref_referential_foreach_item(ref, &f, on_item, &w), CISPREF_EARG);
	assert_int_equal(cispref_referential_foreach_competence(ref, &f, on_competence, &w),
	                 CISPREF_EARG);
	f.version = 0;
	assert_int_equal(cispref_referential_foreach_item(ref, &f, on_item, &w), CISPREF_EARG);
	assert_int_equal(w.calls, 0);
}

static void test_foreach_payload(void **state)
{
	const cispref_referential *ref = ((shared *)*state)->ref;
	/* The payload is passed through untouched; a walk over an empty selection calls
	 * nothing and returns 0. */
	cispref_filter f = CISPREF_FILTER_INIT;
	f.domain_id = "com";
	f.plan_kinds = CISPREF_MASK(CISPREF_PLAN_EXTERNAL);
	f.item_kinds = CISPREF_MASK(SFC);
	walk w = {0};
	assert_int_equal(cispref_referential_foreach_item(ref, &f, on_item, &w), 0);
	assert_int_equal(w.calls, 9); /* com.ext.1 has 9; com.ext.2 and com.ext.3 none */
	f.domain_id = "admin";
	w = (walk){0};
	assert_int_equal(cispref_referential_foreach_item(ref, &f, on_item, &w), 0);
	assert_int_equal(w.calls, 0);
}

/* ---- the concept index ------------------------------------------------------------ */

static void assert_concept_items(const cispref_index *index, const char *concept_id,
                                 const char *const *items, size_t n_items,
                                 const char *const *competences, size_t n_competences)
{
	const cispref_referential *ref = cispref_index_referential(index);
	const cispref_concept *c = cispref_referential_find_concept(ref, concept_id);
	assert_non_null(c);
	if (cispref_index_concept_item_count(index, c) != n_items)
		fail_msg("%s: %zu items, expected %zu", concept_id,
		         cispref_index_concept_item_count(index, c), n_items);
	for (size_t i = 0; i < n_items; i++) {
		const cispref_item *item = cispref_index_concept_item(index, c, i);
		assert_non_null(item);
		assert_string_equal(cispref_item_id(item), items[i]);
		assert_ptr_equal(cispref_item_concept(item), c);
	}
	assert_null(cispref_index_concept_item(index, c, n_items));
	assert_null(cispref_index_concept_item(index, c, (size_t)-1));
	if (cispref_index_concept_competence_count(index, c) != n_competences)
		fail_msg("%s: %zu competences, expected %zu", concept_id,
		         cispref_index_concept_competence_count(index, c), n_competences);
	for (size_t i = 0; i < n_competences; i++) {
		const cispref_competence *comp = cispref_index_concept_competence(index, c, i);
		assert_non_null(comp);
		assert_string_equal(cispref_competence_id(comp), competences[i]);
	}
	assert_null(cispref_index_concept_competence(index, c, n_competences));
	assert_null(cispref_index_concept_competence(index, c, (size_t)-1));
}

#define ASSERT_CONCEPT(index, id, items, comps) \
	assert_concept_items(index, id, items, N_ELEMENTS(items), comps, N_ELEMENTS(comps))

static void test_concepts_fixture(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("query-concepts.xml");
	cispref_index *index = new_index(ref);

	static const char *const x_items[] = {"d1.ind.1.sf.1", "d1.col.1.sf.1", "d2.int.1.sf.1"};
	static const char *const x_comps[] = {"d1.ind.1", "d1.col.1", "d2.int.1"};
	ASSERT_CONCEPT(index, "c.x", x_items, x_comps);
	static const char *const t_items[] = {"d1.ind.1.s.2", "d2.ext.1.s.1", "d2.ext.1.s.2",
	                                      "d2.ext.1.s.3"};
	static const char *const t_comps[] = {"d1.ind.1", "d2.ext.1"};
	ASSERT_CONCEPT(index, "c.t", t_items, t_comps);
	static const char *const y_items[] = {"d1.ind.1.sfc.1", "d1.col.1.sfc.1", "d1.col.1.sfc.2"};
	static const char *const y_comps[] = {"d1.ind.1", "d1.col.1"};
	ASSERT_CONCEPT(index, "c.y", y_items, y_comps);
	static const char *const zeta_items[] = {"d1.ind.1.sf.2", "d2.int.1.sf.2"};
	static const char *const zeta_comps[] = {"d1.ind.1", "d2.int.1"};
	ASSERT_CONCEPT(index, "c.zeta", zeta_items, zeta_comps);
	static const char *const alpha_items[] = {"d1.col.1.sf.3", "d2.ext.1.sf.1"};
	static const char *const alpha_comps[] = {"d1.col.1", "d2.ext.1"};
	ASSERT_CONCEPT(index, "c.alpha", alpha_items, alpha_comps);
	static const char *const v_items[] = {"d2.int.1.s.1", "d2.int.1.s.2"};
	static const char *const v_comps[] = {"d2.int.1"};
	ASSERT_CONCEPT(index, "c.v", v_items, v_comps);
	static const char *const u_items[] = {"d1.ind.1.s.1"};
	static const char *const u_comps[] = {"d1.ind.1"};
	ASSERT_CONCEPT(index, "c.u", u_items, u_comps);

	/* An unused concept. */
	const cispref_concept *unused = cispref_referential_find_concept(ref, "c.f");
	assert_non_null(unused);
	assert_int_equal(cispref_index_concept_item_count(index, unused), 0);
	assert_int_equal(cispref_index_concept_competence_count(index, unused), 0);
	assert_null(cispref_index_concept_item(index, unused, 0));
	assert_null(cispref_index_concept_competence(index, unused, 0));

	/* NULL arguments. */
	const cispref_concept *x = cispref_referential_find_concept(ref, "c.x");
	assert_int_equal(cispref_index_concept_item_count(NULL, x), 0);
	assert_int_equal(cispref_index_concept_item_count(index, NULL), 0);
	assert_int_equal(cispref_index_concept_competence_count(NULL, x), 0);
	assert_int_equal(cispref_index_concept_competence_count(index, NULL), 0);
	assert_null(cispref_index_concept_item(NULL, x, 0));
	assert_null(cispref_index_concept_item(index, NULL, 0));
	assert_null(cispref_index_concept_competence(NULL, x, 0));
	assert_null(cispref_index_concept_competence(index, NULL, 0));
	assert_null(cispref_index_referential(NULL));

	cispref_index_free(index);
	cispref_referential_free(ref);
}

static void test_top_concepts_fixture(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("query-concepts.xml");
	cispref_index *index = new_index(ref);

	/* By competences (c.x: 3 before c.t: 2 though c.t has more items), then items (c.t 4,
	 * c.y 3, c.zeta and c.alpha 2; c.v 2 before c.u 1 though c.u is listed first), then
	 * document order (c.zeta is listed before c.alpha). The unused c.f is left out. */
	static const char *const expected[] = {"c.x", "c.t", "c.y", "c.zeta", "c.alpha", "c.v",
	                                       "c.u"};
	assert_int_equal(cispref_index_top_concepts(index, NULL, 0), N_ELEMENTS(expected));
	const cispref_concept *top[10];
	for (size_t i = 0; i < 10; i++)
		top[i] = NULL;
	assert_int_equal(cispref_index_top_concepts(index, top, 10), N_ELEMENTS(expected));
	for (size_t i = 0; i < N_ELEMENTS(expected); i++) {
		assert_non_null(top[i]);
		assert_string_equal(cispref_concept_id(top[i]), expected[i]);
	}
	for (size_t i = N_ELEMENTS(expected); i < 10; i++)
		assert_null(top[i]);

	/* A smaller buffer receives the first entries and no more; the total is returned. */
	const cispref_concept *sentinel = cispref_referential_find_concept(ref, "c.f");
	for (size_t i = 0; i < 10; i++)
		top[i] = sentinel;
	assert_int_equal(cispref_index_top_concepts(index, top, 3), N_ELEMENTS(expected));
	assert_string_equal(cispref_concept_id(top[0]), "c.x");
	assert_string_equal(cispref_concept_id(top[1]), "c.t");
	assert_string_equal(cispref_concept_id(top[2]), "c.y");
	assert_ptr_equal(top[3], sentinel);
	/* max 0 with a buffer writes nothing. */
	assert_int_equal(cispref_index_top_concepts(index, top + 4, 0), N_ELEMENTS(expected));
	assert_ptr_equal(top[4], sentinel);
	assert_int_equal(cispref_index_top_concepts(NULL, top, 10), 0);

	cispref_index_free(index);
	cispref_referential_free(ref);
}

typedef struct related_case {
	const char *id;
	size_t count;
	struct {
		const char *id;
		size_t shared;
	} related[4];
} related_case;

static void test_related_fixture(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("query-concepts.xml");
	cispref_index *index = new_index(ref);

	/* Most shared first, then in document order of the competences. d2.ext.1 shares
	 * c.alpha with d1.col.1 and c.t with d1.ind.1: one each, so d1.ind.1 comes first
	 * although its concept comes second in d2.ext.1. */
	static const related_case cases[] = {
		{"d1.ind.1", 3, {{"d1.col.1", 2}, {"d2.int.1", 2}, {"d2.ext.1", 1}}},
		{"d1.col.1", 3, {{"d1.ind.1", 2}, {"d2.int.1", 1}, {"d2.ext.1", 1}}},
		{"d2.int.1", 2, {{"d1.ind.1", 2}, {"d1.col.1", 1}}},
		{"d2.ext.1", 2, {{"d1.ind.1", 1}, {"d1.col.1", 1}}},
		{"d2.ext.2", 0, {{NULL, 0}}},
	};
	for (size_t c = 0; c < N_ELEMENTS(cases); c++) {
		const cispref_competence *comp = cispref_referential_find_competence(ref, cases[c].id);
		assert_non_null(comp);
		assert_int_equal(cispref_index_related_competences(index, comp, NULL, 0), cases[c].count);
		cispref_related out[8];
		memset(out, 0, sizeof out);
		size_t n = cispref_index_related_competences(index, comp, out, 8);
		assert_int_equal(n, cases[c].count);
		for (size_t i = 0; i < n; i++) {
			assert_non_null(out[i].competence);
			if (strcmp(cispref_competence_id(out[i].competence), cases[c].related[i].id) != 0 ||
			    out[i].shared != cases[c].related[i].shared)
				fail_msg("related to %s, #%zu: %s (%zu), expected %s (%zu)", cases[c].id, i,
				         cispref_competence_id(out[i].competence), out[i].shared,
				         cases[c].related[i].id, cases[c].related[i].shared);
		}
		assert_null(out[n].competence);
	}

	/* A smaller buffer gets the best ones; the total is returned. */
	const cispref_competence *k1 = cispref_referential_find_competence(ref, "d1.ind.1");
	cispref_related out[3] = {{NULL, 99}, {NULL, 99}, {NULL, 99}};
	assert_int_equal(cispref_index_related_competences(index, k1, out, 1), 3);
	assert_string_equal(cispref_competence_id(out[0].competence), "d1.col.1");
	assert_int_equal(out[0].shared, 2);
	assert_null(out[1].competence);
	assert_int_equal(out[1].shared, 99);

	assert_int_equal(cispref_index_related_competences(NULL, k1, out, 3), 0);
	assert_int_equal(cispref_index_related_competences(index, NULL, out, 3), 0);

	cispref_index_free(index);
	cispref_referential_free(ref);
}

static void test_concepts_embedded(void **state)
{
	const cispref_index *index = ((shared *)*state)->index;
	/* "Adopter une posture d'écoute active" (and "Posture d'écoute active" in
	 * sociopro.ind.3): one savoir-faire comportemental in each of 13 competences. The two
	 * savoirs "L'écoute active" point to c.savoir-ecoute-active instead. */
	static const char *const items[] = {
		"psy.ind.1.sfc.2", "psy.ind.2.sfc.2", "psy.ind.3.sfc.3", "psy.ind.4.sfc.3",
		"psy.ind.5.sfc.2", "peda.ind.1.sfc.3", "peda.ind.2.sfc.3", "peda.ind.3.sfc.3",
		"peda.col.1.sfc.4", "peda.col.2.sfc.1", "sociopro.ind.1.sfc.2",
		"sociopro.ind.2.sfc.2", "sociopro.ind.3.sfc.2"};
	static const char *const competences[] = {
		"psy.ind.1", "psy.ind.2", "psy.ind.3", "psy.ind.4", "psy.ind.5", "peda.ind.1",
		"peda.ind.2", "peda.ind.3", "peda.col.1", "peda.col.2", "sociopro.ind.1",
		"sociopro.ind.2", "sociopro.ind.3"};
	ASSERT_CONCEPT(index, "c.ecoute-active", items, competences);
	static const char *const savoir_items[] = {"peda.ind.3.s.8", "peda.col.1.s.3"};
	static const char *const savoir_comps[] = {"peda.ind.3", "peda.col.1"};
	ASSERT_CONCEPT(index, "c.savoir-ecoute-active", savoir_items, savoir_comps);

	/* Every one of the 52 concepts is used. Écoute active, éthique et déontologie and
	 * remise en question are each used by 13 items in 13 competences: they come first,
	 * in the order they are listed; then communication (10/10) and autonomie (10/10). */
	const cispref_referential *ref = cispref_index_referential(index);
	assert_int_equal(cispref_referential_concept_count(ref), 52);
	const cispref_concept *top[52];
	assert_int_equal(cispref_index_top_concepts(index, top, 52), 52);
	static const char *const first[] = {"c.ecoute-active", "c.ethique-deontologie",
	                                    "c.remise-en-question", "c.communication-stagiaire",
	                                    "c.autonomie-stagiaire"};
	for (size_t i = 0; i < N_ELEMENTS(first); i++)
		assert_string_equal(cispref_concept_id(top[i]), first[i]);
	assert_int_equal(cispref_index_concept_competence_count(index, top[1]), 13);
	assert_int_equal(cispref_index_concept_item_count(index, top[2]), 13);
	/* The whole list is ordered by competences, then items. */
	for (size_t i = 1; i < 52; i++) {
		size_t pc = cispref_index_concept_competence_count(index, top[i - 1]);
		size_t c = cispref_index_concept_competence_count(index, top[i]);
		assert_true(pc >= c);
		if (pc == c)
			assert_true(cispref_index_concept_item_count(index, top[i - 1]) >=
			            cispref_index_concept_item_count(index, top[i]));
	}

	/* admin.joint.2 points to c.reglementations and c.sens-organisation: sociopro.ind.3,
	 * admin.joint.1, com.int.1 and com.ext.1 use both, peda.col.2 only "Avoir le sens de
	 * l'organisation"; ties in document order. */
	const cispref_competence *admin2 = cispref_referential_find_competence(ref, "admin.joint.2");
	static const struct {
		const char *id;
		size_t shared;
	} admin2_related[] = {{"sociopro.ind.3", 2}, {"admin.joint.1", 2}, {"com.int.1", 2},
	                      {"com.ext.1", 2}, {"peda.col.2", 1}};
	cispref_related rel[8];
	size_t n = cispref_index_related_competences(index, admin2, rel, 8);
	assert_int_equal(n, N_ELEMENTS(admin2_related));
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(cispref_competence_id(rel[i].competence), admin2_related[i].id);
		assert_int_equal(rel[i].shared, admin2_related[i].shared);
	}
}

/* ---- search ---------------------------------------------------------------------- */

static cispref_results *search_ok(const cispref_index *index, const char *query,
                                  const cispref_search_options *options)
{
	cispref_results *results = NULL;
	cispref_error error = {0};
	int rc = cispref_search(&results, index, query, options, &error);
	if (rc != CISPREF_OK)
		fail_msg("search '%s': %d %s", query, rc, error.text);
	assert_non_null(results);
	return results;
}

/* The hits' ids, in rank order, are @ids. */
static void assert_hits(const cispref_results *results, const char *const *ids, size_t n)
{
	size_t count = cispref_results_count(results);
	for (size_t i = 0; i < count && i < n; i++) {
		const char *id = cispref_hit_id(cispref_results_get(results, i));
		if (strcmp(id, ids[i]) != 0)
			fail_msg("hit #%zu is %s, expected %s", i, id, ids[i]);
	}
	if (count != n)
		fail_msg("%zu hits, expected %zu", count, n);
	assert_null(cispref_results_get(results, n));
}

#define ASSERT_HITS(results, ids) assert_hits(results, ids, N_ELEMENTS(ids))

/* Run @query and compare with @ids. */
static void expect_search(const cispref_index *index, const char *query,
                          const cispref_search_options *options, const char *const *ids,
                          size_t n)
{
	cispref_results *results = search_ok(index, query, options);
	assert_hits(results, ids, n);
	cispref_results_free(results);
}

#define EXPECT_SEARCH(index, query, options, ids) \
	expect_search(index, query, options, ids, N_ELEMENTS(ids))

static void test_search_accents_and_case(void **state)
{
	const cispref_index *index = ((shared *)*state)->index;
	/* 13 "posture d'écoute active" and the 2 savoirs "L'écoute active" (one with a
	 * typographic apostrophe: psy.ind.5.sfc.2 "d’écoute"); no title or summary. */
	static const char *const ecoute[] = {
		"psy.ind.1.sfc.2", "psy.ind.2.sfc.2", "psy.ind.3.sfc.3", "psy.ind.4.sfc.3",
		"psy.ind.5.sfc.2", "peda.ind.1.sfc.3", "peda.ind.2.sfc.3", "peda.ind.3.sfc.3",
		"peda.ind.3.s.8", "peda.col.1.sfc.4", "peda.col.1.s.3", "peda.col.2.sfc.1",
		"sociopro.ind.1.sfc.2", "sociopro.ind.2.sfc.2", "sociopro.ind.3.sfc.2"};
	static const char *const queries[] = {"ecoute", "ECOUTE", "écoute", "ÉCOUTE", "Écoute",
	                                      "e\xcc\x81" "coute" /* e + combining acute */,
	                                      "  ecoute  ", "(ecoute)"};
	for (size_t q = 0; q < N_ELEMENTS(queries); q++) {
		cispref_results *r = search_ok(index, queries[q], NULL);
		ASSERT_HITS(r, ecoute);
		for (size_t i = 0; i < cispref_results_count(r); i++) {
			const cispref_hit *hit = cispref_results_get(r, i);
			assert_int_equal(cispref_hit_field(hit), CISPREF_HIT_ITEM);
			assert_int_equal(cispref_hit_matched_words(hit), 1);
		}
		cispref_results_free(r);
	}
	/* Two words: both match in each of these items. */
	cispref_results *r = search_ok(index, "Écoute ACTIVE", NULL);
	ASSERT_HITS(r, ecoute);
	assert_int_equal(cispref_hit_matched_words(cispref_results_get(r, 0)), 2);
	const cispref_hit *first = cispref_results_get(r, 0);
	assert_string_equal(cispref_hit_text(first),
	                    "Adopter une posture d'écoute active (empathie, questionnement, reformulation)");
	cispref_results_free(r);
}

static void test_search_inclusive_writing(void **state)
{
	const cispref_index *index = ((shared *)*state)->index;
	/* "stagiaire" (and "stagiaires") in 9 titles, 9 summary entries and 73 items,
	 * whatever the inclusive-writing punctuation: la·le, la-du, la.le, la:au, la. du. */
	cispref_results *r = search_ok(index, "stagiaire", NULL);
	assert_int_equal(cispref_results_count(r), 91);
	/* The word as typed ranks before its plural (same stem): peda.col.1's title and
	 * peda.sum.5 say "des stagiaires", so they close their fields. */
	static const char *const titles_and_summaries[] = {
		"psy.ind.2", "psy.ind.3", "psy.ind.4", "psy.ind.5", "peda.ind.2", "peda.ind.3",
		"sociopro.ind.2", "com.int.1", "peda.col.1",
		"psy.sum.2", "psy.sum.4", "psy.sum.5", "peda.sum.2", "peda.sum.3", "peda.sum.4",
		"sociopro.sum.4", "com.sum.1", "peda.sum.5"};
	size_t fields[3] = {0};
	for (size_t i = 0; i < cispref_results_count(r); i++) {
		const cispref_hit *hit = cispref_results_get(r, i);
		fields[cispref_hit_field(hit)]++;
		if (i < N_ELEMENTS(titles_and_summaries))
			assert_string_equal(cispref_hit_id(hit), titles_and_summaries[i]);
	}
	assert_int_equal(fields[CISPREF_HIT_TITLE], 9);
	assert_int_equal(fields[CISPREF_HIT_SUMMARY], 9);
	assert_int_equal(fields[CISPREF_HIT_ITEM], 73);

	/* psy.ind.3 "(Ré)Orienter la·le stagiaire ...", psy.sum.4 "... de la-du stagiaire",
	 * peda.ind.3 "Accompagner la.le stagiaire ...". */
	const cispref_hit *h = cispref_results_get(r, 1);
	assert_int_equal(cispref_hit_field(h), CISPREF_HIT_TITLE);
	assert_non_null(strstr(cispref_hit_text(h), "la\xc2\xb7le stagiaire"));
	h = cispref_results_get(r, 10);
	assert_string_equal(cispref_hit_id(h), "psy.sum.4");
	assert_non_null(strstr(cispref_hit_text(h), "la-du stagiaire"));
	h = cispref_results_get(r, 5);
	assert_string_equal(cispref_hit_text(h), "Accompagner la.le stagiaire dans son processus de formation");
	/* Items with "la- au", "la:au" and "la. du" are found too. */
	static const char *const items[] = {"psy.ind.1.sfc.1", "sociopro.ind.2.sfc.1",
	                                    "peda.ind.3.sfc.5", "com.int.1.sf.5"};
	for (size_t k = 0; k < N_ELEMENTS(items); k++) {
		int found = 0;
		for (size_t i = 0; i < cispref_results_count(r); i++)
			found |= strcmp(cispref_hit_id(cispref_results_get(r, i)), items[k]) == 0;
		if (!found)
			fail_msg("%s not found", items[k]);
	}
	cispref_results_free(r);

	/* Punctuation inside a query word separates words as it does in the text. */
	static const char *const la_du_stagiaire_autonomie[] = {
		"psy.ind.4",       /* ... d'autonomie de la-du stagiaire */
		"psy.sum.4",
		"psy.ind.1.sfc.4", "psy.ind.2.sfc.4", "psy.ind.3.sfc.6",
		"psy.ind.4.sf.5",  /* ... de la-du stagiaire (pour développer son autonomie) */
		"psy.ind.4.sfc.5", "peda.ind.1.sfc.4", "peda.ind.2.sfc.5", "peda.ind.3.sfc.5",
		"sociopro.ind.1.sfc.4", "sociopro.ind.2.sfc.4",
		/* "la" and "du" are stop words, which need not match: after the items that hold
		 * them come "Respecter l'autonomie de la-le stagiaire" (no "du") and
		 * "... des stagiaires en matière d'émancipation et d'autonomie" (neither) */
		"psy.ind.5.sfc.4", "psy.col.1.sf.1"};
	EXPECT_SEARCH(index, "autonomie la\xc2\xb7" "du stagiaire", NULL, la_du_stagiaire_autonomie);
}

static void test_search_acronyms(void **state)
{
	const cispref_index *index = ((shared *)*state)->index;
	/* "ROI" only in peda.col.2.sf.6 ("... en cohérence avec le ROI"). */
	static const char *const roi[] = {"peda.col.2.sf.6"};
	EXPECT_SEARCH(index, "ROI", NULL, roi);
	EXPECT_SEARCH(index, "roi", NULL, roi);
	/* "RGPD" in the two savoirs on privacy law, psy.ind.2 and psy.ind.5. */
	static const char *const rgpd[] = {"psy.ind.2.s.2", "psy.ind.5.s.3"};
	EXPECT_SEARCH(index, "RGPD", NULL, rgpd);
	cispref_results *r = search_ok(index, "rgpd", NULL);
	ASSERT_HITS(r, rgpd);
	assert_string_equal(cispref_hit_text(cispref_results_get(r, 1)),
	                    "Les notions concernant la législation relative au respect de la vie "
	                    "privée et au RGPD");
	cispref_results_free(r);
}

static void test_search_prefix_and_and(void **state)
{
	const cispref_index *index = ((shared *)*state)->index;
	/* A query word matches the beginning of a word: "partenar" finds partenariats,
	 * partenariat and partenariales (not partenaires); "partena" also partenaires. */
	static const char *const partenar[] = {
		"com.ext.2",      /* title: Elaborer des partenariats ... */
		"com.sum.3",      /* summary: Elaborer des partenariats ... */
		"psy.ind.3.sf.1", "psy.ind.5.sf.8", "com.ext.1.sfc.6", "com.ext.2.sf.1",
		"com.ext.2.sf.3"};
	EXPECT_SEARCH(index, "partenar", NULL, partenar);
	static const char *const partena[] = {
		"com.ext.2", "com.sum.3", "psy.ind.3.sf.1", "psy.ind.5.sf.8", "com.ext.1.sf.1",
		"com.ext.1.sfc.6", "com.ext.1.s.2", "com.ext.2.sf.1", "com.ext.2.sf.2",
		"com.ext.2.sf.3"};
	EXPECT_SEARCH(index, "partena", NULL, partena);
	/* Only the beginning: "enariat" is inside words, never at their start. */
	cispref_results *r = search_ok(index, "enariat", NULL);
	assert_int_equal(cispref_results_count(r), 0);
	cispref_results_free(r);
	/* A query word longer than the text's word does not match it. */
	r = search_ok(index, "partenariatsx", NULL);
	assert_int_equal(cispref_results_count(r), 0);
	cispref_results_free(r);

	/* AND: both words, anywhere in the text. psy.ind.1.s.3 has "techniques" and
	 * "(entretien, ...": it matches although the words are not adjacent. */
	static const char *const techniques_entretien[] = {
		"psy.ind.1.s.3", "psy.ind.2.s.5", "psy.ind.3.s.1", "peda.ind.2.s.4", "peda.ind.3.s.4",
		"sociopro.ind.1.s.2", "sociopro.ind.2.s.4", "sociopro.ind.3.s.2"};
	EXPECT_SEARCH(index, "techniques entretien", NULL, techniques_entretien);
	EXPECT_SEARCH(index, "entretien techniques", NULL, techniques_entretien);
	/* A word repeated in the query counts once. */
	EXPECT_SEARCH(index, "techniques entretien techniques", NULL, techniques_entretien);
	/* Words that never occur together: no hit, and that is not an error. */
	r = search_ok(index, "RGPD ROI", NULL);
	assert_int_equal(cispref_results_count(r), 0);
	assert_null(cispref_results_get(r, 0));
	cispref_results_free(r);
	r = search_ok(index, "xylophone", NULL);
	assert_int_equal(cispref_results_count(r), 0);
	cispref_results_free(r);
}

static void test_search_ranking(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("query-search.xml");
	cispref_index *index = new_index(ref);

	cispref_results *r = search_ok(index, "alpha beta", NULL);
	/* Within a field: the score (3 a query word found as it is, 2 by its stem), then the
	 * matching words, then document order. "Alphas et betas alpha" has "alpha" but only
	 * "betas" (the stem of "beta"): 5, after the titles with both words as typed (6);
	 * "alphas" is no form of "alpha" to Snowball (stem "alphas"), a prefix match only. */
	static const struct {
		const char *id;
		cispref_hit_field_t field;
		size_t matched;
	} expected[] = {
		{"d1.ind.1", CISPREF_HIT_TITLE, 2},
		{"d2.int.1", CISPREF_HIT_TITLE, 2},
		{"d1.ind.2", CISPREF_HIT_TITLE, 3},
		{"d1.sum.2", CISPREF_HIT_SUMMARY, 3},
		{"d1.sum.1", CISPREF_HIT_SUMMARY, 2},
		{"d2.sum.1", CISPREF_HIT_SUMMARY, 2},
		{"d1.ind.2.s.1", CISPREF_HIT_ITEM, 4},
		{"d1.ind.1.sf.2", CISPREF_HIT_ITEM, 3},
		{"d2.int.1.sfc.1", CISPREF_HIT_ITEM, 3},
		{"d1.ind.1.sf.1", CISPREF_HIT_ITEM, 2},
		{"d1.ind.1.s.1", CISPREF_HIT_ITEM, 2},
		{"d1.col.1.sf.1", CISPREF_HIT_ITEM, 2},
	};
	assert_int_equal(cispref_results_count(r), N_ELEMENTS(expected));
	for (size_t i = 0; i < N_ELEMENTS(expected); i++) {
		const cispref_hit *hit = cispref_results_get(r, i);
		assert_non_null(hit);
		if (strcmp(cispref_hit_id(hit), expected[i].id) != 0 ||
		    cispref_hit_field(hit) != expected[i].field ||
		    cispref_hit_matched_words(hit) != expected[i].matched)
			fail_msg("hit #%zu: %s %s %zu, expected %s %s %zu", i, cispref_hit_id(hit),
			         cispref_hit_field_name(cispref_hit_field(hit)),
			         cispref_hit_matched_words(hit), expected[i].id,
			         cispref_hit_field_name(expected[i].field), expected[i].matched);
	}
	cispref_results_free(r);

	/* One word: "alpha" also finds d1.col.1's title ("Gamma alpha"). Now d1.ind.1.sf.2
	 * ("Alpha, beta, alpha") and d1.ind.2.s.1 ("alpha-beta-alpha-beta") both match
	 * 2 words: document order. */
	static const char *const alpha[] = {
		"d1.ind.2", "d1.ind.1", "d1.col.1", "d2.int.1", "d1.sum.2", "d1.sum.1", "d2.sum.1",
		"d1.ind.1.sf.2", "d1.ind.2.s.1", "d1.ind.1.sf.1", "d1.ind.1.s.1", "d1.col.1.sf.1",
		"d2.int.1.sfc.1"};
	r = search_ok(index, "alpha", NULL);
	ASSERT_HITS(r, alpha);
	assert_int_equal(cispref_hit_matched_words(cispref_results_get(r, 0)), 2); /* alphas, alpha */
	assert_int_equal(cispref_hit_matched_words(cispref_results_get(r, 4)), 2); /* alpha, alphabet */
	assert_int_equal(cispref_hit_matched_words(cispref_results_get(r, 7)), 2);
	assert_int_equal(cispref_hit_matched_words(cispref_results_get(r, 8)), 2);
	assert_int_equal(cispref_hit_matched_words(cispref_results_get(r, 12)), 1);
	cispref_results_free(r);

	/* A query word is a prefix of text words, not the other way round. But the compound
	 * "alpha-beta" of d1.ind.2.s.1 is also the joined word "alphabeta", which begins
	 * with "alphabet". */
	static const char *const alphabet[] = {"d1.sum.2", "d1.ind.2.s.1"};
	EXPECT_SEARCH(index, "alphabet", NULL, alphabet);
	static const char *const gamma[] = {"d1.col.1", "d1.ind.1.sfc.1"};
	EXPECT_SEARCH(index, "GAMMA", NULL, gamma);

	cispref_index_free(index);
	cispref_referential_free(ref);
}

static void test_search_filters(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("query-search.xml");
	cispref_index *index = new_index(ref);
	cispref_search_options o = CISPREF_SEARCH_OPTIONS_INIT;

	/* By domain id, and by domain kind (d2 is the only transversal domain). */
	static const char *const d2[] = {"d2.int.1", "d2.sum.1", "d2.int.1.sfc.1"};
	o.filter.domain_id = "d2";
	EXPECT_SEARCH(index, "alpha beta", &o, d2);
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.filter.domain_kinds = CISPREF_MASK(CISPREF_DOMAIN_TRANSVERSAL);
	EXPECT_SEARCH(index, "alpha beta", &o, d2);
	/* An id that names no domain is an error, which says which id (query.h). */
	o.filter.domain_id = "nope";
	cispref_results *r = NULL;
	cispref_error error = {0};
	assert_int_equal(cispref_search(&r, index, "alpha beta", &o, &error), CISPREF_ENOTFOUND);
	assert_null(r);
	assert_int_equal(error.code, CISPREF_ENOTFOUND);
	assert_string_equal(error.text, "no domain has the id 'nope'");
	o.filter.domain_id = "d2.int"; /* a plan */
	assert_int_equal(cispref_search(&r, index, "alpha beta", &o, NULL), CISPREF_ENOTFOUND);
	assert_null(r);

	/* By plan kind: summary entries by the plan they are listed under. */
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.filter.plan_kinds = CISPREF_MASK(CISPREF_PLAN_COLLECTIVE);
	static const char *const collective[] = {"d1.sum.2", "d1.col.1.sf.1"};
	EXPECT_SEARCH(index, "alpha beta", &o, collective);
	o.filter.plan_kinds = CISPREF_MASK(CISPREF_PLAN_INDIVIDUAL) | CISPREF_MASK(CISPREF_PLAN_INTERNAL);
	static const char *const ind_int[] = {
		"d1.ind.1", "d2.int.1", "d1.ind.2", "d1.sum.1", "d2.sum.1", "d1.ind.2.s.1",
		"d1.ind.1.sf.2", "d2.int.1.sfc.1", "d1.ind.1.sf.1", "d1.ind.1.s.1"};
	EXPECT_SEARCH(index, "alpha beta", &o, ind_int);
	o.filter.plan_kinds = CISPREF_MASK(CISPREF_PLAN_JOINT);
	r = search_ok(index, "alpha beta", &o);
	assert_int_equal(cispref_results_count(r), 0);
	cispref_results_free(r);

	/* By item kind: titles and summary entries are left out. */
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.filter.item_kinds = CISPREF_MASK(S);
	static const char *const savoirs[] = {"d1.ind.2.s.1", "d1.ind.1.s.1"};
	EXPECT_SEARCH(index, "alpha beta", &o, savoirs);
	o.filter.item_kinds = CISPREF_MASK(SF) | CISPREF_MASK(SFC);
	static const char *const sf_sfc[] = {"d1.ind.1.sf.2", "d2.int.1.sfc.1", "d1.ind.1.sf.1",
	                                     "d1.col.1.sf.1"};
	EXPECT_SEARCH(index, "alpha beta", &o, sf_sfc);
	o.filter.item_kinds = CISPREF_MASK(SF) | CISPREF_MASK(SFC) | CISPREF_MASK(S);
	static const char *const all_items[] = {"d1.ind.2.s.1", "d1.ind.1.sf.2", "d2.int.1.sfc.1",
	                                        "d1.ind.1.sf.1", "d1.ind.1.s.1", "d1.col.1.sf.1"};
	EXPECT_SEARCH(index, "alpha beta", &o, all_items);

	/* Combined. */
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.filter.domain_id = "d1";
	o.filter.plan_kinds = CISPREF_MASK(CISPREF_PLAN_COLLECTIVE);
	o.filter.item_kinds = CISPREF_MASK(SF);
	static const char *const combined[] = {"d1.col.1.sf.1"};
	EXPECT_SEARCH(index, "alpha beta", &o, combined);

	/* Limit: the best hits. */
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.limit = 2;
	static const char *const best2[] = {"d1.ind.1", "d2.int.1"};
	EXPECT_SEARCH(index, "alpha beta", &o, best2);
	o.limit = 4;
	static const char *const best4[] = {"d1.ind.1", "d2.int.1", "d1.ind.2", "d1.sum.2"};
	EXPECT_SEARCH(index, "alpha beta", &o, best4);
	o.limit = 1;
	o.filter.item_kinds = CISPREF_MASK(SF) | CISPREF_MASK(SFC);
	static const char *const best_sf[] = {"d1.ind.1.sf.2"};
	EXPECT_SEARCH(index, "alpha beta", &o, best_sf);
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.limit = 1000;
	r = search_ok(index, "alpha beta", &o);
	assert_int_equal(cispref_results_count(r), 12);
	cispref_results_free(r);

	cispref_index_free(index);
	cispref_referential_free(ref);
}

static void test_search_filters_embedded(void **state)
{
	const cispref_index *index = ((shared *)*state)->index;
	cispref_search_options o = CISPREF_SEARCH_OPTIONS_INIT;
	/* "ecoute" among the savoirs: the two "L'écoute active". */
	o.filter.item_kinds = CISPREF_MASK(S);
	static const char *const savoirs[] = {"peda.ind.3.s.8", "peda.col.1.s.3"};
	EXPECT_SEARCH(index, "ecoute", &o, savoirs);
	/* In the psycho-social domain. */
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.filter.domain_id = "psy";
	static const char *const psy[] = {"psy.ind.1.sfc.2", "psy.ind.2.sfc.2", "psy.ind.3.sfc.3",
	                                  "psy.ind.4.sfc.3", "psy.ind.5.sfc.2"};
	EXPECT_SEARCH(index, "ecoute", &o, psy);
	/* In collective plans. */
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.filter.plan_kinds = CISPREF_MASK(CISPREF_PLAN_COLLECTIVE);
	static const char *const col[] = {"peda.col.1.sfc.4", "peda.col.1.s.3", "peda.col.2.sfc.1"};
	EXPECT_SEARCH(index, "ecoute", &o, col);
	/* "stagiaire" in the summary entries and titles only of the communication axis:
	 * the item-kind filter removes them. */
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.filter.domain_id = "com";
	o.limit = 2;
	static const char *const com[] = {"com.int.1", "com.sum.1"};
	EXPECT_SEARCH(index, "stagiaire", &o, com);
	o.filter.item_kinds = CISPREF_MASK(SF);
	cispref_results *r = search_ok(index, "stagiaire", &o);
	assert_true(cispref_results_count(r) > 0);
	for (size_t i = 0; i < cispref_results_count(r); i++)
		assert_int_equal(cispref_hit_field(cispref_results_get(r, i)), CISPREF_HIT_ITEM);
	cispref_results_free(r);
}

static void test_hit_accessors(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("query-search.xml");
	cispref_index *index = new_index(ref);
	cispref_results *r = search_ok(index, "alpha beta", NULL);

	/* A title (the third: "betas" matches by its stem only, see test_search_ranking). */
	const cispref_hit *h = cispref_results_get(r, 2);
	assert_int_equal(cispref_hit_field(h), CISPREF_HIT_TITLE);
	assert_string_equal(cispref_hit_id(h), "d1.ind.2");
	assert_string_equal(cispref_hit_text(h), "Alphas et betas alpha");
	assert_int_equal(cispref_hit_matched_words(h), 3);
	assert_ptr_equal(cispref_hit_domain(h), cispref_referential_find_domain(ref, "d1"));
	assert_ptr_equal(cispref_hit_plan(h), cispref_referential_find_plan(ref, "d1.ind"));
	assert_ptr_equal(cispref_hit_competence(h), cispref_referential_find_competence(ref, "d1.ind.2"));
	assert_null(cispref_hit_item(h));
	assert_null(cispref_hit_summary_entry(h));
	assert_string_equal(cispref_hit_path(h),
	                    "Domaine un \xe2\x80\xba Individuel \xe2\x80\xba Alphas et betas alpha");

	/* A summary entry that names no competence. */
	h = cispref_results_get(r, 3);
	assert_int_equal(cispref_hit_field(h), CISPREF_HIT_SUMMARY);
	assert_string_equal(cispref_hit_id(h), "d1.sum.2");
	assert_string_equal(cispref_hit_text(h), "Alpha beta alphabet");
	assert_ptr_equal(cispref_hit_domain(h), cispref_referential_find_domain(ref, "d1"));
	assert_null(cispref_hit_plan(h));
	assert_null(cispref_hit_competence(h));
	assert_null(cispref_hit_item(h));
	assert_ptr_equal(cispref_hit_summary_entry(h),
	                 cispref_referential_find_summary_entry(ref, "d1.sum.2"));
	assert_string_equal(cispref_hit_path(h), "Domaine un › Alpha beta alphabet");

	/* A summary entry linked to its competence. */
	h = cispref_results_get(r, 5);
	assert_string_equal(cispref_hit_id(h), "d2.sum.1");
	assert_ptr_equal(cispref_hit_domain(h), cispref_referential_find_domain(ref, "d2"));
	assert_null(cispref_hit_plan(h));
	assert_ptr_equal(cispref_hit_competence(h), cispref_referential_find_competence(ref, "d2.int.1"));
	assert_ptr_equal(cispref_hit_summary_entry(h),
	                 cispref_referential_find_summary_entry(ref, "d2.sum.1"));
	assert_string_equal(cispref_hit_path(h), "Domaine deux › Beta alpha");

	/* An item. */
	h = cispref_results_get(r, 8);
	assert_int_equal(cispref_hit_field(h), CISPREF_HIT_ITEM);
	assert_string_equal(cispref_hit_id(h), "d2.int.1.sfc.1");
	assert_string_equal(cispref_hit_text(h), "Alpha beta beta");
	assert_int_equal(cispref_hit_matched_words(h), 3);
	assert_ptr_equal(cispref_hit_domain(h), cispref_referential_find_domain(ref, "d2"));
	assert_ptr_equal(cispref_hit_plan(h), cispref_referential_find_plan(ref, "d2.int"));
	assert_ptr_equal(cispref_hit_competence(h), cispref_referential_find_competence(ref, "d2.int.1"));
	assert_ptr_equal(cispref_hit_item(h), cispref_referential_find_item(ref, "d2.int.1.sfc.1"));
	assert_null(cispref_hit_summary_entry(h));
	assert_string_equal(cispref_hit_path(h), "Domaine deux › Interne › Alpha beta › Alpha beta beta");
	h = cispref_results_get(r, 7);
	assert_string_equal(cispref_hit_path(h),
	                    "Domaine un › Individuel › Beta alpha › Alpha, beta, alpha");
	h = cispref_results_get(r, 10);
	assert_string_equal(cispref_hit_path(h), "Domaine un › Individuel › Beta alpha › Alpha·beta");

	/* Out of range and NULL. */
	assert_null(cispref_results_get(r, 12));
	assert_null(cispref_results_get(r, (size_t)-1));
	assert_null(cispref_results_get(NULL, 0));
	assert_int_equal(cispref_results_count(NULL), 0);
	assert_null(cispref_hit_text(NULL));
	assert_null(cispref_hit_id(NULL));
	assert_null(cispref_hit_path(NULL));
	assert_int_equal(cispref_hit_matched_words(NULL), 0);
	assert_null(cispref_hit_domain(NULL));
	assert_null(cispref_hit_plan(NULL));
	assert_null(cispref_hit_competence(NULL));
	assert_null(cispref_hit_item(NULL));
	assert_null(cispref_hit_summary_entry(NULL));

	assert_string_equal(cispref_hit_field_name(CISPREF_HIT_TITLE), "title");
	assert_string_equal(cispref_hit_field_name(CISPREF_HIT_SUMMARY), "summary");
	assert_string_equal(cispref_hit_field_name(CISPREF_HIT_ITEM), "item");
	assert_string_equal(cispref_hit_field_name(CISPREF_HIT_CONCEPT), "concept");
	assert_null(cispref_hit_field_name((cispref_hit_field_t)4));
	assert_null(cispref_hit_field_name((cispref_hit_field_t)-1));

	cispref_results_free(r);
	cispref_results_free(NULL);
	cispref_index_free(index);
	cispref_index_free(NULL);
	cispref_referential_free(ref);
}

static void expect_invalid(const cispref_index *index, const char *query,
                           const cispref_search_options *options, const char *message)
{
	cispref_results *results = NULL;
	cispref_error error = {0};
	int rc = cispref_search(&results, index, query, options, &error);
	if (rc != CISPREF_EARG)
		fail_msg("search '%s': %d, expected CISPREF_EARG", query ? query : "(null)", rc);
	assert_null(results);
	assert_int_equal(error.code, CISPREF_EARG);
	assert_true(error.text[0] != '\0');
	if (message && !strstr(error.text, message))
		fail_msg("search '%s': message '%s' lacks '%s'", query ? query : "(null)", error.text,
		         message);
	/* The error may be left out. */
	assert_int_equal(cispref_search(&results, index, query, options, NULL), CISPREF_EARG);
	assert_null(results);
}

static void test_search_errors(void **state)
{
	const cispref_index *index = ((shared *)*state)->index;
	expect_invalid(index, "", NULL, "no word");
	expect_invalid(index, "   ", NULL, "no word");
	expect_invalid(index, "\t\n ", NULL, "no word");
	expect_invalid(index, "\xc2\xb7-.", NULL, "no word"); /* "·-." */
	expect_invalid(index, "' ’ « » ...", NULL, "no word");
	expect_invalid(index, "\xff", NULL, "UTF-8");
	expect_invalid(index, "ecoute \xc3", NULL, "UTF-8");   /* truncated sequence */
	expect_invalid(index, "\xc0\xaf", NULL, "UTF-8");      /* overlong '/' */
	expect_invalid(index, "\xed\xa0\x80", NULL, "UTF-8");  /* a surrogate */

	/* NULL arguments. */
	cispref_results *results = NULL;
	cispref_error error = {0};
	assert_int_equal(cispref_search(NULL, index, "ecoute", NULL, &error), CISPREF_EARG);
	assert_int_equal(error.code, CISPREF_EARG);
	assert_true(error.text[0] != '\0');
	expect_invalid(NULL, "ecoute", NULL, NULL);
	expect_invalid(index, NULL, NULL, NULL);

	/* Options and filters of another version. */
	cispref_search_options o = CISPREF_SEARCH_OPTIONS_INIT;
	o.version = CISPREF_SEARCH_OPTIONS_VERSION + 1;
	expect_invalid(index, "ecoute", &o, NULL);
	o.version = 0;
	expect_invalid(index, "ecoute", &o, NULL);
	o = (cispref_search_options)CISPREF_SEARCH_OPTIONS_INIT;
	o.filter.version = CISPREF_FILTER_VERSION + 1;
	expect_invalid(index, "ecoute", &o, NULL);

	/* No hit is not an error. */
	error = (cispref_error){0};
	assert_int_equal(cispref_search(&results, index, "zzzz", NULL, &error), CISPREF_OK);
	assert_int_equal(error.code, 0);
	assert_int_equal(cispref_results_count(results), 0);
	cispref_results_free(results);
}

static void test_search_many_words(void **state)
{
	const cispref_index *index = ((shared *)*state)->index;
	/* 32 different words, every one the beginning of a word of psy.ind.1.sfc.2 "Adopter
	 * une posture d'écoute active (empathie, questionnement, reformulation)" and, all
	 * together, of no other text. */
	static const char *const words[] = {
		"a", "ad", "ado", "adop", "adopt", "adopte", "adopter", "u", "un", "une", "p", "po",
		"pos", "post", "postu", "postur", "posture", "d", "e", "ec", "eco", "ecou", "ecout",
		"ecoute", "ac", "act", "acti", "activ", "active", "em", "emp", "empa"};
	assert_int_equal(N_ELEMENTS(words), 32);
	char query[1024] = "";
	for (size_t i = 0; i < N_ELEMENTS(words); i++) {
		strcat(query, words[i]);
		strcat(query, " ");
	}
	static const char *const hit[] = {"psy.ind.1.sfc.2"};
	EXPECT_SEARCH(index, query, NULL, hit);
	/* Repeated words are one word. */
	strcat(query, "ADOPTER Posture écoute a ");
	EXPECT_SEARCH(index, query, NULL, hit);
	/* A 33rd word must not be dropped: it would give hits that lack it. */
	strcat(query, "zzzz");
	expect_invalid(index, query, NULL, "words");
}

static void test_results_json(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("query-json.xml");
	cispref_index *index = new_index(ref);
	/* "ecout" is "écoute" without its final e (one inflection key: a match by stem),
	 * only the beginning of "Écouter": j.sum.2 before j.sum.1. */
	cispref_results *r = search_ok(index, "ecout", NULL);

	static const char expected[] =
		"[\n"
		"  {\n"
		"    \"id\": \"j.ind.1\",\n"
		"    \"field\": \"title\",\n"
		"    \"text\": \"Écoute active\",\n"
		"    \"path\": \"Domaine J › Individuel › Écoute active\",\n"
		"    \"matched_words\": 1,\n"
		"    \"domain\": \"j\",\n"
		"    \"plan\": \"j.ind\",\n"
		"    \"competence\": \"j.ind.1\"\n"
		"  },\n"
		"  {\n"
		"    \"id\": \"j.sum.2\",\n"
		"    \"field\": \"summary\",\n"
		"    \"text\": \"Écoute sans lien\",\n"
		"    \"path\": \"Domaine J › Écoute sans lien\",\n"
		"    \"matched_words\": 1,\n"
		"    \"domain\": \"j\",\n"
		"    \"plan\": null,\n"
		"    \"competence\": null\n"
		"  },\n"
		"  {\n"
		"    \"id\": \"j.sum.1\",\n"
		"    \"field\": \"summary\",\n"
		"    \"text\": \"Écouter le groupe\",\n"
		"    \"path\": \"Domaine J › Écouter le groupe\",\n"
		"    \"matched_words\": 1,\n"
		"    \"domain\": \"j\",\n"
		"    \"plan\": null,\n"
		"    \"competence\": \"j.ind.1\"\n"
		"  },\n"
		"  {\n"
		"    \"id\": \"j.ind.1.sfc.1\",\n"
		"    \"field\": \"item\",\n"
		"    \"text\": \"Dire \\\"écoute\\\" \\\\ répéter\",\n"
		"    \"path\": \"Domaine J › Individuel › Écoute active › Dire \\\"écoute\\\" \\\\ répéter\",\n"
		"    \"matched_words\": 1,\n"
		"    \"domain\": \"j\",\n"
		"    \"plan\": \"j.ind\",\n"
		"    \"competence\": \"j.ind.1\"\n"
		"  }\n"
		"]\n";
	char *json = NULL;
	size_t size = 0;
	cispref_error error = {0};
	assert_int_equal(cispref_results_export_json(&json, &size, r, &error), CISPREF_OK);
	assert_string_equal(json, expected);
	assert_int_equal(size, strlen(expected));
	cispref_buffer_free(json);
	/* The size may be left out. */
	json = NULL;
	assert_int_equal(cispref_results_export_json(&json, NULL, r, NULL), CISPREF_OK);
	assert_string_equal(json, expected);
	cispref_buffer_free(json);
	cispref_results_free(r);

	/* Two matched words, with a limit. */
	cispref_search_options o = CISPREF_SEARCH_OPTIONS_INIT;
	o.limit = 1;
	r = search_ok(index, "ecoute act", &o);
	assert_int_equal(cispref_results_export_json(&json, &size, r, &error), CISPREF_OK);
	assert_string_equal(json,
		"[\n"
		"  {\n"
		"    \"id\": \"j.ind.1\",\n"
		"    \"field\": \"title\",\n"
		"    \"text\": \"Écoute active\",\n"
		"    \"path\": \"Domaine J › Individuel › Écoute active\",\n"
		"    \"matched_words\": 2,\n"
		"    \"domain\": \"j\",\n"
		"    \"plan\": \"j.ind\",\n"
		"    \"competence\": \"j.ind.1\"\n"
		"  }\n"
		"]\n");
	cispref_buffer_free(json);
	cispref_results_free(r);

	/* No hit: an empty array. */
	r = search_ok(index, "absent", NULL);
	assert_int_equal(cispref_results_export_json(&json, &size, r, &error), CISPREF_OK);
	assert_string_equal(json, "[]\n");
	assert_int_equal(size, 3);
	cispref_buffer_free(json);

	/* Errors. */
	error = (cispref_error){0};
	assert_int_equal(cispref_results_export_json(NULL, &size, r, &error), CISPREF_EARG);
	assert_int_equal(error.code, CISPREF_EARG);
	json = NULL;
	assert_int_equal(cispref_results_export_json(&json, &size, NULL, NULL), CISPREF_EARG);
	assert_null(json);
	cispref_results_free(r);

	cispref_index_free(index);
	cispref_referential_free(ref);
}

static void test_index_errors(void **state)
{
	(void)state;
	cispref_index *index = NULL;
	assert_int_equal(cispref_index_new(&index, NULL), CISPREF_EARG);
	assert_null(index);
	cispref_referential *ref = load_fixture("query-json.xml");
	assert_int_equal(cispref_index_new(NULL, ref), CISPREF_EARG);

	/* A referential without concepts: nothing is shared, search still works. */
	index = new_index(ref);
	assert_int_equal(cispref_index_top_concepts(index, NULL, 0), 0);
	const cispref_competence *comp = cispref_referential_find_competence(ref, "j.ind.1");
	cispref_related rel[2];
	assert_int_equal(cispref_index_related_competences(index, comp, rel, 2), 0);

	/* A concept of another referential has no usage in this index. */
	cispref_referential *other = NULL;
	assert_int_equal(cispref_referential_load_default(&other, NULL), CISPREF_OK);
	cispref_index *other_index = new_index(other);
	const cispref_concept *listening = cispref_referential_find_concept(other, "c.ecoute-active");
	assert_int_equal(cispref_index_concept_item_count(other_index, listening), 13);
	assert_int_equal(cispref_index_concept_item_count(index, listening), 0);
	assert_int_equal(cispref_index_concept_competence_count(index, listening), 0);
	assert_null(cispref_index_concept_item(index, listening, 0));
	cispref_index_free(other_index);
	cispref_referential_free(other);
	cispref_index_free(index);
	cispref_referential_free(ref);
}

static int setup(void **state)
{
	shared *s = calloc(1, sizeof *s);
	if (!s || cispref_referential_load_default(&s->ref, NULL) != CISPREF_OK ||
	    cispref_index_new(&s->index, s->ref) != CISPREF_OK) {
		if (s)
			cispref_referential_free(s->ref);
		free(s);
		return -1;
	}
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	shared *s = *state;
	cispref_index_free(s->index);
	cispref_referential_free(s->ref);
	free(s);
	return 0;
}

/* Suggestions follow the policy of query.h: equal without case, then a dotted tail
 * equal, then nearer by edit distance; in the candidates' (or document) order within a
 * rank. */
static void test_suggest(void **state)
{
	const cispref_referential *ref = ((shared *)*state)->ref;
	static const char *const tags[] = {"duplicate-id", "plan-empty", "note-unused", "PLAN-EMPTY"};
	const char *out[8] = {NULL};
	/* Two letters swapped: a distance of 1, whatever the case. */
	assert_int_equal(cispref_suggest(out, 8, "plan-emtpy", tags, 4), 2);
	assert_string_equal(out[0], "plan-empty");
	assert_string_equal(out[1], "PLAN-EMPTY");
	assert_int_equal(cispref_suggest(out, 8, "Plan-Empty", tags, 4), 2);
	assert_string_equal(out[0], "plan-empty");
	/* Only the room given is written; the count says how many there are. */
	out[1] = NULL;
	assert_int_equal(cispref_suggest(out, 1, "duplicat-id", tags, 4), 1);
	assert_string_equal(out[0], "duplicate-id");
	assert_null(out[1]);
	assert_int_equal(cispref_suggest(out, 8, "validity", tags, 4), 0);
	/* Two bytes: only a match without case counts. */
	static const char *const short_names[] = {"ab", "AC", "Ab"};
	assert_int_equal(cispref_suggest(out, 8, "aB", short_names, 3), 2);
	assert_string_equal(out[0], "ab");
	assert_string_equal(out[1], "Ab");

	/* The example: the id without its "c." prefix. */
	assert_true(cispref_referential_suggest_ids(out, 8, ref, "ecoute-active", CISPREF_NODE_NONE) >= 1);
	assert_string_equal(out[0], "c.ecoute-active");
	assert_int_equal(cispref_referential_suggest_ids(out, 8, ref, "ecoute-active", CISPREF_NODE_DOMAIN), 0);
	/* Domains: case, then one letter off. */
	assert_int_equal(cispref_referential_suggest_ids(out, 8, ref, "PSY", CISPREF_NODE_DOMAIN), 1);
	assert_string_equal(out[0], "psy");
	assert_int_equal(cispref_referential_suggest_ids(out, 8, ref, "psi", CISPREF_NODE_DOMAIN), 1);
	assert_string_equal(out[0], "psy");
	/* Dotted tails first, in document order, then the ids one edit away. */
	size_t n = cispref_referential_suggest_ids(out, 8, ref, "ind.1", CISPREF_NODE_COMPETENCE);
	assert_true(n > 3);
	assert_string_equal(out[0], "psy.ind.1");
	assert_string_equal(out[1], "peda.ind.1");
	assert_string_equal(out[2], "sociopro.ind.1");
	assert_string_equal(out[3], "psy.ind.2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_node_type),
		cmocka_unit_test(test_node_type_name),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_foreach_all),
		cmocka_unit_test(test_foreach_filters),
		cmocka_unit_test(test_foreach_stop_and_errors),
		cmocka_unit_test(test_foreach_payload),
		cmocka_unit_test(test_concepts_fixture),
		cmocka_unit_test(test_top_concepts_fixture),
		cmocka_unit_test(test_related_fixture),
		cmocka_unit_test(test_concepts_embedded),
		cmocka_unit_test(test_search_accents_and_case),
		cmocka_unit_test(test_search_inclusive_writing),
		cmocka_unit_test(test_search_acronyms),
		cmocka_unit_test(test_search_prefix_and_and),
		cmocka_unit_test(test_search_ranking),
		cmocka_unit_test(test_search_filters),
		cmocka_unit_test(test_search_filters_embedded),
		cmocka_unit_test(test_hit_accessors),
		cmocka_unit_test(test_search_errors),
		cmocka_unit_test(test_search_many_words),
		cmocka_unit_test(test_results_json),
		cmocka_unit_test(test_index_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
