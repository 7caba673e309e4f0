package uk.mathshubs.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
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
                "scheduling-service.catalogue.work-groups.dlq", "scheduling-service.applications.applications.dlq",
                "webhooks-service.events.dlq");
        // The outbox channel's fallback topic is never written: every event names its topic (EventType.topic()).
        assertThat(ServiceConfig.all()).allSatisfy(s -> assertThat(s.outboxFallback()).endsWith(".unrouted"));
        assertThat(topics).noneMatch(t -> t.endsWith(".unrouted"));
    }

    @Test
    void theHostsAreWrittenOnceAndCopiedEverywhere() {
        List<ObjectNode> prod = overlay("prod");
        String rendered = prod.toString();

        assertThat(rendered).contains("\"hostname\":\"https://auth.mathshubs.example\"",
                "APPLICATIONS_CONFIRMATION_LINK\":\"https://api.mathshubs.example/api/v1/confirmations/",
                "WEBHOOKS_PUBLIC_BASE_URL\":\"https://api.mathshubs.example\"");
        assertThat(prod).noneMatch(d -> "hosts".equals(Manifests.name(d)));
        assertThat(overlay("dev").toString()).contains("auth.mathshubs.localtest.me", "api.mathshubs.localtest.me",
                        "WEBHOOKS_PUBLIC_BASE_URL\":\"https://api.mathshubs.localtest.me\"")
                .doesNotContain("mathshubs.example\"");
    }

    @Test
    void everyServiceHasADockerfileThatRunsAsTheUserTheManifestsExpect() throws Exception {
        for (String module : List.of("programme-catalogue-service", "applications-service", "scheduling-service",
                "webhooks-service", "gateway")) {
            Path dockerfile = Manifests.ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm");
            assertThat(dockerfile).exists();
            assertThat(Files.readString(dockerfile)).contains("USER 185", "EXPOSE 8080", "target/quarkus-app/");
        }
    }

    /** One channel reading five topics (topics=...), one dead-letter topic, and nothing published. */
    @Test
    void theWebhooksServiceReadsFiveTopicsAndPublishesNothing() {
        ServiceConfig webhooks = ServiceConfig.read("webhooks-service");

        assertThat(webhooks.problems()).isEmpty();
        assertThat(webhooks.consumed()).containsExactlyInAnyOrder("catalogue.work-groups", "applications.applications",
                "scheduling.sessions", "scheduling.attendance", "scheduling.participation");
        assertThat(webhooks.deadLetters()).containsExactly("webhooks-service.events.dlq");
        assertThat(webhooks.groups()).containsExactly("webhooks-service");
        assertThat(webhooks.produced()).isEmpty();
        assertThat(webhooks.outboxFallback()).isEqualTo("webhooks.unrouted");
    }

    /**
     * Webhooks go out to the public internet on HTTPS only: one egress rule with an ipBlock, TCP 443, 0.0.0.0/0 except
     * every private, link-local, shared and loopback range; and receivers on this side of the internet stay refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theWebhooksReachPublicAddressesOnHttpsOnly(String overlay) {
        List<ObjectNode> docs = overlay(overlay);
        ObjectNode deployment = docs.stream().filter(d -> "Deployment/webhooks-service".equals(Manifests.id(d))).findFirst()
                .orElseThrow();
        Map<String, String> labels = new java.util.HashMap<>();
        deployment.path("spec").path("template").path("metadata").path("labels")
                .fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<JsonNode> outside = new ArrayList<>();
        for (ObjectNode policy : Manifests.ofKind(docs, "NetworkPolicy")) {
            if (!Rules.selects(policy.path("spec").path("podSelector"), labels)) {
                continue;
            }
            for (JsonNode rule : policy.path("spec").path("egress")) {
                assertThat(rule.path("to")).as("%s: an egress rule with no 'to'", Manifests.id(policy)).isNotEmpty();
                if (StreamSupport.stream(rule.path("to").spliterator(), false).anyMatch(peer -> peer.has("ipBlock"))) {
                    outside.add(rule);
                }
            }
        }

        assertThat(outside).hasSize(1);
        JsonNode rule = outside.get(0);
        assertThat(rule.path("to")).hasSize(1);
        JsonNode block = rule.path("to").get(0).path("ipBlock");
        assertThat(block.path("cidr").asText()).isEqualTo("0.0.0.0/0");
        assertThat(StreamSupport.stream(block.path("except").spliterator(), false).map(JsonNode::asText))
                .containsExactlyInAnyOrderElementsOf(Rules.NOT_THE_INTERNET);
        assertThat(rule.path("ports")).hasSize(1);
        assertThat(rule.path("ports").get(0).path("port").asInt()).isEqualTo(443);
        assertThat(rule.path("ports").get(0).path("protocol").asText()).isEqualTo("TCP");
        assertThat(rule.path("ports").get(0).has("endPort")).isFalse();

        ObjectNode config = docs.stream().filter(d -> "ConfigMap".equals(Manifests.kind(d))
                && Manifests.name(d).startsWith("webhooks-service-")).findFirst().orElseThrow();
        assertThat(config.path("data").path("WEBHOOKS_ALLOW_LOCAL_RECEIVERS").asText()).isEqualTo("false");
    }

    @Test
    void overlappingBlocksAreToldApart() {
        assertThat(Rules.overlap("0.0.0.0/0", "10.0.0.0/8")).isTrue();
        assertThat(Rules.overlap("10.1.0.0/16", "10.0.0.0/8")).isTrue();
        assertThat(Rules.overlap("100.127.255.0/24", "100.64.0.0/10")).isTrue();
        assertThat(Rules.overlap("100.128.0.0/16", "100.64.0.0/10")).isFalse();
        assertThat(Rules.overlap("203.0.113.0/24", "192.168.0.0/16")).isFalse();
    }
}
