package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

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

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/api/v1/work-groups/{id}/status"))
                .body(not(containsString("secretHash")));
    }
}
