-- redress: foreign_keys off
-- 0012_check_or.sql: `communications` and `impacts` rebuilt with their
-- `x IN ('a', 'b', …)` CHECK constraints written as `x = 'a' OR x = 'b' …`.
-- SQLite evaluates a CHECK on every insert and update of the row, and for an
-- IN list it fills an ephemeral table with the list's values each time: on
-- the write path (a communication logged, its impact's status moved) that
-- was a measurable share of the write. The rules themselves do not change
-- (NULL passes both forms, and these columns are NOT NULL anyway).
--
-- SQLite cannot alter a CHECK, so each table goes through SQLite's
-- documented rebuild (https://sqlite.org/lang_altertable.html, "Making
-- Other Kinds Of Table Schema Changes"; the indexes made before the copy,
-- see below): the first line above makes
-- sq_migrate turn foreign keys off around this migration's transaction and
-- run PRAGMA foreign_key_check before it commits. What depends on the two
-- tables, checked against the schema of 0011: no trigger and no view
-- names them; their indexes are recreated below; communications(id) is
-- referenced by commitments, discrepancies (twice) and outbox, which name
-- the table, so they follow the renamed copy; nothing references impacts.
-- Columns are listed in the same order as before, so `INSERT … VALUES`
-- without a column list (bench/http/gen.sql) still fits.
--
-- The indexes are made on the new table before the rows are copied in, as
-- the rows once came (in id order, the index there): built after the copy
-- they came out with every page full (dbstat: 25 bytes of 4,096 free
-- instead of ~500), so the next inserts split a page each, and each
-- commit wrote half again as many pages until the indexes had grown
-- their room back. The rename takes them along.

CREATE TABLE new_impacts (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  affected TEXT NOT NULL DEFAULT 'yes' CHECK (affected = 'yes' OR affected = 'suspected' OR affected = 'no'),
  severity INTEGER CHECK (severity BETWEEN 1 AND 4),
  operational TEXT,
  financial_cents INTEGER CHECK (financial_cents >= 0),
  reputational TEXT,
  compliance TEXT,
  data TEXT,
  point_person_id INTEGER REFERENCES users(id),
  recovery_status TEXT NOT NULL DEFAULT 'awaiting-apology' CHECK (recovery_status = 'awaiting-apology'
    OR recovery_status = 'apologised' OR recovery_status = 'investigating'
    OR recovery_status = 'plan-presented' OR recovery_status = 'recovering'
    OR recovery_status = 'recovered' OR recovery_status = 'follow-up' OR recovery_status = 'closed'),
  created_at INTEGER NOT NULL,
  UNIQUE (failure_id, client_id)
);
DROP INDEX impacts_client;
CREATE INDEX impacts_client ON new_impacts(client_id);
INSERT INTO new_impacts (id, failure_id, client_id, affected, severity, operational, financial_cents,
                         reputational, compliance, data, point_person_id, recovery_status, created_at)
  SELECT id, failure_id, client_id, affected, severity, operational, financial_cents,
         reputational, compliance, data, point_person_id, recovery_status, created_at FROM impacts;
DROP TABLE impacts;
ALTER TABLE new_impacts RENAME TO impacts;

CREATE TABLE new_communications (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER REFERENCES failures(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  channel TEXT NOT NULL CHECK (channel = 'email' OR channel = 'call' OR channel = 'meeting'
    OR channel = 'portal' OR channel = 'chat' OR channel = 'report' OR channel = 'letter'),
  direction TEXT NOT NULL DEFAULT 'out' CHECK (direction = 'out' OR direction = 'in'),
  kind TEXT NOT NULL CHECK (kind = 'apology' OR kind = 'rca_update' OR kind = 'plan'
    OR kind = 'progress' OR kind = 'delay' OR kind = 'resolution' OR kind = 'follow_up'
    OR kind = 'survey' OR kind = 'review' OR kind = 'correction' OR kind = 'other'),
  at INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id),
  contact_id INTEGER REFERENCES contacts(id),
  summary TEXT,
  body TEXT,
  visibility TEXT NOT NULL DEFAULT 'client' CHECK (visibility = 'client' OR visibility = 'internal'),
  chase INTEGER NOT NULL DEFAULT 0 CHECK (chase = 0 OR chase = 1),
  fact_eta INTEGER,
  fact_cause TEXT,
  fact_remedy TEXT,
  fact_amount_cents INTEGER,
  fact_currency TEXT,
  created_at INTEGER NOT NULL
);
DROP INDEX communications_client;
DROP INDEX communications_failure;
DROP INDEX communications_chase;
CREATE INDEX communications_client ON new_communications(client_id, at);
CREATE INDEX communications_failure ON new_communications(failure_id, client_id, at);
CREATE INDEX communications_chase ON new_communications(client_id) WHERE chase = 1;
INSERT INTO new_communications (id, failure_id, client_id, channel, direction, kind, at, author_id,
                                contact_id, summary, body, visibility, chase, fact_eta, fact_cause,
                                fact_remedy, fact_amount_cents, fact_currency, created_at)
  SELECT id, failure_id, client_id, channel, direction, kind, at, author_id,
         contact_id, summary, body, visibility, chase, fact_eta, fact_cause,
         fact_remedy, fact_amount_cents, fact_currency, created_at FROM communications;
DROP TABLE communications;
ALTER TABLE new_communications RENAME TO communications;
