package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.mathshubs.applications.allocation.Offers;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

/** "A place given up goes to the next school waiting": offers, holds that expire, and the decisions around them. */
@QuarkusTest
class WaitingListTest {

    private static final String HUB = "CENTRAL";

    @Inject
    TestClock clock;

    @Inject
    Offers offers;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aWithdrawnPlaceIsOfferedInTurnAndAnOfferNotTakenUpExpiresToTheNextSchool() {
        UUID group = WorkGroups.openGroup(HUB, 1);
        Applicant first = apply(group);
        Applicant second = apply(group);
        Applicant third = apply(group);
        second.read().body("status", equalTo("WAITLISTED")).body("waitingListPosition", equalTo(1));
        third.read().body("status", equalTo("WAITLISTED")).body("waitingListPosition", equalTo(2));

        try (TopicProbe topic = new TopicProbe(Topics.APPLICATIONS)) {
            // The school with the place withdraws: the first school waiting is offered it, held for 48 hours.
            given().header("Application-Secret", first.secret()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "Our Year 2 teacher is leaving"))
                    .post("/api/v1/applications/{ref}/withdrawal", first.reference())
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
            Instant offeredUntil = Instant.parse(second.read().body("status", equalTo("OFFERED")).extract().path("offerExpiresAt"));
            assertThat(offeredUntil).isBetween(clock.instant().plus(Duration.ofHours(47)), clock.instant().plus(Duration.ofHours(48)));
            third.read().body("status", equalTo("WAITLISTED")).body("waitingListPosition", equalTo(1));

            // Still inside the hold: nothing expires.
            clock.advance(Duration.ofHours(47));
            assertThat(offers.expire()).isZero();
            second.read().body("status", equalTo("OFFERED"));

            // Past it: the offer expires and the place goes to the next school.
            clock.advance(Duration.ofHours(2));
            assertThat(offers.expire()).as("offers expired, this one among them").isPositive();
            second.read().body("status", equalTo("EXPIRED")).body("offerExpiresAt", nullValue());
            third.read().body("status", equalTo("OFFERED")).body("waitingListPosition", nullValue());

            given().header("Application-Secret", second.secret()).post("/api/v1/applications/{ref}/offer/acceptance", second.reference())
                    .then().statusCode(409).contentType("application/problem+json");
            given().header("Application-Secret", third.secret()).post("/api/v1/applications/{ref}/offer/acceptance", third.reference())
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll())
                    .extracting(TopicProbe.Received::type)
                    .contains(EventType.APPLICATION_WITHDRAWN.type(), EventType.APPLICATION_OFFER_MADE.type(),
                            EventType.APPLICATION_OFFER_EXPIRED.type(), EventType.APPLICATION_ACCEPTED.type()));
            // The third school moved up the list when the second was offered the place: the other services hear of it.
            // (The topic holds other tests' events too: this waits for this school's.)
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll())
                    .filteredOn(event -> event.type().equals(EventType.APPLICATION_WAITING_LIST_MOVED.type())
                            && event.payload().contains(third.reference()))
                    .singleElement().satisfies(moved -> assertThat(moved.payload()).contains("\"position\":1")));
        }
        placesAllocated(group, 1);
    }

    @Test
    void aDeclinedOfferAndARejectedPlaceBothPassToTheNextSchool() {
        UUID group = WorkGroups.openGroup(HUB, 1);
        Applicant first = apply(group);
        Applicant second = apply(group);
        Applicant third = apply(group);

        given().auth().oauth2(TestTokens.hubAdmin(HUB)).contentType(ContentType.JSON).body(Map.of("decision", "REJECT"))
                .post("/api/v1/applications/{ref}/decision", first.reference())
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "The school is closing in July"))
                .post("/api/v1/applications/{ref}/decision", first.reference())
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        second.read().body("status", equalTo("OFFERED"));

        given().header("Application-Secret", second.secret()).post("/api/v1/applications/{ref}/offer/decline", second.reference())
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        third.read().body("status", equalTo("OFFERED"));
        placesAllocated(group, 1);
    }

    @Test
    void theHubCannotGiveAPlaceThatIsNotThereAndAnOverrideNeedsAReason() {
        UUID group = WorkGroups.openGroup(HUB, 1);
        apply(group);
        Applicant waiting = apply(group);

        decide(waiting, Map.of("decision", "ACCEPT")).statusCode(400).body("errors[0].field", equalTo("reason"));
        decide(waiting, Map.of("decision", "ACCEPT", "reason", "Sister school of the lead school"))
                .statusCode(409).contentType("application/problem+json");
        waiting.read().body("status", equalTo("WAITLISTED"));

        // A place added by the catalogue goes to the school waiting, as an offer.
        WorkGroups.publish(new WorkGroups.Spec(group, "MN_RKS1", HUB, 2, "FIRST_COME_FIRST_SERVED", "OPEN", LocalDate.now(), 3));
        waiting.read().body("status", equalTo("OFFERED"));
    }

    @Test
    void schoolsHearTheDecisionOnTheConfirmationDateAndTheHubSeesItAtOnce() {
        UUID group = WorkGroups.publish(WorkGroups.spec(HUB, 1).confirmedOn(LocalDate.now().plusDays(10)));
        Applicant school = apply(group);

        school.read().body("status", equalTo("SUBMITTED")).body("decisionDate", equalTo(LocalDate.now().plusDays(10).toString()));
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/applications/{ref}", school.reference())
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        clock.advance(Duration.ofDays(11));
        school.read().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void beforeTheConfirmationDateAFreedPlaceGoesToTheNextSchoolWithoutAnOffer() {
        UUID group = WorkGroups.publish(WorkGroups.spec(HUB, 1).confirmedOn(LocalDate.now().plusDays(10)));
        Applicant first = apply(group);
        Applicant second = apply(group);
        Applicant third = apply(group);
        Allocations.settled(group);

        given().header("Application-Secret", first.secret()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/applications/{ref}/withdrawal", first.reference()).then().statusCode(200);

        // Nobody has been told anything yet: no offer to answer within 48 hours, the place is simply the next school's.
        asHub(second).body("status", equalTo("ACCEPTED")).body("offerExpiresAt", nullValue());
        asHub(third).body("status", equalTo("WAITLISTED")).body("waitingListPosition", equalTo(1));
        second.read().body("status", equalTo("SUBMITTED"));
        placesAllocated(group, 1);

        clock.advance(Duration.ofDays(11));
        second.read().body("status", equalTo("ACCEPTED"));
    }

    private static ValidatableResponse asHub(Applicant applicant) {
        return given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/applications/{ref}", applicant.reference())
                .then().statusCode(200);
    }

    @Test
    void priorityRulesAllocateAtCloseNewcomersToTeachingForMasteryFirst() {
        WorkGroups.Spec spec = WorkGroups.spec(HUB, 2).byPriority();
        UUID group = WorkGroups.publish(spec);
        String trgSchool = Schools.urn();
        String newcomer1 = Schools.urn();
        String newcomer2 = Schools.urn();
        String independent = Schools.urn();
        Schools.register(Schools.primary(trgSchool), Schools.primary(newcomer1), Schools.primary(newcomer2),
                Schools.independent(independent));
        Schools.history(trgSchool + ",TFM_DEV,2024/25,COMPLETED");

        Applicant early = apply(group, trgSchool);
        Applicant second = apply(group, newcomer1);
        Applicant third = apply(group, newcomer2);
        Applicant refused = apply(group, independent);
        early.read().body("status", equalTo("SUBMITTED"));
        refused.read().body("status", equalTo("INELIGIBLE"));

        WorkGroups.publish(spec.closed());
        Allocations.settled(group);

        second.read().body("status", equalTo("ACCEPTED"));
        third.read().body("status", equalTo("ACCEPTED"));
        early.read().body("status", equalTo("WAITLISTED")).body("waitingListPosition", equalTo(1))
                .body("eligibility.priority", equalTo(1));
        refused.read().body("status", equalTo("INELIGIBLE"));
        placesAllocated(group, 2);
    }

    private static ValidatableResponse decide(Applicant applicant, Map<String, Object> decision) {
        return given().auth().oauth2(TestTokens.hubAdmin(HUB)).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/applications/{ref}/decision", applicant.reference()).then();
    }

    private static void placesAllocated(UUID group, int places) {
        List<String> statuses = given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(200).extract().path("items.status");
        assertThat(statuses.stream().filter(s -> s.equals("ACCEPTED") || s.equals("OFFERED"))).hasSize(places);
    }

    private static Applicant apply(UUID group) {
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        return apply(group, urn);
    }

    /** Applies, and waits for the allocator as a hub admin would. */
    private static Applicant apply(UUID group, String urn) {
        var submitted = given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON)
                .body(ApplicationForms.valid(urn)).post("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(201).extract();
        Allocations.settled(group);
        return new Applicant(submitted.path("reference"), submitted.path("secret"));
    }

    /** A school that applied, reading its application as schools do: by reference and secret. */
    record Applicant(String reference, String secret) {
        ValidatableResponse read() {
            return given().header("Application-Secret", secret).get("/api/v1/applications/{ref}", reference).then().statusCode(200);
        }
    }
}
