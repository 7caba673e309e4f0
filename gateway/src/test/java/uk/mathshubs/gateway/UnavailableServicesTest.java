package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import uk.mathshubs.testsupport.TestTokens;

/** gateway.timeout is 2s in tests. */
@QuarkusTest
@TestProfile(UnavailableServices.Profile.class)
class UnavailableServicesTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private RequestSpecification onManagement() {
        return given().baseUri("http://" + management.getHost()).port(management.getPort());
    }

    @Test
    void aStoppedServiceIsAServiceUnavailableProblemAtOnce() {
        // A first request pays for warming up the client and the gateway; that is not what is timed here.
        onManagement().get("/q/health/live").then().statusCode(200);
        long started = System.nanoTime();
        ValidatableResponse response = given().get("/api/v1/work-groups/wg-1/applications").then();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        response.statusCode(503)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://api.mathshubs.uk/problems/service-unavailable"))
                .body("title", equalTo("Service unavailable"))
                .body("status", equalTo(503))
                .body("detail", equalTo("The applications service is not answering"))
                .body("instance", equalTo("/api/v1/work-groups/wg-1/applications"));
        // Refused at once, not after the 2s timeout.
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void afterFiveCallsWithoutAnAnswerTheGatewayStopsCallingForAWhile() {
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/applications/MH-AAAA-BBBB").then().statusCode(503);
        }
        given().get("/api/v1/applications/MH-AAAA-BBBB").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("([1-9]|10)"))
                .body("detail", equalTo("The applications service is not answering"));
    }

    @Test
    void aServiceThatNeverAnswersIsAServiceUnavailableProblemOnceTheTimeoutPasses() {
        long started = System.nanoTime();
        ValidatableResponse response = given().contentType("application/json").body("{}")
                .post("/api/v1/sessions/s-1/attendance").then();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        response.statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("The scheduling service is not answering"));
        assertThat(took).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(5));
    }

    @Test
    void aTokenThatCannotBeCheckedForWantOfTheOidcServerIsAServiceUnavailableProblem() {
        given().header("Authorization", "Bearer " + TestTokens.hubAdmin("CENTRAL"))
                .get("/api/v1/programmes")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("The sign-in service is not answering"));
    }

    @Test
    void theGatewayStaysReadyAndSaysWhichServicesAreDown() {
        onManagement().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Services behind the gateway' }.data.applications",
                        equalTo("DOWN (not answering)"))
                .body("checks.find { it.name == 'Services behind the gateway' }.data.scheduling",
                        equalTo("DOWN (not answering)"));
    }
}
