-- The trace an event or a mail belongs to (W3C traceparent of the span that wrote it; null with tracing off): the
-- relays that send them later continue that trace, so one application is one trace from its POST to its mails.
ALTER TABLE outbox_event ADD COLUMN traceparent text;
ALTER TABLE notification ADD COLUMN traceparent text;
