/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The hardened reading that every cispref XML reader shares (see sax_load.h): moved out
 * of load.c when a second document type (the positioning) came, so that both refuse the
 * same inputs with the same words. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "sax_load.h"

/* What the parser is handed at a time. libxml2's push parser copies each chunk into its
 * input buffer, which grows to the chunk's size: with 64 KiB chunks the first load of the
 * embedded default (92 KiB) took 94 page faults, 68 with 16 KiB, and 0.91 ms of CPU time
 * instead of 0.81 ms (paired, 15 processes each). A large load does not change (paired
 * 1.01). */
#define CHUNK (16 * 1024)
/* What is read from a descriptor or stream at a time, then handed over a chunk at a time:
 * a fourth of the system calls of reading chunk by chunk. */
#define READ_SIZE (4 * CHUNK)
/* libxml2 (without XML_PARSE_HUGE) halts when the bytes it consumed since it last shrank
 * its input (at most INPUT_CHUNK before a piece of markup), the markup, and what it parsed
 * after it in the same chunk come to more than XML_MAX_LOOKUP_LIMIT: markup within
 * CISPREF_MAX_MARKUP_LENGTH stays under that wherever the chunks fall. */
_Static_assert(CISPREF_MAX_MARKUP_LENGTH + INPUT_CHUNK + CHUNK < XML_MAX_LOOKUP_LIMIT,
               "markup limit too close to libxml2's lookup limit");

/* ---- errors -------------------------------------------------------------------- */

void cispref__sax_vfail(sax_run *run, int code, const char *fmt, va_list ap)
{
	if (run->status)
		return;
	run->status = code;
	if (run->error) {
		char text[CISPREF_ERROR_TEXT_LENGTH];
		vsnprintf(text, sizeof text, fmt, ap);
		unsigned long line = run->ctxt ? (unsigned long)xmlSAX2GetLineNumber(run->ctxt) : 0;
		unsigned long column = run->ctxt ? (unsigned long)xmlSAX2GetColumnNumber(run->ctxt) : 0;
		cispref__error_set(run->error, code, run->name, line, column, "%s", text);
	}
	if (run->ctxt)
		xmlStopParser(run->ctxt);
}

void cispref__sax_fail(sax_run *run, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cispref__sax_vfail(run, code, fmt, ap);
	va_end(ap);
}

int cispref__sax_count_element(sax_run *run)
{
	size_t max = run->options->max_elements;
	if (max && ++run->elements > max) {
		cispref__sax_fail(run, CISPREF_ELIMIT, "the document has more than %zu elements", max);
		return -1;
	}
	return 0;
}

/* libxml2's own messages (well-formedness, encoding, its limits) come here instead of
 * stderr; the first error wins. Says whether @e was taken. */
static int take_xml_error(sax_run *run, xmlErrorPtr e)
{
	if (run->status || e->level < XML_ERR_ERROR)
		return 0;
	/* Out of memory is no fault of the document: no place, the library's words. */
	if (e->code == XML_ERR_NO_MEMORY) {
		run->status = CISPREF_ENOMEM;
		cispref__error_set(run->error, CISPREF_ENOMEM, run->name, 0, 0, "out of memory");
		return 1;
	}
	char text[CISPREF_ERROR_TEXT_LENGTH];
	/* When the input ends, the push parser calls a document with no root element, or
	 * one cut before its root element is closed, "Extra content at the end of the
	 * document", and one whose first element does not start with '<' "Document is
	 * empty": say what is wrong instead. */
	if (e->code == XML_ERR_DOCUMENT_END && run->open_element(run))
		snprintf(text, sizeof text, "the document ends before element '%s' is closed",
		         run->open_element(run));
	else if (e->code == XML_ERR_DOCUMENT_END && !run->seen_root)
		snprintf(text, sizeof text, "the document has no root element");
	else if (e->code == XML_ERR_DOCUMENT_EMPTY)
		snprintf(text, sizeof text, "start tag expected, '<' not found");
	/* two of libxml2's messages that name its own tokens, or call the document's fault
	 * an internal error */
	else if (e->code == XML_ERR_ENTITYREF_SEMICOL_MISSING)
		snprintf(text, sizeof text, "an entity reference lacks its ';' (a '&' of the text "
		                            "is written '&amp;')");
	else if (e->code == XML_ERR_INTERNAL_ERROR && e->message &&
	         strstr(e->message, "detected an error in element content"))
		snprintf(text, sizeof text, "markup that cannot be in an element's content: after "
		                            "'<!' come only a comment ('<!--') or a CDATA section "
		                            "('<![CDATA[')");
	else
		snprintf(text, sizeof text, "%s", e->message ? e->message : "XML error");
	/* libxml2 ends messages with a newline and sometimes splits them over lines. */
	for (char *p = text; *p; p++)
		if (*p == '\n')
			*p = ' ';
	for (size_t n = strlen(text); n > 0 && text[n - 1] == ' '; n--)
		text[n - 1] = '\0';
	run->status = CISPREF_EXML;
	/* An encoding error comes without a place: give the parser's. */
	unsigned long line = (unsigned long)e->line;
	unsigned long column = (unsigned long)(e->int2 > 0 ? e->int2 : 0);
	if (e->line <= 0) {
		line = (unsigned long)xmlSAX2GetLineNumber(run->ctxt);
		column = (unsigned long)xmlSAX2GetColumnNumber(run->ctxt);
	}
	cispref__error_set(run->error, CISPREF_EXML, run->name, line, column, "%s", text);
	return 1;
}

