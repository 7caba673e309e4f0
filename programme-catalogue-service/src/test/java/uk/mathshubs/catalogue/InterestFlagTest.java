package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.mathshubs.testsupport.TestTokens;

/**
 * {@code expressInterestForNextYear} says exactly when a school may register interest instead of applying: whenever a
 * published group is not taking applications (the rule the applications service applies to {@code POST …/interest}).
 * It used to be true only from the moment a group was closed, so a website showing its interest form from the flag
 * never showed it for a group whose window had passed, or a completed one.
 */
@QuarkusTest
class InterestFlagTest {

    @Test
    void theFlagIsTheOppositeOfTakingApplicationsForEveryPublishedGroup() {
        String hub = Fixtures.newHub();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> body = Fixtures.workGroup(hub, "2027/28");
        body.put("applicationWindow", Map.of("opensAt", now.minusDays(1).toString(), "closesAt", now.plusDays(30).toString(),
                "confirmationDate", LocalDate.now().plusDays(40).toString()));
        String id = given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups").then().statusCode(201).extract().path("id");

        status(id, "OPEN");
        read(id).body("openForApplications", equalTo(true)).body("expressInterestForNextYear", equalTo(false));

        // The window has passed, the group not yet closed: no applications, so interest.
        body.put("applicationWindow", Map.of("opensAt", now.minusDays(30).toString(), "closesAt", now.minusDays(1).toString(),
                "confirmationDate", LocalDate.now().plusDays(10).toString()));
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/work-groups/{id}", id).then().statusCode(200);
        read(id).body("openForApplications", equalTo(false)).body("expressInterestForNextYear", equalTo(true));

        for (String status : new String[] {"CLOSED", "RUNNING", "COMPLETED"}) {
            status(id, status);
            read(id).body("status", equalTo(status)).body("expressInterestForNextYear", equalTo(true));
        }
    }

    private static void status(String id, String status) {
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/api/v1/work-groups/{id}/status", id).then().statusCode(200);
    }

    private static ValidatableResponse read(String id) {
        return given().get("/api/v1/work-groups/{id}", id).then().statusCode(200);
    }
}
