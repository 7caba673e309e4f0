package uk.mathshubs.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UkTimeTest {

    private record Case(String local, String instant, String why) {
    }

    private static final List<Case> CASES = List.of(
            new Case("2024-09-12T16:00", "2024-09-12T15:00:00Z", "BST (UTC+1) in summer"),
            new Case("2025-01-09T09:00", "2025-01-09T09:00:00Z", "GMT in winter"),
            new Case("2024-10-27T00:30", "2024-10-26T23:30:00Z", "before the clocks go back on 27 October 2024"),
            new Case("2024-10-27T09:00", "2024-10-27T09:00:00Z", "the morning after the clocks went back"),
            new Case("2024-10-27T01:30", "2024-10-27T00:30:00Z", "01:30 happens twice that night: the first (BST) is meant"),
            new Case("2025-03-30T00:30", "2025-03-30T00:30:00Z", "before the clocks go forward on 30 March 2025"),
            new Case("2025-03-30T02:00", "2025-03-30T01:00:00Z", "just after they went forward"));

    // Dynamic tests, not @ParameterizedTest: Kafka's test kit registers a JUnit extension that claims every test template.
    @TestFactory
    Stream<DynamicTest> wallClockTimesBecomeInstants() {
        return CASES.stream().map(c -> dynamicTest(c.local() + " is " + c.instant() + ": " + c.why(), () -> {
            LocalDateTime local = LocalDateTime.parse(c.local());
            Instant instant = Instant.parse(c.instant());
            assertThat(UkTime.toInstant(local)).isEqualTo(instant);
            assertThat(UkTime.local(instant).toLocalDateTime()).isEqualTo(local);
        }));
    }

    @Test
    void aTimeTheClocksSkipIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> UkTime.toInstant(LocalDateTime.parse("2025-03-30T01:30")))
                .withMessageContaining("clocks go forward");
    }
}
