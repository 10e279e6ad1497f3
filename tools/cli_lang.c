/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* --lang: a command works on its referential in a chosen language, the library's
 * cispref_referential_translated(), so that every output follows it. */
#include <stdio.h>

#include "cli.h"

/* "N of M texts have no translation into LANG; they stay in SOURCE", when N > 0. */
static void warn_untranslated(const cispref_referential *ref, const char *language)
{
	size_t total;
	size_t missing = cispref_referential_untranslated_count(ref, language, &total);
	if (missing)
		cli_error("%zu of %zu texts have no translation into %s; they stay in %s", missing,
		          total, cli_text(language), cli_text(cispref_referential_language(ref)));
}

int cli_use_language(cispref_referential **ref, const char *language, int quiet)
{
	if (!language)
		return EXIT_OK;
	cispref_referential *view = NULL;
	cispref_error error = {0};
	int rc = cispref_referential_translated(&view, *ref, language, &error);
	if (rc == CISPREF_EARG)
		return cli_usage_error("--lang: %s", cli_text(error.text));
	if (rc) {
		cli_print_error(&error);
		return EXIT_INVALID;
	}
	if (!quiet)
		warn_untranslated(*ref, language);
	cispref_referential_free(*ref);
	*ref = view;
	return EXIT_OK;
}

int cli_load_in(cispref_referential **out, const char *path, unsigned flags,
                const char *language, int quiet)
{
	int rc = cli_load(out, path, flags);
	if (rc == EXIT_OK && (rc = cli_use_language(out, language, quiet)) != EXIT_OK)
		cispref_referential_free(*out);
	return rc;
}
