-- The NCETM's participation API pages through participants in the order their last change committed, and finds
-- what changed since a time. A trigger stamps both on every real change (a redelivered event that changes nothing
-- bumps nothing). change_xid is the writing transaction's id: a page only reaches up to the oldest transaction
-- still running, so a row committed later can never land behind a cursor that has already passed it.
ALTER TABLE participant ADD COLUMN updated_at timestamptz NOT NULL DEFAULT clock_timestamp();
ALTER TABLE participant ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX participant_by_change ON participant (change_xid, id);
CREATE INDEX participant_by_updated_at ON participant (updated_at);

CREATE FUNCTION participant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.application_id, NEW.work_group_id, NEW.programme_code, NEW.academic_year, NEW.urn, NEW.school_name,
        NEW.role, NEW.name, NEW.email, NEW.trn, NEW.withdrawn_at)
       IS DISTINCT FROM
       (OLD.application_id, OLD.work_group_id, OLD.programme_code, OLD.academic_year, OLD.urn, OLD.school_name,
        OLD.role, OLD.name, OLD.email, OLD.trn, OLD.withdrawn_at) THEN
        NEW.updated_at := clock_timestamp();
        NEW.change_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER participant_changed BEFORE UPDATE ON participant FOR EACH ROW EXECUTE FUNCTION participant_changed();

-- Every pull of personal data: who, what, when, how many rows.
CREATE TABLE data_access (
    id          bigserial   PRIMARY KEY,
    client      text        NOT NULL,
    resource    text        NOT NULL,
    query       text        NOT NULL,
    rows        integer     NOT NULL,
    accessed_at timestamptz NOT NULL
);
CREATE INDEX data_access_by_time ON data_access (accessed_at);
