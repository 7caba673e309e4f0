package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

@QuarkusTest
class WorkGroupLifecycleTest {

    private String hub;

    @BeforeEach
    void aHub() {
        hub = Fixtures.newHub();
    }

    @Test
    void publishedWorkGroupIsListedPubliclyAndAnnouncedOnKafka() {
        try (TopicProbe topic = new TopicProbe(Topics.WORK_GROUPS)) {
            String id = createDraft(TestTokens.hubAdmin(hub), "2027/28");

            given().get("/api/v1/work-groups?hub={hub}", hub).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());

            given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                    .body(Map.of("status", "OPEN"))
                    .put("/api/v1/work-groups/{id}/status", id)
                    .then().statusCode(200).body("status", equalTo("OPEN"));

            given().get("/api/v1/work-groups?hub={hub}", hub)
                    .then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.hasSize(1))
                    .body("items[0].id", equalTo(id))
                    .body("items[0].programme.code", equalTo("MN_RKS1"))
                    .body("items[0].applicationWindow.closesAt", equalTo("2028-03-03T17:00:00Z"));

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(topic.poll())
                    .anySatisfy(event -> {
                        assertThat(event.key()).isEqualTo(id);
                        assertThat(event.type()).isEqualTo(EventType.WORK_GROUP_PUBLISHED.type());
                        assertThat(event.payload()).contains("\"capacity\":50", "\"status\":\"OPEN\"", "\"hubCode\":\"" + hub + "\"");
                    }));
        }
    }

    @Test
    void onlyLegalTransitionsAreAccepted() {
        String id = createDraft(TestTokens.programmeAdmin(), "2027/28");

        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "COMPLETED"))
                .put("/api/v1/work-groups/{id}/status", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Illegal status change"))
                .body("detail", equalTo("A Work Group that is DRAFT cannot become COMPLETED; from DRAFT it can become [OPEN, CANCELLED]"));

        for (String status : new String[] {"OPEN", "CLOSED", "RUNNING", "COMPLETED"}) {
            given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("status", status))
                    .put("/api/v1/work-groups/{id}/status", id)
                    .then().statusCode(200).body("status", equalTo(status));
        }
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "OPEN"))
                .put("/api/v1/work-groups/{id}/status", id)
                .then().statusCode(409);
    }

    @Test
    void aHubAdminCannotTouchAnotherHubsWorkGroup() {
        String id = createDraft(TestTokens.programmeAdmin(), "2027/28");

        given().auth().oauth2(TestTokens.hubAdmin("ANOTHER_HUB")).contentType(ContentType.JSON)
                .body(Map.of("status", "OPEN"))
                .put("/api/v1/work-groups/{id}/status", id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hubAdmin("ANOTHER_HUB")).contentType(ContentType.JSON)
                .body(workGroup("2027/28"))
                .post("/api/v1/work-groups")
                .then().statusCode(403);
        // The draft stays invisible to the public and to other hubs.
        given().get("/api/v1/work-groups/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.hubAdmin(hub)).get("/api/v1/work-groups/{id}", id).then().statusCode(200);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Map<String, Object> body = new java.util.HashMap<>(workGroup("2027/29"));
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("academicYear"));

        body.put("academicYear", "2027/28");
        body.put("status", "OPEN");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("status"));

        given().get("/api/v1/work-groups?hub={hub}", hub).then().body("items.academicYear", not(hasItem("2027/29")));
    }

    @Test
    void writingNeedsAToken() {
        given().contentType(ContentType.JSON).body(workGroup("2027/28"))
                .post("/api/v1/work-groups")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(workGroup("2027/28"))
                .post("/api/v1/work-groups")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theFourSeedProgrammesAreThere() {
        given().get("/api/v1/programmes").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItems("MN_RKS1", "MN_KS2", "TFM_DEV", "TFM_SUSTAINING"))
                .header("Vary", org.hamcrest.Matchers.containsString("API-Version"));
        // A website still on version 1: the array it had, with its own ETag (made over what is sent).
        String etag = given().header("API-Version", "1").get("/api/v1/programmes").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItems("MN_RKS1", "MN_KS2", "TFM_DEV", "TFM_SUSTAINING"))
                .header("Sunset", org.hamcrest.Matchers.notNullValue()).extract().header("ETag");
        given().header("API-Version", "1").header("If-None-Match", etag).get("/api/v1/programmes").then().statusCode(304)
                .header("Vary", org.hamcrest.Matchers.containsString("API-Version"));
        given().header("If-None-Match", etag).get("/api/v1/programmes").then().statusCode(200);
        given().get("/api/v1/programmes/MN_RKS1").then().statusCode(200)
                .body("requiredRoles", equalTo(java.util.List.of("LEAD_TEACHER_RECEPTION", "LEAD_TEACHER_YEAR_1",
                        "LEAD_TEACHER_YEAR_2", "MATHS_LEAD", "HEADTEACHER")));
        given().get("/api/v1/programmes/NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    private String createDraft(String token, String year) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(workGroup(year))
                .post("/api/v1/work-groups")
                .then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
    }

    private Map<String, Object> workGroup(String year) {
        return Fixtures.workGroup(hub, year);
    }
}
