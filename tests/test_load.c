/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Tests of the XML loader (load.h): hostile and broken inputs are refused with the right
 * status, source, position and message, leave *out alone, print nothing and leak nothing;
 * valid inputs read the same through every entry point. */
#include "test_util.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NS "urn:cispref:referential"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<referential xmlns=\"" NS "\" format-version=\"1\" id=\"mini\" version=\"1\" xml:lang=\"fr\">"

/* Where *out points until a load succeeds: any change to it is a bug. */
static char sentinel_storage;
#define SENTINEL ((cispref_referential *)&sentinel_storage)

/* Matches any non-zero line or column. */
#define ANY ULONG_MAX

/* malloc() and make_temp_dir() that do not return NULL. */
static void *xmalloc(size_t size)
{
	void *p = malloc(size);
	if (!p)
		abort();
	return p;
}

static char *temp_dir(void)
{
	char *dir = make_temp_dir();
	if (!dir)
		abort();
	return dir;
}

/* ---- capturing what the library prints -------------------------------------------- */

typedef struct capture {
	int fd, saved;
	FILE *file;
} capture;

static void capture_start(capture *c, int fd)
{
	fflush(fd == 1 ? stdout : stderr);
	c->fd = fd;
	c->file = tmpfile();
	assert_non_null(c->file);
	c->saved = dup(fd);
	assert_true(c->saved >= 0);
	assert_true(dup2(fileno(c->file), fd) >= 0);
}

/* Put the descriptor back; returns what was written to it meanwhile (free it). */
static char *capture_stop(capture *c)
{
	fflush(c->fd == 1 ? stdout : stderr);
	assert_true(dup2(c->saved, c->fd) >= 0);
	close(c->saved);
	assert_int_equal(fseek(c->file, 0, SEEK_END), 0);
	long size = ftell(c->file);
	assert_true(size >= 0);
	rewind(c->file);
	char *text = calloc(1, (size_t)size + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)size, c->file), (size_t)size);
	fclose(c->file);
	return text;
}

/* The result of one load call, with what it printed on stdout and stderr. */
typedef struct outcome {
	int rc;
	cispref_referential *ref; /* SENTINEL unless the load set it */
	cispref_error err;
	char *out_text, *err_text;
	char path[4096];
} outcome;

static void outcome_init(outcome *o)
{
	memset(o, 0, sizeof *o);
	o->ref = SENTINEL;
	o->err.code = 12345; /* a success must leave the error record alone */
}

/* Make @call with fd 1 and fd 2 captured into (o)->out_text and (o)->err_text. */
#define QUIETLY(o, call)                             \
	do {                                         \
		capture out_, err_;                  \
		capture_start(&out_, 1);             \
		capture_start(&err_, 2);             \
		(o)->rc = (call);                    \
		(o)->err_text = capture_stop(&err_); \
		(o)->out_text = capture_stop(&out_); \
	} while (0)

static outcome load_path(const char *path, unsigned flags)
{
	outcome o;
	outcome_init(&o);
	snprintf(o.path, sizeof o.path, "%s", path);
	cispref_load_options options = load_options_with(flags);
	QUIETLY(&o, cispref_referential_load_file(&o.ref, o.path, &options, &o.err));
	return o;
}

static outcome load_fixture(const char *name, unsigned flags)
{
	return load_path(fixture(name), flags);
}

static outcome load_buffer(const char *data, size_t size, const char *name, unsigned flags)
{
	outcome o;
	outcome_init(&o);
	cispref_load_options options = load_options_with(flags);
	QUIETLY(&o, cispref_referential_load_memory(&o.ref, data, size, name, &options, &o.err));
	return o;
}

static void outcome_free(outcome *o)
{
	free(o->out_text);
	free(o->err_text);
	if (o->ref != SENTINEL)
		cispref_referential_free(o->ref);
	o->out_text = o->err_text = NULL;
	o->ref = SENTINEL;
}

static void assert_contains(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("'%s' does not contain '%s'", text, part);
}

static void assert_silent(const outcome *o)
{
	if (o->err_text[0])
		fail_msg("the library wrote on stderr: %s", o->err_text);
	if (o->out_text[0])
		fail_msg("the library wrote on stdout: %s", o->out_text);
}

static void assert_line_column(unsigned long got, unsigned long want, const char *what)
{
	if (want == ANY && got == 0)
		fail_msg("%s is 0, expected a position", what);
	if (want != ANY && got != want)
		fail_msg("%s is %lu, expected %lu", what, got, want);
}

/* @o was refused with @code, its error names @source and the position, and says @what. */
static void assert_rejected(outcome *o, int code, const char *source, unsigned long line,
                            unsigned long column, const char *what)
{
	assert_silent(o);
	if (o->rc != code)
		fail_msg("status %d (%s), expected %d (%s): %s", o->rc, cispref_status_tag(o->rc),
		         code, cispref_status_tag(code), o->err.text);
	assert_ptr_equal(o->ref, SENTINEL);
	assert_int_equal(o->err.code, code);
	assert_string_equal(o->err.source, source);
	assert_line_column(o->err.line, line, "line");
	assert_line_column(o->err.column, column, "column");
	assert_contains(o->err.text, what);
	outcome_free(o);
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now); /* work done, whatever the machine's load */
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* The harness itself: what is written on fd 1 and fd 2 during a call is caught. */
static void capture_catches_output(void **state)
{
	(void)state;
	outcome o;
	outcome_init(&o);
	QUIETLY(&o, (fprintf(stderr, "to stderr\n"), printf("to stdout\n"), 0));
	assert_string_equal(o.err_text, "to stderr\n");
	assert_string_equal(o.out_text, "to stdout\n");
	outcome_free(&o);
}

/* ---- the fixtures the loader refuses: one table ------------------------------------ */

/* What a lenient load keeps of a fixture that breaks a validator rule only. */
typedef void kept_check(const cispref_referential *ref);

static void duplicate_id_kept(const cispref_referential *ref)
{
	assert_int_equal(cispref_referential_item_total(ref, CISPREF_ITEM_SAVOIR), 1);
}

static void unknown_concept_kept(const cispref_referential *ref)
{
	const cispref_item *item = cispref_referential_find_item(ref, "d.ind.1.sf.1");
	assert_string_equal(cispref_item_concept_id(item), "c.nowhere");
	assert_null(cispref_item_concept(item));
}

static void unknown_note_kept(const cispref_referential *ref)
{
	const cispref_competence *comp = cispref_referential_find_competence(ref, "d.ind.1");
	assert_int_equal(cispref_competence_note_count(comp), 1);
	assert_string_equal(cispref_competence_note_id(comp, 0), "n.nowhere");
	assert_null(cispref_competence_note(comp, 0));
}

