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

    /**
     * The layout, escapes and number digits, byte for byte: the golden file is what the hand-written writer
     * printed for this document before JSON went through Jackson (the CLI's and reports' JSON are pinned).
     */
    @Test
    void writesTheLayoutTheHandWrittenWriterDid() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "Conv_0 \"quoted\" back\\slash tab\t nl\n cr\r bs\b ff\f nul\u0000 unit\u001f del\u007f é ü 中 \u2028 😀 /slash");
        doc.put("ints", List.of(1, -2, 3));
        doc.put("longs", List.of(Long.MIN_VALUE, Long.MAX_VALUE));
        doc.put("doubles", Arrays.asList(0.1, 1e-7, 1e21, 123456789.0, -0.0, 3.0, 1.0E10, Double.NaN, Double.NEGATIVE_INFINITY, 2.5e-300));
        doc.put("floats", List.of(1.1f, 0.5f, 3f));
        doc.put("empty_map", Map.of());
        doc.put("empty_list", List.of());
        doc.put("null", null);
        doc.put("bools", List.of(true, false));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("shape", Arrays.asList(1, "N", null, 224));
        inner.put("nested_lists", List.of(List.of(1, 2), List.of(), List.of(List.of("a"))));
        inner.put("objects", List.of(Map.of("a", 1), Map.of(), new LinkedHashMap<>(Map.of("b", List.of(Map.of("c", 2.0))))));
        doc.put("inner", inner);
        doc.put("unicode_key_é", "x");
        String golden;
        try (var in = JsonWriterTest.class.getResourceAsStream("layout-golden.json")) {
            golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(golden, JsonWriter.write(doc));
    }

    @Test
    void undefinedNumbersBecomeNull() {
        Map<String, Object> back = JsonOracle.object(JsonWriter.write(Map.of("x", List.of(Double.NaN, Double.POSITIVE_INFINITY, 1.0f))));
        assertEquals(Arrays.asList(null, null, 1.0), back.get("x"));
    }
}
