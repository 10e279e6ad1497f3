#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# The XLSX export opens in LibreOffice Calc and holds what the CSV export holds: each
# workbook (the embedded referential, and tests/fixtures/sheets-hostile.xml with quotes,
# delimiters, line breaks, tabs, formulas, numbers and dates as text) is converted back
# to CSV, every sheet, headless; the flat sheet's rows must equal the RFC 4180 CSV
# export's rows, the domain sheets in order must make up the same rows, and every cell
# must come back as the text it was (no formula computed, no number or date read).
# A missing LibreOffice Calc, unzip or python3 is a failure, not a skip.
#   test_sheets_office.sh CISPREF_EXE HOSTILE_XML WORK_DIR
set -eu
cispref=$1 hostile=$2 work=$3

for tool in soffice unzip python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "FAIL: $tool is not installed (LibreOffice Calc and unzip are needed)"
		exit 1
	fi
done

rm -rf "$work"
mkdir -p "$work"
# A private LibreOffice profile: no interference with a user's or another test's.
profile=$(mktemp -d "${TMPDIR:-/tmp}/cispref-lo-XXXXXX")
trap 'rm -rf "$profile"' EXIT

# LibreOffice's CSV filter options: comma, double quote, UTF-8, from line 1, default cell
# format and language, every text cell quoted, cells as stored rather than as shown
# (token 9 false), and every sheet, each to NAME-SHEET.csv (token 12, -1).
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1'

status=0
for case in default hostile; do
	input=
	[ "$case" = hostile ] && input="-i $hostile"
	# shellcheck disable=SC2086 # $input is empty or two words
	"$cispref" export $input --format csv -o "$work/$case.csv"
	# the format from the name's extension
	# shellcheck disable=SC2086
	"$cispref" export $input -o "$work/$case.xlsx"
	# The package holds a workbook and its worksheets.
	unzip -l "$work/$case.xlsx" >"$work/$case.list"
	for part in xl/workbook.xml xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml \
		xl/sharedStrings.xml xl/styles.xml; do
		if ! grep -q " $part\$" "$work/$case.list"; then
			echo "FAIL: $case.xlsx lacks $part"
			status=1
		fi
	done
	mkdir -p "$work/csv-$case"
	timeout 300 soffice --headless --norestore "-env:UserInstallation=file://$profile" \
		--convert-to "$filter" --outdir "$work/csv-$case" "$work/$case.xlsx" \
		>"$work/soffice-$case.log" 2>&1 || true
	python3 - "$work/$case.csv" "$work/csv-$case" "$case" <<'PY' || status=1
import csv, glob, os, sys

def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))

exported, folder, case = sys.argv[1:]
want = rows(exported)
flat_file = os.path.join(folder, f"{case}-référentiel.csv")
if not os.path.exists(flat_file):
    print(f"FAIL: {case}: LibreOffice wrote no flat sheet; it wrote {os.listdir(folder)}")
    sys.exit(1)
flat = rows(flat_file)
failures = 0
if flat[0] != ["domaine", "plan", "compétence", "type", "id", "texte", "concept"]:
    print(f"FAIL: {case}: the flat sheet's headers are {flat[0]}")
    failures += 1
if flat[1:] != want[1:]:
    for n, (got, exp) in enumerate(zip(flat[1:], want[1:]), 2):
        if got != exp:
            print(f"FAIL: {case}: row {n}: the workbook has {got!r}, the CSV {exp!r}")
            failures += 1
            break
    if len(flat) != len(want):
        print(f"FAIL: {case}: {len(flat) - 1} rows in the workbook, {len(want) - 1} in the CSV")
        failures += 1
# The domain sheets, in the order of the CSV's domains, make up the flat sheet.
domains = list(dict.fromkeys(r[0] for r in want[1:]))
joined = []
for domain in domains:
    matches = glob.glob(os.path.join(folder, f"{case}-{glob.escape(domain[:31])}.csv"))
    if len(matches) != 1:
        print(f"FAIL: {case}: no sheet for the domain {domain}")
        failures += 1
        continue
    sheet = rows(matches[0])
    if any(r[0] != domain for r in sheet[1:]):
        print(f"FAIL: {case}: the sheet of {domain} holds rows of another domain")
        failures += 1
    joined += sheet[1:]
if joined != want[1:]:
    print(f"FAIL: {case}: the domain sheets do not make up the CSV's rows")
    failures += 1
print(f"{case}: {len(flat) - 1} rows, {len(domains)} domain sheets, "
      f"{'equal to' if not failures else 'unlike'} the CSV export")
sys.exit(1 if failures or len(want) < 2 else 0)
PY
	if [ "$case" = hostile ] && [ $status -eq 0 ]; then
		# spelled out: formulas stay text, numbers and dates too
		for cell in '"=1+1"' '"@SUM(A1:A2)"' '"0123"' '"1/2"' '"TRUE"' '"-2"'; do
			if ! grep -qF "$cell" "$work/csv-hostile/hostile-référentiel.csv"; then
				echo "FAIL: hostile: LibreOffice does not read the text $cell back"
				status=1
			fi
		done
	fi
done
# The command line's excel-fr dialect: a UTF-8 BOM, then the French headers.
"$cispref" export --format csv-excel-fr -o "$work/excel-fr.csv"
if [ "$(head -c 14 "$work/excel-fr.csv" | od -An -tx1 | tr -d ' \n')" != \
	efbbbf22646f6d61696e65223b22 ]; then
	echo "FAIL: export --format csv-excel-fr does not begin with a BOM and \"domaine\";"
	status=1
fi
[ $status -eq 0 ] || cat "$work"/soffice-*.log
exit $status
