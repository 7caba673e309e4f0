package uk.mathshubs.kit.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.metrics.PolledGauges;

/**
 * How far behind the outbox is, for ops: events written but not yet on Kafka, and how long the oldest has waited
 * (an alert fires past a minute: a relay stuck, or a broker that refuses). Read every 15 seconds.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    static final String PENDING = "mathshubs.outbox.pending";
    static final String OLDEST_AGE = "mathshubs.outbox.oldest.pending.age";
    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final AgroalDataSource dataSource;
    private final PolledGauges gauges;

    public OutboxMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.gauges = new PolledGauges(registry);
        gauges.register(PENDING, "Events written to the outbox and not yet published to Kafka", null);
        gauges.register(OLDEST_AGE, "How long the oldest unpublished event has waited (0 when none waits)", "seconds");
    }

    @Scheduled(every = "${kit.metrics.poll-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void read() {
        // The partial index on unpublished events makes this a read of the few rows waiting, however long the table.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(occurred_at)), 0)
                        FROM outbox_event WHERE published_at IS NULL""")) {
            row.next();
            gauges.set(PENDING, row.getLong(1));
            gauges.set(OLDEST_AGE, Math.max(0, row.getDouble(2)));
        } catch (SQLException e) {
            LOG.debugf("Outbox metrics not read this time: %s", e.getMessage());
        }
    }
}
