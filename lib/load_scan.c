/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The scan of an input's bytes before they reach libxml2: see load_scan.h. Hand-written
 * because libxml2 offers no hook between reading a start tag's attributes and checking
 * them, and its decoded buffer is not reachable from outside. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
/* SSE2 where the compiler offers it; CISPREF_PORTABLE_SCAN builds the plain loop
 * instead, which tools/run-tests.sh does for its sanitizer run so that both are tested. */
#if defined(__SSE2__) && !defined(CISPREF_PORTABLE_SCAN)
#define SCAN_SSE2 1
#include <emmintrin.h>
#endif
#include <libxml/encoding.h>
#include <libxml/tree.h>

#include "private.h"
#include "load_scan.h"

enum {
	TEXT, LT, START, DQ, SQ, END_TAG, PI, PI_Q, BANG, BANG_DASH, CDATA_OPEN, COMMENT,
	CDATA, DECL, DECL_DQ, DECL_SQ
};

/* The characters whose bytes the scanner looks for, written to check an encoding. */
static const char probe[] = "<>=\"'!?-[]/\n";

void cispref__load_scan_init(load_scan *s, size_t max_attributes)
{
	memset(s, 0, sizeof *s);
	s->max_attributes = max_attributes;
	s->width = 1;
	s->utf8 = 1;
	s->line = 1;
	s->column = 1;
}

static int scan_fail(load_scan *s, int code, unsigned long line, unsigned long column,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int scan_fail(load_scan *s, int code, unsigned long line, unsigned long column,
                     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->message, sizeof s->message, fmt, ap);
	va_end(ap);
	s->status = code;
	s->error_line = line;
	s->error_column = column;
	return code;
}

/* ---- the encoding ---------------------------------------------------------------- */

static uint32_t head_unit(const load_scan *s, size_t i)
{
	const unsigned char *p = s->head + i * (size_t)s->width;
	uint32_t u = 0;
	for (int b = 0; b < s->width; b++)
		u |= (uint32_t)p[s->big_endian ? s->width - 1 - b : b] << (8 * b);
	return u;
}

/* Whether @out is @probe written @s->width bytes a character in @s's byte order, after an
 * optional byte order mark. */
static int writes_markup_as_scanned(const load_scan *s, const unsigned char *out, size_t len)
{
	size_t w = (size_t)s->width, n = strlen(probe);
	if (len == (n + 1) * w) { /* a byte order mark first */
		out += w;
		len -= w;
	}
	if (len != n * w)
		return 0;
	for (size_t i = 0; i < n; i++)
		for (size_t b = 0; b < w; b++) {
			unsigned char want = (unsigned char)(b == (s->big_endian ? w - 1 : 0) ? probe[i] : 0);
			if (out[i * w + b] != want)
				return 0;
		}
	return 1;
}

/* Whether libxml2 decodes the declared encoding @name so that the markup the scanner
 * sees is the markup it parses: write the markup characters in it and compare. */
static int encoding_is_scannable(load_scan *s, const char *name)
{
	if (strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0 ||
	    strcasecmp(name, "UTF-16") == 0 || strcasecmp(name, "UTF16") == 0)
		return 1; /* libxml2 keeps the encoding it detected, or refuses the document */
	xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name);
	if (!handler)
		return 1; /* libxml2 refuses the document: "Unsupported encoding" */
	xmlBufferPtr in = cispref__buffer_new(), out = cispref__buffer_new();
	int ok = in && out && xmlBufferAdd(in, (const xmlChar *)probe, -1) == 0 &&
	         xmlCharEncOutFunc(handler, out, in) >= 0 &&
	         writes_markup_as_scanned(s, xmlBufferContent(out), (size_t)xmlBufferLength(out));
	xmlBufferFree(in);
	xmlBufferFree(out);
	xmlCharEncCloseFunc(handler);
	s->utf8 = 0;
	return ok;
}

/* The encoding name of the XML declaration in units [@from, @to) of the head, in @name
 * (empty when there is none). */
