-- gen.sql — the read benchmark's data set (bench/http/reads.sh): 10,000
-- clients, 2,000 failures (the newest 100 still open), 10,000 affected-client
-- tracks and about 110,000 communications, shaped like bench/clock's set at a
-- tenth of its size. Portable SQL (WITH RECURSIVE, ||, CASE) so the same file
-- loads a PostgreSQL database; :now is replaced by the loader (epoch seconds).
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 51)
INSERT INTO users (id, email, name, role, manager_id, created_at)
  SELECT i, 'agent' || i || '@provider.example', 'Agent ' || i,
         CASE WHEN i = 51 THEN 'manager' ELSE 'agent' END, CASE WHEN i = 51 THEN NULL ELSE 51 END, :now FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO clients (id, name, tier, value_cents, currency, tz, owner_id, created_at)
  SELECT i, 'Client ' || i, CASE WHEN i % 10 = 0 THEN 'key' ELSE 'standard' END,
         100000 * (i % 50 + 1), 'EUR',
         CASE i % 4 WHEN 0 THEN 'Europe/Berlin' WHEN 1 THEN 'America/New_York'
                    WHEN 2 THEN 'Asia/Tokyo' ELSE 'UTC' END, i % 50 + 1, :now FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO failures (id, title, severity, status, detected_at, resolved_at, created_at)
  SELECT i, 'Failure ' || i, 2 + i % 3,
         CASE WHEN i > 1900 THEN 'remediating' ELSE 'resolved' END,
         CASE WHEN i > 1900 THEN :now - (2000 - i) * 2500 - 3600 ELSE :now - (2000 - i) * 31530 - 7200 END,
         CASE WHEN i > 1900 THEN NULL ELSE :now - (2000 - i) * 31530 + 172800 END, :now FROM n;
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 4)
INSERT INTO impacts (failure_id, client_id, affected, created_at)
  SELECT f.id, ((f.id - 1) * 5 + k.j) % 10000 + 1, 'yes', :now FROM failures f, k;
-- Communications per track in the order the playbook asks for them: nine for
-- a standard client, twenty for a key client (its follow-up cadence).
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
         'client', 0, :now
  FROM impacts i JOIN failures f ON f.id = i.failure_id JOIN clients c ON c.id = i.client_id, k
  WHERE k.j < CASE WHEN f.resolved_at IS NULL THEN 8 + (i.client_id % 3)
                   WHEN c.tier = 'key' THEN 20 ELSE 9 END;
COMMIT;
