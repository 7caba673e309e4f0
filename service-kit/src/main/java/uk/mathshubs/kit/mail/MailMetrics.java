package uk.mathshubs.kit.mail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.metrics.PolledGauges;

/** Mails waiting to be sent (or tried again) and mails given up on, for ops; read every 15 seconds. */
@Startup
@ApplicationScoped
@IfBuildProperty(name = MailTable.ENABLED, stringValue = "true")
public class MailMetrics {

    static final String WAITING = "mathshubs.mail.waiting";
    static final String FAILED = "mathshubs.mail.failed";
    private static final Logger LOG = Logger.getLogger(MailMetrics.class);

    private final AgroalDataSource dataSource;
    private final PolledGauges gauges;

    public MailMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.gauges = new PolledGauges(registry);
        gauges.register(WAITING, "Mails not yet sent, first tries and retries", null);
        gauges.register(FAILED, "Mails given up on after their last try (kept until the purge)", null);
    }

    @Scheduled(every = "${kit.metrics.poll-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void read() {
        // Two counts, each over its own partial index (notification_due, notification_failed): the sent mails never read.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            gauges.set(WAITING, count(statement, "SELECT count(*) FROM notification WHERE sent_at IS NULL AND failed_at IS NULL"));
            gauges.set(FAILED, count(statement, "SELECT count(*) FROM notification WHERE sent_at IS NULL AND failed_at IS NOT NULL"));
        } catch (SQLException e) {
            LOG.debugf("Mail metrics not read this time: %s", e.getMessage());
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
