#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Allocation-failure sweep: run cispref commands with the failmalloc shim preloaded,
failing allocation N for N = 1, 2, ... until a run no longer reaches N.

For every N the run must either
  - succeed (exit 0) with an output byte-identical to the reference run's, or
  - fail with exit status 1 and one line on stderr that says "out of memory", the
    previous content of the target file intact and no other file left beside it or in
    the run's own $TMPDIR (where the XLSX export makes its workbook);
it must never die of a signal, and it must not leave more blocks allocated at exit than
the reference run (a leak on the failure path).

    sweep.py CISPREF SHIM FIXTURE WORK_DIR [--stride S] [--only NAME] [--jobs J] [--read-fixture]

With --read-fixture, the exports, renders and searches read FIXTURE instead of the
embedded referential (to sweep what a fixture has and the embedded one lacks, as front
matter). Each command is swept at every Sth N (S as in COMMANDS below; --stride 1 sweeps every N
of every command: some 40 000 runs, five minutes on two cores). A leak is counted as the
blocks still allocated at exit, compared with the reference run's; the few blocks that
libxml2 2.9 itself loses on its own failure paths are told apart by the stack of the
failed allocation (LIBRARY_LEAKS).
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys

PREVIOUS = b"previous content of the target\n"

# The libraries' own leaks: functions of libxml2 2.9 and libzip 1.7 that lose blocks
# when an allocation inside them fails (at most this many); a failure under them that
# leaks more, or a leak after a failure anywhere else, is a fault.
LIBRARY_LEAKS = {
    # xmlTextWriterStartElement() ignores xmlListPushFront()'s failure: the writer's
    # stack entry and its copy of the name are lost.
    "xmlListPushFront": 2,
    # xmlCreatePushParserCtxt() returns NULL without freeing its input stream when the
    # canonical path of the document's name cannot be made.
    "xmlCreatePushParserCtxt": 1,
    # zip_close() (libzip 1.7.3) loses a block when an allocation of its own fails while
    # it writes the archive; the caller then discards the archive and frees its source,
    # as libzip asks, and nothing of ours is left.
    "zip_close": 1,
}

# Allocations that fail inside libxlsxwriter (1.1.4, Debian 12) are not judged: that
# library does not survive its own allocation failures. It prints to stderr and goes on
# (a workbook may then lack a part), or stores the NULL a failed strdup() gave it and
# dereferences it later (lxw_get_sst_index(): SIGSEGV). Nothing cispref does can make up
# for that once the library has the failure; doc/interchange.md ("xlsx") says so. A failed
# allocation whose stack holds one of the library's functions is counted apart; every
# other point of the XLSX export (cispref's rows, the temporary directory, reading the
# package back, libzip) is judged as for the other formats.
FRAGILE_LIBRARY = re.compile(r"^(lxw_|worksheet_|workbook_|chartsheet_|format_|chart_)")

# name, arguments (OUT is the target file; without one, the output is stdout), the
# stride, and optionally a tail: that many last allocations swept at every N too. The export to XML is swept at every N: that covers the loading of the embedded
# referential (its first 840 allocations or so, the same in every command) and the XML
# writer; the others share that loading, so a stride is enough for them, with an offset
# that moves with the command so that together they cover more residues.
COMMANDS = [
    ("validate-file", ["validate", "FIXTURE"], 1),
    ("validate", ["validate"], 1),
    ("export-xml", ["export", "--format", "xml", "-o", "OUT"], 1),
    ("export-json", ["export", "--format", "json", "-o", "OUT"], 9),
    ("render-odt", ["render", "-o", "OUT.odt"], 9),
    ("render-fodt", ["render", "-o", "OUT.fodt"], 13),
    ("render-html", ["render", "-o", "OUT.html"], 9),
    ("render-md", ["render", "-o", "OUT.md"], 3),
    ("render-md-stdout", ["render", "--format", "md"], 7),
    ("search-json", ["search", "--format", "json", "écoute"], 7),
    # the referential in another language: written, read back and written again
    ("export-json-lang", ["export", "--format", "json", "--lang", "nl", "--quiet", "-o", "OUT"],
     17),
    ("search-json-lang", ["search", "--format", "json", "--lang", "nl", "--quiet", "écoute"], 7),
    ("export-skos", ["export", "--format", "skos", "-o", "OUT"], 11),
    ("export-esco", ["export", "--format", "esco-csv", "-o", "OUT"], 11),
    ("export-csv", ["export", "--format", "csv", "-o", "OUT"], 11),
    ("export-csv-excel-fr", ["export", "--format", "csv-excel-fr", "-o", "OUT"], 13),
    # libxlsxwriter builds the workbook in a directory under $TMPDIR: each run gets a
    # TMPDIR of its own, which must be empty again at exit, whatever failed
    # (and every one of its last 64 allocations, cispref's: the package read back, the
    # directory removed, the output written)
    ("export-xlsx", ["export", "--format", "xlsx", "-o", "OUT"], 17, 64),
    ("export-moodle", ["export", "--format", "moodle", "-o", "OUT"], 11),
    ("export-case", ["export", "--format", "case", "-o", "OUT"], 23),
]


