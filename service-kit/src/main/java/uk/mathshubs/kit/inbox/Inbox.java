package uk.mathshubs.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.kit.tracing.TraceContexts;

/**
 * What every consumer does around its own work, written once. A batch of records from Kafka (CloudEvents in binary
 * mode) is applied in one transaction: one statement remembers the ids ({@link ProcessedEvents}) and tells which
 * are redeliveries, which change nothing; records of types the consumer does not handle are passed over. If the batch
 * fails, each record is tried alone in a transaction of its own, so a poison message goes to the channel's
 * dead-letter topic (its failure strategy) and the others are applied and acknowledged.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /** Counted per consumer and topic, for ops: anything dead-lettered is an alert (a poison message to look at). */
    static final String DEAD_LETTERED = "mathshubs.messages.dead.lettered";

    private final ProcessedEvents processed;
    private final EventPayloads payloads;
    private final MeterRegistry metrics;
    private final Tracer tracer;

    public Inbox(ProcessedEvents processed, EventPayloads payloads, MeterRegistry metrics, Tracer tracer) {
        this.processed = processed;
        this.payloads = payloads;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    /** One event as a consumer sees it. */
    public final class Event {

        private final String id;
        private final EventType type;
        private final Instant time;
        private final String payload;
        private final String topic;
        private final String traceparent;

        Event(String id, EventType type, Instant time, String payload, String topic, String traceparent) {
            this.id = id;
            this.type = type;
            this.time = time;
            this.payload = payload;
            this.topic = topic;
            this.traceparent = traceparent;
        }

        public String id() {
            return id;
        }

        public EventType type() {
            return type;
        }

        /** When the producer says it happened ({@code ce_time}), if it says. */
        public Optional<Instant> time() {
            return Optional.ofNullable(time);
        }

        public <T> T payload(Class<T> payloadType) {
            return payloads.read(payload, payloadType);
        }
    }

    /**
     * Applies the batch's events of the {@code handled} types that {@code consumer} has not applied before, in order;
     * acknowledges every record, but a poison one, which is refused (to the dead-letter topic).
     */
    public CompletionStage<Void> deliver(String consumer, KafkaRecordBatch<String, String> batch, Set<EventType> handled,
            Consumer<Event> apply) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (!records.isEmpty()) {
            deadLettered(consumer, records.getFirst().getTopic()); // the series exists, at 0, before the first dead letter
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, records, handled, apply));
            return acknowledge(records.stream().map(KafkaRecord::ack).toList());
        } catch (RuntimeException batchFailure) {
            if (records.size() > 1) {
                LOG.warnf("%s: a batch of %d failed (%s); trying its records one by one", consumer, records.size(), batchFailure);
            }
        }
        List<CompletionStage<Void>> outcomes = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, List.of(record), handled, apply));
                outcomes.add(record.ack());
            } catch (RuntimeException e) {
                LOG.errorf("%s: %s %s on %s-%d cannot be applied, dead-lettering it: %s", consumer, header(record, "ce_type"),
                        header(record, "ce_id"), record.getTopic(), record.getPartition(), e);
                // Counted once the dead-letter topic has it, not before: a failed write is tried again, not counted twice.
                outcomes.add(record.nack(e).thenRun(() -> deadLettered(consumer, record.getTopic()).increment()));
            }
        }
        return acknowledge(outcomes);
    }

    private Counter deadLettered(String consumer, String topic) {
        return metrics.counter(DEAD_LETTERED, "consumer", consumer, "topic", topic);
    }

    private void applyOnce(String consumer, List<KafkaRecord<String, String>> records, Set<EventType> handled, Consumer<Event> apply) {
        Map<String, Event> events = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : records) {
            String id = header(record, "ce_id");
            Optional<EventType> type = EventType.fromType(header(record, "ce_type")).filter(handled::contains);
            if (id == null || type.isEmpty()) {
                continue; // not an event of ours to apply
            }
            String time = header(record, "ce_time");
            events.putIfAbsent(id, new Event(id, type.get(), time == null ? null : OffsetDateTime.parse(time).toInstant(),
                    record.getPayload(), record.getTopic(), header(record, "ce_traceparent")));
        }
        if (events.isEmpty()) {
            return;
        }
        Set<String> firstDeliveries = processed.firstDeliveries(consumer, events.keySet());
        events.values().stream().filter(event -> firstDeliveries.contains(event.id())).forEach(event -> traced(consumer, event, apply));
    }

    /**
     * Applies one event in a consumer span, a child of the producer's (the record's {@code ce_traceparent}): what the
     * consumer writes (its own events, its mails) then carries the same trace on.
     */
    private void traced(String consumer, Event event, Consumer<Event> apply) {
        Span span = tracer.spanBuilder("apply " + event.type().type()).setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContexts.parent(event.traceparent))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", event.id())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            apply.accept(event);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName()); // the message may quote personal data
            throw e;
        } finally {
            span.end();
        }
    }

    private static String header(KafkaRecord<String, String> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static CompletionStage<Void> acknowledge(List<CompletionStage<Void>> acks) {
        return CompletableFuture.allOf(acks.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
    }
}
