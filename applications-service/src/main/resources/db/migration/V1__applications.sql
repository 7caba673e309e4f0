-- Applications for places in Work Groups, and the allocation of those places.

-- This service's copy of each Work Group, kept from the catalogue's events. The allocation counters live
-- here, beside the capacity they are checked against, so one row lock decides every place.
CREATE TABLE work_group (
    id                    uuid PRIMARY KEY,
    programme_code        text        NOT NULL,
    programme_title       text        NOT NULL,
    eligibility_rule_set  text        NOT NULL,
    required_roles        jsonb       NOT NULL,
    hub_code              text        NOT NULL,
    academic_year         text        NOT NULL,
    capacity              integer     NOT NULL CHECK (capacity > 0),
    allocation_policy     text        NOT NULL,
    status                text        NOT NULL,
    applications_open_at  timestamptz NOT NULL,
    applications_close_at timestamptz NOT NULL,
    confirmation_date     date        NOT NULL,
    revision              bigint      NOT NULL,
    places_allocated      integer     NOT NULL DEFAULT 0,
    waiting_list_length   integer     NOT NULL DEFAULT 0,
    -- The backstop: whatever the code does, a Work Group is never overbooked.
    CONSTRAINT work_group_never_overbooked CHECK (places_allocated BETWEEN 0 AND capacity),
    CHECK (waiting_list_length >= 0)
);

CREATE TABLE application (
    id                      uuid PRIMARY KEY,
    reference               text        NOT NULL UNIQUE,
    secret_hash             text        NOT NULL,
    work_group_id           uuid        NOT NULL REFERENCES work_group (id),
    hub_code                text        NOT NULL,
    urn                     text        NOT NULL CHECK (urn ~ '^[0-9]{6,7}$'),
    school_name             text        NOT NULL,
    school_address          text        NOT NULL,
    school_telephone        text        NOT NULL,
    local_authority         text        NOT NULL,
    headteacher_name        text        NOT NULL,
    headteacher_email       text        NOT NULL,
    main_contact_name       text        NOT NULL,
    main_contact_email      text        NOT NULL,
    main_contact_trn        text        NOT NULL CHECK (main_contact_trn ~ '^[0-9]{7}$'),
    main_contact_roles      text        NOT NULL,
    headteacher_statement   text        NOT NULL,
    status                  text        NOT NULL,
    waiting_list_position   integer,
    submitted_at            timestamptz NOT NULL,
    decided_at              timestamptz,
    -- One application per school per Work Group.
    CONSTRAINT one_application_per_school UNIQUE (work_group_id, urn)
);

CREATE INDEX application_by_work_group ON application (work_group_id, submitted_at);

-- The people a school names: one per role the programme requires.
CREATE TABLE application_person (
    id             uuid PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    role           text NOT NULL,
    name           text NOT NULL,
    email          text NOT NULL,
    trn            text CHECK (trn ~ '^[0-9]{7}$'),
    school_roles   text,
    UNIQUE (application_id, position)
);

CREATE TABLE outbox_event (
    seq            bigserial PRIMARY KEY,
    event_id       uuid        NOT NULL UNIQUE,
    type           text        NOT NULL,
    topic          text        NOT NULL,
    aggregate_key  text        NOT NULL,
    payload        text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    published_at   timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
