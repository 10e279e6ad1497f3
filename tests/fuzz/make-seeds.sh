#!/bin/sh
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
# Write the seeds that seeds.list gives for one fuzz target: for each of its lines
# "TARGET BYTE FILE [NAME]", OUTDIR/PREFIX+NAME holds the byte BYTE (hex) and then the
# bytes of SRCDIR/FILE.
#
#   make-seeds.sh LIST SRCDIR TARGET OUTDIR [PREFIX]
#
# Exits 1, naming the line, when a byte is not two hex digits or a file cannot be read,
# and when the target has no seed in LIST (a name misspelt must not pass for a target
# without seeds).
set -eu
if [ $# -lt 4 ] || [ $# -gt 5 ]; then
	echo "usage: make-seeds.sh LIST SRCDIR TARGET OUTDIR [PREFIX]" >&2
	exit 2
fi
list=$1 src=$2 target=$3 out=$4 prefix=${5:-}
count=0
while read -r t byte file name; do
	[ "$t" = "$target" ] || continue
	case $byte in
	[0-9a-fA-F][0-9a-fA-F]) ;;
	*) echo "make-seeds.sh: $list: '$byte' is not a byte in hex ($t $byte $file)" >&2; exit 1 ;;
	esac
	if [ ! -f "$src/$file" ] || [ ! -r "$src/$file" ]; then
		echo "make-seeds.sh: $list: cannot read $src/$file" >&2
		exit 1
	fi
	seed=$out/$prefix${name:-${file##*/}}
	# printf turns "\ooo" (octal) into that byte, NUL included; the seed is written
	# aside and renamed, so that an interrupted run leaves no half seed.
	# shellcheck disable=SC2059 # the format is the byte's escape, made on purpose
	{ printf "\\$(printf %03o "0x$byte")" && cat "$src/$file"; } > "$seed.tmp" || exit 1
	mv "$seed.tmp" "$seed"
	count=$((count + 1))
done < "$list"
if [ "$count" -eq 0 ]; then
	echo "make-seeds.sh: $list has no seed for the target '$target'" >&2
	exit 1
fi
