/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Writing an output file without ever destroying the previous one, whatever the name
 * leads to:
 * - a regular file, or a name that does not exist yet, is replaced atomically: the bytes
 *   go to a temporary file in the same directory (unnamed with O_TMPFILE where the file
 *   system allows it), which gets the old file's owner, group, ACL and mode, is synced,
 *   and is renamed over the name; the directory is synced after the rename;
 * - a symbolic link is written through: its final target is replaced as above (a
 *   dangling link makes the file it names), and the link stays a link;
 * - a FIFO, a character device or a terminal is opened and written directly (renaming
 *   over it would replace the device node by a regular file);
 * - a directory, a block device or a socket is refused.
 * Every step goes through one descriptor of the target's directory, so a rename of a
 * directory on the path meanwhile cannot send the temporary file elsewhere. */
#define _GNU_SOURCE /* O_TMPFILE and AT_EMPTY_PATH (Linux); other systems take the
                     * named temporary file */

#include <acl/libacl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/acl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "private.h"

/* Links followed before giving up with ELOOP: Linux's own limit for one lookup. */
enum { MAX_LINKS = 40 };

/* Temporary names are ".cispref-PID-XXXXXX.tmp": short and of bounded length (at most
 * 30 bytes), so any valid target name can be saved, and recognisable, so a later save
 * can remove the ones a killed process left (see remove_stale_temporaries()). */
#define TMP_PREFIX ".cispref-"
#define TMP_SUFFIX ".tmp"
enum { TMP_RANDOM = 6, TMP_NAME_SIZE = 40 };
static const char tmp_letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";

/* A leftover temporary file is stale once unmodified for this long (and its process
 * gone): a live writer keeps modifying its file. */
enum { STALE_SECONDS = 60 };

/* @text in @out (of @size bytes), kept to @max bytes by replacing its middle with "…":
 * a path as long as PATH_MAX would otherwise fill the message and cut off the reason,
 * which comes last. The two ends are cut at character boundaries (UTF-8). */
static void shorten_middle(char *out, size_t size, const char *text, size_t max)
{
	static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026 */
	size_t len = strlen(text);
	if (max >= size)
		max = size - 1;
	if (len <= max || max < 2 * sizeof ellipsis) {
		snprintf(out, size, "%.*s", (int)(len <= max ? len : max), text);
		cispref__utf8_trim(out, strlen(out));
		return;
	}
	size_t keep = max - (sizeof ellipsis - 1), head = keep / 2, tail = len - (keep - head);
	while (head > 0 && ((unsigned char)text[head] & 0xC0) == 0x80)
		head--;
	while (tail < len && ((unsigned char)text[tail] & 0xC0) == 0x80)
		tail++;
	snprintf(out, size, "%.*s%s%s", (int)head, text, ellipsis, text + tail);
}

/* "cannot write 'PATH': DETAIL: ERRNO TEXT"; the detail or the errno text may be absent.
 * A long path or detail is shortened in its middle, so that the reason always shows. */
__attribute__((format(printf, 4, 5)))
static int report(cispref_error *error, const char *path, int err, const char *fmt, ...)
{
	enum { SIZE = CISPREF_ERROR_TEXT_LENGTH, PATH_SHOWN = 160 };
	char detail[SIZE], short_path[SIZE], short_detail[SIZE];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	if (err == ENOMEM) {
		cispref__error_set(error, CISPREF_ENOMEM, path, 0, 0, "out of memory");
		return CISPREF_ENOMEM;
	}
	const char *reason = err ? strerror(err) : "";
	shorten_middle(short_path, sizeof short_path, path, PATH_SHOWN);
	/* what is left of the message for the detail: "cannot write '': " and ": " */
	size_t used = strlen("cannot write '': : ") + strlen(short_path) + strlen(reason) + 1;
	shorten_middle(short_detail, sizeof short_detail, detail, used < SIZE ? SIZE - used : 0);
	cispref__error_set(error, CISPREF_EIO, path, 0, 0, "cannot write '%s': %s%s%s", short_path,
	                   short_detail, short_detail[0] && err ? ": " : "", reason);
	cispref__error_set_errnum(error, err);
	return CISPREF_EIO;
}

/* As report(), for a target that is a directory: the message has no system text, as no
 * system call failed, but the error carries EISDIR, as open() for writing would give. */
