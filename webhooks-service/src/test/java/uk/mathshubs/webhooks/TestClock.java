package uk.mathshubs.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The application's clock in tests: the real time unless a test sets "now" (and resets it when done),
 * so that a decision held until its release date can be seen released.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant now) {
        fixed = now;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        // A sandbox request's own "now" comes first, as in the kit's clock.
        return now == null ? uk.mathshubs.kit.time.SandboxDates.requested().orElseGet(Instant::now) : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application works in UTC instants");
    }
}
