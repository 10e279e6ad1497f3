# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Tests of the cispref Python module (standard library unittest only)."""
import collections.abc
import gc
import errno
import importlib.util
import inspect
import io
import json
import os
import pathlib
import pickle
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid
import warnings

try:
    import _xxsubinterpreters as interpreters  # CPython's own, 3.8 to 3.12
except ImportError:
    interpreters = None

import cispref

# The old order render(format, path) still works with a DeprecationWarning; the tests use
# the new one everywhere but where they check the warning.
warnings.simplefilter("error", DeprecationWarning)

SOURCE_ROOT = os.environ.get("CISPREF_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIXTURES = os.path.join(SOURCE_ROOT, "tests", "fixtures")
DATA = os.path.join(SOURCE_ROOT, "data", "accompagnement-cisp.xml")


def ident(node):
    """The identity keys that end every object of the JSON export."""
    keys = {"uuid": node.uuid, "uri": node.uri}
    if not isinstance(node, cispref.Referential):  # nodes also end with their edition links
        keys.update(deprecated=node.deprecated, replaced_by=node.replaced_by)
    return keys


def items_json(items):
    return [{"id": i.id, "text": i.text, "concept": i.concept_id, **ident(i)} for i in items]


def walk(ref):
    """The referential as the JSON contract shapes it, built from the Python objects."""
    return {
        "format": "cispref-json", "format_version": 1,
        "id": ref.id, "title": ref.title, "version": ref.version, "language": ref.language,
        "domains": [{
            "id": d.id, "kind": d.kind, "title": d.title,
            "summary": [{"plan": e.plan, "text": e.text, "competence": e.competence_id,
                         **ident(e)} for e in d.summary],
            "plans": [{
                "id": p.id, "kind": p.kind, "title": p.title,
                "competences": [{
                    "id": c.id, "title": c.title,
                    "savoir_faire": items_json(c.savoir_faire),
                    "savoir_faire_comportementaux": items_json(c.savoir_faire_comportementaux),
                    "savoirs": items_json(c.savoirs),
                    "notes": list(c.note_ids),
                    **ident(c),
                } for c in p.competences],
                **ident(p),
            } for p in d.plans],
            **ident(d),
        } for d in ref.domains],
        "concepts": [{"id": c.id, "kind": c.kind, "label": c.label, **ident(c)}
                     for c in ref.concepts],
        "notes": [{"id": n.id, "number": n.number, "text": n.text, **ident(n)}
                  for n in ref.notes],
        **ident(ref),
        "front_matter": [section_json(ref, s) for s in ref.front_matter],
    }


def runs_json(runs):
    """Front-matter runs as the JSON contract shapes them (doc/format.md)."""
    out = []
    for r in runs:
        if r.kind == "text":
            out.append({"kind": "text", "text": r.text})
        elif r.kind == "note-ref":
            out.append({"kind": "note-ref", "note": r.note})
        else:
            out.append({"kind": r.kind, "runs": runs_json(r.runs)})
    return out


def block_json(b):
    out = {"kind": b.kind, "id": b.id}
    if b.kind == "p":
        out["text"] = runs_json(b.runs)
    elif b.kind == "list":
        out["items"] = [{"label": i.label, "text": runs_json(i.runs)} for i in b.items]
    elif b.kind == "quote":
        out["heading"] = runs_json(b.heading_runs) if b.heading is not None else None
        out["paragraphs"] = [runs_json(p) for p in b.paragraphs]
        out["attribution"] = b.attribution
    elif b.kind == "timeline":
        out["phases"] = [{"heading": runs_json(ph.heading_runs),
                          "steps": [{"date": st.date, "actors": st.actors,
                                     "task": runs_json(st.task_runs)} for st in ph.steps]}
                         for ph in b.phases]
    elif b.kind == "figure":
        out["drawing"] = b.drawing
        out["caption"] = runs_json(b.caption_runs)
    elif b.kind in ("overview", "details"):  # details: None for every domain
        out["domain_kind"] = b.domain_kind
    return out


def section_json(ref, s):
    node_uuid = str(uuid.uuid5(uuid.UUID(ref.uuid), s.id))
    return {"id": s.id, "number": s.number, "level": s.level,
            "heading": runs_json(s.heading_runs), "heading_text": s.heading,
            "blocks": [block_json(b) for b in s.blocks],
            "sections": [section_json(ref, sub) for sub in s.sections],
            "uuid": node_uuid, "uri": ref.uri + s.id if ref.uri else None,
            # a section ends with the edition links as every node does; none can have one
            "deprecated": False, "replaced_by": None}


def rss_kib():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


class FrontMatterTest(unittest.TestCase):
    """ref.front_matter, against tests/fixtures/front-matter.xml."""

    def setUp(self):
        self.ref = cispref.load(os.path.join(FIXTURES, "front-matter.xml"))

    def test_sections(self):
        fm = self.ref.front_matter
        self.assertEqual([s.id for s in fm], ["fm.1", "fm.2", "fm.3"])
        self.assertEqual([s.number for s in fm], ["1", "2", "3"])
        self.assertEqual(fm[1].heading, "Démarche & méthode")
        self.assertEqual([(s.id, s.level, s.number) for s in fm[1].sections],
                         [("fm.2.1", 2, None)])
        self.assertEqual([b.kind for b in fm[0].blocks], ["p", "p", "list", "quote"])
        self.assertEqual([b.kind for b in fm[2].sections[0].blocks],
                         ["figure", "overview", "overview"])
        # the embedded referential's: Parts 1, 2 and 3 of the cahier (data/NOTES.md)
        self.assertEqual([(s.id, s.number) for s in cispref.default().front_matter],
                         [("fm.1", "1"), ("fm.2", "2"), ("fm.3", "3")])
        # 3.2: the core domains' tables, the text among them, the transversal ones'
        details = cispref.default().front_matter[2].sections[1]
        self.assertEqual([(b.kind, getattr(b, "domain_kind", None)) for b in details.blocks],
                         [("p", None), ("details", "core")])
        self.assertEqual([(b.kind, b.domain_kind) for b in details.sections[0].blocks
                          if b.kind == "details"], [("details", "transversal")])

    def test_blocks_and_runs(self):
        fm = self.ref.front_matter
        p = fm[0].blocks[1]
        self.assertEqual(p.text, "Il parle d’“accompagnement global” et d’insertion “durable”.")
        self.assertEqual([r.kind for r in p.runs], ["text", "q", "text", "em", "note-ref", "text"])
        self.assertEqual(p.runs[4].note, "note.2")
        self.assertEqual([r.kind for r in p.runs[1].runs], ["text", "em"])
        lst = fm[0].blocks[2]
        self.assertEqual([i.label for i in lst.items], ["1°", "2°", None])
        quote = fm[0].blocks[3]
        self.assertEqual((quote.heading, quote.attribution), ("Accompagner", "Tony Poumier"))
        self.assertEqual(len(quote.paragraphs), 2)
        step = fm[1].blocks[0].phases[0].steps[1]
        self.assertEqual((step.date, step.actors, step.task),
                         ("Décembre 2017 - Janvier 2018", None, "Entretiens avec les équipes"))
        fig = fm[2].sections[0].blocks[0]
        self.assertEqual((fig.id, fig.drawing, fig.caption),
                         ("fm.3.1.figure", "contours", "Schéma des contours de la mission"))
        self.assertEqual(fm[2].sections[0].blocks[2].domain_kind, "transversal")

    def test_walk_matches_the_json_export(self):
        self.assertEqual(walk(self.ref), json.loads(self.ref.to_json()))


class IdentityTest(unittest.TestCase):
    """UUIDs and URIs, checked against Python's own uuid5 (independent of libuuid)."""

    def nodes(self, ref):
        for d in ref.domains:
            yield d
            yield from d.summary
            for p in d.plans:
                yield p
                for c in p.competences:
                    yield c
                    yield from c.items
        yield from ref.concepts
        yield from ref.notes

    def test_embedded(self):
        ref = cispref.default()
        self.assertEqual(ref.uuid, "3a04826e-5654-4fb8-a9bf-07e876000407")
        self.assertIsNone(ref.uri)
        namespace = uuid.UUID(ref.uuid)
        count = 0
        for node in self.nodes(ref):
            self.assertEqual(node.uuid, str(uuid.uuid5(namespace, node.id)))
            self.assertIsNone(node.uri)
            count += 1
        self.assertEqual(count, 467)  # 447 and notes 1-20

    def test_base_uri_and_derived_namespace(self):
        with open(os.path.join(FIXTURES, "example-small.xml"), "rb") as f:
            xml = f.read()
        ref = cispref.loads(xml.replace(b' xml:lang="fr">',
                                        b' xml:lang="fr" base-uri="https://example.org/s/">', 1))
        # no uuid attribute: derived from the id "small"
        derived = uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "urn:cispref:referential"), "small")
        self.assertEqual(ref.uuid, str(derived))
        self.assertEqual(ref.uri, "https://example.org/s/")
        for node in self.nodes(ref):
            self.assertEqual(node.uri, "https://example.org/s/" + node.id)
            self.assertEqual(node.uuid, str(uuid.uuid5(derived, node.id)))
        self.assertEqual(walk(ref), json.loads(ref.to_json()))


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
        self.assertEqual([n.number for n in ref.notes], [str(n) for n in range(1, 24)])

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

    def test_find_concepts(self):
        # "écoute active" is in two concept labels of data/accompagnement-cisp.xml
        self.assertEqual([c.id for c in self.ref.find_concepts("l’ecoute active")],
                         ["c.ecoute-active", "c.savoir-ecoute-active"])
        self.assertEqual([c.id for c in self.ref.find_concepts("ecoute", kind="savoir")],
                         ["c.savoir-ecoute-active"])
        self.assertEqual(len(self.ref.find_concepts("ecoute", limit=1)), 1)
        self.assertEqual(self.ref.find_concepts("xylophone"), [])
        with self.assertRaises(ValueError):
            self.ref.find_concepts(" ;")

    def test_what_matches(self):
        # doc/search.md, "Matching", as the docstring says it: stop words need not match,
        # a word matches by stem or as the beginning of a word
        texts = [h.text for h in self.ref.search("les outils adaptés")]
        self.assertIn("Utiliser des outils adaptés", texts)      # "les" is a stop word
        self.assertIn("Les techniques d'évaluation",
                      [h.text for h in self.ref.search("évaluations")])  # same stem
        self.assertIn("Elaborer des partenariats relatifs aux domaines de l'accompagnement",
                      [h.text for h in self.ref.search("partenar")])     # a beginning
        doc = cispref.Referential.search.__doc__
        self.assertNotIn("every word must match.", doc)
        for said in ("same stem", "stop words", "begins with it", "32 different words"):
            self.assertIn(said, doc)
        with self.assertRaisesRegex(ValueError, "more than 32 different words"):
            self.ref.search(" ".join(f"w{i}" for i in range(33)))
        hit = self.ref.search("partenar")[1]
        self.assertEqual(hit.field, "summary")
        self.assertEqual(hit.path, "Communication › " + hit.text)   # domain › summary entry

    def test_bad_queries(self):
        for query in ("", "   ", "·-."):
            with self.assertRaises(ValueError):
                self.ref.search(query)
        with self.assertRaises(ValueError):
            self.ref.search("x", kind="savoirs")
        with self.assertRaisesRegex(ValueError, "^no domain has the id 'nope'$"):
            self.ref.search("x", domain="nope")
        with self.assertRaisesRegex(ValueError, "no domain has the id 'psy.ind'"):
            self.ref.search("x", domain="psy.ind")
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
        self.assertEqual(caught.exception.tag, "rule-violation")
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
                ref.save(tmp, format="xml")
            self.assertEqual(caught.exception.tag, "io-error")
            with self.assertRaises(ValueError):
                ref.save(path, format="yaml")


