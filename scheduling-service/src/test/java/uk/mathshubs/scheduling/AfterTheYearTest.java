package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.attend;
import static uk.mathshubs.scheduling.Fixtures.enrol;
import static uk.mathshubs.scheduling.Fixtures.local;
import static uk.mathshubs.scheduling.Fixtures.participants;
import static uk.mathshubs.scheduling.Fixtures.unique;
import static uk.mathshubs.scheduling.Fixtures.workGroupPayload;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationPeopleErased;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.ReceivedMail;
import uk.mathshubs.testsupport.TestTokens;
import uk.mathshubs.testsupport.TopicProbe;

/**
 * After the year: a Work Group completes, each person of a school that completed gets a certificate (a PDF behind a
 * private link, a code anyone can check), everyone still taking part gets the programme's survey by a single-use
 * link; the hub adds questions, chases, and reads its own results; the NCETM pulls the answers without names; a
 * corrected completion voids certificates; erasure unlinks a person from what they answered.
 */
@QuarkusTest
class AfterTheYearTest {

    private static final String YEAR = "2027/28";
    private static final String RULE = """
            {"localSessionsPerTerm": 1, "completionRule": {"description": "Attended the local session",
              "requirements": [{"label": "the local session", "scope": "LOCAL", "atLeast": "ALL"}]}}""";
    private static final Pattern SURVEY_LINK = Pattern.compile("/api/v1/survey-invitations/([A-Za-z0-9_-]{40})");
    private static final Pattern CERTIFICATE_LINK = Pattern.compile("/api/v1/certificate-files/([A-Za-z0-9_-]{40})\\.pdf");
    private static final Pattern CODE = Pattern.compile("MH-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private record Year(String hub, String programme, UUID group, String session, Map<String, String> email,
            Map<String, String> ids) {
    }

    /** A Work Group whose school 138001 attended its local session (so completes) and 138002 did not. */
    private Year aYear(String surveyAudience) {
        String hub = unique("HUB_");
        String programme = unique("MN_");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(RULE)
                .put("/api/v1/programme-schedules/{code}", programme).then().statusCode(200);
        UUID group = Fixtures.workGroup(hub, programme, YEAR);
        String session = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        Map<String, String> email = new HashMap<>();
        for (String name : List.of("Tracy Four", "Femi Five", "Ann Head", "Bea Four")) {
            email.put(name, name.toLowerCase().replace(' ', '.') + "." + programme.toLowerCase() + "@school.example");
        }
        enrol(group, programme, YEAR, "138001", List.of(named("LEAD_TEACHER_YEAR_4", "Tracy Four", email),
                named("LEAD_TEACHER_YEAR_5", "Femi Five", email), named("HEADTEACHER", "Ann Head", email)));
        enrol(group, programme, YEAR, "138002", List.of(named("LEAD_TEACHER_YEAR_4", "Bea Four", email)));
        Map<String, String> ids = new HashMap<>();
        participants(group).forEach(p -> ids.put((String) p.get("name"), (String) p.get("participantId")));
        clock.set(Instant.parse("2027-10-14T18:00:00Z"));
        attend(hub, session, List.of(ids.get("Tracy Four"), ids.get("Femi Five")), "ATTENDED");
        attend(hub, session, List.of(ids.get("Bea Four")), "ABSENT");
        define(programme, surveyAudience).then().statusCode(201);
        return new Year(hub, programme, group, session, email, ids);
    }

    private static ApplicationAccepted.Participant named(String role, String name, Map<String, String> email) {
        return new ApplicationAccepted.Participant(UUID.randomUUID(), role, name, email.get(name), "1234567");
    }

    private static io.restassured.response.Response define(String programme, String audience) {
        return given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(survey(programme, "End of year evaluation", audience, "AT_COMPLETION", null))
                .post("/api/v1/surveys");
    }

