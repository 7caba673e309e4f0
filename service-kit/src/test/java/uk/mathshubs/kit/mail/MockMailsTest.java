package uk.mathshubs.kit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.vertx.ext.mail.MailMessage;

class MockMailsTest {

    @Test
    void theMocksMailsGoAfterEachBatch() {
        Mailbox mailbox = sentOne();

        new MockMails(mailbox, true, false).afterBatch();

        assertThat(mailbox.getTotalMessagesSent()).isZero();
    }

    @Test
    void keptInDevModeToReadThem() {
        Mailbox mailbox = sentOne();

        new MockMails(mailbox, true, true).afterBatch();

        assertThat(mailbox.getTotalMessagesSent()).isOne();
    }

    @Test
    void aRealRelayKeepsNothingToEmpty() {
        Mailbox mailbox = sentOne(); // a test's own mock, say, beside a real relay: not the sender's to empty

        new MockMails(mailbox, false, false).afterBatch();

        assertThat(mailbox.getTotalMessagesSent()).isOne();
    }

    private static Mailbox sentOne() {
        Mailbox mailbox = new Mailbox();
        mailbox.mails.add(Mail.withText("head@school.example", "Application received", "..."));
        return mailbox;
    }

    /** What Quarkus's mock keeps: every mail, until cleared. */
    private static final class Mailbox implements MockMailbox {
        final List<Mail> mails = new ArrayList<>();

        @Override
        public List<Mail> getMessagesSentTo(String address) {
            return getMailsSentTo(address);
        }

        @Override
        public List<Mail> getMailsSentTo(String address) {
            return mails.stream().filter(mail -> mail.getTo().contains(address)).toList();
        }

        @Override
        public List<MailMessage> getMailMessagesSentTo(String address) {
            return List.of();
        }

        @Override
        public void clear() {
            mails.clear();
        }

        @Override
        public int getTotalMessagesSent() {
            return mails.size();
        }
    }
}