static void unknown_summary_competence_kept(const cispref_referential *ref)
{
	const cispref_summary_entry *entry = cispref_referential_find_summary_entry(ref, "d.sum.1");
	assert_string_equal(cispref_summary_entry_competence_id(entry), "d.ind.9");
	assert_null(cispref_summary_entry_competence(entry));
}

/* A fixture the loader refuses: the status, the position of the error (ANY: any non-zero
 * one) and a piece of its message. It is refused alike with and without
 * CISPREF_LOAD_LENIENT, but for a fixture that breaks a validator rule only
 * (CISPREF_ERULE): a lenient load keeps that one, and @kept checks what it holds. */
typedef struct refused_fixture {
	const char *name;
	int code;
	unsigned long line, column;
	const char *what;
	kept_check *kept;
} refused_fixture;

static const refused_fixture refused[] = {
	/* not XML, not a referential */
	{"load-empty.xml", CISPREF_EXML, 1, ANY, "no root element", NULL},
	{"load-not-xml.xml", CISPREF_EXML, 1, ANY, "'<' not found", NULL},
	/* cut in the text of the competence's title, on line 9 */
	{"load-truncated.xml", CISPREF_EXML, 9, ANY, "ends before element 'title' is closed", NULL},
	{"load-wrong-root.xml", CISPREF_EFORMAT, 2, ANY,
	 "the root element is 'catalogue', expected 'referential'", NULL},
	{"load-wrong-namespace.xml", CISPREF_EFORMAT, 2, ANY,
	 "in namespace 'urn:example:other', expected '" NS "'", NULL},
	{"load-no-namespace.xml", CISPREF_EFORMAT, 2, ANY, "in namespace '(none)', expected '" NS "'",
	 NULL},
	{"load-version-2.xml", CISPREF_EVERSION, 2, ANY, "format version '2' is not supported", NULL},

	/* structure */
	{"load-domain-no-kind.xml", CISPREF_EFORMAT, 4, ANY,
	 "element 'domain' lacks the attribute 'kind'", NULL},
	{"load-root-no-id.xml", CISPREF_EFORMAT, 2, ANY,
	 "element 'referential' lacks the attribute 'id'", NULL},
	/* an empty competence is refused at its end tag, line 9 */
	{"load-competence-no-title.xml", CISPREF_EFORMAT, 9, ANY,
	 "element 'competence' lacks its 'title'", NULL},
	/* an item before the title is refused at the item, line 9 */
	{"load-competence-item-before-title.xml", CISPREF_EFORMAT, 9, ANY,
	 "element 'competence' must begin with a 'title'", NULL},
	/* the domain's plan (line 5) comes before its title (line 8) */
	{"load-title-after-plan.xml", CISPREF_EFORMAT, 5, ANY,
	 "element 'domain' must begin with a 'title'", NULL},
	{"load-source-after-domain.xml", CISPREF_EFORMAT, 7, ANY,
	 "element 'source' is out of place in 'referential'", NULL},
	{"load-unknown-element.xml", CISPREF_EFORMAT, 7, ANY, "unexpected element 'colour' in 'plan'",
	 NULL},
	/* line 7 is "      <colour>red</colour>": the start tag ends with '>' in column 14 */
	{"load-unknown-element.xml", CISPREF_EFORMAT, 7, 14, "(expected 'title', 'competence')", NULL},
	{"load-unknown-attribute.xml", CISPREF_EFORMAT, 4, ANY,
	 "element 'domain' has no attribute 'colour'", NULL},
	/* "stray words" starts on line 6, column 5 */
	{"load-text-in-domain.xml", CISPREF_EFORMAT, 6, 5, "element 'domain' may not contain text",
	 NULL},
	{"load-bad-domain-kind.xml", CISPREF_EFORMAT, 4, ANY,
	 "attribute 'kind' has the value 'central', expected core or transversal", NULL},
	{"load-bad-plan-kind.xml", CISPREF_EFORMAT, 6, ANY,
	 "attribute 'kind' has the value 'solo', expected individual", NULL},
	{"load-bad-entry-plan.xml", CISPREF_EFORMAT, 7, ANY,
	 "attribute 'plan' has the value 'solo', expected individual", NULL},
	{"load-bad-concept-kind.xml", CISPREF_EFORMAT, 15, ANY,
	 "attribute 'kind' has the value 'savoir-etre', expected savoir-faire", NULL},
	{"load-bad-id.xml", CISPREF_EFORMAT, 4, ANY,
	 "attribute 'id' has the value '1d', expected an id matching", NULL},
	{"load-bad-concept-ref.xml", CISPREF_EFORMAT, 10, ANY,
	 "attribute 'concept' has the value 'not an id', expected an id matching", NULL},

	/* validator rules: strict by default, kept when lenient */
	{"load-duplicate-id.xml", CISPREF_ERULE, 11, ANY,
	 "the id 'd.ind.1.sf.1' is already used on line 10 [duplicate-id]", duplicate_id_kept},
	{"load-unknown-concept.xml", CISPREF_ERULE, 10, ANY,
	 "'c.nowhere', which does not exist [concept-unknown]", unknown_concept_kept},
	/* reported on the competence (line 8) that holds the note-ref */
	{"load-unknown-note.xml", CISPREF_ERULE, 8, ANY,
	 "'n.nowhere', which does not exist [note-unknown]", unknown_note_kept},
	{"load-unknown-summary-competence.xml", CISPREF_ERULE, 7, ANY,
	 "'d.ind.9', which does not exist [summary-competence-unknown]",
	 unknown_summary_competence_kept},

	/* encoding */
	/* line 3 is "  <title>Caf\xe9 \xff\xfe</title>": the bad byte is in column 13 */
	{"load-invalid-utf8.xml", CISPREF_EXML, 3, 13, "not proper UTF-8", NULL},
	/* UTF-16 with a lone surrogate (see invalid_bytes_in_declared_encoding_rejected): the
	 * decoder converts ahead of the parser, the line is where parsing stood */
	{"load-utf16-lone-surrogate.xml", CISPREF_EXML, ANY, ANY, "input conversion failed", NULL},
};

/* The row of refused[] that the test was given as its state. */
static void fixture_refused(void **state)
{
	const refused_fixture *row = *state;
	/* a rule broken is the one status a lenient load forgives */
	assert_true((row->code == CISPREF_ERULE) == (row->kept != NULL));
	outcome o = load_fixture(row->name, CISPREF_LOAD_DEFAULT);
	assert_rejected(&o, row->code, o.path, row->line, row->column, row->what);
	o = load_fixture(row->name, CISPREF_LOAD_LENIENT);
	if (!row->kept) {
		assert_rejected(&o, row->code, o.path, row->line, row->column, row->what);
		return;
	}
	assert_silent(&o);
	assert_int_equal(o.rc, CISPREF_OK);
	assert_int_equal(o.err.code, 12345);
	assert_true(o.ref != SENTINEL && o.ref != NULL);
	row->kept(o.ref);
	outcome_free(&o);
}

