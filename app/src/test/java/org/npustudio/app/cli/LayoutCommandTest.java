package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.testdata.JsonOracle;

class LayoutCommandTest {
    @TempDir Path dir;

    private static long number(Map<String, Object> json, String key) {
        return ((Number) json.get(key)).longValue();
    }

    private static Map<String, Object> json(CliRun r) {
        assertEquals(0, r.status(), r.err());
        return JsonOracle.object(r.out());
    }

    @Test
    void printsSizeCrossingsAndTimeOfATinyCnn() throws Exception {
        Path model = TestModels.write(TestModels.tinyCnn(), dir.resolve("tiny_cnn.onnx"));
        CliRun text = CliRun.of("layout", model.toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().startsWith(model + ": fully expanded grouped layout, top-to-bottom\n"), text.out());
        // x, two Conv, two Relu, Add, MaxPool, y; the skip from relu1 to Add is routed beside conv2, crossing nothing.
        assertTrue(text.out().contains("\n  nodes      8\n  edges      8\n  crossings  0\n"), text.out());
        assertTrue(text.out().matches("(?s).*\\n  millis     \\d+\\n"), text.out());

        Map<String, Object> down = json(CliRun.of("layout", model.toString(), "--json"));
        assertEquals(model.toString(), down.get("file"));
        assertEquals(true, down.get("grouped"));
        assertEquals(8, number(down, "nodes"));
        assertEquals(8, number(down, "edges"));
        assertEquals(0, number(down, "crossings"));
        assertTrue(number(down, "height") > number(down, "width"), down.toString());
        assertTrue(number(down, "millis") >= 0);

        Map<String, Object> across = json(CliRun.of("layout", "--horizontal", model.toString(), "--json"));
        assertEquals("left-to-right", across.get("direction"));
        assertTrue(number(across, "width") > number(across, "height"), across.toString());

        Map<String, Object> weights = json(CliRun.of("layout", model.toString(), "--initializers", "--json"));
        assertEquals(10, number(weights, "nodes"), "w1 and w2 drawn as nodes");
        assertEquals(10, number(weights, "edges"));
    }

    @Test
    void groupedAndFlatLayoutsOfASampleDrawTheSameNodes() throws Exception {
        Path model = SampleLibrary.ensure("lenet5", dir);
        Map<String, Object> grouped = json(CliRun.of("layout", model.toString(), "--json"));
        Map<String, Object> flat = json(CliRun.of("layout", model.toString(), "--json", "--flat"));
        assertEquals(false, flat.get("grouped"));
        int ops = org.npustudio.onnx.OnnxReader.read(model).graph().nodes().size();
        assertEquals(ops + 2, number(grouped, "nodes"), "every operator plus the graph input and output");
        assertEquals(number(grouped, "nodes"), number(flat, "nodes"));
        assertEquals(number(grouped, "edges"), number(flat, "edges"));
        assertEquals(0, number(flat, "crossings"), "LeNet-5 is a chain");
    }

    @Test
    void badInputIsAOneLineUserError() throws Exception {
        CliRun missing = CliRun.of("layout", dir.resolve("nope.onnx").toString());
        assertEquals(2, missing.status());
        assertEquals("npustudio: " + dir.resolve("nope.onnx") + ": no such file", missing.err().strip());
        assertEquals("", missing.out());

        Path bad = TestModels.broken(dir.resolve("broken.onnx"));
        CliRun broken = CliRun.of("layout", bad.toString(), "--json");
        assertEquals(2, broken.status());
        assertEquals(1, broken.errLines().length, broken.err());
        assertTrue(broken.err().startsWith("npustudio: " + bad + ": ") && broken.err().contains("not a readable ONNX protobuf"), broken.err());
        assertFalse(broken.err().contains("Exception"), broken.err());

        CliRun none = CliRun.of("layout");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("layout: missing MODEL"), none.err());
        CliRun unknown = CliRun.of("layout", "--vertical", "m.onnx");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("layout: unknown option '--vertical'"), unknown.err());
    }
}
