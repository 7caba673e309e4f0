-- The audit trail (service-kit AuditTrail): who changed what and when, and who read personal data. Entries name who
-- acted, never the teachers acted on.
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
