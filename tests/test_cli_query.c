/* SPDX-FileCopyrightText: 2026 cispref developers
 * SPDX-License-Identifier: MIT */
/* The query subcommands of the cispref tool (search, show, list, concepts): outputs and
 * exit codes, run as a child process on the embedded referential and on fixtures.
 * Expected texts are copied from data/accompagnement-cisp.xml; counts were made by hand
 * from it (5 domains, 9 plans, 21 competences, 52 concepts). */
#include "run_program.h"

static size_t count_lines(const char *text)
{
	size_t n = 0;
	for (const char *p = text; *p; p++)
		n += *p == '\n';
	return n;
}

/* Line @n (0-based) of @text, without its newline, in a static buffer. */
static const char *line(const char *text, size_t n)
{
	static char buf[8192];
	const char *p = text;
	for (size_t i = 0; i < n && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p || !*p)
		return "";
	size_t len = strcspn(p, "\n");
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

/* The id at the start of each line of @text is @ids[i], and there are exactly @n lines. */
static void assert_ids(const char *text, const char *const *ids, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *l = line(text, i);
		size_t len = strcspn(l, "\t");
		if (len != strlen(ids[i]) || strncmp(l, ids[i], len) != 0)
			fail_msg("line %zu is '%s', expected id %s", i, l, ids[i]);
	}
	assert_int_equal(count_lines(text), n);
}

#define ASSERT_IDS(text, ids) assert_ids(text, ids, N_ELEMENTS(ids))

static void test_help(void **state)
{
	(void)state;
	static const char *const commands[] = {"search", "show", "list", "concepts"};
	for (size_t i = 0; i < N_ELEMENTS(commands); i++) {
		char usage[64];
		snprintf(usage, sizeof usage, "Usage: cispref %s", commands[i]);
		run r = run_cispref(commands[i], "--help", NULL);
		assert_int_equal(r.status, 0);
		assert_non_null(strstr(r.out, usage));
		assert_string_equal(r.err, "");
		run_free(&r);
		r = run_cispref(commands[i], "-h", NULL);
		assert_int_equal(r.status, 0);
		assert_non_null(strstr(r.out, usage));
		run_free(&r);
		/* Unknown options are usage errors. */
		r = run_cispref(commands[i], "--bogus", NULL);
		assert_int_equal(r.status, 2);
		run_free(&r);
	}
	/* The tool's own help lists them. */
	run r = run_cispref("--help", NULL);
	assert_int_equal(r.status, 0);
	for (size_t i = 0; i < N_ELEMENTS(commands); i++)
		assert_non_null(strstr(r.out, commands[i]));
	run_free(&r);
}

