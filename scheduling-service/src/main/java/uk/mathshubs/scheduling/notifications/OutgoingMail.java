package uk.mathshubs.scheduling.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * One email to one person, rendered, as it waits in the {@code notification} table.
 *
 * @param kind what it is about (for the logs and the record kept after sending; never personal)
 * @param participantId the participant it goes to (for erasure)
 * @param sessionId the session it is about, if any
 * @param dueAt when it may go (null: now)
 */
public record OutgoingMail(String kind, String recipient, UUID participantId, UUID sessionId, String subject, String body,
        Attachment attachment, Instant dueAt) {

    /** A text attachment (an iCalendar file, say). */
    public record Attachment(String name, String contentType, String content) {
    }
}
