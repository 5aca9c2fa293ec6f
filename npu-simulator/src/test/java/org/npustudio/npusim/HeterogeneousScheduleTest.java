package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Graph;
import org.npustudio.npusim.config.CpuConfig;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.plan.Precision;

class HeterogeneousScheduleTest {
    static final NpuConfig NPU = TestGraphs.npu("npu", 16, 16, Dataflow.WS, SramConfig.unified(1 << 20, 1 << 20), Precision.INT8, 10);
    static final CpuConfig CPU = new CpuConfig("cpu", 100e9, 20e9, Map.of("default", 0.5));

    /** Two independent conv branches joined by an Add, then an op the NPU cost model does not know. */
    static Graph twoBranches() {
        TestGraphs.Builder b = new TestGraphs.Builder("branches", "x", 1, 16, 32, 32);
        String a = b.conv("convA", "x", 16, 32, 3, 1, 1, 1);
        String c = b.conv("convB", "x", 16, 32, 3, 1, 1, 1);
        String s = b.op("add", "Add", a, c);
        String h = b.op("hardmax", "Hardmax", s);
        String e = b.op("bitwise", "BitwiseNot", h);
        return b.output(e, 1, 32, 32, 32);
    }

    @Test
    void partitionsOverlapAndCrossingTensorsPayTheHostLink() throws Exception {
        WorkGraph wg = OnnxWorkMapper.map(twoBranches());
        Simulator sim = new Simulator(wg, DeviceSet.of(Device.of(NPU), Device.of(CPU)), null);
        SimulationResult r = sim.simulate(DeviceAssignment.allOn("npu").with("convB", "cpu"), FusionMode.NONE, FusionPlan.NONE);
        NodeResult a = r.node("convA");
        NodeResult b = r.node("convB");
        assertEquals("cpu", b.device());
        assertTrue(b.startSeconds() < a.endSeconds() && a.startSeconds() < b.endSeconds(), "independent branches overlap: " + a + " / " + b);
        ScheduleEntry t = r.schedule().stream().filter(e -> e.kind() == ScheduleEntry.Kind.TRANSFER).findFirst().orElseThrow();
        assertEquals(ScheduleEntry.HOST_LINK, t.lane());
        assertEquals("cpu", t.from());
        assertEquals("npu", t.to());
        double bytes = 32 * 32 * 32 * 4; // convB's fp32 output crosses to the NPU
        assertEquals(bytes, t.bytes(), 0);
        assertEquals(NPU.hostLinkLatencySeconds() + bytes / NPU.hostLinkBytesPerSecond(), t.durationSeconds(), 1e-15);
        assertTrue(t.startSeconds() >= b.endSeconds());
        assertTrue(r.node("add").startSeconds() >= t.endSeconds());
        // BitwiseNot has no cost rule: it falls back to the CPU with a warning naming it.
        assertEquals("cpu", r.node("bitwise").device());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("'bitwise'") && w.contains("falls back to CPU 'cpu'")), r.warnings().toString());
        // every op starts after its producers end (and after its device's previous op)
        for (ScheduleEntry e : r.schedule()) assertTrue(e.endSeconds() >= e.startSeconds() && e.startSeconds() >= 0);
        assertEquals(r.total().makespanSeconds(), r.nodes().stream().mapToDouble(NodeResult::endSeconds).max().orElseThrow(), 0);
        assertTrue(r.perDevice().get("cpu").nodes() == 2 && r.perDevice().get("npu").nodes() == 3);
    }

    @Test
    void unsupportedOpsListedByTheNpuFallBackToAGenericHostWhenNoCpuIsDescribed() throws Exception {
        NpuConfig limited = new NpuConfig("edge", 1000, 16, 16, Dataflow.OS, 16, Map.of(), SramConfig.unified(1 << 20, 1 << 20), 10e9, 0,
                java.util.List.of(Precision.INT8), Precision.INT8, java.util.Set.of("Conv", "Add"), 8e9, 1e-6);
        SimulationResult r = new Simulator(OnnxWorkMapper.map(twoBranches()), DeviceSet.of(Device.of(limited)), null)
                .simulate(DeviceAssignment.allOn("edge"), FusionMode.NONE, FusionPlan.NONE);
        assertEquals("host-cpu", r.node("hardmax").device());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("'hardmax'") && w.contains("not among its supported_ops")
                && w.contains("generic host model")), r.warnings().toString());
    }
}