    private static Map<String, Object> survey(String programme, String title, String audience, String sends, String session) {
        Map<String, Object> body = new HashMap<>(Map.of("programmeCode", programme, "academicYear", YEAR, "title", title,
                "audience", audience, "sends", sends, "questions", List.of(
                        Map.of("key", "confidence", "text", "How confident do you now feel teaching number?", "type", "SCALE",
                                "required", true, "min", 1, "max", 5),
                        Map.of("key", "most_useful", "text", "Which part helped most?", "type", "CHOICE",
                                "options", List.of("Live sessions", "Local sessions", "Materials")),
                        Map.of("key", "comments", "text", "Anything else?", "type", "TEXT"))));
        if (session != null) {
            body.put("sessionId", session);
        }
        return body;
    }

    private void complete(Year year) {
        clock.set(Instant.parse("2028-07-20T12:00:00Z"));
        try (EventPublisher events = new EventPublisher()) {
            String completed = events.publish(EventType.WORK_GROUP_COMPLETED, year.group(),
                    workGroupPayload(year.group(), year.hub(), year.programme(), YEAR, "COMPLETED", 2));
            await().atMost(PATIENCE).until(() -> Fixtures.processed(completed));
        }
    }

    private static String link(String address, String subjectStart, Pattern pattern) {
        ReceivedMail mail = await().atMost(PATIENCE).until(() -> ReceivedMail.to(address).stream()
                .filter(m -> m.subject().startsWith(subjectStart)).reduce((first, second) -> second).orElse(null), m -> m != null);
        Matcher matcher = pattern.matcher(mail.text());
        assertThat(matcher.find()).as(mail.text()).isTrue();
        return matcher.groupCount() == 0 ? matcher.group() : matcher.group(1);
    }

