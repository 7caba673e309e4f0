package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.person;
import static uk.mathshubs.scheduling.Fixtures.unique;
import static uk.mathshubs.scheduling.Fixtures.workGroupPayload;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationOfferEnded;
import uk.mathshubs.contracts.applications.ApplicationOffered;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWaitingListMoved;
import uk.mathshubs.contracts.applications.ApplicationWaitlisted;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.TestTokens;

/**
 * The rest of the NCETM's sync: schools with their applications' status and dates, sessions, completion, and the rule
 * that a change to anything a row shows, even in a row it is joined to, brings the row back in an incremental pull.
 */
@QuarkusTest
class ParticipationFeedsTest {

    private static final Instant SUBMITTED = Instant.parse("2027-04-03T09:00:00Z");

    @Test
    void eachSchoolShowsWhereItsApplicationStandsAndWhenEachStepHappened() {
        String programme = unique("SCH_");
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, programme, "2027/28");
        UUID accepted = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        Instant offerExpires = SUBMITTED.plus(14, ChronoUnit.DAYS);
        Instant acceptedAt = SUBMITTED.plus(9, ChronoUnit.DAYS);
        String last;
        try (EventPublisher events = new EventPublisher()) {
            submit(events, accepted, group, hub, "137001");
            events.publish(EventType.APPLICATION_WAITLISTED, accepted, new ApplicationWaitlisted(accepted, "MH-137001", group, "137001", 2));
            events.publish(EventType.APPLICATION_OFFER_MADE, accepted, new ApplicationOffered(accepted, "MH-137001", group, "137001", offerExpires));
            events.publish(EventType.APPLICATION_ACCEPTED, accepted, new ApplicationAccepted(accepted, "MH-137001", group, hub,
                    programme, "2027/28", "137001", "School 137001", List.of(person("HEADTEACHER")), acceptedAt));

            submit(events, withdrawn, group, hub, "137002");
            events.publish(EventType.APPLICATION_WAITLISTED, withdrawn, new ApplicationWaitlisted(withdrawn, "MH-137002", group, "137002", 1));
            events.publish(EventType.APPLICATION_WITHDRAWN, withdrawn,
                    new ApplicationWithdrawn(withdrawn, "MH-137002", group, "137002", false, SUBMITTED.plus(1, ChronoUnit.DAYS),
                            "STAFF_CHANGES"));

            submit(events, expired, group, hub, "137003");
            events.publish(EventType.APPLICATION_OFFER_MADE, expired, new ApplicationOffered(expired, "MH-137003", group, "137003", offerExpires));
            events.publish(EventType.APPLICATION_OFFER_EXPIRED, expired, new ApplicationOfferEnded(expired, "MH-137003", group, "137003", offerExpires, null));

            submit(events, declined, group, hub, "137005");
            events.publish(EventType.APPLICATION_OFFER_MADE, declined, new ApplicationOffered(declined, "MH-137005", group, "137005", offerExpires));
            events.publish(EventType.APPLICATION_OFFER_DECLINED, declined,
                    new ApplicationOfferEnded(declined, "MH-137005", group, "137005", SUBMITTED.plus(3, ChronoUnit.DAYS), "TIMING"));

            submit(events, rejected, group, hub, "137004");
            last = events.publish(EventType.APPLICATION_REJECTED, rejected, new ApplicationRejected(rejected, "MH-137004", group,
                    "137004", false, "Not in our area", SUBMITTED.plus(2, ChronoUnit.DAYS), "OUTSIDE_HUB_AREA"));
        }
        await().atMost(PATIENCE).until(() -> Fixtures.processed(last));

        Map<String, Map<String, Object>> schools = pull("schools", "workGroupId", group.toString(), r -> (String) r.get("urn"));

