#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Every function the public headers declare is called in the misuse test.

    check-misuse-coverage.py TEST_SOURCE HEADER...

tests/test_misuse.c calls each public function with NULL and out-of-range arguments; a
function added to a header without a call there fails this check, so the misuse test
keeps up with the API. Comments are left out, so that naming a function in one does not
count as calling it.
"""
import re
import sys


def declared(headers):
    names = set()
    for path in headers:
        with open(path, encoding="utf-8") as header:
            text = header.read()
        # CISPREF_EXPORT <return type> name(   -- declarations may span lines
        for match in re.finditer(r"CISPREF_EXPORT\b[^;(]*?\b(cispref_\w+)\s*\(", text):
            names.add(match.group(1))
    return names


def called(source):
    with open(source, encoding="utf-8") as test:
        text = test.read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return set(re.findall(r"\b(cispref_\w+)\s*\(", text))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    source, headers = sys.argv[1], sys.argv[2:]
    want, have = declared(headers), called(source)
    missing = sorted(want - have)
    for name in missing:
        print(f"not called in {source}: {name}")
    print(f"{len(want)} functions declared, {len(want) - len(missing)} called in the misuse test")
    sys.exit(1 if missing or not want else 0)


if __name__ == "__main__":
    main()
