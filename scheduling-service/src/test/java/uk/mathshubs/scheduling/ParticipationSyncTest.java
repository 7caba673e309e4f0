package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.person;
import static uk.mathshubs.scheduling.Fixtures.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationPeopleErased;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.contracts.applications.SchoolSuccessorRecorded;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.TestTokens;

/**
 * The NCETM's sync of participants: paging that stays correct while data changes, then an incremental catch-up from
 * the watermark the full pull ended with; erased people come as tombstones and leave the copy.
 */
@QuarkusTest
class ParticipationSyncTest {

    private static final String YEAR = "2027/28";

    @Test
    void aFullPullDuringChangesThenAnIncrementalPullLeavesTheCopyExactlyEqualToTheSource() throws Exception {
        String programme = unique("SYNC_");
        UUID group = Fixtures.workGroup(unique("HUB_"), programme, YEAR);
        List<ApplicationAccepted> schools = new ArrayList<>();
        try (EventPublisher events = new EventPublisher()) {
            for (int i = 0; i < 60; i++) {
                ApplicationAccepted accepted = Fixtures.accepted(group, programme, YEAR, String.valueOf(500_000 + i),
                        List.of(person("HEADTEACHER"), person("MATHS_LEAD"), person("LEAD_TEACHER_YEAR_4")));
                schools.add(accepted);
                events.publish(EventType.APPLICATION_ACCEPTED, accepted.applicationId(), accepted);
            }
        }
        await().atMost(PATIENCE).until(() -> source(programme).size() == 180 && schoolsSource(programme).size() == 60);

        // While the NCETM pages through, schools keep changing: people renamed, schools withdrawn, new ones accepted.
        AtomicBoolean changing = new AtomicBoolean(true);
        AtomicInteger changes = new AtomicInteger();
        List<String> published = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread changer = Thread.ofVirtual().start(() -> {
            try (EventPublisher events = new EventPublisher()) {
                int next = 600_000;
                while (changing.get()) {
                    ApplicationAccepted school = schools.get(ThreadLocalRandom.current().nextInt(schools.size()));
                    switch (changes.getAndIncrement() % 4) {
                        case 0 -> published.add(events.publish(EventType.APPLICATION_ACCEPTED, school.applicationId(), renamed(school)));
                        case 1 -> published.add(events.publish(EventType.APPLICATION_WITHDRAWN, school.applicationId(),
                                new ApplicationWithdrawn(school.applicationId(), school.reference(), group, school.urn(), true, Instant.now(), "WORKLOAD")));
                        case 2 -> published.add(events.publish(EventType.APPLICATION_PEOPLE_ERASED, school.applicationId(),
                                new ApplicationPeopleErased(school.applicationId(), school.reference(), group,
                                        List.of(school.participants().get(ThreadLocalRandom.current().nextInt(3)).participantId()),
                                        Instant.now())));
                        default -> {
                            ApplicationAccepted fresh = Fixtures.accepted(group, programme, YEAR, String.valueOf(next++),
                                    List.of(person("HEADTEACHER")));
                            published.add(events.publish(EventType.APPLICATION_ACCEPTED, fresh.applicationId(), fresh));
                        }
                    }
                }
            }
        });

        Map<String, Map<String, Object>> copy = new HashMap<>();
        Map<String, Map<String, Object>> schoolsCopy = new HashMap<>();
        Pull people = pull("participants", programme, null, copy);
        Pull applications = pull("schools", programme, null, schoolsCopy);
        int pages = people.pages() + applications.pages();
        changing.set(false);
        changer.join();
        // The last changes reach the service; then the incremental pull from where each full pull said it was complete,
        // with no overlap of our own.
        await().atMost(PATIENCE).until(() -> processed(published) == published.size());
        int incrementalPages = pull("participants", programme, people.watermark(), copy).pages()
                + pull("schools", programme, applications.watermark(), schoolsCopy).pages();

        Map<String, Map<String, Object>> source = source(programme);
        Map<String, Map<String, Object>> schoolsSource = schoolsSource(programme);
        System.out.printf("Sync: %d changes during the full pull (%d pages), %d pages of catch-up, %d people, %d schools%n",
                changes.get(), pages, incrementalPages, source.size(), schoolsSource.size());
        assertThat(changes.get()).as("the data changed during the pull").isGreaterThan(0);
        assertThat(copy).isEqualTo(source);
        assertThat(schoolsCopy).isEqualTo(schoolsSource);
    }

