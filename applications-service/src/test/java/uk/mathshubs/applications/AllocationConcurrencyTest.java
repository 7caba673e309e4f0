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

/** The national opening of applications in miniature: many schools at once, few places, placed in arrival order. */
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
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                assertThat(JSON.readTree(response.body()).at("/application/status").asText()).isEqualTo("SUBMITTED");
            }
        }
        Allocations.settled(group);
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/work-groups/" + group + "/applications?size=1000"))
                .header("Authorization", "Bearer " + TestTokens.hubAdmin("CENTRAL")).build(), HttpResponse.BodyHandlers.ofString());
        assertAllocatedInArrivalOrder(JSON.readTree(list.body()).get("items"), PLACES, SCHOOLS);
    }

    /**
     * The hub's list is in arrival order: the first {@code places} schools have the places, the others wait in the
     * same order, numbered 1..n without a gap.
     */
    static void assertAllocatedInArrivalOrder(JsonNode inArrivalOrder, int places, int schools) {
        List<String> statuses = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        inArrivalOrder.forEach(a -> {
            statuses.add(a.get("status").asText());
            if (a.hasNonNull("waitingListPosition")) {
                positions.add(a.get("waitingListPosition").asInt());
            }
        });
        assertThat(statuses).hasSize(schools);
        assertThat(statuses.subList(0, places)).containsOnly("ACCEPTED");
        assertThat(statuses.subList(places, schools)).containsOnly("WAITLISTED");
        assertThat(positions).containsExactlyElementsOf(IntStream.rangeClosed(1, schools - places).boxed().toList());
    }
}
