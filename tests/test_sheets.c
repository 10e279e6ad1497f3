/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The spreadsheet exports (doc/interchange.md, "Spreadsheets"): the two CSV dialects,
 * parsed back with libcsv and compared, row by row, with the model read through the
 * public API; the XLSX package read with libzip (its sheets, names, frozen header,
 * autofilter, wrapped texts, no formula). tests/test_sheets_office.sh opens the workbook
 * in LibreOffice. */
#include <csv.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "test_util.h"

/* ---- A table of strings: what a CSV holds, or what it should hold ---- */

typedef struct table {
	char ***rows; /* rows[r][c], NUL-terminated strings */
	size_t *widths;
	size_t count, capacity;
	int open; /* the last row takes more fields */
} table;

static void table_add_row(table *t)
{
	if (t->count == t->capacity) {
		t->capacity = t->capacity ? 2 * t->capacity : 64;
		t->rows = realloc(t->rows, t->capacity * sizeof *t->rows);
		t->widths = realloc(t->widths, t->capacity * sizeof *t->widths);
		assert_non_null(t->rows);
		assert_non_null(t->widths);
	}
	t->rows[t->count] = NULL;
	t->widths[t->count++] = 0;
}

static void table_add_cell(table *t, const char *text, size_t length)
{
	size_t r = t->count - 1, w = t->widths[r];
	t->rows[r] = realloc(t->rows[r], (w + 1) * sizeof *t->rows[r]);
	assert_non_null(t->rows[r]);
	t->rows[r][w] = malloc(length + 1);
	assert_non_null(t->rows[r][w]);
	memcpy(t->rows[r][w], text, length);
	t->rows[r][w][length] = '\0';
	t->widths[r]++;
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

/* libcsv's callbacks: a field, then the end of a record. */
static void on_field(void *field, size_t length, void *data)
{
	table *t = data;
	if (!t->open)
		table_add_row(t);
	t->open = 1;
	table_add_cell(t, field ? field : "", field ? length : 0);
}

static void on_record(int c, void *data)
{
	(void)c;
	((table *)data)->open = 0;
}

/* Parse @size bytes of CSV with @delimiter, strictly (RFC 4180 quoting). */
static table parse_csv(const char *data, size_t size, unsigned char delimiter)
{
	struct csv_parser parser;
	table t = {0};
	assert_int_equal(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI), 0);
	csv_set_delim(&parser, delimiter);
	assert_int_equal(csv_parse(&parser, data, size, on_field, on_record, &t), size);
	assert_int_equal(csv_fini(&parser, on_field, on_record, &t), 0);
	csv_free(&parser);
	return t;
}
/* What the rows must be, read through the public API: the headers of the export's
 * documentation, then one row per item in the model's order. With @defuse, a text that
 * begins with = + - @, a tab or a carriage return gets an apostrophe before it (the
 * excel-fr dialect). */
static table expected(const cispref_referential *ref, int french, int defuse)
{
	static const char *const en[] = {"domain", "plan", "competence", "kind", "id", "text",
	                                 "concept"};
	static const char *const fr[] = {"domaine", "plan", "compétence", "type", "id", "texte",
	                                 "concept"};
	table t = {0};
	table_add_row(&t);
	for (size_t c = 0; c < 7; c++)
		table_add_cell(&t, (french ? fr : en)[c], strlen((french ? fr : en)[c]));
	for (size_t d = 0; d < cispref_referential_domain_count(ref); d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
			const cispref_plan *plan = cispref_domain_plan(domain, p);
			for (size_t k = 0; k < cispref_plan_competence_count(plan); k++) {
				const cispref_competence *c = cispref_plan_competence(plan, k);
				for (int kind = 0; kind < CISPREF_ITEM_KIND_COUNT; kind++)
					for (size_t i = 0;
					     i < cispref_competence_item_count(c, (cispref_item_kind_t)kind);
					     i++) {
						const cispref_item *it =
							cispref_competence_item(c, (cispref_item_kind_t)kind, i);
						const char *concept = cispref_item_concept_id(it);
						const char *text = cispref_item_text(it);
						const char *cells[7] = {
							cispref_domain_id(domain), cispref_plan_id(plan),
							cispref_competence_id(c),
							cispref_item_kind_name(cispref_item_kind(it)),
							cispref_item_id(it), text, concept ? concept : ""};
						table_add_row(&t);
						for (size_t n = 0; n < 7; n++) {
							if (n == 5 && defuse && strchr("=+-@\t\r", text[0]) &&
							    text[0]) {
								char *quoted = malloc(strlen(text) + 2);
								assert_non_null(quoted);
								quoted[0] = '\'';
								strcpy(quoted + 1, text);
								table_add_cell(&t, quoted, strlen(quoted));
								free(quoted);
								continue;
							}
							table_add_cell(&t, cells[n], strlen(cells[n]));
						}
					}
			}
		}
	}
	return t;
}

