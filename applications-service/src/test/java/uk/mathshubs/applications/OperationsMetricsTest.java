package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.TestTokens;

/**
 * The figures ops reads on the management interface (deploy/k8s/README.md's runbooks and the prod overlay's alerts
 * name them): each is exported under the name the alerts use, and moves with what it counts.
 */
@QuarkusTest
class OperationsMetricsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void anApplicationIsCountedReceivedAndAllocatedForItsProgramme() {
        UUID group = WorkGroups.openGroup("CENTRAL", 1);
        double received = value("mathshubs_applications_received_total", "eligibility=\"ELIGIBLE\"", "programme=\"MN_RKS1\"");
        double accepted = value("mathshubs_applications_allocated_total", "outcome=\"ACCEPTED\"", "programme=\"MN_RKS1\"");

        given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).contentType(ContentType.JSON)
                .body(ApplicationForms.valid(ApplicationSubmissionTest.urn()))
                .post("/api/v1/work-groups/{id}/applications", group).then().statusCode(201);
        Allocations.settled(group);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            // At least: the allocator may place another test's applications of the programme meanwhile.
            assertThat(value("mathshubs_applications_received_total", "eligibility=\"ELIGIBLE\"", "programme=\"MN_RKS1\""))
                    .isGreaterThanOrEqualTo(received + 1);
            assertThat(value("mathshubs_applications_allocated_total", "outcome=\"ACCEPTED\"", "programme=\"MN_RKS1\""))
                    .isGreaterThanOrEqualTo(accepted + 1);
        });
    }

    @Test
    void theOutboxAndMailBacklogsAreReadAndTheKafkaClientsReportTheirLag() {
        // Read on a timer, not at the scrape: present once the first reading is in.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = metrics();
            for (String gauge : new String[] {"mathshubs_outbox_pending", "mathshubs_outbox_oldest_pending_age_seconds",
                    "mathshubs_mail_waiting", "mathshubs_mail_failed"}) {
                assertThat(Pattern.compile("(?m)^" + gauge + "(\\{[^}]*})? (\\d+(\\.\\d+)?(E\\d+)?)$").matcher(metrics).find())
                        .as(gauge + " has a reading").isTrue();
            }
        });
        // The consumers' lag, per client and partition, from the Kafka clients themselves.
        assertThat(metrics()).contains("kafka_consumer_fetch_manager_records_lag_max");
        // Failed requests per route template (the 5xx alert's figure), never per raw path.
        assertThat(metrics()).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/work-groups/\\{id}/applications\"");
    }

    @Test
    void everyFigureTheProductionAlertsReadIsOneThisServiceExports() throws java.io.IOException {
        WorkGroups.openGroup("CENTRAL", 1); // an event consumed: the dead-letter series exists (at 0) from then on
        given().queryParam("name", "Primary").get("/api/v1/schools").then().statusCode(200); // a request timed
        String alerts = java.nio.file.Files.readString(java.nio.file.Path.of("../deploy/k8s/overlays/prod/alerts.yaml"));
        java.util.Set<String> named = new java.util.TreeSet<>();
        Matcher name = Pattern.compile("\\b(mathshubs_[a-z_]+|kafka_consumer_[a-z_]+|http_server_requests_seconds_count)\\b").matcher(alerts);
        while (name.find()) {
            named.add(name.group(1));
        }
        assertThat(named).contains("mathshubs_outbox_oldest_pending_age_seconds", "mathshubs_mail_failed");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = metrics();
            assertThat(named).allSatisfy(metric -> assertThat(metrics).as(metric).containsPattern("(?m)^" + metric + "[{ ]"));
        });
    }

    private String metrics() {
        return given().baseUri("http://" + management.getHost()).port(management.getPort()).get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }

    /** A series' value (0 before it exists), found by its name and labels in any order. */
    private double value(String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(metrics());
        double total = 0;
        while (line.find()) {
            String found = line.group(1);
            boolean matches = true;
            for (String label : labels) {
                matches &= found.contains(label);
            }
            if (matches) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }
}
