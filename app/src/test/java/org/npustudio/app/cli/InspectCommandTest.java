package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.testdata.JsonOracle;
import org.npustudio.testdata.SharedData;

class InspectCommandTest {
    @TempDir Path dir;

    @Test
    void textReportOfATinyCnn() throws Exception {
        Path file = TestModels.write(TestModels.tinyCnn(), dir.resolve("tiny_cnn.onnx"));
        CliRun r = CliRun.of("inspect", file.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("Model       tiny_cnn  (" + file + ")"), r.out());
        assertTrue(lines.contains("IR version  8"));
        assertTrue(lines.contains("Producer    npustudio-test 0.1"));
        assertTrue(lines.contains("Opsets      ai.onnx 17"));
        assertTrue(lines.contains("Inputs      x  float32[1,3,8,8]"));
        assertTrue(lines.contains("Outputs     y  float32[1,4,4,4]"));
        assertTrue(lines.contains("Nodes       6"));
        assertTrue(lines.contains("Parameters  252 in 2 initializers, 1008 B"));
        assertTrue(lines.contains("MACs        16,128 (16.1 K)"));
        assertTrue(lines.contains("FLOPs       33,280 (33.3 K)"));
        int ops = lines.indexOf("Operators");
        assertEquals(List.of("  Conv          2", "  Relu          2", "  Add           1", "  MaxPool       1"),
                lines.subList(ops + 1, lines.size()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonReportIsOneWellFormedObject() throws Exception {
        Path file = TestModels.write(TestModels.tinyCnn(), dir.resolve("tiny_cnn.onnx"));
        CliRun r = CliRun.of("inspect", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        Map<String, Object> j = JsonOracle.object(r.out());
        assertEquals(file.toString(), j.get("file"));
        assertEquals("tiny_cnn", j.get("model"));
        assertEquals(8L, j.get("irVersion"));
        assertEquals(Map.of("name", "npustudio-test", "version", "0.1"), j.get("producer"));
        assertEquals(List.of(Map.of("domain", "", "version", 17L)), j.get("opsets"));
        assertEquals(6L, j.get("nodes"));
        assertEquals(0L, j.get("subgraphNodes"));
        Map<String, Object> ops = (Map<String, Object>) j.get("ops");
        assertEquals(List.of("Conv", "Relu", "Add", "MaxPool"), new ArrayList<>(ops.keySet()), "sorted by count, then name");
        assertEquals(Map.of("Conv", 2L, "Relu", 2L, "Add", 1L, "MaxPool", 1L), ops);
        assertEquals(252L, j.get("params"));
        assertEquals(1008L, j.get("paramBytes"));
        assertEquals(16_128L, j.get("macs"));
        assertEquals(33_280L, j.get("flops"));
        assertEquals(0L, j.get("unknownCostNodes"));
        List<Object> inputs = (List<Object>) j.get("inputs");
        assertEquals(1, inputs.size());
        Map<String, Object> x = (Map<String, Object>) inputs.get(0);
        assertEquals("x", x.get("name"));
        assertEquals("float32", x.get("elemType"));
        assertEquals(List.of(1L, 3L, 8L, 8L), x.get("shape"));
        assertEquals("float32[1,3,8,8]", x.get("type"));
        Map<String, Object> y = (Map<String, Object>) ((List<Object>) j.get("outputs")).get(0);
        assertEquals(List.of(1L, 4L, 4L, 4L), y.get("shape"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonEscapesNamesAndReportsUnknownCostsAsNull() throws Exception {
        Model m = TestModels.tinyCnn();
        m.graph().setName("g");
        String odd = "in\"put\\\n\t\u00e9\u4e2d\u0001";
        m.graph().addInput(new ValueInfo(odd, org.npustudio.ir.TypeInfo.tensor(DataType.FLOAT,
                Shape.of(List.of(Dim.symbol("batch"), Dim.UNKNOWN, Dim.of(4)))), "", null, null));
        m.graph().addNode(new Node("neg", "neg", "Neg", "", List.of(odd), List.of("z")));
        m.graph().addOutput(new ValueInfo("z", org.npustudio.ir.TypeInfo.tensor(DataType.FLOAT, null), "", null, null));
        m.setProducerName("quote\" and backslash\\");
        Path file = TestModels.write(m, dir.resolve("odd.onnx"));
        CliRun r = CliRun.of("inspect", "--json", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().chars().allMatch(c -> c < 0x7f), "non-ASCII is escaped");
        Map<String, Object> j = JsonOracle.object(r.out());
        assertEquals("quote\" and backslash\\", ((Map<String, Object>) j.get("producer")).get("name"));
        Map<String, Object> in = (Map<String, Object>) ((List<Object>) j.get("inputs")).get(1);
        assertEquals(odd, in.get("name"));
        assertEquals(java.util.Arrays.asList("batch", null, 4L), in.get("shape"));
        Map<String, Object> z = (Map<String, Object>) ((List<Object>) j.get("outputs")).get(1);
        // Declared with unknown rank; opening infers it from the Neg's input, symbols and unknowns kept.
        assertEquals(java.util.Arrays.asList("batch", null, 4L), z.get("shape"));
        assertNull(j.get("macs"), "the Neg's shape is unknown, so there is no total");
        assertEquals(16_128L, j.get("knownMacs"));
        assertEquals(1L, j.get("unknownCostNodes"));
        CliRun text = CliRun.of("inspect", file.toString());
        assertTrue(text.out().contains("MACs        >= 16,128 (1 of 7 nodes not costed"), text.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void sharedResnet50AgreesWithTheModel(@SharedData("onnx-testdata/light/light_resnet50.onnx") Path file) throws Exception {
        Model model = OnnxReader.read(file);
        CliRun r = CliRun.of("inspect", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        Map<String, Object> j = JsonOracle.object(r.out());
        Map<String, Long> expected = new HashMap<>();
        for (Node n : model.graph().nodes()) expected.merge(n.opType(), 1L, Long::sum);
        assertEquals(expected, j.get("ops"));
        assertEquals((long) model.graph().nodes().size(), j.get("nodes"));
        assertEquals(53L, ((Map<String, Object>) j.get("ops")).get("Conv"), "ResNet-50 has 53 convolutions");
        long params = 0;
        for (Tensor t : model.graph().initializers().values()) params += t.elementCount();
        assertEquals(params, j.get("params"));
        Map<String, Object> in = (Map<String, Object>) ((List<Object>) j.get("inputs")).get(0);
        assertEquals(List.of(1L, 3L, 224L, 224L), in.get("shape"));
        assertEquals(0, CliRun.of("inspect", file.toString()).status());
    }
}
