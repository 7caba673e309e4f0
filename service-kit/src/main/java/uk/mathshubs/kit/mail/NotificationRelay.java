package uk.mathshubs.kit.mail;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.relay.BatchDrainer;
import uk.mathshubs.kit.relay.Foreground;
import uk.mathshubs.security.Redaction;

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
    private final BatchDrainer drainer;
    private final boolean mockMailer;
    private final Instance<MockMailbox> mockMailbox;

    public NotificationRelay(NotificationDelivery delivery, NotificationsConfig config,
            @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mockMailer, Instance<MockMailbox> mockMailbox,
            Foreground foreground) {
        this.delivery = delivery;
        this.config = config;
        this.mockMailer = mockMailer;
        this.mockMailbox = mockMailbox;
        this.drainer = new BatchDrainer("notification-relay", delivery::sendDue, config.batchSize(), config.linger(), foreground,
                e -> LOG.warnf("Mail sending paused, retrying on the next tick: %s",
                        Redaction.text(String.valueOf(e))));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOutbox.MailsWritten written) {
        kick();
    }

    @Scheduled(every = "${notifications.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    /**
     * Until an SMTP server is configured ({@code quarkus.mailer.mock}), the mailer keeps every mail it pretends to send
     * in memory, for tests to read: a platform left running through a rush would keep them all (seven per application).
     */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetMockedMails() {
        if (mockMailer && mockMailbox.isResolvable() && mockMailbox.get() != null) {
            mockMailbox.get().clear();
        }
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
        drainer.kick();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        drainer.stop();
    }

    @PreDestroy
    void destroy() {
        drainer.destroy();
    }
}
