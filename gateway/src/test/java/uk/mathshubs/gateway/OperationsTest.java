package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    private static final String HUB_WEBSITE = "http://localhost:3000";

    @Test
    void livenessAndReadinessAreUpWithEachServiceReported() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Services behind the gateway' }.data.catalogue", equalTo("UP"))
                .body("checks.find { it.name == 'Services behind the gateway' }.data.applications", equalTo("UP"))
                .body("checks.find { it.name == 'Services behind the gateway' }.data.scheduling", equalTo("UP"));
    }

    @Test
    void metricsCountRequestsPerRouteNotPerId() {
        given().get("/api/v1/work-groups/wg-42/sessions").then().statusCode(200);

        given().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("uri=\"/api/v1/work-groups/{id}/sessions\""))
                .body(not(containsString("wg-42")));
    }

    @Test
    void aRefusedRequestIsCountedByItsRouteTooNeverByTheReferenceItNamed() {
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/applications/MH-T60N-SFBP").then().statusCode(401);
        given().get("/api/v1/no-such-thing/MH-ABCD-EFGH").then().statusCode(404);

        given().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("uri=\"/api/v1/applications/*\""))
                .body(not(containsString("MH-T60N-SFBP")))
                .body(not(containsString("MH-ABCD-EFGH")));
    }

    @Test
    void aHubWebsiteMayCallFromTheBrowser() {
        given().header("Origin", HUB_WEBSITE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-application-secret")
                .options("/api/v1/work-groups/wg-1/applications")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", HUB_WEBSITE)
                .header("Access-Control-Allow-Methods", containsString("POST"));

        given().header("Origin", HUB_WEBSITE).get("/api/v1/programmes")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", HUB_WEBSITE)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        given().header("Origin", "https://elsewhere.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/work-groups")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
