#!/bin/bash
# bench/http/run.sh — HTTP throughput of `redress serve` next to nginx
# serving a static file of the same size, in the same run, on loopback.
#
#   bench/http/run.sh [PATH/TO/redress] [DURATION]    (defaults: build/redress, 10s)
#
# Needs wrk and nginx (Debian: apt-get install wrk nginx-light). Everything
# runs on 127.0.0.1 in a temporary directory and is stopped at the end; each
# wrk run is bounded by DURATION (+ a timeout). See bench/http/README.md.
set -eu
BIN=$(realpath "${1:-build/redress}")
DUR=${2:-10s}
CONNS=${CONNS:-32}
THREADS=${WRK_THREADS:-2}
command -v wrk >/dev/null || { echo "bench: wrk not found (apt-get install wrk)" >&2; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "bench: nginx not found (apt-get install nginx-light)" >&2; exit 2; }

T=$(mktemp -d /tmp/redress-bench.XXXXXX)
chmod 755 "$T"   # nginx workers run as another user and must read www/
SPID=""; NPID=""
cleanup() {
  [ -n "$SPID" ] && kill -TERM "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null || true
  [ -n "$NPID" ] && kill -QUIT "$NPID" 2>/dev/null && wait "$NPID" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT

export REDRESS_NOW=2026-11-22T12:00:00Z
DB=$T/bench.db
"$BIN" --db "$DB" demo --at "$REDRESS_NOW" >/dev/null
TOKEN=$("$BIN" --db "$DB" token create sam@provider.example 2>/dev/null)

"$BIN" --db "$DB" serve --listen 127.0.0.1:0 --access-log off >"$T/serve.out" 2>"$T/serve.err" &
SPID=$!
for _ in $(seq 50); do grep -q listening "$T/serve.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$T/serve.out")
[ -n "$PORT" ] || { echo "bench: server did not start: $(cat "$T/serve.err")" >&2; exit 1; }
BASE=http://127.0.0.1:$PORT
AUTH="Authorization: Bearer $TOKEN"

# nginx serves a copy of the dashboard JSON: same bytes, no work.
mkdir -p "$T/www" "$T/nginx"
curl -sf -H "$AUTH" "$BASE/api/clients/1/dashboard" >"$T/www/dashboard.json"
curl -sf -H "$AUTH" "$BASE/api/agenda" >"$T/www/agenda.json"
SIZE=$(stat -c %s "$T/www/dashboard.json")
AGENDA_SIZE=$(stat -c %s "$T/www/agenda.json")
NPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$T/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $T/nginx/body; proxy_temp_path $T/nginx/proxy;
  fastcgi_temp_path $T/nginx/fcgi; uwsgi_temp_path $T/nginx/uwsgi; scgi_temp_path $T/nginx/scgi;
  default_type application/json;
  server { listen 127.0.0.1:$NPORT; root $T/www; }
}
CONF
"$NGINX" -c "$T/nginx/nginx.conf" -p "$T/nginx" &
NPID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$NPORT/dashboard.json" >/dev/null && break; sleep 0.1; done

run() { # name, wrk args…
  local name=$1; shift
  timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$DUR" --latency "$@" >"$T/$name.txt" 2>&1 || true
  local rps p99
  rps=$(awk '/^Requests\/sec/ {print $2}' "$T/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$T/$name.txt")
  local errs; errs=$(grep -E "Non-2xx|Socket errors" "$T/$name.txt" | tr -s ' ' | tr '\n' ' ' || true)
  printf "%-34s %12s req/s   p99 %-9s %s\n" "$name" "${rps:-?}" "${p99:-?}" "$errs"
}

cat >"$T/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"failure": 1, "client": "Northwind Logistics", "kind": "progress", "channel": "email", "summary": "Benchmark progress update"}'
LUA

echo "redress bench: $(nproc) CPUs, $CONNS connections, $THREADS wrk threads, $DUR each"
echo "dashboard JSON $SIZE bytes, agenda JSON $AGENDA_SIZE bytes"
run "nginx static, dashboard size" "http://127.0.0.1:$NPORT/dashboard.json"
run "redress GET dashboard" -H "$AUTH" "$BASE/api/clients/1/dashboard"
run "nginx static, agenda size" "http://127.0.0.1:$NPORT/agenda.json"
run "redress GET agenda" -H "$AUTH" "$BASE/api/agenda"
run "redress POST communication" -s "$T/post.lua" -H "$AUTH" "$BASE/api/communications"
awk '/VmRSS|VmHWM/ {printf "server %s %s %s\n", $1, $2, $3}' "/proc/$SPID/status"
N=$("$BIN" --db "$DB" comm list --json | grep -c '"Benchmark progress update"' || true)
echo "communications written and durable: $N"
