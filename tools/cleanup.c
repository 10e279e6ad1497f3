/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What an interrupted command must not leave behind (cleanup.h). `render -o cahier.pdf`
 * writes the HTML cahier to a temporary file and runs WeasyPrint into a temporary file
 * beside the output: Ctrl-C, a kill or a closed terminal left both files, and a
 * typesetter that got no signal of its own (kill of the tool alone) went on. The handler
 * only calls async-signal-safe functions (POSIX.1-2017 2.4.3: kill, waitpid, nanosleep,
 * unlink, raise), on registrations made while the signals were held back, so it never
 * sees one half made. */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"

enum { MAX_PATHS = 2 };
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
#define CAUGHT_COUNT (sizeof caught / sizeof caught[0])

static const char *volatile paths[MAX_PATHS];
static volatile pid_t child;
static struct sigaction previous[CAUGHT_COUNT];
static int installed[CAUGHT_COUNT];
static sigset_t held_from;

/* Whether @pid ended (and is reaped) within @ticks of 50 ms. */
static int ended_within(pid_t pid, int ticks)
{
	struct timespec tick = {0, 50 * 1000 * 1000};
	for (int i = 0; i <= ticks; i++) {
		pid_t done = waitpid(pid, NULL, WNOHANG);
		if (done == pid || (done < 0 && errno != EINTR))
			return 1;
		if (i < ticks)
			nanosleep(&tick, NULL);
	}
	return 0;
}

/* Stop the child and wait for it: a typesetter still running could create its output
 * again after the unlink. It is given half a second to end by itself (Ctrl-C reaches the
 * whole process group), then SIGINT, whatever the tool got: WeasyPrint, a Python
 * program, then unwinds and removes its own temporary folder, which SIGTERM (Python's
 * default action: at once) would leave. One still running 5 s later is killed. */
static void stop_child(pid_t pid)
{
	if (ended_within(pid, 10))
		return;
	if (kill(pid, SIGINT) == 0 && ended_within(pid, 100))
		return;
	kill(pid, SIGKILL);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
}

static void on_signal(int sig)
{
	int saved = errno;
	if (child > 0)
		stop_child(child);
	for (size_t i = 0; i < MAX_PATHS; i++)
		if (paths[i])
			unlink(paths[i]);
	/* SA_RESETHAND put back the default action: the signal, pending until the handler
	 * returns, ends the tool as it would have without the handler (status 128+sig). */
	raise(sig);
	errno = saved;
}

void cli_cleanup_begin(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < CAUGHT_COUNT; i++)
		sigaddset(&sa.sa_mask, caught[i]); /* one cleanup, not two at once */
	for (size_t i = 0; i < CAUGHT_COUNT; i++) {
		installed[i] = 0;
		if (sigaction(caught[i], NULL, &previous[i]) != 0 ||
		    previous[i].sa_handler == SIG_IGN) /* nohup, a background job: keep it so */
			continue;
		installed[i] = sigaction(caught[i], &sa, NULL) == 0;
	}
}

void cli_cleanup_end(void)
{
	cli_cleanup_hold();
	for (size_t i = 0; i < MAX_PATHS; i++)
		paths[i] = NULL;
	child = 0;
	for (size_t i = 0; i < CAUGHT_COUNT; i++)
		if (installed[i])
			sigaction(caught[i], &previous[i], NULL);
	cli_cleanup_release();
}

void cli_cleanup_hold(void)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < CAUGHT_COUNT; i++)
		sigaddset(&set, caught[i]);
	sigprocmask(SIG_BLOCK, &set, &held_from);
}

void cli_cleanup_release(void)
{
	sigprocmask(SIG_SETMASK, &held_from, NULL);
}

const sigset_t *cli_cleanup_child_mask(void)
{
	return &held_from;
}

void cli_cleanup_add(const char *path)
{
	for (size_t i = 0; i < MAX_PATHS; i++)
		if (!paths[i]) {
			paths[i] = path;
			return;
		}
}

void cli_cleanup_forget(const char *path)
{
	for (size_t i = 0; i < MAX_PATHS; i++)
		if (paths[i] == path)
			paths[i] = NULL;
}

void cli_cleanup_child(pid_t pid)
{
	child = pid;
}
