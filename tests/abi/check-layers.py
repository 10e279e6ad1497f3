#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""The library's files, and the Python binding's, depend on each other one way only.

    check-layers.py SOURCE-ROOT GROUP=OBJECT-OR-ARCHIVE[,...] ...
    check-layers.py SOURCE-ROOT GROUP-dir=BUILD-DIRECTORY[,...] ...

For each group (say `lib=build/lib/libcispref.a`), nm lists what each object file
defines and what it uses; file A depends on file B when A uses a symbol that B
defines. Any cycle in that graph fails the check, with the files and one symbol per
edge. With GROUP-dir=, the group's objects are those of the targets built in each
directory (meson puts them in DIRECTORY/<target>.p/*.o): a build can hand over the
directory of a target without knowing meson's names for its objects. Cycles between
files do not show in `#include` lines: two .c files that share
one private header and call each other include nothing of each other.

The check also fails when a file of tools/ or bindings/ includes a private header of
lib/: front ends use the public API only.
"""
import glob
import os
import re
import subprocess
import sys


def symbols(paths):
    """{object: (defined names, used names)} for the objects and archives given."""
    objects = {}
    for path in paths:
        out = subprocess.run(["nm", "-A", path], check=True, capture_output=True,
                             text=True).stdout
        for line in out.splitlines():
            # "archive.a:member.o:0000000000000000 T name", "member.o:         U name"
            match = re.match(r"^(.*?\.o):\s*(?:[0-9a-fA-F]+)?\s+(\w)\s+(\S+)$", line)
            if not match:
                continue
            where, kind, symbol = match.groups()
            name = os.path.basename(where.split(":")[-1])
            defined, used = objects.setdefault(name, (set(), set()))
            if kind == "U":
                used.add(symbol)
            elif kind in "TDBRW":
                defined.add(symbol)
    return objects


def dependencies(objects):
    """{object: {other object: a symbol it uses from there}}"""
    owner = {}
    for name, (defined, _) in objects.items():
        for symbol in defined:
            owner.setdefault(symbol, name)
    graph = {name: {} for name in objects}
    for name, (_, used) in objects.items():
        for symbol in sorted(used):
            other = owner.get(symbol)
            if other and other != name:
                graph[name].setdefault(other, symbol)
    return graph


def cycles(graph):
    """The strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph[node]:
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def private_includes(root):
    """(file, header) for each #include of a lib/ header from tools/ or bindings/."""
    private = {name for name in os.listdir(os.path.join(root, "lib")) if name.endswith(".h")}
    include = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
    found = []
    for front in ("tools", "bindings"):
        for folder, _, names in os.walk(os.path.join(root, front)):
            for name in names:
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as source:
                    for header in include.findall(source.read()):
                        if os.path.basename(header) in private or header.startswith("lib/") \
                                or "../lib/" in header:
                            found.append((os.path.relpath(path, root), header))
    return found


def group_paths(label, paths):
    """(label, object and archive paths) of a GROUP=... or GROUP-dir=... argument."""
    paths = paths.split(",")
    if not label.endswith("-dir"):
        return label, paths
    objects = []
    for directory in paths:
        # a source outside the target's directory gives an object named "../x.c" ->
        # ".._x.c.o", which "*.o" leaves out as a hidden file
        for pattern in ("*.o", ".*.o"):
            objects += sorted(glob.glob(os.path.join(glob.escape(directory), "*.p", pattern)))
    return label[:-len("-dir")], objects


def main():
    root, groups = sys.argv[1], sys.argv[2:]
    failed = False
    for group in groups:
        label, _, paths = group.partition("=")
        label, paths = group_paths(label, paths)
        graph = dependencies(symbols(paths)) if paths else {}
        edges = sum(len(succ) for succ in graph.values())
        print(f"{label}: {len(graph)} files, {edges} dependencies")
        for component in cycles(graph):
            failed = True
            print(f"{label}: cycle between {', '.join(component)}")
            members = set(component)
            for name in component:
                for other, symbol in sorted(graph[name].items()):
                    if other in members:
                        print(f"    {name} -> {other} ({symbol})")
        if not graph:
            failed = True
            print(f"{label}: no object files found")
    for path, header in private_includes(root):
        failed = True
        print(f"{path} includes the private header {header}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
