package uk.mathshubs.catalogue.incoming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.kit.inbox.EventPayloads;
import uk.mathshubs.kit.inbox.ProcessedEvents;

/**
 * Counts the places the applications service has given in each Work Group. That service is the authority
 * on places; this count lets hub websites see places left and stops a capacity cut below what was given. A place
 * held for a waiting-list offer counts here once the school accepts it (then {@code ApplicationAccepted} arrives).
 */
@ApplicationScoped
public class PlacesConsumer {

    private static final String CONSUMER = "programme-catalogue-service.applications";

    private final ProcessedEvents processed;
    private final EventPayloads payloads;
    private final EntityManager entityManager;

    public PlacesConsumer(ProcessedEvents processed, EventPayloads payloads, EntityManager entityManager) {
        this.processed = processed;
        this.payloads = payloads;
        this.entityManager = entityManager;
    }

    @Incoming("applications")
    @Blocking
    @Transactional
    public void onApplicationEvent(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        EventType type = EventType.fromType(cloudEvent.getType()).orElse(null);
        if (type != EventType.APPLICATION_ACCEPTED && type != EventType.APPLICATION_WITHDRAWN
                && type != EventType.APPLICATION_REJECTED) {
            return;
        }
        if (!processed.firstDelivery(CONSUMER, cloudEvent.getId())) {
            return;
        }
        switch (type) {
            case APPLICATION_ACCEPTED -> adjust(payloads.read(payload, ApplicationAccepted.class).workGroupId(), +1);
            case APPLICATION_WITHDRAWN -> {
                ApplicationWithdrawn withdrawn = payloads.read(payload, ApplicationWithdrawn.class);
                if (withdrawn.placeReleased()) {
                    adjust(withdrawn.workGroupId(), -1);
                }
            }
            default -> {
                ApplicationRejected rejected = payloads.read(payload, ApplicationRejected.class);
                if (rejected.placeReleased()) {
                    adjust(rejected.workGroupId(), -1);
                }
            }
        }
    }

    private void adjust(java.util.UUID workGroupId, int by) {
        entityManager.createNativeQuery(
                "UPDATE work_group SET places_allocated = GREATEST(0, places_allocated + :by) WHERE id = :id")
                .setParameter("by", by)
                .setParameter("id", workGroupId)
                .executeUpdate();
    }
}
