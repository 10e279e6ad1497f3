#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# Build what the benchmark needs, generate the synthetic referential (cached), then time
# xmllint --stream, cispref-bench and bench/search.py on it and compare them with the
# targets. A measurement, not a test: it exits 0 whether the targets are met or not.
#
#   bench/run.sh                      # 20 000 competences, 500 000 items, seed 1
#   COMPETENCES=2000 bench/run.sh     # smaller; also ITEMS_PER_COMPETENCE, SEED,
#                                     # RUNS (cispref loads, 5), PY_RUNS (3), SKIP_PYTHON=1,
#                                     # SCALE_PAIRS (7), SKIP_SCALE=1
#
# Everything it writes goes under build-bench/ at the top of the source tree.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
build="$top/build-bench"
COMPETENCES=${COMPETENCES:-20000}
ITEMS_PER_COMPETENCE=${ITEMS_PER_COMPETENCE:-25}
SEED=${SEED:-1}
RUNS=${RUNS:-5}
PY_RUNS=${PY_RUNS:-3}
SKIP_PYTHON=${SKIP_PYTHON:-0}

say() { printf '%s\n' "$*" >&2; }
need() { command -v "$1" >/dev/null 2>&1 || { say "run.sh: '$1' is needed"; exit 1; }; }
need meson
need ninja
need python3
need xmllint

# ---- build ---------------------------------------------------------------------------
if [ ! -f "$build/build.ninja" ]; then
	say "== configuring $build (release)"
	meson setup "$build" "$top" --buildtype=release -Dtests=disabled -Ddocs=disabled >&2
fi
say "== building"
ninja -C "$build" >&2
bench="$build/bench/cispref-bench"
if [ ! -x "$bench" ]; then
	# bench/ is not (yet) part of the top-level meson.build: build the program by hand
	# against the library just built.
	say "== bench/ is not in the meson build; compiling cispref-bench by hand"
	bench="$build/cispref-bench"
	${CC:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -I"$top/include" -I"$build/include" \
		"$here/bench.c" -o "$bench" -L"$build/lib" -lcispref -Wl,-rpath,"$build/lib"
fi

# ---- data ----------------------------------------------------------------------------
# The cache key holds the size, the seed and the generator's own checksum, so that a
# changed generator never reuses an old file.
gen="$here/gen-referential.py"
gensum=$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:10])' "$gen")
data="$build/data"
mkdir -p "$data"
file="$data/referential-c$COMPETENCES-i$ITEMS_PER_COMPETENCE-s$SEED-$gensum.xml"
if [ ! -f "$file" ] || [ ! -f "$file.queries" ]; then
	say "== generating $file"
	python3 "$gen" --competences "$COMPETENCES" --items-per-competence "$ITEMS_PER_COMPETENCE" \
		--seed "$SEED" -o "$file"
else
	say "== using the cached $file"
fi

results="$build/results"
mkdir -p "$results"

# ---- xmllint --stream: the floor for any libxml2 reader --------------------------------
say "== xmllint --noout --stream (best of 3)"
: > "$results/xmllint.txt"
for i in 1 2 3; do
	python3 - "$file" >> "$results/xmllint.txt" <<'EOF'
import subprocess, sys, time
t0 = time.perf_counter()
rc = subprocess.run(["xmllint", "--noout", "--stream", sys.argv[1]]).returncode
t = time.perf_counter() - t0
if rc != 0:
    sys.exit("xmllint failed with status %d" % rc)
print("%.4f" % t)
EOF
done

# ---- cispref and Python ----------------------------------------------------------------
say "== cispref-bench --runs $RUNS"
"$bench" --runs "$RUNS" --times "$results/cispref-times.txt" "$file" > "$results/cispref.txt"
sed -n '/^$/q;p' "$results/cispref.txt"
if [ "$SKIP_PYTHON" = 1 ]; then
	: > "$results/python.txt"
else
	# search.py stems with PyStemmer; Debian's python3-stemmer serves /usr/bin/python3,
	# which another python3 first in PATH may not see. PYTHON chooses one.
	py=${PYTHON:-python3}
	if ! "$py" -c 'import Stemmer' 2>/dev/null && /usr/bin/python3 -c 'import Stemmer' 2>/dev/null; then
		py=/usr/bin/python3
	fi
	say "== bench/search.py --runs $PY_RUNS ($py)"
	"$py" "$here/search.py" --runs "$PY_RUNS" --times "$results/python-times.txt" "$file" > "$results/python.txt"
	echo
	sed -n '/^$/q;p' "$results/python.txt"
fi

