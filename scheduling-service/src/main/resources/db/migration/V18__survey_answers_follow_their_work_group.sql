-- The survey answers feed shows each answer's Work Group's hub: a Work Group moved to another hub brings its answers
-- back to the NCETM's next pull, as it does its participants, schools, sessions and completions (V5).
CREATE OR REPLACE FUNCTION work_group_shown_elsewhere() RETURNS trigger LANGUAGE plpgsql AS $$
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
    UPDATE survey_answer SET updated_at = clock_timestamp(), change_xid = pg_current_xact_id()
        WHERE response_id IN (SELECT id FROM survey_response WHERE work_group_id = NEW.id);
    RETURN NULL;
END $$;
CREATE INDEX survey_response_by_work_group ON survey_response (work_group_id);
