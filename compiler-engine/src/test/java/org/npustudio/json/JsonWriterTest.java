package org.npustudio.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.npustudio.testdata.JsonOracle;

/** What the CLI and the exports write, read back by Jackson (an independent parser) to the same values. */
class JsonWriterTest {
    @Test
    void everyStringNumberAndNestingReadsBackUnchanged() {
        SplittableRandom r = new SplittableRandom(42);
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            int len = r.nextInt(12);
            for (int k = 0; k < len; k++) {
                int cp = switch (r.nextInt(4)) {
                    case 0 -> r.nextInt(0x20);                // control characters
                    case 1 -> "\"\\/\u2028\u007f".charAt(r.nextInt(5));
                    case 2 -> 0x1F600 + r.nextInt(64);        // outside the BMP: a surrogate pair
                    default -> 0x20 + r.nextInt(0xD7FF - 0x20); // any other BMP character below the surrogates
                };
                s.appendCodePoint(cp);
            }
            doc.put("k" + i + s, s.toString());
        }
        doc.put("longs", List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L));
        doc.put("doubles", List.of(1e-300, 1.5e300, -0.5, 3.0, 1e10));
        doc.put("nested", List.of(Map.of("a", List.of()), Map.of(), Arrays.asList(null, true, false)));
        String text = JsonWriter.write(doc);
        assertTrue(text.chars().allMatch(c -> c < 0x7f), "non-ASCII is escaped");
        Map<String, Object> back = JsonOracle.object(text);
        assertEquals(new ArrayList<>(doc.keySet()), new ArrayList<>(back.keySet()));
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            if (e.getKey().equals("doubles")) continue;
            assertEquals(e.getValue(), back.get(e.getKey()), e.getKey());
        }
        assertEquals(List.of(1e-300, 1.5e300, -0.5, 3.0, 1e10), back.get("doubles"));
    }

    @Test
    void undefinedNumbersBecomeNull() {
        Map<String, Object> back = JsonOracle.object(JsonWriter.write(Map.of("x", List.of(Double.NaN, Double.POSITIVE_INFINITY, 1.0f))));
        assertEquals(Arrays.asList(null, null, 1.0), back.get("x"));
    }
}
