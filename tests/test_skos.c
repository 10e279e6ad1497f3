/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The SKOS and ESCO exports (doc/interchange.md, "SKOS and ESCO"): the ESCO-style CSV
 * parsed back with libcsv and compared, row by row, with the model read through the
 * public API (ESCO's columns, one row per item, the skill type of each kind, the IRIs of
 * the identity); the Turtle's IRIs and string literals against the Turtle grammar, and its
 * failures. tests/test_skos_rapper.sh parses the Turtle with rapper and compares every
 * triple with the model. */
#include <csv.h>

#include "test_util.h"

/* ---- The CSV parsed back: rows of NUL-terminated cells ---- */

typedef struct table {
	char ***rows;
	size_t *widths;
	size_t count, capacity;
	int open; /* the last row takes more fields */
} table;

static void on_field(void *field, size_t length, void *data)
{
	table *t = data;
	if (!t->open) {
		if (t->count == t->capacity) {
			t->capacity = t->capacity ? 2 * t->capacity : 64;
			t->rows = realloc(t->rows, t->capacity * sizeof *t->rows);
			t->widths = realloc(t->widths, t->capacity * sizeof *t->widths);
			assert_non_null(t->rows);
			assert_non_null(t->widths);
		}
		t->rows[t->count] = NULL;
		t->widths[t->count++] = 0;
		t->open = 1;
	}
	size_t r = t->count - 1, w = t->widths[r];
	t->rows[r] = realloc(t->rows[r], (w + 1) * sizeof *t->rows[r]);
	assert_non_null(t->rows[r]);
	t->rows[r][w] = calloc(length + 1, 1);
	assert_non_null(t->rows[r][w]);
	if (field)
		memcpy(t->rows[r][w], field, length);
	t->widths[r]++;
}

static void on_record(int c, void *data)
{
	(void)c;
	((table *)data)->open = 0;
}

static table parse_csv(const char *data, size_t size)
{
	struct csv_parser parser;
	table t = {0};
	assert_int_equal(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI), 0);
	assert_int_equal(csv_parse(&parser, data, size, on_field, on_record, &t), size);
	assert_int_equal(csv_fini(&parser, on_field, on_record, &t), 0);
	csv_free(&parser);
	return t;
}

static void table_free(table *t)
{
	for (size_t r = 0; r < t->count; r++) {
		for (size_t c = 0; c < t->widths[r]; c++)
			free(t->rows[r][c]);
		free(t->rows[r]);
	}
	free(t->rows);
	free(t->widths);
}

static cispref_referential *load_fixture(const char *name)
{
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_file(&ref, fixture(name), NULL, NULL));
	return ref;
}

static char *export(const cispref_referential *ref, cispref_format_t format, size_t *size)
{
	char *out = NULL;
	OK(cispref_export_buffer(&out, size, ref, format, NULL));
	return out;
}

/* The IRI both exports give a node (NULL: the referential): its URI with a base URI,
 * else the URN of its UUID (RFC 4122 section 3). */
static void node_iri(char *out, size_t size, const cispref_referential *ref, const char *id)
{
	if (cispref_referential_base_uri(ref)) {
		snprintf(out, size, "%s%s", cispref_referential_base_uri(ref), id ? id : "");
		return;
	}
	char uuid[CISPREF_UUID_STRING_SIZE];
	if (id)
		OK(cispref_referential_node_uuid(uuid, ref, id));
	snprintf(out, size, "urn:uuid:%s", id ? uuid : cispref_referential_uuid(ref));
}

/* ---- ESCO CSV ---- */

/* ESCO's skills file header, in its order (ESCO downloads, skills_LANG.csv). */
static const char *const esco_headers[] = {
	"conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
	"hiddenLabels", "status", "modifiedDate", "scopeNote", "definition", "inScheme",
	"description"};

