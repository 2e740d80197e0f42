# bench/http/lib.sh — what the issue-9 benchmarks (writes.sh, reads.sh)
# share: free ports, `redress serve` processes on a database target (one, or
# several behind an nginx balancer), nginx serving a static file, wrk runs,
# and stopping everything at the end. Sourced, not run. 127.0.0.1 only.

command -v wrk >/dev/null || { echo "bench: wrk not found (apt-get install wrk)" >&2; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "bench: nginx not found (apt-get install nginx-light)" >&2; exit 2; }

T=$(mktemp -d /tmp/redress-bench.XXXXXX)
chmod 755 "$T"   # nginx workers run as another user and must read www/
PIDS=""
cleanup() {
  for p in $PIDS; do kill -TERM "$p" 2>/dev/null || true; done
  for p in $PIDS; do wait "$p" 2>/dev/null || true; done
  rm -rf "$T"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# nginx in the foreground with its own config under $T/NAME; BODY is the
# config's server/upstream part. Prints nothing; waits until URL answers.
start_nginx() { # name, port, body, url-to-wait-for
  local name=$1 port=$2 body=$3 url=$4
  mkdir -p "$T/$name"
  cat >"$T/$name/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $T/$name/nginx.pid;
error_log $T/$name/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $T/$name/body; proxy_temp_path $T/$name/proxy;
  fastcgi_temp_path $T/$name/fcgi; uwsgi_temp_path $T/$name/uwsgi; scgi_temp_path $T/$name/scgi;
  default_type application/json;
  $body
}
CONF
  "$NGINX" -c "$T/$name/nginx.conf" -p "$T/$name" &
  PIDS="$PIDS $!"
  for _ in $(seq 100); do curl -s -o /dev/null "$url" && return 0; sleep 0.1; done
  echo "bench: nginx ($name) did not start: $(cat "$T/$name/error.log")" >&2
  exit 1
}

# Starts SERVERS (default 1) `redress serve` processes of BIN on TARGET with
# SERVE_THREADS workers each; with more than one, an nginx balancer in
# front. Sets BASE to the address to load, SERVE_PIDS to the processes.
start_redress() { # bin, target, name
  local bin=$1 target=$2 name=${3:-redress} n=${SERVERS:-1} ports="" i
  SERVE_PIDS=""
  for i in $(seq "$n"); do
    # Gone first: the shell truncates the file only once the background
    # job starts, so the wait below could read the "listening" line of an
    # earlier server of the same name (its port: wrk then loads a closed
    # port, "?" req/s) or find the file emptied between grep and sed ("did
    # not start") — both seen with writes.sh's cases reusing old/new.
    rm -f "$T/$name-$i.out" "$T/$name-$i.err"
    "$bin" --db "$target" serve --listen 127.0.0.1:0 --access-log off --threads "${SERVE_THREADS:-32}" \
      >"$T/$name-$i.out" 2>"$T/$name-$i.err" &
    SERVE_PIDS="$SERVE_PIDS $!"
    PIDS="$PIDS $!"
    for _ in $(seq 100); do grep -q listening "$T/$name-$i.out" 2>/dev/null && break; sleep 0.1; done
    local port
    port=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$T/$name-$i.out")
    [ -n "$port" ] || { echo "bench: server did not start: $(cat "$T/$name-$i.err")" >&2; exit 1; }
    ports="$ports $port"
  done
  if [ "$n" -eq 1 ]; then
    BASE=http://127.0.0.1:${ports# }
    return
  fi
  local lb ups=""
  lb=$(free_port)
  for p in $ports; do ups="$ups server 127.0.0.1:$p;"; done
  start_nginx "$name-lb" "$lb" "upstream redress { $ups keepalive 64; }
  server { listen 127.0.0.1:$lb; location / { proxy_pass http://redress; proxy_http_version 1.1;
    proxy_set_header Connection \"\"; proxy_set_header Host \$host; } }" "http://127.0.0.1:$lb/healthz"
  BASE=http://127.0.0.1:$lb
}

stop_redress() {
  local p
  for p in $SERVE_PIDS; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  SERVE_PIDS=""
}

# One wrk run: NAME, then wrk's arguments. Prints requests/s, p99 and any
# non-2xx or socket errors; the full output stays in $T/wrk-NAME.txt.
run_wrk() {
  local name=$1; shift
  local out
  out=$T/wrk-$(printf '%s' "$name" | tr -c 'A-Za-z0-9' _).txt
  timeout 120 wrk -t"${WRK_THREADS:-2}" -c"${CONNS:-32}" -d"${DUR:-10s}" --latency "$@" >"$out" 2>&1 || true
  local rps p99 errs
  rps=$(awk '/^Requests\/sec/ {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errs=$(grep -E "Non-2xx|Socket errors" "$out" | tr -s ' ' | tr '\n' ' ' || true)
  printf "%-44s %10s req/s   p99 %-9s %s\n" "$name" "${rps:-?}" "${p99:-?}" "$errs"
  LAST_RPS=${rps:-0}
}
