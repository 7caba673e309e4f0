package uk.mathshubs.scheduling.notifications;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import uk.mathshubs.kit.mail.MailTable;

/** This service's {@code notification} table (V6__notifications.sql): a mail goes to a participant, about a session. */
@Dependent
public class NotificationTable {

    @Produces
    @Singleton
    MailTable mailTable() {
        return new MailTable("participant_id", "session_id");
    }
}