    @Test
    void aSurveyIsDefinedAsDataAndRefusedWhereItCannotBeRight() {
        String programme = unique("MN_");
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, programme, YEAR);
        String admin = TestTokens.programmeAdmin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(survey(programme, "T", "PERSON", "AT_COMPLETION", null))
                .post("/api/v1/surveys").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(given().auth().oauth2(admin)
                        .get("/api/v1/surveys?programme={p}", programme).then().extract().path("items[0].id").toString()));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(survey(programme, "T", "PERSON", "AT_COMPLETION", null))
                .post("/api/v1/surveys").then().statusCode(409).contentType("application/problem+json");

        Map<String, Object> badKey = survey(programme, "Bad key", "PERSON", "AT_COMPLETION", null);
        badKey.put("questions", List.of(Map.of("key", "Bad Key", "text", "?", "type", "TEXT")));
        refused(badKey, "questions[0].key");
        Map<String, Object> noOptions = survey(programme, "No options", "PERSON", "AT_COMPLETION", null);
        noOptions.put("questions", List.of(Map.of("key", "a", "text", "?", "type", "TEXT"),
                Map.of("key", "b", "text", "?", "type", "CHOICE")));
        refused(noOptions, "questions[1].options");
        Map<String, Object> twice = survey(programme, "Twice", "PERSON", "AT_COMPLETION", null);
        twice.put("questions", List.of(Map.of("key", "a", "text", "?", "type", "TEXT"), Map.of("key", "a", "text", "?", "type", "TEXT")));
        refused(twice, "questions[1].key");
        Map<String, Object> backwards = survey(programme, "Backwards", "PERSON", "AT_COMPLETION", null);
        backwards.put("questions", List.of(Map.of("key", "a", "text", "?", "type", "SCALE", "min", 5, "max", 1)));
        refused(backwards, "questions[0].max");
        Map<String, Object> none = survey(programme, "None", "PERSON", "AT_COMPLETION", null);
        none.put("questions", List.of());
        refused(none, "questions");
        refused(survey(programme, "No session", "PERSON", "AFTER_SESSION", null), "sessionId");
        String localSession = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        refused(survey(programme, "A local session", "PERSON", "AFTER_SESSION", localSession), "sessionId");
        Map<String, Object> badYear = survey(programme, "Bad year", "PERSON", "AT_COMPLETION", null);
        badYear.put("academicYear", "2027");
        refused(badYear, "academicYear");

        // Only the programme team defines surveys; a hub adds questions for its own Work Groups only.
        for (String token : List.of(TestTokens.hubAdmin(hub), TestTokens.hubWebsite(hub), TestTokens.ncetmIntegration())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(survey(programme, "Theirs", "PERSON", "AT_COMPLETION", null))
                    .post("/api/v1/surveys").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(survey(programme, "Anyone", "PERSON", "AT_COMPLETION", null))
                .post("/api/v1/surveys").then().statusCode(401);
        String survey = given().auth().oauth2(admin).get("/api/v1/surveys?programme={p}", programme).then().extract().path("items[0].id");
        Map<String, Object> hubQuestion = Map.of("questions", List.of(Map.of("key", "hub_venue", "text", "Was the venue good?",
                "type", "CHOICE", "options", List.of("Yes", "No"))));
        given().auth().oauth2(TestTokens.hubAdmin("ANOTHER_HUB")).contentType(ContentType.JSON).body(hubQuestion)
                .put("/api/v1/surveys/{id}/work-groups/{group}/questions", survey, group).then().statusCode(403);
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("questions", List.of(Map.of("key", "confidence", "text", "Again?", "type", "TEXT"))))
                .put("/api/v1/surveys/{id}/work-groups/{group}/questions", survey, group).then().statusCode(400)
                .body("errors.field", equalTo(List.of("questions[0].key")));
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(hubQuestion)
                .put("/api/v1/surveys/{id}/work-groups/{group}/questions", survey, group).then().statusCode(200)
                .body("questions.key", equalTo(List.of("hub_venue")));
        UUID otherYear = Fixtures.workGroup(hub, programme, "2028/29");
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON).body(hubQuestion)
                .put("/api/v1/surveys/{id}/work-groups/{group}/questions", survey, otherYear).then().statusCode(409);
        given().auth().oauth2(TestTokens.hubAdmin(hub)).get("/api/v1/surveys/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    private static void refused(Map<String, Object> body, String field) {
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/surveys").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(field)));
    }

    @Test
    void aCompletedYearBringsCertificatesAndASurveyAnsweredOnceAndCountedWithoutNames() throws IOException {
        Year year = aYear("PERSON");
        String survey = given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/surveys?programme={p}", year.programme())
                .then().extract().path("items[0].id");
        given().auth().oauth2(TestTokens.hubAdmin(year.hub())).contentType(ContentType.JSON)
                .body(Map.of("questions", List.of(Map.of("key", "hub_venue", "text", "Was the venue good?", "type", "CHOICE",
                        "options", List.of("Yes", "No")))))
                .put("/api/v1/surveys/{id}/work-groups/{group}/questions", survey, year.group()).then().statusCode(200);

        complete(year);

        // Certificates: the school that completed, each of its people; none for the other school.
        String token = link(year.email().get("Tracy Four"), "Your certificate of completion", CERTIFICATE_LINK);
        String code = link(year.email().get("Tracy Four"), "Your certificate of completion", CODE);
        link(year.email().get("Ann Head"), "Your certificate of completion", CERTIFICATE_LINK);
        byte[] pdf = given().get("/api/v1/certificate-files/{token}.pdf", token).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Certificate of completion", "Tracy Four", "School 138001", "Programme " + year.programme(),
                    "2027/28", "Verification code: " + code, "Issued on Thursday 20 July 2028");
        }
        given().get("/api/v1/certificates/{code}", code).then().statusCode(200)
                .body("valid", equalTo(true)).body("programmeCode", equalTo(year.programme()))
                .body("academicYear", equalTo(YEAR)).body("issuedOn", equalTo("2028-07-20"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("name")));
        assertThat(given().get("/api/v1/certificates/{code}", code).asString()).doesNotContain("Tracy");
        given().get("/api/v1/certificates/{code}", code.toLowerCase()).then().statusCode(200);
        given().get("/api/v1/certificates/MH-0000-0000-0000").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/certificate-files/{token}.pdf", "x".repeat(40)).then().statusCode(404);
        assertThat(ReceivedMail.to(year.email().get("Bea Four"))).noneMatch(m -> m.subject().startsWith("Your certificate"));

        // The survey: everyone still taking part, by a single-use link.
        String tracy = link(year.email().get("Tracy Four"), "End of year evaluation", SURVEY_LINK);
        link(year.email().get("Bea Four"), "End of year evaluation", SURVEY_LINK);
        given().get("/api/v1/survey-invitations/{token}", tracy).then().statusCode(200)
                .body("questions.key", equalTo(List.of("confidence", "most_useful", "comments")))
                .body("hubQuestions.key", equalTo(List.of("hub_venue")))
                .body("academicYear", equalTo(YEAR));
        answer(tracy, Map.of("most_useful", "Materials")).statusCode(400).body("errors.field", equalTo(List.of("answers.confidence")));
        answer(tracy, Map.of("confidence", 6)).statusCode(400).body("errors.field", equalTo(List.of("answers.confidence")));
        answer(tracy, Map.of("confidence", "4")).statusCode(400).body("errors.field", equalTo(List.of("answers.confidence")));
        answer(tracy, Map.of("confidence", 4, "most_useful", "Cake")).statusCode(400)
                .body("errors.field", equalTo(List.of("answers.most_useful")));
        answer(tracy, Map.of("confidence", 4, "nope", 1)).statusCode(400).body("errors.field", equalTo(List.of("answers.nope")));
        answer(tracy, Map.of("confidence", 4, "comments", "a\u0000b")).statusCode(400)
                .body("errors.field", equalTo(List.of("answers.comments")));
        answer(tracy, Map.of("confidence", 4, "most_useful", "Materials", "comments", "The materials were excellent.",
                "hub_venue", "Yes")).statusCode(204);
        answer(tracy, Map.of("confidence", 5)).statusCode(410).contentType("application/problem+json");
        given().get("/api/v1/survey-invitations/{token}", tracy).then().statusCode(410);
        given().get("/api/v1/survey-invitations/{token}", "y".repeat(40)).then().statusCode(404);

        // The hub sees who has not answered, and reminds them at most once a week.
        String hubAdmin = TestTokens.hubAdmin(year.hub());
        given().auth().oauth2(hubAdmin).get("/api/v1/surveys/{id}/work-groups/{group}/invitations?answered=false", survey, year.group())
                .then().statusCode(200).body("items", hasSize(3))
                .body("items.name", org.hamcrest.Matchers.containsInAnyOrder("Femi Five", "Ann Head", "Bea Four"));
        remind(hubAdmin, survey, year).body("reminded", equalTo(0)).body("remindedInTheLastWeek", equalTo(3)).body("answered", equalTo(1));
        clock.set(Instant.parse("2028-07-20T12:00:00Z").plus(Duration.ofDays(8)));
        remind(hubAdmin, survey, year).body("reminded", equalTo(3));
        remind(hubAdmin, survey, year).body("reminded", equalTo(0)).body("remindedInTheLastWeek", equalTo(3));
        String bea = link(year.email().get("Bea Four"), "Reminder: End of year evaluation", SURVEY_LINK);
        answer(bea, Map.of("confidence", 2, "most_useful", "Materials")).statusCode(204);
        given().auth().oauth2(TestTokens.hubAdmin("ANOTHER_HUB"))
                .get("/api/v1/surveys/{id}/work-groups/{group}/invitations", survey, year.group()).then().statusCode(403);
        given().auth().oauth2(TestTokens.hubAdmin("ANOTHER_HUB"))
                .post("/api/v1/surveys/{id}/work-groups/{group}/reminders", survey, year.group()).then().statusCode(403);

        // Counted per Work Group (with the hub's own question), per hub, per programme; a hub sees its own only, and
        // no counts of fewer than five answers (with two, it could tell who said what).
        given().auth().oauth2(hubAdmin).get("/api/v1/surveys/{id}/results?workGroupId={group}", survey, year.group())
                .then().statusCode(200).body("invited", equalTo(4)).body("answered", equalTo(2)).body("withheld", equalTo(true))
                .body("questions.key", equalTo(List.of("confidence", "most_useful", "comments", "hub_venue")))
                .body("questions.counts", everyItem(nullValue())).body("questions.mean", everyItem(nullValue()));
        given().auth().oauth2(TestTokens.ncetmIntegration()).get("/api/v1/surveys/{id}/results?workGroupId={group}", survey, year.group())
                .then().statusCode(200).body("invited", equalTo(4)).body("answered", equalTo(2)).body("withheld", equalTo(false))
                .body("questions.key", equalTo(List.of("confidence", "most_useful", "comments", "hub_venue")))
                .body("questions[0].mean", equalTo(3.0f)).body("questions[0].counts.'4'", equalTo(1))
                .body("questions[1].counts.Materials", equalTo(2)).body("questions[2].answers", equalTo(1))
                .body("questions[2].counts", nullValue()).body("questions[3].counts.Yes", equalTo(1));
        given().auth().oauth2(hubAdmin).get("/api/v1/surveys/{id}/results", survey).then().statusCode(200)
                .body("hubCode", equalTo(year.hub())).body("answered", equalTo(2)).body("questions", hasSize(3));
        // The NCETM reads what the hub asked, to know what its answers in the feed were asked.
        given().auth().oauth2(TestTokens.ncetmIntegration())
                .get("/api/v1/surveys/{id}/work-groups/{group}/questions", survey, year.group())
                .then().statusCode(200).body("questions.text", equalTo(List.of("Was the venue good?")));
        given().auth().oauth2(TestTokens.hubAdmin("ANOTHER_HUB")).get("/api/v1/surveys/{id}/results?hub={hub}", survey, year.hub())
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.hubAdmin("ANOTHER_HUB")).get("/api/v1/surveys/{id}/results?workGroupId={g}", survey, year.group())
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.ncetmIntegration()).get("/api/v1/surveys/{id}/results", survey).then().statusCode(200)
                .body("hubCode", nullValue()).body("invited", equalTo(4));

        // The NCETM pulls every answer, free text included, never a name; as JSON pages and CSV.
        String ncetm = TestTokens.ncetmIntegration();
        String feed = given().auth().oauth2(ncetm).get("/api/v1/participation/survey-answers?workGroupId={g}", year.group())
                .then().statusCode(200).body("items", hasSize(6))
                .body("items.findAll { it.questionKey == 'comments' }.text", equalTo(List.of("The materials were excellent.")))
                .body("items.findAll { it.questionKey == 'hub_venue' }.addedByHub", equalTo(List.of(true)))
                .body("items.urn", org.hamcrest.Matchers.everyItem(nullValue()))
                .extract().asString();
        assertThat(feed).doesNotContain("Tracy", "Bea Four", "@school.example");
        String page = given().auth().oauth2(ncetm).get("/api/v1/participation/survey-answers?workGroupId={g}&size=4", year.group())
                .then().statusCode(200).body("items", hasSize(4)).extract().path("next");
        given().auth().oauth2(ncetm).get("/api/v1/participation/survey-answers?workGroupId={g}&size=4&cursor={c}", year.group(), page)
                .then().statusCode(200).body("items", hasSize(2));
        String csv = given().auth().oauth2(ncetm).accept("text/csv")
                .get("/api/v1/participation/survey-answers?workGroupId={g}", year.group()).then().statusCode(200).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("responseId,surveyId,surveyTitle,workGroupId,programmeCode,"
                + "hubCode,academicYear,urn,role,questionKey,addedByHub,scale,choice,text,submittedAt,updatedAt");
        assertThat(csv.lines()).hasSize(7);
        given().auth().oauth2(hubAdmin).get("/api/v1/participation/survey-answers").then().statusCode(403);
    }

    @Test
    void aCorrectedCompletionVoidsTheSchoolsCertificatesAndErasureUnlinksThePerson() {
        Year year = aYear("SCHOOL");
        complete(year);
        String code = link(year.email().get("Femi Five"), "Your certificate of completion", CODE);
        String token = link(year.email().get("Femi Five"), "Your certificate of completion", CERTIFICATE_LINK);
        // A survey per school goes to the headteachers only.
        String head = link(year.email().get("Ann Head"), "End of year evaluation", SURVEY_LINK);
        assertThat(ReceivedMail.to(year.email().get("Femi Five"))).noneMatch(m -> m.subject().startsWith("End of year"));
        answer(head, Map.of("confidence", 5, "comments", "Our whole school benefited.")).statusCode(204);
        given().auth().oauth2(TestTokens.ncetmIntegration())
                .get("/api/v1/participation/survey-answers?workGroupId={g}", year.group())
                .then().statusCode(200).body("items.urn", org.hamcrest.Matchers.everyItem(equalTo("138001")))
                .body("items.role", org.hamcrest.Matchers.everyItem(equalTo("HEADTEACHER")));

        // The register was wrong: Femi was absent. The school no longer completed (the applications service's history
        // is told); its certificates are void.
        try (TopicProbe topic = new TopicProbe(Topics.PARTICIPATION)) {
            attend(year.hub(), year.session(), List.of(year.ids().get("Femi Five")), "ABSENT");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(topic.poll()).anySatisfy(event -> {
                assertThat(event.type()).isEqualTo(EventType.PARTICIPATION_COMPLETION_REVOKED.type());
                assertThat(event.payload()).contains("\"urn\":\"138001\"", year.group().toString());
            }));
        }
        given().get("/api/v1/certificates/{code}", code).then().statusCode(200)
                .body("valid", equalTo(false)).body("voidedOn", equalTo("2028-07-20"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("voidReason")));
        given().get("/api/v1/certificate-files/{token}.pdf", token).then().statusCode(410).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ncetmIntegration())
                .get("/api/v1/participation/completions?workGroupId={g}&urn=138001", year.group())
                .then().statusCode(200).body("items.completed", equalTo(List.of(false)));
        // Corrected back: new certificates, with new codes.
        attend(year.hub(), year.session(), List.of(year.ids().get("Femi Five")), "ATTENDED");
        String newCode = await().atMost(PATIENCE).until(() -> ReceivedMail.to(year.email().get("Femi Five")).stream()
                .filter(m -> m.subject().startsWith("Your certificate")).map(m -> {
                    Matcher matcher = CODE.matcher(m.text());
                    return matcher.find() ? matcher.group() : null;
                }).filter(c -> c != null && !c.equals(code)).findFirst().orElse(null), c -> c != null);
        given().get("/api/v1/certificates/{code}", newCode).then().statusCode(200).body("valid", equalTo(true));
        given().get("/api/v1/certificates/{code}", code).then().body("valid", equalTo(false));

        // Ann Head asks to be forgotten: her certificate is void and its link gone; her answers stay, anonymous.
        String annCode = await().atMost(PATIENCE).until(() -> ReceivedMail.to(year.email().get("Ann Head")).stream()
                .filter(m -> m.subject().startsWith("Your certificate")).reduce((a, b) -> b).map(m -> {
                    Matcher matcher = CODE.matcher(m.text());
                    return matcher.find() ? matcher.group() : null;
                }).orElse(null), c -> c != null);
        UUID annId = UUID.fromString(year.ids().get("Ann Head"));
        try (EventPublisher events = new EventPublisher()) {
            UUID application = UUID.randomUUID();
            String erased = events.publish(EventType.APPLICATION_PEOPLE_ERASED, application, new ApplicationPeopleErased(
                    application, "MH-138001", year.group(), List.of(annId), Instant.now()));
            await().atMost(PATIENCE).until(() -> Fixtures.processed(erased));
        }
        given().get("/api/v1/certificates/{code}", annCode).then().statusCode(200)
                .body("valid", equalTo(false)).body("voidedOn", equalTo("2028-07-20"));
        String survey = given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/surveys?programme={p}", year.programme())
                .then().extract().path("items[0].id");
        given().auth().oauth2(TestTokens.hubAdmin(year.hub()))
                .get("/api/v1/surveys/{id}/work-groups/{group}/invitations", survey, year.group())
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.ncetmIntegration())
                .get("/api/v1/participation/survey-answers?workGroupId={g}", year.group())
                .then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/surveys/{id}/results?workGroupId={g}", survey, year.group())
                .then().statusCode(200).body("answered", equalTo(1)).body("questions[0].counts.'5'", equalTo(1));
    }

    private static io.restassured.response.ValidatableResponse answer(String token, Map<String, Object> answers) {
        return given().contentType(ContentType.JSON).body(Map.of("answers", answers))
                .post("/api/v1/survey-invitations/{token}/response", token).then();
    }

    private static io.restassured.response.ValidatableResponse remind(String token, String survey, Year year) {
        return given().auth().oauth2(token).post("/api/v1/surveys/{id}/work-groups/{group}/reminders", survey, year.group())
                .then().statusCode(200);
    }
}
