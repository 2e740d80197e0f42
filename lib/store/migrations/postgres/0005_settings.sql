-- 0005_settings.sql (PostgreSQL twin of sqlite/0005_settings.sql): small facts about the installation that more than one
-- process needs, as key/value rows. The first: the base URL `redress serve`
-- really answers on (server.base_url), written when it starts listening, so
-- that links printed by other commands (user login-link, portal invite,
-- drafts) point at the running server. Read and written by lib/settings.c.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
