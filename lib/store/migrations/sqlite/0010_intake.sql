-- 0010_intake.sql: alert intake from Prometheus Alertmanager (lib/intake.c)
-- and calendar feeds at secret URLs (lib/calfeed.c).
-- A failure opened from an alert is a draft until a person confirms it:
-- the clock does not run for it (lib/agenda.c) and confirming restarts its
-- detection time. The CHECK on failures.status (0001) would need a table
-- rebuild to take a new value, so the draft state is its own column.
ALTER TABLE failures ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
ALTER TABLE failures ADD COLUMN confirmed_at INTEGER;
ALTER TABLE failures ADD COLUMN confirmed_by INTEGER REFERENCES users(id);

-- One Alertmanager group (its groupKey) and the failure it opened.
CREATE TABLE intake_groups (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  group_key TEXT NOT NULL,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('firing','resolved')),
  receiver TEXT,
  external_url TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (source, group_key)
);

-- Each alert of a group once (by Alertmanager's fingerprint), with what it
-- said: the failure's notes of where it came from.
CREATE TABLE intake_alerts (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES intake_groups(id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  alertname TEXT,
  service TEXT,
  severity INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('firing','resolved')),
  summary TEXT,
  starts_at INTEGER,
  ends_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (group_id, fingerprint)
);

-- "The alerts say it is over": a proposal to the failure's lead, never a
-- resolution. Withdrawn when the group fires again.
CREATE TABLE resolution_proposals (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  note TEXT NOT NULL,
  ended_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','withdrawn')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX resolution_proposals_failure ON resolution_proposals(failure_id);

-- A calendar app's subscription: /cal/<token>.ics, the token stored only as
-- its BLAKE2b hash (like api_tokens), for one owner or one client.
CREATE TABLE calendar_feeds (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  CHECK ((owner_id IS NULL) <> (client_id IS NULL))
);
