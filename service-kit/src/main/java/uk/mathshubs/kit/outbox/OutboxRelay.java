package uk.mathshubs.kit.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Drains the outbox: straight after each commit that wrote an event (so events leave within milliseconds),
 * and on a timer as the safety net for commits whose process died before relaying (or a broker that was down).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    public OutboxRelay(OutboxPublisher publisher) {
        this.publisher = publisher;
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
        if (stopping) {
            return;
        }
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (pending.getAndSet(false) && !stopping) {
                while (!stopping && publisher.publishBatch() == OutboxPublisher.BATCH_SIZE) {
                    // a full batch: there may be more
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused, retrying on the next tick: %s", rootCause(e));
        } finally {
            running.set(false);
        }
        if (pending.get() && !stopping && running.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e) : e.getMessage() + " caused by " + cause;
    }

    /** Lets a running drain finish before the datasource closes; whatever is left goes out after the restart. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    @PreDestroy
    void destroy() {
        worker.shutdownNow();
    }
}
