package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.buffer.Buffer;
import uk.mathshubs.kit.idempotency.IdempotencyKeys;
import uk.mathshubs.kit.idempotency.IdempotencyStore;
import uk.mathshubs.testsupport.TestTokens;

/**
 * A hub website that never heard the answer to its POST sends it again with the same Idempotency-Key and gets the
 * first answer, not a second change: the reference and the one-time secret it lost.
 */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String HUB = "CENTRAL";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdempotencyStore store;

    IdempotencyKeyTest(IdempotencyStore store) {
        this.store = store;
    }

    @Test
    void theSameKeyAgainReplaysTheFirstAnswerSecretIncluded() {
        UUID group = WorkGroups.openGroup(HUB, 10);
        Map<String, Object> form = ApplicationForms.valid(ApplicationSubmissionTest.urn());
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = submit(group, form, key, TestTokens.hubWebsite(HUB)).statusCode(201).extract();
        ExtractableResponse<Response> again = submit(group, form, key, TestTokens.hubWebsite(HUB)).statusCode(201)
                .header(IdempotencyKeys.REPLAYED, "true")
                .contentType(ContentType.JSON)
                .extract();

        assertThat(again.<String>path("reference")).isEqualTo(first.path("reference"));
        assertThat(again.<String>path("secret")).isNotBlank().isEqualTo(first.path("secret"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        // Without the key, the same form is a resubmission: the application, without its secret.
        submit(group, form, null, TestTokens.hubWebsite(HUB)).statusCode(200).body("reference", equalTo(first.path("reference")));
        applications(group).body("items", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedNamingTheHeader() {
        UUID group = WorkGroups.openGroup(HUB, 10);
        String key = "\"" + UUID.randomUUID() + "\"";
        submit(group, ApplicationForms.valid(ApplicationSubmissionTest.urn()), key, TestTokens.hubWebsite(HUB)).statusCode(201);

        submit(group, ApplicationForms.valid(ApplicationSubmissionTest.urn()), key, TestTokens.hubWebsite(HUB))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://api.mathshubs.uk/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        applications(group).body("items", hasSize(1));
    }

    @Test
    void aKeyBelongsToItsClientSoAnotherClientsSameKeyIsItsOwnRequest() {
        UUID group = WorkGroups.openGroup(HUB, 10);
        Map<String, Object> form = ApplicationForms.valid(ApplicationSubmissionTest.urn());
        String key = UUID.randomUUID().toString();
        submit(group, form, key, TestTokens.hubWebsite(HUB)).statusCode(201);

        // The hub's admin, another client, sends the same key and form: not a replay of the website's answer, but
        // its own request, which finds the school's application (200, without the secret).
        submit(group, form, key, TestTokens.hubAdmin(HUB)).statusCode(200).header(IdempotencyKeys.REPLAYED, (String) null);
    }

    @Test
    void aRequestStillBeingAnsweredWithTheSameKeyIsAConflict() throws Exception {
        UUID group = WorkGroups.openGroup(HUB, 10);
        Map<String, Object> form = ApplicationForms.valid(ApplicationSubmissionTest.urn());
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/work-groups/" + group + "/applications";
        // As if the website's first request with this key were being answered right now.
        store.claim("client:hub-website-central:service-account-hub-website-central", key,
                IdempotencyKeys.fingerprint("POST", path, null, List.of("Application-Secret=null", "X-Application-Secret=null"),
                        Buffer.buffer(JSON.writeValueAsString(form).getBytes(StandardCharsets.UTF_8))));

        submit(group, form, key, TestTokens.hubWebsite(HUB))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://api.mathshubs.uk/problems/idempotency-key-in-use"));
        applications(group).body("items", hasSize(0));
    }

    @Test
    void sixClicksWithOneKeyAtOnceMakeOneApplicationAndNeverAServerError() throws Exception {
        UUID group = WorkGroups.openGroup(HUB, 10);
        Map<String, Object> form = ApplicationForms.valid(ApplicationSubmissionTest.urn());
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        try (ExecutorService clicks = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                answers.add(clicks.submit(() -> {
                    start.await();
                    return submit(group, form, key, TestTokens.hubWebsite(HUB)).extract();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            Set<String> references = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                codes.add(answer.get().statusCode());
                if (answer.get().statusCode() == 201) {
                    references.add(answer.get().path("reference"));
                }
            }
            // The first is answered 201; each other one either met it in flight (409) or heard its answer again.
            assertThat(codes).containsOnly(201, 409).contains(201);
            assertThat(references).hasSize(1);
        }
        applications(group).body("items", hasSize(1));
    }

    /** A replay is answered before the endpoint's own checks: it must reach only the one who sent the first request. */
    @Test
    void theSameKeyWithoutTheSchoolsSecretIsAnotherRequestNotAReplay() {
        UUID group = WorkGroups.openGroup(HUB, 10);
        var received = submit(group, ApplicationForms.valid(ApplicationSubmissionTest.urn()), null, TestTokens.hubWebsite(HUB))
                .statusCode(201).extract();
        String reference = received.path("reference");
        String key = UUID.randomUUID().toString();
        given().header("Application-Secret", (String) received.path("secret")).header(IdempotencyKeys.HEADER, key)
                .contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/applications/{ref}/withdrawal", reference).then().statusCode(200);

        given().header(IdempotencyKeys.HEADER, key).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/applications/{ref}/withdrawal", reference)
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        given().header("Application-Secret", "a guess").header(IdempotencyKeys.HEADER, key)
                .contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/applications/{ref}/withdrawal", reference)
                .then().statusCode(422);
    }

    @Test
    void aKeyThatIsNotOneIsA400NamingTheHeader() {
        UUID group = WorkGroups.openGroup(HUB, 10);
        submit(group, ApplicationForms.valid(ApplicationSubmissionTest.urn()), "x".repeat(256), TestTokens.hubWebsite(HUB))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        applications(group).body("items", hasSize(0));
    }

    private static ValidatableResponse submit(UUID group, Map<String, Object> form, String key, String token) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(form);
        if (key != null) {
            request.header(IdempotencyKeys.HEADER, key);
        }
        return request.post("/api/v1/work-groups/{id}/applications", group).then();
    }

    private static ValidatableResponse applications(UUID group) {
        return given().auth().oauth2(TestTokens.hubAdmin(HUB)).get("/api/v1/work-groups/{id}/applications", group).then().statusCode(200);
    }
}
