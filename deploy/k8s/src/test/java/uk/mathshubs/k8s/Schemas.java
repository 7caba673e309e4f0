package uk.mathshubs.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * A JSON Schema for every kind the manifests use, made offline from Maven Central artifacts:
 * <ul>
 * <li>Kubernetes kinds: the fabric8 Kubernetes model (generated from the Kubernetes OpenAPI; version from the
 * Quarkus BOM) turned into OpenAPI v3 schemas by fabric8's CRD generator ({@code JsonSchema.from}), plus the fields
 * the Kubernetes API requires;</li>
 * <li>Strimzi kinds: the CRDs that Strimzi's own generator ({@code io.strimzi:crd-generator}) makes from
 * {@code io.strimzi:api}, exactly as Strimzi builds its install files, version {@code kafka.strimzi.io/v1};</li>
 * <li>CloudNativePG and Keycloak Operator kinds: no Java model of theirs is published, so hand-written schemas in
 * {@code src/test/resources/schemas/} check apiVersion, kind, the required fields and the types of those we use.</li>
 * </ul>
 * Like {@code kubectl apply --validate=strict}, a field a schema does not know is an error (unless the schema keeps
 * unknown fields, as Kafka's {@code config} does).
 */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private final Map<String, JsonSchema> byKind = new HashMap<>();

    private Schemas() {
    }

    static Schemas load(Path workDir) {
        Schemas schemas = new Schemas();
        schemas.kubernetes("v1", "ConfigMap", ConfigMap.class);
        schemas.kubernetes("v1", "Secret", Secret.class);
        schemas.kubernetes("v1", "Service", Service.class, "spec.ports[]", "port");
        schemas.kubernetes("v1", "ServiceAccount", ServiceAccount.class);
        schemas.kubernetes("v1", "Namespace", Namespace.class);
        schemas.kubernetes("apps/v1", "Deployment", Deployment.class,
                "spec", "selector,template",
                "spec.template.spec", "containers",
                "spec.template.spec.containers[]", "name,image",
                "spec.template.spec.containers[].ports[]", "containerPort",
                "spec.template.spec.volumes[]", "name",
                "spec.template.spec.containers[].volumeMounts[]", "name,mountPath",
                "spec.template.spec.containers[].env[]", "name");
        schemas.kubernetes("policy/v1", "PodDisruptionBudget", PodDisruptionBudget.class);
        schemas.kubernetes("autoscaling/v2", "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
                "spec", "scaleTargetRef,maxReplicas", "spec.scaleTargetRef", "kind,name");
        schemas.kubernetes("networking.k8s.io/v1", "NetworkPolicy", NetworkPolicy.class);
        schemas.kubernetes("networking.k8s.io/v1", "Ingress", Ingress.class,
                "spec.rules[].http", "paths", "spec.rules[].http.paths[]", "pathType,backend");

        // The Prometheus Operator's kinds, from fabric8's model of them (openshift-model-monitoring: the same CRDs).
        schemas.kubernetes("monitoring.coreos.com/v1", "PodMonitor", io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class,
                "spec", "selector", "spec.podMetricsEndpoints[]", "port");
        schemas.kubernetes("monitoring.coreos.com/v1", "PrometheusRule", io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class,
                "spec.groups[]", "name,rules", "spec.groups[].rules[]", "expr");

        Map<String, Class<?>> strimzi = new LinkedHashMap<>();
        strimzi.put("Kafka", Kafka.class);
        strimzi.put("KafkaNodePool", KafkaNodePool.class);
        strimzi.put("KafkaTopic", KafkaTopic.class);
        strimzi.put("KafkaUser", KafkaUser.class);
        schemas.strimzi(workDir, strimzi);

        schemas.handWritten("postgresql.cnpg.io/v1", "Cluster", "cnpg-cluster.json");
        schemas.handWritten("k8s.keycloak.org/v2alpha1", "Keycloak", "keycloak.json");
        schemas.handWritten("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport", "keycloak-realm-import.json");
        return schemas;
    }

    /** Problems with one document, each naming the document and the JSON path; empty when it is valid. */
    List<String> validate(JsonNode doc) {
        String key = doc.path("apiVersion").asText() + " " + doc.path("kind").asText();
        JsonSchema schema = byKind.get(key);
        if (schema == null) {
            return List.of(Manifests.id(doc) + ": no schema for apiVersion/kind " + key
                    + " (a misspelt kind or apiVersion, or a kind the manifests do not use yet)");
        }
        return schema.validate(doc).stream()
                .map(m -> Manifests.id(doc) + ": " + m.getMessage())
                .sorted().toList();
    }

    private void kubernetes(String apiVersion, String kind, Class<?> model, String... required) {
        ObjectNode schema = JSON.valueToTree(io.fabric8.crdv2.generator.v1.JsonSchema.from(model));
        for (int i = 0; i < required.length; i += 2) {
            ObjectNode at = at(schema, required[i]);
            ArrayNode list = at.withArray("required");
            for (String field : required[i + 1].split(",")) {
                list.add(field);
            }
        }
        put(apiVersion, kind, schema);
    }

    /**
     * Runs Strimzi's CRD generator on the model classes, as Strimzi's build does (api/pom.xml), in a JVM of its own:
     * it is a command whose main ends with System.exit.
     */
    private void strimzi(Path workDir, Map<String, Class<?>> models) {
        try {
            Files.createDirectories(workDir);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.strimzi.crdgenerator.CrdGenerator",
                    "--crd-api-version", "v1", "--api-versions", "v1", "--storage-version", "v1", "--target-kube", "1.16+",
                    "--yaml"));
            models.forEach((kind, model) -> command.add(model.getName() + "=" + workDir.resolve(kind + ".yaml")));
            Process generator = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(generator.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (generator.waitFor() != 0) {
                throw new IllegalStateException("Strimzi's CRD generator failed: " + output);
            }
            for (String kind : models.keySet()) {
                JsonNode definition = YAML.readTree(workDir.resolve(kind + ".yaml").toFile());
                JsonNode v1 = null;
                for (JsonNode version : definition.path("spec").path("versions")) {
                    if ("v1".equals(version.path("name").asText())) {
                        v1 = version.path("schema").path("openAPIV3Schema");
                    }
                }
                if (v1 == null || !v1.isObject()) {
                    throw new IllegalStateException("The generated " + kind + " CRD has no v1 schema");
                }
                put("kafka.strimzi.io/v1", kind, (ObjectNode) v1.deepCopy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handWritten(String apiVersion, String kind, String resource) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + resource)) {
            put(apiVersion, kind, (ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(String apiVersion, String kind, ObjectNode schema) {
        // Every resource's metadata is an ObjectMeta, whatever its kind's own schema says (CRDs leave it open, and
        // fabric8's generator, which writes CRDs' specs, leaves it out).
        ObjectNode metadata = JSON.valueToTree(io.fabric8.crdv2.generator.v1.JsonSchema.from(ObjectMeta.class));
        metadata.withArray("required").add("name");
        schema.with("properties").set("metadata", metadata);
        closeAndClean(schema);
        ObjectNode properties = schema.with("properties");
        properties.putObject("apiVersion").put("type", "string").putArray("enum").add(apiVersion);
        properties.putObject("kind").put("type", "string").putArray("enum").add(kind);
        schema.withArray("required").add("apiVersion").add("kind").add("metadata");
        byKind.put(apiVersion + " " + kind, FACTORY.getSchema(schema));
    }

    /**
     * Objects with known properties accept no others (what the API server does with strict field validation), unless
     * marked {@code x-kubernetes-preserve-unknown-fields}; OpenAPI-only keywords go, so that draft 4 reads the rest.
     */
    private static void closeAndClean(JsonNode node) {
        if (node.isArray()) {
            node.forEach(Schemas::closeAndClean);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if ("object".equals(object.path("type").asText()) && object.has("properties") && !preserve
                && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        if (object.path("x-kubernetes-int-or-string").asBoolean(false) && !object.has("anyOf")) {
            object.remove("type");
            object.putArray("anyOf").add(JSON.createObjectNode().put("type", "integer"))
                    .add(JSON.createObjectNode().put("type", "string"));
        }
        Iterator<String> names = object.fieldNames();
        List<String> drop = new ArrayList<>();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith("x-kubernetes-") || name.equals("description") || name.equals("nullable")
                    || name.equals("format") || name.equals("example")) {
                drop.add(name);
            }
        }
        if (object.has("properties")) {
            object.get("properties").forEach(Schemas::closeAndClean);
        }
        object.remove(drop);
        for (String child : List.of("items", "additionalProperties", "anyOf", "oneOf", "allOf", "not")) {
            if (object.has(child)) {
                closeAndClean(object.get(child));
            }
        }
    }

    /** The schema at a dotted path; {@code x[]} steps into the items of array {@code x}. */
    private static ObjectNode at(ObjectNode schema, String path) {
        JsonNode node = schema;
        for (String step : path.split("\\.")) {
            boolean items = step.endsWith("[]");
            node = node.path("properties").path(items ? step.substring(0, step.length() - 2) : step);
            if (items) {
                node = node.path("items");
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException("No schema at " + path);
            }
        }
        return (ObjectNode) node;
    }
}
