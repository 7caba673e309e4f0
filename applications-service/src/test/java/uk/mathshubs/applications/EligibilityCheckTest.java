package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.mathshubs.testsupport.TestTokens;

/** A hub website asks "may this school apply?" before it applies, and the same rules decide the application itself. */
@QuarkusTest
class EligibilityCheckTest {

    private static final String HUB = "CENTRAL";

    @Test
    void aStateFundedPrimaryNewToMasteringNumberIsEligibleAndTheAnswerSaysWhy() {
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        UUID group = WorkGroups.openGroup(HUB, 5);

        precheck(group, Map.of("urn", urn)).statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("decidedBy.rule", equalTo("mn-rks1"))
                .body("decidedBy.description", containsString("has not yet engaged with the Mastering Number programme"))
                .body("decidedBy.reason", containsString("Primary " + urn + " has not taken part in the Mastering Number programme before"))
                .body("checks.rule", contains("mn-rks1.open", "mn-rks1.in-england", "mn-rks1.state-funded", "mn-rks1.primary",
                        "mn-rks1.not-yet-engaged"));
    }

    @Test
    void aSchoolThatAlreadyDidMasteringNumberIsToldSoAndItsApplicationIsIneligible() {
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        Schools.history(urn + ",MN_RKS1,2025/26,COMPLETED");
        UUID group = WorkGroups.openGroup(HUB, 5);

        precheck(group, Map.of("urn", urn)).statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("decidedBy.rule", equalTo("mn-rks1.not-yet-engaged"))
                .body("decidedBy.reason", containsString("has already taken part in the Mastering Number programme (MN_RKS1 in 2025/26"));

        submit(group, ApplicationForms.valid(urn)).statusCode(201)
                .body("application.status", equalTo("INELIGIBLE"))
                .body("application.decisionReason", containsString("already taken part in the Mastering Number programme"))
                .body("application.eligibility.decidedBy.rule", equalTo("mn-rks1.not-yet-engaged"));
    }

    @Test
    void aPlaceAcceptedInAnotherWorkGroupCountsAsTakingPartButNotInTheGroupItself() {
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        UUID first = WorkGroups.openGroup(HUB, 5);
        submit(first, ApplicationForms.valid(urn)).statusCode(201);
        Allocations.settled(first);
        UUID second = WorkGroups.openGroup(HUB, 5);

        precheck(second, Map.of("urn", urn)).statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("decidedBy.rule", equalTo("mn-rks1.not-yet-engaged"))
                .body("decidedBy.reason", containsString("(MN_RKS1 in " + WorkGroups.YEAR));
        // Its own place is not a reason against it.
        precheck(first, Map.of("urn", urn)).statusCode(200).body("outcome", equalTo("ELIGIBLE"));
        submit(second, ApplicationForms.valid(urn)).statusCode(201).body("application.status", equalTo("INELIGIBLE"));
    }

    @Test
    void anIndependentSchoolIsNotStateFunded() {
        String urn = Schools.urn();
        Schools.register(Schools.independent(urn));

        precheck(WorkGroups.openGroup(HUB, 5), Map.of("urn", urn)).statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("decidedBy.reason", equalTo("Independent " + urn
                        + " is not state-funded: the schools register lists it as \"Other independent school\""));
    }

    @Test
    void aSchoolUnsureOfAKs2QuestionIsForItsHubToReviewAndTheHubDecides() {
        String urn = Schools.urn();
        Schools.register(Schools.junior(urn));
        Schools.history(urn + ",TFM_SUSTAINING,2026/27,TOOK_PART");
        UUID group = WorkGroups.publish(WorkGroups.spec(HUB, 5).programme("MN_KS2"));
        Map<String, String> unsure = Map.of("year4And5TeachersCanCommitFully", "UNSURE");

        precheck(group, Map.of("urn", urn, "declarations", unsure)).statusCode(200)
                .body("outcome", equalTo("NEEDS_REVIEW"))
                .body("decidedBy.rule", equalTo("mn-ks2.teachers-commit"))
                .body("decidedBy.reason", containsString("its Maths Hub will look at this with the school"));
        precheck(group, Map.of("urn", urn, "declarations", Map.of("year4And5TeachersCanCommitFully", "YES"))).statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("decidedBy.reason", containsString("Junior " + urn + " is a junior school"));

        String reference = submit(group, ApplicationForms.ks2(urn, unsure)).statusCode(201)
                .body("application.status", equalTo("NEEDS_REVIEW")).extract().path("reference");
        given().auth().oauth2(TestTokens.hubAdmin("SHAW")).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPT", "reason", "Spoke to the head"))
                .post("/api/v1/applications/{ref}/decision", reference)
                .then().statusCode(404).contentType("application/problem+json"); // another hub's: as if it did not exist
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPT", "reason", "The head confirmed both teachers can commit fully"))
                .post("/api/v1/applications/{ref}/decision", reference)
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decisionReason", equalTo("The head confirmed both teachers can commit fully"));
    }

