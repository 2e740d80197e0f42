-- 0012_check_or.sql (PostgreSQL twin of sqlite/0012_check_or.sql): nothing
-- to do. The SQLite migration rewrites the `IN (…)` CHECK constraints of
-- communications and impacts as OR chains, because SQLite builds a
-- temporary table for an IN list on every row it checks; PostgreSQL does
-- not, so its schema stays as it is. The statement keeps the numbers of the
-- two backends in step (a migration must hold one).
SELECT 1;
