/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* API misuse: every public function called with NULL and out-of-range arguments, and
 * with handles of another referential. Each call must return an error code (and fill the
 * error record when it takes one) or the neutral value its header documents, change
 * nothing, and never crash. tests/abi/check-misuse-coverage.py fails when a function
 * declared in the public headers is not called here. */
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include "test_util.h"

/* A kind value out of range in both directions, as callers may compute them. */
#define BAD_KIND 99
#define NEGATIVE_KIND (-1)

/* A function taking a cispref_error failed with @code and said so in the record: the
 * code, and a NUL-terminated text that is not empty. @call names the record ERR. */
#define ERR (&error_)
#define assert_fails(want, call) \
	do { \
		cispref_error error_; \
		memset(&error_, 0, sizeof error_); \
		error_.code = 12345; \
		int rc_ = (call); \
		assert_int_equal(rc_, (want)); \
		assert_int_equal(error_.code, (want)); \
		assert_non_null(memchr(error_.text, '\0', sizeof error_.text)); \
		assert_true(error_.text[0] != '\0'); \
	} while (0)

typedef struct world {
	cispref_referential *ref;   /* the embedded referential, read-only */
	cispref_index *index;       /* its index */
	cispref_referential *built; /* a small referential, edited by the builder tests */
	cispref_domain *domain;
	cispref_summary_entry *entry;
	cispref_plan *plan;
	cispref_competence *competence;
	cispref_item *item;
	cispref_concept *concept;
	cispref_note *note;
	char *tmp;                  /* a scratch directory */
} world;

static int setup(void **state)
{
	world *f = calloc(1, sizeof *f);
	if (!f || cispref_referential_load_default(&f->ref, NULL) != CISPREF_OK ||
	    cispref_index_new(&f->index, f->ref) != CISPREF_OK ||
	    cispref_referential_new(&f->built, "b", "Built") != CISPREF_OK ||
	    cispref_referential_add_domain(&f->domain, f->built, "b.d", CISPREF_DOMAIN_CORE,
	                                   "Domain") != CISPREF_OK ||
	    cispref_domain_add_plan(&f->plan, f->domain, "b.d.p", CISPREF_PLAN_INDIVIDUAL,
	                            "Plan") != CISPREF_OK ||
	    cispref_plan_add_competence(&f->competence, f->plan, "b.d.p.c", "Competence") !=
	            CISPREF_OK ||
	    cispref_referential_add_concept(&f->concept, f->built, "b.k", CISPREF_ITEM_SAVOIR,
	                                    "Concept") != CISPREF_OK ||
	    cispref_competence_add_item(&f->item, f->competence, "b.d.p.c.s",
	                                CISPREF_ITEM_SAVOIR, "Savoir") != CISPREF_OK ||
	    cispref_item_set_concept(f->item, f->concept) != CISPREF_OK ||
	    cispref_referential_add_note(&f->note, f->built, "b.n", "1", "Note") != CISPREF_OK ||
	    cispref_competence_add_note(f->competence, f->note) != CISPREF_OK ||
	    cispref_domain_add_summary_entry(&f->entry, f->domain, "b.d.e",
	                                     CISPREF_PLAN_INDIVIDUAL, "Competence",
	                                     f->competence) != CISPREF_OK ||
	    !(f->tmp = make_temp_dir()))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	world *f = *state;
	cispref_index_free(f->index);
	cispref_referential_free(f->ref);
	cispref_referential_free(f->built);
	if (f->tmp) {
		rmdir(f->tmp);
		free(f->tmp);
	}
	free(f);
	return 0;
}

/* The built referential as XML, to show that failed edits changed nothing. */
static char *snapshot(const cispref_referential *ref)
{
	char *xml = NULL;
	assert_int_equal(cispref_export_buffer(&xml, NULL, ref, CISPREF_FORMAT_XML, NULL),
	                 CISPREF_OK);
	return xml;
}

/* ---- common, version, names ---------------------------------------------------- */

static void test_common(void **state)
{
	(void)state;
	assert_string_equal(cispref_status_tag(CISPREF_OK), "ok");
	assert_string_equal(cispref_status_tag(1), "unknown-error");
	assert_string_equal(cispref_status_tag(-1000), "unknown-error");
	assert_string_equal(cispref_status_tag(INT_MIN), "unknown-error");
	cispref_buffer_free(NULL);
	assert_non_null(cispref_version());
}

static void test_names(void **state)
{
	(void)state;
	cispref_domain_kind_t dk = CISPREF_DOMAIN_TRANSVERSAL;
	cispref_plan_kind_t pk = CISPREF_PLAN_JOINT;
	cispref_item_kind_t ik = CISPREF_ITEM_SAVOIR;
	cispref_format_t format = CISPREF_FORMAT_JSON;
	cispref_render_format_t rf = CISPREF_RENDER_MARKDOWN;
	cispref_inclusive_style_t style = CISPREF_INCLUSIVE_SOURCE;

	assert_null(cispref_domain_kind_name((cispref_domain_kind_t)BAD_KIND));
	assert_null(cispref_domain_kind_name((cispref_domain_kind_t)NEGATIVE_KIND));
	assert_int_equal(cispref_domain_kind_from_name(NULL, "core"), CISPREF_EARG);
	assert_int_equal(cispref_domain_kind_from_name(&dk, NULL), CISPREF_EARG);
	assert_int_equal(cispref_domain_kind_from_name(&dk, "Core"), CISPREF_EARG);
	assert_int_equal(cispref_domain_kind_from_name(&dk, ""), CISPREF_EARG);

	assert_null(cispref_plan_kind_name((cispref_plan_kind_t)BAD_KIND));
	assert_null(cispref_plan_kind_name((cispref_plan_kind_t)NEGATIVE_KIND));
	assert_int_equal(cispref_plan_kind_from_name(NULL, "joint"), CISPREF_EARG);
	assert_int_equal(cispref_plan_kind_from_name(&pk, NULL), CISPREF_EARG);
	assert_int_equal(cispref_plan_kind_from_name(&pk, "jointx"), CISPREF_EARG);

	assert_null(cispref_item_kind_name((cispref_item_kind_t)BAD_KIND));
	assert_null(cispref_item_kind_name((cispref_item_kind_t)NEGATIVE_KIND));
	assert_int_equal(cispref_item_kind_from_name(NULL, "savoir"), CISPREF_EARG);
	assert_int_equal(cispref_item_kind_from_name(&ik, NULL), CISPREF_EARG);
	assert_int_equal(cispref_item_kind_from_name(&ik, "savoirs"), CISPREF_EARG);

	assert_null(cispref_source_field_name((cispref_source_field_t)CISPREF_SOURCE_FIELD_COUNT));
	assert_null(cispref_source_field_name((cispref_source_field_t)NEGATIVE_KIND));

	assert_null(cispref_format_name((cispref_format_t)BAD_KIND));
	assert_null(cispref_format_name((cispref_format_t)NEGATIVE_KIND));
	assert_int_equal(cispref_format_from_name(NULL, "xml"), CISPREF_EARG);
	assert_int_equal(cispref_format_from_name(&format, NULL), CISPREF_EARG);
	assert_int_equal(cispref_format_from_name(&format, "yaml"), CISPREF_EARG);
	assert_int_equal(cispref_format_count(), CISPREF_FORMAT_PO + 1);
	assert_null(cispref_format_extension((cispref_format_t)BAD_KIND));
	assert_null(cispref_format_media_type((cispref_format_t)NEGATIVE_KIND));
	assert_null(cispref_format_description((cispref_format_t)BAD_KIND));
	assert_int_equal(cispref_format_from_path(NULL, "x.xml"), CISPREF_EARG);
	assert_int_equal(cispref_format_from_path(&format, NULL), CISPREF_EARG);

	assert_null(cispref_render_format_name((cispref_render_format_t)BAD_KIND));
	assert_null(cispref_render_format_name((cispref_render_format_t)NEGATIVE_KIND));
	assert_int_equal(cispref_render_format_from_name(NULL, "html"), CISPREF_EARG);
	assert_int_equal(cispref_render_format_from_name(&rf, NULL), CISPREF_EARG);
	assert_int_equal(cispref_render_format_from_name(&rf, "pdf"), CISPREF_EARG);
	assert_int_equal(cispref_render_format_count(), CISPREF_RENDER_MARKDOWN + 1);
	assert_null(cispref_render_format_extension((cispref_render_format_t)BAD_KIND));
	assert_null(cispref_render_format_media_type((cispref_render_format_t)NEGATIVE_KIND));
	assert_null(cispref_render_format_description((cispref_render_format_t)BAD_KIND));
	assert_int_equal(cispref_render_format_from_path(NULL, "x.md"), CISPREF_EARG);
	assert_int_equal(cispref_render_format_from_path(&rf, NULL), CISPREF_EARG);

	assert_null(cispref_inclusive_style_name((cispref_inclusive_style_t)BAD_KIND));
	assert_null(cispref_inclusive_style_name((cispref_inclusive_style_t)NEGATIVE_KIND));
	assert_int_equal(cispref_inclusive_style_from_name(NULL, "source"), CISPREF_EARG);
	assert_int_equal(cispref_inclusive_style_from_name(&style, NULL), CISPREF_EARG);
	assert_int_equal(cispref_inclusive_style_from_name(&style, "normalised"), CISPREF_EARG);
	assert_int_equal(cispref_inclusive_style_from_name(&style, "Source"), CISPREF_EARG);
	assert_int_equal(style, CISPREF_INCLUSIVE_SOURCE); /* untouched on failure */

	assert_null(cispref_node_type_name((cispref_node_type_t)BAD_KIND));
	assert_null(cispref_node_type_name((cispref_node_type_t)NEGATIVE_KIND));
	assert_null(cispref_hit_field_name((cispref_hit_field_t)BAD_KIND));
	assert_null(cispref_hit_field_name((cispref_hit_field_t)NEGATIVE_KIND));
	assert_null(cispref_severity_name((cispref_severity_t)BAD_KIND));
	assert_null(cispref_severity_name((cispref_severity_t)NEGATIVE_KIND));

	/* Failed parses leave the output alone. */
	assert_int_equal(dk, CISPREF_DOMAIN_TRANSVERSAL);
	assert_int_equal(pk, CISPREF_PLAN_JOINT);
	assert_int_equal(ik, CISPREF_ITEM_SAVOIR);
	assert_int_equal(format, CISPREF_FORMAT_JSON);
	assert_int_equal(rf, CISPREF_RENDER_MARKDOWN);
}

/* ---- model ---------------------------------------------------------------------- */

