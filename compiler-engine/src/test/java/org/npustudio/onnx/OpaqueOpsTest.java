package org.npustudio.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.runtime.OpaqueTypeProbe;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.RandomInputs;
import org.npustudio.shape.ShapeInference;
import org.npustudio.shape.ShapeInferenceReport;
import org.npustudio.testdata.TestData;

/** Models are never refused for their ops: legacy ops are known, anything else loads as an opaque node. */
class OpaqueOpsTest {
    @TempDir Path dir;

    /** IR 3, opset 7: data[1,3,8,8] -> ImageScaler -> Crop -> Conv(w[4,3,3,3]) -> Relu -> y, as old converters wrote. */
    private static Model imageScalerModel() {
        Graph g = new Graph("legacy");
        g.addInput(ValueInfo.tensor("data", DataType.FLOAT, Shape.of(1, 3, 8, 8)));
        float[] w = new float[4 * 3 * 3 * 3];
        for (int i = 0; i < w.length; i++) w[i] = (i % 7) * 0.1f - 0.3f;
        g.putInitializer(Tensor.ofFloats("w", new long[] {4, 3, 3, 3}, w));
        Node scaler = new Node("", "", "ImageScaler", "", List.of("data"), List.of("scaled"));
        scaler.setAttribute(Attribute.of("scale", 0.5f));
        scaler.setAttribute(Attribute.of("bias", new float[] {1f, 2f, 3f}));
        g.addNode(scaler);
        Node crop = new Node("crop", "crop", "Crop", "", List.of("scaled"), List.of("cropped"));
        crop.setAttribute(Attribute.of("border", new long[] {1, 1, 1, 1}));
        g.addNode(crop);
        g.addNode(new Node("conv", "conv", "Conv", "", List.of("cropped", "w"), List.of("c")));
        g.addNode(new Node("relu", "relu", "Relu", "", List.of("c"), List.of("y")));
        g.addOutput(new ValueInfo("y", null, "", null, null));
        Model m = new Model(g);
        m.setIrVersion(3);
        m.opsetImports().add(new OpsetId("", 7));
        return m;
    }

