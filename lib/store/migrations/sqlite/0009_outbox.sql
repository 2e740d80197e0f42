-- 0009_outbox.sql: what redress tells the outside world. Every outgoing
-- message (an email now, a webhook later) is a row of outbox, written in the
-- same transaction as the change that causes it and delivered afterwards by
-- a sweep (lib/outbox.c); idem_key makes queueing the same message twice a
-- no-op and gives the message its stable Message-ID. reply_tokens maps the
-- plus-address of client mail back to its failure and client (hash only).
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel IN ('email','webhook')),
  idem_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT,
  payload TEXT NOT NULL,
  message_id TEXT,
  failure_id INTEGER REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER REFERENCES clients(id),
  user_id INTEGER REFERENCES users(id),
  communication_id INTEGER REFERENCES communications(id),
  escalation_id INTEGER REFERENCES escalations(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sending','sent','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_at INTEGER,
  claim TEXT,
  sent_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE status IN ('queued','sending');
CREATE INDEX outbox_status ON outbox(status, id);
CREATE INDEX outbox_track ON outbox(failure_id, client_id, id);
CREATE INDEX outbox_escalation ON outbox(escalation_id) WHERE escalation_id IS NOT NULL;

CREATE TABLE reply_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX reply_tokens_track ON reply_tokens(failure_id, client_id);

-- A staff user's own time zone, for the daily digest's local hour.
ALTER TABLE users ADD COLUMN tz TEXT;
