package uk.mathshubs.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied, in the same transaction as their effect: a redelivered
 * event (Kafka delivers at least once) is recognised and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time this consumer sees the event id; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = entityManager.createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (:consumer, :id, now()) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