# ---- summary ---------------------------------------------------------------------------
# (read-only git commands: no index refresh is written)
rev=$(cd "$top" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$rev" != unknown ] && ! (cd "$top" && git --no-optional-locks diff --quiet HEAD -- 2>/dev/null); then
	rev="$rev+changes"
fi
python3 - "$results" "$rev" <<'EOF'
import os, platform, sys, time

results, rev = sys.argv[1], sys.argv[2]

def read(name):
    kv = {}
    path = os.path.join(results, name)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line and not line.startswith(" "):
                k, _, v = line.rstrip("\n").partition("=")
                kv[k] = v
    return kv

c, py = read("cispref.txt"), read("python.txt")
with open(os.path.join(results, "xmllint.txt")) as f:
    xmllint = min(float(x) for x in f.read().split())

def f(kv, k):
    return float(kv[k])

size = f(c, "file_bytes")
load = f(c, "load_best_s")
peak = f(c, "peak_rss_load_bytes")
med, p99 = f(c, "search_median_us"), f(c, "search_p99_us")
cpu = "?"
try:
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
except OSError:
    pass

print()
print("== summary (%s, cispref %s, %s, %d cores: %s)" % (
    time.strftime("%Y-%m-%d"), rev, platform.machine(), os.cpu_count() or 0, cpu))
print("  file: %.1f MiB, %s competences, %s items" % (size / 2**20, c["competences"], c["items"]))
print("  xmllint --stream, best of 3          %8.3f s" % xmllint)
print("  cispref load, best of %-3s            %8.3f s   %6.2f x xmllint --stream" % (c["runs"], load, load / xmllint))
print("  cispref peak RSS after load          %8.1f MiB %6.2f x file size (growth in load %.2f x)" % (
    peak / 2**20, peak / size, f(c, "load_growth_bytes") / size))
print("  cispref index build, best            %8.3f s" % f(c, "index_best_s"))
print("  cispref search, every hit            median %8.1f us   p99 %9.1f us" % (med, p99))
print("  cispref search, limit %-4s           median %8.1f us   p99 %9.1f us" % (
    c["search_limit"], f(c, "search_limit_median_us"), f(c, "search_limit_p99_us")))
if py:
    print("  Python load, best of %-3s             %8.3f s   %6.2f x xmllint; Python / cispref %.2f" % (
        py["runs"], f(py, "load_best_s"), f(py, "load_best_s") / xmllint, f(py, "load_best_s") / load))
    print("  Python peak RSS after load           %8.1f MiB %6.2f x file size" % (
        f(py, "peak_rss_load_bytes") / 2**20, f(py, "peak_rss_load_bytes") / size))
    print("  Python index build, best             %8.3f s   Python / cispref %.2f" % (
        f(py, "index_best_s"), f(py, "index_best_s") / f(c, "index_best_s")))
    print("  Python search, every hit             median %8.1f us   p99 %9.1f us;  Python / cispref: median %.2f, p99 %.2f" % (
        f(py, "search_median_us"), f(py, "search_p99_us"),
        f(py, "search_median_us") / med, f(py, "search_p99_us") / p99))
    same = c["search_hits_total"] == py["search_hits_total"]
    print("  hits, cispref / Python               %s / %s%s" % (
        c["search_hits_total"], py["search_hits_total"], "" if same else "   (they differ!)"))
print()
print("  targets")
def target(name, ok, detail):
    print("  %-4s %-44s %s" % ("PASS" if ok else "MISS", name, detail))
target("load <= 1.5 x xmllint --stream", load <= 1.5 * xmllint, "%.2f x" % (load / xmllint))
target("peak memory <= 2 x file size", peak <= 2 * size, "%.2f x" % (peak / size))
target("search median < 1 ms", med < 1000, "%.1f us" % med)
# search, from the issue "Search that understands French"
target("search p50 <= 100 us, every hit", med <= 100, "%.1f us" % med)
target("search p99 <= 1 ms, every hit", p99 <= 1000, "%.1f us" % p99)
lp99 = f(c, "search_limit_p99_us")
target("search p99 <= 300 us, limit %s" % c["search_limit"], lp99 <= 300, "%.1f us" % lp99)
cold = f(c, "search_first50_p99_us")
target("first 50 queries of a process, p99 <= 2 ms", cold <= 2000, "%.1f us" % cold)
ratio = f(c, "index_best_s") / load
target("index build <= 1.5 x load", ratio <= 1.5, "%.2f x" % ratio)
if py:
    def times(name):
        with open(os.path.join(results, name), encoding="utf-8") as t:
            return [float(line.split("\t")[2]) for line in t]
    ct, pt = times("cispref-times.txt"), times("python-times.txt")
    slower = [i for i in range(min(len(ct), len(pt))) if ct[i] > pt[i]]
    worst = max(ct[i] / pt[i] for i in range(min(len(ct), len(pt))))
    target("no query slower than Python, every hit", not slower,
           "%d slower; worst cispref / Python %.3f" % (len(slower), worst))
EOF
# ---- load and memory at scale: what a program that loads once sees -------------------
# (bench/scale.py; its own section: fresh processes, paired runs, three sizes)
# SCALE_PAIRS (7) rounds; SKIP_SCALE=1 skips it. The smaller files are the same
# referential's shape at a hundredth and a tenth of COMPETENCES.
if [ "${SKIP_SCALE:-0}" != 1 ]; then
	scale_files=""
	for c in $((COMPETENCES / 100)) $((COMPETENCES / 10)); do
		[ "$c" -ge 1 ] || c=1
		f="$data/referential-c$c-i$ITEMS_PER_COMPETENCE-s$SEED-$gensum.xml"
		if [ ! -f "$f" ]; then
			say "== generating $f"
			python3 "$gen" --competences "$c" --items-per-competence "$ITEMS_PER_COMPETENCE" \
				--seed "$SEED" -o "$f"
		fi
		scale_files="$scale_files $f"
	done
	say "== load and memory at scale (${SCALE_PAIRS:-7} rounds of fresh processes)"
	# shellcheck disable=SC2086 # two paths without blanks, split on purpose
	python3 "$here/scale.py" --once "$build/bench/cispref-once" --floor "$build/bench/cispref-floor" \
		--results "$results" --pairs "${SCALE_PAIRS:-7}" $scale_files "$file" ||
		say "run.sh: the scale measurement failed"
fi
# ---- end of load and memory at scale ---------------------------------------------------

say "(raw figures in $results/)"
exit 0