__attribute__((format(printf, 3, 4)))
static int refuse_directory(cispref_error *error, const char *path, const char *fmt, ...)
{
	char detail[CISPREF_ERROR_TEXT_LENGTH];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	int rc = report(error, path, 0, "%s", detail);
	cispref__error_set_errnum(error, EISDIR);
	return rc;
}

/* ---- signals ---------------------------------------------------------------------- */

/* A write beyond RLIMIT_FSIZE raises SIGXFSZ, and a write to a FIFO whose reader left
 * raises SIGPIPE; both kill the process by default. A library must not change the
 * process's dispositions, so the writing thread blocks the two while it writes: a signal
 * the writes raise stays pending on the thread and is consumed before unblocking, and
 * the write's EFBIG or EPIPE is reported instead. One already pending is left alone. */
struct signal_guard {
	sigset_t old_mask, pending_before;
};

static void signals_block(struct signal_guard *g)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGXFSZ);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &set, &g->old_mask);
	sigpending(&g->pending_before);
}

static void signals_restore(struct signal_guard *g)
{
	static const int raised[] = {SIGXFSZ, SIGPIPE};
	int saved = errno;
	sigset_t pending;
	sigpending(&pending);
	for (size_t i = 0; i < sizeof raised / sizeof raised[0]; i++) {
		if (!sigismember(&pending, raised[i]) || sigismember(&g->pending_before, raised[i]))
			continue;
		sigset_t one;
		sigemptyset(&one);
		sigaddset(&one, raised[i]);
		struct timespec now = {0, 0};
		while (sigtimedwait(&one, NULL, &now) < 0 && errno == EINTR)
			;
	}
	pthread_sigmask(SIG_SETMASK, &g->old_mask, NULL);
	errno = saved;
}

/* 0, or the errno of the failed write. */
static int write_all(int fd, const char *data, size_t size)
{
	struct signal_guard guard;
	int err = 0;
	signals_block(&guard);
	while (size && !err) {
		ssize_t n = write(fd, data, size);
		if (n < 0 && errno != EINTR)
			err = errno;
		if (n <= 0)
			continue;
		data += n;
		size -= (size_t)n;
	}
	signals_restore(&guard);
	return err;
}

/* ---- FIFOs and character devices ---------------------------------------------------- */

/* Opened as they are (through links the kernel follows, which also serves /dev/stdout and
 * /dev/fd/N) and written in place; no O_TRUNC, no rename, no fsync. Opening a FIFO waits
 * for a reader, as a shell redirection does. */
static int write_in_place(const char *path, const char *data, size_t size,
                          cispref_error *error)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return report(error, path, errno, "cannot open it");
	struct stat st;
	if (fstat(fd, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))) {
		/* replaced by something else since it was looked up: writing without O_TRUNC
		 * could leave old bytes behind, so stop */
		close(fd);
		return report(error, path, 0, "it changed while it was being opened");
	}
	int err = write_all(fd, data, size);
	if (close(fd) != 0 && !err && errno != EINTR)
		err = errno;
	if (err)
		return report(error, path, err, "cannot write to the %s",
		              S_ISFIFO(st.st_mode) ? "FIFO" : "device");
	return CISPREF_OK;
}

/* ---- following symbolic links ------------------------------------------------------ */

/* Where the link at @link points, as a path usable from here: a relative target is taken
 * from the link's directory. NULL with errno on failure. */
static char *read_link(const char *link)
{
	size_t cap = 256;
	char *target = NULL;
	for (;;) {
		char *grown = realloc(target, cap);
		if (!grown) {
			free(target);
			return NULL;
		}
		target = grown;
		ssize_t n = readlink(link, target, cap);
		if (n < 0) {
			free(target);
			return NULL;
		}
		if ((size_t)n < cap) {
			target[n] = '\0';
			break;
		}
		cap *= 2;
	}
	const char *slash = strrchr(link, '/');
	if (target[0] == '/' || !slash)
		return target;
	size_t dir_len = (size_t)(slash - link) + 1;
	char *joined = malloc(dir_len + strlen(target) + 1);
	if (joined) {
		memcpy(joined, link, dir_len);
		strcpy(joined + dir_len, target);
	}
	free(target);
	return joined;
}

