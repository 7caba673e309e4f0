-- An application's insert no longer locks its Work Group's row. The foreign key made every intake take the row
-- FOR KEY SHARE; with twenty intakes at once on one Work Group PostgreSQL created a MultiXact for almost every one
-- of them (three per application in the opening-rush benchmark) and rewrote the row's lock bits each time: the
-- "no Work Group row lock" of the intake was not true. Work Group rows here are the catalogue's, projected from its
-- events, and never deleted; the intake reads the row in the same transaction before it inserts.
ALTER TABLE application DROP CONSTRAINT application_work_group_id_fkey;

-- The eligibility rule "intends to join a Development Work Group" looks for a school's accepted places elsewhere on
-- every application: without an index by URN that read a whole index of the table each time.
CREATE INDEX application_accepted_by_urn ON application (urn) WHERE status = 'ACCEPTED';
