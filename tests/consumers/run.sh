#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# Build a program against cispref as its users do, then run it.
#   run.sh subproject SOURCE_ROOT WORK_DIR         meson project with cispref as a subproject
#   run.sh subproject-static SOURCE_ROOT WORK_DIR  the same, the parent choosing static libraries
#   run.sh pkgconfig SOURCE_ROOT WORK_DIR          meson install into a prefix, then cc + pkg-config
set -eu
mode=$1 source_root=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
expected="competences"

fail() {
	echo "$mode: $*" >&2
	exit 1
}

# run LOG COMMAND...: runs the command, its output in $work/LOG, shown if it fails.
run() {
	log=$work/$1
	shift
	"$@" >"$log" 2>&1 || { cat "$log"; fail "failed: $*"; }
}

# The files under a directory, one path a line relative to it.
files_under() {
	(cd "$1" && find . ! -type d | sed 's|^\./||' | sort)
}

case $mode in
subproject|subproject-static)
	cp -r "$source_root/tests/consumers/subproject" "$work/project"
	cp "$source_root/tests/consumers/consumer.c" "$work/consumer.c"
	mkdir -p "$work/project/subprojects"
	ln -s "$source_root" "$work/project/subprojects/cispref"
	build=$work/build
	if [ "$mode" = subproject-static ]; then
		run setup.log meson setup "$build" "$work/project" -Ddefault_library=static
	else
		run setup.log meson setup "$build" "$work/project"
	fi
	run build.log ninja -C "$build"
	out=$(env -u LD_LIBRARY_PATH "$build/consumer")

	# Nothing but the library is built, nor even defined: no tool, module, example,
	# benchmark, test or documentation of cispref.
	ninja -C "$build" -t targets all >"$work/targets"
	extra=$(grep -E '^subprojects/cispref/(tools|tests|examples|bench|bindings|doc)/' "$work/targets" || true)
	[ -z "$extra" ] || fail "the subproject defines more than its library: $extra"
	grep -q '^subprojects/cispref/lib/libcispref\.' "$work/targets" || fail "no libcispref target"

	# The parent installs its program; of cispref, nothing unless the parent asks.
	run install.log meson install -C "$build" --destdir "$work/dest"
	installed=$(files_under "$work/dest")
	[ "$installed" = "usr/local/bin/consumer" ] || fail "installed more than the parent's program: $installed"

	if [ "$mode" = subproject-static ]; then
		# The archive is linked in: the program needs no libcispref.so, even installed.
		if ldd "$build/consumer" | grep libcispref; then fail "libcispref.so in ldd"; fi
		installed_out=$(env -u LD_LIBRARY_PATH "$work/dest/usr/local/bin/consumer")
		[ "$installed_out" = "$out" ] || fail "installed: $installed_out, built: $out"
	else
		ldd "$build/consumer" | grep -q 'libcispref\.so\.1 => ' || fail "not linked with libcispref.so.1"
		# Asked, it installs the library, its headers and cispref.pc (not the tool).
		run configure.log meson configure "$build" -Dcispref:install=enabled
		run install-asked.log meson install -C "$build" --destdir "$work/dest-asked"
		for f in include/cispref/cispref.h include/cispref/version.h share/cispref/accompagnement-cisp.xml; do
			[ -f "$work/dest-asked/usr/local/$f" ] || fail "asked to install, it did not install $f"
		done
		files_under "$work/dest-asked" | grep -q '/libcispref\.so\.1$' || fail "asked to install, no libcispref.so.1"
		files_under "$work/dest-asked" | grep -q '/pkgconfig/cispref\.pc$' || fail "asked to install, no cispref.pc"
		if files_under "$work/dest-asked" | grep -E 'bin/cispref$|man1/cispref\.1$'; then
			fail "the tool is installed though not built"
		fi
	fi
	;;
