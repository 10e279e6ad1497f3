#!/bin/sh
# Run every test: build with warnings as errors and run the suite, run it again under
# AddressSanitizer + UndefinedBehaviorSanitizer, and build the API documentation with
# Doxygen warnings as errors. Ends with one line: "N passed, N failed[, N skipped]".
set -u
cd "$(dirname "$0")/.."
status=0

step() {
	echo "== $*"
	"$@" || status=1
}

rm -rf build-test build-asan

step meson setup build-test -Dwerror=true -Ddocs=enabled
step meson test -C build-test --print-errorlogs --num-processes 2

step meson setup build-asan -Dwerror=true -Ddocs=disabled \
	-Db_sanitize=address,undefined -Db_lundef=false
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	step meson test -C build-asan --print-errorlogs --num-processes 2

step ninja -C build-test doc

# Add up both runs from meson's machine-readable logs.
python3 - build-test build-asan <<'PY'
import json, sys
passed = failed = skipped = 0
for build in sys.argv[1:]:
    try:
        with open(build + '/meson-logs/testlog.json') as log:
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
print('%d passed, %d failed%s' % (passed, failed, ', %d skipped' % skipped if skipped else ''))
PY
exit $status
