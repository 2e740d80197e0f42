-- 0003_web.sql: what the HTTP server needs to remember between requests.
-- Every secret a browser or an email carries (session ids, magic-link and
-- login-link tokens) is stored only as its BLAKE2b hash (hex): a copy of
-- this database does not let anyone log in. API tokens live in api_tokens
-- (0001) under the same rule.

-- A browser session: staff (user_id) or a client contact through a portal
-- link (contact_id + client_id + portal_link_id). csrf is the per-session
-- secret every form and every cookie-authenticated API write must echo.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('staff','portal')),
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
  client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
  portal_link_id INTEGER REFERENCES portal_links(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  CHECK ((kind = 'staff' AND user_id IS NOT NULL AND contact_id IS NULL) OR
         (kind = 'portal' AND user_id IS NULL AND contact_id IS NOT NULL
          AND client_id IS NOT NULL AND portal_link_id IS NOT NULL))
);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- A client contact's magic link: usable until it expires or is revoked.
CREATE TABLE portal_links (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  last_used_at INTEGER
);
CREATE INDEX portal_links_contact ON portal_links(contact_id);

-- A staff user's one-time login link (first admin, lost password).
CREATE TABLE login_links (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);

-- Failed logins, for rate limiting by account and by address. Old rows are
-- pruned as new ones arrive.
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts(key, at);

CREATE INDEX api_tokens_user ON api_tokens(user_id);
