package uk.mathshubs.webhooks;

import static uk.mathshubs.testsupport.AuthorizationMatrix.OWN_HUB;
import static uk.mathshubs.testsupport.AuthorizationMatrix.row;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.AuthorizationMatrix;
import uk.mathshubs.testsupport.TestTokens;

/**
 * Every endpoint of the webhooks service against every kind of caller. Statuses in the order: anonymous, programme
 * admin, hub admin (own hub), hub admin (other hub), hub website (own hub), hub website (other hub), NCETM integration,
 * trust lead (own trust), trust lead (other trust). The subscription is the own hub's website's: only that client
 * sees it; to any other it does not exist.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String SUBSCRIBE = """
            {"url": "http://127.0.0.1:9/hooks", "eventTypes": ["session.moved"]}""";

    @TestFactory
    Stream<DynamicNode> whoMayDoWhat() {
        String own = Fixtures.subscribe(TestTokens.hubWebsite(OWN_HUB), "http://127.0.0.1:9/hooks", "session.moved").id();
        return AuthorizationMatrix.tests(List.of(
                row("GET /webhooks/event-types", "200 200 200 200 200 200 200 200 200", spec -> spec.get("/api/v1/webhooks/event-types")),
                row("POST /webhooks", "401 403 403 403 201 201 201 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(SUBSCRIBE).post("/api/v1/webhooks")),
                row("GET /webhooks", "401 403 403 403 200 200 200 403 403", spec -> spec.get("/api/v1/webhooks")),
                row("GET /webhooks/{id}", "401 403 403 403 200 404 404 403 403", spec -> spec.get("/api/v1/webhooks/{id}", own)),
                row("POST /webhooks/{id}/secret", "401 403 403 403 200 404 404 403 403",
                        spec -> spec.post("/api/v1/webhooks/{id}/secret", own)),
                row("GET /webhooks/{id}/deliveries", "401 403 403 403 200 404 404 403 403",
                        spec -> spec.get("/api/v1/webhooks/{id}/deliveries", own)),
                row("POST /webhooks/{id}/deliveries/{d}/redelivery (no such delivery)", "401 403 403 403 404 404 404 403 403",
                        spec -> spec.post("/api/v1/webhooks/{id}/deliveries/{d}/redelivery", own, UUID.randomUUID())),
                row("DELETE /webhooks/{id}", "401 403 403 403 204 404 404 403 403", spec -> spec.delete("/api/v1/webhooks/{id}",
                        Fixtures.subscribe(TestTokens.hubWebsite(OWN_HUB), "http://127.0.0.1:9/hooks", "session.moved").id())),
                row("GET /audit/webhooks-service", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/audit/webhooks-service"))));
    }
}
