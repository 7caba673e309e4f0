package uk.mathshubs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(now::get);
    private final RateLimiter.Policy sixtyAMinute = new RateLimiter.Policy(60, Duration.ofMinutes(1));

    @Test
    void aCallerMayBurstToTheLimitThenGoesAtTheSteadyRate() {
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire("a", sixtyAMinute).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("a", sixtyAMinute);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));

        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(limiter.acquire("a", sixtyAMinute).allowed()).isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.acquire("a", sixtyAMinute).allowed()).isTrue();
        assertThat(limiter.acquire("a", sixtyAMinute).allowed()).isFalse();
    }

    @Test
    void callersDoNotShareAllowancesAndAnIdleOneRefillsOnlyToItsLimit() {
        for (int i = 0; i < 60; i++) {
            limiter.acquire("a", sixtyAMinute);
        }
        assertThat(limiter.acquire("b", sixtyAMinute).remaining()).isEqualTo(59);

        now.addAndGet(Duration.ofHours(2).toNanos());
        assertThat(limiter.acquire("a", sixtyAMinute).remaining()).isEqualTo(59);
    }
}
