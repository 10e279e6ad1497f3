/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The formats of a subcommand, as the library lists them: --help and the usage errors
 * take the names from here, so the tool keeps no list of its own. */
#ifndef CISPREF_TOOLS_FORMATS_H
#define CISPREF_TOOLS_FORMATS_H

#include <stddef.h>

/* One family of formats (render or export): how many, and what the library says of the
 * format at each index. */
typedef struct cli_formats {
	size_t (*count)(void);
	const char *(*name)(size_t index);
	const char *(*description)(size_t index);
	const char *(*extension)(size_t index);
} cli_formats;

/* The render formats and the export formats of the library. */
extern const cli_formats cli_render_formats;
extern const cli_formats cli_export_formats;

/* "html, odt, fodt or md" in @buf (cut to @size). */
const char *cli_format_names(const cli_formats *formats, char *buf, size_t size);

/* One line per format for --help: "  html    one self-contained ... (.html)". */
void cli_print_formats(const cli_formats *formats);

#endif
