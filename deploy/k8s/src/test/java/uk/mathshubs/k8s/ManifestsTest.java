package uk.mathshubs.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Both overlays render, every document is valid, and the platform's rules hold. */
class ManifestsTest {

    static Schemas schemas;

    @BeforeAll
    static void schemas() {
        schemas = Schemas.load(Manifests.K8S.resolve("target/strimzi-crds"));
    }

    static List<ObjectNode> overlay(String name) {
        return Manifests.render(Manifests.K8S.resolve("overlays").resolve(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRendersValidAndKeepsTheRules(String overlay) {
        List<ObjectNode> docs = overlay(overlay);

        assertThat(Rules.check(docs, schemas, "prod".equals(overlay))).isEmpty();
        Set<String> kinds = new TreeSet<>(Set.of("Cluster", "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress",
                "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Keycloak", "KeycloakRealmImport", "Namespace",
                "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceAccount"));
        if ("dev".equals(overlay)) {
            kinds.add("Secret");
        } else {
            kinds.addAll(Set.of("PodMonitor", "PrometheusRule")); // scraping and alerts: the production monitoring's
        }
        Set<String> rendered = docs.stream().map(Manifests::kind).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rendered).isEqualTo(kinds);
        String namespace = "prod".equals(overlay) ? "mathshubs" : "mathshubs-dev";
        assertThat(docs).filteredOn(d -> !"Namespace".equals(Manifests.kind(d)))
                .allSatisfy(d -> assertThat(d.path("metadata").path("namespace").asText()).as(Manifests.id(d)).isEqualTo(namespace));
    }

    @Test
    void theKafkaTopicsAreExactlyTheTopicsTheServicesUse() {
        Set<String> topics = overlay("prod").stream().filter(d -> "KafkaTopic".equals(Manifests.kind(d)))
                .map(Manifests::name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(topics).isEqualTo(Rules.usedTopics(ServiceConfig.all())).contains(
                "catalogue.programmes", "catalogue.work-groups", "applications.applications", "scheduling.sessions",
                "scheduling.attendance", "scheduling.participation",
                "programme-catalogue-service.applications.applications.dlq",
                "applications-service.catalogue.work-groups.dlq", "applications-service.scheduling.participation.dlq",
                "scheduling-service.catalogue.work-groups.dlq", "scheduling-service.applications.applications.dlq");
        // The outbox channel's fallback topic is never written: every event names its topic (EventType.topic()).
        assertThat(ServiceConfig.all()).allSatisfy(s -> assertThat(s.outboxFallback()).endsWith(".unrouted"));
        assertThat(topics).noneMatch(t -> t.endsWith(".unrouted"));
    }

    @Test
    void theHostsAreWrittenOnceAndCopiedEverywhere() {
        List<ObjectNode> prod = overlay("prod");
        String rendered = prod.toString();

        assertThat(rendered).contains("\"hostname\":\"https://auth.mathshubs.example\"",
                "APPLICATIONS_CONFIRMATION_LINK\":\"https://api.mathshubs.example/api/v1/confirmations/");
        assertThat(prod).noneMatch(d -> "hosts".equals(Manifests.name(d)));
        assertThat(overlay("dev").toString()).contains("auth.mathshubs.localtest.me", "api.mathshubs.localtest.me")
                .doesNotContain("mathshubs.example\"");
    }

    @Test
    void everyServiceHasADockerfileThatRunsAsTheUserTheManifestsExpect() throws Exception {
        for (String module : List.of("programme-catalogue-service", "applications-service", "scheduling-service", "gateway")) {
            Path dockerfile = Manifests.ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm");
            assertThat(dockerfile).exists();
            assertThat(Files.readString(dockerfile)).contains("USER 185", "EXPOSE 8080", "target/quarkus-app/");
        }
    }
}
