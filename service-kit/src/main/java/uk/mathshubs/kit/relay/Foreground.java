package uk.mathshubs.kit.relay;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests being served that the work deferred behind them should not compete with for the CPU. While an opening
 * rush's applications are being taken in, the allocator and the relays ({@link BatchDrainer}) wait, each at most
 * {@code kit.relay.yield-at-most} after it was asked, and then take what accumulated in fewer, larger batches: the
 * schools are answered sooner, and their places, events and mails follow within that bound.
 * <p>
 * A rush is requests coming one after another, not only one in hand at the instant a relay looks: on two busy cores
 * the gateway hands them over unevenly, and a relay that went whenever none was in hand ran through the rush in small
 * batches. So the rush lasts until none has been served for {@code kit.relay.quiet-period}. Work that people wait on
 * sooner (the allocator's places) has shorter bounds of its own, and so goes first once the rush is over.
 */
@Singleton
public class Foreground {

    private final AtomicInteger serving = new AtomicInteger();
    private final long yieldAtMostNanos;
    private final long quietNanos;
    private volatile long lastServedAt = System.nanoTime() - Long.MAX_VALUE / 2;

    @Inject
    public Foreground(@ConfigProperty(name = "kit.relay.yield-at-most", defaultValue = "10s") Duration yieldAtMost,
            @ConfigProperty(name = "kit.relay.quiet-period", defaultValue = "1s") Duration quietPeriod) {
        this.yieldAtMostNanos = yieldAtMost.toNanos();
        this.quietNanos = quietPeriod.toNanos();
    }

    /** Serves a request that deferred work should make way for. */
    public <T> T serve(Supplier<T> request) {
        serving.incrementAndGet();
        try {
            return request.get();
        } finally {
            lastServedAt = System.nanoTime();
            serving.decrementAndGet();
        }
    }

    /** True while a pass asked for at {@code askedAt} (System.nanoTime) should wait for the requests being served. */
    boolean holds(long askedAt) {
        return holds(askedAt, yieldAtMostNanos, quietNanos);
    }

    /** The same, for work with bounds of its own (in nanoseconds; negative: this foreground's). */
    boolean holds(long askedAt, long yieldAtMostNanos, long quietNanos) {
        long now = System.nanoTime();
        long quiet = quietNanos < 0 ? this.quietNanos : quietNanos;
        boolean rush = serving.get() > 0 || now - lastServedAt < quiet;
        return rush && now - askedAt < (yieldAtMostNanos < 0 ? this.yieldAtMostNanos : yieldAtMostNanos);
    }

    /** For work that never yields (tests, tools). */
    public static Foreground none() {
        return new Foreground(Duration.ZERO, Duration.ZERO);
    }
}
