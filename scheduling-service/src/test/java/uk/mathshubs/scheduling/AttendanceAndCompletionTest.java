package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.central;
import static uk.mathshubs.scheduling.Fixtures.enrol;
import static uk.mathshubs.scheduling.Fixtures.local;
import static uk.mathshubs.scheduling.Fixtures.participants;
import static uk.mathshubs.scheduling.Fixtures.person;
import static uk.mathshubs.scheduling.Fixtures.unique;
import static uk.mathshubs.scheduling.Fixtures.workGroupPayload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

/**
 * The hub records who came, in bulk and with corrections kept; completion follows the programme's rule; when the
 * Work Group completes, each school that met it is announced once.
 */
@QuarkusTest
class AttendanceAndCompletionTest {

    private static final String YEAR = "2027/28";
    private static final String MASTERING_NUMBER_RULE = """
            {"localSessionsPerTerm": 1, "completionRule": {
              "description": "Attended the national live sessions and two of the three local sessions",
              "requirements": [
                {"label": "the national live sessions", "scope": "CENTRAL", "deliveryModes": ["LIVE_ONLINE"], "atLeast": "ALL"},
                {"label": "two of the three local sessions", "scope": "LOCAL", "atLeast": 2}]}}""";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The seed's pattern: three national live sessions and three local ones, one a term. */
    private record Year(String hub, String programme, UUID group, List<String> live, List<String> local) {
    }

    private static Year masteringNumberYear() {
        String hub = unique("HUB_");
        String programme = unique("MN_");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(MASTERING_NUMBER_RULE)
                .put("/api/v1/programme-schedules/{code}", programme).then().statusCode(200);
        UUID group = Fixtures.workGroup(hub, programme, YEAR);
        List<String> live = List.of(
                central(programme, YEAR, "LEAD_TEACHERS", "LIVE_ONLINE", "2027-09-16T16:00", "2027-09-16T17:00"),
                central(programme, YEAR, "LEAD_TEACHERS", "LIVE_ONLINE", "2028-01-13T16:00", "2028-01-13T17:00"),
                central(programme, YEAR, "LEAD_TEACHERS", "LIVE_ONLINE", "2028-05-11T16:00", "2028-05-11T17:00"));
        // A national workshop the rule does not ask about.
        central(programme, YEAR, "LEAD_TEACHERS", "ONLINE_WORKSHOP", "2027-09-21T13:15", "2027-09-21T16:00");
        List<String> local = List.of(
                local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30"),
                local(group, "LEAD_TEACHERS", "2028-02-10T16:00", "2028-02-10T17:30"),
                local(group, "LEAD_TEACHERS", "2028-06-15T16:00", "2028-06-15T17:30"));
        return new Year(hub, programme, group, live, local);
    }

    @Test
    void attendanceIsRecordedInBulkAndACorrectionKeepsTheEarlierAnswer() {
        Year year = masteringNumberYear();
        enrol(year.group(), year.programme(), YEAR, "137001",
                List.of(person("LEAD_TEACHER_YEAR_4"), person("LEAD_TEACHER_YEAR_5"), person("HEADTEACHER")));
        Map<String, String> people = peopleByRole(year.group());
        String session = year.local().getFirst();
        clock.set(Instant.parse("2027-10-14T16:30:00Z"));

        try (TopicProbe topic = new TopicProbe(Topics.ATTENDANCE)) {
            record(year.hub(), session, ordered(people.get("LEAD_TEACHER_YEAR_4"), "ATTENDED",
                    people.get("LEAD_TEACHER_YEAR_5"), "APOLOGIES"))
                    .statusCode(200)
                    // The headteacher is not expected at a lead teachers' session.
                    .body("$", hasSize(2))
                    .body("role", equalTo(List.of("LEAD_TEACHER_YEAR_4", "LEAD_TEACHER_YEAR_5")))
                    .body("attendance", equalTo(List.of("ATTENDED", "APOLOGIES")))
                    .body("revision", equalTo(List.of(1, 1)));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(topic.poll()).anySatisfy(event -> {
                assertThat(event.type()).isEqualTo(EventType.ATTENDANCE_RECORDED.type());
                assertThat(event.payload()).contains("\"sessionId\":\"" + session + "\"", "\"attendance\":\"APOLOGIES\"")
                        .doesNotContain("@school.example", "1234567");
            }));
        }

