#include <string.h>
#include <libxml/xmlstring.h>

#include "private.h"

/* Texts must survive an XML round trip: valid UTF-8 and no control character that
 * XML 1.0 forbids (all below 0x20 but tab, newline and carriage return). */
int cispref__text_is_valid(const char *text)
{
	if (!text)
		return 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			return 0;
	return *text == '\0' || xmlCheckUTF8((const xmlChar *)text);
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