/* ---- not XML, not a referential ---------------------------------------------------- */

static void undeclared_entity_rejected(void **state)
{
	(void)state;
	static const char doc[] = XML_DECL ROOT "\n  <title>Mini&nbsp;</title>\n</referential>\n";
	outcome o = load_buffer(doc, sizeof doc - 1, "nbsp.xml", CISPREF_LOAD_DEFAULT);
	assert_rejected(&o, CISPREF_EXML, "nbsp.xml", 3, ANY, "Entity 'nbsp' not defined");
}

/* ---- encoding ------------------------------------------------------------------- */

/* A document that declares another encoding and holds bytes invalid in it used to load
 * cut short at those bytes, in silence but for libxml2 printing on stderr. In UTF-16 the
 * decoder says why (load-utf16-lone-surrogate.xml, in the table refused[]); in US-ASCII
 * libxml2 just stops converting, and the document is refused for ending early. Either way
 * nothing is lost silently and nothing is printed. */
static void invalid_bytes_in_declared_encoding_rejected(void **state)
{
	(void)state;
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n"
		ROOT "\n  <title>Caf\xe9</title>\n</referential>\n";
	for (int lenient = 0; lenient < 2; lenient++) {
		outcome o = load_buffer(doc, sizeof doc - 1, "ascii.xml",
		                        lenient ? CISPREF_LOAD_LENIENT : CISPREF_LOAD_DEFAULT);
		assert_rejected(&o, CISPREF_EXML, "ascii.xml", 3, ANY, "before element 'title' is closed");
	}
}

/* ---- DTDs and entities ------------------------------------------------------------ */

/* Whether the @size bytes at @data hold @part. */
static int bytes_contain(const void *data, size_t size, const char *part)
{
	size_t n = strlen(part);
	for (size_t i = 0; i + n <= size; i++)
		if (memcmp((const char *)data + i, part, n) == 0)
			return 1;
	return 0;
}

/* Nothing the library produced holds @secret. */
static void assert_secret_absent(const outcome *o, const char *secret)
{
	assert_false(bytes_contain(&o->err, sizeof o->err, secret));
	assert_null(strstr(o->out_text, secret));
	assert_null(strstr(o->err_text, secret));
}

static void doctype_external_entity_rejected(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char secret[64], secret_path[4200], dtd_path[4200], doc_path[4200];
	snprintf(secret, sizeof secret, "CISPREF-SECRET-%ld-%ld", (long)getpid(), (long)time(NULL));
	snprintf(secret_path, sizeof secret_path, "%s/secret.txt", dir);
	snprintf(dtd_path, sizeof dtd_path, "%s/secret.dtd", dir);
	snprintf(doc_path, sizeof doc_path, "%s/xxe.xml", dir);
	write_file(secret_path, secret);
	char dtd[256];
	snprintf(dtd, sizeof dtd, "<!ENTITY secret \"%s\">\n", secret);
	write_file(dtd_path, dtd);

	static const char *const doctypes[] = {
		/* an external general entity */
		"<!DOCTYPE referential [\n  <!ENTITY secret SYSTEM \"file://%s\">\n]>\n",
		/* an external DTD declaring the entity */
		"<!DOCTYPE referential SYSTEM \"file://%s\">\n",
		/* an external parameter entity pulling the DTD in */
		"<!DOCTYPE referential [\n  <!ENTITY %% ext SYSTEM \"file://%s\">\n  %%ext;\n]>\n",
	};
	const char *const targets[] = {secret_path, dtd_path, dtd_path};
	for (size_t i = 0; i < sizeof doctypes / sizeof doctypes[0]; i++) {
		char doctype[4400], doc[8192];
		snprintf(doctype, sizeof doctype, doctypes[i], targets[i]);
		snprintf(doc, sizeof doc, XML_DECL "%s" ROOT "\n  <title>&secret;</title>\n</referential>\n",
		         doctype);
		write_file(doc_path, doc);
		for (unsigned flags = 0; flags <= CISPREF_LOAD_LENIENT; flags++) {
			outcome o = load_path(doc_path, flags);
			assert_secret_absent(&o, secret);
			assert_rejected(&o, CISPREF_EFORMAT, doc_path, 2, ANY,
			                "document type declarations (<!DOCTYPE>) are not allowed");
			o = load_buffer(doc, strlen(doc), "xxe-in-memory", flags);
			assert_secret_absent(&o, secret);
			assert_rejected(&o, CISPREF_EFORMAT, "xxe-in-memory", 2, ANY, "<!DOCTYPE>");
		}
	}
	unlink(doc_path);
	unlink(dtd_path);
	unlink(secret_path);
	rmdir(dir);
	free(dir);
}

static void entity_bomb_rejected_quickly(void **state)
{
	(void)state;
	/* "billion laughs": lol9 expands to 10^9 "lol" */
	char doc[4096];
	size_t n = (size_t)snprintf(doc, sizeof doc, XML_DECL "<!DOCTYPE referential [\n"
	                            "  <!ENTITY lol \"lol\">\n");
	for (int level = 1; level <= 9; level++) {
		n += (size_t)snprintf(doc + n, sizeof doc - n, "  <!ENTITY lol%d \"", level);
		for (int k = 0; k < 10; k++)
			n += (size_t)snprintf(doc + n, sizeof doc - n, "&lol%.0d;", level - 1);
		n += (size_t)snprintf(doc + n, sizeof doc - n, "\">\n");
	}
	n += (size_t)snprintf(doc + n, sizeof doc - n,
	                      "]>\n" ROOT "\n  <title>&lol9;</title>\n</referential>\n");
	assert_true(n < sizeof doc);
	assert_non_null(strstr(doc, "<!ENTITY lol9 \"&lol8;&lol8;"));

	struct timespec start;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
	outcome o = load_buffer(doc, n, "bomb.xml", CISPREF_LOAD_LENIENT);
	double took = seconds_since(&start);
	assert_rejected(&o, CISPREF_EFORMAT, "bomb.xml", 2, ANY, "<!DOCTYPE>");
	if (took > 1.0)
		fail_msg("refusing the entity bomb took %.2f s", took);
}

/* ---- size and depth limits -------------------------------------------------------- */

#define DEPTH 100000

