/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* madvise(), MAP_ANONYMOUS and MADV_HUGEPAGE are not in POSIX */
#define _DEFAULT_SOURCE
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "arena.h"

#define BLOCK_MIN (64 * 1024)
#define BLOCK_MAX (64 * 1024 * 1024)
/* Pointers, sizes and 64-bit integers are the widest things the library keeps in an
 * arena: 8 bytes, not malloc's 16, so that a node of 56 bytes takes 56, not 64. */
#define ALIGNMENT 8
_Static_assert(alignof(void *) <= ALIGNMENT && alignof(uint64_t) <= ALIGNMENT &&
               alignof(double) <= ALIGNMENT && alignof(size_t) <= ALIGNMENT,
               "arena alignment too small for this machine");

#define HUGE_PAGE ((size_t)2 * 1024 * 1024)
/* Blocks this large are mapped on their own, so that freeing the arena gives them back
 * to the system: malloc keeps large freed chunks once its mmap threshold has risen,
 * and five loads of a large referential in one process left 110 MiB resident after
 * free. */
#define MAP_MIN HUGE_PAGE

typedef struct block {
	struct block *next;
	size_t used;
	size_t size;
	size_t mapped; /* bytes of its own mapping, 0 when malloc'ed */
	_Alignas(ALIGNMENT) unsigned char data[];
} block;

/* Vector storage holds 4 << k pointers; outgrown storage waits here, by k, for the next
 * vector that grows to its size, instead of staying dead in the arena. */
#define VEC_CLASSES 48

struct arena {
	block *head;
	size_t reserve; /* the next block's size at least, once */
	void *spare[VEC_CLASSES];
};

arena *cispref__arena_new(void)
{
	return calloc(1, sizeof(arena));
}

static void free_block(block *b)
{
	if (b->mapped)
		munmap(b, b->mapped);
	else
		free(b);
}

void cispref__arena_free(arena *a)
{
	if (!a)
		return;
	for (block *b = a->head, *next; b; b = next) {
		next = b->next;
		free_block(b);
	}
	free(a);
}

void cispref__arena_reserve(arena *a, size_t bytes)
{
	a->reserve = bytes;
}

/* A mapping of @bytes (a multiple of HUGE_PAGE) that starts on a huge page and is
 * marked for huge pages: a referential of 100 MiB otherwise takes some 25 000 page
 * faults as it is first written, a sixth of its load. Its pages cost memory only once
 * written, so a block sized from the input's size costs what the load uses. */
