/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Diagnostics, search hits and the changes of a diff as named tuples (structseq). */
#include "cispref_py.h"

static PyStructSequence_Field diagnostic_fields[] = {
	{"severity", "'error', 'warning' or 'info'"},
	{"tag", "the rule's stable tag, e.g. 'duplicate-id'"},
	{"message", "what is wrong"},
	{"file", "the file the referential came from, or None"},
	{"line", "line of the node in that file, 0 when unknown"},
	{"column", "column of the end of its start tag, 0 when unknown"},
	{"id", "id of the node concerned, or None"},
	{NULL, NULL},
};

static PyStructSequence_Desc diagnostic_desc = {
	"cispref.Diagnostic",
	"A finding of Referential.validate(), or of an import (load(..., diagnostics=[])).",
	diagnostic_fields, 7,
};

static PyStructSequence_Field hit_fields[] = {
	{"id", "id of the node found (competence, summary entry or item)"},
	{"field", "'title', 'summary' or 'item'"},
	{"text", "the text that matched"},
	{"path", "where the hit is, titles joined by ' › ': domain › plan › competence › item "
	         "for an item, domain › plan › competence for a title, domain › summary entry "
	         "for a summary entry"},
	{"matched_words", "how many words of the text match a word of the query"},
	{"domain", "the Domain"},
	{"plan", "the Plan, or None for a summary entry"},
	{"competence", "the Competence (for a summary entry, the one it names, or None)"},
	{"item", "the Item of an item hit, else None"},
	{"summary_entry", "the SummaryEntry of a summary hit, else None"},
	{NULL, NULL},
};

static PyStructSequence_Desc hit_desc = {
	"cispref.Hit", "A hit of Referential.search().", hit_fields, 10,
};

static PyStructSequence_Field change_fields[] = {
	{"kind", "'metadata', 'added', 'renamed', 'moved', 'kind', 'text', 'concept', 'link',\n"
	         "'notes', 'deprecated' or 'removed' (doc/diff.md)"},
	{"node", "'domain', 'summary-entry', 'plan', 'competence', 'item', 'concept', 'note',\n"
	         "or None for metadata"},
	{"old_id", "the node's id in the old edition, or None"},
	{"new_id", "the node's id in the new edition, or None"},
	{"domain", "id of the domain holding the node, or None"},
	{"field", "what changed ('title', 'parent', 'position', 'source.date'...), or None"},
	{"old", "the value before, or None"},
	{"new", "the value after, or None"},
	{"similarity", "for 'renamed', the Dice coefficient of the two texts; else None"},
	{"words", "for 'text', the word diff: a tuple of (op, words), op 'same', 'deleted'\n"
	          "or 'inserted'; else ()"},
	{NULL, NULL},
};

static PyStructSequence_Desc change_desc = {
	"cispref.Change", "A change of cispref.diff().", change_fields, 10,
};

/* Heap types made anew for each module object. */
int record_types_add(PyObject *module, module_state *state)
{
	if (!(state->diagnostic_type = PyStructSequence_NewType(&diagnostic_desc)) ||
	    PyModule_AddType(module, state->diagnostic_type) < 0 ||
	    !(state->hit_type = PyStructSequence_NewType(&hit_desc)) ||
	    PyModule_AddType(module, state->hit_type) < 0 ||
	    !(state->change_type = PyStructSequence_NewType(&change_desc)) ||
	    PyModule_AddType(module, state->change_type) < 0)
		return -1;
	return 0;
}

/* Fill @record's fields from @values, taking their references; NULL on any failure. */
static PyObject *record(PyTypeObject *type, PyObject **values, int count)
{
	PyObject *r = PyStructSequence_New(type);
	for (int i = 0; i < count; i++) {
		if (!r || !values[i]) {
			Py_XDECREF(r);
			r = NULL;
			for (int j = i; j < count; j++)
				Py_XDECREF(values[j]);
			break;
		}
		PyStructSequence_SetItem(r, i, values[i]);
	}
	return r;
}

static PyObject *diagnostic(const module_state *state, const cispref_diagnostic *d)
{
	PyObject *values[7] = {
		str_or_none(cispref_severity_name(cispref_diagnostic_severity(d))),
		str_or_none(cispref_diagnostic_tag(d)),
		message_str(cispref_diagnostic_message(d)),
		path_str_or_none(cispref_diagnostic_file(d)),
		PyLong_FromUnsignedLong(cispref_diagnostic_line(d)),
		PyLong_FromUnsignedLong(cispref_diagnostic_column(d)),
		str_or_none(cispref_diagnostic_node_id(d)),
	};
	return record(state->diagnostic_type, values, 7);
}