/* The competence's notes, one per line: the scopeNote of its items. */
static void notes_of(char *out, size_t size, const cispref_competence *c)
{
	out[0] = '\0';
	for (size_t n = 0; n < cispref_competence_note_count(c); n++) {
		const cispref_note *note = cispref_competence_note(c, n);
		if (note)
			snprintf(out + strlen(out), size - strlen(out), "%s%s", out[0] ? "\n" : "",
			         cispref_note_text(note));
	}
}

/* Every row against the model, in its order; returns the number of item rows. */
static size_t check_esco_rows(const cispref_referential *ref, const table *t)
{
	char scheme[4096], iri[4096], notes[8192];
	node_iri(scheme, sizeof scheme, ref, NULL);
	size_t r = 1;
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
			const cispref_plan *plan = cispref_domain_plan(domain, p);
			for (size_t k = 0; k < cispref_plan_competence_count(plan); k++) {
				const cispref_competence *c = cispref_plan_competence(plan, k);
				notes_of(notes, sizeof notes, c);
				for (int kind = 0; kind < CISPREF_ITEM_KIND_COUNT; kind++)
					for (size_t i = 0;
					     i < cispref_competence_item_count(c, (cispref_item_kind_t)kind);
					     i++, r++) {
						const cispref_item *it =
							cispref_competence_item(c, (cispref_item_kind_t)kind, i);
						assert_true(r < t->count);
						assert_int_equal(t->widths[r], 13);
						char **row = t->rows[r];
						node_iri(iri, sizeof iri, ref, cispref_item_id(it));
						assert_string_equal(row[0], "KnowledgeSkillCompetence");
						assert_string_equal(row[1], iri);
						/* ESCO: skill/competence for aptitudes, knowledge for savoirs */
						assert_string_equal(row[2], kind == CISPREF_ITEM_SAVOIR
						                                ? "knowledge"
						                                : "skill/competence");
						assert_string_equal(row[4], cispref_item_text(it));
						assert_string_equal(row[7], "released");
						assert_string_equal(row[9], notes);
						assert_string_equal(row[11], scheme);
						for (size_t e = 0; e < 13; e++)
							if (e == 3 || e == 5 || e == 6 || e == 8 || e == 10 || e == 12)
								assert_string_equal(row[e], "");
					}
			}
		}
	}
	assert_int_equal(r, t->count);
	return r - 1;
}

static void check_esco(const cispref_referential *ref, size_t *rows)
{
	size_t size;
	char *csv = export(ref, CISPREF_FORMAT_ESCO_CSV, &size);
	/* UTF-8 without a BOM, CRLF after every record (RFC 4180 section 2). */
	assert_true(size > 2 && csv[0] == '"');
	assert_memory_equal(csv + size - 2, "\r\n", 2);
	table t = parse_csv(csv, size);
	assert_true(t.count >= 1);
	assert_int_equal(t.widths[0], N_ELEMENTS(esco_headers));
	for (size_t c = 0; c < N_ELEMENTS(esco_headers); c++)
		assert_string_equal(t.rows[0][c], esco_headers[c]);
	*rows = check_esco_rows(ref, &t);
	table_free(&t);
	cispref_buffer_free(csv);
}

static void test_esco_default(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	size_t rows, knowledge = 0;
	check_esco(ref, &rows);
	/* One row per item: the 333 items of the source. */
	assert_int_equal(rows, 333);
	assert_int_equal(rows, cispref_referential_item_total(ref, SF) +
	                           cispref_referential_item_total(ref, SFC) +
	                           cispref_referential_item_total(ref, S));
	size_t size;
	char *csv = export(ref, CISPREF_FORMAT_ESCO_CSV, &size);
	for (const char *p = csv; (p = strstr(p, "\"knowledge\"")); p++)
		knowledge++;
	assert_int_equal(knowledge, cispref_referential_item_total(ref, S));
	cispref_buffer_free(csv);
	cispref_referential_free(ref);
}

