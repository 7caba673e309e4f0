package uk.mathshubs.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.metrics.PolledGauges;

/**
 * How far behind the outbox is, for ops: events written but not yet on Kafka, and how long the oldest has waited
 * (an alert fires past a minute: a relay stuck, or a broker that refuses). Read every 15 seconds over the partial
 * index on unpublished events: the few rows waiting, however long the table.
 */
@Startup // the gauges exist from the start, not from the first reading
@ApplicationScoped
public class OutboxMetrics {

    private final PolledGauges gauges;

    public OutboxMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.gauges = new PolledGauges("outbox", dataSource, registry)
                .gauge("mathshubs.outbox.pending", "Events written to the outbox and not yet published to Kafka", null,
                        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                .gauge("mathshubs.outbox.oldest.pending.age", "How long the oldest unpublished event has waited (0 when none waits)",
                        "seconds", """
                        SELECT coalesce(extract(epoch FROM clock_timestamp() - min(occurred_at)), 0)
                        FROM outbox_event WHERE published_at IS NULL""");
    }

    @Scheduled(every = "${kit.metrics.poll-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void read() {
        gauges.read();
    }
}
