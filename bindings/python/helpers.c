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

/* cispref.Error with the details of @error as attributes. */
PyObject *raise_error(const module_state *state, const cispref_error *error)
{
	PyObject *text = message_str(error->text);
	PyObject *exc = text ? PyObject_CallFunctionObjArgs(state->error, text, NULL) : NULL;
	Py_XDECREF(text);
	if (!exc)
		return NULL;
	PyObject *file = path_str_or_none(error->source);
	PyObject *line = PyLong_FromUnsignedLong(error->line);
	PyObject *column = PyLong_FromUnsignedLong(error->column);
	PyObject *tag = PyUnicode_FromString(cispref_status_tag(error->code));
	if (file && line && column && tag &&
	    PyObject_SetAttrString(exc, "file", file) == 0 &&
	    PyObject_SetAttrString(exc, "line", line) == 0 &&
	    PyObject_SetAttrString(exc, "column", column) == 0 &&
	    PyObject_SetAttrString(exc, "tag", tag) == 0)
		PyErr_SetObject(state->error, exc);
	Py_XDECREF(file);
	Py_XDECREF(line);
	Py_XDECREF(column);
	Py_XDECREF(tag);
	Py_DECREF(exc);
	return NULL;
}
