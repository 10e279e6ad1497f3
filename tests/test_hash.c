/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The library's hash table (lib/strmap.c): SipHash against the reference vectors, the
 * map's operations, and the point of the secret key: ids built to collide under the
 * unkeyed FNV-1a the table used before load about as fast as random ids of the same
 * length (the issue "Field robustness", point 3). */
#include <time.h>

#include "run_program.h"
#include "arena.h"
#include "strmap.h"

static const char *self; /* this program, run again as a child */

/* ---- SipHash --------------------------------------------------------------------- */

/* SipHash-2-4 of the messages 00, 00 01, ... 00 .. 0e under the key 00 01 .. 0f, from the
 * reference implementation's vectors (Aumasson and Bernstein, "SipHash: a fast
 * short-input PRF", appendix A gives the 15-byte one), and of the 63-byte message. */
static void test_siphash_vectors(void **state)
{
	(void)state;
	static const uint64_t expected[16] = {
		0x726fdb47dd0e0e31u, 0x74f839c593dc67fdu, 0x0d6c8009d9a94f5au, 0x85676696d7fb7e2du,
		0xcf2794e0277187b7u, 0x18765564cd99a68du, 0xcbc9466e58fee3ceu, 0xab0200f58b01d137u,
		0x93f5f5799a932462u, 0x9e0082df0ba9e4b0u, 0x7a5dbbc594ddb9f3u, 0xf4b32f46226bada7u,
		0x751e8fbc860ee5fbu, 0x14ea5627c0843d90u, 0xf723ca908e7af2eeu, 0xa129ca6149be45e5u,
	};
	const uint64_t key[2] = {0x0706050403020100u, 0x0f0e0d0c0b0a0908u};
	unsigned char message[64];
	for (int i = 0; i < 64; i++)
		message[i] = (unsigned char)i;
	for (size_t n = 0; n < 16; n++)
		assert_true(cispref__siphash(key, message, n, 2, 4) == expected[n]);
	assert_true(cispref__siphash(key, message, 63, 2, 4) == 0x958a324ceb064572u);
	/* the maps' variant has fewer rounds, so another value */
	assert_true(cispref__siphash(key, message, 15, 1, 3) != expected[15]);
}

/* ---- the map --------------------------------------------------------------------- */

static const char *itself(const void *value)
{
	return value;
}

static void test_map(void **state)
{
	(void)state;
	enum { N = 5000 };
	static char keys[N][12];
	strmap map;
	cispref__strmap_init(&map, itself);
	assert_null(cispref__strmap_find(&map, "a"));
	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		assert_int_equal(cispref__strmap_add(&map, keys[i]), 0);
	}
	char same[12] = "k42";
	assert_int_equal(cispref__strmap_add(&map, same), 1); /* the key is there: unchanged */
	assert_ptr_equal(cispref__strmap_find(&map, "k42"), keys[42]);
	assert_int_equal(map.count, N);
	cispref__strmap_remove(&map, same); /* another value with that key: not removed */
	assert_ptr_equal(cispref__strmap_find(&map, "k42"), keys[42]);
	for (int i = 0; i < N; i += 2)
		cispref__strmap_remove(&map, keys[i]);
	assert_int_equal(map.count, N / 2);
	for (int i = 0; i < N; i++)
		assert_ptr_equal(cispref__strmap_find(&map, keys[i]), i % 2 ? keys[i] : NULL);
	/* enumeration: every live value once */
	static char seen[N];
	size_t position = 0, visited = 0;
	for (char *v; (v = cispref__strmap_next(&map, &position)) != NULL; visited++) {
		int i = atoi(v + 1);
		assert_true(i % 2 == 1 && !seen[i]);
		seen[i] = 1;
	}
	assert_int_equal(visited, N / 2);
	assert_int_equal(cispref__strmap_add(&map, NULL), -1);
	assert_null(cispref__strmap_find(&map, NULL));
	cispref__strmap_free(&map);
	assert_null(cispref__strmap_find(&map, "k1"));
}

