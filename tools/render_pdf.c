/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* `cispref render -o cahier.pdf`: the HTML cahier typeset by WeasyPrint, a program the
 * tool runs (Debian package weasyprint), since the library renders no PDF itself. Why
 * WeasyPrint rather than LibreOffice on the ODT: it implements CSS Paged Media, so the
 * HTML's print stylesheet gives the page numbers of the contents and the index
 * (target-counter), its margin boxes and its page breaks; it starts in a second where
 * LibreOffice takes several, and needs no office suite. The PDF is written beside the
 * output and renamed over it, so a failure leaves the previous file as it was; a signal
 * (Ctrl-C, a kill, a closed terminal) stops WeasyPrint and removes both temporary files
 * (cleanup.c). */
#define _GNU_SOURCE /* mkstemps, mkostemps */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "cli.h"

extern char **environ;

#define TYPESETTER "weasyprint"

/* Whether @name is an executable file in a directory of $PATH. */
static int in_path(const char *name)
{
	const char *path = getenv("PATH");
	for (const char *dir = path; dir && *dir;) {
		size_t length = strcspn(dir, ":");
		char candidate[4096];
		snprintf(candidate, sizeof candidate, "%.*s/%s", (int)length, length ? dir : ".", name);
		if (access(candidate, X_OK) == 0)
			return 1;
		dir += length + (dir[length] == ':');
	}
	return 0;
}

/* The HTML cahier in a new temporary file, whose name goes to @html ("" when none was
 * made); the caller removes it. */
static int write_html(char *html, size_t size, const cispref_referential *ref,
                      const cispref_render_options *options)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(html, size, "%s/cispref-XXXXXX.html", tmp && *tmp ? tmp : "/tmp");
	cli_cleanup_hold();
	int fd = mkstemps(html, 5);
	if (fd >= 0)
		cli_cleanup_add(html);
	else
		html[0] = '\0';
	cli_cleanup_release();
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		cli_error("cannot create a temporary file in %s: %s", tmp && *tmp ? tmp : "/tmp",
		          strerror(errno));
		if (fd >= 0)
			close(fd);
		return EXIT_INVALID;
	}
	cispref_error error = {0};
	int rc = cispref_render_stream(f, ref, CISPREF_RENDER_HTML, options, &error);
	if (fclose(f) != 0 && rc == 0) {
		cli_error("%s: %s", html, strerror(errno));
		rc = -1;
	} else if (rc) {
		cli_print_error(&error);
	}
	return rc ? EXIT_INVALID : EXIT_OK;
}

/* A file without a name, in the temporary directory, for the typesetter's standard
 * error: -1 with the reason printed. A file rather than a pipe, which the tool would have
 * to read while it waits, or the typesetter would block on a full one. Made and unlinked
 * with the signals held back, so that no signal leaves it behind. */
static int capture_file(void)
{
	const char *tmp = getenv("TMPDIR");
	char name[4096];
	snprintf(name, sizeof name, "%s/cispref-XXXXXX.err", tmp && *tmp ? tmp : "/tmp");
	cli_cleanup_hold();
	int fd = mkostemps(name, 4, O_CLOEXEC);
	if (fd >= 0)
		unlink(name);
	cli_cleanup_release();
	if (fd < 0)
		cli_error("cannot create a temporary file in %s: %s", tmp && *tmp ? tmp : "/tmp",
		          strerror(errno));
	return fd;
}

/* Copy what the typesetter wrote to the file @fd onto the tool's standard error. */
static void replay(int fd)
{
	char buf[4096];
	ssize_t n;
	if (lseek(fd, 0, SEEK_SET) != 0)
		return;
	fflush(stderr);
	while ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0 && fwrite(buf, 1, (size_t)n, stderr) != (size_t)n)
			return;
}

/* Start the typesetter with the signal mask the tool had before it held the signals back,
 * registered before any signal can come, its standard error into the file @err. */
static int spawn(pid_t *pid, char *const argv[], int err)
{
	posix_spawnattr_t attr;
	posix_spawn_file_actions_t actions;
	int rc = posix_spawnattr_init(&attr);
	if (rc != 0)
		return rc;
	if ((rc = posix_spawn_file_actions_init(&actions)) != 0) {
		posix_spawnattr_destroy(&attr);
		return rc;
	}
	rc = posix_spawn_file_actions_adddup2(&actions, err, STDERR_FILENO);
	cli_cleanup_hold();
	if (rc == 0)
		rc = posix_spawnattr_setsigmask(&attr, cli_cleanup_child_mask());
	if (rc == 0)
		rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
	if (rc == 0)
		rc = posix_spawnp(pid, TYPESETTER, &actions, &attr, argv, environ);
	if (rc == 0)
		cli_cleanup_child(*pid);
	cli_cleanup_release();
	posix_spawn_file_actions_destroy(&actions);
	posix_spawnattr_destroy(&attr);
	return rc;
}

