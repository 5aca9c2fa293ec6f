package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.cost.Bound;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.work.FreeWork;
import org.npustudio.npusim.work.GemmWork;
import org.npustudio.npusim.work.MoveWork;
import org.npustudio.npusim.work.VectorWork;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.plan.Precision;

class OnnxMappingTest {
    private static GemmWork gemmOf(WorkGraph g, String id) { return (GemmWork) g.node(g.indexOf(id)).work(); }

    @Test
    void convolutionsBecomePerGroupGemms() {
        TestGraphs.Builder b = new TestGraphs.Builder("convs", "x", 2, 32, 56, 56);
        String x = b.conv("plain", "x", 32, 64, 3, 1, 1, 1);          // padded: 56x56 out
        String y = b.conv("strided", x, 64, 64, 1, 2, 0, 1);          // 1x1 s2: 28x28, reads a quarter
        String z = b.conv("grouped", y, 64, 64, 3, 1, 1, 4);          // 4 groups of 16 -> 16
        String w = b.conv("depthwise", z, 64, 64, 3, 1, 1, 64);       // depthwise: K = 9, N = 1 per group
        Node dil = b.node("dilated", "Conv", List.of(w, "depthwise.weight"));
        dil.setAttribute(Attribute.of("kernel_shape", 3L, 3L));
        dil.setAttribute(Attribute.of("dilations", 2L, 2L));
        dil.setAttribute(Attribute.of("group", 64L));
        WorkGraph g = OnnxWorkMapper.map(b.output(dil.output(0), 2, 64, 24, 24));
        assertTrue(g.warnings().isEmpty(), g.warnings().toString());
        GemmWork plain = gemmOf(g, "plain");
        assertEquals(new GemmShape(2 * 56 * 56, 64, 32 * 9), plain.gemm());
        assertEquals(2L * 32 * 56 * 56, plain.ifmapElements());
        GemmWork strided = gemmOf(g, "strided");
        assertEquals(new GemmShape(2 * 28 * 28, 64, 64), strided.gemm());
        assertEquals(2L * 64 * 28 * 28, strided.ifmapElements(), "a 1x1 stride-2 conv touches a quarter of its input");
        GemmWork grouped = gemmOf(g, "grouped");
        assertEquals(4, grouped.count());
        assertEquals(new GemmShape(2 * 28 * 28, 16, 16 * 9), grouped.gemm());
        assertEquals(2L * 28 * 28 * 64 * 16 * 9, grouped.macs());
        GemmWork dw = gemmOf(g, "depthwise");
        assertEquals(64, dw.count());
        assertEquals(new GemmShape(2 * 28 * 28, 1, 9), dw.gemm());
        GemmWork dilated = gemmOf(g, "dilated");
        assertEquals(new GemmShape(2 * 24 * 24, 1, 9), dilated.gemm(), "dilation 2 widens a 3x3 window to 5x5: 28 - 4 = 24");
        assertEquals(2L * 64 * 24 * 24, dilated.ofmapElements());
    }