/* Quotes, line breaks, backslashes; a base URI; two notes, one per line of scopeNote. */
static void test_esco_hostile(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("skos-hostile.xml");
	size_t rows;
	check_esco(ref, &rows);
	assert_int_equal(rows, 9);
	size_t size;
	char *csv = export(ref, CISPREF_FORMAT_ESCO_CSV, &size);
	/* A URI with '?' and '&' as the base URI gives it, and the two notes on two lines. */
	assert_non_null(strstr(csv, "\"https://example.org/cisp/skos?edition=1&id=psy.ind.1.sf.3\""));
	assert_non_null(strstr(csv, "\"Une note\nsur deux lignes, avec \"\"\"\"\"\" et \\\"\"\n"
	                            "Deuxième note\""));
	cispref_buffer_free(csv);
	cispref_referential_free(ref);
}

/* ---- SKOS: the IRIs and literals the Turtle grammar asks for ---- */

static void test_skos_iris(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	size_t size;
	char *ttl = export(ref, CISPREF_FORMAT_SKOS, &size);
	char expect[512], iri[128];
	/* No base URI: the scheme is the URN of the namespace UUID, domains its top
	 * concepts under the URN of their UUIDs. */
	node_iri(iri, sizeof iri, ref, NULL);
	snprintf(expect, sizeof expect, "\n<%s>\n    a skos:ConceptScheme, cispref:Referential ;\n",
	         iri);
	assert_non_null(strstr(ttl, expect));
	node_iri(iri, sizeof iri, ref, cispref_domain_id(cispref_referential_domain(ref, 0)));
	snprintf(expect, sizeof expect, "skos:hasTopConcept <%s>", iri);
	assert_non_null(strstr(ttl, expect));
	assert_non_null(strstr(ttl, "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"));
	assert_non_null(strstr(ttl, "@prefix cispref: <" CISPREF_SKOS_VOCABULARY "> .\n"));
	assert_string_equal(CISPREF_SKOS_VOCABULARY, "urn:cispref:referential#");
	cispref_buffer_free(ttl);

	/* With a base URI, the node URIs (the scheme's is the base URI). */
	OK(cispref_referential_set_base_uri(ref, "https://example.org/cisp/"));
	ttl = export(ref, CISPREF_FORMAT_SKOS, &size);
	assert_non_null(strstr(ttl, "\n<https://example.org/cisp/>\n"
	                            "    a skos:ConceptScheme, cispref:Referential ;\n"));
	assert_non_null(strstr(ttl, "\n<https://example.org/cisp/psy.ind.1>\n"
	                            "    a skos:Concept, cispref:Competence ;\n"
	                            "    skos:inScheme <https://example.org/cisp/> ;\n"));
	assert_null(strstr(ttl, "urn:uuid:"));
	cispref_buffer_free(ttl);
	cispref_referential_free(ref);
}

/* A copy of the statement of @ttl that begins with @head, to its final " .\n"; NULL when
 * there is none. free() it. */
static char *statement(const char *ttl, const char *head)
{
	const char *start = strstr(ttl, head);
	if (!start)
		return NULL;
	size_t n = strcspn(start, "");
	const char *stop = strstr(start, " .\n");
	if (stop)
		n = (size_t)(stop - start) + 3;
	char *copy = malloc(n + 1);
	assert_non_null(copy);
	memcpy(copy, start, n);
	copy[n] = '\0';
	return copy;
}

/* The kinds in cispref's vocabulary (doc/interchange.md, "Kinds"): a class beside
 * skos:Concept and cispref:kind with the model's word, for the source's nodes of each
 * kind: psy (a core domain, 3.1.2), admin (transversal, 3.1.3), its joint plan, the
 * first savoir-faire, comportemental and savoir of psy.ind.1. */
