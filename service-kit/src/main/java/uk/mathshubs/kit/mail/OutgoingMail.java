package uk.mathshubs.kit.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * One email to one person, rendered, as it waits in the {@code notification} table.
 *
 * @param kind what it is about (for the logs and the record kept after sending; never personal)
 * @param personId the person it goes to, where the address is one of theirs (for erasure): an application's person,
 *        a participant ({@link MailTable#personColumn()})
 * @param aboutId the record it is about, if any: an application, a session ({@link MailTable#aboutColumn()})
 * @param attachment a file that goes with it, or null
 * @param dueAt when it may go: now, or later (decisions wait for the confirmation date); null: now
 */
public record OutgoingMail(String kind, String recipient, UUID personId, UUID aboutId, String subject, String body,
        Attachment attachment, Instant dueAt) {

    /** A text attachment (an iCalendar file, say). */
    public record Attachment(String name, String contentType, String content) {
    }
}
