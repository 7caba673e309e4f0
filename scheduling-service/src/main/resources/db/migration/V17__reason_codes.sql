-- Why a session did not happen, as codes the NCETM can count (issue 20, item 3), and the codes of the applications
-- service's steps that ended a school's application, for the NCETM's schools feed. The list is data (kit ReasonCodes
-- reads it; GET /api/v1/reason-codes/session-cancellation shows it): a code is retired, never deleted or renamed, so
-- that every cancellation recorded with it still reads. NOT_GIVEN is what a cancellation sent without a code records.
CREATE TABLE reason_code (
    kind     text     NOT NULL,
    code     text     NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    label    text     NOT NULL,
    -- The order a form offers them in: no reason first (a form's default), the specific ones, then "another reason".
    position smallint NOT NULL,
    retired  boolean  NOT NULL DEFAULT false,
    PRIMARY KEY (kind, code)
);

INSERT INTO reason_code (kind, code, label, position) VALUES
    ('session-cancellation', 'NOT_GIVEN', 'No reason given', 0),
    ('session-cancellation', 'FACILITATOR_UNAVAILABLE', 'The facilitator or Work Group Lead is unavailable', 1),
    ('session-cancellation', 'VENUE_UNAVAILABLE', 'The venue is unavailable', 2),
    ('session-cancellation', 'SEVERE_WEATHER', 'Severe weather', 3),
    ('session-cancellation', 'LOW_NUMBERS', 'Too few teachers are able to attend', 4),
    ('session-cancellation', 'TECHNICAL_PROBLEMS', 'Technical problems with the online session', 5),
    ('session-cancellation', 'RESCHEDULED', 'Replaced by a session at another time', 6),
    ('session-cancellation', 'OTHER', 'Another reason', 9);

-- Nullable: sessions not cancelled, those cancelled before codes, and the previous release's writes have none.
ALTER TABLE session ADD COLUMN reason_code text;
-- The code of the step that ended a school's application (rejected, withdrawn, offer declined), from its event.
ALTER TABLE school_application ADD COLUMN reason_code text;

-- The feeds' change stamps follow every column a row shows: the two functions of V5 with reason_code added.
CREATE OR REPLACE FUNCTION school_application_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.reference, NEW.work_group_id, NEW.urn, NEW.school_name, NEW.status, NEW.submitted_at, NEW.waitlisted_at,
        NEW.waiting_list_position, NEW.offered_at, NEW.offer_expires_at, NEW.offer_ended_at, NEW.accepted_at,
        NEW.rejected_at, NEW.withdrawn_at, NEW.reason_code)
       IS DISTINCT FROM
       (OLD.reference, OLD.work_group_id, OLD.urn, OLD.school_name, OLD.status, OLD.submitted_at, OLD.waitlisted_at,
        OLD.waiting_list_position, OLD.offered_at, OLD.offer_expires_at, OLD.offer_ended_at, OLD.accepted_at,
        OLD.rejected_at, OLD.withdrawn_at, OLD.reason_code) THEN
        NEW.updated_at := clock_timestamp();
        NEW.change_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.work_group_id, NEW.programme_code, NEW.academic_year, NEW.title, NEW.audience, NEW.delivery_mode,
        NEW.starts_at, NEW.ends_at, NEW.term, NEW.location, NEW.status, NEW.status_reason, NEW.sequence, NEW.reason_code)
       IS DISTINCT FROM
       (OLD.work_group_id, OLD.programme_code, OLD.academic_year, OLD.title, OLD.audience, OLD.delivery_mode,
        OLD.starts_at, OLD.ends_at, OLD.term, OLD.location, OLD.status, OLD.status_reason, OLD.sequence, OLD.reason_code) THEN
        NEW.changed_at := clock_timestamp();
        NEW.change_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END $$;