static void test_skos_kinds(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	OK(cispref_referential_set_base_uri(ref, "https://example.org/cisp/"));
	/* not export(): GCC would take the buffer for its local (-Wdangling-pointer) */
	char *ttl = NULL;
	OK(cispref_export_buffer(&ttl, NULL, ref, CISPREF_FORMAT_SKOS, NULL));
	const cispref_competence *c = cispref_referential_find_competence(ref, "psy.ind.1");
	assert_non_null(c);
	const cispref_concept *shared = cispref_referential_concept(ref, 0);
	struct {
		const char *id, *class, *kind;
	} nodes[] = {
		{"psy", "Domain", "core"},
		{"admin", "Domain", "transversal"},
		{"psy.ind", "Plan", "individual"},
		{"admin.joint", "Plan", "joint"},
		{"psy.ind.1", "Competence", NULL}, /* a competence has no kind */
		{cispref_item_id(cispref_competence_item(c, SF, 0)), "Item", "savoir-faire"},
		{cispref_item_id(cispref_competence_item(c, SFC, 0)), "Item",
		 "savoir-faire-comportemental"},
		{cispref_item_id(cispref_competence_item(c, S, 0)), "Item", "savoir"},
		/* a shared concept has its items' kind */
		{cispref_concept_id(shared), "Concept",
		 cispref_item_kind_name(cispref_concept_kind(shared))},
	};
	char head[512], kind[128];
	for (size_t i = 0; i < N_ELEMENTS(nodes); i++) {
		snprintf(head, sizeof head, "\n<https://example.org/cisp/%s>\n"
		         "    a skos:Concept, cispref:%s ;\n", nodes[i].id, nodes[i].class);
		char *found = statement(ttl, head);
		if (!found)
			print_error("missing: %s\n", head);
		assert_non_null(found);
		if (nodes[i].kind) {
			/* then " ;" or, last, " ." */
			snprintf(kind, sizeof kind, "    cispref:kind cispref:%s ", nodes[i].kind);
			assert_non_null(strstr(found, kind));
		} else {
			assert_null(strstr(found, "cispref:kind"));
		}
		free(found);
	}
	cispref_buffer_free(ttl);
	cispref_referential_free(ref);
}

/* Turtle 1.1 STRING_LITERAL_QUOTE: '"', '\', LF and CR escaped as ECHAR (tab too), the
 * rest verbatim; the language tag of the referential. */
static void test_skos_literals(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("skos-hostile.xml");
	size_t size;
	char *ttl = export(ref, CISPREF_FORMAT_SKOS, &size);
	static const char *const literals[] = {
		"skos:prefLabel \"Dire \\\"oui\\\", puis \\\"\\\"non\\\"\\\"\"@fr-BE",
		"skos:prefLabel \"trois \\\"\\\"\\\" au milieu, et à la fin \\\"\\\"\\\"\"@fr-BE",
		"skos:prefLabel \"ligne un\\nligne deux\\r\\nligne trois\\rfin\"@fr-BE",
		"skos:prefLabel \"avant\\taprès la tabulation\"@fr-BE",
		"skos:prefLabel \"C:\\\\dossier\\\\n n'est pas une fin de ligne, \\\\u0041 pas un A, "
		"\\\\\\\\ deux\"@fr-BE",
		"skos:prefLabel \"hors du plan de base : \xF0\x9D\x91\x91 (U+1D451), espaces  doubles \"@fr-BE",
		"skos:prefLabel \"\\\"\"@fr-BE",
		"skos:prefLabel \"\\\\\"@fr-BE",
		"skos:note \"Une note\\nsur deux lignes, avec \\\"\\\"\\\" et \\\\\\\"\"@fr-BE",
		"skos:notation \"psy.ind.1.s.5\"",
	};
	for (size_t i = 0; i < N_ELEMENTS(literals); i++) {
		if (!strstr(ttl, literals[i]))
			print_error("missing: %s\n", literals[i]);
		assert_non_null(strstr(ttl, literals[i]));
	}
	/* The shared concept is related to its items, both ways. */
	assert_non_null(strstr(ttl, "<https://example.org/cisp/skos?edition=1&id=c.guillemets> "
	                            "skos:related <https://example.org/cisp/skos?edition=1&id="
	                            "psy.ind.1.sf.2> .\n"));
	assert_non_null(strstr(ttl, "    skos:related <https://example.org/cisp/skos?edition=1&id="
	                            "c.guillemets> .\n"));
	/* No raw control character in the file but the line feeds between statements. */
	for (size_t i = 0; i < size; i++)
		assert_true((unsigned char)ttl[i] >= 0x20 || ttl[i] == '\n');
	cispref_buffer_free(ttl);
	cispref_referential_free(ref);
}