    @Test
    void badQuestionsAreRefusedNamingTheField() {
        String urn = Schools.urn();
        Schools.register(Schools.primary(urn));
        UUID ks2 = WorkGroups.publish(WorkGroups.spec(HUB, 5).programme("MN_KS2"));

        precheck(ks2, Map.of("urn", urn, "declarations", Map.of("teachersCommit", "YES"))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("declarations.teachersCommit"));
        precheck(ks2, Map.of("urn", urn, "declarations", Map.of("year4And5TeachersCanCommitFully", "PERHAPS"))).statusCode(400)
                .contentType("application/problem+json");
        precheck(ks2, Map.of("urn", "999999")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("urn"))
                .body("errors.message", hasItem(containsString("not in the schools register")));
        precheck(ks2, Map.of("urn", "12AB")).statusCode(400).body("errors.field", hasItem("urn"));
        precheck(UUID.randomUUID(), Map.of("urn", urn)).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theKs2RuleSetListsItsQuestionsForHubWebsitesToAsk() {
        given().get("/api/v1/eligibility-rule-sets/MN_KS2").then().statusCode(200)
                .body("declarations.key", contains("continuesToUseMasteringNumberMaterials", "year4And5TeachersCanCommitFully"))
                .body("declarations.question", hasItem("Are your teachers in Year 4 and 5 able to commit fully to this project?"))
                .body("rules.requirements.id", equalTo("mn-ks2"));
        given().get("/api/v1/eligibility-rule-sets/NO_SUCH").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aProgrammeAdminWritesANewProgrammesRulesAsDataAndTheyApplyAtOnce() {
        Map<String, Object> embedding = Map.of("title", "Embedding the Impact of Mastering Number",
                "requirements", Map.of("id", "mn-embedding", "description", "For schools that completed Mastering Number R/KS1.",
                        "allOf", java.util.List.of(Map.of("id", "mn-embedding.completed", "description", "Completed MN R/KS1.",
                                "test", "tookPart", "programmes", java.util.List.of("MN_RKS1"), "completed", true,
                                "label", "Mastering Number at Reception and KS1"))));

        given().auth().oauth2(TestTokens.hubAdmin(HUB)).contentType(ContentType.JSON).body(embedding)
                .put("/api/v1/eligibility-rule-sets/MN_EMBEDDING").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Broken", "requirements", Map.of("id", "x", "description", "x", "test", "tookPart")))
                .put("/api/v1/eligibility-rule-sets/MN_EMBEDDING").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("requirements.programmes"))
                .body("errors.field", hasItem("requirements.label"));
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(embedding)
                .put("/api/v1/eligibility-rule-sets/MN_EMBEDDING").then().statusCode(200).body("code", equalTo("MN_EMBEDDING"));

        given().get("/api/v1/eligibility-rule-sets/MN_EMBEDDING").then().statusCode(200)
                .body("title", equalTo("Embedding the Impact of Mastering Number"))
                .body("rules.requirements.allOf[0].test", equalTo("tookPart"));
    }

    private static ValidatableResponse precheck(UUID group, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-groups/{id}/eligibility-check", group).then();
    }

    private static ValidatableResponse submit(UUID group, Map<String, Object> form) {
        return given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON).body(form)
                .post("/api/v1/work-groups/{id}/applications", group).then();
    }
}
