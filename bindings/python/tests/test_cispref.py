"""Tests of the cispref Python module (standard library unittest only)."""
import gc
import json
import os
import subprocess
import sys
import tempfile
import unittest

import cispref

SOURCE_ROOT = os.environ.get("CISPREF_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIXTURES = os.path.join(SOURCE_ROOT, "tests", "fixtures")
DATA = os.path.join(SOURCE_ROOT, "data", "accompagnement-cisp.xml")


def items_json(items):
    return [{"id": i.id, "text": i.text, "concept": i.concept_id} for i in items]


def walk(ref):
    """The referential as the JSON contract shapes it, built from the Python objects."""
    return {
        "format": "cispref-json", "format_version": 1,
        "id": ref.id, "title": ref.title, "version": ref.version, "language": ref.language,
        "domains": [{
            "id": d.id, "kind": d.kind, "title": d.title,
            "summary": [{"plan": e.plan, "text": e.text, "competence": e.competence_id}
                        for e in d.summary],
            "plans": [{
                "id": p.id, "kind": p.kind, "title": p.title,
                "competences": [{
                    "id": c.id, "title": c.title,
                    "savoir_faire": items_json(c.savoir_faire),
                    "savoir_faire_comportementaux": items_json(c.savoir_faire_comportementaux),
                    "savoirs": items_json(c.savoirs),
                    "notes": list(c.note_ids),
                } for c in p.competences],
            } for p in d.plans],
        } for d in ref.domains],
        "concepts": [{"id": c.id, "kind": c.kind, "label": c.label} for c in ref.concepts],
        "notes": [{"id": n.id, "number": n.number, "text": n.text} for n in ref.notes],
    }


def rss_kib():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


class ModelTest(unittest.TestCase):
    def setUp(self):
        self.ref = cispref.default()

    def test_walk_matches_the_json_export(self):
        self.assertEqual(walk(self.ref), json.loads(self.ref.to_json()))

    def test_counts_of_the_embedded_referential(self):
        ref = self.ref
        self.assertEqual(len(ref.domains), 5)
        self.assertEqual([d.kind for d in ref.domains], ["core"] * 3 + ["transversal"] * 2)
        self.assertEqual(sum(len(d.plans) for d in ref.domains), 9)
        self.assertEqual(sum(len(p.competences) for d in ref.domains for p in d.plans), 21)
        self.assertEqual(sum(len(d.summary) for d in ref.domains), 24)
        self.assertEqual([n.number for n in ref.notes], ["21", "22", "23"])

    def test_sequences(self):
        domains = self.ref.domains
        self.assertEqual(domains[-1].id, "com")
        self.assertEqual([d.id for d in domains[1:3]], ["peda", "sociopro"])
        self.assertEqual([d.id for d in domains][::-1], [d.id for d in domains[::-1]])
        with self.assertRaises(IndexError):
            domains[5]
        with self.assertRaises(TypeError):
            domains["psy"]
        self.assertIn(domains[0], list(domains))

    def test_lookup_by_id_and_parents(self):
        ref = self.ref
        item = ref["psy.ind.1.sf.1"]
        self.assertIsInstance(item, cispref.Item)
        self.assertEqual(item.text, "Elaborer des outils adaptés")
        self.assertEqual(item.kind, "savoir-faire")
        self.assertEqual(item.parent, ref["psy.ind.1"])
        self.assertEqual(item.competence.plan.domain.id, "psy")
        self.assertIs(item.competence.plan.domain.parent, ref)
        self.assertIsInstance(ref["note.21"], cispref.Note)
        self.assertIsInstance(ref["psy.sum.1"], cispref.SummaryEntry)
        self.assertIsNone(ref.get("nope"))
        self.assertEqual(ref.get("nope", 7), 7)
        self.assertIn("psy.ind", ref)
        self.assertNotIn("nope", ref)
        with self.assertRaises(KeyError):
            ref["nope"]
        with self.assertRaises(TypeError):
            ref[3]

    def test_summary_links_and_notes(self):
        ref = self.ref
        self.assertEqual(ref["psy.sum.1"].competence.id, "psy.ind.1")
        self.assertIsNone(ref["psy.sum.7"].competence)
        self.assertEqual([n.id for n in ref["psy.ind.1"].notes], ["note.21"])

    def test_concepts(self):
        concept = self.ref["c.ecoute-active"]
        self.assertEqual(concept.kind, "savoir-faire-comportemental")
        self.assertEqual(len(concept.items), 13)
        self.assertTrue(all(i.concept == concept for i in concept.items))
        self.assertEqual(len(concept.competences), 13)
        top = self.ref.top_concepts(3)
        self.assertEqual(len(top), 3)
        self.assertEqual(top[0].id, "c.ecoute-active")
        related = self.ref["psy.ind.1"].related()
        self.assertTrue(all(shared >= 1 for _, shared in related))
        self.assertEqual(sorted(related, key=lambda r: -r[1]), related)

    def test_repr(self):
        self.assertEqual(repr(self.ref["note.21"])[:15], "<Note note.21 '")
        self.assertTrue(repr(self.ref).startswith("<cispref.Referential cisp-accompagnement"))


class SearchTest(unittest.TestCase):
    def setUp(self):
        self.ref = cispref.default()

    def test_accents_and_case_are_ignored(self):
        hits = self.ref.search("ECOUTE active", kind="savoir")
        self.assertEqual([h.text for h in hits], ["L'écoute active", "L'écoute active"])
        self.assertTrue(all(h.field == "item" and h.item.kind == "savoir" for h in hits))

    def test_rgpd(self):
        hits = self.ref.search("RGPD")
        self.assertEqual([h.id for h in hits], ["psy.ind.2.s.2", "psy.ind.5.s.3"])
        self.assertIn(" › ", hits[0].path)

    def test_filters_and_limit(self):
        hits = self.ref.search("stagiaire", domain="peda", plan="individual", limit=3)
        self.assertEqual(len(hits), 3)
        self.assertTrue(all(h.domain.id == "peda" for h in hits))
        self.assertEqual(hits[0].field, "title")

    def test_bad_queries(self):
        for query in ("", "   ", "·-."):
            with self.assertRaises(ValueError):
                self.ref.search(query)
        with self.assertRaises(ValueError):
            self.ref.search("x", kind="savoirs")
        with self.assertRaises(ValueError):
            self.ref.search("x", domain="nope")
        with self.assertRaises(TypeError):
            self.ref.search(3)


class ErrorTest(unittest.TestCase):
    def test_bad_xml_reports_its_line(self):
        with self.assertRaises(cispref.Error) as caught:
            cispref.loads(b'<?xml version="1.0"?>\n<referential>\n<oops></referential>\n',
                          name="bad.xml")
        error = caught.exception
        self.assertEqual(error.file, "bad.xml")
        self.assertEqual(error.line, 2)
        self.assertEqual(error.tag, "format-error")

    def test_not_well_formed(self):
        with self.assertRaises(cispref.Error) as caught:
            cispref.load(os.path.join(FIXTURES, "cli-not-xml.xml"))
        self.assertEqual(caught.exception.tag, "xml-error")
        self.assertEqual(caught.exception.line, 1)

    def test_missing_file(self):
        with self.assertRaises(cispref.Error) as caught:
            cispref.load("/nonexistent/referential.xml")
        self.assertEqual(caught.exception.tag, "io-error")
        self.assertIn("No such file", str(caught.exception))

    def test_misuse(self):
        with self.assertRaises(TypeError):
            cispref.loads(42)
        with self.assertRaises(TypeError):
            cispref.load(None)

    def test_limits(self):
        xml = cispref.default().to_xml()
        with self.assertRaises(cispref.Error) as caught:
            cispref.loads(xml, max_elements=100)
        self.assertEqual(caught.exception.tag, "limit-exceeded")
        self.assertIn("more than 100 elements", str(caught.exception))
        with self.assertRaises(cispref.Error) as caught:
            cispref.load(DATA, max_input_size=1000)
        self.assertEqual(caught.exception.tag, "limit-exceeded")
        with self.assertRaises(cispref.Error):
            cispref.loads(xml, max_text_length=20)
        self.assertEqual(len(cispref.loads(xml, max_elements=0, max_text_length=0).domains), 5)
        with self.assertRaises(ValueError):
            cispref.loads(xml, max_elements=-1)
        with self.assertRaises(ValueError):
            cispref.loads(xml, max_elements="many")

    def test_validate_a_lenient_load(self):
        path = os.path.join(FIXTURES, "cli-duplicate-id.xml")
        with self.assertRaises(cispref.Error) as caught:
            cispref.load(path)
        self.assertEqual(caught.exception.tag, "invalid-referential")
        self.assertEqual(caught.exception.line, 11)
        diagnostics = cispref.load(path, lenient=True).validate()
        errors = [d for d in diagnostics if d.severity == "error"]
        self.assertEqual([(d.tag, d.line, d.id) for d in errors], [("duplicate-id", 11, "c1.sf.1")])


class OutputTest(unittest.TestCase):
    def test_xml_round_trip(self):
        ref = cispref.default()
        with open(DATA, encoding="utf-8") as data:
            self.assertEqual(ref.to_xml(), data.read())
        self.assertEqual(cispref.loads(ref.to_xml()), ref)

    def test_save(self):
        ref = cispref.default()
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "ref.json")
            ref.save(path, format="json")
            with open(path, encoding="utf-8") as saved:
                self.assertEqual(saved.read(), ref.to_json())
            with self.assertRaises(cispref.Error) as caught:
                ref.save(tmp)
            self.assertEqual(caught.exception.tag, "io-error")
            with self.assertRaises(ValueError):
                ref.save(path, format="yaml")


