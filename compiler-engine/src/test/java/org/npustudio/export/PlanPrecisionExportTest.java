package org.npustudio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.plan.Plan;
import org.npustudio.runtime.OrtRunner;

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
}
