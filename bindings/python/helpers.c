/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Strings between Python and C, and cispref.Error: what every other file of the module
 * needs. It calls none of them. */
#include <string.h>

#include "cispref_py.h"

PyObject *str_or_none(const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	return PyUnicode_FromString(s);
}

/* A message may quote a file name that is not UTF-8: such bytes become U+FFFD rather
 * than an exception that would hide the error being reported. */
PyObject *message_str(const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* A file name as os.fsdecode() gives it back; None for no name. */
PyObject *path_str_or_none(const char *s)
{
	if (!s || !s[0])
		Py_RETURN_NONE;
	return PyUnicode_DecodeFSDefault(s);
}

PyObject *set_value_error(const char *message)
{
	PyObject *text = message_str(message);
	if (text) {
		PyErr_SetObject(PyExc_ValueError, text);
		Py_DECREF(text);
	}
	return NULL;
}

/* The limited API hides tp_name; __qualname__ is what it holds for built-in types and
 * classes written in Python ("int", "Path"). */
PyObject *type_name(PyObject *o)
{
	return PyObject_GetAttrString((PyObject *)Py_TYPE(o), "__qualname__");
}

PyObject *refuse_pickling(PyObject *self, PyObject *unused)
{
	(void)unused;
	PyObject *type = (PyObject *)Py_TYPE(self);
	PyObject *module = PyObject_GetAttrString(type, "__module__");
	PyObject *name = module ? PyObject_GetAttrString(type, "__qualname__") : NULL;
	if (name)
		PyErr_Format(PyExc_TypeError, "cannot pickle '%U.%U' object", module, name);
	Py_XDECREF(module);
	Py_XDECREF(name);
	return NULL;
}

const char *c_text(PyObject *o, const char *what)
{
	if (!PyUnicode_Check(o)) {
		PyObject *name = type_name(o);
		if (name) {
			PyErr_Format(PyExc_TypeError, "%s must be str, not %.100U", what, name);
			Py_DECREF(name);
		}
		return NULL;
	}
	Py_ssize_t size;
	const char *text = PyUnicode_AsUTF8AndSize(o, &size);
	if (text && strlen(text) != (size_t)size) {
		PyErr_Format(PyExc_ValueError, "%s must not contain a NUL character", what);
		return NULL;
	}
	return text;
}

int optional_path(PyObject *o, void *out)
{
	if (!o) {
		/* cleanup, when a later argument fails */
		Py_CLEAR(*(PyObject **)out);
		return 1;
	}
	if (o == Py_None) {
		*(PyObject **)out = NULL;
		return Py_CLEANUP_SUPPORTED;
	}
	return PyUnicode_FSConverter(o, out);
}

/* The class for @code: cispref.FileError (also an OSError) for I/O, ParseError for input
 * that is not a document the library reads, RuleError for a validator rule, Error
 * otherwise. */
static PyObject *error_class(const module_state *state, int code)
{
	switch (code) {
	case CISPREF_EIO: return state->file_error;
	case CISPREF_EXML:
	case CISPREF_EFORMAT:
	case CISPREF_EVERSION:
	case CISPREF_ELIMIT: return state->parse_error;
	case CISPREF_ERULE: return state->rule_error;
	default: return state->error;
	}
}

/* Set the attributes @names[i] of @exc to @values[i] (new references, NULL for a failed
 * one, all released); 0, or -1 with an exception. */
static int set_attributes(PyObject *exc, const char *const *names, PyObject **values, int count)
{
	int rc = 0;
	for (int i = 0; i < count; i++) {
		if (rc == 0 && (!values[i] || PyObject_SetAttrString(exc, names[i], values[i]) < 0))
			rc = -1;
		Py_XDECREF(values[i]);
	}
	return rc;
}

/* OSError's own attributes, as os.strerror() and open() give them; errno None when no
 * system call failed. */
static int set_os_attributes(PyObject *exc, const cispref_error *error)
{
	static const char *const names[] = {"errno", "strerror", "filename"};
	PyObject *values[] = {
		error->errnum ? PyLong_FromLong(error->errnum) : Py_NewRef(Py_None),
		error->errnum ? PyUnicode_DecodeLocale(strerror(error->errnum), "surrogateescape")
		              : Py_NewRef(Py_None),
		path_str_or_none(error->source),
	};
	return set_attributes(exc, names, values, 3);
}

/* The exception for @error with its details as attributes: file, line, column, tag,
 * rule (and errno, strerror, filename for a FileError). Its args[0] is the library's
 * message, which its str() places (module.c, error_str()). Out of memory is
 * MemoryError. */
PyObject *raise_error(const module_state *state, const cispref_error *error)
{
	if (error->code == CISPREF_ENOMEM)
		return PyErr_NoMemory();
	PyObject *type = error_class(state, error->code);
	PyObject *text = message_str(error->text);
	PyObject *exc = text ? PyObject_CallFunctionObjArgs(type, text, NULL) : NULL;
	Py_XDECREF(text);
	if (!exc)
		return NULL;
	static const char *const names[] = {"file", "line", "column", "tag", "rule"};
	PyObject *values[] = {
		path_str_or_none(error->source),
		PyLong_FromUnsignedLong(error->line),
		PyLong_FromUnsignedLong(error->column),
		PyUnicode_FromString(cispref_status_tag(error->code)),
		str_or_none(error->code == CISPREF_ERULE ? error->rule : NULL),
	};
	if (set_attributes(exc, names, values, 5) == 0 &&
	    (type != state->file_error || set_os_attributes(exc, error) == 0))
		PyErr_SetObject(type, exc);
	Py_DECREF(exc);
	return NULL;
}
