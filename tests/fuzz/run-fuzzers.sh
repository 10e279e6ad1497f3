#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# Build the fuzz targets of tests/fuzz/ with clang's libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer, and run each for a bounded time from its seeds: a copy of
# its committed corpus and the seeds made from the fixtures (seeds.list, make-seeds.sh),
# in BUILD_DIR/corpus/ (the repository's corpus is never written to).
#
#   run-fuzzers.sh [SECONDS [BUILD_DIR]]   run each target SECONDS (default 60)
#   run-fuzzers.sh --available             exit 0 when clang can link libFuzzer
#
# FUZZ_TIMEOUT (seconds, default 10) is libFuzzer's -timeout: an input that takes longer
# is a finding like a crash, so that inputs whose cost grows faster than their size
# (the loader's are linear in it) are found, not just waited for.
#
# Prints one line per target: "fuzz-<target>: pass|FAIL, N executions in S s, coverage,
# corpus size, crashes" (a crash being any finding: a sanitizer report, a failed check,
# a leak, a timeout, running out of memory), and writes the verdicts, one
# "<target> pass|fail" a line, to BUILD_DIR/results for tools/run-tests.sh. Exits 1 when
# a target does not build or a fuzzer reports a crash; the input is then in
# BUILD_DIR/artifacts/, and belongs in tests/fuzz/corpus/<target>/crash-<short-name> once
# the library is fixed.
set -u
CC=${FUZZ_CC:-clang}
# FUZZ_TARGETS (default: all of them) runs only the targets it lists.
targets=${FUZZ_TARGETS:-"load export search moodle case positioning diff po"}
src=$(cd "$(dirname "$0")/../.." && pwd)

# Whether the compiler links a libFuzzer program: Debian's clang needs the runtime of
# libclang-rt-14-dev (a recommendation only, so --no-install-recommends leaves it out).
available() {
	dir=$(mktemp -d) || return 1
	printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$dir/probe.c"
	"$CC" -fsanitize=fuzzer,address,undefined "$dir/probe.c" -o "$dir/probe" >/dev/null 2>&1
	ok=$?
	rm -rf "$dir"
	return $ok
}

if [ "${1:-}" = --available ]; then
	available
	exit $?
fi

seconds=${1:-60}
timeout=${FUZZ_TIMEOUT:-10}
build=${2:-$src/build-fuzz}
case $seconds$timeout in
''|*[!0-9]*) echo "run-fuzzers.sh: SECONDS and FUZZ_TIMEOUT must be whole numbers" >&2; exit 2 ;;
esac
# An absolute build directory, or stop: every path below is under it.
dir=$(mkdir -p "$build" && cd "$build" && pwd)
if [ -z "$dir" ]; then
	echo "run-fuzzers.sh: cannot use $build as the build directory" >&2
	exit 2
fi
build=$dir
results=$build/results
: > "$results"

fail_all() {
	for t in $targets; do
		echo "fuzz-$t: FAIL, $1"
		echo "$t fail" >> "$results"
	done
	exit 1
}

available || fail_all "$CC cannot link a libFuzzer program (install clang and libclang-rt-14-dev)"

# The library as meson builds it (the same sources and the generated embedded
# referential), with clang, the sanitizers and the coverage instrumentation libFuzzer
# steers by; only the static library is built. Undefined behaviour aborts, so that
# libFuzzer records it as a crash instead of printing and going on.
lib=$build/lib-build/lib/libcispref.a
if [ ! -f "$build/lib-build/build.ninja" ]; then
	CC=$CC meson setup "$build/lib-build" "$src" -Dwerror=true -Dtests=disabled \
		-Ddocs=disabled -Dpython=disabled -Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined' \
		> "$build/setup.log" 2>&1 || { cat "$build/setup.log"; fail_all "meson setup failed"; }
fi
ninja -C "$build/lib-build" lib/libcispref.a > "$build/build.log" 2>&1 ||
	{ cat "$build/build.log"; fail_all "the library does not build with $CC"; }

