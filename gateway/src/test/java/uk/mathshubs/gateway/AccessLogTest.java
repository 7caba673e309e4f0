package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.testsupport.LogCapture;
import uk.mathshubs.testsupport.TestTokens;

/** Ops finds a website's failed request in the gateway's log by its request id or client, and nothing secret in it. */
@QuarkusTest
class AccessLogTest {

    private LogCapture log;

    @BeforeEach
    void listen() {
        log = LogCapture.of("uk.mathshubs.gateway.access");
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void eachApiRequestIsOneLineNamingItsRouteStatusRequestAndClient() {
        given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).header("X-Request-Id", "site-req:41")
                .get("/api/v1/applications/MH-SECRET-REF/offer").then().statusCode(200);

        ExtLogRecord line = lineOf("site-req:41");
        assertThat(line.getFormattedMessage()).matches("GET /api/v1/applications/\\{reference}/offer 200 \\d+ ms");
        assertThat(line.getMdc("clientId")).isEqualTo("hub-website-central");
    }

    @Test
    void aSecretInThePathOrQueryNeverReachesTheLog() {
        given().header("X-Request-Id", "calendar-req:7").queryParam("name", "Ann Head")
                .get("/api/v1/calendars/tok3nS3cret.ics").then().statusCode(200);

        ExtLogRecord line = lineOf("calendar-req:7");
        assertThat(line.getFormattedMessage()).startsWith("GET /api/v1/calendars/{token}.ics 200 ")
                .doesNotContain("tok3nS3cret", "Ann");
        assertThat(line.getMdc("clientId")).as("an anonymous caller").isNull();
    }

    @Test
    void aPathNoRouteTakesIsLoggedByItsTemplateOnly() {
        given().urlEncodingEnabled(false).header("X-Request-Id", "unrouted-req:5")
                .get("/api/v1/nothing-here/ann.head%40school.example").then().statusCode(404);

        assertThat(lineOf("unrouted-req:5").getFormattedMessage()).startsWith("GET /api/{unrouted} 404 ");
    }

    @Test
    void aRefusedTokenIsLoggedWithItsStatusAndNoClient() {
        given().auth().oauth2("not.a.token").header("X-Request-Id", "refused-req:3")
                .get("/api/v1/programmes").then().statusCode(401);

        ExtLogRecord line = lineOf("refused-req:3");
        assertThat(line.getFormattedMessage()).startsWith("GET /api/v1/programmes 401 ");
        assertThat(line.getMdc("clientId")).isNull();
    }

    @Test
    void operationalEndpointsAreNotLogged() {
        given().header("X-Request-Id", "probe:1").get("/q/health/ready");
        given().header("X-Request-Id", "after-probe:1").get("/api/v1/programmes").then().statusCode(200);

        lineOf("after-probe:1");
        assertThat(log.lines()).noneSatisfy(line -> assertThat(line.getMdc("requestId")).isEqualTo("probe:1"));
    }

    /** The line is written once the answer has gone: shortly after the client has it. */
    private ExtLogRecord lineOf(String requestId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> log.lines().stream().anyMatch(l -> requestId.equals(l.getMdc("requestId"))));
        List<ExtLogRecord> found = log.lines().stream().filter(l -> requestId.equals(l.getMdc("requestId"))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
