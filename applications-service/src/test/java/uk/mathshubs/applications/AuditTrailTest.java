package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.testsupport.TestTokens;

/** The audit trail: who changed an application and when, for programme admins, without the teachers' details. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void anApplicationsStepsAreAuditedWithWhoTookThemAndNothingOfTheTeachers() {
        UUID group = WorkGroups.openGroup("CENTRAL", 5);
        String urn = ApplicationSubmissionTest.urn();
        String reference = given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).contentType(ContentType.JSON)
                .body(ApplicationForms.valid(urn)).post("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(201).extract().path("reference");
        Allocations.settled(group);
        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "The school is outside our area"))
                .post("/api/v1/applications/{ref}/decision", reference).then().statusCode(200);

        JsonPath trail = given().auth().oauth2(TestTokens.programmeAdmin())
                .get("/api/v1/audit/applications-service?subject={ref}", reference)
                .then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> entries = trail.getList("items");
        assertThat(entries).extracting(e -> e.get("action") + " by " + e.get("actor")).containsExactly(
                EventType.APPLICATION_REJECTED.type() + " by central.admin",
                EventType.APPLICATION_ACCEPTED.type() + " by system", // the allocator, behind the request
                EventType.APPLICATION_SUBMITTED.type() + " by service-account-hub-website-central");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("occurredAt")).isNotNull());
        assertThat(trail.getString("items[0].detail.reason")).isEqualTo("The school is outside our area");
        String accepted = trail.prettify();
        assertThat(accepted).contains("\"participantId\"").doesNotContain("Yusuf One", "yusuf.one@school.example", "2345678");

        given().auth().oauth2(TestTokens.programmeAdmin())
                .get("/api/v1/audit/applications-service?actor=central.admin&action={a}&size=1", EventType.APPLICATION_REJECTED.type())
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].actor", equalTo("central.admin"));
        given().auth().oauth2(TestTokens.hubAdmin("CENTRAL")).get("/api/v1/audit/applications-service").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/audit/scheduling-service").then().statusCode(404);
        given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/audit/applications-service?from=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/audit/applications-service?cursor=yesterday")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    @Inject
    AuditTrail trail;

    @Test
    void entriesOlderThanSixYearsAreDeletedAndYoungerOnesKept() {
        String old = "retention-" + UUID.randomUUID();
        String young = "retention-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().createNativeQuery("""
                    INSERT INTO audit_entry (occurred_at, actor, action, subject) VALUES
                    (now() - interval '2191 days', 'ncetm.admin', 'test', :old),
                    (now() - interval '2189 days', 'ncetm.admin', 'test', :young)""")
                    .setParameter("old", old).setParameter("young", young).executeUpdate();
        });

        assertThat(trail.deleteExpired()).isPositive();

        assertThat(given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/audit/applications-service?subject={s}", old)
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        assertThat(given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/audit/applications-service?subject={s}", young)
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void theOpenApiDocumentShowsTheTrailAtThisServicesOwnPath() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItem("/api/v1/audit/applications-service"))
                .body("paths.keySet()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("/api/v1/audit/{service}")))
                .body("paths.'/api/v1/audit/applications-service'.get.parameters.name",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("service")));
    }

    @Test
    void pagesGoBackInTimeWithoutRepeatingAnEntry() {
        UUID group = WorkGroups.openGroup("CENTRAL", 5);
        String actor = "service-account-hub-website-central";
        for (int i = 0; i < 4; i++) { // four entries at least, however many other tests left
            given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).contentType(ContentType.JSON)
                    .body(ApplicationForms.valid(ApplicationSubmissionTest.urn())).post("/api/v1/work-groups/{id}/applications", group)
                    .then().statusCode(201);
        }
        JsonPath first = given().auth().oauth2(TestTokens.programmeAdmin())
                .get("/api/v1/audit/applications-service?actor={a}&size=2", actor).then().statusCode(200).extract().jsonPath();
        JsonPath second = given().auth().oauth2(TestTokens.programmeAdmin())
                .get("/api/v1/audit/applications-service?actor={a}&size=2&cursor={c}", actor, first.getString("next"))
                .then().statusCode(200).extract().jsonPath();
        List<Long> ids = new java.util.ArrayList<>(first.getList("items.id", Long.class));
        ids.addAll(second.getList("items.id", Long.class));
        assertThat(ids).hasSize(4).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
