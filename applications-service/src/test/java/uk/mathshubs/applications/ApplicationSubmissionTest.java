package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

@QuarkusTest
class ApplicationSubmissionTest {

    private static final String HUB = "CENTRAL";

    @Test
    void firstComeFirstServedAcceptsWhilePlacesLastAndAnnouncesTheAcceptance() {
        UUID group = WorkGroups.openGroup(HUB, 1);
        try (TopicProbe topic = new TopicProbe(Topics.APPLICATIONS)) {
            // Received at once; the allocator places it behind the request.
            String reference = submit(group, ApplicationForms.valid(urn()))
                    .statusCode(201)
                    .body("reference", matchesPattern("MH-[0-9A-Z]{4}-[0-9A-Z]{4}"))
                    .body("application.status", equalTo("SUBMITTED"))
                    .body("application.people.role", equalTo(List.of("HEADTEACHER", "LEAD_TEACHER_RECEPTION",
                            "LEAD_TEACHER_YEAR_1", "LEAD_TEACHER_YEAR_2", "MATHS_LEAD")))
                    .extract().path("reference");
            String second = submit(group, ApplicationForms.valid(urn())).statusCode(201)
                    .body("application.status", equalTo("SUBMITTED")).extract().path("reference");

            Allocations.settled(group);
            asHub(reference).body("status", equalTo("ACCEPTED"));
            asHub(second).body("status", equalTo("WAITLISTED")).body("waitingListPosition", equalTo(1));

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(topic.poll())
                    .anySatisfy(event -> {
                        assertThat(event.type()).isEqualTo(EventType.APPLICATION_ACCEPTED.type());
                        assertThat(event.payload()).contains("\"reference\":\"" + reference + "\"", "\"trn\":\"1234567\"");
                    }));
        }
    }

    @Test
    void resubmittingForTheSameSchoolReturnsTheSameApplication() {
        UUID group = WorkGroups.openGroup(HUB, 10);
        String urn = urn();
        String reference = submit(group, ApplicationForms.valid(urn)).statusCode(201).extract().path("reference");

        submit(group, ApplicationForms.valid(urn))
                .statusCode(200)
                .body("reference", equalTo(reference))
                .body("secret", nullValue());
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void sixIdenticalSubmissionsAtOnceGiveTheSchoolOneApplicationAndNeverAServerError() throws Exception {
        UUID group = WorkGroups.openGroup(HUB, 10);
        Map<String, Object> form = ApplicationForms.valid(urn());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        try (ExecutorService clicks = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                answers.add(clicks.submit(() -> {
                    start.await();
                    return submit(group, form).extract();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            Set<String> references = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                codes.add(answer.get().statusCode());
                references.add(answer.get().path("reference"));
            }
            assertThat(codes).as("one created, the others answered with it").containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(references).hasSize(1);
        }
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void schoolsApplyingTogetherAreEachReceivedOnceAndOneSchoolTwiceAmongThemTakesNothingFromTheOthers() throws Exception {
        // Applications checked at the same moment are committed in one transaction (IntakeWriter); a school submitting
        // twice among them makes that transaction fail on one_application_per_school, and the batch is written again
        // one application at a time: the others are received all the same.
        UUID group = WorkGroups.openGroup(HUB, 5);
        List<String> urns = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            urns.add(urn());
        }
        List<String> submitted = new ArrayList<>(urns);
        submitted.addAll(List.of(urns.get(3), urns.get(3), urns.get(9)));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        try (ExecutorService schools = Executors.newFixedThreadPool(submitted.size())) {
            for (String urn : submitted) {
                answers.add(schools.submit(() -> {
                    start.await();
                    return submit(group, ApplicationForms.valid(urn)).extract();
                }));
            }
            start.countDown();
            Map<String, List<Integer>> codesBySchool = new TreeMap<>();
            Map<String, Set<String>> referencesBySchool = new TreeMap<>();
            for (int i = 0; i < submitted.size(); i++) {
                ExtractableResponse<Response> answer = answers.get(i).get();
                codesBySchool.computeIfAbsent(submitted.get(i), k -> new ArrayList<>()).add(answer.statusCode());
                referencesBySchool.computeIfAbsent(submitted.get(i), k -> new HashSet<>()).add(answer.path("reference"));
            }
            assertThat(codesBySchool).hasSize(16).allSatisfy((urn, codes) -> assertThat(codes).as("school %s", urn)
                    .containsOnlyOnce(201).allMatch(code -> code == 201 || code == 200));
            assertThat(codesBySchool.get(urns.get(3))).containsExactlyInAnyOrder(201, 200, 200);
            assertThat(codesBySchool.get(urns.get(9))).containsExactlyInAnyOrder(201, 200);
            assertThat(referencesBySchool).allSatisfy((urn, references) -> assertThat(references).hasSize(1));
        }
        Allocations.settled(group);
        List<Map<String, Object>> items = given().auth().oauth2(TestTokens.hubAdmin(HUB))
                .get("/api/v1/work-groups/{id}/applications", group).then().statusCode(200).extract().path("items");
        assertThat(items).hasSize(16);
        assertThat(items).extracting(item -> item.get("status"))
                .containsExactlyElementsOf(Stream.concat(
                        Collections.nCopies(5, "ACCEPTED").stream(), Collections.nCopies(11, "WAITLISTED").stream()).toList());
    }

    @Test
    void aSchoolReadsItsOwnApplicationWithItsSecretAndNobodyElseDoes() {
        UUID group = WorkGroups.openGroup(HUB, 10);
        var submitted = submit(group, ApplicationForms.valid(urn())).statusCode(201).extract();
        String reference = submitted.path("reference");
        String secret = submitted.path("secret");

        Allocations.settled(group);
        given().header("Application-Secret", secret).get("/api/v1/applications/{ref}", reference)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().header("Application-Secret", "guess").get("/api/v1/applications/{ref}", reference)
                .then().statusCode(404).contentType("application/problem+json");
        // The header's former name still works until its sunset, and the answer says so (RFC 9745, RFC 8594).
        given().header("X-Application-Secret", secret).get("/api/v1/applications/{ref}", reference)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .header("Deprecation", matchesPattern("@[0-9]+"))
                .header("Sunset", equalTo("Wed, 30 Jun 2027 00:00:00 GMT"))
                .header("Link", containsString("rel=\"deprecation\""));
        given().auth().oauth2(TestTokens.hubWebsite("SHAW")).get("/api/v1/applications/{ref}", reference)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.hubAdmin("SHAW")).get("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.hubWebsite("SHAW")).contentType(ContentType.JSON)
                .body(ApplicationForms.valid(urn())).post("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(403);
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        UUID group = WorkGroups.openGroup(HUB, 10);

        Map<String, Object> badTrn = ApplicationForms.valid(urn());
        badTrn.put("mainContact", Map.of("name", "Sam", "email", "sam@school.example", "trn", "12-34", "schoolRoles", "Maths lead"));
        rejected(group, badTrn, "mainContact.trn");

        Map<String, Object> tooLong = ApplicationForms.valid(urn());
        tooLong.put("headteacherStatement", "word ".repeat(251));
        rejected(group, tooLong, "headteacherStatement");

        Map<String, Object> missingRole = ApplicationForms.valid(urn());
        missingRole.put("leadTeachers", List.of(
                ApplicationForms.teacher("LEAD_TEACHER_RECEPTION", "Rita Reception", "1234567"),
                ApplicationForms.teacher("LEAD_TEACHER_YEAR_1", "Yusuf One", "2345678"),
                ApplicationForms.teacher("MATHS_LEAD", "Sam Lead", "3456789")))
        ;
        rejected(group, missingRole, "leadTeachers").body("detail", equalTo("leadTeachers: a LEAD_TEACHER_YEAR_2 is required"));

        Map<String, Object> badUrn = ApplicationForms.valid("12AB56");
        rejected(group, badUrn, "school.urn");

        Map<String, Object> unknownSchool = ApplicationForms.valid("999998");
        rejected(group, unknownSchool, "school.urn").body("errors[0].message", equalTo("URN 999998 is not in the schools register"));

        Map<String, Object> fourDigitTrn = ApplicationForms.valid(urn());
        fourDigitTrn.put("leadTeachers", List.of(
                ApplicationForms.teacher("LEAD_TEACHER_RECEPTION", "Rita Reception", "1234"),
                ApplicationForms.teacher("LEAD_TEACHER_YEAR_1", "Yusuf One", "2345678"),
                ApplicationForms.teacher("LEAD_TEACHER_YEAR_2", "Yolanda Two", "3456789"),
                ApplicationForms.teacher("MATHS_LEAD", "Sam Lead", "4567890")));
        rejected(group, fourDigitTrn, "leadTeachers[0].trn");

        Map<String, Object> unaskedQuestion = ApplicationForms.valid(urn());
        unaskedQuestion.put("declarations", Map.of("year4And5TeachersCanCommitFully", "YES"));
        rejected(group, unaskedQuestion, "declarations.year4And5TeachersCanCommitFully");

        given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void trnIsStoredZeroPaddedToSevenDigits() {
        UUID group = WorkGroups.openGroup(HUB, 10);
        Map<String, Object> form = ApplicationForms.valid(urn());
        form.put("leadTeachers", List.of(
                ApplicationForms.teacher("LEAD_TEACHER_RECEPTION", "Rita Reception", "12345"),
                ApplicationForms.teacher("LEAD_TEACHER_YEAR_1", "Yusuf One", "234 5678"),
                ApplicationForms.teacher("LEAD_TEACHER_YEAR_2", "Yolanda Two", "345-6789"),
                ApplicationForms.teacher("MATHS_LEAD", "Sam Lead", "0012345")));
        try (TopicProbe topic = new TopicProbe(Topics.APPLICATIONS)) {
            String reference = submit(group, form).statusCode(201).extract().path("reference");
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(topic.poll())
                    .filteredOn(e -> e.payload().contains(reference) && EventType.APPLICATION_ACCEPTED.type().equals(e.type()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.payload()).contains("\"0012345\"", "\"2345678\"", "\"3456789\"")));
        }
    }

    @Test
    void aCapacityCutBelowThePlacesGivenTakesNoPlaceAwayAndGivesNoMore() {
        UUID group = WorkGroups.openGroup(HUB, 2);
        submit(group, ApplicationForms.valid(urn())).statusCode(201);
        submit(group, ApplicationForms.valid(urn())).statusCode(201);
        Allocations.settled(group);

        WorkGroups.changeCapacity(group, HUB, 1, 3);

        submit(group, ApplicationForms.valid(urn())).statusCode(201);
        Allocations.settled(group);
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(200).body("items.status", equalTo(List.of("ACCEPTED", "ACCEPTED", "WAITLISTED")));
    }

    @Test
    void aClosedWorkGroupRefusesApplicationsAndTakesExpressionsOfInterestForNextYear() {
        WorkGroups.Spec spec = WorkGroups.spec(HUB, 5);
        UUID group = WorkGroups.publish(spec);
        Map<String, Object> interest = Map.of("urn", "137001", "schoolName", "Elston Hall Primary School",
                "contactName", "Sam Wycherley", "contactEmail", "sam@elstonhall.example");
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON).body(interest)
                .post("/api/v1/work-groups/{id}/interest", group).then().statusCode(409).contentType("application/problem+json");

        WorkGroups.publish(spec.closed());

        submit(group, ApplicationForms.valid(urn())).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("/api/v1/work-groups/" + group + "/interest"));
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON).body(interest)
                .post("/api/v1/work-groups/{id}/interest", group).then().statusCode(200).body("urn", equalTo("137001"));
        given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON).body(interest)
                .post("/api/v1/work-groups/{id}/interest", group).then().statusCode(200);
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/work-groups/{id}/interest", group)
                .then().statusCode(200).body("items.contactEmail", equalTo(List.of("sam@elstonhall.example")));
        given().auth().oauth2(TestTokens.hubAdmin("SHAW")).get("/api/v1/work-groups/{id}/interest", group)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anUnknownWorkGroupIsNotFound() {
        submit(UUID.randomUUID(), ApplicationForms.valid(urn())).statusCode(404).contentType("application/problem+json");
    }

    private static ValidatableResponse rejected(UUID group, Map<String, Object> form, String field) {
        return submit(group, form).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static ValidatableResponse asHub(String reference) {
        return given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/applications/{ref}", reference).then().statusCode(200);
    }

    private static ValidatableResponse submit(UUID group, Map<String, Object> form) {
        return given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON).body(form)
                .post("/api/v1/work-groups/{id}/applications", group).then();
    }

    /** A school in the register, new to every programme. */
    static String urn() {
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        return urn;
    }
}
