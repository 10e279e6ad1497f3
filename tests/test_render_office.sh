#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# The ODT and FODT cahiers of the embedded referential (or of INPUT) open in LibreOffice:
# each is converted to PDF headless, and the PDF's text (pdftotext) must hold every
# competence title, and with front matter every section heading and text run of it. Whitespace, hyphens and compatibility forms (ligatures) are ignored when
# comparing, since a title may wrap or be hyphenated anywhere on the page.
# A missing LibreOffice or pdftotext is a failure, not a skip.
#   test_render_office.sh CISPREF_EXE WORK_DIR [INPUT]
set -eu
cispref=$1 work=$2
input=${3:-}
set -- ${input:+-i "$input"}

for tool in soffice pdftotext python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "FAIL: $tool is not installed (LibreOffice Writer and poppler-utils are needed)"
		exit 1
	fi
done

rm -rf "$work"
mkdir -p "$work"
# A private LibreOffice profile: no interference with a user's or another test's.
profile=$(mktemp -d "${TMPDIR:-/tmp}/cispref-lo-XXXXXX")
trap 'rm -rf "$profile"' EXIT

"$cispref" export "$@" --format json -o "$work/referential.json"
python3 - "$work/referential.json" "$work/titles.txt" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    ref = json.load(f)
titles = [c["title"] for d in ref["domains"] for p in d["plans"] for c in p["competences"]]

def runs(rs):
    for r in rs or []:
        if r["kind"] == "text":
            yield r["text"]
        elif r["kind"] in ("em", "q"):
            yield from runs(r["runs"])

def texts(block):
    for key in ("text", "caption", "heading"):
        if isinstance(block.get(key), list):
            yield from runs(block[key])
    for item in block.get("items", []):
        yield from runs(item["text"])
    for paragraph in block.get("paragraphs", []):
        yield from runs(paragraph)
    for phase in block.get("phases", []):
        yield from runs(phase["heading"])
        for step in phase["steps"]:
            yield step["date"]
            yield from runs(step["task"])

def front(sections):
    for s in sections:
        yield s["heading_text"]
        for b in s["blocks"]:
            yield from texts(b)
        yield from front(s["sections"])

titles += [t for t in front(ref["front_matter"]) if t.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n".join(titles) + "\n")
PY

status=0
for format in odt fodt; do
	"$cispref" render "$@" --format "$format" -o "$work/cahier.$format"
	mkdir -p "$work/pdf-$format"
	timeout 300 soffice --headless --norestore "-env:UserInstallation=file://$profile" \
		--convert-to pdf --outdir "$work/pdf-$format" "$work/cahier.$format" \
		>"$work/soffice-$format.log" 2>&1 || true
	pdf="$work/pdf-$format/cahier.pdf"
	if [ ! -s "$pdf" ]; then
		echo "FAIL: LibreOffice did not convert cahier.$format to PDF:"
		cat "$work/soffice-$format.log"
		status=1
		continue
	fi
	pdftotext -enc UTF-8 "$pdf" "$work/cahier-$format.txt"
	python3 - "$work/titles.txt" "$work/cahier-$format.txt" "$format" <<'PY' || status=1
import re, sys, unicodedata

def normal(text):
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\-\u00ad\u2010\u2011\u2060]+", "", text)

def found(text, pdf):
    # A paragraph may run over a page break, where the page's footnotes and number come in
    # between: the text must be in the PDF whole, or in at most three pieces, in order.
    if text in pdf:
        return True
    at, pieces = 0, 0
    while text and pieces < 3:
        lo, hi = 0, len(text)  # the longest prefix of text found at or after at
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if pdf.find(text[:mid], at) >= 0:
                lo = mid
            else:
                hi = mid - 1
        if lo < min(20, len(text)):
            return False
        at = pdf.find(text[:lo], at) + lo
        text, pieces = text[lo:], pieces + 1
    return not text

titles = open(sys.argv[1], encoding="utf-8").read().splitlines()
pdf = normal(open(sys.argv[2], encoding="utf-8").read())
missing = [t for t in titles if not found(normal(t), pdf)]
for t in missing:
    print(f"FAIL: {sys.argv[3]}: the PDF lacks the text: {t}")
print(f"{sys.argv[3]}: {len(titles) - len(missing)} of {len(titles)} texts found")
sys.exit(1 if missing or not titles else 0)
PY
done
exit $status