static void assert_tables_equal(const table *got, const table *want)
{
	assert_int_equal(got->count, want->count);
	for (size_t r = 0; r < want->count; r++) {
		if (got->widths[r] != want->widths[r])
			fail_msg("row %zu: %zu fields, not %zu", r, got->widths[r], want->widths[r]);
		for (size_t c = 0; c < want->widths[r]; c++)
			if (strcmp(got->rows[r][c], want->rows[r][c]) != 0)
				fail_msg("row %zu, column %zu: '%s', not '%s'", r, c, got->rows[r][c],
				         want->rows[r][c]);
	}
}

static char *export(const cispref_referential *ref, cispref_format_t format, size_t *size)
{
	char *out = NULL;
	cispref_error error = {0};
	int rc = cispref_export_buffer(&out, size, ref, format, &error);
	if (rc)
		fail_msg("export %s: %s", cispref_format_name(format), error.text);
	return out;
}

/* RFC 4180's shape with every field quoted: outside the quotes there are only
 * delimiters and CRLF pairs, and the data ends with a CRLF. */
static void assert_crlf_records(const char *data, size_t size, unsigned char delimiter)
{
	size_t records = 0;
	int quoted = 0;
	for (size_t i = 0; i < size; i++) {
		if (data[i] == '"')
			quoted = !quoted; /* a doubled quote toggles twice */
		else if (!quoted && data[i] == '\n') {
			assert_true(i > 0 && data[i - 1] == '\r');
			records++;
		} else if (!quoted && data[i] == '\r') {
			assert_true(i + 1 < size && data[i + 1] == '\n');
		} else if (!quoted) {
			assert_true(data[i] == (char)delimiter); /* every field is quoted */
		}
	}
	assert_false(quoted);
	assert_true(size >= 2 && data[size - 2] == '\r' && data[size - 1] == '\n');
	assert_true(records > 0);
}

/* Texts a spreadsheet could take for something else: quotes, both delimiters, line
 * breaks, tabs, formulas, and the inclusive-writing punctuation of the source. */
static const char *const hostile[] = {
	"He said \"hi\", then \"\"bye\"\"",
	"a;b,c;;",
	"line one\nline two\r\nline three\rend",
	"\ttab first",
	"=1+1",
	"=HYPERLINK(\"http://example.org\";\"x\")",
	"+33 2 123 45 67",
	"-2",
	"@SUM(A1:A2)",
	"\rCR first",
	"la-le, la·le, la.le stagiaire : l’équipe « œuvre »",
	BLANK, /* an empty text, as a lenient load reads it (blank_texts()) */
	"\"",
};

static cispref_referential *build_hostile(void)
{
	cispref_referential *ref = NULL;
	cispref_domain *d;
	cispref_plan *p;
	cispref_competence *c;
	cispref_item *it;
	cispref_concept *k;
	OK(cispref_referential_new(&ref, "hostile", "Hostile \"texts\""));
	OK(cispref_referential_add_concept(&k, ref, "k.1", SF, "=concept"));
	OK(cispref_referential_add_domain(&d, ref, "d", CISPREF_DOMAIN_CORE, "D"));
	OK(cispref_domain_add_plan(&p, d, "d.ind", CISPREF_PLAN_INDIVIDUAL, "P"));
	OK(cispref_plan_add_competence(&c, p, "d.ind.1", "C"));
	for (size_t i = 0; i < N_ELEMENTS(hostile); i++) {
		char id[32];
		snprintf(id, sizeof id, "d.ind.1.s.%zu", i + 1);
		OK(cispref_competence_add_item(&it, c, id, S, hostile[i]));
		if (i % 2)
			OK(cispref_item_set_concept(it, k));
	}
	return blank_texts(ref);
}

/* ---- CSV ---- */

/* The RFC 4180 dialect of the embedded referential: 333 items (110 savoir-faire, 104
 * comportementaux, 119 savoirs in the source), every text verbatim. */
