/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("Usage: cispref validate [-l error|warning|info] [-q] [-r REF] [-i FILE] [FILE]...\n"
	       "       cispref validate --explain [TAG]...\n\n"
	       "Check each FILE ('-': standard input; the embedded referential when none is\n"
	       "given) and print one line per finding:  E|W|I: FILE:LINE: TAG MESSAGE\n"
	       "(E error, W warning, I info; no LINE when there is none, as for a file that\n"
	       "cannot be opened), then a summary of what was found in all:\n"
	       "  0 errors, 4 warnings, 25 infos\n\n"
	       "  -l, --level LEVEL  print the findings of LEVEL and above only: error,\n"
	       "                     warning or info (the default); the summary counts all\n"
	       "  -q, --quiet        print errors only, and no summary\n"
	       "  -i, --input FILE   check FILE too (as a FILE operand)\n"
	       "  -r, --referential REF  check positioning documents (recognised by their root\n"
	       "                     element, doc/positioning.md) against REF instead of the\n"
	       "                     embedded referential\n"
	       "  -x, --explain      instead of checking files, describe each TAG (every tag when\n"
	       "                     none is given: the referential's rules, the positioning\n"
	       "                     document's, then why a file could not be loaded): TAG,\n"
	       "                     severity and rule, separated by tabs\n"
	       "  -h, --help         show this help\n\n"
	       "Exit status: 0 when no file has an error, 1 otherwise or when the output could not\n"
	       "be written, 2 on a usage error.\n");
}

static const char letters[] = {'E', 'W', 'I'};

/* What the run found, over every file. */
typedef struct tally {
	size_t counts[3]; /* per cispref_severity_t */
	cispref_severity_t level; /* the least severe finding printed */
	int incomplete; /* a file could not be checked (out of memory): no summary, whose
	                 * counts would be wrong */
} tally;

/* One finding as a line; the message and the file name may hold any text of the
 * referential or of the command line. */
static void print_finding(tally *t, cispref_severity_t severity, const char *file,
                          unsigned long line, const char *tag, const char *message)
{
	t->counts[severity]++;
	if (severity > t->level)
		return;
	/* a file that could not be opened has no line: none is printed, rather than 0 */
	printf("%c: %s:", letters[severity], cli_text(file ? file : "-"));
	if (line)
		printf("%lu:", line);
	printf(" %s %s\n", tag, cli_text(message));
}

static int load(cispref_referential **out, const char *path, cispref_error *error)
{
	cispref_load_options options = CISPREF_LOAD_OPTIONS_INIT;
	options.flags = CISPREF_LOAD_LENIENT;
	if (!path)
		return cispref_referential_load_default(out, error);
	if (strcmp(path, "-") == 0)
		return cispref_referential_load_fd(out, 0, "(standard input)", &options, error);
	return cispref_referential_load_file(out, path, &options, error);
}

/* Print the findings of @list; returns 1 if it has errors. */
static int print_findings(tally *t, const cispref_diagnostics *list)
{
	for (size_t i = 0; i < cispref_diagnostics_count(list); i++) {
		const cispref_diagnostic *d = cispref_diagnostics_get(list, i);
		print_finding(t, cispref_diagnostic_severity(d), cispref_diagnostic_file(d),
		              cispref_diagnostic_line(d), cispref_diagnostic_tag(d),
		              cispref_diagnostic_message(d));
	}
	return cispref_diagnostics_count_severity(list, CISPREF_SEVERITY_ERROR) > 0;
}

/* Whether the referential reader refused the document for its root: a positioning
 * element in the positioning namespace (the first element it reads). */
static int root_is_positioning(const cispref_error *error)
{
	return error->code == CISPREF_EFORMAT &&
	       strstr(error->text, "element 'positioning' is in namespace '"
	                           CISPREF_POSITIONING_NAMESPACE "'") != NULL;
}

/* Validate a positioning document against @reference (NULL: the embedded referential);
 * returns 1 if it has errors. Standard input was read by the referential reader: a
 * positioning document is checked from a file only. */
