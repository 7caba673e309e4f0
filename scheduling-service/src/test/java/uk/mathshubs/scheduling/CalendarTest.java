package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.mathshubs.scheduling.Fixtures.central;
import static uk.mathshubs.scheduling.Fixtures.enrol;
import static uk.mathshubs.scheduling.Fixtures.local;
import static uk.mathshubs.scheduling.Fixtures.participants;
import static uk.mathshubs.scheduling.Fixtures.person;
import static uk.mathshubs.scheduling.Fixtures.unique;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import uk.mathshubs.testsupport.TestTokens;

/**
 * The iCalendar feeds, read back with ical4j as a calendar client would: every session at exactly the instant the
 * API gives, across both clock changes, with stable UIDs whose SEQUENCE rises when a session moves or is cancelled.
 */
@QuarkusTest
class CalendarTest {

    private static final String YEAR = "2027/28";

    @Test
    void aWorkGroupFeedRoundTripsEveryTimeExactlyEitherSideOfTheClockChanges() throws Exception {
        String hub = unique("HUB_");
        String programme = unique("P");
        UUID group = Fixtures.workGroup(hub, programme, YEAR);
        central(programme, YEAR, "EVERYONE", "2027-09-16T16:00", "2027-09-16T17:00");
        // Across the last Sunday of October 2027 (clocks go back at 02:00 BST): three real hours.
        String autumn = local(group, "LEAD_TEACHERS", "2027-10-31T00:30", "2027-10-31T02:30");
        // Across the last Sunday of March 2028 (clocks go forward at 01:00 GMT): two real hours.
        String spring = local(group, "HEADTEACHERS", "2028-03-26T00:30", "2028-03-26T03:30");
        local(group, "EVERYONE", "2028-01-20T16:00", "2028-01-20T17:30");
        String title = "Fluency, reasoning; \"number sense\", and a very long title with ünïcödé that a calendar must "
                + "fold over several content lines without breaking a character in two: ∑ ≥ ½ — ✓";
        Map<String, Object> body = Fixtures.session("MATHS_LEADS", "2028-06-15T16:00", "2028-06-15T17:30");
        body.put("title", title);
        body.put("location", "Room 1, Block B; Bishop Challoner Catholic College");
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups/{id}/sessions", group).then().statusCode(201);

        String feed = given().get("/api/v1/work-groups/{id}/calendar.ics", group).then().statusCode(200)
                .contentType("text/calendar").extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        calendar.validate();

        List<Map<String, Object>> api = given().get("/api/v1/work-groups/{id}/sessions", group).then().extract()
                .jsonPath().getList("items");
        Map<String, VEvent> events = events(calendar);
        assertThat(events).hasSameSizeAs(api).hasSize(5);
        for (Map<String, Object> session : api) {
            VEvent event = events.get(session.get("id") + "@sessions.mathshubs.uk");
            assertThat(instant(event, Property.DTSTART)).isEqualTo(OffsetDateTime.parse((String) session.get("startsAt")).toInstant());
            assertThat(instant(event, Property.DTEND)).isEqualTo(OffsetDateTime.parse((String) session.get("endsAt")).toInstant());
        }
        VEvent acrossAutumn = events.get(autumn + "@sessions.mathshubs.uk");
        assertThat(Duration.between(instant(acrossAutumn, Property.DTSTART), instant(acrossAutumn, Property.DTEND)))
                .isEqualTo(Duration.ofHours(3));
        VEvent acrossSpring = events.get(spring + "@sessions.mathshubs.uk");
        assertThat(Duration.between(instant(acrossSpring, Property.DTSTART), instant(acrossSpring, Property.DTEND)))
                .isEqualTo(Duration.ofHours(2));
        assertThat(events.values()).anySatisfy(event -> {
            assertThat(value(event, Property.SUMMARY)).isEqualTo(title);
            assertThat(value(event, Property.LOCATION)).isEqualTo("Room 1, Block B; Bishop Challoner Catholic College");
        });
        assertThat(feed.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes("UTF-8").length).isLessThanOrEqualTo(75));

