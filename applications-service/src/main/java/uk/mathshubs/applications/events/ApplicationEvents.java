package uk.mathshubs.applications.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.notifications.ApplicationNotifications;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationOfferEnded;
import uk.mathshubs.contracts.applications.ApplicationOffered;
import uk.mathshubs.contracts.applications.ApplicationPeopleErased;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWaitingListMoved;
import uk.mathshubs.contracts.applications.ApplicationWaitlisted;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.kit.outbox.Outbox;

/**
 * What the applications service tells the others, through the outbox, in the transaction of the change; and, through
 * {@link ApplicationNotifications}, what it tells the school by email.
 */
@ApplicationScoped
public class ApplicationEvents {

    private final Outbox outbox;
    private final ApplicationNotifications notifications;

    public ApplicationEvents(Outbox outbox, ApplicationNotifications notifications) {
        this.outbox = outbox;
        this.notifications = notifications;
    }

    /** The school's mails follow just behind the intake ({@code Acknowledgements}). */
    /** Made ready on the school's request, written with its application by the intake ({@code IntakeWriter}). */
    public Outbox.Prepared submitted(Application a) {
        return outbox.prepare(EventType.APPLICATION_SUBMITTED, a.id,
                new ApplicationSubmitted(a.id, a.reference, a.workGroupId, a.hubCode, a.urn, a.schoolName, a.submittedAt));
    }

    /** The school has a place: the people to enrol travel with it. */
    public void accepted(Application a, WorkGroup group) {
        outbox.record(EventType.APPLICATION_ACCEPTED, a.id, new ApplicationAccepted(
                a.id, a.reference, a.workGroupId, a.hubCode, group.programmeCode, group.academicYear, a.urn, a.schoolName,
                a.people.stream().map(p -> new ApplicationAccepted.Participant(p.id, p.role, p.name, p.email, p.trn)).toList(),
                a.decidedAt));
        notifications.decided(a, group);
    }

    public void waitlisted(Application a, WorkGroup group) {
        outbox.record(EventType.APPLICATION_WAITLISTED, a.id,
                new ApplicationWaitlisted(a.id, a.reference, a.workGroupId, a.urn, a.waitingListPosition));
        notifications.decided(a, group);
    }

    /** Schools that moved up the waiting list as one ahead of them left it; no mail: a school's place shows when it reads its application. */
    public void movedUp(List<ApplicationWaitingListMoved> moves) {
        outbox.inOneBatch(() -> moves.forEach(move -> outbox.record(EventType.APPLICATION_WAITING_LIST_MOVED, move.applicationId(), move)));
    }

    public void rejected(Application a, boolean placeReleased) {
        outbox.record(EventType.APPLICATION_REJECTED, a.id,
                new ApplicationRejected(a.id, a.reference, a.workGroupId, a.urn, placeReleased, a.decisionReason, a.decidedAt,
                        a.decisionReasonCode));
        notifications.decided(a, workGroup(a));
    }

    public void withdrawn(Application a, boolean placeReleased) {
        outbox.record(EventType.APPLICATION_WITHDRAWN, a.id,
                new ApplicationWithdrawn(a.id, a.reference, a.workGroupId, a.urn, placeReleased, a.decidedAt, a.decisionReasonCode));
    }

    public void offered(Application a, WorkGroup group) {
        outbox.record(EventType.APPLICATION_OFFER_MADE, a.id,
                new ApplicationOffered(a.id, a.reference, a.workGroupId, a.urn, a.offerExpiresAt));
        notifications.offered(a, group);
    }

    public void offerDeclined(Application a) {
        outbox.record(EventType.APPLICATION_OFFER_DECLINED, a.id,
                new ApplicationOfferEnded(a.id, a.reference, a.workGroupId, a.urn, a.decidedAt, a.decisionReasonCode));
    }

    /** People on the application were erased: the other services erase them by these ids. */
    public void peopleErased(Application a, List<UUID> participantIds, Instant at) {
        outbox.record(EventType.APPLICATION_PEOPLE_ERASED, a.id,
                new ApplicationPeopleErased(a.id, a.reference, a.workGroupId, participantIds, at));
    }

    /** An offer left to expire was given no reason: no code (the event's type says what happened). */
    public void offerExpired(Application a) {
        outbox.record(EventType.APPLICATION_OFFER_EXPIRED, a.id,
                new ApplicationOfferEnded(a.id, a.reference, a.workGroupId, a.urn, a.decidedAt, null));
    }

    private static WorkGroup workGroup(Application a) {
        return WorkGroup.findById(a.workGroupId);
    }
}
