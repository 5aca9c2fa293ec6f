package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.npusim.cli.Probe;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.plan.Precision;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.testdata.CsvOracle;

/** {@code simulate --format csv} keeps node names whole: commas, quotes, colons and line breaks are quoted, never split. */
class CsvReportQuotingTest {
    static final List<String> NAMES = List.of("/layer1/conv1/Conv", "concat,1 \"skip\":0", "multi\nline");

    @Test
    void awkwardNodeNamesReadBackUnchanged() throws Exception {
        TestGraphs.Builder b = new TestGraphs.Builder("awkward", "x", 1, 8, 16, 16);
        String v = b.conv(NAMES.get(0), "x", 8, 8, 3, 1, 1, 1);
        v = b.op(NAMES.get(1), "Relu", v);
        v = b.op(NAMES.get(2), "Sigmoid", v);
        NpuConfig npu = TestGraphs.npu("npu", 16, 16, Dataflow.WS, SramConfig.separate(1 << 20, 1 << 20, 1 << 20), Precision.INT8, 10);
        SimulationResult r = new Simulator(OnnxWorkMapper.map(b.output(v, 1, 8, 16, 16)), DeviceSet.of(Device.of(npu)), null)
                .simulate(DeviceAssignment.allOn("npu"), FusionMode.NONE, FusionPlan.NONE);

        String csv = Probe.csv(r);
        CsvOracle.Table nodes = CsvOracle.read(csv);
        assertEquals(NAMES, nodes.column("node"));
        assertEquals(List.of("Conv", "Relu", "Sigmoid"), nodes.column("op"));
        assertTrue(csv.contains("\n\"concat,1 \"\"skip\"\":0\",Relu,npu,"), "RFC 4180 quoting, quotes doubled: " + csv);
        assertTrue(CsvOracle.read(Probe.scheduleCsv(r)).column("name").containsAll(NAMES), Probe.scheduleCsv(r));
    }
}
