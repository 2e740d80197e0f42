#!/bin/bash
# bench/http/writes.sh — durable writes (issue 9): `POST /api/communications`
# from 32 connections, each request a new communication with its own
# summary, acknowledged only once its commit is on disk; writes/s and p99.
#
#   bench/http/writes.sh [BIN] [TARGET] [DURATION]
#       BIN       build/redress (default)
#       TARGET    a database target for --db; default: a fresh SQLite file
#                 with the demo data in a temporary directory. A given
#                 target must hold the demo data (`redress --db T demo`).
#   OLD_BIN=path  also runs an older binary on a copy of the same fresh
#                 database, in the same run (the "before" figure)
#   SERVERS=3     three `redress serve` behind an nginx balancer
#   SPREAD=1      each request on the next track (failure, client) of the
#                 demo, by ids, instead of all on failure 1 / Northwind
#   CONNS=32 WRK_THREADS=2 SERVE_THREADS=32
#
# Needs wrk and nginx (Debian: apt-get install wrk nginx-light). 127.0.0.1
# only, everything in a temporary directory, bounded by DURATION per run
# (+ a 120 s timeout). See bench/http/README.md.
set -eu
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-build/redress}")
TARGET=${2:-}
DUR=${3:-10s}
. bench/http/lib.sh

export REDRESS_NOW=2026-11-22T12:00:00Z
fresh=""
if [ -z "$TARGET" ]; then
  TARGET=$T/writes.db
  "$BIN" --db "$TARGET" demo --at "$REDRESS_NOW" >/dev/null
  fresh=$TARGET
fi
TOKEN=$("$BIN" --db "$TARGET" token create sam@provider.example --label bench 2>/dev/null)
[ -n "$TOKEN" ] || { echo "bench: cannot create a token on $TARGET (no demo data?)" >&2; exit 1; }

# SPREAD: the demo's tracks as "failure client" pairs, one a line.
TRACKS=""
if [ -n "${SPREAD:-}" ]; then
  TRACKS=$("$BIN" --db "$TARGET" impact list --json |
    python3 -c 'import json, sys; print(" ".join("%d:%d" % (i["failure_id"], i["client_id"]) for i in json.load(sys.stdin)))')
fi
export BENCH_TRACKS=$TRACKS

cat >"$T/post.lua" <<'LUA'
-- Each request a new communication with a summary of its own; with
-- BENCH_TRACKS ("f:c f:c …") on the next of those tracks, else on one.
local token = os.getenv("BENCH_TOKEN")
local tracks = {}
for f, c in string.gmatch(os.getenv("BENCH_TRACKS") or "", "(%d+):(%d+)") do
  tracks[#tracks + 1] = {f, c}
end
local n, threads = 0, 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function request()
  n = n + 1
  local where = '"failure": 1, "client": "Northwind Logistics"'
  if #tracks > 0 then
    local t = tracks[(n * 7 + tid) % #tracks + 1]
    where = string.format('"failure": %s, "client": %s', t[1], t[2])
  end
  local body = string.format('{%s, "kind": "progress", ' ..
    '"channel": "email", "summary": "bench write %d-%d"}', where, tid, n)
  return wrk.format("POST", "/api/communications",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
LUA

count() { # target: bench writes stored
  "$1" --db "$2" comm list --json 2>/dev/null | grep -c '"bench write ' || true
}

echo "== durable POST /api/communications, ${CONNS:-32} connections, $DUR, target ${2:-fresh SQLite}"
if [ -n "${OLD_BIN:-}" ] && [ -n "$fresh" ]; then
  OLD=$(realpath "$OLD_BIN")
  cp "$fresh" "$T/old.db"
  [ -f "$fresh-wal" ] && cp "$fresh-wal" "$T/old.db-wal"
  start_redress "$OLD" "$T/old.db" old
  BENCH_TOKEN=$TOKEN run_wrk "before: $OLD_BIN" -s "$T/post.lua" "$BASE"
  OLD_RPS=$LAST_RPS
  stop_redress
fi
start_redress "$BIN" "$TARGET" new
BENCH_TOKEN=$TOKEN run_wrk "after: group commit" -s "$T/post.lua" "$BASE"
NEW_RPS=$LAST_RPS
grep -E '^redress_write_' <(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/metrics") || true
stop_redress
[ -n "${OLD_RPS:-}" ] && awk -v a="$NEW_RPS" -v b="$OLD_RPS" 'BEGIN { if (b > 0) printf "after / before: %.1fx\n", a / b }'
echo "target: >= 2,000 writes/s with p99 <= 50 ms (SQLite)"
