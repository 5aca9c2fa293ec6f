package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.testdata.CsvOracle;
import org.npustudio.testdata.TestData;

/** The shipped arrays sweep through the real CLI, and the command's bad-input lines. */
class SweepCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shippedArraysSweepRunsAndThePublishedDirectionsHold() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/samples/models")).getParent().getParent();
        String was = System.getProperty("npustudio.home");
        System.setProperty("npustudio.home", home.toString()); // the samples are written here, not into the checkout
        CliRun r;
        try {
            r = CliRun.of("sweep", TestData.inCheckout("samples/sweeps/arrays.yaml").toString(), "-o", tmp.resolve("out").toString(), "--threads", "2");
        } finally {
            if (was == null) System.clearProperty("npustudio.home");
            else System.setProperty("npustudio.home", was);
        }
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("out/report.html")));
        CsvOracle.Table t = CsvOracle.read(Files.readString(tmp.resolve("out/results.csv")));
        assertEquals(4 * 3 * 3 * 2, t.rows().size());
        assertTrue(t.column("status").stream().allMatch("ok"::equals), t.column("reason").toString());
        // Bigger arrays: less energy per inference on both models; faster on ResNet50 (MobileNetV2's depthwise layers are not).
        for (String model : List.of("resnet50", "mobilenetv2")) {
            assertTrue(value(t, model, "256", "os", "energy_uj") > value(t, model, "32", "os", "energy_uj"), model);
        }
        assertTrue(value(t, "resnet50", "128", "os", "latency_us") < value(t, "resnet50", "32", "os", "latency_us"));
        // Depthwise layers are used far below the model's average.
        for (String side : List.of("32", "64", "128", "256")) {
            assertTrue(value(t, "mobilenetv2", side, "ws", "dw_utilisation") < value(t, "mobilenetv2", side, "ws", "utilisation") / 4, side);
        }
        assertTrue(t.rows().stream().filter(row -> row.get("model").equals("mobilenetv2")).anyMatch(row -> row.get("pareto").equals("true")));
    }

    @Test
    void badSweepFilesAreOneLineWithFileAndLine() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "npu: npu.yaml\nmodels: [{sample: lenet5}]\nparameters:\n  array: {range: [64, 16], step: 8}\n");
        CliRun r = CliRun.of("sweep", f.toString(), "-o", tmp.resolve("o").toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("npustudio: " + f + ": line 4 column 18 (parameters.array.range): empty range"), r.err());

        CliRun threads = CliRun.of("sweep", f.toString(), "-o", tmp.resolve("o").toString(), "--threads", "0");
        assertEquals(2, threads.status());
        assertTrue(threads.err().contains("--threads takes a whole number"), threads.err());
    }

    @Test
    void invalidPointsAreRowsWithReasonsAndOneLineNamesTheSweepFileAndParameterLine() throws Exception {
        Files.writeString(tmp.resolve("npu.yaml"), """
                name: small
                clock_mhz: 500
                array: {rows: 16, cols: 16, dataflow: os}
                sram: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 32}
                dram: {bandwidth_gbps: 8}
                """);
        Path f = tmp.resolve("tiny.yaml");
        Files.writeString(f, """
                npu: npu.yaml
                parameters:
                  array: [8, 16]
                  sram_kb: [0.25, 160]
                models:
                  - file: '%s'
                """.formatted(TestData.inCheckout("samples/models/lenet5.onnx")));
        CliRun r = CliRun.of("sweep", f.toString(), "-o", tmp.resolve("tiny").toString());
        assertEquals(0, r.status(), r.err());
        CsvOracle.Table t = CsvOracle.read(Files.readString(tmp.resolve("tiny/results.csv")));
        assertEquals(4, t.rows().size());
        assertEquals(List.of("invalid", "ok", "invalid", "ok"), t.column("status"));
        assertTrue(t.get(0, "reason").contains("cannot hold one double-buffered tile"), t.get(0, "reason"));
        String line = r.errLines()[r.errLines().length - 1];
        assertTrue(line.startsWith(f + ": line 4 (parameters.sram_kb): 2 of 4 points invalid; first, point 0 (lenet5, array=8, sram_kb=0.25): "), line);
    }

    @Test
    void optimisedPlansAreNeverSlowerThanCapabilityPlansPointByPoint() throws Exception {
        Files.writeString(tmp.resolve("devices.yaml"), """
                version: 1
                default_device: cpu
                devices:
                  - {name: npu0, kind: npu, description: '%s'}
                  - {name: cpu, kind: cpu}
                """.formatted(TestData.inCheckout("samples/npu/edge-npu-8tops.yaml")));
        String body = """
                npu: '%s'
                parameters:
                  array: [16, 64]
                  dataflow: [ws, os]
                models:
                  - file: '%s'
                plan: %s
                """;
        String npu = TestData.inCheckout("samples/npu/edge-npu-8tops.yaml").toString();
        String model = TestData.inCheckout("samples/models/lenet5.onnx").toString();
        Files.writeString(tmp.resolve("cap.yaml"), body.formatted(npu, model, "{capability: devices.yaml}"));
        Files.writeString(tmp.resolve("opt.yaml"), body.formatted(npu, model, "optimised"));
        for (String s : List.of("cap", "opt")) {
            CliRun r = CliRun.of("sweep", tmp.resolve(s + ".yaml").toString(), "-o", tmp.resolve(s).toString());
            assertEquals(0, r.status(), r.err());
        }
        CsvOracle.Table cap = CsvOracle.read(Files.readString(tmp.resolve("cap/results.csv")));
        CsvOracle.Table opt = CsvOracle.read(Files.readString(tmp.resolve("opt/results.csv")));
        assertEquals(4, opt.rows().size());
        for (int i = 0; i < 4; i++) {
            double c = Double.parseDouble(cap.get(i, "latency_us")), o = Double.parseDouble(opt.get(i, "latency_us"));
            assertTrue(o <= c + 1e-9, "point " + i + ": optimised " + o + " us vs capability " + c + " us");
        }
    }

    private static double value(CsvOracle.Table t, String model, String array, String dataflow, String column) {
        for (Map<String, String> row : t.rows()) {
            if (row.get("model").equals(model) && row.get("array").equals(array) && row.get("dataflow").equals(dataflow)
                    && row.get("sram_kb").equals("768")) return Double.parseDouble(row.get(column));
        }
        throw new AssertionError("no row " + model + " " + array + " " + dataflow);
    }
}
