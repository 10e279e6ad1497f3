#!/bin/sh
# Build a program against cispref as its users do, then run it.
#   run.sh subproject SOURCE_ROOT WORK_DIR   meson project with cispref as a subproject
#   run.sh pkgconfig SOURCE_ROOT WORK_DIR    meson install into a prefix, then cc + pkg-config
set -eu
mode=$1 source_root=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
expected="competences"

case $mode in
subproject)
	cp -r "$source_root/tests/consumers/subproject" "$work/project"
	cp "$source_root/tests/consumers/consumer.c" "$work/consumer.c"
	mkdir -p "$work/project/subprojects"
	ln -s "$source_root" "$work/project/subprojects/cispref"
	meson setup "$work/build" "$work/project" >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
	ninja -C "$work/build" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
	out=$("$work/build/consumer")
	;;
pkgconfig)
	prefix="$work/prefix"
	meson setup "$work/cispref-build" "$source_root" --prefix="$prefix" --libdir=lib \
		-Dtests=disabled -Ddocs=disabled >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
	meson install -C "$work/cispref-build" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
	export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
	test -f "$prefix/share/cispref/accompagnement-cisp.xml"
	test -f "$prefix/share/man/man1/cispref.1"
	cc -o "$work/consumer" "$source_root/tests/consumers/consumer.c" $(pkg-config --cflags --libs cispref)
	out=$(LD_LIBRARY_PATH="$prefix/lib" "$work/consumer")
	# The static archive with what cispref.pc says it needs (Requires.private).
	cc -o "$work/consumer-static" "$source_root/tests/consumers/consumer.c" \
		$(pkg-config --cflags cispref) $(pkg-config --static --libs cispref | sed 's/-lcispref/-l:libcispref.a/')
	out_static=$("$work/consumer-static")
	[ "$out" = "$out_static" ] || { echo "static: $out_static, shared: $out"; exit 1; }
	;;
*)
	echo "usage: run.sh subproject|pkgconfig SOURCE_ROOT WORK_DIR" >&2
	exit 2
	;;
esac

echo "$out"
case $out in
"cispref "*": 21 $expected") ;;
*) echo "unexpected output: $out" >&2; exit 1 ;;
esac
rm -rf "$work"
