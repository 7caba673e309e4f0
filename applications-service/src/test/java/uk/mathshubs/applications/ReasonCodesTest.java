package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

/**
 * Why schools leave, as codes the NCETM can count: a rejection, a withdrawal and a declined offer each take a code from
 * their list (kept as data) beside the free text; none given is NOT_GIVEN; one not in the list changes nothing.
 */
@QuarkusTest
class ReasonCodesTest {

    private static final String HUB = "CENTRAL";

    @Test
    void anyoneReadsEachListInTheOrderToOfferItAndAnotherServicesKindIsNotHere() {
        given().get("/api/v1/reason-codes/withdrawal").then().statusCode(200)
                .body("kind", equalTo("withdrawal"))
                .body("codes[0].code", equalTo("NOT_GIVEN")).body("codes[0].label", equalTo("No reason given"))
                .body("codes.code", hasItem("STAFF_CHANGES")).body("codes[-1].code", equalTo("OTHER"));
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).get("/api/v1/reason-codes/rejection").then().statusCode(200)
                .body("codes.code", hasItem("NOT_ELIGIBLE"));
        given().get("/api/v1/reason-codes/offer-decline").then().statusCode(200).body("codes.code", hasItem("NO_LONGER_NEEDED"));

        given().get("/api/v1/reason-codes/session-cancellation").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/reason-codes/nonsense").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentShowsOnePathPerKindThisServiceKeeps() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/reason-codes/offer-decline"))
                .body("paths.keySet()", not(hasItem("/api/v1/reason-codes/{kind}")))
                .body("paths.keySet()", not(hasItem("/api/v1/reason-codes/session-cancellation")))
                .body("paths.'/api/v1/reason-codes/offer-decline'.get.operationId", equalTo("ReasonCodes.offerDecline"))
                .body("paths.'/api/v1/reason-codes/withdrawal'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ReasonCodeList"));
    }

    @Test
    void aWithdrawalKeepsItsCodeBesideItsTextAndTellsTheOtherServices() {
        UUID group = WorkGroups.openGroup(HUB, 5);
        Applicant school = apply(group);

        try (TopicProbe topic = new TopicProbe(Topics.APPLICATIONS)) {
            given().header("Application-Secret", school.secret()).contentType(ContentType.JSON)
                    .body(Map.of("reasonCode", "STAFF_CHANGES", "reason", "Our Year 2 teacher is leaving"))
                    .post("/api/v1/applications/{ref}/withdrawal", school.reference())
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("reasonCode", equalTo("STAFF_CHANGES"))
                    .body("decisionReason", equalTo("Our Year 2 teacher is leaving"));
            asHub(school).body("reasonCode", equalTo("STAFF_CHANGES"));
            assertThat(history(school.reference())).containsExactly("ACCEPTED null", "WITHDRAWN STAFF_CHANGES");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll())
                    .filteredOn(event -> event.type().equals(EventType.APPLICATION_WITHDRAWN.type())
                            && event.payload().contains(school.reference()))
                    .singleElement().satisfies(event -> assertThat(event.payload()).contains("\"reasonCode\":\"STAFF_CHANGES\"")));
        }
    }

    @Test
    void aWithdrawalWithoutACodeIsRecordedAsNotGiven() {
        UUID group = WorkGroups.openGroup(HUB, 5);
        Applicant withText = apply(group);
        Applicant withNothing = apply(group);

        given().header("Application-Secret", withText.secret()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Too much on this year"))
                .post("/api/v1/applications/{ref}/withdrawal", withText.reference())
                .then().statusCode(200).body("reasonCode", equalTo("NOT_GIVEN")).body("decisionReason", equalTo("Too much on this year"));
        given().header("Application-Secret", withNothing.secret()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/applications/{ref}/withdrawal", withNothing.reference())
                .then().statusCode(200).body("reasonCode", equalTo("NOT_GIVEN")).body("decisionReason", nullValue());
    }

    @Test
    void aCodeNotInTheListIsRefusedNamingItsFieldAndNothingChanges() {
        UUID group = WorkGroups.openGroup(HUB, 5);
        Applicant school = apply(group);
        retired("withdrawal", "RETIRED_IN_TEST");
        given().get("/api/v1/reason-codes/withdrawal").then().body("codes.code", not(hasItem("RETIRED_IN_TEST")));

        for (String code : List.of("NONSENSE", "staff_changes", "", "NOT_ELIGIBLE", "RETIRED_IN_TEST")) {
            given().header("Application-Secret", school.secret()).contentType(ContentType.JSON)
                    .body(Map.of("reasonCode", code, "reason", "Staff changes"))
                    .post("/api/v1/applications/{ref}/withdrawal", school.reference())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("reasonCode"))
                    .body("errors[0].message", equalTo("is not a withdrawal reason code in use; "
                            + "GET /api/v1/reason-codes/withdrawal lists them"));
        }
        asHub(school).body("status", equalTo("ACCEPTED")).body("reasonCode", nullValue());
        assertThat(history(school.reference())).containsExactly("ACCEPTED null");
    }

    @Test
    void aRejectionTakesACodeAndAnAcceptanceTakesNone() {
        UUID group = WorkGroups.openGroup(HUB, 5);
        Applicant coded = apply(group);
        Applicant uncoded = apply(group);
        Applicant accepted = apply(group);

        try (TopicProbe topic = new TopicProbe(Topics.APPLICATIONS)) {
            decide(coded, Map.of("decision", "REJECT", "reasonCode", "UNHEARD_OF", "reason", "Not in England"))
                    .statusCode(400).body("errors[0].field", equalTo("reasonCode"));
            asHub(coded).body("status", equalTo("ACCEPTED"));

            decide(coded, Map.of("decision", "REJECT", "reasonCode", "NOT_ELIGIBLE", "reason", "The school is in Wales"))
                    .statusCode(200).body("status", equalTo("REJECTED")).body("reasonCode", equalTo("NOT_ELIGIBLE"))
                    .body("decisionReason", equalTo("The school is in Wales"));
            decide(uncoded, Map.of("decision", "REJECT", "reason", "The school is closing in July"))
                    .statusCode(200).body("reasonCode", equalTo("NOT_GIVEN"));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll())
                    .filteredOn(event -> event.type().equals(EventType.APPLICATION_REJECTED.type())
                            && event.payload().contains(coded.reference()))
                    .singleElement().satisfies(event -> assertThat(event.payload()).contains("\"reasonCode\":\"NOT_ELIGIBLE\"")));
        }
        // A code says why a school left; on an acceptance it is refused, not silently dropped.
        decide(accepted, Map.of("decision", "ACCEPT", "reasonCode", "NOT_GIVEN", "reason", "After review"))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reasonCode"));
        assertThat(history(coded.reference())).containsExactly("ACCEPTED null", "REJECTED NOT_ELIGIBLE");
    }

    @Test
    void aDeclinedOfferTakesAnOptionalBodyWithItsCode() throws Exception {
        UUID group = WorkGroups.openGroup(HUB, 1);
        Applicant first = apply(group);
        Applicant second = apply(group);
        Applicant third = apply(group);
        Applicant fourth = apply(group);
        Applicant fifth = apply(group);

        try (TopicProbe topic = new TopicProbe(Topics.APPLICATIONS)) {
            given().header("Application-Secret", first.secret()).contentType(ContentType.JSON).body(Map.of())
                    .post("/api/v1/applications/{ref}/withdrawal", first.reference()).then().statusCode(200);
            second.read().body("status", equalTo("OFFERED"));
            given().header("Application-Secret", second.secret()).contentType(ContentType.JSON).body(Map.of("reasonCode", "LATER"))
                    .post("/api/v1/applications/{ref}/offer/decline", second.reference())
                    .then().statusCode(400).body("errors[0].field", equalTo("reasonCode"));
            second.read().body("status", equalTo("OFFERED"));

            given().header("Application-Secret", second.secret()).contentType(ContentType.JSON)
                    .body(Map.of("reasonCode", "TIMING", "reason", "The workshops clash with our Year 2 trip"))
                    .post("/api/v1/applications/{ref}/offer/decline", second.reference())
                    .then().statusCode(200).body("status", equalTo("DECLINED")).body("reasonCode", equalTo("TIMING"))
                    .body("decisionReason", equalTo("The workshops clash with our Year 2 trip"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll())
                    .filteredOn(event -> event.type().equals(EventType.APPLICATION_OFFER_DECLINED.type())
                            && event.payload().contains(second.reference()))
                    .singleElement().satisfies(event -> assertThat(event.payload()).contains("\"reasonCode\":\"TIMING\"")));
        }
        // No body, as before reason codes (REST Assured labels an empty POST as a form): recorded as not given.
        third.read().body("status", equalTo("OFFERED"));
        given().header("Application-Secret", third.secret()).post("/api/v1/applications/{ref}/offer/decline", third.reference())
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("reasonCode", equalTo("NOT_GIVEN"));
        // No body and no Content-Type (curl -X POST): the same.
        fourth.read().body("status", equalTo("OFFERED"));
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + "/api/v1/applications/" + fourth.reference() + "/offer/decline"))
                .header("Application-Secret", fourth.secret()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(plain.body()).contains("\"reasonCode\":\"NOT_GIVEN\"");
        // A JSON body without a code: the same.
        fifth.read().body("status", equalTo("OFFERED"));
        given().header("Application-Secret", fifth.secret()).contentType(ContentType.JSON).body(Map.of("reason", "Not this year"))
                .post("/api/v1/applications/{ref}/offer/decline", fifth.reference())
                .then().statusCode(200).body("reasonCode", equalTo("NOT_GIVEN")).body("decisionReason", equalTo("Not this year"));
    }

    /** A code taken out of use: kept for what was recorded with it, no longer listed or taken. */
    private static void retired(String kind, String code) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("""
                INSERT INTO reason_code (kind, code, label, position, retired) VALUES (:kind, :code, 'Retired in a test', 8, true)
                ON CONFLICT DO NOTHING""").setParameter("kind", kind).setParameter("code", code).executeUpdate());
    }

    /** The application's steps after it was received: each status and its code. */
    private static List<String> history(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery("""
                SELECT d.to_status || ' ' || coalesce(d.reason_code, 'null') FROM application_decision d
                JOIN application a ON a.id = d.application_id WHERE a.reference = :reference AND d.from_status IS NOT NULL
                ORDER BY d.id""", String.class).setParameter("reference", reference).getResultList());
    }

    private static ValidatableResponse decide(Applicant applicant, Map<String, Object> decision) {
        return given().auth().oauth2(TestTokens.hubAdmin(HUB)).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/applications/{ref}/decision", applicant.reference()).then();
    }

    private static ValidatableResponse asHub(Applicant applicant) {
        return given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/applications/{ref}", applicant.reference())
                .then().statusCode(200);
    }

    private static Applicant apply(UUID group) {
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
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
