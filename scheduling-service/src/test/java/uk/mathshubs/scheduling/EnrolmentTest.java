package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.accepted;
import static uk.mathshubs.scheduling.Fixtures.central;
import static uk.mathshubs.scheduling.Fixtures.local;
import static uk.mathshubs.scheduling.Fixtures.participants;
import static uk.mathshubs.scheduling.Fixtures.person;
import static uk.mathshubs.scheduling.Fixtures.unique;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.Topics;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.TestTokens;

/** Accepted schools' people are enrolled from the applications service's events, by role. */
@QuarkusTest
class EnrolmentTest {

    private static final String YEAR = "2027/28";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void acceptedPeopleAreEnrolledInTheSessionsForTheirRole() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(unique("HUB_"), programme, YEAR);
        UUID otherGroup = Fixtures.workGroup(unique("HUB_"), programme, YEAR);
        String localTeachers = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        String localHeads = local(group, "HEADTEACHERS", "2028-01-20T16:00", "2028-01-20T17:00");
        String centralEveryone = central(programme, YEAR, "EVERYONE", "2027-09-16T16:00", "2027-09-16T17:00");
        String centralMathsLeads = central(programme, YEAR, "MATHS_LEADS", "2027-09-30T16:00", "2027-09-30T17:00");
        // Not theirs: another group's local session, and central ones of another year and another programme.
        local(otherGroup, "EVERYONE", "2027-11-01T16:00", "2027-11-01T17:00");
        central(programme, "2028/29", "EVERYONE", "2028-09-16T16:00", "2028-09-16T17:00");
        central(unique("P"), YEAR, "EVERYONE", "2027-09-16T16:00", "2027-09-16T17:00");