    /** x[batch,16] -> op -> Relu -> y, the op given by domain and type, its domain imported or not. */
    private static Model oneOp(String domain, String opType, boolean importDomain) {
        Graph g = new Graph("one_op");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(List.of(Dim.symbol("batch"), Dim.of(16)))));
        g.addNode(new Node("op", "op", opType, domain, List.of("x"), List.of("h")));
        g.addNode(new Node("relu", "relu", "Relu", "", List.of("h"), List.of("y")));
        g.addOutput(new ValueInfo("y", null, "", null, null));
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 17));
        if (importDomain && !domain.isEmpty()) m.opsetImports().add(new OpsetId(domain, 1));
        return m;
    }

    private Model roundTrip(Model m, String name) throws Exception {
        Path f = dir.resolve(name + ".onnx");
        Files.write(f, OnnxWriter.toBytes(m));
        return OnnxReader.read(f);
    }

    private static TypeInfo.TensorType type(Model m, String value) {
        ValueInfo v = m.graph().valueInfo(value);
        if (v == null) v = m.graph().outputs().stream().filter(o -> o.name().equals(value)).findFirst().orElse(null);
        return v != null && v.type() instanceof TypeInfo.TensorType t ? t : null;
    }

    @Test
    void opset7ImageScalerModelLoadsInfersAndRunsInOnnxRuntime() throws Exception {
        Model m = roundTrip(imageScalerModel(), "image_scaler");
        assertEquals(3, m.irVersion());
        assertTrue(OpaqueOps.of(m).isEmpty(), "ImageScaler and Crop are known legacy ops");
        assertTrue(OpaqueOps.warnings(m).isEmpty());
        ShapeInferenceReport r = ShapeInference.infer(m);
        assertEquals(Shape.of(1, 3, 8, 8), type(m, "scaled").shape());
        assertEquals(Shape.of(1, 3, 6, 6), type(m, "cropped").shape());
        assertEquals(Shape.of(1, 4, 4, 4), type(m, "y").shape());
        assertTrue(r.nodes().stream().allMatch(n -> n.status() == ShapeInferenceReport.Status.INFERRED),
                "every node inferred: " + r.nodes());
        // The inferred shape is what ONNX Runtime, which keeps kernels for the experimental ops, computes.
        try (OrtRunner ort = OrtRunner.open(Files.readAllBytes(dir.resolve("image_scaler.onnx")), "image_scaler", OrtRunner.Options.DETERMINISTIC)) {
            Map<String, Tensor> out = ort.run(RandomInputs.forGraph(m.graph(), 7));
            assertEquals(List.of(1L, 4L, 4L, 4L), java.util.Arrays.stream(out.get("y").dims()).boxed().toList());
        }
    }

    @Test
    void unknownOpOfTheDefaultDomainLoadsAsAnOpaqueNodeWithAWarning() throws Exception {
        Model m = roundTrip(oneOp("", "NoSuchOp", false), "unknown_std");
        assertEquals(List.of("op"), OpaqueOps.of(m).stream().map(Node::id).toList());
        assertEquals(1, OpaqueOps.warnings(m).size());
        assertTrue(OpaqueOps.warnings(m).get(0).contains("'NoSuchOp' is not an operator of domain 'ai.onnx'"), OpaqueOps.warnings(m).toString());
        ShapeInferenceReport r = ShapeInference.infer(m);
        assertNull(type(m, "h"), "nothing is known about an opaque op's output");
        // ONNX Runtime has no kernel for it either: the probe says so and changes nothing.
        OpaqueTypeProbe.Result probe = OpaqueTypeProbe.fill(m);
        assertEquals(0, probe.typed());
        assertNotNull(probe.problem());
        assertNotNull(r);
    }

    @Test
    void opaqueOpOutputTypeComesFromValueInfo() throws Exception {
        Model built = oneOp("com.example.custom", "Frobnicate", true);
        built.graph().putValueInfo(ValueInfo.tensor("h", DataType.FLOAT, Shape.of(List.of(Dim.symbol("batch"), Dim.of(16)))));
        Model m = roundTrip(built, "custom_domain");
        assertEquals(List.of("com.example.custom.Frobnicate"), List.copyOf(OpaqueOps.types(m)));
        assertTrue(OpaqueOps.warnings(m).isEmpty(), "an imported custom domain is normal");
        ShapeInference.infer(m);
        assertEquals(Shape.of(List.of(Dim.symbol("batch"), Dim.of(16))), type(m, "y").shape());
    }

    @Test
    void unimportedDomainIsAWarningNotAnError() throws Exception {
        Model m = roundTrip(oneOp("com.example.absent", "Frobnicate", false), "unimported");
        assertEquals(1, OpaqueOps.of(m).size());
        assertTrue(OpaqueOps.warnings(m).get(0).contains("not imported"), OpaqueOps.warnings(m).toString());
    }

    @Test
    void opaqueOpOutputTypeComesFromRunningOnnxRuntimeOnceAndIsCached() throws Exception {
        // com.microsoft.Gelu has a kernel in ONNX Runtime but no schema here.
        Model m = roundTrip(oneOp("com.microsoft", "Gelu", true), "ort_probe");
        assertEquals(1, OpaqueOps.of(m).size());
        ShapeInference.infer(m);
        assertNull(type(m, "h"));
        OpaqueTypeProbe.Result first = OpaqueTypeProbe.fill(m);
        assertNull(first.problem());
        assertFalse(first.cached());
        assertEquals(DataType.FLOAT, type(m, "h").elemType());
        // batch is symbolic: the second run (batch 2) differs from the first, so that dim stays unknown
        assertEquals(Shape.of(List.of(Dim.UNKNOWN, Dim.of(16))), type(m, "h").shape());
        assertEquals(DataType.FLOAT, type(m, "y").elemType(), "Relu after the opaque op is inferred from it");
        assertEquals(2, type(m, "y").shape().rank());

        Model again = OnnxReader.read(dir.resolve("ort_probe.onnx"));
        ShapeInference.infer(again);
        OpaqueTypeProbe.Result second = OpaqueTypeProbe.fill(again);
        assertTrue(second.cached(), "the same file is not run twice");
        assertEquals(first.typed(), second.typed());
    }

    @Test
    void structuralErrorsStayErrors() throws Exception {
        Model noImports = oneOp("", "Relu", false);
        noImports.opsetImports().clear();
        Path f = dir.resolve("no_imports.onnx");
        Files.write(f, OnnxWriter.toBytes(noImports));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> OnnxReader.read(f));
        assertEquals(ModelLoadException.Kind.UNKNOWN_DOMAIN, e.kind());

        Model undefined = oneOp("com.example.custom", "Frobnicate", true);
        undefined.graph().addNode(new Node("bad", "bad", "Frobnicate", "com.example.custom", List.of("nowhere"), List.of("z")));
        Path g = dir.resolve("undefined.onnx");
        Files.write(g, OnnxWriter.toBytes(undefined));
        assertEquals(ModelLoadException.Kind.UNDEFINED_INPUT, assertThrows(ModelLoadException.class, () -> OnnxReader.read(g)).kind());
    }

    @Test
    void anyIrVersionAndOpsetLoads() throws Exception {
        for (long ir = 3; ir <= 11; ir++) {
            for (long opset : new long[] {1, 6, 7, 9, 10, 11, 13, 17, 18, 21, 23}) {
                Model m = imageScalerModel();
                m.setIrVersion(ir);
                m.opsetImports().set(0, new OpsetId("", opset));
                m.opsetImports().add(new OpsetId("com.example.custom", 1));
                Graph g = m.graph();
                Node y = g.nodes().get(g.nodes().size() - 1);
                g.addNode(new Node("mystery", "mystery", "NoSuchOp", "", List.of(y.output(0)), List.of("z1")));
                g.addNode(new Node("custom", "custom", "Frobnicate", "com.example.custom", List.of("z1"), List.of("z2")));
                g.addOutput(new ValueInfo("z2", null, "", null, null));
                Model back = roundTrip(m, "ir" + ir + "_op" + opset);
                assertEquals(ir, back.irVersion());
                assertEquals(List.of("mystery", "custom"), OpaqueOps.of(back).stream().map(Node::id).toList(), "IR " + ir + " opset " + opset);
                ShapeInferenceReport r = ShapeInference.infer(back);
                assertEquals(back.graph().nodes().size(), r.nodes().size(), "every node has a status");
            }
        }
    }

    @Test
    void everyLightModelOfOnnxTestDataLoads() throws IOException {
        List<Path> files = TestData.sharedFiles("onnx-testdata/light", ".onnx");
        assertTrue(files.size() >= 9, "light models: " + files);
        for (Path p : files) {
            Model m = assertLoads(p);
            ShapeInference.infer(m);
            assertFalse(m.graph().nodes().isEmpty(), p.toString());
        }
    }

    private static Model assertLoads(Path p) {
        try {
            return OnnxReader.read(p);
        } catch (ModelLoadException e) {
            throw new AssertionError(p + " refused: " + e.getMessage(), e);
        }
    }
}
