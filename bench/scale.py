#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""What a program that loads a referential once sees: bench/run.sh calls this after its
own measurements (see bench/README.md, "Load and memory at scale").

  scale.py --once PROG --floor PROG --results DIR [--pairs N] SMALL MEDIUM LARGE

Every figure comes from fresh processes:
  - paired whole-process runs on LARGE: `cispref-once load`, `xmllint --noout --stream`
    and `cispref-floor sax` (libxml2's SAX2 parser with no callbacks) one after the
    other, the order turning each round; the ratios are taken within a round, then their
    median. Wall-clock time from outside the process, and its CPU time (user + system,
    from wait4), which others' work on a shared machine disturbs less;
  - the first load of the process (timed inside it), per item, at the three sizes, next
    to the floor's;
  - peak resident size / file size, and the resident size after free over 5 cycles of
    load, index, search and free in one process;
  - the embedded default's first load in a fresh process, and its warm loads;
  - the system's share: user and system time of the paired runs apart, and the system
    time of `cispref-floor touch`, which only writes as much fresh memory as a load
    does, after a pause and right after another (rounds of their own).
It prints a summary and writes key=value lines to DIR/scale.txt. A measurement: exits 0.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run(argv):
    """(wall s, cpu s, peak RSS bytes, key=value dict) of one process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    wall = time.perf_counter() - t0
    # communicate() reaped it: its usage is in RUSAGE_CHILDREN, read the difference
    # around each run instead (below)
    if p.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(argv), p.returncode, err.decode()[-500:]))
    kv = {}
    for line in out.decode().splitlines():
        if "=" in line:
            k, _, v = line.partition("=")
            kv[k] = v
    return wall, kv


def measured(argv):
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, kv = run(argv)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    user = after.ru_utime - before.ru_utime
    system = after.ru_stime - before.ru_stime
    return wall, user + system, kv, user, system


# seconds of pause before writing fresh memory "cold" (see below)
SETTLE_S = 4


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--once", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--pairs", type=int, default=7)
    ap.add_argument("files", nargs=3)
    a = ap.parse_args()
    small, medium, large = a.files
    out = {}

    # 1. paired whole-process runs on the large file
    progs = {
        "cispref": [a.once, "load", large],
        "xmllint": ["xmllint", "--noout", "--stream", large],
        "sax": [a.floor, "sax", large],
    }
    names = list(progs)
    rounds = []
    for i in range(a.pairs):
        order = names[i % 3:] + names[:i % 3]
        if i % 2:
            order.reverse()
        r = {}
        for n in order:
            r[n] = measured(progs[n])
        rounds.append(r)
        print("  round %d/%d: cispref %.3f s, xmllint %.3f s, SAX2 floor %.3f s (wall)" % (
            i + 1, a.pairs, r["cispref"][0], r["xmllint"][0], r["sax"][0]), file=sys.stderr)

    def ratio(x, y, k):
        return med([r[x][k] / r[y][k] for r in rounds])

    size = os.path.getsize(large)
    out["pairs"] = a.pairs
    out["file_bytes"] = size
    for n in names:
        out[n + "_wall_median_s"] = med([r[n][0] for r in rounds])
        out[n + "_cpu_median_s"] = med([r[n][1] for r in rounds])
    out["cispref_over_xmllint_wall"] = ratio("cispref", "xmllint", 0)
    out["cispref_over_xmllint_cpu"] = ratio("cispref", "xmllint", 1)
    out["sax_over_xmllint_wall"] = ratio("sax", "xmllint", 0)
    out["sax_over_xmllint_cpu"] = ratio("sax", "xmllint", 1)
    out["cispref_over_sax_cpu"] = ratio("cispref", "sax", 1)
    big = [r["cispref"][2] for r in rounds]
    out["first_load_wall_median_s"] = med([float(k["load_wall_s"]) for k in big])
    out["first_load_cpu_median_s"] = med([float(k["load_cpu_s"]) for k in big])
    out["peak_rss_bytes"] = med([float(k["peak_rss_load_bytes"]) for k in big])
    out["peak_rss_over_file"] = out["peak_rss_bytes"] / size
    out["load_growth_over_file"] = med([
        (float(k["peak_rss_load_bytes"]) - float(k["peak_rss_before_bytes"])) / size for k in big])
    out["cispref_over_xmllint_user"] = ratio("cispref", "xmllint", 3)
    for n in names:
        system = [r[n][4] for r in rounds]
        out[n + "_system_median_s"] = med(system)
        out[n + "_system_range_s"] = "%.3f %.3f" % (min(system), max(system))
    reads = [measured([a.floor, "read", large]) for _ in range(3)]
    out["read_wall_median_s"] = med([float(k["read_wall_s"]) for _, _, k, _, _ in reads])

    # The memory a load writes, written alone, twice a round: first after a pause in
    # which the system may hand the free memory of the processes before back (on a
    # virtual machine whose balloon reports free pages, Linux does so within about 2 s:
    # its page reporting delay), then right after the first, whose memory is fresh in
    # the system's free lists. The load's system time lies between the two.
    written = int(med([float(k["rss_load_bytes"]) - float(k["rss_before_bytes"]) for k in big]))
    cold, warm = [], []
    for _ in range(max(3, a.pairs // 3)):
        time.sleep(SETTLE_S)
        cold.append(measured([a.floor, "touch", str(written)])[4])
        warm.append(measured([a.floor, "touch", str(written)])[4])
    out["touch_bytes"] = written
    out["touch_cold_system_median_s"] = med(cold)
    out["touch_warm_system_median_s"] = med(warm)

    # 2. per item at three sizes: the first load in a process, CPU time inside it, next
    #    to the SAX2 floor's, alternated. Each process runs right after `touch` has freed
    #    as much memory as the large load writes, so that every size finds fresh memory
    #    in one state (just freed: see the cold and warm figures above). Otherwise the
    #    medium load, whose memory the one before it had just freed, found it warm, and
    #    the large one, after others that write less, often found it handed back: a
    #    difference of the machine, not of the library, which moved the ratio by 0.3.
    scaling = []
    for label, path in (("small", small), ("medium", medium), ("large", large)):
        loads, floors = [], []
        for i in range(max(a.pairs, 9)):
            pair = [("c", [a.once, "load", path]), ("s", [a.floor, "sax", path])]
            for tag, argv in (pair if i % 2 == 0 else pair[::-1]):
                measured([a.floor, "touch", str(written)])
                k = measured(argv)[2]
                if tag == "c":
                    loads.append(float(k["load_cpu_s"]))
                    items = int(k["items"])
                else:
                    floors.append(float(k["sax_cpu_s"]))
        us, fus = med(loads) / items * 1e6, med(floors) / items * 1e6
        scaling.append((label, items, us, fus))
        out["items_" + label] = items
        out["us_per_item_" + label] = us
        out["sax_us_per_item_" + label] = fus
    out["large_over_medium_per_item"] = scaling[2][2] / scaling[1][2]

    # 3. memory after free, 5 cycles in one process
    k = measured([a.once, "cycles", large, "5"])[2]
    base = float(k["rss_baseline_bytes"])
    after = [float(k["rss_after_free_%d_bytes" % i]) for i in range(1, 6)]
    out["rss_baseline_bytes"] = base
    out["rss_after_free_bytes"] = " ".join("%d" % x for x in after)
    out["rss_after_free_5_over_baseline_bytes"] = after[-1] - base
    out["rss_after_free_max_over_baseline_bytes"] = max(after) - base

    # 4. the embedded default, cold (first load of a fresh process) and warm
    defaults = [measured([a.once, "default", "20"])[2] for _ in range(max(a.pairs, 9))]
    out["default_first_wall_median_s"] = med([float(k["default_first_wall_s"]) for k in defaults])
    out["default_first_cpu_median_s"] = med([float(k["default_first_cpu_s"]) for k in defaults])
    out["default_warm_median_s"] = med([float(k["default_warm_median_s"]) for k in defaults])

    with open(os.path.join(a.results, "scale.txt"), "w") as f:
        for k, v in out.items():
            f.write("%s=%s\n" % (k, v))

    mib = 2.0 ** 20
    print()
    print("== load and memory at scale (fresh processes; %d rounds, medians)" % a.pairs)
    print("  file: %.1f MiB, %d items" % (size / mib, scaling[2][1]))
    print("  whole process, wall: cispref %.3f s, xmllint --stream %.3f s, SAX2 floor %.3f s, read() %.3f s" % (
        out["cispref_wall_median_s"], out["xmllint_wall_median_s"], out["sax_wall_median_s"],
        out["read_wall_median_s"]))
    print("  paired ratios: cispref / xmllint --stream %.2f x wall, %.2f x CPU;"
          " SAX2 floor / xmllint %.2f x CPU; cispref / floor %.2f x CPU" % (
              out["cispref_over_xmllint_wall"], out["cispref_over_xmllint_cpu"],
              out["sax_over_xmllint_cpu"], out["cispref_over_sax_cpu"]))
    print("  user time: cispref / xmllint --stream %.2f x (paired); system time (median, least-most):"
          " cispref %.3f s (%s), xmllint %.3f s (%s)" % (
              out["cispref_over_xmllint_user"], out["cispref_system_median_s"],
              out["cispref_system_range_s"].replace(" ", "-"), out["xmllint_system_median_s"],
              out["xmllint_system_range_s"].replace(" ", "-")))
    print("  writing %.1f MiB of fresh memory alone (the load's growth), system time: %.3f s after a"
          " pause of %d s, %.3f s right after another such process" % (
              written / mib, out["touch_cold_system_median_s"], SETTLE_S,
              out["touch_warm_system_median_s"]))
    print("  first load of a process: %.3f s wall, %.3f s CPU" % (
        out["first_load_wall_median_s"], out["first_load_cpu_median_s"]))
    print("  per item (first load, CPU; each process right after another freed %.1f MiB):" % (written / mib))
    for label, items, us, fus in scaling:
        print("    %8d items  %6.3f us  (SAX2 floor %6.3f us, %.2f x)" % (items, us, fus, us / fus))
    print("  peak RSS %.1f MiB = %.2f x file (growth in the load %.2f x)" % (
        out["peak_rss_bytes"] / mib, out["peak_rss_over_file"], out["load_growth_over_file"]))
    print("  resident after free, 5 cycles: baseline %.1f MiB, then %s MiB" % (
        base / mib, " ".join("%.1f" % (x / mib) for x in after)))
    print("  embedded default: first load %.3f ms wall (%.3f ms CPU), warm %.3f ms" % (
        out["default_first_wall_median_s"] * 1e3, out["default_first_cpu_median_s"] * 1e3,
        out["default_warm_median_s"] * 1e3))
    print()
    print("  targets (load and memory at scale)")

    def target(name, ok, detail):
        print("  %-4s %-50s %s" % ("PASS" if ok else "MISS", name, detail))
    target("load <= 1.0 x xmllint --stream (paired, wall)",
           out["cispref_over_xmllint_wall"] <= 1.0, "%.2f x (CPU %.2f x)" % (
               out["cispref_over_xmllint_wall"], out["cispref_over_xmllint_cpu"]))
    target("per item at large <= 1.15 x medium", out["large_over_medium_per_item"] <= 1.15,
           "%.2f x" % out["large_over_medium_per_item"])
    target("peak RSS <= 1.3 x file", out["peak_rss_over_file"] <= 1.3,
           "%.2f x" % out["peak_rss_over_file"])
    target("after 5 cycles, resident <= baseline + 2 MiB",
           out["rss_after_free_max_over_baseline_bytes"] <= 2 * mib,
           "+%.1f MiB (worst cycle), +%.1f MiB (last)" % (
               out["rss_after_free_max_over_baseline_bytes"] / mib,
               out["rss_after_free_5_over_baseline_bytes"] / mib))
    target("embedded default, first load < 1 ms", out["default_first_wall_median_s"] < 1e-3,
           "%.3f ms" % (out["default_first_wall_median_s"] * 1e3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
