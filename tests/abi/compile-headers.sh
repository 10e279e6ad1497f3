#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# Every public header compiles on its own, as C99 and as C++, under strict warnings: it
# includes what it needs and uses nothing beyond the standard.
#   compile-headers.sh CC SOURCE_INCLUDE_DIR BUILD_INCLUDE_DIR HEADER...
set -eu
cc=$1 source_include=$2 build_include=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for header in "$@"; do
	name=$(basename "$header")
	# Sub-headers refuse to be included directly; the umbrella's guard lets them in.
	if [ "$name" = cispref.h ]; then
		printf '#include <cispref/cispref.h>\n' > "$work/t.c"
	else
		printf '#define CISPREF_H_INSIDE\n#include <cispref/%s>\n' "$name" > "$work/t.c"
	fi
	cp "$work/t.c" "$work/t.cpp"
	"$cc" -std=c99 -Wall -Wextra -pedantic -Werror -I"$source_include" -I"$build_include" \
		-c "$work/t.c" -o "$work/t.o" || { echo "FAIL: $name as C99"; exit 1; }
	if command -v c++ >/dev/null 2>&1; then
		c++ -std=c++11 -Wall -Wextra -pedantic -Werror -I"$source_include" -I"$build_include" \
			-c "$work/t.cpp" -o "$work/t.o" || { echo "FAIL: $name as C++"; exit 1; }
	fi
	echo "ok: $name"
done
# A sub-header included directly must stop the build with a clear message.
printf '#include <cispref/model.h>\n' > "$work/direct.c"
if "$cc" -I"$source_include" -I"$build_include" -c "$work/direct.c" -o "$work/t.o" 2>"$work/err"; then
	echo "FAIL: <cispref/model.h> included directly compiled"
	exit 1
fi
grep -q 'Only <cispref/cispref.h> can be included directly' "$work/err"
echo "ok: direct inclusion refused"
