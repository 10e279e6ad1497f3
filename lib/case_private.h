/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What the CASE writer and reader share (case_write.c, case_read.c): the item types and
 * the names of cispref's extension (doc/interchange.md, "CASE"). */
#ifndef CISPREF_CASE_PRIVATE_H
#define CISPREF_CASE_PRIVATE_H

#include "private.h"

/* What a CFItem is, in cispref's packages: the order of CFDefinitions.CFItemTypes. The
 * three item kinds follow cispref_item_kind_t's order. */
typedef enum case_role {
	CASE_DOMAIN, CASE_PLAN, CASE_COMPETENCE, CASE_SAVOIR_FAIRE,
	CASE_SAVOIR_FAIRE_COMPORTEMENTAL, CASE_SAVOIR, CASE_ROLE_COUNT
} case_role;

typedef struct case_item_type {
	const char *title;       /* CFItemType, and the CFItemType's title */
	const char *code;        /* its typeCode: the model's word */
	const char *description;
} case_item_type;

extern const case_item_type cispref__case_item_types[CASE_ROLE_COUNT];

/* The key under `extensions` that holds what CASE has no field for, and the format name
 * the CFDocument's one carries: a package with it was written by cispref. */
#define CASE_EXTENSION "cispref"
#define CASE_EXTENSION_FORMAT "cispref-case-1"
/* The names whose UUIDs (in the referential's namespace) identify the item types:
 * "cispref:type:domain"... (a ':' keeps them apart from ids). */
#define CASE_TYPE_PREFIX "cispref:type:"
/* lastChangeDateTime when the referential has no source date of a known form. */
#define CASE_DEFAULT_STAMP "1980-01-01T00:00:00+00:00"

/* case_write.c */
int cispref__case_write(xmlBufferPtr out, const cispref_referential *ref,
                        cispref_error *error);

#endif
