package uk.mathshubs.scheduling.incoming;

import static uk.mathshubs.contracts.EventType.APPLICATION_ACCEPTED;
import static uk.mathshubs.contracts.EventType.APPLICATION_OFFER_DECLINED;
import static uk.mathshubs.contracts.EventType.APPLICATION_OFFER_EXPIRED;
import static uk.mathshubs.contracts.EventType.APPLICATION_OFFER_MADE;
import static uk.mathshubs.contracts.EventType.APPLICATION_PEOPLE_ERASED;
import static uk.mathshubs.contracts.EventType.APPLICATION_REJECTED;
import static uk.mathshubs.contracts.EventType.APPLICATION_SUBMITTED;
import static uk.mathshubs.contracts.EventType.APPLICATION_WAITING_LIST_MOVED;
import static uk.mathshubs.contracts.EventType.APPLICATION_WAITLISTED;
import static uk.mathshubs.contracts.EventType.APPLICATION_WITHDRAWN;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
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
import uk.mathshubs.kit.inbox.Inbox;
import uk.mathshubs.scheduling.service.EnrolmentService;
import uk.mathshubs.scheduling.service.Erasures;
import uk.mathshubs.scheduling.service.SchoolApplications;

/**
 * Accepted schools' people are enrolled in their sessions; a withdrawn (or rejected) school's are taken off those to
 * come. Every step of every application is also kept, as the schools of each Work Group in the NCETM's sync; people
 * erased at their request are anonymised.
 */
@ApplicationScoped
public class ApplicationConsumer {

    private static final String CONSUMER = "scheduling-service";
    private static final Set<EventType> HANDLED = EnumSet.of(APPLICATION_SUBMITTED, APPLICATION_WAITLISTED,
            APPLICATION_WAITING_LIST_MOVED, APPLICATION_OFFER_MADE, APPLICATION_OFFER_DECLINED, APPLICATION_OFFER_EXPIRED, APPLICATION_ACCEPTED,
            APPLICATION_WITHDRAWN, APPLICATION_REJECTED, APPLICATION_PEOPLE_ERASED);

    private final Inbox inbox;
    private final EnrolmentService enrolment;
    private final SchoolApplications schools;
    private final Erasures erasures;
    private final Clock clock;

    public ApplicationConsumer(Inbox inbox, EnrolmentService enrolment, SchoolApplications schools, Erasures erasures, Clock clock) {
        this.inbox = inbox;
        this.enrolment = enrolment;
        this.schools = schools;
        this.erasures = erasures;
        this.clock = clock;
    }

    /** A batch of the applications service's events, in one transaction (see {@link Inbox}). */
    @Incoming("applications")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onApplicationEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CONSUMER, batch, HANDLED, this::apply);
    }

    private void apply(Inbox.Event event) {
        Instant at = event.time().orElseGet(clock::instant);
        switch (event.type()) {
            case APPLICATION_SUBMITTED -> schools.submitted(event.payload(ApplicationSubmitted.class));
            case APPLICATION_WAITLISTED -> schools.waitlisted(event.payload(ApplicationWaitlisted.class), at);
            case APPLICATION_WAITING_LIST_MOVED -> schools.movedUp(event.payload(ApplicationWaitingListMoved.class));
            case APPLICATION_OFFER_MADE -> schools.offered(event.payload(ApplicationOffered.class), at);
            case APPLICATION_OFFER_DECLINED -> schools.offerEnded(event.payload(ApplicationOfferEnded.class), true);
            case APPLICATION_OFFER_EXPIRED -> schools.offerEnded(event.payload(ApplicationOfferEnded.class), false);
            case APPLICATION_ACCEPTED -> {
                ApplicationAccepted accepted = event.payload(ApplicationAccepted.class);
                enrolment.accepted(accepted);
                schools.accepted(accepted);
            }
            case APPLICATION_WITHDRAWN -> {
                ApplicationWithdrawn withdrawn = event.payload(ApplicationWithdrawn.class);
                enrolment.withdrawn(withdrawn);
                schools.withdrawn(withdrawn);
            }
            case APPLICATION_REJECTED -> {
                ApplicationRejected rejected = event.payload(ApplicationRejected.class);
                enrolment.rejected(rejected);
                schools.rejected(rejected);
            }
            case APPLICATION_PEOPLE_ERASED -> erasures.erased(event.payload(ApplicationPeopleErased.class));
            default -> throw new IllegalStateException("Not handled here: " + event.type());
        }
    }
}
