package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Tensor;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.passes.Pipeline;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.Precision;
import org.npustudio.shape.ShapeInference;

/** Costing the graph the default pipeline compiles to, told on the opened graph's nodes (docs/npu-simulator.md, "As compiled"). */
class AsCompiledSimulationTest {
    private static final NpuConfig NPU = TestGraphs.npu("npu", 16, 16, Dataflow.WS, SramConfig.separate(256 << 10, 256 << 10, 64 << 10), Precision.INT8, 10);

    /** Two Conv + BatchNormalization + Relu blocks with an Identity between them, 1x8x32x32. */
    static Model convBnRelu() {
        TestGraphs.Builder b = new TestGraphs.Builder("cbr", "x", 1, 8, 32, 32);
        String y = block(b, "1", "x");
        y = b.op("id", "Identity", y);
        y = block(b, "2", y);
        Model m = new Model(b.output(y, 1, 8, 32, 32));
        m.opsetImports().add(new OpsetId("", 17));
        ShapeInference.infer(m);
        return m;
    }

    private static String block(TestGraphs.Builder b, String k, String x) {
        String c = b.conv("conv" + k, x, 8, 8, 3, 1, 1, 1);
        List<String> in = new ArrayList<>(List.of(c));
        for (String p : List.of("gamma", "beta", "mean", "var")) {
            String name = "bn" + k + "." + p;
            float[] v = new float[8];
            java.util.Arrays.fill(v, p.equals("var") || p.equals("gamma") ? 1f : 0.1f);
            b.g.putInitializer(Tensor.ofFloats(name, new long[] {8}, v));
            in.add(name);
        }
        Node bn = b.node("bn" + k, "BatchNormalization", in);
        bn.setAttribute(Attribute.of("epsilon", 1e-5f));
        return b.op("relu" + k, "Relu", bn.output(0));
    }

    private static SimulationResult compiled(Model m, Plan plan) throws Exception {
        return SimulationService.simulateCompiled(m, "cbr", Pipeline.defaultPipeline(), Device.of(NPU), plan, null, null, "plan", List.of(), java.util.Map.of());
    }

    @Test
    void asCompiledFoldsBatchNormAndFusesReluIntoTheConvWithFewerDramBytes() throws Exception {
        Model m = convBnRelu();
        SimulationResult written = SimulationService.simulate(m.graph(), NPU, null, null, SimulationService.Options.DEFAULT);
        SimulationResult r = compiled(m, null);
        assertTrue(r.total().dramBytes() < written.total().dramBytes(),
                "as compiled " + r.total().dramBytes() + " B vs as written " + written.total().dramBytes() + " B");
        assertTrue(r.total().makespanSeconds() < written.total().makespanSeconds());
        assertEquals(written.total().macs(), r.total().macs(), "folding and fusing change no multiply-accumulate");
        NodeResult conv = r.node("conv1");
        assertEquals("Conv + folded BatchNormalization 'bn1' + fused Relu 'relu1' (runs as FusedConv)", conv.compiled());
        assertTrue(conv.latencySeconds() > 0);
        for (String absorbed : List.of("bn1", "relu1")) {
            NodeResult n = r.node(absorbed);
            assertEquals(0, n.dramBytes());
            assertEquals(0, n.latencySeconds());
            assertEquals(conv.device(), n.device());
        }
        assertEquals("folded into 'conv1' (fold-batchnorm)", r.node("bn1").compiled());
        assertEquals("fused into 'conv1' (fuse-activation)", r.node("relu1").compiled());
    }

    @Test
    void everyOpenedNodeHasARowWithItsCostOrWhereItWent() throws Exception {
        Model m = convBnRelu();
        SimulationResult r = compiled(m, null);
        assertEquals(m.graph().topologicalOrder().stream().map(Node::id).toList(), r.nodes().stream().map(NodeResult::id).toList());
        for (NodeResult n : r.nodes()) {
            assertTrue(n.compiled() != null && !n.compiled().isEmpty(), n.id());
            boolean elsewhere = n.compiled().contains(" into '") || n.compiled().startsWith("removed by ");
            assertTrue(elsewhere ? n.latencySeconds() == 0 && n.dramBytes() == 0 : n.latencySeconds() > 0, n.id() + ": " + n.compiled());
        }
        assertEquals("removed by remove-identities", r.node("id").compiled());
        assertEquals(m.graph().nodes().get(0).opType(), r.nodes().get(0).opType(), "rows keep the opened graph's op types");
    }

    @Test
    void aPlanKeepsEachNodeOnItsDeviceAndNothingFusesAcrossDevices() throws Exception {
        Model m = convBnRelu();
        // bn1 on the host: it may not fold into conv1 (NPU), nor may relu1 (NPU) fuse with it.
        Plan plan = Plan.empty(null, List.of(org.npustudio.plan.Device.of("npu", DeviceKind.NPU, 0),
                org.npustudio.plan.Device.of("host", DeviceKind.CPU, 0)), "npu")
                .withPartitions(List.of(Partition.of("p-host", "host", List.of(NodeRef.named("bn1")))));
        SimulationResult r = compiled(m, plan);
        assertEquals("host", r.node("bn1").device());
        assertEquals("unchanged", r.node("bn1").compiled());
        assertTrue(r.node("bn1").latencySeconds() > 0);
        assertEquals("npu", r.node("conv1").device());
        assertNotEquals(0.0, r.node("relu1").latencySeconds(), "relu1 reads bn1's output across the boundary: not fused");
        assertEquals("npu", r.node("relu1").device());
        assertEquals("Conv + folded BatchNormalization 'bn2' + fused Relu 'relu2' (runs as FusedConv)", r.node("conv2").compiled(),
                "the block wholly on the NPU still compiles");
        for (NodeResult n : r.nodes()) if (!n.id().equals("bn1")) assertEquals("npu", n.device(), n.id());
        assertTrue(m.graph().nodes().stream().noneMatch(n -> n.domain().startsWith("org.npustudio")), "the opened model is not touched");
    }

    @Test
    void anActivationTheNpuCannotRunIsNotFusedSoTheConvStaysOnTheNpu() throws Exception {
        NpuConfig noRelu = new NpuConfig("npu", 1000, 16, 16, Dataflow.WS, 16, java.util.Map.of(), SramConfig.separate(256 << 10, 256 << 10, 64 << 10), 10e9, 100e-9,
                List.of(Precision.INT8), Precision.INT8, java.util.Set.of("Conv", "BatchNormalization", "Identity"), 8e9, 10e-6);
        SimulationResult r = SimulationService.simulateCompiled(convBnRelu(), "cbr", Pipeline.defaultPipeline(), Device.of(noRelu), null, null, null,
                "plan", List.of(), java.util.Map.of());
        assertEquals("npu", r.node("conv1").device());
        assertEquals("Conv + folded BatchNormalization 'bn1'", r.node("conv1").compiled());
        assertEquals("unchanged", r.node("relu1").compiled());
        assertNotEquals("npu", r.node("relu1").device());
    }
}
