package uk.mathshubs.kit.relay;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests being served that the work deferred behind them should not compete with for the CPU. While an opening
 * rush's applications are being taken in, the allocator and the relays ({@link BatchDrainer}) wait, each at most
 * {@code kit.relay.yield-at-most} after it was asked, and then take what accumulated in fewer, larger batches: the
 * schools are answered sooner, and their places, events and mails follow within that bound.
 */
@Singleton
public class Foreground {

    private final AtomicInteger serving = new AtomicInteger();
    private final long yieldAtMostNanos;

    public Foreground(@ConfigProperty(name = "kit.relay.yield-at-most", defaultValue = "2s") Duration yieldAtMost) {
        this.yieldAtMostNanos = yieldAtMost.toNanos();
    }

    /** Serves a request that deferred work should make way for. */
    public <T> T serve(Supplier<T> request) {
        serving.incrementAndGet();
        try {
            return request.get();
        } finally {
            serving.decrementAndGet();
        }
    }

    /** True while a pass asked for at {@code askedAt} (System.nanoTime) should wait for the requests being served. */
    boolean holds(long askedAt) {
        return serving.get() > 0 && System.nanoTime() - askedAt < yieldAtMostNanos;
    }

    /** For work that never yields (tests, tools). */
    public static Foreground none() {
        return new Foreground(Duration.ZERO);
    }
}
