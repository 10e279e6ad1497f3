#!/usr/bin/env python3
"""The shared library exports exactly the functions the public headers declare, and
every global symbol of the static archive carries the library's prefix: `cispref_` for
the API, `cispref__` for internals shared between the library's files. An unprefixed
global (say `json_string`) would clash with another library linked into the same
program ("multiple definition").

    check-exports.py SHARED-LIBRARY STATIC-ARCHIVE HEADER...
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


def archive_globals(archive):
    out = subprocess.run(["nm", "-g", "--defined-only", archive], check=True,
                         capture_output=True, text=True).stdout
    return {fields[2] for fields in (line.split() for line in out.splitlines())
            if len(fields) == 3}


def main():
    library, archive, headers = sys.argv[1], sys.argv[2], sys.argv[3:]
    want, have = declared(headers), exported(library)
    missing, extra = sorted(want - have), sorted(have - want)
    for name in missing:
        print(f"declared but not exported: {name}")
    for name in extra:
        print(f"exported but not declared: {name}")
    globals_ = archive_globals(archive)
    unprefixed = sorted(name for name in globals_ if not name.startswith("cispref_"))
    for name in unprefixed:
        print(f"global in the static archive without the cispref_ prefix: {name}")
    print(f"{len(want)} functions declared, {len(have)} symbols exported, "
          f"{len(globals_)} globals in the static archive")
    sys.exit(1 if missing or extra or unprefixed or not want or not globals_ else 0)


if __name__ == "__main__":
    main()
