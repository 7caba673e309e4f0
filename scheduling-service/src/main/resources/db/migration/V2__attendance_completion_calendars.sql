-- Moving and cancelling sessions, attendance with its history, what each programme asks of a schedule and of a
-- school to complete, and private calendar links. Additive only: the previous release keeps working against it.

-- Why a session was last moved or cancelled; when it last changed (calendars' DTSTAMP and LAST-MODIFIED).
ALTER TABLE session ADD COLUMN status_reason text;
ALTER TABLE session ADD COLUMN updated_at timestamptz;
UPDATE session SET updated_at = created_at;
ALTER TABLE session ALTER COLUMN updated_at SET NOT NULL;

-- Sessions of one Work Group and audience are checked for overlaps among those still scheduled.
CREATE INDEX session_scheduled_local ON session (work_group_id, audience, starts_at) WHERE status = 'SCHEDULED';

-- A participant's private calendar link: 244 random bits from PostgreSQL's strong random source.
ALTER TABLE participant ADD COLUMN calendar_token text NOT NULL
    DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
ALTER TABLE participant ADD CONSTRAINT participant_calendar_token UNIQUE (calendar_token);
CREATE INDEX participant_by_application_urn ON participant (work_group_id, urn);

-- Who came: the current answer per person and session...
CREATE TABLE attendance (
    session_id     uuid        NOT NULL REFERENCES session (id),
    participant_id uuid        NOT NULL REFERENCES participant (id),
    attendance     text        NOT NULL CHECK (attendance IN ('ATTENDED', 'ABSENT', 'APOLOGIES')),
    revision       integer     NOT NULL CHECK (revision >= 1),
    recorded_at    timestamptz NOT NULL,
    recorded_by    text        NOT NULL,
    PRIMARY KEY (session_id, participant_id)
);

CREATE INDEX attendance_by_participant ON attendance (participant_id);

-- ...and every answer ever given, so that a correction never hides what was recorded before.
CREATE TABLE attendance_change (
    id             bigserial   PRIMARY KEY,
    session_id     uuid        NOT NULL REFERENCES session (id),
    participant_id uuid        NOT NULL REFERENCES participant (id),
    attendance     text        NOT NULL CHECK (attendance IN ('ATTENDED', 'ABSENT', 'APOLOGIES')),
    revision       integer     NOT NULL CHECK (revision >= 1),
    recorded_at    timestamptz NOT NULL,
    recorded_by    text        NOT NULL,
    UNIQUE (session_id, participant_id, revision)
);

-- What a programme asks of its Work Groups, as data the NCETM can change: how many local sessions each term,
-- and the rule a school meets to complete (see CompletionRule for its vocabulary).
CREATE TABLE programme_schedule (
    programme_code          text        PRIMARY KEY,
    local_sessions_per_term integer     NOT NULL CHECK (local_sessions_per_term BETWEEN 0 AND 20),
    completion_rule         jsonb       NOT NULL,
    updated_at              timestamptz NOT NULL
);

-- Seed 000/001: "Local sessions: three, one each in the autumn, spring and summer terms", "engage in all online
-- professional development, including three live sessions". Seed 004: TfM Work Groups "consist of six sessions
-- over the year"; the share a school must attend is the NCETM's to set (four of six until it does).
INSERT INTO programme_schedule (programme_code, local_sessions_per_term, completion_rule, updated_at) VALUES
('MN_RKS1', 1, '{"description": "Attended the national live sessions and two of the three local sessions",
  "requirements": [
    {"label": "the national live sessions", "scope": "CENTRAL", "deliveryModes": ["LIVE_ONLINE"], "atLeast": "ALL"},
    {"label": "two of the three local sessions", "scope": "LOCAL", "atLeast": 2}]}', now()),
('MN_KS2', 1, '{"description": "Attended the national live sessions and two of the three local sessions",
  "requirements": [
    {"label": "the national live sessions", "scope": "CENTRAL", "deliveryModes": ["LIVE_ONLINE"], "atLeast": "ALL"},
    {"label": "two of the three local sessions", "scope": "LOCAL", "atLeast": 2}]}', now()),
('TFM_DEV', 2, '{"description": "Attended four of the six Work Group sessions",
  "requirements": [{"label": "four of the six Work Group sessions", "scope": "LOCAL", "atLeast": 4}]}', now()),
('TFM_SUSTAINING', 2, '{"description": "Attended four of the six Work Group sessions",
  "requirements": [{"label": "four of the six Work Group sessions", "scope": "LOCAL", "atLeast": 4}]}', now());

-- Completion decided once per school and Work Group, so a redelivered "completed" event announces nothing twice.
CREATE TABLE school_completion (
    work_group_id uuid        NOT NULL,
    urn           text        NOT NULL,
    completed     boolean     NOT NULL,
    decided_at    timestamptz NOT NULL,
    PRIMARY KEY (work_group_id, urn)
);