static void declared_encoding(const load_scan *s, size_t from, size_t to, char *name, size_t size)
{
	char decl[LOAD_SCAN_HEAD + 1];
	size_t n = 0;
	for (size_t i = from; i < to; i++) {
		uint32_t u = head_unit(s, i);
		decl[n++] = (char)(u > 0 && u < 0x80 ? u : 1);
	}
	decl[n] = '\0';
	name[0] = '\0';
	const char *p = strstr(decl, "encoding");
	if (!p)
		return;
	p += strlen("encoding");
	p += strspn(p, " \t\r\n");
	if (*p++ != '=')
		return;
	p += strspn(p, " \t\r\n");
	char quote = *p++;
	if (quote != '"' && quote != '\'')
		return;
	size_t len = strcspn(p, quote == '"' ? "\"" : "'");
	if (p[len] && len < size) {
		memcpy(name, p, len);
		name[len] = '\0';
	}
}

/* Decide the encoding from the head: 1 when decided, 0 when more bytes are needed, or a
 * negative code. At the end of the input, always decides. */
static int decide(load_scan *s, int at_end)
{
	if (s->head_len < 4 && !at_end)
		return 0;
	xmlCharEncoding detected = s->head_len >= 4 ? xmlDetectCharEncoding(s->head, 4)
	                                            : XML_CHAR_ENCODING_NONE;
	switch (detected) {
	case XML_CHAR_ENCODING_UTF16LE: s->width = 2; break;
	case XML_CHAR_ENCODING_UTF16BE: s->width = 2; s->big_endian = 1; break;
	case XML_CHAR_ENCODING_UCS4LE: s->width = 4; break;
	case XML_CHAR_ENCODING_UCS4BE: s->width = 4; s->big_endian = 1; break;
	case XML_CHAR_ENCODING_EBCDIC:
	case XML_CHAR_ENCODING_UCS4_2143:
	case XML_CHAR_ENCODING_UCS4_3412:
		return scan_fail(s, CISPREF_EXML, 1, 1,
		                 "the document is in EBCDIC or in UCS-4 of an unusual byte order, "
		                 "which cispref does not read");
	default: break;
	}
	s->utf8 = s->width == 1;
	size_t units = s->head_len / (size_t)s->width, first = 0;
	if (s->width == 1 && units >= 3 && memcmp(s->head, "\xEF\xBB\xBF", 3) == 0)
		first = 3;
	else if (s->width > 1 && units >= 1 && head_unit(s, 0) == 0xFEFF)
		first = 1;
	s->skip = first;
	/* "<?xml" and a blank open the XML declaration, which ends at the first '>'. */
	static const char open[] = "<?xml";
	size_t i = 0;
	for (; i < 5 && first + i < units && head_unit(s, first + i) == (uint32_t)open[i]; i++)
		;
	if (i < 5 && first + i < units)
		return 1; /* no declaration */
	if (first + 5 >= units)
		return at_end ? 1 : 0;
	uint32_t blank = head_unit(s, first + 5);
	if (blank != ' ' && blank != '\t' && blank != '\r' && blank != '\n')
		return 1;
	size_t end = first + 5;
	while (end < units && head_unit(s, end) != '>')
		end++;
	if (end == units) {
		if (at_end)
			return 1;
		if (s->head_len == LOAD_SCAN_HEAD)
			return scan_fail(s, CISPREF_ELIMIT, 1, 1,
			                 "the XML declaration is longer than %d bytes", LOAD_SCAN_HEAD);
		return 0;
	}
	char name[64];
	declared_encoding(s, first, end, name, sizeof name);
	if (name[0] && !encoding_is_scannable(s, name))
		return scan_fail(s, CISPREF_EXML, 1, 1,
		                 "the encoding '%s' writes '<', '>', '=' or quotes otherwise than %s "
		                 "does: cispref does not read it", name,
		                 s->width == 1 ? "ASCII" : s->width == 2 ? "UTF-16" : "UCS-4");
	return 1;
}

/* ---- the markup ------------------------------------------------------------------ */

static void add_name(load_scan *s, uint32_t u)
{
	if (s->name_len + 1 < sizeof s->name)
		s->name[s->name_len++] = (char)(u > 0x20 && u < 0x7f ? u : '?');
	s->name[s->name_len] = '\0';
}

static int is_blank(uint32_t u)
{
	return u == ' ' || u == '\t' || u == '\r' || u == '\n';
}

static int too_many_attributes(load_scan *s)
{
	return scan_fail(s, CISPREF_ELIMIT, s->tag_line, s->tag_column,
	                 "element '%s' has more than %zu attributes (namespace declarations "
	                 "included)", s->name, s->max_attributes);
}