/* Errors of the parser: the first one stops it. */
static void on_xml_error(void *data, xmlErrorPtr e)
{
	sax_run *run = data;
	if (take_xml_error(run, e))
		xmlStopParser(run->ctxt);
}

/* Errors libxml2 raises outside the parser's context (its decoders and iconv on bad
 * bytes) go to the thread's handler, which prints to stderr unless told otherwise. The
 * parser halts by itself after them; stopping it from here, inside the decoder, would
 * free the input the decoder is reading. */
static void on_thread_error(void *data, xmlErrorPtr e)
{
	take_xml_error(data, e);
}

/* libxml2's unstructured messages ("xmlParseChunk: encoder error"): the fault they tell of
 * is reported through xmlParseChunk()'s result. */
static void ignore_message(void *data, const char *format, ...)
{
	(void)data;
	(void)format;
}

static void on_doctype(void *data, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
	(void)name;
	(void)external_id;
	(void)system_id;
	sax_run *run = data;
	cispref__sax_fail(run, CISPREF_EFORMAT,
	                  "document type declarations (<!DOCTYPE>) are not allowed in %s",
	                  run->document);
}


/* ---- attributes ---- */

/* With entity substitution off, libxml2 hands a '&' in an attribute value over as the
 * five characters "&#38;" (a literal '&' cannot occur in well-formed input): decode it.
 * Writes the value and its NUL at @copy; returns the byte after the NUL. */
char *cispref__sax_copy_attribute(char *copy, const xmlChar *value, const xmlChar *end)
{
	size_t len = (size_t)(end - value);
	const xmlChar *amp = memchr(value, '&', len);
	if (!amp) {
		memcpy(copy, value, len);
		copy[len] = '\0';
		return copy + len + 1;
	}
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (value[i] == '&' && len - i >= 5 && memcmp(value + i, "&#38;", 5) == 0) {
			copy[o++] = '&';
			i += 4;
		} else {
			copy[o++] = (char)value[i];
		}
	}
	copy[o] = '\0';
	return copy + o + 1;
}

/* The attribute's name as messages quote it: "xml:lang", "{foreign}name", "id". */
const char *cispref__sax_attribute_name(char *name, size_t size, const char *local, const char *uri)
{
	if (uri && strcmp(uri, (const char *)XML_XML_NAMESPACE) == 0)
		snprintf(name, size, "xml:%s", local);
	else
		snprintf(name, size, "%s%s", uri ? "{foreign}" : "", local);
	cispref__utf8_trim(name, strlen(name));
	return name;
}

/* Whether the attribute @local of namespace @uri is the one @want names: "xml:lang" is
 * in the XML namespace, the others in none. Compared in place: building each name with
 * snprintf() was a tenth of a load's instructions. */
int cispref__sax_attribute_is(const char *want, const char *local, const char *uri)
{
	if (!uri)
		return strcmp(want, local) == 0;
	return strncmp(want, "xml:", 4) == 0 && strcmp(want + 4, local) == 0 &&
	       strcmp(uri, (const char *)XML_XML_NAMESPACE) == 0;
}

