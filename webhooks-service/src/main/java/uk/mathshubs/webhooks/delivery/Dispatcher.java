package uk.mathshubs.webhooks.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /**
     * How long after a kick a pass starts: the answers and the new messages of that while go in one pass (two
     * transactions) rather than a pass each; a message waits that much longer, far inside its 2 s.
     */
    private static final Duration LINGER = Duration.ofMillis(25);
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
    private final Queue<Answered> answered = new ConcurrentLinkedQueue<>();
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
        this.drainer = new BatchDrainer("webhook-dispatcher", this::dispatchDue, BATCH, LINGER, foreground,
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

    /** A receiver's answer to a delivery, waiting to be written down by the next pass. */
    private record Answered(DeliveryQueue.Due delivery, Receivers.Answer answer, Instant at) {
    }

    int dispatchDue() {
        recordAnswers();
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
        Receivers.Answer answer;
        try {
            answer = receivers.send(URI.create(delivery.url()), delivery.messageId().toString(), delivery.body(), delivery.secrets());
        } catch (RuntimeException e) {
            // Counted as a failed attempt, not left leased: it is retried on the schedule and given up in time.
            answer = new Receivers.Answer(null, "not sent: " + e.getClass().getSimpleName());
        }
        answered.add(new Answered(delivery, answer, clock.instant()));
        drainer.kick(); // its answer is written down, and a slot of its subscription is free, on the next pass
    }

    /**
     * Writes down the answers received since the last pass, in one transaction: under load a pass finds many, and the
     * delivered ones are one statement. Until then each is still leased (in flight, for its subscription's limit); if
     * this instance dies first, the lease runs out and the delivery is sent again: at least once.
     */
    private void recordAnswers() {
        List<Answered> batch = new ArrayList<>();
        for (Answered next; batch.size() < 1000 && (next = answered.poll()) != null;) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<String> outcomes;
        try {
            outcomes = QuarkusTransaction.requiringNew().call(() -> {
            queue.delivered(batch.stream().filter(a -> a.answer().delivered())
                    .map(a -> new DeliveryQueue.Delivered(a.delivery().deliveryId(), a.at(), a.answer().statusCode())).toList());
            List<String> written = new ArrayList<>();
            for (Answered a : batch) {
                if (a.answer().delivered()) {
                    written.add("delivered");
                } else if (a.answer().gone()) {
                    queue.gone(a.delivery(), a.answer(), a.at());
                    written.add("gone");
                } else {
                    Instant next = a.at().plus(retries.waitAfter(a.delivery().attempts() + 1, ThreadLocalRandom.current()));
                    written.add(queue.failed(a.delivery().deliveryId(), a.answer(), a.at(), next) ? "retrying" : "failed");
                }
            }
            return written;
            });
        } catch (RuntimeException e) {
            answered.addAll(batch); // tried again on the next pass, before their leases run out
            throw e;
        }
        for (int i = 0; i < batch.size(); i++) {
            metrics.counter(DELIVERIES, "outcome", outcomes.get(i)).increment();
            if (batch.get(i).answer().delivered()) {
                metrics.timer(LAG).record(Duration.between(batch.get(i).delivery().dueAt(), batch.get(i).at()));
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        drainer.stop();
        senders.shutdown();
        try {
            recordAnswers(); // what was answered before the stop, written down (else sent again after the restart)
        } catch (RuntimeException e) {
            LOG.warnf("Answers not written down at shutdown, their deliveries go again: %s", e);
        }
    }

    @PreDestroy
    void destroy() {
        drainer.destroy();
        senders.shutdownNow();
    }
}
