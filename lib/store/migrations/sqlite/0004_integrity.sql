-- 0004_integrity.sql: the store refuses a value of the wrong type where a
-- wrong bind once went unnoticed. portal_links.created_by held a memory
-- address (a pointer bound as an integer into a TEXT column); it is now the
-- inviting user's id, NULL for the system (the CLI without --as), checked
-- as an integer and against users. Existing rows get the user the audit log
-- names as the link's creator, else NULL: the stored numbers meant nothing.
ALTER TABLE portal_links ADD COLUMN created_by_user INTEGER REFERENCES users(id)
  CHECK (created_by_user IS NULL OR typeof(created_by_user) = 'integer');
UPDATE portal_links SET created_by_user = (
  SELECT u.id FROM audit_log a JOIN users u ON u.email = a.actor
  WHERE a.entity = 'portal_link' AND a.entity_id = portal_links.id AND a.action = 'create'
  ORDER BY a.id LIMIT 1);
ALTER TABLE portal_links DROP COLUMN created_by;
ALTER TABLE portal_links RENAME COLUMN created_by_user TO created_by;