class RenderTest(unittest.TestCase):
    def setUp(self):
        self.ref = cispref.default()

    def test_every_competence_title_is_in_each_text_format(self):
        titles = [c.title for d in self.ref.domains for p in d.plans for c in p.competences]
        for fmt in ("html", "fodt", "md"):
            text = self.ref.render(format=fmt)
            self.assertIsInstance(text, str)
            # HTML and ODT keep inclusive pairs on one line: a word joiner after the
            # hyphen, no-break spaces; as read, they are the title's text.
            text = text.replace("\u2060", "").replace("\u00a0", " ")
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
        package = self.ref.render(format="odt")
        self.assertIsInstance(package, bytes)
        with zipfile.ZipFile(io.BytesIO(package)) as odt:
            self.assertEqual(odt.namelist()[0], "mimetype")
            self.assertEqual(odt.read("mimetype"), b"application/vnd.oasis.opendocument.text")
            self.assertIn(self.ref["psy.ind.1"].savoirs[0].text.encode(), odt.read("content.xml"))

    def test_options(self):
        md = self.ref.render(format="md", domains=["admin"], summary=False, index=False,
                             notes=False, inclusive="normalized", title="Cahier administratif")
        self.assertIn("Cahier administratif", md)
        self.assertIn(self.ref["admin.joint.1"].title, md)
        self.assertNotIn(self.ref["psy.ind.1"].title, md)
        normalized = self.ref.render(format="md", domains=["psy"], inclusive="normalized")
        self.assertIn("Analyser les besoins psycho-sociaux de la·du stagiaire", normalized)
        self.assertNotIn("de la-du stagiaire", normalized)

    def test_title_page_and_contents_options(self):
        html = self.ref.render(format="html")
        self.assertIn('id="title-page"', html)
        self.assertIn('id="contents"', html)
        bare = self.ref.render(format="html", title_page=False, contents=False)
        self.assertNotIn('id="title-page"', bare)
        self.assertNotIn('id="contents"', bare)
        self.assertIn(self.ref["psy.ind.1"].title, bare)
        md = self.ref.render(format="md", title_page=False)
        self.assertFalse(md.startswith("# "))
        self.assertNotIn("| --- |", md)
        tables = self.ref.render(format="md", gfm_tables=True)
        self.assertIn("| Savoir-faire | Savoir-faire comportementaux | Savoirs |\n", tables)

    def test_render_to_a_path_and_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "cahier.html")
            self.assertIsNone(self.ref.render(path, "html"))
            with open(path, encoding="utf-8") as cahier:
                self.assertEqual(cahier.read(), self.ref.render(format="html"))
            with self.assertRaises(cispref.Error) as caught:
                self.ref.render(tmp, "html")
            self.assertEqual(caught.exception.tag, "io-error")
        with self.assertRaises(ValueError):
            self.ref.render(format="pdf")
        with self.assertRaisesRegex(ValueError, "^no domain has the id 'nope'$"):
            self.ref.render(format="html", domains=["nope"])
        with self.assertRaisesRegex(ValueError,
                                    "unknown inclusive style 'other'.*'source' or 'normalized'"):
            self.ref.render(format="html", inclusive="other")
        with self.assertRaises(TypeError):
            self.ref.render(format="html", inclusive=None)
        self.assertEqual(self.ref.render(format="md", inclusive="source"),
                         self.ref.render(format="md"))
        with self.assertRaises(TypeError):
            self.ref.render(format="html", domains="psy")


