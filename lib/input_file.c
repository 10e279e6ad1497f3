/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What the importers (Moodle CSV, CASE) share: reading a whole input file into memory,
 * for parsers that take a buffer (libcsv, jansson), making a foreign code into an id,
 * appending the validator's findings, and handing their result over. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "private.h"

int cispref__read_regular_file(char **out, size_t *size, const char *path, size_t limit,
                                cispref_error *error)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		int errnum = fd < 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
		cispref__error_set(error, CISPREF_EIO, path, 0, 0, "cannot read '%s': %s", path,
		                   errnum ? strerror(errnum) : "not a regular file");
		cispref__error_set_errnum(error, errnum);
		if (fd >= 0)
			close(fd);
		return CISPREF_EIO;
	}
	if (limit && (size_t)st.st_size > limit) {
		close(fd);
		cispref__error_set(error, CISPREF_ELIMIT, path, 0, 0, "the input is %lld bytes, "
		                   "more than the limit of %zu", (long long)st.st_size, limit);
		return CISPREF_ELIMIT;
	}
	char *buf = malloc((size_t)st.st_size + 1);
	size_t got = 0;
	ssize_t n = 1;
	while (buf && got < (size_t)st.st_size &&
	       (n = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	int errnum = errno;
	close(fd);
	if (!buf || n < 0) {
		free(buf);
		cispref__error_set(error, buf ? CISPREF_EIO : CISPREF_ENOMEM, path, 0, 0,
		                   "cannot read '%s': %s", path, buf ? strerror(errnum)
		                                                     : "out of memory");
		return buf ? CISPREF_EIO : CISPREF_ENOMEM;
	}
	*out = buf;
	*size = got;
	return CISPREF_OK;
}

int cispref__import_hand_over(cispref_referential **out, cispref_diagnostics **diagnostics,
                              cispref_referential *ref, cispref_diagnostics *diags, int rc)
{
	if (rc) {
		cispref_referential_free(ref);
		cispref_diagnostics_free(diags);
		return rc;
	}
	*out = ref;
	if (diagnostics)
		*diagnostics = diags;
	else
		cispref_diagnostics_free(diags);
	return CISPREF_OK;
}

const char *cispref__import_id(arena *a, const cispref_referential *ref, const char *want)
{
	size_t n = strlen(want);
	char *id = cispref__arena_alloc(a, n + 32);
	if (!id)
		return NULL;
	char *w = id;
	if (!((*want >= 'A' && *want <= 'Z') || (*want >= 'a' && *want <= 'z') || *want == '_'))
		*w++ = '_';
	for (const char *r = want; *r; r++)
		*w++ = strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-",
		              *r) ? *r : '_';
	*w = '\0';
	for (unsigned long k = 2; cispref__find(ref, id); k++)
		snprintf(w, 32, "-%lu", k);
	return id;
}

int cispref__import_finish(cispref_diagnostics *diags, const cispref_referential *ref,
                           const char *name, int lines, int failed, cispref_error *error)
{
	if (!failed && cispref__import_validate(diags, ref, name, lines) == CISPREF_OK)
		return CISPREF_OK;
	cispref__error_set(error, CISPREF_ENOMEM, name, 0, 0, "out of memory");
	return CISPREF_ENOMEM;
}

int cispref__import_validate(cispref_diagnostics *diags, const cispref_referential *ref,
                             const char *name, int lines)
{
	cispref_diagnostics *found = NULL;
	if (cispref_validate(&found, ref) != 0)
		return CISPREF_ENOMEM;
	int rc = CISPREF_OK;
	for (size_t i = 0; i < cispref_diagnostics_count(found) && !rc; i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(found, i);
		if (cispref__diagnostics_add(diags, cispref_diagnostic_severity(d),
		                             cispref_diagnostic_tag(d), name,
		                             lines ? cispref_diagnostic_line(d) : 0,
		                             cispref_diagnostic_node_id(d),
		                             cispref_diagnostic_message(d)) != 0)
			rc = CISPREF_ENOMEM;
	}
	cispref_diagnostics_free(found);
	return rc;
}
