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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import uk.mathshubs.contracts.EventType;

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

    private final ProcessedEvents processed;
    private final EventPayloads payloads;

    public Inbox(ProcessedEvents processed, EventPayloads payloads) {
        this.processed = processed;
        this.payloads = payloads;
    }

    /** One event as a consumer sees it. */
    public final class Event {

        private final String id;
        private final EventType type;
        private final Instant time;
        private final String payload;

        Event(String id, EventType type, Instant time, String payload) {
            this.id = id;
            this.type = type;
            this.time = time;
            this.payload = payload;
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
                outcomes.add(record.nack(e));
            }
        }
        return acknowledge(outcomes);
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
                    record.getPayload()));
        }
        if (events.isEmpty()) {
            return;
        }
        Set<String> firstDeliveries = processed.firstDeliveries(consumer, events.keySet());
        events.values().stream().filter(event -> firstDeliveries.contains(event.id())).forEach(apply);
    }

    private static String header(KafkaRecord<String, String> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static CompletionStage<Void> acknowledge(List<CompletionStage<Void>> acks) {
        return CompletableFuture.allOf(acks.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
    }
}
