/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The Moodle competency framework CSV: export (the columns of tool_lpimportcsv), import
 * (encodings, delimiters, order, dropped rows, hostile files), the depth mapping, the
 * round trip, and Moodle's own files when ../shared/interop is there. */
#include <unistd.h>

#include "test_util.h"

#ifndef INTEROP_DIR
#error "INTEROP_DIR must be defined"
#endif

static cispref_referential *import_fixture(const char *name, const cispref_moodle_options *o,
                                           cispref_diagnostics **diags)
{
	cispref_referential *ref = NULL;
	cispref_error error = {0};
	int rc = cispref_moodle_import_file(&ref, diags, fixture(name), o, &error);
	if (rc)
		fail_msg("%s: %s (%d)", name, error.text, rc);
	return ref;
}

/* The findings of @tag, how many, and the line of the first. */
static size_t count_tag(const cispref_diagnostics *d, const char *tag, unsigned long *line)
{
	size_t n = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(d); i++) {
		const cispref_diagnostic *x = cispref_diagnostics_get(d, i);
		if (strcmp(cispref_diagnostic_tag(x), tag) == 0 && n++ == 0 && line)
			*line = cispref_diagnostic_line(x);
	}
	return n;
}

/* A copy of the default referential without its summaries, which the CSV does not
 * carry (doc/interchange.md). */
static cispref_referential *default_without_summaries(void)
{
	cispref_referential *ref;
	OK(cispref_referential_load_default(&ref, NULL));
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		cispref_domain *domain =
			cispref_referential_edit_domain(ref, cispref_referential_domain(ref, d));
		while (cispref_domain_summary_count(domain))
			OK(cispref_domain_remove_summary_entry(domain, 0));
	}
	/* Moodle has no place for the publication's text around the referential. */
	OK(cispref_referential_remove_front_matter(ref));
	return ref;
}

static void round_trip_gives_the_same_model(void **state)
{
	(void)state;
	cispref_referential *ref, *back;
	OK(cispref_referential_load_default(&ref, NULL));
	char *csv;
	size_t size;
	OK(cispref_export_buffer(&csv, &size, ref, CISPREF_FORMAT_MOODLE, NULL));
	cispref_diagnostics *diags;
	OK(cispref_moodle_import_memory(&back, &diags, csv, size, "rt.csv", NULL, NULL));
	cispref_referential *expected = default_without_summaries();
	assert_true(cispref_referential_equal(expected, back));
	/* Nothing dropped, nothing repaired: only the validator's findings. */
	assert_int_equal(cispref_diagnostics_count_severity(diags, CISPREF_SEVERITY_ERROR), 0);
	for (size_t i = 0; i < cispref_diagnostics_count(diags); i++)
		assert_null(strstr(cispref_diagnostic_tag(cispref_diagnostics_get(diags, i)),
		                   "moodle-"));
	/* The validator's lines are the CSV's: psy.ind.1's row. */
	const cispref_competence *c = cispref_referential_find_competence(back, "psy.ind.1");
	assert_non_null(c);
	char *row = strstr(csv, "\n\"individual:psy.ind\",\"psy.ind.1\",");
	assert_non_null(row);
	unsigned long line = 1;
	for (char *p = csv; p <= row; p++)
		line += *p == '\n';
	unsigned long found = 0;
	assert_true(count_tag(diags, "inclusive-writing-mixed", &found) > 0);
	assert_int_equal(found, line);
	cispref_diagnostics_free(diags);
	cispref_referential_free(expected);
	cispref_referential_free(back);
	cispref_referential_free(ref);
	cispref_buffer_free(csv);
}

/* The rules of ../shared/interop/README.md, on the default referential's export. */
/* The namespace UUID and base URI go through the framework row, so node UUIDs and URIs
 * survive; a wrong one is reported and the namespace derived from the id instead. */
