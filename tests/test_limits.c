/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The loader's limits: input size, number of elements, text and attribute length,
 * attributes per start tag, each refused with CISPREF_ELIMIT and a message naming it, and
 * each raised or lifted through cispref_load_options; the input size compared before
 * reading; what load_file reads (files and pipes, never waiting for a writer). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_util.h"

static int load(const char *doc, size_t size, const cispref_load_options *options,
                cispref_error *error)
{
	cispref_referential *ref = NULL;
	memset(error, 0, sizeof *error);
	int rc = cispref_referential_load_memory(&ref, doc, size, "limits.xml",
	                                                      options, error);
	assert_true((rc == CISPREF_OK) == (ref != NULL));
	cispref_referential_free(ref);
	return rc;
}

static void test_defaults(void **state)
{
	(void)state;
	cispref_load_options defaults = CISPREF_LOAD_OPTIONS_INIT;
	assert_int_equal(defaults.max_input_size, CISPREF_DEFAULT_MAX_INPUT_SIZE);
	assert_int_equal(defaults.max_text_length, CISPREF_MAX_TEXT_LENGTH);
	assert_int_equal(defaults.max_elements, CISPREF_DEFAULT_MAX_ELEMENTS);
	assert_int_equal(defaults.max_attributes, CISPREF_DEFAULT_MAX_ATTRIBUTES);
	assert_int_equal(defaults.flags, CISPREF_LOAD_DEFAULT);
	size_t size;
	char *doc = document_with_item_text(10, &size);
	cispref_error error;
	assert_int_equal(load(doc, size, NULL, &error), CISPREF_OK);
	assert_int_equal(load(doc, size, &defaults, &error), CISPREF_OK);
	cispref_load_options future = defaults;
	future.version = CISPREF_LOAD_OPTIONS_VERSION + 1;
	assert_int_equal(load(doc, size, &future, &error), CISPREF_EARG);
	assert_non_null(strstr(error.text, "load options of version"));
	free(doc);
}

static void test_input_size(void **state)
{
	(void)state;
	size_t size;
	char *doc = document_with_item_text(10, &size);
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	cispref_error error;
	options.max_input_size = size - 1;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_ELIMIT);
	char expected[64];
	snprintf(expected, sizeof expected, "the input is larger than %zu bytes", size - 1);
	assert_string_equal(error.text, expected);
	assert_string_equal(error.source, "limits.xml");
	options.max_input_size = size;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	options.max_input_size = 0;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	free(doc);
}

static void test_elements(void **state)
{
	(void)state;
	size_t size;
	char *doc = document_with_item_text(10, &size);
	/* referential, title, domain, title, plan, title, competence, title, savoir: 9 */
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	cispref_error error;
	options.max_elements = 8;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_ELIMIT);
	assert_string_equal(error.text, "the document has more than 8 elements");
	assert_int_equal(error.line, 4);
	options.max_elements = 9;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	options.max_elements = 0;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	free(doc);
}

static void test_text_length(void **state)
{
	(void)state;
	size_t size;
	char *doc = document_with_item_text(100, &size);
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	cispref_error error;
	options.max_text_length = 99;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_ELIMIT);
	assert_string_equal(error.text, "the text of element 'savoir' is longer than 99 bytes");
	options.max_text_length = 100;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	free(doc);

	/* attribute values count against the same limit: the root's id is "mini" */
	doc = document_with_item_text(1, &size);
	options.max_text_length = 3;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_ELIMIT);
	assert_string_equal(error.text, "attribute 'id' is longer than 3 bytes");
	free(doc);
}

/* Beyond the default limit, and beyond libxml2's own 10 MB limit on a text node, once the
 * caller raises or lifts the limit. */
static void test_raised_text_limit(void **state)
{
	(void)state;
	size_t size;
	char *doc = document_with_item_text(12 * 1000 * 1000, &size);
	cispref_error error;
	assert_int_equal(load(doc, size, NULL, &error), CISPREF_ELIMIT);
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.max_text_length = 16 * 1000 * 1000;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	options.max_text_length = 0;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	free(doc);
}

