/* The loader's limits: input size, number of elements, text and attribute length, each
 * refused with CISPREF_ELIMIT and a message naming it, and each raised or lifted through
 * cispref_load_options. */
#include <fcntl.h>
#include <unistd.h>

#include "test_util.h"

#define HEAD                                                                               \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                     \
	"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"mini\" "   \
	"version=\"1\" xml:lang=\"fr\">\n"                                                   \
	"  <title>Mini</title>\n"                                                            \
	"<domain id=\"d\" kind=\"core\"><title>D</title><plan id=\"p\" kind=\"individual\">"  \
	"<title>P</title><competence id=\"c\"><title>C</title><savoir id=\"s\">"
#define TAIL "</savoir></competence></plan></domain>\n</referential>\n"

/* A valid document whose one item holds @n letters. */
static char *document(size_t n, size_t *size)
{
	size_t head = strlen(HEAD), tail = strlen(TAIL);
	char *doc = malloc(head + n + tail + 1);
	assert_non_null(doc);
	memcpy(doc, HEAD, head);
	memset(doc + head, 'a', n);
	memcpy(doc + head + n, TAIL, tail + 1);
	*size = head + n + tail;
	return doc;
}

static int load(const char *doc, size_t size, const cispref_load_options *options,
                cispref_error *error)
{
	cispref_referential *ref = NULL;
	memset(error, 0, sizeof *error);
	int rc = cispref_referential_load_memory_with_options(&ref, doc, size, "limits.xml",
	                                                      options, error);
	assert_true((rc == CISPREF_OK) == (ref != NULL));
	cispref_referential_free(ref);
	return rc;
}

static void test_defaults(void **state)
{
	(void)state;
	cispref_load_options defaults = CISPREF_LOAD_OPTIONS_INIT;
	assert_int_equal(defaults.max_input_size, CISPREF_DEFAULT_MAX_INPUT_SIZE);
	assert_int_equal(defaults.max_text_length, CISPREF_MAX_TEXT_LENGTH);
	assert_int_equal(defaults.max_elements, CISPREF_DEFAULT_MAX_ELEMENTS);
	assert_int_equal(defaults.flags, CISPREF_LOAD_DEFAULT);
	size_t size;
	char *doc = document(10, &size);
	cispref_error error;
	assert_int_equal(load(doc, size, NULL, &error), CISPREF_OK);
	assert_int_equal(load(doc, size, &defaults, &error), CISPREF_OK);
	cispref_load_options future = defaults;
	future.version = CISPREF_LOAD_OPTIONS_VERSION + 1;
	assert_int_equal(load(doc, size, &future, &error), CISPREF_EINVAL);
	assert_non_null(strstr(error.text, "load options of version"));
	free(doc);
}

static void test_input_size(void **state)
{
	(void)state;
	size_t size;
	char *doc = document(10, &size);
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	cispref_error error;
	options.max_input_size = size - 1;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_ELIMIT);
	char expected[64];
	snprintf(expected, sizeof expected, "the input is larger than %zu bytes", size - 1);
	assert_string_equal(error.text, expected);
	assert_string_equal(error.source, "limits.xml");
	options.max_input_size = size;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	options.max_input_size = 0;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	free(doc);
}

static void test_elements(void **state)
{
	(void)state;
	size_t size;
	char *doc = document(10, &size);
	/* referential, title, domain, title, plan, title, competence, title, savoir: 9 */
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	cispref_error error;
	options.max_elements = 8;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_ELIMIT);
	assert_string_equal(error.text, "the document has more than 8 elements");
	assert_int_equal(error.line, 4);
	options.max_elements = 9;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	options.max_elements = 0;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	free(doc);
}

static void test_text_length(void **state)
{
	(void)state;
	size_t size;
	char *doc = document(100, &size);
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	cispref_error error;
	options.max_text_length = 99;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_ELIMIT);
	assert_string_equal(error.text, "the text of element 'savoir' is longer than 99 bytes");
	options.max_text_length = 100;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	free(doc);

	/* attribute values count against the same limit: the root's id is "mini" */
	doc = document(1, &size);
	options.max_text_length = 3;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_ELIMIT);
	assert_string_equal(error.text, "attribute 'id' is longer than 3 bytes");
	free(doc);
}

/* Beyond the default limit, and beyond libxml2's own 10 MB limit on a text node, once the
 * caller raises or lifts the limit. */
static void test_raised_text_limit(void **state)
{
	(void)state;
	size_t size;
	char *doc = document(12 * 1000 * 1000, &size);
	cispref_error error;
	assert_int_equal(load(doc, size, NULL, &error), CISPREF_ELIMIT);
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.max_text_length = 16 * 1000 * 1000;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	options.max_text_length = 0;
	assert_int_equal(load(doc, size, &options, &error), CISPREF_OK);
	free(doc);
}

/* The file, descriptor and stream entry points take the same options. */
static void test_every_entry_point(void **state)
{
	(void)state;
	size_t size;
	char *doc = document(50, &size);
	char *dir = make_temp_dir();
	assert_non_null(dir);
	char path[4200];
	snprintf(path, sizeof path, "%s/limits.xml", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(doc, 1, size, f), size);
	fclose(f);

	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.max_text_length = 49;
	cispref_referential *ref = NULL;
	cispref_error error;
	assert_int_equal(cispref_referential_load_file_with_options(&ref, path, &options, &error),
	                 CISPREF_ELIMIT);
	assert_string_equal(error.source, path);
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(cispref_referential_load_fd_with_options(&ref, fd, NULL, &options, &error),
	                 CISPREF_ELIMIT);
	close(fd);
	f = fopen(path, "rb");
	assert_int_equal(cispref_referential_load_stream_with_options(&ref, f, "s", &options, &error),
	                 CISPREF_ELIMIT);
	fclose(f);
	assert_null(ref);

	options.max_text_length = 50;
	options.flags = CISPREF_LOAD_LENIENT;
	assert_int_equal(cispref_referential_load_file_with_options(&ref, path, &options, NULL),
	                 CISPREF_OK);
	cispref_referential_free(ref);
	assert_int_equal(cispref_referential_load_file_with_options(NULL, path, &options, &error),
	                 CISPREF_EINVAL);
	assert_int_equal(cispref_referential_load_fd_with_options(&ref, -1, NULL, NULL, &error),
	                 CISPREF_EINVAL);
	assert_int_equal(cispref_referential_load_stream_with_options(&ref, NULL, NULL, NULL, &error),
	                 CISPREF_EINVAL);
	unlink(path);
	rmdir(dir);
	free(dir);
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_input_size),
		cmocka_unit_test(test_elements),
		cmocka_unit_test(test_text_length),
		cmocka_unit_test(test_raised_text_limit),
		cmocka_unit_test(test_every_entry_point),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
