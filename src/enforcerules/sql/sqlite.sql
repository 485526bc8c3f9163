-- enforcerules facts and findings tables (sqlite), made by enforcerules.sql.generate_ddl
-- from the fact classes (docs/databases.md explains the columns). Dates are days in China
-- Standard Time, lists are TEXT holding a JSON array of strings. Beyond ids and required columns,
-- checks are left to the loader, which reports every bad row with its table, key and column.

CREATE TABLE IF NOT EXISTS regions (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parent" TEXT,
    "designations" TEXT DEFAULT '[]'
);

CREATE TABLE IF NOT EXISTS units (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "region" TEXT,
    "field" TEXT
);

CREATE TABLE IF NOT EXISTS officers (
    "id" TEXT PRIMARY KEY,
    "unit" TEXT NOT NULL,
    "hired_on" TEXT NOT NULL,
    "name" TEXT DEFAULT '',
    "post" TEXT DEFAULT '',
    "township" INTEGER DEFAULT 0,
    "left_on" TEXT,
    "leave_reason" TEXT
);

CREATE TABLE IF NOT EXISTS training (
    "id" TEXT PRIMARY KEY,
    "officer" TEXT NOT NULL,
    "hours" REAL NOT NULL,
    "category" TEXT NOT NULL,
    "held_at" TEXT NOT NULL,
    "organiser" TEXT DEFAULT '',
    "organising_unit" TEXT,
    "session" TEXT
);

CREATE TABLE IF NOT EXISTS certificates (
    "id" TEXT PRIMARY KEY,
    "officer" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "exam_passed_on" TEXT,
    "suspended_on" TEXT,
    "suspension_ended_on" TEXT,
    "revoked_on" TEXT
);

CREATE TABLE IF NOT EXISTS task_reports (
    "id" TEXT PRIMARY KEY,
    "task" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "completed_on" TEXT NOT NULL,
    "covers" TEXT DEFAULT '[]'
);

CREATE TABLE IF NOT EXISTS events (
    "id" TEXT PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "on" TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS cases (
    "id" TEXT PRIMARY KEY,
    "unit" TEXT NOT NULL,
    "decided_on" TEXT NOT NULL,
    "field" TEXT DEFAULT '',
    "handling_officers" TEXT DEFAULT '[]',
    "outcome" TEXT DEFAULT 'penalised',
    "violation_code" TEXT,
    "minor" INTEGER,
    "first_violation" INTEGER DEFAULT 0,
    "harm" TEXT DEFAULT 'serious',
    "corrected_promptly" INTEGER DEFAULT 0,
    "no_fault_proven" INTEGER DEFAULT 0,
    "mitigating" TEXT DEFAULT '[]',
    "major" INTEGER DEFAULT 0,
    "legal_review_on" TEXT,
    "cites_discretion_baseline" INTEGER DEFAULT 0,
    "fully_recorded" INTEGER
);

CREATE TABLE IF NOT EXISTS items (
    "id" TEXT PRIMARY KEY,
    "unit" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT DEFAULT '',
    "basis" TEXT,
    "legal_basis" TEXT DEFAULT '',
    "in_force_since" TEXT,
    "catalogued_on" TEXT,
    "last_occurred_on" TEXT,
    "never_occurred" INTEGER DEFAULT 0,
    "opinion" TEXT,
    "opinion_on" TEXT
);

CREATE TABLE IF NOT EXISTS metrics (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" REAL NOT NULL
);

-- written by enforcerules.sql.write_findings: one row per finding of one run
CREATE TABLE IF NOT EXISTS findings (
    "jurisdiction" TEXT,
    "as_of" TEXT,
    "rulebook_digest" TEXT,
    "engine" TEXT,
    "rule_id" TEXT,
    "subject" TEXT,
    "period" TEXT,
    "status" TEXT,
    "due" TEXT,
    "document" TEXT,
    "clause" TEXT,
    "explanation_zh" TEXT,
    "explanation_en" TEXT,
    "remedy_zh" TEXT,
    "remedy_en" TEXT,
    "evidence" TEXT,
    "overridden_by" TEXT
);
