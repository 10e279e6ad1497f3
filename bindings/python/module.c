/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The cispref Python module: loading functions, the module object and its state. */
#include <string.h>

#include "cispref_py.h"

/* Load options from keyword arguments; a limit of None keeps the default, 0 lifts it. */
static int load_options(cispref_load_options *options, int lenient, PyObject *max_input_size,
                        PyObject *max_text_length, PyObject *max_elements)
{
	PyObject *values[] = {max_input_size, max_text_length, max_elements};
	size_t *fields[] = {&options->max_input_size, &options->max_text_length,
	                    &options->max_elements};
	options->flags = lenient ? CISPREF_LOAD_LENIENT : CISPREF_LOAD_DEFAULT;
	for (int i = 0; i < 3; i++) {
		if (values[i] == Py_None)
			continue;
		size_t value = PyLong_Check(values[i]) ? PyLong_AsSize_t(values[i]) : (size_t)-1;
		if (value == (size_t)-1) {
			if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_OverflowError)) {
				PyErr_Clear();
				PyErr_SetString(PyExc_ValueError, "limits are integers >= 0, or None");
			}
			return -1;
		}
		*fields[i] = value;
	}
	return 0;
}

static PyObject *py_load(PyObject *module, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"path", "lenient", "max_input_size", "max_text_length",
	                           "max_elements", NULL};
	PyObject *path, *max_input = Py_None, *max_text = Py_None, *max_elements = Py_None;
	int lenient = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$pOOO", keywords, PyUnicode_FSConverter,
	                                 &path, &lenient, &max_input, &max_text, &max_elements))
		return NULL;
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	if (load_options(&options, lenient, max_input, max_text, max_elements) < 0) {
		Py_DECREF(path);
		return NULL;
	}
	const char *file = PyBytes_AsString(path);
	if (!file) {
		Py_DECREF(path);
		return NULL;
	}
	cispref_referential *ref;
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_referential_load_file(&ref, file, &options, &error);
	PyEval_RestoreThread(thread);
	Py_DECREF(path);
	module_state *state = PyModule_GetState(module);
	return rc ? raise_error(state, &error) : wrap_referential(state, ref);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Blank out the encoding pseudo-attribute of the XML declaration at the start of @doc
 * (@size bytes), if there is one; a declaration that is not well formed is left for the
 * parser to report. Spaces keep every line and column where it was. */
static void blank_declared_encoding(char *doc, size_t size)
{
	char *p = doc, *end = doc + size;
	if (size >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	if (end - p < 6 || memcmp(p, "<?xml", 5) != 0 || !is_space(p[5]))
		return;
	for (p += 5;;) {
		while (p < end && is_space(*p))
			p++;
		char *name = p;
		while (p < end && *p >= 'a' && *p <= 'z')
			p++;
		size_t name_length = (size_t)(p - name);
		while (p < end && is_space(*p))
			p++;
		if (!name_length || p == end || *p++ != '=')
			return;
		while (p < end && is_space(*p))
			p++;
		if (p == end || (*p != '"' && *p != '\''))
			return;
		char *close = memchr(p + 1, *p, (size_t)(end - p - 1));
		if (!close)
			return;
		p = close + 1;
		if (name_length == 8 && memcmp(name, "encoding", 8) == 0) {
			memset(name, ' ', (size_t)(p - name));
			return;
		}
	}
}

/* The bytes to load for @data: bytes as they are (they follow their own declaration), a
 * str as UTF-8. A str is text already: the encoding its declaration names is how it was
 * once stored, not what it is now, so the declaration loses it (as xml.etree reads a
 * str); XML without one is UTF-8. A new reference, or NULL with an exception. */
static PyObject *document_bytes(PyObject *data)
{
	if (PyBytes_Check(data))
		return Py_NewRef(data);
	if (!PyUnicode_Check(data)) {
		PyObject *name = type_name(data);
		if (name) {
			PyErr_Format(PyExc_TypeError, "loads() takes bytes or str, not %.100U", name);
			Py_DECREF(name);
		}
		return NULL;
	}
	PyObject *bytes = PyUnicode_AsUTF8String(data);
	char *doc;
	Py_ssize_t size;
	if (bytes && PyBytes_AsStringAndSize(bytes, &doc, &size) == 0)
		blank_declared_encoding(doc, (size_t)size);
	return bytes;
}

static PyObject *py_loads(PyObject *module, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"data", "name", "lenient", "max_input_size", "max_text_length",
	                           "max_elements", NULL};
	PyObject *data, *name = NULL, *max_input = Py_None, *max_text = Py_None,
		*max_elements = Py_None;
	int lenient = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O&$pOOO", keywords, &data, optional_path,
	                                 &name, &lenient, &max_input, &max_text, &max_elements))
		return NULL;
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	PyObject *bytes = NULL;
	char *doc, *source = NULL;
	Py_ssize_t size;
	if (load_options(&options, lenient, max_input, max_text, max_elements) < 0 ||
	    !(bytes = document_bytes(data)) || PyBytes_AsStringAndSize(bytes, &doc, &size) < 0 ||
	    (name && !(source = PyBytes_AsString(name)))) {
		Py_XDECREF(bytes);
		Py_XDECREF(name);
		return NULL;
	}
	/* both bytes objects are ours and immutable while the GIL is released */
	cispref_referential *ref;
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_referential_load_memory(&ref, doc, (size_t)size, source,
	                                                      &options, &error);
	PyEval_RestoreThread(thread);
	Py_DECREF(bytes);
	Py_XDECREF(name);
	module_state *state = PyModule_GetState(module);
	return rc ? raise_error(state, &error) : wrap_referential(state, ref);
}

