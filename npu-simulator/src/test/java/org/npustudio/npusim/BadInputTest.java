package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.cli.OutputFormat;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.cost.SramTooSmallException;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.plan.Precision;

/** Bad inputs give a message naming file, line and field (or node and buffer), or a warning; never a crash. */
class BadInputTest {
    private static final String NPU_YAML = "name: t\nclock_mhz: 1000\narray: {rows: 256, cols: 256, dataflow: ws}\n"
            + "sram: {ifmap_kb: 1024, filter_kb: 1024, ofmap_kb: 1024}\ndram: {bandwidth_gbps: 10}\n";
    private static final String TOPOLOGY = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
            + "c1,56,56,3,3,64,64,1,\n";

    private static String[] run(Path model, Path npu, Path plan) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = SimulateCommandCore.run(new SimulateOptions(model, npu, plan, null, OutputFormat.TABLE, null),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void sramTooSmallForOneTileNamesDeviceAndBuffer(@TempDir Path dir) throws Exception {
        Path npu = Files.writeString(dir.resolve("npu.yaml"), NPU_YAML.replace("filter_kb: 1024", "filter_kb: 64"));
        Path topo = Files.writeString(dir.resolve("t.csv"), TOPOLOGY);
        String[] r = run(topo, npu, null);
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("t: sram.filter: the filter buffer (65536 B) cannot hold one double-buffered tile for node 'c1' (131072 B needed)"), r[2]);
        SramConfig unified = SramConfig.unified(1024, 1 << 20);
        var npuCfg = TestGraphs.npu("u", 64, 64, Dataflow.IS, unified, Precision.INT8, 1);
        var g = OnnxWorkMapper.map(TestGraphs.vggFront());
        SramTooSmallException e = assertThrows(SramTooSmallException.class,
                () -> new Simulator(g, DeviceSet.of(Device.of(npuCfg)), null).simulate(DeviceAssignment.allOn("u"), FusionMode.NONE, FusionPlan.NONE));
        assertTrue(e.getMessage().contains("sram.activation") && e.getMessage().contains("conv1_1"), e.getMessage());
    }

    @Test
    void malformedInputsNameFileLineAndField(@TempDir Path dir) throws Exception {
        Path npu = Files.writeString(dir.resolve("npu.yaml"), NPU_YAML);
        Path badTopo = Files.writeString(dir.resolve("bad.csv"), TOPOLOGY + "c2,56,56,3,3,-1,64,1,\n");
        String[] r = run(badTopo, npu, null);
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("bad.csv: line 3 field 'Channels': must be positive, got -1"), r[2]);

        Path badNpu = Files.writeString(dir.resolve("bad.yaml"), NPU_YAML.replace("dataflow: ws", "dataflow: rs"));
        r = run(Files.writeString(dir.resolve("t.csv"), TOPOLOGY), badNpu, null);
        assertTrue(r[2].contains("bad.yaml: line 3") && r[2].contains("array.dataflow") && r[2].contains("unknown dataflow 'rs'"), r[2]);

        Path badCfg = Files.writeString(dir.resolve("bad.cfg"), "[architecture_presets]\nArrayHeight: 0\n");
        r = run(dir.resolve("t.csv"), badCfg, null);
        assertTrue(r[2].contains("bad.cfg: line 2 field 'ArrayHeight': must be positive"), r[2]);

        Path plan = Files.writeString(dir.resolve("plan.yaml"), "version: 1\nassign:\n  gpu: [c1]\n");
        r = run(dir.resolve("t.csv"), npu, plan);
        assertTrue(r[2].contains("node 'c1'") && r[2].contains("unknown device 'gpu'"), r[2]);

        Path badPlan = Files.writeString(dir.resolve("plan2.yaml"), "version: 1\nfusion:\n  - [c1]\nprecision: int3\nextra: 1\n");
        r = run(dir.resolve("t.csv"), npu, badPlan);
        assertTrue(r[2].contains("plan2.yaml: line 4") && r[2].contains("unknown precision 'int3'"), r[2]);

        Path missing = dir.resolve("nothere.onnx");
        r = run(missing, npu, null);
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("error: ") && r[2].contains("nothere.onnx"), r[2]);
    }

    @Test
    void unknownShapesAndOpsAreWarningsNotCrashes() throws StudioException {
        Graph g = new Graph("dyn");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(List.of(Dim.symbol("batch"), Dim.of(8), Dim.of(16), Dim.of(16)))));
        g.addNode(new org.npustudio.ir.Node("relu", "relu", "Relu", "", List.of("x"), List.of("y")));
        g.addNode(new org.npustudio.ir.Node("mystery", "mystery", "NonMaxSuppression", "", List.of("y"), List.of("z")));
        g.addOutput(ValueInfo.tensor("z", DataType.FLOAT, null));
        var wg = OnnxWorkMapper.map(g);
        assertTrue(wg.warnings().stream().anyMatch(w -> w.contains("'relu'") && w.contains("shape of input 'x' is unknown")), wg.warnings().toString());
        var npu = TestGraphs.npu("n", 8, 8, Dataflow.OS, SramConfig.separate(1 << 16, 1 << 16, 1 << 16), Precision.INT8, 1);
        SimulationResult r = new Simulator(wg, DeviceSet.of(Device.of(npu)), null).simulate(DeviceAssignment.allOn("n"), FusionMode.AUTO, FusionPlan.NONE);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("'mystery'") && w.contains("falls back to CPU")), r.warnings().toString());
        for (NodeResult n : r.nodes()) PropertyTest.assertSane(n);
    }
}
