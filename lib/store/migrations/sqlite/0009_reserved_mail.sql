-- 0009_reserved_mail.sql: an empty placeholder for the number the lead gave
-- the outbox/email branch (h4-mail), so that 0010 runs in sequence on this
-- branch. DELETE THIS FILE (and its line in meson.build) when merging h4-mail.
SELECT 1;
