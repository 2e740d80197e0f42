#!/bin/sh
# bench/check/archive.sh — `redress check --archive mbox` on a ~50 MB mbox of
# realistic messages (gen_corpus.py --mbox: some MIME) against `wc -w` (C and
# C.UTF-8 locales) and GNU diction on the same file, one thread and --jobs 2,
# with peak RSS; a 10 MB archive shows memory is flat. See bench/check/README.md.
#
# usage: bench/check/archive.sh [BUILD_DIR] [MEGABYTES]
#   RUNS=3 (best of), DICTION_MB=1 (diction is slow: it reads a slice, its
#   time is scaled linearly), CORPUS_DIR=/tmp (generated archives are kept)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
mb=${2:-50}
dmb=${DICTION_MB:-1}
runs=${RUNS:-3}
cdir=${CORPUS_DIR:-${TMPDIR:-/tmp}}
box=$cdir/redress-check-archive-${mb}mb.mbox
small=$cdir/redress-check-archive-10mb.mbox
slice=$cdir/redress-check-archive-slice-${dmb}mb.mbox
[ -f "$box" ] || python3 "$here/gen_corpus.py" --mbox "$box" "$mb"
[ -f "$small" ] || python3 "$here/gen_corpus.py" --mbox "$small" 10
head -c $((dmb * 1048576)) "$box" > "$slice"
ninja -C "$build" >/dev/null
bin=$build/redress
bytes=$(wc -c < "$box")

# best of $runs by elapsed time: "elapsed user+sys maxrss_kb". A run that
# fails (exit status over 1: 1 is `redress check` finding errors, or
# `wc`/`diction` as they are) stops the bench, so that a command that did
# not run is never reported as the fastest.
best() {
	b=""
	i=0
	while [ $i -lt "$runs" ]; do
		st=0
		/usr/bin/time -f "%e %U %S %M" -o "$cdir/rd_time.$$" "$@" > /dev/null || st=$?
		if [ "$st" -gt 1 ]; then
			echo "archive.sh: '$*' failed (exit status $st)" >&2
			exit 1
		fi
		r=$(tail -n 1 "$cdir/rd_time.$$" | awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}')
		if [ -z "$b" ] || [ "$(echo "$r $b" | awk '{print ($1 < $4)}')" = 1 ]; then b=$r; fi
		i=$((i + 1))
	done
	rm -f "$cdir/rd_time.$$"
	echo "$b"
}
report() { # name "elapsed cpu rss"
	echo "$2" | awk -v n="$1" -v b="$bytes" \
		'{printf "%-36s %8.3f s  cpu %7.3f s  %7.1f MB/s  peak RSS %6.1f MB\n", n, $1, $2, b / 1048576 / $1, $3 / 1024}'
}

echo "archive: $box ($bytes bytes, $(grep -c '^From ' "$box") messages), $(nproc) cores"
"$bin" check --archive mbox "$box" | tail -n +1 | grep '^== summary' || true
one=$(best "$bin" check --archive mbox "$box")
two=$(best "$bin" check --archive mbox --jobs 2 "$box")
js=$(best "$bin" check --archive mbox --format json "$box")
sm=$(RUNS=1 best "$bin" check --archive mbox "$small")
wcc=$(best env LC_ALL=C wc -w "$box")
wcu=$(best env LC_ALL=C.UTF-8 wc -w "$box")
dic=$(RUNS=1 best diction -s "$slice")
scale=$(awk -v a="$bytes" -v b="$(wc -c < "$slice")" 'BEGIN {print a / b}')
dfull=$(echo "$dic" | awk -v s="$scale" '{printf "%.3f %.3f %d\n", $1 * s, $2 * s, $3}')
echo
report "check --archive mbox, 1 thread" "$one"
report "check --archive mbox, --jobs 2" "$two"
report "check --archive mbox --format json" "$js"
echo "$sm" | awk '{printf "%-36s %8.3f s  (10 MB archive)             peak RSS %6.1f MB\n", "check --archive mbox, 1 thread", $1, $3 / 1024}'
report "wc -w (LC_ALL=C)" "$wcc"
report "wc -w (LC_ALL=C.UTF-8)" "$wcu"
report "diction -s (${dmb} MB, scaled)" "$dfull"
echo
echo "$one $two $wcc $wcu $dfull" | awk '{
	printf "elapsed: check 1 thread / wc -w    C: %.2fx   C.UTF-8: %.2fx   (target <= 3x)\n", $1 / $7, $1 / $10;
	printf "elapsed: check --jobs 2 / wc -w    C: %.2fx   C.UTF-8: %.2fx\n", $4 / $7, $4 / $10;
	printf "cpu:     check 1 thread / wc -w    C: %.2fx   C.UTF-8: %.2fx\n", $2 / $8, $2 / $11;
	printf "diction / check: %.0fx (1 thread), %.0fx (--jobs 2)   (target >= 100x)\n", $13 / $1, $13 / $4;
}'
