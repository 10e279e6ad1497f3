/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The accessors of a diff and of its changes. */
#include "diff_private.h"

size_t cispref_diff_count(const cispref_diff *diff)
{
	return diff ? diff->changes.count : 0;
}

size_t cispref_diff_count_kind(const cispref_diff *diff, cispref_change_kind_t kind)
{
	return diff && (unsigned)kind < DIFF_CHANGE_KINDS ? diff->counts[kind] : 0;
}

const cispref_change *cispref_diff_get(const cispref_diff *diff, size_t index)
{
	return diff && index < diff->changes.count ? diff->changes.items[index] : NULL;
}

cispref_change_kind_t cispref_change_kind(const cispref_change *change)
{
	return change ? change->kind : CISPREF_CHANGE_METADATA;
}

const char *cispref_change_kind_name(cispref_change_kind_t kind)
{
	static const char *const names[DIFF_CHANGE_KINDS] = {
		"metadata", "added", "renamed", "moved", "kind", "text", "concept", "link",
		"notes", "deprecated", "removed", "front-matter"};
	return (unsigned)kind < DIFF_CHANGE_KINDS ? names[kind] : NULL;
}

cispref_node_type_t cispref_change_node_type(const cispref_change *change)
{
	return change ? change->type : CISPREF_NODE_NONE;
}

const char *cispref_change_old_id(const cispref_change *change)
{
	return change ? change->old_id : NULL;
}

const char *cispref_change_new_id(const cispref_change *change)
{
	return change ? change->new_id : NULL;
}

const char *cispref_change_domain_id(const cispref_change *change)
{
	return change ? change->domain_id : NULL;
}

const char *cispref_change_field(const cispref_change *change)
{
	return change ? change->field : NULL;
}

const char *cispref_change_old_value(const cispref_change *change)
{
	return change ? change->old_value : NULL;
}

const char *cispref_change_new_value(const cispref_change *change)
{
	return change ? change->new_value : NULL;
}

double cispref_change_similarity(const cispref_change *change)
{
	return change ? change->similarity : 0;
}

size_t cispref_change_segment_count(const cispref_change *change)
{
	return change ? change->segment_count : 0;
}

const char *cispref_change_segment(cispref_segment_t *type, const cispref_change *change,
                                   size_t index)
{
	if (!change || index >= change->segment_count)
		return NULL;
	if (type)
		*type = change->segments[index].type;
	return change->segments[index].text;
}