static int start_tag(load_scan *s, uint32_t u)
{
	if (!s->name_done) {
		if (!is_blank(u) && u != '/' && u != '>' && u != '=' && u != '"' && u != '\'') {
			add_name(s, u);
			return 0;
		}
		s->name_done = 1;
	}
	if (u == '"')
		s->state = DQ;
	else if (u == '\'')
		s->state = SQ;
	else if (u == '>')
		s->state = TEXT;
	else if (u == '=' && s->max_attributes && ++s->attributes > s->max_attributes)
		return too_many_attributes(s);
	return 0;
}

/* After "<!": a comment, a CDATA section, or a declaration (<!DOCTYPE, which the loader
 * refuses before libxml2 reads its internal subset). */
static int bang(load_scan *s, uint32_t u)
{
	static const char cdata[] = "[CDATA[";
	if (s->state == BANG && u == '-') {
		s->state = BANG_DASH;
		return 0;
	}
	if (s->state == BANG_DASH && u == '-') {
		s->state = COMMENT;
		s->count = 0;
		return 0;
	}
	if (s->state == BANG)
		s->state = CDATA_OPEN, s->count = 0;
	if (s->state == CDATA_OPEN && u == (uint32_t)cdata[s->count]) {
		if (!cdata[++s->count]) {
			s->state = CDATA;
			s->count = 0;
		}
		return 0;
	}
	s->state = DECL;
	if (u == '"' || u == '\'')
		s->state = u == '"' ? DECL_DQ : DECL_SQ;
	else if (u == '>')
		s->state = TEXT;
	return 0;
}

/* One character of markup; the tag's place is the place of its '<'. */
static int step(load_scan *s, uint32_t u)
{
	switch (s->state) {
	case TEXT:
		if (u == '<') {
			s->state = LT;
			s->tag_line = s->line;
			s->tag_column = s->column;
			s->markup_start = s->offset;
		}
		return 0;
	case LT:
		s->state = u == '!' ? BANG : u == '?' ? PI : u == '/' ? END_TAG : u == '>' ? TEXT : START;
		if (s->state == START) {
			s->attributes = 0;
			s->name_len = 0;
			s->name[0] = '\0'; /* a tag with no name says so */
			s->name_done = 0;
			return start_tag(s, u);
		}
		return 0;
	case START: return start_tag(s, u);
	case DQ: s->state = u == '"' ? START : DQ; return 0;
	case SQ: s->state = u == '\'' ? START : SQ; return 0;
	case END_TAG: s->state = u == '>' ? TEXT : END_TAG; return 0;
	case PI: s->state = u == '?' ? PI_Q : PI; return 0;
	case PI_Q: s->state = u == '>' ? TEXT : u == '?' ? PI_Q : PI; return 0;
	case BANG: case BANG_DASH: case CDATA_OPEN: return bang(s, u);
	case COMMENT:
	case CDATA:
		if (u == '>' && s->count >= 2)
			s->state = TEXT;
		s->count = u == (s->state == COMMENT ? '-' : ']') ? s->count + 1 : 0;
		return 0;
	case DECL: return bang(s, u);
	case DECL_DQ: s->state = u == '"' ? DECL : DECL_DQ; return 0;
	case DECL_SQ: s->state = u == '\'' ? DECL : DECL_SQ; return 0;
	}
	return 0;
}

/* ---- the length of markup ------------------------------------------------------ */

/* Markup in state @state, as messages name it, into @buf. */
static const char *markup_name(const load_scan *s, int state, char *buf, size_t size)
{
	const char *what;
	switch (state) {
	case START: case DQ: case SQ:
		if (s->name_len) {
			snprintf(buf, size, "the start tag of element '%s'", s->name);
			return buf;
		}
		what = "a start tag";
		break;
	case LT: what = "a tag"; break;
	case END_TAG: what = "an end tag"; break;
	case PI: case PI_Q: what = "a processing instruction"; break;
	case COMMENT: what = "a comment"; break;
	case CDATA: what = "a CDATA section"; break;
	default: what = "a declaration ('<!')"; break;
	}
	snprintf(buf, size, "%s", what);
	return buf;
}

/* Markup in state @state (closed or still open) of @length code units from its '<': the
 * parser holds a piece of markup whole until its end (a CDATA section goes on in pieces)
 * and takes max_markup at most. */