        // The time zone the feed declares gives the offsets the UK uses, as a client without its own tz data reads it.
        VTimeZone london = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).getFirst();
        for (String local : List.of("2027-10-30T12:00", "2027-10-31T12:00", "2028-03-25T12:00", "2028-03-26T12:00")) {
            var dateTime = java.time.LocalDateTime.parse(local);
            var instant = dateTime.atZone(uk.mathshubs.scheduling.domain.UkTime.ZONE).toOffsetDateTime();
            TzOffsetTo offset = london.getApplicableObservance(instant).getRequiredProperty(Property.TZOFFSETTO);
            assertThat(offset.getOffset()).as(local)
                    .isEqualTo(uk.mathshubs.scheduling.domain.UkTime.ZONE.getRules().getOffset(dateTime));
        }
    }

    @Test
    void aMovedOrCancelledSessionUpdatesTheSameEvent() throws Exception {
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, unique("P"), YEAR);
        String moved = local(group, "EVERYONE", "2027-10-14T16:00", "2027-10-14T17:30");
        String cancelled = local(group, "EVERYONE", "2028-02-10T16:00", "2028-02-10T17:30");
        Map<String, VEvent> before = events(feed(group));

        SessionChangesTest.reschedule(hub, moved, "2027-10-21T15:00", "2027-10-21T16:30", "Half term moved").statusCode(200);
        SessionChangesTest.cancel(hub, cancelled, "Snow").statusCode(200);
        Map<String, VEvent> after = events(feed(group));

        assertThat(after.keySet()).isEqualTo(before.keySet());
        VEvent movedEvent = after.get(moved + "@sessions.mathshubs.uk");
        assertThat(value(before.get(moved + "@sessions.mathshubs.uk"), Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(movedEvent, Property.SEQUENCE)).isEqualTo("1");
        assertThat(instant(movedEvent, Property.DTSTART)).isEqualTo(Instant.parse("2027-10-21T14:00:00Z"));
        assertThat(value(movedEvent, Property.DESCRIPTION)).startsWith("Moved: Half term moved");
        VEvent cancelledEvent = after.get(cancelled + "@sessions.mathshubs.uk");
        assertThat(value(cancelledEvent, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelledEvent, Property.SEQUENCE)).isEqualTo("1");
    }

    @Test
    void eachPersonHasAPrivateFeedOfTheirOwnSessions() throws Exception {
        String hub = unique("HUB_");
        String programme = unique("P");
        UUID group = Fixtures.workGroup(hub, programme, YEAR);
        String launch = central(programme, YEAR, "EVERYONE", "2027-09-16T16:00", "2027-09-16T17:00");
        String teachers = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        local(group, "HEADTEACHERS", "2027-10-20T16:00", "2027-10-20T17:00");
        enrol(group, programme, YEAR, "137021", List.of(person("LEAD_TEACHER_YEAR_4"), person("HEADTEACHER")));
        String path = participants(group).stream().filter(p -> "LEAD_TEACHER_YEAR_4".equals(p.get("role")))
                .map(p -> (String) p.get("calendarPath")).findFirst().orElseThrow();

        String feed = given().get(path).then().statusCode(200).contentType("text/calendar")
                .header("Cache-Control", "private, max-age=300").extract().asString();

        assertThat(events(new CalendarBuilder().build(new StringReader(feed))).keySet())
                .containsExactlyInAnyOrder(launch + "@sessions.mathshubs.uk", teachers + "@sessions.mathshubs.uk");
        given().get("/api/v1/calendars/{token}.ics", "not-anyones-token").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/work-groups/{id}/calendar.ics", UUID.randomUUID()).then().statusCode(404);
    }

    private static Calendar feed(UUID group) throws Exception {
        return new CalendarBuilder().build(new StringReader(
                given().get("/api/v1/work-groups/{id}/calendar.ics", group).then().statusCode(200).extract().asString()));
    }

    private static Map<String, VEvent> events(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .collect(Collectors.toMap(e -> value(e, Property.UID), Function.identity()));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + property));
    }

    private static Instant instant(VEvent event, String property) {
        DateProperty<?> date = event.<DateProperty<?>>getProperty(property).orElseThrow();
        // A floating (zone-less) time would fail here: every time in the feed must name its zone or be UTC.
        return Instant.from(date.getDate());
    }
}
