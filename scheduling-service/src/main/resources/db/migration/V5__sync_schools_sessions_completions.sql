-- The rest of the NCETM's sync: schools with their applications, sessions, and completion; and the rule behind every
-- feed's updated_since: anything that changes what a row shows bumps the row, including a change to the row it is
-- joined to (a session moved bumps its attendance, a Work Group arriving late bumps its participants). Additive only.

-- Schools per Work Group, as the applications service announced their applications: a projection of its events, so
-- the NCETM gets status and dates from here without joining two services' data.
CREATE TABLE school_application (
    application_id        uuid        PRIMARY KEY,
    reference             text        NOT NULL,
    work_group_id         uuid        NOT NULL,
    urn                   text        NOT NULL,
    school_name           text,
    status                text        NOT NULL CHECK (status IN ('SUBMITTED', 'WAITLISTED', 'OFFERED', 'ACCEPTED',
                                                                'DECLINED', 'EXPIRED', 'REJECTED', 'WITHDRAWN')),
    submitted_at          timestamptz,
    waitlisted_at         timestamptz,
    waiting_list_position integer,
    offered_at            timestamptz,
    offer_expires_at      timestamptz,
    offer_ended_at        timestamptz,
    accepted_at           timestamptz,
    rejected_at           timestamptz,
    withdrawn_at          timestamptz,
    updated_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    change_xid            xid8        NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX school_application_by_change ON school_application (change_xid, application_id);
CREATE INDEX school_application_by_updated_at ON school_application (updated_at);
CREATE INDEX school_application_by_work_group ON school_application (work_group_id, urn);

CREATE FUNCTION school_application_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.reference, NEW.work_group_id, NEW.urn, NEW.school_name, NEW.status, NEW.submitted_at, NEW.waitlisted_at,
        NEW.waiting_list_position, NEW.offered_at, NEW.offer_expires_at, NEW.offer_ended_at, NEW.accepted_at,
        NEW.rejected_at, NEW.withdrawn_at)
       IS DISTINCT FROM
       (OLD.reference, OLD.work_group_id, OLD.urn, OLD.school_name, OLD.status, OLD.submitted_at, OLD.waitlisted_at,
        OLD.waiting_list_position, OLD.offered_at, OLD.offer_expires_at, OLD.offer_ended_at, OLD.accepted_at,
        OLD.rejected_at, OLD.withdrawn_at) THEN
        NEW.updated_at := clock_timestamp();
        NEW.change_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER school_application_changed BEFORE UPDATE ON school_application
    FOR EACH ROW EXECUTE FUNCTION school_application_changed();

-- Sessions: session.updated_at is the calendar's (the application's clock); the sync keeps its own stamp in the
-- database's time, like every other feed.
ALTER TABLE session ADD COLUMN changed_at timestamptz NOT NULL DEFAULT clock_timestamp();
ALTER TABLE session ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX session_by_change ON session (change_xid, id);
CREATE INDEX session_by_changed_at ON session (changed_at);

CREATE FUNCTION session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.work_group_id, NEW.programme_code, NEW.academic_year, NEW.title, NEW.audience, NEW.delivery_mode,
        NEW.starts_at, NEW.ends_at, NEW.term, NEW.location, NEW.status, NEW.status_reason, NEW.sequence)
       IS DISTINCT FROM
       (OLD.work_group_id, OLD.programme_code, OLD.academic_year, OLD.title, OLD.audience, OLD.delivery_mode,
        OLD.starts_at, OLD.ends_at, OLD.term, OLD.location, OLD.status, OLD.status_reason, OLD.sequence) THEN
        NEW.changed_at := clock_timestamp();
        NEW.change_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER session_changed BEFORE UPDATE ON session FOR EACH ROW EXECUTE FUNCTION session_changed();

-- Completion per school: decided once; the name is the school's at the time.
ALTER TABLE school_completion ADD COLUMN school_name text;
ALTER TABLE school_completion ADD COLUMN updated_at timestamptz NOT NULL DEFAULT clock_timestamp();
ALTER TABLE school_completion ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX school_completion_by_change ON school_completion (change_xid, work_group_id, urn);
CREATE INDEX school_completion_by_updated_at ON school_completion (updated_at);

-- Rows that show what another row holds are bumped when it changes. Each UPDATE below sets only the stamps, which the
-- row's own trigger leaves as set.

-- A Work Group's hub, programme and year show on its participants, attendance, schools, sessions and completions;
-- its central sessions match a filter by this Work Group from the moment this service knows the group.
CREATE FUNCTION work_group_shown_elsewhere() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.hub_code, NEW.programme_code, NEW.academic_year)
                            IS NOT DISTINCT FROM (OLD.hub_code, OLD.programme_code, OLD.academic_year) THEN
        RETURN NULL;
    END IF;
    UPDATE participant SET updated_at = clock_timestamp(), change_xid = pg_current_xact_id()
        WHERE work_group_id = NEW.id;
    UPDATE attendance SET updated_at = clock_timestamp(), change_xid = pg_current_xact_id()
        WHERE participant_id IN (SELECT id FROM participant WHERE work_group_id = NEW.id);
    UPDATE school_application SET updated_at = clock_timestamp(), change_xid = pg_current_xact_id()
        WHERE work_group_id = NEW.id;
    UPDATE school_completion SET updated_at = clock_timestamp(), change_xid = pg_current_xact_id()
        WHERE work_group_id = NEW.id;
    UPDATE session SET changed_at = clock_timestamp(), change_xid = pg_current_xact_id()
        WHERE work_group_id = NEW.id
           OR (work_group_id IS NULL AND programme_code = NEW.programme_code AND academic_year = NEW.academic_year);
    RETURN NULL;
END $$;
CREATE TRIGGER work_group_shown_elsewhere AFTER INSERT OR UPDATE ON work_group
    FOR EACH ROW EXECUTE FUNCTION work_group_shown_elsewhere();

-- A participant's school, Work Group, programme and year show on their attendance.
CREATE FUNCTION participant_shown_elsewhere() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.work_group_id, NEW.programme_code, NEW.academic_year, NEW.urn)
       IS DISTINCT FROM (OLD.work_group_id, OLD.programme_code, OLD.academic_year, OLD.urn) THEN
        UPDATE attendance SET updated_at = clock_timestamp(), change_xid = pg_current_xact_id()
            WHERE participant_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER participant_shown_elsewhere AFTER UPDATE ON participant
    FOR EACH ROW EXECUTE FUNCTION participant_shown_elsewhere();

-- A session's title, delivery mode, start and kind show on its attendance.
CREATE FUNCTION session_shown_elsewhere() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.title, NEW.delivery_mode, NEW.starts_at, NEW.work_group_id)
       IS DISTINCT FROM (OLD.title, OLD.delivery_mode, OLD.starts_at, OLD.work_group_id) THEN
        UPDATE attendance SET updated_at = clock_timestamp(), change_xid = pg_current_xact_id()
            WHERE session_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER session_shown_elsewhere AFTER UPDATE ON session
    FOR EACH ROW EXECUTE FUNCTION session_shown_elsewhere();