static void test_csv_default_referential(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	size_t size;
	char *out = export(ref, CISPREF_FORMAT_CSV, &size);
	assert_int_equal(strlen(out), size);
	static const char header[] =
		"\"domain\",\"plan\",\"competence\",\"kind\",\"id\",\"text\",\"concept\"\r\n";
	assert_memory_equal(out, header, strlen(header)); /* no BOM */
	assert_crlf_records(out, size, ',');
	table got = parse_csv(out, size, ','), want = expected(ref, 0, 0);
	assert_int_equal(got.count, 1 + 333);
	assert_tables_equal(&got, &want);
	/* a text of the source with its accents and inclusive punctuation */
	int found = 0;
	for (size_t r = 1; r < got.count; r++)
		found |= strcmp(got.rows[r][5], "Déterminer avec la-le stagiaire les éléments "
		                                "pertinents pour le bilan et le suivi "
		                                "individualisé") == 0;
	assert_true(found);
	table_free(&got);
	table_free(&want);
	cispref_buffer_free(out);
	cispref_referential_free(ref);
}

/* The excel-fr dialect: a UTF-8 BOM, semicolons, CRLF, French headers. */
static void test_csv_excel_fr_default_referential(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	size_t size;
	char *out = export(ref, CISPREF_FORMAT_CSV_EXCEL_FR, &size);
	static const char head[] = "\xEF\xBB\xBF\"domaine\";\"plan\";\"comp\xC3\xA9tence\";"
	                           "\"type\";\"id\";\"texte\";\"concept\"\r\n";
	assert_memory_equal(out, head, strlen(head));
	assert_crlf_records(out + 3, size - 3, ';');
	table got = parse_csv(out + 3, size - 3, ';'), want = expected(ref, 1, 1);
	assert_int_equal(got.count, 1 + 333);
	assert_tables_equal(&got, &want);
	/* the rows are those of the RFC 4180 dialect: no text of the source begins like a
	 * formula */
	size_t plain_size;
	char *plain = export(ref, CISPREF_FORMAT_CSV, &plain_size);
	table rfc = parse_csv(plain, plain_size, ',');
	for (size_t r = 1; r < rfc.count; r++)
		for (size_t c = 0; c < 7; c++)
			assert_string_equal(rfc.rows[r][c], got.rows[r][c]);
	table_free(&rfc);
	cispref_buffer_free(plain);
	table_free(&got);
	table_free(&want);
	cispref_buffer_free(out);
	cispref_referential_free(ref);
}

/* Hostile texts round-trip verbatim in RFC 4180; in excel-fr, those a spreadsheet would
 * run as formulas get an apostrophe and nothing else changes. */
static void test_csv_hostile_texts(void **state)
{
	(void)state;
	cispref_referential *ref = build_hostile();
	size_t size;
	char *out = export(ref, CISPREF_FORMAT_CSV, &size);
	assert_crlf_records(out, size, ',');
	table got = parse_csv(out, size, ','), want = expected(ref, 0, 0);
	assert_int_equal(got.count, 1 + N_ELEMENTS(hostile));
	assert_tables_equal(&got, &want);
	assert_string_equal(got.rows[5][5], "=1+1");
	table_free(&got);
	table_free(&want);
	cispref_buffer_free(out);

	out = export(ref, CISPREF_FORMAT_CSV_EXCEL_FR, &size);
	assert_memory_equal(out, "\xEF\xBB\xBF", 3);
	assert_crlf_records(out + 3, size - 3, ';');
	got = parse_csv(out + 3, size - 3, ';');
	want = expected(ref, 1, 1);
	assert_tables_equal(&got, &want);
	/* Spelled out: rows 4 to 10 (tab = = + - @ CR first) defused, the others not. */
	assert_string_equal(got.rows[4][5], "'\ttab first");
	assert_string_equal(got.rows[5][5], "'=1+1");
	assert_string_equal(got.rows[8][5], "'-2");
	assert_string_equal(got.rows[9][5], "'@SUM(A1:A2)");
	assert_string_equal(got.rows[10][5], "'\rCR first");
	assert_string_equal(got.rows[1][5], hostile[0]);
	assert_string_equal(got.rows[2][5], "a;b,c;;");
	assert_string_equal(got.rows[3][5], hostile[2]);
	assert_string_equal(got.rows[11][5], hostile[10]);
	assert_string_equal(got.rows[12][5], "");
	table_free(&got);
	table_free(&want);
	cispref_buffer_free(out);
	cispref_referential_free(ref);
}

