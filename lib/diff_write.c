/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* A diff as text or JSON, and the one entry that knows every output of a diff (the
 * changelogs are diff_changelog.c's). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_private.h"
#include "json.h"

static const char *const format_names[CISPREF_DIFF_FORMAT_COUNT] = {"text", "json", "md",
                                                                    "html"};

const char *cispref_diff_format_name(cispref_diff_format_t format)
{
	return (unsigned)format < CISPREF_DIFF_FORMAT_COUNT ? format_names[format] : NULL;
}

int cispref_diff_format_from_name(cispref_diff_format_t *out, const char *name)
{
	for (int f = 0; out && name && f < CISPREF_DIFF_FORMAT_COUNT; f++)
		if (strcmp(name, format_names[f]) == 0) {
			*out = (cispref_diff_format_t)f;
			return CISPREF_OK;
		}
	return CISPREF_EARG;
}

/* The text of one line: a tab, a line feed, a carriage return and a backslash written
 * "\t", "\n", "\r" and "\\" (as cispref(1) writes its other line-oriented outputs), so
 * that each change is one line. */
static void text_n(xmlBufferPtr out, const char *s, size_t n)
{
	for (const char *p = s; p < s + n; p++) {
		const char *escape = *p == '\t' ? "\\t" : *p == '\n' ? "\\n" : *p == '\r' ? "\\r"
		                                          : *p == '\\' ? "\\\\" : NULL;
		if (escape)
			xmlBufferCCat(out, escape);
		else
			xmlBufferAdd(out, (const xmlChar *)p, 1);
	}
}

static void text(xmlBufferPtr out, const char *s)
{
	if (!s) {
		xmlBufferCCat(out, "(none)");
		return;
	}
	text_n(out, s, strlen(s));
}

/* A SAME segment of a front-matter change, its middle elided: a section's text is long,
 * the reader wants the words around each change. */
static void text_elided(xmlBufferPtr out, const cispref_change *c, size_t i)
{
	const char *s = c->segments[i].text, *tail = NULL;
	size_t head = 0;
	if (c->kind != CISPREF_CHANGE_FRONT_MATTER || c->segments[i].type != CISPREF_SEGMENT_SAME ||
	    !cispref__diff_elide(s, i == 0, i + 1 == c->segment_count, &head, &tail)) {
		text(out, s);
		return;
	}
	text_n(out, s, head);
	xmlBufferCCat(out, head ? " …" : "…");
	if (tail) {
		xmlBufferCCat(out, " ");
		text(out, tail);
	}
}

/* The word diff as GNU wdiff marks it. */
static void text_words(xmlBufferPtr out, const cispref_change *c)
{
	static const char *const open[] = {"", "[-", "{+"}, *const close[] = {"", "-]", "+}"};
	for (size_t i = 0; i < c->segment_count; i++) {
		const diff_segment *s = &c->segments[i];
		xmlBufferCCat(out, i ? " " : "");
		xmlBufferCCat(out, open[s->type]);
		text_elided(out, c, i);
		xmlBufferCCat(out, close[s->type]);
	}
}

/* A front-matter change: "section ID FIELD: ...", or "sections: N -> (none)". */
static void text_front_matter(xmlBufferPtr out, const cispref_change *c)
{
	if (strcmp(c->field, "front-matter") == 0) {
		xmlBufferCCat(out, " sections: ");
		text(out, c->old_value);
		xmlBufferCCat(out, " -> ");
		text(out, c->new_value);
		return;
	}
	xmlBufferCCat(out, " section ");
	text(out, c->old_id ? c->old_id : c->new_id);
	if (strcmp(c->field, "added") == 0 || strcmp(c->field, "removed") == 0) {
		xmlBufferCCat(out, " ");
		xmlBufferCCat(out, c->field);
		xmlBufferCCat(out, ": ");
		text(out, c->old_value ? c->old_value : c->new_value);
		return;
	}
	if (strcmp(c->field, "parent") == 0 || strcmp(c->field, "position") == 0)
		return; /* written as moves are, by the caller */
	xmlBufferCCat(out, " ");
	xmlBufferCCat(out, c->field);
	xmlBufferCCat(out, ": ");
	text_words(out, c);
}

/* "3" → "4": positions are 1-based for readers. */
static void position(xmlBufferPtr out, const char *value)
{
	unsigned long long n = strtoull(value, NULL, 10);
	char buf[32];
	snprintf(buf, sizeof buf, "%llu", n + 1);
	xmlBufferCCat(out, buf);
}

static void text_details(xmlBufferPtr out, const cispref_change *c)
{
	switch (c->kind) {
	case CISPREF_CHANGE_ADDED:
	case CISPREF_CHANGE_REMOVED:
		xmlBufferCCat(out, ": ");
		text(out, c->kind == CISPREF_CHANGE_ADDED ? c->new_value : c->old_value);
		return;
	case CISPREF_CHANGE_RENAMED: {
		char buf[64];
		xmlBufferCCat(out, " -> ");
		text(out, c->new_id);
		snprintf(buf, sizeof buf, " (similarity %.2f)", c->similarity);
		xmlBufferCCat(out, buf);
		return;
	}
	case CISPREF_CHANGE_TEXT:
		xmlBufferCCat(out, " ");
		xmlBufferCCat(out, c->field);
		xmlBufferCCat(out, ": ");
		text_words(out, c);
		return;
	case CISPREF_CHANGE_FRONT_MATTER:
		text_front_matter(out, c);
		if (strcmp(c->field, "parent") != 0 && strcmp(c->field, "position") != 0)
			return;
		break;
	default:
		break;
	}
	int is_position = c->field && strcmp(c->field, "position") == 0;
	xmlBufferCCat(out, " ");
	xmlBufferCCat(out, c->field);
	xmlBufferCCat(out, ": ");
	if (is_position)
		position(out, c->old_value);
	else
		text(out, c->old_value);
	xmlBufferCCat(out, " -> ");
	if (is_position)
		position(out, c->new_value);
	else
		text(out, c->new_value);
}

int cispref__diff_text(xmlBufferPtr out, const cispref_diff *diff)
{
	for (size_t i = 0; i < diff->changes.count; i++) {
		const cispref_change *c = diff->changes.items[i];
		xmlBufferCCat(out, cispref_change_kind_name(c->kind));
		if (c->kind != CISPREF_CHANGE_METADATA && c->kind != CISPREF_CHANGE_FRONT_MATTER) {
			xmlBufferCCat(out, " ");
			xmlBufferCCat(out, cispref_node_type_name(c->type));
			xmlBufferCCat(out, " ");
			text(out, c->old_id ? c->old_id : c->new_id);
		}
		text_details(out, c);
		xmlBufferCCat(out, "\n");
	}
	return CISPREF_OK;
}

static void json_edition(json *j, const char *key, const diff_edition *e)
{
	cispref__json_key(j, key, 0);
	cispref__json_open(j, "{");
	cispref__json_key(j, "id", 1);
	cispref__json_string(j, e->id);
	cispref__json_key(j, "title", 0);
	cispref__json_string(j, e->title);
	cispref__json_key(j, "version", 0);
	cispref__json_string(j, e->version);
	cispref__json_close(j, "}", 0);
}

static void json_words(json *j, const cispref_change *c)
{
	static const char *const ops[] = {"same", "deleted", "inserted"};
	cispref__json_key(j, "words", 0);
	cispref__json_open(j, "[");
	for (size_t i = 0; i < c->segment_count; i++) {
		cispref__json_element(j, i);
		cispref__json_raw(j, "{\"op\": ");
		cispref__json_string(j, ops[c->segments[i].type]);
		cispref__json_raw(j, ", \"text\": ");
		cispref__json_string(j, c->segments[i].text);
		cispref__json_raw(j, "}");
	}
	cispref__json_close(j, "]", c->segment_count == 0);
}

static void json_change(json *j, const cispref_change *c)
{
	cispref__json_open(j, "{");
	cispref__json_key(j, "kind", 1);
	cispref__json_string(j, cispref_change_kind_name(c->kind));
	cispref__json_key(j, "node", 0);
	const char *node = c->type == CISPREF_NODE_NONE ? NULL : cispref_node_type_name(c->type);
	if (c->kind == CISPREF_CHANGE_FRONT_MATTER && (c->old_id || c->new_id))
		node = "section";
	cispref__json_string(j, node);
	const char *keys[] = {"old_id", "new_id", "domain", "field", "old", "new"};
	const char *values[] = {c->old_id, c->new_id, c->domain_id, c->field, c->old_value,
	                        c->new_value};
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		cispref__json_key(j, keys[k], 0);
		cispref__json_string(j, values[k]);
	}
	char buf[32];
	snprintf(buf, sizeof buf, "%.4f", c->similarity);
	cispref__json_key(j, "similarity", 0);
	cispref__json_raw(j, c->kind == CISPREF_CHANGE_RENAMED ? buf : "null");
	json_words(j, c);
	cispref__json_close(j, "}", 0);
}

