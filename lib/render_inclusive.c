/* The inclusive-writing normaliser of the renderers (CISPREF_INCLUSIVE_NORMALIZED): the
 * article pairs "la-le", "la.le", "la- le"... become "la·le". Moved here verbatim from
 * render.c so that the renderers' context does not hold it. */
#include <string.h>
#include <utf8proc.h>

#include "render_private.h"

/* ---- The inclusive-writing normaliser ---- */

static int is_word_char(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* Whether a letter or digit ends just before @p (texts are valid UTF-8, but a stray byte
 * must not make us read before @text). */
static int word_before(const char *text, const char *p)
{
	const char *start = p;
	while (start > text && p - start < 4 && ((unsigned char)start[-1] & 0xC0) == 0x80)
		start--;
	if (start == text)
		return 0;
	start--;
	utf8proc_int32_t c = -1;
	utf8proc_iterate((const utf8proc_uint8_t *)start, p - start, &c);
	return c >= 0 && is_word_char(c);
}

static int word_at(const char *p)
{
	utf8proc_int32_t c = -1;
	if (!*p)
		return 0;
	utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &c);
	return c >= 0 && is_word_char(c);
}

/* Length of the separator at @p: - ‐ ‑ . : · */
static size_t separator_length(const char *p)
{
	if (*p == '-' || *p == '.' || *p == ':')
		return 1;
	if (strncmp(p, "\xC2\xB7", 2) == 0)
		return 2;
	if (strncmp(p, "\xE2\x80\x90", 3) == 0 || strncmp(p, "\xE2\x80\x91", 3) == 0)
		return 3;
	return 0;
}

static size_t spaces_length(const char *p)
{
	size_t n = 0;
	for (;;) {
		if (p[n] == ' ')
			n += 1;
		else if (strncmp(p + n, "\xC2\xA0", 2) == 0)
			n += 2;
		else
			return n;
	}
}

/* If an article pair starts at @p, its length in bytes and where its second word is. */
static size_t pair_at(const char *text, const char *p, const char **second)
{
	if ((p[0] != 'l' && p[0] != 'L') || p[1] != 'a' || word_before(text, p))
		return 0;
	const char *q = p + 2;
	size_t sep = separator_length(q);
	if (!sep)
		return 0;
	q += sep;
	q += spaces_length(q);
	if (strncmp(q, "le", 2) != 0 && strncmp(q, "du", 2) != 0 && strncmp(q, "au", 2) != 0)
		return 0;
	if (word_at(q + 2))
		return 0;
	*second = q;
	return (size_t)(q + 2 - p);
}

char *cispref__render_normalize_inclusive(arena *a, const char *text)
{
	size_t len = strlen(text);
	/* A match only grows when a one-byte separator becomes the two-byte middle dot. */
	char *out = cispref__arena_alloc(a, len * 2 + 1);
	if (!out)
		return NULL;
	char *o = out;
	for (const char *p = text; *p;) {
		const char *second;
		size_t n = pair_at(text, p, &second);
		if (n) {
			*o++ = p[0];
			*o++ = 'a';
			memcpy(o, "\xC2\xB7", 2);
			o += 2;
			memcpy(o, second, 2);
			o += 2;
			p += n;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}
