/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What the files of the edition diff share (diff.c compares, diff_nodes.c flattens a
 * referential, diff_words.c diffs two texts word by word, diff_similar.c pairs the
 * probable renamings). The rules are documented in include/cispref/diff.h. */
#ifndef CISPREF_DIFF_PRIVATE_H
#define CISPREF_DIFF_PRIVATE_H

#include "private.h"

/* "No node": a dnode's match when the other referential has no node of its id and type. */
#define DIFF_NONE ((size_t)-1)

/* One node of a referential, flattened, with what the comparison looks at. */
typedef struct dnode {
	cispref_node_type_t type;
	const char *id;
	const char *parent_id;  /* NULL: the referential itself */
	int sublist;            /* which list of the parent: the item kind for items, 0 else */
	size_t position;        /* 0-based, among the siblings of its list */
	const char *domain_id;  /* NULL for concepts and notes */
	const char *text;       /* title, text or label */
	const char *text_field; /* "title", "text" or "label" */
	int kind;               /* the kind's value, -1 when the node has none */
	const char *kind_name;
	const void *body;       /* the model's node (cispref_item *...) */
	size_t match;           /* index of the node with its id in the other list, or DIFF_NONE */
} dnode;

/* Every node of a referential in document order: domains, each followed by its summary
 * entries, then its plans, each followed by its competences, each followed by its items
 * (savoir-faire, comportementaux, savoirs); then concepts, then notes. */
typedef struct dnodes {
	dnode *items;
	size_t count;
	strmap by_id; /* id -> dnode */
} dnodes;

/* Flatten @ref into @out (zeroed by the caller): 0 or CISPREF_ENOMEM. */
int cispref__diff_flatten(dnodes *out, const cispref_referential *ref);
void cispref__diff_nodes_free(dnodes *nodes);

/* One segment of a word diff; @text lives in the arena given to cispref__diff_words(). */
typedef struct diff_segment {
	cispref_segment_t type;
	const char *text;
} diff_segment;

/* The word diff of @old_text and @new_text (the rule of diff.h): segments carved from
 * @a, in *@out (NULL when there are none) and *@count. 0 or CISPREF_ENOMEM. */
int cispref__diff_words(diff_segment **out, size_t *count, arena *a, const char *old_text,
                        const char *new_text);

/* The outputs meant for reading show a front-matter change's word diff around what
 * changed: this many words of context on either side of a change. */
#define DIFF_CONTEXT_WORDS 8
/* Whether the SAME segment @text (the first or @last of its change) is long enough to
 * elide: then print its first *@head_end bytes, an ellipsis, and from *@tail on (NULL:
 * nothing after the ellipsis). */
int cispref__diff_elide(const char *text, int first, int last, size_t *head_end,
                        const char **tail);

/* Which matched nodes of @new_nodes left the order of their siblings (diff.h, "Moves"):
 * *@out gets one byte per node of @new_nodes (malloc'ed; the caller frees it), 1 for
 * those. 0 or CISPREF_ENOMEM. */
int cispref__diff_positions(unsigned char **out, const dnodes *old_nodes,
                            const dnodes *new_nodes);

/* A probable renaming: the removed node @old_index of the old list and the added node
 * @new_index of the new list. */
typedef struct diff_rename {
	size_t old_index;
	size_t new_index;
	double similarity;
} diff_rename;

/* The probable renamings between the unmatched nodes of @old_nodes and @new_nodes (the
 * rule of diff.h), in *@out (malloc'ed, NULL when none; the caller frees it) sorted by
 * new_index, and their number in *@count. 0 or CISPREF_ENOMEM. */
int cispref__diff_renames(diff_rename **out, size_t *count, const dnodes *old_nodes,
                          const dnodes *new_nodes);

/* The Dice coefficient of the folded words of two texts (diff.h), 0 when both have no
 * words; -1 when out of memory. */
double cispref__diff_dice(const char *a, const char *b);

#define DIFF_CHANGE_KINDS (CISPREF_CHANGE_FRONT_MATTER + 1)

struct cispref_change {
	cispref_change_kind_t kind;
	cispref_node_type_t type;
	const char *old_id;
	const char *new_id;
	const char *domain_id;
	const char *field;
	const char *old_value;
	const char *new_value;
	double similarity;
	int item_kind; /* an item's kind (in NEW; in OLD when removed), -1 for other nodes */
	diff_segment *segments;
	size_t segment_count;
};

/* A domain as the changelog names it. */
typedef struct diff_domain {
	const char *id;
	const char *title;
} diff_domain;

/* What the two referentials were, for the outputs' headings. */
typedef struct diff_edition {
	const char *id, *title, *version;
} diff_edition;

struct cispref_diff {
	arena *arena; /* the changes and copies of every string they give */
	vec changes;
	size_t counts[DIFF_CHANGE_KINDS];
	diff_edition old, new;
	vec domains; /* diff_domain *: those of NEW in order, then those of OLD only */
};

/* diff_front.c: append the front-matter changes of @old_ref → @new_ref to @diff (the
 * rule of diff.h, "Front matter"). 0 or CISPREF_ENOMEM. */
int cispref__diff_front_matter(cispref_diff *diff, const cispref_referential *old_ref,
                               const cispref_referential *new_ref);

/* The translations of the node @n of @ref, one line each, "[language, source hash]:
 * text", in the order of their languages ("" for none): malloc'ed, NULL out of memory. */
char *cispref__diff_node_translations(const cispref_referential *ref, const node *n);

/* diff_write.c, diff_changelog.c: the outputs of cispref_diff_write(). */
int cispref__diff_text(xmlBufferPtr out, const cispref_diff *diff);
int cispref__diff_json(xmlBufferPtr out, const cispref_diff *diff);
int cispref__diff_markdown(xmlBufferPtr out, const cispref_diff *diff);
int cispref__diff_html(xmlBufferPtr out, const cispref_diff *diff);

#endif
