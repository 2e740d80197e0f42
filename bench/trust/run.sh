#!/usr/bin/env bash
# Trust benchmark (issue 12); see bench/README.md.
# The clock benchmark's database (100,000 clients, 20,000 failures, 100,000
# tracks, ~1,000,000 communications and their obligations), plus the rest of
# a record the trust model reads: 100,000 commitments (kept, kept late,
# broken, open), 20,000 chases, 20,000 ETA revisions, 10,000 survey answers
# and 10,000 goodwill deliveries. Then, best of 3: `redress trust --json`
# (every client's score now and 30 days ago, sorted by risk: the time to
# compute every client's trust), one client's `redress trust NAME --json`,
# and one `redress trust --sweep` (records every client's first score);
# then `redress report portfolio` as PDF and HTML (the month's report).
# usage: bench/trust/run.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
HERE=$(dirname "$0")
R=$(realpath "$BUILD/redress")
DIR=${KEEP_DIR:-$(mktemp -d)}
mkdir -p "$DIR"
[ -n "${KEEP_DIR:-}" ] || trap 'rm -rf "$DIR"' EXIT
DB="$DIR/clock.db"
if [ ! -s "$DB" ]; then
  KEEP_DIR="$DIR" GEN_ONLY=1 "$HERE/../clock/run.sh" "$BUILD"
fi
now=$(sqlite3 "$DB" "SELECT max(created_at) FROM clients")
echo "== adding the rest of the record (not measured)"
sqlite3 "$DB" <<SQL
PRAGMA synchronous=OFF;
BEGIN;
DELETE FROM commitments; DELETE FROM goodwill; DELETE FROM survey_answers; DELETE FROM surveys;
DELETE FROM eta_revisions; DELETE FROM communications WHERE chase = 1; DELETE FROM trust_history;
INSERT INTO commitments (client_id, failure_id, text, due_at, status, settled_at, created_at)
  SELECT i.client_id, i.failure_id, 'Root-cause report within 24 hours', f.detected_at + 86400,
         CASE i.rowid % 4 WHEN 0 THEN 'kept' WHEN 1 THEN 'kept' WHEN 2 THEN 'broken' ELSE 'open' END,
         CASE i.rowid % 4 WHEN 0 THEN f.detected_at + 80000 WHEN 1 THEN f.detected_at + 90000
                          WHEN 2 THEN f.detected_at + 100000 ELSE NULL END, f.detected_at
  FROM impacts i JOIN failures f ON f.id = i.failure_id;
INSERT INTO communications (failure_id, client_id, channel, direction, kind, at, visibility, chase, created_at)
  SELECT i.failure_id, i.client_id, 'email', 'in', 'other', f.detected_at + 7200, 'client', 1, $now
  FROM impacts i JOIN failures f ON f.id = i.failure_id WHERE i.rowid % 5 = 0;
INSERT INTO eta_revisions (failure_id, eta, reason, at)
  SELECT id, detected_at + 2 * 86400, 'first estimate', detected_at + 3600 FROM failures;
INSERT INTO surveys (failure_id, client_id, sent_at, created_at)
  SELECT i.failure_id, i.client_id, f.resolved_at + 864000, $now FROM impacts i
  JOIN failures f ON f.id = i.failure_id WHERE f.resolved_at IS NOT NULL AND i.rowid % 10 = 0;
INSERT INTO survey_answers (survey_id, question, score, at)
  SELECT id, 'How well did we keep you informed?', id % 11, sent_at + 86400 FROM surveys;
INSERT INTO goodwill (failure_id, client_id, kind, amount_cents, status, decided_at, created_at)
  SELECT i.failure_id, i.client_id, 'credit', 50000, 'delivered', f.detected_at + 5 * 86400, $now
  FROM impacts i JOIN failures f ON f.id = i.failure_id WHERE i.rowid % 10 = 5;
COMMIT;
SQL
sqlite3 "$DB" "SELECT 'commitments', count(*) FROM commitments UNION ALL SELECT 'chases', count(*) FROM communications WHERE chase = 1
  UNION ALL SELECT 'eta revisions', count(*) FROM eta_revisions UNION ALL SELECT 'survey answers', count(*) FROM survey_answers
  UNION ALL SELECT 'goodwill delivered', count(*) FROM goodwill UNION ALL SELECT 'obligations', count(*) FROM obligations;"

at=$(date -u -d @"$now" +%Y-%m-%dT%H:%M:%SZ)
measure() {
  local label=$1 n=$2; shift 2
  local best=999 rss=0
  for _ in $(seq "$n"); do
    /usr/bin/time -f '%e %M' -o "$DIR/time" "$R" --db "$DB" "$@" > "$DIR/out"
    read -r secs kb < "$DIR/time"
    best=$(awk -v a="$best" -v b="$secs" 'BEGIN { print (b < a) ? b : a }')
    rss=$kb
  done
  printf '%-36s %6.3f s  peak RSS %7d KiB\n' "$label" "$best" "$rss"
}
echo "== trust at $at"
measure "trust --json (every client, best of 3)" 3 trust --json --at "$at"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(f'   {len(d)} clients; most at risk: {d[0][\"client\"]} score {d[0][\"score\"]}; scores {min(r[\"score\"] for r in d)}..{max(r[\"score\"] for r in d)}')" "$DIR/out"
measure "trust CLIENT --json (one, best of 3)" 3 trust "Client 000042" --json --at "$at"
measure "trust --sweep (first, writes all)" 1 trust --sweep --at "$at"
measure "trust --sweep (again, nothing moved)" 1 trust --sweep --at "$at"
echo "target: every client's trust < 2 s"
echo "== the portfolio report (issue 12), last 30 days to $at"
measure "report portfolio --format pdf (best of 3)" 3 report portfolio --format pdf --to "$at" -o "$DIR/portfolio.pdf"
measure "report portfolio --format html (best of 3)" 3 report portfolio --format html --to "$at" -o "$DIR/portfolio.html"
echo "target: the portfolio report < 5 s"