/* A referential without items: the header row alone. */
static void test_csv_empty(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_new(&ref, "empty", "Empty"));
	size_t size;
	char *out = export(ref, CISPREF_FORMAT_CSV, &size);
	assert_string_equal(out,
	                    "\"domain\",\"plan\",\"competence\",\"kind\",\"id\",\"text\",\"concept\"\r\n");
	cispref_buffer_free(out);
	cispref_referential_free(ref);
}

/* The table: names, extensions, media types (RFC 4180, ECMA-376); .csv names the RFC
 * 4180 dialect. */
static void test_format_rows(void **state)
{
	(void)state;
	cispref_format_t f;
	OK(cispref_format_from_name(&f, "csv"));
	assert_int_equal(f, CISPREF_FORMAT_CSV);
	OK(cispref_format_from_name(&f, "csv-excel-fr"));
	assert_int_equal(f, CISPREF_FORMAT_CSV_EXCEL_FR);
	OK(cispref_format_from_name(&f, "xlsx"));
	assert_int_equal(f, CISPREF_FORMAT_XLSX);
	OK(cispref_format_from_path(&f, "items.csv"));
	assert_int_equal(f, CISPREF_FORMAT_CSV);
	OK(cispref_format_from_path(&f, "classeur.xlsx"));
	assert_int_equal(f, CISPREF_FORMAT_XLSX);
	assert_string_equal(cispref_format_extension(CISPREF_FORMAT_CSV_EXCEL_FR), ".csv");
	assert_string_equal(cispref_format_media_type(CISPREF_FORMAT_CSV), "text/csv");
	assert_string_equal(cispref_format_media_type(CISPREF_FORMAT_XLSX),
	                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

/* ---- XLSX ---- */

typedef struct package {
	zip_t *zip;
} package;

static package open_package(const char *buf, size_t size)
{
	zip_error_t error;
	zip_error_init(&error);
	zip_source_t *source = zip_source_buffer_create(buf, size, 0, &error);
	assert_non_null(source);
	package p = {zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error)};
	if (!p.zip)
		fail_msg("not a ZIP file: %s", zip_error_strerror(&error));
	zip_error_fini(&error);
	return p;
}

/* The whole entry @name, NUL-terminated, or NULL when the package lacks it. */
static char *entry(package *p, const char *name)
{
	zip_stat_t st;
	if (zip_stat(p->zip, name, 0, &st) != 0)
		return NULL;
	char *data = malloc(st.size + 1);
	assert_non_null(data);
	zip_file_t *file = zip_fopen(p->zip, name, 0);
	assert_non_null(file);
	assert_int_equal(zip_fread(file, data, st.size), (zip_int64_t)st.size);
	zip_fclose(file);
	data[st.size] = '\0';
	return data;
}

static void assert_contains(const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle))
		fail_msg("'%s' not found", needle);
}

static size_t domain_items(const cispref_domain *domain)
{
	size_t n = 0;
	for (size_t p = 0; p < cispref_domain_plan_count(domain); p++) {
		const cispref_plan *plan = cispref_domain_plan(domain, p);
		for (size_t c = 0; c < cispref_plan_competence_count(plan); c++)
			for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
				n += cispref_competence_item_count(cispref_plan_competence(plan, c),
				                                   (cispref_item_kind_t)k);
	}
	return n;
}

/* One worksheet: frozen first row, an autofilter over the header and @rows rows of the
 * seven columns, no formula. */
static void assert_sheet(package *p, size_t index, size_t rows)
{
	char name[64], filter[64];
	snprintf(name, sizeof name, "xl/worksheets/sheet%zu.xml", index);
	char *xml = entry(p, name);
	if (!xml)
		fail_msg("the package has no %s", name);
	assert_contains(xml, "ySplit=\"1\"");
	assert_contains(xml, "state=\"frozen\"");
	snprintf(filter, sizeof filter, "<autoFilter ref=\"A1:G%zu\"/>", rows + 1);
	assert_contains(xml, filter);
	assert_null(strstr(xml, "<f>"));
	assert_null(strstr(xml, "<f "));
	free(xml);
}

/* The workbook of the embedded referential: a flat sheet, then one per domain named by
 * its id, each laid out for reading; texts wrap; a fixed creation date. */
