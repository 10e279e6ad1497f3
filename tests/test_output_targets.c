/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Writing an output file, by what its name leads to (lib/atomic_file.c): regular files
 * replaced atomically with their mode, owner, group and ACL; symbolic links written
 * through; FIFOs and character devices written in place; directories, block devices and
 * sockets refused; temporary files of killed saves removed; RLIMIT_FSIZE and a FIFO whose
 * reader left reported as errors, not signals.
 *
 * The program is linked with the static library: it calls the internal writer to reach
 * the named-temporary fallback (for file systems without O_TMPFILE), and wraps openat()
 * (-Wl,--wrap) to see the mode a temporary file has when it is created. Parts that need
 * root (ownership, device nodes) are separate cases, reported as skipped otherwise. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <sys/resource.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <acl/libacl.h>
#include <sys/acl.h>

#include "test_util.h"
#include "run_program.h"
#include "private.h"

static const unsigned both_ways[] = {CISPREF__WRITE_DEFAULT, CISPREF__WRITE_NAMED_TEMPORARY};
#define FOR_BOTH_WAYS(flags)                                                                 \
	for (size_t way_ = 0; way_ < 2; way_++)                                                  \
		for (unsigned flags = both_ways[way_], once_ = 1; once_; once_ = 0)

/* ---- watching the creation of files --------------------------------------------- */

/* The last file the library created with openat(): its mode right after creation, and
 * whether it was an unnamed O_TMPFILE. */
static struct {
	int count;
	int unnamed;
	mode_t mode;
} created;

int __real_openat64(int dirfd, const char *path, int flags, ...);
int __wrap_openat64(int dirfd, const char *path, int flags, ...);
int __wrap_openat64(int dirfd, const char *path, int flags, ...)
{
	int creates = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
	mode_t mode = 0;
	if (creates) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	int fd = __real_openat64(dirfd, path, flags, mode);
	struct stat st;
	if (fd >= 0 && creates && fstat(fd, &st) == 0) {
		created.count++;
		created.unnamed = (flags & O_TMPFILE) == O_TMPFILE;
		created.mode = st.st_mode & 07777;
	}
	return fd;
}

/* ---- scratch directory and helpers --------------------------------------------- */

static char *scratch;

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

static int scratch_setup(void **state)
{
	(void)state;
	scratch = make_temp_dir();
	run_dir = scratch; /* run_program.h's outputs go there too */
	return scratch ? 0 : -1;
}

static int scratch_teardown(void **state)
{
	(void)state;
	int rc = nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(scratch);
	return rc;
}

/* @name in the scratch directory, in one of a few rotating static buffers. */
static const char *at(const char *name)
{
	static char paths[6][4400];
	static int next;
	char *p = paths[next++ % 6];
	snprintf(p, sizeof paths[0], "%s/%s", scratch, name);
	return p;
}

static int save(const char *path, const char *text, unsigned flags, cispref_error *error)
{
	if (error)
		memset(error, 0, sizeof *error);
	created.count = 0;
	return cispref__write_file_atomic(path, text, strlen(text), flags, error);
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static void assert_content(const char *path, const char *expected)
{
	char *got = read_whole_file(path, NULL);
	if (!got)
		fail_msg("cannot read %s", path);
	if (strcmp(got, expected) != 0)
		fail_msg("%s holds \"%.60s\", expected \"%.60s\"", path, got, expected);
	free(got);
}

static mode_t lmode(const char *path)
{
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	return st.st_mode;
}

/* The names in the scratch directory @dir ("" for the scratch itself), sorted, joined with
 * spaces. */
static char *listing(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir[0] ? at(dir) : scratch, &names, NULL, alphasort);
	assert_true(n >= 0);
	char *out = calloc(1, 64 * 1024);
	assert_non_null(out);
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0)
			snprintf(out + strlen(out), 64 * 1024 - strlen(out), "%s%s",
			         out[0] ? " " : "", names[i]->d_name);
		free(names[i]);
	}
	free(names);
	return out;
}

static void assert_listing(const char *dir, const char *expected)
{
	char *names = listing(dir);
	if (strcmp(names, expected) != 0)
		fail_msg("directory '%s' holds \"%s\", expected \"%s\"", dir, names, expected);
	free(names);
}

