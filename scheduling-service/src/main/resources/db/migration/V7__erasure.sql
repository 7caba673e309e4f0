-- A participant erased at their request keeps their place in the counts (role, school, attendance) and nothing that
-- names them: name overwritten, no email address, no TRN, a new calendar link.
ALTER TABLE participant ALTER COLUMN email DROP NOT NULL;
ALTER TABLE participant ADD COLUMN erased_at timestamptz;
