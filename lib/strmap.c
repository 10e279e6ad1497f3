#include <stdlib.h>
#include <string.h>

#include "strmap.h"

static char removed_marker;
#define STRMAP_REMOVED ((void *)&removed_marker)

/* FNV-1a, without a final mix: ids that differ in their last characters, added in
 * document order, then land in nearby slots, which the cache rewards (a mixed hash made
 * the benchmark's load 18% slower). */
static uint32_t hash_of(const char *key)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

void cispref__strmap_init(strmap *map, strmap_key_fn key)
{
	memset(map, 0, sizeof *map);
	map->key = key;
}

void cispref__strmap_free(strmap *map)
{
	free(map->slots);
	map->slots = NULL;
	map->capacity = map->used = map->count = 0;
}

static int live(const strmap_slot *slot)
{
	return slot->value && slot->value != STRMAP_REMOVED;
}

void *cispref__strmap_find(const strmap *map, const char *key)
{
	if (!map->capacity || !key)
		return NULL;
	uint32_t h = hash_of(key);
	for (size_t i = h & (map->capacity - 1);; i = (i + 1) & (map->capacity - 1)) {
		const strmap_slot *slot = &map->slots[i];
		if (!slot->value)
			return NULL;
		if (live(slot) && slot->hash == h && strcmp(map->key(slot->value), key) == 0)
			return slot->value;
	}
}

/* Rebuild into the smallest table that is at most half full, dropping the removed
 * markers. Tables are grown when three quarters full: linear probing stays short, and
 * half a million ids take 16 MiB of slots, not 64. */
static int resize(strmap *map, size_t count)
{
	size_t capacity = 64;
	while (capacity < (count + 1) * 2)
		capacity *= 2;
	strmap_slot *slots = calloc(capacity, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < map->capacity; i++) {
		if (!live(&map->slots[i]))
			continue;
		size_t j = map->slots[i].hash & (capacity - 1);
		while (slots[j].value)
			j = (j + 1) & (capacity - 1);
		slots[j] = map->slots[i];
	}
	free(map->slots);
	map->slots = slots;
	map->capacity = capacity;
	map->used = map->count;
	return 0;
}

int cispref__strmap_add(strmap *map, void *value)
{
	if ((map->used + 1) * 4 > map->capacity * 3 && resize(map, map->count) != 0)
		return -1;
	const char *key = map->key(value);
	uint32_t h = hash_of(key);
	for (size_t i = h & (map->capacity - 1);; i = (i + 1) & (map->capacity - 1)) {
		strmap_slot *slot = &map->slots[i];
		if (!slot->value) {
			slot->hash = h;
			slot->value = value;
			map->used++;
			map->count++;
			return 0;
		}
		if (live(slot) && slot->hash == h && strcmp(map->key(slot->value), key) == 0)
			return 1;
	}
}

int cispref__strmap_reserve(strmap *map, size_t count)
{
	if (count * 4 <= map->capacity * 3)
		return 0;
	return resize(map, count);
}

void cispref__strmap_remove(strmap *map, const void *value)
{
	if (!map->capacity)
		return;
	uint32_t h = hash_of(map->key(value));
	for (size_t i = h & (map->capacity - 1);; i = (i + 1) & (map->capacity - 1)) {
		strmap_slot *slot = &map->slots[i];
		if (!slot->value)
			return;
		if (slot->value == value) {
			slot->value = STRMAP_REMOVED;
			map->count--;
			return;
		}
	}
}
