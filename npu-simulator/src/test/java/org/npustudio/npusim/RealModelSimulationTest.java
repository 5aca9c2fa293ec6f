package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npustudio.ir.Model;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.cli.Probe;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.npusim.work.Uncosted;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.CsvOracle;
import org.npustudio.testdata.TestData;

/**
 * Real models from the corpus (TestData: checked in, or fetched into the cache) on the
 * edge NPU preset: static or bound shapes give positive MACs and DRAM bytes, an If is costed through its
 * branches, and what cannot be costed is counted, never zero. Input dims are bound on the graph inputs
 * here (the binding option of the command line belongs to another change).
 */
class RealModelSimulationTest {

    private static NpuConfig edgeNpu() throws Exception {
        return new DeviceConfigReader().read(Path.of("../samples/npu/edge-npu-8tops.yaml")).npu();
    }

    /** Reads a model, pins the given inputs to static dims, infers shapes. */
    private static Model open(Path file, Map<String, long[]> dims) throws Exception {
        Model m = OnnxReader.read(file);
        List<ValueInfo> inputs = new ArrayList<>();
        for (ValueInfo v : m.graph().inputs()) {
            long[] d = dims.get(v.name());
            if (d != null && v.type() instanceof TypeInfo.TensorType t) v = v.withType(TypeInfo.tensor(t.elemType(), Shape.of(d)));
            inputs.add(v);
        }
        m.graph().setInputs(inputs);
        ShapeInference.infer(m);
        return m;
    }

    private static SimulationResult simulate(Model m) throws Exception {
        SimulationResult r = SimulationService.simulate(m.graph(), edgeNpu(), null, null, SimulationService.Options.DEFAULT);
        int uncosted = 0;
        for (NodeResult n : r.nodes()) if (!n.costed()) uncosted++;
        assertEquals(uncosted, r.total().uncosted(), "the totals count every node that is not costed");
        PropertyTest.assertSane(r);
        return r;
    }

    private static NodeResult first(SimulationResult r, String op) {
        return r.nodes().stream().filter(n -> n.opType().equals(op)).findFirst().orElseThrow(() -> new AssertionError("no " + op));
    }

    @ParameterizedTest
    @ValueSource(strings = {"silero_vad_v4.onnx", "silero_vad_16k_op15.onnx", "silero_vad_half.onnx", "silero_vad_op18_ifless.onnx"})
    void sileroWithBoundInputsIsCostedThroughItsIfAndLstm(String file) throws Exception {
        Map<String, long[]> dims = file.equals("silero_vad_v4.onnx")
                ? Map.of("input", new long[] {1, 512}, "h", new long[] {2, 1, 64}, "c", new long[] {2, 1, 64})
                : Map.of("input", new long[] {1, 512}, "state", new long[] {2, 1, 128});
        SimulationResult r = simulate(open(TestData.realModel(file), dims));
        assertEquals(0, r.total().uncosted(), file + ": " + r.total().uncostedSummary());
        assertTrue(r.total().macs() > 100_000 && r.total().dramBytes() > 0 && r.total().makespanSeconds() > 0, file);
    }

    /** What cannot be costed (PP-OCRv4 det with symbolic H/W) is "?" in every report and counted, never 0. */
    @Test
    void opsWithoutAKnownShapeAreQuestionMarksInEveryReport() throws Exception {
        SimulationResult r = simulate(open(TestData.realModel("ch_PP-OCRv4_det_infer.onnx"), Map.of()));
        assertTrue(r.total().uncosted() > 0);
        assertEquals(r.total().uncosted(), r.total().uncostedByReason().get(Uncosted.UNKNOWN_SHAPE));
        String table = Probe.table(r);
        long questionRows = table.lines().filter(l -> l.matches(".* \\? +\\? +\\? .*")).count();
        assertEquals(r.total().uncosted(), questionRows, table);
        assertTrue(table.contains("end-to-end latency: >= ") && table.contains(r.total().uncostedSummary()), table);
        assertTrue(Probe.json(r).contains("\"not_costed\": \"unknown shape\""));
        assertEquals(r.total().uncosted(), CsvOracle.read(Probe.csv(r)).column("cycles").stream().filter("?"::equals).count());
        assertTrue(Probe.json(r).contains("\"not_costed\": " + r.total().uncosted()), "the totals count them");
    }

    @Test
    void heyJarvisIfIsCostedAsItsDearerBranch() throws Exception {
        Path f = TestData.realModel("hey_jarvis_v0.1.onnx");
        SimulationResult r = simulate(open(f, Map.of()));
        NodeResult ifNode = first(r, "If");
        assertTrue(ifNode.costed() && ifNode.macs() > 0 && ifNode.dramBytes() > 0 && ifNode.latencySeconds() > 0);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("(If): costed as If: ")), r.warnings().toString());
        assertEquals(0, r.total().uncosted(), Probe.table(r));
        assertTrue(r.total().macs() > ifNode.macs() && r.total().dramBytes() > 0 && r.total().makespanSeconds() > 0);
    }

    @Test
    void ppOcrDetIsNotCostedWhereItsSizeIsSymbolicAndCostedOnceBound() throws Exception {
        Path f = TestData.realModel("ch_PP-OCRv4_det_infer.onnx");
        SimulationResult free = simulate(open(f, Map.of()));
        assertTrue(free.total().uncosted() > 0, "symbolic H/W leave ops without a cost");
        assertTrue(Probe.table(free).contains("lower bounds"));
        SimulationResult bound = simulate(open(f, Map.of("x", new long[] {1, 3, 640, 640})));
        assertEquals(0, bound.total().uncosted(), bound.total().uncostedSummary());
        assertTrue(bound.total().macs() > 1_000_000_000L && bound.total().dramBytes() > 0 && bound.total().makespanSeconds() > 0);
    }
}
