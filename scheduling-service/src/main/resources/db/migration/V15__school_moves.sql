-- Schools whose history moved to a successor URN (GIAS links, as the applications service announces them), for the
-- NCETM's sync: a copy keyed by URN follows the move. One row per (urn, successor); an id of its own for the cursor.
CREATE TABLE school_move (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    urn           text        NOT NULL,
    successor_urn text        NOT NULL,
    link_type     text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    change_xid    xid8        NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE (urn, successor_urn)
);
CREATE INDEX school_move_by_change ON school_move (change_xid, id);
CREATE INDEX school_move_by_updated_at ON school_move (updated_at);
CREATE INDEX school_move_by_successor ON school_move (successor_urn);

CREATE FUNCTION school_move_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.link_type IS DISTINCT FROM OLD.link_type THEN
        NEW.updated_at := clock_timestamp();
        NEW.change_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER school_move_changed BEFORE UPDATE ON school_move FOR EACH ROW EXECUTE FUNCTION school_move_changed();