/* The file, descriptor and stream entry points take the same options. */
static void test_every_entry_point(void **state)
{
	(void)state;
	size_t size;
	char *doc = document_with_item_text(50, &size);
	char *dir = make_temp_dir();
	assert_non_null(dir);
	char path[4200];
	snprintf(path, sizeof path, "%s/limits.xml", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(doc, 1, size, f), size);
	fclose(f);

	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.max_text_length = 49;
	cispref_referential *ref = NULL;
	cispref_error error;
	assert_int_equal(cispref_referential_load_file(&ref, path, &options, &error),
	                 CISPREF_ELIMIT);
	assert_string_equal(error.source, path);
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(cispref_referential_load_fd(&ref, fd, NULL, &options, &error),
	                 CISPREF_ELIMIT);
	close(fd);
	f = fopen(path, "rb");
	assert_int_equal(cispref_referential_load_stream(&ref, f, "s", &options, &error),
	                 CISPREF_ELIMIT);
	fclose(f);
	assert_null(ref);

	options.max_text_length = 50;
	options.flags = CISPREF_LOAD_LENIENT;
	assert_int_equal(cispref_referential_load_file(&ref, path, &options, NULL),
	                 CISPREF_OK);
	cispref_referential_free(ref);
	assert_int_equal(cispref_referential_load_file(NULL, path, &options, &error),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_load_fd(&ref, -1, NULL, NULL, &error),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_load_stream(&ref, NULL, NULL, NULL, &error),
	                 CISPREF_EARG);
	unlink(path);
	rmdir(dir);
	free(dir);
	free(doc);
}


/* ---- attributes per start tag ------------------------------------------------------ */

/* ITEM_HEAD with @extra more attributes "a0"... on the root element, which starts line 2. */
static char *many_attributes(size_t extra, size_t *size)
{
	/* one pointer to the head: two copies of a literal need not be one object */
	const char *head = ITEM_HEAD;
	const char *gt = strchr(strstr(head, "<referential"), '>');
	size_t before = (size_t)(gt - head), after = strlen(gt), tail = strlen(ITEM_TAIL);
	char *doc = malloc(before + extra * 16 + after + tail + 1);
	assert_non_null(doc);
	memcpy(doc, head, before);
	size_t n = before;
	for (size_t i = 0; i < extra; i++)
		n += (size_t)sprintf(doc + n, " a%zu=\"1\"", i);
	memcpy(doc + n, gt, after);
	memcpy(doc + n + after, ITEM_TAIL, tail + 1);
	*size = n + after + tail;
	return doc;
}

static void expect_attribute_limit(const char *doc, size_t size,
                                   const cispref_load_options *options, size_t max,
                                   const char *element, unsigned long line, unsigned long column)
{
	cispref_error error;
	int rc = load(doc, size, options, &error);
	if (rc != CISPREF_ELIMIT)
		print_message("%s:%lu:%lu: %s\n", error.source, error.line, error.column, error.text);
	assert_int_equal(rc, CISPREF_ELIMIT);
	char want[160];
	snprintf(want, sizeof want,
	         "element '%s' has more than %zu attributes (namespace declarations included)",
	         element, max);
	assert_string_equal(error.text, want);
	assert_int_equal(error.line, line);
	assert_int_equal(error.column, column);
}

