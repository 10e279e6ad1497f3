/* The cispref Python module: loading functions and the error type. */
#include "cispref_py.h"

PyObject *CisprefError;

PyObject *str_or_none(const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	return PyUnicode_FromString(s);
}

/* Raise cispref.Error with the details of @error as attributes. */
PyObject *raise_error(const cispref_error *error)
{
	PyObject *exc = PyObject_CallFunction(CisprefError, "s", error->text);
	if (!exc)
		return NULL;
	PyObject *file = error->source[0] ? PyUnicode_DecodeFSDefault(error->source) : Py_NewRef(Py_None);
	PyObject *line = PyLong_FromUnsignedLong(error->line);
	PyObject *column = PyLong_FromUnsignedLong(error->column);
	PyObject *tag = PyUnicode_FromString(cispref_status_tag(error->code));
	if (file && line && column && tag &&
	    PyObject_SetAttrString(exc, "file", file) == 0 &&
	    PyObject_SetAttrString(exc, "line", line) == 0 &&
	    PyObject_SetAttrString(exc, "column", column) == 0 &&
	    PyObject_SetAttrString(exc, "tag", tag) == 0)
		PyErr_SetObject(CisprefError, exc);
	Py_XDECREF(file);
	Py_XDECREF(line);
	Py_XDECREF(column);
	Py_XDECREF(tag);
	Py_DECREF(exc);
	return NULL;
}

PyObject *wrap_referential(cispref_referential *ref)
{
	ReferentialObject *self = PyObject_New(ReferentialObject, &ReferentialType);
	if (!self) {
		cispref_referential_free(ref);
		return NULL;
	}
	self->ref = ref;
	self->index = NULL;
	return (PyObject *)self;
}

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
	(void)module;
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
	cispref_referential *ref;
	cispref_error error;
	int rc;
	Py_BEGIN_ALLOW_THREADS
	rc = cispref_referential_load_file_with_options(&ref, PyBytes_AS_STRING(path), &options,
	                                                &error);
	Py_END_ALLOW_THREADS
	Py_DECREF(path);
	return rc ? raise_error(&error) : wrap_referential(ref);
}

static PyObject *py_loads(PyObject *module, PyObject *args, PyObject *kwargs)
{
	(void)module;
	static char *keywords[] = {"data", "name", "lenient", "max_input_size", "max_text_length",
	                           "max_elements", NULL};
	PyObject *data, *max_input = Py_None, *max_text = Py_None, *max_elements = Py_None;
	const char *name = NULL;
	int lenient = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|z$pOOO", keywords, &data, &name, &lenient,
	                                 &max_input, &max_text, &max_elements))
		return NULL;
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	if (load_options(&options, lenient, max_input, max_text, max_elements) < 0)
		return NULL;
	const char *bytes;
	Py_ssize_t size;
	if (PyUnicode_Check(data)) {
		if (!(bytes = PyUnicode_AsUTF8AndSize(data, &size)))
			return NULL;
	} else if (PyBytes_Check(data)) {
		bytes = PyBytes_AS_STRING(data);
		size = PyBytes_GET_SIZE(data);
	} else {
		PyErr_Format(PyExc_TypeError, "loads() takes bytes or str, not %.100s",
		             Py_TYPE(data)->tp_name);
		return NULL;
	}
	cispref_referential *ref;
	cispref_error error;
	if (cispref_referential_load_memory_with_options(&ref, bytes, (size_t)size, name, &options,
	                                                 &error))
		return raise_error(&error);
	return wrap_referential(ref);
}

static PyObject *py_default(PyObject *module, PyObject *unused)
{
	(void)module;
	(void)unused;
	cispref_referential *ref;
	cispref_error error;
	if (cispref_referential_load_default(&ref, &error))
		return raise_error(&error);
	return wrap_referential(ref);
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
	 "Load a referential from cispref XML given as bytes or str; name is how errors\n"
	 "call the input. Options as for load()."},
	{"default", py_default, METH_NOARGS,
	 "default() -> Referential\n\n"
	 "The referential embedded in the library: the \"Référentiel de compétences de\n"
	 "l'accompagnement en CISP\" (Les cahiers de l'Interfédé n°24, 2020)."},
	{NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
	PyModuleDef_HEAD_INIT, "cispref",
	"Competence referentials of the CISP sector (Walloon socio-professional integration)\n"
	"as typed, read-only Python objects: load, navigate, search, validate, export.",
	-1, module_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_cispref(void)
{
	PyObject *module = PyModule_Create(&module_def);
	if (!module)
		return NULL;
	CisprefError = PyErr_NewExceptionWithDoc(
		"cispref.Error",
		"A referential could not be loaded, saved or exported. Attributes: file, line,\n"
		"column (0 when unknown) and tag (a short stable name of the cause, such as\n"
		"'xml-error', 'format-error', 'io-error', 'invalid-referential').",
		NULL, NULL);
	if (!CisprefError || PyModule_AddObjectRef(module, "Error", CisprefError) < 0 ||
	    PyType_Ready(&ReferentialType) < 0 ||
	    PyModule_AddObjectRef(module, "Referential", (PyObject *)&ReferentialType) < 0 ||
	    PyType_Ready(&NodeListType) < 0 || node_types_ready(module) < 0 ||
	    record_types_ready(module) < 0 ||
	    PyModule_AddStringConstant(module, "__version__", cispref_version()) < 0) {
		Py_DECREF(module);
		return NULL;
	}
	return module;
}