        assertThat(schools).hasSize(5);
        assertThat(schools.values()).allSatisfy(school -> assertThat(school)
                .containsEntry("programmeCode", programme).containsEntry("hubCode", hub).containsEntry("academicYear", "2027/28")
                .containsEntry("submittedAt", SUBMITTED.toString()));
        assertThat(schools.get("137001")).containsEntry("status", "ACCEPTED").containsEntry("schoolName", "School 137001")
                .containsEntry("reasonCode", null)
                .containsEntry("offerExpiresAt", offerExpires.toString()).containsEntry("acceptedAt", acceptedAt.toString())
                .containsEntry("waitingListPosition", null);
        assertThat(schools.get("137001").get("waitlistedAt")).isNotNull();
        assertThat(schools.get("137001").get("offeredAt")).isNotNull();
        assertThat(schools.get("137002")).containsEntry("status", "WITHDRAWN")
                .containsEntry("withdrawnAt", SUBMITTED.plus(1, ChronoUnit.DAYS).toString()).containsEntry("acceptedAt", null)
                .containsEntry("reasonCode", "STAFF_CHANGES");
        assertThat(schools.get("137003")).containsEntry("status", "EXPIRED").containsEntry("offerEndedAt", offerExpires.toString())
                .containsEntry("reasonCode", null);
        assertThat(schools.get("137004")).containsEntry("status", "REJECTED")
                .containsEntry("rejectedAt", SUBMITTED.plus(2, ChronoUnit.DAYS).toString()).containsEntry("reasonCode", "OUTSIDE_HUB_AREA");
        assertThat(schools.get("137005")).containsEntry("status", "DECLINED")
                .containsEntry("offerEndedAt", SUBMITTED.plus(3, ChronoUnit.DAYS).toString()).containsEntry("reasonCode", "TIMING");

