/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* What load() and loads() read with: the reader their format= names (cispref XML, a
 * Moodle framework CSV, a CASE package), its options from their keywords, and the call
 * into the library, from a file or from memory. */
#include <string.h>

#include "cispref_py.h"

/* Each reader and the keywords that apply to it, for the messages that refuse the
 * others. */
static const char *const reader_names[] = {"xml", "moodle", "case"};

static int reader_from_name(load_request *r, PyObject *format)
{
	if (!format || format == Py_None) {
		r->reader = READER_XML;
		return 0;
	}
	const char *name = c_text(format, "format");
	if (!name)
		return -1;
	for (size_t i = 0; i < sizeof reader_names / sizeof reader_names[0]; i++) {
		if (strcmp(name, reader_names[i]) == 0) {
			r->reader = (reader_kind)i;
			return 0;
		}
	}
	PyErr_Format(PyExc_ValueError, "unknown format '%s' (xml, moodle, case)", name);
	return -1;
}

/* A limit: None keeps @field as it is, an int >= 0 replaces it (0 lifts the limit). */
static int limit_value(PyObject *value, size_t *field)
{
	if (!value || value == Py_None)
		return 0;
	size_t n = PyLong_Check(value) ? PyLong_AsSize_t(value) : (size_t)-1;
	if (n == (size_t)-1) {
		if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_OverflowError)) {
			PyErr_Clear();
			PyErr_SetString(PyExc_ValueError, "limits are integers >= 0, or None");
		}
		return -1;
	}
	*field = n;
	return 0;
}

static int given(PyObject *o)
{
	return o && o != Py_None;
}

/* ValueError for a keyword that does not apply to the format asked for; -1. */
static int not_for(const char *keyword, const load_request *r, const char *why)
{
	PyErr_Format(PyExc_ValueError, "%s= does not apply to format='%s'%s", keyword,
	             reader_names[r->reader], why);
	return -1;
}

/* The keywords only a Moodle or CASE import takes are refused for XML, and those only
 * Moodle takes for CASE: a keyword silently ignored would read the file otherwise
 * than its caller thinks. */
static int check_applicable(const load_request *r, const load_keywords *k)
{
	if (r->reader == READER_XML) {
		const char *why = ": it is for 'moodle' and 'case'";
		if (given(k->depths))
			return not_for("depths", r, why);
		if (k->foreign)
			return not_for("foreign", r, why);
		if (given(k->diagnostics))
			return not_for("diagnostics", r, "; validate() gives an XML referential's findings");
	}
	if (r->reader != READER_MOODLE) {
		const char *why = ": it is for 'moodle' (a CASE package is UTF-8 JSON)";
		if (given(k->encoding))
			return not_for("encoding", r, r->reader == READER_CASE ? why : ": it is for 'moodle'");
		if (given(k->delimiter))
			return not_for("delimiter", r, r->reader == READER_CASE ? why : ": it is for 'moodle'");
	}
	if (r->reader == READER_CASE && given(k->max_text_length))
		return not_for("max_text_length", r, " (max_input_size and max_elements do)");
	return 0;
}

/* The delimiter: one of , ; : or a tab (None: detected from the header). */
static int delimiter_value(PyObject *o, char *out)
{
	if (!given(o))
		return 0;
	const char *text = c_text(o, "delimiter");
	if (!text)
		return -1;
	if (strlen(text) == 1 && strchr(",;:\t", text[0])) {
		*out = text[0];
		return 0;
	}
	PyErr_SetString(PyExc_ValueError, "the delimiter is one of ',' ';' ':' or '\\t'");
	return -1;
}

/* An optional str keyword as UTF-8 (borrowed from @o, which the caller keeps alive), or
 * NULL for None. */
static int optional_text(PyObject *o, const char *what, const char **out)
{
	*out = NULL;
	if (!given(o))
		return 0;
	return (*out = c_text(o, what)) ? 0 : -1;
}

static int moodle_options(load_request *r, const load_keywords *k)
{
	cispref_moodle_options *o = &r->moodle;
	cispref_moodle_options_init(o);
	o->flags = k->foreign ? CISPREF_MOODLE_FOREIGN : CISPREF_MOODLE_DEFAULT;
	if (optional_text(k->depths, "depths", &o->depths) < 0 ||
	    optional_text(k->encoding, "encoding", &o->encoding) < 0 ||
	    delimiter_value(k->delimiter, &o->delimiter) < 0 ||
	    limit_value(k->max_input_size, &o->max_input_size) < 0 ||
	    limit_value(k->max_text_length, &o->max_cell_length) < 0 ||
	    limit_value(k->max_elements, &o->max_rows) < 0)
		return -1;
	r->max_input_size = o->max_input_size;
	return 0;
}

static int case_options(load_request *r, const load_keywords *k)
{
	cispref_case_options *o = &r->cases;
	cispref_case_options_init(o);
	o->flags = k->foreign ? CISPREF_CASE_FOREIGN : CISPREF_CASE_DEFAULT;
	if (optional_text(k->depths, "depths", &o->depths) < 0 ||
	    limit_value(k->max_input_size, &o->max_input_size) < 0 ||
	    limit_value(k->max_elements, &o->max_values) < 0)
		return -1;
	r->max_input_size = o->max_input_size;
	return 0;
}

