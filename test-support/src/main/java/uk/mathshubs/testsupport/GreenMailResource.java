package uk.mathshubs.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port, that every test application in this JVM sends its
 * mail to: the port goes to the application as {@code greenmail.smtp.port}, which the service's {@code %test}
 * profile points the mailer at. {@link #stopSmtp()} and {@link #startSmtp()} take the server away and bring it back
 * on the same port, for tests of what happens while the mail server is down.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static final List<MimeMessage> earlier = new ArrayList<>();
    private static GreenMail server;
    private static boolean running;
    private static int port;

    @Override
    public Map<String, String> start() {
        return Map.of("greenmail.smtp.port", String.valueOf(smtpPort()));
    }

    @Override
    public void stop() {
        // Shared by every test application in this JVM; closed when the JVM exits.
    }

    /** The port the server listens on (started on first use). */
    public static synchronized int smtpPort() {
        if (server == null) {
            server = new GreenMail(ServerSetup.SMTP.dynamicPort());
            server.start();
            running = true;
            port = server.getSmtp().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (GreenMailResource.class) {
                    if (running) {
                        server.stop();
                    }
                }
            }));
        }
        return port;
    }

    /** Every message received so far (also those received before a restart). */
    public static synchronized List<MimeMessage> received() {
        smtpPort();
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (running) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all;
    }

    /** The messages received so far for one address (as recipient: To, Cc or Bcc). */
    public static List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(message -> isFor(message, address)).toList();
    }

    /** The mail server goes away: connections to its port are refused until {@link #startSmtp()}. */
    public static synchronized void stopSmtp() {
        smtpPort();
        if (running) {
            earlier.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            running = false;
        }
    }

    /** The mail server is back, on the same port. */
    public static synchronized void startSmtp() {
        smtpPort();
        if (!running) {
            server = new GreenMail(new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP));
            server.start();
            running = true;
        }
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(recipient -> recipient instanceof InternetAddress internet
                            && internet.getAddress().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
