#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The Markdown cahier as plain CommonMark reads it: each referential given is rendered
as Markdown, converted to HTML by cmark (the CommonMark reference implementation, with
no extension), and the HTML must hold the structure that render.h documents: every
heading a heading (h1 title, h2 chapters and domains, h3 plans, h4 competences, h5
columns), every item and summary entry its own <li> with exactly the model's text, no
code block, no table, no raw HTML, no emphasis but the title page's and the index's.
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
FORBIDDEN = {"pre", "code", "table", "hr", "blockquote", "ol", "img", "a", "br"}


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

    def overview(self):
        self.next_block("h2", "Vue d'ensemble des compétences")
        for domain in self.ref["domains"]:
            if not domain["summary"]:
                continue
            self.next_block("h3", domain["title"])
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

    def competence(self, comp, notes):
        refs = "".join(f"[^{notes[n]}]" for n in comp["notes"] if n in notes)
        self.next_block("h4", comp["title"] + refs)
        for key, label in COLUMNS:
            self.next_block("h5", label)
            texts = [item["text"] for item in comp[key]]
            if texts:
                self.list_items(texts, f"{comp['id']} {label}")

    def domains(self):
        notes = {n["id"]: n["number"] for n in self.ref["notes"]}
        for domain in self.ref["domains"]:
            self.next_block("h2", domain["title"])
            for plan in domain["plans"]:
                self.next_block("h3", plan["title"])
                for comp in plan["competences"]:
                    self.competence(comp, notes)

    def notes(self):
        if not self.ref["notes"]:
            return
        self.next_block("h2", "Notes")
        cited = {n for d in self.ref["domains"] for p in d["plans"]
                 for c in p["competences"] for n in c["notes"]}
        for note in self.ref["notes"]:
            if note["id"] in cited:
                self.next_block("p", f"[^{note['number']}]: {note['text']}")
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
        self.overview()
        self.domains()
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
    print(f"{name}: {len(checker.blocks)} blocks, {items} items checked, "
          f"{checker.failures} failures")
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
