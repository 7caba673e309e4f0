-- The hourly purge of what is over (Dispatcher.forgetWhatIsOver): deliveries by the time they ended, messages by age.
CREATE INDEX delivery_over ON delivery ((coalesce(last_attempt_at, created_at))) WHERE status <> 'PENDING';
CREATE INDEX message_by_age ON message (created_at);

-- Superseding what was held about a subject (Messages.record) looks it up by subject alone, for every event.
CREATE INDEX delivery_held_by_subject ON delivery (subject) WHERE status = 'PENDING' AND held;

-- A message held until a date (a decision until its release, an offer's reminder) is kept even while nobody subscribes
-- to its type, so that a subscription made before that date is told of it too; superseded once something later
-- happened to its subject.
ALTER TABLE message ADD COLUMN held_until timestamptz;
ALTER TABLE message ADD COLUMN superseded boolean NOT NULL DEFAULT false;
CREATE INDEX message_held_by_subject ON message (subject) WHERE held_until IS NOT NULL AND NOT superseded;
CREATE INDEX message_held ON message (held_until) WHERE held_until IS NOT NULL AND NOT superseded;
