/* The cispref Python module: loading functions and the error type. */
#include <string.h>

#include "cispref_py.h"

PyObject *CisprefError;

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

const char *c_text(PyObject *o, const char *what)
{
	if (!PyUnicode_Check(o)) {
		PyErr_Format(PyExc_TypeError, "%s must be str, not %.100s", what, Py_TYPE(o)->tp_name);
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

/* Raise cispref.Error with the details of @error as attributes. */
PyObject *raise_error(const cispref_error *error)
{
	PyObject *text = message_str(error->text);
	PyObject *exc = text ? PyObject_CallOneArg(CisprefError, text) : NULL;
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
	rc = cispref_referential_load_file(&ref, PyBytes_AS_STRING(path), &options, &error);
	Py_END_ALLOW_THREADS
	Py_DECREF(path);
	return rc ? raise_error(&error) : wrap_referential(ref);
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
		PyErr_Format(PyExc_TypeError, "loads() takes bytes or str, not %.100s",
		             Py_TYPE(data)->tp_name);
		return NULL;
	}
	PyObject *bytes = PyUnicode_AsUTF8String(data);
	if (bytes)
		blank_declared_encoding(PyBytes_AS_STRING(bytes), (size_t)PyBytes_GET_SIZE(bytes));
	return bytes;
}

static PyObject *py_loads(PyObject *module, PyObject *args, PyObject *kwargs)
{
	(void)module;
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
	if (load_options(&options, lenient, max_input, max_text, max_elements) < 0 ||
	    !(bytes = document_bytes(data))) {
		Py_XDECREF(name);
		return NULL;
	}
	cispref_referential *ref;
	cispref_error error;
	int rc = cispref_referential_load_memory(
		&ref, PyBytes_AS_STRING(bytes), (size_t)PyBytes_GET_SIZE(bytes),
		name ? PyBytes_AS_STRING(name) : NULL, &options, &error);
	Py_DECREF(bytes);
	Py_XDECREF(name);
	return rc ? raise_error(&error) : wrap_referential(ref);
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

static struct PyModuleDef module_def = {
	PyModuleDef_HEAD_INIT, "cispref",
	"Competence referentials of the CISP sector (Walloon socio-professional integration)\n"
	"as typed, read-only Python objects: load, navigate, search, validate, export.\n"
	"A str argument holding a NUL character raises ValueError; file names may be str,\n"
	"bytes or os.PathLike and come back as os.fsdecode() gives them.",
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
		"'xml-error', 'format-error', 'io-error', 'rule-violation').",
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
