/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The cispref Python module: loading functions, the module object and its state. */
#include <string.h>

#include "cispref_py.h"

/* The bytes of a binary file object @file, read to its end, and its name (a new
 * reference, or NULL when it has none that is a file name). At most one byte more than
 * @r's reader allows is read: that is enough for the library to refuse the input. */
static PyObject *read_file_object(PyObject *file, const load_request *r, PyObject **name)
{
	*name = NULL;
	size_t max = r->max_input_size;
	PyObject *data = max && max < (size_t)PY_SSIZE_T_MAX
		? PyObject_CallMethod(file, "read", "n", (Py_ssize_t)max + 1)
		: PyObject_CallMethod(file, "read", NULL);
	if (!data)
		return NULL;
	if (!PyBytes_Check(data)) {
		PyObject *type = type_name(data);
		if (type)
			PyErr_Format(PyExc_TypeError, "load() reads binary files: read() gave %.100U, "
			             "not bytes (open the file with 'rb')", type);
		Py_XDECREF(type);
		Py_DECREF(data);
		return NULL;
	}
	/* a name that is not a file name (an int for a descriptor, none for BytesIO) is
	 * left out: errors then call the input "<memory>" */
	PyObject *attr = PyObject_GetAttrString(file, "name");
	if (!attr)
		PyErr_Clear();
	else if ((PyUnicode_Check(attr) || PyBytes_Check(attr)) && !PyUnicode_FSConverter(attr, name))
		PyErr_Clear();
	Py_XDECREF(attr);
	return data;
}

static PyObject *load_path(module_state *state, PyObject *source, const load_request *r)
{
	PyObject *path;
	if (!PyUnicode_FSConverter(source, &path))
		return NULL;
	const char *file = PyBytes_AsString(path);
	PyObject *ref = file ? load_request_run(state, r, file, NULL, 0, NULL) : NULL;
	Py_DECREF(path);
	return ref;
}

static PyObject *load_file_object(module_state *state, PyObject *file, const load_request *r)
{
	PyObject *name;
	PyObject *data = read_file_object(file, r, &name);
	if (!data)
		return NULL;
	char *doc;
	Py_ssize_t size;
	PyObject *ref = NULL;
	/* both bytes objects are ours and immutable while the GIL is released */
	if (PyBytes_AsStringAndSize(data, &doc, &size) == 0)
		ref = load_request_run(state, r, NULL, doc, (size_t)size,
		                       name ? PyBytes_AsString(name) : NULL);
	Py_DECREF(data);
	Py_XDECREF(name);
	return ref;
}

/* The keywords that load() and loads() share, after their own first arguments, all
 * keyword-only (load_keywords). */
#define LOAD_KEYWORDS "format", "lenient", "max_input_size", "max_text_length", \
	"max_elements", "depths", "encoding", "delimiter", "foreign", "diagnostics"
#define LOAD_FORMAT "$OpOOOOOOpO"

static PyObject *py_load(PyObject *module, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"source", LOAD_KEYWORDS, NULL};
	PyObject *source;
	load_keywords k = {0};
	load_request r;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|" LOAD_FORMAT ":load", keywords,
	                                 &source, &k.format, &k.lenient, &k.max_input_size,
	                                 &k.max_text_length, &k.max_elements, &k.depths,
	                                 &k.encoding, &k.delimiter, &k.foreign, &k.diagnostics) ||
	    load_request_init(&r, &k) < 0)
		return NULL;
	module_state *state = PyModule_GetState(module);
	/* a file name (str, bytes, os.PathLike), else anything with read() */
	int is_path = PyUnicode_Check(source) || PyBytes_Check(source) ||
	              PyObject_HasAttrString(source, "__fspath__");
	if (is_path || !PyObject_HasAttrString(source, "read"))
		return load_path(state, source, &r);
	return load_file_object(state, source, &r);
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

/* The bytes to load for @data: bytes as they are (they follow their own declaration, or
 * encoding=), a str as UTF-8. A str is text already: the encoding its XML declaration
 * names is how it was once stored, not what it is now, so the declaration loses it (as
 * xml.etree reads a str); XML without one is UTF-8. For the same reason a str refuses
 * encoding=. A new reference, or NULL with an exception. */