static void identity_survives(void **state)
{
	(void)state;
	cispref_referential *ref, *back;
	OK(cispref_referential_load_default(&ref, NULL));
	OK(cispref_referential_set_base_uri(ref, "https://example.org/cisp/"));
	char *csv;
	size_t size;
	OK(cispref_export_buffer(&csv, &size, ref, CISPREF_FORMAT_MOODLE, NULL));
	cispref_diagnostics *diags;
	OK(cispref_moodle_import_memory(&back, &diags, csv, size, "id.csv", NULL, NULL));
	/* the namespace written in data/accompagnement-cisp.xml */
	assert_string_equal(cispref_referential_uuid(back), "3a04826e-5654-4fb8-a9bf-07e876000407");
	assert_string_equal(cispref_referential_base_uri(back), "https://example.org/cisp/");
	char a[CISPREF_UUID_STRING_SIZE], b[CISPREF_UUID_STRING_SIZE];
	OK(cispref_referential_node_uuid(a, ref, "psy.ind.1.sf.1"));
	OK(cispref_referential_node_uuid(b, back, "psy.ind.1.sf.1"));
	assert_string_equal(a, b);
	cispref_diagnostics_free(diags);
	cispref_referential_free(back);

	/* the same file with a namespace in upper case: reported, then derived */
	char *bad = strstr(csv, "uuid: 3a04826e");
	assert_non_null(bad);
	memcpy(bad + 6, "3A", 2);
	OK(cispref_moodle_import_memory(&back, &diags, csv, size, "id.csv", NULL, NULL));
	size_t reported = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(diags); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(diags, i);
		if (strcmp(cispref_diagnostic_tag(d), "moodle-identity-invalid") == 0) {
			reported++;
			assert_int_equal(cispref_diagnostic_severity(d), CISPREF_SEVERITY_WARNING);
		}
	}
	assert_int_equal(reported, 1);
	/* uuid5(uuid5(NAMESPACE_URL, "urn:cispref:referential"), "cisp-accompagnement"),
	 * computed with Python's uuid module (doc/format.md, "Identity") */
	assert_string_equal(cispref_referential_uuid(back),
	                    "3e5d3c9e-25f9-591d-b7c4-0c41199567ed");
	assert_null(cispref_referential_base_uri(back));
	cispref_diagnostics_free(diags);
	cispref_referential_free(back);
	cispref_buffer_free(csv);
	cispref_referential_free(ref);
}

static void export_follows_moodle_columns(void **state)
{
	(void)state;
	cispref_referential *ref;
	OK(cispref_referential_load_default(&ref, NULL));
	char *csv;
	OK(cispref_export_buffer(&csv, NULL, ref, CISPREF_FORMAT_MOODLE, NULL));
	/* Header, then the framework row: no parent, ID number with the edition, one value
	 * default and one proficient, "Is framework" 1, the default taxonomy. */
	assert_true(strncmp(csv, "\"Parent ID number\",\"ID number\",", 31) == 0);
	const char *fw = strchr(csv, '\n') + 1;
	assert_true(strncmp(fw, "\"\",\"cisp-accompagnement@2020\",", 30) == 0);
	assert_non_null(strstr(fw, "\"Non acquis,En cours d'acquisition,Acquis\""));
	assert_non_null(strstr(fw, "{\"\"id\"\":1,\"\"scaledefault\"\":1,\"\"proficient\"\":0}"));
	assert_non_null(strstr(fw, "{\"\"id\"\":3,\"\"scaledefault\"\":0,\"\"proficient\"\":1}"));
	assert_non_null(strstr(fw, "\"1\",\"domain,practice,competency,skill\"\n"));
	/* psy.ind.1's title has 107 characters: its short name is cut on a word boundary
	 * with an ellipsis, and the description holds it whole. */
	const char *title = cispref_competence_title(cispref_referential_find_competence(ref, "psy.ind.1"));
	char expected[512];
	snprintf(expected, sizeof expected,
	         "\"psy.ind.1\",\"Réaliser les bilans de compétences transversales à chaque étape "
	         "de la formation (entrée, en cours…\",\"%s\",\"2\"", title);
	assert_non_null(strstr(csv, expected));
	/* Item kinds in the ID number, concepts cross-referenced. */
	assert_non_null(strstr(csv, "\"psy.ind.1\",\"savoir-faire:psy.ind.1.sf.1\","));
	assert_non_null(strstr(csv, "\"\",\"cispref:concepts\",\"Concepts\""));
	assert_non_null(strstr(csv, "\"cispref:notes\",\"note:21:note.21\",\"Note 21\""));
	cispref_buffer_free(csv);
	cispref_referential_free(ref);
}

