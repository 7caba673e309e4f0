package uk.mathshubs.scheduling.incoming;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.SchoolSuccessorRecorded;
import uk.mathshubs.kit.inbox.Inbox;

/** Keeps the moves of schools' histories to their successors that the schools register records, for the NCETM's sync. */
@ApplicationScoped
public class SchoolConsumer {

    private static final String CONSUMER = "scheduling-service.schools";

    private final Inbox inbox;
    private final EntityManager entityManager;

    public SchoolConsumer(Inbox inbox, EntityManager entityManager) {
        this.inbox = inbox;
        this.entityManager = entityManager;
    }

    @Incoming("schools")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onSchoolEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CONSUMER, batch, Set.of(EventType.SCHOOL_SUCCESSOR_RECORDED), event -> {
            SchoolSuccessorRecorded moved = event.payload(SchoolSuccessorRecorded.class);
            entityManager.createNativeQuery("""
                    INSERT INTO school_move (urn, successor_urn, link_type, recorded_at) VALUES (:urn, :successor, :type, :at)
                    ON CONFLICT (urn, successor_urn) DO UPDATE SET link_type = EXCLUDED.link_type""")
                    .setParameter("urn", moved.urn()).setParameter("successor", moved.successorUrn())
                    .setParameter("type", moved.linkType()).setParameter("at", moved.recordedAt()).executeUpdate();
        });
    }
}
