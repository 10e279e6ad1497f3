#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The baseline for cispref-bench: the same work in plain Python 3 (the standard library
and PyStemmer, Debian's python3-stemmer, which binds the same Snowball stemmers).

    bench/search.py [--runs N] [--queries FILE] [--limit N] FILE

Loads FILE with xml.etree.ElementTree.iterparse, checking what cispref's strict loader
checks (format version, unique ids, references that resolve, plan kinds of core domains,
non-empty texts); builds a word index with the French analysis of doc/search.md (NFKD,
case folding, marks dropped, œ and æ as oe and ae; elided words dropped, inclusive
suffixes read as the base form, article pairs as two words, hyphenated compounds also
joined; a sorted vocabulary for prefixes, the Snowball stem of each word, a posting list
per word); then runs the queries of FILE.queries (as bench/gen-referential.py writes
them) with the semantics of cispref_search(): each query word matches a text word that is
the same word, has the same stem and inflection key, or begins with it; a hit holds every
query word but the stop words (unless there is nothing else); hits are ranked by field
(titles, summary entries, items), then score, then the number of matching words, then
in document order.

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

try:
    import Stemmer  # PyStemmer: Debian's python3-stemmer, for /usr/bin/python3
except ImportError:
    sys.exit("search.py: needs PyStemmer (Debian: apt-get install python3-stemmer, then run "
             "it with /usr/bin/python3)")

NS = "{urn:cispref:referential}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ITEM_KINDS = {NS + "savoir-faire": 0, NS + "savoir-faire-comportemental": 1, NS + "savoir": 2}
CONCEPT_KINDS = {"savoir-faire": 0, "savoir-faire-comportemental": 1, "savoir": 2}
PLAN_KINDS = {"individual", "collective", "internal", "external", "joint"}
FIELD_TITLE, FIELD_SUMMARY, FIELD_ITEM = 0, 1, 2

_MARKS = None
# A word: letters and digits (marks are gone after folding); U+02BC, a letter to Unicode,
# is an apostrophe in French text.
_WORD = re.compile(r"[^\W_\u02bc]+")


def marks_table():
    """str.translate table that drops every combining mark (categories Mn, Mc, Me)."""
    global _MARKS
    if _MARKS is None:
        _MARKS = {cp: None for cp in range(0x300, 0x110000)
                  if unicodedata.category(chr(cp))[0] == "M"}
    return _MARKS


def fold(text):
    folded = unicodedata.normalize("NFKD", text).casefold()
    if not folded.isascii():
        folded = folded.translate(_MARKS).replace("\u0153", "oe").replace("\u00e6", "ae")
    return folded


# ---- the French analysis of lib/analyze.c ---------------------------------------------

STOP_WORDS = frozenset(
    "a au aux avec ce ces d dans de des du en et l la le les leur leurs ou par pour qu "
    "que qui sa se ses son sur un une".split())
ELIDED = frozenset("c d j jusqu l lorsqu m n puisqu qu s t".split())
APOSTROPHES = "'\u2019\u02bc"
HYPHENS = "-\u2010\u2011"
MARKS = "-.:\u00b7\u2010\u2011"
SPACES = " \u00a0"
STOP, JOINED = 1, 2
SUFFIX_RULES = [("es", ""), ("e", ""), ("nes", "n"), ("ne", "n"), ("les", "l"), ("le", "l"),
                ("tes", "t"), ("te", "t"), ("tes", "u"), ("te", "u"), ("ses", "x"),
                ("se", "x"), ("ves", "f"), ("ve", "f"), ("trices", "teur"), ("trice", "teur"),
                ("rices", "teur"), ("rice", "teur"), ("euses", "eur"), ("euse", "eur"),
                ("eres", "er"), ("ere", "er"), ("\u00e8res", "er"), ("\u00e8re", "er")]
_PAIR = re.compile("la([-.:\u00b7\u2010\u2011]?[ \u00a0]*)(le|du|au)")


def is_word_char(c):
    return bool(_WORD.match(c))


