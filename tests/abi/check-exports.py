#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The shared library exports exactly the functions the public headers declare, and
every global symbol of the static archive carries the library's prefix: `cispref_` for
the API, `cispref__` for internals shared between the library's files. An unprefixed
global (say `json_string`) would clash with another library linked into the same
program ("multiple definition").

The version script lists every exported function by name, one node per release
(`CISPREF_0.2 { global: cispref_a; ... local: *; };`, then `CISPREF_0.3 { global: ...
} CISPREF_0.2;`): it must name exactly the declared functions, each once, since a
function missing from it would be hidden without a word; and each exported symbol must
carry the version of the node that lists it.

    check-exports.py VERSION-SCRIPT SHARED-LIBRARY STATIC-ARCHIVE HEADER...
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


def mapped(script):
    """{name: node} for every name in the global part of a node, and the problems
    found: a name listed twice, a wildcard."""
    with open(script, encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/", " ", f.read(), flags=re.S)
    names, problems = {}, []
    for node, body in re.findall(r"([\w.]+)\s*\{(.*?)\}", text, flags=re.S):
        global_part = re.split(r"\blocal\s*:", body)[0]
        global_part = re.sub(r"\bglobal\s*:", " ", global_part)
        for name in (n.strip() for n in global_part.split(";")):
            if not name:
                continue
            if not re.fullmatch(r"\w+", name):
                problems.append(f"not a plain name in node {node} of the version script: {name}")
            elif name in names:
                problems.append(f"listed twice in the version script: {name}")
            else:
                names[name] = node
    return names, problems


def exported(library):
    """{name: version} of the defined dynamic symbols ("" when unversioned)."""
    out = subprocess.run(["nm", "-D", "--defined-only", "--with-symbol-versions", library],
                         check=True, capture_output=True, text=True).stdout
    names = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in ("T", "W", "D", "B", "R"):
            name, _, version = fields[2].partition("@")
            names[name] = version.lstrip("@")
    return names


def archive_globals(archive):
    out = subprocess.run(["nm", "-g", "--defined-only", archive], check=True,
                         capture_output=True, text=True).stdout
    return {fields[2] for fields in (line.split() for line in out.splitlines())
            if len(fields) == 3}


def main():
    script, library, archive, headers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    want, versions = declared(headers), exported(library)
    have = set(versions)
    in_map, problems = mapped(script)
    missing, extra = sorted(want - have), sorted(have - want)
    for name in missing:
        print(f"declared but not exported: {name}")
    for name in extra:
        print(f"exported but not declared: {name}")
    for name in sorted(want - set(in_map)):
        print(f"declared but not in the version script: {name}")
    for name in sorted(set(in_map) - want):
        print(f"in the version script but not declared: {name}")
    for name in sorted(want & have & set(in_map)):
        if versions[name] != in_map[name]:
            print(f"exported as {name}@{versions[name] or '(no version)'}, "
                  f"listed in node {in_map[name]}")
            problems.append(name)
    for problem in problems:
        print(problem)
    globals_ = archive_globals(archive)
    # The sanitizers' instrumentation adds its own globals (__odr_asan.NAME, ...).
    unprefixed = sorted(name for name in globals_
                        if not name.startswith(("cispref_", "__odr_asan", "__asan", "__ubsan",
                                                "__tsan", "__sancov")))
    for name in unprefixed:
        print(f"global in the static archive without the cispref_ prefix: {name}")
    print(f"{len(want)} functions declared, {len(have)} symbols exported, "
          f"{len(globals_)} globals in the static archive")
    mismatch = want ^ set(in_map)
    sys.exit(1 if missing or extra or unprefixed or mismatch or problems or not want
             or not globals_ else 0)


if __name__ == "__main__":
    main()