static void export_options(void **state)
{
	(void)state;
	cispref_referential *ref;
	OK(cispref_referential_load_default(&ref, NULL));
	cispref_moodle_options o = CISPREF_MOODLE_OPTIONS_INIT;
	o.scale = "Insuffisant,Suffisant,Bien,Très bien";
	o.scale_default = 2;
	o.scale_proficient = 3;
	o.taxonomy = "level,outcome,competency,indicator";
	char *csv;
	OK(cispref_moodle_export_buffer(&csv, NULL, ref, &o, NULL));
	assert_non_null(strstr(csv, "{\"\"id\"\":2,\"\"scaledefault\"\":1,\"\"proficient\"\":0}"));
	assert_non_null(strstr(csv, "{\"\"id\"\":4,\"\"scaledefault\"\":0,\"\"proficient\"\":1}"));
	assert_non_null(strstr(csv, "\"level,outcome,competency,indicator\""));
	cispref_buffer_free(csv);
	cispref_error error;
	o.scale_proficient = 5;
	assert_int_equal(cispref_moodle_export_buffer(&csv, NULL, ref, &o, &error), CISPREF_EARG);
	o.scale_proficient = 0;
	o.scale = "A,,B";
	assert_int_equal(cispref_moodle_export_buffer(&csv, NULL, ref, &o, &error), CISPREF_EARG);
	/* one label twice, spaces around it or not (Moodle trims them): two levels that
	 * cannot be told apart */
	o.scale = "A,B, A";
	assert_int_equal(cispref_moodle_export_buffer(&csv, NULL, ref, &o, &error), CISPREF_EARG);
	assert_non_null(strstr(error.text, "the same label twice"));
	o.scale = "A,AB,B";
	OK(cispref_moodle_export_buffer(&csv, NULL, ref, &o, NULL));
	cispref_buffer_free(csv);
	o.scale = NULL;
	o.taxonomy = "domain,chapter";
	assert_int_equal(cispref_moodle_export_buffer(&csv, NULL, ref, &o, &error), CISPREF_EARG);
	cispref_referential_free(ref);
}

/* Assert that the file at @path holds @size bytes at @expected. */
static void assert_file_holds(const char *path, const char *expected, size_t size)
{
	size_t written_size;
	char *written = read_whole_file(path, &written_size);
	assert_non_null(written);
	assert_int_equal(written_size, size);
	assert_memory_equal(written, expected, size);
	free(written);
}

/* The stream and path entries write the buffer's bytes, options included. */
static void export_stream_and_path(void **state)
{
	(void)state;
	cispref_referential *ref;
	OK(cispref_referential_load_default(&ref, NULL));
	cispref_moodle_options o = CISPREF_MOODLE_OPTIONS_INIT;
	o.scale = "Non,Oui";
	o.taxonomy = "competency,indicator";
	char *expected;
	size_t size;
	OK(cispref_moodle_export_buffer(&expected, &size, ref, &o, NULL));
	assert_non_null(strstr(expected, "\"Non,Oui\""));
	assert_non_null(strstr(expected, "\"competency,indicator\""));

	char dir[] = "/tmp/cispref-moodle-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char stream_path[64], path[64];
	snprintf(stream_path, sizeof stream_path, "%s/stream.csv", dir);
	snprintf(path, sizeof path, "%s/framework.csv", dir);
	FILE *stream = fopen(stream_path, "wb");
	assert_non_null(stream);
	OK(cispref_moodle_export_stream(stream, ref, &o, NULL));
	assert_int_equal(fclose(stream), 0);
	assert_file_holds(stream_path, expected, size);

	OK(cispref_moodle_export_path(path, ref, &o, NULL));
	assert_file_holds(path, expected, size);
	/* refused options leave the file as it was */
	o.taxonomy = "domain,chapter";
	cispref_error error;
	assert_int_equal(cispref_moodle_export_path(path, ref, &o, &error), CISPREF_EARG);
	assert_file_holds(path, expected, size);

	unlink(stream_path);
	unlink(path);
	rmdir(dir);
	cispref_buffer_free(expected);
	cispref_referential_free(ref);
}

