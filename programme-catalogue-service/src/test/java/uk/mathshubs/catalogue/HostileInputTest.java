package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.mathshubs.catalogue.domain.WorkGroup;
import uk.mathshubs.testsupport.TestTokens;

/**
 * What an outside probe sent without logging in, and the extremes it tried: a NUL or another control character in a
 * path, a query or a body string, and years PostgreSQL cannot hold. Each was a 500; each is a 400 naming its field,
 * and nothing is stored. Also what was accepted but should not have been: a boolean that is neither, a date-time for a
 * date, a body with no Content-Type or JSON in another charset.
 */
@QuarkusTest
class HostileInputTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private String hub;

    @BeforeEach
    void aHub() {
        hub = Fixtures.newHub();
    }

    /** The sandbox clock's header outside the sandbox: refused, never silently read as real time (SandboxClockTest). */
    @Test
    void aServerDateOutsideTheSandboxIsRefusedNamingTheHeader() {
        RestAssured.given().header("X-With-Server-Date", "2028-03-09").get("/api/v1/work-groups")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("X-With-Server-Date"));
    }

    @TestFactory
    Stream<DynamicTest> aControlCharacterOrAnImpossibleDateInThePathOrQueryIsNamed() {
        return Stream.of(
                        "/api/v1/hubs/%00 code",
                        "/api/v1/programmes/%00 code",
                        "/api/v1/programmes/MN%07KS2 code",
                        "/api/v1/work-groups?hub=%00 hub",
                        "/api/v1/work-groups?programme=%00 programme",
                        "/api/v1/work-groups?academicYear=2027%0A28 academicYear",
                        "/api/v1/work-groups?openNow=maybe openNow",
                        "/api/v1/work-groups?programmeCode=MN_KS2 programmeCode",
                        "/api/v1/work-groups?hasPlaces=1 hasPlaces",
                        "/api/v1/audit/programme-catalogue-service?subject=%00 subject",
                        "/api/v1/audit/programme-catalogue-service?actor=%1B actor",
                        "/api/v1/audit/programme-catalogue-service?from=-999999999-01-01T00:00:00Z from",
                        "/api/v1/audit/programme-catalogue-service?to=%2B10000-01-01T00:00:00Z to")
                .map(line -> line.split(" "))
                .map(c -> DynamicTest.dynamicTest("GET " + c[0] + " is a 400 naming " + c[1], () ->
                        given().auth().oauth2(TestTokens.programmeAdmin()).urlEncodingEnabled(false)
                                .get(c[0])
                                .then().log().ifValidationFails().statusCode(400)
                                .contentType("application/problem+json")
                                .body("errors[0].field", equalTo(c[1]))));
    }

    @Test
    void aNulInABodyStringIsNamedAndNothingIsStored() {
        Map<String, Object> body = workGroup();
        body.put("lead", "fuzz\u0000lead");

        create(body).log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lead"))
                .body("errors[0].message", containsString("control characters (U+0000"));
        assertThat(workGroupsOfTheHub()).isZero();
    }

    @Test
    void aHalfSurrogateInABodyStringIsNamed() {
        Map<String, Object> body = workGroup();
        body.put("lead", "Jo \ud800Lead");

        create(body).log().ifValidationFails().statusCode(400)
                .body("errors[0].field", equalTo("lead"));
        assertThat(workGroupsOfTheHub()).isZero();
    }

    @Test
    void aDateTimeWhereADateIsExpectedIsNamedAndNothingIsStored() {
        Map<String, Object> body = workGroup();
        body.put("applicationWindow", Map.of("opensAt", "2027-11-01T09:00:00Z", "closesAt", "2028-03-03T17:00:00Z",
                "confirmationDate", "2028-03-09T00:00:00Z"));

        create(body).log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("applicationWindow.confirmationDate"));
        assertThat(workGroupsOfTheHub()).isZero();
    }

    @TestFactory
    Stream<DynamicTest> aBodyWithoutAContentTypeOrJsonInAnotherCharsetIsRefusedAndNothingIsStored() {
        return Stream.of("", "application/json; charset=ebcdic", "application/json; charset=ISO-8859-1")
                .map(type -> DynamicTest.dynamicTest("Content-Type '" + type + "' is a 415", () -> {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                    + "/api/v1/work-groups"))
                            .header("Authorization", "Bearer " + TestTokens.programmeAdmin())
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(workGroup())));
                    if (!type.isEmpty()) {
                        request.header("Content-Type", type);
                    }
                    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).isEqualTo(415);
                    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                            value -> assertThat(value).startsWith("application/problem+json"));
                    assertThat(answer.body()).contains("\"field\":\"Content-Type\"");
                    assertThat(workGroupsOfTheHub()).isZero();
                }));
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemHereAsAtTheGateway() {
        Map<String, Object> body = workGroup();
        body.put("lead", "x".repeat(70_000));

        create(body).statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("errors[0].field", equalTo("body"));
        assertThat(workGroupsOfTheHub()).isZero();
    }

    @Test
    void lineBreaksInBodyTextAreKept() {
        Map<String, Object> body = workGroup();
        body.put("lead", "Jo Lead\tand\r\nSam Lead");

        create(body).statusCode(201)
                .body("lead", equalTo("Jo Lead\tand\r\nSam Lead"));
    }

    @TestFactory
    Stream<DynamicTest> aYearPostgresqlCannotHoldIsNamedAndNothingIsStored() {
        return Stream.of("opensAt -999999999-01-01T00:00:00Z", "closesAt +10000-01-01T00:00:00Z", "confirmationDate +999999999-12-31")
                .map(line -> line.split(" "))
                .map(c -> DynamicTest.dynamicTest(c[0] + " = " + c[1] + " is a 400 naming it", () -> {
                    Map<String, Object> body = workGroup();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> window = new HashMap<>((Map<String, Object>) body.get("applicationWindow"));
                    window.put(c[0], c[1]);
                    body.put("applicationWindow", window);

                    create(body).log().ifValidationFails().statusCode(400)
                            .contentType("application/problem+json")
                            .body("errors[0].field", equalTo("applicationWindow." + c[0]))
                            .body("errors[0].message", equalTo("must be a date in the years 1 to 9999"));
                    assertThat(workGroupsOfTheHub()).isZero();
                }));
    }

    /** A programme admin creating this Work Group, and the answer. */
    private static ValidatableResponse create(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups")
                .then();
    }

    private long workGroupsOfTheHub() {
        return QuarkusTransaction.requiringNew().call(() -> WorkGroup.count("hub.code", hub));
    }

    private Map<String, Object> workGroup() {
        return Fixtures.workGroup(hub, "2027/28");
    }

    @Test
    void aBadTokenIsRefusedEvenWhereNoTokenIsNeeded() {
        given().get("/api/v1/hubs").then().statusCode(200);
        given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).get("/api/v1/hubs").then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/api/v1/hubs")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }
}