/* The name that writing @path ends at, links followed. Written here rather than with
 * realpath() because a dangling link must lead to the name it points to, where realpath()
 * fails; links among the directories are left to the kernel. NULL with errno (ELOOP after
 * MAX_LINKS links, ENOMEM, lstat's errno other than ENOENT). */
static char *follow_links(const char *path)
{
	char *name = strdup(path);
	for (int links = 0; name; links++) {
		struct stat st;
		if (lstat(name, &st) != 0) {
			if (errno == ENOENT)
				return name; /* a new file, maybe the target of a dangling link */
			break;
		}
		if (!S_ISLNK(st.st_mode))
			return name;
		if (links == MAX_LINKS) {
			errno = ELOOP;
			break;
		}
		char *next = read_link(name);
		free(name);
		name = next;
	}
	int saved = errno;
	free(name);
	errno = saved;
	return NULL;
}

/* ---- temporary files ---------------------------------------------------------------- */

static void make_temporary_name(char name[TMP_NAME_SIZE], unsigned attempt)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	/* unpredictable enough to avoid collisions; O_EXCL and linkat() catch the rest */
	unsigned long seed = (unsigned long)ts.tv_nsec ^ ((unsigned long)ts.tv_sec << 20) ^
	                     (unsigned long)(size_t)name ^ attempt * 2654435761UL;
	char random[TMP_RANDOM + 1];
	for (int i = 0; i < TMP_RANDOM; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		random[i] = tmp_letters[(seed >> 33) % (sizeof tmp_letters - 1)];
	}
	random[TMP_RANDOM] = '\0';
	snprintf(name, TMP_NAME_SIZE, TMP_PREFIX "%ld-%s" TMP_SUFFIX, (long)getpid(), random);
}

/* The process id in a temporary name of ours, or 0 when @name is not one. */
static long temporary_name_pid(const char *name)
{
	size_t prefix = strlen(TMP_PREFIX);
	if (strncmp(name, TMP_PREFIX, prefix) != 0)
		return 0;
	const char *p = name + prefix;
	long pid = 0;
	int digits = 0;
	for (; *p >= '0' && *p <= '9' && digits < 10; p++, digits++)
		pid = pid * 10 + (*p - '0');
	if (digits == 0 || *p++ != '-')
		return 0;
	for (int i = 0; i < TMP_RANDOM; i++, p++)
		if (!*p || !strchr(tmp_letters, *p))
			return 0;
	return strcmp(p, TMP_SUFFIX) == 0 ? pid : 0;
}

/* A save killed between creating and renaming its temporary file (SIGKILL, a crash, a
 * power cut) leaves it behind. Each save removes, in its directory, the temporary files
 * that are stale: a regular file with a name of ours whose process no longer exists
 * (kill(pid, 0) fails with ESRCH) and that was not modified for STALE_SECONDS. The delay
 * protects a writer alive in another PID namespace or on another host sharing the
 * directory; a reused process id only delays the removal. Best effort. */
static void remove_stale_temporaries(int dirfd)
{
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
	if (!dir) {
		if (fd >= 0)
			close(fd);
		return;
	}
	time_t now = time(NULL);
	for (struct dirent *e; (e = readdir(dir)) != NULL;) {
		long pid = temporary_name_pid(e->d_name);
		struct stat st;
		if (pid <= 0 || pid > INT_MAX ||
		    fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode) || now - st.st_mtime < STALE_SECONDS)
			continue;
		if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
			(void)unlinkat(dirfd, e->d_name, 0);
	}
	closedir(dir);
}

struct temporary {
	int fd;
	int unnamed;              /* O_TMPFILE: no name until linked */
	char name[TMP_NAME_SIZE]; /* "" while unnamed */
};

/* Created with @mode from the start (the umask narrows it further), so nobody else can
 * open it while the content is written, whatever the old file allowed. */
