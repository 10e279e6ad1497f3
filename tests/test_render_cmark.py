#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The Markdown cahier as plain CommonMark reads it: each referential given is rendered
as Markdown, converted to HTML by cmark (the CommonMark reference implementation, with
no extension), and the HTML must hold the structure that render.h documents: every
heading a heading (h1 title, h2 chapters and domains, h3 plans, h4 competences, h5
columns, none for a column without items; in a front matter, the domains one level below the section that places them and
the rest below them, a paragraph of bold text at the seventh level and of italics
deeper), every item and summary entry its own <li> with exactly the model's text, no
code block, no table, no raw HTML, no emphasis but the title page's and the index's.
The contents list what the HTML cahier's contents list, nested the same way. With a
front matter: each section is a heading of its level (h2 for a Part) with its number, its paragraphs and list items (label, text)
exactly the model's text, quotations marked “ ”, note references [^n], emphasis exactly
where the model has it (so no stray '*'), the quotation and the figure's placeholder the
only block quotations, the timeline's phases and steps, the summary and detail tables
where the overview and details blocks stand; every note is then a footnote.
The expected texts come from the model (the JSON export), never from the Markdown.
A missing cmark is a failure, not a skip.

    test_render_cmark.py CISPREF_EXE [REFERENTIAL.xml]...   (none: the embedded one)
"""
import html.parser
import json
import shutil
import subprocess
import sys

PLAN_LABELS = {"individual": "Individuel", "collective": "Collectif", "internal": "Interne",
               "external": "Externe", "joint": "Individuel et collectif"}
COLUMNS = [("savoir_faire", "Savoir-faire"),
           ("savoir_faire_comportementaux", "Savoir-faire comportementaux"),
           ("savoirs", "Savoirs")]
KIND_LABELS = {"savoir-faire": "savoir-faire",
               "savoir-faire-comportemental": "savoir-faire comportemental",
               "savoir": "savoir"}
FORBIDDEN = {"pre", "code", "table", "hr", "ol", "img", "a", "br"}  # blockquote: see whole()


class Node:
    def __init__(self, tag, parent=None):
        self.tag, self.parent, self.children = tag, parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self, tag=None):
        return [c for c in self.children if isinstance(c, Node) and (tag is None or c.tag == tag)]

    def walk(self):
        for c in self.elements():
            yield c
            yield from c.walk()


class Tree(html.parser.HTMLParser):
    """cmark's HTML as a tree; raw HTML that cmark passed through would be elements too."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("root")
        self.comments = []

    def handle_starttag(self, tag, attrs):
        child = Node(tag, self.node)
        self.node.children.append(child)
        if tag not in ("br", "hr", "img"):
            self.node = child

    def handle_endtag(self, tag):
        if tag not in ("br", "hr", "img"):
            assert self.node.tag == tag, f"</{tag}> closes <{self.node.tag}>"
            self.node = self.node.parent

    def handle_data(self, data):
        if data.strip() or self.node.tag not in ("root", "ul"):
            self.node.children.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def run(args, data=None):
    return subprocess.run(args, input=data, capture_output=True, check=True).stdout


def li_text(li):
    """The text of an item without the list nested in it."""
    return "".join(c if isinstance(c, str) else c.text()
                   for c in li.children if not (isinstance(c, Node) and c.tag == "ul")).strip("\n")


def flat(runs, notes):
    """The text of rich-text @runs as cmark prints it: quotations in “ ”, note
    references as the literal [^n] (no footnote extension), emphasis as its text."""
    out = []
    for r in runs or []:
        if r["kind"] == "text":
            out.append(r["text"])
        elif r["kind"] == "q":
            out.append("“" + flat(r["runs"], notes) + "”")
        elif r["kind"] == "em":
            out.append(flat(r["runs"], notes))
        elif r["kind"] == "note-ref":
            out.append(f"[^{notes[r['note']]}]")
    return "".join(out)


def emphases(runs):
    return sum((r["kind"] == "em") + emphases(r.get("runs")) for r in runs or [])


def note_refs(sections):
    for s in sections:
        stack = [b for b in s["blocks"]]
        while stack:
            x = stack.pop()
            if isinstance(x, dict):
                if x.get("kind") == "note-ref":
                    yield x["note"]
                stack.extend(v for v in x.values() if isinstance(v, (list, dict)))
            elif isinstance(x, list):
                stack.extend(x)
        yield from note_refs(s["sections"])


def heading_text(section, notes):
    text = flat(section["heading"], notes)
    return f"{section['number']} {text}" if section["number"] else text


