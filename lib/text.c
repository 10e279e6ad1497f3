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

int cispref__id_is_valid(const char *id)
{
	static const char first[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
	static const char rest[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789.-";
	if (!id || !*id || !strchr(first, *id))
		return 0;
	return strspn(id, rest) == strlen(id);
}