static void test_search_text(void **state)
{
	(void)state;
	run r = run_cispref("search", "RGPD", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"psy.ind.2.s.2\titem\tAccompagnement psycho-social › Individuel › Analyser les "
		"besoins psycho-sociaux de la-du stagiaire › Les notions concernant la législation "
		"relative au respect de la vie privée et RGPD\n"
		"psy.ind.5.s.3\titem\tAccompagnement psycho-social › Individuel › Accompagner la-le "
		"stagiaire dans la gestion des problématiques psychosociales › Les notions concernant "
		"la législation relative au respect de la vie privée et au RGPD\n");
	assert_string_equal(r.err, "");
	run_free(&r);

	/* Case and accents do not matter; several arguments are several words (AND). */
	static const char *const techniques_entretien[] = {
		"psy.ind.1.s.3", "psy.ind.2.s.5", "psy.ind.3.s.1", "peda.ind.2.s.4", "peda.ind.3.s.4",
		"sociopro.ind.1.s.2", "sociopro.ind.2.s.4", "sociopro.ind.3.s.2"};
	r = run_cispref("search", "TECHNIQUES", "Entretien", NULL);
	assert_int_equal(r.status, 0);
	ASSERT_IDS(r.out, techniques_entretien);
	run_free(&r);
	/* One argument holding both words works the same. */
	r = run_cispref("search", "techniques entretien", NULL);
	assert_int_equal(r.status, 0);
	ASSERT_IDS(r.out, techniques_entretien);
	run_free(&r);

	/* Titles, then summary entries, then items; the field is the second column. */
	r = run_cispref("search", "partenar", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(line(r.out, 0),
	                    "com.ext.2\ttitle\tCommunication › Communication externe › Elaborer des "
	                    "partenariats relatifs aux domaines de l'accompagnement");
	assert_string_equal(line(r.out, 1),
	                    "com.sum.3\tsummary\tCommunication › Elaborer des partenariats relatifs "
	                    "aux domaines de l'accompagnement");
	assert_int_equal(count_lines(r.out), 7);
	run_free(&r);

	/* No hit: nothing printed, success. */
	r = run_cispref("search", "xylophone", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	run_free(&r);
}

static void test_search_json(void **state)
{
	(void)state;
	run r = run_cispref("search", "--format", "json", "ROI", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"[\n"
		"  {\n"
		"    \"id\": \"peda.col.2.sf.6\",\n"
		"    \"field\": \"item\",\n"
		"    \"text\": \"Etablir et faire respecter les règles de vie en groupe en cohérence avec le ROI\",\n"
		"    \"path\": \"Accompagnement pédagogique › Collectif › Gérer la dynamique de groupe › "
		"Etablir et faire respecter les règles de vie en groupe en cohérence avec le ROI\",\n"
		"    \"matched_words\": 1,\n"
		"    \"domain\": \"peda\",\n"
		"    \"plan\": \"peda.col\",\n"
		"    \"competence\": \"peda.col.2\"\n"
		"  }\n"
		"]\n");
	run_free(&r);

	r = run_cispref("search", "-f", "json", "xylophone", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "[]\n");
	run_free(&r);

	r = run_cispref("search", "--format", "text", "ROI", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(count_lines(r.out), 1);
	assert_true(strncmp(r.out, "peda.col.2.sf.6\titem\t", 21) == 0);
	run_free(&r);

	/* A summary hit has no plan; a summary entry that names no competence has none. The
	 * item "alpha-beta-alpha-beta" is found too: its compound joined, "alphabeta", begins
	 * with "alphabet"; that one joined word is its one matching word. */
	r = run_cispref("search", "-f", "json", "-i", fixture("query-search.xml"), "alphabet", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"[\n"
		"  {\n"
		"    \"id\": \"d1.sum.2\",\n"
		"    \"field\": \"summary\",\n"
		"    \"text\": \"Alpha beta alphabet\",\n"
		"    \"path\": \"Domaine un › Alpha beta alphabet\",\n"
		"    \"matched_words\": 1,\n"
		"    \"domain\": \"d1\",\n"
		"    \"plan\": null,\n"
		"    \"competence\": null\n"
		"  },\n"
		"  {\n"
		"    \"id\": \"d1.ind.2.s.1\",\n"
		"    \"field\": \"item\",\n"
		"    \"text\": \"alpha-beta-alpha-beta\",\n"
		"    \"path\": \"Domaine un › Individuel › Alphas et betas alpha › alpha-beta-alpha-beta\",\n"
		"    \"matched_words\": 1,\n"
		"    \"domain\": \"d1\",\n"
		"    \"plan\": \"d1.ind\",\n"
		"    \"competence\": \"d1.ind.2\"\n"
		"  }\n"
		"]\n");
	run_free(&r);
}

static void test_search_filters(void **state)
{
	(void)state;
	/* "ecoute": 15 items; 5 in the psycho-social domain. */
	run r = run_cispref("search", "ecoute", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(count_lines(r.out), 15);
	run_free(&r);

	static const char *const psy[] = {"psy.ind.1.sfc.2", "psy.ind.2.sfc.2", "psy.ind.3.sfc.3",
	                                  "psy.ind.4.sfc.3", "psy.ind.5.sfc.2"};
	r = run_cispref("search", "--domain", "psy", "ecoute", NULL);
	assert_int_equal(r.status, 0);
	ASSERT_IDS(r.out, psy);
	run_free(&r);
	r = run_cispref("search", "-d", "psy", "ecoute", NULL);
	assert_int_equal(r.status, 0);
	ASSERT_IDS(r.out, psy);
	run_free(&r);

	static const char *const collective[] = {"peda.col.1.sfc.4", "peda.col.1.s.3",
	                                         "peda.col.2.sfc.1"};
	r = run_cispref("search", "--plan", "collective", "ecoute", NULL);
	assert_int_equal(r.status, 0);
	ASSERT_IDS(r.out, collective);
	run_free(&r);
	/* Repeated: either kind. Individual plans hold the other 12. */
	r = run_cispref("search", "-p", "collective", "-p", "individual", "ecoute", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(count_lines(r.out), 15);
	run_free(&r);
	r = run_cispref("search", "-p", "joint", "ecoute", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	run_free(&r);

	static const char *const savoirs[] = {"peda.ind.3.s.8", "peda.col.1.s.3"};
	r = run_cispref("search", "--kind", "savoir", "ecoute", NULL);
	assert_int_equal(r.status, 0);
	ASSERT_IDS(r.out, savoirs);
	run_free(&r);
	r = run_cispref("search", "-k", "savoir", "-k", "savoir-faire-comportemental", "ecoute", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(count_lines(r.out), 15);
	run_free(&r);
	/* An item kind leaves out titles and summary entries. */
	r = run_cispref("search", "--kind", "savoir-faire", "partenar", NULL);
	assert_int_equal(r.status, 0);
	static const char *const partenar_sf[] = {"psy.ind.3.sf.1", "psy.ind.5.sf.8",
	                                          "com.ext.2.sf.1", "com.ext.2.sf.3"};
	ASSERT_IDS(r.out, partenar_sf);
	run_free(&r);

	/* Limit: the best hits, titles first. */
	static const char *const stagiaire2[] = {"psy.ind.2", "psy.ind.3"};
	r = run_cispref("search", "--limit", "2", "stagiaire", NULL);
	assert_int_equal(r.status, 0);
	ASSERT_IDS(r.out, stagiaire2);
	run_free(&r);
	/* com.int.1.sf.5, com.ext.1.sf.1 and com.ext.1.sf.2 ("... de la du stagiaire",
	 * "... des stagiaires", "... du stagiaire"): the first one. */
	r = run_cispref("search", "-n", "1", "-d", "com", "-k", "savoir-faire", "stagiaire", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(count_lines(r.out), 1);
	assert_string_equal(line(r.out, 0), "com.int.1.sf.5\titem\tCommunication › Communication interne › "
	                    "Transmettre des informations pertinentes relatives au suivi de la du stagiaire "
	                    "dans le cadre des bilans pédagogiques et psycho-sociaux, la réorientation, les "
	                    "contacts avec les instances extérieures... › Identifier les personnes ressources "
	                    "extérieures pertinentes à la qualité d'accompagnement de la du stagiaire selon "
	                    "sa situation (dont le transfert de l'information)");
	run_free(&r);
	r = run_cispref("search", "-d", "com", "-k", "savoir", "stagiaire", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	run_free(&r);

	/* All together, on a fixture. */
	r = run_cispref("search", "-i", fixture("query-search.xml"), "-d", "d1", "-p", "individual",
	            "-k", "savoir-faire", "-n", "1", "alpha", "beta", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
	                    "d1.ind.1.sf.2\titem\tDomaine un › Individuel › Beta alpha › Alpha, beta, alpha\n");
	run_free(&r);
}

static void test_search_errors(void **state)
{
	(void)state;
	run r = run_cispref("search", "--plan", "solo", "ecoute", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown plan kind 'solo'"));
	assert_string_equal(r.out, "");
	run_free(&r);

	r = run_cispref("search", "--kind", "savoirs", "ecoute", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown item kind 'savoirs'"));
	run_free(&r);

	/* An id that names no domain is a usage error; with nothing close to it, the
	 * message lists the domains (those of the embedded referential, in its order). */
	r = run_cispref("search", "--domain", "nope", "ecoute", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, "cispref search: no domain has the id 'nope'; it must be one "
	                           "of psy, peda, sociopro, admin or com\n");
	assert_string_equal(r.out, "");
	run_free(&r);
	/* An id of another kind of node is no domain either. */
	r = run_cispref("search", "--domain", "psy.ind", "ecoute", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no domain has the id 'psy.ind'"));
	run_free(&r);
	/* A close id is suggested instead. */
	r = run_cispref("search", "--domain", "PSY", "ecoute", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, "cispref search: no domain has the id 'PSY'; did you mean psy?\n");
	run_free(&r);

	/* No word at all, or none once punctuation is left out. */
	r = run_cispref("search", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no word"));
	run_free(&r);
	r = run_cispref("search", "-d", "psy", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("search", "\xc2\xb7-.", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no word"));
	run_free(&r);
	r = run_cispref("search", "", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("search", "\xff", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "UTF-8"));
	run_free(&r);

	/* Bad option values. */
	r = run_cispref("search", "--limit", "abc", "ecoute", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("search", "--limit", "-1", "ecoute", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("search", "--format", "yaml", "ecoute", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown format 'yaml'"));
	run_free(&r);

	/* An input that cannot be read. */
	r = run_cispref("search", "-i", "/nonexistent/referential.xml", "ecoute", NULL);
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	run_free(&r);
}

static void test_show(void **state)
{
	(void)state;
	/* A domain: its summary entries and plans. */
	run r = run_cispref("show", "admin", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"domain admin [transversal]\n"
		"Accompagnement administratif\n"
		"Summary:\n"
		"  admin.sum.1 [individual] Réaliser les suivis administratifs liés aux domaines de "
		"l'accompagnement individuel\n"
		"  admin.sum.2 [collective] Réaliser les suivis administratifs liés à "
		"l'accompagnement collectif\n"
		"Plans:\n"
		"  admin.joint [joint] Individuel et collectif\n");
	assert_string_equal(r.err, "");
	run_free(&r);
	r = run_cispref("show", "psy", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(line(r.out, 0), "domain psy [core]");
	assert_string_equal(line(r.out, 1), "Accompagnement psycho-social");
	assert_string_equal(line(r.out, 2), "Summary:");
	assert_string_equal(line(r.out, 9), "  psy.sum.7 [collective] Gérer la dynamique de groupe");
	assert_string_equal(line(r.out, 10), "Plans:");
	assert_string_equal(line(r.out, 11), "  psy.ind [individual] Individuel");
	assert_string_equal(line(r.out, 12), "  psy.col [collective] Collectif");
	assert_int_equal(count_lines(r.out), 13);
	run_free(&r);

	/* Summary entries, linked and not. */
	r = run_cispref("show", "psy.sum.1", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"summary entry psy.sum.1 [individual] in psy\n"
		"Réaliser les bilans de compétences transversales sociales à chaque étape de la "
		"formation (entrée, en cours et en fin)\n"
		"Competence: psy.ind.1\n");
	run_free(&r);
	r = run_cispref("show", "psy.sum.7", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"summary entry psy.sum.7 [collective] in psy\n"
		"Gérer la dynamique de groupe\n"
		"Competence: (none)\n");
	run_free(&r);

	/* A plan and its competences. */
	r = run_cispref("show", "com.ext", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"plan com.ext [external] in com\n"
		"Communication externe\n"
		"Competences:\n"
		"  com.ext.1 Etablir des contacts institutionnels\n"
		"  com.ext.2 Elaborer des partenariats relatifs aux domaines de l'accompagnement\n"
		"  com.ext.3 Participer à la promotion de l'association en fonction des missions "
		"d'accompagnement\n");
	run_free(&r);

	/* A competence with its three lists, empty ones included. */
	r = run_cispref("show", "com.ext.3", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"competence com.ext.3 in com.ext\n"
		"Participer à la promotion de l'association en fonction des missions d'accompagnement\n"
		"Savoir-faire:\n"
		"  com.ext.3.sf.1 Utiliser les moyens de communication adéquats\n"
		"  com.ext.3.sf.2 Identifier les informations pertinentes à promouvoir\n"
		"  com.ext.3.sf.3 Participer aux réunions d'équipes pluridisciplinaires\n"
		"Savoir-faire comportementaux:\n"
		"Savoirs:\n");
	run_free(&r);
	/* ... and its notes: psy.ind.1 is 4/5/5 with note 21. */
	r = run_cispref("show", "psy.ind.1", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(line(r.out, 0), "competence psy.ind.1 in psy.ind");
	assert_string_equal(line(r.out, 2), "Savoir-faire:");
	assert_string_equal(line(r.out, 3), "  psy.ind.1.sf.1 Elaborer des outils adaptés");
	assert_string_equal(line(r.out, 7), "Savoir-faire comportementaux:");
	assert_string_equal(line(r.out, 13), "Savoirs:");
	assert_string_equal(line(r.out, 19),
	                    "Note 21: Les compétences transversales sociales et en situation "
	                    "professionnelle comme prévu dans le Plan Individuel de Formation (PIF).");
	assert_int_equal(count_lines(r.out), 20);
	run_free(&r);

	/* Items, with and without a concept. */
	r = run_cispref("show", "peda.col.2.sf.6", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"savoir-faire peda.col.2.sf.6 in peda.col.2\n"
		"Etablir et faire respecter les règles de vie en groupe en cohérence avec le ROI\n"
		"Concept: (none)\n");
	run_free(&r);
	r = run_cispref("show", "sociopro.ind.3.sfc.2", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"savoir-faire-comportemental sociopro.ind.3.sfc.2 in sociopro.ind.3\n"
		"Posture d'écoute active\n"
		"Concept: c.ecoute-active\n");
	run_free(&r);

	/* A concept and the items that use it. */
	r = run_cispref("show", "c.ecoute-active", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(line(r.out, 0), "concept c.ecoute-active [savoir-faire-comportemental]");
	assert_string_equal(line(r.out, 1), "Adopter une posture d'écoute active");
	assert_string_equal(line(r.out, 2), "Items (13, in 13 competences):");
	assert_string_equal(line(r.out, 3),
	                    "  psy.ind.1.sfc.2 Adopter une posture d'écoute active (empathie, "
	                    "questionnement, reformulation)");
	assert_string_equal(line(r.out, 15), "  sociopro.ind.3.sfc.2 Posture d'écoute active");
	assert_int_equal(count_lines(r.out), 16);
	run_free(&r);
	r = run_cispref("show", "-i", fixture("query-concepts.xml"), "c.f", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "concept c.f [savoir]\nSavoir F\nItems (0, in 0 competences):\n");
	run_free(&r);
	r = run_cispref("show", "-i", fixture("query-concepts.xml"), "c.t", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"concept c.t [savoir]\n"
		"Savoir T\n"
		"Items (4, in 2 competences):\n"
		"  d1.ind.1.s.2 Savoir T\n"
		"  d2.ext.1.s.1 Savoir T une\n"
		"  d2.ext.1.s.2 Savoir T deux\n"
		"  d2.ext.1.s.3 Savoir T trois\n");
	run_free(&r);

	/* A note. */
	r = run_cispref("show", "note.21", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"note note.21 (number 21)\n"
		"Les compétences transversales sociales et en situation professionnelle comme prévu "
		"dans le Plan Individuel de Formation (PIF).\n");
	run_free(&r);
}

static void test_show_errors(void **state)
{
	(void)state;
	/* An id that names nothing is a usage error (cispref(1), EXIT STATUS). */
	run r = run_cispref("show", "nope", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err, "cispref show: no node has the id 'nope'\n");
	run_free(&r);
	r = run_cispref("show", "PSY", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, "cispref show: no node has the id 'PSY'; did you mean psy?\n");
	run_free(&r);
	/* The example: the concept's id without its "c." prefix. */
	r = run_cispref("show", "ecoute-active", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_non_null(strstr(r.err, "cispref show: no node has the id 'ecoute-active'; did you "
	                              "mean c.ecoute-active"));
	run_free(&r);
	r = run_cispref("show", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("show", "psy", "peda", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("show", "-i", "/nonexistent/referential.xml", "psy", NULL);
	assert_int_equal(r.status, 1);
	run_free(&r);
}

static void test_list(void **state)
{
	(void)state;
	run r = run_cispref("list", NULL);
	assert_int_equal(r.status, 0);
	/* The referential, 5 domains, 9 plans and 21 competences. */
	assert_int_equal(count_lines(r.out), 1 + 5 + 9 + 21);
	assert_string_equal(line(r.out, 0),
	                    "cisp-accompagnement\tRéférentiel de compétences de l'accompagnement en CISP");
	assert_string_equal(line(r.out, 1), "  psy\tAccompagnement psycho-social [core]");
	assert_string_equal(line(r.out, 2), "    psy.ind\tIndividuel [individual]");
	assert_string_equal(line(r.out, 3),
	                    "      psy.ind.1\tRéaliser les bilans de compétences transversales à "
	                    "chaque étape de la formation (entrée, en cours et en fin) (4/5/5)");
	assert_string_equal(line(r.out, 4),
	                    "      psy.ind.2\tAnalyser les besoins psycho-sociaux de la-du stagiaire (10/5/6)");
	assert_string_equal(line(r.out, 35),
	                    "      com.ext.3\tParticiper à la promotion de l'association en fonction "
	                    "des missions d'accompagnement (3/0/0)");
	assert_non_null(strstr(r.out, "\n  admin\tAccompagnement administratif [transversal]\n"
	                              "    admin.joint\tIndividuel et collectif [joint]\n"));
	assert_string_equal(r.err, "");
	run_free(&r);

	r = run_cispref("list", "-i", fixture("query-concepts.xml"), NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"query-concepts\tConcepts partagés\n"
		"  d1\tDomaine un [core]\n"
		"    d1.ind\tIndividuel [individual]\n"
		"      d1.ind.1\tPremière compétence (2/1/2)\n"
		"    d1.col\tCollectif [collective]\n"
		"      d1.col.1\tDeuxième compétence (3/2/0)\n"
		"  d2\tDomaine deux [transversal]\n"
		"    d2.int\tInterne [internal]\n"
		"      d2.int.1\tTroisième compétence (2/0/2)\n"
		"    d2.ext\tExterne [external]\n"
		"      d2.ext.1\tQuatrième compétence (1/0/4)\n"
		"      d2.ext.2\tCinquième compétence (1/0/0)\n");
	run_free(&r);

	r = run_cispref("list", "extra", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
}

static void test_concepts(void **state)
{
	(void)state;
	/* Three concepts are each used by 13 items in 13 competences: listed in the order
	 * of the document. */
	run r = run_cispref("concepts", "--top", "3", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"c.ecoute-active\t13 competences\t13 items\tsavoir-faire-comportemental\t"
		"Adopter une posture d'écoute active\n"
		"c.ethique-deontologie\t13 competences\t13 items\tsavoir-faire-comportemental\t"
		"Respecter les règles éthiques et déontologiques\n"
		"c.remise-en-question\t13 competences\t13 items\tsavoir-faire-comportemental\t"
		"Etre capable de se remettre en question\n");
	assert_string_equal(r.err, "");
	run_free(&r);

	r = run_cispref("concepts", "-t", "1", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(count_lines(r.out), 1);
	assert_true(strncmp(r.out, "c.ecoute-active\t", 16) == 0);
	run_free(&r);

	/* By the words of their labels: "écoute active" is in two labels of
	 * data/accompagnement-cisp.xml, the aptitude and the savoir; both hold both words as
	 * typed, so document order. Words after the option are part of the query. */
	r = run_cispref("concepts", "--search", "ecoute", "active", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"c.ecoute-active\t13 competences\t13 items\tsavoir-faire-comportemental\t"
		"Adopter une posture d'écoute active\n"
		"c.savoir-ecoute-active\t2 competences\t2 items\tsavoir\tL'écoute active\n");
	run_free(&r);
	r = run_cispref("concepts", "-s", "l\xE2\x80\x99" "ecoute", "-t", "1", NULL);
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "c.ecoute-active\t", 16) == 0 && count_lines(r.out) == 1);
	run_free(&r);
	r = run_cispref("concepts", "-s", "xylophone", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	run_free(&r);
	r = run_cispref("concepts", "-s", " ;", NULL); /* no word: a usage error */
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no word"));
	run_free(&r);

	/* All 52 concepts are used; a larger --top prints them all. */
	r = run_cispref("concepts", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(count_lines(r.out), 52);
	run_free(&r);
	r = run_cispref("concepts", "--top", "1000", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(count_lines(r.out), 52);
	run_free(&r);

	/* On the fixture: unused concepts are not listed. */
	static const char *const fixture_order[] = {"c.x", "c.t", "c.y", "c.zeta", "c.alpha",
	                                            "c.v", "c.u"};
	r = run_cispref("concepts", "-i", fixture("query-concepts.xml"), NULL);
	assert_int_equal(r.status, 0);
	ASSERT_IDS(r.out, fixture_order);
	assert_string_equal(line(r.out, 1), "c.t\t2 competences\t4 items\tsavoir\tSavoir T");
	run_free(&r);

	/* 0 means no limit, as search --limit 0 does (cispref(1), OPTIONS). */
	r = run_cispref("concepts", "--top", "0", NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(count_lines(r.out), 52);
	run_free(&r);
	r = run_cispref("concepts", "--top", "-2", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("concepts", "--top", "three", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = run_cispref("concepts", "extra", NULL);
	assert_int_equal(r.status, 2);
	run_free(&r);
}

/* ---- texts holding a tab, a line feed or a carriage return --------------------------
 * tests/fixtures/cli-control-chars.xml writes them as &#9; &#10; &#13; (kept as such
 * by XML), and one item over two source lines. cispref(1), OUTPUT: every record is one
 * line, a tab in a text is written "\t", a line feed "\n", a carriage return "\r" and a
 * backslash "\\". The expected lines below are the fixture's texts escaped by that rule. */

#define CONTROL "cli-control-chars.xml"

static void test_list_control_chars(void **state)
{
	(void)state;
	run r = run_cispref("list", "-i", fixture(CONTROL), NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"ctl\tTitre\\nsur deux lignes\n"
		"  d\tDomaine\\ttabulé [core]\n"
		"    d.ind\tPlan\\rindividuel [individual]\n"
		"      c1\tCompétence\\tune\\ndeux (1/1/1)\n");
	run_free(&r);
}

static void test_search_control_chars(void **state)
{
	(void)state;
	/* Three fields a line: id, field, path; the path is escaped as a whole. "écoute" as
	 * typed ranks before "Écouter", a word of the same stem. */
	run r = run_cispref("search", "-i", fixture(CONTROL), "ecoute", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"c1.sfc.1\titem\tDomaine\\ttabulé › Plan\\rindividuel › Compétence\\tune\\ndeux › "
		"Être\\nà l'écoute\n"
		"c1.sf.1\titem\tDomaine\\ttabulé › Plan\\rindividuel › Compétence\\tune\\ndeux › "
		"Écouter\\tactivement\n");
	run_free(&r);
	r = run_cispref("search", "-i", fixture(CONTROL), "sommaire", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "d.sum.1\tsummary\tDomaine\\ttabulé › Entrée\\ndu sommaire\n");
	run_free(&r);
	/* A backslash is doubled, so that "\n" in a text stays apart from a line feed. */
	r = run_cispref("search", "-i", fixture(CONTROL), "dossier", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"c1.s.1\titem\tDomaine\\ttabulé › Plan\\rindividuel › Compétence\\tune\\ndeux › "
		"Savoir C:\\\\dossier\\nsuite\n");
	run_free(&r);
}

static void test_show_control_chars(void **state)
{
	(void)state;
	static const struct {
		const char *id;
		const char *out;
	} cases[] = {
		{"d", "domain d [core]\nDomaine\\ttabulé\nSummary:\n"
		      "  d.sum.1 [individual] Entrée\\ndu sommaire\nPlans:\n"
		      "  d.ind [individual] Plan\\rindividuel\n"},
		{"d.sum.1", "summary entry d.sum.1 [individual] in d\nEntrée\\ndu sommaire\n"
		            "Competence: c1\n"},
		{"d.ind", "plan d.ind [individual] in d\nPlan\\rindividuel\nCompetences:\n"
		          "  c1 Compétence\\tune\\ndeux\n"},
		{"c1", "competence c1 in d.ind\nCompétence\\tune\\ndeux\n"
		       "Savoir-faire:\n  c1.sf.1 Écouter\\tactivement\n"
		       "Savoir-faire comportementaux:\n  c1.sfc.1 Être\\nà l'écoute\n"
		       "Savoirs:\n  c1.s.1 Savoir C:\\\\dossier\\nsuite\n"
		       "Note 2\\t1: Note\\nlongue\n"},
		{"c1.sf.1", "savoir-faire c1.sf.1 in c1\nÉcouter\\tactivement\nConcept: k1\n"},
		{"k1", "concept k1 [savoir-faire]\nÉcoute\\tactive\nItems (1, in 1 competences):\n"
		       "  c1.sf.1 Écouter\\tactivement\n"},
		{"n1", "note n1 (number 2\\t1)\nNote\\nlongue\n"},
	};
	for (size_t i = 0; i < N_ELEMENTS(cases); i++) {
		run r = run_cispref("show", "-i", fixture(CONTROL), cases[i].id, NULL);
		assert_int_equal(r.status, 0);
		assert_string_equal(r.out, cases[i].out);
		run_free(&r);
	}
}

static void test_concepts_control_chars(void **state)
{
	(void)state;
	run r = run_cispref("concepts", "-i", fixture(CONTROL), NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
		"k1\t1 competences\t1 items\tsavoir-faire\tÉcoute\\tactive\n");
	run_free(&r);
}

/* ---- write errors: standard output on a full device (cispref(1), EXIT STATUS) ---- */

static void test_search_write_error(void **state)
{
	(void)state;
	assert_write_error("search", "search", "ecoute", NULL);
	assert_write_error("search", "search", "--format", "json", "ecoute", NULL);
	/* No hit: nothing to write, nothing lost. */
	run r = run_cispref_to("/dev/full", "search", "xyzzy", NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	run_free(&r);
}

static void test_show_write_error(void **state)
{
	(void)state;
	assert_write_error("show", "show", "psy.ind.1", NULL);
	assert_write_error("show", "show", "psy", NULL);
}

static void test_list_write_error(void **state)
{
	(void)state;
	assert_write_error("list", "list", NULL);
	assert_write_error("list", "list", "--help", NULL);
}

static void test_concepts_write_error(void **state)
{
	(void)state;
	assert_write_error("concepts", "concepts", NULL);
	assert_write_error("concepts", "concepts", "--top", "1", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_search_text),
		cmocka_unit_test(test_search_json),
		cmocka_unit_test(test_search_filters),
		cmocka_unit_test(test_search_errors),
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_show_errors),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_concepts),
		cmocka_unit_test(test_list_control_chars),
		cmocka_unit_test(test_search_control_chars),
		cmocka_unit_test(test_show_control_chars),
		cmocka_unit_test(test_concepts_control_chars),
		cmocka_unit_test(test_search_write_error),
		cmocka_unit_test(test_show_write_error),
		cmocka_unit_test(test_list_write_error),
		cmocka_unit_test(test_concepts_write_error),
	};
	return cmocka_run_group_tests(tests, run_dir_setup, run_dir_teardown);
}