static void test_xlsx_package(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_default(&ref, NULL));
	size_t size;
	char *out = export(ref, CISPREF_FORMAT_XLSX, &size);
	assert_memory_equal(out, "PK\x03\x04", 4);
	package p = open_package(out, size);
	size_t domains = cispref_referential_domain_count(ref);
	assert_int_equal(domains, 5);
	char *workbook = entry(&p, "xl/workbook.xml");
	assert_non_null(workbook);
	assert_contains(workbook, "<sheet name=\"référentiel\" sheetId=\"1\"");
	assert_sheet(&p, 1, 333);
	for (size_t d = 0; d < domains; d++) {
		const cispref_domain *domain = cispref_referential_domain(ref, d);
		char sheet[96];
		snprintf(sheet, sizeof sheet, "<sheet name=\"%s\" sheetId=\"%zu\"",
		         cispref_domain_id(domain), d + 2);
		assert_contains(workbook, sheet);
		assert_sheet(&p, d + 2, domain_items(domain));
	}
	char *extra = entry(&p, "xl/worksheets/sheet7.xml");
	assert_null(extra);
	char *styles = entry(&p, "xl/styles.xml");
	assert_non_null(styles);
	assert_contains(styles, "wrapText=\"1\"");
	char *core = entry(&p, "docProps/core.xml");
	assert_non_null(core);
	assert_contains(core, "1980-01-01T00:00:00Z");
	free(core);
	free(styles);
	free(workbook);
	zip_discard(p.zip);
	cispref_buffer_free(out);
	cispref_referential_free(ref);
}

static char *read_file_bytes(FILE *f, size_t *size)
{
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long length = ftell(f);
	assert_true(length >= 0);
	rewind(f);
	char *data = malloc((size_t)length + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)length, f), (size_t)length);
	*size = (size_t)length;
	return data;
}

/* A binary format through the buffer, a stream and a file: the same bytes, and the same
 * again on a second export (the output is deterministic). */
static void test_xlsx_outputs_agree(void **state)
{
	(void)state;
	cispref_referential *ref = build_hostile();
	size_t size, again_size, stream_size, file_size;
	char *out = export(ref, CISPREF_FORMAT_XLSX, &size);
	char *again = export(ref, CISPREF_FORMAT_XLSX, &again_size);
	assert_int_equal(again_size, size);
	assert_memory_equal(again, out, size);

	FILE *f = tmpfile();
	assert_non_null(f);
	OK(cispref_export_stream(f, ref, CISPREF_FORMAT_XLSX, NULL));
	char *streamed = read_file_bytes(f, &stream_size);
	fclose(f);
	assert_int_equal(stream_size, size);
	assert_memory_equal(streamed, out, size);

	char *dir = make_temp_dir();
	assert_non_null(dir);
	char path[4200];
	snprintf(path, sizeof path, "%s/classeur.xlsx", dir);
	OK(cispref_export_path(path, ref, CISPREF_FORMAT_XLSX, NULL));
	f = fopen(path, "rb");
	assert_non_null(f);
	char *saved = read_file_bytes(f, &file_size);
	fclose(f);
	assert_int_equal(file_size, size);
	assert_memory_equal(saved, out, size);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	free(dir);
	free(saved);
	free(streamed);
	cispref_buffer_free(again);
	cispref_buffer_free(out);
	cispref_referential_free(ref);
}

/* Sheet names follow Excel's rules: at most 31 characters, unique whatever the case,
 * never "History"; a clash takes "~2", "~3"... within the 31 characters. */
static void test_xlsx_sheet_names(void **state)
{
	(void)state;
	static const char *const ids[] = {
		"abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456789x",
		"History", "psy", "PSY", "abcdefghijklmnopqrstuvwxyz01234"};
	static const char *const names[] = {
		"abcdefghijklmnopqrstuvwxyz01234", "abcdefghijklmnopqrstuvwxyz012~2", "History~2",
		"psy", "PSY~2", "abcdefghijklmnopqrstuvwxyz012~3"};
	cispref_referential *ref = NULL;
	OK(cispref_referential_new(&ref, "names", "Names"));
	for (size_t i = 0; i < N_ELEMENTS(ids); i++)
		OK(cispref_referential_add_domain(NULL, ref, ids[i], CISPREF_DOMAIN_CORE, "D"));
	size_t size;
	char *out = export(ref, CISPREF_FORMAT_XLSX, &size);
	package p = open_package(out, size);
	char *workbook = entry(&p, "xl/workbook.xml");
	assert_non_null(workbook);
	for (size_t i = 0; i < N_ELEMENTS(names); i++) {
		char sheet[96];
		snprintf(sheet, sizeof sheet, "<sheet name=\"%s\" sheetId=\"%zu\"", names[i], i + 2);
		assert_contains(workbook, sheet);
		assert_sheet(&p, i + 2, 0);
	}
	free(workbook);
	zip_discard(p.zip);
	cispref_buffer_free(out);
	cispref_referential_free(ref);
}