/* Children before their parents, the framework row last. */
static void rows_in_any_order(void **state)
{
	(void)state;
	cispref_referential *ref = import_fixture("moodle-unordered.csv", NULL, NULL);
	assert_string_equal(cispref_referential_id(ref), "fw");
	const cispref_item *item = cispref_referential_find_item(ref, "i1");
	assert_non_null(item);
	assert_string_equal(cispref_competence_id(cispref_item_competence(item)), "c1");
	assert_string_equal(cispref_plan_id(cispref_competence_plan(cispref_item_competence(item))),
	                    "p1");
	assert_string_equal(cispref_domain_title(cispref_referential_domain(ref, 0)), "Domain one");
	cispref_referential_free(ref);
}

/* Each row Moodle drops is reported on its line, and the rest imported. */
static void dropped_rows_are_reported(void **state)
{
	(void)state;
	cispref_diagnostics *d;
	cispref_referential *ref = import_fixture("moodle-dropped.csv", NULL, &d);
	unsigned long line = 0;
	assert_int_equal(count_tag(d, "moodle-parent-unknown", &line), 1);
	assert_int_equal(line, 3);
	assert_int_equal(count_tag(d, "moodle-parent-cycle", &line), 2);
	assert_true(line == 4 || line == 5);
	assert_int_equal(count_tag(d, "moodle-ancestor-dropped", &line), 1);
	assert_int_equal(line, 6);
	assert_int_equal(count_tag(d, "moodle-idnumber-duplicate", &line), 1);
	assert_int_equal(line, 9); /* the first "d1" (line 7) is kept */
	assert_int_equal(count_tag(d, "moodle-idnumber-empty", &line), 1);
	assert_int_equal(line, 8);
	assert_string_equal(cispref_domain_title(cispref_referential_find_domain(ref, "d1")),
	                    "Domain again");
	assert_non_null(cispref_referential_find_competence(ref, "c1"));
	cispref_diagnostics_free(d);
	cispref_referential_free(ref);
}

/* Translated headers, ';', a BOM, CRLF, a description over two lines in quotes. */
static void french_semicolon_bom(void **state)
{
	(void)state;
	cispref_referential *ref = import_fixture("moodle-french-semicolon-bom.csv", NULL, NULL);
	assert_string_equal(cispref_referential_id(ref), "fw");
	assert_string_equal(cispref_referential_title(ref), "Référentiel");
	const cispref_competence *c = cispref_referential_find_competence(ref, "c1");
	assert_non_null(c);
	assert_int_equal(cispref_competence_note_count(c), 1);
	assert_string_equal(cispref_note_text(cispref_competence_note(c, 0)),
	                    "Première ligne seconde ligne; avec un point-virgule");
	assert_string_equal(cispref_item_text(cispref_competence_item(c, SF, 0)), "Élément un");
	cispref_referential_free(ref);
}

/* The export as a Windows tool saves it (what unix2dos makes): a BOM, every LF as CRLF,
 * the line breaks inside quoted cells (the framework's description) included. RFC 4180
 * ends records with CRLF, and a line break is a line break: the import is the LF file's,
 * the language "fr" and the namespace kept. */
