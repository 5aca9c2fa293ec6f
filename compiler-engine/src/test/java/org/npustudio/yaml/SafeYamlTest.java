package org.npustudio.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafeYamlTest {
    @Test
    void valuesCarryTheirPositionIntoErrors() throws Exception {
        YamlNode doc = SafeYaml.parse("name: npu\narray:\n  rows: 32\n  cols: -4\n", "a.yaml");
        assertEquals(32, doc.require("array").require("rows").positiveLong());
        YamlException e = assertThrows(YamlException.class, () -> doc.require("array").require("cols").positiveLong());
        assertEquals("a.yaml: line 4 column 9 (array.cols): must be positive, got -4", e.getMessage());
        e = assertThrows(YamlException.class, () -> doc.require("array").require("dataflow"));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("missing required key 'dataflow'"), e.getMessage());
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        YamlException e = assertThrows(YamlException.class, () -> SafeYaml.parse("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml"));
        assertTrue(e.line() >= 2 && e.getMessage().startsWith("bad.yaml: line "), e.getMessage());
        e = assertThrows(YamlException.class, () -> SafeYaml.parse("a: 1\na: 2\n", "dup.yaml").entries());
        assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
    }

    @Test
    void anOverlongLineIsRefusedBeforeTheSlowScannerSeesIt() {
        String text = "a: 1\nkey: " + "x".repeat(SafeYaml.MAX_LINE_CHARS + 1) + "\n";
        long t0 = System.nanoTime();
        YamlException e = assertThrows(YamlException.class, () -> SafeYaml.parse(text, "long.yaml"));
        assertTrue(e.getMessage().startsWith("long.yaml: line 2") && e.getMessage().contains("are refused"), e.getMessage());
        System.out.printf("[yaml] overlong line refused in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void aliasBombsAndArbitraryTypesAreRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'n'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
            bomb.append("]\n");
            prev = c;
        }
        YamlException e = assertThrows(YamlException.class, () -> SafeYaml.parse(bomb.toString(), "bomb.yaml"));
        assertTrue(e.getMessage().toLowerCase().contains("alias"), e.getMessage());
        // A global tag asking for a Java type must not instantiate anything.
        e = assertThrows(YamlException.class,
                () -> SafeYaml.parse("x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]", "evil.yaml").require("x").text());
        assertTrue(e.getMessage().contains("evil.yaml"), e.getMessage());
    }

    @Test
    void unknownKeysBecomeWarnings() throws Exception {
        YamlNode doc = SafeYaml.parse("name: x\ncolour: red\n", "w.yaml");
        List<String> w = doc.unknownKeys(Set.of("name"));
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("line 2") && w.get(0).contains("'colour'"), w.get(0));
    }
}
