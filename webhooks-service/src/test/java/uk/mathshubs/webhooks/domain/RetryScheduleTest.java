package uk.mathshubs.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(6));

    @Test
    void eachRetryWaitsBetweenHalfAndAllOfTwiceThePreviousCeiling() {
        Random random = new Random(42);
        for (int failures = 1; failures <= 12; failures++) {
            long ceiling = Math.min(5_000L << (failures - 1), Duration.ofHours(6).toMillis());
            for (int i = 0; i < 200; i++) {
                long wait = schedule.waitAfter(failures, random).toMillis();
                assertThat(wait).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void theWaitNeverPassesTheLongestAndNeverOverflows() {
        assertThat(schedule.waitAfter(10_000, new Random(1))).isLessThanOrEqualTo(Duration.ofHours(6));
        assertThat(schedule.waitAfter(63, new Random(1))).isGreaterThanOrEqualTo(Duration.ofHours(3));
    }

    @Test
    void retriesForThreeDaysTakeAboutAHandfulOfHoursApartAtTheEnd() {
        // With 5 s doubling to 6 h, three days hold about 20 attempts: enough for a receiver down over a weekend.
        Random random = new Random(7);
        Duration total = Duration.ZERO;
        int attempts = 0;
        while (total.compareTo(Duration.ofDays(3)) < 0) {
            total = total.plus(schedule.waitAfter(++attempts, random));
        }
        assertThat(attempts).isBetween(15, 30);
    }
}
