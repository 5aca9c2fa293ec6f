package org.npustudio.profiler.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.Pipeline;
import org.npustudio.profiler.report.HtmlReport;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.TestData;

/** MobileNetV2 profiled as compiled: absorbed nodes have no value of their own and point at their Conv; exports say what each node became. */
class AsCompiledProfileTest {
    @TempDir
    static Path dir;
    static Model model;
    static Profile written;
    static Profile compiled;
    static Node bn;
    static Node conv;
    static Node clip;

    @BeforeAll
    static void simulateBothWays() throws Exception {
        Path file = dir.resolve("mobilenetv2.onnx");
        OnnxWriter.write(SampleLibrary.build("mobilenetv2"), file);
        Path npu = TestData.inCheckout("samples/npu/edge-npu-8tops.yaml");
        model = OnnxReader.read(file);
        ShapeInference.infer(model);
        written = Profile.of(SimulateCommandCore.simulate(new SimulateOptions(file, npu, null, FusionMode.NONE, null, null)), model);
        compiled = Profile.of(SimulateCommandCore.simulate(
                new SimulateOptions(file, npu, null, FusionMode.NONE, null, null, Map.of(), Pipeline.defaultPipeline())), model);
        bn = model.graph().nodes().stream().filter(n -> n.opType().equals("BatchNormalization")).findFirst().orElseThrow();
        conv = model.graph().producer(bn.input(0));
        clip = model.graph().consumers(bn.output(0)).get(0);
    }

    @Test
    void anAbsorbedNodeIsDrawnNeutralWithABadgePointingAtItsConv() {
        NodeMetrics bnRow = compiled.node(bn.id());
        assertEquals(conv.id(), bnRow.absorbedInto());
        assertFalse(bnRow.ownsWork());
        assertTrue(Double.isNaN(Metric.LATENCY.of(bnRow)), "no value of its own, not 0");
        assertNull(written.node(bn.id()).absorbedInto());
        Overlay o = ProfileOverlay.of(compiled, Metric.LATENCY, ProfileOverlay.Colouring.LINEAR).overlay();
        Overlay.NodeStyle s = o.nodes().get(bn.id());
        assertEquals(ColorScale.argbOf(ColorScale.NEUTRAL_HEX), s.fill());
        assertEquals("→ " + ProfileOverlay.shortName(compiled.node(conv.id()).name()), s.badge());
        assertTrue(o.nodes().get(conv.id()).badge().contains(" · "), "the Conv carries the cost");
    }

    @Test
    void edgesInsideACompiledOpStayThinAndItsWritesGoOnTheValueLeavingIt() {
        assertEquals("Clip", clip.opType());
        assertTrue(compiled.node(clip.id()).compiled().startsWith("fused into '" + conv.id() + "'"), compiled.node(clip.id()).compiled());
        Overlay o = ProfileOverlay.of(compiled, Metric.LATENCY, ProfileOverlay.Colouring.LINEAR).overlay();
        assertNull(o.edges().get(conv.output(0)), "Conv → BN never reaches DRAM as compiled");
        assertNull(o.edges().get(bn.output(0)), "BN → Clip neither");
        assertNotNull(o.edges().get(clip.output(0)), "the fused op's output is written");
        Overlay w = ProfileOverlay.of(written, Metric.LATENCY, ProfileOverlay.Colouring.LINEAR).overlay();
        assertNotNull(w.edges().get(conv.output(0)), "as written every op writes its output");
    }

    @Test
    void exportsSayWhatEachNodeBecameOnlyAsCompiled() {
        String csvWritten = CsvExport.render(written);
        assertEquals(String.join(",", CsvExport.COLUMNS), csvWritten.lines().findFirst().orElseThrow(), "as written the columns are as before");
        String csv = CsvExport.render(compiled);
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",compiled"));
        assertTrue(csv.contains("folded into '" + conv.id() + "' (fold-batchnorm)"));
        assertFalse(JsonExport.render(written).contains("\"compiled\""));
        assertTrue(JsonExport.render(compiled).contains("\"compiled\""));
        Roof roof = new Roof("npu", 1e12, 1e10);
        assertFalse(HtmlReport.render(written, roof).contains("compiled as"));
        String html = HtmlReport.render(compiled, roof);
        assertTrue(html.contains("<th>compiled as</th>") && html.contains("(as compiled)"));
        assertTrue(compiled.sum(Metric.DRAM) < written.sum(Metric.DRAM), "folding and fusing save DRAM traffic");
    }
}
