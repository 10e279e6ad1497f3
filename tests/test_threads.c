/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Threads: eight threads at once read one referential (the embedded one) and search one
 * index, as doc/api.md allows: they walk every node through the accessors, query the
 * concept index, search, validate, export XML and JSON, render the cahier, and load their
 * own copy of the referential. Every output must be byte-identical to the one computed
 * on a single thread first. Run under ThreadSanitizer (tools/run-tests.sh) it also shows
 * that no two threads touch the same memory without synchronisation. */
#include <pthread.h>

#include "test_util.h"

#define THREADS 8
#define ROUNDS 2

/* ---- a growable string, to compare whole outputs ------------------------------- */

typedef struct text {
	char *data;
	size_t len, cap;
	int failed; /* out of memory: the comparison then fails */
} text;

static void text_add(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void text_add(text *t, const char *fmt, ...)
{
	if (t->failed)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || t->len + (size_t)n + 1 > t->cap) {
		size_t cap = (t->len + (size_t)(n < 0 ? 0 : n) + 1) * 2;
		char *grown = n < 0 ? NULL : realloc(t->data, cap);
		if (!grown) {
			t->failed = 1;
			return;
		}
		t->data = grown;
		t->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(t->data + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

/* NULL strings are written as "(null)" by hand: printf's "%s" of NULL is undefined. */
static const char *s(const char *str)
{
	return str ? str : "(null)";
}

/* ---- what each thread computes ------------------------------------------------- */

typedef struct blob {
	char *data; /* from the library: cispref_buffer_free() */
	size_t size;
	int rc;
} blob;

typedef struct outputs {
	text walk;      /* every node, through the accessors and lookups */
	text concepts;  /* the concept index's answers */
	text search;    /* the results of every query, as JSON and through the accessors */
	text diags;     /* the validator's findings */
	blob xml, json, html, odt;
	int loaded;     /* a copy loaded on this thread equals the shared referential */
} outputs;

static const cispref_referential *shared_ref;
static const cispref_index *shared_index;
static pthread_barrier_t start_line;

static void walk(outputs *o)
{
	const cispref_referential *ref = shared_ref;
	text *t = &o->walk;
	text_add(t, "%s|%s|%s|%s|%s\n", s(cispref_referential_id(ref)),
	         s(cispref_referential_title(ref)), s(cispref_referential_version(ref)),
	         s(cispref_referential_language(ref)), s(cispref_referential_origin(ref)));
	for (int f = 0; f < CISPREF_SOURCE_FIELD_COUNT; f++)
		text_add(t, "source %s=%s\n", s(cispref_source_field_name((cispref_source_field_t)f)),
		         s(cispref_referential_source(ref, (cispref_source_field_t)f)));
	text_add(t, "totals %zu %zu %zu %zu %zu %zu\n", cispref_referential_plan_total(ref),
	         cispref_referential_competence_total(ref), cispref_referential_summary_total(ref),
	         cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR_FAIRE),
	         cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL),
	         cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR));
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		const char *id = cispref_domain_id(domain);
		text_add(t, "domain %s %s %s %d %d\n", s(id),
		         s(cispref_domain_kind_name(cispref_domain_kind(domain))),
		         s(cispref_domain_title(domain)),
		         cispref_referential_find_domain(ref, id) == domain,
		         cispref_domain_referential(domain) == ref);
		for (size_t e = 0; e < cispref_domain_summary_count(domain); e++) {
			const cispref_summary_entry *entry = cispref_domain_summary_entry(domain, e);
			text_add(t, " entry %s %s %s %s %d %d\n", s(cispref_summary_entry_id(entry)),
			         s(cispref_plan_kind_name(cispref_summary_entry_plan_kind(entry))),
			         s(cispref_summary_entry_text(entry)),
			         s(cispref_summary_entry_competence_id(entry)),
			         cispref_summary_entry_competence(entry) != NULL,
			         cispref_summary_entry_domain(entry) == domain);
		}
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
			const cispref_plan *plan = cispref_domain_plan(domain, p);
			text_add(t, " plan %s %s %s %d\n", s(cispref_plan_id(plan)),
			         s(cispref_plan_kind_name(cispref_plan_kind(plan))),
			         s(cispref_plan_title(plan)),
			         cispref_referential_find_plan(ref, cispref_plan_id(plan)) == plan);
			for (size_t c = 0; c < cispref_plan_competence_count(plan); c++) {
				const cispref_competence *comp = cispref_plan_competence(plan, c);
				text_add(t, "  competence %s %s %d %d\n", s(cispref_competence_id(comp)),
				         s(cispref_competence_title(comp)),
				         cispref_referential_find_competence(ref, cispref_competence_id(comp)) == comp,
				         cispref_competence_plan(comp) == plan);
				for (size_t n = 0; n < cispref_competence_note_count(comp); n++)
					text_add(t, "   note-ref %s %s\n", s(cispref_competence_note_id(comp, n)),
					         s(cispref_note_text(cispref_competence_note(comp, n))));
				for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++) {
					cispref_item_kind_t kind = (cispref_item_kind_t)k;
					for (size_t i = 0; i < cispref_competence_item_count(comp, kind); i++) {
						const cispref_item *item = cispref_competence_item(comp, kind, i);
						text_add(t, "   %s %s %s %s %d %s\n",
						         s(cispref_item_kind_name(cispref_item_kind(item))),
						         s(cispref_item_id(item)), s(cispref_item_text(item)),
						         s(cispref_item_concept_id(item)),
						         cispref_item_competence(item) == comp,
						         s(cispref_node_type_name(
							         cispref_referential_node_type(ref, cispref_item_id(item)))));
					}
				}
			}
		}
	}
	for (size_t c = 0; c < cispref_referential_concept_count(ref); c++) {
		const cispref_concept *concept = cispref_referential_concept(ref, c);
		text_add(t, "concept %s %s %s %d\n", s(cispref_concept_id(concept)),
		         s(cispref_item_kind_name(cispref_concept_kind(concept))),
		         s(cispref_concept_label(concept)),
		         cispref_referential_find_concept(ref, cispref_concept_id(concept)) == concept);
	}
	for (size_t n = 0; n < cispref_referential_note_count(ref); n++) {
		const cispref_note *note = cispref_referential_note(ref, n);
		text_add(t, "note %s %s %s %d\n", s(cispref_note_id(note)), s(cispref_note_number(note)),
		         s(cispref_note_text(note)),
		         cispref_referential_find_note(ref, cispref_note_id(note)) == note);
	}
}

