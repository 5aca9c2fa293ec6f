package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;
import org.npustudio.testdata.JsonOracle;

/** Models with legacy or unknown ops open in every command: inspect lists the opaque ones, render draws them. */
class OpaqueModelCommandTest {
    @TempDir Path dir;

    /** IR 3 / opset 7: x -> ImageScaler -> op (domain, type) -> Relu -> y. */
    private Path model(String name, String domain, String opType, boolean importDomain) throws Exception {
        Graph g = new Graph(name);
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 3, 4, 4)));
        Node scaler = new Node("", "", "ImageScaler", "", List.of("x"), List.of("s"));
        scaler.setAttribute(Attribute.of("scale", 2f));
        scaler.setAttribute(Attribute.of("bias", new float[] {0f, 1f, 2f}));
        g.addNode(scaler);
        g.addNode(new Node("mystery", "mystery", opType, domain, List.of("s"), List.of("h")));
        g.addNode(new Node("relu", "relu", "Relu", "", List.of("h"), List.of("y")));
        g.addOutput(new ValueInfo("y", null, "", null, null));
        Model m = new Model(g);
        m.setIrVersion(3);
        m.opsetImports().add(new OpsetId("", 7));
        if (importDomain) m.opsetImports().add(new OpsetId(domain, 1));
        return TestModels.write(m, dir.resolve(name + ".onnx"));
    }

    @Test
    void inspectListsOpaqueOpsAndWarnings() throws Exception {
        Path custom = model("custom", "com.example.custom", "Frobnicate", true);
        CliRun r = CliRun.of("inspect", custom.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Opaque ops  com.example.custom.Frobnicate  (no schema known: opaque)"), r.out());
        assertTrue(!r.out().contains("Warning"), r.out());

        Path unknown = model("unknown", "", "NoSuchOp", false);
        CliRun u = CliRun.of("inspect", unknown.toString(), "--json");
        assertEquals(0, u.status(), u.err());
        Map<String, Object> j = JsonOracle.object(u.out());
        assertEquals(List.of("NoSuchOp"), j.get("opaqueOps"));
        assertEquals(1, ((List<?>) j.get("loadWarnings")).size(), u.out());
        assertEquals(7L, ((Map<?, ?>) ((List<?>) j.get("opsets")).get(0)).get("version"));
    }

    @Test
    void renderDrawsLegacyAndOpaqueNodes() throws Exception {
        for (Path m : List.of(model("legacy_custom", "com.example.custom", "Frobnicate", true),
                model("legacy_unimported", "com.example.absent", "Frobnicate", false))) {
            Path svg = dir.resolve(m.getFileName() + ".svg");
            CliRun r = CliRun.of("render", m.toString(), "-o", svg.toString());
            assertEquals(0, r.status(), r.err());
            String text = Files.readString(svg);
            for (String op : List.of("ImageScaler", "Frobnicate", "Relu")) assertTrue(text.contains(op), op + " drawn in " + svg);
        }
    }

    @Test
    void openingAModelTypesOpaqueOutputsThroughOnnxRuntime() throws Exception {
        // com.microsoft.Gelu: ONNX Runtime has a kernel, we have no schema; y's type is declared nowhere.
        Path m = model("ort_typed", "com.microsoft", "Gelu", true);
        CliRun r = CliRun.of("inspect", m.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Outputs     y  float32[1,3,4,4]"), r.out());
        assertTrue(r.out().contains("Opaque ops  com.microsoft.Gelu"), r.out());
    }
}