/* The call failed with CISPREF_EIO and the message "cannot write 'PATH': DETAIL". */
static void assert_refused(int rc, const cispref_error *error, const char *path,
                           const char *detail)
{
	assert_int_equal(rc, CISPREF_EIO);
	assert_int_equal(error->code, CISPREF_EIO);
	assert_string_equal(error->source, path);
	char expected[CISPREF_ERROR_TEXT_LENGTH * 2];
	snprintf(expected, sizeof expected, "cannot write '%s': %s", path, detail);
	assert_string_equal(error->text, expected);
}

/* The id of a process that has ended and been reaped. */
static pid_t dead_pid(void)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	return pid;
}

static void age(const char *path, time_t seconds)
{
	struct timespec times[2];
	clock_gettime(CLOCK_REALTIME, &times[0]);
	times[0].tv_sec -= seconds;
	times[1] = times[0];
	assert_int_equal(utimensat(AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), 0);
}

/* A NUL-terminated text of @size bytes (at most 4 MiB) for the caller to fill. Static,
 * not allocated: the forked children of these tests end with _exit(), and valgrind would
 * report a heap buffer they inherited as lost. */
static char *big_text(size_t size)
{
	static char text[(4 << 20) + 1];
	assert_true(size < sizeof text);
	text[size] = '\0';
	return text;
}

/* ---- regular files ----------------------------------------------------------- */

static void test_new_files_take_the_umask(void **state)
{
	(void)state;
	static const mode_t masks[] = {022, 077, 0, 027};
	FOR_BOTH_WAYS(flags) {
		for (size_t i = 0; i < sizeof masks / sizeof masks[0]; i++) {
			assert_int_equal(unlink(at("new.xml")) == 0 || errno == ENOENT, 1);
			mode_t old = umask(masks[i]);
			int rc = save(at("new.xml"), "new\n", flags, NULL);
			umask(old);
			OK(rc);
			assert_content(at("new.xml"), "new\n");
			assert_int_equal(lmode(at("new.xml")), S_IFREG | (0666 & ~masks[i]));
			/* the temporary file had that mode from its creation */
			assert_int_equal(created.count, 1);
			assert_int_equal(created.mode, 0666 & ~masks[i]);
			assert_int_equal(created.unnamed, flags == CISPREF__WRITE_DEFAULT);
		}
	}
	assert_listing("", "new.xml");
	assert_int_equal(unlink(at("new.xml")), 0);
}

static void test_existing_files_keep_their_mode(void **state)
{
	(void)state;
	/* the temporary file is never more open than the file it replaces, even with a
	 * permissive umask */
	static const mode_t modes[] = {0600, 0640, 0444, 0755, 04755, 02750, 0};
	mode_t old_umask = umask(0);
	FOR_BOTH_WAYS(flags) {
		for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
			put(at("kept.xml"), "old\n");
			assert_int_equal(chmod(at("kept.xml"), modes[i]), 0);
			struct stat before, after;
			assert_int_equal(stat(at("kept.xml"), &before), 0);
			OK(save(at("kept.xml"), "new\n", flags, NULL));
			assert_int_equal(stat(at("kept.xml"), &after), 0);
			if ((modes[i] & 0400) || geteuid() == 0)
				assert_content(at("kept.xml"), "new\n");
			assert_true(after.st_ino != before.st_ino); /* replaced, not rewritten */
			assert_int_equal(after.st_mode & 07777, modes[i]);
			assert_int_equal(created.count, 1);
			assert_int_equal(created.mode, modes[i] & 0777);
			assert_int_equal(unlink(at("kept.xml")), 0);
		}
	}
	umask(old_umask);
	assert_listing("", "");
}

/* NAME_MAX is 255: the temporary name does not grow with the target's name. */
static void test_longest_names(void **state)
{
	(void)state;
	char name[256];
	FOR_BOTH_WAYS(flags) {
		for (size_t len = 250; len <= 255; len++) {
			memset(name, 'n', len);
			name[len] = '\0';
			OK(save(at(name), "first\n", flags, NULL));
			OK(save(at(name), "second\n", flags, NULL));
			assert_content(at(name), "second\n");
			assert_int_equal(unlink(at(name)), 0);
		}
	}
	/* one more byte is the system's ENAMETOOLONG, reported */
	memset(name, 'n', 255);
	char longer[300];
	snprintf(longer, sizeof longer, "%sn", name);
	cispref_error error;
	assert_int_equal(save(at(longer), "x", 0, &error), CISPREF_EIO);
	assert_non_null(strstr(error.text, strerror(ENAMETOOLONG)));
	assert_listing("", "");
}

