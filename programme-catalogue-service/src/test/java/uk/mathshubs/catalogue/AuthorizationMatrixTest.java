package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static uk.mathshubs.testsupport.AuthorizationMatrix.FOREIGN_HUB;
import static uk.mathshubs.testsupport.AuthorizationMatrix.OWN_HUB;
import static uk.mathshubs.testsupport.AuthorizationMatrix.row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.AuthorizationMatrix;
import uk.mathshubs.testsupport.TestTokens;

/**
 * Every endpoint of the catalogue against every kind of caller, in its own hub and in another's. Statuses in the
 * order: anonymous, programme admin, hub admin (own hub), hub admin (other hub), hub website (own hub), hub website
 * (other hub), NCETM integration. The Work Groups are the own hub's.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestFactory
    Stream<DynamicNode> whoMayDoWhat() {
        hubs();
        String programme = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(ProgrammeCatalogueTest.programme(programme))
                .post("/api/v1/programmes").then().statusCode(201);
        String published = workGroup();
        status(published, "OPEN");
        String draft = workGroup();

        return AuthorizationMatrix.tests(List.of(
                row("GET /programmes", "200 200 200 200 200 200 200 200 200", spec -> spec.get("/api/v1/programmes")),
                row("GET /programmes/{code}", "200 200 200 200 200 200 200 200 200", spec -> spec.get("/api/v1/programmes/MN_RKS1")),
                row("POST /programmes", "401 201 403 403 403 403 403 403 403", spec -> spec.contentType(ContentType.JSON)
                        .body(ProgrammeCatalogueTest.programme("P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase())).post("/api/v1/programmes")),
                row("PUT /programmes/{code}", "401 200 403 403 403 403 403 403 403", spec -> spec.contentType(ContentType.JSON)
                        .body(ProgrammeCatalogueTest.programme(programme)).put("/api/v1/programmes/{code}", programme)),
                row("GET /hubs", "200 200 200 200 200 200 200 200 200", spec -> spec.get("/api/v1/hubs")),
                row("GET /hubs/{code}", "200 200 200 200 200 200 200 200 200", spec -> spec.get("/api/v1/hubs/{code}", OWN_HUB)),
                row("PUT /hubs/{code}", "401 200 403 403 403 403 403 403 403", spec -> spec.contentType(ContentType.JSON)
                        .body(Map.of("name", OWN_HUB + " Maths Hub", "contactEmail", "hub@example.org", "region", "West Midlands"))
                        .put("/api/v1/hubs/{code}", OWN_HUB)),
                row("GET /work-groups", "200 200 200 200 200 200 200 200 200", spec -> spec.get("/api/v1/work-groups")),
                row("GET /work-groups/{id} (published)", "200 200 200 200 200 200 200 200 200",
                        spec -> spec.get("/api/v1/work-groups/{id}", published)),
                // A hub's website may preview its own hub's drafts; nobody else sees them.
                row("GET /work-groups/{id} (draft)", "404 200 200 404 200 404 404 404 404",
                        spec -> spec.get("/api/v1/work-groups/{id}", draft)),
                row("POST /work-groups", "401 201 201 403 403 403 403 403 403", spec -> spec.contentType(ContentType.JSON)
                        .body(request()).post("/api/v1/work-groups")),
                row("PUT /work-groups/{id}", "401 200 200 403 403 403 403 403 403", spec -> spec.contentType(ContentType.JSON)
                        .body(request()).put("/api/v1/work-groups/{id}", workGroup())),
                row("PUT /work-groups/{id}/status", "401 200 200 403 403 403 403 403 403", spec -> spec.contentType(ContentType.JSON)
                        .body(Map.of("status", "OPEN")).put("/api/v1/work-groups/{id}/status", workGroup())),
                row("GET /audit/programme-catalogue-service", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/audit/programme-catalogue-service")),
                row("GET /audit/scheduling-service (another service's)", "401 404 403 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/audit/scheduling-service"))));
    }

    /** Properties a caller may not set are refused, not ignored, and the Work Group stays as it was. */
    @org.junit.jupiter.api.Test
    void massAssignmentIsRefusedAndChangesNothing() {
        hubs();
        String id = workGroup();
        String before = given().auth().oauth2(TestTokens.hubAdmin(OWN_HUB)).get("/api/v1/work-groups/{id}", id)
                .then().statusCode(200).extract().asString();
        for (Map.Entry<String, Object> sneaked : Map.<String, Object>of("status", "OPEN", "placesLeft", 999,
                "placesAllocated", 0, "id", UUID.randomUUID().toString(), "revision", 99).entrySet()) {
            Map<String, Object> body = request();
            body.put(sneaked.getKey(), sneaked.getValue());
            given().auth().oauth2(TestTokens.hubAdmin(OWN_HUB)).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/work-groups/{id}", id).then().statusCode(400).contentType("application/problem+json");
        }
        // A Work Group never moves to another hub: refused, naming the field.
        Map<String, Object> elsewhere = request();
        elsewhere.put("hubCode", FOREIGN_HUB);
        given().auth().oauth2(TestTokens.hubAdmin(OWN_HUB)).contentType(ContentType.JSON).body(elsewhere)
                .put("/api/v1/work-groups/{id}", id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("hubCode"));
        given().auth().oauth2(TestTokens.hubAdmin(OWN_HUB)).get("/api/v1/work-groups/{id}", id)
                .then().statusCode(200).body(org.hamcrest.Matchers.equalTo(before));
    }

    private static void hubs() {
        for (String hub : List.of(OWN_HUB, FOREIGN_HUB)) {
            given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("name", hub + " Maths Hub", "contactEmail", "hub@example.org", "region", "West Midlands"))
                    .put("/api/v1/hubs/{code}", hub).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
    }

    private static Map<String, Object> request() {
        return new HashMap<>(Map.of("programmeCode", "TFM_DEV", "hubCode", OWN_HUB, "academicYear", "2027/28",
                "capacity", 20, "lead", "Mastery Specialist", "allocationPolicy", "FIRST_COME_FIRST_SERVED",
                "applicationWindow", Map.of("opensAt", "2026-11-01T09:00:00Z", "closesAt", "2099-03-03T17:00:00Z",
                        "confirmationDate", "2099-03-09")));
    }

    /** A draft Work Group of the own hub. */
    private static String workGroup() {
        return given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(request())
                .post("/api/v1/work-groups").then().statusCode(201).extract().path("id");
    }

    private static void status(String id, String status) {
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/api/v1/work-groups/{id}/status", id).then().statusCode(200);
    }
}