int cispref__sax_read_attributes(sax_run *run, const char *element, const char *const *want,
                                 int count, const xmlChar **attrs, char **values, char **buf,
                                 size_t *cap)
{
	int slots[CISPREF__SAX_MAX_ATTRS];
	size_t need = 0;
	/* the set of this kind of element: the list's address, hashed (Fibonacci) */
	size_t set = (size_t)(((uint64_t)(uintptr_t)want * 0x9E3779B97F4A7C15u) >> 60) %
	             CISPREF__SAX_SEEN_SETS;
	for (int i = 0; i < count; i++) {
		const char *local = (const char *)attrs[5 * i], *uri = (const char *)attrs[5 * i + 2];
		char name[128];
		int slot = -1;
		if (i < CISPREF__SAX_MAX_ATTRS && run->attr_seen[set][i].want == want &&
		    run->attr_seen[set][i].local == attrs[5 * i] &&
		    run->attr_seen[set][i].uri == attrs[5 * i + 2]) {
			slot = run->attr_seen[set][i].slot;
		} else {
			for (int a = 0; a < CISPREF__SAX_MAX_ATTRS && want[a]; a++)
				if (cispref__sax_attribute_is(want[a] + (want[a][0] == '?'), local, uri))
					slot = a;
			if (slot >= 0 && i < CISPREF__SAX_MAX_ATTRS) {
				run->attr_seen[set][i].want = want;
				run->attr_seen[set][i].local = attrs[5 * i];
				run->attr_seen[set][i].uri = attrs[5 * i + 2];
				run->attr_seen[set][i].slot = slot;
			}
		}
		/* no duplicates (libxml2 refuses them): an attribute beyond the slots matches
		 * none */
		if (slot < 0 || i >= CISPREF__SAX_MAX_ATTRS) {
			cispref__sax_fail(run, CISPREF_EFORMAT, "element '%s' has no attribute '%s'",
			                  element, cispref__sax_attribute_name(name, sizeof name, local, uri));
			return -1;
		}
		size_t len = (size_t)(attrs[5 * i + 4] - attrs[5 * i + 3]);
		size_t max = run->options->max_text_length;
		if (max && len > max) {
			cispref__sax_fail(run, CISPREF_ELIMIT, "attribute '%s' is longer than %zu bytes",
			                  cispref__sax_attribute_name(name, sizeof name, local, uri), max);
			return -1;
		}
		slots[i] = slot;
		need += len + 1;
	}
	if (need > *cap) {
		char *grown = realloc(*buf, need * 2);
		if (!grown) {
			cispref__sax_fail(run, CISPREF_ENOMEM, "out of memory");
			return -1;
		}
		*buf = grown;
		*cap = need * 2;
	}
	char *at = *buf;
	for (int i = 0; i < count; i++) {
		values[slots[i]] = at;
		at = cispref__sax_copy_attribute(at, attrs[5 * i + 3], attrs[5 * i + 4]);
	}
	for (int a = 0; a < CISPREF__SAX_MAX_ATTRS && want[a]; a++)
		if (!values[a] && want[a][0] != '?') {
			cispref__sax_fail(run, CISPREF_EFORMAT, "element '%s' lacks the attribute '%s'",
			                  element, want[a]);
			return -1;
		}
	return 0;
}


/* ---- driver ---- */

/* Look at @n bytes before libxml2 does (see load_scan.h); 0, or the loader's status. */
static int scan_chunk(sax_run *run, const char *buf, long n)
{
	load_scan *scan = &run->scan;
	if ((n ? cispref__load_scan(scan, (const unsigned char *)buf, (size_t)n)
	       : cispref__load_scan_end(scan)) == 0)
		return 0;
	run->status = scan->status;
	cispref__error_set(run->error, scan->status, run->name, scan->error_line,
	                   scan->error_column, "%s", scan->message);
	return run->status;
}

static void read_failed(sax_run *run, long n)
{
	if (n == CISPREF__NO_WRITER)
		cispref__error_set(run->error, CISPREF_EIO, run->name, 0, 0,
		                   "cannot read '%s': it is a named pipe that no process has open "
		                   "for writing", run->name);
	else {
		int err = errno;
		cispref__error_set(run->error, CISPREF_EIO, run->name, 0, 0, "cannot read '%s': %s",
		                   run->name, strerror(err));
		cispref__error_set_errnum(run->error, err);
	}
	run->status = CISPREF_EIO;
}

typedef struct memory_source {
	const char *data;
	size_t left;
} memory_source;

static long read_memory(void *source, char *buf, size_t size);