def expand(args, out, fixture):
    return [a.replace("OUT", out).replace("FIXTURE", fixture) for a in args]


def target_of(args):
    """The target argument ("OUT.odt"), or None when the output is stdout."""
    return next((a for a in args if a.startswith("OUT")), None)


def run(exe, shim, fixture, args, workdir, fail_at):
    """Run once in a fresh @workdir; returns (returncode, stdout, stderr, fired,
    live_at_exit, target bytes or None, other files, stack of the failed allocation)."""
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    tmpdir = workdir + ".tmp"
    shutil.rmtree(tmpdir, ignore_errors=True)
    os.makedirs(tmpdir)
    target_name = target_of(args)
    target = os.path.join(workdir, target_name.replace("OUT", "out")) if target_name else None
    if target:
        with open(target, "wb") as f:
            f.write(PREVIOUS)
    report = os.path.join(workdir, "..", os.path.basename(workdir) + ".fired")
    for path in (report, report + ".count"):
        if os.path.exists(path):
            os.remove(path)
    env = dict(os.environ, LD_PRELOAD=shim, CISPREF_FAIL_AT=str(fail_at),
               CISPREF_FAIL_REPORT=report, TMPDIR=tmpdir)
    proc = subprocess.run([exe] + expand(args, os.path.join(workdir, "out"), fixture),
                          env=env, capture_output=True, timeout=60)
    fired = os.path.exists(report)
    stack = []
    if fired:
        with open(report) as f:
            stack = [line.strip() for line in f if line.strip()]
    live = None
    if os.path.exists(report + ".count"):
        with open(report + ".count") as f:
            live = int(f.read().split()[1])
    content = None
    if target and os.path.exists(target):
        with open(target, "rb") as f:
            content = f.read()
    others = sorted(set(os.listdir(workdir)) - {os.path.basename(target or "")})
    # what a writer left in its temporary directory (the XLSX export's workbook)
    others += ["$TMPDIR/" + name for name in sorted(os.listdir(tmpdir))]
    return proc.returncode, proc.stdout, proc.stderr, fired, live, content, others, stack