static void test_model_null(void **state)
{
	(void)state;
	assert_null(cispref_referential_id(NULL));
	assert_null(cispref_referential_title(NULL));
	assert_null(cispref_referential_version(NULL));
	assert_null(cispref_referential_language(NULL));
	assert_null(cispref_referential_source(NULL, CISPREF_SOURCE_PUBLISHER));
	assert_null(cispref_referential_origin(NULL));
	assert_int_equal(cispref_referential_domain_count(NULL), 0);
	assert_null(cispref_referential_domain(NULL, 0));
	assert_int_equal(cispref_referential_concept_count(NULL), 0);
	assert_null(cispref_referential_concept(NULL, 0));
	assert_int_equal(cispref_referential_note_count(NULL), 0);
	assert_null(cispref_referential_note(NULL, 0));
	assert_int_equal(cispref_referential_plan_total(NULL), 0);
	assert_int_equal(cispref_referential_competence_total(NULL), 0);
	assert_int_equal(cispref_referential_summary_total(NULL), 0);
	assert_int_equal(cispref_referential_item_total(NULL, CISPREF_ITEM_SAVOIR), 0);

	assert_null(cispref_referential_find_domain(NULL, "psy"));
	assert_null(cispref_referential_find_summary_entry(NULL, "x"));
	assert_null(cispref_referential_find_plan(NULL, "x"));
	assert_null(cispref_referential_find_competence(NULL, "x"));
	assert_null(cispref_referential_find_item(NULL, "x"));
	assert_null(cispref_referential_find_concept(NULL, "x"));
	assert_null(cispref_referential_find_note(NULL, "x"));

	assert_null(cispref_domain_id(NULL));
	assert_int_equal(cispref_domain_kind(NULL), CISPREF_DOMAIN_CORE);
	assert_null(cispref_domain_title(NULL));
	assert_null(cispref_domain_referential(NULL));
	assert_int_equal(cispref_domain_summary_count(NULL), 0);
	assert_null(cispref_domain_summary_entry(NULL, 0));
	assert_int_equal(cispref_domain_plan_count(NULL), 0);
	assert_null(cispref_domain_plan(NULL, 0));

	assert_null(cispref_summary_entry_id(NULL));
	assert_int_equal(cispref_summary_entry_plan_kind(NULL), CISPREF_PLAN_INDIVIDUAL);
	assert_null(cispref_summary_entry_text(NULL));
	assert_null(cispref_summary_entry_competence_id(NULL));
	assert_null(cispref_summary_entry_competence(NULL));
	assert_null(cispref_summary_entry_domain(NULL));

	assert_null(cispref_plan_id(NULL));
	assert_int_equal(cispref_plan_kind(NULL), CISPREF_PLAN_INDIVIDUAL);
	assert_null(cispref_plan_title(NULL));
	assert_null(cispref_plan_domain(NULL));
	assert_int_equal(cispref_plan_competence_count(NULL), 0);
	assert_null(cispref_plan_competence(NULL, 0));

	assert_null(cispref_competence_id(NULL));
	assert_null(cispref_competence_title(NULL));
	assert_null(cispref_competence_plan(NULL));
	assert_int_equal(cispref_competence_item_count(NULL, CISPREF_ITEM_SAVOIR), 0);
	assert_null(cispref_competence_item(NULL, CISPREF_ITEM_SAVOIR, 0));
	assert_int_equal(cispref_competence_note_count(NULL), 0);
	assert_null(cispref_competence_note_id(NULL, 0));
	assert_null(cispref_competence_note(NULL, 0));

	assert_null(cispref_item_id(NULL));
	assert_int_equal(cispref_item_kind(NULL), CISPREF_ITEM_SAVOIR_FAIRE);
	assert_null(cispref_item_text(NULL));
	assert_null(cispref_item_concept_id(NULL));
	assert_null(cispref_item_concept(NULL));
	assert_null(cispref_item_competence(NULL));

	assert_null(cispref_concept_id(NULL));
	assert_int_equal(cispref_concept_kind(NULL), CISPREF_ITEM_SAVOIR_FAIRE);
	assert_null(cispref_concept_label(NULL));
	assert_null(cispref_concept_referential(NULL));

	assert_null(cispref_note_id(NULL));
	assert_null(cispref_note_number(NULL));
	assert_null(cispref_note_text(NULL));
	assert_null(cispref_note_referential(NULL));

	assert_true(cispref_referential_equal(NULL, NULL));
	cispref_referential_free(NULL);
}

static void test_model_out_of_range(void **state)
{
	world *f = *state;
	const cispref_referential *ref = f->ref;
	size_t last = SIZE_MAX;

	assert_null(cispref_referential_source(ref, (cispref_source_field_t)CISPREF_SOURCE_FIELD_COUNT));
	assert_null(cispref_referential_source(ref, (cispref_source_field_t)NEGATIVE_KIND));
	assert_null(cispref_referential_domain(ref, cispref_referential_domain_count(ref)));
	assert_null(cispref_referential_domain(ref, last));
	assert_null(cispref_referential_concept(ref, cispref_referential_concept_count(ref)));
	assert_null(cispref_referential_concept(ref, last));
	assert_null(cispref_referential_note(ref, cispref_referential_note_count(ref)));
	assert_null(cispref_referential_note(ref, last));
	assert_int_equal(cispref_referential_item_total(ref, (cispref_item_kind_t)BAD_KIND), 0);
	assert_int_equal(cispref_referential_item_total(ref, (cispref_item_kind_t)NEGATIVE_KIND), 0);

	/* Lookups: NULL, empty, unknown, and an id of another type of node. */
	const char *plan_id = cispref_plan_id(cispref_domain_plan(cispref_referential_domain(ref, 0), 0));
	assert_non_null(plan_id);
	assert_null(cispref_referential_find_domain(ref, NULL));
	assert_null(cispref_referential_find_domain(ref, ""));
	assert_null(cispref_referential_find_domain(ref, plan_id));
	assert_null(cispref_referential_find_summary_entry(ref, NULL));
	assert_null(cispref_referential_find_summary_entry(ref, plan_id));
	assert_null(cispref_referential_find_plan(ref, NULL));
	assert_null(cispref_referential_find_plan(ref, "no.such.id"));
	assert_null(cispref_referential_find_competence(ref, NULL));
	assert_null(cispref_referential_find_competence(ref, plan_id));
	assert_null(cispref_referential_find_item(ref, NULL));
	assert_null(cispref_referential_find_item(ref, plan_id));
	assert_null(cispref_referential_find_concept(ref, NULL));
	assert_null(cispref_referential_find_concept(ref, plan_id));
	assert_null(cispref_referential_find_note(ref, NULL));
	assert_null(cispref_referential_find_note(ref, plan_id));

	const cispref_domain *domain = cispref_referential_domain(ref, 0);
	assert_null(cispref_domain_summary_entry(domain, cispref_domain_summary_count(domain)));
	assert_null(cispref_domain_summary_entry(domain, last));
	assert_null(cispref_domain_plan(domain, cispref_domain_plan_count(domain)));
	assert_null(cispref_domain_plan(domain, last));

	const cispref_plan *plan = cispref_domain_plan(domain, 0);
	assert_null(cispref_plan_competence(plan, cispref_plan_competence_count(plan)));
	assert_null(cispref_plan_competence(plan, last));

	const cispref_competence *comp = cispref_plan_competence(plan, 0);
	assert_non_null(comp);
	assert_int_equal(cispref_competence_item_count(comp, (cispref_item_kind_t)BAD_KIND), 0);
	assert_int_equal(cispref_competence_item_count(comp, (cispref_item_kind_t)NEGATIVE_KIND), 0);
	assert_null(cispref_competence_item(comp, (cispref_item_kind_t)BAD_KIND, 0));
	assert_null(cispref_competence_item(comp, (cispref_item_kind_t)NEGATIVE_KIND, 0));
	assert_null(cispref_competence_item(comp, CISPREF_ITEM_SAVOIR,
	                                    cispref_competence_item_count(comp, CISPREF_ITEM_SAVOIR)));
	assert_null(cispref_competence_item(comp, CISPREF_ITEM_SAVOIR, last));
	assert_null(cispref_competence_note_id(comp, cispref_competence_note_count(comp)));
	assert_null(cispref_competence_note_id(comp, last));
	assert_null(cispref_competence_note(comp, cispref_competence_note_count(comp)));
	assert_null(cispref_competence_note(comp, last));

	assert_false(cispref_referential_equal(ref, NULL));
	assert_false(cispref_referential_equal(NULL, ref));
	assert_false(cispref_referential_equal(ref, f->built));
}

/* ---- load ----------------------------------------------------------------------- */

