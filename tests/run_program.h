/* Running a program of the build as a child process and capturing what it prints. */
#ifndef CISPREF_TEST_RUN_PROGRAM_H
#define CISPREF_TEST_RUN_PROGRAM_H

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

/* Run @argv (NULL-terminated; argv[0] is the program's path) with its outputs sent to
 * files in @dir. */
static inline run run_program(const char *const *argv, const char *dir)
{
	char out_path[4200], err_path[4200];
	snprintf(out_path, sizeof out_path, "%s/stdout", dir);
	snprintf(err_path, sizeof err_path, "%s/stderr", dir);
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	posix_spawn_file_actions_addopen(&actions, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	pid_t pid;
	assert_int_equal(posix_spawn(&pid, argv[0], &actions, NULL, (char *const *)argv, environ), 0);
	posix_spawn_file_actions_destroy(&actions);
	int wstatus;
	assert_int_equal(waitpid(pid, &wstatus, 0), pid);
	assert_true(WIFEXITED(wstatus));
	run r = {WEXITSTATUS(wstatus), read_whole_file(out_path, NULL),
	         read_whole_file(err_path, NULL)};
	assert_non_null(r.out);
	assert_non_null(r.err);
	return r;
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
/* Run the cispref tool with the given arguments (NULL-terminated) in run_dir. */
static inline run run_cispref(const char *first, ...)
{
	const char *argv[32] = {CISPREF_EXE, first};
	int argc = first ? 2 : 1;
	va_list ap;
	va_start(ap, first);
	for (const char *a; first && (a = va_arg(ap, const char *)) != NULL && argc < 31;)
		argv[argc++] = a;
	va_end(ap);
	argv[argc] = NULL;
	return run_program(argv, run_dir);
}
#endif

#endif
