package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.central;
import static uk.mathshubs.scheduling.Fixtures.local;
import static uk.mathshubs.scheduling.Fixtures.session;
import static uk.mathshubs.scheduling.Fixtures.unique;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

/** Scheduling sessions in UK local time, who may do it, and what is refused. */
@QuarkusTest
class SessionSchedulingTest {

    @Test
    void ukLocalTimesAreStoredAsTheRightInstantsEitherSideOfTheClockChange() {
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, unique("P"), "2024/25");

        // The clocks went back at 02:00 on Sunday 27 October 2024: 09:00 that morning is GMT.
        var created = given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(session("EVERYONE", "2024-10-27T09:00", "2024-10-27T11:00"))
                .post("/api/v1/work-groups/{id}/sessions", group)
                .then().statusCode(201)
                .body("startsAt", equalTo("2024-10-27T09:00:00Z"))
                .body("endsAt", equalTo("2024-10-27T11:00:00Z"))
                .body("term", equalTo("AUTUMN"))
                .body("status", equalTo("SCHEDULED"))
                .body("central", equalTo(false))
                .body("workGroupId", equalTo(group.toString()))
                .extract();
        String autumn = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/sessions/" + autumn);
        // Seed 000: "YouTube Live launch, Thursday 12 September 2024, 16:00-17:00" is 15:00 UTC (BST).
        String launch = local(group, "LEAD_TEACHERS", "2024-09-12T16:00", "2024-09-12T17:00");

