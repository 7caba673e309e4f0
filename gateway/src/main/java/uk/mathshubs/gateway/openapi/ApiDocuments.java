package uk.mathshubs.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import uk.mathshubs.gateway.routing.RouteTable;
import uk.mathshubs.gateway.routing.Upstream;

/**
 * One OpenAPI document for the whole API, from each service's own. A service contributes the paths the gateway
 * routes to it (so a path can never be documented by the wrong service); components merge by name, and a name two
 * services use for different things is prefixed with the service's name in the document that brought it.
 */
public final class ApiDocuments {

    private static final String SCHEMA_REF = "#/components/schemas/";
    /** The API's version, in the document and in every answer's API-Version header (semantic; API-CHANGELOG.md). */
    public static final String API_VERSION = "2.2.0";
    /** What a caller that asks for version 1 ({@code API-Version: 1}) is answered as, until that version's sunset. */
    public static final String VERSION_1 = "1.2.0";
    /** What the gateway itself may answer for any operation, besides what the service documents. */
    private static final Map<String, String> GATEWAY_ERRORS = new TreeMap<>(Map.of(
            "429", "Over the caller's rate limit: try again after Retry-After seconds",
            "503", "The service is not answering, or the sign-in server cannot check the token: try again later"));

    private ApiDocuments() {
    }

    public static ObjectNode merge(ObjectMapper json, Map<Upstream, JsonNode> documents, List<String> missing) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText())
                .filter(v -> !v.isEmpty()).findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Maths Hubs Work Groups API");
        // The API's version (semantic: a new minor version adds, a major version breaks); paths stay under /api/v1.
        info.put("version", API_VERSION);
        info.putObject("contact").put("name", "Maths Hubs platform team").put("email", "api@mathshubs.example");
        // The description may be reused freely, as the UK government's API standards ask (an SPDX identifier).
        info.putObject("license").put("name", "Apache 2.0").put("identifier", "Apache-2.0");
        info.put("description", "Every service's API as the gateway serves it, under /api/v1. Every list pages the same "
                + "way: items, size and next; pass next as cursor= until it is null. A caller not yet moved to version 2 may "
                + "send API-Version: 1 to be answered as version 1 was (lists whole, as arrays) until 2027-06-30; see /changelog."
                + (missing.isEmpty() ? "" : " Not included, as the service did not answer: " + String.join(", ", missing) + "."));
        // The server is the address the document is asked at (AggregatedOpenApi), set as it is sent.
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Map<String, JsonNode> tags = new HashMap<>();

        documents.forEach((upstream, original) -> {
            JsonNode document = withUniqueSchemaNames(upstream, original.deepCopy(), components);
            document.path("paths").properties().forEach(path -> {
                boolean ours = RouteTable.find(path.getKey()).filter(route -> route.upstream() == upstream).isPresent();
                if (ours) {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            document.path("components").properties().forEach(kind -> {
                ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                kind.getValue().properties().forEach(entry -> target.set(entry.getKey(), entry.getValue()));
            });
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
        });
        sortFields(paths);
        paths.forEach(item -> item.properties().forEach(operation -> {
            if (operation.getValue().has("responses")) {
                ObjectNode responses = (ObjectNode) operation.getValue().get("responses");
                GATEWAY_ERRORS.forEach((status, description) -> {
                    if (!responses.has(status)) {
                        ObjectNode response = responses.putObject(status).put("description", description);
                        response.putObject("content").putObject("application/problem+json").putObject("schema")
                                .put("$ref", SCHEMA_REF + "Problem");
                    }
                });
            }
        }));
        if (!tags.isEmpty()) {
            ArrayNode tagList = merged.putArray("tags");
            new TreeSet<>(tags.keySet()).forEach(name -> tagList.add(tags.get(name)));
        }
        return merged;
    }

    /** Renames this document's schemas whose names another service already uses for something else. */
    private static JsonNode withUniqueSchemaNames(Upstream upstream, JsonNode document, ObjectNode merged) {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode taken = merged.path("schemas");
        Map<String, String> renames = new HashMap<>();
        schemas.properties().forEach(schema -> {
            JsonNode existing = taken.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                renames.put(schema.getKey(), prefix(upstream) + schema.getKey());
            }
        });
        if (renames.isEmpty()) {
            return document;
        }
        ObjectNode renamed = ((ObjectNode) schemas).objectNode();
        schemas.properties().forEach(schema -> renamed.set(renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
        ((ObjectNode) document.get("components")).set("schemas", renamed);
        rewriteRefs(document, renames);
        return document;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renames.containsKey(name)) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + renames.get(name)));
                }
            }
            object.forEach(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static String prefix(Upstream upstream) {
        String name = upstream.serviceName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void sortFields(ObjectNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        Map<String, JsonNode> values = new HashMap<>();
        names.forEach(name -> values.put(name, object.get(name)));
        object.removeAll();
        names.stream().sorted().forEach(name -> object.set(name, values.get(name)));
    }
}