static PyObject *document_bytes(PyObject *data, const load_request *r)
{
	if (PyBytes_Check(data))
		return Py_NewRef(data);
	if (!PyUnicode_Check(data)) {
		PyObject *name = type_name(data);
		if (name) {
			PyErr_Format(PyExc_TypeError, "expected bytes or str, not %.100U", name);
			Py_DECREF(name);
		}
		return NULL;
	}
	if (r->reader == READER_MOODLE && r->moodle.encoding)
		return set_value_error("encoding= is for bytes: a str is text already");
	PyObject *bytes = PyUnicode_AsUTF8String(data);
	char *doc;
	Py_ssize_t size;
	if (bytes && r->reader == READER_XML && PyBytes_AsStringAndSize(bytes, &doc, &size) == 0)
		blank_declared_encoding(doc, (size_t)size);
	return bytes;
}

static PyObject *py_loads(PyObject *module, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"data", "name", LOAD_KEYWORDS, NULL};
	PyObject *data, *name = NULL;
	load_keywords k = {0};
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O&" LOAD_FORMAT ":loads", keywords, &data,
	                                 optional_path, &name, &k.format, &k.lenient,
	                                 &k.max_input_size, &k.max_text_length, &k.max_elements,
	                                 &k.depths, &k.encoding, &k.delimiter, &k.foreign,
	                                 &k.diagnostics))
		return NULL;
	load_request r;
	PyObject *bytes = NULL;
	char *doc, *source = NULL;
	Py_ssize_t size;
	if (load_request_init(&r, &k) < 0 || !(bytes = document_bytes(data, &r)) ||
	    PyBytes_AsStringAndSize(bytes, &doc, &size) < 0 ||
	    (name && !(source = PyBytes_AsString(name)))) {
		Py_XDECREF(bytes);
		Py_XDECREF(name);
		return NULL;
	}
	/* both bytes objects are ours and immutable while the GIL is released */
	PyObject *ref = load_request_run(PyModule_GetState(module), &r, NULL, doc, (size_t)size,
	                                 source);
	Py_DECREF(bytes);
	Py_XDECREF(name);
	return ref;
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

static PyObject *py_load_positioning(PyObject *module, PyObject *args)
{
	PyObject *path;
	if (!PyArg_ParseTuple(args, "O&:load_positioning", PyUnicode_FSConverter, &path))
		return NULL;
	PyObject *pos = load_positioning(PyModule_GetState(module), PyBytes_AsString(path), NULL,
	                                 0, NULL);
	Py_DECREF(path);
	return pos;
}

static PyObject *py_loads_positioning(PyObject *module, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"data", "name", NULL};
	PyObject *data, *name = NULL;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O&:loads_positioning", keywords, &data,
	                                 optional_path, &name))
		return NULL;
	const load_request xml = {.reader = READER_XML};
	PyObject *bytes = document_bytes(data, &xml);
	char *doc, *source = NULL;
	Py_ssize_t size;
	if (!bytes || PyBytes_AsStringAndSize(bytes, &doc, &size) < 0 ||
	    (name && !(source = PyBytes_AsString(name)))) {
		Py_XDECREF(bytes);
		Py_XDECREF(name);
		return NULL;
	}
	/* both bytes objects are ours and immutable while the GIL is released */
	PyObject *pos = load_positioning(PyModule_GetState(module), NULL, doc, (size_t)size,
	                                 source);
	Py_DECREF(bytes);
	Py_XDECREF(name);
	return pos;
}

static PyObject *py_diff(PyObject *module, PyObject *args, PyObject *kwargs)
{
	static char *keywords[] = {"old", "new", NULL};
	module_state *state = PyModule_GetState(module);
	PyObject *old_obj, *new_obj;
	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!:diff", keywords,
	                                 state->referential_type, &old_obj,
	                                 state->referential_type, &new_obj))
		return NULL;
	const cispref_referential *a = ((ReferentialObject *)old_obj)->ref;
	const cispref_referential *b = ((ReferentialObject *)new_obj)->ref;
	cispref_diff *diff;
	cispref_error error;
	/* Both referentials stay alive (the arguments hold them) and are never changed. */
	PyThreadState *thread = PyEval_SaveThread();
	int rc = cispref_diff_new(&diff, a, b, &error);
	PyEval_RestoreThread(thread);
	if (rc)
		return raise_error(state, &error);
	PyObject *out = changes_to_list(state, diff);
	cispref_diff_free(diff);
	return out;
}

