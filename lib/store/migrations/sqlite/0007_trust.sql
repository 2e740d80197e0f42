-- 0007_trust.sql: the trust score's history and the indexes its loader
-- needs (lib/trust.c, docs/trust.md). A row is written when a client's
-- score changes: inside each write that touches the client's record, and
-- by the daily sweep (`redress trust --sweep`) as events age.
CREATE TABLE trust_history (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  explanation TEXT NOT NULL
);
CREATE INDEX trust_history_client ON trust_history(client_id, at);
-- One client's facts through an index each (the others already exist).
CREATE INDEX obligations_client ON obligations(client_id);
CREATE INDEX communications_chase ON communications(client_id) WHERE chase = 1;
CREATE INDEX survey_answers_survey ON survey_answers(survey_id);
