/* Writing a file so that a failure never destroys the previous one: the bytes go to a
 * temporary file beside the target, which is synced and then renamed over it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "private.h"

static int write_all(int fd, const char *data, size_t size)
{
	while (size) {
		ssize_t n = write(fd, data, size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		size -= (size_t)n;
	}
	return 0;
}

/* Create a fresh temporary file next to @path; O_EXCL guards against races, and the
 * 0666 mode lets the umask decide, as for any new file. */
static int create_temporary(const char *path, char *tmp, size_t tmp_size)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	unsigned long seed = (unsigned long)getpid() ^ (unsigned long)(size_t)tmp;
	for (int attempt = 0; attempt < 100; attempt++) {
		char suffix[9];
		for (int i = 0; i < 8; i++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			suffix[i] = letters[(seed >> 33) % (sizeof letters - 1)];
		}
		suffix[8] = '\0';
		if ((size_t)snprintf(tmp, tmp_size, "%s.%s.tmp", path, suffix) >= tmp_size) {
			errno = ENAMETOOLONG;
			return -1;
		}
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

int cispref__write_file_atomic(const char *path, const char *data, size_t size,
                               cispref_error *error)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		cispref__error_set(error, CISPREF_EIO, path, 0, 0,
		                   "cannot write '%s': it is a directory", path);
		return CISPREF_EIO;
	}
	int existing = stat(path, &st) == 0;
	size_t tmp_size = strlen(path) + 32;
	char *tmp = malloc(tmp_size);
	if (!tmp) {
		cispref__error_set(error, CISPREF_ENOMEM, path, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	int fd = create_temporary(path, tmp, tmp_size);
	const char *step = "create a temporary file for";
	int ok = fd >= 0;
	if (ok && existing)
		(void)fchmod(fd, st.st_mode & 07777); /* best effort: keep the old permissions */
	if (ok && !(ok = write_all(fd, data, size) == 0))
		step = "write";
	if (ok && !(ok = fsync(fd) == 0))
		step = "flush";
	int saved = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = 0;
		saved = errno;
		step = "close";
	}
	if (ok && !(ok = rename(tmp, path) == 0)) {
		saved = errno;
		step = "replace";
	}
	if (!ok) {
		if (fd >= 0)
			unlink(tmp);
		cispref__error_set(error, CISPREF_EIO, path, 0, 0, "cannot %s '%s': %s", step, path,
		                   strerror(saved));
	}
	free(tmp);
	return ok ? CISPREF_OK : CISPREF_EIO;
}
