package uk.mathshubs.kit.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

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

    /** Of these event ids, the ones this consumer sees for the first time (a batch's worth in one statement). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        Set<String> first = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id, processed_at)
                    SELECT ?, id, now() FROM unnest(?::text[]) AS id
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        first.add(inserted.getString(1));
                    }
                }
            }
        });
        return first;
    }
}