static void crlf_imports_as_lf(void **state)
{
	(void)state;
	cispref_referential *ref, *lf, *crlf;
	OK(cispref_referential_load_default(&ref, NULL));
	char *csv;
	size_t size;
	OK(cispref_export_buffer(&csv, &size, ref, CISPREF_FORMAT_MOODLE, NULL));
	char *dos = malloc(2 * size + 3), *o = dos;
	assert_non_null(dos);
	memcpy(o, "\xef\xbb\xbf", 3);
	o += 3;
	for (size_t i = 0; i < size; i++) {
		if (csv[i] == '\n')
			*o++ = '\r';
		*o++ = csv[i];
	}
	cispref_diagnostics *diags;
	OK(cispref_moodle_import_memory(&lf, NULL, csv, size, "m.csv", NULL, NULL));
	OK(cispref_moodle_import_memory(&crlf, &diags, dos, (size_t)(o - dos), "mb.csv", NULL,
	                                NULL));
	assert_int_equal(count_tag(diags, "moodle-identity-invalid", NULL), 0);
	assert_string_equal(cispref_referential_language(crlf), "fr");
	assert_string_equal(cispref_referential_uuid(crlf), "3a04826e-5654-4fb8-a9bf-07e876000407");
	assert_null(strchr(cispref_referential_title(crlf), '\r'));
	assert_true(cispref_referential_equal(lf, crlf));
	char *a, *b;
	size_t a_size, b_size;
	OK(cispref_export_buffer(&a, &a_size, lf, CISPREF_FORMAT_XML, NULL));
	OK(cispref_export_buffer(&b, &b_size, crlf, CISPREF_FORMAT_XML, NULL));
	assert_int_equal(a_size, b_size);
	assert_memory_equal(a, b, a_size);
	cispref_buffer_free(a);
	cispref_buffer_free(b);
	cispref_diagnostics_free(diags);
	cispref_referential_free(crlf);
	cispref_referential_free(lf);

	/* a lone CR in a quoted cell (an old Mac's line end) is a line break too */
	char *at = strstr(csv, "\nlanguage: fr\n");
	assert_non_null(at);
	at[0] = '\r';
	OK(cispref_moodle_import_memory(&crlf, NULL, csv, size, "cr.csv", NULL, NULL));
	assert_string_equal(cispref_referential_language(crlf), "fr");
	cispref_referential_free(crlf);
	free(dos);
	cispref_buffer_free(csv);
	cispref_referential_free(ref);
}

/* A language line edited into something that is no BCP 47 tag (RFC 5646: "fr_BE" has
 * an underscore) never reaches xml:lang: reported, "und" instead. */
static void language_not_a_tag(void **state)
{
	(void)state;
	cispref_referential *ref, *back;
	OK(cispref_referential_load_default(&ref, NULL));
	char *csv;
	size_t size;
	OK(cispref_export_buffer(&csv, &size, ref, CISPREF_FORMAT_MOODLE, NULL));
	char *at = strstr(csv, "\nlanguage: fr\n");
	assert_non_null(at);
	memcpy(at + 11, "f_", 2);
	cispref_diagnostics *diags;
	OK(cispref_moodle_import_memory(&back, &diags, csv, size, "l.csv", NULL, NULL));
	unsigned long line = 0;
	assert_int_equal(count_tag(diags, "moodle-language-invalid", &line), 1);
	assert_int_equal(line, 2);
	assert_string_equal(cispref_referential_language(back), "und");
	cispref_diagnostics_free(diags);
	cispref_referential_free(back);
	cispref_buffer_free(csv);
	cispref_referential_free(ref);
}

static void latin1_on_request(void **state)
{
	(void)state;
	cispref_moodle_options o = CISPREF_MOODLE_OPTIONS_INIT;
	cispref_referential *ref = NULL;
	cispref_error error;
	/* Without the encoding: invalid UTF-8, refused with the row's line. */
	assert_int_equal(cispref_moodle_import_file(&ref, NULL, fixture("moodle-latin1-tab.csv"),
	                                            &o, &error), CISPREF_EFORMAT);
	assert_int_equal(error.line, 2);
	assert_null(ref);
	o.encoding = "ISO-8859-1";
	ref = import_fixture("moodle-latin1-tab.csv", &o, NULL);
	assert_string_equal(cispref_domain_title(cispref_referential_find_domain(ref, "d1")),
	                    "Domaine été");
	cispref_referential_free(ref);
	o.encoding = "NO-SUCH-ENCODING";
	assert_int_equal(cispref_moodle_import_file(&ref, NULL, fixture("moodle-latin1-tab.csv"),
	                                            &o, &error), CISPREF_EARG);
	/* an empty or blank name is no encoding (moodle.h), not the locale's */
	static const char *const blank[] = {"", " ", "\t \n"};
	ref = NULL;
	for (size_t i = 0; i < sizeof blank / sizeof blank[0]; i++) {
		o.encoding = blank[i];
		assert_int_equal(cispref_moodle_import_file(&ref, NULL,
		                                            fixture("moodle-latin1-tab.csv"), &o,
		                                            &error), CISPREF_EARG);
		assert_non_null(strstr(error.text, "unknown encoding"));
		assert_null(ref);
	}
}

