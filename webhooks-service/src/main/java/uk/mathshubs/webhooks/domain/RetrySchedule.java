package uk.mathshubs.webhooks.domain;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with jitter. The n-th retry waits between half and all of
 * {@code firstRetry * 2^(n-1)}, at most {@code longestWait}; the jitter spreads the retries of many deliveries that
 * failed together (a receiver that was down) so they do not come back as one wave.
 */
public record RetrySchedule(Duration firstRetry, Duration longestWait) {

    public Duration waitAfter(int failedAttempts, RandomGenerator random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long ceiling = Math.min(longestWait.toMillis(), saturatingShift(firstRetry.toMillis(), doublings));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }

    private static long saturatingShift(long value, int bits) {
        return value > (Long.MAX_VALUE >> bits) ? Long.MAX_VALUE : value << bits;
    }
}
