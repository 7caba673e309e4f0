package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

@QuarkusTest
class ProgrammeCatalogueTest {

    @Test
    void theNcetmAddsAProgrammeAndHubsCanRunWorkGroupsOfItAtOnce() {
        String code = "MN_EMBED_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
        Map<String, Object> programme = programme(code);
        try (TopicProbe topic = new TopicProbe(Topics.PROGRAMMES)) {
            given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(programme)
                    .post("/api/v1/programmes")
                    .then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/programmes/" + code))
                    .body("title", equalTo("Embedding the Impact of Mastering Number"));

            given().get("/api/v1/programmes").then().body("items.code", hasItem(code));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(topic.poll())
                    .anySatisfy(e -> {
                        assertThat(e.type()).isEqualTo(EventType.PROGRAMME_PUBLISHED.type());
                        assertThat(e.key()).isEqualTo(code);
                    }));
        }

        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Central Maths Hub", "contactEmail", "central@mathshub.example", "region", "West Midlands"))
                .put("/api/v1/hubs/CENTRAL").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", code, "hubCode", "CENTRAL", "academicYear", "2027/28", "capacity", 20,
                        "lead", "Jo Lead", "allocationPolicy", "FIRST_COME_FIRST_SERVED",
                        "applicationWindow", Map.of("opensAt", "2026-11-01T09:00:00Z", "closesAt", "2027-03-05T17:00:00Z",
                                "confirmationDate", "2027-03-11")))
                .post("/api/v1/work-groups").then().statusCode(201).body("programme.code", equalTo(code));
    }

    @Test
    void onlyTheNcetmChangesTheCatalogueAndTwiceTheSameCodeIsAConflict() {
        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).contentType(ContentType.JSON).body(programme("HUB_MADE"))
                .post("/api/v1/programmes").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(programme("MN_KS2"))
                .post("/api/v1/programmes").then().statusCode(409).body("title", equalTo("Programme exists"));

        Map<String, Object> badRole = new HashMap<>(programme("BAD_ROLE"));
        badRole.put("requiredRoles", List.of("JANITOR"));
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(badRole)
                .post("/api/v1/programmes").then().statusCode(400).body("errors[0].field", equalTo("requiredRoles[0]"));
        given().get("/api/v1/programmes/BAD_ROLE").then().statusCode(404);
    }

    @Test
    void listingsArePagedInAStableOrder() {
        String hub = "PAGED_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", hub + " Maths Hub", "contactEmail", "hub@example.org", "region", "North West"))
                .put("/api/v1/hubs/{code}", hub).then().statusCode(201);
        for (String programme : List.of("MN_RKS1", "MN_KS2", "TFM_DEV", "TFM_SUSTAINING", "MN_RKS1")) {
            String id = given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("programmeCode", programme, "hubCode", hub, "academicYear", "2027/28", "capacity", 10,
                            "lead", "Jo Lead", "allocationPolicy", "FIRST_COME_FIRST_SERVED",
                            "applicationWindow", Map.of("opensAt", "2026-11-01T09:00:00Z", "closesAt", "2099-03-05T17:00:00Z",
                                    "confirmationDate", "2099-03-11")))
                    .post("/api/v1/work-groups").then().statusCode(201).extract().path("id");
            given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                    .put("/api/v1/work-groups/{id}/status", id).then().statusCode(200);
        }

        var first = given().get("/api/v1/work-groups?hub={hub}&size=2", hub).then().statusCode(200)
                .body("size", equalTo(2)).body("next", notNullValue()).extract().jsonPath();
        var second = given().get("/api/v1/work-groups?hub={hub}&size=2&cursor={c}", hub, first.getString("next")).then()
                .statusCode(200).extract().jsonPath();
        var third = given().get("/api/v1/work-groups?hub={hub}&size=2&cursor={c}", hub, second.getString("next")).then()
                .statusCode(200).body("next", nullValue()).extract().jsonPath();
        List<String> all = given().get("/api/v1/work-groups?hub={hub}&size=100", hub).then().body("size", equalTo(100))
                .extract().path("items.id");

        assertThat(first.getList("items.id", String.class)).hasSize(2);
        assertThat(third.getList("items.id", String.class)).hasSize(1);
        assertThat(concat(first.getList("items.id", String.class), second.getList("items.id", String.class),
                third.getList("items.id", String.class)))
                .containsExactlyElementsOf(all).doesNotHaveDuplicates();
        given().get("/api/v1/work-groups?hub={hub}&programme=MN_RKS1", hub).then().body("items", hasSize(2));
        // Version 1's numbered pages: still taken, the same Work Groups, told they will go; its shape to a version 1 caller.
        given().get("/api/v1/work-groups?hub={hub}&size=2&page=1", hub).then().statusCode(200)
                .body("items.id", equalTo(second.getList("items.id", String.class))).header("Sunset", notNullValue());
        given().header("API-Version", "1").get("/api/v1/work-groups?hub={hub}&size=2&page=2", hub).then().statusCode(200)
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3)).body("page", equalTo(2))
                .body("items.id", equalTo(third.getList("items.id", String.class))).header("Deprecation", notNullValue());
        given().get("/api/v1/work-groups?size=1000").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    /** A valid new programme (Embedding the Impact of Mastering Number) under the given code. */
    static Map<String, Object> programme(String code) {
        return Map.ofEntries(
                Map.entry("code", code),
                Map.entry("title", "Embedding the Impact of Mastering Number"),
                Map.entry("summary", "For schools that completed Mastering Number at Reception and KS1."),
                Map.entry("yearGroups", List.of("Reception", "Year 1", "Year 2")),
                Map.entry("requiredRoles", List.of("MATHS_LEAD", "HEADTEACHER")),
                Map.entry("expectations", List.of("Take part in three local sessions.")),
                Map.entry("benefits", List.of("Support to sustain Mastering Number across the school.")),
                Map.entry("cost", "Free"),
                Map.entry("funding", "Fully funded by the Maths Hubs Programme"),
                Map.entry("centralSessions", 0),
                Map.entry("eligibilityRuleSet", "MN_EMBEDDING"));
    }
}