SMALL = os.path.join(FIXTURES, "example-small.xml")
# Characters of 2, 3 and 4 bytes in UTF-8.
WIDE = ("\u00e9", "\u20ac", "\U0001d11e")


def notes_document(count):
    """A referential whose one competence holds count note references."""
    refs = "\n".join(f'        <note-ref note="n{21 + i % 2}"/>' for i in range(count))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<referential xmlns="urn:cispref:referential" format-version="1" id="many" version="1" xml:lang="fr">
  <title>Notes</title>
  <domain id="d" kind="core">
    <title>Domaine</title>
    <plan id="d.ind" kind="individual">
      <title>Individuel</title>
      <competence id="c1">
        <title>Compétence</title>
{refs}
        <savoir-faire id="c1.sf.1">Faire</savoir-faire>
      </competence>
    </plan>
  </domain>
  <notes>
    <note id="n21" number="21">Une</note>
    <note id="n22" number="22">Deux</note>
  </notes>
</referential>
"""


class TextBoundaryTest(unittest.TestCase):
    """Messages cut at a byte limit in C stay text: cispref.Error or ValueError, never
    UnicodeDecodeError, whatever the width of the character at the limit."""

    def test_format_lists_come_from_the_library(self):
        # The formats of render.h and export.h, in the order of their enums.
        self.assertEqual(cispref.RENDER_FORMATS, ("html", "odt", "fodt", "md"))
        self.assertEqual(cispref.EXPORT_FORMATS, ("xml", "json", "csv", "csv-excel-fr", "xlsx", "moodle", "case", "skos", "esco-csv", "po"))
        ref = cispref.default()
        with self.assertRaises(ValueError) as caught:
            ref.render(format="pdf")
        self.assertIn("(html, odt, fodt or md)", str(caught.exception))
        with tempfile.TemporaryDirectory() as tmp, self.assertRaises(ValueError) as caught:
            ref.save(os.path.join(tmp, "out"), "yaml")
        self.assertIn("(xml, json, csv, csv-excel-fr, xlsx, moodle, case, skos, esco-csv or po)", str(caught.exception))
        with self.assertRaises(ValueError) as caught:
            ref.render()
        self.assertIn("no format: give format= (html, odt, fodt, md)", str(caught.exception))
        for name in cispref.RENDER_FORMATS:
            if name != "odt":
                self.assertIsInstance(ref.render(format=name), str)

    def test_render_message_about_a_long_id(self):
        ref = cispref.default()
        for char in WIDE:
            for pad in range(4):
                domain = "a" * pad + char * 300
                with self.assertRaises(ValueError) as caught:
                    ref.render(format="md", domains=[domain])
                self.assertNotIsInstance(caught.exception, UnicodeDecodeError)
                message = str(caught.exception)
                self.assertNotIn("\ufffd", message)
                self.assertIn("a" * pad + char * 100, message)

    def test_load_message_about_a_long_id(self):
        with open(SMALL, encoding="utf-8") as small:
            xml = small.read()
        for char in WIDE:
            for pad in range(4):
                bad = xml.replace('id="small"', f'id="{"a" * pad + char * 300}"')
                with self.assertRaises(cispref.Error) as caught:
                    cispref.loads(bad.encode("utf-8"))
                self.assertNotIn("\ufffd", str(caught.exception))
                self.assertIn(char * 100, str(caught.exception))

    def test_long_source_name(self):
        for char in WIDE:
            name = char * 300
            with self.assertRaises(cispref.Error) as caught:
                cispref.loads(b"<", name=name)
            self.assertTrue(name.startswith(caught.exception.file))
            self.assertGreater(len(caught.exception.file.encode()), 511 - 4)


class PathTest(unittest.TestCase):
    """File names are bytes on POSIX: any bytes work, and come back as os.fsdecode()."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = os.fsencode(self.tmp.name)
        self.path = os.path.join(self.dir, b"r\xe9f\xff.xml")  # not UTF-8

    def tearDown(self):
        self.tmp.cleanup()

    def test_load_save_render_with_bytes_paths(self):
        cispref.load(SMALL).save(self.path)
        ref = cispref.load(self.path)
        self.assertEqual(ref.origin, os.fsdecode(self.path))
        self.assertEqual(cispref.load(os.fsdecode(self.path)).origin, os.fsdecode(self.path))
        md = os.path.join(self.dir, b"cahier\xe9.md")
        self.assertIsNone(ref.render(md, "md"))
        with open(md, encoding="utf-8") as cahier:
            self.assertEqual(cahier.read(), ref.render(format="md"))

    def test_path_like(self):
        import pathlib
        path = pathlib.Path(os.fsdecode(self.path))
        cispref.default().save(path)
        self.assertEqual(cispref.load(path).origin, str(path))
        self.assertIsNone(cispref.default().render(path, "md"))

    def test_diagnostics_file(self):
        with open(os.path.join(FIXTURES, "validate-note-unused.xml"), "rb") as fixture:
            with open(self.path, "wb") as copy:
                copy.write(fixture.read())
        diagnostics = cispref.load(self.path, lenient=True).validate()
        self.assertTrue(diagnostics)
        self.assertEqual({d.file for d in diagnostics}, {os.fsdecode(self.path)})

    def test_errors_name_the_file(self):
        with self.assertRaises(cispref.Error) as caught:
            cispref.load(self.path)  # absent: the message quotes bytes that are not UTF-8
        self.assertEqual(caught.exception.tag, "io-error")
        self.assertEqual(caught.exception.file, os.fsdecode(self.path))
        self.assertIn("\ufffd", str(caught.exception))
        with self.assertRaises(cispref.Error) as caught:
            cispref.loads(b"<", name=self.path)
        self.assertEqual(caught.exception.file, os.fsdecode(self.path))


class DecodedInputTest(unittest.TestCase):
    """A str is text already; bytes follow their XML declaration."""

    def setUp(self):
        with open(SMALL, encoding="utf-8") as small:
            self.xml = small.read()
        # every character in ISO-8859-1
        self.latin1 = (self.xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
                       .replace("\u2019", "'"))

    def test_str_whatever_its_declaration_says(self):
        self.assertEqual(cispref.loads(self.latin1).title, "Petit référentiel")
        single = self.xml.replace('encoding="UTF-8"', "encoding = 'windows-1252' standalone='yes'")
        self.assertEqual(cispref.loads(single).title, "Petit référentiel")
        self.assertEqual(cispref.loads("\ufeff" + self.latin1).title, "Petit référentiel")

    def test_bytes_follow_their_declaration(self):
        self.assertEqual(cispref.loads(self.latin1.encode("iso-8859-1")).title,
                         "Petit référentiel")
        self.assertEqual(cispref.loads(self.xml.encode("utf-8")).title, "Petit référentiel")

    def test_positions_of_errors_in_a_str(self):
        bad = self.latin1.replace("<title>Individuel</title>", "<oops/>")
        with self.assertRaises(cispref.Error) as from_str:
            cispref.loads(bad)
        with self.assertRaises(cispref.Error) as from_bytes:
            cispref.loads(bad.replace('encoding="ISO-8859-1"', 'encoding="UTF-8"').encode())
        self.assertEqual(from_str.exception.line, 7)
        self.assertEqual((from_str.exception.line, from_str.exception.column),
                         (from_bytes.exception.line, from_bytes.exception.column))


