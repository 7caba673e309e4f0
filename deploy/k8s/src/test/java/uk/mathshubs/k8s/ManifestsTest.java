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
                "WEBHOOKS_PUBLIC_BASE_URL\":\"https://api.mathshubs.example\"",
                "AFTER_THE_YEAR_CERTIFICATE_LINK\":\"https://api.mathshubs.example/api/v1/certificate-files/",
                "\"redirectUris\":[\"https://api.mathshubs.example/console/*\"]");
        assertThat(prod).noneMatch(d -> "hosts".equals(Manifests.name(d)));
        assertThat(overlay("dev").toString()).contains("auth.mathshubs.localtest.me", "api.mathshubs.localtest.me",
                        "WEBHOOKS_PUBLIC_BASE_URL\":\"https://api.mathshubs.localtest.me\"",
                        "AFTER_THE_YEAR_SURVEY_LINK\":\"https://api.mathshubs.localtest.me/api/v1/survey-invitations/",
                        "\"redirectUris\":[\"https://api.mathshubs.localtest.me/console/*\"]")
                .doesNotContain("mathshubs.example\"", "mathshubs.example/");
    }

    @Test
    void everyServiceHasADockerfileThatRunsAsTheUserTheManifestsExpect() throws Exception {
        for (String module : List.of("programme-catalogue-service", "applications-service", "scheduling-service",
                "webhooks-service", "hub-console", "gateway")) {
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

    /**
     * The hub console owns no data and is reached only through the gateway: in, the gateway (its pages and its health)
     * and Prometheus (metrics); out, DNS, the gateway (the public API, as any client calls it) and Keycloak. The
     * gateway in turn may reach it, and lets it in.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theHubConsoleTalksOnlyToTheGatewayAndKeycloak(String overlay) {
        List<ObjectNode> docs = overlay(overlay);

        assertThat(paths(docs, Rules.CONSOLE, "ingress")).containsExactlyInAnyOrder(
                "gateway:8080/TCP", "gateway:9000/TCP", "namespace monitoring:9000/TCP");
        assertThat(paths(docs, Rules.CONSOLE, "egress")).containsExactlyInAnyOrder(
                "namespace kube-system/kube-dns:53/UDP", "namespace kube-system/kube-dns:53/TCP", "gateway:8080/TCP",
                "keycloak:8080/TCP");
        assertThat(paths(docs, Rules.GATEWAY, "egress")).contains("hub-console:8080/TCP", "hub-console:9000/TCP");
        assertThat(paths(docs, Rules.GATEWAY, "ingress")).contains("hub-console:8080/TCP")
                .filteredOn(path -> !path.startsWith("namespace ")).allMatch(path -> path.startsWith("hub-console:"));

        assertThat(docs).noneMatch(d -> ("Cluster".equals(Manifests.kind(d)) || "KafkaUser".equals(Manifests.kind(d)))
                && Manifests.name(d).contains("console"));
        ObjectNode gatewayConfig = configMap(docs, "gateway");
        assertThat(gatewayConfig.path("data").path("GATEWAY_CONSOLE_URL").asText()).isEqualTo("http://hub-console");
        assertThat(gatewayConfig.path("data").path("GATEWAY_CONSOLE_HEALTH_URL").asText())
                .isEqualTo("http://hub-console:9000/q/health/live");
        assertThat(configMap(docs, "hub-console").path("data").path("QUARKUS_REST_CLIENT_GATEWAY_URL").asText())
                .isEqualTo("http://gateway");
        ObjectNode ingress = docs.stream().filter(d -> "Ingress/gateway".equals(Manifests.id(d))).findFirst().orElseThrow();
        assertThat(ingress.path("spec").path("rules").get(0).path("http").path("paths").findValuesAsText("path")).contains("/console");
    }

    /**
     * Its Keycloak client: confidential, the authorization code flow with PKCE only, at the overlay's api host under
     * /console/; its secret is the keycloak-client-secrets key the console itself reads. The dev overlay's demo patch
     * keeps it, and puts the CLI client and the demo users back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theHubConsoleSignsStaffInAtTheOverlaysApiHost(String overlay) {
        List<ObjectNode> docs = overlay(overlay);
        String api = "https://" + ("prod".equals(overlay) ? "api.mathshubs.example" : "api.mathshubs.localtest.me");
        ObjectNode realmImport = docs.stream().filter(d -> "KeycloakRealmImport".equals(Manifests.kind(d))).findFirst().orElseThrow();
        JsonNode realm = realmImport.path("spec").path("realm");
        JsonNode console = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> "hub-console".equals(c.path("clientId").asText())).findFirst().orElseThrow();

        assertThat(console.path("publicClient").asBoolean(true)).isFalse();
        assertThat(console.path("standardFlowEnabled").asBoolean(false)).isTrue();
        assertThat(console.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(console.path("serviceAccountsEnabled").asBoolean(true)).isFalse();
        assertThat(console.path("implicitFlowEnabled").asBoolean(true)).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(console.path("rootUrl").asText()).isEqualTo(api);
        assertThat(StreamSupport.stream(console.path("redirectUris").spliterator(), false).map(JsonNode::asText))
                .containsExactly(api + "/console/*");
        assertThat(console.path("attributes").path("post.logout.redirect.uris").asText()).isEqualTo(api + "/console/*");
        assertThat(console.path("webOrigins")).isEmpty();
        assertThat(StreamSupport.stream(console.path("defaultClientScopes").spliterator(), false).map(JsonNode::asText))
                .contains("maths-hubs-api", "roles", "profile").doesNotContain("service_account");
        assertThat(console.path("secret").asText()).isEqualTo("${CLIENT_SECRET_HUB_CONSOLE}");
        JsonNode placeholder = realmImport.path("spec").path("placeholders").path("CLIENT_SECRET_HUB_CONSOLE").path("secret");
        assertThat(placeholder.path("name").asText()).isEqualTo(RealmImport.SECRET);
        assertThat(placeholder.path("key").asText()).isEqualTo("hub-console");

        ObjectNode deployment = docs.stream().filter(d -> "Deployment/hub-console".equals(Manifests.id(d))).findFirst().orElseThrow();
        Map<String, String> secrets = new java.util.TreeMap<>();
        deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env").forEach(e -> {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                secrets.put(e.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        });
        assertThat(secrets).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUARKUS_OIDC_CREDENTIALS_SECRET", RealmImport.SECRET + "/hub-console",
                "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", "hub-console-keys/token-encryption-secret",
                "CONSOLE_CSRF_KEY", "hub-console-keys/csrf-key"));
        assertThat(configMap(docs, "hub-console").path("data").path("QUARKUS_OIDC_CLIENT_ID").asText()).isEqualTo("hub-console");

        Set<String> clients = StreamSupport.stream(realm.path("clients").spliterator(), false).map(c -> c.path("clientId").asText())
                .collect(Collectors.toSet());
        Set<String> users = StreamSupport.stream(realm.path("users").spliterator(), false).map(u -> u.path("username").asText())
                .collect(Collectors.toSet());
        if ("dev".equals(overlay)) {
            assertThat(clients).contains(RealmImport.DEMO_CLIENT, "hub-website-central", "ncetm-integration");
            assertThat(users).contains("ncetm.admin", "central.admin", "service-account-hub-website-central");
            assertThat(realm.path("sslRequired").asText()).isEqualTo("none");
            ObjectNode keys = docs.stream().filter(d -> "Secret/hub-console-keys".equals(Manifests.id(d))).findFirst().orElseThrow();
            for (String key : List.of("token-encryption-secret", "csrf-key")) {
                assertThat(java.util.Base64.getDecoder().decode(keys.path("data").path(key).asText())).as(key).hasSizeGreaterThanOrEqualTo(32);
            }
            ObjectNode clientSecrets = docs.stream().filter(d -> ("Secret/" + RealmImport.SECRET).equals(Manifests.id(d)))
                    .findFirst().orElseThrow();
            assertThat(clientSecrets.path("data").has("hub-console")).isTrue();
        } else {
            assertThat(clients).doesNotContain(RealmImport.DEMO_CLIENT).contains("hub-website-central", "ncetm-integration");
            assertThat(users).doesNotContain("ncetm.admin");
            assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        }
    }

    /** Each "peer:port/protocol" the NetworkPolicies selecting a Deployment's pods let in ("ingress") or out ("egress"). */
    private static Set<String> paths(List<ObjectNode> docs, String deployment, String direction) {
        Map<String, Map<String, String>> pods = Rules.pods(docs);
        Set<String> paths = new TreeSet<>();
        for (ObjectNode policy : Manifests.ofKind(docs, "NetworkPolicy")) {
            if (!Rules.selects(policy.path("spec").path("podSelector"), pods.get(deployment))) {
                continue;
            }
            for (JsonNode rule : policy.path("spec").path(direction)) {
                List<String> peers = new ArrayList<>();
                for (JsonNode peer : rule.path("ingress".equals(direction) ? "from" : "to")) {
                    if (peer.has("namespaceSelector")) {
                        JsonNode named = peer.path("podSelector").path("matchLabels");
                        String app = named.path("k8s-app").asText(named.path("app.kubernetes.io/name").asText(""));
                        peers.add("namespace " + peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText()
                                + (app.isEmpty() ? "" : "/" + app));
                    } else if (peer.has("ipBlock")) {
                        peers.add(peer.path("ipBlock").path("cidr").asText());
                    } else {
                        peers.addAll(Rules.selected(peer.path("podSelector"), pods));
                    }
                }
                if (rule.path("ingress".equals(direction) ? "from" : "to").isEmpty()) {
                    peers.add("anyone");
                }
                for (String peer : peers) {
                    if (rule.path("ports").isEmpty()) {
                        paths.add(peer + ":any");
                    }
                    rule.path("ports").forEach(port -> paths.add(peer + ":" + port.path("port").asText() + "/" + port.path("protocol").asText("TCP")));
                }
            }
        }
        return paths;
    }

    private static ObjectNode configMap(List<ObjectNode> docs, String name) {
        return docs.stream().filter(d -> "ConfigMap".equals(Manifests.kind(d)) && Manifests.name(d).matches(name + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name));
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
