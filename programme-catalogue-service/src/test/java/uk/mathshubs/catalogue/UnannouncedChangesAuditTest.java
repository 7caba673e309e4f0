package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.TestTokens;

/**
 * Changes no event announces are audited all the same: a draft Work Group from its creation, and a hub's details.
 * (Published Work Groups and programmes are audited with their events.)
 */
@QuarkusTest
class UnannouncedChangesAuditTest {

    private static final String AUDIT = "/api/v1/audit/programme-catalogue-service";

    @Test
    void aDraftWorkGroupAndItsChangesAreAuditedWithWhoMadeThem() {
        String hub = Fixtures.newHub();
        Map<String, Object> body = Fixtures.workGroup(hub, "2027/28");
        String id = given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups").then().statusCode(201).extract().path("id");
        body.put("capacity", 40);
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/work-groups/{id}", id).then().statusCode(200);

        List<Map<String, Object>> entries = entries(id);
        assertThat(entries).extracting(entry -> entry.get("action"))
                .containsExactly("work-group.draft-changed", "work-group.drafted");
        assertThat(entries).allSatisfy(entry -> assertThat((String) entry.get("actor")).isNotBlank().isNotEqualTo("system"));
        assertThat(entries.get(0).get("detail")).asString().contains("capacity=40", "status=DRAFT");
    }

    @Test
    void aHubsCreationAndChangesAreAuditedWithoutItsContactAddress() {
        String hub = Fixtures.newHub();
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", hub + " Maths Hub", "contactEmail", "lead.person@example.org", "region", "North West"))
                .put("/api/v1/hubs/{code}", hub).then().statusCode(200);

        List<Map<String, Object>> entries = entries(hub);
        assertThat(entries).extracting(entry -> entry.get("action")).containsExactly("hub.changed", "hub.created");
        assertThat(entries.get(0).get("detail")).asString().contains("region=North West").doesNotContain("lead.person");
    }

    private static List<Map<String, Object>> entries(String subject) {
        return given().auth().oauth2(TestTokens.programmeAdmin()).queryParam("subject", subject).get(AUDIT)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