        assertThat(stored(autumn)).containsExactly(Instant.parse("2024-10-27T09:00:00Z"), Instant.parse("2024-10-27T11:00:00Z"));
        assertThat(stored(launch)).containsExactly(Instant.parse("2024-09-12T15:00:00Z"), Instant.parse("2024-09-12T16:00:00Z"));
        given().get("/api/v1/sessions/{id}", launch).then().statusCode(200)
                .body("startsAt", equalTo("2024-09-12T16:00:00+01:00"))
                .body("endsAt", equalTo("2024-09-12T17:00:00+01:00"));
    }

    @Test
    void theTermFollowsTheStartDate() {
        String programme = unique("P");
        String year = "2024/25";
        for (var c : List.of(List.of("2024-09-01T09:00", "AUTUMN"), List.of("2024-12-31T09:00", "AUTUMN"),
                List.of("2025-01-09T09:00", "SPRING"), List.of("2025-03-31T09:00", "SPRING"),
                List.of("2025-04-01T09:00", "SUMMER"), List.of("2025-08-31T09:00", "SUMMER"))) {
            String id = central(programme, year, "EVERYONE", c.get(0), c.get(0).replace("T09:00", "T10:00"));
            given().get("/api/v1/sessions/{id}", id).then().body("term", equalTo(c.get(1)));
        }
    }

    @Test
    void aWorkGroupListsItsLocalSessionsAndItsProgrammesCentralOnesByStart() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(unique("HUB_"), programme, "2027/28");
        UUID other = Fixtures.workGroup(unique("HUB_"), programme, "2027/28");
        String spring = local(group, "LEAD_TEACHERS", "2028-01-20T16:00", "2028-01-20T17:00");
        String launch = central(programme, "2027/28", "LEAD_TEACHERS", "2027-09-16T16:00", "2027-09-16T17:00");
        String autumn = local(group, "EVERYONE", "2027-10-14T16:00", "2027-10-14T17:30");
        local(other, "EVERYONE", "2027-10-01T16:00", "2027-10-01T17:00");
        central(programme, "2028/29", "EVERYONE", "2028-09-16T16:00", "2028-09-16T17:00");

        given().get("/api/v1/work-groups/{id}/sessions", group).then().statusCode(200)
                .body("items.id", equalTo(List.of(launch, autumn, spring)))
                .body("items.central", equalTo(List.of(true, false, false)))
                .body("items[0].workGroupId", nullValue())
                .body("items[0].programmeCode", equalTo(programme))
                .body("items[0].startsAt", equalTo("2027-09-16T16:00:00+01:00"));
        given().get("/api/v1/central-sessions?programme={p}&academicYear={y}", programme, "2027/28").then().statusCode(200)
                .body("items.id", equalTo(List.of(launch)));
        // One name per concept: programme, as on /work-groups; the former programmeCode still works and says it will go.
        given().get("/api/v1/central-sessions?programmeCode={p}&academicYear={y}", programme, "2027/28").then().statusCode(200)
                .body("items.id", equalTo(List.of(launch)))
                .header("Deprecation", org.hamcrest.Matchers.startsWith("@"))
                .header("Sunset", equalTo("Wed, 30 Jun 2027 00:00:00 GMT"));
        given().get("/api/v1/central-sessions?academicYear={y}", "2027/28").then().statusCode(400)
                .body("errors[0].field", equalTo("programme"));
        given().get("/api/v1/work-groups/{id}/sessions", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aScheduledSessionIsAnnouncedOnKafka() {
        String programme = unique("P");
        try (TopicProbe topic = new TopicProbe(Topics.SESSIONS)) {
            String id = central(programme, "2024/25", "HEADTEACHERS", "2024-09-25T16:00", "2024-09-25T17:00");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(topic.poll()).anySatisfy(event -> {
                assertThat(event.key()).isEqualTo(id);
                assertThat(event.type()).isEqualTo(EventType.SESSION_SCHEDULED.type());
                assertThat(event.payload()).contains("\"sessionId\":\"" + id + "\"", "\"workGroupId\":null",
                        "\"programmeCode\":\"" + programme + "\"", "\"startsAt\":\"2024-09-25T15:00:00Z\"",
                        "\"audience\":\"HEADTEACHERS\"", "\"status\":\"SCHEDULED\"", "\"sequence\":0");
            }));
        }
    }

    @Test
    void badSessionsAreRefusedNamingTheField() {
        UUID group = Fixtures.workGroup(unique("HUB_"), unique("P"), "2027/28");
        refused(group, session("EVERYONE", "2027-10-14T17:00", "2027-10-14T16:00"), "endsAt");
        refused(group, session("EVERYONE", "2027-10-14T17:00", "2027-10-14T17:00"), "endsAt");
        // Outside 2027/28, which runs from 1 September 2027 to 31 August 2028.
        refused(group, session("EVERYONE", "2027-08-31T16:00", "2027-08-31T17:00"), "startsAt");
        refused(group, session("EVERYONE", "2028-08-31T23:00", "2028-09-01T00:30"), "endsAt");
        // 01:30 on Sunday 26 March 2028 never happens in the UK: the clocks go from 01:00 to 02:00.
        refused(group, session("EVERYONE", "2028-03-26T01:30", "2028-03-26T03:00"), "startsAt");
        // A time with an offset is not a UK local time.
        refused(group, session("EVERYONE", "2027-10-14T16:00:00Z", "2027-10-14T17:00"), "startsAt");
        refused(group, session("EVERYONE", null, "2027-10-14T17:00"), "startsAt");
        refused(group, session("NOBODY", "2027-10-14T16:00", "2027-10-14T17:00"), "audience");
        Map<String, Object> untitled = session("EVERYONE", "2027-10-14T16:00", "2027-10-14T17:00");
        untitled.put("title", " ");
        refused(group, untitled, "title");
        Map<String, Object> badLink = session("EVERYONE", "2027-10-14T16:00", "2027-10-14T17:00");
        badLink.put("joinLink", "javascript:alert(1)");
        refused(group, badLink, "joinLink");
        Map<String, Object> centralOnly = session("EVERYONE", "2027-10-14T16:00", "2027-10-14T17:00");
        centralOnly.put("programmeCode", "MN_KS2");
        refused(group, centralOnly, "programmeCode");

        Map<String, Object> central = session("EVERYONE", "2027-10-14T16:00", "2027-10-14T17:00");
        central.put("programmeCode", "MN_KS2");
        central.put("academicYear", "2027/29");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(central)
                .post("/api/v1/central-sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("academicYear")));
        central.put("academicYear", "2027/28");
        central.put("programmeCode", "mn ks2");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(central)
                .post("/api/v1/central-sessions")
                .then().statusCode(400).body("errors.field", equalTo(List.of("programmeCode")));
        given().get("/api/v1/central-sessions?programme=MN_KS2").then().statusCode(400)
                .body("errors.field", hasItem("academicYear"));

        given().get("/api/v1/work-groups/{id}/sessions", group).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void onlyTheWorkGroupsHubAndTheNcetmScheduleAndSeeItsPeople() {
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, unique("P"), "2027/28");
        Map<String, Object> body = session("LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        String participants = "/api/v1/participation/work-groups/{id}/participants";

        given().auth().oauth2(TestTokens.hubAdmin("SOMEWHERE_ELSE")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups/{id}/sessions", group)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("You schedule sessions for the Work Groups of your own Maths Hub only"));
        given().auth().oauth2(TestTokens.hubWebsite(hub)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups/{id}/sessions", group)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups/{id}/sessions", group)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups/{id}/sessions", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups/{id}/sessions", group)
                .then().statusCode(201);
        given().get("/api/v1/work-groups/{id}/sessions", group).then().body("items.size()", equalTo(1));

        Map<String, Object> central = session("EVERYONE", "2027-10-14T16:00", "2027-10-14T17:00");
        central.put("programmeCode", "MN_KS2");
        central.put("academicYear", "2027/28");
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(central)
                .post("/api/v1/central-sessions")
                .then().statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.hubAdmin("SOMEWHERE_ELSE")).get(participants, group)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hubWebsite(hub)).get(participants, group).then().statusCode(403);
        given().get(participants, group).then().statusCode(401);
        given().auth().oauth2(TestTokens.hubAdmin(hub)).get(participants, group).then().statusCode(200);
        given().auth().oauth2(TestTokens.ncetmIntegration()).get(participants, group).then().statusCode(200);
        given().auth().oauth2(TestTokens.ncetmIntegration()).get(participants, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static void refused(UUID group, Map<String, Object> body, String field) {
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups/{id}/sessions", group)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(field)));
    }

    /** The instants in the database, not as the API shows them. */
    private static List<Instant> stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = Session.findById(UUID.fromString(id));
            return List.of(session.startsAt, session.endsAt);
        });
    }
}
