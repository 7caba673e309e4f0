-- The opening rush: an application is taken in one short write that records its place in the arrival order, and
-- places are given behind it, per Work Group, by the allocator (uk.mathshubs.applications.allocation).

-- The arrival order: a number taken at intake. No ties, no wall clocks; a number taken by an intake that rolled back
-- (a duplicate, say) is simply never seen.
CREATE SEQUENCE application_arrival AS bigint;

ALTER TABLE application ADD COLUMN arrival bigint;
-- Applications from before: in the order they were submitted.
WITH ordered AS (SELECT id, row_number() OVER (ORDER BY submitted_at, reference) AS n FROM application)
UPDATE application a SET arrival = ordered.n FROM ordered WHERE a.id = ordered.id;
SELECT setval('application_arrival', COALESCE((SELECT max(arrival) FROM application), 0) + 1, false);
-- A release still allocating in the request (during a rolling update) inserts without it: the default numbers those.
ALTER TABLE application ALTER COLUMN arrival SET DEFAULT nextval('application_arrival'),
                        ALTER COLUMN arrival SET NOT NULL,
                        ADD CONSTRAINT one_application_per_arrival UNIQUE (arrival);

-- The allocator's queue: what has been received and not yet placed, per Work Group, in arrival order.
CREATE INDEX application_received ON application (work_group_id, arrival) WHERE status = 'SUBMITTED';

-- The history of each application's steps is written in batches by the allocator: ids handed out fifty at a time
-- (Hibernate's pooled sequence), so its inserts go in one round trip. An older release's single inserts still fit.
ALTER SEQUENCE application_decision_id_seq INCREMENT BY 50;
