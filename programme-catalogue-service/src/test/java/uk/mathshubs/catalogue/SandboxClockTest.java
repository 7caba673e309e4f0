package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.TestTokens;

/**
 * The sandbox clock (kit SandboxDates): in sandbox mode a request says what "now" is for it in X-With-Server-Date.
 * Outside it the header is a 400 (HostileInputTest).
 */
@QuarkusTest
@TestProfile(SandboxClockTest.Sandbox.class)
class SandboxClockTest {

    public static class Sandbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kit.sandbox.enabled", "true");
        }
    }

    @Test
    void aWebsiteSeesTheWindowCloseWithoutWaitingForIt() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> body = Fixtures.workGroup(Fixtures.newHub(), "2027/28");
        body.put("applicationWindow", Map.of("opensAt", now.minusDays(1).toString(), "closesAt", now.plusDays(30).toString(),
                "confirmationDate", LocalDate.now().plusDays(40).toString()));
        String id = given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .put("/api/v1/work-groups/{id}/status", id).then().statusCode(200);

        given().get("/api/v1/work-groups/{id}", id).then().statusCode(200)
                .body("openForApplications", equalTo(true)).body("expressInterestForNextYear", equalTo(false));
        // As on the day after the window closes: no applications, interest instead; the next request is today again.
        given().header("X-With-Server-Date", now.plusDays(31).toString()).get("/api/v1/work-groups/{id}", id)
                .then().statusCode(200)
                .body("openForApplications", equalTo(false)).body("expressInterestForNextYear", equalTo(true));
        given().header("X-With-Server-Date", LocalDate.now().plusDays(31).toString()).get("/api/v1/work-groups/{id}", id)
                .then().statusCode(200).body("openForApplications", equalTo(false));
        given().get("/api/v1/work-groups/{id}", id).then().statusCode(200).body("openForApplications", equalTo(true));

        given().header("X-With-Server-Date", "next Tuesday").get("/api/v1/work-groups/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("X-With-Server-Date"));
    }
}
