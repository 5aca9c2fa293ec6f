package org.npustudio.npusim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.Precision;
import org.npustudio.shape.ShapeInference;

/** Precision per node in the simulator: bytes and cycles of exactly the nodes the plan sets apart. */
class MixedPrecisionSimulationTest {
    private static final Path MODEL = PartitionPlanSimulationTest.MODEL;
    private static final String CONV = "/conv2/Conv";

    private static SimulationResult run(Plan plan) throws Exception {
        Model m = OnnxReader.read(MODEL);
        ShapeInference.infer(m);
        NpuConfig npu = SimulateCommandCore.readNpu(PartitionPlanSimulationTest.NPU);
        return SimulationService.simulate(m.graph(), npu, plan, null, SimulationService.Options.DEFAULT);
    }

    private static Plan allInt8() {
        Plan p = Plan.empty(ModelRef.UNKNOWN, List.of(Device.of("npu0", DeviceKind.NPU, 0)), "npu0");
        return p.assignPrecision(p.rest().name(), "int8");
    }

    @Test
    void oneNodeAtInt4w8aHalvesExactlyItsWeightBytes() throws Exception {
        SimulationResult int8 = run(allInt8());
        SimulationResult mixed = run(allInt8().assignNodePrecision(List.of(CONV), "int4w8a"));
        NodeResult before = int8.node(CONV), after = mixed.node(CONV);
        assertTrue(before.weightReadBytes() > 0);
        assertEquals(before.weightReadBytes() / 2, after.weightReadBytes(), 1e-9, "int4 weights: half the bytes of int8");
        assertEquals(before.featureMapBytes(), after.featureMapBytes(), 1e-9, "activations stay int8");
        assertEquals(before.cycles(), after.cycles(), "int4 x int8 MACs run at the int8 rate");
        assertEquals(Precision.INT4_W8A, after.precision());
        for (NodeResult n : int8.nodes()) {
            if (n.id().equals(CONV)) continue;
            NodeResult o = mixed.node(n.id());
            assertEquals(n.readBytes(), o.readBytes(), 0, n.id());
            assertEquals(n.writeBytes(), o.writeBytes(), 0, n.id());
            assertEquals(Precision.INT8, o.precision(), n.id());
        }
        assertEquals(int8.total().dramBytes() - before.weightReadBytes() / 2, mixed.total().dramBytes(), 1e-6);
        assertTrue(mixed.warnings().isEmpty(), mixed.warnings().toString());
    }

    @Test
    void int4OnBothOperandsPacksTwoMacsPerPe() throws Exception {
        NodeResult int8 = run(allInt8()).node(CONV);
        NodeResult int4 = run(allInt8().assignNodePrecision(List.of(CONV), "int4")).node(CONV);
        assertEquals((int8.cycles() + 1) / 2, int4.cycles());
        assertEquals(int8.macs(), int4.macs());
    }

    @Test
    void aPrecisionTheNpuDoesNotOfferFallsBackToItsDefaultWithOneWarning() throws Exception {
        SimulationResult r = run(allInt8().assignNodePrecision(List.of(CONV, "/conv1/Conv"), "fp16"));
        assertEquals(Precision.INT8, r.node(CONV).precision());
        List<String> w = r.warnings().stream().filter(s -> s.contains("fp16")).toList();
        assertEquals(List.of("NPU 'npu0' does not offer fp16 (it offers int8, int4, int4w8a); at its default int8: 2 nodes (/conv1/Conv, /conv2/Conv)"), w);
    }

    @Test
    void reportsAddAPrecisionColumnOnlyWhenPrecisionsMix() throws Exception {
        SimulationResult same = run(allInt8());
        SimulationResult mixed = run(allInt8().assignNodePrecision(List.of(CONV), "int4w8a"));
        assertFalse(same.mixedPrecision());
        assertFalse(CsvReport.nodes(same).contains("precision"));
        assertFalse(TableReport.render(same).contains("precision"));
        assertTrue(mixed.mixedPrecision());
        String csv = CsvReport.nodes(mixed);
        assertTrue(csv.startsWith("node,op,device,precision,cycles,"), csv);
        assertTrue(csv.contains(CONV + ",Conv,npu0,int4w8a,"), csv);
        String table = TableReport.render(mixed);
        assertTrue(table.lines().anyMatch(l -> l.startsWith(CONV) && l.contains(" int4w8a ")), table);
        assertTrue(JsonReport.render(mixed).contains("\"precision\": \"int4w8a\"") || JsonReport.render(mixed).contains("\"precision\":\"int4w8a\""));
    }
}
