/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Temporary files and a child process that a signal must not leave behind
 * (tools/cleanup.c): between cli_cleanup_begin() and cli_cleanup_end(), SIGINT, SIGTERM
 * and SIGHUP stop the registered child, remove the registered files and end the tool by
 * the same signal, as its default action would have. */
#ifndef CISPREF_TOOLS_CLEANUP_H
#define CISPREF_TOOLS_CLEANUP_H

#include <signal.h>
#include <sys/types.h>

/* Catch the signals (those the tool was started ignoring stay ignored). */
void cli_cleanup_begin(void);
/* Put back the handlers cli_cleanup_begin() found; nothing stays registered. */
void cli_cleanup_end(void);

/* Hold the signals back: from before a file or a child is made until it is registered,
 * and from before it is renamed or reaped until it is forgotten, so that no signal falls
 * in between. Each hold is followed by one release. */
void cli_cleanup_hold(void);
void cli_cleanup_release(void);
/* The signal mask the tool had before the hold, for a child to start with. */
const sigset_t *cli_cleanup_child_mask(void);

/* Register @path (kept by the caller until it is forgotten; at most two at once): a
 * signal removes that file. */
void cli_cleanup_add(const char *path);
void cli_cleanup_forget(const char *path);
/* Register the running child @pid (0: none): a signal stops it (SIGINT unless it ended
 * by itself within half a second, SIGKILL 5 s later) and waits for it before the files
 * are removed, so that it writes none of them again. */
void cli_cleanup_child(pid_t pid);

#endif
