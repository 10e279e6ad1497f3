/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* Fuzz target: merging a gettext catalogue (cispref_referential_merge_po()) into a small
 * referential with a front matter, read here (every kind of text, for the markup path).
 *
 * Input: one option byte, then the catalogue. Bit 0 gives the language "nl" (else the
 * header's is taken); bit 1 gives "NL-be". libgettextpo reads files only: the catalogue
 * goes through a temporary file.
 *
 * Invariants: a refused catalogue leaves the referential as it was (its XML the same
 * bytes) and gives no report; a merged one gives a report whose lines are lines of the
 * input; the XML of the result loads back, strictly, into an equal referential. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cispref/cispref.h>

#include "fuzz.h"

/* The referential: a few nodes, and a front matter with every kind of text, so that the
 * markup of a rich text's msgstr is read and checked (markup.c). */
static const char small_xml[] =
	"<referential xmlns=\"urn:cispref:referential\" format-version=\"1\" id=\"r\" "
	"version=\"1\" xml:lang=\"fr\"><title>R\303\251f\303\251rentiel</title>"
	"<front-matter><section id=\"s\" number=\"1\"><heading>Les <em>principes</em></heading>"
	"<p>Le d\303\251cret<note-ref note=\"n1\"/> d\303\251finit les <q>missions <em>globales</em></q>.</p>"
	"<list id=\"l\"><item label=\"1\302\260\">un <em>point</em></item><item>deux</item></list>"
	"<quote><heading>Accompagner</heading><p>Marcher</p><attribution>Tony</attribution></quote>"
	"<timeline><phase><heading>PHASE</heading><step><date>2017</date><actors>Comit\303\251</actors>"
	"<task>Lancement</task></step></phase></timeline>"
	"<figure id=\"f\" drawing=\"contours\"><caption>Sch\303\251ma</caption></figure>"
	"<details/></section></front-matter>"
	"<domain id=\"psy\" kind=\"core\"><title>Domaine</title><plan id=\"psy.ind\" "
	"kind=\"individual\"><title>Individuel</title><competence id=\"psy.ind.1\"><title>Analyser"
	"</title><savoir-faire id=\"psy.ind.1.sf.1\">Cibler</savoir-faire></competence></plan></domain>"
	"<concepts><concept id=\"k\" kind=\"savoir\">Savoir</concept></concepts>"
	"<notes><note id=\"n1\" number=\"1\">Une note.</note></notes></referential>";

static cispref_referential *small(void)
{
	cispref_referential *ref = NULL;
	FUZZ_CHECK(cispref_referential_load_memory(&ref, small_xml, sizeof small_xml - 1, "r.xml",
	                                           NULL, NULL) == CISPREF_OK);
	return ref;
}

static char *xml_of(const cispref_referential *ref, size_t *size)
{
	char *xml = NULL;
	FUZZ_CHECK(cispref_export_buffer(&xml, size, ref, CISPREF_FORMAT_XML, NULL) == CISPREF_OK);
	return xml;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned options = data[0];
	data++;
	size--;
	char path[] = "/tmp/cispref-fuzz-po-XXXXXX";
	int fd = mkstemp(path);
	FUZZ_CHECK(fd >= 0);
	FUZZ_CHECK(write(fd, data, size) == (ssize_t)size);
	close(fd);
	size_t lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';

	cispref_referential *ref = small();
	size_t before_size;
	char *before = xml_of(ref, &before_size);
	const char *language = options & 1 ? "nl" : options & 2 ? "NL-be" : NULL;
	cispref_diagnostics *report = NULL;
	cispref_error error;
	int rc = cispref_referential_merge_po(ref, path, language, &report, &error);
	unlink(path);
	size_t after_size;
	char *after = xml_of(ref, &after_size);
	if (rc != CISPREF_OK) {
		FUZZ_CHECK(rc != CISPREF_ENOMEM);
		FUZZ_CHECK(report == NULL);
		FUZZ_CHECK(error.line <= lines);
		FUZZ_CHECK(before_size == after_size && memcmp(before, after, before_size) == 0);
	} else {
		FUZZ_CHECK(report != NULL);
		for (size_t i = 0; i < cispref_diagnostics_count(report); i++) {
			const cispref_diagnostic *d = cispref_diagnostics_get(report, i);
			FUZZ_CHECK(cispref_diagnostic_line(d) <= lines);
			fuzz_sink += fuzz_touch(cispref_diagnostic_message(d));
		}
		cispref_referential *again = NULL;
		FUZZ_CHECK(cispref_referential_load_memory(&again, after, after_size, "again.xml", NULL,
		                                           &error) == CISPREF_OK);
		FUZZ_CHECK(cispref_referential_equal(ref, again));
		for (size_t i = 0; i < cispref_referential_translation_language_count(again); i++) {
			const char *in = cispref_referential_translation_language(again, i);
			fuzz_sink += fuzz_touch(cispref_referential_node_text(again, "psy.ind.1", in));
			fuzz_sink += fuzz_touch(cispref_referential_title_in(again, in));
			fuzz_sink += fuzz_touch(cispref_rich_text_plain(
				cispref_referential_front_matter_text(again, "s", "block 2 text", in)));
		}
		cispref_referential_free(again);
	}
	cispref_diagnostics_free(report);
	cispref_buffer_free(before);
	cispref_buffer_free(after);
	cispref_referential_free(ref);
	return 0;
}
