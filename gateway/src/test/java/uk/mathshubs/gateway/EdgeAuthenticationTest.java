package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.testsupport.BadCredentials;
import uk.mathshubs.security.VerifiedTokens;
import uk.mathshubs.testsupport.TestTokens;

@QuarkusTest
class EdgeAuthenticationTest {

    @Inject
    VerifiedTokens verified;

    static Stream<Arguments> badCredentials() {
        Stream<Arguments> tokens = BadCredentials.all().entrySet().stream().map(bad -> Arguments.of(bad.getKey(), bad.getValue()));
        return Stream.concat(tokens, Stream.of(
                Arguments.of("basic credentials", "Basic bmNldG0uYWRtaW46cGFzc3dvcmQ="),
                Arguments.of("an empty bearer token", "Bearer ")));
    }

    @ParameterizedTest(name = "{0} is refused at the edge")
    @MethodSource("badCredentials")
    void aPresentButInvalidCredentialIsAnUnauthorizedProblem(String what, String authorization) {
        given().header("Authorization", authorization)
                .contentType("application/json").body("{\"name\":\"never forwarded\"}")
                .post("/api/v1/work-groups")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://api.mathshubs.uk/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/work-groups"));
    }

    @Test
    void aValidTokenIsCheckedAndStillForwardedForTheServiceToCheckAgain() {
        String token = TestTokens.programmeAdmin();
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/programmes")
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void aRequestWithoutATokenGoesThroughForTheServiceToJudge() {
        given().get("/api/v1/work-groups")
                .then().statusCode(200)
                .body("service", equalTo("catalogue"));
    }

    @Test
    void aTokenIsVerifiedOnceThenTakenFromMemoryButOnlyThatExactToken() {
        String token = TestTokens.hubWebsite("CENTRAL");
        long remembered = verified.stats().hitCount();

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/programmes").then().statusCode(200);
        }
        assertThat(verified.stats().hitCount()).as(verified.stats().toString()).isEqualTo(remembered + 2);

        // One character of the signature changed: not the token that was verified, so verified again, and refused.
        // Not the last character, whose low bits base64url decoding drops: that change could leave the bytes alike.
        int at = token.length() - 10;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        given().auth().oauth2(tampered).get("/api/v1/programmes").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
