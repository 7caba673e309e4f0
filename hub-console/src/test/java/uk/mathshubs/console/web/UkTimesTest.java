package uk.mathshubs.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class UkTimesTest {

    @Test
    void aDateIsReadFromItsThreeFieldsOnlyWhenItExists() {
        assertThat(UkTimes.date("14", "10", "2026")).contains(LocalDate.of(2026, 10, 14));
        assertThat(UkTimes.date(" 7", "3 ", "2027")).contains(LocalDate.of(2027, 3, 7));
        assertThat(UkTimes.date("31", "2", "2027")).isEmpty();
        assertThat(UkTimes.date("", "2", "2027")).isEmpty();
        assertThat(UkTimes.date(null, "2", "2027")).isEmpty();
        assertThat(UkTimes.date("x", "2", "2027")).isEmpty();
    }

    @Test
    void timesOfDayAreReadAsStaffTypeThem() {
        assertThat(UkTimes.time("9:30")).contains(LocalTime.of(9, 30));
        assertThat(UkTimes.time("15:45")).contains(LocalTime.of(15, 45));
        assertThat(UkTimes.time("4pm")).contains(LocalTime.of(16, 0));
        assertThat(UkTimes.time("12am")).contains(LocalTime.of(0, 0));
        assertThat(UkTimes.time("12.30pm")).contains(LocalTime.of(12, 30));
        assertThat(UkTimes.time("13pm")).isEmpty();
        assertThat(UkTimes.time("25:00")).isEmpty();
        assertThat(UkTimes.time("9:75")).isEmpty();
        assertThat(UkTimes.time("soon")).isEmpty();
        assertThat(UkTimes.time(null)).isEmpty();
    }

    @Test
    void theApiIsGivenTheUkLocalTimeAsItTakesASessions() {
        assertThat(UkTimes.iso(LocalDate.of(2027, 1, 10), LocalTime.of(16, 0))).isEqualTo("2027-01-10T16:00:00");
        assertThat(UkTimes.iso(LocalDate.of(2027, 6, 10), LocalTime.of(9, 5))).isEqualTo("2027-06-10T09:05:00");
    }
}