/* A leniently loaded referential whose language Turtle cannot tag fails with a message
 * that says so, and the ESCO CSV, which carries no language, is still written. */
static void test_skos_bad_language(void **state)
{
	(void)state;
	static const char xml[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"mini\" "
		"version=\"1\" xml:lang=\"fr_BE\"><title>Mini</title>"
		"<domain id=\"d\" kind=\"core\"><title>D</title><plan id=\"p\" kind=\"individual\">"
		"<title>P</title><competence id=\"c\"><title>C</title><savoir id=\"s\">S</savoir>"
		"</competence></plan></domain></referential>";
	cispref_load_options options = load_options_with(CISPREF_LOAD_LENIENT);
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_memory(&ref, xml, sizeof xml - 1, NULL, &options, NULL));
	char *out = NULL;
	cispref_error error;
	assert_int_equal(cispref_export_buffer(&out, NULL, ref, CISPREF_FORMAT_SKOS, &error),
	                 CISPREF_EFORMAT);
	assert_null(out);
	assert_non_null(strstr(error.text, "'fr_BE' is not a language tag"));
	OK(cispref_export_buffer(&out, NULL, ref, CISPREF_FORMAT_ESCO_CSV, NULL));
	cispref_buffer_free(out);
	cispref_referential_free(ref);
}

/* The registry: names, the .ttl extension, media types. */
/* Translations: one skos:prefLabel per language tag (SKOS reference, section 5.4: at most
 * one per tag), the referential's own first; a note's translations as skos:note. */
static void test_skos_translations(void **state)
{
	(void)state;
	cispref_referential *ref = load_fixture("translation-nl.xml");
	char *ttl = export(ref, CISPREF_FORMAT_SKOS, NULL);
	assert_non_null(strstr(ttl, "    skos:prefLabel \"Accompagnement psycho-social\"@fr ;\n"
	                            "    skos:prefLabel \"Psychosoziale Begleitung\"@de ;\n"
	                            "    skos:prefLabel \"Psychosociale begeleiding\"@nl ;\n"));
	assert_non_null(strstr(ttl, "skos:prefLabel \"Actief luisteren\"@nl"));
	assert_non_null(strstr(ttl, "skos:note \"Une note.\"@fr ;\n    skos:note \"Een opmerking.\"@nl"));
	/* an item without a Dutch text has its French label alone */
	assert_non_null(strstr(ttl, "skos:prefLabel \"Synthétiser\"@fr ;\n    skos:notation"));
	cispref_buffer_free(ttl);
	cispref_referential_free(ref);
}

static void test_registry(void **state)
{
	(void)state;
	cispref_format_t f;
	OK(cispref_format_from_name(&f, "skos"));
	assert_int_equal(f, CISPREF_FORMAT_SKOS);
	OK(cispref_format_from_name(&f, "esco-csv"));
	assert_int_equal(f, CISPREF_FORMAT_ESCO_CSV);
	OK(cispref_format_from_path(&f, "referentiel.ttl"));
	assert_int_equal(f, CISPREF_FORMAT_SKOS);
	OK(cispref_format_from_path(&f, "referentiel.csv"));
	assert_int_equal(f, CISPREF_FORMAT_CSV);
	assert_string_equal(cispref_format_media_type(CISPREF_FORMAT_SKOS), "text/turtle");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_esco_default),     cmocka_unit_test(test_esco_hostile),
		cmocka_unit_test(test_skos_iris),        cmocka_unit_test(test_skos_kinds),
		cmocka_unit_test(test_skos_literals),
		cmocka_unit_test(test_skos_bad_language), cmocka_unit_test(test_registry),
		cmocka_unit_test(test_skos_translations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