/* A reservation makes room for its count at once: the map takes that many keys without
 * a rebuild (its capacity, no power of two, does not change) and finds each of them. */
static void test_reserve(void **state)
{
	(void)state;
	enum { N = 3001 };
	static char keys[N][12];
	strmap map;
	cispref__strmap_init(&map, itself);
	assert_int_equal(cispref__strmap_reserve(&map, N), 0);
	size_t capacity = map.capacity;
	assert_true(capacity * 3 / 4 >= N && capacity < 2 * N); /* 3/4 full, not half */
	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof keys[i], "r%d", i);
		assert_int_equal(cispref__strmap_add(&map, keys[i]), 0);
	}
	assert_int_equal(map.capacity, capacity);
	for (int i = 0; i < N; i++)
		assert_ptr_equal(cispref__strmap_find(&map, keys[i]), keys[i]);
	assert_null(cispref__strmap_find(&map, "r-1"));
	cispref__strmap_free(&map);
}

/* Vectors shrunk to their count keep their items, grow again when pushed to, and the
 * storage they left serves other vectors without overlapping theirs. */
static void test_vec_shrink(void **state)
{
	(void)state;
	enum { VECS = 40 };
	static int marks[VECS * 64];
	arena *a = cispref__arena_new();
	assert_non_null(a);
	vec v[VECS] = {{0}};
	for (int i = 0; i < VECS; i++) {
		for (int j = 0; j < 5 + i; j++) /* counts that are no class size: 5, 6, 7, 9... */
			assert_int_equal(cispref__vec_push(a, &v[i], &marks[i * 64 + j]), 0);
		cispref__vec_shrink(a, &v[i]);
		assert_int_equal(v[i].capacity, v[i].count);
	}
	for (int i = 0; i < VECS; i += 3) /* a shrunk vector grows again */
		assert_int_equal(cispref__vec_push(a, &v[i], &marks[i * 64 + 5 + i]), 0);
	for (int i = 0; i < VECS; i++) {
		size_t count = (size_t)(5 + i + (i % 3 == 0));
		assert_int_equal(v[i].count, count);
		for (size_t j = 0; j < count; j++)
			assert_ptr_equal(v[i].items[j], &marks[i * 64 + j]);
	}
	vec empty = {0};
	cispref__vec_shrink(a, &empty); /* nothing to fit */
	assert_null(empty.items);
	cispref__arena_free(a);
}

/* The order of a map of 200 keys, one a line: what the child run with --order prints. */
static void print_order(void)
{
	static char keys[200][8];
	strmap map;
	cispref__strmap_init(&map, itself);
	for (int i = 0; i < 200; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		if (cispref__strmap_add(&map, keys[i]) != 0)
			exit(1);
	}
	size_t position = 0;
	for (const char *v; (v = cispref__strmap_next(&map, &position)) != NULL;)
		printf("%s\n", v);
	cispref__strmap_free(&map);
}

/* Each process draws its own secret: two processes place the same keys differently
 * (with a constant key they would agree; with random ones, 200 keys in 512 slots agree
 * with a negligible probability). */
static void test_secret_per_process(void **state)
{
	(void)state;
	const char *argv[] = {self, "--order", NULL};
	run a = run_program(argv, run_dir);
	assert_int_equal(a.status, 0);
	run b = run_program(argv, run_dir);
	assert_int_equal(b.status, 0);
	assert_int_equal(strlen(a.out), strlen(b.out));
	assert_non_null(strstr(a.out, "k199\n"));
	assert_string_not_equal(a.out, b.out);
	run_free(&a);
	run_free(&b);
}

/* ...and nothing the library writes depends on it: the concept index of a rendering,
 * the order of search hits and of the concepts, from two processes, are the same bytes. */
