package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.central;
import static uk.mathshubs.scheduling.Fixtures.enrol;
import static uk.mathshubs.scheduling.Fixtures.local;
import static uk.mathshubs.scheduling.Fixtures.participants;
import static uk.mathshubs.scheduling.Fixtures.person;
import static uk.mathshubs.scheduling.Fixtures.session;
import static uk.mathshubs.scheduling.Fixtures.unique;

import java.time.Instant;
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
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

/** Moving and cancelling sessions, clashes, the programme's session plan, and recordings. */
@QuarkusTest
class SessionChangesTest {

    private static final String YEAR = "2027/28";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aMovedSessionKeepsItsPeopleAndIsAnnouncedWithTheReason() {
        String hub = unique("HUB_");
        String programme = unique("P");
        UUID group = Fixtures.workGroup(hub, programme, YEAR);
        String id = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        enrol(group, programme, YEAR, "137001", List.of(person("LEAD_TEACHER_YEAR_4")));

        try (TopicProbe topic = new TopicProbe(Topics.SESSIONS)) {
            reschedule(hub, id, "2027-11-04T16:00", "2027-11-04T17:30", "The hall is being painted")
                    .statusCode(200)
                    .body("startsAt", equalTo("2027-11-04T16:00:00Z"))
                    .body("sequence", equalTo(1))
                    .body("statusReason", equalTo("The hall is being painted"))
                    .body("status", equalTo("SCHEDULED"));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(topic.poll()).anySatisfy(event -> {
                assertThat(event.type()).isEqualTo(EventType.SESSION_RESCHEDULED.type());
                assertThat(event.payload()).contains("\"sessionId\":\"" + id + "\"", "\"sequence\":1",
                        "\"startsAt\":\"2027-11-04T16:00:00Z\"", "\"reason\":\"The hall is being painted\"");
            }));
        }
        assertThat(participants(group)).singleElement()
                .satisfies(p -> assertThat(p.get("sessionIds")).isEqualTo(List.of(id)));
    }

    @Test
    void aCancelledSessionStaysVisibleAsCancelledAndCannotBeMovedOrCancelledAgain() {
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, unique("P"), YEAR);
        String id = local(group, "EVERYONE", "2028-01-20T16:00", "2028-01-20T17:30");

        try (TopicProbe topic = new TopicProbe(Topics.SESSIONS)) {
            cancel(hub, id, "FACILITATOR_UNAVAILABLE", "The facilitator is ill").statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("statusReason", equalTo("The facilitator is ill"))
                    .body("reasonCode", equalTo("FACILITATOR_UNAVAILABLE"))
                    .body("sequence", equalTo(1));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(topic.poll()).anySatisfy(event -> {
                assertThat(event.type()).isEqualTo(EventType.SESSION_CANCELLED.type());
                assertThat(event.payload()).contains("\"sessionId\":\"" + id + "\"", "\"status\":\"CANCELLED\"",
                        "\"reasonCode\":\"FACILITATOR_UNAVAILABLE\"");
            }));
        }
        given().get("/api/v1/sessions/{id}", id).then().statusCode(200).body("reasonCode", equalTo("FACILITATOR_UNAVAILABLE"));

        cancel(hub, id, "Again").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cancelled"));
        reschedule(hub, id, "2028-01-27T16:00", "2028-01-27T17:30", "Back on").statusCode(409);
        // A cancelled session no longer blocks its slot.
        local(group, "EVERYONE", "2028-01-20T16:00", "2028-01-20T17:30");
        // Same time and title: listed in either order.
        given().get("/api/v1/work-groups/{id}/sessions", group).then()
                .body("items.status", org.hamcrest.Matchers.containsInAnyOrder("CANCELLED", "SCHEDULED"));
    }

    @Test
    void aCancellationsCodeComesFromItsListAndNoneIsRecordedAsNotGiven() {
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, unique("P"), YEAR);
        String coded = local(group, "EVERYONE", "2028-02-03T16:00", "2028-02-03T17:30");
        String uncoded = local(group, "EVERYONE", "2028-02-10T16:00", "2028-02-10T17:30");
        given().get("/api/v1/reason-codes/session-cancellation").then().statusCode(200)
                .body("kind", equalTo("session-cancellation")).body("codes[0].code", equalTo("NOT_GIVEN"))
                .body("codes.code", hasItems("SEVERE_WEATHER", "LOW_NUMBERS", "OTHER"));
        given().get("/api/v1/reason-codes/withdrawal").then().statusCode(404).contentType("application/problem+json");

        for (String code : List.of("SNOW", "severe_weather", "STAFF_CHANGES")) {
            cancel(hub, coded, code, "Snow").statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("reasonCode"))
                    .body("errors[0].message", containsString("GET /api/v1/reason-codes/session-cancellation lists them"));
        }
        // The free text stays required beside a code.
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(Map.of("reasonCode", "SEVERE_WEATHER"))
                .post("/api/v1/sessions/{id}/cancellation", coded).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().get("/api/v1/sessions/{id}", coded).then().body("status", equalTo("SCHEDULED")).body("sequence", equalTo(0))
                .body("reasonCode", nullValue());

        cancel(hub, coded, "SEVERE_WEATHER", "Snow").statusCode(200).body("reasonCode", equalTo("SEVERE_WEATHER"));
        cancel(hub, uncoded, "Snow").statusCode(200).body("reasonCode", equalTo("NOT_GIVEN"));
    }

    @Test
    void sessionsForTheSamePeopleMustNotOverlap() {
        String hub = unique("HUB_");
        String programme = unique("P");
        UUID group = Fixtures.workGroup(hub, programme, YEAR);
        local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        central(programme, YEAR, "HEADTEACHERS", "2027-10-20T16:00", "2027-10-20T17:00");

        schedule(hub, group, session("LEAD_TEACHERS", "2027-10-14T17:00", "2027-10-14T18:00"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("startsAt")))
                .body("errors.message[0]", containsString("overlaps \"LEAD_TEACHERS session at 2027-10-14T16:00\""));
        schedule(hub, group, session("EVERYONE", "2027-10-14T15:00", "2027-10-14T16:30")).statusCode(400);
        // The national headteachers' session counts too.
        schedule(hub, group, session("HEADTEACHERS", "2027-10-20T16:30", "2027-10-20T17:30")).statusCode(400);
        // Back to back, or for other people, is fine.
        schedule(hub, group, session("LEAD_TEACHERS", "2027-10-14T17:30", "2027-10-14T18:30")).statusCode(201);
        schedule(hub, group, session("HEADTEACHERS", "2027-10-14T16:00", "2027-10-14T17:00")).statusCode(201);

        String moving = local(group, "LEAD_TEACHERS", "2027-11-04T16:00", "2027-11-04T17:00");
        reschedule(hub, moving, "2027-10-14T16:30", "2027-10-14T17:00", "Clash").statusCode(400)
                .body("errors.field", equalTo(List.of("startsAt")));
        given().get("/api/v1/sessions/{id}", moving).then().body("startsAt", equalTo("2027-11-04T16:00:00Z"))
                .body("sequence", equalTo(0));
    }

    @Test
    void onlyTheHubMovesItsSessionsOnlyTheNcetmTheCentralOnesAndOnlyThoseStillToCome() {
        String hub = unique("HUB_");
        String programme = unique("P");
        UUID group = Fixtures.workGroup(hub, programme, YEAR);
        String id = local(group, "EVERYONE", "2027-10-14T16:00", "2027-10-14T17:30");
        String national = central(programme, YEAR, "EVERYONE", "2027-09-16T16:00", "2027-09-16T17:00");

        reschedule("SOMEWHERE_ELSE", id, "2027-10-21T16:00", "2027-10-21T17:30", "Mine now").statusCode(403);
        given().auth().oauth2(TestTokens.hubWebsite(hub)).contentType(ContentType.JSON)
                .body(Map.of("reason", "no")).post("/api/v1/sessions/{id}/cancellation", id).then().statusCode(403);
        cancel(hub, national, "Not ours").statusCode(403)
                .body("detail", equalTo("Central sessions are managed by the NCETM"));
        reschedule(hub, id, "2028-09-01T16:00", "2028-09-01T17:30", "Next year").statusCode(400)
                .body("errors.field", equalTo(List.of("startsAt")));
        reschedule(hub, id, "2027-10-21T16:00", "2027-10-21T15:00", "Backwards").statusCode(400)
                .body("errors.field", equalTo(List.of("endsAt")));
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(Map.of("startsAt", "2027-10-21T16:00",
                "endsAt", "2027-10-21T17:00")).post("/api/v1/sessions/{id}/rescheduling", id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("reason")));
        reschedule(hub, UUID.randomUUID().toString(), "2027-10-21T16:00", "2027-10-21T17:00", "Who?").statusCode(404);

        clock.set(Instant.parse("2027-10-14T15:30:00Z"));
        reschedule(hub, id, "2027-10-21T16:00", "2027-10-21T17:30", "Too late").statusCode(409)
                .body("title", equalTo("The session has already started"));
    }

    @Test
    void theHubSeesWhichTermsStillMissTheLocalSessionsTheProgrammeAsksFor() {
        String hub = unique("HUB_");
        String programme = unique("P");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body("""
                {"localSessionsPerTerm": 1, "completionRule": {"description": "Two local sessions",
                 "requirements": [{"label": "two local sessions", "scope": "LOCAL", "atLeast": 2}]}}""")
                .put("/api/v1/programme-schedules/{code}", programme).then().statusCode(200)
                .body("completionRule.requirements[0].atLeast", equalTo(2));
        UUID group = Fixtures.workGroup(hub, programme, YEAR);
        local(group, "EVERYONE", "2027-10-14T16:00", "2027-10-14T17:30");
        String spring = local(group, "EVERYONE", "2028-02-10T16:00", "2028-02-10T17:30");
        cancel(hub, spring, "Snow").statusCode(200);

        given().auth().oauth2(TestTokens.hubAdmin(hub)).get("/api/v1/work-groups/{id}/session-plan", group)
                .then().statusCode(200)
                .body("localSessionsPerTerm", equalTo(1))
                .body("complete", equalTo(false))
                .body("terms.term", equalTo(List.of("AUTUMN", "SPRING", "SUMMER")))
                .body("terms.scheduled", equalTo(List.of(1, 0, 0)))
                .body("terms.missing", equalTo(List.of(0, 1, 1)));
        given().auth().oauth2(TestTokens.hubAdmin("SOMEWHERE_ELSE")).get("/api/v1/work-groups/{id}/session-plan", group)
                .then().statusCode(403);
    }

    @Test
    void aRecordingIsAddedOnceTheSessionHasTakenPlace() {
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, unique("P"), YEAR);
        String id = local(group, "EVERYONE", "2027-10-14T16:00", "2027-10-14T17:30");
        Map<String, String> body = Map.of("recordingLink", "https://www.ncetm.org.uk/recordings/autumn");

        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/sessions/{id}/recording", id).then().statusCode(409);
        clock.set(Instant.parse("2027-10-15T09:00:00Z"));
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("recordingLink", "javascript:alert(1)"))
                .put("/api/v1/sessions/{id}/recording", id).then().statusCode(400)
                .body("errors.field", equalTo(List.of("recordingLink")));
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/sessions/{id}/recording", id).then().statusCode(200)
                .body("recordingLink", equalTo("https://www.ncetm.org.uk/recordings/autumn"));
    }

    private static ValidatableResponse schedule(String hub, UUID group, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups/{id}/sessions", group).then();
    }

    static ValidatableResponse reschedule(String hub, String id, String startsAt, String endsAt, String reason) {
        return given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("startsAt", startsAt, "endsAt", endsAt, "reason", reason))
                .post("/api/v1/sessions/{id}/rescheduling", id).then();
    }

    static ValidatableResponse cancel(String hub, String id, String reason) {
        return given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("reason", reason)).post("/api/v1/sessions/{id}/cancellation", id).then();
    }

    static ValidatableResponse cancel(String hub, String id, String reasonCode, String reason) {
        return given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("reasonCode", reasonCode, "reason", reason)).post("/api/v1/sessions/{id}/cancellation", id).then();
    }
}
