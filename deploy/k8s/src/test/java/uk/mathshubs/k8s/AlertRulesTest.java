package uk.mathshubs.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The production alerts, checked offline as Prometheus would load them: {@code promtool check rules} on the groups of
 * the prod overlay's PrometheusRule, {@code promtool test rules} with a unit test per alert
 * ({@code src/test/resources/alerts/alerts-test.yaml}), and a runbook for each in deploy/k8s/README.md. promtool comes
 * from Debian's {@code prometheus} package ({@code .ci/run} installs it); {@code -Dpromtool=<path>} points at another.
 */
class AlertRulesTest {

    private static final String PROMTOOL = System.getProperty("promtool", "promtool");
    private static final Path WORK = Manifests.K8S.resolve("target/alerts");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode rule;

    @BeforeAll
    static void rulesAsPrometheusLoadsThem() throws IOException {
        rule = ManifestsTest.overlay("prod").stream().filter(d -> "PrometheusRule".equals(Manifests.kind(d))).findFirst()
                .orElseThrow(() -> new AssertionError("The prod overlay has no PrometheusRule"));
        Files.createDirectories(WORK);
        YAML.writeValue(WORK.resolve("rules.yaml").toFile(), rule.path("spec"));
        Files.copy(Manifests.K8S.resolve("src/test/resources/alerts/alerts-test.yaml"), WORK.resolve("alerts-test.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void prometheusLoadsTheRules() {
        assertThat(promtool("check", "rules", "rules.yaml")).contains("SUCCESS");
    }

    @Test
    void eachAlertFiresWhenItShouldAndOnlyThen() {
        assertThat(promtool("test", "rules", "alerts-test.yaml")).contains("SUCCESS");
    }

    @Test
    void everyAlertHasItsUnitTestASeverityAndARunbook() throws IOException {
        String tests = Files.readString(WORK.resolve("alerts-test.yaml"));
        String readme = Files.readString(Manifests.K8S.resolve("README.md"));
        List<String> alerts = new ArrayList<>();
        rule.path("spec").path("groups").forEach(group -> group.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));

        assertThat(alerts).isNotEmpty().allSatisfy(alert -> {
            assertThat(tests).as("a unit test of " + alert).contains("alertname: " + alert);
            assertThat(readme).as("a runbook for " + alert).contains("#### " + alert);
        });
        rule.path("spec").path("groups").forEach(group -> group.path("rules").forEach(r -> {
            assertThat(r.path("labels").path("severity").asText()).as(r.path("alert").asText()).isIn("critical", "warning");
            assertThat(r.path("annotations").path("runbook").asText())
                    .isEqualTo("deploy/k8s/README.md#" + r.path("alert").asText().toLowerCase(Locale.ROOT));
        }));
    }

    private static String promtool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(PROMTOOL));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("promtool " + String.join(" ", arguments) + " failed:\n" + output);
            }
            System.out.println("promtool " + String.join(" ", arguments) + ":\n" + output);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run '" + PROMTOOL + "': the alert rules are checked with Prometheus's "
                    + "promtool (Debian: apt-get install prometheus) or -Dpromtool=<path>", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