/* XML_DECL ROOT, a title, then @open repeated DEPTH times on line 4, then the closers. */
static char *deep_document(const char *open, const char *close, size_t *size)
{
	size_t cap = 256 + DEPTH * (strlen(open) + strlen(close) + 16);
	char *doc = xmalloc(cap);
	size_t n = (size_t)snprintf(doc, cap, XML_DECL ROOT "\n  <title>Mini</title>\n");
	for (int i = 0; i < DEPTH; i++)
		n += (size_t)snprintf(doc + n, cap - n, open, i);
	for (int i = 0; i < DEPTH; i++)
		n += (size_t)snprintf(doc + n, cap - n, "%s", close);
	n += (size_t)snprintf(doc + n, cap - n, "\n</referential>\n");
	assert_true(n < cap);
	*size = n;
	return doc;
}

static void deep_unknown_elements_rejected(void **state)
{
	(void)state;
	size_t size = 0;
	char *doc = deep_document("<deep n=\"%d\">", "</deep>", &size);
	outcome o = load_buffer(doc, size, "deep.xml", CISPREF_LOAD_LENIENT);
	assert_rejected(&o, CISPREF_EFORMAT, "deep.xml", 4, ANY,
	                "unexpected element 'deep' in 'referential'");
	free(doc);
}

static void deep_domains_rejected(void **state)
{
	(void)state;
	size_t size = 0;
	char *doc = deep_document("<domain id=\"d%d\" kind=\"core\"><title>T</title>", "</domain>",
	                          &size);
	outcome o = load_buffer(doc, size, "deep-domains.xml", CISPREF_LOAD_LENIENT);
	assert_rejected(&o, CISPREF_EFORMAT, "deep-domains.xml", 4, ANY,
	                "unexpected element 'domain' in 'domain'");
	free(doc);
}

static void text_50mb_rejected(void **state)
{
	(void)state;
	size_t size = 0;
	char *doc = document_with_item_text((size_t)50 * 1024 * 1024, &size);
	/* the loader's own limit fires (at 1 MiB), long before libxml2's 10 MB ones */
	outcome o = load_buffer(doc, size, "huge.xml", CISPREF_LOAD_LENIENT);
	assert_rejected(&o, CISPREF_ELIMIT, "huge.xml", 4, ANY,
	                "the text of element 'savoir' is longer than 1048576 bytes");
	free(doc);
}

static void text_one_byte_over_limit_rejected(void **state)
{
	(void)state;
	size_t size = 0;
	char *doc = document_with_item_text(CISPREF_MAX_TEXT_LENGTH + 1, &size);
	outcome o = load_buffer(doc, size, "over.xml", CISPREF_LOAD_DEFAULT);
	assert_rejected(&o, CISPREF_ELIMIT, "over.xml", 4, ANY, "longer than 1048576 bytes");
	free(doc);
}

static void text_up_to_limit_accepted(void **state)
{
	(void)state;
	const size_t lengths[] = {CISPREF_MAX_TEXT_LENGTH - 1, CISPREF_MAX_TEXT_LENGTH};
	for (size_t i = 0; i < 2; i++) {
		size_t size;
		char *doc = document_with_item_text(lengths[i], &size);
		outcome o = load_buffer(doc, size, "big.xml", CISPREF_LOAD_DEFAULT);
		assert_silent(&o);
		if (o.rc != CISPREF_OK)
			fail_msg("a text of %zu bytes was refused: %s", lengths[i], o.err.text);
		const char *text = cispref_item_text(cispref_referential_find_item(o.ref, "s"));
		assert_int_equal(strlen(text), lengths[i]);
		assert_int_equal(strspn(text, "a"), lengths[i]);
		outcome_free(&o);
		free(doc);
	}
}

/* Elements past the 33 millionth column of their line (a referential written on one
 * line) keep their exact columns: a node header holds 25 bits of column, the rest is kept
 * aside. Two items start 2^25 blanks into line 2, each naming a concept that does not
 * exist; a finding's column is that of the end of its node's start tag (validate.h). */
static void far_columns_kept(void **state)
{
	(void)state;
	static const char head[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"mini\" "
		"version=\"1\" xml:lang=\"fr\"><title>Mini</title><domain id=\"d\" kind=\"core\">"
		"<title>Domaine</title><plan id=\"d.ind\" kind=\"individual\"><title>Individuel"
		"</title><competence id=\"d.ind.1\"><title>Competence</title>";
	static const char first[] = "<savoir-faire id=\"d.ind.1.sf.1\" concept=\"c.nowhere\">";
	static const char between[] = "Faire</savoir-faire>";
	static const char second[] = "<savoir-faire id=\"d.ind.1.sf.2\" concept=\"c.nowhere\">";
	static const char tail[] = "Agir</savoir-faire></competence></plan></domain></referential>\n";
	const size_t blanks = (size_t)1 << 25;
	size_t size = strlen(head) + blanks + strlen(first) + strlen(between) + strlen(second) +
	              strlen(tail);
	char *doc = xmalloc(size + 1), *at = doc;
	at += sprintf(at, "%s", head);
	memset(at, ' ', blanks);
	at += blanks;
	sprintf(at, "%s%s%s%s", first, between, second, tail);
	/* line 2 starts after the declaration's line break; columns count from 1 */
	size_t line2 = (size_t)(strchr(doc, '\n') + 1 - doc);
	unsigned long column1 = (unsigned long)(at - doc - line2 + strlen(first));
	unsigned long column2 = column1 + strlen(between) + strlen(second);
	assert_true(column1 > ((unsigned long)1 << 25));

	/* the strict load's error: the first item */
	outcome o = load_buffer(doc, size, "far.xml", CISPREF_LOAD_DEFAULT);
	assert_rejected(&o, CISPREF_ERULE, "far.xml", 2, column1,
	                "'c.nowhere', which does not exist [concept-unknown]");

	/* the validator's findings: each item at its own column */
	o = load_buffer(doc, size, "far.xml", CISPREF_LOAD_LENIENT);
	assert_int_equal(o.rc, CISPREF_OK);
	cispref_diagnostics *list = NULL;
	assert_int_equal(cispref_validate(&list, o.ref), CISPREF_OK);
	size_t found = 0;
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		if (strcmp(cispref_diagnostic_tag(d), "concept-unknown") != 0)
			continue;
		int second_item = strcmp(cispref_diagnostic_node_id(d), "d.ind.1.sf.2") == 0;
		assert_int_equal(cispref_diagnostic_line(d), 2);
		assert_int_equal(cispref_diagnostic_column(d), second_item ? column2 : column1);
		found++;
	}
	assert_int_equal(found, 2);
	cispref_diagnostics_free(list);
	outcome_free(&o);
	free(doc);
}

