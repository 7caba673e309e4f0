package uk.mathshubs.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void datesAndTimesAreWrittenAsGovUkWritesThemInUkTime() {
        // 16:30 UTC in March is 4:30pm in London; in July, British Summer Time makes it 5:30pm.
        assertThat(Formats.ukDateTime(Instant.parse("2027-03-07T16:30:00Z"))).isEqualTo("7 March 2027 at 4:30pm");
        assertThat(Formats.ukDateTime(Instant.parse("2027-07-07T16:30:00Z"))).isEqualTo("7 July 2027 at 5:30pm");
        assertThat(Formats.ukTime(Instant.parse("2027-01-10T09:00:00Z"))).isEqualTo("9am");
        assertThat(Formats.ukTime(Instant.parse("2027-01-10T12:00:00Z"))).isEqualTo("midday");
        assertThat(Formats.ukTime(Instant.parse("2027-01-10T00:15:00Z"))).isEqualTo("12:15am");
        assertThat(Formats.ukTime(Instant.parse("2027-01-10T15:05:00Z"))).isEqualTo("3:05pm");
        assertThat(Formats.ukDate(LocalDate.of(2027, 3, 8))).isEqualTo("8 March 2027");
        assertThat(Formats.ukShortDate(Instant.parse("2026-10-14T15:00:00Z"))).isEqualTo("Wed 14 Oct 2026");
        assertThat(Formats.ukDate((Instant) null)).isEmpty();
    }

    @Test
    void theApisCodesAreReadAsWords() {
        assertThat(Formats.words("NEEDS_REVIEW")).isEqualTo("Needs review");
        assertThat(Formats.words("FIRST_COME_FIRST_SERVED")).isEqualTo("First come first served");
        assertThat(Formats.words(null)).isEmpty();
        assertThat(Formats.tagColour("ACCEPTED")).isEqualTo("govuk-tag--green");
        assertThat(Formats.tagColour("SOMETHING_NEW")).isEqualTo("govuk-tag--grey");
    }
}
