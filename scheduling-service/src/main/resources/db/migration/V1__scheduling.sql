-- Sessions (central and local), the people of accepted schools, and who is expected at which session.

-- This service's copy of each Work Group, kept from the catalogue's events: enough to know the hub that
-- schedules its local sessions and the programme and year whose central sessions its schools attend.
CREATE TABLE work_group (
    id             uuid PRIMARY KEY,
    programme_code text   NOT NULL,
    hub_code       text   NOT NULL,
    academic_year  text   NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{2}$'),
    status         text   NOT NULL,
    revision       bigint NOT NULL
);

CREATE INDEX work_group_by_programme ON work_group (programme_code, academic_year);

-- A session is local (run by one Work Group's hub) or central (work_group_id null: national, for every
-- group of its programme and year). Times are instants; the API reads and writes them in UK local time.
CREATE TABLE session (
    id             uuid PRIMARY KEY,
    work_group_id  uuid        REFERENCES work_group (id),
    programme_code text        NOT NULL,
    academic_year  text        NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{2}$'),
    title          text        NOT NULL,
    audience       text        NOT NULL CHECK (audience IN ('LEAD_TEACHERS', 'HEADTEACHERS', 'MATHS_LEADS', 'EVERYONE')),
    delivery_mode  text        NOT NULL CHECK (delivery_mode IN ('LIVE_ONLINE', 'ONLINE_WORKSHOP', 'FACE_TO_FACE', 'TWILIGHT')),
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    term           text        NOT NULL CHECK (term IN ('AUTUMN', 'SPRING', 'SUMMER')),
    location       text,
    join_link      text,
    recording_link text,
    status         text        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    -- Bumped each time the session is moved, as calendar invitations count their revisions.
    sequence       integer     NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created_at     timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);

CREATE INDEX session_local ON session (work_group_id, starts_at) WHERE work_group_id IS NOT NULL;
CREATE INDEX session_central ON session (programme_code, academic_year, starts_at) WHERE work_group_id IS NULL;

-- An accepted school's people, as the applications service announced them (id = its participantId).
-- Programme and year come with the acceptance, so central enrolment does not wait for the Work Group's
-- event, which travels on another topic and may arrive later. No foreign key to work_group for that reason.
CREATE TABLE participant (
    id             uuid PRIMARY KEY,
    application_id uuid        NOT NULL,
    work_group_id  uuid        NOT NULL,
    programme_code text        NOT NULL,
    academic_year  text        NOT NULL,
    urn            text        NOT NULL,
    school_name    text        NOT NULL,
    role           text        NOT NULL,
    name           text        NOT NULL,
    email          text        NOT NULL,
    trn            text,
    withdrawn_at   timestamptz
);

CREATE INDEX participant_by_work_group ON participant (work_group_id);
CREATE INDEX participant_by_application ON participant (application_id);
CREATE INDEX participant_by_programme ON participant (programme_code, academic_year) WHERE withdrawn_at IS NULL;

-- Who is expected at which session.
CREATE TABLE enrolment (
    session_id     uuid NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    participant_id uuid NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, participant_id)
);

CREATE INDEX enrolment_by_participant ON enrolment (participant_id);

-- Transactional outbox and idempotent consumers (see service-kit).
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