        // A correction, and the same answer again (which changes nothing).
        record(year.hub(), session, ordered(people.get("LEAD_TEACHER_YEAR_5"), "ATTENDED",
                people.get("LEAD_TEACHER_YEAR_4"), "ATTENDED"))
                .statusCode(200)
                .body("attendance", equalTo(List.of("ATTENDED", "ATTENDED")))
                .body("revision", equalTo(List.of(1, 2)));

        given().auth().oauth2(TestTokens.hubAdmin(year.hub())).get("/api/v1/sessions/{id}/attendance/history", session)
                .then().statusCode(200)
                .body("items.attendance", equalTo(List.of("ATTENDED", "APOLOGIES", "ATTENDED")))
                .body("items.revision", equalTo(List.of(1, 1, 2)))
                .body("items.recordedBy[0]", equalTo(year.hub().toLowerCase() + ".admin"));
    }

    @Test
    void attendanceThatCannotBeRightIsRefusedAndNothingIsRecorded() {
        Year year = masteringNumberYear();
        enrol(year.group(), year.programme(), YEAR, "137002", List.of(person("LEAD_TEACHER_YEAR_4"), person("HEADTEACHER")));
        Map<String, String> people = peopleByRole(year.group());
        String teacher = people.get("LEAD_TEACHER_YEAR_4");
        String session = year.local().getFirst();

        record(year.hub(), session, Map.of(teacher, "ATTENDED")).statusCode(409)
                .body("title", equalTo("The session has not started yet"));
        clock.set(Instant.parse("2027-10-14T18:00:00Z"));
        record(year.hub(), session, Map.of(people.get("HEADTEACHER"), "ATTENDED")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("records[0].participantId")));
        record(year.hub(), session, Map.of(UUID.randomUUID().toString(), "ATTENDED")).statusCode(400);
        given().auth().oauth2(TestTokens.hubAdmin(year.hub())).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(Map.of("participantId", teacher, "attendance", "ATTENDED"),
                        Map.of("participantId", teacher, "attendance", "ABSENT"))))
                .put("/api/v1/sessions/{id}/attendance", session).then().statusCode(400)
                .body("errors.field", equalTo(List.of("records[1].participantId")));
        record(year.hub(), session, Map.of(teacher, "LATE")).statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hubAdmin(year.hub())).contentType(ContentType.JSON).body(Map.of("records", List.of()))
                .put("/api/v1/sessions/{id}/attendance", session).then().statusCode(400)
                .body("errors.field", equalTo(List.of("records")));
        // Another hub: not its Work Group's register; at a central session it sees none of this hub's schools.
        record("SOMEWHERE_ELSE", session, Map.of(teacher, "ATTENDED")).statusCode(403);
        given().auth().oauth2(TestTokens.hubAdmin("SOMEWHERE_ELSE")).get("/api/v1/sessions/{id}/attendance", session)
                .then().statusCode(403);
        clock.set(Instant.parse("2027-09-16T17:00:00Z"));
        given().auth().oauth2(TestTokens.hubAdmin("SOMEWHERE_ELSE")).get("/api/v1/sessions/{id}/attendance", year.live().getFirst())
                .then().statusCode(200).body("items", hasSize(0));
        record("SOMEWHERE_ELSE", year.live().getFirst(), Map.of(teacher, "ATTENDED")).statusCode(400);
        given().auth().oauth2(TestTokens.hubWebsite(year.hub())).get("/api/v1/sessions/{id}/attendance", session)
                .then().statusCode(403);

        given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/sessions/{id}/attendance/history", session)
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/sessions/{id}/attendance/history", year.live().getFirst())
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void schoolsThatMetTheRuleAreAnnouncedOnceWhenTheWorkGroupCompletes() {
        Year year = masteringNumberYear();
        enrol(year.group(), year.programme(), YEAR, "137011", List.of(person("LEAD_TEACHER_YEAR_4"), person("LEAD_TEACHER_YEAR_5")));
        enrol(year.group(), year.programme(), YEAR, "137012", List.of(person("LEAD_TEACHER_YEAR_4")));
        enrol(year.group(), year.programme(), YEAR, "137013", List.of(person("LEAD_TEACHER_YEAR_4")));
        Map<String, List<String>> bySchool = peopleBySchool(year.group());
        clock.set(Instant.parse("2028-07-20T12:00:00Z"));

        // 137011: both teachers at every live session, and at the first and last local sessions.
        for (String live : year.live()) {
            recordAll(year.hub(), live, bySchool.get("137011"), "ATTENDED");
        }
        recordAll(year.hub(), year.local().get(0), bySchool.get("137011"), "ATTENDED");
        recordAll(year.hub(), year.local().get(2), bySchool.get("137011"), "ATTENDED");
        // 137012: every local session, but apologies for the second live session.
        year.local().forEach(local -> recordAll(year.hub(), local, bySchool.get("137012"), "ATTENDED"));
        recordAll(year.hub(), year.live().get(0), bySchool.get("137012"), "ATTENDED");
        recordAll(year.hub(), year.live().get(1), bySchool.get("137012"), "APOLOGIES");
        recordAll(year.hub(), year.live().get(2), bySchool.get("137012"), "ATTENDED");
        // 137013: nothing recorded.

        given().auth().oauth2(TestTokens.hubAdmin(year.hub())).get("/api/v1/work-groups/{id}/completion", year.group())
                .then().statusCode(200)
                .body("rule", equalTo("Attended the national live sessions and two of the three local sessions"))
                .body("schools.urn", equalTo(List.of("137011", "137012", "137013")))
                .body("schools.complete", equalTo(List.of(true, false, false)))
                .body("schools[1].requirements.attended", equalTo(List.of(2, 3)))
                .body("schools[1].requirements.needed", equalTo(List.of(3, 2)));

        try (TopicProbe topic = new TopicProbe(Topics.PARTICIPATION); EventPublisher events = new EventPublisher()) {
            String completed = events.publish(EventType.WORK_GROUP_COMPLETED, year.group(),
                    workGroupPayload(year.group(), year.hub(), year.programme(), YEAR, "COMPLETED", 2));
            // The same event again, and a later one about the same completion: nothing is announced twice.
            events.publish(EventType.WORK_GROUP_COMPLETED, year.group(),
                    workGroupPayload(year.group(), year.hub(), year.programme(), YEAR, "COMPLETED", 2), completed);
            String later = events.publish(EventType.WORK_GROUP_COMPLETED, year.group(),
                    workGroupPayload(year.group(), year.hub(), year.programme(), YEAR, "COMPLETED", 3));
            await().atMost(PATIENCE).until(() -> Fixtures.processed(later));

            List<String> announced = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                topic.poll().stream().filter(e -> e.payload().contains(year.group().toString()))
                        .forEach(e -> announced.add(e.payload()));
                assertThat(announced).singleElement().satisfies(payload -> {
                    assertThat(payload).contains("\"urn\":\"137011\"", "\"programmeCode\":\"" + year.programme() + "\"",
                            "\"academicYear\":\"2027/28\"");
                });
            });
        }
    }

    private static ValidatableResponse record(String hub, String session, Map<String, String> attendance) {
        List<Map<String, String>> records = attendance.entrySet().stream()
                .map(e -> Map.of("participantId", e.getKey(), "attendance", e.getValue())).toList();
        return given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("records", records)).put("/api/v1/sessions/{id}/attendance", session).then();
    }

    private static Map<String, String> ordered(String person, String attendance, String other, String otherAttendance) {
        Map<String, String> records = new LinkedHashMap<>();
        records.put(person, attendance);
        records.put(other, otherAttendance);
        return records;
    }

    private static void recordAll(String hub, String session, List<String> people, String attendance) {
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("records", people.stream().map(p -> Map.of("participantId", p, "attendance", attendance)).toList()))
                .put("/api/v1/sessions/{id}/attendance", session).then().statusCode(200);
    }

    private static Map<String, String> peopleByRole(UUID group) {
        Map<String, String> people = new java.util.HashMap<>();
        participants(group).forEach(p -> people.put((String) p.get("role"), (String) p.get("participantId")));
        return people;
    }

    private static Map<String, List<String>> peopleBySchool(UUID group) {
        Map<String, List<String>> people = new java.util.HashMap<>();
        participants(group).forEach(p -> people.computeIfAbsent((String) p.get("urn"), u -> new ArrayList<>())
                .add((String) p.get("participantId")));
        return people;
    }
}
