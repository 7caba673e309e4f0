package uk.mathshubs.systemtests;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import uk.mathshubs.testsupport.ReceivedMail;

/** A real SMTP server (GreenMail) the platform sends every mail to: the tests read it as the people's inboxes. */
final class Mailbox implements AutoCloseable {

    private final GreenMail server = new GreenMail(ServerSetup.SMTP.dynamicPort());

    Mailbox() {
        server.start();
    }

    /** host:port, as PLATFORM_SMTP takes it. */
    String smtp() {
        return "localhost:" + server.getSmtp().getPort();
    }

    /** The mails received so far for one address, oldest first. */
    List<ReceivedMail> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isFor(message, address)).map(ReceivedMail::of).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(to -> to instanceof InternetAddress internet && internet.getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
