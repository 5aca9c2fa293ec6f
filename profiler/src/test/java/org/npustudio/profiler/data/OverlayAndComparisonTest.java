package org.npustudio.profiler.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.ir.Model;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.shape.ShapeInference;

class OverlayAndComparisonTest {
    @TempDir
    static Path dir;
    static Profile unfused;
    static Profile fused;

    @BeforeAll
    static void simulateTwice() throws Exception {
        Path model = dir.resolve("mobilenetv2.onnx");
        OnnxWriter.write(SampleLibrary.build("mobilenetv2"), model);
        Path npu = Path.of(System.getProperty("npustudio.root", ".."), "samples", "npu", "edge-npu-8tops.yaml");
        Model m = OnnxReader.read(model);
        ShapeInference.infer(m);
        unfused = Profile.of(SimulateCommandCore.simulate(new SimulateOptions(model, npu, null, FusionMode.NONE, null, null)), m);
        fused = Profile.of(SimulateCommandCore.simulate(new SimulateOptions(model, npu, null, FusionMode.AUTO, null, null)), m);
    }

    @Test
    void everyNodeIsColouredAndBadgedWithALegend() {
        for (Metric metric : Metric.values()) {
            for (boolean log : new boolean[] {false, true}) {
                ProfileOverlay.Result r = ProfileOverlay.of(fused, metric, log);
                Overlay o = r.overlay();
                assertEquals(fused.nodes().size(), o.nodes().size(), metric + " " + log);
                for (NodeMetrics n : fused.nodes()) {
                    Overlay.NodeStyle s = o.nodes().get(n.id());
                    assertTrue((s.fill() >>> 24) == 0xff, "opaque fill for " + n.id());
                    assertTrue(s.badge().contains(" · "), s.badge());
                }
                assertTrue(o.legend().entries().size() >= 2, "legend for " + metric);
                for (ProfileOverlay.GroupSummary g : r.groups().values()) {
                    assertTrue(g.sum() >= 0 && !Double.isNaN(g.sum()), g.path());
                }
            }
        }
        ProfileOverlay.Result latency = ProfileOverlay.of(fused, Metric.LATENCY, false);
        assertTrue(latency.groups().containsKey("features/features.1"), latency.groups().keySet().toString());
        assertTrue(latency.overlay().edges().size() > 0, "edges carrying DRAM writes are drawn thicker");
    }

    @Test
    void fusionIsFasterAndTheComparisonSaysSo() {
        Comparison c = new Comparison(unfused, fused, Metric.LATENCY);
        assertTrue(c.speedup() > 1, "automatic fusion should beat no fusion on MobileNetV2: " + c.speedup());
        assertTrue(c.onlyInBaseline().isEmpty() && c.onlyInCurrent().isEmpty());
        assertEquals(fused.nodes().size(), c.movers().size());
        for (int i = 1; i < c.movers().size(); i++) {
            assertTrue(Math.abs(c.movers().get(i - 1).delta()) >= Math.abs(c.movers().get(i).delta()), "sorted by size of change");
        }
        Comparison.Mover biggest = c.top(1).get(0);
        Overlay.NodeStyle s = c.overlay().nodes().get(biggest.id());
        int rgb = s.fill() & 0xffffff;
        int red = rgb >> 16;
        int green = (rgb >> 8) & 0xff;
        if (biggest.delta() < 0) assertTrue(green > red, "faster is drawn green: " + Integer.toHexString(rgb));
        else assertTrue(red > green, "slower is drawn vermillion: " + Integer.toHexString(rgb));
        Comparison same = new Comparison(fused, fused, Metric.DRAM);
        assertEquals(1.0, same.speedup(), 1e-12);
        assertTrue(same.movers().stream().allMatch(m -> m.delta() == 0));
    }
}