class OptionalArgumentTest(unittest.TestCase):
    """Every parameter that the stubs (cispref/_cispref.pyi) mark optional takes None."""

    def test_none_everywhere_the_stub_allows_it(self):
        ref = cispref.default()
        self.assertEqual(ref.render(None, "md"), ref.render(format="md"))
        self.assertEqual(ref.render(None, "md", domains=None, title=None),
                         ref.render(format="md"))
        self.assertEqual(ref.search("stagiaire", domain=None, plan=None, kind=None),
                         ref.search("stagiaire"))
        self.assertIsNone(ref.get("nope", None))
        small = cispref.loads(ref.to_xml(), name=None, max_input_size=None,
                              max_text_length=None, max_elements=None)
        self.assertEqual(small, ref)
        self.assertEqual(cispref.load(DATA, max_input_size=None, max_text_length=None,
                                      max_elements=None), ref)


class NulTest(unittest.TestCase):
    """C would end a string at its first NUL: such strings are refused."""

    def test_strings_with_a_nul_are_refused(self):
        ref = cispref.default()
        calls = [
            lambda: ref["psy\0anything"],
            lambda: "psy\0x" in ref,
            lambda: ref.get("psy\0x"),
            lambda: ref.render(format="md", domains=["psy\0x"]),
            lambda: ref.render(format="md\0"),
            lambda: ref.render(format="md", title="T\0itre"),
            lambda: ref.render(format="md", inclusive="source\0"),
            lambda: ref.search("stagiaire\0x"),
            lambda: ref.search("stagiaire", domain="psy\0x"),
            lambda: ref.search("stagiaire", plan="individual\0x"),
            lambda: ref.search("stagiaire", kind=["savoir\0x"]),
            lambda: ref.save("out\0.xml"),
            lambda: ref.save(os.devnull, format="xml\0"),
            lambda: cispref.load(DATA + "\0"),
            lambda: cispref.loads(ref.to_xml(), name="a\0b"),
        ]
        for i, call in enumerate(calls):
            with self.subTest(i):
                with self.assertRaises(ValueError):
                    call()
        self.assertEqual(ref["psy"].id, "psy")


class NoteListTest(unittest.TestCase):
    def test_notes_of_many_references(self):
        small = cispref.loads(notes_document(4000), lenient=True)["c1"]
        large = cispref.loads(notes_document(40000), lenient=True)["c1"]
        self.assertEqual(len(large.notes), 40000)
        self.assertEqual([n.id for n in large.notes[-3:]], ["n22", "n21", "n22"])
        self.assertEqual(large.notes[-1], large.notes[39999])

        def iterate(comp):
            # process CPU time, best of 5: other processes on a busy machine inflate neither
            best = float("inf")
            for _ in range(5):
                start = time.process_time()
                count = sum(1 for _ in comp.notes)
                best = min(best, time.process_time() - start)
            return count, best

        small_count, small_time = iterate(small)
        large_count, large_time = iterate(large)
        self.assertEqual((small_count, large_count), (4000, 40000))
        # linear: about 10 times; the former walk per element made it about 100 times
        # (the floor of 1 ms: a clock tick must not decide; the quadratic walk took 36 s)
        self.assertLess(large_time, 30 * max(small_time, 1e-3),
                        f"{large_time:.4f}s for 40000, {small_time:.4f}s for 4000")


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
            ref.render(format="odt")
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