class Checker:
    def __init__(self, name, ref, root):
        self.name, self.ref, self.failures = name, ref, 0
        self.blocks = root.elements()
        self.at = 0

    def fail(self, message):
        if len(message) > 400:
            message = message[:400] + "..."
        print(f"FAIL: {self.name}: {message}")
        self.failures += 1

    def heading(self, level, text):
        """A heading of @level: h1 to h6, then a paragraph of one bold text (the seventh
        level) or of one emphasis (deeper), as render.h says."""
        if level <= 6:
            return self.next_block(f"h{level}", text)
        block = self.next_block("p", text)
        inner = block.elements() if block else []
        want = "strong" if level == 7 else "em"
        if block and ([c.tag for c in inner] != [want] or inner[0].text() != block.text()):
            self.fail(f"heading {text!r} at level {level}: not one <{want}> paragraph")
        return block

    def next_block(self, tag, text=None):
        if self.at >= len(self.blocks):
            self.fail(f"the document ends where <{tag}> {text!r} was expected")
            return None
        block = self.blocks[self.at]
        self.at += 1
        if block.tag != tag or (text is not None and block.text() != text):
            self.fail(f"block {self.at}: <{block.tag}> {block.text()!r}, "
                      f"expected <{tag}> {text!r}")
        return block

    def skip_to(self, tag, text):
        while self.at < len(self.blocks):
            b = self.blocks[self.at]
            if b.tag == tag and b.text() == text:
                return
            self.at += 1
        self.fail(f"no <{tag}> {text!r}")

    def list_items(self, expected, what):
        """A bullet list whose items are exactly @expected, none nested."""
        ul = self.next_block("ul")
        got = [li_text(li) for li in ul.elements("li")] if ul else []
        if got != expected:
            self.fail(f"{what}: items {got!r}, expected {expected!r}")
        if ul and len(ul.elements()) != len(ul.elements("li")):
            self.fail(f"{what}: a list holds something else than items")

    def overview(self, kind=None, level=3):
        """The summaries: each domain's a heading of @level (3 in the overview chapter, one
        below its section's at an overview block)."""
        if kind is None:
            self.next_block("h2", "Vue d'ensemble des compétences")
        for domain in self.ref["domains"]:
            if not domain["summary"] or (kind is not None and domain["kind"] != kind):
                continue
            self.heading(level, domain["title"])
            runs = []  # (plan label, [entry texts]) as printed: a new run when the plan changes
            for entry in domain["summary"]:
                if not runs or runs[-1][0] != PLAN_LABELS[entry["plan"]]:
                    runs.append((PLAN_LABELS[entry["plan"]], []))
                runs[-1][1].append(entry["text"])
            ul = self.next_block("ul")
            items = ul.elements("li") if ul else []
            got = [(li_text(li), [li_text(x) for u in li.elements("ul") for x in u.elements("li")])
                   for li in items]
            if got != runs:
                self.fail(f"summary of {domain['id']}: {got!r}, expected {runs!r}")

    def competence(self, comp, notes, level):
        refs = "".join(f"[^{notes[n]}]" for n in comp["notes"] if n in notes)
        self.heading(level, comp["title"] + refs)
        for key, label in COLUMNS:
            # a column without items has no heading (an empty cell in the HTML table)
            texts = [item["text"] for item in comp[key]]
            if texts:
                self.heading(level + 1, label)
                self.list_items(texts, f"{comp['id']} {label}")

    def domains(self, kind=None, level=2):
        """The detail tables: each domain a heading of @level (2 as a chapter, one below its
        section's at a details block), its plans and competences below it."""
        notes = {n["id"]: n["number"] for n in self.ref["notes"]}
        for domain in self.ref["domains"]:
            if kind is not None and domain["kind"] != kind:
                continue
            self.heading(level, domain["title"])
            for plan in domain["plans"]:
                self.heading(level + 1, plan["title"])
                for comp in plan["competences"]:
                    self.competence(comp, notes, level + 2)

    def paragraph(self, runs, what, tag="p"):
        """A block of inline content: its text, its emphases, no stray '*'."""
        expected = flat(runs, self.note_numbers)
        block = self.next_block(tag, expected)
        if block is None:
            return
        if len(block.elements("em")) != emphases(runs):
            self.fail(f"{what}: {len(block.elements('em'))} emphases, expected {emphases(runs)}")
        if "*" in block.text() and "*" not in expected:
            self.fail(f"{what}: a stray '*' in {block.text()!r}")
        self.front_counts[tag] = self.front_counts.get(tag, 0) + 1

    def contents(self):
        """The contents: the entries of the HTML cahier's contents, nested, in its order:
        every front-matter heading, a section's details blocks followed by the domains they
        place (their plans and competences below them), then the overview and the domains
        no block places, the notes and the index. No links: cmark makes no anchors."""
        self.next_block("h2", "Table des matières")
        ul = self.next_block("ul")

        def entries(ul, depth):
            for li in ul.elements("li"):
                yield depth, li_text(li)
                for sub in li.elements("ul"):
                    yield from entries(sub, depth + 1)
        got = list(entries(ul, 0)) if ul else []

        def domain_entries(domain, depth):
            yield depth, domain["title"]
            for plan in domain["plans"]:
                yield depth + 1, plan["title"]
                for comp in plan["competences"]:
                    yield depth + 2, comp["title"]

        def places(block, domain):
            return block["kind"] == "details" and block.get("domain_kind") in (None, domain["kind"])

        def headings(sections, depth):
            for sec in sections:
                yield depth, heading_text(sec, self.note_numbers)
                for domain in self.ref["domains"]:
                    if any(places(b, domain) for b in sec["blocks"]):
                        yield from domain_entries(domain, depth + 1)
                yield from headings(sec["sections"], depth + 1)
        front = self.ref["front_matter"]
        blocks = list(self.all_blocks())
        expected = list(headings(front, 0))
        if not any(b["kind"] == "overview" for b in blocks):
            expected.append((0, "Vue d'ensemble des compétences"))
        for domain in self.ref["domains"]:
            if not any(places(b, domain) for b in blocks):
                expected.extend(domain_entries(domain, 0))
        if self.ref["notes"]:
            expected.append((0, "Notes"))
        if any(item["concept"] for d in self.ref["domains"] for p in d["plans"]
               for c in p["competences"] for key, _ in COLUMNS for item in c[key]):
            expected.append((0, "Index des concepts partagés"))
        if got != expected:
            diff = next((i for i, (g, e) in enumerate(zip(got, expected)) if g != e),
                        min(len(got), len(expected)))
            self.fail(f"contents: {len(got)} entries, expected {len(expected)}; first "
                      f"difference at {diff}: {got[diff:diff + 2]!r}, expected "
                      f"{expected[diff:diff + 2]!r}")

    def block(self, b, where, level):
        kind = b["kind"]
        if kind == "p":
            self.paragraph(b["text"], where)
        elif kind == "list":
            ul = self.next_block("ul")
            got = [li_text(li) for li in ul.elements("li")] if ul else []
            expected = [(it["label"] + " " if it["label"] else "") + flat(it["text"], self.note_numbers)
                        for it in b["items"]]
            if got != expected:
                self.fail(f"{where}: list items {got!r}, expected {expected!r}")
            self.front_counts["item"] = self.front_counts.get("item", 0) + len(got)
            for li in ul.elements("li") if ul else []:
                if "*" in li.text():
                    self.fail(f"{where}: a stray '*' in {li.text()!r}")
        elif kind == "quote":
            q = self.next_block("blockquote")
            inner = q.elements() if q else []
            expected = ([("p", flat(b["heading"], self.note_numbers))] if b["heading"] else []) + \
                [("p", flat(p, self.note_numbers)) for p in b["paragraphs"]] + \
                ([("p", "— " + b["attribution"])] if b["attribution"] else [])
            got = [(n.tag, n.text()) for n in inner]
            if got != expected:
                self.fail(f"{where}: quotation {got!r}, expected {expected!r}")
            self.front_counts["quote-p"] = self.front_counts.get("quote-p", 0) + len(b["paragraphs"])
        elif kind == "timeline":
            for phase in b["phases"]:
                self.paragraph(phase["heading"], where + " phase")
                ul = self.next_block("ul")
                got = [li_text(li) for li in ul.elements("li")] if ul else []
                expected = [f"{st['date']} : {flat(st['task'], self.note_numbers)}"
                            + (f" ({st['actors']})" if st["actors"] else "")
                            for st in phase["steps"]]
                if got != expected:
                    self.fail(f"{where}: timeline steps {got!r}, expected {expected!r}")
                self.front_counts["step"] = self.front_counts.get("step", 0) + len(got)
        elif kind == "figure":
            self.next_block("blockquote")  # the drawing's placeholder
            self.paragraph(b["caption"], where + " caption")
        elif kind == "overview":
            self.overview(b["domain_kind"], level + 1)
        elif kind == "details":  # every domain, or those of its domain kind
            self.domains(b.get("domain_kind"), level + 1)

    def section(self, sec):
        level = min(sec["level"] + 1, 6)
        self.next_block(f"h{level}", heading_text(sec, self.note_numbers))
        self.front_counts["section"] = self.front_counts.get("section", 0) + 1
        for b in sec["blocks"]:
            self.block(b, sec["id"], level)
        for sub in sec["sections"]:
            self.section(sub)

    def front_matter(self):
        for sec in self.ref["front_matter"]:
            self.section(sec)

    def notes(self):
        if not self.ref["notes"]:
            return
        self.next_block("h2", "Notes")
        cited = {n for d in self.ref["domains"] for p in d["plans"]
                 for c in p["competences"] for n in c["notes"]}
        cited |= set(note_refs(self.ref["front_matter"]))
        for note in self.ref["notes"]:
            # every cited note a footnote definition, which cmark shows as a paragraph; one
            # that CommonMark could read as a link reference definition (spec 4.7: one
            # word such as "Ibid." or a URL, maybe with a title) is followed by a space
            # and U+2060 WORD JOINER, so that it is none (a definition would vanish)
            if note["id"] in cited:
                words = note["text"].split(None, 1)
                definition = len(words) < 2 or words[1][0] in "\"'("
                self.next_block("p", f"[^{note['number']}]: {note['text']}"
                                + (" \u2060" if definition else ""))
                continue
            p = self.next_block("p", f"{note['number']} {note['text']}")
            strong = p.elements("strong") if p else []
            if [s.text() for s in strong] != [note["number"]]:
                self.fail(f"note {note['id']}: its number is not the one bold text")

    def index(self):
        used = {}
        for d in self.ref["domains"]:
            for p in d["plans"]:
                for c in p["competences"]:
                    for key, _ in COLUMNS:
                        for item in c[key]:
                            if item["concept"]:
                                used.setdefault(item["concept"], []).append(c["title"])
        if not used:
            return
        concepts = {c["id"]: c for c in self.ref["concepts"]}
        self.next_block("h2", "Index des concepts partagés")
        ul = self.next_block("ul")
        got = {}
        for li in ul.elements("li") if ul else []:
            strong, em = li.elements("strong"), li.elements("em")
            if len(strong) != 1 or len(em) != 1:
                self.fail(f"index entry {li_text(li)!r}: not one bold label and one italic kind")
                continue
            titles = [li_text(x) for u in li.elements("ul") for x in u.elements("li")]
            got[(strong[0].text(), em[0].text())] = titles
        expected = {}
        for cid, titles in used.items():
            unique = list(dict.fromkeys(titles))
            expected[(concepts[cid]["label"], KIND_LABELS[concepts[cid]["kind"]])] = unique
        if got != expected:
            self.fail(f"index: {got!r}, expected {expected!r}")

    def all_blocks(self):
        stack = list(self.ref["front_matter"])
        while stack:
            sec = stack.pop()
            yield from sec["blocks"]
            stack.extend(sec["sections"])

    def whole(self, root, comments):
        for node in root.walk():
            if node.tag in FORBIDDEN:
                self.fail(f"a <{node.tag}> element: {node.text()[:60]!r}")
        if comments:
            self.fail(f"raw HTML that cmark left out: {comments[:3]!r}")
        self.next_block("h1", self.ref["title"])
        # The title page's paragraphs: the only emphasis is the one written on purpose,
        # each around a whole paragraph.
        while self.at < len(self.blocks) and self.blocks[self.at].tag == "p":
            p = self.blocks[self.at]
            self.at += 1
            marks = p.elements()
            if len(marks) > 1 or (marks and marks[0].text() != p.text()):
                self.fail(f"title page paragraph with stray emphasis: {p.text()!r}")
        self.note_numbers = {n["id"]: n["number"] for n in self.ref["notes"]}
        self.front_counts = {}
        self.contents()
        if self.ref["front_matter"]:
            self.front_matter()
        else:
            self.overview()
            self.domains()
        quotes = sum(1 for node in root.walk() if node.tag == "blockquote")
        expected = sum(1 for b in self.all_blocks() if b["kind"] in ("quote", "figure"))
        if quotes != expected:
            self.fail(f"{quotes} block quotations, expected {expected} (quotations, figures)")
        self.notes()
        self.index()
        if self.at != len(self.blocks):
            self.fail(f"{len(self.blocks) - self.at} blocks after the index")


def check(cispref, path):
    source = ["-i", path] if path else []
    name = path or "embedded referential"
    ref = json.loads(run([cispref, "export", "--format", "json", *source]))
    markdown = run([cispref, "render", "--format", "md", *source])
    tree = Tree()
    tree.feed(run(["cmark"], markdown).decode("utf-8"))
    tree.close()
    checker = Checker(name, ref, tree.root)
    checker.whole(tree.root, tree.comments)
    items = sum(len(c[k]) for d in ref["domains"] for p in d["plans"]
                for c in p["competences"] for k, _ in COLUMNS)
    front = ", ".join(f"{v} {k}" for k, v in sorted(checker.front_counts.items()))
    print(f"{name}: {len(checker.blocks)} blocks, {items} items checked, "
          f"front matter: {front or 'none'}; {checker.failures} failures")
    return checker.failures


def main():
    if not shutil.which("cmark"):
        print("FAIL: cmark is not installed (Debian package cmark)")
        return 1
    cispref, inputs = sys.argv[1], sys.argv[2:] or [None]
    failures = sum(check(cispref, path) for path in inputs)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
