#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Every document the command's help texts and its man page name (doc/NAME.md), and
every other document of doc/, is installed into the documentation folder.

Usage: docs_installed.py SOURCE_ROOT BUILD_ROOT

The install plan is meson's own (meson-info/intro-installed.json, what
`meson introspect --installed` prints): source path -> installed path. Exit 77 (skipped)
when the build installs nothing (-Dinstall=false, or built as a subproject)."""
import json
import os
import re
import sys


def main():
    source, build = sys.argv[1:3]
    with open(os.path.join(build, "meson-info", "intro-installed.json"), encoding="utf-8") as f:
        installed = json.load(f)
    if not installed:
        print("SKIP: this build installs nothing")
        return 77
    doc = os.path.join(source, "doc")
    # installed documents by the name they have in doc/
    docs = {os.path.basename(src): dst for src, dst in installed.items()
            if os.path.dirname(os.path.realpath(src)) == os.path.realpath(doc)
            and src.endswith(".md")}
    referred = {}
    texts = [os.path.join(source, "tools", n) for n in sorted(os.listdir(os.path.join(source, "tools")))
             if n.endswith(".c")] + [os.path.join(doc, "cispref.1")]
    for path in texts:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                for name in re.findall(r"\bdoc/([A-Za-z0-9_-]+\.md)\b", line):
                    referred.setdefault(name, f"{os.path.relpath(path, source)}:{number}")
    failures = []
    for name, where in sorted(referred.items()):
        if not os.path.exists(os.path.join(doc, name)):
            failures.append(f"{where} names doc/{name}, which does not exist")
        elif name not in docs:
            failures.append(f"{where} names doc/{name}, which is not installed")
    for name in sorted(os.listdir(doc)):
        if name.endswith(".md") and name not in docs and name not in referred:
            failures.append(f"doc/{name} is not installed")
    dirs = {os.path.dirname(dst) for dst in docs.values()}
    if len(dirs) > 1:
        failures.append(f"the documents go to several folders: {sorted(dirs)}")
    for failure in failures:
        print("FAIL:", failure)
    if not referred:
        print("FAIL: no doc/NAME.md found in the help texts: is the pattern still right?")
        return 1
    print(f"{len(referred)} documents named, {len(docs)} installed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
