-- Emails (session invitations with their iCalendar file, moves, cancellations), written in the transaction of the
-- change that causes them (a rollback sends nothing, a crash loses nothing) and sent by NotificationRelay, which
-- retries with a growing pause. Body and attachment hold names and addresses: cleared once the mail is sent; the
-- sent row (who was mailed what, when) is deleted after notifications.retention.
CREATE TABLE notification (
    id                 uuid PRIMARY KEY,
    kind               text        NOT NULL,
    -- One address per row; with participant_id, what an erasure deletes by.
    recipient          text        NOT NULL,
    participant_id     uuid,
    session_id         uuid,
    subject            text        NOT NULL,
    body               text,
    attachment_name    text,
    attachment_type    text,
    attachment_content text,
    created_at         timestamptz NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at    timestamptz NOT NULL,
    sent_at            timestamptz,
    failed_at          timestamptz,
    -- The mail server's answer to the last attempt, with any address in it replaced.
    last_error         text,
    CHECK (sent_at IS NULL OR failed_at IS NULL)
);

-- What the sender claims: mails still to go, by when they are due.
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
-- What the retention sweep deletes.
CREATE INDEX notification_sent ON notification (sent_at) WHERE sent_at IS NOT NULL;
-- What an erasure deletes.
CREATE INDEX notification_by_recipient ON notification (lower(recipient));
CREATE INDEX notification_by_participant ON notification (participant_id) WHERE participant_id IS NOT NULL;
