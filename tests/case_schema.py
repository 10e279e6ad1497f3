#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The CASE export validates against the official CASE 1.1 package schema.

Usage: case_schema.py CISPREF_EXE SCHEMA WORKDIR FIXTURE...

Exports the embedded referential and each FIXTURE (cispref XML) as CASE and validates
them with python3-jsonschema, formats checked (date-time, uuid). A copy with a time stamp
without zone must fail, so that a validator that checks no format cannot pass the test.
Exits 77 (skipped) when SCHEMA is absent: it is read from outside the source tree
($CISPREF_INTEROP_DIR names another copy of the folder that holds schemas/).
"""
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    # Debian's python3-jsonschema is for the system's interpreter; a private Python
    # (pyenv) first on PATH may lack it.
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise


def validator(schema_path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def errors(v, doc):
    return ["/".join(map(str, e.absolute_path)) + ": " + e.message[:200]
            for e in v.iter_errors(doc)]


def main():
    exe, schema_path, workdir, fixtures = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    if os.environ.get("CISPREF_INTEROP_DIR"):
        schema_path = os.path.join(os.environ["CISPREF_INTEROP_DIR"], "schemas",
                                   os.path.basename(schema_path))
    if not os.path.exists(schema_path):
        print("skipped: no schema at", schema_path)
        return 77
    v = validator(schema_path)
    os.makedirs(workdir, exist_ok=True)
    failed = False
    for source in [None] + fixtures:
        out = os.path.join(workdir, os.path.basename(source or "default") + ".case.json")
        args = [exe, "export", "--format", "case", "-o", out]
        if source:
            args += ["-i", source]
        subprocess.run(args, check=True)
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
        found = errors(v, doc)
        print(out, "errors:", len(found))
        for e in found[:20]:
            print("  ", e)
        failed |= bool(found)
        doc["CFItems"][0]["lastChangeDateTime"] = "2020-12-01T00:00:00"
        if not errors(v, doc):
            print(out, "a time stamp without zone passes: formats are not checked")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
