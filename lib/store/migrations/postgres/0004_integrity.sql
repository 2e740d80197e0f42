-- 0004_integrity.sql (PostgreSQL: the column's type already refuses text;
-- the CHECK refuses a stray number that cannot be a user id): portal_links.created_by held a memory address (a
-- pointer bound as an integer into a TEXT column). It becomes the inviting
-- user's id (NULL for the system), CHECKed as an integer and a foreign key;
-- old rows get the creator the audit log names, else NULL.
ALTER TABLE portal_links ADD COLUMN created_by_user BIGINT REFERENCES users(id)
  CHECK (created_by_user IS NULL OR created_by_user > 0);
UPDATE portal_links SET created_by_user = (
  SELECT u.id FROM audit_log a JOIN users u ON u.email = a.actor
  WHERE a.entity = 'portal_link' AND a.entity_id = portal_links.id AND a.action = 'create'
  ORDER BY a.id LIMIT 1);
ALTER TABLE portal_links DROP COLUMN created_by;
ALTER TABLE portal_links RENAME COLUMN created_by_user TO created_by;
