package uk.mathshubs.applications.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * One email to one person, rendered, as it waits in the {@code notification} table.
 *
 * @param kind what it is about (for the logs and the record kept after sending; never personal)
 * @param personId the application's person it goes to, where the address is one of theirs (for erasure)
 * @param dueAt when it may go: now, or later (decisions wait for the confirmation date)
 */
public record OutgoingMail(String kind, String recipient, UUID personId, UUID applicationId, String subject, String body,
        Attachment attachment, Instant dueAt) {

    /** A text attachment (an iCalendar file, say). */
    public record Attachment(String name, String contentType, String content) {
    }
}
