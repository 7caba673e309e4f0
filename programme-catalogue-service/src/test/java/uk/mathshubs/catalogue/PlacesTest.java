package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.TestTokens;

/** Places given are announced by the applications service; the catalogue counts them from its events. */
@QuarkusTest
class PlacesTest {

    @Test
    void placesLeftFollowTheApplicationsServiceAndCapacityCannotDropBelowThem() {
        String hub = "PLACES_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", hub + " Maths Hub", "contactEmail", "hub@example.org", "region", "London"))
                .put("/api/v1/hubs/{code}", hub).then().statusCode(201);
        Map<String, Object> request = new HashMap<>(Map.of("programmeCode", "TFM_DEV", "hubCode", hub, "academicYear", "2027/28",
                "capacity", 2, "lead", "Mastery Specialist", "allocationPolicy", "FIRST_COME_FIRST_SERVED",
                "applicationWindow", Map.of("opensAt", "2026-11-01T09:00:00Z", "closesAt", "2099-03-03T17:00:00Z",
                        "confirmationDate", "2099-03-09")));
        String id = given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(request)
                .post("/api/v1/work-groups").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .put("/api/v1/work-groups/{id}/status", id).then().statusCode(200);

        UUID group = UUID.fromString(id);
        try (EventPublisher events = new EventPublisher()) {
            String accepted = events.publish(EventType.APPLICATION_ACCEPTED, UUID.randomUUID(), accepted(group, "100001"));
            events.publish(EventType.APPLICATION_ACCEPTED, UUID.randomUUID(), accepted(group, "100001"), accepted); // redelivered
            events.publish(EventType.APPLICATION_ACCEPTED, UUID.randomUUID(), accepted(group, "100002"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/work-groups/{id}", id)
                .then().statusCode(200).body("placesLeft", equalTo(0)));
        given().get("/api/v1/work-groups?hub={hub}&hasPlaces=true", hub).then().body("items.id", not(hasItem(id)));

        request.put("capacity", 1);
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(request)
                .put("/api/v1/work-groups/{id}", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Capacity below places given"));

        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.APPLICATION_WITHDRAWN, UUID.randomUUID(),
                    new ApplicationWithdrawn(UUID.randomUUID(), "MH-AAAA-BBBB", group, "100002", true, Instant.now(), "STAFF_CHANGES"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/work-groups?hub={hub}&hasPlaces=true", hub)
                .then().body("items.id", hasItem(id)).body("items[0].placesLeft", equalTo(1)));

        // A hub rejecting a school frees a place only if the school held one.
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.APPLICATION_REJECTED, UUID.randomUUID(), new ApplicationRejected(UUID.randomUUID(),
                    "MH-CCCC-DDDD", group, "100003", false, "Not in England", Instant.now(), "NOT_ELIGIBLE"));
            events.publish(EventType.APPLICATION_REJECTED, UUID.randomUUID(), new ApplicationRejected(UUID.randomUUID(),
                    "MH-AAAA-CCCC", group, "100001", true, "Joined another Work Group", Instant.now(), "OTHER"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/work-groups/{id}", id)
                .then().body("placesLeft", equalTo(2)));
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(request)
                .put("/api/v1/work-groups/{id}", id).then().statusCode(200).body("capacity", equalTo(1)).body("placesLeft", equalTo(1));
    }

    private static ApplicationAccepted accepted(UUID group, String urn) {
        return new ApplicationAccepted(UUID.randomUUID(), "MH-" + urn, group, "ANY", "TFM_DEV", "2027/28", urn, "School " + urn,
                List.of(new ApplicationAccepted.Participant(UUID.randomUUID(), "TEACHER", "Terry Teacher", "t@school.example", "1234567")),
                Instant.now());
    }
}