def big_document(competences, items):
    """A valid referential of one plan with competences x items savoir-faire, as bytes."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n'
             '<referential xmlns="urn:cispref:referential" format-version="1" id="big" '
             'version="1" xml:lang="fr">\n  <title>Grand</title>\n'
             '  <domain id="d" kind="core">\n    <title>Domaine</title>\n'
             '    <plan id="d.ind" kind="individual">\n      <title>Individuel</title>\n']
    for c in range(competences):
        parts.append(f'      <competence id="c{c}">\n        <title>Compétence {c}</title>\n')
        parts.extend(f'        <savoir-faire id="c{c}.sf.{i}">Savoir faire la chose {i} '
                     f'de la compétence {c}</savoir-faire>\n' for i in range(items))
        parts.append('      </competence>\n')
    parts.append('    </plan>\n  </domain>\n</referential>\n')
    return "".join(parts).encode()


HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE
TYPE_NAMES = ("Referential", "Domain", "SummaryEntry", "Plan", "Competence", "Item",
              "Concept", "Note", "Diagnostic", "Hit")


NS = "{urn:cispref:referential}"
ITEM_TAGS = {NS + "savoir-faire": "savoir-faire",
             NS + "savoir-faire-comportemental": "savoir-faire-comportemental",
             NS + "savoir": "savoir"}


class FlatListsTest(unittest.TestCase):
    """ref.competences, ref.items and competence.items, against the XML file read by
    xml.etree (the data file is canonical: a competence's savoir-faire, then its
    comportementaux, then its savoirs)."""

    @classmethod
    def setUpClass(cls):
        import xml.etree.ElementTree as ET
        cls.tree = ET.parse(DATA).getroot()
        cls.ref = cispref.load(DATA)

    def test_competences_in_document_order(self):
        ids = [c.get("id") for c in self.tree.iter(NS + "competence")]
        self.assertEqual(len(ids), 21)  # the 21 detail tables of the source's 3.2
        self.assertEqual([c.id for c in self.ref.competences], ids)
        self.assertIsInstance(self.ref.competences[-1], cispref.Competence)
        self.assertEqual(self.ref.competences[-1], self.ref[ids[-1]])

    def test_items_in_document_order_with_their_kind(self):
        items = [(e.get("id"), ITEM_TAGS[e.tag]) for e in self.tree.iter()
                 if e.tag in ITEM_TAGS]
        self.assertEqual(len(items), 110 + 104 + 119)
        self.assertEqual([(i.id, i.kind) for i in self.ref.items], items)
        self.assertEqual([i.id for i in self.ref.items[-3:]], [i[0] for i in items[-3:]])

    def test_competence_items(self):
        for element in self.tree.iter(NS + "competence"):
            competence = self.ref[element.get("id")]
            expected = [(e.get("id"), ITEM_TAGS[e.tag]) for e in element if e.tag in ITEM_TAGS]
            self.assertEqual([(i.id, i.kind) for i in competence.items], expected)
            self.assertEqual(list(competence.items), list(competence.savoir_faire)
                             + list(competence.savoir_faire_comportementaux)
                             + list(competence.savoirs))
            self.assertTrue(all(i.competence == competence for i in competence.items))

    def test_lists_keep_their_referential_alive(self):
        items = cispref.load(DATA).items
        gc.collect()
        self.assertEqual(len(items), 333)
        self.assertEqual(items[0].competence.items[0], items[0])

    def test_node_list_is_generic(self):
        alias = cispref.NodeList[cispref.Item]
        self.assertIs(alias.__origin__, cispref.NodeList)
        self.assertEqual(alias.__args__, (cispref.Item,))
        self.assertIsInstance(self.ref.items, cispref.NodeList)


class ExceptionTest(unittest.TestCase):
    def test_hierarchy(self):
        self.assertTrue(issubclass(cispref.FileError, cispref.Error))
        self.assertTrue(issubclass(cispref.FileError, OSError))
        for name in ("ParseError", "RuleError"):
            self.assertTrue(issubclass(getattr(cispref, name), cispref.Error))
            self.assertFalse(issubclass(getattr(cispref, name), OSError))
        # raised by Python code, an Error still answers every attribute
        error = cispref.Error("made here")
        self.assertEqual((error.file, error.line, error.column, error.rule),
                         (None, 0, 0, None))

    def test_missing_file_is_an_os_error_with_errno(self):
        path = os.path.join(FIXTURES, "no-such-file.xml")
        with self.assertRaises(OSError) as caught:
            cispref.load(path)
        error = caught.exception
        self.assertIsInstance(error, cispref.FileError)
        self.assertEqual(error.errno, errno.ENOENT)
        self.assertEqual(error.strerror, os.strerror(errno.ENOENT))
        self.assertEqual((error.filename, error.file), (path, path))
        self.assertEqual(error.tag, "io-error")
        self.assertIsNone(error.rule)
        self.assertEqual(str(error), f"cannot open '{path}': {os.strerror(errno.ENOENT)}")

    def test_directory(self):
        with self.assertRaises(cispref.FileError) as caught:
            cispref.load(FIXTURES)
        self.assertEqual(caught.exception.errno, errno.EISDIR)
        with tempfile.TemporaryDirectory() as tmp, self.assertRaises(OSError) as caught:
            cispref.default().save(tmp, "xml")
        self.assertEqual(caught.exception.errno, errno.EISDIR)
        with tempfile.TemporaryDirectory() as tmp, self.assertRaises(OSError) as caught:
            cispref.default().render(os.path.join(tmp, "missing", "cahier.md"))
        self.assertEqual(caught.exception.errno, errno.ENOENT)

    def test_rule_error_names_the_rule(self):
        # load-duplicate-id.xml repeats the id d.ind.1.sf.1 on line 11 (doc/format.md:
        # the rule duplicate-id)
        path = os.path.join(FIXTURES, "load-duplicate-id.xml")
        with self.assertRaises(cispref.RuleError) as caught:
            cispref.load(path)
        error = caught.exception
        self.assertEqual((error.rule, error.tag, error.file, error.line),
                         ("duplicate-id", "rule-violation", path, 11))
        with self.assertRaises(cispref.RuleError) as caught:
            cispref.load(os.path.join(FIXTURES, "load-unknown-concept.xml"))
        self.assertEqual(caught.exception.rule, "concept-unknown")

    def test_str_says_where(self):
        # "file:line:column: message", as the command line prints it (tools/cli.c);
        # args[0] and the attributes keep the parts apart
        with self.assertRaises(cispref.ParseError) as caught:
            cispref.loads(b'<?xml version="1.0"?>\n<referential>\n</referential>\n',
                          name="bad.xml")
        error = caught.exception
        self.assertEqual((error.file, error.line), ("bad.xml", 2))
        self.assertGreater(error.column, 0)
        self.assertEqual(str(error), f"bad.xml:2:{error.column}: {error.args[0]}")
        self.assertIn("namespace", error.args[0])
        path = os.path.join(FIXTURES, "load-duplicate-id.xml")
        with self.assertRaises(cispref.RuleError) as caught:
            cispref.load(path)
        error = caught.exception
        self.assertEqual(str(error), f"{path}:11:{error.column}: {error.args[0]}")
        self.assertTrue(error.args[0].endswith("[duplicate-id]"))
        # a file without a line: the root element's language (doc/format.md)
        path = os.path.join(FIXTURES, "validate-language-malformed.xml")
        with self.assertRaises(cispref.RuleError) as caught:
            cispref.load(path)
        self.assertEqual((caught.exception.rule, caught.exception.line),
                         ("language-malformed", 0))
        self.assertEqual(str(caught.exception), f"{path}: {caught.exception.args[0]}")
        # no place: the message alone
        self.assertEqual(str(cispref.Error("made here")), "made here")
        self.assertEqual(str(cispref.ParseError("made here")), "made here")

    def test_parse_errors(self):
        for name, tag in (("load-not-xml.xml", "xml-error"), ("load-wrong-root.xml", "format-error"),
                          ("load-version-2.xml", "unsupported-version")):
            with self.subTest(name), self.assertRaises(cispref.ParseError) as caught:
                cispref.load(os.path.join(FIXTURES, name))
            self.assertEqual(caught.exception.tag, tag)
            self.assertIsNone(caught.exception.rule)
        with self.assertRaises(cispref.ParseError) as caught:
            cispref.load(DATA, max_elements=10)
        self.assertEqual(caught.exception.tag, "limit-exceeded")


class LoadSourcesTest(unittest.TestCase):
    def test_path_kinds(self):
        expected = cispref.load(DATA)
        for source in (DATA, os.fsencode(DATA), pathlib.Path(DATA)):
            with self.subTest(type(source).__name__):
                self.assertEqual(cispref.load(source), expected)

    def test_binary_file_objects(self):
        expected = cispref.load(DATA)
        with open(DATA, "rb") as f:
            self.assertEqual(cispref.load(f), expected)
        with open(DATA, "rb") as f:
            self.assertEqual(cispref.load(io.BytesIO(f.read())), expected)

    def test_errors_name_the_file_object(self):
        path = os.path.join(FIXTURES, "load-duplicate-id.xml")
        with open(path, "rb") as f, self.assertRaises(cispref.RuleError) as caught:
            cispref.load(f)
        self.assertEqual((caught.exception.file, caught.exception.line), (path, 11))
        with open(path, "rb") as f:
            data = f.read()
        with self.assertRaises(cispref.RuleError) as caught:
            cispref.load(io.BytesIO(data))
        self.assertEqual(caught.exception.line, 11)

    def test_limit_applies_to_file_objects(self):
        with open(DATA, "rb") as f, self.assertRaises(cispref.ParseError) as caught:
            cispref.load(f, max_input_size=1000)
        self.assertEqual(caught.exception.tag, "limit-exceeded")

    def test_text_files_are_refused(self):
        with open(DATA, encoding="utf-8") as f, self.assertRaisesRegex(TypeError, "'rb'"):
            cispref.load(f)
        with self.assertRaises(TypeError):
            cispref.load(42)


class SaveRenderFormatTest(unittest.TestCase):
    def setUp(self):
        self.ref = cispref.default()
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def read(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()

    def test_save_follows_the_extension(self):
        self.ref.save(self.path("out.json"))
        self.assertEqual(json.loads(self.read("out.json"))["format"], "cispref-json")
        self.ref.save(self.path("out.xml"))
        self.assertEqual(self.read("out.xml").decode(), self.ref.to_xml())
        # another extension, or none, needs format=, as the command line's export -o
        # does; nothing is written
        for name in ("out.bak", "out.pdf", "out"):
            with self.assertRaises(ValueError) as caught:
                self.ref.save(self.path(name))
            self.assertIn("no format: give format= (xml, json, csv", str(caught.exception))
            self.assertFalse(os.path.exists(self.path(name)))
        self.ref.save(self.path("fr.po"))
        self.assertIn(b'msgid ""', self.read("fr.po"))
        self.ref.save(self.path("out.bak"), "json")
        self.assertEqual(self.read("out.bak").decode(), self.ref.to_json())
        self.ref.save(path=self.path("k.json"), format="json")
        self.assertEqual(self.read("k.json").decode(), self.ref.to_json())
        # the extension's ASCII letters in either case, as the library reads them
        self.ref.save(self.path("P.XML"))
        self.assertEqual(self.read("P.XML").decode(), self.ref.to_xml())
        self.ref.save(self.path("k.Json"), format="json")
        self.assertEqual(self.read("k.Json").decode(), self.ref.to_json())

    def test_save_spreadsheets(self):
        # The CSV dialects share .csv: the name picks RFC 4180, format= the other one.
        self.ref.save(self.path("out.csv"))
        self.assertTrue(self.read("out.csv").startswith(b'"domain","plan","competence"'))
        self.ref.save(self.path("out.csv"), format="csv-excel-fr")
        self.assertTrue(self.read("out.csv").startswith(b'\xef\xbb\xbf"domaine";"plan";'))
        self.ref.save(self.path("out.xlsx"))
        self.assertEqual(self.read("out.xlsx")[:4], b"PK\x03\x04")
        with self.assertRaisesRegex(ValueError, "format 'xlsx' does not match .*'csv'"):
            self.ref.save(self.path("out.csv"), format="xlsx")

    def test_save_refuses_a_contradiction(self):
        with self.assertRaisesRegex(ValueError, "format 'xml' does not match .*'json'"):
            self.ref.save(self.path("out.json"), "xml")
        self.assertFalse(os.path.exists(self.path("out.json")))
        with self.assertRaises(ValueError):
            self.ref.save(self.path("out.xml"), format="json")

    def test_render_follows_the_extension(self):
        self.assertIsNone(self.ref.render(self.path("cahier.md")))
        self.assertEqual(self.read("cahier.md").decode(), self.ref.render(format="md"))
        self.ref.render(self.path("cahier.htm"))
        self.assertEqual(self.read("cahier.htm").decode(), self.ref.render(format="html"))
        self.ref.render(self.path("cahier.odt"))
        self.assertEqual(self.read("cahier.odt")[:2], b"PK")
        self.ref.render(path=self.path("cahier.txt"), format="md")
        self.assertEqual(self.read("cahier.txt").decode(), self.ref.render(format="md"))
        self.assertIsInstance(self.ref.render(format="odt"), bytes)

    def test_render_refuses_a_contradiction_or_no_format(self):
        with self.assertRaisesRegex(ValueError, "does not match"):
            self.ref.render(self.path("cahier.html"), "md")
        with self.assertRaisesRegex(ValueError, "no format"):
            self.ref.render(self.path("cahier.txt"))
        with self.assertRaisesRegex(ValueError, "no format"):
            self.ref.render()
        self.assertEqual(os.listdir(self.tmp.name), [])

    def test_old_render_order_warns(self):
        with self.assertWarns(DeprecationWarning):
            self.assertEqual(self.ref.render("md"), self.ref.render(format="md"))
        with self.assertWarns(DeprecationWarning):
            self.assertIsNone(self.ref.render("md", self.path("old.txt")))
        self.assertEqual(self.read("old.txt").decode(), self.ref.render(format="md"))


class LimitTest(unittest.TestCase):
    """limit=0 is "no limit" everywhere, as the library's search options and the command
    line's --limit 0 say."""

    def test_zero_means_all(self):
        ref = cispref.default()
        self.assertEqual(len(ref.top_concepts(0)), len(ref.concepts))
        self.assertEqual(ref.top_concepts(limit=0), ref.top_concepts())
        self.assertEqual(len(ref.top_concepts(3)), 3)
        self.assertEqual(ref.search("bilan", limit=0), ref.search("bilan"))
        self.assertEqual(len(ref.search("bilan", limit=1)), 1)
        for call in (lambda: ref.top_concepts(-1), lambda: ref.search("bilan", limit=-1)):
            with self.assertRaisesRegex(ValueError, "0 means no limit"):
                call()


