package org.npustudio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.plan.Plan;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.shape.ShapeBinding;
import org.npustudio.testdata.TestData;

/** Export quantizes only where the plan chose a precision: QDQ in those partitions, none elsewhere. */
class PlanPrecisionExportTest {
    private static final List<List<String>> THREE = List.of(List.of("mm1", "relu"), List.of("add_b", "soft"), List.of("MatMul_0", "tanh"));

    private static long qdq(Path file) throws Exception {
        return OnnxReader.read(file).graph().nodes().stream().map(Node::opType)
                .filter(op -> op.equals("QuantizeLinear") || op.equals("DequantizeLinear")).count();
    }

    @Test
    void anInt8PartitionGetsQdqAndTheOthersStayFloatAndEveryFileRunsInOrt(@TempDir Path tmp) throws Exception {
        Model m = SplitModels.branchy();
        Plan plan = SplitModels.plan(m, THREE).assignPrecision("p0", "int8").assignNodePrecision(List.of("MatMul_0"), "int4w8a");
        Path dir = tmp.resolve("out");
        PartitionExporter.Result r = PartitionExporter.export(m, plan, dir);
        assertEquals(List.of("mm1", "MatMul_0"), r.split().quantization().layers().stream().map(l -> l.nodeId()).toList());
        assertEquals(List.of(8, 4), r.split().quantization().layers().stream().map(l -> l.weightBits()).toList());
        assertEquals(3, qdq(dir.resolve("p0.onnx")), "weight DequantizeLinear plus the activation's QuantizeLinear/DequantizeLinear");
        assertEquals(3, qdq(dir.resolve("p2.onnx")));
        assertEquals(0, qdq(dir.resolve("p1.onnx")), "no precision chosen: float");
        assertEquals(0, qdq(dir.resolve("rest.onnx")));
        Map<String, Tensor> in = SanityChecker.inputs(m, Map.of(), 7);
        for (PartitionModel pm : r.split().pieces()) {
            try (OrtRunner run = OrtRunner.open(pm.proto().toByteArray(), pm.name(), OrtRunner.Options.DETERMINISTIC)) {
                assertTrue(run != null);
            }
        }
        SanityChecker.Report check = SanityChecker.check(r.split(), m, in, OrtRunner.Options.DETERMINISTIC);
        assertTrue(check.identical(), "the chained quantized partitions compute the quantized whole model: " + check);
    }

    @Test
    void aPartitionAtFp32HasNoQdqNodes(@TempDir Path tmp) throws Exception {
        Model m = SplitModels.branchy();
        Plan plan = SplitModels.plan(m, THREE).assignPrecision("p0", "fp32").assignPrecision("p2", "int8")
                .assignNodePrecision(List.of("MatMul_0"), "fp32");
        PartitionExporter.Result r = PartitionExporter.export(m, plan, tmp.resolve("out"));
        assertNull(r.split().quantization(), "nothing chosen below fp32: the quantizer does not run");
        for (String f : List.of("p0", "p1", "p2", "rest")) assertEquals(0, qdq(tmp.resolve("out").resolve(f + ".onnx")), f);
    }

    @Test
    void aChosenLayerWithoutAConstantWeightStaysFloatWithOneWarningNamingIt(@TempDir Path tmp) throws Exception {
        Model m = SplitModels.branchy();
        m.graph().removeInitializer("w2"); // MatMul_0's weight becomes a runtime input: nothing to quantize statically
        m.graph().addInput(ValueInfo.tensor("w2", DataType.FLOAT, Shape.of(8, 8)));
        Plan plan = SplitModels.plan(m, THREE).assignPrecision("p0", "int8").assignPrecision("p2", "int8");
        PartitionExporter.Result r = PartitionExporter.export(m, plan, tmp.resolve("out"));
        assertEquals(List.of("mm1"), r.split().quantization().layers().stream().map(l -> l.nodeId()).toList());
        List<String> named = r.split().warnings().stream().filter(w -> w.contains("MatMul_0")).toList();
        assertEquals(1, named.size(), String.join("\n", r.split().warnings()));
        assertTrue(named.get(0).contains("stay fp32") && !named.get(0).contains("mm1"), named.get(0));
        assertEquals(0, qdq(tmp.resolve("out/p2.onnx")));
    }

    @Test
    void anOpset9ModelWithConstantWeightsExportsInt8AndFp16LayersThatChainInOrt(@TempDir Path tmp) throws Exception {
        // PP-OCR cls: opset 9 (per-channel QDQ needs 13) with its weights as Constant nodes (paddle2onnx)
        Model m = ModelOpener.open(TestData.realModel("ch_ppocr_mobile_v2.0_cls_infer.onnx"), ShapeBinding.parse(List.of("x=1x3x48x192"), List.of()));
        List<String> layers = new ArrayList<>();
        for (Node n : m.graph().topologicalOrder()) if (!n.opType().equals("Constant")) layers.add(n.id());
        int half = layers.size() / 2;
        Plan plan = SplitModels.plan(m, List.of(layers.subList(0, half), layers.subList(half, layers.size())))
                .assignPrecision("p0", "int8").assignPrecision("p1", "fp16");
        PartitionExporter.Result r = PartitionExporter.export(m, plan, tmp.resolve("out"));

        Map<String, String> precisionOf = new HashMap<>();
        for (var l : r.split().quantization().layers()) precisionOf.put(l.nodeId(), l.precision());
        assertEquals(54, precisionOf.size(), "53 Conv and the MatMul, found after lifting and folding: " + r.split().warnings());
        for (String id : precisionOf.keySet()) {
            assertTrue(m.graph().nodeById(id) != null, "the report names the opened model's nodes: " + id);
            assertEquals(layers.indexOf(id) < half ? "int8" : "fp16", precisionOf.get(id), id);
        }
        assertTrue(qdq(tmp.resolve("out/p0.onnx")) > 0, "int8 layers are QDQ");
        for (PartitionModel pm : r.split().pieces()) {
            Model written = OnnxReader.read(tmp.resolve("out").resolve(pm.name() + ".onnx"));
            assertEquals(13, written.opsetVersion(""), pm.name());
            try (OrtRunner run = OrtRunner.open(pm.proto().toByteArray(), pm.name(), OrtRunner.Options.DETERMINISTIC)) {
                assertTrue(run != null);
            }
        }
        SanityChecker.Report check = SanityChecker.check(r.split(), m, SanityChecker.inputs(m, Map.of(), 3), OrtRunner.Options.DETERMINISTIC);
        assertTrue(check.identical(), "the chained quantized partitions compute the quantized whole model: " + check);
    }
}
