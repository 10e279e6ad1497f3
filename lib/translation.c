/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Translations: a node's text in another language than the referential's (doc/format.md,
 * "Translations"). Kept in a map of their own, as the edition links are: most
 * referentials have none, and half a million items must stay 40 bytes each. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "langtag.h"
#include "private.h"

const char *cispref__node_source_text(const node *n)
{
	switch (n->type) {
	case NODE_DOMAIN: return ((const cispref_domain *)n)->title;
	case NODE_SUMMARY_ENTRY: return ((const cispref_summary_entry *)n)->text;
	case NODE_PLAN: return ((const cispref_plan *)n)->title;
	case NODE_COMPETENCE: return ((const cispref_competence *)n)->title;
	case NODE_ITEM: return ((const cispref_item *)n)->text;
	case NODE_CONCEPT: return ((const cispref_concept *)n)->label;
	case NODE_NOTE: return ((const cispref_note *)n)->text;
	case NODE_SECTION:
	case NODE_BLOCK: break; /* their texts are addressed with a part (fm_translation.c) */
	}
	return NULL;
}

/* SipHash-2-4 under the key of the SipHash paper's reference vectors (bytes 00 to 0f):
 * not a secret, since the hash only tells whether a text changed, and the same on every
 * machine and in every process, unlike the maps' keyed hash. Already in the library and
 * tested against those vectors: no other hash library is needed. */
