/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The positioning document: creation, the builder (which checks before it adds) and the
 * accessors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positioning_private.h"

/* ---- names --------------------------------------------------------------------- */

static const char *const source_names[] = {NULL, "self", "peer", "coordinator"};

const char *cispref_rating_source_name(cispref_rating_source_t source)
{
	return (unsigned)source < sizeof source_names / sizeof source_names[0]
	               ? source_names[source]
	               : NULL;
}

int cispref_rating_source_from_name(cispref_rating_source_t *out, const char *name)
{
	if (!out || !name)
		return CISPREF_EARG;
	for (unsigned i = 1; i < sizeof source_names / sizeof source_names[0]; i++)
		if (strcmp(source_names[i], name) == 0) {
			*out = (cispref_rating_source_t)i;
			return CISPREF_OK;
		}
	return CISPREF_EARG;
}

/* ---- creation without checks --------------------------------------------------- */

static const char *level_key(const void *v) { return ((const cispref_level *)v)->id; }
static const char *person_key(const void *v) { return ((const cispref_person *)v)->id; }
static const char *rating_key(const void *v) { return ((const cispref_rating *)v)->key; }
static const char *interned_key(const void *v) { return ((const interned *)v)->text; }

/* A copy in the arena, or NULL for NULL; *@failed set when memory ran out. */
static const char *copy(cispref_positioning *pos, const char *s, int *failed)
{
	if (!s)
		return NULL;
	const char *c = cispref__arena_strdup(pos->arena, s);
	if (!c)
		*failed = 1;
	return c;
}

cispref_positioning *cispref__positioning_create(const char *referential_id,
                                                 const char *edition)
{
	cispref_positioning *pos = calloc(1, sizeof *pos);
	if (!pos)
		return NULL;
	cispref__strmap_init(&pos->level_index, level_key);
	cispref__strmap_init(&pos->person_index, person_key);
	cispref__strmap_init(&pos->rating_index, rating_key);
	cispref__strmap_init(&pos->strings, interned_key);
	int failed = !(pos->arena = cispref__arena_new());
	if (!failed) {
		pos->referential_id = copy(pos, referential_id ? referential_id : "", &failed);
		pos->edition = copy(pos, edition, &failed);
	}
	if (failed) {
		cispref_positioning_free(pos);
		return NULL;
	}
	return pos;
}

cispref_level *cispref__positioning_level_create(cispref_positioning *pos, const char *id,
                                                 const char *label, int proficient)
{
	int failed = 0;
	cispref_level *l = cispref__arena_alloc(pos->arena, sizeof *l);
	if (!l)
		return NULL;
	l->id = copy(pos, id, &failed);
	l->label = copy(pos, label, &failed);
	l->proficient = proficient != 0;
	l->rank = pos->levels.count;
	if (failed || cispref__vec_push(pos->arena, &pos->levels, l) != 0)
		return NULL;
	if (cispref__strmap_add(&pos->level_index, l) < 0) {
		pos->levels.count--;
		return NULL;
	}
	return l;
}

cispref_person *cispref__positioning_person_create(cispref_positioning *pos, const char *id,
                                                   const char *name, const char *role)
{
	int failed = 0;
	cispref_person *p = cispref__arena_alloc(pos->arena, sizeof *p);
	if (!p)
		return NULL;
	p->id = copy(pos, id, &failed);
	p->name = copy(pos, name, &failed);
	p->role = copy(pos, role, &failed);
	p->index = pos->persons.count;
	if (failed || cispref__vec_push(pos->arena, &pos->persons, p) != 0)
		return NULL;
	if (cispref__strmap_add(&pos->person_index, p) < 0) {
		pos->persons.count--;
		return NULL;
	}
	return p;
}

static const char *make_key(cispref_positioning *pos, const char *person, const char *target,
                            const char *date, cispref_rating_source_t source)
{
	size_t n = strlen(person) + strlen(target) + (date ? strlen(date) : 0) + 8;
	char *key = cispref__arena_alloc(pos->arena, n);
	if (key)
		snprintf(key, n, "%s\x1f%s\x1f%s\x1f%d", person, target, date ? date : "", (int)source);
	return key;
}

const cispref_rating *cispref__positioning_find_rating(const cispref_positioning *pos,
                                                       const char *person, const char *target,
                                                       const char *date,
                                                       cispref_rating_source_t source)
{
	char stack[256];
	size_t n = strlen(person) + strlen(target) + (date ? strlen(date) : 0) + 8;
	char *key = n <= sizeof stack ? stack : malloc(n);
	if (!key)
		return NULL;
	snprintf(key, n, "%s\x1f%s\x1f%s\x1f%d", person, target, date ? date : "", (int)source);
	const cispref_rating *r = cispref__strmap_find(&pos->rating_index, key);
	if (key != stack)
		free(key);
	return r;
}

