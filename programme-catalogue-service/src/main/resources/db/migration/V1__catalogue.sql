-- The catalogue: what is on offer, nationally (programmes) and locally (Maths Hubs' Work Groups).

CREATE TABLE programme (
    code                 text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    title                text        NOT NULL,
    summary              text        NOT NULL,
    year_groups          jsonb       NOT NULL,
    required_roles       jsonb       NOT NULL,
    expectations         jsonb       NOT NULL,
    benefits             jsonb       NOT NULL,
    cost                 text        NOT NULL,
    funding              text        NOT NULL,
    central_sessions     integer     NOT NULL CHECK (central_sessions >= 0),
    eligibility_rule_set text        NOT NULL,
    revision             bigint      NOT NULL DEFAULT 0,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE hub (
    code          text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name          text NOT NULL UNIQUE,
    contact_email text NOT NULL,
    region        text NOT NULL
);

CREATE TABLE work_group (
    id                    uuid PRIMARY KEY,
    programme_code        text        NOT NULL REFERENCES programme (code),
    hub_code              text        NOT NULL REFERENCES hub (code),
    academic_year         text        NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{2}$'),
    capacity              integer     NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    lead                  text        NOT NULL,
    allocation_policy     text        NOT NULL CHECK (allocation_policy IN ('FIRST_COME_FIRST_SERVED', 'PRIORITY_RULES')),
    status                text        NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'RUNNING', 'COMPLETED', 'CANCELLED')),
    applications_open_at  timestamptz NOT NULL,
    applications_close_at timestamptz NOT NULL,
    confirmation_date     date        NOT NULL,
    express_interest      boolean     NOT NULL DEFAULT false,
    revision              bigint      NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CHECK (applications_close_at > applications_open_at)
);

CREATE INDEX work_group_listing ON work_group (academic_year, hub_code, programme_code);

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