    /** A copy keyed by URN follows each school's history to its successor: moves pulled whole, then from the watermark. */
    @Test
    void aCopyOfTheMovesOfSchoolsHistoriesFollowsEveryMove() {
        String old = String.valueOf(ThreadLocalRandom.current().nextInt(700_000, 800_000));
        String academy = String.valueOf(Integer.parseInt(old) + 100_000);
        String merged = String.valueOf(Integer.parseInt(old) + 200_000);
        List<String> published = new ArrayList<>();
        try (EventPublisher events = new EventPublisher()) {
            published.add(events.publish(EventType.SCHOOL_SUCCESSOR_RECORDED, old,
                    new SchoolSuccessorRecorded(old, academy, "Successor", Instant.now())));
            // Both sides of one succession say it: it is kept once.
            published.add(events.publish(EventType.SCHOOL_SUCCESSOR_RECORDED, old,
                    new SchoolSuccessorRecorded(old, academy, "Predecessor", Instant.now())));
        }
        await().atMost(PATIENCE).until(() -> processed(published) == published.size());
        Map<String, Object> copy = new HashMap<>();
        String watermark = pullMoves(old, null, copy);
        assertThat(copy).containsOnlyKeys(old + ">" + academy);

        try (EventPublisher events = new EventPublisher()) {
            published.add(events.publish(EventType.SCHOOL_SUCCESSOR_RECORDED, academy,
                    new SchoolSuccessorRecorded(academy, merged, "Successor - merged", Instant.now())));
        }
        await().atMost(PATIENCE).until(() -> processed(published) == published.size());
        pullMoves(academy, watermark, copy);
        pullMoves(old, watermark, copy);
        assertThat(copy).containsOnlyKeys(old + ">" + academy, academy + ">" + merged);
        assertThat(copy.get(old + ">" + academy)).isEqualTo("Predecessor"); // the latest word on the link
        given().auth().oauth2(TestTokens.ncetmIntegration()).get("/api/v1/participation/school-moves?programme=MN_RKS1")
                .then().statusCode(400).body("errors[0].field", equalTo("programme"));
        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).get("/api/v1/participation/school-moves").then().statusCode(403);
    }

    private static String pullMoves(String urn, String updatedSince, Map<String, Object> copy) {
        String cursor = null;
        String watermark;
        do {
            var request = given().auth().oauth2(TestTokens.ncetmIntegration()).queryParam("urn", urn).queryParam("size", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            if (updatedSince != null) {
                request.queryParam("updatedSince", updatedSince);
            }
            var page = request.get("/api/v1/participation/school-moves").then().statusCode(200).extract().jsonPath();
            page.getList("items", Map.class).forEach(move -> copy.put(move.get("urn") + ">" + move.get("successorUrn"), move.get("linkType")));
            cursor = page.getString("next");
            watermark = page.getString("watermark");
        } while (cursor != null);
        return watermark;
    }

    /** One name per concept: updatedSince, as every other parameter; updated_since is still taken, and says it will go. */
    @Test
    void theFormerSpellingOfUpdatedSinceStillWorksAndAnswersWithItsDeprecationAndSunset() {
        String ncetm = TestTokens.ncetmIntegration();
        String since = Instant.now().minus(Duration.ofDays(1)).toString();
        var now = given().auth().oauth2(ncetm).queryParam("updatedSince", since).get("/api/v1/participation/participants")
                .then().statusCode(200).header("Deprecation", (String) null).extract();
        var former = given().auth().oauth2(ncetm).queryParam("updated_since", since).get("/api/v1/participation/participants")
                .then().statusCode(200)
                // RFC 9745: the moment it was deprecated; RFC 8594: when it may stop working; and where to read why.
                .header("Deprecation", equalTo("@" + java.time.LocalDate.of(2026, 12, 3).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond()))
                .header("Sunset", equalTo("Wed, 30 Jun 2027 00:00:00 GMT"))
                .header("Link", equalTo("</changelog>; rel=\"deprecation\"; type=\"text/markdown\""))
                .extract();
        assertThat(former.jsonPath().getList("items")).isEqualTo(now.jsonPath().getList("items"));
        given().auth().oauth2(ncetm).queryParam("updatedSince", since).queryParam("updated_since", since)
                .get("/api/v1/participation/participants").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("updated_since"));
    }

    @Test
    void pagesAreBoundedCursorsAreOurOwnAndPersonalDataIsTheNcetmsOnly() {
        String ncetm = TestTokens.ncetmIntegration();
        given().auth().oauth2(ncetm).get("/api/v1/participation/participants?size=1001").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(ncetm).get("/api/v1/participation/participants?cursor=bm90LW91cnM").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(ncetm).get("/api/v1/participation/participants?updatedSince=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
        // The former spelling is named as sent.
        given().auth().oauth2(ncetm).get("/api/v1/participation/participants?updated_since=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("updated_since"));
        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).get("/api/v1/participation/participants").then().statusCode(403);
        given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).get("/api/v1/participation/participants").then().statusCode(403);
        given().get("/api/v1/participation/participants").then().statusCode(401);
        given().auth().oauth2(ncetm).get("/api/v1/participation/participants").then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void analystsGetTheSameRowsAsCsvAndEveryPullIsLogged() {
        String programme = unique("CSV_");
        UUID group = Fixtures.workGroup(unique("HUB_"), programme, YEAR);
        Fixtures.enrol(group, programme, YEAR, "137001", List.of(person("HEADTEACHER"), person("LEAD_TEACHER_YEAR_4")));
        long logged = accessLogRows();

        String csv = given().auth().oauth2(TestTokens.ncetmIntegration()).accept("text/csv")
                .get("/api/v1/participation/participants?programme={p}", programme)
                .then().statusCode(200).contentType("text/csv").extract().asString();

        List<String> lines = csv.lines().toList();
        // The CSV names its columns as the JSON names its fields, in the same order.
        assertThat(lines.getFirst()).startsWith("participantId,applicationId,workGroupId,programmeCode,hubCode");
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).isNotBlank());
        assertThat(lines.subList(1, 3)).allSatisfy(line -> assertThat(line).contains(programme, "137001", "School 137001"));
        await().atMost(Duration.ofSeconds(5)).until(() -> accessLogRows() == logged + 1);

        // The former snake_case header, on request until its sunset, says it will go.
        var former = given().auth().oauth2(TestTokens.ncetmIntegration()).accept("text/csv; header=snake_case")
                .get("/api/v1/participation/participants?programme={p}", programme)
                .then().statusCode(200).header("Sunset", equalTo("Wed, 30 Jun 2027 00:00:00 GMT")).extract().asString();
        assertThat(former.lines().findFirst().orElseThrow()).startsWith("participant_id,application_id,work_group_id,programme_code");
        assertThat(former.lines().skip(1).toList()).isEqualTo(lines.subList(1, 3));
    }

    @Test
    void attendanceIsSyncedTheSameWayAndACorrectionComesBackWithItsRevision() {
        String hub = unique("HUB_");
        String programme = unique("ATT_");
        UUID group = Fixtures.workGroup(hub, programme, "2024/25");
        String autumn = Fixtures.local(group, "EVERYONE", "2024-10-14T16:00", "2024-10-14T17:30");
        String spring = Fixtures.local(group, "EVERYONE", "2025-02-10T16:00", "2025-02-10T17:30");
        for (String urn : List.of("137001", "137002", "137003")) {
            Fixtures.enrol(group, programme, "2024/25", urn, List.of(person("LEAD_TEACHER_YEAR_4")));
        }
        List<String> people = Fixtures.participants(group).stream().map(p -> (String) p.get("participantId")).toList();
        for (String session : List.of(autumn, spring)) {
            Fixtures.attend(hub, session, people, "ATTENDED");
        }

        Map<String, Object> copy = new HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(TestTokens.ncetmIntegration()).queryParam("workGroupId", group).queryParam("size", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/participation/attendance").then().statusCode(200).extract().jsonPath();
            page.getList("items", Map.class).forEach(row -> copy.put(row.get("sessionId") + "/" + row.get("participantId"), row.get("attendance")));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(copy).hasSize(6).containsValue("ATTENDED").doesNotContainValue("ABSENT");

        Instant before = Instant.now();
        Fixtures.attend(hub, spring, List.of(people.getFirst()), "APOLOGIES");
        given().auth().oauth2(TestTokens.ncetmIntegration()).queryParam("workGroupId", group)
                .queryParam("updatedSince", before.toString())
                .get("/api/v1/participation/attendance").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].attendance", equalTo("APOLOGIES"))
                .body("items[0].revision", equalTo(2))
                .body("items[0].programmeCode", equalTo(programme));
        String csv = given().auth().oauth2(TestTokens.ncetmIntegration()).accept("text/csv")
                .get("/api/v1/participation/attendance?workGroupId={g}", group).then().statusCode(200).extract().asString();
        assertThat(csv.lines()).hasSize(7);
    }

    /** How a pull went: its pages, and the watermark its last page gave, the next pull's updatedSince. */
    private record Pull(int pages, String watermark) {
    }

    /** Pages through a feed for the programme, upserting into the copy and deleting what a tombstone names. */
    private static Pull pull(String feed, String programme, String updatedSince, Map<String, Map<String, Object>> copy) {
        String cursor = null;
        String watermark;
        int pages = 0;
        do {
            var request = given().auth().oauth2(TestTokens.ncetmIntegration()).queryParam("programme", programme).queryParam("size", 37);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            if (updatedSince != null) {
                request.queryParam("updatedSince", updatedSince);
            }
            var page = request.get("/api/v1/participation/" + feed).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(item -> {
                if (item.get("deletedAt") != null) {
                    copy.remove((String) item.get("participantId"));
                } else if (feed.equals("schools")) {
                    copy.put((String) item.get("applicationId"), schoolView(item.get("status"), item.get("withdrawnAt") != null));
                } else {
                    copy.put((String) item.get("participantId"), view(item.get("name"), item.get("withdrawn")));
                }
            });
            cursor = page.getString("next");
            watermark = page.getString("watermark");
            pages++;
        } while (cursor != null);
        return new Pull(pages, watermark);
    }

    private static Map<String, Map<String, Object>> source(String programme) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                    "SELECT id::text, name, withdrawn_at IS NOT NULL FROM participant WHERE programme_code = :p AND erased_at IS NULL")
                    .setParameter("p", programme).getResultList();
            Map<String, Map<String, Object>> source = new HashMap<>();
            rows.forEach(r -> source.put((String) r[0], view(r[1], r[2])));
            return source;
        });
    }

    private static Map<String, Map<String, Object>> schoolsSource(String programme) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                    SELECT a.application_id::text, a.status, a.withdrawn_at IS NOT NULL
                    FROM school_application a JOIN work_group g ON g.id = a.work_group_id WHERE g.programme_code = :p""")
                    .setParameter("p", programme).getResultList();
            Map<String, Map<String, Object>> source = new HashMap<>();
            rows.forEach(r -> source.put((String) r[0], schoolView(r[1], r[2])));
            return source;
        });
    }

    private static Map<String, Object> schoolView(Object status, Object withdrawn) {
        return Map.of("status", status, "withdrawn", withdrawn);
    }

    private static Map<String, Object> view(Object name, Object withdrawn) {
        return Map.of("name", name, "withdrawn", withdrawn);
    }

    private static ApplicationAccepted renamed(ApplicationAccepted school) {
        List<ApplicationAccepted.Participant> people = school.participants().stream()
                .map(p -> new ApplicationAccepted.Participant(p.participantId(), p.role(), p.name() + " " + UUID.randomUUID().toString()
                        .substring(0, 4), p.email(), p.trn())).toList();
        return new ApplicationAccepted(school.applicationId(), school.reference(), school.workGroupId(), school.hubCode(),
                school.programmeCode(), school.academicYear(), school.urn(), school.schoolName(), people, Instant.now());
    }

    private static long processed(List<String> eventIds) {
        List<String> ids = List.copyOf(eventIds);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id IN (:ids)")
                .setParameter("ids", ids).getSingleResult()).longValue());
    }

    private static long accessLogRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM audit_entry WHERE action = 'participation.read' AND subject = 'participants.csv'")
                .getSingleResult()).longValue());
    }
}
