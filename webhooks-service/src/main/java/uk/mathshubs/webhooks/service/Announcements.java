package uk.mathshubs.webhooks.service;

import static uk.mathshubs.webhooks.domain.WebhookEventType.APPLICATION_RECEIVED;
import static uk.mathshubs.webhooks.domain.WebhookEventType.APPLICATION_WITHDRAWN;
import static uk.mathshubs.webhooks.domain.WebhookEventType.ATTENDANCE_RECORDED;
import static uk.mathshubs.webhooks.domain.WebhookEventType.COMPLETION_DECIDED;
import static uk.mathshubs.webhooks.domain.WebhookEventType.DECISION_RELEASED;
import static uk.mathshubs.webhooks.domain.WebhookEventType.OFFER_ENDED;
import static uk.mathshubs.webhooks.domain.WebhookEventType.OFFER_EXPIRING;
import static uk.mathshubs.webhooks.domain.WebhookEventType.OFFER_MADE;
import static uk.mathshubs.webhooks.domain.WebhookEventType.SESSION_CANCELLED;
import static uk.mathshubs.webhooks.domain.WebhookEventType.SESSION_MOVED;
import static uk.mathshubs.webhooks.domain.WebhookEventType.SESSION_SCHEDULED;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationOfferEnded;
import uk.mathshubs.contracts.applications.ApplicationOffered;
import uk.mathshubs.contracts.applications.ApplicationPeopleErased;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWaitlisted;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.contracts.scheduling.AttendanceRecorded;
import uk.mathshubs.contracts.scheduling.ParticipationCompleted;
import uk.mathshubs.contracts.scheduling.ParticipationCompletionRevoked;
import uk.mathshubs.contracts.scheduling.SessionPayload;
import uk.mathshubs.kit.inbox.Inbox;
import uk.mathshubs.webhooks.config.WebhooksConfig;
import uk.mathshubs.webhooks.domain.Message;
import uk.mathshubs.webhooks.domain.WebhookEventType;

/**
 * What receivers are told of each platform event, in one place: which webhook type, ordered by which subject, whose
 * hub it concerns, what data (ids and links to fetch the rest, through the API and its authorization, never a name)
 * and whether it waits. The platform's events carry more (the people to enrol, for scheduling); none of it goes out.
 */
@ApplicationScoped
public class Announcements {

    /** The platform events that tell a receiver something. */
    public static final Set<EventType> ANNOUNCED = EnumSet.of(EventType.APPLICATION_SUBMITTED, EventType.APPLICATION_ACCEPTED,
            EventType.APPLICATION_WAITLISTED, EventType.APPLICATION_REJECTED, EventType.APPLICATION_OFFER_MADE,
            EventType.APPLICATION_OFFER_DECLINED, EventType.APPLICATION_OFFER_EXPIRED, EventType.APPLICATION_WITHDRAWN,
            EventType.APPLICATION_PEOPLE_ERASED, EventType.SESSION_SCHEDULED, EventType.SESSION_RESCHEDULED,
            EventType.SESSION_CANCELLED, EventType.ATTENDANCE_RECORDED, EventType.PARTICIPATION_COMPLETED,
            EventType.PARTICIPATION_COMPLETION_REVOKED);

    private final String api;
    private final java.time.Duration offerReminder;

    public Announcements(WebhooksConfig config) {
        String base = config.publicBaseUrl().toString();
        this.api = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1";
        this.offerReminder = config.offerReminder();
    }