static void refused_files(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		int code;
		unsigned long line;
	} cases[] = {
		{"moodle-ragged.csv", CISPREF_EFORMAT, 3},
		{"moodle-truncated.csv", CISPREF_EFORMAT, 3},
		{"moodle-no-framework.csv", CISPREF_EFORMAT, 0},
	};
	for (size_t i = 0; i < N_ELEMENTS(cases); i++) {
		cispref_referential *ref = NULL;
		cispref_error error = {0};
		assert_int_equal(cispref_moodle_import_file(&ref, NULL, fixture(cases[i].name), NULL,
		                                            &error), cases[i].code);
		assert_int_equal(error.line, cases[i].line);
		assert_null(ref);
		assert_true(error.text[0] != '\0');
	}
}

/* The unordered sample read with two mappings: the default, and one that makes the
 * first depth the competences. */
static void depth_mapping(void **state)
{
	(void)state;
	cispref_moodle_options o = CISPREF_MOODLE_OPTIONS_INIT;
	o.depths = "competence,item";
	cispref_referential *ref = import_fixture("moodle-unordered.csv", &o, NULL);
	/* d1 is a competence in a plan and a domain made up; p1 and c1 its items, and i1,
	 * deeper, an item too. */
	const cispref_competence *c = cispref_referential_find_competence(ref, "d1");
	assert_non_null(c);
	assert_int_equal(cispref_competence_item_count(c, SF), 3);
	assert_int_equal(cispref_referential_domain_count(ref), 1);
	cispref_referential_free(ref);
	cispref_error error;
	o.depths = "plan,domain,competence";
	assert_int_equal(cispref_moodle_import_file(&ref, NULL, fixture("moodle-unordered.csv"),
	                                            &o, &error), CISPREF_EARG);
	o.depths = "domain,plan";
	assert_int_equal(cispref_moodle_import_file(&ref, NULL, fixture("moodle-unordered.csv"),
	                                            &o, &error), CISPREF_EARG);
}

#define HEADER "a,b,c,d,e,f,g,h,i,j,k,l,m,n\n"
#define FRAMEWORK ",fw,F,,1,\"A,B\",[],,,,,,1,domain\n"

static void hostile_huge_cell(void **state)
{
	(void)state;
	size_t cell = (size_t)50 * 1024 * 1024;
	char *csv = malloc_or_exit(cell + 256);
	size_t n = (size_t)sprintf(csv, HEADER FRAMEWORK ",d1,\"");
	memset(csv + n, 'x', cell);
	n += cell;
	n += (size_t)sprintf(csv + n, "\",,1,,,,0,null,,,,\n");
	cispref_moodle_options o = CISPREF_MOODLE_OPTIONS_INIT;
	o.max_input_size = 0;
	cispref_referential *ref = NULL;
	cispref_error error;
	assert_int_equal(cispref_moodle_import_memory(&ref, NULL, csv, n, NULL, &o, &error),
	                 CISPREF_ELIMIT);
	assert_int_equal(error.line, 3);
	assert_null(ref);
	free(csv);
}

static void hostile_million_rows(void **state)
{
	(void)state;
	size_t rows = 1000 * 1000;
	char *csv = malloc_or_exit(rows * 40 + 256);
	size_t n = (size_t)sprintf(csv, HEADER FRAMEWORK);
	for (size_t r = 0; r < rows; r++)
		n += (size_t)sprintf(csv + n, ",r%zu,R,,1,,,,0,null,,,,\n", r);
	cispref_referential *ref = NULL;
	cispref_error error;
	assert_int_equal(cispref_moodle_import_memory(&ref, NULL, csv, n, NULL, NULL, &error),
	                 CISPREF_ELIMIT);
	assert_non_null(strstr(error.text, "rows"));
	assert_null(ref);
	free(csv);
}

