package uk.mathshubs.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import uk.mathshubs.testsupport.PersonalDataScan;
import uk.mathshubs.testsupport.ReceivedMail;
import uk.mathshubs.testsupport.WebhookReceiver;
import uk.mathshubs.testsupport.openapi.OpenApiValidationFilter;

/**
 * The first end-to-end flow, through the gateway, with tokens from a real Keycloak, a real Kafka broker
 * and real PostgreSQL: a Work Group is published, listed, applied for and accepted, and the school's
 * people end up enrolled in its sessions in the scheduling service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class EndToEndFlowIT {

    private static Platform platform;
    private static OtlpReceiver traces;

    @BeforeAll
    static void up() throws Exception {
        // The platform the fuzz suite ran on before (SharedPlatform): sandbox mode, every process's spans to a receiver
        // of the test's (PLATFORM_OTLP_ENDPOINT, as ops point them at a collector).
        platform = SharedPlatform.get();
        traces = SharedPlatform.traces();
        // Every call below is held to the aggregated document the gateway serves, as the services' tests are to theirs.
        if (!RestAssured.filters().contains(OpenApiValidationFilter.INSTANCE)) {
            RestAssured.filters(OpenApiValidationFilter.INSTANCE);
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (platform == null) {
            return;
        }
        List<Long> pids = recordedPids(platform.home());
        SharedPlatform.stop();
        assertThat(pids).as("processes started by ./platform").isNotEmpty()
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("pid %d still alive after ./platform down", pid).isFalse());
    }

    /**
     * The contract as published: the aggregated document the gateway serves, linted with Spectral's OpenAPI rules and
     * the UK government's API standards (contracts/openapi/spectral.yaml): no error. Warnings are printed.
     */
    @Test
    void theAggregatedDocumentKeepsTheApiStandards() throws Exception {
        // On a developer's machine without Node the lint is skipped; in CI (.ci/run installs Node) it never is.
        Assumptions.assumeTrue(Spectral.npmPresent() || System.getenv("CI") != null, "npm is not installed");
        String document = given().get(platform.gateway() + "/openapi").then().statusCode(200).extract().asString();
        Path file = Path.of("target", "openapi.json");
        Files.writeString(file, document);
        Spectral.Result lint = Spectral.lint(file, Path.of("..", "contracts", "openapi", "spectral.yaml"));
        long warnings = lint.output().lines().filter(line -> line.contains(" warning ")).count();
        System.out.printf("Spectral %s on the aggregated document: exit %d, %d warnings%n%s%n", Spectral.VERSION, lint.exit(),
                warnings, lint.output().lines().filter(line -> line.contains(" error ")).limit(60).reduce("", (a, b) -> a + b + "\n"));
        assertThat(lint.exit()).as("Spectral found errors:%n%s", lint.output()).isZero();
    }

    /**
     * Push instead of polling: a hub website subscribes through the gateway with its own client's token and is told,
     * signed as Standard Webhooks, what happens at its hub (checked by a receiver of the test's with its own reading of
     * the specification); another hub's website is told nothing of it; a decision waits for its confirmation date.
     */
    @Test
    void aHubWebsiteIsToldWhatHappensAtItsHubSignedAndAnotherHubNothing() throws Exception {
        String admin = platform.passwordToken("ncetm.admin");
        String hubAdmin = platform.passwordToken("central.admin");
        String central = platform.clientToken("hub-website-central", "central-website-secret");
        String shaw = platform.clientToken("hub-website-shaw", "shaw-website-secret");
        String ncetm = platform.clientToken("ncetm-integration", "ncetm-integration-secret");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            given().get(platform.gateway() + "/api/v1/webhooks/event-types").then().statusCode(200)
                    .body("type", hasItems("application.received", "application.decision-released", "session.moved", "teacher.erased"));
            Response subscribed = given().auth().oauth2(central).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/central"), "description", "The end-to-end test's receiver",
                            "eventTypes", List.of("application.received", "application.decision-released", "session.scheduled")))
                    .post(platform.gateway() + "/api/v1/webhooks");
            subscribed.then().statusCode(201).header("Location", startsWith(platform.gateway() + "/api/v1/webhooks/"))
                    .body("subscription.hubCode", equalTo("CENTRAL"));
            String subscription = subscribed.path("subscription.id");
            String secret = subscribed.path("secret");
            given().auth().oauth2(shaw).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/shaw"), "eventTypes", List.of("application.received", "session.scheduled")))
                    .post(platform.gateway() + "/api/v1/webhooks").then().statusCode(201);
            given().auth().oauth2(ncetm).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/ncetm"), "eventTypes", List.of("application.received")))
                    .post(platform.gateway() + "/api/v1/webhooks").then().statusCode(201);
            // Shaw's website cannot see Central's subscription, let alone change it.
            given().auth().oauth2(shaw).get(platform.gateway() + "/api/v1/webhooks/{id}", subscription).then().statusCode(404);

            String school = String.valueOf(500_000 + RANDOM.nextInt(100_000));
            given().auth().oauth2(admin).contentType("text/csv; charset=ISO-8859-1")
                    .body(Schools.register(Map.of(school, "Stowlawn Primary School")))
                    .post(platform.gateway() + "/api/v1/schools/import").then().statusCode(200);
            // A date of its own: the subscription is also told of the decisions other tests left held at Central.
            LocalDate confirmation = LocalDate.now().plusDays(37);
            String group = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("programmeCode", "MN_RKS1", "hubCode", "CENTRAL",
                            "academicYear", Schools.academicYear(Schools.thisAcademicYearStart()), "capacity", 5,
                            "lead", "Webhooks Work Group Lead", "allocationPolicy", "FIRST_COME_FIRST_SERVED",
                            "applicationWindow", Map.of(
                                    "opensAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString(),
                                    "closesAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString(),
                                    "confirmationDate", confirmation.toString())))
                    .post(platform.gateway() + "/api/v1/work-groups").then().statusCode(201).extract().path("id");
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                    .put(platform.gateway() + "/api/v1/work-groups/{id}/status", group).then().statusCode(200);
            String reference = await().atMost(Duration.ofSeconds(30)).until(
                    () -> given().auth().oauth2(central).contentType(ContentType.JSON).body(Schools.application(school))
                            .post(platform.gateway() + "/api/v1/work-groups/{id}/applications", group),
                    response -> response.statusCode() != 404).then().statusCode(201).extract().path("reference");
            int year = Schools.thisAcademicYearStart() + 1;
            String session = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(hubAdmin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("title", "Webhooks local session", "audience", "LEAD_TEACHERS", "deliveryMode", "TWILIGHT",
                            "startsAt", year + "-02-10T16:00", "endsAt", year + "-02-10T17:30"))
                    .post(platform.gateway() + "/api/v1/work-groups/{id}/sessions", group), r -> r.statusCode() != 404)
                    .then().statusCode(201).extract().path("id");

            // Within moments: the application received and the session scheduled, each signed with Central's secret.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.received("/central"))
                    .extracting(WebhookReceiver.Received::type).contains("application.received", "session.scheduled"));
            assertThat(receiver.received("/central")).allSatisfy(message -> {
                assertThat(message.signedWith(secret)).as("signed: %s", message.headers()).isTrue();
                assertThat(message.body()).doesNotContain("Stowlawn", "@");
            });
            assertThat(receiver.received("/central")).filteredOn(m -> m.type().equals("application.received")).singleElement()
                    .satisfies(m -> {
                        assertThat(m.data().path("reference").asText()).isEqualTo(reference);
                        assertThat(m.data().path("links").path("application").asText())
                                .isEqualTo(platform.gateway() + "/api/v1/applications/" + reference);
                    });
            assertThat(receiver.received("/central")).filteredOn(m -> m.type().equals("session.scheduled"))
                    .extracting(m -> m.data().path("sessionId").asText()).containsExactly(session);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/ncetm").stream()
                    .anyMatch(m -> m.data().path("reference").asText().equals(reference)));

            // The decision is made at once (the hub sees it) but a website hears it on the confirmation date, not before.
            String released = confirmation.atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant().toString();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().auth().oauth2(central)
                    .get(platform.gateway() + "/api/v1/webhooks/{id}/deliveries?status=PENDING", subscription)
                    .then().statusCode(200).extract().jsonPath().getList("items", Map.class))
                    .filteredOn(delivery -> released.equals(delivery.get("nextAttemptAt"))).singleElement()
                    .satisfies(delivery -> assertThat(delivery.get("eventType")).isEqualTo("application.decision-released")));
            assertThat(receiver.received("/central")).extracting(WebhookReceiver.Received::type)
                    .doesNotContain("application.decision-released");
            // Nothing of Central's reached Shaw's website.
            assertThat(receiver.received("/shaw")).noneMatch(m -> m.body().contains(reference) || m.body().contains(session));
        }
    }

    @Test
    void aPublishedWorkGroupIsAppliedForAndTheAcceptedSchoolsPeopleAreEnrolled() throws IOException {
        String admin = platform.passwordToken("ncetm.admin");
        String hubAdmin = platform.passwordToken("central.admin");
        String website = platform.clientToken("hub-website-central", "central-website-secret");

        // The demo data from the seeds is there: open Work Groups at Central Maths Hub.
        given().get(platform.gateway() + "/api/v1/work-groups?hub=CENTRAL&openNow=true")
                .then().statusCode(200).body("items.programme.code", hasItem("MN_RKS1"));

        // Two schools new to the register (the platform's data outlives a run, and eligibility remembers).
        String firstSchool = String.valueOf(300_000 + RANDOM.nextInt(100_000));
        String secondSchool = String.valueOf(400_000 + RANDOM.nextInt(100_000));
        given().auth().oauth2(admin).contentType("text/csv; charset=ISO-8859-1")
                .body(Schools.register(Map.of(firstSchool, "Elston Hall Primary School", secondSchool, "Bushbury Hill Primary School")))
                .post(platform.gateway() + "/api/v1/schools/import").then().statusCode(200);

        // A programme admin publishes a Work Group with one place. It is for the academic year before this one, so
        // that its sessions have taken place by now and attendance can be recorded; its window is open all the same.
        String pastYear = Schools.academicYear(Schools.thisAcademicYearStart() - 1);
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "MN_RKS1", "hubCode", "CENTRAL", "academicYear", pastYear, "capacity", 1,
                        "lead", "End-to-end Work Group Lead", "allocationPolicy", "FIRST_COME_FIRST_SERVED",
                        "applicationWindow", Map.of(
                                "opensAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString(),
                                "closesAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString(),
                                "confirmationDate", LocalDate.now().plusDays(35).toString())))
                .post(platform.gateway() + "/api/v1/work-groups")
                // Its link is the gateway's, the public address, never the catalogue's own.
                .then().statusCode(201).header("Location", startsWith(platform.gateway() + "/api/v1/work-groups/"))
                .extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .put(platform.gateway() + "/api/v1/work-groups/{id}/status", id)
                .then().statusCode(200);

        // It shows in the public listing.
        given().get(platform.gateway() + "/api/v1/work-groups?hub=CENTRAL&programme=MN_RKS1&openNow=true&size=100")
                .then().statusCode(200).body("items.id", hasItem(id));

        // The hub schedules a local session once the scheduling service has heard of the group.
        Map<String, Object> session = Map.of("title", "Autumn local session", "audience", "LEAD_TEACHERS",
                "deliveryMode", "FACE_TO_FACE", "startsAt", pastYear.substring(0, 4) + "-10-14T16:00",
                "endsAt", pastYear.substring(0, 4) + "-10-14T17:30", "location", "Bishop Challoner Catholic College");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(hubAdmin).contentType(ContentType.JSON)
                .body(session).post(platform.gateway() + "/api/v1/work-groups/{id}/sessions", id).statusCode() == 201);

        // A school applies through its hub's website, as soon as the applications service knows the group.
        Map<String, Object> application = Schools.application(firstSchool);
        Response accepted = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().auth().oauth2(website).contentType(ContentType.JSON).body(application)
                        .post(platform.gateway() + "/api/v1/work-groups/{id}/applications", id),
                response -> response.statusCode() != 404);
        // The school hears the decision on the confirmation date; its hub sees it at once.
        String first = accepted.then().statusCode(201).body("application.status", equalTo("SUBMITTED"))
                .body("application.eligibility.outcome", equalTo("ELIGIBLE")).extract().path("reference");
        Map<String, Object> secondForm = Schools.application(secondSchool);
        String key = UUID.randomUUID().toString();
        var secondAnswer = given().auth().oauth2(website).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(secondForm).post(platform.gateway() + "/api/v1/work-groups/{id}/applications", id)
                .then().statusCode(201).extract();
        String second = secondAnswer.path("reference");
        // The website lost that answer (a timeout) and sends the request again with its key: the first answer again,
        // one-time secret included, and still one application.
        given().auth().oauth2(website).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(secondForm).post(platform.gateway() + "/api/v1/work-groups/{id}/applications", id)
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("reference", equalTo(second)).body("secret", equalTo(secondAnswer.path("secret")));
        // The allocator places them behind the answers, in the order they arrived; the hub sees it within moments.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(hubAdmin)
                .get(platform.gateway() + "/api/v1/applications/{ref}", second)
                .then().statusCode(200).body("status", equalTo("WAITLISTED")).body("waitingListPosition", equalTo(1)));
        given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/applications/{ref}", first)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        // The school itself sees no decision before the confirmation date; a website trying its pages in the sandbox
        // asks "as on that date" and sees what the school will see then.
        String firstSecret = accepted.path("secret");
        given().header("Application-Secret", firstSecret).get(platform.gateway() + "/api/v1/applications/{ref}", first)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().header("Application-Secret", firstSecret).header("X-With-Server-Date", LocalDate.now().plusDays(35).toString())
                .get(platform.gateway() + "/api/v1/applications/{ref}", first)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        // ApplicationAccepted crossed Kafka: the accepted school's five people are taken in and enrolled by role.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> participants = given().auth().oauth2(admin)
                    .get(platform.gateway() + "/api/v1/participation/work-groups/{id}/participants", id)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(participants).extracting(p -> p.get("role")).containsExactlyInAnyOrder("HEADTEACHER",
                    "LEAD_TEACHER_RECEPTION", "LEAD_TEACHER_YEAR_1", "LEAD_TEACHER_YEAR_2", "MATHS_LEAD");
            assertThat(participants).extracting(p -> p.get("urn")).containsOnly(firstSchool);
            // The three lead teachers are expected at the hub's lead teachers' session.
            assertThat(participants).filteredOn(p -> ((String) p.get("role")).startsWith("LEAD_TEACHER"))
                    .hasSize(3).allSatisfy(p -> assertThat(((List<?>) p.get("sessionIds"))).hasSize(1));
        });

        // The NCETM's sync, with its own client's token, sees both schools' applications as they stand.
        String ncetm = platform.clientToken("ncetm-integration", "ncetm-integration-secret");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().auth().oauth2(ncetm)
                .get(platform.gateway() + "/api/v1/participation/schools?workGroupId={id}", id)
                .then().statusCode(200).extract().jsonPath().getList("items", Map.class))
                .extracting(school -> school.get("urn") + " " + school.get("status") + " " + school.get("schoolName"))
                .containsExactlyInAnyOrder(firstSchool + " ACCEPTED Elston Hall Primary School " + firstSchool,
                        secondSchool + " WAITLISTED Elston Hall Primary School " + secondSchool));

        // Closing the Work Group in the catalogue reaches the applications service over Kafka: no more applications.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", "CLOSED"))
                .put(platform.gateway() + "/api/v1/work-groups/{id}/status", id)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(website).contentType(ContentType.JSON)
                .body(Schools.application("137003")).post(platform.gateway() + "/api/v1/work-groups/{id}/applications", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("register interest")));

        // The group's calendar feed comes through the gateway, the hub's session in it.
        given().get(platform.gateway() + "/api/v1/work-groups/{id}/calendar.ics", id).then().statusCode(200)
                .contentType("text/calendar").body(containsString("SUMMARY:Autumn local session"));

        // The year runs: a second local session, the hub records its teachers at both, and the group completes.
        String secondSession = given().auth().oauth2(hubAdmin).contentType(ContentType.JSON)
                .body(Map.of("title", "Second local session", "audience", "LEAD_TEACHERS", "deliveryMode", "TWILIGHT",
                        "startsAt", pastYear.substring(0, 4) + "-11-04T16:00", "endsAt", pastYear.substring(0, 4) + "-11-04T17:30"))
                .post(platform.gateway() + "/api/v1/work-groups/{id}/sessions", id)
                .then().statusCode(201).extract().path("id");
        List<String> sessions = given().get(platform.gateway() + "/api/v1/work-groups/{id}/sessions", id)
                .then().extract().jsonPath().getList("items.findAll { !it.central }.id");
        assertThat(sessions).contains(secondSession).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.stream().allMatch(local -> {
            List<String> teachers = given().auth().oauth2(hubAdmin)
                    .get(platform.gateway() + "/api/v1/sessions/{id}/attendance", local)
                    .then().statusCode(200).extract().jsonPath().getList("items.participantId");
            return teachers.size() == 3 && given().auth().oauth2(hubAdmin).contentType(ContentType.JSON)
                    .body(Map.of("records", teachers.stream().map(t -> Map.of("participantId", t, "attendance", "ATTENDED")).toList()))
                    .put(platform.gateway() + "/api/v1/sessions/{id}/attendance", local).statusCode() == 200;
        }));
        given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/work-groups/{id}/completion", id)
                .then().statusCode(200).body("schools.urn", equalTo(List.of(firstSchool)))
                .body("schools.complete", equalTo(List.of(true)));
        // The programme team's evaluation survey for the year goes out when each Work Group completes; the hub adds
        // a question of its own for this group.
        String survey = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "MN_RKS1", "academicYear", pastYear, "title", "End of year evaluation " + id,
                        "audience", "PERSON", "sends", "AT_COMPLETION", "questions", List.of(
                                Map.of("key", "confidence", "text", "How confident do you now feel teaching number?",
                                        "type", "SCALE", "required", true, "min", 1, "max", 5),
                                Map.of("key", "comments", "text", "Anything else you would like to tell us?", "type", "TEXT"))))
                .post(platform.gateway() + "/api/v1/surveys").then().statusCode(201).extract().path("id");
        given().auth().oauth2(hubAdmin).contentType(ContentType.JSON)
                .body(Map.of("questions", List.of(Map.of("key", "hub_venue", "text", "Was Bishop Challoner a good venue?",
                        "type", "CHOICE", "options", List.of("Yes", "No")))))
                .put(platform.gateway() + "/api/v1/surveys/{s}/work-groups/{id}/questions", survey, id).then().statusCode(200);
        for (String status : List.of("RUNNING", "COMPLETED")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", status))
                    .put(platform.gateway() + "/api/v1/work-groups/{id}/status", id)
                    .then().statusCode(200);
        }
        // ParticipationCompleted crossed Kafka into the applications service's history: next year's eligibility knows.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin)
                .get(platform.gateway() + "/api/v1/schools/{urn}/participation", firstSchool)
                .then().statusCode(200)
                .body("items.findAll { it.programmeCode == 'MN_RKS1' && it.academicYear == '" + pastYear + "' }.outcome",
                        equalTo(List.of("COMPLETED"))));

        afterTheYear(id, firstSchool, survey, hubAdmin, pastYear);

        // One OpenAPI document for the whole API, each path from the service that answers it.
        given().get(platform.gateway() + "/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/work-groups", "/api/v1/work-groups/{id}/applications",
                        "/api/v1/work-groups/{id}/sessions", "/api/v1/sessions/{id}/attendance", "/api/v1/schools/{urn}",
                        "/api/v1/audit/applications-service", "/api/v1/audit/scheduling-service",
                        "/api/v1/audit/programme-catalogue-service", "/api/v1/trusts/{code}/applications", "/api/v1/erasures"))
                .body("info.description", not(containsString("Not included")));

        // A website still on version 1 asks for it, and gets the list whole, as the bare array it was, told until when.
        given().auth().oauth2(hubAdmin).header("API-Version", "1")
                .get(platform.gateway() + "/api/v1/work-groups/{id}/applications", id)
                .then().statusCode(200).header("API-Version", "1.2.0").header("Deprecation", startsWith("@"))
                .header("Sunset", containsString("2027")).body("[0].reference", notNullValue());

        // Tenancy holds through the gateway: another hub's admin sees nothing of it.
        given().auth().oauth2(platform.passwordToken("shaw.admin"))
                .get(platform.gateway() + "/api/v1/work-groups/{id}/applications", id)
                .then().statusCode(403).contentType("application/problem+json");
        // And a forged token is refused at the gateway.
        given().auth().oauth2(admin.substring(0, admin.length() - 4) + "AAAA")
                .get(platform.gateway() + "/api/v1/work-groups")
                .then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * After the year, as a teacher and the NCETM see it through the gateway: the headteacher's mails bring a
     * certificate (a PDF naming her, checked by its code by anyone, without her name) and a survey (answered once
     * through its single-use link); the hub counts its answers; the NCETM pulls them, without names.
     */
    private static void afterTheYear(String workGroup, String urn, String survey, String hubAdmin, String year) throws IOException {
        String head = "head" + urn + "@school.example";
        ReceivedMail certificate = mail(head, "Your certificate of completion");
        Matcher file = Pattern.compile("(http://\\S+/api/v1/certificate-files/\\S+\\.pdf)").matcher(certificate.text());
        Matcher code = Pattern.compile("MH-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(certificate.text());
        assertThat(file.find() && code.find()).as(certificate.text()).isTrue();
        assertThat(file.group(1)).startsWith(platform.gateway());
        byte[] pdf = given().get(file.group(1)).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Certificate of completion", "Ann Head",
                    "Mastering Number", "Central Maths Hub", year, code.group());
        }
        String check = given().get(platform.gateway() + "/api/v1/certificates/{code}", code.group()).then().statusCode(200)
                .body("valid", equalTo(true)).body("programmeCode", equalTo("MN_RKS1")).body("hub", equalTo("Central Maths Hub"))
                .body("academicYear", equalTo(year)).extract().asString();
        assertThat(check).doesNotContain("Ann Head");

        ReceivedMail invitation = mail(head, "End of year evaluation");
        Matcher link = Pattern.compile("(http://\\S+/api/v1/survey-invitations/\\S+)").matcher(invitation.text());
        assertThat(link.find()).as(invitation.text()).isTrue();
        given().get(link.group(1)).then().statusCode(200)
                .body("questions.key", equalTo(List.of("confidence", "comments"))).body("hubQuestions.key", equalTo(List.of("hub_venue")));
        given().contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of("confidence", 4, "comments", "The daily sessions changed our Reception class.",
                        "hub_venue", "Yes")))
                .post(link.group(1) + "/response").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("confidence", 5)))
                .post(link.group(1) + "/response").then().statusCode(410).contentType("application/problem+json");

        // The hub sees how many answered (no counts of one answer: it would know whose); the NCETM sees the counts.
        given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/surveys/{s}/results?workGroupId={g}", survey, workGroup)
                .then().statusCode(200).body("invited", equalTo(5)).body("answered", equalTo(1)).body("withheld", equalTo(true));
        String ncetm = platform.clientToken("ncetm-integration", "ncetm-integration-secret");
        given().auth().oauth2(ncetm).get(platform.gateway() + "/api/v1/surveys/{s}/results?workGroupId={g}", survey, workGroup)
                .then().statusCode(200).body("answered", equalTo(1))
                .body("questions.find { it.key == 'confidence' }.counts.'4'", equalTo(1))
                .body("questions.find { it.key == 'hub_venue' }.counts.Yes", equalTo(1));
        given().auth().oauth2(hubAdmin)
                .get(platform.gateway() + "/api/v1/surveys/{s}/work-groups/{g}/invitations?answered=false", survey, workGroup)
                .then().statusCode(200).body("items", hasSize(4));
        String answers = given().auth().oauth2(ncetm)
                .get(platform.gateway() + "/api/v1/participation/survey-answers?workGroupId={g}", workGroup)
                .then().statusCode(200).body("items", hasSize(3))
                .body("items.find { it.questionKey == 'comments' }.text", equalTo("The daily sessions changed our Reception class."))
                .extract().asString();
        assertThat(answers).doesNotContain("Ann Head", head);
        given().auth().oauth2(ncetm).accept("text/csv")
                .get(platform.gateway() + "/api/v1/participation/survey-answers?workGroupId={g}", workGroup)
                .then().statusCode(200).body(containsString("hub_venue"));
    }

    /** The latest mail to an address whose subject starts so, once it has arrived. */
    private static ReceivedMail mail(String address, String subjectStart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> SharedPlatform.mailbox().to(address).stream()
                .filter(m -> m.subject().startsWith(subjectStart)).reduce((first, second) -> second).orElse(null), m -> m != null);
    }

    /**
     * One application is one trace: the website's POST through the gateway, the intake, the allocator placing it, its
     * events across Kafka into the catalogue's places and the scheduling service's enrolment, and its mails, each
     * span the child of one in the same trace. No span's name or attributes carries a person's name, address or TRN,
     * nor the school's secret.
     */
    @Test
    void oneApplicationIsOneTraceFromItsPostToItsEnrolmentAndItsMails() throws Exception {
        String admin = platform.passwordToken("ncetm.admin");
        String website = platform.clientToken("hub-website-central", "central-website-secret");
        String urn = String.valueOf(600_000 + RANDOM.nextInt(100_000));
        given().auth().oauth2(admin).contentType("text/csv; charset=ISO-8859-1")
                .body(Schools.register(Map.of(urn, "Tracy Lane Primary School"))).post(platform.gateway() + "/api/v1/schools/import")
                .then().statusCode(200);
        String group = given().get(platform.gateway() + "/api/v1/work-groups?hub=CENTRAL&programme=MN_RKS1&openNow=true&hasPlaces=true")
                .then().statusCode(200).extract().path("items[0].id");
        // The website's own trace, continued by the gateway (W3C traceparent).
        String traceId = String.format("%016x%016x", RANDOM.nextLong(), RANDOM.nextLong());
        String websiteSpan = String.format("%016x", RANDOM.nextLong() | 1);
        Map<String, Object> form = Schools.application(urn);
        String requestId = "site-" + traceId.substring(0, 12);
        String secret = given().auth().oauth2(website).header("traceparent", "00-" + traceId + "-" + websiteSpan + "-01")
                .header("X-Request-Id", requestId).contentType(ContentType.JSON).body(form)
                .post(platform.gateway() + "/api/v1/work-groups/{id}/applications", group).then().statusCode(201)
                .extract().path("secret");
        await().atMost(Duration.ofSeconds(30)).until(() -> people(admin, group, urn).size() == 5);

        // Exported within a second or so of each span's end.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> trace = traces.spans().stream().filter(span -> span.traceId().equals(traceId)).toList();
            assertThat(trace).extracting(span -> span.service() + " " + span.kind() + " " + span.name()).contains(
                    "gateway SPAN_KIND_SERVER POST /api/v1/work-groups/{id}/applications",
                    "gateway SPAN_KIND_CLIENT POST",
                    "applications-service SPAN_KIND_SERVER POST /api/v1/work-groups/{id}/applications",
                    "applications-service SPAN_KIND_INTERNAL allocate a place",
                    "applications-service SPAN_KIND_PRODUCER publish applications.applications",
                    "programme-catalogue-service SPAN_KIND_CONSUMER apply uk.mathshubs.applications.application.accepted.v1",
                    "scheduling-service SPAN_KIND_CONSUMER apply uk.mathshubs.applications.application.accepted.v1");
            assertThat(trace).anySatisfy(span -> assertThat(span.service() + " " + span.kind() + " " + span.name())
                    .startsWith("applications-service SPAN_KIND_CLIENT send mail"));
            // One tree: every span's parent is in the trace, but the website's own span the gateway continued.
            java.util.Set<String> ids = trace.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(java.util.stream.Collectors.toSet());
            ids.add(websiteSpan);
            assertThat(trace).allSatisfy(span -> assertThat(ids).as(span.name() + "'s parent").contains(span.parentSpanId()));
        });
        // A teacher's private calendar feed and a search are read through the gateway: their secrets stay out of the spans.
        String calendar = given().auth().oauth2(admin).get(platform.gateway() + "/api/v1/participation/work-groups/{id}/participants", group)
                .then().statusCode(200).extract().path("items.find { it.urn == '" + urn + "' }.calendarPath");
        given().get(platform.gateway() + calendar).then().statusCode(200);
        given().queryParam("name", "Tracy Lane").get(platform.gateway() + "/api/v1/schools").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(traces.spans())
                .anySatisfy(span -> assertThat(span.attributes().get("url.path")).isEqualTo("/api/v1/calendars/{token}.ics")));

        List<String> personal = List.of(secret, calendar.replaceAll(".*/calendars/([^.]+)\\.ics", "$1"), "Tracy", "Ann Head",
                "head" + urn + "@school.example", "Rita Reception", "Yusuf One", "Yolanda Two", "Sam Wycherley", "@school.example");
        assertThat(traces.spans()).allSatisfy(span -> {
            assertThat(span.text()).as(span.service() + " " + span.name()).doesNotContain(personal);
            assertThat(span.attributes().getOrDefault("client.address", "(not recorded)")).as("the caller's address").isEqualTo("(not recorded)");
        });

        // The logs, as ops queries them: the gateway's line for the POST names the request, the website and the trace;
        // the scheduling service's enrolment is in the same trace; every line is JSON and none holds a personal datum.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(jsonLines("gateway", requestId)).anySatisfy(line -> {
                assertThat(line.getString("message")).startsWith("POST /api/v1/work-groups/" + group + "/applications 201 ");
                assertThat(line.getString("mdc.requestId")).isEqualTo(requestId);
                assertThat(line.getString("mdc.clientId")).isEqualTo("hub-website-central");
                assertThat(line.getString("mdc.traceId")).isEqualTo(traceId);
            });
            assertThat(jsonLines("scheduling", traceId)).anySatisfy(line -> {
                assertThat(line.getString("message")).startsWith("Application ").contains(" accepted: 5 people");
                assertThat(line.getString("mdc.traceId")).isEqualTo(traceId);
            });
        });
        for (String component : List.of("gateway", "catalogue", "applications", "scheduling")) {
            assertThat(Files.readString(platform.home().resolve("logs/" + component + ".log")))
                    .as("the %s's log", component).doesNotContain(personal);
        }
    }

    /**
     * A component's log lines written by Quarkus (JSON, one object a line; the JVM's own warnings are not) that hold the
     * text, a request or trace id: the log also holds the fuzz suite's thousands of lines, too many to parse each time.
     */
    private static List<JsonPath> jsonLines(String component, String holding) throws IOException {
        try (var lines = Files.lines(platform.home().resolve("logs/" + component + ".log"))) {
            return lines.filter(line -> line.startsWith("{") && line.contains(holding)).map(JsonPath::from).toList();
        }
    }

    /**
     * A developer sees the same figures in a Prometheus of their own ({@code ./platform up observability}, Debian's
     * prometheus package, which .ci/run installs): every service scraped, labelled as the prod overlay's PodMonitor
     * labels it, so the dashboards' queries work there too.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void upObservabilityStartsAPrometheusScrapingEveryService() throws Exception {
        Assumptions.assumeTrue(onPath("prometheus") || System.getenv("CI") != null, "prometheus is not installed");
        platform.start("observability");
        String prometheus = "http://localhost:" + platform.port("PLATFORM_PROMETHEUS_PORT");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(query(prometheus, "up == 1").<String>getList("data.result.metric.app_kubernetes_io_name"))
                    .containsExactlyInAnyOrder("gateway", "programme-catalogue-service", "applications-service", "scheduling-service",
                            "webhooks-service", "hub-console");
            assertThat(query(prometheus, "mathshubs_outbox_pending").<String>getList("data.result.metric.app_kubernetes_io_name"))
                    .contains("applications-service", "scheduling-service", "programme-catalogue-service");
        });
    }

    /** A PromQL query's answer, asked of Prometheus' HTTP API (not through RestAssured: that is not the platform's API). */
    private static JsonPath query(String prometheus, String promql) throws IOException, InterruptedException {
        URI uri = URI.create(prometheus + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return JsonPath.from(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /**
     * What ops is shown and paged on (the prod overlay's dashboards and alerts) reads figures the running processes
     * really export: each dashboard's from its own component, each alert's from at least one. Runs last, once the
     * other tests have applied, accepted and enrolled (some series start at a component's first such event).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyFigureTheDashboardsAndAlertsReadIsExportedByTheComponentsThemselves() throws Exception {
        Path prod = platform.root().resolve("deploy/k8s/overlays/prod");
        Map<String, String> exported = new HashMap<>();
        for (String component : List.of("gateway", "programme-catalogue-service", "applications-service", "scheduling-service",
                "webhooks-service")) {
            String port = "PLATFORM_" + switch (component) {
                case "programme-catalogue-service" -> "CATALOGUE";
                case "applications-service" -> "APPLICATIONS";
                case "scheduling-service" -> "SCHEDULING";
                case "webhooks-service" -> "WEBHOOKS";
                default -> "GATEWAY";
            } + "_MANAGEMENT_PORT";
            exported.put(component, given().get("http://127.0.0.1:" + platform.port(port) + "/q/metrics").then().statusCode(200)
                    .extract().asString());
            String dashboard = Files.readString(prod.resolve("dashboards/" + component + ".json"));
            assertThat(metricNames(dashboard)).as("the %s dashboard's figures", component).isNotEmpty()
                    .allSatisfy(name -> assertThat(exported.get(component)).as("%s exports %s", component, name)
                            .containsPattern("(?m)^" + name + "[{ ]"));
        }
        assertThat(metricNames(Files.readString(prod.resolve("alerts.yaml")))).isNotEmpty().allSatisfy(name -> assertThat(
                exported.values().stream().anyMatch(metrics -> java.util.regex.Pattern.compile("(?m)^" + name + "[{ ]").matcher(metrics).find()))
                .as("a component exports %s (or kube-state-metrics does)", name).isTrue());
    }

    /** The platform's own metric names a PromQL text reads (kube-state-metrics' and Prometheus' own aside). */
    private static java.util.Set<String> metricNames(String promql) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher name = java.util.regex.Pattern
                .compile("\\b((?:mathshubs|kafka|http_server|jvm|process)_[a-z0-9_]+)\\b").matcher(promql);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    @Test
    void aTeacherErasedAtTheirRequestIsInNoRowOfAnyService() throws Exception {
        String admin = platform.passwordToken("ncetm.admin");
        String website = platform.clientToken("hub-website-central", "central-website-secret");
        String urn = String.valueOf(500_000 + RANDOM.nextInt(100_000));
        given().auth().oauth2(admin).contentType("text/csv; charset=ISO-8859-1")
                .body(Schools.register(Map.of(urn, "Oak Meadow Primary School"))).post(platform.gateway() + "/api/v1/schools/import")
                .then().statusCode(200);
        String group = given().get(platform.gateway() + "/api/v1/work-groups?hub=CENTRAL&programme=MN_RKS1&openNow=true&hasPlaces=true")
                .then().statusCode(200).extract().path("items[0].id");
        String email = "yusuf.one." + urn + "@school.example";
        String trn = String.valueOf(8_000_000 + RANDOM.nextInt(2_000_000));
        Map<String, Object> form = new HashMap<>(Schools.application(urn));
        form.put("leadTeachers", List.of(
                Map.of("role", "LEAD_TEACHER_RECEPTION", "name", "Rita Reception", "email", "rita." + urn + "@school.example",
                        "trn", "2345678", "schoolRoles", "Class teacher"),
                Map.of("role", "LEAD_TEACHER_YEAR_1", "name", "Yusuf One", "email", email, "trn", trn, "schoolRoles", "Class teacher"),
                Map.of("role", "LEAD_TEACHER_YEAR_2", "name", "Yolanda Two", "email", "yolanda." + urn + "@school.example",
                        "trn", "4567890", "schoolRoles", "Class teacher"),
                Map.of("role", "MATHS_LEAD", "name", "Sam Wycherley", "email", "sam" + urn + "@school.example", "trn", "1234567",
                        "schoolRoles", "Maths lead")));
        given().auth().oauth2(website).contentType(ContentType.JSON).body(form)
                .post(platform.gateway() + "/api/v1/work-groups/{id}/applications", group).then().statusCode(201);
        // Accepted, the teacher reaches the scheduling service (and so the NCETM's sync).
        await().atMost(Duration.ofSeconds(30)).until(() -> people(admin, group, urn).contains("Yusuf One"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("email", email, "trn", trn))
                .post(platform.gateway() + "/api/v1/erasures").then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> people(admin, group, urn).contains("Erased person"));
        assertThat(people(admin, group, urn)).as("the school still has five people taking part").hasSize(5)
                .doesNotContain("Yusuf One");
        for (String service : List.of("catalogue", "applications", "scheduling")) {
            try (Connection database = platform.database(service)) {
                assertThat(PersonalDataScan.tablesHolding(database, email, trn)).as("rows of %s holding them", service).isEmpty();
            }
        }
    }

    /** The names of a school's people in a Work Group, as the scheduling service holds them. */
    /**
     * The NCETM's feed of schools equals the applications service's own view as the waiting list moves: schools join,
     * one waiting leaves, the accepted school withdraws and its place is offered, an offer is declined and passes on, a
     * school is rejected from the list, an offer is taken, a late school joins. Equal in a full pull, and in the first
     * full pull brought up to date by an updatedSince pull alone.
     */
    @Test
    void theNcetmsFeedOfSchoolsEqualsTheApplicationsServiceAsTheWaitingListMoves() {
        String admin = platform.passwordToken("ncetm.admin");
        String hubAdmin = platform.passwordToken("central.admin");
        String website = platform.clientToken("hub-website-central", "central-website-secret");
        String ncetm = platform.clientToken("ncetm-integration", "ncetm-integration-secret");
        Map<String, String> names = new java.util.LinkedHashMap<>();
        int base = 600_000 + RANDOM.nextInt(90_000);
        for (int i = 0; i < 7; i++) {
            names.put(String.valueOf(base + i), "Feed School " + (i + 1));
        }
        given().auth().oauth2(admin).contentType("text/csv; charset=ISO-8859-1").body(Schools.register(names))
                .post(platform.gateway() + "/api/v1/schools/import").then().statusCode(200);
        // Offers are made once decisions are released: a window closing in a quarter of an hour, decisions today. The
        // confirmation date may not be before the window's close, so this needs a quarter of an hour left of the day.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Assumptions.assumeTrue(now.toLocalTime().isBefore(LocalTime.of(22, 30)), "too close to midnight for a window closing today");
        String group = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "MN_RKS1", "hubCode", "CENTRAL",
                        "academicYear", Schools.academicYear(Schools.thisAcademicYearStart() + 1), "capacity", 1,
                        "lead", "Feed Work Group Lead", "allocationPolicy", "FIRST_COME_FIRST_SERVED",
                        "applicationWindow", Map.of(
                                "opensAt", now.minusDays(1).toString(),
                                "closesAt", now.plusMinutes(15).toString(),
                                "confirmationDate", now.toLocalDate().toString())))
                .post(platform.gateway() + "/api/v1/work-groups").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .put(platform.gateway() + "/api/v1/work-groups/{id}/status", group).then().statusCode(200);

        List<String> urns = List.copyOf(names.keySet());
        List<String> references = new java.util.ArrayList<>();
        for (String urn : urns.subList(0, 6)) {
            Response answer = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(website)
                    .contentType(ContentType.JSON).body(Schools.application(urn))
                    .post(platform.gateway() + "/api/v1/work-groups/{id}/applications", group), r -> r.statusCode() != 404);
            references.add(answer.then().statusCode(201).extract().path("reference"));
        }
        // One place: the first school has it, the other five wait 1..5.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(source(hubAdmin, group))
                .containsEntry(references.get(0), "ACCEPTED").containsEntry(references.get(5), "WAITLISTED 5"));
        Map<String, String> firstPull = await().atMost(Duration.ofSeconds(30)).until(() -> feed(ncetm, group, null),
                pulled -> statusesOf(pulled).equals(source(hubAdmin, group)));
        String since = firstPull.values().stream().map(row -> row.split("\\|")[1]).max(String::compareTo).orElseThrow();

        // Moves, made by the hub for its schools after the release: the school third in the queue leaves it; the accepted school withdraws
        // (the first waiting is offered its place); that school declines (the next is offered); the hub rejects the last
        // school waiting; the school offered takes the place; a late school joins the end of the list.
        // Each says why with a code from the lists the NCETM counts drop-out by (the third school gives none).
        withdraw(hubAdmin, references.get(3));
        given().get(platform.gateway() + "/api/v1/reason-codes/withdrawal").then().statusCode(200)
                .body("codes.code", hasItems("NOT_GIVEN", "STAFF_CHANGES"));
        given().auth().oauth2(hubAdmin).contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "STAFF_CHANGES", "reason", "Our Year 2 teacher is leaving at Christmas"))
                .post(platform.gateway() + "/api/v1/applications/{ref}/withdrawal", references.get(0))
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("reasonCode", equalTo("STAFF_CHANGES"));
        given().auth().oauth2(hubAdmin).contentType(ContentType.JSON).body(Map.of("reasonCode", "NO_LONGER_NEEDED"))
                .post(platform.gateway() + "/api/v1/applications/{ref}/offer/decline", references.get(1))
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        given().auth().oauth2(hubAdmin).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reasonCode", "NO_SUCH_CODE", "reason", "The school is joining another hub's Work Group"))
                .post(platform.gateway() + "/api/v1/applications/{ref}/decision", references.get(5))
                .then().statusCode(400).body("errors.field", equalTo(List.of("reasonCode")));
        given().auth().oauth2(hubAdmin).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reasonCode", "OUTSIDE_HUB_AREA",
                        "reason", "The school is joining another hub's Work Group"))
                .post(platform.gateway() + "/api/v1/applications/{ref}/decision", references.get(5))
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(hubAdmin)
                .post(platform.gateway() + "/api/v1/applications/{ref}/offer/acceptance", references.get(2))
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        String late = given().auth().oauth2(website).contentType(ContentType.JSON).body(Schools.application(urns.get(6)))
                .post(platform.gateway() + "/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(201).extract().path("reference");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(source(hubAdmin, group))
                .containsEntry(late, "WAITLISTED 2").containsEntry(references.get(4), "WAITLISTED 1"));
        Map<String, String> expected = source(hubAdmin, group);
        // A full pull equals the source...
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statusesOf(feed(ncetm, group, null)))
                .isEqualTo(expected));
        // ...and so does the first pull with only what an updatedSince pull brings laid over it.
        Map<String, String> synced = new HashMap<>(firstPull);
        synced.putAll(feed(ncetm, group, since));
        assertThat(statusesOf(synced)).isEqualTo(expected);
        // The feed carries the codes, so that drop-out can be counted.
        Map<String, Object> codes = new HashMap<>();
        given().auth().oauth2(ncetm).get(platform.gateway() + "/api/v1/participation/schools?workGroupId={g}&size=100", group)
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")
                .forEach(row -> codes.put((String) row.get("reference"), row.get("reasonCode")));
        assertThat(codes).containsEntry(references.get(0), "STAFF_CHANGES").containsEntry(references.get(3), "NOT_GIVEN")
                .containsEntry(references.get(1), "NO_LONGER_NEEDED").containsEntry(references.get(5), "OUTSIDE_HUB_AREA")
                .containsEntry(references.get(2), null);
    }

    /** The hub console in a real browser, on this platform, after the tests above (HubConsoleTests says what it shows). */
    @Nested
    class HubConsole extends HubConsoleTests {

        @Override
        Platform platform() {
            return platform;
        }
    }

    private static void withdraw(String hubAdmin, String reference) {
        given().auth().oauth2(hubAdmin).contentType(ContentType.JSON).body(Map.of())
                .post(platform.gateway() + "/api/v1/applications/{ref}/withdrawal", reference)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    /** The applications service's view, as its hub sees it, every page: reference -> "STATUS" or "WAITLISTED position". */
    private static Map<String, String> source(String hubAdmin, String group) {
        Map<String, String> statuses = new HashMap<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(hubAdmin).queryParam("size", 3).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(platform.gateway() + "/api/v1/work-groups/{id}/applications", group)
                    .then().statusCode(200).extract().jsonPath();
            page.<Map<String, Object>>getList("items").forEach(a -> assertThat(statuses.put((String) a.get("reference"), status(a)))
                    .as("each application on one page only").isNull());
            cursor = page.getString("next");
        } while (cursor != null);
        return statuses;
    }

    /** The NCETM's feed: reference -> "status|updatedAt", every page, optionally only rows changed after {@code since}. */
    private static Map<String, String> feed(String ncetm, String group, String since) {
        Map<String, String> rows = new HashMap<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(ncetm).queryParam("workGroupId", group).queryParam("size", 2);
            if (since != null) {
                request.queryParam("updatedSince", since);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(platform.gateway() + "/api/v1/participation/schools").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(row -> rows.put((String) row.get("reference"), status(row) + "|" + row.get("updatedAt")));
            cursor = page.getString("next");
        } while (cursor != null);
        return rows;
    }

    private static Map<String, String> statusesOf(Map<String, String> feed) {
        Map<String, String> statuses = new HashMap<>();
        feed.forEach((reference, row) -> statuses.put(reference, row.split("\\|")[0]));
        return statuses;
    }

    private static String status(Map<String, Object> row) {
        return row.get("waitingListPosition") == null ? (String) row.get("status") : row.get("status") + " " + row.get("waitingListPosition");
    }

    private static List<String> people(String token, String group, String urn) {
        return given().auth().oauth2(token).get(platform.gateway() + "/api/v1/participation/work-groups/{id}/participants", group)
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.urn == '" + urn + "' }.name");
    }

    private static final java.util.Random RANDOM = new java.util.Random();

    private static List<Long> recordedPids(Path home) throws IOException {
        Path pids = home.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pids)) {
            return files.map(f -> {
                try {
                    return Long.parseLong(Files.readString(f).strip());
                } catch (IOException | NumberFormatException e) {
                    return -1L;
                }
            }).filter(pid -> pid > 0).toList();
        }
    }
}
