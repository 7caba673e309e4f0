-- The trace an event belongs to (W3C traceparent of the span that wrote it; null with tracing off): the relay that
-- sends it later continues that trace.
ALTER TABLE outbox_event ADD COLUMN traceparent text;
