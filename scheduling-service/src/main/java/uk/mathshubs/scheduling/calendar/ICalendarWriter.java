package uk.mathshubs.scheduling.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.UkTime;

/**
 * Sessions as an iCalendar (RFC 5545) feed that calendar clients subscribe to. Each session is one VEVENT whose UID
 * never changes; moving or cancelling it raises its SEQUENCE, so clients update the event they hold instead of
 * adding another. Times are UK local times with the Europe/London VTIMEZONE, so clients show them right either side
 * of a clock change.
 */
public final class ICalendarWriter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String UID_DOMAIN = "@sessions.mathshubs.uk";

    /** UK time since 1996: BST from 01:00 GMT on the last Sunday of March to 01:00 GMT on the last Sunday of October. */
    private static final List<String> EUROPE_LONDON = List.of(
            "BEGIN:VTIMEZONE",
            "TZID:Europe/London",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100",
            "TZNAME:BST",
            "DTSTART:19810329T010000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000",
            "TZNAME:GMT",
            "DTSTART:19961027T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE");

    private final StringBuilder out = new StringBuilder(4096);

    private ICalendarWriter() {
    }

    /** A whole calendar: its name, and one event per session (cancelled ones included, marked cancelled). */
    public static String calendar(String name, List<Session> sessions, Instant now) {
        ICalendarWriter writer = new ICalendarWriter();
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:-//Maths Hubs//Work Groups scheduling//EN");
        writer.line("CALSCALE:GREGORIAN");
        writer.line("METHOD:PUBLISH");
        writer.property("X-WR-CALNAME", text(name));
        writer.line("X-WR-TIMEZONE:Europe/London");
        EUROPE_LONDON.forEach(writer::line);
        sessions.forEach(session -> writer.event(session, now));
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    /**
     * One session as an email's calendar file (iTIP, RFC 5546): METHOD:REQUEST invites (and, with the session's
     * raised SEQUENCE, updates) the event the attendee's calendar holds under the same UID; METHOD:CANCEL removes it.
     */
    public static String message(String method, Session session, String organizer, String attendeeName, String attendeeEmail,
            Instant now) {
        if (!method.equals("REQUEST") && !method.equals("CANCEL")) {
            throw new IllegalArgumentException("an invitation is a REQUEST or a CANCEL, not " + method);
        }
        ICalendarWriter writer = new ICalendarWriter();
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:-//Maths Hubs//Work Groups scheduling//EN");
        writer.line("CALSCALE:GREGORIAN");
        writer.line("METHOD:" + method);
        EUROPE_LONDON.forEach(writer::line);
        writer.event(session, now, List.of(
                "ORGANIZER:mailto:" + organizer,
                "ATTENDEE;CN=\"" + attendeeName.replaceAll("[\"\\x00-\\x1F\\x7F]", "") + "\";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:"
                        + attendeeEmail));
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    private void event(Session s, Instant now) {
        event(s, now, List.of());
    }

    private void event(Session s, Instant now, List<String> extra) {
        line("BEGIN:VEVENT");
        line("UID:" + s.id + UID_DOMAIN);
        line("DTSTAMP:" + UTC.format(now));
        line("LAST-MODIFIED:" + UTC.format(s.updatedAt));
        line("SEQUENCE:" + s.sequence);
        time("DTSTART", s.startsAt);
        time("DTEND", s.endsAt);
        property("SUMMARY", text(s.title));
        property("DESCRIPTION", text(description(s)));
        if (s.location != null) {
            property("LOCATION", text(s.location));
        }
        if (s.joinLink != null) {
            property("URL", s.joinLink);
        }
        line("STATUS:" + (s.isCancelled() ? "CANCELLED" : "CONFIRMED"));
        line("TRANSP:OPAQUE");
        extra.forEach(this::line);
        line("END:VEVENT");
    }

    private static String description(Session s) {
        StringBuilder text = new StringBuilder();
        if (s.isCancelled()) {
            text.append("Cancelled: ").append(s.statusReason).append("\n\n");
        } else if (s.statusReason != null) {
            text.append("Moved: ").append(s.statusReason).append("\n\n");
        }
        text.append(s.isCentral() ? "National session" : "Local Work Group session")
                .append(" for ").append(s.audience.name().toLowerCase().replace('_', ' '))
                .append(" (").append(s.deliveryMode.name().toLowerCase().replace('_', ' ')).append(')');
        if (s.joinLink != null) {
            text.append("\nJoin: ").append(s.joinLink);
        }
        if (s.recordingLink != null) {
            text.append("\nRecording: ").append(s.recordingLink);
        }
        return text.toString();
    }

    /**
     * A UK local time with its zone. The one hour repeated when the clocks go back cannot be told apart in local
     * time (RFC 5545 reads it as the first, BST, occurrence), so a time in the second one is written in UTC.
     */
    private void time(String name, Instant instant) {
        LocalDateTime local = UkTime.local(instant).toLocalDateTime();
        if (UkTime.toInstant(local).equals(instant)) {
            line(name + ";TZID=Europe/London:" + LOCAL.format(local));
        } else {
            line(name + ":" + UTC.format(instant));
        }
    }

    private void property(String name, String value) {
        line(name + ":" + value);
    }

    /** TEXT values escape backslashes, semicolons, commas and line breaks (RFC 5545 3.3.11); other control characters are not allowed. */
    private static String text(String value) {
        return value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Content lines end in CRLF and fold at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
    private void line(String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4; // its UTF-8 octets
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
