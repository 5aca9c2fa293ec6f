package org.npustudio.profiler.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.profiler.data.Aggregation;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Roof;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.TestData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The profiler's charts drawn headless (LeNet-5 on the teaching array): what their SVG and PNG show. */
class ChartsTest {
    static final Path MODEL = TestData.inCheckout("samples/models/lenet5.onnx");
    static final Path NPU = TestData.inCheckout("samples/npu/teaching-32x32.yaml");
    static final Roof ROOF = new Roof("teaching-32x32", 1024 * 200e6, 3.2e9);
    static Profile plain;
    static Profile fused;

    @TempDir
    Path dir;

    @BeforeAll
    static void simulate() throws Exception {
        Model m = OnnxReader.read(MODEL);
        ShapeInference.infer(m);
        plain = Profile.of(SimulateCommandCore.simulate(new SimulateOptions(MODEL, NPU, null, FusionMode.NONE, null, null)), m);
        fused = Profile.of(SimulateCommandCore.simulate(new SimulateOptions(MODEL, NPU, null, FusionMode.AUTO, null, null)), m);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document d, String tag) {
        NodeList l = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) out.add((Element) l.item(i));
        return out;
    }

    private static double num(Element e, String attribute) { return Double.parseDouble(e.getAttribute(attribute)); }

    @Test
    void barsAreProportionalAndLabelledPerOpType() throws Exception {
        BarChart.Panel latency = ProfileCharts.byOpType(plain, Metric.LATENCY);
        List<Aggregation.Stats> stats = Aggregation.byOpType(plain, Metric.LATENCY).stream().filter(s -> s.sum() > 0).toList();
        assertEquals(stats.size(), latency.rows().size());
        Document d = parse(ChartDrawing.of(BarChart.of(latency), 760).svgElement());
        List<Element> bars = elements(d, "rect").subList(1, 1 + stats.size()); // after the background
        for (int i = 0; i < stats.size(); i++) {
            assertEquals(stats.get(i).sum() / stats.get(0).sum(), num(bars.get(i), "width") / num(bars.get(0), "width"), 1e-3, stats.get(i).key());
        }
        List<String> texts = elements(d, "text").stream().map(Element::getTextContent).toList();
        assertEquals("Latency by op type", texts.get(0));
        assertTrue(texts.contains("Conv ×2") && texts.contains(Metric.LATENCY.format(stats.get(0).sum())), texts.toString());
        assertFalse(ChartDrawing.of(BarChart.of(latency.untitled()), 760).svgElement().contains("by op type"), "the report's own heading");
    }

    @Test
    void fusionPairsFusedWithUnfusedAndSaysHowToTurnItOn() throws Exception {
        BarChart.Panel groups = ProfileCharts.fusion(fused);
        assertEquals(Aggregation.fusionGroups(fused).size(), groups.rows().size());
        assertTrue(groups.rows().size() > 0, "auto fusion groups LeNet-5's layers");
        for (BarChart.Row r : groups.rows()) assertTrue(r.values()[0] <= r.values()[1], "fusion never adds DRAM traffic: " + r.label());
        BarChart.Panel none = ProfileCharts.fusion(plain);
        assertTrue(none.rows().isEmpty());
        String svg = ChartDrawing.of(BarChart.of(none), 600).svgElement();
        assertTrue(svg.contains("fusion"), svg);
        assertFalse(svg.contains(">unfused<"), "no legend over an empty chart");
    }

    @Test
    void rooflineDotsCarryTheirOpAsTooltipAndSitInsideTheAxes() throws Exception {
        RooflineChart chart = ProfileCharts.roofline(plain, ROOF);
        long drawable = chart.points().stream().filter(RooflineChart.Point::drawable).count();
        assertTrue(drawable >= 4, "LeNet-5's convolutions and GEMMs");
        Document d = parse(ChartDrawing.of(chart, 760).svgElement());
        List<Element> dots = elements(d, "circle").stream().filter(c -> c.getElementsByTagName("title").getLength() == 1).toList();
        assertEquals(drawable, dots.size(), "one dot per op with MACs, each named");
        assertTrue(dots.stream().anyMatch(c -> c.getTextContent().startsWith("/conv1/Conv (Conv) · ") && c.getTextContent().endsWith("-bound")));
        for (Element c : dots) {
            assertTrue(num(c, "cx") > 60 && num(c, "cx") < 760 - 15 && num(c, "cy") > 22 && num(c, "cy") < 380 - 36, "inside the plot");
        }
    }

    @Test
    void theTimelineReportsEveryBarWhenStillAndHitsItsBarsWhenInteractive() throws Exception {
        TimelineChart still = TimelineChart.of(plain, false);
        Document d = parse(ChartDrawing.of(still, 900).svgElement());
        long titled = elements(d, "rect").stream().filter(r -> r.getElementsByTagName("title").getLength() == 1).count();
        assertEquals(plain.run().schedule().size(), titled, "the whole run, a tooltip per bar");
        assertFalse(d.getDocumentElement().getTextContent().contains("wheel to zoom"), "no gesture hints in a report");

        TimelineChart live = TimelineChart.of(plain, true);
        assertFalse(ChartDrawing.of(live, 900).svgElement().contains("<title>"), "the screen hovers instead");
        double[] at = live.barCentre("/conv2/Conv", 900);
        assertNotNull(at);
        ScheduleEntry hit = live.entryAt(at[0], at[1], 900);
        assertEquals("/conv2/Conv", hit.name());
        assertNull(live.entryAt(20, at[1], 900), "the lane labels are no bar");
        live.zoom(at[0], 900, 0.1);
        assertEquals("/conv2/Conv", live.entryAt(at[0], at[1], 900).name(), "zooming keeps the bar under the pointer");
        assertTrue(ChartDrawing.of(live.still(), 900).svgElement().contains("showing "), "an export keeps the zoom and says so");
    }

    @Test
    void pngIsTheSameDrawingAtTwiceThePixels() throws Exception {
        RooflineChart chart = ProfileCharts.roofline(plain, ROOF);
        Path file = dir.resolve("roofline.png");
        new ChartDrawing(chart, 600, 300).write(file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(600, img.getHeight());
        Element dot = elements(parse(new ChartDrawing(chart, 600, 300).svgElement()), "circle").stream()
                .filter(c -> c.getElementsByTagName("title").getLength() == 1).findFirst().orElseThrow();
        int rgb = img.getRGB((int) Math.round(num(dot, "cx") * 2), (int) Math.round(num(dot, "cy") * 2)) & 0xFFFFFF;
        int memory = RooflineChart.MEMORY & 0xFFFFFF, compute = RooflineChart.COMPUTE & 0xFFFFFF, latency = RooflineChart.LATENCY & 0xFFFFFF;
        assertTrue(close(rgb, memory) || close(rgb, compute) || close(rgb, latency), "the SVG's dot is where the PNG has one: " + Integer.toHexString(rgb));
        Path svg = dir.resolve("roofline.svg");
        new ChartDrawing(chart, 600, 300).write(svg);
        assertTrue(Files.readString(svg).startsWith("<?xml"), "a standalone SVG file");
    }

    /** Colours within the blend of an 80 % opaque dot over white or over a grid line. */
    private static boolean close(int a, int b) {
        for (int shift = 0; shift < 24; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 60) return false;
        }
        return true;
    }

    @Test
    void rooflineKeepsItsOpsWhenAPlanNamesTheNpuOtherwise() throws Exception {
        Model m = OnnxReader.read(MODEL);
        ShapeInference.infer(m);
        var npu = org.npustudio.npusim.config.DeviceConfigReader.readAny(NPU, new ArrayList<>());
        // An applied partition plan: the chosen NPU runs as the plan's device "npu0" (no description of its own).
        var plan = org.npustudio.plan.Plan.empty(org.npustudio.plan.ModelRef.UNKNOWN,
                List.of(org.npustudio.plan.Device.of("npu0", org.npustudio.plan.DeviceKind.NPU, 0)), "npu0");
        Profile planned = Profile.of(org.npustudio.npusim.sim.SimulationService.simulate(m.graph(), npu.npu(), plan, null,
                org.npustudio.npusim.sim.SimulationService.Options.DEFAULT), m, plan);
        assertEquals("npu0", planned.nodes().get(0).device());
        Roof roof = new Roof(npu.name(), npu.npu().peakMacsPerSecond(), npu.npu().dramBytesPerSecond());
        int unplanned = ProfileCharts.roofline(plain, roof).points().size();
        assertTrue(unplanned > 0);
        assertEquals(unplanned, ProfileCharts.roofline(planned, roof).points().size(), "every MAC op of the NPU, under the plan's name for it");
    }

    @Test
    void anOpTypeKeepsItsColourAcrossModelsAndMatchesTheGraph() throws Exception {
        Model mlp = org.npustudio.samples.SampleLibrary.build("mlp");
        ShapeInference.infer(mlp);
        var npu = org.npustudio.npusim.config.DeviceConfigReader.readAny(NPU, new ArrayList<>()).npu();
        Profile other = Profile.of(org.npustudio.npusim.sim.SimulationService.simulate(mlp.graph(), npu, null, null,
                org.npustudio.npusim.sim.SimulationService.Options.DEFAULT), mlp);
        String gemmInLenet = barFill(plain, "Gemm"), gemmInMlp = barFill(other, "Gemm");
        assertEquals(gemmInLenet, gemmInMlp, "Gemm's colour does not depend on the model's ranking of op types");
        assertEquals(org.npustudio.graphview.scene.Colors.hex(org.npustudio.graphview.scene.OpCategory.of("Conv").fill()), barFill(plain, "Conv"),
                "the timeline colours Conv as the graph does");
    }

    /** The fill of the first timeline bar of an op of this type. */
    private static String barFill(Profile p, String opType) throws Exception {
        Document d = parse(ChartDrawing.of(TimelineChart.of(p, false), 900).svgElement());
        for (Element r : elements(d, "rect")) {
            if (r.getElementsByTagName("title").getLength() != 1) continue;
            String title = r.getElementsByTagName("title").item(0).getTextContent();
            if (title.startsWith(opType + " ")) return r.getAttribute("fill");
        }
        throw new AssertionError("no " + opType + " bar");
    }
}
