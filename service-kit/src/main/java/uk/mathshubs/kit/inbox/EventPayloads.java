package uk.mathshubs.kit.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads event payloads. Tolerant of fields it does not know, unlike the REST API: a producer may add an
 * optional field to a v1 payload without breaking its consumers.
 */
@ApplicationScoped
public class EventPayloads {

    private final ObjectMapper reader;

    public EventPayloads(ObjectMapper json) {
        this.reader = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public <T> T read(String payload, Class<T> type) {
        try {
            return reader.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable " + type.getSimpleName() + " payload: " + e.getOriginalMessage(), e);
        }
    }
}