def next_pair(f, start):
    """(start, end, second) of the first article pair at or after start, or None."""
    while True:
        m = _PAIR.search(f, start)
        if not m:
            return None
        p = m.start()
        before = f[p - 1] if p else ""
        after = m.end()
        if (m.group(1) and (not before or (not is_word_char(before) and before not in HYPHENS))
                and (after >= len(f) or not is_word_char(f[after]))):
            return (p, after, m.group(2))
        start = p + 1


def ends_alone(f, q):
    return q >= len(f) or not is_word_char(f[q])


def suffix_with(f, p, seg):
    paren = p < len(f) and f[p] == "("
    if not paren and not (p < len(f) and f[p] in MARKS):
        return None
    q = p + 1
    if not f.startswith(seg, q):
        return None
    q += len(seg)
    if paren:
        if q >= len(f) or f[q] != ")":
            return None
        q += 1
    plural = seg.endswith("s")
    more = 0
    if paren and f.startswith("(s)", q) and ends_alone(f, q + 3):
        plural, more = True, 3
    else:
        m = 0 if paren else (1 if q < len(f) and f[q] in MARKS else 0)
        if (paren or m) and q + m < len(f) and f[q + m] in "sS" and ends_alone(f, q + m + 1):
            plural, more = True, m + 1
    if not more and not ends_alone(f, q):
        return None
    return (q - p + more, plural)


def inclusive_suffix(f, s, e):
    """(length, plural) of the inclusive suffix after the word f[s:e], or None."""
    base = f[s:e]
    size = len(base.encode())  # the C scanner counts bytes
    if size < 2:
        return None
    best = None
    for seg, ending in SUFFIX_RULES:
        if not (size > len(ending.encode()) and base.endswith(ending)):
            continue
        r = suffix_with(f, e, seg)
        if r and (best is None or len(f[e:e + r[0]].encode()) > len(f[e:e + best[0]].encode())):
            best = r
    if best is None and f.startswith("(s)", e) and ends_alone(f, e + 3):
        best = (3, True)
    return best


def analyse(text):
    """The analysed words of text: a list of (word, flags)."""
    f = fold(text)
    n = len(f)
    out = []
    pos = 0
    compound = False
    prev, prev_stop = "", False
    pair = next_pair(f, 0)
    while pos < n:
        c = f[pos]
        if not is_word_char(c):
            if not (c in HYPHENS and pos + 1 < n):
                compound = False
            pos += 1
            continue
        while pair and pair[0] < pos:
            pair = next_pair(f, pos)
        if pair and pair[0] == pos:
            out.append(("la", STOP))
            out.append((pair[2], STOP))
            pos = pair[1]
            compound = False
            pair = next_pair(f, pos)
            continue
        end = _WORD.match(f, pos).end()
        w = f[pos:end]
        if end + 1 < n and f[end] in APOSTROPHES and is_word_char(f[end + 1]) and w in ELIDED:
            pos = end + 1
            compound = False
            continue
        newpos = end
        suf = inclusive_suffix(f, pos, end)
        if suf:
            newpos = end + suf[0]
            if suf[1]:
                w += "s"
        stop = w in STOP_WORDS
        out.append((w, STOP if stop else 0))
        if compound and not stop and not prev_stop:
            out.append((prev + w, JOINED))
        prev, prev_stop = w, stop
        pos = newpos
        compound = pos + 1 < n and f[pos] in HYPHENS and is_word_char(f[pos + 1])
    return out


