package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Graph;
import org.npustudio.npusim.config.CpuConfig;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.cost.SramCounts;
import org.npustudio.npusim.energy.Energy;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.plan.Precision;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;

/** Energy and area (docs/energy-area.md): one layer by hand, orderings the published tables imply, bad input. */
class EnergyAreaTest {
    private static SimulationResult run(Graph g, Device... devices) throws Exception {
        return new Simulator(OnnxWorkMapper.map(g), DeviceSet.of(devices), null)
                .simulate(DeviceAssignment.allOn(devices[0].name()), FusionMode.NONE, FusionPlan.NONE);
    }

    /** LeNet-5's first layer: 1x1x32x32 -> six 5x5 filters -> 1x6x28x28. */
    private static Graph lenetConv1() {
        TestGraphs.Builder b = new TestGraphs.Builder("lenet-conv1", "image", 1, 1, 32, 32);
        return b.output(b.conv("conv1", "image", 1, 6, 5, 1, 0, 1), 1, 6, 28, 28);
    }

    @Test
    void lenetConv1OnTheTeachingArrayByHand() throws Exception {
        NpuConfig teaching = new DeviceConfigReader().read(DeviceConfigReaderTest.presets().resolve("teaching-32x32.yaml")).npu();
        NodeResult n = run(lenetConv1(), Device.of(teaching)).node("conv1");
        // GEMM M = 28*28 = 784 output pixels, K = 5*5*1 = 25, N = 6 filters; OS on 32x32: 25 row folds, 1 column fold.
        long macs = 784L * 25 * 6;
        assertEquals(117_600, n.macs());
        assertEquals(new SramCounts(784 * 25, 25 * 6 * 25, 784 * 6), n.sram(), "SCALE-Sim's OS access counts");
        double ifmapDram = 32 * 32, weightDram = 6 * 25, ofmapDram = 6 * 28 * 28;
        assertEquals(ifmapDram + weightDram, n.readBytes());
        assertEquals(ofmapDram, n.writeBytes());
        double mac = 0.2 + 0.03, rf = mac, hop = 2 * mac, sram = 6 * mac, dram = 200 * mac; // int8, 1 byte per value
        double compute = macs * mac;
        double register = macs * (3 * rf + 2 * hop);
        double onChip = sram * (784 * 25 + 25 * 6 * 25 + 784 * 6 + ifmapDram + weightDram + ofmapDram);
        double offChip = dram * (ifmapDram + weightDram + ofmapDram);
        double leakage = n.latencySeconds() * 500e6 * (0.1 * 32 * 32 * mac); // 500 MHz; static = 10 % of the array's peak MAC power
        Energy e = n.energy();
        assertEquals(27_048, compute, 1e-6);
        assertEquals(compute, e.computePj(), 1e-6);
        assertEquals(register, e.registerPj(), 1e-6);
        assertEquals(onChip, e.sramPj(), 1e-6);
        assertEquals(offChip, e.dramPj(), 1e-6);
        assertEquals(leakage, e.leakagePj(), 1e-6);
        assertEquals(compute + register + onChip + offChip + leakage, n.energyPj(), 1e-6);
    }

    @Test
    void modelTotalIsTheSumOfItsNodesAndAreaIsTheNpus() throws Exception {
        NpuConfig npu = TestGraphs.npu("npu", 32, 32, Dataflow.WS, SramConfig.separate(256 << 10, 256 << 10, 128 << 10), Precision.INT8, 8);
        SimulationResult r = run(TestGraphs.vggFront(), Device.of(npu));
        double sum = r.nodes().stream().mapToDouble(NodeResult::energyPj).sum();
        assertTrue(sum > 0);
        assertEquals(sum, r.total().energyPj(), sum * 1e-12);
        assertEquals(npu.areaEstimate().totalMm2(), r.total().areaMm2(), 1e-12);
        assertEquals(r.total().energyPj(), r.perDevice().get("npu").energyPj(), sum * 1e-12);
    }

    @Test
    void int8CostsLessPerMacThanFp16() throws Exception {
        SramConfig s = SramConfig.separate(256 << 10, 256 << 10, 128 << 10);
        Energy int8 = run(lenetConv1(), Device.of(TestGraphs.npu("n", 32, 32, Dataflow.OS, s, Precision.INT8, 8))).node("conv1").energy();
        Energy fp16 = run(lenetConv1(), Device.of(TestGraphs.npu("n", 32, 32, Dataflow.OS, s, Precision.FP16, 8))).node("conv1").energy();
        assertTrue(int8.computePj() < fp16.computePj(), int8 + " vs " + fp16);
        assertTrue(int8.totalPj() < fp16.totalPj(), int8 + " vs " + fp16);
        assertTrue(int8.dramPj() * 2 == fp16.dramPj(), "fp16 moves twice the bytes");
    }

    @Test
    void aFullyConnectedLayerSpendsMostOfItsEnergyOnDram() throws Exception {
        // 1x1 conv on a 1x1 map = a 1024x1024 fully connected layer: every weight byte is used once.
        TestGraphs.Builder b = new TestGraphs.Builder("fc", "x", 1, 1024, 1, 1);
        Graph g = b.output(b.conv("fc", "x", 1024, 1024, 1, 1, 0, 1), 1, 1024, 1, 1);
        NpuConfig npu = TestGraphs.npu("npu", 32, 32, Dataflow.WS, SramConfig.separate(256 << 10, 2048 << 10, 128 << 10), Precision.INT8, 8);
        Energy e = run(g, Device.of(npu)).node("fc").energy();
        assertTrue(e.dramPj() > 0.5 * e.totalPj(), "DRAM share " + e.dramPj() / e.totalPj());
        assertTrue(e.dramPj() > e.computePj() + e.registerPj() + e.sramPj());
    }

