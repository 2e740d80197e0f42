#!/bin/bash
# bench/http/reads.sh — uncached reads (issue 9): `GET /api/clients/{id}/dashboard`
# over 10,000 clients, each request a different client, next to nginx
# serving a static file of the size of a typical dashboard, in the same run.
#
#   bench/http/reads.sh [BIN] [TARGET] [DURATION]
#       BIN       build/redress (default)
#       TARGET    a database target for --db; default: a fresh SQLite file
#                 loaded from bench/http/gen.sql. A given target must hold
#                 that data set (load gen.sql into it: sqlite3 or psql).
#   SERVERS=3     three `redress serve` behind an nginx balancer
#   CONNS=32 WRK_THREADS=2 SERVE_THREADS (default: the server's own)
#
# The response cache (src/server/cache.c) cannot serve these: its key holds
# the path, so each client id is its own key, and wrk's threads walk all
# 10,000 ids before one comes back — more than a second later, and the key
# also holds the second (the clock is not pinned here) — through 64 slots
# that 10,000 keys keep overwriting. The same run also measures one client
# over and over (cached) for comparison. Needs wrk, nginx, sqlite3.
set -eu
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-build/redress}")
TARGET=${2:-}
DUR=${3:-10s}
SERVE_THREADS=${SERVE_THREADS:-0}
. bench/http/lib.sh

if [ -z "$TARGET" ]; then
  TARGET=$T/reads.db
  "$BIN" --db "$TARGET" init >/dev/null
  sed "s/:now/$(date -u +%s)/g" bench/http/gen.sql | sqlite3 "$TARGET"
  "$BIN" --db "$TARGET" refresh >/dev/null
fi
TOKEN=$("$BIN" --db "$TARGET" token create agent1@provider.example --label bench 2>/dev/null)
[ -n "$TOKEN" ] || { echo "bench: cannot create a token on $TARGET (no data set?)" >&2; exit 1; }
[ "$SERVE_THREADS" = 0 ] && unset SERVE_THREADS
start_redress "$BIN" "$TARGET" reads
AUTH="Authorization: Bearer $TOKEN"

# A typical dashboard: the median size over 50 clients spread over the ids.
mkdir -p "$T/www"
for id in $(seq 1 200 10000); do
  curl -sf -H "$AUTH" "$BASE/api/clients/$id/dashboard" | wc -c
done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }' >"$T/size"
SIZE=$(cat "$T/size")
head -c "$SIZE" /dev/zero | tr '\0' 'x' >"$T/www/dashboard.json"
NPORT=$(free_port)
start_nginx static "$NPORT" "server { listen 127.0.0.1:$NPORT; root $T/www; }" \
  "http://127.0.0.1:$NPORT/dashboard.json"

cat >"$T/cycle.lua" <<'LUA'
-- Each request the next client: thread k starts at its own offset and
-- steps through every id, so no id repeats until all 10,000 have been read.
local token = os.getenv("BENCH_TOKEN")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local i = nil
function request()
  if not i then i = (tid - 1) * 5003 end
  i = i + 1
  return wrk.format("GET", "/api/clients/" .. (i % 10000 + 1) .. "/dashboard",
    {["Authorization"] = "Bearer " .. token})
end
LUA

echo "== uncached GET /api/clients/{id}/dashboard over 10,000 clients, ${CONNS:-32} connections, $DUR"
echo "(typical dashboard: $SIZE bytes, the median of 50 clients)"
run_wrk "nginx static, $SIZE B" "http://127.0.0.1:$NPORT/dashboard.json"
NGX=$LAST_RPS
BENCH_TOKEN=$TOKEN run_wrk "redress dashboard, every request a new client" -s "$T/cycle.lua" "$BASE"
RD=$LAST_RPS
run_wrk "redress dashboard, one client (cached)" -H "$AUTH" "$BASE/api/clients/1/dashboard"
awk -v a="$RD" -v b="$NGX" 'BEGIN { if (b > 0) printf "uncached / nginx: %.2f (target >= 0.5)\n", a / b }'
