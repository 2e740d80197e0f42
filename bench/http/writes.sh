#!/bin/bash
# bench/http/writes.sh — durable writes (issue 9): `POST /api/communications`
# from 32 connections, each request a new communication acknowledged only
# once its commit is on disk; writes/s, p99 and writes per fsync. Two runs:
# many tracks (what 32 account managers meet) and one track (the worst case).
#
#   bench/http/writes.sh [BIN] [TARGET] [DURATION]
#       BIN       build/redress (default)
#       TARGET    a database target for --db; default: a fresh SQLite file
#                 loaded from bench/http/gen.sql. A given target must hold
#                 that data set (load gen.sql into it: sqlite3 or psql).
#   OLD_BIN=path  also runs an older binary on a copy of the same fresh
#                 database, in the same run, before each of ours (A/B); the
#                 OLD binary creates and loads that database, and ours
#                 migrates its own copy before the run, so both start from
#                 the same schema history (an old binary refuses a newer
#                 schema)
#   SERVERS=3     three `redress serve` behind an nginx balancer
#   CONNS=32 WRK_THREADS=2 SERVE_THREADS=32
#
# Needs wrk, nginx and sqlite3 (Debian: apt-get install wrk nginx-light
# sqlite3). 127.0.0.1 only, everything in a temporary directory, bounded by
# DURATION per run (+ a 120 s timeout). See bench/http/README.md.
set -eu
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-build/redress}")
TARGET=${2:-}
DUR=${3:-10s}
. bench/http/lib.sh

OLD=""
[ -n "${OLD_BIN:-}" ] && OLD=$(realpath "$OLD_BIN")
# A fresh SQLite database is made once by the oldest binary of the run and
# copied for each run (both cases start from the same data).
fresh=""
if [ -z "$TARGET" ]; then
  maker=${OLD:-$BIN}
  fresh=$T/fresh.db
  "$maker" --db "$fresh" init >/dev/null
  sed "s/:now/$(date -u +%s)/g" bench/http/gen.sql | sqlite3 "$fresh"
  "$maker" --db "$fresh" refresh >/dev/null
  TOKEN=$("$maker" --db "$fresh" token create agent1@provider.example --label bench 2>/dev/null)
  sqlite3 "$fresh" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null # the file alone is the database
else
  TOKEN=$("$BIN" --db "$TARGET" token create agent1@provider.example --label bench 2>/dev/null)
fi
[ -n "$TOKEN" ] || { echo "bench: cannot create a token on ${TARGET:-$fresh} (no data set?)" >&2; exit 1; }

# A copy of the fresh database at $1, brought to BIN $2's schema.
fresh_copy() {
  rm -f "$1" "$1-wal" "$1-shm"
  cp "$fresh" "$1"
  "$2" --db "$1" init >/dev/null
}

# gen.sql's impacts: failure f affects clients (f-1)*5+1 .. (f-1)*5+5, so
# impact i (0..9999) is the track (i/5 + 1, i + 1); failures above 1900 are
# still open (a progress update), the others resolved (a follow-up).
cat >"$T/many.lua" <<'LUA'
-- Each request a new communication on the next track: thread k starts at
-- its own offset and walks all 10,000 tracks, like 32 account managers
-- each logging for their own clients.
local token = os.getenv("BENCH_TOKEN")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local i, n = nil, 0
function request()
  if not i then i = (tid - 1) * 5003 end
  i, n = i + 1, n + 1
  local t = i % 10000
  local f = math.floor(t / 5) + 1
  local body = string.format('{"failure": %d, "client": %d, "kind": "%s", "channel": "email", ' ..
    '"summary": "bench write %d-%d"}', f, t + 1, f > 1900 and "progress" or "follow_up", tid, n)
  return wrk.format("POST", "/api/communications",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
LUA
# One track only (failure 2000, client 9996, open): every write lands on the
# same track, whose history grows by thousands of communications per run.
cat >"$T/one.lua" <<'LUA'
local token = os.getenv("BENCH_TOKEN")
local n, threads = 0, 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function request()
  n = n + 1
  local body = string.format('{"failure": 2000, "client": 9996, "kind": "progress", ' ..
    '"channel": "email", "summary": "bench write %d-%d"}', tid, n)
  return wrk.format("POST", "/api/communications",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
LUA

# The server's group-commit counters: writes per durable commit (fsync).
per_fsync() {
  curl -s -H "Authorization: Bearer $TOKEN" "$BASE/metrics" |
    awk '/^redress_write_commits_total/ { c = $2 } /^redress_write_members_total/ { m = $2 }
         END { if (c > 0) printf "%52s %d writes / %d commits = %.1f writes per fsync\n", "", m, c, m / c }'
}

# One scenario: NAME LUA, with the old binary first; each on its own copy
# of the fresh database (same data).
scenario() {
  local name=$1 lua=$2 db=$TARGET
  if [ -n "$OLD" ] && [ -n "$fresh" ]; then
    fresh_copy "$T/old.db" "$OLD"
    start_redress "$OLD" "$T/old.db" old
    BENCH_TOKEN=$TOKEN run_wrk "before, $name" -s "$lua" "$BASE"
    per_fsync
    stop_redress
  fi
  if [ -n "$fresh" ]; then
    db=$T/new.db
    fresh_copy "$db" "$BIN"
  fi
  start_redress "$BIN" "$db" new
  BENCH_TOKEN=$TOKEN run_wrk "after, $name" -s "$lua" "$BASE"
  per_fsync
  stop_redress
}

echo "== durable POST /api/communications, ${CONNS:-32} connections, $DUR each, target ${2:-fresh SQLite (gen.sql)}"
scenario "10,000 tracks" "$T/many.lua"
scenario "one track" "$T/one.lua"
echo "target: >= 2,000 writes/s with p99 <= 50 ms (SQLite), on the 10,000 tracks"
