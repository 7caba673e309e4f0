-- Why schools leave, as codes the NCETM can count (issue 20, item 3): rejections by the hub, withdrawals and declined
-- offers by the school. The lists are data (kit ReasonCodes reads them; GET /api/v1/reason-codes/{kind} shows them): a
-- code is retired, never deleted or renamed, so that every step recorded with it still reads. NOT_GIVEN is what a step
-- records when the caller sends no code, so that every one has a code to count; the free text stays beside it.
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
    ('rejection', 'NOT_GIVEN', 'No reason given', 0),
    ('rejection', 'NOT_ELIGIBLE', 'The school does not meet the programme''s eligibility criteria', 1),
    ('rejection', 'PLACES_FULL', 'All the Work Group''s places are taken', 2),
    ('rejection', 'OUTSIDE_HUB_AREA', 'The school is outside this Maths Hub''s area', 3),
    ('rejection', 'DUPLICATE', 'The school has already applied, or already has a place elsewhere', 4),
    ('rejection', 'INCOMPLETE_APPLICATION', 'The application is incomplete', 5),
    ('rejection', 'COMMITMENT_NOT_CONFIRMED', 'The headteacher or lead teachers have not confirmed the commitment', 6),
    ('rejection', 'OTHER', 'Another reason', 9),

    -- For counting drop-out: APPLIED_IN_ERROR marks a withdrawal that is not one (a mistake, or applied twice).
    ('withdrawal', 'NOT_GIVEN', 'No reason given', 0),
    ('withdrawal', 'STAFF_CHANGES', 'Staff changes, such as a lead teacher leaving or on long-term leave', 1),
    ('withdrawal', 'WORKLOAD', 'Workload: staff cannot give the time the programme needs', 2),
    ('withdrawal', 'SCHOOL_PRIORITIES', 'The school''s priorities have changed, such as after an inspection', 3),
    ('withdrawal', 'TIMING', 'The sessions'' dates or times do not suit the school', 4),
    ('withdrawal', 'ALREADY_ENGAGED', 'The school is already taking part in similar professional development', 5),
    ('withdrawal', 'APPLIED_IN_ERROR', 'The school applied by mistake, or applied twice', 6),
    ('withdrawal', 'OTHER', 'Another reason', 9),

    ('offer-decline', 'NOT_GIVEN', 'No reason given', 0),
    ('offer-decline', 'NO_LONGER_NEEDED', 'The school no longer needs the place', 1),
    ('offer-decline', 'TIMING', 'The sessions'' dates or times do not suit the school', 2),
    ('offer-decline', 'STAFF_CHANGES', 'Staff changes, such as a lead teacher leaving or on long-term leave', 3),
    ('offer-decline', 'ALREADY_ENGAGED', 'The school is already taking part in similar professional development', 4),
    ('offer-decline', 'OTHER', 'Another reason', 9);

-- The code beside the free text: on the step that left (its history) and on the application as it stands. Nullable:
-- the steps before codes have none, and the previous release writes none (expand/contract).
ALTER TABLE application_decision ADD COLUMN reason_code text;
ALTER TABLE application ADD COLUMN decision_reason_code text;
