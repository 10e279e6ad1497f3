/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Merging a translated catalogue (po.h, doc/translation.md): read with GNU gettext's
 * libgettextpo, checked message by message, and only then applied, so that a refused
 * catalogue changes nothing. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <gettext-po.h>

#include "langtag.h"
#include "private.h"

/* ---- libgettextpo's errors ---------------------------------------------------------- */

/* libgettextpo calls its handler through global variables it sets for the time of a
 * read: one read at a time in the process, and the handler's state is global too. */
static pthread_mutex_t po_lock = PTHREAD_MUTEX_INITIALIZER;

static struct {
	char text[CISPREF_ERROR_TEXT_LENGTH]; /* the first error */
	unsigned long line;
	int errors;
	jmp_buf fatal; /* a fatal error must not return to libgettextpo */
} po_state;

static void on_error(int severity, po_message_t message, const char *filename, size_t line,
                     size_t column, int multiline, const char *text)
{
	(void)message;
	(void)filename;
	(void)column;
	(void)multiline;
	if (severity == PO_SEVERITY_WARNING)
		return;
	if (!po_state.errors++) {
		snprintf(po_state.text, sizeof po_state.text, "%s", text ? text : "error");
		/* a message on several lines: its first line is enough */
		po_state.text[strcspn(po_state.text, "\n")] = '\0';
		cispref__utf8_trim(po_state.text, strlen(po_state.text));
		po_state.line = filename && line != (size_t)-1 ? (unsigned long)line : 0;
	}
	/* Never seen from po_file_read() (it reports every syntax error as an error and goes
	 * on), but the interface requires it; what libgettextpo had allocated is lost. */
	if (severity == PO_SEVERITY_FATAL_ERROR)
		longjmp(po_state.fatal, 1);
}

static void on_error2(int severity, po_message_t message1, const char *filename1,
                      size_t line1, size_t column1, int multiline1, const char *text1,
                      po_message_t message2, const char *filename2, size_t line2,
                      size_t column2, int multiline2, const char *text2)
{
	(void)message2;
	(void)filename2;
	(void)line2;
	(void)column2;
	(void)multiline2;
	(void)text2;
	on_error(severity, message1, filename1, line1, column1, multiline1, text1);
}

static const struct po_xerror_handler handler = {on_error, on_error2};

/* Read @path into *@out: CISPREF_OK, or a failure with @error filled. Under po_lock. */
static int read_catalogue(po_file_t *out, const char *path, cispref_error *error)
{
	memset(&po_state, 0, sizeof po_state);
	volatile po_file_t file = NULL;
	volatile int errnum = 0;
	if (setjmp(po_state.fatal) == 0) {
		errno = 0;
		file = po_file_read(path, &handler);
		errnum = errno;
	}
	*out = NULL;
	if (po_state.errors) {
		if (file)
			po_file_free(file);
		cispref__error_set(error, CISPREF_EFORMAT, path, po_state.line, 0, "%s",
		                   po_state.text);
		return CISPREF_EFORMAT;
	}
	if (!file) {
		cispref__error_set(error, CISPREF_EIO, path, 0, 0, "cannot read the catalogue: %s",
		                   strerror(errnum ? errnum : EIO));
		cispref__error_set_errnum(error, errnum);
		return CISPREF_EIO;
	}
	*out = file;
	return CISPREF_OK;
}

/* ---- lines ------------------------------------------------------------------------- */

/* The line of each message's msgid, in the order of the file: libgettextpo gives the
 * messages in that order but not their lines, so the file is scanned for the keyword at
 * the start of a line (obsolete messages, "#~ msgid", are comments to this scan as they
 * are skipped below). Lines past the end of the array stay unknown (0). */
typedef struct lines {
	unsigned long *at;
	size_t count, next;
} lines;

/* 0, or -1 when out of memory. */
static int scan_lines(lines *out, const char *path)
{
	*out = (lines){0};
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0; /* read a moment ago: the lines stay unknown */
	char buffer[4096];
	unsigned long line = 0;
	size_t capacity = 0;
	int start = 1, rc = 0;
	while (fgets(buffer, sizeof buffer, f)) {
		line += start;
		const char *p = buffer + strspn(buffer, " \t");
		if (start && strncmp(p, "msgid", 5) == 0 && (p[5] == ' ' || p[5] == '\t' || p[5] == '"')) {
			if (out->count == capacity) {
				capacity = capacity ? capacity * 2 : 256;
				unsigned long *grown = realloc(out->at, capacity * sizeof *grown);
				if (!grown) {
					rc = -1;
					break;
				}
				out->at = grown;
			}
			out->at[out->count++] = line;
		}
		start = strchr(buffer, '\n') != NULL;
	}
	fclose(f);
	return rc;
}

