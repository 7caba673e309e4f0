package uk.mathshubs.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per caller: a bucket holds up to {@code limit} requests and refills at {@code limit} per
 * {@code window}, so a caller may burst to its limit and then goes at the steady rate. Buckets left full are
 * forgotten when the map grows, so a scan from many addresses cannot exhaust memory.
 */
public final class RateLimiter {

    private static final int FORGET_ABOVE = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The policy a caller is held to: so many requests per window. */
    public record Policy(int limit, Duration window) {

        public Policy {
            if (limit < 1 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs a limit above 0 and a window, not " + limit + " per " + window);
            }
        }

        double tokensPerNano() {
            return (double) limit / window.toNanos();
        }

        /** What a caller over it is told, with the seconds it should wait (gateway and services alike). */
        public String refusal(long retryAfterSeconds) {
            return "More than " + limit + " requests in " + window.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                    + "; try again in " + retryAfterSeconds + " s";
        }
    }

    /** Whether a request may go now; when not, how long until it may. */
    public record Decision(boolean allowed, int remaining, Duration retryAfter) {

        /** The wait as a Retry-After value: whole seconds, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    public Decision acquire(String caller, Policy policy) {
        if (buckets.size() > FORGET_ABOVE) {
            forgetFullBuckets();
        }
        return buckets.computeIfAbsent(caller, key -> new Bucket(policy, nanoTime.getAsLong())).take(policy, nanoTime.getAsLong());
    }

    private void forgetFullBuckets() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private static final class Bucket {

        private final int capacity;
        private double tokens;
        private long refilledAt;

        Bucket(Policy policy, long now) {
            this.capacity = policy.limit();
            this.tokens = policy.limit();
            this.refilledAt = now;
        }

        synchronized Decision take(Policy policy, long now) {
            refill(policy, now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, (int) tokens, Duration.ZERO);
            }
            long wait = (long) Math.ceil((1 - tokens) / policy.tokensPerNano());
            return new Decision(false, 0, Duration.ofNanos(wait));
        }

        synchronized boolean isFull(long now) {
            return tokens >= capacity || now - refilledAt > Duration.ofHours(1).toNanos();
        }

        private void refill(Policy policy, long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * policy.tokensPerNano());
            refilledAt = now;
        }
    }
}
