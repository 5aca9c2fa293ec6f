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
import org.npustudio.testdata.TestData;

class OverlayAndComparisonTest {
    @TempDir
    static Path dir;
    static Profile unfused;
    static Profile fused;

    @BeforeAll
    static void simulateTwice() throws Exception {
        Path model = dir.resolve("mobilenetv2.onnx");
        OnnxWriter.write(SampleLibrary.build("mobilenetv2"), model);
        Path npu = TestData.inCheckout("samples/npu/edge-npu-8tops.yaml");
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
                long opStyles = o.nodes().keySet().stream().filter(k -> !k.startsWith(org.npustudio.graphview.scene.SceneGroup.keyOf(""))).count();
                assertEquals(fused.nodes().size(), opStyles, metric + " " + log);
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
        String groupKey = org.npustudio.graphview.scene.SceneGroup.keyOf("features/features.1");
        Overlay.NodeStyle group = latency.overlay().nodes().get(groupKey);
        assertTrue(group != null && (group.fill() >>> 24) == 0xff && group.badge().endsWith("s"), "a collapsed group shows its sum: " + group);
        assertEquals(latency.groups().get("features/features.1").distribution().length, latency.overlay().bars().get(groupKey).colors().length,
                "and the spread of its members over the scale");
        assertTrue(latency.overlay().edges().size() > 0, "edges carrying DRAM writes are drawn thicker");
    }

    @Test
    void quantileThresholdsPutTheHeaviestOpsInTheDarkestClass() {
        Thresholds t = Thresholds.quantiles(fused, Metric.LATENCY);
        assertTrue(t.bounds().length >= 2, "MobileNetV2's latencies spread over several classes");
        for (int i = 1; i < t.bounds().length; i++) assertTrue(t.bounds()[i] > t.bounds()[i - 1], "ascending, no empty class");
        NodeMetrics slowest = fused.nodes().stream().max(java.util.Comparator.comparingDouble(NodeMetrics::latencyMicros)).orElseThrow();
        NodeMetrics fastest = fused.nodes().stream().min(java.util.Comparator.comparingDouble(NodeMetrics::latencyMicros)).orElseThrow();
        Overlay o = ProfileOverlay.of(fused, Metric.LATENCY, ProfileOverlay.Colouring.THRESHOLDS).overlay();
        String[] palette = ColorScale.SEQUENTIAL_HEX;
        assertEquals(ProfileOverlay.argb(palette[palette.length - 1]), o.nodes().get(slowest.id()).fill());
        assertEquals(ProfileOverlay.argb(palette[0]), o.nodes().get(fastest.id()).fill());
        long top = fused.nodes().stream().filter(n -> t.classOf(n.latencyMicros()) == t.bounds().length).count();
        assertTrue(top <= Math.ceil(fused.nodes().size() * 0.05), "only the top few percent are in the last class: " + top);
        assertEquals(t.bounds().length + 2, o.legend().entries().size(), "a line per class plus 'no value'");
    }

    @Test
    void thresholdClassesCountTheBoundsReached() {
        Thresholds t = new Thresholds(new double[] {1, 10}, new String[] {"#fde725", "#22a884", "#440154"});
        assertEquals(0, t.classOf(0.5));
        assertEquals(1, t.classOf(1), "a value on a threshold reaches it");
        assertEquals(2, t.classOf(1e9));
        assertEquals(ColorScale.NEUTRAL_HEX, t.hex(Double.NaN));
        assertEquals(java.util.List.of("< 1.0 µs", "≥ 1.0 µs", "≥ 10.0 µs"),
                t.legend(Metric.LATENCY).stream().map(e -> e[0]).toList());
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