/* ---- symbolic links ------------------------------------------------------------ */

static void test_links_are_written_through(void **state)
{
	(void)state;
	assert_int_equal(mkdir(at("real"), 0755), 0);
	assert_int_equal(mkdir(at("links"), 0755), 0);
	FOR_BOTH_WAYS(flags) {
		/* a link to a file: the link stays, the file gets the bytes and keeps its mode */
		put(at("real/target.xml"), "old\n");
		assert_int_equal(chmod(at("real/target.xml"), 0640), 0);
		assert_int_equal(symlink("../real/target.xml", at("links/link.xml")), 0);
		OK(save(at("links/link.xml"), "through the link\n", flags, NULL));
		assert_true(S_ISLNK(lmode(at("links/link.xml"))));
		assert_int_equal(lmode(at("real/target.xml")), S_IFREG | 0640);
		assert_content(at("real/target.xml"), "through the link\n");

		/* a link to a link (absolute, then relative): the final target */
		assert_int_equal(symlink(at("links/link.xml"), at("chain.xml")), 0);
		OK(save(at("chain.xml"), "through two links\n", flags, NULL));
		assert_true(S_ISLNK(lmode(at("chain.xml"))));
		assert_true(S_ISLNK(lmode(at("links/link.xml"))));
		assert_content(at("real/target.xml"), "through two links\n");

		/* a dangling link: the file it names is created, beside it */
		assert_int_equal(symlink("made.xml", at("real/dangling.xml")), 0);
		OK(save(at("real/dangling.xml"), "made\n", flags, NULL));
		assert_true(S_ISLNK(lmode(at("real/dangling.xml"))));
		assert_content(at("real/made.xml"), "made\n");

		/* a dangling link into a directory that does not exist: an error, nothing made */
		assert_int_equal(symlink("nowhere/x.xml", at("real/lost.xml")), 0);
		cispref_error error;
		assert_int_equal(save(at("real/lost.xml"), "x", flags, &error), CISPREF_EIO);
		assert_non_null(strstr(error.text, at("real/lost.xml")));
		assert_non_null(strstr(error.text, strerror(ENOENT)));

		/* a file in a directory reached through a link to that directory */
		assert_int_equal(symlink("real", at("alias")), 0);
		OK(save(at("alias/target.xml"), "through a directory link\n", flags, NULL));
		assert_content(at("real/target.xml"), "through a directory link\n");
		assert_true(S_ISLNK(lmode(at("alias"))));

		assert_listing("real", "dangling.xml lost.xml made.xml target.xml");
		assert_listing("links", "link.xml");
		static const char *const made[] = {"alias", "chain.xml", "links/link.xml",
		                                   "real/dangling.xml", "real/lost.xml",
		                                   "real/made.xml", "real/target.xml"};
		for (size_t i = 0; i < sizeof made / sizeof made[0]; i++)
			assert_int_equal(unlink(at(made[i])), 0);
	}
	assert_int_equal(rmdir(at("real")), 0);
	assert_int_equal(rmdir(at("links")), 0);
}

static void test_link_loops_are_refused(void **state)
{
	(void)state;
	assert_int_equal(symlink("loop-b", at("loop-a")), 0);
	assert_int_equal(symlink("loop-a", at("loop-b")), 0);
	assert_int_equal(symlink("self", at("self")), 0);
	cispref_error error;
	assert_refused(save(at("loop-a"), "x", 0, &error), &error, at("loop-a"), strerror(ELOOP));
	assert_refused(save(at("self"), "x", 0, &error), &error, at("self"), strerror(ELOOP));
	/* a chain of 41 links is one too many (Linux follows 40 in a lookup) */
	char from[16], to[16];
	for (int i = 0; i < 41; i++) {
		snprintf(from, sizeof from, "c%02d", i);
		snprintf(to, sizeof to, "c%02d", i + 1);
		assert_int_equal(symlink(to, at(from)), 0);
	}
	assert_refused(save(at("c00"), "x", 0, &error), &error, at("c00"), strerror(ELOOP));
	OK(save(at("c01"), "forty links\n", 0, NULL)); /* 40 are followed */
	assert_content(at("c41"), "forty links\n");
	for (int i = 0; i <= 41; i++) {
		snprintf(from, sizeof from, "c%02d", i);
		assert_int_equal(unlink(at(from)), 0);
	}
	assert_listing("", "loop-a loop-b self");
	assert_int_equal(unlink(at("loop-a")), 0);
	assert_int_equal(unlink(at("loop-b")), 0);
	assert_int_equal(unlink(at("self")), 0);
}

