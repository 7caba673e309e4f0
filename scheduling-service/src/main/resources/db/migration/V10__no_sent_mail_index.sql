-- Sent mails are purged by age "sent_at < ? OR failed_at < ?": the OR with an unindexed column is a sequential scan
-- whatever this index holds, so it only cost a second write for every mail sent.
DROP INDEX notification_sent;
