#!/usr/bin/env python3
"""The shared library exports exactly the functions the public headers declare.

    check-exports.py LIBRARY HEADER...
"""
import re
import subprocess
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


def exported(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in ("T", "W", "D", "B", "R"):
            names.add(fields[2].split("@")[0])
    return names


def main():
    library, headers = sys.argv[1], sys.argv[2:]
    want, have = declared(headers), exported(library)
    missing, extra = sorted(want - have), sorted(have - want)
    for name in missing:
        print(f"declared but not exported: {name}")
    for name in extra:
        print(f"exported but not declared: {name}")
    print(f"{len(want)} functions declared, {len(have)} symbols exported")
    sys.exit(1 if missing or extra or not want else 0)


if __name__ == "__main__":
    main()
