package uk.mathshubs.applications.notifications;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import uk.mathshubs.kit.mail.MailTable;

/**
 * This service's {@code notification} table (V4__notifications.sql): a mail goes to an application's person, about the
 * application.
 */
@Dependent
public class NotificationTable {

    @Produces
    @Singleton
    MailTable mailTable() {
        return new MailTable("person_id", "application_id");
    }
}