static void attribute_over_limit_rejected(void **state)
{
	(void)state;
	size_t n = CISPREF_MAX_TEXT_LENGTH + 1;
	static const char head[] = XML_DECL ROOT "\n  <title>Mini</title>\n  <notes><note id=\"n\" number=\"";
	static const char tail[] = "\">N</note></notes>\n</referential>\n";
	char *doc = xmalloc(sizeof head + n + sizeof tail);
	memcpy(doc, head, sizeof head - 1);
	memset(doc + sizeof head - 1, '9', n);
	memcpy(doc + sizeof head - 1 + n, tail, sizeof tail);
	outcome o = load_buffer(doc, strlen(doc), "long-attribute.xml", CISPREF_LOAD_LENIENT);
	assert_rejected(&o, CISPREF_ELIMIT, "long-attribute.xml", 4, ANY,
	                "attribute 'number' is longer than 1048576 bytes");
	free(doc);
}

/* A document whose <note> start tag takes @length bytes from its '<' to its '>'. */
static char *document_with_tag_of(size_t length)
{
	static const char head[] = XML_DECL ROOT "\n  <title>Mini</title>\n  <notes>";
	static const char open[] = "<note id=\"n\" number=\"";
	static const char tail[] = "\">N</note></notes>\n</referential>\n";
	size_t digits = length - (sizeof open - 1) - 2;
	char *doc = xmalloc(sizeof head + sizeof open + digits + sizeof tail);
	char *at = doc;
	memcpy(at, head, sizeof head - 1);
	at += sizeof head - 1;
	memcpy(at, open, sizeof open - 1);
	at += sizeof open - 1;
	memset(at, '9', digits);
	memcpy(at + digits, tail, sizeof tail);
	return doc;
}

/* libxml2's push parser holds a start tag until its '>' arrives and, past
 * XML_MAX_LOOKUP_LIMIT (10 000 000) bytes with what it parsed around it, halts with
 * "internal error: Huge input lookup" (or "AttValue length too long"), depending on where
 * the chunks fell. The loader refuses a tag over CISPREF_MAX_MARKUP_LENGTH itself, naming
 * it and its place, unless the caller lifted the text limit (libxml2 then has none). */
static void tag_over_parser_limit_rejected(void **state)
{
	(void)state;
	const size_t limit = CISPREF_MAX_MARKUP_LENGTH;
	cispref_load_options options = load_options_with(CISPREF_LOAD_LENIENT);
	options.max_text_length = 10 * 1000 * 1000; /* libxml2's text limit: not lifted */
	cispref_referential *ref = NULL;
	cispref_error error;

	char *doc = document_with_tag_of(limit);
	assert_int_equal(cispref_referential_load_memory(&ref, doc, strlen(doc), NULL, &options,
	                                                 &error), CISPREF_OK);
	assert_int_equal(strlen(cispref_note_number(cispref_referential_note(ref, 0))),
	                 limit - strlen("<note id=\"n\" number=\"\">"));
	cispref_referential_free(ref);
	free(doc);

	/* one byte more; line 4 is "  <notes><note ...": the tag's '<' is in column 10 */
	doc = document_with_tag_of(limit + 1);
	for (int lifted = 0; lifted < 2; lifted++) {
		options.max_text_length = lifted ? CISPREF_MAX_TEXT_LENGTH : 10 * 1000 * 1000;
		outcome o;
		outcome_init(&o);
		QUIETLY(&o, cispref_referential_load_memory(&o.ref, doc, strlen(doc), "long-tag.xml",
		                                            &options, &o.err));
		assert_rejected(&o, CISPREF_ELIMIT, "long-tag.xml", 4, 10,
		                "the start tag of element 'note' is longer than 8388608 bytes");
	}
	options.max_text_length = 0;
	assert_int_equal(cispref_referential_load_memory(&ref, doc, strlen(doc), NULL, &options,
	                                                 &error), CISPREF_OK);
	cispref_referential_free(ref);
	free(doc);

	/* a comment, closed one byte over the limit, or never closed: refused on its length
	 * when closed, and as soon as what the parser would hold passes the limit when not */
	static const char head[] = XML_DECL "<!--";
	for (int closed = 0; closed < 2; closed++) {
		/* "<!--", the x's and "-->" come to limit + 1 bytes */
		size_t xs = closed ? limit + 1 - 7 : limit + 1;
		size_t size = sizeof head - 1 + xs + (closed ? 3 : 0);
		doc = xmalloc(size);
		memcpy(doc, head, sizeof head - 1);
		memset(doc + sizeof head - 1, 'x', xs);
		if (closed)
			memcpy(doc + size - 3, "-->", 3);
		outcome o = load_buffer(doc, size, "long-comment.xml", CISPREF_LOAD_LENIENT);
		assert_rejected(&o, CISPREF_ELIMIT, "long-comment.xml", 2, 1,
		                "a comment is longer than 8388608 bytes");
		free(doc);
	}
}

/* A document cut inside markup is not well-formed (XML 1.0, section 2.1): each is refused
 * as such, at the '<' of the markup it ends in. libxml2 by itself took "<refer" at the end
 * for a whole element (and the loader then refused its namespace), and named others by
 * the token it missed ("AttValue: ' expected"). */
static void cut_in_markup_rejected(void **state)
{
	(void)state;
	static const char whole[] = XML_DECL ROOT "\n  <title>Mini</title>\n"
	                            "  <!-- a comment -->\n  <?pi data?>\n"
	                            "  <notes><note id=\"n\" number=\"1\"><![CDATA[N]]></note></notes>\n"
	                            "</referential>\n";
	static const struct {
		const char *cut_after; /* the document ends right after this */
		const char *what;
	} cuts[] = {
		{"<refer", "the document ends inside the start tag of element 'refer'"},
		{"format-version=\"", "the document ends inside the start tag of element 'referential'"},
		{"<title>Mini<", "the document ends after '<'"},
		{"<title>Mini</tit", "the document ends inside an end tag"},
		{"<!-- a com", "the document ends inside a comment"},
		{"<?pi da", "the document ends inside a processing instruction"},
		{"<![CDATA[N]", "the document ends inside a CDATA section"},
		{"<![CDA", "the document ends inside a declaration ('<!')"},
		{"number=\"1\"", "the document ends inside the start tag of element 'note'"},
	};
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		const char *at = strstr(whole, cuts[i].cut_after);
		assert_non_null(at);
		size_t size = (size_t)(at - whole) + strlen(cuts[i].cut_after);
		/* the place of the last '<': its line, and its column (ASCII: in bytes) */
		const char *last = whole;
		for (const char *p = whole; p < whole + size; p++)
			if (*p == '<')
				last = p;
		unsigned long line = 1;
		const char *line_start = whole;
		for (const char *p = whole; p < last; p++)
			if (*p == '\n')
				line++, line_start = p + 1;
		outcome o = load_buffer(whole, size, "cut.xml", CISPREF_LOAD_LENIENT);
		assert_rejected(&o, CISPREF_EXML, "cut.xml", line,
		                (unsigned long)(last - line_start) + 1, cuts[i].what);
	}
	/* and the whole document loads */
	outcome o = load_buffer(whole, sizeof whole - 1, "whole.xml", CISPREF_LOAD_LENIENT);
	assert_int_equal(o.rc, CISPREF_OK);
	outcome_free(&o);
}