def check(result, reference, reference_live, target_kind):
    """The fault in one run, or None."""
    rc, out, err, fired, live, content, others, stack = result
    if rc < 0:
        return "killed by signal %d" % -rc
    if others:
        return "files left beside the target: %s" % others
    output = content if target_kind == "file" else out
    if rc == 0:
        if err:
            return "success with stderr %r" % err[:200]
        if output != reference:
            return "success with a different output (%s bytes, reference %d)" % (
                "no" if output is None else len(output), len(reference))
    elif rc == 1 and target_kind == "stdout" and not err and re.fullmatch(
            rb"E: [^\n]*: out-of-memory out of memory\n1 error, 0 warnings, 0 infos\n", out):
        pass  # validate reports a referential it could not load as a finding, on stdout,
              # and counts it in its summary line
    elif rc == 1:
        lines = err.decode("utf-8", "replace").splitlines()
        if len(lines) != 1 or "out of memory" not in lines[0]:
            return "failure without one 'out of memory' line: %r" % err[:300]
        if target_kind == "file" and content != PREVIOUS:
            return "the previous target was not kept"
        if target_kind == "stdout" and out:
            return "failure after printing %d bytes" % len(out)
    else:
        return "exit status %d, stderr %r" % (rc, err[:300])
    if live is not None and reference_live is not None and live > reference_live:
        known = [f for f in stack if f in LIBRARY_LEAKS]
        if known and live - reference_live <= LIBRARY_LEAKS[known[0]]:
            return None
        return "leak: %d blocks live at exit, %d in the reference run; failed in %s" % (
            live, reference_live, " < ".join(f for f in stack if f != "?")[:300])
    return None


def sweep(exe, shim, fixture, work, name, args, points, jobs):
    base = os.path.join(work, name)
    target_kind = "file" if target_of(args) else "stdout"
    rc, out, err, fired, ref_live, content, others, stack = run(exe, shim, fixture, args,
                                                               base + "-ref", 0)
    reference = content if target_kind == "file" else out
    if rc != 0 or reference is None or err:
        return ["%s: the reference run failed (%d): %r" % (name, rc, err[:300])], 0, 0, 0
    with open(base + "-ref.fired.count") as f:
        total = int(f.read().split()[0])
    faults = []
    runs = fragile = 0
    ns = [n for n in points(total)]

    def one(n, slot):
        return n, run(exe, shim, fixture, args, "%s-%d" % (base, slot), n)

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        # Each worker gets its own directory: slot = index modulo jobs, submitted in
        # batches of @jobs so that two runs never share one.
        for i in range(0, len(ns), jobs):
            batch = ns[i:i + jobs]
            for n, result in pool.map(lambda a: one(*a), zip(batch, range(len(batch)))):
                runs += 1
                if not result[3]:
                    # Past the last allocation: only possible when the program allocated
                    # less than in the reference run.
                    continue
                if any(FRAGILE_LIBRARY.match(f) for f in result[7]):
                    fragile += 1
                    continue
                fault = check(result, reference, ref_live, target_kind)
                if fault:
                    faults.append("%s: allocation %d: %s" % (name, n, fault))
    return faults, runs, total, fragile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cispref")
    parser.add_argument("shim")
    parser.add_argument("fixture")
    parser.add_argument("work")
    parser.add_argument("--stride", type=int)
    parser.add_argument("--only")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--read-fixture", action="store_true")
    opts = parser.parse_args()
    shutil.rmtree(opts.work, ignore_errors=True)
    os.makedirs(opts.work)
    all_faults = []
    for index, (name, args, stride, *tail) in enumerate(COMMANDS):
        if opts.only and opts.only != name:
            continue
        step = max(opts.stride or stride, 1)
        if opts.read_fixture and args[0] in ("export", "render", "search"):
            args = [args[0], "-i", "FIXTURE"] + args[1:]

        def points(total, step=step, offset=index, tail=tail[0] if tail else 0):
            return sorted(set(range(1 + offset % step, total + 1, step)) |
                          set(range(max(1, total - tail + 1), total + 1)))

        faults, runs, total, fragile = sweep(opts.cispref, opts.shim, opts.fixture,
                                             opts.work, name, args, points, opts.jobs)
        print("%s: %d allocations, %d runs, %d faults%s" % (
            name, total, runs, len(faults),
            ", %d inside libxlsxwriter not judged" % fragile if fragile else ""))
        sys.stdout.flush()
        all_faults += faults
    with open(os.path.join(opts.work, "faults.txt"), "w") as f:
        f.writelines("FAULT %s\n" % fault for fault in all_faults)
    for fault in all_faults[:200]:
        print("FAULT", fault)
    if len(all_faults) > 200:
        print("... and %d more" % (len(all_faults) - 200))
    return 1 if all_faults else 0


if __name__ == "__main__":
    sys.exit(main())