    public List<Message> of(Inbox.Event event) {
        return switch (event.type()) {
            case APPLICATION_SUBMITTED -> {
                ApplicationSubmitted submitted = event.payload(ApplicationSubmitted.class);
                yield List.of(application(APPLICATION_RECEIVED, submitted.applicationId(), submitted.reference(),
                        submitted.workGroupId(), submitted.hubCode(), submitted.urn(), Map.of("receivedAt", submitted.submittedAt())));
            }
            case APPLICATION_ACCEPTED -> {
                ApplicationAccepted accepted = event.payload(ApplicationAccepted.class);
                yield List.of(decision(accepted.applicationId(), accepted.reference(), accepted.workGroupId(), accepted.urn(),
                        Map.of("decision", "accepted")));
            }
            case APPLICATION_WAITLISTED -> {
                ApplicationWaitlisted waitlisted = event.payload(ApplicationWaitlisted.class);
                yield List.of(decision(waitlisted.applicationId(), waitlisted.reference(), waitlisted.workGroupId(),
                        waitlisted.urn(), Map.of("decision", "waitlisted", "waitingListPosition", waitlisted.position())));
            }
            case APPLICATION_REJECTED -> {
                ApplicationRejected rejected = event.payload(ApplicationRejected.class);
                yield List.of(decision(rejected.applicationId(), rejected.reference(), rejected.workGroupId(), rejected.urn(),
                        Map.of("decision", "rejected")));
            }
            case APPLICATION_OFFER_MADE -> {
                ApplicationOffered offered = event.payload(ApplicationOffered.class);
                Message made = application(OFFER_MADE, offered.applicationId(), offered.reference(), offered.workGroupId(), null,
                        offered.urn(), Map.of("offerExpiresAt", offered.offerExpiresAt()));
                Instant remindAt = offered.offerExpiresAt().minus(offerReminder);
                if (event.time().map(remindAt::isAfter).orElse(true)) {
                    yield List.of(made, application(OFFER_EXPIRING, offered.applicationId(), offered.reference(),
                            offered.workGroupId(), null, offered.urn(), Map.of("offerExpiresAt", offered.offerExpiresAt()))
                            .held(new Message.Until(remindAt)));
                }
                yield List.of(made); // an offer this short has no reminder: it would come with the offer
            }
            case APPLICATION_OFFER_DECLINED, APPLICATION_OFFER_EXPIRED -> {
                ApplicationOfferEnded ended = event.payload(ApplicationOfferEnded.class);
                yield List.of(application(OFFER_ENDED, ended.applicationId(), ended.reference(), ended.workGroupId(), null,
                        ended.urn(), Map.of("outcome", event.type() == EventType.APPLICATION_OFFER_DECLINED ? "declined" : "expired")));
            }
            case APPLICATION_WITHDRAWN -> {
                ApplicationWithdrawn withdrawn = event.payload(ApplicationWithdrawn.class);
                yield List.of(application(APPLICATION_WITHDRAWN, withdrawn.applicationId(), withdrawn.reference(),
                        withdrawn.workGroupId(), null, withdrawn.urn(), Map.of("withdrawnAt", withdrawn.withdrawnAt())));
            }
            case APPLICATION_PEOPLE_ERASED -> {
                ApplicationPeopleErased erased = event.payload(ApplicationPeopleErased.class);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("applicationId", erased.applicationId());
                data.put("reference", erased.reference());
                data.put("workGroupId", erased.workGroupId());
                data.put("participantIds", erased.participantIds());
                data.put("erasedAt", erased.erasedAt());
                // Its own subject: an erasure changes nothing of the application's decision, so it supersedes none.
                yield List.of(Message.of(WebhookEventType.TEACHER_ERASED, "erasure:" + erased.applicationId(),
                        erased.workGroupId(), null, data));
            }
            case SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_CANCELLED -> List.of(session(event));
            case ATTENDANCE_RECORDED -> attendance(event.payload(AttendanceRecorded.class));
            case PARTICIPATION_COMPLETED -> {
                ParticipationCompleted completed = event.payload(ParticipationCompleted.class);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("workGroupId", completed.workGroupId());
                data.put("urn", completed.urn());
                data.put("programmeCode", completed.programmeCode());
                data.put("academicYear", completed.academicYear());
                data.put("completedAt", completed.completedAt());
                data.put("links", Map.of("completion", api + "/work-groups/" + completed.workGroupId() + "/completion"));
                yield List.of(Message.of(COMPLETION_DECIDED, "completion:" + completed.workGroupId() + ":" + completed.urn(),
                        completed.workGroupId(), null, data));
            }
            case PARTICIPATION_COMPLETION_REVOKED -> {
                ParticipationCompletionRevoked revoked = event.payload(ParticipationCompletionRevoked.class);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("workGroupId", revoked.workGroupId());
                data.put("urn", revoked.urn());
                data.put("programmeCode", revoked.programmeCode());
                data.put("academicYear", revoked.academicYear());
                data.put("revokedAt", revoked.revokedAt());
                data.put("links", Map.of("completion", api + "/work-groups/" + revoked.workGroupId() + "/completion"));
                // The completion's own subject: in order after it, and superseding it if it has not gone yet.
                yield List.of(Message.of(WebhookEventType.COMPLETION_REVOKED, "completion:" + revoked.workGroupId() + ":"
                        + revoked.urn(), revoked.workGroupId(), null, data));
            }
            default -> List.of();
        };
    }

    private Message decision(UUID applicationId, String reference, UUID workGroupId, String urn, Map<String, Object> decision) {
        return application(DECISION_RELEASED, applicationId, reference, workGroupId, null, urn, decision)
                .held(new Message.UntilDecisionsReleased());
    }

    private Message application(WebhookEventType type, UUID applicationId, String reference, UUID workGroupId, String hubCode,
            String urn, Map<String, Object> more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicationId", applicationId);
        data.put("reference", reference);
        data.put("workGroupId", workGroupId);
        data.put("urn", urn);
        data.putAll(more);
        data.put("links", Map.of("application", api + "/applications/" + reference,
                "workGroup", api + "/work-groups/" + workGroupId));
        return Message.of(type, "application:" + applicationId, workGroupId, hubCode, data);
    }

    private Message session(Inbox.Event event) {
        SessionPayload session = event.payload(SessionPayload.class);
        WebhookEventType type = switch (event.type()) {
            case SESSION_SCHEDULED -> SESSION_SCHEDULED;
            case SESSION_RESCHEDULED -> SESSION_MOVED;
            default -> SESSION_CANCELLED;
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", session.sessionId());
        data.put("workGroupId", session.workGroupId());
        data.put("programmeCode", session.programmeCode());
        data.put("academicYear", session.academicYear());
        data.put("startsAt", session.startsAt());
        data.put("endsAt", session.endsAt());
        data.put("status", session.status());
        data.put("sequence", session.sequence());
        data.put("links", Map.of("session", api + "/sessions/" + session.sessionId()));
        Message message = Message.of(type, "session:" + session.sessionId(), session.workGroupId(), null, data);
        // A central (national) session is every hub's: its schools' teachers attend it.
        return session.workGroupId() == null ? message.toEveryHub() : message;
    }

    /** A register names people by id only; each hub is told that its own Work Group's entries changed. */
    private List<Message> attendance(AttendanceRecorded recorded) {
        return recorded.entries().stream().map(AttendanceRecorded.Entry::workGroupId).filter(Objects::nonNull).distinct()
                .map(workGroupId -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("sessionId", recorded.sessionId());
                    data.put("workGroupId", workGroupId);
                    data.put("recordedAt", recorded.recordedAt());
                    data.put("links", Map.of("attendance", api + "/sessions/" + recorded.sessionId() + "/attendance"));
                    return Message.of(ATTENDANCE_RECORDED, "session:" + recorded.sessionId(), workGroupId, null, data);
                }).toList();
    }
}