static int validate_positioning(tally *t, const char *path, const char *reference)
{
	cispref_positioning *team;
	cispref_error error = {0};
	int rc = strcmp(path, "-") == 0 ? -1 : cispref_positioning_load_file(&team, path, NULL, &error);
	if (rc < 0 && strcmp(path, "-") == 0) {
		print_finding(t, CISPREF_SEVERITY_ERROR, "(standard input)", 1, "format-error",
		              "a positioning document is checked from a file, not standard input");
		return 1;
	}
	if (rc != 0) {
		print_finding(t, CISPREF_SEVERITY_ERROR, error.source, error.line,
		              cispref_status_tag(error.code), error.text);
		return 1;
	}
	cispref_referential *ref;
	if (cli_load(&ref, reference, CISPREF_LOAD_DEFAULT) != 0) {
		cispref_positioning_free(team);
		t->incomplete = 1;
		return 1;
	}
	cispref_diagnostics *list;
	if (cispref_positioning_validate(&list, team, ref) != 0) {
		cli_error("out of memory");
		t->incomplete = 1;
		rc = 1;
	} else {
		rc = print_findings(t, list);
		cispref_diagnostics_free(list);
	}
	cispref_referential_free(ref);
	cispref_positioning_free(team);
	return rc;
}

/* Validate one referential (NULL path: the embedded one) or positioning document;
 * returns 1 if it has errors. */
static int validate_one(tally *t, const char *path, const char *reference)
{
	cispref_referential *ref;
	cispref_error error = {0};
	if (load(&ref, path, &error) != 0) {
		if (path && root_is_positioning(&error))
			return validate_positioning(t, path, reference);
		print_finding(t, CISPREF_SEVERITY_ERROR, error.source, error.line,
		              cispref_status_tag(error.code), error.text);
		return 1;
	}
	cispref_diagnostics *list;
	if (cispref_validate(&list, ref) != 0) {
		cli_error("out of memory");
		cispref_referential_free(ref);
		t->incomplete = 1;
		return 1;
	}
	int errors = print_findings(t, list);
	cispref_diagnostics_free(list);
	cispref_referential_free(ref);
	return errors;
}

/* "0 errors, 4 warnings, 25 infos" */
static void print_summary(const tally *t)
{
	static const char *const nouns[3] = {"error", "warning", "info"};
	for (int s = 0; s < 3; s++)
		printf("%s%zu %s%s", s ? ", " : "", t->counts[s], nouns[s], t->counts[s] == 1 ? "" : "s");
	printf("\n");
}

/* validate prints more tags than the referential validator's: the positioning
 * validator's (lib/positioning_validate.c, whose table the library does not publish;
 * doc/positioning.md, "Validation against the referential", describes them) and the
 * status tag of a file that could not be loaded (cispref_status_tag()). --explain knows
 * them all; tests/test_cli.c checks this table against the library's source. */
static const struct extra_tag {
	const char *tag;
	cispref_severity_t severity;
	const char *text;
} positioning_tags[] = {
	{"positioning-referential-mismatch", CISPREF_SEVERITY_WARNING,
	 "A positioning document names another referential id or edition than the one it is "
	 "checked against."},
	{"positioning-duplicate-level", CISPREF_SEVERITY_ERROR,
	 "Two levels of a positioning document's scale have the same id."},
	{"positioning-no-proficient-level", CISPREF_SEVERITY_WARNING,
	 "No level of a positioning document's scale counts as proficient: nothing can be "
	 "covered."},
	{"positioning-duplicate-person", CISPREF_SEVERITY_ERROR,
	 "Two persons of a positioning document have the same id."},
	{"positioning-unknown-person", CISPREF_SEVERITY_ERROR,
	 "A rating names a person the positioning document does not declare."},
	{"positioning-unknown-target", CISPREF_SEVERITY_ERROR,
	 "A rating's target is neither a competence nor an item of the referential."},
	{"positioning-unknown-level", CISPREF_SEVERITY_ERROR,
	 "A rating's level is not in the positioning document's scale."},
	{"positioning-duplicate-rating", CISPREF_SEVERITY_ERROR,
	 "Two ratings of one target by one person for the same date and source."},
};
enum { POSITIONING_TAG_COUNT = sizeof positioning_tags / sizeof positioning_tags[0] };

