#!/usr/bin/env bash
# Foundation benchmarks (issue 2); see bench/README.md.
#  1. N `redress log` writes (one process each, process start included) into a
#     database holding 10,000 clients, next to the sqlite3 shell inserting the
#     same rows (the communication and its audit-log row), one transaction per
#     process, with the same durability settings (WAL, synchronous=FULL).
#  2. `redress client list --json` over 100,000 clients.
# usage: bench/foundation/run.sh [BUILD_DIR] [N_WRITES]
set -eu
BUILD=${1:-build}
N=${2:-10000}
R=$(realpath "$BUILD/redress")
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
now=$(date -u +%s)

# Bulk-loads COUNT clients, one failure hitting all of them, through SQL
# (set-up is not what is measured).
load() {
  local db=$1 count=$2
  "$R" --db "$db" init > /dev/null
  sqlite3 "$db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
INSERT INTO clients (name, tier, value_cents, currency, tz, created_at)
  SELECT printf('Client %06d', i), CASE WHEN i % 10 = 0 THEN 'key' ELSE 'standard' END,
         100000 * (i % 50 + 1), 'EUR', 'Europe/Berlin', $now FROM n;
INSERT INTO failures (title, severity, status, detected_at, created_at)
  VALUES ('Benchmark outage', 2, 'open', $now - 3600, $now);
INSERT INTO impacts (failure_id, client_id, affected, created_at)
  SELECT 1, id, 'yes', $now FROM clients;
COMMIT;
SQL
}

secs() { date +%s.%N; }

echo "== 1. $N durable log writes, 10,000 clients (process start included)"
load "$DIR/a.db" 10000
cp "$DIR/a.db" "$DIR/b.db"
t0=$(secs)
for ((i = 1; i <= N; i++)); do
  c=$(printf 'Client %06d' $(( (i * 7919) % 10000 + 1 )))
  "$R" --db "$DIR/a.db" log --failure 1 --client "$c" --kind progress --channel email \
    --at 2026-11-22T12:00:00Z --summary "progress note $i" > /dev/null
done
t1=$(secs)
for ((i = 1; i <= N; i++)); do
  cid=$(( (i * 7919) % 10000 + 1 ))
  sqlite3 "$DIR/b.db" "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; BEGIN IMMEDIATE;
    INSERT INTO communications (failure_id, client_id, channel, direction, kind, at, summary,
      visibility, created_at) VALUES (1, $cid, 'email', 'out', 'progress', 1795867200,
      'progress note $i', 'client', $now);
    INSERT INTO audit_log (at, actor, entity, entity_id, action, after)
      VALUES ($now, 'system:cli', 'communication', last_insert_rowid(), 'create', '{}');
    COMMIT;" > /dev/null
done
t2=$(secs)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$N" 'BEGIN {
  r = (b - a) / n * 1000; s = (c - b) / n * 1000;
  printf "redress log:   %.3f ms/write\nsqlite3 shell: %.3f ms/write\nratio: %.2fx (target <= 2x)\n", r, s, r / s }'
got=$(sqlite3 "$DIR/a.db" "SELECT count(*) FROM communications")
[ "$got" -eq "$N" ] || { echo "expected $N communications, found $got" >&2; exit 1; }

echo "== 2. client list --json, 100,000 clients"
load "$DIR/c.db" 100000
t0=$(secs)
"$R" --db "$DIR/c.db" client list --json > "$DIR/list.json"
t1=$(secs)
rows=$(grep -c '"name"' "$DIR/list.json")
awk -v a="$t0" -v b="$t1" -v n="$rows" 'BEGIN { printf "%d clients listed in %.3f s (target < 1 s)\n", n, b - a }'
