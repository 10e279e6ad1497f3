/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The initialisers of the versioned option structs: the same values as their _INIT
 * macros, for callers that cannot expand a macro (bindings, other languages' FFIs). */
#include "private.h"

void cispref_load_options_init(cispref_load_options *options)
{
	static const cispref_load_options defaults = CISPREF_LOAD_OPTIONS_INIT;
	if (options)
		*options = defaults;
}

void cispref_render_options_init(cispref_render_options *options)
{
	static const cispref_render_options defaults = CISPREF_RENDER_OPTIONS_INIT;
	if (options)
		*options = defaults;
}

void cispref_search_options_init(cispref_search_options *options)
{
	static const cispref_search_options defaults = CISPREF_SEARCH_OPTIONS_INIT;
	if (options)
		*options = defaults;
}

void cispref_filter_init(cispref_filter *filter)
{
	static const cispref_filter defaults = CISPREF_FILTER_INIT;
	if (filter)
		*filter = defaults;
}
