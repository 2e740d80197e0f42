#!/bin/sh
# bench/check/run.sh — times the message checker on a ~50 MB corpus against
# `wc -w` and GNU diction on the same file. See bench/check/README.md.
#
# usage: bench/check/run.sh [BUILD_DIR] [MEGABYTES]
#   BUILD_DIR  a configured meson build of this repo (default: build)
#   MEGABYTES  corpus size (default 50); the corpus is cached in $CORPUS_DIR
#   DICTION_MB slice of the corpus given to diction (default 2; it is slow),
#              its time is scaled up linearly to the full corpus
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
mb=${2:-50}
dmb=${DICTION_MB:-2}
cdir=${CORPUS_DIR:-${TMPDIR:-/tmp}}
corpus=$cdir/redress-check-corpus-${mb}mb.txt
slice=$cdir/redress-check-corpus-slice-${dmb}mb.txt

[ -f "$corpus" ] || python3 "$here/gen_corpus.py" "$corpus" "$mb"
head -c $((dmb * 1048576)) "$corpus" > "$slice"
ninja -C "$build" >/dev/null
bench=$build/check_bench
# the driver links the project's static library and its dependencies
cc -std=c11 -O2 -D_GNU_SOURCE -include "$root/include/redress/banned.h" \
	-I"$root/include" -I"$root/lib" "$here/check_bench.c" "$build/libredress.a" \
	$(pkg-config --cflags --libs jansson sqlite3 libsodium libfyaml libical) -lpthread -lm \
	-o "$bench"

bytes=$(wc -c < "$corpus")
runs=${RUNS:-3}
# best of $runs: "elapsed user+sys maxrss_kb"
best() {
	b=""
	i=0
	while [ $i -lt "$runs" ]; do
		/usr/bin/time -f "%e %U %S %M" -o "$cdir/rd_time.$$" "$@" > /dev/null
		r=$(awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$cdir/rd_time.$$")
		if [ -z "$b" ] || [ "$(echo "$r $b" | awk '{print ($1 < $4)}')" = 1 ]; then b=$r; fi
		i=$((i + 1))
	done
	rm -f "$cdir/rd_time.$$"
	echo "$b"
}

cores=$(nproc 2>/dev/null || echo 1)
echo "corpus: $corpus ($bytes bytes, $(grep -c '^---$' "$corpus") separators), $cores cores"
"$bench" "$corpus" plan Europe/Berlin "$cores"
chk1=$(best "$bench" "$corpus" plan Europe/Berlin 1)
chk=$(best "$bench" "$corpus" plan Europe/Berlin "$cores")
chk_other=$(best "$bench" "$corpus" other UTC 1)
wcc=$(best env LC_ALL=C wc -w "$corpus")
wcu=$(best env LC_ALL=C.UTF-8 wc -w "$corpus")
if command -v diction > /dev/null; then
	dic=$(RUNS=1 best diction -s "$slice")
else
	dic=""
fi

report() { # name "elapsed cpu rss"
	echo "$2" | awk -v n="$1" -v b="$bytes" \
		'{printf "%-34s %8.3f s  cpu %7.3f s  %7.1f MB/s  peak RSS %6.1f MB\n", n, $1, $2, b / 1048576 / $1, $3 / 1024}'
}
echo
report "check plan/Berlin, 1 thread" "$chk1"
report "check plan/Berlin, $cores threads" "$chk"
report "check other/UTC, 1 thread" "$chk_other"
report "wc -w (LC_ALL=C)" "$wcc"
report "wc -w (LC_ALL=C.UTF-8)" "$wcu"
if [ -n "$dic" ]; then
	scale=$(awk -v a="$bytes" -v b="$(wc -c < "$slice")" 'BEGIN {print a / b}')
	dfull=$(echo "$dic" | awk -v s="$scale" '{printf "%.3f %.3f %d\n", $1 * s, $2 * s, $3}')
	report "diction -s (${dmb} MB, scaled)" "$dfull"
fi
echo
echo "$chk $wcc $wcu ${dfull:-} $chk1" | awk -v c="$cores" '{
	n = NF; o = (NF >= 15) ? 12 : 9;   # where the 1-thread figures start
	printf "elapsed: check (%d threads) / wc -w   C: %.2fx   C.UTF-8: %.2fx   (target <= 4x)\n", c, $1 / $4, $1 / $7;
	printf "elapsed: check (1 thread)  / wc -w   C: %.2fx   C.UTF-8: %.2fx\n", $(o+1) / $4, $(o+1) / $7;
	printf "cpu:     check (1 thread)  / wc -w   C: %.2fx   C.UTF-8: %.2fx\n", $(o+2) / $5, $(o+2) / $8;
	if (NF >= 15) printf "diction / check: elapsed %.0fx (%d threads), %.0fx (1 thread)   (target >= 50x)\n", $10 / $1, c, $10 / $(o+1);
}'
