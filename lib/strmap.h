/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The library's one hash table, from strings to values whose key lives inside the value
 * (a node's id, a word of the vocabulary, a concept's usage): open addressing with linear
 * probing, 8 bits of the hash kept beside each slot. libxml2 2.9's hash tables stop growing at
 * 16 384 buckets, which made a referential of half a million ids spend most of its load
 * walking chains.
 *
 * Keys come from untrusted input, so the hash is SipHash-1-3 under a secret drawn once
 * per process: nobody can build keys that collide. The order of the slots therefore
 * changes from one process to the next; whatever iterates a map to produce output must
 * sort what it finds. */
#ifndef CISPREF_STRMAP_H
#define CISPREF_STRMAP_H

#include <stddef.h>
#include <stdint.h>

/* The key of a value stored in the map. */
typedef const char *(*strmap_key_fn)(const void *value);

/* A slot is the value's pointer, and a byte of tag apart (8 bits of the hash): half a
 * million ids take 6 MiB of values and 0.75 MiB of tags. The slots of 8 bytes this table
 * had before (32 bits of hash and a position in a list of values) took 6 MiB and the list
 * 4 MiB more. A probe reads the tags, then a key only when its tag matches. */
typedef struct strmap {
	void **values;   /* NULL where empty or removed */
	uint8_t *tags;   /* 0: empty; 1: removed; else 8 bits of the hash (2 or more) */
	size_t capacity; /* slots, or 0 */
	size_t used;     /* entries plus removed slots, which also lengthen probes */
	size_t count;    /* entries */
	strmap_key_fn key;
} strmap;

/* Every map is initialised here before use (this also draws the process's secret). */
void cispref__strmap_init(strmap *map, strmap_key_fn key);
void cispref__strmap_free(strmap *map);
/* The value whose key is @key, or NULL. */
void *cispref__strmap_find(const strmap *map, const char *key);
/* Add @value unless a value with the same key is there: 0 added, 1 already there (the map
 * is unchanged), -1 out of memory or a NULL key. */
int cispref__strmap_add(strmap *map, void *value);
/* Values on their way into a map: adding half a million ids one at a time, each
 * insertion waited for its slot to come from memory (a sixth of a large load). A batch
 * hashes each value as it comes and asks for its slot ahead, then adds the values in
 * order when full, so the slots arrive while the next values are made. */
#define STRMAP_BATCH 8
typedef struct strmap_batch {
	void *values[STRMAP_BATCH];
	uint32_t hashes[STRMAP_BATCH];
	unsigned count;
} strmap_batch;

/* Put @value in @batch (zeroed before first use), adding the batch to @map when it is
 * full: the number of values not added because their key was there (the map keeps the
 * first), or -1 when out of memory or a key is NULL. Until cispref__strmap_add_batch()
 * the values in the batch are not in the map. */
long cispref__strmap_add_soon(strmap *map, strmap_batch *batch, void *value);
/* Add what @batch holds to @map, in order: as cispref__strmap_add_soon(). */
long cispref__strmap_add_batch(strmap *map, strmap_batch *batch);
/* Make room for @count entries in all, so that adding them does not rehash: -1 when out
 * of memory (the map is unchanged). */
int cispref__strmap_reserve(strmap *map, size_t count);
/* Remove @value itself (not another value with the same key). */
void cispref__strmap_remove(strmap *map, const void *value);
/* The next value from *@position (0 to start; advanced past the value), or NULL at the
 * end. The order is the slots' (which depends on the process's secret), not the order of
 * addition: sort it before it reaches any output. */
void *cispref__strmap_next(const strmap *map, size_t *position);

/* SipHash-c-d of @length bytes under the 128-bit @key (key[0] holds bytes 0-7 read
 * little-endian): the maps use SipHash-1-3; tests check it against the reference
 * vectors of SipHash-2-4. */
uint64_t cispref__siphash(const uint64_t key[2], const void *data, size_t length,
                          int c_rounds, int d_rounds);

#endif
