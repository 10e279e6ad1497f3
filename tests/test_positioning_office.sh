#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# The positioning grid and the coverage matrix as ODT open in LibreOffice: each converts
# to PDF, which holds every competence of the referential (its title in the grids, its id
# in the matrix), the filled grid the person's name, the matrix 19 uncovered marks. Fails, never skips, when LibreOffice or poppler-utils is
# missing.
#
#   test_positioning_office.sh CISPREF TEAM.xml WORK_DIR
set -eu
cispref=$1 team=$2 work=$3

for tool in soffice pdftotext python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "FAIL: $tool is not installed (LibreOffice Writer and poppler-utils are needed)"
		exit 1
	fi
done

rm -rf "$work"
mkdir -p "$work"
profile=$(mktemp -d "${TMPDIR:-/tmp}/cispref-lo-XXXXXX")
trap 'rm -rf "$profile"' EXIT

"$cispref" export --format json -o "$work/referential.json"
python3 - "$work/referential.json" "$work/titles.txt" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    ref = json.load(f)
competences = [c for d in ref["domains"] for p in d["plans"] for c in p["competences"]]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n".join(c["title"] for c in competences) + "\n")
with open(sys.argv[2] + ".ids", "w", encoding="utf-8") as out:
    out.write("\n".join(c["id"] + " \u2014" for c in competences) + "\n")
PY

"$cispref" grid -o "$work/grid.odt"
"$cispref" grid "$team" --person p01 -o "$work/grid-p01.odt"
"$cispref" coverage "$team" -o "$work/matrix.odt"
status=0
for name in grid grid-p01 matrix; do
	timeout 300 soffice --headless --norestore "-env:UserInstallation=file://$profile" \
		--convert-to pdf --outdir "$work/pdf" "$work/$name.odt" >"$work/soffice-$name.log" 2>&1 || true
	pdf="$work/pdf/$name.pdf"
	if [ ! -s "$pdf" ]; then
		echo "FAIL: LibreOffice did not convert $name.odt to PDF:"
		cat "$work/soffice-$name.log"
		status=1
		continue
	fi
	pdftotext -enc UTF-8 "$pdf" "$work/$name.txt"
	python3 - "$work/titles.txt" "$work/$name.txt" "$name" <<'PY' || status=1
import re, sys, unicodedata

def normal(text):
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)

# In the matrix the titles share their lines with the level columns in pdftotext's
# reading order: look for the competences' ids ("psy.ind.1 —"), which begin each row.
titles = open(sys.argv[1] + (".ids" if sys.argv[3] == "matrix" else ""),
              encoding="utf-8").read().splitlines()
pdf = normal(open(sys.argv[2], encoding="utf-8").read())
missing = [t for t in titles if normal(t) not in pdf]
for t in missing:
    print(f"FAIL: {sys.argv[3]}: the PDF lacks the competence title: {t}")
if sys.argv[3] == "grid-p01" and normal("Awa") not in pdf:
    missing.append("the name")
    print("FAIL: grid-p01: the PDF lacks the person's name")
if sys.argv[3] == "matrix" and pdf.count("noncouverte") != 19:
    missing.append("the uncovered marks")
    print(f"FAIL: matrix: {pdf.count('noncouverte')} competences marked uncovered, not 19")
print(f"{sys.argv[3]}: {len(titles)} competence titles, {len(missing)} missing")
sys.exit(1 if missing or not titles else 0)
PY
done
exit $status
