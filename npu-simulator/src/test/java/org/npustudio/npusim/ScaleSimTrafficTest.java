package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String> report = Files.readAllLines(ref.resolve(out).resolve("DETAILED_ACCESS_REPORT.csv"));
        List<String> header = cells(report.get(0));
        assertEquals(r.nodes().size(), report.size() - 1);
        for (int i = 0; i < r.nodes().size(); i++) {
            List<String> row = cells(report.get(i + 1));
            NodeResult n = r.nodes().get(i);
            String layer = n.id();
            assertEquals(col(header, row, "DRAM IFMAP Reads"), n.readBytes() - n.weightReadBytes(), 0, layer + " DRAM IFMAP Reads");
            assertEquals(col(header, row, "DRAM Filter Reads"), n.weightReadBytes(), 0, layer + " DRAM Filter Reads");
            assertEquals(col(header, row, "DRAM OFMAP Writes"), n.writeBytes(), 0, layer + " DRAM OFMAP Writes");
            assertEquals(col(header, row, "SRAM IFMAP Reads"), n.sram().ifmapReads(), 0, layer + " SRAM IFMAP Reads");
            assertEquals(col(header, row, "SRAM Filter Reads"), n.sram().filterReads(), 0, layer + " SRAM Filter Reads");
            if (npu.dataflow() == Dataflow.WS) {
                assertEquals(col(header, row, "SRAM OFMAP Writes"), n.sram().ofmapWrites(), 0, layer + " SRAM OFMAP Writes");
            }
        }
        System.out.println("[scalesim " + npu.dataflow() + "] DRAM ifmap/filter/ofmap and SRAM reads match on all " + r.nodes().size() + " layers");
    }

    static List<String> cells(String line) {
        List<String> c = new ArrayList<>();
        for (String s : line.split(",")) if (!s.isBlank()) c.add(s.trim());
        return c;
    }

    static double col(List<String> header, List<String> row, String name) {
        return Double.parseDouble(row.get(header.indexOf(name)));
    }
}
