-- Schools hear decisions on their Work Group's confirmation date, and a session invitation tells a school it has a
-- place: this service mails the people of a Work Group only once its decisions are released. The catalogue's events
-- carry the date; decisions_released_at is when this service released the invitations it held (InvitationRelease).
-- Copies taken in before the date was kept were mailed as they enrolled, so they count as released already.
ALTER TABLE work_group ADD COLUMN confirmation_date date,
                       ADD COLUMN decisions_released_at timestamptz;
UPDATE work_group SET decisions_released_at = now();
CREATE INDEX work_group_decisions_held ON work_group (confirmation_date) WHERE decisions_released_at IS NULL;
