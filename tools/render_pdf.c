/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* `cispref render -o cahier.pdf`: the HTML cahier typeset by WeasyPrint, a program the
 * tool runs (Debian package weasyprint), since the library renders no PDF itself. Why
 * WeasyPrint rather than LibreOffice on the ODT: it implements CSS Paged Media, so the
 * HTML's print stylesheet gives the page numbers of the contents and the index
 * (target-counter), its margin boxes and its page breaks; it starts in a second where
 * LibreOffice takes several, and needs no office suite. The PDF is written beside the
 * output and renamed over it, so a failure leaves the previous file as it was. */
#define _GNU_SOURCE /* mkstemps */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* The HTML cahier in a new temporary file, whose name goes to @html. */
static int write_html(char *html, size_t size, const cispref_referential *ref,
                      const cispref_render_options *options)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(html, size, "%s/cispref-XXXXXX.html", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemps(html, 5);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		cli_error("cannot create a temporary file in %s: %s", tmp && *tmp ? tmp : "/tmp",
		          strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(html);
		}
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
	if (rc)
		unlink(html);
	return rc ? EXIT_INVALID : EXIT_OK;
}

/* Run the typesetter on @html into @pdf; EXIT_OK when it succeeded. */
static int typeset(const char *html, const char *pdf)
{
	char *const argv[] = {TYPESETTER, "--quiet", "--encoding", "utf-8", (char *)html,
	                      (char *)pdf, NULL};
	pid_t pid;
	int rc = posix_spawnp(&pid, TYPESETTER, NULL, NULL, argv, environ);
	if (rc != 0) {
		cli_error("cannot run %s: %s", TYPESETTER, strerror(rc));
		return EXIT_INVALID;
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			cli_error("cannot wait for %s: %s", TYPESETTER, strerror(errno));
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
 * file gets (the umask applied), since mkstemp() makes it private. */
static int temporary_beside(char *name, size_t size, const char *output)
{
	snprintf(name, size, "%s.XXXXXX", output);
	int fd = mkstemp(name);
	if (fd < 0) {
		cli_error("%s: %s", output, strerror(errno));
		return EXIT_INVALID;
	}
	mode_t mask = umask(0);
	umask(mask);
	int rc = fchmod(fd, 0666 & ~mask);
	close(fd);
	if (rc != 0) {
		cli_error("%s: %s", name, strerror(errno));
		unlink(name);
		return EXIT_INVALID;
	}
	return EXIT_OK;
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
	int rc = write_html(html, sizeof html, ref, options);
	if (rc)
		return rc;
	rc = temporary_beside(pdf, sizeof pdf, output);
	if (rc == EXIT_OK)
		rc = typeset(html, pdf);
	if (rc == EXIT_OK && rename(pdf, output) != 0) {
		cli_error("%s: %s", output, strerror(errno));
		rc = EXIT_INVALID;
	}
	if (rc != EXIT_OK)
		unlink(pdf);
	unlink(html);
	return rc;
}