static PyObject *py_default(PyObject *module, PyObject *unused)
{
	(void)unused;
	cispref_referential *ref;
	cispref_error error;
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_referential_load_default(&ref, &error);
	PyEval_RestoreThread(thread);
	module_state *state = PyModule_GetState(module);
	return rc ? raise_error(state, &error) : wrap_referential(state, ref);
}

static PyMethodDef module_methods[] = {
	{"load", (PyCFunction)(void (*)(void))py_load, METH_VARARGS | METH_KEYWORDS,
	 "load(path, *, lenient=False, max_input_size=None, max_text_length=None,\n"
	 "     max_elements=None) -> Referential\n\n"
	 "Load a referential from a cispref XML file. Raises cispref.Error (with file, line,\n"
	 "column and tag) when the file cannot be read or is not a valid referential; with\n"
	 "lenient=True, a referential that breaks validator rules is kept for validate().\n"
	 "The max_* limits replace the library's defaults (0 lifts a limit); beyond one,\n"
	 "cispref.Error has the tag 'limit-exceeded'."},
	{"loads", (PyCFunction)(void (*)(void))py_loads, METH_VARARGS | METH_KEYWORDS,
	 "loads(data, name=None, *, lenient=False, max_input_size=None, max_text_length=None,\n"
	 "      max_elements=None) -> Referential\n\n"
	 "Load a referential from cispref XML given as bytes or str. Bytes follow the\n"
	 "encoding their XML declaration names; a str is text already and is read as such\n"
	 "whatever encoding its declaration names (as xml.etree does). name (a file name:\n"
	 "str, bytes or os.PathLike) is how errors call the input. Options as for load()."},
	{"default", py_default, METH_NOARGS,
	 "default() -> Referential\n\n"
	 "The referential embedded in the library: the \"Référentiel de compétences de\n"
	 "l'accompagnement en CISP\" (Les cahiers de l'Interfédé n°24, 2020)."},
	{NULL, NULL, 0, NULL},
};

static int module_traverse(PyObject *module, visitproc visit, void *arg)
{
	module_state *state = PyModule_GetState(module);
	Py_VISIT(state->referential_type);
	for (int i = 0; i <= CISPREF_NODE_NOTE; i++)
		Py_VISIT(state->node_types[i]);
	Py_VISIT(state->nodelist_type);
	Py_VISIT(state->diagnostic_type);
	Py_VISIT(state->hit_type);
	Py_VISIT(state->error);
	return 0;
}

static int module_clear(PyObject *module)
{
	module_state *state = PyModule_GetState(module);
	Py_CLEAR(state->referential_type);
	for (int i = 0; i <= CISPREF_NODE_NOTE; i++)
		Py_CLEAR(state->node_types[i]);
	Py_CLEAR(state->nodelist_type);
	Py_CLEAR(state->diagnostic_type);
	Py_CLEAR(state->hit_type);
	Py_CLEAR(state->error);
	return 0;
}

static void module_free(void *module)
{
	module_clear((PyObject *)module);
}

/* Fill a new module object: each one gets its own types and exception (the state starts
 * zeroed, and module_clear releases whatever was made when a step fails). */
static int module_exec(PyObject *module)
{
	module_state *state = PyModule_GetState(module);
	state->error = PyErr_NewExceptionWithDoc(
		"cispref.Error",
		"A referential could not be loaded, saved or exported. Attributes: file, line,\n"
		"column (0 when unknown) and tag (a short stable name of the cause, such as\n"
		"'xml-error', 'format-error', 'io-error', 'invalid-referential').",
		NULL, NULL);
	if (!state->error || PyModule_AddObjectRef(module, "Error", state->error) < 0 ||
	    referential_type_add(module, state) < 0 || nodelist_type_add(module, state) < 0 ||
	    node_types_add(module, state) < 0 || record_types_add(module, state) < 0 ||
	    PyModule_AddStringConstant(module, "__version__", cispref_version()) < 0)
		return -1;
	return 0;
}

static PyModuleDef_Slot module_slots[] = {
	{Py_mod_exec, module_exec},
	{0, NULL},
};

static struct PyModuleDef module_def = {
	PyModuleDef_HEAD_INIT,
	.m_name = "cispref",
	.m_doc = "Competence referentials of the CISP sector (Walloon socio-professional integration)\n"
	         "as typed, read-only Python objects: load, navigate, search, validate, export.\n"
	         "A str argument holding a NUL character raises ValueError; file names may be str,\n"
	         "bytes or os.PathLike and come back as os.fsdecode() gives them. Long calls\n"
	         "(loading, save, export, render, validate, search) release the GIL.",
	.m_size = sizeof(module_state),
	.m_methods = module_methods,
	.m_slots = module_slots,
	.m_traverse = module_traverse,
	.m_clear = module_clear,
	.m_free = module_free,
};

/* Multi-phase initialisation (PEP 489): the module object is made by the import system,
 * then module_exec fills it. */
PyMODINIT_FUNC PyInit_cispref(void)
{
	return PyModuleDef_Init(&module_def);
}
