/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The positioning document's structures, shared by its reader, writer, validator and
 * queries (positioning_*.c). Everything a document holds lives in its arena. */
#ifndef CISPREF_POSITIONING_PRIVATE_H
#define CISPREF_POSITIONING_PRIVATE_H

#include "private.h"

struct cispref_level {
	const char *id;
	const char *label;
	int proficient;
	size_t rank;
	unsigned long line; /* in the file it came from, 0 when built */
};

struct cispref_person {
	const char *id;
	const char *name; /* NULL: none */
	const char *role; /* NULL: none */
	size_t index;     /* position in the document */
	unsigned long line;
};

/* A string a document holds once however many ratings repeat it (persons, targets,
 * levels and dates recur in every rating): @id numbers it from 1, so that the queries
 * resolve each distinct string once and then index arrays by it. */
typedef struct interned {
	const char *text;
	uint32_t id;
} interned;

struct cispref_rating {
	const char *person;  /* the interned texts */
	const char *target;
	const char *level;
	const char *date;    /* NULL: undated */
	uint32_t person_id, target_id, level_id, date_id; /* interned ids; date_id 0: none */
	cispref_rating_source_t source;
	const char *comment; /* NULL: none */
	size_t index;        /* position in the document: the later wins between equal dates */
	unsigned long line;
	/* person, target, date and source joined by U+001F (which no id or date holds), for
	 * the builder's duplicate check only: NULL until a rating is added with the builder
	 * (a loaded document keeps no key: the validator sorts instead) */
	const char *key;
};

struct cispref_positioning {
	arena *arena;
	const char *origin;
	const char *referential_id;
	const char *edition;
	unsigned long line;  /* of the root element */
	vec levels;          /* cispref_level *, lowest first */
	vec persons;         /* cispref_person * */
	vec ratings;         /* cispref_rating * */
	/* Lookups by id, the first of a kind kept (duplicates are the validator's to
	 * report); keys are the values' ids. */
	strmap level_index;
	strmap person_index;
	strmap rating_index; /* by key, once the builder has added a rating */
	int rating_index_built;
	strmap strings;      /* interned *, by text */
	uint32_t string_count;
};

/* positioning.c: creation without the builder's checks, for the reader (which keeps
 * what it reads so that the validator can report it). NULL on ENOMEM. Strings are
 * copied; NULL stays NULL. */
cispref_positioning *cispref__positioning_create(const char *referential_id,
                                                 const char *edition);
cispref_level *cispref__positioning_level_create(cispref_positioning *pos, const char *id,
                                                 const char *label, int proficient);
cispref_person *cispref__positioning_person_create(cispref_positioning *pos, const char *id,
                                                   const char *name, const char *role);
cispref_rating *cispref__positioning_rating_create(cispref_positioning *pos,
                                                   const char *person, const char *target,
                                                   const char *level, const char *date,
                                                   cispref_rating_source_t source,
                                                   const char *comment);
/* The rating of @person on @target for @date (NULL: undated) and @source, the first
 * given; NULL when none (or out of memory, for a key over 256 bytes). Only after
 * cispref__positioning_index_ratings(). */
const cispref_rating *cispref__positioning_find_rating(const cispref_positioning *pos,
                                                       const char *person, const char *target,
                                                       const char *date,
                                                       cispref_rating_source_t source);
/* Build the builder's index of ratings (once): 0, or -1 when out of memory. */
int cispref__positioning_index_ratings(cispref_positioning *pos);
/* The interned copy of @s, made on first use; NULL when out of memory. */
const interned *cispref__positioning_intern(cispref_positioning *pos, const char *s);
/* Whether @date is an ISO 8601 calendar date YYYY-MM-DD with a month 01-12 and a day
 * that the month has. */
int cispref__positioning_date_is_valid(const char *date);
/* Whether @a was given after @b: a later date (undated is oldest), or the same date and
 * later in the document. */
int cispref__rating_is_later(const cispref_rating *a, const cispref_rating *b);

/* positioning_coverage.c: the document a coverage was computed from. */
const cispref_positioning *cispref__coverage_document(const cispref_coverage *coverage);

#endif
