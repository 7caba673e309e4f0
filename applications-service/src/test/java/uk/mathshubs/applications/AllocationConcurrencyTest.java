package uk.mathshubs.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.testsupport.TestTokens;

/** The national opening of applications in miniature: many schools at once, few places. */
@QuarkusTest
class AllocationConcurrencyTest {

    private static final int SCHOOLS = 1000;
    private static final int PLACES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void simultaneousApplicationsNeverOverbookAndTheWaitingListHasNoGaps() throws Exception {
        UUID group = WorkGroups.openGroup("CENTRAL", PLACES);
        List<String> urns = IntStream.range(0, SCHOOLS).mapToObj(i -> String.valueOf(200_000 + i)).toList();
        Schools.registerPrimaries(urns);
        String token = TestTokens.hubWebsite("CENTRAL");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService applicants = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < SCHOOLS; i++) {
                String body = JSON.writeValueAsString(ApplicationForms.valid(urns.get(i)));
                answers.add(applicants.submit(() -> {
                    start.await();
                    return http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/work-groups/" + group + "/applications"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<JsonNode> applications = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                applications.add(JSON.readTree(response.body()).get("application"));
            }

            assertThat(applications).filteredOn(a -> a.get("status").asText().equals("ACCEPTED")).hasSize(PLACES);
            List<Integer> positions = applications.stream().filter(a -> a.get("status").asText().equals("WAITLISTED"))
                    .map(a -> a.get("waitingListPosition").asInt()).sorted().toList();
            assertThat(positions).containsExactlyElementsOf(IntStream.rangeClosed(1, SCHOOLS - PLACES).boxed().toList());
        }
    }
}