/* What a status tag means on validate's line of a file that could not be loaded; the
 * rest of the line says what was found. */
static const char *status_text(int code)
{
	switch (code) {
	case CISPREF_EARG: return "The file could not be checked: a bad argument reached the "
	                          "library (a bug to report).";
	case CISPREF_ENOMEM: return "The file could not be checked: memory ran out.";
	case CISPREF_EIO: return "The file could not be read (missing, unreadable, a directory); "
	                         "the message gives the system's reason.";
	case CISPREF_EXML: return "The file is not well-formed XML; the message says where.";
	case CISPREF_EFORMAT: return "The file is XML but not a referential or positioning "
	                             "document of cispref's format (root element, namespace, a "
	                             "required element or attribute).";
	case CISPREF_EVERSION: return "The document is of a format version this cispref does not "
	                              "read.";
	case CISPREF_ELIMIT: return "The file is beyond a limit of the loader (size, depth, "
	                            "number of nodes, length of a text).";
	case CISPREF_ERULE: return "The document breaks a rule that loading enforces; the "
	                           "message names the rule.";
	case CISPREF_EEXISTS: return "An id is used twice where loading needs it unique.";
	case CISPREF_ENOTFOUND: return "Something the document names does not exist.";
	case CISPREF_ESTOPPED: return "The check was stopped before its end.";
	default: return "The file could not be loaded; the rest of the line says why.";
	}
}

/* Number of status codes: -1 down to the last code cispref_status_tag() names. */
static int status_count(void)
{
	const char *unknown = cispref_status_tag(1); /* not a status code */
	int n = 0;
	while (strcmp(cispref_status_tag(-(n + 1)), unknown) != 0)
		n++;
	return n;
}

/* Severity and explanation of any tag validate prints, or NULL. */
static const char *explain_tag(cispref_severity_t *severity, const char *tag)
{
	const char *text = cispref_validator_tag_explain(severity, tag);
	if (text)
		return text;
	for (size_t i = 0; i < POSITIONING_TAG_COUNT; i++)
		if (strcmp(positioning_tags[i].tag, tag) == 0) {
			*severity = positioning_tags[i].severity;
			return positioning_tags[i].text;
		}
	for (int code = -1; code >= -status_count(); code--)
		if (strcmp(cispref_status_tag(code), tag) == 0) {
			*severity = CISPREF_SEVERITY_ERROR;
			return status_text(code);
		}
	return NULL;
}

/* The tag at @index of every tag validate prints: the validator's, the positioning
 * validator's, then the status tags; NULL past the end. */
static const char *tag_at(size_t index)
{
	size_t rules = cispref_validator_tag_count();
	if (index < rules)
		return cispref_validator_tag(index);
	index -= rules;
	if (index < POSITIONING_TAG_COUNT)
		return positioning_tags[index].tag;
	index -= POSITIONING_TAG_COUNT;
	return index < (size_t)status_count() ? cispref_status_tag(-(int)index - 1) : NULL;
}

/* The usage error of a tag validate never prints, with the close tags. */
static int unknown_tag(const char *tag)
{
	enum { SHOWN = 5 };
	size_t count = 0;
	while (tag_at(count))
		count++;
	const char **tags = malloc((count + 1) * sizeof *tags);
	const char *near[SHOWN];
	size_t n = 0;
	for (size_t i = 0; tags && i < count; i++)
		tags[i] = tag_at(i);
	if (tags)
		n = cispref_suggest(near, SHOWN, tag, tags, count);
	free(tags);
	if (!n)
		return cli_usage_error("unknown tag '%s' ('cispref validate --explain' lists them "
		                       "all)", cli_text(tag));
	char message[512];
	snprintf(message, sizeof message, "unknown tag '%s'", cli_text(tag));
	return cli_unknown_name(message, near, n < SHOWN ? n : SHOWN, NULL, 0);
}

