# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""cispref.load(..., format="moodle"|"case") and loads(): imports from Python, their
options and their findings (standard library unittest only)."""
import csv
import io
import os
import tempfile
import unittest
import xml.etree.ElementTree as ET

import cispref

SOURCE_ROOT = os.environ.get("CISPREF_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIXTURES = os.path.join(SOURCE_ROOT, "tests", "fixtures")
NS = "urn:cispref:referential"


def fixture(name):
    return os.path.join(FIXTURES, name)


def without_front_matter(ref, summaries=True):
    """@ref less its front matter, which neither Moodle nor CASE has a place for, and
    without @summaries less its domains' summaries, which a Moodle framework has no place
    for either (doc/interchange.md, "What a round trip keeps and loses")."""
    ET.register_namespace("", NS)
    root = ET.fromstring(ref.to_xml())
    for front in root.findall(f"{{{NS}}}front-matter"):
        root.remove(front)
    for domain in root.iter(f"{{{NS}}}domain"):
        for summary in domain.findall(f"{{{NS}}}summary") if not summaries else []:
            domain.remove(summary)
    return cispref.loads(ET.tostring(root, encoding="unicode"))


def without_summaries(ref):
    """What a Moodle framework keeps of @ref: neither front matter nor summaries."""
    return without_front_matter(ref, summaries=False)


class RoundTripTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="cispref-interchange-")
        self.addCleanup(self.dir.cleanup)
        self.ref = cispref.default()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def test_moodle(self):
        path = self.path("framework.csv")
        self.ref.save(path, format="moodle")
        back = cispref.load(path, format="moodle")
        expected = without_summaries(self.ref)
        self.assertEqual(back, expected)
        # the comparison sees summaries: what the CSV loses is all it loses
        self.assertNotEqual(back, self.ref)
        self.assertEqual(sum(len(d.summary) for d in self.ref.domains), 24)
        self.assertEqual(back.uuid, self.ref.uuid)
        self.assertEqual([i.uuid for i in back.items], [i.uuid for i in self.ref.items])
        self.assertEqual(back.origin, path)

    def test_moodle_scale_and_taxonomy(self):
        """save()'s scale options land in the framework row (doc/interchange.md gives this
        example's configuration, from Moodle's scale configuration format)."""
        path = self.path("framework.csv")
        self.ref.save(path, format="moodle", scale="Insuffisant,Suffisant,Bien",
                      scale_default=2, scale_proficient=2,
                      taxonomy="domain,domain,competency,skill")
        with open(path, encoding="utf-8", newline="") as f:
            framework = next(row for row in csv.reader(f) if row[12] == "1")
        self.assertEqual(framework[5], "Insuffisant,Suffisant,Bien")
        self.assertEqual(framework[6],
                         '[{"scaleid":null},{"id":1,"scaledefault":0,"proficient":0},'
                         '{"id":2,"scaledefault":1,"proficient":1},'
                         '{"id":3,"scaledefault":0,"proficient":1}]')
        self.assertEqual(framework[13], "domain,domain,competency,skill")
        # the framework's own scale does not change what comes back
        self.assertEqual(cispref.load(path, format="moodle"), without_summaries(self.ref))

    def test_moodle_options_are_checked(self):
        path = self.path("framework.csv")
        with self.assertRaisesRegex(ValueError, "position on the scale, from 1"):
            self.ref.save(path, format="moodle", scale_default=0)
        with self.assertRaises(TypeError):
            self.ref.save(path, format="moodle", scale_proficient="2")
        with self.assertRaisesRegex(cispref.Error, "beyond its labels"):
            self.ref.save(path, format="moodle", scale="A,B", scale_proficient=3)
        self.assertFalse(os.path.exists(path))  # nothing written on failure
        with self.assertRaisesRegex(ValueError, "options of format='moodle', not 'json'"):
            self.ref.save(self.path("ref.json"), taxonomy="domain")
        with self.assertRaises(TypeError):
            self.ref.save(path, "moodle", "A,B")  # the options are keyword-only

    def test_moodle_from_memory_and_file_objects(self):
        path = self.path("framework.csv")
        self.ref.save(path, format="moodle")
        with open(path, "rb") as f:
            data = f.read()
        expected = without_summaries(self.ref)
        self.assertEqual(cispref.loads(data, format="moodle"), expected)
        self.assertEqual(cispref.loads(data.decode("utf-8"), format="moodle"), expected)
        self.assertEqual(cispref.load(io.BytesIO(data), format="moodle"), expected)
        with open(path, "rb") as f:
            self.assertEqual(cispref.load(f, format="moodle"), expected)

    def test_case(self):
        path = self.path("package.json")
        self.ref.save(path, format="case")
        # CASE keeps summaries and notes (extensions.cispref): the whole model comes back
        # but the front matter
        expected = without_front_matter(self.ref)
        self.assertNotEqual(expected, self.ref)
        self.assertEqual(cispref.load(path, format="case"), expected)
        with open(path, "rb") as f:
            self.assertEqual(cispref.loads(f.read(), format="case", name="p.json"), expected)

    def test_xml_stays_the_default(self):
        path = self.path("ref.xml")
        self.ref.save(path)
        self.assertEqual(cispref.load(path), self.ref)
        self.assertEqual(cispref.load(path, format="xml"), self.ref)
        self.assertEqual(cispref.load(path, format=None), self.ref)


class FindingsTest(unittest.TestCase):
    # tests/fixtures/moodle-dropped.csv: line 1 the header, 2 the framework, then the
    # rows Moodle drops (doc/interchange.md, "Import") and one domain, plan, competence.
    DROPPED = {
        ("moodle-parent-unknown", 3), ("moodle-parent-cycle", 4), ("moodle-parent-cycle", 5),
        ("moodle-ancestor-dropped", 6), ("moodle-idnumber-empty", 8),
        ("moodle-idnumber-duplicate", 9),
    }

    def test_strict_import_raises_the_first_error(self):
        findings = []
        with self.assertRaises(cispref.RuleError) as caught:
            cispref.load(fixture("moodle-dropped.csv"), format="moodle", diagnostics=findings)
        error = caught.exception
        first = next(d for d in findings if d.severity == "error")
        self.assertEqual((error.rule, error.line), (first.tag, first.line))
        self.assertIn((error.rule, error.line), self.DROPPED)
        self.assertEqual(error.tag, "rule-violation")
        self.assertEqual(error.file, fixture("moodle-dropped.csv"))
        self.assertTrue(str(error).endswith(f"[{error.rule}]"))
        # the list was filled before the error was raised
        self.assertEqual({(d.tag, d.line) for d in findings if d.severity == "error"},
                         self.DROPPED)

    def test_lenient_import_keeps_the_rest(self):
        findings = ["kept"]
        ref = cispref.load(fixture("moodle-dropped.csv"), format="moodle", lenient=True,
                           diagnostics=findings)
        self.assertEqual(findings[0], "kept")
        self.assertTrue(all(isinstance(d, cispref.Diagnostic) for d in findings[1:]))
        self.assertEqual({(d.tag, d.line) for d in findings[1:] if d.severity == "error"},
                         self.DROPPED)
        # the validator's findings follow, with the line of the node: c1 has no item
        self.assertIn(("warning", "competence-empty", 11, "c1"),
                      {(d.severity, d.tag, d.line, d.id) for d in findings[1:]})
        # a duplicate ID number: the first row keeps it (line 7), the second is dropped
        self.assertEqual([d.id for d in ref.domains], ["d1"])
        self.assertEqual(ref["d1"].title, "Domain again")
        self.assertEqual([c.id for c in ref.competences], ["c1"])
        self.assertNotIn("orphan", ref)
        self.assertNotIn("a", ref)

    def test_rows_in_any_order(self):
        findings = []
        ref = cispref.load(fixture("moodle-unordered.csv"), format="moodle",
                           diagnostics=findings)
        self.assertEqual([(i.id, i.text) for i in ref.items], [("i1", "Item one")])
        self.assertEqual(ref["i1"].competence.plan.domain.id, "d1")
        self.assertTrue(all(d.severity != "error" for d in findings))

    def test_case_repairs_are_reported(self):
        findings = []
        cispref.load(fixture("case-tolerant.json"), format="case", lenient=True,
                     diagnostics=findings)
        tags = {d.tag for d in findings}
        self.assertTrue({"case-wrapper", "case-timestamp-no-zone"} <= tags, tags)

    def test_not_a_framework_is_a_parse_error(self):
        with self.assertRaises(cispref.ParseError) as caught:
            cispref.load(fixture("moodle-truncated.csv"), format="moodle")
        self.assertEqual(caught.exception.tag, "format-error")
        with self.assertRaises(cispref.ParseError):
            cispref.load(fixture("case-truncated.json"), format="case")
        with self.assertRaises(cispref.FileError):
            cispref.load(fixture("no-such-file.csv"), format="moodle")


class OptionsTest(unittest.TestCase):
    LATIN1 = fixture("moodle-latin1-tab.csv")

    def test_encoding(self):
        # the fixture is ISO-8859-1: 'é' is the single byte E9, invalid as UTF-8
        with self.assertRaises(cispref.ParseError):
            cispref.load(self.LATIN1, format="moodle")
        ref = cispref.load(self.LATIN1, format="moodle", encoding="ISO-8859-1")
        self.assertEqual(ref["d1"].title, "Domaine été")
        self.assertEqual(ref.title, "Référentiel")
        with open(self.LATIN1, "rb") as f:
            data = f.read()
        self.assertEqual(cispref.loads(data, format="moodle", encoding="ISO-8859-1"), ref)

    def test_delimiter(self):
        with open(self.LATIN1, "rb") as f:
            data = f.read()
        ref = cispref.loads(data, format="moodle", encoding="ISO-8859-1", delimiter="\t")
        self.assertEqual(ref["c1"].title, "Compétence")
        # read with commas, the tab-separated header is one column: not a framework
        with self.assertRaises(cispref.ParseError):
            cispref.loads(data, format="moodle", encoding="ISO-8859-1", delimiter=",")
        for bad in ("|", ",;", ""):
            with self.assertRaises(ValueError):
                cispref.loads(data, format="moodle", delimiter=bad)

    def test_depths(self):
        # d1 > p1 > c1 read as competence > item > item: one competence, two items
        ref = cispref.load(self.LATIN1, format="moodle", encoding="ISO-8859-1",
                           depths="competence,item")
        self.assertEqual([c.id for c in ref.competences], ["d1"])
        self.assertEqual([i.id for i in ref.items], ["p1", "c1"])
        with self.assertRaises(cispref.Error) as caught:
            cispref.load(self.LATIN1, format="moodle", encoding="ISO-8859-1",
                         depths="item,competence")
        self.assertEqual(caught.exception.tag, "bad-argument")

    def test_foreign(self):
        data = cispref.default().to_xml()
        path = os.path.join(tempfile.mkdtemp(prefix="cispref-interchange-"), "f.csv")
        self.addCleanup(os.rmdir, os.path.dirname(path))
        self.addCleanup(os.remove, path)
        cispref.loads(data).save(path, format="moodle")
        by_convention = cispref.load(path, format="moodle")
        by_depth = cispref.load(path, format="moodle", foreign=True, lenient=True)
        # by depth, the concepts and notes branches are two more domains, and the kinds
        # written in the ID numbers are not read
        self.assertEqual(len(by_depth.domains), len(by_convention.domains) + 2)
        self.assertEqual({d.kind for d in by_depth.domains}, {"core"})

    def test_limits(self):
        with self.assertRaises(cispref.ParseError) as caught:
            cispref.load(self.LATIN1, format="moodle", encoding="ISO-8859-1", max_elements=2)
        self.assertEqual(caught.exception.tag, "limit-exceeded")
        with self.assertRaises(cispref.ParseError) as caught:
            cispref.load(self.LATIN1, format="moodle", max_input_size=10)
        self.assertEqual(caught.exception.tag, "limit-exceeded")
        with open(self.LATIN1, "rb") as f:
            with self.assertRaises(cispref.ParseError):
                cispref.load(f, format="moodle", max_input_size=10)

    def test_keywords_that_do_not_apply(self):
        xml = os.path.join(SOURCE_ROOT, "data", "accompagnement-cisp.xml")
        for kwargs in ({"depths": "competence"}, {"foreign": True}, {"diagnostics": []},
                       {"encoding": "UTF-8"}, {"delimiter": ","}):
            with self.subTest(kwargs=kwargs), self.assertRaises(ValueError):
                cispref.load(xml, **kwargs)
        case = fixture("case-tolerant.json")
        for kwargs in ({"encoding": "UTF-8"}, {"delimiter": ","}, {"max_text_length": 10}):
            with self.subTest(kwargs=kwargs), self.assertRaises(ValueError):
                cispref.load(case, format="case", **kwargs)

    def test_bad_arguments(self):
        with self.assertRaisesRegex(ValueError, r"unknown format 'csv' \(xml, moodle, case\)"):
            cispref.load(self.LATIN1, format="csv")
        with self.assertRaises(TypeError):
            cispref.load(self.LATIN1, format="moodle", diagnostics=())
        with self.assertRaises(TypeError):
            cispref.load(self.LATIN1, "moodle")  # format is keyword-only
        with self.assertRaises(ValueError):
            cispref.loads("a,b", format="moodle", encoding="ISO-8859-1")  # str is text
        with self.assertRaises(ValueError):
            cispref.load(self.LATIN1, format="moodle", encoding="ISO\0")
        with self.assertRaises(ValueError):
            cispref.load(self.LATIN1, format="moodle", max_elements=-1)


if __name__ == "__main__":
    unittest.main()