    @Test
    void areaGrowsWithTheArrayAndTheBuffers() {
        SramConfig small = SramConfig.separate(64 << 10, 64 << 10, 64 << 10), big = SramConfig.separate(512 << 10, 512 << 10, 512 << 10);
        double a32 = TestGraphs.npu("a", 32, 32, Dataflow.OS, small, Precision.INT8, 8).areaEstimate().totalMm2();
        double a64 = TestGraphs.npu("a", 64, 64, Dataflow.OS, small, Precision.INT8, 8).areaEstimate().totalMm2();
        double a32big = TestGraphs.npu("a", 32, 32, Dataflow.OS, big, Precision.INT8, 8).areaEstimate().totalMm2();
        double fp16 = TestGraphs.npu("a", 32, 32, Dataflow.OS, small, Precision.FP16, 8).areaEstimate().totalMm2();
        assertTrue(a32 < a64 && a32 < a32big && a32 < fp16, a32 + " " + a64 + " " + a32big + " " + fp16);
        // 32x32 int8 PEs (318 µm² each) + 32 vector lanes alike + 192 KiB of SRAM.
        assertEquals((1024 + 32) * 318e-6 + 192 * 0.346e-6 * 8192 / 0.5, a32, 1e-9);
    }

    @Test
    void aCpuNodeCostsItsPowerTimesItsTime() throws Exception {
        CpuConfig cpu = new CpuConfig("cpu", 100e9, 20e9, Map.of("default", 0.5), 0, 40); // no per-op overhead, 40 W
        NodeResult n = run(lenetConv1(), Device.of(cpu)).node("conv1");
        assertEquals(40 * n.latencySeconds() * 1e12, n.energyPj(), 1e-6);
        assertEquals(0, run(lenetConv1(), Device.of(cpu)).total().areaMm2());
    }

    @Test
    void theFileOverridesDefaultsAndRejectsBadValuesAtTheirLine() throws Exception {
        String base = "name: x\nclock_mhz: 1000\narray: {rows: 8, cols: 8, dataflow: ws}\nsram: {ifmap_kb: 1, filter_kb: 1, ofmap_kb: 1}\n"
                + "dram: {bandwidth_gbps: 1}\nprecisions: [int8, fp16]\n";
        NpuConfig c = new DeviceConfigReader().read(SafeYaml.parse(base + "energy:\n  mac_pj: {int8: 0.5}\n  sram_pj_per_byte: {ifmap: {read: 2}, ofmap: 3}\n"
                + "  leakage_pj_per_cycle: 7\narea: {pe_um2: {fp16: 1000}}\n", "n.yaml")).npu();
        assertEquals(0.5, c.energy().mac(Precision.INT8));
        assertEquals(1.1 + 0.4, c.energy().mac(Precision.FP16), 1e-12, "the rest keep their defaults");
        assertEquals(2, c.energy().ifmap().readPjPerByte());
        assertEquals(6 * 0.23, c.energy().ifmap().writePjPerByte(), 1e-12);
        assertEquals(3, c.energy().ofmap().writePjPerByte());
        assertEquals(7, c.leakagePjPerCycle());
        assertEquals(64 * 1000e-6, c.areaEstimate().arrayMm2(), 1e-12, "the widest precision's PE");
        for (String[] bad : List.of(new String[] {"energy: {dram_pj_per_byte: -3}\n", "line 7", "energy.dram_pj_per_byte", "negative"},
                new String[] {"energy:\n  mac_pj: {int3: 0.1}\n", "line 8", "int3", "unknown precision"},
                new String[] {"area:\n  pe_um2: {int8: -1}\n", "line 8", "area.pe_um2.int8", "negative"},
                new String[] {"energy:\n  sram_pj_per_byte: {weight: 1}\n", "line 8", "weight", "unknown buffer"})) {
            YamlException e = assertThrows(YamlException.class, () -> new DeviceConfigReader().read(SafeYaml.parse(base + bad[0], "n.yaml")));
            assertTrue(e.getMessage().startsWith("n.yaml: " + bad[1]) && e.getMessage().contains(bad[2]) && e.getMessage().contains(bad[3])
                    && !e.getMessage().contains("\n"), e.getMessage());
        }
        assertThrows(YamlException.class, () -> new DeviceConfigReader().read(SafeYaml.parse(
                "kind: cpu\nname: c\npeak_gflops: 1\nmemory_gbps: 1\npower_w: -5\n", "c.yaml")));
    }

    @Test
    void presetsReadWithDefaultTables() throws Exception {
        NpuConfig tpu = new DeviceConfigReader().read(DeviceConfigReaderTest.presets().resolve("tpu-v1-like.yaml")).npu();
        assertTrue(tpu.areaEstimate().totalMm2() > new DeviceConfigReader().read(DeviceConfigReaderTest.presets().resolve("teaching-32x32.yaml"))
                .npu().areaEstimate().totalMm2());
    }
}