class RenderTest(unittest.TestCase):
    def setUp(self):
        self.ref = cispref.default()

    def test_every_competence_title_is_in_each_text_format(self):
        titles = [c.title for d in self.ref.domains for p in d.plans for c in p.competences]
        for fmt in ("html", "fodt", "md"):
            text = self.ref.render(fmt)
            self.assertIsInstance(text, str)
            # In document order: each title is found after the previous one.
            position = 0
            for title in titles:
                escaped = (title.replace("&", "&amp;").replace("<", "&lt;")
                           if fmt != "md" else title)
                found = text.find(escaped, position)
                self.assertGreaterEqual(found, 0, f"{fmt}: {title}")
                position = found

    def test_odt_is_a_zip_package(self):
        import io
        import zipfile
        package = self.ref.render("odt")
        self.assertIsInstance(package, bytes)
        with zipfile.ZipFile(io.BytesIO(package)) as odt:
            self.assertEqual(odt.namelist()[0], "mimetype")
            self.assertEqual(odt.read("mimetype"), b"application/vnd.oasis.opendocument.text")
            self.assertIn(self.ref["psy.ind.1"].savoirs[0].text.encode(), odt.read("content.xml"))

    def test_options(self):
        md = self.ref.render("md", domains=["admin"], summary=False, index=False, notes=False,
                             inclusive="normalized", title="Cahier administratif")
        self.assertIn("Cahier administratif", md)
        self.assertIn(self.ref["admin.joint.1"].title, md)
        self.assertNotIn(self.ref["psy.ind.1"].title, md)
        normalized = self.ref.render("md", domains=["psy"], inclusive="normalized")
        self.assertIn("Analyser les besoins psycho-sociaux de la·du stagiaire", normalized)
        self.assertNotIn("de la-du stagiaire", normalized)

    def test_render_to_a_path_and_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "cahier.html")
            self.assertIsNone(self.ref.render("html", path))
            with open(path, encoding="utf-8") as cahier:
                self.assertEqual(cahier.read(), self.ref.render("html"))
            with self.assertRaises(cispref.Error) as caught:
                self.ref.render("html", tmp)
            self.assertEqual(caught.exception.tag, "io-error")
        with self.assertRaises(ValueError):
            self.ref.render("pdf")
        with self.assertRaises(ValueError):
            self.ref.render("html", domains=["nope"])
        with self.assertRaises(ValueError):
            self.ref.render("html", inclusive="other")
        with self.assertRaises(TypeError):
            self.ref.render("html", domains="psy")