/* "TAG<tab>SEVERITY<tab>EXPLANATION" for each of @tags, or for every tag validate
 * prints when @count is 0. */
static int explain(char **tags, int count)
{
	cispref_severity_t severity;
	for (int i = 0; i < count; i++)
		if (!explain_tag(&severity, tags[i]))
			return unknown_tag(tags[i]);
	for (size_t i = 0; count ? i < (size_t)count : tag_at(i) != NULL; i++) {
		const char *tag = count ? tags[i] : tag_at(i);
		const char *text = explain_tag(&severity, tag);
		printf("%s\t%s\t%s\n", tag, cispref_severity_name(severity), cli_text(text));
	}
	return EXIT_OK;
}

static int parse_level(cispref_severity_t *out, const char *arg)
{
	for (int s = 0; s < 3; s++)
		if (strcmp(arg, cispref_severity_name((cispref_severity_t)s)) == 0) {
			*out = (cispref_severity_t)s;
			return EXIT_OK;
		}
	return cli_usage_error("unknown level '%s' (error, warning or info)", arg);
}

typedef struct validate_args {
	tally tally;
	int quiet, explaining, level_given;
	const char **files; /* from -i, then the operands */
	const char *reference; /* -r: what positioning documents are checked against */
	size_t file_count;
} validate_args;

static int parse_arguments(validate_args *a, int argc, char **argv)
{
	static const struct option options[] = {
		{"level", required_argument, NULL, 'l'},
		{"quiet", no_argument, NULL, 'q'},
		{"input", required_argument, NULL, 'i'},
		{"explain", no_argument, NULL, 'x'},
		{"referential", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	int c, rc;
	cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":l:qi:r:xh", options, NULL)) != -1) {
		switch (c) {
		case 'l':
			if ((rc = parse_level(&a->tally.level, optarg)) != EXIT_OK)
				return rc;
			a->level_given = 1;
			break;
		case 'q': a->quiet = 1; break;
		case 'i': a->files[a->file_count++] = optarg; break;
		case 'x': a->explaining = 1; break;
		case 'r': a->reference = optarg; break;
		case 'h': help(); return -1;
		default: return cli_option_error(c, argv);
		}
	}
	if (a->explaining && (a->quiet || a->level_given || a->file_count))
		return cli_usage_error("--explain takes tags, not --quiet, --level or --input");
	if (a->quiet && a->level_given)
		return cli_usage_error("--quiet and --level do not go together");
	if (a->quiet)
		a->tally.level = CISPREF_SEVERITY_ERROR;
	if (!a->explaining)
		for (int i = optind; i < argc; i++)
			a->files[a->file_count++] = argv[i];
	return EXIT_OK;
}

int cmd_validate(int argc, char **argv)
{
	validate_args a = {{{0}, CISPREF_SEVERITY_INFO, 0}, 0, 0, 0, NULL, NULL, 0};
	/* At most one file per argument. */
	a.files = calloc((size_t)argc + 1, sizeof *a.files);
	if (!a.files) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	int rc = parse_arguments(&a, argc, argv);
	if (rc == EXIT_OK && a.explaining) {
		rc = explain(argv + optind, argc - optind);
	} else if (rc == EXIT_OK) {
		int failed = a.file_count ? 0 : validate_one(&a.tally, NULL, a.reference);
		for (size_t i = 0; i < a.file_count; i++)
			failed |= validate_one(&a.tally, a.files[i], a.reference);
		if (!a.quiet && !a.tally.incomplete)
			print_summary(&a.tally);
		rc = failed ? EXIT_INVALID : EXIT_OK;
	} else if (rc < 0) {
		rc = EXIT_OK; /* --help */
	}
	free(a.files);
	return rc;
}
