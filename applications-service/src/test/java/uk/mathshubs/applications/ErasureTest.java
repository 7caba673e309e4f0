package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.testsupport.LogCapture;
import uk.mathshubs.testsupport.PersonalDataScan;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

/** A teacher's right to erasure: by address or TRN, in every table of this service, announced to the others by ids. */
@QuarkusTest
class ErasureTest {

    @Inject
    DataSource dataSource;

    @Test
    void aTeacherOnTwoApplicationsIsErasedEverywhereHereAndTheApplicationsStay() throws Exception {
        String email = "yusuf." + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        String trn = trn();
        String first = apply(WorkGroups.openGroup("CENTRAL", 5), email, trn, trn());
        String second = apply(WorkGroups.openGroup("CENTRAL", 5), email.toUpperCase(), trn, trn());
        await().atMost(Duration.ofSeconds(10)).until(() -> !tablesHolding(email).isEmpty());
        assertThat(tablesHolding(email, trn)).as("before: the person is on the applications, confirmations and events")
                .anyMatch(t -> t.startsWith("public.application_person")).anyMatch(t -> t.startsWith("public.commitment_confirmation"))
                .anyMatch(t -> t.startsWith("public.outbox_event"));

        try (TopicProbe topic = new TopicProbe(Topics.APPLICATIONS)) {
            String erasure = given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("email", email)).post("/api/v1/erasures")
                    .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/erasures/"))
                    .body("applications", equalTo(2)).body("records", equalTo(4)) // a person and a confirmation on each
                    .extract().path("id");

            assertThat(tablesHolding(email, trn)).as("no row holds the address or the TRN").isEmpty();
            for (String reference : List.of(first, second)) {
                given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).get("/api/v1/applications/{ref}", reference)
                        .then().statusCode(200).body("status", equalTo("ACCEPTED"))
                        .body("people.name", hasItem("Erased person")).body("people.name", hasItem("Rita Reception"))
                        .body("people.name", not(hasItem("Yusuf One")));
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll())
                    .filteredOn(event -> event.type().equals(EventType.APPLICATION_PEOPLE_ERASED.type()))
                    .filteredOn(event -> event.payload().contains(first) || event.payload().contains(second))
                    .hasSize(2).allSatisfy(event -> assertThat(event.payload()).contains("participantIds")
                            .doesNotContainIgnoringCase(email).doesNotContain(trn)));
            given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/erasures/{id}", erasure)
                    .then().statusCode(200).body("records", equalTo(4)).body("requestedBy", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void aMainContactIsErasedByTrnAlone() throws Exception {
        String contactTrn = trn();
        String reference = apply(WorkGroups.openGroup("CENTRAL", 5), "yusuf." + UUID.randomUUID() + "@school.example", trn(),
                contactTrn);
        String spaced = contactTrn.substring(0, 3) + " " + contactTrn.substring(3);

        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("trn", spaced)).post("/api/v1/erasures")
                .then().statusCode(202).body("applications", equalTo(1))
                .body("records", equalTo(3)); // the main contact, the maths lead and the maths lead's confirmation

        assertThat(tablesHolding(contactTrn)).isEmpty();
        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).get("/api/v1/applications/{ref}", reference)
                .then().statusCode(200).body("people.name", not(hasItem("Sam Wycherley")));
    }

    @Test
    void anErasureNamesWhomAndOnlyTheNcetmMayAskForOne() {
        String admin = TestTokens.programmeAdmin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/erasures")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("trn", "12")).post("/api/v1/erasures")
                .then().statusCode(400).body("errors[0].field", equalTo("trn"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("email", "not an address")).post("/api/v1/erasures")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).contentType(ContentType.JSON)
                .body(Map.of("email", "x@school.example")).post("/api/v1/erasures").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("email", "x@school.example")).post("/api/v1/erasures")
                .then().statusCode(401);
        given().auth().oauth2(admin).get("/api/v1/erasures/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** Ops reads which erasure ran, for which request and client, and nothing of whom it erased or who asked. */
    @Test
    void theErasuresLogLineNamesTheRequestAndClientAndNoPerson() {
        String email = "yolanda." + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        apply(WorkGroups.openGroup("CENTRAL", 5), email, trn(), trn());

        try (LogCapture log = LogCapture.of("uk.mathshubs.applications.service.Erasures")) {
            given().auth().oauth2(TestTokens.programmeAdmin()).header("X-Request-Id", "erasure-req:9")
                    .contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/erasures")
                    .then().statusCode(202);

            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.getFormattedMessage()).startsWith("Erasure ").doesNotContain(email, "yolanda", "ncetm.admin");
                assertThat(line.getMdc("requestId")).isEqualTo("erasure-req:9");
                assertThat(line.getMdc("clientId")).as("the client the staff member signed in through").isEqualTo("maths-hubs-cli");
            });
        }
    }

    /** An accepted R/KS1 application naming the person as Year 1 lead teacher, and a main contact who is its maths lead. */
    private static String apply(UUID group, String email, String trn, String contactTrn) {
        Map<String, Object> form = ApplicationForms.valid(ApplicationSubmissionTest.urn());
        String contactEmail = "sam." + UUID.randomUUID() + "@school.example";
        form.put("mainContact", Map.of("name", "Sam Wycherley", "email", contactEmail, "trn", contactTrn, "schoolRoles", "Maths lead"));
        form.put("leadTeachers", List.of(
                ApplicationForms.teacher("LEAD_TEACHER_RECEPTION", "Rita Reception", trn()),
                Map.of("role", "LEAD_TEACHER_YEAR_1", "name", "Yusuf One", "email", email, "trn", trn, "schoolRoles", "Class teacher"),
                ApplicationForms.teacher("LEAD_TEACHER_YEAR_2", "Yolanda Two", trn()),
                Map.of("role", "MATHS_LEAD", "name", "Sam Wycherley", "email", contactEmail, "trn", contactTrn,
                        "schoolRoles", "Maths lead")));
        String reference = given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).contentType(ContentType.JSON).body(form)
                .post("/api/v1/work-groups/{id}/applications", group).then().statusCode(201).extract().path("reference");
        Allocations.settled(group);
        return reference;
    }

    /** A TRN nobody else in the tests has. */
    private static String trn() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(8_000_000, 10_000_000));
    }

    private List<String> tablesHolding(String... values) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return PersonalDataScan.tablesHolding(connection, values);
        }
    }
}
