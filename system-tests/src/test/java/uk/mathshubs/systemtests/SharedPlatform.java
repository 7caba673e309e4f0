package uk.mathshubs.systemtests;

import java.nio.file.Path;
import java.util.Map;

/**
 * The platform FuzzIT and EndToEndFlowIT run on, started once for both (a start and a stop are two minutes of CI):
 * in sandbox mode, as a website developer runs it (X-With-Server-Date moves "now"), sending every process's spans to
 * a receiver of the tests' own and every mail to an SMTP server of theirs, with rate limits out of reach (the fuzz suite measures what the services do with bad
 * input, not the limiter). The fuzz suite goes first (junit-platform.properties orders the classes), while nothing
 * else has written anything; the end-to-end test stops the platform and checks nothing is left running. A run of
 * one class alone has it stopped when the JVM ends.
 */
final class SharedPlatform {

    private static Platform platform;
    private static OtlpReceiver traces;
    private static Mailbox mailbox;

    private SharedPlatform() {
    }

    static synchronized Platform get() throws Exception {
        if (platform == null) {
            traces = new OtlpReceiver();
            mailbox = new Mailbox();
            platform = Platform.up(Path.of(System.getProperty("platform.home", "target/platform")), Map.of(
                    "PLATFORM_SANDBOX", "1",
                    "PLATFORM_OTLP_ENDPOINT", traces.endpoint(),
                    "PLATFORM_SMTP", mailbox.smtp(),
                    "GATEWAY_RATE_LIMITS_ANONYMOUS_PER_ADDRESS_REQUESTS", "100000000",
                    "GATEWAY_RATE_LIMITS_PER_CLIENT_REQUESTS", "100000000",
                    "KIT_RATE_LIMITS_ANONYMOUS_PER_ADDRESS_REQUESTS", "100000000",
                    "KIT_RATE_LIMITS_PER_CLIENT_REQUESTS", "100000000"));
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPlatform::stopQuietly));
        }
        return platform;
    }

    /** The spans every process of the shared platform has sent. */
    static synchronized OtlpReceiver traces() {
        return traces;
    }

    /** Every mail the shared platform has sent. */
    static synchronized Mailbox mailbox() {
        return mailbox;
    }

    /** Stops the platform (./platform down) and the span receiver; the platform as it was, for checks after. */
    static synchronized Platform stop() throws Exception {
        Platform stopped = platform;
        if (traces != null) {
            traces.close();
            traces = null;
        }
        if (platform != null) {
            platform.close();
            platform = null;
        }
        if (mailbox != null) {
            mailbox.close();
            mailbox = null;
        }
        return stopped;
    }

    private static void stopQuietly() {
        try {
            stop();
        } catch (Exception e) {
            System.err.println("Stopping the shared platform failed: " + e);
        }
    }
}
