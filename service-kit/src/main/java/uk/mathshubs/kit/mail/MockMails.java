package uk.mathshubs.kit.mail;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.mailer.MockMailbox;

/**
 * Until a relay is configured the mailer is Quarkus's mock ({@code quarkus.mailer.mock=true}, the services' default),
 * which keeps every mail it is given in memory, for a test to read back. In a service that runs for months that is a
 * leak: the benchmark platform's applications service held 14,000 mails (about 40 MB) per 2,000 applications and, a
 * few bursts later, spent all its CPU in full collections of a full heap. So the mock's mailbox is emptied after each
 * batch the sender hands it, unless {@code notifications.keep-mock-mails} (dev mode, to look at them).
 */
@ApplicationScoped
@IfBuildProperty(name = MailTable.ENABLED, stringValue = "true")
public class MockMails {

    private final Optional<MockMailbox> discarded;

    @Inject
    MockMails(Instance<MockMailbox> mailbox, @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mocked,
            NotificationsConfig config) {
        this(mocked && mailbox.isResolvable() ? mailbox.get() : null, mocked, config.keepMockMails());
    }

    MockMails(MockMailbox mailbox, boolean mocked, boolean keep) {
        this.discarded = Optional.ofNullable(mocked && !keep ? mailbox : null);
    }

    /** A batch went to the mailer: the mock's copies go. */
    void afterBatch() {
        discarded.ifPresent(MockMailbox::clear);
    }
}
