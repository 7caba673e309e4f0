package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.TestTokens;

/** Links name the public address the gateway states (X-Forwarded-Host and -Proto), never the service's own. */
@QuarkusTest
class PublicLinksTest {

    @Test
    void theLocationOfANewWorkGroupIsAtTheGatewaysAddress() {
        String hub = Fixtures.newHub();
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .header("X-Forwarded-Host", "api.mathshubs.example").header("X-Forwarded-Proto", "https")
                .body(Fixtures.workGroup(hub, "2027/28"))
                .post("/api/v1/work-groups")
                .then().statusCode(201).header("Location", startsWith("https://api.mathshubs.example/api/v1/work-groups/"));
    }
}
