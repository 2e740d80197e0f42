-- 0001_init.sql: the domain model of SPEC "Vocabulary".
-- Instants are INTEGER seconds since the epoch, UTC. Money is INTEGER minor
-- units (cents) with its currency. Enumerations are CHECKed here as a last
-- line of defence; the library validates them first with clear messages.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','manager','agent','viewer')),
  manager_id INTEGER REFERENCES users(id),
  password_hash TEXT,
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  tier TEXT NOT NULL DEFAULT 'standard' CHECK (tier IN ('key','standard')),
  value_cents INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
  currency TEXT NOT NULL DEFAULT 'EUR',
  tz TEXT NOT NULL DEFAULT 'UTC',
  owner_id INTEGER REFERENCES users(id),
  tags TEXT,
  sla_credit_pct INTEGER,
  risk TEXT NOT NULL DEFAULT 'normal' CHECK (risk IN ('normal','elevated')),
  created_at INTEGER NOT NULL
);
CREATE INDEX clients_owner ON clients(owner_id);

CREATE TABLE client_services (
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES services(id),
  PRIMARY KEY (client_id, service_id)
);
CREATE INDEX client_services_service ON client_services(service_id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE,
  role TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (client_id, email)
);
CREATE INDEX contacts_email ON contacts(email);

CREATE TABLE failures (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT,
  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN
    ('open','investigating','identified','remediating','resolved','closed')),
  started_at INTEGER,
  detected_at INTEGER NOT NULL,
  resolved_at INTEGER,
  closed_at INTEGER,
  lead_id INTEGER REFERENCES users(id),
  disclosure TEXT,
  disclosure_by INTEGER REFERENCES users(id),
  disclosure_at INTEGER,
  policy_version TEXT,
  reopened INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX failures_status ON failures(status);

CREATE TABLE failure_services (
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES services(id),
  PRIMARY KEY (failure_id, service_id)
);

CREATE TABLE impacts (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  affected TEXT NOT NULL DEFAULT 'yes' CHECK (affected IN ('yes','suspected','no')),
  severity INTEGER CHECK (severity BETWEEN 1 AND 4),
  operational TEXT,
  financial_cents INTEGER CHECK (financial_cents >= 0),
  reputational TEXT,
  compliance TEXT,
  data TEXT,
  point_person_id INTEGER REFERENCES users(id),
  recovery_status TEXT NOT NULL DEFAULT 'awaiting-apology' CHECK (recovery_status IN
    ('awaiting-apology','apologised','investigating','plan-presented','recovering','recovered','follow-up','closed')),
  created_at INTEGER NOT NULL,
  UNIQUE (failure_id, client_id)
);
CREATE INDEX impacts_client ON impacts(client_id);

CREATE TABLE communications (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER REFERENCES failures(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  channel TEXT NOT NULL CHECK (channel IN ('email','call','meeting','portal','chat','report','letter')),
  direction TEXT NOT NULL DEFAULT 'out' CHECK (direction IN ('out','in')),
  kind TEXT NOT NULL CHECK (kind IN ('apology','rca_update','plan','progress','delay','resolution',
    'follow_up','survey','review','correction','other')),
  at INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id),
  contact_id INTEGER REFERENCES contacts(id),
  summary TEXT,
  body TEXT,
  visibility TEXT NOT NULL DEFAULT 'client' CHECK (visibility IN ('client','internal')),
  chase INTEGER NOT NULL DEFAULT 0 CHECK (chase IN (0,1)),
  fact_eta INTEGER,
  fact_cause TEXT,
  fact_remedy TEXT,
  fact_amount_cents INTEGER,
  fact_currency TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX communications_client ON communications(client_id, at);
CREATE INDEX communications_failure ON communications(failure_id, client_id, at);

CREATE TABLE rcas (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL UNIQUE REFERENCES failures(id) ON DELETE CASCADE,
  category TEXT CHECK (category IN ('process','training','technology','capacity','communication','vendor','other')),
  contributing TEXT,
  findings TEXT,
  client_explanation TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE rca_whys (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (failure_id, position)
);

CREATE TABLE plan_actions (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER REFERENCES clients(id),
  kind TEXT NOT NULL CHECK (kind IN ('immediate','preventive','repair','value_add')),
  description TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id),
  due_at INTEGER,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','done','dropped')),
  success_criterion TEXT,
  evidence TEXT,
  done_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX plan_actions_failure ON plan_actions(failure_id);

CREATE TABLE eta_revisions (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id) ON DELETE CASCADE,
  client_id INTEGER REFERENCES clients(id),
  eta INTEGER NOT NULL,
  reason TEXT,
  clients_told INTEGER NOT NULL DEFAULT 0,
  at INTEGER NOT NULL,
  actor_id INTEGER REFERENCES users(id)
);
CREATE INDEX eta_revisions_failure ON eta_revisions(failure_id, at);

CREATE TABLE commitments (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  failure_id INTEGER REFERENCES failures(id),
  text TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id),
  due_at INTEGER,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','broken','renegotiated')),
  communication_id INTEGER REFERENCES communications(id),
  note TEXT,
  settled_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX commitments_client ON commitments(client_id, status);

CREATE TABLE goodwill (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  kind TEXT NOT NULL CHECK (kind IN ('credit','refund','discount','free_service','upgrade','dedicated_resource','other')),
  amount_cents INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
  currency TEXT NOT NULL DEFAULT 'EUR',
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','approved','delivered','declined')),
  proposed_by INTEGER REFERENCES users(id),
  approver_id INTEGER REFERENCES users(id),
  note TEXT,
  decided_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX goodwill_client ON goodwill(client_id);

CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL REFERENCES failures(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  sent_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (client_id, failure_id)
);

CREATE TABLE survey_answers (
  id INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  contact_id INTEGER REFERENCES contacts(id),
  question TEXT NOT NULL,
  score INTEGER CHECK (score BETWEEN 0 AND 10),
  answer TEXT,
  at INTEGER NOT NULL
);

CREATE TABLE near_misses (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT,
  services TEXT,
  potential_impact TEXT,
  reporter_id INTEGER REFERENCES users(id),
  actions TEXT,
  at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  failure_id INTEGER NOT NULL UNIQUE REFERENCES failures(id),
  held_at INTEGER,
  timeline TEXT,
  root_cause TEXT,
  went_well TEXT,
  lessons TEXT,
  internal_text TEXT,
  client_text TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE review_actions (
  id INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id),
  due_at INTEGER,
  success_criterion TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dropped')),
  created_at INTEGER NOT NULL
);

-- Append-only: the library only ever INSERTs here, and these triggers make
-- an UPDATE or DELETE fail even from the sqlite3 shell.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  action TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
