#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# Run every test: build with warnings as errors and run the suite, run it again under
# valgrind's memcheck and under AddressSanitizer + UndefinedBehaviorSanitizer, run the
# threads test under ThreadSanitizer, run each fuzz target under libFuzzer for
# FUZZ_SECONDS seconds (default 60) when clang's libFuzzer is installed, and build the
# API documentation with Doxygen warnings as errors. Ends with one line:
# "N passed, N failed[, N skipped]", counting every test of every run and each fuzzer.
set -u
cd "$(dirname "$0")/.." || exit 1
status=0

step() {
	echo "== $*"
	"$@" || status=1
}

rm -rf build-test build-asan build-tsan build-fuzz

step meson setup build-test -Dwerror=true -Ddocs=enabled -Dtests=enabled
step meson test -C build-test --print-errorlogs --num-processes 2

# The same build under memcheck; meson names this run's log testlog-valgrind.json, after
# the wrapper, so the plain run's log stays. The suite 'external' holds the tests whose
# program is not built here (tests/meson.build). tests/libgettextpo.supp: what
# libgettextpo's parser loses inside po_file_read() (tests/lsan.supp for ASan's leaks).
step meson test -C build-test --print-errorlogs --num-processes 2 --no-suite external \
	--wrap="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect --track-origins=no -q --suppressions=$PWD/tests/libgettextpo.supp" \
	--timeout-multiplier 10

# It builds the scan before libxml2 with its plain loop instead of SSE2 (lib/load_scan.c):
# the other runs and the fuzzers test the SSE2 one.
step meson setup build-asan -Dwerror=true -Ddocs=disabled -Dtests=enabled \
	-Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-DCISPREF_PORTABLE_SCAN
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	step meson test -C build-asan --print-errorlogs --num-processes 2

# ThreadSanitizer runs only the threads test: the rest is single-threaded, and building
# only what it needs keeps this step short.
step meson setup build-tsan -Db_sanitize=thread -Db_lundef=false -Dwerror=true -Dtests=enabled \
	-Ddocs=disabled -Dpython=disabled
step meson compile -C build-tsan tests/test_threads
TSAN_OPTIONS=halt_on_error=1 \
	step meson test -C build-tsan --print-errorlogs --no-rebuild threads

if tests/fuzz/run-fuzzers.sh --available; then
	step tests/fuzz/run-fuzzers.sh "${FUZZ_SECONDS:-60}" build-fuzz
else
	echo "== skipped: the fuzzers (clang cannot link libFuzzer: install clang and libclang-rt-14-dev)"
fi

step ninja -C build-test doc

# Add up every run from meson's machine-readable logs, and the fuzzers' verdicts (one
# "<target> pass|fail" a line; no file when libFuzzer was missing: each target skipped).
python3 - build-test/meson-logs/testlog.json build-test/meson-logs/testlog-valgrind.json \
	build-asan/meson-logs/testlog.json build-tsan/meson-logs/testlog.json <<'PY'
import glob, json, os, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path) as log:
            for line in log:
                result = json.loads(line)['result']
                if result in ('OK', 'EXPECTEDFAIL'):
                    passed += 1
                elif result == 'SKIP':
                    skipped += 1
                else:
                    failed += 1
    except OSError:
        failed += 1  # that run did not even start
targets = len(glob.glob('tests/fuzz/fuzz_*.c'))
if not os.path.isdir('build-fuzz'):
    skipped += targets
else:
    try:
        with open('build-fuzz/results') as results:
            verdicts = [line.split() for line in results if line.strip()]
    except OSError:
        verdicts = []
    passed += sum(1 for v in verdicts if v[1:] == ['pass'])
    failed += sum(1 for v in verdicts if v[1:] != ['pass'])
    failed += max(0, targets - len(verdicts))  # a target that left no verdict
print('%d passed, %d failed%s' % (passed, failed, ', %d skipped' % skipped if skipped else ''))
PY
exit $status
