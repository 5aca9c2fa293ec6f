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
        List<String> ours = Files.readAllLines(dir.resolve("COMPUTE_REPORT.csv"));
        List<String> theirs = Files.readAllLines(ref.resolve(refOut).resolve("COMPUTE_REPORT.csv"));
        assertEquals(theirs.get(0).strip(), ours.get(0).strip(), "same header");
        assertEquals(theirs.size(), ours.size());
        for (int i = 1; i < theirs.size(); i++) {
            String[] o = ours.get(i).split(",\\s*");
            String[] t = theirs.get(i).split(",\\s*");
            assertEquals(t[1], o[1], "Total Cycles of layer " + (i - 1));
            for (int c = 3; c <= 5; c++) assertEquals(Double.parseDouble(t[c]), Double.parseDouble(o[c]), 1e-9, "column " + c + " of layer " + (i - 1));
        }
        List<String> access = Files.readAllLines(dir.resolve("DETAILED_ACCESS_REPORT.csv"));
        List<String> refAccess = Files.readAllLines(ref.resolve(refOut).resolve("DETAILED_ACCESS_REPORT.csv"));
        assertEquals(refAccess.get(0).strip(), access.get(0).strip(), "same header");
        List<String> header = List.of(refAccess.get(0).split(",\\s*"));
        for (String col : List.of("DRAM IFMAP Reads", "DRAM Filter Reads", "DRAM OFMAP Writes", "SRAM IFMAP Reads", "SRAM Filter Reads")) {
            int k = header.indexOf(col);
            for (int i = 1; i < refAccess.size(); i++) {
                assertEquals(Double.parseDouble(refAccess.get(i).split(",\\s*")[k]), Double.parseDouble(access.get(i).split(",\\s*")[k]), 0,
                        col + " of layer " + (i - 1));
            }
        }
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
        List<String> rows = Files.readAllLines(dir.resolve("simulation.csv"));
        long nodes = rows.stream().skip(1).count();
        assertTrue(nodes > 5, rows.toString());
        assertTrue(Files.readAllLines(dir.resolve("schedule.csv")).size() > nodes);
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
        String lastRow = r.out().lines().filter(l -> l.startsWith(last + ",")).findFirst().orElseThrow();
        assertEquals("cpu", lastRow.split(",")[2], lastRow);
        String firstRow = r.out().lines().filter(l -> l.startsWith(first + ",")).findFirst().orElseThrow();
        assertEquals("0", firstRow.split(",")[13], "first node in fusion group 0: " + firstRow);
        assertEquals("edge-npu-8tops", firstRow.split(",")[2], firstRow);
    }
}
