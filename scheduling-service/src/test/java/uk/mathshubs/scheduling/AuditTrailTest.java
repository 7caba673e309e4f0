package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.person;
import static uk.mathshubs.scheduling.Fixtures.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.testsupport.TestTokens;

/** Sessions and attendance in the audit trail, with who changed them; and every pull of personal data, with who pulled. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void sessionChangesAttendanceAndPersonalDataReadsAreAudited() {
        String hub = unique("HUB_");
        String programme = unique("AUD_");
        UUID group = Fixtures.workGroup(hub, programme, "2024/25");
        String past = Fixtures.local(group, "EVERYONE", "2024-10-14T16:00", "2024-10-14T17:30");
        UUID future = Fixtures.workGroup(hub, unique("AUD_"), "2098/99");
        String toMove = Fixtures.local(future, "EVERYONE", "2098-10-01T16:00", "2098-10-01T17:00");
        Fixtures.enrol(group, programme, "2024/25", "137001", List.of(person("LEAD_TEACHER_YEAR_4")));
        String teacher = (String) Fixtures.participants(group).getFirst().get("participantId");
        String admin = TestTokens.hubAdmin(hub);
        Fixtures.attend(hub, past, List.of(teacher), "ABSENT");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2098-10-08T16:00", "endsAt", "2098-10-08T17:00", "reason", "Hall unavailable"))
                .post("/api/v1/sessions/{id}/rescheduling", toMove).then().statusCode(200);
        // The feed holds a row back while a transaction that began before it is still running (a relay's, say), as an
        // NCETM sync would meet it: read until the participant is there.
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(TestTokens.ncetmIntegration())
                .get("/api/v1/participation/participants?workGroupId={g}", group)
                .then().statusCode(200).extract().jsonPath().getList("items").size() == 1);

        String programmeAdmin = TestTokens.programmeAdmin();
        assertThat(trail(programmeAdmin, "subject", past)).extracting(e -> e.get("action") + " by " + e.get("actor"))
                .containsExactly(EventType.ATTENDANCE_RECORDED.type() + " by " + hub.toLowerCase() + ".admin",
                        EventType.SESSION_SCHEDULED.type() + " by ncetm.admin");
        Map<String, Object> moved = trail(programmeAdmin, "subject", toMove).getFirst();
        assertThat(moved).containsEntry("action", EventType.SESSION_RESCHEDULED.type()).containsEntry("actor", hub.toLowerCase() + ".admin");
        assertThat(detail(moved)).containsEntry("reason", "Hall unavailable");
        assertThat(trail(programmeAdmin, "actor", "service-account-ncetm-integration"))
                .filteredOn(e -> "participation.read".equals(e.get("action")))
                .anySatisfy(e -> {
                    assertThat(detail(e)).containsEntry("rows", 1);
                    assertThat((String) detail(e).get("query")).contains("workGroupId=" + group);
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("detail");
    }

    private static List<Map<String, Object>> trail(String token, String filter, String value) {
        return given().auth().oauth2(token).queryParam(filter, value).get("/api/v1/audit/scheduling-service")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
