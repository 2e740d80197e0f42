#!/usr/bin/env bash
# The fuzz suite of `make test`: builds the libFuzzer targets in their own
# clang build dir (-Dfuzz=true) and runs each for a bounded time, two at a
# time, on a fresh copy of its seed corpus (tests/fuzz/corpus/<target>/, never
# grown by a run). Any crash, leak, timeout or sanitizer report fails the
# target: its input is printed in base64 and kept under the build dir. A
# tests/fuzz/<target>.dict, if there, is the target's libFuzzer dictionary.
# Ends with "fuzz: N passed, N failed", one per target.
#
#   tests/fuzz/run.sh                 every target, FUZZ_TIME seconds each (20)
#   FUZZ_TIME=300 tests/fuzz/run.sh time extract    longer, some targets only
set -u
cd "$(dirname "$0")/../.."
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
FUZZ_TIME=${FUZZ_TIME:-20}
FUZZ_PAR=${FUZZ_PAR:-2}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check mustache policy body time extract archive mail)

# Per target: the longest input worth trying (bytes).
max_len() {
  case "$1" in
    policy) echo 16384 ;;
    time) echo 64 ;;
    *) echo 4096 ;;
  esac
}

if [ ! -f "$FUZZ_BUILD/build.ninja" ]; then
  log=$(mktemp)
  CC=clang meson setup "$FUZZ_BUILD" -Dfuzz=true -Db_lundef=false > "$log" 2>&1 ||
    { cat "$log"; rm -f "$log"; echo "fuzz: 0 passed, ${#targets[@]} failed"; exit 1; }
  rm -f "$log"
fi
exes=()
for t in "${targets[@]}"; do exes+=("tests/fuzz/${t}_fuzz"); done
if ! ninja -C "$FUZZ_BUILD" "${exes[@]}" > "$FUZZ_BUILD/fuzz-build.log" 2>&1; then
  tail -n 40 "$FUZZ_BUILD/fuzz-build.log"
  echo "fuzz: 0 passed, ${#targets[@]} failed"
  exit 1
fi

runs="$FUZZ_BUILD/fuzz-run"
# libFuzzer's own defaults for leaks and aborts, not the caller's.
unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Runs target $1 in $runs/$1/: corpus/ (a copy of the seeds), log, crash-*.
run_one() {
  local t=$1 dir="$runs/$1"
  rm -rf "$dir"
  mkdir -p "$dir/corpus"
  cp tests/fuzz/corpus/"$t"/* "$dir/corpus/"
  local dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  "$FUZZ_BUILD/tests/fuzz/${t}_fuzz" -max_total_time="$FUZZ_TIME" -timeout=10 \
    -max_len="$(max_len "$t")" -artifact_prefix="$dir/" -print_final_stats=1 "${dict[@]}" \
    "$dir/corpus" > "$dir/log" 2>&1
  echo $? > "$dir/rc"
}

# Two at a time: the machine's cores, not more.
pids=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$FUZZ_PAR" ]; then
    wait "${pids[0]}"
    pids=("${pids[@]:1}")
  fi
done
wait

passed=0
failed=0
for t in "${targets[@]}"; do
  dir="$runs/$t"
  rc=$(cat "$dir/rc" 2>/dev/null || echo 1)
  found=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' \) | sort)
  runs_done=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$dir/log" | tail -n 1)
  if [ "$rc" -eq 0 ] && [ -z "$found" ] && ! grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$dir/log"; then
    echo "ok    $t (${runs_done:-?} inputs in ${FUZZ_TIME}s)"
    passed=$((passed + 1))
    continue
  fi
  failed=$((failed + 1))
  echo "FAIL  $t (exit $rc) — log: $dir/log"
  grep -m 1 -B 2 -A 30 -E 'ERROR: |runtime error:|^body_fuzz:|^extract |^input ' "$dir/log" | head -n 40
  for f in $found; do
    echo "  input kept at $f; base64:"
    base64 -w 76 "$f" | sed 's/^/    /'
    echo "  replay: $FUZZ_BUILD/tests/fuzz/${t}_fuzz $f"
  done
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
