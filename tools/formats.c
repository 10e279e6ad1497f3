/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <cispref/cispref.h>

#include "formats.h"

static const char *render_name(size_t i)
{
	return cispref_render_format_name((cispref_render_format_t)i);
}

static const char *render_description(size_t i)
{
	return cispref_render_format_description((cispref_render_format_t)i);
}

static const char *render_extension(size_t i)
{
	return cispref_render_format_extension((cispref_render_format_t)i);
}

static const char *export_name(size_t i)
{
	return cispref_format_name((cispref_format_t)i);
}

static const char *export_description(size_t i)
{
	return cispref_format_description((cispref_format_t)i);
}

static const char *export_extension(size_t i)
{
	return cispref_format_extension((cispref_format_t)i);
}

const cli_formats cli_render_formats = {cispref_render_format_count, render_name,
                                        render_description, render_extension};
const cli_formats cli_export_formats = {cispref_format_count, export_name,
                                        export_description, export_extension};

const char *cli_format_names(const cli_formats *formats, char *buf, size_t size)
{
	size_t count = formats->count(), used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < count && used < size; i++) {
		const char *separator = i == 0 ? "" : i + 1 == count ? " or " : ", ";
		int n = snprintf(buf + used, size - used, "%s%s", separator, formats->name(i));
		used += n > 0 ? (size_t)n : 0;
	}
	return buf;
}

void cli_print_formats(const cli_formats *formats)
{
	/* names in one column, as wide as the longest (at least 6) */
	int width = 6;
	for (size_t i = 0; i < formats->count(); i++)
		if ((int)strlen(formats->name(i)) > width)
			width = (int)strlen(formats->name(i));
	for (size_t i = 0; i < formats->count(); i++)
		printf("  %-*s  %s (%s)\n", width, formats->name(i), formats->description(i),
		       formats->extension(i));
}
