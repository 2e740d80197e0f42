#!/usr/bin/env bash
# Clock benchmark (issue 3); see bench/README.md.
# A database with 100,000 clients, 20,000 failures (the newest 1,000 still
# open), 100,000 affected-client tracks and 1,000,000 communications; then
# `redress agenda --json` for one owner and for everyone: wall time and
# peak resident memory, each the best of 5 runs.
# usage: bench/clock/run.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
R=$(realpath "$BUILD/redress")
DIR=${KEEP_DIR:-$(mktemp -d)}
mkdir -p "$DIR"
[ -n "${KEEP_DIR:-}" ] || trap 'rm -rf "$DIR"' EXIT
DB="$DIR/clock.db"
now=$(date -u +%s)

echo "== loading (not measured)"
"$R" --db "$DB" init > /dev/null
t0=$(date +%s.%N)
sqlite3 "$DB" <<SQL
PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 51)
INSERT INTO users (id, email, name, role, manager_id, created_at)
  SELECT i, printf('agent%02d@provider.example', i), printf('Agent %d', i),
         CASE WHEN i = 51 THEN 'manager' ELSE 'agent' END, CASE WHEN i = 51 THEN NULL ELSE 51 END, $now FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO clients (id, name, tier, value_cents, currency, tz, owner_id, created_at)
  SELECT i, printf('Client %06d', i), CASE WHEN i % 10 = 0 THEN 'key' ELSE 'standard' END,
         100000 * (i % 50 + 1), 'EUR',
         CASE i % 4 WHEN 0 THEN 'Europe/Berlin' WHEN 1 THEN 'America/New_York'
                    WHEN 2 THEN 'Asia/Tokyo' ELSE 'UTC' END, i % 50 + 1, $now FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO failures (id, title, severity, status, detected_at, resolved_at, created_at)
  SELECT i, printf('Failure %d', i), 2 + i % 3,
         CASE WHEN i > 19000 THEN 'remediating' ELSE 'resolved' END,
         CASE WHEN i > 19000 THEN $now - (20000 - i) * 250 - 3600 ELSE $now - (20000 - i) * 3153 - 7200 END,
         CASE WHEN i > 19000 THEN NULL ELSE $now - (20000 - i) * 3153 + 172800 END, $now FROM n;
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 4)
INSERT INTO impacts (failure_id, client_id, affected, created_at)
  SELECT f.id, ((f.id * 5 + k.j) % 100000) + 1, 'yes', $now FROM failures f, k;
-- Communications per track in the order the playbook asks for them: nine
-- for a standard client, twenty for a key client (its follow-up cadence),
-- about 1,000,000 in all.
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 19)
INSERT INTO communications (failure_id, client_id, channel, direction, kind, at, visibility, chase, created_at)
  SELECT i.failure_id, i.client_id,
         CASE WHEN k.j = 0 THEN 'call' ELSE 'email' END, 'out',
         CASE WHEN k.j = 0 THEN 'apology' WHEN k.j = 1 THEN 'rca_update' WHEN k.j = 2 THEN 'plan'
              WHEN f.resolved_at IS NULL THEN 'progress'
              WHEN k.j = 3 THEN 'progress' WHEN k.j = 4 THEN 'resolution'
              WHEN k.j = 5 THEN 'follow_up' WHEN k.j = 6 THEN 'survey' WHEN k.j = 7 THEN 'review'
              ELSE 'follow_up' END,
         CASE WHEN k.j < 3 THEN f.detected_at + 3600 + k.j * 20000
              WHEN f.resolved_at IS NULL THEN f.detected_at + 3600 + k.j * 20000
              WHEN k.j = 3 THEN f.detected_at + 86400
              WHEN k.j = 4 THEN f.resolved_at + 3600
              WHEN k.j = 5 THEN f.resolved_at + 2 * 86400
              WHEN k.j = 6 THEN f.resolved_at + 10 * 86400
              WHEN k.j = 7 THEN f.resolved_at + 30 * 86400
              WHEN k.j <= 11 THEN f.resolved_at + (k.j - 7) * 7 * 86400 - 3600
              WHEN k.j <= 15 THEN f.resolved_at + (28 + (k.j - 11) * 14) * 86400 - 3600
              ELSE f.resolved_at + (84 + (k.j - 15) * 91) * 86400 - 3600 END,
         'client', 0, $now
  FROM impacts i JOIN failures f ON f.id = i.failure_id JOIN clients c ON c.id = i.client_id, k
  WHERE k.j < CASE WHEN f.resolved_at IS NULL THEN 8 + (i.client_id % 3)
                   WHEN c.tier = 'key' THEN 20 ELSE 9 END;
COMMIT;
SQL
t1=$(date +%s.%N)
"$R" --db "$DB" refresh
t2=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "loaded in %.1f s; obligations computed in %.1f s\n", b - a, c - b }'
sqlite3 "$DB" "SELECT 'clients', count(*) FROM clients UNION ALL SELECT 'failures', count(*) FROM failures
  UNION ALL SELECT 'communications', count(*) FROM communications
  UNION ALL SELECT 'obligations', count(*) FROM obligations
  UNION ALL SELECT 'open obligations', count(*) FROM obligations WHERE met_at IS NULL AND waived_at IS NULL;"
# GEN_ONLY=1 (with KEEP_DIR): build the database and stop; bench/trust reuses it.
[ -z "${GEN_ONLY:-}" ] || exit 0

measure() {
  local label=$1; shift
  local best=999 rss=0
  for i in 1 2 3 4 5; do
    /usr/bin/time -f '%e %M' -o "$DIR/time" "$R" --db "$DB" "$@" > "$DIR/out.json"
    read -r secs kb < "$DIR/time"
    best=$(awk -v a="$best" -v b="$secs" 'BEGIN { print (b < a) ? b : a }')
    rss=$kb
  done
  local rows
  rows=$(grep -c '"obligation_id"' "$DIR/out.json" || true)
  printf '%-28s %6.3f s  peak RSS %6d KiB  %d rows\n' "$label" "$best" "$rss" "$rows"
}
at=$(date -u -d @$now +%Y-%m-%dT%H:%M:%SZ)
echo "== agenda at $at (best of 5)"
measure "agenda --json (one owner)" agenda --json --at "$at" --owner agent01@provider.example
measure "agenda --json (everyone)" agenda --json --at "$at"
echo "targets: one owner < 0.100 s, everyone < 1 s"