static int add_competence(const cispref_competence *competence, void *payload)
{
	text_add(payload, "%s ", s(cispref_competence_id(competence)));
	return 0;
}

static void concepts(outputs *o)
{
	const cispref_index *index = shared_index;
	text *t = &o->concepts;
	const cispref_concept *top[16];
	size_t used = cispref_index_top_concepts(index, top, 16);
	text_add(t, "top %zu\n", used);
	for (size_t i = 0; i < used && i < 16; i++) {
		size_t items = cispref_index_concept_item_count(index, top[i]);
		size_t comps = cispref_index_concept_competence_count(index, top[i]);
		text_add(t, "%s %zu %zu:", s(cispref_concept_id(top[i])), items, comps);
		for (size_t j = 0; j < comps; j++)
			text_add(t, " %s", s(cispref_competence_id(
				cispref_index_concept_competence(index, top[i], j))));
		for (size_t j = 0; j < items; j++)
			text_add(t, " %s", s(cispref_item_id(cispref_index_concept_item(index, top[i], j))));
		text_add(t, "\n");
	}
	const cispref_referential *ref = shared_ref;
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
			const cispref_plan *plan = cispref_domain_plan(domain, p);
			for (size_t c = 0; c < cispref_plan_competence_count(plan); c++) {
				const cispref_competence *comp = cispref_plan_competence(plan, c);
				cispref_related related[8];
				size_t n = cispref_index_related_competences(index, comp, related, 8);
				text_add(t, "related %s %zu:", s(cispref_competence_id(comp)), n);
				for (size_t i = 0; i < n && i < 8; i++)
					text_add(t, " %s/%zu", s(cispref_competence_id(related[i].competence)),
					         related[i].shared);
				text_add(t, "\n");
			}
		}
	}
	cispref_filter filter = CISPREF_FILTER_INIT;
	filter.domain_kinds = CISPREF_MASK(CISPREF_DOMAIN_TRANSVERSAL);
	text_add(t, "transversal: ");
	text_add(t, "%d\n", cispref_referential_foreach_competence(ref, &filter, add_competence, t));
}

