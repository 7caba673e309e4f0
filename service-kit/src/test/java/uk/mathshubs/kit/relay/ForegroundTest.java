package uk.mathshubs.kit.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ForegroundTest {

    @Test
    void aRushLastsUntilNoRequestHasBeenServedForTheQuietPeriod() {
        Foreground foreground = new Foreground(Duration.ofSeconds(10), Duration.ofMillis(300));
        assertThat(foreground.holds(System.nanoTime())).as("nothing served yet").isFalse();

        foreground.serve(() -> null);
        // None in hand, but one served a moment ago: the next is likely on its way.
        assertThat(foreground.holds(System.nanoTime())).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !foreground.holds(System.nanoTime()));
    }

    @Test
    void aPassAskedLongerAgoThanTheBoundGoesWhateverIsBeingServed() {
        Foreground foreground = new Foreground(Duration.ofMillis(100), Duration.ofSeconds(10));
        long askedAt = System.nanoTime();
        foreground.serve(() -> {
            assertThat(foreground.holds(askedAt)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> !foreground.holds(askedAt));
            return null;
        });
    }

    @Test
    void workWithAShorterQuietPeriodGoesFirstOnceTheRushIsOver() {
        Foreground foreground = new Foreground(Duration.ofSeconds(10), Duration.ofSeconds(10));
        long shortQuiet = Duration.ofMillis(100).toNanos();
        foreground.serve(() -> null);

        // The allocator's bounds (100 ms) let it go while the relays' (the foreground's 10 s) still wait.
        await().atMost(Duration.ofSeconds(5)).until(() -> !foreground.holds(System.nanoTime(), -1, shortQuiet));
        assertThat(foreground.holds(System.nanoTime())).isTrue();
    }
}
