package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.mathshubs.testsupport.TestTokens;

/** Every list pages the same way (items, size, next; cursor and size), and a caller on version 1 still gets its arrays. */
@QuarkusTest
class ListPagingTest {

    private static final String HUB = "CENTRAL";

    @Test
    void aWorkGroupsApplicationsPageByPageInArrivalOrderEachOnce() {
        UUID group = WorkGroups.openGroup(HUB, 2);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON)
                    .body(ApplicationForms.valid(ApplicationSubmissionTest.urn()))
                    .post("/api/v1/work-groups/{id}/applications", group).then().statusCode(201).extract().path("reference"));
        }

        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = list(group, cursor, 2).statusCode(200).body("size", equalTo(2)).extract().jsonPath();
            read.addAll(page.getList("items.reference"));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);

        assertThat(read).isEqualTo(submitted);
        assertThat(pages).isEqualTo(3);
        // 100 unless asked: the whole list on one page, and no next.
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/work-groups/{id}/applications", group).then()
                .statusCode(200).body("items", hasSize(5)).body("size", equalTo(100)).body("next", nullValue())
                .header("Vary", containsString("API-Version"));
    }

    @Test
    void aCursorOrSizeTheListCannotTakeIsA400NamingIt() {
        UUID group = WorkGroups.openGroup(HUB, 2);
        for (Map.Entry<String, String> bad : Map.of("cursor", "not-a-cursor", "size", "0").entrySet()) {
            given().auth().oauth2(TestTokens.hubAdmin(HUB)).queryParam(bad.getKey(), bad.getValue())
                    .get("/api/v1/work-groups/{id}/applications", group).then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(bad.getKey()));
        }
        list(group, null, 1001).statusCode(400).body("errors[0].field", equalTo("size"));
        ApplicationSubmissionTest.urn(); // two schools named "Primary ...", so that the search has a second page
        ApplicationSubmissionTest.urn();
        // A cursor of another list (an offset where a key is read) is not taken for one of this list's.
        String offsetCursor = given().queryParam("name", "Primary").queryParam("size", 1).get("/api/v1/schools")
                .then().statusCode(200).extract().path("next");
        assertThat(offsetCursor).isNotNull();
        list(group, offsetCursor, 2).statusCode(400).body("errors[0].field", equalTo("cursor"));
        // Nor one of the same list filtered otherwise: its position means nothing there.
        given().queryParam("name", "Prim").queryParam("size", 1).queryParam("cursor", offsetCursor).get("/api/v1/schools")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("size", 1).queryParam("cursor", offsetCursor).queryParam("name", "Primary").get("/api/v1/schools")
                .then().statusCode(200);
    }

    @Test
    void aCallerOnVersion1GetsTheWholeListAsAnArrayToldUntilWhen() {
        UUID group = WorkGroups.openGroup(HUB, 1);
        ApplicationSubmissionTest.urn(); // with the three below, schools named "Primary ..." for the search
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON)
                    .body(ApplicationForms.valid(ApplicationSubmissionTest.urn()))
                    .post("/api/v1/work-groups/{id}/applications", group).then().statusCode(201);
        }

        given().auth().oauth2(TestTokens.hubAdmin(HUB)).header("API-Version", "1").queryParam("size", 1)
                .get("/api/v1/work-groups/{id}/applications", group).then().statusCode(200)
                .body("$", hasSize(3)).body("[0].reference", notNullValue())
                .header("Deprecation", startsWith("@")).header("Sunset", equalTo("Wed, 30 Jun 2027 00:00:00 GMT"))
                .header("Link", containsString("rel=\"deprecation\""));
        // The autocomplete kept its size in version 1: as many as asked (limit), as an array.
        given().header("API-Version", "1.2.0").queryParam("name", "Primary").queryParam("limit", 2).get("/api/v1/schools")
                .then().statusCode(200).body("$", hasSize(2));
        // Version 2 asked for by name: the pages, and nothing deprecated.
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).header("API-Version", "2")
                .get("/api/v1/work-groups/{id}/applications", group).then().statusCode(200)
                .body("items", hasSize(3)).header("Deprecation", nullValue());
        given().header("API-Version", "3").get("/api/v1/schools/{urn}", "100000").then()
                .statusCode(400).body("errors[0].field", equalTo("API-Version"));
    }

    @Test
    void theSchoolSearchsFormerLimitIsStillTakenAndSaysItWillGo() {
        ApplicationSubmissionTest.urn(); // a school named "Primary ..."
        given().queryParam("name", "Primary").queryParam("limit", 1).get("/api/v1/schools").then().statusCode(200)
                .body("items", hasSize(1)).body("size", equalTo(1)).header("Sunset", notNullValue());
        given().queryParam("name", "Primary").queryParam("size", 1).get("/api/v1/schools").then().statusCode(200)
                .body("items", hasSize(1)).header("Sunset", nullValue());
        given().queryParam("name", "Primary").queryParam("size", 51).get("/api/v1/schools").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("name", "Primary").queryParam("size", 1).queryParam("limit", 1).get("/api/v1/schools").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void theAuditTrailPagesByCursorAndStillTakesVersion1sBefore() {
        Map<String, Object> first = new HashMap<>(given().auth().oauth2(TestTokens.programmeAdmin())
                .get("/api/v1/audit/applications-service?size=1").then().statusCode(200).extract().jsonPath().getMap("$"));
        assertThat(first).containsKeys("items", "size", "next").doesNotContainKey("entries");
        long firstId = ((Number) ((Map<?, ?>) ((List<?>) first.get("items")).getFirst()).get("id")).longValue();

        given().auth().oauth2(TestTokens.programmeAdmin()).header("API-Version", "1")
                .get("/api/v1/audit/applications-service?size=1&before={id}", firstId + 1).then().statusCode(200)
                .body("entries[0].id", equalTo((int) firstId)).body("next", not(nullValue())).header("Sunset", notNullValue());
        given().auth().oauth2(TestTokens.programmeAdmin()).header("API-Version", "1")
                .get("/api/v1/audit/applications-service?size=1&before=").then().statusCode(200).body("entries", hasSize(1));
        given().auth().oauth2(TestTokens.programmeAdmin())
                .get("/api/v1/audit/applications-service?size=1&before=5&cursor={c}", first.get("next")).then()
                .statusCode(400).body("errors[0].field", equalTo("before"));
    }

    private static io.restassured.response.ValidatableResponse list(UUID group, String cursor, int size) {
        var request = given().auth().oauth2(TestTokens.hubAdmin(HUB)).queryParam("size", size);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/work-groups/{id}/applications", group).then();
    }
}
