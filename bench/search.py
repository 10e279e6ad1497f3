#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The baseline for cispref-bench: the same work in plain Python 3 (standard library only).

    bench/search.py [--runs N] [--queries FILE] [--limit N] FILE

Loads FILE with xml.etree.ElementTree.iterparse, checking what cispref's strict loader
checks (format version, unique ids, references that resolve, plan kinds of core domains,
non-empty texts); builds a word index (NFKD, case folding, marks dropped, words are runs
of letters and digits; a sorted vocabulary for prefixes, a posting list per word); then
runs the queries of FILE.queries (as bench/gen-referential.py writes them) with the
semantics of cispref_search(): each query word matches the beginning of a word of the
text, a hit holds every query word, hits are ranked by field (titles, summary entries,
items), then by the number of matching words, then in document order.

Prints the same figures as cispref-bench, and the same key=value lines.
"""

import argparse
import bisect
import gc
import os
import re
import resource
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET

NS = "{urn:cispref:referential}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ITEM_KINDS = {NS + "savoir-faire": 0, NS + "savoir-faire-comportemental": 1, NS + "savoir": 2}
CONCEPT_KINDS = {"savoir-faire": 0, "savoir-faire-comportemental": 1, "savoir": 2}
PLAN_KINDS = {"individual", "collective", "internal", "external", "joint"}
FIELD_TITLE, FIELD_SUMMARY, FIELD_ITEM = 0, 1, 2

_MARKS = None
_WORD = re.compile(r"[^\W_]+")


def marks_table():
    """str.translate table that drops every combining mark (categories Mn, Mc, Me)."""
    global _MARKS
    if _MARKS is None:
        _MARKS = {cp: None for cp in range(0x300, 0x110000)
                  if unicodedata.category(chr(cp))[0] == "M"}
    return _MARKS


def fold_words(text):
    folded = unicodedata.normalize("NFKD", text).casefold()
    if not folded.isascii():
        folded = folded.translate(_MARKS)
    return _WORD.findall(folded)


class LoadError(Exception):
    pass


class Referential:
    __slots__ = ("id", "title", "domains", "concepts", "notes")


def load(path):
    """The referential as plain lists and tuples:
    domains: [(id, kind, title, summary, plans)], summary: [(id, plan, competence, text)],
    plans: [(id, kind, title, competences)], competences: [(id, title, note_ids, items)],
    items: [(id, kind, text, concept)]; concepts: {id: (kind, label)}; notes: {id: text}."""
    ref = Referential()
    ref.domains, ref.concepts, ref.notes = [], {}, {}
    ids = set()
    refs_concept, refs_note, refs_competence = [], [], []
    stack = []
    domain = plan = comp = None

    def new_id(elem):
        i = elem.get("id")
        if i is None:
            raise LoadError("element %s lacks its id" % elem.tag)
        if i in ids:
            raise LoadError("duplicate id '%s'" % i)
        ids.add(i)
        return i

    def text_of(elem):
        t = elem.text or ""
        if not t:
            raise LoadError("empty text in %s" % elem.tag)
        return t

    for event, elem in ET.iterparse(path, events=("start", "end")):
        tag = elem.tag
        if event == "start":
            if tag == NS + "referential":
                if elem.get("format-version") != "1":
                    raise LoadError("unsupported format version")
                ref.id = elem.get("id")
            elif tag == NS + "domain":
                kind = elem.get("kind")
                if kind not in ("core", "transversal"):
                    raise LoadError("bad domain kind")
                domain = [new_id(elem), kind, None, [], []]
                ref.domains.append(domain)
            elif tag == NS + "plan":
                kind = elem.get("kind")
                if kind not in PLAN_KINDS:
                    raise LoadError("bad plan kind")
                if domain[1] == "core" and kind not in ("individual", "collective"):
                    raise LoadError("plan kind %s not allowed in a core domain" % kind)
                plan = [new_id(elem), kind, None, []]
                domain[4].append(plan)
            elif tag == NS + "competence":
                comp = [new_id(elem), None, [], []]
                plan[3].append(comp)
            stack.append(tag)
            continue
        # end
        stack.pop()
        parent = stack[-1] if stack else None
        if tag == NS + "title":
            t = text_of(elem)
            if parent == NS + "competence":
                comp[1] = t
            elif parent == NS + "plan":
                plan[2] = t
            elif parent == NS + "domain":
                domain[2] = t
            else:
                ref.title = t
        elif tag in ITEM_KINDS:
            concept = elem.get("concept")
            if concept is not None:
                refs_concept.append(concept)
            comp[3].append((new_id(elem), ITEM_KINDS[tag], text_of(elem), concept))
            elem.clear()
        elif tag == NS + "note-ref":
            comp[2].append(elem.get("note"))
            refs_note.append(elem.get("note"))
        elif tag == NS + "entry":
            kind = elem.get("plan")
            if kind not in PLAN_KINDS:
                raise LoadError("bad summary plan kind")
            c = elem.get("competence")
            if c is not None:
                refs_competence.append(c)
            domain[3].append((new_id(elem), kind, c, text_of(elem)))
            elem.clear()
        elif tag == NS + "concept":
            kind = elem.get("kind")
            if kind not in CONCEPT_KINDS:
                raise LoadError("bad concept kind")
            ref.concepts[new_id(elem)] = (CONCEPT_KINDS[kind], text_of(elem))
            elem.clear()
        elif tag == NS + "note":
            ref.notes[new_id(elem)] = text_of(elem)
            elem.clear()
        elif tag in (NS + "competence", NS + "plan", NS + "domain"):
            elem.clear()
    competences = {c[0] for d in ref.domains for p in d[4] for c in p[3]}
    for c in refs_concept:
        if c not in ref.concepts:
            raise LoadError("unknown concept '%s'" % c)
    for n in refs_note:
        if n not in ref.notes:
            raise LoadError("unknown note '%s'" % n)
    for c in refs_competence:
        if c not in competences:
            raise LoadError("unknown competence '%s'" % c)
    return ref


class Index:
    """entries: [(field, text, words)] in the order cispref indexes them; vocabulary: the
    sorted folded words; postings: word -> ascending entry numbers."""

    def __init__(self, ref):
        marks_table()
        self.entries = []
        postings = {}
        intern = {}
        for d in ref.domains:
            for _, _, _, text in d[3]:
                self._add(FIELD_SUMMARY, text, postings, intern)
            for p in d[4]:
                for c in p[3]:
                    self._add(FIELD_TITLE, c[1], postings, intern)
                    # the format keeps a competence's items in cispref's order:
                    # savoir-faire, then comportementaux, then savoirs
                    for item in c[3]:
                        self._add(FIELD_ITEM, item[2], postings, intern)
        self.vocabulary = sorted(postings)
        self.postings = postings

    def _add(self, field, text, postings, intern):
        e = len(self.entries)
        words = tuple(intern.setdefault(w, w) for w in fold_words(text))
        self.entries.append((field, text, words))
        for w in words:
            lst = postings.get(w)
            if lst is None:
                postings[w] = [e]
            elif lst[-1] != e:
                lst.append(e)

    def prefix_words(self, prefix):
        v = self.vocabulary
        lo = bisect.bisect_left(v, prefix)
        hi = lo
        while hi < len(v) and v[hi].startswith(prefix):
            hi += 1
        return v[lo:hi]

    def search(self, query, limit=0):
        qwords = []
        for w in fold_words(query):
            if w not in qwords:
                qwords.append(w)
        if not qwords:
            raise ValueError("empty query")
        match = None
        for qw in qwords:
            found = set()
            for w in self.prefix_words(qw):
                found.update(self.postings[w])
            match = found if match is None else match & found
            if not match:
                return []
        qt = tuple(qwords)
        hits = []
        entries = self.entries
        for e in match:
            field, text, words = entries[e]
            matched = sum(1 for w in words if w.startswith(qt))
            hits.append((field, -matched, e))
        hits.sort()
        if limit:
            hits = hits[:limit]
        return hits


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            cls, _, text = line.partition("\t") if "\t" in line else ("query", "", line)
            if text:
                queries.append((cls, text))
    return queries


def peak_rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def current_rss():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return -1


def percentile(sorted_values, p):
    n = len(sorted_values)
    if not n:
        return 0.0
    rank = min(n, max(1, int(p / 100.0 * n + 0.999999999)))
    return sorted_values[rank - 1]


def median(values):
    """The nearest-rank median, as cispref-bench computes it."""
    return percentile(sorted(values), 50)


def stats(values):
    s = sorted(values)
    return {"median": percentile(s, 50), "p99": percentile(s, 99),
            "max": s[-1] if s else 0.0, "mean": (sum(s) / len(s)) if s else 0.0}


def run_queries(index, queries, limit):
    us, hits = [], []
    failed = 0
    for _, q in queries:
        t0 = time.perf_counter()
        try:
            n = len(index.search(q, limit))
        except ValueError:
            n = 0
            failed += 1
        us.append((time.perf_counter() - t0) * 1e6)
        hits.append(n)
    return us, hits, failed


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--runs", type=int, default=3, help="loads and index builds to time (3)")
    ap.add_argument("--queries", default=None, help="one 'class<TAB>query' a line (FILE.queries)")
    ap.add_argument("--limit", type=int, default=20, help="limit of the second search pass (20)")
    args = ap.parse_args(argv)
    marks_table()  # a constant table, like utf8proc's: built before anything is timed
    peak_before, rss_before = peak_rss(), current_rss()
    file_size = os.path.getsize(args.file)
    queries_path = args.queries or args.file + ".queries"
    try:
        queries = read_queries(queries_path)
    except OSError as e:
        sys.stderr.write("search.py: %s (write the queries with bench/gen-referential.py, "
                         "or pass --queries FILE)\n" % e)
        return 1

    load_s, index_s = [], []
    t0 = time.perf_counter()
    try:
        ref = load(args.file)
    except (LoadError, ET.ParseError) as e:
        sys.stderr.write("search.py: %s: %s\n" % (args.file, e))
        return 1
    load_s.append(time.perf_counter() - t0)
    peak_load, rss_load = peak_rss(), current_rss()
    t0 = time.perf_counter()
    index = Index(ref)
    index_s.append(time.perf_counter() - t0)
    peak_index, rss_index = peak_rss(), current_rss()
    n_comp = sum(len(p[3]) for d in ref.domains for p in d[4])
    n_items = sum(len(c[3]) for d in ref.domains for p in d[4] for c in p[3])
    n_entries = sum(len(d[3]) for d in ref.domains)

    s0 = time.perf_counter()
    full_us, full_hits, full_failed = run_queries(index, queries, 0)
    search_total = time.perf_counter() - s0
    top_us, top_hits, top_failed = run_queries(index, queries, args.limit)
    del index, ref
    gc.collect()
    for _ in range(1, args.runs):
        t0 = time.perf_counter()
        ref = load(args.file)
        load_s.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        index = Index(ref)
        index_s.append(time.perf_counter() - t0)
        del index, ref
        gc.collect()

    growth = peak_load - peak_before
    kept = rss_load - rss_before
    mib = 1024.0 * 1024.0
    print("python %s (xml.etree.ElementTree) — %s" % (sys.version.split()[0], args.file))
    print("  file                         %10.1f MiB  (%d competences, %d items, %d summary entries)"
          % (file_size / mib, n_comp, n_items, n_entries))
    print("  load (strict checks)         best %8.3f s   median %8.3f s   first %8.3f s   (%d runs)"
          % (min(load_s), median(load_s), load_s[0], len(load_s)))
    print("  peak RSS after load          %10.1f MiB  (%.2f x file)" % (peak_load / mib, peak_load / file_size))
    print("  growth of the peak in load   %10.1f MiB  (%.2f x file)" % (growth / mib, growth / file_size))
    print("  resident, referential        %10.1f MiB" % (kept / mib))
    print("  index build                  best %8.3f s   median %8.3f s"
          % (min(index_s), median(index_s)))
    print("  resident, index              %10.1f MiB;  peak RSS after index %.1f MiB"
          % ((rss_index - rss_load) / mib, peak_index / mib))
    print("  search: %d queries from %s, %.2f s in all" % (len(queries), queries_path, search_total))
    classes = []
    for cls, _ in queries:
        if cls not in classes:
            classes.append(cls)
    for label, us, hits in (("search (every hit)", full_us, full_hits),
                            ("search (limit %d)" % args.limit, top_us, top_hits)):
        s = stats(us)
        h = stats(hits)
        print("  %-28s median %9.1f us   p99 %9.1f us   max %9.1f us   mean %9.1f us"
              % (label, s["median"], s["p99"], s["max"], s["mean"]))
        print("  %-28s hits per query: median %d, p99 %d, max %d, total %d"
              % ("", h["median"], h["p99"], h["max"], sum(hits)))
        for c in classes:
            sub = [u for u, (cls, _) in zip(us, queries) if cls == c]
            sc = stats(sub)
            print("  %-28s   %-11s %4d queries: median %9.1f us   p99 %9.1f us"
                  % ("", c, len(sub), sc["median"], sc["p99"]))
    print()
    kv = [("file", args.file), ("file_bytes", file_size), ("competences", n_comp),
          ("items", n_items), ("summary_entries", n_entries), ("runs", len(load_s)),
          ("load_best_s", "%.4f" % min(load_s)),
          ("load_median_s", "%.4f" % median(load_s)),
          ("load_first_s", "%.4f" % load_s[0]),
          ("peak_rss_before_bytes", peak_before), ("peak_rss_load_bytes", peak_load),
          ("load_growth_bytes", growth), ("referential_resident_bytes", kept),
          ("index_best_s", "%.4f" % min(index_s)),
          ("index_median_s", "%.4f" % median(index_s)),
          ("index_resident_bytes", rss_index - rss_load), ("peak_rss_index_bytes", peak_index)]
    for key, us, hits, failed in (("search", full_us, full_hits, full_failed),
                                  ("search_limit", top_us, top_hits, top_failed)):
        s = stats(us)
        kv += [(key + "_queries", len(queries)), (key + "_failed", failed),
               (key + "_median_us", "%.1f" % s["median"]), (key + "_p99_us", "%.1f" % s["p99"]),
               (key + "_max_us", "%.1f" % s["max"]), (key + "_mean_us", "%.1f" % s["mean"]),
               (key + "_hits_total", sum(hits))]
        for c in classes:
            sc = stats([u for u, (cls, _) in zip(us, queries) if cls == c])
            kv += [("%s_%s_median_us" % (key, c), "%.1f" % sc["median"]),
                   ("%s_%s_p99_us" % (key, c), "%.1f" % sc["p99"])]
        if key == "search":
            kv.append(("search_limit", args.limit))
    for k, v in kv:
        print("%s=%s" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