/* The bytes read (READ_SIZE at most) not yet handed over: @left at @at. */
typedef struct read_buffer {
	char *bytes;
	const char *at;
	size_t left;
} read_buffer;

/* The next chunk of the input, from what @rb holds (read when empty), or, from memory,
 * where it lies: copying the caller's bytes first wrote a chunk more (12 page faults in a
 * process's first load of the embedded default). *@chunk is where the @n bytes returned
 * are. */
static long next_chunk(cispref__read_fn read_source, void *source, read_buffer *rb,
                       const char **chunk)
{
	if (read_source == read_memory) {
		memory_source *m = source;
		size_t n = m->left < CHUNK ? m->left : CHUNK;
		*chunk = m->data;
		m->data += n;
		m->left -= n;
		return (long)n;
	}
	*chunk = rb->bytes; /* at the end or on an error: no bytes there */
	if (!rb->left) {
		long n = read_source(source, rb->bytes, READ_SIZE);
		if (n <= 0)
			return n;
		rb->at = rb->bytes;
		rb->left = (size_t)n;
	}
	size_t n = rb->left < CHUNK ? rb->left : CHUNK;
	*chunk = rb->at;
	rb->at += n;
	rb->left -= n;
	return (long)n;
}

int cispref__sax_parse(sax_run *run, xmlSAXHandler *sax, void *user,
                       cispref__read_fn read_source, void *source)
{
	sax->internalSubset = on_doctype;
	sax->serror = on_xml_error;

	/* The thread's handler is the calling thread's own: other threads' loads keep theirs.
	 * It is set before the parser is made, whose allocations report there too. */
	xmlStructuredErrorFunc saved_handler = xmlStructuredError;
	void *saved_data = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(user, on_thread_error);
	xmlGenericErrorFunc saved_generic = xmlGenericError;
	void *saved_generic_data = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, ignore_message);
	run->ctxt = xmlCreatePushParserCtxt(sax, user, NULL, 0, run->name);
	if (!run->ctxt) {
		cispref__sax_fail(run, CISPREF_ENOMEM, "out of memory");
	} else {
		/* libxml2 refuses texts over 10 MB unless told otherwise: when the caller allows
		 * more, our own limit is the one that applies. */
		size_t text_limit = run->options->max_text_length;
		int huge = text_limit == 0 || text_limit > XML_MAX_TEXT_LENGTH;
		xmlCtxtUseOptions(run->ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES |
		                                    XML_PARSE_NOCDATA | (huge ? XML_PARSE_HUGE : 0));
		/* and markup it would refuse to hold is refused by the scan, with what and where */
		run->scan.max_markup = huge ? 0 : CISPREF_MAX_MARKUP_LENGTH;
	}
	read_buffer rb = {run->ctxt && read_source != read_memory ? malloc(READ_SIZE) : NULL,
	                  NULL, 0};
	if (run->ctxt && !rb.bytes && read_source != read_memory)
		cispref__sax_fail(run, CISPREF_ENOMEM, "out of memory");
	while (!run->status) {
		const char *chunk;
		long n = next_chunk(read_source, source, &rb, &chunk);
		if (n < 0) {
			read_failed(run, n);
			break;
		}
		run->bytes += (size_t)n;
		size_t max = run->options->max_input_size;
		if (max && run->bytes > max) {
			cispref__sax_fail(run, CISPREF_ELIMIT, "the input is larger than %zu bytes", max);
			break;
		}
		if (scan_chunk(run, chunk, n) != 0)
			break;
		/* Bytes that are not valid in the document's encoding halt the parser without a
		 * call to the error handler when the decoder does not say why: the document
		 * would end there, silently cut short. */
		if (xmlParseChunk(run->ctxt, chunk, (int)n, n == 0) == XML_ERR_INVALID_ENCODING)
			cispref__sax_fail(run, CISPREF_EXML, "the input holds bytes that are not valid in its encoding");
		if (n == 0)
			break;
	}
	free(rb.bytes);
	xmlSetStructuredErrorFunc(saved_data, saved_handler);
	xmlSetGenericErrorFunc(saved_generic_data, saved_generic);
	/* The errors were ours and are in @run: none is left in the thread's last error. */
	if (run->status)
		xmlResetLastError();
	if (!run->status && !run->seen_root)
		cispref__sax_fail(run, CISPREF_EXML, "the document is empty");
	/* Without an entityDecl callback, libxml2 keeps the entities of an internal subset it
	 * parsed before the refusal took effect in a document of its own ("SAX compatibility
	 * mode"), which xmlFreeParserCtxt() leaves to the caller. */
	if (run->ctxt && run->ctxt->myDoc)
		xmlFreeDoc(run->ctxt->myDoc);
	xmlFreeParserCtxt(run->ctxt);
	run->ctxt = NULL;
	return run->status;
}


