#!/bin/sh
# bench/check/long_line.sh — the checker on one long findings-heavy line:
# CPU time of rd_check on 1 MB and 4 MB (best of RUNS), and their ratio
# (linear: about 4; the quadratic checker this replaced: 16 and more), in
# one process, in a new process per check (the word lists loaded first),
# and through `redress check` (a process per check, start-up included). With
# valgrind installed it also counts instructions for each size, a ratio the
# machine's load cannot blur. See bench/check/README.md.
#
# usage: bench/check/long_line.sh [BUILD_DIR]     RUNS=5 by default
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
runs=${RUNS:-5}
ninja -C "$build" >/dev/null
bin=$build/long_line_bench
cc -std=c11 -O2 -D_GNU_SOURCE -include "$root/include/redress/banned.h" \
	-I"$root/include" -I"$root/lib" "$here/long_line.c" "$build/libredress.a" \
	$(pkg-config --cflags --libs jansson sqlite3 libsodium libfyaml libical) -ldl -lpthread -lm \
	-o "$bin"
"$bin" "$runs"
# the same two texts through `redress check`, a new process per check
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" cli "$build/redress" "$tmp" "$runs"
if command -v valgrind > /dev/null; then
	ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 1 "$1" 2>&1 |
		awk '/refs:/ {gsub(",", "", $NF); print $NF}'; }
	i1=$(ir 1)
	i4=$(ir 4)
	echo "$i1 $i4" | awk '{printf "instructions: 1 MB %.0f, 4 MB %.0f, ratio %.2fx\n", $1, $2, $2 / $1}'
fi
