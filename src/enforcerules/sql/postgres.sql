-- enforcerules facts and findings tables (postgresql), made by enforcerules.sql.generate_ddl
-- from the fact classes (docs/databases.md explains the columns). Dates are days in China
-- Standard Time, lists are text[]. Beyond ids and required columns,
-- checks are left to the loader, which reports every bad row with its table, key and column.

CREATE TABLE IF NOT EXISTS regions (
    "id" text PRIMARY KEY,
    "name" text NOT NULL,
    "level" text NOT NULL,
    "parent" text,
    "designations" text[] DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS units (
    "id" text PRIMARY KEY,
    "name" text NOT NULL,
    "kind" text NOT NULL,
    "level" text NOT NULL,
    "region" text,
    "field" text
);

CREATE TABLE IF NOT EXISTS officers (
    "id" text PRIMARY KEY,
    "unit" text NOT NULL,
    "hired_on" date NOT NULL,
    "name" text DEFAULT '',
    "post" text DEFAULT '',
    "township" boolean DEFAULT false,
    "left_on" date,
    "leave_reason" text
);

CREATE TABLE IF NOT EXISTS training (
    "id" text PRIMARY KEY,
    "officer" text NOT NULL,
    "hours" double precision NOT NULL,
    "category" text NOT NULL,
    "held_at" timestamptz NOT NULL,
    "organiser" text DEFAULT '',
    "organising_unit" text,
    "session" text
);

CREATE TABLE IF NOT EXISTS certificates (
    "id" text PRIMARY KEY,
    "officer" text NOT NULL,
    "issued_on" date NOT NULL,
    "exam_passed_on" date,
    "suspended_on" date,
    "suspension_ended_on" date,
    "revoked_on" date
);

CREATE TABLE IF NOT EXISTS task_reports (
    "id" text PRIMARY KEY,
    "task" text NOT NULL,
    "unit" text NOT NULL,
    "completed_on" date NOT NULL,
    "covers" text[] DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS events (
    "id" text PRIMARY KEY,
    "kind" text NOT NULL,
    "subject" text NOT NULL,
    "on" date NOT NULL
);

CREATE TABLE IF NOT EXISTS cases (
    "id" text PRIMARY KEY,
    "unit" text NOT NULL,
    "decided_on" date NOT NULL,
    "field" text DEFAULT '',
    "handling_officers" text[] DEFAULT '{}',
    "outcome" text DEFAULT 'penalised',
    "violation_code" text,
    "minor" boolean,
    "first_violation" boolean DEFAULT false,
    "harm" text DEFAULT 'serious',
    "corrected_promptly" boolean DEFAULT false,
    "no_fault_proven" boolean DEFAULT false,
    "mitigating" text[] DEFAULT '{}',
    "major" boolean DEFAULT false,
    "legal_review_on" date,
    "cites_discretion_baseline" boolean DEFAULT false,
    "fully_recorded" boolean
);

CREATE TABLE IF NOT EXISTS items (
    "id" text PRIMARY KEY,
    "unit" text NOT NULL,
    "name" text NOT NULL,
    "category" text DEFAULT '',
    "basis" text,
    "legal_basis" text DEFAULT '',
    "in_force_since" date,
    "catalogued_on" date,
    "last_occurred_on" date,
    "never_occurred" boolean DEFAULT false,
    "opinion" text,
    "opinion_on" date
);

CREATE TABLE IF NOT EXISTS metrics (
    "id" text PRIMARY KEY,
    "name" text NOT NULL,
    "region" text NOT NULL,
    "year" integer NOT NULL,
    "value" double precision NOT NULL
);

-- written by enforcerules.sql.write_findings: one row per finding of one run
CREATE TABLE IF NOT EXISTS findings (
    "jurisdiction" text,
    "as_of" date,
    "rulebook_digest" text,
    "engine" text,
    "rule_id" text,
    "subject" text,
    "period" text,
    "status" text,
    "due" date,
    "document" text,
    "clause" text,
    "explanation_zh" text,
    "explanation_en" text,
    "remedy_zh" text,
    "remedy_en" text,
    "evidence" text,
    "overridden_by" text
);
