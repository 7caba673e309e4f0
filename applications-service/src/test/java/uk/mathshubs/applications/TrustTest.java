package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.TestTokens;

/** Multi-academy trusts: schools in a trust from the register or a programme admin, and a lead who sees only theirs. */
@QuarkusTest
class TrustTest {

    @Test
    void aTrustLeadSeesTheirSchoolsApplicationsAndParticipationAndNoOneElses() {
        String trust = trustCode();
        String otherTrust = trustCode();
        String first = Schools.urn();
        String second = Schools.urn();
        String elsewhere = Schools.urn();
        importWithTrusts(Schools.primary(first) + "," + trust + ",Oak Learning Trust",
                Schools.primary(second) + "," + trust + ",Oak Learning Trust",
                Schools.primary(elsewhere) + "," + otherTrust + ",Elm Academies");
        Schools.history(first + ",MN_RKS1,2023/24,COMPLETED");
        UUID group = WorkGroups.openGroup("CENTRAL", 10);
        String ours = apply(group, first);
        String theirs = apply(group, elsewhere);
        String lead = TestTokens.trustLead(trust);

        given().get("/api/v1/schools/{urn}", first).then().statusCode(200)
                .body("trust.code", equalTo(trust)).body("trust.name", equalTo("Oak Learning Trust"));
        given().auth().oauth2(lead).get("/api/v1/trusts/{code}", trust).then().statusCode(200)
                .body("name", equalTo("Oak Learning Trust")).body("schools.urn", containsInAnyOrder(first, second));
        given().auth().oauth2(lead).get("/api/v1/trusts/{code}/applications", trust).then().statusCode(200)
                .body("items.reference", contains(ours)).body("items[0].people.name", org.hamcrest.Matchers.hasItem("Yusuf One"));
        given().auth().oauth2(lead).get("/api/v1/trusts/{code}/participation", trust).then().statusCode(200)
                .body("schools.find { it.urn == '" + first + "' }.participation.outcome", contains("COMPLETED"))
                .body("schools.find { it.urn == '" + second + "' }.participation", equalTo(List.of()));
        given().auth().oauth2(lead).get("/api/v1/applications/{ref}", ours).then().statusCode(200).body("school.urn", equalTo(first));
        given().auth().oauth2(lead).get("/api/v1/schools/{urn}/participation", first).then().statusCode(200);

        // Nothing else: another trust, its schools and applications, a Work Group's list, the hub's decisions.
        given().auth().oauth2(lead).get("/api/v1/trusts/{code}", otherTrust).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(lead).get("/api/v1/applications/{ref}", theirs).then().statusCode(404);
        given().auth().oauth2(lead).get("/api/v1/schools/{urn}/participation", elsewhere).then().statusCode(403);
        given().auth().oauth2(lead).get("/api/v1/work-groups/{id}/applications", group).then().statusCode(403);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "reason", "No"))
                .post("/api/v1/applications/{ref}/decision", ours).then().statusCode(403);
        given().auth().oauth2(TestTokens.trustLead(otherTrust)).get("/api/v1/trusts/{code}/applications", trust).then().statusCode(403);
        given().auth().oauth2(TestTokens.programmeAdmin()).get("/api/v1/trusts/{code}", trustCode()).then().statusCode(404);
    }

    @Test
    void aProgrammeAdminPutsASchoolInATrustAndALaterImportLeavesIt() {
        String trust = trustCode();
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        given().get("/api/v1/schools/{urn}", urn).then().statusCode(200).body("trust", nullValue());

        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", trust, "name", "Willow Trust")).put("/api/v1/schools/{urn}/trust", urn)
                .then().statusCode(200).body("trust.code", equalTo(trust));
        importWithTrusts(Schools.primary(urn) + ",,");
        given().get("/api/v1/schools/{urn}", urn).then().body("trust.name", equalTo("Willow Trust"));
        given().auth().oauth2(TestTokens.trustLead(trust)).get("/api/v1/trusts/{code}", trust).then().statusCode(200)
                .body("schools.urn", contains(urn));

        given().auth().oauth2(TestTokens.programmeAdmin()).delete("/api/v1/schools/{urn}/trust", urn)
                .then().statusCode(200).body("trust", nullValue());
        importWithTrusts(Schools.primary(urn) + "," + trust + ",Willow Trust");
        given().get("/api/v1/schools/{urn}", urn).then().body("trust", nullValue());

        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", "TRUST-1", "name", "Willow Trust")).put("/api/v1/schools/{urn}/trust", urn)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", trust, "name", "Willow Trust")).put("/api/v1/schools/{urn}/trust", Schools.urn())
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.trustLead(trust)).contentType(ContentType.JSON)
                .body(Map.of("code", trust, "name", "Willow Trust")).put("/api/v1/schools/{urn}/trust", urn)
                .then().statusCode(403);
    }

    private static void importWithTrusts(String... rows) {
        String csv = Schools.header() + ",Trusts (code),Trusts (name)\r\n" + String.join("\r\n", rows) + "\r\n";
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType("text/csv; charset=ISO-8859-1")
                .body(csv.getBytes(StandardCharsets.ISO_8859_1)).post("/api/v1/schools/import").then().statusCode(200);
    }

    private static String apply(UUID group, String urn) {
        return given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).contentType(ContentType.JSON).body(ApplicationForms.valid(urn))
                .post("/api/v1/work-groups/{id}/applications", group).then().statusCode(201).extract().path("reference");
    }

    private static String trustCode() {
        String code = String.valueOf(ThreadLocalRandom.current().nextInt(10_000, 99_999_999));
        assertThat(code).matches("\\d+");
        return code;
    }
}