int cispref__diff_json(xmlBufferPtr out, const cispref_diff *diff)
{
	json j = {.out = out};
	cispref__json_open(&j, "{");
	cispref__json_key(&j, "format", 1);
	cispref__json_string(&j, "cispref-diff");
	cispref__json_key(&j, "format_version", 0);
	cispref__json_raw(&j, "1");
	json_edition(&j, "old", &diff->old);
	json_edition(&j, "new", &diff->new);
	cispref__json_key(&j, "counts", 0);
	cispref__json_open(&j, "{");
	for (int k = 0; k < DIFF_CHANGE_KINDS; k++) {
		char buf[32];
		snprintf(buf, sizeof buf, "%zu", diff->counts[k]);
		cispref__json_key(&j, cispref_change_kind_name((cispref_change_kind_t)k), k == 0);
		cispref__json_raw(&j, buf);
	}
	cispref__json_close(&j, "}", 0);
	cispref__json_key(&j, "changes", 0);
	cispref__json_open(&j, "[");
	for (size_t i = 0; i < diff->changes.count; i++) {
		cispref__json_element(&j, i);
		json_change(&j, diff->changes.items[i]);
	}
	cispref__json_close(&j, "]", diff->changes.count == 0);
	cispref__json_close(&j, "}", 0);
	cispref__json_raw(&j, "\n");
	return j.failed ? CISPREF_ENOMEM : CISPREF_OK;
}