    @Test
    void matmulConvTransposeAndVectorOps() throws Exception {
        Graph g = new Graph("mixed");
        g.addInput(ValueInfo.tensor("q", DataType.FLOAT, Shape.of(2, 8, 128, 64)));
        g.addInput(ValueInfo.tensor("k", DataType.FLOAT, Shape.of(2, 8, 64, 128)));
        g.addInput(ValueInfo.tensor("img", DataType.FLOAT, Shape.of(1, 16, 10, 10)));
        g.putInitializer(Tensor.ofFloats("up.w", new long[] {16, 8, 4, 4}, new float[16 * 8 * 16]));
        g.putInitializer(Tensor.ofLongs("shape", new long[] {2}, new long[] {16, -1}));
        g.addNode(new Node("scores", "scores", "MatMul", "", List.of("q", "k"), List.of("s")));
        g.addNode(new Node("softmax", "softmax", "Softmax", "", List.of("s"), List.of("p")));
        g.addNode(new Node("reshape", "reshape", "Reshape", "", List.of("p", "shape"), List.of("r")));
        g.addNode(new Node("transpose", "transpose", "Transpose", "", List.of("r"), List.of("t")));
        Node up = new Node("up", "up", "ConvTranspose", "", List.of("img", "up.w"), List.of("u"));
        up.setAttribute(Attribute.of("strides", 2L, 2L));
        up.setAttribute(Attribute.of("kernel_shape", 4L, 4L));
        up.setAttribute(Attribute.of("pads", 1L, 1L, 1L, 1L));
        g.addNode(up);
        g.addOutput(ValueInfo.tensor("t", DataType.FLOAT, null));
        g.addOutput(ValueInfo.tensor("u", DataType.FLOAT, null));
        WorkGraph w = OnnxWorkMapper.map(g);
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
        GemmWork mm = gemmOf(w, "scores");
        assertEquals(16, mm.count(), "batched MatMul: one GEMM per batch x head");
        assertEquals(new GemmShape(128, 128, 64), mm.gemm());
        assertEquals(2L * 8 * 128 * 128, ((VectorWork) w.node(w.indexOf("softmax")).work()).workElements());
        assertTrue(w.node(w.indexOf("reshape")).work() instanceof FreeWork);
        assertTrue(w.node(w.indexOf("transpose")).work() instanceof MoveWork);
        assertEquals(16L * 16384, w.node(w.indexOf("transpose")).work().outputElements()[0]);
        GemmWork ct = gemmOf(w, "up");
        assertEquals(new GemmShape(100, 8 * 16, 16), ct.gemm());
        assertEquals(8L * 20 * 20, ct.ofmapElements(), "(10-1)*2 + 4 - 2 = 20");

        var npu = TestGraphs.npu("n", 32, 32, Dataflow.OS, SramConfig.separate(1 << 20, 1 << 20, 1 << 20), Precision.INT8, 1);
        SimulationResult r = new Simulator(w, DeviceSet.of(Device.of(npu)), null).simulate(DeviceAssignment.allOn("n"), FusionMode.NONE, FusionPlan.NONE);
        var softmax = r.node("softmax");
        assertEquals((long) Math.ceil(2.0 * 8 * 128 * 128 * 3 / 32), softmax.cycles(), "ceil(elements x op_cycles / lanes)");
        var transpose = r.node("transpose");
        assertEquals(Bound.MEMORY, transpose.bound());
        assertEquals(2.0 * 16 * 16384, transpose.dramBytes(), 0);
        assertTrue(transpose.latencySeconds() >= transpose.dramBytes() / 1e9, "memory-bound ops take at least bytes / bandwidth");
        assertEquals(0, r.node("reshape").latencySeconds(), 0);
        assertEquals(Bound.NONE, r.node("reshape").bound());
    }

    @Test
    void precisionScalesTrafficWithWeightsAndActivationsSeparately() throws Exception {
        Graph g = TestGraphs.vggFront();
        WorkGraph w = OnnxWorkMapper.map(g);
        double[] fm = new double[2];
        double[] wt = new double[2];
        Precision[] ps = {Precision.INT8, Precision.INT4_W8A};
        for (int i = 0; i < 2; i++) {
            var npu = new org.npustudio.npusim.config.NpuConfig("n", 1000, 32, 32, Dataflow.OS, 32, java.util.Map.of(),
                    SramConfig.separate(64 << 20, 64 << 20, 64 << 20), 10e9, 0, List.of(ps[i]), ps[i], java.util.Set.of(), 8e9, 1e-6);
            SimulationResult r = new Simulator(w, DeviceSet.of(Device.of(npu)), null).simulate(DeviceAssignment.allOn("n"), FusionMode.NONE, FusionPlan.NONE);
            fm[i] = r.total().featureMapBytes();
            wt[i] = r.total().readBytes() - r.nodes().stream().mapToDouble(n -> n.readBytes() - n.weightReadBytes()).sum();
        }
        assertEquals(fm[0], fm[1], 0, "activations stay int8");
        assertEquals(wt[0] / 2, wt[1], 0, "int4 weights are half the bytes");
    }
}
