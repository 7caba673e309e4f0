package uk.mathshubs.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.metrics.PolledGauges;

/**
 * The backlog, for ops: deliveries due and not yet taken (a receiver slow or down piles them up behind it) and the
 * subscriptions switched off by a 410. Read every 15 seconds over the partial index of pending deliveries.
 */
@Startup // the gauges exist from the start, not from the first reading
@ApplicationScoped
public class DeliveryMetrics {

    private final PolledGauges gauges;

    public DeliveryMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.gauges = new PolledGauges("webhooks", dataSource, registry)
                .gauge("mathshubs.webhooks.due", "Deliveries due now and waiting: first tries and retries", null,
                        """
                        SELECT count(*) FROM delivery d JOIN subscription s ON s.id = d.subscription_id AND s.status = 'ACTIVE'
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()""")
                .gauge("mathshubs.webhooks.held", "Deliveries held until a date (decisions until their release, offer reminders)",
                        null, """
                        SELECT count(*) FROM delivery d JOIN subscription s ON s.id = d.subscription_id AND s.status = 'ACTIVE'
                        WHERE d.status = 'PENDING' AND d.next_attempt_at > now()""")
                .gauge("mathshubs.webhooks.subscriptions.disabled", "Subscriptions switched off by their receiver's 410", null,
                        "SELECT count(*) FROM subscription WHERE status = 'DISABLED'");
    }

    @Scheduled(every = "${kit.metrics.poll-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void read() {
        gauges.read();
    }
}
