-- After the year: the evaluation surveys schools signed up to, and certificates of completion.

-- A completion corrected after it was decided (attendance recorded again once the Work Group completed): the feed
-- brings the row again, and the certificates follow it.
ALTER TABLE school_completion ADD COLUMN corrected_at timestamptz;
CREATE FUNCTION school_completion_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.completed IS DISTINCT FROM OLD.completed THEN
        NEW.updated_at := clock_timestamp();
        NEW.change_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER school_completion_changed BEFORE UPDATE ON school_completion
    FOR EACH ROW EXECUTE FUNCTION school_completion_changed();

-- One certificate per person whose school completed a Work Group. The code is printed on it and checked by anyone;
-- the download token is the person's private link to the PDF. Erasure voids it and removes the name and the link.
CREATE TABLE certificate (
    code            text        PRIMARY KEY,
    participant_id  uuid,
    work_group_id   uuid        NOT NULL,
    urn             text        NOT NULL,
    person_name     text,
    programme_code  text        NOT NULL,
    programme_title text        NOT NULL,
    hub_code        text        NOT NULL,
    academic_year   text        NOT NULL,
    download_token  text        UNIQUE,
    issued_at       timestamptz NOT NULL,
    voided_at       timestamptz,
    void_reason     text
);
-- At most one valid certificate per person and Work Group, however often a completion is corrected back and forth.
CREATE UNIQUE INDEX certificate_valid_once ON certificate (participant_id, work_group_id) WHERE voided_at IS NULL;
CREATE INDEX certificate_by_school ON certificate (work_group_id, urn);
CREATE INDEX certificate_by_participant ON certificate (participant_id);

-- A programme's evaluation survey for one academic year: its questions as data, and when it goes out.
CREATE TABLE survey (
    id             uuid        PRIMARY KEY,
    programme_code text        NOT NULL,
    academic_year  text        NOT NULL,
    title          text        NOT NULL,
    audience       text        NOT NULL,      -- PERSON: each person enrolled; SCHOOL: the headteacher, once per school
    sends          text        NOT NULL,      -- AFTER_SESSION (those who attended it) or AT_COMPLETION
    session_id     uuid,
    questions      jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    UNIQUE (programme_code, academic_year, title)
);
CREATE INDEX survey_after_session ON survey (session_id) WHERE session_id IS NOT NULL;

-- The questions a hub adds for its own Work Group.
CREATE TABLE survey_hub_questions (
    survey_id     uuid        NOT NULL REFERENCES survey (id),
    work_group_id uuid        NOT NULL,
    questions     jsonb       NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    PRIMARY KEY (survey_id, work_group_id)
);

-- Who was asked, by a single-use link, and whether they answered: the only place a person meets a survey. The answer
-- itself is stored apart, without the person. Erasure removes the person from it.
CREATE TABLE survey_invitation (
    id             uuid        PRIMARY KEY,
    survey_id      uuid        NOT NULL REFERENCES survey (id),
    work_group_id  uuid        NOT NULL,
    participant_id uuid,
    token          text        UNIQUE,        -- null once answered or erased: the link works once
    sent_at        timestamptz NOT NULL,
    reminded_at    timestamptz,
    answered_at    timestamptz,
    UNIQUE (survey_id, participant_id)
);
CREATE INDEX survey_invitation_by_group ON survey_invitation (survey_id, work_group_id);
CREATE INDEX survey_invitation_by_participant ON survey_invitation (participant_id);

-- One answered survey, anonymous: the Work Group (so hub and programme), the respondent's role, and the school only
-- where the survey is per school.
CREATE TABLE survey_response (
    id             uuid        PRIMARY KEY,
    survey_id      uuid        NOT NULL REFERENCES survey (id),
    work_group_id  uuid        NOT NULL,
    role           text        NOT NULL,
    urn            text,
    submitted_at   timestamptz NOT NULL
);
CREATE INDEX survey_response_by_survey ON survey_response (survey_id, work_group_id);

CREATE TABLE survey_answer (
    response_id  uuid        NOT NULL REFERENCES survey_response (id),
    question_key text        NOT NULL,
    added_by_hub boolean     NOT NULL,
    scale        integer,
    choice       text,
    text         text,
    updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    change_xid   xid8        NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (response_id, question_key)
);
CREATE INDEX survey_answer_by_change ON survey_answer (change_xid, response_id, question_key);
CREATE INDEX survey_answer_by_updated_at ON survey_answer (updated_at);
