package org.npustudio.profiler.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.profiler.report.HtmlReport;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.CsvOracle;
import org.npustudio.testdata.TestData;

/**
 * A real model whose input size is symbolic (PP-OCRv4's detector, no binding): ops without a cost are shown
 * as unknown on the profiler's data side — "?" and grey, null in JSON — never as 0 or the cheapest colour.
 */
class UnknownCostProfileTest {
    static Profile profile;
    static SimulationResult run;

    @BeforeAll
    static void simulate() throws Exception {
        Path root = TestData.root();
        Model m = OnnxReader.read(root.resolve("src/test/resources/real-models/ch_PP-OCRv4_det_infer.onnx"));
        ShapeInference.infer(m);
        NpuConfig npu = new DeviceConfigReader().read(root.resolve("samples/npu/edge-npu-8tops.yaml")).npu();
        run = SimulationService.simulate(m.graph(), npu, null, null, SimulationService.Options.DEFAULT);
        profile = Profile.of(run, m);
    }

    private static NodeMetrics anUncosted() {
        return profile.nodes().stream().filter(n -> !n.costed()).findFirst().orElseThrow();
    }

    @Test
    void uncostedNodesHaveNoValueAndShowAQuestionMark() {
        assertEquals(run.total().uncosted(), profile.notCosted());
        assertTrue(profile.notCosted() > 0);
        NodeMetrics n = anUncosted();
        assertEquals("unknown shape", n.notCosted());
        for (Metric m : Metric.values()) {
            assertTrue(Double.isNaN(m.of(n)), m.key());
            assertEquals("?", m.display(n));
        }
    }

    @Test
    void uncostedNodesAreGreyNeverTheCheapestColour() {
        NodeMetrics n = anUncosted();
        ColorScale scale = ColorScale.over(profile, Metric.LATENCY, false);
        assertEquals(ColorScale.NEUTRAL_HEX, scale.hex(Metric.LATENCY.of(n)));
        assertNotEquals(ColorScale.SEQUENTIAL_HEX[0], scale.hex(Metric.LATENCY.of(n)));
        var overlay = ProfileOverlay.of(profile, Metric.LATENCY, false).overlay();
        assertEquals(ColorScale.argbOf(ColorScale.NEUTRAL_HEX), overlay.nodes().get(n.id()).fill());
        assertTrue(overlay.nodes().get(n.id()).badge().startsWith("?"), overlay.nodes().get(n.id()).badge());
        assertTrue(overlay.legend().entries().stream().anyMatch(e -> e.label().contains("not costed")));
    }

    @Test
    void exportsWriteUnknownNotZero() {
        NodeMetrics n = anUncosted();
        CsvOracle.Table csv = CsvOracle.read(CsvExport.render(profile));
        int row = csv.column("id").indexOf(n.id());
        for (String col : List.of("latency_us", "share", "cycles", "macs", "dram_bytes", "utilisation")) assertEquals("?", csv.get(row, col), col);
        String json = JsonExport.render(profile);
        assertTrue(json.contains("\"not_costed\": \"unknown shape\""), "per node");
        assertTrue(json.contains("\"not_costed\": " + profile.notCosted()), "in the totals");
        String html = HtmlReport.render(profile, new Roof("edge-npu-8tops", 8e12, 25.6e9));
        assertTrue(html.contains("Not costed (?)") && html.contains("≥ ") && html.contains(profile.notCostedSummary()));
        assertTrue(ModelExplorerExport.render(profile, Metric.LATENCY, "g").indexOf("\"" + n.name() + "\"") < 0,
                "Model Explorer gets no value for it (rather than 0)");
    }
}
