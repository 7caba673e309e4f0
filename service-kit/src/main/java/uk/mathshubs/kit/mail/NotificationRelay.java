package uk.mathshubs.kit.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the mails in the {@code notification} table on a thread of its own: straight after each commit that wrote
 * some, and on a timer for retries, mails due later and those a crashed instance left behind.
 */
@ApplicationScoped
@IfBuildProperty(name = MailTable.ENABLED, stringValue = "true")
public class NotificationRelay {

    private static final Logger LOG = Logger.getLogger(NotificationRelay.class);

    private final NotificationDelivery delivery;
    private final NotificationsConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "notification-relay"));
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    public NotificationRelay(NotificationDelivery delivery, NotificationsConfig config) {
        this.delivery = delivery;
        this.config = config;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOutbox.MailsWritten written) {
        kick();
    }

    @Scheduled(every = "${notifications.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        int deleted = delivery.deleteExpired();
        if (deleted > 0) {
            LOG.infof("Deleted %d mail records older than %s", deleted, config.retention());
        }
    }

    /** Asks for a pass; kicks while one runs cost one more pass, not one each. */
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
                while (!stopping && delivery.sendDue() == config.batchSize()) {
                    // a full batch: there may be more
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Mail sending paused, retrying on the next tick: %s", NotificationDelivery.withoutAddresses(String.valueOf(e)));
        } finally {
            running.set(false);
        }
        if (pending.get() && !stopping && running.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Lets a running pass finish before the datasource closes; what is left goes after the restart. */
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
