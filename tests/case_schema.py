#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The CASE export validates against the official CASE 1.1 package schema.

Usage: case_schema.py CISPREF_EXE SCHEMA WORKDIR FIXTURE[@LANG]...

Exports the embedded referential and each FIXTURE (cispref XML) as CASE and validates
them with python3-jsonschema, formats checked (date-time, uuid). FIXTURE@LANG exports
it with --lang LANG: a translation package, whose identifiers are also checked against
Python's own version-5 UUIDs (doc/interchange.md, "Translations"). A copy with a time stamp
without zone must fail, so that a validator that checks no format cannot pass the test.
Exits 77 (skipped) when SCHEMA is absent: it is read from outside the source tree
($CISPREF_INTEROP_DIR names another copy of the folder that holds schemas/).
"""
import json
import os
import re
import subprocess
import sys
import uuid

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


def translation_errors(doc, source, lang):
    """A translation package: its document is the UUID of the tag (lower case) in the
    source's namespace, and each CFItem isTranslationOf the source's item of its id."""
    with open(source, encoding="utf-8") as f:
        root = f.read(2000)
    ns = uuid.UUID(re.search(r'uuid="([0-9a-f-]+)"', root).group(1))
    found = []
    if doc["CFDocument"]["identifier"] != str(uuid.uuid5(ns, lang.lower())):
        found.append("CFDocument.identifier is not uuid5(namespace, tag)")
    if doc["CFDocument"]["language"] != lang:
        found.append("CFDocument.language is not " + lang)
    codes = {i["identifier"]: i["humanCodingScheme"] for i in doc["CFItems"]}
    links = [a for a in doc["CFAssociations"] if a["associationType"] == "isTranslationOf"]
    if sorted(a["originNodeURI"]["identifier"] for a in links) != sorted(codes):
        found.append("not one isTranslationOf per CFItem")
    for a in links:
        code = codes.get(a["originNodeURI"]["identifier"])
        if code and a["destinationNodeURI"]["identifier"] != str(uuid.uuid5(ns, code)):
            found.append("isTranslationOf of %s: not the source item" % code)
        if a["destinationNodeURI"]["identifier"] in codes:
            found.append("an identifier of the source package is the translation's")
    return found


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
        source, _, lang = (source or "").partition("@")
        out = os.path.join(workdir, os.path.basename(source or "default") + lang + ".case.json")
        args = [exe, "export", "--format", "case", "-o", out]
        if source:
            args += ["-i", source]
        if lang:
            args += ["--lang", lang, "--quiet"]
        subprocess.run(args, check=True)
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
        if lang:
            found = translation_errors(doc, source, lang)
            for e in found:
                print(out, e)
            failed |= bool(found)
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
