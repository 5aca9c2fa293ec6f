package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.npustudio.npusim.config.CpuConfig;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.cost.SramTooSmallException;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.scalesim.TopologyLayer;
import org.npustudio.npusim.scalesim.TopologyWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.sim.Totals;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.plan.Precision;

/** Many random valid devices and layers: every number finite and non-negative, every time ordered. */
class PropertyTest {
    private static final Dataflow[] FLOWS = Dataflow.values();
    private static final Precision[] PRECISIONS = Precision.values();

    static void assertSane(NodeResult n) {
        double[] v = {n.cycles(), n.latencySeconds(), n.macs(), n.readBytes(), n.writeBytes(), n.weightReadBytes(), n.featureMapBytes(),
                n.unfusedReadBytes(), n.unfusedWriteBytes(), n.sramPeakBytes(), n.utilisation(), n.startSeconds(), n.endSeconds()};
        for (double x : v) assertTrue(Double.isFinite(x) && x >= 0, "bad number in " + n);
        assertTrue(n.utilisation() <= 1 && n.endSeconds() >= n.startSeconds() && n.readBytes() <= n.unfusedReadBytes(), n.toString());
    }

    static void assertSane(SimulationResult r) {
        for (NodeResult n : r.nodes()) assertSane(n);
        List<Totals> totals = new ArrayList<>(r.perDevice().values());
        totals.add(r.total());
        for (Totals t : totals) {
            double[] v = {t.busySeconds(), t.makespanSeconds(), t.readBytes(), t.writeBytes(), t.featureMapBytes(), t.sramPeakBytes()};
            for (double x : v) assertTrue(Double.isFinite(x) && x >= 0, "bad total " + t);
        }
        for (ScheduleEntry e : r.schedule()) assertTrue(Double.isFinite(e.endSeconds()) && e.endSeconds() >= e.startSeconds() && e.startSeconds() >= 0, e.toString());
    }

    private static NpuConfig randomNpu(Random rnd, int i) {
        int rows = 1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 300);
        int cols = 1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 300);
        SramConfig sram = rnd.nextBoolean()
                ? SramConfig.separate(kib(rnd), kib(rnd), kib(rnd))
                : SramConfig.unified(kib(rnd), kib(rnd));
        Precision p = PRECISIONS[rnd.nextInt(PRECISIONS.length)];
        return new NpuConfig("npu" + i, 50 + rnd.nextInt(2000), rows, cols, FLOWS[rnd.nextInt(3)], 1 + rnd.nextInt(128), Map.of("Relu", 0.5), sram,
                (0.1 + rnd.nextDouble() * 100) * 1e9, rnd.nextDouble() * 1e-6, List.of(p), p, java.util.Set.of(), 1e9 + rnd.nextDouble() * 3e10, rnd.nextDouble() * 1e-5);
    }

    private static long kib(Random rnd) { return 1024L * (1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 8192)); }

    @Test
    void randomTopologiesOnRandomArrays() throws Exception {
        Random rnd = new Random(42);
        int simulated = 0;
        int tooSmall = 0;
        for (int i = 0; i < 300; i++) {
            NpuConfig npu = randomNpu(rnd, i);
            List<TopologyLayer> layers = new ArrayList<>();
            for (int l = 0; l < 4; l++) {
                if (rnd.nextInt(4) == 0) {
                    layers.add(TopologyLayer.gemm("g" + l, 1 + rnd.nextInt(2000), 1 + rnd.nextInt(2000), 1 + rnd.nextInt(4000)));
                } else {
                    int h = 1 + rnd.nextInt(230);
                    int f = 1 + rnd.nextInt(Math.min(h, 7));
                    layers.add(TopologyLayer.conv("c" + l, h, h, f, f, 1 + rnd.nextInt(512), 1 + rnd.nextInt(512), 1 + rnd.nextInt(3)));
                }
            }
            WorkGraph g = TopologyWorkMapper.map("t" + i, layers);
            try {
                SimulationResult r = new Simulator(g, DeviceSet.of(Device.of(npu)), null)
                        .simulate(DeviceAssignment.allOn(npu.name()), FusionMode.values()[rnd.nextInt(2) * 2], FusionPlan.NONE);
                assertSane(r);
                simulated++;
            } catch (SramTooSmallException e) {
                assertTrue(e.getMessage().matches("npu\\d+: sram\\.(ifmap|filter|ofmap|activation|weight): the .*"), e.getMessage());
                tooSmall++;
            }
        }
        assertTrue(simulated > 200, simulated + " simulated, " + tooSmall + " rejected as too small");
    }

    @Test
    void randomConvChainsOnNpuAndCpu() throws Exception {
        Random rnd = new Random(7);
        CpuConfig cpu = new CpuConfig("cpu", 1e11, 2e10, Map.of("default", 0.2));
        for (int i = 0; i < 100; i++) {
            long ch = 1 + rnd.nextInt(32);
            long hw = 8 + rnd.nextInt(64);
            TestGraphs.Builder b = new TestGraphs.Builder("chain" + i, "x", 1, ch, hw, hw);
            String x = "x";
            for (int l = 0; l < 5; l++) {
                long group = rnd.nextBoolean() ? 1 : ch;
                long out = group == 1 ? 1 + rnd.nextInt(64) : ch;
                long k = 1 + rnd.nextInt(5);
                x = b.conv("conv" + l, x, ch, out, k, 1 + rnd.nextInt(2), rnd.nextInt((int) k), group);
                x = b.op("act" + l, rnd.nextBoolean() ? "Relu" : "Sigmoid", x);
                ch = out;
            }
            b.g.addOutput(org.npustudio.ir.ValueInfo.tensor(x, org.npustudio.ir.DataType.FLOAT, null));
            WorkGraph g = OnnxWorkMapper.map(b.g);
            NpuConfig npu = randomNpu(rnd, i);
            DeviceAssignment a = DeviceAssignment.allOn(npu.name());
            for (int n = 0; n < g.size(); n++) if (rnd.nextInt(4) == 0) a = a.with(g.node(n).id(), "cpu");
            try {
                assertSane(new Simulator(g, DeviceSet.of(Device.of(npu), Device.of(cpu)), null).simulate(a, FusionMode.AUTO, FusionPlan.NONE));
            } catch (SramTooSmallException e) {
                assertTrue(e.getMessage().contains("sram."), e.getMessage());
            }
        }
    }
}
