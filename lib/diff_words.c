/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The word diff of two texts: common ends kept, the middle compared by a longest common
 * subsequence over words, bounded as diff.h says.
 *
 * Written by hand: Debian has no C library for diffing sequences (libxdiff is not
 * packaged, libkomparediff2 is a KDE/Qt library that diffs files through diff(1)), and
 * the texts of a referential are short (a few dozen words), where the plain quadratic
 * table is the simplest correct algorithm. The bound keeps a hostile text from making it
 * costly. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff_private.h"

typedef struct word {
	const char *start;
	size_t length;
} word;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The runs of non-space characters of @text, in *@out (malloc'ed) and *@count. */
static int split(word **out, size_t *count, const char *text)
{
	size_t n = 0, capacity = 0;
	word *words = NULL;
	for (const char *p = text; *p;) {
		while (is_space(*p))
			p++;
		if (!*p)
			break;
		const char *start = p;
		while (*p && !is_space(*p))
			p++;
		if (n == capacity) {
			capacity = capacity ? capacity * 2 : 16;
			word *grown = realloc(words, capacity * sizeof *words);
			if (!grown) {
				free(words);
				return CISPREF_ENOMEM;
			}
			words = grown;
		}
		words[n++] = (word){start, (size_t)(p - start)};
	}
	*out = words;
	*count = n;
	return CISPREF_OK;
}

static int same_word(word a, word b)
{
	return a.length == b.length && memcmp(a.start, b.start, a.length) == 0;
}

/* The edit script as one operation per word: SAME takes a word of both, DELETED one of
 * the old text, INSERTED one of the new. */
typedef struct script {
	unsigned char *ops;
	size_t count;
} script;

static void push(script *s, cispref_segment_t op, size_t times)
{
	memset(s->ops + s->count, (int)op, times);
	s->count += times;
}

/* The middle, old[0..m) against new[0..n), by the table of the lengths of the longest
 * common subsequences of their suffixes (m × n is within the bound, so the lengths fit
 * 16 bits: the shorter side has at most 1000 words). Deletions come before insertions
 * where both are possible, so each changed run reads "old words, then new words". */
static int lcs_middle(script *s, const word *old, size_t m, const word *new, size_t n)
{
	size_t width = n + 1;
	uint16_t *table = calloc((m + 1) * width, sizeof *table);
	if (!table)
		return CISPREF_ENOMEM;
	for (size_t i = m; i-- > 0;)
		for (size_t j = n; j-- > 0;) {
			uint16_t down = table[(i + 1) * width + j], right = table[i * width + j + 1];
			table[i * width + j] = same_word(old[i], new[j])
			                               ? (uint16_t)(table[(i + 1) * width + j + 1] + 1)
			                               : down >= right ? down : right;
		}
	size_t i = 0, j = 0;
	while (i < m && j < n) {
		if (same_word(old[i], new[j])) {
			push(s, CISPREF_SEGMENT_SAME, 1);
			i++, j++;
		} else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
			push(s, CISPREF_SEGMENT_DELETED, 1);
			i++;
		} else {
			push(s, CISPREF_SEGMENT_INSERTED, 1);
			j++;
		}
	}
	push(s, CISPREF_SEGMENT_DELETED, m - i);
	push(s, CISPREF_SEGMENT_INSERTED, n - j);
	free(table);
	return CISPREF_OK;
}

static int make_script(script *s, const word *old, size_t m, const word *new, size_t n)
{
	s->ops = malloc(m + n + 1);
	if (!s->ops)
		return CISPREF_ENOMEM;
	size_t prefix = 0, suffix = 0;
	while (prefix < m && prefix < n && same_word(old[prefix], new[prefix]))
		prefix++;
	while (suffix < m - prefix && suffix < n - prefix &&
	       same_word(old[m - 1 - suffix], new[n - 1 - suffix]))
		suffix++;
	push(s, CISPREF_SEGMENT_SAME, prefix);
	size_t mm = m - prefix - suffix, nn = n - prefix - suffix;
	int rc = CISPREF_OK;
	if (mm && nn && mm <= CISPREF_DIFF_WORD_CELLS_MAX / nn) {
		rc = lcs_middle(s, old + prefix, mm, new + prefix, nn);
	} else {
		push(s, CISPREF_SEGMENT_DELETED, mm);
		push(s, CISPREF_SEGMENT_INSERTED, nn);
	}
	push(s, CISPREF_SEGMENT_SAME, suffix);
	return rc;
}

