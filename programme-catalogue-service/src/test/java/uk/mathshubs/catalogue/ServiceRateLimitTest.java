package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import uk.mathshubs.testsupport.TestTokens;

/**
 * A caller who reaches the service without the gateway meets a rate limit all the same (the kit's RateLimits), here
 * with small allowances. Each test calls from an address of its own, as the gateway states it in X-Forwarded-For
 * (believed from this machine, where the gateway runs under ./platform).
 */
@QuarkusTest
@TestProfile(ServiceRateLimitTest.SmallAllowances.class)
class ServiceRateLimitTest {

    public static class SmallAllowances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kit.rate-limits.anonymous-per-address.requests", "3",
                    "kit.rate-limits.per-client.requests", "5");
        }
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    @Test
    void anAnonymousCallerIsLimitedByItsAddressWithAProblemThatSaysWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            from("203.0.113.1").get("/api/v1/hubs").then().statusCode(200);
        }
        from("203.0.113.1").get("/api/v1/hubs")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://api.mathshubs.uk/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("detail", containsString("More than 3 requests in 1m"));
        // Another address has its own allowance.
        from("203.0.113.11").get("/api/v1/hubs").then().statusCode(200);
    }

    @Test
    void aCallerWithATokenIsLimitedByItsClientWhereverItCallsFrom() {
        String website = TestTokens.hubWebsite("CENTRAL");
        for (int i = 0; i < 5; i++) {
            from("203.0.113." + (20 + i)).auth().oauth2(website).get("/api/v1/hubs").then().statusCode(200);
        }
        from("203.0.113.30").auth().oauth2(website).get("/api/v1/hubs").then().statusCode(429)
                .contentType("application/problem+json");
        // Another client is not held to the first one's count.
        from("203.0.113.30").auth().oauth2(TestTokens.hubWebsite("NORTH_MIDS")).get("/api/v1/hubs").then().statusCode(200);
    }

    @Test
    void refusedTokensCountAgainstTheirAddressSoForgingOnesIsNoWayRound() {
        for (int i = 0; i < 3; i++) {
            from("203.0.113.2").auth().oauth2("forged-" + i).get("/api/v1/hubs").then().statusCode(401);
        }
        from("203.0.113.2").auth().oauth2("forged-4").get("/api/v1/hubs")
                .then().statusCode(429).contentType("application/problem+json");
        from("203.0.113.2").get("/api/v1/hubs").then().statusCode(429);
    }
}
