package org.npustudio.passes.quant.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanPrecisions;
import org.npustudio.plan.PlanValidator;
import org.npustudio.plan.Precision;
import org.npustudio.testdata.TestData;

/** The automatic choice written per node: partitions at their most common precision, CPU runs as partitions, a legal plan. */
class PrecisionPlansTest {
    static final java.nio.file.Path LENET = TestData.inCheckout("samples/models/lenet5.onnx");

    @Test
    void onePartitionAtTheMostCommonPrecisionWithEntriesForTheOthers() throws Exception {
        Model m = ModelOpener.open(LENET);
        Map<String, Precision> chosen = Map.of("/conv1/Conv", Precision.FP16, "/conv2/Conv", Precision.INT8, "/fc1/Gemm", Precision.INT8,
                "/fc2/Gemm", Precision.INT4_W8A, "/fc3/Gemm", Precision.INT8);
        Plan plan = PrecisionPlans.plan(m.graph(), chosen, Precision.FP16, ModelRef.of(LENET), "npu");
        assertEquals(1, plan.partitions().size());
        Partition p = plan.partitions().get(0);
        assertEquals("int8", p.precision(), "conv2..fc1 and fc3 with their Tanh/pool/flatten nodes outnumber the rest");
        // conv1 and the Tanh and pool that read it at fp16; fc2 and its Tanh at int4w8a
        assertEquals(Map.of("/conv1/Conv", "fp16", "/act1/Tanh", "fp16", "/pool1/AveragePool", "fp16", "/fc2/Gemm", "int4w8a", "/act4/Tanh", "int4w8a"),
                p.precisions());
        Map<String, Precision> resolved = PlanPrecisions.chosen(plan, m.graph());
        assertEquals(PrecisionPlans.effective(m.graph(), chosen, Precision.FP16), resolved);
        assertTrue(PlanValidator.validate(plan, m.graph()).isLegal());
    }

    @Test
    void nodesTheNpuCannotRunAreCpuPartitionsSoEveryPartitionIsConvex() throws Exception {
        Model m = ModelOpener.open(LENET);
        Plan plan = PrecisionPlans.plan(m.graph(), Map.of(), Precision.INT8, ModelRef.of(LENET), "npu", n -> !n.opType().equals("Tanh"));
        assertEquals(List.of("npu0", "cpu0", "npu1", "cpu1", "npu2", "cpu2", "npu3", "cpu3", "npu4"),
                plan.partitions().stream().map(Partition::name).toList());
        for (Partition p : plan.partitions()) {
            boolean cpu = p.name().startsWith("cpu");
            assertEquals(cpu ? PrecisionPlans.CPU : "npu", p.device());
            assertEquals(cpu ? "" : "int8", p.precision(), p.name());
        }
        assertTrue(PlanValidator.validate(plan, m.graph()).isLegal(), PlanValidator.validate(plan, m.graph()).errors().toString());
    }
}