static cispref_referential *one_text(const char *text)
{
	cispref_referential *ref = NULL;
	cispref_domain *d;
	cispref_plan *p;
	cispref_competence *c;
	OK(cispref_referential_new(&ref, "long", "Long"));
	OK(cispref_referential_add_domain(&d, ref, "d", CISPREF_DOMAIN_CORE, "D"));
	OK(cispref_domain_add_plan(&p, d, "d.ind", CISPREF_PLAN_INDIVIDUAL, "P"));
	OK(cispref_plan_add_competence(&c, p, "d.ind.1", "C"));
	OK(cispref_competence_add_item(NULL, c, "d.ind.1.s.1", S, text));
	return ref;
}

/* A cell holds 32,767 characters (ECMA-376, Excel's specifications): one more is a
 * clear error, never a cut text, and a file it would replace stays as it was. */
static void test_xlsx_text_limit(void **state)
{
	(void)state;
	char *text = malloc(2 * 32768 + 1);
	assert_non_null(text);
	for (size_t i = 0; i < 32767; i++)
		memcpy(text + 2 * i, "\xC3\xA9", 2); /* 32,767 'é', 65,534 bytes */
	text[2 * 32767] = '\0';
	cispref_referential *ref = one_text(text);
	size_t size;
	char *out = export(ref, CISPREF_FORMAT_XLSX, &size);
	cispref_buffer_free(out);
	cispref_referential_free(ref);

	memset(text, 'a', 32768);
	text[32768] = '\0';
	ref = one_text(text);
	char *dir = make_temp_dir();
	assert_non_null(dir);
	char path[4200];
	snprintf(path, sizeof path, "%s/classeur.xlsx", dir);
	write_file(path, "previous");
	cispref_error error = {0};
	assert_int_equal(cispref_export_path(path, ref, CISPREF_FORMAT_XLSX, &error),
	                 CISPREF_ELIMIT);
	assert_int_equal(error.code, CISPREF_ELIMIT);
	assert_contains(error.text, "d.ind.1.s.1");
	assert_contains(error.text, "32,767");
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t kept_size;
	char *kept = read_file_bytes(f, &kept_size);
	fclose(f);
	assert_int_equal(kept_size, 8);
	assert_memory_equal(kept, "previous", 8);
	free(kept);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	free(dir);
	free(text);
	cispref_referential_free(ref);
}

/* libxlsxwriter writes files only: the export works in a private directory under
 * TMPDIR and leaves nothing there; a TMPDIR that does not exist is an I/O error that
 * names it. */
static void test_xlsx_temporary_files(void **state)
{
	(void)state;
	const char *old = getenv("TMPDIR");
	char *saved_tmpdir = old ? strdup(old) : NULL;
	char *dir = make_temp_dir();
	assert_non_null(dir);
	assert_int_equal(setenv("TMPDIR", dir, 1), 0);
	cispref_referential *ref = build_hostile();
	size_t size;
	char *out = export(ref, CISPREF_FORMAT_XLSX, &size);
	cispref_buffer_free(out);
	assert_int_equal(rmdir(dir), 0); /* empty again */

	cispref_error error = {0};
	out = NULL;
	assert_int_equal(cispref_export_buffer(&out, &size, ref, CISPREF_FORMAT_XLSX, &error),
	                 CISPREF_EIO);
	assert_null(out);
	assert_contains(error.text, dir);
	assert_contains(error.text, "No such file or directory");
	if (saved_tmpdir)
		assert_int_equal(setenv("TMPDIR", saved_tmpdir, 1), 0);
	else
		assert_int_equal(unsetenv("TMPDIR"), 0);
	free(saved_tmpdir);
	free(dir);
	cispref_referential_free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_default_referential),
		cmocka_unit_test(test_csv_excel_fr_default_referential),
		cmocka_unit_test(test_csv_hostile_texts),
		cmocka_unit_test(test_csv_empty),
		cmocka_unit_test(test_format_rows),
		cmocka_unit_test(test_xlsx_package),
		cmocka_unit_test(test_xlsx_outputs_agree),
		cmocka_unit_test(test_xlsx_sheet_names),
		cmocka_unit_test(test_xlsx_text_limit),
		cmocka_unit_test(test_xlsx_temporary_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
