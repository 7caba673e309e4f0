package uk.mathshubs.kit.input;

import java.io.IOException;
import java.time.temporal.Temporal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every string and every date or time Jackson reads from a request body, held to {@link InputRules}: refused with
 * {@link RefusedValue}, which Jackson gives the field's path on its way out. Text read into a {@code JsonNode} (an
 * eligibility rule set) is not: a NUL there is refused by PostgreSQL, and that refusal is a 400 too, without the field
 * ({@code ProblemMappers}).
 */
public final class BodyRules {

    private BodyRules() {
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("body-rules");
        module.addDeserializer(String.class, new CheckedString());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new CheckedTemporal(deserializer) : deserializer;
            }
        });
        return module;
    }

    private static final class CheckedString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null) {
                var refused = InputRules.refuseBodyText(text);
                if (refused.isPresent()) {
                    throw new RefusedValue(parser, refused.get());
                }
            }
            return text;
        }
    }

    private static final class CheckedTemporal extends DelegatingDeserializer {

        CheckedTemporal(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CheckedTemporal(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value != null && !InputRules.inRange(value)) {
                throw new RefusedValue(parser, InputRules.DATE_RANGE);
            }
            return value;
        }
    }
}