/* ---- what cannot be written -------------------------------------------------- */

static void test_directories_and_sockets_are_refused(void **state)
{
	(void)state;
	cispref_error error;
	assert_int_equal(mkdir(at("dir"), 0755), 0);
	assert_int_equal(symlink("dir", at("dir-link")), 0);
	FOR_BOTH_WAYS(flags) {
		assert_refused(save(at("dir"), "x", flags, &error), &error, at("dir"),
		               "it is a directory");
		assert_refused(save(at("dir-link"), "x", flags, &error), &error, at("dir-link"),
		               "it is a directory");
		assert_refused(save(at("dir/"), "x", flags, &error), &error, at("dir/"),
		               "it is a directory");
		char missing[4400], detail[4500];
		snprintf(missing, sizeof missing, "%s/", at("missing"));
		snprintf(detail, sizeof detail, "'%s' names a directory", missing);
		assert_refused(save(missing, "x", flags, &error), &error, missing, detail);
		/* under a regular file */
		put(at("file"), "a file\n");
		assert_refused(save(at("file/x.xml"), "x", flags, &error), &error, at("file/x.xml"),
		               strerror(ENOTDIR));
		assert_content(at("file"), "a file\n");
		assert_int_equal(unlink(at("file")), 0);
	}
	assert_listing("dir", "");

	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	if (strlen(at("sock")) >= sizeof addr.sun_path)
		fail_msg("the scratch directory's path is too long for a socket");
	strcpy(addr.sun_path, at("sock"));
	assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
	assert_refused(save(at("sock"), "x", 0, &error), &error, at("sock"), "it is a socket");
	assert_true(S_ISSOCK(lmode(at("sock"))));
	close(fd);
	assert_listing("", "dir dir-link sock");
	assert_int_equal(unlink(at("sock")), 0);
	assert_int_equal(unlink(at("dir-link")), 0);
	assert_int_equal(rmdir(at("dir")), 0);
}

/* ---- FIFOs and character devices ------------------------------------------------ */

/* A child that reads the FIFO @fifo to its end and stores what it read in @copy. */
static pid_t start_reader(const char *fifo, const char *copy)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid)
		return pid;
	int in = open(fifo, O_RDONLY);
	int out = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	char buf[4096];
	ssize_t n;
	while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			_exit(2);
	_exit(in >= 0 && out >= 0 && close(out) == 0 ? 0 : 1);
}

