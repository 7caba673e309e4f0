-- Emails, written in the transaction of the change that causes them (a rollback sends nothing, a crash loses
-- nothing) and sent by NotificationRelay, which retries with a growing pause. The rendered body holds names and,
-- for confirmation requests, the person's single-use link: it is cleared once the mail is sent, and the sent row
-- (who was mailed what, when) is deleted after notifications.retention.
CREATE TABLE notification (
    id                 uuid PRIMARY KEY,
    kind               text        NOT NULL,
    -- One address per row; with person_id, what an erasure deletes by.
    recipient          text        NOT NULL,
    person_id          uuid,
    application_id     uuid,
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
CREATE INDEX notification_by_person ON notification (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX notification_by_application ON notification (application_id) WHERE application_id IS NOT NULL;

-- The Work Groups whose allocation decisions have been mailed to their schools: once, on the confirmation date
-- (UK time), the decisions made before it; afterwards each decision is mailed as it is made.
CREATE TABLE decision_announcement (
    work_group_id uuid PRIMARY KEY REFERENCES work_group (id),
    announced_at  timestamptz NOT NULL
);

-- Work Groups already past their confirmation date announced their decisions before mails existed: none is
-- mailed now, months late.
INSERT INTO decision_announcement (work_group_id, announced_at)
SELECT id, now() FROM work_group WHERE confirmation_date <= (now() AT TIME ZONE 'Europe/London')::date;
