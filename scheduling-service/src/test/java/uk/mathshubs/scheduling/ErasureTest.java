package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.unique;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationPeopleErased;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.PersonalDataScan;
import uk.mathshubs.testsupport.TestTokens;

/** A person erased at their request: nothing here names them any more; what they took part in still counts. */
@QuarkusTest
class ErasureTest {

    @Inject
    DataSource dataSource;

    @Test
    void anErasedTeachersAttendanceStillCountsAndNothingHereNamesThem() throws Exception {
        String hub = unique("HUB_");
        String programme = unique("ERA_");
        UUID group = Fixtures.workGroup(hub, programme, "2024/25");
        String autumn = Fixtures.local(group, "EVERYONE", "2024-10-14T16:00", "2024-10-14T17:30");
        String email = "fola." + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        String trn = String.valueOf(ThreadLocalRandom.current().nextInt(8_000_000, 10_000_000));
        ApplicationAccepted.Participant erased = new ApplicationAccepted.Participant(UUID.randomUUID(), "LEAD_TEACHER_YEAR_4",
                "Fola Four", email, trn);
        ApplicationAccepted.Participant kept = Fixtures.person("LEAD_TEACHER_YEAR_5");
        ApplicationAccepted accepted = Fixtures.enrol(group, programme, "2024/25", "137001", List.of(erased, kept));
        Fixtures.attend(hub, autumn, List.of(erased.participantId().toString(), kept.participantId().toString()), "ATTENDED");
        String calendar = (String) person(group, erased.participantId()).get("calendarPath");
        given().get(calendar).then().statusCode(200);
        assertThat(tablesHolding(email, trn)).isNotEmpty();

        Instant before = Instant.now();
        String event;
        try (EventPublisher events = new EventPublisher()) {
            event = events.publish(EventType.APPLICATION_PEOPLE_ERASED, accepted.applicationId(), new ApplicationPeopleErased(
                    accepted.applicationId(), accepted.reference(), group, List.of(erased.participantId()), Instant.now()));
        }
        await().atMost(PATIENCE).until(() -> Fixtures.processed(event));

        assertThat(tablesHolding(email, trn)).as("no row holds the address or the TRN").isEmpty();
        assertThat(person(group, erased.participantId())).containsEntry("name", "Erased person").containsEntry("email", null)
                .containsEntry("trn", null).containsEntry("role", "LEAD_TEACHER_YEAR_4").containsEntry("urn", "137001");
        assertThat(person(group, kept.participantId())).containsEntry("name", kept.name()).containsEntry("email", kept.email());
        given().get(calendar).then().statusCode(404);
        // The register still counts two who came; the NCETM's next pull brings a tombstone: who, when, nothing else.
        assertThat(given().auth().oauth2(TestTokens.hubAdmin(hub)).get("/api/v1/sessions/{id}/attendance", autumn)
                .then().statusCode(200).extract().jsonPath().getList("items.attendance")).containsExactly("ATTENDED", "ATTENDED");
        assertThat(given().auth().oauth2(TestTokens.ncetmIntegration()).queryParam("workGroupId", group)
                .queryParam("updatedSince", before.toString()).get("/api/v1/participation/participants")
                .then().statusCode(200).extract().jsonPath().getList("items", Map.class))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("participantId")).isEqualTo(erased.participantId().toString());
                    assertThat(Instant.parse((String) row.get("deletedAt"))).isAfterOrEqualTo(before);
                    assertThat(row).containsEntry("name", null).containsEntry("email", null).containsEntry("trn", null)
                            .containsEntry("role", null).containsEntry("urn", null).containsEntry("withdrawn", null);
                    assertThat(row.values()).filteredOn(java.util.Objects::nonNull).hasSize(3);
                });
    }

    private static Map<String, Object> person(UUID group, UUID participantId) {
        return Fixtures.participants(group).stream().filter(p -> participantId.toString().equals(p.get("participantId")))
                .findFirst().orElseThrow();
    }

    private List<String> tablesHolding(String... values) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return PersonalDataScan.tablesHolding(connection, values);
        }
    }
}
