-- The Idempotency-Keys clients sent with POSTs, and the answers they got (service-kit IdempotencyStore): a retry with
-- the same key is answered from here for 24 hours. Found by a hash of client and key; the answer is encrypted with a
-- key derived from the Idempotency-Key, so a reader of this table learns neither. status is null while in flight.
CREATE TABLE idempotency_key (
    id           text        PRIMARY KEY,
    fingerprint  text        NOT NULL,
    started_at   timestamptz NOT NULL,
    status       integer,
    content_type text,
    location     text,
    body         bytea
);

-- The hourly purge of keys older than 24 hours.
CREATE INDEX idempotency_key_started_at ON idempotency_key (started_at);
