/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "strmap.h"

/* ---- the hash ------------------------------------------------------------------- */

/* Keys come from untrusted XML: with a hash anyone can compute (the FNV-1a this table
 * used), a file of ids that share one hash turns every insertion into a walk over all
 * the previous ones, and a load of 65 536 ids took 80 times as long. SipHash keyed with
 * a per-process random secret makes such ids impossible to build offline.
 *
 * SipHash-1-3 (one compression round, three finalisation rounds) is the variant hash
 * tables use (CPython, Rust's standard library); the reference algorithm is some forty
 * lines, written here after Aumasson and Bernstein's paper. The Debian candidates do
 * not fit: libsodium's crypto_shorthash is SipHash-2-4 only (twice the rounds per word,
 * for a MAC's strength that a table does not need) and would be a new dependency of
 * the library for one function; libhighwayhash is C++. */

static uint64_t sip_key[2];
static pthread_once_t sip_key_once = PTHREAD_ONCE_INIT;

static uint64_t rotl(uint64_t x, int b)
{
	return (x << b) | (x >> (64 - b));
}

static void sip_round(uint64_t v[4])
{
	v[0] += v[1]; v[1] = rotl(v[1], 13); v[1] ^= v[0]; v[0] = rotl(v[0], 32);
	v[2] += v[3]; v[3] = rotl(v[3], 16); v[3] ^= v[2];
	v[0] += v[3]; v[3] = rotl(v[3], 21); v[3] ^= v[0];
	v[2] += v[1]; v[1] = rotl(v[1], 17); v[1] ^= v[2]; v[2] = rotl(v[2], 32);
}

/* The eight bytes at @p as a little-endian word, whatever the machine's order (written
 * out so that compilers make it one load on little-endian machines). */
