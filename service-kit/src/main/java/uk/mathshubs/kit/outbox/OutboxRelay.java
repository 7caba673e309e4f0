package uk.mathshubs.kit.outbox;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.relay.BatchDrainer;
import uk.mathshubs.kit.relay.Foreground;

/**
 * Drains the outbox: straight after each commit that wrote an event (so events leave within milliseconds),
 * and on a timer as the safety net for commits whose process died before relaying (or a broker that was down).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final BatchDrainer drainer;

    /** @param linger how long after a commit the relay starts, so that a rush's events leave in batches */
    public OutboxRelay(OutboxPublisher publisher, @ConfigProperty(name = "kit.outbox.linger", defaultValue = "20ms") Duration linger,
            Foreground foreground) {
        this.drainer = new BatchDrainer("outbox-relay", publisher::publishBatch, OutboxPublisher.BATCH_SIZE, linger, foreground,
                e -> LOG.warnf("Outbox relay paused, retrying on the next tick: %s", rootCause(e)));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        kick();
    }

    @Scheduled(every = "${kit.outbox.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    /** Asks for a drain; several kicks while one drain runs cost one more pass, not one each. */
    public void kick() {
        drainer.kick();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e) : e.getMessage() + " caused by " + cause;
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        drainer.stop();
    }

    @PreDestroy
    void destroy() {
        drainer.destroy();
    }
}