static int xml_options(load_request *r, const load_keywords *k)
{
	cispref_load_options *o = &r->xml;
	cispref_load_options_init(o);
	o->flags = k->lenient ? CISPREF_LOAD_LENIENT : CISPREF_LOAD_DEFAULT;
	if (limit_value(k->max_input_size, &o->max_input_size) < 0 ||
	    limit_value(k->max_text_length, &o->max_text_length) < 0 ||
	    limit_value(k->max_elements, &o->max_elements) < 0)
		return -1;
	r->max_input_size = o->max_input_size;
	return 0;
}

int load_request_init(load_request *r, const load_keywords *k)
{
	memset(r, 0, sizeof *r);
	if (reader_from_name(r, k->format) < 0 || check_applicable(r, k) < 0)
		return -1;
	r->lenient = k->lenient;
	if (given(k->diagnostics)) {
		if (!PyList_Check(k->diagnostics)) {
			PyErr_SetString(PyExc_TypeError, "diagnostics= takes a list, which receives "
			                                 "the import's findings");
			return -1;
		}
		r->diagnostics = k->diagnostics;
	}
	switch (r->reader) {
	case READER_MOODLE: return moodle_options(r, k);
	case READER_CASE: return case_options(r, k);
	default: return xml_options(r, k);
	}
}

/* The first finding of severity error in @list, or NULL. */
static const cispref_diagnostic *first_error(const cispref_diagnostics *list)
{
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		if (cispref_diagnostic_severity(d) == CISPREF_SEVERITY_ERROR)
			return d;
	}
	return NULL;
}

/* cispref.RuleError for @d, as a strict XML load raises it for the first rule it finds
 * broken: message "MESSAGE [TAG]", rule the tag, file, line and column. NULL. */
static PyObject *raise_finding(const module_state *state, const cispref_diagnostic *d)
{
	cispref_error error = {0};
	const char *file = cispref_diagnostic_file(d);
	error.code = CISPREF_ERULE;
	error.line = cispref_diagnostic_line(d);
	error.column = cispref_diagnostic_column(d);
	snprintf(error.source, sizeof error.source, "%s", file ? file : "");
	snprintf(error.text, sizeof error.text, "%s [%s]", cispref_diagnostic_message(d),
	         cispref_diagnostic_tag(d));
	/* the list outlives raise_error(), which copies what it keeps */
	error.rule = cispref_diagnostic_tag(d);
	return raise_error(state, &error);
}

/* What an import returns: the findings appended to the caller's list, then the
 * referential, or RuleError for the first error unless lenient. Takes @ref and @list. */
static PyObject *import_result(const module_state *state, const load_request *r,
                               cispref_referential *ref, cispref_diagnostics *list)
{
	PyObject *result = NULL;
	const cispref_diagnostic *error = r->lenient ? NULL : first_error(list);
	if (r->diagnostics) {
		PyObject *found = diagnostics_to_list(state, list);
		Py_ssize_t end = PyList_Size(r->diagnostics);
		int rc = found ? PyList_SetSlice(r->diagnostics, end, end, found) : -1;
		Py_XDECREF(found);
		if (rc < 0)
			goto done;
	}
	if (error) {
		raise_finding(state, error);
		goto done;
	}
	result = wrap_referential(state, ref);
	ref = NULL;
done:
	cispref_referential_free(ref);
	cispref_diagnostics_free(list);
	return result;
}

/* Run the reader on @path (a file) or on @size bytes at @data named @name, without the
 * GIL: the caller keeps every object the options and the input point into alive, and
 * they are immutable (str, bytes). */
PyObject *load_request_run(const module_state *state, const load_request *r, const char *path,
                           const char *data, size_t size, const char *name)
{
	cispref_referential *ref = NULL;
	cispref_diagnostics *list = NULL;
	cispref_error error;
	int rc;
	PyThreadState *thread = PyEval_SaveThread();
	switch (r->reader) {
	case READER_MOODLE:
		rc = path ? cispref_moodle_import_file(&ref, &list, path, &r->moodle, &error)
		          : cispref_moodle_import_memory(&ref, &list, data, size, name, &r->moodle,
		                                         &error);
		break;
	case READER_CASE:
		rc = path ? cispref_case_import_file(&ref, &list, path, &r->cases, &error)
		          : cispref_case_import_memory(&ref, &list, data, size, name, &r->cases,
		                                       &error);
		break;
	default:
		rc = path ? cispref_referential_load_file(&ref, path, &r->xml, &error)
		          : cispref_referential_load_memory(&ref, data, size, name, &r->xml, &error);
		break;
	}
	PyEval_RestoreThread(thread);
	if (rc)
		return raise_error(state, &error);
	if (r->reader == READER_XML)
		return wrap_referential(state, ref);
	return import_result(state, r, ref, list);
}
