/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Stable identity: a referential's namespace UUID, each node's version-5 UUID (RFC 4122
 * section 4.3, computed by libuuid) and the base URI that gives each node a URI. The
 * rules, and why a missing namespace is derived rather than drawn at random, are in
 * model.h (Identity). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/uri.h>
#include <uuid/uuid.h>

#include "identity.h"

/* The namespace of the namespaces that referentials derive from their ids when they name
 * none: uuid5(NameSpace_URL of RFC 4122 appendix C, "urn:cispref:referential", the
 * format's XML namespace name), so that anyone can recompute it. Fixed forever: changing
 * it would change the identity of every referential that names no UUID. */
static const char derived_namespace[] = "6461bcce-cd61-5e0b-b808-e82147f8fa2b";

/* Longest value a message quotes; a longer one is described by its length, so that the
 * message still ends with what was expected. */
#define QUOTE_MAX 100

/* Version-5 UUID of @name in @ns, lower-case (RFC 4122 section 3: "output as lower case
 * characters"). */
static void uuid5(char out[CISPREF_UUID_STRING_SIZE], const uuid_t ns, const char *name)
{
	uuid_t u;
	uuid_generate_sha1(u, ns, name, strlen(name));
	uuid_unparse_lower(u, out);
}

/* Parse @text as an RFC 4122 string (either case); the nil UUID, which names nothing, is
 * refused. Returns 0 or -1. */
static int parse_uuid(const char *text, uuid_t out)
{
	if (strlen(text) != CISPREF_UUID_STRING_SIZE - 1 || uuid_parse(text, out) != 0)
		return -1;
	return uuid_is_null(out) ? -1 : 0;
}

/* The form the XML takes: lower-case only, one spelling per UUID (canonical files). */
static int uuid_is_canonical(const char *text)
{
	uuid_t u;
	return strspn(text, "0123456789abcdef-") == strlen(text) && parse_uuid(text, u) == 0;
}

/* RFC 3986 section 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), followed by
 * ':'. libxml2 checks it too; checking it here first lets the message say what is wrong,
 * the commonest mistake being a relative reference ("/cisp/", "www.example.org/"). */