PyObject *diagnostics_to_list(const module_state *state, const cispref_diagnostics *list)
{
	size_t n = cispref_diagnostics_count(list);
	PyObject *out = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; out && i < n; i++) {
		PyObject *d = diagnostic(state, cispref_diagnostics_get(list, i));
		if (!d) {
			Py_CLEAR(out);
			break;
		}
		PyList_SetItem(out, (Py_ssize_t)i, d);
	}
	return out;
}

static PyObject *hit(ReferentialObject *owner, const cispref_hit *h)
{
	PyObject *values[10] = {
		str_or_none(cispref_hit_id(h)),
		str_or_none(cispref_hit_field_name(cispref_hit_field(h))),
		str_or_none(cispref_hit_text(h)),
		str_or_none(cispref_hit_path(h)),
		PyLong_FromSize_t(cispref_hit_matched_words(h)),
		wrap_node(owner, CISPREF_NODE_DOMAIN, cispref_hit_domain(h)),
		wrap_node(owner, CISPREF_NODE_PLAN, cispref_hit_plan(h)),
		wrap_node(owner, CISPREF_NODE_COMPETENCE, cispref_hit_competence(h)),
		wrap_node(owner, CISPREF_NODE_ITEM, cispref_hit_item(h)),
		wrap_node(owner, CISPREF_NODE_SUMMARY_ENTRY, cispref_hit_summary_entry(h)),
	};
	return record(state_of((PyObject *)owner)->hit_type, values, 10);
}

PyObject *results_to_list(ReferentialObject *owner, const cispref_results *results)
{
	size_t n = cispref_results_count(results);
	PyObject *out = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; out && i < n; i++) {
		PyObject *h = hit(owner, cispref_results_get(results, i));
		if (!h) {
			Py_CLEAR(out);
			break;
		}
		PyList_SetItem(out, (Py_ssize_t)i, h);
	}
	return out;
}

/* The word diff of a text change: ((op, words), ...). */
static PyObject *words(const cispref_change *c)
{
	static const char *const ops[] = {"same", "deleted", "inserted"};
	size_t n = cispref_change_segment_count(c);
	PyObject *out = PyTuple_New((Py_ssize_t)n);
	for (size_t i = 0; out && i < n; i++) {
		cispref_segment_t type = CISPREF_SEGMENT_SAME;
		const char *text = cispref_change_segment(&type, c, i);
		PyObject *pair = Py_BuildValue("(sN)", ops[type], str_or_none(text));
		if (!pair) {
			Py_CLEAR(out);
			break;
		}
		PyTuple_SetItem(out, (Py_ssize_t)i, pair);
	}
	return out;
}

static PyObject *change(const module_state *state, const cispref_change *c)
{
	cispref_node_type_t type = cispref_change_node_type(c);
	PyObject *similarity = cispref_change_kind(c) == CISPREF_CHANGE_RENAMED
	                               ? PyFloat_FromDouble(cispref_change_similarity(c))
	                               : Py_NewRef(Py_None);
	PyObject *values[10] = {
		str_or_none(cispref_change_kind_name(cispref_change_kind(c))),
		str_or_none(type == CISPREF_NODE_NONE ? NULL : cispref_node_type_name(type)),
		str_or_none(cispref_change_old_id(c)),
		str_or_none(cispref_change_new_id(c)),
		str_or_none(cispref_change_domain_id(c)),
		str_or_none(cispref_change_field(c)),
		str_or_none(cispref_change_old_value(c)),
		str_or_none(cispref_change_new_value(c)),
		similarity,
		words(c),
	};
	return record(state->change_type, values, 10);
}

PyObject *changes_to_list(const module_state *state, const cispref_diff *diff)
{
	size_t n = cispref_diff_count(diff);
	PyObject *out = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; out && i < n; i++) {
		PyObject *c = change(state, cispref_diff_get(diff, i));
		if (!c) {
			Py_CLEAR(out);
			break;
		}
		PyList_SetItem(out, (Py_ssize_t)i, c);
	}
	return out;
}
