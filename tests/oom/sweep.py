#!/usr/bin/env python3
"""Allocation-failure sweep: run cispref commands with the failmalloc shim preloaded,
failing allocation N for N = 1, 2, ... until a run no longer reaches N.

For every N the run must either
  - succeed (exit 0) with an output byte-identical to the reference run's, or
  - fail with exit status 1 and one line on stderr that says "out of memory", the
    previous content of the target file intact and no other file left beside it;
it must never die of a signal, and it must not leave more blocks allocated at exit than
the reference run (a leak on the failure path).

    sweep.py CISPREF SHIM WORK_DIR [--stride-after K S] [--only NAME]

Each command is swept at every N up to K (default 1500: the loading of the embedded
referential, about 830 allocations, and the start of each writer), then at every Sth N
(default below, per command), with a starting offset that moves with the command so that
the commands together cover more residues; `--stride-after 0 1` sweeps every N of every
command (about 40 000 runs; some minutes).
"""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys

PREVIOUS = b"previous content of the target\n"

# libxml2 2.9's own leaks: functions that lose blocks when an allocation inside them
# fails (at most this many); a failure under them that leaks more, or a leak after a
# failure anywhere else, is a fault.
LIBXML2_LEAKS = {
    # xmlTextWriterStartElement() ignores xmlListPushFront()'s failure: the writer's
    # stack entry and its copy of the name are lost.
    "xmlListPushFront": 2,
    # xmlCreatePushParserCtxt() returns NULL without freeing its input stream when the
    # canonical path of the document's name cannot be made.
    "xmlCreatePushParserCtxt": 1,
}

# name, arguments (OUT is the target file), stride beyond --stride-after
COMMANDS = [
    ("export-xml", ["export", "--format", "xml", "-o", "OUT"], 1),
    ("export-json", ["export", "--format", "json", "-o", "OUT"], 7),
    ("render-odt", ["render", "-o", "OUT.odt"], 7),
    ("render-fodt", ["render", "-o", "OUT.fodt"], 11),
    ("render-html", ["render", "-o", "OUT.html"], 7),
    ("render-md", ["render", "-o", "OUT.md"], 3),
]


def expand(args, out):
    return [a.replace("OUT", out) for a in args]


def target_of(args):
    return next(a for a in args if a.startswith("OUT")) if any(
        a.startswith("OUT") for a in args) else None


def run(exe, shim, args, workdir, fail_at):
    """Run once in a fresh @workdir; returns (returncode, stdout, stderr, fired,
    live_at_exit, target bytes or None, other files, stack of the failed allocation)."""
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
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
               CISPREF_FAIL_REPORT=report)
    proc = subprocess.run([exe] + expand(args, os.path.join(workdir, "out")),
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
    return proc.returncode, proc.stdout, proc.stderr, fired, live, content, others, stack


def check(result, reference, reference_live):
    """The fault in one run, or None."""
    rc, out, err, fired, live, content, others, stack = result
    if rc < 0:
        return "killed by signal %d" % -rc
    if others:
        return "files left beside the target: %s" % others
    if rc == 0:
        if err:
            return "success with stderr %r" % err[:200]
        if content != reference:
            return "success with a different output (%s bytes, reference %d)" % (
                "no" if content is None else len(content), len(reference))
    elif rc == 1:
        lines = err.decode("utf-8", "replace").splitlines()
        if len(lines) != 1 or "out of memory" not in lines[0]:
            return "failure without one 'out of memory' line: %r" % err[:300]
        if content != PREVIOUS:
            return "the previous target was not kept"
    else:
        return "exit status %d, stderr %r" % (rc, err[:300])
    if live is not None and reference_live is not None and live > reference_live:
        known = [f for f in stack if f in LIBXML2_LEAKS]
        if known and live - reference_live <= LIBXML2_LEAKS[known[0]]:
            return None
        return "leak: %d blocks live at exit, %d in the reference run; failed in %s" % (
            live, reference_live, " < ".join(f for f in stack if f != "?")[:300])
    return None


def sweep(exe, shim, work, name, args, points, jobs):
    base = os.path.join(work, name)
    rc, out, err, fired, ref_live, reference, others, stack = run(exe, shim, args, base + "-ref", 0)
    if rc != 0 or reference is None:
        return ["%s: the reference run failed (%d): %r" % (name, rc, err[:300])], 0, 0
    with open(base + "-ref.fired.count") as f:
        total = int(f.read().split()[0])
    faults = []
    runs = 0
    ns = [n for n in points(total)]

    def one(n, slot):
        return n, run(exe, shim, args, "%s-%d" % (base, slot), n)

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
                fault = check(result, reference, ref_live)
                if fault:
                    faults.append("%s: allocation %d: %s" % (name, n, fault))
    return faults, runs, total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cispref")
    parser.add_argument("shim")
    parser.add_argument("work")
    parser.add_argument("--stride-after", nargs=2, type=int, metavar=("K", "S"))
    parser.add_argument("--only")
    parser.add_argument("--jobs", type=int, default=2)
    opts = parser.parse_args()
    shutil.rmtree(opts.work, ignore_errors=True)
    os.makedirs(opts.work)
    all_faults = []
    for index, (name, args, stride) in enumerate(COMMANDS):
        if opts.only and opts.only != name:
            continue
        full, step = (opts.stride_after or (1500, stride))
        step = max(step, 1)

        def points(total, full=full, step=step, offset=index):
            yield from range(1, min(full, total) + 1)
            yield from range(full + 1 + offset % step, total + 1, step)

        faults, runs, total = sweep(opts.cispref, opts.shim, opts.work, name, args,
                                    points, opts.jobs)
        print("%s: %d allocations, %d runs, %d faults" % (name, total, runs, len(faults)))
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