/* ---- sources and entry points ---- */

static long read_memory(void *source, char *buf, size_t size)
{
	memory_source *m = source;
	size_t n = m->left < size ? m->left : size;
	memcpy(buf, m->data, n);
	m->data += n;
	m->left -= n;
	return (long)n;
}

typedef struct fd_source {
	int fd;
	int pipe_opened; /* a named pipe opened without waiting: is there a writer? */
} fd_source;

static long read_fd(void *source, char *buf, size_t size)
{
	fd_source *s = source;
	for (;;) {
		ssize_t n = read(s->fd, buf, size);
		if (n < 0 && errno == EINTR)
			continue;
		if (s->pipe_opened) {
			/* Opened with O_NONBLOCK, a pipe with no writer reads as its end at once,
			 * one whose writer has not written yet as EAGAIN. With a writer, wait
			 * for its bytes from now on. */
			s->pipe_opened = 0;
			if (n == 0)
				return CISPREF__NO_WRITER;
			if (n < 0 && errno != EAGAIN)
				return -1;
			int flags = fcntl(s->fd, F_GETFL);
			if (flags < 0 || fcntl(s->fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
				return -1;
			if (n < 0)
				continue;
		}
		return (long)n;
	}
}

static long read_stream(void *source, char *buf, size_t size)
{
	FILE *stream = source;
	size_t n = fread(buf, 1, size, stream);
	return n == 0 && ferror(stream) ? -1 : (long)n;
}

/* Copy the caller's options (or the defaults) to @copy; an older version of the struct
 * gets the defaults of the fields it lacks. -1 (with @error filled) for options of an
 * unknown version. */
static int check_flags(unsigned flags, const char *name, cispref_error *error)
{
	return cispref__refuse_unknown_flags(error, name, flags, CISPREF_LOAD_LENIENT,
	                                     "load flags", "CISPREF_LOAD_LENIENT") ? -1 : 0;
}

static int options_or_defaults(cispref_load_options *copy, const cispref_load_options *options,
                               const char *name, cispref_error *error)
{
	cispref_load_options_init(copy);
	if (!options)
		return 0;
	if (options->version == 1) {
		memcpy(copy, options, offsetof(cispref_load_options, max_attributes));
		copy->version = CISPREF_LOAD_OPTIONS_VERSION;
		return check_flags(copy->flags, name, error);
	}
	if (options->version != CISPREF_LOAD_OPTIONS_VERSION) {
		cispref__error_set(error, CISPREF_EARG, name, 0, 0,
		                   "invalid argument: load options of version %u, expected %d",
		                   options->version, CISPREF_LOAD_OPTIONS_VERSION);
		return -1;
	}
	*copy = *options;
	return check_flags(copy->flags, name, error);
}

static int invalid(cispref_error *error, const char *name)
{
	cispref__error_set(error, CISPREF_EARG, name, 0, 0, "invalid argument");
	return CISPREF_EARG;
}

/* An input whose size is known before reading (memory, the rest of a regular file) is
 * refused at once when it is over the limit: a sparse file of gigabytes would otherwise
 * be read up to the limit, or fail on its zeros with a message that names no limit. */
static int check_size(const cispref_load_options *options, size_t size, const char *name,
                      cispref_error *error)
{
	size_t max = options->max_input_size;
	if (!max || size <= max)
		return CISPREF_OK;
	cispref__error_set(error, CISPREF_ELIMIT, name, 0, 0,
	                   "the input is larger than %zu bytes", max);
	return CISPREF_ELIMIT;
}

/* The bytes left to read in @fd from @offset when it is a regular file, else 0. */
static size_t regular_rest(int fd, off_t offset)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || offset < 0 || st.st_size <= offset)
		return 0;
	return (size_t)(st.st_size - offset);
}

int cispref__load_memory(cispref__load_fn load, void *out, const char *data, size_t size,
                         const char *name, const cispref_load_options *options,
                         cispref_error *error)
{
	name = name ? name : "<memory>";
	cispref_load_options opts;
	if (!out || (!data && size))
		return invalid(error, name);
	if (options_or_defaults(&opts, options, name, error) != 0)
		return CISPREF_EARG;
	int rc = check_size(&opts, size, name, error);
	if (rc)
		return rc;
	memory_source m = {data ? data : "", size};
	return load(out, name, &opts, error, read_memory, &m, size);
}

