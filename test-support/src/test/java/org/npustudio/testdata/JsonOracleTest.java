package org.npustudio.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class JsonOracleTest {
    @Test
    void readsIntegersAsLongsAndKeepsKeyOrder() {
        Map<String, Object> j = JsonOracle.object("{\"b\": 1, \"a\": [2.5, null, \"\\u00e9\"], \"c\": true}");
        assertEquals(List.of("b", "a", "c"), List.copyOf(j.keySet()));
        assertEquals(1L, j.get("b"));
        assertEquals(Arrays.asList(2.5, null, "\u00e9"), j.get("a"));
    }

    @Test
    void refusesWhatIsNotOneStrictJsonObject() {
        for (String bad : List.of("{\"a\": 1} {}", "{\"a\": 1, \"a\": 2}", "{\"a\": NaN}", "[1]", "", "{\"a\": 1,}")) {
            assertThrows(AssertionFailedError.class, () -> JsonOracle.object(bad), bad);
        }
    }
}
