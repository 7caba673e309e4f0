package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import uk.mathshubs.testsupport.TestTokens;

@QuarkusTest
class RoutingTest {

    @ParameterizedTest(name = "{0} {1} goes to the {3} service")
    @CsvSource({
            "GET,    /api/v1/work-groups/wg-1/applications,       status=SUBMITTED&page=2, applications",
            "POST,   /api/v1/work-groups/wg-1/applications,       ,                        applications",
            "POST,   /api/v1/applications/APP-7/withdrawal,       ,                        applications",
            "GET,    /api/v1/work-groups/wg-1/sessions,           ,                        scheduling",
            "GET,    /api/v1/central-sessions,                    from=2025-09-01,         scheduling",
            "PUT,    /api/v1/sessions/s-1/attendance,             ,                        scheduling",
            "GET,    /api/v1/participation,                       trn=1234567,             scheduling",
            "POST,   /api/v1/webhooks,                            ,                        webhooks",
            "GET,    /api/v1/webhooks/w-1/deliveries,             status=FAILED,           webhooks",
            "GET,    /api/v1/programmes,                          ,                        catalogue",
            "GET,    /api/v1/hubs/CENTRAL,                        ,                        catalogue",
            "PATCH,  /api/v1/work-groups/wg-1/status,             ,                        catalogue",
            "GET,    /api/v1/work-groups,                         hub=CENTRAL&openNow=true, catalogue",
            "DELETE, /api/v1/work-groups/wg-1,                    ,                        catalogue",
    })
    void eachRouteFamilyReachesItsServiceWithTheRequestIntact(String method, String path, String query, String service) {
        String token = TestTokens.hubAdmin("CENTRAL");
        boolean withBody = !method.equals("GET") && !method.equals("DELETE");
        String body = "{\"note\":\"sent to " + service + "\"}";

        var request = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token);
        if (withBody) {
            request.contentType("application/json").body(body);
        }
        Response response = request.request(method, query == null ? path : path + "?" + query);

        response.then().statusCode(200).header("X-Served-By", service);
        JsonPath echo = response.jsonPath();
        assertThat(echo.getString("service")).isEqualTo(service);
        assertThat(echo.getString("method")).isEqualTo(method);
        assertThat(echo.getString("path")).isEqualTo(path);
        assertThat(echo.getString("query")).isEqualTo(query);
        assertThat(echo.getString("body")).isEqualTo(withBody ? body : "");
        assertThat(echo.getString("headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(echo.getString("headers.x-request-id")).isNotBlank()
                .isEqualTo(response.header("X-Request-Id"));
        if (withBody) {
            assertThat(echo.getString("headers.content-type")).startsWith("application/json");
        }
    }

    @Test
    void aCallersRequestIdIsKeptAndAnUnsafeOneReplaced() {
        given().header("X-Request-Id", "hub-site:4f1c.9")
                .get("/api/v1/programmes")
                .then().statusCode(200)
                .header("X-Request-Id", "hub-site:4f1c.9")
                .body("headers.x-request-id", equalTo("hub-site:4f1c.9"));

        Response replaced = given().header("X-Request-Id", "forged\" id with spaces").get("/api/v1/programmes");
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(replaced.jsonPath().getString("headers.x-request-id")).isEqualTo(replaced.header("X-Request-Id"));
    }

    @Test
    void theServiceLearnsWhoAskedAndNotTheHopsOwnHeaders() {
        JsonPath echo = given()
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Keep-Alive", "timeout=5")
                .get("/api/v1/hubs")
                .then().statusCode(200).extract().jsonPath();

        // The address the gateway saw; a caller it does not trust as a proxy cannot choose another.
        assertThat(echo.getString("headers.x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(echo.getString("headers.x-forwarded-proto")).isEqualTo("http");
        assertThat(echo.getString("headers.x-forwarded-host")).startsWith("localhost:");
        assertThat(echo.getMap("headers")).doesNotContainKeys("proxy-authorization", "keep-alive")
                .doesNotContainKey("authorization");
    }

    @Test
    void theServicesStatusAndHeadersComeBackButNotItsHopOrCorsHeaders() {
        Response response = given().contentType("application/json").body("{}")
                .header("X-Stub-Status", "201")
                .post("/api/v1/work-groups/wg-1/applications");

        response.then().statusCode(201)
                .header("Location", "/api/v1/from-applications")
                .contentType("application/json");
        assertThat(response.headers().hasHeaderWithName("Proxy-Authenticate")).isFalse();
        assertThat(response.headers().hasHeaderWithName("Access-Control-Allow-Origin")).isFalse();
    }

    @Test
    void anAnswerOfUnknownLengthIsStreamedThrough() {
        given().header("X-Stub-Chunked", "yes").get("/api/v1/central-sessions")
                .then().statusCode(200)
                .header("Transfer-Encoding", "chunked")
                .body("service", equalTo("scheduling"));
    }

    @Test
    void aServicesErrorReachesTheCallerUnchanged() {
        given().header("X-Stub-Status", "409").get("/api/v1/sessions/s-1")
                .then().statusCode(409).header("X-Served-By", "scheduling");
    }

    @Test
    void dotSegmentsCannotSteerOneServicesRouteToAnother() {
        JsonPath echo = given().urlEncodingEnabled(false)
                .get("/api/v1/programmes/%2e%2e/applications")
                .then().statusCode(200).extract().jsonPath();

        // Routed and forwarded by the same normalised path, so the service sees what the gateway judged.
        assertThat(echo.getString("service")).isEqualTo("applications");
        assertThat(echo.getString("path")).isEqualTo("/api/v1/applications");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nowhere", "/api/v2/programmes", "/api/v1/programmesX", "/api/",
            "/api/v1/work-groups-archive", "/API/v1/hubs", "/q/dev-ui", "/nowhere", "/openapi-old"})
    void anyPathNoRouteAnswersIsANotFoundProblem(String path) {
        // What other routes do answer stays answered.
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/openapi").then().statusCode(200);
        given().get(path)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://api.mathshubs.uk/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("instance", equalTo(path));
    }

    @Test
    void anAnswerIsNeverSniffedNorKeptByACacheUnlessItsServiceSaysSoAndVariesWithTheOrigin() {
        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).header("Origin", "http://localhost:3000")
                .get("/api/v1/work-groups/wg-1/applications")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Vary", org.hamcrest.Matchers.containsString("Origin"));
        // The gateway's own problems too.
        given().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff");
    }
}
