#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The PDF cahier, as the README's first command makes it (`cispref render -o
cahier.pdf`, WeasyPrint on the HTML): read back page by page with pdftotext, it holds
every competence title and every heading of the front matter (the Parts and sections of
the cahier, with their numbers); each page number the table of contents prints is the page
where that heading is (front-matter sections, then the domains where the front matter's
details blocks stand: the core ones in 3.2, the transversal ones after the text among
the tables), and so is each page number of the index of shared concepts; the links
back from the notes ("↑"), which are for the screen, are not printed. The expected texts
come from the model (the JSON export). Whitespace, hyphens (the typesetter hyphenates
French words at line ends), soft hyphens, word joiners, compatibility forms and case
(the stylesheet sets plan headings in capitals) are ignored when comparing, since a
title may wrap anywhere. A missing WeasyPrint or pdftotext is a failure, not a skip.

    test_render_pdf.py CISPREF_EXE WORK_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata

CONTENTS = "Table des matières"
CHAPTERS_BEFORE = ["Vue d'ensemble des compétences"]
CHAPTERS_AFTER = ["Notes", "Index des concepts partagés"]


def normal(text):
    text = unicodedata.normalize("NFKC", text).casefold()  # plan headings are set in capitals
    return re.sub(r"[\s\-\u00ad\u2010\u2011\u2060]+", "", text)


def run(args):
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


def pages_of(pdf):
    """The text of each page, its page number in the foot (a line of digits) left out."""
    count = int(re.search(r"^Pages:\s+(\d+)$", run(["pdfinfo", pdf]), re.M).group(1))
    pages = []
    for n in range(1, count + 1):
        lines = run(["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n), pdf, "-"])
        lines = [line for line in lines.replace("\f", "").splitlines() if line.strip()]
        if lines and re.fullmatch(r"\s*\d+\s*", lines[-1]):
            lines.pop()
        pages.append("\n".join(lines))
    return pages


class Check:
    def __init__(self):
        self.failures = 0

    def fail(self, message):
        print(f"FAIL: {message}")
        self.failures += 1

    def page_numbers(self, what, text, entries, pages, start=0):
        """Each (title) of @entries, in order in @text, followed by leader dots and a page
        number: that page holds the title. Returns how many were checked."""
        at = start
        checked = 0
        for i, title in enumerate(entries):
            # the page number ends where the next entry begins: that one may begin with
            # digits too ("2 Démarche ...", "3.1 Les domaines ..."), white space is gone
            after = (f"(?={re.escape(normal(entries[i + 1]))})" if i + 1 < len(entries)
                     else r"(?!\d)")
            match = re.compile(re.escape(normal(title)) + r"\.{2,}(\d+?)" + after).search(text, at)
            if not match:
                self.fail(f"{what}: no entry with a page number for {title!r}")
                continue
            at = match.end()
            page = int(match.group(1))
            checked += 1
            if not 1 <= page <= len(pages) or normal(title) not in normal(pages[page - 1]):
                self.fail(f"{what}: {title!r} is given page {page}, which does not hold it")
        return checked


def main():
    cispref, work = sys.argv[1], sys.argv[2]
    for tool in ("weasyprint", "pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            print(f"FAIL: {tool} is not installed (Debian packages weasyprint, poppler-utils)")
            return 1
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    pdf = os.path.join(work, "cahier.pdf")
    ref = json.loads(run([cispref, "export", "--format", "json"]))
    subprocess.run([cispref, "render", "-o", pdf], check=True)
    pages = pages_of(pdf)
    whole = "\n".join(pages)
    check = Check()

    titles = [c["title"] for d in ref["domains"] for p in d["plans"] for c in p["competences"]]
    for title in titles:
        if normal(title) not in normal(whole):
            check.fail(f"the PDF lacks the competence title {title!r}")
    if "\u2191" in whole:
        check.fail("the PDF prints the screen-only back links (\u2191)")

    # The front matter's headings, each with its number, on some page.
    headings = []

    def heading(section):
        text = "".join(r.get("text", "") for r in section["heading"])
        return f"{section['number']} {text}" if section["number"] else text

    def walk(sections):
        for s in sections:
            headings.append(heading(s))
            walk(s["sections"])
    walk(ref["front_matter"])
    for title in headings:
        if normal(title) not in normal(whole):
            check.fail(f"the PDF lacks the front-matter heading {title!r}")

    # The contents: every front-matter section, chapter, domain, plan and competence, in
    # document order; the domains where the front matter's details block stands.
    def domain_entries(kind=None):
        for d in ref["domains"]:
            if kind is not None and d["kind"] != kind:
                continue
            placed.add(d["id"])
            yield d["title"]
            for p in d["plans"]:
                yield p["title"]
                yield from (c["title"] for c in p["competences"])

    entries = []
    placed = set()

    def contents_of(sections):
        for s in sections:
            entries.append(heading(s))
            for b in s["blocks"]:  # every domain, or those of the block's domain kind
                if b["kind"] == "details":
                    entries.extend(domain_entries(b["domain_kind"]))
            contents_of(s["sections"])
    contents_of(ref["front_matter"])
    if not ref["front_matter"]:
        entries += CHAPTERS_BEFORE
    if not placed:
        entries.extend(domain_entries())
    entries += CHAPTERS_AFTER
    first = next((i for i, text in enumerate(pages) if CONTENTS in text), None)
    if first is None:
        check.fail("no page holds the table of contents")
        return 1
    # pages joined by a mark, so that a page number at the foot of the contents' last page
    # does not run into the digits that begin the next page ("1 Introduction")
    contents = normal("\n|\n".join(pages[first:first + 3]))
    n = check.page_numbers("contents", contents, entries, pages,
                           contents.index(normal(CONTENTS)))

    # The index: each competence listed under a concept, with its page number.
    index_page = max(i for i, text in enumerate(pages) if CHAPTERS_AFTER[-1] in text)
    index = normal("\n".join(pages[index_page:]))
    refs = 0
    for title in set(titles):
        for match in re.finditer(re.escape(normal(title)) + r"\.{2,}(\d+)", index):
            page = int(match.group(1))
            refs += 1
            if not 1 <= page <= len(pages) or normal(title) not in normal(pages[page - 1]):
                check.fail(f"index: {title!r} is given page {page}, which does not hold it")
    if refs == 0:
        check.fail("the index prints no page numbers")

    print(f"{len(pages)} pages, {len(titles)} competence titles, {len(headings)} front-matter "
          f"headings, {n} contents entries and "
          f"{refs} index references checked, {check.failures} failures")
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