class LifetimeTest(unittest.TestCase):
    def test_nodes_keep_their_referential_alive(self):
        item = cispref.default().domains[0].plans[0].competences[0].savoir_faire[0]
        savoirs = cispref.default()["psy.ind.1"].savoirs
        gc.collect()
        self.assertEqual(item.competence.plan.domain.referential.id, "cisp-accompagnement")
        self.assertEqual(len(savoirs), 5)

    def test_memory_does_not_grow(self):
        def cycle():
            ref = cispref.default()
            ref.search("stagiaire")
            walk(ref)
            ref.validate()
            ref.render("odt")
        for _ in range(20):
            cycle()
        gc.collect()
        before = rss_kib()
        for _ in range(200):
            cycle()
        gc.collect()
        growth = rss_kib() - before
        self.assertLess(growth, 2048, f"memory grew by {growth} KiB over 200 loads")

    def test_no_reference_leak(self):
        ref = cispref.default()
        before = sys.getrefcount(ref)
        for _ in range(100):
            ref.domains[0].plans[0].competences[0].savoirs[0].text
            ref.search("ecoute")
        self.assertEqual(sys.getrefcount(ref), before)


class ExamplesTest(unittest.TestCase):
    def run_example(self, *args):
        env = dict(os.environ)
        return subprocess.run([sys.executable, os.path.join(SOURCE_ROOT, "examples", "python", *args[:1]),
                               *args[1:]], capture_output=True, text=True, env=env, check=False)

    def test_list_competences(self):
        result = self.run_example("list_competences.py", "admin")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines()[:2],
                         ["Accompagnement administratif", "  Individuel et collectif"])
        self.assertEqual(len(result.stdout.splitlines()), 4)
        self.assertNotEqual(self.run_example("list_competences.py", "nope").returncode, 0)

    def test_search(self):
        result = self.run_example("search.py", "RGPD")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines()[-1], "2 hit(s)")


if __name__ == "__main__":
    unittest.main()
