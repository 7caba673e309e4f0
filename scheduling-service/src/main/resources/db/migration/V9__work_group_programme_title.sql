-- The programme's title as the catalogue's Work Group events carry it, so that mails name the programme as schools
-- know it ("Mastering Number at KS2") rather than by its code. Nullable and additive: the previous release ignores
-- it during a rolling update, and copies taken in before it stay without a title (mails fall back to the code) until
-- the Work Group's next event brings one.
ALTER TABLE work_group ADD COLUMN programme_title text;
