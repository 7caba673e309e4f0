package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class OperationsTest {

    private static final String HUB_WEBSITE = "http://localhost:3000";

    /** Health and metrics: the management interface, a port of its own. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private RequestSpecification onManagement() {
        return given().baseUri("http://" + management.getHost()).port(management.getPort());
    }

    @Test
    void everyAnswerSaysTheApiVersionAndTheChangeLogIsServed() {
        given().get("/api/v1/programmes").then().statusCode(200).header("API-Version", "2.2.0");
        given().get("/api/v1/nowhere").then().statusCode(404).header("API-Version", "2.2.0");
        given().get("/openapi").then().statusCode(200).body("info.version", equalTo("2.2.0"));
        // A caller still on version 1 is told it is answered as version 1 (the services shape the lists so).
        given().header("API-Version", "1").get("/api/v1/nowhere").then().statusCode(404).header("API-Version", "1.2.0");
        given().header("API-Version", "1.2.0").get("/api/v1/nowhere").then().header("API-Version", "1.2.0");
        given().header("API-Version", "2").get("/api/v1/nowhere").then().header("API-Version", "2.2.0");
        // Where every Deprecation answer points (rel="deprecation"): the repository's API-CHANGELOG.md.
        given().get("/changelog").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("# API change log"), containsString("updatedSince"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void livenessAndReadinessAreUpWithEachServiceReported() {
        onManagement().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        onManagement().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Services behind the gateway' }.data.catalogue", equalTo("UP"))
                .body("checks.find { it.name == 'Services behind the gateway' }.data.applications", equalTo("UP"))
                .body("checks.find { it.name == 'Services behind the gateway' }.data.scheduling", equalTo("UP"));
    }

    @Test
    void metricsCountRequestsPerRouteNotPerId() {
        given().get("/api/v1/work-groups/wg-42/sessions").then().statusCode(200);

        onManagement().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("uri=\"/api/v1/work-groups/{id}/sessions\""))
                .body(not(containsString("wg-42")));
    }

    @Test
    void aRefusedRequestIsCountedByItsRouteTooNeverByTheReferenceItNamed() {
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/applications/MH-T60N-SFBP").then().statusCode(401);
        given().get("/api/v1/no-such-thing/MH-ABCD-EFGH").then().statusCode(404);

        onManagement().get("/q/metrics")
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
