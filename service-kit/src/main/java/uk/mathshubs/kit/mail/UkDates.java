package uk.mathshubs.kit.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Dates and times as people in England read them, in UK local time: "Thursday 7 March 2024", "17:00"; in templates as
 * {@code {date.ukDate}}, {@code {instant.ukTime}} and the like.
 */
@TemplateExtension
public final class UkDates {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private UkDates() {
    }

    /** {@code {group.confirmationDate.ukDate}}: "Thursday 7 March 2024". */
    public static String ukDate(LocalDate date) {
        return DATE.format(date);
    }

    /** {@code {offer.expiresAt.ukDateTime}}: "17:00 on Thursday 7 March 2024". */
    public static String ukDateTime(Instant instant) {
        var local = instant.atZone(UK);
        return TIME.format(local) + " on " + DATE.format(local);
    }

    /** {@code {session.startsAt.ukDate}}: "Thursday 12 September 2024". */
    public static String ukDate(Instant instant) {
        return DATE.format(instant.atZone(UK));
    }

    /** {@code {session.startsAt.ukTime}}: "16:00". */
    public static String ukTime(Instant instant) {
        return TIME.format(instant.atZone(UK));
    }

    /** The first moment of a day in UK time. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(UK).toInstant();
    }

    /** The day it is in the UK at that moment. */
    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, UK);
    }
}