/* ---- escapes are decoded ---------------------------------------------------------- */

static void attribute_escapes_decoded(void **state)
{
	(void)state;
	outcome o = load_fixture("load-escapes.xml", CISPREF_LOAD_DEFAULT);
	assert_silent(&o);
	assert_int_equal(o.rc, CISPREF_OK);
	/* number="2&amp;3 &lt;&gt; &quot;q&quot; &apos;a&apos; &#233;&#x41; &amp;#38;" */
	assert_string_equal(cispref_note_number(cispref_referential_find_note(o.ref, "n.1")),
	                    "2&3 <> \"q\" 'a' \xc3\xa9" "A &#38;");
	outcome_free(&o);

	static const char doc[] = XML_DECL ROOT "\n  <title>Mini</title>\n  <notes><note id=\"n\" "
	                          "number=\"2&amp;3\">N</note></notes>\n</referential>\n";
	o = load_buffer(doc, sizeof doc - 1, "amp.xml", CISPREF_LOAD_LENIENT);
	assert_silent(&o);
	assert_int_equal(o.rc, CISPREF_OK);
	assert_string_equal(cispref_note_number(cispref_referential_find_note(o.ref, "n")), "2&3");
	outcome_free(&o);
}

static void text_escapes_decoded(void **state)
{
	(void)state;
	outcome o = load_fixture("load-escapes.xml", CISPREF_LOAD_DEFAULT);
	assert_silent(&o);
	assert_int_equal(o.rc, CISPREF_OK);
	/* Tom &amp; Jerry &lt;3 <![CDATA[<b>&amp;</b>]]> caf&#233; &#x41;&#38; */
	assert_string_equal(cispref_item_text(cispref_referential_find_item(o.ref, "d.ind.1.sf.1")),
	                    "Tom & Jerry <3 <b>&amp;</b> caf\xc3\xa9 A&");
	assert_string_equal(cispref_referential_title(o.ref), "Mini");
	outcome_free(&o);
}

/* ---- files ------------------------------------------------------------------------ */

static void nonexistent_path_rejected(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char path[4200];
	snprintf(path, sizeof path, "%s/does-not-exist.xml", dir);
	outcome o = load_path(path, CISPREF_LOAD_DEFAULT);
	assert_contains(o.err.text, path);
	assert_rejected(&o, CISPREF_EIO, path, 0, 0, "No such file");
	rmdir(dir);
	free(dir);
}

static void directory_rejected(void **state)
{
	(void)state;
	char *dir = temp_dir();
	outcome o = load_path(dir, CISPREF_LOAD_DEFAULT);
	assert_contains(o.err.text, dir);
	assert_rejected(&o, CISPREF_EIO, dir, 0, 0, "directory");
	rmdir(dir);
	free(dir);
}

/* ---- arguments -------------------------------------------------------------------- */

static void assert_einval(int rc, cispref_referential *out, const cispref_error *err)
{
	assert_int_equal(rc, CISPREF_EARG);
	assert_ptr_equal(out, SENTINEL);
	if (err) {
		assert_int_equal(err->code, CISPREF_EARG);
		assert_string_not_equal(err->text, "");
	}
}

/* @call, made with error record @e (&err or NULL), fails with CISPREF_EARG. */
#define EXPECT_EARG(call)                          \
	do {                                         \
		memset(&err, 0, sizeof err);         \
		assert_einval((call), out, e);       \
	} while (0)

static void null_arguments_rejected(void **state)
{
	(void)state;
	cispref_referential *out = SENTINEL;
	cispref_error err;
	cispref_error *errs[] = {&err, NULL};
	const char *path = fixture("load-valid.xml");
	FILE *stream = fopen(path, "rb");
	assert_non_null(stream);
	for (int i = 0; i < 2; i++) {
		cispref_error *e = errs[i];
		EXPECT_EARG(cispref_referential_load_file(NULL, path, NULL, e));
		EXPECT_EARG(cispref_referential_load_file(&out, NULL, NULL, e));
		EXPECT_EARG(cispref_referential_load_memory(NULL, "<x/>", 4, "m", NULL, e));
		EXPECT_EARG(cispref_referential_load_memory(&out, NULL, 4, "m", NULL, e));
		EXPECT_EARG(cispref_referential_load_fd(NULL, fileno(stream), "f", NULL, e));
		EXPECT_EARG(cispref_referential_load_fd(&out, -1, "f", NULL, e));
		EXPECT_EARG(cispref_referential_load_stream(NULL, stream, "s", NULL, e));
		EXPECT_EARG(cispref_referential_load_stream(&out, NULL, "s", NULL, e));
		EXPECT_EARG(cispref_referential_load_default(NULL, e));
	}
	/* nothing was read from the stream */
	assert_int_equal(ftell(stream), 0);
	fclose(stream);
	/* NULL data with size 0 is an empty buffer, not a bad argument */
	assert_int_equal(cispref_referential_load_memory(&out, NULL, 0, NULL, NULL, &err), CISPREF_EXML);
	assert_ptr_equal(out, SENTINEL);
	assert_string_equal(err.source, "<memory>");
}

/* A document cut inside a character is not well-formed either: its last bytes are no
 * character of its encoding (RFC 3629 for UTF-8: a lead byte announces how many
 * continuation bytes follow; RFC 2781 for UTF-16: code units of two bytes). libxml2
 * called the first "internal error: detected an error in element content" and took a
 * UTF-16 document with one stray byte at its end for whole. */
