package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class PublicReadsTest {

    @Test
    void aHubWebsiteThatAlreadyHasTheListingGetsNotModified() {
        String etag = given().get("/api/v1/programmes")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("max-age=300"))
                .extract().header("ETag");

        given().header("If-None-Match", etag).get("/api/v1/programmes")
                .then().statusCode(304).body(emptyString());
        given().header("If-None-Match", "\"something-else\"").get("/api/v1/programmes")
                .then().statusCode(200);

        String workGroups = given().get("/api/v1/work-groups").then().statusCode(200)
                .header("Cache-Control", containsString("max-age=60")).extract().header("ETag");
        given().header("If-None-Match", workGroups).get("/api/v1/work-groups").then().statusCode(304);
    }

    /** Health and metrics: the management interface, a port the gateway does not route. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private RequestSpecification onManagement() {
        return given().baseUri("http://" + management.getHost()).port(management.getPort());
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        onManagement().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyWithRouteTemplatesAsLabels() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().get("/api/v1/hubs/NO_SUCH_HUB_0042").then().statusCode(404);
        given().get("/api/v1/work-groups/00000000-0000-0000-0000-000000000042").then().statusCode(404);

        onManagement().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("uri=\"/api/v1/hubs/{code}\""))
                .body(not(containsString("NO_SUCH_HUB_0042")))
                .body(not(containsString("0000-000000000042")));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/api/v1/work-groups/{id}/status"))
                .body(not(containsString("secretHash")));
    }

    /** What the document promises besides success: an id per operation, its real success code, its problems. */
    @Test
    void everyOperationHasAnIdItsSuccessCodeAndItsErrorsAsProblems() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!List.of("get", "put", "post", "delete").contains(method)) {
                return;
            }
            String at = method.toUpperCase() + " " + path;
            ids.add((String) operation.get("operationId"));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as(at).containsKey("401");
            responses.forEach((status, response) -> {
                if (status.startsWith("4")) {
                    assertThat(response).as(at + " " + status).extractingByKey("content").asString()
                            .contains("application/problem+json", "#/components/schemas/Problem");
                }
            });
            if (path.contains("{")) {
                assertThat(responses).as(at).containsKey("404");
            }
        }));
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().contains("WorkGroup.create", "WorkGroup.list");
        assertThat(paths.get("/api/v1/work-groups").get("post")).extractingByKey("responses").asString()
                .contains("201=", "Location").doesNotContain("200=");
    }
}
