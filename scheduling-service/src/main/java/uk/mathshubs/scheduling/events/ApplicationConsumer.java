package uk.mathshubs.scheduling.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.kit.inbox.EventPayloads;
import uk.mathshubs.kit.inbox.ProcessedEvents;
import uk.mathshubs.scheduling.service.EnrolmentService;

/** Accepted schools' people are enrolled in their sessions; a withdrawn (or rejected) school's are taken off those to come. */
@ApplicationScoped
public class ApplicationConsumer {

    private static final Logger LOG = Logger.getLogger(ApplicationConsumer.class);
    private static final String CONSUMER = "scheduling-service";

    private final ProcessedEvents processed;
    private final EventPayloads payloads;
    private final EnrolmentService enrolment;

    public ApplicationConsumer(ProcessedEvents processed, EventPayloads payloads, EnrolmentService enrolment) {
        this.processed = processed;
        this.payloads = payloads;
        this.enrolment = enrolment;
    }

    @Incoming("applications")
    @Blocking
    @Transactional
    public void onApplicationEvent(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        if (!processed.firstDelivery(CONSUMER, cloudEvent.getId())) {
            return;
        }
        switch (EventType.fromType(cloudEvent.getType()).orElse(null)) {
            case APPLICATION_ACCEPTED -> enrolment.accepted(payloads.read(payload, ApplicationAccepted.class));
            case APPLICATION_WITHDRAWN -> enrolment.withdrawn(payloads.read(payload, ApplicationWithdrawn.class));
            case APPLICATION_REJECTED -> enrolment.rejected(payloads.read(payload, ApplicationRejected.class));
            case null, default -> LOG.debugf("Ignoring %s", cloudEvent.getType());
        }
    }
}