static void cut_in_character_rejected(void **state)
{
	(void)state;
	static const char whole[] = XML_DECL ROOT "\n  <title>Mini \xE2\x82\xAC</title>\n"
	                            "</referential>\n";
	const char *euro = strstr(whole, "\xE2");
	for (size_t bytes = 1; bytes <= 2; bytes++) {
		outcome o = load_buffer(whole, (size_t)(euro - whole) + bytes, "cut.xml",
		                        CISPREF_LOAD_LENIENT);
		assert_rejected(&o, CISPREF_EXML, "cut.xml", 3, ANY,
		                "the document ends inside a character (its UTF-8 bytes cut short)");
	}
	/* whole characters: the cut is in text, as before */
	outcome o = load_buffer(whole, (size_t)(euro - whole) + 3, "cut.xml", CISPREF_LOAD_LENIENT);
	assert_rejected(&o, CISPREF_EXML, "cut.xml", ANY, ANY,
	                "the document ends before element 'title' is closed");

	/* the same document in UTF-16 (little-endian, with its byte order mark), one byte
	 * left over at the end */
	static const char ascii[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" ROOT
	                            "\n  <title>Mini</title>\n</referential>\n";
	size_t n = sizeof ascii - 1, size = 2 + 2 * n + 1;
	char *utf16 = xmalloc(size);
	memcpy(utf16, "\xFF\xFE", 2);
	for (size_t i = 0; i < n; i++) {
		utf16[2 + 2 * i] = ascii[i];
		utf16[3 + 2 * i] = 0;
	}
	utf16[size - 1] = '\n';
	o = load_buffer(utf16, size - 1, "whole16.xml", CISPREF_LOAD_LENIENT);
	assert_int_equal(o.rc, CISPREF_OK);
	outcome_free(&o);
	o = load_buffer(utf16, size, "cut16.xml", CISPREF_LOAD_LENIENT);
	assert_rejected(&o, CISPREF_EXML, "cut16.xml", 5, ANY,
	                "the document ends inside a character (a UTF-16 code unit cut short)");
	free(utf16);
}

/* In another encoding than UTF-8, libxml2 holds markup decoded to UTF-8, where a
 * character may take up to 3 bytes: a comment of 3 000 000 'é' in ISO-8859-1 (3 MB in the
 * file, 6 MB decoded) passed the scan and met libxml2's "Huge input lookup". The limit
 * is counted in characters there: CISPREF_MAX_MARKUP_LENGTH / 3. */
static void markup_limit_in_other_encodings(void **state)
{
	(void)state;
	static const char head[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!--";
	static const char tail[] = "-->\n" ROOT "\n  <title>Mini</title>\n</referential>\n";
	const size_t limit = CISPREF_MAX_MARKUP_LENGTH / 3;
	char expected[160];
	snprintf(expected, sizeof expected, "a comment is longer than %zu characters (the XML "
	         "parser's limit is %zu bytes once in UTF-8)", limit, CISPREF_MAX_MARKUP_LENGTH);
	for (int over = 0; over < 2; over++) {
		/* "<!--", the é's and "-->" come to limit (+ 1) characters */
		size_t e_count = limit - 7 + (size_t)over;
		size_t size = sizeof head - 1 + e_count + sizeof tail - 1;
		char *doc = xmalloc(size);
		memcpy(doc, head, sizeof head - 1);
		memset(doc + sizeof head - 1, '\xE9', e_count);
		memcpy(doc + sizeof head - 1 + e_count, tail, sizeof tail - 1);
		outcome o = load_buffer(doc, size, "latin1.xml", CISPREF_LOAD_LENIENT);
		if (over) {
			assert_rejected(&o, CISPREF_ELIMIT, "latin1.xml", 2, 1,
			                expected);
		} else {
			assert_int_equal(o.rc, CISPREF_OK);
			outcome_free(&o);
		}
		free(doc);
	}
}

/* libxml2 words two faults with its own tokens, or as its internal error: the loader
 * says what is wrong in the document (XML 1.0 section 4.1, references end with ';';
 * section 3.1, content holds elements, character data, references, CDATA sections,
 * processing instructions and comments, no declaration). */
static void libxml2_wording_replaced(void **state)
{
	(void)state;
	static const struct {
		const char *title, *what;
	} cases[] = {
		{"<title>a &amp b</title>", "an entity reference lacks its ';'"},
		{"<!DOCTYPE x><title>a</title>", "markup that cannot be in an element's content"},
		{"<!ELEMENT x><title>a</title>", "markup that cannot be in an element's content"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char doc[512];
		snprintf(doc, sizeof doc, "%s%s\n  %s\n</referential>\n", XML_DECL, ROOT, cases[i].title);
		outcome o = load_buffer(doc, strlen(doc), "w.xml", CISPREF_LOAD_LENIENT);
		assert_rejected(&o, CISPREF_EXML, "w.xml", 3, ANY, cases[i].what);
	}
}

/* A flag this library does not know is refused, for every version of the options and
 * every reader (the positioning's too), with what the library knows. */
static void unknown_flags_rejected(void **state)
{
	(void)state;
	static const char doc[] = XML_DECL ROOT "\n  <title>Mini</title>\n</referential>\n";
	for (unsigned version = 1; version <= CISPREF_LOAD_OPTIONS_VERSION; version++) {
		cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
		options.version = version;
		options.flags = CISPREF_LOAD_LENIENT | 0x80;
		cispref_referential *ref = SENTINEL;
		cispref_error error;
		assert_int_equal(cispref_referential_load_memory(&ref, doc, sizeof doc - 1, "f.xml",
		                                                 &options, &error), CISPREF_EARG);
		assert_ptr_equal(ref, SENTINEL);
		assert_string_equal(error.text, "invalid argument: unknown load flags 0x80 (this "
		                                "library knows CISPREF_LOAD_LENIENT, 0x1)");
		cispref_positioning *pos = NULL;
		assert_int_equal(cispref_positioning_load_memory(&pos, doc, sizeof doc - 1, "p.xml",
		                                                 &options, &error), CISPREF_EARG);
		assert_null(pos);
		options.flags = CISPREF_LOAD_LENIENT;
		assert_int_equal(cispref_referential_load_memory(&ref, doc, sizeof doc - 1, "f.xml",
		                                                 &options, &error), CISPREF_OK);
		cispref_referential_free(ref);
	}
}

static void bad_input_with_null_error(void **state)
{
	(void)state;
	outcome o;
	outcome_init(&o);
	QUIETLY(&o, cispref_referential_load_memory(&o.ref, "hello", 5, NULL, NULL, NULL));
	assert_silent(&o);
	assert_int_equal(o.rc, CISPREF_EXML);
	assert_ptr_equal(o.ref, SENTINEL);
	outcome_free(&o);
	QUIETLY(&o, cispref_referential_load_file(&o.ref, fixture("load-duplicate-id.xml"), NULL, NULL));
	assert_silent(&o);
	assert_int_equal(o.rc, CISPREF_ERULE);
	assert_ptr_equal(o.ref, SENTINEL);
	outcome_free(&o);
}

/* ---- the four entry points agree -------------------------------------------------- */

static void entry_points_give_equal_referentials(void **state)
{
	(void)state;
	const char *path = DATA_DIR "/accompagnement-cisp.xml";
	size_t size = 0;
	char *data = read_whole_file(path, &size);
	assert_non_null(data);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	FILE *stream = fopen(path, "rb");
	assert_non_null(stream);

	outcome file = load_path(path, CISPREF_LOAD_DEFAULT), memory, byfd, bystream;
	outcome_init(&memory);
	outcome_init(&byfd);
	outcome_init(&bystream);
	QUIETLY(&memory, cispref_referential_load_memory(&memory.ref, data, size, "mem.xml", NULL,
	                                                 &memory.err));
	QUIETLY(&byfd, cispref_referential_load_fd(&byfd.ref, fd, "fd.xml", NULL, &byfd.err));
	QUIETLY(&bystream, cispref_referential_load_stream(&bystream.ref, stream, "stream.xml", NULL,
	                                                   &bystream.err));
	outcome *all[] = {&file, &memory, &byfd, &bystream};
	const char *names[] = {path, "mem.xml", "fd.xml", "stream.xml"};
	for (int i = 0; i < 4; i++) {
		assert_silent(all[i]);
		if (all[i]->rc != CISPREF_OK)
			fail_msg("loading as %s failed: %s", names[i], all[i]->err.text);
		assert_int_equal(all[i]->err.code, 12345);
		assert_string_equal(cispref_referential_origin(all[i]->ref), names[i]);
		assert_true(cispref_referential_equal(file.ref, all[i]->ref));
	}
	assert_int_equal(cispref_referential_domain_count(file.ref), 5);

	/* neither the descriptor nor the stream was closed */
	char first;
	assert_true(fcntl(fd, F_GETFD) != -1);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(read(fd, &first, 1), 1);
	assert_int_equal(first, '<');
	assert_int_equal(close(fd), 0);
	assert_true(feof(stream));
	rewind(stream);
	assert_int_equal(fgetc(stream), '<');
	assert_int_equal(fclose(stream), 0);

	for (int i = 0; i < 4; i++)
		outcome_free(all[i]);
	free(data);
}

static void default_names(void **state)
{
	(void)state;
	const char *path = fixture("load-valid.xml");
	size_t size = 0;
	char *data = read_whole_file(path, &size);
	assert_non_null(data);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	FILE *stream = fopen(path, "rb");
	assert_non_null(stream);
	cispref_referential *m = NULL, *f = NULL, *s = NULL;
	cispref_error err;
	assert_int_equal(cispref_referential_load_memory(&m, data, size, NULL, NULL, &err), 0);
	assert_int_equal(cispref_referential_load_fd(&f, fd, NULL, NULL, &err), 0);
	assert_int_equal(cispref_referential_load_stream(&s, stream, NULL, NULL, &err), 0);
	char fd_name[32];
	snprintf(fd_name, sizeof fd_name, "<fd %d>", fd);
	assert_string_equal(cispref_referential_origin(m), "<memory>");
	assert_string_equal(cispref_referential_origin(f), fd_name);
	assert_string_equal(cispref_referential_origin(s), "<stream>");
	assert_true(cispref_referential_equal(m, f));
	assert_true(cispref_referential_equal(m, s));
	cispref_referential_free(m);
	cispref_referential_free(f);
	cispref_referential_free(s);
	close(fd);
	fclose(stream);
	free(data);

	outcome o = load_buffer("hello", 5, NULL, 0);
	assert_rejected(&o, CISPREF_EXML, "<memory>", 1, ANY, "'<' not found");
}

static void default_referential_loads(void **state)
{
	(void)state;
	outcome o;
	outcome_init(&o);
	QUIETLY(&o, cispref_referential_load_default(&o.ref, &o.err));
	assert_silent(&o);
	assert_int_equal(o.rc, CISPREF_OK);
	assert_int_equal(o.err.code, 12345);
	assert_int_equal(cispref_referential_domain_count(o.ref), 5);
	assert_string_equal(cispref_referential_origin(o.ref), CISPREF_DEFAULT_NAME);

	outcome file = load_path(DATA_DIR "/accompagnement-cisp.xml", CISPREF_LOAD_DEFAULT);
	assert_int_equal(file.rc, CISPREF_OK);
	assert_true(cispref_referential_equal(o.ref, file.ref));
	outcome_free(&file);
	outcome_free(&o);
}

int main(void)
{
	static const struct CMUnitTest functions[] = {
		cmocka_unit_test(capture_catches_output),
		cmocka_unit_test(undeclared_entity_rejected),
		cmocka_unit_test(invalid_bytes_in_declared_encoding_rejected),
		cmocka_unit_test(doctype_external_entity_rejected),
		cmocka_unit_test(entity_bomb_rejected_quickly),
		cmocka_unit_test(deep_unknown_elements_rejected),
		cmocka_unit_test(deep_domains_rejected),
		cmocka_unit_test(text_50mb_rejected),
		cmocka_unit_test(text_one_byte_over_limit_rejected),
		cmocka_unit_test(text_up_to_limit_accepted),
		cmocka_unit_test(far_columns_kept),
		cmocka_unit_test(attribute_over_limit_rejected),
		cmocka_unit_test(tag_over_parser_limit_rejected),
		cmocka_unit_test(cut_in_markup_rejected),
		cmocka_unit_test(unknown_flags_rejected),
		cmocka_unit_test(cut_in_character_rejected),
		cmocka_unit_test(markup_limit_in_other_encodings),
		cmocka_unit_test(libxml2_wording_replaced),
		cmocka_unit_test(attribute_escapes_decoded),
		cmocka_unit_test(text_escapes_decoded),
		cmocka_unit_test(nonexistent_path_rejected),
		cmocka_unit_test(directory_rejected),
		cmocka_unit_test(null_arguments_rejected),
		cmocka_unit_test(bad_input_with_null_error),
		cmocka_unit_test(entry_points_give_equal_referentials),
		cmocka_unit_test(default_names),
		cmocka_unit_test(default_referential_loads),
	};
	/* One test per row of refused[], named after its fixture and message, so that a
	 * failure says which row and the other rows still run. */
	static char names[N_ELEMENTS(refused)][256];
	struct CMUnitTest tests[N_ELEMENTS(functions) + N_ELEMENTS(refused)];
	memcpy(tests, functions, sizeof functions);
	for (size_t i = 0; i < N_ELEMENTS(refused); i++) {
		snprintf(names[i], sizeof names[i], "%s: %s", refused[i].name, refused[i].what);
		tests[N_ELEMENTS(functions) + i] = (struct CMUnitTest){
			names[i], fixture_refused, NULL, NULL, (void *)&refused[i]};
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