/* The longest markup in code units: max_markup bytes once libxml2 has decoded the input
 * to UTF-8, where a code unit of another encoding takes up to 3 bytes (a character of a
 * single-byte encoding or of UTF-16's first plane), or 4 (UCS-4). */
static size_t markup_limit(const load_scan *s)
{
	return s->utf8 && s->width == 1 ? s->max_markup : s->max_markup / (s->width == 4 ? 4 : 3);
}

static int check_length(load_scan *s, int state, unsigned long long length)
{
	size_t limit = markup_limit(s);
	if (!s->max_markup || length <= limit || state == TEXT || state == CDATA)
		return 0;
	char what[sizeof s->name + 40];
	markup_name(s, state, what, sizeof what);
	if (s->utf8 && s->width == 1)
		return scan_fail(s, CISPREF_ELIMIT, s->tag_line, s->tag_column,
		                 "%s is longer than %zu bytes, the XML parser's limit", what, limit);
	return scan_fail(s, CISPREF_ELIMIT, s->tag_line, s->tag_column,
	                 "%s is longer than %zu characters (the XML parser's limit is %zu bytes "
	                 "once in UTF-8)", what, limit, s->max_markup);
}

/* The length of markup that ends at @at of the chunk and began at its @lt, or, when @lt
 * is SIZE_MAX, in an earlier chunk. */
static unsigned long long closed_length(const load_scan *s, size_t lt, size_t at)
{
	return lt != SIZE_MAX ? at - lt + 1 : s->offset + at - s->markup_start + 1;
}

/* Whether @u starts a character, for columns as libxml2 counts them. */
static int starts_character(const load_scan *s, uint32_t u)
{
	if (s->width == 1)
		return !s->utf8 || (u & 0xC0) != 0x80;
	return s->width == 4 || u < 0xDC00 || u > 0xDFFF;
}

/* How many of the @n one-byte units at @p the scanner can pass over in its state without
 * stepping through them: those of an element's name, added to it. (The states that only
 * move the place, text, quoted values and the rest of tags, go by their events: see
 * scan_bytes().) */
static size_t run_length(load_scan *s, const unsigned char *p, size_t n)
{
	size_t i = 0;
	if (s->state != START || s->name_done)
		return 0;
	while (i < n && !is_blank(p[i]) && p[i] != '/' && p[i] != '>' && p[i] != '=' &&
	       p[i] != '"' && p[i] != '\'')
		add_name(s, p[i++]);
	return i;
}

/* The UTF-8 characters in @n bytes: the bytes that are not continuation bytes
 * (10xxxxxx), counted eight at a time (bit 7 set, bit 6 clear, in each byte). */
static size_t utf8_characters(const unsigned char *p, size_t n)
{
	size_t continuation = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		uint64_t m = x & ~(x << 1) & 0x8080808080808080u;
		continuation += (size_t)(((m >> 7) * 0x0101010101010101u) >> 56);
	}
	for (; i < n; i++)
		continuation += (p[i] & 0xC0) == 0x80;
	return n - continuation;
}

/* Move the place (*@line, *@column) over @n one-byte units at @p. */
static void advance(const load_scan *s, unsigned long *line, unsigned long *column,
                    const unsigned char *p, size_t n)
{
	const unsigned char *nl;
	while (n && (nl = memchr(p, '\n', n)) != NULL) {
		++*line;
		*column = 1;
		n -= (size_t)(nl + 1 - p);
		p = nl + 1;
	}
	*column += s->utf8 ? utf8_characters(p, n) : n;
}

/* One code unit, stepped through the state machine with its place. */
static int step_unit(load_scan *s, uint32_t u)
{
	int was = s->state;
	int rc = step(s, u);
	if (!rc && was != TEXT && s->state == TEXT)
		rc = check_length(s, was, s->offset - s->markup_start + 1);
	s->offset++;
	if (rc != 0)
		return s->status;
	if (s->skip)
		s->skip--;
	else if (u == '\n')
		s->line++, s->column = 1;
	else if (starts_character(s, u))
		s->column++;
	return 0;
}

/* ---- one-byte units: the markup found by its characters --------------------------- */

