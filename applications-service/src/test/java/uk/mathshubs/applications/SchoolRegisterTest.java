package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.scheduling.ParticipationCompleted;
import uk.mathshubs.contracts.scheduling.ParticipationCompletionRevoked;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.TestTokens;

/** The schools register from GIAS files, and the participation history eligibility reads. */
@QuarkusTest
class SchoolRegisterTest {

    private static final String HEADER = "URN,EstablishmentName,TypeOfEstablishment (code),TypeOfEstablishment (name),"
            + "EstablishmentStatus (code),EstablishmentStatus (name),PhaseOfEducation (code),PhaseOfEducation (name),"
            + "StatutoryLowAge,StatutoryHighAge,LA (name),DistrictAdministrative (code),Street,Town,Postcode,"
            + "SomeColumnThePlatformDoesNotRead\r\n";

    @Test
    void aGiasExtractInIso88591IsImportedByColumnNameAndReimportingChangesNothing() {
        String urn = Schools.urn();
        String csv = HEADER + urn + ",\"St Thérèse's Catholic Primary School, Moseley\",2,Voluntary aided school,1,Open,2,Primary,"
                + "4,11,Birmingham,E08000025,Wake Green Road,Birmingham,B13 9HA,whatever\r\n";

        importCsv("/api/v1/schools/import", csv).statusCode(200).body("rows", equalTo(1));
        importCsv("/api/v1/schools/import", csv).statusCode(200).body("rows", equalTo(1));

        given().get("/api/v1/schools/{urn}", urn).then().statusCode(200)
                .body("name", equalTo("St Thérèse's Catholic Primary School, Moseley"))
                .body("establishmentType", equalTo("Voluntary aided school"))
                .body("phase", equalTo("PRIMARY"))
                .body("open", equalTo(true)).body("inEngland", equalTo(true)).body("stateFunded", equalTo(true))
                .body("juniorSchool", equalTo(false));
        given().queryParam("name", "therese's catholic").get("/api/v1/schools").then().statusCode(200)
                .body("items.urn", hasItem(urn));
    }

    @Test
    void whatTheRulesDeriveFollowsTheRegistersCodes() {
        String junior = Schools.urn();
        String infant = Schools.urn();
        String independent = Schools.urn();
        String welsh = Schools.urn();
        String closing = Schools.urn();
        String closed = Schools.urn();
        Schools.register(Schools.junior(junior),
                Schools.row(infant, "Infant " + infant, "34", "Academy converter", "1", "Open", "2", "Primary", 4, 7, "E08000031"),
                Schools.independent(independent),
                Schools.row(welsh, "Ysgol " + welsh, "1", "Community school", "1", "Open", "2", "Primary", 3, 11, "W06000015"),
                Schools.row(closing, "Closing " + closing, "1", "Community school", "4", "Open, but proposed to close", "2", "Primary",
                        4, 11, "E08000031"),
                Schools.row(closed, "Closed " + closed, "1", "Community school", "2", "Closed", "2", "Primary", 4, 11, "E08000031"));

        school(junior).body("juniorSchool", equalTo(true)).body("infantSchool", equalTo(false));
        school(infant).body("infantSchool", equalTo(true)).body("juniorSchool", equalTo(false));
        school(independent).body("stateFunded", equalTo(false));
        school(welsh).body("inEngland", equalTo(false)).body("stateFunded", equalTo(true));
        school(closing).body("open", equalTo(true));
        school(closed).body("open", equalTo(false));
    }