/* ---- checking the messages ------------------------------------------------------- */

typedef struct accepted {
	const node *n;        /* a node's text; NULL for a text of the front matter or title */
	fm_text fm;           /* which one, then */
	cispref_rich_text *rich; /* a rich text's translation, parsed from its msgstr */
	const char *text;     /* libgettextpo's, valid until the file is freed */
	char source_hash[17]; /* of the msgid */
} accepted;

typedef struct merge {
	cispref_referential *ref;
	const char *path;
	cispref_diagnostics *report;
	lines lines;
	accepted *list;
	size_t count;
	int failed;
} merge;

static void note(merge *m, cispref_severity_t severity, const char *tag, unsigned long line,
                 const char *id, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void note(merge *m, cispref_severity_t severity, const char *tag, unsigned long line,
                 const char *id, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (cispref__diagnostics_addv(m->report, severity, tag, m->path, line, id, fmt, ap) != 0)
		m->failed = 1;
	va_end(ap);
}

/* The present text a msgctxt names, into @a: a node's (its id) or, for "OF PART", a
 * text of the front matter or the title, whose markup is malloc'd into *@markup. NULL
 * when it names none (or out of memory: m->failed). */
static const char *source_of(merge *m, const char *context, accepted *a, char **markup)
{
	const char *space = strchr(context, ' ');
	if (!space) {
		a->n = cispref__find(m->ref, context);
		return a->n ? cispref__node_source_text(a->n) : NULL;
	}
	char of[256], why[192];
	if ((size_t)(space - context) >= sizeof of)
		return NULL;
	memcpy(of, context, (size_t)(space - context));
	of[space - context] = '\0';
	if (cispref__fm_resolve(m->ref, of, space + 1, &a->fm, why, sizeof why) != 0)
		return NULL;
	if (!a->fm.rich)
		return a->fm.plain;
	if (!(*markup = cispref__rich_text_markup(a->fm.rich)))
		m->failed = 1;
	return *markup;
}

/* A rich text's msgstr as a rich text (po-invalid-markup when it is not the format's
 * markup or has other note-refs than the text). Parsed into the referential's arena
 * before the catalogue is accepted: a catalogue refused later leaves these unreachable
 * until the referential is freed, which changes none of its content. */
static int parse_msgstr(merge *m, accepted *a, const char *msgstr, unsigned long line,
                        const char *context)
{
	char why[CISPREF_ERROR_TEXT_LENGTH];
	int rc = cispref__markup_parse(m->ref, msgstr, a->fm.rich, &a->rich, why, sizeof why);
	if (rc == CISPREF_ENOMEM)
		m->failed = 1;
	else if (rc)
		note(m, CISPREF_SEVERITY_WARNING, "po-invalid-markup", line, a->fm.of,
		     "the translation of '%s' is refused: %s", context, why);
	return rc;
}

/* Check one message; accept it into m->list or report why not. */
static void check_message(merge *m, po_message_t message, unsigned long line)
{
	const char *context = po_message_msgctxt(message);
	const char *msgid = po_message_msgid(message);
	const char *msgstr = po_message_msgstr(message);
	if (!context) {
		if (*msgid) /* the header aside */
			note(m, CISPREF_SEVERITY_WARNING, "po-no-context", line, NULL,
			     "a message without msgctxt, which names the node it translates");
		return;
	}
	accepted cand = {0};
	char *markup = NULL;
	const char *source = source_of(m, context, &cand, &markup);
	const char *id = cand.n ? cand.n->id : cand.fm.of; /* the diagnostic's node */
	if (m->failed)
		return;
	if (!source && cand.fm.slot)
		source = ""; /* a title a builder left unset: named all the same */
	if (!source)
		note(m, CISPREF_SEVERITY_WARNING, "po-unknown-context", line, NULL,
		     "the msgctxt names no node that holds a text");
	else if (po_message_msgid_plural(message))
		note(m, CISPREF_SEVERITY_WARNING, "po-plural", line, id,
		     "a message with plural forms: the texts of a referential have none");
	else if (po_message_is_fuzzy(message))
		note(m, CISPREF_SEVERITY_WARNING, "po-fuzzy", line, id,
		     "the translation of '%s' is marked fuzzy: not merged until a translator "
		     "checks it", context);
	else if (!*msgstr)
		note(m, CISPREF_SEVERITY_INFO, "po-untranslated", line, id, "'%s' is not translated",
		     context);
	else if (strlen(msgstr) > CISPREF_MAX_TEXT_LENGTH)
		note(m, CISPREF_SEVERITY_WARNING, "po-text-too-long", line, id,
		     "the translation of '%s' is longer than %d bytes", context,
		     CISPREF_MAX_TEXT_LENGTH);
	else if (!cispref__text_is_valid(msgstr))
		note(m, CISPREF_SEVERITY_WARNING, "po-invalid-text", line, id,
		     "the translation of '%s' is not valid UTF-8 or holds a control character", context);
	else if (!cand.fm.rich || parse_msgstr(m, &cand, msgstr, line, context) == 0) {
		accepted *a = &m->list[m->count++];
		*a = cand;
		a->text = msgstr;
		cispref__translation_hash(a->source_hash, msgid);
		if (strcmp(msgid, source) != 0)
			note(m, CISPREF_SEVERITY_INFO, "po-source-changed", line, id,
			     "the msgid of '%s' is not its present text: merged, and outdated", context);
	}
	free(markup);
}

/* The header's Content-Type names UTF-8 ("text/plain; charset=UTF-8"). */
static int header_is_utf8(const char *header)
{
	char *type = header ? po_header_field(header, "Content-Type") : NULL;
	const char *charset = type ? strstr(type, "charset=") : NULL;
	int ok = charset && strncasecmp(charset + 8, "UTF-8", 5) == 0 &&
	         strchr(" \t;", charset[13]) != NULL;
	free(type);
	return ok;
}

/* The catalogue's language into @out (@size bytes): @given, or the header's Language
 * field with '_' read as '-' (gettext writes "nl_BE"). CISPREF_OK or CISPREF_EARG with
 * @error filled. */
static int catalogue_language(char *out, size_t size, const cispref_referential *ref,
                              const char *header, const char *given, const char *path,
                              cispref_error *error)
{
	char *field = header ? po_header_field(header, "Language") : NULL;
	for (char *c = field; c && *c; c++)
		if (*c == '_')
			*c = '-';
	const char *in_header = field && *field ? field : NULL;
	const char *language = given ? given : in_header;
	int rc = CISPREF_EARG;
	langtag tag;
	if (!language)
		cispref__error_set(error, rc, path, 0, 0,
		                   "the catalogue names no language (header field 'Language'): give one");
	else if (given && in_header && strcasecmp(given, in_header) != 0)
		cispref__error_set(error, rc, path, 0, 0,
		                   "the catalogue is in '%.64s', not in '%.64s'", in_header, given);
	else if (strlen(language) >= size || cispref__langtag_parse(&tag, language) != 0)
		cispref__error_set(error, rc, path, 0, 0, "'%.64s' is no BCP 47 language tag", language);
	else if (strcasecmp(language, ref->language) == 0)
		cispref__error_set(error, rc, path, 0, 0,
		                   "'%.64s' is the referential's own language", language);
	else {
		strcpy(out, language);
		rc = CISPREF_OK;
	}
	free(field);
	return rc;
}

/* The header entry's text (the msgstr of the message whose msgid is empty and that has no
 * context), or NULL. Found here rather than with po_file_domain_header(), which declares a
 * const result but returns a copy that libgettextpo 0.21 allocates and nobody frees. */
static const char *header_of(po_file_t file)
{
	const char *header = NULL;
	po_message_iterator_t it = po_message_iterator(file, NULL);
	for (po_message_t msg; !header && (msg = po_next_message(it));)
		if (!po_message_is_obsolete(msg) && !po_message_msgctxt(msg) && !*po_message_msgid(msg))
			header = po_message_msgstr(msg);
	po_message_iterator_free(it);
	return header;
}

/* Check every message of @file into @m. CISPREF_OK, or a failure with @error filled. */
static int check_catalogue(merge *m, po_file_t file, char *language, size_t size,
                           const char *given, cispref_error *error)
{
	const char *header = header_of(file);
	if (!header_is_utf8(header)) {
		cispref__error_set(error, CISPREF_EFORMAT, m->path, 0, 0,
		                   "the catalogue's header does not say charset=UTF-8");
		return CISPREF_EFORMAT;
	}
	int rc = catalogue_language(language, size, m->ref, header, given, m->path, error);
	if (rc)
		return rc;
	size_t count = 0;
	po_message_iterator_t it = po_message_iterator(file, NULL);
	for (po_message_t msg; (msg = po_next_message(it));)
		count += !po_message_is_obsolete(msg);
	po_message_iterator_free(it);
	if (!(m->list = calloc(count ? count : 1, sizeof *m->list)))
		return CISPREF_ENOMEM;
	it = po_message_iterator(file, NULL);
	size_t index = 0;
	for (po_message_t msg; !m->failed && (msg = po_next_message(it));) {
		if (po_message_is_obsolete(msg))
			continue;
		unsigned long line = index < m->lines.count ? m->lines.at[index] : 0;
		index++;
		check_message(m, msg, line);
	}
	po_message_iterator_free(it);
	return m->failed ? CISPREF_ENOMEM : CISPREF_OK;
}

/* A text of the front matter or the title: its parsed rich text, or a copy of its plain
 * msgstr. */
static int apply_fm(merge *m, const accepted *a, const char *language)
{
	char *copy = a->rich ? NULL : cispref__arena_strdup(m->ref->arena, a->text);
	fm_translation *ft = a->rich || copy ? cispref__fm_add(m->ref, &a->fm, language, a->source_hash)
	                                     : NULL;
	if (!ft)
		return CISPREF_ENOMEM;
	ft->rich = a->rich;
	ft->plain = copy;
	return CISPREF_OK;
}

static int apply(merge *m, const char *language)
{
	for (size_t i = 0; i < m->count; i++) {
		const accepted *a = &m->list[i];
		if (!a->n) {
			if (apply_fm(m, a, language) != CISPREF_OK)
				return CISPREF_ENOMEM;
			continue;
		}
		char *copy = cispref__arena_strdup(m->ref->arena, a->text);
		translation *t = copy ? cispref__translation_add(m->ref, a->n, language, a->source_hash)
		                      : NULL;
		if (!t)
			return CISPREF_ENOMEM;
		t->text = copy;
	}
	return CISPREF_OK;
}

static int check_size(const char *path, cispref_error *error)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		int errnum = errno;
		cispref__error_set(error, CISPREF_EIO, path, 0, 0, "cannot read the catalogue: %s",
		                   strerror(errnum));
		cispref__error_set_errnum(error, errnum);
		return CISPREF_EIO;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > CISPREF_DEFAULT_MAX_INPUT_SIZE) {
		cispref__error_set(error, CISPREF_ELIMIT, path, 0, 0,
		                   "the catalogue is larger than %zu bytes",
		                   CISPREF_DEFAULT_MAX_INPUT_SIZE);
		return CISPREF_ELIMIT;
	}
	return CISPREF_OK;
}

