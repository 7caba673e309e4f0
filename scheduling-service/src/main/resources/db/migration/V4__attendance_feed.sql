-- Attendance in the NCETM's sync, paged the way participants are (see V3): stamped on insert, and on every real change.
ALTER TABLE attendance ADD COLUMN updated_at timestamptz NOT NULL DEFAULT clock_timestamp();
ALTER TABLE attendance ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX attendance_by_change ON attendance (change_xid, session_id, participant_id);
CREATE INDEX attendance_by_updated_at ON attendance (updated_at);

CREATE FUNCTION attendance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.attendance, NEW.revision) IS DISTINCT FROM (OLD.attendance, OLD.revision) THEN
        NEW.updated_at := clock_timestamp();
        NEW.change_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER attendance_changed BEFORE UPDATE ON attendance FOR EACH ROW EXECUTE FUNCTION attendance_changed();
