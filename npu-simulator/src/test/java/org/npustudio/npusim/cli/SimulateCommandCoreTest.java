package org.npustudio.npusim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.testdata.CsvOracle;
import org.npustudio.testdata.JsonOracle;
import org.npustudio.testdata.TestData;

class SimulateCommandCoreTest {
    static Path root() { return TestData.root(); }

    static Path reference() {
        return TestData.shared("reference/scalesim");
    }

    record Run(int code, String out, String err) {}

    static Run run(SimulateOptions o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulateCommandCore.run(o, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"google_os.cfg, out_os", "google.cfg, out_ws"})
    void scaleSimTopologyInScaleSimReportsOut(String cfg, String refOut, @TempDir Path dir) throws Exception {
        Path ref = reference();
        Run r = run(new SimulateOptions(ref.resolve("Resnet18.csv"), ref.resolve(cfg), null, null, OutputFormat.SCALESIM, dir));
        assertEquals(0, r.code(), r.err());
        for (String report : List.of("COMPUTE_REPORT.csv", "DETAILED_ACCESS_REPORT.csv")) {
            List<String> ours = Files.readAllLines(dir.resolve(report));
            List<String> theirs = Files.readAllLines(ref.resolve(refOut).resolve(report));
            assertEquals(theirs.get(0), ours.get(0), "the same header line");
            assertEquals(theirs.size(), ours.size());
            for (int i = 1; i < theirs.size(); i++) assertEquals(layout(theirs.get(i)), layout(ours.get(i)), report + " line " + (i + 1));
        }
        CsvOracle.Table ours = CsvOracle.scaleSim(dir.resolve("COMPUTE_REPORT.csv"));
        CsvOracle.Table theirs = CsvOracle.scaleSim(ref.resolve(refOut).resolve("COMPUTE_REPORT.csv"));
        for (int i = 0; i < theirs.rows().size(); i++) {
            assertEquals(theirs.get(i, "Total Cycles"), ours.get(i, "Total Cycles"), "Total Cycles of layer " + i);
            for (String col : List.of("Overall Util %", "Mapping Efficiency %", "Compute Util %")) {
                assertEquals(Double.parseDouble(theirs.get(i, col)), Double.parseDouble(ours.get(i, col)), 1e-9, col + " of layer " + i);
            }
        }
        CsvOracle.Table access = CsvOracle.scaleSim(dir.resolve("DETAILED_ACCESS_REPORT.csv"));
        CsvOracle.Table refAccess = CsvOracle.scaleSim(ref.resolve(refOut).resolve("DETAILED_ACCESS_REPORT.csv"));
        for (String col : List.of("DRAM IFMAP Reads", "DRAM Filter Reads", "DRAM OFMAP Writes", "SRAM IFMAP Reads", "SRAM Filter Reads")) {
            for (int i = 0; i < refAccess.rows().size(); i++) {
                assertEquals(Double.parseDouble(refAccess.get(i, col)), Double.parseDouble(access.get(i, col)), 0, col + " of layer " + i);
            }
        }
    }

    /** A line with every value replaced by x: SCALE-Sim's ", " separators and its comma at the end stay visible. */
    private static String layout(String line) {
        return line.replaceAll("[^, ]+", "x");
    }

    @Test
    void onnxModelOnPresetInEveryTextFormat(@TempDir Path dir) throws Exception {
        Path model = root().resolve("samples/models/lenet5.onnx");
        Path npu = root().resolve("samples/npu/edge-npu-8tops.yaml");
        Run table = run(new SimulateOptions(model, npu, null, FusionMode.AUTO, OutputFormat.TABLE, null));
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("end-to-end latency") && table.out().contains("Conv"), table.out());
        Run json = run(new SimulateOptions(model, npu, null, FusionMode.NONE, OutputFormat.JSON, null));
        // Jackson refuses NaN and Infinity, so an undefined number anywhere fails the parse.
        Map<String, Object> doc = JsonOracle.object(json.out());
        assertEquals(12, ((List<?>) doc.get("nodes")).size(), "LeNet-5's 12 nodes");
        assertEquals(416_520L, ((Map<?, ?>) doc.get("total")).get("macs"), "LeNet-5's MACs");
        assertFalse(((List<?>) doc.get("schedule")).isEmpty(), json.out());
        Run csv = run(new SimulateOptions(model, npu, null, FusionMode.NONE, OutputFormat.CSV, dir));
        assertEquals(0, csv.code(), csv.err());
        CsvOracle.Table nodes = CsvOracle.read(Files.readString(dir.resolve("simulation.csv")));
        assertTrue(nodes.rows().size() > 5, nodes.toString());
        assertTrue(CsvOracle.read(Files.readString(dir.resolve("schedule.csv"))).rows().size() > nodes.rows().size());
    }

    @Test
    void planAssignsDevicesAndFusionGroups(@TempDir Path dir) throws Exception {
        Path model = root().resolve("samples/models/lenet5.onnx");
        Files.copy(root().resolve("samples/npu/host-cpu.yaml"), dir.resolve("host-cpu.yaml"));
        SimulationProbe probe = SimulationProbe.of(model);
        String first = probe.nodeIds().get(0);
        String second = probe.nodeIds().get(1);
        String last = probe.nodeIds().get(probe.nodeIds().size() - 1);
        Files.writeString(dir.resolve("plan.yaml"), "version: 1\ndevices:\n  - {name: cpu, file: host-cpu.yaml}\n"
                + "assign:\n  cpu: [" + last + "]\nfusion:\n  - [" + first + ", " + second + "]\nprecision: int4w8a\n");
        Run r = run(new SimulateOptions(model, root().resolve("samples/npu/edge-npu-8tops.yaml"), dir.resolve("plan.yaml"), null,
                OutputFormat.CSV, null));
        assertEquals(0, r.code(), r.err());
        CsvOracle.Table rows = CsvOracle.read(r.out());
        int lastRow = rows.column("node").indexOf(last);
        assertEquals("cpu", rows.get(lastRow, "device"), rows.rows().get(lastRow).toString());
        int firstRow = rows.column("node").indexOf(first);
        assertEquals("0", rows.get(firstRow, "fusion_group"), "first node in fusion group 0: " + rows.rows().get(firstRow));
        assertEquals("edge-npu-8tops", rows.get(firstRow, "device"));
    }
}