int cispref_referential_merge_po(cispref_referential *ref, const char *path,
                                 const char *language, cispref_diagnostics **report,
                                 cispref_error *error)
{
	if (report)
		*report = NULL;
	if (!ref || !path) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "no referential or no path");
		return CISPREF_EARG;
	}
	int rc = check_size(path, error);
	if (rc)
		return rc;
	merge m = {ref, path, cispref__diagnostics_new(), {0}, NULL, 0, 0};
	char tag[64];
	po_file_t file = NULL;
	if (!m.report) {
		rc = CISPREF_ENOMEM;
	} else {
		pthread_mutex_lock(&po_lock);
		rc = read_catalogue(&file, path, error);
		pthread_mutex_unlock(&po_lock);
	}
	if (!rc && scan_lines(&m.lines, path) != 0)
		rc = CISPREF_ENOMEM;
	if (!rc)
		rc = check_catalogue(&m, file, tag, sizeof tag, language, error);
	if (!rc)
		rc = apply(&m, tag);
	if (rc == CISPREF_ENOMEM)
		cispref__error_set(error, rc, path, 0, 0, "out of memory");
	if (file)
		po_file_free(file);
	free(m.lines.at);
	free(m.list);
	if (rc || !report)
		cispref_diagnostics_free(m.report);
	else
		*report = m.report;
	return rc;
}
