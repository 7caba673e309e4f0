-- Webhook subscriptions: a client (a hub website, the NCETM) asks to be told of some kinds of event at an address.
-- hub_code is the hub it may be told about; null for a national client (the NCETM), which is told about every hub.
CREATE TABLE subscription (
    id                      uuid        PRIMARY KEY,
    client_id               text        NOT NULL,
    hub_code                text,
    url                     text        NOT NULL,
    event_types             text[]      NOT NULL,
    description             text,
    status                  text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    disabled_reason         text,
    -- The signing secret (whsec_ + base64) and, for a while after a rotation, the one before it: both sign meanwhile.
    secret                  text        NOT NULL,
    previous_secret         text,
    previous_secret_until   timestamptz,
    created_at              timestamptz NOT NULL,
    changed_at              timestamptz NOT NULL
);
CREATE INDEX subscription_by_client ON subscription (client_id, created_at, id);

-- The Work Groups as the catalogue announces them: which hub each belongs to (who may be told) and when its decisions
-- are released (a decision is held until then).
CREATE TABLE work_group (
    id                uuid   PRIMARY KEY,
    hub_code          text   NOT NULL,
    confirmation_date date,
    revision          bigint NOT NULL
);

-- What happened, once, as a receiver is told it: the Standard Webhooks message (its id is the webhook-id, the same
-- for every subscription and every retry, so a receiver can drop a repeat). data holds ids and links, never a name.
CREATE TABLE message (
    id            uuid        PRIMARY KEY,
    event_id      text        NOT NULL,
    type          text        NOT NULL,
    subject       text        NOT NULL,
    hub_code      text,
    -- Told to every subscriber whatever its hub (a central session concerns every hub's schools).
    every_hub     boolean     NOT NULL,
    work_group_id uuid,
    data          jsonb       NOT NULL,
    occurred_at   timestamptz NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX message_by_work_group ON message (work_group_id) WHERE work_group_id IS NOT NULL;

-- One message to one subscription. Delivered in seq order per subscription and subject: a delivery waits while an
-- earlier one of its subject is pending. held: not to go before next_attempt_at for a reason of the platform's (a
-- decision before its release date, an offer's reminder), so a later message of its subject supersedes it.
CREATE TABLE delivery (
    id               uuid        PRIMARY KEY,
    seq              bigserial   NOT NULL UNIQUE,
    subscription_id  uuid        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    message_id       uuid        NOT NULL REFERENCES message (id),
    subject          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'SUPERSEDED')),
    held             boolean     NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    -- Taken by a dispatcher until then (its request is in flight); another may take it after, if that one died.
    leased_until     timestamptz,
    -- Retried until then (three days after it became due), then failed.
    retry_until      timestamptz NOT NULL,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL,
    UNIQUE (subscription_id, message_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at, seq) WHERE status = 'PENDING';
CREATE INDEX delivery_by_subject ON delivery (subscription_id, subject, seq) WHERE status = 'PENDING';
CREATE INDEX delivery_log ON delivery (subscription_id, seq);
CREATE INDEX delivery_by_message ON delivery (message_id);

-- Idempotent consumers (service-kit Inbox).
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- The audit trail (service-kit AuditTrail): who subscribed where, rotated a secret, asked for a redelivery.
CREATE TABLE audit_entry (
    id          bigserial   PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    subject     text        NOT NULL,
    detail      jsonb
);
CREATE INDEX audit_entry_by_subject ON audit_entry (subject, id);
CREATE INDEX audit_entry_by_actor ON audit_entry (actor, id);
CREATE INDEX audit_entry_by_action ON audit_entry (action, id);
CREATE INDEX audit_entry_by_time ON audit_entry (occurred_at);

-- Idempotency-Keys of POSTs (service-kit IdempotencyStore).
CREATE TABLE idempotency_key (
    id           text        PRIMARY KEY,
    fingerprint  text        NOT NULL,
    started_at   timestamptz NOT NULL,
    status       integer,
    content_type text,
    location     text,
    body         bytea
);
CREATE INDEX idempotency_key_started_at ON idempotency_key (started_at);

-- The kit's event outbox: this service publishes no event yet, but the kit's relay reads the table.
CREATE TABLE outbox_event (
    seq            bigserial PRIMARY KEY,
    event_id       uuid        NOT NULL UNIQUE,
    type           text        NOT NULL,
    topic          text        NOT NULL,
    aggregate_key  text        NOT NULL,
    payload        text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    published_at   timestamptz,
    traceparent    text
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
