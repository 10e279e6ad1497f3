/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A region allocator: everything a referential holds is carved out of a few large blocks
 * and released at once, so no node needs its own free and a load does few mallocs. */
#ifndef CISPREF_ARENA_H
#define CISPREF_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *cispref__arena_new(void);
void cispref__arena_free(arena *a);
/* The next block the arena needs is at least @bytes (once): a load sizes it from its
 * input. Only the pages written cost memory. */
void cispref__arena_reserve(arena *a, size_t bytes);
/* Zeroed memory aligned for pointers, sizes and 64-bit integers (8 bytes; not for long
 * double); NULL when out of memory. */
void *cispref__arena_alloc(arena *a, size_t size);
char *cispref__arena_strdup(arena *a, const char *s);
char *cispref__arena_strndup(arena *a, const char *s, size_t n);

/* Zeroed memory for a large table: from its own mapping when large (256 KiB or more),
 * so that freeing it gives it back to the system and its unwritten pages cost nothing;
 * from calloc() when small. @huge: on huge pages when 2 MiB or more (for tables
 * written all over, in random order), but for the last, partial one. Free with the same
 * @bytes and @huge. NULL when out of memory. */
void *cispref__pages_alloc(size_t bytes, int huge);
void cispref__pages_free(void *p, size_t bytes, int huge);

/* A growable array of pointers whose storage lives in an arena. Storage holds 4, 8,
 * 16... pointers; outgrown storage is kept by the arena for the next array that grows
 * to that size (thousands of small arrays grow one after the other in a load). */
typedef struct vec {
	void **items;
	size_t count;
	size_t capacity;
} vec;

int cispref__vec_push(arena *a, vec *v, void *item);
/* Move @v's items into storage of exactly their number, its storage going to the next
 * vector that grows (the loader calls it when an element closes: the items of 500 000
 * grew 1.6 MiB of storage they did not fill). Nothing changes when out of memory. */
void cispref__vec_shrink(arena *a, vec *v);
void cispref__vec_remove(vec *v, size_t index);
void cispref__vec_move(vec *v, size_t from, size_t to);
void *cispref__vec_get(const vec *v, size_t index);

#endif