static int has_scheme(const char *uri)
{
	static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	static const char rest[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-.";
	if (!uri[0] || !strchr(alpha, uri[0]))
		return 0;
	return uri[1 + strspn(uri + 1, rest)] == ':';
}

/* Why @uri cannot be a base URI: 0, or a status with @why set. The grammar of RFC 3986
 * is libxml2's (xmlParseURIReference(), which refuses spaces, non-ASCII characters and
 * bad percent-escapes); the scheme then makes the reference a URI, not a relative one.
 * A node's id ([A-Za-z0-9._-]) appended to a URI keeps it one. */
static int base_uri_problem(const char *uri, const char **why)
{
	if (strlen(uri) > CISPREF_BASE_URI_MAX) {
		*why = "longer than the 2048 bytes a base URI may have";
		return CISPREF_ELIMIT;
	}
	if (!has_scheme(uri)) {
		*why = "a URI beginning with a scheme and ':' (RFC 3986 section 3.1), as 'https:' does";
		return CISPREF_EFORMAT;
	}
	xmlURIPtr parsed = xmlCreateURI();
	if (!parsed) {
		*why = "out of memory";
		return CISPREF_ENOMEM;
	}
	int bad = xmlParseURIReference(parsed, uri) != 0 || !parsed->scheme;
	xmlFreeURI(parsed);
	if (bad) {
		*why = "a URI as RFC 3986 writes it (no spaces, quotes or non-ASCII characters, "
		       "which are percent-encoded, and '%' followed by two hexadecimal digits)";
		return CISPREF_EFORMAT;
	}
	return CISPREF_OK;
}

/* "attribute 'NAME' has the value 'VALUE', expected WHAT", the value described by its
 * length when quoting it would crowd out the rest. */
static void describe(char *message, size_t size, const char *name, const char *value,
                     const char *expected)
{
	size_t length = strlen(value);
	if (length <= QUOTE_MAX)
		snprintf(message, size, "attribute '%s' has the value '%s', expected %s", name,
		         value, expected);
	else
		snprintf(message, size, "attribute '%s' has a value of %zu bytes, expected %s", name,
		         length, expected);
}

int cispref__identity_check(const char *uuid, const char *base_uri, char *message,
                            size_t size)
{
	if (uuid && !uuid_is_canonical(uuid)) {
		describe(message, size, "uuid", uuid,
		         "a lower-case RFC 4122 UUID: 8-4-4-4-12 hexadecimal digits, not all zero");
		return CISPREF_EFORMAT;
	}
	const char *why = NULL;
	int rc = base_uri ? base_uri_problem(base_uri, &why) : CISPREF_OK;
	if (rc == CISPREF_ELIMIT)
		snprintf(message, size, "attribute 'base-uri' has %zu bytes, %s", strlen(base_uri),
		         why);
	else if (rc == CISPREF_ENOMEM)
		snprintf(message, size, "%s", why);
	else if (rc)
		describe(message, size, "base-uri", base_uri, why);
	return rc;
}

/* The namespace derived from @id (see model.h for why it is derived). */
static void derive(char out[CISPREF_UUID_STRING_SIZE], const char *id)
{
	uuid_t ns;
	uuid_parse(derived_namespace, ns);
	uuid5(out, ns, id);
}

int cispref__identity_set(cispref_referential *ref, const char *uuid, const char *base_uri)
{
	const char *copy = NULL;
	if (base_uri && !(copy = cispref__arena_strdup(ref->arena, base_uri)))
		return CISPREF_ENOMEM;
	if (uuid)
		memcpy(ref->uuid, uuid, sizeof ref->uuid);
	else
		derive(ref->uuid, ref->id);
	ref->base_uri = copy;
	return CISPREF_OK;
}

void cispref__identity_uuid5(char out[CISPREF_UUID_STRING_SIZE], const char *ns,
                             const char *name)
{
	uuid_t u;
	uuid_parse(ns, u); /* a checked string: cannot fail */
	uuid5(out, u, name);
}

void cispref__identity_node_uuid(char out[CISPREF_UUID_STRING_SIZE],
                                 const cispref_referential *ref, const char *id)
{
	uuid_t ns;
	uuid_parse(ref->uuid, ns); /* set from a checked string: cannot fail */
	uuid5(out, ns, id);
}

int cispref__identity_node_uri(char **out, const cispref_referential *ref, const char *id)
{
	*out = NULL;
	if (!ref->base_uri)
		return CISPREF_OK;
	size_t base = strlen(ref->base_uri), tail = strlen(id);
	char *uri = malloc(base + tail + 1);
	if (!uri)
		return CISPREF_ENOMEM;
	memcpy(uri, ref->base_uri, base);
	memcpy(uri + base, id, tail + 1);
	*out = uri;
	return CISPREF_OK;
}

/* ---- public API ---------------------------------------------------------------- */

const char *cispref_referential_uuid(const cispref_referential *ref)
{
	return ref ? ref->uuid : NULL;
}

const char *cispref_referential_base_uri(const cispref_referential *ref)
{
	return ref ? ref->base_uri : NULL;
}

int cispref_referential_node_uuid(char out[CISPREF_UUID_STRING_SIZE],
                                  const cispref_referential *ref, const char *id)
{
	if (out)
		out[0] = '\0';
	if (!out || !ref || !id)
		return CISPREF_EARG;
	if (!cispref__find(ref, id))
		return CISPREF_ENOTFOUND;
	cispref__identity_node_uuid(out, ref, id);
	return CISPREF_OK;
}

int cispref_referential_node_uri(char **out, const cispref_referential *ref, const char *id)
{
	if (out)
		*out = NULL;
	if (!out || !ref || !id)
		return CISPREF_EARG;
	if (!cispref__find(ref, id))
		return CISPREF_ENOTFOUND;
	return cispref__identity_node_uri(out, ref, id);
}

int cispref_referential_set_uuid(cispref_referential *ref, const char *uuid)
{
	uuid_t u;
	if (!ref || (uuid && parse_uuid(uuid, u) != 0))
		return CISPREF_EARG;
	if (uuid)
		uuid_unparse_lower(u, ref->uuid);
	else
		derive(ref->uuid, ref->id);
	return CISPREF_OK;
}

int cispref_referential_set_base_uri(cispref_referential *ref, const char *base_uri)
{
	if (!ref)
		return CISPREF_EARG;
	const char *why = NULL;
	int rc = base_uri ? base_uri_problem(base_uri, &why) : CISPREF_OK;
	if (rc)
		return rc == CISPREF_ENOMEM ? rc : CISPREF_EARG;
	const char *copy = NULL;
	if (base_uri && !(copy = cispref__arena_strdup(ref->arena, base_uri)))
		return CISPREF_ENOMEM;
	ref->base_uri = copy;
	return CISPREF_OK;
}
