package uk.mathshubs.kit.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import uk.mathshubs.kit.tracing.TraceContexts;

/** Sends one batch of unpublished events, in commit order, and marks them published once Kafka acknowledged them. */
@ApplicationScoped
public class OutboxPublisher {

    static final int BATCH_SIZE = 500;
    /** Any constant: one relay at a time across all instances of a service keeps events in commit order. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final EntityManager entityManager;
    private final MutinyEmitter<String> emitter;
    private final Clock clock;
    private final Tracer tracer;
    private final URI source;

    /**
     * The emitter's buffer holds a whole batch: with the default (128) a burst's batch overflowed, failed half-sent,
     * and was sent again on the next tick, slowly and twice.
     */
    public OutboxPublisher(EntityManager entityManager, @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * BATCH_SIZE)
            MutinyEmitter<String> emitter, Clock clock, Tracer tracer,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.clock = clock;
        this.tracer = tracer;
        this.source = URI.create(uk.mathshubs.contracts.EventType.SOURCE_PREFIX + application);
    }

    @Transactional
    int publishBatch() {
        boolean ours = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        if (!ours) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT seq, event_id, type, topic, aggregate_key, payload, occurred_at, traceparent FROM outbox_event
                WHERE published_at IS NULL ORDER BY seq LIMIT :batch""")
                .setParameter("batch", BATCH_SIZE).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Unsent> batch = rows.stream().map(Unsent::of).toList();
        // Sent with the transaction suspended: the producer's callbacks run on its own threads, which must not join this
        // transaction (its commit would find them still associated with it, and fail).
        List<CompletableFuture<Void>> acks = QuarkusTransaction.suspendingExisting()
                .call(() -> batch.stream().map(event -> send(event).subscribeAsCompletionStage()).toList());
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka acknowledged a batch", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a batch of " + batch.size(), e);
        }
        // The whole batch marked in one statement, not an entity update each.
        entityManager.createNativeQuery("UPDATE outbox_event SET published_at = :now WHERE seq IN (:seqs)")
                .setParameter("now", clock.instant())
                .setParameter("seqs", batch.stream().map(Unsent::seq).toList())
                .executeUpdate();
        return batch.size();
    }

    /**
     * One event, in the trace of the change that wrote it: a producer span, child of the span that wrote the event,
     * whose context travels in the record as the CloudEvents distributed-tracing extension ({@code ce_traceparent}).
     */
    private Uni<Void> send(Unsent event) {
        Span span = tracer.spanBuilder("publish " + event.topic()).setSpanKind(SpanKind.PRODUCER)
                .setParent(TraceContexts.parent(event.traceparent()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.eventId().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
        OutgoingCloudEventMetadataBuilder<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId().toString())
                .withType(event.type())
                .withSource(source)
                .withSubject(event.aggregateKey())
                .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json");
        String traceparent = TraceContexts.traceparent(span.getSpanContext());
        if (traceparent != null) {
            cloudEvent.withExtension("traceparent", traceparent);
        }
        Message<String> message = Message.of(event.payload())
                .addMetadata(cloudEvent.build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic())
                        .withKey(event.aggregateKey())
                        .build());
        return emitter.sendMessage(message)
                .onFailure().invoke(failure -> span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName()))
                .onTermination().invoke(span::end);
    }

    /** An event as read for sending. */
    private record Unsent(long seq, UUID eventId, String type, String topic, String aggregateKey, String payload, Instant occurredAt,
            String traceparent) {

        static Unsent of(Object[] row) {
            return new Unsent(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], instant(row[6]), (String) row[7]);
        }

        private static Instant instant(Object value) {
            return switch (value) {
                case Instant instant -> instant;
                case java.time.OffsetDateTime offset -> offset.toInstant();
                case java.sql.Timestamp timestamp -> timestamp.toInstant();
                default -> throw new IllegalStateException("Unexpected timestamp " + value.getClass());
            };
        }
    }
}