static void wait_ok(pid_t pid)
{
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status))
		fail_msg("child %ld ended by signal %d", (long)pid, WTERMSIG(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_fifos_are_written_in_place(void **state)
{
	(void)state;
	assert_int_equal(mkfifo(at("fifo"), 0600), 0);
	assert_int_equal(symlink("fifo", at("fifo-link")), 0);
	/* more than a pipe holds, so the reader must really read while we write */
	size_t size = 1 << 20;
	char *big = big_text(size);
	for (size_t i = 0; i < size; i++)
		big[i] = (char)('a' + i % 26);
	static const char *const names[] = {"fifo", "fifo-link"};
	for (int i = 0; i < 2; i++) {
		pid_t reader = start_reader(at("fifo"), at("received"));
		OK(save(at(names[i]), big, 0, NULL));
		wait_ok(reader);
		assert_content(at("received"), big);
		assert_true(S_ISFIFO(lmode(at("fifo"))));
		assert_true(S_ISLNK(lmode(at("fifo-link"))));
		assert_int_equal(created.count, 0); /* no temporary file */
	}
	assert_listing("", "fifo fifo-link received");
	assert_int_equal(unlink(at("received")), 0);
	assert_int_equal(unlink(at("fifo-link")), 0);
	assert_int_equal(unlink(at("fifo")), 0);
}

/* A reader that leaves: the writer gets EPIPE as an error, not SIGPIPE's death. */
static void test_fifo_reader_leaving(void **state)
{
	(void)state;
	assert_int_equal(mkfifo(at("fifo"), 0600), 0);
	pid_t reader = fork();
	assert_true(reader >= 0);
	if (reader == 0) {
		int fd = open(at("fifo"), O_RDONLY);
		_exit(fd >= 0 && close(fd) == 0 ? 0 : 1);
	}
	pid_t writer = fork();
	assert_true(writer >= 0);
	if (writer == 0) { /* a child, so a SIGPIPE kills it and not the test */
		size_t size = 1 << 20;
		char *big = big_text(size);
		memset(big, 'p', size);
		cispref_error error;
		int rc = save(at("fifo"), big, 0, &error);
		sigset_t pending;
		sigpending(&pending);
		if (rc != CISPREF_EIO)
			_exit(11);
		if (!strstr(error.text, strerror(EPIPE)) || !strstr(error.text, at("fifo")))
			_exit(12);
		_exit(sigismember(&pending, SIGPIPE) ? 13 : 0);
	}
	wait_ok(reader);
	wait_ok(writer);
	assert_true(S_ISFIFO(lmode(at("fifo"))));
	assert_int_equal(unlink(at("fifo")), 0);
}

static void test_dev_null(void **state)
{
	(void)state;
	struct stat before, after;
	assert_int_equal(stat("/dev/null", &before), 0);
	assert_true(S_ISCHR(before.st_mode));
	OK(save("/dev/null", "into the void\n", 0, NULL));
	assert_int_equal(created.count, 0);
	assert_int_equal(stat("/dev/null", &after), 0);
	assert_true(S_ISCHR(after.st_mode));
	assert_int_equal(after.st_rdev, before.st_rdev);
	assert_int_equal(after.st_ino, before.st_ino);
}

/* As root, a device node in the scratch directory: a copy of /dev/null (1, 3) stays a
 * device; a block device (a loop device's numbers) is refused and stays. */
static void test_device_nodes_as_root(void **state)
{
	(void)state;
	if (geteuid() != 0)
		skip();
	cispref_error error;
	assert_int_equal(mknod(at("null"), S_IFCHR | 0666, makedev(1, 3)), 0);
	assert_int_equal(symlink("null", at("null-link")), 0);
	FOR_BOTH_WAYS(flags) {
		OK(save(at("null"), "to the node\n", flags, NULL));
		OK(save(at("null-link"), "through the link\n", flags, NULL));
		struct stat st;
		assert_int_equal(lstat(at("null"), &st), 0);
		assert_true(S_ISCHR(st.st_mode));
		assert_int_equal(st.st_rdev, makedev(1, 3));
		assert_true(S_ISLNK(lmode(at("null-link"))));
	}
	assert_int_equal(mknod(at("block"), S_IFBLK | 0600, makedev(7, 200)), 0);
	assert_refused(save(at("block"), "x", 0, &error), &error, at("block"),
	               "it is a block device");
	assert_true(S_ISBLK(lmode(at("block"))));
	assert_listing("", "block null null-link");
	assert_int_equal(unlink(at("block")), 0);
	assert_int_equal(unlink(at("null-link")), 0);
	assert_int_equal(unlink(at("null")), 0);
}

/* ---- owner, group, ACL --------------------------------------------------------- */

static void test_owner_and_group_as_root(void **state)
{
	(void)state;
	if (geteuid() != 0)
		skip();
	static const mode_t modes[] = {0600, 04755, 02755, 0640};
	FOR_BOTH_WAYS(flags) {
		for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
			put(at("theirs.xml"), "old\n");
			assert_int_equal(chown(at("theirs.xml"), 12345, 12346), 0);
			assert_int_equal(chmod(at("theirs.xml"), modes[i]), 0);
			OK(save(at("theirs.xml"), "new\n", flags, NULL));
			struct stat st;
			assert_int_equal(stat(at("theirs.xml"), &st), 0);
			assert_int_equal(st.st_uid, 12345);
			assert_int_equal(st.st_gid, 12346);
			assert_int_equal(st.st_mode & 07777, modes[i]); /* set-ID kept: same owner */
			assert_content(at("theirs.xml"), "new\n");
		}
	}
	assert_int_equal(unlink(at("theirs.xml")), 0);

	/* a user who cannot keep root's ownership gets the file without its set-ID bits */
	assert_int_equal(chmod(scratch, 0755), 0);
	assert_int_equal(mkdir(at("shared"), 0777), 0);
	assert_int_equal(chmod(at("shared"), 0777), 0);
	FOR_BOTH_WAYS(flags) {
		put(at("shared/tool"), "old\n");
		assert_int_equal(chmod(at("shared/tool"), 06777), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			if (setgroups(0, NULL) != 0 || setgid(12346) != 0 || setuid(12345) != 0)
				_exit(20);
			_exit(save(at("shared/tool"), "new\n", flags, NULL) == CISPREF_OK ? 0 : 21);
		}
		wait_ok(pid);
		struct stat st;
		assert_int_equal(stat(at("shared/tool"), &st), 0);
		assert_int_equal(st.st_uid, 12345);
		assert_int_equal(st.st_gid, 12346);
		assert_int_equal(st.st_mode & 07777, 0777);
		assert_content(at("shared/tool"), "new\n");
		assert_int_equal(unlink(at("shared/tool")), 0);
	}
	assert_int_equal(rmdir(at("shared")), 0);
}

static void assert_acl(const char *path, const char *text)
{
	acl_t expected = acl_from_text(text);
	assert_non_null(expected);
	acl_t got = acl_get_file(path, ACL_TYPE_ACCESS);
	assert_non_null(got);
	if (acl_cmp(expected, got) != 0) {
		char *shown = acl_to_any_text(got, NULL, ',', 0);
		fail_msg("%s has the ACL %s, expected %s", path, shown, text);
	}
	acl_free(expected);
	acl_free(got);
}

static void test_acls_are_kept(void **state)
{
	(void)state;
	static const char extended[] = "u::rw-,u:12345:r--,g::r--,g:12346:rw-,m::rw-,o::---";
	FOR_BOTH_WAYS(flags) {
		put(at("acl.xml"), "old\n");
		acl_t acl = acl_from_text(extended);
		assert_non_null(acl);
		if (acl_set_file(at("acl.xml"), ACL_TYPE_ACCESS, acl) != 0)
			fail_msg("cannot set an ACL in %s: %s", scratch, strerror(errno));
		acl_free(acl);
		OK(save(at("acl.xml"), "new\n", flags, NULL));
		assert_acl(at("acl.xml"), extended);
		assert_int_equal(lmode(at("acl.xml")) & 0777, 0660); /* the mask shows as group */
		assert_int_equal(unlink(at("acl.xml")), 0);
	}

	/* in a directory with a default ACL: a new file inherits it, as any new file does,
	 * but a replaced file keeps the plain mode it had */
	assert_int_equal(mkdir(at("inherit"), 0755), 0);
	acl_t def = acl_from_text("u::rwx,u:12345:rwx,g::r-x,m::rwx,o::r-x");
	assert_non_null(def);
	assert_int_equal(acl_set_file(at("inherit"), ACL_TYPE_DEFAULT, def), 0);
	acl_free(def);
	FOR_BOTH_WAYS(flags) {
		put(at("inherit/plain.xml"), "old\n");
		acl_t plain = acl_from_mode(0640);
		assert_int_equal(acl_set_file(at("inherit/plain.xml"), ACL_TYPE_ACCESS, plain), 0);
		acl_free(plain);
		assert_int_equal(acl_extended_file(at("inherit/plain.xml")), 0);
		OK(save(at("inherit/plain.xml"), "new\n", flags, NULL));
		assert_int_equal(acl_extended_file(at("inherit/plain.xml")), 0);
		assert_int_equal(lmode(at("inherit/plain.xml")) & 07777, 0640);

		OK(save(at("inherit/fresh.xml"), "new\n", flags, NULL));
		assert_int_equal(acl_extended_file(at("inherit/fresh.xml")), 1);
		assert_int_equal(unlink(at("inherit/plain.xml")), 0);
		assert_int_equal(unlink(at("inherit/fresh.xml")), 0);
	}
	assert_int_equal(rmdir(at("inherit")), 0);
}

/* ---- leftovers, signals ---------------------------------------------------------- */

static void test_stale_temporaries_are_removed(void **state)
{
	(void)state;
	long dead = (long)dead_pid();
	char name[64];
	struct {
		const char *shape; /* %ld for a process id */
		long pid;
		int old, directory, removed;
	} files[] = {
		{".cispref-%ld-abc123.tmp", dead, 1, 0, 1},       /* stale */
		{".cispref-%ld-abc124.tmp", dead, 0, 0, 0},       /* modified a moment ago */
		{".cispref-%ld-abc125.tmp", (long)getpid(), 1, 0, 0}, /* its process lives */
		{".cispref-%ld-abc126.tmp", 1, 1, 0, 0},          /* so does init */
		{".cispref-%ld-abc12.tmp", dead, 1, 0, 0},        /* not our pattern: */
		{".cispref-%ld-abc1234.tmp", dead, 1, 0, 0},
		{".cispref-%ld-ABC127.tmp", dead, 1, 0, 0},
		{".cispref-%ld-abc128.tmpx", dead, 1, 0, 0},
		{"x.cispref-%ld-abc129.tmp", dead, 1, 0, 0},
		{".cispref-%ld-abc130.tmp", dead, 1, 1, 0},       /* a directory */
	};
	size_t count = sizeof files / sizeof files[0];
	FOR_BOTH_WAYS(flags) {
		for (size_t i = 0; i < count; i++) {
			snprintf(name, sizeof name, files[i].shape, files[i].pid);
			if (files[i].directory)
				assert_int_equal(mkdir(at(name), 0755), 0);
			else
				put(at(name), "left over\n");
			if (files[i].old)
				age(at(name), 2 * 60);
		}
		OK(save(at("target.xml"), "saved\n", flags, NULL));
		for (size_t i = 0; i < count; i++) {
			snprintf(name, sizeof name, files[i].shape, files[i].pid);
			struct stat st;
			int present = lstat(at(name), &st) == 0;
			if (present == files[i].removed)
				fail_msg("%s was %s", name, present ? "kept" : "removed");
			if (present)
				assert_int_equal(remove(at(name)), 0);
		}
		assert_listing("", "target.xml");
		assert_int_equal(unlink(at("target.xml")), 0);
	}
}

/* Saves killed at random moments: the target is always whole (old or new), and once
 * the leftovers are old enough, the next save removes them. */
static void test_killed_saves(void **state)
{
	(void)state;
	size_t size = 4 << 20;
	char *big = big_text(size);
	memset(big, 'k', size);
	int leftovers = 0;
	FOR_BOTH_WAYS(flags) {
		for (int trial = 0; trial < 12; trial++) {
			put(at("target.xml"), "old\n");
			pid_t pid = fork();
			assert_true(pid >= 0);
			if (pid == 0) {
				for (;;)
					(void)cispref__write_file_atomic(at("target.xml"), big, size, flags, NULL);
			}
			struct timespec pause = {0, (trial % 6 + 1) * 3000000L};
			nanosleep(&pause, NULL);
			assert_int_equal(kill(pid, SIGKILL), 0);
			assert_int_equal(waitpid(pid, NULL, 0), pid);
			size_t got_size = 0;
			char *got = read_whole_file(at("target.xml"), &got_size);
			assert_non_null(got);
			assert_true(strcmp(got, "old\n") == 0 || (got_size == size && strcmp(got, big) == 0));
			free(got);

			char *names = listing("");
			for (char *name = strtok(names, " "); name; name = strtok(NULL, " ")) {
				if (strcmp(name, "target.xml") == 0)
					continue;
				assert_int_equal(strncmp(name, ".cispref-", 9), 0);
				age(at(name), 2 * 60);
				leftovers++;
			}
			free(names);
			OK(save(at("target.xml"), "after\n", flags, NULL));
			assert_listing("", "target.xml");
		}
	}
	print_message("killed saves left %d temporary files, all removed\n", leftovers);
	assert_int_equal(unlink(at("target.xml")), 0);
}

/* Run in a child with RLIMIT_FSIZE at 4 KiB: 0, or what went wrong. */
static int save_beyond_file_size_limit(unsigned flags)
{
	struct rlimit limit = {4096, 4096};
	if (setrlimit(RLIMIT_FSIZE, &limit) != 0)
		return 30;
	size_t size = 64 * 1024;
	char *big = big_text(size);
	memset(big, 'f', size);
	cispref_error error;
	if (save(at("limited.xml"), big, flags, &error) != CISPREF_EIO)
		return 32;
	if (!strstr(error.text, strerror(EFBIG)) || strcmp(error.source, at("limited.xml")) != 0)
		return 33;
	sigset_t pending, mask;
	sigpending(&pending);
	if (sigismember(&pending, SIGXFSZ))
		return 34;
	pthread_sigmask(SIG_SETMASK, NULL, &mask);
	if (sigismember(&mask, SIGXFSZ) || sigismember(&mask, SIGPIPE))
		return 35; /* the caller's mask is back */
	struct sigaction action;
	sigaction(SIGXFSZ, NULL, &action);
	if (action.sa_handler != SIG_DFL)
		return 36; /* the disposition was never touched */
	return 0;
}

static void test_file_size_limit(void **state)
{
	(void)state;
	FOR_BOTH_WAYS(flags) {
		put(at("limited.xml"), "old\n");
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0)
			_exit(save_beyond_file_size_limit(flags));
		wait_ok(pid);
		assert_content(at("limited.xml"), "old\n");
		assert_listing("", "limited.xml");
	}
	assert_int_equal(unlink(at("limited.xml")), 0);
}