static PyMethodDef module_methods[] = {
	{"load_positioning", py_load_positioning, METH_VARARGS,
	 "load_positioning(path, /)\n--\n\n"
	 "Load a team's positioning document (-> Positioning) from path (str, bytes or\n"
	 "os.PathLike). Raises cispref.FileError or cispref.ParseError as load() does."},
	{"loads_positioning", (PyCFunction)(void (*)(void))py_loads_positioning,
	 METH_VARARGS | METH_KEYWORDS,
	 "loads_positioning(data, name=None)\n--\n\n"
	 "Load a team's positioning document (-> Positioning) from bytes or str, read as\n"
	 "loads() reads XML (a str whatever encoding its declaration names). name (a file\n"
	 "name: str, bytes or os.PathLike) is how errors call the input. Raises\n"
	 "cispref.ParseError as load() does."},
	{"load", (PyCFunction)(void (*)(void))py_load, METH_VARARGS | METH_KEYWORDS,
	 "load(source, *, format='xml', lenient=False, max_input_size=None,\n"
	 "     max_text_length=None, max_elements=None, depths=None, encoding=None,\n"
	 "     delimiter=None, foreign=False, diagnostics=None)\n--\n\n"
	 "Load a referential (-> Referential). source is a file name (str, bytes or\n"
	 "os.PathLike) or a binary file object (open(..., 'rb'), io.BytesIO), read to its\n"
	 "end from where it stands and not closed. format is 'xml' (cispref XML), 'moodle'\n"
	 "(a Moodle competency framework CSV) or 'case' (a 1EdTech CASE 1.1 package);\n"
	 "doc/interchange.md says how the last two map onto the model.\n\n"
	 "Raises cispref.FileError (an OSError, with errno) when the file cannot be read,\n"
	 "cispref.ParseError when it is not a referential this library reads (tag\n"
	 "'xml-error', 'format-error', 'unsupported-version' or 'limit-exceeded'), and\n"
	 "cispref.RuleError when it breaks a rule of the validator (rule: the rule's tag,\n"
	 "such as 'duplicate-id'); each is a cispref.Error with file, line and column.\n"
	 "With lenient=True, a referential that breaks validator rules is kept for\n"
	 "validate().\n\n"
	 "An import ('moodle', 'case') reports what it repaired or dropped (a row Moodle\n"
	 "would drop: 'moodle-parent-unknown'...), then what the validator finds in the\n"
	 "result, each with the line of the input. The first of severity error raises\n"
	 "cispref.RuleError (rule: its tag), unless lenient=True keeps the referential.\n"
	 "diagnostics, a list, receives every finding (Diagnostic records), appended in\n"
	 "order, also when RuleError is raised.\n\n"
	 "Import options: depths, the role of each depth of a foreign framework among\n"
	 "'domain', 'plan', 'competence', 'item', comma-joined in this order (default\n"
	 "'domain,plan,competence,item'); foreign=True maps by depth even a file cispref\n"
	 "wrote; for 'moodle' only, encoding (as iconv names it; default UTF-8) and\n"
	 "delimiter (',' ';' ':' or '\\t'; default: detected). A keyword that does not\n"
	 "apply to the format raises ValueError.\n\n"
	 "The max_* limits replace the library's defaults; None keeps a default and 0\n"
	 "lifts the limit (0 means 'no limit' here as in search() and the command line).\n"
	 "max_input_size is in bytes; max_text_length in bytes of one text ('xml') or one\n"
	 "cell ('moodle'); max_elements counts XML elements, CSV rows ('moodle') or JSON\n"
	 "values ('case')."},
	{"loads", (PyCFunction)(void (*)(void))py_loads, METH_VARARGS | METH_KEYWORDS,
	 "loads(data, name=None, *, format='xml', lenient=False, max_input_size=None,\n"
	 "      max_text_length=None, max_elements=None, depths=None, encoding=None,\n"
	 "      delimiter=None, foreign=False, diagnostics=None)\n--\n\n"
	 "Load a referential (-> Referential) from bytes or str. Bytes of XML follow the\n"
	 "encoding their XML declaration names, bytes of CSV the encoding= given (UTF-8\n"
	 "by default); a str is text already and is read as such whatever encoding its\n"
	 "declaration names (as xml.etree does), and refuses encoding=. name (a file name:\n"
	 "str, bytes or os.PathLike) is how errors and diagnostics call the input. Formats,\n"
	 "errors and options as for load()."},
	{"default", py_default, METH_NOARGS,
	 "default()\n--\n\n"
	 "The referential embedded in the library (-> Referential): the \"Référentiel de\n"
	 "compétences de l'accompagnement en CISP\" (Les cahiers de l'Interfédé n°24,\n"
	 "2020). Each call returns a new, independent Referential."},
	{"diff", (PyCFunction)(void (*)(void))py_diff, METH_VARARGS | METH_KEYWORDS,
	 "diff(old, new)\n--\n\n"
	 "What changed from the Referential old to the Referential new (-> list[Change]):\n"
	 "nodes matched by id; metadata changes, then the changes of each node in the\n"
	 "document order of new, then the nodes removed, in the order of old. Each Change\n"
	 "has kind, node, old_id, new_id, domain, field, old, new, similarity and words;\n"
	 "doc/diff.md gives the rules ('probably renamed', moves, the word diff). An empty\n"
	 "list means the two hold the same content (old == new). Raises cispref.RuleError\n"
	 "(rule 'duplicate-id') for a referential loaded leniently with duplicate ids."},
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
	Py_VISIT(state->positioning_type);
	Py_VISIT(state->change_type);
	Py_VISIT(state->error);
	Py_VISIT(state->file_error);
	Py_VISIT(state->parse_error);
	Py_VISIT(state->rule_error);
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
	Py_CLEAR(state->positioning_type);
	Py_CLEAR(state->change_type);
	Py_CLEAR(state->error);
	Py_CLEAR(state->file_error);
	Py_CLEAR(state->parse_error);
	Py_CLEAR(state->rule_error);
	return 0;
}

