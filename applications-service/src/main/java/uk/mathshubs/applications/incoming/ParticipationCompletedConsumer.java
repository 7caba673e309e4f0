package uk.mathshubs.applications.incoming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import uk.mathshubs.applications.domain.school.ParticipationRecord;
import uk.mathshubs.applications.service.ParticipationHistory;
import uk.mathshubs.contracts.AcademicYear;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.scheduling.ParticipationCompleted;
import uk.mathshubs.kit.inbox.EventPayloads;
import uk.mathshubs.kit.inbox.ProcessedEvents;

/** A school completed a Work Group: that goes into its history, which future eligibility reads. */
@ApplicationScoped
public class ParticipationCompletedConsumer {

    private static final Logger LOG = Logger.getLogger(ParticipationCompletedConsumer.class);
    private static final String CONSUMER = "applications-service.participation";

    private final ProcessedEvents processed;
    private final EventPayloads payloads;
    private final ParticipationHistory history;

    public ParticipationCompletedConsumer(ProcessedEvents processed, EventPayloads payloads, ParticipationHistory history) {
        this.processed = processed;
        this.payloads = payloads;
        this.history = history;
    }

    @Incoming("participation")
    @Blocking
    @Transactional
    public void onParticipationEvent(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        if (!processed.firstDelivery(CONSUMER, cloudEvent.getId())) {
            return;
        }
        if (EventType.fromType(cloudEvent.getType()).filter(t -> t == EventType.PARTICIPATION_COMPLETED).isEmpty()) {
            LOG.debugf("Ignoring %s", cloudEvent.getType());
            return;
        }
        ParticipationCompleted event = payloads.read(payload, ParticipationCompleted.class);
        history.record(event.urn(), event.programmeCode(), AcademicYear.parse(event.academicYear()),
                ParticipationRecord.Outcome.COMPLETED, ParticipationRecord.Source.EVENT);
    }
}