int cispref__load_fd(cispref__load_fn load, void *out, int fd, const char *name,
                     const cispref_load_options *options, cispref_error *error)
{
	char fallback[32];
	snprintf(fallback, sizeof fallback, "<fd %d>", fd);
	name = name ? name : fallback;
	cispref_load_options opts;
	if (!out || fd < 0)
		return invalid(error, name);
	if (options_or_defaults(&opts, options, name, error) != 0)
		return CISPREF_EARG;
	size_t rest = regular_rest(fd, lseek(fd, 0, SEEK_CUR));
	int rc = check_size(&opts, rest, name, error);
	if (rc)
		return rc;
	fd_source source = {fd, 0};
	return load(out, name, &opts, error, read_fd, &source, rest);
}

int cispref__load_stream(cispref__load_fn load, void *out, FILE *stream, const char *name,
                         const cispref_load_options *options, cispref_error *error)
{
	name = name ? name : "<stream>";
	cispref_load_options opts;
	if (!out || !stream)
		return invalid(error, name);
	if (options_or_defaults(&opts, options, name, error) != 0)
		return CISPREF_EARG;
	/* ftello() counts what the stream has buffered as read; a stream with no descriptor
	 * (fmemopen) has no size to compare. */
	int fd = fileno(stream);
	size_t rest = fd >= 0 ? regular_rest(fd, ftello(stream)) : 0;
	int rc = check_size(&opts, rest, name, error);
	if (rc)
		return rc;
	return load(out, name, &opts, error, read_stream, stream, rest);
}

/* Why load_file does not read what is at @path, or NULL: it reads regular files and
 * pipes only, so that a path naming a terminal, a device or a socket cannot make it wait
 * or read forever. */
static const char *unreadable_kind(mode_t mode)
{
	if (S_ISREG(mode) || S_ISFIFO(mode))
		return NULL;
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

static int refuse_kind(const char *path, const char *kind, cispref_error *error)
{
	if (!kind) /* never, as called; says so to the compiler's format checks */
		kind = "not a regular file";
	cispref__error_set(error, CISPREF_EIO, path, 0, 0, "cannot read '%s': it is %s%s", path,
	                   kind, strcmp(kind, "a directory") == 0 ? "" : ", not a file or a pipe");
	if (strcmp(kind, "a directory") == 0)
		cispref__error_set_errnum(error, EISDIR);
	return CISPREF_EIO;
}

int cispref__load_path(cispref__load_fn load, void *out, const char *path,
                       const cispref_load_options *options, cispref_error *error)
{
	cispref_load_options opts;
	if (!out || !path)
		return invalid(error, path);
	if (options_or_defaults(&opts, options, path, error) != 0)
		return CISPREF_EARG;
	/* Opening a device can act on it (a tape rewinds, a terminal becomes the controlling
	 * one): look first. The descriptor's own fstat() below is the check that counts. */
	struct stat st;
	const char *kind;
	if (stat(path, &st) == 0 && (kind = unreadable_kind(st.st_mode)) && !S_ISDIR(st.st_mode))
		return refuse_kind(path, kind, error);
	/* O_NONBLOCK: opening a named pipe for reading waits for a writer otherwise. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;
		cispref__error_set(error, CISPREF_EIO, path, 0, 0, "cannot open '%s': %s", path,
		                   strerror(err));
		cispref__error_set_errnum(error, err);
		return CISPREF_EIO;
	}
	int rc = CISPREF_OK;
	if (fstat(fd, &st) != 0) {
		int err = errno;
		cispref__error_set(error, CISPREF_EIO, path, 0, 0, "cannot read '%s': %s", path,
		                   strerror(err));
		cispref__error_set_errnum(error, err);
		rc = CISPREF_EIO;
	} else if ((kind = unreadable_kind(st.st_mode)) != NULL) {
		rc = refuse_kind(path, kind, error);
	}
	size_t size = rc == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
	if (rc == 0)
		rc = check_size(&opts, size, path, error);
	if (rc == 0) {
		fd_source source = {fd, S_ISFIFO(st.st_mode)};
		rc = load(out, path, &opts, error, read_fd, &source, size);
	}
	close(fd);
	return rc;
}