static xmlBufferPtr serialise(const cispref_diff *diff, cispref_diff_format_t format,
                              cispref_error *error, int *rc)
{
	static int (*const writers[CISPREF_DIFF_FORMAT_COUNT])(xmlBufferPtr,
	                                                        const cispref_diff *) = {
		cispref__diff_text, cispref__diff_json, cispref__diff_markdown, cispref__diff_html};
	if (!diff || (unsigned)format >= CISPREF_DIFF_FORMAT_COUNT) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0,
		                   diff ? "unknown diff format" : "invalid argument: no diff");
		*rc = CISPREF_EARG;
		return NULL;
	}
	xml_catch c;
	cispref__xml_catch_begin(&c);
	xmlBufferPtr buf = cispref__buffer_new();
	*rc = buf ? writers[format](buf, diff) : CISPREF_ENOMEM;
	*rc = cispref__xml_catch_end(&c, *rc, error);
	if (*rc != CISPREF_OK) {
		if (*rc == CISPREF_ENOMEM)
			cispref__error_set(error, CISPREF_ENOMEM, NULL, 0, 0, "out of memory");
		xmlBufferFree(buf);
		return NULL;
	}
	return buf;
}

int cispref_diff_write(char **out, size_t *size, const cispref_diff *diff,
                       cispref_diff_format_t format, cispref_error *error)
{
	if (!out) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(diff, format, error, &rc);
	return buf ? cispref__output_buffer(buf, out, size, error) : rc;
}

int cispref_diff_save(const char *path, const cispref_diff *diff, cispref_diff_format_t format,
                      cispref_error *error)
{
	if (!path || !*path) {
		cispref__error_set(error, CISPREF_EARG, NULL, 0, 0, "invalid argument: no path");
		return CISPREF_EARG;
	}
	int rc;
	xmlBufferPtr buf = serialise(diff, format, error, &rc);
	return buf ? cispref__output_path(buf, path, error) : rc;
}
