/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* cispref-floor: the least any libxml2 reader pays for a file, in one process:
 *
 *   cispref-floor sax FILE    libxml2's SAX2 push parser with no callbacks, fed the way
 *                             the loader feeds it (64 KiB reads, the loader's options)
 *   cispref-floor read FILE   read() of the same chunks, nothing else
 *   cispref-floor touch BYTES writes one byte in every page of BYTES of fresh memory,
 *                             mapped on huge pages as the loader's arena is: what the
 *                             system alone charges for the memory a load writes
 *
 * Output: "key=value" lines, wall-clock and CPU time of the work. */
/* madvise(), MAP_ANONYMOUS and MADV_HUGEPAGE are not in POSIX */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>
#include <libxml/parser.h>

#define CHUNK (64 * 1024)

static double clock_s(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read @fd to its end, handing each chunk to the parser when there is one. */
static int feed(int fd, xmlParserCtxtPtr ctxt, size_t *bytes)
{
	static char buf[CHUNK];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0)
			return -1;
		*bytes += (size_t)n;
		if (ctxt && xmlParseChunk(ctxt, buf, (int)n, n == 0) != 0)
			return -1;
		if (n == 0)
			return 0;
	}
}

#define HUGE_PAGE ((size_t)2 * 1024 * 1024)

/* Map @bytes starting on a huge page, marked for huge pages (as lib/arena.c maps a large
 * block), and write one byte in each 4 KiB page: the time is the kernel's, giving fresh
 * pages (and, in a virtual machine, the host's giving them to the guest). */
static int touch(const char *arg)
{
	char *end;
	unsigned long long want = strtoull(arg, &end, 10);
	if (*end || want == 0 || want > SIZE_MAX / 2) {
		fprintf(stderr, "cispref-floor: touch: not a size in bytes: %s\n", arg);
		return 2;
	}
	size_t bytes = ((size_t)want + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	unsigned char *p = mmap(NULL, bytes + HUGE_PAGE, PROT_READ | PROT_WRITE,
	                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		perror("cispref-floor: touch");
		return 1;
	}
	p += (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
#ifdef MADV_HUGEPAGE
	(void)madvise(p, bytes, MADV_HUGEPAGE);
#endif
	unsigned sum = 0;
	for (size_t i = 0; i < bytes; i += 4096) {
		p[i] = (unsigned char)(i >> 12);
		sum += p[i];
	}
	double c1 = clock_s(CLOCK_PROCESS_CPUTIME_ID), w1 = clock_s(CLOCK_MONOTONIC);
	printf("bytes=%zu\nchecksum=%u\ntouch_wall_s=%.6f\ntouch_cpu_s=%.6f\n", bytes, sum,
	       w1 - w0, c1 - c0);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "touch") == 0)
		return touch(argv[2]);
	if (argc != 3 || (strcmp(argv[1], "sax") != 0 && strcmp(argv[1], "read") != 0)) {
		fprintf(stderr, "usage: cispref-floor sax|read FILE, or cispref-floor touch BYTES\n");
		return 2;
	}
	int sax = strcmp(argv[1], "sax") == 0;
	double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	int fd = open(argv[2], O_RDONLY);
	if (fd < 0) {
		perror(argv[2]);
		return 1;
	}
	xmlSAXHandler handler;
	memset(&handler, 0, sizeof handler);
	handler.initialized = XML_SAX2_MAGIC; /* namespaces resolved, as for the loader */
	xmlParserCtxtPtr ctxt = NULL;
	if (sax) {
		ctxt = xmlCreatePushParserCtxt(&handler, NULL, NULL, 0, argv[2]);
		if (!ctxt)
			return 1;
		xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA |
		                                XML_PARSE_HUGE);
	}
	size_t bytes = 0;
	int rc = feed(fd, ctxt, &bytes);
	int well_formed = ctxt ? ctxt->wellFormed : 1;
	xmlFreeParserCtxt(ctxt);
	close(fd);
	double c1 = clock_s(CLOCK_PROCESS_CPUTIME_ID), w1 = clock_s(CLOCK_MONOTONIC);
	if (rc != 0 || !well_formed) {
		fprintf(stderr, "cispref-floor: %s: %s\n", argv[2],
		        rc ? "read or parse error" : "not well-formed");
		return 1;
	}
	printf("bytes=%zu\n%s_wall_s=%.6f\n%s_cpu_s=%.6f\n", bytes, argv[1], w1 - w0, argv[1],
	       c1 - c0);
	return 0;
}