class SignatureTest(unittest.TestCase):
    def test_every_function_has_a_signature(self):
        ext = cispref._cispref
        functions = [getattr(ext, n) for n in dir(ext) if callable(getattr(ext, n))
                     and not isinstance(getattr(ext, n), type)]
        for cls in [getattr(ext, n) for n in dir(ext) if isinstance(getattr(ext, n), type)
                    and getattr(ext, n).__module__ == "cispref"
                    and not issubclass(getattr(ext, n), (BaseException, tuple))]:
            # (exceptions and the structseq records bring CPython's own methods)
            for name, value in vars(cls).items():
                if callable(value) and not name.startswith("__") or name in (
                        "__reduce__", "__class_getitem__"):
                    functions.append(getattr(cls, name))
        self.assertGreater(len(functions), 15)
        for function in functions:
            with self.subTest(function.__qualname__):
                inspect.signature(function)
        self.assertEqual(str(inspect.signature(cispref.Referential.save)),
                         "(self, /, path, format=None, *, scale=None, scale_default=None, "
                         "scale_proficient=None, taxonomy=None, lang=None)")
        self.assertEqual(list(inspect.signature(cispref.Referential.render).parameters)[:3],
                         ["self", "path", "format"])


class TranslatedTest(unittest.TestCase):
    """ref.translated() and lang=, against tests/fixtures/translation-view.xml (Dutch for
    7 of its 8 texts, German for 3; written for the tests)."""

    def setUp(self):
        self.ref = cispref.load(os.path.join(FIXTURES, "translation-view.xml"))

    def test_texts_and_fallback(self):
        nl = self.ref.translated("nl")
        self.assertIsInstance(nl, cispref.Referential)
        self.assertEqual((nl.language, nl.translated_from, nl.languages), ("nl", "fr", ()))
        self.assertEqual(nl["psy.ind.1.sf.1"].text, "Gesprekken voeren")
        self.assertEqual(nl["psy.ind.1.sf.2"].text, "Synthétiser")  # no Dutch: French
        self.assertEqual(nl["k.ecoute"].label, "Actief luisteren")
        self.assertEqual((nl.uuid, nl.uri), (self.ref.uuid, self.ref.uri))
        # psy.ind.1.sf.2 and the title, which has no translation
        self.assertEqual(self.ref.untranslated_count("nl"), 2)
        self.assertEqual(self.ref.untranslated_count("de"), 6)
        self.assertIsNone(self.ref.translated_from)

    def test_equal_copy(self):
        self.assertEqual(self.ref.translated(), self.ref)
        self.assertEqual(self.ref.translated("FR"), self.ref)
        self.assertEqual(self.ref.translated("fr").languages, ("de", "nl"))

    def test_malformed_tag(self):
        with self.assertRaisesRegex(ValueError, "'nl_BE' is not a BCP 47 language tag"):
            self.ref.translated("nl_BE")
        with self.assertRaisesRegex(ValueError, "is not a BCP 47 language tag"):
            self.ref.render(format="md", lang="")

    def test_lang_keyword(self):
        hits = self.ref.search("vaardigheden", lang="nl")  # Snowball's Dutch stem: vaardig
        self.assertEqual([h.id for h in hits], ["psy.ind.1"])
        self.assertEqual(self.ref.search("vaardigheden", lang=None), [])
        self.assertIn('<html lang="de"', self.ref.render(format="html", lang="de"))
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "nl.json")
            self.ref.save(path, format="case", lang="nl")
            with open(path, encoding="utf-8") as f:
                package = json.load(f)
        self.assertEqual(package["CFDocument"]["language"], "nl")
        self.assertEqual(package["CFDocument"]["identifier"],
                         str(uuid.uuid5(uuid.UUID(self.ref.uuid), "nl")))
        links = [a for a in package["CFAssociations"]
                 if a["associationType"] == "isTranslationOf"]
        self.assertEqual(len(links), 6)  # a domain, a plan, a competence, three items
        self.assertIn({"title": "Gesprekken voeren",
                       "identifier": str(uuid.uuid5(uuid.UUID(self.ref.uuid), "psy.ind.1.sf.1")),
                       "uri": "https://example.org/vue/psy.ind.1.sf.1"},
                      [a["destinationNodeURI"] for a in links])