    @Test
    void historyRecordedUnderAPredecessorFollowsTheSchoolToItsNewUrn() {
        String old = Schools.urn();
        String academy = Schools.urn();
        String later = Schools.urn();
        Schools.register(
                Schools.row(old, "Old Park Primary School", "1", "Community school", "2", "Closed", "2", "Primary", 4, 11, "E08000031"),
                Schools.row(academy, "Old Park Primary Academy", "28", "Academy sponsor led", "1", "Open", "2", "Primary", 4, 11,
                        "E08000031"),
                Schools.primary(later));
        importCsv("/api/v1/schools/links/import", "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\r\n"
                + old + "," + academy + ",Old Park Primary Academy,Successor,01-09-2025\r\n"
                + academy + "," + later + ",Old Park Primary Trust School,Successor - merged,01-09-2026\r\n").statusCode(200);
        Schools.history(old + ",MN_RKS1,2024/25,COMPLETED");

        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).get("/api/v1/schools/{urn}/participation", later).then().statusCode(200)
                .body("items.programmeCode", contains("MN_RKS1")).body("items.urn", contains(old));
        school(academy).body("links.urn", hasItem(later));

        // And the rules read it: the academy two URNs on has already done Mastering Number R/KS1.
        UUID group = WorkGroups.openGroup("CENTRAL", 5);
        given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).contentType("application/json")
                .body(java.util.Map.of("urn", later)).post("/api/v1/work-groups/{id}/eligibility-check", group)
                .then().statusCode(200).body("outcome", equalTo("INELIGIBLE"))
                .body("decidedBy.rule", equalTo("mn-rks1.not-yet-engaged"));
    }

    /**
     * Others keep where a school's history went (the NCETM's sync): each link that records a succession is announced
     * once, from the old URN to the new, whichever side lists it (both sides of one succession both say so: a consumer
     * keeps it once); other links and a second import say nothing.
     */
    @Test
    void eachSuccessionInTheLinksIsAnnouncedOnceFromTheOldUrnToTheNew() {
        String old = Schools.urn();
        String academy = Schools.urn();
        String merged = Schools.urn();
        Schools.register(Schools.primary(old), Schools.primary(academy), Schools.primary(merged));
        String links = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\r\n"
                + old + "," + academy + ",Academy,Successor,01-09-2025\r\n"
                // GIAS lists the other side too, and a merger from the new school's side.
                + academy + "," + old + ",Old school,Predecessor,01-09-2025\r\n"
                + merged + "," + academy + ",Academy,Predecessor - amalgamated,01-09-2026\r\n"
                + old + "," + merged + ",Sibling,Sixth Form Centre Link,01-09-2026\r\n";
        try (uk.mathshubs.testsupport.TopicProbe topic = new uk.mathshubs.testsupport.TopicProbe(uk.mathshubs.contracts.Topics.SCHOOLS)) {
            importCsv("/api/v1/schools/links/import", links).statusCode(200);
            importCsv("/api/v1/schools/links/import", links).statusCode(200); // again: nothing new to say
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> org.assertj.core.api.Assertions
                    .assertThat(topic.poll()).filteredOn(event -> event.payload().contains(old) || event.payload().contains(merged))
                    .extracting(event -> event.type() + " " + event.key() + " " + io.restassured.path.json.JsonPath.from(event.payload()).getString("urn")
                            + ">" + io.restassured.path.json.JsonPath.from(event.payload()).getString("successorUrn"))
                    .containsExactlyInAnyOrder(
                            uk.mathshubs.contracts.EventType.SCHOOL_SUCCESSOR_RECORDED.type() + " " + old + " " + old + ">" + academy,
                            uk.mathshubs.contracts.EventType.SCHOOL_SUCCESSOR_RECORDED.type() + " " + old + " " + old + ">" + academy,
                            uk.mathshubs.contracts.EventType.SCHOOL_SUCCESSOR_RECORDED.type() + " " + academy + " " + academy + ">" + merged));
        }
    }

    @Test
    void aCompletedWorkGroupFromSchedulingEntersTheHistoryOnceHoweverOftenItIsDelivered() {
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        Schools.history(urn + ",MN_KS2,2026/27,TOOK_PART");
        ParticipationCompleted completed = new ParticipationCompleted(UUID.randomUUID(), "MN_KS2", "2026/27", urn, Instant.now());

        try (EventPublisher events = new EventPublisher()) {
            String eventId = events.publish(EventType.PARTICIPATION_COMPLETED, urn, completed);
            events.publish(EventType.PARTICIPATION_COMPLETED, urn, completed, eventId);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> outcomes = given().auth().oauth2(TestTokens.ncetmIntegration()).get("/api/v1/schools/{urn}/participation", urn)
                    .then().statusCode(200).extract().path("items.outcome");
            assertThat(outcomes).containsExactly("COMPLETED");
        });
        given().auth().oauth2(TestTokens.ncetmIntegration()).get("/api/v1/schools/{urn}/participation", urn)
                .then().body("items.source", contains("EVENT")).body("items", hasSize(1));
    }

    @Test
    void aCompletionCorrectedAwayLeavesTheSchoolHavingTakenPartAndAnImportedOneStands() {
        String urn = Schools.urn();
        String imported = Schools.urn();
        Schools.register(Schools.primary(urn));
        Schools.register(Schools.primary(imported));
        Schools.history(imported + ",MN_KS2,2025/26,COMPLETED");
        UUID group = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.PARTICIPATION_COMPLETED, urn, new ParticipationCompleted(group, "MN_KS2", "2026/27", urn, Instant.now()));
            events.publish(EventType.PARTICIPATION_COMPLETION_REVOKED, urn,
                    new ParticipationCompletionRevoked(group, "MN_KS2", "2026/27", urn, Instant.now()));
            // The platform's own completion of the imported year, then corrected away: the NCETM's record stands.
            events.publish(EventType.PARTICIPATION_COMPLETED, imported,
                    new ParticipationCompleted(group, "MN_KS2", "2025/26", imported, Instant.now()));
            events.publish(EventType.PARTICIPATION_COMPLETION_REVOKED, imported,
                    new ParticipationCompletionRevoked(group, "MN_KS2", "2025/26", imported, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().auth().oauth2(TestTokens.ncetmIntegration())
                .get("/api/v1/schools/{urn}/participation", urn).then().statusCode(200).extract().<List<String>>path("items.outcome"))
                .containsExactly("TOOK_PART"));
        given().auth().oauth2(TestTokens.ncetmIntegration()).get("/api/v1/schools/{urn}/participation", imported)
                .then().statusCode(200).body("items.outcome", contains("COMPLETED"));
    }

    @Test
    void importsAreForProgrammeAdminsAndABadRowStoresNothing() {
        String urn = Schools.urn();
        String good = Schools.primary(urn);
        String bad = Schools.row("12AB", "Bad", "x", "Community school", "1", "Open", "2", "Primary", 4, 11, "E08000031");

        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).contentType("text/csv").body(HEADER + good)
                .post("/api/v1/schools/import").then().statusCode(403).contentType("application/problem+json");
        importCsv("/api/v1/schools/import", HEADER.replace(",SomeColumnThePlatformDoesNotRead", "") + good + "\r\n" + bad + "\r\n")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("line 3.URN"));
        given().get("/api/v1/schools/{urn}", urn).then().statusCode(404).contentType("application/problem+json");
        importCsv("/api/v1/schools/import", "Name,Town\r\nA,B\r\n").statusCode(400).body("errors.field", contains("URN", "EstablishmentName"));
        importCsv("/api/v1/participation-history/import", "URN,ProgrammeCode,AcademicYear,Outcome\r\n" + urn + ",MN_RKS1,2024/26,DONE\r\n")
                .statusCode(400).body("errors.field", contains("line 2.AcademicYear"));
    }

    private static io.restassured.response.ValidatableResponse school(String urn) {
        return given().get("/api/v1/schools/{urn}", urn).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse importCsv(String path, String csv) {
        return given().auth().oauth2(TestTokens.programmeAdmin()).contentType("text/csv; charset=ISO-8859-1")
                .body(csv.getBytes(StandardCharsets.ISO_8859_1)).post(path).then();
    }
}