/* The words @from[0..count) joined by single spaces, copied into @a. */
static const char *join(arena *a, const word *from, size_t count)
{
	size_t length = 0;
	for (size_t i = 0; i < count; i++)
		length += from[i].length + 1;
	char *text = cispref__arena_alloc(a, length + 1);
	if (!text)
		return NULL;
	char *p = text;
	for (size_t i = 0; i < count; i++) {
		if (i)
			*p++ = ' ';
		memcpy(p, from[i].start, from[i].length);
		p += from[i].length;
	}
	*p = '\0';
	return text;
}

/* One segment per run of the same operation. */
static int segments(diff_segment **out, size_t *count, arena *a, const script *s,
                    const word *old, const word *new)
{
	size_t runs = 0;
	for (size_t k = 0; k < s->count; k++)
		runs += k == 0 || s->ops[k] != s->ops[k - 1];
	diff_segment *segs = runs ? cispref__arena_alloc(a, runs * sizeof *segs) : NULL;
	if (runs && !segs)
		return CISPREF_ENOMEM;
	size_t i = 0, j = 0, n = 0;
	for (size_t k = 0; k < s->count;) {
		size_t end = k;
		while (end < s->count && s->ops[end] == s->ops[k])
			end++;
		cispref_segment_t type = (cispref_segment_t)s->ops[k];
		const word *from = type == CISPREF_SEGMENT_INSERTED ? new + j : old + i;
		segs[n].type = type;
		if (!(segs[n++].text = join(a, from, end - k)))
			return CISPREF_ENOMEM;
		i += type == CISPREF_SEGMENT_INSERTED ? 0 : end - k;
		j += type == CISPREF_SEGMENT_DELETED ? 0 : end - k;
		k = end;
	}
	*out = segs;
	*count = n;
	return CISPREF_OK;
}

int cispref__diff_words(diff_segment **out, size_t *count, arena *a, const char *old_text,
                        const char *new_text)
{
	word *old = NULL, *new = NULL;
	size_t m = 0, n = 0;
	script s = {0};
	int rc = split(&old, &m, old_text ? old_text : "");
	if (rc == CISPREF_OK)
		rc = split(&new, &n, new_text ? new_text : "");
	if (rc == CISPREF_OK)
		rc = make_script(&s, old, m, new, n);
	if (rc == CISPREF_OK)
		rc = segments(out, count, a, &s, old, new);
	free(s.ops);
	free(old);
	free(new);
	return rc;
}

/* Where the word after the first @n words of @s (separated by single spaces) begins. */
static const char *word_start(const char *s, size_t n)
{
	for (; n && (s = strchr(s, ' ')) != NULL; n--)
		s++;
	return s;
}

/* The number of words of @s, separated by single spaces. */
static size_t word_count(const char *s)
{
	size_t n = *s != '\0';
	for (; (s = strchr(s, ' ')) != NULL; s++)
		n++;
	return n;
}

int cispref__diff_elide(const char *text, int first, int last, size_t *head_end,
                        const char **tail)
{
	size_t head = first ? 0 : DIFF_CONTEXT_WORDS, rest = last ? 0 : DIFF_CONTEXT_WORDS;
	size_t words = word_count(text);
	if (words <= head + rest + 2)
		return 0;
	const char *after_head = word_start(text, head);
	*head_end = head ? (size_t)(after_head - 1 - text) : 0;
	*tail = rest ? word_start(text, words - rest) : NULL;
	return 1;
}