static int open_temporary(struct temporary *t, int dirfd, mode_t mode, unsigned flags)
{
	t->name[0] = '\0';
	t->unnamed = 0;
#ifdef O_TMPFILE
	if (!(flags & CISPREF__WRITE_NAMED_TEMPORARY)) {
		t->fd = openat(dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
		if (t->fd >= 0) {
			t->unnamed = 1;
			return 0;
		}
		/* EISDIR: a kernel without O_TMPFILE; EOPNOTSUPP: a file system without it */
		if (errno != EISDIR && errno != EOPNOTSUPP && errno != EINVAL)
			return -1;
	}
#else
	(void)flags;
#endif
	for (unsigned attempt = 0; attempt < 100; attempt++) {
		make_temporary_name(t->name, attempt);
		t->fd = openat(dirfd, t->name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		               mode);
		if (t->fd >= 0 || errno != EEXIST)
			break;
	}
	if (t->fd < 0)
		t->name[0] = '\0';
	return t->fd < 0 ? -1 : 0;
}

/* Give an unnamed temporary file a temporary name, so it can be renamed over the target.
 * Through /proc (the way open(2) documents for O_TMPFILE), else with AT_EMPTY_PATH (which
 * needs privileges on older kernels). */
static int name_temporary(struct temporary *t, int dirfd)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", t->fd);
	for (unsigned attempt = 0; attempt < 100; attempt++) {
		make_temporary_name(t->name, attempt);
		if (linkat(AT_FDCWD, proc, dirfd, t->name, AT_SYMLINK_FOLLOW) == 0)
			return 0;
#ifdef AT_EMPTY_PATH
		if (errno != EEXIST && linkat(t->fd, "", dirfd, t->name, AT_EMPTY_PATH) == 0)
			return 0;
#endif
		if (errno != EEXIST)
			break;
	}
	t->name[0] = '\0';
	return -1;
}

/* ---- keeping the old file's identity ------------------------------------------------ */

/* The old file's access ACL goes to the new file when it says more than the mode. When
 * the old file had none but the new one inherited named entries from the directory's
 * default ACL, those are dropped, so the replacement grants what the old file granted. */
static int keep_acl(int fd, const char *old_name, mode_t mode)
{
	int extended = acl_extended_file_nofollow(old_name);
	if (extended < 0)
		return errno == ENOTSUP || errno == ENOSYS ? 0 : -1;
	acl_t acl = NULL;
	if (extended)
		acl = acl_get_file(old_name, ACL_TYPE_ACCESS);
	else if (acl_extended_fd(fd) == 1)
		acl = acl_from_mode(mode);
	else
		return 0;
	if (!acl)
		return -1;
	int rc = acl_set_fd(fd, acl);
	acl_free(acl);
	return rc;
}

/* Owner and group of the old file (as root, replacing another user's file must not give
 * it to root). When they cannot be kept, the set-user-ID (set-group-ID) bit is dropped
 * from @mode, so the new file is never set-ID under another identity. */
static int keep_owner(int fd, const struct stat *old, mode_t *mode)
{
	struct stat now;
	if (fstat(fd, &now) != 0)
		return -1;
	if (now.st_uid == old->st_uid && now.st_gid == old->st_gid)
		return 0;
	if (fchown(fd, old->st_uid, old->st_gid) != 0)
		(void)fchown(fd, (uid_t)-1, old->st_gid); /* a group of the caller's, at least */
	if (fstat(fd, &now) != 0)
		return -1;
	if (now.st_uid != old->st_uid)
		*mode &= ~(mode_t)S_ISUID;
	if (now.st_gid != old->st_gid)
		*mode &= ~(mode_t)S_ISGID;
	return 0;
}

/* ---- replacing a regular file ---------------------------------------------------- */

struct place {
	int dirfd;
	int can_read;     /* opened for reading: can be synced and listed */
	const char *base; /* the name in the directory */
};

/* Open the directory of @name. A directory we may write into but not read still works
 * through O_PATH (then it is neither synced nor cleaned). */
static int open_place(struct place *at, const char *name, char **dir_out)
{
	const char *slash = strrchr(name, '/');
	at->base = slash ? slash + 1 : name;
	size_t len = slash ? (size_t)(slash - name) : 1;
	char *dir = malloc(len + 1);
	if (!dir)
		return -1;
	if (!slash)
		strcpy(dir, ".");
	else if (slash == name)
		strcpy(dir, "/"), len = 1;
	else
		memcpy(dir, name, len), dir[len] = '\0';
	*dir_out = dir;
	at->can_read = 1;
	at->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#ifdef O_PATH
	if (at->dirfd < 0 && errno == EACCES) {
		at->can_read = 0;
		at->dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	}
#endif
	return at->dirfd < 0 ? -1 : 0;
}

/* The content, then the mode (after writing: a write by an unprivileged process clears
 * the set-ID bits), then the disk. 0 or an errno, with @step saying which. */