/* Most of an input is text, quoted values and names, which only the characters < > " ' =
 * end or matter in: the scan finds those, 64 bytes at a time, and steps the state machine
 * on them alone while it is in text, a start tag (its name read), a quoted value or an end
 * tag. Stepping the machine through every run (a call to memchr() per run, a call per
 * byte of each element's name) was a tenth of a large load's instructions. */

/* Bit k set when @p[k] is one of < > " ' = (k < @n <= 64). */
static uint64_t events_in(const unsigned char *p, size_t n)
{
#if defined(SCAN_SSE2)
	unsigned char pad[64];
	if (n < 64) { /* the end of the input: NUL bytes after it are no event */
		memset(pad, 0, sizeof pad);
		memcpy(pad, p, n);
		p = pad;
	}
	const __m128i lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'), dq = _mm_set1_epi8('"'),
	              sq = _mm_set1_epi8('\''), eq = _mm_set1_epi8('=');
	uint64_t mask = 0;
	for (int k = 0; k < 4; k++) {
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
		__m128i m = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(b, lt), _mm_cmpeq_epi8(b, gt)),
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, dq), _mm_cmpeq_epi8(b, sq)),
			             _mm_cmpeq_epi8(b, eq)));
		mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(m) << (16 * k);
	}
	return mask;
#else
	uint64_t mask = 0;
	for (size_t k = 0; k < n; k++)
		if (p[k] == '<' || p[k] == '>' || p[k] == '"' || p[k] == '\'' || p[k] == '=')
			mask |= (uint64_t)1 << k;
	return mask;
#endif
}

static unsigned lowest_bit(uint64_t m)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(m);
#else
	unsigned k = 0;
	while (!(m & 1)) {
		m >>= 1;
		k++;
	}
	return k;
#endif
}

/* The states the scan passes through by their events alone; the others (a '<' at the
 * end of a chunk, an element's name not yet ended when the chunk began, comments, CDATA
 * sections, processing instructions and declarations) step byte by byte. */
static int by_events(const load_scan *s, size_t name_at)
{
	switch (s->state) {
	case TEXT: case DQ: case SQ: case END_TAG: return 1;
	case START: return s->name_done || name_at != SIZE_MAX;
	default: return 0;
	}
}

/* The name of the start tag that begins at @p[@at], into @s->name as add_name() writes
 * it; ended (name_done) unless it runs to the end of the @n bytes. */
static void take_name(load_scan *s, const unsigned char *p, size_t at, size_t n)
{
	s->name_len = 0;
	s->name[0] = '\0';
	for (; at < n; at++) {
		unsigned char u = p[at];
		if (is_blank(u) || u == '/' || u == '>' || u == '=' || u == '"' || u == '\'') {
			s->name_done = 1;
			return;
		}
		add_name(s, u);
	}
	s->name_done = 0;
}

/* After a '<' in text at @p[@i]: the kind of markup it opens, from the next byte. Returns
 * where the scan goes on. */
static size_t open_markup(load_scan *s, const unsigned char *p, size_t i, size_t n,
                          size_t *name_at)
{
	if (i + 1 == n) {
		s->state = LT;
		return n;
	}
	switch (p[i + 1]) {
	case '!': s->state = BANG; return i + 2;
	case '?': s->state = PI; return i + 2;
	case '/': s->state = END_TAG; return i + 2;
	case '>': s->state = TEXT; return i + 2;
	default:
		/* a start tag: its name, read when needed, from the next byte on, which may
		 * also be an event */
		s->state = START;
		s->attributes = 0;
		s->name_done = 0;
		*name_at = i + 1;
		return i + 1;
	}
}

/* The next event of the chunk into @at and @u, or, at the end of the @n bytes, leave
 * scan_events() in the state @here. */
#define NEXT_EVENT(here)                                                                    \
	do {                                                                                \
		while (!mask) {                                                             \
			base += 64;                                                         \
			if (base >= n) {                                                    \
				s->state = (here);                                          \
				return n;                                                   \
			}                                                                   \
			mask = events_in(p + base, n - base < 64 ? n - base : 64);         \
		}                                                                           \
		at = base + lowest_bit(mask);                                               \
		u = p[at];                                                                  \
		mask &= mask - 1;                                                           \
	} while (0)

