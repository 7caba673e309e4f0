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
 * a placeholder that the Keycloak Operator fills from the {@code keycloak-client-secrets} Secret. The hub console's
 * client ({@code hub-console}) gets the cluster's addresses instead of the realm file's (a developer's machine): the
 * console is served by the gateway at {@code https://<api host>/console/}, and components/hosts puts each overlay's
 * api host into them. The dev overlay's patch (JSON Patch operations, so that the base's clients,
 * hosts already set, stay as they are) puts the demo users, the CLI client and the demo settings back.
 * {@link RealmImportTest} fails when the files and the realm differ.
 */
final class RealmImport {

    static final Path REALM = Manifests.ROOT.resolve("deploy/keycloak/maths-hubs-realm.json");
    static final Path BASE_IMPORT = Manifests.K8S.resolve("base/keycloak/realm-import.yaml");
    static final Path DEV_PATCH = Manifests.K8S.resolve("overlays/dev/realm-demo.yaml");
    static final String SECRET = "keycloak-client-secrets";
    static final String DEMO_CLIENT = "maths-hubs-cli";
    static final int PRODUCTION_TOKEN_SECONDS = 300;
    /** The hub console's client: a browser's sign-in (authorization code with PKCE), at the gateway's public host. */
    static final String CONSOLE_CLIENT = "hub-console";
    /** The base's api host, which components/hosts replaces with the overlay's (hosts.yaml, {@code api}). */
    static final String API_ROOT = "https://api.mathshubs.example";
    static final String CONSOLE_PAGES = API_ROOT + "/console/*";

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
        for (JsonNode client : clients(realm)) {
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

    /**
     * JSON Patch operations on the base's import: the demo settings, the demo clients put back where the realm file has
     * them, and every user. The base's other clients are left alone (components/hosts has set the console's host in
     * them before an overlay's own patches run).
     */
    static String devPatch() {
        ObjectNode realm = realm();
        ArrayNode operations = JSON.createArrayNode();
        replace(operations, "/spec/realm/sslRequired", realm.path("sslRequired"));
        replace(operations, "/spec/realm/accessTokenLifespan", realm.path("accessTokenLifespan"));
        ArrayNode clients = clients(realm);
        for (int i = 0; i < clients.size(); i++) {
            if (DEMO_CLIENT.equals(clients.get(i).path("clientId").asText())) {
                ObjectNode add = operations.addObject();
                add.put("op", "add");
                add.put("path", "/spec/realm/clients/" + i);
                add.set("value", withPlaceholderSecret((ObjectNode) clients.get(i), JSON.createObjectNode()));
            }
        }
        replace(operations, "/spec/realm/users", realm.withArray("users"));
        return header("the demo realm's settings, CLI client and users, as JSON Patch operations on the base's import")
                + yaml(operations);
    }

    private static void replace(ArrayNode operations, String path, JsonNode value) {
        ObjectNode replace = operations.addObject();
        replace.put("op", "replace");
        replace.put("path", path);
        replace.set("value", value);
    }

    /** The realm file's clients, the console's at the cluster's addresses. */
    private static ArrayNode clients(ObjectNode realm) {
        ArrayNode clients = JSON.createArrayNode();
        for (JsonNode client : realm.withArray("clients")) {
            clients.add(CONSOLE_CLIENT.equals(client.path("clientId").asText()) ? inTheCluster((ObjectNode) client) : client);
        }
        return clients;
    }

    /**
     * The console's client as the cluster serves it: the gateway's public host ({@code API_ROOT}, replaced per overlay
     * by components/hosts) with the console under /console/; signing out comes back there too. No web origins: the
     * pages call nothing from the browser, the console calls the API from the server.
     */
    private static ObjectNode inTheCluster(ObjectNode client) {
        ObjectNode copy = client.deepCopy();
        copy.put("rootUrl", API_ROOT);
        copy.put("baseUrl", "/console/");
        copy.putArray("redirectUris").add(CONSOLE_PAGES);
        copy.putArray("webOrigins");
        ObjectNode attributes = copy.has("attributes") ? (ObjectNode) copy.get("attributes") : copy.putObject("attributes");
        attributes.put("post.logout.redirect.uris", CONSOLE_PAGES);
        return copy;
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
