package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static uk.mathshubs.testsupport.AuthorizationMatrix.OWN_HUB;
import static uk.mathshubs.testsupport.AuthorizationMatrix.OWN_TRUST;
import static uk.mathshubs.testsupport.AuthorizationMatrix.row;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.AuthorizationMatrix;
import uk.mathshubs.testsupport.BadCredentials;
import uk.mathshubs.testsupport.TestTokens;

/**
 * Every endpoint of the applications service against every kind of caller, in its own hub and in another's. Statuses
 * in the order: anonymous, programme admin, hub admin (own hub), hub admin (other hub), hub website (own hub), hub
 * website (other hub), NCETM integration. The fixtures belong to the own hub.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestFactory
    Stream<DynamicNode> whoMayDoWhat() {
        UUID open = WorkGroups.openGroup(OWN_HUB, 1000);
        UUID closed = WorkGroups.publish(WorkGroups.spec(OWN_HUB, 10).closed());
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        String reference = submitted(open, urn);
        // The own trust's lead is the lead of this school's trust.
        inTrust(urn, OWN_TRUST);
        String sibling = Schools.urn();
        Schools.register(Schools.primary(sibling));
        inTrust(sibling, OWN_TRUST);
        Object ruleSet = given().get("/api/v1/eligibility-rule-sets/MN_RKS1").then().statusCode(200).extract().path("rules");
        String school = Schools.primary(Schools.urn());
        String erasure = given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("email", "nobody." + UUID.randomUUID() + "@school.example")).post("/api/v1/erasures")
                .then().statusCode(202).extract().path("id");

        return AuthorizationMatrix.tests(List.of(
                row("POST /work-groups/{id}/applications", "401 201 201 403 201 403 403 403 403", spec -> {
                    String fresh = Schools.urn();
                    Schools.register(Schools.primary(fresh));
                    return spec.contentType(ContentType.JSON).body(ApplicationForms.valid(fresh))
                            .post("/api/v1/work-groups/{id}/applications", open);
                }),
                row("GET /work-groups/{id}/applications", "401 200 200 403 200 403 403 403 403",
                        spec -> spec.get("/api/v1/work-groups/{id}/applications", open)),
                row("GET /applications/{reference} (no secret)", "404 200 200 404 200 404 404 200 404",
                        spec -> spec.get("/api/v1/applications/{ref}", reference)),
                row("POST /applications/{reference}/decision", "401 200 200 404 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "reasonCode", "OTHER", "reason", "Not this year"))
                                .post("/api/v1/applications/{ref}/decision", submitted(open))),
                row("POST /applications/{reference}/withdrawal (no secret)", "404 200 200 404 200 404 404 404 404",
                        spec -> spec.contentType(ContentType.JSON).body(Map.of("reasonCode", "STAFF_CHANGES", "reason", "Staff changes"))
                                .post("/api/v1/applications/{ref}/withdrawal", submitted(open))),
                row("POST /work-groups/{id}/eligibility-check", "401 200 200 403 200 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(Map.of("urn", urn))
                                .post("/api/v1/work-groups/{id}/eligibility-check", open)),
                row("GET /eligibility-rule-sets/{code}", "200 200 200 200 200 200 200 200 200",
                        spec -> spec.get("/api/v1/eligibility-rule-sets/MN_RKS1")),
                row("PUT /eligibility-rule-sets/{code}", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(ruleSet).put("/api/v1/eligibility-rule-sets/MN_RKS1")),
                row("POST /work-groups/{id}/interest", "401 200 200 403 200 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(Map.of("urn", Schools.urn(), "schoolName", "Oak Primary",
                                "contactName", "Ann Head", "contactEmail", "head@oak.example"))
                                .post("/api/v1/work-groups/{id}/interest", closed)),
                row("GET /work-groups/{id}/interest", "401 200 200 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/work-groups/{id}/interest", closed)),
                row("GET /schools?name=", "200 200 200 200 200 200 200 200 200", spec -> spec.get("/api/v1/schools?name=Primary")),
                row("GET /schools/{urn}", "200 200 200 200 200 200 200 200 200", spec -> spec.get("/api/v1/schools/{urn}", urn)),
                row("GET /schools/{urn}/participation", "401 200 200 200 403 403 200 200 403",
                        spec -> spec.get("/api/v1/schools/{urn}/participation", urn)),
                row("POST /schools/import", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.contentType("text/csv").body(Schools.header() + "\n" + school).post("/api/v1/schools/import")),
                row("POST /participation-history/import", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.contentType("text/csv").body("URN,ProgrammeCode,AcademicYear,Outcome\n" + urn + ",TFM_DEV,2023/24,COMPLETED")
                                .post("/api/v1/participation-history/import")),
                row("GET /trusts/{code}", "401 200 403 403 403 403 403 200 403",
                        spec -> spec.get("/api/v1/trusts/{code}", OWN_TRUST)),
                row("GET /trusts/{code}/applications", "401 200 403 403 403 403 403 200 403",
                        spec -> spec.get("/api/v1/trusts/{code}/applications", OWN_TRUST)),
                row("GET /trusts/{code}/participation", "401 200 403 403 403 403 403 200 403",
                        spec -> spec.get("/api/v1/trusts/{code}/participation", OWN_TRUST)),
                row("PUT /schools/{urn}/trust", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(Map.of("code", OWN_TRUST, "name", "Elston Hall Learning Trust"))
                                .put("/api/v1/schools/{urn}/trust", urn)),
                row("DELETE /schools/{urn}/trust", "401 200 403 403 403 403 403 403 403", spec -> {
                    String other = Schools.urn();
                    Schools.register(Schools.primary(other));
                    return spec.delete("/api/v1/schools/{urn}/trust", other);
                }),
                row("POST /erasures", "401 202 403 403 403 403 403 403 403",
                        spec -> spec.contentType(ContentType.JSON).body(Map.of("email", "nobody." + UUID.randomUUID() + "@school.example"))
                                .post("/api/v1/erasures")),
                row("GET /erasures/{id}", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/erasures/{id}", erasure)),
                row("GET /reason-codes/{kind}", "200 200 200 200 200 200 200 200 200",
                        spec -> spec.get("/api/v1/reason-codes/withdrawal")),
                row("GET /reason-codes/session-cancellation (another service's kind)", "404 404 404 404 404 404 404 404 404",
                        spec -> spec.get("/api/v1/reason-codes/session-cancellation")),
                row("GET /audit/applications-service", "401 200 403 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/audit/applications-service")),
                row("GET /audit/programme-catalogue-service (another service's)", "401 404 403 403 403 403 403 403 403",
                        spec -> spec.get("/api/v1/audit/programme-catalogue-service"))));
    }

    /** The service checks tokens itself too: a request that reached it past the gateway proves nothing. */
    @TestFactory
    Stream<DynamicTest> forgedExpiredOrForeignTokensAreRefused() {
        UUID open = WorkGroups.openGroup(OWN_HUB, 10);
        return BadCredentials.all().entrySet().stream().map(bad -> DynamicTest.dynamicTest(bad.getKey() + " gets 401", () ->
                given().header("Authorization", bad.getValue()).get("/api/v1/work-groups/{id}/applications", open)
                        .then().statusCode(401)));
    }

    private static String submitted(UUID group) {
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        return submitted(group, urn);
    }

    private static String submitted(UUID group, String urn) {
        return given().auth().oauth2(TestTokens.hubWebsite(OWN_HUB)).contentType(ContentType.JSON).body(ApplicationForms.valid(urn))
                .post("/api/v1/work-groups/{id}/applications", group).then().statusCode(201).extract().path("reference");
    }

    private static void inTrust(String urn, String trust) {
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", trust, "name", "Trust " + trust)).put("/api/v1/schools/{urn}/trust", urn)
                .then().statusCode(200);
    }
}