/* The root holds xmlns and four attributes: five. */
static void test_attributes(void **state)
{
	(void)state;
	size_t size;
	char *doc = document_with_item_text(1, &size);
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	cispref_error error;
	options.max_attributes = 5;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	options.max_attributes = 4;
	expect_attribute_limit(doc, size, &options, 4, "referential", 2, 1);
	/* <savoir id="s"> on line 4: one attribute, the first tag to have more than 0 */
	options.max_attributes = 0;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	free(doc);

	/* 59 more make 64, the default: cispref then refuses the unknown attribute; 60 more
	 * are refused before libxml2 reads the tag. */
	doc = many_attributes(59, &size);
	assert_int_equal(load(doc, size, NULL, &error), CISPREF_EFORMAT);
	assert_string_equal(error.text, "element 'referential' has no attribute 'a0'");
	free(doc);
	doc = many_attributes(60, &size);
	expect_attribute_limit(doc, size, NULL, CISPREF_DEFAULT_MAX_ATTRIBUTES, "referential", 2, 1);
	options.max_attributes = 65;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_EFORMAT);
	free(doc);

	/* The input of the report: 300 000 distinct attributes (2.4 MB of them, over many
	 * chunks) took libxml2 2.9 minutes to check; now refused at the tag. */
	doc = many_attributes(300000, &size);
	expect_attribute_limit(doc, size, NULL, CISPREF_DEFAULT_MAX_ATTRIBUTES, "referential", 2, 1);
	free(doc);
}

/* A later tag, placed by line and column (in characters: 'é' is one); markup that only
 * looks like attributes (in a comment, a CDATA section, a processing instruction, an
 * attribute value holding '>' and '=') counts for nothing. */
static void test_attributes_in_markup(void **state)
{
	(void)state;
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<!-- <x a=\"1\" b=\"2\" c=\"3\"> - -> -->"
		"<?pi <x a=\"1\" b=\"2\"> ? > =?>\n"
		"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"m\" "
		"version=\"a>b='=' c=d\" xml:lang='fr\"=>'>\n"
		"  <title>T<![CDATA[ <x a=\"1\" b=\"2\"]> ]]]></title>\n"
		"<domain id=\"d\" kind=\"core\"><title>é</title><plan id=\"p\" kind=\"individual\">"
		"<title>P</title><competence id=\"c\"><title>C</title>"
		"<savoir id=\"s\" concept=\"k\" a=\"\" b=\"\" c=\"\" d=\"\">x</savoir>"
		"</competence></plan></domain>\n</referential>\n";
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.max_attributes = 5;
	const char *line5 = strstr(doc, "<domain");
	/* the column of '<savoir', in characters: 'é' takes two bytes */
	unsigned long column = (unsigned long)(strstr(doc, "<savoir") - line5) + 1 - 1;
	expect_attribute_limit(doc, sizeof doc - 1, &options, 5, "savoir", 5, column);
	options.max_attributes = 6;
	cispref_error error;
	assert_int_equal(load(doc, sizeof doc - 1, &options, &error), CISPREF_EFORMAT);
	assert_string_equal(error.text, "element 'savoir' has no attribute 'a'");
}

/* @doc (ASCII) in UTF-16, big-endian without a byte order mark or little-endian with
 * one. */
static char *utf16(const char *doc, size_t *size, int big_endian)
{
	size_t n = strlen(doc), bom = big_endian ? 0 : 2;
	char *out = malloc(bom + 2 * n);
	assert_non_null(out);
	if (bom)
		memcpy(out, "\xFF\xFE", 2);
	for (size_t i = 0; i < n; i++) {
		out[bom + 2 * i + big_endian] = doc[i];
		out[bom + 2 * i + !big_endian] = 0;
	}
	*size = bom + 2 * n;
	return out;
}

static void test_attributes_utf16(void **state)
{
	(void)state;
	size_t size, wide_size;
	char *doc = many_attributes(100, &size);
	/* the declaration says UTF-8: say UTF-16 */
	char *decl = strstr(doc, "UTF-8");
	memcpy(decl, "UTF16", 5);
	for (int big = 0; big < 2; big++) {
		char *wide = utf16(doc, &wide_size, big);
		expect_attribute_limit(wide, wide_size, NULL, CISPREF_DEFAULT_MAX_ATTRIBUTES,
		                       "referential", 2, 1);
		free(wide);
	}
	free(doc);
}

