-- Places allocated so far, as the applications service (the authority on places) has announced them.
-- Lets hub websites show places left, and the catalogue refuse a capacity below what has been given.
ALTER TABLE work_group ADD COLUMN places_allocated integer NOT NULL DEFAULT 0 CHECK (places_allocated >= 0);
