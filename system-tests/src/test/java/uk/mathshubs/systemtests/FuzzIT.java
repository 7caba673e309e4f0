package uk.mathshubs.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every operation of the aggregated OpenAPI document, driven with generated bad input, through the gateway and
 * straight at each service: control characters (NUL, escape, a half surrogate) and over-long text in every path
 * parameter, query parameter and body string; extreme and malformed dates and numbers; values of the wrong JSON type;
 * malformed JSON; wrong content types and charsets; and, on raw sockets, over-long URLs and headers and broken
 * request lines. Whatever the input: no 5xx, every refusal a problem+json, nothing stored.
 */
@Order(1)
class FuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * Rows written whatever the requests: the audit of reads, consumed events, mails, and the marks of the job that
     * mails decisions on each Work Group's confirmation date (the demo's groups reach it while the test runs).
     */
    private static final Set<String> BOOKKEEPING = Set.of("audit_entry", "outbox_event", "processed_event", "notification",
            "flyway_schema_history", "decision_announcement");

    private static final List<String> BAD_PATH_VALUES = List.of("%00", "a%00b", "%1B%5B31m", "%C0%AF", "%E2%80%AE",
            "..%2F..%2Fetc%2Fpasswd", "A".repeat(3000), "99999999999999999999", "-1", "%ED%A0%80");
    private static final List<String> BAD_QUERY_VALUES = List.of("%00", "x%1By", "%C0%AF", "%ED%A0%80", "A".repeat(5000),
            "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z", "2027-13-45T25:61:00Z", "99999999999999999999",
            "-1", "1e309", "NaN", "maybe", "");

    private static Platform platform;
    private static String admin;

    @BeforeAll
    static void up() throws Exception {
        // The end-to-end test's platform, first of all (SharedPlatform): nothing but the demo data written yet.
        platform = SharedPlatform.get();
        admin = platform.passwordToken("ncetm.admin");
    }

    @Test
    void noInputAnswers5xxEveryRefusalIsAProblemAndNothingIsStored() throws Exception {
        JsonNode document = JSON.readTree(given().get(platform.gateway() + "/openapi").then().statusCode(200).extract().asString());
        List<Case> cases = cases(document);
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("gateway", platform.gateway());
        targets.put("catalogue", "http://localhost:" + platform.port("PLATFORM_CATALOGUE_PORT"));
        targets.put("applications", "http://localhost:" + platform.port("PLATFORM_APPLICATIONS_PORT"));
        targets.put("scheduling", "http://localhost:" + platform.port("PLATFORM_SCHEDULING_PORT"));
        Map<String, Long> rowsBefore = rows();

        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Map.Entry<String, String> target : targets.entrySet()) {
                for (Case c : cases) {
                    sent.add(pool.submit(() -> tally.add(target.getKey(), c, send(target.getValue(), c))));
                }
                for (RawCase raw : rawCases()) {
                    sent.add(pool.submit(() -> tally.add(target.getKey(), raw.asCase(), raw.send(target.getValue()))));
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        System.out.printf("Fuzz: %d operations, %d cases each to the gateway and the three services, %d requests; by target %s;"
                        + " by status %s; 5xx: %d; refusals not problem+json: %d%n",
                operations(document), cases.size() + rawCases().size(), tally.total.sum(), new TreeMap<>(tally.byTarget),
                new TreeMap<>(tally.byStatus), tally.serverErrors.size(), tally.notProblems.size());
        assertThat(cases.size() + rawCases().size()).as("bad inputs per target").isGreaterThanOrEqualTo(1000);
        assertThat(tally.serverErrors).as("answers 5xx").isEmpty();
        assertThat(tally.notProblems).as("refusals that are not application/problem+json").isEmpty();
        assertThat(rows()).as("rows in every service's tables (bookkeeping aside)").isEqualTo(rowsBefore);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // The cases, from the document

    /** One request: method, path (already encoded), its query, its body and content type, with or without a token. */
    record Case(String name, String method, String path, String contentType, String body, boolean signedIn,
            boolean refusalIsAProblem) {

        Case(String name, String method, String path, String contentType, String body, boolean signedIn) {
            this(name, method, path, contentType, body, signedIn, true);
        }
    }

    private static long operations(JsonNode document) {
        long n = 0;
        for (JsonNode item : iterable(document.path("paths").elements())) {
            n += iterable(item.fieldNames()).stream().filter(FuzzIT::isMethod).count();
        }
        return n;
    }

    private static List<Case> cases(JsonNode document) {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths").fields())) {
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue().fields())) {
                if (!isMethod(op.getKey())) {
                    continue;
                }
                String method = op.getKey().toUpperCase();
                JsonNode operation = op.getValue();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                operation.path("parameters").forEach(parameters::add);
                List<String> pathParams = parameters.stream().filter(p -> "path".equals(p.path("in").asText()))
                        .map(p -> p.path("name").asText()).toList();
                List<String> queryParams = parameters.stream().filter(p -> "query".equals(p.path("in").asText()))
                        .map(p -> p.path("name").asText()).toList();
                Optional<JsonNode> bodySchema = bodySchema(document, operation);
                String plausibleBody = bodySchema.map(s -> plausible(document, s, 0).toString()).orElse(null);
                String jsonType = bodySchema.isPresent() ? "application/json" : null;
                // Each path parameter, bad in turn, the others plausible.
                for (String bad : pathParams) {
                    for (String value : BAD_PATH_VALUES) {
                        for (boolean signedIn : new boolean[] {false, true}) {
                            cases.add(new Case(method + " " + path.getKey() + " {" + bad + "}=" + abbreviated(value), method,
                                    fill(path.getKey(), bad, value), jsonType, plausibleBody, signedIn));
                        }
                    }
                }
                // Each query parameter, bad in turn.
                for (String bad : queryParams) {
                    for (String value : BAD_QUERY_VALUES) {
                        cases.add(new Case(method + " " + path.getKey() + " ?" + bad + "=" + abbreviated(value), method,
                                fill(path.getKey(), null, null) + "?" + bad + "=" + value, jsonType, plausibleBody, true));
                    }
                }
                if (bodySchema.isPresent()) {
                    String at = fill(path.getKey(), null, null);
                    // Each property of the body (one level into nested objects), bad in turn.
                    for (Map.Entry<String, String> mutated : mutations(document, bodySchema.get())) {
                        cases.add(new Case(method + " " + path.getKey() + " body " + mutated.getKey(), method, at,
                                "application/json", mutated.getValue(), true));
                    }
                    // Not JSON, or not what it says it is.
                    for (String broken : List.of("{", "{\"a\":}", "[]", "null", "\"x\"", "{\"a\":1,\"a\":2}", "{}  {}",
                            "{" + "\"a\":{".repeat(3000) + "}".repeat(3001), "\u0000")) {
                        cases.add(new Case(method + " " + path.getKey() + " malformed " + abbreviated(broken), method, at,
                                "application/json", broken, true));
                    }
                    for (String type : List.of("text/plain", "application/xml", "application/json; charset=ebcdic",
                            "application/x-www-form-urlencoded", "")) {
                        cases.add(new Case(method + " " + path.getKey() + " as '" + type + "'", method, at, type,
                                plausibleBody, true));
                    }
                }
            }
        }
        return cases;
    }

    private static boolean isMethod(String key) {
        return Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key);
    }

    /** The path with {@code bad} set to {@code value} and every other parameter a plausible one. */
    private static String fill(String template, String bad, String value) {
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                path.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            path.append(template, i, open);
            String name = template.substring(open + 1, close);
            path.append(name.equals(bad) ? value : plausibleParameter(name));
            i = close + 1;
        }
        return path.toString();
    }

    private static String plausibleParameter(String name) {
        return switch (name) {
            case "urn" -> "137001";
            case "code" -> "MN_KS2";
            case "reference" -> "MH-AAAA-BBBB";
            case "service" -> "applications-service";
            default -> UUID.randomUUID().toString();
        };
    }

    private static Optional<JsonNode> bodySchema(JsonNode document, JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(resolve(document, schema));
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        for (int depth = 0; depth < 10 && resolved.has("$ref"); depth++) {
            String ref = resolved.path("$ref").asText();
            resolved = document.at(ref.substring(1));
        }
        if (resolved.has("allOf") && resolved.path("allOf").size() == 1) {
            return resolve(document, resolved.path("allOf").get(0));
        }
        return resolved;
    }

    /** A value the schema would take: the request as a website might send it, before one part of it is spoilt. */
    private static JsonNode plausible(JsonNode document, JsonNode schema, int depth) {
        JsonNode s = resolve(document, schema);
        if (s.has("example") && depth > 0) {
            return s.path("example");
        }
        if (s.has("enum")) {
            return s.path("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 3) {
                    for (Map.Entry<String, JsonNode> property : iterable(s.path("properties").fields())) {
                        object.set(property.getKey(), plausible(document, property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> JSON.createArrayNode().add(plausible(document, s.path("items"), depth + 1));
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            default -> JSON.getNodeFactory().textNode(switch (s.path("format").asText()) {
                case "date-time" -> "2027-09-01T09:00:00Z";
                case "date" -> "2027-09-01";
                case "uuid" -> UUID.randomUUID().toString();
                case "email" -> "someone@school.example";
                default -> "Plausible text";
            });
        };
    }

    /** The plausible body with one property (top level, or one level down) given each bad value in turn, as JSON text. */
    private static List<Map.Entry<String, String>> mutations(JsonNode document, JsonNode schema) {
        List<Map.Entry<String, String>> mutations = new ArrayList<>();
        ObjectNode body = (ObjectNode) plausible(document, schema, 0);
        for (Map.Entry<String, JsonNode> property : iterable(resolve(document, schema).path("properties").fields())) {
            JsonNode propertySchema = resolve(document, property.getValue());
            for (String bad : badValues(propertySchema)) {
                mutations.add(Map.entry(property.getKey() + "=" + abbreviated(bad), withRaw(body, List.of(property.getKey()), bad)));
            }
            for (Map.Entry<String, JsonNode> inner : iterable(propertySchema.path("properties").fields())) {
                for (String bad : badValues(resolve(document, inner.getValue()))) {
                    mutations.add(Map.entry(property.getKey() + "." + inner.getKey() + "=" + abbreviated(bad),
                            withRaw(body, List.of(property.getKey(), inner.getKey()), bad)));
                }
            }
        }
        return mutations;
    }

    /** Bad values for a property, as raw JSON (some are not what JSON libraries would write: a half surrogate, 1e309). */
    private static List<String> badValues(JsonNode schema) {
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        List<String> values = new ArrayList<>(List.of("null", "{}", "[]"));
        switch (type) {
            case "integer", "number" -> values.addAll(List.of("1e309", "-2147483649", "9223372036854775808", "1.5", "\"12\"", "-1"));
            case "boolean" -> values.addAll(List.of("\"true\"", "1", "\"maybe\""));
            case "array" -> values.addAll(List.of("\"x\"", "[null]", "[\"\\u0000\"]", "[" + "1,".repeat(20_000) + "1]"));
            case "object" -> values.addAll(List.of("\"x\"", "1"));
            default -> {
                values.addAll(List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\u001b[31m\"", "\"\\ud800\"", "\"\\udfff x\"",
                        "\"" + "x".repeat(70_000) + "\"", "123", "true", "\"\""));
                switch (schema.path("format").asText()) {
                    case "date-time" -> values.addAll(List.of("\"-999999999-01-01T00:00:00Z\"", "\"+10000-01-01T00:00:00Z\"",
                            "\"2027-13-45T25:61:00Z\"", "\"2027-09-01\"", "\"yesterday\""));
                    case "date" -> values.addAll(List.of("\"2028-03-09T00:00:00Z\"", "\"+999999999-12-31\"", "\"0000-00-00\"",
                            "\"2027-02-30\""));
                    case "uuid" -> values.addAll(List.of("\"not-a-uuid\"", "\"00000000-0000-0000-0000-00000000000G\""));
                    default -> {
                        // text as it is
                    }
                }
                if (schema.has("enum")) {
                    values.addAll(List.of("\"NOT_A_VALUE\"", "\"" + schema.path("enum").get(0).asText().toLowerCase() + "\"", "0"));
                }
            }
        }
        return values;
    }

    /** The body as JSON text with the value at {@code path} replaced by raw JSON text. */
    private static String withRaw(ObjectNode body, List<String> path, String raw) {
        String marker = "__fuzz_" + UUID.randomUUID().toString().replace("-", "") + "__";
        ObjectNode copy = body.deepCopy();
        ObjectNode parent = copy;
        for (String step : path.subList(0, path.size() - 1)) {
            parent = parent.path(step) instanceof ObjectNode object ? object : parent.putObject(step);
        }
        parent.put(path.get(path.size() - 1), marker);
        return copy.toString().replace("\"" + marker + "\"", raw);
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "...(" + value.length() + " chars)" : value;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Sending and counting

    record Answer(int status, String contentType) {
    }

    private static Answer send(String base, Case c) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + c.path())).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException notAUri) {
            // Our own case the client cannot even send; the raw cases cover what the URI class will not build.
            return new Answer(-1, "");
        }
        if (c.signedIn()) {
            request.header("Authorization", "Bearer " + admin);
        }
        if (c.contentType() != null && !c.contentType().isEmpty()) {
            request.header("Content-Type", c.contentType());
        }
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8);
        try {
            HttpResponse<Void> response = HTTP.send(request.method(c.method(), body).build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            // A connection the server closed on an unreadable request is an answer too, but not a 5xx.
            return new Answer(0, "closed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Requests only a socket can send. The HTTP layer's refusals of what it reads (414, 431, 405, 413) are problems like
     * any other; a request line the HTTP decoder cannot parse at all (Netty's own 400, or a closed connection) is
     * answered before any code of ours runs, and is held only to "never a 5xx".
     */
    record RawCase(String name, String request, boolean parsed) {

        Case asCase() {
            return new Case("raw " + name, "RAW", "", null, null, false, parsed);
        }

        Answer send(String base) {
            URI uri = URI.create(base);
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.replace("{host}", uri.getHost() + ":" + uri.getPort()).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
                String head = readHead(socket.getInputStream());
                if (head.isEmpty()) {
                    return new Answer(0, "closed without an answer");
                }
                int status = Integer.parseInt(head.split(" ", 3)[1]);
                String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                        .map(l -> l.substring(13).strip()).findFirst().orElse("");
                return new Answer(status, type);
            } catch (IOException e) {
                return new Answer(0, "closed: " + e.getClass().getSimpleName());
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString().strip();
        }
    }

    private static List<RawCase> rawCases() {
        String host = "\r\nHost: {host}\r\n";
        String json = "\r\nHost: {host}\r\nContent-Type: application/json\r\n";
        return List.of(
                new RawCase("URL of 20000 characters", "GET /api/v1/work-groups?hub=" + "A".repeat(20_000) + " HTTP/1.1" + host + "\r\n", true),
                new RawCase("header of 40000 characters", "GET /api/v1/programmes HTTP/1.1" + host + "X-Fuzz: " + "B".repeat(40_000)
                        + "\r\n\r\n", true),
                new RawCase("200 headers", "GET /api/v1/programmes HTTP/1.1" + host + "X-Fuzz: c\r\n".repeat(200) + "\r\n", true),
                new RawCase("unknown method", "BREW /api/v1/programmes HTTP/1.1" + host + "\r\n", true),
                new RawCase("TRACE", "TRACE /api/v1/programmes HTTP/1.1" + host + "\r\n", true),
                new RawCase("method not allowed", "DELETE /api/v1/programmes HTTP/1.1" + host + "\r\n", true),
                new RawCase("body of 1 MB in chunks", "POST /api/v1/erasures HTTP/1.1" + json + "Transfer-Encoding: chunked\r\n\r\n"
                        + ("4000\r\n" + "x".repeat(0x4000) + "\r\n").repeat(64) + "0\r\n\r\n", true),
                new RawCase("declared 10 GB", "POST /api/v1/erasures HTTP/1.1" + json + "Content-Length: 10000000000\r\n\r\n{}", true),
                new RawCase("absolute URI elsewhere", "GET http://169.254.169.254/latest/meta-data HTTP/1.1" + host + "\r\n", true),
                new RawCase("URL of 100000 characters", "GET /api/v1/work-groups?hub=" + "A".repeat(100_000) + " HTTP/1.1" + host + "\r\n", false),
                new RawCase("NUL in the request line", "GET /api/v1/hubs/\u0000 HTTP/1.1" + host + "\r\n", false),
                new RawCase("space in the path", "GET /api/v1/hubs/a b HTTP/1.1" + host + "\r\n", false),
                new RawCase("Content-Length not a number", "POST /api/v1/erasures HTTP/1.1" + json + "Content-Length: abc\r\n\r\n{}", false),
                new RawCase("Content-Length and chunked both", "POST /api/v1/erasures HTTP/1.1" + json
                        + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", false),
                new RawCase("HTTP/0.9", "GET /api/v1/programmes\r\n\r\n", false),
                new RawCase("HTTP/7.0", "GET /api/v1/programmes HTTP/7.0" + host + "\r\n", false),
                new RawCase("path without a slash", "GET api/v1/programmes HTTP/1.1" + host + "\r\n", false));
    }

    static final class Tally {
        final LongAdder total = new LongAdder();
        final Map<String, Long> byTarget = new ConcurrentHashMap<>();
        final Map<Integer, Long> byStatus = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> notProblems = new ConcurrentLinkedQueue<>();

        void add(String target, Case c, Answer answer) {
            if (answer.status() == -1) {
                return;
            }
            total.increment();
            byTarget.merge(target, 1L, Long::sum);
            byStatus.merge(answer.status(), 1L, Long::sum);
            String what = target + ": " + c.name() + " -> " + answer.status() + " " + answer.contentType();
            if (answer.status() >= 500) {
                serverErrors.add(what);
            } else if (c.refusalIsAProblem() && answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                notProblems.add(what);
            }
        }
    }

    /** Rows per table of every service's database, the bookkeeping tables aside. */
    private static Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        for (String service : List.of("catalogue", "applications", "scheduling")) {
            try (Connection db = platform.database(service);
                 ResultSet tables = db.createStatement().executeQuery(
                         "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
                for (String table : names.stream().filter(t -> !BOOKKEEPING.contains(t)).collect(Collectors.toList())) {
                    try (ResultSet count = db.createStatement().executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        count.next();
                        rows.put(service + "." + table, count.getLong(1));
                    }
                }
            }
        }
        return rows;
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
