/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Running a program of the build as a child process and capturing what it prints. */
#ifndef CISPREF_TEST_RUN_PROGRAM_H
#define CISPREF_TEST_RUN_PROGRAM_H

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_util.h"

extern char **environ;

typedef struct run {
	int status; /* exit code */
	char *out;  /* what it wrote on stdout */
	char *err;  /* what it wrote on stderr */
} run;

/* Run @argv (NULL-terminated; argv[0] is the program's path) with its standard output
 * sent to @out_path (for instance "/dev/full"), or to a file in @dir when @out_path is
 * NULL, and its standard error to a file in @dir. What it wrote on standard output is
 * read back only from the file in @dir (r.out is "" otherwise). */
static inline run run_program_io(const char *const *argv, const char *dir, const char *in_path,
                                 const char *out_path);

static inline run run_program_to(const char *const *argv, const char *dir, const char *out_path)
{
	return run_program_io(argv, dir, NULL, out_path);
}

/* The same with standard input read from @in_path (NULL: the test's own). */
static inline run run_program_io(const char *const *argv, const char *dir, const char *in_path,
                                 const char *out_path)
{
	char own_out[4200], err_path[4200];
	snprintf(own_out, sizeof own_out, "%s/stdout", dir);
	snprintf(err_path, sizeof err_path, "%s/stderr", dir);
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	if (in_path)
		posix_spawn_file_actions_addopen(&actions, 0, in_path, O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&actions, 1, out_path ? out_path : own_out,
	                                 O_WRONLY | O_CREAT | O_TRUNC, 0644);
	posix_spawn_file_actions_addopen(&actions, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	pid_t pid;
	assert_int_equal(posix_spawn(&pid, argv[0], &actions, NULL, (char *const *)argv, environ), 0);
	posix_spawn_file_actions_destroy(&actions);
	int wstatus;
	assert_int_equal(waitpid(pid, &wstatus, 0), pid);
	assert_true(WIFEXITED(wstatus));
	run r = {WEXITSTATUS(wstatus), out_path ? strdup("") : read_whole_file(own_out, NULL),
	         read_whole_file(err_path, NULL)};
	assert_non_null(r.out);
	assert_non_null(r.err);
	return r;
}

/* Run @argv with its outputs sent to files in @dir. */
static inline run run_program(const char *const *argv, const char *dir)
{
	return run_program_to(argv, dir, NULL);
}

static inline void run_free(run *r)
{
	free(r->out);
	free(r->err);
}

/* A scratch directory for the outputs of the programs a test runs; its group setup and
 * teardown make it and remove it. */
static char *run_dir;

static inline int run_dir_setup(void **state)
{
	(void)state;
	run_dir = make_temp_dir();
	return run_dir ? 0 : -1;
}

static inline int run_dir_teardown(void **state)
{
	(void)state;
	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", run_dir);
	int rc = system(cmd);
	free(run_dir);
	run_dir = NULL;
	return rc;
}

#ifdef CISPREF_EXE
/* Run the cispref tool with the arguments @first, then @ap (NULL-terminated), standard
 * output to @out_path (NULL: a file of run_dir). */
static inline run run_cispref_va(const char *out_path, const char *first, va_list ap)
{
	const char *argv[32] = {CISPREF_EXE, first};
	int argc = first ? 2 : 1;
	for (const char *a; first && (a = va_arg(ap, const char *)) != NULL && argc < 31;)
		argv[argc++] = a;
	argv[argc] = NULL;
	return run_program_to(argv, run_dir, out_path);
}

/* Run the cispref tool with standard input read from @in_path. */
static inline run run_cispref_from(const char *in_path, const char *first, ...)
{
	const char *argv[32] = {CISPREF_EXE, first};
	int argc = 2;
	va_list ap;
	va_start(ap, first);
	for (const char *a; (a = va_arg(ap, const char *)) != NULL && argc < 31;)
		argv[argc++] = a;
	va_end(ap);
	argv[argc] = NULL;
	return run_program_io(argv, run_dir, in_path, NULL);
}

/* Run the cispref tool with the given arguments (NULL-terminated) in run_dir. */
static inline run run_cispref(const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	run r = run_cispref_va(NULL, first, ap);
	va_end(ap);
	return r;
}

/* The same with standard output sent to @out_path, e.g. "/dev/full". */
static inline run run_cispref_to(const char *out_path, const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	run r = run_cispref_va(out_path, first, ap);
	va_end(ap);
	return r;
}

/* Run the cispref tool with standard output on a full device: whatever it writes is
 * lost, so it must exit 1 and say so on standard error, with the reason. */
static inline void assert_write_error(const char *command, const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	run r = run_cispref_va("/dev/full", first, ap);
	va_end(ap);
	char expected[256];
	snprintf(expected, sizeof expected, "cispref%s%s: write error: %s\n", command ? " " : "",
	         command ? command : "", strerror(ENOSPC));
	if (r.status != 1 || strcmp(r.err, expected) != 0)
		fail_msg("cispref %s > /dev/full: exit %d, stderr '%s'; expected exit 1, '%s'",
		         first, r.status, r.err, expected);
	run_free(&r);
}
#endif

#endif
