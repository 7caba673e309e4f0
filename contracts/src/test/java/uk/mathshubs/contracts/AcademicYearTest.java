package uk.mathshubs.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcademicYearTest {

    @Test
    void yearRunsFromSeptemberToAugust() {
        AcademicYear year = AcademicYear.parse("2024/25");

        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(year.contains(LocalDate.of(2025, 3, 17))).isTrue();
        assertThat(year.contains(LocalDate.of(2025, 9, 1))).isFalse();
        assertThat(year).hasToString("2024/25");
    }

    @Test
    void centuryTurnIsWrittenWithTwoDigits() {
        assertThat(AcademicYear.parse("2099/00")).hasToString("2099/00");
    }

    @Test
    void dateBelongsToTheYearThatContainsIt() {
        assertThat(AcademicYear.containing(LocalDate.of(2024, 8, 31))).hasToString("2023/24");
        assertThat(AcademicYear.containing(LocalDate.of(2024, 9, 1))).hasToString("2024/25");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024/26", "24/25", "2024-25", "2024/2025", "", "abcd/ef"})
    void malformedYearsAreRefused(String text) {
        assertThatThrownBy(() -> AcademicYear.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