static void search(outputs *o)
{
	static const struct {
		const char *query;
		unsigned item_kinds;
		size_t limit;
	} queries[] = {
		{"ecoute", 0, 0},
		{"écoute active", CISPREF_MASK(CISPREF_ITEM_SAVOIR_FAIRE_COMPORTEMENTAL), 0},
		{"la·le stagiaire", 0, 10},
		{"projet", 0, 0},
		{"communication interne", 0, 3},
		{"formation", CISPREF_MASK(CISPREF_ITEM_SAVOIR), 0},
		{"xyzzy", 0, 0},
		{"...", 0, 0}, /* EINVAL: no word */
	};
	text *t = &o->search;
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		cispref_search_options options = CISPREF_SEARCH_OPTIONS_INIT;
		options.filter.item_kinds = queries[q].item_kinds;
		options.limit = queries[q].limit;
		cispref_results *results = NULL;
		cispref_error error = {0};
		int rc = cispref_search(&results, shared_index, queries[q].query, &options, &error);
		text_add(t, "query %s: %d %s %zu\n", queries[q].query, rc, rc ? error.text : "",
		         cispref_results_count(results));
		for (size_t i = 0; i < cispref_results_count(results); i++) {
			const cispref_hit *hit = cispref_results_get(results, i);
			text_add(t, " %s %s %zu %s\n", s(cispref_hit_field_name(cispref_hit_field(hit))),
			         s(cispref_hit_id(hit)), cispref_hit_matched_words(hit),
			         s(cispref_hit_path(hit)));
		}
		char *json = NULL;
		if (results && cispref_results_export_json(&json, NULL, results, NULL) == CISPREF_OK)
			text_add(t, "%s\n", json);
		cispref_buffer_free(json);
		cispref_results_free(results);
	}
}

static void validate(outputs *o)
{
	cispref_diagnostics *diags = NULL;
	int rc = cispref_validate(&diags, shared_ref);
	text_add(&o->diags, "%d %zu\n", rc, cispref_diagnostics_count(diags));
	for (size_t i = 0; i < cispref_diagnostics_count(diags); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(diags, i);
		text_add(&o->diags, "%s %s %s:%lu:%lu %s %s\n",
		         s(cispref_severity_name(cispref_diagnostic_severity(d))),
		         s(cispref_diagnostic_tag(d)), s(cispref_diagnostic_file(d)),
		         cispref_diagnostic_line(d), cispref_diagnostic_column(d),
		         s(cispref_diagnostic_node_id(d)), s(cispref_diagnostic_message(d)));
	}
	cispref_diagnostics_free(diags);
}

static void export(outputs *o)
{
	o->xml.rc = cispref_export_buffer(&o->xml.data, &o->xml.size, shared_ref,
	                                  CISPREF_FORMAT_XML, NULL);
	o->json.rc = cispref_export_buffer(&o->json.data, &o->json.size, shared_ref,
	                                   CISPREF_FORMAT_JSON, NULL);
}

static void render(outputs *o)
{
	cispref_render_options options = CISPREF_RENDER_OPTIONS_INIT;
	o->html.rc = cispref_render_buffer(&o->html.data, &o->html.size, shared_ref,
	                                   CISPREF_RENDER_HTML, NULL, NULL);
	options.inclusive = CISPREF_INCLUSIVE_NORMALIZED;
	o->odt.rc = cispref_render_buffer(&o->odt.data, &o->odt.size, shared_ref,
	                                  CISPREF_RENDER_ODT, &options, NULL);
}

/* Loading is independent on each thread: libxml2 keeps its parser state per context. */
static void load(outputs *o)
{
	cispref_referential *mine = NULL;
	o->loaded = cispref_referential_load_default(&mine, NULL) == CISPREF_OK &&
	            cispref_referential_equal(mine, shared_ref);
	cispref_referential_free(mine);
}

static void (*const tasks[])(outputs *) = {walk, concepts, search, validate, export, render, load};
#define TASK_COUNT (sizeof tasks / sizeof tasks[0])

/* Every task, starting from a different one on each thread so that different work
 * overlaps. */
