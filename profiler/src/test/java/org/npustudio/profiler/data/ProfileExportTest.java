package org.npustudio.profiler.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.profiler.report.HtmlReport;
import org.npustudio.profiler.report.ReportWriter;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.CsvOracle;
import org.npustudio.testdata.JsonOracle;
import org.npustudio.testdata.TestData;
import org.w3c.dom.Document;

/** Profiles of a real simulation (MobileNetV2 on the edge NPU preset, automatic fusion) and their exports. */
class ProfileExportTest {
    @TempDir
    static Path dir;
    static Profile profile;
    static SimulationResult run;

    @BeforeAll
    static void simulate() throws Exception {
        Path model = dir.resolve("mobilenetv2.onnx");
        OnnxWriter.write(SampleLibrary.build("mobilenetv2"), model);
        Path npu = TestData.inCheckout("samples/npu/edge-npu-8tops.yaml");
        run = SimulateCommandCore.simulate(new SimulateOptions(model, npu, null, FusionMode.AUTO, null, null));
        Model m = OnnxReader.read(model);
        ShapeInference.infer(m);
        profile = Profile.of(run, m);
    }

    @Test
    void csvTotalsEqualTheSimulatorsTotals() {
        CsvOracle.Table csv = CsvOracle.read(CsvExport.render(profile));
        assertEquals(List.of(CsvExport.COLUMNS), csv.header());
        assertEquals(run.nodes().size(), csv.rows().size());
        double latency = csv.column("latency_us").stream().mapToDouble(Double::parseDouble).sum();
        double read = csv.column("dram_read_bytes").stream().mapToDouble(Double::parseDouble).sum();
        double write = csv.column("dram_write_bytes").stream().mapToDouble(Double::parseDouble).sum();
        long macs = csv.column("macs").stream().mapToLong(Long::parseLong).sum();
        assertEquals(run.total().busySeconds() * 1e6, latency, 1e-6 * latency);
        assertEquals(run.total().readBytes(), read, 1e-6 * read);
        assertEquals(run.total().writeBytes(), write, 1e-6 * write);
        assertEquals(run.total().macs(), macs);
        assertTrue(macs > 290_000_000L, "MobileNetV2 has ~300 M MACs: " + macs);
    }

    @Test
    void htmlReportIsWellFormedAndHasEverySection() throws Exception {
        String html = HtmlReport.render(profile, new Roof("edge-npu-8tops", 4096 * 1e9, 25.6e9));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        assertEquals("html", doc.getDocumentElement().getTagName());
        assertTrue(doc.getElementsByTagName("svg").getLength() >= 4, "op-type bars x2, roofline, timeline");
        assertTrue(doc.getElementsByTagName("tr").getLength() > profile.nodes().size(), "per-node table");
        for (String section : List.of("Top 15 ops", "Latency by op type", "DRAM traffic by op type", "Roofline", "Schedule", "All ops")) {
            assertTrue(html.contains(section), section);
        }
        String outsideSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(html.contains("<script") || outsideSvgNamespace.contains("http://") || outsideSvgNamespace.contains("https://"),
                "self-contained: no scripts, no external assets");
        assertFalse(html.contains("NaN") || html.contains("Infinity"), "no undefined numbers reach the page");
    }

    @Test
    void modelExplorerJsonFollowsItsNodeDataSchema() throws Exception {
        String json = ModelExplorerExport.render(profile, Metric.LATENCY, "main_graph");
        JsonNode doc = JsonOracle.tree(json); // Jackson: an independent, strict reading
        assertEquals(List.of("main_graph"), doc.properties().stream().map(Map.Entry::getKey).toList());
        JsonNode g = doc.get("main_graph");
        JsonNode results = g.required("results");
        assertEquals(profile.nodes().size(), results.size());
        for (NodeMetrics n : profile.nodes()) {
            assertEquals(n.latencyMicros(), results.required(n.name()).required("value").doubleValue(), 1e-9 * Math.max(1, n.latencyMicros()));
        }
        JsonNode stops = g.required("gradient");
        assertEquals(0.0, stops.get(0).required("stop").doubleValue());
        assertEquals(1.0, stops.get(stops.size() - 1).required("stop").doubleValue());
        for (JsonNode s : stops) assertTrue(s.required("bgColor").textValue().matches("#[0-9a-f]{6}"));
    }

    @Test
    void aggregatesAddUpAndUnwritableFoldersAreRefused() throws Exception {
        double total = profile.sum(Metric.LATENCY);
        for (List<Aggregation.Stats> groups : List.of(Aggregation.byOpType(profile, Metric.LATENCY),
                Aggregation.byDevice(profile, Metric.LATENCY), Aggregation.byScope(profile, Metric.LATENCY, 1))) {
            assertEquals(total, groups.stream().mapToDouble(Aggregation.Stats::sum).sum(), 1e-9 * total);
        }
        assertEquals("Conv", Aggregation.byOpType(profile, Metric.MACS).get(0).key());
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        StudioException e = assertThrows(StudioException.class,
                () -> ReportWriter.write(profile, new Roof("npu", 1e12, 1e10), Metric.LATENCY, "g", file));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
        List<Path> written = ReportWriter.write(profile, new Roof("npu", 1e12, 1e10), Metric.DRAM, "g", dir.resolve("out"));
        assertEquals(4, written.size());
        for (Path p : written) assertTrue(Files.size(p) > 0, p.toString());
    }

    @Test
    void zeroAndHugeRangesNeverProduceNaNColours() {
        ColorScale flat = new ColorScale(5, 5, false);
        assertEquals(0, flat.position(5));
        ColorScale log = new ColorScale(0, 1e18, true);
        assertEquals(0, log.position(0));
        assertEquals(1, log.position(1e18));
        assertEquals(ColorScale.NEUTRAL_HEX, log.hex(Double.NaN));
        assertEquals("#000000", ColorScale.textOn(ColorScale.SEQUENTIAL_HEX[0]), "dark text on the light end");
        assertEquals("#ffffff", ColorScale.textOn(ColorScale.SEQUENTIAL_HEX[ColorScale.SEQUENTIAL_HEX.length - 1]));
    }
}