static void module_free(void *module)
{
	module_clear((PyObject *)module);
}

/* Class attributes: what an Error raised by Python code (without the library's
 * details) answers; its tag is the library's name for a code it does not know. */
static PyObject *error_defaults(void)
{
	return Py_BuildValue("{s:O,s:i,s:i,s:s,s:O}", "file", Py_None, "line", 0, "column", 0,
	                     "tag", cispref_status_tag(CISPREF_OK - 1000), "rule", Py_None);
}

/* str() of a cispref.Error: "file:line:column: message" as the command line prints an
 * error (tools/cli.c), each part only when known, else the message alone (args[0],
 * BaseException's str()). */
static PyObject *error_str(PyObject *self)
{
	PyObject *args = PyObject_GetAttrString(self, "args");
	if (!args)
		return NULL;
	PyObject *message = PyTuple_Check(args) && PyTuple_Size(args) == 1
	                            ? PyObject_Str(PyTuple_GetItem(args, 0))
	                            : PyObject_Str(args);
	Py_DECREF(args);
	PyObject *file = message ? PyObject_GetAttrString(self, "file") : NULL;
	PyObject *line = file ? PyObject_GetAttrString(self, "line") : NULL;
	PyObject *column = line ? PyObject_GetAttrString(self, "column") : NULL;
	PyObject *result = NULL;
	if (column) {
		int has_file = file != Py_None && PyObject_IsTrue(file) == 1;
		int has_line = PyObject_IsTrue(line) == 1;
		int has_column = has_line && PyObject_IsTrue(column) == 1;
		if (!has_file && !has_line)
			result = Py_NewRef(message);
		else if (!has_line)
			result = PyUnicode_FromFormat("%S: %S", file, message);
		else if (!has_file)
			result = has_column ? PyUnicode_FromFormat("%S:%S: %S", line, column, message)
			                    : PyUnicode_FromFormat("%S: %S", line, message);
		else
			result = has_column
			                 ? PyUnicode_FromFormat("%S:%S:%S: %S", file, line, column, message)
			                 : PyUnicode_FromFormat("%S:%S: %S", file, line, message);
	}
	Py_XDECREF(message);
	Py_XDECREF(file);
	Py_XDECREF(line);
	Py_XDECREF(column);
	return result;
}

/* cispref.Error, a heap type of its own so that it has its own str() (error_str()),
 * with @defaults as class attributes. */