static void compute(outputs *o, size_t first)
{
	memset(o, 0, sizeof *o);
	for (size_t i = 0; i < TASK_COUNT; i++)
		tasks[(first + i) % TASK_COUNT](o);
}

static void outputs_free(outputs *o)
{
	free(o->walk.data);
	free(o->concepts.data);
	free(o->search.data);
	free(o->diags.data);
	cispref_buffer_free(o->xml.data);
	cispref_buffer_free(o->json.data);
	cispref_buffer_free(o->html.data);
	cispref_buffer_free(o->odt.data);
}

static int text_same(const text *a, const text *b)
{
	return !a->failed && !b->failed && a->len == b->len &&
	       (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

static int blob_same(const blob *a, const blob *b)
{
	return a->rc == CISPREF_OK && b->rc == CISPREF_OK && a->size == b->size &&
	       memcmp(a->data, b->data, a->size) == 0;
}

/* ---- the threads --------------------------------------------------------------- */

static outputs reference;

typedef struct worker {
	pthread_t thread;
	size_t number;
	char mismatch[256]; /* names of the outputs that differed, "" when none */
} worker;

static void note_mismatch(worker *w, const char *what, int same)
{
	if (!same && !strstr(w->mismatch, what))
		snprintf(w->mismatch + strlen(w->mismatch), sizeof w->mismatch - strlen(w->mismatch),
		         "%s%s", w->mismatch[0] ? ", " : "", what);
}

/* cmocka's assertions are not for threads: the worker records what differed and the
 * main thread asserts. */
static void *work(void *arg)
{
	worker *w = arg;
	pthread_barrier_wait(&start_line);
	for (int round = 0; round < ROUNDS; round++) {
		outputs o;
		compute(&o, w->number + (size_t)round);
		note_mismatch(w, "walk", text_same(&o.walk, &reference.walk));
		note_mismatch(w, "concepts", text_same(&o.concepts, &reference.concepts));
		note_mismatch(w, "search", text_same(&o.search, &reference.search));
		note_mismatch(w, "validate", text_same(&o.diags, &reference.diags));
		note_mismatch(w, "xml", blob_same(&o.xml, &reference.xml));
		note_mismatch(w, "json", blob_same(&o.json, &reference.json));
		note_mismatch(w, "html", blob_same(&o.html, &reference.html));
		note_mismatch(w, "odt", blob_same(&o.odt, &reference.odt));
		note_mismatch(w, "load", o.loaded);
		outputs_free(&o);
	}
	return NULL;
}

static void test_threads_share_referential_and_index(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_index *index = NULL;
	assert_int_equal(cispref_referential_load_default(&ref, NULL), CISPREF_OK);
	assert_int_equal(cispref_index_new(&index, ref), CISPREF_OK);
	shared_ref = ref;
	shared_index = index;

	/* The reference, on this thread alone; it must hold something to compare. */
	compute(&reference, 0);
	assert_false(reference.walk.failed || reference.concepts.failed ||
	             reference.search.failed || reference.diags.failed);
	assert_true(reference.walk.len > 10000);
	assert_non_null(strstr(reference.search.data, "\"matched_words\""));
	assert_int_equal(reference.xml.rc, CISPREF_OK);
	assert_int_equal(reference.json.rc, CISPREF_OK);
	assert_int_equal(reference.html.rc, CISPREF_OK);
	assert_int_equal(reference.odt.rc, CISPREF_OK);
	assert_true(reference.loaded);

	worker workers[THREADS];
	assert_int_equal(pthread_barrier_init(&start_line, NULL, THREADS), 0);
	for (size_t i = 0; i < THREADS; i++) {
		workers[i].number = i;
		workers[i].mismatch[0] = '\0';
		assert_int_equal(pthread_create(&workers[i].thread, NULL, work, &workers[i]), 0);
	}
	for (size_t i = 0; i < THREADS; i++)
		assert_int_equal(pthread_join(workers[i].thread, NULL), 0);
	pthread_barrier_destroy(&start_line);
	for (size_t i = 0; i < THREADS; i++) {
		if (workers[i].mismatch[0])
			print_error("thread %zu: %s differ from the single-threaded output\n", i,
			            workers[i].mismatch);
		assert_string_equal(workers[i].mismatch, "");
	}

	outputs_free(&reference);
	cispref_index_free(index);
	cispref_referential_free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_share_referential_and_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
