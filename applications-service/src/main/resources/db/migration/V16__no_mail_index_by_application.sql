-- Nothing looks a mail up by the application it is about: an erasure deletes mails by their person and address
-- (kit MailOutbox), and the retention sweep by age. The index cost an entry for each of an application's seven mails
-- when written and another when sent (PostgreSQL updates a sent mail out of place: sent_at is in the due index's
-- predicate).
DROP INDEX notification_by_application;
