package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import uk.mathshubs.testsupport.TestTokens;

/** Small limits, so that a test can reach them: 3 a minute per address, 5 per client, 2 for the NCETM. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limits.anonymous-per-address.requests", "3",
                    "gateway.rate-limits.per-client.requests", "5",
                    "gateway.rate-limits.clients.ncetm-integration.requests", "2",
                    "gateway.rate-limits.clients.ncetm-integration.per", "5m");
        }
    }

    @Test
    void anonymousCallersAreLimitedByAddressAndToldWhenToComeBack() {
        // A token that does not verify counts against the caller's address, as no token does: forged tokens are no
        // way around the limit.
        String valid = TestTokens.hubWebsite("CENTRAL");
        String forged = valid.substring(0, valid.length() - 4) + "AAAA";
        given().auth().oauth2(forged).get("/api/v1/programmes").then().statusCode(401)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2");
        for (int i = 2; i > 0; i--) {
            given().get("/api/v1/programmes").then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(i - 1));
        }
        given().get("/api/v1/programmes").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "20")
                .body("title", equalTo("Too many requests"))
                .body("detail", startsWith("More than 3 requests in 1m"));
        given().auth().oauth2(forged).get("/api/v1/programmes").then().statusCode(429).contentType("application/problem+json");

        // A client with a token has its own allowance, whatever address it calls from.
        String website = TestTokens.hubWebsite("CENTRAL");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(website).get("/api/v1/programmes").then().statusCode(200).header("RateLimit-Limit", "5");
        }
        given().auth().oauth2(website).get("/api/v1/programmes").then().statusCode(429).header("Retry-After", "12");
        // Every user of one client shares its allowance: the limit is per client, not per token.
        given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).get("/api/v1/work-groups").then().statusCode(429);

        // The NCETM's sync has a policy of its own.
        String ncetm = TestTokens.ncetmIntegration();
        given().auth().oauth2(ncetm).get("/api/v1/programmes").then().statusCode(200).header("RateLimit-Limit", "2");
        given().auth().oauth2(ncetm).get("/api/v1/programmes").then().statusCode(200);
        given().auth().oauth2(ncetm).get("/api/v1/programmes").then().statusCode(429).header("Retry-After", "150")
                .body("detail", startsWith("More than 2 requests in 5m"));
    }
}
