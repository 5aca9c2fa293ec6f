package org.npustudio.testdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Parses the JSON the product writes with Jackson, an independent implementation, strictly: one value and
 * nothing after it, no duplicate keys, no NaN or comments; integers as {@code Long} so tests compare exactly.
 */
public final class JsonOracle {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private JsonOracle() {}

    public static JsonNode tree(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) throw new AssertionFailedError("no JSON value in: " + text);
            return n;
        } catch (JsonProcessingException e) {
            throw new AssertionFailedError("not valid JSON (" + e.getOriginalMessage() + "): " + text, e);
        }
    }

    /** A JSON object as plain Java values: Map (key order kept), List, String, Long, Double, Boolean, null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        if (!tree(text).isObject()) throw new AssertionFailedError("expected a JSON object: " + text);
        try {
            return MAPPER.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new AssertionFailedError("not valid JSON (" + e.getOriginalMessage() + "): " + text, e);
        }
    }
}