class PositioningTest(unittest.TestCase):
    """The four-person fixture (its figures are counted in tests/test_positioning.c)."""

    def setUp(self):
        self.team = cispref.load_positioning(os.path.join(FIXTURES, "positioning-team.xml"))

    def test_document(self):
        self.assertEqual(self.team.referential_id, "cisp-accompagnement")
        self.assertEqual(self.team.edition, "2020")
        self.assertEqual([p["id"] for p in self.team.persons], ["p01", "p02", "p03", "p04"])
        self.assertEqual(self.team.persons[0], {"id": "p01", "name": "Awa", "role": "formatrice"})
        self.assertEqual(len(self.team.ratings), 16)
        self.assertEqual(self.team.ratings[14]["source"], "peer")
        self.assertEqual([l["proficient"] for l in self.team.levels], [False, False, True, True])

    def test_coverage(self):
        covered = {c["competence"]: c["persons"] for c in self.team.coverage() if c["count"]}
        self.assertEqual(covered, {"psy.ind.1": ["p01", "p02"], "psy.ind.3": ["p03", "p04"]})
        self.assertEqual(len(self.team.coverage(cispref.default())), 21)

    def test_needs(self):
        self.assertEqual([n["id"] for n in self.team.needs()],
                         ["c.ecoute-active", "c.techniques-entretien", "com.ext.3.sf.2",
                          "c.reunions-equipe", "psy.ind.5.s.1"])
        mine = self.team.needs(person="p04")
        self.assertEqual([(n["id"], n["competences"]) for n in mine],
                         [("c.techniques-entretien", ["psy.ind.2", "psy.ind.3"]),
                          ("c.ecoute-active", ["psy.ind.2"])])
        with self.assertRaises(KeyError):
            self.team.needs(person="p99")

    def test_validate_save_render(self):
        self.assertEqual(self.team.validate(), [])
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "team.xml")
            self.team.save(path)
            self.assertEqual(cispref.load_positioning(path).ratings, self.team.ratings)
        html = self.team.render(person="p01", anonymize=True).decode()
        self.assertEqual(html.count("\u2612"), 18)
        self.assertNotIn("Awa", html)
        self.assertEqual(self.team.render("coverage", "odt")[:2], b"PK")
        with self.assertRaises(ValueError):
            self.team.render("grid", "md")
        with self.assertRaises(cispref.ParseError):
            cispref.load_positioning(DATA)

    def test_loads_positioning(self):
        path = os.path.join(FIXTURES, "positioning-team.xml")
        with open(path, "rb") as f:
            data = f.read()
        self.assertEqual(cispref.loads_positioning(data).ratings, self.team.ratings)
        # a str is text already, whatever encoding its declaration names
        text = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="ISO-8859-1"', 1)
        self.assertIn('encoding="ISO-8859-1"', text)
        self.assertEqual(cispref.loads_positioning(text).persons, self.team.persons)
        with self.assertRaises(cispref.ParseError) as caught:
            cispref.loads_positioning(b"<positioning", name="team.xml")
        self.assertEqual(caught.exception.file, "team.xml")
        self.assertEqual(caught.exception.line, 1)
        with self.assertRaises(TypeError):
            cispref.loads_positioning(42)


class ModuleStateTest(unittest.TestCase):
    """The types and cispref.Error belong to each module object, as PEP 489 and 630 ask."""

    def test_types_are_heap_types(self):
        for t in [getattr(cispref, name) for name in TYPE_NAMES] + [type(cispref.default().domains)]:
            with self.subTest(t.__name__):
                self.assertTrue(t.__flags__ & HEAPTYPE)

    def test_types_stay_closed_as_before(self):
        ref = cispref.default()
        objects = [ref, ref["psy"], ref["psy.ind.1"], ref.domains, ref["psy.ind.1"].savoirs]
        for obj in objects:
            with self.subTest(type(obj).__name__):
                with self.assertRaises(TypeError):
                    type(obj)()
                with self.assertRaises(TypeError):
                    type("Sub", (type(obj),), {})
                for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
                    with self.assertRaises(TypeError):
                        pickle.dumps(obj, protocol)
        for name in TYPE_NAMES[:8]:
            with self.assertRaises(TypeError):
                setattr(getattr(cispref, name), "extra", 1)
        self.assertEqual(repr(ref["psy"]), "<Domain psy 'Accompagnement psycho-social'>")
        match ref.domains:
            case [first, *_]:
                self.assertEqual(first, ref["psy"])
            case _:
                self.fail("a NodeList is not matched as a sequence")
        self.assertIsInstance(ref.domains, collections.abc.Sequence)

    def test_a_second_module_object_has_its_own_types(self):
        extension = cispref._cispref
        spec = importlib.util.spec_from_file_location(extension.__name__, extension.__file__)
        other = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(other)
        self.assertIsNot(other, extension)
        for name in TYPE_NAMES + ("NodeList", "Error", "FileError", "ParseError", "RuleError"):
            with self.subTest(name):
                self.assertIsNot(getattr(other, name), getattr(cispref, name))
        ref = other.default()
        self.assertIs(type(ref), other.Referential)
        self.assertIs(type(ref["psy.ind.1"]), other.Competence)
        self.assertIs(type(ref.search("bilan")[0]), other.Hit)
        self.assertIs(type(ref.domains), type(ref["psy"].plans))
        self.assertIsNot(type(ref.domains), type(cispref.default().domains))
        with self.assertRaises(other.Error) as caught:
            other.load("/nonexistent/referential.xml")
        self.assertNotIsInstance(caught.exception, cispref.Error)
        self.assertEqual(caught.exception.tag, "io-error")

    @unittest.skipIf(interpreters is None, "no _xxsubinterpreters in this Python")
    def test_a_subinterpreter_has_its_own_types(self):
        read, write = os.pipe()
        code = (f"import os, sys\nsys.path.insert(0, {os.path.dirname(cispref.__file__)!r})\n"
                "import cispref\nref = cispref.default()\n"
                f"os.write({write}, f'{{id(cispref.Domain)}} {{len(ref.domains)}} "
                "{ref.search(\"bilan\")[0].domain.id}'.encode())\n")
        try:
            interp = interpreters.create(isolated=False)
        except TypeError:
            interp = interpreters.create()
        try:
            interpreters.run_string(interp, code)
        finally:
            interpreters.destroy(interp)
            os.close(write)
        with os.fdopen(read) as pipe:
            ident, count, domain = pipe.read().split()
        self.assertNotEqual(int(ident), id(cispref.Domain))
        ref = cispref.default()
        self.assertEqual((int(count), domain), (len(ref.domains), ref.search("bilan")[0].domain.id))

    def test_types_are_released_with_their_objects(self):
        ref = cispref.default()
        types = [type(ref), cispref.Domain, type(ref.domains), cispref.Hit]
        before = [sys.getrefcount(t) for t in types]
        for _ in range(100):
            ref["psy"].plans[0].competences[0]
            ref.search("bilan")
        gc.collect()
        self.assertEqual([sys.getrefcount(t) for t in types], before)


