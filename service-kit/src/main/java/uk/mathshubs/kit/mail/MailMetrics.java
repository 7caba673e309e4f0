package uk.mathshubs.kit.mail;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.metrics.PolledGauges;

/**
 * Mails waiting to be sent (or tried again) and mails given up on, for ops; read every 15 seconds, each over its own
 * partial index (notification_due, notification_failed): the sent mails are never read.
 */
@Startup // the gauges exist from the start, not from the first reading
@ApplicationScoped
@IfBuildProperty(name = MailTable.ENABLED, stringValue = "true")
public class MailMetrics {

    private final PolledGauges gauges;

    public MailMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.gauges = new PolledGauges("mail", dataSource, registry)
                .gauge("mathshubs.mail.waiting", "Mails not yet sent, first tries and retries", null,
                        "SELECT count(*) FROM notification WHERE sent_at IS NULL AND failed_at IS NULL")
                .gauge("mathshubs.mail.failed", "Mails given up on after their last try (kept until the purge)", null,
                        "SELECT count(*) FROM notification WHERE sent_at IS NULL AND failed_at IS NOT NULL");
    }

    @Scheduled(every = "${kit.metrics.poll-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void read() {
        gauges.read();
    }
}
