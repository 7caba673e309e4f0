package uk.mathshubs.testsupport.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * An OpenAPI 3.1 document as a contract a test holds a service to: an answer to a documented operation must have a
 * documented status, and its JSON body must match the schema documented for that status and media type (JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1); a request body a service accepted must match the operation's request schema.
 * Paths nobody documented are not judged here (the fuzz suite holds them to problem+json).
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonNode document;
    private final List<Template> templates;
    private final Map<JsonNode, JsonSchema> compiled = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int variables) {
    }

    public OpenApiContract(JsonNode document) {
        this.document = document;
        List<Template> found = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> found.add(new Template(path,
                Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
                (int) path.chars().filter(c -> c == '{').count())));
        // A literal segment wins over a variable one: /work-groups/import before /work-groups/{id}.
        found.sort(Comparator.comparingInt(Template::variables));
        this.templates = List.copyOf(found);
    }

    public static OpenApiContract parse(String document) {
        try {
            return new OpenApiContract(JSON.readTree(document));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an OpenAPI document in JSON", e);
        }
    }

    /** The documented operation for this method and concrete path, if any. */
    public Optional<JsonNode> operation(String method, String path) {
        return templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst()
                .map(t -> document.path("paths").path(t.path()).path(method.toLowerCase(Locale.ROOT)))
                .filter(operation -> !operation.isMissingNode());
    }

    /** What is wrong with this answer to a documented operation; empty when it keeps the contract. */
    public List<String> checkResponse(JsonNode operation, int status, String contentType, String body) {
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.path("default");
        String id = operation.path("operationId").asText("?");
        if (response.isMissingNode()) {
            List<String> documented = new ArrayList<>();
            responses.fieldNames().forEachRemaining(documented::add);
            return List.of(id + " answered " + status + ", which it does not document (it documents " + documented + ")");
        }
        return checkBody(id + " " + status, response.path("content"), contentType, body);
    }

    /** What is wrong with a request body the service accepted. */
    public List<String> checkRequest(JsonNode operation, String contentType, String body) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode()) {
            return List.of();
        }
        return checkBody(operation.path("operationId").asText("?") + " request", content, contentType, body);
    }

    private List<String> checkBody(String what, JsonNode content, String contentType, String body) {
        if (body == null || body.isBlank() || contentType == null || !isJson(contentType)) {
            return List.of();
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = content.has(type) ? content.get(type) : content.path("*/*");
        if (media.isMissingNode()) {
            List<String> documented = new ArrayList<>();
            content.fieldNames().forEachRemaining(documented::add);
            return List.of(what + ": " + type + " is not documented (documented: " + documented + ")");
        }
        JsonNode schema = media.path("schema");
        if (schema.isMissingNode()) {
            return List.of();
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of(what + ": the body is not JSON: " + e.getOriginalMessage());
        }
        return compiled.computeIfAbsent(schema, this::compile).validate(value).stream()
                .map(ValidationMessage::getMessage).sorted().map(message -> what + ": " + message).toList();
    }

    /** The schema with the document's components beside it, so that its #/components/schemas/... references resolve. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode standalone = schema.deepCopy();
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        standalone.set("components", document.path("components"));
        return SCHEMAS.getSchema(standalone, CONFIG);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.startsWith("application/problem+json");
    }
}
