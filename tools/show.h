/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The outputs of cispref show, one file each. */
#ifndef CISPREF_TOOLS_SHOW_H
#define CISPREF_TOOLS_SHOW_H

#include <cispref/cispref.h>

/* Print the node @id of @ref (it exists) as JSON; @index serves concepts. */
int show_json(const cispref_referential *ref, const cispref_index *index, const char *id);

#endif