static void test_output_independent_of_secret(void **state)
{
	(void)state;
	static const char *const commands[][5] = {
		{"render", "--format", "md", NULL},
		{"search", "accompagnement", NULL},
		{"concepts", NULL},
	};
	for (size_t c = 0; c < sizeof commands / sizeof *commands; c++) {
		run a = run_cispref(commands[c][0], commands[c][1], commands[c][2], NULL);
		run b = run_cispref(commands[c][0], commands[c][1], commands[c][2], NULL);
		assert_int_equal(a.status, 0);
		assert_true(strlen(a.out) > 100);
		assert_string_equal(a.out, b.out);
		run_free(&a);
		run_free(&b);
	}
}

/* ---- flooding -------------------------------------------------------------------- */

enum { BLOCKS = 16, BLOCK = 6, IDS = 1 << BLOCKS, ID_LENGTH = 1 + BLOCKS * BLOCK };

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"; /* 64 id characters */

static uint32_t fnv1a(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

typedef struct candidate {
	uint32_t hash;
	uint32_t seed;
} candidate;

static int compare_candidates(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* A block of BLOCK characters, determined by @seed. */
static void block_of(uint32_t seed, char *out)
{
	for (int i = 0; i < BLOCK; i++, seed = seed * 1103515245u + 12345u)
		out[i] = alphabet[(seed >> 16) & 63];
}

/* Two different blocks that take FNV-1a from @h to the same state (a birthday search
 * over 2^17 blocks among 2^32 states finds about two pairs); returns that state. */
static uint32_t colliding_pair(uint32_t h, uint32_t round, char a[BLOCK], char b[BLOCK])
{
	enum { TRIES = 1 << 17 };
	candidate *c = malloc(TRIES * sizeof *c);
	assert_non_null(c);
	for (uint32_t attempt = 0;; attempt++) {
		for (uint32_t i = 0; i < TRIES; i++) {
			char block[BLOCK];
			c[i].seed = (round << 24) ^ (attempt << 20) ^ (i * 2654435761u);
			block_of(c[i].seed, block);
			c[i].hash = fnv1a(h, block, BLOCK);
		}
		qsort(c, TRIES, sizeof *c, compare_candidates);
		for (uint32_t i = 1; i < TRIES; i++) {
			if (c[i].hash != c[i - 1].hash)
				continue;
			block_of(c[i - 1].seed, a);
			block_of(c[i].seed, b);
			if (memcmp(a, b, BLOCK) == 0)
				continue;
			uint32_t next = c[i].hash;
			free(c);
			return next;
		}
	}
}

/* 2^BLOCKS ids that all have one FNV-1a hash (Joux's multicollision: a colliding pair
 * of blocks from each state, any choice of one block per pair), written in @ids, each
 * ID_LENGTH characters and a NUL. Returns that hash. */
static uint32_t colliding_ids(char (*ids)[ID_LENGTH + 1])
{
	char pairs[BLOCKS][2][BLOCK];
	uint32_t h = fnv1a(2166136261u, "h", 1);
	for (int b = 0; b < BLOCKS; b++)
		h = colliding_pair(h, (uint32_t)b, pairs[b][0], pairs[b][1]);
	for (uint32_t n = 0; n < IDS; n++) {
		ids[n][0] = 'h';
		for (int b = 0; b < BLOCKS; b++)
			memcpy(ids[n] + 1 + b * BLOCK, pairs[b][(n >> b) & 1], BLOCK);
		ids[n][ID_LENGTH] = '\0';
	}
	return h;
}

static void random_ids(char (*ids)[ID_LENGTH + 1])
{
	uint32_t x = 2463534242u;
	for (uint32_t n = 0; n < IDS; n++) {
		ids[n][0] = 'h';
		for (int i = 1; i < ID_LENGTH; i++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5; /* xorshift32 */
			ids[n][i] = alphabet[x & 63];
		}
		ids[n][ID_LENGTH] = '\0';
	}
}

#define HEAD                                                                               \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                     \
	"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"r\" "      \
	"version=\"1\" xml:lang=\"fr\"><title>R</title>\n"                                   \
	"<domain id=\"d\" kind=\"core\"><title>D</title><plan id=\"p\" kind=\"individual\">"  \
	"<title>P</title><competence id=\"c\"><title>C</title>\n"
#define TAIL "</competence></plan></domain></referential>\n"

/* A referential whose one competence has an item for each id. */
static char *document(char (*ids)[ID_LENGTH + 1], size_t *size)
{
	size_t cap = strlen(HEAD) + strlen(TAIL) + (size_t)IDS * (ID_LENGTH + 32) + 1;
	char *doc = malloc(cap), *p = doc;
	assert_non_null(doc);
	p += sprintf(p, "%s", HEAD);
	for (uint32_t n = 0; n < IDS; n++)
		p += sprintf(p, "<savoir id=\"%s\">s</savoir>\n", ids[n]);
	p += sprintf(p, "%s", TAIL);
	*size = (size_t)(p - doc);
	return doc;
}

/* CPU time of this process: other processes on a busy machine do not inflate it, so the
 * ratio below compares the work done, not the scheduler's mood. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double timed_load(const char *doc, size_t size, const char *probe)
{
	cispref_referential *ref = NULL;
	double start = now();
	assert_int_equal(cispref_referential_load_memory(&ref, doc, size, "flood.xml",
	                                                 CISPREF_LOAD_DEFAULT, NULL),
	                 CISPREF_OK);
	double elapsed = now() - start;
	assert_non_null(cispref_referential_find_item(ref, probe));
	cispref_referential_free(ref);
	return elapsed;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void test_flooding(void **state)
{
	(void)state;
	char (*ids)[ID_LENGTH + 1] = malloc((size_t)IDS * sizeof *ids);
	assert_non_null(ids);
	/* the premise: every id has the same FNV-1a hash, and they are all different */
	uint32_t h = colliding_ids(ids);
	assert_int_equal(fnv1a(2166136261u, ids[0], ID_LENGTH), h);
	assert_int_equal(fnv1a(2166136261u, ids[IDS - 1], ID_LENGTH), h);
	assert_int_equal(fnv1a(2166136261u, ids[IDS / 3], ID_LENGTH), h);
	assert_true(strcmp(ids[IDS / 3], ids[IDS / 3 + 1]) != 0);
	size_t colliding_size, random_size;
	char *colliding = document(ids, &colliding_size);
	char probe_c[ID_LENGTH + 1], probe_r[ID_LENGTH + 1];
	memcpy(probe_c, ids[IDS / 2], sizeof probe_c);
	random_ids(ids);
	char *random = document(ids, &random_size);
	memcpy(probe_r, ids[IDS / 2], sizeof probe_r);
	assert_int_equal(colliding_size, random_size);
	free(ids);

	/* side by side, medians of five; under the unkeyed hash the colliding file took
	 * 80 times as long */
	enum { RUNS = 5 };
	double tc[RUNS], tr[RUNS];
	for (int r = 0; r < RUNS; r++) {
		tr[r] = timed_load(random, random_size, probe_r);
		tc[r] = timed_load(colliding, colliding_size, probe_c);
	}
	qsort(tc, RUNS, sizeof *tc, compare_double);
	qsort(tr, RUNS, sizeof *tr, compare_double);
	print_message("load of %d ids: colliding %.3f s, random %.3f s (medians of %d)\n",
	              IDS, tc[RUNS / 2], tr[RUNS / 2], RUNS);
	assert_true(tc[RUNS / 2] < 2 * tr[RUNS / 2] + 0.05);
	free(colliding);
	free(random);
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--order") == 0) {
		print_order();
		return 0;
	}
	self = argv[0];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_siphash_vectors),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_vec_shrink),
		cmocka_unit_test(test_secret_per_process),
		cmocka_unit_test(test_output_independent_of_secret),
		cmocka_unit_test(test_flooding),
	};
	return cmocka_run_group_tests(tests, run_dir_setup, run_dir_teardown);
}