def inflection_key(word):
    """cispref__inflection_key(), on the UTF-8 bytes as the C code does."""
    b = word.encode()
    if len(b) > 4 and b.endswith(b"aux"):
        b = b[:-3] + b"al"
    elif len(b) > 3 and b[-1:] in (b"s", b"x"):
        b = b[:-1]
    for _ in range(2):
        if len(b) > 3 and b.endswith(b"e"):
            b = b[:-1]
    if len(b) > 3 and (b.endswith(b"ll") or b.endswith(b"nn") or b.endswith(b"tt")):
        b = b[:-1]
    if len(b) > 3 and b.endswith(b"iv"):
        b = b[:-1] + b"f"
    return b


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
    """entries: [(field, text, words, joined)] in the order cispref indexes them (words:
    the analysed words, joined: a parallel tuple of booleans); vocabulary: the sorted
    words; postings: word -> ascending entry numbers; by_stem: Snowball stem -> words."""

    def __init__(self, ref):
        marks_table()
        self.stemmer = Stemmer.Stemmer("french")
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
        self.by_stem = {}
        for w, stem in zip(self.vocabulary, self.stemmer.stemWords(self.vocabulary)):
            self.by_stem.setdefault(stem, []).append(w)

    def _add(self, field, text, postings, intern):
        e = len(self.entries)
        analysed = analyse(text)
        words = tuple(intern.setdefault(w, w) for w, _ in analysed)
        joined = tuple(bool(fl & JOINED) for _, fl in analysed)
        self.entries.append((field, text, words, joined))
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

    def exact_and_stem(self, word, stem_too):
        """{vocabulary word: level} for the same word (3) and the same stem and key (2)."""
        levels = {}
        if stem_too:
            key = inflection_key(word)
            for w in self.by_stem.get(self.stemmer.stemWord(word), ()):
                if inflection_key(w) == key:
                    levels[w] = 2
        if word in self.postings:
            levels[word] = 3
        return levels

    def parse(self, query):
        clauses, joins, last = [], [], None  # clauses: [word, stop, dropped]
        position = {}
        for w, fl in analyse(query):
            if fl & JOINED:
                continue
            c = position.get(w)
            if c is None:
                if len(clauses) == MAX_QUERY_WORDS:
                    raise ValueError("too many words")
                c = position[w] = len(clauses)
                clauses.append([w, bool(fl & STOP), False])
            if last is not None:
                a, b = clauses[last], clauses[c]
                if not a[1] and not b[1] and len(joins) < MAX_JOINED:
                    jw = a[0] + b[0]
                    if all(j[0] != jw for j in joins):
                        joins.append((jw, last, c))
            last = c
        if not clauses:
            raise ValueError("empty query")
        for i, ci in enumerate(clauses):
            for j, cj in enumerate(clauses):
                if ci[2]:
                    break
                ci[2] = j != i and not cj[2] and cj[0].startswith(ci[0])
        return clauses, joins

    def search(self, query, limit=0):
        clauses, joins = self.parse(query)
        live = [i for i, c in enumerate(clauses) if not c[2]]
        any_required = any(not clauses[i][1] for i in live)
        levels_of = []
        marked = set()
        match = None
        for i in live:
            word, stop, _ = clauses[i]
            levels = {}
            for jw, a, b in joins:
                if a == i or b == i:
                    for w, l in self.exact_and_stem(jw, True).items():
                        levels[w] = max(levels.get(w, 0), l)
            for w, l in self.exact_and_stem(word, not stop).items():
                levels[w] = max(levels.get(w, 0), l)
            for w in self.prefix_words(word):
                levels.setdefault(w, 1)
            levels_of.append(levels)
            marked.update(levels)
            if stop and any_required:
                continue
            found = set()
            for w in levels:
                found.update(self.postings[w])
            match = found if match is None else match & found
        hits = []
        entries = self.entries
        for e in match or ():
            field, text, words, joined = entries[e]
            score = 0
            for levels in levels_of:
                score += max((levels.get(w, 0) for w in words), default=0)
            matched = sum(1 for w, j in zip(words, joined) if not j and w in marked)
            hits.append((field, -min(score, 255), -max(1, min(matched, 255)), e))
        hits.sort()
        if limit:
            hits = hits[:limit]
        return hits


MAX_QUERY_WORDS = 32
MAX_JOINED = 32


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
    ap.add_argument("--times", default=None, help="write each query's times there")
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
    if args.times:  # number, class, us every hit, us with the limit, hits (as cispref-bench)
        with open(args.times, "w", encoding="utf-8") as f:
            for i, (cls, _) in enumerate(queries):
                f.write("%d\t%s\t%.1f\t%.1f\t%d\n" % (i, cls, full_us[i], top_us[i], full_hits[i]))
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
