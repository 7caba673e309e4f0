-- Mails given up on, counted every 15 seconds for ops (kit MailMetrics): a partial index holds only those few rows,
-- and a mail written on the intake (failed_at NULL) never enters it.
CREATE INDEX notification_failed ON notification (failed_at) WHERE failed_at IS NOT NULL AND sent_at IS NULL;
