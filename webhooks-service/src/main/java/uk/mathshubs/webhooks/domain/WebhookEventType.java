package uk.mathshubs.webhooks.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a receiver can be told of, by the names it subscribes with (the {@code type} of each message). */
public enum WebhookEventType {

    APPLICATION_RECEIVED("application.received", "A school's application was received"),
    DECISION_RELEASED("application.decision-released",
            "A school's decision (accepted, waitlisted or rejected), on its Work Group's confirmation date and never before"),
    OFFER_MADE("application.offer-made", "A freed place was offered to a school on the waiting list"),
    OFFER_EXPIRING("application.offer-expiring", "An offered place the school has not yet taken up expires soon"),
    OFFER_ENDED("application.offer-ended", "An offered place was declined or expired"),
    APPLICATION_WITHDRAWN("application.withdrawn", "A school withdrew its application"),
    SESSION_SCHEDULED("session.scheduled", "A session was scheduled"),
    SESSION_MOVED("session.moved", "A session moved (time, place or mode)"),
    SESSION_CANCELLED("session.cancelled", "A session was cancelled"),
    ATTENDANCE_RECORDED("attendance.recorded", "A session's register was recorded or corrected"),
    COMPLETION_DECIDED("completion.decided", "A school met its Work Group's completion rule"),
    COMPLETION_REVOKED("completion.revoked", "A school's completion was corrected: it no longer meets its Work Group's rule"),
    TEACHER_ERASED("teacher.erased", "People named on an application were erased: delete what you hold of them");

    private final String type;
    private final String description;

    WebhookEventType(String type, String description) {
        this.type = type;
        this.description = description;
    }

    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public static Optional<WebhookEventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
