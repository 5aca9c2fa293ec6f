package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.plan.Precision;

/**
 * The published layer-fusion result: fusing VGGNet-E's first five conv layers (with their pools)
 * leaves only the group input and output as off-chip feature-map traffic.
 */
class VggFusionTest {
    private static final long MIB = 1 << 20;
    private static final NpuConfig NPU = TestGraphs.npu("fusion-npu", 32, 32, Dataflow.OS,
            SramConfig.separate(MIB, 4 * MIB, MIB), Precision.FP32, 25.6);

    private static Simulator simulator(Graph g, NpuConfig npu) {
        return new Simulator(OnnxWorkMapper.map(g), DeviceSet.of(Device.of(npu)), null);
    }

    @Test
    void fusedGroupMovesOnlyItsInputAndOutputOffChip() throws Exception {
        Graph g = TestGraphs.vggFront();
        List<String> all = g.nodes().stream().map(Node::id).toList();
        Simulator sim = simulator(g, NPU);
        SimulationResult fused = sim.simulate(DeviceAssignment.allOn(NPU.name()), FusionMode.PLAN, new FusionPlan(List.of(all)));
        long groupIn = 224L * 224 * 3;
        long groupOut = 56L * 56 * 256;
        double expected = (groupIn + groupOut) * 4.0;
        assertEquals(expected, fused.total().featureMapBytes(), 0, fused.warnings().toString());
        assertEquals(3.64, Math.round(fused.total().featureMapBytes() / MIB * 100) / 100.0, 0);
        assertTrue(fused.groups().get(0).fused());
        assertEquals(11, fused.groups().get(0).internal().size(), "every intermediate stays on chip");

        // Without fusion every intermediate map is written once and read back once.
        long intermediates = 4 * 224L * 224 * 64 + 112L * 112 * 64 + 4 * 112L * 112 * 128 + 56L * 56 * 128 + 56L * 56 * 256;
        SimulationResult unfused = sim.simulate(DeviceAssignment.allOn(NPU.name()), FusionMode.NONE, FusionPlan.NONE);
        assertEquals(expected + 2 * intermediates * 4.0, unfused.total().featureMapBytes(), 0);
        assertEquals(unfused.total().featureMapBytes(), fused.total().unfusedFeatureMapBytes(), 0, "reported with and without fusion");
        assertEquals(unfused.total().readBytes() - fused.total().readBytes(), intermediates * 4.0, 0);
        assertTrue(fused.total().makespanSeconds() < unfused.total().makespanSeconds());
        System.out.printf("[vgg fusion] off-chip feature maps: %.2f MiB fused vs %.2f MiB unfused%n",
                fused.total().featureMapBytes() / MIB, unfused.total().featureMapBytes() / MIB);
    }

    @Test
    void autoGrouperFindsTheSameTrafficAsTheHandMadeGroup() throws Exception {
        SimulationResult auto = simulator(TestGraphs.vggFront(), NPU).simulate(DeviceAssignment.allOn(NPU.name()), FusionMode.AUTO, FusionPlan.NONE);
        assertEquals((224L * 224 * 3 + 56L * 56 * 256) * 4.0, auto.total().featureMapBytes(), 0, auto.groups().toString());
    }

    @Test
    void groupThatDoesNotFitStaysUnfusedWithAWarning() throws Exception {
        NpuConfig small = TestGraphs.npu("small", 32, 32, Dataflow.OS, SramConfig.separate(256 * 1024, 4 * MIB, 256 * 1024), Precision.FP32, 25.6);
        Graph g = TestGraphs.vggFront();
        List<String> all = g.nodes().stream().map(Node::id).toList();
        Simulator sim = simulator(g, small);
        SimulationResult r = sim.simulate(DeviceAssignment.allOn("small"), FusionMode.PLAN, new FusionPlan(List.of(all)));
        assertFalse(r.groups().get(0).fused());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("fusion group 0") && w.contains("left unfused")), r.warnings().toString());
        assertEquals(r.total().unfusedFeatureMapBytes(), r.total().featureMapBytes(), 0);
        // The auto grouper still fuses what fits (short runs), so it never does worse than no fusion.
        SimulationResult auto = sim.simulate(DeviceAssignment.allOn("small"), FusionMode.AUTO, FusionPlan.NONE);
        assertTrue(auto.total().dramBytes() < r.total().dramBytes());
    }
}
