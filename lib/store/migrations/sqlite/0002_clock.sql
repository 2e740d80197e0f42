-- 0002_clock.sql: the communication clock's stored state.
-- Obligations are derived from the narrative by lib/clock/clock.c and kept
-- here, refreshed on every write to their track (lib/agenda.c), so the
-- agenda reads what is due through an index instead of recomputing history.

CREATE TABLE obligations (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0,
  column_name TEXT NOT NULL,
  opens_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  channels TEXT NOT NULL,
  met_by INTEGER,
  met_at INTEGER,
  waived_at INTEGER,
  manager_at INTEGER,
  chases INTEGER NOT NULL DEFAULT 0,
  generation INTEGER NOT NULL DEFAULT 0,
  UNIQUE (failure_id, client_id, key)
);
-- What is open: the agenda's main read.
CREATE INDEX obligations_open ON obligations(due_at) WHERE met_at IS NULL AND waived_at IS NULL;
-- Replays at an earlier --at also need what was met or waived after it.
CREATE INDEX obligations_met ON obligations(met_at) WHERE met_at IS NOT NULL;
CREATE INDEX obligations_waived ON obligations(waived_at) WHERE waived_at IS NOT NULL;

-- How far ahead each track's obligations were generated (recurring steps
-- of an unresolved failure are generated up to a horizon and extended on
-- demand).
CREATE TABLE tracks (
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  column_name TEXT NOT NULL,
  horizon INTEGER NOT NULL,
  resolved INTEGER NOT NULL DEFAULT 0,
  generation INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (failure_id, client_id)
);
CREATE INDEX tracks_horizon ON tracks(horizon) WHERE resolved = 0;

-- A decision that an obligation is not owed; needs a reason and a manager.
CREATE TABLE waivers (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  key TEXT NOT NULL,
  reason TEXT NOT NULL,
  by_user_id INTEGER REFERENCES users(id),
  at INTEGER NOT NULL,
  UNIQUE (failure_id, client_id, key)
);

-- A communication that told this client something different from what it
-- (or another client of the same failure) was told before; each creates a
-- correction obligation.
CREATE TABLE discrepancies (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  communication_id INTEGER NOT NULL REFERENCES communications(id),
  earlier_id INTEGER REFERENCES communications(id),
  fact TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX discrepancies_track ON discrepancies(failure_id, client_id);

-- Escalations of overdue obligations, for the notification work to deliver.
CREATE TABLE escalations (
  id INTEGER PRIMARY KEY,
  obligation_id INTEGER NOT NULL REFERENCES obligations(id) ON DELETE CASCADE,
  level INTEGER NOT NULL CHECK (level IN (1, 2)),
  to_user_id INTEGER REFERENCES users(id),
  at INTEGER NOT NULL,
  delivered_at INTEGER,
  UNIQUE (obligation_id, level)
);
CREATE INDEX escalations_undelivered ON escalations(at) WHERE delivered_at IS NULL;