        try (EventPublisher events = new EventPublisher()) {
            ApplicationAccepted accepted = accepted(group, programme, YEAR, "137001", List.of(person("HEADTEACHER"),
                    person("MATHS_LEAD"), person("LEAD_TEACHER_YEAR_4"), person("LEAD_TEACHER_YEAR_5")));
            events.publish(EventType.APPLICATION_ACCEPTED, accepted.applicationId(), accepted);
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sessionsByRole(group)).isEqualTo(Map.of(
                // In order of start: the central launch for everyone comes first.
                "HEADTEACHER", List.of(centralEveryone, localHeads),
                "MATHS_LEAD", List.of(centralEveryone, centralMathsLeads),
                "LEAD_TEACHER_YEAR_4", List.of(centralEveryone, localTeachers),
                "LEAD_TEACHER_YEAR_5", List.of(centralEveryone, localTeachers))));
        assertThat(participants(group)).allSatisfy(p -> {
            assertThat(p).containsEntry("urn", "137001").containsEntry("schoolName", "School 137001")
                    .containsEntry("withdrawn", false).containsEntry("trn", "1234567");
            assertThat((String) p.get("email")).endsWith("@school.example");
        });
        assertThat(participants(otherGroup)).isEmpty();
    }

    @Test
    void aRedeliveredAcceptanceChangesNothing() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(unique("HUB_"), programme, YEAR);
        String everyone = central(programme, YEAR, "EVERYONE", "2027-09-16T16:00", "2027-09-16T17:00");
        ApplicationAccepted accepted = accepted(group, programme, YEAR, "137002", List.of(person("HEADTEACHER")));
        clock.set(Instant.parse("2027-08-01T12:00:00Z"));

        try (EventPublisher events = new EventPublisher()) {
            String eventId = events.publish(EventType.APPLICATION_ACCEPTED, accepted.applicationId(), accepted);
            await().atMost(PATIENCE).until(() -> participants(group).size() == 1);
            assertThat(sessionsByRole(group)).isEqualTo(Map.of("HEADTEACHER", List.of(everyone)));

            // The same event again (same ce_id). Its payload names one more person, so that handling it twice
            // would show; the withdrawal after it, on the same partition, tells when it has been seen.
            List<ApplicationAccepted.Participant> more = new ArrayList<>(accepted.participants());
            more.add(person("MATHS_LEAD"));
            events.publish(EventType.APPLICATION_ACCEPTED, accepted.applicationId(), new ApplicationAccepted(
                    accepted.applicationId(), accepted.reference(), group, "ANY", programme, YEAR, "137002",
                    "School 137002", more, accepted.acceptedAt()), eventId);
            events.publish(EventType.APPLICATION_WITHDRAWN, accepted.applicationId(), new ApplicationWithdrawn(
                    accepted.applicationId(), accepted.reference(), group, "137002", true, Instant.now(), "STAFF_CHANGES"));
        }

        await().atMost(PATIENCE).until(() -> participants(group).stream().allMatch(p -> Boolean.TRUE.equals(p.get("withdrawn"))));
        assertThat(participants(group)).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("role", "HEADTEACHER");
            // The launch on 16 September 2027 was still to come, so the withdrawal took it off.
            assertThat(p.get("sessionIds")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
        });
    }

    @Test
    void aWithdrawalRemovesEnrolmentsInSessionsToComeOnly() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(unique("HUB_"), programme, YEAR);
        String pastLocal = local(group, "EVERYONE", "2027-10-14T16:00", "2027-10-14T17:30");
        String pastCentral = central(programme, YEAR, "LEAD_TEACHERS", "2027-11-10T16:00", "2027-11-10T17:00");
        String futureLocal = local(group, "EVERYONE", "2028-01-20T16:00", "2028-01-20T17:30");
        String futureCentral = central(programme, YEAR, "LEAD_TEACHERS", "2028-05-10T16:00", "2028-05-10T17:00");
        ApplicationAccepted accepted = accepted(group, programme, YEAR, "137003",
                List.of(person("HEADTEACHER"), person("LEAD_TEACHER_YEAR_4")));
        // An unrelated school in the same group keeps everything.
        ApplicationAccepted stays = accepted(group, programme, YEAR, "137004", List.of(person("LEAD_TEACHER_YEAR_5")));

        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.APPLICATION_ACCEPTED, accepted.applicationId(), accepted);
            events.publish(EventType.APPLICATION_ACCEPTED, stays.applicationId(), stays);
            await().atMost(PATIENCE).until(() -> participants(group).size() == 3);
            assertThat(sessionsByRole(group)).containsEntry("LEAD_TEACHER_YEAR_4",
                    List.of(pastLocal, pastCentral, futureLocal, futureCentral));

            clock.set(Instant.parse("2027-12-01T12:00:00Z"));
            events.publish(EventType.APPLICATION_WITHDRAWN, accepted.applicationId(), new ApplicationWithdrawn(
                    accepted.applicationId(), accepted.reference(), group, "137003", true, Instant.parse("2027-12-01T11:00:00Z"), "NOT_GIVEN"));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(sessionsByRole(group)).isEqualTo(Map.of(
                    "HEADTEACHER", List.of(pastLocal),
                    "LEAD_TEACHER_YEAR_4", List.of(pastLocal, pastCentral),
                    "LEAD_TEACHER_YEAR_5", List.of(pastLocal, pastCentral, futureLocal, futureCentral))));
        }
        assertThat(participants(group)).extracting(p -> p.get("urn") + ":" + p.get("withdrawn"))
                .containsExactlyInAnyOrder("137003:true", "137003:true", "137004:false");

        // Nor does a session scheduled after the withdrawal enrol the school's people.
        String later = local(group, "EVERYONE", "2028-03-02T16:00", "2028-03-02T17:00");
        assertThat(sessionsByRole(group)).containsEntry("HEADTEACHER", List.of(pastLocal))
                .containsEntry("LEAD_TEACHER_YEAR_5", List.of(pastLocal, pastCentral, futureLocal, later, futureCentral));
    }

    @Test
    void aHubRejectingASchoolThatHeldAPlaceTakesItsPeopleOffTheSessionsToCome() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(unique("HUB_"), programme, YEAR);
        String past = local(group, "EVERYONE", "2027-10-14T16:00", "2027-10-14T17:30");
        String future = local(group, "EVERYONE", "2028-01-20T16:00", "2028-01-20T17:30");
        ApplicationAccepted accepted = Fixtures.enrol(group, programme, YEAR, "137005", List.of(person("HEADTEACHER")));
        assertThat(participants(group)).singleElement()
                .satisfies(p -> assertThat(p.get("sessionIds")).isEqualTo(List.of(past, future)));
        clock.set(Instant.parse("2027-12-01T12:00:00Z"));

        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.APPLICATION_REJECTED, accepted.applicationId(), new ApplicationRejected(
                    accepted.applicationId(), accepted.reference(), group, "137005", true,
                    "The school has joined another Work Group", Instant.parse("2027-12-01T11:00:00Z"), "OTHER"));
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(participants(group)).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("withdrawn", true);
            assertThat(p.get("sessionIds")).isEqualTo(List.of(past));
        }));
    }

    @Test
    void aSessionScheduledAfterAcceptanceEnrolsThePeopleItConcerns() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(unique("HUB_"), programme, YEAR);
        UUID sameProgramme = Fixtures.workGroup(unique("HUB_"), programme, YEAR);
        try (EventPublisher events = new EventPublisher()) {
            ApplicationAccepted here = accepted(group, programme, YEAR, "137005",
                    List.of(person("HEADTEACHER"), person("LEAD_TEACHER_YEAR_4")));
            ApplicationAccepted there = accepted(sameProgramme, programme, YEAR, "137006", List.of(person("HEADTEACHER")));
            events.publish(EventType.APPLICATION_ACCEPTED, here.applicationId(), here);
            events.publish(EventType.APPLICATION_ACCEPTED, there.applicationId(), there);
        }
        await().atMost(PATIENCE).until(() -> participants(group).size() == 2 && participants(sameProgramme).size() == 1);
        assertThat(sessionsByRole(group)).containsEntry("HEADTEACHER", List.of()).containsEntry("LEAD_TEACHER_YEAR_4", List.of());

        // Enrolment happens with the scheduling, in the same transaction: no waiting.
        String localHeads = local(group, "HEADTEACHERS", "2027-10-01T16:00", "2027-10-01T17:00");
        String centralHeads = central(programme, YEAR, "HEADTEACHERS", "2027-10-02T16:00", "2027-10-02T17:00");
        String centralTeachers = central(programme, YEAR, "LEAD_TEACHERS", "2027-10-03T16:00", "2027-10-03T17:00");
        central(programme, "2028/29", "EVERYONE", "2028-10-03T16:00", "2028-10-03T17:00");

        assertThat(sessionsByRole(group)).isEqualTo(Map.of(
                "HEADTEACHER", List.of(localHeads, centralHeads),
                "LEAD_TEACHER_YEAR_4", List.of(centralTeachers)));
        assertThat(sessionsByRole(sameProgramme)).isEqualTo(Map.of("HEADTEACHER", List.of(centralHeads)));
    }

    @Test
    void anAcceptanceArrivingBeforeItsWorkGroupStillEnrolsInCentralSessions() {
        String programme = unique("P");
        String launch = central(programme, YEAR, "EVERYONE", "2027-09-16T16:00", "2027-09-16T17:00");
        UUID group = UUID.randomUUID();
        ApplicationAccepted accepted = accepted(group, programme, YEAR, "137007", List.of(person("MATHS_LEAD")));
        String eventId;
        try (EventPublisher events = new EventPublisher()) {
            eventId = events.publish(EventType.APPLICATION_ACCEPTED, accepted.applicationId(), accepted);
        }
        await().atMost(PATIENCE).until(() -> Fixtures.processed(eventId));

        // The Work Group's own event comes later, on its own topic.
        Fixtures.workGroup(group, unique("HUB_"), programme, YEAR);
        assertThat(sessionsByRole(group)).isEqualTo(Map.of("MATHS_LEAD", List.of(launch)));
    }

    @Test
    void anOlderWorkGroupStateArrivingLateIsIgnored() {
        UUID group = UUID.randomUUID();
        String hub = unique("HUB_");
        String late;
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.WORK_GROUP_CHANGED, group, Fixtures.workGroupPayload(group, hub, "MN_KS2", YEAR, "CLOSED", 3));
            late = events.publish(EventType.WORK_GROUP_PUBLISHED, group,
                    Fixtures.workGroupPayload(group, unique("HUB_"), "MN_KS2", YEAR, "OPEN", 2));
        }
        await().atMost(PATIENCE).until(() -> Fixtures.processed(late));
        WorkGroup copy = QuarkusTransaction.requiringNew().call(() -> WorkGroup.<WorkGroup>findById(group));
        assertThat(copy.revision).isEqualTo(3);
        assertThat(copy.hubCode).isEqualTo(hub);
        assertThat(copy.status).isEqualTo("CLOSED");
    }

    @Test
    void eventsOfOtherKindsAreIgnored() {
        UUID group = UUID.randomUUID();
        Fixtures.Published reviewed = Fixtures.publishUnknown(Topics.APPLICATIONS, UUID.randomUUID().toString(),
                "uk.mathshubs.applications.application.reviewed.v9");
        Fixtures.Published unknown = Fixtures.publishUnknown(Topics.WORK_GROUPS, group.toString(), "uk.mathshubs.catalogue.work-group.renamed.v9");
        // Known events behind them on the same partitions (same keys) are applied: the consumers went past the unknown ones.
        String known;
        String submitted;
        try (EventPublisher events = new EventPublisher()) {
            UUID other = UUID.randomUUID();
            known = events.publish(EventType.WORK_GROUP_PUBLISHED, group,
                    Fixtures.workGroupPayload(other, "CENTRAL", "MN_KS2", "2027/28", "OPEN", 1));
            submitted = events.publish(EventType.APPLICATION_SUBMITTED, reviewed.key(),
                    new ApplicationSubmitted(UUID.randomUUID(), "MH-TEST-0001", other, "CENTRAL", "100001", "A School", Instant.now()));
        }
        await().atMost(PATIENCE).until(() -> Fixtures.processed(known) && Fixtures.processed(submitted));
        assertThat(Fixtures.processed(reviewed.id()) || Fixtures.processed(unknown.id())).as("passed over, not recorded").isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> WorkGroup.<WorkGroup>findById(group))).isNull();
        given().auth().oauth2(TestTokens.programmeAdmin())
                .get("/api/v1/participation/work-groups/{id}/participants", group)
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** Role → the ids of the sessions that person is enrolled in, in order of start. */
    private static Map<String, List<String>> sessionsByRole(UUID group) {
        return participants(group).stream().collect(Collectors.toMap(p -> (String) p.get("role"),
                p -> ((List<?>) p.get("sessionIds")).stream().map(Object::toString).toList()));
    }
}
