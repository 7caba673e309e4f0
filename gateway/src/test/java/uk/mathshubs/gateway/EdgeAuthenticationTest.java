package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.testsupport.BadCredentials;
import uk.mathshubs.testsupport.TestTokens;

@QuarkusTest
class EdgeAuthenticationTest {

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
}
