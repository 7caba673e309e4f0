package uk.mathshubs.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The one copy of each event's JSON Schema, for producers and consumers alike. */
public final class EventSchemas {

    private static final Map<EventType, JsonSchema> SCHEMAS = load();

    private EventSchemas() {
    }

    /** The schema violations of a payload, empty when it is valid. */
    public static List<String> violations(EventType type, JsonNode payload) {
        return SCHEMAS.get(type).validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public static JsonSchema schema(EventType type) {
        return SCHEMAS.get(type);
    }

    private static Map<EventType, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("No schema at " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in, config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
