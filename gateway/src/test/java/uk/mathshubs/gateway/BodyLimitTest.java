package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** gateway.max-body-size is 64K (65,536 bytes). */
@QuarkusTest
class BodyLimitTest {

    private static final int LIMIT = 64 * 1024;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aBodyAtTheLimitIsForwardedWhole() {
        given().contentType("application/json").body(json(LIMIT))
                .post("/api/v1/applications")
                .then().statusCode(200)
                .body("bodyLength", equalTo(LIMIT));
    }

    @Test
    void aLargerBodyOfDeclaredLengthIsAPayloadTooLargeProblem() {
        given().contentType("application/json").body(json(LIMIT + 1))
                .post("/api/v1/applications")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://api.mathshubs.uk/problems/payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than 65536 bytes"));
    }

    @Test
    void aLargerChunkedBodyIsRefusedBeforeAnyServiceSeesIt() {
        // A stream of unknown length goes chunked: no Content-Length to judge it by in advance.
        given().contentType("application/json").body(new ByteArrayInputStream(json(LIMIT + 1).getBytes()))
                .post("/api/v1/applications")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Payload too large"));
    }

    @Test
    void aCallerThatAsksBeforeSendingIsToldAtOnce() throws Exception {
        // Expect: 100-continue: the gateway says go on for a body within the limit, 413 (no body sent) above it.
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> within = client.send(expectContinue(LIMIT), HttpResponse.BodyHandlers.ofString());
            assertThat(within.statusCode()).isEqualTo(200);
            assertThat(within.body()).contains("\"bodyLength\":" + LIMIT);

            HttpResponse<String> above = client.send(expectContinue(LIMIT + 1), HttpResponse.BodyHandlers.ofString());
            assertThat(above.statusCode()).isEqualTo(413);
            assertThat(above.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private HttpRequest expectContinue(int length) {
        return HttpRequest.newBuilder(URI.create(gateway + "api/v1/applications"))
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(length)))
                .build();
    }

    private static String json(int length) {
        String prefix = "{\"text\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(length - prefix.length() - suffix.length()) + suffix;
    }

    @Test
    void anAddressOrHeadersOverTheLimitAreProblemsNotBareRefusals() {
        given().urlEncodingEnabled(false).get("/api/v1/programmes?hub=" + "a".repeat(9000))
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
        given().header("X-Padding", "b".repeat(17_000)).get("/api/v1/programmes")
                .then().statusCode(431).contentType("application/problem+json").body("status", equalTo(431));
        // Under the limits, the same request goes through.
        given().header("X-Padding", "b".repeat(8_000)).get("/api/v1/programmes").then().statusCode(200);
    }
}
