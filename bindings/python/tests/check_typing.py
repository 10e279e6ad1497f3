#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Type checkers accept the package: stubtest finds the stubs true to the module, and
mypy --strict accepts examples/python/ and the Python snippets of README.md's section
"From Python", using the installed layout (cispref/__init__.py, py.typed, stubs).

Run with PYTHONPATH naming the directory that holds the built package (meson test does).
Exit status 77 (skipped) without Debian's mypy (its `mypy` and `stubtest` programs).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
ROOT = os.environ.get("CISPREF_SOURCE_ROOT",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
                          os.path.abspath(__file__))))))


def readme_snippets():
    """The ```python blocks of README.md's section "From Python"."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = re.search(r"^## From Python\n(.*?)(?=^## )", text, re.M | re.S)
    if not section:
        sys.exit("README.md has no section 'From Python'")
    blocks = re.findall(r"^```python\n(.*?)^```", section.group(1), re.M | re.S)
    if not blocks:
        sys.exit("README.md's section 'From Python' has no python block")
    return blocks


def run(*args, env, cwd):
    print("+", " ".join(args), flush=True)
    return subprocess.run(args, env=env, cwd=cwd).returncode


def main():
    mypy, stubtest = shutil.which("mypy"), shutil.which("stubtest")
    if not mypy or not stubtest:
        print("skipped: mypy or stubtest is not installed (Debian: mypy)")
        return SKIP
    package_dir = os.environ.get("PYTHONPATH", "").split(os.pathsep)[0]
    if not os.path.isfile(os.path.join(package_dir, "cispref", "py.typed")):
        sys.exit(f"PYTHONPATH should name the directory of the built package, not {package_dir!r}")
    with tempfile.TemporaryDirectory(prefix="cispref-typing-") as tmp:
        env = dict(os.environ, MYPYPATH=package_dir)
        cache = ["--cache-dir", os.path.join(tmp, "cache")]
        # from the temporary directory, where its cache goes
        failed = run(stubtest, "cispref", env=env, cwd=tmp)
        files = []
        for i, block in enumerate(readme_snippets()):
            path = os.path.join(tmp, f"readme_{i}.py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(block)
            files.append(path)
        examples = os.path.join(ROOT, "examples", "python")
        files += sorted(os.path.join(examples, n) for n in os.listdir(examples)
                        if n.endswith(".py"))
        failed |= run(mypy, "--strict", *cache, *files, env=env, cwd=tmp)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