/* Encodings whose markup bytes are not ASCII's would hide the tags from the count. */
static void test_unscannable_encodings(void **state)
{
	(void)state;
	cispref_error error;
	static const char utf7[] = "<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n"
	                           "+ADw-referential+AD4-\n";
	assert_int_equal(load(utf7, sizeof utf7 - 1, NULL, &error), CISPREF_EXML);
	assert_non_null(strstr(error.text, "the encoding 'UTF-7' writes '<', '>', '=' or quotes"));
	assert_int_equal(error.line, 1);
	static const char utf16_in_ascii[] = "<?xml version=\"1.0\" encoding=\"UTF-16LE\"?><r/>";
	assert_int_equal(load(utf16_in_ascii, sizeof utf16_in_ascii - 1, NULL, &error), CISPREF_EXML);
	/* "<?xm" in EBCDIC */
	static const char ebcdic[] = "\x4C\x6F\xA7\x94\x93\x40";
	assert_int_equal(load(ebcdic, sizeof ebcdic - 1, NULL, &error), CISPREF_EXML);
	assert_non_null(strstr(error.text, "EBCDIC"));
	/* ISO-8859-1 writes markup as ASCII: read as before */
	size_t size;
	char *doc = document_with_item_text(1, &size);
	memcpy(strstr(doc, "UTF-8"), "UTF-8", 5);
	char *latin = malloc(size + 16);
	assert_non_null(latin);
	int n = snprintf(latin, size + 16, "%s", doc);
	char *decl = strstr(latin, "UTF-8\"");
	memmove(decl + 10, decl + 5, strlen(decl + 5) + 1);
	memcpy(decl, "ISO-8859-1", 10);
	assert_int_equal(load(latin, (size_t)n + 5, NULL, &error), CISPREF_OK);
	free(latin);
	free(doc);
}

/* Options of version 1 have no max_attributes: the default applies, whatever follows. */
static void test_options_version_1(void **state)
{
	(void)state;
	size_t size;
	char *doc = many_attributes(1, &size);
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.version = 1;
	options.max_attributes = 1;
	cispref_error error;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_EFORMAT); /* a0 unknown */
	free(doc);
	doc = many_attributes(60, &size);
	expect_attribute_limit(doc, size, &options, CISPREF_DEFAULT_MAX_ATTRIBUTES, "referential", 2, 1);
	free(doc);
}

/* ---- the input size, before reading ---------------------------------------------- */

/* A valid document followed by a hole: a sparse file of 2 GB. Refused at once, through
 * every entry point, with the limit's message (it used to be read up to the limit and
 * fail on a NUL byte). A descriptor or stream is measured from where it stands. */
static void test_size_before_reading(void **state)
{
	(void)state;
	size_t size;
	char *doc = document_with_item_text(10, &size);
	char *dir = make_temp_dir();
	assert_non_null(dir);
	char path[4200];
	snprintf(path, sizeof path, "%s/sparse.xml", dir);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, doc, size), (ssize_t)size);
	assert_int_equal(ftruncate(fd, (off_t)2 << 30), 0);
	char want[64];
	snprintf(want, sizeof want, "the input is larger than %zu bytes", CISPREF_DEFAULT_MAX_INPUT_SIZE);
	cispref_referential *ref = NULL;
	cispref_error error;
	assert_int_equal(cispref_referential_load_file(&ref, path, NULL, &error), CISPREF_ELIMIT);
	assert_string_equal(error.text, want);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(cispref_referential_load_fd(&ref, fd, NULL, NULL, &error), CISPREF_ELIMIT);
	assert_string_equal(error.text, want);
	assert_int_equal(lseek(fd, 0, SEEK_CUR), 0); /* nothing read */
	FILE *f = fdopen(dup(fd), "rb");
	assert_non_null(f);
	assert_int_equal(cispref_referential_load_stream(&ref, f, NULL, NULL, &error), CISPREF_ELIMIT);
	assert_string_equal(error.text, want);
	fclose(f);

	/* junk, then the document: from after the junk, the rest fits a limit of its size */
	assert_int_equal(ftruncate(fd, 0), 0);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(write(fd, "junk", 4), 4);
	assert_int_equal(write(fd, doc, size), (ssize_t)size);
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.max_input_size = size;
	assert_int_equal(lseek(fd, 4, SEEK_SET), 4);
	assert_int_equal(cispref_referential_load_fd(&ref, fd, NULL, &options, &error),
	                 CISPREF_OK);
	cispref_referential_free(ref);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	f = fdopen(dup(fd), "rb");
	assert_non_null(f);
	assert_int_equal(fgetc(f), 'j');
	assert_int_equal(cispref_referential_load_stream(&ref, f, NULL, &options, &error),
	                 CISPREF_ELIMIT); /* "unk" + the document: 3 bytes too many */
	fclose(f);
	close(fd);
	unlink(path);
	rmdir(dir);
	free(dir);
	free(doc);
}