/* From @p[@i], in a state by_events() takes, step the machine on the events alone until
 * the end of the @n bytes (returns @n), a state that steps byte by byte (returns where it
 * goes on) or a fault (*@rc). *@lt is the last '<' that opened markup, *@name_at as in
 * scan_bytes(). Each state is a place in the code, which the events jump between. */
static size_t scan_events(load_scan *s, const unsigned char *p, size_t i, size_t n,
                          size_t *lt, size_t *name_at, int *rc)
{
	size_t base = i, at;
	unsigned char u;
	uint64_t mask = events_in(p + base, n - base < 64 ? n - base : 64);
	switch (s->state) {
	case TEXT: goto text;
	case START: goto start;
	case DQ: goto dq;
	case SQ: goto sq;
	default: goto end_tag;
	}
text:
	NEXT_EVENT(TEXT);
	if (u != '<')
		goto text;
	*lt = at;
	*name_at = SIZE_MAX;
	i = open_markup(s, p, at, n, name_at);
	/* the byte after "<" or "</" is no event, and the '>' of "<>" is none in text: the
	 * events go on */
	switch (s->state) {
	case START: goto start;
	case END_TAG: goto end_tag;
	case TEXT: goto text;
	default: return i;
	}
start:
	NEXT_EVENT(START);
	if (u == '"')
		goto dq;
	if (u == '\'')
		goto sq;
	if (u == '>') {
		/* markup that began in this chunk is no longer than it (see cispref__load_scan()) */
		if (*lt == SIZE_MAX && s->max_markup && closed_length(s, *lt, at) > markup_limit(s)) {
			if (*name_at != SIZE_MAX)
				take_name(s, p, *name_at, n);
			*rc = check_length(s, START, closed_length(s, *lt, at));
			return at + 1;
		}
		goto text;
	}
	if (u == '=' && s->max_attributes && ++s->attributes > s->max_attributes) {
		s->state = START;
		if (*name_at != SIZE_MAX)
			take_name(s, p, *name_at, n);
		*rc = too_many_attributes(s);
		return at + 1;
	}
	goto start;
dq:
	NEXT_EVENT(DQ);
	if (u == '"')
		goto start;
	goto dq;
sq:
	NEXT_EVENT(SQ);
	if (u == '\'')
		goto start;
	goto sq;
end_tag:
	NEXT_EVENT(END_TAG);
	if (u != '>')
		goto end_tag;
	if (*lt == SIZE_MAX && (*rc = check_length(s, END_TAG, closed_length(s, *lt, at))) != 0)
		return at + 1;
	goto text;
}

#undef NEXT_EVENT

/* One-byte units after any byte order mark: the state machine passes over runs (see
 * above), and the place is worked out only where it is needed, from the place of @p: at
 * the last start tag's '<' and at the end (or at the fault). Following the place run by
 * run was most of the scan's cost. */
static int scan_bytes(load_scan *s, const unsigned char *p, size_t n)
{
	size_t lt = SIZE_MAX;      /* the last '<' that opened markup here */
	size_t name_at = SIZE_MAX; /* where the name of a start tag opened here begins */
	int rc = 0;
	size_t i = 0;
	while (i < n && !rc) {
		if (by_events(s, name_at)) {
			i = scan_events(s, p, i, n, &lt, &name_at, &rc);
			continue;
		}
		i += run_length(s, p + i, n - i);
		if (i == n)
			break;
		int was = s->state;
		rc = step(s, p[i]);
		if (!rc && was != TEXT && s->state == TEXT)
			rc = check_length(s, was, closed_length(s, lt, i));
		i++;
	}
	/* A start tag still open at the end of the chunk takes its name with it. */
	if (!rc && name_at != SIZE_MAX && s->state != TEXT)
		take_name(s, p, name_at, n);
	unsigned long line = s->line, column = s->column;
	if (lt != SIZE_MAX) {
		advance(s, &line, &column, p, lt);
		s->tag_line = line;
		s->tag_column = column;
		s->markup_start = s->offset + lt;
		if (rc) { /* the fault is the tag's: its place, from the '<' */
			s->error_line = line;
			s->error_column = column;
		}
	}
	if (rc)
		return rc;
	size_t from = lt == SIZE_MAX ? 0 : lt;
	advance(s, &line, &column, p + from, n - from);
	s->line = line;
	s->column = column;
	s->offset += n;
	return 0;
}

