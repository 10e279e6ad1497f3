#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# The SKOS export parses as Turtle with a real RDF parser (raptor2's rapper) and holds
# exactly the triples doc/interchange.md ("SKOS and ESCO") maps the model to, the kinds
# of nodes and items in cispref's vocabulary included: for the
# embedded referential (no base URI: urn:uuid IRIs) and for
# tests/fixtures/skos-hostile.xml (a base URI; quotes, backslashes, CR and LF, tabs,
# '"""', a character outside the BMP, Turtle's own punctuation in texts). The expected
# triples are computed from the cispref-json export (ids, texts, UUIDs, URIs), the
# parsed ones from rapper's N-Triples, whose literals are unescaped here and compared
# with the texts of the model.
# A missing rapper or python3 is a failure, not a skip.
#   test_skos_rapper.sh CISPREF_EXE HOSTILE_XML WORK_DIR
set -eu
cispref=$1 hostile=$2 work=$3

for tool in rapper python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "FAIL: $tool is not installed (Debian: raptor2-utils, python3)"
		exit 1
	fi
done

rm -rf "$work"
mkdir -p "$work"
status=0
for case in default hostile; do
	input=
	[ "$case" = hostile ] && input="-i $hostile"
	# the format by name, then from the file name's extension
	format="--format skos"
	[ "$case" = hostile ] && format=
	# shellcheck disable=SC2086 # $input and $format are empty or words
	"$cispref" export $input $format -o "$work/$case.ttl"
	# shellcheck disable=SC2086
	"$cispref" export $input --format json -o "$work/$case.json"
	# -c: count, and fail on any parse error; then the triples as N-Triples.
	if ! rapper -q -i turtle -c "$work/$case.ttl"; then
		echo "FAIL: rapper cannot parse $case.ttl"
		status=1
		continue
	fi
	rapper -q -i turtle -o ntriples "$work/$case.ttl" >"$work/$case.nt"
	python3 - "$work/$case.json" "$work/$case.nt" "$case" <<'PY' || status=1
import collections, json, re, sys

SKOS = "http://www.w3.org/2004/02/skos/core#"
# cispref's vocabulary (doc/interchange.md, "Kinds"): the XML format's namespace and '#'
CISPREF = "urn:cispref:referential#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL_VERSION = "http://www.w3.org/2002/07/owl#versionInfo"
ref = json.load(open(sys.argv[1], encoding="utf-8"))
case = sys.argv[3]
lang = ref["language"].lower()  # N-Triples writers may fold the tag's case


def iri(node):
    return ("I", node["uri"] if node.get("uri") else "urn:uuid:" + node["uuid"])


def text(value):
    return ("L", value, lang)


def code(value):
    return ("L", value, "")


expected = collections.Counter()


def add(s, p, o):
    expected[(s, p if ":" in p else SKOS + p, o)] += 1


def concept(node, label, cls, kind=None):
    s = iri(node)
    add(s, RDF_TYPE, ("I", SKOS + "Concept"))
    add(s, RDF_TYPE, ("I", CISPREF + cls))
    if kind is not None:
        add(s, CISPREF + "kind", ("I", CISPREF + kind))
    add(s, "inScheme", iri(ref))
    add(s, "prefLabel", text(label))
    add(s, "notation", code(node["id"]))


def tree(parent, child):
    add(iri(child), "broader", iri(parent))
    add(iri(parent), "narrower", iri(child))


scheme = iri(ref)
add(scheme, RDF_TYPE, ("I", SKOS + "ConceptScheme"))
add(scheme, RDF_TYPE, ("I", CISPREF + "Referential"))
add(scheme, "prefLabel", text(ref["title"]))
add(scheme, "notation", code(ref["id"]))
add(scheme, OWL_VERSION, code(ref["version"]))
concepts = {c["id"]: c for c in ref["concepts"]}
notes = {n["id"]: n for n in ref["notes"]}
items = []
# the JSON's list of an item gives its kind, as cispref_item_kind_name() words it
ITEM_KINDS = {"savoir_faire": "savoir-faire",
              "savoir_faire_comportementaux": "savoir-faire-comportemental",
              "savoirs": "savoir"}
