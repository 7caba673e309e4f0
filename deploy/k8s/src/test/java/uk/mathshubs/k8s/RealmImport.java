package uk.mathshubs.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The KeycloakRealmImport resources, made from {@code deploy/keycloak/maths-hubs-realm.json} (kustomize cannot put a
 * JSON file into a custom resource's spec). The base gets the realm without what is only for demos: no demo users,
 * no password-grant CLI client, {@code sslRequired: external}, access tokens of five minutes, and every client secret
 * a placeholder that the Keycloak Operator fills from the {@code keycloak-client-secrets} Secret. The dev overlay's patch puts the demo
 * users, the CLI client and the demo settings back. {@link RealmImportTest} fails when the files and the realm differ.
 */
final class RealmImport {

    static final Path REALM = Manifests.ROOT.resolve("deploy/keycloak/maths-hubs-realm.json");
    static final Path BASE_IMPORT = Manifests.K8S.resolve("base/keycloak/realm-import.yaml");
    static final Path DEV_PATCH = Manifests.K8S.resolve("overlays/dev/realm-demo.yaml");
    static final String SECRET = "keycloak-client-secrets";
    static final String DEMO_CLIENT = "maths-hubs-cli";
    static final int PRODUCTION_TOKEN_SECONDS = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private RealmImport() {
    }

    /** The placeholder a client's secret becomes: {@code hub-website-central} is {@code ${CLIENT_SECRET_HUB_WEBSITE_CENTRAL}}. */
    static String placeholder(String clientId) {
        return "CLIENT_SECRET_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static String baseImport() {
        ObjectNode realm = realm();
        ObjectNode placeholders = JSON.createObjectNode();
        ArrayNode clients = JSON.createArrayNode();
        for (JsonNode client : realm.withArray("clients")) {
            if (!DEMO_CLIENT.equals(client.path("clientId").asText())) {
                clients.add(withPlaceholderSecret((ObjectNode) client, placeholders));
            }
        }
        realm.set("clients", clients);
        ArrayNode users = JSON.createArrayNode();
        realm.withArray("users").forEach(user -> {
            if (user.has("serviceAccountClientId")) {
                users.add(user);
            }
        });
        realm.set("users", users);
        realm.put("sslRequired", "external");
        // Short-lived access tokens in production: one that leaks, or outlives its holder's logout, is good for five
        // minutes at most (websites and the NCETM take a new one by client credentials, the services remember none longer).
        realm.put("accessTokenLifespan", PRODUCTION_TOKEN_SECONDS);

        ObjectNode spec = JSON.createObjectNode();
        spec.put("keycloakCRName", "keycloak");
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        return header("the realm without demo users or the CLI client; secrets from the " + SECRET + " Secret")
                + yaml(resource(spec));
    }

    static String devPatch() {
        ObjectNode realm = realm();
        ObjectNode patchRealm = JSON.createObjectNode();
        patchRealm.put("sslRequired", realm.path("sslRequired").asText());
        patchRealm.put("accessTokenLifespan", realm.path("accessTokenLifespan").asInt());
        ArrayNode clients = JSON.createArrayNode();
        realm.withArray("clients").forEach(c -> clients.add(withPlaceholderSecret((ObjectNode) c, JSON.createObjectNode())));
        patchRealm.set("clients", clients);
        patchRealm.set("users", realm.withArray("users"));
        ObjectNode spec = JSON.createObjectNode();
        spec.set("realm", patchRealm);
        return header("the demo realm's users, clients and settings over the base's (lists are replaced whole)")
                + yaml(resource(spec));
    }

    private static ObjectNode withPlaceholderSecret(ObjectNode client, ObjectNode placeholders) {
        if (!client.has("secret")) {
            return client;
        }
        String clientId = client.path("clientId").asText();
        ObjectNode copy = client.deepCopy();
        copy.put("secret", "${" + placeholder(clientId) + "}");
        ObjectNode secretRef = placeholders.putObject(placeholder(clientId)).putObject("secret");
        secretRef.put("name", SECRET);
        secretRef.put("key", clientId);
        return copy;
    }

    private static ObjectNode resource(ObjectNode spec) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "maths-hubs");
        resource.set("spec", spec);
        return resource;
    }

    private static ObjectNode realm() {
        try {
            return (ObjectNode) JSON.readTree(REALM.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(String what) {
        return "# Generated from deploy/keycloak/maths-hubs-realm.json by RealmImport (deploy/k8s/src/test): " + what + ".\n"
                + "# Do not edit: change the realm file, then run\n"
                + "#   ./mvnw -pl deploy/k8s test -Dtest=RealmImportTest -Drealm.regenerate=true\n";
    }

    private static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes both files (what {@code -Drealm.regenerate=true} does). */
    static void write() throws IOException {
        Files.writeString(BASE_IMPORT, baseImport());
        Files.writeString(DEV_PATCH, devPatch());
    }
}
