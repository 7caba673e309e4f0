package uk.mathshubs.kit.mail;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the emails a service sends are retried and kept, and what they call the hubs. A service's own settings under
 * {@code notifications.} are in a mapping of its own.
 */
@ConfigMapping(prefix = "notifications")
public interface NotificationsConfig {

    /** How often the sender looks for mails due (read by the scheduler in {@code NotificationRelay}). */
    @WithDefault("1s")
    String pollInterval();

    /** How long after a commit that wrote mails the sender starts: under a rush, many commits' mails go in one batch. */
    @WithDefault("50ms")
    Duration linger();

    /** Mails sent side by side in one batch (and one transaction) by one sender. */
    @WithDefault("100")
    int batchSize();

    /** The pause after the first failed attempt; it doubles after each further one, up to {@link #maxRetryDelay()}. */
    @WithDefault("1s")
    Duration firstRetryDelay();

    @WithDefault("15m")
    Duration maxRetryDelay();

    /** Attempts before a mail is given up as failed (logged, without its address): 20 ride out about three hours. */
    @WithDefault("20")
    int maxAttempts();

    /** Keep the mails the mock mailer was given (dev mode, to read them); otherwise they go after each batch ({@link MockMails}). */
    @WithDefault("false")
    boolean keepMockMails();

    /** How long a sent mail's record (kind, recipient, subject, when; never its body) is kept. */
    @WithDefault("30d")
    Duration retention();

    /**
     * The names mails give the Maths Hubs, by hub code (the Work Group events carry only the code). A hub not listed
     * is named from its code: NORTH_MIDS becomes "North Mids Maths Hub".
     */
    Map<String, String> hubNames();
}