static PyObject *new_error(PyObject *module, PyObject *defaults)
{
	static PyType_Slot slots[] = {
		{Py_tp_str, (void *)error_str},
		{Py_tp_doc,
		 (void *)"A referential could not be loaded, saved, exported or rendered. Attributes:\n"
		         "file (None when unknown), line, column (1-based, 0 when unknown), tag (the\n"
		         "status: 'io-error', 'xml-error', 'format-error', 'unsupported-version',\n"
		         "'limit-exceeded', 'rule-violation', ...) and rule (for a RuleError, the\n"
		         "validator rule's tag, such as 'duplicate-id'; else None). args[0] is the\n"
		         "library's message; str() puts the place before it when one is known, as\n"
		         "the command line does: 'file:line:column: message' ('file: message'\n"
		         "without a line, the column only when known); a FileError's str() is the\n"
		         "message alone, which names the file."},
		{0, NULL},
	};
	static PyType_Spec spec = {"cispref.Error", 0, 0,
	                           Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, slots};
	PyObject *type = PyType_FromModuleAndSpec(module, &spec, PyExc_Exception);
	PyObject *key, *value;
	Py_ssize_t at = 0;
	while (type && PyDict_Next(defaults, &at, &key, &value))
		if (PyObject_SetAttr(type, key, value) < 0)
			Py_CLEAR(type);
	return type;
}

/* cispref.FileError: a cispref.Error and an OSError. Its str() is the library's message
 * (BaseException's), not OSError's "[Errno 2] ...", which would say less: errno,
 * strerror and filename are set as attributes after it is made. */
static PyObject *new_file_error(PyObject *error)
{
	PyObject *bases = PyTuple_Pack(2, error, PyExc_OSError);
	PyObject *dict = PyDict_New();
	PyObject *str = PyObject_GetAttrString(PyExc_BaseException, "__str__");
	PyObject *type = NULL;
	if (bases && dict && str && PyDict_SetItemString(dict, "__str__", str) == 0)
		type = PyErr_NewExceptionWithDoc(
			"cispref.FileError",
			"A file could not be read or written: a cispref.Error that is also an\n"
			"OSError, with errno (None when no system call failed, as for a refused\n"
			"device), strerror and filename.",
			bases, dict);
	Py_XDECREF(bases);
	Py_XDECREF(dict);
	Py_XDECREF(str);
	return type;
}

static int add_exception(PyObject *module, const char *name, PyObject *type)
{
	return type ? PyModule_AddObjectRef(module, name, type) : -1;
}

/* cispref.Error and its subclasses, one set per module object. */
static int exceptions_add(PyObject *module, module_state *state)
{
	PyObject *defaults = error_defaults();
	if (!defaults)
		return -1;
	state->error = new_error(module, defaults);
	Py_DECREF(defaults);
	if (add_exception(module, "Error", state->error) < 0)
		return -1;
	state->file_error = new_file_error(state->error);
	state->parse_error = PyErr_NewExceptionWithDoc(
		"cispref.ParseError",
		"The input is not a referential this library reads: not well-formed XML, not\n"
		"the cispref format, an unsupported format version, or beyond a limit.",
		state->error, NULL);
	state->rule_error = PyErr_NewExceptionWithDoc(
		"cispref.RuleError",
		"A strict load refused a referential that breaks a validator rule: rule is\n"
		"the rule's tag ('duplicate-id', ...), line and column where it is broken.\n"
		"load(..., lenient=True) keeps such a referential for validate().",
		state->error, NULL);
	if (add_exception(module, "FileError", state->file_error) < 0 ||
	    add_exception(module, "ParseError", state->parse_error) < 0 ||
	    add_exception(module, "RuleError", state->rule_error) < 0)
		return -1;
	return 0;
}

/* Fill a new module object: each one gets its own types and exceptions (the state starts
 * zeroed, and module_clear releases whatever was made when a step fails). */
static int module_exec(PyObject *module)
{
	module_state *state = PyModule_GetState(module);
	if (exceptions_add(module, state) < 0 ||
	    referential_type_add(module, state) < 0 || nodelist_type_add(module, state) < 0 ||
	    node_types_add(module, state) < 0 || record_types_add(module, state) < 0 ||
	    positioning_type_add(module, state) < 0 ||
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
	.m_name = "cispref._cispref",
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
PyMODINIT_FUNC PyInit__cispref(void)
{
	return PyModuleDef_Init(&module_def);
}