static void test_load(void **state)
{
	world *f = *state;
	cispref_referential *const untouched = (cispref_referential *)f; /* any address that is not a referential */
	cispref_referential *ref = untouched;
	static const char xml[] = "<referential/>";

	assert_fails(CISPREF_EARG, cispref_referential_load_file(NULL, fixture("load-valid.xml"), NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_referential_load_file(&ref, NULL, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_referential_load_file(&ref, fixture("no-such-file.xml"), NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_referential_load_file(&ref, f->tmp, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_referential_load_file(&ref, "", NULL, ERR));
	assert_int_equal(cispref_referential_load_file(&ref, NULL, NULL, NULL), CISPREF_EARG);

	assert_fails(CISPREF_EARG, cispref_referential_load_memory(NULL, xml, sizeof xml - 1, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_referential_load_memory(&ref, NULL, 5, NULL, NULL, ERR));
	assert_fails(CISPREF_EXML, cispref_referential_load_memory(&ref, NULL, 0, NULL, NULL, ERR));
	assert_fails(CISPREF_EXML, cispref_referential_load_memory(&ref, xml, 0, "name", NULL, ERR));
	assert_int_equal(cispref_referential_load_memory(&ref, NULL, 5, NULL, NULL, NULL), CISPREF_EARG);

	assert_fails(CISPREF_EARG, cispref_referential_load_fd(NULL, 0, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_referential_load_fd(&ref, -1, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_referential_load_fd(&ref, INT_MIN, "x", NULL, ERR));
	int fd = open(f->tmp, O_RDONLY);
	assert_true(fd >= 0);
	assert_fails(CISPREF_EIO, cispref_referential_load_fd(&ref, fd, NULL, NULL, ERR));
	close(fd);
	/* A descriptor that is not open. */
	fd = open(fixture("load-valid.xml"), O_RDONLY);
	assert_true(fd >= 0);
	close(fd);
	assert_fails(CISPREF_EIO, cispref_referential_load_fd(&ref, fd, NULL, NULL, ERR));

	assert_fails(CISPREF_EARG, cispref_referential_load_stream(NULL, stdin, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_referential_load_stream(&ref, NULL, NULL, NULL, ERR));
	FILE *write_only = fopen("/dev/null", "w");
	assert_non_null(write_only);
	assert_fails(CISPREF_EIO, cispref_referential_load_stream(&ref, write_only, NULL, NULL, ERR));
	fclose(write_only);

	/* Options of another version. */
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.version = CISPREF_LOAD_OPTIONS_VERSION + 1;
	const char *valid = fixture("load-valid.xml");
	assert_fails(CISPREF_EARG, cispref_referential_load_file(&ref, valid, &options, ERR));
	assert_fails(CISPREF_EARG, cispref_referential_load_memory(&ref, xml, sizeof xml - 1, NULL, &options, ERR));
	assert_fails(CISPREF_EARG, cispref_referential_load_fd(&ref, 0, NULL, &options, ERR));
	assert_fails(CISPREF_EARG, cispref_referential_load_stream(&ref, stdin, NULL, &options, ERR));
	options.version = 0;
	assert_fails(CISPREF_EARG, cispref_referential_load_memory(&ref, xml, sizeof xml - 1, NULL, &options, ERR));

	/* The initialiser accepts NULL and gives what the macro gives. */
	cispref_load_options_init(NULL);
	cispref_load_options from_macro = CISPREF_LOAD_OPTIONS_INIT;
	memset(&options, 0xA5, sizeof options);
	cispref_load_options_init(&options);
	assert_int_equal(options.version, from_macro.version);
	assert_int_equal(options.flags, CISPREF_LOAD_DEFAULT);
	assert_int_equal(options.max_input_size, from_macro.max_input_size);
	assert_int_equal(options.max_text_length, from_macro.max_text_length);
	assert_int_equal(options.max_elements, from_macro.max_elements);
	assert_int_equal(options.max_attributes, from_macro.max_attributes);

	assert_fails(CISPREF_EARG, cispref_referential_load_default(NULL, ERR));
	assert_int_equal(cispref_referential_load_default(NULL, NULL), CISPREF_EARG);

	/* No failure above touched the output. */
	assert_ptr_equal(ref, untouched);
}

/* ---- Moodle CSV ------------------------------------------------------------------ */

static void test_moodle(void **state)
{
	world *f = *state;
	cispref_referential *ref = f->ref, *untouched = f->ref;
	cispref_diagnostics *diags = (cispref_diagnostics *)f, *diags_before = diags;
	char *out = (char *)f;
	cispref_moodle_options bad = CISPREF_MOODLE_OPTIONS_INIT;
	bad.version = 77;
	cispref_moodle_options_init(NULL);

	assert_fails(CISPREF_EARG, cispref_moodle_export_buffer(NULL, NULL, f->ref, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_export_buffer(&out, NULL, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_export_buffer(&out, NULL, f->ref, &bad, ERR));
	/* a flag this library does not know */
	cispref_moodle_options unknown_flag = CISPREF_MOODLE_OPTIONS_INIT;
	unknown_flag.flags = 0x10;
	cispref_error flag_error;
	assert_int_equal(cispref_moodle_export_buffer(&out, NULL, f->ref, &unknown_flag,
	                                              &flag_error), CISPREF_EARG);
	assert_string_equal(flag_error.text, "invalid argument: unknown flags of "
	                                     "cispref_moodle_options 0x10 (this library knows "
	                                     "CISPREF_MOODLE_FOREIGN, 0x1)");
	assert_ptr_equal(out, (char *)f);

	assert_fails(CISPREF_EARG, cispref_moodle_export_stream(NULL, f->ref, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_export_stream(stdout, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_export_stream(stdout, f->ref, &bad, ERR));
	FILE *read_only = fopen(fixture("load-valid.xml"), "r");
	assert_non_null(read_only);
	assert_fails(CISPREF_EIO, cispref_moodle_export_stream(read_only, f->ref, NULL, ERR));
	fclose(read_only);

	char path[4200];
	snprintf(path, sizeof path, "%s/missing/out.csv", f->tmp);
	assert_fails(CISPREF_EARG, cispref_moodle_export_path(NULL, f->ref, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_export_path("", f->ref, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_export_path(path, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_export_path(path, f->ref, &bad, ERR));
	assert_fails(CISPREF_EIO, cispref_moodle_export_path(path, f->ref, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_moodle_export_path(f->tmp, f->ref, NULL, ERR));

	assert_fails(CISPREF_EARG, cispref_moodle_import_memory(NULL, NULL, "", 0, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_import_memory(&ref, &diags, NULL, 3, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_import_memory(&ref, &diags, "", 0, NULL, &bad, ERR));
	assert_fails(CISPREF_EFORMAT, cispref_moodle_import_memory(&ref, &diags, "", 0, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_import_file(NULL, NULL, "x.csv", NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_moodle_import_file(&ref, NULL, NULL, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_moodle_import_file(&ref, &diags, f->tmp, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_moodle_import_file(&ref, &diags, "/nonexistent/x.csv", NULL, ERR));
	assert_ptr_equal(ref, untouched);
	assert_ptr_equal(diags, diags_before);
}

/* ---- CASE packages --------------------------------------------------------------- */

static void test_case(void **state)
{
	world *f = *state;
	cispref_referential *ref = f->ref, *untouched = f->ref;
	cispref_diagnostics *diags = (cispref_diagnostics *)f, *diags_before = diags;
	cispref_case_options bad = CISPREF_CASE_OPTIONS_INIT;
	bad.version = 77;
	cispref_case_options depths = CISPREF_CASE_OPTIONS_INIT;
	depths.depths = "item,competence";
	cispref_case_options_init(NULL);

	assert_fails(CISPREF_EARG, cispref_case_import_memory(NULL, NULL, "{}", 2, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_case_import_memory(&ref, &diags, NULL, 3, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_case_import_memory(&ref, &diags, "{}", 2, NULL, &bad, ERR));
	assert_fails(CISPREF_EARG, cispref_case_import_memory(&ref, &diags, "{}", 2, NULL, &depths, ERR));
	/* a flag this library does not know */
	cispref_case_options unknown_flag = CISPREF_CASE_OPTIONS_INIT;
	unknown_flag.flags = CISPREF_CASE_FOREIGN | 0x40;
	cispref_error flag_error;
	assert_int_equal(cispref_case_import_memory(&ref, &diags, "{}", 2, NULL, &unknown_flag,
	                                            &flag_error), CISPREF_EARG);
	assert_string_equal(flag_error.text, "invalid argument: unknown flags of "
	                                     "cispref_case_options 0x40 (this library knows "
	                                     "CISPREF_CASE_FOREIGN, 0x1)");
	assert_fails(CISPREF_EFORMAT, cispref_case_import_memory(&ref, &diags, "", 0, NULL, NULL, ERR));
	assert_fails(CISPREF_EFORMAT, cispref_case_import_memory(&ref, &diags, "{}", 2, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_case_import_file(NULL, NULL, "x.json", NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_case_import_file(&ref, NULL, NULL, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_case_import_file(&ref, &diags, f->tmp, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_case_import_file(&ref, &diags, "/nonexistent/x.json", NULL, ERR));
	assert_ptr_equal(ref, untouched);
	assert_ptr_equal(diags, diags_before);
}

/* ---- export and render ---------------------------------------------------------- */

static void test_export(void **state)
{
	world *f = *state;
	char *out = (char *)f;
	size_t size = 77;
	char path[4200];
	snprintf(path, sizeof path, "%s/missing/out.xml", f->tmp);

	assert_fails(CISPREF_EARG, cispref_export_buffer(NULL, &size, f->ref, CISPREF_FORMAT_XML, ERR));
	assert_fails(CISPREF_EARG, cispref_export_buffer(&out, &size, NULL, CISPREF_FORMAT_XML, ERR));
	assert_fails(CISPREF_EARG, cispref_export_buffer(&out, &size, f->ref, (cispref_format_t)BAD_KIND, ERR));
	assert_fails(CISPREF_EARG, cispref_export_buffer(&out, NULL, f->ref, (cispref_format_t)NEGATIVE_KIND, ERR));
	assert_int_equal(cispref_export_buffer(&out, NULL, NULL, CISPREF_FORMAT_JSON, NULL), CISPREF_EARG);
	assert_ptr_equal(out, (char *)f);
	assert_int_equal(size, 77);

	assert_fails(CISPREF_EARG, cispref_export_stream(NULL, f->ref, CISPREF_FORMAT_XML, ERR));
	assert_fails(CISPREF_EARG, cispref_export_stream(stdout, NULL, CISPREF_FORMAT_XML, ERR));
	assert_fails(CISPREF_EARG, cispref_export_stream(stdout, f->ref, (cispref_format_t)BAD_KIND, ERR));
	FILE *read_only = fopen(fixture("load-valid.xml"), "r");
	assert_non_null(read_only);
	assert_fails(CISPREF_EIO, cispref_export_stream(read_only, f->ref, CISPREF_FORMAT_JSON, ERR));
	fclose(read_only);

	assert_fails(CISPREF_EARG, cispref_export_path(NULL, f->ref, CISPREF_FORMAT_XML, ERR));
	assert_fails(CISPREF_EARG, cispref_export_path(path, NULL, CISPREF_FORMAT_XML, ERR));
	assert_fails(CISPREF_EARG, cispref_export_path(path, f->ref, (cispref_format_t)BAD_KIND, ERR));
	assert_fails(CISPREF_EIO, cispref_export_path(path, f->ref, CISPREF_FORMAT_XML, ERR));
	assert_fails(CISPREF_EIO, cispref_export_path(f->tmp, f->ref, CISPREF_FORMAT_XML, ERR));
	assert_int_equal(cispref_export_path(NULL, f->ref, CISPREF_FORMAT_XML, NULL), CISPREF_EARG);
}

static void test_render(void **state)
{
	world *f = *state;
	char *out = (char *)f;
	size_t size = 77;
	char path[4200];
	snprintf(path, sizeof path, "%s/missing/out.html", f->tmp);
	const cispref_render_options defaults = CISPREF_RENDER_OPTIONS_INIT;
	cispref_render_options options;
	memset(&options, 0xA5, sizeof options);
	cispref_render_options_init(&options);
	/* Field by field: padding bytes need not be copied. */
	assert_int_equal(options.version, defaults.version);
	assert_null(options.domains);
	assert_true(options.summary && options.notes && options.index);
	assert_true(options.title_page && options.contents);
	assert_false(options.gfm_tables);
	assert_null(options.title);
	assert_int_equal(options.inclusive, defaults.inclusive);
	cispref_render_options_init(NULL);

	assert_fails(CISPREF_EARG, cispref_render_buffer(NULL, &size, f->ref, CISPREF_RENDER_HTML, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_render_buffer(&out, &size, NULL, CISPREF_RENDER_HTML, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_render_buffer(&out, &size, f->ref, (cispref_render_format_t)BAD_KIND, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_render_buffer(&out, &size, f->ref, (cispref_render_format_t)NEGATIVE_KIND, NULL, ERR));
	options.version = 0;
	assert_fails(CISPREF_EARG, cispref_render_buffer(&out, &size, f->ref, CISPREF_RENDER_HTML, &options, ERR));
	options = defaults;
	options.version = CISPREF_RENDER_OPTIONS_VERSION + 1;
	assert_fails(CISPREF_EARG, cispref_render_buffer(&out, &size, f->ref, CISPREF_RENDER_MARKDOWN, &options, ERR));
	options = defaults;
	options.inclusive = (cispref_inclusive_style_t)BAD_KIND;
	assert_fails(CISPREF_EARG, cispref_render_buffer(&out, &size, f->ref, CISPREF_RENDER_FODT, &options, ERR));
	options.inclusive = (cispref_inclusive_style_t)NEGATIVE_KIND;
	assert_fails(CISPREF_EARG, cispref_render_buffer(&out, &size, f->ref, CISPREF_RENDER_ODT, &options, ERR));
	options = defaults;
	options.title = "bad \xff title";
	assert_fails(CISPREF_EARG, cispref_render_buffer(&out, &size, f->ref, CISPREF_RENDER_HTML, &options, ERR));
	options = defaults;
	const char *const unknown[] = {"no-such-domain", NULL};
	options.domains = unknown;
	assert_fails(CISPREF_ENOTFOUND, cispref_render_buffer(&out, &size, f->ref, CISPREF_RENDER_HTML, &options, ERR));
	const char *const empty_id[] = {"", NULL};
	options.domains = empty_id;
	assert_fails(CISPREF_ENOTFOUND, cispref_render_buffer(&out, &size, f->ref, CISPREF_RENDER_MARKDOWN, &options, ERR));
	assert_int_equal(cispref_render_buffer(&out, NULL, NULL, CISPREF_RENDER_HTML, NULL, NULL), CISPREF_EARG);
	assert_ptr_equal(out, (char *)f);
	assert_int_equal(size, 77);

	assert_fails(CISPREF_EARG, cispref_render_stream(NULL, f->ref, CISPREF_RENDER_HTML, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_render_stream(stdout, NULL, CISPREF_RENDER_HTML, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_render_stream(stdout, f->ref, (cispref_render_format_t)BAD_KIND, NULL, ERR));
	FILE *read_only = fopen(fixture("load-valid.xml"), "r");
	assert_non_null(read_only);
	assert_fails(CISPREF_EIO, cispref_render_stream(read_only, f->ref, CISPREF_RENDER_MARKDOWN, NULL, ERR));
	fclose(read_only);

	assert_fails(CISPREF_EARG, cispref_render_path(NULL, f->ref, CISPREF_RENDER_HTML, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_render_path(path, NULL, CISPREF_RENDER_HTML, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_render_path(path, f->ref, (cispref_render_format_t)BAD_KIND, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_render_path(path, f->ref, CISPREF_RENDER_HTML, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_render_path(f->tmp, f->ref, CISPREF_RENDER_ODT, NULL, ERR));
	assert_int_equal(cispref_render_path(NULL, f->ref, CISPREF_RENDER_HTML, NULL, NULL), CISPREF_EARG);
}

/* ---- validate ------------------------------------------------------------------- */

static void test_validate(void **state)
{
	world *f = *state;
	cispref_diagnostics *const untouched = (cispref_diagnostics *)f;
	cispref_diagnostics *diags = untouched;
	assert_int_equal(cispref_validate(NULL, f->ref), CISPREF_EARG);
	assert_int_equal(cispref_validate(&diags, NULL), CISPREF_EARG);
	assert_ptr_equal(diags, untouched);

	assert_int_equal(cispref_diagnostics_count(NULL), 0);
	assert_int_equal(cispref_diagnostics_count_severity(NULL, CISPREF_SEVERITY_ERROR), 0);
	assert_null(cispref_diagnostics_get(NULL, 0));
	cispref_diagnostics_free(NULL);

	assert_int_equal(cispref_diagnostic_severity(NULL), CISPREF_SEVERITY_ERROR);
	assert_null(cispref_diagnostic_tag(NULL));
	assert_null(cispref_diagnostic_message(NULL));
	assert_null(cispref_diagnostic_file(NULL));
	assert_int_equal(cispref_diagnostic_line(NULL), 0);
	assert_int_equal(cispref_diagnostic_column(NULL), 0);
	assert_null(cispref_diagnostic_node_id(NULL));

	/* A real list, asked out of range. */
	assert_int_equal(cispref_validate(&diags, f->ref), CISPREF_OK);
	size_t count = cispref_diagnostics_count(diags);
	assert_null(cispref_diagnostics_get(diags, count));
	assert_null(cispref_diagnostics_get(diags, SIZE_MAX));
	assert_int_equal(cispref_diagnostics_count_severity(diags, (cispref_severity_t)BAD_KIND), 0);
	assert_int_equal(cispref_diagnostics_count_severity(diags, (cispref_severity_t)NEGATIVE_KIND), 0);
	cispref_diagnostics_free(diags);

	assert_true(cispref_validator_tag_count() > 0);
	assert_null(cispref_validator_tag(cispref_validator_tag_count()));
	assert_null(cispref_validator_tag(SIZE_MAX));
	cispref_severity_t severity = CISPREF_SEVERITY_INFO;
	assert_null(cispref_validator_tag_explain(&severity, NULL));
	assert_null(cispref_validator_tag_explain(&severity, "no-such-tag"));
	assert_null(cispref_validator_tag_explain(NULL, ""));
	assert_int_equal(severity, CISPREF_SEVERITY_INFO);
	assert_non_null(cispref_validator_tag_explain(NULL, cispref_validator_tag(0)));
}

/* ---- query ---------------------------------------------------------------------- */

static int never_called(const void *node, void *payload)
{
	(void)node;
	(*(int *)payload)++;
	return 0;
}

static int on_competence(const cispref_competence *competence, void *payload)
{
	return never_called(competence, payload);
}

static int on_item(const cispref_item *item, void *payload)
{
	return never_called(item, payload);
}

static void test_query(void **state)
{
	world *f = *state;
	int calls = 0;
	const cispref_filter all = CISPREF_FILTER_INIT;
	cispref_filter filter;
	memset(&filter, 0xA5, sizeof filter);
	cispref_filter_init(&filter);
	assert_int_equal(filter.version, all.version);
	assert_null(filter.domain_id);
	assert_int_equal(filter.domain_kinds | filter.plan_kinds | filter.item_kinds, 0);
	cispref_filter_init(NULL);

	assert_int_equal(cispref_referential_node_type(NULL, "psy"), CISPREF_NODE_NONE);
	assert_int_equal(cispref_referential_node_type(f->ref, NULL), CISPREF_NODE_NONE);
	assert_int_equal(cispref_referential_node_type(f->ref, ""), CISPREF_NODE_NONE);

	assert_int_equal(cispref_referential_foreach_competence(NULL, NULL, on_competence, &calls), CISPREF_EARG);
	assert_int_equal(cispref_referential_foreach_competence(f->ref, NULL, NULL, &calls), CISPREF_EARG);
	assert_int_equal(cispref_referential_foreach_item(NULL, NULL, on_item, &calls), CISPREF_EARG);
	assert_int_equal(cispref_referential_foreach_item(f->ref, NULL, NULL, &calls), CISPREF_EARG);
	filter.version = CISPREF_FILTER_VERSION + 1;
	assert_int_equal(cispref_referential_foreach_competence(f->ref, &filter, on_competence, &calls), CISPREF_EARG);
	assert_int_equal(cispref_referential_foreach_item(f->ref, &filter, on_item, &calls), CISPREF_EARG);
	/* A domain id that names no domain is refused before any call. */
	filter.version = CISPREF_FILTER_VERSION;
	filter.domain_id = "no-such-domain";
	assert_int_equal(cispref_referential_foreach_competence(f->ref, &filter, on_competence, &calls), CISPREF_ENOTFOUND);
	assert_int_equal(cispref_referential_foreach_item(f->ref, &filter, on_item, &calls), CISPREF_ENOTFOUND);
	assert_int_equal(calls, 0);

	/* Suggestions: no query, no room, no candidates or an unknown node type give none. */
	const char *near[2] = {NULL, NULL};
	const char *const names[] = {"duplicate-id", NULL};
	assert_int_equal(cispref_suggest(near, 2, NULL, names, 2), 0);
	assert_int_equal(cispref_suggest(near, 2, "", names, 2), 0);
	assert_int_equal(cispref_suggest(NULL, 2, "duplicate-id", names, 2), 0);
	assert_int_equal(cispref_suggest(near, 2, "duplicate-id", NULL, 2), 0);
	assert_int_equal(cispref_suggest(NULL, 0, "duplicate-id", names, 2), 1); /* counting */
	assert_null(near[0]);
	assert_int_equal(cispref_referential_suggest_ids(near, 2, NULL, "psy", CISPREF_NODE_NONE), 0);
	assert_int_equal(cispref_referential_suggest_ids(near, 2, f->ref, NULL, CISPREF_NODE_NONE), 0);
	assert_int_equal(cispref_referential_suggest_ids(NULL, 2, f->ref, "psy", CISPREF_NODE_NONE), 0);
	assert_int_equal(cispref_referential_suggest_ids(near, 2, f->ref, "psy", (cispref_node_type_t)BAD_KIND), 0);
	assert_int_equal(cispref_referential_suggest_ids(near, 2, f->ref, "psy", (cispref_node_type_t)NEGATIVE_KIND), 0);
	assert_null(near[0]);

	cispref_index *const untouched = (cispref_index *)f;
	cispref_index *index = untouched;
	assert_int_equal(cispref_index_new(NULL, f->ref), CISPREF_EARG);
	assert_int_equal(cispref_index_new(&index, NULL), CISPREF_EARG);
	assert_ptr_equal(index, untouched);
	cispref_index_free(NULL);
	assert_null(cispref_index_referential(NULL));

	const cispref_concept *top = NULL;
	assert_int_equal(cispref_index_top_concepts(f->index, &top, 1), cispref_index_top_concepts(f->index, NULL, 0));
	assert_non_null(top);
	assert_int_equal(cispref_index_concept_item_count(NULL, top), 0);
	assert_int_equal(cispref_index_concept_item_count(f->index, NULL), 0);
	assert_null(cispref_index_concept_item(NULL, top, 0));
	assert_null(cispref_index_concept_item(f->index, NULL, 0));
	assert_null(cispref_index_concept_item(f->index, top, cispref_index_concept_item_count(f->index, top)));
	assert_null(cispref_index_concept_item(f->index, top, SIZE_MAX));
	assert_int_equal(cispref_index_concept_competence_count(NULL, top), 0);
	assert_int_equal(cispref_index_concept_competence_count(f->index, NULL), 0);
	assert_null(cispref_index_concept_competence(NULL, top, 0));
	assert_null(cispref_index_concept_competence(f->index, NULL, 0));
	assert_null(cispref_index_concept_competence(f->index, top, cispref_index_concept_competence_count(f->index, top)));
	assert_null(cispref_index_concept_competence(f->index, top, SIZE_MAX));
	/* A concept of another referential, whose id this one does not hold. */
	assert_int_equal(cispref_index_concept_item_count(f->index, f->concept), 0);
	assert_int_equal(cispref_index_concept_competence_count(f->index, f->concept), 0);

	assert_int_equal(cispref_index_top_concepts(NULL, &top, 1), 0);
	const cispref_competence *comp = cispref_plan_competence(cispref_domain_plan(cispref_referential_domain(f->ref, 0), 0), 0);
	cispref_related related;
	assert_int_equal(cispref_index_related_competences(NULL, comp, &related, 1), 0);
	assert_int_equal(cispref_index_related_competences(f->index, NULL, &related, 1), 0);
	assert_int_equal(cispref_index_related_competences(f->index, comp, &related, 1),
	                 cispref_index_related_competences(f->index, comp, NULL, 0));
	/* A competence of another referential shares nothing with this one. */
	assert_int_equal(cispref_index_related_competences(f->index, f->competence, NULL, 0), 0);
}

static void test_search(void **state)
{
	world *f = *state;
	cispref_results *const untouched = (cispref_results *)f;
	cispref_results *results = untouched;
	const cispref_search_options defaults = CISPREF_SEARCH_OPTIONS_INIT;
	cispref_search_options options;
	memset(&options, 0xA5, sizeof options);
	cispref_search_options_init(&options);
	assert_int_equal(options.version, defaults.version);
	assert_int_equal(options.filter.version, defaults.filter.version);
	assert_null(options.filter.domain_id);
	assert_int_equal(options.filter.domain_kinds | options.filter.plan_kinds |
	                 options.filter.item_kinds, 0);
	assert_int_equal(options.limit, defaults.limit);
	cispref_search_options_init(NULL);
	char many[40 * 4 + 1] = "";
	for (int i = 0; i < 40; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "w%02d ", i);

	assert_fails(CISPREF_EARG, cispref_search(NULL, f->index, "projet", NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_search(&results, NULL, "projet", NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_search(&results, f->index, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_search(&results, f->index, "", NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_search(&results, f->index, " ,;. -", NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_search(&results, f->index, "caf\xc3", NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_search(&results, f->index, many, NULL, ERR));
	options.version = 0;
	assert_fails(CISPREF_EARG, cispref_search(&results, f->index, "projet", &options, ERR));
	options = defaults;
	options.filter.version = 0;
	assert_fails(CISPREF_EARG, cispref_search(&results, f->index, "projet", &options, ERR));
	options.version = CISPREF_SEARCH_OPTIONS_VERSION + 1;
	assert_fails(CISPREF_EARG, cispref_search(&results, f->index, "projet", &options, ERR));
	options = defaults;
	options.fields = 1u << 4; /* no such field */
	assert_fails(CISPREF_EARG, cispref_search(&results, f->index, "projet", &options, ERR));
	options = defaults;
	options.filter.domain_id = "no-such-domain";
	assert_fails(CISPREF_ENOTFOUND, cispref_search(&results, f->index, "projet", &options, ERR));
	assert_int_equal(cispref_search(&results, f->index, NULL, NULL, NULL), CISPREF_EARG);
	assert_ptr_equal(results, untouched);

	assert_int_equal(cispref_results_count(NULL), 0);
	assert_null(cispref_results_get(NULL, 0));
	cispref_results_free(NULL);

	assert_int_equal(cispref_hit_field(NULL), CISPREF_HIT_TITLE);
	assert_null(cispref_hit_text(NULL));
	assert_null(cispref_hit_id(NULL));
	assert_int_equal(cispref_hit_matched_words(NULL), 0);
	assert_null(cispref_hit_domain(NULL));
	assert_null(cispref_hit_concept(NULL));
	assert_null(cispref_hit_plan(NULL));
	assert_null(cispref_hit_competence(NULL));
	assert_null(cispref_hit_item(NULL));
	assert_null(cispref_hit_summary_entry(NULL));
	assert_null(cispref_hit_path(NULL));

	char *json = (char *)f;
	size_t size = 77;
	assert_fails(CISPREF_EARG, cispref_results_export_json(NULL, &size, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_results_export_json(&json, &size, NULL, ERR));
	assert_ptr_equal(json, (char *)f);
	assert_int_equal(size, 77);

	/* Real results, asked out of range; a search with no hit still gives results. */
	assert_int_equal(cispref_search(&results, f->index, "xyzzyq", NULL, NULL), CISPREF_OK);
	assert_int_equal(cispref_results_count(results), 0);
	assert_null(cispref_results_get(results, 0));
	assert_null(cispref_results_get(results, SIZE_MAX));
	assert_int_equal(cispref_results_export_json(NULL, NULL, results, NULL), CISPREF_EARG);
	assert_int_equal(cispref_results_export_json(&json, NULL, results, NULL), CISPREF_OK);
	assert_string_equal(json, "[]\n");
	cispref_buffer_free(json);
	cispref_results_free(results);
}

/* ---- builder -------------------------------------------------------------------- */

static void test_builder_null(void **state)
{
	(void)state;
	cispref_referential *ref = NULL;
	assert_int_equal(cispref_referential_new(NULL, "r", "T"), CISPREF_EARG);
	assert_int_equal(cispref_referential_new(&ref, NULL, "T"), CISPREF_EARG);
	assert_int_equal(cispref_referential_new(&ref, "r", NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_new(&ref, "1bad", "T"), CISPREF_EARG);
	assert_int_equal(cispref_referential_new(&ref, "r", "bad \xc3\x28"), CISPREF_EARG);
	assert_null(ref);

	assert_int_equal(cispref_referential_set_title(NULL, "T"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_version(NULL, "2"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_language(NULL, "fr"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_source(NULL, CISPREF_SOURCE_DATE, "2020"), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_domain(NULL, NULL, "d", CISPREF_DOMAIN_CORE, "D"), CISPREF_EARG);
	assert_int_equal(cispref_referential_remove_domain(NULL, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_move_domain(NULL, 0, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_concept(NULL, NULL, "k", CISPREF_ITEM_SAVOIR, "K"), CISPREF_EARG);
	assert_int_equal(cispref_referential_remove_concept(NULL, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_move_concept(NULL, 0, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_note(NULL, NULL, "n", "1", "N"), CISPREF_EARG);
	assert_int_equal(cispref_referential_remove_note(NULL, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_move_note(NULL, 0, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_remove_front_matter(NULL), CISPREF_EARG);

	assert_int_equal(cispref_domain_set_title(NULL, "T"), CISPREF_EARG);
	assert_int_equal(cispref_domain_set_kind(NULL, CISPREF_DOMAIN_CORE), CISPREF_EARG);
	assert_int_equal(cispref_domain_add_plan(NULL, NULL, "p", CISPREF_PLAN_JOINT, "P"), CISPREF_EARG);
	assert_int_equal(cispref_domain_remove_plan(NULL, 0), CISPREF_EARG);
	assert_int_equal(cispref_domain_move_plan(NULL, 0, 0), CISPREF_EARG);
	assert_int_equal(cispref_domain_add_summary_entry(NULL, NULL, "e", CISPREF_PLAN_JOINT, "E", NULL), CISPREF_EARG);
	assert_int_equal(cispref_domain_remove_summary_entry(NULL, 0), CISPREF_EARG);
	assert_int_equal(cispref_domain_move_summary_entry(NULL, 0, 0), CISPREF_EARG);

	assert_int_equal(cispref_summary_entry_set_text(NULL, "E"), CISPREF_EARG);
	assert_int_equal(cispref_summary_entry_set_plan_kind(NULL, CISPREF_PLAN_JOINT), CISPREF_EARG);
	assert_int_equal(cispref_summary_entry_set_competence(NULL, NULL), CISPREF_EARG);

	assert_int_equal(cispref_plan_set_title(NULL, "P"), CISPREF_EARG);
	assert_int_equal(cispref_plan_set_kind(NULL, CISPREF_PLAN_JOINT), CISPREF_EARG);
	assert_int_equal(cispref_plan_add_competence(NULL, NULL, "c", "C"), CISPREF_EARG);
	assert_int_equal(cispref_plan_remove_competence(NULL, 0), CISPREF_EARG);
	assert_int_equal(cispref_plan_move_competence(NULL, 0, 0), CISPREF_EARG);

	assert_int_equal(cispref_competence_set_title(NULL, "C"), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_item(NULL, NULL, "i", CISPREF_ITEM_SAVOIR, "I"), CISPREF_EARG);
	assert_int_equal(cispref_competence_remove_item(NULL, CISPREF_ITEM_SAVOIR, 0), CISPREF_EARG);
	assert_int_equal(cispref_competence_move_item(NULL, CISPREF_ITEM_SAVOIR, 0, 0), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_note(NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_competence_remove_note(NULL, 0), CISPREF_EARG);

	assert_int_equal(cispref_item_set_text(NULL, "I"), CISPREF_EARG);
	assert_int_equal(cispref_item_set_concept(NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_concept_set_label(NULL, "K"), CISPREF_EARG);
	assert_int_equal(cispref_note_set_text(NULL, "N"), CISPREF_EARG);
	assert_int_equal(cispref_note_set_number(NULL, "1"), CISPREF_EARG);

	assert_null(cispref_referential_edit_domain(NULL, NULL));
	assert_null(cispref_referential_edit_summary_entry(NULL, NULL));
	assert_null(cispref_referential_edit_plan(NULL, NULL));
	assert_null(cispref_referential_edit_competence(NULL, NULL));
	assert_null(cispref_referential_edit_item(NULL, NULL));
	assert_null(cispref_referential_edit_concept(NULL, NULL));
	assert_null(cispref_referential_edit_note(NULL, NULL));
}

/* Bad arguments on real handles: bad ids and texts, kinds and indexes out of range,
 * handles of another referential. Nothing may change. */
static void test_builder_bad_arguments(void **state)
{
	world *f = *state;
	char *before = snapshot(f->built);
	const char *bad = "bad \xff text";
	size_t last = SIZE_MAX;
	cispref_domain *domain = NULL;
	cispref_plan *plan = NULL;
	cispref_competence *comp = NULL;
	cispref_item *item = NULL;
	cispref_concept *concept = NULL;
	cispref_note *note = NULL;
	cispref_summary_entry *entry = NULL;
	/* Handles of the embedded referential, foreign to f->built. */
	const cispref_competence *foreign_comp = cispref_plan_competence(
		cispref_domain_plan(cispref_referential_domain(f->ref, 0), 0), 0);
	const cispref_concept *foreign_concept = cispref_referential_concept(f->ref, 0);
	const cispref_note *foreign_note = cispref_referential_note(f->ref, 0);
	assert_non_null(foreign_comp);
	assert_non_null(foreign_concept);
	assert_non_null(foreign_note);

	assert_int_equal(cispref_referential_set_title(f->built, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_title(f->built, bad), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_version(f->built, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_language(f->built, ""), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_language(f->built, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_source(f->built, (cispref_source_field_t)CISPREF_SOURCE_FIELD_COUNT, "x"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_source(f->built, (cispref_source_field_t)NEGATIVE_KIND, "x"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_source(f->built, CISPREF_SOURCE_DATE, bad), CISPREF_EARG);

	assert_int_equal(cispref_referential_add_domain(&domain, f->built, NULL, CISPREF_DOMAIN_CORE, "D"), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_domain(&domain, f->built, "sp ace", CISPREF_DOMAIN_CORE, "D"), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_domain(&domain, f->built, "d2", (cispref_domain_kind_t)BAD_KIND, "D"), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_domain(&domain, f->built, "d2", CISPREF_DOMAIN_CORE, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_domain(&domain, f->built, "b.d.p", CISPREF_DOMAIN_CORE, "D"), CISPREF_EEXISTS);
	assert_int_equal(cispref_referential_remove_domain(f->built, 1), CISPREF_EARG);
	assert_int_equal(cispref_referential_remove_domain(f->built, last), CISPREF_EARG);
	assert_int_equal(cispref_referential_move_domain(f->built, 0, 1), CISPREF_EARG);
	assert_int_equal(cispref_referential_move_domain(f->built, last, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_concept(&concept, f->built, "k2", (cispref_item_kind_t)BAD_KIND, "K"), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_concept(&concept, f->built, "k2", CISPREF_ITEM_SAVOIR, bad), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_concept(&concept, f->built, "b.k", CISPREF_ITEM_SAVOIR, "K"), CISPREF_EEXISTS);
	assert_int_equal(cispref_referential_remove_concept(f->built, 1), CISPREF_EARG);
	assert_int_equal(cispref_referential_move_concept(f->built, 1, 0), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_note(&note, f->built, "n2", NULL, "N"), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_note(&note, f->built, "n2", "1", NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_add_note(&note, f->built, "", "1", "N"), CISPREF_EARG);
	assert_int_equal(cispref_referential_remove_note(f->built, 1), CISPREF_EARG);
	assert_int_equal(cispref_referential_move_note(f->built, 0, last), CISPREF_EARG);

	assert_int_equal(cispref_domain_set_title(f->domain, NULL), CISPREF_EARG);
	assert_int_equal(cispref_domain_set_kind(f->domain, (cispref_domain_kind_t)BAD_KIND), CISPREF_EARG);
	assert_int_equal(cispref_domain_set_kind(f->domain, (cispref_domain_kind_t)NEGATIVE_KIND), CISPREF_EARG);
	assert_int_equal(cispref_domain_add_plan(&plan, f->domain, "p2", (cispref_plan_kind_t)BAD_KIND, "P"), CISPREF_EARG);
	assert_int_equal(cispref_domain_add_plan(&plan, f->domain, "b.d", CISPREF_PLAN_JOINT, "P"), CISPREF_EEXISTS);
	assert_int_equal(cispref_domain_remove_plan(f->domain, 1), CISPREF_EARG);
	assert_int_equal(cispref_domain_move_plan(f->domain, 0, 1), CISPREF_EARG);
	assert_int_equal(cispref_domain_add_summary_entry(&entry, f->domain, "e2", (cispref_plan_kind_t)BAD_KIND, "E", NULL), CISPREF_EARG);
	assert_int_equal(cispref_domain_add_summary_entry(&entry, f->domain, "e2", CISPREF_PLAN_JOINT, NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_domain_add_summary_entry(&entry, f->domain, "e2", CISPREF_PLAN_JOINT, "E", foreign_comp), CISPREF_EARG);
	assert_int_equal(cispref_domain_remove_summary_entry(f->domain, 1), CISPREF_EARG);
	assert_int_equal(cispref_domain_move_summary_entry(f->domain, 1, 1), CISPREF_EARG);

	assert_int_equal(cispref_summary_entry_set_text(f->entry, bad), CISPREF_EARG);
	assert_int_equal(cispref_summary_entry_set_plan_kind(f->entry, (cispref_plan_kind_t)BAD_KIND), CISPREF_EARG);
	assert_int_equal(cispref_summary_entry_set_competence(f->entry, foreign_comp), CISPREF_EARG);

	assert_int_equal(cispref_plan_set_title(f->plan, NULL), CISPREF_EARG);
	assert_int_equal(cispref_plan_set_kind(f->plan, (cispref_plan_kind_t)NEGATIVE_KIND), CISPREF_EARG);
	assert_int_equal(cispref_plan_add_competence(&comp, f->plan, "c2", NULL), CISPREF_EARG);
	assert_int_equal(cispref_plan_add_competence(&comp, f->plan, NULL, "C"), CISPREF_EARG);
	assert_int_equal(cispref_plan_add_competence(&comp, f->plan, "b.n", "C"), CISPREF_EEXISTS);
	assert_int_equal(cispref_plan_remove_competence(f->plan, 1), CISPREF_EARG);
	assert_int_equal(cispref_plan_move_competence(f->plan, 0, 1), CISPREF_EARG);

	assert_int_equal(cispref_competence_set_title(f->competence, bad), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_item(&item, f->competence, "i2", (cispref_item_kind_t)BAD_KIND, "I"), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_item(&item, f->competence, "i2", CISPREF_ITEM_SAVOIR, NULL), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_item(&item, f->competence, "b.k", CISPREF_ITEM_SAVOIR, "I"), CISPREF_EEXISTS);
	assert_int_equal(cispref_competence_remove_item(f->competence, (cispref_item_kind_t)BAD_KIND, 0), CISPREF_EARG);
	assert_int_equal(cispref_competence_remove_item(f->competence, CISPREF_ITEM_SAVOIR, 1), CISPREF_EARG);
	assert_int_equal(cispref_competence_remove_item(f->competence, CISPREF_ITEM_SAVOIR_FAIRE, 0), CISPREF_EARG);
	assert_int_equal(cispref_competence_move_item(f->competence, (cispref_item_kind_t)NEGATIVE_KIND, 0, 0), CISPREF_EARG);
	assert_int_equal(cispref_competence_move_item(f->competence, CISPREF_ITEM_SAVOIR, 0, 1), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_note(f->competence, NULL), CISPREF_EARG);
	assert_int_equal(cispref_competence_add_note(f->competence, foreign_note), CISPREF_EARG);
	assert_int_equal(cispref_competence_remove_note(f->competence, 1), CISPREF_EARG);
	assert_int_equal(cispref_competence_remove_note(f->competence, last), CISPREF_EARG);

	assert_int_equal(cispref_item_set_text(f->item, NULL), CISPREF_EARG);
	assert_int_equal(cispref_item_set_concept(f->item, foreign_concept), CISPREF_EARG);
	assert_int_equal(cispref_concept_set_label(f->concept, bad), CISPREF_EARG);
	assert_int_equal(cispref_note_set_text(f->note, NULL), CISPREF_EARG);
	assert_int_equal(cispref_note_set_number(f->note, bad), CISPREF_EARG);

	/* No output was set, and the referential is as it was. */
	assert_null(domain);
	assert_null(plan);
	assert_null(comp);
	assert_null(item);
	assert_null(concept);
	assert_null(note);
	assert_null(entry);
	/* Mutable handles: a node of another referential, or none, gives NULL. */
	assert_null(cispref_referential_edit_domain(f->ref, f->domain));
	assert_null(cispref_referential_edit_summary_entry(f->ref, f->entry));
	assert_null(cispref_referential_edit_plan(f->ref, f->plan));
	assert_null(cispref_referential_edit_competence(f->ref, f->competence));
	assert_null(cispref_referential_edit_item(f->ref, f->item));
	assert_null(cispref_referential_edit_concept(f->ref, f->concept));
	assert_null(cispref_referential_edit_note(f->ref, f->note));
	assert_null(cispref_referential_edit_domain(f->built, NULL));
	assert_null(cispref_referential_edit_note(f->built, NULL));

	char *after = snapshot(f->built);
	assert_string_equal(before, after);
	cispref_buffer_free(before);
	cispref_buffer_free(after);
}

/* Identity: NULL arguments, unknown ids and refused values leave the namespace, the base
 * URI and the caller's buffers as documented. */
static void test_identity(void **state)
{
	world *f = *state;
	char *before = snapshot(f->built);
	char uuid[CISPREF_UUID_STRING_SIZE] = "x";
	char *uri = (char *)"x";
	assert_null(cispref_referential_uuid(NULL));
	assert_null(cispref_referential_base_uri(NULL));
	assert_int_equal(cispref_referential_node_uuid(NULL, f->ref, "psy"), CISPREF_EARG);
	assert_int_equal(cispref_referential_node_uuid(uuid, NULL, "psy"), CISPREF_EARG);
	assert_string_equal(uuid, "");
	assert_int_equal(cispref_referential_node_uuid(uuid, f->ref, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_node_uuid(uuid, f->ref, "no.such"), CISPREF_ENOTFOUND);
	assert_int_equal(cispref_referential_node_uuid(uuid, f->ref, ""), CISPREF_ENOTFOUND);
	assert_string_equal(uuid, "");
	assert_int_equal(cispref_referential_node_uri(NULL, f->ref, "psy"), CISPREF_EARG);
	assert_int_equal(cispref_referential_node_uri(&uri, NULL, "psy"), CISPREF_EARG);
	assert_null(uri);
	uri = (char *)"x";
	assert_int_equal(cispref_referential_node_uri(&uri, f->ref, NULL), CISPREF_EARG);
	assert_null(uri);
	assert_int_equal(cispref_referential_node_uri(&uri, f->ref, "no.such"), CISPREF_ENOTFOUND);
	assert_null(uri);

	assert_int_equal(cispref_referential_set_uuid(NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_uuid(NULL, "3a04826e-5654-4fb8-a9bf-07e876000407"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_uuid(f->built, ""), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_uuid(f->built, "00000000-0000-0000-0000-000000000000"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_uuid(f->built, "3a04826e-5654-4fb8-a9bf-07e8760004070"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_uuid(f->built, "3a04826e5654-4fb8-a9bf-07e876000407-"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_uuid(f->built, "\xff"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_base_uri(NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_base_uri(NULL, "https://example.org/"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_base_uri(f->built, ""), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_base_uri(f->built, "example.org/"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_base_uri(f->built, "https://example.org/\xff"), CISPREF_EARG);

	char *after = snapshot(f->built);
	assert_string_equal(before, after);
	cispref_buffer_free(before);
	cispref_buffer_free(after);
}

/* ---- positioning ----------------------------------------------------------------- */

static void test_positioning_null(void **state)
{
	(void)state;
	/* names */
	assert_null(cispref_rating_source_name(CISPREF_RATING_SOURCE_NONE));
	assert_null(cispref_rating_source_name((cispref_rating_source_t)BAD_KIND));
	assert_null(cispref_rating_source_name((cispref_rating_source_t)NEGATIVE_KIND));
	cispref_rating_source_t source = CISPREF_RATING_SOURCE_PEER;
	assert_int_equal(cispref_rating_source_from_name(NULL, "self"), CISPREF_EARG);
	assert_int_equal(cispref_rating_source_from_name(&source, NULL), CISPREF_EARG);
	assert_int_equal(cispref_rating_source_from_name(&source, "Self"), CISPREF_EARG);
	assert_int_equal(source, CISPREF_RATING_SOURCE_PEER);
	/* builder */
	cispref_positioning *pos = NULL;
	assert_int_equal(cispref_positioning_new(NULL, "r", NULL), CISPREF_EARG);
	assert_int_equal(cispref_positioning_new(&pos, NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_positioning_new(&pos, "r", "\x01"), CISPREF_EARG);
	assert_null(pos);
	assert_int_equal(cispref_positioning_use_default_scale(NULL), CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_level(NULL, "a", "A", 1), CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_person(NULL, "p", NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_rating(NULL, "p", "t", "l", NULL,
	                                                CISPREF_RATING_SOURCE_NONE, NULL),
	                 CISPREF_EARG);
	cispref_positioning_free(NULL);
	/* loading and saving */
	assert_fails(CISPREF_EARG, cispref_positioning_load_file(NULL, "x", NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_load_file(&pos, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_load_memory(NULL, "", 0, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_load_memory(&pos, NULL, 3, NULL, NULL, ERR));
	assert_fails(CISPREF_EXML, cispref_positioning_load_memory(&pos, "", 0, NULL, NULL, ERR));
	assert_fails(CISPREF_EIO, cispref_positioning_load_file(&pos, "/nonexistent/x.xml", NULL,
	                                                        ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_load_fd(NULL, 0, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_load_fd(&pos, -1, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_load_stream(NULL, stdin, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_load_stream(&pos, NULL, NULL, NULL, ERR));
	FILE *write_only = fopen("/dev/null", "w");
	assert_non_null(write_only);
	assert_fails(CISPREF_EIO, cispref_positioning_load_stream(&pos, write_only, NULL, NULL,
	                                                          ERR));
	fclose(write_only);
	assert_null(pos);
	char *buf = NULL;
	assert_fails(CISPREF_EARG, cispref_positioning_write_buffer(&buf, NULL, NULL, ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_save(NULL, "x", ERR));
	assert_null(buf);
	/* reading */
	assert_null(cispref_positioning_referential_id(NULL));
	assert_null(cispref_positioning_edition(NULL));
	assert_null(cispref_positioning_origin(NULL));
	assert_int_equal(cispref_positioning_level_count(NULL), 0);
	assert_null(cispref_positioning_level(NULL, 0));
	assert_null(cispref_positioning_find_level(NULL, "a"));
	assert_int_equal(cispref_positioning_person_count(NULL), 0);
	assert_null(cispref_positioning_person(NULL, 0));
	assert_null(cispref_positioning_find_person(NULL, "p"));
	assert_int_equal(cispref_positioning_rating_count(NULL), 0);
	assert_null(cispref_positioning_rating(NULL, 0));
	assert_null(cispref_level_id(NULL));
	assert_null(cispref_level_label(NULL));
	assert_int_equal(cispref_level_proficient(NULL), 0);
	assert_int_equal(cispref_level_rank(NULL), 0);
	assert_null(cispref_person_id(NULL));
	assert_null(cispref_person_name(NULL));
	assert_null(cispref_person_role(NULL));
	assert_null(cispref_rating_person(NULL));
	assert_null(cispref_rating_target(NULL));
	assert_null(cispref_rating_level(NULL));
	assert_null(cispref_rating_date(NULL));
	assert_int_equal(cispref_rating_source(NULL), CISPREF_RATING_SOURCE_NONE);
	assert_null(cispref_rating_comment(NULL));
	/* results */
	assert_int_equal(cispref_coverage_count(NULL), 0);
	assert_null(cispref_coverage_competence(NULL, 0));
	assert_int_equal(cispref_coverage_person_count(NULL, 0), 0);
	assert_null(cispref_coverage_person(NULL, 0, 0));
	assert_null(cispref_coverage_level(NULL, 0, 0));
	assert_int_equal(cispref_coverage_uncovered_count(NULL), 0);
	cispref_coverage_free(NULL);
	assert_int_equal(cispref_needs_count(NULL), 0);
	assert_null(cispref_needs_id(NULL, 0));
	assert_null(cispref_needs_concept(NULL, 0));
	assert_null(cispref_needs_label(NULL, 0));
	assert_int_equal(cispref_needs_person_count(NULL, 0), 0);
	assert_null(cispref_needs_person(NULL, 0, 0));
	assert_int_equal(cispref_needs_competence_count(NULL, 0), 0);
	assert_null(cispref_needs_competence(NULL, 0, 0));
	cispref_needs_free(NULL);
	assert_fails(CISPREF_EARG, cispref_coverage_export(&buf, NULL, NULL,
	                                                   CISPREF_TEAM_FORMAT_JSON, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_needs_export(&buf, NULL, NULL, CISPREF_TEAM_FORMAT_CSV,
	                                                0, ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_export_ratings(&buf, NULL, NULL,
	                                                              CISPREF_TEAM_FORMAT_CSV, 0, ERR));
	assert_null(buf);
	assert_fails(CISPREF_EARG, cispref_coverage_export_path("x", NULL,
	                                                        CISPREF_TEAM_FORMAT_JSON, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_needs_export_path("x", NULL, CISPREF_TEAM_FORMAT_CSV, 0,
	                                                     ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_export_ratings_path(
	                                   "x", NULL, CISPREF_TEAM_FORMAT_CSV, 0, ERR));
}

/* A document built here, and every query given NULLs, unknown ids and bad values. */
static void test_positioning_bad_arguments(void **state)
{
	world *f = *state;
	cispref_positioning *pos = NULL;
	assert_int_equal(cispref_positioning_new(&pos, "cisp-accompagnement", "2020"), CISPREF_OK);
	assert_int_equal(cispref_positioning_add_level(pos, "bad id", "A", 1), CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_level(pos, "a", "", 1), CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_level(pos, "a", NULL, 1), CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_level(pos, "a", "A", 1), CISPREF_OK);
	assert_int_equal(cispref_positioning_use_default_scale(pos), CISPREF_EEXISTS);
	assert_int_equal(cispref_positioning_add_person(pos, NULL, NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_person(pos, "p", "\x02", NULL), CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_person(pos, "p", NULL, NULL), CISPREF_OK);
	assert_int_equal(cispref_positioning_add_rating(pos, "p", "psy.ind.1", "a", NULL,
	                                                (cispref_rating_source_t)BAD_KIND, NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_rating(pos, "p", "psy.ind.1", "a", "2026-1-1",
	                                                CISPREF_RATING_SOURCE_NONE, NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_positioning_add_rating(pos, "p", NULL, "a", NULL,
	                                                CISPREF_RATING_SOURCE_NONE, NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_positioning_rating_count(pos), 0);
	assert_null(cispref_positioning_level(pos, 1));
	assert_null(cispref_positioning_find_level(pos, NULL));
	assert_null(cispref_positioning_person(pos, 1));
	assert_null(cispref_positioning_find_person(pos, NULL));
	assert_null(cispref_positioning_rating(pos, 0));
	assert_fails(CISPREF_EARG, cispref_positioning_save(pos, NULL, ERR));
	char *buf = NULL;
	assert_fails(CISPREF_EARG, cispref_positioning_write_buffer(NULL, NULL, pos, ERR));
	/* validation and queries */
	cispref_diagnostics *d = NULL;
	assert_int_equal(cispref_positioning_validate(NULL, pos, f->ref), CISPREF_EARG);
	assert_int_equal(cispref_positioning_validate(&d, NULL, f->ref), CISPREF_EARG);
	assert_int_equal(cispref_positioning_validate(&d, pos, NULL), CISPREF_EARG);
	assert_null(d);
	const cispref_level *level = NULL;
	assert_int_equal(cispref_positioning_rated_level(NULL, pos, "p", "psy.ind.1"), CISPREF_EARG);
	assert_int_equal(cispref_positioning_rated_level(&level, NULL, "p", "psy.ind.1"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_positioning_rated_level(&level, pos, NULL, "psy.ind.1"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_positioning_rated_level(&level, pos, "p", NULL), CISPREF_EARG);
	assert_int_equal(cispref_positioning_rated_level(&level, pos, "p", "psy.ind.1"),
	                 CISPREF_ENOTFOUND);
	double share = 7;
	assert_int_equal(cispref_positioning_competence_level(NULL, &share, pos, f->ref, "p",
	                                                      "psy.ind.1"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_positioning_competence_level(&level, &share, pos, NULL, "p",
	                                                      "psy.ind.1"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_positioning_competence_level(&level, &share, pos, f->ref, "p",
	                                                      NULL),
	                 CISPREF_EARG);
	assert_int_equal(cispref_positioning_competence_level(&level, &share, pos, f->ref, "p",
	                                                      "nope"),
	                 CISPREF_ENOTFOUND);
	assert_true(share == 7);
	assert_null(level);
	const cispref_item *items[1];
	size_t count = 99;
	assert_int_equal(cispref_positioning_gaps(NULL, 1, &count, pos, f->ref, "p"), CISPREF_EARG);
	assert_int_equal(cispref_positioning_gaps(items, 1, NULL, pos, f->ref, "p"), CISPREF_EARG);
	assert_int_equal(cispref_positioning_gaps(items, 1, &count, pos, f->ref, NULL), CISPREF_EARG);
	assert_int_equal(cispref_positioning_gaps(items, 1, &count, pos, NULL, "p"), CISPREF_EARG);
	assert_int_equal(count, 99);
	cispref_coverage *cov = NULL;
	assert_int_equal(cispref_coverage_new(NULL, pos, f->ref), CISPREF_EARG);
	assert_int_equal(cispref_coverage_new(&cov, NULL, f->ref), CISPREF_EARG);
	assert_int_equal(cispref_coverage_new(&cov, pos, NULL), CISPREF_EARG);
	assert_null(cov);
	cispref_needs *needs = NULL;
	assert_int_equal(cispref_needs_new(NULL, pos, f->ref, NULL), CISPREF_EARG);
	assert_int_equal(cispref_needs_new(&needs, NULL, f->ref, NULL), CISPREF_EARG);
	assert_int_equal(cispref_needs_new(&needs, pos, NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_needs_new(&needs, pos, f->ref, "nobody"), CISPREF_ENOTFOUND);
	assert_null(needs);
	/* out of range on real results, and bad export arguments */
	assert_int_equal(cispref_coverage_new(&cov, pos, f->ref), CISPREF_OK);
	assert_int_equal(cispref_needs_new(&needs, pos, f->ref, NULL), CISPREF_OK);
	size_t n = cispref_coverage_count(cov);
	assert_null(cispref_coverage_competence(cov, n));
	assert_int_equal(cispref_coverage_person_count(cov, n), 0);
	assert_null(cispref_coverage_person(cov, 0, 0));
	assert_null(cispref_coverage_level(cov, 0, 1));
	assert_null(cispref_coverage_level(cov, n, 0));
	assert_null(cispref_needs_id(needs, 0));
	assert_null(cispref_needs_concept(needs, 0));
	assert_null(cispref_needs_label(needs, 0));
	assert_int_equal(cispref_needs_person_count(needs, 0), 0);
	assert_null(cispref_needs_person(needs, 0, 0));
	assert_int_equal(cispref_needs_competence_count(needs, 0), 0);
	assert_null(cispref_needs_competence(needs, 0, 0));
	assert_fails(CISPREF_EARG, cispref_coverage_export(NULL, NULL, cov,
	                                                   CISPREF_TEAM_FORMAT_JSON, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_coverage_export(&buf, NULL, cov,
	                                                   (cispref_team_format_t)BAD_KIND, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_coverage_export(&buf, NULL, cov,
	                                                   CISPREF_TEAM_FORMAT_JSON, 1u << 9, ERR));
	assert_fails(CISPREF_EARG, cispref_needs_export(&buf, NULL, needs,
	                                                (cispref_team_format_t)NEGATIVE_KIND, 0,
	                                                ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_export_ratings(NULL, NULL, pos,
	                                                              CISPREF_TEAM_FORMAT_JSON, 0,
	                                                              ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_export_ratings(&buf, NULL, pos,
	                                                              CISPREF_TEAM_FORMAT_JSON, 4u,
	                                                              ERR));
	assert_null(buf);
	assert_fails(CISPREF_EARG, cispref_coverage_export_path(NULL, cov,
	                                                        CISPREF_TEAM_FORMAT_JSON, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_coverage_export_path("", cov,
	                                                        CISPREF_TEAM_FORMAT_JSON, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_needs_export_path(NULL, needs, CISPREF_TEAM_FORMAT_CSV,
	                                                     0, ERR));
	assert_fails(CISPREF_EARG, cispref_positioning_export_ratings_path(
	                                   "x", pos, CISPREF_TEAM_FORMAT_JSON, 4u, ERR));
	assert_fails(CISPREF_EIO, cispref_positioning_export_ratings_path(
	                                   "/nonexistent/dir/x.csv", pos, CISPREF_TEAM_FORMAT_CSV,
	                                   0, ERR));
	/* drawing */
	assert_fails(CISPREF_EARG, cispref_team_render(NULL, NULL, CISPREF_TEAM_RENDER_GRID,
	                                               CISPREF_RENDER_HTML, pos, f->ref, NULL, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_team_render(&buf, NULL, CISPREF_TEAM_RENDER_GRID,
	                                               CISPREF_RENDER_HTML, pos, NULL, NULL, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_team_render(&buf, NULL, CISPREF_TEAM_RENDER_GRID,
	                                               CISPREF_RENDER_MARKDOWN, pos, f->ref, NULL, 0,
	                                               ERR));
	assert_fails(CISPREF_EARG, cispref_team_render(&buf, NULL,
	                                               (cispref_team_render_t)BAD_KIND,
	                                               CISPREF_RENDER_HTML, pos, f->ref, NULL, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_team_render(&buf, NULL, CISPREF_TEAM_RENDER_COVERAGE,
	                                               CISPREF_RENDER_HTML, NULL, f->ref, NULL, 0, ERR));
	assert_fails(CISPREF_EARG, cispref_team_render(&buf, NULL, CISPREF_TEAM_RENDER_GRID,
	                                               CISPREF_RENDER_HTML, NULL, f->ref, "p", 0, ERR));
	assert_fails(CISPREF_ENOTFOUND, cispref_team_render(&buf, NULL, CISPREF_TEAM_RENDER_GRID,
	                                                    CISPREF_RENDER_HTML, pos, f->ref, "q", 0,
	                                                    ERR));
	assert_null(buf);
	assert_fails(CISPREF_EARG, cispref_team_render_path(NULL, CISPREF_TEAM_RENDER_GRID,
	                                                    CISPREF_RENDER_HTML, pos, f->ref, NULL, 0,
	                                                    ERR));
	assert_fails(CISPREF_EARG, cispref_team_render_path("x.html", CISPREF_TEAM_RENDER_GRID,
	                                                    CISPREF_RENDER_HTML, pos, f->ref, NULL,
	                                                    1u << 7, ERR));
	cispref_needs_free(needs);
	cispref_coverage_free(cov);
	cispref_positioning_free(pos);
}

/* The front matter's accessors: NULL, out of range, and a block of another kind. */
static void test_front_matter(void **state)
{
	(void)state;
	cispref_block_kind_t bk = CISPREF_BLOCK_LIST;
	assert_null(cispref_block_kind_name((cispref_block_kind_t)BAD_KIND));
	assert_null(cispref_block_kind_name((cispref_block_kind_t)NEGATIVE_KIND));
	assert_int_equal(cispref_block_kind_from_name(&bk, "section"), CISPREF_EARG);
	assert_int_equal(cispref_block_kind_from_name(&bk, NULL), CISPREF_EARG);
	assert_int_equal(cispref_block_kind_from_name(NULL, "p"), CISPREF_EARG);
	assert_int_equal(bk, CISPREF_BLOCK_LIST);
	assert_null(cispref_inline_kind_name((cispref_inline_kind_t)BAD_KIND));

	assert_int_equal(cispref_referential_section_count(NULL), 0);
	assert_null(cispref_referential_section(NULL, 0));
	assert_null(cispref_referential_find_section(NULL, "fm.1"));
	assert_null(cispref_referential_find_block(NULL, "fm.1"));
	assert_null(cispref_section_id(NULL));
	assert_null(cispref_section_number(NULL));
	assert_int_equal(cispref_section_level(NULL), 0);
	assert_null(cispref_section_heading(NULL));
	assert_null(cispref_section_parent(NULL));
	assert_int_equal(cispref_section_block_count(NULL), 0);
	assert_null(cispref_section_block(NULL, 0));
	assert_int_equal(cispref_section_subsection_count(NULL), 0);
	assert_null(cispref_section_subsection(NULL, 0));
	assert_int_equal(cispref_block_kind(NULL), CISPREF_BLOCK_PARAGRAPH);
	assert_null(cispref_block_id(NULL));
	assert_null(cispref_block_section(NULL));
	assert_null(cispref_block_text(NULL));
	assert_int_equal(cispref_block_list_item_count(NULL), 0);
	assert_null(cispref_block_list_item(NULL, 0));
	assert_null(cispref_block_heading(NULL));
	assert_int_equal(cispref_block_paragraph_count(NULL), 0);
	assert_null(cispref_block_paragraph(NULL, 0));
	assert_null(cispref_block_attribution(NULL));
	assert_int_equal(cispref_block_phase_count(NULL), 0);
	assert_null(cispref_block_phase(NULL, 0));
	assert_null(cispref_block_drawing(NULL));
	assert_null(cispref_block_caption(NULL));
	assert_int_equal(cispref_block_domain_kind(NULL), CISPREF_DOMAIN_CORE);
	assert_false(cispref_block_has_domain_kind(NULL));
	assert_null(cispref_list_item_label(NULL));
	assert_null(cispref_list_item_text(NULL));
	assert_null(cispref_phase_heading(NULL));
	assert_int_equal(cispref_phase_step_count(NULL), 0);
	assert_null(cispref_phase_step(NULL, 0));
	assert_null(cispref_step_date(NULL));
	assert_null(cispref_step_actors(NULL));
	assert_null(cispref_step_task(NULL));
	assert_int_equal(cispref_rich_text_count(NULL), 0);
	assert_null(cispref_rich_text_run(NULL, 0));
	assert_string_equal(cispref_rich_text_plain(NULL), "");
	assert_int_equal(cispref_inline_kind(NULL), CISPREF_INLINE_TEXT);
	assert_null(cispref_inline_text(NULL));
	assert_null(cispref_inline_note_id(NULL));
	assert_null(cispref_inline_children(NULL));

	/* out of range, and accessors of one kind asked of another */
	cispref_referential *ref = NULL;
	assert_int_equal(cispref_referential_load_file(&ref, FIXTURES_DIR "/front-matter.xml", NULL,
	                                               NULL),
	                 CISPREF_OK);
	assert_null(cispref_referential_section(ref, SIZE_MAX));
	assert_null(cispref_referential_find_section(ref, "psy")); /* a domain, not a section */
	assert_null(cispref_referential_find_block(ref, "fm.1")); /* a section, not a block */
	const cispref_section *s = cispref_referential_section(ref, 0);
	assert_null(cispref_section_block(s, SIZE_MAX));
	assert_null(cispref_section_subsection(s, SIZE_MAX));
	const cispref_block *p = cispref_section_block(s, 0);
	assert_int_equal(cispref_block_kind(p), CISPREF_BLOCK_PARAGRAPH);
	assert_null(cispref_block_list_item(p, 0));
	assert_null(cispref_block_heading(p));
	assert_null(cispref_block_paragraph(p, 0));
	assert_null(cispref_block_attribution(p));
	assert_null(cispref_block_phase(p, 0));
	assert_null(cispref_block_drawing(p));
	assert_null(cispref_block_caption(p));
	assert_int_equal(cispref_block_domain_kind(p), CISPREF_DOMAIN_CORE);
	assert_false(cispref_block_has_domain_kind(p));
	const cispref_rich_text *text = cispref_block_text(p);
	assert_null(cispref_rich_text_run(text, SIZE_MAX));
	const cispref_inline *run = cispref_rich_text_run(text, 0);
	assert_int_equal(cispref_inline_kind(run), CISPREF_INLINE_TEXT);
	assert_null(cispref_inline_note_id(run));
	assert_null(cispref_inline_children(run));
	const cispref_block *list = cispref_referential_find_block(ref, "fm.1.list.1");
	assert_null(cispref_block_text(list));
	assert_null(cispref_block_list_item(list, SIZE_MAX));
	const cispref_block *timeline = cispref_referential_find_block(ref, "fm.2.timeline");
	assert_null(cispref_block_phase(timeline, SIZE_MAX));
	assert_null(cispref_phase_step(cispref_block_phase(timeline, 0), SIZE_MAX));
	cispref_referential_free(ref);
}

/* Edition links: NULL arguments, unknown ids and refused replacements change nothing. */
static void test_editions(void **state)
{
	world *f = *state;
	char *before = snapshot(f->built);
	assert_false(cispref_referential_node_deprecated(NULL, "psy"));
	assert_false(cispref_referential_node_deprecated(f->ref, NULL));
	assert_false(cispref_referential_node_deprecated(f->ref, "no.such"));
	assert_null(cispref_referential_node_replaced_by(NULL, "psy"));
	assert_null(cispref_referential_node_replaced_by(f->ref, NULL));
	assert_null(cispref_referential_node_replaced_by(f->ref, "no.such"));
	assert_int_equal(cispref_referential_set_deprecated(NULL, "b.d", true, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_deprecated(f->built, NULL, true, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_deprecated(f->built, "no.such", true, NULL),
	                 CISPREF_ENOTFOUND);
	/* a replacement without deprecation, or that is not an id */
	assert_int_equal(cispref_referential_set_deprecated(f->built, "b.d", false, "b.k"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_deprecated(f->built, "b.d", true, "not an id"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_set_deprecated(f->built, "b.d", true, ""), CISPREF_EARG);
	assert_false(cispref_referential_node_deprecated(f->built, "b.d"));
	char *after = snapshot(f->built);
	assert_string_equal(before, after);
	cispref_buffer_free(before);
	cispref_buffer_free(after);
}

/* Translations: NULL arguments, unknown ids, bad tags and texts change nothing. */
static void test_translations(void **state)
{
	world *f = *state;
	char *before = snapshot(f->built);
	assert_null(cispref_referential_node_text(NULL, "b.d", "nl"));
	assert_null(cispref_referential_node_text(f->built, NULL, "nl"));
	assert_null(cispref_referential_node_text(f->built, "no.such", "nl"));
	assert_null(cispref_referential_translation(NULL, "b.d", "nl"));
	assert_null(cispref_referential_translation(f->built, NULL, "nl"));
	assert_null(cispref_referential_translation(f->built, "b.d", NULL));
	assert_false(cispref_referential_translation_outdated(NULL, "b.d", "nl"));
	assert_false(cispref_referential_translation_outdated(f->built, NULL, "nl"));
	assert_false(cispref_referential_translation_outdated(f->built, "b.d", NULL));
	assert_int_equal(cispref_referential_translation_language_count(NULL), 0);
	assert_null(cispref_referential_translation_language(NULL, 0));
	assert_null(cispref_referential_translation_language(f->built, SIZE_MAX));
	assert_int_equal(cispref_referential_set_translation(NULL, "b.d", "nl", "D"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_translation(f->built, NULL, "nl", "D"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_translation(f->built, "b.d", NULL, "D"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_translation(f->built, "no.such", "nl", "D"),
	                 CISPREF_ENOTFOUND);
	/* not a BCP 47 tag; the referential's own language; a control character */
	assert_int_equal(cispref_referential_set_translation(f->built, "b.d", "nl_BE", "D"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_translation(f->built, "b.d", "", "D"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_translation(f->built, "b.d",
	                                                     cispref_referential_language(f->built), "D"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_set_translation(f->built, "b.d", "nl", "a\x01b"), CISPREF_EARG);
	assert_int_equal(cispref_referential_set_translation(f->built, "b.d", "nl", "\xff"), CISPREF_EARG);
	assert_null(cispref_referential_translation(f->built, "b.d", "nl"));
	/* the title and the front matter: NULL arguments, unknown addresses, bad markup */
	const char *own = cispref_referential_id(f->built);
	assert_null(cispref_referential_front_matter_text(NULL, "s", "heading", "nl"));
	assert_null(cispref_referential_front_matter_text(f->built, NULL, "heading", "nl"));
	assert_null(cispref_referential_front_matter_text(f->built, "s", NULL, "nl"));
	assert_null(cispref_referential_front_matter_text(f->built, "no.such", "heading", "nl"));
	assert_null(cispref_referential_front_matter_text(f->built, own, "title", "nl")); /* plain */
	assert_null(cispref_referential_front_matter_string(NULL, own, "title", "nl"));
	assert_null(cispref_referential_front_matter_string(f->built, NULL, "title", "nl"));
	assert_null(cispref_referential_front_matter_string(f->built, own, NULL, "nl"));
	assert_null(cispref_referential_front_matter_string(f->built, own, "title ", "nl"));
	assert_null(cispref_referential_front_matter_string(f->built, "b.d", "title", "nl"));
	assert_null(cispref_referential_title_in(NULL, "nl"));
	assert_string_equal(cispref_referential_title_in(f->built, "nl"),
	                    cispref_referential_title(f->built));
	assert_null(cispref_referential_rich_text_in(NULL, NULL, "nl"));
	assert_null(cispref_referential_rich_text_in(f->built, NULL, "nl"));
	assert_false(cispref_referential_front_matter_outdated(NULL, own, "title", "nl"));
	assert_false(cispref_referential_front_matter_outdated(f->built, NULL, "title", "nl"));
	assert_false(cispref_referential_front_matter_outdated(f->built, own, NULL, "nl"));
	assert_false(cispref_referential_front_matter_outdated(f->built, own, "title", NULL));
	assert_int_equal(cispref_referential_set_front_matter_translation(NULL, own, "title", "nl", "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_set_front_matter_translation(f->built, NULL, "title", "nl", "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_set_front_matter_translation(f->built, own, NULL, "nl", "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_set_front_matter_translation(f->built, own, "title", NULL, "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_set_front_matter_translation(f->built, own, "title", "nl_BE", "T"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_set_front_matter_translation(f->built, own, "title", "nl", "\xff"),
	                 CISPREF_EARG);
	assert_int_equal(cispref_referential_set_front_matter_translation(f->built, own, "heading", "nl", "T"),
	                 CISPREF_ENOTFOUND);
	assert_int_equal(cispref_referential_set_front_matter_translation(f->built, "no.such", "heading", "nl", "T"),
	                 CISPREF_ENOTFOUND);
	assert_int_equal(cispref_referential_set_front_matter_translation(f->built, "b.d", "title", "nl", "T"),
	                 CISPREF_ENOTFOUND);
	/* a view in one language: NULL arguments and a malformed tag make none */
	cispref_referential *view = (cispref_referential *)1;
	assert_int_equal(cispref_referential_translated(NULL, f->built, "nl", NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_translated(&view, NULL, "nl", NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_translated(&view, f->built, "nl_BE", NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_translated(&view, f->built, "", NULL), CISPREF_EARG);
	assert_ptr_equal(view, (cispref_referential *)1);
	assert_null(cispref_referential_translated_from(NULL));
	assert_null(cispref_referential_translated_from(f->built));
	size_t total = 7;
	assert_int_equal(cispref_referential_untranslated_count(NULL, "nl", &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(cispref_referential_untranslated_count(f->built, NULL, NULL), 0);
	/* merging a catalogue: NULL arguments, a missing file */
	cispref_diagnostics *report = (cispref_diagnostics *)1;
	cispref_error error;
	assert_int_equal(cispref_referential_merge_po(NULL, "x.po", "nl", &report, &error), CISPREF_EARG);
	assert_null(report);
	assert_int_equal(cispref_referential_merge_po(f->built, NULL, "nl", NULL, NULL), CISPREF_EARG);
	assert_int_equal(cispref_referential_merge_po(f->built, FIXTURES_DIR "/no-such.po", "nl",
	                                              &report, &error),
	                 CISPREF_EIO);
	assert_null(report);
	char *after = snapshot(f->built);
	assert_string_equal(before, after);
	cispref_buffer_free(before);
	cispref_buffer_free(after);
}

/* The edition diff: NULL arguments, indexes and kinds out of range, and the neutral
 * values of accessors given NULL. */
static void test_diff(void **state)
{
	world *f = *state;
	cispref_diff *diff = (cispref_diff *)0x1;
	cispref_segment_t type = CISPREF_SEGMENT_INSERTED;
	assert_fails(CISPREF_EARG, cispref_diff_new(NULL, f->ref, f->ref, ERR));
	assert_fails(CISPREF_EARG, cispref_diff_new(&diff, NULL, f->ref, ERR));
	assert_fails(CISPREF_EARG, cispref_diff_new(&diff, f->ref, NULL, ERR));
	assert_ptr_equal(diff, (cispref_diff *)0x1);
	assert_int_equal(cispref_diff_new(&diff, f->ref, NULL, NULL), CISPREF_EARG);
	cispref_diff_free(NULL);
	assert_int_equal(cispref_diff_count(NULL), 0);
	assert_int_equal(cispref_diff_count_kind(NULL, CISPREF_CHANGE_ADDED), 0);
	assert_null(cispref_diff_get(NULL, 0));
	assert_int_equal(cispref_change_kind(NULL), CISPREF_CHANGE_METADATA);
	assert_null(cispref_change_kind_name((cispref_change_kind_t)BAD_KIND));
	assert_null(cispref_change_kind_name((cispref_change_kind_t)NEGATIVE_KIND));
	assert_int_equal(cispref_change_node_type(NULL), CISPREF_NODE_NONE);
	assert_null(cispref_change_old_id(NULL));
	assert_null(cispref_change_new_id(NULL));
	assert_null(cispref_change_domain_id(NULL));
	assert_null(cispref_change_field(NULL));
	assert_null(cispref_change_old_value(NULL));
	assert_null(cispref_change_new_value(NULL));
	assert_true(cispref_change_similarity(NULL) == 0);
	assert_int_equal(cispref_change_segment_count(NULL), 0);
	assert_null(cispref_change_segment(&type, NULL, 0));
	assert_int_equal(type, CISPREF_SEGMENT_INSERTED);

	cispref_diff_format_t format = CISPREF_DIFF_HTML;
	assert_null(cispref_diff_format_name((cispref_diff_format_t)BAD_KIND));
	assert_null(cispref_diff_format_name((cispref_diff_format_t)NEGATIVE_KIND));
	assert_int_equal(cispref_diff_format_from_name(NULL, "text"), CISPREF_EARG);
	assert_int_equal(cispref_diff_format_from_name(&format, NULL), CISPREF_EARG);
	assert_int_equal(cispref_diff_format_from_name(&format, "TEXT"), CISPREF_EARG);
	assert_int_equal(format, CISPREF_DIFF_HTML);
	char *buffer = (char *)"x";
	size_t size = 7;
	assert_fails(CISPREF_EARG, cispref_diff_write(NULL, &size, NULL, CISPREF_DIFF_TEXT, ERR));
	assert_fails(CISPREF_EARG, cispref_diff_write(&buffer, &size, NULL, CISPREF_DIFF_TEXT, ERR));
	assert_int_equal(size, 7);
	assert_fails(CISPREF_EARG, cispref_diff_save(NULL, NULL, CISPREF_DIFF_TEXT, ERR));
	assert_fails(CISPREF_EARG, cispref_diff_save("", NULL, CISPREF_DIFF_TEXT, ERR));
	assert_fails(CISPREF_EARG, cispref_diff_save("x.txt", NULL, CISPREF_DIFF_TEXT, ERR));

	/* A real diff, asked out of range. */
	OK(cispref_diff_new(&diff, f->built, f->ref, NULL));
	size_t count = cispref_diff_count(diff);
	assert_true(count > 0);
	assert_null(cispref_diff_get(diff, count));
	assert_null(cispref_diff_get(diff, SIZE_MAX));
	assert_int_equal(cispref_diff_count_kind(diff, (cispref_change_kind_t)BAD_KIND), 0);
	assert_int_equal(cispref_diff_count_kind(diff, (cispref_change_kind_t)NEGATIVE_KIND), 0);
	const cispref_change *first = cispref_diff_get(diff, 0);
	assert_null(cispref_change_segment(&type, first, SIZE_MAX));
	assert_int_equal(type, CISPREF_SEGMENT_INSERTED);
	assert_fails(CISPREF_EARG, cispref_diff_write(&buffer, NULL, diff, (cispref_diff_format_t)BAD_KIND, ERR));
	assert_fails(CISPREF_EARG, cispref_diff_write(&buffer, NULL, diff, (cispref_diff_format_t)NEGATIVE_KIND, ERR));
	assert_fails(CISPREF_EARG, cispref_diff_save("x.txt", diff, (cispref_diff_format_t)BAD_KIND, ERR));
	cispref_diff_free(diff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_common),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_model_null),
		cmocka_unit_test(test_model_out_of_range),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_moodle),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_query),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_builder_null),
		cmocka_unit_test(test_builder_bad_arguments),
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_positioning_null),
		cmocka_unit_test(test_positioning_bad_arguments),
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_editions),
		cmocka_unit_test(test_translations),
		cmocka_unit_test(test_diff),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