/* Wait for the child to end, then forget it and reap it with the signals held back: the
 * handler must not signal a process id that the system may give to another. */
static int reap(pid_t pid, int *status)
{
	siginfo_t info;
	while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) != 0)
		if (errno != EINTR)
			return -1;
	cli_cleanup_hold();
	cli_cleanup_child(0);
	pid_t done;
	while ((done = waitpid(pid, status, 0)) < 0 && errno == EINTR)
		;
	cli_cleanup_release();
	return done == pid ? 0 : -1;
}

/* Run the typesetter on @html into @pdf; EXIT_OK when it succeeded. What it says on
 * standard error is kept in a file and shown once it has ended by itself: a signal to the
 * tool (Ctrl-C reaches the typesetter too, and the cleanup stops it with SIGINT) ends
 * the tool before that, so that the user does not get WeasyPrint's Python traceback of
 * the KeyboardInterrupt, some 200 lines, for an interruption they asked for. */
static int typeset(const char *html, const char *pdf)
{
	char *const argv[] = {TYPESETTER, "--quiet", "--encoding", "utf-8", (char *)html,
	                      (char *)pdf, NULL};
	int err = capture_file();
	if (err < 0)
		return EXIT_INVALID;
	pid_t pid;
	int rc = spawn(&pid, argv, err);
	if (rc != 0) {
		close(err);
		cli_error("cannot run %s: %s", TYPESETTER, strerror(rc));
		return EXIT_INVALID;
	}
	int status;
	rc = reap(pid, &status);
	int saved = errno;
	replay(err);
	close(err);
	if (rc != 0) {
		cli_error("cannot wait for %s: %s", TYPESETTER, strerror(saved));
		return EXIT_INVALID;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		cli_error("%s failed (%s %d) on the HTML cahier", TYPESETTER,
		          WIFEXITED(status) ? "exit status" : "signal",
		          WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

/* A new file beside @output, for the PDF until it is complete, with the mode a new
 * file gets (the umask applied), since mkstemp() makes it private; @name is "" when none
 * was made, and the caller removes it. */
static int temporary_beside(char *name, size_t size, const char *output)
{
	snprintf(name, size, "%s.XXXXXX", output);
	cli_cleanup_hold();
	int fd = mkstemp(name);
	if (fd >= 0)
		cli_cleanup_add(name);
	cli_cleanup_release();
	if (fd < 0) {
		cli_error("%s: %s", output, strerror(errno));
		name[0] = '\0';
		return EXIT_INVALID;
	}
	mode_t mask = umask(0);
	umask(mask);
	int rc = fchmod(fd, 0666 & ~mask);
	close(fd);
	if (rc != 0) {
		cli_error("%s: %s", name, strerror(errno));
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

/* Remove the temporary file @name unless it is "" or was renamed (@kept), and forget it. */
static void remove_temporary(char *name, int kept)
{
	if (!*name)
		return;
	cli_cleanup_hold();
	if (!kept)
		unlink(name);
	cli_cleanup_forget(name);
	cli_cleanup_release();
}

int cli_render_pdf(const cispref_referential *ref, const cispref_render_options *options,
                   const char *output)
{
	if (!in_path(TYPESETTER)) {
		cli_error("%s: a PDF is typeset by WeasyPrint, which is not installed (Debian "
		          "package weasyprint); or render html and print it to PDF from a browser, "
		          "or render odt and convert it ('soffice --headless --convert-to pdf "
		          "cahier.odt')", output);
		return EXIT_INVALID;
	}
	char html[4096], pdf[4096];
	if (strlen(output) + 8 >= sizeof pdf) {
		cli_error("%s: file name too long", output);
		return EXIT_INVALID;
	}
	pdf[0] = '\0';
	cli_cleanup_begin();
	int rc = write_html(html, sizeof html, ref, options);
	if (rc == EXIT_OK)
		rc = temporary_beside(pdf, sizeof pdf, output);
	if (rc == EXIT_OK)
		rc = typeset(html, pdf);
	int renamed = 0;
	if (rc == EXIT_OK) {
		/* held back: a signal after the rename must not remove the new output */
		cli_cleanup_hold();
		renamed = rename(pdf, output) == 0;
		int saved = errno;
		if (renamed)
			cli_cleanup_forget(pdf);
		cli_cleanup_release();
		if (!renamed) {
			cli_error("%s: %s", output, strerror(saved));
			rc = EXIT_INVALID;
		}
	}
	remove_temporary(pdf, renamed);
	remove_temporary(html, 0);
	cli_cleanup_end();
	return rc;
}