static int fill_temporary(struct temporary *t, const struct stat *old, const char *name,
                          const char *data, size_t size, const char **step)
{
	mode_t mode = old ? old->st_mode & 07777 : 0;
	*step = "cannot keep the owner of";
	if (old && keep_owner(t->fd, old, &mode) != 0)
		return errno;
	*step = "cannot keep the access control list of";
	if (old && keep_acl(t->fd, name, mode) != 0)
		return errno;
	*step = "cannot write the temporary file for";
	int err = write_all(t->fd, data, size);
	if (err)
		return err;
	*step = "cannot keep the mode of";
	if (old && fchmod(t->fd, mode) != 0)
		return errno;
	*step = "cannot flush the temporary file for";
	return fsync(t->fd) == 0 ? 0 : errno;
}

/* Returned by replace_at() when the file system gave an unnamed file no name: the caller
 * starts again with a named temporary file. */
enum { RETRY_NAMED = 1 };

static int replace_at(const char *path, const char *name, const struct place *at,
                      const char *data, size_t size, unsigned flags, cispref_error *error)
{
	struct stat old;
	int exists = fstatat(at->dirfd, at->base, &old, AT_SYMLINK_NOFOLLOW) == 0;
	if (!exists && errno != ENOENT)
		return report(error, path, errno, "cannot look up '%s'", name);
	if (exists && !S_ISREG(old.st_mode))
		return report(error, path, 0, "'%s' changed while it was being looked up", name);
	if (at->can_read)
		remove_stale_temporaries(at->dirfd);

	struct temporary t;
	if (open_temporary(&t, at->dirfd, exists ? old.st_mode & 0777 : 0666, flags) != 0)
		return report(error, path, errno, "cannot create a temporary file beside '%s'", name);
	const char *step = "";
	int err = fill_temporary(&t, exists ? &old : NULL, name, data, size, &step);
	if (!err && t.unnamed && name_temporary(&t, at->dirfd) != 0) {
		close(t.fd);
		return RETRY_NAMED;
	}
	if (close(t.fd) != 0 && !err && errno != EINTR) {
		err = errno;
		step = "cannot close the temporary file for";
	}
	if (!err && renameat(at->dirfd, t.name, at->dirfd, at->base) != 0) {
		err = errno;
		step = "cannot rename the temporary file over";
	}
	if (err) {
		if (t.name[0])
			(void)unlinkat(at->dirfd, t.name, 0);
		return report(error, path, err, "%s '%s'", step, name);
	}
	/* The new file is in place: a failed sync of the directory cannot be reported as a
	 * failure, which would say the old file was still there. */
	if (at->can_read)
		(void)fsync(at->dirfd);
	return CISPREF_OK;
}

static int replace_file(const char *path, const char *name, const char *data, size_t size,
                        unsigned flags, cispref_error *error)
{
	size_t len = strlen(name);
	if (len == 0 || name[len - 1] == '/')
		return refuse_directory(error, path, "'%s' names a directory", name);
	struct place at;
	char *dir = NULL;
	if (open_place(&at, name, &dir) != 0) {
		int rc = report(error, path, errno, "cannot open the directory '%s'", dir ? dir : "");
		free(dir);
		return rc;
	}
	int rc = replace_at(path, name, &at, data, size, flags, error);
	if (rc == RETRY_NAMED)
		rc = replace_at(path, name, &at, data, size, flags | CISPREF__WRITE_NAMED_TEMPORARY,
		                error);
	close(at.dirfd);
	free(dir);
	return rc;
}

int cispref__write_file_atomic(const char *path, const char *data, size_t size,
                               unsigned flags, cispref_error *error)
{
	struct stat st;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return refuse_directory(error, path, "%s", "it is a directory");
		if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))
			return write_in_place(path, data, size, error);
		if (S_ISBLK(st.st_mode))
			return report(error, path, 0, "it is a block device");
		if (!S_ISREG(st.st_mode))
			return report(error, path, 0, "it is %s",
			              S_ISSOCK(st.st_mode) ? "a socket" : "not a regular file");
	} else if (errno != ENOENT) {
		return report(error, path, errno, "%s", "");
	}
	char *name = follow_links(path);
	if (!name)
		return report(error, path, errno, "%s", "");
	int rc = replace_file(path, name, data, size, flags, error);
	free(name);
	return rc;
}
