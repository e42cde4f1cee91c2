package com.siyu.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Request bodies are read strictly, in every service at once: a body must be exactly one JSON value
 * (trailing content refused), a key may appear once, numbers are numbers and booleans booleans (no
 * {@code "12"} → 12, no {@code 1.5} → 1, no {@code 1} → true, no {@code 12} → "12"), and text must
 * be well-formed UTF-16 (a lone surrogate would be stored as {@code ?}). Each refusal is a 400 that
 * names the field (common's problem handler).
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static void configure(Jackson2ObjectMapperBuilder builder) {
        builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS);
        builder.postConfigurer(StrictJson::coercions);
    }

    /** Registered as a bean (Boot installs every Module bean next to its own). */
    public static SimpleModule wellFormedText() {
        return new SimpleModule("siyu-strict-text").addDeserializer(String.class, new WellFormedText());
    }

    static void coercions(ObjectMapper mapper) {
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(numeric)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** A JSON string only (no number or boolean turned into text), refused when it holds a lone surrogate. */
    static final class WellFormedText extends StdScalarDeserializer<String> {

        WellFormedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            if (!wellFormed(text)) {
                throw InvalidFormatException.from(parser, "text holds an unpaired UTF-16 surrogate", text, String.class);
            }
            return text;
        }

        static boolean wellFormed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
