package uk.mathshubs.scheduling.incoming;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationOfferEnded;
import uk.mathshubs.contracts.applications.ApplicationOffered;
import uk.mathshubs.contracts.applications.ApplicationPeopleErased;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWaitlisted;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.kit.inbox.EventPayloads;
import uk.mathshubs.kit.inbox.ProcessedEvents;
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

    private static final Logger LOG = Logger.getLogger(ApplicationConsumer.class);
    private static final String CONSUMER = "scheduling-service";

    private final ProcessedEvents processed;
    private final EventPayloads payloads;
    private final EnrolmentService enrolment;
    private final SchoolApplications schools;
    private final Erasures erasures;
    private final Clock clock;

    public ApplicationConsumer(ProcessedEvents processed, EventPayloads payloads, EnrolmentService enrolment,
            SchoolApplications schools, Erasures erasures, Clock clock) {
        this.processed = processed;
        this.payloads = payloads;
        this.enrolment = enrolment;
        this.schools = schools;
        this.erasures = erasures;
        this.clock = clock;
    }

    @Incoming("applications")
    @Blocking
    @Transactional
    public void onApplicationEvent(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        if (!processed.firstDelivery(CONSUMER, cloudEvent.getId())) {
            return;
        }
        Instant at = cloudEvent.getTimeStamp().map(ZonedDateTime::toInstant).orElseGet(clock::instant);
        switch (EventType.fromType(cloudEvent.getType()).orElse(null)) {
            case APPLICATION_SUBMITTED -> schools.submitted(payloads.read(payload, ApplicationSubmitted.class));
            case APPLICATION_WAITLISTED -> schools.waitlisted(payloads.read(payload, ApplicationWaitlisted.class), at);
            case APPLICATION_OFFER_MADE -> schools.offered(payloads.read(payload, ApplicationOffered.class), at);
            case APPLICATION_OFFER_DECLINED -> schools.offerEnded(payloads.read(payload, ApplicationOfferEnded.class), true);
            case APPLICATION_OFFER_EXPIRED -> schools.offerEnded(payloads.read(payload, ApplicationOfferEnded.class), false);
            case APPLICATION_ACCEPTED -> {
                ApplicationAccepted accepted = payloads.read(payload, ApplicationAccepted.class);
                enrolment.accepted(accepted);
                schools.accepted(accepted);
            }
            case APPLICATION_WITHDRAWN -> {
                ApplicationWithdrawn withdrawn = payloads.read(payload, ApplicationWithdrawn.class);
                enrolment.withdrawn(withdrawn);
                schools.withdrawn(withdrawn);
            }
            case APPLICATION_REJECTED -> {
                ApplicationRejected rejected = payloads.read(payload, ApplicationRejected.class);
                enrolment.rejected(rejected);
                schools.rejected(rejected);
            }
            case APPLICATION_PEOPLE_ERASED -> erasures.erased(payloads.read(payload, ApplicationPeopleErased.class));
            case null, default -> LOG.debugf("Ignoring %s", cloudEvent.getType());
        }
    }
}