const interned *cispref__positioning_intern(cispref_positioning *pos, const char *s)
{
	interned *in = cispref__strmap_find(&pos->strings, s);
	if (in)
		return in;
	if (pos->string_count == UINT32_MAX - 1 || !(in = cispref__arena_alloc(pos->arena, sizeof *in)) ||
	    !(in->text = cispref__arena_strdup(pos->arena, s)))
		return NULL;
	in->id = pos->string_count + 1;
	if (cispref__strmap_add(&pos->strings, in) < 0)
		return NULL;
	pos->string_count++;
	return in;
}

/* The builder's key of @r, in the arena. */
static int index_rating(cispref_positioning *pos, cispref_rating *r)
{
	if (!(r->key = make_key(pos, r->person, r->target, r->date, r->source)))
		return -1;
	/* a second rating with the same key stays out: the builder refuses it before */
	return cispref__strmap_add(&pos->rating_index, r) < 0 ? -1 : 0;
}

int cispref__positioning_index_ratings(cispref_positioning *pos)
{
	for (size_t i = 0; !pos->rating_index_built && i < pos->ratings.count; i++)
		if (index_rating(pos, pos->ratings.items[i]) != 0)
			return -1;
	pos->rating_index_built = 1;
	return 0;
}

cispref_rating *cispref__positioning_rating_create(cispref_positioning *pos,
                                                   const char *person, const char *target,
                                                   const char *level, const char *date,
                                                   cispref_rating_source_t source,
                                                   const char *comment)
{
	int failed = 0;
	cispref_rating *r = cispref__arena_alloc(pos->arena, sizeof *r);
	const interned *p = r ? cispref__positioning_intern(pos, person) : NULL;
	const interned *t = p ? cispref__positioning_intern(pos, target) : NULL;
	const interned *l = t ? cispref__positioning_intern(pos, level) : NULL;
	const interned *d = l && date ? cispref__positioning_intern(pos, date) : NULL;
	if (!l || (date && !d))
		return NULL;
	r->person = p->text;
	r->person_id = p->id;
	r->target = t->text;
	r->target_id = t->id;
	r->level = l->text;
	r->level_id = l->id;
	r->date = d ? d->text : NULL;
	r->date_id = d ? d->id : 0;
	r->comment = copy(pos, comment, &failed);
	r->source = source;
	r->index = pos->ratings.count;
	if (failed || cispref__vec_push(pos->arena, &pos->ratings, r) != 0)
		return NULL;
	if (pos->rating_index_built && index_rating(pos, r) != 0) {
		pos->ratings.count--;
		return NULL;
	}
	return r;
}

static int days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