static void *map_aligned(size_t bytes, size_t huge_bytes)
{
	if (bytes > SIZE_MAX - HUGE_PAGE)
		return NULL;
	unsigned char *p = mmap(NULL, bytes + HUGE_PAGE, PROT_READ | PROT_WRITE,
	                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	size_t head = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
	if (head)
		munmap(p, head);
	munmap(p + head + bytes, HUGE_PAGE - head);
#ifdef MADV_HUGEPAGE
	if (huge_bytes) /* advice only: fine if refused */
		(void)madvise(p + head, huge_bytes, MADV_HUGEPAGE);
#else
	(void)huge_bytes;
#endif
	return p + head;
}

/* With @huge, tables of a huge page or more are mapped in whole huge pages, as large
 * arena blocks are (the slots of 500 000 ids otherwise take 2 000 page faults, in
 * random order), and marked for huge pages but for their last, partial one: the bytes
 * past the table's end are never written and cost nothing. Others have their own
 * mapping of small pages. */
static size_t mapped_size(size_t bytes, int huge)
{
	return huge && bytes >= HUGE_PAGE ? (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1) : bytes;
}

void *cispref__pages_alloc(size_t bytes, int huge)
{
	if (bytes < MAP_MIN / 8)
		return calloc(1, bytes ? bytes : 1);
	if (bytes > SIZE_MAX - 2 * HUGE_PAGE)
		return NULL;
	if (huge && bytes >= HUGE_PAGE)
		return map_aligned(mapped_size(bytes, huge), bytes & ~(HUGE_PAGE - 1));
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

void cispref__pages_free(void *p, size_t bytes, int huge)
{
	if (!p)
		return;
	if (bytes < MAP_MIN / 8)
		free(p);
	else
		munmap(p, mapped_size(bytes, huge));
}

static block *new_block(size_t want)
{
	if (want > SIZE_MAX - sizeof(block) - HUGE_PAGE)
		return NULL;
	size_t bytes = sizeof(block) + want;
	block *b;
	if (bytes >= MAP_MIN) {
		bytes = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
		if (!(b = map_aligned(bytes, bytes)))
			return NULL;
		b->mapped = bytes;
	} else {
		if (!(b = malloc(bytes)))
			return NULL;
		b->mapped = 0;
	}
	b->size = bytes - sizeof(block);
	b->used = 0;
	return b;
}

/* @size bytes at the next multiple of @align in the current block, or in a new block;
 * not zeroed. */
static void *carve(arena *a, size_t size, size_t align)
{
	block *b = a->head;
	size_t start = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || start > b->size || b->size - start < size) {
		/* Blocks double as the arena grows, so a large load makes few allocations. */
		size_t want = b ? b->size * 2 : BLOCK_MIN;
		if (want > BLOCK_MAX)
			want = BLOCK_MAX;
		if (want < size)
			want = size;
		block *nb = NULL;
		if (a->reserve > want) {
			nb = new_block(a->reserve); /* if refused, grow as usual */
			a->reserve = 0;
		}
		if (!nb && !(nb = new_block(want)))
			return NULL;
		nb->next = a->head;
		a->head = nb;
		b = nb;
		start = 0;
	}
	b->used = start + size;
	return b->data + start;
}

void *cispref__arena_alloc(arena *a, size_t size)
{
	void *p = carve(a, size, ALIGNMENT);
	if (p)
		memset(p, 0, size);
	return p;
}

/* Strings need neither alignment nor zeroing: they are most of a referential's bytes. */
char *cispref__arena_strndup(arena *a, const char *s, size_t n)
{
	char *copy = carve(a, n + 1, 1);
	if (copy) {
		memcpy(copy, s, n);
		copy[n] = '\0';
	}
	return copy;
}

char *cispref__arena_strdup(arena *a, const char *s)
{
	return s ? cispref__arena_strndup(a, s, strlen(s)) : NULL;
}

/* The size class of storage for @capacity pointers (4 << k). */
static unsigned vec_class(size_t capacity)
{
	unsigned k = 0;
	while ((size_t)4 << k < capacity)
		k++;
	return k;
}

/* Storage of class @k (4 << @k pointers) whose vector has moved on waits in the arena
 * for the next vector that grows to that size. */
static void give_back(arena *a, void **items, unsigned k)
{
	items[0] = a->spare[k];
	a->spare[k] = items;
}

int cispref__vec_push(arena *a, vec *v, void *item)
{
	if (v->count == v->capacity) {
		/* the smallest class above the present capacity: the next power of two, also
		 * after cispref__vec_shrink() left a capacity that is none */
		if (v->capacity >= SIZE_MAX / 2 / sizeof(void *))
			return -1;
		unsigned k = vec_class(v->capacity + 1);
		size_t capacity = (size_t)4 << k;
		if (k >= VEC_CLASSES)
			return -1;
		void **items = a->spare[k];
		if (items)
			a->spare[k] = items[0];
		else if (!(items = carve(a, capacity * sizeof(void *), ALIGNMENT)))
			return -1;
		if (v->count) {
			memcpy(items, v->items, v->count * sizeof(void *));
			/* storage of a class size is reused; shrunk storage stays where it is */
			if (k > 0 && v->capacity == (size_t)4 << (k - 1))
				give_back(a, v->items, k - 1);
		}
		v->items = items;
		v->capacity = capacity;
	}
	v->items[v->count++] = item;
	return 0;
}

void cispref__vec_shrink(arena *a, vec *v)
{
	if (v->count == v->capacity || v->count == 0)
		return;
	void **items = carve(a, v->count * sizeof(void *), ALIGNMENT);
	if (!items)
		return; /* the vector keeps its storage: nothing is lost */
	memcpy(items, v->items, v->count * sizeof(void *));
	unsigned k = vec_class(v->capacity);
	if (v->capacity == (size_t)4 << k)
		give_back(a, v->items, k);
	v->items = items;
	v->capacity = v->count;
}

void cispref__vec_remove(vec *v, size_t index)
{
	memmove(v->items + index, v->items + index + 1,
	        (v->count - index - 1) * sizeof(void *));
	v->count--;
}

void cispref__vec_move(vec *v, size_t from, size_t to)
{
	void *item = v->items[from];
	if (from < to)
		memmove(v->items + from, v->items + from + 1, (to - from) * sizeof(void *));
	else
		memmove(v->items + to + 1, v->items + to, (from - to) * sizeof(void *));
	v->items[to] = item;
}

void *cispref__vec_get(const vec *v, size_t index)
{
	return index < v->count ? v->items[index] : NULL;
}