/* ---- what load_file reads -------------------------------------------------------- */

static void test_named_pipe(void **state)
{
	(void)state;
	size_t size;
	char *doc = document_with_item_text(10, &size);
	char *dir = make_temp_dir();
	assert_non_null(dir);
	char path[4200];
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	cispref_referential *ref = NULL;
	cispref_error error;
	/* No writer: refused at once (a hang would end the test here). */
	alarm(20);
	assert_int_equal(cispref_referential_load_file(&ref, path, NULL, &error), CISPREF_EIO);
	char want[4400];
	snprintf(want, sizeof want,
	         "cannot read '%s': it is a named pipe that no process has open for writing", path);
	assert_string_equal(error.text, want);

	/* A writer that has the pipe open: read to its end. A reader held open lets the
	 * writer open first, and keeps its writes from failing before load_file opens. */
	int holder = open(path, O_RDONLY | O_NONBLOCK);
	assert_true(holder >= 0);
	int sync[2];
	assert_int_equal(pipe(sync), 0);
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		int w = open(path, O_WRONLY);
		char c = 'x';
		int ok = w >= 0 && write(sync[1], &c, 1) == 1;
		for (size_t i = 0; ok && i < size; i++) /* a byte at a time: many small reads */
			ok = write(w, doc + i, 1) == 1;
		free(doc); /* for valgrind's leak check at the child's exit */
		free(dir);
		_exit(ok ? 0 : 1);
	}
	char c;
	assert_int_equal(read(sync[0], &c, 1), 1);
	int prc = cispref_referential_load_file(&ref, path, NULL, &error);
	if (prc)
		print_message("%s\n", error.text);
	assert_int_equal(prc, CISPREF_OK);
	assert_string_equal(cispref_referential_id(ref), "mini");
	cispref_referential_free(ref);
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	alarm(0);
	close(holder);
	close(sync[0]);
	close(sync[1]);
	unlink(path);
	rmdir(dir);
	free(dir);
	free(doc);
}

static void test_not_files(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	cispref_error error;
	assert_int_equal(cispref_referential_load_file(&ref, "/dev/null", NULL, &error), CISPREF_EIO);
	assert_string_equal(error.text,
	                    "cannot read '/dev/null': it is a character device, not a file or a pipe");
	char *dir = make_temp_dir();
	assert_non_null(dir);
	assert_int_equal(cispref_referential_load_file(&ref, dir, NULL, &error), CISPREF_EIO);
	char want[4200];
	snprintf(want, sizeof want, "cannot read '%s': it is a directory", dir ? dir : "");
	assert_string_equal(error.text, want);
	assert_null(ref);
	rmdir(dir);
	free(dir);
}

/* ---- what cispref writes, it reads back ------------------------------------------ */

#define COMPACT_HEAD                                                                       \
	"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"m\" "      \
	"version=\"1\" xml:lang=\"fr\"><title>T</title><domain id=\"d\" kind=\"core\"><title>D" \
	"</title><plan id=\"p\" kind=\"individual\"><title>P</title><competence id=\"c\">"     \
	"<title>C</title>"
#define COMPACT_TAIL "</competence></plan></domain></referential>"

/* A compact document: @count copies of @unit in the competence, or in the notes for a
 * note. */
