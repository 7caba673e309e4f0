-- Eligibility rule sets as data, and the decisions that follow an application after it is submitted.

-- A programme's eligibility rules (the JSON read by RuleSetReader). The four seed programmes' rule sets are
-- inserted at startup from the service's reference files when missing; programme admins may change them.
CREATE TABLE eligibility_rule_set (
    code        text        PRIMARY KEY,
    document    jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);

ALTER TABLE application
    -- The school's answers to the rule set's declaration questions, e.g. {"year4And5TeachersCanCommitFully": "YES"}.
    ADD COLUMN declarations        jsonb       NOT NULL DEFAULT '{}',
    ADD COLUMN eligibility_outcome text,
    -- The explained answer as it was when the school applied (the rules may change later; this does not).
    ADD COLUMN eligibility         jsonb,
    -- 0 first: the rule set's priorities, used when a priority-rules Work Group allocates at close.
    ADD COLUMN priority            integer     NOT NULL DEFAULT 0,
    ADD COLUMN decision_reason     text,
    ADD COLUMN offer_expires_at    timestamptz,
    ADD CONSTRAINT offered_until_a_time CHECK ((status = 'OFFERED') = (offer_expires_at IS NOT NULL)),
    ADD CONSTRAINT waiting_list_position_when_waiting CHECK ((status = 'WAITLISTED') = (waiting_list_position IS NOT NULL)),
    -- One school per place in the queue; deferred so the queue can move up by one in a single UPDATE.
    ADD CONSTRAINT one_school_per_waiting_list_position UNIQUE (work_group_id, waiting_list_position) DEFERRABLE INITIALLY DEFERRED;

CREATE INDEX application_offers_expiring ON application (offer_expires_at) WHERE status = 'OFFERED';

-- Every change of an application's status: who, when, why. Never updated.
CREATE TABLE application_decision (
    id             bigserial   PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    from_status    text,
    to_status      text        NOT NULL,
    reason         text,
    decided_by     text        NOT NULL,
    decided_at     timestamptz NOT NULL
);
CREATE INDEX application_decision_by_application ON application_decision (application_id, id);

-- "Confirmation of school commitment (electronic signatures)": the headteacher and each lead teacher confirm the
-- programme's expectations through their own single-use link. The application is complete when all have.
CREATE TABLE commitment_confirmation (
    id             uuid        PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    role           text        NOT NULL,
    name           text        NOT NULL,
    email          text        NOT NULL,
    token_hash     text        NOT NULL UNIQUE,
    requested_at   timestamptz NOT NULL,
    confirmed_at   timestamptz
);
CREATE INDEX commitment_confirmation_by_application ON commitment_confirmation (application_id);

-- "Applications have now closed for 2024/25, please use the form below to express an interest for 2025/26."
CREATE TABLE expression_of_interest (
    id             uuid        PRIMARY KEY,
    work_group_id  uuid        NOT NULL REFERENCES work_group (id),
    hub_code       text        NOT NULL,
    urn            text        NOT NULL CHECK (urn ~ '^[0-9]{6,7}$'),
    school_name    text        NOT NULL,
    contact_name   text        NOT NULL,
    contact_email  text        NOT NULL,
    registered_at  timestamptz NOT NULL,
    CONSTRAINT one_expression_of_interest_per_school UNIQUE (work_group_id, urn)
);
