/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <string.h>
#include <utf8proc.h>

#include "private.h"

/* Texts must survive an XML round trip: valid UTF-8 (utf8proc refuses overlong forms,
 * surrogates and code points above U+10FFFF) and no character XML 1.0 forbids: controls
 * below 0x20 but tab, newline and carriage return, U+FFFE and U+FFFF. */
int cispref__text_is_valid(const char *text)
{
	if (!text)
		return 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(text);
	while (left > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t len = utf8proc_iterate(p, left, &c);
		if (len <= 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0xfffe || c == 0xffff)
			return 0;
		p += len;
		left -= len;
	}
	return 1;
}

/* The characters of ids, [A-Za-z_] first and [A-Za-z0-9._-] after, looked up in a table
 * (bit 0: may begin an id, bit 1: may follow): every node's id and reference is checked.
 * strspn() builds a table of its set on every call, which made it a twentieth of a load's
 * instructions; tests by character ranges took twice the instructions of the table. */
#define ID_START(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || (c) == '_')
#define ID_CLASS(c) (ID_START(c) ? 3 : ((c) >= '0' && (c) <= '9') || (c) == '.' || (c) == '-' ? 2 : 0)
#define ID_CLASS4(c) ID_CLASS(c), ID_CLASS((c) + 1), ID_CLASS((c) + 2), ID_CLASS((c) + 3)
#define ID_CLASS16(c) ID_CLASS4(c), ID_CLASS4((c) + 4), ID_CLASS4((c) + 8), ID_CLASS4((c) + 12)
#define ID_CLASS64(c) ID_CLASS16(c), ID_CLASS16((c) + 16), ID_CLASS16((c) + 32), ID_CLASS16((c) + 48)
static const unsigned char id_class[256] = {ID_CLASS64(0), ID_CLASS64(64), ID_CLASS64(128),
                                            ID_CLASS64(192)};

int cispref__id_is_valid(const char *id)
{
	if (!id || !(id_class[(unsigned char)*id] & 1))
		return 0;
	const unsigned char *p = (const unsigned char *)id + 1;
	while (id_class[*p] & 2)
		p++;
	return *p == '\0';
}
