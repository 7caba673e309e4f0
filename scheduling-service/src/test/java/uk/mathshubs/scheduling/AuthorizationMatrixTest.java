package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static uk.mathshubs.scheduling.Fixtures.central;
import static uk.mathshubs.scheduling.Fixtures.enrol;
import static uk.mathshubs.scheduling.Fixtures.local;
import static uk.mathshubs.scheduling.Fixtures.participants;
import static uk.mathshubs.scheduling.Fixtures.person;
import static uk.mathshubs.scheduling.Fixtures.session;
import static uk.mathshubs.scheduling.Fixtures.unique;
import static uk.mathshubs.testsupport.AuthorizationMatrix.OWN_HUB;
import static uk.mathshubs.testsupport.AuthorizationMatrix.row;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.AuthorizationMatrix;
import uk.mathshubs.testsupport.TestTokens;

/**
 * Every endpoint of the scheduling service against every kind of caller, in its own hub and in another's. Statuses
 * in the order: anonymous, programme admin, hub admin (own hub), hub admin (other hub), hub website (own hub), hub
 * website (other hub), NCETM integration. The Work Group (2024/25, so its sessions have taken place) is the own hub's.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String YEAR = "2024/25";
    private final AtomicInteger day = new AtomicInteger();

    @TestFactory
    Stream<DynamicNode> whoMayDoWhat() {
        String programme = unique("P");
        String schedule = """
                {"localSessionsPerTerm": 1, "completionRule": {"description": "Two local sessions",
                 "requirements": [{"label": "two local sessions", "scope": "LOCAL", "atLeast": 2}]}}""";
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(schedule)
                .put("/api/v1/programme-schedules/{code}", programme).then().statusCode(200);
        UUID group = Fixtures.workGroup(OWN_HUB, programme, YEAR);
        String past = local(group, "LEAD_TEACHERS", "2024-10-14T16:00", "2024-10-14T17:30");
        enrol(group, programme, YEAR, "137001", List.of(person("LEAD_TEACHER_YEAR_4")));
        Map<String, Object> teacher = participants(group).getFirst();
        String token = ((String) teacher.get("calendarPath")).replaceAll(".*/|\\.ics$", "");
        Map<String, Object> attendance = Map.of("records", List.of(Map.of("participantId", teacher.get("participantId"),
                "attendance", "ATTENDED")));

        String survey = given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(survey(programme)).post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        Map<String, Object> hubQuestions = Map.of("questions", List.of(Map.of("key", "hub_venue", "text", "Good venue?",
                "type", "CHOICE", "options", List.of("Yes", "No"))));
        String link = "x".repeat(40);

        return AuthorizationMatrix.tests(List.of(
                row("POST /surveys", "401 201 403 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(survey(programme)).post("/api/v1/surveys")),
                row("GET /surveys", "401 200 200 200 403 403 200 403 403", spec -> spec.get("/api/v1/surveys?programme={p}", programme)),
                row("GET /surveys/{id}", "401 200 200 200 403 403 200 403 403", spec -> spec.get("/api/v1/surveys/{id}", survey)),
                row("GET /surveys/{id}/work-groups/{id}/questions", "401 200 200 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/surveys/{id}/work-groups/{group}/questions", survey, group)),
                row("PUT /surveys/{id}/work-groups/{id}/questions", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(hubQuestions)
                                .put("/api/v1/surveys/{id}/work-groups/{group}/questions", survey, group)),
                row("GET /surveys/{id}/work-groups/{id}/invitations", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/surveys/{id}/work-groups/{group}/invitations", survey, group)),
                row("POST /surveys/{id}/work-groups/{id}/reminders", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.post("/api/v1/surveys/{id}/work-groups/{group}/reminders", survey, group)),
                row("GET /surveys/{id}/results?workGroupId", "401 200 200 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/surveys/{id}/results?workGroupId={group}", survey, group)),
                row("GET /surveys/{id}/results?hub (own hub's)", "401 200 200 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/surveys/{id}/results?hub={hub}", survey, OWN_HUB)),
                // A person's single-use link and a certificate are reached by their secret, by anyone who holds it.
                row("GET /survey-invitations/{token} (no such link)", "404 404 404 404 404 404 404 404 404",
                        spec -> spec.get("/api/v1/survey-invitations/{token}", link)),
                row("POST /survey-invitations/{token}/response (no such link)", "404 404 404 404 404 404 404 404 404",
                        spec -> spec.contentType(ContentType.JSON).body(Map.of("answers", Map.of("a", 1)))
                                .post("/api/v1/survey-invitations/{token}/response", link)),
                row("GET /certificates/{code} (no such code)", "404 404 404 404 404 404 404 404 404",
                        spec -> spec.get("/api/v1/certificates/MH-0000-0000-0000")),
                row("GET /certificate-files/{token}.pdf (no such link)", "404 404 404 404 404 404 404 404 404",
                        spec -> spec.get("/api/v1/certificate-files/{token}.pdf", link)),
                row("GET /participation/survey-answers", "401 200 403 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/participation/survey-answers?workGroupId={id}", group)),
                row("GET /work-groups/{id}/sessions", "200 200 200 200 200 200 200 200 200",
                        spec -> spec.get("/api/v1/work-groups/{id}/sessions", group)),
                row("POST /work-groups/{id}/sessions", "401 201 201 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(nextSession())
                                .post("/api/v1/work-groups/{id}/sessions", group)),
                row("GET /sessions/{id}", "200 200 200 200 200 200 200 200 200", spec -> spec.get("/api/v1/sessions/{id}", past)),
                row("POST /sessions/{id}/rescheduling", "401 200 200 403 403 403 403 403 403", spec -> {
                    String future = futureSession();
                    return spec.contentType(ContentType.JSON).body(Map.of("startsAt", "2099-06-01T10:00",
                            "endsAt", "2099-06-01T11:00", "reason", "Moved")).post("/api/v1/sessions/{id}/rescheduling", future);
                }),
                row("POST /sessions/{id}/cancellation", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(Map.of("reasonCode", "SEVERE_WEATHER", "reason", "Snow"))
                                .post("/api/v1/sessions/{id}/cancellation", futureSession())),
                row("GET /reason-codes/{kind}", "200 200 200 200 200 200 200 200 200",
                        spec -> spec.get("/api/v1/reason-codes/session-cancellation")),
                row("GET /reason-codes/withdrawal (another service's kind)", "404 404 404 404 404 404 404 404 404",
                        spec -> spec.get("/api/v1/reason-codes/withdrawal")),
                row("PUT /sessions/{id}/recording", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(Map.of("recordingLink", "https://www.ncetm.org.uk/r/1"))
                                .put("/api/v1/sessions/{id}/recording", past)),
                row("GET /central-sessions", "200 200 200 200 200 200 200 200 200",
                        spec -> spec.get("/api/v1/central-sessions?programme={p}&academicYear={y}", programme, YEAR)),
                row("POST /central-sessions", "401 201 403 403 403 403 403 403 403", spec -> {
                    Map<String, Object> body = nextSession();
                    body.put("programmeCode", unique("C"));
                    body.put("academicYear", YEAR);
                    return spec.contentType(ContentType.JSON).body(body).post("/api/v1/central-sessions");
                }),
                row("GET /sessions/{id}/attendance", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/sessions/{id}/attendance", past)),
                row("PUT /sessions/{id}/attendance", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(attendance).put("/api/v1/sessions/{id}/attendance", past)),
                row("GET /sessions/{id}/attendance/history", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/sessions/{id}/attendance/history", past)),
                row("GET /work-groups/{id}/session-plan", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/work-groups/{id}/session-plan", group)),
                row("GET /work-groups/{id}/completion", "401 200 200 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/work-groups/{id}/completion", group)),
                row("GET /programme-schedules/{code}", "200 200 200 200 200 200 200 200 200",
                        spec -> spec.get("/api/v1/programme-schedules/{code}", programme)),
                row("PUT /programme-schedules/{code}", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(schedule).put("/api/v1/programme-schedules/{code}", programme)),
                row("GET /work-groups/{id}/calendar.ics", "200 200 200 200 200 200 200 200 200",
                        spec -> spec.get("/api/v1/work-groups/{id}/calendar.ics", group)),
                row("GET /calendars/{token}.ics", "200 200 200 200 200 200 200 200 200",
                        spec -> spec.get("/api/v1/calendars/{token}.ics", token)),
                row("GET /participation/work-groups/{id}/participants", "401 200 200 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/participation/work-groups/{id}/participants", group)),
                row("GET /participation/participants", "401 200 403 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/participation/participants?workGroupId={id}", group)),
                row("GET /participation/attendance", "401 200 403 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/participation/attendance?workGroupId={id}", group)),
                row("GET /participation/schools", "401 200 403 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/participation/schools?workGroupId={id}", group)),
                row("GET /participation/sessions", "401 200 403 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/participation/sessions?workGroupId={id}", group)),
                row("GET /participation/completions", "401 200 403 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/participation/completions?workGroupId={id}", group)),
                row("GET /participation/school-moves", "401 200 403 403 403 403 200 403 403",
                        spec -> spec.get("/api/v1/participation/school-moves")),
                row("GET /audit/scheduling-service", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/audit/scheduling-service")),
                row("GET /audit/applications-service (another service's)", "401 404 403 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/audit/applications-service"))));
    }

    /** A survey of the programme's year, with a title of its own. */
    private Map<String, Object> survey(String programme) {
        return Map.of("programmeCode", programme, "academicYear", YEAR, "title", "Evaluation " + day.incrementAndGet(),
                "audience", "PERSON", "sends", "AT_COMPLETION",
                "questions", List.of(Map.of("key", "confidence", "text", "How confident?", "type", "SCALE")));
    }

    /** A session on a day of its own, so that none clashes with another. */
    private Map<String, Object> nextSession() {
        LocalDate date = LocalDate.of(2025, 1, 6).plusDays(day.incrementAndGet());
        return session("EVERYONE", date + "T16:00", date + "T17:00");
    }

    /** A session still to come, in a Work Group of its own (so moving or cancelling it affects nothing else). */
    private static String futureSession() {
        UUID group = Fixtures.workGroup(OWN_HUB, unique("F"), "2098/99");
        return local(group, "EVERYONE", "2098-10-01T16:00", "2098-10-01T17:00");
    }
}
