-- Every application's insert wrote twelve index entries, and its allocation as many again (the decision changes a
-- column of the partial indexes' predicates, so PostgreSQL cannot update the row in place). Two of them served
-- nothing another did not:
-- * application_by_work_group listed a group's applications by submission time; they are listed, announced and
--   allocated in arrival order, so the index now orders by that;
-- * one_application_per_arrival guarded numbers that a sequence hands out once each (nextval never repeats).
DROP INDEX application_by_work_group;
ALTER TABLE application DROP CONSTRAINT one_application_per_arrival;
CREATE INDEX application_by_work_group ON application (work_group_id, arrival);

-- Sent mails are purged by age "sent_at < ? OR failed_at < ?": the OR with an unindexed column is a sequential scan
-- whatever this index holds, so it only cost a second write for each of the seven mails of an application.
DROP INDEX notification_sent;
