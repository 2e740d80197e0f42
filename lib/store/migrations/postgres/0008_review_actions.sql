-- 0008_review_actions.sql (PostgreSQL twin of sqlite/0008_review_actions.sql): a review's follow-up action is closed with the
-- evidence that its success criterion is met, and when (lib/review.c,
-- rd_review_action_done). Open actions have neither.
ALTER TABLE review_actions ADD COLUMN evidence TEXT;
ALTER TABLE review_actions ADD COLUMN done_at BIGINT;
