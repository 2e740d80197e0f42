-- 0011_webhooks.sql: webhook endpoints and their delivery log (and, below,
-- inbound mail already logged, by Message-ID). An event is
-- queued as one outbox row (channel 'webhook') per subscribed endpoint in
-- the transaction of the change (lib/webhook.c); every attempt the sweep
-- makes is a row of webhook_deliveries. The secret is kept as the Standard
-- Webhooks "whsec_<base64>" text because signing needs the key itself.
-- A removed endpoint keeps its row (removed_at) so its log stays readable.
CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  events TEXT NOT NULL DEFAULT '*',
  created_at INTEGER NOT NULL,
  removed_at INTEGER
);

CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  webhook_id INTEGER NOT NULL REFERENCES webhooks(id),
  outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  event TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  status_code INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN ('delivered','retrying','failed')),
  error TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries(webhook_id, id);

-- What each inbound email (by Message-ID, per client) was logged as, so an
-- MTA or client retrying the same message gets the first answer again
-- instead of a second communication (lib/notify.c rd_inbound).
CREATE TABLE inbound_messages (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  message_id TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (client_id, message_id)
);
