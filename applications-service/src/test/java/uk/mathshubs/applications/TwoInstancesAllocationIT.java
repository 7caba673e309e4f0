package uk.mathshubs.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.KafkaResource;
import uk.mathshubs.testsupport.PostgresResource;
import uk.mathshubs.testsupport.TestTokens;

/**
 * The packaged service, twice, on one database: 1000 schools apply at once for 50 places, half through each
 * instance, and both instances' allocators place them. The arrival order, the row lock and the constraint are in
 * PostgreSQL, so two JVMs cannot overbook or reorder any more than two threads.
 */
class TwoInstancesAllocationIT {

    private static final int SCHOOLS = 1000;
    private static final int PLACES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final OidcWiremockTestResource OIDC = new OidcWiremockTestResource();
    private static final List<Process> INSTANCES = new ArrayList<>();
    private static final List<String> BASES = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();

    @BeforeAll
    static void twoInstances() throws Exception {
        Map<String, String> env = new HashMap<>();
        new PostgresResource().start().forEach((key, value) -> env.put(envName(key), value));
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaResource.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", OIDC.start().get("keycloak.url") + "/realms/quarkus/");
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // One at a time: the first runs the migrations, the second finds them done.
        start("a", env);
        start("b", env);
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(Process::destroy);
        INSTANCES.forEach(p -> p.onExit().join());
        OIDC.stop();
    }

    @Test
    void twoInstancesNeverOverbookAndKeepOneWaitingList() throws Exception {
        List<String> urns = IntStream.range(0, SCHOOLS).mapToObj(i -> String.valueOf(300_000 + i)).toList();
        importSchools(urns);
        UUID group = publishWorkGroup();
        String token = TestTokens.hubWebsite("CENTRAL");
        for (String base : BASES) {
            await().atMost(Duration.ofSeconds(30)).until(() -> post(base + "/api/v1/work-groups/" + group + "/eligibility-check", token,
                    JSON.writeValueAsString(Map.of("urn", urns.getFirst()))).statusCode() == 200);
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService applicants = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < SCHOOLS; i++) {
                String url = BASES.get(i % 2) + "/api/v1/work-groups/" + group + "/applications";
                String body = JSON.writeValueAsString(ApplicationForms.valid(urns.get(i)));
                answers.add(applicants.submit(() -> {
                    start.await();
                    return post(url, token, body);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
        }
        // Both instances' allocators at work on one group: one batch at a time, in one arrival order.
        String list = BASES.getFirst() + "/api/v1/work-groups/" + group + "/applications?size=1000";
        await().atMost(Duration.ofSeconds(30)).until(() -> !get(list).contains("\"status\":\"SUBMITTED\""));
        AllocationConcurrencyTest.assertAllocatedInArrivalOrder(JSON.readTree(get(list)).get("items"), PLACES, SCHOOLS);
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TestTokens.hubAdmin("CENTRAL")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void start(String name, Map<String, String> env) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        Path log = Path.of("target", "two-instances-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        INSTANCES.add(builder.start());
        String base = "http://localhost:" + port;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(INSTANCES.getLast().isAlive()).as(() -> "instance " + name + " died:\n" + read(log)).isTrue();
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        BASES.add(base);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void importSchools(List<String> urns) throws Exception {
        String csv = "URN,EstablishmentName,TypeOfEstablishment (code),TypeOfEstablishment (name),EstablishmentStatus (code),"
                + "EstablishmentStatus (name),PhaseOfEducation (code),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,"
                + "LA (name),DistrictAdministrative (code),Street,Town,Postcode\r\n"
                + urns.stream().map(Schools::primary).collect(Collectors.joining("\r\n")) + "\r\n";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASES.getFirst() + "/api/v1/schools/import"))
                .header("Authorization", "Bearer " + TestTokens.programmeAdmin())
                .header("Content-Type", "text/csv; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.ISO_8859_1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static UUID publishWorkGroup() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.WORK_GROUP_PUBLISHED, id, new WorkGroupPayload(id, "MN_RKS1",
                    "Mastering Number at Reception and Key Stage 1", "MN_RKS1", WorkGroups.MN_RKS1_ROLES, "CENTRAL", WorkGroups.YEAR,
                    PLACES, "FIRST_COME_FIRST_SERVED", "OPEN", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                    LocalDate.now(), 2));
        }
        return id;
    }

    private static HttpResponse<String> post(String url, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String envName(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