static uint64_t load_le64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	       (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	       (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

static inline uint64_t siphash(const uint64_t key[2], const unsigned char *data, size_t length,
                               int c_rounds, int d_rounds)
{
	uint64_t v[4] = {key[0] ^ 0x736f6d6570736575u, key[1] ^ 0x646f72616e646f6du,
	                 key[0] ^ 0x6c7967656e657261u, key[1] ^ 0x7465646279746573u};
	size_t whole = length & ~(size_t)7;
	for (size_t i = 0; i <= whole; i += 8) {
		uint64_t m;
		if (i < whole) {
			m = load_le64(data + i);
		} else { /* the last word: the remaining bytes, the length in the top byte */
			m = (uint64_t)length << 56;
			switch (length & 7) {
			case 7: m |= (uint64_t)data[i + 6] << 48; /* fall through */
			case 6: m |= (uint64_t)data[i + 5] << 40; /* fall through */
			case 5: m |= (uint64_t)data[i + 4] << 32; /* fall through */
			case 4: m |= (uint64_t)data[i + 3] << 24; /* fall through */
			case 3: m |= (uint64_t)data[i + 2] << 16; /* fall through */
			case 2: m |= (uint64_t)data[i + 1] << 8;  /* fall through */
			case 1: m |= (uint64_t)data[i];
			}
		}
		v[3] ^= m;
		for (int r = 0; r < c_rounds; r++)
			sip_round(v);
		v[0] ^= m;
	}
	v[2] ^= 0xff;
	for (int r = 0; r < d_rounds; r++)
		sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

uint64_t cispref__siphash(const uint64_t key[2], const void *data, size_t length,
                          int c_rounds, int d_rounds)
{
	return siphash(key, data, length, c_rounds, d_rounds);
}

/* The secret, from the kernel's random source. Without it (a kernel before 3.17, a
 * seccomp filter, a pool not yet initialised at early boot) the fallback mixes the
 * time, the process id and addresses that ASLR moves: not secret from a local attacker
 * who can observe the process, but different in every process, so a file built against
 * one run does not flood the next. */
static void seed_key(void)
{
	unsigned char buf[16];
	ssize_t got = getrandom(buf, sizeof buf, GRND_NONBLOCK);
	if (got == (ssize_t)sizeof buf) {
		sip_key[0] = load_le64(buf);
		sip_key[1] = load_le64(buf + 8);
		return;
	}
	struct timespec real = {0}, mono = {0};
	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	uint64_t mix[6] = {(uint64_t)real.tv_sec, (uint64_t)real.tv_nsec,
	                   (uint64_t)mono.tv_nsec, (uint64_t)getpid(),
	                   (uint64_t)(uintptr_t)&mix, (uint64_t)(uintptr_t)&seed_key};
	const uint64_t fixed[2] = {0x0706050403020100u, 0x0f0e0d0c0b0a0908u};
	sip_key[0] = siphash(fixed, (const unsigned char *)mix, sizeof mix, 2, 4);
	mix[0] ^= sip_key[0];
	sip_key[1] = siphash(fixed, (const unsigned char *)mix, sizeof mix, 2, 4);
}

static uint32_t hash_of(const char *key)
{
	/* the low 32 bits index the table (up to 2^32 slots) and are kept in the slot */
	return (uint32_t)siphash(sip_key, (const unsigned char *)key, strlen(key), 1, 3);
}

/* ---- the table ------------------------------------------------------------------ */

/* A slot's tag: empty, removed, or 8 bits of its value's hash (never 0 or 1), so that a
 * probe reads a key only when the tags match (once in 254 on a mismatch). */
#define EMPTY 0
#define REMOVED 1

static uint8_t tag_of(uint32_t h)
{
	/* the low bits: the slot is chosen by the high ones (first_slot()), and a tag made
	 * of those would be the same for every neighbour */
	uint8_t t = (uint8_t)h;
	return t < 2 ? (uint8_t)(t + 2) : t;
}

void cispref__strmap_init(strmap *map, strmap_key_fn key)
{
	/* every map is initialised here before use: the secret is drawn once per process,
	 * on whichever thread comes first */
	(void)pthread_once(&sip_key_once, seed_key);
	memset(map, 0, sizeof *map);
	map->key = key;
}

/* Values fit in 3/4 of the slots: a map grows before it is fuller. */
static size_t value_room(size_t capacity)
{
	return capacity / 4 * 3 + capacity % 4 * 3 / 4;
}

/* The slot where the probe for @h starts: the hash scaled to the capacity (a product, not
 * a mask, so that a capacity need not be a power of two: a table reserved for half a
 * million ids takes 6 MiB of slots, not the 8 MiB of the next power of two). */
static size_t first_slot(uint32_t h, size_t capacity)
{
	return (size_t)(((uint64_t)h * capacity) >> 32);
}

static size_t next_slot(size_t i, size_t capacity)
{
	return i + 1 < capacity ? i + 1 : 0;
}

static void free_table(void **values, uint8_t *tags, size_t capacity)
{
	/* large tables are mapped on their own: freeing gives them back to the system */
	cispref__pages_free(values, capacity * sizeof *values, 1);
	cispref__pages_free(tags, capacity, 0);
}

void cispref__strmap_free(strmap *map)
{
	free_table(map->values, map->tags, map->capacity);
	map->values = NULL;
	map->tags = NULL;
	map->capacity = map->used = map->count = 0;
}

void *cispref__strmap_find(const strmap *map, const char *key)
{
	if (!map->capacity || !key)
		return NULL;
	uint32_t h = hash_of(key);
	uint8_t tag = tag_of(h);
	for (size_t i = first_slot(h, map->capacity);; i = next_slot(i, map->capacity)) {
		if (map->tags[i] == EMPTY)
			return NULL;
		if (map->tags[i] == tag && strcmp(map->key(map->values[i]), key) == 0)
			return map->values[i];
	}
}

/* Rebuild into a table of @capacity slots (or 64), dropping the removed entries.
 * Tables are grown when three quarters full: linear probing stays short. */
static int resize(strmap *map, size_t capacity)
{
	if (capacity < 64)
		capacity = 64;
	if (capacity > (size_t)UINT32_MAX)
		return -1; /* the hash is 32 bits */
	void **values = cispref__pages_alloc(capacity * sizeof *values, 1);
	uint8_t *tags = values ? cispref__pages_alloc(capacity, 0) : NULL;
	if (!tags) {
		cispref__pages_free(values, capacity * sizeof *values, 1);
		return -1;
	}
	size_t n = 0;
	for (size_t i = 0; i < map->capacity; i++) {
		if (map->tags[i] < 2)
			continue;
		/* the hashes are not kept: a rebuild hashes the keys again */
		uint32_t h = hash_of(map->key(map->values[i]));
		size_t j = first_slot(h, capacity);
		while (tags[j] != EMPTY)
			j = next_slot(j, capacity);
		tags[j] = tag_of(h);
		values[j] = map->values[i];
		n++;
	}
	cispref__strmap_free(map);
	map->values = values;
	map->tags = tags;
	map->capacity = capacity;
	map->used = map->count = n;
	return 0;
}

/* Add @value whose key @key hashes to @h. */
static int add_hashed(strmap *map, void *value, const char *key, uint32_t h)
{
	/* grown to half full: a map that grows by additions doubles */
	if ((map->used + 1) * 4 > map->capacity * 3 && resize(map, (map->count + 1) * 2) != 0)
		return -1;
	uint8_t tag = tag_of(h);
	for (size_t i = first_slot(h, map->capacity);; i = next_slot(i, map->capacity)) {
		uint8_t t = map->tags[i];
		if (t == EMPTY) {
			map->tags[i] = tag;
			map->values[i] = value;
			map->used++;
			map->count++;
			return 0;
		}
		if (t == tag && strcmp(map->key(map->values[i]), key) == 0)
			return 1;
	}
}

int cispref__strmap_add(strmap *map, void *value)
{
	const char *key = value ? map->key(value) : NULL;
	if (!key)
		return -1;
	return add_hashed(map, value, key, hash_of(key));
}

long cispref__strmap_add_batch(strmap *map, strmap_batch *batch)
{
	long present = 0;
	for (unsigned i = 0; i < batch->count; i++) {
		void *value = batch->values[i];
		int rc = add_hashed(map, value, map->key(value), batch->hashes[i]);
		if (rc < 0) {
			batch->count = 0;
			return -1;
		}
		present += rc;
	}
	batch->count = 0;
	return present;
}

long cispref__strmap_add_soon(strmap *map, strmap_batch *batch, void *value)
{
	const char *key = value ? map->key(value) : NULL;
	if (!key)
		return -1;
	uint32_t h = hash_of(key);
#if defined(__GNUC__)
	if (map->capacity) {
		size_t i = first_slot(h, map->capacity);
		__builtin_prefetch(&map->tags[i], 1);
		__builtin_prefetch(&map->values[i], 1);
	}
#endif
	batch->values[batch->count] = value;
	batch->hashes[batch->count] = h;
	if (++batch->count < STRMAP_BATCH)
		return 0;
	return cispref__strmap_add_batch(map, batch);
}

int cispref__strmap_reserve(strmap *map, size_t count)
{
	if (count < value_room(map->capacity))
		return 0;
	/* three quarters full with @count entries, not half: what the reservation is for is
	 * known, and every slot of a large table is written (and zeroed by the kernel) */
	if (count > (size_t)UINT32_MAX / 2)
		return -1;
	return resize(map, count + count / 3 + 2);
}

void cispref__strmap_remove(strmap *map, const void *value)
{
	const char *key = value ? map->key(value) : NULL;
	if (!map->capacity || !key)
		return;
	uint32_t h = hash_of(key);
	uint8_t tag = tag_of(h);
	for (size_t i = first_slot(h, map->capacity);; i = next_slot(i, map->capacity)) {
		if (map->tags[i] == EMPTY)
			return;
		if (map->tags[i] == tag && map->values[i] == value) {
			map->tags[i] = REMOVED;
			map->values[i] = NULL;
			map->count--;
			return;
		}
	}
}

void *cispref__strmap_next(const strmap *map, size_t *position)
{
	while (*position < map->capacity) {
		size_t i = (*position)++;
		if (map->tags[i] >= 2)
			return map->values[i];
	}
	return NULL;
}
