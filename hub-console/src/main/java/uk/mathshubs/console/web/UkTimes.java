package uk.mathshubs.console.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A date in three fields and times of day as staff type them ("9:30", "14:00", "2pm"), in UK time. */
final class UkTimes {

    private static final Pattern TIME = Pattern.compile("\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private UkTimes() {
    }

    static Optional<LocalDate> date(String day, String month, String year) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip())));
        } catch (NumberFormatException | DateTimeException | NullPointerException notADate) {
            return Optional.empty();
        }
    }

    static Optional<LocalTime> time(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(matcher.group(1));
        int minute = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        String half = matcher.group(3);
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + (half.equalsIgnoreCase("pm") ? 12 : 0);
        }
        try {
            return Optional.of(LocalTime.of(hour, minute));
        } catch (DateTimeException notATime) {
            return Optional.empty();
        }
    }

    /** The moment as the API takes a session's times: the UK's local date and time, ISO 8601, no offset. */
    static String iso(LocalDate date, LocalTime time) {
        return LocalDateTime.of(date, time).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
}