# What the static archive needs: the libraries of its Requires.private, libstemmer
# (which ships no pkg-config file), and threads.
deps=$(pkg-config --libs libxml-2.0 libutf8proc libzip libacl) || fail_all "pkg-config failed"
deps="$deps -lstemmer -lcsv $(pkg-config --libs xlsxwriter uuid jansson) -lgettextpo -pthread"
status=0
mkdir -p "$build/artifacts"
for t in $targets; do
	exe=$build/fuzz_$t
	# shellcheck disable=SC2086 # $deps is a list of flags
	if ! "$CC" -g -O1 -Wall -Wextra -Werror -std=c11 -D_POSIX_C_SOURCE=200809L \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-I"$src/include" -I"$build/lib-build/include" \
		"$src/tests/fuzz/fuzz_$t.c" "$lib" $deps -o "$exe" 2> "$build/fuzz_$t.build.log"; then
		cat "$build/fuzz_$t.build.log"
		echo "fuzz-$t: FAIL, does not build"
		echo "$t fail" >> "$results"
		status=1
		continue
	fi

	rm -f "$build/artifacts/$t-"*
	# A fresh copy of the seeds, where libFuzzer adds what it finds; it stays in the
	# build directory, to replay (under valgrind, say) or to pick new seeds from. The
	# seeds made from the fixtures have names of their own (TARGET-NAME, as in the meson
	# build), so that none replaces a committed one.
	corpus=$build/corpus/$t
	rm -rf "$corpus"
	mkdir -p "$corpus"
	cp -R "$src/tests/fuzz/corpus/$t/." "$corpus/"
	if grep -q "^${t}[[:space:]]" "$src/tests/fuzz/seeds.list" &&
		! sh "$src/tests/fuzz/make-seeds.sh" "$src/tests/fuzz/seeds.list" "$src" "$t" \
			"$corpus" "$t-"; then
		echo "fuzz-$t: FAIL, cannot make the seeds of tests/fuzz/seeds.list"
		echo "$t fail" >> "$results"
		status=1
		continue
	fi
	dict=
	# the dictionary holds XML's words: the targets that read XML take it
	case $t in load|export|positioning|diff) dict=-dict=$src/tests/fuzz/cispref.dict ;; esac
	log=$build/fuzz_$t.log
	# -timeout: an input that takes FUZZ_TIMEOUT s is a finding (the largest seed takes
	# well under one, under the sanitizers); -max_len: room for the embedded referential
	# and then some.
	started=$(date +%s)
	# shellcheck disable=SC2086 # $dict is empty or one word
	# tests/lsan.supp: what libgettextpo's parser loses inside po_file_read() (fuzz_po)
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	LSAN_OPTIONS=suppressions=$src/tests/lsan.supp \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		"$exe" -max_total_time="$seconds" -timeout="$timeout" -max_len=131072 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" $dict "$corpus" \
		> "$log" 2>&1
	rc=$?
	elapsed=$(($(date +%s) - started))
	corpus_size=$(find "$corpus" -type f | wc -l)

	executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -n 1)
	cov=$(echo "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$done_line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	crashes=$(find "$build/artifacts" -type f -name "$t-*" | wc -l)
	summary="${executions:-0} executions in $elapsed s, coverage ${cov:-?} edges, ${ft:-?} features, corpus $corpus_size, $crashes crashes"
	if [ $rc -eq 0 ] && [ "$crashes" -eq 0 ]; then
		echo "fuzz-$t: pass, $summary"
		echo "$t pass" >> "$results"
	else
		# The report: the sanitizer's or libFuzzer's lines up to the artifact.
		grep -E 'ERROR|SUMMARY|runtime error|check failed|artifact|==[0-9]+==' "$log" | head -n 40
		echo "fuzz-$t: FAIL (exit $rc), $summary; log: $log"
		echo "$t fail" >> "$results"
		status=1
	fi
done
exit $status
