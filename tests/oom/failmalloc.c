/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* An LD_PRELOAD shim that makes one allocation fail, for the allocation-failure sweep
 * (tests/oom/sweep.py).
 *
 *   CISPREF_FAIL_AT=N      the Nth call to malloc, calloc, realloc, posix_memalign,
 *                          aligned_alloc or memalign (counted from the start of the
 *                          process, 1 is the first) returns NULL with errno ENOMEM;
 *                          0 or unset: none fails
 *   CISPREF_FAIL_REPORT=F  when given, F is created the moment the failure is injected
 *                          (so a run that never reached allocation N is told apart from
 *                          one that survived it), and at exit "ALLOCATIONS LIVE" is
 *                          written to F.count: the allocations counted, and the blocks
 *                          still allocated (allocated minus freed)
 *
 * Only one allocation fails: the program must cope with a failure anywhere, then go on
 * as if nothing happened or fail cleanly. The real allocator is reached through glibc's
 * __libc_* entry points rather than dlsym(), which itself allocates; free() is wrapped
 * only to count the blocks still live at exit, which the sweep compares with a run
 * where nothing failed to find leaks (the sweep cannot run under ASan, whose allocator
 * must come first). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *ptr);

static unsigned long fail_at;     /* 0: never */
static unsigned long calls;       /* allocations counted so far */
static long live;                 /* blocks allocated and not freed */
static const char *report;        /* CISPREF_FAIL_REPORT, or NULL */
static int configured;

/* Read the environment once. getenv() does not allocate. */
static void configure(void)
{
	if (configured)
		return;
	configured = 1;
	const char *at = getenv("CISPREF_FAIL_AT");
	fail_at = at ? strtoul(at, NULL, 10) : 0;
	report = getenv("CISPREF_FAIL_REPORT");
}

/* backtrace() loads the unwinder, which allocates, the first time it is called: call it
 * once when the shim is loaded, before the program runs, with no failure armed. */
__attribute__((constructor)) static void warm_up(void)
{
	configure();
	unsigned long armed = fail_at;
	fail_at = 0;
	void *frames[4];
	backtrace(frames, 4);
	fail_at = armed;
}

/* Create the report, holding the stack of the failed allocation, one function name a
 * line (the nearest exported symbol, "?" when there is none): the sweep tells by it the
 * leaks that are libxml2's own. open(), write(), dladdr() and backtrace() (once warmed
 * up) do not allocate. */
static void note_failure(void)
{
	int fd = open(report, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	void *frames[32];
	int count = backtrace(frames, 32);
	for (int i = 0; i < count; i++) {
		Dl_info info;
		const char *name = dladdr(frames[i], &info) && info.dli_sname ? info.dli_sname : "?";
		ssize_t n = write(fd, name, strlen(name));
		n = write(fd, "\n", 1);
		(void)n; /* the names only help diagnosis */
	}
	close(fd);
}

/* Whether this allocation is the one to fail. */
static int fail_now(void)
{
	configure();
	unsigned long n = __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
	if (!fail_at || n != fail_at)
		return 0;
	if (report)
		note_failure();
	errno = ENOMEM;
	return 1;
}

static void *counted(void *p)
{
	if (p)
		__atomic_add_fetch(&live, 1, __ATOMIC_RELAXED);
	return p;
}

void *malloc(size_t size)
{
	return fail_now() ? NULL : counted(__libc_malloc(size));
}

void *calloc(size_t count, size_t size)
{
	return fail_now() ? NULL : counted(__libc_calloc(count, size));
}

void free(void *ptr)
{
	if (ptr)
		__atomic_sub_fetch(&live, 1, __ATOMIC_RELAXED);
	__libc_free(ptr);
}

void *realloc(void *ptr, size_t size)
{
	/* realloc(p, 0) frees: not an allocation that can fail. */
	if (ptr && size == 0) {
		free(ptr);
		return NULL;
	}
	if (fail_now())
		return NULL;
	return ptr ? __libc_realloc(ptr, size) : counted(__libc_realloc(NULL, size));
}

void *memalign(size_t alignment, size_t size)
{
	return fail_now() ? NULL : counted(__libc_memalign(alignment, size));
}

void *aligned_alloc(size_t alignment, size_t size)
{
	return memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size)
{
	void *p = memalign(alignment, size);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

/* Write the count beside the report, for the sweep to know how far to go. snprintf into
 * a stack buffer and write(): nothing here allocates. */
__attribute__((destructor)) static void write_count(void)
{
	configure();
	if (!report)
		return;
	char path[4096], line[64];
	if ((size_t)snprintf(path, sizeof path, "%s.count", report) >= sizeof path)
		return;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	int n = snprintf(line, sizeof line, "%lu %ld\n", calls, live);
	if (n > 0 && write(fd, line, (size_t)n) < 0)
		n = 0;
	close(fd);
}
