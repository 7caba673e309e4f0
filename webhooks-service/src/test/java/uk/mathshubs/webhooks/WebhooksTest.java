package uk.mathshubs.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.mathshubs.webhooks.Fixtures.subscribe;
import static uk.mathshubs.webhooks.Fixtures.urn;
import static uk.mathshubs.webhooks.Fixtures.workGroup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationOffered;
import uk.mathshubs.contracts.applications.ApplicationOfferEnded;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.contracts.scheduling.SessionPayload;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.WebhookReceiver;
import uk.mathshubs.testsupport.WebhookReceiver.Received;
import uk.mathshubs.testsupport.WebhookReceiver.Reply;

/**
 * Webhooks end to end inside the service: events on the real broker, subscriptions through the API, deliveries to a
 * real HTTP receiver that checks every signature as the specification says, independently of the sender's code.
 */
@QuarkusTest
class WebhooksTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HUB = "CENTRAL";
    private static final String OTHER_HUB = "SHAW";
    private static final LocalDate RELEASED = LocalDate.now().minusDays(1);

    private static WebhookReceiver receiver;
    private static EventPublisher events;

    @Inject
    TestClock clock;

    @Inject
    uk.mathshubs.webhooks.delivery.DeliveryQueue queue;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        events = new EventPublisher();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        events.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String path() {
        return "/hooks/" + UUID.randomUUID();
    }

    private static ApplicationSubmitted submitted(UUID application, UUID workGroup, String hub) {
        return new ApplicationSubmitted(application, "MH-" + application.toString().substring(0, 8).toUpperCase(), workGroup, hub,
                urn(), "A school", Instant.now());
    }

    private static ApplicationAccepted accepted(UUID application, UUID workGroup) {
        return new ApplicationAccepted(application, "MH-" + application.toString().substring(0, 8).toUpperCase(), workGroup, HUB,
                "MN_KS2", "2026/27", urn(), "A school",
                List.of(new ApplicationAccepted.Participant(UUID.randomUUID(), "LEAD_TEACHER", "Ada Lovelace", "ada@school.example", null)),
                Instant.now());
    }

    @Test
    void aSubscriberOfAHubIsToldOfItsHubOnlyTheNcetmOfEveryHubEachMessageSigned() {
        String own = path();
        String other = path();
        String national = path();
        var ownHub = subscribe(TestTokens.hubWebsite(HUB), receiver.url(own), "application.received");
        var otherHub = subscribe(TestTokens.hubWebsite(OTHER_HUB), receiver.url(other), "application.received");
        var ncetm = subscribe(TestTokens.ncetmIntegration(), receiver.url(national), "application.received");
        assertThat(ownHub.secret()).startsWith("whsec_");

        UUID group = workGroup(events, HUB, RELEASED);
        UUID application = UUID.randomUUID();
        events.publish(EventType.APPLICATION_SUBMITTED, application, submitted(application, group, HUB));

        await().atMost(PATIENCE).until(() -> receiver.received(own).size() == 1 && receiver.received(national).size() == 1);
        Received message = receiver.received(own).getFirst();
        assertThat(message.signedWith(ownHub.secret())).as("signed with the subscription's secret").isTrue();
        assertThat(message.signedWith(otherHub.secret())).isFalse();
        assertThat(receiver.received(national).getFirst().signedWith(ncetm.secret())).isTrue();
        assertThat(message.type()).isEqualTo("application.received");
        assertThat(message.data().path("applicationId").asText()).isEqualTo(application.toString());
        assertThat(message.data().path("links").path("application").asText()).startsWith("http://localhost:8080/api/v1/applications/MH-");
        // The same message has the same webhook-id wherever it goes: the receiver's key for dropping a repeat.
        assertThat(receiver.received(national).getFirst().id()).isEqualTo(message.id());
        assertThat(message.body()).doesNotContain("A school");

        // Nothing of another hub, ever.
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> receiver.received(other).isEmpty());
    }

    @Test
    void aDecisionIsHeldUntilItsConfirmationDateAndOneOvertakenByAWithdrawalIsNeverSent() {
        String hook = path();
        String hub = Fixtures.hubOfItsOwn();
        var subscription = subscribe(TestTokens.hubWebsite(hub), receiver.url(hook), "application.decision-released",
                "application.withdrawn");
        LocalDate confirmation = LocalDate.now().plusDays(30);
        UUID group = workGroup(events, hub, confirmation);
        UUID kept = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        events.publish(EventType.APPLICATION_ACCEPTED, kept, accepted(kept, group));
        events.publish(EventType.APPLICATION_ACCEPTED, withdrawn, accepted(withdrawn, group));

        await().atMost(PATIENCE).until(() -> deliveries(subscription).size() == 2);
        assertThat(deliveries(subscription)).allSatisfy(d -> {
            assertThat(d.get("status")).isEqualTo("PENDING");
            assertThat(d.get("nextAttemptAt")).isEqualTo(uk.mathshubs.kit.mail.UkDates.startOf(confirmation).toString());
        });

        // A website cannot have a held decision sent early by asking for it again.
        given().auth().oauth2(subscription.owner())
                .post("/api/v1/webhooks/{id}/deliveries/{d}/redelivery", subscription.id(), deliveries(subscription).getFirst().get("id"))
                .then().statusCode(409);
        given().auth().oauth2(subscription.owner()).get("/api/v1/webhooks/{id}/deliveries?status=SENT", subscription.id())
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        events.publish(EventType.APPLICATION_WITHDRAWN, withdrawn,
                new ApplicationWithdrawn(withdrawn, "MH-W", group, urn(), true, Instant.now(), "NOT_GIVEN"));
        await().atMost(PATIENCE).until(() -> receiver.received(hook).size() == 1);
        assertThat(receiver.received(hook).getFirst().type()).isEqualTo("application.withdrawn");

        // The confirmation date comes: the decision still standing goes, the one overtaken never does.
        clock.set(uk.mathshubs.kit.mail.UkDates.startOf(confirmation).plusSeconds(1));
        await().atMost(PATIENCE).until(() -> receiver.received(hook).size() == 2);
        Received decision = receiver.received(hook).get(1);
        assertThat(decision.type()).isEqualTo("application.decision-released");
        assertThat(decision.data().path("applicationId").asText()).isEqualTo(kept.toString());
        assertThat(decision.data().path("decision").asText()).isEqualTo("accepted");
        assertThat(decision.body()).doesNotContain("Ada", "ada@school.example");
        assertThat(decision.signedWith(subscription.secret())).isTrue();
        assertThat(deliveries(subscription)).extracting(d -> d.get("status")).contains("SUPERSEDED");
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> receiver.received(hook).size() == 2);
    }

    @Test
    void aSubscriptionMadeBeforeTheReleaseIsToldOfTheDecisionsMadeBeforeIt() {
        LocalDate confirmation = LocalDate.now().plusDays(20);
        String hub = Fixtures.hubOfItsOwn();
        UUID group = workGroup(events, hub, confirmation);
        UUID early = UUID.randomUUID();
        UUID withdrawnEarly = UUID.randomUUID();
        // Decided before anyone subscribed to decisions at that hub; one of them overtaken by a withdrawal.
        events.publish(EventType.APPLICATION_ACCEPTED, early, accepted(early, group));
        events.publish(EventType.APPLICATION_ACCEPTED, withdrawnEarly, accepted(withdrawnEarly, group));
        events.publish(EventType.APPLICATION_WITHDRAWN, withdrawnEarly,
                new ApplicationWithdrawn(withdrawnEarly, "MH-E", group, urn(), true, Instant.now(), "NOT_GIVEN"));
        await().atMost(PATIENCE).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM message WHERE work_group_id = :g AND superseded")
                        .setParameter("g", group).getSingleResult()).intValue() == 1));

        String hook = path();
        var subscription = subscribe(TestTokens.hubWebsite(hub), receiver.url(hook), "application.decision-released");
        assertThat(deliveries(subscription)).singleElement().satisfies(d -> assertThat(d.get("nextAttemptAt"))
                .isEqualTo(uk.mathshubs.kit.mail.UkDates.startOf(confirmation).toString()));
        clock.set(uk.mathshubs.kit.mail.UkDates.startOf(confirmation).plusSeconds(1));
        await().atMost(PATIENCE).until(() -> receiver.received(hook).size() == 1);
        assertThat(receiver.received(hook).getFirst().data().path("applicationId").asText()).isEqualTo(early.toString());
        assertThat(receiver.received(hook).getFirst().signedWith(subscription.secret())).isTrue();
    }

    @Test
    void aFailingReceiverIsRetriedAfter500sAndTimeoutsAndItsMessagesArriveInOrderPerSubject() {
        String hook = path();
        var subscription = subscribe(TestTokens.hubWebsite(HUB), receiver.url(hook), "session.scheduled", "session.moved",
                "session.cancelled");
        // The first attempt is refused, the second hangs past the sender's timeout (2 s in tests), the third is a 503.
        receiver.script(hook, Reply.status(500), Reply.hang(Duration.ofSeconds(4)), Reply.status(503));
        UUID group = workGroup(events, HUB, RELEASED);
        UUID session = UUID.randomUUID();
        List<EventType> changes = List.of(EventType.SESSION_SCHEDULED, EventType.SESSION_RESCHEDULED, EventType.SESSION_RESCHEDULED,
                EventType.SESSION_CANCELLED);
        for (int i = 0; i < changes.size(); i++) {
            events.publish(changes.get(i), session, sessionPayload(session, group, i + 1));
        }

        await().atMost(PATIENCE).until(() -> receiver.received(hook).stream().map(Received::id).distinct().count() == 4
                && deliveries(subscription).stream().allMatch(d -> d.get("status").equals("DELIVERED")));
        List<Received> got = receiver.received(hook);
        // The first message three times before it got through, and no later one before it did.
        assertThat(got).extracting(r -> r.data().path("sequence").asInt()).containsExactly(1, 1, 1, 1, 2, 3, 4);
        assertThat(got).extracting(Received::type).containsSubsequence("session.scheduled", "session.moved", "session.moved",
                "session.cancelled");
        assertThat(got).allSatisfy(r -> assertThat(r.signedWith(subscription.secret())).isTrue());
        assertThat(got.subList(0, 4)).extracting(Received::id).containsOnly(got.getFirst().id());
        Map<String, Object> first = deliveries(subscription).getLast();
        assertThat(first.get("attempts")).isEqualTo(4);
        assertThat(first.get("lastStatusCode")).isEqualTo(200);
    }

    @Test
    void aReceiverThatAnswers410IsSwitchedOff() {
        String hook = path();
        var subscription = subscribe(TestTokens.hubWebsite(HUB), receiver.url(hook), "application.received");
        receiver.script(hook, Reply.status(410));
        UUID group = workGroup(events, HUB, RELEASED);
        UUID application = UUID.randomUUID();
        events.publish(EventType.APPLICATION_SUBMITTED, application, submitted(application, group, HUB));

        await().atMost(PATIENCE).until(() -> "DISABLED".equals(subscription(subscription).get("status")));
        assertThat((String) subscription(subscription).get("disabledReason")).contains("410");
        UUID next = UUID.randomUUID();
        events.publish(EventType.APPLICATION_SUBMITTED, next, submitted(next, group, HUB));
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> receiver.received(hook).size() == 1);
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).post("/api/v1/webhooks/{id}/deliveries/{d}/redelivery",
                subscription.id(), deliveries(subscription).getLast().get("id")).then().statusCode(409);
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGraceEnds() {
        String hook = path();
        var subscription = subscribe(TestTokens.ncetmIntegration(), receiver.url(hook), "application.offer-made");
        String rotated = given().auth().oauth2(TestTokens.ncetmIntegration())
                .post("/api/v1/webhooks/{id}/secret", subscription.id())
                .then().statusCode(200).body("secret", startsWith("whsec_")).extract().path("secret");
        assertThat(rotated).isNotEqualTo(subscription.secret());

        UUID group = workGroup(events, OTHER_HUB, RELEASED);
        UUID application = UUID.randomUUID();
        events.publish(EventType.APPLICATION_OFFER_MADE, application,
                new ApplicationOffered(application, "MH-O", group, urn(), Instant.now().plus(Duration.ofDays(5))));
        await().atMost(PATIENCE).until(() -> receiver.received(hook).size() == 1);
        Received message = receiver.received(hook).getFirst();
        assertThat(message.signedWith(rotated)).isTrue();
        assertThat(message.signedWith(subscription.secret())).as("the old secret, within its grace").isTrue();
        assertThat(message.headers().get("webhook-signature").split(" ")).hasSize(2);
    }

    @Test
    void anOffersReminderGoesBeforeItExpiresUnlessTheOfferEndsFirst() {
        String hook = path();
        String hub = Fixtures.hubOfItsOwn();
        var subscription = subscribe(TestTokens.hubWebsite(hub), receiver.url(hook), "application.offer-expiring",
                "application.offer-ended");
        UUID group = workGroup(events, hub, RELEASED);
        UUID open = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        Instant expires = Instant.now().plus(Duration.ofDays(3));
        events.publish(EventType.APPLICATION_OFFER_MADE, open, new ApplicationOffered(open, "MH-A", group, urn(), expires));
        events.publish(EventType.APPLICATION_OFFER_MADE, declined, new ApplicationOffered(declined, "MH-B", group, urn(), expires));
        events.publish(EventType.APPLICATION_OFFER_DECLINED, declined,
                new ApplicationOfferEnded(declined, "MH-B", group, urn(), Instant.now(), "TIMING"));
        await().atMost(PATIENCE).until(() -> receiver.received(hook).size() == 1);
        assertThat(receiver.received(hook).getFirst().type()).isEqualTo("application.offer-ended");

        clock.set(expires.minus(Duration.ofHours(23)));
        await().atMost(PATIENCE).until(() -> receiver.received(hook).size() == 2);
        Received reminder = receiver.received(hook).get(1);
        assertThat(reminder.type()).isEqualTo("application.offer-expiring");
        assertThat(reminder.data().path("applicationId").asText()).isEqualTo(open.toString());
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> receiver.received(hook).size() == 2);
        assertThat(subscription.secret()).isNotBlank();
    }

    @Test
    void aReceiverThatFailsHalfItsCallsLosesNothingAndEveryCallIsSigned() {
        String hook = path();
        var subscription = subscribe(TestTokens.hubWebsite(HUB), receiver.url(hook), "session.scheduled");
        for (int i = 0; i < 100; i++) {
            receiver.script(hook, Reply.status(500), Reply.status(200));
        }
        UUID group = workGroup(events, HUB, RELEASED);
        java.util.Set<String> sessions = new java.util.HashSet<>();
        for (int i = 0; i < 60; i++) {
            UUID session = UUID.randomUUID();
            sessions.add(session.toString());
            events.publish(EventType.SESSION_SCHEDULED, session, sessionPayload(session, group, 1));
        }
        await().atMost(PATIENCE).until(() -> receiver.received(hook).stream().map(r -> r.data().path("sessionId").asText())
                .collect(java.util.stream.Collectors.toSet()).equals(sessions)
                && given().auth().oauth2(TestTokens.hubWebsite(HUB))
                        .get("/api/v1/webhooks/{id}/deliveries?status=DELIVERED&size=100", subscription.id())
                        .then().statusCode(200).extract().jsonPath().getList("items").size() == 60);
        assertThat(receiver.received(hook)).as("every call, the failed ones too, signed").hasSizeGreaterThan(60)
                .allSatisfy(r -> assertThat(r.signedWith(subscription.secret())).isTrue());
    }

    @Test
    void aSlowReceiverHoldsUpOnlyItself() {
        String slow = path();
        String quick = path();
        subscribe(TestTokens.ncetmIntegration(), receiver.url(slow), "session.scheduled");
        subscribe(TestTokens.hubWebsite(HUB), receiver.url(quick), "session.scheduled");
        for (int i = 0; i < 20; i++) {
            receiver.script(slow, Reply.hang(Duration.ofSeconds(10)));
        }
        UUID group = workGroup(events, HUB, RELEASED);
        Instant start = Instant.now();
        for (int i = 0; i < 20; i++) {
            UUID session = UUID.randomUUID();
            events.publish(EventType.SESSION_SCHEDULED, session, sessionPayload(session, group, 1));
        }
        await().atMost(PATIENCE).until(() -> receiver.received(quick).size() == 20);
        // Every quick delivery arrived within a few seconds of the first event, while the slow receiver hung on each.
        assertThat(Duration.between(start, receiver.received(quick).getLast().at())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aDeliveryCanBeSentAgainWithTheSameId() {
        String hook = path();
        var subscription = subscribe(TestTokens.hubWebsite(HUB), receiver.url(hook), "application.withdrawn");
        UUID group = workGroup(events, HUB, RELEASED);
        UUID application = UUID.randomUUID();
        events.publish(EventType.APPLICATION_WITHDRAWN, application,
                new ApplicationWithdrawn(application, "MH-R", group, urn(), false, Instant.now(), "NOT_GIVEN"));
        await().atMost(PATIENCE).until(() -> receiver.received(hook).size() == 1);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(deliveries(subscription).getFirst().get("status")));

        given().auth().oauth2(TestTokens.hubWebsite(HUB))
                .post("/api/v1/webhooks/{id}/deliveries/{d}/redelivery", subscription.id(), deliveries(subscription).getFirst().get("id"))
                .then().statusCode(202);
        await().atMost(PATIENCE).until(() -> receiver.received(hook).size() == 2);
        assertThat(receiver.received(hook).get(1).id()).isEqualTo(receiver.received(hook).getFirst().id());
        // Another client cannot, nor learn that the subscription exists.
        given().auth().oauth2(TestTokens.hubWebsite(OTHER_HUB))
                .post("/api/v1/webhooks/{id}/deliveries/{d}/redelivery", subscription.id(), deliveries(subscription).getFirst().get("id"))
                .then().statusCode(404);
    }

    @Test
    void theLogForgetsWhatIsOverAfterAMonthAndKeepsWhatIsPending() {
        String hook = path();
        String hub = Fixtures.hubOfItsOwn();
        var subscription = subscribe(TestTokens.hubWebsite(hub), receiver.url(hook), "application.withdrawn",
                "application.decision-released");
        UUID group = workGroup(events, hub, LocalDate.now().plusDays(400));
        UUID withdrawn = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        events.publish(EventType.APPLICATION_WITHDRAWN, withdrawn,
                new ApplicationWithdrawn(withdrawn, "MH-F", group, urn(), false, Instant.now(), "NOT_GIVEN"));
        events.publish(EventType.APPLICATION_ACCEPTED, held, accepted(held, group));
        await().atMost(PATIENCE).until(() -> deliveries(subscription).stream().map(d -> d.get("status")).sorted().toList()
                .equals(List.of("DELIVERED", "PENDING")));

        int forgotten = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> queue.forgetBefore(Instant.now().plus(Duration.ofDays(1))));
        assertThat(forgotten).isPositive();
        assertThat(deliveries(subscription)).extracting(d -> d.get("status")).containsExactly("PENDING");
    }

    @Test
    void subscriptionsAreTheirClientsOwnAndBadOnesAreRefusedNamingTheField() {
        var subscription = subscribe(TestTokens.hubWebsite(HUB), receiver.url(path()), "session.moved");
        given().auth().oauth2(TestTokens.hubWebsite(OTHER_HUB)).get("/api/v1/webhooks/{id}", subscription.id())
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.hubWebsite(OTHER_HUB)).delete("/api/v1/webhooks/{id}", subscription.id())
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).get("/api/v1/webhooks/{id}", subscription.id())
                .then().statusCode(200).body("hubCode", equalTo(HUB)).body("status", equalTo("ACTIVE"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));

        given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("session.moved", "session.teleported")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("eventTypes[1]"));
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://example.org/hook", "eventTypes", List.of("session.moved")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON)
                .body(Map.of("url", "https://user:pass@example.org/hook", "eventTypes", List.of("session.moved")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of()))
                .post("/api/v1/webhooks").then().statusCode(400);

        given().auth().oauth2(TestTokens.hubWebsite(HUB)).delete("/api/v1/webhooks/{id}", subscription.id()).then().statusCode(204);
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).get("/api/v1/webhooks/{id}", subscription.id()).then().statusCode(404);
    }

    static SessionPayload sessionPayload(UUID session, UUID group, int sequence) {
        Instant start = Instant.now().plus(Duration.ofDays(10 + sequence));
        return new SessionPayload(session, group, "MN_KS2", "2026/27", "Session one", "PARTICIPANTS", "IN_PERSON", start,
                start.plus(Duration.ofHours(2)), sequence == 4 ? "CANCELLED" : "SCHEDULED", sequence, null,
                sequence == 4 ? "VENUE_UNAVAILABLE" : null);
    }

    static List<Map<String, Object>> deliveries(Fixtures.Subscribed subscription) {
        return given().auth().oauth2(subscription.owner()).get("/api/v1/webhooks/{id}/deliveries", subscription.id())
                .then().statusCode(200).extract().path("items");
    }

    static Map<String, Object> subscription(Fixtures.Subscribed subscription) {
        return given().auth().oauth2(subscription.owner()).get("/api/v1/webhooks/{id}", subscription.id())
                .then().statusCode(200).extract().path("$");
    }

}
