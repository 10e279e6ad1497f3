/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The referential compiled into the library: its bytes come from data/ at build time. */
#include "private.h"

extern const unsigned char cispref__default_xml[];
extern const size_t cispref__default_xml_size;

int cispref_referential_load_default(cispref_referential **out, cispref_error *error)
{
	return cispref_referential_load_memory(out, (const char *)cispref__default_xml,
	                                       cispref__default_xml_size,
	                                       CISPREF_DEFAULT_NAME, NULL, error);
}
