/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* madvise() and MADV_HUGEPAGE are not in POSIX */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "arena.h"

#define BLOCK_MIN (64 * 1024)
#define ALIGNMENT 16

typedef struct block {
	struct block *next;
	size_t used;
	size_t size;
	_Alignas(ALIGNMENT) unsigned char data[];
} block;

struct arena {
	block *head;
};

arena *cispref__arena_new(void)
{
	return calloc(1, sizeof(arena));
}

void cispref__arena_free(arena *a)
{
	if (!a)
		return;
	for (block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

#define HUGE_PAGE (2u * 1024 * 1024)

/* Large blocks are aligned on huge pages and marked for them: a referential of 100 MiB
 * otherwise takes some 25 000 page faults as it is first written, a sixth of its load. */
static block *new_block(size_t bytes)
{
#ifdef MADV_HUGEPAGE
	if (bytes >= HUGE_PAGE) {
		bytes = (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
		void *p = aligned_alloc(HUGE_PAGE, bytes);
		if (p)
			(void)madvise(p, bytes, MADV_HUGEPAGE); /* advice only: fine if refused */
		return p;
	}
#endif
	return malloc(bytes);
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
		if (want > 64 * BLOCK_MIN * 16)
			want = 64 * BLOCK_MIN * 16;
		if (want < size)
			want = size;
		if (want > SIZE_MAX - sizeof(block))
			return NULL;
		block *nb = new_block(sizeof(block) + want);
		if (!nb)
			return NULL;
		nb->size = want;
		nb->used = 0;
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

int cispref__vec_push(arena *a, vec *v, void *item)
{
	if (v->count == v->capacity) {
		size_t capacity = v->capacity ? v->capacity * 2 : 4;
		void **items = cispref__arena_alloc(a, capacity * sizeof(void *));
		if (!items)
			return -1;
		if (v->count)
			memcpy(items, v->items, v->count * sizeof(void *));
		v->items = items;
		v->capacity = capacity;
	}
	v->items[v->count++] = item;
	return 0;
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