/* ---- the public functions and the CLI ----------------------------------------- */

static void test_public_functions_and_cli(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	OK(cispref_referential_load_file(&ref, fixture("example-small.xml"), CISPREF_LOAD_DEFAULT,
	                                 NULL));
	char *xml = NULL;
	OK(cispref_export_buffer(&xml, NULL, ref, CISPREF_FORMAT_XML, NULL));

	put(at("target.xml"), "old\n");
	assert_int_equal(symlink("target.xml", at("link.xml")), 0);
	OK(cispref_export_path(at("link.xml"), ref, CISPREF_FORMAT_XML, NULL));
	assert_true(S_ISLNK(lmode(at("link.xml"))));
	assert_content(at("target.xml"), xml);
	OK(cispref_render_path(at("link.xml"), ref, CISPREF_RENDER_MARKDOWN, NULL, NULL));
	assert_true(S_ISLNK(lmode(at("link.xml"))));
	char *md = read_whole_file(at("target.xml"), NULL);
	assert_non_null(md);
	assert_true(strncmp(md, "<?xml", 5) != 0);
	free(md);

	/* the command line: export -o through a link, and to a directory */
	put(at("target.xml"), "old\n");
	const char *const argv[] = {CISPREF_EXE, "export", "-i", fixture("example-small.xml"),
	                            "-o", at("link.xml"), NULL};
	run r = run_program(argv, scratch);
	assert_int_equal(r.status, 0);
	run_free(&r);
	assert_true(S_ISLNK(lmode(at("link.xml"))));
	assert_content(at("target.xml"), xml);

	assert_int_equal(mkdir(at("dir"), 0755), 0);
	const char *const to_dir[] = {CISPREF_EXE, "export", "-o", at("dir"), NULL};
	r = run_program(to_dir, scratch);
	assert_true(r.status != 0);
	char expected[4600];
	snprintf(expected, sizeof expected, "cannot write '%s': it is a directory", at("dir"));
	if (!strstr(r.err, expected))
		fail_msg("stderr \"%s\" does not say \"%s\"", r.err, expected);
	run_free(&r);

	assert_listing("", "dir link.xml stderr stdout target.xml");
	static const char *const made[] = {"link.xml", "target.xml", "stderr", "stdout"};
	for (size_t i = 0; i < sizeof made / sizeof made[0]; i++)
		assert_int_equal(unlink(at(made[i])), 0);
	assert_int_equal(rmdir(at("dir")), 0);
	cispref_buffer_free(xml);
	cispref_referential_free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_files_take_the_umask, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_existing_files_keep_their_mode, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_longest_names, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_links_are_written_through, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_link_loops_are_refused, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_directories_and_sockets_are_refused, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_fifos_are_written_in_place, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_fifo_reader_leaving, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_dev_null, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_device_nodes_as_root, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_owner_and_group_as_root, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_acls_are_kept, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_stale_temporaries_are_removed, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_killed_saves, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_file_size_limit, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_public_functions_and_cli, scratch_setup, scratch_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
