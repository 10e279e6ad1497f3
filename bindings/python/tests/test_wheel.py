#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The package installs as Python packages do: `pip wheel` builds a wheel from the source
tree (meson-python, pyproject.toml), the wheel goes into a new venv, and `import cispref`
works there from / with no build tree, no PYTHONPATH and no LD_LIBRARY_PATH.

The wheel holds the package and nothing else: no header, man page, command-line tool,
data file or libcispref.so (the library is linked into the extension).

It uses this interpreter, or the system's /usr/bin/python3 when this one lacks pip, venv
or meson-python; exit status 77 (skipped) when neither has them (Debian: python3-pip,
python3-venv, python3-mesonpy).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

SKIP = 77
ROOT = os.environ.get("CISPREF_SOURCE_ROOT",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
                          os.path.abspath(__file__))))))

# What the venv runs, from /: a search in the embedded referential, and the files the
# package came from.
CHECK = """
import cispref, os, sys
hits = cispref.default().search("bilan", limit=1)
assert hits and hits[0].competence is not None, hits
print(os.path.dirname(cispref.__file__))
print(sorted(os.listdir(os.path.dirname(cispref.__file__))))
"""


TOOLS = ("pip", "venv", "ensurepip", "mesonpy")


def has_tools(python):
    """Whether @python can import pip, venv, ensurepip and meson-python."""
    probe = ("import importlib.util, sys; "
             f"sys.exit(any(importlib.util.find_spec(m) is None for m in {TOOLS!r}))")
    return subprocess.run([python, "-c", probe], check=False).returncode == 0


def interpreter():
    """This interpreter, or the system's (where Debian's python3-mesonpy installs) when this
    one lacks the tools: a pyenv or other private Python may come first on PATH."""
    for python in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(python) and has_tools(python):
            return python
    return None


def clean_env():
    """The environment without anything that would find the build tree."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "LD_LIBRARY_PATH", "PYTHONHOME"):
        env.pop(name, None)
    return env


def run(*args, **kwargs):
    print("+", " ".join(args), flush=True)
    return subprocess.run(args, check=True, env=clean_env(), **kwargs)


def copy_sources(destination):
    """The source tree without build directories or git: what a release tarball holds."""
    def ignore(directory, names):
        return [n for n in names
                if os.path.isdir(os.path.join(directory, n))
                and (n.startswith(("build", ".mesonpy")) or n in (".git", "__pycache__"))]
    shutil.copytree(ROOT, destination, ignore=ignore)


def check_wheel_contents(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    package = [n for n in names if not n.split("/")[0].endswith(".dist-info")]
    stray = [n for n in package if not n.startswith("cispref/")]
    if stray:
        sys.exit(f"the wheel holds files outside the package: {stray}")
    expected = {"cispref/__init__.py", "cispref/_cispref.pyi", "cispref/py.typed"}
    if not expected <= set(package):
        sys.exit(f"the wheel lacks {sorted(expected - set(package))}: {package}")
    extensions = [n for n in package if n.endswith(".so")]
    if len(extensions) != 1 or not os.path.basename(extensions[0]).startswith("_cispref."):
        sys.exit(f"the wheel should hold one extension, _cispref: {extensions}")
    print("wheel:", sorted(package))


def main():
    python = interpreter()
    if shutil.which("meson") is None or python is None:
        print(f"skipped: meson, or {', '.join(TOOLS)} for {sys.executable} or /usr/bin/python3")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="cispref-wheel-") as tmp:
        source = os.path.join(tmp, "src")
        wheels = os.path.join(tmp, "wheels")
        venv = os.path.join(tmp, "venv")
        copy_sources(source)
        run(python, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
            "--no-index", "-w", wheels, source, cwd=tmp)
        built = [os.path.join(wheels, n) for n in os.listdir(wheels) if n.endswith(".whl")]
        if len(built) != 1:
            sys.exit(f"expected one wheel, got {built}")
        check_wheel_contents(built[0])
        # The build tree goes first, so that nothing can be found there afterwards.
        shutil.rmtree(source)
        run(python, "-m", "venv", venv)
        python = os.path.join(venv, "bin", "python")
        run(python, "-m", "pip", "install", "--no-index", "--no-deps", built[0], cwd=tmp)
        out = run(python, "-c", CHECK, cwd="/", capture_output=True, text=True).stdout
        print(out)
        location = out.splitlines()[0]
        if not location.startswith(os.path.realpath(venv)) and not location.startswith(venv):
            sys.exit(f"cispref was imported from {location}, not from the venv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