void cispref__translation_hash(char out[17], const char *text)
{
	static const uint64_t key[2] = {0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL};
	uint64_t h = cispref__siphash(key, text, strlen(text), 2, 4);
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

int cispref__translation_outdated(const translation *t)
{
	const char *source = cispref__node_source_text(t->n);
	char now[17];
	cispref__translation_hash(now, source ? source : "");
	return strcmp(now, t->source_hash) != 0;
}

const translation *cispref__translation_first(const cispref_referential *ref, const node *n)
{
	/* a node removed since (by the builder) is out of the index */
	const translation *t = cispref__strmap_find(&ref->translations, n->id);
	return t && t->n == n && cispref__find(ref, n->id) == n ? t : NULL;
}

const translation *cispref__translation_find(const cispref_referential *ref, const node *n,
                                             const char *language)
{
	for (const translation *t = cispref__translation_first(ref, n); t; t = t->next)
		if (strcasecmp(t->language, language) == 0)
			return t;
	return NULL;
}

/* Note @language among the languages, in order (byte order of the tags as first
 * written), unless a tag equal to it but for case is there. */
int cispref__translation_language_add(cispref_referential *ref, const char *language)
{
	size_t at = 0;
	for (; at < ref->languages.count; at++) {
		int c = strcasecmp(ref->languages.items[at], language);
		if (c == 0)
			return 0;
		if (c > 0)
			break;
	}
	char *copy = cispref__arena_strdup(ref->arena, language);
	if (!copy || cispref__vec_push(ref->arena, &ref->languages, copy) != 0)
		return -1;
	cispref__vec_move(&ref->languages, ref->languages.count - 1, at);
	return 0;
}

translation *cispref__translation_add(cispref_referential *ref, const node *n,
                                      const char *language, const char *source_hash)
{
	translation *t = (translation *)cispref__translation_find(ref, n, language);
	if (!t) {
		if (cispref__translation_language_add(ref, language) != 0 || !(t = cispref__arena_alloc(ref->arena, sizeof *t)))
			return NULL;
		t->id = n->id;
		t->n = n;
		if (!(t->language = cispref__arena_strdup(ref->arena, language)))
			return NULL;
		translation *head = cispref__strmap_find(&ref->translations, n->id);
		if (head && head->n != n) { /* left by a removed node: drop them all */
			cispref__strmap_remove(&ref->translations, head);
			head = NULL;
		}
		if (head) {
			translation **end = &head->next;
			while (*end)
				end = &(*end)->next;
			*end = t;
		} else if (cispref__strmap_add(&ref->translations, t) < 0) {
			return NULL;
		}
	}
	t->text = "";
	t->line = t->column = 0;
	if (source_hash)
		memcpy(t->source_hash, source_hash, 17);
	else
		cispref__translation_hash(t->source_hash, cispref__node_source_text(n));
	return t;
}

/* Unlink @n's translation into @language, if any. */
static int translation_remove(cispref_referential *ref, const node *n, const char *language)
{
	translation *head = (translation *)cispref__translation_first(ref, n);
	if (!head)
		return 0;
	if (strcasecmp(head->language, language) == 0) {
		cispref__strmap_remove(&ref->translations, head);
		return head->next && cispref__strmap_add(&ref->translations, head->next) < 0 ? -1 : 0;
	}
	for (translation *t = head; t->next; t = t->next)
		if (strcasecmp(t->next->language, language) == 0) {
			t->next = t->next->next;
			break;
		}
	return 0;
}

/* The translatable node with @id, or NULL. */
static const node *translatable(const cispref_referential *ref, const char *id)
{
	const node *n = cispref__find(ref, id);
	return n && cispref__node_source_text(n) ? n : NULL;
}

/* Whether @language is a well-formed tag other than the referential's own. */
static int other_language(const cispref_referential *ref, const char *language)
{
	langtag tag;
	return cispref__langtag_parse(&tag, language) == 0 &&
	       strcasecmp(language, ref->language) != 0;
}

const char *cispref_referential_translation(const cispref_referential *ref, const char *id,
                                            const char *language)
{
	const node *n = ref && id && language ? translatable(ref, id) : NULL;
	const translation *t = n ? cispref__translation_find(ref, n, language) : NULL;
	return t ? t->text : NULL;
}

/* RFC 4647 section 3.4's lookup: the tag, then the tag cut at its last '-' and so on,
 * the first that is the referential's own language or has a translation; else the
 * referential's own text. */
const char *cispref__node_text(const cispref_referential *ref, const node *n,
                               const char *language, int *found)
{
	char range[64];
	if (found)
		*found = 1;
	if (!language || strlen(language) >= sizeof range)
		return cispref__node_source_text(n);
	strcpy(range, language);
	for (char *cut; range[0]; *cut = '\0') {
		if (strcasecmp(range, ref->language) == 0)
			return cispref__node_source_text(n);
		const translation *t = cispref__translation_find(ref, n, range);
		if (t)
			return t->text;
		if (!(cut = strrchr(range, '-')))
			break;
		if (cut - range >= 2 && cut[-2] == '-') /* a single-letter subtag goes too */
			cut -= 2;
	}
	if (found)
		*found = 0;
	return cispref__node_source_text(n);
}

const char *cispref_referential_node_text(const cispref_referential *ref, const char *id,
                                          const char *language)
{
	const node *n = ref && id ? translatable(ref, id) : NULL;
	return n ? cispref__node_text(ref, n, language, NULL) : NULL;
}

bool cispref_referential_translation_outdated(const cispref_referential *ref, const char *id,
                                              const char *language)
{
	const node *n = ref && id && language ? translatable(ref, id) : NULL;
	const translation *t = n ? cispref__translation_find(ref, n, language) : NULL;
	return t && cispref__translation_outdated(t);
}

int cispref_referential_set_translation(cispref_referential *ref, const char *id,
                                        const char *language, const char *text)
{
	if (!ref || !id || !language || !other_language(ref, language) ||
	    (text && !cispref__text_is_valid(text)))
		return CISPREF_EARG;
	const node *n = cispref__find(ref, id);
	if (!n)
		return CISPREF_ENOTFOUND;
	if (!cispref__node_source_text(n))
		return CISPREF_EARG;
	if (!text)
		return translation_remove(ref, n, language) == 0 ? CISPREF_OK : CISPREF_ENOMEM;
	char *copy = cispref__arena_strdup(ref->arena, text);
	translation *t = copy ? cispref__translation_add(ref, n, language, NULL) : NULL;
	if (!t)
		return CISPREF_ENOMEM;
	t->text = copy;
	return CISPREF_OK;
}

/* ---- walking ----------------------------------------------------------------------- */

static void visit_competence(const cispref_competence *comp, cispref__node_fn visit, void *data)
{
	visit(&comp->node, data);
	for (int k = 0; k < CISPREF_ITEM_KIND_COUNT; k++)
		for (size_t i = 0; i < comp->items[k].count; i++)
			visit(comp->items[k].items[i], data);
}

static void visit_domain(const cispref_domain *domain, cispref__node_fn visit, void *data)
{
	visit(&domain->node, data);
	for (size_t e = 0; e < domain->summary.count; e++)
		visit(domain->summary.items[e], data);
	for (size_t p = 0; p < domain->plans.count; p++) {
		const cispref_plan *plan = domain->plans.items[p];
		visit(&plan->node, data);
		for (size_t c = 0; c < plan->competences.count; c++)
			visit_competence(plan->competences.items[c], visit, data);
	}
}

void cispref__text_nodes(const cispref_referential *ref, cispref__node_fn visit, void *data)
{
	for (size_t d = 0; d < ref->domains.count; d++)
		visit_domain(ref->domains.items[d], visit, data);
	for (size_t c = 0; c < ref->concepts.count; c++)
		visit(ref->concepts.items[c], data);
	for (size_t n = 0; n < ref->notes.count; n++)
		visit(ref->notes.items[n], data);
}

void cispref__translations_of(const cispref_referential *ref, const node *n,
                              cispref__translation_fn visit, void *data)
{
	if (!cispref__translation_first(ref, n))
		return;
	for (size_t i = 0; i < ref->languages.count; i++) {
		const translation *t = cispref__translation_find(ref, n, ref->languages.items[i]);
		if (t)
			visit(t, data);
	}
}