static void hostile_invalid_utf8_and_nul(void **state)
{
	(void)state;
	static const char bad[] = HEADER FRAMEWORK ",d1,\"\xc3\x28\",,1,,,,0,null,,,,\n";
	static const char nul[] = HEADER FRAMEWORK ",d1,\"a\0b\",,1,,,,0,null,,,,\n";
	cispref_referential *ref = NULL;
	cispref_error error;
	assert_int_equal(cispref_moodle_import_memory(&ref, NULL, bad, sizeof bad - 1, NULL, NULL,
	                                              &error), CISPREF_EFORMAT);
	assert_int_equal(error.line, 3);
	assert_int_equal(cispref_moodle_import_memory(&ref, NULL, nul, sizeof nul - 1, NULL, NULL,
	                                              &error), CISPREF_EFORMAT);
	assert_int_equal(cispref_moodle_import_memory(&ref, NULL, "", 0, NULL, NULL, &error),
	                 CISPREF_EFORMAT);
	assert_null(ref);
}

/* A chain of 50 000 parents closed into one cycle: every row reported, no recursion. */
static void hostile_long_cycle(void **state)
{
	(void)state;
	size_t rows = 50000;
	char *csv = malloc_or_exit(rows * 48 + 256);
	size_t n = (size_t)sprintf(csv, HEADER FRAMEWORK);
	for (size_t r = 0; r < rows; r++)
		n += (size_t)sprintf(csv + n, "r%zu,r%zu,R,,1,,,,0,null,,,,\n", (r + 1) % rows, r);
	cispref_referential *ref = NULL;
	cispref_diagnostics *d;
	OK(cispref_moodle_import_memory(&ref, &d, csv, n, NULL, NULL, NULL));
	assert_int_equal(count_tag(d, "moodle-parent-cycle", NULL), rows);
	assert_int_equal(cispref_referential_domain_count(ref), 0);
	cispref_diagnostics_free(d);
	cispref_referential_free(ref);
	free(csv);
}

/* Moodle's nodes: every domain, plan, competence and item the import made. */
static size_t node_count(const cispref_referential *ref)
{
	size_t n = cispref_referential_domain_count(ref) + cispref_referential_plan_total(ref) +
	           cispref_referential_competence_total(ref);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		n += cispref_referential_item_total(ref, (cispref_item_kind_t)k);
	return n;
}

static void real_file(const char *name, size_t competencies)
{
	char path[4096];
	const char *dir = getenv("CISPREF_INTEROP_DIR"); /* another copy of the folder */
	snprintf(path, sizeof path, "%s/moodle/%s", dir ? dir : INTEROP_DIR, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		skip();
	fclose(f);
	cispref_referential *ref = NULL;
	cispref_diagnostics *d;
	cispref_error error;
	int rc = cispref_moodle_import_file(&ref, &d, path, NULL, &error);
	if (rc)
		fail_msg("%s: %s", name, error.text);
	assert_int_equal(node_count(ref), competencies);
	assert_int_equal(cispref_diagnostics_count_severity(d, CISPREF_SEVERITY_ERROR), 0);
	cispref_diagnostics_free(d);
	cispref_referential_free(ref);
}

/* Moodle's test (tool_lpimportcsv) asserts 64 competencies for its example. */
static void moodle_oecd_example(void **state)
{
	(void)state;
	real_file("moodle_core_example_oecd.csv", 64);
}

static void sample_unordered(void **state)
{
	(void)state;
	real_file("simple_sample_unordered.csv", 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip_gives_the_same_model),
		cmocka_unit_test(identity_survives),
		cmocka_unit_test(export_follows_moodle_columns),
		cmocka_unit_test(export_options),
		cmocka_unit_test(export_stream_and_path),
		cmocka_unit_test(rows_in_any_order),
		cmocka_unit_test(dropped_rows_are_reported),
		cmocka_unit_test(french_semicolon_bom),
		cmocka_unit_test(crlf_imports_as_lf),
		cmocka_unit_test(language_not_a_tag),
		cmocka_unit_test(latin1_on_request),
		cmocka_unit_test(refused_files),
		cmocka_unit_test(depth_mapping),
		cmocka_unit_test(hostile_huge_cell),
		cmocka_unit_test(hostile_million_rows),
		cmocka_unit_test(hostile_invalid_utf8_and_nul),
		cmocka_unit_test(hostile_long_cycle),
		cmocka_unit_test(moodle_oecd_example),
		cmocka_unit_test(sample_unordered),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