for d in ref["domains"]:
    concept(d, d["title"], "Domain", d["kind"])
    add(scheme, "hasTopConcept", iri(d))
    add(iri(d), "topConceptOf", scheme)
    for p in d["plans"]:
        concept(p, p["title"], "Plan", p["kind"])
        tree(d, p)
        for c in p["competences"]:
            concept(c, c["title"], "Competence")
            tree(p, c)
            for n in c["notes"]:
                if n in notes:
                    add(iri(c), "note", text(notes[n]["text"]))
            for kind in ("savoir_faire", "savoir_faire_comportementaux", "savoirs"):
                for i in c[kind]:
                    items.append(i)
                    concept(i, i["text"], "Item", ITEM_KINDS[kind])
                    tree(c, i)
                    if i.get("concept") in concepts:
                        add(iri(i), "related", iri(concepts[i["concept"]]))
                        add(iri(concepts[i["concept"]]), "related", iri(i))
for c in ref["concepts"]:
    concept(c, c["label"], "Concept", c["kind"])

# N-Triples: subject, predicate, object and ' .'; literals unescaped (ECHAR, UCHAR).
ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'",
           "\\": "\\"}


def unescape(s):
    def one(m):
        e = m.group(1)
        return chr(int(e[1:], 16)) if e[0] in "uU" else ESCAPES[e]
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[tbnrf"\'\\])', one, s)


line_re = re.compile(r'^<([^>]*)> <([^>]*)> (?:<([^>]*)>|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+))?) \.$')
parsed = collections.Counter()
for line in open(sys.argv[2], encoding="utf-8"):
    m = line_re.match(line.rstrip("\n"))
    if not m:
        sys.exit(f"FAIL {case}: an N-Triples line not understood: {line!r}")
    s, p, o_iri, o_lit, o_lang = m.groups()
    o = ("I", o_iri) if o_iri is not None else ("L", unescape(o_lit), (o_lang or "").lower())
    parsed[(("I", s), p, o)] += 1

fail = 0
for t in expected - parsed:
    print(f"FAIL {case}: missing {t}")
    fail = 1
for t in parsed - expected:
    print(f"FAIL {case}: unexpected {t}")
    fail = 1
# The counts the issue names, from the model, stated on their own.
labels = [t for t in parsed.elements() if t[1] == SKOS + "prefLabel"]
nodes = 1 + len(ref["concepts"]) + sum(
    1 + sum(1 + len(p["competences"]) for p in d["plans"])
    for d in ref["domains"]) + len(items)
if len(labels) != nodes or any(t[2][2] != lang for t in labels):
    print(f"FAIL {case}: {len(labels)} skos:prefLabel, expected {nodes}, all @{lang}")
    fail = 1
# Every item says its kind, and the three kinds of the model all occur.
kinds = {t[0]: t[2][1][len(CISPREF):] for t in parsed if t[1] == CISPREF + "kind"}
item_kinds = collections.Counter(kinds.get(iri(i)) for i in items)
if None in item_kinds or (case == "default" and set(item_kinds) != set(ITEM_KINDS.values())):
    print(f"FAIL {case}: item kinds {dict(item_kinds)}")
    fail = 1
notations = {t[2][1] for t in parsed if t[1] == SKOS + "notation"}
if any(i["id"] not in notations for i in items):
    print(f"FAIL {case}: an item's skos:notation is missing")
    fail = 1
if not fail:
    print(f"ok {case}: {sum(parsed.values())} triples, {len(items)} items, {nodes} labels, "
          f"item kinds {dict(sorted(item_kinds.items()))}")
sys.exit(fail)
PY
done
exit "$status"
