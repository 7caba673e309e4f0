package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.testsupport.TestTokens;

@QuarkusTest
class EdgeAuthenticationTest {

    static Stream<Arguments> badCredentials() {
        return Stream.of(
                Arguments.of("an expired token", "Bearer " + spoiled(claims -> claims
                        .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)))),
                Arguments.of("a token for another audience", "Bearer " + spoiled(claims -> claims.audience("another-api"))),
                Arguments.of("a token from another issuer", "Bearer " + spoiled(claims -> claims.issuer("https://elsewhere.example.com"))),
                Arguments.of("a token signed with another key", "Bearer " + signedWithAnotherKey()),
                Arguments.of("something that is not a token", "Bearer not-a-jwt"),
                Arguments.of("basic credentials", "Basic bmNldG0uYWRtaW46cGFzc3dvcmQ="),
                Arguments.of("an empty bearer token", "Bearer "));
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

    private static String spoiled(java.util.function.Consumer<io.smallrye.jwt.build.JwtClaimsBuilder> spoil) {
        TestTokens.Builder token = TestTokens.claims("central.admin", Set.of("hub-admin"), "CENTRAL");
        spoil.accept(token.claims());
        return token.sign();
    }

    private static String signedWithAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey otherKey = generator.generateKeyPair().getPrivate();
            return TestTokens.claims("central.admin", Set.of("hub-admin"), "CENTRAL").claims()
                    .jws().keyId("1").sign(otherKey);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
