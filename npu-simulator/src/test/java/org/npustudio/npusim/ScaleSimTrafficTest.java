package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.scalesim.ConfigReader;
import org.npustudio.npusim.scalesim.TopologyReader;
import org.npustudio.npusim.scalesim.TopologyWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.testdata.CsvOracle;

/** The tiling traffic model against SCALE-Sim's DETAILED_ACCESS_REPORT.csv (ResNet-18, 256x256, 6/6/2 MiB). */
class ScaleSimTrafficTest {

    @ParameterizedTest
    @CsvSource({"google_os.cfg, out_os", "google.cfg, out_ws"})
    void dramAndSramCountsMatchScaleSimOnEveryLayer(String cfg, String out) throws Exception {
        Path ref = ScaleSimReferenceTest.reference();
        NpuConfig npu = DeviceConfigReader.fromScaleSim(ConfigReader.read(ref.resolve(cfg)));
        var graph = TopologyWorkMapper.map("Resnet18", TopologyReader.read(ref.resolve("Resnet18.csv")));
        SimulationResult r = new Simulator(graph, DeviceSet.of(Device.of(npu)), null)
                .simulate(DeviceAssignment.allOn(npu.name()), FusionMode.NONE, FusionPlan.NONE);
        CsvOracle.Table report = CsvOracle.scaleSim(ref.resolve(out).resolve("DETAILED_ACCESS_REPORT.csv"));
        assertEquals(r.nodes().size(), report.rows().size());
        for (int i = 0; i < r.nodes().size(); i++) {
            NodeResult n = r.nodes().get(i);
            String layer = n.id();
            assertEquals(col(report, i, "DRAM IFMAP Reads"), n.readBytes() - n.weightReadBytes(), 0, layer + " DRAM IFMAP Reads");
            assertEquals(col(report, i, "DRAM Filter Reads"), n.weightReadBytes(), 0, layer + " DRAM Filter Reads");
            assertEquals(col(report, i, "DRAM OFMAP Writes"), n.writeBytes(), 0, layer + " DRAM OFMAP Writes");
            assertEquals(col(report, i, "SRAM IFMAP Reads"), n.sram().ifmapReads(), 0, layer + " SRAM IFMAP Reads");
            assertEquals(col(report, i, "SRAM Filter Reads"), n.sram().filterReads(), 0, layer + " SRAM Filter Reads");
            if (npu.dataflow() == Dataflow.WS) {
                assertEquals(col(report, i, "SRAM OFMAP Writes"), n.sram().ofmapWrites(), 0, layer + " SRAM OFMAP Writes");
            }
        }
        System.out.println("[scalesim " + npu.dataflow() + "] DRAM ifmap/filter/ofmap and SRAM reads match on all " + r.nodes().size() + " layers");
    }

    static double col(CsvOracle.Table report, int row, String name) {
        return Double.parseDouble(report.get(row, name));
    }
}
