package dev.spotter.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies are read as sent: a value of the wrong JSON type is refused (a 400 naming the field), never converted.
 * Jackson's defaults would take {@code 347} as "yes" to a screening question, {@code 122.5} as 122 mmHg, {@code "4"} as a
 * pain score, {@code ""} as no expiry date and {@code 12} as an instant in 1970. A whole number still reads as a decimal
 * ({@code 136} kg).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** For each kind of value, the JSON shapes that are not it. */
    private static final Map<LogicalType, Set<CoercionInputShape>> REFUSED = Map.of(
            LogicalType.Boolean, Set.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                    CoercionInputShape.EmptyString),
            LogicalType.Integer, Set.of(CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String,
                    CoercionInputShape.EmptyString),
            LogicalType.Float, Set.of(CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString),
            LogicalType.Textual, Set.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean),
            LogicalType.DateTime, Set.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString));

    @Override
    public void customize(ObjectMapper mapper) {
        REFUSED.forEach((type, shapes) -> shapes.forEach(shape -> mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail)));
        // registered after Quarkus' Java time module, so it is the one used
        mapper.registerModule(new SimpleModule("strict-json").addDeserializer(Instant.class, new InstantAsText()));
    }

    /** An instant as ISO-8601 text only: the Java time module reads a number as seconds since 1970, whatever its coercion settings. */
    private static final class InstantAsText extends StdDeserializer<Instant> {

        InstantAsText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
