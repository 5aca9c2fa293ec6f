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
import org.npustudio.testdata.JsonOracle;
import org.npustudio.testdata.TestData;

class SimulateAndReportCommandTest {
    static final Path ROOT = TestData.root();
    static final String LENET = ROOT.resolve("samples/models/lenet5.onnx").toString();
    static final String TEACHING = ROOT.resolve("samples/npu/teaching-32x32.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void simulatePrintsEveryNodeAndTheTotals() throws Exception {
        CliRun r = CliRun.of("simulate", LENET, "--npu", TEACHING, "--fuse", "auto");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("/conv1/Conv") && r.out().contains("/fc3/Gemm"), r.out());
        assertTrue(r.out().contains("MACs         416520"), "LeNet-5's 416,520 MACs: " + r.out());
        CliRun json = CliRun.of("simulate", LENET, "--npu=" + TEACHING, "--format", "json", "-o", dir.toString());
        assertEquals(0, json.status(), json.err());
        Map<String, Object> sim = JsonOracle.object(Files.readString(dir.resolve("simulation.json")));
        assertEquals(12, ((List<?>) sim.get("nodes")).size(), "LeNet-5's 12 nodes");
        assertEquals(416_520L, ((Map<?, ?>) sim.get("total")).get("macs"));
    }

    @Test
    void simulateWritesAPerfettoTraceAndAnUnwritablePathIsOneLineExitTwo() throws Exception {
        Path trace = dir.resolve("lenet.trace.json");
        CliRun ok = CliRun.of("simulate", LENET, "--npu", TEACHING, "--trace", trace.toString());
        assertEquals(0, ok.status(), ok.err());
        Map<String, Object> doc = JsonOracle.object(Files.readString(trace));
        long ops = ((List<?>) doc.get("traceEvents")).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> "X".equals(e.get("ph")) && "op".equals(e.get("cat"))).count();
        assertEquals(12, ops, "one complete event per LeNet-5 node");
        Files.writeString(dir.resolve("file"), "x");
        String blocked = dir.resolve("file").resolve("t.json").toString();
        CliRun bad = CliRun.of("simulate", LENET, "--npu", TEACHING, "--trace", blocked);
        assertEquals(Cli.USER_ERROR, bad.status(), bad.err());
        List<String> errors = java.util.Arrays.stream(bad.errLines()).filter(l -> !l.startsWith("warning:")).toList();
        assertEquals(1, errors.size(), bad.err());
        assertTrue(errors.get(0).contains(blocked), errors.get(0));
    }

    @Test
    void reportWritesTheFourFiles() throws Exception {
        Path out = dir.resolve("report");
        CliRun r = CliRun.of("report", LENET, "--npu", TEACHING, "--metric", "dram", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        for (String f : new String[] {"report.html", "ops.csv", "ops.json", "model-explorer.json"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(12, CsvOracle.read(Files.readString(out.resolve("ops.csv"))).rows().size(), "LeNet-5's 12 nodes");
        Map<String, Object> ops = JsonOracle.object(Files.readString(out.resolve("ops.json")));
        assertEquals(12L, ((Map<?, ?>) ops.get("totals")).get("nodes"));
        assertEquals(416_520L, ((Map<?, ?>) ops.get("totals")).get("macs"));
        assertEquals(1, JsonOracle.object(Files.readString(out.resolve("model-explorer.json"))).size(), "one graph's node data");
    }

    @Test
    void opsWithoutACostAreQuestionMarksAndCountedNeverZero() throws Exception {
        // PP-OCRv4's detector without a size binding: its symbolic H x W leave most ops without a cost.
        String det = ROOT.resolve("src/test/resources/real-models/ch_PP-OCRv4_det_infer.onnx").toString();
        CliRun r = CliRun.of("simulate", det, "--npu", ROOT.resolve("samples/npu/edge-npu-8tops.yaml").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("ops not costed: ") && r.out().contains("end-to-end latency: >= "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\S+ +Conv .* \\? +\\? +\\? .*")), "a Conv row of ?s");
        Path out = dir.resolve("det");
        CliRun report = CliRun.of("report", det, "--npu", ROOT.resolve("samples/npu/edge-npu-8tops.yaml").toString(), "-o", out.toString());
        assertEquals(0, report.status(), report.err());
        assertTrue(CsvOracle.read(Files.readString(out.resolve("ops.csv"))).column("latency_us").contains("?"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("Not costed (?)"));
    }

    @Test
    void mistakesAreOneLineWithStatusTwo() throws Exception {
        Path badNpu = Files.writeString(dir.resolve("bad.yaml"), "name: x\nclock_mhz: 1000\narray: {rows: 8, cols: 8, dataflow: zz}\n");
        for (String[] args : new String[][] {
                {"simulate", LENET, "--npu", badNpu.toString()},
                {"simulate", LENET},
                {"simulate", LENET, "--npu", TEACHING, "--fuse", "sometimes"},
                {"simulate", LENET, "--npu"},
                {"report", LENET, "--npu", TEACHING, "--metric", "joy", "-o", dir.toString()},
                {"simulate", LENET, "--npu", TEACHING, "--loop-trips", "loop"},
                {"simulate", LENET, "--npu", TEACHING, "--loop-trips", "loop=-3"},
                {"report", LENET, "--npu", TEACHING, "--loop-trips", "a=1", "--loop-trips", "a=2", "-o", dir.toString()},
                {"report", LENET, "--npu", TEACHING, "-o", Files.writeString(dir.resolve("file"), "x").toString()}}) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().startsWith("npustudio: "), r.err());
        }
        CliRun r = CliRun.of("simulate", LENET, "--npu", badNpu.toString());
        assertTrue(r.err().contains("line 3") && r.err().contains("dataflow"), r.err());
    }
}
