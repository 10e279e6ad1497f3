/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What the importers (Moodle CSV, CASE) share: reading a whole input file into memory,
 * for parsers that take a buffer (libcsv, jansson), and handing their result over. */
#include <errno.h>
#include <fcntl.h>
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
