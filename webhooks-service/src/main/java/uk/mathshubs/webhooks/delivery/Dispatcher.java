package uk.mathshubs.webhooks.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.relay.BatchDrainer;
import uk.mathshubs.kit.relay.Foreground;
import uk.mathshubs.webhooks.config.WebhooksConfig;
import uk.mathshubs.webhooks.domain.RetrySchedule;
import uk.mathshubs.webhooks.service.Messages;

/**
 * Sends what is due: takes the next deliveries of each subscription (the oldest pending one of each subject, at most
 * {@code webhooks.in-flight-per-subscription} in flight per subscription across every instance), each on a virtual
 * thread of its own, so a receiver that is slow or hangs holds up only its own deliveries; then records each answer.
 * A delivery taken is leased for longer than a request may last: if this instance dies, another sends it again after
 * the lease (at least once; the receiver drops a repeat by its webhook-id).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final int BATCH = 200;
    /** Deliveries by outcome: delivered, retrying (it failed and will be tried again), failed (given up), gone (410). */
    static final String DELIVERIES = "mathshubs.webhooks.deliveries";
    /** From when a delivery fell due to when its receiver took it. */
    static final String LAG = "mathshubs.webhooks.delivery.lag";

    private final DeliveryQueue queue;
    private final Receivers receivers;
    private final Clock clock;
    private final WebhooksConfig config;
    private final RetrySchedule retries;
    private final MeterRegistry metrics;
    private final BatchDrainer drainer;
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-", 0).factory());

    public Dispatcher(DeliveryQueue queue, Receivers receivers, Clock clock, WebhooksConfig config, MeterRegistry metrics,
            Foreground foreground) {
        this.queue = queue;
        this.receivers = receivers;
        this.clock = clock;
        this.config = config;
        this.retries = new RetrySchedule(config.firstRetry(), config.longestWait());
        this.metrics = metrics;
        // Every outcome's series exists from the start, at 0, so an alert on failures has something to read before the first.
        for (String outcome : java.util.List.of("delivered", "retrying", "failed", "gone")) {
            metrics.counter(DELIVERIES, "outcome", outcome);
        }
        metrics.timer(LAG);
        this.drainer = new BatchDrainer("webhook-dispatcher", this::dispatchDue, BATCH, Duration.ofMillis(5), foreground,
                e -> LOG.warnf("Webhook dispatch paused, retrying on the next tick: %s", e));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Messages.Queued queued) {
        drainer.kick();
    }

    /** Retries and held messages fall due with time, not with a commit. */
    @Scheduled(every = "${webhooks.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drainer.kick();
    }

    /** The log keeps a month of what is over: enough to answer "did you send it?", not a history of every message. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetWhatIsOver() {
        int forgotten = QuarkusTransaction.requiringNew().call(() -> queue.forgetBefore(clock.instant().minus(config.keepFor())));
        if (forgotten > 0) {
            LOG.infof("Forgot %d deliveries over for longer than %s", forgotten, config.keepFor());
        }
    }

    public void kick() {
        drainer.kick();
    }

    int dispatchDue() {
        Instant now = clock.instant();
        Duration lease = config.timeout().plusSeconds(30);
        List<DeliveryQueue.Due> due = QuarkusTransaction.requiringNew()
                .call(() -> queue.take(now, lease, config.inFlightPerSubscription(), BATCH));
        for (DeliveryQueue.Due delivery : due) {
            try {
                senders.execute(() -> send(delivery));
            } catch (RejectedExecutionException stopping) {
                return due.size(); // the lease runs out and another instance (or this one restarted) sends it
            }
        }
        return due.size();
    }

    private void send(DeliveryQueue.Due delivery) {
        Receivers.Answer answer = receivers.send(URI.create(delivery.url()), delivery.messageId().toString(), delivery.body(),
                delivery.secrets());
        Instant now = clock.instant();
        try {
            QuarkusTransaction.requiringNew().run(() -> record(delivery, answer, now));
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is sent again: at least once.
            LOG.warnf("The answer to delivery %s could not be recorded: %s", delivery.deliveryId(), e);
        }
        drainer.kick(); // a slot of its subscription is free
    }

    private void record(DeliveryQueue.Due delivery, Receivers.Answer answer, Instant now) {
        String outcome;
        if (answer.delivered()) {
            queue.delivered(delivery.deliveryId(), answer, now);
            metrics.timer(LAG).record(Duration.between(delivery.dueAt(), now));
            outcome = "delivered";
        } else if (answer.gone()) {
            queue.gone(delivery, answer, now);
            outcome = "gone";
        } else {
            Instant next = now.plus(retries.waitAfter(delivery.attempts() + 1, ThreadLocalRandom.current()));
            outcome = queue.failed(delivery.deliveryId(), answer, now, next) ? "retrying" : "failed";
        }
        metrics.counter(DELIVERIES, "outcome", outcome).increment();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        drainer.stop();
        senders.shutdown();
    }

    @PreDestroy
    void destroy() {
        drainer.destroy();
        senders.shutdownNow();
    }
}
