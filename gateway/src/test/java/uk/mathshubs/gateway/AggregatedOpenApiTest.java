package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The stub services each publish a small OpenAPI document (see StubServices). */
@QuarkusTest
class AggregatedOpenApiTest {

    @Test
    void oneDocumentHoldsEachServicesPathsAsTheGatewayRoutesThem() {
        given().get("/openapi").then().statusCode(200).contentType("application/json")
                .body("info.title", equalTo("Maths Hubs Work Groups API"))
                .body("paths.keySet()", equalTo(java.util.Set.of("/api/v1/programmes", "/api/v1/applications/{reference}",
                        "/api/v1/sessions/{id}", "/api/v1/webhooks/{id}")))
                // A service cannot document another's path.
                .body("paths.'/api/v1/programmes'.get.summary", equalTo(null))
                .body("tags.name", equalTo(List.of("applications", "catalogue", "scheduling", "webhooks")))
                .body("info.version", equalTo("2.2.0"))
                .body("info.contact.email", equalTo("api@mathshubs.example"))
                .body("info.license.identifier", equalTo("Apache-2.0"))
                // Its server is the address it was asked at: a client generated from it calls this gateway.
                .body("servers[0].url", org.hamcrest.Matchers.startsWith("http://localhost:"))
                // What the gateway itself may answer, on every operation, as problems.
                .body("paths.'/api/v1/sessions/{id}'.get.responses.'429'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/programmes'.get.responses.'503'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    void schemasWithOneNameButDifferentMeaningsAreKeptApart() {
        given().get("/openapi").then()
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", not(hasKey("CatalogueProblem")))
                .body("components.schemas.View.description", equalTo("catalogue's view"))
                .body("components.schemas.ApplicationsView.description", equalTo("applications's view"))
                .body("paths.'/api/v1/applications/{reference}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ApplicationsView"))
                .body("paths.'/api/v1/sessions/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/SchedulingView"));
    }

    @Test
    void swaggerUiShowsIt() {
        given().get("/q/swagger-ui/index.html").then().statusCode(200).body(containsString("url: '/openapi'"));
    }
}
