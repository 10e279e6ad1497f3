/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Identity of a referential and its nodes (identity.c): the namespace UUID, each node's
 * version-5 UUID, the base URI. Every referential has its namespace set by whoever
 * creates it (the loader, the builder), once its id is known. */
#ifndef CISPREF_IDENTITY_H
#define CISPREF_IDENTITY_H

#include "private.h"

/* Check the root's optional `uuid` and `base-uri` attributes (NULL when absent) as the
 * format asks. Returns 0, or CISPREF_EFORMAT, CISPREF_ELIMIT (a base URI too long) or
 * CISPREF_ENOMEM with @message (@size bytes) saying which attribute is wrong and why. */
int cispref__identity_check(const char *uuid, const char *base_uri, char *message,
                            size_t size);
/* Set @ref's namespace to @uuid (checked already), or to the one derived from its id
 * when @uuid is NULL, and its base URI to a copy of @base_uri (checked, or NULL).
 * CISPREF_OK or CISPREF_ENOMEM (then @ref is unchanged). */
int cispref__identity_set(cispref_referential *ref, const char *uuid, const char *base_uri);
/* The version-5 UUID of @name in the namespace @ns (a checked UUID string), lower case. */
void cispref__identity_uuid5(char out[CISPREF_UUID_STRING_SIZE], const char *ns,
                             const char *name);
/* The UUID of @id in @ref's namespace, whether or not a node holds @id. */
void cispref__identity_node_uuid(char out[CISPREF_UUID_STRING_SIZE],
                                 const cispref_referential *ref, const char *id);
/* base URI + @id into a new malloc()ed string in @out, or NULL when @ref has no base
 * URI. CISPREF_OK or CISPREF_ENOMEM. */
int cispref__identity_node_uri(char **out, const cispref_referential *ref, const char *id);

#endif