static char *compact(const char *unit, size_t count, size_t *size)
{
	int note = strncmp(unit, "<note ", 6) == 0;
	const char *end = note ? "</competence></plan></domain><notes>" : "";
	const char *tail_text = note ? "</notes></referential>" : COMPACT_TAIL;
	size_t head = strlen(COMPACT_HEAD) + strlen(end), u = strlen(unit);
	size_t tail = strlen(tail_text);
	char *doc = malloc(head + u * count + tail + 1);
	assert_non_null(doc);
	snprintf(doc, head + 1, "%s%s", COMPACT_HEAD, end);
	for (size_t i = 0; i < count; i++)
		memcpy(doc + head + i * u, unit, u);
	memcpy(doc + head + u * count, tail_text, tail + 1);
	*size = head + u * count + tail;
	return doc;
}

/* doc/format.md: the canonical export of a document of S bytes is at most 6 S + 512 bytes
 * (a '"' in a single-quoted attribute written "&quot;" is the worst case), so no input limit holds
 * every export of what it admits, and the export refuses to write more than a default
 * load reads. Every other limit holds for the export of what was loaded: the same
 * elements, texts and attributes. Checked here on the worst inputs, at a small scale. */
static void test_export_reads_back(void **state)
{
	(void)state;
	static const struct {
		const char *unit;
		size_t count;
		double at_least; /* how close to the bound this input comes */
	} worst[] = {
		{NULL, 20, 3.9}, /* <savoir id="s">, 1000 '>', </savoir> */
		{"<note id=\"n\" number='\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'/>",
		 200, 4.2},
		{"<note-ref note=\"n\"/>", 2000, 1.4},
		{"<savoir id=\"s\"/>", 2000, 1.5},
	};
	char escaped[1100];
	snprintf(escaped, sizeof escaped, "<savoir id=\"s\">%0*d</savoir>", 1000, 0);
	memset(strchr(escaped, '>') + 1, '>', 1000);
	for (size_t w = 0; w < sizeof worst / sizeof worst[0]; w++) {
		size_t size;
		char *doc = compact(worst[w].unit ? worst[w].unit : escaped, worst[w].count, &size);
		cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
		options.flags = CISPREF_LOAD_LENIENT;
		options.max_input_size = size;
		options.max_elements = 9 + worst[w].count;
		options.max_text_length = 1000;
		options.max_attributes = 6; /* the root's five and the uuid the export adds */
		cispref_referential *ref = NULL;
		cispref_error error;
		assert_int_equal(cispref_referential_load_memory(&ref, doc, size, NULL,
		                                                              &options, &error),
		                 CISPREF_OK);
		char *xml = NULL;
		size_t xml_size = 0;
		assert_int_equal(cispref_export_buffer(&xml, &xml_size, ref, CISPREF_FORMAT_XML, &error),
		                 CISPREF_OK);
		assert_true(xml_size <= 6 * size + 512);
		assert_true((double)xml_size >= worst[w].at_least * (double)size);
		/* the same limits but the size: read back */
		cispref_referential *again = NULL;
		options.max_input_size = xml_size;
		assert_int_equal(cispref_referential_load_memory(&again, xml, xml_size, NULL,
		                                                              &options, &error),
		                 CISPREF_OK);
		assert_true(cispref_referential_equal(ref, again));
		cispref_referential_free(again);
		cispref_buffer_free(xml);
		cispref_referential_free(ref);
		free(doc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_input_size),
		cmocka_unit_test(test_elements),
		cmocka_unit_test(test_text_length),
		cmocka_unit_test(test_raised_text_limit),
		cmocka_unit_test(test_every_entry_point),
		cmocka_unit_test(test_attributes),
		cmocka_unit_test(test_attributes_in_markup),
		cmocka_unit_test(test_attributes_utf16),
		cmocka_unit_test(test_unscannable_encodings),
		cmocka_unit_test(test_options_version_1),
		cmocka_unit_test(test_size_before_reading),
		cmocka_unit_test(test_named_pipe),
		cmocka_unit_test(test_not_files),
		cmocka_unit_test(test_export_reads_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
