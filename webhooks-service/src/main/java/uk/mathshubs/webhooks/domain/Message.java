package uk.mathshubs.webhooks.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a receiver is told of one thing that happened: its type, the subject it is ordered by (an application, a
 * session, a school's completion), whose hub it concerns and its data (ids and links, never a name). A message may
 * wait ({@link Hold}): a decision until its Work Group's decisions are released, an offer's reminder until shortly
 * before the offer expires.
 */
public record Message(WebhookEventType type, String subject, UUID workGroupId, String hubCode, boolean everyHub,
        Map<String, Object> data, Hold hold) {

    public sealed interface Hold {
    }

    /** Goes at once. */
    public record AtOnce() implements Hold {
    }

    /** Goes on the Work Group's confirmation date, "decisions are released on", and never before. */
    public record UntilDecisionsReleased() implements Hold {
    }

    /** Goes at the given time, unless something later happens to its subject first. */
    public record Until(Instant time) implements Hold {
    }

    public static Message of(WebhookEventType type, String subject, UUID workGroupId, String hubCode, Map<String, Object> data) {
        return new Message(type, subject, workGroupId, hubCode, false, data, new AtOnce());
    }

    public Message held(Hold until) {
        return new Message(type, subject, workGroupId, hubCode, everyHub, data, until);
    }

    public Message toEveryHub() {
        return new Message(type, subject, workGroupId, hubCode, true, data, hold);
    }
}
