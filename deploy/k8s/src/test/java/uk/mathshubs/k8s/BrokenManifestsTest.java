package uk.mathshubs.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The same checks reject a deliberately broken overlay (src/test/resources/broken-prod: the real prod overlay plus
 * patches that break it), each breakage with a message that names it.
 */
class BrokenManifestsTest {

    static List<String> problems;

    @BeforeAll
    static void check() {
        Schemas schemas = Schemas.load(Manifests.K8S.resolve("target/strimzi-crds"));
        List<ObjectNode> docs = Manifests.render(Manifests.K8S.resolve("src/test/resources/broken-prod"));
        problems = Rules.check(docs, schemas, true);
    }

    @Test
    void aMisspeltFieldIsRejected() {
        assertThat(problems).anyMatch(p -> p.startsWith("Deployment/scheduling-service: ")
                && p.contains("readinesProbe") && p.contains("is not defined in the schema"));
    }

    @Test
    void aWrongTypeIsRejected() {
        assertThat(problems).anyMatch(p -> p.startsWith("Deployment/gateway: ") && p.contains("$.spec.replicas")
                && p.contains("string found, integer expected"));
    }

    @Test
    void aStrimziResourceIsCheckedAgainstStrimzisOwnSchema() {
        assertThat(problems).anyMatch(p -> p.startsWith("KafkaTopic/scheduling.sessions: ") && p.contains("$.spec.partitions")
                && p.contains("string found, integer expected"));
        assertThat(problems).anyMatch(p -> p.startsWith("KafkaTopic/scheduling.attendance: ") && p.contains("retention")
                && p.contains("is not defined in the schema"));
        assertThat(problems).anyMatch(p -> p.startsWith("Kafka/maths-hubs: ") && p.contains("$.spec.kafka.listeners[0].type")
                && p.contains("does not have a value in the enumeration"));
    }

    @Test
    void aMissingProbeIsRejected() {
        assertThat(problems).contains(
                "Deployment/applications-service container applications-service: startupProbe must be an httpGet of /q/health/started");
    }

    @Test
    void theSandboxClockInProductionIsRejected() {
        assertThat(problems).contains("Deployment/applications-service container applications-service: KIT_SANDBOX_ENABLED is on;"
                + " a production overlay never runs the sandbox clock");
    }

    @Test
    void aMissingKafkaTopicAndAnUnusedOneAreRejected() {
        assertThat(problems).contains(
                "topic scheduling-service.catalogue.work-groups.dlq is used by the services' configuration but has no KafkaTopic",
                "KafkaTopic catalogue.sessions is used by no service (not in Topics nor in any application.properties)");
    }

    @Test
    void aServiceOpenToTheWorldIsRejected() {
        assertThat(problems).contains(
                "NetworkPolicy/open-catalogue: lets traffic from outside the namespace reach programme-catalogue-service; only the gateway is reachable from outside (and the management port, for metrics)",
                "NetworkPolicy/open-catalogue: lets programme-catalogue-service reach [applications-db]; it may reach only [catalogue-db, kafka, keycloak]");
    }

    @Test
    void webhooksReachingPastTheInternetOrOverPlainHttpAreRejected() {
        assertThat(problems).contains(
                "NetworkPolicy/webhooks-receivers-egress: lets webhooks-service reach addresses outside the cluster on other ports than TCP 443",
                "NetworkPolicy/webhooks-receivers-egress: lets webhooks-service reach [169.254.0.0/16, 100.64.0.0/10, 127.0.0.0/8]"
                        + " (ipBlock 0.0.0.0/0 must except every private, link-local, shared and loopback range)");
        assertThat(problems).anyMatch(p -> p.startsWith("Deployment/webhooks-service container webhooks-service: "
                + "WEBHOOKS_ALLOW_LOCAL_RECEIVERS is on in ConfigMap webhooks-service-")
                && p.endsWith("; in production a webhook receiver must be public and https"));
    }

    @Test
    void aCommittedSecretAndAWritableRootFilesystemAreRejected() {
        assertThat(problems).contains(
                "Secret/keycloak-client-secrets: a production overlay carries no Secret; ops create them (README)",
                "Deployment/programme-catalogue-service container programme-catalogue-service: securityContext.readOnlyRootFilesystem must be true");
    }

    @Test
    void nothingElseIsReported() {
        assertThat(problems).as("only the breakages: %s", problems).allMatch(p -> p.contains("readinesProbe") || p.contains("readinessProbe") || p.contains("replicas") || p.contains("KafkaTopic")
                || p.contains("Kafka/") || p.contains("startupProbe") || p.contains("topic ") || p.contains("open-catalogue")
                || p.contains("Secret/") || p.contains("readOnlyRootFilesystem") || p.contains("KIT_SANDBOX_ENABLED")
                || p.contains("webhooks-receivers-egress") || p.contains("WEBHOOKS_ALLOW_LOCAL_RECEIVERS"));
    }
}
