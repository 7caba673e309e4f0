package uk.mathshubs.kit.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import uk.mathshubs.kit.problem.ProblemException;

/**
 * What every text and every date a request carries must be, in a path, a query or a body, before anything reads or
 * stores it. PostgreSQL cannot store a NUL character or a year beyond its range: let through, either was a 500 with
 * a half-run request behind it. Both are refused up front as a 400 naming the field.
 * <ul>
 * <li>Text: no control characters (tab, line feed and carriage return are allowed in a body, where a statement may
 * have paragraphs; none at all in a path or a query), no half of a surrogate pair.</li>
 * <li>Dates and times: years 1 to 9999, the four-digit years of ISO 8601.</li>
 * </ul>
 */
public final class InputRules {

    public static final int EARLIEST_YEAR = 1;
    public static final int LATEST_YEAR = 9999;
    public static final String DATE_RANGE = "must be a date in the years " + EARLIEST_YEAR + " to " + LATEST_YEAR;
    private static final Instant EARLIEST = LocalDate.of(EARLIEST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LATEST = LocalDate.of(LATEST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private InputRules() {
    }

    /** Why this body text is refused, if it is. */
    public static Optional<String> refuseBodyText(String text) {
        return refuse(text, true);
    }

    /** Why this path or query parameter is refused, if it is. */
    public static Optional<String> refuseParameter(String text) {
        return refuse(text, false);
    }

    private static Optional<String> refuse(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return Optional.of(String.format("must not contain control characters (U+%04X at position %d)", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain half of a surrogate pair (position " + i + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether a date or time read from a request lies in the years the platform stores. */
    public static boolean inRange(Object temporal) {
        return switch (temporal) {
            case LocalDate date -> date.getYear() >= EARLIEST_YEAR && date.getYear() <= LATEST_YEAR;
            case LocalDateTime dateTime -> dateTime.getYear() >= EARLIEST_YEAR && dateTime.getYear() <= LATEST_YEAR;
            case OffsetDateTime dateTime -> inRange(dateTime.toInstant());
            case ZonedDateTime dateTime -> inRange(dateTime.toInstant());
            case Instant instant -> !instant.isBefore(EARLIEST) && instant.isBefore(AFTER_LATEST);
            default -> true;
        };
    }

    /**
     * A date-time query parameter: ISO 8601 with its offset, in the years the platform stores; empty when absent.
     * Anything else is the caller's mistake, named.
     */
    public static Optional<Instant> instantParameter(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO 8601 date-time with its offset, like 2027-09-01T00:00:00Z");
        }
        if (!inRange(instant)) {
            throw ProblemException.invalidField(field, DATE_RANGE);
        }
        return Optional.of(instant);
    }

    /**
     * A yes-or-no query parameter: {@code true} or {@code false} (any case); absent is false. JAX-RS would read
     * {@code openNow=maybe} as false without a word, and a website would list every Work Group believing it had filtered.
     */
    public static boolean booleanParameter(String field, String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalidField(field, "must be true or false");
    }
}
