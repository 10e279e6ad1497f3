/* A hash table from strings to values whose key lives inside the value (a node's id, a
 * word of the vocabulary): open addressing with linear probing, the 32-bit hash kept in
 * the slot. libxml2 2.9's hash tables stop growing at 16 384 buckets, which made a
 * referential of half a million ids spend most of its load walking chains. */
#ifndef CISPREF_STRMAP_H
#define CISPREF_STRMAP_H

#include <stddef.h>
#include <stdint.h>

/* The key of a value stored in the map. */
typedef const char *(*strmap_key_fn)(const void *value);

typedef struct strmap_slot {
	uint32_t hash;
	void *value; /* NULL: empty; STRMAP_REMOVED: a removed entry */
} strmap_slot;

typedef struct strmap {
	strmap_slot *slots;
	size_t capacity; /* a power of two, or 0 */
	size_t used;     /* entries plus removed slots, which also lengthen probes */
	size_t count;    /* entries */
	strmap_key_fn key;
} strmap;

void cispref__strmap_init(strmap *map, strmap_key_fn key);
void cispref__strmap_free(strmap *map);
/* The value whose key is @key, or NULL. */
void *cispref__strmap_find(const strmap *map, const char *key);
/* Add @value unless a value with the same key is there: 0 added, 1 already there (the map
 * is unchanged), -1 out of memory. */
int cispref__strmap_add(strmap *map, void *value);
/* Make room for @count entries in all, so that adding them does not rehash: -1 when out
 * of memory (the map is unchanged). */
int cispref__strmap_reserve(strmap *map, size_t count);
/* Remove @value itself (not another value with the same key). */
void cispref__strmap_remove(strmap *map, const void *value);

#endif
