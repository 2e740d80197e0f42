-- 0006_drafts.sql (PostgreSQL twin of sqlite/0006_drafts.sql): what a draft needs to read as a careful person wrote it.
-- A staff user signs with their own title and phone (users.title,
-- users.phone), and a client is written to in their language
-- (clients.language: en, de or fr; the templates and the date and amount
-- formats follow it). Read by lib/compose.c; validated through lib/schema.c.
ALTER TABLE users ADD COLUMN title TEXT;
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE clients ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
  CHECK (language IN ('en','de','fr'));
