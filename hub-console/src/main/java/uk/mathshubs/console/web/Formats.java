package uk.mathshubs.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Dates and times as GOV.UK writes them, in UK time: "7 March 2027", "7 March 2027 at 4:30pm", "9am"; and the API's
 * codes as words ("NEEDS_REVIEW" is "Needs review").
 */
@TemplateExtension
public final class Formats {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private Formats() {
    }

    public static String ukDate(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String ukDate(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(UK));
    }

    public static String ukShortDate(Instant instant) {
        return instant == null ? "" : SHORT_DATE.format(instant.atZone(UK));
    }

    public static String ukTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime time = instant.atZone(UK);
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : (time.getMinute() < 10 ? ":0" : ":") + time.getMinute();
        if (time.getHour() == 12 && time.getMinute() == 0) {
            return "midday";
        }
        return hour + minutes + (time.getHour() < 12 ? "am" : "pm");
    }

    public static String ukDateTime(Instant instant) {
        return instant == null ? "" : ukDate(instant) + " at " + ukTime(instant);
    }

    /** A value as a query string's part; nothing for none. */
    public static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** "NEEDS_REVIEW" as "Needs review". */
    public static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String spaced = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** The GOV.UK tag colour of a status: green for what went well, red for what did not, grey for what ended. */
    public static String tagColour(String status) {
        if (status == null) {
            return "govuk-tag--grey";
        }
        return switch (status) {
            case "ACCEPTED", "ELIGIBLE", "OPEN", "ATTENDED", "SCHEDULED", "COMPLETED" -> "govuk-tag--green";
            case "REJECTED", "INELIGIBLE", "CANCELLED", "ABSENT", "EXPIRED" -> "govuk-tag--red";
            case "NEEDS_REVIEW", "OFFERED", "APOLOGIES" -> "govuk-tag--yellow";
            case "WAITLISTED", "CLOSED", "RUNNING", "MOVED" -> "govuk-tag--blue";
            case "SUBMITTED", "DRAFT" -> "govuk-tag--light-blue";
            default -> "govuk-tag--grey";
        };
    }
}