int cispref__positioning_date_is_valid(const char *date)
{
	if (!date || strlen(date) != 10 || date[4] != '-' || date[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (date[i] < '0' || date[i] > '9'))
			return 0;
	int year = atoi(date), month = atoi(date + 5), day = atoi(date + 8);
	return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

int cispref__rating_is_later(const cispref_rating *a, const cispref_rating *b)
{
	/* ISO dates compare as strings; an undated rating is older than any dated one. */
	int c = !a->date ? (b->date ? -1 : 0) : !b->date ? 1 : strcmp(a->date, b->date);
	return c > 0 || (c == 0 && a->index > b->index);
}

/* ---- builder ------------------------------------------------------------------- */

int cispref_positioning_new(cispref_positioning **out, const char *referential_id,
                            const char *edition)
{
	if (!out || !cispref__id_is_valid(referential_id) ||
	    (edition && !cispref__text_is_valid(edition)))
		return CISPREF_EARG;
	cispref_positioning *pos = cispref__positioning_create(referential_id, edition);
	if (!pos)
		return CISPREF_ENOMEM;
	*out = pos;
	return CISPREF_OK;
}

/* The default French scale (doc/positioning.md). */
static const struct {
	const char *id, *label;
	int proficient;
} default_scale[] = {
	{"decouverte", "à découvrir", 0},
	{"developpement", "en développement", 0},
	{"maitrise", "maîtrisé", 1},
	{"expertise", "expert·e", 1},
};

int cispref_positioning_use_default_scale(cispref_positioning *pos)
{
	if (!pos)
		return CISPREF_EARG;
	if (pos->levels.count)
		return CISPREF_EEXISTS;
	for (size_t i = 0; i < sizeof default_scale / sizeof default_scale[0]; i++)
		if (!cispref__positioning_level_create(pos, default_scale[i].id,
		                                       default_scale[i].label,
		                                       default_scale[i].proficient)) {
			/* leave the scale as it was: empty */
			cispref__strmap_free(&pos->level_index);
			cispref__strmap_init(&pos->level_index, level_key);
			pos->levels.count = 0;
			return CISPREF_ENOMEM;
		}
	return CISPREF_OK;
}

int cispref_positioning_add_level(cispref_positioning *pos, const char *id, const char *label,
                                  int proficient)
{
	if (!pos || !cispref__id_is_valid(id) || !cispref__text_is_valid(label) || !label[0])
		return CISPREF_EARG;
	if (cispref__strmap_find(&pos->level_index, id))
		return CISPREF_EEXISTS;
	if (pos->levels.count >= CISPREF_POSITIONING_MAX_LEVELS)
		return CISPREF_ELIMIT;
	return cispref__positioning_level_create(pos, id, label, proficient) ? CISPREF_OK
	                                                                     : CISPREF_ENOMEM;
}

static int optional_text(const char *s)
{
	return !s || cispref__text_is_valid(s);
}

int cispref_positioning_add_person(cispref_positioning *pos, const char *id, const char *name,
                                   const char *role)
{
	if (!pos || !cispref__id_is_valid(id) || !optional_text(name) || !optional_text(role))
		return CISPREF_EARG;
	if (cispref__strmap_find(&pos->person_index, id))
		return CISPREF_EEXISTS;
	return cispref__positioning_person_create(pos, id, name, role) ? CISPREF_OK
	                                                               : CISPREF_ENOMEM;
}

int cispref_positioning_add_rating(cispref_positioning *pos, const char *person,
                                   const char *target, const char *level, const char *date,
                                   cispref_rating_source_t source, const char *comment)
{
	if (!pos || !cispref__id_is_valid(person) || !cispref__id_is_valid(target) ||
	    !cispref__id_is_valid(level) || (date && !cispref__positioning_date_is_valid(date)) ||
	    (source != CISPREF_RATING_SOURCE_NONE && !cispref_rating_source_name(source)) ||
	    !optional_text(comment))
		return CISPREF_EARG;
	if (!cispref__strmap_find(&pos->person_index, person) ||
	    !cispref__strmap_find(&pos->level_index, level))
		return CISPREF_ENOTFOUND;
	if (cispref__positioning_index_ratings(pos) != 0)
		return CISPREF_ENOMEM;
	if (cispref__positioning_find_rating(pos, person, target, date, source))
		return CISPREF_EEXISTS;
	return cispref__positioning_rating_create(pos, person, target, level, date, source,
	                                          comment)
	               ? CISPREF_OK
	               : CISPREF_ENOMEM;
}

void cispref_positioning_free(cispref_positioning *pos)
{
	if (!pos)
		return;
	cispref__strmap_free(&pos->level_index);
	cispref__strmap_free(&pos->person_index);
	cispref__strmap_free(&pos->rating_index);
	cispref__strmap_free(&pos->strings);
	cispref__arena_free(pos->arena);
	free(pos);
}

/* ---- accessors ----------------------------------------------------------------- */

const char *cispref_positioning_referential_id(const cispref_positioning *pos)
{
	return pos ? pos->referential_id : NULL;
}

const char *cispref_positioning_edition(const cispref_positioning *pos)
{
	return pos ? pos->edition : NULL;
}

const char *cispref_positioning_origin(const cispref_positioning *pos)
{
	return pos ? pos->origin : NULL;
}

size_t cispref_positioning_level_count(const cispref_positioning *pos)
{
	return pos ? pos->levels.count : 0;
}

const cispref_level *cispref_positioning_level(const cispref_positioning *pos, size_t index)
{
	return pos && index < pos->levels.count ? pos->levels.items[index] : NULL;
}

const cispref_level *cispref_positioning_find_level(const cispref_positioning *pos,
                                                    const char *id)
{
	return pos && id ? cispref__strmap_find(&pos->level_index, id) : NULL;
}

size_t cispref_positioning_person_count(const cispref_positioning *pos)
{
	return pos ? pos->persons.count : 0;
}

const cispref_person *cispref_positioning_person(const cispref_positioning *pos, size_t index)
{
	return pos && index < pos->persons.count ? pos->persons.items[index] : NULL;
}

const cispref_person *cispref_positioning_find_person(const cispref_positioning *pos,
                                                      const char *id)
{
	return pos && id ? cispref__strmap_find(&pos->person_index, id) : NULL;
}

size_t cispref_positioning_rating_count(const cispref_positioning *pos)
{
	return pos ? pos->ratings.count : 0;
}

const cispref_rating *cispref_positioning_rating(const cispref_positioning *pos, size_t index)
{
	return pos && index < pos->ratings.count ? pos->ratings.items[index] : NULL;
}

const char *cispref_level_id(const cispref_level *l) { return l ? l->id : NULL; }
const char *cispref_level_label(const cispref_level *l) { return l ? l->label : NULL; }
int cispref_level_proficient(const cispref_level *l) { return l ? l->proficient : 0; }
size_t cispref_level_rank(const cispref_level *l) { return l ? l->rank : 0; }

const char *cispref_person_id(const cispref_person *p) { return p ? p->id : NULL; }
const char *cispref_person_name(const cispref_person *p) { return p ? p->name : NULL; }
const char *cispref_person_role(const cispref_person *p) { return p ? p->role : NULL; }

const char *cispref_rating_person(const cispref_rating *r) { return r ? r->person : NULL; }
const char *cispref_rating_target(const cispref_rating *r) { return r ? r->target : NULL; }
const char *cispref_rating_level(const cispref_rating *r) { return r ? r->level : NULL; }
const char *cispref_rating_date(const cispref_rating *r) { return r ? r->date : NULL; }
const char *cispref_rating_comment(const cispref_rating *r) { return r ? r->comment : NULL; }

cispref_rating_source_t cispref_rating_source(const cispref_rating *r)
{
	return r ? r->source : CISPREF_RATING_SOURCE_NONE;
}