class GilTest(unittest.TestCase):
    """Long calls release the GIL: another thread runs while they do."""

    @classmethod
    def setUpClass(cls):
        cls.document = big_document(8000, 20)

    def stamps_during(self, call):
        """How many times a second thread ran in the middle half of call(), and its length.
        Holding the GIL, call() would let it run only before or after its C part."""
        stamps, done = [], threading.Event()

        def tick():
            while not done.is_set():
                stamps.append(time.perf_counter())
                time.sleep(0.001)
        interval = sys.getswitchinterval()
        sys.setswitchinterval(0.001)
        thread = threading.Thread(target=tick)
        thread.start()
        try:
            while not stamps:
                time.sleep(0.001)
            start = time.perf_counter()
            call()
            end = time.perf_counter()
        finally:
            done.set()
            thread.join()
            sys.setswitchinterval(interval)
        quarter = (end - start) / 4
        return sum(1 for s in stamps if start + quarter < s < end - quarter), end - start

    def test_loads(self):
        count, seconds = self.stamps_during(
            lambda: cispref.loads(self.document, max_input_size=0, max_elements=0))
        self.assertGreater(count, 0, f"no progress during {seconds:.3f}s of loads()")

    def test_render_to_a_path(self):
        ref = cispref.loads(self.document, max_input_size=0, max_elements=0)
        with tempfile.TemporaryDirectory() as folder:
            count, seconds = self.stamps_during(
                lambda: ref.render(os.path.join(folder, "big.html"), "html"))
        self.assertGreater(count, 0, f"no progress during {seconds:.3f}s of render(path=...)")


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


class DiffTest(unittest.TestCase):
    """cispref.diff() on the two fixture editions (tests/fixtures/diff-edition-*.xml,
    whose changes tests/test_diff.c lists by hand)."""

    def setUp(self):
        self.old = cispref.load(os.path.join(FIXTURES, "diff-edition-1.xml"))
        self.new = cispref.load(os.path.join(FIXTURES, "diff-edition-2.xml"))

    def test_identical(self):
        self.assertEqual(cispref.diff(self.old, self.old), [])
        self.assertEqual(cispref.diff(cispref.default(), cispref.default()), [])

    def test_editions(self):
        changes = cispref.diff(self.old, self.new)
        self.assertEqual(len(changes), 30)
        counts = collections.Counter(c.kind for c in changes)
        self.assertEqual(counts, {"metadata": 2, "added": 6, "renamed": 1, "moved": 3,
                                  "kind": 3, "text": 6, "concept": 1, "link": 1,
                                  "notes": 1, "deprecated": 1, "removed": 5})
        first = changes[0]
        self.assertIsInstance(first, cispref.Change)
        self.assertEqual(tuple(first)[:8], ("metadata", None, None, None, None, "version", "1", "2"))
        self.assertIsNone(first.similarity)
        self.assertEqual(first.words, ())
        title = changes[2]
        self.assertEqual((title.kind, title.node, title.old_id, title.field), ("text", "domain", "d", "title"))
        self.assertEqual(title.words, (("same", "Domaine"), ("deleted", "un"), ("inserted", "premier")))
        renamed = [c for c in changes if c.kind == "renamed"]
        self.assertEqual([(c.old_id, c.new_id) for c in renamed], [("t1.sf.1", "t1.sf.9")])
        self.assertAlmostEqual(renamed[0].similarity, 10 / 12)
        moved = {c.new_id: (c.field, c.old, c.new) for c in changes if c.kind == "moved"}
        self.assertEqual(moved, {"c1.sf.3": ("position", "2", "0"), "t1.s.1": ("parent", "t1", "c3"),
                                 "c2": ("parent", "d.ind", "d.col")})
        self.assertEqual([c.old_id for c in changes if c.kind == "removed"],
                         ["c2.sf.2", "c3.sfc.1", "t1.sf.1", "k.old", "n2"])
        deprecated = [(c.new_id, c.field, c.old, c.new) for c in changes if c.kind == "deprecated"]
        self.assertEqual(deprecated, [("c3.sf.1", "replaced-by", None, "c4.sf.1")])
        self.assertTrue(self.new["c3.sf.1"].deprecated)
        self.assertEqual(self.new["c3.sf.1"].replaced_by, "c4.sf.1")
        self.assertFalse(self.old["c3.sf.1"].deprecated)
        self.assertIsNone(self.old["c3.sf.1"].replaced_by)

    def test_keywords_and_errors(self):
        self.assertEqual(len(cispref.diff(new=self.new, old=self.old)), 30)
        with self.assertRaises(TypeError):
            cispref.diff(self.old, "diff-edition-2.xml")
        with self.assertRaises(TypeError):
            cispref.diff(self.old)
        dup = cispref.load(os.path.join(FIXTURES, "validate-duplicate-id.xml"), lenient=True)
        with self.assertRaises(cispref.RuleError) as caught:
            cispref.diff(self.old, dup)
        self.assertEqual(caught.exception.rule, "duplicate-id")


class TranslationTest(unittest.TestCase):
    """ref.languages and node.text_in(), against tests/fixtures/translation-nl.xml."""

    def setUp(self):
        self.ref = cispref.load(os.path.join(FIXTURES, "translation-nl.xml"))

    def test_languages(self):
        self.assertEqual(self.ref.languages, ("de", "nl"))
        self.assertEqual(cispref.default().languages, ())

    def test_text_in(self):
        psy = self.ref.domains[0]
        self.assertEqual(psy.text_in("nl"), "Psychosociale begeleiding")
        self.assertEqual(psy.text_in("de-AT"), "Psychosoziale Begleitung")
        self.assertEqual(psy.text_in(None), "Accompagnement psycho-social")
        competence = psy.plans[0].competences[0]
        self.assertEqual(competence.text_in("nl"), "De behoeften analyseren")
        # no Dutch text for this one: the French
        self.assertEqual(competence.savoir_faire[1].text_in("nl"), "Synthétiser")
        self.assertEqual(self.ref.concepts[0].text_in("nl"), "Actief luisteren")
        self.assertEqual(self.ref.notes[0].text_in("nl"), "Een opmerking.")
        self.assertEqual(psy.summary[0].text_in("nl"), "De behoeften analyseren")
        with self.assertRaises(TypeError):
            psy.text_in(3)



class FrontMatterTranslationTest(unittest.TestCase):
    """The title and the front matter in other languages (front-matter-nl.xml, whose Dutch
    and German were written for the tests)."""

    def setUp(self):
        self.ref = cispref.load(os.path.join(FIXTURES, "front-matter-nl.xml"))

    def test_title_in(self):
        self.assertEqual(self.ref.title_in("nl-BE"), "Testreferentieel")
        self.assertEqual(self.ref.title_in("de"), "Référentiel d’essai")
        self.assertEqual(self.ref.title_in(), self.ref.title)

    def test_front_matter_text(self):
        text = self.ref.front_matter_text("fm.1", "block 1 text", "nl")
        self.assertEqual(text.text, "Het decreet bepaalt de opdrachten van de centra.")
        self.assertEqual([r.kind for r in text.runs], ["text", "note-ref", "text", "em", "text"])
        self.assertEqual(text.runs[1].note, "note.1")
        self.assertEqual(self.ref.front_matter_text("fm.1", "heading", language="de").text,
                         "Einleitung")
        self.assertEqual(self.ref.front_matter_text("fm.1", "heading").text, "Introduction")
        actors = self.ref.front_matter_text("fm.2.timeline", "phase 1 step 1 actors", "nl")
        self.assertEqual((actors.text, actors.runs), ("Stuurgroep", ()))
        with self.assertRaises(KeyError):
            self.ref.front_matter_text("fm.1", "block 9 text", "nl")
        with self.assertRaises(TypeError):
            self.ref.front_matter_text("fm.1", None)

    def test_translated_front_matter(self):
        nl = self.ref.translated("nl")
        self.assertEqual(nl.title, "Testreferentieel")
        self.assertEqual(nl.front_matter[0].heading, "Inleiding")
        self.assertEqual(nl.front_matter[0].blocks[2].items[1].text, "de algemene vorming;")

if __name__ == "__main__":
    unittest.main()