static int scan_units(load_scan *s, const unsigned char *bytes, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		if (s->width == 1 && !s->skip)
			return scan_bytes(s, bytes + i, size - i);
		if (s->width == 1) {
			s->unit = bytes[i];
		} else {
			s->unit = s->big_endian ? s->unit << 8 | bytes[i]
			                        : s->unit | (uint32_t)bytes[i] << (8 * s->unit_bytes);
			if (++s->unit_bytes < s->width)
				continue;
			s->unit_bytes = 0;
		}
		uint32_t u = s->unit;
		s->unit = 0;
		if (step_unit(s, u) != 0)
			return s->status;
	}
	return 0;
}

/* The last bytes of the input so far, for the end: whether it cuts a character. */
static void keep_tail(load_scan *s, const unsigned char *bytes, size_t size)
{
	size_t room = sizeof s->tail;
	if (size >= room) {
		memcpy(s->tail, bytes + size - room, room);
		s->tail_len = room;
		return;
	}
	size_t keep = s->tail_len + size > room ? room - size : s->tail_len;
	memmove(s->tail, s->tail + s->tail_len - keep, keep);
	memcpy(s->tail + keep, bytes, size);
	s->tail_len = keep + size;
}

/* Whether the input ends inside a UTF-8 sequence: a lead byte among its last three with
 * fewer continuation bytes after it than it announces (RFC 3629). */
static int ends_in_utf8_sequence(const load_scan *s)
{
	for (size_t back = 1; back <= s->tail_len; back++) {
		unsigned char b = s->tail[s->tail_len - back];
		if ((b & 0xC0) == 0x80)
			continue; /* a continuation byte: its lead is further back */
		size_t want = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
		return back < want;
	}
	return 0;
}

/* The input has ended: in text, or cut inside markup or inside a character. */
static int check_end(load_scan *s)
{
	if (s->unit_bytes)
		return scan_fail(s, CISPREF_EXML, s->line, s->column,
		                 "the document ends inside a character (a %s code unit cut short)",
		                 s->width == 2 ? "UTF-16" : "UCS-4");
	if (s->state == TEXT && s->width == 1 && s->utf8 && ends_in_utf8_sequence(s))
		return scan_fail(s, CISPREF_EXML, s->line, s->column,
		                 "the document ends inside a character (its UTF-8 bytes cut short)");
	if (s->state == TEXT)
		return 0;
	if (s->state == LT)
		return scan_fail(s, CISPREF_EXML, s->tag_line, s->tag_column,
		                 "the document ends after '<'");
	char what[sizeof s->name + 40];
	return scan_fail(s, CISPREF_EXML, s->tag_line, s->tag_column, "the document ends inside %s",
	                 markup_name(s, s->state, what, sizeof what));
}

int cispref__load_scan(load_scan *s, const unsigned char *bytes, size_t size)
{
	if (s->status)
		return s->status;
	keep_tail(s, bytes, size);
	if (!s->decided) {
		size_t take = LOAD_SCAN_HEAD - s->head_len < size ? LOAD_SCAN_HEAD - s->head_len : size;
		memcpy(s->head + s->head_len, bytes, take);
		s->head_len += take;
		bytes += take;
		size -= take;
		int d = decide(s, 0);
		if (d <= 0)
			return d < 0 ? s->status : 0; /* undecided: the head is not full, all taken */
		s->decided = 1;
		if (scan_units(s, s->head, s->head_len) != 0)
			return s->status;
	}
	/* In pieces of the limit at most, so that markup that begins and ends in one is
	 * within it: the scan checks the length of markup only when it began in an
	 * earlier piece, and at the end of each. */
	size_t piece = s->max_markup ? markup_limit(s) * (size_t)s->width : size;
	for (size_t at = 0; at < size; at += piece) {
		size_t n = size - at < piece ? size - at : piece;
		if (scan_units(s, bytes + at, n) != 0)
			return s->status;
		/* the markup still open, which the parser holds whole until its end */
		if (check_length(s, s->state, s->offset - s->markup_start) != 0)
			return s->status;
	}
	return 0;
}

int cispref__load_scan_end(load_scan *s)
{
	if (s->status)
		return s->status;
	if (!s->decided) {
		if (decide(s, 1) < 0)
			return s->status;
		s->decided = 1;
		if (scan_units(s, s->head, s->head_len) != 0)
			return s->status;
	}
	return check_end(s);
}
