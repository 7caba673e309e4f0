package uk.mathshubs.catalogue.incoming;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.kit.inbox.Inbox;

/**
 * Counts the places the applications service has given in each Work Group. That service is the authority
 * on places; this count lets hub websites see places left and stops a capacity cut below what was given. A place
 * held for a waiting-list offer counts here once the school accepts it (then {@code ApplicationAccepted} arrives).
 */
@ApplicationScoped
public class PlacesConsumer {

    private static final String CONSUMER = "programme-catalogue-service.applications";
    /** The events that give or give back a place; the others are passed over. */
    private static final Set<EventType> HANDLED = EnumSet.of(EventType.APPLICATION_ACCEPTED, EventType.APPLICATION_WITHDRAWN,
            EventType.APPLICATION_REJECTED);

    private final Inbox inbox;
    private final EntityManager entityManager;

    public PlacesConsumer(Inbox inbox, EntityManager entityManager) {
        this.inbox = inbox;
        this.entityManager = entityManager;
    }

    @Incoming("applications")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onApplicationEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CONSUMER, batch, HANDLED, event -> {
            switch (event.type()) {
                case APPLICATION_ACCEPTED -> adjust(event.payload(ApplicationAccepted.class).workGroupId(), +1);
                case APPLICATION_WITHDRAWN -> {
                    ApplicationWithdrawn withdrawn = event.payload(ApplicationWithdrawn.class);
                    if (withdrawn.placeReleased()) {
                        adjust(withdrawn.workGroupId(), -1);
                    }
                }
                default -> {
                    ApplicationRejected rejected = event.payload(ApplicationRejected.class);
                    if (rejected.placeReleased()) {
                        adjust(rejected.workGroupId(), -1);
                    }
                }
            }
        });
    }

    private void adjust(UUID workGroupId, int by) {
        entityManager.createNativeQuery(
                "UPDATE work_group SET places_allocated = GREATEST(0, places_allocated + :by) WHERE id = :id")
                .setParameter("by", by)
                .setParameter("id", workGroupId)
                .executeUpdate();
    }
}
