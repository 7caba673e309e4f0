package uk.mathshubs.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import io.restassured.http.ContentType;

/**
 * The hub console as its people use it, in headless Chromium through the gateway, signed in on Keycloak's own page:
 * a hub admin decides an application, schedules a session and takes its register; another hub's admin sees and changes
 * none of it through any page; the programme team and a trust lead find their pages; nothing answers without signing
 * in, and every page passes axe-core's WCAG 2.2 AA rules with no serious or critical violation. Run on the end-to-end
 * test's platform (a nested class of EndToEndFlowIT), after its own tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HubConsoleTests {

    private static final Random RANDOM = new Random();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Platform platform;
    private String group;
    private String accepted;
    private String waiting;
    private String acceptedSchool;
    private int year;
    private String centralsCsrfToken;

    abstract Platform platform();

    @BeforeAll
    void aWorkGroupWithAnAcceptedSchoolAndOneWaiting() {
        // CI installs them while the modules build (.ci/run); elsewhere, without them, these tests are skipped.
        Assumptions.assumeTrue(Browser.installed() || System.getenv("CI") != null,
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(Browser::installed);
        platform = platform();
        String admin = platform.passwordToken("ncetm.admin");
        String hubAdmin = platform.passwordToken("central.admin");
        String website = platform.clientToken("hub-website-central", "central-website-secret");
        int base = 700_000 + RANDOM.nextInt(90_000);
        acceptedSchool = String.valueOf(base);
        String waitingSchool = String.valueOf(base + 1);
        Map<String, String> names = new LinkedHashMap<>();
        names.put(acceptedSchool, "Console Primary School");
        names.put(waitingSchool, "Waiting Primary School");
        given().auth().oauth2(admin).contentType("text/csv; charset=ISO-8859-1").body(Schools.register(names))
                .post(platform.gateway() + "/api/v1/schools/import").then().statusCode(200);
        year = Schools.thisAcademicYearStart() - 1;
        group = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "MN_RKS1", "hubCode", "CENTRAL", "academicYear", Schools.academicYear(year),
                        "capacity", 1, "lead", "Console Work Group Lead", "allocationPolicy", "FIRST_COME_FIRST_SERVED",
                        "applicationWindow", Map.of(
                                "opensAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString(),
                                "closesAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString(),
                                "confirmationDate", java.time.LocalDate.now().plusDays(35).toString())))
                .post(platform.gateway() + "/api/v1/work-groups").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .put(platform.gateway() + "/api/v1/work-groups/{id}/status", group).then().statusCode(200);
        accepted = submit(website, acceptedSchool);
        waiting = submit(website, waitingSchool);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(hubAdmin)
                .get(platform.gateway() + "/api/v1/applications/{ref}", waiting)
                .then().statusCode(200).body("status", equalTo("WAITLISTED")));
    }

    private String submit(String website, String urn) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(website).contentType(ContentType.JSON)
                        .body(Schools.application(urn)).post(platform.gateway() + "/api/v1/work-groups/{id}/applications", group),
                        r -> r.statusCode() != 404)
                .then().statusCode(201).extract().path("reference");
    }

    /** Every page of the console, as a path: the lists and this test's own Work Group, application and session. */
    private List<String> pages(String session) {
        return List.of("/console", "/console/work-groups", "/console/work-groups/" + group,
                "/console/work-groups/" + group + "/sessions", "/console/work-groups/" + group + "/sessions/new",
                "/console/work-groups/" + group + "/completion", "/console/work-groups/" + group + "/surveys",
                "/console/applications/" + waiting,
                "/console/sessions/" + session, "/console/sessions/" + session + "/register", "/console/programmes",
                "/console/rule-sets/MN_RKS1", "/console/hubs", "/console/erasures", "/console/audit",
                "/console/trusts/5712");
    }

    private String sessionOfTheGroup() {
        String admin = platform.passwordToken("central.admin");
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin)
                .get(platform.gateway() + "/api/v1/work-groups/{id}/sessions", group).then().statusCode(200)
                .extract().<String>path("items.find { !it.central }.id"), id -> id != null);
    }

    @Test
    @Order(1)
    void aHubAdminDecidesAnApplicationSchedulesASessionAndTakesItsRegister() throws Exception {
        String hubAdmin = platform.passwordToken("central.admin");
        try (Browser browser = new Browser(platform.gateway())) {
            browser.signIn("central.admin", "/console/work-groups");
            assertThat(browser.heading()).isEqualTo("CENTRAL Work Groups");
            // The session: encrypted tokens in cookies no script can read, sent over TLS only and not on other sites' posts.
            assertThat(browser.cookies()).filteredOn(cookie -> cookie.getName().startsWith("q_session")).isNotEmpty()
                    .allSatisfy(cookie -> {
                        assertThat(cookie.isSecure()).as(cookie.getName() + " Secure").isTrue();
                        assertThat(cookie.isHttpOnly()).as(cookie.getName() + " HttpOnly").isTrue();
                        assertThat(cookie.getSameSite()).as(cookie.getName() + " SameSite").isEqualTo("Lax");
                        assertThat(cookie.getPath()).isEqualTo("/console");
                    });
            assertThat(browser.all(By.cssSelector("a[href='/console/work-groups/" + group + "']"))).hasSize(1);
            browser.accessibleAndPhotographed("work-groups");

            browser.open("/console/work-groups/" + group);
            assertThat(browser.text()).contains("Accepted (1)", "Waiting list (1)", "Console Primary School",
                    "Waiting Primary School");
            browser.accessibleAndPhotographed("applications");

            // A decision without a choice is refused beside its field; then rejected, with the reason the school will read.
            browser.open("/console/applications/" + waiting).press("Record decision");
            assertThat(browser.errorSummary()).containsExactly("Select accept or reject");
            assertThat(browser.title()).startsWith("Error: ");
            browser.accessibleAndPhotographed("application-error");
            browser.click(By.id("decision-reject")).type("reason", "The school is joining another hub's Work Group")
                    .press("Record decision");
            assertThat(browser.url()).startsWith(platform.gateway() + "/console/work-groups/" + group);
            assertThat(browser.text()).contains("Decision recorded for " + waiting, "Rejected, withdrawn, declined or expired (1)");
            given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/applications/{ref}", waiting)
                    .then().statusCode(200).body("status", equalTo("REJECTED"))
                    .body("decisionReason", equalTo("The school is joining another hub's Work Group"));
            browser.open("/console/applications/" + accepted).accessibleAndPhotographed("application");

            // A session: a date that does not exist is the console's own field error; the real one is scheduled.
            browser.open("/console/work-groups/" + group + "/sessions").clickLink("Schedule a session");
            browser.type("title", "Autumn local session").type("startsAt-day", "31").type("startsAt-month", "2")
                    .type("startsAt-year", String.valueOf(year + 1)).type("startTime", "4pm").type("endTime", "17:30")
                    .type("location", "Bishop Challoner Catholic College").press("Schedule session");
            assertThat(browser.errorSummary()).containsExactly("Enter a real date, for example 27 3 2027");
            browser.accessibleAndPhotographed("schedule-error");
            browser.type("startsAt-day", "14").type("startsAt-month", "10").type("startsAt-year", String.valueOf(year))
                    .press("Schedule session");
            assertThat(browser.text()).contains("Session scheduled.", "Autumn local session", "14 Oct " + year + ", 4pm to 5:30pm");
            browser.accessibleAndPhotographed("sessions");
            String session = sessionOfTheGroup();

            // The accepted school's three lead teachers are enrolled in it: the register takes them all at once.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().auth().oauth2(hubAdmin)
                    .get(platform.gateway() + "/api/v1/sessions/{id}/attendance", session).then().statusCode(200)
                    .extract().jsonPath().getList("items")).hasSize(3));
            browser.open("/console/work-groups/" + group + "/completion");
            assertThat(browser.text()).contains("URN " + acceptedSchool, "two of the three local sessions: 0 of 2");
            browser.open("/console/sessions/" + session + "/register");
            List<String> people = browser.all(By.cssSelector("input[type=radio][value=ATTENDED]")).stream()
                    .map(input -> input.getAttribute("name")).toList();
            assertThat(people).hasSize(3);
            List<String> marks = List.of("ATTENDED", "ABSENT", "APOLOGIES");
            for (int i = 0; i < 3; i++) {
                browser.click(By.id(people.get(i) + "-" + marks.get(i)));
            }
            browser.press("Save the register");
            assertThat(browser.text()).contains("The register is saved.");
            assertThat(browser.all(By.cssSelector("input[type=radio]:checked")).stream()
                    .map(input -> input.getAttribute("value")).toList()).containsExactlyInAnyOrderElementsOf(marks);
            browser.accessibleAndPhotographed("register");
            assertThat(given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/sessions/{id}/attendance", session)
                    .then().statusCode(200).extract().jsonPath().<String>getList("items.attendance"))
                    .containsExactlyInAnyOrderElementsOf(marks);

            // The progress shown is the API's: the sessions the school attended as the programme's rule counts them.
            int attended = given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/work-groups/{id}/completion", group)
                    .then().statusCode(200).extract()
                    .path("schools[0].requirements.find { it.label == 'two of the three local sessions' }.attended");
            browser.open("/console/work-groups/" + group + "/completion");
            assertThat(browser.text()).contains("URN " + acceptedSchool, "two of the three local sessions: " + attended + " of 2");
            browser.accessibleAndPhotographed("completion");
            browser.open("/console/work-groups/" + group + "/surveys");
            assertThat(browser.heading()).isNotEqualTo("Forbidden");
            browser.accessibleAndPhotographed("surveys");
            browser.open("/console/sessions/" + session).accessibleAndPhotographed("session");

            // A form post without the person's CSRF token, or with another's, changes nothing.
            String cookies = browser.cookieHeader();
            String token = browser.csrfToken();
            centralsCsrfToken = token;
            assertThat(post(cookies, "/console/applications/" + accepted + "/decision",
                    Map.of("decision", "REJECT", "reason", "forged"))).isEqualTo(403);
            assertThat(post(cookies, "/console/applications/" + accepted + "/decision",
                    Map.of("decision", "REJECT", "reason", "forged", "csrf", token + "x"))).isEqualTo(403);
            given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/applications/{ref}", accepted)
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        }
    }

    @Test
    @Order(2)
    void anotherHubsAdminCanNeitherSeeNorChangeItThroughAnyPage() throws Exception {
        String session = sessionOfTheGroup();
        try (Browser browser = new Browser(platform.gateway())) {
            browser.signIn("shaw.admin", "/console/work-groups");
            assertThat(browser.heading()).isEqualTo("SHAW Work Groups");
            assertThat(browser.all(By.cssSelector("a[href='/console/work-groups/" + group + "']"))).isEmpty();

            browser.open("/console/work-groups/" + group);
            assertThat(browser.heading()).isEqualTo("Forbidden");
            assertThat(browser.text()).doesNotContain("Console Primary School");
            browser.accessibleAndPhotographed("refused");

            String cookies = browser.cookieHeader();
            browser.open("/console/work-groups");
            String token = browser.csrfToken();
            // Every page that shows the Work Group's applications, people or sessions answers as the API did: refused.
            Map<String, Integer> pages = new LinkedHashMap<>();
            for (String page : List.of("/console/work-groups/" + group, "/console/work-groups/" + group + "/sessions",
                    "/console/work-groups/" + group + "/completion", "/console/work-groups/" + group + "/surveys",
                    "/console/applications/" + waiting, "/console/applications/" + accepted, "/console/sessions/" + session + "/register", "/console/programmes", "/console/hubs",
                    "/console/erasures", "/console/audit", "/console/trusts/5712")) {
                pages.put(page, get(cookies, page).statusCode());
            }
            assertThat(pages).allSatisfy((page, status) -> assertThat(status).as(page).isIn(403, 404));
            // A session's time and place are public in the API, as on the hub's website: shaw sees them, without the
            // forms that change them (which the API would refuse, below) and without anyone's name.
            HttpResponse<String> sessionPage = get(cookies, "/console/sessions/" + session);
            assertThat(sessionPage.statusCode()).isEqualTo(200);
            assertThat(sessionPage.body()).contains("Autumn local session").doesNotContain("Move session", "Cancel session",
                    "Rita Reception");
            // Central's form token is worth nothing in shaw's session.
            HttpResponse<String> forged = send(cookies, "/console/applications/" + accepted + "/decision",
                    Map.of("decision", "REJECT", "reason", "Not yours", "csrf", centralsCsrfToken));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("This form has expired");
            // ...and every form, sent with shaw's own valid token, is refused by the API and changes nothing.
            Map<String, Integer> forms = new LinkedHashMap<>();
            forms.put("decision", post(cookies, "/console/applications/" + accepted + "/decision",
                    Map.of("decision", "REJECT", "reason", "Not yours", "csrf", token)));
            forms.put("status", post(cookies, "/console/work-groups/" + group + "/status",
                    Map.of("status", "CLOSED", "csrf", token)));
            forms.put("schedule", post(cookies, "/console/work-groups/" + group + "/sessions",
                    Map.of("title", "Not yours", "audience", "EVERYONE", "deliveryMode", "LIVE_ONLINE", "day", "1",
                            "month", "11", "year", String.valueOf(year), "startTime", "9am", "endTime", "10am", "csrf", token)));
            forms.put("cancel", post(cookies, "/console/sessions/" + session + "/cancel",
                    Map.of("cancelReason", "Not yours", "csrf", token)));
            forms.put("move", post(cookies, "/console/sessions/" + session + "/move",
                    Map.of("day", "2", "month", "11", "year", String.valueOf(year), "startTime", "9am", "endTime", "10am",
                            "reason", "Not yours", "csrf", token)));
            forms.put("erasure", post(cookies, "/console/erasures", Map.of("email", "sam" + acceptedSchool + "@school.example",
                    "csrf", token)));
            assertThat(forms).allSatisfy((form, status) -> assertThat(status).as(form).isIn(403, 404));
            assertThat(send(cookies, "/console/applications/" + accepted + "/decision",
                    Map.of("decision", "REJECT", "reason", "Not yours", "csrf", token)).body())
                    .as("refused by the API, not by the CSRF check").doesNotContain("This form has expired");
        }
        String hubAdmin = platform.passwordToken("central.admin");
        given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/applications/{ref}", accepted)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().get(platform.gateway() + "/api/v1/work-groups/{id}", group).then().statusCode(200).body("status", equalTo("OPEN"));
        given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/sessions/{id}", session)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"))
                .body("startsAt", org.hamcrest.Matchers.startsWith(year + "-10-14"));
        given().auth().oauth2(hubAdmin).get(platform.gateway() + "/api/v1/work-groups/{id}/sessions", group)
                .then().statusCode(200).body("items.findAll { !it.central }", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    @Order(3)
    void noPageAnswersWithoutSigningIn() throws Exception {
        String session = sessionOfTheGroup();
        for (String page : pages(session)) {
            HttpResponse<String> answer = get("", page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(page).get().asString()
                    .startsWith(platform.realm() + "/protocol/openid-connect/auth");
        }
        assertThat(post("", "/console/applications/" + accepted + "/decision", Map.of("decision", "REJECT", "reason", "x")))
                .isIn(302, 401, 403);
        given().auth().oauth2(platform.passwordToken("central.admin"))
                .get(platform.gateway() + "/api/v1/applications/{ref}", accepted)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        // The assets are public: the sign-in page of a person not signed in yet is styled too.
        assertThat(get("", "/console/assets/govuk-frontend.min.css").statusCode()).isEqualTo(200);
        // The CORS that lets a hub website's scripts read the API lets none read the console (its pages, their tokens).
        HttpResponse<String> fromAWebsite = http.send(HttpRequest.newBuilder(URI.create(platform.gateway() + "/console/signed-out"))
                .header("Origin", "http://localhost:3000").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromAWebsite.statusCode()).isEqualTo(200);
        assertThat(fromAWebsite.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(fromAWebsite.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(fromAWebsite.headers().firstValue("Cross-Origin-Resource-Policy")).contains("same-origin");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/v1/hubs"))
                .header("Origin", "http://localhost:3000").build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Access-Control-Allow-Origin")).as("the API's CORS, unchanged").contains("http://localhost:3000");
    }

    @Test
    @Order(4)
    void theProgrammeTeamAndATrustLeadFindTheirPages() throws Exception {
        try (Browser browser = new Browser(platform.gateway())) {
            browser.signIn("ncetm.admin", "/console/programmes");
            assertThat(browser.heading()).isEqualTo("Programmes");
            assertThat(browser.text()).contains("Mastering Number at Reception and Key Stage 1");
            browser.accessibleAndPhotographed("programmes");
            browser.follow(By.cssSelector("a[href^='/console/rule-sets/']"));
            assertThat(browser.text()).contains("What the school declares", "Rules");
            browser.accessibleAndPhotographed("rule-set");
            browser.open("/console/hubs").accessibleAndPhotographed("hubs");
            assertThat(browser.text()).contains("Central Maths Hub", "SHaW Maths Hub");
            browser.open("/console/audit");
            assertThat(browser.heading()).isEqualTo("Audit trail");
            browser.open("/console/audit?service=applications-service").accessibleAndPhotographed("audit");
            assertThat(browser.all(By.cssSelector("tbody tr"))).isNotEmpty();
            browser.open("/console/work-groups?hub=CENTRAL");
            assertThat(browser.all(By.cssSelector("a[href='/console/work-groups/" + group + "']"))).hasSize(1);
            browser.open("/console/erasures").press("Erase");
            assertThat(browser.errorSummary()).isNotEmpty();
            browser.accessibleAndPhotographed("erasure-error");

            // Signing out ends the session: the next page asks for the sign-in again.
            browser.clickLink("Sign out");
            assertThat(browser.heading()).isEqualTo("You have signed out");
            browser.accessibleAndPhotographed("signed-out");
            browser.open("/console/programmes");
            assertThat(browser.url()).contains("/realms/maths-hubs/");
        }
        try (Browser browser = new Browser(platform.gateway())) {
            browser.signIn("elstonhall.lead", "/console");
            assertThat(browser.url()).endsWith("/console/trusts/5712");
            assertThat(browser.text()).contains("Schools", "Applications", "Participation");
            browser.accessibleAndPhotographed("trust");
            browser.open("/console/programmes");
            assertThat(browser.heading()).isEqualTo("Forbidden");
        }
    }

    private HttpResponse<String> get(String cookies, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway() + path)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int post(String cookies, String path, Map<String, String> form) throws IOException, InterruptedException {
        return send(cookies, path, form).statusCode();
    }

    /** A form post as a browser sends it, with the cookies given; the answer as it came (no redirect followed). */
    private HttpResponse<String> send(String cookies, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