pkgconfig)
	# A prefix of the user's, with Debian's multiarch library directory: two levels below
	# the prefix, which the installed tool's relative rpath has to climb.
	prefix=$work/prefix
	libdir=lib/x86_64-linux-gnu
	run setup.log meson setup "$work/cispref-build" "$source_root" --prefix="$prefix" \
		--libdir="$libdir" -Ddefault_library=both -Dtests=disabled
	run install.log meson install -C "$work/cispref-build"
	unset LD_LIBRARY_PATH
	export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"

	# The installed tool finds the library by itself.
	run validate.log "$prefix/bin/cispref" validate
	readelf -d "$prefix/bin/cispref" | grep -qF "[\$ORIGIN/../$libdir]" ||
		fail "no \$ORIGIN rpath: $(readelf -d "$prefix/bin/cispref" | grep -E 'RPATH|RUNPATH')"

	# The installed Python module (when the build made one: Python's headers found) needs
	# no library path either: libcispref is linked into it. Its directory is given to the
	# interpreter the way a site's configuration would, not through the environment.
	module=$(find "$prefix" -name '_cispref*.so' | head -n 1)
	if [ -n "$module" ]; then
		site=$(dirname "$(dirname "$module")")
		domains=$(env -u PYTHONPATH python3 -c "import sys; sys.path.insert(0, sys.argv[1]); \
import cispref; print(len(cispref.default().domains))" "$site") || fail "the installed module does not import"
		[ "$domains" = 5 ] || fail "the installed module sees $domains domains"
		if ldd "$module" | grep -F libcispref; then fail "the module links libcispref.so"; fi
	fi

	# Only cispref's include directory: its headers include no dependency's.
	cflags=$(pkg-config --cflags cispref)
	[ "$(echo $cflags)" = "-I$prefix/include" ] || fail "pkg-config --cflags: $cflags"

	# Where the data files are: datadir, pkgdatadir, and the man page's FILES.
	[ "$(pkg-config --variable=datadir cispref)" = "$prefix/share" ] ||
		fail "datadir: $(pkg-config --variable=datadir cispref)"
	pkgdatadir=$(pkg-config --variable=pkgdatadir cispref)
	[ "$pkgdatadir" = "$prefix/share/cispref" ] || fail "pkgdatadir: $pkgdatadir"
	cmp "$pkgdatadir/accompagnement-cisp.xml" "$source_root/data/accompagnement-cisp.xml"
	man_page=$prefix/share/man/man1/cispref.1
	grep -qxF ".ds Pd $prefix/share/cispref" "$man_page" || fail "the man page does not name $prefix/share/cispref"
	if grep -F /usr/local/share "$man_page"; then fail "the man page names /usr/local/share"; fi

	# The documentation; the API reference when Doxygen is there to build it.
	for f in format.md architecture.md; do
		cmp "$prefix/share/doc/cispref/$f" "$source_root/doc/$f"
	done
	# ... and the licences: the code's and the notice of the referential's text.
	cmp "$prefix/share/doc/cispref/LICENSE" "$source_root/LICENSE"
	cmp "$prefix/share/doc/cispref/LicenseRef-Interfede-Cahier.txt" \
		"$source_root/LICENSES/LicenseRef-Interfede-Cahier.txt"
	if command -v doxygen >/dev/null; then
		[ -f "$prefix/share/doc/cispref/html/index.html" ] || fail "no share/doc/cispref/html/index.html"
	fi

	# A program of the user's, with the shared library (an rpath, as README says) ...
	cc -o "$work/consumer" "$source_root/tests/consumers/consumer.c" \
		$(pkg-config --cflags --libs cispref) -Wl,-rpath,"$prefix/$libdir"
	out=$("$work/consumer")
	ldd "$work/consumer" | grep -qF "$prefix/$libdir/libcispref.so.1" || fail "not linked with the installed libcispref.so.1"
	# ... and with the static archive and what cispref.pc says it needs (Libs.private).
	cc -o "$work/consumer-static" "$source_root/tests/consumers/consumer.c" \
		$(pkg-config --cflags cispref) $(pkg-config --static --libs cispref | sed 's/-lcispref/-l:libcispref.a/')
	if ldd "$work/consumer-static" | grep libcispref; then fail "libcispref.so in ldd of the static program"; fi
	out_static=$("$work/consumer-static")
	[ "$out" = "$out_static" ] || fail "static: $out_static, shared: $out"

	# The prefix moves: the tool still finds its library.
	mv "$prefix" "$work/moved"
	run validate-moved.log "$work/moved/bin/cispref" validate
	;;
*)
	echo "usage: run.sh subproject|subproject-static|pkgconfig SOURCE_ROOT WORK_DIR" >&2
	exit 2
	;;
esac

echo "$out"
case $out in
"cispref "*": 21 $expected") ;;
*) echo "unexpected output: $out" >&2; exit 1 ;;
esac
rm -rf "$work"