        String csv = given().auth().oauth2(TestTokens.ncetmIntegration()).accept("text/csv")
                .get("/api/v1/participation/schools?workGroupId={g}", group).then().statusCode(200).extract().asString();
        // The code is the CSV's last column: a reader of the earlier columns finds them where they were.
        assertThat(csv.lines().toList()).hasSize(6).first().asString().startsWith("applicationId,reference,workGroupId")
                .endsWith(",withdrawnAt,updatedAt,reasonCode");
        assertThat(csv).contains("MH-137003", "EXPIRED", "School 137001");
        assertThat(csv.lines().filter(line -> line.contains("MH-137002"))).singleElement().asString().endsWith(",STAFF_CHANGES");
        assertThat(csv.lines().filter(line -> line.contains("MH-137005"))).singleElement().asString().endsWith(",TIMING");
    }

    @Test
    void aSchoolMovingUpTheWaitingListShowsItsNewPlace() {
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, unique("MOV_"), "2027/28");
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            submit(events, second, group, hub, "137021");
            events.publish(EventType.APPLICATION_WAITLISTED, second, new ApplicationWaitlisted(second, "MH-137021", group, "137021", 2));
            submit(events, third, group, hub, "137022");
            events.publish(EventType.APPLICATION_WAITLISTED, third, new ApplicationWaitlisted(third, "MH-137022", group, "137022", 3));
            // The school first in the queue left it: each behind moves up one.
            events.publish(EventType.APPLICATION_WAITING_LIST_MOVED, second,
                    new ApplicationWaitingListMoved(second, "MH-137021", group, "137021", 1));
            events.publish(EventType.APPLICATION_WAITING_LIST_MOVED, third,
                    new ApplicationWaitingListMoved(third, "MH-137022", group, "137022", 2));
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(pull("schools", "workGroupId", group.toString(), r -> (String) r.get("urn")))
                .hasEntrySatisfying("137021", school -> assertThat(school).containsEntry("status", "WAITLISTED")
                        .containsEntry("waitingListPosition", 1))
                .hasEntrySatisfying("137022", school -> assertThat(school).containsEntry("status", "WAITLISTED")
                        .containsEntry("waitingListPosition", 2)));
    }

    @Test
    void aWorkGroupArrivingAfterItsSchoolsBringsThemBackToAPullFilteredByItsHub() {
        String hub = unique("HUB_");
        String programme = unique("LATE_");
        UUID group = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        String accepted;
        try (EventPublisher events = new EventPublisher()) {
            submit(events, application, group, hub, "137010");
            ApplicationAccepted school = new ApplicationAccepted(application, "MH-137010", group, hub, programme, "2027/28",
                    "137010", "School 137010", List.of(person("HEADTEACHER")), Instant.now());
            accepted = events.publish(EventType.APPLICATION_ACCEPTED, application, school);
        }
        await().atMost(PATIENCE).until(() -> Fixtures.processed(accepted));
        assertThat(pull("schools", "hub", hub, r -> (String) r.get("urn"))).isEmpty();
        assertThat(pull("participants", "hub", hub, r -> (String) r.get("participantId"))).isEmpty();

        Instant before = Instant.now();
        Fixtures.workGroup(group, hub, programme, "2027/28");

        assertThat(pullSince("schools", "hub", hub, before)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("urn", "137010").containsEntry("programmeCode", programme));
        assertThat(pullSince("participants", "hub", hub, before)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("hubCode", hub));
    }

    @Test
    void sessionsComeLocalAndCentralAndAWorkGroupsFilterGivesBoth() {
        String programme = unique("SES_");
        String hub = unique("HUB_");
        UUID group = Fixtures.workGroup(hub, programme, "2098/99");
        UUID otherGroup = Fixtures.workGroup(unique("HUB_"), programme, "2098/99");
        String local = Fixtures.local(group, "EVERYONE", "2098-10-01T16:00", "2098-10-01T17:00");
        String otherLocal = Fixtures.local(otherGroup, "EVERYONE", "2098-10-02T16:00", "2098-10-02T17:00");
        String central = Fixtures.central(programme, "2098/99", "EVERYONE", "LIVE_ONLINE", "2098-11-05T16:00", "2098-11-05T17:00");

        assertThat(pull("sessions", "workGroupId", group.toString(), r -> (String) r.get("sessionId")).keySet())
                .containsExactlyInAnyOrder(local, central);
        assertThat(pull("sessions", "hub", hub, r -> (String) r.get("sessionId")).keySet()).containsExactly(local);
        Map<String, Map<String, Object>> all = pull("sessions", "programme", programme, r -> (String) r.get("sessionId"));
        assertThat(all.keySet()).containsExactlyInAnyOrder(local, otherLocal, central);
        assertThat(all.get(central)).containsEntry("central", true).containsEntry("workGroupId", null)
                .containsEntry("hubCode", null).containsEntry("deliveryMode", "LIVE_ONLINE");
        assertThat(all.get(local)).containsEntry("central", false).containsEntry("hubCode", hub)
                .containsEntry("startsAt", "2098-10-01T15:00:00Z").containsEntry("term", "AUTUMN").containsEntry("status", "SCHEDULED");

        Instant before = Instant.now();
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2098-10-08T16:00", "endsAt", "2098-10-08T17:00", "reason", "Hall unavailable"))
                .post("/api/v1/sessions/{id}/rescheduling", local).then().statusCode(200);
        assertThat(pullSince("sessions", "programme", programme, before)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("sessionId", local).containsEntry("startsAt", "2098-10-08T15:00:00Z")
                .containsEntry("sequence", 1).containsEntry("statusReason", "Hall unavailable"));

        before = Instant.now();
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "VENUE_UNAVAILABLE", "reason", "The hall is flooded"))
                .post("/api/v1/sessions/{id}/cancellation", local).then().statusCode(200);
        assertThat(pullSince("sessions", "programme", programme, before)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("sessionId", local).containsEntry("status", "CANCELLED").containsEntry("statusReason", "The hall is flooded")
                .containsEntry("reasonCode", "VENUE_UNAVAILABLE"));
        assertThat(all.get(central)).containsEntry("reasonCode", null);

        given().auth().oauth2(TestTokens.ncetmIntegration()).get("/api/v1/participation/sessions?urn=137001")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("urn"));
        String csv = given().auth().oauth2(TestTokens.ncetmIntegration()).accept("text/csv")
                .get("/api/v1/participation/sessions?programme={p}", programme).then().statusCode(200).extract().asString();
        assertThat(csv.lines()).hasSize(4).first().asString().endsWith(",sequence,updatedAt,reasonCode");
        assertThat(csv.lines().filter(line -> line.startsWith(local))).singleElement().asString().endsWith(",VENUE_UNAVAILABLE");
    }

    @Test
    void aCorrectionToASessionOrAPersonBringsTheirAttendanceBack() {
        String hub = unique("HUB_");
        String programme = unique("COR_");
        UUID group = Fixtures.workGroup(hub, programme, "2024/25");
        String autumn = Fixtures.local(group, "EVERYONE", "2024-10-14T16:00", "2024-10-14T17:30");
        String spring = Fixtures.local(group, "EVERYONE", "2025-02-10T16:00", "2025-02-10T17:30");
        Fixtures.enrol(group, programme, "2024/25", "137001", List.of(person("LEAD_TEACHER_YEAR_4")));
        Fixtures.enrol(group, programme, "2024/25", "137002", List.of(person("LEAD_TEACHER_YEAR_4")));
        List<String> people = Fixtures.participants(group).stream().map(p -> (String) p.get("participantId")).toList();
        Fixtures.attend(hub, autumn, people, "ATTENDED");
        Fixtures.attend(hub, spring, people, "ATTENDED");

        Instant beforeTitle = Instant.now();
        sql("UPDATE session SET title = 'Autumn session (renamed)' WHERE id = '" + autumn + "'");
        assertThat(pullSince("attendance", "workGroupId", group.toString(), beforeTitle))
                .hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("sessionTitle", "Autumn session (renamed)"));

        Instant beforeUrn = Instant.now();
        sql("UPDATE participant SET urn = '137009' WHERE id = '" + people.getFirst() + "'");
        assertThat(pullSince("attendance", "workGroupId", group.toString(), beforeUrn))
                .hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("urn", "137009"));

        Instant beforeNothing = Instant.now();
        sql("UPDATE session SET recording_link = 'https://www.ncetm.org.uk/r/1' WHERE id = '" + spring + "'");
        assertThat(pullSince("attendance", "workGroupId", group.toString(), beforeNothing))
                .as("a change the row does not show brings nothing back").isEmpty();
    }

    @Test
    void completionPerSchoolIsDecidedWhenTheWorkGroupCompletes() {
        String hub = unique("HUB_");
        String programme = unique("CMP_");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body("""
                {"localSessionsPerTerm": 1, "completionRule": {"description": "Two local sessions",
                 "requirements": [{"label": "two local sessions", "scope": "LOCAL", "atLeast": 2}]}}""")
                .put("/api/v1/programme-schedules/{code}", programme).then().statusCode(200);
        UUID group = Fixtures.workGroup(hub, programme, "2024/25");
        String autumn = Fixtures.local(group, "EVERYONE", "2024-10-14T16:00", "2024-10-14T17:30");
        String spring = Fixtures.local(group, "EVERYONE", "2025-02-10T16:00", "2025-02-10T17:30");
        Fixtures.enrol(group, programme, "2024/25", "137001", List.of(person("LEAD_TEACHER_YEAR_4")));
        Fixtures.enrol(group, programme, "2024/25", "137002", List.of(person("LEAD_TEACHER_YEAR_4")));
        Map<String, String> byUrn = Fixtures.participants(group).stream()
                .collect(Collectors.toMap(p -> (String) p.get("urn"), p -> (String) p.get("participantId")));
        Fixtures.attend(hub, autumn, List.of(byUrn.get("137001"), byUrn.get("137002")), "ATTENDED");
        Fixtures.attend(hub, spring, List.of(byUrn.get("137001")), "ATTENDED");
        assertThat(pull("completions", "workGroupId", group.toString(), r -> (String) r.get("urn"))).isEmpty();

        String completed;
        try (EventPublisher events = new EventPublisher()) {
            completed = events.publish(EventType.WORK_GROUP_COMPLETED, group,
                    workGroupPayload(group, hub, programme, "2024/25", "COMPLETED", 2));
        }
        await().atMost(PATIENCE).until(() -> Fixtures.processed(completed));

        Map<String, Map<String, Object>> completions = pull("completions", "programme", programme, r -> (String) r.get("urn"));
        assertThat(completions).hasSize(2);
        assertThat(completions.get("137001")).containsEntry("completed", true).containsEntry("schoolName", "School 137001")
                .containsEntry("hubCode", hub).containsEntry("academicYear", "2024/25").containsEntry("workGroupId", group.toString());
        assertThat(completions.get("137002")).containsEntry("completed", false);
        assertThat(completions.get("137001").get("decidedAt")).isNotNull();
        given().auth().oauth2(TestTokens.hubAdmin(hub)).get("/api/v1/participation/completions").then().statusCode(403);
    }

    private static void submit(EventPublisher events, UUID application, UUID group, String hub, String urn) {
        events.publish(EventType.APPLICATION_SUBMITTED, application,
                new ApplicationSubmitted(application, "MH-" + urn, group, hub, urn, null, SUBMITTED));
    }

    /** Every page of a feed under one filter, keyed as the caller would upsert. */
    private static Map<String, Map<String, Object>> pull(String feed, String filter, String value,
            Function<Map<String, Object>, String> key) {
        return pages(feed, filter, value, null).stream().collect(Collectors.toMap(key, row -> row));
    }

    private static List<Map<String, Object>> pullSince(String feed, String filter, String value, Instant since) {
        return pages(feed, filter, value, since);
    }

    private static List<Map<String, Object>> pages(String feed, String filter, String value, Instant since) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.ncetmIntegration()).queryParam(filter, value).queryParam("size", 2);
            if (since != null) {
                request.queryParam("updatedSince", since.toString());
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/participation/" + feed).then().statusCode(200).extract().jsonPath();
            rows.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        return rows;
    }

    /** A correction made in the database, as ops might make one. */
    private static void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(statement).executeUpdate());
    }
}
