package uk.mathshubs.contracts;

import java.util.Arrays;
import java.util.Optional;

import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationOfferEnded;
import uk.mathshubs.contracts.applications.ApplicationOffered;
import uk.mathshubs.contracts.applications.ApplicationPeopleErased;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWaitingListMoved;
import uk.mathshubs.contracts.applications.ApplicationWaitlisted;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.contracts.applications.SchoolSuccessorRecorded;
import uk.mathshubs.contracts.catalogue.ProgrammePayload;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.contracts.scheduling.AttendanceRecorded;
import uk.mathshubs.contracts.scheduling.ParticipationCompleted;
import uk.mathshubs.contracts.scheduling.ParticipationCompletionRevoked;
import uk.mathshubs.contracts.scheduling.SessionPayload;

/**
 * Every event the platform publishes: its CloudEvents {@code type} (versioned), the topic it travels on,
 * the payload record and the JSON Schema the payload must satisfy. A breaking change gets a new
 * {@code .vN} type; consumers keep reading the old one until producers stop sending it.
 */
public enum EventType {

    PROGRAMME_PUBLISHED("uk.mathshubs.catalogue.programme.published.v1", Topics.PROGRAMMES, ProgrammePayload.class, "programme.v1"),
    PROGRAMME_CHANGED("uk.mathshubs.catalogue.programme.changed.v1", Topics.PROGRAMMES, ProgrammePayload.class, "programme.v1"),

    WORK_GROUP_PUBLISHED("uk.mathshubs.catalogue.work-group.published.v1", Topics.WORK_GROUPS, WorkGroupPayload.class, "work-group.v1"),
    WORK_GROUP_CHANGED("uk.mathshubs.catalogue.work-group.changed.v1", Topics.WORK_GROUPS, WorkGroupPayload.class, "work-group.v1"),
    WORK_GROUP_CLOSED("uk.mathshubs.catalogue.work-group.closed.v1", Topics.WORK_GROUPS, WorkGroupPayload.class, "work-group.v1"),
    WORK_GROUP_COMPLETED("uk.mathshubs.catalogue.work-group.completed.v1", Topics.WORK_GROUPS, WorkGroupPayload.class, "work-group.v1"),
    WORK_GROUP_CANCELLED("uk.mathshubs.catalogue.work-group.cancelled.v1", Topics.WORK_GROUPS, WorkGroupPayload.class, "work-group.v1"),

    APPLICATION_SUBMITTED("uk.mathshubs.applications.application.submitted.v1", Topics.APPLICATIONS, ApplicationSubmitted.class, "application-submitted.v1"),
    APPLICATION_ACCEPTED("uk.mathshubs.applications.application.accepted.v1", Topics.APPLICATIONS, ApplicationAccepted.class, "application-accepted.v1"),
    APPLICATION_WAITLISTED("uk.mathshubs.applications.application.waitlisted.v1", Topics.APPLICATIONS, ApplicationWaitlisted.class, "application-waitlisted.v1"),
    APPLICATION_WAITING_LIST_MOVED("uk.mathshubs.applications.application.waiting-list-moved.v1", Topics.APPLICATIONS, ApplicationWaitingListMoved.class, "application-waiting-list-moved.v1"),
    APPLICATION_WITHDRAWN("uk.mathshubs.applications.application.withdrawn.v1", Topics.APPLICATIONS, ApplicationWithdrawn.class, "application-withdrawn.v1"),
    APPLICATION_REJECTED("uk.mathshubs.applications.application.rejected.v1", Topics.APPLICATIONS, ApplicationRejected.class, "application-rejected.v1"),
    APPLICATION_OFFER_MADE("uk.mathshubs.applications.application.offer-made.v1", Topics.APPLICATIONS, ApplicationOffered.class, "application-offered.v1"),
    APPLICATION_OFFER_DECLINED("uk.mathshubs.applications.application.offer-declined.v1", Topics.APPLICATIONS, ApplicationOfferEnded.class, "application-offer-ended.v1"),
    APPLICATION_OFFER_EXPIRED("uk.mathshubs.applications.application.offer-expired.v1", Topics.APPLICATIONS, ApplicationOfferEnded.class, "application-offer-ended.v1"),
    APPLICATION_PEOPLE_ERASED("uk.mathshubs.applications.application.people-erased.v1", Topics.APPLICATIONS, ApplicationPeopleErased.class, "application-people-erased.v1"),
    SCHOOL_SUCCESSOR_RECORDED("uk.mathshubs.applications.school.successor-recorded.v1", Topics.SCHOOLS, SchoolSuccessorRecorded.class, "school-successor-recorded.v1"),

    SESSION_SCHEDULED("uk.mathshubs.scheduling.session.scheduled.v1", Topics.SESSIONS, SessionPayload.class, "session.v1"),
    SESSION_RESCHEDULED("uk.mathshubs.scheduling.session.rescheduled.v1", Topics.SESSIONS, SessionPayload.class, "session.v1"),
    SESSION_CANCELLED("uk.mathshubs.scheduling.session.cancelled.v1", Topics.SESSIONS, SessionPayload.class, "session.v1"),
    ATTENDANCE_RECORDED("uk.mathshubs.scheduling.attendance.recorded.v1", Topics.ATTENDANCE, AttendanceRecorded.class, "attendance-recorded.v1"),
    PARTICIPATION_COMPLETED("uk.mathshubs.scheduling.participation.completed.v1", Topics.PARTICIPATION, ParticipationCompleted.class, "participation-completed.v1"),
    PARTICIPATION_COMPLETION_REVOKED("uk.mathshubs.scheduling.participation.completion-revoked.v1", Topics.PARTICIPATION, ParticipationCompletionRevoked.class, "participation-completion-revoked.v1");

    /** CloudEvents {@code source} prefix; the producing service appends its name. */
    public static final String SOURCE_PREFIX = "urn:uk:mathshubs:";

    private final String type;
    private final String topic;
    private final Class<? extends Record> payloadType;
    private final String schemaName;

    EventType(String type, String topic, Class<? extends Record> payloadType, String schemaName) {
        this.type = type;
        this.topic = topic;
        this.payloadType = payloadType;
        this.schemaName = schemaName;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** Classpath location of the payload's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + schemaName + ".json";
    }

    /** The types whose payload is {@code payloadType}: the v1 Work Group events all carry a {@code WorkGroupPayload}. */
    public static java.util.Set<EventType> carrying(Class<? extends Record> payloadType) {
        return java.util.Arrays.stream(values()).filter(t -> t.payloadType() == payloadType)
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(EventType.class)));
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
