package uk.mathshubs.webhooks;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.testsupport.EventPublisher;

/** Work Groups and subscriptions as the tests need them: events on the real broker, requests to the real API. */
final class Fixtures {

    private Fixtures() {
    }

    /** A Work Group of {@code hub} whose decisions are released on {@code confirmationDate}, announced by the catalogue. */
    static UUID workGroup(EventPublisher events, String hub, LocalDate confirmationDate) {
        UUID id = UUID.randomUUID();
        events.publish(EventType.WORK_GROUP_PUBLISHED, id, workGroupPayload(id, hub, confirmationDate, 1));
        return id;
    }

    static WorkGroupPayload workGroupPayload(UUID id, String hub, LocalDate confirmationDate, long revision) {
        Instant now = Instant.now();
        return new WorkGroupPayload(id, "MN_KS2", "Mastering Number at KS2", "MN_KS2", List.of("LEAD_TEACHER"), hub, "2026/27",
                20, "FIRST_COME_FIRST_SERVED", "OPEN", now.minusSeconds(86_400), now.plusSeconds(86_400), confirmationDate,
                revision);
    }

    /** A subscription made in a test: its id, its secret, and the token of the client that owns it. */
    record Subscribed(String id, String secret, String owner) {
    }

    static Subscribed subscribe(String token, String url, String... types) {
        Response response = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(java.util.Map.of("url", url, "eventTypes", List.of(types)))
                .post("/api/v1/webhooks");
        response.then().statusCode(201);
        return new Subscribed(response.path("subscription.id"), response.path("secret"), token);
    }

    /** A hub of the test's own: what other tests leave held at their hubs is not told to its subscriptions. */
    static String hubOfItsOwn() {
        return "H" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String urn() {
        return String.valueOf(100_000 + (int) (Math.random() * 899_999));
    }
}
